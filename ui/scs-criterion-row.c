/* scs-criterion-row.c: one criterion with its answer, note, reason, evidence
 *
 * A row of the checklist: the criterion's ID, level and text (IDs inside the
 * text are links), four linked toggle buttons for the answer, the
 * not-applicable reason, a note editor and the evidence list. The row is a
 * view: it follows its ScsAnswer through property notifications and sends
 * every change back through the window's actions, whose handlers alone call
 * the workspace; after each action the buttons are set again from the model,
 * so a refused change leaves the row showing what the file holds. Text the
 * user types is sent after a short pause, when the field loses focus, and when
 * the window closes (scs_criterion_row_flush), so nothing typed is lost; while
 * a send fails the text stays in the field, marked as not saved.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "scs-criterion-row.h"

#include <glib/gi18n-lib.h>

#include "scs-date.h"
#include "scs-ui-resources.h"

#include "scs-evidence-list.h"
#include "scs-review.h"
#include "scs-i18n.h"
#include "scs-migration.h"
#include "scs-text.h"

#define SAVE_DELAY_MS 400
#define RETRY_DELAY_MS 8000

struct _ScsCriterionRow
{
  GtkListBoxRow    parent_instance;

  ScsWorkspace    *workspace;
  ScsAnswer       *answer;
  GtkWidget       *evidence_list;

  GtkLabel        *id_label;
  GtkLabel        *level_label;
  GtkLabel        *changed_label;
  GtkLabel        *text_label;
  GtkWidget       *reconfirm_badge;   /* catalog migration (issue 6) */
  GtkWidget       *reconfirm_button;
  GtkWidget       *paraphrase_box;
  GtkLabel        *paraphrase_label;
  GtkLabel        *note_state_label;
  GtkToggleButton *met_button;
  GtkToggleButton *not_met_button;
  GtkToggleButton *na_button;
  GtkToggleButton *unanswered_button;
  GtkRevealer     *reason_revealer;
  GtkEntry        *reason_entry;
  GtkLabel        *reason_problem_label;
  GtkTextView     *note_view;
  GtkBox          *evidence_box;

  guint            note_timeout_id;
  guint            reason_timeout_id;
  const char      *note_state;
  char            *note_problem;   /* why the typed note is not sent ("invalid") */
  guint            note_dirty : 1;
  guint            note_conflict : 1;   /* changed elsewhere: the user chooses */
  gint64           note_seen_version;   /* the answer's version when typing began */
  guint            reason_dirty : 1;
  guint            reason_conflict : 1; /* changed elsewhere: the user chooses */
  gint64           reason_seen_version; /* the answer's version when typing began */
  guint            pending_na : 1;   /* user chose N/A, reason still missing */
  guint            syncing : 1;      /* setting widgets from the model */
};

G_DEFINE_FINAL_TYPE (ScsCriterionRow, scs_criterion_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_WORKSPACE,
  PROP_ANSWER,
  PROP_NOTE_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkToggleButton *
state_button (ScsCriterionRow *self,
              ScsAnswerState   state)
{
  switch (state)
    {
    case SCS_ANSWER_MET:
      return self->met_button;
    case SCS_ANSWER_NOT_MET:
      return self->not_met_button;
    case SCS_ANSWER_NOT_APPLICABLE:
      return self->na_button;
    case SCS_ANSWER_UNANSWERED:
    default:
      return self->unanswered_button;
    }
}

static char *
dup_note_text (ScsCriterionRow *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
set_note_state (ScsCriterionRow *self,
                const char      *state)
{
  if (g_strcmp0 (self->note_state, state) == 0 && !g_str_equal (state, "invalid"))
    return;

  self->note_state = g_intern_string (state);

  if (g_str_equal (state, "invalid"))
    gtk_label_set_text (self->note_state_label, self->note_problem);
  else if (g_str_equal (state, "pending"))
    gtk_label_set_text (self->note_state_label, _("Saving…"));
  else if (g_str_equal (state, "failed"))
    gtk_label_set_text (self->note_state_label, _("Not saved yet"));
  else if (g_str_equal (state, "conflict"))
    gtk_label_set_text (self->note_state_label, _("Not saved: changed elsewhere"));
  else if (self->answer != NULL && !scs_text_is_blank (scs_answer_get_note (self->answer)))
    gtk_label_set_text (self->note_state_label, _("Saved"));
  else
    gtk_label_set_text (self->note_state_label, "");

  if (g_str_equal (state, "failed") || g_str_equal (state, "conflict") || g_str_equal (state, "invalid"))
    gtk_widget_add_css_class (GTK_WIDGET (self->note_state_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->note_state_label), "error");

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE_STATE]);
}

static char *
format_changed (ScsAnswer *answer)
{
  const char *author = scs_answer_get_author (answer);
  const char *updated = scs_answer_get_updated (answer);
  g_autofree char *when = NULL;

  if (updated == NULL || *updated == '\0')
    return g_strdup ("");
  when = scs_date_format_time (updated, SCS_DATE_ZONE_LOCAL);

  if (scs_text_is_blank (author))
    return g_strdup_printf (_("Changed %s"), when);

  /* Translators: last change of an answer: "Changed by Sato Hanako, 2026-04-01 10:30" */
  return g_strdup_printf (_("Changed by %s, %s"), author, when);
}

/* Sets every widget that shows the model from the model, except text the
 * user is still editing. */
static void
sync_from_answer (ScsCriterionRow *self)
{
  ScsAnswerState state;
  g_autofree char *changed = NULL;

  if (self->answer == NULL)
    return;

  self->syncing = TRUE;

  state = scs_answer_get_state (self->answer);
  for (guint i = 0; i < SCS_N_ANSWER_STATES; i++)
    gtk_toggle_button_set_active (state_button (self, i), i == state);

  if (state == SCS_ANSWER_NOT_APPLICABLE)
    self->pending_na = FALSE;
  gtk_revealer_set_reveal_child (self->reason_revealer,
                                 state == SCS_ANSWER_NOT_APPLICABLE || self->pending_na);

  if (!self->reason_dirty)
    {
      const char *reason = scs_answer_get_reason (self->answer);

      if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->reason_entry)), reason ? reason : "") != 0)
        gtk_editable_set_text (GTK_EDITABLE (self->reason_entry), reason ? reason : "");
    }

  if (!self->note_dirty)
    {
      const char *note = scs_answer_get_note (self->answer);
      g_autofree char *shown = dup_note_text (self);

      if (g_strcmp0 (shown, note ? note : "") != 0)
        gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view),
                                  note ? note : "", -1);
    }

  changed = format_changed (self->answer);
  gtk_label_set_text (self->changed_label, changed);

  self->syncing = FALSE;
}

static void
on_answer_notify (ScsCriterionRow *self,
                  GParamSpec      *pspec,
                  ScsAnswer       *answer)
{
  sync_from_answer (self);
  if (!self->note_dirty && g_strcmp0 (self->note_state, "failed") != 0 &&
      g_strcmp0 (self->note_state, "conflict") != 0)
    {
      /* Refresh the label text ("Saved" or nothing) after undo. */
      self->note_state = NULL;
      set_note_state (self, "saved");
    }
}

static void
activate_pair (ScsCriterionRow *self,
               const char      *action,
               const char      *second)
{
  const char *id = scs_answer_get_criterion_id (self->answer);

  gtk_widget_activate_action (GTK_WIDGET (self), action, "(ss)", id, second);
}

static void
choose_state (ScsCriterionRow *self,
              ScsAnswerState   state)
{
  g_autofree char *reason = NULL;

  if (self->answer == NULL)
    return;

  scs_criterion_row_flush (self);

  reason = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reason_entry)));
  if (state == SCS_ANSWER_NOT_APPLICABLE && !scs_text_is_blank (reason))
    activate_pair (self, "win.set-not-applicable", reason);
  else
    activate_pair (self, "win.set-status", scs_answer_state_to_string (state));

  /* Whatever the outcome, show what the model now says. */
  sync_from_answer (self);
}

static void
on_state_button_clicked (GtkButton       *button,
                         ScsCriterionRow *self)
{
  ScsAnswerState state = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "scs-state"));

  choose_state (self, state);
}

static gboolean on_note_timeout (gpointer user_data);

static void
save_note (ScsCriterionRow *self)
{
  g_autofree char *text = NULL;
  const char *stored;

  g_clear_handle_id (&self->note_timeout_id, g_source_remove);
  if (!self->note_dirty || self->answer == NULL || self->note_conflict)
    return;

  text = dup_note_text (self);

  /* Text the workspace would refuse (a control character pasted from
   * elsewhere, a text-direction override) is not sent: it stays in the
   * editor and the row says why; the next edit tries again. */
  {
    g_autoptr(GError) invalid = NULL;
    g_autofree char *label = g_strdup_printf (_("The note of criterion %s"),
                                              scs_answer_get_criterion_id (self->answer));

    if (!scs_text_validate (text, label, SCS_TEXT_MULTI_LINE, &invalid))
      {
        g_free (self->note_problem);
        self->note_problem = g_strdup (invalid->message);
        set_note_state (self, "invalid");
        return;
      }
  }

  activate_pair (self, "win.set-note", text);
  /* Changed elsewhere meanwhile: nothing was written, the window asks. */
  if (self->note_conflict)
    {
      set_note_state (self, "conflict");
      return;
    }

  stored = scs_answer_get_note (self->answer);
  if (g_strcmp0 (stored ? stored : "", text) == 0)
    {
      self->note_dirty = FALSE;
      self->note_state = NULL;
      set_note_state (self, "saved");
    }
  else
    {
      set_note_state (self, "failed");   /* kept in the editor, sent again later */
      /* Retry by itself, so the text is saved once the fault (disk full,
       * file not writable) clears; slower than the toasts that report it. */
      self->note_timeout_id = g_timeout_add (RETRY_DELAY_MS, on_note_timeout, self);
    }
}

static gboolean
on_note_timeout (gpointer user_data)
{
  ScsCriterionRow *self = user_data;

  self->note_timeout_id = 0;
  save_note (self);
  return G_SOURCE_REMOVE;
}

static void
on_note_changed (ScsCriterionRow *self,
                 GtkTextBuffer   *buffer)
{
  if (self->syncing)
    return;

  /* What the user started from: the note is saved only over that. */
  if (!self->note_dirty && self->answer != NULL)
    self->note_seen_version = scs_answer_get_version (self->answer);
  self->note_dirty = TRUE;
  if (self->note_conflict)
    return;
  set_note_state (self, "pending");
  g_clear_handle_id (&self->note_timeout_id, g_source_remove);
  self->note_timeout_id = g_timeout_add (SAVE_DELAY_MS, on_note_timeout, self);
}

static void
save_reason (ScsCriterionRow *self,
             gboolean         leaving)
{
  g_autofree char *text = NULL;
  const char *stored;

  g_clear_handle_id (&self->reason_timeout_id, g_source_remove);
  if (!self->reason_dirty || self->answer == NULL || self->reason_conflict)
    return;

  text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reason_entry)));
  if (scs_text_is_blank (text))
    {
      /* A not-applicable answer cannot lose its reason: keep the stored one. */
      if (leaving)
        {
          self->reason_dirty = FALSE;
          gtk_widget_remove_css_class (GTK_WIDGET (self->reason_entry), "error");
          sync_from_answer (self);
        }
      else
        gtk_widget_add_css_class (GTK_WIDGET (self->reason_entry), "error");
      return;
    }

  {
    g_autoptr(GError) invalid = NULL;
    g_autofree char *label = g_strdup_printf (_("The not-applicable reason of criterion %s"),
                                              scs_answer_get_criterion_id (self->answer));

    if (!scs_text_validate (text, label, SCS_TEXT_MULTI_LINE, &invalid))
      {
        /* kept in the entry, not sent, the reason shown below it */
        gtk_widget_add_css_class (GTK_WIDGET (self->reason_entry), "error");
        gtk_label_set_text (self->reason_problem_label, invalid->message);
        gtk_widget_set_visible (GTK_WIDGET (self->reason_problem_label), TRUE);
        return;
      }
    gtk_widget_set_visible (GTK_WIDGET (self->reason_problem_label), FALSE);
  }

  gtk_widget_remove_css_class (GTK_WIDGET (self->reason_entry), "error");

  if (self->pending_na && scs_answer_get_state (self->answer) != SCS_ANSWER_NOT_APPLICABLE)
    activate_pair (self, "win.set-not-applicable", text);
  else
    activate_pair (self, "win.set-reason", text);
  /* Changed elsewhere meanwhile: nothing was written, the window asks. */
  if (self->reason_conflict)
    return;

  stored = scs_answer_get_reason (self->answer);
  if (g_strcmp0 (stored, text) == 0)
    self->reason_dirty = FALSE;
  sync_from_answer (self);
}

static gboolean
on_reason_timeout (gpointer user_data)
{
  ScsCriterionRow *self = user_data;

  self->reason_timeout_id = 0;
  save_reason (self, FALSE);
  return G_SOURCE_REMOVE;
}

static void
on_reason_changed (ScsCriterionRow *self,
                   GtkEditable     *editable)
{
  if (self->syncing)
    return;

  /* What the user started from: the reason is saved only over that. */
  if (!self->reason_dirty && self->answer != NULL)
    self->reason_seen_version = scs_answer_get_version (self->answer);
  self->reason_dirty = TRUE;
  if (self->reason_conflict)
    return;
  g_clear_handle_id (&self->reason_timeout_id, g_source_remove);
  self->reason_timeout_id = g_timeout_add (SAVE_DELAY_MS, on_reason_timeout, self);
}

static void
on_reason_activate (ScsCriterionRow *self)
{
  save_reason (self, FALSE);
}

static void
on_reason_leave (ScsCriterionRow *self)
{
  save_reason (self, TRUE);
}

static void
on_note_leave (ScsCriterionRow *self)
{
  save_note (self);
}

static gboolean
on_text_activate_link (GtkLabel        *label,
                       const char      *uri,
                       ScsCriterionRow *self)
{
  if (!g_str_has_prefix (uri, "scs:"))
    return FALSE;

  gtk_widget_activate_action (GTK_WIDGET (self), "win.goto-criterion", "s", uri + strlen ("scs:"));
  return TRUE;
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        modifiers,
                ScsCriterionRow       *self)
{
  /* Only keys no child used reach here: digits typed into the note or the
   * reason never do, and the text view keeps its own Up and Down. */
  static const ScsAnswerState by_digit[] = {
    SCS_ANSWER_MET, SCS_ANSWER_NOT_MET, SCS_ANSWER_NOT_APPLICABLE, SCS_ANSWER_UNANSWERED,
  };

  if ((modifiers & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) != 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_1: case GDK_KEY_2: case GDK_KEY_3: case GDK_KEY_4:
      choose_state (self, by_digit[keyval - GDK_KEY_1]);
      return TRUE;
    case GDK_KEY_KP_1: case GDK_KEY_KP_2: case GDK_KEY_KP_3: case GDK_KEY_KP_4:
      choose_state (self, by_digit[keyval - GDK_KEY_KP_1]);
      return TRUE;
    case GDK_KEY_Down: case GDK_KEY_KP_Down:
      return gtk_widget_activate_action (GTK_WIDGET (self), "checklist.next", NULL);
    case GDK_KEY_Up: case GDK_KEY_KP_Up:
      return gtk_widget_activate_action (GTK_WIDGET (self), "checklist.previous", NULL);
    default:
      return FALSE;
    }
}

static void
set_accessible_label (gpointer    widget,
                      const char *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static void
setup_for_answer (ScsCriterionRow *self)
{
  static const char * const tooltips[] = {
    [SCS_ANSWER_UNANSWERED] = N_("Clear the answer (4)"),
    [SCS_ANSWER_MET] = N_("The criterion is met (1)"),
    [SCS_ANSWER_NOT_MET] = N_("The criterion is not met yet (2)"),
    [SCS_ANSWER_NOT_APPLICABLE] = N_("The criterion does not apply; give a reason (3)"),
  };
  const ScsCriterion *criterion = scs_answer_get_criterion (self->answer);
  const char *id = scs_answer_get_criterion_id (self->answer);
  g_autofree char *markup = NULL;
  g_autofree char *level = NULL;
  g_autofree char *level_tip = NULL;
  g_autofree char *label = NULL;

  gtk_label_set_text (self->id_label, id);

  level = g_strdup_printf ("★%u", criterion->level);
  gtk_label_set_text (self->level_label, level);
  /* Translators: tooltip of the level badge, %u is 3 or 4 */
  level_tip = g_strdup_printf (_("Criterion of level ★%u"), criterion->level);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->level_label), level_tip);
  if (criterion->level >= 4)
    gtk_widget_add_css_class (GTK_WIDGET (self->level_label), "level-4");

  markup = scs_catalog_markup_links (scs_criterion_get_text (criterion));
  gtk_label_set_markup (self->text_label, markup);

  for (guint i = 0; i < SCS_N_ANSWER_STATES; i++)
    {
      GtkToggleButton *button = state_button (self, i);
      g_autofree char *a11y = NULL;

      gtk_button_set_label (GTK_BUTTON (button), scs_answer_state_get_label (i));
      gtk_widget_set_tooltip_text (GTK_WIDGET (button), _(tooltips[i]));
      /* Translators: accessible name of a status button: "達成: 1-2-1-1" */
      a11y = g_strdup_printf (_("%s: %s"), scs_answer_state_get_label (i), id);
      set_accessible_label (button, a11y);
      g_object_set_data (G_OBJECT (button), "scs-state", GUINT_TO_POINTER (i));
      g_signal_connect (button, "clicked", G_CALLBACK (on_state_button_clicked), self);
    }

  label = g_strdup_printf (_("Reason why criterion %s does not apply"), id);
  set_accessible_label (self->reason_entry, label);
  g_free (label);
  label = g_strdup_printf (_("Note on criterion %s"), id);
  set_accessible_label (self->note_view, label);
  g_free (label);
  label = g_strdup_printf (_("Criterion %s"), id);
  set_accessible_label (self, label);

  self->evidence_list = scs_evidence_list_new ();
  scs_evidence_list_set_workspace (SCS_EVIDENCE_LIST (self->evidence_list), self->workspace);
  scs_evidence_list_set_criterion_id (SCS_EVIDENCE_LIST (self->evidence_list), id);
  gtk_box_append (self->evidence_box, self->evidence_list);

  g_signal_connect_object (self->answer, "notify", G_CALLBACK (on_answer_notify),
                           self, G_CONNECT_SWAPPED);
  sync_from_answer (self);
  self->note_state = NULL;
  set_note_state (self, "saved");
}

/* A catalog migration flags answers whose criterion was re-worded or
 * re-levelled; the badge stays until the user re-confirms (an action). */
static void
update_reconfirm (ScsCriterionRow *self)
{
  gboolean flagged = scs_migration_needs_reconfirm (self->workspace, scs_answer_get_criterion_id (self->answer));

  gtk_widget_set_visible (self->reconfirm_badge, flagged);
  gtk_widget_set_visible (self->reconfirm_button, flagged);
}

static void
on_workspace_answer_changed (ScsCriterionRow *self,
                             ScsAnswer       *answer)
{
  if (answer == self->answer)
    update_reconfirm (self);
}

static void
on_reconfirm_clicked (ScsCriterionRow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.reconfirm-answer", "s",
                              scs_answer_get_criterion_id (self->answer));
  update_reconfirm (self);
}

/* The official wording is Japanese only: in an English UI our paraphrase
 * is shown under it, and said to be one. */
static void
update_paraphrase (ScsCriterionRow *self)
{
  ScsCatalog *catalog = scs_workspace_get_catalog (self->workspace);
  const char *paraphrase = NULL;

  if (!scs_i18n_is_japanese () && scs_catalog_is_official (catalog))
    paraphrase = scs_catalog_get_paraphrase_en (catalog, scs_answer_get_criterion_id (self->answer));
  gtk_label_set_text (self->paraphrase_label, paraphrase != NULL ? paraphrase : "");
  gtk_widget_set_visible (self->paraphrase_box, paraphrase != NULL);
}

/* Expert review (issue 3): a button to this criterion's review thread. */
static void
add_review_button (ScsCriterionRow *self)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("user-available-symbolic");

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Review: comments, verdict and proposed corrections"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.show-review");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", scs_answer_get_criterion_id (self->answer));
  gtk_widget_set_name (button, "review-button");
  gtk_box_append (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (self->changed_label))), button);
}

void
scs_criterion_row_set_sealed (ScsCriterionRow *self,
                              gboolean         sealed)
{
  g_return_if_fail (SCS_IS_CRITERION_ROW (self));

  /* Signed content is read-only, and so is everything in a workspace
   * opened read-only; the window's banner says why. */
  if (self->workspace != NULL && scs_workspace_is_read_only (self->workspace))
    sealed = TRUE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->met_button), !sealed);
  gtk_widget_set_sensitive (GTK_WIDGET (self->not_met_button), !sealed);
  gtk_widget_set_sensitive (GTK_WIDGET (self->na_button), !sealed);
  gtk_widget_set_sensitive (GTK_WIDGET (self->unanswered_button), !sealed);
  gtk_widget_set_sensitive (GTK_WIDGET (self->reason_entry), !sealed);
  gtk_text_view_set_editable (self->note_view, !sealed);
  gtk_widget_set_sensitive (GTK_WIDGET (self->note_view), !sealed);
  gtk_widget_set_sensitive (GTK_WIDGET (self->evidence_box), !sealed);
}

gboolean
scs_criterion_row_get_sealed (ScsCriterionRow *self)
{
  g_return_val_if_fail (SCS_IS_CRITERION_ROW (self), FALSE);

  return !gtk_text_view_get_editable (self->note_view);
}

static void
scs_criterion_row_constructed (GObject *object)
{
  ScsCriterionRow *self = SCS_CRITERION_ROW (object);

  G_OBJECT_CLASS (scs_criterion_row_parent_class)->constructed (object);

  g_return_if_fail (SCS_IS_WORKSPACE (self->workspace));
  g_return_if_fail (SCS_IS_ANSWER (self->answer));

  setup_for_answer (self);
  update_reconfirm (self);
  update_paraphrase (self);
  add_review_button (self);
  scs_criterion_row_set_sealed (self, scs_review_is_sealed (self->workspace));
  g_signal_connect_object (self->workspace, "answer-changed", G_CALLBACK (on_workspace_answer_changed),
                           self, G_CONNECT_SWAPPED);
}

static void
scs_criterion_row_dispose (GObject *object)
{
  ScsCriterionRow *self = SCS_CRITERION_ROW (object);

  g_clear_handle_id (&self->note_timeout_id, g_source_remove);
  g_clear_handle_id (&self->reason_timeout_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), SCS_TYPE_CRITERION_ROW);
  g_clear_object (&self->answer);
  g_clear_object (&self->workspace);
  g_clear_pointer (&self->note_problem, g_free);

  G_OBJECT_CLASS (scs_criterion_row_parent_class)->dispose (object);
}

static void
scs_criterion_row_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ScsCriterionRow *self = SCS_CRITERION_ROW (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      g_value_set_object (value, self->workspace);
      break;
    case PROP_ANSWER:
      g_value_set_object (value, self->answer);
      break;
    case PROP_NOTE_STATE:
      g_value_set_string (value, self->note_state);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scs_criterion_row_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  ScsCriterionRow *self = SCS_CRITERION_ROW (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      self->workspace = g_value_dup_object (value);
      break;
    case PROP_ANSWER:
      self->answer = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scs_criterion_row_class_init (ScsCriterionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = scs_criterion_row_constructed;
  object_class->dispose = scs_criterion_row_dispose;
  object_class->get_property = scs_criterion_row_get_property;
  object_class->set_property = scs_criterion_row_set_property;

  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL, SCS_TYPE_WORKSPACE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ANSWER] =
    g_param_spec_object ("answer", NULL, NULL, SCS_TYPE_ANSWER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTE_STATE] =
    g_param_spec_string ("note-state", NULL, NULL, "saved",
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Referencing the resource links it in from the static library, and its
   * constructor registers it: the templates below live there. */
  (void) scs_ui_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/jp/scsworkbench/Workbench/scs-criterion-row.ui");
  gtk_widget_class_bind_template_child (widget_class, ScsCriterionRow, id_label);
  gtk_widget_class_bind_template_child (widget_class, ScsCriterionRow, level_label);
  gtk_widget_class_bind_template_child (widget_class, ScsCriterionRow, changed_label);
  gtk_widget_class_bind_template_child (widget_class, ScsCriterionRow, text_label);
  gtk_widget_class_bind_template_child (widget_class, ScsCriterionRow, reconfirm_badge);
  gtk_widget_class_bind_template_child (widget_class, ScsCriterionRow, reconfirm_button);
  gtk_widget_class_bind_template_child (widget_class, ScsCriterionRow, paraphrase_box);
  gtk_widget_class_bind_template_child (widget_class, ScsCriterionRow, paraphrase_label);
  gtk_widget_class_bind_template_child (widget_class, ScsCriterionRow, note_state_label);
  gtk_widget_class_bind_template_child (widget_class, ScsCriterionRow, met_button);
  gtk_widget_class_bind_template_child (widget_class, ScsCriterionRow, not_met_button);
  gtk_widget_class_bind_template_child (widget_class, ScsCriterionRow, na_button);
  gtk_widget_class_bind_template_child (widget_class, ScsCriterionRow, unanswered_button);
  gtk_widget_class_bind_template_child (widget_class, ScsCriterionRow, reason_revealer);
  gtk_widget_class_bind_template_child (widget_class, ScsCriterionRow, reason_entry);
  gtk_widget_class_bind_template_child (widget_class, ScsCriterionRow, reason_problem_label);
  gtk_widget_class_bind_template_child (widget_class, ScsCriterionRow, note_view);
  gtk_widget_class_bind_template_child (widget_class, ScsCriterionRow, evidence_box);
  gtk_widget_class_bind_template_callback (widget_class, on_text_activate_link);
  gtk_widget_class_bind_template_callback (widget_class, on_reconfirm_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_reason_activate);
}

static void
scs_criterion_row_init (ScsCriterionRow *self)
{
  GtkEventController *controller;

  self->note_state = g_intern_static_string ("saved");
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (gtk_text_view_get_buffer (self->note_view), "changed",
                           G_CALLBACK (on_note_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->reason_entry, "changed",
                           G_CALLBACK (on_reason_changed), self, G_CONNECT_SWAPPED);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_object (controller, "leave", G_CALLBACK (on_note_leave), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->note_view), controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_object (controller, "leave", G_CALLBACK (on_reason_leave), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->reason_entry), controller);

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

GtkWidget *
scs_criterion_row_new (ScsWorkspace *workspace,
                       ScsAnswer    *answer)
{
  g_return_val_if_fail (SCS_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (SCS_IS_ANSWER (answer), NULL);

  return g_object_new (SCS_TYPE_CRITERION_ROW,
                       "workspace", workspace,
                       "answer", answer,
                       NULL);
}

ScsAnswer *
scs_criterion_row_get_answer (ScsCriterionRow *self)
{
  g_return_val_if_fail (SCS_IS_CRITERION_ROW (self), NULL);

  return self->answer;
}

const char *
scs_criterion_row_get_criterion_id (ScsCriterionRow *self)
{
  g_return_val_if_fail (SCS_IS_CRITERION_ROW (self), NULL);

  return scs_answer_get_criterion_id (self->answer);
}

void
scs_criterion_row_flush (ScsCriterionRow *self)
{
  g_return_if_fail (SCS_IS_CRITERION_ROW (self));

  save_note (self);
  save_reason (self, FALSE);
}

void
scs_criterion_row_request_reason (ScsCriterionRow *self)
{
  g_return_if_fail (SCS_IS_CRITERION_ROW (self));

  self->pending_na = TRUE;
  gtk_revealer_set_reveal_child (self->reason_revealer, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->reason_entry), "error");
  gtk_widget_grab_focus (GTK_WIDGET (self->reason_entry));
}

const char *
scs_criterion_row_get_note_state (ScsCriterionRow *self)
{
  g_return_val_if_fail (SCS_IS_CRITERION_ROW (self), NULL);

  return self->note_state;
}

GtkTextView *
scs_criterion_row_get_note_view (ScsCriterionRow *self)
{
  g_return_val_if_fail (SCS_IS_CRITERION_ROW (self), NULL);

  return self->note_view;
}

GtkEditable *
scs_criterion_row_get_reason_entry (ScsCriterionRow *self)
{
  g_return_val_if_fail (SCS_IS_CRITERION_ROW (self), NULL);

  return GTK_EDITABLE (self->reason_entry);
}

GtkWidget *
scs_criterion_row_get_status_button (ScsCriterionRow *self,
                                     ScsAnswerState   state)
{
  g_return_val_if_fail (SCS_IS_CRITERION_ROW (self), NULL);
  g_return_val_if_fail (state < SCS_N_ANSWER_STATES, NULL);

  return GTK_WIDGET (state_button (self, state));
}

gboolean
scs_criterion_row_get_reason_visible (ScsCriterionRow *self)
{
  g_return_val_if_fail (SCS_IS_CRITERION_ROW (self), FALSE);

  return gtk_revealer_get_reveal_child (self->reason_revealer);
}

gboolean
scs_criterion_row_get_reconfirm_visible (ScsCriterionRow *self)
{
  g_return_val_if_fail (SCS_IS_CRITERION_ROW (self), FALSE);

  return gtk_widget_get_visible (self->reconfirm_badge);
}

GtkWidget *
scs_criterion_row_get_reconfirm_button (ScsCriterionRow *self)
{
  g_return_val_if_fail (SCS_IS_CRITERION_ROW (self), NULL);

  return self->reconfirm_button;
}

const char *
scs_criterion_row_get_paraphrase (ScsCriterionRow *self)
{
  g_return_val_if_fail (SCS_IS_CRITERION_ROW (self), NULL);

  return gtk_widget_get_visible (self->paraphrase_box) ? gtk_label_get_text (self->paraphrase_label) : "";
}

/**
 * scs_criterion_row_get_note_seen_version:
 *
 * Returns: the answer's version when the user began typing the note being
 * saved (the window saves it only over that version), or the current one.
 */
gint64
scs_criterion_row_get_note_seen_version (ScsCriterionRow *self)
{
  g_return_val_if_fail (SCS_IS_CRITERION_ROW (self), -1);

  if (self->note_dirty)
    return self->note_seen_version;
  return self->answer != NULL ? scs_answer_get_version (self->answer) : -1;
}

/* The window found the note changed elsewhere: keep the user's text, stop
 * retrying, and wait for scs_criterion_row_resolve_note(). */
void
scs_criterion_row_note_conflict (ScsCriterionRow *self)
{
  g_return_if_fail (SCS_IS_CRITERION_ROW (self));

  self->note_conflict = TRUE;
  g_clear_handle_id (&self->note_timeout_id, g_source_remove);
}

/* The user chose: @keep_mine saves the text in the editor over the newer
 * answer; otherwise the editor shows the newer note. */
void
scs_criterion_row_resolve_note (ScsCriterionRow *self,
                                gboolean         keep_mine)
{
  g_return_if_fail (SCS_IS_CRITERION_ROW (self));

  self->note_conflict = FALSE;
  if (self->answer == NULL)
    return;
  if (keep_mine)
    {
      self->note_seen_version = scs_answer_get_version (self->answer);
      save_note (self);
      return;
    }
  self->note_dirty = FALSE;
  self->note_state = NULL;
  sync_from_answer (self);
  set_note_state (self, "saved");
}

/**
 * scs_criterion_row_get_reason_seen_version:
 *
 * Returns: the answer's version when the user began typing the
 * not-applicable reason being saved (the window saves it only over that
 * version), or the current one.
 */
gint64
scs_criterion_row_get_reason_seen_version (ScsCriterionRow *self)
{
  g_return_val_if_fail (SCS_IS_CRITERION_ROW (self), -1);

  if (self->reason_dirty)
    return self->reason_seen_version;
  return self->answer != NULL ? scs_answer_get_version (self->answer) : -1;
}

/* The window found the answer changed elsewhere: keep the user's reason,
 * stop saving it, and wait for scs_criterion_row_resolve_reason(). */
void
scs_criterion_row_reason_conflict (ScsCriterionRow *self)
{
  g_return_if_fail (SCS_IS_CRITERION_ROW (self));

  self->reason_conflict = TRUE;
  g_clear_handle_id (&self->reason_timeout_id, g_source_remove);
}

gboolean
scs_criterion_row_get_reason_conflict (ScsCriterionRow *self)
{
  g_return_val_if_fail (SCS_IS_CRITERION_ROW (self), FALSE);

  return self->reason_conflict;
}

/* The user chose: @keep_mine saves the reason in the entry over the newer
 * answer; otherwise the entry shows the newer reason. */
void
scs_criterion_row_resolve_reason (ScsCriterionRow *self,
                                  gboolean         keep_mine)
{
  g_return_if_fail (SCS_IS_CRITERION_ROW (self));

  self->reason_conflict = FALSE;
  if (self->answer == NULL)
    return;
  if (keep_mine)
    {
      self->reason_seen_version = scs_answer_get_version (self->answer);
      save_reason (self, FALSE);
      return;
    }
  self->reason_dirty = FALSE;
  sync_from_answer (self);
}
