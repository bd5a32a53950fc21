/* scs-review.c: expert review rounds, verdicts, proposed corrections, sealing
 *
 * The expert (and assistants working under the expert) review what the SME
 * wrote: per criterion a comment thread, a verdict (accepted / revision
 * required) and proposed corrections (state, note or reason, old → new) that
 * the SME accepts or rejects. The workspace travels between both sides as one
 * file; each side ends its turn with a hand-over, which records the audit
 * position so the other side sees exactly what changed since (a redline built
 * from the append-only audit log) and what waits for it. An accepted verdict
 * keeps a fingerprint of the answer it accepted (state, note, reason,
 * evidence): when the answer changes afterwards the verdict reads as
 * "reopened" by itself, however the change was made. A revision-required
 * verdict is a nonconformity, tracked until the criterion is accepted.
 *
 * Signing (scs-signoff.c) ends a round: the signatures, the attestation,
 * the declaration and the seal keep their own tables (scs-signature.c,
 * scs-attestation.c, scs-declaration.c, scs-seal.c); once the expert
 * signs, SQLite triggers refuse every write to the attested rows. Only
 * starting a new review round lifts the seal, and that is audited.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "scs-review.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "scs-db.h"
#include "scs-declaration.h"
#include "scs-migration.h"
#include "scs-scope.h"
#include "scs-seal.h"
#include "scs-sha256.h"
#include "scs-signature.h"
#include "scs-text.h"
#include "scs-workspace-private.h"

G_DEFINE_QUARK (scs-review-error-quark, scs_review_error)

/* Row i is the state i. */
static const ScsTextWord review_states[] = {
  { "unknown", N_("—") },
  { "not-started", N_("Not started") },
  { "with-expert", N_("With the expert") },
  { "with-organization", N_("With the organisation") },
  { "signed", N_("Signed") },
};

const char *
scs_review_state_to_string (ScsReviewState state)
{
  g_return_val_if_fail (state <= SCS_REVIEW_STATE_SIGNED, "");
  return review_states[state].id;
}

const char *
scs_review_state_get_label (ScsReviewState state)
{
  g_return_val_if_fail (state <= SCS_REVIEW_STATE_SIGNED, "");
  return _(review_states[state].label);
}

static const char review_schema_v1[] =
  "CREATE TABLE review_round (\n"
  "  id         INTEGER PRIMARY KEY,\n"
  "  assessment INTEGER NOT NULL REFERENCES assessment (id),\n"
  "  side       TEXT NOT NULL CHECK (side IN ('organization', 'expert')),\n"
  "  kind       TEXT NOT NULL CHECK (kind IN ('hand-over', 'new-round')),\n"
  "  audit_mark INTEGER NOT NULL CHECK (audit_mark >= 0),\n"
  "  time       TEXT NOT NULL,\n"
  "  actor      TEXT NOT NULL\n"
  ") STRICT;\n"
  "CREATE TABLE review_comment (\n"
  "  id           INTEGER PRIMARY KEY,\n"
  "  assessment   INTEGER NOT NULL REFERENCES assessment (id),\n"
  "  criterion_id TEXT,\n"
  "  author       TEXT NOT NULL,\n"
  "  role         TEXT NOT NULL,\n"
  "  time         TEXT NOT NULL,\n"
  "  body         TEXT NOT NULL CHECK (trim (body) <> '')\n"
  ") STRICT;\n"
  "CREATE TABLE review_verdict (\n"
  "  id           INTEGER PRIMARY KEY,\n"
  "  assessment   INTEGER NOT NULL REFERENCES assessment (id),\n"
  "  criterion_id TEXT NOT NULL,\n"
  "  verdict      TEXT NOT NULL CHECK (verdict IN ('accepted', 'revision-required')),\n"
  "  fingerprint  TEXT NOT NULL CHECK (length (fingerprint) = 64),\n"
  "  author       TEXT NOT NULL,\n"
  "  time         TEXT NOT NULL\n"
  ") STRICT;\n"
  "CREATE INDEX review_verdict_by_criterion ON review_verdict (assessment, criterion_id, id);\n"
  "CREATE TABLE review_proposal (\n"
  "  id               INTEGER PRIMARY KEY,\n"
  "  assessment       INTEGER NOT NULL REFERENCES assessment (id),\n"
  "  criterion_id     TEXT NOT NULL,\n"
  "  field            TEXT NOT NULL CHECK (field IN ('state', 'note', 'reason')),\n"
  "  old_value        TEXT NOT NULL,\n"
  "  new_value        TEXT NOT NULL,\n"
  "  comment          TEXT NOT NULL DEFAULT '',\n"
  "  author           TEXT NOT NULL,\n"
  "  time             TEXT NOT NULL,\n"
  "  status           TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'accepted', 'rejected')),\n"
  "  decided_by       TEXT,\n"
  "  decided_at       TEXT,\n"
  "  decision_comment TEXT\n"
  ") STRICT;\n";

/* Versions 1 to 3 also created the tables of the signing step and the
 * seal; those are now the steps of the modules split off review
 * (ScsSchemaModule.split_from): scs_signature_schema,
 * scs_attestation_schema, scs_declaration_schema, scs_seal_schema. What
 * remains of versions 2 and 3 for review's own tables is nothing. */
static const char review_schema_v2[] = "-- review_signed_entry and review_declaration: scs-signature.c, scs-declaration.c\n";
static const char review_schema_v3[] = "-- the seal over the scope and the comments: scs-seal.c\n";

static const char * const review_steps[] = { review_schema_v1, review_schema_v2, review_schema_v3 };

const ScsSchemaModule scs_review_schema = {
  "review", review_steps, G_N_ELEMENTS (review_steps),
};

struct _ScsReview
{
  GObject       parent_instance;

  ScsWorkspace *workspace;
  ScsProfile   *profile;
};

G_DEFINE_FINAL_TYPE (ScsReview, scs_review, G_TYPE_OBJECT)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static const ScsTextWord verdicts[] = {
  { "none", N_("Not reviewed") },
  { "accepted", N_("Accepted") },
  { "revision-required", N_("Revision required") },
  { "reopened", N_("Reopened") },
};

const char *
scs_verdict_to_string (ScsVerdict verdict)
{
  return scs_text_word_get_id (verdicts, G_N_ELEMENTS (verdicts), verdict);
}

gboolean
scs_verdict_from_string (const char *text,
                         ScsVerdict *verdict)
{
  guint i;

  if (!scs_text_find_in_table (verdicts, id, text, &i))
    return FALSE;
  *verdict = (ScsVerdict) i;
  return TRUE;
}

const char *
scs_verdict_get_label (ScsVerdict verdict)
{
  return scs_text_word_get_label (verdicts, G_N_ELEMENTS (verdicts), verdict);
}

void
scs_review_comment_free (ScsReviewComment *c)
{
  if (c == NULL)
    return;
  g_free (c->criterion_id);
  g_free (c->author);
  g_free (c->role);
  g_free (c->time);
  g_free (c->body);
  g_free (c);
}

void
scs_review_proposal_free (ScsReviewProposal *p)
{
  if (p == NULL)
    return;
  g_free (p->criterion_id);
  g_free (p->field);
  g_free (p->old_value);
  g_free (p->new_value);
  g_free (p->comment);
  g_free (p->author);
  g_free (p->time);
  g_free (p->status);
  g_free (p->decided_by);
  g_free (p->decided_at);
  g_free (p->decision_comment);
  g_free (p);
}

void
scs_review_change_free (ScsReviewChange *c)
{
  if (c == NULL)
    return;
  g_free (c->target);
  g_free (c->field);
  g_free (c->old_value);
  g_free (c->new_value);
  g_free (c->actor);
  g_free (c->time);
  g_free (c->evidence_name);
  g_free (c);
}

void
scs_review_item_free (ScsReviewItem *item)
{
  if (item == NULL)
    return;
  g_free (item->criterion_id);
  g_free (item->kind);
  g_free (item->text);
  g_free (item);
}

static void
scs_review_dispose (GObject *object)
{
  ScsReview *self = SCS_REVIEW (object);

  g_clear_object (&self->workspace);
  g_clear_object (&self->profile);

  G_OBJECT_CLASS (scs_review_parent_class)->dispose (object);
}

static void
scs_review_class_init (ScsReviewClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = scs_review_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
scs_review_init (ScsReview *self)
{
}

ScsReview *
scs_review_new (ScsWorkspace *workspace,
                ScsProfile   *profile)
{
  ScsReview *self;

  g_return_val_if_fail (SCS_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (SCS_IS_PROFILE (profile), NULL);

  self = g_object_new (SCS_TYPE_REVIEW, NULL);
  self->workspace = g_object_ref (workspace);
  scs_review_set_profile (self, profile);

  return self;
}

ScsReview *
scs_review_open_again (const char  *path,
                       ScsProfile  *profile,
                       GError     **error)
{
  g_autoptr(ScsWorkspace) workspace = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (SCS_IS_PROFILE (profile), NULL);

  workspace = scs_workspace_open_again (path, error);
  return workspace != NULL ? scs_review_new (workspace, profile) : NULL;
}

ScsWorkspace *
scs_review_get_workspace (ScsReview *self)
{
  g_return_val_if_fail (SCS_IS_REVIEW (self), NULL);
  return self->workspace;
}

ScsProfile *
scs_review_get_profile (ScsReview *self)
{
  g_return_val_if_fail (SCS_IS_REVIEW (self), NULL);
  return self->profile;
}

void
scs_review_set_profile (ScsReview  *self,
                        ScsProfile *profile)
{
  g_return_if_fail (SCS_IS_REVIEW (self));
  g_return_if_fail (SCS_IS_PROFILE (profile));

  g_set_object (&self->profile, profile);
  if (scs_profile_get_name (profile) != NULL)
    scs_workspace_set_actor (self->workspace, scs_profile_get_name (profile));
}

ScsReviewSide
scs_review_get_side (ScsReview *self)
{
  g_return_val_if_fail (SCS_IS_REVIEW (self), SCS_REVIEW_SIDE_ORGANIZATION);

  return scs_role_is_reviewer (scs_profile_get_role (self->profile))
    ? SCS_REVIEW_SIDE_EXPERT : SCS_REVIEW_SIDE_ORGANIZATION;
}

static const char *
side_to_string (ScsReviewSide side)
{
  return side == SCS_REVIEW_SIDE_EXPERT ? "expert" : "organization";
}

/* ------------------------------------------------------------------------ */
/* Helpers                                                                   */

static gboolean
require_side (ScsReview      *self,
              ScsReviewSide   side,
              const char     *what,
              GError        **error)
{
  if (scs_review_get_side (self) == side)
    return TRUE;

  if (side == SCS_REVIEW_SIDE_EXPERT)
    g_set_error (error, SCS_REVIEW_ERROR, SCS_REVIEW_ERROR_ROLE,
                 _("Only the expert or an assistant can %s; the profile ‘%s’ is %s"),
                 what, scs_profile_get_name (self->profile) ? scs_profile_get_name (self->profile) : "",
                 scs_role_get_label (scs_profile_get_role (self->profile)));
  else
    g_set_error (error, SCS_REVIEW_ERROR, SCS_REVIEW_ERROR_ROLE,
                 _("Only the assessed organisation can %s; the profile ‘%s’ is %s"),
                 what, scs_profile_get_name (self->profile) ? scs_profile_get_name (self->profile) : "",
                 scs_role_get_label (scs_profile_get_role (self->profile)));
  return FALSE;
}

static gboolean
require_unsealed (ScsReview  *self,
                  GError    **error)
{
  return scs_workspace_require_unsealed (self->workspace, _("the review"), error);
}

/* The base validator, in this module's error domain. */
static gboolean
check_text (const char  *text,
            const char  *label,
            GError     **error)
{
  return scs_text_validate_as (text, label, SCS_TEXT_MULTI_LINE, SCS_REVIEW_ERROR, SCS_REVIEW_ERROR_INVALID,
                               error);
}

gboolean
scs_review_is_sealed (ScsWorkspace *workspace)
{
  g_return_val_if_fail (SCS_IS_WORKSPACE (workspace), FALSE);

  return scs_workspace_is_sealed (workspace);
}

/* The fingerprint a verdict keeps: state, note, reason and linked evidence. */
static char *
answer_fingerprint (ScsWorkspace *ws,
                    const char   *criterion_id)
{
  g_autoptr(ScsSha256) sum = scs_sha256_new ();
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *state = "unanswered", *note = "", *reason = "";
  g_autofree char *s = NULL, *n = NULL, *r = NULL;

  stmt = scs_db_prepare (ws->db, ws->path,
                         "SELECT state, note, reason FROM answer WHERE assessment = ?1 AND criterion_id = ?2",
                         NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, ws->assessment_id);
      scs_db_bind_text (stmt, 2, criterion_id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          state = s = scs_db_column_dup (stmt, 0);
          note = n = scs_db_column_dup (stmt, 1);
          reason = r = scs_db_column_dup (stmt, 2);
        }
    }
  scs_sha256_update (sum, state, strlen (state) + 1);
  scs_sha256_update (sum, note, strlen (note) + 1);
  scs_sha256_update (sum, reason, strlen (reason) + 1);

  g_clear_pointer (&stmt, sqlite3_finalize);
  stmt = scs_db_prepare (ws->db, ws->path,
                         "SELECT sha256 FROM evidence_link WHERE assessment = ?1 AND criterion_id = ?2 "
                         "ORDER BY sha256", NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, ws->assessment_id);
      scs_db_bind_text (stmt, 2, criterion_id);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        scs_sha256_update (sum, sqlite3_column_text (stmt, 0), 65);
    }

  return scs_sha256_finish_hex (g_steal_pointer (&sum));
}

static const char *
profile_role_string (ScsReview *self)
{
  return scs_role_to_string (scs_profile_get_role (self->profile));
}

static gboolean
check_criterion (ScsReview   *self,
                 const char  *criterion_id,
                 GError     **error)
{
  if (scs_workspace_lookup_answer (self->workspace, criterion_id) != NULL)
    return TRUE;

  g_set_error (error, SCS_REVIEW_ERROR, SCS_REVIEW_ERROR_INVALID,
               _("Criterion ‘%s’ is not in the catalog"), criterion_id);
  return FALSE;
}

/* ------------------------------------------------------------------------ */
/* Writes                                                                    */

gint64
scs_review_add_comment (ScsReview   *self,
                        const char  *criterion_id,
                        const char  *body,
                        GError     **error)
{
  g_auto(ScsDbTransaction) txn = SCS_DB_TRANSACTION_INIT;
  ScsWorkspace *ws;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = scs_now_iso8601 ();
  gint64 id;

  g_return_val_if_fail (SCS_IS_REVIEW (self), 0);
  g_return_val_if_fail (body != NULL, 0);
  ws = self->workspace;

  if (criterion_id != NULL && *criterion_id == '\0')
    criterion_id = NULL;
  if (criterion_id != NULL && !check_criterion (self, criterion_id, error))
    return 0;

  {
    /* Translators: %s is a criterion ID */
    g_autofree char *label = criterion_id ? g_strdup_printf (_("The comment on criterion %s"), criterion_id)
                                          : g_strdup (_("The comment on the assessment"));

    if (!check_text (body, label, error))
      return 0;
  }
  if (scs_text_is_blank (body))
    {
      g_set_error_literal (error, SCS_REVIEW_ERROR, SCS_REVIEW_ERROR_INVALID,
                           _("A comment needs some text (UTF-8)"));
      return 0;
    }
  /* The reviewers' comments are in what the expert signs. */
  if (scs_role_is_reviewer (scs_profile_get_role (self->profile)) &&
      !scs_workspace_require_unsealed (ws, _("the reviewers’ comments"), error))
    return 0;

  if (!scs_workspace_transaction_begin (ws, &txn, error))
    return 0;

  stmt = scs_db_prepare (ws->db, ws->path,
                         "INSERT INTO review_comment (assessment, criterion_id, author, role, time, body) "
                         "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, ws->assessment_id);
  scs_db_bind_text (stmt, 2, criterion_id);
  scs_db_bind_text (stmt, 3, scs_workspace_get_actor (ws));
  scs_db_bind_text (stmt, 4, profile_role_string (self));
  scs_db_bind_text (stmt, 5, now);
  scs_db_bind_text (stmt, 6, body);
  if (!scs_db_step_done (stmt, ws->db, ws->path, error))
    return 0;
  id = sqlite3_last_insert_rowid (ws->db);

  if (!scs_workspace_audit (ws, now, "review-comment", criterion_id ? criterion_id : "assessment",
                            NULL, body, error) ||
      !scs_db_transaction_commit (&txn, error))
    return 0;

  g_signal_emit (self, signals[CHANGED], 0);
  return id;
}

static ScsVerdict
stored_verdict (ScsWorkspace  *ws,
                const char    *criterion_id,
                char         **fingerprint)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  ScsVerdict verdict = SCS_VERDICT_NONE;

  stmt = scs_db_prepare (ws->db, ws->path,
                         "SELECT verdict, fingerprint FROM review_verdict "
                         "WHERE assessment = ?1 AND criterion_id = ?2 ORDER BY id DESC LIMIT 1", NULL);
  if (stmt == NULL)
    return SCS_VERDICT_NONE;
  sqlite3_bind_int64 (stmt, 1, ws->assessment_id);
  scs_db_bind_text (stmt, 2, criterion_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      scs_verdict_from_string ((const char *) sqlite3_column_text (stmt, 0), &verdict);
      if (fingerprint != NULL)
        *fingerprint = scs_db_column_dup (stmt, 1);
    }
  return verdict;
}

ScsVerdict
scs_review_get_verdict (ScsReview  *self,
                        const char *criterion_id)
{
  g_autofree char *fingerprint = NULL;
  ScsVerdict verdict;

  g_return_val_if_fail (SCS_IS_REVIEW (self), SCS_VERDICT_NONE);

  verdict = stored_verdict (self->workspace, criterion_id, &fingerprint);
  if (verdict == SCS_VERDICT_ACCEPTED)
    {
      g_autofree char *now = answer_fingerprint (self->workspace, criterion_id);

      if (g_strcmp0 (now, fingerprint) != 0)
        return SCS_VERDICT_REOPENED;
    }
  return verdict;
}

gboolean
scs_review_set_verdict (ScsReview   *self,
                        const char  *criterion_id,
                        ScsVerdict   verdict,
                        GError     **error)
{
  g_auto(ScsDbTransaction) txn = SCS_DB_TRANSACTION_INIT;
  ScsWorkspace *ws;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = scs_now_iso8601 ();
  g_autofree char *fingerprint = NULL;
  ScsVerdict old;

  g_return_val_if_fail (SCS_IS_REVIEW (self), FALSE);
  g_return_val_if_fail (criterion_id != NULL, FALSE);
  ws = self->workspace;

  if (!require_side (self, SCS_REVIEW_SIDE_EXPERT, _("give a verdict"), error) ||
      !require_unsealed (self, error) ||
      !check_criterion (self, criterion_id, error))
    return FALSE;

  if (verdict != SCS_VERDICT_ACCEPTED && verdict != SCS_VERDICT_REVISION_REQUIRED)
    {
      g_set_error (error, SCS_REVIEW_ERROR, SCS_REVIEW_ERROR_INVALID,
                   _("A verdict for criterion ‘%s’ is ‘accepted’ or ‘revision-required’"),
                   criterion_id);
      return FALSE;
    }

  old = scs_review_get_verdict (self, criterion_id);
  if (old == verdict)
    return TRUE;

  fingerprint = answer_fingerprint (ws, criterion_id);
  if (!scs_workspace_transaction_begin (ws, &txn, error))
    return FALSE;

  stmt = scs_db_prepare (ws->db, ws->path,
                         "INSERT INTO review_verdict (assessment, criterion_id, verdict, fingerprint, author, time) "
                         "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, ws->assessment_id);
  scs_db_bind_text (stmt, 2, criterion_id);
  scs_db_bind_text (stmt, 3, scs_verdict_to_string (verdict));
  scs_db_bind_text (stmt, 4, fingerprint);
  scs_db_bind_text (stmt, 5, scs_workspace_get_actor (ws));
  scs_db_bind_text (stmt, 6, now);
  if (!scs_workspace_write_finish (ws, &txn, stmt, now, "review-verdict", criterion_id,
                                   scs_verdict_to_string (old), scs_verdict_to_string (verdict), error))
    return FALSE;

  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

static const char *
answer_field (ScsAnswer  *answer,
              const char *field)
{
  if (g_str_equal (field, "state"))
    return scs_answer_state_to_string (scs_answer_get_state (answer));
  if (g_str_equal (field, "note"))
    return scs_answer_get_note (answer);
  return scs_answer_get_reason (answer);
}

gint64
scs_review_propose (ScsReview   *self,
                    const char  *criterion_id,
                    const char  *field,
                    const char  *new_value,
                    const char  *comment,
                    GError     **error)
{
  g_auto(ScsDbTransaction) txn = SCS_DB_TRANSACTION_INIT;
  ScsWorkspace *ws;
  ScsAnswer *answer;
  ScsAnswerState state;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = scs_now_iso8601 ();
  const char *old_value;
  gint64 id;

  g_return_val_if_fail (SCS_IS_REVIEW (self), 0);
  g_return_val_if_fail (criterion_id != NULL && field != NULL && new_value != NULL, 0);
  ws = self->workspace;

  if (!require_side (self, SCS_REVIEW_SIDE_EXPERT, _("propose a correction"), error) ||
      !require_unsealed (self, error) ||
      !check_criterion (self, criterion_id, error))
    return 0;

  answer = scs_workspace_lookup_answer (ws, criterion_id);
  if (!g_str_equal (field, "state") && !g_str_equal (field, "note") && !g_str_equal (field, "reason"))
    {
      g_set_error (error, SCS_REVIEW_ERROR, SCS_REVIEW_ERROR_INVALID,
                   _("A correction changes ‘state’, ‘note’ or ‘reason’, not ‘%s’"), field);
      return 0;
    }
  if (g_str_equal (field, "state") && !scs_answer_state_from_string (new_value, &state))
    {
      g_set_error (error, SCS_REVIEW_ERROR, SCS_REVIEW_ERROR_INVALID,
                   _("‘%s’ is not an answer (met, not-met, na, unanswered)"), new_value);
      return 0;
    }
  {
    /* Translators: the first %s is "note", "reason" or "state", the second a criterion ID */
    g_autofree char *value_label = g_strdup_printf (_("The proposed %s of criterion %s"),
                                                    field, criterion_id);
    /* Translators: %s is a criterion ID */
    g_autofree char *comment_label = g_strdup_printf (_("The comment on the correction to criterion %s"),
                                                      criterion_id);

    if (!check_text (new_value, value_label, error) || !check_text (comment, comment_label, error))
      return 0;
  }
  old_value = answer_field (answer, field);
  if (g_str_equal (old_value, new_value))
    {
      g_set_error (error, SCS_REVIEW_ERROR, SCS_REVIEW_ERROR_INVALID,
                   _("The proposed %s for criterion ‘%s’ is what is already there"),
                   field, criterion_id);
      return 0;
    }

  if (!scs_workspace_transaction_begin (ws, &txn, error))
    return 0;
  stmt = scs_db_prepare (ws->db, ws->path,
                         "INSERT INTO review_proposal (assessment, criterion_id, field, old_value, "
                         "new_value, comment, author, time) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                         error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, ws->assessment_id);
  scs_db_bind_text (stmt, 2, criterion_id);
  scs_db_bind_text (stmt, 3, field);
  scs_db_bind_text (stmt, 4, old_value);
  scs_db_bind_text (stmt, 5, new_value);
  scs_db_bind_text (stmt, 6, comment ? comment : "");
  scs_db_bind_text (stmt, 7, scs_workspace_get_actor (ws));
  scs_db_bind_text (stmt, 8, now);
  if (!scs_db_step_done (stmt, ws->db, ws->path, error))
    return 0;
  id = sqlite3_last_insert_rowid (ws->db);
  {
    g_autofree char *target = g_strdup_printf ("%s/%s", criterion_id, field);

    if (!scs_workspace_audit (ws, now, "review-propose", target, old_value, new_value, error) ||
        !scs_db_transaction_commit (&txn, error))
      return 0;
  }

  g_signal_emit (self, signals[CHANGED], 0);
  return id;
}

static ScsReviewProposal *
proposal_from_row (sqlite3_stmt *stmt)
{
  ScsReviewProposal *p = g_new0 (ScsReviewProposal, 1);

  p->id = sqlite3_column_int64 (stmt, 0);
  p->criterion_id = scs_db_column_dup (stmt, 1);
  p->field = scs_db_column_dup (stmt, 2);
  p->old_value = scs_db_column_dup (stmt, 3);
  p->new_value = scs_db_column_dup (stmt, 4);
  p->comment = scs_db_column_dup (stmt, 5);
  p->author = scs_db_column_dup (stmt, 6);
  p->time = scs_db_column_dup (stmt, 7);
  p->status = scs_db_column_dup (stmt, 8);
  p->decided_by = scs_db_column_dup (stmt, 9);
  p->decided_at = scs_db_column_dup (stmt, 10);
  p->decision_comment = scs_db_column_dup (stmt, 11);
  return p;
}

#define PROPOSAL_COLUMNS \
  "id, criterion_id, field, old_value, new_value, comment, author, time, status, " \
  "decided_by, decided_at, decision_comment"

static ScsReviewProposal *
lookup_proposal (ScsReview   *self,
                 gint64       id,
                 GError     **error)
{
  ScsWorkspace *ws = self->workspace;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = scs_db_prepare (ws->db, ws->path,
                         "SELECT " PROPOSAL_COLUMNS " FROM review_proposal "
                         "WHERE assessment = ?1 AND id = ?2", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, ws->assessment_id);
  sqlite3_bind_int64 (stmt, 2, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, SCS_REVIEW_ERROR, SCS_REVIEW_ERROR_NOT_FOUND,
                   _("There is no proposed correction #%lld in this workspace"), (long long) id);
      return NULL;
    }
  return proposal_from_row (stmt);
}

/* Inside the write transaction: @field ("state", "note", "reason") of
 * @criterion_id's answer as stored now, or NULL with @error. */
static char *
read_stored_field (ScsReview   *self,
                   const char  *criterion_id,
                   const char  *field,
                   GError     **error)
{
  ScsWorkspace *ws = self->workspace;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = scs_db_prepare (ws->db, ws->path,
                         "SELECT state, note, reason FROM answer WHERE assessment = ?1 AND criterion_id = ?2",
                         error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, ws->assessment_id);
  scs_db_bind_text (stmt, 2, criterion_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return g_strdup (g_str_equal (field, "state")
                     ? scs_answer_state_to_string (SCS_ANSWER_UNANSWERED) : "");
  if (rc != SQLITE_ROW)
    {
      scs_db_set_error (error, ws->db, ws->path);
      return NULL;
    }
  return scs_db_column_dup (stmt, g_str_equal (field, "state") ? 0 : g_str_equal (field, "note") ? 1 : 2);
}

static void
set_decided_conflict (ScsReviewProposal  *p,
                      GError            **error)
{
  if (g_str_equal (p->status, "accepted"))
    g_set_error (error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_CONFLICT,
                 /* Translators: %lld is the number of a correction, the first %s a criterion ID,
                  * then who decided and when */
                 _("Correction #%lld to criterion ‘%s’ was already accepted elsewhere by %s (%s), "
                   "so your decision was not saved. The current state is shown now."),
                 (long long) p->id, p->criterion_id, p->decided_by, p->decided_at);
  else
    g_set_error (error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_CONFLICT,
                 /* Translators: %lld is the number of a correction, the first %s a criterion ID,
                  * then who decided and when */
                 _("Correction #%lld to criterion ‘%s’ was already rejected elsewhere by %s (%s), "
                   "so your decision was not saved. The current state is shown now."),
                 (long long) p->id, p->criterion_id, p->decided_by, p->decided_at);
}

static void
set_answer_changed_conflict (ScsReviewProposal  *p,
                             GError            **error)
{
  g_set_error (error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_CONFLICT,
               _("The %s of criterion ‘%s’ changed after correction #%lld"
                 " was proposed; reject it and ask the expert again"),
               p->field, p->criterion_id, (long long) p->id);
}

typedef struct
{
  ScsReview  *self;
  gint64      id;
  const char *status;
  const char *comment;
} Decision;

/* Inside the write transaction: records @d's decision over the stored
 * proposal, which must still be open (SCS_WORKSPACE_ERROR_CONFLICT
 * otherwise); an accepted one's answer must hold the proposed value. */
static gboolean
decide_in_transaction (Decision  *d,
                       GError   **error)
{
  ScsReview *self = d->self;
  ScsWorkspace *ws = self->workspace;
  g_autoptr(ScsReviewProposal) p = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = scs_now_iso8601 ();
  g_autofree char *target = g_strdup_printf ("%" G_GINT64_FORMAT, d->id);
  gboolean accept = g_str_equal (d->status, "accepted");

  p = lookup_proposal (self, d->id, error);
  if (p == NULL)
    return FALSE;
  if (!g_str_equal (p->status, "open"))
    {
      set_decided_conflict (p, error);
      return FALSE;
    }
  if (accept)
    {
      g_autofree char *stored = read_stored_field (self, p->criterion_id, p->field, error);

      if (stored == NULL)
        return FALSE;
      if (!g_str_equal (stored, p->new_value))
        {
          set_answer_changed_conflict (p, error);
          return FALSE;
        }
    }

  stmt = scs_db_prepare (ws->db, ws->path,
                         "UPDATE review_proposal SET status = ?1, decided_by = ?2, decided_at = ?3, "
                         "decision_comment = ?4 WHERE id = ?5 AND status = 'open'", error);
  if (stmt == NULL)
    return FALSE;
  scs_db_bind_text (stmt, 1, d->status);
  scs_db_bind_text (stmt, 2, scs_workspace_get_actor (ws));
  scs_db_bind_text (stmt, 3, now);
  scs_db_bind_text (stmt, 4, d->comment);
  sqlite3_bind_int64 (stmt, 5, d->id);
  if (!scs_db_step_done (stmt, ws->db, ws->path, error))
    return FALSE;
  if (sqlite3_changes (ws->db) != 1)
    {
      /* not open any more: decided by another connection (we hold the write lock) */
      g_clear_pointer (&p, scs_review_proposal_free);
      p = lookup_proposal (self, d->id, error);
      if (p != NULL)
        set_decided_conflict (p, error);
      return FALSE;
    }
  return scs_workspace_audit (ws, now, accept ? "review-accept" : "review-reject",
                              target, p->criterion_id, d->comment, error);
}

static gboolean
decide_also (ScsWorkspace  *ws,
             gpointer       user_data,
             GError       **error)
{
  return decide_in_transaction (user_data, error);
}

/* Records @d's decision alone, in a transaction of its own. */
static gboolean
decide_proposal (Decision  *d,
                 GError   **error)
{
  g_auto(ScsDbTransaction) txn = SCS_DB_TRANSACTION_INIT;

  if (!scs_workspace_transaction_begin (d->self->workspace, &txn, error) ||
      !decide_in_transaction (d, error) ||
      !scs_db_transaction_commit (&txn, error))
    return FALSE;

  g_signal_emit (d->self, signals[CHANGED], 0);
  return TRUE;
}

static gboolean
check_open (ScsReviewProposal  *p,
            GError            **error)
{
  if (g_str_equal (p->status, "open"))
    return TRUE;
  set_decided_conflict (p, error);
  return FALSE;
}

/* The answer changes and the proposal is marked accepted in one
 * transaction, both over what is stored: a proposal decided elsewhere, or
 * an answer changed elsewhere since the window read it (or since the
 * proposal was made), is SCS_WORKSPACE_ERROR_CONFLICT with nothing
 * written. */
gboolean
scs_review_accept_proposal (ScsReview  *self,
                            gint64      proposal_id,
                            GError    **error)
{
  g_autoptr(ScsReviewProposal) p = NULL;
  ScsWorkspace *ws;
  ScsAnswer *answer;
  ScsAnswerState old_state, state;
  g_autofree char *old_note = NULL;
  g_autofree char *old_reason = NULL;
  const char *current;
  const char *note;
  const char *reason;
  Decision d = { self, proposal_id, "accepted", NULL };

  g_return_val_if_fail (SCS_IS_REVIEW (self), FALSE);
  ws = self->workspace;

  if (!require_side (self, SCS_REVIEW_SIDE_ORGANIZATION, _("accept a proposed correction"), error) ||
      !require_unsealed (self, error))
    return FALSE;
  p = lookup_proposal (self, proposal_id, error);
  if (p == NULL || !check_open (p, error))
    return FALSE;

  answer = scs_workspace_require_answer (ws, p->criterion_id, error);
  if (answer == NULL)
    return FALSE;
  current = answer_field (answer, p->field);
  /* Already the proposed value: only the decision (checked against what
   * is stored) */
  if (g_str_equal (current, p->new_value))
    return decide_proposal (&d, error);
  if (!g_str_equal (current, p->old_value))
    {
      set_answer_changed_conflict (p, error);
      return FALSE;
    }

  old_state = scs_answer_get_state (answer);
  old_note = g_strdup (scs_answer_get_note (answer));
  old_reason = g_strdup (scs_answer_get_reason (answer));
  state = old_state;
  note = old_note;
  reason = old_reason;
  if (g_str_equal (p->field, "state"))
    {
      if (!scs_answer_state_from_string (p->new_value, &state))
        {
          g_set_error (error, SCS_REVIEW_ERROR, SCS_REVIEW_ERROR_INVALID,
                       _("‘%s’ is not an answer (met, not-met, na, unanswered)"), p->new_value);
          return FALSE;
        }
    }
  else if (g_str_equal (p->field, "note"))
    note = p->new_value;
  else
    reason = p->new_value;
  if (state == SCS_ANSWER_NOT_APPLICABLE && scs_text_is_blank (reason))
    {
      g_set_error (error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_INVALID,
                   _("Criterion ‘%s’ can only be marked not applicable with a reason"),
                   p->criterion_id);
      return FALSE;
    }

  if (!scs_workspace_write_answer_with (ws, answer, state, note, reason, FALSE,
                                        decide_also, &d, error))
    return FALSE;
  scs_workspace_undo_push_answer (ws, answer, old_state, old_note, old_reason);

  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

gboolean
scs_review_reject_proposal (ScsReview   *self,
                            gint64       proposal_id,
                            const char  *comment,
                            GError     **error)
{
  g_autoptr(ScsReviewProposal) p = NULL;
  Decision d = { self, proposal_id, "rejected", comment };

  g_return_val_if_fail (SCS_IS_REVIEW (self), FALSE);

  if (!require_side (self, SCS_REVIEW_SIDE_ORGANIZATION, _("reject a proposed correction"), error) ||
      !require_unsealed (self, error))
    return FALSE;
  p = lookup_proposal (self, proposal_id, error);
  if (p == NULL || !check_open (p, error))
    return FALSE;
  {
    /* Translators: %s is a criterion ID */
    g_autofree char *label = g_strdup_printf (_("The comment on the decision about criterion %s"),
                                              p->criterion_id);

    if (!check_text (comment, label, error))
      return FALSE;
  }

  return decide_proposal (&d, error);
}

static gboolean
insert_round (ScsReview   *self,
              const char  *kind,
              const char  *now,
              GError     **error)
{
  ScsWorkspace *ws = self->workspace;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = scs_db_prepare (ws->db, ws->path,
                         "INSERT INTO review_round (assessment, side, kind, audit_mark, time, actor) "
                         "VALUES (?1, ?2, ?3, (SELECT coalesce (max (id), 0) + 1 FROM audit), ?4, ?5)",
                         error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, ws->assessment_id);
  scs_db_bind_text (stmt, 2, side_to_string (scs_review_get_side (self)));
  scs_db_bind_text (stmt, 3, kind);
  scs_db_bind_text (stmt, 4, now);
  scs_db_bind_text (stmt, 5, scs_workspace_get_actor (ws));
  return scs_db_step_done (stmt, ws->db, ws->path, error);
}

/* The mark is the id the hand-over's own audit row gets: everything after it
 * is what the other side did. */
gboolean
scs_review_hand_over (ScsReview  *self,
                      GError    **error)
{
  g_auto(ScsDbTransaction) txn = SCS_DB_TRANSACTION_INIT;
  ScsWorkspace *ws;
  g_autofree char *now = scs_now_iso8601 ();

  g_return_val_if_fail (SCS_IS_REVIEW (self), FALSE);
  ws = self->workspace;

  if (!scs_workspace_transaction_begin (ws, &txn, error))
    return FALSE;
  if (!insert_round (self, "hand-over", now, error) ||
      !scs_workspace_audit (ws, now, "review-hand-over", side_to_string (scs_review_get_side (self)),
                            NULL, NULL, error) ||
      !scs_db_transaction_commit (&txn, error))
    return FALSE;
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

gboolean
scs_review_start_new_round (ScsReview  *self,
                            GError    **error)
{
  g_auto(ScsDbTransaction) txn = SCS_DB_TRANSACTION_INIT;
  ScsWorkspace *ws;
  g_autofree char *now = scs_now_iso8601 ();

  g_return_val_if_fail (SCS_IS_REVIEW (self), FALSE);
  ws = self->workspace;

  if (!scs_review_is_sealed (ws))
    {
      g_set_error_literal (error, SCS_REVIEW_ERROR, SCS_REVIEW_ERROR_STATE,
                           _("The assessment is not signed: there is no seal to lift"));
      return FALSE;
    }

  if (!scs_workspace_transaction_begin (ws, &txn, error))
    return FALSE;
  if (!scs_seal_lift (ws->db, ws->path, ws->assessment_id, error) ||
      !scs_signature_supersede_all (ws, error) ||
      !scs_declaration_remove (ws, error) ||
      !insert_round (self, "new-round", now, error) ||
      !scs_workspace_audit (ws, now, "review-unseal", "assessment", "sealed", "open", error) ||
      !scs_db_transaction_commit (&txn, error))
    return FALSE;

  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Reads                                                                     */

GPtrArray *
scs_review_list_comments (ScsReview   *self,
                          const char  *criterion_id,
                          GError     **error)
{
  ScsWorkspace *ws;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) scs_review_comment_free);
  const char *sql;
  int rc;

  g_return_val_if_fail (SCS_IS_REVIEW (self), NULL);
  ws = self->workspace;

  if (criterion_id == NULL)
    sql = "SELECT id, criterion_id, author, role, time, body FROM review_comment "
          "WHERE assessment = ?1 ORDER BY id";
  else if (*criterion_id == '\0')
    sql = "SELECT id, criterion_id, author, role, time, body FROM review_comment "
          "WHERE assessment = ?1 AND criterion_id IS NULL ORDER BY id";
  else
    sql = "SELECT id, criterion_id, author, role, time, body FROM review_comment "
          "WHERE assessment = ?1 AND criterion_id = ?2 ORDER BY id";

  stmt = scs_db_prepare (ws->db, ws->path, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, ws->assessment_id);
  if (criterion_id != NULL && *criterion_id != '\0')
    scs_db_bind_text (stmt, 2, criterion_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ScsReviewComment *c = g_new0 (ScsReviewComment, 1);

      c->id = sqlite3_column_int64 (stmt, 0);
      c->criterion_id = scs_db_column_dup (stmt, 1);
      c->author = scs_db_column_dup (stmt, 2);
      c->role = scs_db_column_dup (stmt, 3);
      c->time = scs_db_column_dup (stmt, 4);
      c->body = scs_db_column_dup (stmt, 5);
      g_ptr_array_add (list, c);
    }
  if (rc != SQLITE_DONE)
    {
      scs_db_set_error (error, ws->db, ws->path);
      return NULL;
    }
  return g_steal_pointer (&list);
}

GPtrArray *
scs_review_list_proposals (ScsReview   *self,
                           const char  *criterion_id,
                           GError     **error)
{
  ScsWorkspace *ws;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) scs_review_proposal_free);
  int rc;

  g_return_val_if_fail (SCS_IS_REVIEW (self), NULL);
  ws = self->workspace;

  stmt = scs_db_prepare (ws->db, ws->path,
                         criterion_id == NULL
                         ? "SELECT " PROPOSAL_COLUMNS " FROM review_proposal WHERE assessment = ?1 ORDER BY id"
                         : "SELECT " PROPOSAL_COLUMNS " FROM review_proposal WHERE assessment = ?1 "
                           "AND criterion_id = ?2 ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, ws->assessment_id);
  if (criterion_id != NULL)
    scs_db_bind_text (stmt, 2, criterion_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, proposal_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      scs_db_set_error (error, ws->db, ws->path);
      return NULL;
    }
  return g_steal_pointer (&list);
}

/* The audit id after which the other side's work starts for the viewer:
 * the viewer side's latest hand-over (0 when it never handed over). */
static gint64
viewer_mark (ScsReview *self)
{
  ScsWorkspace *ws = self->workspace;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = scs_db_prepare (ws->db, ws->path,
                         "SELECT coalesce (max (audit_mark), 0) FROM review_round "
                         "WHERE assessment = ?1 AND side = ?2", NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, ws->assessment_id);
  scs_db_bind_text (stmt, 2, side_to_string (scs_review_get_side (self)));
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return 0;
  return sqlite3_column_int64 (stmt, 0);
}

GPtrArray *
scs_review_list_changes (ScsReview  *self,
                         GError    **error)
{
  ScsWorkspace *ws;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) scs_review_change_free);
  g_autoptr(GHashTable) index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  int rc;

  g_return_val_if_fail (SCS_IS_REVIEW (self), NULL);
  ws = self->workspace;

  /* Only what is attested: answers, notes, reasons, evidence, organisation. */
  stmt = scs_db_prepare (ws->db, ws->path,
                         "SELECT a.actor, a.action, a.target, a.old_value, a.new_value, a.time, "
                         "e.name FROM audit a "
                         "LEFT JOIN evidence e ON a.action LIKE 'evidence-%' AND e.sha256 = a.target "
                         "WHERE a.id >= ?1 AND a.action IN ('answer', 'undo', 'note', 'reason', "
                         "'evidence-add', 'evidence-link', 'evidence-unlink', 'organization', "
                         "'target-level') ORDER BY a.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, MAX (viewer_mark (self), 1));

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *action = scs_db_column_dup (stmt, 1);
      g_autofree char *target = scs_db_column_dup (stmt, 2);
      g_autofree char *key = NULL;
      ScsReviewChange *change;

      if (g_str_equal (action, "undo"))
        {
          g_free (action);
          action = g_strdup ("answer");
        }
      key = g_strdup_printf ("%s\x1f%s\x1f%s", action, target ? target : "",
                             g_str_has_prefix (action, "evidence")
                             ? (const char *) sqlite3_column_text (stmt, 4) : "");

      change = g_hash_table_lookup (index, key);
      if (change == NULL)
        {
          change = g_new0 (ScsReviewChange, 1);
          change->field = g_steal_pointer (&action);
          change->target = g_steal_pointer (&target);
          change->old_value = scs_db_column_dup (stmt, 3);
          g_ptr_array_add (list, change);
          g_hash_table_insert (index, g_steal_pointer (&key), change);
        }
      g_free (change->new_value);
      change->new_value = scs_db_column_dup (stmt, 4);
      g_free (change->actor);
      change->actor = scs_db_column_dup (stmt, 0);
      g_free (change->time);
      change->time = scs_db_column_dup (stmt, 5);
      if (change->evidence_name == NULL)
        change->evidence_name = scs_db_column_dup (stmt, 6);
    }
  if (rc != SQLITE_DONE)
    {
      scs_db_set_error (error, ws->db, ws->path);
      return NULL;
    }

  /* A field changed and changed back is no change. */
  for (guint i = list->len; i > 0; i--)
    {
      ScsReviewChange *change = list->pdata[i - 1];

      if (!g_str_has_prefix (change->field, "evidence") &&
          g_strcmp0 (change->old_value, change->new_value) == 0)
        g_ptr_array_remove_index (list, i - 1);
    }
  return g_steal_pointer (&list);
}

static void
add_item (GPtrArray  *items,
          const char *criterion_id,
          const char *kind,
          gint64      ref,
          char       *text)
{
  ScsReviewItem *item = g_new0 (ScsReviewItem, 1);

  item->criterion_id = g_strdup (criterion_id);
  item->kind = g_strdup (kind);
  item->ref = ref;
  item->text = text;
  g_ptr_array_add (items, item);
}

/* Out-of-scope reasons the expert questioned, in scope item order: they wait
 * for the organisation to answer. The scope model resolves a question by
 * itself: a new reason or status resets the mark to none (the new reason is
 * judged anew), and the expert may re-mark it accepted or clear it, so an
 * item is open exactly while its current mark is "questioned". */
static gboolean
add_scope_questions (ScsWorkspace  *ws,
                     GPtrArray     *items,
                     GError       **error)
{
  ScsScope *scope = scs_scope_get (ws, error);
  GListModel *all;

  if (scope == NULL)
    return FALSE;
  all = scs_scope_get_items (scope, SCS_SCOPE_N_KINDS);
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(ScsScopeItem) item = g_list_model_get_item (all, i);

      if (scs_scope_item_get_review (item) != SCS_SCOPE_REVIEW_QUESTIONED)
        continue;
      add_item (items, NULL, "scope-questioned", scs_scope_item_get_id (item),
                /* Translators: a scope item's name, then the expert's question */
                g_strdup_printf (_("Scope: the reason for leaving “%s” out was questioned: %s"),
                                 scs_scope_item_get_name (item),
                                 scs_scope_item_get_review_comment (item)));
    }
  return TRUE;
}

/* Criteria up to the target level, in catalog order. */
static GPtrArray *
level_criteria (ScsWorkspace *ws)
{
  GPtrArray *ids = g_ptr_array_new ();
  GListModel *answers = scs_workspace_get_answers (ws);
  guint level = scs_workspace_get_target_level (ws);

  for (guint i = 0; i < g_list_model_get_n_items (answers); i++)
    {
      g_autoptr(ScsAnswer) answer = g_list_model_get_item (answers, i);
      const ScsCriterion *criterion = scs_answer_get_criterion (answer);

      if (criterion->level <= level)
        g_ptr_array_add (ids, criterion->id);
    }
  return ids;
}

GPtrArray *
scs_review_list_waiting (ScsReview  *self,
                         GError    **error)
{
  ScsWorkspace *ws;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) scs_review_item_free);
  g_autoptr(GPtrArray) proposals = NULL;
  g_autoptr(GPtrArray) comments = NULL;
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GHashTable) decided_since = g_hash_table_new (g_str_hash, g_str_equal);
  ScsReviewSide side;
  gint64 mark;
  g_autofree char *mark_time = NULL;

  g_return_val_if_fail (SCS_IS_REVIEW (self), NULL);
  ws = self->workspace;
  side = scs_review_get_side (self);
  mark = viewer_mark (self);

  proposals = scs_review_list_proposals (self, NULL, error);
  comments = scs_review_list_comments (self, NULL, error);
  if (proposals == NULL || comments == NULL)
    return NULL;

  {
    g_autoptr(sqlite3_stmt) stmt = scs_db_prepare (ws->db, ws->path,
                                                   "SELECT time FROM audit WHERE id = ?1", NULL);
    if (stmt != NULL)
      {
        sqlite3_bind_int64 (stmt, 1, mark);
        if (sqlite3_step (stmt) == SQLITE_ROW)
          mark_time = scs_db_column_dup (stmt, 0);
      }
  }

  for (guint i = 0; i < proposals->len; i++)
    {
      ScsReviewProposal *p = proposals->pdata[i];

      if (side == SCS_REVIEW_SIDE_ORGANIZATION && g_str_equal (p->status, "open"))
        add_item (items, p->criterion_id, "proposal", p->id,
                  g_strdup_printf (_("Correction #%lld proposed by %s: %s “%s” → “%s”"),
                                   (long long) p->id, p->author, p->field, p->old_value, p->new_value));
      else if (side == SCS_REVIEW_SIDE_EXPERT && !g_str_equal (p->status, "open") &&
               (mark_time == NULL || g_strcmp0 (p->decided_at, mark_time) >= 0))
        {
          add_item (items, p->criterion_id, "decided", p->id,
                    g_strdup_printf (g_str_equal (p->status, "accepted")
                                     ? _("Correction #%lld (%s) accepted by %s")
                                     : _("Correction #%lld (%s) rejected by %s"),
                                     (long long) p->id, p->field, p->decided_by));
          g_hash_table_add (decided_since, p->criterion_id);
        }
    }

  for (guint i = 0; i < comments->len; i++)
    {
      ScsReviewComment *c = comments->pdata[i];
      ScsRole role = SCS_ROLE_SME;
      gboolean from_other;

      scs_role_from_string (c->role, &role);
      from_other = (scs_role_is_reviewer (role) ? SCS_REVIEW_SIDE_EXPERT : SCS_REVIEW_SIDE_ORGANIZATION) != side;
      if (from_other && (mark_time == NULL || g_strcmp0 (c->time, mark_time) >= 0))
        add_item (items, c->criterion_id, "comment", c->id,
                  g_strdup_printf (_("Comment by %s: %s"), c->author, c->body));
    }

  ids = level_criteria (ws);
  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = ids->pdata[i];
      g_autofree char *fingerprint = NULL;
      ScsVerdict stored = stored_verdict (ws, id, &fingerprint);
      g_autofree char *now = answer_fingerprint (ws, id);
      gboolean changed = fingerprint != NULL && !g_str_equal (now, fingerprint);

      if (side == SCS_REVIEW_SIDE_ORGANIZATION)
        {
          if (stored == SCS_VERDICT_REVISION_REQUIRED && !changed)
            add_item (items, id, "revision", 0,
                      g_strdup_printf (_("Criterion ‘%s’ needs revision"), id));
        }
      else if (stored == SCS_VERDICT_NONE)
        add_item (items, id, "unreviewed", 0,
                  g_strdup_printf (_("Criterion ‘%s’ is not reviewed yet"), id));
      else if (stored == SCS_VERDICT_ACCEPTED && changed)
        add_item (items, id, "reopened", 0,
                  g_strdup_printf (_("Criterion ‘%s’ was accepted, then changed: review it again"), id));
      else if (stored == SCS_VERDICT_REVISION_REQUIRED && changed)
        add_item (items, id, "revised", 0,
                  g_strdup_printf (_("Criterion ‘%s’ was revised after your request"), id));
    }

  /* After the criteria. Only the organisation answers a question (its new
   * reason clears the mark; the expert judges it on the scope page). Like a
   * revision request, an open question is news when a workspace opens; the
   * summary counts criteria and proposals only, so signing with a question
   * open stays the expert's call. */
  if (side == SCS_REVIEW_SIDE_ORGANIZATION && !add_scope_questions (ws, items, error))
    return NULL;

  return g_steal_pointer (&items);
}

static gint64
count_query (ScsWorkspace *ws,
             const char   *sql)
{
  g_autoptr(sqlite3_stmt) stmt = scs_db_prepare (ws->db, ws->path, sql, NULL);

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, ws->assessment_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return 0;
  return sqlite3_column_int64 (stmt, 0);
}

guint
scs_review_get_round (ScsReview *self)
{
  g_return_val_if_fail (SCS_IS_REVIEW (self), 1);

  return 1 + (guint) count_query (self->workspace, "SELECT count (*) FROM review_round WHERE assessment = ?1");
}

gboolean
scs_review_get_summary (ScsReview        *self,
                        ScsReviewSummary *summary,
                        GError          **error)
{
  ScsWorkspace *ws;
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GHashTable) ever_revision = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SCS_IS_REVIEW (self), FALSE);
  g_return_val_if_fail (summary != NULL, FALSE);
  ws = self->workspace;
  memset (summary, 0, sizeof *summary);

  stmt = scs_db_prepare (ws->db, ws->path,
                         "SELECT DISTINCT criterion_id FROM review_verdict "
                         "WHERE assessment = ?1 AND verdict = 'revision-required'", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, ws->assessment_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_add (ever_revision, scs_db_column_dup (stmt, 0));

  ids = level_criteria (ws);
  summary->n_criteria = ids->len;
  for (guint i = 0; i < ids->len; i++)
    {
      ScsVerdict v = scs_review_get_verdict (self, ids->pdata[i]);

      switch (v)
        {
        case SCS_VERDICT_ACCEPTED: summary->n_accepted++; break;
        case SCS_VERDICT_REVISION_REQUIRED: summary->n_revision++; break;
        case SCS_VERDICT_REOPENED: summary->n_reopened++; break;
        case SCS_VERDICT_NONE: default: summary->n_unreviewed++; break;
        }
      if (g_hash_table_contains (ever_revision, ids->pdata[i]))
        {
          if (v == SCS_VERDICT_ACCEPTED)
            summary->n_nonconformities_closed++;
          else
            summary->n_nonconformities_open++;
        }
    }

  summary->n_open_proposals = count_query (ws, "SELECT count (*) FROM review_proposal "
                                               "WHERE assessment = ?1 AND status = 'open'");
  summary->round = scs_review_get_round (self);
  summary->sealed = scs_review_is_sealed (ws);
  return TRUE;
}

gboolean
scs_review_check_complete (ScsReview  *self,
                           GError    **error)
{
  ScsReviewSummary s;
  guint level;

  g_return_val_if_fail (SCS_IS_REVIEW (self), FALSE);

  if (!scs_review_get_summary (self, &s, error))
    return FALSE;

  if (s.n_accepted < s.n_criteria)
    {
      g_set_error (error, SCS_REVIEW_ERROR, SCS_REVIEW_ERROR_NOT_READY,
                   _("The review is not complete: %u of %u criteria accepted "
                     "(%u not reviewed, %u revision required, %u reopened)"),
                   s.n_accepted, s.n_criteria, s.n_unreviewed, s.n_revision, s.n_reopened);
      return FALSE;
    }
  if (s.n_open_proposals > 0)
    {
      g_set_error (error, SCS_REVIEW_ERROR, SCS_REVIEW_ERROR_NOT_READY,
                   _("The review is not complete: %u proposed corrections wait for the organisation"),
                   s.n_open_proposals);
      return FALSE;
    }
  level = scs_workspace_get_target_level (self->workspace);
  if (!scs_workspace_is_ready (self->workspace, level))
    {
      g_set_error (error, SCS_REVIEW_ERROR, SCS_REVIEW_ERROR_NOT_READY,
                   _("The assessment is not ready for level %u: some criteria are neither met "
                     "nor justified not applicable"), level);
      return FALSE;
    }
  return scs_migration_check_confirmed (self->workspace, error) &&
         scs_scope_check_ready (self->workspace, error);
}

void
scs_review_read_summary (sqlite3        *db,
                         gint64          assessment,
                         ScsReviewState *state,
                         gboolean       *expert_signed,
                         gboolean       *declared)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  *state = SCS_REVIEW_STATE_UNKNOWN;
  if (scs_db_has_table (db, "review_round"))
    {
      *state = SCS_REVIEW_STATE_NOT_STARTED;
      stmt = scs_db_try_prepare (db, "SELECT side FROM review_round WHERE assessment = ?1 ORDER BY id DESC LIMIT 1");
      if (stmt != NULL)
        {
          sqlite3_bind_int64 (stmt, 1, assessment);
          if (sqlite3_step (stmt) == SQLITE_ROW)
            *state = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "expert") == 0
                     ? SCS_REVIEW_STATE_WITH_EXPERT : SCS_REVIEW_STATE_WITH_ORGANIZATION;
        }
      g_clear_pointer (&stmt, sqlite3_finalize);
    }
  scs_signature_read_summary (db, assessment, expert_signed, declared);
  if (*expert_signed)
    *state = SCS_REVIEW_STATE_SIGNED;
}
