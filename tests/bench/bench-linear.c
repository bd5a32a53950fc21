/* bench-linear.c: costs that must grow linearly with the input
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage:
 *   bench-linear report PATH NOTES NOTE_KIB
 *       creates PATH, a ★3 workspace with NOTES notes of NOTE_KIB KiB each
 *       (Japanese and ASCII text, one paragraph break per ~2 KiB), and
 *       times the draft report (scs_report_render); prints its time, pages
 *       and size, and the peak RSS of this process.
 *   bench-linear scope-csv PATH ROWS
 *       creates PATH, a ★4 workspace, and a CSV of ROWS servers; times the
 *       parse, the dry run (scs_scope_import_check) and the real import
 *       (scs_scope_import_commit) separately.
 *
 * Output is one line of key=value pairs for tests/bench/run to tabulate.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "scs-report.h"
#include "scs-scope.h"
#include "scs-scope-import.h"
#include "scs-workspace.h"

static void
die (const char *what,
     GError     *error)
{
  fprintf (stderr, "bench-linear: %s: %s\n", what, error ? error->message : "failed");
  exit (1);
}

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static double
peak_rss_mib (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

/* CPU time of this process (all threads), ms: steadier than wall-clock
 * time on a machine shared with other work. */
static double
cpu_ms (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
}

static ScsWorkspace *
create (const char *path,
        guint       level)
{
  g_autoptr(ScsCatalog) catalog = scs_catalog_new_builtin ();
  g_autoptr(ScsOrganization) org = scs_organization_new ();
  ScsWorkspace *ws;
  g_autoptr(GError) error = NULL;

  org->name = g_strdup ("株式会社ベンチ精機");
  org->corporate_number = g_strdup ("7000012050002");
  ws = scs_workspace_create (path, org, level, catalog, &error);
  if (ws == NULL)
    die (path, error);
  return ws;
}

/* @size bytes of note text: sentences of Japanese and ASCII, a paragraph
 * break every ~2 KiB, cut at a character boundary. */
static char *
note_text (gsize size,
           guint seed)
{
  static const char *sentences[] = {
    "情報セキュリティ基本方針を定め、年1回見直している。",
    "Access to the file server is reviewed every quarter by the IT section. ",
    "担当は情報システム課、承認は総務部長が行う。",
    "Backups are kept offline for 30 days and restored once a year as a test. ",
  };
  GString *text = g_string_sized_new (size + 128);
  gsize paragraph = 0;
  guint i = seed;

  while (text->len < size)
    {
      const char *s = sentences[i++ % G_N_ELEMENTS (sentences)];

      g_string_append (text, s);
      paragraph += strlen (s);
      if (paragraph > 2048)
        {
          g_string_append_c (text, '\n');
          paragraph = 0;
        }
    }
  /* cut back to a whole UTF-8 character */
  while (size > 0 && (text->str[size] & 0xc0) == 0x80)
    size--;
  g_string_truncate (text, size);
  return g_string_free (text, FALSE);
}

static int
report (const char *path,
        guint       n_notes,
        guint       note_kib)
{
  g_autoptr(ScsWorkspace) ws = create (path, 3);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;
  ScsReportOptions options = { 0 };
  GListModel *answers = scs_workspace_get_answers (ws);
  guint n = g_list_model_get_n_items (answers), done = 0;
  gint64 start;
  double ms, cpu;

  for (guint i = 0; i < n && done < n_notes; i++)
    {
      g_autoptr(ScsAnswer) answer = g_list_model_get_item (answers, i);
      g_autofree char *note = note_text ((gsize) note_kib * 1024, i);

      if (!scs_workspace_set_answer (ws, scs_answer_get_criterion_id (answer), SCS_ANSWER_MET,
                                     note, NULL, &error))
        die ("set note", error);
      done++;
    }

  options.draft = TRUE;
  options.language = "ja";
  start = g_get_monotonic_time ();
  cpu = cpu_ms ();
  pdf = scs_report_render (ws, &options, &error);
  if (pdf == NULL)
    die ("report", error);
  ms = ms_since (start);
  cpu = cpu_ms () - cpu;
  printf ("notes=%u note_kib=%u report_ms=%.0f report_cpu_ms=%.0f pdf_mib=%.1f peak_rss_mib=%.1f\n",
          done, note_kib, ms, cpu, g_bytes_get_size (pdf) / 1048576.0, peak_rss_mib ());
  return 0;
}

static int
scope_csv (const char *path,
           guint       rows)
{
  g_autoptr(ScsWorkspace) ws = create (path, 4);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) csv = g_string_new ("name,zone,administrator\n");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(ScsScopeImport) import = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  ScsScope *scope;
  gint64 start;
  double parse_ms, check_ms, commit_ms, commit_cpu;
  guint added;

  for (guint i = 0; i < rows; i++)
    g_string_append_printf (csv, "srv-%06u,工場%u,情報システム課\n", i, i % 7);
  bytes = g_string_free_to_bytes (g_steal_pointer (&csv));

  scope = scs_scope_get (ws, &error);
  if (scope == NULL)
    die ("scope", error);

  start = g_get_monotonic_time ();
  import = scs_scope_import_new (bytes, "servers.csv", SCS_SCOPE_KIND_SERVER, SCS_SCOPE_ENCODING_AUTO, &error);
  if (import == NULL)
    die ("parse", error);
  parse_ms = ms_since (start);

  start = g_get_monotonic_time ();
  problems = scs_scope_import_check (import, scope);
  check_ms = ms_since (start);
  if (problems->len > 0)
    die (((ScsScopeImportProblem *) problems->pdata[0])->message, NULL);

  start = g_get_monotonic_time ();
  commit_cpu = cpu_ms ();
  added = scs_scope_import_commit (import, scope, &error);
  if (added == 0)
    die ("import", error);
  commit_ms = ms_since (start);
  commit_cpu = cpu_ms () - commit_cpu;

  printf ("rows=%u parse_ms=%.0f dry_run_ms=%.0f import_ms=%.0f import_cpu_ms=%.0f per_row_us=%.1f "
          "peak_rss_mib=%.1f\n", added, parse_ms, check_ms, commit_ms, commit_cpu,
          commit_ms * 1000.0 / added, peak_rss_mib ());
  return 0;
}

int
main (int    argc,
      char **argv)
{
  if (argc == 5 && g_str_equal (argv[1], "report"))
    return report (argv[2], (guint) atoi (argv[3]), (guint) atoi (argv[4]));
  if (argc == 4 && g_str_equal (argv[1], "scope-csv"))
    return scope_csv (argv[2], (guint) atoi (argv[3]));

  fprintf (stderr, "Usage: %s report PATH NOTES NOTE_KIB | scope-csv PATH ROWS\n", argv[0]);
  return 2;
}
