/* scs-answer.h: one criterion's answer, as a GObject the views bind to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "scs-catalog.h"

G_BEGIN_DECLS

typedef enum
{
  SCS_ANSWER_UNANSWERED,
  SCS_ANSWER_MET,
  SCS_ANSWER_NOT_MET,
  SCS_ANSWER_NOT_APPLICABLE,
} ScsAnswerState;

#define SCS_N_ANSWER_STATES 4

#define SCS_TYPE_ANSWER_STATE (scs_answer_state_get_type ())
GType        scs_answer_state_get_type    (void);

/* "unanswered", "met", "not-met", "na": stable names used in files and the CLI */
const char  *scs_answer_state_to_string   (ScsAnswerState  state);
gboolean     scs_answer_state_from_string (const char     *text,
                                           ScsAnswerState *state);
/* Translated, for display: 未回答 / 達成 / 未達成 / 対象外 */
const char  *scs_answer_state_get_label   (ScsAnswerState  state);

#define SCS_TYPE_ANSWER (scs_answer_get_type ())
G_DECLARE_FINAL_TYPE (ScsAnswer, scs_answer, SCS, ANSWER, GObject)

/* Owned by an ScsWorkspace, which keeps the properties in step with the file.
 * Properties: criterion-id, state, note, reason, author, updated (ISO 8601),
 * n-evidence; all read-only to views. */
ScsAnswer          *scs_answer_new              (const ScsCriterion *criterion);
const ScsCriterion *scs_answer_get_criterion    (ScsAnswer *self);
const char         *scs_answer_get_criterion_id (ScsAnswer *self);
ScsAnswerState      scs_answer_get_state        (ScsAnswer *self);
const char         *scs_answer_get_note         (ScsAnswer *self);
const char         *scs_answer_get_reason       (ScsAnswer *self);
const char         *scs_answer_get_author       (ScsAnswer *self);
const char         *scs_answer_get_updated      (ScsAnswer *self);
guint               scs_answer_get_n_evidence   (ScsAnswer *self);
/* TRUE for met, or not applicable with a non-blank reason */
gboolean            scs_answer_is_satisfied     (ScsAnswer *self);

/* For ScsWorkspace only: update and notify what changed. */
void                scs_answer_update           (ScsAnswer      *self,
                                                 ScsAnswerState  state,
                                                 const char     *note,
                                                 const char     *reason,
                                                 const char     *author,
                                                 const char     *updated);
void                scs_answer_set_n_evidence   (ScsAnswer *self,
                                                 guint      n_evidence);
gint64              scs_answer_get_version      (ScsAnswer *self);
/* For ScsWorkspace only. */
void                scs_answer_set_version      (ScsAnswer *self,
                                                 gint64     version);

G_END_DECLS
