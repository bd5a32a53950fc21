/* test-a11y.c: every interactive widget has a name, and the ★3 flow works from the keyboard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Walks the widget trees of the main window (welcome page; a workspace
 * with the dashboard and a checklist page with rows), the new-workspace
 * dialog and the preferences window, and asserts that every interactive
 * widget — buttons, toggles, check buttons, switches, entries, text views,
 * drop-downs, spin buttons, activatable list rows — has an accessible name:
 * GTK_ACCESSIBLE_PROPERTY_LABEL, a labelled-by relation, or a visible label
 * inside it (a button's or a row's own text). The widgets GTK builds inside
 * its composite widgets (the entry of a spin button, the button of a menu
 * button or drop-down, the window controls) are GTK's business and skipped.
 * A failure lists every widget without a name, with its CSS name, type and
 * the path to it, so it can be found.
 *
 * The keyboard test walks the checklist with the focus chain
 * (gtk_widget_child_focus, what Tab does), answers a criterion by
 * activating the focused status button (what Space/Enter do), and moves and
 * answers with the page's keyboard actions (Ctrl+Page Down, Alt+1), then
 * checks the answers in the model. GTK's test accessibility backend
 * (GTK_A11Y=test) records the properties these assertions read.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <adwaita.h>

#include "checklist-test-util.h"
#include "gui-test-util.h"
#include "scs-application.h"
#include "scs-checklist-page.h"
#include "scs-corporate-number.h"
#include "scs-criterion-row.h"
#include "scs-i18n.h"
#include "scs-new-workspace-dialog.h"
#include "scs-preferences-window.h"
#include "scs-ui-resources.h"
#include "scs-window.h"
#include "scs-workspace.h"

typedef struct
{
  char         *dir;
  char         *path;
  ScsWorkspace *workspace;
  ScsWindow    *window;
} Fixture;

typedef struct
{
  ScsWorkspace   *workspace;
  const char     *id;
  ScsAnswerState  state;
} StateWait;

static gboolean
state_is (gpointer data)
{
  StateWait *wait = data;

  return scs_answer_get_state (scs_workspace_lookup_answer (wait->workspace, wait->id)) == wait->state;
}

/* A button activated from the keyboard shows itself pressed for a moment
 * before it emits "clicked": wait for the model. */
static void
wait_state (ScsWorkspace   *workspace,
            const char     *id,
            ScsAnswerState  state)
{
  gui_test_wait_until (state_is, &(StateWait) { workspace, id, state }, 10);
}

/* ------------------------------------------------------- accessible names */

static gboolean
has_visible_text (GtkWidget *widget)
{
  if (!gtk_widget_get_visible (widget))
    return FALSE;
  if (GTK_IS_LABEL (widget))
    {
      g_autofree char *text = g_strstrip (g_strdup (gtk_label_get_text (GTK_LABEL (widget))));

      return text != NULL && *text != '\0';
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (has_visible_text (child))
      return TRUE;
  return FALSE;
}

static gboolean
has_name (GtkWidget *widget)
{
  GtkAccessible *accessible = GTK_ACCESSIBLE (widget);

  if (gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL) ||
      gtk_test_accessible_has_relation (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    return TRUE;

  /* Buttons, check buttons and rows are named by their own text. Text
   * fields, switches and drop-downs need a label of their own. */
  if (GTK_IS_BUTTON (widget) || GTK_IS_CHECK_BUTTON (widget) || GTK_IS_LIST_BOX_ROW (widget))
    return has_visible_text (widget);
  return FALSE;
}

static gboolean
is_interactive (GtkWidget *widget)
{
  if (GTK_IS_LIST_BOX_ROW (widget))
    return gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (widget)) ||
           gtk_list_box_row_get_selectable (GTK_LIST_BOX_ROW (widget));
  return GTK_IS_BUTTON (widget) || GTK_IS_CHECK_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget) ||
         GTK_IS_SWITCH (widget) || GTK_IS_EDITABLE (widget) || GTK_IS_TEXT_VIEW (widget) ||
         GTK_IS_DROP_DOWN (widget) || GTK_IS_SCALE (widget);
}

/* GTK's composite widgets name their insides themselves; the header bar
 * of an AdwPreferencesWindow is libadwaita's own (its search entry has no
 * name in libadwaita 1.2, and nothing of ours goes there). */
static gboolean
is_composite (GtkWidget *widget)
{
  if (ADW_IS_HEADER_BAR (widget) && ADW_IS_PREFERENCES_WINDOW (gtk_widget_get_root (widget)))
    return TRUE;
  return GTK_IS_MENU_BUTTON (widget) || GTK_IS_DROP_DOWN (widget) || GTK_IS_SPIN_BUTTON (widget) ||
         GTK_IS_ENTRY (widget) || GTK_IS_SEARCH_ENTRY (widget) || GTK_IS_PASSWORD_ENTRY (widget) ||
         GTK_IS_WINDOW_CONTROLS (widget) || GTK_IS_SCROLLBAR (widget) || GTK_IS_POPOVER (widget) ||
         GTK_IS_CALENDAR (widget) || GTK_IS_COLOR_BUTTON (widget) || GTK_IS_FONT_BUTTON (widget) ||
         ADW_IS_SPLIT_BUTTON (widget) || ADW_IS_ENTRY_ROW (widget) || ADW_IS_COMBO_ROW (widget);
}

static void
collect_unnamed (GtkWidget  *widget,
                 const char *path,
                 GString    *report,
                 guint      *n_checked)
{
  g_autofree char *here = g_strdup_printf ("%s/%s", path, G_OBJECT_TYPE_NAME (widget));

  if (!gtk_widget_get_visible (widget))
    return;

  if (is_interactive (widget))
    {
      (*n_checked)++;
      if (!has_name (widget))
        g_string_append_printf (report, "  %s (css %s%s%s)\n", here, gtk_widget_get_css_name (widget),
                                gtk_widget_get_name (widget) ? ", name " : "",
                                gtk_widget_get_name (widget) ? gtk_widget_get_name (widget) : "");
    }
  if (is_composite (widget))
    return;

  /* A spin button's entry, an entry row's text: a GtkText inside an
   * editable is that editable's. */
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_TEXT (child) && GTK_IS_EDITABLE (widget))
        continue;
      collect_unnamed (child, here, report, n_checked);
    }
}

static void
assert_all_named (GtkWidget  *root,
                  const char *what,
                  guint       at_least)
{
  g_autoptr(GString) report = g_string_new (NULL);
  guint n_checked = 0;

  collect_unnamed (root, "", report, &n_checked);
  if (report->len > 0)
    g_error ("%s: interactive widgets without an accessible name:\n%s", what, report->str);
  g_test_message ("%s: %u interactive widgets, all named", what, n_checked);
  /* The walk itself must have found the widgets it claims to check. */
  g_assert_cmpuint (n_checked, >=, at_least);
}

/* --------------------------------------------------------------- fixtures */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(ScsOrganization) org = gui_test_sample_organization ("株式会社アクセス製作所");

  fixture->dir = gui_test_make_tmp_dir ("scs-test-a11y-XXXXXX");
  fixture->path = g_build_filename (fixture->dir, "a11y.scsw", NULL);
  fixture->workspace = gui_test_create_workspace (fixture->path, org, 3);
  scs_workspace_set_actor (fixture->workspace, "テスト 太郎");

  fixture->window = scs_window_new (NULL);
  gui_test_present_window (GTK_WINDOW (fixture->window), 1200, 800);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  gui_test_drain ();
  g_clear_object (&fixture->workspace);
  gui_test_remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static void
show_category (Fixture *fixture,
               guint    category)
{
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-category", "u", category);
  gui_test_drain ();
  g_assert_cmpstr (gui_test_window_page (fixture->window), ==, "checklist");
  gui_test_wait_until (gui_test_is_mapped, GTK_WIDGET (checklist_test_page (fixture->window)), 10);
}

/* ------------------------------------------------------------------ tests */

static void
test_names_welcome (Fixture       *fixture,
                    gconstpointer  user_data)
{
  assert_all_named (GTK_WIDGET (fixture->window), "welcome page", 3);
}

static void
test_names_workspace (Fixture       *fixture,
                      gconstpointer  user_data)
{
  scs_window_set_workspace (fixture->window, fixture->workspace);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-dashboard", NULL);
  gui_test_drain ();
  assert_all_named (GTK_WIDGET (fixture->window), "workspace, dashboard", 10);

  /* Category 4 has requirements with evidence and notes; category 1 is
   * the first a user sees. Rows bring status buttons and note editors. */
  for (guint category = 1; category <= 7; category += 3)
    {
      g_autofree char *what = g_strdup_printf ("checklist of category %u", category);
      ScsChecklistPage *page = checklist_test_page (fixture->window);

      show_category (fixture, category);
      /* Rows exist for the criteria in view: each of those is checked. */
      g_assert_cmpuint (checklist_test_n_visible (page), >, 0);
      g_assert_cmpuint (checklist_test_count_rows (GTK_WIDGET (page)), >, 0);
      assert_all_named (GTK_WIDGET (fixture->window), what, 5 * checklist_test_count_rows (GTK_WIDGET (page)));
    }

  /* The search bar and its filter, when shown. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.search", NULL);
  gui_test_drain ();
  assert_all_named (GTK_WIDGET (fixture->window), "checklist with search", 10);
}

static void
test_names_dialogs (Fixture       *fixture,
                    gconstpointer  user_data)
{
  ScsNewWorkspaceDialog *dialog = scs_new_workspace_dialog_new (GTK_WINDOW (fixture->window));
  ScsPreferencesWindow *preferences;

  gtk_window_present (GTK_WINDOW (dialog));
  gui_test_wait_until (gui_test_is_mapped, GTK_WIDGET (dialog), 10);
  assert_all_named (GTK_WIDGET (dialog), "new-workspace dialog", 3);
  gtk_window_destroy (GTK_WINDOW (dialog));

  preferences = scs_preferences_window_new (GTK_WINDOW (fixture->window));
  gtk_window_present (GTK_WINDOW (preferences));
  gui_test_wait_until (gui_test_is_mapped, GTK_WIDGET (preferences), 10);
  assert_all_named (GTK_WIDGET (preferences), "preferences", 2);
  gtk_window_destroy (GTK_WINDOW (preferences));
  gui_test_drain ();
}

/* The ★3 flow without a mouse. */
static void
test_keyboard_flow (Fixture       *fixture,
                    gconstpointer  user_data)
{
  ScsChecklistPage *page;
  GtkWidget *focus = NULL;
  ScsCriterionRow *row = NULL;
  const char *first_id, *second_id;
  guint steps;

  scs_window_set_workspace (fixture->window, fixture->workspace);
  show_category (fixture, 1);
  page = checklist_test_page (fixture->window);
  first_id = checklist_test_visible_id (page, 0);
  second_id = checklist_test_visible_id (page, 1);
  g_assert_nonnull (first_id);
  g_assert_nonnull (second_id);

  /* Tab from the start of the window until the focus reaches the first
   * criterion's "met" button: the focus chain goes through the criteria. */
  gtk_window_set_focus (GTK_WINDOW (fixture->window), NULL);
  for (steps = 0; steps < 400; steps++)
    {
      if (!gtk_widget_child_focus (GTK_WIDGET (fixture->window), GTK_DIR_TAB_FORWARD))
        continue;   /* wrapped around: keep going from the start */
      focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
      row = scs_checklist_page_get_focused_row (page);
      if (row != NULL && g_str_equal (checklist_test_row_id (row), first_id) &&
          focus == scs_criterion_row_get_status_button (row, SCS_ANSWER_MET))
        break;
    }
  g_assert_cmpuint (steps, <, 400);
  g_assert_true (gtk_widget_has_focus (focus));

  /* Space/Enter on the focused button: what gtk_widget_activate does. */
  g_assert_true (gtk_widget_activate (focus));
  wait_state (fixture->workspace, first_id, SCS_ANSWER_MET);

  /* Tab onwards: the other status buttons of the same criterion follow. */
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (fixture->window), GTK_DIR_TAB_FORWARD));
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_true (focus == scs_criterion_row_get_status_button (row, SCS_ANSWER_NOT_MET));
  g_assert_true (gtk_widget_activate (focus));
  wait_state (fixture->workspace, first_id, SCS_ANSWER_NOT_MET);

  /* Ctrl+Page Down moves to the next criterion, Alt+1 answers it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "checklist.next", NULL));
  gui_test_drain ();
  row = scs_checklist_page_get_focused_row (page);
  g_assert_nonnull (row);
  g_assert_cmpstr (checklist_test_row_id (row), ==, second_id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "checklist.set-focused-status", "s", "met"));
  gui_test_drain ();
  g_assert_cmpint (scs_answer_get_state (scs_workspace_lookup_answer (fixture->workspace, second_id)),
                   ==, SCS_ANSWER_MET);

  /* Ctrl+Z: undo is a window action with an accelerator. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  gui_test_drain ();
  g_assert_cmpint (scs_answer_get_state (scs_workspace_lookup_answer (fixture->workspace, second_id)),
                   ==, SCS_ANSWER_UNANSWERED);
}

/* Focus must stay visible: the stylesheet never takes the focus ring away. */
static void
test_focus_visible (void)
{
  g_autoptr(GBytes) css = g_resources_lookup_data ("/jp/scsworkbench/Workbench/style.css", 0, NULL);
  g_autofree char *text = NULL;
  g_autofree char *squeezed = NULL;
  g_autoptr(GString) flat = g_string_new (NULL);

  g_assert_nonnull (css);
  text = g_strndup (g_bytes_get_data (css, NULL), g_bytes_get_size (css));
  for (const char *p = text; *p; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (flat, *p);
  squeezed = g_string_free (g_steal_pointer (&flat), FALSE);
  g_assert_null (strstr (squeezed, "outline:none"));
  g_assert_null (strstr (squeezed, "outline-style:none"));
  g_assert_null (strstr (squeezed, "outline-width:0"));
  g_assert_null (strstr (squeezed, "outline:0"));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = g_dir_make_tmp ("scs-test-data-XXXXXX", NULL);
  int status;

  /* GTK's test backend keeps the accessible properties for the asserts;
   * recently used files go to a scratch directory. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  gui_test_init_gtk_test (&argc, &argv, "ja");

  g_test_add ("/scs/a11y/names/welcome", Fixture, NULL, fixture_set_up, test_names_welcome, fixture_tear_down);
  g_test_add ("/scs/a11y/names/workspace", Fixture, NULL, fixture_set_up, test_names_workspace, fixture_tear_down);
  g_test_add ("/scs/a11y/names/dialogs", Fixture, NULL, fixture_set_up, test_names_dialogs, fixture_tear_down);
  g_test_add ("/scs/a11y/keyboard-flow", Fixture, NULL, fixture_set_up, test_keyboard_flow, fixture_tear_down);
  g_test_add_func ("/scs/a11y/focus-visible", test_focus_visible);

  status = g_test_run ();
  gui_test_remove_tree (data_home);
  return status;
}
