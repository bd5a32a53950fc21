/* scs-review.h: expert review rounds, verdicts, proposed corrections, sealing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

#include "scs-profile.h"
#include "scs-workspace.h"

G_BEGIN_DECLS

#define SCS_REVIEW_ERROR (scs_review_error_quark ())

typedef enum
{
  SCS_REVIEW_ERROR_ROLE,        /* the profile's role may not do this */
  SCS_REVIEW_ERROR_INVALID,     /* unknown criterion, empty comment, bad field … */
  SCS_REVIEW_ERROR_NOT_FOUND,   /* no such proposal */
  SCS_REVIEW_ERROR_STATE,       /* proposal already decided, or stale */
  SCS_REVIEW_ERROR_NOT_READY,   /* cannot sign: items still open */
} ScsReviewError;

GQuark scs_review_error_quark (void);

typedef enum
{
  SCS_VERDICT_NONE,              /* not reviewed yet */
  SCS_VERDICT_ACCEPTED,
  SCS_VERDICT_REVISION_REQUIRED,
  SCS_VERDICT_REOPENED,          /* accepted, then changed: needs review again */
} ScsVerdict;

/* "none", "accepted", "revision-required", "reopened" */
const char *scs_verdict_to_string   (ScsVerdict  verdict);
gboolean    scs_verdict_from_string (const char *text,
                                     ScsVerdict *verdict);
const char *scs_verdict_get_label   (ScsVerdict  verdict);

/* Where a workspace's review stands, as the portfolio shows it. */
typedef enum
{
  SCS_REVIEW_STATE_UNKNOWN,      /* no review data in the file */
  SCS_REVIEW_STATE_NOT_STARTED,
  SCS_REVIEW_STATE_WITH_EXPERT,
  SCS_REVIEW_STATE_WITH_ORGANIZATION,
  SCS_REVIEW_STATE_SIGNED,
} ScsReviewState;

const char *scs_review_state_to_string (ScsReviewState state);
const char *scs_review_state_get_label (ScsReviewState state);

typedef enum
{
  SCS_REVIEW_SIDE_ORGANIZATION,  /* SME staff, management, vendor */
  SCS_REVIEW_SIDE_EXPERT,        /* expert and assistants */
} ScsReviewSide;

typedef struct
{
  gint64  id;
  char   *criterion_id;   /* NULL: whole-assessment comment */
  char   *author;
  char   *role;           /* "expert", "sme", … */
  char   *time;
  char   *body;
} ScsReviewComment;

typedef struct
{
  gint64  id;
  char   *criterion_id;
  char   *field;          /* "state", "note", "reason" */
  char   *old_value;
  char   *new_value;
  char   *comment;
  char   *author;
  char   *time;
  char   *status;         /* "open", "accepted", "rejected" */
  char   *decided_by;
  char   *decided_at;
  char   *decision_comment;
} ScsReviewProposal;

/* One field whose value differs since the viewer last handed the workspace over. */
typedef struct
{
  char *target;           /* criterion ID, evidence hash, "organization" */
  char *field;            /* audit action: "answer", "note", "reason", "evidence-add" … */
  char *old_value;
  char *new_value;
  char *actor;            /* who made the last change */
  char *time;             /* when, ISO 8601 UTC */
  char *evidence_name;    /* an evidence change: the file's name, else NULL */
} ScsReviewChange;

/* Something that waits for the viewer's side. */
typedef struct
{
  char   *criterion_id;   /* NULL: the whole assessment, or the scope */
  char   *kind;           /* "proposal", "revision", "comment", "unreviewed", "reopened", "revised", "decided",
                           * "scope-questioned" (an out-of-scope reason the expert questioned) */
  gint64  ref;            /* proposal, comment or scope item id, 0 otherwise */
  char   *text;           /* short translated description */
} ScsReviewItem;

typedef struct
{
  guint    n_criteria;          /* criteria up to the target level */
  guint    n_accepted;
  guint    n_revision;
  guint    n_reopened;
  guint    n_unreviewed;
  guint    n_open_proposals;
  guint    n_nonconformities_open;    /* revision required, not accepted yet */
  guint    n_nonconformities_closed;  /* found in review, corrected and accepted */
  guint    round;                     /* 1 + number of hand-overs */
  gboolean sealed;
} ScsReviewSummary;

void scs_review_comment_free  (ScsReviewComment  *comment);
void scs_review_proposal_free (ScsReviewProposal *proposal);
void scs_review_change_free   (ScsReviewChange   *change);
void scs_review_item_free     (ScsReviewItem     *item);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScsReviewComment, scs_review_comment_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScsReviewProposal, scs_review_proposal_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScsReviewChange, scs_review_change_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScsReviewItem, scs_review_item_free)

#define SCS_TYPE_REVIEW (scs_review_get_type ())
G_DECLARE_FINAL_TYPE (ScsReview, scs_review, SCS, REVIEW, GObject)

/* Signal ::changed (no arguments) after every committed review change. */
ScsReview    *scs_review_new               (ScsWorkspace  *workspace,
                                            ScsProfile    *profile);
/* The same review on a connection of the calling thread's own
 * (scs_workspace_open_again () of @path), for a worker thread. */
ScsReview    *scs_review_open_again        (const char    *path,
                                            ScsProfile    *profile,
                                            GError       **error);
ScsWorkspace *scs_review_get_workspace     (ScsReview     *self);
ScsProfile   *scs_review_get_profile       (ScsReview     *self);
/* Also sets the workspace actor to the profile's name. */
void          scs_review_set_profile       (ScsReview     *self,
                                            ScsProfile    *profile);
ScsReviewSide scs_review_get_side          (ScsReview     *self);

/* Expert side. @criterion_id NULL: a whole-assessment comment. Either side may comment. */
gint64        scs_review_add_comment       (ScsReview     *self,
                                            const char    *criterion_id,
                                            const char    *body,
                                            GError       **error);
gboolean      scs_review_set_verdict       (ScsReview     *self,
                                            const char    *criterion_id,
                                            ScsVerdict     verdict,
                                            GError       **error);
/* @field: "state" (value met|not-met|na|unanswered), "note" or "reason". */
gint64        scs_review_propose           (ScsReview     *self,
                                            const char    *criterion_id,
                                            const char    *field,
                                            const char    *new_value,
                                            const char    *comment,
                                            GError       **error);
/* Organisation side: applies the proposed value to the answer. */
gboolean      scs_review_accept_proposal   (ScsReview     *self,
                                            gint64         proposal_id,
                                            GError       **error);
gboolean      scs_review_reject_proposal   (ScsReview     *self,
                                            gint64         proposal_id,
                                            const char    *comment,
                                            GError       **error);
/* Ends the viewer's turn: the other side will see what changed since. */
gboolean      scs_review_hand_over         (ScsReview     *self,
                                            GError       **error);

ScsVerdict    scs_review_get_verdict       (ScsReview     *self,
                                            const char    *criterion_id);
/* Of ScsReviewComment*, oldest first; @criterion_id NULL: all, "" whole-assessment only. */
GPtrArray    *scs_review_list_comments     (ScsReview     *self,
                                            const char    *criterion_id,
                                            GError       **error);
/* Of ScsReviewProposal*, oldest first; @criterion_id NULL: all. */
GPtrArray    *scs_review_list_proposals    (ScsReview     *self,
                                            const char    *criterion_id,
                                            GError       **error);
/* Of ScsReviewChange*: the redline since the viewer's side last handed over. */
GPtrArray    *scs_review_list_changes      (ScsReview     *self,
                                            GError       **error);
/* Of ScsReviewItem*: what waits for the viewer's side. */
GPtrArray    *scs_review_list_waiting      (ScsReview     *self,
                                            GError       **error);
gboolean      scs_review_get_summary       (ScsReview     *self,
                                            ScsReviewSummary *summary,
                                            GError       **error);
/* The summary's round alone (1 + hand-overs), without the summary's work. */
guint         scs_review_get_round         (ScsReview     *self);
/* TRUE when every criterion up to the target level is accepted, nothing is
 * open and the assessment is ready; otherwise says what is missing. */
gboolean      scs_review_check_complete    (ScsReview     *self,
                                            GError       **error);

/* Sealing: after the expert signature the attested rows are read-only. */
gboolean      scs_review_is_sealed         (ScsWorkspace  *workspace);
/* Unseals: a new review round, the old signatures are kept but superseded. */
gboolean      scs_review_start_new_round   (ScsReview     *self,
                                            GError       **error);

/* What a list of workspaces shows of the review of assessment @assessment,
 * read from @db (a read transaction on a file not opened as a workspace):
 * its state (UNKNOWN in a file without review tables) and whether the
 * expert signed it and management declared it. */
void        scs_review_read_summary (sqlite3        *db,
                                     gint64          assessment,
                                     ScsReviewState *state,
                                     gboolean       *expert_signed,
                                     gboolean       *declared);

G_END_DECLS
