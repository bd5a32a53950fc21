/* fuzz-workspace.c: libFuzzer target for opening a .scsw workspace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A workspace arrives by e-mail or on a USB stick, so opening one is a parser
 * of hostile input: the header check, SQLite's quick_check, the application
 * id and version checks, the per-module schema versions, migration, and
 * then loading the organisation, the embedded catalog and the answers. The
 * input is written to a fresh file in a private directory (SQLite needs a
 * path; its -wal and -shm side files land next to it) and, when it opens,
 * everything a view reads at start is read, and one edit is made, so a file
 * that opens but cannot be used is caught too.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz-common.h"
#include "scs-workspace.h"

static char *fuzz_dir;

static void
remove_dir (void)
{
  g_rmdir (fuzz_dir);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  scs_fuzz_init_common ();
  fuzz_dir = g_dir_make_tmp ("scs-fuzz-workspace-XXXXXX", NULL);
  g_assert (fuzz_dir != NULL);
  atexit (remove_dir);
  return 0;
}

static void
remove_files (const char *path)
{
  static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *p = g_strconcat (path, suffixes[i], NULL);
      g_unlink (p);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *path = g_build_filename (fuzz_dir, "input.scsw", NULL);
  g_autoptr(GError) error = NULL;
  ScsWorkspace *workspace;

  remove_files (path);
  g_assert (g_file_set_contents (path, (const char *) data, size, NULL));

  workspace = scs_workspace_open (path, &error);
  if (workspace == NULL)
    {
      g_assert (error != NULL);
      g_assert (error->message != NULL && error->message[0] != '\0');
    }
  else
    {
      g_autoptr(ScsOrganization) org = NULL;
      ScsCatalog *catalog;
      GListModel *answers;
      ScsProgress progress;
      guint n;

      g_assert_no_error (error);
      catalog = scs_workspace_get_catalog (workspace);
      g_assert (SCS_IS_CATALOG (catalog));
      org = scs_workspace_dup_organization (workspace);
      g_assert (org != NULL);
      (void) scs_workspace_get_target_level (workspace);
      (void) scs_workspace_get_created (workspace);

      answers = scs_workspace_get_answers (workspace);
      n = g_list_model_get_n_items (answers);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(ScsAnswer) answer = g_list_model_get_item (answers, i);
          g_assert (answer != NULL);
        }
      for (guint category = 0; category <= scs_catalog_get_n_categories (catalog); category++)
        scs_workspace_get_progress (workspace, category, 4, &progress);
      (void) scs_workspace_is_ready (workspace, 3);

      if (n > 0)
        {
          g_autoptr(ScsAnswer) first = g_list_model_get_item (answers, 0);
          g_autoptr(GError) edit_error = NULL;

          /* May be refused (e.g. a read-only or damaged page); must not crash. */
          (void) scs_workspace_set_note (workspace, scs_answer_get_criterion_id (first),
                                         "fuzz", &edit_error);
        }

      g_object_unref (workspace);
    }

  remove_files (path);
  return 0;
}
