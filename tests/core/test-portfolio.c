/* test-portfolio.c: a folder of client workspaces lists with the right
 * readiness, gaps and expiry; foreign and corrupt files are listed as
 * unreadable with a reason; listing never writes a workspace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "scs-diagnosis.h"
#include "scs-i18n.h"
#include "scs-jcstar.h"
#include "scs-portfolio.h"
#include "scs-portfolio-private.h"
#include "scs-renewal.h"
#include "scs-security-action.h"
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

/* The newest modification or status change of a file under @dir, in µs. */
static gint64
newest_change (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;
  gint64 newest = 0;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      struct stat st;

      g_assert_cmpint (lstat (path, &st), ==, 0);
      newest = MAX (newest, st.st_mtim.tv_sec * G_USEC_PER_SEC + st.st_mtim.tv_nsec / 1000);
      newest = MAX (newest, st.st_ctim.tv_sec * G_USEC_PER_SEC + st.st_ctim.tv_nsec / 1000);
      if (S_ISDIR (st.st_mode))
        newest = MAX (newest, newest_change (path));
    }
  return newest;
}

/* Waits until every file under @dir was last changed longer ago than the
 * cache's settle time: only then can a file's key vouch for its row. */
static void
wait_settled (const char *dir)
{
  gint64 until = newest_change (dir) + SCS_PORTFOLIO_CACHE_SETTLE_SECONDS * G_USEC_PER_SEC;

  while (g_get_real_time () <= until)
    g_usleep (50 * 1000);
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

/* ------------------------------------------------------------------------ */
/* The persisted cache: rows kept across processes                          */

/* What a row shows, one line per entry: rows from the cache file must be
 * the rows a fresh read gives. */
static char *
dump_entries (GListModel *model)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(ScsPortfolioEntry) e = g_list_model_get_item (model, i);
      g_autofree char *base = g_path_get_basename (scs_portfolio_entry_get_path (e));
      const char * const *unmet = scs_portfolio_entry_get_unmet (e);
      ScsDueKind kind = SCS_DUE_RENEWAL;
      const char *next_due = scs_portfolio_entry_get_next_due (e, &kind);

      if (scs_portfolio_entry_get_error (e) != NULL)
        {
          g_string_append_printf (out, "%s refused: %s\n", base, scs_portfolio_entry_get_error (e));
          continue;
        }
      g_string_append_printf (out, "%s %s %s L%u C%u %u/%u gaps=%u ready=%d missing=%d review=%d signed=%d "
                              "obtained=%s expiry=%s state=%d days=%d due=%s/%d registry=%s/%s/%s "
                              "correction=%s changes=%u last=%s submitted=%s type=%d items=%u unmet=%u "
                              "prev=%u/%u levels=%u\n",
                              base, scs_portfolio_entry_get_company (e),
                              scs_portfolio_entry_get_corporate_number (e),
                              scs_portfolio_entry_get_level (e), scs_portfolio_entry_get_cycle (e),
                              scs_portfolio_entry_get_satisfied (e), scs_portfolio_entry_get_total (e),
                              scs_portfolio_entry_get_open_gaps (e), scs_portfolio_entry_get_ready (e),
                              scs_portfolio_entry_get_criteria_missing (e), scs_portfolio_entry_get_review_state (e),
                              scs_portfolio_entry_get_signed (e), scs_portfolio_entry_get_obtained (e),
                              scs_portfolio_entry_get_expiry (e), scs_portfolio_entry_get_expiry_state (e),
                              scs_portfolio_entry_get_days_left (e), next_due, next_due != NULL ? (int) kind : -1,
                              scs_portfolio_entry_get_registry_status (e),
                              scs_portfolio_entry_get_evaluation_body (e), scs_portfolio_entry_get_tv_provider (e),
                              scs_portfolio_entry_get_correction_due (e),
                              scs_portfolio_entry_get_changes (e) != NULL
                                ? g_strv_length ((GStrv) scs_portfolio_entry_get_changes (e)) : 0,
                              scs_portfolio_entry_get_last_change (e), scs_portfolio_entry_get_submitted (e),
                              scs_portfolio_entry_get_workspace_type (e),
                              scs_portfolio_entry_get_items_answered (e),
                              unmet != NULL ? g_strv_length ((GStrv) unmet) : 0,
                              scs_portfolio_entry_get_previous_level (e),
                              scs_portfolio_entry_get_previous_unmet (e) != NULL
                                ? g_strv_length ((GStrv) scs_portfolio_entry_get_previous_unmet (e)) : 0,
                              scs_portfolio_entry_get_levels (e) != NULL
                                ? g_hash_table_size (scs_portfolio_entry_get_levels (e)) : 0);
    }
  return g_string_free (out, FALSE);
}

/* Lists @dir with a new persisted cache in @file: the files it read. */
static guint
list_persisted (Fixture     *f,
                const char  *dir,
                const char  *file,
                char       **dump)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsPortfolioCache) cache = scs_portfolio_cache_new_persistent (file);
  g_autoptr(ScsPortfolio) portfolio = scs_portfolio_new (f->validity, f->today);

  scs_portfolio_set_cache (portfolio, cache);
  g_assert_true (scs_portfolio_add_folder (portfolio, dir, NULL, &error));
  g_assert_no_error (error);
  if (dump != NULL)
    *dump = dump_entries (scs_portfolio_get_entries (portfolio));
  return scs_portfolio_cache_get_n_read (cache);
}

/* The rows of @dir as a fresh read gives them (no cache). */
static char *
dump_fresh (Fixture    *f,
            const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsPortfolio) portfolio = scs_portfolio_new (f->validity, f->today);
  g_autoptr(ScsPortfolioCache) none = scs_portfolio_cache_new ();

  scs_portfolio_set_cache (portfolio, none);
  g_assert_true (scs_portfolio_add_folder (portfolio, dir, NULL, &error));
  g_assert_no_error (error);
  return dump_entries (scs_portfolio_get_entries (portfolio));
}

/* The folder the persisted-cache tests list, named in the environment by
 * main () before any thread starts, so the new processes of a test (its
 * subprocesses) find it; its cache file is in a hidden folder of it (never
 * listed itself). The test's own folder makes way for it. */
#define SHARED_DIR_ENV "SCS_TEST_PORTFOLIO_DIR"

static char *
use_shared_dir (Fixture *f)
{
  const char *shared = g_getenv (SHARED_DIR_ENV);

  g_assert_nonnull (shared);
  core_test_rm_rf (f->dir);
  g_free (f->dir);
  core_test_rm_rf (shared);
  g_assert_cmpint (g_mkdir_with_parents (shared, 0700), ==, 0);
  f->dir = g_strdup (shared);
  return g_build_filename (shared, ".cache", "portfolio-rows", NULL);
}

/* In the child (g_test_subprocess ()): lists the shared folder with its
 * cache file and prints how many files it read, then the rows. */
static gboolean
child_lists (Fixture *f)
{
  g_autofree char *dump = NULL;
  g_autofree char *file = NULL;
  const char *dir = g_getenv (SHARED_DIR_ENV);
  guint n_read;

  if (!g_test_subprocess ())
    return FALSE;
  file = g_build_filename (dir, ".cache", "portfolio-rows", NULL);
  n_read = list_persisted (f, dir, file, &dump);
  printf ("read=%u\n%s", n_read, dump);
  return TRUE;
}

/* Runs the listing in a new process and checks it read @n_read files and
 * showed the rows a fresh read shows now. */
static void
assert_new_process (Fixture *f,
                    guint    n_read)
{
  g_autofree char *fresh = dump_fresh (f, f->dir);
  g_autofree char *expected = g_strdup_printf ("read=%u\n%s", n_read, fresh);

  g_assert_null (strpbrk (expected, "*?"));
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout (expected);
}

/* Writes @sql into the workspace at @path with plain SQLite, as another
 * program would. */
static void
exec_sql (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static void
restore_times (const char        *path,
               const struct stat *before)
{
  struct timespec times[2] = { before->st_atim, before->st_mtim };
  struct stat after;

  g_assert_cmpint (utimensat (AT_FDCWD, path, times, 0), ==, 0);
  g_assert_cmpint (stat (path, &after), ==, 0);
  g_assert_cmpint (after.st_mtim.tv_sec, ==, before->st_mtim.tv_sec);
  g_assert_cmpint (after.st_mtim.tv_nsec, ==, before->st_mtim.tv_nsec);
}

/* Four clients with certifications, a finding, a change, in the shared
 * folder; returns the cache file's path. */
static char *
make_persisted_clients (Fixture *f)
{
  g_autofree char *file = use_shared_dir (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsWorkspace) a = make_client (f, "a.scsw", "株式会社エー", 3, 81);
  g_autoptr(ScsWorkspace) b = make_client (f, "b.scsw", "株式会社ビー", 3, 10);
  g_autoptr(ScsWorkspace) c = make_client (f, "c.scsw", "株式会社シー", 4, 81);
  g_autoptr(ScsWorkspace) d = make_client (f, "d.scsw", "株式会社ディー", 3, 40);
  g_autoptr(ScsValidity) v = scs_validity_load_default (NULL);

  g_assert_true (scs_renewal_record_certification (a, 3, "2026-04-01", "R-1", &error));
  g_assert_true (scs_renewal_record_change (b, v, "scope", "新工場", &error));
  g_assert_true (scs_renewal_record_certification (c, 4, "2026-04-01", "R-4", &error));
  g_assert_true (scs_renewal_set_registry (c, "評価機関A", "検証事業者B", "suspended", &error));
  g_assert_true (scs_renewal_record_finding (c, "2026-01-31", NULL, &error));
  g_assert_cmpuint (scs_renewal_start (c, &error), ==, 1);
  g_assert_no_error (error);
  /* Other schemes' rows: no SCS statistics, their own figures. */
  {
    g_autofree char *jc_path = g_build_filename (f->dir, "e-camera.scsw", NULL);
    g_autofree char *sa_path = g_build_filename (f->dir, "f-pledge.scsw", NULL);
    g_autoptr(ScsCatalog) catalog = scs_catalog_new_builtin ();
    g_autoptr(ScsOrganization) org = scs_organization_new ();
    g_autoptr(ScsWorkspace) jc = NULL;
    g_autoptr(ScsWorkspace) sa = NULL;

    org->name = g_strdup ("株式会社テスト電機");
    org->corporate_number = g_strdup (CORE_TEST_CORPORATE_NUMBER);
    jc = scs_workspace_create_typed (jc_path, SCS_WORKSPACE_TYPE_JCSTAR1, org, 3, catalog, &error);
    g_assert_no_error (error);
    g_assert_true (scs_jcstar_set_answer (jc, "S1.1-01", 1, SCS_JC_ANSWER_CONFORMS, NULL, &error));
    g_assert_no_error (error);
    sa = scs_workspace_create_typed (sa_path, SCS_WORKSPACE_TYPE_SECURITY_ACTION, org, 3, catalog, &error);
    g_assert_no_error (error);
  }
  return g_steal_pointer (&file);
}

/* A new process lists unchanged files from the cache file, with the very
 * rows a fresh read gives; a file changed in any way is read again: its
 * content changed, changed with its modification time put back (same size
 * and inode: the status-change time differs), or replaced by a changed
 * copy with the same size and times (another inode). */
static void
test_persisted_cache (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *file = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;
  g_autofree char *d = NULL;
  g_autofree char *d_copy = NULL;
  g_autofree char *contents = NULL;
  struct stat c_before, c_after, d_before, d_after;
  gsize length;

  if (child_lists (f))
    return;
  file = make_persisted_clients (f);
  b = g_build_filename (f->dir, "b.scsw", NULL);
  c = g_build_filename (f->dir, "c.scsw", NULL);
  d = g_build_filename (f->dir, "d.scsw", NULL);
  d_copy = g_build_filename (f->dir, ".d-copy", NULL);
  wait_settled (f->dir);

  /* The first process reads every file and keeps the rows. */
  g_assert_cmpuint (list_persisted (f, f->dir, file, NULL), ==, 6);
  g_assert_true (g_file_test (file, G_FILE_TEST_IS_REGULAR));
  assert_new_process (f, 0);
  assert_new_process (f, 0);

  exec_sql (b, "UPDATE organization SET name = '株式会社ビー（新）'");
  g_assert_cmpint (stat (c, &c_before), ==, 0);
  exec_sql (c, "UPDATE organization SET name = '株式会社シー（新）'");
  restore_times (c, &c_before);
  g_assert_cmpint (stat (c, &c_after), ==, 0);
  g_assert_cmpint (c_after.st_size, ==, c_before.st_size);
  g_assert_cmpint (c_after.st_ino, ==, c_before.st_ino);

  g_assert_cmpint (stat (d, &d_before), ==, 0);
  g_assert_true (g_file_get_contents (d, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (d_copy, contents, length, NULL));
  exec_sql (d_copy, "UPDATE organization SET name = '株式会社ディー（新）'");
  restore_times (d_copy, &d_before);
  g_assert_cmpint (g_rename (d_copy, d), ==, 0);
  g_assert_cmpint (stat (d, &d_after), ==, 0);
  g_assert_cmpint (d_after.st_size, ==, d_before.st_size);
  g_assert_cmpint (d_after.st_ino, !=, d_before.st_ino);

  /* b, c and d read again, with their new names; a from the cache. */
  assert_new_process (f, 3);
  /* Read again while they are too recent to vouch for, then kept. */
  wait_settled (f->dir);
  assert_new_process (f, 3);
  assert_new_process (f, 0);
}

/* A cache file that is not one this build wrote whole is ignored: every
 * file is read, the rows are right, and the file is written anew. */
static void
test_persisted_cache_corrupt (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *file = NULL;
  g_autofree char *good = NULL;
  gsize length;

  if (child_lists (f))
    return;
  file = make_persisted_clients (f);
  wait_settled (f->dir);
  g_assert_cmpuint (list_persisted (f, f->dir, file, NULL), ==, 6);
  g_assert_true (g_file_get_contents (file, &good, &length, NULL));
  g_assert_cmpuint (length, >, 200);

  for (guint damage = 0; damage < 5; damage++)
    {
      g_autofree char *bad = g_memdup2 (good, length);
      gsize bad_length = length;

      switch (damage)
        {
        case 0: /* another program's file */
          memcpy (bad, "PK\3\4not a cache", 16);
          break;
        case 1: /* cut short */
          bad_length = length / 2;
          break;
        case 2: /* one byte of a row changed */
          bad[length - 100] ^= 0x20;
          break;
        case 3: /* the checksum changed */
          bad[20] = bad[20] == '0' ? '1' : '0';
          break;
        case 4: /* only the header */
          bad_length = 80;
          break;
        }
      g_assert_true (g_file_set_contents (file, bad, bad_length, NULL));
      assert_new_process (f, 6);
      assert_new_process (f, 0);
    }

  /* A changed byte under a checksum made to match (the file's layout:
   * 16 bytes of magic, the SHA-256 of the rest in hex, the rows): whatever
   * the rows then say, the listing neither crashes nor reads out of
   * bounds (the sanitizer run checks), and lists every file. */
  for (guint k = 1; k <= 8; k++)
    {
      g_autofree char *bad = g_memdup2 (good, length);
      g_autofree char *sum = NULL;

      bad[80 + (length - 80) * k / 9] ^= 0x5a;
      sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) bad + 80, length - 80);
      memcpy (bad + 16, sum, 64);
      g_assert_true (g_file_set_contents (file, bad, length, NULL));
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      g_test_trap_assert_stdout ("read=*a.scsw *b.scsw *c.scsw *d.scsw *e-camera.scsw *f-pledge.scsw *");
    }
}

/* A file whose schema another program altered after its row was kept is
 * refused as a full open refuses it, though it keeps its size and
 * modification time: the cache never stands for a file that changed. */
static void
test_persisted_altered_schema (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *file = NULL;
  g_autofree char *a = NULL;
  g_autofree char *dump = NULL;
  struct stat before;

  if (child_lists (f))
    return;
  file = make_persisted_clients (f);
  a = g_build_filename (f->dir, "a.scsw", NULL);
  wait_settled (f->dir);
  g_assert_cmpuint (list_persisted (f, f->dir, file, NULL), ==, 6);

  g_assert_cmpint (stat (a, &before), ==, 0);
  exec_sql (a, "CREATE TRIGGER copy_audit AFTER INSERT ON audit BEGIN SELECT 1; END;");
  restore_times (a, &before);
  assert_new_process (f, 1);
  dump = dump_fresh (f, f->dir);
  g_assert_nonnull (strstr (dump, "a.scsw refused: "));
  g_assert_nonnull (strstr (dump, "altered by another program"));
  /* A refused file's row is not kept: read again each time. */
  wait_settled (f->dir);
  assert_new_process (f, 1);
  assert_new_process (f, 1);
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

  /* Files changed just now are read at every listing (see below). */
  wait_settled (f->dir);
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
  /* Changed within the settle time: read again, whatever its key. */
  relist (portfolio, f->dir);
  g_assert_cmpuint (scs_portfolio_cache_get_n_read (cache), ==, 5);
  wait_settled (f->dir);
  relist (portfolio, f->dir);
  g_assert_cmpuint (scs_portfolio_cache_get_n_read (cache), ==, 6);
  relist (portfolio, f->dir);
  g_assert_cmpuint (scs_portfolio_cache_get_n_read (cache), ==, 6);
  g_assert_true (find_path (model, a) == entry_a);
  g_assert_false (find_path (model, x) == entry_x);
  g_assert_cmpuint (scs_portfolio_entry_get_satisfied (find_path (model, x)), ==, 1);

  /* a changed while open in the app: the edit is in a's -wal only. */
  open_ws = scs_workspace_open (a, &error);
  g_assert_no_error (error);
  g_assert_true (scs_workspace_set_answer (open_ws, "1-2-1-1", SCS_ANSWER_MET, NULL, NULL, &error));
  relist (portfolio, f->dir);
  g_assert_cmpuint (scs_portfolio_cache_get_n_read (cache), ==, 7);
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

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

static ScsWorkspace *
make_typed (Fixture          *f,
            const char       *file,
            ScsWorkspaceType  type)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsCatalog) catalog = scs_catalog_new_builtin ();
  g_autoptr(ScsOrganization) org = scs_organization_new ();
  g_autofree char *path = g_build_filename (f->dir, file, NULL);
  ScsWorkspace *ws;

  org->name = g_strdup (file);
  org->corporate_number = g_strdup (CORE_TEST_CORPORATE_NUMBER);
  ws = scs_workspace_create_typed (path, type, org, 3, catalog, &error);
  g_assert_no_error (error);
  return ws;
}

/* The number of gaps the diagnosis lists for @ws on @today. */
static guint
diagnosis_gaps (ScsWorkspace *ws,
                const char   *today)
{
  g_autoptr(ScsDiagnosis) diagnosis = scs_diagnosis_new (ws);
  g_autoptr(GPtrArray) gaps = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (scs_diagnosis_set_today (diagnosis, today, &error));
  gaps = scs_diagnosis_list_item_gaps (diagnosis, &error);
  g_assert_no_error (error);
  return gaps->len;
}

/* Lists f->dir on @today with a persisted cache in @file; the entries by
 * base name → open gaps, and *@n_read. */
static GHashTable *
open_gaps_on (Fixture    *f,
              const char *file,
              const char *today,
              guint      *n_read)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) date = scs_date_parse_iso (today);
  g_autoptr(ScsPortfolioCache) cache = scs_portfolio_cache_new_persistent (file);
  g_autoptr(ScsPortfolio) portfolio = scs_portfolio_new (f->validity, date);
  GHashTable *gaps = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GListModel *model;

  scs_portfolio_set_cache (portfolio, cache);
  g_assert_true (scs_portfolio_add_folder (portfolio, f->dir, NULL, &error));
  g_assert_no_error (error);
  model = scs_portfolio_get_entries (portfolio);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(ScsPortfolioEntry) e = g_list_model_get_item (model, i);

      g_assert_null (scs_portfolio_entry_get_error (e));
      g_hash_table_insert (gaps, g_path_get_basename (scs_portfolio_entry_get_path (e)),
                           GUINT_TO_POINTER (scs_portfolio_entry_get_open_gaps (e)));
    }
  *n_read = scs_portfolio_cache_get_n_read (cache);
  return gaps;
}

/* The "open gaps" filter of the portfolio window: the clients with any. */
static char *
with_open_gaps (GHashTable *gaps)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer name, n;

  g_hash_table_iter_init (&iter, gaps);
  while (g_hash_table_iter_next (&iter, &name, &n))
    if (GPOINTER_TO_UINT (n) > 0)
      g_ptr_array_add (names, name);
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

/* JC-STAR ★1 and SECURITY ACTION clients: their open gaps are the ones
 * their diagnosis lists (not SCS criteria), on the portfolio's day — also
 * when the rows come from a cache file written on another day (the label
 * and the support period fall due meanwhile) — so the "open gaps" filter
 * selects exactly the clients with gaps. */
static void
test_item_gaps (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *file = g_build_filename (f->dir, ".cache", "portfolio-rows", NULL);
  ScsWorkspace *jc_open = make_typed (f, "jc-open.scsw", SCS_WORKSPACE_TYPE_JCSTAR1);
  ScsWorkspace *jc_done = make_typed (f, "jc-done.scsw", SCS_WORKSPACE_TYPE_JCSTAR1);
  ScsWorkspace *sa_new = make_typed (f, "sa-new.scsw", SCS_WORKSPACE_TYPE_SECURITY_ACTION);
  ScsWorkspace *sa_done = make_typed (f, "sa-done.scsw", SCS_WORKSPACE_TYPE_SECURITY_ACTION);
  g_autoptr(GHashTable) today = NULL;
  g_autoptr(GHashTable) later = NULL;
  g_autoptr(GHashTable) cached = NULL;
  g_autofree char *selected = NULL;
  const char *models[] = { "CAM-100", NULL };
  ScsJcProduct product = {
    .name = (char *) "見守りカメラ", .model_numbers = (GStrv) models, .support_end = (char *) "2027-12-01",
    .vdp_url = (char *) "https://example.jp/vdp", .vdp_contact = (char *) "psirt@example.jp",
    .label_number = (char *) "JC1-000123", .issued = (char *) "2026-01-01", .expires = (char *) "2027-12-31",
  };
  struct { ScsWorkspace *ws; const char *name; guint gaps, later_gaps; } clients[] = {
    { jc_open, "jc-open.scsw" }, { jc_done, "jc-done.scsw" }, { sa_new, "sa-new.scsw" }, { sa_done, "sa-done.scsw" },
  };
  guint n_read;

  g_object_unref (make_client (f, "scs-ready.scsw", "株式会社レディ", 3, 1000));
  g_object_unref (make_client (f, "scs-open.scsw", "株式会社オープン", 3, 10));

  /* jc-open: nothing recorded, one item that does not conform. */
  g_assert_true (scs_jcstar_set_answer (jc_open, "S1.1-01", 1, SCS_JC_ANSWER_DOES_NOT, NULL, &error));
  /* jc-done: the product recorded and every item conforms. */
  g_assert_true (scs_jcstar_set_product (jc_done, &product, &error));
  for (guint i = 0; i < scs_jcstar_get_n_requirements (); i++)
    {
      const ScsJcRequirement *r = scs_jcstar_get_requirement (i);

      for (guint k = 1; k <= r->n_items; k++)
        g_assert_true (scs_jcstar_set_answer (jc_done, r->id, k, SCS_JC_ANSWER_CONFORMS, NULL, &error));
    }
  /* sa-new: the ★1 pledge not taken; sa-done: every pledge item taken. */
  for (guint n = 1; n <= scs_security_action_get_n_pledge_items (); n++)
    g_assert_true (scs_security_action_set_pledge_item (sa_done, n, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (diagnosis_gaps (jc_done, "2027-03-10"), ==, 0);
  g_assert_cmpuint (diagnosis_gaps (sa_done, "2027-03-10"), ==, 0);
  g_assert_cmpuint (diagnosis_gaps (jc_open, "2027-03-10"), >, 1);
  g_assert_cmpuint (diagnosis_gaps (sa_new, "2027-03-10"), ==, scs_security_action_get_n_pledge_items ());
  /* By 2027-12-15 jc-done's support period is over and its label expires
   * within 90 days. */
  g_assert_cmpuint (diagnosis_gaps (jc_done, "2027-12-15"), ==, 2);
  /* Listed once the app has closed them, as a vendor's folder is. */
  for (guint i = 0; i < G_N_ELEMENTS (clients); i++)
    {
      clients[i].gaps = diagnosis_gaps (clients[i].ws, "2027-03-10");
      clients[i].later_gaps = diagnosis_gaps (clients[i].ws, "2027-12-15");
      g_object_unref (clients[i].ws);
    }
  wait_settled (f->dir);

  today = open_gaps_on (f, file, "2027-03-10", &n_read);
  g_assert_cmpuint (n_read, ==, 6);
  later = open_gaps_on (f, file, "2027-12-15", &n_read);
  g_assert_cmpuint (n_read, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (clients); i++)
    {
      g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (today, clients[i].name)), ==, clients[i].gaps);
      g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (later, clients[i].name)), ==,
                        clients[i].later_gaps);
    }
  selected = with_open_gaps (today);
  g_assert_cmpstr (selected, ==, "jc-open.scsw sa-new.scsw scs-open.scsw");
  g_clear_pointer (&selected, g_free);
  selected = with_open_gaps (later);
  g_assert_cmpstr (selected, ==, "jc-done.scsw jc-open.scsw sa-new.scsw scs-open.scsw");

  /* A row read fresh on the later day is the one the cache gave. */
  g_assert_true (g_remove (file) == 0);
  cached = open_gaps_on (f, file, "2027-12-15", &n_read);
  g_assert_cmpuint (n_read, ==, 6);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (cached, "jc-done.scsw")), ==, 2);
}

/* A cache file of the format before (SCS-PORTFOLIO-4: 14 numbers and 16
 * texts a row, no gaps of self-declarations) with rows whose file keys
 * match the files: ignored whole, every file read, no row taken from it. */
static void
test_persisted_old_format (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *file = g_build_filename (f->dir, ".cache", "portfolio-rows", NULL);
  g_autofree char *identity = scs_portfolio_cache_identity ();
  g_autofree char *sum = NULL;
  g_autofree char *fresh = NULL;
  g_autofree char *dump = NULL;
  g_autoptr(GVariant) body = NULL;
  GVariantBuilder rows, catalogs;
  const char *names[] = { "jc.scsw", "scs.scsw" };
  GString *contents;

  g_object_unref (make_typed (f, "jc.scsw", SCS_WORKSPACE_TYPE_JCSTAR1));
  g_object_unref (make_client (f, "scs.scsw", "株式会社エス", 3, 10));
  wait_settled (f->dir);
  g_variant_builder_init (&catalogs, G_VARIANT_TYPE ("a{sa(su)}"));
  g_variant_builder_init (&rows, G_VARIANT_TYPE ("a(s(ttxxxxxx)auaymasmaumau)"));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (f->dir, names[i], NULL);
      guint32 numbers[14] = { 3, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0 };
      GByteArray *texts = g_byte_array_new ();
      struct stat st;

      g_assert_cmpint (stat (path, &st), ==, 0);
      g_byte_array_append (texts, (const guint8 *) "s古い形式", strlen ("s古い形式") + 1);
      for (guint t = 1; t < 15; t++)
        g_byte_array_append (texts, (const guint8 *) "n", 1);
      g_byte_array_append (texts, (const guint8 *) "s0000000000000000000000000000000000000000000000000000000000000000", 66);
      g_variant_builder_add (&rows, "(s(ttxxxxxx)@au@ay@mas@mau@mau)", path, (guint64) st.st_dev,
                             (guint64) st.st_ino, (gint64) st.st_size,
                             (gint64) st.st_mtim.tv_sec * 1000000000 + st.st_mtim.tv_nsec,
                             (gint64) st.st_ctim.tv_sec * 1000000000 + st.st_ctim.tv_nsec, (gint64) 0, (gint64) 0,
                             (gint64) 0,
                             g_variant_new_fixed_array (G_VARIANT_TYPE_UINT32, numbers, 14, sizeof (guint32)),
                             g_variant_new_fixed_array (G_VARIANT_TYPE_BYTE, texts->data, texts->len, 1),
                             g_variant_new_maybe (G_VARIANT_TYPE_STRING_ARRAY, NULL),
                             g_variant_new_maybe (G_VARIANT_TYPE ("au"), NULL),
                             g_variant_new_maybe (G_VARIANT_TYPE ("au"), NULL));
      g_byte_array_unref (texts);
    }
  g_variant_builder_add (&catalogs, "{s@a(su)}", "0000000000000000000000000000000000000000000000000000000000000000",
                         g_variant_new_array (G_VARIANT_TYPE ("(su)"), NULL, 0));
  body = g_variant_ref_sink (g_variant_new ("(sa{sa(su)}a(s(ttxxxxxx)auaymasmaumau))", identity, &catalogs,
                                            &rows));
  sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, g_variant_get_data (body), g_variant_get_size (body));
  contents = g_string_new_len ("SCS-PORTFOLIO-4", 16);
  g_string_append (contents, sum);
  g_string_append_len (contents, g_variant_get_data (body), g_variant_get_size (body));
  g_assert_cmpint (g_mkdir_with_parents (file, 0700) == 0 && g_rmdir (file) == 0, ==, TRUE);
  g_assert_true (g_file_set_contents (file, contents->str, contents->len, NULL));
  g_string_free (contents, TRUE);

  fresh = dump_fresh (f, f->dir);
  g_assert_null (strstr (fresh, "古い形式"));
  g_assert_cmpuint (list_persisted (f, f->dir, file, &dump), ==, 2);
  g_assert_cmpstr (dump, ==, fresh);
  /* and replaced by a file of this format, whose rows are then taken */
  g_clear_pointer (&dump, g_free);
  g_assert_cmpuint (list_persisted (f, f->dir, file, &dump), ==, 0);
  g_assert_cmpstr (dump, ==, fresh);
}

/* scs_portfolio_wal_state () of @bytes, written to a file of @dir. */
static gboolean
wal_state_of (const char           *dir,
              const guint8         *bytes,
              gsize                 n,
              ScsPortfolioWalState *state)
{
  g_autofree char *path = g_build_filename (dir, "crafted-wal", NULL);
  gboolean ok;
  int fd;

  g_assert_true (g_file_set_contents (path, (const char *) bytes, n, NULL));
  fd = open (path, O_RDONLY | O_CLOEXEC);
  g_assert_cmpint (fd, >=, 0);
  ok = scs_portfolio_wal_state (fd, n, state);
  close (fd);
  return ok;
}

static gboolean
wal_state_equal (const ScsPortfolioWalState *a,
                 const ScsPortfolioWalState *b)
{
  return memcmp (a, b, sizeof *a) == 0;
}

/* The log of a real -wal (three commits, one of them of several pages)
 * and of every way it can be cut short or damaged: a header that is not
 * whole or not SQLite's vouches for nothing; a log cut inside a frame or
 * with a changed byte of a page ends at the commit before (what SQLite
 * shows then), so its state differs from the whole log's, also when the
 * change keeps SQLite's checksums; random bytes never pass. */
static void
test_wal_state (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *db_path = g_build_filename (f->dir, "plain.db", NULL);
  g_autofree char *wal_path = g_strconcat (db_path, "-wal", NULL);
  g_autofree guint8 *wal = NULL;
  g_autofree guint8 *copy = NULL;
  ScsPortfolioWalState whole, state;
  gsize n, frame_size, n_frames;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (db_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0;"
                                     "CREATE TABLE t (x TEXT);"
                                     "INSERT INTO t VALUES ('one');"
                                     "INSERT INTO t SELECT hex (randomblob (3000)) FROM t, t, t, t;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (g_file_get_contents (wal_path, (char **) &wal, &n, NULL));
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  frame_size = 24 + 4096;
  g_assert_cmpuint (n, >, 32 + 4 * frame_size);
  g_assert_cmpuint ((n - 32) % frame_size, ==, 0);
  n_frames = (n - 32) / frame_size;

  g_assert_true (wal_state_of (f->dir, wal, n, &whole));
  g_assert_cmpuint (whole.frames, ==, n_frames);
  /* No -wal content: nothing to vouch for but an empty log. */
  g_assert_true (wal_state_of (f->dir, wal, 0, &state));
  g_assert_cmpuint (state.frames, ==, 0);

  /* Cut short anywhere. */
  for (gsize cut = 1; cut < n; cut += cut < 64 ? 1 : 997)
    {
      gboolean ok = wal_state_of (f->dir, wal, cut, &state);

      if (cut < 32)
        g_assert_false (ok);
      else
        {
          g_assert_true (ok);
          g_assert_cmpuint (state.frames, <=, (cut - 32) / frame_size);
          g_assert_false (wal_state_equal (&state, &whole));
        }
    }

  /* A changed byte of the last page: the last commit is not SQLite's. */
  copy = g_memdup2 (wal, n);
  copy[n - 100] ^= 0x01;
  g_assert_true (wal_state_of (f->dir, copy, n, &state));
  g_assert_cmpuint (state.frames, <, whole.frames);
  g_assert_false (wal_state_equal (&state, &whole));
  /* Bytes of the last page changed so that SQLite's checksums stay (they
   * are sums: +d, -d in one pair of words, -d in the next): the same
   * frames and checksums, only the digest tells. */
  {
    guint8 *page = copy + 32 + (n_frames - 1) * frame_size + 24 + 1000;
    guint32 w[3];

    gboolean big_endian = (wal[3] & 1) != 0;   /* the magic's low bit */

    memcpy (copy, wal, n);
    memcpy (w, page, sizeof w);
    for (guint i = 0; i < 3; i++)
      {
        guint32 v = big_endian ? GUINT32_FROM_BE (w[i]) : GUINT32_FROM_LE (w[i]);

        v += i == 0 ? 12345 : -12345;
        w[i] = big_endian ? GUINT32_TO_BE (v) : GUINT32_TO_LE (v);
      }
    memcpy (page, w, sizeof w);
    g_assert_true (wal_state_of (f->dir, copy, n, &state));
    g_assert_cmpuint (state.frames, ==, whole.frames);
    g_assert_cmpuint (state.checksum[0], ==, whole.checksum[0]);
    g_assert_cmpuint (state.checksum[1], ==, whole.checksum[1]);
    g_assert_cmpstr (state.digest, !=, whole.digest);
  }
  /* A changed salt or checksum of a frame header: the log ends before it. */
  memcpy (copy, wal, n);
  copy[32 + frame_size + 9] ^= 0x80;
  g_assert_true (wal_state_of (f->dir, copy, n, &state));
  g_assert_cmpuint (state.frames, <=, 1);
  /* A changed byte of the header (magic, version, page size, salts,
   * checksum): no key. */
  for (guint at = 0; at < 32; at++)
    {
      memcpy (copy, wal, n);
      copy[at] ^= 0x10;
      g_assert_false (wal_state_of (f->dir, copy, n, &state));
    }

  /* Random bytes of any length. */
  for (guint i = 0; i < 200; i++)
    {
      gsize length = g_test_rand_int_range (1, 3 * frame_size);

      for (gsize j = 0; j < length; j++)
        copy[j] = g_test_rand_int ();
      g_assert_false (wal_state_of (f->dir, copy, length, &state));
    }

  /* Too large to read for a row: no key. */
  {
    g_autofree char *path = g_build_filename (f->dir, "crafted-wal", NULL);
    int fd;

    g_assert_true (g_file_set_contents (path, (const char *) wal, n, NULL));
    fd = open (path, O_RDWR | O_CLOEXEC);
    g_assert_cmpint (ftruncate (fd, SCS_PORTFOLIO_WAL_MAX_SIZE + 1), ==, 0);
    g_assert_false (scs_portfolio_wal_state (fd, SCS_PORTFOLIO_WAL_MAX_SIZE + 1, &state));
    close (fd);
  }
}

/* The rows of @dir through @cache; the number of files the listing read. */
static guint
list_cached (Fixture           *f,
             ScsPortfolioCache *cache,
             const char        *basename,
             guint             *satisfied)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsPortfolio) portfolio = scs_portfolio_new (f->validity, f->today);
  guint before = scs_portfolio_cache_get_n_read (cache);

  scs_portfolio_set_cache (portfolio, cache);
  g_assert_true (scs_portfolio_add_folder (portfolio, f->dir, NULL, &error));
  g_assert_no_error (error);
  *satisfied = scs_portfolio_entry_get_satisfied (find (scs_portfolio_get_entries (portfolio), basename));
  return scs_portfolio_cache_get_n_read (cache) - before;
}

/* The workspace this process has open (the window's) is kept like any
 * other once idle, and what it commits shows in the next listing. */
static void
test_cache_own_open (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(ScsPortfolioCache) cache = scs_portfolio_cache_new ();
  g_autoptr(ScsWorkspace) open = make_client (f, "open.scsw", "株式会社オープン", 3, 2);
  g_autoptr(ScsWorkspace) other = make_client (f, "other.scsw", "株式会社アザー", 3, 1);
  g_autoptr(GError) error = NULL;
  const ScsCriterion *c;
  guint satisfied;

  g_clear_object (&other);
  wait_settled (f->dir);
  g_assert_cmpuint (list_cached (f, cache, "open.scsw", &satisfied), ==, 2);
  g_assert_cmpuint (satisfied, ==, 2);
  g_assert_cmpuint (list_cached (f, cache, "open.scsw", &satisfied), ==, 0);
  g_assert_cmpuint (satisfied, ==, 2);

  c = g_ptr_array_index (scs_catalog_get_criteria (scs_workspace_get_catalog (open)), 2);
  g_assert_true (scs_workspace_set_answer (open, c->id, SCS_ANSWER_MET, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (list_cached (f, cache, "open.scsw", &satisfied), ==, 1);
  g_assert_cmpuint (satisfied, ==, 3);
  wait_settled (f->dir);
  g_assert_cmpuint (list_cached (f, cache, "open.scsw", &satisfied), ==, 1);
  g_assert_cmpuint (list_cached (f, cache, "open.scsw", &satisfied), ==, 0);
  g_assert_cmpuint (satisfied, ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *shared = NULL;
  int status;

  scs_i18n_init ("en");
  g_test_init (&argc, &argv, NULL);
  if (!g_test_subprocess ())
    {
      shared = core_test_make_tmp_dir ("scs-portfolio-shared-XXXXXX");
      g_setenv (SHARED_DIR_ENV, shared, TRUE);
    }

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
  g_test_add ("/scs/portfolio/persisted-cache", Fixture, NULL, fixture_set_up, test_persisted_cache,
              fixture_tear_down);
  g_test_add ("/scs/portfolio/persisted-cache-corrupt", Fixture, NULL, fixture_set_up,
              test_persisted_cache_corrupt, fixture_tear_down);
  g_test_add ("/scs/portfolio/persisted-altered-schema", Fixture, NULL, fixture_set_up,
              test_persisted_altered_schema, fixture_tear_down);
  g_test_add ("/scs/portfolio/missing-folder", Fixture, NULL, fixture_set_up,
              test_missing_folder, fixture_tear_down);
  g_test_add ("/scs/portfolio/item-gaps", Fixture, NULL, fixture_set_up, test_item_gaps, fixture_tear_down);
  g_test_add ("/scs/portfolio/persisted-old-format", Fixture, NULL, fixture_set_up,
              test_persisted_old_format, fixture_tear_down);
  g_test_add ("/scs/portfolio/cache-own-open", Fixture, NULL, fixture_set_up, test_cache_own_open,
              fixture_tear_down);
  g_test_add ("/scs/portfolio/wal-state", Fixture, NULL, fixture_set_up, test_wal_state, fixture_tear_down);

  status = g_test_run ();
  if (shared != NULL)
    core_test_rm_rf (shared);
  return status;
}
