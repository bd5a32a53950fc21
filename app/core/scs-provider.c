/* scs-provider.c: the security service-provider certification dossier
 *
 * METI plans (interim summary, 2026-06-05) a certification, within FY2027,
 * of providers registered in the 情報セキュリティサービス審査登録制度. A
 * workspace of type "provider" assembles the dossier a provider will show:
 *
 * - the dossier's items are a catalog in the usual format
 *   (data/provider/, our own words, PROVISIONAL until the criteria are
 *   published; `scs-cli migrate --catalog` replaces it), so every item is
 *   an ordinary answer (done / not done / N/A with reason), note and
 *   evidence;
 * - this module's tables hold what is not an answer: the link to the
 *   provider's ★4 workspace (path, 法人番号, the ★4 file's identity, the
 *   service department), the ISMS certificate with the part of its scope
 *   text the user marked, the provider certification (three years), the
 *   services per category, the subcontracting declarations, and the tool
 *   and data-store registers;
 * - the disclosure pledge is management's signed declaration
 *   (scs-declaration.c) with the pledge as its text; the dossier goes into
 *   the usual submission package, provider.xml under the expert's manifest.
 *
 * scs-provider-check.c names each inconsistency. Each change is one
 * durable transaction with its audit row, refused once the dossier is
 * sealed by a signature.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "scs-provider.h"
#include "scs-provider-private.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "scs-core-resources.h"
#include "scs-csv.h"
#include "scs-db.h"
#include "scs-i18n.h"
#include "scs-renewal.h"
#include "scs-scope.h"
#include "scs-text.h"
#include "scs-workspace-private.h"
#include "scs-xml.h"

G_DEFINE_QUARK (scs-provider-error-quark, scs_provider_error)

#define PROVIDER_DRAFT_PREFIX "scs-provider-draft-"
#define PROVIDER_NAMESPACE "urn:scs-workbench:provider:1"
#define CERTIFICATION_YEARS 3

static const char provider_v1[] =
  "CREATE TABLE provider_star4 (\n"
  "  id               INTEGER PRIMARY KEY CHECK (id = 1),\n"
  "  path             TEXT NOT NULL CHECK (path <> ''),\n"
  "  corporate_number TEXT,\n"
  "  created          TEXT NOT NULL,\n"
  "  department       TEXT NOT NULL CHECK (department <> ''),\n"
  "  obtained         TEXT,\n"
  "  expiry           TEXT\n"
  ") STRICT;\n"
  "CREATE TABLE provider_isms (\n"
  "  id         INTEGER PRIMARY KEY CHECK (id = 1),\n"
  "  number     TEXT NOT NULL CHECK (number <> ''),\n"
  "  body       TEXT NOT NULL CHECK (body <> ''),\n"
  "  scope      TEXT NOT NULL CHECK (scope <> ''),\n"
  "  expires    TEXT NOT NULL,\n"
  "  mark_start INTEGER NOT NULL DEFAULT -1,\n"
  "  mark_end   INTEGER NOT NULL DEFAULT -1,\n"
  "  CHECK ((mark_start = -1 AND mark_end = -1) OR (0 <= mark_start AND mark_start < mark_end))\n"
  ") STRICT;\n"
  "CREATE TABLE provider_certification (\n"
  "  id       INTEGER PRIMARY KEY CHECK (id = 1),\n"
  "  number   TEXT NOT NULL CHECK (number <> ''),\n"
  "  obtained TEXT NOT NULL,\n"
  "  expiry   TEXT NOT NULL\n"
  ") STRICT;\n"
  "CREATE TABLE provider_service (\n"
  "  id       INTEGER PRIMARY KEY,\n"
  "  category TEXT NOT NULL CHECK (category IN ('audit', 'vulnerability', 'forensics', 'monitoring', 'device')),\n"
  "  name     TEXT NOT NULL CHECK (name <> '')\n"
  ") STRICT;\n"
  "CREATE TABLE provider_subcontract (\n"
  "  category        TEXT PRIMARY KEY CHECK (category IN ('audit', 'vulnerability', 'forensics', 'monitoring', 'device')),\n"
  "  contracting_out INTEGER NOT NULL CHECK (contracting_out IN (0, 1)),\n"
  "  exception       TEXT,\n"
  "  redelegation    INTEGER NOT NULL CHECK (redelegation IN (0, 1)),\n"
  "  CHECK (contracting_out = 0 OR (exception IS NOT NULL AND exception <> ''))\n"
  ") STRICT;\n"
  "CREATE TABLE provider_tool (\n"
  "  id       INTEGER PRIMARY KEY,\n"
  "  name     TEXT NOT NULL CHECK (name <> ''),\n"
  "  maker    TEXT NOT NULL CHECK (maker <> ''),\n"
  "  storage  TEXT NOT NULL CHECK (storage <> ''),\n"
  "  logs     INTEGER NOT NULL CHECK (logs IN (0, 1)),\n"
  "  external INTEGER NOT NULL CHECK (external IN (0, 1))\n"
  ") STRICT;\n"
  "CREATE TABLE provider_store (\n"
  "  id             INTEGER PRIMARY KEY,\n"
  "  service        TEXT NOT NULL CHECK (service <> ''),\n"
  "  data           TEXT NOT NULL CHECK (data <> ''),\n"
  "  location       TEXT NOT NULL CHECK (location <> ''),\n"
  "  classification TEXT NOT NULL CHECK (classification <> ''),\n"
  "  handlers       TEXT NOT NULL CHECK (handlers <> '')\n"
  ") STRICT;\n";

static const char * const provider_steps[] = { provider_v1 };

const ScsSchemaModule scs_provider_schema = {
  "provider", provider_steps, G_N_ELEMENTS (provider_steps),
};

/* ---- catalog and categories ---------------------------------------------- */

ScsCatalog *
scs_provider_catalog_new (void)
{
  return scs_workspace_type_new_catalog (SCS_WORKSPACE_TYPE_PROVIDER);
}

gboolean
scs_provider_catalog_is_provisional (ScsCatalog *catalog)
{
  g_return_val_if_fail (SCS_IS_CATALOG (catalog), FALSE);
  return g_str_has_prefix (scs_catalog_get_id (catalog), PROVIDER_DRAFT_PREFIX);
}

static const char * const category_words[SCS_PROVIDER_N_CATEGORIES] = {
  "audit", "vulnerability", "forensics", "monitoring", "device",
};

const char *
scs_provider_category_to_string (ScsProviderCategory category)
{
  g_return_val_if_fail ((guint) category < SCS_PROVIDER_N_CATEGORIES, "");
  return category_words[category];
}

gboolean
scs_provider_category_from_string (const char          *word,
                                   ScsProviderCategory *category)
{
  guint i;

  if (!scs_text_find_in_array (category_words, word, &i))
    return FALSE;
  if (category != NULL)
    *category = (ScsProviderCategory) i;
  return TRUE;
}

const char *
scs_provider_category_get_label (ScsProviderCategory category)
{
  switch (category)
    {
    case SCS_PROVIDER_AUDIT:
      return _("Information-security audit");
    case SCS_PROVIDER_VULNERABILITY:
      return _("Vulnerability assessment and penetration testing");
    case SCS_PROVIDER_FORENSICS:
      return _("Digital forensics");
    case SCS_PROVIDER_MONITORING:
      return _("Security monitoring and operation");
    case SCS_PROVIDER_DEVICE:
      return _("Device verification");
    case SCS_PROVIDER_N_CATEGORIES:
    default:
      g_return_val_if_reached ("");
    }
}

/* ---- helpers ------------------------------------------------------------- */

gboolean
scs_provider_check_type (ScsWorkspace  *workspace,
                         GError       **error)
{
  if (scs_workspace_get_workspace_type (workspace) == SCS_WORKSPACE_TYPE_PROVIDER)
    return TRUE;
  g_set_error (error, SCS_PROVIDER_ERROR, SCS_PROVIDER_ERROR_WRONG_TYPE,
               _("‘%s’ is not a service-provider dossier: it is for %s"),
               scs_workspace_get_path (workspace),
               scs_workspace_type_get_label (scs_workspace_get_workspace_type (workspace)));
  return FALSE;
}

/* The type, writable, not sealed: what every change asks first. */
static gboolean
check_writable (ScsWorkspace  *workspace,
                const char    *what,
                GError       **error)
{
  return scs_provider_check_type (workspace, error) &&
         scs_workspace_check_writable (workspace, error) &&
         scs_workspace_require_unsealed (workspace, what, error);
}

/* Text that must be given: not blank, and valid (one line unless
 * @multi_line). */
static gboolean
check_required (const char  *text,
                const char  *field,
                gboolean     multi_line,
                GError     **error)
{
  if (scs_text_is_blank (text))
    {
      g_set_error (error, SCS_PROVIDER_ERROR, SCS_PROVIDER_ERROR_INVALID, _("%s is required"), field);
      return FALSE;
    }
  return scs_workspace_check_text (text, field, !multi_line, error);
}

static gboolean
check_field (const char  *text,
             const char  *field,
             GError     **error)
{
  return check_required (text, field, FALSE, error);
}

static GDate *
check_date (const char  *text,
            const char  *field,
            GError     **error)
{
  GDate *date = text != NULL ? scs_date_parse_iso (text) : NULL;

  if (date == NULL)
    g_set_error (error, SCS_PROVIDER_ERROR, SCS_PROVIDER_ERROR_INVALID,
                 _("%s must be a date written YYYY-MM-DD, not ‘%s’"), field, text != NULL ? text : "");
  return date;
}

/* The one row of a record table of the dossier, or NULL (@error set only
 * on failure). */
static sqlite3_stmt *
read_record (ScsWorkspace  *workspace,
             const char    *sql,
             GError       **error)
{
  if (!scs_provider_check_type (workspace, error))
    return NULL;
  return scs_db_read_row (workspace->db, workspace->path, sql, error);
}

/* ---- the ★4 workspace ---------------------------------------------------- */

void
scs_provider_star4_free (ScsProviderStar4 *star4)
{
  if (star4 == NULL)
    return;
  g_free (star4->path);
  g_free (star4->corporate_number);
  g_free (star4->created);
  g_free (star4->department);
  g_free (star4->obtained);
  g_free (star4->expiry);
  g_free (star4);
}

ScsValidity *
scs_provider_load_validity (void)
{
  g_autoptr(GError) error = NULL;
  ScsValidity *validity = scs_validity_load_default (&error);

  /* Built-in data: part of the program. */
  if (validity == NULL)
    g_error ("The validity data does not load: %s", error->message);
  return validity;
}

gboolean
scs_provider_link_star4 (ScsWorkspace  *workspace,
                         const char    *star4_path,
                         const char    *department,
                         GError       **error)
{
  g_auto(ScsDbTransaction) txn = SCS_DB_TRANSACTION_INIT;
  g_autoptr(ScsWorkspace) star4 = NULL;
  g_autoptr(ScsOrganization) ours = NULL;
  g_autoptr(ScsOrganization) theirs = NULL;
  g_autoptr(ScsValidity) validity = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *absolute = NULL;
  g_autofree char *obtained = NULL;
  g_autofree char *expiry = NULL;
  guint level = 0;

  g_return_val_if_fail (SCS_IS_WORKSPACE (workspace), FALSE);
  g_return_val_if_fail (star4_path != NULL, FALSE);

  if (!check_writable (workspace, _("the link to the ★4 workspace"), error) ||
      !check_field (department, _("The service department"), error))
    return FALSE;

  file = g_file_new_for_path (star4_path);
  absolute = g_file_get_path (file);
  if (g_strcmp0 (absolute, scs_workspace_get_path (workspace)) == 0)
    {
      g_set_error (error, SCS_PROVIDER_ERROR, SCS_PROVIDER_ERROR_STAR4,
                   _("‘%s’ is the dossier itself, not the ★4 workspace"), star4_path);
      return FALSE;
    }
  star4 = scs_workspace_open (absolute, &local_error);
  if (star4 == NULL)
    {
      g_set_error (error, SCS_PROVIDER_ERROR, SCS_PROVIDER_ERROR_STAR4,
                   _("The ★4 workspace ‘%s’ cannot be opened: %s"), star4_path, local_error->message);
      return FALSE;
    }
  if (scs_workspace_get_workspace_type (star4) != SCS_WORKSPACE_TYPE_SCS ||
      scs_workspace_get_target_level (star4) < 4)
    {
      g_set_error (error, SCS_PROVIDER_ERROR, SCS_PROVIDER_ERROR_STAR4,
                   _("‘%s’ is not an SCS ★4 workspace"), star4_path);
      return FALSE;
    }
  ours = scs_workspace_dup_organization (workspace);
  theirs = scs_workspace_dup_organization (star4);
  if (ours->corporate_number == NULL || g_strcmp0 (ours->corporate_number, theirs->corporate_number) != 0)
    {
      g_set_error (error, SCS_PROVIDER_ERROR, SCS_PROVIDER_ERROR_STAR4,
                   _("The ★4 workspace ‘%s’ belongs to corporate number %s, the dossier to %s"),
                   star4_path, theirs->corporate_number != NULL ? theirs->corporate_number : "—",
                   ours->corporate_number != NULL ? ours->corporate_number : "—");
      return FALSE;
    }
  if (!scs_renewal_get_certification (star4, &level, &obtained, &local_error) && local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (obtained != NULL)
    {
      g_autoptr(GDate) date = scs_date_parse_iso (obtained);
      g_autoptr(GDate) end = NULL;

      validity = scs_provider_load_validity ();
      end = date != NULL ? scs_validity_compute_expiry (validity, level, date) : NULL;
      expiry = end != NULL ? scs_date_to_iso (end) : NULL;
    }

  stmt = scs_workspace_write_begin (workspace, &txn,
                                    "INSERT OR REPLACE INTO provider_star4 (id, path, corporate_number, created, "
                                    "department, obtained, expiry) VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6)", error);
  if (stmt == NULL)
    return FALSE;
  scs_db_bind_text (stmt, 1, absolute);
  scs_db_bind_text (stmt, 2, theirs->corporate_number);
  scs_db_bind_text (stmt, 3, scs_workspace_get_created (star4));
  scs_db_bind_text (stmt, 4, department);
  scs_db_bind_text (stmt, 5, obtained);
  scs_db_bind_text (stmt, 6, expiry);
  return scs_workspace_write_finish (workspace, &txn, stmt, NULL, "provider-star4", absolute, NULL,
                                     department, error);
}

ScsProviderStar4 *
scs_provider_get_star4 (ScsWorkspace  *workspace,
                        GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  ScsProviderStar4 *star4;

  g_return_val_if_fail (SCS_IS_WORKSPACE (workspace), NULL);

  stmt = read_record (workspace, "SELECT path, corporate_number, created, department, obtained, expiry "
                      "FROM provider_star4 WHERE id = 1", error);
  if (stmt == NULL)
    return NULL;
  star4 = g_new0 (ScsProviderStar4, 1);
  star4->path = scs_db_column_dup (stmt, 0);
  star4->corporate_number = scs_db_column_dup (stmt, 1);
  star4->created = scs_db_column_dup (stmt, 2);
  star4->department = scs_db_column_dup (stmt, 3);
  star4->obtained = scs_db_column_dup (stmt, 4);
  star4->expiry = scs_db_column_dup (stmt, 5);
  return star4;
}

/* ---- ISMS ------------------------------------------------------------------ */

void
scs_provider_isms_free (ScsProviderIsms *isms)
{
  if (isms == NULL)
    return;
  g_free (isms->number);
  g_free (isms->body);
  g_free (isms->scope);
  g_free (isms->expires);
  g_free (isms);
}

gboolean
scs_provider_set_isms (ScsWorkspace           *workspace,
                       const ScsProviderIsms  *isms,
                       GError                **error)
{
  g_auto(ScsDbTransaction) txn = SCS_DB_TRANSACTION_INIT;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GDate) expires = NULL;
  glong length;

  g_return_val_if_fail (SCS_IS_WORKSPACE (workspace), FALSE);
  g_return_val_if_fail (isms != NULL, FALSE);

  if (!check_writable (workspace, _("the ISMS certificate"), error) ||
      !check_field (isms->number, _("The ISMS certificate number"), error) ||
      !check_field (isms->body, _("The ISMS certification body"), error))
    return FALSE;
  if (!check_required (isms->scope, _("The ISMS scope text"), TRUE, error))
    return FALSE;
  expires = check_date (isms->expires, _("The ISMS expiry"), error);
  if (expires == NULL)
    return FALSE;
  length = g_utf8_strlen (isms->scope, -1);
  if (!((isms->mark_start == -1 && isms->mark_end == -1) ||
        (isms->mark_start >= 0 && isms->mark_start < isms->mark_end && isms->mark_end <= length)))
    {
      g_set_error (error, SCS_PROVIDER_ERROR, SCS_PROVIDER_ERROR_INVALID,
                   _("The marked part (%d–%d) is not inside the ISMS scope text (%ld characters)"),
                   isms->mark_start, isms->mark_end, length);
      return FALSE;
    }

  stmt = scs_workspace_write_begin (workspace, &txn,
                                    "INSERT OR REPLACE INTO provider_isms (id, number, body, scope, expires, "
                                    "mark_start, mark_end) VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6)", error);
  if (stmt == NULL)
    return FALSE;
  scs_db_bind_text (stmt, 1, isms->number);
  scs_db_bind_text (stmt, 2, isms->body);
  scs_db_bind_text (stmt, 3, isms->scope);
  scs_db_bind_text (stmt, 4, isms->expires);
  sqlite3_bind_int (stmt, 5, isms->mark_start);
  sqlite3_bind_int (stmt, 6, isms->mark_end);
  return scs_workspace_write_finish (workspace, &txn, stmt, NULL, "provider-isms", isms->number, NULL,
                                     isms->expires, error);
}

ScsProviderIsms *
scs_provider_get_isms (ScsWorkspace  *workspace,
                       GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  ScsProviderIsms *isms;

  g_return_val_if_fail (SCS_IS_WORKSPACE (workspace), NULL);

  stmt = read_record (workspace, "SELECT number, body, scope, expires, mark_start, mark_end "
                      "FROM provider_isms WHERE id = 1", error);
  if (stmt == NULL)
    return NULL;
  isms = g_new0 (ScsProviderIsms, 1);
  isms->number = scs_db_column_dup (stmt, 0);
  isms->body = scs_db_column_dup (stmt, 1);
  isms->scope = scs_db_column_dup (stmt, 2);
  isms->expires = scs_db_column_dup (stmt, 3);
  isms->mark_start = sqlite3_column_int (stmt, 4);
  isms->mark_end = sqlite3_column_int (stmt, 5);
  return isms;
}

char *
scs_provider_isms_dup_marked (const ScsProviderIsms *isms)
{
  const char *start;
  const char *end;

  g_return_val_if_fail (isms != NULL, NULL);
  if (isms->mark_start < 0 || isms->mark_end <= isms->mark_start ||
      isms->mark_end > g_utf8_strlen (isms->scope, -1))
    return NULL;
  start = g_utf8_offset_to_pointer (isms->scope, isms->mark_start);
  end = g_utf8_offset_to_pointer (isms->scope, isms->mark_end);
  return g_strndup (start, end - start);
}

/* ---- the provider certification ----------------------------------------- */

static char *
certification_expiry (const GDate *obtained)
{
  g_autoptr(GDate) end = g_date_copy (obtained);

  g_date_add_years (end, CERTIFICATION_YEARS);
  g_date_subtract_days (end, 1);
  return scs_date_to_iso (end);
}

gboolean
scs_provider_set_certification (ScsWorkspace  *workspace,
                                const char    *number,
                                const char    *obtained,
                                GError       **error)
{
  g_auto(ScsDbTransaction) txn = SCS_DB_TRANSACTION_INIT;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GDate) date = NULL;
  g_autofree char *expiry = NULL;

  g_return_val_if_fail (SCS_IS_WORKSPACE (workspace), FALSE);

  if (!check_writable (workspace, _("the provider certification"), error) ||
      !check_field (number, _("The certification number"), error))
    return FALSE;
  date = check_date (obtained, _("The certification date"), error);
  if (date == NULL)
    return FALSE;
  expiry = certification_expiry (date);

  stmt = scs_workspace_write_begin (workspace, &txn,
                                    "INSERT OR REPLACE INTO provider_certification (id, number, obtained, expiry) "
                                    "VALUES (1, ?1, ?2, ?3)", error);
  if (stmt == NULL)
    return FALSE;
  scs_db_bind_text (stmt, 1, number);
  scs_db_bind_text (stmt, 2, obtained);
  scs_db_bind_text (stmt, 3, expiry);
  return scs_workspace_write_finish (workspace, &txn, stmt, NULL, "provider-certification", number, NULL,
                                     obtained, error);
}

gboolean
scs_provider_get_certification (ScsWorkspace  *workspace,
                                char         **number,
                                char         **obtained,
                                char         **expiry,
                                GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SCS_IS_WORKSPACE (workspace), FALSE);

  stmt = read_record (workspace, "SELECT number, obtained, expiry FROM provider_certification WHERE id = 1", error);
  if (stmt == NULL)
    return FALSE;
  if (number != NULL)
    *number = scs_db_column_dup (stmt, 0);
  if (obtained != NULL)
    *obtained = scs_db_column_dup (stmt, 1);
  if (expiry != NULL)
    *expiry = scs_db_column_dup (stmt, 2);
  return TRUE;
}

/* ---- services and subcontracting ----------------------------------------- */

void
scs_provider_service_free (ScsProviderService *service)
{
  if (service == NULL)
    return;
  g_free (service->name);
  g_free (service);
}

void
scs_provider_subcontract_free (ScsProviderSubcontract *subcontract)
{
  if (subcontract == NULL)
    return;
  g_free (subcontract->exception);
  g_free (subcontract);
}

gint64
scs_provider_add_service (ScsWorkspace         *workspace,
                          ScsProviderCategory   category,
                          const char           *name,
                          GError              **error)
{
  g_auto(ScsDbTransaction) txn = SCS_DB_TRANSACTION_INIT;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SCS_IS_WORKSPACE (workspace), 0);
  g_return_val_if_fail ((guint) category < SCS_PROVIDER_N_CATEGORIES, 0);

  if (!check_writable (workspace, _("the service list"), error) ||
      !check_field (name, _("The service name"), error))
    return 0;
  stmt = scs_workspace_write_begin (workspace, &txn,
                                    "INSERT INTO provider_service (category, name) VALUES (?1, ?2)", error);
  if (stmt == NULL)
    return 0;
  scs_db_bind_text (stmt, 1, category_words[category]);
  scs_db_bind_text (stmt, 2, name);
  if (!scs_workspace_write_finish (workspace, &txn, stmt, NULL, "provider-service", category_words[category], NULL,
                                   name, error))
    return 0;
  return sqlite3_last_insert_rowid (workspace->db);
}

static gpointer
service_from_row (sqlite3_stmt *stmt,
                  gpointer      user_data)
{
  ScsProviderService *service = g_new0 (ScsProviderService, 1);

  service->id = sqlite3_column_int64 (stmt, 0);
  scs_provider_category_from_string ((const char *) sqlite3_column_text (stmt, 1), &service->category);
  service->name = scs_db_column_dup (stmt, 2);
  return service;
}

GPtrArray *
scs_provider_list_services (ScsWorkspace  *workspace,
                            GError       **error)
{
  g_autoptr(GPtrArray) services = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SCS_IS_WORKSPACE (workspace), NULL);

  if (!scs_provider_check_type (workspace, error))
    return NULL;
  stmt = scs_db_prepare (workspace->db, workspace->path,
                         "SELECT id, category, name FROM provider_service", error);
  if (stmt == NULL)
    return NULL;
  services = scs_db_collect (stmt, workspace->db, workspace->path, service_from_row, NULL,
                             (GDestroyNotify) scs_provider_service_free, error);
  if (services == NULL)
    return NULL;
  /* By category (the enum's order), then ID. */
  for (guint i = 1; i < services->len; i++)
    for (guint j = i; j > 0; j--)
      {
        ScsProviderService *a = services->pdata[j - 1];
        ScsProviderService *b = services->pdata[j];

        if (a->category < b->category || (a->category == b->category && a->id < b->id))
          break;
        services->pdata[j - 1] = b;
        services->pdata[j] = a;
      }
  return g_steal_pointer (&services);
}

gboolean
scs_provider_set_subcontract (ScsWorkspace                  *workspace,
                              const ScsProviderSubcontract  *subcontract,
                              GError                       **error)
{
  g_auto(ScsDbTransaction) txn = SCS_DB_TRANSACTION_INIT;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *word;

  g_return_val_if_fail (SCS_IS_WORKSPACE (workspace), FALSE);
  g_return_val_if_fail (subcontract != NULL, FALSE);
  g_return_val_if_fail ((guint) subcontract->category < SCS_PROVIDER_N_CATEGORIES, FALSE);

  if (!check_writable (workspace, _("the subcontracting declarations"), error))
    return FALSE;
  word = category_words[subcontract->category];
  if (subcontract->contracting_out && scs_text_is_blank (subcontract->exception))
    {
      g_set_error (error, SCS_PROVIDER_ERROR, SCS_PROVIDER_ERROR_INVALID,
                   _("%s: contracting out service delivery is prohibited in principle; "
                     "give the exception that allows it"),
                   scs_provider_category_get_label (subcontract->category));
      return FALSE;
    }
  if (subcontract->exception != NULL &&
      !scs_workspace_check_text (subcontract->exception, _("The exception"), FALSE, error))
    return FALSE;

  stmt = scs_workspace_write_begin (workspace, &txn,
                                    "INSERT OR REPLACE INTO provider_subcontract (category, contracting_out, exception, "
                                    "redelegation) VALUES (?1, ?2, ?3, ?4)", error);
  if (stmt == NULL)
    return FALSE;
  scs_db_bind_text (stmt, 1, word);
  sqlite3_bind_int (stmt, 2, subcontract->contracting_out ? 1 : 0);
  scs_db_bind_text (stmt, 3, subcontract->contracting_out ? subcontract->exception : NULL);
  sqlite3_bind_int (stmt, 4, subcontract->redelegation ? 1 : 0);
  return scs_workspace_write_finish (workspace, &txn, stmt, NULL, "provider-subcontract", word, NULL,
                                     subcontract->redelegation ? "redelegation" :
                                     subcontract->contracting_out ? "contracting-out" : "none", error);
}

GPtrArray *
scs_provider_list_subcontracts (ScsWorkspace  *workspace,
                                GError       **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) scs_provider_subcontract_free);

  g_return_val_if_fail (SCS_IS_WORKSPACE (workspace), NULL);

  if (!scs_provider_check_type (workspace, error))
    return NULL;
  for (guint i = 0; i < SCS_PROVIDER_N_CATEGORIES; i++)
    {
      g_autoptr(sqlite3_stmt) stmt = NULL;
      ScsProviderSubcontract *subcontract;

      stmt = scs_db_prepare (workspace->db, workspace->path,
                             "SELECT contracting_out, exception, redelegation FROM provider_subcontract "
                             "WHERE category = ?1", error);
      if (stmt == NULL)
        return NULL;
      scs_db_bind_text (stmt, 1, category_words[i]);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        continue;
      subcontract = g_new0 (ScsProviderSubcontract, 1);
      subcontract->category = (ScsProviderCategory) i;
      subcontract->contracting_out = sqlite3_column_int (stmt, 0) != 0;
      subcontract->exception = scs_db_column_dup (stmt, 1);
      subcontract->redelegation = sqlite3_column_int (stmt, 2) != 0;
      g_ptr_array_add (list, subcontract);
    }
  return g_steal_pointer (&list);
}

/* ---- registers ------------------------------------------------------------ */

typedef struct
{
  const char *name;     /* column in the table, CSV header */
  const char *label;    /* N_() */
  const char *label_ja; /* the Japanese CSV header, whatever the language */
  gboolean    yes_no;
} Column;

static const Column tool_columns[] = {
  { "name", N_("Tool"), "ツール名", FALSE },
  { "maker", N_("Maker"), "提供元", FALSE },
  { "storage", N_("Where its data is stored"), "データの保存先", FALSE },
  { "logs", N_("Operation logs kept"), "操作ログ", TRUE },
  { "external", N_("Communicates externally"), "外部通信", TRUE },
};

static const Column store_columns[] = {
  { "service", N_("Service"), "サービス", FALSE },
  { "data", N_("Information stored"), "保管する情報", FALSE },
  { "location", N_("Where it is stored"), "保管場所", FALSE },
  { "classification", N_("Classification"), "分類", FALSE },
  { "handlers", N_("Who may handle it"), "取扱者", FALSE },
};

#define N_REGISTER_COLUMNS 5
G_STATIC_ASSERT (G_N_ELEMENTS (tool_columns) == N_REGISTER_COLUMNS);
G_STATIC_ASSERT (G_N_ELEMENTS (store_columns) == N_REGISTER_COLUMNS);

static const char * const tool_names[] = { "name", "maker", "storage", "logs", "external", NULL };
static const char * const store_names[] = { "service", "data", "location", "classification", "handlers", NULL };

static const Column *
register_columns (ScsProviderRegister which)
{
  return which == SCS_PROVIDER_REGISTER_TOOLS ? tool_columns : store_columns;
}

static const char *
register_table (ScsProviderRegister which)
{
  return which == SCS_PROVIDER_REGISTER_TOOLS ? "provider_tool" : "provider_store";
}

const char * const *
scs_provider_register_columns (ScsProviderRegister which)
{
  return which == SCS_PROVIDER_REGISTER_TOOLS ? tool_names : store_names;
}

const char *
scs_provider_register_column_label (ScsProviderRegister which,
                                    guint               column)
{
  g_return_val_if_fail (column < N_REGISTER_COLUMNS, "");
  return _(register_columns (which)[column].label);
}

void
scs_provider_row_free (ScsProviderRow *row)
{
  if (row == NULL)
    return;
  g_strfreev (row->values);
  g_free (row);
}

/* "yes" / "no" and their usual spellings; -1 for anything else. */
static int
parse_yes_no (const char *text)
{
  static const char * const yes[] = { "yes", "y", "true", "1", "はい", "有", "あり", "○", NULL };
  static const char * const no[] = { "no", "n", "false", "0", "いいえ", "無", "なし", "×", NULL };
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  g_autofree char *word = g_utf8_strdown (stripped, -1);

  if (g_strv_contains (yes, word))
    return 1;
  if (g_strv_contains (no, word))
    return 0;
  return -1;
}

/* Inserts one row inside the caller's transaction. @where prefixes errors
 * (e.g. "line 3"), or NULL. */
static gint64
insert_row (ScsWorkspace        *workspace,
            ScsProviderRegister  which,
            const char * const  *values,
            const char          *where,
            GError             **error)
{
  const Column *columns = register_columns (which);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;

  for (guint i = 0; i < N_REGISTER_COLUMNS; i++)
    {
      g_autoptr(GError) local_error = NULL;
      const char *value = values[i];

      if (columns[i].yes_no ? parse_yes_no (value != NULL ? value : "") < 0
                            : !check_field (value, _(columns[i].label), &local_error))
        {
          g_autofree char *problem = NULL;

          if (columns[i].yes_no)
            problem = g_strdup_printf (_("%s must be yes or no, not ‘%s’"), _(columns[i].label),
                                       value != NULL ? value : "");
          else
            problem = g_strdup (local_error->message);
          if (where != NULL)
            g_set_error (error, SCS_PROVIDER_ERROR, SCS_PROVIDER_ERROR_INVALID,
                         /* Translators: "line 3, column 2: Maker is required" */
                         _("%s, column %u: %s"), where, i + 1, problem);
          else
            g_set_error_literal (error, SCS_PROVIDER_ERROR, SCS_PROVIDER_ERROR_INVALID, problem);
          return 0;
        }
    }

  sql = g_strdup_printf ("INSERT INTO %s (%s, %s, %s, %s, %s) VALUES (?1, ?2, ?3, ?4, ?5)",
                         register_table (which), columns[0].name, columns[1].name, columns[2].name,
                         columns[3].name, columns[4].name);
  stmt = scs_db_prepare (workspace->db, workspace->path, sql, error);
  if (stmt == NULL)
    return 0;
  for (guint i = 0; i < N_REGISTER_COLUMNS; i++)
    if (columns[i].yes_no)
      sqlite3_bind_int (stmt, i + 1, parse_yes_no (values[i]));
    else
      {
        g_autofree char *stripped = g_strstrip (g_strdup (values[i]));

        scs_db_bind_text (stmt, i + 1, stripped);
      }
  if (!scs_db_step_done (stmt, workspace->db, workspace->path, error))
    return 0;
  return sqlite3_last_insert_rowid (workspace->db);
}

gint64
scs_provider_add_row (ScsWorkspace         *workspace,
                      ScsProviderRegister   which,
                      const char * const   *values,
                      GError              **error)
{
  g_auto(ScsDbTransaction) txn = SCS_DB_TRANSACTION_INIT;
  g_autofree char *now = scs_now_iso8601 ();
  gint64 id;

  g_return_val_if_fail (SCS_IS_WORKSPACE (workspace), 0);
  g_return_val_if_fail (values != NULL, 0);

  if (!check_writable (workspace, _("the registers"), error))
    return 0;
  if (g_strv_length ((char **) values) != N_REGISTER_COLUMNS)
    {
      g_set_error (error, SCS_PROVIDER_ERROR, SCS_PROVIDER_ERROR_INVALID,
                   _("A register row has %u values, not %u"), N_REGISTER_COLUMNS,
                   g_strv_length ((char **) values));
      return 0;
    }
  if (!scs_workspace_transaction_begin (workspace, &txn, error))
    return 0;
  id = insert_row (workspace, which, values, NULL, error);
  if (id == 0 ||
      !scs_workspace_audit (workspace, now, "provider-register", register_table (which), NULL, values[0], error) ||
      !scs_db_transaction_commit (&txn, error))
    return 0;
  return id;
}

gboolean
scs_provider_remove_row (ScsWorkspace         *workspace,
                         ScsProviderRegister   which,
                         gint64                id,
                         GError              **error)
{
  g_auto(ScsDbTransaction) txn = SCS_DB_TRANSACTION_INIT;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *target = NULL;
  g_autofree char *now = scs_now_iso8601 ();

  g_return_val_if_fail (SCS_IS_WORKSPACE (workspace), FALSE);

  if (!check_writable (workspace, _("the registers"), error))
    return FALSE;
  if (!scs_workspace_transaction_begin (workspace, &txn, error))
    return FALSE;
  sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?1", register_table (which));
  stmt = scs_db_prepare (workspace->db, workspace->path, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!scs_db_step_done (stmt, workspace->db, workspace->path, error))
    return FALSE;
  target = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  if (sqlite3_changes (workspace->db) == 0)
    {
      g_set_error (error, SCS_PROVIDER_ERROR, SCS_PROVIDER_ERROR_INVALID, _("The register has no row %s"), target);
      return FALSE;
    }
  if (!scs_workspace_audit (workspace, now, "provider-register-remove", register_table (which), target, NULL,
                            error) ||
      !scs_db_transaction_commit (&txn, error))
    return FALSE;
  return TRUE;
}

/* @user_data: the register's columns. */
static gpointer
register_row_from_row (sqlite3_stmt *stmt,
                       gpointer      user_data)
{
  const Column *columns = user_data;
  ScsProviderRow *row = g_new0 (ScsProviderRow, 1);

  row->id = sqlite3_column_int64 (stmt, 0);
  row->values = g_new0 (char *, N_REGISTER_COLUMNS + 1);
  for (guint i = 0; i < N_REGISTER_COLUMNS; i++)
    row->values[i] = columns[i].yes_no ? g_strdup (sqlite3_column_int (stmt, i + 1) ? "yes" : "no")
                                       : scs_db_column_dup (stmt, i + 1);
  return row;
}

GPtrArray *
scs_provider_list_rows (ScsWorkspace         *workspace,
                        ScsProviderRegister   which,
                        GError              **error)
{
  const Column *columns = register_columns (which);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;

  g_return_val_if_fail (SCS_IS_WORKSPACE (workspace), NULL);

  if (!scs_provider_check_type (workspace, error))
    return NULL;
  sql = g_strdup_printf ("SELECT id, %s, %s, %s, %s, %s FROM %s ORDER BY id",
                         columns[0].name, columns[1].name, columns[2].name, columns[3].name,
                         columns[4].name, register_table (which));
  stmt = scs_db_prepare (workspace->db, workspace->path, sql, error);
  if (stmt == NULL)
    return NULL;
  return scs_db_collect (stmt, workspace->db, workspace->path, register_row_from_row, (gpointer) columns,
                         (GDestroyNotify) scs_provider_row_free, error);
}

static int
find_header (const Column *columns,
             const char   *header)
{
  g_autofree char *cell = g_strstrip (g_strdup (scs_csv_cell_text (header)));

  for (guint i = 0; i < N_REGISTER_COLUMNS; i++)
    if (g_ascii_strcasecmp (cell, columns[i].name) == 0 ||
        g_str_equal (cell, columns[i].label) ||
        g_str_equal (cell, columns[i].label_ja))
      return (int) i;
  return -1;
}

guint
scs_provider_import_csv (ScsWorkspace         *workspace,
                         ScsProviderRegister   which,
                         const char           *data,
                         gsize                 length,
                         const char           *source,
                         GError              **error)
{
  g_auto(ScsDbTransaction) txn = SCS_DB_TRANSACTION_INIT;
  const Column *columns = register_columns (which);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GArray) lines = NULL;
  g_autofree char *text = NULL;
  g_autofree char *now = scs_now_iso8601 ();
  g_autofree char *count = NULL;
  int map[N_REGISTER_COLUMNS];
  gsize text_length = 0;
  GStrv header;

  g_return_val_if_fail (SCS_IS_WORKSPACE (workspace), 0);
  g_return_val_if_fail (data != NULL || length == 0, 0);

  if (!check_writable (workspace, _("the registers"), error))
    return 0;
  text = scs_csv_decode (data, length, &text_length, NULL, &local_error);
  if (text != NULL)
    rows = scs_csv_parse_lines (text, text_length, &lines, &local_error);
  if (rows == NULL)
    {
      g_set_error (error, SCS_PROVIDER_ERROR, SCS_PROVIDER_ERROR_INVALID, "%s: %s",
                   source != NULL ? source : "CSV", local_error->message);
      return 0;
    }
  if (rows->len < 2)
    {
      g_set_error (error, SCS_PROVIDER_ERROR, SCS_PROVIDER_ERROR_INVALID,
                   _("%s: no rows below the header"), source != NULL ? source : "CSV");
      return 0;
    }

  /* The header names every column, each once. */
  header = rows->pdata[0];
  for (guint i = 0; i < N_REGISTER_COLUMNS; i++)
    map[i] = -1;
  for (guint c = 0; header[c] != NULL; c++)
    {
      int column = find_header (columns, header[c]);

      if (column < 0 || map[column] >= 0)
        {
          g_set_error (error, SCS_PROVIDER_ERROR, SCS_PROVIDER_ERROR_INVALID,
                       column < 0 ? _("%s: line 1, column %u: unknown column ‘%s’")
                                  : _("%s: line 1, column %u: column ‘%s’ appears twice"),
                       source != NULL ? source : "CSV", c + 1, header[c]);
          return 0;
        }
      map[column] = (int) c;
    }
  for (guint i = 0; i < N_REGISTER_COLUMNS; i++)
    if (map[i] < 0)
      {
        g_set_error (error, SCS_PROVIDER_ERROR, SCS_PROVIDER_ERROR_INVALID,
                     _("%s: the header has no column ‘%s’ (%s)"), source != NULL ? source : "CSV",
                     columns[i].name, _(columns[i].label));
        return 0;
      }

  if (!scs_workspace_transaction_begin (workspace, &txn, error))
    return 0;
  for (guint r = 1; r < rows->len; r++)
    {
      GStrv row = rows->pdata[r];
      const char *values[N_REGISTER_COLUMNS + 1] = { NULL };
      g_autofree char *where = g_strdup_printf (_("%s: line %u"), source != NULL ? source : "CSV",
                                                g_array_index (lines, guint, r));
      g_autoptr(GError) row_error = NULL;

      for (guint i = 0; i < N_REGISTER_COLUMNS; i++)
        values[i] = scs_csv_cell_text (row[map[i]]);
      if (insert_row (workspace, which, values, where, &row_error) == 0)
        {
          scs_db_transaction_rollback (&txn);
          /* The column as the file has it. */
          g_propagate_error (error, g_steal_pointer (&row_error));
          return 0;
        }
    }
  count = g_strdup_printf ("%u", rows->len - 1);
  if (!scs_workspace_audit (workspace, now, "provider-register-import", register_table (which),
                            source, count, error) ||
      !scs_db_transaction_commit (&txn, error))
    return 0;
  return rows->len - 1;
}

/* ---- pledge ----------------------------------------------------------------- */

const char *
scs_provider_get_pledge_text (void)
{
  return _("We pledge that, on a customer’s request, we will disclose the organisation, the people, "
           "the data and the tools involved in delivering our security services to that customer, "
           "and that we will not re-delegate the delivery of these services.");
}

/* ---- provider.xml and the report --------------------------------------------- */

static void
element (GString    *out,
         guint       indent,
         const char *name,
         const char *text)
{
  if (text != NULL)
    scs_xml_append_element (out, indent, name, text);
}

GBytes *
scs_provider_render_xml (ScsWorkspace  *workspace,
                         GError       **error)
{
  g_autoptr(GString) out = NULL;
  g_autoptr(ScsProviderStar4) link = NULL;
  g_autoptr(ScsProviderIsms) isms = NULL;
  g_autoptr(GPtrArray) services = NULL;
  g_autoptr(GPtrArray) subcontracts = NULL;
  g_autofree char *number = NULL;
  g_autofree char *obtained = NULL;
  g_autofree char *expiry = NULL;

  g_return_val_if_fail (SCS_IS_WORKSPACE (workspace), NULL);

  if (scs_workspace_get_workspace_type (workspace) != SCS_WORKSPACE_TYPE_PROVIDER)
    return NULL;

  out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                      "<provider xmlns=\"" PROVIDER_NAMESPACE "\" version=\"1\" provisional=\"true\">\n");
  link = scs_provider_get_star4 (workspace, error);
  if (error != NULL && *error != NULL)
    return NULL;
  if (link != NULL)
    {
      g_string_append (out, "  <star4>\n");
      element (out, 4, "path", link->path);
      element (out, 4, "corporate-number", link->corporate_number);
      element (out, 4, "created", link->created);
      element (out, 4, "department", link->department);
      element (out, 4, "obtained", link->obtained);
      element (out, 4, "expiry", link->expiry);
      g_string_append (out, "  </star4>\n");
    }
  isms = scs_provider_get_isms (workspace, NULL);
  if (isms != NULL)
    {
      g_autofree char *marked = scs_provider_isms_dup_marked (isms);

      g_string_append (out, "  <isms>\n");
      element (out, 4, "number", isms->number);
      element (out, 4, "body", isms->body);
      element (out, 4, "scope", isms->scope);
      element (out, 4, "expires", isms->expires);
      if (marked != NULL)
        {
          g_string_append_printf (out, "    <marked start=\"%d\" end=\"%d\">", isms->mark_start, isms->mark_end);
          scs_xml_append_escaped (out, marked);
          g_string_append (out, "</marked>\n");
        }
      g_string_append (out, "  </isms>\n");
    }
  if (scs_provider_get_certification (workspace, &number, &obtained, &expiry, NULL))
    {
      g_string_append (out, "  <certification>\n");
      element (out, 4, "number", number);
      element (out, 4, "obtained", obtained);
      element (out, 4, "expiry", expiry);
      g_string_append (out, "  </certification>\n");
    }
  services = scs_provider_list_services (workspace, error);
  subcontracts = services != NULL ? scs_provider_list_subcontracts (workspace, error) : NULL;
  if (subcontracts == NULL)
    return NULL;
  for (guint i = 0; i < services->len; i++)
    {
      ScsProviderService *service = services->pdata[i];

      g_string_append_printf (out, "  <service category=\"%s\">", category_words[service->category]);
      scs_xml_append_escaped (out, service->name);
      g_string_append (out, "</service>\n");
    }
  for (guint i = 0; i < subcontracts->len; i++)
    {
      ScsProviderSubcontract *subcontract = subcontracts->pdata[i];

      g_string_append_printf (out, "  <subcontracting category=\"%s\" contracting-out=\"%s\" "
                              "redelegation=\"%s\"", category_words[subcontract->category],
                              subcontract->contracting_out ? "yes" : "no",
                              subcontract->redelegation ? "yes" : "no");
      if (subcontract->exception != NULL)
        {
          g_string_append (out, ">\n");
          element (out, 4, "exception", subcontract->exception);
          g_string_append (out, "  </subcontracting>\n");
        }
      else
        g_string_append (out, "/>\n");
    }
  for (guint which = 0; which < 2; which++)
    {
      g_autoptr(GPtrArray) rows = scs_provider_list_rows (workspace, which, error);
      const char * const *names = scs_provider_register_columns (which);

      if (rows == NULL)
        return NULL;
      for (guint i = 0; i < rows->len; i++)
        {
          ScsProviderRow *row = rows->pdata[i];

          g_string_append_printf (out, "  <%s>\n", which == SCS_PROVIDER_REGISTER_TOOLS ? "tool" : "store");
          for (guint c = 0; c < N_REGISTER_COLUMNS; c++)
            element (out, 4, names[c], row->values[c]);
          g_string_append_printf (out, "  </%s>\n", which == SCS_PROVIDER_REGISTER_TOOLS ? "tool" : "store");
        }
    }
  g_string_append (out, "</provider>\n");
  return g_string_free_to_bytes (g_steal_pointer (&out));
}

static const char *
yes_no_label (const char *word)
{
  return g_strcmp0 (word, "yes") == 0 ? _("Yes") : _("No");
}

void
scs_provider_add_report (ScsPdfWriter *writer,
                         ScsWorkspace *workspace)
{
  g_autoptr(ScsProviderStar4) link = NULL;
  g_autoptr(ScsProviderIsms) isms = NULL;
  g_autoptr(GPtrArray) services = NULL;
  g_autoptr(GPtrArray) subcontracts = NULL;
  g_autofree char *number = NULL;
  g_autofree char *obtained = NULL;
  g_autofree char *expiry = NULL;
  g_autofree char *marked = NULL;

  g_return_if_fail (SCS_IS_WORKSPACE (workspace));
  if (scs_workspace_get_workspace_type (workspace) != SCS_WORKSPACE_TYPE_PROVIDER)
    return;

  scs_pdf_writer_heading (writer, _("Service-provider dossier"));
  scs_pdf_writer_small (writer, _("Provisional: the certification scheme is not final; the dossier items are "
                                  "our own draft."));
  link = scs_provider_get_star4 (workspace, NULL);
  scs_pdf_writer_subheading (writer, _("SCS ★4"));
  scs_pdf_writer_key_values (writer, (const char *[]) {
    _("Service department"), link != NULL ? link->department : NULL,
    _("★4 workspace"), link != NULL ? link->path : NULL,
    _("Corporate number"), link != NULL ? link->corporate_number : NULL,
    _("★4 obtained"), link != NULL ? link->obtained : NULL,
    _("★4 valid until"), link != NULL ? link->expiry : NULL,
    NULL,
  });
  isms = scs_provider_get_isms (workspace, NULL);
  marked = isms != NULL ? scs_provider_isms_dup_marked (isms) : NULL;
  scs_pdf_writer_subheading (writer, _("ISMS certificate"));
  scs_pdf_writer_key_values (writer, (const char *[]) {
    _("Certificate number"), isms != NULL ? isms->number : NULL,
    _("Certification body"), isms != NULL ? isms->body : NULL,
    _("Scope"), isms != NULL ? isms->scope : NULL,
    _("Part covering the service department"), marked,
    _("Valid until"), isms != NULL ? isms->expires : NULL,
    NULL,
  });
  if (scs_provider_get_certification (workspace, &number, &obtained, &expiry, NULL))
    {
      scs_pdf_writer_subheading (writer, _("Provider certification"));
      scs_pdf_writer_key_values (writer, (const char *[]) {
        _("Certification number"), number, _("Obtained"), obtained, _("Valid until"), expiry, NULL,
      });
    }

  services = scs_provider_list_services (workspace, NULL);
  subcontracts = scs_provider_list_subcontracts (workspace, NULL);
  scs_pdf_writer_subheading (writer, _("Services and subcontracting"));
  if (services != NULL && subcontracts != NULL)
    {
      static const double widths[] = { 0.3, 0.3, 0.2, 0.2 };
      const char *headers[] = { _("Category"), _("Services"), _("Contracting out"), _("Re-delegation") };

      scs_pdf_writer_table_begin (writer, G_N_ELEMENTS (widths), widths, headers);
      for (guint c = 0; c < SCS_PROVIDER_N_CATEGORIES; c++)
        {
          g_autoptr(GString) names = g_string_new (NULL);
          g_autofree char *out = NULL;
          ScsProviderSubcontract *subcontract = NULL;

          for (guint i = 0; i < services->len; i++)
            if (((ScsProviderService *) services->pdata[i])->category == c)
              g_string_append_printf (names, "%s%s", names->len > 0 ? "\n" : "",
                                      ((ScsProviderService *) services->pdata[i])->name);
          for (guint i = 0; i < subcontracts->len; i++)
            if (((ScsProviderSubcontract *) subcontracts->pdata[i])->category == c)
              subcontract = subcontracts->pdata[i];
          if (names->len == 0 && subcontract == NULL)
            continue;
          if (subcontract != NULL && subcontract->contracting_out)
            out = g_strdup_printf ("%s\n%s", _("Yes"), subcontract->exception);
          scs_pdf_writer_table_row (writer, (const char *[]) {
            scs_provider_category_get_label (c),
            names->str,
            subcontract == NULL ? "—" : out != NULL ? out : _("No"),
            subcontract == NULL ? "—" : subcontract->redelegation ? _("Yes") : _("No"),
          });
        }
      scs_pdf_writer_table_end (writer);
    }

  for (guint which = 0; which < 2; which++)
    {
      g_autoptr(GPtrArray) rows = scs_provider_list_rows (workspace, which, NULL);
      const Column *columns = register_columns (which);
      static const double widths[] = { 0.2, 0.2, 0.2, 0.2, 0.2 };
      const char *headers[N_REGISTER_COLUMNS];

      for (guint c = 0; c < N_REGISTER_COLUMNS; c++)
        headers[c] = _(columns[c].label);
      scs_pdf_writer_subheading (writer, which == SCS_PROVIDER_REGISTER_TOOLS ? _("Tool register")
                                                                              : _("Data-store register"));
      if (rows == NULL || rows->len == 0)
        {
          scs_pdf_writer_paragraph (writer, _("No rows."));
          continue;
        }
      scs_pdf_writer_table_begin (writer, N_REGISTER_COLUMNS, widths, headers);
      for (guint i = 0; i < rows->len; i++)
        {
          ScsProviderRow *row = rows->pdata[i];
          const char *cells[N_REGISTER_COLUMNS];

          for (guint c = 0; c < N_REGISTER_COLUMNS; c++)
            cells[c] = columns[c].yes_no ? yes_no_label (row->values[c]) : row->values[c];
          scs_pdf_writer_table_row (writer, cells);
        }
      scs_pdf_writer_table_end (writer);
    }
  scs_pdf_writer_page_break (writer);
}

void
scs_provider_read_dates (sqlite3  *db,
                         char    **certification,
                         char    **isms,
                         char    **star4)
{
  static const char * const queries[] = {
    "SELECT expiry FROM provider_certification WHERE id = 1",
    "SELECT expires FROM provider_isms WHERE id = 1",
    "SELECT expiry FROM provider_star4 WHERE id = 1",
  };
  char **dates[] = { certification, isms, star4 };

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(sqlite3_stmt) stmt = scs_db_try_prepare (db, queries[i]);

      *dates[i] = NULL;
      if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
        *dates[i] = scs_db_column_dup (stmt, 0);
    }
}
