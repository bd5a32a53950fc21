/* scs-scope.c: the scope description (適用範囲) kept in the workspace
 *
 * A ★4 applicant declares its scope — the unit (company, group, division or
 * site), the inventory inside it, and what is left out and why — and the
 * evaluation body samples from it; ★3 records it too. This file owns the
 * scope's tables (an ScsSchemaModule of the workspace), loads them into one
 * ScsScope per workspace with a list model per inventory kind, and performs
 * every edit as one transaction with its audit rows: a refused edit (unknown
 * field, blank name, evidence that is not in the workspace …) changes
 * nothing. After each committed edit the affected item is re-read from the
 * file and "changed" is emitted, so views and rule checks follow.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "scs-date.h"
#include "scs-db.h"
#include "scs-scope-private.h"
#include "scs-workspace-private.h"
#include "scs-text.h"

G_DEFINE_QUARK (scs-scope-error-quark, scs_scope_error)

/* Version 1. The CHECKs repeat what the C code refuses; rules that the user
 * may break for a while (an exception still without its reason) are rule
 * checks, not constraints, so the findings can show them. */
static const char scope_v1[] =
  "CREATE TABLE scope_unit (\n"
  "  id          INTEGER PRIMARY KEY CHECK (id = 1),\n"
  "  unit        TEXT NOT NULL CHECK (unit IN ('none', 'company', 'group-domestic',\n"
  "                                            'group-overseas', 'division')),\n"
  "  description TEXT NOT NULL DEFAULT '',\n"
  "  entities    TEXT NOT NULL DEFAULT '',\n"
  "  updated     TEXT NOT NULL,\n"
  "  author      TEXT NOT NULL\n"
  ") STRICT;\n"
  "CREATE TABLE scope_item (\n"
  "  id             INTEGER PRIMARY KEY,\n"
  "  kind           TEXT NOT NULL CHECK (kind IN ('network', 'server', 'endpoint', 'boundary',\n"
  "                                               'internet', 'cloud', 'connection')),\n"
  "  name           TEXT NOT NULL CHECK (trim (name, char (32, 9, 10, 13, 12288)) <> ''),\n"
  "  type           TEXT NOT NULL DEFAULT '',\n"
  "  zone           TEXT NOT NULL DEFAULT '',\n"
  "  os_model       TEXT NOT NULL DEFAULT '',\n"
  "  count          INTEGER CHECK (count IS NULL OR count >= 0),\n"
  "  vendor         TEXT NOT NULL DEFAULT '',\n"
  "  model          TEXT NOT NULL DEFAULT '',\n"
  "  firmware       TEXT NOT NULL DEFAULT '',\n"
  "  administrator  TEXT NOT NULL DEFAULT '',\n"
  "  address        TEXT NOT NULL DEFAULT '',\n"
  "  location       TEXT NOT NULL DEFAULT '',\n"
  "  purpose        TEXT NOT NULL DEFAULT '',\n"
  "  provider       TEXT NOT NULL DEFAULT '',\n"
  "  data           TEXT NOT NULL DEFAULT '',\n"
  "  responsibility TEXT NOT NULL DEFAULT '',\n"
  "  check_method   TEXT NOT NULL DEFAULT ''\n"
  "                 CHECK (check_method IN ('', 'ismap', 'soc2', 'contract', 'other')),\n"
  "  evidence       TEXT REFERENCES evidence (sha256),\n"
  "  peer           TEXT NOT NULL DEFAULT '',\n"
  "  vuln_test      TEXT NOT NULL DEFAULT ''\n"
  "                 CHECK (vuln_test = '' OR vuln_test GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),\n"
  "  vuln_evidence  TEXT REFERENCES evidence (sha256),\n"
  "  status         TEXT NOT NULL DEFAULT 'in' CHECK (status IN ('in', 'excluded', 'exception')),\n"
  "  reason         TEXT NOT NULL DEFAULT '',\n"
  "  separation     TEXT NOT NULL DEFAULT '',\n"
  "  connected      INTEGER NOT NULL DEFAULT 0 CHECK (connected IN (0, 1)),\n"
  "  review         TEXT NOT NULL DEFAULT 'none' CHECK (review IN ('none', 'accepted', 'questioned')),\n"
  "  review_comment TEXT NOT NULL DEFAULT '',\n"
  "  reviewer       TEXT NOT NULL DEFAULT '',\n"
  "  updated        TEXT NOT NULL,\n"
  "  author         TEXT NOT NULL,\n"
  "  CHECK (status <> 'in' OR (review = 'none' AND connected = 0)),\n"
  "  CHECK (review <> 'questioned' OR trim (review_comment, char (32, 9, 10, 13, 12288)) <> '')\n"
  ") STRICT;\n"
  "CREATE TABLE scope_item_criterion (\n"
  "  item         INTEGER NOT NULL REFERENCES scope_item (id) ON DELETE CASCADE,\n"
  "  criterion_id TEXT NOT NULL,\n"
  "  PRIMARY KEY (item, criterion_id)\n"
  ") STRICT;\n";

static const char * const scope_steps[] = { scope_v1 };

const ScsSchemaModule scs_scope_schema = {
  "scope", scope_steps, G_N_ELEMENTS (scope_steps),
};

/* Allowed values of "type" per kind and of "check-method" ("" is always
 * allowed: not yet said), stored as these codes, shown by their labels. */
static const ScsScopeChoice server_types[] = {
  { "on-premises", N_("On-premises server") }, { "virtual", N_("Virtual server") },
  { "hypervisor", N_("Virtualisation host") }, { NULL, NULL },
};
static const ScsScopeChoice endpoint_types[] = {
  { "pc", N_("PC") }, { "thin-client", N_("Thin client") },
  { "smart-device", N_("Smartphone / tablet") }, { "other", N_("Other device") }, { NULL, NULL },
};
static const ScsScopeChoice boundary_types[] = {
  { "firewall", N_("Firewall / UTM") }, { "router", N_("Router") },
  { "vpn-gateway", N_("VPN gateway") }, { "other", N_("Other device") }, { NULL, NULL },
};
static const ScsScopeChoice internet_types[] = {
  { "web", N_("Web server") }, { "mail", N_("Mail server") }, { "vpn", N_("VPN") },
  { "remote-access", N_("Remote access") }, { "other", N_("Other service") }, { NULL, NULL },
};
static const ScsScopeChoice check_methods[] = {
  { "ismap", N_("ISMAP registration") }, { "soc2", N_("SOC 2 report") },
  { "contract", N_("Contract terms") }, { "other", N_("Other check") }, { NULL, NULL },
};

/**
 * scs_scope_field_choices:
 *
 * Returns: (nullable): the values @field of @kind allows, ending with a
 * NULL code; NULL when the field is free text.
 */
const ScsScopeChoice *
scs_scope_field_choices (ScsScopeKind  kind,
                         const char   *field)
{
  static const ScsScopeChoice * const types[SCS_SCOPE_N_KINDS] = {
    NULL, server_types, endpoint_types, boundary_types, internet_types, NULL, NULL,
  };

  g_return_val_if_fail (field != NULL, NULL);
  if (kind >= SCS_SCOPE_N_KINDS || !scs_scope_field_applies (kind, field))
    return NULL;
  if (g_str_equal (field, "type"))
    return types[kind];
  if (g_str_equal (field, "check-method"))
    return check_methods;
  return NULL;
}

/* The label of @value when @field of @kind is a choice, translated; else
 * @value itself (free text, or a value an older file kept). */
const char *
scs_scope_field_value_label (ScsScopeKind  kind,
                             const char   *field,
                             const char   *value)
{
  const ScsScopeChoice *choices = scs_scope_field_choices (kind, field);

  g_return_val_if_fail (value != NULL, "");
  for (guint i = 0; choices != NULL && choices[i].code != NULL; i++)
    if (g_str_equal (choices[i].code, value))
      return _(choices[i].label);
  return value;
}

struct _ScsScope
{
  GObject           parent_instance;

  ScsWorkspace     *workspace;   /* not owned: the workspace owns us */
  GListStore       *all;
  GListStore       *by_kind[SCS_SCOPE_N_KINDS];
  ScsScopeUnitKind  unit;
  char             *description;
  char             *entities;
  gboolean          unit_stored;
};

G_DEFINE_TYPE (ScsScope, scs_scope, G_TYPE_OBJECT)

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define SCOPE_DATA_KEY "scs-scope"

static void
scs_scope_finalize (GObject *object)
{
  ScsScope *self = SCS_SCOPE (object);

  g_clear_object (&self->all);
  for (guint i = 0; i < SCS_SCOPE_N_KINDS; i++)
    g_clear_object (&self->by_kind[i]);
  g_free (self->description);
  g_free (self->entities);

  G_OBJECT_CLASS (scs_scope_parent_class)->finalize (object);
}

static void
scs_scope_class_init (ScsScopeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = scs_scope_finalize;

  /**
   * ScsScope::changed:
   *
   * After every committed edit of the unit or the inventory.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
scs_scope_init (ScsScope *self)
{
  self->all = g_list_store_new (SCS_TYPE_SCOPE_ITEM);
  for (guint i = 0; i < SCS_SCOPE_N_KINDS; i++)
    self->by_kind[i] = g_list_store_new (SCS_TYPE_SCOPE_ITEM);
  self->description = g_strdup ("");
  self->entities = g_strdup ("");
}

/* ------------------------------------------------------------------------ */
/* Reading                                                                   */

static char *
column_name (const char *field)
{
  char *name = g_strdup (field);

  g_strdelimit (name, "-", '_');
  return name;
}

/* "SELECT id, kind, <fields>, status, reason, separation, connected, review,
 * review_comment, reviewer FROM scope_item" */
static char *
select_sql (void)
{
  GString *sql = g_string_new ("SELECT id, kind");
  const ScsScopeField *fields;
  guint n_fields;

  fields = scs_scope_fields (&n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *column = column_name (fields[i].name);

      if (i == SCS_SCOPE_FIELD_COUNT)
        g_string_append (sql, ", coalesce (CAST (count AS TEXT), '')");
      else if (i == SCS_SCOPE_FIELD_EVIDENCE || i == SCS_SCOPE_FIELD_VULN_EVIDENCE)
        g_string_append_printf (sql, ", coalesce (%s, '')", column);
      else
        g_string_append_printf (sql, ", %s", column);
    }
  g_string_append (sql, ", status, reason, separation, connected, review, review_comment, reviewer "
                        "FROM scope_item");
  return g_string_free (sql, FALSE);
}

static GStrv
read_criteria (ScsScope  *self,
               gint64     id,
               GError   **error)
{
  ScsWorkspace *ws = self->workspace;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  int rc;

  stmt = scs_db_prepare (ws->db, ws->path,
                         "SELECT criterion_id FROM scope_item_criterion WHERE item = ?1 "
                         "ORDER BY criterion_id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      scs_db_set_error (error, ws->db, ws->path);
      return NULL;
    }
  return g_strv_builder_end (builder);
}

/* Fills @item (new when *item is NULL) from the current row of @stmt. */
static gboolean
item_from_row (ScsScope      *self,
               sqlite3_stmt  *stmt,
               ScsScopeItem **item,
               GError       **error)
{
  gint64 id = sqlite3_column_int64 (stmt, 0);
  ScsScopeKind kind = SCS_SCOPE_KIND_SERVER;
  ScsScopeStatus status = SCS_SCOPE_STATUS_IN;
  ScsScopeReview review = SCS_SCOPE_REVIEW_NONE;
  char *values[SCS_SCOPE_N_FIELDS];
  int col = 2 + SCS_SCOPE_N_FIELDS;
  GStrv criteria;

  scs_scope_kind_from_string ((const char *) sqlite3_column_text (stmt, 1), &kind);
  for (guint i = 0; i < SCS_SCOPE_N_FIELDS; i++)
    values[i] = scs_db_column_dup (stmt, 2 + i);
  scs_scope_status_from_string ((const char *) sqlite3_column_text (stmt, col), &status);
  scs_scope_review_from_string ((const char *) sqlite3_column_text (stmt, col + 4), &review);

  criteria = read_criteria (self, id, error);
  if (criteria == NULL)
    {
      for (guint i = 0; i < SCS_SCOPE_N_FIELDS; i++)
        g_free (values[i]);
      return FALSE;
    }

  if (*item == NULL)
    *item = scs_scope_item_new (id, kind);
  scs_scope_item_update (*item, values, status,
                         (const char *) sqlite3_column_text (stmt, col + 1),
                         (const char *) sqlite3_column_text (stmt, col + 2),
                         sqlite3_column_int (stmt, col + 3) != 0,
                         criteria, review,
                         (const char *) sqlite3_column_text (stmt, col + 5),
                         (const char *) sqlite3_column_text (stmt, col + 6));
  return TRUE;
}

static gboolean
load (ScsScope  *self,
      GError   **error)
{
  ScsWorkspace *ws = self->workspace;
  g_autoptr(sqlite3_stmt) unit = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = select_sql ();
  g_autofree char *ordered = g_strconcat (sql, " ORDER BY id", NULL);
  int rc;

  unit = scs_db_prepare (ws->db, ws->path,
                         "SELECT unit, description, entities FROM scope_unit WHERE id = 1", error);
  if (unit == NULL)
    return FALSE;
  rc = sqlite3_step (unit);
  if (rc == SQLITE_ROW)
    {
      scs_scope_unit_from_string ((const char *) sqlite3_column_text (unit, 0), &self->unit);
      g_free (self->description);
      self->description = scs_db_column_dup (unit, 1);
      g_free (self->entities);
      self->entities = scs_db_column_dup (unit, 2);
      self->unit_stored = TRUE;
    }
  else if (rc != SQLITE_DONE)
    {
      scs_db_set_error (error, ws->db, ws->path);
      return FALSE;
    }

  stmt = scs_db_prepare (ws->db, ws->path, ordered, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(ScsScopeItem) item = NULL;

      if (!item_from_row (self, stmt, &item, error))
        return FALSE;
      g_list_store_append (self->all, item);
      g_list_store_append (self->by_kind[scs_scope_item_get_kind (item)], item);
    }
  if (rc != SQLITE_DONE)
    {
      scs_db_set_error (error, ws->db, ws->path);
      return FALSE;
    }
  return TRUE;
}

ScsScope *
scs_scope_peek (ScsWorkspace *workspace)
{
  return g_object_get_data (G_OBJECT (workspace), SCOPE_DATA_KEY);
}

/**
 * scs_scope_get:
 *
 * Returns: (transfer none): the scope of @workspace, loaded on first use.
 */
ScsScope *
scs_scope_get (ScsWorkspace  *workspace,
               GError       **error)
{
  g_autoptr(ScsScope) self = NULL;
  ScsScope *existing;

  g_return_val_if_fail (SCS_IS_WORKSPACE (workspace), NULL);

  existing = scs_scope_peek (workspace);
  if (existing != NULL)
    return existing;

  self = g_object_new (SCS_TYPE_SCOPE, NULL);
  self->workspace = workspace;
  if (!load (self, error))
    return NULL;

  g_object_set_data_full (G_OBJECT (workspace), SCOPE_DATA_KEY,
                          g_object_ref (self), g_object_unref);
  return self;
}

ScsWorkspace *
scs_scope_get_workspace (ScsScope *self)
{
  g_return_val_if_fail (SCS_IS_SCOPE (self), NULL);
  return self->workspace;
}

/**
 * scs_scope_get_items:
 *
 * Returns: (transfer none): items of @kind, or all for SCS_SCOPE_N_KINDS
 */
GListModel *
scs_scope_get_items (ScsScope     *self,
                     ScsScopeKind  kind)
{
  g_return_val_if_fail (SCS_IS_SCOPE (self), NULL);
  g_return_val_if_fail (kind <= SCS_SCOPE_N_KINDS, NULL);

  if (kind == SCS_SCOPE_N_KINDS)
    return G_LIST_MODEL (self->all);
  return G_LIST_MODEL (self->by_kind[kind]);
}

static gboolean
find_in (GListStore *store,
         gint64      id,
         guint      *position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ScsScopeItem) item = g_list_model_get_item (G_LIST_MODEL (store), i);

      if (scs_scope_item_get_id (item) == id)
        {
          *position = i;
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * scs_scope_lookup:
 *
 * Returns: (transfer none) (nullable): the item with @id
 */
ScsScopeItem *
scs_scope_lookup (ScsScope *self,
                  gint64    id)
{
  guint position;
  g_autoptr(ScsScopeItem) item = NULL;

  g_return_val_if_fail (SCS_IS_SCOPE (self), NULL);

  if (!find_in (self->all, id, &position))
    return NULL;
  item = g_list_model_get_item (G_LIST_MODEL (self->all), position);
  return item; /* the store keeps its reference */
}

gboolean
scs_scope_is_described (ScsScope *self)
{
  g_return_val_if_fail (SCS_IS_SCOPE (self), FALSE);

  return self->unit_stored || g_list_model_get_n_items (G_LIST_MODEL (self->all)) > 0;
}

ScsScopeUnitKind
scs_scope_get_unit (ScsScope *self)
{
  g_return_val_if_fail (SCS_IS_SCOPE (self), SCS_SCOPE_UNIT_NONE);
  return self->unit;
}

const char *
scs_scope_get_description (ScsScope *self)
{
  g_return_val_if_fail (SCS_IS_SCOPE (self), "");
  return self->description;
}

const char *
scs_scope_get_entities (ScsScope *self)
{
  g_return_val_if_fail (SCS_IS_SCOPE (self), "");
  return self->entities;
}

/* ------------------------------------------------------------------------ */
/* Validation                                                                */

static gboolean
evidence_exists (ScsScope    *self,
                 const char  *sha256,
                 GError     **error,
                 gboolean    *exists)
{
  ScsWorkspace *ws = self->workspace;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = scs_db_prepare (ws->db, ws->path, "SELECT 1 FROM evidence WHERE sha256 = ?1", error);
  if (stmt == NULL)
    return FALSE;
  scs_db_bind_text (stmt, 1, sha256);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      scs_db_set_error (error, ws->db, ws->path);
      return FALSE;
    }
  *exists = rc == SQLITE_ROW;
  return TRUE;
}

/* The base validator, in this module's error domain. */
static gboolean
check_text (const char  *text,
            const char  *label,
            gboolean     single_line,
            GError     **error)
{
  return scs_text_validate_as (text, label, single_line ? SCS_TEXT_SINGLE_LINE : SCS_TEXT_MULTI_LINE,
                               SCS_SCOPE_ERROR, SCS_SCOPE_ERROR_INVALID, error);
}

/* Everything in the scope is part of what the expert signs. */
static gboolean
require_unsealed (ScsScope  *self,
                  gint64     id,
                  GError   **error)
{
  g_autofree char *what = NULL;

  if (id == 0)
    what = g_strdup (_("the scope"));
  else
    /* Translators: %lld is the number of a scope item */
    what = g_strdup_printf (_("scope item %lld"), (long long) id);
  return scs_workspace_require_unsealed (self->workspace, what, error);
}

/* Accepts a choice by its code or its label (in English or the user's
 * language, as a person types it or a spreadsheet holds it) and replaces
 * *@value with the code. */
static gboolean
check_choice (const ScsScopeChoice  *choices,
              char                 **value,
              const char            *field,
              GError               **error)
{
  g_autoptr(GString) list = g_string_new (NULL);

  if (**value == '\0')
    return TRUE;
  for (guint i = 0; choices != NULL && choices[i].code != NULL; i++)
    {
      if (g_str_equal (choices[i].code, *value) || g_ascii_strcasecmp (choices[i].label, *value) == 0 ||
          g_str_equal (_(choices[i].label), *value))
        {
          g_free (*value);
          *value = g_strdup (choices[i].code);
          return TRUE;
        }
      /* Translators: separates the choices listed in an error message */
      g_string_append_printf (list, "%s%s", i > 0 ? _(", ") : "", _(choices[i].label));
    }
  if (list->len == 0)
    g_string_append (list, _("free text not allowed"));
  g_set_error (error, SCS_SCOPE_ERROR, SCS_SCOPE_ERROR_INVALID,
               _("‘%s’ is not a valid %s (one of: %s)"), *value, field, list->str);
  return FALSE;
}

/* Normalises @value (NULL → "", trimmed SHA-256 lowered) into *normalized. */
static gboolean
validate_field (ScsScope      *self,
                ScsScopeKind   kind,
                const char    *field,
                const char    *value,
                char         **normalized,
                GError       **error)
{
  int index = scs_scope_field_index (field);
  g_autofree char *v = g_strstrip (g_strdup (value ? value : ""));

  if (index < 0)
    {
      g_set_error (error, SCS_SCOPE_ERROR, SCS_SCOPE_ERROR_INVALID,
                   _("‘%s’ is not a scope field"), field);
      return FALSE;
    }
  if (!scs_scope_field_applies (kind, field))
    {
      g_set_error (error, SCS_SCOPE_ERROR, SCS_SCOPE_ERROR_INVALID,
                   _("The field ‘%s’ does not apply to %s"), field,
                   scs_scope_kind_to_string (kind));
      return FALSE;
    }

  {
    /* Translators: %s is the name of a scope field, as in the CLI: "vendor" */
    g_autofree char *label = g_strdup_printf (_("The scope field ‘%s’"), field);

    if (!check_text (v, label, FALSE, error))
      return FALSE;
  }

  switch (index)
    {
    case SCS_SCOPE_FIELD_NAME:
      if (scs_text_is_blank (v))
        {
          g_set_error (error, SCS_SCOPE_ERROR, SCS_SCOPE_ERROR_INVALID,
                       _("A scope item needs a name"));
          return FALSE;
        }
      break;
    case SCS_SCOPE_FIELD_TYPE:
      if (!check_choice (scs_scope_field_choices (kind, "type"), &v, _("type"), error))
        return FALSE;
      break;
    case SCS_SCOPE_FIELD_COUNT:
      if (*v != '\0')
        {
          guint64 n;

          if (!g_ascii_string_to_unsigned (v, 10, 0, G_MAXINT32, &n, NULL))
            {
              g_set_error (error, SCS_SCOPE_ERROR, SCS_SCOPE_ERROR_INVALID,
                           _("The count ‘%s’ is not a whole number of 0 or more"), v);
              return FALSE;
            }
          g_free (v);
          v = g_strdup_printf ("%" G_GUINT64_FORMAT, n);
        }
      break;
    case SCS_SCOPE_FIELD_CHECK_METHOD:
      if (!check_choice (check_methods, &v, _("provider check"), error))
        return FALSE;
      break;
    case SCS_SCOPE_FIELD_VULN_TEST:
      if (*v != '\0' && !scs_date_is_iso (v))
        {
          g_set_error (error, SCS_SCOPE_ERROR, SCS_SCOPE_ERROR_INVALID,
                       _("The test date ‘%s’ is not a date like 2025-04-01"), v);
          return FALSE;
        }
      if (*v != '\0' && scs_date_days_since (v) < 0)
        {
          g_set_error (error, SCS_SCOPE_ERROR, SCS_SCOPE_ERROR_INVALID,
                       _("The test date ‘%s’ is in the future: record a test that has taken place"), v);
          return FALSE;
        }
      break;
    case SCS_SCOPE_FIELD_EVIDENCE:
    case SCS_SCOPE_FIELD_VULN_EVIDENCE:
      if (*v != '\0')
        {
          gboolean exists = FALSE;
          char *lower = g_ascii_strdown (v, -1);

          g_free (v);
          v = lower;
          if (!evidence_exists (self, v, error, &exists))
            return FALSE;
          if (!exists)
            {
              g_set_error (error, SCS_SCOPE_ERROR, SCS_SCOPE_ERROR_INVALID,
                           _("The evidence ‘%s’ is not in the workspace (add the file as evidence first)"),
                           v);
              return FALSE;
            }
        }
      break;
    default:
      break;
    }

  *normalized = g_steal_pointer (&v);
  return TRUE;
}

static gboolean
validate_criteria (ScsScope            *self,
                   const char * const  *criteria,
                   GError             **error)
{
  ScsCatalog *catalog = scs_workspace_get_catalog (self->workspace);

  for (guint i = 0; criteria != NULL && criteria[i] != NULL; i++)
    if (scs_catalog_lookup_criterion (catalog, criteria[i]) == NULL &&
        scs_catalog_lookup_requirement (catalog, criteria[i]) == NULL)
      {
        g_set_error (error, SCS_SCOPE_ERROR, SCS_SCOPE_ERROR_INVALID,
                     _("Criterion ‘%s’ is not in the catalog"), criteria[i]);
        return FALSE;
      }
  return TRUE;
}

static GStrv
split_criteria (const char *text)
{
  g_auto(GStrv) parts = g_strsplit_set (text ? text : "", ", ", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GPtrArray) seen = g_ptr_array_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    if (*parts[i] != '\0' &&
        !g_ptr_array_find_with_equal_func (seen, parts[i], g_str_equal, NULL))
      {
        g_ptr_array_add (seen, parts[i]);
        g_strv_builder_add (builder, parts[i]);
      }
  return g_strv_builder_end (builder);
}

/* ------------------------------------------------------------------------ */
/* Writing                                                                   */

static char *
item_target (gint64 id)
{
  return g_strdup_printf ("scope:%" G_GINT64_FORMAT, id);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static gboolean
write_criteria (ScsScope            *self,
                gint64               id,
                const char * const  *criteria,
                const char          *now,
                GError             **error)
{
  ScsWorkspace *ws = self->workspace;
  g_autoptr(sqlite3_stmt) del = NULL;
  g_autofree char *target = item_target (id);
  g_auto(GStrv) old = read_criteria (self, id, error);
  g_autofree char *old_text = NULL;
  g_autofree char *new_text = NULL;

  if (old == NULL)
    return FALSE;
  old_text = g_strjoinv (",", old);
  {
    g_autoptr(GPtrArray) sorted = g_ptr_array_new ();

    for (guint i = 0; criteria != NULL && criteria[i] != NULL; i++)
      g_ptr_array_add (sorted, (gpointer) criteria[i]);
    g_ptr_array_sort (sorted, compare_strings);
    g_ptr_array_add (sorted, NULL);
    new_text = g_strjoinv (",", (char **) sorted->pdata);
  }
  if (g_str_equal (old_text, new_text))
    return TRUE;

  del = scs_db_prepare (ws->db, ws->path, "DELETE FROM scope_item_criterion WHERE item = ?1", error);
  if (del == NULL)
    return FALSE;
  sqlite3_bind_int64 (del, 1, id);
  if (!scs_db_step_done (del, ws->db, ws->path, error))
    return FALSE;

  for (guint i = 0; criteria != NULL && criteria[i] != NULL; i++)
    {
      g_autoptr(sqlite3_stmt) ins = NULL;

      ins = scs_db_prepare (ws->db, ws->path,
                            "INSERT OR IGNORE INTO scope_item_criterion (item, criterion_id) VALUES (?1, ?2)",
                            error);
      if (ins == NULL)
        return FALSE;
      sqlite3_bind_int64 (ins, 1, id);
      scs_db_bind_text (ins, 2, criteria[i]);
      if (!scs_db_step_done (ins, ws->db, ws->path, error))
        return FALSE;
    }

  return scs_workspace_audit (ws, now, "scope-criteria", target, old_text, new_text, error);
}

/* Binds a field value: count and the evidence hashes store NULL for "". */
static void
bind_field (sqlite3_stmt *stmt,
            int           index,
            int           field,
            const char   *value)
{
  if (field == SCS_SCOPE_FIELD_COUNT)
    {
      if (*value == '\0')
        sqlite3_bind_null (stmt, index);
      else
        sqlite3_bind_int64 (stmt, index, g_ascii_strtoll (value, NULL, 10));
    }
  else if ((field == SCS_SCOPE_FIELD_EVIDENCE || field == SCS_SCOPE_FIELD_VULN_EVIDENCE) &&
           *value == '\0')
    sqlite3_bind_null (stmt, index);
  else
    scs_db_bind_text (stmt, index, value);
}

/* Re-reads item @id after a commit and updates (or adds) its object. */
static void
refresh_item (ScsScope *self,
              gint64    id)
{
  ScsWorkspace *ws = self->workspace;
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = select_sql ();
  g_autofree char *one = g_strconcat (sql, " WHERE id = ?1", NULL);
  ScsScopeItem *existing = scs_scope_lookup (self, id);
  g_autoptr(ScsScopeItem) item = existing ? g_object_ref (existing) : NULL;

  stmt = scs_db_prepare (ws->db, ws->path, one, &error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      if (sqlite3_step (stmt) == SQLITE_ROW && item_from_row (self, stmt, &item, &error))
        {
          if (existing == NULL)
            {
              g_list_store_append (self->all, item);
              g_list_store_append (self->by_kind[scs_scope_item_get_kind (item)], item);
            }
          return;
        }
    }
  /* The edit is committed; only the in-memory view failed to follow. */
  g_warning ("Cannot re-read scope item %" G_GINT64_FORMAT ": %s", id,
             error ? error->message : "row missing");
}

/* Reads the rows of @ids, items just added (so in none of the lists yet,
 * with IDs above every listed one), and appends them to the lists at once:
 * one items-changed per list, and no search for each one (refresh_item ()
 * per item made a CSV import of n rows cost n² / 2 list steps). */
static void
append_new_items (ScsScope *self,
                  GArray   *ids)
{
  ScsWorkspace *ws = self->workspace;
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = select_sql ();
  g_autofree char *one = g_strconcat (sql, " WHERE id = ?1", NULL);
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  GPtrArray *by_kind[SCS_SCOPE_N_KINDS];

  stmt = scs_db_prepare (ws->db, ws->path, one, &error);
  for (guint i = 0; stmt != NULL && i < ids->len; i++)
    {
      ScsScopeItem *item = NULL;

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, g_array_index (ids, gint64, i));
      if (sqlite3_step (stmt) != SQLITE_ROW || !item_from_row (self, stmt, &item, &error))
        {
          /* The edit is committed; only the in-memory view failed to follow. */
          g_warning ("Cannot re-read scope item %" G_GINT64_FORMAT ": %s",
                     g_array_index (ids, gint64, i), error ? error->message : "row missing");
          g_clear_error (&error);
          continue;
        }
      g_ptr_array_add (all, item);
    }

  for (guint k = 0; k < SCS_SCOPE_N_KINDS; k++)
    by_kind[k] = g_ptr_array_new ();
  for (guint i = 0; i < all->len; i++)
    g_ptr_array_add (by_kind[scs_scope_item_get_kind (all->pdata[i])], all->pdata[i]);
  g_list_store_splice (self->all, g_list_model_get_n_items (G_LIST_MODEL (self->all)), 0,
                       all->pdata, all->len);
  for (guint k = 0; k < SCS_SCOPE_N_KINDS; k++)
    {
      if (by_kind[k]->len > 0)
        g_list_store_splice (self->by_kind[k], g_list_model_get_n_items (G_LIST_MODEL (self->by_kind[k])), 0,
                             by_kind[k]->pdata, by_kind[k]->len);
      g_ptr_array_unref (by_kind[k]);
    }
}

static void
emit_changed (ScsScope *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Commits @txn, the edit of item @id, and shows the item as stored. */
static gboolean
commit_item (ScsScope          *self,
             ScsDbTransaction  *txn,
             gint64             id,
             GError           **error)
{
  if (!scs_db_transaction_commit (txn, error))
    return FALSE;

  refresh_item (self, id);
  emit_changed (self);
  return TRUE;
}

gboolean
scs_scope_set_unit (ScsScope          *self,
                    ScsScopeUnitKind   unit,
                    const char        *description,
                    const char        *entities,
                    GError           **error)
{
  g_auto(ScsDbTransaction) txn = SCS_DB_TRANSACTION_INIT;
  ScsWorkspace *ws;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = scs_now_iso8601 ();
  g_autofree char *new_description = NULL;
  g_autofree char *new_entities = NULL;
  struct { const char *what; const char *old_value; const char *new_value; } changes[3];

  g_return_val_if_fail (SCS_IS_SCOPE (self), FALSE);
  g_return_val_if_fail (unit <= SCS_SCOPE_UNIT_DIVISION, FALSE);

  ws = self->workspace;
  new_description = g_strdup (description ? description : self->description);
  new_entities = g_strdup (entities ? entities : self->entities);
  g_strstrip (new_description);
  g_strstrip (new_entities);
  if (!check_text (new_description, _("The scope description"), FALSE, error) ||
      !check_text (new_entities, _("The entities or sites the scope covers"), FALSE, error))
    return FALSE;

  changes[0].what = "unit";
  changes[0].old_value = self->unit_stored ? scs_scope_unit_to_string (self->unit) : NULL;
  changes[0].new_value = scs_scope_unit_to_string (unit);
  changes[1].what = "description";
  changes[1].old_value = self->description;
  changes[1].new_value = new_description;
  changes[2].what = "entities";
  changes[2].old_value = self->entities;
  changes[2].new_value = new_entities;

  if (self->unit_stored && unit == self->unit &&
      g_str_equal (new_description, self->description) &&
      g_str_equal (new_entities, self->entities))
    return TRUE;

  if (!require_unsealed (self, 0, error))
    return FALSE;
  if (!scs_workspace_transaction_begin (ws, &txn, error))
    return FALSE;

  stmt = scs_db_prepare (ws->db, ws->path,
                         "INSERT INTO scope_unit (id, unit, description, entities, updated, author) "
                         "VALUES (1, ?1, ?2, ?3, ?4, ?5) ON CONFLICT (id) DO UPDATE SET "
                         "unit = excluded.unit, description = excluded.description, "
                         "entities = excluded.entities, updated = excluded.updated, "
                         "author = excluded.author", error);
  if (stmt == NULL)
    return FALSE;
  scs_db_bind_text (stmt, 1, scs_scope_unit_to_string (unit));
  scs_db_bind_text (stmt, 2, new_description);
  scs_db_bind_text (stmt, 3, new_entities);
  scs_db_bind_text (stmt, 4, now);
  scs_db_bind_text (stmt, 5, scs_workspace_get_actor (ws));
  if (!scs_db_step_done (stmt, ws->db, ws->path, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (changes); i++)
    if (g_strcmp0 (changes[i].old_value, changes[i].new_value) != 0 &&
        !scs_workspace_audit (ws, now, "scope-unit", changes[i].what,
                              changes[i].old_value, changes[i].new_value, error))
      return FALSE;

  if (!scs_db_transaction_commit (&txn, error))
    return FALSE;

  self->unit = unit;
  self->unit_stored = TRUE;
  g_free (self->description);
  self->description = g_steal_pointer (&new_description);
  g_free (self->entities);
  self->entities = g_steal_pointer (&new_entities);
  emit_changed (self);
  return TRUE;
}

/* Validates @fields and inserts the item with its audit rows; the caller
 * holds the transaction. Returns the new ID, 0 on error. */
static gint64
insert_item (ScsScope      *self,
             ScsScopeKind   kind,
             GHashTable    *fields,
             const char    *now,
             GError       **error)
{
  ScsWorkspace *ws;
  g_autoptr(GString) columns = g_string_new ("kind, updated, author");
  g_autoptr(GString) params = g_string_new ("?1, ?2, ?3");
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) indexes = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *target = NULL;
  g_autofree char *description = NULL;
  g_auto(GStrv) criteria = NULL;
  const char * const *names;
  gboolean has_name = FALSE;
  gint64 id;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (SCS_IS_SCOPE (self), 0);
  g_return_val_if_fail (kind < SCS_SCOPE_N_KINDS, 0);

  ws = self->workspace;

  /* Validate every given field first, in a fixed order for stable messages. */
  if (fields != NULL)
    {
      g_hash_table_iter_init (&iter, fields);
      while (g_hash_table_iter_next (&iter, &key, &value))
        if (!g_str_equal (key, "criteria") && scs_scope_field_index (key) < 0)
          {
            g_set_error (error, SCS_SCOPE_ERROR, SCS_SCOPE_ERROR_INVALID,
                         _("‘%s’ is not a scope field"), (const char *) key);
            return 0;
          }
    }

  names = scs_scope_kind_fields (kind);
  for (guint i = 0; names[i] != NULL; i++)
    {
      const char *given = fields ? g_hash_table_lookup (fields, names[i]) : NULL;
      char *normalized = NULL;
      int index = scs_scope_field_index (names[i]);

      if (given == NULL && index != SCS_SCOPE_FIELD_NAME)
        continue;
      if (!validate_field (self, kind, names[i], given, &normalized, error))
        return 0;
      if (index == SCS_SCOPE_FIELD_NAME)
        has_name = TRUE;
      g_ptr_array_add (values, normalized);
      g_array_append_val (indexes, index);
    }
  g_assert (has_name);

  if (fields != NULL)
    {
      g_hash_table_iter_init (&iter, fields);
      while (g_hash_table_iter_next (&iter, &key, &value))
        if (!g_str_equal (key, "criteria") && !scs_scope_field_applies (kind, key))
          {
            g_set_error (error, SCS_SCOPE_ERROR, SCS_SCOPE_ERROR_INVALID,
                         _("The field ‘%s’ does not apply to %s"), (const char *) key,
                         scs_scope_kind_to_string (kind));
            return 0;
          }
      criteria = split_criteria (g_hash_table_lookup (fields, "criteria"));
      if (!validate_criteria (self, (const char * const *) criteria, error))
        return 0;
    }

  for (guint i = 0; i < indexes->len; i++)
    {
      int index = g_array_index (indexes, int, i);
      g_autofree char *column = column_name (scs_scope_fields (NULL)[index].name);

      g_string_append_printf (columns, ", %s", column);
      g_string_append_printf (params, ", ?%u", i + 4);
    }
  sql = g_strdup_printf ("INSERT INTO scope_item (%s) VALUES (%s)", columns->str, params->str);

  stmt = scs_db_prepare (ws->db, ws->path, sql, error);
  if (stmt == NULL)
    return 0;
  scs_db_bind_text (stmt, 1, scs_scope_kind_to_string (kind));
  scs_db_bind_text (stmt, 2, now);
  scs_db_bind_text (stmt, 3, scs_workspace_get_actor (ws));
  for (guint i = 0; i < indexes->len; i++)
    bind_field (stmt, i + 4, g_array_index (indexes, int, i), g_ptr_array_index (values, i));
  if (!scs_db_step_done (stmt, ws->db, ws->path, error))
    return 0;
  id = sqlite3_last_insert_rowid (ws->db);
  target = item_target (id);
  description = g_strdup_printf ("%s: %s", scs_scope_kind_to_string (kind),
                                 (const char *) g_ptr_array_index (values, 0));
  if (!scs_workspace_audit (ws, now, "scope-add", target, NULL, description, error))
    return 0;
  for (guint i = 1; i < indexes->len; i++)
    {
      const char *v = g_ptr_array_index (values, i);
      g_autofree char *field_target = NULL;

      if (*v == '\0')
        continue;
      field_target = g_strdup_printf ("%s/%s", target,
                                      scs_scope_fields (NULL)[g_array_index (indexes, int, i)].name);
      if (!scs_workspace_audit (ws, now, "scope-field", field_target, NULL, v, error))
        return 0;
    }
  if (criteria != NULL && criteria[0] != NULL &&
      !write_criteria (self, id, (const char * const *) criteria, now, error))
    return 0;

  return id;
}

gint64
scs_scope_add_item (ScsScope      *self,
                    ScsScopeKind   kind,
                    GHashTable    *fields,
                    GError       **error)
{
  g_auto(ScsDbTransaction) txn = SCS_DB_TRANSACTION_INIT;
  g_autofree char *now = scs_now_iso8601 ();
  gint64 id;

  g_return_val_if_fail (SCS_IS_SCOPE (self), 0);
  g_return_val_if_fail (kind < SCS_SCOPE_N_KINDS, 0);

  if (!require_unsealed (self, 0, error))
    return 0;
  if (!scs_workspace_transaction_begin (self->workspace, &txn, error))
    return 0;
  id = insert_item (self, kind, fields, now, error);
  if (id == 0)
    return 0;
  return commit_item (self, &txn, id, error) ? id : 0;
}

/**
 * scs_scope_add_items:
 * @items: (element-type GHashTable): the fields of each item, as for
 *   scs_scope_add_item ()
 * @source: (nullable): where they come from, for the audit trail ("inventory.csv")
 *
 * Adds all of @items in one transaction: all or nothing. An error names the
 * item (1-based) it stopped at.
 *
 * Returns: the number added, 0 on error
 */
guint
scs_scope_add_items (ScsScope      *self,
                     ScsScopeKind   kind,
                     GPtrArray     *items,
                     const char    *source,
                     GError       **error)
{
  g_auto(ScsDbTransaction) txn = SCS_DB_TRANSACTION_INIT;
  ScsWorkspace *ws;
  g_autofree char *now = scs_now_iso8601 ();
  g_autofree char *summary = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_val_if_fail (SCS_IS_SCOPE (self), 0);
  g_return_val_if_fail (kind < SCS_SCOPE_N_KINDS, 0);
  g_return_val_if_fail (items != NULL && items->len > 0, 0);

  ws = self->workspace;
  if (!require_unsealed (self, 0, error))
    return 0;
  if (!scs_workspace_transaction_begin (ws, &txn, error))
    return 0;
  for (guint i = 0; i < items->len; i++)
    {
      g_autoptr(GError) local_error = NULL;
      gint64 id = insert_item (self, kind, g_ptr_array_index (items, i), now, &local_error);

      if (id == 0)
        {
          scs_db_transaction_rollback (&txn);
          g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                      _("Item %u: "), i + 1);
          return 0;
        }
      g_array_append_val (ids, id);
    }
  summary = g_strdup_printf ("%u %s", items->len, scs_scope_kind_to_string (kind));
  if (!scs_workspace_audit (ws, now, "scope-import", source ? source : "", NULL, summary, error))
    return 0;
  if (!scs_db_transaction_commit (&txn, error))
    return 0;

  append_new_items (self, ids);
  emit_changed (self);
  return items->len;
}

/* See scs-scope-private.h. */
gboolean
scs_scope_validate_value (ScsScope      *self,
                          ScsScopeKind   kind,
                          const char    *field,
                          const char    *value,
                          GError       **error)
{
  g_autofree char *normalized = NULL;

  g_return_val_if_fail (SCS_IS_SCOPE (self), FALSE);

  if (g_str_equal (field, "criteria"))
    {
      g_auto(GStrv) criteria = split_criteria (value);

      return validate_criteria (self, (const char * const *) criteria, error);
    }
  return validate_field (self, kind, field, value, &normalized, error);
}

static ScsScopeItem *
require_item (ScsScope  *self,
              gint64     id,
              GError   **error)
{
  ScsScopeItem *item = scs_scope_lookup (self, id);

  if (item == NULL)
    g_set_error (error, SCS_SCOPE_ERROR, SCS_SCOPE_ERROR_NOT_FOUND,
                 _("There is no scope item %lld"), (long long) id);
  return item;
}

gboolean
scs_scope_set_field (ScsScope    *self,
                     gint64       id,
                     const char  *field,
                     const char  *value,
                     GError     **error)
{
  g_autoptr(GHashTable) fields = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_val_if_fail (SCS_IS_SCOPE (self), FALSE);
  g_return_val_if_fail (field != NULL, FALSE);

  g_hash_table_insert (fields, (gpointer) field, (gpointer) (value ? value : ""));
  return scs_scope_update_item (self, id, fields, error);
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* @criteria sorted and joined with commas, as write_criteria () compares them. */
static char *
join_criteria (const char * const *criteria)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();

  for (guint i = 0; criteria != NULL && criteria[i] != NULL; i++)
    g_ptr_array_add (sorted, (gpointer) criteria[i]);
  g_ptr_array_sort (sorted, compare_strings);
  g_ptr_array_add (sorted, NULL);
  return g_strjoinv (",", (char **) sorted->pdata);
}

/* Inside the write transaction: item @id as stored now, a new object. */
static ScsScopeItem *
read_stored_item (ScsScope  *self,
                  gint64     id,
                  GError   **error)
{
  ScsWorkspace *ws = self->workspace;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = select_sql ();
  g_autofree char *one = g_strconcat (sql, " WHERE id = ?1", NULL);
  g_autoptr(ScsScopeItem) item = NULL;
  int rc;

  stmt = scs_db_prepare (ws->db, ws->path, one, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, SCS_SCOPE_ERROR, SCS_SCOPE_ERROR_NOT_FOUND,
                   _("There is no scope item %lld"), (long long) id);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      scs_db_set_error (error, ws->db, ws->path);
      return NULL;
    }
  if (!item_from_row (self, stmt, &item, error))
    return NULL;
  return g_steal_pointer (&item);
}

/* @error: item @id's @what (translated) was changed elsewhere; the stored
 * item is shown. */
static void
set_field_conflict (ScsScope    *self,
                    gint64       id,
                    const char  *what,
                    GError     **error)
{
  ScsWorkspace *ws = self->workspace;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *author = NULL;

  stmt = scs_db_prepare (ws->db, ws->path, "SELECT author FROM scope_item WHERE id = ?1", NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        author = (const char *) sqlite3_column_text (stmt, 0);
    }
  if (author != NULL && *author != '\0')
    g_set_error (error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_CONFLICT,
                 /* Translators: the first %s is a field ("Vendor"), %lld the number of a
                  * scope item, the second %s who changed it */
                 _("‘%s’ of scope item %lld was changed by %s after you last saw it, so "
                   "your change was not saved. The newer value is shown now; apply your change "
                   "again if it still holds."), what, (long long) id, author);
  else
    g_set_error (error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_CONFLICT,
                 /* Translators: %s is a field ("Vendor"), %lld the number of a scope item */
                 _("‘%s’ of scope item %lld was changed elsewhere after you last saw it, so "
                   "your change was not saved. The newer value is shown now; apply your change "
                   "again if it still holds."), what, (long long) id);
}

gboolean
scs_scope_update_item (ScsScope    *self,
                       gint64       id,
                       GHashTable  *fields,
                       GError     **error)
{
  g_auto(ScsDbTransaction) txn = SCS_DB_TRANSACTION_INIT;
  ScsWorkspace *ws;
  ScsScopeItem *item;
  g_autofree char *now = scs_now_iso8601 ();
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) criteria = NULL;
  g_autoptr(ScsScopeItem) stored = NULL;
  gboolean any = FALSE;
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (SCS_IS_SCOPE (self), FALSE);
  g_return_val_if_fail (fields != NULL, FALSE);

  ws = self->workspace;
  item = require_item (self, id, error);
  if (item == NULL)
    return FALSE;

  /* Validate everything before writing anything; in name order so the
   * first error reported does not depend on hashing. */
  g_hash_table_iter_init (&iter, fields);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (keys, key);
  g_ptr_array_sort (keys, compare_keys);
  for (guint i = 0; i < keys->len; i++)
    {
      const char *field = keys->pdata[i];
      const char *value = g_hash_table_lookup (fields, field);
      char *normalized = NULL;

      if (g_str_equal (field, "criteria"))
        {
          criteria = split_criteria (value);
          if (!validate_criteria (self, (const char * const *) criteria, error))
            return FALSE;
          g_ptr_array_add (values, NULL);
          continue;
        }
      if (!validate_field (self, scs_scope_item_get_kind (item), field, value, &normalized, error))
        {
          /* Translators: %lld is the number of a scope item, the message follows */
          g_prefix_error (error, _("Scope item %lld: "), (long long) id);
          return FALSE;
        }
      g_ptr_array_add (values, normalized);
    }

  if (!require_unsealed (self, id, error))
    return FALSE;
  if (!scs_workspace_transaction_begin (ws, &txn, error))
    return FALSE;

  /* Each field goes over what is stored now, unless another program
   * changed it since this object read it (what the user saw). */
  stored = read_stored_item (self, id, error);
  if (stored == NULL)
    return FALSE;

  for (guint i = 0; i < keys->len; i++)
    {
      const char *field = keys->pdata[i];
      const char *normalized = values->pdata[i];
      g_autofree char *column = NULL;
      g_autofree char *sql = NULL;
      g_autofree char *target = NULL;
      g_autoptr(sqlite3_stmt) stmt = NULL;
      const char *old_value;
      int index;

      if (normalized == NULL) /* criteria */
        {
          g_autofree char *seen = join_criteria (scs_scope_item_get_criteria (item));
          g_autofree char *now_stored = join_criteria (scs_scope_item_get_criteria (stored));
          g_autofree char *wanted = join_criteria ((const char * const *) criteria);

          if (g_str_equal (now_stored, wanted))
            continue;
          if (!g_str_equal (now_stored, seen))
            {
              scs_db_transaction_rollback (&txn);
              set_field_conflict (self, id, _("Criteria"), error);
              refresh_item (self, id);
              emit_changed (self);
              return FALSE;
            }
          if (!write_criteria (self, id, (const char * const *) criteria, now, error))
            return FALSE;
          any = TRUE;
          continue;
        }

      index = scs_scope_field_index (field);
      old_value = scs_scope_item_get_value (stored, index);
      if (g_str_equal (old_value, normalized))
        continue;
      if (!g_str_equal (old_value, scs_scope_item_get_value (item, index)))
        {
          const ScsScopeField *info = scs_scope_field_lookup (field);

          scs_db_transaction_rollback (&txn);
          set_field_conflict (self, id, info != NULL ? _(info->label) : field, error);
          refresh_item (self, id);
          emit_changed (self);
          return FALSE;
        }

      column = column_name (field);
      sql = g_strdup_printf ("UPDATE scope_item SET %s = ?1, updated = ?2, author = ?3 WHERE id = ?4",
                             column);
      target = g_strdup_printf ("scope:%" G_GINT64_FORMAT "/%s", id, field);
      stmt = scs_db_prepare (ws->db, ws->path, sql, error);
      if (stmt == NULL)
        return FALSE;
      bind_field (stmt, 1, index, normalized);
      scs_db_bind_text (stmt, 2, now);
      scs_db_bind_text (stmt, 3, scs_workspace_get_actor (ws));
      sqlite3_bind_int64 (stmt, 4, id);
      if (!scs_db_step_done (stmt, ws->db, ws->path, error) ||
          !scs_workspace_audit (ws, now, "scope-field", target,
                                *old_value ? old_value : NULL,
                                *normalized ? normalized : NULL, error))
        return FALSE;
      any = TRUE;
    }

  if (!any)
    {
      /* what is stored is what the user wants; show it */
      scs_db_transaction_rollback (&txn);
      refresh_item (self, id);
      emit_changed (self);
      return TRUE;
    }
  return commit_item (self, &txn, id, error);
}

gboolean
scs_scope_set_criteria (ScsScope            *self,
                        gint64               id,
                        const char * const  *criteria,
                        GError             **error)
{
  g_auto(ScsDbTransaction) txn = SCS_DB_TRANSACTION_INIT;
  ScsWorkspace *ws;
  g_autofree char *now = scs_now_iso8601 ();

  g_return_val_if_fail (SCS_IS_SCOPE (self), FALSE);

  ws = self->workspace;
  if (require_item (self, id, error) == NULL ||
      !validate_criteria (self, criteria, error))
    return FALSE;

  if (!require_unsealed (self, id, error))
    return FALSE;
  if (!scs_workspace_transaction_begin (ws, &txn, error))
    return FALSE;
  if (!write_criteria (self, id, criteria, now, error))
    return FALSE;
  return commit_item (self, &txn, id, error);
}

/* Inside the write transaction: whether @item's status, reason,
 * separation and connection are still stored as this object shows them
 * (what the user saw); otherwise SCS_WORKSPACE_ERROR_CONFLICT naming who
 * changed them. */
static gboolean
status_unchanged (ScsScope      *self,
                  ScsScopeItem  *item,
                  GError       **error)
{
  ScsWorkspace *ws = self->workspace;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 id = scs_scope_item_get_id (item);

  stmt = scs_db_prepare (ws->db, ws->path,
                         "SELECT status, reason, separation, connected, author FROM scope_item WHERE id = ?1",
                         error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, SCS_SCOPE_ERROR, SCS_SCOPE_ERROR_NOT_FOUND,
                   _("There is no scope item %lld"), (long long) id);
      return FALSE;
    }
  if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0),
                 scs_scope_status_to_string (scs_scope_item_get_status (item))) == 0 &&
      g_strcmp0 ((const char *) sqlite3_column_text (stmt, 1), scs_scope_item_get_reason (item)) == 0 &&
      g_strcmp0 ((const char *) sqlite3_column_text (stmt, 2), scs_scope_item_get_separation (item)) == 0 &&
      (sqlite3_column_int (stmt, 3) != 0) == scs_scope_item_get_connected (item))
    return TRUE;

  g_set_error (error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_CONFLICT,
               /* Translators: %lld is the number of a scope item, %s who changed it */
               _("Whether scope item %lld is in scope, and why, was changed by %s after you last saw "
                 "it, so your change was not saved. The newer state is shown now; apply your "
                 "change again if it still holds."),
               (long long) id, (const char *) sqlite3_column_text (stmt, 4));
  return FALSE;
}

gboolean
scs_scope_set_status (ScsScope        *self,
                      gint64           id,
                      ScsScopeStatus   status,
                      const char      *reason,
                      const char      *separation,
                      gboolean         connected,
                      GError         **error)
{
  g_auto(ScsDbTransaction) txn = SCS_DB_TRANSACTION_INIT;
  ScsWorkspace *ws;
  ScsScopeItem *item;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = scs_now_iso8601 ();
  g_autofree char *target = NULL;
  g_autofree char *new_reason = NULL;
  g_autofree char *new_separation = NULL;
  gboolean reset_review;
  struct { const char *what; const char *old_value; const char *new_value; } changes[4];

  g_return_val_if_fail (SCS_IS_SCOPE (self), FALSE);
  g_return_val_if_fail (status <= SCS_SCOPE_STATUS_EXCEPTION, FALSE);

  ws = self->workspace;
  item = require_item (self, id, error);
  if (item == NULL)
    return FALSE;

  if (status == SCS_SCOPE_STATUS_IN)
    {
      new_reason = g_strdup ("");
      new_separation = g_strdup ("");
      connected = FALSE;
    }
  else
    {
      new_reason = g_strstrip (g_strdup (reason ? reason : scs_scope_item_get_reason (item)));
      new_separation = g_strstrip (g_strdup (separation ? separation
                                                        : scs_scope_item_get_separation (item)));
    }
  {
    /* Translators: %lld is the number of a scope item */
    g_autofree char *reason_label = g_strdup_printf (_("The reason scope item %lld is out of scope"),
                                                     (long long) id);
    /* Translators: %lld is the number of a scope item */
    g_autofree char *separation_label = g_strdup_printf (_("The separation measure of scope item %lld"),
                                                         (long long) id);

    if (!check_text (new_reason, reason_label, FALSE, error) ||
        !check_text (new_separation, separation_label, FALSE, error))
      return FALSE;
  }

  changes[0].what = "status";
  changes[0].old_value = scs_scope_status_to_string (scs_scope_item_get_status (item));
  changes[0].new_value = scs_scope_status_to_string (status);
  changes[1].what = "reason";
  changes[1].old_value = scs_scope_item_get_reason (item);
  changes[1].new_value = new_reason;
  changes[2].what = "separation";
  changes[2].old_value = scs_scope_item_get_separation (item);
  changes[2].new_value = new_separation;
  changes[3].what = "connected";
  changes[3].old_value = scs_scope_item_get_connected (item) ? "yes" : "no";
  changes[3].new_value = connected ? "yes" : "no";

  {
    gboolean same = TRUE;

    for (guint i = 0; i < G_N_ELEMENTS (changes); i++)
      same = same && g_str_equal (changes[i].old_value, changes[i].new_value);
    if (same)
      return TRUE;
  }

  /* A new reason is a new thing to judge: an earlier mark no longer applies. */
  reset_review = status == SCS_SCOPE_STATUS_IN ||
                 !g_str_equal (changes[0].old_value, changes[0].new_value) ||
                 !g_str_equal (changes[1].old_value, changes[1].new_value);

  target = item_target (id);
  if (!require_unsealed (self, id, error))
    return FALSE;
  if (!scs_workspace_transaction_begin (ws, &txn, error))
    return FALSE;
  if (!status_unchanged (self, item, error))
    {
      /* nothing written; the newer item is shown */
      scs_db_transaction_rollback (&txn);
      refresh_item (self, id);
      emit_changed (self);
      return FALSE;
    }
  stmt = scs_db_prepare (ws->db, ws->path,
                         reset_review
                         ? "UPDATE scope_item SET status = ?1, reason = ?2, separation = ?3, "
                           "connected = ?4, updated = ?5, author = ?6, review = 'none', "
                           "review_comment = '', reviewer = '' WHERE id = ?7"
                         : "UPDATE scope_item SET status = ?1, reason = ?2, separation = ?3, "
                           "connected = ?4, updated = ?5, author = ?6 WHERE id = ?7",
                         error);
  if (stmt == NULL)
    return FALSE;
  scs_db_bind_text (stmt, 1, scs_scope_status_to_string (status));
  scs_db_bind_text (stmt, 2, new_reason);
  scs_db_bind_text (stmt, 3, new_separation);
  sqlite3_bind_int (stmt, 4, connected ? 1 : 0);
  scs_db_bind_text (stmt, 5, now);
  scs_db_bind_text (stmt, 6, scs_workspace_get_actor (ws));
  sqlite3_bind_int64 (stmt, 7, id);
  if (!scs_db_step_done (stmt, ws->db, ws->path, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (changes); i++)
    {
      g_autofree char *t = NULL;

      if (g_str_equal (changes[i].old_value, changes[i].new_value))
        continue;
      t = g_strdup_printf ("%s/%s", target, changes[i].what);
      if (!scs_workspace_audit (ws, now, "scope-status", t,
                                *changes[i].old_value ? changes[i].old_value : NULL,
                                *changes[i].new_value ? changes[i].new_value : NULL, error))
        return FALSE;
    }
  return commit_item (self, &txn, id, error);
}

gboolean
scs_scope_set_review (ScsScope        *self,
                      ScsProfile      *profile,
                      gint64           id,
                      ScsScopeReview   review,
                      const char      *comment,
                      GError         **error)
{
  g_auto(ScsDbTransaction) txn = SCS_DB_TRANSACTION_INIT;
  ScsWorkspace *ws;
  ScsScopeItem *item;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = scs_now_iso8601 ();
  g_autofree char *target = NULL;
  g_autofree char *new_comment = NULL;
  g_autofree char *old_value = NULL;
  g_autofree char *new_value = NULL;

  g_return_val_if_fail (SCS_IS_SCOPE (self), FALSE);
  g_return_val_if_fail (review <= SCS_SCOPE_REVIEW_QUESTIONED, FALSE);

  ws = self->workspace;
  item = require_item (self, id, error);
  if (item == NULL)
    return FALSE;
  if (scs_scope_item_get_status (item) == SCS_SCOPE_STATUS_IN)
    {
      g_set_error (error, SCS_SCOPE_ERROR, SCS_SCOPE_ERROR_INVALID,
                   _("The scope item %lld (‘%s’) is in scope: there is no reason to review"),
                   (long long) id, scs_scope_item_get_name (item));
      return FALSE;
    }
  /* Sealed content first: whoever asks, a signed scope waits for a new round. */
  if (!require_unsealed (self, id, error))
    return FALSE;
  /* The mark is the expert's judgement: nobody else sets it, not even the
   * organisation on its own exclusions. */
  if (profile == NULL || scs_profile_get_role (profile) != SCS_ROLE_EXPERT)
    {
      g_set_error (error, SCS_SCOPE_ERROR, SCS_SCOPE_ERROR_ROLE,
                   _("Only the expert marks the reason of scope item %lld (‘%s’); the current "
                     "profile is %s"),
                   (long long) id, scs_scope_item_get_name (item),
                   scs_role_get_label (profile != NULL ? scs_profile_get_role (profile) : SCS_ROLE_SME));
      return FALSE;
    }
  new_comment = g_strstrip (g_strdup (comment ? comment : ""));
  {
    /* Translators: %lld is the number of a scope item */
    g_autofree char *label = g_strdup_printf (_("The review comment on scope item %lld"), (long long) id);

    if (!check_text (new_comment, label, FALSE, error))
      return FALSE;
  }
  if (review == SCS_SCOPE_REVIEW_QUESTIONED && scs_text_is_blank (new_comment))
    {
      g_set_error (error, SCS_SCOPE_ERROR, SCS_SCOPE_ERROR_INVALID,
                   _("Questioning the reason of scope item %lld needs a comment"), (long long) id);
      return FALSE;
    }
  if (review == SCS_SCOPE_REVIEW_NONE)
    {
      g_free (new_comment);
      new_comment = g_strdup ("");
    }

  old_value = g_strdup_printf ("%s %s", scs_scope_review_to_string (scs_scope_item_get_review (item)),
                               scs_scope_item_get_review_comment (item));
  new_value = g_strdup_printf ("%s %s", scs_scope_review_to_string (review), new_comment);
  g_strchomp (old_value);
  g_strchomp (new_value);
  if (g_str_equal (old_value, new_value))
    return TRUE;

  target = g_strdup_printf ("scope:%" G_GINT64_FORMAT "/review", id);
  stmt = scs_workspace_write_begin (ws, &txn,
                                    "UPDATE scope_item SET review = ?1, review_comment = ?2, reviewer = ?3 "
                                    "WHERE id = ?4", error);
  if (stmt == NULL)
    return FALSE;
  scs_db_bind_text (stmt, 1, scs_scope_review_to_string (review));
  scs_db_bind_text (stmt, 2, new_comment);
  scs_db_bind_text (stmt, 3, review == SCS_SCOPE_REVIEW_NONE ? "" : scs_workspace_get_actor (ws));
  sqlite3_bind_int64 (stmt, 4, id);
  if (!scs_db_step_done (stmt, ws->db, ws->path, error) ||
      !scs_workspace_audit (ws, now, "scope-review", target, old_value, new_value, error))
    return FALSE;
  return commit_item (self, &txn, id, error);
}

gboolean
scs_scope_remove_item (ScsScope  *self,
                       gint64     id,
                       GError   **error)
{
  g_auto(ScsDbTransaction) txn = SCS_DB_TRANSACTION_INIT;
  ScsWorkspace *ws;
  ScsScopeItem *item;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = scs_now_iso8601 ();
  g_autofree char *target = NULL;
  g_autofree char *old_value = NULL;
  guint position;
  ScsScopeKind kind;

  g_return_val_if_fail (SCS_IS_SCOPE (self), FALSE);

  ws = self->workspace;
  item = require_item (self, id, error);
  if (item == NULL)
    return FALSE;
  kind = scs_scope_item_get_kind (item);
  target = item_target (id);
  old_value = g_strdup_printf ("%s: %s", scs_scope_kind_to_string (kind),
                               scs_scope_item_get_name (item));

  if (!require_unsealed (self, id, error))
    return FALSE;
  stmt = scs_workspace_write_begin (ws, &txn, "DELETE FROM scope_item WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!scs_db_step_done (stmt, ws->db, ws->path, error) ||
      !scs_workspace_audit (ws, now, "scope-remove", target, old_value, NULL, error))
    return FALSE;
  if (!scs_db_transaction_commit (&txn, error))
    return FALSE;

  if (find_in (self->by_kind[kind], id, &position))
    g_list_store_remove (self->by_kind[kind], position);
  if (find_in (self->all, id, &position))
    g_list_store_remove (self->all, position);
  emit_changed (self);
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Summary                                                                   */

/**
 * scs_scope_dup_summary:
 *
 * Returns: (transfer full): plain English text, stable for a given scope
 */
char *
scs_scope_dup_summary (ScsWorkspace *workspace)
{
  g_autoptr(GError) error = NULL;
  GString *out;
  ScsScope *self;
  guint excluded = 0, exceptions = 0;
  GListModel *all;

  g_return_val_if_fail (SCS_IS_WORKSPACE (workspace), NULL);

  self = scs_scope_get (workspace, &error);
  if (self == NULL)
    return g_strdup_printf ("Scope: unreadable (%s)\n", error->message);
  if (!scs_scope_is_described (self))
    return g_strdup ("Scope: not described\n");

  out = g_string_new (NULL);
  g_string_append_printf (out, "Scope unit: %s\n", scs_scope_unit_to_string (self->unit));
  if (*self->description != '\0')
    {
      g_autofree char *one_line = g_strdup (self->description);

      g_strdelimit (one_line, "\r\n\t", ' ');
      g_string_append_printf (out, "Description: %s\n", one_line);
    }
  if (*self->entities != '\0')
    {
      g_auto(GStrv) lines = g_strsplit (self->entities, "\n", -1);
      g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();
      g_auto(GStrv) joined = NULL;
      g_autofree char *text = NULL;

      for (guint i = 0; lines[i] != NULL; i++)
        if (*g_strstrip (lines[i]) != '\0')
          g_strv_builder_add (kept, lines[i]);
      joined = g_strv_builder_end (kept);
      text = g_strjoinv ("; ", joined);
      g_string_append_printf (out, "Covers: %s\n", text);
    }

  for (guint k = 0; k < SCS_SCOPE_N_KINDS; k++)
    {
      GListModel *model = G_LIST_MODEL (self->by_kind[k]);
      guint n = g_list_model_get_n_items (model), in = 0, units = 0;

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(ScsScopeItem) item = g_list_model_get_item (model, i);

          if (scs_scope_item_get_status (item) == SCS_SCOPE_STATUS_IN)
            {
              in++;
              units += scs_scope_item_get_count (item);
            }
        }
      if (k == SCS_SCOPE_KIND_ENDPOINT)
        g_string_append_printf (out, "%s: %u in scope (%u devices), %u listed\n",
                                scs_scope_kind_to_string (k), in, units, n);
      else
        g_string_append_printf (out, "%s: %u in scope, %u listed\n",
                                scs_scope_kind_to_string (k), in, n);
    }

  all = G_LIST_MODEL (self->all);
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(ScsScopeItem) item = g_list_model_get_item (all, i);

      if (scs_scope_item_get_status (item) == SCS_SCOPE_STATUS_EXCLUDED)
        excluded++;
      else if (scs_scope_item_get_status (item) == SCS_SCOPE_STATUS_EXCEPTION)
        exceptions++;
    }
  g_string_append_printf (out, "Out of scope: %u exclusions, %u exceptions\n", excluded, exceptions);

  return g_string_free (out, FALSE);
}
