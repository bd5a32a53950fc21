/* scs-workspace-undo.c: undo and redo of what the user changed through this object
 *
 * Two stacks of steps, newest last. An answer step holds the state, note
 * and reason to write back and the answer's version after the change it
 * reverses: when the answer's version differs (someone else changed it since,
 * in this process or another, seen by scs_workspace_refresh ()), the step
 * is refused and dropped, so an undo never overwrites a change that is not
 * the user's. An evidence step links a file back or removes its link again:
 * undo of a removal and redo of an addition link it, undo of an addition and
 * redo of a removal remove the link; when removing the link deleted the
 * stored file (its last link), the step keeps the bytes, within a budget,
 * to store the same file again.
 *
 * Every step says which criterion it touches and what it does, in words,
 * before it is applied, so a front end can bring that criterion into view
 * and say what was undone. Applying a step writes like any change: behind
 * the seal it is refused and the step kept. A new change clears the redo
 * stack.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "scs-workspace-private.h"

#define UNDO_DEPTH 200
/* The removed files' bytes kept for undo, at most (older steps go first). */
#define UNDO_DATA_BUDGET (256 * 1024 * 1024)

typedef enum
{
  STEP_ANSWER,   /* write state, note and reason */
  STEP_RELINK,   /* link evidence (undo of a removal, redo of an addition) */
  STEP_UNLINK,   /* remove the link (redo of a removal, undo of an addition) */
} StepKind;

struct _ScsUndoStep
{
  StepKind        kind;
  char           *criterion_id;
  /* STEP_ANSWER */
  ScsAnswerState  state;
  char           *note;
  char           *reason;
  gint64          version;   /* the answer's version the step expects */
  /* STEP_RELINK, STEP_UNLINK */
  char           *sha256;
  char           *name;
  char           *mime_type;
  GBytes         *data;      /* the file, when its removal deleted it */
  gboolean        addition;  /* the user's change was adding it, not removing */
};

static void
step_free (ScsUndoStep *step)
{
  g_free (step->criterion_id);
  g_free (step->note);
  g_free (step->reason);
  g_free (step->sha256);
  g_free (step->name);
  g_free (step->mime_type);
  g_clear_pointer (&step->data, g_bytes_unref);
  g_free (step);
}

void
scs_workspace_undo_init (ScsWorkspace *self)
{
  self->undo_stack = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
  self->redo_stack = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
}

void
scs_workspace_undo_clear (ScsWorkspace *self)
{
  g_clear_pointer (&self->undo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->redo_stack, g_ptr_array_unref);
}

/* Calls @change and notifies can-undo / can-redo only when they changed. */
static void
notify_after (ScsWorkspace *self,
              gboolean      could_undo,
              gboolean      could_redo)
{
  if (could_undo != (self->undo_stack->len > 0))
    g_object_notify (G_OBJECT (self), "can-undo");
  if (could_redo != (self->redo_stack->len > 0))
    g_object_notify (G_OBJECT (self), "can-redo");
}

void
scs_workspace_undo_forget (ScsWorkspace *self)
{
  gboolean could_undo = self->undo_stack->len > 0;
  gboolean could_redo = self->redo_stack->len > 0;

  g_ptr_array_set_size (self->undo_stack, 0);
  g_ptr_array_set_size (self->redo_stack, 0);
  notify_after (self, could_undo, could_redo);
}

/* After this object wrote @answer: steps for it expect the new version. */
static void
follow_version (GPtrArray *stack,
                ScsAnswer *answer)
{
  const char *id = scs_answer_get_criterion_id (answer);

  for (guint i = 0; i < stack->len; i++)
    {
      ScsUndoStep *step = g_ptr_array_index (stack, i);

      if (step->kind == STEP_ANSWER && g_str_equal (step->criterion_id, id))
        step->version = scs_answer_get_version (answer);
    }
}

/* Keeps the depth and the bytes held within bounds: the oldest steps go. */
static void
trim (GPtrArray *stack)
{
  gsize held = 0;

  while (stack->len > UNDO_DEPTH)
    g_ptr_array_remove_index (stack, 0);
  for (guint i = stack->len; i > 0; i--)
    {
      ScsUndoStep *step = g_ptr_array_index (stack, i - 1);

      if (step->data == NULL)
        continue;
      held += g_bytes_get_size (step->data);
      if (held > UNDO_DATA_BUDGET)
        {
          /* this step and everything older */
          g_ptr_array_remove_range (stack, 0, i);
          return;
        }
    }
}

static ScsUndoStep *
answer_step_new (ScsAnswer      *answer,
                 ScsAnswerState  state,
                 const char     *note,
                 const char     *reason)
{
  ScsUndoStep *step = g_new0 (ScsUndoStep, 1);

  step->kind = STEP_ANSWER;
  step->criterion_id = g_strdup (scs_answer_get_criterion_id (answer));
  step->state = state;
  step->note = g_strdup (note);
  step->reason = g_strdup (reason);
  step->version = scs_answer_get_version (answer);
  return step;
}

static void
push (ScsWorkspace *self,
      ScsUndoStep  *step,
      gboolean      clear_redo)
{
  gboolean could_undo = self->undo_stack->len > 0;
  gboolean could_redo = self->redo_stack->len > 0;

  g_ptr_array_add (self->undo_stack, step);
  trim (self->undo_stack);
  if (clear_redo)
    g_ptr_array_set_size (self->redo_stack, 0);
  notify_after (self, could_undo, could_redo);
}

void
scs_workspace_undo_push_answer (ScsWorkspace   *self,
                                ScsAnswer      *answer,
                                ScsAnswerState  state,
                                const char     *note,
                                const char     *reason)
{
  follow_version (self->undo_stack, answer);
  push (self, answer_step_new (answer, state, note, reason), TRUE);
}

void
scs_workspace_undo_push_unlink (ScsWorkspace *self,
                                const char   *criterion_id,
                                const char   *sha256,
                                const char   *name,
                                const char   *mime_type,
                                GBytes       *data)
{
  ScsUndoStep *step = g_new0 (ScsUndoStep, 1);

  step->kind = STEP_RELINK;
  step->criterion_id = g_strdup (criterion_id);
  step->sha256 = g_strdup (sha256);
  step->name = g_strdup (name);
  step->mime_type = g_strdup (mime_type);
  step->data = data ? g_bytes_ref (data) : NULL;
  push (self, step, TRUE);
}

void
scs_workspace_undo_push_link (ScsWorkspace *self,
                              const char   *criterion_id,
                              const char   *sha256,
                              const char   *name,
                              const char   *mime_type)
{
  ScsUndoStep *step = g_new0 (ScsUndoStep, 1);

  step->kind = STEP_UNLINK;
  step->addition = TRUE;
  step->criterion_id = g_strdup (criterion_id);
  step->sha256 = g_strdup (sha256);
  step->name = g_strdup (name);
  step->mime_type = g_strdup (mime_type);
  push (self, step, TRUE);
}

gboolean
scs_workspace_can_undo (ScsWorkspace *self)
{
  g_return_val_if_fail (SCS_IS_WORKSPACE (self), FALSE);

  return self->undo_stack->len > 0;
}

gboolean
scs_workspace_can_redo (ScsWorkspace *self)
{
  g_return_val_if_fail (SCS_IS_WORKSPACE (self), FALSE);

  return self->redo_stack->len > 0;
}

static ScsUndoStep *
top (GPtrArray *stack)
{
  return stack->len > 0 ? g_ptr_array_index (stack, stack->len - 1) : NULL;
}

/* In words: what applying @step changes. */
static char *
describe (ScsWorkspace *self,
          ScsUndoStep  *step)
{
  ScsAnswer *answer = g_hash_table_lookup (self->answer_index, step->criterion_id);

  if (step->kind != STEP_ANSWER && step->addition && answer == NULL)
    /* Translators: what undo or redo did; %s is a file name, then an item of a self-declaration
     * ("S1.1-12#1": requirement S1.1-12, evaluation item 1) */
    return g_strdup_printf (_("the addition of ‘%s’ to item %s"),
                            step->name ? step->name : step->sha256, step->criterion_id);
  if (step->kind != STEP_ANSWER && step->addition)
    /* Translators: what undo or redo did; %s is a file name, then a criterion ID */
    return g_strdup_printf (_("the addition of ‘%s’ to criterion %s"),
                            step->name ? step->name : step->sha256, step->criterion_id);
  if (step->kind != STEP_ANSWER && answer == NULL)
    /* Translators: what undo or redo did; %s is a file name, then an item of a self-declaration
     * ("S1.1-12#1": requirement S1.1-12, evaluation item 1) */
    return g_strdup_printf (_("the removal of ‘%s’ from item %s"),
                            step->name ? step->name : step->sha256, step->criterion_id);
  if (step->kind != STEP_ANSWER)
    /* Translators: what undo or redo did; %s is a file name, then a criterion ID */
    return g_strdup_printf (_("the removal of ‘%s’ from criterion %s"),
                            step->name ? step->name : step->sha256, step->criterion_id);
  if (answer != NULL && scs_answer_get_state (answer) != step->state)
    /* Translators: what undo or redo did: "the answer of criterion 1-1-1-1 (met → unanswered)" */
    return g_strdup_printf (_("the answer of criterion %s (%s → %s)"), step->criterion_id,
                            scs_answer_state_get_label (scs_answer_get_state (answer)),
                            scs_answer_state_get_label (step->state));
  if (answer != NULL && g_strcmp0 (scs_answer_get_note (answer), step->note) != 0)
    /* Translators: what undo or redo did */
    return g_strdup_printf (_("the note of criterion %s"), step->criterion_id);
  /* Translators: what undo or redo did */
  return g_strdup_printf (_("the not-applicable reason of criterion %s"), step->criterion_id);
}

const char *
scs_workspace_get_undo_criterion (ScsWorkspace *self)
{
  g_return_val_if_fail (SCS_IS_WORKSPACE (self), NULL);

  return top (self->undo_stack) ? top (self->undo_stack)->criterion_id : NULL;
}

const char *
scs_workspace_get_redo_criterion (ScsWorkspace *self)
{
  g_return_val_if_fail (SCS_IS_WORKSPACE (self), NULL);

  return top (self->redo_stack) ? top (self->redo_stack)->criterion_id : NULL;
}

char *
scs_workspace_describe_undo (ScsWorkspace *self)
{
  g_return_val_if_fail (SCS_IS_WORKSPACE (self), NULL);

  return top (self->undo_stack) ? describe (self, top (self->undo_stack)) : NULL;
}

char *
scs_workspace_describe_redo (ScsWorkspace *self)
{
  g_return_val_if_fail (SCS_IS_WORKSPACE (self), NULL);

  return top (self->redo_stack) ? describe (self, top (self->redo_stack)) : NULL;
}

/* Applies @step; on success returns the step that reverses it. */
static ScsUndoStep *
apply (ScsWorkspace  *self,
       ScsUndoStep   *step,
       gboolean       undo,
       GError       **error)
{
  ScsUndoStep *inverse;

  if (step->kind == STEP_ANSWER)
    {
      ScsAnswer *answer = scs_workspace_require_answer (self, step->criterion_id, error);
      ScsAnswerState state;
      g_autofree char *note = NULL;
      g_autofree char *reason = NULL;

      if (answer == NULL)
        return NULL;
      state = scs_answer_get_state (answer);
      note = g_strdup (scs_answer_get_note (answer));
      reason = g_strdup (scs_answer_get_reason (answer));

      /* Changed elsewhere since: applying would overwrite that change. */
      if (scs_answer_get_version (answer) != step->version)
        {
          g_set_error (error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_CONFLICT,
                       _("Criterion ‘%s’ was changed elsewhere since your change, so it cannot be "
                         "undone"), step->criterion_id);
          return NULL;
        }
      if (!scs_workspace_write_answer (self, answer, step->state, step->note, step->reason, undo, error))
        return NULL;
      follow_version (self->undo_stack, answer);
      follow_version (self->redo_stack, answer);
      inverse = answer_step_new (answer, state, note, reason);
      return inverse;
    }

  if (step->kind == STEP_RELINK)
    {
      if (!scs_workspace_relink_evidence (self, step->criterion_id, step->sha256, step->name,
                                          step->mime_type, step->data, error))
        return NULL;
    }
  else
    {
      g_autoptr(GBytes) data = NULL;

      if (!scs_workspace_remove_evidence_link (self, step->sha256, step->criterion_id, &data, error))
        return NULL;
      g_clear_pointer (&step->data, g_bytes_unref);
      step->data = g_steal_pointer (&data);
    }
  inverse = g_new0 (ScsUndoStep, 1);
  inverse->kind = step->kind == STEP_RELINK ? STEP_UNLINK : STEP_RELINK;
  inverse->addition = step->addition;
  inverse->criterion_id = g_strdup (step->criterion_id);
  inverse->sha256 = g_strdup (step->sha256);
  inverse->name = g_strdup (step->name);
  inverse->mime_type = g_strdup (step->mime_type);
  inverse->data = step->data ? g_bytes_ref (step->data) : NULL;
  return inverse;
}

/* Pops the newest step of @from, applies it and pushes its inverse on @to.
 * A step refused because of someone else's change is dropped; one refused
 * otherwise (sealed, read-only, I/O) is kept to be tried again. */
static gboolean
move_step (ScsWorkspace  *self,
           GPtrArray     *from,
           GPtrArray     *to,
           gboolean       undo,
           GError       **error)
{
  gboolean could_undo = self->undo_stack->len > 0;
  gboolean could_redo = self->redo_stack->len > 0;
  GError *local_error = NULL;
  ScsUndoStep *inverse;

  if (from->len == 0)
    return FALSE;

  inverse = apply (self, top (from), undo, &local_error);
  if (inverse == NULL)
    {
      if (g_error_matches (local_error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_CONFLICT) ||
          g_error_matches (local_error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_NOT_FOUND))
        g_ptr_array_remove_index (from, from->len - 1);
      g_propagate_error (error, local_error);
      notify_after (self, could_undo, could_redo);
      return FALSE;
    }
  g_ptr_array_remove_index (from, from->len - 1);
  g_ptr_array_add (to, inverse);
  trim (to);
  notify_after (self, could_undo, could_redo);
  return TRUE;
}

/**
 * scs_workspace_undo:
 *
 * Reverses the newest change made through this object (an answer's state,
 * note or reason, an evidence addition or removal) as a new transaction, and makes
 * it available to scs_workspace_redo (). Refused with
 * %SCS_WORKSPACE_ERROR_CONFLICT (and forgotten) when the answer was changed
 * elsewhere since. Returns %FALSE with @error unset when there is nothing
 * to undo.
 */
gboolean
scs_workspace_undo (ScsWorkspace  *self,
                    GError       **error)
{
  g_return_val_if_fail (SCS_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return move_step (self, self->undo_stack, self->redo_stack, TRUE, error);
}

/**
 * scs_workspace_redo:
 *
 * Makes again the change the newest undo reversed, under the same rules.
 */
gboolean
scs_workspace_redo (ScsWorkspace  *self,
                    GError       **error)
{
  g_return_val_if_fail (SCS_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return move_step (self, self->redo_stack, self->undo_stack, FALSE, error);
}
