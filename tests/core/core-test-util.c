/* core-test-util.c: helpers the core test binaries share
 *
 * The tests in tests/core each make a workspace in a temporary folder, hash
 * files to prove a refusal left them alone, and clean up afterwards; several
 * seal a workspace (review, signature, declaration) or fill a scope. Those
 * steps were copied into each file; they live here once, and what differed
 * between the copies (company name, level, actor, which answers to set) is
 * a parameter.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE 1 /* unshare () */
#include "config.h"

#include "core-test-util.h"

#include <errno.h>
#include <signal.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "scs-declaration.h"
#include "scs-profile.h"
#include "scs-review.h"
#include "scs-signer.h"
#include "scs-signoff.h"

char *
core_test_make_tmp_dir (const char *template)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp (template, &error);

  g_assert_no_error (error);
  return dir;
}

void
core_test_rm_rf (const char *path)
{
  GStatBuf st;

  if (g_lstat (path, &st) == 0 && S_ISDIR (st.st_mode))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          core_test_rm_rf (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

void
core_test_write_file (const char *path,
                      const char *contents,
                      gssize      length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

char *
core_test_file_sha256 (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

char *
core_test_file_state (const char *path,
                      gboolean    separated)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  const char *suffixes[] = { "", "-wal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;

      if (g_file_get_contents (name, &contents, &length, NULL))
        g_checksum_update (sum, (const guchar *) contents, length);
      if (separated)
        g_checksum_update (sum, (const guchar *) "|", 1);
    }
  return g_strdup (g_checksum_get_string (sum));
}

void
core_test_forge (const char *path,
                 const char *sql)
{
  g_autoptr(GPtrArray) triggers = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) drop = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_string_append_printf (drop, "DROP TRIGGER \"%s\";", sqlite3_column_text (stmt, 0));
      g_ptr_array_add (triggers, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_exec (db, drop->str, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < triggers->len; i++)
    g_assert_cmpint (sqlite3_exec (db, triggers->pdata[i], NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

ScsWorkspace *
core_test_workspace_new (const char *path,
                         const char *org_name,
                         guint       level,
                         const char *actor)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsCatalog) catalog = scs_catalog_new_builtin ();
  g_autoptr(ScsOrganization) org = scs_organization_new ();
  ScsWorkspace *workspace;

  org->name = g_strdup (org_name);
  org->corporate_number = g_strdup (CORE_TEST_CORPORATE_NUMBER);
  workspace = scs_workspace_create (path, org, level, catalog, &error);
  g_assert_no_error (error);
  if (actor != NULL)
    scs_workspace_set_actor (workspace, actor);
  return workspace;
}

void
core_test_fixture_set_up (CoreTestFixture *f,
                          gconstpointer    data)
{
  g_autofree char *name = g_path_get_basename (g_get_prgname ());
  g_autofree char *template = g_strdup_printf ("scs-%s-XXXXXX", name);
  g_autoptr(ScsWorkspace) ws = NULL;

  f->dir = core_test_make_tmp_dir (template);
  f->path = g_build_filename (f->dir, "client.scsw", NULL);
  ws = core_test_workspace_new (f->path, "株式会社テスト", 3, "窓");
}

void
core_test_fixture_tear_down (CoreTestFixture *f,
                             gconstpointer    data)
{
  core_test_rm_rf (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

GPtrArray *
core_test_cli_argv (const char *first,
                    va_list     args)
{
  GPtrArray *argv = g_ptr_array_new ();

  g_assert_nonnull (g_getenv ("SCS_CLI"));
  g_ptr_array_add (argv, (gpointer) g_getenv ("SCS_CLI"));
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  g_ptr_array_add (argv, NULL);
  return argv;
}

int
core_test_run_cli (char       **out,
                   const char  *first,
                   ...)
{
  g_autoptr(GPtrArray) argv = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  g_autofree char *own_out = NULL;
  g_autofree char *said = NULL;
  va_list args;
  int status = 0;

  va_start (args, first);
  argv = core_test_cli_argv (first, args);
  va_end (args);

  if (out == NULL)
    out = &own_out;
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                out, &err, &status, &error);
  g_assert_no_error (error);
  said = g_strdup_printf ("scs-cli %s: %s%s", first, *out ? *out : "", err ? err : "");
  g_test_message ("%s", g_strdelimit (said, "\n", ' '));
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

void
core_test_make_certificates (const char *dir,
                             gboolean    quiet)
{
  g_autofree char *script = g_build_filename (g_getenv ("SCS_SOURCE_DIR"), "tests", "review",
                                              "make-certificates.sh", NULL);
  g_autofree char *cmd = g_strdup_printf ("sh '%s' '%s'%s", script, dir, quiet ? " >/dev/null 2>&1" : "");

  g_assert_cmpint (system (cmd), ==, 0);
}

/* `openssl ocsp` on a free port, answering for ca.pem through a delegated
 * responder certificate (id-kp-OCSPSigning): expert.pem good, revoked.pem
 * revoked on 2026-12-01. It prints "ACCEPT [::]:PORT …" on stdout once it
 * listens. */
char *
core_test_start_ocsp (const char *dir,
                      GPid       *pid)
{
  /* bounded like tsa-server.py, should the test die before it stops it */
  const char *argv[] = { "timeout", "900", "openssl", "ocsp", "-index", "index.txt", "-port", "0", "-rsigner", "ocsp.pem",
                         "-rkey", "ocsp.key.pem", "-CA", "ca.pem", "-ignore_err", NULL };
  const char *setup[] = { "sh", "-c",
    "set -e; "
    "openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout ocsp.key.pem "
    "  -subj '/CN=SCS Test OCSP' -out ocsp.csr 2>/dev/null; "
    "printf 'extendedKeyUsage=OCSPSigning\\nkeyUsage=critical,digitalSignature\\n' > ocsp.ext; "
    "openssl x509 -req -in ocsp.csr -CA ca.pem -CAkey ca.key.pem -CAcreateserial -days 30 "
    "  -extfile ocsp.ext -out ocsp.pem 2>/dev/null; "
    "openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout revoked.key.pem "
    "  -subj '/CN=Revoked Expert' -out revoked.csr 2>/dev/null; "
    "printf 'keyUsage=critical,digitalSignature,nonRepudiation\\n' > revoked.ext; "
    "openssl x509 -req -in revoked.csr -CA ca.pem -CAkey ca.key.pem -CAcreateserial -days 30 "
    "  -extfile revoked.ext -out revoked.pem 2>/dev/null; "
    "openssl pkcs12 -export -inkey revoked.key.pem -in revoked.pem -passout pass:secret -out revoked.p12; "
    "printf 'V\\t301231235959Z\\t\\t%s\\tunknown\\t/CN=Expert Taro\\n' "
    "  $(openssl x509 -in expert.pem -noout -serial | cut -d= -f2) > index.txt; "
    "printf 'R\\t301231235959Z\\t261201000000Z\\t%s\\tunknown\\t/CN=Revoked Expert\\n' "
    "  $(openssl x509 -in revoked.pem -noout -serial | cut -d= -f2) >> index.txt", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GIOChannel) channel = NULL;
  g_autofree char *line = NULL;
  const char *port;
  int status = 0;
  int out_fd;

  g_assert_true (g_spawn_sync (dir, (char **) setup, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_true (g_spawn_async_with_pipes (dir, (char **) argv, NULL, G_SPAWN_SEARCH_PATH |
                                           G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDERR_TO_DEV_NULL,
                                           NULL, NULL, pid, NULL, &out_fd, NULL, &error));
  g_assert_no_error (error);
  channel = g_io_channel_unix_new (out_fd);
  g_io_channel_set_close_on_unref (channel, TRUE);
  do
    {
      g_clear_pointer (&line, g_free);
      g_assert_cmpint (g_io_channel_read_line (channel, &line, NULL, NULL, &error), ==, G_IO_STATUS_NORMAL);
    }
  while (!g_str_has_prefix (line, "ACCEPT "));
  port = strrchr (strtok (line + 7, " "), ':');
  g_assert_nonnull (port);
  return g_strdup_printf ("http://127.0.0.1:%s/", port + 1);
}

void
core_test_stop_ocsp (GPid pid)
{
  if (pid == 0)
    return;
  kill (pid, SIGTERM);
  waitpid (pid, NULL, 0);
  g_spawn_close_pid (pid);
}

ScsReview *
core_test_ready_to_sign (ScsWorkspace *workspace,
                         gboolean      only_unsatisfied)
{
  g_autoptr(ScsProfile) expert = scs_profile_new ();
  g_autoptr(ScsReview) review = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *answers = scs_workspace_get_answers (workspace);

  for (guint i = 0; i < g_list_model_get_n_items (answers); i++)
    {
      g_autoptr(ScsAnswer) answer = g_list_model_get_item (answers, i);

      if (scs_answer_get_criterion (answer)->level == 3
          && !(only_unsatisfied && scs_answer_is_satisfied (answer)))
        {
          scs_workspace_set_answer (workspace, scs_answer_get_criterion_id (answer),
                                    SCS_ANSWER_MET, NULL, NULL, &error);
          g_assert_no_error (error);
        }
    }
  scs_profile_set_name (expert, "Expert Taro");
  scs_profile_set_role (expert, SCS_ROLE_EXPERT);
  scs_profile_set_qualification (expert, SCS_QUALIFICATION_RISS);
  scs_profile_set_registration (expert, "013258");
  scs_profile_set_training_date (expert, "2026-01-10");
  review = scs_review_new (workspace, expert);
  for (guint i = 0; i < g_list_model_get_n_items (answers); i++)
    {
      g_autoptr(ScsAnswer) answer = g_list_model_get_item (answers, i);

      if (scs_answer_get_criterion (answer)->level == 3)
        g_assert_true (scs_review_set_verdict (review, scs_answer_get_criterion_id (answer),
                                               SCS_VERDICT_ACCEPTED, &error));
    }
  return g_steal_pointer (&review);
}

void
core_test_seal_workspace (ScsWorkspace *workspace,
                          const char   *certs_dir,
                          gboolean      only_unsatisfied)
{
  g_autoptr(ScsReview) review = core_test_ready_to_sign (workspace, only_unsatisfied);
  g_autoptr(ScsSigner) signer = NULL;
  g_autoptr(ScsSigner) manager = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expert_p12 = g_build_filename (certs_dir, "expert.p12", NULL);
  g_autofree char *manager_p12 = g_build_filename (certs_dir, "manager.p12", NULL);
  gboolean signed_ok;

  signer = scs_signer_new_from_pkcs12 (expert_p12, "secret", &error);
  g_assert_no_error (error);
  signed_ok = scs_signoff_sign_assessment (signer, review, NULL, SCS_SIGN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_true (signed_ok);
  manager = scs_signer_new_from_pkcs12 (manager_p12, "secret", &error);
  g_assert_no_error (error);
  g_clear_object (&review);
  review = scs_review_new (workspace, core_test_management ());
  g_assert_true (scs_signoff_declare (review, "山田 一郎", "代表取締役", NULL, NULL, manager,
                                      NULL, SCS_SIGN_FLAGS_NONE, &error));
  g_assert_no_error (error);
}

gint64
core_test_scope_addv (ScsScope     *scope,
                      ScsScopeKind  kind,
                      va_list       args)
{
  g_autoptr(GHashTable) fields = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  const char *key;
  gint64 id;

  while ((key = va_arg (args, const char *)) != NULL)
    g_hash_table_insert (fields, (gpointer) key, va_arg (args, char *));
  id = scs_scope_add_item (scope, kind, fields, &error);
  g_assert_no_error (error);
  return id;
}

gint64
core_test_scope_add (ScsScope     *scope,
                     ScsScopeKind  kind,
                     ...)
{
  va_list args;
  gint64 id;

  va_start (args, kind);
  id = core_test_scope_addv (scope, kind, args);
  va_end (args);
  return id;
}

void
core_test_certificate_dates (const char  *p12,
                             char       **from,
                             char       **to,
                             GTimeSpan   *length)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsSigner) signer = scs_signer_new_from_pkcs12 (p12, "secret", &error);
  g_autoptr(GDateTime) activation = NULL;
  g_autoptr(GDateTime) expiration = NULL;
  g_autoptr(GDateTime) local_activation = NULL;
  g_autoptr(GDateTime) local_expiration = NULL;

  g_assert_no_error (error);
  activation = scs_signer_get_activation_time (signer);
  expiration = scs_signer_get_expiration_time (signer);
  local_activation = g_date_time_to_local (activation);
  local_expiration = g_date_time_to_local (expiration);
  *from = g_date_time_format (local_activation, "%Y-%m-%d");
  *to = g_date_time_format (local_expiration, "%Y-%m-%d");
  if (length != NULL)
    *length = g_date_time_difference (expiration, activation);
}

/* A new profile named @name in @role; an expert's carries a RISS
 * registration and a training date, as the review rules ask. */
ScsProfile *
core_test_profile_new (const char *name,
                       ScsRole     role)
{
  ScsProfile *p = scs_profile_new ();

  scs_profile_set_name (p, name);
  scs_profile_set_role (p, role);
  if (role == SCS_ROLE_EXPERT)
    {
      scs_profile_set_qualification (p, SCS_QUALIFICATION_RISS);
      scs_profile_set_registration (p, "013258");
      scs_profile_set_training_date (p, "2026-01-10");
    }
  return p;
}

ScsProfile *
core_test_expert (void)
{
  static ScsProfile *expert;

  if (expert == NULL)
    {
      expert = scs_profile_new ();
      scs_profile_set_name (expert, "専門家 テスト");
      scs_profile_set_role (expert, SCS_ROLE_EXPERT);
    }
  return expert;
}

/* A mount namespace of this thread's own, that shares nothing back. */
static gboolean
private_mounts (char **why)
{
  const char *step = NULL;

  if (unshare (CLONE_NEWNS) != 0)
    step = "unshare (CLONE_NEWNS)";
  else if (mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0)
    step = "mount --make-rprivate /";
  if (step == NULL)
    return TRUE;
  *why = g_strdup_printf ("%s: %s", step, g_strerror (errno));
  return FALSE;
}

gboolean
core_test_mount_read_only (const char  *dir,
                           char       **why)
{
  const char *step = NULL;

  if (!private_mounts (why))
    return FALSE;
  if (mount (dir, dir, NULL, MS_BIND, NULL) != 0)
    step = "mount --bind";
  else if (mount (NULL, dir, NULL, MS_BIND | MS_REMOUNT | MS_RDONLY, NULL) != 0)
    step = "mount -o remount,bind,ro";
  if (step == NULL)
    return TRUE;
  *why = g_strdup_printf ("%s: %s", step, g_strerror (errno));
  return FALSE;
}

gboolean
core_test_mount_tmpfs (const char  *dir,
                       guint        size_kib,
                       char       **why)
{
  g_autofree char *options = g_strdup_printf ("size=%uk,mode=0700", size_kib);

  if (!private_mounts (why))
    return FALSE;
  if (mount ("scs-test", dir, "tmpfs", MS_NOSUID | MS_NODEV, options) == 0)
    return TRUE;
  *why = g_strdup_printf ("mount -t tmpfs: %s", g_strerror (errno));
  return FALSE;
}

gboolean
core_test_mount_overlay (const char  *lower,
                         const char  *upper,
                         const char  *work,
                         const char  *merged,
                         char       **why)
{
  g_autofree char *options = g_strdup_printf ("lowerdir=%s,upperdir=%s,workdir=%s", lower, upper, work);

  if (!private_mounts (why))
    return FALSE;
  if (mount ("scs-test", merged, "overlay", 0, options) == 0)
    return TRUE;
  *why = g_strdup_printf ("mount -t overlay: %s", g_strerror (errno));
  return FALSE;
}

gboolean
core_test_can_mount (char **why)
{
  g_autofree char *dir = core_test_make_tmp_dir ("scs-test-mount-XXXXXX");
  int pipe_fds[2];
  char reason[256] = { 0 };
  int status = 0;
  pid_t pid;

  g_assert_cmpint (pipe (pipe_fds), ==, 0);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      g_autofree char *child_why = NULL;

      close (pipe_fds[0]);
      if (core_test_mount_tmpfs (dir, 64, &child_why) &&
          mount (NULL, dir, NULL, MS_REMOUNT | MS_RDONLY, NULL) == 0)
        _exit (0);
      if (child_why == NULL)
        child_why = g_strdup_printf ("mount -o remount,ro: %s", g_strerror (errno));
      if (write (pipe_fds[1], child_why, strlen (child_why)) < 0)
        _exit (2);
      _exit (1);
    }
  close (pipe_fds[1]);
  if (read (pipe_fds[0], reason, sizeof reason - 1) < 0)
    reason[0] = '\0';
  close (pipe_fds[0]);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_rmdir (dir);
  if (WIFEXITED (status) && WEXITSTATUS (status) == 0)
    return TRUE;
  *why = g_strdup_printf ("mounting is not permitted here (%s)", reason);
  return FALSE;
}

ScsProfile *
core_test_management (void)
{
  static ScsProfile *management;

  if (management == NULL)
    {
      management = scs_profile_new ();
      scs_profile_set_name (management, "山田 一郎");
      scs_profile_set_role (management, SCS_ROLE_MANAGEMENT);
    }
  return management;
}
