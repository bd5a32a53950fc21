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
 * before the window closes. */
ScsScopeImportDialog *scs_scope_import_dialog_new          (GtkWindow            *parent,
                                                            ScsScope             *scope,
                                                            ScsScopeKind          kind);
/* The parsed file, NULL before one is loaded or when it could not be read. */
ScsScopeImport       *scs_scope_import_dialog_get_import   (ScsScopeImportDialog *self);
ScsScopeKind          scs_scope_import_dialog_get_kind     (ScsScopeImportDialog *self);
/* What the assistant shows as the detected encoding ("UTF-8 with BOM" …). */
const char           *scs_scope_import_dialog_get_encoding_text (ScsScopeImportDialog *self);
/* The problems shown (with line and column), 0 when the import can go. */
guint                 scs_scope_import_dialog_get_n_problems (ScsScopeImportDialog *self);
/* For tests: the widgets of each step. */
GtkListBox           *scs_scope_import_dialog_get_problems (ScsScopeImportDialog *self);
GtkDropDown          *scs_scope_import_dialog_get_mapping_dropdown (ScsScopeImportDialog *self,
                                                                    guint                 column);
GtkColumnView        *scs_scope_import_dialog_get_preview  (ScsScopeImportDialog *self);
GtkWidget            *scs_scope_import_dialog_get_import_button (ScsScopeImportDialog *self);
GtkWidget            *scs_scope_import_dialog_get_step     (ScsScopeImportDialog *self,
                                                            const char           *name);

G_END_DECLS
