/* scs-main.c: what scs-workbench's main() does
 *
 * Sets up gettext with the language chosen in the preferences (GSettings
 * "language"; SCS_LANGUAGE in the environment overrides it, which tests and
 * screenshots use), then runs the application. Files on the command line
 * are opened as workspaces: `scs-workbench company.scsw`. The program
 * itself (main.c) has no hooks; the test-only scs-workbench-test
 * (scs-workbench-test.c) passes the screenshot and benchmark ones.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "scs-main.h"

#include <glib/gi18n-lib.h>

#include "scs-application.h"
#include "scs-i18n.h"
#include "scs-startup.h"
#include "scs-startup-trace.h"

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
scs_main (int            argc,
          char          *argv[],
          ScsMainHooks   hooks)
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
  if (hooks != NULL)
    hooks (GTK_APPLICATION (app));
  return g_application_run (G_APPLICATION (app), argc, argv);
}
