/* scs-gap-entry.c: one gap of the diagnosis window, as its row shows it
 *
 * The diagnosis window's gaps are a GListStore of ScsGapEntry bound to a
 * boxed list (gtk_list_box_bind_model); each entry is drawn by
 * scs-gap-row.ui, whose bindings (<lookup>) read the properties below.
 * The window updates an entry in place when the vendor's plan changes, so
 * only the bound widgets change and the open row stays open.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "scs-gap-entry.h"

#include <gtk/gtk.h>

struct _ScsGapEntry
{
  GObject   parent_instance;

  char     *key;
  gboolean  plannable;
  char     *texts[SCS_GAP_ENTRY_N_TEXTS];
  guint     choices[SCS_GAP_ENTRY_N_CHOICES];
};

G_DEFINE_FINAL_TYPE (ScsGapEntry, scs_gap_entry, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_PLANNABLE,
  PROP_HAS_NEXT_STEP,
  PROP_FIRST_TEXT,
  PROP_FIRST_CHOICE = PROP_FIRST_TEXT + SCS_GAP_ENTRY_N_TEXTS,
  N_PROPS = PROP_FIRST_CHOICE + SCS_GAP_ENTRY_N_CHOICES
};

static GParamSpec *properties[N_PROPS];

static const char * const text_names[SCS_GAP_ENTRY_N_TEXTS] = {
  "title", "subtitle", "owner", "due", "note", "next-step",
};
static const char * const choice_names[SCS_GAP_ENTRY_N_CHOICES] = {
  "support", "effort", "priority",
};

static void
scs_gap_entry_finalize (GObject *object)
{
  ScsGapEntry *self = SCS_GAP_ENTRY (object);

  g_free (self->key);
  for (guint i = 0; i < SCS_GAP_ENTRY_N_TEXTS; i++)
    g_free (self->texts[i]);
  G_OBJECT_CLASS (scs_gap_entry_parent_class)->finalize (object);
}

static void
scs_gap_entry_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  ScsGapEntry *self = SCS_GAP_ENTRY (object);

  if (prop_id == PROP_PLANNABLE)
    g_value_set_boolean (value, self->plannable);
  else if (prop_id == PROP_HAS_NEXT_STEP)
    g_value_set_boolean (value, *self->texts[SCS_GAP_ENTRY_NEXT_STEP] != '\0');
  else if (prop_id >= PROP_FIRST_TEXT && prop_id < PROP_FIRST_CHOICE)
    g_value_set_string (value, self->texts[prop_id - PROP_FIRST_TEXT]);
  else if (prop_id >= PROP_FIRST_CHOICE && prop_id < N_PROPS)
    g_value_set_uint (value, self->choices[prop_id - PROP_FIRST_CHOICE]);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
scs_gap_entry_class_init (ScsGapEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = scs_gap_entry_finalize;
  object_class->get_property = scs_gap_entry_get_property;

  properties[PROP_PLANNABLE] = g_param_spec_boolean ("plannable", NULL, NULL, FALSE, flags);
  properties[PROP_HAS_NEXT_STEP] = g_param_spec_boolean ("has-next-step", NULL, NULL, FALSE, flags);
  for (guint i = 0; i < SCS_GAP_ENTRY_N_TEXTS; i++)
    properties[PROP_FIRST_TEXT + i] = g_param_spec_string (text_names[i], NULL, NULL, "", flags);
  for (guint i = 0; i < SCS_GAP_ENTRY_N_CHOICES; i++)
    properties[PROP_FIRST_CHOICE + i] = g_param_spec_uint (choice_names[i], NULL, NULL, 0, G_MAXUINT,
                                                           GTK_INVALID_LIST_POSITION, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
scs_gap_entry_init (ScsGapEntry *self)
{
  for (guint i = 0; i < SCS_GAP_ENTRY_N_TEXTS; i++)
    self->texts[i] = g_strdup ("");
  for (guint i = 0; i < SCS_GAP_ENTRY_N_CHOICES; i++)
    self->choices[i] = GTK_INVALID_LIST_POSITION;
}

ScsGapEntry *
scs_gap_entry_new (const char *key,
                   gboolean    plannable)
{
  ScsGapEntry *self;

  g_return_val_if_fail (key != NULL, NULL);

  self = g_object_new (SCS_TYPE_GAP_ENTRY, NULL);
  self->key = g_strdup (key);
  self->plannable = plannable;
  return self;
}

const char *
scs_gap_entry_get_key (ScsGapEntry *self)
{
  g_return_val_if_fail (SCS_IS_GAP_ENTRY (self), NULL);
  return self->key;
}

const char *
scs_gap_entry_get_text (ScsGapEntry     *self,
                        ScsGapEntryText  which)
{
  g_return_val_if_fail (SCS_IS_GAP_ENTRY (self), NULL);
  g_return_val_if_fail (which < SCS_GAP_ENTRY_N_TEXTS, NULL);
  return self->texts[which];
}

guint
scs_gap_entry_get_choice (ScsGapEntry       *self,
                          ScsGapEntryChoice  which)
{
  g_return_val_if_fail (SCS_IS_GAP_ENTRY (self), GTK_INVALID_LIST_POSITION);
  g_return_val_if_fail (which < SCS_GAP_ENTRY_N_CHOICES, GTK_INVALID_LIST_POSITION);
  return self->choices[which];
}

void
scs_gap_entry_set_text (ScsGapEntry     *self,
                        ScsGapEntryText  which,
                        const char      *text)
{
  gboolean had_next_step;

  g_return_if_fail (SCS_IS_GAP_ENTRY (self));
  g_return_if_fail (which < SCS_GAP_ENTRY_N_TEXTS);

  if (text == NULL)
    text = "";
  if (g_str_equal (self->texts[which], text))
    return;
  had_next_step = *self->texts[SCS_GAP_ENTRY_NEXT_STEP] != '\0';
  g_free (self->texts[which]);
  self->texts[which] = g_strdup (text);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIRST_TEXT + which]);
  if (which == SCS_GAP_ENTRY_NEXT_STEP && had_next_step != (*text != '\0'))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_NEXT_STEP]);
}

void
scs_gap_entry_set_choice (ScsGapEntry       *self,
                          ScsGapEntryChoice  which,
                          guint              index)
{
  g_return_if_fail (SCS_IS_GAP_ENTRY (self));
  g_return_if_fail (which < SCS_GAP_ENTRY_N_CHOICES);

  if (self->choices[which] == index)
    return;
  self->choices[which] = index;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIRST_CHOICE + which]);
}
