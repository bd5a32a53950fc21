/* bench-edit.c: durable answer edits, and how they grow with the work
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage:
 *   bench-edit fill PATH [EVIDENCE_FILES EVIDENCE_KIB]
 *       creates PATH: a ★3 workspace with every ★3 criterion answered (met,
 *       a few not applicable with a reason), a note on each, and
 *       EVIDENCE_FILES distinct evidence files of EVIDENCE_KIB each linked
 *       round-robin (default 20 × 256 KiB) — the "full ★3 workspace" of the
 *       start-up benchmark. The evidence files are left in PATH-evidence/.
 *   bench-edit latency PATH EDITS
 *       opens PATH and times EDITS note edits (each one a durable SQLite
 *       transaction with its audit entry, fsync'd: synchronous=FULL, WAL);
 *       prints p50, p99 and max in milliseconds, and the file size.
 *
 * Output is one line of key=value pairs for tests/bench/run to tabulate.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>

#include "scs-workspace.h"

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
die (const char *what,
     GError     *error)
{
  fprintf (stderr, "bench-edit: %s: %s\n", what, error ? error->message : "failed");
  exit (1);
}

static int
fill (const char *path,
      guint       n_evidence,
      guint       evidence_kib)
{
  g_autoptr(ScsCatalog) catalog = scs_catalog_new_builtin ();
  g_autoptr(ScsOrganization) org = scs_organization_new ();
  g_autoptr(ScsWorkspace) ws = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  GListModel *answers;
  guint n, n_star3 = 0;

  org->name = g_strdup ("株式会社ベンチ精機");
  org->corporate_number = g_strdup ("7000012050002");
  ws = scs_workspace_create (path, org, 3, catalog, &error);
  if (ws == NULL)
    die (path, error);

  answers = scs_workspace_get_answers (ws);
  n = g_list_model_get_n_items (answers);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ScsAnswer) answer = g_list_model_get_item (answers, i);
      const char *id = scs_answer_get_criterion_id (answer);
      const ScsCriterion *criterion = scs_catalog_lookup_criterion (catalog, id);
      g_autofree char *note = NULL;
      gboolean na = (i % 17 == 5);

      if (criterion->level != 3)
        continue;
      n_star3++;
      note = g_strdup_printf ("%s: 規程第%u条で定め、年1回見直している。担当は情報システム課。", id, i + 1);
      if (!scs_workspace_set_answer (ws, id, na ? SCS_ANSWER_NOT_APPLICABLE : SCS_ANSWER_MET,
                                     note, na ? "該当する設備・業務がない" : NULL, &error))
        die (id, error);
    }

  /* The evidence files stay in PATH-evidence/ for the zip/sha256sum baseline. */
  dir = g_strconcat (path, "-evidence", NULL);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    die (dir, NULL);
  for (guint i = 0; i < n_evidence; i++)
    {
      g_autofree char *name = g_strdup_printf ("evidence-%03u.bin", i);
      g_autofree char *file_path = g_build_filename (dir, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (file_path);
      g_autofree guint8 *data = g_malloc (evidence_kib * 1024);
      g_autoptr(ScsAnswer) answer = g_list_model_get_item (answers, i % n);
      g_autofree char *sha = NULL;

      for (gsize j = 0; j < evidence_kib * 1024; j++)
        data[j] = (guint8) g_random_int ();
      if (!g_file_set_contents (file_path, (const char *) data, evidence_kib * 1024, &error))
        die (file_path, error);
      sha = scs_workspace_add_evidence (ws, scs_answer_get_criterion_id (answer), file, NULL, &error);
      if (sha == NULL)
        die ("add evidence", error);
    }

  printf ("answered=%u evidence_files=%u evidence_kib=%u\n", n_star3, n_evidence, evidence_kib);
  return 0;
}

static int
latency (const char *path,
         guint       edits)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsWorkspace) ws = NULL;
  g_autofree double *ms = g_new (double, edits);
  GStatBuf buf;
  GListModel *answers;
  guint n;
  gint64 open_start = g_get_monotonic_time ();
  double open_ms;

  ws = scs_workspace_open (path, &error);
  if (ws == NULL)
    die (path, error);
  open_ms = (g_get_monotonic_time () - open_start) / 1000.0;

  answers = scs_workspace_get_answers (ws);
  n = g_list_model_get_n_items (answers);
  for (guint i = 0; i < edits; i++)
    {
      g_autoptr(ScsAnswer) answer = g_list_model_get_item (answers, (i * 7) % n);
      g_autofree char *note = g_strdup_printf ("編集 %u: 手順書を更新した。", i);
      gint64 start = g_get_monotonic_time ();

      if (!scs_workspace_set_note (ws, scs_answer_get_criterion_id (answer), note, &error))
        die ("set note", error);
      ms[i] = (g_get_monotonic_time () - start) / 1000.0;
    }
  qsort (ms, edits, sizeof *ms, compare_doubles);

  g_clear_object (&ws);
  if (g_stat (path, &buf) != 0)
    buf.st_size = 0;
  printf ("edit_ms_p50=%.2f edit_ms_p99=%.2f edit_ms_max=%.2f open_ms=%.1f edits=%u file_mib=%.1f\n",
          ms[edits / 2], ms[(edits * 99) / 100], ms[edits - 1], open_ms, edits,
          buf.st_size / 1048576.0);
  return 0;
}

int
main (int    argc,
      char **argv)
{
  if (argc >= 3 && g_str_equal (argv[1], "fill"))
    return fill (argv[2],
                 argc > 3 ? (guint) atoi (argv[3]) : 20,
                 argc > 4 ? (guint) atoi (argv[4]) : 256);
  if (argc == 4 && g_str_equal (argv[1], "latency"))
    return latency (argv[2], (guint) MAX (atoi (argv[3]), 1));

  fprintf (stderr, "Usage: %s fill PATH [EVIDENCE_FILES EVIDENCE_KIB] | latency PATH EDITS\n", argv[0]);
  return 2;
}
