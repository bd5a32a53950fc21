/* test-scope.c: the scope page — a cell edited in place (label, then entry)
 * reaches the model and the file, a refused edit puts the cell back and
 * changes nothing, findings follow live, sorting and filtering work, add and
 * remove go through the page's actions, and the page renders (PNG to look at)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <adwaita.h>

#include "gui-test-util.h"
#include "scs-i18n.h"
#include "scs-scope-page.h"
#include "scs-screenshot.h"
#include "scs-ui-resources.h"

typedef struct
{
  char         *dir;
  char         *path;
  ScsWorkspace *workspace;
  ScsScope     *scope;
  gint64        fw;
  gint64        vpn;
  gint64        ot;
} Fixture;

static gint64
add (ScsScope     *scope,
     ScsScopeKind  kind,
     ...)
{
  g_autoptr(GHashTable) fields = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  const char *key;
  va_list args;
  gint64 id;

  va_start (args, kind);
  while ((key = va_arg (args, const char *)) != NULL)
    g_hash_table_insert (fields, (gpointer) key, va_arg (args, char *));
  va_end (args);
  id = scs_scope_add_item (scope, kind, fields, &error);
  g_assert_no_error (error);
  return id;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsOrganization) org = scs_organization_new ();
  fixture->dir = g_dir_make_tmp ("scs-gui-scope-XXXXXX", &error);
  fixture->path = g_build_filename (fixture->dir, "test.scsw", NULL);
  org->name = g_strdup ("株式会社さくら精機");
  org->corporate_number = g_strdup ("7000012050002");
  fixture->workspace = gui_test_create_workspace (fixture->path, org, 4);
  fixture->scope = scs_scope_get (fixture->workspace, &error);
  g_assert_no_error (error);

  g_assert_true (scs_scope_set_unit (fixture->scope, SCS_SCOPE_UNIT_COMPANY,
                                     "本社と群馬工場の情報システム", "株式会社さくら精機\n本社\n群馬工場", &error));
  add (fixture->scope, SCS_SCOPE_KIND_NETWORK, "name", "本社LAN", "location", "東京", NULL);
  add (fixture->scope, SCS_SCOPE_KIND_NETWORK, "name", "工場LAN", "location", "群馬", NULL);
  add (fixture->scope, SCS_SCOPE_KIND_SERVER, "name", "ファイルサーバ", "zone", "本社LAN", NULL);
  add (fixture->scope, SCS_SCOPE_KIND_ENDPOINT, "name", "事務PC", "os-model", "Windows 11", "count", "30",
       "zone", "本社LAN", NULL);
  fixture->fw = add (fixture->scope, SCS_SCOPE_KIND_BOUNDARY, "name", "本社UTM", "type", "firewall",
                     "model", "FortiGate 60F", NULL);
  fixture->vpn = add (fixture->scope, SCS_SCOPE_KIND_BOUNDARY, "name", "VPNルータ", "type", "router",
                      "administrator", "情報システム課", NULL);
  add (fixture->scope, SCS_SCOPE_KIND_INTERNET, "name", "Webサイト", "type", "web", NULL);
  add (fixture->scope, SCS_SCOPE_KIND_CLOUD, "name", "Microsoft 365", "provider", "Microsoft",
       "responsibility", "基盤は事業者", "check-method", "ismap", NULL);
  fixture->ot = add (fixture->scope, SCS_SCOPE_KIND_NETWORK, "name", "制御系ネットワーク", NULL);
  g_assert_true (scs_scope_set_status (fixture->scope, fixture->ot, SCS_SCOPE_STATUS_EXCLUDED, "OT",
                                       "一方向ゲートウェイ", TRUE, &error));
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

/* The editable cell of item @id in @column, searched in the widget tree. */
static ScsScopeCell *
find_cell (GtkWidget  *root,
           gint64      id,
           const char *column)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      ScsScopeCell *found;

      if (SCS_IS_SCOPE_CELL (child))
        {
          ScsScopeItem *item = g_object_get_data (G_OBJECT (child), "item");

          if (item != NULL && scs_scope_item_get_id (item) == id &&
              g_strcmp0 (g_object_get_data (G_OBJECT (child), "column"), column) == 0)
            return SCS_SCOPE_CELL (child);
        }
      found = find_cell (child, id, column);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The drop-down of item @id in @column (a field with a list of values). */
static GtkDropDown *
find_choice (GtkWidget  *root,
             gint64      id,
             const char *column)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkDropDown *found;

      if (GTK_IS_DROP_DOWN (child))
        {
          ScsScopeItem *item = g_object_get_data (G_OBJECT (child), "item");

          if (item != NULL && scs_scope_item_get_id (item) == id &&
              g_strcmp0 (g_object_get_data (G_OBJECT (child), "column"), column) == 0)
            return GTK_DROP_DOWN (child);
        }
      found = find_choice (child, id, column);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static const char *
choice_text (GtkDropDown *dropdown)
{
  return gtk_string_object_get_string (gtk_drop_down_get_selected_item (dropdown));
}

static gboolean
has_finding (ScsScopePage *page,
             const char   *rule)
{
  GtkWidget *list = gui_test_find_child (GTK_WIDGET (page), "findings");

  /* the rule's code is the finding's tooltip */
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (gtk_widget_get_tooltip_text (row), rule) == 0)
      return TRUE;
  return FALSE;
}

/* The message of the last refused edit as the page shows it, or NULL. */
static const char *
shown_error (ScsScopePage *page)
{
  GtkWidget *label = gui_test_find_child (GTK_WIDGET (page), "error_label");

  return gtk_widget_get_visible (label) ? gtk_label_get_text (GTK_LABEL (label)) : NULL;
}

/* The table of @kind (built when the page is first mapped). */
static GtkColumnView *
table_of (ScsScopePage *page,
          ScsScopeKind  kind)
{
  g_autofree char *name = g_strconcat ("table-", scs_scope_kind_to_string (kind), NULL);
  GtkWidget *view = gui_test_find_by_name (GTK_WIDGET (page), name);

  g_assert_true (GTK_IS_COLUMN_VIEW (view));
  return GTK_COLUMN_VIEW (view);
}

static gboolean
cell_editing (ScsScopeCell *cell)
{
  gboolean editing;

  g_object_get (cell, "editing", &editing, NULL);
  return editing;
}

static void
edit_cell (ScsScopeCell *cell,
           const char   *text)
{
  GtkEditable *entry;

  /* As a person does: start editing (Enter), type, press Enter. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (cell), "editing.start", NULL));
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (cell_editing (cell));
  entry = GTK_EDITABLE (gui_test_find_by_type (GTK_WIDGET (cell), GTK_TYPE_TEXT));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (entry)));
  gtk_editable_set_text (entry, text);
  g_signal_emit_by_name (entry, "activate");
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  g_assert_false (cell_editing (cell));
}

static void
test_edit_in_place (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWidget *window = gtk_window_new ();
  ScsScopePage *page = SCS_SCOPE_PAGE (scs_scope_page_new ());
  GtkColumnView *view;
  ScsScopeCell *cell;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 760);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  scs_scope_page_set_workspace (page, fixture->workspace);
  scs_scope_page_show_kind (page, SCS_SCOPE_KIND_BOUNDARY);
  gtk_window_present (GTK_WINDOW (window));
  gui_test_wait_for_widget (GTK_WIDGET (page), 10, GUI_TEST_WAIT_LAID_OUT);

  view = table_of (page, SCS_SCOPE_KIND_BOUNDARY);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (view))), ==, 2);
  g_assert_true (has_finding (page, "boundary-without-administrator"));

  /* The type is a drop-down of Japanese labels, never the stored code */
  {
    GtkDropDown *type = find_choice (GTK_WIDGET (view), fixture->fw, "type");
    GListModel *labels;
    guint router = GTK_INVALID_LIST_POSITION;

    g_assert_nonnull (type);
    g_assert_cmpstr (choice_text (type), ==, "ファイアウォール・UTM");
    labels = gtk_drop_down_get_model (type);
    for (guint i = 0; i < g_list_model_get_n_items (labels); i++)
      {
        g_autoptr(GtkStringObject) label = g_list_model_get_item (labels, i);

        g_assert_null (strstr (gtk_string_object_get_string (label), "vpn-gateway"));
        if (g_str_equal (gtk_string_object_get_string (label), "ルーター"))
          router = i;
      }
    g_assert_cmpuint (router, !=, GTK_INVALID_LIST_POSITION);
    gtk_drop_down_set_selected (type, router);
    while (g_main_context_pending (NULL))
      g_main_context_iteration (NULL, FALSE);
    g_assert_cmpstr (scs_scope_item_get_field (scs_scope_lookup (fixture->scope, fixture->fw), "type"), ==,
                     "router");
    type = find_choice (GTK_WIDGET (view), fixture->fw, "type");
    g_assert_cmpstr (choice_text (type), ==, "ルーター");
    gtk_drop_down_set_selected (type, 1);
    while (g_main_context_pending (NULL))
      g_main_context_iteration (NULL, FALSE);
    g_assert_cmpstr (scs_scope_item_get_field (scs_scope_lookup (fixture->scope, fixture->fw), "type"), ==,
                     "firewall");
  }

  /* Edit the administrator of the firewall in its cell */
  cell = find_cell (GTK_WIDGET (view), fixture->fw, "administrator");
  g_assert_nonnull (cell);
  edit_cell (cell, "情報システム課 鈴木");
  g_assert_null (shown_error (page));
  g_assert_cmpstr (scs_scope_item_get_field (scs_scope_lookup (fixture->scope, fixture->fw), "administrator"),
                   ==, "情報システム課 鈴木");
  g_assert_false (has_finding (page, "boundary-without-administrator"));

  /* A refused value: the message shows, the cell returns, nothing is written */
  before = gui_test_file_state (fixture->path);
  cell = find_cell (GTK_WIDGET (view), fixture->vpn, "vuln-test");
  g_assert_nonnull (cell);
  edit_cell (cell, "先週");
  g_assert_nonnull (shown_error (page));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gui_test_find_by_type (GTK_WIDGET (cell), GTK_TYPE_LABEL))), ==, "");
  after = gui_test_file_state (fixture->path);
  g_assert_cmpstr (before, ==, after);

  /* The reason column of an excluded network */
  scs_scope_page_show_kind (page, SCS_SCOPE_KIND_NETWORK);

  /* The connected flag, the separation measure and the expert's mark with
   * its comment of the excluded network, through the page's actions */
  {
    ScsScopeItem *ot = scs_scope_lookup (fixture->scope, fixture->ot);
    g_autofree char *state = NULL;
    g_autofree char *state_after = NULL;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "scope.set-connected", "(xb)",
                                               fixture->ot, FALSE));
    g_assert_null (shown_error (page));
    g_assert_false (scs_scope_item_get_connected (ot));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "scope.set-connected", "(xb)",
                                               fixture->ot, TRUE));
    g_assert_true (scs_scope_item_get_connected (ot));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "scope.set-field", "(xss)",
                                               fixture->ot, "separation", "VLAN 20 と一方向ゲートウェイ"));
    g_assert_cmpstr (scs_scope_item_get_separation (ot), ==, "VLAN 20 と一方向ゲートウェイ");

    /* Questioning needs a comment: refused, nothing written */
    state = gui_test_file_state (fixture->path);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "scope.set-review", "(xss)",
                                               fixture->ot, "questioned", ""));
    g_assert_nonnull (shown_error (page));
    g_assert_cmpint (scs_scope_item_get_review (ot), ==, SCS_SCOPE_REVIEW_NONE);
    state_after = gui_test_file_state (fixture->path);
    g_assert_cmpstr (state, ==, state_after);

    /* Only the expert marks a reason: refused under a staff profile … */
    {
      g_autofree char *profile = g_build_filename (fixture->dir, "expert.ini", NULL);

      g_setenv ("SCS_PROFILE", profile, TRUE);
      g_assert_true (g_file_set_contents (profile, "[Profile]\nname=山田 花子\nrole=sme\n", -1, NULL));
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "scope.set-review", "(xss)",
                                                 fixture->ot, "questioned", "制御系と事務系の境界が図に無い"));
      g_assert_nonnull (shown_error (page));
      g_assert_cmpint (scs_scope_item_get_review (ot), ==, SCS_SCOPE_REVIEW_NONE);
      /* … and taken under the expert's */
      g_assert_true (g_file_set_contents (profile, "[Profile]\nname=山田 花子\nrole=expert\n", -1, NULL));
    }
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "scope.set-review", "(xss)",
                                               fixture->ot, "questioned", "制御系と事務系の境界が図に無い"));
    g_assert_null (shown_error (page));
    g_assert_cmpint (scs_scope_item_get_review (ot), ==, SCS_SCOPE_REVIEW_QUESTIONED);
    g_assert_cmpstr (scs_scope_item_get_review_comment (ot), ==, "制御系と事務系の境界が図に無い");
    /* The comment cell edits the comment and keeps the mark */
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "scope.set-field", "(xss)",
                                               fixture->ot, "review-comment", "境界の図を追加してください"));
    g_assert_cmpint (scs_scope_item_get_review (ot), ==, SCS_SCOPE_REVIEW_QUESTIONED);
    g_assert_cmpstr (scs_scope_item_get_review_comment (ot), ==, "境界の図を追加してください");
  }
  /* The whole window, so nothing is left transparent (black) in the PNG */
  gui_test_save_png (window, "", "scope-page.png", "", GUI_TEST_WAIT_LAID_OUT);

  /* Sorting by the name column, descending */
  {
    GtkColumnView *networks = table_of (page, SCS_SCOPE_KIND_NETWORK);
    GListModel *columns = gtk_column_view_get_columns (networks);
    g_autoptr(GtkColumnViewColumn) name_column = g_list_model_get_item (columns, 0);
    GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (networks));
    g_autoptr(ScsScopeItem) first = NULL;
    g_autoptr(ScsScopeItem) last = NULL;

    gtk_column_view_sort_by_column (networks, name_column, GTK_SORT_ASCENDING);
    first = g_list_model_get_item (model, 0);
    gtk_column_view_sort_by_column (networks, name_column, GTK_SORT_DESCENDING);
    last = g_list_model_get_item (model, g_list_model_get_n_items (model) - 1);
    g_assert_true (first == last);
    g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);

    /* Filtering */
    {
      GtkWidget *search = NULL;

      for (GtkWidget *w = gtk_widget_get_first_child (GTK_WIDGET (page)); w != NULL; )
        {
          /* not the drop-downs' own search entries in their popovers */
          if (GTK_IS_SEARCH_ENTRY (w) && gtk_widget_get_ancestor (w, GTK_TYPE_POPOVER) == NULL)
            {
              search = w;
              break;
            }
          if (gtk_widget_get_first_child (w) != NULL)
            w = gtk_widget_get_first_child (w);
          else
            {
              while (w != NULL && gtk_widget_get_next_sibling (w) == NULL)
                w = gtk_widget_get_parent (w) == GTK_WIDGET (page) ? NULL : gtk_widget_get_parent (w);
              if (w != NULL)
                w = gtk_widget_get_next_sibling (w);
            }
        }
      g_assert_nonnull (search);
      gtk_editable_set_text (GTK_EDITABLE (search), "群馬");
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
      /* search-changed is delayed; force the filter */
      g_signal_emit_by_name (search, "search-changed");
      g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
      gtk_editable_set_text (GTK_EDITABLE (search), "");
      g_signal_emit_by_name (search, "search-changed");
      g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
    }
  }

  /* Add and remove through the actions */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "scope.add-current", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (scs_scope_get_items (fixture->scope, SCS_SCOPE_KIND_NETWORK)), ==, 4);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "scope.remove-selected", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (scs_scope_get_items (fixture->scope, SCS_SCOPE_KIND_NETWORK)), ==, 3);

  /* The diagram on its own */
  gui_test_save_png (gui_test_find_child (GTK_WIDGET (page), "diagram"), "", "scope-page-diagram.png", "", GUI_TEST_WAIT_LAID_OUT);

  gtk_window_destroy (GTK_WINDOW (window));

  /* The edit is in the file */
  {
    g_autoptr(ScsWorkspace) reopened = NULL;
    ScsScope *scope;

    g_clear_object (&fixture->workspace);
    reopened = scs_workspace_open (fixture->path, &error);
    g_assert_no_error (error);
    scope = scs_scope_get (reopened, &error);
    g_assert_cmpstr (scs_scope_item_get_field (scs_scope_lookup (scope, fixture->fw), "administrator"),
                     ==, "情報システム課 鈴木");
  }
}

int
main (int   argc,
      char *argv[])
{
  gui_test_init (&argc, &argv, "ja");

  g_test_add ("/scs/gui/scope/edit-in-place", Fixture, NULL, fixture_set_up, test_edit_in_place,
              fixture_tear_down);

  return g_test_run ();
}
