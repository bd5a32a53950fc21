/* scs-first-run-dialog.h: who is using the workbench, asked once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "scs-profile.h"

G_BEGIN_DECLS

#define SCS_TYPE_FIRST_RUN_DIALOG (scs_first_run_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ScsFirstRunDialog, scs_first_run_dialog, SCS, FIRST_RUN_DIALOG, AdwMessageDialog)

/* Whether the local profile (scs_profile_load_default ()) has no name yet:
 * then changes would be recorded under the account's login name. */
gboolean           scs_first_run_needed          (void);
/* Asks for the name and role (rows named "name" and "role") and, on
 * "save", writes the profile and applies it to every open window at once
 * (scs_window_apply_profile ()); a profile that cannot be written is said
 * in a toast of @parent (win.toast). "later" writes nothing; the question
 * comes again at the next start. */
ScsFirstRunDialog *scs_first_run_dialog_new      (GtkWindow         *parent);

G_END_DECLS
