/* test-renewal.c: renewal cycles carry answers forward, comparisons report
 * exactly what changed, validity data gives expiry, significant changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "scs-i18n.h"
#include "scs-renewal.h"
#include "scs-workspace.h"

#include "core-test-util.h"

typedef struct
{
  char         *dir;
  char         *path;
  ScsWorkspace *ws;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = core_test_make_tmp_dir ("scs-renewal-XXXXXX");
  f->path = g_build_filename (f->dir, "client.scsw", NULL);
  f->ws = core_test_workspace_new (f->path, "株式会社テスト", 3, "SME staff");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->ws);
  core_test_rm_rf (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static void
answer (ScsWorkspace   *ws,
        const char     *id,
        ScsAnswerState  state,
        const char     *note,
        const char     *reason)
{
  g_autoptr(GError) error = NULL;

  gboolean ok = scs_workspace_set_answer (ws, id, state, note, reason, &error);

  g_assert_no_error (error);
  g_assert_true (ok);
}

static void
test_start_carries_forward (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cycles = NULL;
  g_auto(GStrv) unconfirmed = NULL;
  g_autoptr(ScsWorkspace) reopened = NULL;
  g_autofree char *evidence_path = g_build_filename (f->dir, "policy.txt", NULL);
  g_autoptr(GFile) evidence = g_file_new_for_path (evidence_path);
  g_autofree char *sha = NULL;
  ScsAnswer *a;

  answer (f->ws, "1-3-1-3", SCS_ANSWER_MET, "委員会規程", NULL);
  answer (f->ws, "1-2-1-1", SCS_ANSWER_NOT_MET, NULL, NULL);
  answer (f->ws, "4-1-1-1", SCS_ANSWER_NOT_APPLICABLE, NULL, "該当設備なし");
  g_assert_true (g_file_set_contents (evidence_path, "policy", -1, NULL));
  sha = scs_workspace_add_evidence (f->ws, "1-3-1-3", evidence, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (scs_workspace_get_cycle (f->ws), ==, 0);
  g_assert_cmpuint (scs_renewal_start (f->ws, &error), ==, 1);
  g_assert_no_error (error);
  g_assert_cmpuint (scs_workspace_get_cycle (f->ws), ==, 1);

  /* The open workspace now edits cycle 1; cycle 0 stays as it was. */
  a = scs_workspace_lookup_answer (f->ws, "1-3-1-3");
  g_assert_cmpint (scs_answer_get_state (a), ==, SCS_ANSWER_MET);
  g_assert_cmpstr (scs_answer_get_note (a), ==, "委員会規程");
  g_assert_cmpstr (scs_answer_get_author (a), ==, "SME staff");

  cycles = scs_renewal_list_cycles (f->ws, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cycles->len, ==, 2);

  unconfirmed = scs_renewal_list_unconfirmed (f->ws, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (unconfirmed), ==, 3);
  g_assert_true (g_strv_contains ((const char * const *) unconfirmed, "4-1-1-1"));

  /* Reopened: the newest cycle, with its answers and evidence links. */
  g_clear_object (&f->ws);
  f->ws = scs_workspace_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (scs_workspace_get_cycle (f->ws), ==, 1);
  a = scs_workspace_lookup_answer (f->ws, "4-1-1-1");
  g_assert_cmpint (scs_answer_get_state (a), ==, SCS_ANSWER_NOT_APPLICABLE);
  g_assert_cmpstr (scs_answer_get_reason (a), ==, "該当設備なし");
  g_assert_cmpuint (scs_answer_get_n_evidence (scs_workspace_lookup_answer (f->ws, "1-3-1-3")), ==, 1);
  g_assert_true (scs_workspace_check_integrity (f->ws, &error));
  g_assert_no_error (error);
}

/* Confirming several answers is all or nothing, and no renewal starts
 * while the last one has answers to re-confirm. */
static void
test_confirm_all_and_open (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) unconfirmed = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *bad[] = { "1-2-1-1", "2-1-1-1", "9-9-9-9", NULL };
  const char *twice[] = { "1-2-1-1", "1-2-1-1", NULL };
  const char *good[] = { "1-2-1-1", "2-1-1-1", NULL };

  answer (f->ws, "1-2-1-1", SCS_ANSWER_NOT_MET, NULL, NULL);
  answer (f->ws, "2-1-1-1", SCS_ANSWER_MET, "keep", NULL);
  g_assert_cmpuint (scs_renewal_start (f->ws, &error), ==, 1);

  before = core_test_file_state (f->path, TRUE);
  g_assert_false (scs_renewal_confirm_all (f->ws, bad, &error));
  g_assert_nonnull (strstr (error->message, "9-9-9-9"));
  g_clear_error (&error);
  g_assert_false (scs_renewal_confirm_all (f->ws, twice, &error));
  g_assert_error (error, SCS_RENEWAL_ERROR, SCS_RENEWAL_ERROR_INVALID);
  g_clear_error (&error);
  unconfirmed = scs_renewal_list_unconfirmed (f->ws, &error);
  g_assert_cmpuint (g_strv_length (unconfirmed), ==, 2);

  /* Open: refused, nothing written. */
  g_assert_cmpuint (scs_renewal_start (f->ws, &error), ==, 0);
  g_assert_error (error, SCS_RENEWAL_ERROR, SCS_RENEWAL_ERROR_OPEN);
  g_clear_error (&error);
  g_assert_cmpuint (scs_workspace_get_cycle (f->ws), ==, 1);
  after = core_test_file_state (f->path, TRUE);
  g_assert_cmpstr (after, ==, before);

  g_assert_true (scs_renewal_confirm_all (f->ws, good, &error));
  g_assert_no_error (error);
  g_clear_pointer (&unconfirmed, g_strfreev);
  unconfirmed = scs_renewal_list_unconfirmed (f->ws, &error);
  g_assert_cmpuint (g_strv_length (unconfirmed), ==, 0);
  g_assert_cmpuint (scs_renewal_start (f->ws, &error), ==, 2);
  g_assert_no_error (error);
}

static void
test_compare_exact_changes (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) diffs = NULL;
  g_auto(GStrv) unconfirmed = NULL;
  g_autoptr(GHashTable) changed = g_hash_table_new (g_str_hash, g_str_equal);

  answer (f->ws, "1-3-1-3", SCS_ANSWER_MET, "A", NULL);
  answer (f->ws, "1-2-1-1", SCS_ANSWER_NOT_MET, NULL, NULL);
  answer (f->ws, "2-1-1-1", SCS_ANSWER_MET, "keep", NULL);
  answer (f->ws, "3-1-1-1", SCS_ANSWER_MET, NULL, NULL);
  g_assert_cmpuint (scs_renewal_start (f->ws, &error), ==, 1);

  answer (f->ws, "1-2-1-1", SCS_ANSWER_MET, NULL, NULL);          /* state changed */
  g_assert_true (scs_workspace_set_note (f->ws, "1-3-1-3", "B", &error)); /* note changed */
  answer (f->ws, "5-1-1-1", SCS_ANSWER_NOT_MET, NULL, NULL);      /* new answer */
  g_assert_true (scs_renewal_confirm (f->ws, "2-1-1-1", &error));  /* confirmed, unchanged */
  g_assert_no_error (error);
  /* Confirming twice is refused. */
  g_assert_false (scs_renewal_confirm (f->ws, "2-1-1-1", &error));
  g_assert_error (error, SCS_RENEWAL_ERROR, SCS_RENEWAL_ERROR_INVALID);
  g_clear_error (&error);

  diffs = scs_renewal_compare (f->ws, 0, 1, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < diffs->len; i++)
    {
      ScsCycleDiff *d = g_ptr_array_index (diffs, i);

      if (d->changes != 0)
        g_hash_table_add (changed, d->criterion_id);
      if (g_str_equal (d->criterion_id, "1-2-1-1"))
        {
          g_assert_cmpint (d->changes, ==, SCS_CHANGE_STATE);
          g_assert_cmpint (d->old_state, ==, SCS_ANSWER_NOT_MET);
          g_assert_cmpint (d->new_state, ==, SCS_ANSWER_MET);
          g_assert_true (d->reconfirmed);
        }
      else if (g_str_equal (d->criterion_id, "1-3-1-3"))
        {
          g_assert_cmpint (d->changes, ==, SCS_CHANGE_NOTE);
          g_assert_cmpstr (d->old_note, ==, "A");
          g_assert_cmpstr (d->new_note, ==, "B");
        }
      else if (g_str_equal (d->criterion_id, "2-1-1-1"))
        {
          g_assert_true (d->carried);
          g_assert_true (d->reconfirmed);
        }
      else if (g_str_equal (d->criterion_id, "3-1-1-1"))
        {
          g_assert_true (d->carried);
          g_assert_false (d->reconfirmed);
        }
      else if (g_str_equal (d->criterion_id, "5-1-1-1"))
        {
          g_assert_false (d->carried);
          g_assert_cmpint (d->old_state, ==, SCS_ANSWER_UNANSWERED);
        }
    }
  /* Exactly the three changed items. */
  g_assert_cmpuint (g_hash_table_size (changed), ==, 3);
  g_assert_true (g_hash_table_contains (changed, "1-2-1-1"));
  g_assert_true (g_hash_table_contains (changed, "1-3-1-3"));
  g_assert_true (g_hash_table_contains (changed, "5-1-1-1"));

  unconfirmed = scs_renewal_list_unconfirmed (f->ws, &error);
  g_assert_cmpstrv (unconfirmed, ((const char *[]) { "3-1-1-1", NULL }));

  g_clear_pointer (&diffs, g_ptr_array_unref);
  diffs = scs_renewal_compare (f->ws, 0, 7, &error);
  g_assert_null (diffs);
  g_assert_error (error, SCS_RENEWAL_ERROR, SCS_RENEWAL_ERROR_INVALID);
}

static void
test_validity_data (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsValidity) v = scs_validity_load_default (&error);
  g_autoptr(GDate) obtained = scs_date_parse_iso ("2027-04-01");
  g_autoptr(GDate) e3 = NULL;
  g_autoptr(GDate) e4 = NULL;
  g_autoptr(GDate) today = scs_date_parse_iso ("2028-03-01");
  g_autofree char *s3 = NULL;
  g_autofree char *s4 = NULL;
  gint days;

  g_assert_no_error (error);
  g_assert_true (scs_validity_is_provisional (v));
  g_assert_cmpuint (scs_validity_get_years (v, 3), ==, 1);
  g_assert_cmpuint (scs_validity_get_years (v, 4), ==, 3);
  e3 = scs_validity_compute_expiry (v, 3, obtained);
  e4 = scs_validity_compute_expiry (v, 4, obtained);
  s3 = scs_date_to_iso (e3);
  s4 = scs_date_to_iso (e4);
  g_assert_cmpstr (s3, ==, "2028-03-31");
  g_assert_cmpstr (s4, ==, "2030-03-31");
  g_assert_cmpint (scs_expiry_state (v, 3, e3, today, &days), ==, SCS_EXPIRY_SOON);
  g_assert_cmpint (days, ==, 30);
  g_date_add_days (today, 31);
  g_assert_cmpint (scs_expiry_state (v, 3, e3, today, &days), ==, SCS_EXPIRY_EXPIRED);
  g_assert_cmpint (days, ==, -1);
  g_assert_cmpint (scs_expiry_state (v, 4, e4, today, &days), ==, SCS_EXPIRY_VALID);

  g_assert_nonnull (scs_validity_lookup_change (v, "scope"));
  g_assert_nonnull (scs_validity_lookup_change (v, "cloud-migration"));
  g_assert_cmpuint (scs_validity_get_n_changes (v), ==, 6);
  /* The rules as data: "other" says what changed in words; a minor change
   * needs a renewed self-declaration at ★4 only; the correction report's
   * period is the policy's example, so provisional, and ★3 has none. */
  g_assert_true (scs_validity_lookup_change (v, "other")->description_required);
  g_assert_false (scs_validity_lookup_change (v, "scope")->description_required);
  g_assert_false (scs_validity_minor_change_needs_declaration (v, 3));
  g_assert_true (scs_validity_minor_change_needs_declaration (v, 4));
  {
    gboolean provisional = FALSE;

    g_assert_cmpuint (scs_validity_get_correction_months (v, 4, &provisional), ==, 1);
    g_assert_true (provisional);
    g_assert_cmpuint (scs_validity_get_correction_months (v, 3, &provisional), ==, 0);
  }

  g_assert_null (scs_date_parse_iso ("2027-02-30"));
  g_assert_null (scs_date_parse_iso ("27-02-03"));
}

static void
test_validity_from_other_data (void)
{
  g_autoptr(GError) error = NULL;
  const char *two_years =
    "<validity provisional='false'><level star='3' years='2'/><level star='4' years='5'/></validity>";
  g_autoptr(GBytes) bytes = g_bytes_new_static (two_years, strlen (two_years));
  g_autoptr(ScsValidity) v = scs_validity_load_bytes (bytes, &error);
  const char *broken = "<validity><level star='3' years='x'/></validity>";
  const char *bad_minor =
    "<validity><level star='3' years='1'/><level star='4' years='3'/>"
    "<minor-change star='4' needs='a-phone-call'/></validity>";
  const char *bad_correction =
    "<validity><level star='3' years='1'/><level star='4' years='3'/>"
    "<correction-report star='5' months='1'/></validity>";
  g_autoptr(GBytes) broken_bytes = g_bytes_new_static (broken, strlen (broken));
  ScsValidity *none;

  g_assert_no_error (error);
  g_assert_cmpuint (scs_validity_get_years (v, 3), ==, 2);
  g_assert_false (scs_validity_is_provisional (v));

  none = scs_validity_load_bytes (broken_bytes, &error);
  g_assert_null (none);
  g_assert_error (error, SCS_RENEWAL_ERROR, SCS_RENEWAL_ERROR_DATA);
  g_clear_error (&error);
  for (guint i = 0; i < 2; i++)
    {
      const char *text = i == 0 ? bad_minor : bad_correction;
      g_autoptr(GBytes) b = g_bytes_new_static (text, strlen (text));

      none = scs_validity_load_bytes (b, &error);
      g_assert_null (none);
      g_assert_error (error, SCS_RENEWAL_ERROR, SCS_RENEWAL_ERROR_DATA);
      g_assert_nonnull (strstr (error->message, "Line 1"));
      g_clear_error (&error);
    }
  /* Without the elements: nothing needed, no period. */
  g_assert_false (scs_validity_minor_change_needs_declaration (v, 4));
  g_assert_cmpuint (scs_validity_get_correction_months (v, 4, NULL), ==, 0);
}

static void
test_certification_and_changes (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsValidity) v = scs_validity_load_default (&error);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *obtained = NULL;
  g_auto(GStrv) kinds = NULL;
  guint level = 0;

  g_assert_false (scs_renewal_get_certification (f->ws, &level, &obtained, &error));
  g_assert_no_error (error);
  /* Refused: nothing answered, a date in the future, a level above the target. */
  g_assert_false (scs_renewal_record_certification (f->ws, 3, "2026-04-01", NULL, &error));
  g_assert_error (error, SCS_RENEWAL_ERROR, SCS_RENEWAL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (scs_workspace_set_answer (f->ws, "1-2-1-1", SCS_ANSWER_MET, NULL, NULL, &error));
  g_assert_false (scs_renewal_record_certification (f->ws, 3, "2099-04-01", NULL, &error));
  g_assert_error (error, SCS_RENEWAL_ERROR, SCS_RENEWAL_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "future"));
  g_clear_error (&error);
  g_assert_false (scs_renewal_record_certification (f->ws, 4, "2026-04-01", NULL, &error));
  g_assert_error (error, SCS_RENEWAL_ERROR, SCS_RENEWAL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (scs_renewal_get_certification (f->ws, &level, &obtained, &error));

  g_assert_false (scs_renewal_set_registry (f->ws, NULL, NULL, "suspended", &error));
  g_assert_error (error, SCS_RENEWAL_ERROR, SCS_RENEWAL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (scs_renewal_record_certification (f->ws, 3, "2026-04-01", "SCS-000123", &error));
  g_assert_no_error (error);
  /* ★3's registry entry names no evaluation body; any star can be suspended. */
  g_assert_false (scs_renewal_set_registry (f->ws, "評価機関A", NULL, NULL, &error));
  g_assert_error (error, SCS_RENEWAL_ERROR, SCS_RENEWAL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (scs_renewal_set_registry (f->ws, NULL, NULL, "revoked", &error));
  g_assert_error (error, SCS_RENEWAL_ERROR, SCS_RENEWAL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (scs_renewal_set_registry (f->ws, NULL, NULL, "withdrawn", &error));
  g_assert_no_error (error);
  g_assert_true (scs_renewal_get_certification (f->ws, &level, &obtained, &error));
  g_assert_cmpuint (level, ==, 3);
  g_assert_cmpstr (obtained, ==, "2026-04-01");

  g_assert_true (scs_renewal_record_change (f->ws, v, "cloud-migration", "メールをクラウドへ", &error));
  g_assert_no_error (error);
  kinds = scs_renewal_list_changes (f->ws, &error);
  g_assert_cmpstrv (kinds, ((const char *[]) { "cloud-migration", NULL }));

  /* Refusals change nothing. */
  g_clear_object (&f->ws);
  before = core_test_file_sha256 (f->path);
  f->ws = scs_workspace_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_false (scs_renewal_record_change (f->ws, v, "new-printer", NULL, &error));
  g_assert_error (error, SCS_RENEWAL_ERROR, SCS_RENEWAL_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "new-printer"));
  g_clear_error (&error);
  g_assert_false (scs_renewal_record_certification (f->ws, 3, "2027-13-01", NULL, &error));
  g_assert_error (error, SCS_RENEWAL_ERROR, SCS_RENEWAL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (scs_renewal_record_certification (f->ws, 5, "2027-01-01", NULL, &error));
  g_assert_error (error, SCS_RENEWAL_ERROR, SCS_RENEWAL_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_object (&f->ws);
  after = core_test_file_sha256 (f->path);
  g_assert_cmpstr (before, ==, after);
  f->ws = scs_workspace_open (f->path, &error);
  g_assert_no_error (error);
}

/* A ★4 life cycle: valid until, yearly self-assessment, re-evaluation,
 * the correction report of an open finding, suspension; "other" changes
 * need a description. */
static void
test_life_cycle (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsValidity) v = scs_validity_load_default (&error);
  g_autoptr(ScsWorkspace) ws4 = NULL;
  g_autofree char *path4 = g_build_filename (f->dir, "star4.scsw", NULL);
  g_autoptr(GDate) today = scs_date_parse_iso ("2026-06-20");
  g_autoptr(GPtrArray) events = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const ScsLifeEvent *e;

  ws4 = core_test_workspace_new (path4, "株式会社ヨン", 4, "SME staff");
  events = scs_renewal_list_life_cycle (ws4, v, today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 0);
  g_clear_pointer (&events, g_ptr_array_unref);

  answer (ws4, "1-2-1-1", SCS_ANSWER_MET, NULL, NULL);
  g_assert_true (scs_renewal_record_certification (ws4, 4, "2025-07-01", "R4-1", &error));
  g_assert_no_error (error);
  g_assert_true (scs_renewal_record_finding (ws4, "2026-05-31", NULL, &error));
  g_assert_no_error (error);

  events = scs_renewal_list_life_cycle (ws4, v, today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 4);
  /* soonest first: the correction report a month after the finding */
  e = g_ptr_array_index (events, 0);
  g_assert_cmpint (e->kind, ==, SCS_LIFE_CORRECTION);
  g_assert_cmpstr (e->date, ==, "2026-06-30");
  g_assert_cmpint (e->days_left, ==, 10);
  g_assert_cmpint (e->urgency, ==, SCS_LIFE_SOON);
  g_assert_true (e->provisional);
  e = g_ptr_array_index (events, 1);
  g_assert_cmpint (e->kind, ==, SCS_LIFE_SELF_ASSESSMENT);
  g_assert_cmpstr (e->date, ==, "2026-07-01");
  e = g_ptr_array_index (events, 2);
  g_assert_cmpint (e->kind, ==, SCS_LIFE_VALID_UNTIL);
  g_assert_cmpstr (e->date, ==, "2028-06-30");
  g_assert_cmpint (e->urgency, ==, SCS_LIFE_OK);
  e = g_ptr_array_index (events, 3);
  g_assert_cmpint (e->kind, ==, SCS_LIFE_RENEWAL);
  g_clear_pointer (&events, g_ptr_array_unref);

  /* Corrected: no longer due. Suspended: shown first, as overdue. */
  g_assert_true (scs_renewal_record_finding (ws4, "2026-05-31", "2026-06-15", &error));
  g_assert_true (scs_renewal_set_registry (ws4, NULL, NULL, "suspended", &error));
  g_assert_no_error (error);
  events = scs_renewal_list_life_cycle (ws4, v, today, &error);
  g_assert_cmpuint (events->len, ==, 4);
  e = g_ptr_array_index (events, 0);
  g_assert_cmpint (e->kind, ==, SCS_LIFE_STATUS);
  g_assert_null (e->date);
  g_assert_cmpint (e->urgency, ==, SCS_LIFE_OVERDUE);
  for (guint i = 0; i < events->len; i++)
    g_assert_cmpint (((ScsLifeEvent *) g_ptr_array_index (events, i))->kind, !=, SCS_LIFE_CORRECTION);

  /* Refusals write nothing. */
  g_clear_object (&ws4);
  before = core_test_file_sha256 (path4);
  ws4 = scs_workspace_open (path4, &error);
  g_assert_no_error (error);
  g_assert_false (scs_renewal_record_change (ws4, v, "other", "  ", &error));
  g_assert_error (error, SCS_RENEWAL_ERROR, SCS_RENEWAL_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "description"));
  g_clear_error (&error);
  g_assert_false (scs_renewal_record_finding (ws4, "2099-01-01", NULL, &error));
  g_assert_error (error, SCS_RENEWAL_ERROR, SCS_RENEWAL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (scs_renewal_record_finding (ws4, "2026-06-01", "2026-05-01", &error));
  g_assert_error (error, SCS_RENEWAL_ERROR, SCS_RENEWAL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (scs_renewal_record_finding (ws4, "yesterday", NULL, &error));
  g_assert_error (error, SCS_RENEWAL_ERROR, SCS_RENEWAL_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_object (&ws4);
  after = core_test_file_sha256 (path4);
  g_assert_cmpstr (before, ==, after);

  ws4 = scs_workspace_open (path4, &error);
  g_assert_true (scs_renewal_record_change (ws4, v, "other", "基幹システムの委託先を変更", &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  scs_i18n_init ("en");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/scs/renewal/start-carries-forward", Fixture, NULL,
              fixture_set_up, test_start_carries_forward, fixture_tear_down);
  g_test_add ("/scs/renewal/confirm-all-and-open", Fixture, NULL,
              fixture_set_up, test_confirm_all_and_open, fixture_tear_down);
  g_test_add ("/scs/renewal/compare-exact-changes", Fixture, NULL,
              fixture_set_up, test_compare_exact_changes, fixture_tear_down);
  g_test_add ("/scs/renewal/certification-and-changes", Fixture, NULL,
              fixture_set_up, test_certification_and_changes, fixture_tear_down);
  g_test_add ("/scs/renewal/life-cycle", Fixture, NULL, fixture_set_up, test_life_cycle, fixture_tear_down);
  g_test_add_func ("/scs/renewal/validity-data", test_validity_data);
  g_test_add_func ("/scs/renewal/validity-from-other-data", test_validity_from_other_data);

  return g_test_run ();
}
