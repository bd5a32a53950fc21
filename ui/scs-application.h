/* scs-application.h: the AdwApplication of SCS Workbench
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "scs-workspace.h"

G_BEGIN_DECLS

#define SCS_TYPE_APPLICATION (scs_application_get_type ())
G_DECLARE_FINAL_TYPE (ScsApplication, scs_application, SCS, APPLICATION, AdwApplication)

/* Actions: app.new, app.open, app.preferences, app.about, app.shortcuts,
 * app.quit. Files given on the command line are opened as workspaces. */
ScsApplication *scs_application_new            (void);
/* From main(), before g_application_run(): opens the workspace the start
 * will show in a thread while GTK starts (see the .c file). */
void            scs_application_prefetch       (ScsApplication *self,
                                                int             argc,
                                                char          **argv);
/* Opens @file in a window (an empty one if there is one, else a new one).
 * On error an AdwMessageDialog over @parent shows the message; nothing
 * changes. Returns TRUE when the workspace is shown. */
gboolean        scs_application_open_file      (ScsApplication *self,
                                                GFile          *file,
                                                GtkWindow      *parent);
/* Shows an already opened workspace (e.g. one just created). */
void            scs_application_show_workspace (ScsApplication *self,
                                                ScsWorkspace   *workspace,
                                                GtkWindow      *parent);

/* The jp.scsworkbench.Workbench settings, or NULL (with a warning once)
 * when the schema is not installed, so the app still runs from a build
 * tree without GSETTINGS_SCHEMA_DIR. */
GSettings      *scs_settings_new               (void);
/* The profile's name, else "actor-name" from the settings, else the
 * account's real name. */
char           *scs_settings_dup_actor_name    (void);

G_END_DECLS
