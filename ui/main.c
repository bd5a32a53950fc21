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
  return g_application_run (G_APPLICATION (app), argc, argv);
}
