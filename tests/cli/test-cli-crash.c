/* test-cli-crash.c: scs-cli killed with SIGKILL in the middle of a write
 *
 * The data-safety promise (docs/DESIGN.md) holds after kill -9 too. Each
 * case runs the real scs-cli once under crash-shim.so to count the calls
 * that change a file (write, fsync, rename, …), then again from the same
 * starting state killed just before the Nth of them, for N spread over the
 * whole run and every one of the last calls (where commits and renames
 * are), and checks what is left with stock tools: sqlite3's
 * integrity_check, the data fully old or fully new, the audit trail, and
 * scs-cli verify on a package. Cases: a schema upgrade at opening, a move
 * to another catalog version, a final export, the portfolio's row cache,
 * a 60,000-row scope import. SCS_CRASH_TRIALS sets how many points are
 * tried (default 24; a sixth of them, at least 4, for the long import),
 * SCS_CRASH_IMPORT_ROWS how many rows the import has (default 60,000).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/wait.h>

#include <glib/gstdio.h>

#include "cli-test-util.h"
#include "scs-workspace.h"

static char *certs_dir;

/* Runs $SCS_CLI @args under the shim: killed before its @crash_at-th write
 * (0: only counted, the count returned in @n_calls). TRUE if it was killed. */
static gboolean
run_shimmed (const char * const *args,
             const char         *cache_home,
             guint               crash_at,
             guint              *n_calls,
             int                *exit_status)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                                                       G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *count_file = NULL;
  g_autofree char *at = g_strdup_printf ("%u", crash_at);
  const char *asan = g_getenv ("ASAN_OPTIONS");
  g_autofree char *asan_options = NULL;

  g_ptr_array_add (argv, (gpointer) g_getenv ("SCS_CLI"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_subprocess_launcher_setenv (launcher, "SCS_LANGUAGE", "en", TRUE);
  g_subprocess_launcher_setenv (launcher, "SCS_ACTOR", "クラッシュ 試験", TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CACHE_HOME", cache_home, TRUE);
  g_subprocess_launcher_setenv (launcher, "LD_PRELOAD", g_getenv ("CRASH_SHIM"), TRUE);
  /* under ASan the shim comes before its runtime: allowed for this child */
  asan_options = g_strdup_printf ("%s%sverify_asan_link_order=0", asan != NULL ? asan : "", asan != NULL ? ":" : "");
  g_subprocess_launcher_setenv (launcher, "ASAN_OPTIONS", asan_options, TRUE);
  if (crash_at > 0)
    g_subprocess_launcher_setenv (launcher, "SCS_CRASH_AT", at, TRUE);
  else
    {
      int fd = g_file_open_tmp ("scs-crash-count-XXXXXX", &count_file, &error);

      g_assert_no_error (error);
      close (fd);
      g_subprocess_launcher_setenv (launcher, "SCS_CRASH_COUNT_FILE", count_file, TRUE);
    }

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);

  if (count_file != NULL)
    {
      g_autofree char *text = NULL;

      g_assert_true (g_file_get_contents (count_file, &text, NULL, NULL));
      g_unlink (count_file);
      *n_calls = (guint) g_ascii_strtoull (text, NULL, 10);
      g_assert_cmpuint (*n_calls, >, 0);
    }
  if (g_subprocess_get_if_signaled (process))
    {
      g_assert_cmpint (g_subprocess_get_term_sig (process), ==, SIGKILL);
      return TRUE;
    }
  if (exit_status != NULL)
    *exit_status = g_subprocess_get_exit_status (process);
  return FALSE;
}

/* The points to kill at for a run of @n calls: spread over it, and the
 * last ones, where commits and renames are. */
static GArray *
crash_points_divided (guint n,
                      guint divisor)
{
  GArray *points = g_array_new (FALSE, FALSE, sizeof (guint));
  guint trials = (guint) g_ascii_strtoull (g_getenv ("SCS_CRASH_TRIALS") != NULL ? g_getenv ("SCS_CRASH_TRIALS") : "24",
                                           NULL, 10) / divisor;
  trials = MAX (trials, 4);  /* the first write, the middle, the last two */
  guint spread = MAX (trials / 2, 1);
  guint tail = trials - spread;
  guint last = 0;

  for (guint i = 0; i < spread; i++)
    {
      guint at = 1 + (guint) ((guint64) i * n / spread);

      if (at > last && at + tail <= n)
        {
          g_array_append_val (points, at);
          last = at;
        }
    }
  for (guint at = n > tail ? n - tail + 1 : 1; at <= n; at++)
    if (at > last)
      {
        g_array_append_val (points, at);
        last = at;
      }
  return points;
}

static GArray *
crash_points (guint n)
{
  return crash_points_divided (n, 1);
}

static char *
sqlite_query (const char *path,
              const char *sql)
{
  const char *argv[] = { "sqlite3", path, sql, NULL };
  g_autoptr(CliRun) run = cli_test_spawn (NULL, argv);

  g_assert_cmpint (run->status, ==, 0);
  return g_strdup (run->out);
}

static void
assert_integrity (const char *path)
{
  g_autofree char *check = sqlite_query (path, "PRAGMA integrity_check");

  g_assert_cmpstr (check, ==, "ok\n");
}

static gboolean
have_tools (void)
{
  g_autofree char *sqlite3 = g_find_program_in_path ("sqlite3");

  if (sqlite3 == NULL)
    {
      g_test_skip ("no sqlite3 program");
      return FALSE;
    }
  return TRUE;
}

/* The names in @dir, sorted, joined by spaces. */
static char *
list_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autofree char *contents = NULL;
  gsize length;
  g_autofree char *wal = g_strconcat (to, "-wal", NULL);
  g_autofree char *shm = g_strconcat (to, "-shm", NULL);

  g_assert_true (g_file_get_contents (from, &contents, &length, NULL));
  g_unlink (wal);
  g_unlink (shm);
  core_test_write_file (to, contents, length);
}

/* (a) A workspace of an older format upgraded at opening, killed
 * anywhere: the file is whole at some version, and the next opening
 * finishes the upgrade with every answer and audit row of the old file. */
static void
check_migration (const char *fixture_name)
{
  g_autofree char *dir = core_test_make_tmp_dir ("scs-crash-migration-XXXXXX");
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "core", "fixtures", fixture_name, NULL);
  g_autofree char *path = g_build_filename (dir, "w.scsw", NULL);
  g_autofree char *cache = g_build_filename (dir, "cache", NULL);
  g_autofree char *answers = NULL;
  g_autofree char *audit = NULL;
  const char *args[] = { "info", path, NULL };
  g_autoptr(GArray) points = NULL;
  guint n = 0;
  guint killed = 0;

  if (!have_tools ())
    return;
  copy_file (fixture, path);
  g_assert_false (run_shimmed (args, cache, 0, &n, NULL));
  answers = sqlite_query (path, "SELECT criterion_id, state, note FROM answer ORDER BY 1");
  audit = sqlite_query (path, "SELECT * FROM audit ORDER BY id");
  g_assert_cmpstr (answers, !=, "");

  points = crash_points (n);
  for (guint i = 0; i < points->len; i++)
    {
      guint at = g_array_index (points, guint, i);
      g_autofree char *version = NULL;
      g_autofree char *after = NULL;
      g_autofree char *after_audit = NULL;
      g_autoptr(CliRun) run = NULL;

      copy_file (fixture, path);
      killed += run_shimmed (args, cache, at, NULL, NULL);
      assert_integrity (path);
      version = sqlite_query (path, "PRAGMA user_version");
      g_assert_true (g_strv_contains ((const char * const[]) { "1\n", "2\n", "3\n", NULL }, version));

      run = CLI_TEST_RUN (NULL, "info", path);
      cli_test_assert_ok (run);
      after = sqlite_query (path, "SELECT criterion_id, state, note FROM answer ORDER BY 1");
      after_audit = sqlite_query (path, "SELECT * FROM audit ORDER BY id");
      g_assert_cmpstr (after, ==, answers);
      g_assert_cmpstr (after_audit, ==, audit);
    }
  g_test_message ("migration of %s: %u writes, %u points, %u kills", fixture_name, n, points->len, killed);
  g_assert_cmpuint (killed, >, 0);
  core_test_rm_rf (dir);
}

/* Format 1: no modules yet, every module's tables created. */
static void
test_migration (void)
{
  check_migration ("workspace-v1.scsw");
}

/* Format 2 with the review module at version 1, whose steps made the
 * signing tables and the seal: the modules split off it are recorded
 * first, then their steps and review's run, each killed anywhere. */
static void
test_migration_split (void)
{
  check_migration ("workspace-v2.scsw");
}

/* What a catalog migration changes: the catalog, the answers, how many
 * audit rows. */
static char *
migration_state (const char *path)
{
  return sqlite_query (path, "SELECT catalog_sha256 FROM assessment; "
                             "SELECT criterion_id, state, note FROM answer ORDER BY 1; "
                             "SELECT count(*) FROM audit");
}

/* (e) The answers moved to another catalog version (scs-cli migrate),
 * killed anywhere: the workspace is whole, on the old catalog with the old
 * answers and audit, or on the new one with all of the migration's. */
static void
test_catalog_migration (void)
{
  g_autofree char *dir = core_test_make_tmp_dir ("scs-crash-catalog-XXXXXX");
  g_autofree char *catalog = g_test_build_filename (G_TEST_DIST, "core", "fixtures", "catalog-minimal.xml", NULL);
  g_autofree char *base = g_build_filename (dir, "base.scsw", NULL);
  g_autofree char *path = g_build_filename (dir, "w.scsw", NULL);
  g_autofree char *cache = g_build_filename (dir, "cache", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *args[] = { "migrate", path, "--catalog", catalog, "--yes", NULL };
  g_autoptr(GArray) points = NULL;
  g_autoptr(CliRun) run = NULL;
  guint n = 0;
  guint killed = 0;

  if (!have_tools ())
    return;
  run = CLI_TEST_RUN (NULL, "new", base, "--name", "株式会社アクメ", "--corporate-number", "7000012050002");
  cli_test_assert_ok (run);
  g_clear_pointer (&run, cli_run_free);
  run = CLI_TEST_RUN (NULL, "answer", base, "1-2-1-1", "met", "--note", "移行前のメモ");
  cli_test_assert_ok (run);
  before = migration_state (base);

  copy_file (base, path);
  g_assert_false (run_shimmed (args, cache, 0, &n, NULL));
  after = migration_state (path);
  g_assert_cmpstr (after, !=, before);

  points = crash_points (n);
  for (guint i = 0; i < points->len; i++)
    {
      guint at = g_array_index (points, guint, i);
      g_autofree char *state = NULL;

      copy_file (base, path);
      killed += run_shimmed (args, cache, at, NULL, NULL);
      assert_integrity (path);
      state = migration_state (path);
      if (!g_str_equal (state, before) && !g_str_equal (state, after))
        g_error ("kill at %u of %u: neither before nor after the migration:\n%s", at, n, state);
    }
  g_test_message ("catalog migration: %u writes, %u points, %u kills", n, points->len, killed);
  g_assert_cmpuint (killed, >, 0);
  core_test_rm_rf (dir);
}

/* (b) A scope import of 60,000 rows, one transaction: killed anywhere, the
 * workspace has none of them or all of them, with their audit rows. Far
 * more than SQLite's page cache holds, so the transaction's pages go into
 * the -wal long before the commit (6,000 rows already fill half of it
 * before; the sanitized build imports that many: SCS_CRASH_IMPORT_ROWS). */
static void
test_scope_import (void)
{
  g_autofree char *dir = core_test_make_tmp_dir ("scs-crash-import-XXXXXX");
  g_autofree char *base = g_build_filename (dir, "base.scsw", NULL);
  g_autofree char *path = g_build_filename (dir, "w.scsw", NULL);
  g_autofree char *csv = g_build_filename (dir, "assets.csv", NULL);
  g_autofree char *cache = g_build_filename (dir, "cache", NULL);
  g_autoptr(GString) text = g_string_new ("name,type\n");
  g_autofree char *audit_before = NULL;
  g_autofree char *audit_after = NULL;
  g_autofree char *all_rows = NULL;
  const char *args[] = { "scope", "import-csv", path, "boundary", csv, NULL };
  g_autoptr(GArray) points = NULL;
  g_autoptr(CliRun) run = NULL;
  guint rows = (guint) g_ascii_strtoull (g_getenv ("SCS_CRASH_IMPORT_ROWS") != NULL ? g_getenv ("SCS_CRASH_IMPORT_ROWS")
                                                                                   : "60000", NULL, 10);
  guint n = 0;
  guint killed = 0;
  guint all = 0;

  if (!have_tools ())
    return;
  run = CLI_TEST_RUN (NULL, "new", base, "--name", "株式会社アクメ", "--corporate-number", "7000012050002",
                      "--level", "4");
  cli_test_assert_ok (run);
  g_assert_cmpuint (rows, >, 0);
  all_rows = g_strdup_printf ("%u\n", rows);
  for (guint i = 0; i < rows; i++)
    g_string_append_printf (text, "FW-%05u,router\n", i);
  core_test_write_file (csv, text->str, text->len);
  audit_before = sqlite_query (base, "SELECT count(*) FROM audit");

  copy_file (base, path);
  g_assert_false (run_shimmed (args, cache, 0, &n, NULL));
  {
    g_autofree char *items = sqlite_query (path, "SELECT count(*) FROM scope_item");

    g_assert_cmpstr (items, ==, all_rows);
  }
  audit_after = sqlite_query (path, "SELECT count(*) FROM audit");

  /* each trial is a long run: a sixth of the points of the short cases */
  points = crash_points_divided (n, 6);
  for (guint i = 0; i < points->len; i++)
    {
      guint at = g_array_index (points, guint, i);
      g_autofree char *items = NULL;
      g_autofree char *audit = NULL;

      copy_file (base, path);
      killed += run_shimmed (args, cache, at, NULL, NULL);
      assert_integrity (path);
      items = sqlite_query (path, "SELECT count(*) FROM scope_item");
      audit = sqlite_query (path, "SELECT count(*) FROM audit");
      if (g_str_equal (items, all_rows))
        {
          g_assert_cmpstr (audit, ==, audit_after);
          all++;
        }
      else
        {
          g_assert_cmpstr (items, ==, "0\n");
          g_assert_cmpstr (audit, ==, audit_before);
        }
    }
  g_test_message ("scope import of %u rows: %u writes, %u points, %u kills, %u with all rows", rows, n, points->len,
                  killed, all);
  g_assert_cmpuint (killed, >, 0);
  core_test_rm_rf (dir);
}

/* The submissions the workspace at @path records, "NAME SHA256" lines. */
static char *
recorded_submissions (const char *path)
{
  return sqlite_query (path, "SELECT file_name, sha256 FROM submission ORDER BY id");
}

/* (c) A final signed export over an earlier package of another signing,
 * killed anywhere: the name holds a whole package that verifies, the one
 * the workspace records last; a replaced package is never lost unless the
 * new one is recorded; the workspace is whole; after the next export into
 * the folder no partial file is left. */
static void
test_export (void)
{
  g_autofree char *dir = core_test_make_tmp_dir ("scs-crash-export-XXXXXX");
  g_autofree char *base = g_build_filename (dir, "base.scsw", NULL);
  g_autofree char *path = g_build_filename (dir, "w.scsw", NULL);
  g_autofree char *out = g_build_filename (dir, "out", NULL);
  g_autofree char *package = g_build_filename (out, "submission.scsp", NULL);
  g_autofree char *old_package = g_build_filename (dir, "old.scsp", NULL);
  g_autofree char *cache = g_build_filename (dir, "cache", NULL);
  g_autofree char *ca = g_build_filename (certs_dir, "ca.pem", NULL);
  g_autofree char *old_sha = NULL;
  g_autofree char *new_sha = NULL;
  g_autofree char *base_records = NULL;
  const char *args[] = { "export", path, "--out", package, NULL };
  g_autoptr(GArray) points = NULL;
  guint n = 0;
  guint killed = 0;

  if (!have_tools ())
    return;
  g_assert_cmpint (g_mkdir (out, 0755), ==, 0);
  {
    g_autoptr(ScsWorkspace) workspace = core_test_workspace_new (base, "株式会社アクメ", 3, "テスト 太郎");

    core_test_seal_workspace (workspace, certs_dir, FALSE);
  }
  /* the package sent earlier, of an earlier signing (another sealed file
   * here), recorded in the workspace as its last submission */
  {
    g_autofree char *earlier = g_build_filename (dir, "earlier.scsw", NULL);
    g_autoptr(CliRun) run = NULL;
    g_autofree char *row = NULL;
    g_autofree char *sql = NULL;

    {
      g_autoptr(ScsWorkspace) workspace = core_test_workspace_new (earlier, "株式会社アクメ旧", 3, "テスト 太郎");

      core_test_seal_workspace (workspace, certs_dir, FALSE);
    }
    run = CLI_TEST_RUN (NULL, "export", earlier, "--out", package);
    cli_test_assert_ok (run);
    row = sqlite_query (earlier, "SELECT quote (sha256) || ', ' || size || ', ' || quote (exported) || ', ' || "
                                 "quote (exporter) || ', ' || quote (expert_status) FROM submission");
    g_strchomp (row);
    sql = g_strdup_printf ("INSERT INTO submission (assessment, file_name, sha256, size, exported, exporter, "
                           "expert_status) VALUES (1, 'submission.scsp', %s)", row);
    g_free (sqlite_query (base, sql));
    g_assert_true (g_rename (package, old_package) == 0);
  }
  old_sha = core_test_file_sha256 (old_package);
  base_records = recorded_submissions (base);

  copy_file (base, path);
  copy_file (old_package, package);
  g_assert_false (run_shimmed (args, cache, 0, &n, NULL));
  new_sha = core_test_file_sha256 (package);

  points = crash_points (n);
  for (guint i = 0; i < points->len; i++)
    {
      guint at = g_array_index (points, guint, i);
      g_autofree char *records = NULL;
      g_autofree char *sha = NULL;
      g_autofree char *names = NULL;
      g_autofree char *last_record = NULL;
      g_autofree char *new_record = NULL;
      g_autoptr(CliRun) verify = NULL;

      copy_file (base, path);
      copy_file (old_package, package);
      killed += run_shimmed (args, cache, at, NULL, NULL);
      assert_integrity (path);
      records = recorded_submissions (path);
      g_assert_true (g_str_has_prefix (records, base_records));

      /* the name holds a whole package that verifies … */
      verify = CLI_TEST_RUN (NULL, "verify", package, "--ca", ca);
      cli_test_assert_ok (verify);
      /* … the old one, as the workspace records it, or the new one,
       * recorded or (killed between the rename and the commit) not yet */
      sha = core_test_file_sha256 (package);
      new_record = g_strdup_printf ("%ssubmission.scsp|%s\n", base_records, new_sha);
      if (g_str_equal (sha, old_sha))
        g_assert_cmpstr (records, ==, base_records);
      else if (g_str_equal (sha, new_sha))
        g_assert_true (g_str_equal (records, base_records) || g_str_equal (records, new_record));
      else
        g_error ("kill at %u of %u: the package at the name is neither the old nor the new one", at, n);

      /* exporting again records what is at the name and removes what the
       * killed export left */
      {
        g_autoptr(CliRun) again = CLI_TEST_RUN (NULL, "export", path, "--out", package);

        cli_test_assert_ok (again);
        g_free (sha);
        sha = core_test_file_sha256 (package);
        g_assert_cmpstr (sha, ==, new_sha);
        g_free (records);
        records = recorded_submissions (path);
        last_record = g_strdup_printf ("submission.scsp|%s\n", new_sha);
        g_assert_true (g_str_has_suffix (records, last_record));
      }
      names = list_dir (out);
      g_assert_cmpstr (names, ==, "submission.scsp");
    }
  g_test_message ("export: %u writes, %u points, %u kills", n, points->len, killed);
  g_assert_cmpuint (killed, >, 0);
  core_test_rm_rf (dir);
}

/* A portfolio of the six clients of the folder @template, copied into
 * @dir/clients, listed with its row cache in @dir/cache. */
typedef struct
{
  char *clients;
  char *first;       /* clients/client-0.scsw */
  char *cache;       /* XDG_CACHE_HOME */
  char *cache_env;   /* XDG_CACHE_HOME=cache */
  char *cache_folder;
} Portfolio;

static void
portfolio_copy (Portfolio  *p,
                const char *template,
                const char *dir)
{
  p->clients = g_build_filename (dir, "clients", NULL);
  p->first = g_build_filename (p->clients, "client-0.scsw", NULL);
  p->cache = g_build_filename (dir, "cache", NULL);
  p->cache_env = g_strdup_printf ("XDG_CACHE_HOME=%s", p->cache);
  p->cache_folder = g_build_filename (p->cache, "scs-workbench", NULL);
  g_assert_cmpint (g_mkdir_with_parents (p->clients, 0755), ==, 0);
  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *name = g_strdup_printf ("client-%u.scsw", i);
      g_autofree char *from = g_build_filename (template, name, NULL);
      g_autofree char *to = g_build_filename (p->clients, name, NULL);

      copy_file (from, to);
    }
}

static void
portfolio_clear (Portfolio *p)
{
  g_free (p->clients);
  g_free (p->first);
  g_free (p->cache);
  g_free (p->cache_env);
  g_free (p->cache_folder);
}

/* The arguments of `scs-cli portfolio` on @p into @argv, 7 places
 * (--no-cache: read from the files only). */
static void
portfolio_argv (Portfolio   *p,
                gboolean     no_cache,
                const char **argv)
{
  const char *args[] = { "portfolio", p->clients, "--json", "--today", "2027-03-01",
                         no_cache ? "--no-cache" : NULL, NULL };

  memcpy (argv, args, sizeof args);
}

static CliRun *
portfolio_list (Portfolio *p,
                gboolean   no_cache)
{
  const char *argv[7];
  CliOptions options = { .env = (const char * const[]) { p->cache_env, NULL } };

  portfolio_argv (p, no_cache, argv);
  return cli_test_run (&options, argv);
}

/* @p's first client answers @id (@state, with @note when not NULL). */
static void
portfolio_answer (Portfolio  *p,
                  const char *id,
                  const char *state,
                  const char *note)
{
  g_autoptr(CliRun) run = CLI_TEST_RUN (NULL, "answer", p->first, id, state, note != NULL ? "--note" : NULL, note);

  cli_test_assert_ok (run);
}

/* @p listed with its cache filled, then a change it keeps a new row for,
 * settled (after cli_test_wait_settled_since): the state the listing is
 * counted and killed in. */
static void
portfolio_before_kill (Portfolio *p)
{
  g_autoptr(CliRun) fill = portfolio_list (p, FALSE);

  cli_test_assert_ok (fill);
  portfolio_answer (p, "1-2-1-2", "met", NULL);
}

/* (d) The portfolio listing killed while it writes its row cache: the next
 * listing, after a client's file changed, shows what the files hold (as
 * --no-cache reads them) and leaves only the cache file in its folder.
 * Each kill point has a copy of its own of the same portfolio, so that
 * every step waits for the files to settle once for all of them (and
 * each killed listing does the same writes as the one counted). */
static void
test_portfolio_cache (void)
{
  g_autofree char *dir = core_test_make_tmp_dir ("scs-crash-portfolio-XXXXXX");
  g_autofree char *template = g_build_filename (dir, "template", NULL);
  g_autofree char *count_dir = g_build_filename (dir, "count", NULL);
  g_autoptr(GArray) points = NULL;
  g_autofree Portfolio *copies = NULL;
  Portfolio counted;
  const char *args[7];
  guint n = 0;
  guint killed = 0;

  g_assert_cmpint (g_mkdir (template, 0755), ==, 0);
  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *name = g_strdup_printf ("client-%u.scsw", i);
      g_autofree char *path = g_build_filename (template, name, NULL);
      g_autofree char *org = g_strdup_printf ("株式会社%u", i);
      g_autoptr(ScsWorkspace) workspace = core_test_workspace_new (path, org, 3, "テスト 太郎");
    }

  /* only files settled are kept in the cache */
  portfolio_copy (&counted, template, count_dir);
  cli_test_wait_settled_since (g_get_real_time ());
  portfolio_before_kill (&counted);
  cli_test_wait_settled_since (g_get_real_time ());
  portfolio_argv (&counted, FALSE, args);
  g_assert_false (run_shimmed (args, counted.cache, 0, &n, NULL));
  {
    g_autofree char *names = list_dir (counted.cache_folder);

    g_assert_cmpstr (names, ==, "portfolio-rows");
  }
  portfolio_clear (&counted);

  points = crash_points (n);
  copies = g_new0 (Portfolio, points->len);
  for (guint i = 0; i < points->len; i++)
    {
      g_autofree char *name = g_strdup_printf ("point-%u", i);
      g_autofree char *copy_dir = g_build_filename (dir, name, NULL);

      portfolio_copy (&copies[i], template, copy_dir);
    }
  cli_test_wait_settled_since (g_get_real_time ());
  for (guint i = 0; i < points->len; i++)
    portfolio_before_kill (&copies[i]);
  cli_test_wait_settled_since (g_get_real_time ());
  for (guint i = 0; i < points->len; i++)
    {
      portfolio_argv (&copies[i], FALSE, args);
      killed += run_shimmed (args, copies[i].cache, g_array_index (points, guint, i), NULL, NULL);
    }

  /* another change after the killed listing, settled, so a stale row kept
   * for it would be believed */
  for (guint i = 0; i < points->len; i++)
    {
      g_autofree char *note = g_strdup_printf ("met-%u", i);

      portfolio_answer (&copies[i], "1-2-1-1", "met", note);
    }
  cli_test_wait_settled_since (g_get_real_time ());
  for (guint i = 0; i < points->len; i++)
    {
      g_autoptr(CliRun) cached = portfolio_list (&copies[i], FALSE);
      g_autoptr(CliRun) fresh = portfolio_list (&copies[i], TRUE);
      g_autofree char *names = NULL;

      cli_test_assert_ok (cached);
      cli_test_assert_ok (fresh);
      g_assert_cmpstr (cached->out, ==, fresh->out);
      names = list_dir (copies[i].cache_folder);
      g_assert_cmpstr (names, ==, "portfolio-rows");
      portfolio_clear (&copies[i]);
    }
  g_test_message ("portfolio: %u writes, %u points, %u kills", n, points->len, killed);
  /* each listing killed does what the one counted did */
  g_assert_cmpuint (killed, ==, points->len);
  core_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  int rc;

  g_test_init (&argc, &argv, NULL);
  g_setenv ("SCS_PROFILE", "/nonexistent/profile.ini", TRUE);
  certs_dir = core_test_make_tmp_dir ("scs-crash-certs-XXXXXX");
  core_test_make_certificates (certs_dir, TRUE);

  g_test_add_func ("/scs/cli/crash/migration", test_migration);
  g_test_add_func ("/scs/cli/crash/migration-split", test_migration_split);
  g_test_add_func ("/scs/cli/crash/catalog-migration", test_catalog_migration);
  g_test_add_func ("/scs/cli/crash/export", test_export);
  g_test_add_func ("/scs/cli/crash/portfolio-cache", test_portfolio_cache);
  g_test_add_func ("/scs/cli/crash/scope-import", test_scope_import);
  rc = g_test_run ();

  core_test_rm_rf (certs_dir);
  g_free (certs_dir);
  return rc;
}
