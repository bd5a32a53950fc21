/* scs-reconfirm-window.h: re-confirming answers after a catalog change, in bulk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "scs-workspace.h"

G_BEGIN_DECLS

#define SCS_TYPE_RECONFIRM_WINDOW (scs_reconfirm_window_get_type ())
G_DECLARE_FINAL_TYPE (ScsReconfirmWindow, scs_reconfirm_window, SCS, RECONFIRM_WINDOW, AdwWindow)

/* Actions: reconfirm.confirm (s: criterion ID: the answer still holds),
 * reconfirm.confirm-shown (every row the search shows, in one step). */

/* win.reconfirm-bulk: opens the window for the window's workspace. */
void       scs_reconfirm_window_action        (GtkWidget          *window,
                                               const char         *action_name,
                                               GVariant           *parameter);

G_END_DECLS
