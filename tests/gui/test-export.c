/* test-export.c: the export dialog and the verify view, driven through their actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The export dialog writes a real package on its worker thread (checked
 * with the verifier afterwards), a cancelled export leaves nothing behind,
 * and the verify view shows a row per check, or the refusal of a file that
 * is no package. Each is rendered to a PNG in $G_TEST_BUILDDIR. Printing
 * follows the report's language, not the window's.
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <adwaita.h>

#include "gui-test-util.h"
#include "scs-export-dialog.h"
#include "scs-i18n.h"
#include "scs-package.h"
#include "scs-screenshot.h"
#include "scs-ui-resources.h"
#include "scs-verify-view.h"
#include "scs-verify.h"
#include "scs-workspace.h"

typedef struct
{
  char         *dir;
  ScsWorkspace *workspace;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsOrganization) org = scs_organization_new ();
  g_autofree char *path = NULL;
  g_autofree char *evidence = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *hash = NULL;

  fixture->dir = gui_test_make_tmp_dir ("scs-gui-export-XXXXXX");
  path = g_build_filename (fixture->dir, "test.scsw", NULL);
  org->name = g_strdup ("株式会社テスト製作所");
  org->corporate_number = g_strdup ("7000012050002");
  fixture->workspace = gui_test_create_workspace (path, org, 3);
  scs_workspace_set_answer (fixture->workspace, "1-2-1-1", SCS_ANSWER_MET, "規程で定義", NULL, &error);
  g_assert_no_error (error);
  evidence = g_build_filename (fixture->dir, "規程.txt", NULL);
  g_file_set_contents (evidence, "policy", -1, &error);
  g_assert_no_error (error);
  file = g_file_new_for_path (evidence);
  hash = scs_workspace_add_evidence (fixture->workspace, "1-2-1-1", file, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_object (&fixture->workspace);
  gui_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

typedef struct
{
  gboolean done;
  gboolean success;
} Outcome;

static void
on_finished (ScsExportDialog *dialog,
             gboolean         success,
             Outcome         *outcome)
{
  outcome->done = TRUE;
  outcome->success = success;
}

/* The draft switch: on, and whether the user can turn it off. */
static gboolean
draft_fixed_on (ScsExportDialog *dialog)
{
  GtkWidget *draft = gui_test_get_child (dialog, "draft_switch");

  return gtk_switch_get_active (GTK_SWITCH (draft)) && !gtk_widget_get_sensitive (draft);
}

/* The path shown, where the package goes. */
static const char *
shown_path (ScsExportDialog *dialog)
{
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (gui_test_get_child (dialog, "file_row")));
}

static const char *
status_text (ScsExportDialog *dialog)
{
  return gtk_label_get_text (GTK_LABEL (gui_test_get_child (dialog, "status_label")));
}

static void
test_export (Fixture       *fixture,
             gconstpointer  user_data)
{
  ScsExportDialog *dialog = scs_export_dialog_new (NULL, fixture->workspace);
  g_autofree char *out = g_build_filename (fixture->dir, "out.scsp", NULL);
  g_autoptr(ScsVerifyResult) result = NULL;
  g_autoptr(GError) error = NULL;
  Outcome outcome = { 0 };

  /* unsigned: only a draft is possible, and the default path says so */
  g_assert_true (draft_fixed_on (dialog));
  g_assert_true (g_str_has_suffix (shown_path (dialog), "test-draft.scsp"));

  /* the file chooser's answer, as it comes through export.set-target: a
   * name typed without ".scsp" gets it */
  {
    g_autofree char *typed = g_build_filename (fixture->dir, "out", NULL);

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.set-target", "s", typed));
    g_assert_cmpstr (shown_path (dialog), ==, out);
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.set-target", "s", out));
  g_assert_cmpstr (shown_path (dialog), ==, out);
  g_signal_connect (dialog, "finished", G_CALLBACK (on_finished), &outcome);
  gtk_window_present (GTK_WINDOW (dialog));
  gui_test_save_png (GTK_WIDGET (dialog), "widget-", "export-dialog", ".png", GUI_TEST_WAIT_FRAMES);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.start", NULL));
  g_assert_true (gtk_widget_get_visible (gui_test_get_child (dialog, "progress")));
  gui_test_wait_for_flag (&outcome.done, 30);
  g_assert_true (outcome.success);
  g_assert_false (gtk_widget_get_visible (gui_test_get_child (dialog, "progress")));
  g_assert_nonnull (strstr (status_text (dialog), out));
  gui_test_save_png (GTK_WIDGET (dialog), "widget-", "export-dialog-done", ".png", GUI_TEST_WAIT_FRAMES);

  result = scs_verify_package_file (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (result->draft);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_export_cancel (Fixture       *fixture,
                    gconstpointer  user_data)
{
  ScsExportDialog *dialog = scs_export_dialog_new (NULL, fixture->workspace);
  g_autofree char *out = g_build_filename (fixture->dir, "cancelled.scsp", NULL);
  Outcome outcome = { 0 };
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.set-target", "s", out));
  g_signal_connect (dialog, "finished", G_CALLBACK (on_finished), &outcome);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.start", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.cancel", NULL));
  gui_test_wait_for_flag (&outcome.done, 30);
  g_assert_false (outcome.success);
  /* The status is shown in the UI language (Japanese here). */
  g_assert_cmpstr (status_text (dialog), ==, _("Export cancelled: nothing was written."));
  g_assert_true (scs_i18n_is_japanese ());
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  /* and no temporary file either */
  dir = g_dir_open (fixture->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_false (g_str_has_prefix (name, ".cancelled.scsp"));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* The titles of the "still missing" rows, in order. */
static GStrv
missing_titles (ScsExportDialog *dialog)
{
  GtkWidget *group = gui_test_get_child (dialog, "missing_group");
  g_autoptr(GStrvBuilder) titles = g_strv_builder_new ();
  GtkWidget *row = gui_test_find_by_type (group, ADW_TYPE_ACTION_ROW);

  for (; row != NULL; row = gtk_widget_get_next_sibling (row))
    g_strv_builder_add (titles, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  return g_strv_builder_end (titles);
}

/* Issue 16: the report language is chosen in the dialog, Japanese by
 * default even in an English UI, and recorded in the package; the dialog
 * lists what the final package still lacks before anything starts. */
static void
test_export_language (Fixture       *fixture,
                      gconstpointer  user_data)
{
  gboolean was_japanese = scs_i18n_switch ("en");  /* an English UI */
  ScsExportDialog *dialog = scs_export_dialog_new (NULL, fixture->workspace);
  g_autofree char *out = g_build_filename (fixture->dir, "lang.scsp", NULL);
  g_auto(GStrv) missing = missing_titles (dialog);
  g_autoptr(ScsVerifyResult) result = NULL;
  g_autoptr(GError) error = NULL;
  Outcome outcome = { 0 };

  g_assert_cmpuint (g_strv_length (missing), ==, 3);
  g_assert_nonnull (strstr (missing[0], "80 criteria are not yet met"));
  g_assert_cmpstr (missing[1], ==, "The security expert has not signed the assessment");
  g_assert_cmpstr (missing[2], ==, "Management has not signed the self-declaration");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (gui_test_get_child (dialog, "language_row"))), ==, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.set-target", "s", out));
  g_signal_connect (dialog, "finished", G_CALLBACK (on_finished), &outcome);
  gtk_window_present (GTK_WINDOW (dialog));
  gui_test_save_png (GTK_WIDGET (dialog), "widget-", "export-dialog-missing", ".png", GUI_TEST_WAIT_FRAMES);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.start", NULL));
  gui_test_wait_for_flag (&outcome.done, 30);
  g_assert_true (outcome.success);
  /* the UI stays English */
  g_assert_false (scs_i18n_is_japanese ());
  result = scs_verify_package_file (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (result->language, ==, "ja");
  g_clear_pointer (&result, scs_verify_result_free);

  /* English when asked for */
  adw_combo_row_set_selected (ADW_COMBO_ROW (gui_test_get_child (dialog, "language_row")), 1);
  outcome.done = FALSE;
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.start", NULL));
  gui_test_wait_for_flag (&outcome.done, 30);
  g_assert_true (outcome.success);
  result = scs_verify_package_file (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (result->language, ==, "en");
  gtk_window_destroy (GTK_WINDOW (dialog));
  scs_i18n_restore (was_japanese);
}

/* The text of the PDF at @path, by pdftotext (poppler-utils). */
static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", path, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* Printed through the dialog's export.print action with a path: GTK's own
 * PDF export of the print operation, the pages in the report's language as
 * chosen in the dialog, not the window's. */
static char *
print_to_text (Fixture    *fixture,
               gboolean    english,
               const char *name)
{
  g_autofree char *out = g_build_filename (fixture->dir, name, NULL);
  ScsExportDialog *dialog = scs_export_dialog_new (NULL, fixture->workspace);

  if (english)
    adw_combo_row_set_selected (ADW_COMBO_ROW (gui_test_get_child (dialog, "language_row")), 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.print", "s", out));
  g_assert_cmpstr (status_text (dialog), ==, "");
  gtk_window_destroy (GTK_WINDOW (dialog));
  return pdf_text (out);
}

static void
test_print_language (Fixture       *fixture,
                     gconstpointer  user_data)
{
  gboolean was_japanese = scs_i18n_switch ("en");  /* an English UI */
  g_autofree char *by_default = NULL;
  g_autofree char *english = NULL;

  /* nothing chosen, nothing declared: Japanese, the default of every report */
  by_default = print_to_text (fixture, FALSE, "default.pdf");
  g_assert_nonnull (strstr (by_default, "サプライチェーンセキュリティ自己評価報告書"));
  g_assert_nonnull (strstr (by_default, "株式会社テスト製作所"));
  g_assert_null (strstr (by_default, "self-assessment report"));
  /* the export dialog's choice */
  english = print_to_text (fixture, TRUE, "english.pdf");
  g_assert_nonnull (strstr (english, "Supply-chain security self-assessment report"));
  g_assert_null (strstr (english, "自己評価報告書"));
  /* the window stays English */
  g_assert_false (scs_i18n_is_japanese ());
  scs_i18n_restore (was_japanese);
}

static void
on_done (ScsVerifyView *view,
         gboolean      *done)
{
  *done = TRUE;
}

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

/* The view shows the verdict and one row per check of the verifier the
 * CLI runs, failures first; a refused package shows why. */
static void
test_verify_view (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autofree char *out = g_build_filename (fixture->dir, "pkg.scsp", NULL);
  g_autofree char *junk = g_build_filename (fixture->dir, "junk.scsp", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (out);
  g_autoptr(GFile) junk_file = g_file_new_for_path (junk);
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsVerifyResult) result = NULL;
  ScsVerifyView *view;
  AdwStatusPage *status;
  GtkListBox *list;
  gboolean done = FALSE;

  scs_package_export (fixture->workspace, out, SCS_PACKAGE_FLAGS_DRAFT, "ja", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  result = scs_verify_package_file (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (result->draft);

  view = scs_verify_view_new (NULL, file);
  g_signal_connect (view, "done", G_CALLBACK (on_done), &done);
  gtk_window_present (GTK_WINDOW (view));
  gui_test_wait_for_flag (&done, 30);
  status = ADW_STATUS_PAGE (gui_test_find_child (GTK_WIDGET (view), "status_page"));
  g_assert_cmpstr (adw_status_page_get_title (status), ==, _("Draft Package"));
  list = GTK_LIST_BOX (gui_test_find_child (GTK_WIDGET (view), "list"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (list)));
  g_assert_cmpuint (result->checks->len, >, 0);
  g_assert_cmpuint (count_rows (list), ==, result->checks->len);
  for (guint i = 0; i < result->checks->len; i++)
    {
      ScsVerifyCheck *check = result->checks->pdata[i];
      gboolean shown = FALSE;

      for (guint r = 0; r < result->checks->len && !shown; r++)
        shown = g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_list_box_get_row_at_index (list, (int) r))),
                           check->message) == 0;
      g_assert_true (shown);
    }
  gui_test_save_png (GTK_WIDGET (view), "widget-", "verify-view", ".png", GUI_TEST_WAIT_FRAMES);
  gtk_window_destroy (GTK_WINDOW (view));

  g_file_set_contents (junk, "not a package", -1, &error);
  g_assert_no_error (error);
  g_assert_null (scs_verify_package_file (junk, NULL, NULL, &error));
  g_assert_error (error, SCS_VERIFY_ERROR, SCS_VERIFY_ERROR_UNREADABLE);
  done = FALSE;
  view = scs_verify_view_new (NULL, junk_file);
  g_signal_connect (view, "done", G_CALLBACK (on_done), &done);
  gtk_window_present (GTK_WINDOW (view));
  gui_test_wait_for_flag (&done, 30);
  status = ADW_STATUS_PAGE (gui_test_find_child (GTK_WIDGET (view), "status_page"));
  g_assert_cmpstr (adw_status_page_get_title (status), ==, _("Package Refused"));
  g_assert_cmpstr (adw_status_page_get_description (status), ==, error->message);
  g_assert_false (gtk_widget_get_visible (gui_test_find_child (GTK_WIDGET (view), "list")));
  gui_test_save_png (GTK_WIDGET (view), "widget-", "verify-view-refused", ".png", GUI_TEST_WAIT_FRAMES);
  gtk_window_destroy (GTK_WINDOW (view));
}

int
main (int   argc,
      char *argv[])
{
  gui_test_init (&argc, &argv, "ja");

  g_test_add ("/scs/gui/export/export", Fixture, NULL, fixture_set_up, test_export, fixture_tear_down);
  g_test_add ("/scs/gui/export/cancel", Fixture, NULL, fixture_set_up, test_export_cancel, fixture_tear_down);
  g_test_add ("/scs/gui/export/language", Fixture, NULL, fixture_set_up, test_export_language, fixture_tear_down);
  g_test_add ("/scs/gui/export/print-language", Fixture, NULL, fixture_set_up, test_print_language, fixture_tear_down);
  g_test_add ("/scs/gui/export/verify-view", Fixture, NULL, fixture_set_up, test_verify_view, fixture_tear_down);

  return g_test_run ();
}
