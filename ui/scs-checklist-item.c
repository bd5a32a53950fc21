/* scs-checklist-item.c: one line of the checklist, and what the user typed in it
 *
 * The checklist is a GtkListView over a flat list of these: category titles
 * (search results), requirement headings and criteria. Rows are widgets
 * made only for the items in view and then reused for others, so a row is
 * only a view: the text the user typed and not yet saved, its saving (after
 * a short pause, when the field loses focus, when the window closes), the
 * version it was typed over and the conflict when the answer changed
 * elsewhere all live here, with the item, and survive the row scrolling
 * away. Saving goes through the window's actions (win.set-note,
 * win.set-reason, win.set-not-applicable), whose handlers alone call the
 * workspace; while a save fails the text stays here, marked as not saved,
 * and is sent again later.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "scs-checklist-item.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "scs-text.h"

#define SAVE_DELAY_MS 400
#define RETRY_DELAY_MS 8000

struct _ScsChecklistItem
{
  GObject               parent_instance;

  ScsChecklistItemKind  kind;
  guint                 category;
  char                 *title;
  ScsWorkspace         *workspace;
  const ScsRequirement *requirement;
  ScsAnswer            *answer;
  GtkWidget            *actor;          /* weak: where actions are activated */
  char                 *haystack;       /* folded ID and texts */
  char                 *user_text;      /* folded note and reason; NULL until searched */
  gboolean              shown;

  /* requirement */
  const char           *state_label;
  guint                 state_kind;

  /* criterion */
  char                 *note_text;      /* typed, not saved; NULL when not dirty */
  const char           *note_state;
  char                 *note_problem;
  gint64                note_seen_version;
  guint                 note_timeout_id;
  char                 *reason_text;    /* typed, not saved; NULL when not dirty */
  char                 *reason_problem;
  gint64                reason_seen_version;
  guint                 reason_timeout_id;
  guint                 note_conflict : 1;
  guint                 reason_conflict : 1;
  guint                 reason_error : 1;
  guint                 pending_na : 1; /* user chose N/A, reason still missing */
  guint                 sealed : 1;
};

G_DEFINE_FINAL_TYPE (ScsChecklistItem, scs_checklist_item, G_TYPE_OBJECT)

static void scs_checklist_item_set_actor    (ScsChecklistItem *self,
                                             GtkWidget        *actor);
static void scs_checklist_item_update_state (ScsChecklistItem *self);

enum {
  SIGNAL_CHANGED,
  SIGNAL_REASON_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

char *
scs_checklist_item_fold (const char *text)
{
  g_autofree char *nfkc = g_utf8_normalize (text ? text : "", -1, G_NORMALIZE_ALL);

  return g_utf8_casefold (nfkc ? nfkc : "", -1);
}

static void
emit_changed (ScsChecklistItem *self)
{
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
set_note_state (ScsChecklistItem *self,
                const char       *state)
{
  self->note_state = g_intern_string (state);
  emit_changed (self);
}

static void
activate_pair (ScsChecklistItem *self,
               const char       *action,
               const char       *second)
{
  if (self->actor == NULL)
    {
      g_warning ("Cannot save criterion %s: no window", scs_answer_get_criterion_id (self->answer));
      return;
    }
  gtk_widget_activate_action (self->actor, action, "(ss)", scs_answer_get_criterion_id (self->answer), second);
}

static void
on_answer_notify (ScsChecklistItem *self,
                  GParamSpec       *pspec)
{
  const char *name = pspec ? g_param_spec_get_name (pspec) : "";

  if (g_str_equal (name, "note") || g_str_equal (name, "reason"))
    g_clear_pointer (&self->user_text, g_free);
  if (scs_answer_get_state (self->answer) == SCS_ANSWER_NOT_APPLICABLE)
    self->pending_na = FALSE;
  /* Refresh "Saved" or nothing (after undo), unless the user's text waits. */
  if (self->note_text == NULL && self->note_state != g_intern_static_string ("failed") &&
      self->note_state != g_intern_static_string ("conflict"))
    self->note_state = g_intern_static_string ("saved");
  emit_changed (self);
}

static void
on_requirement_answer_notify (ScsChecklistItem *self)
{
  scs_checklist_item_update_state (self);
}

static void
scs_checklist_item_dispose (GObject *object)
{
  ScsChecklistItem *self = SCS_CHECKLIST_ITEM (object);

  g_clear_handle_id (&self->note_timeout_id, g_source_remove);
  g_clear_handle_id (&self->reason_timeout_id, g_source_remove);
  scs_checklist_item_set_actor (self, NULL);
  g_clear_object (&self->answer);
  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (scs_checklist_item_parent_class)->dispose (object);
}

static void
scs_checklist_item_finalize (GObject *object)
{
  ScsChecklistItem *self = SCS_CHECKLIST_ITEM (object);

  g_free (self->title);
  g_free (self->haystack);
  g_free (self->user_text);
  g_free (self->note_text);
  g_free (self->note_problem);
  g_free (self->reason_text);
  g_free (self->reason_problem);

  G_OBJECT_CLASS (scs_checklist_item_parent_class)->finalize (object);
}

static void
scs_checklist_item_class_init (ScsChecklistItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = scs_checklist_item_dispose;
  object_class->finalize = scs_checklist_item_finalize;

  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_REASON_REQUESTED] =
    g_signal_new ("reason-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
scs_checklist_item_init (ScsChecklistItem *self)
{
  self->note_state = g_intern_static_string ("saved");
  self->note_seen_version = -1;
  self->reason_seen_version = -1;
}

ScsChecklistItem *
scs_checklist_item_new_category (guint       number,
                                 const char *title)
{
  ScsChecklistItem *self = g_object_new (SCS_TYPE_CHECKLIST_ITEM, NULL);

  self->kind = SCS_CHECKLIST_ITEM_CATEGORY;
  self->category = number;
  self->title = g_strdup_printf ("%u. %s", number, title ? title : "");
  return self;
}

ScsChecklistItem *
scs_checklist_item_new_requirement (ScsWorkspace         *workspace,
                                    const ScsRequirement *requirement)
{
  ScsChecklistItem *self;

  g_return_val_if_fail (SCS_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (requirement != NULL, NULL);

  self = g_object_new (SCS_TYPE_CHECKLIST_ITEM, NULL);
  self->kind = SCS_CHECKLIST_ITEM_REQUIREMENT;
  self->workspace = g_object_ref (workspace);
  self->requirement = requirement;
  self->category = requirement->category->number;
  for (guint i = 0; requirement->criteria_known && i < requirement->criteria->len; i++)
    {
      const ScsCriterion *criterion = requirement->criteria->pdata[i];
      ScsAnswer *answer = scs_workspace_lookup_answer (workspace, criterion->id);

      if (answer == NULL)
        continue;
      g_signal_connect_object (answer, "notify::state", G_CALLBACK (on_requirement_answer_notify),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (answer, "notify::reason", G_CALLBACK (on_requirement_answer_notify),
                               self, G_CONNECT_SWAPPED);
    }
  g_signal_connect_object (workspace, "notify::target-level", G_CALLBACK (on_requirement_answer_notify),
                           self, G_CONNECT_SWAPPED);
  scs_checklist_item_update_state (self);
  return self;
}

ScsChecklistItem *
scs_checklist_item_new_criterion (ScsWorkspace *workspace,
                                  ScsAnswer    *answer,
                                  GtkWidget    *actor)
{
  const ScsCriterion *criterion;
  ScsChecklistItem *self;
  g_autofree char *joined = NULL;

  g_return_val_if_fail (SCS_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (SCS_IS_ANSWER (answer), NULL);

  criterion = scs_answer_get_criterion (answer);
  self = g_object_new (SCS_TYPE_CHECKLIST_ITEM, NULL);
  self->kind = SCS_CHECKLIST_ITEM_CRITERION;
  self->workspace = g_object_ref (workspace);
  self->answer = g_object_ref (answer);
  self->requirement = criterion->requirement;
  self->category = criterion->requirement->category->number;
  joined = g_strjoin ("\n", criterion->id,
                      criterion->text_ja ? criterion->text_ja : "",
                      criterion->text_en ? criterion->text_en : "", NULL);
  self->haystack = scs_checklist_item_fold (joined);
  scs_checklist_item_set_actor (self, actor);
  g_signal_connect_object (answer, "notify", G_CALLBACK (on_answer_notify), self, G_CONNECT_SWAPPED);
  return self;
}

ScsChecklistItemKind
scs_checklist_item_get_kind (ScsChecklistItem *self)
{
  g_return_val_if_fail (SCS_IS_CHECKLIST_ITEM (self), SCS_CHECKLIST_ITEM_CATEGORY);

  return self->kind;
}

guint
scs_checklist_item_get_category (ScsChecklistItem *self)
{
  g_return_val_if_fail (SCS_IS_CHECKLIST_ITEM (self), 0);

  return self->category;
}

const char *
scs_checklist_item_get_title (ScsChecklistItem *self)
{
  g_return_val_if_fail (SCS_IS_CHECKLIST_ITEM (self), NULL);

  return self->title;
}

const ScsRequirement *
scs_checklist_item_get_requirement (ScsChecklistItem *self)
{
  g_return_val_if_fail (SCS_IS_CHECKLIST_ITEM (self), NULL);

  return self->requirement;
}

ScsAnswer *
scs_checklist_item_get_answer (ScsChecklistItem *self)
{
  g_return_val_if_fail (SCS_IS_CHECKLIST_ITEM (self), NULL);

  return self->answer;
}

ScsWorkspace *
scs_checklist_item_get_workspace (ScsChecklistItem *self)
{
  g_return_val_if_fail (SCS_IS_CHECKLIST_ITEM (self), NULL);

  return self->workspace;
}

static void
scs_checklist_item_set_actor (ScsChecklistItem *self,
                              GtkWidget        *actor)
{
  if (self->actor != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->actor), (gpointer *) &self->actor);
  self->actor = actor;
  if (actor != NULL)
    g_object_add_weak_pointer (G_OBJECT (actor), (gpointer *) &self->actor);
}

gboolean
scs_checklist_item_get_shown (ScsChecklistItem *self)
{
  g_return_val_if_fail (SCS_IS_CHECKLIST_ITEM (self), FALSE);

  return self->shown;
}

void
scs_checklist_item_set_shown (ScsChecklistItem *self,
                              gboolean          shown)
{
  g_return_if_fail (SCS_IS_CHECKLIST_ITEM (self));

  self->shown = shown;
}

gboolean
scs_checklist_item_matches (ScsChecklistItem *self,
                            const char       *search,
                            GHashTable       *evidence_names)
{
  const char *names;

  g_return_val_if_fail (SCS_IS_CHECKLIST_ITEM (self), FALSE);

  if (self->answer == NULL)
    return FALSE;
  if (search == NULL || strstr (self->haystack, search) != NULL)
    return TRUE;
  names = evidence_names ? g_hash_table_lookup (evidence_names, scs_answer_get_criterion_id (self->answer)) : NULL;
  if (names != NULL && strstr (names, search) != NULL)
    return TRUE;
  /* The user's own words, folded when first searched and after they changed. */
  if (self->user_text == NULL)
    {
      g_autofree char *joined = g_strjoin ("\n", scs_checklist_item_get_note_text (self),
                                           scs_checklist_item_get_reason_text (self), NULL);

      self->user_text = scs_checklist_item_fold (joined);
    }
  return strstr (self->user_text, search) != NULL;
}

static void
scs_checklist_item_update_state (ScsChecklistItem *self)
{
  const ScsRequirement *requirement;
  guint n = 0, satisfied = 0, unanswered = 0;
  guint level;

  if (self->kind != SCS_CHECKLIST_ITEM_REQUIREMENT)
    return;

  requirement = self->requirement;
  if (!requirement->criteria_known)
    {
      self->state_label = _("Needs the official workbook");
      self->state_kind = 3;
      emit_changed (self);
      return;
    }

  level = scs_workspace_get_target_level (self->workspace);
  for (guint i = 0; i < requirement->criteria->len; i++)
    {
      const ScsCriterion *criterion = requirement->criteria->pdata[i];
      ScsAnswer *answer = scs_workspace_lookup_answer (self->workspace, criterion->id);

      if (answer == NULL || criterion->level > level)
        continue;
      n++;
      if (scs_answer_is_satisfied (answer))
        satisfied++;
      else if (scs_answer_get_state (answer) == SCS_ANSWER_UNANSWERED)
        unanswered++;
    }

  if (n > 0 && satisfied == n)
    self->state_kind = 0, self->state_label = _("All met");
  else if (unanswered == n)
    self->state_kind = 3, self->state_label = _("Unanswered");
  else if (satisfied > 0)
    self->state_kind = 1, self->state_label = _("Partly met");
  else
    self->state_kind = 2, self->state_label = _("Not met");
  emit_changed (self);
}

const char *
scs_checklist_item_get_state_label (ScsChecklistItem *self,
                                    guint            *kind)
{
  g_return_val_if_fail (SCS_IS_CHECKLIST_ITEM (self), NULL);

  if (kind != NULL)
    *kind = self->state_kind;
  return self->state_label;
}

/* Note */

const char *
scs_checklist_item_get_note_text (ScsChecklistItem *self)
{
  const char *note;

  g_return_val_if_fail (SCS_IS_CHECKLIST_ITEM (self), "");

  if (self->note_text != NULL)
    return self->note_text;
  note = self->answer ? scs_answer_get_note (self->answer) : NULL;
  return note ? note : "";
}

static gboolean
on_note_timeout (gpointer user_data)
{
  ScsChecklistItem *self = user_data;

  self->note_timeout_id = 0;
  scs_checklist_item_save_note (self);
  return G_SOURCE_REMOVE;
}

void
scs_checklist_item_set_note_text (ScsChecklistItem *self,
                                  const char       *text)
{
  g_return_if_fail (SCS_IS_CHECKLIST_ITEM (self));
  g_return_if_fail (self->answer != NULL);

  if (g_strcmp0 (text, scs_checklist_item_get_note_text (self)) == 0)
    return;

  /* What the user started from: the note is saved only over that. */
  if (self->note_text == NULL)
    self->note_seen_version = scs_answer_get_version (self->answer);
  g_free (self->note_text);
  self->note_text = g_strdup (text ? text : "");
  g_clear_pointer (&self->user_text, g_free);
  if (self->note_conflict)
    {
      emit_changed (self);
      return;
    }
  g_clear_handle_id (&self->note_timeout_id, g_source_remove);
  self->note_timeout_id = g_timeout_add (SAVE_DELAY_MS, on_note_timeout, self);
  set_note_state (self, "pending");
}

const char *
scs_checklist_item_get_note_state (ScsChecklistItem *self)
{
  g_return_val_if_fail (SCS_IS_CHECKLIST_ITEM (self), NULL);

  return self->note_state;
}

const char *
scs_checklist_item_get_note_problem (ScsChecklistItem *self)
{
  g_return_val_if_fail (SCS_IS_CHECKLIST_ITEM (self), NULL);

  return self->note_problem;
}

void
scs_checklist_item_save_note (ScsChecklistItem *self)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) invalid = NULL;
  g_autofree char *label = NULL;
  const char *stored;

  g_return_if_fail (SCS_IS_CHECKLIST_ITEM (self));

  g_clear_handle_id (&self->note_timeout_id, g_source_remove);
  if (self->note_text == NULL || self->answer == NULL || self->note_conflict)
    return;

  text = g_strdup (self->note_text);

  /* Text the workspace would refuse (a control character pasted from
   * elsewhere, a text-direction override) is not sent: it stays in the
   * editor and the row says why; the next edit tries again. */
  label = g_strdup_printf (_("The note of criterion %s"), scs_answer_get_criterion_id (self->answer));
  if (!scs_text_validate (text, label, SCS_TEXT_MULTI_LINE, &invalid))
    {
      g_free (self->note_problem);
      self->note_problem = g_strdup (invalid->message);
      set_note_state (self, "invalid");
      return;
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
      g_clear_pointer (&self->note_text, g_free);
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

/**
 * scs_checklist_item_get_note_seen_version:
 *
 * Returns: the answer's version when the user began typing the note being
 * saved (the window saves it only over that version), or the current one.
 */
gint64
scs_checklist_item_get_note_seen_version (ScsChecklistItem *self)
{
  g_return_val_if_fail (SCS_IS_CHECKLIST_ITEM (self), -1);

  if (self->note_text != NULL)
    return self->note_seen_version;
  return self->answer != NULL ? scs_answer_get_version (self->answer) : -1;
}

/* The window found the note changed elsewhere: keep the user's text, stop
 * retrying, and wait for scs_checklist_item_resolve_note(). */
void
scs_checklist_item_note_conflict (ScsChecklistItem *self)
{
  g_return_if_fail (SCS_IS_CHECKLIST_ITEM (self));

  self->note_conflict = TRUE;
  g_clear_handle_id (&self->note_timeout_id, g_source_remove);
}

/* The user chose: @keep_mine saves the text typed over the newer answer;
 * otherwise the editor shows the newer note. */
void
scs_checklist_item_resolve_note (ScsChecklistItem *self,
                                 gboolean          keep_mine)
{
  g_return_if_fail (SCS_IS_CHECKLIST_ITEM (self));

  self->note_conflict = FALSE;
  if (self->answer == NULL)
    return;
  if (keep_mine)
    {
      self->note_seen_version = scs_answer_get_version (self->answer);
      scs_checklist_item_save_note (self);
      return;
    }
  g_clear_pointer (&self->note_text, g_free);
  g_clear_pointer (&self->user_text, g_free);
  set_note_state (self, "saved");
}

/* Reason */

const char *
scs_checklist_item_get_reason_text (ScsChecklistItem *self)
{
  const char *reason;

  g_return_val_if_fail (SCS_IS_CHECKLIST_ITEM (self), "");

  if (self->reason_text != NULL)
    return self->reason_text;
  reason = self->answer ? scs_answer_get_reason (self->answer) : NULL;
  return reason ? reason : "";
}

static gboolean
on_reason_timeout (gpointer user_data)
{
  ScsChecklistItem *self = user_data;

  self->reason_timeout_id = 0;
  scs_checklist_item_save_reason (self, FALSE);
  return G_SOURCE_REMOVE;
}

void
scs_checklist_item_set_reason_text (ScsChecklistItem *self,
                                    const char       *text)
{
  g_return_if_fail (SCS_IS_CHECKLIST_ITEM (self));
  g_return_if_fail (self->answer != NULL);

  if (g_strcmp0 (text, scs_checklist_item_get_reason_text (self)) == 0)
    return;

  /* What the user started from: the reason is saved only over that. */
  if (self->reason_text == NULL)
    self->reason_seen_version = scs_answer_get_version (self->answer);
  g_free (self->reason_text);
  self->reason_text = g_strdup (text ? text : "");
  g_clear_pointer (&self->user_text, g_free);
  if (!self->reason_conflict)
    {
      g_clear_handle_id (&self->reason_timeout_id, g_source_remove);
      self->reason_timeout_id = g_timeout_add (SAVE_DELAY_MS, on_reason_timeout, self);
    }
  emit_changed (self);
}

void
scs_checklist_item_save_reason (ScsChecklistItem *self,
                                gboolean          leaving)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) invalid = NULL;
  g_autofree char *label = NULL;
  const char *stored;

  g_return_if_fail (SCS_IS_CHECKLIST_ITEM (self));

  g_clear_handle_id (&self->reason_timeout_id, g_source_remove);
  if (self->reason_text == NULL || self->answer == NULL || self->reason_conflict)
    return;

  text = g_strdup (self->reason_text);
  if (scs_text_is_blank (text))
    {
      /* A not-applicable answer cannot lose its reason: keep the stored one. */
      if (leaving)
        {
          g_clear_pointer (&self->reason_text, g_free);
          self->reason_error = FALSE;
        }
      else
        self->reason_error = TRUE;
      emit_changed (self);
      return;
    }

  label = g_strdup_printf (_("The not-applicable reason of criterion %s"),
                           scs_answer_get_criterion_id (self->answer));
  if (!scs_text_validate (text, label, SCS_TEXT_MULTI_LINE, &invalid))
    {
      /* kept in the entry, not sent, the reason shown below it */
      self->reason_error = TRUE;
      g_free (self->reason_problem);
      self->reason_problem = g_strdup (invalid->message);
      emit_changed (self);
      return;
    }
  g_clear_pointer (&self->reason_problem, g_free);
  self->reason_error = FALSE;

  if (self->pending_na && scs_answer_get_state (self->answer) != SCS_ANSWER_NOT_APPLICABLE)
    activate_pair (self, "win.set-not-applicable", text);
  else
    activate_pair (self, "win.set-reason", text);
  /* Changed elsewhere meanwhile: nothing was written, the window asks. */
  if (self->reason_conflict)
    {
      emit_changed (self);
      return;
    }

  stored = scs_answer_get_reason (self->answer);
  if (g_strcmp0 (stored, text) == 0)
    g_clear_pointer (&self->reason_text, g_free);
  emit_changed (self);
}

gboolean
scs_checklist_item_get_reason_blank_error (ScsChecklistItem *self)
{
  g_return_val_if_fail (SCS_IS_CHECKLIST_ITEM (self), FALSE);

  return self->reason_error;
}

/* Why the typed reason is not sent, or NULL. */
const char *
scs_checklist_item_get_reason_problem (ScsChecklistItem *self)
{
  g_return_val_if_fail (SCS_IS_CHECKLIST_ITEM (self), NULL);

  return self->reason_problem;
}

gboolean
scs_checklist_item_get_reason_revealed (ScsChecklistItem *self)
{
  g_return_val_if_fail (SCS_IS_CHECKLIST_ITEM (self), FALSE);

  return self->pending_na ||
         (self->answer != NULL && scs_answer_get_state (self->answer) == SCS_ANSWER_NOT_APPLICABLE);
}

void
scs_checklist_item_request_reason (ScsChecklistItem *self)
{
  g_return_if_fail (SCS_IS_CHECKLIST_ITEM (self));

  self->pending_na = TRUE;
  self->reason_error = TRUE;
  emit_changed (self);
  g_signal_emit (self, signals[SIGNAL_REASON_REQUESTED], 0);
}

gint64
scs_checklist_item_get_reason_seen_version (ScsChecklistItem *self)
{
  g_return_val_if_fail (SCS_IS_CHECKLIST_ITEM (self), -1);

  if (self->reason_text != NULL)
    return self->reason_seen_version;
  return self->answer != NULL ? scs_answer_get_version (self->answer) : -1;
}

/* The window found the answer changed elsewhere: keep the user's reason,
 * stop saving it, and wait for scs_checklist_item_resolve_reason(). */
void
scs_checklist_item_reason_conflict (ScsChecklistItem *self)
{
  g_return_if_fail (SCS_IS_CHECKLIST_ITEM (self));

  self->reason_conflict = TRUE;
  g_clear_handle_id (&self->reason_timeout_id, g_source_remove);
}

gboolean
scs_checklist_item_get_reason_conflict (ScsChecklistItem *self)
{
  g_return_val_if_fail (SCS_IS_CHECKLIST_ITEM (self), FALSE);

  return self->reason_conflict;
}

/* The user chose: @keep_mine saves the reason typed over the newer answer;
 * otherwise the entry shows the newer reason. */
void
scs_checklist_item_resolve_reason (ScsChecklistItem *self,
                                   gboolean          keep_mine)
{
  g_return_if_fail (SCS_IS_CHECKLIST_ITEM (self));

  self->reason_conflict = FALSE;
  if (self->answer == NULL)
    return;
  if (keep_mine)
    {
      self->reason_seen_version = scs_answer_get_version (self->answer);
      scs_checklist_item_save_reason (self, FALSE);
      return;
    }
  g_clear_pointer (&self->reason_text, g_free);
  g_clear_pointer (&self->user_text, g_free);
  emit_changed (self);
}

void
scs_checklist_item_flush (ScsChecklistItem *self)
{
  g_return_if_fail (SCS_IS_CHECKLIST_ITEM (self));

  scs_checklist_item_save_note (self);
  scs_checklist_item_save_reason (self, FALSE);
}

void
scs_checklist_item_set_sealed (ScsChecklistItem *self,
                               gboolean          sealed)
{
  g_return_if_fail (SCS_IS_CHECKLIST_ITEM (self));

  /* Signed content is read-only, and so is everything in a workspace
   * opened read-only; the window's banner says why. */
  if (self->workspace != NULL && scs_workspace_is_read_only (self->workspace))
    sealed = TRUE;
  if (self->sealed == (guint) !!sealed)
    return;
  self->sealed = !!sealed;
  emit_changed (self);
}

gboolean
scs_checklist_item_get_sealed (ScsChecklistItem *self)
{
  g_return_val_if_fail (SCS_IS_CHECKLIST_ITEM (self), FALSE);

  return self->sealed;
}
