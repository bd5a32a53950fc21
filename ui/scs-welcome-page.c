/* scs-welcome-page.c: the window without a workspace: New, Open, recent
 *
 * New and Open are the application's actions; the recently used workspaces
 * (newest first, at most eight) are read when the page is first mapped and
 * follow the recent manager from then on. The main menu is attached when it
 * first opens.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "scs-welcome-page.h"

#include <adwaita.h>

#include "scs-application.h"
#include "scs-list-line.h"

#define MAX_RECENT 8

struct _ScsWelcomePage
{
  GtkWidget      parent_instance;

  GMenuModel    *menu_model;
  gboolean       recent_populated;
  GListStore    *recent;        /* of ScsListLine, bound to recent_list */

  GtkMenuButton *menu_button;
  GtkWidget     *recent_box;
  GtkListBox    *recent_list;
};

G_DEFINE_FINAL_TYPE (ScsWelcomePage, scs_welcome_page, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_MENU_MODEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static int
compare_recent (gconstpointer a,
                gconstpointer b)
{
  /* Newest first. */
  return g_date_time_compare (gtk_recent_info_get_modified ((GtkRecentInfo *) b),
                              gtk_recent_info_get_modified ((GtkRecentInfo *) a));
}

static void
populate_recent (ScsWelcomePage *self)
{
  GtkRecentManager *manager = gtk_recent_manager_get_default ();
  GList *items = gtk_recent_manager_get_items (manager);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_object_unref);

  items = g_list_sort (items, compare_recent);
  for (GList *l = items; l != NULL && lines->len < MAX_RECENT; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      const char *uri = gtk_recent_info_get_uri (info);
      g_autoptr(GFile) file = NULL;
      g_autofree char *path = NULL;
      ScsListLine *line;

      if (!g_str_has_suffix (uri, ".scsw") || !gtk_recent_info_exists (info))
        continue;

      file = g_file_new_for_uri (uri);
      path = g_file_get_path (file);
      line = scs_list_line_new (gtk_recent_info_get_display_name (info), path ? path : uri);
      /* One line each, ellipsized: a long path wrapped at every width the
       * welcome page is measured at cost ~50 M instructions per row. */
      scs_list_line_set_lines (line, 1, 1);
      scs_list_line_set_activatable (line, TRUE);
      g_object_set_data_full (G_OBJECT (line), "scs-file", g_steal_pointer (&file), g_object_unref);
      g_ptr_array_add (lines, line);
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);

  scs_list_lines_update (self->recent, lines);
  gtk_widget_set_visible (self->recent_box, lines->len > 0);
}

/* Read when first shown, not when a window opens a workspace. */
static void
scs_welcome_page_map (GtkWidget *widget)
{
  ScsWelcomePage *self = SCS_WELCOME_PAGE (widget);

  GTK_WIDGET_CLASS (scs_welcome_page_parent_class)->map (widget);

  if (self->recent_populated)
    return;
  self->recent_populated = TRUE;
  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (populate_recent), self, G_CONNECT_SWAPPED);
  populate_recent (self);
}

static void
on_recent_activated (ScsWelcomePage *self,
                     GtkListBoxRow  *row)
{
  g_autoptr(ScsListLine) line = g_list_model_get_item (G_LIST_MODEL (self->recent),
                                                      (guint) gtk_list_box_row_get_index (row));
  GFile *file = line != NULL ? g_object_get_data (G_OBJECT (line), "scs-file") : NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkApplication *app = GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root)) : NULL;

  if (file != NULL && SCS_IS_APPLICATION (app))
    scs_application_open_file (SCS_APPLICATION (app), file, GTK_WINDOW (root));
}

/* The main menu's popover is built when it first opens (click or F10):
 * built with the window, its items and their shortcut labels cost every
 * start-up a few milliseconds. */
static void
attach_menu (GtkMenuButton *button,
             gpointer       data)
{
  ScsWelcomePage *self = data;

  if (gtk_menu_button_get_popover (button) == NULL)
    gtk_menu_button_set_menu_model (button, self->menu_model);
}

static void
scs_welcome_page_dispose (GObject *object)
{
  ScsWelcomePage *self = SCS_WELCOME_PAGE (object);
  GtkWidget *child;

  if (self->recent_populated)
    g_signal_handlers_disconnect_by_data (gtk_recent_manager_get_default (), self);
  gtk_widget_dispose_template (GTK_WIDGET (self), SCS_TYPE_WELCOME_PAGE);
  /* and the children the template does not name */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->menu_model);
  g_clear_object (&self->recent);

  G_OBJECT_CLASS (scs_welcome_page_parent_class)->dispose (object);
}

static void
scs_welcome_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  ScsWelcomePage *self = SCS_WELCOME_PAGE (object);

  switch (prop_id)
    {
    case PROP_MENU_MODEL:
      g_value_set_object (value, self->menu_model);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scs_welcome_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  ScsWelcomePage *self = SCS_WELCOME_PAGE (object);

  switch (prop_id)
    {
    case PROP_MENU_MODEL:
      if (g_set_object (&self->menu_model, g_value_get_object (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scs_welcome_page_class_init (ScsWelcomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = scs_welcome_page_dispose;
  object_class->get_property = scs_welcome_page_get_property;
  object_class->set_property = scs_welcome_page_set_property;
  widget_class->map = scs_welcome_page_map;

  properties[PROP_MENU_MODEL] =
    g_param_spec_object ("menu-model", NULL, NULL,
                         G_TYPE_MENU_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/jp/scsworkbench/Workbench/scs-welcome-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ScsWelcomePage, menu_button);
  gtk_widget_class_bind_template_child (widget_class, ScsWelcomePage, recent_box);
  gtk_widget_class_bind_template_child (widget_class, ScsWelcomePage, recent_list);
  gtk_widget_class_bind_template_callback (widget_class, on_recent_activated);
}

static void
scs_welcome_page_init (ScsWelcomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->recent = g_list_store_new (SCS_TYPE_LIST_LINE);
  gtk_list_box_bind_model (self->recent_list, G_LIST_MODEL (self->recent), scs_list_line_row_create, NULL, NULL);
  gtk_menu_button_set_create_popup_func (self->menu_button, attach_menu, self, NULL);
}
