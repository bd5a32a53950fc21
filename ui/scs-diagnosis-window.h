/* scs-diagnosis-window.h: the vendor's diagnosis mode on a client workspace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "scs-diagnosis.h"

G_BEGIN_DECLS

#define SCS_TYPE_DIAGNOSIS_WINDOW (scs_diagnosis_window_get_type ())
G_DECLARE_FINAL_TYPE (ScsDiagnosisWindow, scs_diagnosis_window, SCS, DIAGNOSIS_WINDOW, AdwWindow)

/* The diagnosis of @workspace: an SCS assessment's gaps with the vendor's
 * plan and the service tier, or a JC-STAR ★1 or SECURITY ACTION
 * workspace's gaps with the suggested next steps. Actions:
 * diagnosis.set-gap ((sss): criterion ID, field — support, effort,
 * priority, owner, due or note — and value), diagnosis.set-on-site (b),
 * diagnosis.export-csv, diagnosis.export-report, diagnosis.reload (the
 * answers read again, as whenever the window comes to the front). Failures
 * show a toast and change nothing. */
ScsDiagnosisWindow *scs_diagnosis_window_new        (GtkWindow          *parent,
                                                     ScsWorkspace       *workspace);

G_END_DECLS
