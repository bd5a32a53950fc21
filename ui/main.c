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

/* SCS_SCREENSHOT=OUT.png (used by `build-aux/dev screenshot`): once the first
 * window has been shown and has settled, render it to OUT.png and quit. */
static gboolean
take_screenshot (gpointer data)
{
  GtkApplication *app = data;
  GtkWindow *window = gtk_application_get_active_window (app);
  g_autoptr(GError) error = NULL;
  const char *path = g_getenv ("SCS_SCREENSHOT");

  if (window == NULL)
    return G_SOURCE_CONTINUE;
  if (!scs_widget_save_png (GTK_WIDGET (window), path, &error))
    g_printerr ("scs-workbench: %s\n", error->message);
  g_application_quit (G_APPLICATION (app));
  return G_SOURCE_REMOVE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(ScsApplication) app = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *language = NULL;
  const char *env_language = g_getenv ("SCS_LANGUAGE");

  if (env_language != NULL && *env_language != '\0')
    language = g_strdup (env_language);
  else if ((settings = scs_settings_new ()) != NULL)
    language = g_settings_get_string (settings, "language");

  scs_i18n_init (language);

  app = scs_application_new ();
  if (g_getenv ("SCS_SCREENSHOT") != NULL)
    g_timeout_add_seconds (3, take_screenshot, app);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
