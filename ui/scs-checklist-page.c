/* scs-checklist-page.c: the requirements and criteria of one category
 *
 * One flat list of ScsChecklistItem: for each category its title (shown
 * only in search results), for each requirement its heading, then its
 * criteria. Each item has a slot in the page, shown when the item passes
 * the category, the search text and the state filter. A criterion's slot
 * holds a ScsCriterionRow only while it is in view (or half a screen
 * away): rows are heavy (a text view, buttons, an evidence list), so a
 * category switch or a search keystroke must style, lay out and draw a
 * screenful of them, not the 81 or 153 criteria of a ★4 workspace. Off
 * view, a slot keeps the height its row last had (or an estimate), so the
 * scroll bar stays put; rows leaving the view (or whose category is left)
 * rest in their slots, not shown but still in the window and showing their
 * item, for when it comes back: taking a row out of the widget tree and
 * putting it back cost its styles, its laid-out text and its drawing, most
 * of a category switch. The slots are in a column (ScsChecklistColumn)
 * that maps and allocates only those near the view: the others are neither
 * shown nor hidden by a search, only counted with their heights, so a
 * search character that brings 130 slots into the list lays out a
 * screenful. Up to CACHE_MAX rows rest; beyond that the oldest is
 * given to the next item that comes into view (bind and unbind). What a
 * row must not forget — the note or reason typed and not yet saved, its
 * saving, the open reason field, read-only — is the item's
 * (scs-checklist-item.c). GtkListView is not used: GTK 4.8's keeps up to
 * 200 rows alive around its anchor whatever its height (gtklistview.c,
 * GTK_LIST_VIEW_MAX_LIST_ITEMS), which is every row of this list.
 * Search text matches every category, by ID and by the Japanese and
 * English text (NFKC-normalised and case-folded, so full-width digits match
 * too), and by the user's note and reason and evidence file names.
 * Keyboard: Up/Down (from the rows) and Ctrl+Page Up/Down move between the
 * shown criteria; 1–4 (rows) and Alt+1–4 (here) answer the focused one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "scs-checklist-page.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "scs-requirement-heading.h"
#include "scs-review.h"

#define N_CATEGORIES 7
#define ROW_ESTIMATE 360   /* px: a criterion row, until one is laid out */
#define CACHE_MAX 24     /* rows resting out of view: a few screens' worth */

/* The place of one item in the page: a heading, or a criterion's row
 * while in view, else the height that row last had. A row out of view may
 * rest in its slot (kept as a child, hidden) for
 * when its criterion comes back: it keeps its styles, its text laid out
 * and its drawing, which taking it out of the widget tree would drop. */
#define SCS_TYPE_CHECKLIST_SLOT (scs_checklist_slot_get_type ())
G_DECLARE_FINAL_TYPE (ScsChecklistSlot, scs_checklist_slot, SCS, CHECKLIST_SLOT, GtkWidget)

struct _ScsChecklistSlot
{
  GtkWidget         parent_instance;

  ScsChecklistItem *item;
  GtkWidget        *child;    /* heading, or row (in view or resting) */
  gboolean          shown;    /* the item passes the filter: in the list */
  gboolean          resting;  /* child is a row out of view, not shown */
  int               height;   /* last allocated with a child; 0 unknown */
  int               width;    /* the width it was allocated at */
  int               estimate; /* the page's, while the height is unknown */
};

G_DEFINE_FINAL_TYPE (ScsChecklistSlot, scs_checklist_slot, GTK_TYPE_WIDGET)

static void
scs_checklist_slot_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  ScsChecklistSlot *self = SCS_CHECKLIST_SLOT (widget);

  if (self->child != NULL && !self->resting)
    gtk_widget_measure (self->child, orientation, for_size, minimum, natural, NULL, NULL);
  else if (orientation == GTK_ORIENTATION_VERTICAL)
    *minimum = *natural = self->height > 0 ? self->height : self->estimate;
  else
    *minimum = *natural = 0;
}

/* Rows wrap their text: their height depends on the width given. */
static GtkSizeRequestMode
scs_checklist_slot_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
scs_checklist_slot_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  ScsChecklistSlot *self = SCS_CHECKLIST_SLOT (widget);

  if (self->child != NULL && !self->resting)
    {
      gtk_widget_allocate (self->child, width, height, baseline, NULL);
      self->height = height;
      self->width = width;
    }
}

static void
scs_checklist_slot_dispose (GObject *object)
{
  ScsChecklistSlot *self = SCS_CHECKLIST_SLOT (object);

  g_clear_pointer (&self->child, gtk_widget_unparent);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (scs_checklist_slot_parent_class)->dispose (object);
}

static void
scs_checklist_slot_class_init (ScsChecklistSlotClass *klass)
{
  GTK_WIDGET_CLASS (klass)->get_request_mode = scs_checklist_slot_get_request_mode;
  GTK_WIDGET_CLASS (klass)->measure = scs_checklist_slot_measure;
  GTK_WIDGET_CLASS (klass)->size_allocate = scs_checklist_slot_size_allocate;
  G_OBJECT_CLASS (klass)->dispose = scs_checklist_slot_dispose;
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "checklist-slot");
}

static void
scs_checklist_slot_init (ScsChecklistSlot *self)
{
  self->estimate = ROW_ESTIMATE;
}

static void
slot_set_child (ScsChecklistSlot *self,
                GtkWidget        *child)
{
  if (self->child != NULL)
    gtk_widget_unparent (self->child);
  self->child = child;
  self->resting = FALSE;
  if (child != NULL)
    gtk_widget_set_parent (child, GTK_WIDGET (self));
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* A row out of view rests in its slot (or is shown again). */
static void
slot_set_resting (ScsChecklistSlot *self,
                  gboolean          resting)
{
  if (self->resting == resting)
    return;
  self->resting = resting;
  /* Hidden, not only unmapped (child-visible off): GTK styles the widgets
   * shown in the window again whenever the focus moves (GTK 4.8 takes
   * :focus-within off the window and puts it back, and every style that
   * looks at an ancestor's state is computed again), which for 24 resting
   * rows made a category switch twice as slow. A hidden row waits with
   * that change until it is shown. It is the slot's only child: showing
   * or hiding it restyles nothing around it (see slot_set_shown). */
  gtk_widget_set_visible (self->child, !resting);
  /* Out of the keyboard's and screen readers' way too. */
  gtk_widget_set_can_focus (self->child, !resting);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->child), GTK_ACCESSIBLE_STATE_HIDDEN, resting, -1);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* In the list or not (the filter): no slot is shown or hidden for it.
 * A widget shown or hidden makes GTK style again, under each of its
 * siblings, the parts that may depend on an ancestor's place
 * (:first-child and the like: a row's buttons, its evidence files), so a
 * search character restyled the rows of every slot (350-400 styles, 5-9
 * ms); and it would map and lay out each of the ~200 slots the character
 * brings in. The column skips the slot, and screen readers too. */
static gboolean
slot_set_shown (ScsChecklistSlot *self,
                gboolean          shown)
{
  if (self->shown == shown)
    return FALSE;
  self->shown = shown;
  gtk_accessible_update_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_HIDDEN, !shown, -1);
  if (!shown)
    gtk_widget_set_child_visible (GTK_WIDGET (self), FALSE);
  return TRUE;
}

/* The column of slots: a vertical list in which only the slots near the
 * view are mapped and allocated (child-visible, set by update_rows); the
 * others only count with their height (kept or estimated by the slot, so
 * measuring them is a look-up in GTK's size cache). A GtkBox would
 * allocate every shown slot in every frame that lays out. */
#define SCS_TYPE_CHECKLIST_COLUMN (scs_checklist_column_get_type ())
G_DECLARE_FINAL_TYPE (ScsChecklistColumn, scs_checklist_column, SCS, CHECKLIST_COLUMN, GtkWidget)

struct _ScsChecklistColumn
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (ScsChecklistColumn, scs_checklist_column, GTK_TYPE_WIDGET)

static void
scs_checklist_column_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_min = 0, child_nat = 0;

      if (!SCS_CHECKLIST_SLOT (child)->shown)
        continue;
      gtk_widget_measure (child, orientation, for_size, &child_min, &child_nat, NULL, NULL);
      if (orientation == GTK_ORIENTATION_VERTICAL)
        {
          /* Every slot at its natural height: the list scrolls. */
          *minimum += child_nat;
          *natural += child_nat;
        }
      else
        {
          *minimum = MAX (*minimum, child_min);
          *natural = MAX (*natural, child_nat);
        }
    }
}

static GtkSizeRequestMode
scs_checklist_column_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
scs_checklist_column_size_allocate (GtkWidget *widget,
                                    int        width,
                                    int        height,
                                    int        baseline)
{
  int y = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_height = 0;

      if (!SCS_CHECKLIST_SLOT (child)->shown)
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, NULL, &child_height, NULL, NULL);
      if (gtk_widget_get_child_visible (child))
        gtk_widget_allocate (child, width, child_height, -1,
                             gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (0, y)));
      y += child_height;
    }
}

static void
scs_checklist_column_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (scs_checklist_column_parent_class)->dispose (object);
}

static void
scs_checklist_column_class_init (ScsChecklistColumnClass *klass)
{
  GTK_WIDGET_CLASS (klass)->get_request_mode = scs_checklist_column_get_request_mode;
  GTK_WIDGET_CLASS (klass)->measure = scs_checklist_column_measure;
  GTK_WIDGET_CLASS (klass)->size_allocate = scs_checklist_column_size_allocate;
  G_OBJECT_CLASS (klass)->dispose = scs_checklist_column_dispose;
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "checklist-column");
  gtk_widget_class_set_accessible_role (GTK_WIDGET_CLASS (klass), GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
scs_checklist_column_init (ScsChecklistColumn *self)
{
}


struct _ScsChecklistPage
{
  GtkWidget           parent_instance;

  ScsWorkspace       *workspace;
  guint               category;
  ScsChecklistFilter  filter;
  char               *search;          /* normalised, casefolded; NULL when empty */
  GHashTable         *evidence_names;  /* for searches; NULL until needed again */
  gboolean            sealed;

  GListStore         *items;           /* of ScsChecklistItem, every category */
  GHashTable         *item_by_id;      /* criterion ID → ScsChecklistItem* */
  GHashTable         *slot_by_item;    /* ScsChecklistItem* → ScsChecklistSlot* */
  GPtrArray          *visible;         /* of ScsChecklistItem*, shown criteria in order */
  GQueue              cache;           /* of ScsChecklistSlot*, whose rows rest
                                        * (out of view, still bound to their
                                        * items), latest first */
  int                 row_estimate;    /* px: the rows laid out, on average */
  gboolean            stale;           /* refilter deferred until shown or asked */
  guint               update_tick_id;
  guint               near_idle_id;    /* rows near the view, after a frame */
  gulong              near_paint_id;
  GdkFrameClock      *near_clock;
  guint               scroll_tick_id;
  guint               scroll_ticks;
  ScsChecklistSlot   *scroll_target;

  GtkSearchBar       *search_bar;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *filter_dropdown;
  GtkStack           *content_stack;   /* the list or empty_page */
  GtkScrolledWindow  *scroller;
  GtkWidget          *clamp;
  GtkWidget          *slots_box;      /* ScsChecklistColumn of ScsChecklistSlot */
  GtkStack           *header_stack;
  GtkWidget          *headers[N_CATEGORIES + 1];  /* [0] search, [n] category n */
  GtkWidget          *empty_page;
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

/* The header: a title and progress summary for each category and one for
 * the search results, each pair a page of header_stack, made when first
 * shown. A wrapping label is measured at many widths in every frame that
 * lays the window out (GtkWindow searches for its minimum size), and a new
 * text drops all it measured: with one pair for all, a category switch laid
 * the title out 22 times and the summary 27. Now a switch shows another page, and
 * a label's text changes only when what it says does (a summary when the
 * progress moves), so GTK keeps their sizes. The pages not shown are hidden
 * from screen readers; the criteria's list is labelled by the title shown. */
static void
show_header (ScsChecklistPage *self,
             guint             index,
             const char       *title,
             const char       *summary)
{
  GtkWidget *shown = gtk_stack_get_visible_child (self->header_stack);
  GtkWidget *header = self->headers[index];
  GtkWidget *title_label;

  if (header == NULL)
    {
      GtkWidget *summary_label = gtk_label_new (NULL);

      header = self->headers[index] = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
      title_label = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (title_label), 0);
      gtk_label_set_wrap (GTK_LABEL (title_label), TRUE);
      gtk_widget_add_css_class (title_label, "title-2");
      gtk_label_set_xalign (GTK_LABEL (summary_label), 0);
      gtk_label_set_wrap (GTK_LABEL (summary_label), TRUE);
      gtk_widget_add_css_class (summary_label, "dim-label");
      gtk_box_append (GTK_BOX (header), title_label);
      gtk_box_append (GTK_BOX (header), summary_label);
      gtk_accessible_update_state (GTK_ACCESSIBLE (header), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
      gtk_stack_add_child (self->header_stack, header);
    }
  title_label = gtk_widget_get_first_child (header);
  /* No-ops when the text is the same: the label keeps its sizes. */
  gtk_label_set_text (GTK_LABEL (title_label), title);
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_next_sibling (title_label)), summary);
  if (shown == header)
    return;

  if (shown != NULL)
    gtk_accessible_update_state (GTK_ACCESSIBLE (shown), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (header), GTK_ACCESSIBLE_STATE_HIDDEN, FALSE, -1);
  gtk_stack_set_visible_child (self->header_stack, header);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->slots_box),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, title_label, NULL, -1);
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
      guint n = 0;

      /* Counted over the items: the shown list may still wait (refilter). */
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->items)); i++)
        {
          g_autoptr(ScsChecklistItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

          if (scs_checklist_item_get_kind (item) == SCS_CHECKLIST_ITEM_CRITERION &&
              scs_checklist_item_get_shown (item))
            n++;
        }
      summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u criterion found in all categories",
                                              "%u criteria found in all categories", n), n);
      show_header (self, 0, _("Search Results"), summary);
    }
  else
    {
      ScsCatalog *catalog = scs_workspace_get_catalog (self->workspace);
      const ScsCategory *category = scs_catalog_get_category (catalog, self->category);
      ScsProgress progress;

      title = g_strdup_printf ("%u. %s", self->category,
                               category ? scs_category_get_title (category) : "");
      scs_workspace_get_progress (self->workspace, self->category, target_level (self), &progress);
      /* Translators: "12 of 15 criteria met or justified not applicable, 2 unanswered" */
      summary = g_strdup_printf (_("%u of %u criteria met or justified not applicable, %u unanswered"),
                                 progress.satisfied, progress.total,
                                 progress.counts[SCS_ANSWER_UNANSWERED]);
      show_header (self, self->category, title, summary);
    }
}

static void update_rows (ScsChecklistPage *self);

static void
on_answer_notify (ScsChecklistPage *self)
{
  update_header (self);
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
      g_autofree char *folded = scs_checklist_item_fold (e->name);

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

static gboolean
state_passes (ScsAnswerState     state,
              ScsChecklistFilter filter)
{
  switch (filter)
    {
    case SCS_CHECKLIST_FILTER_UNANSWERED:
      return state == SCS_ANSWER_UNANSWERED;
    case SCS_CHECKLIST_FILTER_MET:
      return state == SCS_ANSWER_MET;
    case SCS_CHECKLIST_FILTER_NOT_MET:
      return state == SCS_ANSWER_NOT_MET;
    case SCS_CHECKLIST_FILTER_NOT_APPLICABLE:
      return state == SCS_ANSWER_NOT_APPLICABLE;
    case SCS_CHECKLIST_FILTER_ALL:
    default:
      return TRUE;
    }
}

/* Decides for each item whether it is shown (the criteria first, then the
 * headings over what is shown), then shows their slots. */
static void
refilter_now (ScsChecklistPage *self)
{
  GListModel *items = G_LIST_MODEL (self->items);
  gboolean searching = self->search != NULL;
  guint level = target_level (self);
  g_autoptr(GHashTable) any = g_hash_table_new (NULL, NULL);   /* requirement or category → shown */
  guint n = g_list_model_get_n_items (items);
  gboolean changed = FALSE;

  self->stale = FALSE;
  g_ptr_array_set_size (self->visible, 0);
  if (self->workspace == NULL)
    return;

  if (searching && self->evidence_names == NULL)
    self->evidence_names = evidence_names_new (self);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ScsChecklistItem) item = g_list_model_get_item (items, i);
      ScsAnswer *answer = scs_checklist_item_get_answer (item);
      gboolean passes;

      if (scs_checklist_item_get_kind (item) != SCS_CHECKLIST_ITEM_CRITERION)
        continue;
      passes = (searching || scs_checklist_item_get_category (item) == self->category) &&
               scs_answer_get_criterion (answer)->level <= level &&
               state_passes (scs_answer_get_state (answer), self->filter) &&
               scs_checklist_item_matches (item, self->search, self->evidence_names);
      scs_checklist_item_set_shown (item, passes);
      if (passes)
        {
          g_ptr_array_add (self->visible, item);
          g_hash_table_add (any, (gpointer) scs_checklist_item_get_requirement (item));
          g_hash_table_add (any, GUINT_TO_POINTER (scs_checklist_item_get_category (item)));
        }
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ScsChecklistItem) item = g_list_model_get_item (items, i);
      const ScsRequirement *requirement = scs_checklist_item_get_requirement (item);

      switch (scs_checklist_item_get_kind (item))
        {
        case SCS_CHECKLIST_ITEM_CATEGORY:
          scs_checklist_item_set_shown (item, searching &&
                                        g_hash_table_contains (any, GUINT_TO_POINTER (scs_checklist_item_get_category (item))));
          break;
        case SCS_CHECKLIST_ITEM_REQUIREMENT:
          if (!requirement->criteria_known)
            /* Criteria unknown: only when aiming at ★4 and nothing narrows the view. */
            scs_checklist_item_set_shown (item, !searching && self->filter == SCS_CHECKLIST_FILTER_ALL &&
                                          scs_checklist_item_get_category (item) == self->category &&
                                          level >= requirement->level);
          else
            scs_checklist_item_set_shown (item, g_hash_table_contains (any, requirement));
          break;
        case SCS_CHECKLIST_ITEM_CRITERION:
        default:
          break;
        }
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ScsChecklistItem) item = g_list_model_get_item (items, i);

      if (slot_set_shown (g_hash_table_lookup (self->slot_by_item, item), scs_checklist_item_get_shown (item)))
        changed = TRUE;
    }
  if (changed)
    gtk_widget_queue_resize (self->slots_box);
  gtk_stack_set_visible_child (self->content_stack, self->visible->len > 0
                                                    ? GTK_WIDGET (self->scroller) : self->empty_page);
  update_header (self);
  update_rows (self);
}

/* Off screen, nothing is filtered: the work waits (ensure_current) until
 * the page is mapped or a caller asks for what is shown. */
static void
refilter (ScsChecklistPage *self)
{
  if (self->workspace != NULL && !gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
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

static void
scs_checklist_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (scs_checklist_page_parent_class)->map (widget);
  ensure_current (SCS_CHECKLIST_PAGE (widget));
}

static void
on_target_level_changed (ScsChecklistPage *self)
{
  refilter (self);
}

/* Rows in view */

static gboolean
row_has_focus (GtkWidget *row)
{
  GtkRoot *root = gtk_widget_get_root (row);
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == row || gtk_widget_is_ancestor (focus, row));
}

/* The slot's row while in view. */
static ScsCriterionRow *
slot_row (ScsChecklistSlot *slot)
{
  return slot->child != NULL && !slot->resting && SCS_IS_CRITERION_ROW (slot->child)
         ? SCS_CRITERION_ROW (slot->child) : NULL;
}

/* Takes the resting row out of the slot at the cache's end, unbound. */
static GtkWidget *
take_oldest_row (ScsChecklistPage *self)
{
  ScsChecklistSlot *slot = g_queue_pop_tail (&self->cache);
  GtkWidget *row = slot->child != NULL ? g_object_ref (slot->child) : NULL;

  if (row != NULL)
    {
      slot_set_resting (slot, FALSE);
      slot_set_child (slot, NULL);
    }
  g_object_unref (slot);
  return row;
}

static ScsCriterionRow *
attach_row (ScsChecklistPage *self,
            ScsChecklistSlot *slot)
{
  GtkWidget *row = NULL;

  if (slot_row (slot) != NULL)
    return slot_row (slot);

  /* The item's own row if it rests here: shown again as it was. */
  if (slot->child != NULL)
    {
      GList *link = g_queue_find (&self->cache, slot);

      g_queue_delete_link (&self->cache, link);
      g_object_unref (slot);
      slot_set_resting (slot, FALSE);
      return slot_row (slot);
    }

  /* Else the oldest resting row, else a new one. */
  if (self->cache.length >= CACHE_MAX)
    row = take_oldest_row (self);
  else
    row = g_object_ref_sink (g_object_new (SCS_TYPE_CRITERION_ROW, NULL));
  scs_criterion_row_set_item (SCS_CRITERION_ROW (row), slot->item);
  slot_set_child (slot, row);
  g_object_unref (row);   /* the slot holds it */
  return SCS_CRITERION_ROW (row);
}

static void
detach_row (ScsChecklistPage *self,
            ScsChecklistSlot *slot)
{
  if (slot_row (slot) == NULL)
    return;
  slot_set_resting (slot, TRUE);
  g_queue_push_head (&self->cache, g_object_ref (slot));
  while (self->cache.length > CACHE_MAX)
    {
      g_autoptr(GtkWidget) oldest = take_oldest_row (self);

      scs_criterion_row_set_item (SCS_CRITERION_ROW (oldest), NULL);
    }
}

static void
clear_cache (ScsChecklistPage *self)
{
  while (self->cache.length > 0)
    {
      g_autoptr(GtkWidget) row = take_oldest_row (self);

      if (row != NULL)
        scs_criterion_row_set_item (SCS_CRITERION_ROW (row), NULL);
    }
}

/* The height the column gives the slot (its padding included): what
 * the scroll positions are made of. A look-up in GTK's size cache but
 * for a row just given to it. */
static int
slot_extent (ScsChecklistPage *self,
             ScsChecklistSlot *slot)
{
  int width = gtk_widget_get_width (self->slots_box);
  int natural = 0;

  gtk_widget_measure (GTK_WIDGET (slot), GTK_ORIENTATION_VERTICAL, width > 0 ? width : -1,
                      NULL, &natural, NULL, NULL);
  return natural;
}

/* Rows never laid out are given the average height of those laid out at
 * the present width (their text wraps alike), so the scroll bar is about
 * right from the start and moves little as they come into view. */
static void
update_estimate (ScsChecklistPage *self)
{
  int width = gtk_widget_get_width (self->slots_box);
  gint64 sum = 0;
  int n = 0, estimate;

  for (GtkWidget *child = gtk_widget_get_first_child (self->slots_box);
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      ScsChecklistSlot *slot = SCS_CHECKLIST_SLOT (child);

      if (slot->height > 0 && slot->width == width &&
          scs_checklist_item_get_kind (slot->item) == SCS_CHECKLIST_ITEM_CRITERION)
        {
          sum += slot->height;
          n++;
        }
    }
  if (n == 0)
    return;
  estimate = (int) (sum / n);
  /* Not for every pixel: each change lays out the whole list again. */
  if (ABS (estimate - self->row_estimate) * 20 <= self->row_estimate)
    return;
  self->row_estimate = estimate;
  for (GtkWidget *child = gtk_widget_get_first_child (self->slots_box);
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      ScsChecklistSlot *slot = SCS_CHECKLIST_SLOT (child);

      if (scs_checklist_item_get_kind (slot->item) != SCS_CHECKLIST_ITEM_CRITERION)
        continue;
      slot->estimate = estimate;
      if (slot->height == 0 && (slot->child == NULL || slot->resting) && slot->shown)
        gtk_widget_queue_resize (child);
    }
}

/* Gives a row to every shown criterion in view (by the slots' known or
 * estimated heights) and takes it from those more than half a screen
 * away, except a row holding the focus. Runs before layout, so a switch,
 * a search or a scroll is drawn with its rows in the same frame. The
 * criteria within half a screen get theirs after that frame, @budget at a
 * time (update_rows), ready for scrolling; returns whether some wait. */
static gboolean
update_rows_within (ScsChecklistPage *self,
                    guint             budget)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  double value = gtk_adjustment_get_value (adjustment);
  double page = gtk_adjustment_get_page_size (adjustment);
  double low, high, y = 0;
  gboolean waiting = FALSE, remapped = FALSE;

  if (page <= 0)
    page = MAX (gtk_widget_get_height (GTK_WIDGET (self->scroller)), 900);
  low = value - page / 2;
  high = value + page + page / 2;
  update_estimate (self);

  for (GtkWidget *child = gtk_widget_get_first_child (self->slots_box);
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      ScsChecklistSlot *slot = SCS_CHECKLIST_SLOT (child);
      gboolean near, live;
      int height;

      if (!slot->shown)
        {
          if (slot_row (slot) != NULL && !row_has_focus (slot->child))
            detach_row (self, slot);
          continue;
        }
      height = slot_extent (self, slot);
      near = y + height >= low && y <= high;
      if (scs_checklist_item_get_kind (slot->item) != SCS_CHECKLIST_ITEM_CRITERION)
        ;
      else if (y + height >= value && y <= value + page)
        attach_row (self, slot);
      else if (!near)
        {
          if (slot_row (slot) != NULL && !row_has_focus (slot->child))
            detach_row (self, slot);
        }
      else if (slot_row (slot) == NULL && budget > 0)
        {
          attach_row (self, slot);
          budget--;
        }
      else if (slot_row (slot) == NULL)
        waiting = TRUE;
      /* Mapped and allocated only near the view (or holding the focus). */
      live = near || slot_row (slot) != NULL;
      if (gtk_widget_get_child_visible (child) != live)
        {
          gtk_widget_set_child_visible (child, live);
          remapped = TRUE;
        }
      y += height;
    }
  if (remapped)
    gtk_widget_queue_allocate (self->slots_box);
  return waiting;
}

/* One row near the view at a time, between frames. */
static gboolean
near_rows_idle (gpointer data)
{
  ScsChecklistPage *self = data;

  if (update_rows_within (self, 1))
    return G_SOURCE_CONTINUE;
  self->near_idle_id = 0;
  return G_SOURCE_REMOVE;
}

/* A closing window's clock may have dropped the handler already. */
static void
forget_near_clock (ScsChecklistPage *self)
{
  if (self->near_clock != NULL && self->near_paint_id != 0 &&
      g_signal_handler_is_connected (self->near_clock, self->near_paint_id))
    g_signal_handler_disconnect (self->near_clock, self->near_paint_id);
  self->near_paint_id = 0;
  g_clear_object (&self->near_clock);
}

static void
on_near_rows_after_paint (GdkFrameClock    *clock,
                          ScsChecklistPage *self)
{
  forget_near_clock (self);
  if (self->near_idle_id == 0)
    self->near_idle_id = g_idle_add (near_rows_idle, self);
}

static void
update_rows (ScsChecklistPage *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (!update_rows_within (self, 0) || self->near_idle_id != 0)
    return;
  if (self->near_clock != NULL && self->near_clock == clock &&
      g_signal_handler_is_connected (clock, self->near_paint_id))
    return;
  forget_near_clock (self);
  if (clock == NULL)
    {
      update_rows_within (self, G_MAXUINT);
      return;
    }
  /* An idle now would run before the frame that shows the change. */
  self->near_clock = g_object_ref (clock);
  self->near_paint_id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_near_rows_after_paint), self);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_AFTER_PAINT);
}

static gboolean
update_tick (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       user_data)
{
  ScsChecklistPage *self = SCS_CHECKLIST_PAGE (widget);

  self->update_tick_id = 0;
  update_rows (self);
  return G_SOURCE_REMOVE;
}

/* The view moved or its size changed (maybe in the middle of a layout):
 * the rows follow at the start of the next frame. */
static void
queue_update_rows (ScsChecklistPage *self)
{
  if (self->update_tick_id == 0 && !self->stale)
    self->update_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), update_tick, NULL, NULL);
}

/* The slot's top in the scrolled content, by the heights known. */
static double
slot_top (ScsChecklistPage *self,
          ScsChecklistSlot *target)
{
  double y = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (self->slots_box);
       child != NULL && child != GTK_WIDGET (target); child = gtk_widget_get_next_sibling (child))
    if (SCS_CHECKLIST_SLOT (child)->shown)
      y += slot_extent (self, SCS_CHECKLIST_SLOT (child));
  return y;
}

static void
scroll_to_slot (ScsChecklistPage *self,
                ScsChecklistSlot *slot,
                double            top)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  double page = gtk_adjustment_get_page_size (adjustment);
  double height = slot_extent (self, slot);
  double value = gtk_adjustment_get_value (adjustment);

  if (top < value || top + MIN (height, page) > value + page)
    {
      /* Beyond the content known so far: make room until layout. */
      if (gtk_adjustment_get_upper (adjustment) < top + page)
        gtk_adjustment_set_upper (adjustment, top + page);
      gtk_adjustment_set_value (adjustment, MAX (0, top - 12));
    }
}

/* After layout the slot's place is known exactly: correct the scrolling. */
static gboolean
scroll_tick (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       user_data)
{
  ScsChecklistPage *self = SCS_CHECKLIST_PAGE (widget);
  graphene_point_t point;

  /* Tick callbacks run before layout: wait for the frame after the target
   * was shown, when its position is known. */
  if (self->scroll_ticks++ == 0 || gtk_widget_get_height (GTK_WIDGET (self->scroll_target)) == 0)
    {
      if (self->scroll_ticks < 10)
        return G_SOURCE_CONTINUE;
    }

  if (gtk_widget_compute_point (GTK_WIDGET (self->scroll_target), self->slots_box,
                                &GRAPHENE_POINT_INIT (0, 0), &point))
    scroll_to_slot (self, self->scroll_target, point.y);

  self->scroll_tick_id = 0;
  g_clear_object (&self->scroll_target);
  return G_SOURCE_REMOVE;
}

static void
focus_item (ScsChecklistPage *self,
            ScsChecklistItem *item)
{
  ScsChecklistSlot *slot = g_hash_table_lookup (self->slot_by_item, item);
  ScsCriterionRow *row;

  if (slot == NULL || !slot->shown)
    return;

  scroll_to_slot (self, slot, slot_top (self, slot));
  update_rows (self);
  row = attach_row (self, slot);
  gtk_widget_grab_focus (GTK_WIDGET (row));

  if (self->scroll_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->scroll_tick_id);
  g_set_object (&self->scroll_target, slot);
  self->scroll_ticks = 0;
  self->scroll_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), scroll_tick, NULL, NULL);
}

static ScsChecklistItem *
focused_item (ScsChecklistPage *self)
{
  ScsCriterionRow *row = scs_checklist_page_get_focused_row (self);

  return row ? scs_criterion_row_get_item (row) : NULL;
}

static void
move_focus (ScsChecklistPage *self,
            int               delta)
{
  ScsChecklistItem *current = focused_item (self);
  guint index = 0;
  int next;

  ensure_current (self);
  if (self->visible->len == 0)
    return;

  if (current == NULL || !g_ptr_array_find (self->visible, current, &index))
    next = delta > 0 ? 0 : (int) self->visible->len - 1;
  else
    next = CLAMP ((int) index + delta, 0, (int) self->visible->len - 1);

  focus_item (self, self->visible->pdata[next]);
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
  if (row == NULL && self->visible->len > 0)
    {
      focus_item (self, self->visible->pdata[0]);
      row = slot_row (g_hash_table_lookup (self->slot_by_item, self->visible->pdata[0]));
    }
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
  GtkWidget *child;

  if (self->scroll_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->scroll_tick_id);
  self->scroll_tick_id = 0;
  if (self->update_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->update_tick_id);
  self->update_tick_id = 0;
  g_clear_handle_id (&self->near_idle_id, g_source_remove);
  forget_near_clock (self);
  g_clear_object (&self->scroll_target);
  clear_cache (self);
  if (self->items != NULL)
    g_list_store_remove_all (self->items);
  gtk_widget_dispose_template (GTK_WIDGET (self), SCS_TYPE_CHECKLIST_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  clear_cache (self);
  g_clear_object (&self->items);
  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (scs_checklist_page_parent_class)->dispose (object);
}

static void
scs_checklist_page_finalize (GObject *object)
{
  ScsChecklistPage *self = SCS_CHECKLIST_PAGE (object);

  g_clear_pointer (&self->item_by_id, g_hash_table_unref);
  g_clear_pointer (&self->slot_by_item, g_hash_table_unref);
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

  g_type_ensure (SCS_TYPE_CHECKLIST_COLUMN);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/jp/scsworkbench/Workbench/scs-checklist-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ScsChecklistPage, search_bar);
  gtk_widget_class_bind_template_child (widget_class, ScsChecklistPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ScsChecklistPage, filter_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ScsChecklistPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, ScsChecklistPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, ScsChecklistPage, clamp);
  gtk_widget_class_bind_template_child (widget_class, ScsChecklistPage, slots_box);
  gtk_widget_class_bind_template_child (widget_class, ScsChecklistPage, header_stack);
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
  self->row_estimate = ROW_ESTIMATE;
  self->items = g_list_store_new (SCS_TYPE_CHECKLIST_ITEM);
  self->item_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->slot_by_item = g_hash_table_new (NULL, NULL);
  g_queue_init (&self->cache);
  self->visible = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  g_signal_connect_object (self->search_bar, "notify::search-mode-enabled",
                           G_CALLBACK (on_search_mode_notify), self, G_CONNECT_SWAPPED);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search criteria"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->filter_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Answer state filter"), -1);
  adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (queue_update_rows), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adjustment, "changed", G_CALLBACK (queue_update_rows), self, G_CONNECT_SWAPPED);

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

/* Every item of every category, in catalog order: cheap (no widget), so
 * made at once; rows come only for what is in view. */
static void
fill_items (ScsChecklistPage *self)
{
  ScsCatalog *catalog = scs_workspace_get_catalog (self->workspace);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint n = 1; n <= N_CATEGORIES; n++)
    {
      const ScsCategory *category = scs_catalog_get_category (catalog, n);

      if (category == NULL)
        continue;
      g_ptr_array_add (items, scs_checklist_item_new_category (n, scs_category_get_title (category)));
      for (guint r = 0; r < category->requirements->len; r++)
        {
          const ScsRequirement *requirement = category->requirements->pdata[r];

          g_ptr_array_add (items, scs_checklist_item_new_requirement (self->workspace, requirement));
          for (guint c = 0; requirement->criteria_known && c < requirement->criteria->len; c++)
            {
              const ScsCriterion *criterion = requirement->criteria->pdata[c];
              ScsAnswer *answer = scs_workspace_lookup_answer (self->workspace, criterion->id);
              ScsChecklistItem *item;

              if (answer == NULL)
                continue;
              item = scs_checklist_item_new_criterion (self->workspace, answer, GTK_WIDGET (self));
              scs_checklist_item_set_sealed (item, self->sealed);
              g_ptr_array_add (items, item);
              g_hash_table_insert (self->item_by_id, (gpointer) criterion->id, item);
              g_signal_connect_object (answer, "notify::state", G_CALLBACK (on_answer_notify),
                                       self, G_CONNECT_SWAPPED);
              g_signal_connect_object (answer, "notify::reason", G_CALLBACK (on_answer_notify),
                                       self, G_CONNECT_SWAPPED);
            }
        }
    }
  g_list_store_splice (self->items, 0, 0, items->pdata, items->len);

  for (guint i = 0; i < items->len; i++)
    {
      ScsChecklistItem *item = items->pdata[i];
      ScsChecklistSlot *slot = g_object_new (SCS_TYPE_CHECKLIST_SLOT, NULL);

      slot->item = g_object_ref (item);
      slot->estimate = self->row_estimate;
      g_object_set_data (G_OBJECT (slot), "scs-item", item);   /* tests read what is shown */
      if (scs_checklist_item_get_kind (item) == SCS_CHECKLIST_ITEM_CRITERION)
        gtk_widget_add_css_class (GTK_WIDGET (slot), "criterion-slot");
      else
        {
          GtkWidget *heading = scs_requirement_heading_new ();

          scs_requirement_heading_set_item (SCS_REQUIREMENT_HEADING (heading), item);
          slot_set_child (slot, heading);
          gtk_widget_add_css_class (GTK_WIDGET (slot), "heading-slot");
        }
      /* Not in the list until the filter says so. */
      gtk_widget_set_child_visible (GTK_WIDGET (slot), FALSE);
      gtk_accessible_update_state (GTK_ACCESSIBLE (slot), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
      gtk_widget_set_parent (GTK_WIDGET (slot), self->slots_box);
      g_hash_table_insert (self->slot_by_item, item, slot);
    }
}

void
scs_checklist_page_set_workspace (ScsChecklistPage *self,
                                  ScsWorkspace     *workspace)
{
  GtkWidget *child;

  g_return_if_fail (SCS_IS_CHECKLIST_PAGE (self));
  g_return_if_fail (workspace == NULL || SCS_IS_WORKSPACE (workspace));

  if (self->workspace == workspace)
    return;

  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  g_clear_pointer (&self->evidence_names, g_hash_table_unref);
  g_ptr_array_set_size (self->visible, 0);
  g_hash_table_remove_all (self->item_by_id);
  g_hash_table_remove_all (self->slot_by_item);
  clear_cache (self);
  while ((child = gtk_widget_get_first_child (self->slots_box)) != NULL)
    gtk_widget_unparent (child);
  g_list_store_remove_all (self->items);
  g_set_object (&self->workspace, workspace);

  if (workspace != NULL)
    {
      self->sealed = scs_review_is_sealed (workspace);
      fill_items (self);
      g_signal_connect_object (workspace, "notify::target-level",
                               G_CALLBACK (on_target_level_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (workspace, "evidence-changed",
                               G_CALLBACK (on_evidence_changed), self, G_CONNECT_SWAPPED);
    }

  refilter (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSPACE]);
}

static void
scroll_to_top (ScsChecklistPage *self)
{
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  if (!self->stale)
    update_rows (self);
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
  scroll_to_top (self);
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
    folded = scs_checklist_item_fold (stripped);

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
  /* To the top first: the refilter then gives rows to the first results
   * only, once. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  refilter (self);
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
  ScsChecklistItem *item;

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
  ensure_current (self);

  item = criterion ? g_hash_table_lookup (self->item_by_id, criterion->id) : NULL;
  if (item != NULL && !scs_checklist_item_get_shown (item))
    scs_checklist_page_set_filter (self, SCS_CHECKLIST_FILTER_ALL);
  ensure_current (self);
  if (item == NULL || !scs_checklist_item_get_shown (item))
    return FALSE;

  focus_item (self, item);
  return TRUE;
}

ScsChecklistItem *
scs_checklist_page_get_item (ScsChecklistPage *self,
                             const char       *criterion_id)
{
  g_return_val_if_fail (SCS_IS_CHECKLIST_PAGE (self), NULL);
  g_return_val_if_fail (criterion_id != NULL, NULL);

  return g_hash_table_lookup (self->item_by_id, criterion_id);
}

ScsCriterionRow *
scs_checklist_page_get_row (ScsChecklistPage *self,
                            const char       *criterion_id)
{
  ScsChecklistItem *item;

  g_return_val_if_fail (SCS_IS_CHECKLIST_PAGE (self), NULL);

  ensure_current (self);
  item = g_hash_table_lookup (self->item_by_id, criterion_id);
  return item ? slot_row (g_hash_table_lookup (self->slot_by_item, item)) : NULL;
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

void
scs_checklist_page_set_sealed (ScsChecklistPage *self,
                               gboolean          sealed)
{
  GHashTableIter iter;
  gpointer item;

  g_return_if_fail (SCS_IS_CHECKLIST_PAGE (self));

  self->sealed = sealed;
  g_hash_table_iter_init (&iter, self->item_by_id);
  while (g_hash_table_iter_next (&iter, NULL, &item))
    scs_checklist_item_set_sealed (item, sealed);
}

void
scs_checklist_page_flush (ScsChecklistPage *self)
{
  GHashTableIter iter;
  gpointer item;

  g_return_if_fail (SCS_IS_CHECKLIST_PAGE (self));

  g_hash_table_iter_init (&iter, self->item_by_id);
  while (g_hash_table_iter_next (&iter, NULL, &item))
    scs_checklist_item_flush (item);
}
