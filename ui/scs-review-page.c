/* scs-review-page.c: the expert review pane of a workspace
 *
 * One page for both sides of a review round. It opens with what matters on
 * arrival: the items that wait for the viewer's side and a redline of what
 * the other side changed since this side last handed the workspace over
 * (old values struck through, new ones highlighted). Below, one criterion at
 * a time: its comment thread, the expert's verdict buttons, proposed
 * corrections (old → new) with Accept / Reject for the organisation, and a
 * whole-assessment thread. Every change goes through the "review" action
 * group, whose handlers make exactly one ScsReview call and report a refusal
 * as a toast; the page then redraws itself from the model, so what it shows
 * is always what the file holds. The page also owns the sealing banner the
 * window shows above its content: "signed and sealed" while the signature
 * matches, a warning listing what changed when it no longer does, both with
 * "Start a New Round". Signing and the management declaration open
 * ScsSignDialog.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "scs-review-page.h"

#include <glib/gi18n-lib.h>

#include "scs-ui-resources.h"

#include "scs-scope.h"
#include "scs-sign-dialog.h"
#include "scs-signature.h"
#include "scs-trust-settings.h"
#include "scs-window.h"

struct _ScsReviewPage
{
  GtkWidget           parent_instance;

  ScsWorkspace       *workspace;
  ScsProfile         *profile;
  ScsReview          *review;
  ScsScope           *scope;  /* the workspace's, followed once listed */
  GSimpleActionGroup *actions;
  char               *criterion_id;
  char               *last_error;
  guint               refresh_id;
  gboolean            profile_explicit;
  gboolean            sealed;
  gboolean            content_stale;
  gboolean            built;          /* the template's widgets exist */
  GCancellable       *check_cancellable; /* the signature check running, if any */
  gboolean            banner_checked;    /* the banner shows a check's result */

  GtkWidget          *banner;
  GtkWidget          *banner_box;
  GtkLabel           *banner_label;
  GtkWidget          *banner_button;

  GtkWidget          *scroller;
  GtkLabel           *title_label;
  GtkLabel           *summary_label;
  GtkWidget          *hand_over_button;
  GtkWidget          *sign_button;
  GtkWidget          *declare_button;
  GtkWidget          *waiting_group;
  GtkListBox         *waiting_list;
  GtkWidget          *changes_group;
  GtkListBox         *changes_list;
  GtkWidget          *criterion_group;
  GtkEntry           *criterion_entry;
  GtkLabel           *criterion_label;
  GtkLabel           *verdict_label;
  GtkWidget          *verdict_box;
  GtkWidget          *accept_button;
  GtkWidget          *revision_button;
  GtkListBox         *thread_list;
  GtkEntry           *comment_entry;
  GtkWidget          *propose_box;
  GtkDropDown        *field_dropdown;
  GtkEntry           *proposal_entry;
  GtkEntry           *proposal_comment_entry;
  GtkListBox         *general_list;
  GtkEntry           *general_entry;
};

G_DEFINE_FINAL_TYPE (ScsReviewPage, scs_review_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SEALED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void queue_refresh (ScsReviewPage *self);

static void
report (ScsReviewPage *self,
        const char    *message)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), SCS_TYPE_WINDOW);

  g_free (self->last_error);
  self->last_error = g_strdup (message);
  if (window != NULL)
    scs_window_add_toast (SCS_WINDOW (window), message);
  else
    g_message ("%s", message);
}

static gboolean
finish (ScsReviewPage *self,
        gboolean       ok,
        GError        *error)
{
  if (!ok && error != NULL)
    report (self, error->message);
  /* Many actions in a row (a verdict per criterion) redraw once. */
  queue_refresh (self);
  return ok;
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static const char *
field_label (const char *field)
{
  if (g_strcmp0 (field, "state") == 0 || g_strcmp0 (field, "answer") == 0)
    return _("status");
  if (g_strcmp0 (field, "note") == 0)
    return _("note");
  if (g_strcmp0 (field, "reason") == 0)
    return _("not-applicable reason");
  return field;
}

/* A value for the redline: empty shows as an explicit placeholder. */
static char *
value_markup (const char *value,
              gboolean    is_new)
{
  g_autofree char *escaped = NULL;

  if (value == NULL || *value == '\0')
    return g_strdup_printf ("<i>%s</i>", _("(empty)"));
  escaped = g_markup_escape_text (value, -1);
  if (is_new)
    return g_strdup_printf ("<span background=\"#f8e45c\" foreground=\"#000000\">%s</span>", escaped);
  return g_strdup_printf ("<s>%s</s>", escaped);
}

static GtkWidget *
text_row_new (const char *title_markup,
              const char *subtitle_markup)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), TRUE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title_markup);
  if (subtitle_markup != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle_markup);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  return row;
}

/* Refresh ---------------------------------------------------------------- */

/* The banner for a sealed assessment: @check is the signature check's
 * result, or NULL for what is certain without one (it is sealed). */
static void
show_banner (ScsReviewPage     *self,
             ScsSignatureCheck *check)
{
  g_autofree char *text = NULL;

  gtk_widget_remove_css_class (self->banner_box, "scs-banner-warning");
  if (check != NULL && !scs_signature_check_is_good (check))
    {
      g_autoptr(GString) list = g_string_new (NULL);

      for (guint i = 0; check->changes != NULL && i < check->changes->len; i++)
        g_string_append_printf (list, "%s%s", i ? ", " : "", (char *) check->changes->pdata[i]);
      if (list->len > 0)
        /* Translators: %s lists what changed, e.g. "criterion 1-1-1-1: note" */
        text = g_strdup_printf (_("The signature no longer matches this assessment. Changed since signing: %s"),
                                list->str);
      else
        text = g_strdup_printf (_("The signature no longer matches this assessment: %s"),
                                check->problem ? check->problem : _("the signature does not verify"));
      gtk_widget_add_css_class (self->banner_box, "scs-banner-warning");
    }
  else if (check != NULL && check->verification != NULL)
    {
      const ScsCmsVerification *v = check->verification;
      g_autoptr(GString) who = g_string_new (v->common_name ? v->common_name : v->subject);

      if (v->organization != NULL)
        g_string_append_printf (who, " (%s)", v->organization);
      if (v->trusted)
        /* Translators: %s is the signer's name (organization) from the certificate */
        text = g_strdup_printf (_("Signed by %s, verified against your trusted CAs, and sealed: answers, notes and evidence are read-only. Start a new round to change them."),
                                who->str);
      else
        /* Translators: %s is the signer's name (organization) from the certificate */
        text = g_strdup_printf (_("Signed by %s and sealed: the signature is intact, but the signer is not verified (add the issuing CA under Preferences → Trusted Certificate Authorities). Answers, notes and evidence are read-only; start a new round to change them."),
                                who->str);
    }
  else
    text = g_strdup (_("This assessment is sealed: answers, notes and evidence are read-only. Start a new round to change them."));

  gtk_label_set_text (self->banner_label, text);
  gtk_widget_set_visible (self->banner, TRUE);
}

typedef struct
{
  char            *path;
  ScsTrustAnchors *anchors;  /* the user's trusted CAs (Preferences) */
} CheckJob;

static void
check_job_free (CheckJob *job)
{
  g_free (job->path);
  g_clear_object (&job->anchors);
  g_free (job);
}

/* Checking the signature renders the assessment again and hashes every
 * evidence file: on a workspace with a few hundred megabytes of evidence
 * that is a second of work, which held up the window (its first frame too,
 * on opening a signed workspace). So it runs in a thread, on a connection
 * of its own, as the report of an export does. */
static void
check_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  CheckJob *job = task_data;
  g_autoptr(ScsWorkspace) workspace = NULL;
  ScsSignatureCheck *check;
  GError *error = NULL;

  workspace = scs_workspace_open_again (job->path, &error);
  check = workspace != NULL
    ? scs_signature_check_with_anchors (workspace, SCS_SIGNATURE_ROLE_EXPERT, job->anchors, &error)
    : NULL;
  if (check != NULL)
    g_task_return_pointer (task, check, (GDestroyNotify) scs_signature_check_free);
  else
    g_task_return_error (task, error);
}

static void
check_done (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  ScsReviewPage *self = SCS_REVIEW_PAGE (source);
  g_autoptr(ScsSignatureCheck) check = NULL;
  g_autoptr(GError) error = NULL;

  check = g_task_propagate_pointer (G_TASK (result), &error);
  /* Superseded by a later check, a new workspace, or the page is gone */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->check_cancellable);
  if (error != NULL && !g_error_matches (error, SCS_SIGNATURE_ERROR, SCS_SIGNATURE_ERROR_UNSIGNED))
    g_message ("Cannot check the signature of ‘%s’: %s",
               scs_workspace_get_path (self->workspace), error->message);
  show_banner (self, check);
  self->banner_checked = TRUE;
}

static void
cancel_check (ScsReviewPage *self)
{
  g_cancellable_cancel (self->check_cancellable);
  g_clear_object (&self->check_cancellable);
}

static void
update_banner (ScsReviewPage *self)
{
  g_autoptr(GTask) task = NULL;

  cancel_check (self);
  if (self->workspace == NULL || !self->sealed)
    {
      gtk_widget_set_visible (self->banner, FALSE);
      gtk_label_set_text (self->banner_label, "");
      self->banner_checked = FALSE;
      return;
    }

  /* A result shown stays until the next one replaces it: no flicker. */
  if (!self->banner_checked)
    show_banner (self, NULL);
  self->check_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->check_cancellable, check_done, NULL);
  g_task_set_source_tag (task, update_banner);
  {
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);
    CheckJob *job = g_new0 (CheckJob, 1);

    job->path = g_strdup (scs_workspace_get_path (self->workspace));
    job->anchors = scs_trust_settings_dup_anchors (settings);
    g_task_set_task_data (task, job, (GDestroyNotify) check_job_free);
  }
  g_task_run_in_thread (task, check_thread);
}

/* A "go to" button at the end of @row, which activating the row presses. */
static void
add_go_button (GtkWidget  *row,
               const char *tooltip,
               const char *action_name,
               GVariant   *target)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("go-next-symbolic");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
}

static GtkWidget *
waiting_row_new (ScsReviewItem *item)
{
  gboolean scope = g_str_equal (item->kind, "scope-questioned");
  g_autofree char *title = g_markup_escape_text (item->text ? item->text : item->kind, -1);
  g_autofree char *subtitle = g_markup_escape_text (item->criterion_id ? item->criterion_id
                                                    : scope ? _("Scope")
                                                    : _("Whole assessment"), -1);
  GtkWidget *row = text_row_new (title, subtitle);

  if (scope)
    {
      /* The scope has its own page, out of this one: the window shows it. */
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("network-workgroup-symbolic"));
      add_go_button (row, _("Show the scope"), "win.show-scope", g_variant_new_int64 (item->ref));
    }
  else if (item->criterion_id != NULL)
    add_go_button (row, _("Show this criterion"), "review.show-criterion",
                   g_variant_new_string (item->criterion_id));
  return row;
}

/* The scope's edits (a new reason, the expert's mark) change what waits. */
static void
follow_scope (ScsReviewPage *self)
{
  if (self->scope != NULL)
    return;
  self->scope = scs_scope_get (self->workspace, NULL);
  if (self->scope != NULL)
    g_signal_connect_object (self->scope, "changed", G_CALLBACK (queue_refresh), self, G_CONNECT_SWAPPED);
}

static void
refresh_waiting (ScsReviewPage *self)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;

  clear_list (self->waiting_list);
  items = scs_review_list_waiting (self->review, &error);
  follow_scope (self);
  for (guint i = 0; items != NULL && i < items->len; i++)
    gtk_list_box_append (self->waiting_list, waiting_row_new (items->pdata[i]));
  if (items == NULL)
    gtk_list_box_append (self->waiting_list, text_row_new (error->message, NULL));
  gtk_widget_set_visible (self->waiting_group, items == NULL || items->len > 0);
}

static void
refresh_changes (ScsReviewPage *self)
{
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;

  clear_list (self->changes_list);
  changes = scs_review_list_changes (self->review, &error);
  for (guint i = 0; changes != NULL && i < changes->len; i++)
    {
      ScsReviewChange *change = changes->pdata[i];
      g_autofree char *target = g_markup_escape_text (change->target, -1);
      g_autofree char *old_markup = value_markup (change->old_value, FALSE);
      g_autofree char *new_markup = value_markup (change->new_value, TRUE);
      g_autofree char *actor = g_markup_escape_text (change->actor ? change->actor : "", -1);
      /* Translators: redline row title: "1-1-1-1 · note" */
      g_autofree char *title = g_strdup_printf (_("%s · %s"), target, field_label (change->field));
      /* Translators: redline: old value → new value, by whom */
      g_autofree char *subtitle = g_strdup_printf (_("%s → %s  (%s)"), old_markup, new_markup, actor);
      GtkWidget *row = text_row_new (title, subtitle);

      if (scs_workspace_lookup_answer (self->workspace, change->target) != NULL)
        {
          GtkWidget *button = gtk_button_new_from_icon_name ("go-next-symbolic");

          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (button, "flat");
          gtk_widget_set_tooltip_text (button, _("Show this criterion"));
          gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "review.show-criterion");
          gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", change->target);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
        }
      gtk_widget_set_name (row, "redline-row");
      gtk_list_box_append (self->changes_list, row);
    }
  if (changes == NULL)
    gtk_list_box_append (self->changes_list, text_row_new (error->message, NULL));
  gtk_widget_set_visible (self->changes_group, changes == NULL || changes->len > 0);
}

static void
append_comments (ScsReviewPage *self,
                 GtkListBox    *list,
                 const char    *criterion_id)
{
  g_autoptr(GPtrArray) comments = NULL;
  g_autoptr(GError) error = NULL;

  comments = scs_review_list_comments (self->review, criterion_id, &error);
  for (guint i = 0; comments != NULL && i < comments->len; i++)
    {
      ScsReviewComment *c = comments->pdata[i];
      g_autofree char *body = g_markup_escape_text (c->body, -1);
      /* Translators: comment byline: author (role) · time */
      g_autofree char *byline = g_strdup_printf (_("%s (%s) · %s"), c->author, c->role, c->time);
      g_autofree char *escaped = g_markup_escape_text (byline, -1);

      gtk_list_box_append (list, text_row_new (body, escaped));
    }
}

static void
append_proposals (ScsReviewPage *self)
{
  g_autoptr(GPtrArray) proposals = NULL;
  g_autoptr(GError) error = NULL;
  gboolean organization = scs_review_get_side (self->review) == SCS_REVIEW_SIDE_ORGANIZATION;

  proposals = scs_review_list_proposals (self->review, self->criterion_id, &error);
  for (guint i = 0; proposals != NULL && i < proposals->len; i++)
    {
      ScsReviewProposal *p = proposals->pdata[i];
      g_autofree char *old_markup = value_markup (p->old_value, FALSE);
      g_autofree char *new_markup = value_markup (p->new_value, TRUE);
      /* Translators: "Proposed note: old → new" */
      g_autofree char *title = g_strdup_printf (_("Proposed %s: %s → %s"), field_label (p->field), old_markup, new_markup);
      g_autofree char *status = NULL;
      g_autofree char *escaped = NULL;
      GtkWidget *row;

      if (g_str_equal (p->status, "open"))
        /* Translators: proposal byline: author, time, the author's reason */
        status = g_strdup_printf (_("open · %s · %s%s%s"), p->author, p->time,
                                  p->comment && *p->comment ? " · " : "", p->comment ? p->comment : "");
      else
        /* Translators: proposal decided: "accepted by Sato · it is met" */
        status = g_strdup_printf (_("%s by %s%s%s"),
                                  g_str_equal (p->status, "accepted") ? _("accepted") : _("rejected"),
                                  p->decided_by ? p->decided_by : "",
                                  p->decision_comment && *p->decision_comment ? " · " : "",
                                  p->decision_comment ? p->decision_comment : "");
      escaped = g_markup_escape_text (status, -1);
      row = text_row_new (title, escaped);

      if (organization && g_str_equal (p->status, "open") && !self->sealed)
        {
          GtkWidget *accept = gtk_button_new_with_mnemonic (_("_Accept"));
          GtkWidget *reject = gtk_button_new_with_mnemonic (_("_Reject"));

          gtk_widget_set_valign (accept, GTK_ALIGN_CENTER);
          gtk_widget_set_valign (reject, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (accept, "suggested-action");
          gtk_actionable_set_action_name (GTK_ACTIONABLE (accept), "review.accept");
          gtk_actionable_set_action_target (GTK_ACTIONABLE (accept), "x", p->id);
          gtk_actionable_set_action_name (GTK_ACTIONABLE (reject), "review.reject");
          gtk_actionable_set_action_target (GTK_ACTIONABLE (reject), "(xs)", p->id, "");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), reject);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), accept);
        }
      gtk_list_box_append (self->thread_list, row);
    }
}

static void
refresh_criterion (ScsReviewPage *self)
{
  const ScsCriterion *criterion = NULL;
  gboolean expert = scs_review_get_side (self->review) == SCS_REVIEW_SIDE_EXPERT;
  ScsVerdict verdict;
  g_autofree char *text = NULL;

  clear_list (self->thread_list);
  if (self->criterion_id != NULL)
    criterion = scs_catalog_lookup_criterion (scs_workspace_get_catalog (self->workspace), self->criterion_id);

  gtk_widget_set_visible (GTK_WIDGET (self->criterion_label), criterion != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->thread_list), criterion != NULL);
  gtk_widget_set_visible (self->verdict_box, criterion != NULL && expert && !self->sealed);
  gtk_widget_set_visible (self->propose_box, criterion != NULL && expert && !self->sealed);
  gtk_widget_set_sensitive (GTK_WIDGET (self->comment_entry), criterion != NULL);
  if (criterion == NULL)
    {
      gtk_label_set_text (self->verdict_label, "");
      return;
    }

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->criterion_entry)), self->criterion_id) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->criterion_entry), self->criterion_id);
  text = g_strdup_printf ("%s  %s", self->criterion_id, scs_criterion_get_text (criterion));
  gtk_label_set_text (self->criterion_label, text);
  verdict = scs_review_get_verdict (self->review, self->criterion_id);
  gtk_label_set_text (self->verdict_label, scs_verdict_get_label (verdict));
  gtk_widget_set_sensitive (self->accept_button, verdict != SCS_VERDICT_ACCEPTED);
  gtk_widget_set_sensitive (self->revision_button, verdict != SCS_VERDICT_REVISION_REQUIRED);

  append_comments (self, self->thread_list, self->criterion_id);
  append_proposals (self);
  if (gtk_widget_get_first_child (GTK_WIDGET (self->thread_list)) == NULL)
    gtk_list_box_append (self->thread_list,
                         text_row_new (_("No comments or proposals yet"), NULL));
}

static void
refresh_summary (ScsReviewPage *self)
{
  ScsReviewSummary s = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *summary = NULL;
  ScsRole role = scs_profile_get_role (self->profile);
  const char *name = scs_profile_get_name (self->profile);
  gboolean expert_signed = FALSE;

  if (!scs_review_get_summary (self->review, &s, &error))
    {
      gtk_label_set_text (self->summary_label, error->message);
      return;
    }

  /* Translators: review page title; %u is the round number */
  title = g_strdup_printf (_("Review, round %u"), s.round);
  gtk_label_set_text (self->title_label, title);
  /* Translators: review summary; the last %s is "you: name (role)" */
  summary = g_strdup_printf (_("%u of %u criteria accepted · %u revision required · %u reopened · "
                               "%u open proposals · nonconformities: %u open, %u closed · you: %s (%s)"),
                             s.n_accepted, s.n_criteria, s.n_revision, s.n_reopened,
                             s.n_open_proposals, s.n_nonconformities_open, s.n_nonconformities_closed,
                             name && *name ? name : _("no profile — set it in Preferences"),
                             scs_role_get_label (role));
  gtk_label_set_text (self->summary_label, summary);

  {
    g_autoptr(ScsSignatureInfo) info = scs_signature_dup_info (self->workspace, SCS_SIGNATURE_ROLE_EXPERT);

    expert_signed = info != NULL && s.sealed;
  }
  gtk_widget_set_visible (self->sign_button, role == SCS_ROLE_EXPERT && !s.sealed);
  gtk_widget_set_visible (self->declare_button, role == SCS_ROLE_MANAGEMENT || expert_signed);
  gtk_widget_set_sensitive (self->declare_button, expert_signed);
  gtk_widget_set_sensitive (self->hand_over_button, !s.sealed);
}

/* The lists and the summary: built when the page is shown or a list is
 * asked for (ensure_content), not while the page is hidden — a workspace
 * in its first round has one "unreviewed" row per criterion, and the
 * window does not open on this page unless there is news. */
static void
refresh_content (ScsReviewPage *self)
{
  self->content_stale = FALSE;
  refresh_summary (self);
  refresh_waiting (self);
  refresh_changes (self);
  refresh_criterion (self);
  clear_list (self->general_list);
  append_comments (self, self->general_list, "");
  if (gtk_widget_get_first_child (GTK_WIDGET (self->general_list)) == NULL)
    gtk_list_box_append (self->general_list, text_row_new (_("No comments on the whole assessment yet"), NULL));
}

/* The template's widgets are made the first time they are needed (the
 * page is shown, or a test asks for a list): the window opens on the
 * review page only when there is news, and building its 39 widgets with
 * every window cost each start-up a few milliseconds. */
static void
build (ScsReviewPage *self)
{
  if (self->built)
    return;
  self->built = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->content_stale = TRUE;
}

static void
ensure_content (ScsReviewPage *self)
{
  build (self);
  if (self->content_stale && self->review != NULL)
    refresh_content (self);
}

void
scs_review_page_refresh (ScsReviewPage *self)
{
  gboolean sealed;

  g_return_if_fail (SCS_IS_REVIEW_PAGE (self));

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->workspace == NULL || self->review == NULL)
    {
      gtk_widget_set_visible (self->banner, FALSE);
      return;
    }

  sealed = scs_review_is_sealed (self->workspace);
  if (sealed != self->sealed)
    {
      self->sealed = sealed;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEALED]);
    }
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh_content (self);
  else
    self->content_stale = TRUE;
  update_banner (self);
}

static void
scs_review_page_map (GtkWidget *widget)
{
  ensure_content (SCS_REVIEW_PAGE (widget));
  GTK_WIDGET_CLASS (scs_review_page_parent_class)->map (widget);
}

static gboolean
refresh_idle (gpointer data)
{
  ScsReviewPage *self = data;

  self->refresh_id = 0;
  scs_review_page_refresh (self);
  return G_SOURCE_REMOVE;
}

static void
queue_refresh (ScsReviewPage *self)
{
  /* Answers change one keystroke-batch at a time: redraw once. */
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add (refresh_idle, self);
}

/* Actions ---------------------------------------------------------------- */

static gboolean
require_review (ScsReviewPage *self)
{
  g_clear_pointer (&self->last_error, g_free);
  return self->review != NULL;
}

static void
show_criterion_action (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  ScsReviewPage *self = user_data;

  if (require_review (self))
    scs_review_page_show_criterion (self, g_variant_get_string (parameter, NULL));
}

static void
comment_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  ScsReviewPage *self = user_data;
  g_autoptr(GError) error = NULL;
  const char *id, *body;

  if (!require_review (self))
    return;
  g_variant_get (parameter, "(&s&s)", &id, &body);
  gboolean ok = scs_review_add_comment (self->review, *id ? id : NULL, body, &error) > 0;

  finish (self, ok, error);
}

static void
verdict_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  ScsReviewPage *self = user_data;
  g_autoptr(GError) error = NULL;
  const char *id, *name;
  ScsVerdict verdict;

  if (!require_review (self))
    return;
  g_variant_get (parameter, "(&s&s)", &id, &name);
  if (!scs_verdict_from_string (name, &verdict))
    {
      g_critical ("review.verdict: unknown verdict ‘%s’", name);
      return;
    }
  gboolean ok = scs_review_set_verdict (self->review, id, verdict, &error);

  finish (self, ok, error);
}

static void
propose_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  ScsReviewPage *self = user_data;
  g_autoptr(GError) error = NULL;
  const char *id, *field, *value, *comment;

  if (!require_review (self))
    return;
  g_variant_get (parameter, "(&s&s&s&s)", &id, &field, &value, &comment);
  gboolean ok = scs_review_propose (self->review, id, field, value, *comment ? comment : NULL, &error) > 0;

  finish (self, ok, error);
}

static void
accept_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  ScsReviewPage *self = user_data;
  g_autoptr(GError) error = NULL;

  if (!require_review (self))
    return;
  gboolean ok = scs_review_accept_proposal (self->review, g_variant_get_int64 (parameter), &error);

  finish (self, ok, error);
}

static void
reject_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  ScsReviewPage *self = user_data;
  g_autoptr(GError) error = NULL;
  gint64 id;
  const char *comment;

  if (!require_review (self))
    return;
  g_variant_get (parameter, "(x&s)", &id, &comment);
  gboolean ok = scs_review_reject_proposal (self->review, id, *comment ? comment : NULL, &error);

  finish (self, ok, error);
}

static void
hand_over_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  ScsReviewPage *self = user_data;
  g_autoptr(GError) error = NULL;

  if (!require_review (self))
    return;
  gboolean ok = scs_review_hand_over (self->review, &error);

  if (finish (self, ok, error))
    {
      GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), SCS_TYPE_WINDOW);

      if (window != NULL)
        scs_window_add_toast (SCS_WINDOW (window),
                              _("Handed over: save the file and send it to the other side"));
    }
}

static void
new_round_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  ScsReviewPage *self = user_data;
  g_autoptr(GError) error = NULL;

  if (!require_review (self))
    return;
  gboolean ok = scs_review_start_new_round (self->review, &error);

  finish (self, ok, error);
}

static void
on_dialog_done (ScsReviewPage *self)
{
  scs_review_page_refresh (self);
}

static void
open_sign_dialog (ScsReviewPage *self,
                  gboolean       declaration)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  ScsSignDialog *dialog;

  dialog = declaration
    ? scs_sign_dialog_new_declaration (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->review)
    : scs_sign_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->review);
  g_signal_connect_object (dialog, "done", G_CALLBACK (on_dialog_done), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
sign_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  if (require_review (user_data))
    open_sign_dialog (user_data, FALSE);
}

static void
declare_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  if (require_review (user_data))
    open_sign_dialog (user_data, TRUE);
}

static const GActionEntry action_entries[] = {
  { "show-criterion", show_criterion_action, "s" },
  { "comment", comment_action, "(ss)" },
  { "verdict", verdict_action, "(ss)" },
  { "propose", propose_action, "(ssss)" },
  { "accept", accept_action, "x" },
  { "reject", reject_action, "(xs)" },
  { "hand-over", hand_over_action },
  { "new-round", new_round_action },
  { "sign", sign_action },
  { "declare", declare_action },
};

/* Template callbacks: the entries turn into action parameters. */

static gboolean
activate (ScsReviewPage *self,
          const char    *name,
          GVariant      *parameter)
{
  g_action_group_activate_action (G_ACTION_GROUP (self->actions), name, parameter);
  return self->last_error == NULL;
}

static void
on_criterion_entry_activate (ScsReviewPage *self)
{
  activate (self, "show-criterion",
            g_variant_new_string (gtk_editable_get_text (GTK_EDITABLE (self->criterion_entry))));
}

static void
on_comment_clicked (ScsReviewPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->comment_entry));

  if (self->criterion_id != NULL &&
      activate (self, "comment", g_variant_new ("(ss)", self->criterion_id, text)))
    gtk_editable_set_text (GTK_EDITABLE (self->comment_entry), "");
}

static void
on_general_clicked (ScsReviewPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->general_entry));

  if (activate (self, "comment", g_variant_new ("(ss)", "", text)))
    gtk_editable_set_text (GTK_EDITABLE (self->general_entry), "");
}

static void
on_verdict_clicked (ScsReviewPage *self,
                    GtkButton     *button)
{
  if (self->criterion_id != NULL)
    activate (self, "verdict",
              g_variant_new ("(ss)", self->criterion_id,
                             GTK_WIDGET (button) == self->accept_button ? "accepted" : "revision-required"));
}

static void
on_propose_clicked (ScsReviewPage *self)
{
  static const char * const fields[] = { "state", "note", "reason" };
  guint index = gtk_drop_down_get_selected (self->field_dropdown);

  if (self->criterion_id == NULL || index >= G_N_ELEMENTS (fields))
    return;
  if (activate (self, "propose",
                g_variant_new ("(ssss)", self->criterion_id, fields[index],
                               gtk_editable_get_text (GTK_EDITABLE (self->proposal_entry)),
                               gtk_editable_get_text (GTK_EDITABLE (self->proposal_comment_entry)))))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->proposal_entry), "");
      gtk_editable_set_text (GTK_EDITABLE (self->proposal_comment_entry), "");
    }
}

/* Object ----------------------------------------------------------------- */

static void
disconnect_workspace (ScsReviewPage *self)
{
  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  if (self->review != NULL)
    g_signal_handlers_disconnect_by_data (self->review, self);
  if (self->scope != NULL)
    g_signal_handlers_disconnect_by_data (self->scope, self);
  self->scope = NULL;
}

static void
scs_review_page_dispose (GObject *object)
{
  ScsReviewPage *self = SCS_REVIEW_PAGE (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  cancel_check (self);
  disconnect_workspace (self);
  if (self->built)
    gtk_widget_dispose_template (GTK_WIDGET (self), SCS_TYPE_REVIEW_PAGE);
  g_clear_object (&self->review);
  g_clear_object (&self->workspace);
  g_clear_object (&self->profile);
  g_clear_object (&self->actions);
  g_clear_object (&self->banner);

  G_OBJECT_CLASS (scs_review_page_parent_class)->dispose (object);
}

static void
scs_review_page_finalize (GObject *object)
{
  ScsReviewPage *self = SCS_REVIEW_PAGE (object);

  g_free (self->criterion_id);
  g_free (self->last_error);

  G_OBJECT_CLASS (scs_review_page_parent_class)->finalize (object);
}

static void
scs_review_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  ScsReviewPage *self = SCS_REVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_SEALED:
      g_value_set_boolean (value, self->sealed);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scs_review_page_class_init (ScsReviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = scs_review_page_dispose;
  object_class->finalize = scs_review_page_finalize;
  object_class->get_property = scs_review_page_get_property;
  widget_class->map = scs_review_page_map;

  properties[PROP_SEALED] =
    g_param_spec_boolean ("sealed", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  (void) scs_ui_get_resource ();
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/jp/scsworkbench/Workbench/scs-review-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ScsReviewPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, ScsReviewPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, ScsReviewPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, ScsReviewPage, hand_over_button);
  gtk_widget_class_bind_template_child (widget_class, ScsReviewPage, sign_button);
  gtk_widget_class_bind_template_child (widget_class, ScsReviewPage, declare_button);
  gtk_widget_class_bind_template_child (widget_class, ScsReviewPage, waiting_group);
  gtk_widget_class_bind_template_child (widget_class, ScsReviewPage, waiting_list);
  gtk_widget_class_bind_template_child (widget_class, ScsReviewPage, changes_group);
  gtk_widget_class_bind_template_child (widget_class, ScsReviewPage, changes_list);
  gtk_widget_class_bind_template_child (widget_class, ScsReviewPage, criterion_group);
  gtk_widget_class_bind_template_child (widget_class, ScsReviewPage, criterion_entry);
  gtk_widget_class_bind_template_child (widget_class, ScsReviewPage, criterion_label);
  gtk_widget_class_bind_template_child (widget_class, ScsReviewPage, verdict_label);
  gtk_widget_class_bind_template_child (widget_class, ScsReviewPage, verdict_box);
  gtk_widget_class_bind_template_child (widget_class, ScsReviewPage, accept_button);
  gtk_widget_class_bind_template_child (widget_class, ScsReviewPage, revision_button);
  gtk_widget_class_bind_template_child (widget_class, ScsReviewPage, thread_list);
  gtk_widget_class_bind_template_child (widget_class, ScsReviewPage, comment_entry);
  gtk_widget_class_bind_template_child (widget_class, ScsReviewPage, propose_box);
  gtk_widget_class_bind_template_child (widget_class, ScsReviewPage, field_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ScsReviewPage, proposal_entry);
  gtk_widget_class_bind_template_child (widget_class, ScsReviewPage, proposal_comment_entry);
  gtk_widget_class_bind_template_child (widget_class, ScsReviewPage, general_list);
  gtk_widget_class_bind_template_child (widget_class, ScsReviewPage, general_entry);
  gtk_widget_class_bind_template_callback (widget_class, on_criterion_entry_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_comment_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_general_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_verdict_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_propose_clicked);
}

static GtkWidget *
banner_new (ScsReviewPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *button = gtk_button_new_with_mnemonic (_("Start a _New Round"));

  gtk_widget_add_css_class (box, "scs-review-banner");
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_end (button, 12);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "review.new-round");
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("security-high-symbolic"));
  gtk_widget_set_margin_start (gtk_widget_get_first_child (box), 12);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), button);
  gtk_widget_set_visible (box, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Signature"), -1);

  self->banner_box = box;
  self->banner_label = GTK_LABEL (label);
  self->banner_button = button;
  /* The banner also gets the "review" group: it may sit outside the window
   * that inserted it (tests show it on its own). */
  gtk_widget_insert_action_group (box, "review", G_ACTION_GROUP (self->actions));
  return g_object_ref_sink (box);
}

static void
scs_review_page_init (ScsReviewPage *self)
{
  g_autoptr(GError) error = NULL;

  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), action_entries,
                                   G_N_ELEMENTS (action_entries), self);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "review", G_ACTION_GROUP (self->actions));
  self->banner = banner_new (self);

  self->profile = scs_profile_load_default (&error);
  if (self->profile == NULL)
    {
      g_warning ("Could not read the profile: %s", error->message);
      self->profile = scs_profile_new ();
    }
}

GtkWidget *
scs_review_page_new (void)
{
  return g_object_new (SCS_TYPE_REVIEW_PAGE, NULL);
}

void
scs_review_page_set_workspace (ScsReviewPage *self,
                               ScsWorkspace  *workspace)
{
  g_return_if_fail (SCS_IS_REVIEW_PAGE (self));
  g_return_if_fail (workspace == NULL || SCS_IS_WORKSPACE (workspace));

  if (workspace == self->workspace)
    return;

  disconnect_workspace (self);
  cancel_check (self);
  self->banner_checked = FALSE;
  g_clear_object (&self->review);
  g_set_object (&self->workspace, workspace);
  g_clear_pointer (&self->criterion_id, g_free);
  if (self->built)
    gtk_editable_set_text (GTK_EDITABLE (self->criterion_entry), "");

  if (workspace == NULL)
    {
      scs_review_page_refresh (self);
      return;
    }

  if (!self->profile_explicit)
    {
      g_autoptr(ScsProfile) profile = scs_profile_load_default (NULL);

      if (profile != NULL)
        g_set_object (&self->profile, profile);
    }
  /* Sets the workspace actor when the profile has a name. */
  self->review = scs_review_new (workspace, self->profile);
  g_signal_connect_object (self->review, "changed", G_CALLBACK (queue_refresh), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (workspace, "answer-changed", G_CALLBACK (queue_refresh), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (workspace, "evidence-changed", G_CALLBACK (queue_refresh), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (workspace, "organization-changed", G_CALLBACK (queue_refresh), self, G_CONNECT_SWAPPED);
  scs_review_page_refresh (self);
}

void
scs_review_page_set_profile (ScsReviewPage *self,
                             ScsProfile    *profile)
{
  g_return_if_fail (SCS_IS_REVIEW_PAGE (self));
  g_return_if_fail (SCS_IS_PROFILE (profile));

  self->profile_explicit = TRUE;
  g_set_object (&self->profile, profile);
  if (self->review != NULL)
    scs_review_set_profile (self->review, profile);
  scs_review_page_refresh (self);
}

ScsReview *
scs_review_page_get_review (ScsReviewPage *self)
{
  g_return_val_if_fail (SCS_IS_REVIEW_PAGE (self), NULL);
  return self->review;
}

GActionGroup *
scs_review_page_get_action_group (ScsReviewPage *self)
{
  g_return_val_if_fail (SCS_IS_REVIEW_PAGE (self), NULL);
  return G_ACTION_GROUP (self->actions);
}

GtkWidget *
scs_review_page_get_banner (ScsReviewPage *self)
{
  g_return_val_if_fail (SCS_IS_REVIEW_PAGE (self), NULL);
  return self->banner;
}

gboolean
scs_review_page_get_sealed (ScsReviewPage *self)
{
  g_return_val_if_fail (SCS_IS_REVIEW_PAGE (self), FALSE);
  return self->sealed;
}

gboolean
scs_review_page_has_news (ScsReviewPage *self)
{
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GPtrArray) waiting = NULL;

  g_return_val_if_fail (SCS_IS_REVIEW_PAGE (self), FALSE);

  /* Nothing was handed over yet: there is no "other side" to hear from
   * (asked first: every workspace opening asks). */
  if (self->review == NULL || scs_review_get_round (self->review) <= 1)
    return FALSE;
  changes = scs_review_list_changes (self->review, NULL);
  waiting = scs_review_list_waiting (self->review, NULL);
  /* Before any review, everything is "unreviewed" for the expert, and an
   * SME who never handed over has nothing new: only real news count. */
  if (changes != NULL && changes->len > 0)
    return TRUE;
  for (guint i = 0; waiting != NULL && i < waiting->len; i++)
    {
      ScsReviewItem *item = waiting->pdata[i];

      if (!g_str_equal (item->kind, "unreviewed"))
        return TRUE;
    }
  return FALSE;
}

void
scs_review_page_show_criterion (ScsReviewPage *self,
                                const char    *criterion_id)
{
  g_return_if_fail (SCS_IS_REVIEW_PAGE (self));
  g_return_if_fail (criterion_id != NULL);

  if (self->workspace == NULL)
    return;
  if (scs_workspace_lookup_answer (self->workspace, criterion_id) == NULL)
    {
      /* Translators: the criterion typed or linked is not in the catalog */
      g_autofree char *message = g_strdup_printf (_("Criterion ‘%s’ is not in this workspace’s catalog"), criterion_id);

      report (self, message);
      return;
    }
  g_free (self->criterion_id);
  self->criterion_id = g_strdup (criterion_id);
  build (self);
  scs_review_page_refresh (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->comment_entry));
}

const char *
scs_review_page_get_criterion (ScsReviewPage *self)
{
  g_return_val_if_fail (SCS_IS_REVIEW_PAGE (self), NULL);
  return self->criterion_id;
}

const char *
scs_review_page_get_last_error (ScsReviewPage *self)
{
  g_return_val_if_fail (SCS_IS_REVIEW_PAGE (self), NULL);
  return self->last_error;
}

const char *
scs_review_page_get_banner_text (ScsReviewPage *self)
{
  g_return_val_if_fail (SCS_IS_REVIEW_PAGE (self), NULL);
  return gtk_widget_get_visible (self->banner) ? gtk_label_get_text (self->banner_label) : NULL;
}

gboolean
scs_review_page_get_checking (ScsReviewPage *self)
{
  g_return_val_if_fail (SCS_IS_REVIEW_PAGE (self), FALSE);
  return self->check_cancellable != NULL;
}

GtkListBox *
scs_review_page_get_changes_list (ScsReviewPage *self)
{
  g_return_val_if_fail (SCS_IS_REVIEW_PAGE (self), NULL);
  ensure_content (self);
  return self->changes_list;
}

GtkListBox *
scs_review_page_get_waiting_list (ScsReviewPage *self)
{
  g_return_val_if_fail (SCS_IS_REVIEW_PAGE (self), NULL);
  ensure_content (self);
  return self->waiting_list;
}

GtkListBox *
scs_review_page_get_thread_list (ScsReviewPage *self)
{
  g_return_val_if_fail (SCS_IS_REVIEW_PAGE (self), NULL);
  ensure_content (self);
  return self->thread_list;
}
