/* test-vendor.c: the vendor windows (portfolio, diagnosis, renewal
 * comparison) and the ordering company's wizard, driven through their
 * actions and checked against the core; PNGs of each for a look
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <adwaita.h>
#include <sqlite3.h>

#include "gui-test-util.h"
#include "scs-application.h"
#include "scs-compare-window.h"
#include "scs-diagnosis-window.h"
#include "scs-i18n.h"
#include "scs-jcstar.h"
#include "scs-portfolio-window.h"
#include "scs-renewal.h"
#include "scs-screenshot.h"
#include "scs-supplier-record-dialog.h"
#include "scs-ui-resources.h"
#include "scs-wizard-dialog.h"
#include "scs-workspace.h"

static void
save_png (GtkWidget  *widget,
          const char *name)
{
  gtk_window_present (GTK_WINDOW (widget));
  gui_test_save_png (widget, "vendor-", name, ".png", GUI_TEST_WAIT_LAID_OUT);
}

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = g_dir_make_tmp ("scs-gui-vendor-XXXXXX", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gui_test_remove_tree (f->dir);
  g_free (f->dir);
}

static ScsWorkspace *
make_client (Fixture    *f,
             const char *file,
             const char *name,
             guint       n_met)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsCatalog) catalog = scs_catalog_new_builtin ();
  g_autoptr(ScsOrganization) org = scs_organization_new ();
  g_autofree char *path = g_build_filename (f->dir, file, NULL);
  const GPtrArray *criteria = scs_catalog_get_criteria (catalog);
  ScsWorkspace *ws;

  org->name = g_strdup (name);
  org->corporate_number = g_strdup ("7000012050002");
  ws = scs_workspace_create (path, org, 3, catalog, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < n_met; i++)
    {
      const ScsCriterion *c = g_ptr_array_index (criteria, i);
      g_assert_true (scs_workspace_set_answer (ws, c->id, SCS_ANSWER_MET, NULL, NULL, &error));
    }
  return ws;
}

static gboolean find_label (GtkWidget  *widget,
                            const char *text);

static const char *
summary_text (ScsPortfolioWindow *window)
{
  return gtk_label_get_text (GTK_LABEL (gui_test_get_child (window, "summary_label")));
}

static void
set_filter (ScsPortfolioWindow *window,
            ScsPortfolioFilter  filter)
{
  gtk_drop_down_set_selected (GTK_DROP_DOWN (gui_test_get_child (window, "filter_dropdown")), filter);
}

/* What the window's reminder line says, NULL when it is hidden (nothing
 * due). */
static const char *
reminder_text (ScsPortfolioWindow *window)
{
  GtkWidget *label = gui_test_get_child (window, "reminder_label");

  return gtk_widget_get_visible (label) ? gtk_label_get_text (GTK_LABEL (label)) : NULL;
}

/* While the spinner turns: a folder is read or a bulk action runs. */
static void
wait_while_busy (ScsPortfolioWindow *window)
{
  GtkSpinner *spinner = GTK_SPINNER (gui_test_get_child (window, "spinner"));

  while (gtk_spinner_get_spinning (spinner))
    g_main_context_iteration (NULL, TRUE);
}

/* The visible message dialog whose heading contains @needle, or NULL. */
static AdwMessageDialog *
find_message (const char *needle)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (item) && gtk_widget_get_visible (GTK_WIDGET (item)) &&
          strstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (item)), needle) != NULL)
        return ADW_MESSAGE_DIALOG (item);
    }
  return NULL;
}

static void
test_portfolio_window (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsWorkspace) a = make_client (f, "a.scsw", "株式会社エー", 81);
  g_autoptr(ScsWorkspace) b = make_client (f, "b.scsw", "株式会社ビー", 20);
  g_autoptr(ScsWorkspace) c = make_client (f, "c.scsw", "有限会社シー", 0);
  g_autofree char *junk = g_build_filename (f->dir, "notes.txt", NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) year_ago = g_date_time_add_days (now, -350);
  g_autofree char *obtained = g_date_time_format (year_ago, "%Y-%m-%d");
  ScsPortfolioWindow *window;
  GListModel *visible;
  GtkColumnView *view;
  GListModel *columns;

  g_assert_true (scs_renewal_record_certification (a, 3, obtained, NULL, &error));
  g_assert_true (g_file_set_contents (junk, "not a workspace", -1, NULL));
  g_clear_object (&a);
  g_clear_object (&b);
  g_clear_object (&c);

  window = scs_portfolio_window_new (NULL);
  g_assert_true (scs_portfolio_window_load_folder (window, f->dir, &error));
  g_assert_no_error (error);
  view = GTK_COLUMN_VIEW (gui_test_get_child (window, "column_view"));
  visible = G_LIST_MODEL (gtk_column_view_get_model (view));
  g_assert_cmpuint (g_list_model_get_n_items (visible), ==, 4);
  g_assert_nonnull (strstr (summary_text (window), "3"));
  /* All three carry one 法人番号: flagged as possible copies. */
  g_assert_nonnull (strstr (summary_text (window), "法人番号"));
  /* The chart: category 1 fully met by エー, not at all by シー; a screen
   * reader hears its bars' labels. */
  {
    g_autoptr(GPtrArray) stats = scs_portfolio_stats_compute (visible, SCS_STATS_ALL);
    g_autoptr(GString) expected = g_string_new (NULL);
    g_autofree char *mismatch = NULL;
    double rates[8] = { 0 };
    GObject *chart;

    for (guint i = 0; i < stats->len; i++)
      {
        ScsStat *stat = g_ptr_array_index (stats, i);

        if (stat->criterion_id == NULL && stat->category >= 1 && stat->category <= 7)
          rates[stat->category] = scs_stat_get_rate (stat);
      }
    g_assert_cmpfloat (rates[1], >=, 100.0 / 3 - 0.01);
    g_assert_cmpfloat (rates[1], <=, 200.0 / 3 + 0.01);
    for (guint c = 1; c <= 7; c++)
      {
        if (c > 1)
          g_string_append_c (expected, '\n');
        g_string_append_printf (expected, _("Category %u: %.0f %% not met"), c, rates[c]);
      }
    /* in Japanese */
    g_assert_nonnull (strstr (expected->str, "大分類 1："));
    /* (out of the widget tree while its expander is closed) */
    chart = gtk_widget_get_template_child (GTK_WIDGET (window), SCS_TYPE_PORTFOLIO_WINDOW, "chart");
    mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (chart),
                                                   GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, expected->str);
    g_assert_null (mismatch);
  }

  gui_test_search (gui_test_get_child (window, "search_entry"), "ビー");
  g_assert_cmpuint (g_list_model_get_n_items (visible), ==, 1);
  gui_test_search (gui_test_get_child (window, "search_entry"), "");
  set_filter (window, SCS_PORTFOLIO_FILTER_UNREADABLE);
  g_assert_cmpuint (g_list_model_get_n_items (visible), ==, 1);
  set_filter (window, SCS_PORTFOLIO_FILTER_EXPIRING);
  g_assert_cmpuint (g_list_model_get_n_items (visible), ==, 1);
  set_filter (window, SCS_PORTFOLIO_FILTER_OPEN_GAPS);
  g_assert_cmpuint (g_list_model_get_n_items (visible), ==, 2);
  set_filter (window, SCS_PORTFOLIO_FILTER_ALL);

  /* Sort by open gaps, descending: シー (81) first; unreadable last. */
  columns = gtk_column_view_get_columns (view);
  {
    g_autoptr(GtkColumnViewColumn) gaps_column = g_list_model_get_item (columns, 4);
    g_autoptr(ScsPortfolioEntry) first = NULL;
    g_autoptr(ScsPortfolioEntry) last = NULL;

    gtk_column_view_sort_by_column (view, gaps_column, GTK_SORT_DESCENDING);
    first = g_list_model_get_item (visible, 0);
    last = g_list_model_get_item (visible, 3);
    g_assert_cmpstr (scs_portfolio_entry_get_company (first), ==, "有限会社シー");
    g_assert_nonnull (scs_portfolio_entry_get_error (last));
  }

  /* Expiring in about 15 days: reminded within the default 60 days, not
   * when the preference says 10. */
  g_assert_nonnull (reminder_text (window));
  g_assert_nonnull (strstr (reminder_text (window), "60"));
  {
    g_autoptr(GSettings) settings = scs_settings_new ();

    g_assert_nonnull (settings);
    g_settings_set_uint (settings, "reminder-days", 10);
    g_assert_true (scs_portfolio_window_load_folder (window, f->dir, &error));
    g_assert_null (reminder_text (window));
    g_settings_set_uint (settings, "reminder-days", 20);
    g_assert_true (scs_portfolio_window_load_folder (window, f->dir, &error));
    g_assert_nonnull (strstr (reminder_text (window), "20"));
    g_settings_reset (settings, "reminder-days");
  }

  /* The same folder read in a worker thread. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "portfolio.reload", NULL));
  g_assert_true (gtk_spinner_get_spinning (GTK_SPINNER (gui_test_get_child (window, "spinner"))));
  wait_while_busy (window);
  g_assert_cmpuint (g_list_model_get_n_items (visible), ==, 4);

  /* A bulk action on a selection: the renewal of エー starts, the
   * unreadable file fails with its reason, nothing else is touched. */
  {
    GtkSelectionModel *selection = gtk_column_view_get_model (view);
    g_autofree char *b_path = g_build_filename (f->dir, "b.scsw", NULL);
    g_autofree char *a_path = g_build_filename (f->dir, "a.scsw", NULL);
    g_autofree char *b_state = gui_test_file_state (b_path);
    g_autofree char *b_after = NULL;
    g_autoptr(ScsWorkspace) reopened = NULL;
    AdwMessageDialog *confirm, *done;
    g_autofree char *summary = NULL;

    g_assert_null (find_message ("件中"));
    gtk_selection_model_unselect_all (selection);
    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (selection)); i++)
      {
        g_autoptr(ScsPortfolioEntry) e = g_list_model_get_item (G_LIST_MODEL (selection), i);

        if (scs_portfolio_entry_get_error (e) != NULL ||
            g_strcmp0 (scs_portfolio_entry_get_company (e), "株式会社エー") == 0)
          gtk_selection_model_select_item (selection, i, FALSE);
      }
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "portfolio.bulk", "s", "renew"));
    confirm = find_message ("更新");
    g_assert_nonnull (confirm);
    adw_message_dialog_response (confirm, "run");
    gtk_window_destroy (GTK_WINDOW (confirm));
    g_assert_true (gtk_spinner_get_spinning (GTK_SPINNER (gui_test_get_child (window, "spinner"))));
    wait_while_busy (window);
    done = find_message ("件中");
    g_assert_nonnull (done);
    summary = g_strdup_printf ("%s\n%s", adw_message_dialog_get_heading (done), adw_message_dialog_get_body (done));
    gtk_window_destroy (GTK_WINDOW (done));
    g_test_message ("%s", summary);
    g_assert_nonnull (strstr (summary, "2 件中 1 件"));
    g_assert_nonnull (strstr (summary, "notes.txt"));
    g_assert_null (strstr (summary, "a.scsw"));
    reopened = scs_workspace_open (a_path, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (scs_workspace_get_cycle (reopened), ==, 1);
    b_after = gui_test_file_state (b_path);
    g_assert_cmpstr (b_after, ==, b_state);
  }

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 400);
  save_png (GTK_WIDGET (window), "portfolio");

  /* The Next due column: エー's new expert check by its expiry. */
  for (guint i = 0; i < g_list_model_get_n_items (visible); i++)
    {
      g_autoptr(ScsPortfolioEntry) e = g_list_model_get_item (visible, i);

      if (g_strcmp0 (scs_portfolio_entry_get_company (e), "株式会社エー") == 0)
        {
          g_autofree char *text = g_strdup_printf ("専門家による再確認 %s まで",
                                                   scs_portfolio_entry_get_next_due (e, NULL));

          g_assert_true (find_label (GTK_WIDGET (window), text));
        }
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A label showing @text somewhere under @widget. */
static gboolean
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0 &&
      gtk_widget_get_mapped (widget))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (find_label (child, text))
      return TRUE;
  return FALSE;
}

/* The Submitted column: the local date of the last final export (the row
 * is written as scs-submission.c records it; the export itself is tested
 * in the core and CLI tests), sorting with not-submitted first, and the
 * Not submitted filter. */
static void
test_portfolio_submitted (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsWorkspace) a = make_client (f, "a.scsw", "株式会社エー", 81);
  g_autoptr(ScsWorkspace) b = make_client (f, "b.scsw", "株式会社ビー", 81);
  g_autofree char *path = g_build_filename (f->dir, "a.scsw", NULL);
  g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 ("2026-03-01T03:00:00.000Z", NULL);
  g_autoptr(GDateTime) local = g_date_time_to_local (utc);
  g_autofree char *expected = g_date_time_format (local, "%Y-%m-%d");
  ScsPortfolioWindow *window;
  GListModel *visible;
  GListModel *columns;
  GtkColumnView *view;
  sqlite3 *db = NULL;
  guint index = G_MAXUINT;

  g_clear_object (&a);
  g_clear_object (&b);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO submission (assessment, file_name, sha256, size, exported, "
                                     "exporter, expert_status) VALUES ((SELECT max (id) FROM assessment), "
                                     "'a.scsp', printf ('%064d', 0), 1000, '2026-03-01T03:00:00.000Z', "
                                     "'Vendor', 'valid')", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  window = scs_portfolio_window_new (NULL);
  g_assert_true (scs_portfolio_window_load_folder (window, f->dir, &error));
  g_assert_no_error (error);
  view = GTK_COLUMN_VIEW (gui_test_get_child (window, "column_view"));
  visible = G_LIST_MODEL (gtk_column_view_get_model (view));
  g_assert_cmpuint (g_list_model_get_n_items (visible), ==, 2);

  columns = gtk_column_view_get_columns (view);
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), _("Submitted")) == 0)
        index = i;
    }
  g_assert_cmpuint (index, !=, G_MAXUINT);
  {
    g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, index);
    g_autoptr(ScsPortfolioEntry) first = NULL;

    gtk_column_view_sort_by_column (view, column, GTK_SORT_DESCENDING);
    first = g_list_model_get_item (visible, 0);
    g_assert_cmpstr (scs_portfolio_entry_get_company (first), ==, "株式会社エー");
    g_assert_cmpstr (scs_portfolio_entry_get_submitted (first), ==, expected);
    g_clear_object (&first);
    gtk_column_view_sort_by_column (view, column, GTK_SORT_ASCENDING);
    first = g_list_model_get_item (visible, 0);
    g_assert_cmpstr (scs_portfolio_entry_get_company (first), ==, "株式会社ビー");
    g_assert_null (scs_portfolio_entry_get_submitted (first));
  }

  set_filter (window, SCS_PORTFOLIO_FILTER_NOT_SUBMITTED);
  g_assert_cmpuint (g_list_model_get_n_items (visible), ==, 1);
  set_filter (window, SCS_PORTFOLIO_FILTER_ALL);
  g_assert_cmpuint (g_list_model_get_n_items (visible), ==, 2);

  /* the date is on screen in the row */
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 300);
  save_png (GTK_WIDGET (window), "portfolio-submitted");
  g_assert_true (find_label (GTK_WIDGET (view), expected));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The first label under @widget whose text starts with @prefix. */
static GtkWidget *
label_starting (GtkWidget  *widget,
                const char *prefix)
{
  if (GTK_IS_LABEL (widget) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), prefix))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = label_starting (child, prefix);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The cells' labels of the portfolio row whose company cell starts with
 * @company, in column order (the label is its cell's child, the cell
 * the row's). */
static GPtrArray *
row_cells (GtkWidget  *view,
           const char *company)
{
  GtkWidget *label = label_starting (view, company);
  GPtrArray *cells = g_ptr_array_new ();
  GtkWidget *row;

  g_assert_nonnull (label);
  row = gtk_widget_get_parent (gtk_widget_get_parent (label));
  for (GtkWidget *cell = gtk_widget_get_first_child (row); cell != NULL; cell = gtk_widget_get_next_sibling (cell))
    g_ptr_array_add (cells, gtk_widget_get_first_child (cell));
  g_assert_cmpuint (cells->len, ==, 11);
  for (guint i = 0; i < cells->len; i++)
    g_assert_true (GTK_IS_LABEL (g_ptr_array_index (cells, i)));
  return cells;
}

static const char *
cell_text (GPtrArray *cells,
           guint      column)
{
  return gtk_label_get_text (GTK_LABEL (g_ptr_array_index (cells, column)));
}

static gboolean
cell_has_class (GPtrArray  *cells,
                guint       column,
                const char *class_name)
{
  return gtk_widget_has_css_class (g_ptr_array_index (cells, column), class_name);
}

/* What the cells show, as a Japanese user reads them: an SCS client whose
 * star expires soon, a JC-STAR ★1 client (its type, items answered and
 * gaps, no SCS readiness or review) and an unreadable file (its name and
 * reason, in red); labels, never codes. */
static void
test_portfolio_cells (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsWorkspace) a = make_client (f, "a.scsw", "株式会社エー", 81);
  g_autoptr(ScsCatalog) catalog = scs_catalog_new_builtin ();
  g_autoptr(ScsOrganization) org = scs_organization_new ();
  g_autofree char *jc_path = g_build_filename (f->dir, "camera.scsw", NULL);
  g_autofree char *junk = g_build_filename (f->dir, "notes.txt", NULL);
  g_autoptr(ScsWorkspace) jc = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) year_ago = g_date_time_add_days (now, -350);
  g_autofree char *obtained = g_date_time_format (year_ago, "%Y-%m-%d");
  g_autoptr(GPtrArray) scs = NULL;
  g_autoptr(GPtrArray) star1 = NULL;
  g_autofree char *star1_gaps = NULL;
  g_autoptr(GPtrArray) bad = NULL;
  g_autofree char *answered = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u item answered",
                                                            "%u items answered", 1), 1);
  ScsPortfolioWindow *window;
  GtkWidget *view;

  g_assert_true (scs_renewal_record_certification (a, 3, obtained, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&a);
  org->name = g_strdup ("株式会社テスト電機");
  org->corporate_number = g_strdup ("7000012050002");
  jc = scs_workspace_create_typed (jc_path, SCS_WORKSPACE_TYPE_JCSTAR1, org, 3, catalog, &error);
  g_assert_no_error (error);
  g_assert_true (scs_jcstar_set_answer (jc, "S1.1-01", 1, SCS_JC_ANSWER_DOES_NOT, NULL, &error));
  g_assert_no_error (error);
  /* Its open gaps are those its diagnosis lists. */
  {
    g_autoptr(ScsDiagnosis) diagnosis = scs_diagnosis_new (jc);
    g_autoptr(GPtrArray) gaps = scs_diagnosis_list_item_gaps (diagnosis, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (gaps->len, >, 0);
    star1_gaps = g_strdup_printf ("%u", gaps->len);
  }
  g_clear_object (&jc);
  g_assert_true (g_file_set_contents (junk, "not a workspace", -1, NULL));

  window = scs_portfolio_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 400);
  g_assert_true (scs_portfolio_window_load_folder (window, f->dir, &error));
  g_assert_no_error (error);
  save_png (GTK_WIDGET (window), "portfolio-cells");
  view = gui_test_get_child (window, "column_view");

  scs = row_cells (view, "株式会社エー");
  g_assert_cmpstr (cell_text (scs, 1), ==, "★3");
  g_assert_cmpstr (cell_text (scs, 2), ==, "初回");
  g_assert_cmpstr (cell_text (scs, 3), ==, "81 / 81 ✓");
  g_assert_cmpstr (cell_text (scs, 4), ==, "0");
  g_assert_cmpstr (cell_text (scs, 6), ==, "—");
  g_assert_nonnull (strstr (cell_text (scs, 9), "専門家による再確認"));
  /* Expiring within the warning period: the expiry and the days left. */
  g_assert_true (g_ascii_isdigit (*cell_text (scs, 7)));
  g_assert_true (cell_has_class (scs, 7, "warning"));
  g_assert_true (cell_has_class (scs, 8, "warning"));
  g_assert_cmpint (atoi (cell_text (scs, 8)), >, 0);
  g_assert_false (cell_has_class (scs, 0, "error"));

  star1 = row_cells (view, "株式会社テスト電機");
  g_assert_cmpstr (cell_text (star1, 1), ==, _("JC-STAR ★1"));
  g_assert_cmpstr (cell_text (star1, 2), ==, "初回");
  g_assert_cmpstr (cell_text (star1, 3), ==, answered);
  g_assert_nonnull (strstr (answered, "回答済み"));
  g_assert_cmpstr (cell_text (star1, 4), ==, star1_gaps);
  g_assert_cmpstr (cell_text (star1, 5), ==, "—");
  g_assert_cmpstr (cell_text (star1, 8), ==, "—");
  g_assert_false (cell_has_class (star1, 7, "warning"));
  /* With open gaps: the ★1 client only (エー has met every criterion). */
  {
    GListModel *visible = G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (view)));
    g_autoptr(ScsPortfolioEntry) only = NULL;

    set_filter (window, SCS_PORTFOLIO_FILTER_OPEN_GAPS);
    g_assert_cmpuint (g_list_model_get_n_items (visible), ==, 1);
    only = g_list_model_get_item (visible, 0);
    g_assert_cmpstr (scs_portfolio_entry_get_company (only), ==, "株式会社テスト電機");
    set_filter (window, SCS_PORTFOLIO_FILTER_ALL);
  }

  bad = row_cells (view, "notes.txt — ");
  g_assert_true (cell_has_class (bad, 0, "error"));
  for (guint i = 1; i < bad->len; i++)
    g_assert_cmpstr (cell_text (bad, i), ==, "");
  /* Activated (Enter, double-click), it says why it cannot be opened. */
  {
    GListModel *visible = G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (view)));
    g_autoptr(ScsPortfolioEntry) last = g_list_model_get_item (visible, g_list_model_get_n_items (visible) - 1);

    g_assert_nonnull (scs_portfolio_entry_get_error (last));
    g_assert_false (find_label (GTK_WIDGET (window), scs_portfolio_entry_get_error (last)));
    g_signal_emit_by_name (view, "activate", g_list_model_get_n_items (visible) - 1);
    g_assert_true (find_label (GTK_WIDGET (window), scs_portfolio_entry_get_error (last)));
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The rows of the diagnosis window's gap list (its template child). */
static guint
n_gap_rows (gpointer window)
{
  GtkListBox *list = GTK_LIST_BOX (gui_test_find_child (window, "gap_list"));
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;
  return n;
}

static AdwPreferencesRow *
gap_row (gpointer window,
         guint    index)
{
  GtkListBox *list = GTK_LIST_BOX (gui_test_find_child (window, "gap_list"));

  return ADW_PREFERENCES_ROW (gtk_list_box_get_row_at_index (list, index));
}

static const char *
tier_text (gpointer window)
{
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (gui_test_find_child (window, "tier_row")));
}

static gboolean
is_label_containing (GtkWidget     *widget,
                     gconstpointer  needle)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_label (GTK_LABEL (widget)), needle) != NULL;
}

static void
test_diagnosis_window (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsWorkspace) ws = make_client (f, "a.scsw", "株式会社エー", 75);
  g_autoptr(ScsDiagnosis) diagnosis = scs_diagnosis_new (ws);
  g_autoptr(GPtrArray) gaps = NULL;
  ScsDiagnosisWindow *window = scs_diagnosis_window_new (NULL, ws);
  g_autofree char *first_gap = NULL;
  GtkWidget *row;
  ScsAnswerState before;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_cmpuint (n_gap_rows (window), ==, 6);
  g_assert_cmpstr (tier_text (window), ==, "★3");
  gaps = scs_diagnosis_list_gaps (diagnosis, &error);
  first_gap = g_strdup (((ScsGap *) g_ptr_array_index (gaps, 0))->criterion_id);
  before = scs_answer_get_state (scs_workspace_lookup_answer (ws, first_gap));
  g_assert_true (g_str_has_prefix (adw_preferences_row_get_title (gap_row (window, 0)), first_gap));

  /* Open the first row: its plan is edited in place and it stays open. */
  row = GTK_WIDGET (gap_row (window, 0));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  gtk_widget_activate_action (GTK_WIDGET (window), "diagnosis.set-gap", "(sss)", first_gap, "owner", "山田");
  gtk_widget_activate_action (GTK_WIDGET (window), "diagnosis.set-gap", "(sss)", first_gap, "support", "on-site");
  g_assert_true (GTK_WIDGET (gap_row (window, 0)) == row);
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)));
  /* the bound widgets show the plan, as labels */
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (gui_test_find_child (row, "support"))), ==, 2);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (gui_test_find_child (row, "owner"))), ==, "山田");
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), "山田"));
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), "駆け付け支援"));
  /* choosing in a combo sets the plan */
  adw_combo_row_set_selected (ADW_COMBO_ROW (gui_test_find_child (row, "priority")), 0);
  g_clear_pointer (&gaps, g_ptr_array_unref);
  gaps = scs_diagnosis_list_gaps (diagnosis, &error);
  g_assert_cmpstr (((ScsGap *) g_ptr_array_index (gaps, 0))->priority, ==, "low");

  /* A bad date: a toast naming it, nothing stored. */
  gtk_widget_activate_action (GTK_WIDGET (window), "diagnosis.set-gap", "(sss)", first_gap, "due", "2027-13-01");
  g_assert_nonnull (gui_test_find (GTK_WIDGET (window), is_label_containing, "2027-13-01"));
  gtk_widget_activate_action (GTK_WIDGET (window), "diagnosis.set-on-site", "b", TRUE);
  g_assert_cmpstr (tier_text (window), ==, "★3+");
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (gui_test_find_child (GTK_WIDGET (window), "on_site_switch"))));

  g_clear_pointer (&gaps, g_ptr_array_unref);
  gaps = scs_diagnosis_list_gaps (diagnosis, &error);
  {
    ScsGap *gap = g_ptr_array_index (gaps, 0);
    g_assert_cmpstr (gap->owner, ==, "山田");
    g_assert_cmpint (gap->support, ==, SCS_SUPPORT_ON_SITE);
    g_assert_cmpstr (gap->due, ==, "");
  }
  /* The SME's answer is untouched. */
  g_assert_cmpint (scs_answer_get_state (scs_workspace_lookup_answer (ws, first_gap)), ==, before);

  /* An answer met by the SME closes its gap in the view; the other rows
   * stay as they are. */
  row = GTK_WIDGET (gap_row (window, 1));
  g_assert_true (scs_workspace_set_answer (ws, first_gap, SCS_ANSWER_MET, NULL, NULL, &error));
  g_assert_cmpuint (n_gap_rows (window), ==, 5);
  g_assert_true (GTK_WIDGET (gap_row (window, 0)) == row);

  save_png (GTK_WIDGET (window), "diagnosis");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A JC-STAR ★1 client: no tier, one row per gap of the declaration with
 * labels (never the codes) and the suggested next step inside. */
static void
test_diagnosis_window_jcstar (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsCatalog) catalog = scs_catalog_new_builtin ();
  g_autoptr(ScsOrganization) org = scs_organization_new ();
  g_autofree char *path = g_build_filename (f->dir, "camera.scsw", NULL);
  g_autoptr(ScsWorkspace) ws = NULL;
  g_autoptr(ScsDiagnosis) diagnosis = NULL;
  g_autoptr(GPtrArray) gaps = NULL;
  const char *models[] = { "CAM-100", "CAM-100W", "CAM-200", NULL };
  ScsJcProduct product = { .name = (char *) "見守りカメラ", .model_numbers = (GStrv) models,
                           .support_end = (char *) "2030-03-31" };
  ScsDiagnosisWindow *window;
  GtkWidget *row = NULL;
  GtkWidget *next_step;

  org->name = g_strdup ("株式会社テスト電機");
  org->corporate_number = g_strdup ("7000012050002");
  ws = scs_workspace_create_typed (path, SCS_WORKSPACE_TYPE_JCSTAR1, org, 3, catalog, &error);
  g_assert_no_error (error);
  g_assert_true (scs_jcstar_set_product (ws, &product, &error));
  g_assert_true (scs_jcstar_set_answer (ws, "S1.1-01", 1, SCS_JC_ANSWER_DOES_NOT, NULL, &error));
  g_assert_no_error (error);
  diagnosis = scs_diagnosis_new (ws);
  gaps = scs_diagnosis_list_item_gaps (diagnosis, &error);
  g_assert_no_error (error);

  window = scs_diagnosis_window_new (NULL, ws);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 760);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_false (gtk_widget_get_visible (gui_test_find_child (GTK_WIDGET (window), "tier_group")));
  g_assert_cmpuint (n_gap_rows (window), ==, gaps->len);
  for (guint i = 0; i < gaps->len; i++)
    {
      AdwPreferencesRow *r = gap_row (window, i);
      const char *title = adw_preferences_row_get_title (r);
      const char *subtitle = adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (r));

      /* labels, never codes */
      g_assert_false (g_regex_match_simple ("[0-9]#[0-9]|product:", title, 0, 0));
      g_assert_null (strstr (subtitle, "does-not"));
      g_assert_null (strstr (subtitle, "unanswered"));
      g_assert_null (strstr (subtitle, "record"));
      if (g_str_has_prefix (title, "S1.1-01 #1"))
        row = GTK_WIDGET (r);
    }
  g_assert_nonnull (row);
  g_assert_true (g_str_has_prefix (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), "不適合 · "));
  /* the plan's rows are hidden, the next step is shown */
  g_assert_false (gtk_widget_get_visible (gui_test_find_child (row, "support")));
  g_assert_false (gtk_widget_get_visible (gui_test_find_child (row, "owner")));
  next_step = gui_test_find_child (row, "next_step_row");
  g_assert_true (gtk_widget_get_visible (next_step));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (next_step)), ==, "推奨する次の対応");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (next_step)), "根拠資料"));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  gtk_widget_activate_action (GTK_WIDGET (window), "diagnosis.set-on-site", "b", TRUE);
  g_assert_nonnull (gui_test_find (GTK_WIDGET (window), is_label_containing, "JC-STAR"));

  /* The item answered in the main window: its gap goes on reload (as when
   * this window comes to the front again). */
  g_assert_true (scs_jcstar_set_answer (ws, "S1.1-01", 1, SCS_JC_ANSWER_CONFORMS, NULL, &error));
  g_assert_cmpuint (n_gap_rows (window), ==, gaps->len);
  gtk_widget_activate_action (GTK_WIDGET (window), "diagnosis.reload", NULL);
  g_assert_cmpuint (n_gap_rows (window), ==, gaps->len - 1);

  save_png (GTK_WIDGET (window), "diagnosis-jcstar");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The label of a toast shown in the compare window that says @needle. */
static GtkWidget *
toast_shown (ScsCompareWindow *window,
             const char       *needle)
{
  return gui_test_find (gui_test_get_child (window, "toasts"), is_label_containing, needle);
}

static void
test_compare_window (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsWorkspace) ws = make_client (f, "a.scsw", "株式会社エー", 10);
  ScsCompareWindow *window = scs_compare_window_new (NULL, ws);
  const GPtrArray *criteria = scs_catalog_get_criteria (scs_workspace_get_catalog (ws));
  const ScsCriterion *c0 = g_ptr_array_index (criteria, 0);
  const ScsCriterion *c1 = g_ptr_array_index (criteria, 1);
  const ScsCriterion *c20 = g_ptr_array_index (criteria, 20);

  gtk_widget_activate_action (GTK_WIDGET (window), "compare.start-renewal", NULL);
  g_assert_cmpuint (scs_workspace_get_cycle (ws), ==, 1);
  g_assert_cmpuint (gui_test_n_rows (GTK_WIDGET (window), "unconfirmed_list"), ==, 10);
  g_assert_cmpuint (gui_test_n_rows (GTK_WIDGET (window), "changed_list"), ==, 0);

  g_assert_true (scs_workspace_set_answer (ws, c0->id, SCS_ANSWER_NOT_MET, NULL, NULL, &error));
  g_assert_true (scs_workspace_set_answer (ws, c20->id, SCS_ANSWER_MET, NULL, NULL, &error));
  /* Answers changed elsewhere show up at once. */
  g_assert_cmpuint (gui_test_n_rows (GTK_WIDGET (window), "changed_list"), ==, 2);
  g_assert_cmpuint (gui_test_n_rows (GTK_WIDGET (window), "unconfirmed_list"), ==, 9);
  gtk_widget_activate_action (GTK_WIDGET (window), "compare.confirm", "s", c1->id);
  g_assert_cmpuint (gui_test_n_rows (GTK_WIDGET (window), "changed_list"), ==, 2);
  g_assert_cmpuint (gui_test_n_rows (GTK_WIDGET (window), "unconfirmed_list"), ==, 8);

  gtk_widget_activate_action (GTK_WIDGET (window), "compare.record-change", "(ss)", "scope", "新拠点");
  g_assert_nonnull (toast_shown (window, "専門家"));
  gtk_widget_activate_action (GTK_WIDGET (window), "compare.record-change", "(ss)", "coffee-machine", "");
  g_assert_nonnull (toast_shown (window, "coffee-machine"));

  save_png (GTK_WIDGET (window), "compare");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The wizard's form, filled in as a person does */
static void
wizard_answer (ScsWizardDialog *dialog,
               gboolean         confidential,
               gboolean         delay,
               gboolean         access)
{
  gtk_switch_set_active (GTK_SWITCH (gui_test_find_child (GTK_WIDGET (dialog), "confidential_switch")), confidential);
  gtk_switch_set_active (GTK_SWITCH (gui_test_find_child (GTK_WIDGET (dialog), "delay_switch")), delay);
  gtk_switch_set_active (GTK_SWITCH (gui_test_find_child (GTK_WIDGET (dialog), "access_switch")), access);
}

static void
wizard_name_supplier (ScsWizardDialog *dialog,
                      const char      *name,
                      const char      *factors)
{
  gtk_editable_set_text (GTK_EDITABLE (gui_test_find_child (GTK_WIDGET (dialog), "name_row")), name);
  gtk_editable_set_text (GTK_EDITABLE (gui_test_find_child (GTK_WIDGET (dialog), "factors_row")), factors);
}

/* Whether the wizard shows "Ask for ★@level" */
static gboolean
wizard_asks_for (ScsWizardDialog *dialog,
                 guint            level)
{
  g_autofree char *expected = g_strdup_printf (_("Ask for ★%u"), level);

  return g_strcmp0 (gtk_label_get_text (GTK_LABEL (gui_test_find_child (GTK_WIDGET (dialog), "level_label"))),
                    expected) == 0;
}

static void
test_wizard_dialog (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *store = g_build_filename (f->dir, "suppliers.ini", NULL);
  ScsWizardDialog *dialog = scs_wizard_dialog_new (NULL, store);
  g_autoptr(ScsSupplierList) stored = NULL;
  g_autoptr(GError) error = NULL;
  const ScsSupplier *saved;

  g_assert_true (wizard_asks_for (dialog, 3));
  for (guint bits = 1; bits < 8; bits++)
    {
      wizard_answer (dialog, bits & 1, bits & 2, bits & 4);
      g_assert_true (wizard_asks_for (dialog, 4));
    }
  wizard_answer (dialog, FALSE, TRUE, FALSE);
  wizard_name_supplier (dialog, "株式会社みどり物流", "代替の物流業者が少ない");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (gui_test_find_child (GTK_WIDGET (dialog), "reasoning_label"))),
                            "代替の物流業者が少ない"));
  g_assert_null (gui_test_find_by_name (GTK_WIDGET (dialog), "株式会社みどり物流"));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "wizard.save", NULL);
  /* in the file, and in the list below the form */
  stored = scs_supplier_list_load (store, &error);
  g_assert_no_error (error);
  saved = scs_supplier_list_lookup (stored, "株式会社みどり物流");
  g_assert_nonnull (saved);
  g_assert_true (ADW_IS_EXPANDER_ROW (gui_test_find_by_name (GTK_WIDGET (dialog), "株式会社みどり物流")));
  g_assert_cmpuint (saved->recommended, ==, 4);
  g_assert_true (g_file_test (store, G_FILE_TEST_EXISTS));

  save_png (GTK_WIDGET (dialog), "wizard");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Re-deciding a stored supplier in the window keeps its 法人番号, factors,
 * registry entry and checks, and adds to its history. */
static void
test_wizard_redecide (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *store = g_build_filename (f->dir, "suppliers.ini", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsSupplierList) list = scs_supplier_list_load (store, &error);
  g_autoptr(ScsSupplier) s = scs_supplier_new ();
  ScsWizardDialog *dialog;
  const ScsSupplier *saved;

  g_free (s->name);
  s->name = g_strdup ("株式会社あおぞら");
  g_free (s->corporate_number);
  s->corporate_number = g_strdup ("7000012050002");
  g_free (s->factors);
  s->factors = g_strdup ("図面を預ける");
  g_free (s->registry_id);
  s->registry_id = g_strdup ("SCS3-1");
  g_assert_true (scs_supplier_add_check (s, "2027-04-01", "registry", "台帳", &error));
  g_assert_true (scs_supplier_list_put (list, s, &error));
  g_assert_no_error (error);

  dialog = scs_wizard_dialog_new (NULL, store);
  wizard_name_supplier (dialog, "株式会社あおぞら", "図面を預ける");
  wizard_answer (dialog, FALSE, FALSE, TRUE);
  g_assert_true (wizard_asks_for (dialog, 4));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "wizard.save", NULL);
  g_clear_object (&list);
  list = scs_supplier_list_load (store, &error);
  g_assert_no_error (error);
  saved = scs_supplier_list_lookup (list, "株式会社あおぞら");
  g_assert_cmpuint (saved->recommended, ==, 4);
  g_assert_cmpstr (saved->corporate_number, ==, "7000012050002");
  g_assert_cmpstr (saved->factors, ==, "図面を預ける");
  g_assert_cmpstr (saved->registry_id, ==, "SCS3-1");
  g_assert_cmpuint (saved->checks->len, ==, 1);
  g_assert_cmpuint (g_strv_length (saved->history), ==, 2);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* The open record dialog of the process, or NULL. */
static GtkWidget *
find_record_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (SCS_IS_SUPPLIER_RECORD_DIALOG (l->data))
      return l->data;
  return NULL;
}

static void
set_row_text (GtkWidget  *dialog,
              const char *name,
              const char *text)
{
  GtkWidget *row = gui_test_find_by_name (dialog, name);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

/* Opens the record dialog of @supplier's row through the item of its
 * record menu whose action is @action ("record-check" …), as choosing it
 * does. */
static GtkWidget *
open_record_dialog (ScsWizardDialog *wizard,
                    const char      *supplier,
                    const char      *action)
{
  GtkWidget *row = gui_test_find_by_name (GTK_WIDGET (wizard), supplier);
  g_autofree char *full = g_strconcat ("wizard.", action, NULL);
  GtkWidget *button;
  GMenuModel *menu;
  GtkWidget *dialog;
  gboolean found = FALSE;

  g_assert_nonnull (row);
  g_assert_null (find_record_dialog ());
  button = gui_test_find_by_name (row, "record-menu");
  g_assert_true (GTK_IS_MENU_BUTTON (button));
  menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button));
  for (int i = 0; i < g_menu_model_get_n_items (menu) && !found; i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GVariant) target = g_menu_model_get_item_attribute_value (menu, i, G_MENU_ATTRIBUTE_TARGET,
                                                                          G_VARIANT_TYPE_STRING);

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
          g_str_equal (name, full))
        {
          g_assert_nonnull (target);
          g_assert_cmpstr (g_variant_get_string (target, NULL), ==, supplier);
          g_assert_true (gtk_widget_activate_action_variant (button, full, target));
          found = TRUE;
        }
    }
  g_assert_true (found);
  dialog = find_record_dialog ();
  g_assert_nonnull (dialog);
  return dialog;
}

/* The lines a supplier's row unfolds to (those under its revealer):
 * "title | subtitle" each. */
static void
append_record_lines (GtkWidget *widget,
                     GString   *lines)
{
  if (ADW_IS_ACTION_ROW (widget) && gtk_widget_get_ancestor (widget, GTK_TYPE_REVEALER) != NULL)
    {
      g_string_append_printf (lines, "%s | %s\n", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)),
                              adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)));
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    append_record_lines (child, lines);
}

/* The row's warning: an icon whose tooltip and accessible name say @text. */
static gboolean
is_shown_warning (GtkWidget     *widget,
                  gconstpointer  text)
{
  if (!GTK_IS_IMAGE (widget) || !gtk_widget_get_visible (widget) || !gtk_widget_has_css_class (widget, "warning") ||
      g_strcmp0 (gtk_widget_get_tooltip_text (widget), text) != 0)
    return FALSE;
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, text);
  return TRUE;
}

static gboolean
has_label_text (GtkWidget     *widget,
                gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static int
label_lines (GtkWidget *label)
{
  return pango_layout_get_line_count (gtk_label_get_layout (GTK_LABEL (label)));
}

/* The supplier's name and decision read as text beside the row's warning
 * and record menu: the name on one line, the decision at least half the
 * row wide (squeezed, both were a character wide, a line per character). */
static void
assert_row_readable (GtkWidget *row)
{
  const char *name = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
  const char *subtitle = adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row));
  GtkWidget *title_label = gui_test_find (row, has_label_text, name);
  GtkWidget *subtitle_label = gui_test_find (row, has_label_text, subtitle);
  int width = gtk_widget_get_width (row);

  g_assert_nonnull (title_label);
  g_assert_nonnull (subtitle_label);
  g_test_message ("%s: row %d px, name %d px on %d lines, decision %d px on %d lines", name, width,
                  gtk_widget_get_width (title_label), label_lines (title_label),
                  gtk_widget_get_width (subtitle_label), label_lines (subtitle_label));
  g_assert_cmpint (label_lines (title_label), ==, 1);
  g_assert_cmpint (gtk_widget_get_width (subtitle_label), >=, width / 2);
}

/* The row of @name in the wizard's list of suppliers */
static GtkWidget *
supplier_row (ScsWizardDialog *wizard,
              const char      *name)
{
  GtkWidget *list = gui_test_get_child (wizard, "suppliers_list");
  GtkWidget *row = gui_test_find_by_name (list, name);

  g_assert_true (ADW_IS_EXPANDER_ROW (row));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, name);
  return row;
}

/* The supplier register's two records, made in the window: a supplier's
 * yearly check of measures (date, way, evidence) and a record of the
 * price negotiation (date, outcome, documents), each through its dialog
 * in Japanese; a bad date keeps the dialog open with the reason and saves
 * nothing; what is saved keeps every other field and shows in the row. */
static void
test_wizard_records (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *store = g_build_filename (f->dir, "suppliers.ini", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsSupplierList) list = scs_supplier_list_load (store, &error);
  g_autoptr(ScsSupplierList) reread = NULL;
  g_autoptr(ScsSupplier) s = scs_supplier_new ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  ScsWizardDialog *wizard;
  const ScsSupplier *saved;
  g_autoptr(GString) lines = NULL;
  GtkWidget *dialog, *label, *row;
  GListModel *methods;

  g_free (s->name);
  s->name = g_strdup ("株式会社あおぞら");
  g_free (s->corporate_number);
  s->corporate_number = g_strdup ("7000012050002");
  s->access = TRUE;
  scs_supplier_decide (s);
  g_assert_true (scs_supplier_list_put (list, s, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (store, &before, NULL, NULL));

  wizard = scs_wizard_dialog_new (NULL, store);
  gtk_window_present (GTK_WINDOW (wizard));

  /* The yearly check, first with a date that is none. */
  dialog = open_record_dialog (wizard, "株式会社あおぞら", "record-check");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "取引先の対策の年次確認");
  methods = adw_combo_row_get_model (ADW_COMBO_ROW (gui_test_find_by_name (dialog, "method")));
  g_assert_cmpuint (g_list_model_get_n_items (methods), ==, 3);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (methods), 1), ==, "チェックシート");
  set_row_text (dialog, "date", "2027-13-01");
  adw_combo_row_set_selected (ADW_COMBO_ROW (gui_test_find_by_name (dialog, "method")), 1);
  set_row_text (dialog, "first", "2027年度 質問票（回答 12 問）");
  gtk_widget_activate_action (dialog, "record.save", NULL);
  label = gui_test_find_by_name (dialog, "error");
  g_assert_true (gtk_widget_get_visible (label));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), "2027-13-01"));
  g_assert_true (find_record_dialog () == dialog);
  g_assert_true (g_file_get_contents (store, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&after, g_free);

  /* Corrected: saved, the dialog gone, the row shows it. */
  set_row_text (dialog, "date", "2027-04-01");
  gtk_widget_activate_action (dialog, "record.save", NULL);
  gui_test_drain ();
  g_assert_null (find_record_dialog ());
  reread = scs_supplier_list_load (store, &error);
  g_assert_no_error (error);
  saved = scs_supplier_list_lookup (reread, "株式会社あおぞら");
  g_assert_cmpuint (saved->checks->len, ==, 1);
  g_assert_cmpstr (((ScsSupplierCheck *) saved->checks->pdata[0])->date, ==, "2027-04-01");
  g_assert_cmpint (((ScsSupplierCheck *) saved->checks->pdata[0])->method, ==, SCS_CHECK_QUESTIONNAIRE);
  g_assert_cmpstr (((ScsSupplierCheck *) saved->checks->pdata[0])->evidence, ==, "2027年度 質問票（回答 12 問）");
  g_assert_cmpstr (saved->corporate_number, ==, "7000012050002");
  g_assert_cmpuint (saved->recommended, ==, 4);
  g_assert_cmpuint (g_strv_length (saved->history), ==, 1);
  row = gui_test_find_by_name (GTK_WIDGET (wizard), "株式会社あおぞら");
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), "2027-04-01"));

  /* The price negotiation: an outcome is needed. */
  dialog = open_record_dialog (wizard, "株式会社あおぞら", "record-negotiation");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "セキュリティ費用の価格交渉");
  g_assert_false (gtk_widget_get_visible (gui_test_find_by_name (dialog, "method")));
  set_row_text (dialog, "date", "2027-05-10");
  set_row_text (dialog, "first", "");
  set_row_text (dialog, "second", "議事録 2027-05-10.pdf");
  gtk_widget_activate_action (dialog, "record.save", NULL);
  g_assert_true (gtk_widget_get_visible (gui_test_find_by_name (dialog, "error")));
  g_assert_true (find_record_dialog () == dialog);
  set_row_text (dialog, "first", "対策費用を単価に上乗せで合意");
  save_png (dialog, "supplier-negotiation");
  gtk_widget_activate_action (dialog, "record.save", NULL);
  gui_test_drain ();
  g_assert_null (find_record_dialog ());
  g_clear_object (&reread);
  reread = scs_supplier_list_load (store, &error);
  g_assert_no_error (error);
  saved = scs_supplier_list_lookup (reread, "株式会社あおぞら");
  g_assert_cmpuint (saved->negotiations->len, ==, 1);
  g_assert_cmpstr (((ScsSupplierNegotiation *) saved->negotiations->pdata[0])->outcome, ==,
                   "対策費用を単価に上乗せで合意");
  g_assert_cmpstr (((ScsSupplierNegotiation *) saved->negotiations->pdata[0])->documents, ==,
                   "議事録 2027-05-10.pdf");
  g_assert_cmpuint (saved->checks->len, ==, 1);
  save_png (GTK_WIDGET (wizard), "suppliers");

  /* The row unfolds to the check and the negotiation, with what backs
   * them, and says the level obtained is below the one recommended; a
   * supplier with its level says nothing of the kind. */
  row = supplier_row (wizard, "株式会社あおぞら");
  lines = g_string_new (NULL);
  append_record_lines (row, lines);
  g_assert_cmpstr (lines->str, ==,
                   "年次確認 2027-04-01 · チェックシート | 2027年度 質問票（回答 12 問）\n"
                   "価格交渉 2027-05-10 · 対策費用を単価に上乗せで合意 | 議事録 2027-05-10.pdf\n");
  g_assert_nonnull (gui_test_find (row, is_shown_warning, "推奨レベルに達していません"));
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)),
                            "推奨 ★4 · 取得 なし · 判断日 "));
  wizard_name_supplier (wizard, "株式会社みどり物流", "");
  wizard_answer (wizard, FALSE, FALSE, TRUE);
  adw_combo_row_set_selected (ADW_COMBO_ROW (gui_test_get_child (wizard, "obtained_row")), 2);
  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.save", NULL);
  row = supplier_row (wizard, "株式会社みどり物流");
  g_assert_null (gui_test_find (row, is_shown_warning, "推奨レベルに達していません"));
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), "推奨 ★4 · 取得 ★4 · "));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (supplier_row (wizard, "株式会社あおぞら")), TRUE);
  gui_test_save_png (gui_test_get_child (wizard, "suppliers_list"), "vendor-", "supplier-rows", ".png",
                     GUI_TEST_WAIT_LAID_OUT);
  assert_row_readable (supplier_row (wizard, "株式会社あおぞら"));
  assert_row_readable (supplier_row (wizard, "株式会社みどり物流"));
  gtk_window_destroy (GTK_WINDOW (wizard));
}

int
main (int   argc,
      char *argv[])
{
  /* GTK's test backend keeps the accessible properties for the asserts. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gui_test_init (&argc, &argv, "ja");

  g_test_add ("/scs/gui/vendor/portfolio", Fixture, NULL, fixture_set_up, test_portfolio_window, fixture_tear_down);
  g_test_add ("/scs/gui/vendor/portfolio-submitted", Fixture, NULL, fixture_set_up, test_portfolio_submitted,
              fixture_tear_down);
  g_test_add ("/scs/gui/vendor/portfolio-cells", Fixture, NULL, fixture_set_up, test_portfolio_cells,
              fixture_tear_down);
  g_test_add ("/scs/gui/vendor/diagnosis", Fixture, NULL, fixture_set_up, test_diagnosis_window, fixture_tear_down);
  g_test_add ("/scs/gui/vendor/diagnosis-jcstar", Fixture, NULL, fixture_set_up, test_diagnosis_window_jcstar,
              fixture_tear_down);
  g_test_add ("/scs/gui/vendor/compare", Fixture, NULL, fixture_set_up, test_compare_window, fixture_tear_down);
  g_test_add ("/scs/gui/vendor/wizard", Fixture, NULL, fixture_set_up, test_wizard_dialog, fixture_tear_down);
  g_test_add ("/scs/gui/vendor/wizard-redecide", Fixture, NULL, fixture_set_up, test_wizard_redecide,
              fixture_tear_down);
  g_test_add ("/scs/gui/vendor/wizard-records", Fixture, NULL, fixture_set_up, test_wizard_records,
              fixture_tear_down);

  return g_test_run ();
}
