/* scs-criterion-row.c: one criterion with its answer, note, reason, evidence
 *
 * A row of the checklist: the criterion's ID, level and text (IDs inside the
 * text are links), four linked toggle buttons for the answer, the
 * not-applicable reason, a note editor and the evidence list. The row is a
 * view of a ScsChecklistItem, and the checklist's list view gives one row in
 * turn to many items as they scroll into view: whatever must outlast that
 * (the text the user typed and not yet saved, its saving, conflicts, the
 * open reason field, read-only) is the item's, the row only shows it and
 * hands it what the user types. Answers change only through the window's
 * actions, whose handlers alone call the workspace; after each action the
 * buttons are set again from the model, so a refused change leaves the row
 * showing what the file holds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "scs-criterion-row.h"

#include <glib/gi18n-lib.h>

#include "scs-date.h"
#include "scs-ui-resources.h"

#include "scs-evidence-list.h"
#include "scs-i18n.h"
#include "scs-migration.h"
#include "scs-paint-cache.h"
#include "scs-review.h"
#include "scs-text.h"

struct _ScsCriterionRow
{
  GtkWidget         parent_instance;

  ScsChecklistItem *item;
  ScsAnswer        *answer;          /* the item's, while bound */
  ScsWorkspace     *workspace;       /* the item's, while bound */
  gulong            changed_id;
  gulong            requested_id;
  gulong            answer_changed_id;
  GtkWidget        *evidence_list;
  GtkWidget        *review_button;

  GtkLabel         *id_label;
  GtkLabel         *level_label;
  GtkLabel         *changed_label;
  GtkLabel         *text_label;
  GtkWidget        *reconfirm_badge;   /* catalog migration (issue 6) */
  GtkWidget        *reconfirm_button;
  GtkWidget        *paraphrase_box;
  GtkLabel         *paraphrase_label;
  GtkLabel         *note_state_label;
  GtkToggleButton  *met_button;
  GtkToggleButton  *not_met_button;
  GtkToggleButton  *na_button;
  GtkToggleButton  *unanswered_button;
  GtkRevealer      *reason_revealer;
  GtkEntry         *reason_entry;
  GtkLabel         *reason_problem_label;
  GtkTextView      *note_view;
  GtkBox           *evidence_box;

  guint             syncing : 1;       /* setting widgets from the item */
};

G_DEFINE_FINAL_TYPE (ScsCriterionRow, scs_criterion_row, GTK_TYPE_WIDGET)

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
show_note_state (ScsCriterionRow *self)
{
  const char *state = scs_checklist_item_get_note_state (self->item);

  if (g_str_equal (state, "invalid"))
    gtk_label_set_text (self->note_state_label, scs_checklist_item_get_note_problem (self->item));
  else if (g_str_equal (state, "pending"))
    gtk_label_set_text (self->note_state_label, _("Saving…"));
  else if (g_str_equal (state, "failed"))
    gtk_label_set_text (self->note_state_label, _("Not saved yet"));
  else if (g_str_equal (state, "conflict"))
    gtk_label_set_text (self->note_state_label, _("Not saved: changed elsewhere"));
  else if (!scs_text_is_blank (scs_answer_get_note (self->answer)))
    gtk_label_set_text (self->note_state_label, _("Saved"));
  else
    gtk_label_set_text (self->note_state_label, "");

  if (g_str_equal (state, "failed") || g_str_equal (state, "conflict") || g_str_equal (state, "invalid"))
    gtk_widget_add_css_class (GTK_WIDGET (self->note_state_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->note_state_label), "error");
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

static void
set_sealed (ScsCriterionRow *self,
            gboolean         sealed)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->met_button), !sealed);
  gtk_widget_set_sensitive (GTK_WIDGET (self->not_met_button), !sealed);
  gtk_widget_set_sensitive (GTK_WIDGET (self->na_button), !sealed);
  gtk_widget_set_sensitive (GTK_WIDGET (self->unanswered_button), !sealed);
  gtk_widget_set_sensitive (GTK_WIDGET (self->reason_entry), !sealed);
  gtk_text_view_set_editable (self->note_view, !sealed);
  gtk_widget_set_sensitive (GTK_WIDGET (self->note_view), !sealed);
  gtk_widget_set_sensitive (GTK_WIDGET (self->evidence_box), !sealed);
}

/* Sets every widget from the item and its answer; the editors only when
 * they show something else, so the cursor stays where the user types. */
static void
sync_from_item (ScsCriterionRow *self)
{
  ScsAnswerState state;
  g_autofree char *changed = NULL;
  g_autofree char *shown = NULL;
  const char *reason, *note, *problem;

  if (self->item == NULL)
    return;

  self->syncing = TRUE;

  state = scs_answer_get_state (self->answer);
  for (guint i = 0; i < SCS_N_ANSWER_STATES; i++)
    gtk_toggle_button_set_active (state_button (self, i), i == state);

  gtk_revealer_set_reveal_child (self->reason_revealer, scs_checklist_item_get_reason_revealed (self->item));

  reason = scs_checklist_item_get_reason_text (self->item);
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->reason_entry)), reason) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->reason_entry), reason);
  if (scs_checklist_item_get_reason_blank_error (self->item))
    gtk_widget_add_css_class (GTK_WIDGET (self->reason_entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->reason_entry), "error");
  problem = scs_checklist_item_get_reason_problem (self->item);
  gtk_label_set_text (self->reason_problem_label, problem ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->reason_problem_label), problem != NULL);

  note = scs_checklist_item_get_note_text (self->item);
  shown = dup_note_text (self);
  if (g_strcmp0 (shown, note) != 0)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view), note, -1);
  show_note_state (self);

  changed = format_changed (self->answer);
  gtk_label_set_text (self->changed_label, changed);
  set_sealed (self, scs_checklist_item_get_sealed (self->item));

  self->syncing = FALSE;
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

  if (self->item == NULL)
    return;

  scs_checklist_item_flush (self->item);

  reason = g_strdup (scs_checklist_item_get_reason_text (self->item));
  if (state == SCS_ANSWER_NOT_APPLICABLE && !scs_text_is_blank (reason))
    activate_pair (self, "win.set-not-applicable", reason);
  else
    activate_pair (self, "win.set-status", scs_answer_state_to_string (state));

  /* Whatever the outcome, show what the model now says. */
  sync_from_item (self);
}

static void
on_state_button_clicked (GtkButton       *button,
                         ScsCriterionRow *self)
{
  ScsAnswerState state = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "scs-state"));

  choose_state (self, state);
}

static void
on_note_changed (ScsCriterionRow *self,
                 GtkTextBuffer   *buffer)
{
  g_autofree char *text = NULL;

  if (self->syncing || self->item == NULL)
    return;

  text = dup_note_text (self);
  scs_checklist_item_set_note_text (self->item, text);
}

static void
on_reason_changed (ScsCriterionRow *self,
                   GtkEditable     *editable)
{
  if (self->syncing || self->item == NULL)
    return;

  scs_checklist_item_set_reason_text (self->item, gtk_editable_get_text (editable));
}

static void
on_reason_activate (ScsCriterionRow *self)
{
  if (self->item != NULL)
    scs_checklist_item_save_reason (self->item, FALSE);
}

static void
on_reason_leave (ScsCriterionRow *self)
{
  if (self->item != NULL)
    scs_checklist_item_save_reason (self->item, TRUE);
}

static void
on_note_leave (ScsCriterionRow *self)
{
  if (self->item != NULL)
    scs_checklist_item_save_note (self->item);
}

static void
on_reason_requested (ScsCriterionRow *self)
{
  gtk_revealer_set_reveal_child (self->reason_revealer, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->reason_entry));
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

/* A catalog migration flags answers whose criterion was re-worded or
 * re-levelled; the badge stays until the user re-confirms (an action). */
static void
update_reconfirm (ScsCriterionRow *self)
{
  gboolean flagged = self->item != NULL &&
                     scs_migration_needs_reconfirm (self->workspace, scs_answer_get_criterion_id (self->answer));

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
  if (self->item == NULL)
    return;
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

/* What depends on the criterion and not on its answer. */
static void
show_criterion (ScsCriterionRow *self)
{
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
  /* Only when it changes: setting a tooltip asks the X server where the
   * pointer is (GTK 4.8), a round trip for every criterion given to the row. */
  if (g_strcmp0 (gtk_widget_get_tooltip_text (GTK_WIDGET (self->level_label)), level_tip) != 0)
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->level_label), level_tip);
  if (criterion->level >= 4)
    gtk_widget_add_css_class (GTK_WIDGET (self->level_label), "level-4");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->level_label), "level-4");

  markup = scs_catalog_markup_links (scs_criterion_get_text (criterion));
  gtk_label_set_markup (self->text_label, markup);

  for (guint i = 0; i < SCS_N_ANSWER_STATES; i++)
    {
      g_autofree char *a11y = NULL;

      /* Translators: accessible name of a status button: "達成: 1-2-1-1" */
      a11y = g_strdup_printf (_("%s: %s"), scs_answer_state_get_label (i), id);
      set_accessible_label (state_button (self, i), a11y);
    }

  label = g_strdup_printf (_("Reason why criterion %s does not apply"), id);
  set_accessible_label (self->reason_entry, label);
  g_free (label);
  label = g_strdup_printf (_("Note on criterion %s"), id);
  set_accessible_label (self->note_view, label);
  g_free (label);
  label = g_strdup_printf (_("Criterion %s"), id);
  set_accessible_label (self, label);

  scs_evidence_list_set_workspace (SCS_EVIDENCE_LIST (self->evidence_list), self->workspace);
  scs_evidence_list_set_criterion_id (SCS_EVIDENCE_LIST (self->evidence_list), id);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->review_button), "s", id);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->review_button), "win.show-review");
  update_paraphrase (self);
  update_reconfirm (self);
}

void
scs_criterion_row_set_item (ScsCriterionRow  *self,
                            ScsChecklistItem *item)
{
  g_return_if_fail (SCS_IS_CRITERION_ROW (self));
  g_return_if_fail (item == NULL || scs_checklist_item_get_kind (item) == SCS_CHECKLIST_ITEM_CRITERION);

  if (self->item == item)
    return;

  if (self->item != NULL)
    {
      g_clear_signal_handler (&self->changed_id, self->item);
      g_clear_signal_handler (&self->requested_id, self->item);
      g_clear_signal_handler (&self->answer_changed_id, self->workspace);
      g_clear_object (&self->item);
      self->answer = NULL;
      self->workspace = NULL;
    }
  if (item == NULL)
    return;

  self->item = g_object_ref (item);
  self->answer = scs_checklist_item_get_answer (item);
  self->workspace = scs_checklist_item_get_workspace (item);
  self->changed_id = g_signal_connect_object (item, "changed", G_CALLBACK (sync_from_item),
                                              self, G_CONNECT_SWAPPED);
  self->requested_id = g_signal_connect_object (item, "reason-requested", G_CALLBACK (on_reason_requested),
                                                self, G_CONNECT_SWAPPED);
  self->answer_changed_id = g_signal_connect_object (self->workspace, "answer-changed",
                                                     G_CALLBACK (on_workspace_answer_changed),
                                                     self, G_CONNECT_SWAPPED);
  show_criterion (self);

  /* A reused row shows its new item as it is, without the reveal animation. */
  gtk_revealer_set_transition_type (self->reason_revealer, GTK_REVEALER_TRANSITION_TYPE_NONE);
  sync_from_item (self);
  gtk_revealer_set_transition_type (self->reason_revealer, GTK_REVEALER_TRANSITION_TYPE_SLIDE_DOWN);
}

ScsChecklistItem *
scs_criterion_row_get_item (ScsCriterionRow *self)
{
  g_return_val_if_fail (SCS_IS_CRITERION_ROW (self), NULL);

  return self->item;
}

/* The card's shadows and icons drawn once and kept (GTK's cairo renderer
 * would draw them again at every frame the card is in). */
static void
scs_criterion_row_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    scs_paint_cache_snapshot_child (widget, child, snapshot);
}

static void
scs_criterion_row_dispose (GObject *object)
{
  ScsCriterionRow *self = SCS_CRITERION_ROW (object);
  GtkWidget *child;

  scs_criterion_row_set_item (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SCS_TYPE_CRITERION_ROW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (scs_criterion_row_parent_class)->dispose (object);
}

static void
scs_criterion_row_class_init (ScsCriterionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = scs_criterion_row_dispose;
  widget_class->snapshot = scs_criterion_row_snapshot;

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

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "criterion");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
scs_criterion_row_init (ScsCriterionRow *self)
{
  static const char * const tooltips[] = {
    [SCS_ANSWER_UNANSWERED] = N_("Clear the answer (4)"),
    [SCS_ANSWER_MET] = N_("The criterion is met (1)"),
    [SCS_ANSWER_NOT_MET] = N_("The criterion is not met yet (2)"),
    [SCS_ANSWER_NOT_APPLICABLE] = N_("The criterion does not apply; give a reason (3)"),
  };
  GtkEventController *controller;

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < SCS_N_ANSWER_STATES; i++)
    {
      GtkToggleButton *button = state_button (self, i);

      gtk_button_set_label (GTK_BUTTON (button), scs_answer_state_get_label (i));
      gtk_widget_set_tooltip_text (GTK_WIDGET (button), _(tooltips[i]));
      g_object_set_data (G_OBJECT (button), "scs-state", GUINT_TO_POINTER (i));
      g_signal_connect (button, "clicked", G_CALLBACK (on_state_button_clicked), self);
    }

  self->evidence_list = scs_evidence_list_new ();
  gtk_box_append (self->evidence_box, self->evidence_list);

  /* Expert review (issue 3): a button to this criterion's review thread. */
  self->review_button = gtk_button_new_from_icon_name ("user-available-symbolic");
  gtk_widget_add_css_class (self->review_button, "flat");
  gtk_widget_set_valign (self->review_button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (self->review_button, _("Review: comments, verdict and proposed corrections"));
  gtk_widget_set_name (self->review_button, "review-button");
  gtk_box_append (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (self->changed_label))), self->review_button);

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

/* A row of its own item, outside a checklist (its actions activated on
 * the row itself). */
GtkWidget *
scs_criterion_row_new (ScsWorkspace *workspace,
                       ScsAnswer    *answer)
{
  g_autoptr(ScsChecklistItem) item = NULL;
  GtkWidget *row;

  g_return_val_if_fail (SCS_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (SCS_IS_ANSWER (answer), NULL);

  row = g_object_new (SCS_TYPE_CRITERION_ROW, NULL);
  item = scs_checklist_item_new_criterion (workspace, answer, row);
  scs_checklist_item_set_sealed (item, scs_review_is_sealed (workspace));
  scs_criterion_row_set_item (SCS_CRITERION_ROW (row), item);
  return row;
}

GtkWidget *
scs_criterion_row_get_status_button (ScsCriterionRow *self,
                                     ScsAnswerState   state)
{
  g_return_val_if_fail (SCS_IS_CRITERION_ROW (self), NULL);
  g_return_val_if_fail (state < SCS_N_ANSWER_STATES, NULL);

  return GTK_WIDGET (state_button (self, state));
}

