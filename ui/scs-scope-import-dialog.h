/* scs-scope-import-dialog.h: the assistant that imports a scope inventory
 * from CSV — file and kind, encoding, column mapping, preview, problems
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "scs-scope.h"
#include "scs-scope-import.h"

G_BEGIN_DECLS

#define SCS_TYPE_SCOPE_IMPORT_DIALOG (scs_scope_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ScsScopeImportDialog, scs_scope_import_dialog, SCS, SCOPE_IMPORT_DIALOG, AdwWindow)

/* Actions (the only path to the core):
 *   import.choose-file            file chooser, then as import.load-file
 *   import.load-file "s"          reads the CSV at a path (nothing written)
 *   import.set-kind "s"           "server", "cloud" … (mapping guessed again)
 *   import.set-encoding "s"       "auto", "utf-8", "cp932"
 *   import.map "(us)"             CSV column (0-based) → field, "" ignores it
 *   import.show-step "s"          "source", "mapping", "preview"
 *   import.confirm                imports every row in one transaction;
 *                                 enabled only when there are no problems
 *   import.cancel                 closes without writing
 * Signal ::imported (guint kind, guint count) after a successful import,
 * before the window closes. Template children: the steps' rows
 * ("kind_row", "detected_row" with the encoding found), "mapping_list" (a
 * combo row per CSV column), "preview" (a column view of ScsImportRow),
 * "problems" (a row per problem, named "problem-LINE-COLUMN", 0 for the
 * file) and "import_button". */
ScsScopeImportDialog *scs_scope_import_dialog_new          (GtkWindow            *parent,
                                                            ScsScope             *scope,
                                                            ScsScopeKind          kind);

G_END_DECLS
