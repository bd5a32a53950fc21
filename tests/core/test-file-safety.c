/* test-file-safety.c: never lose or overwrite an edit (issue 14)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * - The file rule: a process holding a connection never opens and closes
 *   the database file outside SQLite. Before it did, a second connection
 *   (scs_workspace_open_again) dropped the first one's POSIX locks; the next
 *   `scs-cli info` believed it was the last user, deleted -wal/-shm, and the
 *   edits made afterwards went to an unlinked WAL and were lost at kill -9.
 *   The "window" here is a forked child, killed with SIGKILL.
 * - Lost updates: a change made with the CLI is not reverted by a stale
 *   copy; the audit log records the true old value.
 * - Changes made elsewhere are shown (scs_workspace_refresh/watch), by the
 *   file monitor alone too.
 * - A FIFO named like a workspace is refused without blocking.
 * - Partial files of dead processes are removed; a live one is kept.
 */

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "core-test-util.h"
#include "scs-file.h"
#include "scs-fs.h"
#include "scs-package.h"
#include "scs-portfolio.h"
#include "scs-renewal.h"
#include "scs-workspace.h"

#define ID "1-2-1-1"

typedef CoreTestFixture Fixture;

/* The side files of @path that process @pid holds open although they were
 * deleted. */
static guint
count_deleted_side_files (pid_t       pid,
                          const char *path)
{
  g_autofree char *fd_dir = g_strdup_printf ("/proc/%d/fd", (int) pid);
  g_autoptr(GDir) dir = g_dir_open (fd_dir, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *link = g_build_filename (fd_dir, name, NULL);
      g_autofree char *target = g_file_read_link (link, NULL);

      if (target != NULL && g_str_has_prefix (target, path) && g_str_has_suffix (target, "(deleted)"))
        {
          g_test_message ("deleted but open: %s", target);
          n++;
        }
    }
  return n;
}

static void
child_step (int fd, char c)
{
  g_assert_cmpint (write (fd, &c, 1), ==, 1);
}

static char
wait_step (int fd)
{
  char c = 0;

  while (read (fd, &c, 1) < 0 && errno == EINTR)
    ;
  return c;
}

/* The scenario of the issue: the window has the workspace open, a worker's
 * second connection comes and goes, the CLI opens the file twice, the
 * window edits, is killed: the edit is there. */
static void
test_locks_kept (Fixture       *f,
                 gconstpointer  data)
{
  int to_parent[2];
  int to_child[2];
  pid_t pid;
  int status;

  g_assert_cmpint (pipe (to_parent), ==, 0);
  g_assert_cmpint (pipe (to_child), ==, 0);

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      g_autoptr(GError) error = NULL;
      ScsWorkspace *ws = scs_workspace_open (f->path, &error);
      ScsWorkspace *again;

      prctl (PR_SET_PDEATHSIG, SIGKILL);
      if (ws == NULL || !scs_workspace_set_note (ws, ID, "最初のメモ", &error))
        _exit (3);
      again = scs_workspace_open_again (f->path, &error);
      if (again == NULL)
        _exit (4);
      g_object_unref (again);
      child_step (to_parent[1], 'o');
      wait_step (to_child[0]);
      if (!scs_workspace_set_note (ws, ID, "保存済みのメモ", &error))
        _exit (5);
      child_step (to_parent[1], 's');
      for (;;)
        pause ();
    }

  g_assert_cmpint (wait_step (to_parent[0]), ==, 'o');
  g_assert_cmpint (core_test_run_cli (NULL, "info", f->path, NULL), ==, 0);
  g_assert_cmpint (core_test_run_cli (NULL, "info", f->path, NULL), ==, 0);
  g_assert_cmpuint (count_deleted_side_files (pid, f->path), ==, 0);

  child_step (to_child[1], 'e');
  g_assert_cmpint (wait_step (to_parent[0]), ==, 's');
  g_assert_cmpuint (count_deleted_side_files (pid, f->path), ==, 0);
  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(ScsWorkspace) ws = scs_workspace_open (f->path, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (scs_answer_get_note (scs_workspace_lookup_answer (ws, ID)), ==, "保存済みのメモ");
    g_assert_true (scs_workspace_check_integrity (ws, &error));
  }

  close (to_parent[0]);
  close (to_parent[1]);
  close (to_child[0]);
  close (to_child[1]);
}

/* Every connection is registered, and only while it exists. */
static void
test_holds (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsWorkspace) ws = scs_workspace_open (f->path, &error);
  ScsWorkspace *again;

  g_assert_no_error (error);
  g_assert_cmpuint (scs_fs_count_holds (f->path), ==, 1);
  again = scs_workspace_open_again (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (scs_fs_count_holds (f->path), ==, 2);
  g_object_unref (again);
  g_assert_cmpuint (scs_fs_count_holds (f->path), ==, 1);
  g_clear_object (&ws);
  g_assert_cmpuint (scs_fs_count_holds (f->path), ==, 0);
}

static void
count_signal (gpointer  instance,
              gpointer  arg,
              guint    *count)
{
  (*count)++;
}

/* A colleague marks 1-2-1-1 not met with the CLI; the window, which has not
 * looked since, changes only the note: nothing is overwritten, the window
 * shows the newer answer; done again, the note is saved over the newer
 * state, and the audit log has the true old values. */
static void
test_lost_update (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsWorkspace) ws = scs_workspace_open (f->path, &error);
  g_autoptr(GPtrArray) audit = NULL;
  ScsAnswer *answer;
  guint changed = 0;

  g_assert_no_error (error);
  g_assert_true (scs_workspace_set_answer (ws, ID, SCS_ANSWER_MET, "規程あり", NULL, &error));
  g_signal_connect (ws, "answer-changed", G_CALLBACK (count_signal), &changed);
  answer = scs_workspace_lookup_answer (ws, ID);

  g_assert_cmpint (core_test_run_cli (NULL, "--actor=同僚", "answer", f->path, ID, "not-met", NULL), ==, 0);

  g_assert_false (scs_workspace_set_note (ws, ID, "規程あり（改訂）", &error));
  g_assert_error (error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_cmpint (scs_answer_get_state (answer), ==, SCS_ANSWER_NOT_MET);
  g_assert_cmpstr (scs_answer_get_note (answer), ==, "規程あり");
  g_assert_cmpuint (changed, ==, 1);

  /* The user chose to keep their note on the newer answer. */
  g_assert_true (scs_workspace_set_note (ws, ID, "規程あり（改訂）", &error));
  g_assert_no_error (error);
  g_clear_object (&ws);

  ws = scs_workspace_open (f->path, &error);
  g_assert_no_error (error);
  answer = scs_workspace_lookup_answer (ws, ID);
  g_assert_cmpint (scs_answer_get_state (answer), ==, SCS_ANSWER_NOT_MET);
  g_assert_cmpstr (scs_answer_get_note (answer), ==, "規程あり（改訂）");

  audit = scs_workspace_list_audit (ws, 2, &error);
  g_assert_no_error (error);
  {
    ScsAuditEntry *note = g_ptr_array_index (audit, 0);
    ScsAuditEntry *state = g_ptr_array_index (audit, 1);

    g_assert_cmpstr (note->action, ==, "note");
    g_assert_cmpstr (note->old_value, ==, "規程あり");
    g_assert_cmpstr (state->action, ==, "answer");
    g_assert_cmpstr (state->actor, ==, "同僚");
    g_assert_cmpstr (state->old_value, ==, "met");
    g_assert_cmpstr (state->new_value, ==, "not-met");
  }

  /* The CLI's own compare-and-set. */
  g_assert_cmpint (core_test_run_cli (NULL, "answer", f->path, ID, "met", "--if-version", "1", NULL), ==, 2);
  g_assert_cmpint (scs_answer_get_version (answer), ==, 3);
  g_assert_cmpint (core_test_run_cli (NULL, "answer", f->path, ID, "met", "--if-version", "3", NULL), ==, 0);
}

static void
on_changed_quit (ScsWorkspace *ws,
                 gpointer      arg,
                 GMainLoop    *loop)
{
  g_main_loop_quit (loop);
}

/* Changes made by another process are shown: by scs_workspace_refresh(),
 * and by the watch on the main loop. */
static void
test_refresh (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsWorkspace) ws = scs_workspace_open (f->path, &error);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autofree char *evidence = g_build_filename (f->dir, "policy.txt", NULL);
  ScsAnswer *answer = scs_workspace_lookup_answer (ws, ID);
  guint changed = 0;
  guint evidence_changed = 0;

  g_assert_no_error (error);
  g_signal_connect (ws, "answer-changed", G_CALLBACK (count_signal), &changed);
  g_signal_connect (ws, "evidence-changed", G_CALLBACK (count_signal), &evidence_changed);

  g_assert_true (scs_workspace_refresh (ws, &error));
  g_assert_cmpuint (changed, ==, 0);

  g_assert_cmpint (core_test_run_cli (NULL, "answer", f->path, ID, "met", "--note", "別の端末から", NULL), ==, 0);
  g_assert_true (scs_workspace_refresh (ws, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpint (scs_answer_get_state (answer), ==, SCS_ANSWER_MET);
  g_assert_cmpstr (scs_answer_get_note (answer), ==, "別の端末から");

  core_test_write_file (evidence, "規程", -1);
  g_assert_cmpint (core_test_run_cli (NULL, "evidence", "add", f->path, ID, evidence, NULL), ==, 0);
  g_assert_true (scs_workspace_refresh (ws, &error));
  g_assert_cmpuint (evidence_changed, ==, 1);
  g_assert_cmpuint (scs_answer_get_n_evidence (answer), ==, 1);

  /* The watch: the change arrives through the main loop. */
  scs_workspace_watch (ws, 50);
  g_signal_connect (ws, "answer-changed", G_CALLBACK (on_changed_quit), loop);
  g_assert_cmpint (core_test_run_cli (NULL, "answer", f->path, ID, "not-met", NULL), ==, 0);
  g_main_loop_run (loop);  /* until the change is seen; meson times a hang out */
  g_assert_cmpint (scs_answer_get_state (answer), ==, SCS_ANSWER_NOT_MET);
  scs_workspace_watch (ws, 0);
}

/* The file monitor alone: with the timer an hour away, a change another
 * process commits (to the -wal file) still shows at once, twice in a row.
 * The guard only stops a test that would otherwise hang: it fails it. */
static void
test_monitor (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsWorkspace) ws = scs_workspace_open (f->path, &error);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  ScsAnswer *answer = scs_workspace_lookup_answer (ws, ID);
  const char *notes[] = { "監視で届いた変更", "二度目の変更" };
  guint changed = 0;

  g_assert_no_error (error);
  scs_workspace_watch (ws, 3600 * 1000);
  g_signal_connect (ws, "answer-changed", G_CALLBACK (count_signal), &changed);
  g_signal_connect (ws, "answer-changed", G_CALLBACK (on_changed_quit), loop);

  for (guint i = 0; i < G_N_ELEMENTS (notes); i++)
    {
      g_assert_cmpint (core_test_run_cli (NULL, "answer", f->path, ID, i == 0 ? "met" : "not-met",
                                          "--note", notes[i], NULL), ==, 0);
      g_main_loop_run (loop);  /* until the change is seen; meson times a hang out */
      g_assert_cmpuint (changed, ==, i + 1);
      g_assert_cmpstr (scs_answer_get_note (answer), ==, notes[i]);
    }
  g_assert_cmpint (scs_answer_get_state (answer), ==, SCS_ANSWER_NOT_MET);

  /* Stopped: no monitor, no timer. */
  scs_workspace_watch (ws, 0);
  g_assert_cmpint (core_test_run_cli (NULL, "answer", f->path, ID, "met", NULL), ==, 0);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (changed, ==, 2);
}

/* A FIFO named like a workspace: refused at once, by the core, the
 * portfolio and the CLI (before, opening it blocked forever). */
static void
test_fifo (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *fifo = g_build_filename (f->dir, "x.scsw", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsWorkspace) ws = NULL;
  g_autoptr(ScsValidity) validity = scs_validity_load_default (NULL);
  g_autoptr(GDate) today = g_date_new_dmy (1, 4, 2027);
  g_autoptr(ScsPortfolioEntry) entry = NULL;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  ws = scs_workspace_open (fifo, &error);
  g_assert_null (ws);
  g_assert_error (error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_NOT_A_WORKSPACE);
  g_assert_nonnull (strstr (error->message, "x.scsw"));

  entry = scs_portfolio_entry_read (fifo, validity, today, NULL);
  g_assert_nonnull (scs_portfolio_entry_get_error (entry));

  g_assert_cmpint (core_test_run_cli (NULL, "info", fifo, NULL), ==, 2);
}

static guint
count_partials (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    if (scs_file_is_partial_name (name))
      n++;
  return n;
}

/* kill -9 during an export leaves a partial file, never the package's
 * name; the next export into that folder removes it. */
static void
test_export_killed (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsWorkspace) ws = NULL;
  g_autofree char *evidence = g_build_filename (f->dir, "large.bin", NULL);
  g_autofree char *out_dir = g_build_filename (f->dir, "out", NULL);
  g_autofree char *package = g_build_filename (out_dir, "draft.scsp", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (evidence);
  g_autoptr(GRand) rand = g_rand_new_with_seed (14);
  g_autofree guint32 *bytes = g_new (guint32, 16 * 1024 * 1024 / 4);
  g_autofree char *sha = NULL;
  pid_t pid;
  int status;

  /* Random, so the archive cannot compress it away: writing takes a while. */
  for (guint i = 0; i < 16 * 1024 * 1024 / 4; i++)
    bytes[i] = g_rand_int (rand);
  core_test_write_file (evidence, (const char *) bytes, 16 * 1024 * 1024);
  g_assert_cmpint (g_mkdir (out_dir, 0700), ==, 0);
  ws = scs_workspace_open (f->path, &error);
  g_assert_no_error (error);
  sha = scs_workspace_add_evidence (ws, ID, file, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&ws);

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      prctl (PR_SET_PDEATHSIG, SIGKILL);
      ws = scs_workspace_open (f->path, &error);
      for (;;)
        {
          if (ws == NULL || !scs_package_export (ws, package, SCS_PACKAGE_FLAGS_DRAFT, "ja",
                                                  NULL, NULL, NULL, &error))
            _exit (3);
          g_unlink (package);
        }
    }

  /* Kill it while the partial file is there. */
  while (count_partials (out_dir) == 0)
    {
      g_assert_cmpint (waitpid (pid, &status, WNOHANG), ==, 0);
      g_usleep (1000);
    }
  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_cmpuint (count_partials (out_dir), ==, 1);

  ws = scs_workspace_open (f->path, &error);
  g_assert_no_error (error);
  g_unlink (package);
  g_assert_true (scs_package_export (ws, package, SCS_PACKAGE_FLAGS_DRAFT, "ja", NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (package, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (count_partials (out_dir), ==, 0);
}

/* kill -9 while a final export replaces an earlier package: the earlier
 * one, kept under a second name until the record is committed, has a
 * partial name too, and the next export removes it. Before, it was left
 * behind as ".final.scsp.old-XXXXXX" for good. */
static void
test_replace_killed (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsWorkspace) ws = NULL;
  g_autofree char *certs = g_build_filename (f->dir, "certs", NULL);
  g_autofree char *out_dir = g_build_filename (f->dir, "out", NULL);
  g_autofree char *package = g_build_filename (out_dir, "final.scsp", NULL);
  g_autoptr(GDir) handle = NULL;
  const char *name;
  pid_t pid;
  int status;
  GStatBuf st;

  g_assert_cmpint (g_mkdir (certs, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (out_dir, 0700), ==, 0);
  core_test_make_certificates (certs, TRUE);
  ws = scs_workspace_open (f->path, &error);
  g_assert_no_error (error);
  core_test_seal_workspace (ws, certs, FALSE);
  g_assert_true (scs_package_export (ws, package, SCS_PACKAGE_FLAGS_NONE, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&ws);

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      prctl (PR_SET_PDEATHSIG, SIGKILL);
      ws = scs_workspace_open (f->path, &error);
      for (;;)
        if (ws == NULL || !scs_package_export (ws, package, SCS_PACKAGE_FLAGS_NONE, NULL,
                                                NULL, NULL, NULL, &error))
          _exit (3);
    }

  /* Kill it while the earlier package has its second name. */
  for (;;)
    {
      g_assert_cmpint (waitpid (pid, &status, WNOHANG), ==, 0);
      if (g_lstat (package, &st) == 0 && st.st_nlink > 1)
        break;
    }
  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);

  /* Whatever is left besides the package is a partial file... */
  handle = g_dir_open (out_dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (handle)) != NULL)
    if (!g_str_equal (name, "final.scsp"))
      g_assert_true (scs_file_is_partial_name (name));
  g_assert_cmpuint (count_partials (out_dir), >, 0);

  /* ...and the next export removes it. */
  ws = scs_workspace_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (scs_package_export (ws, package, SCS_PACKAGE_FLAGS_NONE, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_partials (out_dir), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("SCS_ACTOR", "CLI", TRUE);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, core_test_fixture_set_up, func, core_test_fixture_tear_down)
  ADD ("/scs/file-safety/locks-kept", test_locks_kept);
  ADD ("/scs/file-safety/holds", test_holds);
  ADD ("/scs/file-safety/lost-update", test_lost_update);
  ADD ("/scs/file-safety/refresh", test_refresh);
  ADD ("/scs/file-safety/monitor", test_monitor);
  ADD ("/scs/file-safety/fifo", test_fifo);
  ADD ("/scs/file-safety/export-killed", test_export_killed);
  ADD ("/scs/file-safety/replace-killed", test_replace_killed);
#undef ADD

  return g_test_run ();
}
