/* test-scope-import.c: the CSV import assistant — a UTF-8 file with a BOM and
 * quoted line breaks and a Shift_JIS file made with g_convert go through the
 * encoding, mapping (changed in the drop-downs and through the actions),
 * preview and problems steps and are imported only on confirmation, into
 * the model, the scope page and the file; bad files keep the Import button
 * insensitive and leave the file byte for byte as it was. PNGs of the
 * mapping and preview steps are rendered to look at.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <adwaita.h>

#include "gui-test-util.h"
#include "scs-csv.h"
#include "scs-i18n.h"
#include "scs-scope-import-dialog.h"
#include "scs-scope-page.h"
#include "scs-screenshot.h"
#include "scs-ui-resources.h"

typedef struct
{
  char         *dir;
  char         *path;
  ScsWorkspace *workspace;
  ScsScope     *scope;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsOrganization) org = scs_organization_new ();
  g_autoptr(GHashTable) fields = g_hash_table_new (g_str_hash, g_str_equal);

  fixture->dir = gui_test_make_tmp_dir ("scs-gui-scope-import-XXXXXX");
  fixture->path = g_build_filename (fixture->dir, "test.scsw", NULL);
  org->name = g_strdup ("株式会社さくら精機");
  org->corporate_number = g_strdup ("7000012050002");
  fixture->workspace = gui_test_create_workspace (fixture->path, org, 4);
  fixture->scope = scs_scope_get (fixture->workspace, &error);
  g_assert_no_error (error);
  g_hash_table_insert (fields, "name", "既存サーバ");
  g_assert_cmpint (scs_scope_add_item (fixture->scope, SCS_SCOPE_KIND_SERVER, fields, &error), >, 0);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->workspace);
  gui_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static char *
write_csv (Fixture    *fixture,
           const char *name,
           const char *data,
           gssize      length)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fixture->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, data, length, &error));
  g_assert_no_error (error);
  return path;
}

static void
flush (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static void
on_imported (ScsScopeImportDialog *dialog,
             guint                 kind,
             guint                 count,
             guint                *imported)
{
  *imported = count;
}

static ScsScopeImportDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (SCS_IS_SCOPE_IMPORT_DIALOG (window))
        return SCS_SCOPE_IMPORT_DIALOG (window);
    }
  return NULL;
}

static guint
count_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

static GtkWidget *
child (ScsScopeImportDialog *dialog,
       const char           *id)
{
  GtkWidget *widget = gui_test_find_child (GTK_WIDGET (dialog), id);

  g_assert_nonnull (widget);
  return widget;
}

/* The problems listed, one row each */
static guint
n_problems (ScsScopeImportDialog *dialog)
{
  return count_children (child (dialog, "problems"));
}

static gboolean
has_problem_at (ScsScopeImportDialog *dialog,
                guint                 line,
                guint                 column)
{
  g_autofree char *name = g_strdup_printf ("problem-%u-%u", line, column);

  return gui_test_find_by_name (child (dialog, "problems"), name) != NULL;
}

/* The mapping step's rows: one per CSV column of a file that was read */
static guint
n_columns (ScsScopeImportDialog *dialog)
{
  return count_children (child (dialog, "mapping_list"));
}

static AdwComboRow *
column_row (ScsScopeImportDialog *dialog,
            guint                 column)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (child (dialog, "mapping_list")), (int) column);

  g_assert_true (ADW_IS_COMBO_ROW (row));
  return ADW_COMBO_ROW (row);
}

/* What column @column is read as, as its row shows it */
static const char *
mapped_as (ScsScopeImportDialog *dialog,
           guint                 column)
{
  return gtk_string_object_get_string (adw_combo_row_get_selected_item (column_row (dialog, column)));
}

static const char *
field_label (const char *field)
{
  return _(scs_scope_field_lookup (field)->label);
}

static const char *
encoding_shown (ScsScopeImportDialog *dialog)
{
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (child (dialog, "detected_row")));
}

static GtkColumnView *
preview_of (ScsScopeImportDialog *dialog)
{
  return GTK_COLUMN_VIEW (child (dialog, "preview"));
}

static guint
count_items (ScsScope     *scope,
             ScsScopeKind  kind)
{
  return g_list_model_get_n_items (scs_scope_get_items (scope, kind));
}

static ScsScopeItem *
find_item (ScsScope     *scope,
           ScsScopeKind  kind,
           const char   *name)
{
  GListModel *items = scs_scope_get_items (scope, kind);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(ScsScopeItem) item = g_list_model_get_item (items, i);

      if (g_str_equal (scs_scope_item_get_name (item), name))
        return scs_scope_lookup (scope, scs_scope_item_get_id (item));
    }
  return NULL;
}

/* A UTF-8 file with a BOM, a quoted line break, headers the guess does not
 * know: opened from the scope page, mapped by hand, checked, imported. */
static void
test_utf8_bom (Fixture       *fixture,
               gconstpointer  data)
{
  static const char csv[] =
    SCS_CSV_BOM "機器名,区分,OS,担当,メモ\r\n"
    "ファイルサーバ,on-premises,Windows Server 2022,情報システム課,\"2階\r\nサーバ室\"\r\n"
    "業務サーバ,virtual,Ubuntu 22.04,総務課,クラウド移行予定\r\n"
    ",,,,\r\n";
  g_autofree char *csv_path = write_csv (fixture, "servers.csv", csv, -1);
  GtkWidget *window = gtk_window_new ();
  ScsScopePage *page = SCS_SCOPE_PAGE (scs_scope_page_new ());
  ScsScopeImportDialog *dialog;
  GtkWidget *button;
  GListModel *preview;
  guint imported = 0;
  g_autoptr(GError) error = NULL;

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 700);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  scs_scope_page_set_workspace (page, fixture->workspace);
  scs_scope_page_show_kind (page, SCS_SCOPE_KIND_SERVER);
  gtk_window_present (GTK_WINDOW (window));
  gui_test_wait_for_widget (GTK_WIDGET (page), 10, GUI_TEST_WAIT_LAID_OUT);

  /* "Import CSV…" on the page opens the assistant for the table shown */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "scope.import-csv", NULL));
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (child (dialog, "kind_row"))), ==, SCS_SCOPE_KIND_SERVER);
  g_signal_connect (dialog, "imported", G_CALLBACK (on_imported), &imported);
  button = child (dialog, "import_button");
  g_assert_false (gtk_widget_get_sensitive (button));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.load-file", "s", csv_path));
  g_assert_cmpstr (encoding_shown (dialog), ==, _("UTF-8 with byte order mark"));
  g_assert_cmpuint (n_columns (dialog), ==, 5);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (column_row (dialog, 0))), ==, "機器名");
  /* Nothing maps to the name yet: a problem on line 1, nothing to import */
  g_assert_cmpuint (n_problems (dialog), >, 0);
  g_assert_true (has_problem_at (dialog, 1, 0));
  g_assert_false (gtk_widget_get_sensitive (button));

  /* Map in the drop-downs as a person does (0 ignore, 1 the first field …) */
  adw_combo_row_set_selected (column_row (dialog, 0), 1);
  g_assert_cmpstr (mapped_as (dialog, 0), ==, field_label ("name"));
  adw_combo_row_set_selected (column_row (dialog, 1), 2);
  g_assert_cmpstr (mapped_as (dialog, 1), ==, field_label ("type"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.map", "(us)", 2, "os-model"));
  g_assert_cmpuint (adw_combo_row_get_selected (column_row (dialog, 2)), ==, 4);
  g_assert_cmpstr (mapped_as (dialog, 2), ==, field_label ("os-model"));
  /* The person in charge mapped to the type by mistake: every row is wrong,
   * by line (the first row spans lines 2–3) and column; the type moved off
   * column 2, whose drop-down now says "ignore" */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.map", "(us)", 3, "type"));
  g_assert_cmpstr (mapped_as (dialog, 3), ==, field_label ("type"));
  g_assert_cmpuint (adw_combo_row_get_selected (column_row (dialog, 1)), ==, 0);
  g_assert_cmpuint (n_problems (dialog), ==, 2);
  g_assert_true (has_problem_at (dialog, 2, 4));
  g_assert_true (has_problem_at (dialog, 4, 4));
  g_assert_false (gtk_widget_get_sensitive (button));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.show-step", "s", "preview"));
  gui_test_save_png (GTK_WIDGET (dialog), "", "scope-import-problems.png", "", GUI_TEST_WAIT_LAID_OUT);
  /* Fixed: the administrator, the type back on column 2, the memo ignored */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.map", "(us)", 3, "administrator"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.map", "(us)", 1, "type"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.map", "(us)", 4, ""));
  g_assert_cmpuint (n_problems (dialog), ==, 0);
  g_assert_true (gtk_widget_get_sensitive (button));
  {
    g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Import %u Item",
                                                           "Import %u Items", 2), 2);

    g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, label);
  }
  /* The preview: line number and the four mapped fields, the blank row left out */
  preview = G_LIST_MODEL (gtk_column_view_get_model (preview_of (dialog)));
  g_assert_cmpuint (g_list_model_get_n_items (preview), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_column_view_get_columns (preview_of (dialog))),
                    ==, 5);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.show-step", "s", "mapping"));
  gui_test_save_png (GTK_WIDGET (dialog), "", "scope-import-mapping.png", "", GUI_TEST_WAIT_LAID_OUT);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.show-step", "s", "preview"));
  gui_test_save_png (GTK_WIDGET (dialog), "", "scope-import-preview.png", "", GUI_TEST_WAIT_LAID_OUT);

  /* Nothing written before the confirmation */
  g_assert_cmpuint (count_items (fixture->scope, SCS_SCOPE_KIND_SERVER), ==, 1);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.confirm", NULL));
  flush ();
  g_assert_null (dialog);
  g_assert_cmpuint (imported, ==, 2);
  g_assert_cmpuint (count_items (fixture->scope, SCS_SCOPE_KIND_SERVER), ==, 3);
  {
    ScsScopeItem *item = find_item (fixture->scope, SCS_SCOPE_KIND_SERVER, "ファイルサーバ");

    g_assert_nonnull (item);
    g_assert_cmpstr (scs_scope_item_get_field (item, "type"), ==, "on-premises");
    g_assert_cmpstr (scs_scope_item_get_field (item, "os-model"), ==, "Windows Server 2022");
    g_assert_cmpstr (scs_scope_item_get_field (item, "administrator"), ==, "情報システム課");
  }
  /* The page's table follows */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (
                      GTK_COLUMN_VIEW (gui_test_find_by_name (GTK_WIDGET (page), "table-server"))))), ==, 3);
  gtk_window_destroy (GTK_WINDOW (window));

  /* And in the file */
  {
    g_autoptr(ScsWorkspace) reopened = NULL;
    ScsScope *scope;

    g_clear_object (&fixture->workspace);
    reopened = scs_workspace_open (fixture->path, &error);
    g_assert_no_error (error);
    scope = scs_scope_get (reopened, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (count_items (scope, SCS_SCOPE_KIND_SERVER), ==, 3);
    g_assert_cmpstr (scs_scope_item_get_field (find_item (scope, SCS_SCOPE_KIND_SERVER, "業務サーバ"), "administrator"),
                     ==, "総務課");
  }
}

/* Shift_JIS as Excel in Japan saves it, English headers the guess knows;
 * reading it as UTF-8 instead is refused, back to automatic it imports. */
static void
test_shift_jis (Fixture       *fixture,
                gconstpointer  data)
{
  static const char utf8[] =
    "name,provider,data,check-method\r\n"
    "Microsoft 365,日本マイクロソフト,メールと文書,ismap\r\n"
    "クラウド会計,株式会社フリー会計,会計データ,contract\r\n";
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  g_autofree char *sjis = g_convert (utf8, -1, "CP932", "UTF-8", NULL, &length, &error);
  g_autofree char *csv_path = NULL;
  ScsScopeImportDialog *dialog;
  GtkWidget *button;
  guint imported = 0;

  g_assert_no_error (error);
  g_assert_false (g_utf8_validate (sjis, length, NULL));
  csv_path = write_csv (fixture, "cloud.csv", sjis, length);

  dialog = scs_scope_import_dialog_new (NULL, fixture->scope, SCS_SCOPE_KIND_SERVER);
  g_signal_connect (dialog, "imported", G_CALLBACK (on_imported), &imported);
  gtk_window_present (GTK_WINDOW (dialog));
  button = child (dialog, "import_button");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.set-kind", "s", "cloud"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.load-file", "s", csv_path));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (child (dialog, "kind_row"))), ==, SCS_SCOPE_KIND_CLOUD);
  g_assert_cmpstr (encoding_shown (dialog), ==, _("Shift_JIS (CP932)"));
  {
    /* the second row, its provider read from Shift_JIS, in the preview */
    GListModel *rows = G_LIST_MODEL (gtk_column_view_get_model (preview_of (dialog)));
    g_autoptr(GObject) row = g_list_model_get_item (rows, 1);
    g_auto(GStrv) cells = NULL;

    g_object_get (row, "cells", &cells, NULL);
    g_assert_true (g_strv_contains ((const char * const *) cells, "株式会社フリー会計"));
  }
  g_assert_cmpstr (mapped_as (dialog, 3), ==, field_label ("check-method"));
  g_assert_cmpuint (n_problems (dialog), ==, 0);
  g_assert_true (gtk_widget_get_sensitive (button));

  /* Read as UTF-8: refused with where the bad byte is; nothing to import */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.set-encoding", "s", "utf-8"));
  g_assert_cmpuint (n_columns (dialog), ==, 0);
  g_assert_cmpuint (n_problems (dialog), ==, 1);
  g_assert_true (has_problem_at (dialog, 0, 0));
  g_assert_false (gtk_widget_get_sensitive (button));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.set-encoding", "s", "cp932"));
  g_assert_cmpuint (n_columns (dialog), ==, 4);
  g_assert_true (gtk_widget_get_sensitive (button));

  /* A mapping changed: the data column ignored, so the preview drops it */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.map", "(us)", 2, ""));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_column_view_get_columns (preview_of (dialog))),
                    ==, 4);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.map", "(us)", 2, "data"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.show-step", "s", "preview"));
  gui_test_save_png (GTK_WIDGET (dialog), "", "scope-import-sjis-preview.png", "", GUI_TEST_WAIT_LAID_OUT);

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.confirm", NULL));
  flush ();
  g_assert_null (dialog);
  g_assert_cmpuint (imported, ==, 2);
  {
    g_autoptr(ScsWorkspace) reopened = NULL;
    ScsScope *scope;
    ScsScopeItem *item;

    g_clear_object (&fixture->workspace);
    reopened = scs_workspace_open (fixture->path, &error);
    g_assert_no_error (error);
    scope = scs_scope_get (reopened, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (count_items (scope, SCS_SCOPE_KIND_CLOUD), ==, 2);
    item = find_item (scope, SCS_SCOPE_KIND_CLOUD, "クラウド会計");
    g_assert_nonnull (item);
    g_assert_cmpstr (scs_scope_item_get_field (item, "provider"), ==, "株式会社フリー会計");
    g_assert_cmpstr (scs_scope_item_get_field (item, "data"), ==, "会計データ");
    g_assert_cmpstr (scs_scope_item_get_field (item, "check-method"), ==, "contract");
  }
}

/* Bad files: a row with a missing column, garbage bytes, bad cells. The
 * button stays insensitive, confirming does nothing, the file is unchanged. */
static void
test_bad (Fixture       *fixture,
          gconstpointer  data)
{
  static const struct { const char *name; const char *data; gsize length; guint line; guint column; } cases[] = {
    { "missing.csv", "name,type,count\r\n事務PC,pc,30\r\nノートPC,pc\r\n", 0, 0, 0 },
    { "garbage.csv", "name,type\r\nPC\x00\xff\xfe,pc\r\n", 21, 0, 0 },
    { "cells.csv", "name,type,count\r\n事務PC,pc,30\r\n,pc,many\r\n", 0, 3, 3 },
  };
  g_autofree char *before = gui_test_file_state (fixture->path);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *csv_path = write_csv (fixture, cases[i].name, cases[i].data,
                                             cases[i].length ? (gssize) cases[i].length : -1);
      ScsScopeImportDialog *dialog = scs_scope_import_dialog_new (NULL, fixture->scope, SCS_SCOPE_KIND_ENDPOINT);
      g_autofree char *after = NULL;
      guint imported = 0;

      g_signal_connect (dialog, "imported", G_CALLBACK (on_imported), &imported);
      gtk_window_present (GTK_WINDOW (dialog));
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.load-file", "s", csv_path));
      g_assert_cmpuint (n_problems (dialog), >, 0);
      if (cases[i].line > 0)
        {
          /* the name and the count of line 3 */
          g_assert_true (has_problem_at (dialog, 3, 1));
          g_assert_true (has_problem_at (dialog, cases[i].line, cases[i].column));
        }
      else
        g_assert_cmpuint (n_columns (dialog), ==, 0);
      g_assert_false (gtk_widget_get_sensitive (child (dialog, "import_button")));
      if (i == 2)
        gui_test_save_png (GTK_WIDGET (dialog), "", "scope-import-bad.png", "", GUI_TEST_WAIT_LAID_OUT);
      gtk_widget_activate_action (GTK_WIDGET (dialog), "import.confirm", NULL);
      flush ();
      g_assert_cmpuint (imported, ==, 0);
      g_assert_cmpuint (count_items (fixture->scope, SCS_SCOPE_KIND_ENDPOINT), ==, 0);
      after = gui_test_file_state (fixture->path);
      g_assert_cmpstr (before, ==, after);
      gtk_window_destroy (GTK_WINDOW (dialog));
      flush ();
    }
}

int
main (int   argc,
      char *argv[])
{
  gui_test_init (&argc, &argv, "ja");

  g_test_add ("/scs/gui/scope-import/utf8-bom", Fixture, NULL, fixture_set_up, test_utf8_bom,
              fixture_tear_down);
  g_test_add ("/scs/gui/scope-import/shift-jis", Fixture, NULL, fixture_set_up, test_shift_jis,
              fixture_tear_down);
  g_test_add ("/scs/gui/scope-import/bad", Fixture, NULL, fixture_set_up, test_bad,
              fixture_tear_down);

  return g_test_run ();
}
