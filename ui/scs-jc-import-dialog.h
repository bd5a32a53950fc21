/* scs-jc-import-dialog.h: which column of the user's IPA checklist holds what
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "scs-jcstar.h"

G_BEGIN_DECLS

#define SCS_TYPE_JC_IMPORT_DIALOG (scs_jc_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ScsJcImportDialog, scs_jc_import_dialog, SCS, JC_IMPORT_DIALOG, AdwWindow)

/* A modal window over @parent for @import (the dialog takes it), read
 * from the user's copy of IPA's JC-STAR ★1 checklist, whose headers left
 * the columns uncertain: a row per column (its letter, header and first
 * values) with the field it is read as, and a preview of the first rows as
 * they would be imported. Actions (the buttons, the keyboard and the tests
 * take the same path):
 *   import.map "(us)"   column (0-based) → "requirement", "item", "text",
 *                       "answer", "reason", or "" for none
 *   import.confirm      imports into @workspace (scs_jc_import_apply ());
 *                       enabled once the requirement, item and wording or
 *                       answer columns are known. A row it cannot read is
 *                       refused in the window naming the sheet, row and
 *                       column; nothing is written then.
 *   import.cancel       closes without writing
 * Signal ::imported (guint n_texts, guint n_answers) after the import,
 * before the window closes. Widgets by name: the column rows "map-A",
 * "map-B" …, "preview" (a column view of ScsImportRow, the fields in the
 * order above), "import-error" (a refusal, shown) and "import-confirm". */
ScsJcImportDialog *scs_jc_import_dialog_new        (GtkWindow         *parent,
                                                    ScsWorkspace      *workspace,
                                                    ScsJcImport       *import);

G_END_DECLS
