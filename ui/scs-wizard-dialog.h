/* scs-wizard-dialog.h: which level to ask of a supplier (ordering company)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "scs-wizard.h"

G_BEGIN_DECLS

#define SCS_TYPE_WIZARD_DIALOG (scs_wizard_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ScsWizardDialog, scs_wizard_dialog, SCS, WIZARD_DIALOG, AdwWindow)

/* Actions: wizard.save (stores the decision in the supplier list),
 * wizard.print, wizard.import-csv, wizard.export-csv,
 * wizard.record-check and wizard.record-negotiation (a supplier's name:
 * opens a ScsSupplierRecordDialog). @list_path NULL: the
 * per-user list. */
ScsWizardDialog *scs_wizard_dialog_new            (GtkWindow       *parent,
                                                   const char      *list_path);

G_END_DECLS
