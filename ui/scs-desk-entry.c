/* scs-desk-entry.c: one criterion of the review desk, as its row shows it
 *
 * The review desk lists the criteria up to the target level that its
 * filter lets through, each with the SME's answer and the expert's
 * verdict. A verdict is not a property of an answer, so the page makes an
 * entry per criterion shown at each refresh and splices the ones that
 * changed into the store bound to the list (scs_list_store_update); each
 * entry is drawn by scs-desk-row.ui, whose lookups read the properties.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "scs-desk-entry.h"

struct _ScsDeskEntry
{
  GObject  parent_instance;

  char    *criterion_id;
  char    *title;
  char    *subtitle;
};

G_DEFINE_FINAL_TYPE (ScsDeskEntry, scs_desk_entry, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_CRITERION_ID,
  PROP_TITLE,
  PROP_SUBTITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
scs_desk_entry_finalize (GObject *object)
{
  ScsDeskEntry *self = SCS_DESK_ENTRY (object);

  g_free (self->criterion_id);
  g_free (self->title);
  g_free (self->subtitle);
  G_OBJECT_CLASS (scs_desk_entry_parent_class)->finalize (object);
}

static void
scs_desk_entry_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  ScsDeskEntry *self = SCS_DESK_ENTRY (object);

  switch (prop_id)
    {
    case PROP_CRITERION_ID:
      g_value_set_string (value, self->criterion_id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_SUBTITLE:
      g_value_set_string (value, self->subtitle);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scs_desk_entry_class_init (ScsDeskEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = scs_desk_entry_finalize;
  object_class->get_property = scs_desk_entry_get_property;
  properties[PROP_CRITERION_ID] = g_param_spec_string ("criterion-id", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_SUBTITLE] = g_param_spec_string ("subtitle", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
scs_desk_entry_init (ScsDeskEntry *self)
{
}

ScsDeskEntry *
scs_desk_entry_new (const char *criterion_id,
                    const char *title,
                    const char *subtitle)
{
  ScsDeskEntry *self;

  g_return_val_if_fail (criterion_id != NULL, NULL);
  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (subtitle != NULL, NULL);

  self = g_object_new (SCS_TYPE_DESK_ENTRY, NULL);
  self->criterion_id = g_strdup (criterion_id);
  self->title = g_strdup (title);
  self->subtitle = g_strdup (subtitle);
  return self;
}

const char *
scs_desk_entry_get_criterion_id (ScsDeskEntry *self)
{
  g_return_val_if_fail (SCS_IS_DESK_ENTRY (self), NULL);
  return self->criterion_id;
}

gboolean
scs_desk_entry_equal (gconstpointer a,
                      gconstpointer b)
{
  const ScsDeskEntry *x = a;
  const ScsDeskEntry *y = b;

  return g_str_equal (x->criterion_id, y->criterion_id) && g_str_equal (x->title, y->title) &&
         g_str_equal (x->subtitle, y->subtitle);
}
