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
 * window shows above its content (scs-review-banner.c). Signing and the
 * management declaration open ScsSignDialog.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "scs-review-page.h"

#include <glib/gi18n-lib.h>

#include "scs-signature-check.h"
#include "scs-signoff.h"
#include "scs-ui-resources.h"

#include "scs-application.h"
#include "scs-comment-thread.h"
#include "scs-date.h"
#include "scs-declaration.h"
#include "scs-evidence-list.h"
#include "scs-list-line.h"
#include "scs-profile.h"
#include "scs-review-banner.h"
#include "scs-scope.h"
#include "scs-sign-dialog.h"
#include "scs-signature.h"

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
  GSettings          *trust_settings; /* followed once a sealed workspace is shown */
  guint               refresh_id;
  gboolean            sealed;
  gboolean            content_stale;
  gboolean            built;          /* the template's widgets exist */

  GtkWidget          *banner;            /* ScsReviewBanner */

  GtkWidget          *scroller;
  GtkLabel           *title_label;
  GtkLabel           *summary_label;
  GtkWidget          *hand_over_button;
  GtkWidget          *sign_button;
  GtkWidget          *declare_button;
  GtkWidget          *waiting_group;
  GtkListBox         *waiting_list;
  GListStore         *waiting;       /* of ScsListLine, bound to waiting_list */
  GtkWidget          *changes_group;
  GtkListBox         *changes_list;
  GListStore         *changes;       /* the redline, bound to changes_list */
  GtkWidget          *criterion_group;
  GtkEntry           *criterion_entry;
  GtkLabel           *criterion_label;
  GtkLabel           *verdict_label;
  GtkWidget          *verdict_box;
  GtkWidget          *accept_button;
  GtkWidget          *revision_button;
  ScsCommentThread   *thread;
  GtkWidget          *propose_box;
  GtkDropDown        *field_dropdown;
  GtkEntry           *proposal_entry;
  GtkEntry           *proposal_comment_entry;
  ScsCommentThread   *general_thread;
  /* The review desk: the criteria up to the target level, filtered. */
  GtkDropDown        *filter_dropdown;
  GtkLabel           *shown_label;
  GtkWidget          *accept_shown_button;
  GtkListBox         *criteria_list;
  GtkLabel           *answer_label;
  GtkWidget          *evidence_list;   /* the SME's evidence, to preview */
  GtkDropDown        *state_dropdown;
  GListStore         *shown;         /* of ScsListLine, bound to criteria_list */
  GHashTable         *changed_ids;   /* criteria the other side changed since my hand-over */
  gboolean            selecting;     /* the list follows the shown criterion */
  guint               scroll_id;     /* scroll_to_criterion () timer */
  guint               scroll_frames; /* polls since the position first held */
  guint               scroll_polls;
  double              scroll_y;      /* the scroll position of the last poll */
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
  g_free (self->last_error);
  self->last_error = g_strdup (message);
  /* A toast of the window the page is in, if any */
  if (!gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", message))
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

static const char *
field_label (const char *field)
{
  if (g_strcmp0 (field, "state") == 0 || g_strcmp0 (field, "answer") == 0)
    return _("status");
  if (g_strcmp0 (field, "note") == 0)
    return _("note");
  if (g_strcmp0 (field, "reason") == 0)
    return _("not-applicable reason");
  if (g_strcmp0 (field, "evidence-add") == 0)
    return _("evidence added");
  if (g_strcmp0 (field, "evidence-link") == 0)
    return _("evidence attached");
  if (g_strcmp0 (field, "evidence-unlink") == 0)
    return _("evidence removed");
  if (g_strcmp0 (field, "target-level") == 0)
    return _("Target level");
  return field;
}

/* An organisation field as the audit log names it, in the UI language. */
static const char *
organization_field_label (const char *field)
{
  static const struct { const char *field; const char *label; } labels[] = {
    { "name", N_("Organisation") },
    { "trade_name", N_("Trade name") },
    { "sole_proprietor", N_("Sole proprietor") },
    { "corporate_number", N_("Corporate number") },
    { "address", N_("Address") },
    { "contact_name", N_("Contact") },
    { "contact_email", N_("Email") },
    { "contact_phone", N_("Phone") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (field, labels[i].field) == 0)
      return _(labels[i].label);
  return field;
}

/* A stored value as the user reads it: an answer state's label, a level
 * as ★N; other values (text the user typed, criterion IDs) as they are. */
static char *
human_value (const char *field,
             const char *value)
{
  ScsAnswerState state;

  if (value == NULL)
    return NULL;
  if ((g_strcmp0 (field, "state") == 0 || g_strcmp0 (field, "answer") == 0) &&
      scs_answer_state_from_string (value, &state))
    return g_strdup (scs_answer_state_get_label (state));
  if (g_strcmp0 (field, "target-level") == 0)
    /* Translators: a level of the scheme, ★3 or ★4 */
    return g_strdup_printf (_("★%s"), value);
  return g_strdup (value);
}

/* The redline's title for @change: what changed, by name (the file's
 * name, never its hash), in the UI language. Plain text. */
static char *
change_title (ScsReviewChange *change)
{
  const char *field = change->field;

  if (g_str_has_prefix (field, "evidence"))
    {
      g_autofree char *name = NULL;

      if (change->evidence_name != NULL)
        name = g_strdup (change->evidence_name);
      else if (g_str_equal (field, "evidence-add") && change->new_value != NULL)
        name = g_strdup (change->new_value);
      else
        /* Translators: evidence no longer in the workspace, by the start of its hash */
        name = g_strdup_printf (_("removed file %.8s…"), change->target ? change->target : "");
      /* Translators: redline row title: "report.pdf · evidence attached" */
      return g_strdup_printf (_("%s · %s"), name, field_label (field));
    }
  if (g_str_equal (field, "target-level"))
    return g_strdup (field_label (field));
  if (g_str_equal (field, "organization"))
    return g_strdup_printf (_("%s · %s"), _("Organisation"), organization_field_label (change->target));
  return g_strdup_printf (_("%s · %s"), change->target, field_label (field));
}

/* A comment author's role ("expert", "sme" …) in the UI language. */
static const char *
role_label (const char *role)
{
  ScsRole value;

  if (role != NULL && scs_role_from_string (role, &value))
    return scs_role_get_label (value);
  return role != NULL ? role : "";
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

/* Refresh ---------------------------------------------------------------- */

static void
update_banner (ScsReviewPage *self)
{
  /* Trusting another CA (Preferences) changes what the banner can say. */
  if (self->sealed && self->trust_settings == NULL)
    {
      self->trust_settings = scs_settings_new ();
      if (self->trust_settings != NULL)
        g_signal_connect_object (self->trust_settings, "changed::trusted-cas", G_CALLBACK (update_banner), self,
                                 G_CONNECT_SWAPPED);
    }
  scs_review_banner_update (SCS_REVIEW_BANNER (self->banner), self->workspace, self->sealed);
}

/* A "go to" button at the end of @line's row. */
static void
add_link (ScsListLine *line,
          const char  *label,
          const char  *action_name,
          GVariant    *target)
{
  scs_list_line_add_button (line, "go-next-symbolic", label, NULL, action_name, target);
}

static ScsListLine *
waiting_line_new (ScsReviewItem *item)
{
  gboolean scope = g_str_equal (item->kind, "scope-questioned");
  ScsListLine *line = scs_list_line_new (item->text ? item->text : item->kind,
                                         item->criterion_id ? item->criterion_id
                                         : scope ? _("Scope") : _("Whole assessment"));

  if (scope)
    {
      /* The scope has its own page, out of this one: the window shows it. */
      scs_list_line_set_icon (line, "network-workgroup-symbolic", NULL, NULL);
      add_link (line, _("Show the scope"), "win.show-scope", g_variant_new_int64 (item->ref));
    }
  else if (item->criterion_id != NULL)
    add_link (line, _("Show this criterion"), "review.show-criterion", g_variant_new_string (item->criterion_id));
  /* activating the row follows its link */
  scs_list_line_set_activatable (line, scope || item->criterion_id != NULL);
  return line;
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
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_object_unref);

  items = scs_review_list_waiting (self->review, &error);
  follow_scope (self);
  for (guint i = 0; items != NULL && i < items->len; i++)
    g_ptr_array_add (lines, waiting_line_new (items->pdata[i]));
  if (items == NULL)
    g_ptr_array_add (lines, scs_list_line_new (error->message, NULL));
  scs_list_lines_update (self->waiting, lines);
  gtk_widget_set_visible (self->waiting_group, items == NULL || items->len > 0);
}

static void
refresh_changes (ScsReviewPage *self)
{
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_object_unref);

  changes = scs_review_list_changes (self->review, &error);
  for (guint i = 0; changes != NULL && i < changes->len; i++)
    {
      ScsReviewChange *change = changes->pdata[i];
      g_autofree char *plain_title = change_title (change);
      g_autofree char *title = g_markup_escape_text (plain_title, -1);
      g_autofree char *old_value = human_value (change->field, change->old_value);
      g_autofree char *new_value = human_value (change->field, change->new_value);
      g_autofree char *when = scs_date_format_time (change->time, SCS_DATE_ZONE_LOCAL);
      g_autofree char *byline = NULL;
      g_autofree char *subtitle = NULL;
      ScsListLine *line;

      /* Translators: who changed something and when: "Sato Hanako, 2026-12-07 05:59 JST" */
      byline = g_markup_printf_escaped (_("%s, %s"), change->actor ? change->actor : "", when);
      if (g_str_equal (change->field, "evidence-add"))
        subtitle = g_steal_pointer (&byline);
      else
        {
          g_autofree char *old_markup = value_markup (old_value, FALSE);
          g_autofree char *new_markup = value_markup (new_value, TRUE);

          /* Translators: redline: old value → new value, by whom and when */
          subtitle = g_strdup_printf (_("%s → %s  (%s)"), old_markup, new_markup, byline);
        }
      line = scs_list_line_new_markup (title, subtitle);
      if (scs_workspace_lookup_answer (self->workspace, change->target) != NULL)
        add_link (line, _("Show this criterion"), "review.show-criterion", g_variant_new_string (change->target));
      scs_list_line_set_name (line, "redline-row");
      g_ptr_array_add (lines, line);
    }
  if (changes == NULL)
    g_ptr_array_add (lines, scs_list_line_new (error->message, NULL));
  scs_list_lines_update (self->changes, lines);
  gtk_widget_set_visible (self->changes_group, changes == NULL || changes->len > 0);
}

/* The comments on @criterion_id ("" the whole assessment) to @lines */
static void
append_comments (ScsReviewPage *self,
                 GPtrArray     *lines,
                 const char    *criterion_id)
{
  g_autoptr(GPtrArray) comments = NULL;
  g_autoptr(GError) error = NULL;

  comments = scs_review_list_comments (self->review, criterion_id, &error);
  for (guint i = 0; comments != NULL && i < comments->len; i++)
    {
      ScsReviewComment *c = comments->pdata[i];
      g_autofree char *when = scs_date_format_time (c->time, SCS_DATE_ZONE_LOCAL);
      /* Translators: comment byline: author (role) · time */
      g_autofree char *byline = g_strdup_printf (_("%s (%s) · %s"), c->author, role_label (c->role), when);

      g_ptr_array_add (lines, scs_list_line_new (c->body, byline));
    }
}

static void
append_proposals (ScsReviewPage *self,
                  GPtrArray     *lines)
{
  g_autoptr(GPtrArray) proposals = NULL;
  g_autoptr(GError) error = NULL;
  gboolean organization = scs_review_get_side (self->review) == SCS_REVIEW_SIDE_ORGANIZATION;

  proposals = scs_review_list_proposals (self->review, self->criterion_id, &error);
  for (guint i = 0; proposals != NULL && i < proposals->len; i++)
    {
      ScsReviewProposal *p = proposals->pdata[i];
      g_autofree char *old_value = human_value (p->field, p->old_value);
      g_autofree char *new_value = human_value (p->field, p->new_value);
      g_autofree char *old_markup = value_markup (old_value, FALSE);
      g_autofree char *new_markup = value_markup (new_value, TRUE);
      g_autofree char *when = scs_date_format_time (p->time, SCS_DATE_ZONE_LOCAL);
      /* Translators: "Proposed note: old → new" */
      g_autofree char *title = g_strdup_printf (_("Proposed %s: %s → %s"), field_label (p->field), old_markup, new_markup);
      g_autofree char *status = NULL;
      g_autofree char *escaped = NULL;
      ScsListLine *line;

      if (g_str_equal (p->status, "open"))
        /* Translators: proposal byline: author, time, the author's reason */
        status = g_strdup_printf (_("open · %s · %s%s%s"), p->author, when,
                                  p->comment && *p->comment ? " · " : "", p->comment ? p->comment : "");
      else
        /* Translators: proposal decided: "accepted by Sato · it is met" */
        status = g_strdup_printf (_("%s by %s%s%s"),
                                  g_str_equal (p->status, "accepted") ? _("accepted") : _("rejected"),
                                  p->decided_by ? p->decided_by : "",
                                  p->decision_comment && *p->decision_comment ? " · " : "",
                                  p->decision_comment ? p->decision_comment : "");
      escaped = g_markup_escape_text (status, -1);
      /* The organisation accepts or rejects what is open, until sealed. */
      line = scs_list_line_new_markup (title, escaped);
      if (organization && g_str_equal (p->status, "open") && !self->sealed)
        {
          scs_list_line_add_button (line, NULL, _("_Reject"), NULL, "review.reject",
                                    g_variant_new ("(xs)", p->id, ""));
          scs_list_line_add_button (line, NULL, _("_Accept"), "suggested-action", "review.accept",
                                    g_variant_new_int64 (p->id));
        }
      g_ptr_array_add (lines, line);
    }
}

static void refresh_answer (ScsReviewPage *self);

static void
refresh_criterion (ScsReviewPage *self)
{
  const ScsCriterion *criterion = NULL;
  gboolean expert = scs_review_get_side (self->review) == SCS_REVIEW_SIDE_EXPERT;
  ScsVerdict verdict;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_object_unref);

  if (self->criterion_id != NULL)
    criterion = scs_catalog_lookup_criterion (scs_workspace_get_catalog (self->workspace), self->criterion_id);

  gtk_widget_set_visible (GTK_WIDGET (self->criterion_label), criterion != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->answer_label), criterion != NULL);
  gtk_widget_set_visible (self->evidence_list, criterion != NULL);
  scs_evidence_list_set_workspace (SCS_EVIDENCE_LIST (self->evidence_list), self->workspace);
  scs_evidence_list_set_criterion_id (SCS_EVIDENCE_LIST (self->evidence_list),
                                      criterion != NULL ? self->criterion_id : NULL);
  gtk_widget_set_visible (self->verdict_box, criterion != NULL && expert && !self->sealed);
  gtk_widget_set_visible (self->propose_box, criterion != NULL && expert && !self->sealed);
  if (criterion == NULL)
    {
      /* No thread: hidden, and nothing to comment on */
      scs_comment_thread_set_entries (self->thread, lines);
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

  refresh_answer (self);
  append_comments (self, lines, self->criterion_id);
  append_proposals (self, lines);
  if (lines->len == 0)
    g_ptr_array_add (lines, scs_list_line_new (_("No comments or proposals yet"), NULL));
  scs_comment_thread_set_entries (self->thread, lines);
}


/* The review desk ---------------------------------------------------------- */

static gboolean require_review (ScsReviewPage *self);
static void     ensure_content (ScsReviewPage *self);
static void     build          (ScsReviewPage *self);

enum
{
  FILTER_ALL,
  FILTER_UNREVIEWED,
  FILTER_REVISION,
  FILTER_CHANGED,
};

/* Whether the desk's filter lists @answer */
static gboolean
desk_filter (ScsReviewPage *self,
             ScsAnswer     *answer)
{
  const char *id = scs_answer_get_criterion_id (answer);
  ScsVerdict verdict;

  if (scs_answer_get_criterion (answer)->level > scs_workspace_get_target_level (self->workspace))
    return FALSE;
  switch (gtk_drop_down_get_selected (self->filter_dropdown))
    {
    case FILTER_UNREVIEWED:
      verdict = scs_review_get_verdict (self->review, id);
      return verdict == SCS_VERDICT_NONE || verdict == SCS_VERDICT_REOPENED;
    case FILTER_REVISION:
      return scs_review_get_verdict (self->review, id) == SCS_VERDICT_REVISION_REQUIRED;
    case FILTER_CHANGED:
      return self->changed_ids != NULL && g_hash_table_contains (self->changed_ids, id);
    default:
      return TRUE;
    }
}

/* The line of @answer as its row shows it; the criterion goes with it
 * as "scs-id". */
static ScsListLine *
desk_line_new (ScsReviewPage *self,
               ScsAnswer     *answer)
{
  const char *id = scs_answer_get_criterion_id (answer);
  g_autofree char *title = NULL;
  ScsListLine *line;

  /* Translators: review desk row: criterion number · the SME's answer · the verdict */
  title = g_strdup_printf (_("%s · %s · %s"), id, scs_answer_state_get_label (scs_answer_get_state (answer)),
                           scs_verdict_get_label (scs_review_get_verdict (self->review, id)));
  line = scs_list_line_new (title, scs_criterion_get_text (scs_answer_get_criterion (answer)));
  scs_list_line_set_lines (line, 0, 1);
  g_object_set_data_full (G_OBJECT (line), "scs-id", g_strdup (id), g_free);
  return line;
}

/* The criterion ID of the @i-th line shown, or NULL past the end */
static char *
dup_shown_id (ScsReviewPage *self,
              guint          i)
{
  g_autoptr(ScsListLine) line = g_list_model_get_item (G_LIST_MODEL (self->shown), i);

  return line != NULL ? g_strdup (g_object_get_data (G_OBJECT (line), "scs-id")) : NULL;
}

/* What the other side changed since this side's hand-over, by criterion. */
static void
collect_changed_ids (ScsReviewPage *self)
{
  g_autoptr(GPtrArray) changes = scs_review_list_changes (self->review, NULL);

  g_clear_pointer (&self->changed_ids, g_hash_table_unref);
  self->changed_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; changes != NULL && i < changes->len; i++)
    {
      ScsReviewChange *change = changes->pdata[i];
      const char *id = NULL;

      if (g_str_equal (change->field, "evidence-link"))
        id = change->new_value;
      else if (g_str_equal (change->field, "evidence-unlink"))
        id = change->old_value;
      else if (!g_str_has_prefix (change->field, "evidence"))
        id = change->target;
      if (id != NULL && scs_workspace_lookup_answer (self->workspace, id) != NULL)
        g_hash_table_add (self->changed_ids, g_strdup (id));
    }
}

static void
select_shown_row (ScsReviewPage *self)
{
  GtkListBoxRow *row = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->shown));

  for (guint i = 0; row == NULL && i < n; i++)
    {
      g_autofree char *id = dup_shown_id (self, i);

      if (g_strcmp0 (id, self->criterion_id) == 0)
        row = gtk_list_box_get_row_at_index (self->criteria_list, i);
    }
  self->selecting = TRUE;
  gtk_list_box_select_row (self->criteria_list, row);
  self->selecting = FALSE;
}

static void
refresh_desk (ScsReviewPage *self)
{
  GListModel *answers = scs_workspace_get_answers (self->workspace);
  gboolean expert = scs_review_get_side (self->review) == SCS_REVIEW_SIDE_EXPERT;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *shown_text = NULL;
  guint n;

  collect_changed_ids (self);
  for (guint i = 0; i < g_list_model_get_n_items (answers); i++)
    {
      g_autoptr(ScsAnswer) answer = g_list_model_get_item (answers, i);

      if (desk_filter (self, answer))
        g_ptr_array_add (lines, desk_line_new (self, answer));
    }
  /* Rows show verdicts, which are not properties of the answers: the
   * lines are made again, and the rows of those that changed. */
  scs_list_lines_update (self->shown, lines);
  select_shown_row (self);

  n = lines->len;
  /* Translators: how many criteria the review desk's filter shows */
  shown_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u criterion shown", "%u criteria shown", n), n);
  gtk_label_set_text (self->shown_label, shown_text);
  gtk_widget_set_visible (self->accept_shown_button, expert && !self->sealed);
  gtk_widget_set_sensitive (self->accept_shown_button, n > 0);
}

static void
on_filter_changed (ScsReviewPage *self)
{
  if (self->review != NULL && self->workspace != NULL)
    refresh_desk (self);
}

static void
on_criteria_row_selected (ScsReviewPage *self,
                          GtkListBoxRow *row)
{
  g_autofree char *id = row != NULL ? dup_shown_id (self, gtk_list_box_row_get_index (row)) : NULL;

  if (self->selecting || id == NULL || g_strcmp0 (id, self->criterion_id) == 0)
    return;
  scs_review_page_show_criterion (self, id);
}

/* The next (@step 1) or previous (-1) criterion the filter shows. */
static void
step_criterion (ScsReviewPage *self,
                int            step)
{
  guint n, position = G_MAXUINT;

  if (self->shown == NULL)
    return;
  n = g_list_model_get_n_items (G_LIST_MODEL (self->shown));
  if (n == 0)
    return;
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = dup_shown_id (self, i);

      if (g_strcmp0 (id, self->criterion_id) == 0)
        position = i;
    }
  if (position == G_MAXUINT)
    position = step > 0 ? 0 : n - 1;
  else if ((step < 0 && position == 0) || (step > 0 && position + 1 >= n))
    return;
  else
    position += step;
  {
    g_autofree char *id = dup_shown_id (self, position);

    scs_review_page_show_criterion (self, id);
  }
}

static void
next_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  if (require_review (user_data))
    step_criterion (user_data, 1);
}

static void
previous_action (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  if (require_review (user_data))
    step_criterion (user_data, -1);
}

/* The verdict on the criterion shown: "accepted" or "revision-required". */
static void
verdict_current_action (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  ScsReviewPage *self = user_data;

  if (!require_review (self) || self->criterion_id == NULL)
    return;
  g_action_group_activate_action (G_ACTION_GROUP (self->actions), "verdict",
                                  g_variant_new ("(ss)", self->criterion_id,
                                                 g_variant_get_string (parameter, NULL)));
}

/* "all", "unreviewed", "revision" or "changed": what the desk lists. */
static void
filter_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  static const char * const filters[] = { "all", "unreviewed", "revision", "changed" };
  ScsReviewPage *self = user_data;
  const char *name = g_variant_get_string (parameter, NULL);

  build (self);
  for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
    if (g_str_equal (name, filters[i]))
      gtk_drop_down_set_selected (self->filter_dropdown, i);
}

static void
comment_focus_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  ScsReviewPage *self = user_data;

  build (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->thread));
}

/* The ids the filter shows now: the set the confirmation names. */
static GStrv
dup_shown_ids (ScsReviewPage *self)
{
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  guint n = self->shown != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->shown)) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = dup_shown_id (self, i);

      g_strv_builder_add (ids, id);
    }
  return g_strv_builder_end (ids);
}

/* A question in a dialog over the page's window: Cancel (the default)
 * or @response (@label, looking @appearance), on which @on_response runs
 * (the signal "response::@response"). The caller presents it. */
static AdwMessageDialog *
confirmation_new (ScsReviewPage         *self,
                  const char            *heading,
                  const char            *body,
                  const char            *response,
                  const char            *label,
                  AdwResponseAppearance  appearance,
                  GCallback              on_response)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog =
    ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body));
  g_autofree char *signal = g_strconcat ("response::", response, NULL);

  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), response, label, NULL);
  adw_message_dialog_set_response_appearance (dialog, response, appearance);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, signal, on_response, self, G_CONNECT_SWAPPED);
  return dialog;
}

static void
on_accept_shown (ScsReviewPage    *self,
                 const char       *response,
                 AdwMessageDialog *dialog)
{
  GStrv ids = g_object_get_data (G_OBJECT (dialog), "scs-ids");
  g_autoptr(GError) error = NULL;
  gboolean ok = TRUE;

  if (self->review == NULL)
    return;
  for (guint i = 0; ok && ids[i] != NULL; i++)
    if (scs_review_get_verdict (self->review, ids[i]) != SCS_VERDICT_ACCEPTED)
      ok = scs_review_set_verdict (self->review, ids[i], SCS_VERDICT_ACCEPTED, &error);
  finish (self, ok, error);
}

/* "Accept all shown": a confirmation naming how many, then one verdict
 * per criterion the filter shows (each in the audit log). */
static void
accept_shown_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  ScsReviewPage *self = user_data;
  g_auto(GStrv) ids = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  guint n;
  AdwMessageDialog *dialog;

  if (!require_review (self))
    return;
  ensure_content (self);
  ids = dup_shown_ids (self);
  n = g_strv_length (ids);
  if (n == 0)
    {
      report (self, _("No criteria are shown: there is nothing to accept"));
      return;
    }
  /* Translators: the confirmation of "accept all shown" */
  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Accept %u Criterion?", "Accept %u Criteria?", n), n);
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "The %u criterion the list shows (%s) will be marked accepted, under your name.",
                                       "The %u criteria the list shows (%s) will be marked accepted, under your name.", n),
                          n, gtk_string_object_get_string (GTK_STRING_OBJECT (gtk_drop_down_get_selected_item (self->filter_dropdown))));
  dialog = confirmation_new (self, heading, body, "accept", _("_Accept All"), ADW_RESPONSE_SUGGESTED,
                             G_CALLBACK (on_accept_shown));
  g_object_set_data_full (G_OBJECT (dialog), "scs-ids", g_steal_pointer (&ids), (GDestroyNotify) g_strfreev);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The SME's side of the criterion shown: answer, note, reason, evidence.
 * A reason left over from an earlier not-applicable answer is shown and
 * said to be left over: it is in the data and would be signed. */
static void
refresh_answer (ScsReviewPage *self)
{
  ScsAnswer *answer = scs_workspace_lookup_answer (self->workspace, self->criterion_id);
  g_autoptr(GPtrArray) evidence = scs_workspace_list_evidence (self->workspace, self->criterion_id, NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  const char *note = scs_answer_get_note (answer);
  const char *reason = scs_answer_get_reason (answer);
  ScsAnswerState state = scs_answer_get_state (answer);

  /* Translators: the SME's answer on the review desk */
  g_string_append_printf (text, _("Answer: %s"), scs_answer_state_get_label (state));
  if (note != NULL && *note != '\0')
    {
      g_string_append_c (text, '\n');
      /* Translators: the SME's note on the review desk */
      g_string_append_printf (text, _("Note: %s"), note);
    }
  if (reason != NULL && *reason != '\0')
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text, state == SCS_ANSWER_NOT_APPLICABLE
                                    ? _("Not-applicable reason: %s")
                                    : _("Left-over not-applicable reason (the answer is no longer not applicable): %s"),
                              reason);
    }
  g_string_append_c (text, '\n');
  if (evidence == NULL || evidence->len == 0)
    g_string_append (text, _("Evidence: none"));
  else
    {
      g_autoptr(GString) names = g_string_new (NULL);

      for (guint i = 0; i < evidence->len; i++)
        {
          ScsEvidence *e = evidence->pdata[i];

          /* Translators: between file names in a list */
          g_string_append_printf (names, "%s%s", i ? _(", ") : "", e->name);
        }
      /* Translators: the files attached to the criterion on the review desk */
      g_string_append_printf (text, _("Evidence: %s"), names->str);
    }
  gtk_label_set_text (self->answer_label, text->str);
}

static void
on_field_changed (ScsReviewPage *self)
{
  gboolean state = gtk_drop_down_get_selected (self->field_dropdown) == 0;

  gtk_widget_set_visible (GTK_WIDGET (self->state_dropdown), state);
  gtk_widget_set_visible (GTK_WIDGET (self->proposal_entry), !state);
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
  g_autoptr(GPtrArray) general = g_ptr_array_new_with_free_func (g_object_unref);

  self->content_stale = FALSE;
  refresh_summary (self);
  refresh_waiting (self);
  refresh_changes (self);
  refresh_desk (self);
  refresh_criterion (self);
  append_comments (self, general, "");
  if (general->len == 0)
    g_ptr_array_add (general, scs_list_line_new (_("No comments on the whole assessment yet"), NULL));
  scs_comment_thread_set_entries (self->general_thread, general);
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
  self->waiting = g_list_store_new (SCS_TYPE_LIST_LINE);
  gtk_list_box_bind_model (self->waiting_list, G_LIST_MODEL (self->waiting), scs_list_line_row_create, NULL, NULL);
  self->changes = g_list_store_new (SCS_TYPE_LIST_LINE);
  gtk_list_box_bind_model (self->changes_list, G_LIST_MODEL (self->changes), scs_list_line_row_create, NULL, NULL);
  self->shown = g_list_store_new (SCS_TYPE_LIST_LINE);
  gtk_list_box_bind_model (self->criteria_list, G_LIST_MODEL (self->shown), scs_list_line_row_create, NULL, NULL);
  {
    g_autoptr(GtkStringList) states = gtk_string_list_new (NULL);

    for (guint i = 0; i < SCS_N_ANSWER_STATES; i++)
      gtk_string_list_append (states, scs_answer_state_get_label (i));
    gtk_drop_down_set_model (self->state_dropdown, G_LIST_MODEL (states));
    gtk_drop_down_set_selected (self->state_dropdown, SCS_ANSWER_MET);
  }
  on_field_changed (self);
  /* The SME's evidence beside the answer, to open, not to change */
  self->evidence_list = scs_evidence_list_new ();
  scs_evidence_list_set_read_only (SCS_EVIDENCE_LIST (self->evidence_list), TRUE);
  gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (self->answer_label))),
                              self->evidence_list, GTK_WIDGET (self->answer_label));
  self->content_stale = TRUE;
}

static void
ensure_content (ScsReviewPage *self)
{
  build (self);
  if (self->content_stale && self->review != NULL)
    refresh_content (self);
}

/* Reads the review again: the seal, the banner, and what the page shows
 * (now if it is shown, else when it is). */
static void
refresh (ScsReviewPage *self)
{
  gboolean sealed;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->workspace == NULL || self->review == NULL)
    {
      scs_review_banner_update (SCS_REVIEW_BANNER (self->banner), NULL, FALSE);
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
  refresh (self);
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

/* The actions that are one call of the review (review.comment, .verdict,
 * .propose, .accept, .reject): each reads its parameter and makes the call;
 * review_call_action checks there is a review and reports the outcome. */
typedef gboolean (*ReviewCall) (ScsReview  *review,
                                GVariant   *parameter,
                                GError    **error);

static gboolean
call_comment (ScsReview  *review,
              GVariant   *parameter,
              GError    **error)
{
  const char *id, *body;

  g_variant_get (parameter, "(&s&s)", &id, &body);
  return scs_review_add_comment (review, *id ? id : NULL, body, error) > 0;
}

static gboolean
call_verdict (ScsReview  *review,
              GVariant   *parameter,
              GError    **error)
{
  const char *id, *name;
  ScsVerdict verdict;

  g_variant_get (parameter, "(&s&s)", &id, &name);
  if (!scs_verdict_from_string (name, &verdict))
    {
      g_critical ("review.verdict: unknown verdict ‘%s’", name);
      return FALSE;
    }
  return scs_review_set_verdict (review, id, verdict, error);
}

static gboolean
call_propose (ScsReview  *review,
              GVariant   *parameter,
              GError    **error)
{
  const char *id, *field, *value, *comment;

  g_variant_get (parameter, "(&s&s&s&s)", &id, &field, &value, &comment);
  return scs_review_propose (review, id, field, value, *comment ? comment : NULL, error) > 0;
}

static gboolean
call_accept (ScsReview  *review,
             GVariant   *parameter,
             GError    **error)
{
  return scs_review_accept_proposal (review, g_variant_get_int64 (parameter), error);
}

static gboolean
call_reject (ScsReview  *review,
             GVariant   *parameter,
             GError    **error)
{
  gint64 id;
  const char *comment;

  g_variant_get (parameter, "(x&s)", &id, &comment);
  return scs_review_reject_proposal (review, id, *comment ? comment : NULL, error);
}

static const struct
{
  const char *name;
  ReviewCall  call;
} review_calls[] = {
  { "comment", call_comment },
  { "verdict", call_verdict },
  { "propose", call_propose },
  { "accept", call_accept },
  { "reject", call_reject },
};

static void
review_call_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  ScsReviewPage *self = user_data;
  const char *name = g_action_get_name (G_ACTION (action));

  for (guint i = 0; i < G_N_ELEMENTS (review_calls); i++)
    if (g_str_equal (review_calls[i].name, name))
      {
        g_autoptr(GError) error = NULL;
        gboolean ok;

        if (!require_review (self))
          return;
        ok = review_calls[i].call (self->review, parameter, &error);
        finish (self, ok, error);
        return;
      }
  g_assert_not_reached ();
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
    gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s",
                                _("Handed over: save the file and send it to the other side"));
}

static void
on_new_round (ScsReviewPage *self)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->review == NULL)
    return;
  ok = scs_review_start_new_round (self->review, &error);
  finish (self, ok, error);
}

static void
new_round_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  ScsReviewPage *self = user_data;
  ScsProfile *profile;
  g_autofree char *body = NULL;

  if (!require_review (self))
    return;
  if (!scs_review_is_sealed (self->workspace))
    {
      on_new_round (self);
      return;
    }

  /* Breaking the seal is said in words before it is done. */
  profile = scs_review_get_profile (self->review);
  /* Translators: %s is who acts: "Expert Taro (Security expert)" */
  body = g_strdup_printf (_("The signed assessment becomes editable again. The expert’s signature and "
                            "management’s declaration no longer cover it: after the changes the expert "
                            "must review and sign again, and management must declare again, before a "
                            "final package can be exported. Acting: %s (%s)."),
                          profile != NULL && scs_profile_get_name (profile) != NULL
                          ? scs_profile_get_name (profile) : _("no profile — set it in Preferences"),
                          scs_role_get_label (profile != NULL ? scs_profile_get_role (profile) : SCS_ROLE_SME));
  gtk_window_present (GTK_WINDOW (confirmation_new (self, _("Break the Seal and Start a New Round?"), body,
                                                    "new-round", _("_Break the Seal"), ADW_RESPONSE_DESTRUCTIVE,
                                                    G_CALLBACK (on_new_round))));
}

static void
on_dialog_done (ScsReviewPage *self)
{
  refresh (self);
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
  ScsReviewPage *self = user_data;
  g_autoptr(GError) error = NULL;

  if (!require_review (self))
    return;
  /* The core's rule, said before any dialog opens */
  if (!scs_signoff_check_declarant (self->review, &error))
    {
      report (self, error->message);
      return;
    }
  open_sign_dialog (self, TRUE);
}

static const GActionEntry action_entries[] = {
  { "show-criterion", show_criterion_action, "s" },
  { "comment", review_call_action, "(ss)" },
  { "verdict", review_call_action, "(ss)" },
  { "propose", review_call_action, "(ssss)" },
  { "accept", review_call_action, "x" },
  { "reject", review_call_action, "(xs)" },
  { "hand-over", hand_over_action },
  { "new-round", new_round_action },
  { "sign", sign_action },
  { "declare", declare_action },
  { "next", next_action },
  { "previous", previous_action },
  { "verdict-current", verdict_current_action, "s" },
  { "comment-focus", comment_focus_action },
  { "filter", filter_action, "s" },
  { "accept-shown", accept_shown_action },
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
on_comment_post (ScsReviewPage *self,
                 const char    *text)
{
  if (self->criterion_id != NULL &&
      activate (self, "comment", g_variant_new ("(ss)", self->criterion_id, text)))
    scs_comment_thread_clear (self->thread);
}

static void
on_general_post (ScsReviewPage *self,
                 const char    *text)
{
  if (activate (self, "comment", g_variant_new ("(ss)", "", text)))
    scs_comment_thread_clear (self->general_thread);
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
  /* A status is chosen with the same labels the SME's buttons show. */
  if (activate (self, "propose",
                g_variant_new ("(ssss)", self->criterion_id, fields[index],
                               index == 0
                               ? scs_answer_state_to_string (gtk_drop_down_get_selected (self->state_dropdown))
                               : gtk_editable_get_text (GTK_EDITABLE (self->proposal_entry)),
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
  g_clear_handle_id (&self->scroll_id, g_source_remove);
  if (self->banner != NULL)
    scs_review_banner_update (SCS_REVIEW_BANNER (self->banner), NULL, FALSE);
  disconnect_workspace (self);
  if (self->built)
    gtk_widget_dispose_template (GTK_WIDGET (self), SCS_TYPE_REVIEW_PAGE);
  g_clear_object (&self->review);
  g_clear_object (&self->workspace);
  g_clear_object (&self->profile);
  g_clear_object (&self->trust_settings);
  g_clear_object (&self->actions);
  g_clear_object (&self->banner);
  g_clear_object (&self->shown);
  g_clear_object (&self->waiting);
  g_clear_object (&self->changes);
  g_clear_pointer (&self->changed_ids, g_hash_table_unref);

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
  g_type_ensure (SCS_TYPE_COMMENT_THREAD);
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
  gtk_widget_class_bind_template_child (widget_class, ScsReviewPage, thread);
  gtk_widget_class_bind_template_child (widget_class, ScsReviewPage, propose_box);
  gtk_widget_class_bind_template_child (widget_class, ScsReviewPage, field_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ScsReviewPage, proposal_entry);
  gtk_widget_class_bind_template_child (widget_class, ScsReviewPage, proposal_comment_entry);
  gtk_widget_class_bind_template_child (widget_class, ScsReviewPage, general_thread);
  gtk_widget_class_bind_template_callback (widget_class, on_criterion_entry_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_comment_post);
  gtk_widget_class_bind_template_callback (widget_class, on_general_post);
  gtk_widget_class_bind_template_callback (widget_class, on_verdict_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_propose_clicked);
  gtk_widget_class_bind_template_child (widget_class, ScsReviewPage, filter_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ScsReviewPage, shown_label);
  gtk_widget_class_bind_template_child (widget_class, ScsReviewPage, accept_shown_button);
  gtk_widget_class_bind_template_child (widget_class, ScsReviewPage, criteria_list);
  gtk_widget_class_bind_template_child (widget_class, ScsReviewPage, answer_label);
  gtk_widget_class_bind_template_child (widget_class, ScsReviewPage, state_dropdown);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_criteria_row_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);

  /* Keyboard first: next and previous criterion, the verdicts, a comment. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "review.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "review.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, GDK_ALT_MASK | GDK_SHIFT_MASK,
                                       "review.verdict-current", "s", "accepted");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_ALT_MASK | GDK_SHIFT_MASK,
                                       "review.verdict-current", "s", "revision-required");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_ALT_MASK | GDK_SHIFT_MASK,
                                       "review.comment-focus", NULL);
}

static void
scs_review_page_init (ScsReviewPage *self)
{
  g_autoptr(GError) error = NULL;

  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), action_entries,
                                   G_N_ELEMENTS (action_entries), self);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "review", G_ACTION_GROUP (self->actions));
  /* Owned by the page, shown by the window above its content; it also gets
   * the "review" group: it may sit outside the window that inserted it
   * (tests show it on its own). */
  self->banner = g_object_ref_sink (scs_review_banner_new ());
  gtk_widget_insert_action_group (self->banner, "review", G_ACTION_GROUP (self->actions));

  self->profile = scs_profile_load_default (&error);
  if (self->profile == NULL)
    {
      g_warning ("Could not read the profile: %s", error->message);
      self->profile = scs_profile_new ();
    }
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
  scs_review_banner_update (SCS_REVIEW_BANNER (self->banner), NULL, FALSE);
  g_clear_object (&self->review);
  g_set_object (&self->workspace, workspace);
  g_clear_pointer (&self->criterion_id, g_free);
  if (self->built)
    gtk_editable_set_text (GTK_EDITABLE (self->criterion_entry), "");

  if (workspace == NULL)
    {
      refresh (self);
      return;
    }

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
  refresh (self);
}

void
scs_review_page_reload_profile (ScsReviewPage *self)
{
  g_autoptr(ScsProfile) profile = NULL;

  g_return_if_fail (SCS_IS_REVIEW_PAGE (self));

  profile = scs_profile_load_default (NULL);
  if (profile == NULL)
    return;
  g_set_object (&self->profile, profile);
  if (self->review != NULL)
    scs_review_set_profile (self->review, profile);
  refresh (self);
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

/* Once laid out: the criterion's desk at the top of the page, not below
 * the list of what waits (the user asked for that criterion). A refresh
 * queued before (the page's first showing) rebuilds the lists above it:
 * the position is kept until it has held a little while. Polled on a
 * timer, not the frame clock: a window that draws nothing new (the desk
 * not laid out yet) gets no frames to tick on; a few seconds at most. */
#define SCROLL_POLL_MS 20
#define SCROLL_POLLS_MAX 250

static gboolean
scroll_to_criterion (gpointer data)
{
  ScsReviewPage *self = SCS_REVIEW_PAGE (data);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller));
  GtkWidget *content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (self->scroller));
  graphene_point_t at;
  double target;

  if (++self->scroll_polls > SCROLL_POLLS_MAX)
    {
      self->scroll_id = 0;
      return G_SOURCE_REMOVE;
    }
  if (!gtk_widget_get_mapped (self->criterion_group) ||
      gtk_widget_get_height (self->criterion_group) <= 0 ||
      !gtk_widget_compute_point (self->criterion_group, content, &GRAPHENE_POINT_INIT (0, 0), &at))
    return G_SOURCE_CONTINUE;
  /* @content is the viewport: @at is where the desk shows now, from the
   * top of what is visible. Held until the desk stays put for ten polls:
   * the lists above may still grow. */
  target = gtk_adjustment_get_value (adjustment) + at.y - 12;
  if (target != self->scroll_y)
    self->scroll_frames = 0;
  self->scroll_y = target;
  gtk_adjustment_set_value (adjustment, target);
  if (++self->scroll_frames < 10)
    return G_SOURCE_CONTINUE;
  self->scroll_id = 0;
  return G_SOURCE_REMOVE;
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
  refresh (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->thread));
  self->scroll_frames = 0;
  self->scroll_polls = 0;
  self->scroll_y = -1;
  if (self->scroll_id == 0)
    self->scroll_id = g_timeout_add (SCROLL_POLL_MS, scroll_to_criterion, self);
}

