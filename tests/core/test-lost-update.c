/* test-lost-update.c: an edit made elsewhere is never silently overwritten
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The unlucky office: the window holds the workspace open (here, an
 * ScsWorkspace of this process that has not refreshed) while `scs-cli`, a
 * real second process, changes the same record and exits 0. The window
 * then saves what its user typed:
 *
 * - the organisation profile: a field the CLI changed and the window did
 *   not touch keeps the CLI's value (the window writes only the fields its
 *   user changed, over what is stored now); a field both changed is a
 *   conflict, nothing is written and the newer profile is shown; the
 *   audit rows carry the stored old values.
 * - a scope item's status and reason (scs_scope_set_status): changed by
 *   `scs-cli scope exclude` meanwhile, the window's change is a conflict
 *   and the newer state is shown (before: the CLI's reason was replaced).
 * - a scope item's fields (scs_scope_update_item) and the target level:
 *   one changed elsewhere since the window read it is a conflict, nothing
 *   is written; the audit's old value is the stored one.
 * - an expert's correction decided elsewhere while the window accepts it:
 *   before, the window reported it accepted (and audited it) though the
 *   stored decision was the other program's, and the answer was changed
 *   in a transaction of its own.
 * - the file itself: deleted, or replaced by another file renamed over it
 *   (`mv`, as a sync tool or a restore from backup does), while open.
 *   Before, the edit was written into the old inode and its -wal, reported
 *   as saved, and gone once the program ended; now it is refused, the file
 *   under the name is left alone, and nothing is shown as saved.
 */

#include "config.h"

#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "core-test-util.h"
#include "scs-db.h"
#include "scs-profile.h"
#include "scs-review.h"
#include "scs-scope-private.h"
#include "scs-workspace.h"

typedef CoreTestFixture Fixture;

/* @path opened as another program, or the window opening it again,
 * would: acting as @actor when not NULL. */
static ScsWorkspace *
open_as (const char *path,
         const char *actor)
{
  g_autoptr(GError) error = NULL;
  ScsWorkspace *ws = scs_workspace_open (path, &error);

  g_assert_no_error (error);
  if (actor != NULL)
    scs_workspace_set_actor (ws, actor);
  return ws;
}

/* Runs @argv (a program on PATH); TRUE when it exited 0. */
static gboolean
run_ok (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                NULL, NULL, &status, &error);
  g_assert_no_error (error);
  return WIFEXITED (status) && WEXITSTATUS (status) == 0;
}

/* @error is the conflict of a save over a change made elsewhere, its
 * message naming @mentions when not NULL; cleared. */
static void
assert_conflict (GError     **error,
                 const char  *mentions)
{
  g_assert_error (*error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_CONFLICT);
  g_test_message ("%s", (*error)->message);
  if (mentions != NULL)
    g_assert_nonnull (strstr ((*error)->message, mentions));
  g_clear_error (error);
}

/* The newest audit entry with @action and @target, or NULL. */
static ScsAuditEntry *
find_action (GPtrArray  *audit,
             const char *action,
             const char *target)
{
  for (guint i = 0; i < audit->len; i++)
    {
      ScsAuditEntry *entry = g_ptr_array_index (audit, i);

      if (g_str_equal (entry->action, action) && g_strcmp0 (entry->target, target) == 0)
        return entry;
    }
  return NULL;
}

/* The audit trail of the workspace at @path, as a fresh opening reads it. */
static GPtrArray *
list_audit (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsWorkspace) ws = open_as (path, NULL);
  GPtrArray *audit = scs_workspace_list_audit (ws, 0, &error);

  g_assert_no_error (error);
  return audit;
}

/* For assert_audit: a value not compared. */
static const char ANY[] = "(any)";

/* The newest audit row of the workspace at @path with @action on @target
 * is there, by @actor, from @old_value to @new_value (NULL: the row has
 * none); ANY for what is not compared. */
static void
assert_audit (const char *path,
              const char *action,
              const char *target,
              const char *actor,
              const char *old_value,
              const char *new_value)
{
  g_autoptr(GPtrArray) audit = list_audit (path);
  ScsAuditEntry *entry = find_action (audit, action, target);

  if (entry == NULL)
    g_error ("no audit row %s on %s", action, target);
  if (actor != ANY)
    g_assert_cmpstr (entry->actor, ==, actor);
  if (old_value != ANY)
    g_assert_cmpstr (entry->old_value, ==, old_value);
  if (new_value != ANY)
    g_assert_cmpstr (entry->new_value, ==, new_value);
}

/* The CLI changes the e-mail; the window, which still shows the old one,
 * changes the address: both are stored. */
static void
test_organization_merge (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsWorkspace) ws = open_as (f->path, NULL);
  g_autoptr(ScsOrganization) form = NULL;
  g_autoptr(ScsOrganization) stored = NULL;
  g_autoptr(GPtrArray) audit = NULL;

  scs_workspace_set_actor (ws, "窓");
  /* What the window's form shows */
  form = scs_workspace_dup_organization (ws);
  g_assert_null (form->contact_email);

  g_assert_cmpint (core_test_run_cli (NULL, "--actor=同僚", "org", "set", f->path,
                                      "--contact-email", "soumu@example.jp", NULL), ==, 0);

  g_free (form->address);
  form->address = g_strdup ("東京都千代田区1-1");
  g_assert_true (scs_workspace_set_organization (ws, form, &error));
  g_assert_no_error (error);
  g_clear_object (&ws);

  ws = open_as (f->path, NULL);
  stored = scs_workspace_dup_organization (ws);
  g_assert_cmpstr (stored->address, ==, "東京都千代田区1-1");
  g_assert_cmpstr (stored->contact_email, ==, "soumu@example.jp");

  assert_audit (f->path, "organization", "contact_email", "同僚", ANY, "soumu@example.jp");
  assert_audit (f->path, "organization", "address", "窓", NULL, "東京都千代田区1-1");
  /* The window wrote nothing over the e-mail */
  audit = list_audit (f->path);
  for (guint i = 0; i < audit->len; i++)
    {
      ScsAuditEntry *e = g_ptr_array_index (audit, i);

      g_assert_false (g_str_equal (e->actor, "窓") && g_strcmp0 (e->target, "contact_email") == 0);
    }
}

/* Both change the e-mail: the window's save is a conflict, nothing is
 * written, and the window then knows the CLI's value; saved again, the
 * user's choice is stored with the CLI's value as its old value. */
static void
test_organization_conflict (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsWorkspace) ws = open_as (f->path, NULL);
  g_autoptr(ScsOrganization) form = NULL;
  g_autoptr(ScsOrganization) shown = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  scs_workspace_set_actor (ws, "窓");
  form = scs_workspace_dup_organization (ws);

  g_assert_cmpint (core_test_run_cli (NULL, "--actor=同僚", "org", "set", f->path,
                                      "--contact-email", "soumu@example.jp", NULL), ==, 0);
  before = core_test_file_state (f->path, TRUE);

  g_free (form->contact_email);
  form->contact_email = g_strdup ("info@example.jp");
  g_assert_false (scs_workspace_set_organization (ws, form, &error));
  assert_conflict (&error, "soumu@example.jp");
  after = core_test_file_state (f->path, TRUE);
  g_assert_cmpstr (before, ==, after);

  /* The newer profile is what the workspace shows now */
  shown = scs_workspace_dup_organization (ws);
  g_assert_cmpstr (shown->contact_email, ==, "soumu@example.jp");

  /* The user keeps theirs, knowingly */
  g_assert_true (scs_workspace_set_organization (ws, form, &error));
  g_assert_no_error (error);
  assert_audit (f->path, "organization", "contact_email", "窓", "soumu@example.jp", "info@example.jp");
}

/* The same with python's sqlite3 as the other writer (no audit row, no
 * notice): the window's stale form does not put the old name back. */
static void
test_organization_sqlite (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsWorkspace) ws = open_as (f->path, NULL);
  g_autoptr(ScsOrganization) form = NULL;
  g_autoptr(ScsOrganization) stored = NULL;
  g_autofree char *sqlite3_program = NULL;
  const char *argv[] = { "sqlite3", f->path, "UPDATE organization SET name = '株式会社テスト改' WHERE id = 1;", NULL };

  form = scs_workspace_dup_organization (ws);

  sqlite3_program = g_find_program_in_path ("sqlite3");
  if (sqlite3_program == NULL)
    {
      g_test_skip ("no sqlite3 program");
      return;
    }
  g_assert_true (run_ok (argv));

  g_free (form->contact_phone);
  form->contact_phone = g_strdup ("03-0000-0000");
  g_assert_true (scs_workspace_set_organization (ws, form, &error));
  g_assert_no_error (error);
  g_clear_object (&ws);

  ws = open_as (f->path, NULL);
  stored = scs_workspace_dup_organization (ws);
  g_assert_cmpstr (stored->name, ==, "株式会社テスト改");
  g_assert_cmpstr (stored->contact_phone, ==, "03-0000-0000");
}

#define ID "1-2-1-1"

static void
test_file_replaced (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsWorkspace) ws = open_as (f->path, NULL);
  g_autoptr(ScsWorkspace) other = NULL;
  g_autofree char *other_path = g_build_filename (f->dir, "restored.scsw", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *mv[] = { "mv", other_path, f->path, NULL };

  g_assert_true (scs_workspace_set_note (ws, ID, "保存済み", &error));
  g_assert_no_error (error);

  /* Another program puts another workspace in its place */
  other = core_test_workspace_new (other_path, "株式会社バックアップ", 3, "別");
  g_clear_object (&other);
  g_assert_true (run_ok (mv));
  before = core_test_file_sha256 (f->path);

  /* data: the window is closed without trying to save again */
  if (data == NULL)
    {
      g_assert_false (scs_workspace_set_note (ws, ID, "入れ替え後の入力", &error));
      g_assert_error (error, SCS_DB_ERROR, SCS_DB_ERROR_MOVED);
      g_test_message ("%s", error->message);
      g_clear_error (&error);
      g_assert_cmpstr (scs_answer_get_note (scs_workspace_lookup_answer (ws, ID)), ==, "保存済み");
    }
  g_clear_object (&ws);

  /* The file under the name is the other one, untouched and whole; the
   * -wal under its name (the old file's, left by mv) holds nothing the
   * other one would read as its own */
  after = core_test_file_sha256 (f->path);
  g_assert_cmpstr (before, ==, after);
  {
    g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
    GStatBuf st;

    g_assert_true (g_stat (wal, &st) != 0 || st.st_size == 0);
  }
  ws = open_as (f->path, NULL);
  g_assert_true (scs_workspace_check_integrity (ws, &error));
  g_assert_no_error (error);
  {
    g_autoptr(ScsOrganization) org = scs_workspace_dup_organization (ws);

    g_assert_cmpstr (org->name, ==, "株式会社バックアップ");
  }
  g_assert_cmpstr (scs_answer_get_note (scs_workspace_lookup_answer (ws, ID)), ==, "");
}

/* The window saw the move (its watch); then another program opens the
 * file now under the name, shares the -wal and -shm left there, commits
 * and keeps it open while the window closes: its commit stays. */
static void
test_file_replaced_then_used (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsWorkspace) ws = scs_workspace_open (f->path, &error);
  g_autoptr(ScsWorkspace) other = NULL;
  g_autofree char *other_path = g_build_filename (f->dir, "restored.scsw", NULL);
  const char *mv[] = { "mv", other_path, f->path, NULL };
  const char *script =
    "import sqlite3, sys\n"
    "c = sqlite3.connect (sys.argv[1], isolation_level=None)\n"
    "c.execute (\"UPDATE organization SET address = '新しいファイルでの住所' WHERE id = 1\")\n"
    "print ('committed', flush=True)\n"
    "sys.stdin.readline ()\n"
    "c.close ()\n";
  const char *python[] = { "python3", "-c", script, f->path, NULL };
  char line[16] = { 0 };
  int in_fd, out_fd, status;
  GPid pid;
  FILE *out;

  g_assert_no_error (error);
  g_assert_true (scs_workspace_set_note (ws, ID, "保存済み", &error));
  g_assert_no_error (error);
  other = core_test_workspace_new (other_path, "株式会社バックアップ", 3, "別");
  g_clear_object (&other);
  g_assert_true (run_ok (mv));
  /* What the window's watch does when the file monitor reports the move */
  g_assert_true (scs_workspace_refresh (ws, &error));
  g_assert_no_error (error);

  g_assert_true (g_spawn_async_with_pipes (NULL, (char **) python, NULL,
                                           G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD,
                                           NULL, NULL, &pid, &in_fd, &out_fd, NULL, &error));
  g_assert_no_error (error);
  out = fdopen (out_fd, "r");
  g_assert_nonnull (fgets (line, sizeof line, out));
  g_assert_cmpstr (line, ==, "committed\n");
  fclose (out);

  g_clear_object (&ws);   /* the window closes first */
  g_assert_cmpint (write (in_fd, "\n", 1), ==, 1);
  close (in_fd);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  g_spawn_close_pid (pid);

  ws = open_as (f->path, NULL);
  g_assert_true (scs_workspace_check_integrity (ws, &error));
  {
    g_autoptr(ScsOrganization) org = scs_workspace_dup_organization (ws);

    g_assert_cmpstr (org->address, ==, "新しいファイルでの住所");
  }
}

static void
test_file_deleted (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsWorkspace) ws = open_as (f->path, NULL);
  const char *rm[] = { "rm", "-f", f->path, NULL };

  g_assert_true (run_ok (rm));

  g_assert_false (scs_workspace_set_note (ws, ID, "消えたファイルへの入力", &error));
  g_assert_error (error, SCS_DB_ERROR, SCS_DB_ERROR_MOVED);
  g_clear_error (&error);
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
}

/* The scope page holds the item as it was; the CLI excludes it meanwhile;
 * the page then marks it connected: the CLI's reason must not be lost. */
static void
test_scope_status (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsWorkspace) ws = open_as (f->path, NULL);
  g_autoptr(ScsWorkspace) again = NULL;
  g_autofree char *id_text = NULL;
  ScsScope *scope;
  ScsScope *stored;
  gint64 id;

  scope = scs_scope_get (ws, &error);
  g_assert_no_error (error);
  id = core_test_scope_add (scope, SCS_SCOPE_KIND_SERVER, "name", "生産管理サーバー", NULL);
  g_assert_cmpint (id, >, 0);
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  g_assert_cmpint (core_test_run_cli (NULL, "--actor=同僚", "scope", "exclude", f->path, id_text,
                                      "--reason", "製造ラインのOT機器で、事務系ネットワークと分離", NULL), ==, 0);

  g_assert_false (scs_scope_set_status (scope, id, SCS_SCOPE_STATUS_EXCLUDED, "事務系と同じ扱い", NULL, TRUE,
                                        &error));
  assert_conflict (&error, NULL);
  /* The page shows the newer state */
  g_assert_cmpstr (scs_scope_item_get_reason (scs_scope_lookup (scope, id)), ==,
                   "製造ラインのOT機器で、事務系ネットワークと分離");

  again = open_as (f->path, NULL);
  stored = scs_scope_get (again, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (scs_scope_item_get_reason (scs_scope_lookup (stored, id)), ==,
                   "製造ラインのOT機器で、事務系ネットワークと分離");
  g_assert_false (scs_scope_item_get_connected (scs_scope_lookup (stored, id)));
  g_clear_object (&again);

  /* Done again, over the state now shown: saved */
  g_assert_true (scs_scope_set_status (scope, id, SCS_SCOPE_STATUS_EXCLUDED, "事務系と同じ扱い", NULL, TRUE,
                                       &error));
  g_assert_no_error (error);
}

/* The window edits a scope item's name over one the CLI renamed since:
 * a conflict, the CLI's name stays, the window shows it. A field only the
 * window changed is then saved with the stored old value in the audit. */
static void
test_scope_field (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsWorkspace) ws = open_as (f->path, NULL);
  g_autoptr(ScsWorkspace) other = NULL;
  g_autoptr(ScsWorkspace) again = NULL;
  g_autofree char *target = NULL;
  ScsScope *scope;
  ScsScope *other_scope;
  gint64 id;

  scope = scs_scope_get (ws, &error);
  g_assert_no_error (error);
  id = core_test_scope_add (scope, SCS_SCOPE_KIND_SERVER, "name", "生産管理サーバー", NULL);
  g_assert_cmpint (id, >, 0);

  /* Another program renames it */
  other = open_as (f->path, "同僚");
  other_scope = scs_scope_get (other, &error);
  g_assert_no_error (error);
  g_assert_true (scs_scope_set_field (other_scope, id, "name", "生産管理サーバー2号機", &error));
  g_assert_no_error (error);
  g_clear_object (&other);

  /* The window, still showing the old name, renames it too */
  g_assert_false (scs_scope_set_field (scope, id, "name", "生産管理サーバー(旧)", &error));
  assert_conflict (&error, "同僚");
  g_assert_cmpstr (scs_scope_item_get_value (scs_scope_lookup (scope, id), SCS_SCOPE_FIELD_NAME), ==,
                   "生産管理サーバー2号機");

  again = open_as (f->path, NULL);
  g_assert_cmpstr (scs_scope_item_get_value (scs_scope_lookup (scs_scope_get (again, NULL), id),
                                             SCS_SCOPE_FIELD_NAME), ==, "生産管理サーバー2号機");
  g_clear_object (&again);
  target = g_strdup_printf ("scope:%" G_GINT64_FORMAT "/name", id);
  assert_audit (f->path, "scope-field", target, "同僚", "生産管理サーバー", "生産管理サーバー2号機");

  /* Another field changed elsewhere; the window's rename, over the name
   * it now shows, keeps it, and the audit's old value is the stored name. */
  other = open_as (f->path, NULL);
  g_assert_true (scs_scope_set_field (scs_scope_get (other, NULL), id, "administrator", "情報システム課", &error));
  g_assert_no_error (error);
  g_clear_object (&other);
  g_assert_true (scs_scope_set_field (scope, id, "name", "生産管理サーバー3号機", &error));
  g_assert_no_error (error);
  again = open_as (f->path, NULL);
  g_assert_cmpstr (scs_scope_item_get_value (scs_scope_lookup (scs_scope_get (again, NULL), id),
                                             SCS_SCOPE_FIELD_ADMINISTRATOR), ==, "情報システム課");
  assert_audit (f->path, "scope-field", target, ANY, "生産管理サーバー2号機", "生産管理サーバー3号機");
}

/* The CLI sets the target level to 4; the window, still showing 3, then
 * sets 3 again (its user chose ★3 in a stale view): a conflict, the CLI's
 * level stays and is shown. Set over what is shown, the audit's old value
 * is the stored level. */
static void
test_target_level (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsWorkspace) ws = open_as (f->path, NULL);
  g_autoptr(ScsWorkspace) other = NULL;
  g_autoptr(ScsWorkspace) again = NULL;
  g_autoptr(GPtrArray) audit = NULL;

  g_assert_cmpuint (scs_workspace_get_target_level (ws), ==, 3);

  other = open_as (f->path, "同僚");
  g_assert_true (scs_workspace_set_target_level (other, 4, &error));
  g_assert_no_error (error);
  g_clear_object (&other);

  /* The window thinks it is 3 already: before, nothing was written and
   * TRUE returned, the file staying at 4 */
  g_assert_false (scs_workspace_set_target_level (ws, 3, &error));
  assert_conflict (&error, NULL);
  g_assert_cmpuint (scs_workspace_get_target_level (ws), ==, 4);

  again = open_as (f->path, NULL);
  g_assert_cmpuint (scs_workspace_get_target_level (again), ==, 4);
  g_clear_object (&again);

  /* Changed back to 3 elsewhere; the window, showing 4, sets 3: already
   * so, nothing to write, the level shown follows */
  other = open_as (f->path, NULL);
  g_assert_true (scs_workspace_set_target_level (other, 3, &error));
  g_clear_object (&other);
  g_assert_true (scs_workspace_set_target_level (ws, 3, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (scs_workspace_get_target_level (ws), ==, 3);

  /* Over what is shown: saved, the audit's old value the stored one */
  g_assert_true (scs_workspace_set_target_level (ws, 4, &error));
  g_assert_no_error (error);
  again = open_as (f->path, NULL);
  g_assert_cmpuint (scs_workspace_get_target_level (again), ==, 4);
  /* the newest row of all */
  audit = list_audit (f->path);
  g_assert_cmpstr (((ScsAuditEntry *) g_ptr_array_index (audit, 0))->action, ==, "target-level");
  assert_audit (f->path, "target-level", "assessment 1", ANY, "3", "4");
}

typedef struct
{
  const char *path;
  gint64      proposal;
  gboolean    rejected;
} RejectElsewhere;

/* Another program rejects the correction while the window is accepting
 * it (here: as soon as the window's answer changes). */
static void
reject_elsewhere (ScsWorkspace    *ws,
                  ScsAnswer       *answer,
                  RejectElsewhere *r)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsWorkspace) other = NULL;
  g_autoptr(ScsProfile) sme = core_test_profile_new ("同僚", SCS_ROLE_SME);
  g_autoptr(ScsReview) review = NULL;

  if (r->proposal == 0)
    return;
  other = open_as (r->path, "同僚");
  review = scs_review_new (other, sme);
  r->rejected = scs_review_reject_proposal (review, r->proposal, "現状のままで良い", &error);
  g_test_message ("the other program's rejection: %s", r->rejected ? "saved" : error->message);
  r->proposal = 0;
}

/* The stored decision of @proposal and whether the audit has a
 * "review-accept" row for it. */
static char *
stored_decision (const char *path,
                 gint64      proposal,
                 char      **note,
                 gboolean   *audited_accept)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsWorkspace) ws = open_as (path, NULL);
  g_autoptr(ScsProfile) sme = core_test_profile_new ("確認", SCS_ROLE_SME);
  g_autoptr(ScsReview) review = NULL;
  g_autoptr(GPtrArray) proposals = NULL;
  g_autoptr(GPtrArray) audit = list_audit (path);
  g_autofree char *target = g_strdup_printf ("%" G_GINT64_FORMAT, proposal);

  review = scs_review_new (ws, sme);
  proposals = scs_review_list_proposals (review, NULL, &error);
  g_assert_no_error (error);
  *audited_accept = find_action (audit, "review-accept", target) != NULL;
  *note = g_strdup (scs_answer_get_note (scs_workspace_lookup_answer (ws, ID)));
  for (guint i = 0; i < proposals->len; i++)
    {
      ScsReviewProposal *p = proposals->pdata[i];

      if (p->id == proposal)
        return g_strdup (p->status);
    }
  g_assert_not_reached ();
}

/* The expert proposes a note on ID in @ws: its number in @proposal, and
 * the window's review (the organisation's "窓") that is to decide it. */
static ScsReview *
propose_note (ScsWorkspace *ws,
              gint64       *proposal)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsProfile) sme = core_test_profile_new ("窓", SCS_ROLE_SME);
  g_autoptr(ScsProfile) expert = core_test_profile_new ("専門家", SCS_ROLE_EXPERT);
  g_autoptr(ScsReview) expert_review = scs_review_new (ws, expert);

  *proposal = scs_review_propose (expert_review, ID, "note", "規程 第2版を参照", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (*proposal, >, 0);
  return scs_review_new (ws, sme);
}

/* The expert proposes a note; the window accepts it while another
 * program rejects it. Whatever the order, what the window reports is what
 * is stored: accepted with the new note, or a conflict with the old note,
 * the other's rejection and no "review-accept" row. Before, the window
 * reported it accepted and audited it while the stored decision was the
 * rejection (and the note the proposed one). */
static void
test_review_accept_race (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsWorkspace) ws = open_as (f->path, NULL);
  g_autoptr(ScsReview) review = NULL;
  g_autofree char *status = NULL;
  g_autofree char *note = NULL;
  RejectElsewhere r = { f->path, 0, FALSE };
  gboolean audited = FALSE;
  gboolean accepted;
  gint64 proposal;

  review = propose_note (ws, &proposal);
  r.proposal = proposal;
  g_signal_connect (ws, "answer-changed", G_CALLBACK (reject_elsewhere), &r);
  accepted = scs_review_accept_proposal (review, proposal, &error);
  g_signal_handlers_disconnect_by_func (ws, reject_elsewhere, &r);

  status = stored_decision (f->path, proposal, &note, &audited);
  if (accepted)
    {
      g_assert_no_error (error);
      g_assert_false (r.rejected);
      g_assert_cmpstr (status, ==, "accepted");
      g_assert_cmpstr (note, ==, "規程 第2版を参照");
      g_assert_true (audited);
    }
  else
    {
      g_assert_error (error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_CONFLICT);
      g_assert_true (r.rejected);
      g_assert_cmpstr (status, ==, "rejected");
      g_assert_cmpstr (note, ==, "");
      g_assert_false (audited);
    }
}

/* Rejected elsewhere before the window (which still lists it open)
 * accepts: a conflict naming the correction, nothing written. */
static void
test_review_accept_decided (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsWorkspace) ws = open_as (f->path, NULL);
  g_autoptr(ScsReview) review = NULL;
  g_autofree char *status = NULL;
  g_autofree char *note = NULL;
  g_autofree char *number = NULL;
  RejectElsewhere r = { f->path, 0, FALSE };
  gboolean audited = FALSE;
  gint64 proposal;

  review = propose_note (ws, &proposal);

  r.proposal = proposal;
  reject_elsewhere (ws, NULL, &r);
  g_assert_true (r.rejected);

  g_assert_false (scs_review_accept_proposal (review, proposal, &error));
  number = g_strdup_printf ("#%" G_GINT64_FORMAT, proposal);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, number));
  assert_conflict (&error, "同僚");
  g_assert_cmpstr (scs_answer_get_note (scs_workspace_lookup_answer (ws, ID)), ==, "");

  status = stored_decision (f->path, proposal, &note, &audited);
  g_assert_cmpstr (status, ==, "rejected");
  g_assert_cmpstr (note, ==, "");
  g_assert_false (audited);
}

/* The note the expert corrected is changed elsewhere before the window
 * accepts the correction: accepting would overwrite that change, so it is
 * a conflict and the other program's note stays. */
static void
test_review_accept_answer_changed (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsWorkspace) ws = open_as (f->path, NULL);
  g_autoptr(ScsWorkspace) other = NULL;
  g_autoptr(ScsReview) review = NULL;
  g_autofree char *status = NULL;
  g_autofree char *note = NULL;
  gboolean audited = FALSE;
  gint64 proposal;

  review = propose_note (ws, &proposal);

  other = open_as (f->path, "同僚");
  g_assert_true (scs_workspace_set_note (other, ID, "同僚の追記", &error));
  g_assert_no_error (error);
  g_clear_object (&other);

  /* The window has not refreshed: it still shows the old note */
  g_assert_false (scs_review_accept_proposal (review, proposal, &error));
  assert_conflict (&error, NULL);
  /* and again, now showing the other's note: still not overwritten */
  g_assert_false (scs_review_accept_proposal (review, proposal, &error));
  assert_conflict (&error, NULL);

  status = stored_decision (f->path, proposal, &note, &audited);
  g_assert_cmpstr (status, ==, "open");
  g_assert_cmpstr (note, ==, "同僚の追記");
  g_assert_false (audited);
}

/* The note of @id as a fresh connection reads it through @path. */
static char *
note_through (const char *path,
              const char *id)
{
  g_autoptr(ScsWorkspace) ws = open_as (path, NULL);

  return g_strdup (scs_answer_get_note (scs_workspace_lookup_answer (ws, id)));
}

/* A second name of the file (a hard link): SQLite keeps the -wal and
 * -shm next to the name, so a program opening the other name would keep
 * a second log of the same file, read the file without the first one's
 * commits and have its own edits overwritten by the first one's next
 * checkpoint (before: scs-cli said saved, and the note was gone once the
 * window closed). A file with more than one name is refused (exit 2),
 * nothing written; what the open workspace saved stays. */
static void
test_file_hard_link (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsWorkspace) ws = open_as (f->path, NULL);
  g_autofree char *other = g_build_filename (f->dir, "link.scsw", NULL);
  g_autofree char *note = NULL;
  g_autofree char *other_note = NULL;
  int status;

  g_assert_true (scs_workspace_set_note (ws, ID, "窓で保存したメモ", &error));
  g_assert_no_error (error);
  g_assert_cmpint (link (f->path, other), ==, 0);

  status = core_test_run_cli (NULL, "answer", other, "1-2-1-2", "met", "--note", "別名から保存したメモ", NULL);
  if (status == 0)
    {
      /* the window goes on and closes: its checkpoint is the last word */
      g_assert_true (scs_workspace_set_note (ws, "1-3-1-1", "窓の二つ目のメモ", &error));
      g_assert_no_error (error);
      g_clear_object (&ws);
      g_assert_cmpint (g_unlink (other), ==, 0);
      other_note = note_through (f->path, "1-2-1-2");
      g_assert_cmpstr (other_note, ==, "別名から保存したメモ");
    }
  g_assert_cmpint (status, ==, 2);

  /* the open workspace saves on; the file is whole with its notes */
  g_assert_true (scs_workspace_set_note (ws, "1-3-1-1", "窓の二つ目のメモ", &error));
  g_assert_no_error (error);
  g_clear_object (&ws);
  g_assert_cmpint (g_unlink (other), ==, 0);
  note = note_through (f->path, ID);
  g_assert_cmpstr (note, ==, "窓で保存したメモ");
  other_note = note_through (f->path, "1-2-1-2");
  g_assert_cmpstr (other_note, ==, "");
}

/* In the child of test_file_overlay: the workspace in @merged, on the
 * lower layer until it is opened for writing (copied up then). */
static void
use_overlay_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsWorkspace) ws = open_as (path, NULL);
  g_autofree char *note = NULL;
  g_autofree char *other_note = NULL;

  g_assert_true (scs_workspace_set_note (ws, ID, "上の層に保存したメモ", &error));
  g_assert_no_error (error);
  g_assert_cmpint (core_test_run_cli (NULL, "answer", path, "1-2-1-2", "met", "--note", "別のプログラムのメモ", NULL),
                   ==, 0);
  /* no false alarm: the copy-up is not a move */
  g_assert_true (scs_workspace_set_note (ws, "1-3-1-1", "その後のメモ", &error));
  g_assert_no_error (error);
  g_clear_object (&ws);
  note = note_through (path, ID);
  other_note = note_through (path, "1-2-1-2");
  g_assert_cmpstr (note, ==, "上の層に保存したメモ");
  g_assert_cmpstr (other_note, ==, "別のプログラムのメモ");
}

/* A workspace on the read-only lower layer of an overlay (a container's
 * image) is copied up when it is first opened for writing: the name then
 * leads to the upper copy. Device and inode stay the origin's, so every
 * save goes on (no SCS_DB_ERROR_MOVED false alarm), with another program
 * writing too. Skipped where mounting is not permitted. */
static void
test_file_overlay (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *why = NULL;
  g_autofree char *lower = g_build_filename (f->dir, "lower", NULL);
  g_autofree char *upper = g_build_filename (f->dir, "upper", NULL);
  g_autofree char *work = g_build_filename (f->dir, "work", NULL);
  g_autofree char *merged = g_build_filename (f->dir, "merged", NULL);
  g_autofree char *in_lower = g_build_filename (lower, "client.scsw", NULL);
  g_autofree char *path = g_build_filename (merged, "client.scsw", NULL);
  int status;
  pid_t pid;

  if (!core_test_can_mount (&why))
    {
      g_test_skip (why);
      return;
    }
  g_assert_cmpint (g_mkdir (lower, 0755), ==, 0);
  g_assert_cmpint (g_mkdir (upper, 0755), ==, 0);
  g_assert_cmpint (g_mkdir (work, 0755), ==, 0);
  g_assert_cmpint (g_mkdir (merged, 0755), ==, 0);
  g_assert_cmpint (g_rename (f->path, in_lower), ==, 0);

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      g_autofree char *child_why = NULL;

      if (!core_test_mount_overlay (lower, upper, work, merged, &child_why))
        {
          /* a kernel without overlayfs: said, not failed */
          g_printerr ("%s\n", child_why);
          _exit (77);
        }
      use_overlay_file (path);
      _exit (0);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  if (WEXITSTATUS (status) == 77)
    {
      g_test_skip ("overlayfs cannot be mounted here");
      return;
    }
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add (name, Fixture, NULL, core_test_fixture_set_up, func, core_test_fixture_tear_down)

  ADD ("/scs/lost-update/organization/merge", test_organization_merge);
  ADD ("/scs/lost-update/organization/conflict", test_organization_conflict);
  ADD ("/scs/lost-update/organization/sqlite", test_organization_sqlite);
  ADD ("/scs/lost-update/file/replaced", test_file_replaced);
  g_test_add ("/scs/lost-update/file/replaced-closed", Fixture, "closed",
              core_test_fixture_set_up, test_file_replaced, core_test_fixture_tear_down);
  ADD ("/scs/lost-update/file/replaced-then-used", test_file_replaced_then_used);
  ADD ("/scs/lost-update/file/deleted", test_file_deleted);
  ADD ("/scs/lost-update/file/hard-link", test_file_hard_link);
  ADD ("/scs/lost-update/file/overlay", test_file_overlay);
  ADD ("/scs/lost-update/scope/status", test_scope_status);
  ADD ("/scs/lost-update/scope/field", test_scope_field);
  ADD ("/scs/lost-update/target-level", test_target_level);
  ADD ("/scs/lost-update/review/accept-race", test_review_accept_race);
  ADD ("/scs/lost-update/review/accept-decided", test_review_accept_decided);
  ADD ("/scs/lost-update/review/accept-answer-changed", test_review_accept_answer_changed);

#undef ADD

  return g_test_run ();
}
