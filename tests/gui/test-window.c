/* test-window.c: the main window, driven through its actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Creates ScsWindow on a temporary workspace made with the core API and
 * drives it the way the widgets do (win.set-status, win.undo,
 * win.goto-criterion …), checking the ScsAnswer objects and the file
 * itself, re-opened with scs_workspace_open. Also renders the window with
 * the sample workspace (build-aux/make-sample) to
 * $G_TEST_BUILDDIR/screenshot-window.png for the README and for a person to
 * look at.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sys/wait.h>
#include <adwaita.h>

#include "checklist-test-util.h"
#include "gui-test-util.h"
#include "scs-application.h"
#include "scs-checklist-page.h"
#include "scs-corporate-number.h"
#include "scs-i18n.h"
#include "scs-ui-resources.h"
#include "scs-review-page.h"
#include "scs-scope-page.h"
#include "scs-screenshot.h"
#include "scs-window.h"
#include "scs-workspace.h"

typedef struct
{
  char         *dir;
  char         *path;
  ScsWorkspace *workspace;
  ScsWindow    *window;
  gboolean      closed;
} Fixture;

/* ---------------------------------------------------------------- helpers */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(ScsOrganization) org = gui_test_sample_organization ("株式会社テスト製作所");

  fixture->dir = gui_test_make_tmp_dir ("scs-test-window-XXXXXX");
  fixture->path = g_build_filename (fixture->dir, "test.scsw", NULL);
  fixture->workspace = gui_test_create_workspace (fixture->path, org, 3);
  scs_workspace_set_actor (fixture->workspace, "テスト 太郎");

  fixture->window = scs_window_new (NULL);
  gui_test_present_window (GTK_WINDOW (fixture->window), 1200, 800);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  if (!fixture->closed)
    gtk_window_destroy (GTK_WINDOW (fixture->window));
  gui_test_drain ();
  g_assert_finalize_object (fixture->workspace);
  gui_test_remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static ScsAnswerState
state_in_file (const char *path,
               const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsWorkspace) reopened = scs_workspace_open (path, &error);

  g_assert_no_error (error);
  return scs_answer_get_state (scs_workspace_lookup_answer (reopened, id));
}

static const ScsCriterion *
criterion_at (ScsWorkspace *workspace,
              guint         index)
{
  const GPtrArray *criteria = scs_catalog_get_criteria (scs_workspace_get_catalog (workspace));

  g_assert_cmpuint (index, <, criteria->len);
  return criteria->pdata[index];
}

/* ------------------------------------------------------------------ tests */

static void
test_welcome (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_assert_null (scs_window_get_workspace (fixture->window));
  g_assert_cmpstr (gui_test_window_page (fixture->window), ==, "welcome");
  g_assert_null (gtk_list_box_get_row_at_index (gui_test_sidebar_list (fixture->window), 0));
  /* With no workspace, the workspace actions do nothing. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.search", NULL);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-category", "u", 2);
  g_assert_cmpstr (gui_test_window_page (fixture->window), ==, "welcome");

  scs_window_set_workspace (fixture->window, fixture->workspace);
  g_assert_cmpstr (gui_test_window_page (fixture->window), ==, "dashboard");
  scs_window_set_workspace (fixture->window, NULL);
  g_assert_cmpstr (gui_test_window_page (fixture->window), ==, "welcome");
}

static gboolean
has_recent_row (gpointer data)
{
  GtkWidget *row = gui_test_find_by_type (data, ADW_TYPE_ACTION_ROW);

  return row != NULL && gtk_widget_get_mapped (row);
}

/* The welcome page lists recently used workspaces, each on one line per
 * field (a long path wrapped at every width the page is measured at was
 * most of the start-up of an empty window). */
static void
test_recent_workspaces (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autofree char *uri = g_filename_to_uri (fixture->path, NULL, NULL);
  GtkWidget *row;

  g_assert_true (gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri));
  /* The window of the fixture was mapped before the item existed: it
   * follows the recent manager's "changed". */
  gui_test_wait_until (has_recent_row, fixture->window, 10);
  row = gui_test_find_by_type (GTK_WIDGET (fixture->window), ADW_TYPE_ACTION_ROW);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "test.scsw");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, fixture->path);
  g_assert_cmpint (adw_action_row_get_title_lines (ADW_ACTION_ROW (row)), ==, 1);
  g_assert_cmpint (adw_action_row_get_subtitle_lines (ADW_ACTION_ROW (row)), ==, 1);
}

static gboolean
is_numeric_label (GtkWidget     *widget,
                  gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "numeric");
}

/* The "met/total" text of sidebar row @category (0 the dashboard, 1 … 7). */
static const char *
progress_text (ScsWindow *window,
               guint      category)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (gui_test_sidebar_list (window), category);
  GtkWidget *label = row != NULL ? gui_test_find (GTK_WIDGET (row), is_numeric_label, NULL) : NULL;

  return label != NULL ? gtk_label_get_text (GTK_LABEL (label)) : NULL;
}

static void
assert_progress_matches (Fixture *fixture)
{
  for (guint n = 0; n <= 7; n++)
    {
      ScsProgress progress;
      g_autofree char *expected = NULL;

      scs_workspace_get_progress (fixture->workspace, n, 3, &progress);
      expected = g_strdup_printf ("%u/%u", progress.satisfied, progress.total);
      g_assert_cmpstr (progress_text (fixture->window, n), ==, expected);
    }
}

static void
test_sidebar (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  GtkListBox *sidebar = gui_test_sidebar_list (fixture->window);
  const ScsCriterion *first = criterion_at (fixture->workspace, 0);
  const ScsCriterion *last = criterion_at (fixture->workspace, 80);
  guint rows = 0;

  /* Answers made before the window shows them … */
  scs_workspace_set_answer (fixture->workspace, first->id, SCS_ANSWER_MET, NULL, NULL, &error);
  g_assert_no_error (error);
  scs_workspace_set_answer (fixture->workspace, last->id, SCS_ANSWER_NOT_APPLICABLE, NULL,
                            "クラウドのみ利用のため", &error);
  g_assert_no_error (error);

  scs_window_set_workspace (fixture->window, fixture->workspace);
  /* The dashboard and the seven categories, then the feature pages. */
  while (gtk_list_box_get_row_at_index (sidebar, rows) != NULL)
    {
      const char *name = gtk_widget_get_name (GTK_WIDGET (gtk_list_box_get_row_at_index (sidebar, rows)));

      if (rows >= 8)
        g_assert_true (g_str_equal (name, "scope-row") || g_str_equal (name, "review-row") ||
                       g_str_equal (name, "declaration-row") || g_str_equal (name, "provider-row"));
      rows++;
    }
  g_assert_cmpuint (rows, >=, 8);
  g_assert_cmpstr (progress_text (fixture->window, 0), ==, "2/81");
  assert_progress_matches (fixture);

  /* … and after, through the action: the labels follow at once. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.set-status",
                                             "(ss)", criterion_at (fixture->workspace, 1)->id, "met"));
  g_assert_cmpstr (progress_text (fixture->window, 0), ==, "3/81");
  assert_progress_matches (fixture);

  /* Selecting a category row shows that category. */
  gtk_list_box_select_row (sidebar, gtk_list_box_get_row_at_index (sidebar, 4));
  g_assert_cmpstr (gui_test_window_page (fixture->window), ==, "checklist");
  g_assert_cmpuint (scs_checklist_page_get_category (checklist_test_page (fixture->window)),
                    ==, 4);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-dashboard", NULL));
  g_assert_cmpstr (gui_test_window_page (fixture->window), ==, "dashboard");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-category", "u", 2));
  g_assert_cmpint (gtk_list_box_row_get_index (gtk_list_box_get_selected_row (sidebar)), ==, 2);
}

static void
test_set_status_and_undo (Fixture       *fixture,
                          gconstpointer  user_data)
{
  const char *id = criterion_at (fixture->workspace, 0)->id;
  ScsAnswer *answer = scs_workspace_lookup_answer (fixture->workspace, id);
  ScsChecklistPage *page;
  ScsCriterionRow *row;

  scs_window_set_workspace (fixture->window, fixture->workspace);
  page = checklist_test_page (fixture->window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-category", "u", 1));
  row = scs_checklist_page_get_row (page, id);
  g_assert_nonnull (row);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.set-status", "(ss)", id, "met"));
  g_assert_cmpint (scs_answer_get_state (answer), ==, SCS_ANSWER_MET);
  g_assert_cmpint (state_in_file (fixture->path, id), ==, SCS_ANSWER_MET);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (
    scs_criterion_row_get_status_button (row, SCS_ANSWER_MET))));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (
    scs_criterion_row_get_status_button (row, SCS_ANSWER_UNANSWERED))));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.set-status", "(ss)", id, "not-met"));
  g_assert_cmpint (state_in_file (fixture->path, id), ==, SCS_ANSWER_NOT_MET);

  /* Undo twice: back to met, then to unanswered, in the model and the file. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  g_assert_cmpint (scs_answer_get_state (answer), ==, SCS_ANSWER_MET);
  g_assert_cmpint (state_in_file (fixture->path, id), ==, SCS_ANSWER_MET);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  g_assert_cmpint (scs_answer_get_state (answer), ==, SCS_ANSWER_UNANSWERED);
  g_assert_cmpint (state_in_file (fixture->path, id), ==, SCS_ANSWER_UNANSWERED);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (
    scs_criterion_row_get_status_button (row, SCS_ANSWER_UNANSWERED))));

  /* Clicking a status button goes through the same action. */
  g_signal_emit_by_name (scs_criterion_row_get_status_button (row, SCS_ANSWER_NOT_MET), "clicked");
  g_assert_cmpint (scs_answer_get_state (answer), ==, SCS_ANSWER_NOT_MET);
  g_assert_cmpint (state_in_file (fixture->path, id), ==, SCS_ANSWER_NOT_MET);
}

static void
test_not_applicable_needs_reason (Fixture       *fixture,
                                  gconstpointer  user_data)
{
  const char *id = criterion_at (fixture->workspace, 2)->id;
  ScsAnswer *answer = scs_workspace_lookup_answer (fixture->workspace, id);
  ScsChecklistPage *page;
  ScsCriterionRow *row;
  GtkEditable *entry;

  scs_window_set_workspace (fixture->window, fixture->workspace);
  page = checklist_test_page (fixture->window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.goto-criterion", "s", id));
  row = scs_checklist_page_get_row (page, id);
  g_assert_nonnull (row);
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (checklist_test_row_child (row, "reason_revealer"))));

  /* Refused: nothing changes, the reason field opens and takes the focus. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.set-status", "(ss)", id, "na"));
  g_assert_cmpint (scs_answer_get_state (answer), ==, SCS_ANSWER_UNANSWERED);
  g_assert_cmpint (state_in_file (fixture->path, id), ==, SCS_ANSWER_UNANSWERED);
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (
    scs_criterion_row_get_status_button (row, SCS_ANSWER_NOT_APPLICABLE))));
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (checklist_test_row_child (row, "reason_revealer"))));
  entry = GTK_EDITABLE (checklist_test_row_child (row, "reason_entry"));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)), GTK_WIDGET (entry)) ||
                 gtk_root_get_focus (GTK_ROOT (fixture->window)) == GTK_WIDGET (entry));

  /* A reason typed there, confirmed with Enter, makes it not applicable. */
  gtk_editable_set_text (entry, "自社サーバーを保有していないため");
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpint (scs_answer_get_state (answer), ==, SCS_ANSWER_NOT_APPLICABLE);
  g_assert_cmpstr (scs_answer_get_reason (answer), ==, "自社サーバーを保有していないため");
  g_assert_cmpint (state_in_file (fixture->path, id), ==, SCS_ANSWER_NOT_APPLICABLE);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (
    scs_criterion_row_get_status_button (row, SCS_ANSWER_NOT_APPLICABLE))));
}

static void
test_goto_criterion (Fixture       *fixture,
                     gconstpointer  user_data)
{
  const ScsCriterion *target = criterion_at (fixture->workspace, 80);
  ScsChecklistPage *page;
  ScsCriterionRow *focused;

  scs_window_set_workspace (fixture->window, fixture->workspace);
  page = checklist_test_page (fixture->window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-category", "u", 1));
  g_assert_cmpuint (target->requirement->category->number, !=, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.goto-criterion", "s", target->id));
  g_assert_cmpstr (gui_test_window_page (fixture->window), ==, "checklist");
  g_assert_cmpuint (scs_checklist_page_get_category (page), ==, target->requirement->category->number);
  g_assert_cmpint (gtk_list_box_row_get_index (gtk_list_box_get_selected_row (gui_test_sidebar_list (fixture->window))),
                   ==, (int) target->requirement->category->number);
  focused = scs_checklist_page_get_focused_row (page);
  g_assert_nonnull (focused);
  g_assert_cmpstr (checklist_test_row_id (focused), ==, target->id);

  /* An unknown ID changes nothing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.goto-criterion", "s", "9-9-9-9"));
  g_assert_cmpuint (scs_checklist_page_get_category (page), ==, target->requirement->category->number);
}

static gboolean
is_mapped_menu_button (GtkWidget     *widget,
                       gconstpointer  data)
{
  return GTK_IS_MENU_BUTTON (widget) && gtk_widget_get_mapped (widget);
}

static gboolean
menu_has_action (GMenuModel *model,
                 const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GMenuLinkIter) links = g_menu_model_iterate_item_links (model, i);

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
          g_strcmp0 (name, action) == 0)
        return TRUE;
      while (g_menu_link_iter_next (links))
        {
          g_autoptr(GMenuModel) linked = g_menu_link_iter_get_value (links);

          if (menu_has_action (linked, action))
            return TRUE;
        }
    }
  return FALSE;
}

static gboolean
is_search_button (GtkWidget     *widget,
                  gconstpointer  data)
{
  return GTK_IS_TOGGLE_BUTTON (widget) &&
         g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), "system-search-symbolic") == 0;
}

/* The checklist and scope pages are built when first needed: the search
 * button, a category or the scope row brings them, and they then work like
 * pages built with the window. */
static void
test_pages_on_demand (Fixture       *fixture,
                      gconstpointer  user_data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  GtkToggleButton *search_button;
  ScsChecklistPage *page;
  GtkWidget *review;

  scs_window_set_workspace (fixture->window, fixture->workspace);
  gui_test_drain ();
  g_assert_cmpstr (gui_test_window_page (fixture->window), ==, "dashboard");
  g_assert_null (gui_test_find_by_type (window, SCS_TYPE_CHECKLIST_PAGE));
  g_assert_null (gui_test_find_by_type (window, SCS_TYPE_SCOPE_PAGE));
  /* The review page is there (its actions serve the rows), its widgets not. */
  review = gui_test_find_by_type (window, SCS_TYPE_REVIEW_PAGE);
  g_assert_nonnull (review);
  g_assert_null (gtk_widget_get_first_child (review));

  /* The search button builds the checklist and shows it, searching. */
  search_button = GTK_TOGGLE_BUTTON (gui_test_find (window, is_search_button, NULL));
  g_assert_nonnull (search_button);
  gtk_toggle_button_set_active (search_button, TRUE);
  gui_test_drain ();
  page = SCS_CHECKLIST_PAGE (gui_test_find_by_type (window, SCS_TYPE_CHECKLIST_PAGE));
  g_assert_nonnull (page);
  g_assert_cmpstr (gui_test_window_page (fixture->window), ==, "checklist");
  g_assert_true (scs_checklist_page_get_search_mode (page));
  g_assert_cmpuint (checklist_test_n_visible (page), >, 0);
  /* Leaving search on the page turns the button off, and back. */
  scs_checklist_page_set_search_mode (page, FALSE);
  g_assert_false (gtk_toggle_button_get_active (search_button));
  gtk_toggle_button_set_active (search_button, TRUE);
  g_assert_true (scs_checklist_page_get_search_mode (page));
  /* The dashboard ends the search; the checklist stays built, once. */
  gtk_widget_activate_action (window, "win.show-dashboard", NULL);
  g_assert_false (gtk_toggle_button_get_active (search_button));
  gtk_widget_activate_action (window, "win.show-category", "u", 3);
  g_assert_true (checklist_test_page (fixture->window) == page);
  g_assert_cmpuint (scs_checklist_page_get_category (page), ==, 3);

  /* Shown, the review page builds its widgets. */
  gtk_widget_activate_action (window, "win.show-review", "s", "");
  gui_test_drain ();
  g_assert_cmpstr (gui_test_window_page (fixture->window), ==, "review");
  g_assert_nonnull (gtk_widget_get_first_child (review));
  g_assert_true (gtk_widget_get_mapped (gtk_widget_get_first_child (review)));

  /* The scope row builds the scope page. */
  gtk_list_box_select_row (gui_test_sidebar_list (fixture->window),
                           GTK_LIST_BOX_ROW (gui_test_find_by_name (GTK_WIDGET (gui_test_sidebar_list (fixture->window)),
                                                                    "scope-row")));
  gui_test_drain ();
  g_assert_cmpstr (gui_test_window_page (fixture->window), ==, "scope");
  g_assert_nonnull (gui_test_find_by_type (window, SCS_TYPE_SCOPE_PAGE));
  g_assert_true (gtk_widget_get_mapped (gui_test_find_by_type (window, SCS_TYPE_SCOPE_PAGE)));
}

/* The main menu (welcome page and workspace) is built when it first opens,
 * not with the window, and then holds the application's menu. */
static void
test_primary_menu (Fixture       *fixture,
                   gconstpointer  user_data)
{
  for (int round = 0; round < 2; round++)
    {
      GtkMenuButton *button;
      GtkPopover *popover;

      if (round == 1)
        scs_window_set_workspace (fixture->window, fixture->workspace);
      gui_test_drain ();
      button = GTK_MENU_BUTTON (gui_test_find (GTK_WIDGET (fixture->window), is_mapped_menu_button, NULL));
      g_assert_nonnull (button);
      g_assert_true (gtk_menu_button_get_primary (button));
      g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (button)));
      g_assert_null (gtk_menu_button_get_popover (button));

      gtk_menu_button_popup (button);
      gui_test_drain ();
      popover = gtk_menu_button_get_popover (button);
      g_assert_true (GTK_IS_POPOVER_MENU (popover));
      g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
      g_assert_true (menu_has_action (gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (popover)), "app.preferences"));
      g_assert_true (menu_has_action (gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (popover)), "app.shortcuts"));
      gtk_menu_button_popdown (button);
      gui_test_drain ();
      /* Opening it again reuses the same popover. */
      gtk_menu_button_popup (button);
      g_assert_true (gtk_menu_button_get_popover (button) == popover);
      gtk_menu_button_popdown (button);
    }
}

static void
test_close_saves_note (Fixture       *fixture,
                       gconstpointer  user_data)
{
  const char *id = criterion_at (fixture->workspace, 0)->id;
  ScsChecklistPage *page;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsWorkspace) reopened = NULL;
  ScsCriterionRow *row;

  scs_window_set_workspace (fixture->window, fixture->workspace);
  page = checklist_test_page (fixture->window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-category", "u", 1));
  row = scs_checklist_page_get_row (page, id);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (checklist_test_row_child (row, "note_view"))),
                            "閉じる直前に入力したメモ", -1);
  g_assert_cmpstr (scs_checklist_item_get_note_state (scs_criterion_row_get_item (row)), ==, "pending");

  /* No main-loop turn, so the debounce never fired: closing must save. */
  gtk_window_close (GTK_WINDOW (fixture->window));
  fixture->closed = TRUE;
  reopened = scs_workspace_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (scs_answer_get_note (scs_workspace_lookup_answer (reopened, id)), ==,
                   "閉じる直前に入力したメモ");

  /* The size and the workspace are remembered for the next start. */
  {
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);
    g_autofree char *last = g_settings_get_string (settings, "last-workspace");

    g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1200);
    g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 800);
    g_assert_cmpstr (last, ==, fixture->path);
  }
}

static gboolean
sample_built (const char *out)
{
  const char *cli = g_getenv ("SCS_CLI");
  const char *source_root = g_getenv ("SCS_SOURCE_DIR");
  g_autofree char *script = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  int status = 0;

  if (cli == NULL || source_root == NULL)
    return FALSE;

  script = g_build_filename (source_root, "build-aux", "make-sample", NULL);
  {
    const char *argv[] = { script, out, cli, NULL };

    if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &output, NULL, &status, &error) ||
        !g_spawn_check_wait_status (status, &error))
      {
        g_test_message ("make-sample failed: %s", error->message);
        return FALSE;
      }
  }
  return TRUE;
}

static void
save_png (GtkWidget  *widget,
          const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, name, NULL);

  g_assert_true (scs_widget_save_png (widget, path, &error));
  g_assert_no_error (error);
  g_test_message ("screenshot: %s", path);
}

static gboolean
frames_done (gpointer data)
{
  guint *frames = data;

  return *frames >= 6;
}

static void
settle (GtkWidget *widget)
{
  guint frames = 0;
  guint id = gtk_widget_add_tick_callback (widget, gui_test_count_frame, &frames, NULL);

  gui_test_wait_until (frames_done, &frames, 10);
  gtk_widget_remove_tick_callback (widget, id);
}

static void
test_screenshot (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("scs-test-shot-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "sakura.scsw", NULL);
  g_autoptr(ScsWorkspace) workspace = NULL;
  ScsWindow *window;

  if (!sample_built (path))
    {
      g_test_skip ("build-aux/make-sample could not build the sample workspace");
      gui_test_remove_tree (dir);
      return;
    }
  workspace = scs_workspace_open (path, &error);
  g_assert_no_error (error);

  window = scs_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 860);
  gtk_window_present (GTK_WINDOW (window));
  gui_test_wait_until (gui_test_is_mapped, window, 10);
  settle (GTK_WIDGET (window));
  save_png (GTK_WIDGET (window), "screenshot-welcome.png");

  scs_window_set_workspace (window, workspace);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-category", "u", 1));
  settle (GTK_WIDGET (window));
  save_png (GTK_WIDGET (window), "screenshot-window.png");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  scs_checklist_page_set_search_text (checklist_test_page (window), "バックアップ");
  settle (GTK_WIDGET (window));
  save_png (GTK_WIDGET (window), "screenshot-search.png");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-dashboard", NULL));
  settle (GTK_WIDGET (window));
  save_png (GTK_WIDGET (window), "screenshot-dashboard.png");

  gtk_window_destroy (GTK_WINDOW (window));
  gui_test_drain ();
  g_clear_object (&workspace);
  gui_test_remove_tree (dir);
}

/* The pixel at @x, @y of @texture as 0xRRGGBB. */
static guint32
pixel_at (GdkTexture *texture,
          int         x,
          int         y)
{
  gsize stride = (gsize) gdk_texture_get_width (texture) * 4;
  g_autofree guchar *data = g_malloc (stride * gdk_texture_get_height (texture));
  const guchar *p;

  /* GDK_MEMORY_DEFAULT: B8G8R8A8 premultiplied, opaque here. */
  gdk_texture_download (texture, data, stride);
  p = data + (gsize) y * stride + (gsize) x * 4;
  return ((guint32) p[2] << 16) | ((guint32) p[1] << 8) | p[0];
}

static gboolean
is_light (guint32 rgb)
{
  return (rgb >> 16) > 0xc0 && ((rgb >> 8) & 0xff) > 0xc0 && (rgb & 0xff) > 0xc0;
}

/* The real program as a user starts it — it starts GTK itself, with
 * libadwaita's empty theme (ui/main.c) — shows a window libadwaita has
 * styled: in its own screenshot the header bar and the page are light, not
 * the black of an unstyled window. Twice: with the suite's renderer (cairo)
 * and with GTK's own choice (OpenGL), as on a desktop, where the GL driver is
 * loaded on a second thread while GTK starts (scs-startup.c). */
static void
test_real_program (void)
{
  const char *program = g_getenv ("SCS_WORKBENCH");
  g_autoptr(ScsOrganization) org = gui_test_sample_organization ("株式会社テスト製作所");
  g_autofree char *dir = gui_test_make_tmp_dir ("scs-test-program-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "program.scsw", NULL);

  if (program == NULL)
    {
      g_test_skip ("SCS_WORKBENCH is not set (run through meson test)");
      gui_test_remove_tree (dir);
      return;
    }
  g_object_unref (gui_test_create_workspace (path, org, 3));

  for (guint gl = 0; gl < 2; gl++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *png = g_build_filename (dir, gl ? "program-gl.png" : "program.png", NULL);
      g_auto(GStrv) env = g_get_environ ();
      g_autoptr(GdkTexture) texture = NULL;
      const char *argv[] = { "timeout", "60", program, path, NULL };
      int status = 0;

      env = g_environ_setenv (env, "SCS_SCREENSHOT", png, TRUE);
      env = g_environ_setenv (env, "SCS_LANGUAGE", "ja", TRUE);
      env = g_environ_unsetenv (env, "GTK_THEME");
      if (gl)
        env = g_environ_unsetenv (env, "GSK_RENDERER");
      g_assert_true (g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_SEARCH_PATH, NULL, NULL,
                                   NULL, NULL, &status, &error));
      g_assert_no_error (error);
      g_assert_true (g_spawn_check_wait_status (status, &error));
      g_assert_no_error (error);

      texture = gdk_texture_new_from_filename (png, &error);
      g_assert_no_error (error);
      g_assert_true (is_light (pixel_at (texture, 40, 20)));
      g_assert_true (is_light (pixel_at (texture, gdk_texture_get_width (texture) - 60,
                                         gdk_texture_get_height (texture) / 2)));
    }
  gui_test_remove_tree (dir);
}

static gboolean
bytes_contain (const char *data,
               gsize       size,
               const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= size; i++)
    if (data[i] == needle[0] && memcmp (data + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

/* The screenshot and benchmark hooks are in scs-workbench-test only: the
 * program that is installed does not know their variables. */
static void
test_hooks_test_only (void)
{
  const char *installed = g_getenv ("SCS_WORKBENCH_INSTALLED");
  const char *hooked = g_getenv ("SCS_WORKBENCH");
  g_autoptr(GError) error = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *test = NULL;
  gsize plain_size, test_size;

  if (installed == NULL || hooked == NULL)
    {
      g_test_skip ("SCS_WORKBENCH(_INSTALLED) is not set (run through meson test)");
      return;
    }
  g_assert_true (g_file_get_contents (installed, &plain, &plain_size, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (hooked, &test, &test_size, &error));
  g_assert_no_error (error);
  g_assert_true (bytes_contain (test, test_size, "SCS_SCREENSHOT"));
  g_assert_false (bytes_contain (plain, plain_size, "SCS_SCREENSHOT"));
  g_assert_false (bytes_contain (plain, plain_size, "first-frame %"));
}

/* Without a display the program says so and exits 1 (it starts GTK
 * itself, and must not go on as if it had); --help needs no display. */
static void
test_real_program_without_display (void)
{
  const char *program = g_getenv ("SCS_WORKBENCH");
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = g_get_environ ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  if (program == NULL)
    {
      g_test_skip ("SCS_WORKBENCH is not set (run through meson test)");
      return;
    }
  env = g_environ_unsetenv (env, "DISPLAY");
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");
  env = g_environ_setenv (env, "SCS_LANGUAGE", "en", TRUE);
  {
    const char *argv[] = { "timeout", "60", program, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_SEARCH_PATH, NULL, NULL,
                                 &out, &err, &status, &error));
    g_assert_no_error (error);
    g_assert_true (WIFEXITED (status));
    g_assert_cmpint (WEXITSTATUS (status), ==, 1);
    g_assert_nonnull (strstr (err, "cannot open the display"));
    g_assert_null (strstr (err, "CRITICAL"));
  }
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  {
    const char *argv[] = { "timeout", "60", program, "--help", NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_SEARCH_PATH, NULL, NULL,
                                 &out, &err, &status, &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, &error));
    g_assert_no_error (error);
    g_assert_nonnull (strstr (out, "scs-workbench"));
  }
}

static GtkWindow *
find_window (GtkApplication *app,
             GType           type)
{
  for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type))
      return l->data;
  return NULL;
}

static void
test_application_open (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsApplication) app = scs_application_new ();
  g_autoptr(ScsOrganization) org = gui_test_sample_organization ("株式会社テスト製作所");
  g_autoptr(ScsCatalog) catalog = scs_catalog_new_builtin ();
  g_autofree char *dir = g_dir_make_tmp ("scs-test-app-XXXXXX", &error);
  g_autofree char *good = g_build_filename (dir, "good.scsw", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.scsw", NULL);
  g_autofree char *bad_before = NULL;
  g_autofree char *bad_after = NULL;
  g_auto(GStrv) accels = NULL;
  g_autoptr(GFile) good_file = g_file_new_for_path (good);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad);
  ScsWorkspace *created;
  ScsWindow *window;
  GtkWindow *dialog;

  created = scs_workspace_create (good, org, 3, catalog, &error);
  g_assert_no_error (error);
  g_object_unref (created);
  g_assert_true (g_file_set_contents (bad, "this is not a workspace\n", -1, NULL));
  g_file_get_contents (bad, &bad_before, NULL, NULL);

  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < 6; i++)
    {
      const char *names[] = { "new", "open", "preferences", "about", "shortcuts", "quit" };

      g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), names[i]));
    }
  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.undo");
  g_assert_cmpstr (accels[0], ==, "<Control>z");

  window = scs_window_new (GTK_APPLICATION (app));
  gtk_window_present (GTK_WINDOW (window));

  /* Not a workspace: a message dialog, the file untouched, no workspace. */
  g_assert_false (scs_application_open_file (app, bad_file, GTK_WINDOW (window)));
  dialog = find_window (GTK_APPLICATION (app), ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_null (scs_window_get_workspace (window));
  g_file_get_contents (bad, &bad_after, NULL, NULL);
  g_assert_cmpstr (bad_before, ==, bad_after);
  gtk_window_destroy (dialog);

  /* A workspace opens in the empty window, with the actor set. */
  g_assert_true (scs_application_open_file (app, good_file, GTK_WINDOW (window)));
  g_assert_nonnull (scs_window_get_workspace (window));
  g_assert_cmpstr (scs_workspace_get_path (scs_window_get_workspace (window)), ==, good);
  g_assert_nonnull (scs_workspace_get_actor (scs_window_get_workspace (window)));
  /* Opening it again presents the same window, no second copy. */
  g_assert_true (scs_application_open_file (app, good_file, NULL));
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);

  /* The window's own actions and GtkApplicationWindow's live side by side. */
  g_assert_null (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  g_action_group_activate_action (G_ACTION_GROUP (app), "shortcuts", NULL);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)))));
  gtk_widget_set_visible (GTK_WIDGET (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window))), FALSE);

  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  gui_test_drain ();
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));
  gui_test_remove_tree (dir);
}

/* Whether this process holds @path open (the prefetch thread's SQLite). */
static gboolean
process_has_open (gpointer data)
{
  const char *path = data;
  g_autoptr(GDir) fds = g_dir_open ("/proc/self/fd", 0, NULL);
  const char *name;

  while (fds != NULL && (name = g_dir_read_name (fds)) != NULL)
    {
      g_autofree char *link = g_build_filename ("/proc/self/fd", name, NULL);
      g_autofree char *target = g_file_read_link (link, NULL);

      if (g_strcmp0 (target, path) == 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
process_has_closed (gpointer data)
{
  return !process_has_open (data);
}

/* The window of @app showing the workspace at @path, or NULL. */
static ScsWindow *
window_showing (GtkApplication *app,
                const char     *path)
{
  for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
    if (SCS_IS_WINDOW (l->data) && scs_window_get_workspace (l->data) != NULL &&
        g_strcmp0 (scs_workspace_get_path (scs_window_get_workspace (l->data)), path) == 0)
      return l->data;
  return NULL;
}

/* The workspace a start will show is opened in a thread while GTK starts;
 * opening that path then takes it (the file is already open: removed from
 * its folder meanwhile, it still opens), another path is opened as usual
 * and the prefetched file closed, and a file that is no workspace is
 * refused the same way as without a prefetch. */
static void
test_prefetch (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsApplication) app = scs_application_new ();
  g_autoptr(ScsOrganization) org = gui_test_sample_organization ("株式会社テスト製作所");
  g_autofree char *dir = gui_test_make_tmp_dir ("scs-test-prefetch-XXXXXX");
  g_autofree char *first = g_build_filename (dir, "first.scsw", NULL);
  g_autofree char *first_wal = g_strconcat (first, "-wal", NULL);
  g_autofree char *second = g_build_filename (dir, "second.scsw", NULL);
  g_autofree char *third = g_build_filename (dir, "third.scsw", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.scsw", NULL);
  g_autofree char *bad_before = NULL;
  g_autofree char *bad_after = NULL;
  g_autoptr(GFile) first_file = g_file_new_for_path (first);
  g_autoptr(GFile) third_file = g_file_new_for_path (third);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad);
  char *argv[] = { "scs-workbench", first, NULL };
  ScsWindow *empty;

  g_object_unref (gui_test_create_workspace (first, org, 3));
  g_object_unref (gui_test_create_workspace (second, org, 3));
  g_object_unref (gui_test_create_workspace (third, org, 3));
  g_assert_true (g_file_set_contents (bad, "this is not a workspace\n", -1, NULL));
  g_file_get_contents (bad, &bad_before, NULL, NULL);
  /* Its own id: the application of application-open is still exported. */
  g_application_set_application_id (G_APPLICATION (app), APP_ID ".Prefetch");
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  /* The prefetched file is the one shown, even once gone from its folder.
   * Its write-ahead log is opened once SQLite has the file open (the
   * header check before that opens and closes the file too). */
  scs_application_prefetch (app, 2, argv);
  gui_test_wait_until (process_has_open, first_wal, 10);
  g_assert_cmpint (g_unlink (first), ==, 0);
  g_assert_true (scs_application_open_file (app, first_file, NULL));
  g_assert_nonnull (window_showing (GTK_APPLICATION (app), first));

  /* Another file than the prefetched one opens as usual; the prefetched
   * one is closed. */
  argv[1] = second;
  scs_application_prefetch (app, 2, argv);
  gui_test_wait_until (process_has_open, second, 10);
  g_assert_true (scs_application_open_file (app, third_file, NULL));
  g_assert_nonnull (window_showing (GTK_APPLICATION (app), third));
  g_assert_null (window_showing (GTK_APPLICATION (app), second));
  gui_test_wait_until (process_has_closed, second, 10);

  /* Not a workspace: refused with a message, the file untouched. */
  argv[1] = bad;
  scs_application_prefetch (app, 2, argv);
  empty = scs_window_new (GTK_APPLICATION (app));
  gtk_window_present (GTK_WINDOW (empty));
  g_assert_false (scs_application_open_file (app, bad_file, GTK_WINDOW (empty)));
  g_assert_nonnull (find_window (GTK_APPLICATION (app), ADW_TYPE_MESSAGE_DIALOG));
  g_assert_null (scs_window_get_workspace (empty));
  g_file_get_contents (bad, &bad_after, NULL, NULL);
  g_assert_cmpstr (bad_before, ==, bad_after);

  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  gui_test_drain ();
  gui_test_remove_tree (dir);
}

/* Selects the sidebar row named @name as the user does (a click). */
static void
select_row (ScsWindow  *window,
            const char *name)
{
  GtkListBox *sidebar = gui_test_sidebar_list (window);
  GtkWidget *row = gui_test_find_by_name (GTK_WIDGET (sidebar), name);

  g_assert_nonnull (row);
  gtk_list_box_select_row (sidebar, GTK_LIST_BOX_ROW (row));
}

static const char *
selected_row (ScsWindow *window)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (gui_test_sidebar_list (window));

  return row != NULL ? gtk_widget_get_name (GTK_WIDGET (row)) : NULL;
}

/* The sidebar in the order of the work, fill in → review (→ sign there):
 * an SCS assessment's dashboard, categories and scope, then the review. A
 * SECURITY ACTION or JC-STAR workspace: the SCS categories and the ★4
 * scope do not apply, so there are no rows for them; the type's own page
 * (declaration-row) comes before the review, and is opened first. Each
 * row, selected as the user does, opens its own page. */
/* A toast shows its text as written: "&" and "<" in a company or file name
 * are not markup (libadwaita 1.2 reads a toast's title as markup; such a
 * title showed nothing). */
static void
test_toast_text_as_written (Fixture       *fixture,
                            gconstpointer  user_data)
{
  const char *message = "「Tom & Jerry <Pro>」を開けません";

  scs_window_set_workspace (fixture->window, fixture->workspace);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.toast", "s", message));
  gui_test_drain_pending ();
  g_assert_cmpstr (gui_test_toast_title (fixture->window), ==, message);
}

static void
test_type_adapts_pages (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(ScsOrganization) org = gui_test_sample_organization ("株式会社テスト商店");
  g_autoptr(ScsCatalog) catalog = scs_catalog_new_builtin ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "shop.scsw", NULL);
  g_autoptr(ScsWorkspace) shop = NULL;
  g_autofree char *rows = NULL;

  shop = scs_workspace_create_typed (path, SCS_WORKSPACE_TYPE_SECURITY_ACTION, org, 3, catalog, &error);
  g_assert_no_error (error);

  scs_window_set_workspace (fixture->window, fixture->workspace);
  rows = gui_test_sidebar_rows (fixture->window);
  g_assert_cmpstr (rows, ==, "dashboard-row category-1-row category-2-row category-3-row category-4-row "
                             "category-5-row category-6-row category-7-row scope-row review-row ");
  g_clear_pointer (&rows, g_free);
  select_row (fixture->window, "review-row");
  g_assert_cmpstr (gui_test_window_page (fixture->window), ==, "review");
  select_row (fixture->window, "category-6-row");
  g_assert_cmpstr (gui_test_window_page (fixture->window), ==, "checklist");
  g_assert_cmpuint (scs_checklist_page_get_category (SCS_CHECKLIST_PAGE (
                      gui_test_find_by_type (GTK_WIDGET (fixture->window), SCS_TYPE_CHECKLIST_PAGE))), ==, 6);
  select_row (fixture->window, "scope-row");
  g_assert_cmpstr (gui_test_window_page (fixture->window), ==, "scope");
  /* and the window's own moves select the page's row, wherever it is */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-review", "s", ""));
  g_assert_cmpstr (selected_row (fixture->window), ==, "review-row");

  /* A SECURITY ACTION declaration: its own page, then the review; no SCS
   * dashboard (its counts are of SCS criteria), categories or scope. */
  scs_window_set_workspace (fixture->window, shop);
  rows = gui_test_sidebar_rows (fixture->window);
  g_assert_cmpstr (rows, ==, "declaration-row review-row ");
  g_assert_cmpstr (selected_row (fixture->window), ==, "declaration-row");
  select_row (fixture->window, "review-row");
  g_assert_cmpstr (gui_test_window_page (fixture->window), ==, "review");
  select_row (fixture->window, "declaration-row");
  g_assert_cmpstr (gui_test_window_page (fixture->window), ==, "declaration");
  scs_window_set_workspace (fixture->window, NULL);
}

int
main (int   argc,
      char *argv[])
{
  const char *language = g_getenv ("SCS_LANGUAGE");
  g_autofree char *data_home = g_dir_make_tmp ("scs-test-data-XXXXXX", NULL);
  int status;

  /* Recently used files go here, not into the user's home. */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  gui_test_init_gtk_test (&argc, &argv, language ? language : "ja");

  {
    g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

    /* What AdwApplication does for the real app. */
    gtk_css_provider_load_from_resource (css, "/jp/scsworkbench/Workbench/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/scs/window/type-adapts-pages", test_type_adapts_pages);
  ADD ("/scs/window/toast-text-as-written", test_toast_text_as_written);
  ADD ("/scs/window/welcome", test_welcome);
  ADD ("/scs/window/recent-workspaces", test_recent_workspaces);
  ADD ("/scs/window/sidebar-progress", test_sidebar);
  ADD ("/scs/window/set-status-and-undo", test_set_status_and_undo);
  ADD ("/scs/window/not-applicable-needs-reason", test_not_applicable_needs_reason);
  ADD ("/scs/window/goto-criterion", test_goto_criterion);
  ADD ("/scs/window/close-saves-note", test_close_saves_note);
  ADD ("/scs/window/primary-menu", test_primary_menu);
  ADD ("/scs/window/pages-on-demand", test_pages_on_demand);
#undef ADD
  g_test_add_func ("/scs/window/application-open", test_application_open);
  g_test_add_func ("/scs/window/prefetch", test_prefetch);
  g_test_add_func ("/scs/window/real-program", test_real_program);
  g_test_add_func ("/scs/window/real-program-without-display", test_real_program_without_display);
  g_test_add_func ("/scs/window/hooks-test-only", test_hooks_test_only);
  g_test_add_func ("/scs/window/screenshot", test_screenshot);

  status = g_test_run ();
  gui_test_remove_tree (data_home);
  return status;
}
