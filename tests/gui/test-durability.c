/* test-durability.c: what the workbench shows as saved survives kill -9 and faults
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * kill-after-saved: a child process (this binary with --child) opens the
 * workspace in a real ScsWindow, types a note into a criterion row's editor
 * and waits until the row says "Saved"; the moment it reports that, the
 * parent kills it with SIGKILL. Then the workspace is opened again in a new
 * window here, and the row must show the note. Several rounds, each with a
 * new note on the same file.
 *
 * disk-full: with RLIMIT_FSIZE at 0 (writes fail as on a full disk, see
 * tests/core/test-faults.c), a typed note must be marked "Not saved yet"
 * within a second of the save attempt and stay in the editor; once the
 * limit is lifted the row retries by itself and the note reaches the file.
 */
#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <adwaita.h>

#include "gui-test-util.h"
#include "scs-checklist-page.h"
#include "scs-criterion-row.h"
#include "scs-i18n.h"
#include "scs-window.h"
#include "scs-workspace.h"

#define CRITERION "1-2-1-1"
#define ROUNDS 4

static const char *self_path;

static ScsWindow *
show_workspace (ScsWorkspace     *workspace,
                ScsCriterionRow **row)
{
  ScsWindow *window = scs_window_new (NULL);
  ScsChecklistPage *page;

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  scs_window_set_workspace (window, workspace);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gui_test_poll_until (gui_test_is_mapped, window, 10));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-category", "u", 1));
  page = SCS_CHECKLIST_PAGE (scs_window_get_checklist (window));
  *row = scs_checklist_page_get_row (page, CRITERION);
  g_assert_nonnull (*row);
  return window;
}

static char *
note_in_editor (ScsCriterionRow *row)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (scs_criterion_row_get_note_view (row));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
type_note (ScsCriterionRow *row,
           const char      *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (scs_criterion_row_get_note_view (row));

  gtk_text_buffer_set_text (buffer, "", -1);
  /* One character at a time, as typing does. */
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      GtkTextIter end;

      gtk_text_buffer_get_end_iter (buffer, &end);
      gtk_text_buffer_insert (buffer, &end, p, g_utf8_next_char (p) - p);
    }
}

static gboolean
row_saved (gpointer row)
{
  return g_strcmp0 (scs_criterion_row_get_note_state (row), "saved") == 0;
}

static gboolean
row_failed (gpointer row)
{
  return g_strcmp0 (scs_criterion_row_get_note_state (row), "failed") == 0;
}

/* The child: type, wait for "Saved", say so, then wait to be killed. */
static int
child_main (const char *path,
            const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsWorkspace) workspace = NULL;
  ScsCriterionRow *row;

  gtk_init ();
  adw_init ();
  workspace = scs_workspace_open (path, &error);
  g_assert_no_error (error);
  show_workspace (workspace, &row);
  type_note (row, text);
  if (!gui_test_poll_until (row_saved, row, 20))
    return 1;
  printf ("saved\n");
  fflush (stdout);
  for (;;)
    g_main_context_iteration (NULL, TRUE);
}

static ScsWorkspace *
create_workspace (char **dir,
                  char **path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsOrganization) org = scs_organization_new ();
  g_autoptr(ScsCatalog) catalog = scs_catalog_new_builtin ();
  ScsWorkspace *workspace;

  org->name = g_strdup ("株式会社耐久試験");
  org->corporate_number = g_strdup ("7000012050002");
  *dir = gui_test_make_tmp_dir ("scs-test-gui-durability-XXXXXX");
  *path = g_build_filename (*dir, "durability.scsw", NULL);
  workspace = scs_workspace_create (*path, org, 3, catalog, &error);
  g_assert_no_error (error);
  return workspace;
}

static void
remove_workspace (const char *dir,
                  const char *path)
{
  const char *suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *p = g_strconcat (path, suffixes[i], NULL);
      g_unlink (p);
    }
  g_rmdir (dir);
}

static void
close_window (ScsWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
test_kill_after_saved (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;

  g_object_unref (create_workspace (&dir, &path));

  for (guint round = 0; round < ROUNDS; round++)
    {
      g_autofree char *text = g_strdup_printf ("第%u回: 規程は総務部が保管し、毎年4月に見直す。", round + 1);
      g_autoptr(GError) error = NULL;
      g_autoptr(ScsWorkspace) workspace = NULL;
      g_autofree char *shown = NULL;
      const char *argv[] = { self_path, "--child", path, text, NULL };
      GPid pid;
      int out_fd, status;
      char line[32] = { 0 };
      FILE *out;
      ScsCriterionRow *row;
      ScsWindow *window;

      g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                               NULL, NULL, &pid, NULL, &out_fd, NULL, &error));
      g_assert_no_error (error);
      out = fdopen (out_fd, "r");
      g_assert_nonnull (fgets (line, sizeof line, out));
      g_assert_cmpstr (line, ==, "saved\n");
      /* The row has shown "Saved": pull the plug. */
      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);
      fclose (out);
      g_spawn_close_pid (pid);

      /* Restart: the text is there, in the file and in the window. */
      workspace = scs_workspace_open (path, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (scs_answer_get_note (scs_workspace_lookup_answer (workspace, CRITERION)), ==, text);
      window = show_workspace (workspace, &row);
      shown = note_in_editor (row);
      g_assert_cmpstr (shown, ==, text);
      close_window (window);
    }

  remove_workspace (dir, path);
}

static void
test_disk_full (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *shown = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsWorkspace) reopened = NULL;
  ScsWorkspace *workspace = create_workspace (&dir, &path);
  const char *text = "ディスクが一杯の間に入力したメモ";
  struct rlimit saved, full;
  ScsCriterionRow *row;
  ScsWindow *window = show_workspace (workspace, &row);
  gint64 typed;

  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  full = saved;
  full.rlim_cur = 0;
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &full), ==, 0);

  type_note (row, text);
  typed = g_get_monotonic_time ();
  g_assert_true (gui_test_poll_until (row_failed, row, 10));
  /* 400 ms of typing pause before the save, then at most a second. */
  g_assert_cmpint (g_get_monotonic_time () - typed, <, 1400 * 1000);
  shown = note_in_editor (row);
  g_assert_cmpstr (shown, ==, text);

  /* The fault clears; nobody touches the row: it saves by itself. */
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  g_assert_true (gui_test_poll_until (row_saved, row, 20));
  reopened = scs_workspace_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (scs_answer_get_note (scs_workspace_lookup_answer (reopened, CRITERION)), ==, text);

  close_window (window);
  g_object_unref (workspace);
  remove_workspace (dir, path);
}

int
main (int    argc,
      char **argv)
{
  self_path = argv[0];
  signal (SIGXFSZ, SIG_IGN);
  scs_i18n_init ("en");

  if (argc == 4 && g_str_equal (argv[1], "--child"))
    return child_main (argv[2], argv[3]);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/scs/gui-durability/kill-after-saved", test_kill_after_saved);
  g_test_add_func ("/scs/gui-durability/disk-full", test_disk_full);

  return g_test_run ();
}
