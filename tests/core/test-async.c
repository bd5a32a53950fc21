/* test-async.c: the core's _async/_finish pairs for what the window runs
 * on worker threads (issue 20): evidence add, signature check, signing and
 * the declaration, the plan of a catalog migration, the portfolio listing
 * and bulk actions, package verification (export: test-submission.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each runs in a GMainLoop and is waited for by its callback. Every worker
 * opens its own connection: the test program runs with fatal criticals, so
 * a worker that ran SQL on the caller's workspace would abort it
 * (docs/DESIGN.md, Threads) — thread-owner proves that it would: a
 * workspace used on a thread that did not open it is a critical (the sign
 * dialog once signed on the window's connection while the window used it);
 * a worker's own connection is fine, and so is a workspace handed over with
 * scs_workspace_take_over ().
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "core-test-util.h"
#include "scs-declaration.h"
#include "scs-migration.h"
#include "scs-portfolio.h"
#include "scs-portfolio-stats.h"
#include "scs-renewal.h"
#include "scs-signature-check.h"
#include "scs-signer.h"
#include "scs-signoff.h"
#include "scs-verify.h"

#define ID "1-2-1-1"

typedef struct
{
  char         *dir;
  char         *path;
  ScsWorkspace *workspace;
  GMainLoop    *loop;
  GAsyncResult *result;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = core_test_make_tmp_dir ("scs-async-XXXXXX");
  f->path = g_build_filename (f->dir, "client.scsw", NULL);
  f->workspace = core_test_workspace_new (f->path, "株式会社テスト", 3, "窓の利用者");
  f->loop = g_main_loop_new (NULL, FALSE);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->result);
  g_clear_object (&f->workspace);
  g_main_loop_unref (f->loop);
  core_test_rm_rf (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static void
got_result (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  Fixture *f = data;

  g_assert_null (f->result);
  f->result = g_object_ref (result);
  g_main_loop_quit (f->loop);
}

/* The result of the call just started, once its callback ran. */
static GAsyncResult *
wait_result (Fixture *f)
{
  g_clear_object (&f->result);
  g_main_loop_run (f->loop);
  g_assert_nonnull (f->result);
  return f->result;
}

static void
on_evidence_changed (ScsWorkspace *workspace,
                     const char   *criterion_id,
                     gpointer      data)
{
  g_assert_cmpstr (criterion_id, ==, ID);
  (*(guint *) data)++;
}

static void
added (GObject      *source,
       GAsyncResult *result,
       gpointer      data)
{
  Fixture *f = data;
  guint *n_changed = g_object_get_data (G_OBJECT (f->workspace), "n-changed");

  /* the caller's workspace shows the add before the caller is told */
  g_assert_cmpuint (*n_changed, ==, 1);
  g_assert_cmpuint (scs_answer_get_n_evidence (scs_workspace_lookup_answer (f->workspace, ID)), ==, 1);
  got_result (source, result, data);
}

static void
test_add_evidence (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *good = g_build_filename (f->dir, "体制図.txt", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "missing.pdf", NULL);
  g_autoptr(GFile) good_file = g_file_new_for_path (good);
  g_autoptr(GFile) missing_file = g_file_new_for_path (missing);
  GFile *files[] = { good_file, missing_file };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) evidence = NULL;
  guint n_changed = 0;
  guint n;

  core_test_write_file (good, "責任者: 山田", -1);
  g_object_set_data (G_OBJECT (f->workspace), "n-changed", &n_changed);
  g_signal_connect (f->workspace, "evidence-changed", G_CALLBACK (on_evidence_changed), &n_changed);

  scs_workspace_add_evidence_async (f->workspace, ID, files, G_N_ELEMENTS (files), NULL, added, f);
  g_main_loop_run (f->loop);
  n = scs_workspace_add_evidence_finish (f->workspace, f->result, &error);

  /* one added, the other refused by name */
  g_assert_cmpuint (n, ==, 1);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "missing.pdf"));
  g_assert_null (strstr (error->message, "体制図"));
  g_clear_error (&error);
  evidence = scs_workspace_list_evidence (f->workspace, ID, &error);
  g_assert_nonnull (evidence);
  g_assert_cmpuint (evidence->len, ==, 1);
  g_assert_cmpstr (((ScsEvidence *) g_ptr_array_index (evidence, 0))->name, ==, "体制図.txt");
  /* recorded as the caller's actor, not the worker's default */
  g_assert_cmpstr (((ScsEvidence *) g_ptr_array_index (evidence, 0))->author, ==, "窓の利用者");

  /* all refused: no change signalled, nothing added */
  n_changed = 0;
  g_clear_object (&f->result);
  scs_workspace_add_evidence_async (f->workspace, ID, &missing_file, 1, NULL, got_result, f);
  g_main_loop_run (f->loop);
  g_assert_cmpuint (scs_workspace_add_evidence_finish (f->workspace, f->result, &error), ==, 0);
  g_assert_nonnull (error);
  g_assert_cmpuint (n_changed, ==, 0);
  g_signal_handlers_disconnect_by_data (f->workspace, &n_changed);
}

static void
test_sign (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *certs = g_build_filename (f->dir, "certs", NULL);
  g_autofree char *expert_p12 = g_build_filename (certs, "expert.p12", NULL);
  g_autofree char *manager_p12 = g_build_filename (certs, "manager.p12", NULL);
  g_autoptr(ScsReview) review = NULL;
  g_autoptr(ScsReview) management = NULL;
  g_autoptr(ScsSigner) expert = NULL;
  g_autoptr(ScsSigner) manager = NULL;
  g_autoptr(ScsSignatureCheck) check = NULL;
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (certs, 0700), ==, 0);
  core_test_make_certificates (certs, TRUE);
  expert = scs_signer_new_from_pkcs12 (expert_p12, "secret", &error);
  g_assert_no_error (error);
  manager = scs_signer_new_from_pkcs12 (manager_p12, "secret", &error);
  g_assert_no_error (error);

  /* nothing signed yet */
  scs_signature_check_async (f->workspace, SCS_SIGNATURE_ROLE_EXPERT, NULL, NULL, got_result, f);
  g_assert_null (scs_signature_check_finish (wait_result (f), &error));
  g_assert_error (error, SCS_SIGNATURE_ERROR, SCS_SIGNATURE_ERROR_UNSIGNED);
  g_clear_error (&error);

  /* cancelled before it starts: nothing signed */
  review = core_test_ready_to_sign (f->workspace, FALSE);
  g_cancellable_cancel (cancelled);
  scs_signoff_sign_assessment_async (expert, review, NULL, SCS_SIGN_FLAGS_NONE, cancelled, got_result, f);
  g_assert_false (scs_signoff_sign_assessment_finish (expert, wait_result (f), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  /* the expert signs, then management declares, each on a worker */
  scs_signoff_sign_assessment_async (expert, review, NULL, SCS_SIGN_FLAGS_NONE, NULL, got_result, f);
  g_assert_true (scs_signoff_sign_assessment_finish (expert, wait_result (f), &error));
  g_assert_no_error (error);
  management = scs_review_new (f->workspace, core_test_management ());
  scs_signoff_declare_async (management, "山田 一郎", "代表取締役", NULL, "ja", manager, NULL,
                             SCS_SIGN_FLAGS_NONE, NULL, got_result, f);
  g_assert_true (scs_signoff_declare_finish (wait_result (f), &error));
  g_assert_no_error (error);

  /* the caller's connection sees both */
  g_assert_true (scs_workspace_refresh (f->workspace, &error));
  g_assert_no_error (error);
  check = scs_signature_check (f->workspace, SCS_SIGNATURE_ROLE_MANAGEMENT, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (scs_signature_check_is_good (check));
  g_clear_pointer (&check, scs_signature_check_free);

  /* and the check on a worker finds the expert's signature good */
  scs_signature_check_async (f->workspace, SCS_SIGNATURE_ROLE_EXPERT, NULL, NULL, got_result, f);
  check = scs_signature_check_finish (wait_result (f), &error);
  g_assert_no_error (error);
  g_assert_true (scs_signature_check_is_good (check));
  g_clear_pointer (&check, scs_signature_check_free);

  /* a check cancelled meanwhile says so */
  scs_signature_check_async (f->workspace, SCS_SIGNATURE_ROLE_EXPERT, NULL, cancelled, got_result, f);
  g_assert_null (scs_signature_check_finish (wait_result (f), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_migration (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *catalog_path = g_build_filename (f->dir, "catalog.xml", NULL);
  g_autofree char *junk_path = g_build_filename (f->dir, "junk.xml", NULL);
  g_autoptr(GFile) catalog_file = g_file_new_for_path (catalog_path);
  g_autoptr(GFile) junk_file = g_file_new_for_path (junk_path);
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();
  g_autoptr(ScsMigration) migration = NULL;
  g_autoptr(GError) error = NULL;
  GBytes *bytes = scs_catalog_get_bytes (scs_workspace_get_catalog (f->workspace));
  g_autofree char *xml = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_auto(GStrv) parts = g_strsplit (xml, "2026-03-27", -1);
  g_autofree char *revised = g_strjoinv ("2026-04-01", parts);
  g_autofree char *revised_path = g_build_filename (f->dir, "revised.xml", NULL);
  g_autoptr(GFile) revised_file = g_file_new_for_path (revised_path);

  core_test_write_file (catalog_path, xml, -1);
  core_test_write_file (revised_path, revised, -1);
  core_test_write_file (junk_path, "<catalog", -1);

  /* a revision of the catalog: a plan, made with the caller's workspace */
  scs_migration_new_async (f->workspace, revised_file, NULL, got_result, f);
  migration = scs_migration_new_finish (wait_result (f), &error);
  g_assert_no_error (error);
  g_assert_nonnull (migration);
  g_assert_cmpuint (scs_migration_get_flagged (migration)->len, ==, 0);
  g_clear_object (&migration);

  /* the plan refuses the catalog the workspace is answered against */
  scs_migration_new_async (f->workspace, catalog_file, NULL, got_result, f);
  g_assert_null (scs_migration_new_finish (wait_result (f), &error));
  g_assert_error (error, SCS_MIGRATION_ERROR, SCS_MIGRATION_ERROR_SAME_CATALOG);
  g_clear_error (&error);

  /* a file that is not a catalog is refused */
  scs_migration_new_async (f->workspace, junk_file, NULL, got_result, f);
  g_assert_null (scs_migration_new_finish (wait_result (f), &error));
  g_assert_nonnull (error);
  g_assert_false (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED));
  g_clear_error (&error);

  /* cancelled */
  g_cancellable_cancel (cancelled);
  scs_migration_new_async (f->workspace, catalog_file, cancelled, got_result, f);
  g_assert_null (scs_migration_new_finish (wait_result (f), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_portfolio (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *second = g_build_filename (f->dir, "second.scsw", NULL);
  g_autofree char *junk = g_build_filename (f->dir, "notes.txt", NULL);
  g_autoptr(ScsWorkspace) other = core_test_workspace_new (second, "株式会社その二", 3, NULL);
  g_autoptr(ScsValidity) validity = NULL;
  g_autoptr(GDate) today = g_date_new_dmy (1, 4, 2026);
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;

  core_test_write_file (junk, "not a workspace", -1);
  validity = scs_validity_load_default (&error);
  g_assert_no_error (error);

  /* the caller keeps both workspaces open meanwhile */
  scs_portfolio_read_folder_async (f->dir, validity, today, NULL, NULL, got_result, f);
  entries = scs_portfolio_read_folder_finish (wait_result (f), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 3);
  g_assert_cmpstr (scs_portfolio_entry_get_company (g_ptr_array_index (entries, 0)), ==, "株式会社テスト");
  g_assert_null (scs_portfolio_entry_get_error (g_ptr_array_index (entries, 0)));
  g_assert_nonnull (scs_portfolio_entry_get_error (g_ptr_array_index (entries, 1)));
  g_assert_cmpstr (scs_portfolio_entry_get_company (g_ptr_array_index (entries, 2)), ==, "株式会社その二");
  g_clear_pointer (&entries, g_ptr_array_unref);

  g_cancellable_cancel (cancelled);
  scs_portfolio_read_folder_async (f->dir, validity, today, NULL, cancelled, got_result, f);
  g_assert_null (scs_portfolio_read_folder_finish (wait_result (f), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_bulk (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (f->dir, "gone.scsw", NULL);
  const char *paths[] = { f->path, missing, NULL };
  g_autoptr(GPtrArray) failures = NULL;
  guint n_done = 99;

  /* the caller keeps its workspace open meanwhile */
  scs_portfolio_run_bulk_async (SCS_BULK_DIAGNOSE, paths, f->dir, NULL, got_result, f);
  failures = scs_portfolio_run_bulk_finish (wait_result (f), &n_done);
  g_assert_cmpuint (n_done, ==, 1);
  g_assert_cmpuint (failures->len, ==, 1);
  g_assert_cmpstr (((ScsBulkFailure *) g_ptr_array_index (failures, 0))->path, ==, missing);
  g_assert_true (g_file_test (f->path, G_FILE_TEST_IS_REGULAR));
  {
    g_autofree char *pdf = g_build_filename (f->dir, "client-diagnosis.pdf", NULL);

    g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  }
}

static void
test_verify (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *junk = g_build_filename (f->dir, "junk.scsp", NULL);
  g_autoptr(GFile) junk_file = g_file_new_for_path (junk);
  g_autoptr(GFile) remote = g_file_new_for_uri ("scs-nowhere://host/package.scsp");
  g_autoptr(GError) error = NULL;

  core_test_write_file (junk, "not a zip", -1);
  scs_verify_package_file_async (remote, NULL, NULL, got_result, f);
  g_assert_null (scs_verify_package_file_finish (wait_result (f), &error));
  g_assert_error (error, SCS_VERIFY_ERROR, SCS_VERIFY_ERROR_UNREADABLE);
  g_clear_error (&error);

  scs_verify_package_file_async (junk_file, NULL, NULL, got_result, f);
  g_assert_null (scs_verify_package_file_finish (wait_result (f), &error));
  g_assert_nonnull (error);
}

typedef struct
{
  ScsWorkspace *workspace;  /* used by the thread, or NULL: opened there */
  const char   *path;
  const char   *note;
  gboolean      ok;
} NoteJob;

static gpointer
note_thread (gpointer data)
{
  NoteJob *job = data;
  g_autoptr(GError) error = NULL;

  if (job->workspace == NULL)
    job->workspace = scs_workspace_open_again (job->path, &error);
  g_assert_no_error (error);
  job->ok = scs_workspace_set_note (job->workspace, ID, job->note, &error);
  g_assert_no_error (error);
  return NULL;
}

static void
test_thread_owner (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(ScsWorkspace) ws = NULL;
  g_autoptr(GError) error = NULL;
  NoteJob job = { 0 };

  if (g_test_subprocess ())
    {
      /* The window's connection, used by a worker while the window may use
       * it too: the first statement the worker runs is refused. */
      ws = scs_workspace_open (f->path, &error);
      g_assert_no_error (error);
      job.workspace = ws;
      job.note = "from the wrong thread";
      g_thread_join (g_thread_new ("wrong-thread", note_thread, &job));
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*CRITICAL*client.scsw*used on a thread that did not open it*");

  /* Nothing was written from the wrong thread. */
  ws = scs_workspace_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (scs_answer_get_note (scs_workspace_lookup_answer (ws, ID)), !=, "from the wrong thread");

  /* A worker with a connection of its own writes; the window sees it. */
  job.workspace = NULL;
  job.path = f->path;
  job.note = "from a worker";
  g_thread_join (g_thread_new ("own-connection", note_thread, &job));
  g_assert_true (job.ok);
  g_clear_object (&job.workspace);
  g_assert_true (scs_workspace_refresh (ws, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (scs_answer_get_note (scs_workspace_lookup_answer (ws, ID)), ==, "from a worker");
  g_clear_object (&ws);

  /* Opened on a thread that has ended, then taken over (the prefetch). */
  job.note = "opened elsewhere";
  g_thread_join (g_thread_new ("opener", note_thread, &job));
  g_assert_true (job.ok);
  ws = g_steal_pointer (&job.workspace);
  scs_workspace_take_over (ws);
  g_assert_true (scs_workspace_set_note (ws, ID, "taken over", &error));
  g_assert_no_error (error);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("SCS_ACTOR", "CLI", TRUE);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/scs/async/add-evidence", test_add_evidence);
  ADD ("/scs/async/sign", test_sign);
  ADD ("/scs/async/migration", test_migration);
  ADD ("/scs/async/portfolio", test_portfolio);
  ADD ("/scs/async/bulk", test_bulk);
  ADD ("/scs/async/verify", test_verify);
  ADD ("/scs/async/thread-owner", test_thread_owner);
#undef ADD

  return g_test_run ();
}
