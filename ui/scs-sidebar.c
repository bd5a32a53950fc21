/* scs-sidebar.c: the window's sidebar: dashboard, categories, pages
 *
 * One row for the dashboard and one per category, each with
 * "satisfied/total" and a level bar, kept live by following every
 * ScsAnswer; then one row per feature page (scope, review, the
 * self-declaration type's page, the provider dossier). The window says
 * which row is selected (scs_sidebar_select); the user's choice comes back
 * as "row-selected".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "scs-sidebar.h"

#include <glib/gi18n-lib.h>

struct _ScsSidebar
{
  GtkWidget     parent_instance;

  ScsWorkspace *workspace;
  GtkWidget    *count_labels[SCS_SIDEBAR_N_CATEGORIES + 1];
  GtkWidget    *level_bars[SCS_SIDEBAR_N_CATEGORIES + 1];
  gboolean      syncing;

  GtkListBox   *list;
};

G_DEFINE_FINAL_TYPE (ScsSidebar, scs_sidebar, GTK_TYPE_WIDGET)

enum
{
  ROW_SELECTED,
  ROW_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_progress (ScsSidebar *self,
                 guint       category)
{
  ScsProgress progress;
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;

  if (self->workspace == NULL || self->count_labels[category] == NULL)
    return;

  scs_workspace_get_progress (self->workspace, category,
                              scs_workspace_get_target_level (self->workspace), &progress);
  text = g_strdup_printf ("%u/%u", progress.satisfied, progress.total);
  gtk_label_set_text (GTK_LABEL (self->count_labels[category]), text);
  /* Translators: sidebar tooltip with the answer counts of one category */
  tooltip = g_strdup_printf (_("%u met, %u not applicable, %u not met, %u unanswered"),
                             progress.counts[SCS_ANSWER_MET],
                             progress.counts[SCS_ANSWER_NOT_APPLICABLE],
                             progress.counts[SCS_ANSWER_NOT_MET],
                             progress.counts[SCS_ANSWER_UNANSWERED]);
  gtk_widget_set_tooltip_text (gtk_widget_get_parent (gtk_widget_get_parent (self->count_labels[category])),
                               tooltip);
  gtk_level_bar_set_value (GTK_LEVEL_BAR (self->level_bars[category]),
                           progress.total > 0 ? (double) progress.satisfied / progress.total : 0.0);
}

static void
update_all_progress (ScsSidebar *self)
{
  for (guint n = 0; n <= SCS_SIDEBAR_N_CATEGORIES; n++)
    update_progress (self, n);
}

static void
on_answer_notify (ScsSidebar *self,
                  GParamSpec *pspec,
                  ScsAnswer  *answer)
{
  const ScsCriterion *criterion = scs_answer_get_criterion (answer);

  update_progress (self, criterion->requirement->category->number);
  update_progress (self, 0);
}

static GtkWidget *
category_row_new (ScsSidebar *self,
                  guint       number,
                  const char *title,
                  const char *icon_name)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *vbox = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *hbox = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *count = gtk_label_new (NULL);
  GtkWidget *bar = gtk_level_bar_new_for_interval (0.0, 1.0);

  gtk_widget_set_margin_top (vbox, 6);
  gtk_widget_set_margin_bottom (vbox, 6);
  if (icon_name != NULL)
    gtk_box_append (GTK_BOX (hbox), gtk_image_new_from_icon_name (icon_name));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (count, "dim-label");
  gtk_widget_add_css_class (count, "numeric");
  gtk_box_append (GTK_BOX (hbox), label);
  gtk_box_append (GTK_BOX (hbox), count);
  gtk_box_append (GTK_BOX (vbox), hbox);

  /* Only the "full" colour: readiness, not a grade. */
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_box_append (GTK_BOX (vbox), bar);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), vbox);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);

  self->count_labels[number] = count;
  self->level_bars[number] = bar;
  return row;
}

/* A feature page's row: an icon and its name. */
static GtkWidget *
page_row_new (const char *name,
              const char *title,
              const char *icon_name,
              gboolean    wrap)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *label = gtk_label_new (title);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (wrap)
    gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (icon_name));
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_name (row, name);
  return row;
}

static void
rebuild (ScsSidebar *self)
{
  GtkWidget *child, *row;
  ScsCatalog *catalog;
  ScsWorkspaceType type;
  gboolean scs_type, provider;

  self->syncing = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  memset (self->count_labels, 0, sizeof self->count_labels);
  memset (self->level_bars, 0, sizeof self->level_bars);
  self->syncing = FALSE;

  if (self->workspace == NULL)
    return;

  catalog = scs_workspace_get_catalog (self->workspace);
  type = scs_workspace_get_workspace_type (self->workspace);
  scs_type = type == SCS_WORKSPACE_TYPE_SCS;
  provider = type == SCS_WORKSPACE_TYPE_PROVIDER;
  row = category_row_new (self, 0, _("Dashboard"), "view-grid-symbolic");
  gtk_list_box_append (self->list, row);
  /* its counts are of SCS criteria: not for a self-declaration */
  gtk_widget_set_visible (row, scs_type || provider);
  for (guint n = 1; n <= SCS_SIDEBAR_N_CATEGORIES; n++)
    {
      const ScsCategory *category = scs_catalog_get_category (catalog, n);
      g_autofree char *title = g_strdup_printf ("%u. %s", n, category ? scs_category_get_title (category) : "");

      row = category_row_new (self, n, title, NULL);
      gtk_list_box_append (self->list, row);
      /* The SCS categories apply to SCS assessments only; the row stays (the
       * sidebar is indexed) but is hidden for the other workspace types. */
      /* A provider's dossier items are categories of their own catalog. */
      gtk_widget_set_visible (row, scs_type || (provider && category != NULL));
    }

  /* After the categories: the scope description (適用範囲) */
  row = page_row_new ("scope-row", _("Scope"), "network-workgroup-symbolic", FALSE);
  gtk_list_box_append (self->list, row);
  gtk_widget_set_visible (row, scs_type);
  /* Then the expert review (レビュー): comments, proposals, signing */
  row = page_row_new ("review-row", _("Review"), "emblem-ok-symbolic", FALSE);
  gtk_list_box_append (self->list, row);
  /* The page of a self-declaration type, named after the type */
  row = page_row_new ("declaration-row", scs_workspace_type_get_label (type), "document-edit-symbolic", TRUE);
  gtk_list_box_append (self->list, row);
  gtk_widget_set_visible (row, !scs_type && !provider);
  /* A service provider's dossier: check, certifications, registers */
  row = page_row_new ("provider-row", _("Provider dossier (provisional)"), "security-high-symbolic", FALSE);
  gtk_list_box_append (self->list, row);
  gtk_widget_set_visible (row, provider);

  update_all_progress (self);
}

/* The sidebar is one Tab stop, its selected row (a roving focus): Tab
 * goes on to the page instead of walking through, and so opening, every
 * row; the arrow keys move between rows. */
static void
update_focus (ScsSidebar *self)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row))
      gtk_widget_set_focusable (row, gtk_list_box_row_is_selected (GTK_LIST_BOX_ROW (row)));
}

static void
on_row_selected (ScsSidebar    *self,
                 GtkListBoxRow *row)
{
  if (self->syncing || row == NULL)
    return;
  update_focus (self);
  /* Moved with the arrow keys: the focus follows to the now focusable row. */
  if (gtk_widget_get_focus_child (GTK_WIDGET (self->list)) != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));

  g_signal_emit (self, signals[ROW_SELECTED], 0, (guint) gtk_list_box_row_get_index (row));
}

static void
on_row_activated (ScsSidebar    *self,
                  GtkListBoxRow *row)
{
  g_signal_emit (self, signals[ROW_ACTIVATED], 0);
}

static void
disconnect_workspace (ScsSidebar *self)
{
  GListModel *answers;

  if (self->workspace == NULL)
    return;
  answers = scs_workspace_get_answers (self->workspace);
  for (guint i = 0; i < g_list_model_get_n_items (answers); i++)
    {
      g_autoptr(ScsAnswer) answer = g_list_model_get_item (answers, i);

      g_signal_handlers_disconnect_by_data (answer, self);
    }
  g_signal_handlers_disconnect_by_data (self->workspace, self);
}

static void
scs_sidebar_dispose (GObject *object)
{
  ScsSidebar *self = SCS_SIDEBAR (object);
  GtkWidget *child;

  disconnect_workspace (self);
  g_clear_object (&self->workspace);
  gtk_widget_dispose_template (GTK_WIDGET (self), SCS_TYPE_SIDEBAR);
  /* and the children the template does not name */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (scs_sidebar_parent_class)->dispose (object);
}

static void
scs_sidebar_class_init (ScsSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = scs_sidebar_dispose;

  signals[ROW_SELECTED] =
    g_signal_new ("row-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  signals[ROW_ACTIVATED] =
    g_signal_new ("row-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/jp/scsworkbench/Workbench/scs-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, ScsSidebar, list);
  gtk_widget_class_bind_template_callback (widget_class, on_row_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
}

static void
scs_sidebar_init (ScsSidebar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
scs_sidebar_new (void)
{
  return g_object_new (SCS_TYPE_SIDEBAR, NULL);
}

void
scs_sidebar_set_workspace (ScsSidebar   *self,
                           ScsWorkspace *workspace)
{
  GListModel *answers;

  g_return_if_fail (SCS_IS_SIDEBAR (self));
  g_return_if_fail (workspace == NULL || SCS_IS_WORKSPACE (workspace));

  disconnect_workspace (self);
  g_set_object (&self->workspace, workspace);
  if (workspace != NULL)
    {
      answers = scs_workspace_get_answers (workspace);
      for (guint i = 0; i < g_list_model_get_n_items (answers); i++)
        {
          g_autoptr(ScsAnswer) answer = g_list_model_get_item (answers, i);

          g_signal_connect_object (answer, "notify::state", G_CALLBACK (on_answer_notify), self, G_CONNECT_SWAPPED);
          g_signal_connect_object (answer, "notify::reason", G_CALLBACK (on_answer_notify), self, G_CONNECT_SWAPPED);
          g_signal_connect_object (answer, "notify::note", G_CALLBACK (on_answer_notify), self, G_CONNECT_SWAPPED);
        }
      g_signal_connect_object (workspace, "notify::target-level", G_CALLBACK (update_all_progress),
                               self, G_CONNECT_SWAPPED);
    }
  rebuild (self);
}

void
scs_sidebar_select (ScsSidebar *self,
                    guint       index)
{
  g_return_if_fail (SCS_IS_SIDEBAR (self));

  self->syncing = TRUE;
  gtk_list_box_select_row (self->list, gtk_list_box_get_row_at_index (self->list, index));
  self->syncing = FALSE;
  update_focus (self);
}

