/* test-lost-update.c: the window never puts back what another program changed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The organisation dialog is open on the workspace while `scs-cli org set`
 * (a real second process) changes the profile and exits 0; then the user
 * saves the form:
 *
 * - a field the CLI changed and the user did not touch keeps the CLI's
 *   value (before: the form wrote every row as it was when it opened);
 * - a field both changed: the dialog stays open and says so, the user's
 *   text stays in its row, the untouched rows show the newer values, and
 *   saving again stores the user's text over the CLI's.
 *
 * The checklist's note while another program holds the file:
 *
 * - a write transaction held (python's sqlite3, BEGIN IMMEDIATE) longer
 *   than the busy timeout while the window saves: the row says "Not saved
 *   yet", the text stays in the editor, and it is saved by itself once the
 *   lock is let go;
 * - the file replaced by another one (mv over it) while the window is
 *   open: the next note is not shown as saved, the text stays, the user is
 *   told why, and the file now under the name is left alone.
 *
 * The scope page: a field renamed by another program since the page read
 * the item, then edited on the page, is not saved; the page says so and
 * shows the other program's value.
 *
 * One file under other names: opened again through a symbolic link, a
 * hard link, "dir/../name", "//" or a relative path, the window that has
 * it is presented, never a second one (whose saves would race the first's;
 * through a hard link it would even keep a second -wal, and a file with a
 * second name is refused at opening: core/lost-update /file/hard-link). A
 * copy is another file and gets its own window.
 */

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <adwaita.h>

#include "checklist-test-util.h"
#include "gui-test-util.h"
#include "../core/core-test-util.h"
#include "scs-application.h"
#include "scs-org-dialog.h"
#include "scs-scope-page.h"
#include "scs-window.h"
#include "scs-workspace.h"

typedef struct
{
  char         *dir;
  char         *path;
  ScsWorkspace *workspace;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(ScsOrganization) org = gui_test_sample_organization ("株式会社テスト製作所");

  org->address = g_strdup ("東京都千代田区1-1-1");
  fixture->dir = gui_test_make_tmp_dir ("scs-test-lost-update-XXXXXX");
  fixture->path = g_build_filename (fixture->dir, "test.scsw", NULL);
  fixture->workspace = gui_test_create_workspace (fixture->path, org, 3);
  g_assert_nonnull (fixture->workspace);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_object (&fixture->workspace);
  gui_test_remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static AdwEntryRow *
row (ScsOrgDialog *dialog,
     const char   *name)
{
  return ADW_ENTRY_ROW (gtk_widget_get_template_child (GTK_WIDGET (dialog), SCS_TYPE_ORG_DIALOG, name));
}

static const char *
row_text (ScsOrgDialog *dialog,
          const char   *name)
{
  return gtk_editable_get_text (GTK_EDITABLE (row (dialog, name)));
}

static void
on_saved (ScsOrgDialog *dialog,
          gboolean     *saved)
{
  *saved = TRUE;
}

/* What a fresh connection reads from the file. */
static ScsOrganization *
stored_organization (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsWorkspace) ws = scs_workspace_open (path, &error);

  g_assert_no_error (error);
  return scs_workspace_dup_organization (ws);
}

static void
test_org_dialog_merge (Fixture       *fixture,
                       gconstpointer  user_data)
{
  ScsOrgDialog *dialog = scs_org_dialog_new (NULL, fixture->workspace);
  g_autoptr(ScsOrganization) org = NULL;
  g_autoptr(GError) error = NULL;
  gboolean saved = FALSE;

  g_object_ref (dialog);   /* it closes itself once saved */
  g_signal_connect (dialog, "saved", G_CALLBACK (on_saved), &saved);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_cmpstr (row_text (dialog, "email_row"), ==, "");

  g_assert_cmpint (core_test_run_cli (NULL, "--actor=同僚", "org", "set", fixture->path,
                                      "--contact-email", "soumu@example.jp", NULL), ==, 0);
  /* The window noticed (its watch, here asked directly) */
  g_assert_true (scs_workspace_refresh (fixture->workspace, &error));
  g_assert_no_error (error);

  gtk_editable_set_text (GTK_EDITABLE (row (dialog, "address_row")), "大阪府大阪市北区2-2-2");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "org.save", NULL));
  g_assert_true (saved);

  org = stored_organization (fixture->path);
  g_assert_cmpstr (org->address, ==, "大阪府大阪市北区2-2-2");
  g_assert_cmpstr (org->contact_email, ==, "soumu@example.jp");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
}

static void
test_org_dialog_conflict (Fixture       *fixture,
                          gconstpointer  user_data)
{
  ScsOrgDialog *dialog = scs_org_dialog_new (NULL, fixture->workspace);
  GtkWidget *message = NULL;
  g_autoptr(ScsOrganization) org = NULL;
  gboolean saved = FALSE;

  g_object_ref (dialog);   /* it closes itself once saved */
  g_signal_connect (dialog, "saved", G_CALLBACK (on_saved), &saved);
  gtk_window_present (GTK_WINDOW (dialog));
  message = gui_test_find_child (GTK_WIDGET (dialog), "message_label");

  g_assert_cmpint (core_test_run_cli (NULL, "--actor=同僚", "org", "set", fixture->path, "--address", "福岡県福岡市1-1",
                                      "--contact-phone", "092-000-0000", NULL), ==, 0);
  /* No refresh: the window has not looked yet */

  gtk_editable_set_text (GTK_EDITABLE (row (dialog, "address_row")), "大阪府大阪市北区2-2-2");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "org.save", NULL);
  g_assert_false (saved);
  g_assert_true (gtk_widget_get_visible (message));
  g_test_message ("%s", gtk_label_get_label (GTK_LABEL (message)));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (message)), "福岡県福岡市1-1"));
  /* What the user typed is kept; the row they left shows the newer value */
  g_assert_cmpstr (row_text (dialog, "address_row"), ==, "大阪府大阪市北区2-2-2");
  g_assert_cmpstr (row_text (dialog, "phone_row"), ==, "092-000-0000");
  org = stored_organization (fixture->path);
  g_assert_cmpstr (org->address, ==, "福岡県福岡市1-1");
  g_clear_pointer (&org, scs_organization_free);

  /* Saved again: the user's address over the CLI's, the CLI's phone kept */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "org.save", NULL));
  g_assert_true (saved);
  org = stored_organization (fixture->path);
  g_assert_cmpstr (org->address, ==, "大阪府大阪市北区2-2-2");
  g_assert_cmpstr (org->contact_phone, ==, "092-000-0000");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
}

#define CRITERION "1-2-1-1"

static char *
stored_note (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsWorkspace) ws = scs_workspace_open (path, &error);

  g_assert_no_error (error);
  return g_strdup (scs_answer_get_note (scs_workspace_lookup_answer (ws, CRITERION)));
}

/* The note @text typed in @row was refused: not shown as saved, still
 * shown as typed, and @window's toast says @says. */
static void
assert_note_refused (ScsWindow       *window,
                     ScsCriterionRow *row,
                     const char      *text,
                     const char      *says)
{
  g_autofree char *shown = NULL;
  const char *toast;

  gui_test_wait_until (checklist_test_note_failed, row, 30);
  shown = checklist_test_note_text (row);
  g_assert_cmpstr (shown, ==, text);
  toast = gui_test_toast_title (window);
  g_test_message ("toast: %s", toast);
  g_assert_nonnull (toast);
  g_assert_nonnull (strstr (toast, says));
}

/* Another program: python's sqlite3 holding BEGIN IMMEDIATE on @path from
 * when it says "locked" until a line is written to *@in_fd. */
static GPid
hold_write_lock (const char *path,
                 int        *in_fd)
{
  const char *script =
    "import sqlite3, sys\n"
    "c = sqlite3.connect (sys.argv[1], isolation_level=None)\n"
    "c.execute ('BEGIN IMMEDIATE')\n"
    "print ('locked', flush=True)\n"
    "sys.stdin.readline ()\n"
    "c.execute ('ROLLBACK')\n";
  const char *argv[] = { "python3", "-c", script, path, NULL };
  g_autoptr(GError) error = NULL;
  char line[16] = { 0 };
  GPid pid;
  int out_fd;
  FILE *out;

  g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL,
                                           G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD,
                                           NULL, NULL, &pid, in_fd, &out_fd, NULL, &error));
  g_assert_no_error (error);
  out = fdopen (out_fd, "r");
  g_assert_nonnull (fgets (line, sizeof line, out));
  g_assert_cmpstr (line, ==, "locked\n");
  fclose (out);
  return pid;
}

static void
test_note_while_locked (Fixture       *fixture,
                        gconstpointer  user_data)
{
  const char *text = "別のプログラムが書き込み中に入力したメモ";
  g_autofree char *stored = NULL;
  ScsCriterionRow *row;
  ScsWindow *window = checklist_test_show_workspace (fixture->workspace, CRITERION, &row);
  int in_fd, status;
  GPid pid = hold_write_lock (fixture->path, &in_fd);

  checklist_test_type_note (row, text);
  /* The busy timeout (5 s) runs out: not saved, and not shown as saved */
  assert_note_refused (window, row, text, "別のプログラム");
  g_assert_null (strstr (gui_test_toast_title (window), "locked"));   /* no SQLite English */

  /* The other program lets go; nobody touches the row */
  g_assert_cmpint (write (in_fd, "\n", 1), ==, 1);
  close (in_fd);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  g_spawn_close_pid (pid);
  gui_test_wait_until (checklist_test_note_saved, row, 30);
  stored = stored_note (fixture->path);
  g_assert_cmpstr (stored, ==, text);

  checklist_test_close_window (window);
}

static void
test_note_file_replaced (Fixture       *fixture,
                         gconstpointer  user_data)
{
  const char *saved_text = "入れ替え前に保存したメモ";
  const char *text = "入れ替え後に入力したメモ";
  g_autofree char *other_path = g_build_filename (fixture->dir, "restored.scsw", NULL);
  g_autoptr(ScsOrganization) org = gui_test_sample_organization ("株式会社バックアップ");
  g_autoptr(ScsWorkspace) other = gui_test_create_workspace (other_path, org, 3);
  const char *mv[] = { "mv", other_path, fixture->path, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;
  ScsCriterionRow *row;
  ScsWindow *window = checklist_test_show_workspace (fixture->workspace, CRITERION, &row);
  int status = -1;

  g_clear_object (&other);
  checklist_test_type_note (row, saved_text);
  gui_test_wait_until (checklist_test_note_saved, row, 30);

  g_assert_true (g_spawn_sync (NULL, (char **) mv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);

  checklist_test_type_note (row, text);
  assert_note_refused (window, row, text, "置き換えられた");

  /* The file under the name is the other one, without either note */
  checklist_test_close_window (window);
  g_clear_object (&fixture->workspace);
  stored = stored_note (fixture->path);
  g_assert_cmpstr (stored, ==, "");
}

/* The scope page's message of the last refused edit, or NULL. */
static const char *
scope_page_error (ScsScopePage *page)
{
  GtkWidget *label = gui_test_find_child (GTK_WIDGET (page), "error_label");

  return gtk_widget_get_visible (label) ? gtk_label_get_text (GTK_LABEL (label)) : NULL;
}

static void
test_scope_field_conflict (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) fields = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(ScsWorkspace) other = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GtkWidget *window = gtk_window_new ();
  ScsScopePage *page = SCS_SCOPE_PAGE (scs_scope_page_new ());
  ScsScope *scope = scs_scope_get (fixture->workspace, &error);
  gint64 id;

  g_assert_no_error (error);
  g_hash_table_insert (fields, "name", "ファイルサーバ");
  id = scs_scope_add_item (scope, SCS_SCOPE_KIND_SERVER, fields, &error);
  g_assert_no_error (error);

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  scs_scope_page_set_workspace (page, fixture->workspace);
  scs_scope_page_show_kind (page, SCS_SCOPE_KIND_SERVER);
  gtk_window_present (GTK_WINDOW (window));
  gui_test_wait_for_widget (GTK_WIDGET (page), 10, GUI_TEST_WAIT_LAID_OUT);

  /* Another program renames the server */
  other = scs_workspace_open (fixture->path, &error);
  g_assert_no_error (error);
  scs_workspace_set_actor (other, "同僚");
  g_assert_true (scs_scope_set_field (scs_scope_get (other, NULL), id, "name", "本社ファイルサーバ", &error));
  g_assert_no_error (error);
  g_clear_object (&other);
  before = gui_test_file_state (fixture->path);

  /* The user renames it on the page, which has not refreshed yet */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "scope.set-field", "(xss)",
                                             id, "name", "ファイルサーバ(旧)"));
  g_assert_nonnull (scope_page_error (page));
  g_assert_nonnull (strstr (scope_page_error (page), "同僚"));
  g_assert_cmpstr (scs_scope_item_get_field (scs_scope_lookup (scope, id), "name"), ==, "本社ファイルサーバ");
  after = gui_test_file_state (fixture->path);
  g_assert_cmpstr (before, ==, after);

  gtk_window_destroy (GTK_WINDOW (window));
}

static guint
n_workspace_windows (GtkApplication *app)
{
  guint n = 0;

  for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
    n += SCS_IS_WINDOW (l->data) && scs_window_get_workspace (l->data) != NULL;
  return n;
}

static void
test_open_same_file (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(ScsApplication) app = scs_application_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *sub = g_build_filename (fixture->dir, "sub", NULL);
  g_autofree char *symlink_path = g_build_filename (fixture->dir, "symlink.scsw", NULL);
  g_autofree char *hardlink_path = g_build_filename (fixture->dir, "hardlink.scsw", NULL);
  g_autofree char *dotdot = g_build_filename (sub, "..", "test.scsw", NULL);
  g_autofree char *slashes = g_strconcat (fixture->dir, "//test.scsw", NULL);
  g_autofree char *copy_path = g_build_filename (fixture->dir, "copy.scsw", NULL);
  g_autofree char *contents = NULL;
  gsize length;
  GFile *spellings[5];

  g_clear_object (&fixture->workspace);
  g_assert_cmpint (g_mkdir (sub, 0755), ==, 0);
  g_assert_cmpint (symlink (fixture->path, symlink_path), ==, 0);
  g_assert_true (g_file_get_contents (fixture->path, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (copy_path, contents, length, NULL));
  spellings[0] = g_file_new_for_path (symlink_path);
  spellings[1] = g_file_new_for_path (hardlink_path);
  spellings[2] = g_file_new_for_path (dotdot);
  spellings[3] = g_file_new_for_path (slashes);
  spellings[4] = g_file_new_for_commandline_arg_and_cwd ("test.scsw", fixture->dir);

  g_application_set_application_id (G_APPLICATION (app), APP_ID ".SameFile");
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GFile) file = g_file_new_for_path (fixture->path);

    g_assert_true (scs_application_open_file (app, file, NULL));
  }
  g_assert_cmpuint (n_workspace_windows (GTK_APPLICATION (app)), ==, 1);
  /* made once it is open: a file with two names is not opened at all */
  g_assert_cmpint (link (fixture->path, hardlink_path), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (spellings); i++)
    {
      g_autofree char *shown = g_file_get_path (spellings[i]);

      g_test_message ("opening %s", shown);
      g_assert_true (scs_application_open_file (app, spellings[i], NULL));
      g_assert_cmpuint (n_workspace_windows (GTK_APPLICATION (app)), ==, 1);
      g_object_unref (spellings[i]);
    }
  /* a copy is another file: a window of its own */
  {
    g_autoptr(GFile) file = g_file_new_for_path (copy_path);

    g_assert_true (scs_application_open_file (app, file, NULL));
  }
  g_assert_cmpuint (n_workspace_windows (GTK_APPLICATION (app)), ==, 2);

  while (gtk_application_get_windows (GTK_APPLICATION (app)) != NULL)
    gtk_window_destroy (gtk_application_get_windows (GTK_APPLICATION (app))->data);
  gui_test_drain ();
}

int
main (int   argc,
      char *argv[])
{
  gui_test_init (&argc, &argv, "ja");

  g_test_add ("/scs/gui/lost-update/open/same-file", Fixture, NULL,
              fixture_set_up, test_open_same_file, fixture_tear_down);
  g_test_add ("/scs/gui/lost-update/org-dialog/merge", Fixture, NULL,
              fixture_set_up, test_org_dialog_merge, fixture_tear_down);
  g_test_add ("/scs/gui/lost-update/org-dialog/conflict", Fixture, NULL,
              fixture_set_up, test_org_dialog_conflict, fixture_tear_down);

  g_test_add ("/scs/gui/lost-update/scope/field", Fixture, NULL,
              fixture_set_up, test_scope_field_conflict, fixture_tear_down);
  g_test_add ("/scs/gui/lost-update/note/locked", Fixture, NULL,
              fixture_set_up, test_note_while_locked, fixture_tear_down);
  g_test_add ("/scs/gui/lost-update/note/file-replaced", Fixture, NULL,
              fixture_set_up, test_note_file_replaced, fixture_tear_down);

  return g_test_run ();
}
