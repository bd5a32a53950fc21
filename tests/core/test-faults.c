/* test-faults.c: disk full, read-only file and I/O errors on every edit path
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A full disk is made without root or a special mount: RLIMIT_FSIZE (with
 * SIGXFSZ caught and counted) makes every write at or past the limit fail
 * with EFBIG,
 * exactly where a full disk fails with ENOSPC, and lifting the limit is the
 * fault clearing. For each editing path of the core (answer, note, reason,
 * evidence) the edit must be refused with an SCS_WORKSPACE_ERROR that says
 * so, change nothing (model and file integrity), and succeed when retried
 * once the fault has cleared, with nothing lost. A read-only file or folder,
 * and a full disk at opening, open the workspace read-only: readable,
 * checkable and exportable as a draft; edits are refused naming the file.
 */

#include "config.h"

#include <signal.h>
#include <stdarg.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "core-test-util.h"
#include "scs-db.h"
#include "scs-package.h"
#include "scs-signature-check.h"
#include "scs-signature.h"
#include "scs-verify.h"
#include "scs-workspace.h"

typedef struct
{
  char         *dir;
  char         *path;
  ScsWorkspace *workspace;
  const char   *id;       /* a ★3 criterion */
} Fixture;

static struct rlimit saved_limit;

/* Writes the full disk refused: each raised SIGXFSZ before failing. */
static volatile sig_atomic_t refused_writes;

static void
count_refused_write (int signum)
{
  refused_writes++;
}

/* A write the disk refused: SQLite's (scs-db.h) or, for evidence copied in
 * first, the workspace's own. */
static void
assert_write_refused (const GError *error)
{
  g_assert_nonnull (error);
  if (error->domain == SCS_DB_ERROR)
    g_assert_true (error->code == SCS_DB_ERROR_IO || error->code == SCS_DB_ERROR_FULL);
  else
    g_assert_error (error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_IO);
}

static void
disk_full (void)
{
  struct rlimit limit;

  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved_limit), ==, 0);
  limit = saved_limit;
  limit.rlim_cur = 0;   /* every write fails, like a full disk */
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
}

static void
disk_cleared (void)
{
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved_limit), ==, 0);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsOrganization) org = scs_organization_new ();
  g_autoptr(ScsCatalog) catalog = scs_catalog_new_builtin ();

  org->name = g_strdup ("株式会社フォールト");
  org->corporate_number = g_strdup ("7000012050002");
  fixture->dir = g_dir_make_tmp ("scs-test-faults-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "faults.scsw", NULL);
  fixture->workspace = scs_workspace_create (fixture->path, org, 3, catalog, &error);
  g_assert_no_error (error);
  fixture->id = "1-2-1-1";
  g_assert_nonnull (scs_workspace_lookup_answer (fixture->workspace, fixture->id));
  g_assert_true (scs_workspace_set_answer (fixture->workspace, fixture->id, SCS_ANSWER_MET,
                                           "最初のメモ", NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *suffixes[] = { "", "-wal", "-shm" };
  g_autofree char *evidence = g_build_filename (fixture->dir, "evidence.txt", NULL);

  g_clear_object (&fixture->workspace);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *p = g_strconcat (fixture->path, suffixes[i], NULL);
      g_unlink (p);
    }
  g_unlink (evidence);
  g_rmdir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static void
assert_file_intact (Fixture    *fixture,
                    const char *note)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsWorkspace) reopened = scs_workspace_open (fixture->path, &error);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (scs_answer_get_note (scs_workspace_lookup_answer (reopened, fixture->id)), ==, note);

  g_assert_cmpint (sqlite3_open_v2 (fixture->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

typedef gboolean (*EditFunc) (Fixture *fixture, GError **error);

static gboolean
edit_note (Fixture *fixture, GError **error)
{
  return scs_workspace_set_note (fixture->workspace, fixture->id, "ディスク満杯の間に書いたメモ", error);
}

static gboolean
edit_answer (Fixture *fixture, GError **error)
{
  return scs_workspace_set_answer (fixture->workspace, fixture->id, SCS_ANSWER_NOT_MET,
                                   "ディスク満杯の間に書いたメモ", NULL, error);
}

static gboolean
edit_reason (Fixture *fixture, GError **error)
{
  return scs_workspace_set_answer (fixture->workspace, fixture->id, SCS_ANSWER_NOT_APPLICABLE,
                                   "ディスク満杯の間に書いたメモ", "該当する設備がない", error);
}

static void
run_fault (Fixture  *fixture,
           EditFunc  edit)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *evidence = g_build_filename (fixture->dir, "evidence.txt", NULL);
  ScsAnswer *answer = scs_workspace_lookup_answer (fixture->workspace, fixture->id);
  ScsAnswerState state_before = scs_answer_get_state (answer);

  g_assert_true (g_file_set_contents (evidence, "規程の写し\n", -1, NULL));

  disk_full ();
  refused_writes = 0;
  g_assert_false (edit (fixture, &error));
  disk_cleared ();

  /* Refused at the first write the disk refused, not retried nor waited
   * on as a busy file (that would end in SCS_DB_ERROR_BUSY), and clearly,
   * with nothing changed. */
  g_assert_cmpint (refused_writes, ==, 1);
  assert_write_refused (error);
  g_test_message ("refused with: %s", error->message);
  g_assert_cmpint (scs_answer_get_state (answer), ==, state_before);
  g_assert_cmpstr (scs_answer_get_note (answer), ==, "最初のメモ");
  assert_file_intact (fixture, "最初のメモ");
  g_clear_error (&error);

  /* The fault clears: the same edit now goes through and lasts. */
  g_assert_true (edit (fixture, &error));
  g_assert_no_error (error);
  assert_file_intact (fixture, "ディスク満杯の間に書いたメモ");
}

static void
test_disk_full_note (Fixture *fixture, gconstpointer data)
{
  run_fault (fixture, edit_note);
}

static void
test_disk_full_answer (Fixture *fixture, gconstpointer data)
{
  run_fault (fixture, edit_answer);
  g_assert_cmpint (scs_answer_get_state (scs_workspace_lookup_answer (fixture->workspace, fixture->id)),
                   ==, SCS_ANSWER_NOT_MET);
}

static void
test_disk_full_reason (Fixture *fixture, gconstpointer data)
{
  run_fault (fixture, edit_reason);
  g_assert_cmpstr (scs_answer_get_reason (scs_workspace_lookup_answer (fixture->workspace, fixture->id)),
                   ==, "該当する設備がない");
}

static void
test_disk_full_evidence (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "evidence.txt", NULL);
  g_autofree char *sha = NULL;
  g_autoptr(GPtrArray) list = NULL;

  g_assert_true (g_file_set_contents (path, "規程の写し\n", -1, NULL));
  file = g_file_new_for_path (path);

  disk_full ();
  sha = scs_workspace_add_evidence (fixture->workspace, fixture->id, file, NULL, &error);
  disk_cleared ();
  g_assert_null (sha);
  assert_write_refused (error);
  g_test_message ("refused with: %s", error->message);
  g_clear_error (&error);
  assert_file_intact (fixture, "最初のメモ");

  sha = scs_workspace_add_evidence (fixture->workspace, fixture->id, file, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (sha);
}

/* A workspace that cannot be written opens read-only: readable, checkable
 * and exportable as a draft elsewhere; an edit is refused and says why. */
static void
assert_open_read_only (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsWorkspace) again = scs_workspace_open (fixture->path, &error);
  g_autofree char *out_dir = NULL;
  g_autofree char *package = NULL;

  g_assert_no_error (error);
  g_assert_true (scs_workspace_is_read_only (again));
  g_assert_nonnull (scs_workspace_get_read_only_reason (again));
  g_test_message ("read-only because %s", scs_workspace_get_read_only_reason (again));
  g_assert_cmpstr (scs_answer_get_note (scs_workspace_lookup_answer (again, fixture->id)), ==, "最初のメモ");

  g_assert_false (scs_workspace_set_note (again, fixture->id, "変更", &error));
  g_assert_error (error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "faults.scsw"));
  g_clear_error (&error);
  g_assert_cmpstr (scs_answer_get_note (scs_workspace_lookup_answer (again, fixture->id)), ==, "最初のメモ");

  g_assert_true (scs_workspace_check_integrity (again, &error));
  g_assert_no_error (error);

  out_dir = g_dir_make_tmp ("scs-test-faults-out-XXXXXX", &error);
  g_assert_no_error (error);
  package = g_build_filename (out_dir, "draft.scsp", NULL);
  g_assert_true (scs_package_export (again, package, SCS_PACKAGE_FLAGS_DRAFT, "ja", NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (package, G_FILE_TEST_IS_REGULAR));
  g_unlink (package);
  g_rmdir (out_dir);
}

/* Runs @check as nobody (root ignores file modes) in a subprocess. */
static void
as_nobody (Fixture *fixture,
           void   (*check) (Fixture *fixture))
{
  if (getuid () != 0)
    {
      check (fixture);
      return;
    }
  if (g_test_subprocess ())
    {
      g_assert_cmpint (setgid (65534), ==, 0);
      g_assert_cmpint (setuid (65534), ==, 0);
      check (fixture);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static void
test_read_only_file (Fixture *fixture, gconstpointer data)
{
  g_clear_object (&fixture->workspace);
  g_assert_cmpint (g_chmod (fixture->dir, 0755), ==, 0);
  g_assert_cmpint (g_chmod (fixture->path, 0444), ==, 0);
  as_nobody (fixture, assert_open_read_only);
  g_chmod (fixture->path, 0644);
}

/* A read-only folder: SQLite cannot make the -shm file it needs to read a
 * WAL file, so the closed file (no -wal) is read as immutable. */
static void
test_read_only_folder (Fixture *fixture, gconstpointer data)
{
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);

  g_clear_object (&fixture->workspace);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_cmpint (g_chmod (fixture->path, 0666), ==, 0);
  g_assert_cmpint (g_chmod (fixture->dir, 0555), ==, 0);
  as_nobody (fixture, assert_open_read_only);
  g_chmod (fixture->dir, 0700);
  g_chmod (fixture->path, 0644);
}

static int
run_cli (char       **out,
         const char  *first,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list args;
  int status = -1;

  g_ptr_array_add (argv, (gpointer) g_getenv ("SCS_CLI"));
  va_start (args, first);
  for (arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  /* Its output must not reach the test's TAP stream. */
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL,
                               G_SPAWN_STDERR_TO_DEV_NULL | (out == NULL ? G_SPAWN_STDOUT_TO_DEV_NULL : 0),
                               NULL, NULL, out, NULL, &status, &error));
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static void
assert_no_side_files (const char *path)
{
  const char *suffixes[] = { "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *side = g_strconcat (path, suffixes[i], NULL);

      if (g_file_test (side, G_FILE_TEST_EXISTS))
        g_error ("%s was left next to the workspace", side);
    }
}

/* In the child, on the read-only mount: what a reviewer does with a signed
 * workspace received on a CD or a read-only share. */
static void
check_read_only_signed (Fixture    *fixture,
                        const char *certs,
                        const char *out_dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsWorkspace) ws = scs_workspace_open (fixture->path, &error);
  g_autoptr(ScsSignatureCheck) expert = NULL;
  g_autoptr(ScsSignatureCheck) management = NULL;
  g_autoptr(ScsVerifyResult) result = NULL;
  g_autofree char *ca = g_build_filename (certs, "ca.pem", NULL);
  g_autofree char *package = g_build_filename (out_dir, "draft.scsp", NULL);
  g_autofree char *cli_package = g_build_filename (out_dir, "cli-draft.scsp", NULL);
  g_autofree char *out = NULL;

  /* Root may write any file whatever its mode; a read-only mount it may
   * not (EROFS): that is what takes the read-only path as root. */
  g_assert_no_error (error);
  g_assert_true (scs_workspace_is_read_only (ws));
  g_test_message ("read-only because %s", scs_workspace_get_read_only_reason (ws));
  g_assert_nonnull (strstr (scs_workspace_get_read_only_reason (ws), "read-only disk"));

  expert = scs_signature_check (ws, SCS_SIGNATURE_ROLE_EXPERT, ca, &error);
  g_assert_no_error (error);
  g_assert_true (scs_signature_check_is_good (expert));
  g_assert_true (expert->verification->trusted);
  management = scs_signature_check (ws, SCS_SIGNATURE_ROLE_MANAGEMENT, ca, &error);
  g_assert_no_error (error);
  g_assert_true (scs_signature_check_is_good (management));
  g_assert_true (scs_workspace_check_integrity (ws, &error));
  g_assert_no_error (error);

  g_assert_true (scs_package_export (ws, package, SCS_PACKAGE_FLAGS_DRAFT, "ja", NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  result = scs_verify_package_file (package, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (result->draft);

  /* Refused: sealed, and read-only besides. */
  g_assert_false (scs_workspace_set_note (ws, fixture->id, "変更", &error));
  g_assert_true (g_error_matches (error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_SEALED) ||
                 g_error_matches (error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_READ_ONLY));
  g_clear_error (&error);
  g_clear_object (&ws);

  /* The same with the CLI, another process on the same mount. */
  g_setenv ("SCS_LANGUAGE", "en", TRUE);
  g_assert_cmpint (run_cli (&out, "verify-signature", fixture->path, "--ca", ca, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Expert signature: valid"));
  g_assert_cmpint (run_cli (NULL, "export", fixture->path, "--out", cli_package, "--draft", NULL), ==, 0);
  g_assert_true (g_file_test (cli_package, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (run_cli (NULL, "info", fixture->path, NULL), ==, 0);
  g_assert_cmpint (run_cli (NULL, "answer", fixture->path, fixture->id, "not-met", NULL), ==, 2);
  assert_no_side_files (fixture->path);
}

/* A signed workspace on a read-only mount: verified valid, exported as a
 * draft to another folder, by the core and the CLI; afterwards the file is
 * byte for byte what it was and nothing lies next to it. */
static void
test_read_only_signed (Fixture *fixture, gconstpointer data)
{
  g_autofree char *certs = core_test_make_tmp_dir ("scs-test-faults-certs-XXXXXX");
  g_autofree char *out_dir = core_test_make_tmp_dir ("scs-test-faults-out-XXXXXX");
  g_autofree char *why = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  int status;
  pid_t pid;

  core_test_make_certificates (certs, TRUE);
  core_test_seal_workspace (fixture->workspace, certs, FALSE);
  /* Closed where it was signed: the last connection removes -wal and -shm. */
  g_clear_object (&fixture->workspace);
  assert_no_side_files (fixture->path);
  before = core_test_file_sha256 (fixture->path);

  if (!core_test_can_mount (&why))
    {
      g_test_skip (why);
      core_test_rm_rf (certs);
      core_test_rm_rf (out_dir);
      return;
    }

  /* A child: the mount is its own (and it has no thread to leave out). */
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      g_autofree char *child_why = NULL;

      if (!core_test_mount_read_only (fixture->dir, &child_why))
        g_error ("%s", child_why);
      check_read_only_signed (fixture, certs, out_dir);
      _exit (0);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);

  after = core_test_file_sha256 (fixture->path);
  g_assert_cmpstr (after, ==, before);
  assert_no_side_files (fixture->path);
  core_test_rm_rf (certs);
  core_test_rm_rf (out_dir);
}

/* Fills the file system of @dir to its last block. */
static void
fill_disk (const char *dir)
{
  g_autofree char *filler = g_build_filename (dir, "filler", NULL);
  char block[65536] = { 0 };
  size_t size = sizeof block;
  struct statvfs st;
  int fd = open (filler, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);

  g_assert_cmpint (fd, >=, 0);
  while (size > 0)
    if (write (fd, block, size) < 0)
      {
        g_assert_cmpint (errno, ==, ENOSPC);
        size /= 2;
      }
  close (fd);
  g_assert_cmpint (statvfs (dir, &st), ==, 0);
  g_assert_cmpuint (st.f_bavail, ==, 0);
}

static const char *full_ids[] = { "1-2-1-1", "1-2-1-2", "1-3-1-1" };

/* The notes check_full_disk() saved, the first one being @first. */
static void
assert_full_notes (ScsWorkspace *ws,
                   const char   *first)
{
  g_assert_cmpstr (scs_answer_get_note (scs_workspace_lookup_answer (ws, full_ids[0])), ==, first);
  for (guint i = 1; i < G_N_ELEMENTS (full_ids); i++)
    {
      g_autofree char *note = g_strdup_printf ("満杯の前に保存したメモ %u", i);

      g_assert_cmpstr (scs_answer_get_note (scs_workspace_lookup_answer (ws, full_ids[i])), ==, note);
    }
}

/* In the child, on a 2 MiB tmpfs: edits acknowledged, then the disk fills
 * up while the workspace is open (as in the window). */
static void
check_full_disk (const char *disk,
                 const char *out_dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (disk, "full.scsw", NULL);
  g_autofree char *filler = g_build_filename (disk, "filler", NULL);
  g_autofree char *package = g_build_filename (out_dir, "draft.scsp", NULL);
  g_autofree char *cli_package = g_build_filename (out_dir, "cli-draft.scsp", NULL);
  g_autoptr(GString) long_note = g_string_new (NULL);
  g_autoptr(ScsWorkspace) ws = core_test_workspace_new (path, "株式会社満杯", 3, "窓");
  g_autoptr(ScsWorkspace) reopened = NULL;
  g_autoptr(ScsVerifyResult) result = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (full_ids); i++)
    {
      g_autofree char *note = g_strdup_printf ("満杯の前に保存したメモ %u", i);

      g_assert_true (scs_workspace_set_note (ws, full_ids[i], note, &error));
      g_assert_no_error (error);
    }
  /* Longer than any slack left in the -wal file's last block. */
  for (guint i = 0; i < 400; i++)
    g_string_append (long_note, "ディスクが一杯の間に入力した長いメモ。");

  fill_disk (disk);

  /* Writing fails, saying which file and what to do; nothing changes. */
  g_assert_false (scs_workspace_set_note (ws, full_ids[0], long_note->str, &error));
  g_assert_error (error, SCS_DB_ERROR, SCS_DB_ERROR_FULL);
  g_test_message ("refused with: %s", error->message);
  g_assert_nonnull (strstr (error->message, "full.scsw"));
  g_assert_nonnull (strstr (error->message, "is full"));
  g_assert_nonnull (strstr (error->message, "Free some space"));
  g_clear_error (&error);
  assert_full_notes (ws, "満杯の前に保存したメモ 0");

  /* Reading and a draft export to another disk work: here, and in
   * another process (which opens the file read-only: the disk is full). */
  g_assert_true (scs_workspace_check_integrity (ws, &error));
  g_assert_no_error (error);
  g_assert_true (scs_package_export (ws, package, SCS_PACKAGE_FLAGS_DRAFT, "ja", NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  result = scs_verify_package_file (package, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (result->draft);
  g_assert_cmpint (run_cli (NULL, "info", path, NULL), ==, 0);
  g_assert_cmpint (run_cli (NULL, "export", path, "--out", cli_package, "--draft", NULL), ==, 0);
  g_assert_true (g_file_test (cli_package, G_FILE_TEST_IS_REGULAR));

  /* Closed and opened again on the full disk (the next start): read,
   * every acknowledged note there, exported as a draft elsewhere. */
  g_clear_object (&ws);
  ws = scs_workspace_open (path, &error);
  g_assert_no_error (error);
  g_test_message ("opened on the full disk %s", scs_workspace_is_read_only (ws)
                  ? scs_workspace_get_read_only_reason (ws) : "for writing");
  assert_full_notes (ws, "満杯の前に保存したメモ 0");
  g_assert_true (scs_package_export (ws, package, SCS_PACKAGE_FLAGS_DRAFT, "ja", NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  /* Space again: the same edit goes through (at once, or after opening
   * again if the full disk made the workspace read-only). */
  g_assert_cmpint (g_unlink (filler), ==, 0);
  if (scs_workspace_is_read_only (ws))
    {
      g_clear_object (&ws);
      ws = scs_workspace_open (path, &error);
      g_assert_no_error (error);
    }
  g_assert_true (scs_workspace_set_note (ws, full_ids[0], long_note->str, &error));
  g_assert_no_error (error);
  g_clear_object (&ws);

  /* Nothing acknowledged was lost; the file is sound. */
  reopened = scs_workspace_open (path, &error);
  g_assert_no_error (error);
  g_assert_false (scs_workspace_is_read_only (reopened));
  assert_full_notes (reopened, long_note->str);
  g_assert_true (scs_workspace_check_integrity (reopened, &error));
  g_assert_no_error (error);
}

/* A real full disk (a small tmpfs, in a child with its own mounts), not
 * only the file size limit of the tests above: an edit fails naming the
 * file and what to do, reading and a draft export elsewhere work, nothing
 * acknowledged is lost, and the edit goes through once there is room. */
static void
test_full_disk_tmpfs (void)
{
  g_autofree char *disk = core_test_make_tmp_dir ("scs-test-faults-disk-XXXXXX");
  g_autofree char *out_dir = core_test_make_tmp_dir ("scs-test-faults-out-XXXXXX");
  g_autofree char *why = NULL;
  int status;
  pid_t pid;

  if (!core_test_can_mount (&why))
    {
      g_test_skip (why);
      g_rmdir (disk);
      g_rmdir (out_dir);
      return;
    }

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      g_autofree char *child_why = NULL;

      if (!core_test_mount_tmpfs (disk, 2048, &child_why))
        g_error ("%s", child_why);
      g_setenv ("SCS_LANGUAGE", "en", TRUE);
      check_full_disk (disk, out_dir);
      _exit (0);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  /* The tmpfs went with the child's mounts. */
  g_assert_cmpint (g_rmdir (disk), ==, 0);
  core_test_rm_rf (out_dir);
}

/* A full disk at opening: the workspace still opens to be read. */
static void
test_disk_full_open (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsWorkspace) again = NULL;

  g_clear_object (&fixture->workspace);
  disk_full ();
  again = scs_workspace_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (scs_workspace_is_read_only (again));
  g_test_message ("read-only because %s", scs_workspace_get_read_only_reason (again));
  g_assert_cmpstr (scs_answer_get_note (scs_workspace_lookup_answer (again, fixture->id)), ==, "最初のメモ");
  g_assert_false (scs_workspace_set_note (again, fixture->id, "変更", &error));
  g_assert_error (error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_READ_ONLY);
  g_clear_object (&again);
  disk_cleared ();
  assert_file_intact (fixture, "最初のメモ");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  signal (SIGXFSZ, count_refused_write);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/scs/faults/disk-full/note", test_disk_full_note);
  ADD ("/scs/faults/disk-full/answer", test_disk_full_answer);
  ADD ("/scs/faults/disk-full/reason", test_disk_full_reason);
  ADD ("/scs/faults/disk-full/evidence", test_disk_full_evidence);
  ADD ("/scs/faults/read-only-file", test_read_only_file);
  ADD ("/scs/faults/read-only-folder", test_read_only_folder);
  ADD ("/scs/faults/disk-full/open", test_disk_full_open);
  ADD ("/scs/faults/read-only-signed", test_read_only_signed);
#undef ADD
  g_test_add_func ("/scs/faults/disk-full/tmpfs", test_full_disk_tmpfs);

  return g_test_run ();
}
