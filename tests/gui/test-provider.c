/* test-provider.c: the service-provider dossier page
 *
 * A provider workspace linked to a ★4 workspace whose scope does not
 * cover the service department, with a tool and a re-delegation declared:
 * the window shows the dossier's categories and its page, the page lists
 * every dossier item with its status, the tool register, and the check in
 * Japanese words — the department outside the ★4 scope, the re-delegation,
 * the unsigned pledge — never a finding's code; "暫定" is shown. After the
 * department is brought into the ★4 scope elsewhere, showing the page again
 * no longer names it. SCS and other types hide the page's row.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "scs-provider-page.h"
#include "scs-provider.h"
#include "scs-renewal.h"
#include "scs-scope.h"
#include "scs-window.h"

#include "gui-test-util.h"

#define DEPARTMENT "セキュリティサービス部"

/* All text of the rows of the page's list @buildable_id, joined. */
static char *
box_text (ScsProviderPage *page,
          const char      *buildable_id)
{
  GtkWidget *box = gui_test_find_child (GTK_WIDGET (page), buildable_id);
  GString *text = g_string_new (NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (box)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_ACTION_ROW (row))
      g_string_append_printf (text, "%s\n%s\n", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                              adw_action_row_get_subtitle (ADW_ACTION_ROW (row)) ?: "");
  return g_string_free (text, FALSE);
}

static GtkWidget *
find_preferences_group_text (GtkWidget  *widget,
                             const char *needle)
{
  if (ADW_IS_PREFERENCES_GROUP (widget))
    {
      const char *description = adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (widget));

      if (description != NULL && strstr (description, needle) != NULL)
        return widget;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_preferences_group_text (child, needle);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_page_shows_check (void)
{
  g_autofree char *dir = gui_test_make_tmp_dir ("scs-test-provider-XXXXXX");
  g_autofree char *star4_path = g_build_filename (dir, "star4.scsw", NULL);
  g_autofree char *path = g_build_filename (dir, "dossier.scsw", NULL);
  g_autoptr(ScsOrganization) org = gui_test_sample_organization ("株式会社セキュアサービス");
  g_autoptr(ScsCatalog) builtin = scs_catalog_new_builtin ();
  g_autoptr(ScsCatalog) dossier = scs_provider_catalog_new ();
  g_autoptr(ScsWorkspace) star4 = NULL;
  g_autoptr(ScsWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *findings = NULL;
  g_autofree char *items = NULL;
  g_autofree char *tools = NULL;
  ScsProviderSubcontract subcontract = { SCS_PROVIDER_VULNERABILITY, FALSE, NULL, TRUE };
  ScsWindow *window;
  ScsProviderPage *page;
  GtkListBox *sidebar;
  GtkListBoxRow *row;
  ScsScope *scope;

  star4 = scs_workspace_create (star4_path, org, 4, builtin, &error);
  g_assert_no_error (error);
  g_assert_true (scs_workspace_set_answer (star4, "1-2-1-1", SCS_ANSWER_MET, NULL, NULL, &error));
  g_assert_true (scs_renewal_record_certification (star4, 4, "2026-04-01", "SCS4-1", &error));
  scope = scs_scope_get (star4, &error);
  g_assert_true (scs_scope_set_unit (scope, SCS_SCOPE_UNIT_DIVISION, NULL, "営業部", &error));
  g_assert_no_error (error);

  workspace = scs_workspace_create_typed (path, SCS_WORKSPACE_TYPE_PROVIDER, org, 3, dossier, &error);
  g_assert_no_error (error);
  g_assert_true (scs_provider_link_star4 (workspace, star4_path, DEPARTMENT, &error));
  g_assert_true (scs_provider_set_subcontract (workspace, &subcontract, &error));
  g_assert_cmpint (scs_provider_add_row (workspace, SCS_PROVIDER_REGISTER_TOOLS, (const char * const[]) {
                     "Burp Suite <Pro> & Co", "PortSwigger", "社内サーバ", "yes", "no", NULL }, &error), >, 0);
  g_assert_no_error (error);

  window = scs_window_new (NULL);
  gui_test_present_window (GTK_WINDOW (window), 1200, 800);
  scs_window_set_workspace (window, workspace);

  /* The dossier's four categories and the page's row; no ★4 scope row. */
  sidebar = gui_test_sidebar_list (window);
  for (guint i = 1; (row = gtk_list_box_get_row_at_index (sidebar, i)) != NULL; i++)
    {
      const char *name = gtk_widget_get_name (GTK_WIDGET (row));
      gboolean expected = i <= 4 || g_str_equal (name, "provider-row") || g_str_equal (name, "review-row");

      g_assert_cmpint (gtk_widget_get_visible (GTK_WIDGET (row)), ==, expected);
    }

  /* the dossier's row in the sidebar, as the user selects it */
  gtk_list_box_select_row (sidebar, GTK_LIST_BOX_ROW (gui_test_find_by_name (GTK_WIDGET (sidebar), "provider-row")));
  page = SCS_PROVIDER_PAGE (gui_test_find_by_type (GTK_WIDGET (window), SCS_TYPE_PROVIDER_PAGE));
  g_assert_nonnull (page);
  gui_test_wait_for_widget (GTK_WIDGET (page), 10, GUI_TEST_WAIT_DRAIN);
  g_assert_cmpstr (gui_test_window_page (window), ==, "provider");
  g_assert_nonnull (find_preferences_group_text (GTK_WIDGET (page), "暫定"));

  findings = box_text (page, "findings");
  g_test_message ("%s", findings);
  g_assert_nonnull (strstr (findings, DEPARTMENT));
  g_assert_nonnull (strstr (findings, "★4"));
  g_assert_nonnull (strstr (findings, "再委託"));
  g_assert_nonnull (strstr (findings, "誓約"));
  g_assert_null (strstr (findings, "department-outside-star4"));
  g_assert_null (strstr (findings, "redelegation"));
  g_assert_null (strstr (findings, "pledge-unsigned"));

  items = box_text (page, "items");
  g_assert_cmpuint (gui_test_n_rows (GTK_WIDGET (page), "items"), ==, 13);
  g_assert_nonnull (strstr (items, "資本関係"));
  g_assert_nonnull (strstr (items, "未回答"));
  tools = box_text (page, "tools");
  g_assert_nonnull (strstr (tools, "Burp Suite"));
  g_assert_nonnull (strstr (tools, "PortSwigger"));
  /* user text is shown as typed, never read as markup */
  g_assert_true (g_str_has_prefix (tools, "Burp Suite <Pro> & Co\n"));

  /* The ★4 scope changed elsewhere: shown again, the page reads it. */
  g_assert_true (scs_scope_set_unit (scope, SCS_SCOPE_UNIT_DIVISION, NULL, "営業部\n" DEPARTMENT, &error));
  g_assert_no_error (error);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-category", "u", 1);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (page)));
  gtk_list_box_select_row (sidebar, GTK_LIST_BOX_ROW (gui_test_find_by_name (GTK_WIDGET (sidebar), "provider-row")));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page)));
  g_clear_pointer (&findings, g_free);
  findings = box_text (page, "findings");
  g_assert_null (strstr (findings, "★4の適用範囲"));
  g_assert_nonnull (strstr (findings, "再委託"));

  /* An SCS workspace hides the row. */
  scs_window_set_workspace (window, star4);
  for (guint i = 0; (row = gtk_list_box_get_row_at_index (sidebar, i)) != NULL; i++)
    if (g_str_equal (gtk_widget_get_name (GTK_WIDGET (row)), "provider-row"))
      g_assert_false (gtk_widget_get_visible (GTK_WIDGET (row)));

  gtk_window_destroy (GTK_WINDOW (window));
  gui_test_drain ();
  g_clear_object (&workspace);
  g_clear_object (&star4);
  gui_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  gui_test_init_gtk_test (&argc, &argv, "ja");

  g_test_add_func ("/scs/provider/page-shows-check", test_page_shows_check);

  return g_test_run ();
}
