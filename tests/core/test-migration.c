/* test-migration.c: moving a workspace from the built-in to an imported catalog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "scs-catalog-import.h"
#include "scs-i18n.h"
#include "scs-migration.h"
#include "scs-workspace.h"

#include "core-test-util.h"

#include "fixtures/xlsx/xlsx-builder.h"

typedef struct
{
  char         *dir;
  char         *path;
  ScsWorkspace *workspace;
  ScsCatalog   *official;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(ScsCatalog) builtin = scs_catalog_new_builtin ();
  g_autoptr(ScsOrganization) org = scs_organization_new ();
  g_autoptr(GPtrArray) spec = spec_official ();
  g_autoptr(GBytes) xlsx = NULL;
  g_autoptr(GError) error = NULL;

  /* The official catalog drops 1-2-1-3 and re-levels 1-2-3-2. */
  for (guint i = 0; i < spec->len; i++)
    {
      SpecRow *row = g_ptr_array_index (spec, i);

      if (g_str_equal (row->id, "1-2-1-3"))
        g_ptr_array_remove_index (spec, i--);
      else if (g_str_equal (row->id, "1-2-3-2"))
        row->level = 4;
    }
  xlsx = build_catalog_workbook (spec, BREAK_NONE, NULL, "2026-03-27T00:00:00Z");
  f->official = scs_catalog_import_xlsx (xlsx, NULL, NULL, &error);
  g_assert_no_error (error);

  f->dir = g_dir_make_tmp ("scs-migration-XXXXXX", NULL);
  f->path = g_build_filename (f->dir, "ws.scsw", NULL);
  org->name = g_strdup ("テスト株式会社");
  org->sole_proprietor = TRUE;
  f->workspace = scs_workspace_create (f->path, org, 3, builtin, &error);
  g_assert_no_error (error);

  g_assert_true (scs_workspace_set_answer (f->workspace, "1-2-1-1", SCS_ANSWER_MET, "体制表あり", NULL, &error));
  g_assert_true (scs_workspace_set_answer (f->workspace, "1-2-1-3", SCS_ANSWER_NOT_MET, "未実施", NULL, &error));
  g_assert_true (scs_workspace_set_answer (f->workspace, "1-2-3-2", SCS_ANSWER_NOT_APPLICABLE, NULL, "外部要員なし", &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->workspace);
  g_clear_object (&f->official);
  for (const char *suffix = ""; suffix != NULL; suffix = g_str_equal (suffix, "") ? "-wal" : g_str_equal (suffix, "-wal") ? "-shm" : NULL)
    {
      g_autofree char *p = g_strconcat (f->path, suffix, NULL);
      g_unlink (p);
    }
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static void
test_report (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(ScsMigration) migration = NULL;
  g_autoptr(GError) error = NULL;
  ScsCatalogDiff *diff;
  const ScsCatalogChange *change;
  const GPtrArray *removed;
  const GPtrArray *flagged;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  scs_workspace_check_integrity (f->workspace, NULL);
  g_clear_object (&f->workspace);
  before = core_test_file_sha256 (f->path);
  f->workspace = scs_workspace_open (f->path, &error);
  g_assert_no_error (error);

  migration = scs_migration_new (f->workspace, f->official, &error);
  g_assert_no_error (error);
  diff = scs_migration_get_diff (migration);

  g_assert_cmpuint (scs_catalog_diff_count (diff, SCS_CATALOG_CHANGE_REMOVED), ==, 1);
  g_assert_cmpuint (scs_catalog_diff_count (diff, SCS_CATALOG_CHANGE_ADDED), ==, 153 - 81);
  g_assert_cmpuint (scs_catalog_diff_count (diff, SCS_CATALOG_CHANGE_LEVEL), ==, 1);
  change = scs_catalog_diff_lookup (diff, "1-2-3-2");
  g_assert_nonnull (change);
  g_assert_cmpuint (change->old_level, ==, 3);
  g_assert_cmpuint (change->new_level, ==, 4);
  /* Same paraphrase text in the test workbook: only the level changed. */
  g_assert_cmpint (change->flags, ==, SCS_CATALOG_CHANGE_LEVEL);
  g_assert_null (scs_catalog_diff_lookup (diff, "1-2-1-1"));

  removed = scs_migration_get_removed (migration);
  flagged = scs_migration_get_flagged (migration);
  g_assert_cmpuint (removed->len, ==, 1);
  g_assert_cmpstr (((ScsMigratedAnswer *) g_ptr_array_index (removed, 0))->criterion_id, ==, "1-2-1-3");
  g_assert_cmpstr (((ScsMigratedAnswer *) g_ptr_array_index (removed, 0))->note, ==, "未実施");
  g_assert_cmpuint (flagged->len, ==, 1);
  g_assert_cmpstr (((ScsMigratedAnswer *) g_ptr_array_index (flagged, 0))->criterion_id, ==, "1-2-3-2");
  g_assert_false (scs_migration_get_new_round (migration));

  /* Planning changes nothing. */
  g_clear_object (&migration);
  g_clear_object (&f->workspace);
  after = core_test_file_sha256 (f->path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_apply (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(ScsMigration) migration = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_auto(GStrv) pending = NULL;
  ScsAnswer *answer;
  gboolean saw_removed = FALSE;

  migration = scs_migration_new (f->workspace, f->official, &error);
  g_assert_no_error (error);
  g_assert_true (scs_migration_apply (migration, &error));
  g_assert_no_error (error);

  g_assert_true (scs_workspace_get_catalog (f->workspace) == f->official ||
                 g_str_equal (scs_catalog_get_sha256 (scs_workspace_get_catalog (f->workspace)),
                              scs_catalog_get_sha256 (f->official)));
  g_assert_cmpuint (g_list_model_get_n_items (scs_workspace_get_answers (f->workspace)), ==, 152);

  answer = scs_workspace_lookup_answer (f->workspace, "1-2-1-1");
  g_assert_cmpint (scs_answer_get_state (answer), ==, SCS_ANSWER_MET);
  g_assert_cmpstr (scs_answer_get_note (answer), ==, "体制表あり");
  g_assert_null (scs_workspace_lookup_answer (f->workspace, "1-2-1-3"));
  answer = scs_workspace_lookup_answer (f->workspace, "1-2-3-2");
  g_assert_cmpint (scs_answer_get_state (answer), ==, SCS_ANSWER_NOT_APPLICABLE);

  pending = scs_migration_list_reconfirm (f->workspace, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (pending), ==, 1);
  g_assert_cmpstr (pending[0], ==, "1-2-3-2");
  g_assert_true (scs_migration_needs_reconfirm (f->workspace, "1-2-3-2"));
  g_assert_false (scs_migration_needs_reconfirm (f->workspace, "1-2-1-1"));

  audit = scs_workspace_list_audit (f->workspace, 0, &error);
  for (guint i = 0; i < audit->len; i++)
    {
      ScsAuditEntry *entry = g_ptr_array_index (audit, i);

      if (g_str_equal (entry->action, "catalog-migrate-removed"))
        {
          g_assert_cmpstr (entry->target, ==, "1-2-1-3");
          g_assert_nonnull (strstr (entry->old_value, "未実施"));
          saw_removed = TRUE;
        }
    }
  g_assert_true (saw_removed);

  /* Re-confirming clears the flag; twice is an error. */
  g_assert_true (scs_migration_reconfirm (f->workspace, "1-2-3-2", &error));
  g_assert_no_error (error);
  g_assert_false (scs_migration_needs_reconfirm (f->workspace, "1-2-3-2"));
  g_assert_false (scs_migration_reconfirm (f->workspace, "1-2-3-2", &error));
  g_assert_error (error, SCS_MIGRATION_ERROR, SCS_MIGRATION_ERROR_NOT_FLAGGED);
  g_clear_error (&error);

  /* Survives reopening; the same catalog again is refused. */
  g_clear_object (&migration);
  g_clear_object (&f->workspace);
  f->workspace = scs_workspace_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (scs_catalog_get_sha256 (scs_workspace_get_catalog (f->workspace)), ==,
                   scs_catalog_get_sha256 (f->official));
  g_assert_null (scs_migration_new (f->workspace, f->official, &error));
  g_assert_error (error, SCS_MIGRATION_ERROR, SCS_MIGRATION_ERROR_SAME_CATALOG);
}

/* After a migration that re-words 1-2-1-1 and re-levels 1-2-3-2: both
 * flags block signing and are shown with old and new wording side by side;
 * re-answering clears one, "still holds" for a set the rest, all or
 * nothing. */
static void
test_reconfirm_enforced (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(ScsCatalog) builtin = scs_catalog_new_builtin ();
  g_autoptr(GPtrArray) spec = spec_official ();
  g_autoptr(GBytes) xlsx = NULL;
  g_autoptr(ScsCatalog) revised = NULL;
  g_autoptr(ScsMigration) migration = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) pending = NULL;
  const char * const unflagged[] = { "1-2-3-2", "1-2-1-2", NULL };
  const char * const rest[] = { "1-2-3-2", NULL };
  ScsReconfirmItem *item;

  for (guint i = 0; i < spec->len; i++)
    {
      SpecRow *row = g_ptr_array_index (spec, i);

      if (g_str_equal (row->id, "1-2-1-1"))
        {
          g_free (row->text);
          row->text = g_strdup ("改訂後の文言：セキュリティ責任者を任命し、役割を文書化している。");
        }
      else if (g_str_equal (row->id, "1-2-3-2"))
        row->level = 4;
    }
  xlsx = build_catalog_workbook (spec, BREAK_NONE, NULL, "2026-03-27T00:00:00Z");
  revised = scs_catalog_import_xlsx (xlsx, NULL, NULL, &error);
  g_assert_no_error (error);
  migration = scs_migration_new (f->workspace, revised, &error);
  g_assert_no_error (error);
  g_assert_true (scs_migration_apply (migration, &error));
  g_assert_no_error (error);

  /* Open flags block signing, named. */
  g_assert_false (scs_migration_check_confirmed (f->workspace, &error));
  g_assert_error (error, SCS_MIGRATION_ERROR, SCS_MIGRATION_ERROR_NOT_CONFIRMED);
  g_assert_nonnull (strstr (error->message, "1-2-1-1, 1-2-3-2"));
  g_clear_error (&error);

  /* Old and new wording side by side. */
  items = scs_migration_list_reconfirm_items (f->workspace, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 2);
  item = items->pdata[0];
  g_assert_cmpstr (item->criterion_id, ==, "1-2-1-1");
  g_assert_cmpstr (item->old_text, ==, scs_catalog_lookup_criterion (builtin, "1-2-1-1")->text_ja);
  g_assert_cmpstr (item->new_text, ==, "改訂後の文言：セキュリティ責任者を任命し、役割を文書化している。");
  item = items->pdata[1];
  g_assert_cmpuint (item->old_level, ==, 3);
  g_assert_cmpuint (item->new_level, ==, 4);

  /* Re-answering (the same answer again) is confirming. */
  g_assert_true (scs_workspace_set_answer (f->workspace, "1-2-1-1", SCS_ANSWER_MET, "体制表あり（改訂版）",
                                           NULL, &error));
  g_assert_no_error (error);
  g_assert_false (scs_migration_needs_reconfirm (f->workspace, "1-2-1-1"));

  /* A set with one unflagged answer confirms nothing. */
  g_assert_false (scs_migration_reconfirm_many (f->workspace, unflagged, &error));
  g_assert_error (error, SCS_MIGRATION_ERROR, SCS_MIGRATION_ERROR_NOT_FLAGGED);
  g_clear_error (&error);
  g_assert_true (scs_migration_needs_reconfirm (f->workspace, "1-2-3-2"));
  g_assert_true (scs_migration_reconfirm_many (f->workspace, rest, &error));
  g_assert_no_error (error);
  pending = scs_migration_list_reconfirm (f->workspace, &error);
  g_assert_cmpuint (g_strv_length (pending), ==, 0);
  g_assert_true (scs_migration_check_confirmed (f->workspace, &error));
}

static void
test_new_round (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(ScsMigration) migration = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsCatalog) builtin = scs_catalog_new_builtin ();
  g_autoptr(ScsMigration) back = NULL;

  migration = scs_migration_new (f->workspace, f->official, &error);
  g_assert_no_error (error);
  scs_migration_set_new_round (migration, TRUE);
  g_assert_true (scs_migration_apply (migration, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (scs_answer_get_note (scs_workspace_lookup_answer (f->workspace, "1-2-1-1")), ==, "体制表あり");

  /* Back to the built-in catalog: the orphaned answer of the old round is
   * not resurrected in the new one; 1-2-1-3 is unanswered there. */
  back = scs_migration_new (f->workspace, builtin, &error);
  g_assert_no_error (error);
  g_assert_true (scs_migration_apply (back, &error));
  g_assert_no_error (error);
  g_assert_cmpint (scs_answer_get_state (scs_workspace_lookup_answer (f->workspace, "1-2-1-3")), ==,
                   SCS_ANSWER_UNANSWERED);
  g_assert_cmpint (scs_answer_get_state (scs_workspace_lookup_answer (f->workspace, "1-2-3-2")), ==,
                   SCS_ANSWER_NOT_APPLICABLE);
}

int
main (int   argc,
      char *argv[])
{
  scs_i18n_init ("en");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/scs/migration/report", Fixture, NULL, fixture_set_up, test_report, fixture_tear_down);
  g_test_add ("/scs/migration/apply", Fixture, NULL, fixture_set_up, test_apply, fixture_tear_down);
  g_test_add ("/scs/migration/reconfirm-enforced", Fixture, NULL, fixture_set_up, test_reconfirm_enforced,
              fixture_tear_down);
  g_test_add ("/scs/migration/new-round", Fixture, NULL, fixture_set_up, test_new_round, fixture_tear_down);

  return g_test_run ();
}
