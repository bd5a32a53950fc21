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
 * pledge ticked is stored. PNGs of both pages are written to look at.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>
#include <adwaita.h>

#include "gui-test-util.h"
#include "scs-i18n.h"
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
  g_assert_cmpstr (scs_window_get_visible_page (window), ==, "declaration");
  g_assert_false (gtk_widget_get_visible (find (root, "scope-row")));
  g_assert_true (gtk_widget_get_visible (find (root, "declaration-row")));
  gui_test_wait_for_widget (find (root, "declaration-page"), 10, GUI_TEST_WAIT_LAID_OUT);

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

  gui_test_save_png (find (root, "declaration-page"), "declaration-", "jcstar", ".png", GUI_TEST_WAIT_LAID_OUT);

  /* A firmware update reopens S1.1-12 (answered above). */
  set_text (root, "field-event-detail", "3.0.0");
  set_text (root, "field-event-date", "2026-12-01");
  g_signal_emit_by_name (find (root, "record-firmware"), "clicked");
  g_assert_false (gtk_widget_get_visible (find (root, "declaration-error")));
  g_assert_cmpint (scs_jcstar_get_answer (workspace, "S1.1-12", 1, NULL, &error), ==, SCS_JC_ANSWER_NONE);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (find (root, "S1.1-12#1"))), ==, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find (root, "field-versions"))), ==, "3.0.0");

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
  g_assert_cmpstr (scs_window_get_visible_page (window), ==, "declaration");
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
  g_test_add ("/scs/gui/declaration/security-action", Fixture, NULL, fixture_set_up, test_security_action,
              fixture_tear_down);

  return g_test_run ();
}
