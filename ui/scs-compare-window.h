/* scs-compare-window.h: renewal cycles — start a renewal, compare cycles
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "scs-renewal.h"

G_BEGIN_DECLS

#define SCS_TYPE_COMPARE_WINDOW (scs_compare_window_get_type ())
G_DECLARE_FINAL_TYPE (ScsCompareWindow, scs_compare_window, SCS, COMPARE_WINDOW, AdwWindow)

/* Actions: compare.start-renewal, compare.confirm (s: criterion ID),
 * compare.compare ((uu): cycle A, cycle B), compare.record-change ((ss):
 * kind, description). */
ScsCompareWindow *scs_compare_window_new          (GtkWindow        *parent,
                                                   ScsWorkspace     *workspace);

G_END_DECLS
