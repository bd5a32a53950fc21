/* scs-declaration.c: management's self-declaration of conformity
 *
 * For ★3 management declares that the organisation conforms, alongside the
 * expert-confirmed self-assessment. The declaration records our text, the
 * declarant's name and title, the date and the SHA-256 of the exact
 * assessment.xml the expert signed, so it cannot be moved to other content.
 * It is rendered as a small canonical XML (declaration.xml in the
 * submission package) and may be signed with the manager's own certificate
 * exactly like the expert's signature; unsigned, it is still stored with
 * its bytes so the package can carry it.
 *
 * Since signed package manifests the declaration is also bound to the
 * expert's ASiCManifest (its SHA-256), the catalog (id and SHA-256) and the
 * report language; a signed declaration renders report.pdf then, and its
 * CMS covers management's ASiCManifest: declaration.xml, report.pdf, and
 * everything the expert signed (scs-package-manifest.h). An unsigned
 * declaration never replaces a signed one. This module keeps the
 * declaration's table (scs_declaration_schema), stores, renders and reads
 * it; scs-signoff.c decides what to record and signs it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "scs-declaration.h"

#include <glib/gi18n-lib.h>

#include "scs-db.h"
#include "scs-workspace-private.h"
#include "scs-xml.h"

G_DEFINE_QUARK (scs-declaration-error-quark, scs_declaration_error)

/* The declaration. Until review schema version 3 the review module
 * created it (its version 1) and added the columns of version 2 (its
 * version 2; ScsSchemaModule.split_from); the text is theirs, to the byte,
 * so old and new files have one schema. */
static const char declaration_schema_v1[] =
  "CREATE TABLE review_declaration (\n"
  "  assessment        INTEGER PRIMARY KEY REFERENCES assessment (id),\n"
  "  name              TEXT NOT NULL CHECK (trim (name) <> ''),\n"
  "  title             TEXT NOT NULL CHECK (trim (title) <> ''),\n"
  "  date              TEXT NOT NULL,\n"
  "  text              TEXT NOT NULL,\n"
  "  assessment_sha256 TEXT NOT NULL CHECK (length (assessment_sha256) = 64)\n"
  ") STRICT;\n";

/* Version 2: the expert manifest the declaration is bound to and the
 * language its report was rendered in. */
static const char declaration_schema_v2[] =
  "ALTER TABLE review_declaration ADD COLUMN manifest_sha256 TEXT;\n"
  "ALTER TABLE review_declaration ADD COLUMN language TEXT;\n";

static const char * const declaration_steps[] = { declaration_schema_v1, declaration_schema_v2 };
/* review version 0 to 3 → this module's version */
static const guint declaration_split[] = { 0, 1, 2, 2 };

const ScsSchemaModule scs_declaration_schema = {
  "declaration", declaration_steps, G_N_ELEMENTS (declaration_steps),
  "review", declaration_split, G_N_ELEMENTS (declaration_split),
};

const char *
scs_declaration_get_default_text (void)
{
  return _("We declare that our organisation meets the requirements of the evaluation "
           "criteria of the level stated above, as answered in the self-assessment confirmed "
           "by the security expert, and that we will keep them met and report any change that "
           "affects them.");
}

/* The one text @sql selects from this round's declaration (?1 the
 * assessment); NULL when there is none. */
static char *
dup_declaration_text (ScsWorkspace *workspace,
                      const char   *sql)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = scs_db_prepare (workspace->db, workspace->path, sql, NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, workspace->assessment_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return scs_db_column_dup (stmt, 0);
}

char *
scs_declaration_dup_assessment_sha256 (ScsWorkspace *workspace)
{
  g_return_val_if_fail (SCS_IS_WORKSPACE (workspace), NULL);

  return dup_declaration_text (workspace,
                               "SELECT assessment_sha256 FROM review_declaration WHERE assessment = ?1");
}

char *
scs_declaration_dup_report_language (ScsWorkspace *workspace)
{
  g_return_val_if_fail (SCS_IS_WORKSPACE (workspace), NULL);

  return dup_declaration_text (workspace, "SELECT language FROM review_declaration WHERE assessment = ?1");
}

GBytes *
scs_declaration_render (ScsWorkspace  *workspace,
                        GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");

  g_return_val_if_fail (SCS_IS_WORKSPACE (workspace), NULL);

  stmt = scs_db_prepare (workspace->db, workspace->path,
                         "SELECT d.name, d.title, d.date, d.text, d.assessment_sha256, "
                         "o.name, o.corporate_number, a.target_level, d.manifest_sha256, "
                         "c.id, a.catalog_sha256, d.language "
                         "FROM review_declaration d, organization o, assessment a "
                         "LEFT JOIN catalog c ON c.sha256 = a.catalog_sha256 "
                         "WHERE d.assessment = ?1 AND o.id = 1 AND a.id = d.assessment", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, workspace->assessment_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, SCS_DECLARATION_ERROR, SCS_DECLARATION_ERROR_NOT_SIGNED,
                   _("The workspace ‘%s’ has no management declaration"), workspace->path);
      return NULL;
    }

  g_string_append (out, "<declaration xmlns=\"" SCS_DECLARATION_NAMESPACE "\" version=\"1\">\n");
  g_string_append (out, "  <organization>\n");
  scs_xml_append_element (out, 4, "name", (const char *) sqlite3_column_text (stmt, 5));
  scs_xml_append_element (out, 4, "corporate-number", (const char *) sqlite3_column_text (stmt, 6));
  g_string_append (out, "  </organization>\n");
  g_string_append_printf (out, "  <level>%d</level>\n", sqlite3_column_int (stmt, 7));
  g_string_append_printf (out, "  <assessment sha256=\"%s\"/>\n", (const char *) sqlite3_column_text (stmt, 4));
  /* declarations made before signed manifests have none of these */
  if (sqlite3_column_type (stmt, 8) != SQLITE_NULL)
    {
      g_string_append_printf (out, "  <manifest sha256=\"%s\"/>\n", (const char *) sqlite3_column_text (stmt, 8));
      g_string_append (out, "  <catalog id=\"");
      scs_xml_append_escaped (out, (const char *) sqlite3_column_text (stmt, 9));
      g_string_append_printf (out, "\" sha256=\"%s\"/>\n", (const char *) sqlite3_column_text (stmt, 10));
      g_string_append_printf (out, "  <report language=\"%s\"/>\n", (const char *) sqlite3_column_text (stmt, 11));
    }
  scs_xml_append_element (out, 2, "text", (const char *) sqlite3_column_text (stmt, 3));
  g_string_append (out, "  <declarant>\n");
  scs_xml_append_element (out, 4, "name", (const char *) sqlite3_column_text (stmt, 0));
  scs_xml_append_element (out, 4, "title", (const char *) sqlite3_column_text (stmt, 1));
  g_string_append (out, "  </declarant>\n");
  scs_xml_append_element (out, 2, "date", (const char *) sqlite3_column_text (stmt, 2));
  g_string_append (out, "</declaration>\n");

  return g_string_free_to_bytes (g_steal_pointer (&out));
}

gboolean
scs_declaration_store (ScsWorkspace  *workspace,
                       const char    *name,
                       const char    *title,
                       const char    *date,
                       const char    *text,
                       const char    *assessment_sha256,
                       const char    *manifest_sha256,
                       const char    *language,
                       GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SCS_IS_WORKSPACE (workspace), FALSE);

  stmt = scs_db_prepare (workspace->db, workspace->path,
                         "INSERT OR REPLACE INTO review_declaration (assessment, name, title, date, text, "
                         "assessment_sha256, manifest_sha256, language) "
                         "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, workspace->assessment_id);
  scs_db_bind_text (stmt, 2, name);
  scs_db_bind_text (stmt, 3, title);
  scs_db_bind_text (stmt, 4, date);
  scs_db_bind_text (stmt, 5, text);
  scs_db_bind_text (stmt, 6, assessment_sha256);
  scs_db_bind_text (stmt, 7, manifest_sha256);
  scs_db_bind_text (stmt, 8, language);
  return scs_db_step_done (stmt, workspace->db, workspace->path, error);
}

gboolean
scs_declaration_remove (ScsWorkspace  *workspace,
                        GError       **error)
{
  g_return_val_if_fail (SCS_IS_WORKSPACE (workspace), FALSE);

  return scs_db_exec_bound (workspace->db, workspace->path,
                            "DELETE FROM review_declaration WHERE assessment = ?1",
                            workspace->assessment_id, 0, NULL, error);
}
