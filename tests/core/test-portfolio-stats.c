/* test-portfolio-stats.c: statistics across a generated portfolio — the
 * most often unmet criteria, per category, per client size, and the change
 * since the previous cycle — counted exactly; CSV and PDF read back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <poppler.h>

#include "scs-diagnosis.h"
#include "scs-i18n.h"
#include "scs-jcstar.h"
#include "scs-portfolio.h"
#include "scs-portfolio-stats.h"
#include "scs-renewal.h"
#include "scs-workspace.h"

#include "core-test-util.h"

#define N_CLIENTS 6

typedef struct
{
  char         *dir;
  ScsValidity  *validity;
  GDate        *today;
  ScsPortfolio *portfolio;
  char         *a;       /* the criterion most clients miss */
  char         *b;       /* one fewer miss since the last cycle */
  guint         n_in_category;  /* level-3 criteria in a's category */
} Fixture;

/* Client i: size small (0–2), medium (3–4) or not given (5); every ★3
 * criterion met but a (clients 0–3) and b (clients 0–1). Clients 0 and 1
 * then renew, and client 0 meets b in the new cycle. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  static const char * const sizes[N_CLIENTS] = { "small", "small", "small", "medium", "medium", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsCatalog) catalog = scs_catalog_new_builtin ();
  const GPtrArray *criteria = scs_catalog_get_criteria (catalog);
  g_autoptr(GPtrArray) level3 = g_ptr_array_new ();
  g_autofree char *notes = NULL;

  f->dir = core_test_make_tmp_dir ("scs-stats-XXXXXX");
  f->validity = scs_validity_load_default (&error);
  f->today = scs_date_parse_iso ("2028-03-10");
  for (guint i = 0; i < criteria->len; i++)
    {
      const ScsCriterion *c = g_ptr_array_index (criteria, i);
      if (c->level <= 3)
        g_ptr_array_add (level3, (gpointer) c);
    }
  f->a = g_strdup (((ScsCriterion *) g_ptr_array_index (level3, 0))->id);
  f->b = g_strdup (((ScsCriterion *) g_ptr_array_index (level3, 1))->id);
  for (guint i = 0; i < level3->len; i++)
    if (g_ascii_strtoull (((ScsCriterion *) g_ptr_array_index (level3, i))->id, NULL, 10) ==
        g_ascii_strtoull (f->a, NULL, 10))
      f->n_in_category++;

  for (guint n = 0; n < N_CLIENTS; n++)
    {
      g_autofree char *file = g_strdup_printf ("client-%u.scsw", n);
      g_autofree char *path = g_build_filename (f->dir, file, NULL);
      g_autofree char *name = g_strdup_printf ("株式会社テスト%u", n);
      g_autoptr(ScsWorkspace) ws = core_test_workspace_new (path, name, 3, "vendor");
      g_autoptr(ScsDiagnosis) diagnosis = scs_diagnosis_new (ws);

      for (guint i = 0; i < level3->len; i++)
        {
          const ScsCriterion *c = g_ptr_array_index (level3, i);
          gboolean miss = (g_str_equal (c->id, f->a) && n <= 3) || (g_str_equal (c->id, f->b) && n <= 1);

          g_assert_true (scs_workspace_set_answer (ws, c->id, miss ? SCS_ANSWER_NOT_MET : SCS_ANSWER_MET,
                                                   NULL, NULL, &error));
        }
      if (sizes[n] != NULL)
        g_assert_true (scs_diagnosis_set_client (diagnosis, sizes[n], "manufacturing", &error));
      if (n <= 1)
        g_assert_cmpuint (scs_renewal_start (ws, &error), ==, 1);
      if (n == 0)
        g_assert_true (scs_workspace_set_answer (ws, f->b, SCS_ANSWER_MET, NULL, NULL, &error));
      g_assert_no_error (error);
    }
  /* Another scheme's workspaces, their SCS checklist never answered: left
   * out of the statistics, which count SCS criteria (issue #18). */
  {
    g_autofree char *jc_path = g_build_filename (f->dir, "camera.scsw", NULL);
    g_autofree char *sa_path = g_build_filename (f->dir, "pledge.scsw", NULL);
    g_autoptr(ScsOrganization) org = scs_organization_new ();
    g_autoptr(ScsWorkspace) jc = NULL;
    g_autoptr(ScsWorkspace) sa = NULL;

    org->name = g_strdup ("株式会社テスト電機");
    org->corporate_number = g_strdup (CORE_TEST_CORPORATE_NUMBER);
    jc = scs_workspace_create_typed (jc_path, SCS_WORKSPACE_TYPE_JCSTAR1, org, 3, catalog, &error);
    g_assert_no_error (error);
    g_assert_true (scs_jcstar_set_answer (jc, "S1.1-01", 1, SCS_JC_ANSWER_CONFORMS, NULL, &error));
    g_assert_true (scs_jcstar_set_answer (jc, "S1.1-02", 1, SCS_JC_ANSWER_CONFORMS, NULL, &error));
    g_assert_no_error (error);
    sa = scs_workspace_create_typed (sa_path, SCS_WORKSPACE_TYPE_SECURITY_ACTION, org, 3, catalog, &error);
    g_assert_no_error (error);
  }
  /* Not a workspace: left out of the statistics. */
  notes = g_build_filename (f->dir, "notes.txt", NULL);
  core_test_write_file (notes, "hello", -1);

  f->portfolio = scs_portfolio_new (f->validity, f->today);
  g_assert_true (scs_portfolio_add_folder (f->portfolio, f->dir, NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->portfolio);
  core_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->a);
  g_free (f->b);
  scs_validity_free (f->validity);
  g_date_free (f->today);
}

static const ScsStat *
find_stat (GPtrArray  *stats,
           const char *group,
           const char *criterion_id,
           guint       category)
{
  for (guint i = 0; i < stats->len; i++)
    {
      const ScsStat *s = g_ptr_array_index (stats, i);

      if (g_str_equal (s->group, group) && g_strcmp0 (s->criterion_id, criterion_id) == 0 &&
          (criterion_id != NULL || s->category == category))
        return s;
    }
  return NULL;
}

static void
test_all_clients (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) stats = scs_portfolio_stats_compute (scs_portfolio_get_entries (f->portfolio),
                                                            SCS_STATS_ALL);
  guint category = g_ascii_strtoull (f->a, NULL, 10);
  const ScsStat *s, *first_criterion = NULL;

  /* a: 4 of 6 now; 2 of 2 in the previous cycle (the two that renewed). */
  s = find_stat (stats, "", f->a, 0);
  g_assert_nonnull (s);
  g_assert_cmpuint (s->clients, ==, N_CLIENTS);
  g_assert_cmpuint (s->unmet, ==, 4);
  g_assert_cmpuint (s->previous_clients, ==, 2);
  g_assert_cmpuint (s->previous_unmet, ==, 2);
  g_assert_cmpfloat_with_epsilon (scs_stat_get_rate (s), 400.0 / 6, 1e-9);
  g_assert_cmpfloat_with_epsilon (scs_stat_get_change (s), 400.0 / 6 - 100.0, 1e-9);
  /* b: 1 of 6 now (client 0 met it in the new cycle), 2 of 2 before. */
  s = find_stat (stats, "", f->b, 0);
  g_assert_cmpuint (s->unmet, ==, 1);
  g_assert_cmpuint (s->previous_unmet, ==, 2);
  /* A criterion everyone met. */
  for (guint i = 0; i < stats->len; i++)
    {
      s = g_ptr_array_index (stats, i);
      if (s->criterion_id != NULL && first_criterion == NULL)
        first_criterion = s;
      if (s->criterion_id != NULL && !g_str_equal (s->criterion_id, f->a) && !g_str_equal (s->criterion_id, f->b))
        g_assert_cmpuint (s->unmet, ==, 0);
    }
  /* The most often unmet first, after the category lines. */
  g_assert_cmpstr (first_criterion->criterion_id, ==, f->a);
  g_assert_null (((ScsStat *) g_ptr_array_index (stats, 0))->criterion_id);
  /* The category: client × criterion pairs. */
  s = find_stat (stats, "", NULL, category);
  g_assert_cmpuint (s->clients, ==, N_CLIENTS * f->n_in_category);
  g_assert_cmpuint (s->unmet, ==, 4 + (g_ascii_strtoull (f->b, NULL, 10) == category ? 1 : 0));
}

static void
test_by_size (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) stats = scs_portfolio_stats_compute (scs_portfolio_get_entries (f->portfolio),
                                                            SCS_STATS_BY_SIZE);
  const ScsStat *s;

  s = find_stat (stats, "small", f->a, 0);
  g_assert_cmpuint (s->clients, ==, 3);
  g_assert_cmpuint (s->unmet, ==, 3);
  s = find_stat (stats, "medium", f->a, 0);
  g_assert_cmpuint (s->clients, ==, 2);
  g_assert_cmpuint (s->unmet, ==, 1);
  s = find_stat (stats, "", f->a, 0);
  g_assert_cmpuint (s->clients, ==, 1);
  g_assert_cmpuint (s->unmet, ==, 0);
  /* Groups in the order of the size list, "not given" last. */
  g_assert_cmpstr (((ScsStat *) g_ptr_array_index (stats, 0))->group, ==, "small");
  g_assert_cmpstr (((ScsStat *) g_ptr_array_index (stats, stats->len - 1))->group, ==, "");
  g_assert_null (find_stat (stats, "large", f->a, 0));
}

static void
test_outputs (void)
{
  Fixture fixture = { 0, }, *f = &fixture;
  g_autoptr(GPtrArray) stats = NULL;
  g_autoptr(GBytes) csv = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) doc = NULL;
  g_autoptr(GObject) page = NULL;
  g_autofree char *text = NULL;
  g_autofree char *decoded = NULL;
  const char * const *row;
  gsize size;

  /* Japanese, in a process of its own (GLib decides once whether to
   * translate, and the set-up already translates). */
  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }
  scs_i18n_init ("ja");
  fixture_set_up (f, NULL);
  stats = scs_portfolio_stats_compute (scs_portfolio_get_entries (f->portfolio), SCS_STATS_BY_SIZE);
  csv = scs_portfolio_stats_to_csv (stats, SCS_STATS_BY_SIZE, SCS_CSV_CP932, &error);
  g_assert_no_error (error);
  decoded = scs_csv_decode (g_bytes_get_data (csv, NULL), g_bytes_get_size (csv), &size, NULL, &error);
  g_assert_no_error (error);
  rows = scs_csv_parse (decoded, size, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 1 + stats->len);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (row[0], ==, "区分");
  g_assert_cmpstr (row[6], ==, "未達成率（%）");
  row = g_ptr_array_index (rows, 1);
  g_assert_cmpstr (row[0], ==, "小規模事業者（従業員20人以下）");
  for (guint r = 1; r < rows->len; r++)
    {
      row = g_ptr_array_index (rows, r);
      if (g_str_equal (row[2], f->a) && g_str_equal (row[0], "小規模事業者（従業員20人以下）"))
        {
          g_assert_cmpstr (row[4], ==, "3");
          g_assert_cmpstr (row[6], ==, "100.0");
          g_assert_cmpstr (row[8], ==, "+0.0");
        }
    }

  pdf = scs_portfolio_stats_to_pdf (stats, SCS_STATS_BY_SIZE, 10, "2028-03-10", &error);
  g_assert_no_error (error);
  doc = G_OBJECT (poppler_document_new_from_bytes (pdf, NULL, &error));
  g_assert_no_error (error);
  page = G_OBJECT (poppler_document_get_page (POPPLER_DOCUMENT (doc), 0));
  text = poppler_page_get_text (POPPLER_PAGE (page));
  g_assert_nonnull (strstr (text, f->a));
  g_assert_nonnull (strstr (text, "2028-03-10"));
  g_assert_nonnull (strstr (text, "未達成の多い評価基準"));
  fixture_tear_down (f, NULL);
}

/* A JC-STAR and a SECURITY ACTION workspace in the portfolio: listed with
 * their type and their own answers, never as an unanswered ★3. */
static void
test_other_types (Fixture       *f,
                  gconstpointer  data)
{
  GListModel *entries = scs_portfolio_get_entries (f->portfolio);
  g_autofree char *jc_gaps = NULL;
  g_autoptr(GBytes) csv = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *decoded = NULL;
  gsize size;
  guint found = 0;

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(ScsPortfolioEntry) e = g_list_model_get_item (entries, i);
      ScsWorkspaceType type = scs_portfolio_entry_get_workspace_type (e);

      if (type == SCS_WORKSPACE_TYPE_JCSTAR1)
        {
          g_assert_cmpuint (scs_portfolio_entry_get_items_answered (e), ==, 2);
          /* its diagnosis's gaps: the product record and the unanswered items */
          g_assert_cmpuint (scs_portfolio_entry_get_open_gaps (e), >, 1);
          jc_gaps = g_strdup_printf ("%u", scs_portfolio_entry_get_open_gaps (e));
        }
      else if (type == SCS_WORKSPACE_TYPE_SECURITY_ACTION)
        g_assert_cmpuint (scs_portfolio_entry_get_items_answered (e), ==, 0);
      else
        continue;
      /* no SCS figures feed the statistics */
      g_assert_null (scs_portfolio_entry_get_levels (e));
      found++;
    }
  g_assert_cmpuint (found, ==, 2);

  csv = scs_portfolio_export_csv (entries, SCS_CSV_UTF8_BOM, &error);
  g_assert_no_error (error);
  decoded = scs_csv_decode (g_bytes_get_data (csv, NULL), g_bytes_get_size (csv), &size, NULL, &error);
  g_assert_no_error (error);
  rows = scs_csv_parse (decoded, size, &error);
  g_assert_no_error (error);
  found = 0;
  for (guint r = 1; r < rows->len; r++)
    {
      const char * const *row = g_ptr_array_index (rows, r);

      if (g_str_has_suffix (row[0], "camera.scsw"))
        {
          g_assert_cmpstr (row[4], ==, "JC-STAR ★1");
          g_assert_cmpstr (row[6], ==, "2");
          g_assert_cmpstr (row[7], ==, jc_gaps);
          found++;
        }
    }
  g_assert_cmpuint (found, ==, 1);
}

/* Reminders within 60 days of 2026-03-10: a ★3 expiring 2026-03-31, a ★4
 * (three years) whose yearly self-assessment falls on 2026-04-01; not a
 * ★3 expiring in August. (Stars are recorded only once granted: dates in
 * the past.) */
static void
test_reminders (void)
{
  static const struct { const char *file; guint level; const char *obtained; } clients[] = {
    { "soon.scsw", 3, "2025-04-01" }, { "yearly.scsw", 4, "2024-04-01" }, { "later.scsw", 3, "2025-09-01" },
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = core_test_make_tmp_dir ("scs-remind-XXXXXX");
  g_autoptr(ScsValidity) validity = scs_validity_load_default (&error);
  g_autoptr(GDate) today = scs_date_parse_iso ("2026-03-10");
  g_autoptr(ScsPortfolio) portfolio = scs_portfolio_new (validity, today);
  g_autoptr(GPtrArray) reminders = NULL;
  ScsReminder *r;

  for (guint i = 0; i < G_N_ELEMENTS (clients); i++)
    {
      g_autofree char *path = g_build_filename (dir, clients[i].file, NULL);
      g_autoptr(ScsWorkspace) ws = core_test_workspace_new (path, clients[i].file, clients[i].level, NULL);

      /* A star is recorded only for an assessed workspace. */
      g_assert_true (scs_workspace_set_answer (ws, "1-2-1-1", SCS_ANSWER_MET, NULL, NULL, &error));
      scs_renewal_record_certification (ws, clients[i].level, clients[i].obtained, "R", &error);
      g_assert_no_error (error);
    }
  g_assert_true (scs_portfolio_add_folder (portfolio, dir, NULL, &error));
  reminders = scs_portfolio_list_reminders (scs_portfolio_get_entries (portfolio), today,
                                            SCS_PORTFOLIO_REMINDER_DAYS);
  g_assert_cmpuint (reminders->len, ==, 2);
  r = g_ptr_array_index (reminders, 0);
  g_assert_true (g_str_has_suffix (r->path, "soon.scsw"));
  g_assert_true (r->expiry);
  g_assert_cmpstr (r->date, ==, "2026-03-31");
  g_assert_cmpint (r->days, ==, 21);
  r = g_ptr_array_index (reminders, 1);
  g_assert_true (g_str_has_suffix (r->path, "yearly.scsw"));
  g_assert_false (r->expiry);
  g_assert_cmpstr (r->date, ==, "2026-04-01");
  g_clear_object (&portfolio);
  core_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  scs_i18n_init ("en");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/scs/portfolio-stats/all-clients", test_all_clients);
  ADD ("/scs/portfolio-stats/by-size", test_by_size);
  ADD ("/scs/portfolio-stats/other-types", test_other_types);
  g_test_add_func ("/scs/portfolio-stats/outputs", test_outputs);
  g_test_add_func ("/scs/portfolio-stats/reminders", test_reminders);

  return g_test_run ();
}
