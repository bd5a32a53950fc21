/* test-widgets.c: the self-contained widgets, driven through their actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each widget of the front end that stands on its own (evidence list, PDF
 * preview, dashboard, new-workspace dialog, preferences) is created, driven
 * the way a user would through its actions and rows, checked against the
 * workspace file or GSettings, and finalized. Each is also rendered to a
 * PNG in $G_TEST_BUILDDIR so a person can look at it.
 */

#include "config.h"

#include <unistd.h>

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <adwaita.h>

#include "../core/core-test-util.h"
#include "gui-test-util.h"
#include "scs-corporate-number.h"
#include "scs-criterion-row.h"
#include "scs-dashboard-page.h"
#include "scs-renewal.h"
#include "scs-evidence-list.h"
#include "scs-org-dialog.h"
#include "scs-paint-cache.h"
#include "scs-i18n.h"
#include "scs-new-workspace-dialog.h"
#include "scs-pdf-preview.h"
#include "scs-screenshot.h"
#include "scs-preferences-window.h"
#include "scs-ui-resources.h"
#include "scs-workspace.h"

typedef struct
{
  char         *dir;
  ScsWorkspace *workspace;
} Fixture;

/* ---------------------------------------------------------------- helpers */

static ScsOrganization *
sample_organization (void)
{
  ScsOrganization *org = gui_test_sample_organization ("株式会社テスト製作所");

  org->address = g_strdup ("東京都千代田区1-1-1");
  return org;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(ScsOrganization) org = sample_organization ();
  g_autofree char *path = NULL;

  fixture->dir = gui_test_make_tmp_dir ("scs-test-widgets-XXXXXX");
  path = g_build_filename (fixture->dir, "test.scsw", NULL);
  fixture->workspace = gui_test_create_workspace (path, org, 3);
  g_assert_nonnull (fixture->workspace);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  /* Every widget must have let go of the workspace by now. */
  if (fixture->workspace != NULL)
    g_assert_finalize_object (fixture->workspace);
  gui_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static const char *
nth_criterion_id (ScsWorkspace *workspace,
                  guint         position)
{
  GListModel *answers = scs_workspace_get_answers (workspace);
  g_autoptr(ScsAnswer) answer = g_list_model_get_item (answers, position);

  g_assert_nonnull (answer);
  return scs_answer_get_criterion_id (answer);
}

static cairo_status_t
write_to_byte_array (void                *closure,
                     const unsigned char *data,
                     unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* A real PDF, made here with cairo, with Japanese text on every page. */
/* The preview shows "page @page of @n_pages" */
static void
assert_pdf_page (gpointer preview,
                 int      page,
                 int      n_pages)
{
  g_autofree char *expected = g_strdup_printf (_("Page %d of %d"), page, n_pages);

  g_assert_cmpstr (gui_test_window_subtitle (preview), ==, expected);
}

static GBytes *
make_pdf (int n_pages)
{
  GByteArray *array = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_t *cr;

  surface = cairo_pdf_surface_create_for_stream (write_to_byte_array, array, 595, 842);
  cr = cairo_create (surface);
  for (int i = 1; i <= n_pages; i++)
    {
      g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
      g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Noto Sans CJK JP 22");
      g_autofree char *text = g_strdup_printf ("情報セキュリティ基本方針\n証跡サンプル %d / %d ページ", i, n_pages);

      pango_layout_set_font_description (layout, font);
      pango_layout_set_text (layout, text, -1);
      cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
      cairo_move_to (cr, 60, 80);
      pango_cairo_show_layout (cr, layout);
      cairo_set_source_rgb (cr, 0.2, 0.4, 0.8);
      cairo_rectangle (cr, 60, 200, 475, 8 + 40 * i);
      cairo_fill (cr);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  return g_byte_array_free_to_bytes (array);
}

static guint
count_evidence (ScsWorkspace *workspace,
                const char   *criterion_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = scs_workspace_list_evidence (workspace, criterion_id, &error);

  g_assert_no_error (error);
  return list->len;
}

/* ---------------------------------------------------------- evidence list */

static void
test_evidence_list_new (Fixture       *fixture,
                        gconstpointer  user_data)
{
  GtkWidget *list = scs_evidence_list_new ();

  g_object_ref_sink (list);
  scs_evidence_list_set_workspace (SCS_EVIDENCE_LIST (list), fixture->workspace);
  scs_evidence_list_set_criterion_id (SCS_EVIDENCE_LIST (list), nth_criterion_id (fixture->workspace, 0));
  g_assert_cmpuint (gui_test_n_rows (list, "list_box"), ==, 0);
  g_assert_finalize_object (list);
}

/* Until the list's adds (worker threads) have finished. */
static gboolean
adds_finished (gpointer list)
{
  return !gtk_widget_get_visible (gui_test_find_child (GTK_WIDGET (list), "busy_box"));
}

static void
wait_for_adds (ScsEvidenceList *list)
{
  gui_test_wait_until (adds_finished, list, 30);
}

/* A toast in @overlay shows text containing @needle (the evidence list
 * reports a failed add as a toast). */
typedef struct
{
  GtkWidget  *overlay;
  const char *needle;
} ToastWait;

static gboolean
label_contains (GtkWidget     *widget,
                gconstpointer  needle)
{
  if (!GTK_IS_LABEL (widget) || strstr (gtk_label_get_text (GTK_LABEL (widget)), needle) == NULL)
    return FALSE;
  /* In a toast (CSS name "toast"), not, say, the busy label. */
  for (GtkWidget *up = widget; up != NULL; up = gtk_widget_get_parent (up))
    if (g_str_equal (gtk_widget_get_css_name (up), "toast"))
      return TRUE;
  return FALSE;
}

static gboolean
toast_shows (gpointer data)
{
  ToastWait *wait = data;

  return gui_test_find (wait->overlay, label_contains, wait->needle) != NULL;
}

static void
toast_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       overlay)
{
  adw_toast_overlay_add_toast (overlay, adw_toast_new (g_variant_get_string (parameter, NULL)));
}

/* The window's "win.toast" (ScsWindow's, through which pages raise
 * toasts) on a test window, adding to @overlay. */
static void
install_win_toast (GtkWidget *window,
                   GtkWidget *overlay)
{
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) toast = g_simple_action_new ("toast", G_VARIANT_TYPE_STRING);

  g_signal_connect (toast, "activate", G_CALLBACK (toast_activated), overlay);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (toast));
  gtk_widget_insert_action_group (window, "win", G_ACTION_GROUP (group));
}

static const char *
wait_for_toast (GtkWidget  *overlay,
                const char *needle)
{
  ToastWait wait = { overlay, needle };

  gui_test_wait_until (toast_shows, &wait, 10);
  return gtk_label_get_text (GTK_LABEL (gui_test_find (overlay, label_contains, needle)));
}

static void
test_evidence_list_add_remove (Fixture       *fixture,
                               gconstpointer  user_data)
{
  const char *criterion = nth_criterion_id (fixture->workspace, 0);
  const char *other_criterion = nth_criterion_id (fixture->workspace, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = make_pdf (2);
  g_autofree char *text_path = g_build_filename (fixture->dir, "議事録.txt", NULL);
  g_autofree char *pdf_path = g_build_filename (fixture->dir, "基本方針.pdf", NULL);
  g_autofree char *missing_path = g_build_filename (fixture->dir, "no-such-file.pdf", NULL);
  g_autofree char *pdf_uri = g_filename_to_uri (pdf_path, NULL, NULL);
  g_autoptr(GPtrArray) stored = NULL;
  GtkWidget *overlay, *box, *window, *list, *twin, *other;
  GtkWindow *preview;
  const char *sha256 = NULL;

  g_file_set_contents (text_path, "2026年4月 情報セキュリティ委員会 議事録\n", -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (pdf_path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), &error);
  g_assert_no_error (error);

  list = scs_evidence_list_new ();
  twin = scs_evidence_list_new ();   /* same criterion: follows the signal */
  other = scs_evidence_list_new ();  /* another criterion: stays empty */
  g_object_ref (list);
  g_object_ref (twin);
  g_object_ref (other);
  g_object_set (list, "workspace", fixture->workspace, "criterion-id", criterion, NULL);
  g_object_set (twin, "workspace", fixture->workspace, "criterion-id", criterion, NULL);
  g_object_set (other, "workspace", fixture->workspace, "criterion-id", other_criterion, NULL);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  gtk_box_append (GTK_BOX (box), list);
  gtk_box_append (GTK_BOX (box), twin);
  gtk_widget_set_visible (twin, FALSE);
  gtk_box_append (GTK_BOX (box), other);
  gtk_widget_set_visible (other, FALSE);
  overlay = adw_toast_overlay_new ();
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), box);
  window = gui_test_show_in_window (overlay, 520, 300);
  install_win_toast (window, overlay);

  gui_test_save_png (window, "widget-", "evidence-list-empty", ".png", GUI_TEST_WAIT_LAID_OUT);

  /* A path and a URI are both accepted. Adding runs on a worker thread:
   * busy at once, the file in the list (and the count) once it is done. */
  g_assert_true (gtk_widget_activate_action (list, "evidence.add-file", "s", text_path));
  g_assert_true (gtk_widget_get_visible (gui_test_find_child (list, "busy_box")));
  wait_for_adds (SCS_EVIDENCE_LIST (list));
  g_assert_cmpuint (gui_test_n_rows (list, "list_box"), ==, 1);
  g_assert_cmpuint (count_evidence (fixture->workspace, criterion), ==, 1);
  g_assert_cmpuint (scs_answer_get_n_evidence (scs_workspace_lookup_answer (fixture->workspace, criterion)), ==, 1);
  g_assert_true (gtk_widget_activate_action (list, "evidence.add-file", "s", pdf_uri));
  wait_for_adds (SCS_EVIDENCE_LIST (list));
  g_assert_cmpuint (gui_test_n_rows (list, "list_box"), ==, 2);
  g_assert_cmpuint (count_evidence (fixture->workspace, criterion), ==, 2);
  g_assert_cmpuint (scs_answer_get_n_evidence (scs_workspace_lookup_answer (fixture->workspace, criterion)), ==, 2);
  g_assert_cmpuint (gui_test_n_rows (twin, "list_box"), ==, 2);
  g_assert_cmpuint (gui_test_n_rows (other, "list_box"), ==, 0);

  /* A missing file changes nothing, and the error names it */
  g_assert_true (gtk_widget_activate_action (list, "evidence.add-file", "s", missing_path));
  wait_for_adds (SCS_EVIDENCE_LIST (list));
  wait_for_toast (overlay, "no-such-file.pdf");
  g_assert_cmpuint (gui_test_n_rows (list, "list_box"), ==, 2);
  g_assert_cmpuint (count_evidence (fixture->workspace, NULL), ==, 2);

  /* Issue 16: a file over the limit is refused when it is added, with the
   * limit in the message (a sparse file: it is never read) */
  {
    g_autofree char *big = g_build_filename (fixture->dir, "video.mp4", NULL);
    FILE *f = fopen (big, "w");
    const char *message;

    g_assert_nonnull (f);
    g_assert_cmpint (ftruncate (fileno (f), (off_t) SCS_EVIDENCE_MAX_SIZE + 1), ==, 0);
    fclose (f);
    g_assert_true (gtk_widget_activate_action (list, "evidence.add-file", "s", big));
    wait_for_adds (SCS_EVIDENCE_LIST (list));
    message = wait_for_toast (overlay, "video.mp4");
    g_test_message ("%s", message);
    g_assert_nonnull (strstr (message, "video.mp4"));
    g_assert_nonnull (strstr (message, "256.0\u00a0MiB"));
    g_assert_cmpuint (count_evidence (fixture->workspace, NULL), ==, 2);
    g_unlink (big);
  }

  gui_test_save_png (window, "widget-", "evidence-list", ".png", GUI_TEST_WAIT_LAID_OUT);

  stored = scs_workspace_list_evidence (fixture->workspace, criterion, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < stored->len; i++)
    {
      ScsEvidence *evidence = g_ptr_array_index (stored, i);

      if (g_str_equal (evidence->name, "基本方針.pdf"))
        sha256 = evidence->sha256;
    }
  g_assert_nonnull (sha256);

  /* Opening a PDF shows it in the preview, transient for our window */
  g_assert_null (gui_test_find_toplevel (SCS_TYPE_PDF_PREVIEW));
  g_assert_true (gtk_widget_activate_action (list, "evidence.open", "s", sha256));
  preview = gui_test_find_toplevel (SCS_TYPE_PDF_PREVIEW);
  g_assert_nonnull (preview);
  g_assert_true (gtk_window_get_transient_for (preview) == GTK_WINDOW (window));
  assert_pdf_page (preview, 1, 2);
  gtk_window_destroy (preview);

  /* Remove unlinks it from this criterion */
  g_assert_true (gtk_widget_activate_action (list, "evidence.remove", "s", sha256));
  g_assert_cmpuint (gui_test_n_rows (list, "list_box"), ==, 1);
  g_assert_cmpuint (gui_test_n_rows (twin, "list_box"), ==, 1);
  g_assert_cmpuint (count_evidence (fixture->workspace, criterion), ==, 1);

  /* Moving to another criterion while a file is added: it still goes to the
   * criterion it was dropped on, and the list shows the new one */
  {
    g_autofree char *minutes_path = g_build_filename (fixture->dir, "委員会.txt", NULL);

    g_file_set_contents (minutes_path, "2026年5月 委員会\n", -1, &error);
    g_assert_no_error (error);
    g_assert_true (gtk_widget_activate_action (other, "evidence.add-file", "s", minutes_path));
    g_object_set (other, "criterion-id", criterion, NULL);
    /* the spinner stays with the criterion the file goes to */
    g_assert_false (gtk_widget_get_visible (gui_test_find_child (other, "busy_box")));
    g_object_set (other, "criterion-id", other_criterion, NULL);
    wait_for_adds (SCS_EVIDENCE_LIST (other));
    g_object_set (other, "criterion-id", criterion, NULL);
    g_assert_cmpuint (count_evidence (fixture->workspace, other_criterion), ==, 1);
    g_assert_cmpuint (count_evidence (fixture->workspace, criterion), ==, 1);
    g_assert_cmpuint (gui_test_n_rows (other, "list_box"), ==, 1);
    g_assert_cmpuint (scs_answer_get_n_evidence (scs_workspace_lookup_answer (fixture->workspace, other_criterion)), ==, 1);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (list);
  g_assert_finalize_object (twin);
  g_assert_finalize_object (other);
}

static GtkDropTarget *
find_drop_target (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        return GTK_DROP_TARGET (controller);
    }

  return NULL;
}

/* Widgets under @widget, itself included. */
static guint
count_widgets (GtkWidget *widget)
{
  guint n = 1;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_widgets (child);
  return n;
}

/* The list's row of the file named @name. */
static GtkListBoxRow *
evidence_row (GtkWidget  *list,
              const char *name)
{
  GtkListBox *box = GTK_LIST_BOX (gui_test_get_child (list, "list_box"));
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (box, i)) != NULL; i++)
    {
      /* NULL when it matches, else what differs */
      g_autofree char *differs = gtk_test_accessible_check_property (GTK_ACCESSIBLE (row),
                                                                     GTK_ACCESSIBLE_PROPERTY_LABEL, name);

      if (differs == NULL)
        return row;
    }
  return NULL;
}

static gboolean
one_evidence_row (gpointer list)
{
  return gui_test_n_rows (list, "list_box") == 1;
}

static gboolean
no_evidence_row (gpointer list)
{
  return gui_test_n_rows (list, "list_box") == 0;
}

static void
count_kind (GskRenderNode *node,
            gpointer       data)
{
  guint *by_type = data;

  by_type[gsk_render_node_get_node_type (node)]++;
}

/* How many render nodes of each kind @row draws (made again as for a new
 * frame), by GskRenderNodeType. */
static void
row_nodes (GtkListBoxRow *row,
           guint          by_type[64])
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderNode *node;

  memset (by_type, 0, 64 * sizeof (guint));
  gtk_widget_queue_draw (GTK_WIDGET (row));
  gtk_widget_snapshot_child (gtk_widget_get_parent (GTK_WIDGET (row)), GTK_WIDGET (row), snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  gui_test_walk_render_nodes (node, count_kind, by_type);
  gsk_render_node_unref (node);
}

/* Each file of the list is a row the keyboard reaches and a screen reader
 * names by the file (its size and digest the description): Enter opens it,
 * its remove button (named after the file, reached by Tab from the row)
 * unlinks it; read-only, rows still open and there is nothing to remove.
 * A file is two widgets, the row drawing its icon and text and the button
 * its icon: the checklist builds a criterion's list whenever a row is given
 * to it, and draws every card in view at each frame (an AdwActionRow with
 * a button was eleven widgets, a box of an image, a label and a button
 * six). A list shown for another criterion keeps its rows. */
static void
test_evidence_list_rows (Fixture       *fixture,
                         gconstpointer  user_data)
{
  const char *criterion = nth_criterion_id (fixture->workspace, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = make_pdf (1);
  g_autofree char *text_path = g_build_filename (fixture->dir, "議事録 <案>.txt", NULL);
  g_autofree char *pdf_path = g_build_filename (fixture->dir, "基本方針.pdf", NULL);
  g_autoptr(GFile) text_file = g_file_new_for_path (text_path);
  g_autoptr(GFile) pdf_file = g_file_new_for_path (pdf_path);
  g_autofree char *text_sha = NULL;
  g_autofree char *pdf_sha = NULL;
  g_autofree char *caption = NULL;
  GtkWidget *window, *list, *button;
  GtkListBoxRow *row;
  GtkWindow *preview;

  g_assert_true (g_file_set_contents (text_path, "議事録\n", -1, NULL));
  g_assert_true (g_file_set_contents (pdf_path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), NULL));
  text_sha = scs_workspace_add_evidence (fixture->workspace, criterion, text_file, NULL, &error);
  g_assert_no_error (error);
  pdf_sha = scs_workspace_add_evidence (fixture->workspace, criterion, pdf_file, NULL, &error);
  g_assert_no_error (error);

  list = scs_evidence_list_new ();
  g_object_set (list, "workspace", fixture->workspace, "criterion-id", criterion, NULL);
  window = gui_test_show_in_window (list, 520, 300);
  gui_test_wait_for_widget (list, 10, GUI_TEST_WAIT_LAID_OUT);
  g_assert_cmpuint (gui_test_n_rows (list, "list_box"), ==, 2);

  /* Named by the file (markup in a name is text), described by its size and digest. */
  row = evidence_row (list, "議事録 <案>.txt");
  g_assert_nonnull (row);
  g_assert_true (gtk_list_box_row_get_activatable (row));
  {
    g_autofree char *size = g_format_size (strlen ("議事録\n"));

    caption = g_strdup_printf (_("%s, SHA-256 %.12s"), size, text_sha);
  }
  gtk_test_accessible_assert_property (row, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, caption);
  g_assert_true (gtk_widget_get_has_tooltip (GTK_WIDGET (row)));
  g_assert_cmpuint (count_widgets (GTK_WIDGET (row)), ==, 2);
  /* what it draws: the file's icon and the button's (each a texture), the
   * name and the caption */
  {
    guint by_type[64];

    row_nodes (row, by_type);
    g_assert_cmpuint (by_type[GSK_TEXTURE_NODE], ==, 2);
    g_assert_cmpuint (by_type[GSK_TEXT_NODE], >=, 2);
  }

  /* Its remove button: reached by the keyboard, named after the file. */
  button = gui_test_find_by_type (GTK_WIDGET (row), GTK_TYPE_BUTTON);
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_focusable (button));
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (row)));
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (row), GTK_DIR_TAB_FORWARD));
  g_assert_true (gtk_widget_has_focus (button));
  {
    g_autofree char *label = g_strdup_printf (_("Remove ‘%s’ from this criterion"), "議事録 <案>.txt");

    gtk_test_accessible_assert_property (button, GTK_ACCESSIBLE_PROPERTY_LABEL, label);
  }

  /* Enter on the PDF's row opens it. */
  row = evidence_row (list, "基本方針.pdf");
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (row)));
  g_assert_null (gui_test_find_toplevel (SCS_TYPE_PDF_PREVIEW));
  g_assert_true (gtk_widget_activate (GTK_WIDGET (row)));
  preview = gui_test_find_toplevel (SCS_TYPE_PDF_PREVIEW);
  g_assert_nonnull (preview);
  gtk_window_destroy (preview);

  /* The text file's remove button unlinks it (a key press on a button
   * clicks it when GTK has shown it pressed). */
  g_assert_true (gtk_widget_activate (button));
  gui_test_wait_until (one_evidence_row, list, 10);
  g_assert_cmpuint (gui_test_n_rows (list, "list_box"), ==, 1);
  g_assert_cmpuint (count_evidence (fixture->workspace, criterion), ==, 1);
  g_assert_null (evidence_row (list, "議事録 <案>.txt"));

  /* Shown for another criterion, the list keeps its row: it shows the other
   * criterion's file, and its button removes that one. */
  {
    const char *other = nth_criterion_id (fixture->workspace, 1);
    g_autofree char *other_sha = NULL;
    GtkWidget *kept = GTK_WIDGET (evidence_row (list, "基本方針.pdf"));

    other_sha = scs_workspace_add_evidence (fixture->workspace, other, text_file, NULL, &error);
    g_assert_no_error (error);
    g_object_add_weak_pointer (G_OBJECT (kept), (gpointer *) &kept);
    g_object_set (list, "criterion-id", other, NULL);
    g_assert_cmpuint (gui_test_n_rows (list, "list_box"), ==, 1);
    g_assert_nonnull (kept);
    g_assert_true (GTK_WIDGET (evidence_row (list, "議事録 <案>.txt")) == kept);
    g_assert_true (gtk_widget_activate (gui_test_find_by_type (kept, GTK_TYPE_BUTTON)));
    gui_test_wait_until (no_evidence_row, list, 10);
    g_assert_cmpuint (count_evidence (fixture->workspace, other), ==, 0);
    g_assert_cmpuint (count_evidence (fixture->workspace, criterion), ==, 1);
    g_object_remove_weak_pointer (G_OBJECT (kept), (gpointer *) &kept);
    g_object_set (list, "criterion-id", criterion, NULL);
  }

  /* Read-only: the row still opens, nothing in it removes. */
  scs_evidence_list_set_read_only (SCS_EVIDENCE_LIST (list), TRUE);
  row = evidence_row (list, "基本方針.pdf");
  g_assert_nonnull (row);
  g_assert_null (gui_test_find_by_type (GTK_WIDGET (row), GTK_TYPE_BUTTON));
  g_assert_cmpuint (count_widgets (GTK_WIDGET (row)), ==, 1);
  gtk_test_accessible_assert_property (row, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("Preview"));
  {
    guint by_type[64];

    /* the file's icon and the preview icon */
    gui_test_wait_for_widget (list, 10, GUI_TEST_WAIT_LAID_OUT);
    row_nodes (row, by_type);
    g_assert_cmpuint (by_type[GSK_TEXTURE_NODE], ==, 2);
  }
  g_assert_false (gtk_widget_get_visible (gui_test_get_child (list, "add_button")));
  gtk_widget_activate_action (list, "evidence.remove", "s", pdf_sha);
  g_assert_cmpuint (count_evidence (fixture->workspace, criterion), ==, 1);
  g_assert_true (gtk_widget_activate (GTK_WIDGET (row)));
  preview = gui_test_find_toplevel (SCS_TYPE_PDF_PREVIEW);
  g_assert_nonnull (preview);
  gtk_window_destroy (preview);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_evidence_list_drop (Fixture       *fixture,
                         gconstpointer  user_data)
{
  const char *criterion = nth_criterion_id (fixture->workspace, 2);
  g_autoptr(GError) error = NULL;
  g_autofree char *path_a = g_build_filename (fixture->dir, "資産台帳.csv", NULL);
  g_autofree char *path_b = g_build_filename (fixture->dir, "ログ.txt", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.txt", NULL);
  GFile *files[3];
  GdkFileList *file_list;
  GValue value = G_VALUE_INIT;
  GtkDropTarget *target;
  GtkWidget *list, *overlay, *window;
  gboolean accepted = FALSE;

  g_file_set_contents (path_a, "名前,種別\nNAS,サーバ\n", -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (path_b, "2026-04-01 login ok\n", -1, &error);
  g_assert_no_error (error);

  list = g_object_ref (scs_evidence_list_new ());
  g_object_set (list, "workspace", fixture->workspace, "criterion-id", criterion, NULL);
  overlay = adw_toast_overlay_new ();
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), list);
  window = gui_test_show_in_window (overlay, 480, 240);
  install_win_toast (window, overlay);

  target = find_drop_target (list);
  g_assert_nonnull (target);
  g_assert_true (g_type_is_a (GDK_TYPE_FILE_LIST, gdk_content_formats_get_gtypes (gtk_drop_target_get_formats (target), NULL)[0]));

  /* Two readable files and one that is gone: the two are added, the toast
   * reports the third, nothing else changes. */
  files[0] = g_file_new_for_path (path_a);
  files[1] = g_file_new_for_path (missing);
  files[2] = g_file_new_for_path (path_b);
  file_list = gdk_file_list_new_from_array (files, G_N_ELEMENTS (files));
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, file_list);
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_value_unset (&value);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    g_object_unref (files[i]);

  g_assert_true (accepted);
  wait_for_adds (SCS_EVIDENCE_LIST (list));
  g_assert_cmpuint (gui_test_n_rows (list, "list_box"), ==, 2);
  g_assert_cmpuint (count_evidence (fixture->workspace, criterion), ==, 2);
  g_assert_cmpuint (count_evidence (fixture->workspace, NULL), ==, 2);
  wait_for_toast (overlay, "missing.txt");

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (list);
}

/* ------------------------------------------------------------ PDF preview */

static void
test_pdf_preview_pages (void)
{
  g_autoptr(GBytes) pdf = make_pdf (2);
  g_autoptr(GError) error = NULL;
  ScsPdfPreview *preview;

  preview = scs_pdf_preview_new (pdf, "基本方針.pdf", &error);
  g_assert_no_error (error);
  g_assert_nonnull (preview);
  g_object_ref (preview);

  assert_pdf_page (preview, 1, 2);
  gtk_window_set_default_size (GTK_WINDOW (preview), 480, 640);
  gtk_window_present (GTK_WINDOW (preview));
  gui_test_save_png (GTK_WIDGET (preview), "widget-", "pdf-preview", ".png", GUI_TEST_WAIT_LAID_OUT);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (preview), "preview.next", NULL));
  assert_pdf_page (preview, 2, 2);
  /* The last page stays the last page */
  gtk_widget_activate_action (GTK_WIDGET (preview), "preview.next", NULL);
  assert_pdf_page (preview, 2, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (preview), "preview.previous", NULL));
  assert_pdf_page (preview, 1, 2);
  gtk_widget_activate_action (GTK_WIDGET (preview), "preview.previous", NULL);
  assert_pdf_page (preview, 1, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (preview), "preview.last", NULL));
  assert_pdf_page (preview, 2, 2);
  gui_test_save_png (GTK_WIDGET (preview), "widget-", "pdf-preview-page-2", ".png", GUI_TEST_WAIT_LAID_OUT);

  gtk_window_destroy (GTK_WINDOW (preview));
  g_assert_finalize_object (preview);
}

static void
test_pdf_preview_broken (void)
{
  static const char broken[] = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer garbage";
  g_autoptr(GBytes) bytes = g_bytes_new_static (broken, sizeof broken - 1);
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(GBytes) pdf = make_pdf (1);
  g_autoptr(GBytes) truncated = g_bytes_new_from_bytes (pdf, 0, g_bytes_get_size (pdf) / 3);
  g_autoptr(GError) error = NULL;

  g_assert_null (scs_pdf_preview_new (bytes, "broken.pdf", &error));
  g_assert_error (error, SCS_PDF_PREVIEW_ERROR, SCS_PDF_PREVIEW_ERROR_NOT_PDF);
  g_assert_nonnull (strstr (error->message, "broken.pdf"));
  g_clear_error (&error);

  g_assert_null (scs_pdf_preview_new (empty, "empty.pdf", &error));
  g_assert_error (error, SCS_PDF_PREVIEW_ERROR, SCS_PDF_PREVIEW_ERROR_NOT_PDF);
  g_clear_error (&error);

  g_assert_null (scs_pdf_preview_new (truncated, "truncated.pdf", &error));
  g_assert_error (error, SCS_PDF_PREVIEW_ERROR, SCS_PDF_PREVIEW_ERROR_NOT_PDF);
  /* Issue 16: in the user's language (Japanese here), not Poppler's English */
  g_assert_nonnull (strstr (error->message, "PDF ファイルとして読み込めません"));
  g_clear_error (&error);

  /* a non-PDF file no application opens: said in the user's language,
   * with the file's name and type, not GLib's English */
  {
    g_autoptr(GError) launch = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                                    "No application is registered as handling this file");
    g_autofree char *message = scs_evidence_list_describe_launch_error ("議事録.docx", "application/msword",
                                                                        launch);

    g_test_message ("%s", message);
    g_assert_nonnull (strstr (message, "議事録.docx"));
    g_assert_nonnull (strstr (message, "このコンピューター"));
    g_assert_null (strstr (message, "registered"));
  }
}


/* ------------------------------------------------------ organisation dialog */

static void
on_org_saved (ScsOrgDialog *dialog,
              gboolean     *saved)
{
  *saved = TRUE;
}

/* Issue 16: the organisation's details are edited in the window: a wrong
 * check digit keeps Save off, saving writes the workspace with an audit
 * row old → new, and after the expert has signed the form is read-only
 * and says why. */
static void
test_org_dialog (Fixture       *fixture,
                 gconstpointer  user_data)
{
  ScsOrgDialog *dialog = scs_org_dialog_new (NULL, fixture->workspace);
  GtkWidget *widget = GTK_WIDGET (dialog);
  AdwEntryRow *address = ADW_ENTRY_ROW (gtk_widget_get_template_child (widget, SCS_TYPE_ORG_DIALOG, "address_row"));
  AdwEntryRow *number = ADW_ENTRY_ROW (gtk_widget_get_template_child (widget, SCS_TYPE_ORG_DIALOG,
                                                                      "corporate_number_row"));
  g_autofree char *good_number = g_strdup (gtk_editable_get_text (GTK_EDITABLE (number)));
  g_autofree char *certs = g_build_filename (fixture->dir, "certs", NULL);
  g_autoptr(ScsOrganization) org = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GError) error = NULL;
  gboolean saved = FALSE;

  g_signal_connect (dialog, "saved", G_CALLBACK (on_org_saved), &saved);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (address)), ==, "東京都千代田区1-1-1");
  g_assert_false (gtk_widget_get_visible (gui_test_find_child (widget, "message_label")));

  /* a wrong check digit: Save is off, and the row says why */
  gtk_editable_set_text (GTK_EDITABLE (number), "1000012050002");
  gtk_widget_activate_action (widget, "org.save", NULL);
  g_assert_false (saved);
  org = scs_workspace_dup_organization (fixture->workspace);
  g_assert_cmpstr (org->corporate_number, ==, good_number);
  g_clear_pointer (&org, scs_organization_free);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (number), "error"));
  gtk_editable_set_text (GTK_EDITABLE (number), good_number);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (number), "error"));

  gtk_editable_set_text (GTK_EDITABLE (address), "大阪府大阪市北区2-2-2");
  gui_test_save_png (widget, "widget-", "org-dialog", ".png", GUI_TEST_WAIT_FRAMES);
  g_assert_true (gtk_widget_activate_action (widget, "org.save", NULL));
  g_assert_true (saved);
  org = scs_workspace_dup_organization (fixture->workspace);
  g_assert_cmpstr (org->address, ==, "大阪府大阪市北区2-2-2");
  audit = scs_workspace_list_audit (fixture->workspace, 1, &error);
  g_assert_no_error (error);
  {
    ScsAuditEntry *entry = g_ptr_array_index (audit, 0);

    g_assert_cmpstr (entry->action, ==, "organization");
    g_assert_cmpstr (entry->old_value, ==, "東京都千代田区1-1-1");
    g_assert_cmpstr (entry->new_value, ==, "大阪府大阪市北区2-2-2");
  }

  /* behind the seal: read-only, with the reason */
  core_test_make_certificates (certs, TRUE);
  core_test_seal_workspace (fixture->workspace, certs, FALSE);
  dialog = scs_org_dialog_new (NULL, fixture->workspace);
  widget = GTK_WIDGET (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (gtk_widget_get_visible (gui_test_find_child (widget, "message_label")));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (gui_test_find_child (widget, "message_label"))),
                            "確認ラウンド"));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (gtk_widget_get_template_child (widget, SCS_TYPE_ORG_DIALOG,
                                                                                        "form_group"))));
  gui_test_save_png (widget, "widget-", "org-dialog-sealed", ".png", GUI_TEST_WAIT_FRAMES);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* -------------------------------------------------------------- dashboard */

static void
on_show_category (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  guint *shown = user_data;

  *shown = g_variant_get_uint32 (parameter);
}

static GtkWidget *
find_category_button (GtkWidget *root,
                      guint      number)
{
  if (GTK_IS_BUTTON (root) &&
      GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (root), "category")) == number)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_category_button (child, number);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* What the page's table says of @category (0: the whole catalog, its
 * last row): the count per state, in the columns met, not applicable, not
 * met, unanswered, then the total. */
static void
shown_progress (GtkWidget   *page,
                guint        category,
                ScsProgress *progress)
{
  static const ScsAnswerState columns[] = {
    SCS_ANSWER_MET, SCS_ANSWER_NOT_APPLICABLE, SCS_ANSWER_NOT_MET, SCS_ANSWER_UNANSWERED,
  };
  GtkGrid *table = GTK_GRID (gui_test_find_child (page, "table"));
  guint row = category;

  if (category == 0)
    while (gtk_grid_get_child_at (table, 0, row + 1) != NULL)
      row++;
  memset (progress, 0, sizeof *progress);
  for (guint c = 0; c <= G_N_ELEMENTS (columns); c++)
    {
      GtkWidget *cell = gtk_grid_get_child_at (table, c + 1, row);
      guint value = (guint) g_ascii_strtoull (gtk_label_get_label (GTK_LABEL (cell)), NULL, 10);

      if (c < G_N_ELEMENTS (columns))
        progress->counts[columns[c]] = value;
      else
        progress->total = value;
    }
}

static void
assert_page_matches_model (GtkWidget    *page,
                           ScsWorkspace *workspace)
{
  guint n = scs_catalog_get_n_categories (scs_workspace_get_catalog (workspace));

  for (guint i = 0; i <= n; i++)
    {
      ScsProgress shown, model;

      shown_progress (page, i, &shown);
      scs_workspace_get_progress (workspace, i, 3, &model);
      g_assert_cmpuint (shown.total, ==, model.total);
      for (guint s = 0; s < SCS_N_ANSWER_STATES; s++)
        g_assert_cmpuint (shown.counts[s], ==, model.counts[s]);
    }
}

static gboolean
is_urgency_mark (GtkWidget     *widget,
                 gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, data);
}

/* The page's life cycle as shown: "title\tsubtitle\turgency class" per row. */
static char *
life_cycle_text (GtkWidget *page)
{
  static const char * const urgencies[] = { "success", "warning", "error" };
  GtkWidget *list = gui_test_find_child (page, "life_list");
  GString *text = g_string_new (NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      const char *urgency = "";

      for (guint i = 0; i < G_N_ELEMENTS (urgencies); i++)
        if (gui_test_find (row, is_urgency_mark, urgencies[i]) != NULL)
          urgency = urgencies[i];
      g_string_append_printf (text, "%s\t%s\t%s\n", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                              adw_action_row_get_subtitle (ADW_ACTION_ROW (row)) ?: "", urgency);
    }
  return g_string_free (text, FALSE);
}

/* Records a star as the user does: "Record Certification…", the date and
 * registry ID typed, "Record". */
static void
record_certification (GtkWidget  *page,
                      const char *obtained,
                      const char *registry_id)
{
  GtkWindow *dialog;

  g_assert_true (gtk_widget_activate_action (page, "dashboard.record-certification", NULL));
  dialog = g_object_ref (gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  gtk_editable_set_text (g_object_get_data (G_OBJECT (dialog), "date"), obtained);
  gtk_editable_set_text (g_object_get_data (G_OBJECT (dialog), "registry"), registry_id);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "record");
  gtk_window_destroy (dialog);
  g_object_unref (dialog);
}

static void
test_dashboard (Fixture       *fixture,
                gconstpointer  user_data)
{
  ScsCatalog *catalog = scs_workspace_get_catalog (fixture->workspace);
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) action = g_simple_action_new ("show-category", G_VARIANT_TYPE_UINT32);
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  GListModel *answers = scs_workspace_get_answers (fixture->workspace);
  ScsProgress all;
  GtkWidget *page, *window, *button;
  guint shown = 0;

  page = g_object_new (SCS_TYPE_DASHBOARD_PAGE, NULL);
  g_object_ref (page);
  scs_dashboard_page_set_workspace (SCS_DASHBOARD_PAGE (page), fixture->workspace);

  shown_progress (page, 0, &all);
  g_assert_cmpuint (all.total, ==, scs_catalog_count_criteria (catalog, 3));
  g_assert_cmpuint (all.counts[SCS_ANSWER_UNANSWERED], ==, all.total);
  g_assert_cmpuint (all.counts[SCS_ANSWER_MET] + all.counts[SCS_ANSWER_NOT_APPLICABLE], ==, 0);

  /* Answer a spread of criteria across categories; the page follows. */
  for (guint i = 0; i < g_list_model_get_n_items (answers); i += 2)
    {
      g_autoptr(ScsAnswer) answer = g_list_model_get_item (answers, i);
      const char *id = scs_answer_get_criterion_id (answer);
      ScsAnswerState state = (i / 2) % 5 == 4 ? SCS_ANSWER_NOT_APPLICABLE
                           : (i / 2) % 5 == 3 ? SCS_ANSWER_NOT_MET
                           : SCS_ANSWER_MET;

      scs_workspace_set_answer (fixture->workspace, id, state, NULL,
                                state == SCS_ANSWER_NOT_APPLICABLE ? "該当するシステムを保有していない" : NULL,
                                &error);
      g_assert_no_error (error);
    }
  assert_page_matches_model (page, fixture->workspace);
  shown_progress (page, 0, &all);
  g_assert_cmpuint (all.counts[SCS_ANSWER_MET], >, 0);
  g_assert_cmpuint (all.counts[SCS_ANSWER_NOT_MET], >, 0);
  g_assert_cmpuint (all.counts[SCS_ANSWER_NOT_APPLICABLE], >, 0);

  /* The chart is described in words to assistive technology: every
   * category is named. (GTK 4.8 reads an accessible property back only
   * this way: the check returns the value when it differs.) */
  summary = gtk_test_accessible_check_property (GTK_ACCESSIBLE (gui_test_find_child (page, "chart")),
                                                GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "");
  g_assert_nonnull (summary);
  for (guint i = 1; i <= scs_catalog_get_n_categories (catalog); i++)
    g_assert_nonnull (strstr (summary, scs_category_get_title (scs_catalog_get_category (catalog, i))));

  /* A category can be opened from the table (the keyboard path) */
  g_signal_connect (action, "activate", G_CALLBACK (on_show_category), &shown);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (action));
  window = gui_test_show_in_window (page, 760, 900);
  gtk_widget_insert_action_group (window, "win", G_ACTION_GROUP (group));
  button = find_category_button (page, 3);
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpuint (shown, ==, 3);

  /* The life cycle: nothing until a star is recorded from the page (the
   * core's refusals shown), then its expiry and the new check, coloured by
   * how soon they fall due. */
  {
    g_autofree char *life = life_cycle_text (page);
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autoptr(GDateTime) granted = g_date_time_add_days (now, -340);
    g_autofree char *obtained = g_date_time_format (granted, "%Y-%m-%d");
    GtkWidget *error_label = gui_test_find_child (page, "life_error_label");

    g_assert_nonnull (strstr (life, "星はまだ記録されていません"));
    record_certification (page, "2099-04-01", "");
    g_assert_true (gtk_widget_get_visible (error_label));
    g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (error_label)), !=, "");
    g_clear_pointer (&life, g_free);
    life = life_cycle_text (page);
    g_assert_nonnull (strstr (life, "星はまだ記録されていません"));
    record_certification (page, obtained, "R-3");
    g_assert_false (gtk_widget_get_visible (error_label));
    g_clear_pointer (&life, g_free);
    life = life_cycle_text (page);
    g_test_message ("%s", life);
    g_assert_nonnull (strstr (life, "★3 の有効期限"));
    g_assert_nonnull (strstr (life, "セキュリティ専門家による再確認の期限"));
    g_assert_nonnull (strstr (life, "\twarning\n"));
    g_assert_null (strstr (life, "\terror\n"));
  }

  gui_test_save_png (window, "widget-", "dashboard", ".png", GUI_TEST_WAIT_LAID_OUT);

  /* A ★4 target on the built-in catalog, every ★3 criterion fulfilled:
   * the page says the ★4 criteria are missing, never a ★3 readiness or a
   * count of the known criteria that would read as complete. */
  {
    g_autofree char *status = gui_test_dashboard_status (page);

    g_assert_nonnull (strstr (status, "★3 の準備状況"));
    for (guint i = 0; i < g_list_model_get_n_items (answers); i++)
      {
        g_autoptr(ScsAnswer) answer = g_list_model_get_item (answers, i);

        g_assert_true (scs_workspace_set_answer (fixture->workspace, scs_answer_get_criterion_id (answer),
                                                 SCS_ANSWER_MET, NULL, NULL, &error));
      }
    g_clear_pointer (&status, g_free);
    status = gui_test_dashboard_status (page);
    g_assert_nonnull (strstr (status, "★3 の準備が整いました"));
    g_assert_true (scs_workspace_set_target_level (fixture->workspace, 4, &error));
    g_assert_no_error (error);
    g_clear_pointer (&status, g_free);
    status = gui_test_dashboard_status (page);
    g_test_message ("%s", status);
    g_assert_nonnull (strstr (status, "★4 の準備状況"));
    g_assert_nonnull (strstr (status, "★4 の評価基準がありません。IPA公式ワークブックをインポートしてください"));
    g_assert_nonnull (strstr (status, "★4 の準備はまだ整っていません"));
    g_assert_null (strstr (status, "★3"));
    g_assert_null (strstr (status, "充足"));
    g_assert_null (strstr (status, "準備が整いました"));
  }
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  gui_test_save_png (window, "widget-", "dashboard-dark", ".png", GUI_TEST_WAIT_LAID_OUT);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (page);
}

/* --------------------------------------------------- new-workspace dialog */

static void
set_row_text (GtkWidget  *root,
              const char *name,
              const char *text)
{
  GtkWidget *row = gui_test_find_by_name (root, name);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
test_new_workspace_validation (void)
{
  ScsNewWorkspaceDialog *dialog = scs_new_workspace_dialog_new (NULL);
  GtkWidget *create, *number_row, *message, *sole;
  g_autofree char *valid = gui_test_sample_corporate_number ();
  g_autofree char *invalid = g_strdup (valid);
  g_autofree char *spaced = NULL;

  g_object_ref (dialog);
  create = gui_test_find_by_name (GTK_WIDGET (dialog), "create-button");
  number_row = gui_test_find_by_name (GTK_WIDGET (dialog), "corporate-number");
  message = gui_test_find_by_name (GTK_WIDGET (dialog), "corporate-number-message");
  sole = gui_test_find_by_name (GTK_WIDGET (dialog), "sole-proprietor");
  g_assert_nonnull (create);
  g_assert_nonnull (number_row);
  g_assert_nonnull (message);
  g_assert_nonnull (sole);

  g_assert_false (gtk_widget_get_sensitive (create));

  set_row_text (GTK_WIDGET (dialog), "name", "株式会社テスト製作所");
  g_assert_false (gtk_widget_get_sensitive (create));

  /* A wrong check digit: red row, message, nothing to create */
  invalid[0] = invalid[0] == '9' ? '1' : invalid[0] + 1;
  set_row_text (GTK_WIDGET (dialog), "corporate-number", invalid);
  g_assert_false (gtk_widget_get_sensitive (create));
  g_assert_true (gtk_widget_has_css_class (number_row, "error"));
  g_assert_true (gtk_widget_get_visible (message));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (message)), !=, "");
  gtk_window_present (GTK_WINDOW (dialog));
  gui_test_save_png (GTK_WIDGET (dialog), "widget-", "new-workspace-invalid", ".png", GUI_TEST_WAIT_LAID_OUT);

  /* Too short */
  set_row_text (GTK_WIDGET (dialog), "corporate-number", "12345");
  g_assert_false (gtk_widget_get_sensitive (create));
  g_assert_true (gtk_widget_has_css_class (number_row, "error"));

  /* Valid, written with hyphens: accepted and normalised */
  spaced = g_strdup_printf ("%.1s-%.4s-%.4s-%.4s", valid, valid + 1, valid + 5, valid + 9);
  set_row_text (GTK_WIDGET (dialog), "corporate-number", spaced);
  g_assert_true (gtk_widget_get_sensitive (create));
  g_assert_false (gtk_widget_has_css_class (number_row, "error"));
  g_assert_false (gtk_widget_get_visible (message));
  gui_test_save_png (GTK_WIDGET (dialog), "widget-", "new-workspace", ".png", GUI_TEST_WAIT_LAID_OUT);

  /* A sole proprietor needs no number, even a wrong one left in the row */
  set_row_text (GTK_WIDGET (dialog), "corporate-number", invalid);
  g_assert_false (gtk_widget_get_sensitive (create));
  gtk_switch_set_active (GTK_SWITCH (sole), TRUE);
  g_assert_true (gtk_widget_get_sensitive (create));
  g_assert_false (gtk_widget_get_visible (number_row));

  /* And no name, no workspace */
  set_row_text (GTK_WIDGET (dialog), "name", "   ");
  g_assert_false (gtk_widget_get_sensitive (create));

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);
}

static void
on_created (ScsNewWorkspaceDialog *dialog,
            ScsWorkspace          *workspace,
            gpointer               user_data)
{
  ScsWorkspace **out = user_data;

  g_assert_null (*out);
  *out = g_object_ref (workspace);
}

static void
test_new_workspace_create (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("scs-test-dialog-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "テスト製作所.scsw", NULL);
  g_autofree char *bad_path = g_build_filename (dir, "no-such-dir", "x.scsw", NULL);
  g_autofree char *valid = gui_test_sample_corporate_number ();
  g_autofree char *spaced = NULL;
  g_autoptr(ScsOrganization) org = NULL;
  ScsNewWorkspaceDialog *dialog;
  ScsWorkspace *created = NULL;
  ScsWorkspace *reopened;
  GtkWidget *error_label;

  g_assert_no_error (error);
  dialog = scs_new_workspace_dialog_new (NULL);
  g_object_ref (dialog);
  g_signal_connect (dialog, "created", G_CALLBACK (on_created), &created);
  gtk_window_present (GTK_WINDOW (dialog));

  set_row_text (GTK_WIDGET (dialog), "name", "株式会社テスト製作所");
  set_row_text (GTK_WIDGET (dialog), "trade-name", "テスト製作所");
  /* written with hyphens: stored normalised */
  spaced = g_strdup_printf ("%.1s-%.4s-%.4s-%.4s", valid, valid + 1, valid + 5, valid + 9);
  set_row_text (GTK_WIDGET (dialog), "corporate-number", spaced);
  set_row_text (GTK_WIDGET (dialog), "address", "大阪府大阪市北区1-2-3");
  set_row_text (GTK_WIDGET (dialog), "contact-name", "山田 花子");
  set_row_text (GTK_WIDGET (dialog), "contact-email", "yamada@example.jp");
  set_row_text (GTK_WIDGET (dialog), "contact-phone", "06-1234-5678");
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (gui_test_find_by_name (GTK_WIDGET (dialog), "level-3"))));

  /* Where nothing can be created: the error is shown, no file, no signal */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.create", "s", bad_path));
  g_assert_null (created);
  g_assert_false (g_file_test (bad_path, G_FILE_TEST_EXISTS));
  error_label = gui_test_find_by_name (GTK_WIDGET (dialog), "error-label");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (error_label)), !=, "");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  gui_test_save_png (GTK_WIDGET (dialog), "widget-", "new-workspace-error", ".png", GUI_TEST_WAIT_LAID_OUT);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.create", "s", path));
  g_assert_nonnull (created);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_cmpuint (scs_workspace_get_target_level (created), ==, 3);
  g_assert_finalize_object (created);

  reopened = scs_workspace_open (path, &error);
  g_assert_no_error (error);
  org = scs_workspace_dup_organization (reopened);
  g_assert_cmpstr (org->name, ==, "株式会社テスト製作所");
  g_assert_cmpstr (org->trade_name, ==, "テスト製作所");
  g_assert_false (org->sole_proprietor);
  g_assert_cmpstr (org->corporate_number, ==, valid);
  g_assert_cmpstr (org->address, ==, "大阪府大阪市北区1-2-3");
  g_assert_cmpstr (org->contact_name, ==, "山田 花子");
  g_assert_cmpstr (org->contact_email, ==, "yamada@example.jp");
  g_assert_cmpstr (org->contact_phone, ==, "06-1234-5678");
  g_assert_cmpuint (scs_workspace_get_target_level (reopened), ==, 3);
  g_assert_finalize_object (reopened);

  g_assert_finalize_object (dialog);
  gui_test_remove_tree (dir);
}

/* The type combo: the level applies to SCS only and hides for the others;
 * the workspace is created with the type chosen. */
static void
test_new_workspace_type (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("scs-test-dialog-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "shop.scsw", NULL);
  g_autofree char *valid = gui_test_sample_corporate_number ();
  ScsNewWorkspaceDialog *dialog;
  ScsWorkspace *created = NULL;
  GtkWidget *type_row;
  GtkWidget *level4;

  g_assert_no_error (error);
  dialog = scs_new_workspace_dialog_new (NULL);
  g_object_ref (dialog);
  g_signal_connect (dialog, "created", G_CALLBACK (on_created), &created);
  gtk_window_present (GTK_WINDOW (dialog));
  set_row_text (GTK_WIDGET (dialog), "name", "株式会社テスト商店");
  set_row_text (GTK_WIDGET (dialog), "corporate-number", valid);

  type_row = gui_test_find_by_name (GTK_WIDGET (dialog), "workspace-type");
  level4 = gui_test_find_by_name (GTK_WIDGET (dialog), "level-4");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (type_row)), ==, SCS_WORKSPACE_TYPE_SCS);
  g_assert_true (gtk_widget_is_visible (level4));

  adw_combo_row_set_selected (ADW_COMBO_ROW (type_row), SCS_WORKSPACE_TYPE_SECURITY_ACTION);
  g_assert_false (gtk_widget_is_visible (level4));
  adw_combo_row_set_selected (ADW_COMBO_ROW (type_row), SCS_WORKSPACE_TYPE_JCSTAR1);
  g_assert_false (gtk_widget_is_visible (level4));
  adw_combo_row_set_selected (ADW_COMBO_ROW (type_row), SCS_WORKSPACE_TYPE_SCS);
  g_assert_true (gtk_widget_is_visible (level4));
  adw_combo_row_set_selected (ADW_COMBO_ROW (type_row), SCS_WORKSPACE_TYPE_SECURITY_ACTION);
  /* A sole proprietor needs no number: a wrong one left in the row is not stored */
  set_row_text (GTK_WIDGET (dialog), "corporate-number", "12345");
  gtk_switch_set_active (GTK_SWITCH (gui_test_find_by_name (GTK_WIDGET (dialog), "sole-proprietor")), TRUE);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.create", "s", path));
  g_assert_nonnull (created);
  g_assert_cmpint (scs_workspace_get_workspace_type (created), ==, SCS_WORKSPACE_TYPE_SECURITY_ACTION);
  {
    g_autoptr(ScsOrganization) org = scs_workspace_dup_organization (created);

    g_assert_cmpstr (org->name, ==, "株式会社テスト商店");
    g_assert_true (org->sole_proprietor);
    g_assert_null (org->corporate_number);
  }
  g_assert_finalize_object (created);

  g_assert_finalize_object (dialog);
  gui_test_remove_tree (dir);
}

/* ------------------------------------------------------------ preferences */

static void
test_preferences (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  ScsPreferencesWindow *window;
  GtkWidget *actor_row, *language_row;
  g_autofree char *actor = NULL;
  g_autofree char *language = NULL;

  g_settings_reset (settings, "actor-name");
  g_settings_reset (settings, "language");

  window = scs_preferences_window_new (NULL);
  g_object_ref (window);
  actor_row = gui_test_find_by_name (GTK_WIDGET (window), "actor-name");
  language_row = gui_test_find_by_name (GTK_WIDGET (window), "language");
  g_assert_nonnull (actor_row);
  g_assert_nonnull (language_row);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (language_row)), ==, 0);

  gtk_editable_set_text (GTK_EDITABLE (actor_row), "山田 花子");
  actor = g_settings_get_string (settings, "actor-name");
  g_assert_cmpstr (actor, ==, "山田 花子");

  adw_combo_row_set_selected (ADW_COMBO_ROW (language_row), 2);
  language = g_settings_get_string (settings, "language");
  g_assert_cmpstr (language, ==, "en");
  g_clear_pointer (&language, g_free);
  adw_combo_row_set_selected (ADW_COMBO_ROW (language_row), 1);
  language = g_settings_get_string (settings, "language");
  g_assert_cmpstr (language, ==, "ja");

  /* And the other way round */
  g_settings_set_string (settings, "language", "");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (language_row)), ==, 0);

  gtk_window_present (GTK_WINDOW (window));
  gui_test_save_png (GTK_WIDGET (window), "widget-", "preferences", ".png", GUI_TEST_WAIT_LAID_OUT);

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

/* --------------------------------------------------------- criterion row */

typedef struct
{
  guint       by_type[64];   /* by GskRenderNodeType */
  GPtrArray  *cairo_nodes;
} NodeCount;

static void
count_node (GskRenderNode *node,
            gpointer       data)
{
  NodeCount *count = data;
  GskRenderNodeType type = gsk_render_node_get_node_type (node);

  count->by_type[type]++;
  if (type == GSK_CAIRO_NODE)
    g_ptr_array_add (count->cairo_nodes, node);
}

static void
count_nodes (GskRenderNode *node,
             NodeCount     *count)
{
  gui_test_walk_render_nodes (node, count_node, count);
}

/* The render nodes of @child, made again as for a new frame. */
static GskRenderNode *
snapshot_child (GtkWidget *parent,
                GtkWidget *child)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();

  gtk_widget_queue_draw (child);
  gtk_widget_snapshot_child (parent, child, snapshot);
  return gtk_snapshot_free_to_node (snapshot);
}

static cairo_surface_t *
draw_node (GskRenderNode         *node,
           const graphene_rect_t *area)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, area->size.width, area->size.height);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 0.98, 0.98, 0.98);
  cairo_paint (cr);
  cairo_translate (cr, -area->origin.x, -area->origin.y);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* The card box of @row drawn by GTK and through the paint cache in
 * @scheme: each byte within 1. */
static void
card_drawn_alike (GtkWidget      *row,
                  AdwColorScheme  scheme)
{
  GtkWidget *card = gtk_widget_get_first_child (row);
  NodeCount count = { { 0, }, NULL };
  GskRenderNode *gtk_own, *kept;
  graphene_rect_t area;
  cairo_surface_t *ours, *theirs;
  int stride, height, most = 0;
  guint differ = 0;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), scheme);
  gui_test_wait_for_widget (row, 10, GUI_TEST_WAIT_LAID_OUT);
  g_assert_true (gtk_widget_has_css_class (card, "card"));
  gtk_own = snapshot_child (row, card);
  kept = scs_paint_cache_rewrite (gtk_own);
  count.cairo_nodes = g_ptr_array_new ();
  count_nodes (gtk_own, &count);
  g_ptr_array_unref (count.cairo_nodes);
  /* the card's three, the evidence list's three */
  g_assert_cmpuint (count.by_type[GSK_OUTSET_SHADOW_NODE], ==, 6);
  gsk_render_node_get_bounds (gtk_own, &area);
  graphene_rect_round_extents (&area, &area);
  theirs = draw_node (gtk_own, &area);
  ours = draw_node (kept, &area);
  stride = cairo_image_surface_get_stride (ours);
  height = cairo_image_surface_get_height (ours);
  for (int i = 0; i < stride * height; i++)
    {
      int d = abs (cairo_image_surface_get_data (ours)[i] - cairo_image_surface_get_data (theirs)[i]);

      differ += d != 0;
      most = MAX (most, d);
    }
  g_test_message ("card %gx%g, scheme %d: %u bytes differ, by %d at most",
                  area.size.width, area.size.height, scheme, differ, most);
  g_assert_cmpint (most, <=, 1);
  cairo_surface_destroy (ours);
  cairo_surface_destroy (theirs);
  gsk_render_node_unref (kept);
  gsk_render_node_unref (gtk_own);
}

/* A criterion card is drawn as GTK's cairo renderer draws it, less what
 * it would draw again at every frame for the same pixels: its box shadows
 * and those of its evidence list, and its icons, are kept images
 * (ui/scs-paint-cache.c), painted as they were (each byte within 1 of
 * GTK's own drawing), and the same images at the next frame. The row is
 * still focusable and still draws the card's focus ring. */
static void
test_criterion_row_paint (Fixture       *fixture,
                          gconstpointer  user_data)
{
  const char *criterion = nth_criterion_id (fixture->workspace, 0);
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();
  g_autoptr(GPtrArray) first = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  NodeCount count = { { 0, }, NULL };
  GtkWidget *window, *row;
  GskRenderNode *node;

  /* What the application loads (scs_application_startup ()). */
  gtk_css_provider_load_from_resource (css, "/jp/scsworkbench/Workbench/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *path = g_build_filename (fixture->dir, i == 0 ? "方針.pdf" : "記録.txt", NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autofree char *sha256 = NULL;

      g_file_set_contents (path, "証跡", -1, &error);
      g_assert_no_error (error);
      sha256 = scs_workspace_add_evidence (fixture->workspace, criterion, file, NULL, &error);
      g_assert_no_error (error);
    }

  window = gtk_window_new ();
  row = scs_criterion_row_new (fixture->workspace, scs_workspace_lookup_answer (fixture->workspace, criterion));
  gtk_widget_set_margin_start (row, 12);
  gtk_widget_set_margin_end (row, 12);
  gtk_widget_set_margin_top (row, 12);
  gtk_widget_set_valign (row, GTK_ALIGN_START);
  gtk_window_set_child (GTK_WINDOW (window), row);
  gui_test_present_window (GTK_WINDOW (window), 700, 900);
  gui_test_wait_for_widget (row, 10, GUI_TEST_WAIT_LAID_OUT);

  /* No shadow, texture or recolouring left for the renderer; the kept
   * images (four strips per shadowed box, one per icon) at the next frame
   * again. */
  count.cairo_nodes = first;
  node = snapshot_child (window, row);
  count_nodes (node, &count);
  gsk_render_node_unref (node);
  g_assert_cmpuint (count.by_type[GSK_OUTSET_SHADOW_NODE], ==, 0);
  g_assert_cmpuint (count.by_type[GSK_TEXTURE_NODE], ==, 0);
  g_assert_cmpuint (count.by_type[GSK_COLOR_MATRIX_NODE], ==, 0);
  g_assert_cmpuint (first->len, >=, 2 * 4 + 2);
  memset (&count, 0, sizeof count);
  count.cairo_nodes = g_ptr_array_new ();
  node = snapshot_child (window, row);
  count_nodes (node, &count);
  gsk_render_node_unref (node);
  g_assert_cmpuint (count.cairo_nodes->len, ==, first->len);
  for (guint i = 0; i < first->len; i++)
    g_assert_true (first->pdata[i] == count.cairo_nodes->pdata[i]);
  g_ptr_array_unref (count.cairo_nodes);

  /* The card (the row's box) as GTK draws it and as the row does, in the
   * light and the dark style (libadwaita's other shadows and colours). */
  card_drawn_alike (row, ADW_COLOR_SCHEME_FORCE_LIGHT);
  card_drawn_alike (row, ADW_COLOR_SCHEME_FORCE_DARK);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  /* The focus ring is still the row's: the card's outline, drawn when the
   * keyboard brings focus to it. */
  g_assert_true (gtk_widget_get_focusable (row));
  g_assert_true (gtk_widget_has_css_class (row, "card"));
  gtk_window_set_focus_visible (GTK_WINDOW (window), TRUE);
  gtk_widget_grab_focus (row);
  g_assert_true (gtk_widget_has_focus (row));
  memset (&count, 0, sizeof count);
  count.cairo_nodes = g_ptr_array_new ();
  node = snapshot_child (window, row);
  count_nodes (node, &count);
  gsk_render_node_unref (node);
  g_ptr_array_unref (count.cairo_nodes);
  g_assert_cmpuint (count.by_type[GSK_BORDER_NODE], >, 0);
  {
    guint focused_borders = count.by_type[GSK_BORDER_NODE];

    gtk_window_set_focus_visible (GTK_WINDOW (window), FALSE);
    memset (&count, 0, sizeof count);
    count.cairo_nodes = g_ptr_array_new ();
    node = snapshot_child (window, row);
    count_nodes (node, &count);
    gsk_render_node_unref (node);
    g_ptr_array_unref (count.cairo_nodes);
    g_assert_cmpuint (count.by_type[GSK_BORDER_NODE], <, focused_borders);
  }

  gui_test_save_png (window, "widget-", "criterion-row", ".png", GUI_TEST_WAIT_LAID_OUT);
  gtk_window_destroy (GTK_WINDOW (window));
  gtk_style_context_remove_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css));
}

int
main (int   argc,
      char *argv[])
{
  /* The test AT context keeps the accessible properties set (read back
   * by the dashboard test). */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gui_test_init (&argc, &argv, "ja");

  g_test_add ("/scs/gui/evidence-list/new", Fixture, NULL,
              fixture_set_up, test_evidence_list_new, fixture_tear_down);
  g_test_add ("/scs/gui/evidence-list/add-open-remove", Fixture, NULL,
              fixture_set_up, test_evidence_list_add_remove, fixture_tear_down);
  g_test_add ("/scs/gui/evidence-list/rows", Fixture, NULL,
              fixture_set_up, test_evidence_list_rows, fixture_tear_down);
  g_test_add ("/scs/gui/evidence-list/drop", Fixture, NULL,
              fixture_set_up, test_evidence_list_drop, fixture_tear_down);
  g_test_add ("/scs/gui/criterion-row/paint", Fixture, NULL,
              fixture_set_up, test_criterion_row_paint, fixture_tear_down);
  g_test_add ("/scs/gui/org-dialog/edit", Fixture, NULL,
              fixture_set_up, test_org_dialog, fixture_tear_down);
  g_test_add_func ("/scs/gui/pdf-preview/pages", test_pdf_preview_pages);
  g_test_add_func ("/scs/gui/pdf-preview/broken", test_pdf_preview_broken);
  g_test_add ("/scs/gui/dashboard/counts", Fixture, NULL,
              fixture_set_up, test_dashboard, fixture_tear_down);
  g_test_add_func ("/scs/gui/new-workspace-dialog/validation", test_new_workspace_validation);
  g_test_add_func ("/scs/gui/new-workspace-dialog/create", test_new_workspace_create);
  g_test_add_func ("/scs/gui/new-workspace-dialog/type", test_new_workspace_type);
  g_test_add_func ("/scs/gui/preferences/settings", test_preferences);

  return g_test_run ();
}
