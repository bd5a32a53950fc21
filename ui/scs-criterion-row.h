/* scs-criterion-row.h: one criterion with its answer, note, reason, evidence
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "scs-workspace.h"

G_BEGIN_DECLS

#define SCS_TYPE_CRITERION_ROW (scs_criterion_row_get_type ())
G_DECLARE_FINAL_TYPE (ScsCriterionRow, scs_criterion_row, SCS, CRITERION_ROW, GtkListBoxRow)

/* Shows @answer and follows its changes. It never writes to the workspace
 * itself: status buttons, note and reason go through the window's actions
 * (win.set-status, win.set-note, win.set-reason, win.set-not-applicable).
 * Property "note-state": "saved", "pending" or "failed". */
GtkWidget   *scs_criterion_row_new            (ScsWorkspace    *workspace,
                                               ScsAnswer       *answer);
ScsAnswer   *scs_criterion_row_get_answer     (ScsCriterionRow *self);
const char  *scs_criterion_row_get_criterion_id (ScsCriterionRow *self);
/* Sends a pending note or reason now. */
void         scs_criterion_row_flush          (ScsCriterionRow *self);
/* Conflicts: the note and the not-applicable reason are each saved only
 * over the version the user began typing from. */
gint64       scs_criterion_row_get_note_seen_version (ScsCriterionRow *self);
void         scs_criterion_row_note_conflict  (ScsCriterionRow *self);
gint64       scs_criterion_row_get_reason_seen_version (ScsCriterionRow *self);
void         scs_criterion_row_reason_conflict (ScsCriterionRow *self);
gboolean     scs_criterion_row_get_reason_conflict (ScsCriterionRow *self);
void         scs_criterion_row_resolve_reason (ScsCriterionRow *self,
                                               gboolean         keep_mine);
void         scs_criterion_row_resolve_note   (ScsCriterionRow *self,
                                               gboolean         keep_mine);
/* Opens the not-applicable reason field and focuses it; a reason typed
 * there then marks the criterion not applicable. */
void         scs_criterion_row_request_reason (ScsCriterionRow *self);
const char  *scs_criterion_row_get_note_state (ScsCriterionRow *self);

/* For tests and keyboard handling. */
GtkTextView *scs_criterion_row_get_note_view     (ScsCriterionRow *self);
GtkEditable *scs_criterion_row_get_reason_entry  (ScsCriterionRow *self);
GtkWidget   *scs_criterion_row_get_status_button (ScsCriterionRow *self,
                                                  ScsAnswerState   state);
gboolean     scs_criterion_row_get_reason_visible (ScsCriterionRow *self);
/* Catalog versions: the re-confirm badge and button are shown; the English
 * paraphrase shown under official Japanese text ("" when none). */
gboolean     scs_criterion_row_get_reconfirm_visible (ScsCriterionRow *self);
GtkWidget   *scs_criterion_row_get_reconfirm_button  (ScsCriterionRow *self);
const char  *scs_criterion_row_get_paraphrase     (ScsCriterionRow *self);

/* Expert review: a signed assessment is read-only (status, note, reason,
 * evidence insensitive); the row also links to win.show-review. */
void         scs_criterion_row_set_sealed     (ScsCriterionRow *self,
                                               gboolean         sealed);
gboolean     scs_criterion_row_get_sealed     (ScsCriterionRow *self);

G_END_DECLS
