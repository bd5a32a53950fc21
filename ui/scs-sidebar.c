/* scs-sidebar.c: the window's sidebar: dashboard, categories, pages
 *
 * One row for the dashboard and one per category, each with
 * "satisfied/total" and a level bar, kept live by following every
 * ScsAnswer; then one row per feature page in the order of the work (the
 * scope, the self-declaration type's page or the provider dossier, and
 * last the review, where the work is checked and signed). Only the rows
 * that apply to the workspace's type are made. The rows are a GListModel
 * of ScsSidebarItem bound to the list; each row's .ui (scs-sidebar-row.ui)
 * binds to its item, so a new count changes the item, not the row. Each
 * item names the window's page it stands for; the window says which page
 * is shown (scs_sidebar_select) and the user's choice comes back as
 * "row-selected" with the page's name, so no index is shared.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "scs-sidebar.h"

#include <glib/gi18n-lib.h>

/* Item ------------------------------------------------------------------- */

/* One row of the sidebar as shown: the page it stands for (and the
 * category, for the checklist), its title and icon, for the dashboard and
 * the categories the "satisfied/total" count, the level bar's fraction and
 * a tooltip with the answer counts. */
#define SCS_TYPE_SIDEBAR_ITEM (scs_sidebar_item_get_type ())
G_DECLARE_FINAL_TYPE (ScsSidebarItem, scs_sidebar_item, SCS, SIDEBAR_ITEM, GObject)

struct _ScsSidebarItem
{
  GObject   parent_instance;

  const char *page;      /* a name of the window's content stack */
  guint     category;    /* 1 … 7 for "checklist", else 0 */
  char     *title;
  char     *icon_name;
  gboolean  wrap;
  gboolean  has_progress;
  char     *count;
  double    fraction;
  char     *tooltip;
};

G_DEFINE_FINAL_TYPE (ScsSidebarItem, scs_sidebar_item, G_TYPE_OBJECT)

enum
{
  ITEM_PROP_0,
  ITEM_PROP_TITLE,
  ITEM_PROP_ICON_NAME,
  ITEM_PROP_HAS_ICON,
  ITEM_PROP_WRAP,
  ITEM_PROP_ELLIPSIZE,
  ITEM_PROP_HAS_PROGRESS,
  ITEM_PROP_COUNT,
  ITEM_PROP_FRACTION,
  ITEM_PROP_TOOLTIP,
  ITEM_N_PROPS
};

static GParamSpec *item_properties[ITEM_N_PROPS];

static void
scs_sidebar_item_finalize (GObject *object)
{
  ScsSidebarItem *self = SCS_SIDEBAR_ITEM (object);

  g_free (self->title);
  g_free (self->icon_name);
  g_free (self->count);
  g_free (self->tooltip);

  G_OBJECT_CLASS (scs_sidebar_item_parent_class)->finalize (object);
}

static void
scs_sidebar_item_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  ScsSidebarItem *self = SCS_SIDEBAR_ITEM (object);

  switch (prop_id)
    {
    case ITEM_PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case ITEM_PROP_ICON_NAME:
      g_value_set_string (value, self->icon_name);
      break;
    case ITEM_PROP_HAS_ICON:
      g_value_set_boolean (value, self->icon_name != NULL);
      break;
    case ITEM_PROP_WRAP:
      g_value_set_boolean (value, self->wrap);
      break;
    case ITEM_PROP_ELLIPSIZE:
      /* a category's title is cut; a page's is short, or wraps */
      g_value_set_enum (value, self->has_progress ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
      break;
    case ITEM_PROP_HAS_PROGRESS:
      g_value_set_boolean (value, self->has_progress);
      break;
    case ITEM_PROP_COUNT:
      g_value_set_string (value, self->count);
      break;
    case ITEM_PROP_FRACTION:
      g_value_set_double (value, self->fraction);
      break;
    case ITEM_PROP_TOOLTIP:
      g_value_set_string (value, self->tooltip);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scs_sidebar_item_class_init (ScsSidebarItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = scs_sidebar_item_finalize;
  object_class->get_property = scs_sidebar_item_get_property;

  item_properties[ITEM_PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, "", flags);
  item_properties[ITEM_PROP_ICON_NAME] = g_param_spec_string ("icon-name", NULL, NULL, NULL, flags);
  item_properties[ITEM_PROP_HAS_ICON] = g_param_spec_boolean ("has-icon", NULL, NULL, FALSE, flags);
  item_properties[ITEM_PROP_WRAP] = g_param_spec_boolean ("wrap", NULL, NULL, FALSE, flags);
  item_properties[ITEM_PROP_ELLIPSIZE] = g_param_spec_enum ("ellipsize", NULL, NULL, PANGO_TYPE_ELLIPSIZE_MODE,
                                                            PANGO_ELLIPSIZE_NONE, flags);
  item_properties[ITEM_PROP_HAS_PROGRESS] = g_param_spec_boolean ("has-progress", NULL, NULL, FALSE, flags);
  item_properties[ITEM_PROP_COUNT] = g_param_spec_string ("count", NULL, NULL, "", flags);
  item_properties[ITEM_PROP_FRACTION] = g_param_spec_double ("fraction", NULL, NULL, 0.0, 1.0, 0.0, flags);
  item_properties[ITEM_PROP_TOOLTIP] = g_param_spec_string ("tooltip", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, ITEM_N_PROPS, item_properties);
}

static void
scs_sidebar_item_init (ScsSidebarItem *self)
{
  self->count = g_strdup ("");
}

/* @page: a static string, the window's page */
static ScsSidebarItem *
item_new (const char *page,
          guint       category,
          const char *title,
          const char *icon_name)
{
  ScsSidebarItem *self = g_object_new (SCS_TYPE_SIDEBAR_ITEM, NULL);

  self->page = page;
  self->category = category;
  self->title = g_strdup (title);
  self->icon_name = g_strdup (icon_name);
  /* the dashboard and the categories count the answers */
  self->has_progress = g_str_equal (page, "dashboard") || g_str_equal (page, "checklist");
  return self;
}

static gboolean
item_is (ScsSidebarItem *self,
         const char     *page,
         guint           category)
{
  return g_strcmp0 (self->page, page) == 0 && self->category == category;
}

static void
item_set_progress (ScsSidebarItem *self,
                   const char     *count,
                   double          fraction,
                   const char     *tooltip)
{
  if (g_strcmp0 (self->count, count) != 0)
    {
      g_free (self->count);
      self->count = g_strdup (count);
      g_object_notify_by_pspec (G_OBJECT (self), item_properties[ITEM_PROP_COUNT]);
    }
  if (self->fraction != fraction)
    {
      self->fraction = fraction;
      g_object_notify_by_pspec (G_OBJECT (self), item_properties[ITEM_PROP_FRACTION]);
    }
  if (g_strcmp0 (self->tooltip, tooltip) != 0)
    {
      g_free (self->tooltip);
      self->tooltip = g_strdup (tooltip);
      g_object_notify_by_pspec (G_OBJECT (self), item_properties[ITEM_PROP_TOOLTIP]);
    }
}

/* The row is built from scs-sidebar-row.ui with the item as the builder's
 * current object: its bindings watch the item. */
static GtkWidget *
row_create (gpointer item,
            gpointer user_data)
{
  ScsSidebarItem *self = SCS_SIDEBAR_ITEM (item);
  g_autoptr(GtkBuilder) builder = gtk_builder_new ();
  g_autoptr(GError) error = NULL;
  GtkLevelBar *bar;
  GtkWidget *row;

  gtk_builder_set_current_object (builder, G_OBJECT (self));
  if (!gtk_builder_add_from_resource (builder, "/jp/scsworkbench/Workbench/scs-sidebar-row.ui", &error))
    g_error ("scs-sidebar-row.ui: %s", error->message);  /* a resource of ours */
  row = g_object_ref (GTK_WIDGET (gtk_builder_get_object (builder, "row")));
  /* Only the "full" colour: readiness, not a grade. */
  bar = GTK_LEVEL_BAR (gtk_builder_get_object (builder, "bar"));
  gtk_level_bar_remove_offset_value (bar, GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (bar, GTK_LEVEL_BAR_OFFSET_HIGH);
  /* "dashboard-row", "category-3-row", "review-row" … */
  if (self->category > 0)
    {
      g_autofree char *name = g_strdup_printf ("category-%u-row", self->category);

      gtk_widget_set_name (row, name);
    }
  else
    {
      g_autofree char *name = g_strconcat (self->page, "-row", NULL);

      gtk_widget_set_name (row, name);
    }
  if (self->has_progress)
    gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, self->title, -1);
  return row;
}

/* Sidebar ---------------------------------------------------------------- */

struct _ScsSidebar
{
  GtkWidget     parent_instance;

  ScsWorkspace *workspace;
  GListStore   *items;       /* of ScsSidebarItem, bound to list */
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

/* The position of the row of @page (and @category), or -1. */
static int
find_row (ScsSidebar *self,
          const char *page,
          guint       category)
{
  GListModel *items = G_LIST_MODEL (self->items);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(ScsSidebarItem) item = g_list_model_get_item (items, i);

      if (item_is (item, page, category))
        return (int) i;
    }
  return -1;
}

/* Category 0: the dashboard's row, which counts them all. */
static void
update_progress (ScsSidebar *self,
                 guint       category)
{
  g_autoptr(ScsSidebarItem) item = NULL;
  ScsProgress progress;
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;
  int position;

  if (self->workspace == NULL)
    return;
  position = find_row (self, category == 0 ? "dashboard" : "checklist", category);
  if (position < 0)
    return;

  item = g_list_model_get_item (G_LIST_MODEL (self->items), position);
  scs_workspace_get_progress (self->workspace, category,
                              scs_workspace_get_target_level (self->workspace), &progress);
  text = g_strdup_printf ("%u/%u", progress.satisfied, progress.total);
  /* Translators: sidebar tooltip with the answer counts of one category */
  tooltip = g_strdup_printf (_("%u met, %u not applicable, %u not met, %u unanswered"),
                             progress.counts[SCS_ANSWER_MET],
                             progress.counts[SCS_ANSWER_NOT_APPLICABLE],
                             progress.counts[SCS_ANSWER_NOT_MET],
                             progress.counts[SCS_ANSWER_UNANSWERED]);
  item_set_progress (item, text, progress.total > 0 ? (double) progress.satisfied / progress.total : 0.0, tooltip);
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

/* The rows of the workspace's type, in the order of the work: the
 * dashboard, the categories, the scope, the type's own page, the review. */
static void
rebuild (ScsSidebar *self)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  ScsCatalog *catalog;
  ScsWorkspaceType type;
  gboolean scs_type, provider;

  if (self->workspace != NULL)
    {
      catalog = scs_workspace_get_catalog (self->workspace);
      type = scs_workspace_get_workspace_type (self->workspace);
      scs_type = type == SCS_WORKSPACE_TYPE_SCS;
      provider = type == SCS_WORKSPACE_TYPE_PROVIDER;
      /* its counts are of SCS criteria: not for a self-declaration */
      if (scs_type || provider)
        g_ptr_array_add (items, item_new ("dashboard", 0, _("Dashboard"), "view-grid-symbolic"));
      for (guint n = 1; n <= SCS_SIDEBAR_N_CATEGORIES && (scs_type || provider); n++)
        {
          const ScsCategory *category = scs_catalog_get_category (catalog, n);
          g_autofree char *title = NULL;

          /* The SCS categories are an SCS assessment's; a provider's
           * dossier items are categories of their own catalog. */
          if (category == NULL)
            continue;
          title = g_strdup_printf ("%u. %s", n, scs_category_get_title (category));
          g_ptr_array_add (items, item_new ("checklist", n, title, NULL));
        }
      /* After the categories: the scope description (適用範囲) */
      if (scs_type)
        g_ptr_array_add (items, item_new ("scope", 0, _("Scope"), "network-workgroup-symbolic"));
      /* The page of a self-declaration type, named after the type */
      if (!scs_type && !provider)
        {
          ScsSidebarItem *item = item_new ("declaration", 0, scs_workspace_type_get_label (type),
                                           "document-edit-symbolic");

          item->wrap = TRUE;
          g_ptr_array_add (items, item);
        }
      /* A service provider's dossier: check, certifications, registers */
      if (provider)
        g_ptr_array_add (items, item_new ("provider", 0, _("Provider dossier (provisional)"),
                                          "security-high-symbolic"));
      /* Last, once the work is filled in: the review (レビュー), its
       * comments, proposals and signatures */
      g_ptr_array_add (items, item_new ("review", 0, _("Review"), "emblem-ok-symbolic"));
    }

  self->syncing = TRUE;
  g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)),
                       items->pdata, items->len);
  self->syncing = FALSE;
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
  g_autoptr(ScsSidebarItem) item = NULL;

  if (self->syncing || row == NULL)
    return;
  update_focus (self);
  /* Moved with the arrow keys: the focus follows to the now focusable row. */
  if (gtk_widget_get_focus_child (GTK_WIDGET (self->list)) != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));

  item = g_list_model_get_item (G_LIST_MODEL (self->items), gtk_list_box_row_get_index (row));
  g_signal_emit (self, signals[ROW_SELECTED], 0, item->page, item->category);
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
  g_clear_object (&self->items);
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
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_UINT);
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
  self->items = g_list_store_new (SCS_TYPE_SIDEBAR_ITEM);
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->items), row_create, NULL, NULL);
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
                    const char *page,
                    guint       category)
{
  int position;

  g_return_if_fail (SCS_IS_SIDEBAR (self));
  g_return_if_fail (page != NULL);

  position = find_row (self, page, g_str_equal (page, "checklist") ? category : 0);
  self->syncing = TRUE;
  if (position >= 0)
    gtk_list_box_select_row (self->list, gtk_list_box_get_row_at_index (self->list, position));
  else
    gtk_list_box_unselect_all (self->list);
  self->syncing = FALSE;
  update_focus (self);
}
