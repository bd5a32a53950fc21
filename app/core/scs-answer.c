/* scs-answer.c: one criterion's answer, as a GObject the views bind to
 *
 * An ScsAnswer mirrors one row of the workspace's answer table (state, note,
 * not-applicable reason, who and when, number of linked evidence files) for
 * one criterion of the catalog. Only ScsWorkspace writes to it, and only
 * after the transaction that changed the file has committed, so what a view
 * shows is always what is on disk. All properties are read-only to views and
 * use G_PARAM_EXPLICIT_NOTIFY: scs_answer_update() compares every field and
 * emits ::notify only for those that really changed, so a list row bound to
 * a property does not redraw when an unrelated field is edited.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "scs-answer.h"

#include <glib/gi18n-lib.h>

#include "scs-text.h"

struct _ScsAnswer
{
  GObject             parent_instance;

  /* Owned by the catalog, which the owning workspace keeps alive. */
  const ScsCriterion *criterion;
  char               *criterion_id;

  ScsAnswerState      state;
  char               *note;
  char               *reason;
  char               *author;
  char               *updated;
  guint               n_evidence;
  gint64              version;   /* the row's version in the file */
};

G_DEFINE_FINAL_TYPE (ScsAnswer, scs_answer, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CRITERION_ID,
  PROP_STATE,
  PROP_NOTE,
  PROP_REASON,
  PROP_AUTHOR,
  PROP_UPDATED,
  PROP_N_EVIDENCE,
  PROP_SATISFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const state_names[SCS_N_ANSWER_STATES] = {
  "unanswered", "met", "not-met", "na",
};

static const char * const state_labels[SCS_N_ANSWER_STATES] = {
  /* Translators: state of a criterion nobody has answered yet */
  N_("Unanswered"),
  /* Translators: the company meets the criterion */
  N_("Met"),
  /* Translators: the company does not (yet) meet the criterion */
  N_("Not met"),
  /* Translators: the criterion does not apply to the company (needs a reason) */
  N_("Not applicable"),
};

GType
scs_answer_state_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    {
      static const GEnumValue values[] = {
        { SCS_ANSWER_UNANSWERED, "SCS_ANSWER_UNANSWERED", "unanswered" },
        { SCS_ANSWER_MET, "SCS_ANSWER_MET", "met" },
        { SCS_ANSWER_NOT_MET, "SCS_ANSWER_NOT_MET", "not-met" },
        { SCS_ANSWER_NOT_APPLICABLE, "SCS_ANSWER_NOT_APPLICABLE", "na" },
        { 0, NULL, NULL },
      };
      GType id = g_enum_register_static (g_intern_static_string ("ScsAnswerState"), values);

      g_once_init_leave (&type_id, id);
    }

  return type_id;
}

/**
 * scs_answer_state_to_string:
 * @state: an #ScsAnswerState
 *
 * Returns: the stable name used in files and on the command line
 * ("unanswered", "met", "not-met", "na").
 */
const char *
scs_answer_state_to_string (ScsAnswerState state)
{
  g_return_val_if_fail ((guint) state < SCS_N_ANSWER_STATES, NULL);

  return state_names[state];
}

/**
 * scs_answer_state_from_string:
 * @text: a stable state name
 * @state: (out): where to store the state
 *
 * Returns: %TRUE when @text is one of the four stable names.
 */
gboolean
scs_answer_state_from_string (const char     *text,
                              ScsAnswerState *state)
{
  guint i;

  g_return_val_if_fail (state != NULL, FALSE);

  if (!scs_text_find_in_array (state_names, text, &i))
    return FALSE;
  *state = (ScsAnswerState) i;
  return TRUE;
}

/**
 * scs_answer_state_get_label:
 * @state: an #ScsAnswerState
 *
 * Returns: the translated label for display.
 */
const char *
scs_answer_state_get_label (ScsAnswerState state)
{
  g_return_val_if_fail ((guint) state < SCS_N_ANSWER_STATES, NULL);

  return _(state_labels[state]);
}

static void
scs_answer_finalize (GObject *object)
{
  ScsAnswer *self = SCS_ANSWER (object);

  g_clear_pointer (&self->criterion_id, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->reason, g_free);
  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->updated, g_free);

  G_OBJECT_CLASS (scs_answer_parent_class)->finalize (object);
}

static void
scs_answer_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  ScsAnswer *self = SCS_ANSWER (object);

  switch (prop_id)
    {
    case PROP_CRITERION_ID:
      g_value_set_string (value, self->criterion_id);
      break;

    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;

    case PROP_REASON:
      g_value_set_string (value, self->reason);
      break;

    case PROP_AUTHOR:
      g_value_set_string (value, self->author);
      break;

    case PROP_UPDATED:
      g_value_set_string (value, self->updated);
      break;

    case PROP_N_EVIDENCE:
      g_value_set_uint (value, self->n_evidence);
      break;

    case PROP_SATISFIED:
      g_value_set_boolean (value, scs_answer_is_satisfied (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scs_answer_class_init (ScsAnswerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = scs_answer_finalize;
  object_class->get_property = scs_answer_get_property;

  properties[PROP_CRITERION_ID] =
    g_param_spec_string ("criterion-id", NULL, NULL, NULL, flags);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       SCS_TYPE_ANSWER_STATE, SCS_ANSWER_UNANSWERED, flags);
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, "", flags);
  properties[PROP_REASON] =
    g_param_spec_string ("reason", NULL, NULL, "", flags);
  properties[PROP_AUTHOR] =
    g_param_spec_string ("author", NULL, NULL, NULL, flags);
  properties[PROP_UPDATED] =
    g_param_spec_string ("updated", NULL, NULL, NULL, flags);
  properties[PROP_N_EVIDENCE] =
    g_param_spec_uint ("n-evidence", NULL, NULL, 0, G_MAXUINT, 0, flags);
  /* Met, or not applicable with a reason: what readiness counts. */
  properties[PROP_SATISFIED] =
    g_param_spec_boolean ("satisfied", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
scs_answer_init (ScsAnswer *self)
{
  self->state = SCS_ANSWER_UNANSWERED;
  self->note = g_strdup ("");
  self->reason = g_strdup ("");
}

/**
 * scs_answer_new:
 * @criterion: the criterion this answer is for; must outlive the answer
 *
 * Returns: (transfer full): an unanswered answer with empty note and reason.
 */
ScsAnswer *
scs_answer_new (const ScsCriterion *criterion)
{
  ScsAnswer *self;

  g_return_val_if_fail (criterion != NULL, NULL);
  g_return_val_if_fail (criterion->id != NULL, NULL);

  self = g_object_new (SCS_TYPE_ANSWER, NULL);
  self->criterion = criterion;
  self->criterion_id = g_strdup (criterion->id);

  return self;
}

const ScsCriterion *
scs_answer_get_criterion (ScsAnswer *self)
{
  g_return_val_if_fail (SCS_IS_ANSWER (self), NULL);

  return self->criterion;
}

const char *
scs_answer_get_criterion_id (ScsAnswer *self)
{
  g_return_val_if_fail (SCS_IS_ANSWER (self), NULL);

  return self->criterion_id;
}

ScsAnswerState
scs_answer_get_state (ScsAnswer *self)
{
  g_return_val_if_fail (SCS_IS_ANSWER (self), SCS_ANSWER_UNANSWERED);

  return self->state;
}

/**
 * scs_answer_get_note:
 *
 * Returns: the note, "" when there is none (never %NULL).
 */
const char *
scs_answer_get_note (ScsAnswer *self)
{
  g_return_val_if_fail (SCS_IS_ANSWER (self), NULL);

  return self->note;
}

/**
 * scs_answer_get_reason:
 *
 * Returns: the not-applicable reason, "" when there is none (never %NULL).
 */
const char *
scs_answer_get_reason (ScsAnswer *self)
{
  g_return_val_if_fail (SCS_IS_ANSWER (self), NULL);

  return self->reason;
}

/**
 * scs_answer_get_author:
 *
 * Returns: (nullable): who last changed the answer, %NULL if never answered.
 */
const char *
scs_answer_get_author (ScsAnswer *self)
{
  g_return_val_if_fail (SCS_IS_ANSWER (self), NULL);

  return self->author;
}

/**
 * scs_answer_get_updated:
 *
 * Returns: (nullable): when the answer last changed (ISO 8601 UTC), %NULL if
 * never answered.
 */
const char *
scs_answer_get_updated (ScsAnswer *self)
{
  g_return_val_if_fail (SCS_IS_ANSWER (self), NULL);

  return self->updated;
}

guint
scs_answer_get_n_evidence (ScsAnswer *self)
{
  g_return_val_if_fail (SCS_IS_ANSWER (self), 0);

  return self->n_evidence;
}

/**
 * scs_answer_is_satisfied:
 *
 * Returns: %TRUE for met, or not applicable with a non-blank reason.
 */
gboolean
scs_answer_is_satisfied (ScsAnswer *self)
{
  g_return_val_if_fail (SCS_IS_ANSWER (self), FALSE);

  return self->state == SCS_ANSWER_MET ||
         (self->state == SCS_ANSWER_NOT_APPLICABLE && !scs_text_is_blank (self->reason));
}

static gboolean
replace_string (char       **field,
                const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

/**
 * scs_answer_update:
 * @note: (nullable): %NULL is stored as ""
 * @reason: (nullable): %NULL is stored as ""
 * @author: (nullable): who made the change
 * @updated: (nullable): when (ISO 8601 UTC)
 *
 * For ScsWorkspace only, after the change is committed to the file. Emits
 * ::notify for each property whose value changed, and for none otherwise.
 */
void
scs_answer_update (ScsAnswer      *self,
                   ScsAnswerState  state,
                   const char     *note,
                   const char     *reason,
                   const char     *author,
                   const char     *updated)
{
  gboolean was_satisfied;

  g_return_if_fail (SCS_IS_ANSWER (self));
  g_return_if_fail ((guint) state < SCS_N_ANSWER_STATES);

  was_satisfied = scs_answer_is_satisfied (self);

  g_object_freeze_notify (G_OBJECT (self));

  if (self->state != state)
    {
      self->state = state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
    }

  if (replace_string (&self->note, note ? note : ""))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);

  if (replace_string (&self->reason, reason ? reason : ""))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REASON]);

  if (replace_string (&self->author, author))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTHOR]);

  if (replace_string (&self->updated, updated))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED]);

  if (was_satisfied != scs_answer_is_satisfied (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SATISFIED]);

  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * scs_answer_set_n_evidence:
 *
 * For ScsWorkspace only: the number of evidence files linked to the criterion.
 */
void
scs_answer_set_n_evidence (ScsAnswer *self,
                           guint      n_evidence)
{
  g_return_if_fail (SCS_IS_ANSWER (self));

  if (self->n_evidence == n_evidence)
    return;

  self->n_evidence = n_evidence;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_EVIDENCE]);
}

/**
 * scs_answer_get_version:
 *
 * Returns: the answer row's version in the file: it grows with every
 * change, whoever makes it. Pass it to scs_workspace_set_answer_if() to
 * change the answer only if it is still the one the user saw.
 */
gint64
scs_answer_get_version (ScsAnswer *self)
{
  g_return_val_if_fail (SCS_IS_ANSWER (self), 0);

  return self->version;
}

void
scs_answer_set_version (ScsAnswer *self,
                        gint64     version)
{
  g_return_if_fail (SCS_IS_ANSWER (self));

  self->version = version;
}
