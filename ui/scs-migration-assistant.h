/* scs-migration-assistant.h: load another catalog version and migrate answers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "scs-migration.h"
#include "scs-workspace.h"

G_BEGIN_DECLS

#define SCS_TYPE_MIGRATION_ASSISTANT (scs_migration_assistant_get_type ())
G_DECLARE_FINAL_TYPE (ScsMigrationAssistant, scs_migration_assistant, SCS, MIGRATION_ASSISTANT, AdwWindow)

/* Opened by win.load-catalog, a modal window over the main window: choose
 * a workbook (.xlsx) or catalog XML, import it on a worker thread
 * (progress, cancel), show the change report, and migrate only when the
 * user confirms; the window is reloaded afterwards. Pages of its template
 * child "stack":
 * "choose", "progress", "report" (the counts and lists by their template
 * ids), "error" ("error_page" says why), "done". Action
 * migration.load-file (s: a path or URI) imports a file as if chosen;
 * "cancel_button" stops an import or closes, "migrate_button" applies. */

/* Handlers of the main window's actions (GtkWidgetActionActivateFunc):
 * win.load-catalog opens the assistant for the window's workspace;
 * win.reconfirm-answer (s: criterion ID) clears a re-confirmation flag. */
void          scs_migration_assistant_load_catalog_action (GtkWidget  *window,
                                                           const char *action_name,
                                                           GVariant   *parameter);
void          scs_migration_assistant_reconfirm_action    (GtkWidget  *window,
                                                           const char *action_name,
                                                           GVariant   *parameter);

G_END_DECLS
