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

GtkWidget *scs_reconfirm_window_new           (GtkWindow          *parent,
                                               ScsWorkspace       *workspace);
/* The search text: rows whose ID or wording contains it are shown. */
void       scs_reconfirm_window_set_filter    (ScsReconfirmWindow *self,
                                               const char         *text);
/* The IDs of the rows shown, in order (for tests and tools). */
GStrv      scs_reconfirm_window_dup_shown     (ScsReconfirmWindow *self);
/* "Still holds" for every row shown, in one step. */
gboolean   scs_reconfirm_window_confirm_shown (ScsReconfirmWindow *self,
                                               GError            **error);

/* win.reconfirm-bulk: opens the window for the window's workspace. */
void       scs_reconfirm_window_action        (GtkWidget          *window,
                                               const char         *action_name,
                                               GVariant           *parameter);

G_END_DECLS
