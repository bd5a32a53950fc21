/* test-review.c: expert review, signing and declaration through the GUI's actions
 *
 * The round trip of issue 3 driven only through window and widget actions
 * (win.set-status, win.set-note, review.*, sign.*, profile.save): the SME
 * fills, the expert comments and proposes, the SME accepts one proposal,
 * rejects one and edits an accepted item, the expert sees exactly those
 * changes in the redline, accepts, signs with a PKCS#12 made by
 * tests/review/make-certificates.sh (the dialog shows the certificate's
 * validity period and warns when it runs out within 30 days), and
 * management declares. The model and the file are checked at each step; the
 * sealed UI refuses edits (file hash unchanged); a change made behind the
 * seal's back turns the banner into a warning naming it, and so does the
 * seal row deleted (the workspace tampered with, edits still refused). PNGs of the review
 * page and the sign dialog are left in the build directory.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <time.h>

#include <glib/gstdio.h>
#include <adwaita.h>
#include <sqlite3.h>

#include "checklist-test-util.h"
#include "gui-test-util.h"
#include "../core/core-test-util.h"
#include "scs-certificate-dialog.h"
#include "scs-cms.h"
#include "scs-criterion-row.h"
#include "scs-checklist-page.h"
#include "scs-comment-thread.h"
#include "scs-declaration.h"
#include "scs-i18n.h"
#include "scs-preferences-window.h"
#include "scs-profile-page.h"
#include "scs-review-banner.h"
#include "scs-review-page.h"
#include "scs-scope-page.h"
#include "scs-screenshot.h"
#include "scs-sign-dialog.h"
#include "scs-signature-check.h"
#include "scs-signature.h"
#include "scs-signer.h"
#include "scs-trust-settings.h"
#include "scs-ui-resources.h"
#include "scs-window.h"
#include "scs-workspace.h"

static char *dir;

static AdwMessageDialog *find_message_dialog (void);

static char *
path (const char *name)
{
  return g_build_filename (dir, name, NULL);
}

static gboolean
run (const char *cmd)
{
  int status = system (cmd);

  return status == 0;
}

/* The review page's template child @buildable_id, as the user sees it:
 * the page shown (win.show-review), which brings what it shows up to date. */
static GtkWidget *
page_child (ScsReviewPage *page,
            const char    *buildable_id)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (page)))
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "win.show-review", "s", ""));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page)));
  return gui_test_get_child (page, buildable_id);
}

/* The criterion the page shows, as its entry says. */
static const char *
shown_criterion (ScsReviewPage *page)
{
  return gtk_editable_get_text (GTK_EDITABLE (page_child (page, "criterion_entry")));
}

/* No toast since the last look: what the page did since succeeded. */
static void
assert_no_toast (ScsReviewPage *page)
{
  g_autofree char *toasts = gui_test_take_toasts (page);

  g_assert_cmpstr (toasts, ==, NULL);
}

/* A toast since the last look: the page refused something. */
static void
assert_toast (ScsReviewPage *page)
{
  g_autofree char *toasts = gui_test_take_toasts (page);

  g_assert_nonnull (toasts);
  g_test_message ("toast: %s", toasts);
}

static guint
n_rows (GtkListBox *list)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list)); child; child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

/* The review desk's row of @criterion_id ("1-2-1-1 · Met · Accepted"), which must be listed */
static AdwActionRow *
desk_row (ScsReviewPage *page,
          const char    *criterion_id)
{
  GtkListBox *list = GTK_LIST_BOX (page_child (page, "criteria_list"));
  g_autofree char *prefix = g_strconcat (criterion_id, " · ", NULL);
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    if (g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), prefix))
      return ADW_ACTION_ROW (row);
  g_error ("the review desk does not list %s", criterion_id);
}

static ScsProfile *
profile (const char *name, ScsRole role)
{
  ScsProfile *p = scs_profile_new ();

  scs_profile_set_name (p, name);
  scs_profile_set_role (p, role);
  if (role == SCS_ROLE_EXPERT)
    {
      scs_profile_set_qualification (p, SCS_QUALIFICATION_RISS);
      scs_profile_set_registration (p, "013258");
      scs_profile_set_training_date (p, "2026-01-10");
      g_assert_true (scs_profile_add_upkeep (p, SCS_UPKEEP_RISS_ONLINE, "2026-05-10", "オンライン講習", NULL));
    }
  return p;
}

/* @p12's validity period in the user's calendar dates. */
static void
certificate_dates (const char  *p12,
                   char       **from,
                   char       **to)
{
  g_autofree char *file = path (p12);

  core_test_certificate_dates (file, from, to, NULL);
}

/* The text of the sign dialog's label @buildable_id, NULL while hidden. */
static const char *
shown_text (ScsSignDialog *dialog,
            const char    *buildable_id)
{
  GtkWidget *label = gui_test_get_child (dialog, buildable_id);

  return gtk_widget_get_visible (label) ? gtk_label_get_text (GTK_LABEL (label)) : NULL;
}

static const char *
label_text (ScsSignDialog *dialog,
            const char    *buildable_id)
{
  return gtk_label_get_text (GTK_LABEL (gui_test_get_child (dialog, buildable_id)));
}

/* Whether Sign can be pressed. */
static gboolean
can_sign (ScsSignDialog *dialog)
{
  return gtk_widget_get_sensitive (gui_test_get_child (dialog, "sign_button"));
}

static gboolean
is_busy (ScsSignDialog *dialog)
{
  return gtk_spinner_get_spinning (GTK_SPINNER (gui_test_get_child (dialog, "spinner")));
}

/* Types the declarant's name and title and sets "sign with a certificate". */
static void
set_declarant (ScsSignDialog *dialog,
               const char    *name,
               const char    *title,
               gboolean       with_signature)
{
  gtk_editable_set_text (GTK_EDITABLE (gui_test_get_child (dialog, "name_row")), name);
  gtk_editable_set_text (GTK_EDITABLE (gui_test_get_child (dialog, "title_row")), title);
  gtk_switch_set_active (GTK_SWITCH (gui_test_get_child (dialog, "with_signature_switch")), with_signature);
}

/* Opens the key in @dialog and returns whether it may sign. */
static gboolean
load_key (ScsSignDialog *dialog, const char *p12, const char *secret, gboolean with_ca)
{
  g_autofree char *file = path (p12);
  g_autofree char *ca = path ("ca.pem");

  /* what the file choosers answer */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "sign.set-key", "s", file));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "sign.set-ca", "s", with_ca ? ca : ""));
  g_assert_cmpstr (label_text (dialog, "file_label"), ==, p12);
  gtk_editable_set_text (GTK_EDITABLE (gui_test_get_child (dialog, "secret_entry")), secret);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "sign.load", NULL);
  return can_sign (dialog);
}

static void
on_done (gpointer dialog, gboolean *done)
{
  *done = TRUE;
}

/* Until the banner's signature check (a thread) has reported. */
static gboolean
check_reported (gpointer page)
{
  return !gui_test_banner_checking (page);
}

static void
wait_for_check (ScsReviewPage *page)
{
  gui_test_wait_until (check_reported, page, 30);
}

/* The banner checks the signature again (the page noticed a change). */
static void
wait_for_new_check (ScsReviewPage *page)
{
  gui_test_wait_until ((GuiTestDoneFunc) gui_test_banner_checking, page, 30);
}

typedef struct
{
  ScsSignDialog *dialog;
  gboolean       done;
} Signing;

/* Until the dialog said "done" or stopped being busy (it failed). */
static gboolean
signing_ended (gpointer data)
{
  Signing *signing = data;

  return signing->done || !is_busy (signing->dialog);
}

static void
sign_and_wait (ScsSignDialog *dialog)
{
  Signing signing = { dialog, FALSE };

  g_object_ref (dialog);
  g_signal_connect (dialog, "done", G_CALLBACK (on_done), &signing.done);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "sign.sign", NULL);
  g_assert_true (is_busy (dialog));
  gui_test_wait_until (signing_ended, &signing, 30);
  g_assert_cmpstr (shown_text (dialog, "error_label"), ==, NULL);
  g_assert_true (signing.done);
  g_object_unref (dialog);
}

static void
review_action (ScsWindow *window, const char *name, GVariant *parameter)
{
  g_autofree char *full = g_strconcat ("review.", name, NULL);

  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (window), full, parameter));
}

/* Ends this side's turn (review.hand-over): the page says so, and says
 * nothing else. */
static void
hand_over (ScsWindow     *window,
           ScsReviewPage *page)
{
  g_autofree char *toasts = NULL;

  review_action (window, "hand-over", NULL);
  toasts = gui_test_take_toasts (page);
  g_assert_cmpstr (toasts, ==, _("Handed over: save the file and send it to the other side"));
}

/* Whether the binary @bytes hold @needle. */
static gboolean
contains_bytes (GBytes     *bytes,
                const char *needle)
{
  gsize size, length = strlen (needle);
  const char *data = g_bytes_get_data (bytes, &size);

  for (gsize i = 0; i + length <= size; i++)
    if (memcmp (data + i, needle, length) == 0)
      return TRUE;
  return FALSE;
}

/* Opens the dialog the way the user does (review.sign / review.declare). */
static ScsSignDialog *
open_dialog (ScsWindow *window, const char *action)
{
  g_autoptr(GListModel) toplevels = NULL;

  review_action (window, action, NULL);
  gui_test_drain_pending ();
  toplevels = gtk_window_get_toplevels ();
  g_object_ref (toplevels);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (SCS_IS_SIGN_DIALOG (item) && gtk_widget_get_visible (GTK_WIDGET (item)))
        return SCS_SIGN_DIALOG (item);
    }
  g_assert_not_reached ();
}

static gint64
proposal_id (ScsReview *review, const char *criterion)
{
  g_autoptr(GPtrArray) proposals = scs_review_list_proposals (review, criterion, NULL);

  g_assert_nonnull (proposals);
  g_assert_cmpuint (proposals->len, ==, 1);
  return ((ScsReviewProposal *) proposals->pdata[0])->id;
}

static void
test_profile_page (void)
{
  g_autofree char *file = path ("profile-page.ini");
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsProfile) p = scs_profile_load (file, &error);
  g_autoptr(ScsProfile) reread = NULL;
  GtkWidget *window = gtk_window_new ();
  ScsProfilePage *page;

  g_assert_no_error (error);
  page = SCS_PROFILE_PAGE (scs_profile_page_new (p));
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (window));

  /* live validation: five digits are refused before anything is saved */
  gui_test_fill_profile (page, "Expert Taro", "Test Security Office", SCS_ROLE_EXPERT,
                         SCS_QUALIFICATION_RISS, "01325", "2026-01-10", "/tmp/expert.p12");
  g_assert_nonnull (gui_test_profile_problem (page));
  gtk_widget_activate_action (GTK_WIDGET (page), "profile.save", NULL);
  g_assert_false (g_file_test (file, G_FILE_TEST_EXISTS));

  gui_test_fill_profile (page, "Expert Taro", "Test Security Office", SCS_ROLE_EXPERT,
                         SCS_QUALIFICATION_RISS, "013258", "2026-01-10", "/tmp/expert.p12");
  g_assert_null (gui_test_profile_problem (page));
  gtk_widget_activate_action (GTK_WIDGET (page), "profile.save", NULL);
  reread = scs_profile_load (file, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (scs_profile_get_name (reread), ==, "Expert Taro");
  g_assert_cmpint (scs_profile_get_role (reread), ==, SCS_ROLE_EXPERT);
  g_assert_cmpstr (scs_profile_get_registration (reread), ==, "013258");
  g_assert_cmpstr (scs_profile_get_certificate (reread), ==, "/tmp/expert.p12");
  gtk_window_destroy (GTK_WINDOW (window));
}


/* A 1200×900 window on a new workspace of "Test KK" (sole proprietor) at
 * @file, presented, and its review page. */
static ScsWindow *
review_window_new (const char        *file,
                   ScsOrganization   *org,
                   ScsCatalog        *catalog,
                   ScsWorkspace     **ws,
                   ScsReviewPage    **page)
{
  g_autoptr(GError) error = NULL;
  ScsWindow *window;

  org->name = g_strdup ("Test KK");
  org->sole_proprietor = TRUE;
  *ws = scs_workspace_create (file, org, 3, catalog, &error);
  g_assert_no_error (error);

  window = scs_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 900);
  scs_window_set_workspace (window, *ws);
  gtk_window_present (GTK_WINDOW (window));
  *page = SCS_REVIEW_PAGE (gui_test_find_by_type (GTK_WIDGET (window), SCS_TYPE_REVIEW_PAGE));
  gui_test_catch_toasts (*page);
  return window;
}

static void
test_round_trip (void)
{
  g_autofree char *file = path ("ws.scsw");
  g_autoptr(ScsOrganization) org = scs_organization_new ();
  g_autoptr(ScsCatalog) catalog = scs_catalog_new_builtin ();
  g_autoptr(ScsWorkspace) ws = NULL;
  g_autoptr(ScsProfile) sme = profile ("SME Sato", SCS_ROLE_SME);
  g_autoptr(ScsProfile) expert = profile ("Expert Taro", SCS_ROLE_EXPERT);
  g_autoptr(ScsProfile) manager = profile ("Manager Hanako", SCS_ROLE_MANAGEMENT);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(ScsSignatureCheck) check = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *expert_sha = NULL;
  ScsWindow *window;
  ScsReviewPage *page;
  GtkWidget *thread;
  GtkListBox *thread_list;
  GtkWidget *thread_row;
  ScsReview *review;
  ScsSignDialog *dialog;
  ScsCriterionRow *row;
  ScsReviewSummary summary;
  GListModel *answers;
  gint64 p1, p2;
  guint n_links;
  sqlite3 *db;

  window = review_window_new (file, org, catalog, &ws, &page);
  g_assert_nonnull (page);
  review = scs_review_page_get_review (page);
  g_assert_nonnull (review);

  /* SME fills every ★3 criterion through the window and hands over */
  gui_test_use_profile (window, sme);
  g_assert_cmpstr (scs_workspace_get_actor (ws), ==, "SME Sato");
  answers = scs_workspace_get_answers (ws);
  for (guint i = 0; i < g_list_model_get_n_items (answers); i++)
    {
      g_autoptr(ScsAnswer) a = g_list_model_get_item (answers, i);

      if (scs_answer_get_criterion (a)->level == 3)
        gtk_widget_activate_action (GTK_WIDGET (window), "win.set-status", "(ss)",
                                    scs_answer_get_criterion_id (a), "met");
    }
  hand_over (window, page);
  assert_no_toast (page);

  /* Expert: a comment, two proposals, verdicts, hands over */
  gui_test_use_profile (window, expert);
  g_assert_cmpstr (scs_workspace_get_actor (ws), ==, "Expert Taro");
  review_action (window, "comment", g_variant_new ("(ss)", "1-2-1-1", "Attach the policy"));
  review_action (window, "comment", g_variant_new ("(ss)", "", "Good work <b>overall</b> & R&D"));
  review_action (window, "propose", g_variant_new ("(ssss)", "1-2-1-1", "note", "Policy v2", "be specific"));
  review_action (window, "propose", g_variant_new ("(ssss)", "1-2-1-2", "state", "not-met", ""));
  assert_no_toast (page);
  for (guint i = 0; i < g_list_model_get_n_items (answers); i++)
    {
      g_autoptr(ScsAnswer) a = g_list_model_get_item (answers, i);

      if (scs_answer_get_criterion (a)->level == 3)
        review_action (window, "verdict", g_variant_new ("(ss)", scs_answer_get_criterion_id (a), "accepted"));
    }
  review_action (window, "verdict", g_variant_new ("(ss)", "2-1-1-1", "revision-required"));
  assert_no_toast (page);
  /* an empty comment is refused with a message, nothing written */
  before = gui_test_file_state (file);
  review_action (window, "comment", g_variant_new ("(ss)", "1-1-1-1", ""));
  assert_toast (page);
  after = gui_test_file_state (file);
  g_assert_cmpstr (before, ==, after);
  g_clear_pointer (&before, g_free);
  g_clear_pointer (&after, g_free);
  hand_over (window, page);

  /* SME: the proposals, the comment and the revision wait; the thread shows them */
  gui_test_use_profile (window, sme);
  g_assert_cmpuint (n_rows (GTK_LIST_BOX (page_child (page, "waiting_list"))), >=, 4);
  review_action (window, "show-criterion", g_variant_new_string ("1-2-1-1"));
  g_assert_cmpstr (shown_criterion (page), ==, "1-2-1-1");
  /* the comment, then the proposal with Accept and Reject: a row each of
   * the thread's model, its text bound from the entry (shown, the page
   * draws what changed) */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-review", "s", "1-2-1-1");
  gui_test_wait_for_widget (GTK_WIDGET (page), 10, GUI_TEST_WAIT_LAID_OUT);
  thread = gui_test_find_child (GTK_WIDGET (page), "thread");
  g_assert_true (SCS_IS_COMMENT_THREAD (thread));
  thread_list = GTK_LIST_BOX (gui_test_find_child (thread, "list"));
  g_assert_cmpuint (n_rows (thread_list), ==, 2);
  thread_row = GTK_WIDGET (gtk_list_box_get_row_at_index (thread_list, 0));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (thread_row)), ==, "Attach the policy");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (thread_row)), "Expert Taro"));
  g_assert_null (gui_test_find_by_type (thread_row, GTK_TYPE_BUTTON));
  thread_row = GTK_WIDGET (gtk_list_box_get_row_at_index (thread_list, 1));
  g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (thread_row)), "→"));
  g_assert_nonnull (gui_test_find_by_type (thread_row, GTK_TYPE_BUTTON));
  /* a comment is shown as written, never read as markup */
  thread_list = GTK_LIST_BOX (gui_test_find_child (page_child (page, "general_thread"), "list"));
  thread_row = GTK_WIDGET (gtk_list_box_get_row_at_index (thread_list, 0));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (thread_row)), ==,
                   "Good work <b>overall</b> & R&D");
  /* what waits links to its criterion: activating the row presses the
   * link, a button that says where it goes */
  n_links = 0;
  for (GtkWidget *child = gtk_widget_get_first_child (page_child (page, "waiting_list")); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *link = gui_test_find_by_type (child, GTK_TYPE_BUTTON);

      if (link == NULL)
        continue;
      n_links++;
      g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (child)));
      g_assert_cmpstr (gtk_widget_get_tooltip_text (link), ==, _("Show this criterion"));
    }
  g_assert_cmpuint (n_links, >=, 3);
  /* the SME cannot give verdicts */
  review_action (window, "verdict", g_variant_new ("(ss)", "2-1-1-1", "accepted"));
  assert_toast (page);
  p1 = proposal_id (review, "1-2-1-1");
  p2 = proposal_id (review, "1-2-1-2");
  review_action (window, "accept", g_variant_new_int64 (p1));
  review_action (window, "reject", g_variant_new ("(xs)", p2, "it is met"));
  assert_no_toast (page);
  g_assert_cmpstr (scs_answer_get_note (scs_workspace_lookup_answer (ws, "1-2-1-1")), ==, "Policy v2");
  g_assert_cmpint (scs_answer_get_state (scs_workspace_lookup_answer (ws, "1-2-1-2")), ==, SCS_ANSWER_MET);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.set-note", "(ss)", "2-1-1-1", "now documented");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.set-note", "(ss)", "3-1-1-1", "edited after acceptance");
  hand_over (window, page);

  /* Expert: exactly those three changes in the redline; the reopened item */
  gui_test_use_profile (window, expert);
  gui_test_drain_pending ();
  changes = scs_review_list_changes (review, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 3);
  g_assert_cmpuint (n_rows (GTK_LIST_BOX (page_child (page, "changes_list"))), ==, 3);
  g_assert_true (scs_review_page_has_news (page));
  g_assert_cmpint (scs_review_get_verdict (review, "3-1-1-1"), ==, SCS_VERDICT_REOPENED);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-review", "s", "1-2-1-1");
  g_assert_cmpstr (gui_test_window_page (window), ==, "review");
  gui_test_save_png (GTK_WIDGET (window), "", "review-page.png", "", GUI_TEST_WAIT_LAID_OUT);

  review_action (window, "verdict", g_variant_new ("(ss)", "2-1-1-1", "accepted"));
  review_action (window, "verdict", g_variant_new ("(ss)", "3-1-1-1", "accepted"));
  review_action (window, "verdict", g_variant_new ("(ss)", "1-2-1-1", "accepted"));
  review_action (window, "verdict", g_variant_new ("(ss)", "1-2-1-2", "accepted"));
  g_assert_true (scs_review_check_complete (review, &error));
  g_assert_no_error (error);
  g_assert_true (scs_review_get_summary (review, &summary, &error));
  g_assert_cmpuint (summary.n_nonconformities_closed, ==, 1);

  /* Signing: refusals first, nothing written */
  before = gui_test_file_state (file);
  dialog = open_dialog (window, "sign");
  /* The signer's qualification, training and upkeep are shown. */
  g_assert_nonnull (strstr (label_text (dialog, "qualification_label"), "013258"));
  g_assert_nonnull (strstr (label_text (dialog, "qualification_label"), "Expert training completed: 2026-01-10"));
  g_assert_nonnull (strstr (label_text (dialog, "qualification_label"), "2026-05-10 (オンライン講習)"));
  g_assert_false (load_key (dialog, "expert.p12", "wrong", TRUE));
  g_assert_nonnull (shown_text (dialog, "error_label"));
  g_assert_false (load_key (dialog, "expired.p12", "secret", TRUE));
  g_assert_nonnull (strstr (shown_text (dialog, "error_label"), "expired"));
  g_assert_false (load_key (dialog, "foreign.p12", "secret", TRUE));
  g_assert_nonnull (shown_text (dialog, "error_label"));
  g_assert_false (load_key (dialog, "nosig.p12", "secret", TRUE));
  g_assert_nonnull (shown_text (dialog, "error_label"));
  /* personal data: shown, and signing needs the confirmation */
  g_assert_false (load_key (dialog, "personal.p12", "secret", TRUE));
  g_assert_nonnull (shown_text (dialog, "warning_label"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (gui_test_get_child (dialog, "confirm_check")), TRUE);
  g_assert_true (can_sign (dialog));
  after = gui_test_file_state (file);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (scs_review_is_sealed (ws));

  /* not valid yet: refused, the period shown in local dates (Asia/Tokyo) */
  g_assert_false (load_key (dialog, "notyet.p12", "secret", TRUE));
  g_assert_cmpstr (shown_text (dialog, "error_label"), ==,
                   "The certificate ‘CN=Future Expert’ is not valid yet: it is valid from 2090-01-01 to 2091-07-01");
  g_assert_nonnull (strstr (label_text (dialog, "certificate_label"),
                            "\nValid: from 2090-01-01 to 2091-07-01\n"));
  g_assert_null (shown_text (dialog, "warning_label"));
  /* 10 days left: it may sign, but the dialog asks to renew it */
  {
    g_autofree char *from = NULL, *to = NULL, *valid = NULL, *warning = NULL;

    certificate_dates ("expiring.p12", &from, &to);
    valid = g_strdup_printf ("\nValid: from %s to %s\n", from, to);
    warning = g_strdup_printf ("This certificate expires in 10 days (%s). "
                               "Renew it before the next review round.", to);
    g_assert_true (load_key (dialog, "expiring.p12", "secret", TRUE));
    g_assert_nonnull (strstr (label_text (dialog, "certificate_label"), valid));
    g_assert_cmpstr (shown_text (dialog, "warning_label"), ==, warning);
    gui_test_save_png (GTK_WIDGET (dialog), "", "sign-dialog-expiring.png", "", GUI_TEST_WAIT_LAID_OUT);
  }

  /* the real key (a year left): its certificate is shown before signing, no warning */
  g_assert_true (load_key (dialog, "expert.p12", "secret", TRUE));
  g_assert_nonnull (strstr (label_text (dialog, "certificate_label"), "Expert Taro"));
  {
    g_autofree char *from = NULL, *to = NULL, *valid = NULL;

    certificate_dates ("expert.p12", &from, &to);
    valid = g_strdup_printf ("\nValid: from %s to %s\n", from, to);
    g_assert_nonnull (strstr (label_text (dialog, "certificate_label"), valid));
  }
  g_assert_null (shown_text (dialog, "warning_label"));
  gui_test_save_png (GTK_WIDGET (dialog), "", "sign-dialog.png", "", GUI_TEST_WAIT_LAID_OUT);
  sign_and_wait (dialog);
  gui_test_drain_pending ();
  g_assert_true (scs_review_is_sealed (ws));
  g_assert_true (scs_review_page_get_sealed (page));
  check = scs_signature_check (ws, SCS_SIGNATURE_ROLE_EXPERT, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (scs_signature_check_is_good (check));
  g_clear_pointer (&check, scs_signature_check_free);
  /* Sealed at once; the signature check (a thread) then names the signer */
  g_assert_nonnull (gui_test_banner_text (page));
  wait_for_check (page);
  g_assert_nonnull (strstr (gui_test_banner_text (page), "Expert Taro"));
  /* no trusted CA in the preferences: intact, signer not verified */
  g_assert_nonnull (strstr (gui_test_banner_text (page), "not verified"));
  /* with the CA trusted (Preferences → Trusted Certificate Authorities): verified */
  {
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);
    g_autofree char *ca_der = g_build_filename (dir, "ca.der", NULL);
    g_autofree char *cmd = g_strdup_printf ("openssl x509 -in '%s/ca.pem' -outform DER -out '%s'", dir, ca_der);
    g_autoptr(GError) trust_error = NULL;

    g_assert_cmpint (system (cmd), ==, 0);
    g_assert_true (scs_trust_settings_add_file (settings, ca_der, &trust_error));
    g_assert_no_error (trust_error);
    /* the page follows the trusted CAs */
    wait_for_new_check (page);
    wait_for_check (page);
    g_assert_nonnull (strstr (gui_test_banner_text (page), "verified against your trusted CAs"));
    g_assert_nonnull (strstr (gui_test_banner_text (page), "Expert Taro"));
    g_settings_reset (settings, "trusted-cas");
  }

  /* the sealed UI: rows insensitive, and an edit through the action is refused */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-category", "u", 1);
  g_assert_cmpstr (gui_test_window_page (window), ==, "checklist");
  gui_test_wait_for_widget (GTK_WIDGET (window), 10, GUI_TEST_WAIT_LAID_OUT);
  row = scs_checklist_page_get_row (checklist_test_page (window), "1-2-1-2");
  g_assert_nonnull (row);
  g_assert_true (!gtk_text_view_get_editable (GTK_TEXT_VIEW (checklist_test_row_child (row, "note_view"))));
  g_assert_false (gtk_widget_get_sensitive (scs_criterion_row_get_status_button (row, SCS_ANSWER_NOT_MET)));
  gui_test_save_png (GTK_WIDGET (window), "", "review-sealed.png", "", GUI_TEST_WAIT_LAID_OUT);
  g_clear_pointer (&before, g_free);
  g_clear_pointer (&after, g_free);
  before = gui_test_file_state (file);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.set-note", "(ss)", "1-2-1-2", "after signing");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.set-status", "(ss)", "1-2-1-2", "not-met");
  after = gui_test_file_state (file);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (scs_answer_get_state (scs_workspace_lookup_answer (ws, "1-2-1-2")), ==, SCS_ANSWER_MET);

  /* Management declares, signed with the manager's certificate */
  gui_test_use_profile (window, manager);
  dialog = open_dialog (window, "declare");
  set_declarant (dialog, "Manager Hanako", "CEO", TRUE);
  g_assert_false (can_sign (dialog));
  g_assert_true (load_key (dialog, "manager.p12", "secret", TRUE));
  sign_and_wait (dialog);
  /* the report is Japanese by default, under this English UI too: the
   * declaration says so and the PDF's title (cairo writes it as UTF-16BE
   * hex) is the Japanese one */
  {
    g_autoptr(GBytes) declaration = scs_declaration_render (ws, &error);
    g_autoptr(GPtrArray) entries = scs_signature_dup_entries (ws, SCS_SIGNATURE_ROLE_MANAGEMENT);
    ScsSignedEntry *report = scs_signed_entry_find (entries, "report.pdf");
    g_autofree gunichar2 *utf16 = g_utf8_to_utf16 ("サプライチェーンセキュリティ自己評価報告書", -1, NULL, NULL, NULL);
    g_autoptr(GString) title = g_string_new ("<FEFF");

    g_assert_no_error (error);
    g_assert_nonnull (strstr (g_bytes_get_data (declaration, NULL), "<report language=\"ja\"/>"));
    g_assert_nonnull (report);
    for (guint i = 0; utf16[i] != 0; i++)
      g_string_append_printf (title, "%04X", utf16[i]);
    g_assert_true (contains_bytes (report->data, title->str));
  }
  expert_sha = scs_declaration_dup_assessment_sha256 (ws);
  g_assert_nonnull (expert_sha);
  {
    g_autoptr(ScsSignatureInfo) info = scs_signature_dup_info (ws, SCS_SIGNATURE_ROLE_EXPERT);

    g_assert_cmpstr (expert_sha, ==, info->content_sha256);
  }
  check = scs_signature_check (ws, SCS_SIGNATURE_ROLE_MANAGEMENT, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (check->has_cms);
  g_assert_true (scs_signature_check_is_good (check));
  g_clear_pointer (&check, scs_signature_check_free);

  /* The expert's certificate for management too: asked first; Cancel signs nothing */
  {
    ScsSignDialog *again;
    AdwMessageDialog *question = NULL;
    g_autoptr(ScsSignatureInfo) before = scs_signature_dup_info (ws, SCS_SIGNATURE_ROLE_MANAGEMENT);
    g_autoptr(ScsSignatureInfo) after = NULL;
    GListModel *toplevels = gtk_window_get_toplevels ();  /* transfer none */

    again = open_dialog (window, "declare");
    set_declarant (again, "Manager Hanako", "CEO", TRUE);
    g_assert_true (load_key (again, "expert.p12", "secret", TRUE));
    gtk_widget_activate_action (GTK_WIDGET (again), "sign.sign", NULL);
    g_assert_false (is_busy (again));
    gui_test_drain_pending ();
    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

        if (ADW_IS_MESSAGE_DIALOG (item) && gtk_widget_get_visible (GTK_WIDGET (item)))
          question = ADW_MESSAGE_DIALOG (item);
      }
    g_assert_nonnull (question);
    g_assert_cmpstr (adw_message_dialog_get_heading (question), ==, "Same Certificate for Both Roles?");
    adw_message_dialog_response (question, "cancel");
    gui_test_drain_pending ();
    g_assert_false (is_busy (again));
    after = scs_signature_dup_info (ws, SCS_SIGNATURE_ROLE_MANAGEMENT);
    g_assert_cmpstr (after->signer_subject, ==, before->signer_subject);
    gtk_window_destroy (GTK_WINDOW (again));
  }

  /* Behind the seal's back (an outside SQLite tool): the banner warns and names it */
  g_assert_cmpint (sqlite3_open (file, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "DROP TRIGGER review_seal_answer_update;"
                                 "UPDATE answer SET state = 'not-met' WHERE criterion_id = '4-1-1-2';",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  /* the window notices what another program wrote (scs_workspace_watch) */
  wait_for_new_check (page);
  /* The check runs in a thread; the last result stays up meanwhile */
  g_assert_true (gui_test_banner_checking (page));
  g_assert_nonnull (strstr (gui_test_banner_text (page), "Expert Taro"));
  wait_for_check (page);
  g_assert_nonnull (strstr (gui_test_banner_text (page), "4-1-1-2"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-review", "s", "");
  gui_test_save_png (GTK_WIDGET (window), "", "review-tampered.png", "", GUI_TEST_WAIT_LAID_OUT);

  /* Start a new round: first a confirmation that says what it means and
   * who acts; Cancel leaves it sealed. Then unsealed, editable again */
  gui_test_use_profile (window, expert);
  review_action (window, "new-round", NULL);
  {
    AdwMessageDialog *confirm = find_message_dialog ();

    g_assert_nonnull (strstr (adw_message_dialog_get_body (confirm), "sign again"));
    g_assert_nonnull (strstr (adw_message_dialog_get_body (confirm), "Expert Taro"));
    adw_message_dialog_response (confirm, "cancel");
    gui_test_drain_pending ();
    g_assert_true (scs_review_is_sealed (ws));
    review_action (window, "new-round", NULL);
    confirm = find_message_dialog ();
    adw_message_dialog_response (confirm, "new-round");
  }
  gui_test_drain_pending ();
  assert_no_toast (page);
  g_assert_false (scs_review_is_sealed (ws));
  g_assert_false (scs_review_page_get_sealed (page));
  g_assert_false (!gtk_text_view_get_editable (GTK_TEXT_VIEW (checklist_test_row_child (row, "note_view"))));
  g_assert_null (gui_test_banner_text (page));

  gtk_window_destroy (GTK_WINDOW (window));
  gui_test_drain_pending ();
}

/* Preferences → Revocation Information as the user sets it: the switch,
 * and the responder's address typed into its row (usable only with the
 * switch on). */
static void
set_revocation (gboolean    on,
                const char *url)
{
  ScsPreferencesWindow *preferences = scs_preferences_window_new (NULL);
  GtkWidget *url_row = gui_test_get_child (preferences, "ocsp_row");

  gtk_window_present (GTK_WINDOW (preferences));
  gtk_switch_set_active (GTK_SWITCH (gui_test_get_child (preferences, "revocation_switch")), on);
  g_assert_cmpint (gtk_widget_get_sensitive (url_row), ==, on);
  gtk_editable_set_text (GTK_EDITABLE (url_row), url);
  if (on && *url != '\0')
    gui_test_save_png (gtk_widget_get_ancestor (url_row, ADW_TYPE_PREFERENCES_GROUP), "", "preferences-revocation.png",
                       "", GUI_TEST_WAIT_LAID_OUT);
  gtk_window_destroy (GTK_WINDOW (preferences));
}

static gboolean
not_busy (gpointer dialog)
{
  return !is_busy (dialog);
}

/* Signing with the certificate's revocation status attached (Preferences,
 * like the CLI's --ocsp), asked of the local `openssl ocsp` responder of
 * the CLI tests: the dialog says before signing what will be attached; a
 * revoked certificate and a certificate that names no responder are
 * refused with the reason and nothing written; the good one signs, the
 * answer is in the signature (openssl can read it) and the certificate
 * dialog of the review banner says it was checked. */
static void
test_revocation (void)
{
  g_autofree char *file = path ("revocation.scsw");
  g_autofree char *ca = path ("ca.pem");
  g_autoptr(ScsOrganization) org = scs_organization_new ();
  g_autoptr(ScsCatalog) catalog = scs_catalog_new_builtin ();
  g_autoptr(ScsWorkspace) ws = NULL;
  g_autoptr(ScsProfile) expert = profile ("Expert Taro", SCS_ROLE_EXPERT);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GBytes) cms = NULL;
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  g_autofree char *attached = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  ScsCertificateDialog *certificate;
  ScsSignDialog *dialog;
  ScsReviewPage *page;
  ScsWindow *window;
  GPid pid = 0;

  url = core_test_start_ocsp (dir, &pid);
  window = review_window_new (file, org, catalog, &ws, &page);
  g_object_unref (core_test_ready_to_sign (ws, FALSE));
  gui_test_use_profile (window, expert);
  before = gui_test_file_state (file);

  /* off by default: the summary says so, and where to turn it on (held:
   * a signature that should have been refused closes the dialog) */
  dialog = g_object_ref (open_dialog (window, "sign"));
  g_assert_true (load_key (dialog, "expert.p12", "secret", TRUE));
  g_assert_nonnull (strstr (label_text (dialog, "certificate_label"),
                            "\nRevocation status: not attached (Preferences → Revocation Information)"));

  /* on, the certificate's own responder: ours names none, refused */
  set_revocation (TRUE, "");
  g_assert_true (load_key (dialog, "expert.p12", "secret", TRUE));
  g_assert_nonnull (strstr (label_text (dialog, "certificate_label"),
                            "\nRevocation status: attached, from the OCSP responder your certificate names"));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "sign.sign", NULL);
  gui_test_wait_until (not_busy, dialog, 30);
  g_assert_nonnull (shown_text (dialog, "error_label"));
  g_assert_nonnull (strstr (shown_text (dialog, "error_label"), "names no OCSP responder"));

  /* the responder typed in; a revoked certificate: refused, "revoked at" */
  set_revocation (TRUE, url);
  attached = g_strdup_printf ("\nRevocation status: attached, from the OCSP responder %s", url);
  g_assert_true (load_key (dialog, "revoked.p12", "secret", TRUE));
  g_assert_nonnull (strstr (label_text (dialog, "certificate_label"), attached));
  gui_test_save_png (GTK_WIDGET (dialog), "", "sign-dialog-revocation.png", "", GUI_TEST_WAIT_LAID_OUT);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "sign.sign", NULL);
  gui_test_wait_until (not_busy, dialog, 30);
  g_assert_nonnull (shown_text (dialog, "error_label"));
  g_assert_nonnull (strstr (shown_text (dialog, "error_label"), "was revoked at 2026-12-01"));
  after = gui_test_file_state (file);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (scs_review_is_sealed (ws));

  /* the good certificate: signed, the responder's answer embedded */
  g_assert_true (load_key (dialog, "expert.p12", "secret", TRUE));
  sign_and_wait (dialog);
  gui_test_drain_pending ();
  g_assert_true (scs_review_is_sealed (ws));
  g_clear_object (&dialog);
  cms = scs_signature_dup_cms (ws, SCS_SIGNATURE_ROLE_EXPERT);
  g_assert_nonnull (cms);
  answer = scs_cms_dup_ocsp_response (cms);
  g_assert_nonnull (answer);
  {
    g_autofree char *der = path ("revocation-answer.der");
    g_autofree char *cmd = g_strdup_printf ("cd '%s' && openssl ocsp -respin '%s' -issuer ca.pem -cert expert.pem "
                                            "-CAfile ca.pem -no_nonce 2>&1 | grep -q 'expert.pem: good'",
                                            dir, der);

    g_assert_true (g_file_set_contents (der, g_bytes_get_data (answer, NULL), g_bytes_get_size (answer), NULL));
    g_assert_true (run (cmd));
  }

  /* verify, as the user does: the CA trusted, the banner's certificate */
  g_assert_true (scs_trust_settings_add_file (settings, ca, &error));
  g_assert_no_error (error);
  wait_for_new_check (page);   /* the page checks again when the trusted CAs change */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-review", "s", "");
  wait_for_check (page);
  g_assert_true (gtk_widget_activate_action (gui_test_find_by_type (GTK_WIDGET (window), SCS_TYPE_REVIEW_BANNER),
                                             "banner.show-certificate", NULL));
  certificate = SCS_CERTIFICATE_DIALOG (gui_test_find_toplevel (SCS_TYPE_CERTIFICATE_DIALOG));
  g_assert_nonnull (certificate);
  g_assert_nonnull (strstr (gui_test_certificate_field (certificate, "revocation"), "Checked: "));
  gui_test_save_png (GTK_WIDGET (certificate), "", "certificate-revocation.png", "", GUI_TEST_WAIT_LAID_OUT);
  gtk_window_destroy (GTK_WINDOW (certificate));

  g_settings_reset (settings, "trusted-cas");
  g_settings_reset (settings, "attach-revocation");
  g_settings_reset (settings, "ocsp-url");
  gtk_window_destroy (GTK_WINDOW (window));
  gui_test_drain_pending ();
  core_test_stop_ocsp (pid);
}

/* The row of the waiting list whose title is @title, or NULL. */
static GtkWidget *
waiting_row (ScsReviewPage *page, const char *title)
{
  GtkListBox *list = GTK_LIST_BOX (page_child (page, "waiting_list"));

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list)); child; child = gtk_widget_get_next_sibling (child))
    if (ADW_IS_ACTION_ROW (child) &&
        g_str_equal (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), title))
      return child;
  return NULL;
}

static gboolean
scope_shown (gpointer window)
{
  return g_str_equal (gui_test_window_page (window), "scope");
}

/* A reason the expert questioned waits for the SME on the review page, and
 * its row leads to the scope page, on the table of the item's kind. */
static void
test_scope_questioned (void)
{
  const char *title = "Scope: the reason for leaving “PLC line” out was questioned: Attach the gateway settings";
  g_autofree char *file = path ("scope.scsw");
  g_autoptr(ScsOrganization) org = scs_organization_new ();
  g_autoptr(ScsCatalog) catalog = scs_catalog_new_builtin ();
  g_autoptr(ScsWorkspace) ws = NULL;
  g_autoptr(ScsProfile) sme = profile ("SME Sato", SCS_ROLE_SME);
  g_autoptr(ScsProfile) expert = profile ("Expert Taro", SCS_ROLE_EXPERT);
  g_autoptr(GHashTable) fields = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  ScsWindow *window;
  ScsReviewPage *page;
  ScsScopePage *scope_page;
  ScsScope *scope;
  GtkWidget *row;
  GtkSorter *column_sorter = NULL;
  gint64 plc;

  window = review_window_new (file, org, catalog, &ws, &page);

  /* The SME leaves a server out; the expert questions why and hands over */
  scope = scs_scope_get (ws, &error);
  g_assert_no_error (error);
  gui_test_use_profile (window, sme);
  g_hash_table_insert (fields, "name", "PLC line");
  plc = scs_scope_add_item (scope, SCS_SCOPE_KIND_SERVER, fields, &error);
  g_assert_true (scs_scope_set_status (scope, plc, SCS_SCOPE_STATUS_EXCLUDED, "OT behind a gateway",
                                       NULL, TRUE, &error));
  g_assert_no_error (error);
  gui_test_use_profile (window, expert);
  g_assert_true (scs_scope_set_review (scope, core_test_expert (), plc, SCS_SCOPE_REVIEW_QUESTIONED,
                                       "Attach the gateway settings", &error));
  g_assert_no_error (error);
  hand_over (window, page);

  /* The SME: that is news, shown on the review page with a way to the scope */
  gui_test_use_profile (window, sme);
  g_assert_true (scs_review_page_has_news (page));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-review", "s", "");
  g_assert_cmpstr (gui_test_window_page (window), ==, "review");
  gui_test_wait_for_widget (GTK_WIDGET (page), 10, GUI_TEST_WAIT_LAID_OUT);
  row = waiting_row (page, title);
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Scope");
  /* Enter on the row presses its button, which clicks a moment later. */
  g_assert_true (gtk_widget_activate (row));
  gui_test_wait_until (scope_shown, window, 10);
  g_assert_cmpstr (gui_test_window_page (window), ==, "scope");
  scope_page = SCS_SCOPE_PAGE (gui_test_find_by_type (GTK_WIDGET (window), SCS_TYPE_SCOPE_PAGE));
  g_assert_nonnull (scope_page);
  gui_test_wait_for_widget (GTK_WIDGET (scope_page), 10, GUI_TEST_WAIT_LAID_OUT);
  g_assert_true (gtk_widget_get_mapped (gui_test_find_by_name (GTK_WIDGET (scope_page), "table-server")));
  g_assert_false (gtk_widget_get_mapped (gui_test_find_by_name (GTK_WIDGET (scope_page), "table-network")));
  {
    GtkColumnView *table = GTK_COLUMN_VIEW (gui_test_find_by_name (GTK_WIDGET (scope_page), "table-server"));
    g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (gtk_column_view_get_columns (table), 0);

    column_sorter = gtk_column_view_column_get_sorter (column);
    g_assert_nonnull (column_sorter);
    g_object_add_weak_pointer (G_OBJECT (column_sorter), (gpointer *) &column_sorter);
  }

  /* A new reason answers the question: the row is gone */
  g_assert_true (scs_scope_set_status (scope, plc, SCS_SCOPE_STATUS_EXCLUDED,
                                       "OT behind a gateway; settings attached", NULL, TRUE, &error));
  g_assert_no_error (error);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-review", "s", "");
  gui_test_wait_for_widget (GTK_WIDGET (page), 10, GUI_TEST_WAIT_LAID_OUT);
  g_assert_null (waiting_row (page, title));

  /* the tables go with the window, their columns' sorters too (issue #20:
   * they stayed, and LeakSanitizer found them whenever no stale pointer
   * happened to hide them) */
  gtk_window_destroy (GTK_WINDOW (window));
  gui_test_drain_pending ();
  g_assert_null (column_sorter);
}

/* An action row titled @title under @widget, or NULL. */
static GtkWidget *
find_row (GtkWidget  *widget,
          const char *title)
{
  if (ADW_IS_ACTION_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The seal row deleted with an outside SQLite tool (every trigger dropped,
 * the row deleted, the triggers put back as they were), then the
 * workspace opened: the window's banner says the workspace was tampered
 * with, and editing stays refused in the window, as in the CLI. */
static void
test_seal_removed (void)
{
  g_autofree char *file = path ("seal-removed.scsw");
  g_autoptr(ScsOrganization) org = gui_test_sample_organization ("封印 株式会社");
  g_autoptr(ScsWorkspace) ws = gui_test_create_workspace (file, org, 3);
  g_autoptr(GPtrArray) triggers = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL, *after = NULL;
  ScsCriterionRow *row;
  ScsReviewPage *page;
  ScsWindow *window;
  sqlite3_stmt *stmt;
  sqlite3 *db;

  core_test_seal_workspace (ws, dir, FALSE);
  g_clear_object (&ws);

  g_assert_cmpint (sqlite3_open (file, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'", -1,
                                       &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_ptr_array_add (triggers, g_strdup_printf ("DROP TRIGGER \"%s\";", sqlite3_column_text (stmt, 0)));
      g_ptr_array_add (triggers, g_strdup_printf ("%s;", sqlite3_column_text (stmt, 1)));
    }
  sqlite3_finalize (stmt);
  g_assert_cmpuint (triggers->len, >, 0);
  for (guint i = 0; i < triggers->len; i += 2)
    g_assert_cmpint (sqlite3_exec (db, triggers->pdata[i], NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM review_seal", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_changes (db), ==, 1);
  for (guint i = 1; i < triggers->len; i += 2)
    g_assert_cmpint (sqlite3_exec (db, triggers->pdata[i], NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  ws = scs_workspace_open (file, &error);
  g_assert_no_error (error);
  window = scs_window_new (NULL);
  scs_window_set_workspace (window, ws);
  gui_test_present_window (GTK_WINDOW (window), 1200, 900);
  page = SCS_REVIEW_PAGE (gui_test_find_by_type (GTK_WIDGET (window), SCS_TYPE_REVIEW_PAGE));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-review", "s", "");
  wait_for_check (page);
  g_assert_nonnull (gui_test_banner_text (page));
  g_test_message ("banner: %s", gui_test_banner_text (page));
  g_assert_nonnull (strstr (gui_test_banner_text (page), "tampered with"));
  g_assert_nonnull (strstr (gui_test_banner_text (page), "seal has been removed"));
  g_assert_null (strstr (gui_test_banner_text (page), "Signed by"));
  g_assert_null (strstr (gui_test_banner_text (page), "no longer matches"));
  g_assert_true (gtk_widget_has_css_class (gui_test_find_by_type (GTK_WIDGET (window), SCS_TYPE_REVIEW_BANNER),
                                           "scs-banner-warning"));
  g_assert_true (scs_review_page_get_sealed (page));
  gui_test_save_png (GTK_WIDGET (window), "", "review-seal-removed.png", "", GUI_TEST_WAIT_LAID_OUT);

  /* edits refused: the rows read-only, the actions change nothing */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-category", "u", 1);
  gui_test_wait_for_widget (GTK_WIDGET (window), 10, GUI_TEST_WAIT_LAID_OUT);
  row = scs_checklist_page_get_row (checklist_test_page (window), "1-2-1-2");
  g_assert_nonnull (row);
  g_assert_false (gtk_text_view_get_editable (GTK_TEXT_VIEW (checklist_test_row_child (row, "note_view"))));
  g_assert_false (gtk_widget_get_sensitive (scs_criterion_row_get_status_button (row, SCS_ANSWER_NOT_MET)));
  before = gui_test_file_state (file);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.set-note", "(ss)", "1-2-1-2", "behind the seal");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.set-status", "(ss)", "1-2-1-2", "not-met");
  gui_test_drain_pending ();
  after = gui_test_file_state (file);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (scs_answer_get_state (scs_workspace_lookup_answer (ws, "1-2-1-2")), ==, SCS_ANSWER_MET);

  gtk_window_destroy (GTK_WINDOW (window));
  gui_test_drain_pending ();
}

/* Preferences → Trusted Certificate Authorities: a PEM bundle and a DER file
 * are listed by subject with their expiry; a file without a certificate is
 * refused, named. */
static void
test_trusted_cas (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *bundle = g_build_filename (dir, "bundle.pem", NULL);
  g_autofree char *der = g_build_filename (dir, "otherca.der", NULL);
  g_autofree char *junk = g_build_filename (dir, "junk.txt", NULL);
  g_autofree char *cmd = g_strdup_printf ("cd '%s' && cat ca.pem manager.pem > bundle.pem && "
                                          "openssl x509 -in otherca.pem -outform DER -out otherca.der", dir);
  g_autoptr(GError) error = NULL;
  ScsPreferencesWindow *preferences;
  g_auto(GStrv) pems = NULL;
  GtkWidget *row;

  g_settings_reset (settings, "trusted-cas");
  g_assert_cmpint (system (cmd), ==, 0);
  g_assert_true (g_file_set_contents (junk, "not a certificate", -1, NULL));
  preferences = scs_preferences_window_new (NULL);
  gtk_window_present (GTK_WINDOW (preferences));
  /* what "Add…" does with the chosen file */
  g_assert_true (scs_trust_settings_add_file (settings, bundle, &error));
  g_assert_no_error (error);
  g_assert_true (scs_trust_settings_add_file (settings, der, &error));
  g_assert_no_error (error);
  g_assert_false (scs_trust_settings_add_file (settings, junk, &error));
  g_assert_nonnull (strstr (error->message, "junk.txt"));
  pems = g_settings_get_strv (settings, "trusted-cas");
  g_assert_cmpuint (g_strv_length (pems), ==, 3);
  row = find_row (GTK_WIDGET (preferences), "CN=SCS Test CA otherca");
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Valid until"));
  g_assert_nonnull (find_row (GTK_WIDGET (preferences), "CN=SCS Test CA ca"));
  /* removing one with its row's button: the list follows the setting */
  row = find_row (GTK_WIDGET (preferences), "CN=SCS Test CA ca");
  g_signal_emit_by_name (gui_test_find_by_type (row, GTK_TYPE_BUTTON), "clicked");
  g_clear_pointer (&pems, g_strfreev);
  pems = g_settings_get_strv (settings, "trusted-cas");
  g_assert_cmpuint (g_strv_length (pems), ==, 2);
  g_assert_null (find_row (GTK_WIDGET (preferences), "CN=SCS Test CA ca"));
  g_assert_nonnull (find_row (GTK_WIDGET (preferences), "CN=SCS Test CA otherca"));
  gtk_window_destroy (GTK_WINDOW (preferences));
  g_settings_reset (settings, "trusted-cas");
}

/* The redline's rows as the user reads them, markup removed, one a line. */
static char *
redline_text (ScsReviewPage *page)
{
  GtkListBox *list = GTK_LIST_BOX (page_child (page, "changes_list"));
  GString *text = g_string_new (NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list)); child;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *parts[2] = { NULL, NULL };

      if (!ADW_IS_ACTION_ROW (child))
        continue;
      parts[0] = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child));
      parts[1] = adw_action_row_get_subtitle (ADW_ACTION_ROW (child));
      for (guint i = 0; i < 2; i++)
        {
          g_autofree char *plain = NULL;

          g_assert_true (pango_parse_markup (parts[i] ? parts[i] : "", -1, 0, NULL, &plain, NULL, NULL));
          g_string_append_printf (text, "%s%s", plain, i == 0 ? " | " : "\n");
        }
    }
  return g_string_free (text, FALSE);
}

/* Issue 16, human words: the redline says "Unanswered → Met", names the
 * evidence file (never its hash), "Target level ★3 → ★4", and when in
 * local time with the zone's name (JST here). Before, it showed
 * "unanswered → met", the 64-character hash, "assessment 1 · target-level"
 * and no time. */
static void
test_redline_words (void)
{
  g_autofree char *file = path ("redline.scsw");
  g_autofree char *evidence_path = path ("policy.pdf");
  g_autoptr(GFile) evidence = g_file_new_for_path (evidence_path);
  g_autoptr(ScsOrganization) org = scs_organization_new ();
  g_autoptr(ScsCatalog) catalog = scs_catalog_new_builtin ();
  g_autoptr(ScsWorkspace) ws = NULL;
  g_autoptr(ScsProfile) sme = profile ("SME Sato", SCS_ROLE_SME);
  g_autoptr(ScsProfile) expert = profile ("Expert Taro", SCS_ROLE_EXPERT);
  g_autoptr(GError) error = NULL;
  g_autofree char *sha = NULL;
  g_autofree char *text = NULL;
  ScsWindow *window;
  ScsReviewPage *page;

  window = review_window_new (file, org, catalog, &ws, &page);
  gui_test_use_profile (window, sme);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.set-status", "(ss)", "1-1-1-1", "met");
  hand_over (window, page);
  gui_test_use_profile (window, expert);
  hand_over (window, page);
  assert_no_toast (page);

  gui_test_use_profile (window, sme);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.set-status", "(ss)", "1-2-1-1", "met");
  g_assert_true (g_file_set_contents (evidence_path, "%PDF-1.4\n%%EOF\n", -1, &error));
  sha = scs_workspace_add_evidence (ws, "1-2-1-1", evidence, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (scs_workspace_set_target_level (ws, 4, &error));
  g_assert_no_error (error);
  hand_over (window, page);
  assert_no_toast (page);

  gui_test_use_profile (window, expert);
  gui_test_drain_pending ();
  text = redline_text (page);
  g_test_message ("redline:\n%s", text);
  g_assert_nonnull (strstr (text, "1-2-1-1 · status | Unanswered → Met  (SME Sato, "));
  g_assert_nonnull (strstr (text, "policy.pdf · evidence added"));
  g_assert_nonnull (strstr (text, "Target level | ★3 → ★4"));
  g_assert_nonnull (strstr (text, " JST)"));
  g_assert_null (strstr (text, sha));
  g_assert_null (strstr (text, "unanswered"));
  g_assert_null (strstr (text, "assessment 1"));
  g_assert_null (strstr (text, "target-level"));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The visible AdwMessageDialog, after the action that opens it. */
static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels;

  gui_test_drain_pending ();
  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (item) && gtk_widget_get_visible (GTK_WIDGET (item)))
        return ADW_MESSAGE_DIALOG (item);
    }
  g_assert_not_reached ();
}

static gboolean
is_propose_button (GtkWidget     *widget,
                   gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), "_Propose") == 0;
}

/* Issue 16, the review desk: the SME's answer, note and evidence beside
 * the criterion; the keyboard path (next, accept, next, revision
 * required); filters (not yet reviewed, revision required, changed since
 * my hand-over); "accept all shown" with a confirmation naming the count;
 * a proposal made with the status control (labels, not "not-met" typed). */
static void
test_review_desk (void)
{
  g_autofree char *file = path ("desk.scsw");
  g_autofree char *evidence_path = path ("規程.pdf");
  g_autoptr(GFile) evidence = g_file_new_for_path (evidence_path);
  g_autoptr(ScsOrganization) org = scs_organization_new ();
  g_autoptr(ScsCatalog) catalog = scs_catalog_new_builtin ();
  g_autoptr(ScsWorkspace) ws = NULL;
  g_autoptr(ScsProfile) sme = profile ("SME Sato", SCS_ROLE_SME);
  g_autoptr(ScsProfile) expert = profile ("Expert Taro", SCS_ROLE_EXPERT);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) proposals = NULL;
  g_autofree char *sha = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *row_title = NULL;
  ScsReviewProposal *proposal;
  AdwMessageDialog *dialog;
  ScsWindow *window;
  ScsReviewPage *page;
  ScsReview *review;
  GListModel *answers;
  guint n3 = 0;

  window = review_window_new (file, org, catalog, &ws, &page);
  review = scs_review_page_get_review (page);
  gui_test_use_profile (window, sme);
  answers = scs_workspace_get_answers (ws);
  for (guint i = 0; i < g_list_model_get_n_items (answers); i++)
    {
      g_autoptr(ScsAnswer) a = g_list_model_get_item (answers, i);

      if (scs_answer_get_criterion (a)->level <= 3)
        {
          gtk_widget_activate_action (GTK_WIDGET (window), "win.set-status", "(ss)",
                                      scs_answer_get_criterion_id (a), "met");
          n3++;
        }
    }
  gtk_widget_activate_action (GTK_WIDGET (window), "win.set-note", "(ss)", "1-2-1-1", "委員会規程で定義");
  g_assert_true (g_file_set_contents (evidence_path, "%PDF-1.4\n%%EOF\n", -1, &error));
  sha = scs_workspace_add_evidence (ws, "1-2-1-1", evidence, NULL, &error);
  g_assert_no_error (error);
  hand_over (window, page);

  /* The expert: every ★3 criterion listed; the SME's side beside it */
  gui_test_use_profile (window, expert);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-review", "s", "1-2-1-1");
  g_assert_cmpuint (n_rows (GTK_LIST_BOX (page_child (page, "criteria_list"))), ==, n3);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (page_child (page, "answer_label"))), "Answer: Met"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (page_child (page, "answer_label"))), "Note: 委員会規程で定義"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (page_child (page, "answer_label"))), "Evidence: 規程.pdf"));
  /* The expert cannot edit the SME's answers: edits are proposals */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.set-status", "(ss)", "1-2-1-1", "not-met");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.set-note", "(ss)", "1-2-1-1", "専門家の書き換え");
  g_assert_cmpint (scs_answer_get_state (scs_workspace_lookup_answer (ws, "1-2-1-1")), ==, SCS_ANSWER_MET);
  g_assert_cmpstr (scs_answer_get_note (scs_workspace_lookup_answer (ws, "1-2-1-1")), ==, "委員会規程で定義");

  /* Keyboard path: Alt+Down, Shift+Alt+A, Alt+Down, Shift+Alt+R (the
   * bindings activate these actions) */
  review_action (window, "filter", g_variant_new_string ("all"));
  review_action (window, "show-criterion", g_variant_new_string ("1-2-1-1"));
  review_action (window, "next", NULL);
  first = g_strdup (shown_criterion (page));
  g_assert_cmpstr (first, !=, "1-2-1-1");
  review_action (window, "verdict-current", g_variant_new_string ("accepted"));
  review_action (window, "next", NULL);
  second = g_strdup (shown_criterion (page));
  g_assert_cmpstr (second, !=, first);
  review_action (window, "verdict-current", g_variant_new_string ("revision-required"));
  review_action (window, "previous", NULL);
  g_assert_cmpstr (shown_criterion (page), ==, first);
  assert_no_toast (page);
  g_assert_cmpint (scs_review_get_verdict (review, first), ==, SCS_VERDICT_ACCEPTED);
  g_assert_cmpint (scs_review_get_verdict (review, second), ==, SCS_VERDICT_REVISION_REQUIRED);

  /* The desk's rows: the criterion, the SME's answer and the verdict, the
   * criterion's text below; the one shown is selected, and selecting
   * another shows it. */
  gui_test_drain_pending ();
  row_title = g_strdup_printf ("%s · Met · Accepted", first);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (desk_row (page, first))), ==, row_title);
  g_free (row_title);
  row_title = g_strdup_printf ("%s · Met · Revision required", second);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (desk_row (page, second))), ==, row_title);
  g_assert_cmpstr (adw_action_row_get_subtitle (desk_row (page, second)), ==,
                   scs_criterion_get_text (scs_answer_get_criterion (scs_workspace_lookup_answer (ws, second))));
  g_assert_true (gtk_list_box_row_is_selected (GTK_LIST_BOX_ROW (desk_row (page, first))));
  gtk_list_box_select_row (GTK_LIST_BOX (page_child (page, "criteria_list")), GTK_LIST_BOX_ROW (desk_row (page, second)));
  g_assert_cmpstr (shown_criterion (page), ==, second);
  review_action (window, "show-criterion", g_variant_new_string (first));
  gui_test_drain_pending ();
  /* and Enter on a row the keyboard reached does too */
  gtk_widget_grab_focus (GTK_WIDGET (desk_row (page, second)));
  g_signal_emit_by_name (page_child (page, "criteria_list"), "activate-cursor-row");
  g_assert_cmpstr (shown_criterion (page), ==, second);
  review_action (window, "show-criterion", g_variant_new_string (first));
  gui_test_drain_pending ();
  g_assert_true (gtk_list_box_row_is_selected (GTK_LIST_BOX_ROW (desk_row (page, first))));

  /* Filters */
  review_action (window, "filter", g_variant_new_string ("unreviewed"));
  gui_test_drain_pending ();
  g_assert_cmpuint (n_rows (GTK_LIST_BOX (page_child (page, "criteria_list"))), ==, n3 - 2);
  review_action (window, "filter", g_variant_new_string ("revision"));
  gui_test_drain_pending ();
  g_assert_cmpuint (n_rows (GTK_LIST_BOX (page_child (page, "criteria_list"))), ==, 1);

  /* Accept all shown: the confirmation names the count; Cancel writes nothing */
  review_action (window, "filter", g_variant_new_string ("unreviewed"));
  gui_test_drain_pending ();
  review_action (window, "accept-shown", NULL);
  dialog = find_message_dialog ();
  expected = g_strdup_printf ("Accept %u Criteria?", n3 - 2);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, expected);
  adw_message_dialog_response (dialog, "cancel");
  gui_test_drain_pending ();
  for (guint i = 0; third == NULL && i < g_list_model_get_n_items (answers); i++)
    {
      g_autoptr(ScsAnswer) a = g_list_model_get_item (answers, i);
      const char *id = scs_answer_get_criterion_id (a);

      if (scs_answer_get_criterion (a)->level <= 3 && g_strcmp0 (id, first) != 0 &&
          g_strcmp0 (id, second) != 0)
        third = g_strdup (id);
    }
  g_assert_cmpint (scs_review_get_verdict (review, third), ==, SCS_VERDICT_NONE);
  review_action (window, "accept-shown", NULL);
  dialog = find_message_dialog ();
  adw_message_dialog_response (dialog, "accept");
  gui_test_drain_pending ();
  assert_no_toast (page);
  g_assert_cmpuint (n_rows (GTK_LIST_BOX (page_child (page, "criteria_list"))), ==, 0);
  g_assert_cmpint (scs_review_get_verdict (review, third), ==, SCS_VERDICT_ACCEPTED);
  /* the one marked for revision stays so */
  g_assert_cmpint (scs_review_get_verdict (review, second), ==, SCS_VERDICT_REVISION_REQUIRED);

  /* A proposal with the status control: the label "Not met", not a code */
  review_action (window, "show-criterion", g_variant_new_string ("1-2-1-1"));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (page_child (page, "state_dropdown")), SCS_ANSWER_NOT_MET);
  g_assert_cmpstr (gtk_string_object_get_string (GTK_STRING_OBJECT (
                     gtk_drop_down_get_selected_item (GTK_DROP_DOWN (page_child (page, "state_dropdown"))))), ==, "Not met");
  g_signal_emit_by_name (gui_test_find (GTK_WIDGET (page), is_propose_button, NULL), "clicked");
  assert_no_toast (page);
  proposals = scs_review_list_proposals (review, "1-2-1-1", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (proposals->len, ==, 1);
  proposal = proposals->pdata[0];
  g_assert_cmpstr (proposal->field, ==, "state");
  g_assert_cmpstr (proposal->new_value, ==, "not-met");
  hand_over (window, page);

  /* Changed since my hand-over: only what the SME touched */
  gui_test_use_profile (window, sme);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.set-note", "(ss)", second, "書き直しました");
  hand_over (window, page);
  gui_test_use_profile (window, expert);
  review_action (window, "filter", g_variant_new_string ("changed"));
  gui_test_drain_pending ();
  g_assert_cmpuint (n_rows (GTK_LIST_BOX (page_child (page, "criteria_list"))), ==, 1);

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

  /* Certificate dates are shown in local time: a fixed zone, 9 hours
   * ahead of UTC, so that the day can differ from the UTC one. */
  g_setenv ("TZ", "Asia/Tokyo", TRUE);
  tzset ();
  gui_test_init (&argc, &argv, "en");

  dir = g_dir_make_tmp ("scs-gui-review-XXXXXX", NULL);
  g_assert_nonnull (dir);
  /* Never the user's own profile. */
  profile_file = path ("profile.ini");
  g_setenv ("SCS_PROFILE", profile_file, TRUE);
  script = g_build_filename (g_getenv ("SCS_SOURCE_DIR"), "tests", "review", "make-certificates.sh", NULL);
  cmd = g_strdup_printf ("sh '%s' '%s' >/dev/null 2>&1", script, dir);
  g_assert_true (run (cmd));

  g_test_add_func ("/scs/gui/review/profile-page", test_profile_page);
  g_test_add_func ("/scs/gui/review/round-trip", test_round_trip);
  g_test_add_func ("/scs/gui/review/scope-questioned", test_scope_questioned);
  g_test_add_func ("/scs/gui/review/trusted-cas", test_trusted_cas);
  g_test_add_func ("/scs/gui/review/revocation", test_revocation);
  g_test_add_func ("/scs/gui/review/redline-words", test_redline_words);
  g_test_add_func ("/scs/gui/review/desk", test_review_desk);
  g_test_add_func ("/scs/gui/review/seal-removed", test_seal_removed);

  rc = g_test_run ();
  g_free (cmd);
  cmd = g_strdup_printf ("rm -rf '%s'", dir);
  run (cmd);
  return rc;
}
