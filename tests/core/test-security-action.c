/* test-security-action.c: workspace types, and the SECURITY ACTION ★2 self-check
 *
 * A workspace records its type once, at creation, and keeps it when
 * reopened; a file with no recorded type is an SCS assessment. The ★2
 * self-check scores 4 / 2 / 0 / −1 (not applicable scored as done but
 * counted apart) and falls into its band on both sides of every boundary
 * (100, 99→70, 69→50, 49 and below, down to −25). Answers and the
 * declaration record are stored durably with their audit rows; bad input
 * (question 0 or 26, an ID that is not 11 digits, a date that is not one,
 * a URL that is not a web address, an SCS workspace) is refused with
 * nothing written. The basic policy renders as a one-page PDF with the
 * commitment, the five themes, the date and the signatory, in Japanese and
 * in English; the on-ramp creates a ★3 workspace for the same organisation
 * and records the related ★3 requirements of our mapping, gaps marked.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <poppler.h>
#include <sqlite3.h>

#include "scs-i18n.h"
#include "scs-security-action.h"
#include "scs-workspace.h"

#include "core-test-util.h"

typedef struct
{
  char         *dir;
  char         *path;
  ScsWorkspace *workspace;
} Fixture;

static ScsWorkspace *
create_typed (const char       *path,
              ScsWorkspaceType  type)
{
  g_autoptr(ScsOrganization) org = scs_organization_new ();
  g_autoptr(ScsCatalog) catalog = scs_catalog_new_builtin ();
  g_autoptr(GError) error = NULL;
  ScsWorkspace *workspace;

  org->name = g_strdup ("株式会社テスト商店");
  org->corporate_number = g_strdup (CORE_TEST_CORPORATE_NUMBER);
  workspace = scs_workspace_create_typed (path, type, org, 3, catalog, &error);
  g_assert_no_error (error);
  return workspace;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = core_test_make_tmp_dir ("scs-security-action-XXXXXX");
  fixture->path = g_build_filename (fixture->dir, "shop.scsw", NULL);
  fixture->workspace = create_typed (fixture->path, SCS_WORKSPACE_TYPE_SECURITY_ACTION);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->workspace);
  core_test_rm_rf (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static void
test_type_recorded (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *scs_path = g_build_filename (fixture->dir, "scs.scsw", NULL);
  g_autofree char *jc_path = g_build_filename (fixture->dir, "product.scsw", NULL);
  g_autoptr(ScsWorkspace) scs = NULL;
  g_autoptr(ScsWorkspace) jc = NULL;
  g_autoptr(ScsWorkspace) again = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GError) error = NULL;
  gboolean audited = FALSE;
  sqlite3 *db;

  g_assert_cmpint (scs_workspace_get_workspace_type (fixture->workspace), ==,
                   SCS_WORKSPACE_TYPE_SECURITY_ACTION);
  audit = scs_workspace_list_audit (fixture->workspace, 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < audit->len; i++)
    {
      ScsAuditEntry *entry = g_ptr_array_index (audit, i);

      if (g_str_equal (entry->action, "workspace-type"))
        audited = g_str_equal (entry->new_value, "security-action");
    }
  g_assert_true (audited);

  /* The default and the other type; each one survives reopening. */
  scs = core_test_workspace_new (scs_path, "株式会社テスト", 3, NULL);
  g_assert_cmpint (scs_workspace_get_workspace_type (scs), ==, SCS_WORKSPACE_TYPE_SCS);
  jc = create_typed (jc_path, SCS_WORKSPACE_TYPE_JCSTAR1);
  g_clear_object (&jc);
  jc = scs_workspace_open (jc_path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (scs_workspace_get_workspace_type (jc), ==, SCS_WORKSPACE_TYPE_JCSTAR1);

  /* A file from before the table (row missing, as after the module's
   * migration of an old file) is an SCS assessment. */
  g_clear_object (&fixture->workspace);
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM workspace_type", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  again = scs_workspace_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (scs_workspace_get_workspace_type (again), ==, SCS_WORKSPACE_TYPE_SCS);

  /* Words and labels round-trip; an unknown word is refused. */
  for (guint i = 0; i < SCS_N_WORKSPACE_TYPES; i++)
    {
      ScsWorkspaceType type;

      g_assert_true (scs_workspace_type_from_string (scs_workspace_type_to_string (i), &type));
      g_assert_cmpint (type, ==, i);
      g_assert_cmpstr (scs_workspace_type_get_label (i), !=, "");
    }
  g_assert_false (scs_workspace_type_from_string ("jcstar2", NULL));
}

/* @n_* answers of each kind, the rest done. */
static int
score_of (guint      n_partly,
          guint      n_not_done,
          guint      n_dont_know,
          guint      n_na,
          ScsSaBand *band)
{
  ScsSaAnswer answers[SCS_SECURITY_ACTION_N_QUESTIONS];
  ScsSaScore score;
  guint i = 0;

  g_assert_cmpuint (n_partly + n_not_done + n_dont_know + n_na, <=, SCS_SECURITY_ACTION_N_QUESTIONS);
  for (guint k = 0; k < n_partly; k++)
    answers[i++] = SCS_SA_ANSWER_PARTLY;
  for (guint k = 0; k < n_not_done; k++)
    answers[i++] = SCS_SA_ANSWER_NOT_DONE;
  for (guint k = 0; k < n_dont_know; k++)
    answers[i++] = SCS_SA_ANSWER_DONT_KNOW;
  for (guint k = 0; k < n_na; k++)
    answers[i++] = SCS_SA_ANSWER_NOT_APPLICABLE;
  while (i < SCS_SECURITY_ACTION_N_QUESTIONS)
    answers[i++] = SCS_SA_ANSWER_DONE;

  scs_sa_score (answers, &score);
  g_assert_cmpuint (score.n_unanswered, ==, 0);
  g_assert_cmpuint (score.n_dont_know, ==, n_dont_know);
  g_assert_cmpuint (score.n_not_applicable, ==, n_na);
  *band = score.band;
  return score.total;
}

static void
test_bands (void)
{
  ScsSaAnswer answers[SCS_SECURITY_ACTION_N_QUESTIONS] = { 0 };
  ScsSaScore score;
  ScsSaBand band;

  /* 100: everything done; not applicable counts as done. */
  g_assert_cmpint (score_of (0, 0, 0, 0, &band), ==, 100);
  g_assert_cmpint (band, ==, SCS_SA_BAND_ACHIEVED);
  g_assert_cmpint (score_of (0, 0, 0, 3, &band), ==, 100);
  g_assert_cmpint (band, ==, SCS_SA_BAND_ACHIEVED);
  /* 98, the highest total below 100 (99 cannot be reached). */
  g_assert_cmpint (score_of (1, 0, 0, 0, &band), ==, 98);
  g_assert_cmpint (band, ==, SCS_SA_BAND_MOSTLY);
  /* 70 and 69 */
  g_assert_cmpint (score_of (0, 0, 6, 0, &band), ==, 70);
  g_assert_cmpint (band, ==, SCS_SA_BAND_MOSTLY);
  g_assert_cmpint (score_of (1, 1, 5, 0, &band), ==, 69);
  g_assert_cmpint (band, ==, SCS_SA_BAND_GAPS);
  /* 50 and 49 */
  g_assert_cmpint (score_of (0, 0, 10, 0, &band), ==, 50);
  g_assert_cmpint (band, ==, SCS_SA_BAND_GAPS);
  g_assert_cmpint (score_of (1, 1, 9, 0, &band), ==, 49);
  g_assert_cmpint (band, ==, SCS_SA_BAND_URGENT);
  /* 0 and the floor, −25 */
  g_assert_cmpint (score_of (0, 25, 0, 0, &band), ==, 0);
  g_assert_cmpint (band, ==, SCS_SA_BAND_URGENT);
  g_assert_cmpint (score_of (0, 0, 25, 0, &band), ==, -25);
  g_assert_cmpint (band, ==, SCS_SA_BAND_URGENT);

  /* The thresholds themselves, on the total alone. */
  g_assert_cmpint (scs_sa_band_for_total (99), ==, SCS_SA_BAND_MOSTLY);
  g_assert_cmpint (scs_sa_band_for_total (71), ==, SCS_SA_BAND_MOSTLY);
  g_assert_cmpint (scs_sa_band_for_total (51), ==, SCS_SA_BAND_GAPS);

  /* One unanswered question: no band, whatever the total. */
  for (guint i = 0; i < SCS_SECURITY_ACTION_N_QUESTIONS - 1; i++)
    answers[i] = SCS_SA_ANSWER_DONE;
  scs_sa_score (answers, &score);
  g_assert_cmpint (score.total, ==, 96);
  g_assert_cmpuint (score.n_unanswered, ==, 1);
  g_assert_cmpint (score.band, ==, SCS_SA_BAND_INCOMPLETE);
}

/* Every band and every answer: its word, its English label and, for a
 * band, the next step. */
static void
test_band_and_answer_words (void)
{
  static const struct { ScsSaBand band; const char *word; const char *label; const char *next; } bands[] = {
    { SCS_SA_BAND_INCOMPLETE, "incomplete", "Not every question is answered yet",
      "Answer the remaining questions." },
    { SCS_SA_BAND_ACHIEVED, "achieved", "The basic measures are in place",
      "Keep it up and look at further measures, such as the SCS ★3 assessment." },
    { SCS_SA_BAND_MOSTLY, "mostly", "Mostly in place, with some gaps", "Fix the weak items and aim for 100 points." },
    { SCS_SA_BAND_GAPS, "gaps", "Clear gaps", "Improve, starting with the lowest-scoring items." },
    { SCS_SA_BAND_URGENT, "urgent", "An incident could happen at any time", "Improve urgently." },
  };
  static const struct { ScsSaAnswer answer; const char *word; const char *label; } answers[] = {
    { SCS_SA_ANSWER_NONE, "", "Not answered" },
    { SCS_SA_ANSWER_DONE, "done", "Done" },
    { SCS_SA_ANSWER_PARTLY, "partly", "Partly done" },
    { SCS_SA_ANSWER_NOT_DONE, "not-done", "Not done" },
    { SCS_SA_ANSWER_DONT_KNOW, "dont-know", "Don’t know" },
    { SCS_SA_ANSWER_NOT_APPLICABLE, "na", "Not applicable (scored as done)" },
  };
  ScsSaAnswer answer;

  for (guint i = 0; i < G_N_ELEMENTS (bands); i++)
    {
      g_assert_cmpstr (scs_sa_band_to_string (bands[i].band), ==, bands[i].word);
      g_assert_cmpstr (scs_sa_band_get_label (bands[i].band), ==, bands[i].label);
      g_assert_cmpstr (scs_sa_band_get_next_step (bands[i].band), ==, bands[i].next);
    }
  for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
    {
      g_assert_cmpstr (scs_sa_answer_to_string (answers[i].answer), ==, answers[i].word);
      g_assert_cmpstr (scs_sa_answer_get_label (answers[i].answer), ==, answers[i].label);
      if (i > 0)
        {
          g_assert_true (scs_sa_answer_from_string (answers[i].word, &answer));
          g_assert_cmpint (answer, ==, answers[i].answer);
        }
    }
  g_assert_false (scs_sa_answer_from_string ("", &answer));
  g_assert_false (scs_sa_answer_from_string (NULL, &answer));
}

static void
test_texts (void)
{
  guint groups[4] = { 0 };

  g_assert_cmpuint (scs_security_action_get_n_pledge_items (), ==, 5);
  g_assert_cmpuint (scs_security_action_get_n_policy_themes (), ==, 5);
  for (guint i = 1; i <= SCS_SECURITY_ACTION_N_QUESTIONS; i++)
    {
      g_assert_nonnull (scs_security_action_get_question (i));
      groups[scs_security_action_get_question_group (i)]++;
    }
  g_assert_null (scs_security_action_get_question (0));
  g_assert_null (scs_security_action_get_question (26));
  /* basic 1–5, staff 6–18, organisation 19–25 */
  g_assert_cmpuint (groups[1], ==, 5);
  g_assert_cmpuint (groups[2], ==, 13);
  g_assert_cmpuint (groups[3], ==, 7);
  g_assert_cmpuint (scs_security_action_get_question_group (6), ==, 2);
  g_assert_cmpuint (scs_security_action_get_question_group (19), ==, 3);
  g_assert_true (g_str_has_prefix (scs_security_action_get_question (11), "Important data is backed up"));
}

static void
test_answers_stored (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(ScsWorkspace) again = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  ScsSaAnswer answers[SCS_SECURITY_ACTION_N_QUESTIONS];
  ScsSaScore score;
  guint n_audit = 0;

  for (guint i = 1; i <= SCS_SECURITY_ACTION_N_QUESTIONS; i++)
    {
      scs_security_action_set_answer (fixture->workspace, i, SCS_SA_ANSWER_DONE, &error);
      g_assert_no_error (error);
    }
  scs_security_action_set_answer (fixture->workspace, 9, SCS_SA_ANSWER_DONT_KNOW, &error);
  g_assert_no_error (error);
  scs_security_action_set_answer (fixture->workspace, 21, SCS_SA_ANSWER_NOT_APPLICABLE, &error);
  g_assert_no_error (error);

  /* Refused, nothing written. */
  before = core_test_file_state (fixture->path, FALSE);
  g_assert_false (scs_security_action_set_answer (fixture->workspace, 0, SCS_SA_ANSWER_DONE, &error));
  g_assert_error (error, SCS_SECURITY_ACTION_ERROR, SCS_SECURITY_ACTION_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (scs_security_action_set_answer (fixture->workspace, 26, SCS_SA_ANSWER_DONE, &error));
  g_assert_error (error, SCS_SECURITY_ACTION_ERROR, SCS_SECURITY_ACTION_ERROR_INVALID);
  g_clear_error (&error);
  after = core_test_file_state (fixture->path, FALSE);
  g_assert_cmpstr (before, ==, after);

  g_clear_object (&fixture->workspace);
  again = scs_workspace_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (scs_security_action_get_answers (again, answers, &error));
  g_assert_no_error (error);
  g_assert_cmpint (answers[8], ==, SCS_SA_ANSWER_DONT_KNOW);
  g_assert_cmpint (answers[20], ==, SCS_SA_ANSWER_NOT_APPLICABLE);
  scs_sa_score (answers, &score);
  g_assert_cmpint (score.total, ==, 95);
  g_assert_cmpint (score.band, ==, SCS_SA_BAND_MOSTLY);
  g_assert_cmpuint (score.n_dont_know, ==, 1);

  audit = scs_workspace_list_audit (again, 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < audit->len; i++)
    {
      ScsAuditEntry *entry = g_ptr_array_index (audit, i);

      if (g_str_equal (entry->action, "sa-answer"))
        {
          n_audit++;
          if (g_str_equal (entry->target, "self-check 9") && g_strcmp0 (entry->old_value, "done") == 0)
            g_assert_cmpstr (entry->new_value, ==, "dont-know");
        }
    }
  g_assert_cmpuint (n_audit, ==, 27);
}

/* The ★1 pledge: items pledged and the date survive reopening, audited;
 * a pledge item out of range or a date that is not one is refused with
 * nothing written; the pledge does not touch the self-check answers. */
static void
test_pledge (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(ScsWorkspace) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *date = NULL;
  gboolean items[5] = { FALSE };
  ScsSaAnswer answers[SCS_SECURITY_ACTION_N_QUESTIONS];
  ScsSaScore score;

  g_assert_true (scs_security_action_get_pledge (fixture->workspace, items, &date, &error));
  g_assert_no_error (error);
  g_assert_null (date);
  g_assert_false (items[0]);
  for (guint i = 1; i <= 5; i++)
    g_assert_true (scs_security_action_set_pledge_item (fixture->workspace, i, i != 4, &error));
  g_assert_true (scs_security_action_set_pledge_date (fixture->workspace, "2026-12-01", &error));
  g_assert_no_error (error);

  before = core_test_file_state (fixture->path, FALSE);
  g_assert_false (scs_security_action_set_pledge_item (fixture->workspace, 6, TRUE, &error));
  g_assert_error (error, SCS_SECURITY_ACTION_ERROR, SCS_SECURITY_ACTION_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (scs_security_action_set_pledge_date (fixture->workspace, "2026-02-30", &error));
  g_assert_error (error, SCS_SECURITY_ACTION_ERROR, SCS_SECURITY_ACTION_ERROR_INVALID);
  g_clear_error (&error);
  after = core_test_file_state (fixture->path, FALSE);
  g_assert_cmpstr (before, ==, after);

  g_clear_object (&fixture->workspace);
  again = scs_workspace_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (scs_security_action_get_pledge (again, items, &date, &error));
  g_assert_cmpstr (date, ==, "2026-12-01");
  g_assert_true (items[0] && items[1] && items[2] && items[4]);
  g_assert_false (items[3]);
  g_assert_true (scs_security_action_get_answers (again, answers, &error));
  scs_sa_score (answers, &score);
  g_assert_cmpuint (score.n_unanswered, ==, SCS_SECURITY_ACTION_N_QUESTIONS);
}

static void
test_declaration (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *scs_path = g_build_filename (fixture->dir, "scs.scsw", NULL);
  g_autoptr(ScsWorkspace) scs = NULL;
  g_autoptr(ScsSaDeclaration) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  ScsSaDeclaration declaration = { NULL, NULL, 2, NULL };
  struct { const char *id, *date, *url; guint level; } bad[] = {
    { "4123456789", NULL, NULL, 2 },           /* 10 digits */
    { "4123456789a", NULL, NULL, 2 },
    { "41234567890", "2026-02-30", NULL, 2 },
    { "41234567890", "2026-12-01", "ftp://example.jp/p.pdf", 2 },
    { "41234567890", "2026-12-01", NULL, 3 },
  };

  g_assert_null (scs_security_action_get_declaration (fixture->workspace, &error));
  g_assert_no_error (error);

  before = core_test_file_state (fixture->path, FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      ScsSaDeclaration wrong = { (char *) bad[i].id, (char *) bad[i].date, bad[i].level, (char *) bad[i].url };

      g_assert_false (scs_security_action_set_declaration (fixture->workspace, &wrong, &error));
      g_assert_error (error, SCS_SECURITY_ACTION_ERROR, SCS_SECURITY_ACTION_ERROR_INVALID);
      g_clear_error (&error);
    }
  after = core_test_file_state (fixture->path, FALSE);
  g_assert_cmpstr (before, ==, after);

  declaration.declaration_id = (char *) "41234567890";
  declaration.declared = (char *) "2026-12-01";
  declaration.policy_url = (char *) "https://example.jp/security-policy";
  g_assert_true (scs_security_action_set_declaration (fixture->workspace, &declaration, &error));
  g_assert_no_error (error);
  stored = scs_security_action_get_declaration (fixture->workspace, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored->declaration_id, ==, "41234567890");
  g_assert_cmpstr (stored->declared, ==, "2026-12-01");
  g_assert_cmpuint (stored->level, ==, 2);
  g_assert_cmpstr (stored->policy_url, ==, "https://example.jp/security-policy");

  /* An SCS workspace has no self-check. */
  scs = core_test_workspace_new (scs_path, "株式会社テスト", 3, NULL);
  g_assert_false (scs_security_action_set_answer (scs, 1, SCS_SA_ANSWER_DONE, &error));
  g_assert_error (error, SCS_SECURITY_ACTION_ERROR, SCS_SECURITY_ACTION_ERROR_WRONG_TYPE);
  g_clear_error (&error);
  g_assert_false (scs_security_action_set_declaration (scs, &declaration, &error));
  g_assert_error (error, SCS_SECURITY_ACTION_ERROR, SCS_SECURITY_ACTION_ERROR_WRONG_TYPE);
}

static char *
pdf_text (GBytes *pdf,
          guint  *n_pages)
{
  g_autoptr(GError) error = NULL;
  PopplerDocument *doc = poppler_document_new_from_bytes (pdf, NULL, &error);
  PopplerPage *page;
  char *text;

  g_assert_no_error (error);
  *n_pages = (guint) poppler_document_get_n_pages (doc);
  page = poppler_document_get_page (doc, 0);
  text = poppler_page_get_text (page);
  g_object_unref (page);
  g_object_unref (doc);
  return text;
}

static void
test_policy_pdf (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GBytes) pdf_ja = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text_ja = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  ScsSaPolicy policy = { (char *) "株式会社テスト商店", (char *) "代表取締役 山田 太郎",
                         (char *) "2026-12-01", NULL };
  ScsSaPolicy bad = { (char *) "株式会社テスト商店", (char *) " ", (char *) "2026-12-01", NULL };
  guint n_pages;

  /* Nothing to render yet; a blank representative or a bad date is refused. */
  g_assert_null (scs_security_action_render_policy (fixture->workspace, &error));
  g_assert_error (error, SCS_SECURITY_ACTION_ERROR, SCS_SECURITY_ACTION_ERROR_INVALID);
  g_clear_error (&error);
  before = core_test_file_state (fixture->path, FALSE);
  g_assert_false (scs_security_action_set_policy (fixture->workspace, &bad, &error));
  g_assert_error (error, SCS_SECURITY_ACTION_ERROR, SCS_SECURITY_ACTION_ERROR_INVALID);
  g_clear_error (&error);
  bad.representative = policy.representative;
  bad.adopted = (char *) "1 December 2026";
  g_assert_false (scs_security_action_set_policy (fixture->workspace, &bad, &error));
  g_assert_error (error, SCS_SECURITY_ACTION_ERROR, SCS_SECURITY_ACTION_ERROR_INVALID);
  g_clear_error (&error);
  after = core_test_file_state (fixture->path, FALSE);
  g_assert_cmpstr (before, ==, after);

  g_assert_true (scs_security_action_set_policy (fixture->workspace, &policy, &error));
  g_assert_no_error (error);

  pdf = scs_security_action_render_policy (fixture->workspace, &error);
  g_assert_no_error (error);
  text = pdf_text (pdf, &n_pages);
  g_assert_cmpuint (n_pages, ==, 1);
  g_assert_nonnull (strstr (text, "Information Security Basic Policy"));
  g_assert_nonnull (strstr (text, "Management leads our information-security work"));
  g_assert_nonnull (strstr (text, "5. When a rule is broken"));
  g_assert_nonnull (strstr (text, "2026-12-01"));
  g_assert_nonnull (strstr (text, "株式会社テスト商店"));
  g_assert_nonnull (strstr (text, "代表取締役 山田 太郎"));

  scs_i18n_init ("ja");
  pdf_ja = scs_security_action_render_policy (fixture->workspace, &error);
  scs_i18n_init ("en");
  g_assert_no_error (error);
  text_ja = pdf_text (pdf_ja, &n_pages);
  g_assert_cmpuint (n_pages, ==, 1);
  g_assert_nonnull (strstr (text_ja, "経営者が先頭に立ち"));
  g_assert_null (strstr (text_ja, "Management leads"));
}

static void
test_onramp (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *star3_path = g_build_filename (fixture->dir, "star3.scsw", NULL);
  g_autoptr(ScsOrganization) source = NULL;
  g_autoptr(ScsOrganization) carried = NULL;
  g_autoptr(ScsWorkspace) star3 = NULL;
  g_autoptr(ScsWorkspace) refused = NULL;
  g_autoptr(GPtrArray) hints = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GError) error = NULL;
  gboolean seen_backup = FALSE, seen_patches = FALSE;

  /* Backups (11) not done; updates (1) done; the rest unanswered. */
  scs_security_action_set_answer (fixture->workspace, 11, SCS_SA_ANSWER_NOT_DONE, &error);
  g_assert_no_error (error);
  scs_security_action_set_answer (fixture->workspace, 1, SCS_SA_ANSWER_DONE, &error);
  g_assert_no_error (error);
  source = scs_workspace_dup_organization (fixture->workspace);
  g_free (source->address);
  source->address = g_strdup ("東京都千代田区1-1");
  g_free (source->contact_email);
  source->contact_email = g_strdup ("info@example.jp");
  scs_workspace_set_organization (fixture->workspace, source, &error);
  g_assert_no_error (error);

  star3 = scs_security_action_start_star3 (fixture->workspace, star3_path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (scs_workspace_get_workspace_type (star3), ==, SCS_WORKSPACE_TYPE_SCS);
  g_assert_cmpuint (scs_workspace_get_target_level (star3), ==, 3);
  carried = scs_workspace_dup_organization (star3);
  g_assert_cmpstr (carried->name, ==, source->name);
  g_assert_cmpstr (carried->corporate_number, ==, source->corporate_number);
  g_assert_cmpstr (carried->address, ==, "東京都千代田区1-1");
  g_assert_cmpstr (carried->contact_email, ==, "info@example.jp");

  hints = scs_security_action_list_onramp (star3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hints->len, >, 10);
  for (guint i = 0; i < hints->len; i++)
    {
      ScsSaOnrampHint *hint = g_ptr_array_index (hints, i);

      /* Every hint names a ★3 requirement of the built-in catalog. */
      g_assert_nonnull (scs_catalog_lookup_requirement (scs_workspace_get_catalog (star3), hint->requirement_id));
      if (g_str_equal (hint->requirement_id, "4-3-4"))
        {
          seen_backup = TRUE;
          g_assert_true (hint->gap);
          g_assert_cmpuint (hint->questions[0], ==, 11);
          g_assert_cmpuint (hint->questions[1], ==, 0);
        }
      if (g_str_equal (hint->requirement_id, "4-4-4"))
        {
          seen_patches = TRUE;
          g_assert_false (hint->gap);
        }
    }
  g_assert_true (seen_backup && seen_patches);

  /* The SECURITY ACTION workspace itself has no hints; an existing file is
   * never overwritten. */
  none = scs_security_action_list_onramp (fixture->workspace, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, 0);
  refused = scs_security_action_start_star3 (fixture->workspace, star3_path, &error);
  g_assert_null (refused);
  g_assert_error (error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_EXISTS);
}

int
main (int   argc,
      char *argv[])
{
  scs_i18n_init ("en");
  g_test_init (&argc, &argv, NULL);
  g_setenv ("SCS_PROFILE", "/nonexistent/profile.ini", TRUE);

  g_test_add ("/scs/security-action/type-recorded", Fixture, NULL, fixture_set_up,
              test_type_recorded, fixture_tear_down);
  g_test_add_func ("/scs/security-action/bands", test_bands);
  g_test_add_func ("/scs/security-action/band-and-answer-words", test_band_and_answer_words);
  g_test_add_func ("/scs/security-action/texts", test_texts);
  g_test_add ("/scs/security-action/answers-stored", Fixture, NULL, fixture_set_up,
              test_answers_stored, fixture_tear_down);
  g_test_add ("/scs/security-action/pledge", Fixture, NULL, fixture_set_up,
              test_pledge, fixture_tear_down);
  g_test_add ("/scs/security-action/declaration", Fixture, NULL, fixture_set_up,
              test_declaration, fixture_tear_down);

  g_test_add ("/scs/security-action/policy-pdf", Fixture, NULL, fixture_set_up,
              test_policy_pdf, fixture_tear_down);
  g_test_add ("/scs/security-action/onramp", Fixture, NULL, fixture_set_up,
              test_onramp, fixture_tear_down);

  return g_test_run ();
}
