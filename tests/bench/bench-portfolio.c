/* bench-portfolio.c: time the vendor portfolio over many client workspaces
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-portfolio [N [DIR]]   (a DIR generated before is reused)
 *
 * Generates N client workspaces in DIR (a temporary folder by default):
 * one real workspace made through the core API, with answers, a
 * certification and a renewal, copied N times and varied per copy (name,
 * a few answer states) with plain SQLite so each file differs, spread over
 * ten subfolders. Then lists the folder with ScsPortfolio three times cold
 * (a new cache each time: every file read), three times in a new process
 * with the cache file a listing wrote (scs_portfolio_cache_new_persistent ():
 * stat() of each file, the rows from the file; the time from creating the
 * cache to the last row, measured in that process) and three times warm
 * (re-listing with the cache of an earlier listing in the same process:
 * only stat()) and prints the medians:
 *
 *   n=1000 cold_ms_median=… per_workspace_us=… cold_cpu_ms_median=… persisted_ms_median=…
 *          persisted_cpu_ms_median=… cache_kib=… warm_ms_median=… unreadable=0 load=…
 *
 * The files are read by one thread per processor, so the cold CPU time (all
 * threads) may exceed the wall-clock time; load is the machine's load
 * average while measuring (the wall-clock figures depend on it).
 *
 * Without arguments it measures 1,000 and 10,000 and prints how the time
 * grows (a ratio near 10 means linear: each row costs the same, nothing is
 * loaded whole). The goal: 10,000 in at most 1 s warm and 10 s cold. Not a
 * test: `build-aux/dev bench` runs it in a release build.
 *
 * bench-portfolio --persisted DIR FILE is the new process: it lists DIR
 * with the cache file FILE and prints "ms=… cpu_ms=… read=…".
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "scs-i18n.h"
#include "scs-portfolio.h"
#include "scs-renewal.h"
#include "scs-workspace.h"

static char *
make_template (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsCatalog) catalog = scs_catalog_new_builtin ();
  g_autoptr(ScsOrganization) org = scs_organization_new ();
  g_autoptr(ScsWorkspace) ws = NULL;
  char *path = g_build_filename (dir, "template.scsw.tmp", NULL);
  const GPtrArray *criteria = scs_catalog_get_criteria (catalog);

  org->name = g_strdup ("株式会社テンプレート");
  org->corporate_number = g_strdup ("7000012050002");
  ws = scs_workspace_create (path, org, 3, catalog, &error);
  if (ws == NULL)
    g_error ("%s", error->message);
  for (guint i = 0; i < criteria->len; i += 2)
    {
      const ScsCriterion *c = g_ptr_array_index (criteria, i);
      if (!scs_workspace_set_answer (ws, c->id, i % 6 == 0 ? SCS_ANSWER_NOT_MET : SCS_ANSWER_MET,
                                     "note", NULL, &error))
        g_error ("%s", error->message);
    }
  if (!scs_renewal_record_certification (ws, 3, "2026-06-01", "BENCH", &error) ||
      scs_renewal_start (ws, &error) == 0)
    g_error ("%s", error->message);
  return path;
}

static void
generate (const char *dir,
          guint       n)
{
  g_autofree char *template = make_template (dir);
  g_autofree char *contents = NULL;
  gsize length;

  if (!g_file_get_contents (template, &contents, &length, NULL))
    g_error ("cannot read the template");

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *sub = g_strdup_printf ("%s/region-%u", dir, i % 10);
      g_autofree char *path = g_strdup_printf ("%s/client-%05u.scsw", sub, i);
      g_autofree char *sql = NULL;
      sqlite3 *db = NULL;

      g_mkdir_with_parents (sub, 0700);
      if (!g_file_set_contents (path, contents, length, NULL))
        g_error ("cannot write %s", path);
      if (sqlite3_open (path, &db) != SQLITE_OK)
        g_error ("cannot open %s", path);
      sql = g_strdup_printf ("PRAGMA synchronous = OFF;"
                             "UPDATE organization SET name = '株式会社クライアント%04u';"
                             "UPDATE answer SET state = 'met' WHERE rowid %% 7 = %u "
                             "  AND assessment = (SELECT max (id) FROM assessment);",
                             i, i % 7);
      if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
        g_error ("%s: %s", path, sqlite3_errmsg (db));
      sqlite3_close (db);
    }
  g_unlink (template);
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

/* The CPU time of all threads of the process (user and system), in ms:
 * what a listing costs whatever else the machine is doing. */
static double
cpu_ms (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
}

/* The new process of a listing with the cache file: lists @dir with @file
 * and prints the time from creating the cache to the last row. */
static int
list_persisted (const char *dir,
                const char *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsValidity) validity = scs_validity_load_default (&error);
  g_autoptr(ScsPortfolio) portfolio = NULL;
  g_autoptr(ScsPortfolioCache) cache = NULL;
  gint64 start;
  double cpu_start;

  if (validity == NULL)
    g_error ("%s", error->message);
  portfolio = scs_portfolio_new (validity, NULL);
  start = g_get_monotonic_time ();
  cpu_start = cpu_ms ();
  cache = scs_portfolio_cache_new_persistent (file);
  scs_portfolio_set_cache (portfolio, cache);
  if (!scs_portfolio_add_folder (portfolio, dir, NULL, &error))
    g_error ("%s", error->message);
  printf ("ms=%.1f cpu_ms=%.1f read=%u\n", (g_get_monotonic_time () - start) / 1000.0, cpu_ms () - cpu_start,
          scs_portfolio_cache_get_n_read (cache));
  return 0;
}

/* Runs list_persisted () in a new process; its time in ms. */
static double
list_in_new_process (const char *dir,
                     const char *file,
                     guint       n,
                     double     *cpu)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  const char *argv[] = { self, "--persisted", dir, file, NULL };
  double ms = 0;
  guint n_read = G_MAXUINT;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("the listing with the cache file failed: %s", error->message);
  if (sscanf (out, "ms=%lf cpu_ms=%lf read=%u", &ms, cpu, &n_read) != 3 || n_read != 0)
    g_error ("the listing with the cache file read %u of %u files: %s", n_read, n, out);
  return ms;
}

/* One listing of @dir with @cache; its time in ms. */
static double
list_once (const char        *dir,
           guint              n,
           ScsValidity       *validity,
           ScsPortfolioCache *cache,
           guint             *unreadable,
           double            *cpu)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsPortfolio) portfolio = scs_portfolio_new (validity, NULL);
  gint64 start;
  double ms, cpu_start;
  GListModel *model;

  scs_portfolio_set_cache (portfolio, cache);
  start = g_get_monotonic_time ();
  cpu_start = cpu_ms ();
  if (!scs_portfolio_add_folder (portfolio, dir, NULL, &error))
    g_error ("%s", error->message);
  ms = (g_get_monotonic_time () - start) / 1000.0;
  *cpu = cpu_ms () - cpu_start;
  model = scs_portfolio_get_entries (portfolio);
  *unreadable = 0;
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(ScsPortfolioEntry) e = g_list_model_get_item (model, i);
      *unreadable += scs_portfolio_entry_get_error (e) != NULL;
    }
  if (g_list_model_get_n_items (model) != n)
    g_error ("listed %u entries, expected %u", g_list_model_get_n_items (model), n);
  return ms;
}

/* The machine's one-minute load average (other work slows the wall-clock
 * figures; the CPU time is what the listing itself costs). */
static double
load_average (void)
{
  g_autofree char *text = NULL;

  if (!g_file_get_contents ("/proc/loadavg", &text, NULL, NULL))
    return -1;
  return g_ascii_strtod (text, NULL);
}

static double
measure (const char *dir,
         guint       n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsValidity) validity = scs_validity_load_default (&error);
  g_autoptr(ScsPortfolioCache) warm_cache = scs_portfolio_cache_new ();
  g_autofree char *cache_dir = g_dir_make_tmp ("bench-portfolio-cache-XXXXXX", NULL);
  g_autofree char *cache_file = g_build_filename (cache_dir, "portfolio-rows", NULL);
  double runs[3], warm[3], cpu[3], persisted[3], persisted_cpu[3], ignored;
  guint unreadable = 0;
  GStatBuf st;

  if (validity == NULL)
    g_error ("%s", error->message);

  for (guint r = 0; r < G_N_ELEMENTS (runs); r++)
    {
      g_autoptr(ScsPortfolioCache) cold = scs_portfolio_cache_new ();

      runs[r] = list_once (dir, n, validity, cold, &unreadable, &cpu[r]);
    }
  /* A file changed within the settle time is always read: the last files
   * generated must age first (an existing folder has). */
  g_usleep ((SCS_PORTFOLIO_CACHE_SETTLE_SECONDS * G_USEC_PER_SEC) + 100000);
  {
    g_autoptr(ScsPortfolioCache) writer = scs_portfolio_cache_new_persistent (cache_file);

    list_once (dir, n, validity, writer, &unreadable, &ignored);
  }
  for (guint r = 0; r < G_N_ELEMENTS (persisted); r++)
    persisted[r] = list_in_new_process (dir, cache_file, n, &persisted_cpu[r]);
  if (g_stat (cache_file, &st) != 0)
    g_error ("no cache file");
  g_unlink (cache_file);
  g_rmdir (cache_dir);
  list_once (dir, n, validity, warm_cache, &unreadable, &ignored);
  for (guint r = 0; r < G_N_ELEMENTS (warm); r++)
    warm[r] = list_once (dir, n, validity, warm_cache, &unreadable, &ignored);
  if (scs_portfolio_cache_get_n_read (warm_cache) != n)
    g_error ("the warm listings read %u files, expected %u", scs_portfolio_cache_get_n_read (warm_cache), n);
  qsort (warm, G_N_ELEMENTS (warm), sizeof warm[0], compare_doubles);
  qsort (runs, G_N_ELEMENTS (runs), sizeof runs[0], compare_doubles);
  qsort (cpu, G_N_ELEMENTS (cpu), sizeof cpu[0], compare_doubles);
  qsort (persisted, G_N_ELEMENTS (persisted), sizeof persisted[0], compare_doubles);
  qsort (persisted_cpu, G_N_ELEMENTS (persisted_cpu), sizeof persisted_cpu[0], compare_doubles);
  printf ("n=%u cold_ms_median=%.1f per_workspace_us=%.0f cold_cpu_ms_median=%.1f persisted_ms_median=%.1f "
          "persisted_cpu_ms_median=%.1f cache_kib=%.0f warm_ms_median=%.1f unreadable=%u load=%.2f\n",
          n, runs[1], runs[1] * 1000.0 / n, cpu[1], persisted[1], persisted_cpu[1], st.st_size / 1024.0, warm[1],
          unreadable, load_average ());
  fflush (stdout);
  return runs[1];
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        remove_dir (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

static double
run_one (guint       n,
         const char *dir_arg)
{
  g_autofree char *dir = NULL;
  double ms;

  if (dir_arg != NULL)
    {
      g_autofree char *first = g_build_filename (dir_arg, "region-0", "client-00000.scsw", NULL);

      g_mkdir_with_parents (dir_arg, 0700);
      dir = g_strdup (dir_arg);
      /* A folder generated before is measured again as it is. */
      if (!g_file_test (first, G_FILE_TEST_EXISTS))
        generate (dir, n);
    }
  else
    {
      dir = g_dir_make_tmp ("bench-portfolio-XXXXXX", NULL);
      generate (dir, n);
    }

  ms = measure (dir, n);
  if (dir_arg == NULL)
    remove_dir (dir);
  return ms;
}

int
main (int   argc,
      char *argv[])
{
  scs_i18n_init ("en");

  if (argc == 4 && g_str_equal (argv[1], "--persisted"))
    return list_persisted (argv[2], argv[3]);
  if (argc >= 2)
    {
      guint64 n;

      if (!g_ascii_string_to_unsigned (argv[1], 10, 1, 100000, &n, NULL))
        {
          fprintf (stderr, "usage: bench-portfolio [N [DIR]]\n");
          return 2;
        }
      run_one ((guint) n, argc >= 3 ? argv[2] : NULL);
    }
  else
    {
      double small = run_one (1000, NULL);
      double large = run_one (10000, NULL);

      printf ("growth 1000→10000: ×%.1f (10 = linear)\n", large / small);
    }
  return 0;
}
