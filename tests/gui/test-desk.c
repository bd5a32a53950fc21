/* test-desk.c: the window a busy person can trust (issue 16)
 *
 * Driven through the window's and the pages' actions, checked in the model
 * and the file: the review banner names the signer as a person and opens
 * the certificate in full; only management's profile declares (the window
 * refuses others with the core's message); each role's dialog says who is
 * acting; the review desk previews the SME's evidence (PDF, picture, a
 * private copy for the rest) and cannot change it; the first start asks
 * who is using the workbench and a saved profile counts at once; search
 * finds notes, reasons and evidence names; undo and redo bring the
 * criterion into view, undo evidence removal and addition, and never overwrite a change
 * made since in another process.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <time.h>

#include <adwaita.h>
#include <glib/gi18n-lib.h>
#include <cairo-pdf.h>
#include <glib/gstdio.h>

#include "gui-test-util.h"
#include "../core/core-test-util.h"
#include "scs-certificate-dialog.h"
#include "scs-checklist-page.h"
#include "scs-criterion-row.h"
#include "scs-evidence-list.h"
#include "scs-file.h"
#include "scs-first-run-dialog.h"
#include "scs-pdf-preview.h"
#include "scs-preferences-window.h"
#include "scs-profile-page.h"
#include "scs-review-banner.h"
#include "scs-review-page.h"
#include "scs-sha256.h"
#include "scs-sign-dialog.h"
#include "scs-window.h"
#include "scs-workspace.h"

static char *dir;

static char *
path (const char *name)
{
  return g_build_filename (dir, name, NULL);
}

static ScsProfile *
profile_new (const char *name,
             ScsRole     role)
{
  ScsProfile *p = scs_profile_new ();

  scs_profile_set_name (p, name);
  scs_profile_set_role (p, role);
  return p;
}

static gboolean
is_value_label (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_label_get_selectable (GTK_LABEL (widget));
}

/* The value the certificate dialog shows in its row @key, NULL when there
 * is no such row. */
static const char *
certificate_field (ScsCertificateDialog *dialog,
                   const char           *key)
{
  GtkWidget *row = gui_test_find_by_name (GTK_WIDGET (dialog), key);

  return row != NULL ? gtk_label_get_label (GTK_LABEL (gui_test_find (row, is_value_label, NULL))) : NULL;
}

/* The visible toplevel of @type, or NULL. */
static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (item, type) && gtk_widget_get_visible (GTK_WIDGET (item)))
        return GTK_WINDOW (item);
    }
  return NULL;
}

/* The visible toplevel titled @title, or NULL. */
static GtkWindow *
find_titled (const char *title)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (g_strcmp0 (gtk_window_get_title (window), title) == 0 && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

/* The private copy of an evidence file named @name handed to another
 * application: "open-XXXXXX/@name" in the private folder, or NULL. */
static char *
find_private_copy (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *private_dir = scs_file_private_dir ("evidence", &error);
  g_autoptr(GDir) dir = NULL;
  const char *entry;

  g_assert_no_error (error);
  dir = g_dir_open (private_dir, 0, &error);
  g_assert_no_error (error);
  while ((entry = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (private_dir, entry, name, NULL);

      if (g_str_has_prefix (entry, "open-") && g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return g_steal_pointer (&path);
    }
  return NULL;
}

static gboolean
check_reported (gpointer page)
{
  return !gui_test_banner_checking (page);
}

/* A window of 1200×900 on @ws, presented. */
static ScsWindow *
window_new (ScsWorkspace *ws)
{
  ScsWindow *window = scs_window_new (NULL);

  scs_window_set_workspace (window, ws);
  gui_test_present_window (GTK_WINDOW (window), 1200, 900);
  return window;
}

/* The banner of a signed workspace: the signer as name — organisation
 * (registration no.), never the raw DN; the certificate one click away;
 * the declaration refused to the expert's profile, with the core's
 * message, and the dialog naming who acts for management. */
static void
test_signer_and_roles (void)
{
  g_autofree char *file = path ("signed.scsw");
  g_autoptr(ScsOrganization) org = gui_test_sample_organization ("署名 株式会社");
  g_autoptr(ScsWorkspace) ws = gui_test_create_workspace (file, org, 3);
  g_autoptr(ScsProfile) expert = profile_new ("Expert Taro", SCS_ROLE_EXPERT);
  g_autoptr(ScsProfile) manager = profile_new ("Manager Hanako", SCS_ROLE_MANAGEMENT);
  g_autofree char *before = NULL, *after = NULL;
  g_autofree char *toast = NULL;
  ScsCertificateDialog *certificate;
  ScsSignDialog *sign;
  ScsReviewPage *page;
  ScsWindow *window;
  const char *banner;

  core_test_seal_workspace (ws, dir, FALSE);
  window = window_new (ws);
  page = SCS_REVIEW_PAGE (gui_test_find_by_type (GTK_WIDGET (window), SCS_TYPE_REVIEW_PAGE));
  gui_test_catch_toasts (page);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-review", "s", "");
  gui_test_wait_until (check_reported, page, 30);
  banner = gui_test_banner_text (page);
  g_assert_nonnull (strstr (banner, "Expert Taro — Test Security Office (registration no. 013258)"));
  g_assert_null (strstr (banner, "CN="));
  g_assert_null (strstr (banner, "serialNumber"));

  /* the certificate, one click away */
  g_assert_null (find_toplevel (SCS_TYPE_CERTIFICATE_DIALOG));
  g_assert_true (gtk_widget_activate_action (gui_test_find_by_type (GTK_WIDGET (window), SCS_TYPE_REVIEW_BANNER),
                                             "banner.show-certificate", NULL));
  certificate = SCS_CERTIFICATE_DIALOG (find_toplevel (SCS_TYPE_CERTIFICATE_DIALOG));
  g_assert_nonnull (certificate);
  g_assert_cmpstr (certificate_field (certificate, "person"), ==,
                   "Expert Taro — Test Security Office (registration no. 013258)");
  g_assert_cmpstr (certificate_field (certificate, "subject"), ==,
                   "serialNumber=013258,CN=Expert Taro,O=Test Security Office");
  g_assert_cmpstr (certificate_field (certificate, "issuer"), ==, "CN=SCS Test CA ca");
  g_assert_nonnull (certificate_field (certificate, "serial"));
  g_assert_nonnull (strstr (certificate_field (certificate, "validity"), " JST"));
  g_assert_nonnull (strstr (certificate_field (certificate, "key-usage"), "digital signature"));
  /* 32 bytes as AB:CD:… */
  g_assert_cmpuint (strlen (certificate_field (certificate, "fingerprint")), ==, 32 * 3 - 1);
  g_assert_nonnull (certificate_field (certificate, "level"));
  g_assert_nonnull (strstr (certificate_field (certificate, "trust"), "Not verified"));
  gui_test_save_png (GTK_WIDGET (certificate), "", "desk-certificate.png", "", GUI_TEST_WAIT_LAID_OUT);
  gtk_window_destroy (GTK_WINDOW (certificate));

  /* the expert cannot make management's declaration: refused, nothing opens
   * or is written */
  before = gui_test_file_state (file);
  gui_test_use_profile (window, expert);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "review.declare", NULL));
  gui_test_drain_pending ();
  g_assert_null (find_toplevel (SCS_TYPE_SIGN_DIALOG));
  toast = gui_test_take_toasts (page);
  g_assert_nonnull (toast);
  g_assert_nonnull (strstr (toast, "Only management makes the declaration"));
  after = gui_test_file_state (file);
  g_assert_cmpstr (before, ==, after);

  /* management's dialog says who acts */
  gui_test_use_profile (window, manager);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "review.declare", NULL));
  gui_test_drain_pending ();
  sign = SCS_SIGN_DIALOG (find_toplevel (SCS_TYPE_SIGN_DIALOG));
  g_assert_nonnull (sign);
  {
    AdwWindowTitle *title = ADW_WINDOW_TITLE (gui_test_find_by_type (GTK_WIDGET (sign), ADW_TYPE_WINDOW_TITLE));

    g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, "Acting as Manager Hanako (Management)");
  }
  gtk_window_destroy (GTK_WINDOW (sign));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Search finds the user's own words: a note (full-width, any case), a
 * not-applicable reason and an evidence file's name, in any category. */
static void
test_search_user_text (void)
{
  g_autofree char *file = path ("search.scsw");
  g_autofree char *evidence = path ("予備鍵台帳 2026.pdf");
  g_autoptr(ScsOrganization) org = gui_test_sample_organization ("検索 株式会社");
  g_autoptr(ScsWorkspace) ws = gui_test_create_workspace (file, org, 3);
  g_autoptr(GFile) evidence_file = g_file_new_for_path (evidence);
  g_autoptr(GError) error = NULL;
  g_autofree char *sha = NULL;
  ScsChecklistPage *page;
  ScsWindow *window;

  g_assert_true (scs_workspace_set_note (ws, "1-2-1-2", "月次の USB 点検は総務が実施", &error));
  g_assert_true (scs_workspace_set_answer (ws, "4-1-1-1", SCS_ANSWER_NOT_APPLICABLE, NULL,
                                           "クラウド未利用のため Zebra 手順は不要", &error));
  g_assert_no_error (error);
  core_test_write_file (evidence, "%PDF-1.4\n", -1);
  sha = scs_workspace_add_evidence (ws, "2-1-1-1", evidence_file, NULL, &error);
  g_assert_no_error (error);

  window = window_new (ws);
  page = SCS_CHECKLIST_PAGE (scs_window_get_checklist (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  /* the note, typed in full width and another case */
  scs_checklist_page_set_search_text (page, "ｕｓｂ　点検");
  g_assert_cmpuint (scs_checklist_page_get_n_visible (page), ==, 1);
  g_assert_cmpstr (scs_checklist_page_get_visible_id (page, 0), ==, "1-2-1-2");
  /* the reason */
  scs_checklist_page_set_search_text (page, "zebra");
  g_assert_cmpuint (scs_checklist_page_get_n_visible (page), ==, 1);
  g_assert_cmpstr (scs_checklist_page_get_visible_id (page, 0), ==, "4-1-1-1");
  /* the evidence's file name */
  scs_checklist_page_set_search_text (page, "予備鍵台帳");
  g_assert_cmpuint (scs_checklist_page_get_n_visible (page), ==, 1);
  g_assert_cmpstr (scs_checklist_page_get_visible_id (page, 0), ==, "2-1-1-1");
  gtk_window_destroy (GTK_WINDOW (window));
}

static ScsEvidenceList *
evidence_list_of (ScsWindow  *window,
                  const char *criterion_id)
{
  ScsChecklistPage *page = SCS_CHECKLIST_PAGE (scs_window_get_checklist (window));
  ScsCriterionRow *row;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.goto-criterion", "s", criterion_id);
  row = scs_checklist_page_get_row (page, criterion_id);
  g_assert_nonnull (row);
  return SCS_EVIDENCE_LIST (gui_test_find_by_type (GTK_WIDGET (row), SCS_TYPE_EVIDENCE_LIST));
}

/* Undo and redo of an answer change made off screen bring the criterion
 * into view and say what they did; evidence removal is undone (the file
 * comes back) and redone. */
static void
test_undo_redo (void)
{
  g_autofree char *file = path ("undo.scsw");
  g_autofree char *evidence = path ("点検記録.txt");
  g_autoptr(ScsOrganization) org = gui_test_sample_organization ("取消 株式会社");
  g_autoptr(ScsWorkspace) ws = gui_test_create_workspace (file, org, 3);
  g_autoptr(GFile) evidence_file = g_file_new_for_path (evidence);
  g_autoptr(GError) error = NULL;
  g_autofree char *sha = NULL;
  ScsChecklistPage *page;
  ScsAnswer *answer = scs_workspace_lookup_answer (ws, "1-2-1-2");
  ScsAnswer *with_file = scs_workspace_lookup_answer (ws, "2-1-1-1");
  ScsWindow *window;

  window = window_new (ws);
  page = SCS_CHECKLIST_PAGE (scs_window_get_checklist (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.set-status", "(ss)", "1-2-1-2", "met");
  g_assert_cmpint (scs_answer_get_state (answer), ==, SCS_ANSWER_MET);

  /* the user moves on to category 4; Ctrl+Z brings 1-2-1-2 back into view */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-category", "u", 4);
  g_assert_cmpuint (scs_checklist_page_get_category (page), ==, 4);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpint (scs_answer_get_state (answer), ==, SCS_ANSWER_UNANSWERED);
  g_assert_cmpuint (scs_checklist_page_get_category (page), ==, 1);
  g_assert_cmpstr (gui_test_window_page (window), ==, "checklist");
  g_assert_cmpstr (gui_test_toast_title (window), ==,
                   "Undone: the answer of criterion 1-2-1-2 (Met → Unanswered)");
  /* redo (Ctrl+Shift+Z) */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-category", "u", 4);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_cmpint (scs_answer_get_state (answer), ==, SCS_ANSWER_MET);
  g_assert_cmpuint (scs_checklist_page_get_category (page), ==, 1);
  g_assert_cmpstr (gui_test_toast_title (window), ==,
                   "Redone: the answer of criterion 1-2-1-2 (Unanswered → Met)");

  /* evidence removal through the list: undone, the file comes back */
  core_test_write_file (evidence, "2026年12月 点検済み", -1);
  sha = scs_workspace_add_evidence (ws, "2-1-1-1", evidence_file, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (evidence_list_of (window, "2-1-1-1")),
                                             "evidence.remove", "s", sha));
  g_assert_cmpuint (scs_answer_get_n_evidence (with_file), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-category", "u", 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (scs_answer_get_n_evidence (with_file), ==, 1);
  g_assert_cmpuint (scs_checklist_page_get_category (page), ==, 2);
  g_assert_cmpstr (gui_test_toast_title (window), ==,
                   "Undone: the removal of ‘点検記録.txt’ from criterion 2-1-1-1");
  {
    g_autoptr(GBytes) data = scs_workspace_get_evidence_data (ws, sha, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_bytes_get_size (data), ==, strlen ("2026年12月 点検済み"));
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_cmpuint (scs_answer_get_n_evidence (with_file), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (scs_answer_get_n_evidence (with_file), ==, 1);
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
adds_finished (gpointer list)
{
  return !gtk_widget_get_visible (gui_test_find_child (GTK_WIDGET (list), "busy_box"));
}

/* Evidence added through the list (on its worker thread, with a workspace
 * of its own) is undone from the window: Ctrl+Z, with another criterion on
 * screen, brings the criterion into view and removes the file, leaving the
 * user's earlier answer elsewhere alone; redo stores the same bytes again.
 * A file that was linked already adds nothing, so there is nothing new to
 * undo. */
static void
test_undo_addition (void)
{
  g_autofree char *file = path ("undo-add.scsw");
  g_autofree char *evidence = path ("入退室記録.txt");
  g_autoptr(ScsOrganization) org = gui_test_sample_organization ("追加 株式会社");
  g_autoptr(ScsWorkspace) ws = gui_test_create_workspace (file, org, 3);
  g_autoptr(GError) error = NULL;
  g_autofree char *sha = NULL;
  ScsChecklistPage *page;
  ScsEvidenceList *list;
  ScsAnswer *answer = scs_workspace_lookup_answer (ws, "1-2-1-2");
  ScsAnswer *with_file = scs_workspace_lookup_answer (ws, "3-1-1-1");
  ScsWindow *window;
  const char *contents = "2026年12月7日 入退室 12件";

  core_test_write_file (evidence, contents, -1);
  sha = scs_sha256_hex (contents, strlen (contents));
  window = window_new (ws);
  page = SCS_CHECKLIST_PAGE (scs_window_get_checklist (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.set-status", "(ss)", "1-2-1-2", "met");

  list = evidence_list_of (window, "3-1-1-1");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list), "evidence.add-file", "s", evidence));
  gui_test_wait_until (adds_finished, list, 30);
  g_assert_null (scs_evidence_list_get_last_error (list));
  g_assert_cmpuint (scs_answer_get_n_evidence (with_file), ==, 1);

  /* on another category, Ctrl+Z: the addition, in view, not the answer */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-category", "u", 5);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (scs_answer_get_n_evidence (with_file), ==, 0);
  g_assert_cmpuint (scs_checklist_page_get_category (page), ==, 3);
  g_assert_cmpstr (gui_test_toast_title (window), ==,
                   "Undone: the addition of ‘入退室記録.txt’ to criterion 3-1-1-1");
  g_assert_cmpint (scs_answer_get_state (answer), ==, SCS_ANSWER_MET);
  {
    g_autoptr(ScsWorkspace) reread = scs_workspace_open_again (file, &error);
    g_autoptr(GBytes) gone = NULL;

    g_assert_no_error (error);
    g_assert_cmpuint (scs_answer_get_n_evidence (scs_workspace_lookup_answer (reread, "3-1-1-1")), ==, 0);
    gone = scs_workspace_get_evidence_data (reread, sha, &error);
    g_assert_error (error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_NOT_FOUND);
    g_assert_null (gone);
    g_clear_error (&error);
    g_assert_cmpint (scs_answer_get_state (scs_workspace_lookup_answer (reread, "1-2-1-2")), ==,
                     SCS_ANSWER_MET);
  }

  /* redo: the same bytes, though the file on disk has changed since */
  core_test_write_file (evidence, "上書きされた", -1);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-category", "u", 5);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_cmpuint (scs_answer_get_n_evidence (with_file), ==, 1);
  g_assert_cmpuint (scs_checklist_page_get_category (page), ==, 3);
  g_assert_cmpstr (gui_test_toast_title (window), ==,
                   "Redone: the addition of ‘入退室記録.txt’ to criterion 3-1-1-1");
  {
    g_autoptr(GBytes) data = scs_workspace_get_evidence_data (ws, sha, &error);

    g_assert_no_error (error);
    g_assert_cmpmem (g_bytes_get_data (data, NULL), g_bytes_get_size (data), contents, strlen (contents));
  }

  /* the same content again: already linked, nothing added, nothing to undo
   * but the first addition (and, below it, the answer) */
  core_test_write_file (evidence, contents, -1);
  list = evidence_list_of (window, "3-1-1-1");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list), "evidence.add-file", "s", evidence));
  gui_test_wait_until (adds_finished, list, 30);
  g_assert_cmpuint (scs_answer_get_n_evidence (with_file), ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (scs_answer_get_n_evidence (with_file), ==, 0);
  g_assert_cmpint (scs_answer_get_state (answer), ==, SCS_ANSWER_MET);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpint (scs_answer_get_state (answer), ==, SCS_ANSWER_UNANSWERED);
  g_assert_cmpuint (scs_checklist_page_get_category (page), ==, 1);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The trap: an answer (with its reason) set earlier, changed since
 * by someone else in another process; the user removes evidence and presses
 * Ctrl+Z: the evidence comes back, and a second Ctrl+Z refuses to touch the
 * other person's answer and reason. */
static void
test_undo_not_over_others (void)
{
  g_autofree char *file = path ("others.scsw");
  g_autofree char *evidence = path ("写真.txt");
  g_autoptr(ScsOrganization) org = gui_test_sample_organization ("他者 株式会社");
  g_autoptr(ScsWorkspace) ws = gui_test_create_workspace (file, org, 3);
  g_autoptr(GFile) evidence_file = g_file_new_for_path (evidence);
  g_autoptr(GError) error = NULL;
  g_autofree char *sha = NULL;
  g_autofree char *cmd = NULL;
  ScsAnswer *answer = scs_workspace_lookup_answer (ws, "4-1-1-1");
  ScsAnswer *with_file = scs_workspace_lookup_answer (ws, "2-1-1-1");
  ScsWindow *window;

  core_test_write_file (evidence, "写真", -1);
  sha = scs_workspace_add_evidence (ws, "2-1-1-1", evidence_file, NULL, &error);
  g_assert_no_error (error);
  window = window_new (ws);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.set-reason", "(ss)", "4-1-1-1", "自社サーバなし");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.set-status", "(ss)", "4-1-1-1", "na");
  g_assert_cmpint (scs_answer_get_state (answer), ==, SCS_ANSWER_NOT_APPLICABLE);

  /* someone else, in another process, answers 4-1-1-1 differently */
  cmd = g_strdup_printf ("env SCS_ACTOR=同僚 SCS_LANGUAGE=en '%s' answer '%s' 4-1-1-1 na --reason '本社で一括管理' >/dev/null",
                         g_getenv ("SCS_CLI"), file);
  g_assert_cmpint (system (cmd), ==, 0);
  g_assert_true (scs_workspace_refresh (ws, &error));
  g_assert_cmpstr (scs_answer_get_reason (answer), ==, "本社で一括管理");

  /* the user removes evidence elsewhere and presses Ctrl+Z twice */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (evidence_list_of (window, "2-1-1-1")),
                                             "evidence.remove", "s", sha));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (scs_answer_get_n_evidence (with_file), ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpint (scs_answer_get_state (answer), ==, SCS_ANSWER_NOT_APPLICABLE);
  g_assert_cmpstr (scs_answer_get_reason (answer), ==, "本社で一括管理");
  {
    g_autoptr(ScsWorkspace) reread = scs_workspace_open_again (file, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (scs_answer_get_reason (scs_workspace_lookup_answer (reread, "4-1-1-1")), ==,
                     "本社で一括管理");
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
label_starts_with (GtkWidget     *widget,
                   gconstpointer  prefix)
{
  return GTK_IS_LABEL (widget) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), prefix);
}

/* The first start asks for the name and role instead of recording the
 * login name; what is saved there, and later in Preferences, counts at once
 * in the open workspace: changes carry the new name, the review page the
 * new role, without reopening. */
static void
test_first_run_and_profile (void)
{
  g_autofree char *file = path ("first-run.scsw");
  g_autoptr(ScsOrganization) org = gui_test_sample_organization ("初回 株式会社");
  g_autoptr(ScsWorkspace) ws = gui_test_create_workspace (file, org, 3);
  g_autoptr(ScsProfile) saved = NULL;
  g_autoptr(GError) error = NULL;
  ScsPreferencesWindow *preferences;
  ScsFirstRunDialog *dialog;
  ScsProfilePage *profile_page;
  ScsReviewPage *review_page;
  ScsWindow *window;

  g_remove (g_getenv ("SCS_PROFILE"));
  g_assert_true (scs_first_run_needed ());
  window = window_new (ws);
  review_page = SCS_REVIEW_PAGE (gui_test_find_by_type (GTK_WIDGET (window), SCS_TYPE_REVIEW_PAGE));

  dialog = scs_first_run_dialog_new (GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (dialog));
  /* no name, no saving */
  gtk_editable_set_text (GTK_EDITABLE (gui_test_find_by_name (GTK_WIDGET (dialog), "name")), "  ");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save"));
  /* a name the profile refuses (a text-direction character): the window
   * says so, nothing is written, the question stays */
  gtk_editable_set_text (GTK_EDITABLE (gui_test_find_by_name (GTK_WIDGET (dialog), "name")), "佐藤\u202e花子");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "save");
  {
    g_autofree char *problem = g_strdup_printf (_("Could not save the profile: %s"), "");

    g_assert_nonnull (gui_test_find (GTK_WIDGET (window), label_starts_with, problem));
  }
  g_assert_true (scs_first_run_needed ());
  gtk_window_destroy (GTK_WINDOW (dialog));
  dialog = scs_first_run_dialog_new (GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_editable_set_text (GTK_EDITABLE (gui_test_find_by_name (GTK_WIDGET (dialog), "name")), "佐藤 花子");
  adw_combo_row_set_selected (ADW_COMBO_ROW (gui_test_find_by_name (GTK_WIDGET (dialog), "role")), SCS_ROLE_MANAGEMENT);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "save");
  gtk_window_destroy (GTK_WINDOW (dialog));
  saved = scs_profile_load_default (&error);
  g_assert_no_error (error);
  g_assert_cmpstr (scs_profile_get_name (saved), ==, "佐藤 花子");
  g_assert_cmpint (scs_profile_get_role (saved), ==, SCS_ROLE_MANAGEMENT);
  g_assert_false (scs_first_run_needed ());
  /* applied at once */
  g_assert_cmpstr (scs_workspace_get_actor (ws), ==, "佐藤 花子");
  g_assert_cmpint (scs_profile_get_role (scs_review_get_profile (scs_review_page_get_review (review_page))), ==,
                   SCS_ROLE_MANAGEMENT);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.set-status", "(ss)", "1-2-1-2", "met");
  g_assert_cmpstr (scs_answer_get_author (scs_workspace_lookup_answer (ws, "1-2-1-2")), ==, "佐藤 花子");

  /* a profile saved in Preferences: the same, at once */
  preferences = scs_preferences_window_new (GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (preferences));
  profile_page = SCS_PROFILE_PAGE (gui_test_find_by_type (GTK_WIDGET (preferences), SCS_TYPE_PROFILE_PAGE));
  g_assert_nonnull (profile_page);
  gui_test_fill_profile (profile_page, "佐藤 次郎", "初回 株式会社", SCS_ROLE_SME, SCS_QUALIFICATION_NONE,
                         NULL, NULL, NULL);
  g_assert_null (gui_test_profile_problem (profile_page));
  gtk_widget_activate_action (GTK_WIDGET (profile_page), "profile.save", NULL);
  g_assert_cmpstr (scs_workspace_get_actor (ws), ==, "佐藤 次郎");
  g_assert_cmpint (scs_profile_get_role (scs_review_get_profile (scs_review_page_get_review (review_page))), ==,
                   SCS_ROLE_SME);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.set-status", "(ss)", "1-2-1-2", "not-met");
  g_assert_cmpstr (scs_answer_get_author (scs_workspace_lookup_answer (ws, "1-2-1-2")), ==, "佐藤 次郎");
  gtk_window_destroy (GTK_WINDOW (preferences));
  gtk_window_destroy (GTK_WINDOW (window));
}

static cairo_status_t
write_to_byte_array (void                *closure,
                     const unsigned char *data,
                     unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* A one-page PDF and a small PNG, made here. */
static void
make_files (const char *pdf_path,
            const char *png_path)
{
  GByteArray *array = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (write_to_byte_array, array, 595, 842);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GError) error = NULL;

  cairo_rectangle (cr, 60, 60, 200, 100);
  cairo_fill (cr);
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  g_assert_true (g_file_set_contents (pdf_path, (const char *) array->data, array->len, &error));
  g_byte_array_unref (array);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 64, 48);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 0.2, 0.5, 0.9);
  cairo_paint (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, png_path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

static void
add_file (ScsWorkspace *ws,
          const char   *criterion_id,
          const char   *file_path)
{
  g_autoptr(GFile) file = g_file_new_for_path (file_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *sha = scs_workspace_add_evidence (ws, criterion_id, file, NULL, &error);

  g_assert_no_error (error);
}

static const char *
sha_of (ScsWorkspace *ws,
        const char   *criterion_id,
        const char   *name)
{
  static char sha[65];
  g_autoptr(GPtrArray) evidence = scs_workspace_list_evidence (ws, criterion_id, NULL);

  for (guint i = 0; i < evidence->len; i++)
    if (g_str_equal (((ScsEvidence *) evidence->pdata[i])->name, name))
      {
        g_strlcpy (sha, ((ScsEvidence *) evidence->pdata[i])->sha256, sizeof sha);
        return sha;
      }
  g_assert_not_reached ();
}

static guint
dir_mode (const char *file)
{
  g_autofree char *dir = g_path_get_dirname (file);
  GStatBuf st;

  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  return st.st_mode & 0777;
}

/* The review desk shows the SME's evidence of the selected criterion:
 * a PDF opens in the PDF preview, a picture in a picture window, another
 * file as a copy in the private 0700 folder; the expert cannot add or
 * remove anything there. */
static void
test_desk_evidence_preview (void)
{
  g_autofree char *file = path ("desk.scsw");
  g_autofree char *pdf = path ("基本方針.pdf");
  g_autofree char *png = path ("サーバ室.png");
  g_autofree char *txt = path ("点検表.txt");
  g_autoptr(ScsOrganization) org = gui_test_sample_organization ("証跡 株式会社");
  g_autoptr(ScsWorkspace) ws = gui_test_create_workspace (file, org, 3);
  g_autoptr(ScsProfile) sme = profile_new ("SME Sato", SCS_ROLE_SME);
  g_autoptr(ScsProfile) expert = profile_new ("Expert Taro", SCS_ROLE_EXPERT);
  g_autoptr(GError) error = NULL;
  ScsEvidenceList *list;
  ScsReviewPage *page;
  ScsWindow *window;
  GtkWindow *preview;

  make_files (pdf, png);
  core_test_write_file (txt, "点検済み", -1);
  add_file (ws, "1-2-1-2", pdf);
  add_file (ws, "1-2-1-2", png);
  add_file (ws, "1-2-1-2", txt);
  g_assert_true (scs_workspace_set_answer (ws, "1-2-1-2", SCS_ANSWER_MET, "毎月確認", NULL, &error));
  {
    g_autoptr(ScsReview) review = scs_review_new (ws, sme);

    g_assert_true (scs_review_hand_over (review, &error));
    g_assert_no_error (error);
  }

  window = window_new (ws);
  page = SCS_REVIEW_PAGE (gui_test_find_by_type (GTK_WIDGET (window), SCS_TYPE_REVIEW_PAGE));
  gui_test_use_profile (window, expert);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-review", "s", "1-2-1-2");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (gui_test_get_child (page, "criterion_entry"))), ==,
                   "1-2-1-2");
  /* the desk of that criterion is brought into view, below what waits */
  {
    GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (gui_test_find_by_type (GTK_WIDGET (page),
                                                                              GTK_TYPE_SCROLLED_WINDOW));

    gui_test_wait_for_widget (GTK_WIDGET (window), 10, GUI_TEST_WAIT_LAID_OUT);
    g_test_message ("scrolled to %f of %f", gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (scroller)),
                    gtk_adjustment_get_upper (gtk_scrolled_window_get_vadjustment (scroller)));
    g_assert_cmpfloat (gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (scroller)), >, 0);
  }
  list = SCS_EVIDENCE_LIST (gui_test_find_by_type (GTK_WIDGET (page), SCS_TYPE_EVIDENCE_LIST));
  g_assert_nonnull (list);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (list)));
  g_assert_cmpuint (gui_test_n_rows (GTK_WIDGET (list), "list_box"), ==, 3);

  /* look, do not touch */
  gtk_widget_activate_action (GTK_WIDGET (list), "evidence.remove", "s", sha_of (ws, "1-2-1-2", "点検表.txt"));
  g_assert_cmpuint (scs_answer_get_n_evidence (scs_workspace_lookup_answer (ws, "1-2-1-2")), ==, 3);

  /* the picture */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list), "evidence.open", "s",
                                             sha_of (ws, "1-2-1-2", "サーバ室.png")));
  preview = find_titled ("サーバ室.png");
  g_assert_nonnull (preview);
  g_assert_nonnull (gui_test_find_by_type (GTK_WIDGET (preview), GTK_TYPE_PICTURE));
  gtk_window_destroy (preview);
  g_assert_null (find_titled ("サーバ室.png"));

  /* the PDF */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list), "evidence.open", "s",
                                             sha_of (ws, "1-2-1-2", "基本方針.pdf")));
  preview = find_toplevel (SCS_TYPE_PDF_PREVIEW);
  g_assert_true (SCS_IS_PDF_PREVIEW (preview));
  {
    g_autofree char *first = g_strdup_printf (_("Page %d of %d"), 1, 1);

    g_assert_cmpstr (gui_test_window_subtitle (preview), ==, first);
  }
  gtk_window_destroy (preview);

  /* anything else: a copy in the private folder, for another application */
  g_assert_null (find_private_copy ("点検表.txt"));
  gtk_widget_activate_action (GTK_WIDGET (list), "evidence.open", "s", sha_of (ws, "1-2-1-2", "点検表.txt"));
  {
    g_autofree char *copy = find_private_copy ("点検表.txt");
    g_autofree char *parent = NULL;

    g_assert_nonnull (copy);
    g_assert_cmpuint (dir_mode (copy), ==, 0700);
    parent = g_path_get_dirname (copy);
    g_assert_cmpuint (dir_mode (parent), ==, 0700);
  }
  gui_test_save_png (GTK_WIDGET (window), "", "desk-evidence.png", "", GUI_TEST_WAIT_LAID_OUT);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *script = NULL;
  g_autofree char *cmd = NULL;
  g_autofree char *profile_file = NULL;
  int rc;

  /* Local times are shown with their zone: a fixed one. */
  g_setenv ("TZ", "Asia/Tokyo", TRUE);
  tzset ();
  gui_test_init (&argc, &argv, "en");

  dir = gui_test_make_tmp_dir ("scs-gui-desk-XXXXXX");
  /* Never the user's own profile. */
  profile_file = path ("profile.ini");
  g_setenv ("SCS_PROFILE", profile_file, TRUE);
  core_test_make_certificates (dir, TRUE);

  g_test_add_func ("/scs/gui/desk/signer-and-roles", test_signer_and_roles);
  g_test_add_func ("/scs/gui/desk/evidence-preview", test_desk_evidence_preview);
  g_test_add_func ("/scs/gui/desk/first-run-and-profile", test_first_run_and_profile);
  g_test_add_func ("/scs/gui/desk/search-user-text", test_search_user_text);
  g_test_add_func ("/scs/gui/desk/undo-redo", test_undo_redo);
  g_test_add_func ("/scs/gui/desk/undo-not-over-others", test_undo_not_over_others);
  g_test_add_func ("/scs/gui/desk/undo-addition", test_undo_addition);

  rc = g_test_run ();
  gui_test_remove_tree (dir);
  g_free (dir);
  return rc;
}
