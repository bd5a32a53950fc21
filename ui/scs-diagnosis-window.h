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

/* Actions: diagnosis.set-gap ((sss): criterion ID, field — support, effort,
 * priority, owner, due or note — and value), diagnosis.set-on-site (b),
 * diagnosis.export-csv, diagnosis.export-report. Failures show a toast and
 * change nothing. */
ScsDiagnosisWindow *scs_diagnosis_window_new        (GtkWindow          *parent,
                                                     ScsWorkspace       *workspace);
ScsDiagnosis       *scs_diagnosis_window_get_diagnosis (ScsDiagnosisWindow *self);
/* Number of gap rows shown. */
guint               scs_diagnosis_window_get_n_gaps (ScsDiagnosisWindow *self);
const char         *scs_diagnosis_window_get_tier_text (ScsDiagnosisWindow *self);
/* The last message shown as a toast (for tests), or NULL. */
const char         *scs_diagnosis_window_get_last_message (ScsDiagnosisWindow *self);

G_END_DECLS
