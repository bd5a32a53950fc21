/* scs-checklist-page.c: the requirements and criteria of one category
 *
 * Shows one category at a time, one ScsRequirementGroup per requirement
 * (heading with derived state over its ScsCriterionRow list). Rows are heavy
 * (a text view, buttons, an evidence list), so a category's groups are
 * built the first time it is shown or searched and then kept; switching
 * category or filtering only changes visibility, which keeps the page fast
 * with 81 and later 153 criteria. While the page is not on screen (the
 * window opens on the dashboard) nothing is built: the work waits until the
 * page is mapped or a caller asks for its rows, so opening a workspace
 * does not pay for a category nobody looks at. Search text matches every category, by ID
 * and by the Japanese and English text (NFKC-normalised and case-folded, so
 * full-width digits match too).
 * Keyboard: Up/Down (from the rows) and Ctrl+Page Up/Down move between the
 * shown criteria; 1–4 (rows) and Alt+1–4 (here) answer the focused one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "scs-checklist-page.h"

#include <glib/gi18n-lib.h>

#define N_CATEGORIES 7

struct _ScsChecklistPage
{
  GtkWidget          parent_instance;

  ScsWorkspace      *workspace;
  guint              category;
  ScsChecklistFilter filter;
  char              *search;       /* normalised, casefolded; NULL when empty */
  GHashTable        *evidence_names; /* for searches; NULL until needed again */

  GPtrArray         *groups;       /* of ScsRequirementGroup*, in catalog order */
  GHashTable        *row_by_id;    /* criterion ID → ScsCriterionRow* */
  GtkWidget         *category_boxes[N_CATEGORIES + 1];
  GtkWidget         *category_headings[N_CATEGORIES + 1];
  gboolean           built[N_CATEGORIES + 1];
  gboolean           stale;        /* refilter deferred until shown or asked */
  GPtrArray         *visible;      /* of ScsCriterionRow*, display order */
  guint              scroll_tick_id;
  guint              scroll_ticks;
  GtkWidget         *scroll_target;

  GtkSearchBar      *search_bar;
  GtkSearchEntry    *search_entry;
  GtkDropDown       *filter_dropdown;
  GtkScrolledWindow *scroller;
  GtkWidget         *clamp;
  GtkLabel          *title_label;
  GtkLabel          *summary_label;
  GtkBox            *groups_box;
  GtkWidget         *empty_page;
};

G_DEFINE_FINAL_TYPE (ScsChecklistPage, scs_checklist_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_WORKSPACE,
  PROP_CATEGORY,
  PROP_SEARCH_MODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static guint
target_level (ScsChecklistPage *self)
{
  return self->workspace ? scs_workspace_get_target_level (self->workspace) : 3;
}

static void
update_header (ScsChecklistPage *self)
{
  g_autofree char *title = NULL;
  g_autofree char *summary = NULL;

  if (self->workspace == NULL)
    return;

  if (self->search != NULL)
    {
      gtk_label_set_text (self->title_label, _("Search Results"));
      summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u criterion found in all categories",
                                              "%u criteria found in all categories", self->visible->len),
                                 self->visible->len);
    }
  else
    {
      ScsCatalog *catalog = scs_workspace_get_catalog (self->workspace);
      const ScsCategory *category = scs_catalog_get_category (catalog, self->category);
      ScsProgress progress;

      title = g_strdup_printf ("%u. %s", self->category,
                               category ? scs_category_get_title (category) : "");
      gtk_label_set_text (self->title_label, title);
      scs_workspace_get_progress (self->workspace, self->category, target_level (self), &progress);
      /* Translators: "12 of 15 criteria met or justified not applicable, 2 unanswered" */
      summary = g_strdup_printf (_("%u of %u criteria met or justified not applicable, %u unanswered"),
                                 progress.satisfied, progress.total,
                                 progress.counts[SCS_ANSWER_UNANSWERED]);
    }
  gtk_label_set_text (self->summary_label, summary);
}

static void
on_answer_notify (ScsChecklistPage *self)
{
  update_header (self);
}

static void
ensure_category (ScsChecklistPage *self,
                 guint             number)
{
  ScsCatalog *catalog;
  const ScsCategory *category;

  if (self->workspace == NULL || number < 1 || number > N_CATEGORIES || self->built[number])
    return;

  catalog = scs_workspace_get_catalog (self->workspace);
  category = scs_catalog_get_category (catalog, number);
  self->built[number] = TRUE;
  if (category == NULL)
    return;

  for (guint i = 0; i < category->requirements->len; i++)
    {
      GtkWidget *group = scs_requirement_group_new (self->workspace, category->requirements->pdata[i]);
      GPtrArray *rows = scs_requirement_group_get_rows (SCS_REQUIREMENT_GROUP (group));

      gtk_box_append (GTK_BOX (self->category_boxes[number]), group);
      g_ptr_array_add (self->groups, group);
      for (guint r = 0; r < rows->len; r++)
        {
          ScsAnswer *answer = scs_criterion_row_get_answer (rows->pdata[r]);

          g_hash_table_insert (self->row_by_id, (gpointer) scs_answer_get_criterion_id (answer), rows->pdata[r]);
          g_signal_connect_object (answer, "notify::state", G_CALLBACK (on_answer_notify),
                                   self, G_CONNECT_SWAPPED);
          g_signal_connect_object (answer, "notify::reason", G_CALLBACK (on_answer_notify),
                                   self, G_CONNECT_SWAPPED);
        }
    }
}

/* Criterion ID → the folded names of its evidence files, for a search:
 * read once, not at every keystroke, and again after the evidence changed. */
static GHashTable *
evidence_names_new (ScsChecklistPage *self)
{
  g_autoptr(GPtrArray) evidence = NULL;
  g_autoptr(GError) error = NULL;
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  evidence = scs_workspace_list_evidence (self->workspace, NULL, &error);
  if (evidence == NULL)
    {
      g_warning ("Cannot search the evidence names: %s", error->message);
      return names;
    }
  for (guint i = 0; i < evidence->len; i++)
    {
      ScsEvidence *e = evidence->pdata[i];
      g_autofree char *folded = scs_requirement_group_fold (e->name);

      for (guint c = 0; e->criteria != NULL && e->criteria[c] != NULL; c++)
        {
          const char *before = g_hash_table_lookup (names, e->criteria[c]);

          g_hash_table_replace (names, g_strdup (e->criteria[c]),
                                before ? g_strconcat (before, "\n", folded, NULL) : g_strdup (folded));
        }
    }
  return names;
}

static void
on_evidence_changed (ScsChecklistPage *self)
{
  g_clear_pointer (&self->evidence_names, g_hash_table_unref);
}

/* Recomputes what is shown: categories, requirements, rows, and the
 * ordered list of shown rows that keyboard navigation walks. */
static void
refilter_now (ScsChecklistPage *self)
{
  gboolean searching = self->search != NULL;

  g_ptr_array_set_size (self->visible, 0);
  self->stale = FALSE;
  if (self->workspace == NULL)
    return;

  if (searching)
    {
      for (guint n = 1; n <= N_CATEGORIES; n++)
        ensure_category (self, n);
      if (self->evidence_names == NULL)
        self->evidence_names = evidence_names_new (self);
    }
  else
    ensure_category (self, self->category);

  for (guint n = 1; n <= N_CATEGORIES; n++)
    {
      gboolean any = FALSE;

      if (!searching && n != self->category)
        {
          gtk_widget_set_visible (self->category_boxes[n], FALSE);
          continue;
        }

      for (guint g = 0; g < self->groups->len; g++)
        {
          ScsRequirementGroup *group = self->groups->pdata[g];

          if (scs_requirement_group_get_requirement (group)->category->number == n)
            any |= scs_requirement_group_refilter (group, target_level (self), self->filter,
                                                   self->search, self->evidence_names, self->visible);
        }

      gtk_widget_set_visible (self->category_boxes[n], any);
      gtk_widget_set_visible (self->category_headings[n], searching);
    }

  gtk_widget_set_visible (self->empty_page, self->visible->len == 0);
  update_header (self);
}

/* Off screen, only the header is brought up to date and the rest waits
 * (ensure_current) until the page is mapped or a caller asks for rows. */
static void
refilter (ScsChecklistPage *self)
{
  if (self->workspace != NULL && !gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      g_ptr_array_set_size (self->visible, 0);
      self->stale = TRUE;
      update_header (self);
      return;
    }
  refilter_now (self);
}

static void
ensure_current (ScsChecklistPage *self)
{
  if (self->stale)
    refilter_now (self);
}

/* Groups off screen draw nothing (scs-requirement-group.c): when the view
 * moves or the content changes size, each draws again as it now lies. */
static void
redraw_groups (ScsChecklistPage *self)
{
  for (guint g = 0; g < self->groups->len; g++)
    if (gtk_widget_get_mapped (self->groups->pdata[g]))
      gtk_widget_queue_draw (self->groups->pdata[g]);
}

static void
scs_checklist_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (scs_checklist_page_parent_class)->map (widget);
  ensure_current (SCS_CHECKLIST_PAGE (widget));
}

static void
clear_content (ScsChecklistPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->groups_box))) != NULL)
    gtk_box_remove (self->groups_box, child);

  g_ptr_array_set_size (self->visible, 0);
  g_ptr_array_set_size (self->groups, 0);
  g_hash_table_remove_all (self->row_by_id);
  memset (self->built, 0, sizeof self->built);
  memset (self->category_boxes, 0, sizeof self->category_boxes);
  memset (self->category_headings, 0, sizeof self->category_headings);
}

static void
on_target_level_changed (ScsChecklistPage *self)
{
  for (guint g = 0; g < self->groups->len; g++)
    scs_requirement_group_update_state (self->groups->pdata[g]);
  refilter (self);
}

static gboolean
scroll_tick (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       user_data)
{
  ScsChecklistPage *self = SCS_CHECKLIST_PAGE (widget);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  graphene_point_t point;
  double top, height, page;

  /* Tick callbacks run before layout: wait for the frame after the target
   * was shown, when its position is known. */
  if (self->scroll_ticks++ == 0 || gtk_widget_get_height (self->scroll_target) == 0)
    {
      if (self->scroll_ticks < 10)
        return G_SOURCE_CONTINUE;
    }

  if (gtk_widget_compute_point (self->scroll_target, self->clamp, &GRAPHENE_POINT_INIT (0, 0), &point))
    {
      top = point.y;
      height = gtk_widget_get_height (self->scroll_target);
      page = gtk_adjustment_get_page_size (adjustment);
      if (top < gtk_adjustment_get_value (adjustment) ||
          top + MIN (height, page) > gtk_adjustment_get_value (adjustment) + page)
        gtk_adjustment_set_value (adjustment, MAX (0, top - 12));
    }

  self->scroll_tick_id = 0;
  g_clear_object (&self->scroll_target);
  return G_SOURCE_REMOVE;
}

static void
focus_row (ScsChecklistPage *self,
           ScsCriterionRow  *row)
{
  gtk_widget_grab_focus (GTK_WIDGET (row));

  if (self->scroll_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->scroll_tick_id);
  g_set_object (&self->scroll_target, GTK_WIDGET (row));
  self->scroll_ticks = 0;
  self->scroll_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), scroll_tick, NULL, NULL);
}

static void
move_focus (ScsChecklistPage *self,
            int               delta)
{
  ScsCriterionRow *current = scs_checklist_page_get_focused_row (self);
  guint index = 0;
  int next;

  ensure_current (self);
  if (self->visible->len == 0)
    return;

  if (current == NULL || !g_ptr_array_find (self->visible, current, &index))
    next = delta > 0 ? 0 : (int) self->visible->len - 1;
  else
    next = CLAMP ((int) index + delta, 0, (int) self->visible->len - 1);

  focus_row (self, self->visible->pdata[next]);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  move_focus (SCS_CHECKLIST_PAGE (widget), +1);
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  move_focus (SCS_CHECKLIST_PAGE (widget), -1);
}

static void
set_focused_status_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  ScsChecklistPage *self = SCS_CHECKLIST_PAGE (widget);
  ScsCriterionRow *row = scs_checklist_page_get_focused_row (self);
  ScsAnswerState state;

  ensure_current (self);
  if (row == NULL)
    row = self->visible->len > 0 ? self->visible->pdata[0] : NULL;
  if (row == NULL || !scs_answer_state_from_string (g_variant_get_string (parameter, NULL), &state))
    return;

  g_signal_emit_by_name (scs_criterion_row_get_status_button (row, state), "clicked");
}

static void
on_search_changed (ScsChecklistPage *self)
{
  scs_checklist_page_set_search_text (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
on_stop_search (ScsChecklistPage *self)
{
  scs_checklist_page_set_search_mode (self, FALSE);
}

static void
on_filter_changed (ScsChecklistPage *self)
{
  scs_checklist_page_set_filter (self, gtk_drop_down_get_selected (self->filter_dropdown));
}

static void
on_search_mode_notify (ScsChecklistPage *self)
{
  if (!gtk_search_bar_get_search_mode (self->search_bar))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      scs_checklist_page_set_search_text (self, NULL);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH_MODE]);
}

static void
scs_checklist_page_dispose (GObject *object)
{
  ScsChecklistPage *self = SCS_CHECKLIST_PAGE (object);

  if (self->scroll_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->scroll_tick_id);
  self->scroll_tick_id = 0;
  g_clear_object (&self->scroll_target);
  gtk_widget_dispose_template (GTK_WIDGET (self), SCS_TYPE_CHECKLIST_PAGE);
  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (scs_checklist_page_parent_class)->dispose (object);
}

static void
scs_checklist_page_finalize (GObject *object)
{
  ScsChecklistPage *self = SCS_CHECKLIST_PAGE (object);

  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->row_by_id, g_hash_table_unref);
  g_clear_pointer (&self->visible, g_ptr_array_unref);
  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->evidence_names, g_hash_table_unref);

  G_OBJECT_CLASS (scs_checklist_page_parent_class)->finalize (object);
}

static void
scs_checklist_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ScsChecklistPage *self = SCS_CHECKLIST_PAGE (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      g_value_set_object (value, self->workspace);
      break;
    case PROP_CATEGORY:
      g_value_set_uint (value, self->category);
      break;
    case PROP_SEARCH_MODE:
      g_value_set_boolean (value, scs_checklist_page_get_search_mode (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scs_checklist_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  ScsChecklistPage *self = SCS_CHECKLIST_PAGE (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      scs_checklist_page_set_workspace (self, g_value_get_object (value));
      break;
    case PROP_CATEGORY:
      scs_checklist_page_set_category (self, g_value_get_uint (value));
      break;
    case PROP_SEARCH_MODE:
      scs_checklist_page_set_search_mode (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
add_shortcut (GtkShortcutController *controller,
              guint                  keyval,
              GdkModifierType        modifiers,
              const char            *action,
              const char            *state)
{
  GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (keyval, modifiers),
                                            gtk_named_action_new (action));

  if (state != NULL)
    gtk_shortcut_set_arguments (shortcut, g_variant_new_string (state));
  gtk_shortcut_controller_add_shortcut (controller, shortcut);
}

static void
scs_checklist_page_class_init (ScsChecklistPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = scs_checklist_page_dispose;
  object_class->finalize = scs_checklist_page_finalize;
  object_class->get_property = scs_checklist_page_get_property;
  object_class->set_property = scs_checklist_page_set_property;
  widget_class->map = scs_checklist_page_map;

  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL, SCS_TYPE_WORKSPACE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CATEGORY] =
    g_param_spec_uint ("category", NULL, NULL, 1, N_CATEGORIES, 1,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEARCH_MODE] =
    g_param_spec_boolean ("search-mode", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/jp/scsworkbench/Workbench/scs-checklist-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ScsChecklistPage, search_bar);
  gtk_widget_class_bind_template_child (widget_class, ScsChecklistPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ScsChecklistPage, filter_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ScsChecklistPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, ScsChecklistPage, clamp);
  gtk_widget_class_bind_template_child (widget_class, ScsChecklistPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, ScsChecklistPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, ScsChecklistPage, groups_box);
  gtk_widget_class_bind_template_child (widget_class, ScsChecklistPage, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);

  gtk_widget_class_install_action (widget_class, "checklist.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "checklist.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "checklist.set-focused-status", "s",
                                   set_focused_status_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "checklist");
}

static void
scs_checklist_page_init (ScsChecklistPage *self)
{
  GtkEventController *controller;
  GtkAdjustment *adjustment;

  self->category = 1;
  self->groups = g_ptr_array_new ();
  self->row_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->visible = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (redraw_groups), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adjustment, "changed", G_CALLBACK (redraw_groups), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_bar, "notify::search-mode-enabled",
                           G_CALLBACK (on_search_mode_notify), self, G_CONNECT_SWAPPED);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search criteria"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->filter_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Answer state filter"), -1);

  /* Capture phase: these work from inside the note editor too. */
  controller = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_Page_Down, GDK_CONTROL_MASK, "checklist.next", NULL);
  add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_Page_Up, GDK_CONTROL_MASK, "checklist.previous", NULL);
  add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_1, GDK_ALT_MASK, "checklist.set-focused-status", "met");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_2, GDK_ALT_MASK, "checklist.set-focused-status", "not-met");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_3, GDK_ALT_MASK, "checklist.set-focused-status", "na");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_4, GDK_ALT_MASK, "checklist.set-focused-status", "unanswered");
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

GtkWidget *
scs_checklist_page_new (void)
{
  return g_object_new (SCS_TYPE_CHECKLIST_PAGE, NULL);
}

void
scs_checklist_page_set_workspace (ScsChecklistPage *self,
                                  ScsWorkspace     *workspace)
{
  ScsCatalog *catalog;

  g_return_if_fail (SCS_IS_CHECKLIST_PAGE (self));
  g_return_if_fail (workspace == NULL || SCS_IS_WORKSPACE (workspace));

  if (self->workspace == workspace)
    return;

  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  g_clear_pointer (&self->evidence_names, g_hash_table_unref);
  clear_content (self);
  g_set_object (&self->workspace, workspace);

  if (workspace != NULL)
    {
      catalog = scs_workspace_get_catalog (workspace);
      for (guint n = 1; n <= N_CATEGORIES; n++)
        {
          const ScsCategory *category = scs_catalog_get_category (catalog, n);
          g_autofree char *heading = g_strdup_printf ("%u. %s", n, category ? scs_category_get_title (category) : "");

          self->category_boxes[n] = gtk_box_new (GTK_ORIENTATION_VERTICAL, 28);
          self->category_headings[n] = gtk_label_new (heading);
          gtk_label_set_xalign (GTK_LABEL (self->category_headings[n]), 0);
          gtk_widget_add_css_class (self->category_headings[n], "title-4");
          gtk_box_append (GTK_BOX (self->category_boxes[n]), self->category_headings[n]);
          gtk_box_append (self->groups_box, self->category_boxes[n]);
        }
      g_signal_connect_object (workspace, "notify::target-level",
                               G_CALLBACK (on_target_level_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (workspace, "evidence-changed",
                               G_CALLBACK (on_evidence_changed), self, G_CONNECT_SWAPPED);
    }

  refilter (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSPACE]);
}

void
scs_checklist_page_set_category (ScsChecklistPage *self,
                                 guint             category)
{
  g_return_if_fail (SCS_IS_CHECKLIST_PAGE (self));
  g_return_if_fail (category >= 1 && category <= N_CATEGORIES);

  if (self->category == category)
    return;

  self->category = category;
  refilter (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATEGORY]);
}

guint
scs_checklist_page_get_category (ScsChecklistPage *self)
{
  g_return_val_if_fail (SCS_IS_CHECKLIST_PAGE (self), 0);

  return self->category;
}

void
scs_checklist_page_set_search_mode (ScsChecklistPage *self,
                                    gboolean          search_mode)
{
  g_return_if_fail (SCS_IS_CHECKLIST_PAGE (self));

  /* The search bar notifies, and on_search_mode_notify forwards. */
  gtk_search_bar_set_search_mode (self->search_bar, search_mode);
}

gboolean
scs_checklist_page_get_search_mode (ScsChecklistPage *self)
{
  g_return_val_if_fail (SCS_IS_CHECKLIST_PAGE (self), FALSE);

  return gtk_search_bar_get_search_mode (self->search_bar);
}

void
scs_checklist_page_set_search_text (ScsChecklistPage *self,
                                    const char       *text)
{
  g_autofree char *folded = NULL;
  g_autofree char *stripped = NULL;

  g_return_if_fail (SCS_IS_CHECKLIST_PAGE (self));

  stripped = g_strstrip (g_strdup (text ? text : ""));
  if (*stripped != '\0')
    folded = scs_requirement_group_fold (stripped);

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), text ? text : "") != 0)
    {
      g_signal_handlers_block_by_func (self->search_entry, on_search_changed, self);
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
      g_signal_handlers_unblock_by_func (self->search_entry, on_search_changed, self);
    }

  if (g_strcmp0 (folded, self->search) == 0)
    return;

  g_free (self->search);
  self->search = g_steal_pointer (&folded);
  refilter (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

void
scs_checklist_page_set_filter (ScsChecklistPage   *self,
                               ScsChecklistFilter  filter)
{
  g_return_if_fail (SCS_IS_CHECKLIST_PAGE (self));
  g_return_if_fail (filter <= SCS_CHECKLIST_FILTER_NOT_APPLICABLE);

  if (gtk_drop_down_get_selected (self->filter_dropdown) != filter)
    gtk_drop_down_set_selected (self->filter_dropdown, filter);   /* comes back here */

  if (self->filter == filter)
    return;

  self->filter = filter;
  refilter (self);
}

void
scs_checklist_page_focus_search (ScsChecklistPage *self)
{
  g_return_if_fail (SCS_IS_CHECKLIST_PAGE (self));

  scs_checklist_page_set_search_mode (self, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

gboolean
scs_checklist_page_focus_criterion (ScsChecklistPage *self,
                                    const char       *criterion_id)
{
  ScsCatalog *catalog;
  const ScsCriterion *criterion;
  const ScsRequirement *requirement;
  ScsCriterionRow *row;

  g_return_val_if_fail (SCS_IS_CHECKLIST_PAGE (self), FALSE);
  g_return_val_if_fail (criterion_id != NULL, FALSE);

  if (self->workspace == NULL)
    return FALSE;

  /* Texts write "No.1-2-1" as often as "1-2-1". */
  if (g_str_has_prefix (criterion_id, "No."))
    criterion_id += strlen ("No.");

  catalog = scs_workspace_get_catalog (self->workspace);
  criterion = scs_catalog_lookup_criterion (catalog, criterion_id);
  requirement = criterion ? criterion->requirement : scs_catalog_lookup_requirement (catalog, criterion_id);
  if (requirement == NULL)
    return FALSE;
  if (criterion == NULL && requirement->criteria != NULL && requirement->criteria->len > 0)
    criterion = requirement->criteria->pdata[0];

  scs_checklist_page_set_search_mode (self, FALSE);
  scs_checklist_page_set_search_text (self, NULL);
  scs_checklist_page_set_category (self, requirement->category->number);
  ensure_category (self, requirement->category->number);
  ensure_current (self);

  row = criterion ? g_hash_table_lookup (self->row_by_id, criterion->id) : NULL;
  if (row != NULL && !gtk_widget_get_visible (GTK_WIDGET (row)))
    scs_checklist_page_set_filter (self, SCS_CHECKLIST_FILTER_ALL);
  if (row == NULL || !gtk_widget_get_visible (GTK_WIDGET (row)))
    return FALSE;

  focus_row (self, row);
  return TRUE;
}

ScsCriterionRow *
scs_checklist_page_get_row (ScsChecklistPage *self,
                            const char       *criterion_id)
{
  g_return_val_if_fail (SCS_IS_CHECKLIST_PAGE (self), NULL);

  ensure_current (self);
  return g_hash_table_lookup (self->row_by_id, criterion_id);
}

ScsCriterionRow *
scs_checklist_page_get_focused_row (ScsChecklistPage *self)
{
  GtkRoot *root;
  GtkWidget *focus;
  GtkWidget *row;

  g_return_val_if_fail (SCS_IS_CHECKLIST_PAGE (self), NULL);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  focus = root ? gtk_root_get_focus (root) : NULL;
  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
    return NULL;

  row = SCS_IS_CRITERION_ROW (focus) ? focus : gtk_widget_get_ancestor (focus, SCS_TYPE_CRITERION_ROW);
  return row ? SCS_CRITERION_ROW (row) : NULL;
}

guint
scs_checklist_page_get_n_visible (ScsChecklistPage *self)
{
  g_return_val_if_fail (SCS_IS_CHECKLIST_PAGE (self), 0);

  ensure_current (self);
  return self->visible->len;
}

const char *
scs_checklist_page_get_visible_id (ScsChecklistPage *self,
                                   guint             position)
{
  g_return_val_if_fail (SCS_IS_CHECKLIST_PAGE (self), NULL);

  ensure_current (self);
  if (position >= self->visible->len)
    return NULL;
  return scs_criterion_row_get_criterion_id (self->visible->pdata[position]);
}

void
scs_checklist_page_flush (ScsChecklistPage *self)
{
  GHashTableIter iter;
  gpointer row;

  g_return_if_fail (SCS_IS_CHECKLIST_PAGE (self));

  g_hash_table_iter_init (&iter, self->row_by_id);
  while (g_hash_table_iter_next (&iter, NULL, &row))
    scs_criterion_row_flush (row);
}
