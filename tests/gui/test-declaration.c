/* test-declaration.c: the pages of the self-declaration types
 *
 * A JC-STAR ★1 workspace opens in the window on its own page (the SCS
 * categories hidden): the product saved from the form reaches the file
 * with its three model numbers, an item answered in its drop-down is
 * stored, a not-applicable answer waits for its reason and is then stored
 * with it, the equivalence rows speak of PSTI and CLS, and a firmware
 * update from the page reopens the answered item and lists its notice. A
 * SECURITY ACTION workspace's page stores a self-check answer chosen in its
 * row, the score follows live, a "don't know" answer is flagged, and a
 * pledge ticked is stored. Evidence: added to a JC-STAR item from its own
 * list, removed and brought back by undo; SECURITY ACTION questions and
 * pledge items have their lists too. The IPA checklist import through the
 * column-mapping dialog. PNGs of both pages are written to look at.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>
#include <adwaita.h>

#include "gui-test-util.h"
#include "scs-evidence-list.h"
#include "scs-i18n.h"
#include "scs-jc-import-dialog.h"
#include "scs-jcstar.h"
#include "scs-security-action.h"
#include "scs-window.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = gui_test_make_tmp_dir ("scs-gui-declaration-XXXXXX");
  fixture->path = g_build_filename (fixture->dir, "test.scsw", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gui_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static ScsWorkspace *
create (const char       *path,
        ScsWorkspaceType  type)
{
  g_autoptr(ScsOrganization) org = scs_organization_new ();
  g_autoptr(ScsCatalog) catalog = scs_catalog_new_builtin ();
  g_autoptr(GError) error = NULL;
  ScsWorkspace *workspace;

  org->name = g_strdup ("株式会社テスト電機");
  org->sole_proprietor = TRUE;
  workspace = scs_workspace_create_typed (path, type, org, 3, catalog, &error);
  g_assert_no_error (error);
  scs_workspace_set_actor (workspace, "tester");
  return workspace;
}

static GtkWidget *
find (GtkWidget  *root,
      const char *name)
{
  GtkWidget *widget = gui_test_find_by_name (root, name);

  if (widget == NULL)
    g_error ("no widget named %s", name);
  return widget;
}

static void
set_text (GtkWidget  *root,
          const char *name,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (find (root, name)), text);
}

static gboolean
adds_finished (gpointer data)
{
  return !gtk_widget_get_visible (gui_test_find_child (data, "busy_box"));
}

static gboolean
dialog_closed (gpointer data)
{
  return gui_test_find_toplevel (SCS_TYPE_JC_IMPORT_DIALOG) == NULL;
}

static guint
count_evidence (ScsWorkspace *workspace,
                const char   *key)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) files = scs_workspace_list_evidence (workspace, key, &error);

  g_assert_no_error (error);
  return files->len;
}

static void
test_jcstar (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(ScsWorkspace) workspace = create (fixture->path, SCS_WORKSPACE_TYPE_JCSTAR1);
  g_autoptr(ScsJcProduct) product = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;
  ScsWindow *window = scs_window_new (NULL);
  GtkWidget *root = GTK_WIDGET (window);
  GtkWidget *dropdown;
  const char *subtitle;

  scs_window_set_workspace (window, workspace);
  gui_test_present_window (GTK_WINDOW (window), 1100, 800);
  g_assert_cmpstr (gui_test_window_page (window), ==, "declaration");
  /* the product's items, then their review: no SCS categories or scope */
  {
    g_autofree char *rows = gui_test_sidebar_rows (window);

    g_assert_cmpstr (rows, ==, "declaration-row review-row ");
  }
  gui_test_wait_for_widget (find (root, "declaration-page"), 10, GUI_TEST_WAIT_LAID_OUT);
  /* No SCS target level or dashboard for a product declaration: the header
   * names the type, and the dashboard's shortcut opens the declaration. */
  g_assert_cmpstr (adw_window_title_get_subtitle (ADW_WINDOW_TITLE (gui_test_find_child (root, "window_title"))),
                   ==, scs_workspace_type_get_label (SCS_WORKSPACE_TYPE_JCSTAR1));
  gtk_widget_activate_action (root, "win.show-dashboard", NULL);
  g_assert_cmpstr (gui_test_window_page (window), ==, "declaration");

  set_text (root, "field-name", "ネットワークカメラ NC");
  set_text (root, "field-models", "NC-100、NC-100W, NC-200");
  set_text (root, "field-versions", "2.4.1");
  set_text (root, "field-issued", "2026-04-01");
  set_text (root, "field-expires", "2028-03-31");
  g_signal_emit_by_name (find (root, "save-product"), "clicked");
  g_assert_false (gtk_widget_get_visible (find (root, "declaration-error")));
  product = scs_jcstar_get_product (workspace, &error);
  g_assert_no_error (error);
  g_assert_nonnull (product);
  g_assert_cmpuint (g_strv_length (product->model_numbers), ==, 3);
  g_assert_cmpstr (product->model_numbers[2], ==, "NC-200");

  /* A conforming item, stored at once. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find (root, "S1.1-12#1")), SCS_JC_ANSWER_CONFORMS);
  g_assert_cmpint (scs_jcstar_get_answer (workspace, "S1.1-12", 1, NULL, &error), ==, SCS_JC_ANSWER_CONFORMS);

  /* Not applicable waits for its reason, then is stored with it. */
  dropdown = find (root, "S1.1-08#1");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), SCS_JC_ANSWER_NOT_APPLICABLE);
  g_assert_cmpint (scs_jcstar_get_answer (workspace, "S1.1-08", 1, NULL, &error), ==, SCS_JC_ANSWER_NONE);
  g_assert_true (gtk_widget_get_visible (find (root, "S1.1-08#1-reason")));
  set_text (root, "S1.1-08#1-reason", "ネットワーク経由の更新機能なし");
  g_signal_emit_by_name (find (root, "S1.1-08#1-reason"), "activate");
  g_assert_cmpint (scs_jcstar_get_answer (workspace, "S1.1-08", 1, &reason, &error), ==,
                   SCS_JC_ANSWER_NOT_APPLICABLE);
  g_assert_cmpstr (reason, ==, "ネットワーク経由の更新機能なし");

  subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (find (root, "equivalence-cls")));
  g_assert_nonnull (strstr (subtitle, "5.3-7"));
  subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (find (root, "equivalence-from-psti")));
  g_assert_nonnull (strstr (subtitle, "S1.1-02, S1.1-05, S1.1-16"));

  /* Evidence on an item: added from the item's own list, removed, and
   * brought back by undo (win.undo, the toast's button). */
  {
    g_autofree char *file = g_build_filename (fixture->dir, "tls-settings.txt", NULL);
    g_autoptr(GPtrArray) files = NULL;
    GtkWidget *expander = find (root, "evidence-S1.1-12#1");
    GtkWidget *list;
    g_autofree char *sha256 = NULL;

    g_assert_true (g_file_set_contents (file, "TLS 1.3 のみ有効\n", -1, &error));
    g_assert_null (gui_test_find_by_name (root, "evidence-list-S1.1-12#1"));
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);
    list = find (root, "evidence-list-S1.1-12#1");
    g_assert_true (gtk_widget_activate_action (list, "evidence.add-file", "s", file));
    gui_test_wait_until (adds_finished, list, 30);
    g_assert_cmpuint (count_evidence (workspace, "S1.1-12#1"), ==, 1);
    g_assert_cmpuint (count_evidence (workspace, "S1.1-11#1"), ==, 0);
    g_assert_cmpuint (gui_test_n_rows (list, "list_box"), ==, 1);
    g_assert_nonnull (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (expander)), "1"));
    gui_test_save_png (find (root, "declaration-page"), "declaration-", "jcstar", ".png", GUI_TEST_WAIT_LAID_OUT);
    gui_test_save_png (gtk_widget_get_ancestor (expander, ADW_TYPE_PREFERENCES_GROUP), "declaration-",
                       "jcstar-evidence", ".png", GUI_TEST_WAIT_LAID_OUT);

    files = scs_workspace_list_evidence (workspace, "S1.1-12#1", &error);
    sha256 = g_strdup (((ScsEvidence *) files->pdata[0])->sha256);
    g_assert_true (gtk_widget_activate_action (list, "evidence.remove", "s", sha256));
    g_assert_cmpuint (count_evidence (workspace, NULL), ==, 0);
    g_assert_cmpuint (gui_test_n_rows (list, "list_box"), ==, 0);
    g_assert_true (gtk_widget_activate_action (root, "win.undo", NULL));
    g_assert_cmpuint (count_evidence (workspace, "S1.1-12#1"), ==, 1);
    g_assert_cmpuint (gui_test_n_rows (list, "list_box"), ==, 1);
    g_assert_nonnull (strstr (gui_test_toast_title (window), "S1.1-12#1"));
  }

  /* A firmware update reopens S1.1-12 (answered above). */
  set_text (root, "field-event-detail", "3.0.0");
  set_text (root, "field-event-date", "2026-12-01");
  g_signal_emit_by_name (find (root, "record-firmware"), "clicked");
  g_assert_false (gtk_widget_get_visible (find (root, "declaration-error")));
  g_assert_cmpint (scs_jcstar_get_answer (workspace, "S1.1-12", 1, NULL, &error), ==, SCS_JC_ANSWER_NONE);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (find (root, "S1.1-12#1"))), ==, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find (root, "field-versions"))), ==, "3.0.0");

  /* The event is listed with its draft notice, which is edited and saved;
   * a second event adds its row and leaves the first one's typing alone. */
  {
    GtkListBox *events = GTK_LIST_BOX (find (root, "events"));
    g_autoptr(GPtrArray) stored = NULL;
    GtkTextBuffer *notice;
    GtkWidget *first;

    first = GTK_WIDGET (gtk_list_box_get_row_at_index (events, 0));
    g_assert_nonnull (first);
    g_assert_null (gtk_list_box_get_row_at_index (events, 1));
    g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (gui_test_get_child (first, "heading"))),
                              "3.0.0"));
    notice = gtk_text_view_get_buffer (GTK_TEXT_VIEW (gui_test_get_child (first, "notice")));
    gtk_text_buffer_set_text (notice, "ファームウェア 3.0.0 の変更届", -1);
    g_signal_emit_by_name (find (root, "save-notices"), "clicked");
    g_assert_false (gtk_widget_get_visible (find (root, "declaration-error")));
    stored = scs_jcstar_list_events (workspace, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (stored->len, ==, 1);
    g_assert_cmpstr (((ScsJcEvent *) stored->pdata[0])->notice, ==, "ファームウェア 3.0.0 の変更届");

    gtk_text_buffer_set_text (notice, "まだ保存していない文", -1);
    set_text (root, "field-event-detail", "3.0.1");
    g_signal_emit_by_name (find (root, "record-firmware"), "clicked");
    g_assert_false (gtk_widget_get_visible (find (root, "declaration-error")));
    g_assert_true (GTK_WIDGET (gtk_list_box_get_row_at_index (events, 0)) == first);
    g_assert_nonnull (gtk_list_box_get_row_at_index (events, 1));
    {
      g_autofree char *typed = NULL;
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (notice, &start, &end);
      typed = gtk_text_buffer_get_text (notice, &start, &end, FALSE);
      g_assert_cmpstr (typed, ==, "まだ保存していない文");
    }
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The row of column @column (0-based) of the JC-STAR import dialog */
static AdwComboRow *
column_row (ScsJcImportDialog *dialog,
            guint              column)
{
  g_autofree char *name = g_strdup_printf ("map-%c", 'A' + column);

  return ADW_COMBO_ROW (find (GTK_WIDGET (dialog), name));
}

/* Asserts the text of a cell of the preview: row 0 is the first data row,
 * the columns are the fields in the dialog's order */
static void
assert_preview_cell (ScsJcImportDialog *dialog,
                     guint              row,
                     guint              field,
                     const char        *expected)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (find (GTK_WIDGET (dialog), "preview"));
  g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (gtk_column_view_get_model (view)), row);
  g_auto(GStrv) cells = NULL;

  g_assert_nonnull (item);
  g_object_get (item, "cells", &cells, NULL);
  g_assert_cmpuint (field, <, g_strv_length (cells));
  g_assert_cmpstr (cells[field], ==, expected);
}

/* The refusal the dialog shows, or NULL */
static const char *
import_error (ScsJcImportDialog *dialog)
{
  GtkWidget *label = find (GTK_WIDGET (dialog), "import-error");

  return gtk_widget_get_visible (label) ? gtk_label_get_text (GTK_LABEL (label)) : NULL;
}

/* The user's copy of IPA's checklist whose headers say nothing the import
 * knows: the page opens the mapping dialog (each column with its values, a
 * preview); a wrong mapping is refused naming the sheet, row and column,
 * with nothing written; mapped right, the items land in the workspace and
 * on the page. */
static void
test_jcstar_import (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(ScsWorkspace) workspace = create (fixture->path, SCS_WORKSPACE_TYPE_JCSTAR1);
  g_autofree char *csv = g_build_filename (fixture->dir, "ipa-checklist.csv", NULL);
  g_autofree char *official = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  ScsWindow *window = scs_window_new (NULL);
  GtkWidget *root = GTK_WIDGET (window);
  ScsJcImportDialog *dialog;
  GtkWidget *confirm;
  const char *refusal;

  g_assert_true (g_file_set_contents (csv,
                                      "番号,枝番,文言,結果,メモ\n"
                                      "S1.1-01,1,公式文言（認証）,適合,\n"
                                      "S1.1-08,1,公式文言（更新の検証）,該当なし,USBのみで更新\n"
                                      "S1.1-10,2,公式文言（型番の表示）,○,\n", -1, &error));
  scs_window_set_workspace (window, workspace);
  gui_test_present_window (GTK_WINDOW (window), 1100, 800);
  gui_test_wait_for_widget (find (root, "declaration-page"), 10, GUI_TEST_WAIT_LAID_OUT);

  g_assert_null (gui_test_find_toplevel (SCS_TYPE_JC_IMPORT_DIALOG));
  g_assert_true (gtk_widget_activate_action (find (root, "declaration-page"), "jc.import-file", "s", csv));
  dialog = SCS_JC_IMPORT_DIALOG (gui_test_find_toplevel (SCS_TYPE_JC_IMPORT_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  gui_test_wait_for_widget (GTK_WIDGET (dialog), 10, GUI_TEST_WAIT_LAID_OUT);
  confirm = find (GTK_WIDGET (dialog), "import-confirm");
  g_assert_false (gtk_widget_get_sensitive (confirm));
  g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (find (GTK_WIDGET (dialog), "map-B"))),
                            "枝番"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (find (GTK_WIDGET (dialog), "map-A"))),
                            "S1.1-08"));
  /* A CSV file is named for what it is, not as a sheet called "CSV" */
  {
    const char *description =
      adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (find (GTK_WIDGET (dialog), "columns-group")));

    g_assert_nonnull (strstr (description, "‘ipa-checklist.csv’"));
    g_assert_null (strstr (description, "CSV"));
    g_assert_null (strstr (description, "シート"));
  }

  /* Swapped by mistake: B as the requirement, A as the item number. */
  adw_combo_row_set_selected (column_row (dialog, 1), 1);
  adw_combo_row_set_selected (column_row (dialog, 0), 2);
  adw_combo_row_set_selected (column_row (dialog, 2), 3);
  g_assert_true (gtk_widget_get_sensitive (confirm));
  assert_preview_cell (dialog, 0, 0, "1");
  before = gui_test_file_state (fixture->path);
  g_signal_emit_by_name (confirm, "clicked");
  refusal = import_error (dialog);
  g_assert_nonnull (refusal);
  g_test_message ("%s", refusal);
  g_assert_nonnull (strstr (refusal, "ipa-checklist.csv"));
  g_assert_nonnull (strstr (refusal, "2 行目"));
  g_assert_nonnull (strstr (refusal, "B 列"));
  g_assert_null (strstr (refusal, "シート"));
  after = gui_test_file_state (fixture->path);
  g_assert_cmpstr (before, ==, after);
  g_assert_nonnull (gui_test_find_toplevel (SCS_TYPE_JC_IMPORT_DIALOG));

  /* Mapped right: A the requirement (B loses it), B the item, D the
   * answer, E the reason; the preview follows. */
  adw_combo_row_set_selected (column_row (dialog, 0), 1);
  g_assert_cmpuint (adw_combo_row_get_selected (column_row (dialog, 1)), ==, 0);
  adw_combo_row_set_selected (column_row (dialog, 1), 2);
  adw_combo_row_set_selected (column_row (dialog, 3), 4);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.map", "(us)", 4, "reason"));
  g_assert_cmpuint (adw_combo_row_get_selected (column_row (dialog, 4)), ==, 5);
  g_assert_null (import_error (dialog));
  assert_preview_cell (dialog, 0, 0, "S1.1-01");
  assert_preview_cell (dialog, 1, 4, "USBのみで更新");
  gui_test_save_png (GTK_WIDGET (dialog), "declaration-", "jcstar-import", ".png", GUI_TEST_WAIT_LAID_OUT);
  g_signal_emit_by_name (confirm, "clicked");
  gui_test_wait_until (dialog_closed, NULL, 10);

  g_assert_cmpint (scs_jcstar_get_answer (workspace, "S1.1-01", 1, NULL, &error), ==, SCS_JC_ANSWER_CONFORMS);
  g_assert_cmpint (scs_jcstar_get_answer (workspace, "S1.1-08", 1, &reason, &error), ==,
                   SCS_JC_ANSWER_NOT_APPLICABLE);
  g_assert_cmpstr (reason, ==, "USBのみで更新");
  official = scs_jcstar_get_official_text (workspace, "S1.1-10", 2);
  g_assert_cmpstr (official, ==, "公式文言（型番の表示）");
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (find (root, "S1.1-08#1"))), ==,
                    SCS_JC_ANSWER_NOT_APPLICABLE);
  g_assert_false (gtk_widget_get_visible (find (root, "declaration-error")));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_security_action (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(ScsWorkspace) workspace = create (fixture->path, SCS_WORKSPACE_TYPE_SECURITY_ACTION);
  g_autoptr(GError) error = NULL;
  ScsWindow *window = scs_window_new (NULL);
  GtkWidget *root = GTK_WIDGET (window);
  ScsSaAnswer answers[SCS_SECURITY_ACTION_N_QUESTIONS];
  gboolean pledged[5] = { FALSE };
  GtkWidget *score;

  scs_window_set_workspace (window, workspace);
  gui_test_present_window (GTK_WINDOW (window), 1100, 800);
  g_assert_cmpstr (gui_test_window_page (window), ==, "declaration");
  gui_test_wait_for_widget (find (root, "declaration-page"), 10, GUI_TEST_WAIT_LAID_OUT);

  score = find (root, "score");
  for (guint n = 1; n <= SCS_SECURITY_ACTION_N_QUESTIONS; n++)
    {
      g_autofree char *name = g_strdup_printf ("question-%u", n);

      adw_combo_row_set_selected (ADW_COMBO_ROW (find (root, name)), SCS_SA_ANSWER_DONE);
    }
  g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (score)), "100"));
  adw_combo_row_set_selected (ADW_COMBO_ROW (find (root, "question-3")), SCS_SA_ANSWER_DONT_KNOW);
  g_assert_true (scs_security_action_get_answers (workspace, answers, &error));
  g_assert_cmpint (answers[2], ==, SCS_SA_ANSWER_DONT_KNOW);
  g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (score)), "95"));
  g_assert_true (gtk_widget_has_css_class (find (root, "question-3"), "warning"));

  /* Each question and pledge item has its evidence list, as JC-STAR items do. */
  g_assert_true (ADW_IS_EXPANDER_ROW (find (root, "evidence-7")));
  g_assert_true (ADW_IS_EXPANDER_ROW (find (root, "evidence-pledge-2")));

  gtk_check_button_set_active (GTK_CHECK_BUTTON (find (root, "pledge-2")), TRUE);
  g_assert_true (scs_security_action_get_pledge (workspace, pledged, NULL, &error));
  g_assert_true (pledged[1]);
  g_assert_false (pledged[0]);

  gui_test_save_png (find (root, "declaration-page"), "declaration-", "security-action", ".png",
                     GUI_TEST_WAIT_LAID_OUT);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gui_test_init (&argc, &argv, "ja");

  g_test_add ("/scs/gui/declaration/jcstar", Fixture, NULL, fixture_set_up, test_jcstar, fixture_tear_down);
  g_test_add ("/scs/gui/declaration/jcstar-import", Fixture, NULL, fixture_set_up, test_jcstar_import,
              fixture_tear_down);
  g_test_add ("/scs/gui/declaration/security-action", Fixture, NULL, fixture_set_up, test_security_action,
              fixture_tear_down);

  return g_test_run ();
}
