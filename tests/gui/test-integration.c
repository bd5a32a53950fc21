/* test-integration.c: the About window and the keyboard shortcuts window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Registers the real ScsApplication (its startup installs the actions and
 * accelerators), opens a main window, then activates app.about and
 * app.shortcuts the way the menu and Ctrl+? do, and checks that an
 * AdwAboutWindow with the app's name and version, and a GtkShortcutsWindow
 * listing the app's shortcuts, are shown. gtk_test_init makes every
 * warning and critical fatal, so "opens without warnings" is asserted by
 * the test running to its end. Also checks the accelerators the shortcuts
 * window documents are the ones the application really sets, and that
 * the shortcuts window is built when first asked for, not with the window.
 */
#include "config.h"

#include <adwaita.h>

#include "gui-test-util.h"
#include "scs-application.h"
#include "scs-i18n.h"
#include "scs-ui-resources.h"
#include "scs-window.h"

/* The first toplevel of @type that is on screen, or NULL. */
static GtkWindow *
mapped_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_mapped (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

static gboolean
toplevel_mapped (gpointer type)
{
  return mapped_toplevel (GPOINTER_TO_SIZE (type)) != NULL;
}

/* The first toplevel of @type that is on screen, once there is one. */
static GtkWindow *
wait_for_toplevel (GType type)
{
  gui_test_wait_until (toplevel_mapped, GSIZE_TO_POINTER (type), 10);
  return mapped_toplevel (type);
}

static gboolean
tree_has_shortcut (GtkWidget  *widget,
                   const char *accelerator)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *accel = NULL;

      g_object_get (widget, "accelerator", &accel, NULL);
      if (g_strcmp0 (accel, accelerator) == 0)
        return TRUE;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (tree_has_shortcut (child, accelerator))
      return TRUE;
  return FALSE;
}

static void
test_about_and_shortcuts (void)
{
  g_autoptr(ScsApplication) app = scs_application_new ();
  g_autoptr(GError) error = NULL;
  ScsWindow *window;
  GtkWindow *about, *shortcuts;
  static const struct { const char *action; const char *accel; } documented[] = {
    { "app.new", "<Control>n" },
    { "app.open", "<Control>o" },
    { "app.quit", "<Control>q" },
    { "win.undo", "<Control>z" },
    { "win.search", "<Control>f" },
    { "app.shortcuts", "<Control>question" },
  };

  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  window = scs_window_new (GTK_APPLICATION (app));
  gtk_window_present (GTK_WINDOW (window));
  gui_test_drain ();

  /* The application's own stylesheet is in force (loaded by its startup:
   * there is no resource base path to load it from). */
  g_assert_null (g_application_get_resource_base_path (G_APPLICATION (app)));
  {
    GtkWidget *plain = g_object_ref_sink (gtk_label_new ("1"));
    GtkWidget *badge = g_object_ref_sink (gtk_label_new ("1"));
    GdkRGBA plain_color, badge_color;

    gtk_widget_add_css_class (badge, "level-badge");
    gtk_style_context_get_color (gtk_widget_get_style_context (plain), &plain_color);
    gtk_style_context_get_color (gtk_widget_get_style_context (badge), &badge_color);
    g_assert_false (gdk_rgba_equal (&plain_color, &badge_color));
    g_object_unref (plain);
    g_object_unref (badge);
  }

  /* About */
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  about = wait_for_toplevel (ADW_TYPE_ABOUT_WINDOW);
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==, PACKAGE_VERSION);
  g_assert_cmpstr (adw_about_window_get_application_icon (ADW_ABOUT_WINDOW (about)), ==, APP_ID);
  g_assert_cmpstr (adw_about_window_get_application_name (ADW_ABOUT_WINDOW (about)), !=, "");
  g_assert_true (gtk_window_get_transient_for (about) == GTK_WINDOW (window));
  gtk_window_destroy (about);
  gui_test_drain ();

  /* Keyboard shortcuts: what the menu item and Ctrl+? open. */
  g_assert_null (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  g_action_group_activate_action (G_ACTION_GROUP (app), "shortcuts", NULL);
  shortcuts = wait_for_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  for (guint i = 0; i < G_N_ELEMENTS (documented); i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), documented[i].action);

      g_assert_true (accels != NULL && g_strv_contains ((const char * const *) accels, documented[i].accel));
      if (!tree_has_shortcut (GTK_WIDGET (shortcuts), documented[i].accel))
        g_error ("the shortcuts window does not list %s (%s)", documented[i].accel, documented[i].action);
    }
  gtk_window_destroy (shortcuts);

  gtk_window_destroy (GTK_WINDOW (window));
  gui_test_drain ();
}

int
main (int   argc,
      char *argv[])
{
  scs_i18n_init ("ja");
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_assert_nonnull (scs_ui_get_resource ());

  g_test_add_func ("/scs/integration/about-and-shortcuts", test_about_and_shortcuts);

  return g_test_run ();
}
