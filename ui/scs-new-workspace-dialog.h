/* scs-new-workspace-dialog.h: the assistant that creates a workspace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "scs-workspace.h"

G_BEGIN_DECLS

#define SCS_TYPE_NEW_WORKSPACE_DIALOG (scs_new_workspace_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ScsNewWorkspaceDialog, scs_new_workspace_dialog, SCS, NEW_WORKSPACE_DIALOG, AdwWindow)

/* Company profile (name, trade name, corporate / sole proprietor, 法人番号
 * validated live, address, contact) and target level, then a save location.
 * Emits "created" (ScsWorkspace *) once the file exists; the dialog closes.
 * Action "dialog.create" (s: path) creates without asking for a location
 * (used by the save chooser and by tests). The type combo ("workspace-type",
 * in ScsWorkspaceType's order) hides the level ("level-3", "level-4") for
 * the types other than SCS. */
ScsNewWorkspaceDialog *scs_new_workspace_dialog_new            (GtkWindow *parent);

G_END_DECLS
