/* scs-scope-item.c: one row of the scope inventory as a GObject, and the
 * names of the kinds, statuses, units, review marks and fields
 *
 * The scope keeps one ScsScopeItem per inventory row in its list models so
 * the GUI can bind table cells to them. Items are snapshots of the stored row:
 * only ScsScope changes them (after a committed edit), and every change bumps
 * the "revision" property so views refresh. The string tables here are the
 * stable names used by the database, the CLI and scope.xml, with their
 * translatable labels next to them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "scs-scope-private.h"
#include "scs-text.h"

struct _ScsScopeItem
{
  GObject         parent_instance;

  gint64          id;
  ScsScopeKind    kind;
  char           *values[SCS_SCOPE_N_FIELDS];
  ScsScopeStatus  status;
  char           *reason;
  char           *separation;
  gboolean        connected;
  GStrv           criteria;
  ScsScopeReview  review;
  char           *review_comment;
  char           *reviewer;
  guint           revision;
};

G_DEFINE_TYPE (ScsScopeItem, scs_scope_item, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_NAME,
  PROP_STATUS,
  PROP_REVISION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const kind_names[SCS_SCOPE_N_KINDS] = {
  "network", "server", "endpoint", "boundary", "internet", "cloud", "connection",
};

static const char * const kind_labels[SCS_SCOPE_N_KINDS] = {
  N_("Networks and zones"),
  N_("Servers"),
  N_("Endpoints"),
  N_("Boundary devices"),
  N_("Internet-facing systems"),
  N_("Cloud and external services"),
  N_("Connections to other organisations"),
};

static const char * const status_names[] = { "in", "excluded", "exception" };
static const char * const status_labels[] = {
  N_("In scope"), N_("Excluded"), N_("Exception"),
};

static const char * const unit_names[] = {
  "none", "company", "group-domestic", "group-overseas", "division",
};
static const char * const unit_labels[] = {
  N_("Not chosen"),
  N_("Company"),
  N_("Group (domestic)"),
  N_("Group (including overseas)"),
  N_("Division or site"),
};

static const char * const review_names[] = { "none", "accepted", "questioned" };

/* Order = ScsScopeFieldId. */
static const ScsScopeField fields[SCS_SCOPE_N_FIELDS] = {
  { "name", N_("Name") },
  { "type", N_("Type") },
  { "zone", N_("Network / zone") },
  { "os-model", N_("OS / model") },
  { "count", N_("Count") },
  { "vendor", N_("Vendor") },
  { "model", N_("Model") },
  { "firmware", N_("Firmware") },
  { "administrator", N_("Administrator") },
  { "address", N_("Address / URL") },
  { "location", N_("Location") },
  { "purpose", N_("Purpose") },
  { "provider", N_("Provider") },
  { "data", N_("Data held") },
  { "responsibility", N_("Shared-responsibility split") },
  { "check-method", N_("Provider check") },
  { "evidence", N_("Check evidence (SHA-256)") },
  { "peer", N_("Other organisation") },
  { "vuln-test", N_("Last vulnerability test") },
  { "vuln-evidence", N_("Test evidence (SHA-256)") },
};

static const char * const network_fields[] = { "name", "location", "purpose", NULL };
static const char * const server_fields[] = { "name", "type", "zone", "os-model", "administrator", NULL };
static const char * const endpoint_fields[] = { "name", "type", "os-model", "count", "zone", NULL };
static const char * const boundary_fields[] = {
  "name", "type", "vendor", "model", "firmware", "administrator", "zone",
  "vuln-test", "vuln-evidence", NULL
};
static const char * const internet_fields[] = {
  "name", "type", "address", "zone", "vuln-test", "vuln-evidence", NULL
};
static const char * const cloud_fields[] = {
  "name", "provider", "data", "responsibility", "check-method", "evidence", NULL
};
static const char * const connection_fields[] = { "name", "peer", "purpose", "zone", NULL };

static const char * const * const kind_fields[SCS_SCOPE_N_KINDS] = {
  network_fields, server_fields, endpoint_fields, boundary_fields,
  internet_fields, cloud_fields, connection_fields,
};

const char *
scs_scope_kind_to_string (ScsScopeKind kind)
{
  g_return_val_if_fail (kind < SCS_SCOPE_N_KINDS, NULL);
  return kind_names[kind];
}

gboolean
scs_scope_kind_from_string (const char   *text,
                            ScsScopeKind *kind)
{
  guint i;

  if (!scs_text_find_in_array (kind_names, text, &i))
    return FALSE;
  *kind = (ScsScopeKind) i;
  return TRUE;
}

const char *
scs_scope_kind_label (ScsScopeKind kind)
{
  g_return_val_if_fail (kind < SCS_SCOPE_N_KINDS, NULL);
  return _(kind_labels[kind]);
}

const char *
scs_scope_status_to_string (ScsScopeStatus status)
{
  g_return_val_if_fail (status < G_N_ELEMENTS (status_names), NULL);
  return status_names[status];
}

gboolean
scs_scope_status_from_string (const char     *text,
                              ScsScopeStatus *status)
{
  guint i;

  if (!scs_text_find_in_array (status_names, text, &i))
    return FALSE;
  *status = (ScsScopeStatus) i;
  return TRUE;
}

const char *
scs_scope_status_label (ScsScopeStatus status)
{
  g_return_val_if_fail (status < G_N_ELEMENTS (status_labels), NULL);
  return _(status_labels[status]);
}

const char *
scs_scope_unit_to_string (ScsScopeUnitKind unit)
{
  g_return_val_if_fail (unit < G_N_ELEMENTS (unit_names), NULL);
  return unit_names[unit];
}

gboolean
scs_scope_unit_from_string (const char       *text,
                            ScsScopeUnitKind *unit)
{
  guint i;

  if (!scs_text_find_in_array (unit_names, text, &i))
    return FALSE;
  *unit = (ScsScopeUnitKind) i;
  return TRUE;
}

const char *
scs_scope_unit_label (ScsScopeUnitKind unit)
{
  g_return_val_if_fail (unit < G_N_ELEMENTS (unit_labels), NULL);
  return _(unit_labels[unit]);
}

const char *
scs_scope_review_to_string (ScsScopeReview review)
{
  g_return_val_if_fail (review < G_N_ELEMENTS (review_names), NULL);
  return review_names[review];
}

gboolean
scs_scope_review_from_string (const char     *text,
                              ScsScopeReview *review)
{
  guint i;

  if (!scs_text_find_in_array (review_names, text, &i))
    return FALSE;
  *review = (ScsScopeReview) i;
  return TRUE;
}

const ScsScopeField *
scs_scope_fields (guint *n_fields)
{
  if (n_fields != NULL)
    *n_fields = G_N_ELEMENTS (fields);
  return fields;
}

int
scs_scope_field_index (const char *name)
{
  if (name == NULL)
    return -1;
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_str_equal (fields[i].name, name))
      return (int) i;
  return -1;
}

const ScsScopeField *
scs_scope_field_lookup (const char *name)
{
  int i = scs_scope_field_index (name);

  return i < 0 ? NULL : &fields[i];
}

const char * const *
scs_scope_kind_fields (ScsScopeKind kind)
{
  g_return_val_if_fail (kind < SCS_SCOPE_N_KINDS, NULL);
  return kind_fields[kind];
}

gboolean
scs_scope_field_applies (ScsScopeKind  kind,
                         const char   *field)
{
  g_return_val_if_fail (kind < SCS_SCOPE_N_KINDS, FALSE);
  return field != NULL && g_strv_contains (kind_fields[kind], field);
}

/* ------------------------------------------------------------------------ */

static void
scs_scope_item_finalize (GObject *object)
{
  ScsScopeItem *self = SCS_SCOPE_ITEM (object);

  for (guint i = 0; i < SCS_SCOPE_N_FIELDS; i++)
    g_free (self->values[i]);
  g_free (self->reason);
  g_free (self->separation);
  g_strfreev (self->criteria);
  g_free (self->review_comment);
  g_free (self->reviewer);

  G_OBJECT_CLASS (scs_scope_item_parent_class)->finalize (object);
}

static void
scs_scope_item_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  ScsScopeItem *self = SCS_SCOPE_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_KIND:
      g_value_set_string (value, kind_names[self->kind]);
      break;
    case PROP_NAME:
      g_value_set_string (value, scs_scope_item_get_name (self));
      break;
    case PROP_STATUS:
      g_value_set_string (value, status_names[self->status]);
      break;
    case PROP_REVISION:
      g_value_set_uint (value, self->revision);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scs_scope_item_class_init (ScsScopeItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = scs_scope_item_finalize;
  object_class->get_property = scs_scope_item_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_REVISION] =
    g_param_spec_uint ("revision", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
scs_scope_item_init (ScsScopeItem *self)
{
  for (guint i = 0; i < SCS_SCOPE_N_FIELDS; i++)
    self->values[i] = g_strdup ("");
  self->reason = g_strdup ("");
  self->separation = g_strdup ("");
  self->criteria = g_new0 (char *, 1);
  self->review_comment = g_strdup ("");
  self->reviewer = g_strdup ("");
}

ScsScopeItem *
scs_scope_item_new (gint64       id,
                    ScsScopeKind kind)
{
  ScsScopeItem *self = g_object_new (SCS_TYPE_SCOPE_ITEM, NULL);

  self->id = id;
  self->kind = kind;
  return self;
}

static gboolean
replace (char       **slot,
         const char  *value)
{
  if (g_strcmp0 (*slot, value ? value : "") == 0)
    return FALSE;
  g_free (*slot);
  *slot = g_strdup (value ? value : "");
  return TRUE;
}

void
scs_scope_item_update (ScsScopeItem   *self,
                       char          **values,
                       ScsScopeStatus  status,
                       const char     *reason,
                       const char     *separation,
                       gboolean        connected,
                       GStrv           criteria,
                       ScsScopeReview  review,
                       const char     *review_comment,
                       const char     *reviewer)
{
  gboolean name_changed, status_changed;

  g_return_if_fail (SCS_IS_SCOPE_ITEM (self));

  name_changed = g_strcmp0 (self->values[SCS_SCOPE_FIELD_NAME], values[SCS_SCOPE_FIELD_NAME]) != 0;
  for (guint i = 0; i < SCS_SCOPE_N_FIELDS; i++)
    {
      g_free (self->values[i]);
      self->values[i] = values[i] ? values[i] : g_strdup ("");
    }
  status_changed = self->status != status;
  self->status = status;
  replace (&self->reason, reason);
  replace (&self->separation, separation);
  self->connected = connected;
  g_strfreev (self->criteria);
  self->criteria = criteria ? criteria : g_new0 (char *, 1);
  self->review = review;
  replace (&self->review_comment, review_comment);
  replace (&self->reviewer, reviewer);
  self->revision++;

  if (name_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
  if (status_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVISION]);
}

gint64
scs_scope_item_get_id (ScsScopeItem *self)
{
  g_return_val_if_fail (SCS_IS_SCOPE_ITEM (self), 0);
  return self->id;
}

ScsScopeKind
scs_scope_item_get_kind (ScsScopeItem *self)
{
  g_return_val_if_fail (SCS_IS_SCOPE_ITEM (self), 0);
  return self->kind;
}

ScsScopeStatus
scs_scope_item_get_status (ScsScopeItem *self)
{
  g_return_val_if_fail (SCS_IS_SCOPE_ITEM (self), 0);
  return self->status;
}

const char *
scs_scope_item_get_value (ScsScopeItem    *self,
                          ScsScopeFieldId  field)
{
  g_return_val_if_fail (SCS_IS_SCOPE_ITEM (self), "");
  g_return_val_if_fail (field < SCS_SCOPE_N_FIELDS, "");
  return self->values[field];
}

const char *
scs_scope_item_get_field (ScsScopeItem *self,
                          const char   *field)
{
  int i = scs_scope_field_index (field);

  g_return_val_if_fail (SCS_IS_SCOPE_ITEM (self), "");
  g_return_val_if_fail (i >= 0, "");
  return self->values[i];
}

const char *
scs_scope_item_get_name (ScsScopeItem *self)
{
  return scs_scope_item_get_value (self, SCS_SCOPE_FIELD_NAME);
}

const char *
scs_scope_item_get_reason (ScsScopeItem *self)
{
  g_return_val_if_fail (SCS_IS_SCOPE_ITEM (self), "");
  return self->reason;
}

const char *
scs_scope_item_get_separation (ScsScopeItem *self)
{
  g_return_val_if_fail (SCS_IS_SCOPE_ITEM (self), "");
  return self->separation;
}

gboolean
scs_scope_item_get_connected (ScsScopeItem *self)
{
  g_return_val_if_fail (SCS_IS_SCOPE_ITEM (self), FALSE);
  return self->connected;
}

const char * const *
scs_scope_item_get_criteria (ScsScopeItem *self)
{
  g_return_val_if_fail (SCS_IS_SCOPE_ITEM (self), NULL);
  return (const char * const *) self->criteria;
}

ScsScopeReview
scs_scope_item_get_review (ScsScopeItem *self)
{
  g_return_val_if_fail (SCS_IS_SCOPE_ITEM (self), 0);
  return self->review;
}

const char *
scs_scope_item_get_review_comment (ScsScopeItem *self)
{
  g_return_val_if_fail (SCS_IS_SCOPE_ITEM (self), "");
  return self->review_comment;
}

const char *
scs_scope_item_get_reviewer (ScsScopeItem *self)
{
  g_return_val_if_fail (SCS_IS_SCOPE_ITEM (self), "");
  return self->reviewer;
}

guint
scs_scope_item_get_count (ScsScopeItem *self)
{
  const char *count;

  g_return_val_if_fail (SCS_IS_SCOPE_ITEM (self), 0);
  if (self->kind != SCS_SCOPE_KIND_ENDPOINT)
    return 1;
  count = self->values[SCS_SCOPE_FIELD_COUNT];
  return *count == '\0' ? 1 : (guint) g_ascii_strtoull (count, NULL, 10);
}

gboolean
scs_scope_item_is_tv_target (ScsScopeItem *item)
{
  const char *type = item->values[SCS_SCOPE_FIELD_TYPE];

  if (item->status != SCS_SCOPE_STATUS_IN)
    return FALSE;
  if (item->kind == SCS_SCOPE_KIND_BOUNDARY)
    return g_str_equal (type, "firewall") || g_str_equal (type, "router") || g_str_equal (type, "vpn-gateway");
  if (item->kind == SCS_SCOPE_KIND_INTERNET)
    return g_str_equal (type, "web") || g_str_equal (type, "vpn") || g_str_equal (type, "remote-access");
  return FALSE;
}
