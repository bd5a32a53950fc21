/* test-migration.c: the migration assistant, the re-confirm badge and the
 * English paraphrase under official text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A workspace answered against the built-in catalog loads a generated
 * official workbook (one criterion removed, one re-worded, one moved to ★4)
 * through the assistant: the import runs on the worker thread, the report
 * page shows the counts and lists, Migrate applies it and the main window is
 * reloaded on the official catalog; flagged rows show the badge until the
 * re-confirm button (an action) clears it. A cancelled import changes
 * nothing. In an English UI the official Japanese text gets our paraphrase.
 * Screens are rendered to PNGs in $G_TEST_BUILDDIR.
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <adwaita.h>

#include "checklist-test-util.h"
#include "gui-test-util.h"
#include "scs-catalog-import.h"
#include "scs-criterion-row.h"
#include "scs-i18n.h"
#include "scs-dashboard-page.h"
#include "scs-reconfirm-window.h"
#include "scs-migration-assistant.h"
#include "scs-preferences-window.h"
#include "scs-screenshot.h"
#include "scs-ui-resources.h"
#include "scs-window.h"
#include "scs-workspace.h"

#include "../core/fixtures/xlsx/xlsx-builder.h"

typedef struct
{
  char         *dir;
  char         *path;
  char         *xlsx;
  ScsWorkspace *workspace;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsOrganization) org = scs_organization_new ();
  g_autoptr(GPtrArray) spec = spec_official ();
  g_autoptr(GBytes) bytes = NULL;

  for (guint i = 0; i < spec->len; i++)
    {
      SpecRow *row = g_ptr_array_index (spec, i);

      if (g_str_equal (row->id, "1-2-1-3"))
        g_ptr_array_remove_index (spec, i--);
      else if (g_str_equal (row->id, "1-2-1-1"))
        {
          g_free (row->text);
          row->text = g_strdup ("改訂後の文言：セキュリティ責任者を任命し、役割を文書化している。");
        }
      else if (g_str_equal (row->id, "1-2-3-2"))
        row->level = 4;
    }

  f->dir = gui_test_make_tmp_dir ("scs-gui-migration-XXXXXX");
  f->xlsx = g_build_filename (f->dir, "official.xlsx", NULL);
  bytes = build_catalog_workbook (spec, BREAK_NONE, NULL, "2026-03-27T09:00:00Z");
  g_file_set_contents (f->xlsx, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);

  f->path = g_build_filename (f->dir, "test.scsw", NULL);
  org->name = g_strdup ("株式会社テスト製作所");
  org->sole_proprietor = TRUE;
  f->workspace = gui_test_create_workspace (f->path, org, 3);
  g_assert_true (scs_workspace_set_answer (f->workspace, "1-2-1-1", SCS_ANSWER_MET, "体制表あり", NULL, &error));
  g_assert_true (scs_workspace_set_answer (f->workspace, "1-2-1-3", SCS_ANSWER_NOT_MET, "未実施", NULL, &error));
  g_assert_true (scs_workspace_set_answer (f->workspace, "1-2-3-2", SCS_ANSWER_NOT_APPLICABLE, NULL, "外部要員なし", &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  user_data)
{
  g_clear_object (&f->workspace);
  gui_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_free (f->xlsx);
}

/* The page the assistant shows ("choose", "progress", "report" …) */
static const char *
page_of (ScsMigrationAssistant *assistant)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (gui_test_find_child (GTK_WIDGET (assistant), "stack")));
}

/* The text of the report's label @id */
static const char *
label_of (ScsMigrationAssistant *assistant,
          const char            *id)
{
  return gtk_label_get_text (GTK_LABEL (gui_test_find_child (GTK_WIDGET (assistant), id)));
}

static void
click (ScsMigrationAssistant *assistant,
       const char            *id)
{
  g_signal_emit_by_name (gui_test_find_child (GTK_WIDGET (assistant), id), "clicked");
}

typedef struct
{
  ScsMigrationAssistant *assistant;
  const char            *page;
  gboolean               shown;
} PageWait;

static void
on_page_changed (PageWait *wait)
{
  wait->shown = g_str_equal (page_of (wait->assistant), wait->page);
}

/* Until the assistant shows @page (its stack changes page when the
 * migration thread reports). */
static void
wait_for_page (ScsMigrationAssistant *assistant,
               const char            *page)
{
  GtkWidget *stack = gui_test_find_child (GTK_WIDGET (assistant), "stack");
  PageWait wait = { assistant, page, FALSE };
  gulong id = g_signal_connect_swapped (stack, "notify::visible-child-name",
                                        G_CALLBACK (on_page_changed), &wait);

  on_page_changed (&wait);
  gui_test_wait_for_flag (&wait.shown, 20);
  g_signal_handler_disconnect (stack, id);
}

static char *
file_sha256 (const char *path)
{
  g_autofree char *data = NULL;
  gsize size = 0;

  g_assert_true (g_file_get_contents (path, &data, &size, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, size);
}

static guint
count_assistants (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (SCS_IS_MIGRATION_ASSISTANT (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        n++;
    }
  return n;
}

/* The assistant win.load-catalog opened over @window */
static ScsMigrationAssistant *
open_assistant (ScsWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.load-catalog", NULL));
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (SCS_IS_MIGRATION_ASSISTANT (toplevel) &&
          gtk_window_get_transient_for (GTK_WINDOW (toplevel)) == GTK_WINDOW (window))
        return SCS_MIGRATION_ASSISTANT (toplevel);
    }
  g_assert_not_reached ();
}

/* The criterion IDs of the rows the bulk window shows, in order. */
static GStrv
shown_ids (GtkWidget *bulk)
{
  GtkWidget *list = gui_test_find_by_type (bulk, GTK_TYPE_LIST_BOX);
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    g_strv_builder_add (ids, gtk_label_get_label (GTK_LABEL (gui_test_get_child (row, "criterion_id"))));
  return g_strv_builder_end (ids);
}

/* Preferences offer the same assistant, for the workspace of the window
 * they were opened from, and only when one is open. */
static void
test_from_preferences (Fixture       *f,
                       gconstpointer  user_data)
{
  ScsWindow *empty = scs_window_new (NULL);
  ScsWindow *window = scs_window_new (NULL);
  ScsPreferencesWindow *preferences;
  guint before;

  gtk_window_present (GTK_WINDOW (empty));
  preferences = scs_preferences_window_new (GTK_WINDOW (empty));
  gtk_window_present (GTK_WINDOW (preferences));
  before = count_assistants ();
  gtk_widget_activate_action (GTK_WIDGET (preferences), "preferences.load-catalog", NULL);
  g_assert_cmpuint (count_assistants (), ==, before);
  gtk_window_destroy (GTK_WINDOW (preferences));

  scs_window_set_workspace (window, f->workspace);
  gtk_window_present (GTK_WINDOW (window));
  preferences = scs_preferences_window_new (GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (preferences));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (preferences), "preferences.load-catalog", NULL));
  g_assert_cmpuint (count_assistants (), ==, before + 1);

  gtk_window_destroy (GTK_WINDOW (window));
  gtk_window_destroy (GTK_WINDOW (empty));
}

static void
test_migrate (Fixture       *f,
              gconstpointer  user_data)
{
  ScsWindow *window = scs_window_new (NULL);
  ScsMigrationAssistant *assistant;
  g_autoptr(GError) error = NULL;
  GtkWidget *row;
  ScsCatalog *catalog;

  scs_window_set_workspace (window, f->workspace);
  gtk_window_present (GTK_WINDOW (window));

  /* The menu entry is an action of the window. */
  assistant = open_assistant (window);
  g_assert_cmpstr (page_of (assistant), ==, "choose");
  gui_test_save_png (GTK_WIDGET (assistant), "widget-", "migration-choose", ".png", GUI_TEST_WAIT_FRAMES);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (assistant), "migration.load-file", "s", f->xlsx));
  g_assert_cmpstr (page_of (assistant), ==, "progress");
  wait_for_page (assistant, "report");

  /* What the imported catalog holds, per level. */
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (gui_test_find_child (GTK_WIDGET (assistant), "catalogs_row"))),
                            "★3: 26 requirements, 79 criteria · ★4: 43 requirements, 152 criteria"));
  g_assert_cmpstr (label_of (assistant, "added_label"), ==, "72");
  g_assert_cmpstr (label_of (assistant, "removed_label"), ==, "1");
  g_assert_cmpstr (label_of (assistant, "reworded_label"), ==, "1");
  g_assert_cmpstr (label_of (assistant, "level_label"), ==, "1");
  g_assert_nonnull (strstr (label_of (assistant, "reconfirm_list"), "1-2-1-1"));
  g_assert_nonnull (strstr (label_of (assistant, "reconfirm_list"), "1-2-3-2"));
  g_assert_nonnull (strstr (label_of (assistant, "removed_list"), "1-2-1-3"));
  g_assert_nonnull (strstr (label_of (assistant, "removed_list"), "未実施"));
  /* Nothing is written before the user confirms. */
  g_assert_false (scs_catalog_is_official (scs_workspace_get_catalog (f->workspace)));
  gui_test_save_png (GTK_WIDGET (assistant), "widget-", "migration-report", ".png", GUI_TEST_WAIT_FRAMES);

  click (assistant, "migrate_button");
  g_assert_cmpstr (page_of (assistant), ==, "done");

  catalog = scs_workspace_get_catalog (f->workspace);
  g_assert_true (scs_catalog_is_official (catalog));
  g_assert_true (scs_window_get_workspace (window) == f->workspace);
  g_assert_cmpint (scs_answer_get_state (scs_workspace_lookup_answer (f->workspace, "1-2-1-1")), ==, SCS_ANSWER_MET);
  g_assert_cmpstr (scs_answer_get_note (scs_workspace_lookup_answer (f->workspace, "1-2-1-1")), ==, "体制表あり");
  g_assert_null (scs_workspace_lookup_answer (f->workspace, "1-2-1-3"));

  /* The row of a flagged answer shows the badge; the button clears it. */
  row = scs_criterion_row_new (f->workspace, scs_workspace_lookup_answer (f->workspace, "1-2-1-1"));
  {
    GtkWidget *list = gtk_list_box_new ();
    GtkWidget *holder = gtk_window_new ();

    gtk_list_box_append (GTK_LIST_BOX (list), row);
    gtk_window_set_child (GTK_WINDOW (holder), list);
    gtk_window_set_default_size (GTK_WINDOW (holder), 720, -1);
    /* Actions reach the main window through the widget tree: parent it there. */
    gtk_window_set_transient_for (GTK_WINDOW (holder), GTK_WINDOW (window));
    gtk_window_present (GTK_WINDOW (holder));
    g_assert_true (gtk_widget_get_visible (checklist_test_row_child (SCS_CRITERION_ROW (row), "reconfirm_badge")));
    gui_test_save_png (holder, "widget-", "migration-reconfirm-row", ".png", GUI_TEST_WAIT_FRAMES);

    /* The row's button fires win.reconfirm-answer; outside the main window
     * the action is activated on the window, as the row would. */
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.reconfirm-answer", "s", "1-2-1-1"));
    g_assert_false (scs_migration_needs_reconfirm (f->workspace, "1-2-1-1"));
    g_assert_false (gtk_widget_get_visible (checklist_test_row_child (SCS_CRITERION_ROW (row), "reconfirm_badge")));
    g_assert_true (scs_migration_needs_reconfirm (f->workspace, "1-2-3-2"));
    gtk_window_destroy (GTK_WINDOW (holder));
  }

  /* The dashboard says what waits; the bulk window shows old and new
   * wording side by side, filters, and confirms the rows shown. */
  {
    GtkWidget *dashboard = g_object_ref_sink (g_object_new (SCS_TYPE_DASHBOARD_PAGE, NULL));
    GtkWidget *bulk;
    g_autofree char *status = NULL;
    g_auto(GStrv) shown = NULL;

    scs_dashboard_page_set_workspace (SCS_DASHBOARD_PAGE (dashboard), f->workspace);
    status = gui_test_dashboard_status (dashboard);
    g_assert_nonnull (strstr (status, "1 answer waits for re-confirmation after the catalog change"));

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.reconfirm-bulk", NULL));
    bulk = GTK_WIDGET (gui_test_find_toplevel (SCS_TYPE_RECONFIRM_WINDOW));
    g_assert_nonnull (bulk);
    shown = shown_ids (bulk);
    g_assert_cmpuint (g_strv_length (shown), ==, 1);
    g_assert_cmpstr (shown[0], ==, "1-2-3-2");
    {
      /* the row's template: both wordings, "Still Holds" for its criterion */
      GtkWidget *row = gtk_widget_get_first_child (gui_test_find_by_type (bulk, GTK_TYPE_LIST_BOX));
      GtkWidget *button = gui_test_get_child (row, "confirm_button");
      const char *old_text = gtk_label_get_label (GTK_LABEL (gui_test_get_child (row, "old_text")));
      const char *new_text = gtk_label_get_label (GTK_LABEL (gui_test_get_child (row, "new_text")));

      g_assert_cmpstr (old_text, !=, "");
      g_assert_cmpstr (new_text, !=, "");
      /* what changed shows: the wording, or the level */
      g_assert_true (g_strcmp0 (old_text, new_text) != 0 || gtk_widget_get_visible (gui_test_get_child (row, "levels")));
      g_assert_true (g_str_has_prefix (gtk_label_get_label (GTK_LABEL (gui_test_get_child (row, "levels"))), "★"));
      g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "reconfirm.confirm");
      g_assert_cmpstr (g_variant_get_string (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (button)), NULL),
                       ==, "1-2-3-2");
    }
    gui_test_save_png (bulk, "widget-", "migration-reconfirm-bulk", ".png", GUI_TEST_WAIT_FRAMES);
    gui_test_search (gui_test_find_by_type (bulk, GTK_TYPE_SEARCH_ENTRY), "存在しない文言");
    g_clear_pointer (&shown, g_strfreev);
    shown = shown_ids (bulk);
    g_assert_cmpuint (g_strv_length (shown), ==, 0);
    g_assert_true (gtk_widget_activate_action (bulk, "reconfirm.confirm-shown", NULL));
    g_assert_true (scs_migration_needs_reconfirm (f->workspace, "1-2-3-2"));
    gui_test_search (gui_test_find_by_type (bulk, GTK_TYPE_SEARCH_ENTRY), "1-2-3");
    g_assert_true (gtk_widget_activate_action (bulk, "reconfirm.confirm-shown", NULL));
    g_assert_false (scs_migration_needs_reconfirm (f->workspace, "1-2-3-2"));
    g_clear_pointer (&shown, g_strfreev);
    shown = shown_ids (bulk);
    g_assert_cmpuint (g_strv_length (shown), ==, 0);
    g_clear_pointer (&status, g_free);
    status = gui_test_dashboard_status (dashboard);
    g_assert_null (strstr (status, "re-confirmation"));
    gtk_window_destroy (GTK_WINDOW (bulk));
    g_object_unref (dashboard);
  }

  gtk_window_destroy (GTK_WINDOW (assistant));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_cancel_and_refusal (Fixture       *f,
                         gconstpointer  user_data)
{
  ScsMigrationAssistant *assistant;
  ScsWindow *window;
  g_autofree char *broken_path = g_build_filename (f->dir, "broken.xlsx", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GPtrArray) spec = spec_official ();
  g_autoptr(GBytes) bytes = NULL;
  guint row = 0;

  /* Hash the file closed (no WAL), then reopen it for the assistant. */
  g_clear_object (&f->workspace);
  before = file_sha256 (f->path);
  f->workspace = scs_workspace_open (f->path, NULL);
  g_assert_nonnull (f->workspace);

  window = scs_window_new (NULL);
  scs_window_set_workspace (window, f->workspace);
  gtk_window_present (GTK_WINDOW (window));
  assistant = open_assistant (window);

  /* Cancel while importing: back to the start, no plan. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (assistant), "migration.load-file", "s", f->xlsx));
  g_assert_cmpstr (page_of (assistant), ==, "progress");
  click (assistant, "cancel_button");
  wait_for_page (assistant, "choose");
  g_assert_false (gtk_widget_get_visible (gui_test_find_child (GTK_WIDGET (assistant), "migrate_button")));

  /* A broken workbook: the error names sheet, row and column. */
  bytes = build_catalog_workbook (spec, BREAK_BAD_ID, &row, "2026-03-27T09:00:00Z");
  g_assert_true (g_file_set_contents (broken_path, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes), NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (assistant), "migration.load-file", "s", broken_path));
  wait_for_page (assistant, "error");
  {
    g_autofree char *where = g_strdup_printf ("row %u, column L", row);

    g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (gui_test_find_child (GTK_WIDGET (assistant), "error_page"))), where));
  }
  gui_test_save_png (GTK_WIDGET (assistant), "widget-", "migration-error", ".png", GUI_TEST_WAIT_FRAMES);
  gtk_window_destroy (GTK_WINDOW (assistant));
  gtk_window_destroy (GTK_WINDOW (window));
  gui_test_drain ();

  g_assert_false (scs_catalog_is_official (scs_workspace_get_catalog (f->workspace)));
  g_clear_object (&f->workspace);
  after = file_sha256 (f->path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_paraphrase (Fixture       *f,
                 gconstpointer  user_data)
{
  g_autoptr(ScsCatalog) official = scs_catalog_import_xlsx_file (f->xlsx, NULL, NULL, NULL);
  g_autoptr(ScsMigration) migration = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *holder = gtk_window_new ();
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *matched;
  GtkWidget *star4;

  g_assert_nonnull (official);
  migration = scs_migration_new (f->workspace, official, &error);
  g_assert_no_error (error);
  g_assert_true (scs_migration_apply (migration, &error));
  g_assert_no_error (error);

  /* English UI (main() sets "en" for this binary): ours under the official text. */
  matched = scs_criterion_row_new (f->workspace, scs_workspace_lookup_answer (f->workspace, "2-1-1-1"));
  star4 = scs_criterion_row_new (f->workspace, scs_workspace_lookup_answer (f->workspace, "1-1-1-1"));
  g_assert_cmpstr (checklist_test_paraphrase (SCS_CRITERION_ROW (matched)), ==,
                   scs_catalog_get_paraphrase_en (official, "2-1-1-1"));
  g_assert_cmpstr (checklist_test_paraphrase (SCS_CRITERION_ROW (matched)), !=, "");
  /* A ★4-only criterion has no paraphrase of ours. */
  g_assert_cmpstr (checklist_test_paraphrase (SCS_CRITERION_ROW (star4)), ==, "");

  gtk_list_box_append (GTK_LIST_BOX (list), matched);
  gtk_list_box_append (GTK_LIST_BOX (list), star4);
  gtk_window_set_child (GTK_WINDOW (holder), list);
  gtk_window_set_default_size (GTK_WINDOW (holder), 720, -1);
  gtk_window_present (GTK_WINDOW (holder));
  gui_test_save_png (holder, "widget-", "migration-paraphrase", ".png", GUI_TEST_WAIT_FRAMES);
  gtk_window_destroy (GTK_WINDOW (holder));
}

int
main (int   argc,
      char *argv[])
{
  gui_test_init (&argc, &argv, "en");

  g_test_add ("/scs/gui/migration/migrate", Fixture, NULL, fixture_set_up, test_migrate, fixture_tear_down);
  g_test_add ("/scs/gui/migration/cancel-and-refusal", Fixture, NULL, fixture_set_up, test_cancel_and_refusal,
              fixture_tear_down);
  g_test_add ("/scs/gui/migration/from-preferences", Fixture, NULL, fixture_set_up, test_from_preferences,
              fixture_tear_down);
  g_test_add ("/scs/gui/migration/paraphrase", Fixture, NULL, fixture_set_up, test_paraphrase, fixture_tear_down);

  return g_test_run ();
}
