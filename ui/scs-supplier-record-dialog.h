/* scs-supplier-record-dialog.h: record a supplier's yearly check or a price negotiation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "scs-wizard.h"

G_BEGIN_DECLS

typedef enum
{
  SCS_SUPPLIER_RECORD_CHECK,        /* the yearly check of the supplier's measures */
  SCS_SUPPLIER_RECORD_NEGOTIATION,  /* the negotiation about security costs */
} ScsSupplierRecordKind;

#define SCS_TYPE_SUPPLIER_RECORD_DIALOG (scs_supplier_record_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ScsSupplierRecordDialog, scs_supplier_record_dialog, SCS, SUPPLIER_RECORD_DIALOG,
                      AdwWindow)

/* Records into supplier @name of @list (which must hold it) when the user
 * activates record.save: the record is validated by the core and saved
 * with the supplier's every other field; a refused record keeps the dialog
 * open with the typed text and the reason. */
ScsSupplierRecordDialog *scs_supplier_record_dialog_new (GtkWindow             *parent,
                                                         ScsSupplierList       *list,
                                                         const char            *name,
                                                         ScsSupplierRecordKind  kind);

G_END_DECLS
