/* test-startup-window.c: what the window builds for its first frame
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window is opened as the application opens it on a workspace (the
 * workspace set before the window is shown) and its first frame waited
 * for. What that frame does not show is not built yet: the welcome page,
 * the checklist and scope pages, the review page's widgets, the main
 * menu's popover, the rows of the dashboard's table below the fold (in a
 * window tall enough to show them, they are in the first frame). Each is then built when
 * first needed, and works as if built with the window.
 */
#include "config.h"

#include <adwaita.h>

#include "gui-test-util.h"
#include "scs-checklist-page.h"
#include "scs-review-page.h"
#include "scs-scope-page.h"
#include "scs-welcome-page.h"
#include "scs-window.h"

#define DEFAULT_HEIGHT 760
/* Tall enough that the dashboard's table is in view. */
#define TALL_HEIGHT 2000

typedef struct
{
  char         *dir;
  char         *path;
  ScsWorkspace *workspace;
  ScsWindow    *window;
  gboolean      painted;
  guint         table_at_first_frame;  /* the dashboard table's children then */
  gboolean      rows_at_first_frame;   /* … and whether its rows were there */
} Fixture;

static GtkWidget *
dashboard_table (gpointer window)
{
  GtkWidget *table = gui_test_find_child (window, "table");

  g_assert_true (GTK_IS_GRID (table));
  return table;
}

static guint
n_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

static void
on_after_paint (GdkFrameClock *clock,
                Fixture       *fixture)
{
  GtkWidget *table = dashboard_table (fixture->window);

  g_signal_handlers_disconnect_by_func (clock, on_after_paint, fixture);
  fixture->painted = TRUE;
  fixture->table_at_first_frame = n_children (table);
  fixture->rows_at_first_frame = gtk_grid_get_child_at (GTK_GRID (table), 0, 1) != NULL;
  /* what the frame showed of it was laid out */
  for (GtkWidget *child = gtk_widget_get_first_child (table); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    g_assert_true (gtk_widget_get_mapped (child) && gtk_widget_get_width (child) > 0);
}

static void
on_map (GtkWidget *window,
        Fixture   *fixture)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (on_after_paint), fixture);
}

/* A window on the workspace, shown as scs_application_show_workspace()
 * shows one, up to its first painted frame. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(ScsOrganization) org = gui_test_sample_organization ("株式会社テスト製作所");

  fixture->dir = gui_test_make_tmp_dir ("scs-test-startup-window-XXXXXX");
  fixture->path = g_build_filename (fixture->dir, "test.scsw", NULL);
  fixture->workspace = gui_test_create_workspace (fixture->path, org, 3);
  scs_workspace_set_actor (fixture->workspace, "テスト 太郎");

  fixture->window = scs_window_new (NULL);
  scs_window_set_workspace (fixture->window, fixture->workspace);
  g_signal_connect (fixture->window, "map", G_CALLBACK (on_map), fixture);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1100,
                               user_data != NULL ? GPOINTER_TO_INT (user_data) : DEFAULT_HEIGHT);
  gtk_window_present (GTK_WINDOW (fixture->window));
  gui_test_wait_for_flag (&fixture->painted, 10);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  gui_test_drain ();
  g_assert_finalize_object (fixture->workspace);
  gui_test_remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static gboolean
is_mapped_menu_button (GtkWidget     *widget,
                       gconstpointer  data)
{
  return GTK_IS_MENU_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
         gtk_menu_button_get_primary (GTK_MENU_BUTTON (widget));
}

/* The main menu of what the window shows opens, with the application's
 * items. */
static void
assert_primary_menu_opens (ScsWindow *window)
{
  GtkMenuButton *button = GTK_MENU_BUTTON (gui_test_find (GTK_WIDGET (window), is_mapped_menu_button, NULL));
  GMenuModel *model;
  gboolean found = FALSE;

  g_assert_nonnull (button);
  gtk_menu_button_popup (button);
  gui_test_drain ();
  g_assert_true (GTK_IS_POPOVER_MENU (gtk_menu_button_get_popover (button)));
  model = gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (gtk_menu_button_get_popover (button)));
  g_assert_nonnull (model);
  for (int s = 0; s < g_menu_model_get_n_items (model) && !found; s++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, s, G_MENU_LINK_SECTION);

      for (int i = 0; section != NULL && i < g_menu_model_get_n_items (section); i++)
        {
          g_autofree char *action = NULL;

          if (g_menu_model_get_item_attribute (section, i, G_MENU_ATTRIBUTE_ACTION, "s", &action) &&
              g_str_equal (action, "app.preferences"))
            found = TRUE;
        }
    }
  g_assert_true (found);
  gtk_menu_button_popdown (button);
  gui_test_drain ();
}

static gboolean
is_recent_row (GtkWidget     *widget,
               gconstpointer  title)
{
  return ADW_IS_ACTION_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static gboolean
has_test_row (gpointer welcome)
{
  return gui_test_find (welcome, is_recent_row, "test.scsw") != NULL;
}

/* A window opened on a workspace has no welcome page; closing the
 * workspace builds it, with its recent workspaces and its main menu, and
 * a window shown without a workspace shows it at once. */
static void
test_welcome_on_demand (Fixture       *fixture,
                        gconstpointer  user_data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  g_autofree char *uri = g_filename_to_uri (fixture->path, NULL, NULL);
  ScsWindow *empty;
  GtkWidget *welcome;
  GtkWidget *row;

  g_assert_cmpstr (gui_test_window_page (window), ==, "dashboard");
  g_assert_null (gui_test_find_by_type (window, SCS_TYPE_WELCOME_PAGE));

  g_assert_true (gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri));
  scs_window_set_workspace (fixture->window, NULL);
  g_assert_cmpstr (gui_test_window_page (window), ==, "welcome");
  welcome = gui_test_find_by_type (window, SCS_TYPE_WELCOME_PAGE);
  g_assert_nonnull (welcome);
  gui_test_wait_for_widget (welcome, 10, GUI_TEST_WAIT_LAID_OUT);
  /* the recent workspace, read when the page was first shown (among
   * the others the recent manager may hold) */
  gui_test_wait_until (has_test_row, welcome, 10);
  row = gui_test_find (welcome, is_recent_row, "test.scsw");
  g_assert_true (gtk_widget_get_mapped (row));
  assert_primary_menu_opens (fixture->window);

  /* Back on the workspace it hides; closed again, it is the same page. */
  scs_window_set_workspace (fixture->window, fixture->workspace);
  g_assert_cmpstr (gui_test_window_page (window), ==, "dashboard");
  g_assert_false (gtk_widget_get_visible (welcome));
  scs_window_set_workspace (fixture->window, NULL);
  g_assert_true (gui_test_find_by_type (window, SCS_TYPE_WELCOME_PAGE) == welcome);
  g_assert_true (gtk_widget_get_visible (welcome));
  scs_window_set_workspace (fixture->window, fixture->workspace);

  /* A window shown without a workspace shows the welcome page. */
  empty = scs_window_new (NULL);
  g_assert_null (gui_test_find_by_type (GTK_WIDGET (empty), SCS_TYPE_WELCOME_PAGE));
  gui_test_present_window (GTK_WINDOW (empty), 800, 600);
  g_assert_cmpstr (gui_test_window_page (empty), ==, "welcome");
  welcome = gui_test_find_by_type (GTK_WIDGET (empty), SCS_TYPE_WELCOME_PAGE);
  g_assert_nonnull (welcome);
  gui_test_wait_for_widget (welcome, 10, GUI_TEST_WAIT_LAID_OUT);
  g_assert_true (gtk_widget_get_mapped (welcome));
  assert_primary_menu_opens (empty);
  gtk_window_destroy (GTK_WINDOW (empty));
  gtk_recent_manager_remove_item (gtk_recent_manager_get_default (), uri, NULL);
}

typedef struct
{
  guint built;
  guint mapped;
} Census;

static void
count_widgets (GtkWidget *widget,
               Census    *census)
{
  census->built++;
  if (gtk_widget_get_mapped (widget))
    census->mapped++;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    count_widgets (child, census);
}

/* At the first frame: no page, popover or menu the frame does not show;
 * nearly every widget built is on screen. */
static void
test_first_frame (Fixture       *fixture,
                  gconstpointer  user_data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  GtkWidget *review;
  Census census = { 0 };

  g_assert_cmpstr (gui_test_window_page (window), ==, "dashboard");
  g_assert_null (gui_test_find_by_type (window, SCS_TYPE_WELCOME_PAGE));
  g_assert_null (gui_test_find_by_type (window, SCS_TYPE_CHECKLIST_PAGE));
  g_assert_null (gui_test_find_by_type (window, SCS_TYPE_SCOPE_PAGE));
  g_assert_null (gui_test_find_by_type (window, GTK_TYPE_POPOVER));
  review = gui_test_find_by_type (window, SCS_TYPE_REVIEW_PAGE);
  g_assert_nonnull (review);
  g_assert_null (gtk_widget_get_first_child (review));

  count_widgets (window, &census);
  g_test_message ("first frame: %u widgets built, %u mapped", census.built, census.mapped);
  /* What stays unmapped is small: the header bars' window controls of the
   * other side, scrollbars, labels and buttons shown only with some
   * workspaces (read-only, re-confirmation, the review banner). */
  g_assert_cmpuint (census.built - census.mapped, <=, 70);
}

static gboolean
has_rows (gpointer table)
{
  return gtk_grid_get_child_at (table, 0, 1) != NULL;
}

/* The text of the table's cell in @column (1 = met … last = total) of the
 * "all categories" row, the last. */
static const char *
total_cell (GtkWidget *table,
            guint      column)
{
  int rows = 0;
  GtkWidget *cell;

  while (gtk_grid_get_child_at (GTK_GRID (table), 0, rows + 1) != NULL)
    rows++;
  cell = gtk_grid_get_child_at (GTK_GRID (table), column, rows);
  g_assert_true (GTK_IS_LABEL (cell));
  return gtk_label_get_label (GTK_LABEL (cell));
}

/* The rows of the dashboard's table, out of view in a window of the
 * default size, are not in the first frame, its heading is; they come after
 * it, with the workspace's figures, follow the answers, and their
 * categories open the checklist. */
static void
test_table_after_first_frame (Fixture       *fixture,
                              gconstpointer  user_data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  GtkWidget *table = dashboard_table (window);
  const ScsCriterion *criterion = g_ptr_array_index (scs_catalog_get_criteria (scs_workspace_get_catalog (fixture->workspace)), 0);
  ScsProgress all;
  g_autofree char *total = NULL;
  g_autofree char *unanswered = NULL;
  int columns = 0;

  g_assert_false (fixture->rows_at_first_frame);
  g_assert_cmpuint (fixture->table_at_first_frame, ==, 6);
  gui_test_wait_until (has_rows, table, 10);
  scs_workspace_get_progress (fixture->workspace, 0, 3, &all);
  g_assert_cmpuint (all.total, >, 0);
  total = g_strdup_printf ("%u", all.total);
  while (gtk_grid_get_child_at (GTK_GRID (table), columns + 1, 0) != NULL)
    columns++;
  g_assert_cmpint (columns, ==, 5);
  /* met 0 … unanswered all, total all */
  g_assert_cmpstr (total_cell (table, 1), ==, "0");
  g_assert_cmpstr (total_cell (table, 4), ==, total);
  g_assert_cmpstr (total_cell (table, columns), ==, total);

  /* An answer changes it. */
  g_assert_true (gtk_widget_activate_action (window, "win.set-status", "(ss)", criterion->id, "met"));
  unanswered = g_strdup_printf ("%u", all.total - 1);
  g_assert_cmpstr (total_cell (table, 1), ==, "1");
  g_assert_cmpstr (total_cell (table, 4), ==, unanswered);

  /* A category's button opens it in the checklist. */
  g_assert_true (GTK_IS_BUTTON (gtk_grid_get_child_at (GTK_GRID (table), 0, 2)));
  g_signal_emit_by_name (gtk_grid_get_child_at (GTK_GRID (table), 0, 2), "clicked");
  gui_test_drain ();
  g_assert_cmpstr (gui_test_window_page (window), ==, "checklist");
}

/* In a window tall enough to show them, the rows are in the first frame. */
static void
test_table_in_view (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_assert_true (fixture->rows_at_first_frame);
  g_assert_cmpuint (fixture->table_at_first_frame, >, 6);
  g_assert_cmpstr (total_cell (dashboard_table (fixture->window), 1), ==, "0");
}

int
main (int   argc,
      char *argv[])
{
  gui_test_init (&argc, &argv, "ja");

  g_test_add ("/scs/startup-window/welcome-on-demand", Fixture, NULL,
              fixture_set_up, test_welcome_on_demand, fixture_tear_down);
  g_test_add ("/scs/startup-window/first-frame", Fixture, NULL,
              fixture_set_up, test_first_frame, fixture_tear_down);
  g_test_add ("/scs/startup-window/table-after-first-frame", Fixture, NULL,
              fixture_set_up, test_table_after_first_frame, fixture_tear_down);
  g_test_add ("/scs/startup-window/table-in-view", Fixture, GINT_TO_POINTER (TALL_HEIGHT),
              fixture_set_up, test_table_in_view, fixture_tear_down);

  return g_test_run ();
}
