/* test-submission.c: every final package export leaves exactly one record
 *
 * A final export of a signed (and so sealed) workspace records one row:
 * file name, the SHA-256 and size of the file actually written, exporter,
 * the expert signature's status, with its audit row; the signatures still
 * verify afterwards. A draft export records nothing. A failed export
 * records nothing and leaves no package: a destination that cannot be
 * written, a record that cannot be inserted (a trigger refuses it), and a
 * record whose commit fails after the package was renamed into place (a
 * deferred foreign key made to fail) — then the package it replaced is
 * back, byte for byte. A full disk while the package is written, and a
 * target that cannot be put in place after the record was inserted (a
 * folder of that name), record nothing and leave no transaction open: the
 * next edit and another process's write go through.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "scs-declaration.h"
#include "scs-i18n.h"
#include "scs-package.h"
#include "scs-portfolio.h"
#include "scs-profile.h"
#include "scs-review.h"
#include "scs-signature-check.h"
#include "scs-signature.h"
#include "scs-signer.h"
#include "scs-submission.h"
#include "scs-workspace.h"

#include "core-test-util.h"

static char *certs_dir;

typedef struct
{
  char         *dir;
  char         *path;
  ScsWorkspace *workspace;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = core_test_make_tmp_dir ("scs-submission-XXXXXX");
  fixture->path = g_build_filename (fixture->dir, "client.scsw", NULL);
  fixture->workspace = core_test_workspace_new (fixture->path, "株式会社テスト製作所", 3, "テスト 太郎");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", fixture->dir);

  g_clear_object (&fixture->workspace);
  g_assert_cmpint (system (cmd), ==, 0);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static void
sign_workspace (Fixture *fixture)
{
  core_test_seal_workspace (fixture->workspace, certs_dir, FALSE);
  g_assert_true (scs_review_is_sealed (fixture->workspace));
  /* the review acted as the expert; the SME exports */
  scs_workspace_set_actor (fixture->workspace, "テスト 太郎");
}

static GPtrArray *
list (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *rows = scs_submission_list (fixture->workspace, &error);

  g_assert_no_error (error);
  g_assert_nonnull (rows);
  return rows;
}

static guint
count_audit (Fixture    *fixture,
             const char *action)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) audit = scs_workspace_list_audit (fixture->workspace, 0, &error);
  guint n = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < audit->len; i++)
    n += g_str_equal (((ScsAuditEntry *) g_ptr_array_index (audit, i))->action, action);
  return n;
}

/* Only the workspace (and its SQLite side files) and @keep are in the folder. */
static void
assert_folder_holds (Fixture    *fixture,
                     const char *keep)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (!g_str_has_prefix (name, "client.scsw") && g_strcmp0 (name, keep) != 0)
      g_error ("unexpected file left in the folder: %s", name);
}

static void
assert_signatures_good (Fixture *fixture)
{
  for (guint role = SCS_SIGNATURE_ROLE_EXPERT; role <= SCS_SIGNATURE_ROLE_MANAGEMENT; role++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ScsSignatureCheck) check = scs_signature_check (fixture->workspace, role, NULL, &error);

      g_assert_no_error (error);
      if (!scs_signature_check_is_good (check))
        g_error ("%s signature: %s", scs_signature_role_to_string (role), check->problem);
    }
}

static void
test_export_records_one (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = g_build_filename (fixture->dir, "提出.scsp", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *sha256 = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(ScsWorkspace) reopened = NULL;
  ScsSubmission *row;
  gsize length;

  sign_workspace (fixture);
  g_assert_true (scs_package_export (fixture->workspace, out, SCS_PACKAGE_FLAGS_NONE, "en",
                                     NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (out, &contents, &length, &error));
  sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
  rows = list (fixture);
  g_assert_cmpuint (rows->len, ==, 1);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (row->file_name, ==, "提出.scsp");
  g_assert_cmpstr (row->sha256, ==, sha256);
  g_assert_cmpuint (row->size, ==, length);
  g_assert_cmpstr (row->exporter, ==, "テスト 太郎");
  g_assert_cmpstr (row->expert_status, ==, "valid");
  g_assert_cmpuint (row->cycle, ==, 0);
  g_assert_nonnull (row->exported);
  g_assert_cmpuint (count_audit (fixture, "submission-export"), ==, 1);
  assert_folder_holds (fixture, "提出.scsp");

  /* recording changed nothing the signatures attest; still sealed */
  assert_signatures_good (fixture);
  g_assert_true (scs_review_is_sealed (fixture->workspace));
  g_assert_true (scs_workspace_check_integrity (fixture->workspace, &error));
  g_assert_no_error (error);

  /* durable: another connection sees it */
  reopened = scs_workspace_open (fixture->path, &error);
  g_assert_no_error (error);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = scs_submission_list (reopened, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 1);

  /* a second export is a second record, same bytes */
  g_clear_object (&reopened);
  g_assert_true (scs_package_export (fixture->workspace, out, SCS_PACKAGE_FLAGS_NONE, "en",
                                     NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = list (fixture);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstr (((ScsSubmission *) g_ptr_array_index (rows, 1))->sha256, ==, sha256);
  assert_folder_holds (fixture, "提出.scsp");
}

static void
test_draft_records_none (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = g_build_filename (fixture->dir, "draft.scsp", NULL);
  g_autoptr(GPtrArray) rows = NULL;

  g_assert_true (scs_package_export (fixture->workspace, out, SCS_PACKAGE_FLAGS_DRAFT, "en",
                                     NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (out, G_FILE_TEST_IS_REGULAR));
  rows = list (fixture);
  g_assert_cmpuint (rows->len, ==, 0);
  g_assert_cmpuint (count_audit (fixture, "submission-export"), ==, 0);

  /* an unsigned workspace cannot export a final package: no record either */
  g_assert_false (scs_package_export (fixture->workspace, out, SCS_PACKAGE_FLAGS_NONE, "en",
                                      NULL, NULL, NULL, &error));
  g_assert_error (error, SCS_PACKAGE_ERROR, SCS_PACKAGE_ERROR_UNSIGNED);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = list (fixture);
  g_assert_cmpuint (rows->len, ==, 0);
}

static void
run_sql (Fixture    *fixture,
         const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

static void
test_failure_records_none (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *missing = g_build_filename (fixture->dir, "no-such-folder", "x.scsp", NULL);
  g_autofree char *out = g_build_filename (fixture->dir, "final.scsp", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  guint audit_before;

  sign_workspace (fixture);
  audit_before = count_audit (fixture, "submission-export");

  /* the package cannot be written: nothing recorded */
  g_assert_false (scs_package_export (fixture->workspace, missing, SCS_PACKAGE_FLAGS_NONE, "en",
                                      NULL, NULL, NULL, &error));
  g_assert_error (error, SCS_PACKAGE_ERROR, SCS_PACKAGE_ERROR_IO);
  g_clear_error (&error);
  rows = list (fixture);
  g_assert_cmpuint (rows->len, ==, 0);

  /* the record cannot be written: no package, the error says why */
  run_sql (fixture, "CREATE TRIGGER test_refuse BEFORE INSERT ON submission "
                    "BEGIN SELECT RAISE (ABORT, 'refused by the test'); END;");
  g_assert_false (scs_package_export (fixture->workspace, out, SCS_PACKAGE_FLAGS_NONE, "en",
                                      NULL, NULL, NULL, &error));
  g_assert_error (error, SCS_SUBMISSION_ERROR, SCS_SUBMISSION_ERROR_RECORD);
  g_assert_nonnull (strstr (error->message, "final.scsp"));
  g_clear_error (&error);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  assert_folder_holds (fixture, NULL);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = list (fixture);
  g_assert_cmpuint (rows->len, ==, 0);
  g_assert_cmpuint (count_audit (fixture, "submission-export"), ==, audit_before);

  /* the commit fails after the rename (a deferred foreign key): the
   * package it replaced is back, nothing recorded */
  g_assert_true (g_file_set_contents (out, "the package sent last week", -1, NULL));
  run_sql (fixture, "DROP TRIGGER test_refuse;"
                    "CREATE TABLE test_deferred (a INTEGER REFERENCES assessment (id) "
                    "  DEFERRABLE INITIALLY DEFERRED);"
                    "CREATE TRIGGER test_fail_commit AFTER INSERT ON submission "
                    "BEGIN INSERT INTO test_deferred VALUES (424242); END;");
  g_assert_false (scs_package_export (fixture->workspace, out, SCS_PACKAGE_FLAGS_NONE, "en",
                                      NULL, NULL, NULL, &error));
  g_assert_error (error, SCS_SUBMISSION_ERROR, SCS_SUBMISSION_ERROR_RECORD);
  /* failed at the commit, not when the row was inserted */
  g_assert_null (strstr (error->message, "submission of"));
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (out, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "the package sent last week");
  assert_folder_holds (fixture, "final.scsp");
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = list (fixture);
  g_assert_cmpuint (rows->len, ==, 0);

  /* fault cleared: the export goes through and is recorded once */
  run_sql (fixture, "DROP TRIGGER test_fail_commit; DROP TABLE test_deferred;");
  g_assert_true (scs_package_export (fixture->workspace, out, SCS_PACKAGE_FLAGS_NONE, "en",
                                     NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = list (fixture);
  g_assert_cmpuint (rows->len, ==, 1);
  assert_signatures_good (fixture);
}

/* RLIMIT_FSIZE at 0 (SIGXFSZ ignored): every write fails as on a full disk. */
static void
export_on_full_disk (Fixture     *fixture,
                     const char  *out,
                     GError     **error)
{
  struct rlimit saved, limit;
  gboolean ok;

  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  limit = saved;
  limit.rlim_cur = 0;
  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  ok = scs_package_export (fixture->workspace, out, SCS_PACKAGE_FLAGS_NONE, "en", NULL, NULL, NULL, error);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  g_assert_false (ok);
}

static void
test_unwritable_target_records_none (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = g_build_filename (fixture->dir, "final.scsp", NULL);
  g_autoptr(GPtrArray) rows = NULL;
  guint audit_before;

  sign_workspace (fixture);
  audit_before = count_audit (fixture, "submission-export");

  /* the disk fills while the package is written */
  export_on_full_disk (fixture, out, &error);
  g_assert_error (error, SCS_PACKAGE_ERROR, SCS_PACKAGE_ERROR_IO);
  g_clear_error (&error);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  assert_folder_holds (fixture, NULL);
  rows = list (fixture);
  g_assert_cmpuint (rows->len, ==, 0);
  g_assert_cmpuint (count_audit (fixture, "submission-export"), ==, audit_before);

  /* the record is inserted, then the package cannot be put in place */
  g_assert_cmpint (g_mkdir (out, 0755), ==, 0);
  g_assert_false (scs_package_export (fixture->workspace, out, SCS_PACKAGE_FLAGS_NONE, "en",
                                      NULL, NULL, NULL, &error));
  g_assert_error (error, SCS_PACKAGE_ERROR, SCS_PACKAGE_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "final.scsp"));
  g_clear_error (&error);
  g_assert_true (g_file_test (out, G_FILE_TEST_IS_DIR));
  assert_folder_holds (fixture, "final.scsp");
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = list (fixture);
  g_assert_cmpuint (rows->len, ==, 0);
  g_assert_cmpuint (count_audit (fixture, "submission-export"), ==, audit_before);

  /* no transaction was left open: another process writes at once (a
   * lock still held would fail it), and the next export goes through */
  run_sql (fixture, "PRAGMA busy_timeout = 0; CREATE TABLE test_other_writer (a INTEGER);"
                    "DROP TABLE test_other_writer;");
  g_assert_cmpint (g_rmdir (out), ==, 0);
  g_assert_true (scs_package_export (fixture->workspace, out, SCS_PACKAGE_FLAGS_NONE, "en",
                                     NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = list (fixture);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpuint (count_audit (fixture, "submission-export"), ==, audit_before + 1);
}

static void
export_done (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (scs_package_export_finish (result, &error));
  g_assert_no_error (error);
  *(gboolean *) data = TRUE;
}

/* The app exports on a worker thread with its own connection: the record
 * is there and names the app's actor, not the worker's default. */
static void
test_export_async_records (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *out = g_build_filename (fixture->dir, "async.scsp", NULL);
  g_autoptr(GPtrArray) rows = NULL;
  gboolean done = FALSE;

  sign_workspace (fixture);
  scs_workspace_set_actor (fixture->workspace, "アプリ 利用者");
  scs_package_export_async (fixture->workspace, out, SCS_PACKAGE_FLAGS_NONE, "en", NULL, NULL, NULL,
                            export_done, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  rows = list (fixture);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (((ScsSubmission *) g_ptr_array_index (rows, 0))->exporter, ==, "アプリ 利用者");
  g_assert_cmpstr (((ScsSubmission *) g_ptr_array_index (rows, 0))->file_name, ==, "async.scsp");
}

static char *
portfolio_submitted (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsValidity) validity = scs_validity_load_default (&error);
  g_autoptr(GDate) today = g_date_new_dmy (1, 4, 2026);
  g_autoptr(ScsPortfolioEntry) entry = NULL;

  g_assert_no_error (error);
  entry = scs_portfolio_entry_read (fixture->path, validity, today, NULL);
  g_assert_null (scs_portfolio_entry_get_error (entry));
  return g_strdup (scs_portfolio_entry_get_submitted (entry));
}

/* The portfolio row: the local date of the last final export; a draft is
 * not a submission; a file without the table (older) is not submitted. */
static void
test_portfolio_submitted (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = g_build_filename (fixture->dir, "final.scsp", NULL);
  g_autofree char *before = NULL;
  g_autofree char *draft = NULL;
  g_autofree char *after = NULL;
  g_autofree char *older = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  sign_workspace (fixture);
  before = portfolio_submitted (fixture);
  g_assert_null (before);
  g_assert_true (scs_package_export (fixture->workspace, out, SCS_PACKAGE_FLAGS_DRAFT, "en",
                                     NULL, NULL, NULL, &error));
  draft = portfolio_submitted (fixture);
  g_assert_null (draft);
  g_assert_true (scs_package_export (fixture->workspace, out, SCS_PACKAGE_FLAGS_NONE, "en",
                                     NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  after = portfolio_submitted (fixture);
  /* exported a moment ago: today, unless midnight passed in between */
  g_assert_nonnull (after);
  g_assert_cmpuint (strlen (after), ==, 10);
  g_assert_cmpstr (after, >=, today);

  g_clear_object (&fixture->workspace);
  run_sql (fixture, "DROP INDEX submission_by_assessment; DROP TABLE submission;"
                    "DELETE FROM schema_module WHERE name = 'submission';");
  older = portfolio_submitted (fixture);
  g_assert_null (older);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *cmd = NULL;
  int rc;

  scs_i18n_init ("en");
  g_test_init (&argc, &argv, NULL);
  g_setenv ("SCS_PROFILE", "/nonexistent/profile.ini", TRUE);
  certs_dir = g_dir_make_tmp ("scs-submission-certs-XXXXXX", NULL);
  core_test_make_certificates (certs_dir, TRUE);

  g_test_add ("/scs/submission/export-records-one", Fixture, NULL, fixture_set_up,
              test_export_records_one, fixture_tear_down);
  g_test_add ("/scs/submission/draft-records-none", Fixture, NULL, fixture_set_up,
              test_draft_records_none, fixture_tear_down);
  g_test_add ("/scs/submission/failure-records-none", Fixture, NULL, fixture_set_up,
              test_failure_records_none, fixture_tear_down);
  g_test_add ("/scs/submission/unwritable-target-records-none", Fixture, NULL, fixture_set_up,
              test_unwritable_target_records_none, fixture_tear_down);
  g_test_add ("/scs/submission/export-async", Fixture, NULL, fixture_set_up,
              test_export_async_records, fixture_tear_down);
  g_test_add ("/scs/submission/portfolio", Fixture, NULL, fixture_set_up,
              test_portfolio_submitted, fixture_tear_down);

  rc = g_test_run ();
  g_free (cmd);
  cmd = g_strdup_printf ("rm -rf '%s'", certs_dir);
  g_assert_cmpint (system (cmd), ==, 0);
  return rc;
}
