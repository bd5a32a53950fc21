/* scs-criterion-row.h: one criterion with its answer, note, reason, evidence
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "scs-checklist-item.h"
#include "scs-workspace.h"

G_BEGIN_DECLS

#define SCS_TYPE_CRITERION_ROW (scs_criterion_row_get_type ())
G_DECLARE_FINAL_TYPE (ScsCriterionRow, scs_criterion_row, SCS, CRITERION_ROW, GtkWidget)

/* Shows a criterion item (scs-checklist-item.h: the typed text, its saving
 * and conflicts are the item's) and follows its changes. It never writes to
 * the workspace itself: status buttons, note and reason go through the
 * window's actions (win.set-status, win.set-note, win.set-reason,
 * win.set-not-applicable). scs_criterion_row_new() makes a row with an item
 * of its own; the checklist gives its rows one item after another. */
GtkWidget        *scs_criterion_row_new                  (ScsWorkspace     *workspace,
                                                          ScsAnswer        *answer);
void              scs_criterion_row_set_item             (ScsCriterionRow  *self,
                                                          ScsChecklistItem *item);
ScsChecklistItem *scs_criterion_row_get_item             (ScsCriterionRow  *self);
/* For keyboard handling. */
GtkWidget        *scs_criterion_row_get_status_button    (ScsCriterionRow  *self,
                                                          ScsAnswerState    state);

G_END_DECLS
