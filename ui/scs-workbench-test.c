/* scs-workbench-test.c: scs-workbench with test hooks (not installed)
 *
 * The same program as scs-workbench (scs_main()), plus what only tests,
 * screenshots and the benchmark need, so none of it is in the program
 * users run: SCS_SCREENSHOT renders the first window to a PNG and quits,
 * SCS_BENCH_FIRST_FRAME prints the start-up phases and the first frame's
 * time and quits.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "scs-first-run-dialog.h"
#include "scs-main.h"
#include "scs-portfolio-window.h"
#include "scs-profile.h"
#include "scs-screenshot.h"
#include "scs-startup-trace.h"

/* SCS_SCREENSHOT=OUT.png (used by `build-aux/dev screenshot`,
 * build-aux/screenshots and gui-window): once the first window has been shown and has
 * settled, render it to OUT.png and quit. SCS_SCREENSHOT_PAGE chooses the
 * page first: "dashboard", "category:N" (N = 1…7), "review:ID" (the review
 * desk on criterion ID) or "scope", through the window's own actions, a
 * second before the picture, in a window of 1360×860; "portfolio:DIR"
 * pictures the vendor's portfolio window on the workspaces in DIR instead. */
static gboolean
take_screenshot (gpointer data)
{
  static gboolean page_shown;
  static guint waited;
  static guint settle;
  static GtkWindow *portfolio;
  GtkApplication *app = data;
  GtkWindow *window = portfolio != NULL ? portfolio : gtk_application_get_active_window (app);
  g_autoptr(GError) error = NULL;
  const char *path = g_getenv ("SCS_SCREENSHOT");
  const char *page = g_getenv ("SCS_SCREENSHOT_PAGE");

  if (window == NULL)
    return G_SOURCE_CONTINUE;
  if (page != NULL && !page_shown)
    {
      page_shown = TRUE;
      if (g_str_equal (page, "dashboard"))
        gtk_widget_activate_action (GTK_WIDGET (window), "win.show-dashboard", NULL);
      else if (g_str_has_prefix (page, "category:"))
        gtk_widget_activate_action (GTK_WIDGET (window), "win.show-category", "u",
                                    (guint32) g_ascii_strtoull (page + strlen ("category:"), NULL, 10));
      else if (g_str_has_prefix (page, "review:"))
        gtk_widget_activate_action (GTK_WIDGET (window), "win.show-review", "s", page + strlen ("review:"));
      else if (g_str_equal (page, "scope"))
        gtk_widget_activate_action (GTK_WIDGET (window), "win.show-scope", "x", (gint64) 0);
      else if (g_str_has_prefix (page, "portfolio:"))
        {
          ScsPortfolioWindow *vendor = scs_portfolio_window_new (app);

          if (!scs_portfolio_window_load_folder (vendor, page + strlen ("portfolio:"), &error))
            g_printerr ("scs-workbench: %s\n", error->message);
          gtk_window_set_default_size (GTK_WINDOW (vendor), 1360, 860);
          gtk_window_present (GTK_WINDOW (vendor));
          portfolio = GTK_WINDOW (vendor);
        }
      else
        g_printerr ("scs-workbench: SCS_SCREENSHOT_PAGE ‘%s’ is none of ‘dashboard’, ‘category:N’, "
                    "‘review:ID’, ‘scope’, ‘portfolio:DIR’\n", page);
      return G_SOURCE_CONTINUE;
    }
  /* The review desk lays out 81 rows before it scrolls to the criterion:
   * seconds on a loaded machine. Its picture waits two more rounds. */
  if (page != NULL && g_str_has_prefix (page, "review:") && settle++ < 2)
    return G_SOURCE_CONTINUE;
  /* A page shown for the first time (the review desk of 81 criteria) may
   * still be in its first layout, with no size yet: wait for it, a few
   * seconds at most, rather than say it drew nothing. */
  if (gtk_widget_get_width (GTK_WIDGET (window)) <= 0 && waited++ < 10)
    return G_SOURCE_CONTINUE;
  g_clear_error (&error);
  if (!scs_widget_save_png (GTK_WIDGET (window), path, &error))
    g_printerr ("scs-workbench: %s\n", error->message);
  g_application_quit (G_APPLICATION (app));
  return G_SOURCE_REMOVE;
}

/* SCS_BENCH_FIRST_FRAME=1 (used by `build-aux/dev bench`): when the first
 * window has painted its first frame, print "first-frame MONOTONIC_USEC" on
 * stdout and quit, so a launcher can time start-up to the first frame. */
static void
first_frame_painted (GdkFrameClock *clock,
                     gpointer       data)
{
  GApplication *app = data;

  g_signal_handlers_disconnect_by_func (clock, first_frame_painted, data);
  g_print ("first-frame %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  g_application_quit (app);
}

/* The phases in between, for bench-startup --phases. */
static void
bench_clock_phase (GdkFrameClock *clock,
                   gpointer       what)
{
  g_signal_handlers_disconnect_by_func (clock, bench_clock_phase, what);
  scs_startup_mark (what);
}

static void
bench_window_mapped (GtkWidget *window,
                     gpointer   app)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  scs_startup_mark ("mapped");
  g_signal_connect (clock, "layout", G_CALLBACK (bench_clock_phase), (gpointer) "layout");
  g_signal_connect (clock, "paint", G_CALLBACK (bench_clock_phase), (gpointer) "painting");
  g_signal_connect (clock, "after-paint", G_CALLBACK (first_frame_painted), app);
}

static void
bench_window_realized (GtkWidget *window)
{
  scs_startup_mark ("realized");
}

static void
bench_window_added (GtkApplication *app,
                    GtkWindow      *window)
{
  scs_startup_mark ("window-created");
  g_signal_connect (window, "realize", G_CALLBACK (bench_window_realized), NULL);
  g_signal_connect (window, "map", G_CALLBACK (bench_window_mapped), app);
}

static void
bench_app_started (GApplication *app)
{
  scs_startup_mark ("gtk-adw-started");
}

/* Before the first window is shown: wide enough that the sidebar shows
 * beside the page, the same size for every picture. */
static void
screenshot_window_added (GtkApplication *app,
                         GtkWindow      *window)
{
  gtk_window_set_default_size (window, 1360, 860);
}

static void
install_hooks (GtkApplication *app)
{
  if (g_getenv ("SCS_SCREENSHOT_PAGE") != NULL)
    g_signal_connect (app, "window-added", G_CALLBACK (screenshot_window_added), NULL);
  if (g_getenv ("SCS_SCREENSHOT") != NULL)
    g_timeout_add_seconds (g_getenv ("SCS_SCREENSHOT_PAGE") != NULL ? 2 : 3, take_screenshot, app);
  if (g_getenv ("SCS_BENCH_FIRST_FRAME") != NULL)
    {
      g_signal_connect (app, "startup", G_CALLBACK (bench_app_started), NULL);
      g_signal_connect (app, "window-added", G_CALLBACK (bench_window_added), NULL);
    }
}

/* Pictures and start-up timings are of the window, not of the first-run
 * question over it: where the profile in use has no name yet, such a run
 * uses a named one of its own, in a folder removed afterwards. Returns
 * that folder, or NULL. */
static char *
use_named_profile (void)
{
  g_autoptr(ScsProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  char *dir;

  if ((g_getenv ("SCS_SCREENSHOT") == NULL && g_getenv ("SCS_BENCH_FIRST_FRAME") == NULL) ||
      !scs_first_run_needed ())
    return NULL;
  dir = g_dir_make_tmp ("scs-workbench-test-XXXXXX", &error);
  if (dir == NULL)
    g_error ("scs-workbench-test: %s", error->message);
  path = g_build_filename (dir, "profile.ini", NULL);
  profile = scs_profile_load (path, &error);
  if (profile != NULL)
    scs_profile_set_name (profile, "Test");
  if (profile == NULL || !scs_profile_save (profile, &error))
    g_error ("scs-workbench-test: %s", error->message);
  g_setenv ("SCS_PROFILE", path, TRUE);
  return dir;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *profile_dir = use_named_profile ();
  int status = scs_main (argc, argv, install_hooks);

  if (profile_dir != NULL)
    {
      g_autofree char *path = g_build_filename (profile_dir, "profile.ini", NULL);

      g_unlink (path);
      g_rmdir (profile_dir);
    }
  return status;
}
