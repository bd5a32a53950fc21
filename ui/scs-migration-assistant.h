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

/* A modal window over @parent: choose a workbook (.xlsx) or catalog XML,
 * import it on a worker thread (progress, cancel), show the change report,
 * and migrate only when the user confirms. When @parent is the main window
 * it is reloaded afterwards. Pages: "choose", "progress", "report", "error",
 * "done". */
GtkWidget    *scs_migration_assistant_new        (GtkWindow             *parent,
                                                  ScsWorkspace          *workspace);
/* Starts the import of @file, as if chosen in the file chooser. */
void          scs_migration_assistant_load_file  (ScsMigrationAssistant *self,
                                                  GFile                 *file);
void          scs_migration_assistant_cancel     (ScsMigrationAssistant *self);
/* The "Migrate" button: applies the plan shown. */
gboolean      scs_migration_assistant_confirm    (ScsMigrationAssistant *self,
                                                  GError               **error);
const char   *scs_migration_assistant_get_page   (ScsMigrationAssistant *self);
ScsMigration *scs_migration_assistant_get_migration (ScsMigrationAssistant *self);
/* The text shown on the report page, for tests: "added", "removed",
 * "reworded", "level", "carried", "reconfirm-list", "removed-list",
 * "error". */
const char   *scs_migration_assistant_get_text   (ScsMigrationAssistant *self,
                                                  const char            *what);

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
