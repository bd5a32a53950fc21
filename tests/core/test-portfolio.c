/* test-portfolio.c: a folder of client workspaces lists with the right
 * readiness, gaps and expiry; foreign and corrupt files are listed as
 * unreadable with a reason; listing never writes a workspace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "scs-i18n.h"
#include "scs-portfolio.h"
#include "scs-renewal.h"
#include "scs-workspace.h"

#include "core-test-util.h"

typedef struct
{
  char        *dir;
  ScsValidity *validity;
  GDate       *today;
} Fixture;

static ScsWorkspace *
make_client (Fixture    *f,
             const char *file,
             const char *name,
             guint       level,
             guint       n_met)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsCatalog) catalog = scs_catalog_new_builtin ();
  g_autoptr(ScsOrganization) org = scs_organization_new ();
  g_autofree char *path = g_build_filename (f->dir, file, NULL);
  const GPtrArray *criteria = scs_catalog_get_criteria (catalog);
  ScsWorkspace *ws;

  org->name = g_strdup (name);
  org->corporate_number = g_strdup ("7000012050002");
  ws = scs_workspace_create (path, org, level, catalog, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < n_met && i < criteria->len; i++)
    {
      const ScsCriterion *c = g_ptr_array_index (criteria, i);
      g_assert_true (scs_workspace_set_answer (ws, c->id, SCS_ANSWER_MET, NULL, NULL, &error));
    }
  return ws;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = core_test_make_tmp_dir ("scs-portfolio-XXXXXX");
  f->validity = scs_validity_load_default (&error);
  g_assert_no_error (error);
  f->today = scs_date_parse_iso ("2027-03-10");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  core_test_rm_rf (f->dir);
  g_free (f->dir);
  scs_validity_free (f->validity);
  g_date_free (f->today);
}

static ScsPortfolioEntry *
find (GListModel *model,
      const char *basename)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(ScsPortfolioEntry) e = g_list_model_get_item (model, i);
      g_autofree char *base = g_path_get_basename (scs_portfolio_entry_get_path (e));
      if (g_str_equal (base, basename))
        return e;
    }
  g_error ("no entry %s", basename);
  return NULL;
}

static void
test_folder (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsWorkspace) a = make_client (f, "a.scsw", "株式会社エー", 3, 81);
  g_autoptr(ScsWorkspace) b = make_client (f, "b.scsw", "株式会社ビー", 3, 10);
  g_autoptr(ScsWorkspace) c = make_client (f, "c.scsw", "株式会社シー", 4, 81);
  g_autoptr(ScsPortfolio) portfolio = NULL;
  g_autofree char *notes = g_build_filename (f->dir, "notes.txt", NULL);
  g_autofree char *broken = g_build_filename (f->dir, "broken.scsw", NULL);
  g_autofree char *foreign = g_build_filename (f->dir, "other.db", NULL);
  g_autofree char *a_path = g_build_filename (f->dir, "a.scsw", NULL);
  g_autofree char *a_before = NULL;
  g_autofree char *a_after = NULL;
  g_autoptr(ScsValidity) v = scs_validity_load_default (NULL);
  GListModel *model;
  ScsPortfolioEntry *e;
  sqlite3 *db = NULL;
  char header[200] = "SQLite format 3";

  /* a: ★3 obtained 2026-04-01 → expires 2027-03-31, 21 days left: warning. */
  g_assert_true (scs_renewal_record_certification (a, 3, "2026-04-01", "R-1", &error));
  /* b: a significant change in the current cycle. */
  g_assert_true (scs_renewal_record_change (b, v, "scope", "新工場", &error));
  /* c: ★4 obtained 2026-04-01: the yearly self-assessment is due on
   * 2027-04-01, the re-evaluation by 2029-03-31; then renewed once. */
  g_assert_true (scs_renewal_record_certification (c, 4, "2026-04-01", "R-4", &error));
  g_assert_true (scs_renewal_set_registry (c, "評価機関A", "検証事業者B", "suspended", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (scs_renewal_start (c, &error), ==, 1);
  g_assert_no_error (error);

  g_assert_true (g_file_set_contents (notes, "not a workspace", -1, NULL));
  g_assert_true (g_file_set_contents (broken, header, sizeof header, NULL));
  g_assert_cmpint (sqlite3_open (foreign, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE t (x)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  /* Workspace a stays open in "the app" while the portfolio reads it. */
  g_clear_object (&b);
  g_clear_object (&c);
  a_before = core_test_file_sha256 (a_path);

  portfolio = scs_portfolio_new (f->validity, f->today);
  g_assert_true (scs_portfolio_add_folder (portfolio, f->dir, NULL, &error));
  g_assert_no_error (error);
  model = scs_portfolio_get_entries (portfolio);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 6);

  e = find (model, "a.scsw");
  g_assert_null (scs_portfolio_entry_get_error (e));
  g_assert_cmpstr (scs_portfolio_entry_get_company (e), ==, "株式会社エー");
  g_assert_cmpuint (scs_portfolio_entry_get_satisfied (e), ==, 81);
  g_assert_cmpuint (scs_portfolio_entry_get_total (e), ==, 81);
  g_assert_cmpuint (scs_portfolio_entry_get_open_gaps (e), ==, 0);
  g_assert_true (scs_portfolio_entry_get_ready (e));
  g_assert_false (scs_portfolio_entry_get_criteria_missing (e));
  g_assert_cmpstr (scs_portfolio_entry_get_expiry (e), ==, "2027-03-31");
  g_assert_cmpint (scs_portfolio_entry_get_days_left (e), ==, 21);
  g_assert_cmpint (scs_portfolio_entry_get_expiry_state (e), ==, SCS_EXPIRY_SOON);
  {
    ScsDueKind kind = SCS_DUE_SELF_ASSESSMENT;

    /* ★3: the next date is the renewal. */
    g_assert_cmpstr (scs_portfolio_entry_get_next_due (e, &kind), ==, "2027-03-31");
    g_assert_cmpint (kind, ==, SCS_DUE_RENEWAL);
  }
  g_assert_nonnull (scs_portfolio_entry_get_last_change (e));

  e = find (model, "b.scsw");
  g_assert_cmpuint (scs_portfolio_entry_get_satisfied (e), ==, 10);
  g_assert_cmpuint (scs_portfolio_entry_get_open_gaps (e), ==, 71);
  g_assert_false (scs_portfolio_entry_get_ready (e));
  g_assert_true (scs_portfolio_entry_get_needs_check (e));
  g_assert_cmpint (scs_portfolio_entry_get_expiry_state (e), ==, SCS_EXPIRY_NONE);

  e = find (model, "c.scsw");
  g_assert_cmpuint (scs_portfolio_entry_get_level (e), ==, 4);
  g_assert_cmpuint (scs_portfolio_entry_get_cycle (e), ==, 1);
  /* ★4 criteria are not in the built-in catalog: never ready for ★4. */
  g_assert_false (scs_portfolio_entry_get_ready (e));
  g_assert_true (scs_portfolio_entry_get_criteria_missing (e));
  {
    ScsDueKind kind = SCS_DUE_RENEWAL;

    g_assert_cmpstr (scs_portfolio_entry_get_expiry (e), ==, "2029-03-31");
    g_assert_cmpstr (scs_portfolio_entry_get_next_due (e, &kind), ==, "2027-04-01");
    g_assert_cmpint (kind, ==, SCS_DUE_SELF_ASSESSMENT);
    g_assert_cmpstr (scs_portfolio_entry_get_registry_status (e), ==, "suspended");
    g_assert_cmpstr (scs_portfolio_entry_get_evaluation_body (e), ==, "評価機関A");
    g_assert_cmpstr (scs_portfolio_entry_get_tv_provider (e), ==, "検証事業者B");
  }
  g_assert_cmpuint (scs_portfolio_entry_get_satisfied (e), ==, 81);

  e = find (model, "notes.txt");
  g_assert_nonnull (strstr (scs_portfolio_entry_get_error (e), "not an SCS Workbench workspace"));
  e = find (model, "broken.scsw");
  g_assert_nonnull (scs_portfolio_entry_get_error (e));
  e = find (model, "other.db");
  g_assert_nonnull (strstr (scs_portfolio_entry_get_error (e), "another application"));

  /* Nothing was written to the open workspace. */
  a_after = core_test_file_sha256 (a_path);
  g_assert_cmpstr (a_before, ==, a_after);
  g_assert_true (scs_workspace_set_answer (a, "1-3-1-3", SCS_ANSWER_NOT_MET, NULL, NULL, &error));
  g_assert_no_error (error);

  scs_portfolio_refresh (portfolio, a_path);
  e = find (model, "a.scsw");
  g_assert_cmpuint (scs_portfolio_entry_get_open_gaps (e), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 6);
}

static void
test_read_leaves_no_files (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(ScsWorkspace) a = make_client (f, "a.scsw", "株式会社エー", 3, 5);
  g_autofree char *path = g_build_filename (f->dir, "a.scsw", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(ScsPortfolioEntry) e = NULL;

  g_clear_object (&a);   /* closed: no -wal left */
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  before = core_test_file_sha256 (path);
  e = scs_portfolio_entry_read (path, f->validity, f->today, NULL);
  g_assert_null (scs_portfolio_entry_get_error (e));
  g_assert_cmpuint (scs_portfolio_entry_get_satisfied (e), ==, 5);
  after = core_test_file_sha256 (path);
  g_assert_cmpstr (before, ==, after);
  /* No side files left behind by the read-only reader. */
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
}

/* A file another program altered (a trigger added, an index dropped) is
 * listed as unreadable with the reason, as opening it is refused: the
 * listing never shows as a client's row what the app would not open. */
static void
test_altered_schema (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(ScsWorkspace) a = make_client (f, "a.scsw", "株式会社エー", 3, 5);
  g_autoptr(ScsWorkspace) b = make_client (f, "b.scsw", "株式会社ビー", 3, 5);
  g_autofree char *a_path = g_build_filename (f->dir, "a.scsw", NULL);
  g_autofree char *b_path = g_build_filename (f->dir, "b.scsw", NULL);
  const char *paths[] = { a_path, b_path };
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autofree char *drop = NULL;

  g_clear_object (&a);
  g_clear_object (&b);

  g_assert_cmpint (sqlite3_open (a_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TRIGGER copy_audit AFTER INSERT ON audit BEGIN SELECT 1; END;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_cmpint (sqlite3_open (b_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  drop = g_strdup_printf ("DROP INDEX \"%s\"", sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_exec (db, drop, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(ScsPortfolioEntry) e = scs_portfolio_entry_read (paths[i], f->validity, f->today, NULL);
      g_autoptr(ScsWorkspace) ws = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_nonnull (scs_portfolio_entry_get_error (e));
      g_assert_nonnull (strstr (scs_portfolio_entry_get_error (e), "altered by another program"));
      g_assert_null (scs_portfolio_entry_get_company (e));
      ws = scs_workspace_open (paths[i], &error);
      g_assert_null (ws);
      g_assert_error (error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_CORRUPT);
    }
}

static void
test_missing_folder (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsPortfolio) portfolio = scs_portfolio_new (f->validity, f->today);
  g_autofree char *missing = g_build_filename (f->dir, "nope", NULL);

  g_assert_false (scs_portfolio_add_folder (portfolio, missing, NULL, &error));
  g_assert_error (error, SCS_PORTFOLIO_ERROR, SCS_PORTFOLIO_ERROR_FOLDER);
  g_assert_nonnull (strstr (error->message, "nope"));
}

static ScsWorkspace *
make_numbered (const char *path,
               const char *name,
               const char *number)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsCatalog) catalog = scs_catalog_new_builtin ();
  g_autoptr(ScsOrganization) org = scs_organization_new ();
  ScsWorkspace *ws;

  org->name = g_strdup (name);
  org->corporate_number = g_strdup (number);
  ws = scs_workspace_create (path, org, 3, catalog, &error);
  g_assert_no_error (error);
  return ws;
}

static ScsPortfolioEntry *
find_path (GListModel *model,
           const char *path)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(ScsPortfolioEntry) e = g_list_model_get_item (model, i);
      if (g_str_equal (scs_portfolio_entry_get_path (e), path))
        return e;
    }
  return NULL;
}

static void
relist (ScsPortfolio *portfolio,
        const char   *dir)
{
  g_autoptr(GError) error = NULL;

  scs_portfolio_clear (portfolio);
  g_assert_true (scs_portfolio_add_folder (portfolio, dir, NULL, &error));
  g_assert_no_error (error);
}

/* Subfolders are listed (hidden ones not); copies of one client are found
 * by 法人番号; re-listing reads a changed file again — in the main file or
 * only in its -wal — and an unchanged one not. */
static void
test_tree_duplicates_cache (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *north = g_build_filename (f->dir, "north", NULL);
  g_autofree char *hidden = g_build_filename (f->dir, "north", ".old", NULL);
  g_autofree char *a = g_build_filename (f->dir, "a.scsw", NULL);
  g_autofree char *b = g_build_filename (north, "b.scsw", NULL);
  g_autofree char *x = g_build_filename (north, "x.scsw", NULL);
  g_autofree char *y = g_build_filename (hidden, "y.scsw", NULL);
  g_autoptr(ScsPortfolio) portfolio = scs_portfolio_new (f->validity, f->today);
  g_autoptr(GHashTable) duplicates = NULL;
  g_autoptr(ScsWorkspace) open_ws = NULL;
  ScsPortfolioCache *cache = scs_portfolio_get_cache (portfolio);
  GListModel *model = scs_portfolio_get_entries (portfolio);
  ScsPortfolioEntry *entry_a, *entry_x;
  GPtrArray *copies;

  g_assert_cmpint (g_mkdir_with_parents (hidden, 0700), ==, 0);
  g_clear_object (&open_ws);
  open_ws = make_numbered (a, "株式会社エー", "4011001098993");
  g_clear_object (&open_ws);
  open_ws = make_numbered (b, "株式会社ビー", "7000012050002");
  g_clear_object (&open_ws);
  open_ws = make_numbered (x, "株式会社ビー（控え）", "7000012050002");
  g_clear_object (&open_ws);
  open_ws = make_numbered (y, "株式会社ワイ", "7123456789012");
  g_clear_object (&open_ws);

  relist (portfolio, f->dir);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  g_assert_nonnull (find_path (model, b));
  g_assert_null (find_path (model, y));
  g_assert_cmpuint (scs_portfolio_cache_get_n_read (cache), ==, 3);

  duplicates = scs_portfolio_find_duplicates (model);
  g_assert_cmpuint (g_hash_table_size (duplicates), ==, 1);
  copies = g_hash_table_lookup (duplicates, "7000012050002");
  g_assert_cmpuint (copies->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (copies, 0), ==, b);
  g_assert_cmpstr (g_ptr_array_index (copies, 1), ==, x);

  /* Unchanged: nothing read, the very same rows. */
  entry_a = g_object_ref (find_path (model, a));
  entry_x = g_object_ref (find_path (model, x));
  relist (portfolio, f->dir);
  g_assert_cmpuint (scs_portfolio_cache_get_n_read (cache), ==, 3);
  g_assert_true (find_path (model, a) == entry_a);
  g_assert_true (find_path (model, x) == entry_x);

  /* x changed (and closed): read again, a not. */
  open_ws = scs_workspace_open (x, &error);
  g_assert_no_error (error);
  g_assert_true (scs_workspace_set_answer (open_ws, "1-2-1-1", SCS_ANSWER_MET, NULL, NULL, &error));
  g_clear_object (&open_ws);
  relist (portfolio, f->dir);
  g_assert_cmpuint (scs_portfolio_cache_get_n_read (cache), ==, 4);
  g_assert_true (find_path (model, a) == entry_a);
  g_assert_false (find_path (model, x) == entry_x);
  g_assert_cmpuint (scs_portfolio_entry_get_satisfied (find_path (model, x)), ==, 1);

  /* a changed while open in the app: the edit is in a's -wal only. */
  open_ws = scs_workspace_open (a, &error);
  g_assert_no_error (error);
  g_assert_true (scs_workspace_set_answer (open_ws, "1-2-1-1", SCS_ANSWER_MET, NULL, NULL, &error));
  relist (portfolio, f->dir);
  g_assert_cmpuint (scs_portfolio_cache_get_n_read (cache), ==, 5);
  g_assert_cmpuint (scs_portfolio_entry_get_satisfied (find_path (model, a)), ==, 1);
  g_object_unref (entry_a);
  g_object_unref (entry_x);
}

/* A folder large enough to be read by several threads: every row lands in
 * its sorted place with its own file's content, the unreadable ones among
 * them included; each file read once, none written. */
static void
test_many_in_order (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsWorkspace) ws = make_client (f, "template", "株式会社テンプレート", 3, 10);
  g_autofree char *template = g_build_filename (f->dir, "template", NULL);
  g_autofree char *sub = g_build_filename (f->dir, "clients", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(ScsPortfolio) portfolio = scs_portfolio_new (f->validity, f->today);
  GListModel *model = scs_portfolio_get_entries (portfolio);
  const guint n = 120;
  gsize length;

  g_clear_object (&ws);
  g_assert_true (g_file_get_contents (template, &contents, &length, NULL));
  g_assert_cmpint (g_mkdir_with_parents (sub, 0700), ==, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/client-%03u.scsw", sub, i);
      g_autofree char *sql = NULL;
      sqlite3 *db = NULL;

      if (i % 10 == 7)
        {
          /* not a workspace at all */
          g_assert_true (g_file_set_contents (path, "hello", -1, NULL));
          continue;
        }
      g_assert_true (g_file_set_contents (path, contents, length, NULL));
      g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
      sql = g_strdup_printf ("UPDATE organization SET name = 'Client %03u'; "
                             "UPDATE answer SET state = 'not-met' WHERE rowid <= %u;", i, i % 5);
      g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
      sqlite3_close (db);
    }
  g_unlink (template);

  g_assert_true (scs_portfolio_add_folder (portfolio, f->dir, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n);
  g_assert_cmpuint (scs_portfolio_cache_get_n_read (scs_portfolio_get_cache (portfolio)), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ScsPortfolioEntry) e = g_list_model_get_item (model, i);
      g_autofree char *path = g_strdup_printf ("%s/client-%03u.scsw", sub, i);
      g_autofree char *company = g_strdup_printf ("Client %03u", i);

      g_assert_cmpstr (scs_portfolio_entry_get_path (e), ==, path);
      if (i % 10 == 7)
        {
          g_assert_nonnull (scs_portfolio_entry_get_error (e));
          continue;
        }
      g_assert_null (scs_portfolio_entry_get_error (e));
      g_assert_cmpstr (scs_portfolio_entry_get_company (e), ==, company);
      g_assert_cmpuint (scs_portfolio_entry_get_satisfied (e), ==, 10 - MIN (i % 5, 10));
    }
}

/* An open evaluation finding of a ★4 client: the portfolio shows when its
 * correction report is due (the period of validity.xml); once corrected,
 * nothing. */
static void
test_correction_due (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsWorkspace) ws = make_client (f, "four.scsw", "株式会社ヨン", 4, 3);
  g_autofree char *path = g_build_filename (f->dir, "four.scsw", NULL);
  g_autoptr(ScsPortfolioEntry) open = NULL;
  g_autoptr(ScsPortfolioEntry) closed = NULL;

  g_assert_true (scs_renewal_record_finding (ws, "2026-01-31", NULL, &error));
  g_assert_no_error (error);
  open = scs_portfolio_entry_read (path, f->validity, f->today, NULL);
  g_assert_null (scs_portfolio_entry_get_error (open));
  g_assert_cmpstr (scs_portfolio_entry_get_correction_due (open), ==, "2026-02-28");

  g_assert_true (scs_renewal_record_finding (ws, "2026-01-31", "2026-02-20", &error));
  closed = scs_portfolio_entry_read (path, f->validity, f->today, NULL);
  g_assert_null (scs_portfolio_entry_get_correction_due (closed));
}

int
main (int   argc,
      char *argv[])
{
  scs_i18n_init ("en");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/scs/portfolio/folder", Fixture, NULL, fixture_set_up, test_folder, fixture_tear_down);
  g_test_add ("/scs/portfolio/read-leaves-no-files", Fixture, NULL, fixture_set_up,
              test_read_leaves_no_files, fixture_tear_down);
  g_test_add ("/scs/portfolio/tree-duplicates-cache", Fixture, NULL, fixture_set_up,
              test_tree_duplicates_cache, fixture_tear_down);
  g_test_add ("/scs/portfolio/many-in-order", Fixture, NULL, fixture_set_up,
              test_many_in_order, fixture_tear_down);
  g_test_add ("/scs/portfolio/correction-due", Fixture, NULL, fixture_set_up,
              test_correction_due, fixture_tear_down);
  g_test_add ("/scs/portfolio/altered-schema", Fixture, NULL, fixture_set_up, test_altered_schema,
              fixture_tear_down);
  g_test_add ("/scs/portfolio/missing-folder", Fixture, NULL, fixture_set_up,
              test_missing_folder, fixture_tear_down);

  return g_test_run ();
}
