/* test-review.c: expert review rounds, reopening, sealing and tamper detection
 *
 * Drives ScsReview with an SME and an expert profile over one workspace:
 * comments, proposals accepted and rejected, an accepted item edited by the
 * SME (reopened), the redline each side sees after a hand-over, the
 * attestation XML (deterministic, schema-valid), the seal triggers after
 * signing (refused writes change nothing), and detection of changes made
 * behind the seal's back with plain SQLite.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "scs-attestation.h"
#include "scs-declaration.h"
#include "scs-i18n.h"
#include "scs-review.h"
#include "scs-scope.h"
#include "scs-signature-check.h"
#include "scs-signature.h"
#include "scs-signer.h"
#include "scs-signoff.h"

#include "core-test-util.h"

typedef struct
{
  char         *dir;
  char         *path;
  ScsWorkspace *ws;
  ScsProfile   *sme;
  ScsProfile   *expert;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(ScsOrganization) org = scs_organization_new ();
  g_autoptr(ScsCatalog) catalog = scs_catalog_new_builtin ();
  g_autoptr(GError) error = NULL;
  GListModel *answers;

  f->dir = g_dir_make_tmp ("scs-review-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "ws.scsw", NULL);
  org->name = g_strdup ("Test KK");
  org->sole_proprietor = TRUE;
  f->ws = scs_workspace_create (f->path, org, 3, catalog, &error);
  g_assert_no_error (error);
  f->sme = core_test_profile_new ("SME Sato", SCS_ROLE_SME);
  f->expert = core_test_profile_new ("Expert Taro", SCS_ROLE_EXPERT);

  answers = scs_workspace_get_answers (f->ws);
  for (guint i = 0; i < g_list_model_get_n_items (answers); i++)
    {
      g_autoptr(ScsAnswer) a = g_list_model_get_item (answers, i);

      if (scs_answer_get_criterion (a)->level == 3)
        {
          scs_workspace_set_answer (f->ws, scs_answer_get_criterion_id (a), SCS_ANSWER_MET,
                                    NULL, NULL, &error);
          g_assert_no_error (error);
        }
    }
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->ws);
  g_clear_object (&f->sme);
  g_clear_object (&f->expert);
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", f->dir);
  g_assert_cmpint (system (cmd), ==, 0);
  g_free (f->path);
  g_free (f->dir);
}

static gboolean
has_item (GPtrArray *items, const char *criterion, const char *kind)
{
  for (guint i = 0; i < items->len; i++)
    {
      ScsReviewItem *item = items->pdata[i];

      if (g_strcmp0 (item->criterion_id, criterion) == 0 && g_str_equal (item->kind, kind))
        return TRUE;
    }
  return FALSE;
}

static gboolean
has_change (GPtrArray *changes, const char *target, const char *field, const char *new_value)
{
  for (guint i = 0; i < changes->len; i++)
    {
      ScsReviewChange *c = changes->pdata[i];

      if (g_str_equal (c->target, target) && g_str_equal (c->field, field) &&
          g_strcmp0 (c->new_value, new_value) == 0)
        return TRUE;
    }
  return FALSE;
}

/* The round trip of the issue up to the expert's acceptance. */
static void
run_round_trip (Fixture *f)
{
  g_autoptr(ScsReview) sme = NULL;
  g_autoptr(ScsReview) expert = NULL;
  g_autoptr(GPtrArray) waiting = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  gint64 p1, p2;
  ScsReviewSummary s;
  GListModel *answers = scs_workspace_get_answers (f->ws);

  sme = scs_review_new (f->ws, f->sme);
  g_assert_no_error (error);
  g_assert_cmpuint (scs_review_get_round (sme), ==, 1);
  scs_review_hand_over (sme, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (scs_review_get_round (sme), ==, 2);

  expert = scs_review_new (f->ws, f->expert);
  g_assert_cmpstr (scs_workspace_get_actor (f->ws), ==, "Expert Taro");
  g_assert_cmpint (scs_review_add_comment (expert, "1-2-1-1", "Attach the policy", &error), >, 0);
  p1 = scs_review_propose (expert, "1-2-1-1", "note", "Policy v2", "be specific", &error);
  g_assert_no_error (error);
  p2 = scs_review_propose (expert, "1-2-1-2", "state", "not-met", NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (answers); i++)
    {
      g_autoptr(ScsAnswer) a = g_list_model_get_item (answers, i);

      if (scs_answer_get_criterion (a)->level == 3)
        g_assert_true (scs_review_set_verdict (expert, scs_answer_get_criterion_id (a),
                                               SCS_VERDICT_ACCEPTED, &error));
    }
  g_assert_true (scs_review_set_verdict (expert, "2-1-1-1", SCS_VERDICT_REVISION_REQUIRED, &error));
  /* the SME cannot give verdicts, the expert cannot accept proposals */
  scs_review_set_profile (sme, f->sme);
  g_assert_false (scs_review_set_verdict (sme, "2-1-1-1", SCS_VERDICT_ACCEPTED, &error));
  g_assert_error (error, SCS_REVIEW_ERROR, SCS_REVIEW_ERROR_ROLE);
  g_clear_error (&error);
  g_assert_false (scs_review_accept_proposal (expert, p1, &error));
  g_assert_error (error, SCS_REVIEW_ERROR, SCS_REVIEW_ERROR_ROLE);
  g_clear_error (&error);
  scs_review_set_profile (expert, f->expert);
  g_assert_true (scs_review_hand_over (expert, &error));

  /* SME: sees two proposals, the comment and the revision request */
  scs_review_set_profile (sme, f->sme);
  waiting = scs_review_list_waiting (sme, &error);
  g_assert_no_error (error);
  g_assert_true (has_item (waiting, "1-2-1-1", "proposal"));
  g_assert_true (has_item (waiting, "1-2-1-2", "proposal"));
  g_assert_true (has_item (waiting, "1-2-1-1", "comment"));
  g_assert_true (has_item (waiting, "2-1-1-1", "revision"));
  g_clear_pointer (&waiting, g_ptr_array_unref);

  g_assert_true (scs_review_accept_proposal (sme, p1, &error));
  g_assert_cmpstr (scs_answer_get_note (scs_workspace_lookup_answer (f->ws, "1-2-1-1")), ==, "Policy v2");
  g_assert_false (scs_review_accept_proposal (sme, p1, &error));
  g_assert_error (error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_true (scs_review_reject_proposal (sme, p2, "it is met", &error));
  g_assert_cmpint (scs_answer_get_state (scs_workspace_lookup_answer (f->ws, "1-2-1-2")), ==, SCS_ANSWER_MET);
  g_assert_true (scs_workspace_set_note (f->ws, "2-1-1-1", "now documented", &error));
  g_assert_true (scs_workspace_set_note (f->ws, "3-1-1-1", "edited after acceptance", &error));
  g_assert_true (scs_review_hand_over (sme, &error));

  /* Expert: exactly those changes, and what waits */
  scs_review_set_profile (expert, f->expert);
  changes = scs_review_list_changes (expert, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 3);
  g_assert_true (has_change (changes, "1-2-1-1", "note", "Policy v2"));
  g_assert_true (has_change (changes, "2-1-1-1", "note", "now documented"));
  g_assert_true (has_change (changes, "3-1-1-1", "note", "edited after acceptance"));
  waiting = scs_review_list_waiting (expert, &error);
  g_assert_true (has_item (waiting, "1-2-1-1", "decided"));
  g_assert_true (has_item (waiting, "1-2-1-2", "decided"));
  g_assert_true (has_item (waiting, "3-1-1-1", "reopened"));
  g_assert_true (has_item (waiting, "2-1-1-1", "revised"));
  g_assert_false (has_item (waiting, "4-1-1-1", "reopened"));
  g_assert_cmpint (scs_review_get_verdict (expert, "3-1-1-1"), ==, SCS_VERDICT_REOPENED);

  g_assert_false (scs_review_check_complete (expert, &error));
  g_assert_error (error, SCS_REVIEW_ERROR, SCS_REVIEW_ERROR_NOT_READY);
  g_clear_error (&error);
  for (guint i = 0; i < waiting->len; i++)
    {
      ScsReviewItem *item = waiting->pdata[i];

      if (item->criterion_id != NULL)
        g_assert_true (scs_review_set_verdict (expert, item->criterion_id, SCS_VERDICT_ACCEPTED, &error));
    }
  g_assert_true (scs_review_check_complete (expert, &error));
  g_assert_true (scs_review_get_summary (expert, &s, &error));
  g_assert_cmpuint (s.n_accepted, ==, 81);
  g_assert_cmpuint (s.n_nonconformities_closed, ==, 1);
  g_assert_cmpuint (s.n_nonconformities_open, ==, 0);

  /* A described scope whose check fails (the internet-edge firewall left
   * out, a reason questioned) blocks signing, ★3 too; fixed, it does not. */
  {
    ScsScope *scope = scs_scope_get (f->ws, &error);
    gint64 edge, old;

    g_assert_true (scs_scope_set_unit (scope, SCS_SCOPE_UNIT_COMPANY, "本社", NULL, &error));
    edge = core_test_scope_add (scope, SCS_SCOPE_KIND_BOUNDARY, "name", "本社UTM", "type", "firewall",
                                "administrator", "情報システム課", NULL);
    old = core_test_scope_add (scope, SCS_SCOPE_KIND_ENDPOINT, "name", "旧端末", NULL);
    g_assert_true (scs_scope_set_status (scope, edge, SCS_SCOPE_STATUS_EXCLUDED, "回線事業者の管理",
                                         "事業者の責任分界点", FALSE, &error));
    g_assert_true (scs_scope_set_status (scope, old, SCS_SCOPE_STATUS_EXCEPTION,
                                         "サポート終了OSの検査装置。来年度更改", "単独で使用", FALSE, &error));
    g_assert_no_error (error);
    g_assert_false (scs_review_check_complete (expert, &error));
    g_assert_error (error, SCS_SCOPE_ERROR, SCS_SCOPE_ERROR_NOT_READY);
    g_assert_nonnull (strstr (error->message, "本社UTM"));
    g_clear_error (&error);

    g_assert_true (scs_scope_set_status (scope, edge, SCS_SCOPE_STATUS_IN, NULL, NULL, FALSE, &error));
    g_assert_true (scs_scope_set_review (scope, core_test_expert (), old, SCS_SCOPE_REVIEW_QUESTIONED,
                                         "更改の計画書は？", &error));
    g_assert_false (scs_review_check_complete (expert, &error));
    g_assert_error (error, SCS_SCOPE_ERROR, SCS_SCOPE_ERROR_NOT_READY);
    g_clear_error (&error);
    g_assert_true (scs_scope_set_review (scope, core_test_expert (), old, SCS_SCOPE_REVIEW_ACCEPTED, NULL, &error));
    g_assert_true (scs_review_check_complete (expert, &error));
    g_assert_no_error (error);
  }
}

static void
test_round_trip (Fixture *f, gconstpointer data)
{
  run_round_trip (f);
}

static void
test_attestation (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) a = scs_attestation_render (f->ws, &error);
  g_autoptr(GBytes) b = NULL;
  g_autoptr(GBytes) c = NULL;
  g_autoptr(GPtrArray) diff = NULL;
  g_autoptr(ScsWorkspace) reopened = NULL;

  g_assert_no_error (error);
  g_assert_true (scs_attestation_validate (a, "assessment", &error));
  g_assert_no_error (error);
  /* the same bytes from a fresh connection */
  reopened = scs_workspace_open (f->path, &error);
  g_assert_no_error (error);
  b = scs_attestation_render (reopened, &error);
  g_assert_true (g_bytes_equal (a, b));

  g_assert_true (scs_workspace_set_note (f->ws, "4-1-1-1", "a <note> & \"quotes\"\n", &error));
  c = scs_attestation_render (f->ws, &error);
  g_assert_true (scs_attestation_validate (c, "assessment", &error));
  diff = scs_attestation_diff (a, c);
  g_assert_cmpuint (diff->len, ==, 1);
  g_assert_cmpstr (diff->pdata[0], ==, "criterion 4-1-1-1: note");
}

static char *certs_dir;

static void
test_seal_and_tamper (Fixture *f, gconstpointer data)
{
  g_autoptr(ScsReview) expert = NULL;
  g_autoptr(ScsSigner) signer = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsSignatureCheck) check = NULL;
  g_autofree char *p12 = g_build_filename (certs_dir, "expert.p12", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(ScsOrganization) org = NULL;
  sqlite3 *db;

  run_round_trip (f);
  expert = scs_review_new (f->ws, f->expert);
  signer = scs_signer_new_from_pkcs12 (p12, "secret", &error);
  g_assert_no_error (error);

  /* No training date, or one in the future: the expert may not sign. */
  before = core_test_file_sha256 (f->path);
  scs_profile_set_training_date (f->expert, NULL);
  g_assert_false (scs_signoff_sign_assessment (signer, expert, NULL, SCS_SIGN_FLAGS_NONE, &error));
  g_assert_error (error, SCS_PROFILE_ERROR, SCS_PROFILE_ERROR_NOT_QUALIFIED);
  g_clear_error (&error);
  scs_profile_set_training_date (f->expert, "2099-01-01");
  g_assert_false (scs_signoff_sign_assessment (signer, expert, NULL, SCS_SIGN_FLAGS_NONE, &error));
  g_assert_error (error, SCS_PROFILE_ERROR, SCS_PROFILE_ERROR_NOT_QUALIFIED);
  g_clear_error (&error);
  g_assert_false (scs_review_is_sealed (f->ws));
  after = core_test_file_sha256 (f->path);
  g_assert_cmpstr (before, ==, after);
  g_clear_pointer (&before, g_free);
  g_clear_pointer (&after, g_free);
  scs_profile_set_training_date (f->expert, "2026-01-10");

  g_assert_true (scs_signoff_sign_assessment (signer, expert, NULL, SCS_SIGN_FLAGS_NONE, &error));
  g_assert_no_error (error);
  g_assert_true (scs_review_is_sealed (f->ws));

  /* refused through the app, nothing changes */
  before = core_test_file_sha256 (f->path);
  g_assert_false (scs_workspace_set_note (f->ws, "4-1-1-1", "later", &error));
  g_assert_error (error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_SEALED);
  g_clear_error (&error);
  org = scs_workspace_dup_organization (f->ws);
  g_free (org->name);
  org->name = g_strdup ("Other KK");
  g_assert_false (scs_workspace_set_organization (f->ws, org, &error));
  g_assert_error (error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_SEALED);
  g_clear_error (&error);
  g_assert_false (scs_review_set_verdict (expert, "4-1-1-1", SCS_VERDICT_REVISION_REQUIRED, &error));
  g_assert_error (error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_SEALED);
  g_clear_error (&error);
  after = core_test_file_sha256 (f->path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpstr (scs_answer_get_note (scs_workspace_lookup_answer (f->ws, "4-1-1-1")), ==, "");

  check = scs_signature_check (f->ws, SCS_SIGNATURE_ROLE_EXPERT, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (scs_signature_check_is_good (check));
  g_clear_pointer (&check, scs_signature_check_free);

  /* behind the seal's back: an outside SQLite tool drops the triggers */
  g_clear_object (&expert);
  g_clear_object (&f->ws);
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE answer SET note = 'x' WHERE criterion_id = '4-1-1-1'",
                                 NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
  sqlite3_close (db);
  core_test_forge (f->path,
                   "UPDATE answer SET state = 'not-met' WHERE criterion_id = '4-1-1-2';"
                   "UPDATE organization SET name = 'Other KK';");

  f->ws = scs_workspace_open (f->path, &error);
  g_assert_no_error (error);
  check = scs_signature_check (f->ws, SCS_SIGNATURE_ROLE_EXPERT, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (scs_signature_check_is_good (check));
  g_assert_true (check->signature_valid);
  g_assert_false (check->content_matches);
  g_assert_true (g_ptr_array_find_with_equal_func (check->changes, "criterion 4-1-1-2: state", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (check->changes, "organization: name", g_str_equal, NULL));
  g_assert_false (g_ptr_array_find_with_equal_func (check->changes, "criterion 4-1-1-1: note", g_str_equal, NULL));
}

static void
test_new_round (Fixture *f, gconstpointer data)
{
  g_autoptr(ScsReview) expert = NULL;
  g_autoptr(ScsReview) management = NULL;
  g_autoptr(ScsSigner) signer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *p12 = g_build_filename (certs_dir, "expert.p12", NULL);

  run_round_trip (f);
  expert = scs_review_new (f->ws, f->expert);
  signer = scs_signer_new_from_pkcs12 (p12, "secret", &error);
  g_assert_true (scs_signoff_sign_assessment (signer, expert, NULL, SCS_SIGN_FLAGS_NONE, &error));
  g_assert_true (scs_review_start_new_round (expert, &error));
  g_assert_false (scs_review_is_sealed (f->ws));
  g_assert_null (scs_signature_dup_cms (f->ws, SCS_SIGNATURE_ROLE_EXPERT));
  g_assert_true (scs_workspace_set_note (f->ws, "4-1-1-1", "after the new round", &error));
  g_assert_no_error (error);
  g_assert_cmpint (scs_review_get_verdict (expert, "4-1-1-1"), ==, SCS_VERDICT_REOPENED);
}

/* Two roles, two people: the core refuses one certificate for both unless
 * the caller says the user confirmed it. */
static void
test_two_roles (Fixture *f, gconstpointer data)
{
  g_autoptr(ScsReview) expert = NULL;
  g_autoptr(ScsReview) management = NULL;
  g_autoptr(ScsSigner) signer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *p12 = g_build_filename (certs_dir, "expert.p12", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  run_round_trip (f);
  expert = scs_review_new (f->ws, f->expert);
  signer = scs_signer_new_from_pkcs12 (p12, "secret", &error);
  g_assert_no_error (error);
  g_assert_true (scs_signoff_sign_assessment (signer, expert, NULL, SCS_SIGN_FLAGS_NONE, &error));
  g_assert_no_error (error);

  management = scs_review_new (f->ws, core_test_management ());
  before = core_test_file_sha256 (f->path);
  g_assert_false (scs_signoff_declare (management, "Manager Hanako", "CEO", NULL, "en", signer, NULL,
                                       SCS_SIGN_FLAGS_NONE, &error));
  g_assert_error (error, SCS_SIGNER_ERROR, SCS_SIGNER_ERROR_SAME_SIGNER);
  g_assert_nonnull (strstr (error->message, "already signed the assessment as the expert"));
  g_clear_error (&error);
  after = core_test_file_sha256 (f->path);
  g_assert_cmpstr (before, ==, after);
  g_assert_null (scs_signature_dup_cms (f->ws, SCS_SIGNATURE_ROLE_MANAGEMENT));

  g_assert_true (scs_signoff_declare (management, "Manager Hanako", "CEO", NULL, "en", signer, NULL,
                                      SCS_SIGN_FLAGS_ALLOW_SAME_SIGNER, &error));
  g_assert_no_error (error);

}

/* The scope-questioned items of @items: the scope item IDs, in list order,
 * and each one after every criterion item. */
static GArray *
scope_questions (GPtrArray *items)
{
  GArray *refs = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < items->len; i++)
    {
      ScsReviewItem *item = items->pdata[i];

      if (g_str_equal (item->kind, "scope-questioned"))
        {
          g_assert_null (item->criterion_id);
          g_array_append_val (refs, item->ref);
        }
      else
        g_assert_cmpuint (refs->len, ==, 0);
    }
  return refs;
}

static GPtrArray *
list_waiting (ScsReview *review)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *items = scs_review_list_waiting (review, &error);

  g_assert_no_error (error);
  g_assert_nonnull (items);
  return items;
}

/* An out-of-scope reason the expert questions waits for the organisation
 * until the reason changes or the expert marks it otherwise. */
static void
test_scope_questioned (Fixture *f, gconstpointer data)
{
  g_autoptr(ScsReview) expert = scs_review_new (f->ws, f->expert);
  g_autoptr(ScsReview) sme = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GArray) refs = NULL;
  g_autoptr(GError) error = NULL;
  ScsScope *scope = scs_scope_get (f->ws, &error);
  gint64 plc, old_pc;

  g_assert_no_error (error);
  plc = core_test_scope_add (scope, SCS_SCOPE_KIND_SERVER, "name", "PLC line", NULL);
  old_pc = core_test_scope_add (scope, SCS_SCOPE_KIND_ENDPOINT, "name", "Old PC", NULL);
  g_assert_true (scs_scope_set_status (scope, plc, SCS_SCOPE_STATUS_EXCLUDED, "OT behind a gateway",
                                       "one-way gateway", TRUE, &error));
  g_assert_true (scs_scope_set_status (scope, old_pc, SCS_SCOPE_STATUS_EXCEPTION, "Windows 7",
                                       NULL, FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (scs_scope_set_review (scope, core_test_expert (), old_pc, SCS_SCOPE_REVIEW_QUESTIONED,
                                       "When is it replaced?", &error));
  g_assert_true (scs_scope_set_review (scope, core_test_expert (), plc, SCS_SCOPE_REVIEW_QUESTIONED,
                                       "Attach the gateway settings", &error));
  g_assert_no_error (error);
  sme = scs_review_new (f->ws, f->sme);

  /* The organisation: both, after the criteria, in scope item order */
  items = list_waiting (sme);
  refs = scope_questions (items);
  g_assert_cmpuint (refs->len, ==, 2);
  g_assert_cmpint (g_array_index (refs, gint64, 0), ==, plc);
  g_assert_cmpint (g_array_index (refs, gint64, 1), ==, old_pc);
  g_assert_cmpstr (((ScsReviewItem *) items->pdata[items->len - 2])->text, ==,
                   "Scope: the reason for leaving “PLC line” out was questioned: Attach the gateway settings");
  g_clear_pointer (&items, g_ptr_array_unref);
  g_clear_pointer (&refs, g_array_unref);

  /* The expert's own question does not wait for the expert */
  items = list_waiting (expert);
  refs = scope_questions (items);
  g_assert_cmpuint (refs->len, ==, 0);
  g_clear_pointer (&items, g_ptr_array_unref);
  g_clear_pointer (&refs, g_array_unref);

  /* A new reason answers the question (the mark is reset) … */
  scs_review_set_profile (sme, f->sme);
  g_assert_true (scs_scope_set_status (scope, plc, SCS_SCOPE_STATUS_EXCLUDED,
                                       "OT behind a gateway; settings attached", NULL, TRUE, &error));
  g_assert_no_error (error);
  items = list_waiting (sme);
  refs = scope_questions (items);
  g_assert_cmpuint (refs->len, ==, 1);
  g_assert_cmpint (g_array_index (refs, gint64, 0), ==, old_pc);
  g_clear_pointer (&items, g_ptr_array_unref);
  g_clear_pointer (&refs, g_array_unref);

  /* … and so does the expert's accepting the reason as it is */
  scs_review_set_profile (expert, f->expert);
  g_assert_true (scs_scope_set_review (scope, core_test_expert (), old_pc, SCS_SCOPE_REVIEW_ACCEPTED, NULL, &error));
  g_assert_no_error (error);
  items = list_waiting (sme);
  refs = scope_questions (items);
  g_assert_cmpuint (refs->len, ==, 0);
}

/* Qualification upkeep: recorded with past dates, kept across save and
 * load, described for the sign dialog (an old RISS course is pointed out). */
static void
test_profile_upkeep (void)
{
  g_autofree char *dir = core_test_make_tmp_dir ("scs-profile-XXXXXX");
  g_autofree char *file = g_build_filename (dir, "profile.ini", NULL);
  g_autoptr(ScsProfile) p = scs_profile_load (file, NULL);
  g_autoptr(ScsProfile) reread = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const GPtrArray *upkeep;

  scs_profile_set_name (p, "専門家 花子");
  scs_profile_set_role (p, SCS_ROLE_EXPERT);
  scs_profile_set_qualification (p, SCS_QUALIFICATION_RISS);
  scs_profile_set_registration (p, "013258");
  text = scs_profile_describe_qualification (p);
  g_assert_nonnull (strstr (text, "not recorded (required for signing)"));
  g_assert_false (scs_profile_check_training (p, &error));
  g_assert_error (error, SCS_PROFILE_ERROR, SCS_PROFILE_ERROR_NOT_QUALIFIED);
  g_clear_error (&error);
  scs_profile_set_training_date (p, "2026-01-10");
  g_assert_true (scs_profile_check_training (p, &error));

  g_assert_false (scs_profile_add_upkeep (p, SCS_UPKEEP_CPE, "2099-01-01", NULL, &error));
  g_assert_error (error, SCS_PROFILE_ERROR, SCS_PROFILE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (scs_profile_add_upkeep (p, SCS_UPKEEP_RISS_ONLINE, "2020-05-10", NULL, &error));
  g_assert_true (scs_profile_add_upkeep (p, SCS_UPKEEP_RISS_PRACTICAL, "2025-11-20", "実践講習 B", &error));
  g_assert_true (scs_profile_add_upkeep (p, SCS_UPKEEP_CPE, "2026-02-01", "40 CPE", &error));
  g_assert_no_error (error);
  g_assert_true (scs_profile_save (p, &error));
  g_assert_no_error (error);

  reread = scs_profile_load (file, &error);
  g_assert_no_error (error);
  upkeep = scs_profile_get_upkeep (reread);
  g_assert_cmpuint (upkeep->len, ==, 3);
  g_assert_cmpint (((ScsUpkeep *) upkeep->pdata[0])->kind, ==, SCS_UPKEEP_RISS_ONLINE);
  g_assert_cmpstr (((ScsUpkeep *) upkeep->pdata[1])->note, ==, "実践講習 B");
  g_assert_cmpstr (((ScsUpkeep *) upkeep->pdata[2])->date, ==, "2026-02-01");
  g_clear_pointer (&text, g_free);
  text = scs_profile_describe_qualification (reread);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "Expert training completed: 2026-01-10"));
  g_assert_nonnull (strstr (text, "RISS yearly online course: 2020-05-10 — more than a year ago"));
  g_assert_nonnull (strstr (text, "2025-11-20 (実践講習 B)"));
  g_assert_nonnull (strstr (text, "2026-02-01 (40 CPE)"));
  core_test_rm_rf (dir);
}

/* Every role, qualification, upkeep kind and verdict: its stored word, the
 * word read back and its English label; an unknown word is refused. */
static void
test_words (void)
{
  static const struct { guint value; const char *id; const char *label; } roles[] = {
    { SCS_ROLE_SME, "sme", "SME staff" },
    { SCS_ROLE_EXPERT, "expert", "Security expert" },
    { SCS_ROLE_ASSISTANT, "assistant", "Expert’s assistant" },
    { SCS_ROLE_MANAGEMENT, "management", "Management" },
    { SCS_ROLE_VENDOR, "vendor", "Vendor" },
  }, qualifications[] = {
    { SCS_QUALIFICATION_NONE, "none", "None" },
    { SCS_QUALIFICATION_RISS, "riss", "Registered Information Security Specialist (RISS)" },
    { SCS_QUALIFICATION_CAIS, "cais", "Certified Information Security Auditor" },
    { SCS_QUALIFICATION_CISSP, "cissp", "CISSP" },
    { SCS_QUALIFICATION_CISM, "cism", "CISM" },
    { SCS_QUALIFICATION_CISA, "cisa", "CISA" },
    { SCS_QUALIFICATION_ISMS_LA, "iso27001-la", "ISO/IEC 27001 lead auditor" },
  }, upkeep[] = {
    { SCS_UPKEEP_RISS_ONLINE, "riss-online", "RISS yearly online course" },
    { SCS_UPKEEP_RISS_PRACTICAL, "riss-practical", "RISS practical course (every three years)" },
    { SCS_UPKEEP_CPE, "cpe", "CPE credits (CISSP, CISM, CISA)" },
    { SCS_UPKEEP_CPD, "cpd", "CPD hours and audit records (ISO/IEC 27001 lead auditor)" },
    { SCS_UPKEEP_AUDIT_POINTS, "audit-points", "Auditor points (公認情報セキュリティ監査人)" },
  }, verdicts[] = {
    { SCS_VERDICT_NONE, "none", "Not reviewed" },
    { SCS_VERDICT_ACCEPTED, "accepted", "Accepted" },
    { SCS_VERDICT_REVISION_REQUIRED, "revision-required", "Revision required" },
    { SCS_VERDICT_REOPENED, "reopened", "Reopened" },
  };
  ScsRole role;
  ScsQualification q;
  ScsUpkeepKind kind;
  ScsVerdict verdict;

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      g_assert_cmpstr (scs_role_to_string (roles[i].value), ==, roles[i].id);
      g_assert_cmpstr (scs_role_get_label (roles[i].value), ==, roles[i].label);
      g_assert_true (scs_role_from_string (roles[i].id, &role));
      g_assert_cmpuint (role, ==, roles[i].value);
    }
  for (guint i = 0; i < G_N_ELEMENTS (qualifications); i++)
    {
      g_assert_cmpstr (scs_qualification_to_string (qualifications[i].value), ==, qualifications[i].id);
      g_assert_cmpstr (scs_qualification_get_label (qualifications[i].value), ==, qualifications[i].label);
      g_assert_true (scs_qualification_from_string (qualifications[i].id, &q));
      g_assert_cmpuint (q, ==, qualifications[i].value);
    }
  for (guint i = 0; i < G_N_ELEMENTS (upkeep); i++)
    {
      g_assert_cmpstr (scs_upkeep_kind_to_string (upkeep[i].value), ==, upkeep[i].id);
      g_assert_cmpstr (scs_upkeep_kind_get_label (upkeep[i].value), ==, upkeep[i].label);
      g_assert_true (scs_upkeep_kind_from_string (upkeep[i].id, &kind));
      g_assert_cmpuint (kind, ==, upkeep[i].value);
    }
  for (guint i = 0; i < G_N_ELEMENTS (verdicts); i++)
    {
      g_assert_cmpstr (scs_verdict_to_string (verdicts[i].value), ==, verdicts[i].id);
      g_assert_cmpstr (scs_verdict_get_label (verdicts[i].value), ==, verdicts[i].label);
      g_assert_true (scs_verdict_from_string (verdicts[i].id, &verdict));
      g_assert_cmpuint (verdict, ==, verdicts[i].value);
    }

  role = SCS_ROLE_VENDOR;
  g_assert_false (scs_role_from_string ("Expert", &role));
  g_assert_false (scs_role_from_string (NULL, &role));
  g_assert_cmpuint (role, ==, SCS_ROLE_VENDOR);
  g_assert_false (scs_qualification_from_string ("", &q));
  g_assert_false (scs_upkeep_kind_from_string ("cpe ", &kind));
  g_assert_false (scs_verdict_from_string ("rejected", &verdict));
}

int
main (int argc, char **argv)
{
  g_autofree char *cmd = NULL;
  int rc;

  g_test_init (&argc, &argv, NULL);
  /* The waiting items' texts are compared in English. */
  scs_i18n_init ("en");
  g_setenv ("SCS_PROFILE", "/nonexistent/profile.ini", TRUE);

  certs_dir = g_dir_make_tmp ("scs-certs-XXXXXX", NULL);
  core_test_make_certificates (certs_dir, FALSE);

  g_test_add_func ("/scs/review/profile-upkeep", test_profile_upkeep);
  g_test_add_func ("/scs/review/words", test_words);
  g_test_add ("/scs/review/round-trip", Fixture, NULL, fixture_set_up, test_round_trip, fixture_tear_down);
  g_test_add ("/scs/review/attestation", Fixture, NULL, fixture_set_up, test_attestation, fixture_tear_down);
  g_test_add ("/scs/review/seal-and-tamper", Fixture, NULL, fixture_set_up, test_seal_and_tamper, fixture_tear_down);
  g_test_add ("/scs/review/new-round", Fixture, NULL, fixture_set_up, test_new_round, fixture_tear_down);
  g_test_add ("/scs/review/two-roles", Fixture, NULL, fixture_set_up, test_two_roles, fixture_tear_down);
  g_test_add ("/scs/review/scope-questioned", Fixture, NULL, fixture_set_up, test_scope_questioned, fixture_tear_down);

  rc = g_test_run ();
  g_free (cmd);
  cmd = g_strdup_printf ("rm -rf '%s'", certs_dir);
  system (cmd);
  return rc;
}
