/* main.c: start SCS Workbench
 *
 * Sets up gettext with the language chosen in the preferences (GSettings
 * "language"; SCS_LANGUAGE in the environment overrides it, which tests and
 * screenshots use), then runs the application. Files on the command line
 * are opened as workspaces: `scs-workbench company.scsw`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "scs-application.h"
#include "scs-i18n.h"
#include "scs-screenshot.h"
#include "scs-startup.h"
#include "scs-startup-trace.h"

/* SCS_SCREENSHOT=OUT.png (used by `build-aux/dev screenshot` and
 * build-aux/screenshots): once the first window has been shown and has
 * settled, render it to OUT.png and quit. SCS_SCREENSHOT_PAGE chooses the
 * page first: "dashboard", "category:N" (N = 1…7), "review:ID" (the review
 * desk on criterion ID) or "scope", through the window's own actions, a
 * second before the picture, in a window of 1360×860. */
static gboolean
take_screenshot (gpointer data)
{
  static gboolean page_shown;
  static guint waited;
  GtkApplication *app = data;
  GtkWindow *window = gtk_application_get_active_window (app);
  g_autoptr(GError) error = NULL;
  const char *path = g_getenv ("SCS_SCREENSHOT");
  const char *page = g_getenv ("SCS_SCREENSHOT_PAGE");

  if (window == NULL)
    return G_SOURCE_CONTINUE;
  if (page != NULL && !page_shown)
    {
      page_shown = TRUE;
      /* Wide enough that the sidebar shows beside the page. */
      gtk_window_set_default_size (window, 1360, 860);
      if (g_str_equal (page, "dashboard"))
        gtk_widget_activate_action (GTK_WIDGET (window), "win.show-dashboard", NULL);
      else if (g_str_has_prefix (page, "category:"))
        gtk_widget_activate_action (GTK_WIDGET (window), "win.show-category", "u",
                                    (guint32) g_ascii_strtoull (page + strlen ("category:"), NULL, 10));
      else if (g_str_has_prefix (page, "review:"))
        gtk_widget_activate_action (GTK_WIDGET (window), "win.show-review", "s", page + strlen ("review:"));
      else if (g_str_equal (page, "scope"))
        gtk_widget_activate_action (GTK_WIDGET (window), "win.show-scope", "x", (gint64) 0);
      else
        g_printerr ("scs-workbench: SCS_SCREENSHOT_PAGE ‘%s’ is none of ‘dashboard’, ‘category:N’, "
                    "‘review:ID’, ‘scope’\n", page);
      return G_SOURCE_CONTINUE;
    }
  /* A page shown for the first time (the review desk of 81 criteria) may
   * still be in its first layout, with no size yet: wait for it, a few
   * seconds at most, rather than say it drew nothing. */
  if (gtk_widget_get_width (GTK_WIDGET (window)) <= 0 && waited++ < 10)
    return G_SOURCE_CONTINUE;
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

/* libadwaita styles everything itself: as it starts, it switches GTK to
 * its empty theme, after GTK has parsed its own default theme for nothing
 * (some 20 ms of every start-up). So GTK is started here, before the
 * application, with GTK_THEME naming that empty theme, and GTK_THEME is
 * cleared again at once: libadwaita, which starts with the application,
 * must not see it (it would leave its stylesheet out for a user's theme),
 * and nothing we launch may inherit it. A GTK_THEME the user set is left
 * alone. A start with options is left to the application (--help needs no
 * display). FALSE when there is no display to open: GTK cannot be started
 * again after that.
 *
 * While gtk_init() runs, a second thread loads the GL driver GTK is about
 * to load (scs-startup.c). It starts after the last change this process
 * makes to its environment before GTK runs: setenv() must not race with a
 * reader on another thread. */
static gboolean
init_gtk (int    argc,
          char **argv)
{
  gboolean own_theme = g_getenv ("GTK_THEME") == NULL;
  gboolean opened;

  for (int i = 1; i < argc; i++)
    if (argv[i][0] == '-')
      return TRUE;

  if (own_theme)
    g_setenv ("GTK_THEME", "Adwaita-empty", TRUE);
  if (scs_startup_gl_preload_wanted (argc, argv))
    scs_startup_gl_preload_start ();
  opened = gtk_init_check ();
  /* The settings load the theme, on first use. */
  if (opened)
    (void) gtk_settings_get_default ();
  if (own_theme)
    g_unsetenv ("GTK_THEME");
  return opened;
}

/* FC_LANG (scs_startup_set_type_language) is read by fontconfig when the
 * first window's text is measured, before the window maps; then it goes,
 * so that the programs we launch do not inherit it. */
static gboolean
release_type_language (gpointer data)
{
  scs_startup_release_type_language ();
  return G_SOURCE_REMOVE;
}

static void
first_window_mapped (GtkWidget *window)
{
  g_signal_handlers_disconnect_by_func (window, first_window_mapped, NULL);
  g_idle_add (release_type_language, NULL);
}

static void
first_window_added (GtkApplication *app,
                    GtkWindow      *window)
{
  g_signal_handlers_disconnect_by_func (app, first_window_added, NULL);
  g_signal_connect_after (window, "map", G_CALLBACK (first_window_mapped), NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(ScsApplication) app = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *language = NULL;
  const char *env_language = g_getenv ("SCS_LANGUAGE");
  gboolean type_language;

  scs_startup_mark ("main");
  if (env_language != NULL && *env_language != '\0')
    language = g_strdup (env_language);
  else if ((settings = scs_settings_new ()) != NULL)
    language = g_settings_get_string (settings, "language");

  scs_i18n_init (language);
  /* A Japanese UI in Japanese type, whatever the locale (scs-startup.c) */
  type_language = scs_startup_set_type_language (scs_i18n_is_japanese ());
  if (!init_gtk (argc, argv))
    {
      const char *display = g_getenv ("WAYLAND_DISPLAY") ? g_getenv ("WAYLAND_DISPLAY") : g_getenv ("DISPLAY");

      /* Translators: %s names the display (e.g. ":0"), possibly empty */
      g_printerr (_("scs-workbench: cannot open the display “%s”: the workbench needs a graphical session "
                    "(scs-cli works without one)\n"), display ? display : "");
      return 1;
    }

  app = scs_application_new ();
  if (type_language)
    g_signal_connect (app, "window-added", G_CALLBACK (first_window_added), NULL);
  scs_application_prefetch (app, argc, argv);
  if (g_getenv ("SCS_SCREENSHOT") != NULL)
    g_timeout_add_seconds (g_getenv ("SCS_SCREENSHOT_PAGE") != NULL ? 2 : 3, take_screenshot, app);
  if (g_getenv ("SCS_BENCH_FIRST_FRAME") != NULL)
    {
      g_signal_connect (app, "startup", G_CALLBACK (bench_app_started), NULL);
      g_signal_connect (app, "window-added", G_CALLBACK (bench_window_added), NULL);
    }
  return g_application_run (G_APPLICATION (app), argc, argv);
}
