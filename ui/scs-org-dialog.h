/* scs-org-dialog.h: edit the organisation's details
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "scs-workspace.h"

G_BEGIN_DECLS

#define SCS_TYPE_ORG_DIALOG (scs_org_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ScsOrgDialog, scs_org_dialog, SCS, ORG_DIALOG, AdwWindow)

/* Action: org.save (disabled while the form is invalid or the assessment
 * is sealed). Signal ::saved when the details were written. */
ScsOrgDialog *scs_org_dialog_new         (GtkWindow    *parent,
                                          ScsWorkspace *workspace);

G_END_DECLS
