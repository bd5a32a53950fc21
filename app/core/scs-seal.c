/* scs-seal.c: the seal of a signed assessment
 *
 * See scs-seal.h. Creates review_seal and the triggers that make the seal
 * hold (scs_seal_schema), and reads and writes it on the caller's
 * connection.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "scs-seal.h"

#include <glib/gi18n-lib.h>

#include "scs-db.h"
#include "scs-workspace-error.h"

/* Every seal trigger raises "scs-sealed: …", which scs-db.c maps. */
#define SEAL_TRIGGER(name, event, table, cond) \
  "CREATE TRIGGER review_seal_" name " BEFORE " event " ON " table "\n" \
  "WHEN EXISTS (SELECT 1 FROM review_seal" cond ")\n" \
  "BEGIN SELECT RAISE (ABORT, 'scs-sealed: the assessment is signed'); END;\n"

/* The seal and what it guards. Until review schema version 3 the review
 * module created these (its versions 1 and 3; ScsSchemaModule.split_from);
 * the text is theirs, to the byte, so old and new files have one schema. */
static const char seal_schema_v1[] =
  "CREATE TABLE review_seal (\n"
  "  assessment INTEGER PRIMARY KEY REFERENCES assessment (id),\n"
  "  signature  INTEGER NOT NULL REFERENCES review_signature (id),\n"
  "  sealed_at  TEXT NOT NULL\n"
  ") STRICT;\n"
  SEAL_TRIGGER ("answer_insert", "INSERT", "answer", " WHERE assessment = NEW.assessment")
  SEAL_TRIGGER ("answer_update", "UPDATE", "answer", " WHERE assessment = OLD.assessment")
  SEAL_TRIGGER ("answer_delete", "DELETE", "answer", " WHERE assessment = OLD.assessment")
  SEAL_TRIGGER ("link_insert", "INSERT", "evidence_link", " WHERE assessment = NEW.assessment")
  SEAL_TRIGGER ("link_update", "UPDATE", "evidence_link", " WHERE assessment = OLD.assessment")
  SEAL_TRIGGER ("link_delete", "DELETE", "evidence_link", " WHERE assessment = OLD.assessment")
  SEAL_TRIGGER ("evidence_update", "UPDATE", "evidence", "")
  SEAL_TRIGGER ("evidence_delete", "DELETE", "evidence", "")
  SEAL_TRIGGER ("organization_insert", "INSERT", "organization", "")
  SEAL_TRIGGER ("organization_update", "UPDATE", "organization", "")
  SEAL_TRIGGER ("organization_delete", "DELETE", "organization", "")
  SEAL_TRIGGER ("assessment_update", "UPDATE OF catalog_sha256, target_level, cycle", "assessment",
                    " WHERE assessment = OLD.id")
  SEAL_TRIGGER ("attestation_update", "UPDATE", "review_attestation", " WHERE assessment = OLD.assessment")
  SEAL_TRIGGER ("attestation_delete", "DELETE", "review_attestation", " WHERE assessment = OLD.assessment");

/* The scope tables belong to no assessment: the seal of the current
 * (newest) one guards them. */
#define SEAL_CURRENT " WHERE assessment = (SELECT max (id) FROM assessment)"

/* Version 2 (review's version 3): the scope is signed too, and so are the
 * reviewers' comments (the organisation may still answer). */
static const char seal_schema_v2[] =
  SEAL_TRIGGER ("scope_unit_insert", "INSERT", "scope_unit", SEAL_CURRENT)
  SEAL_TRIGGER ("scope_unit_update", "UPDATE", "scope_unit", SEAL_CURRENT)
  SEAL_TRIGGER ("scope_unit_delete", "DELETE", "scope_unit", SEAL_CURRENT)
  SEAL_TRIGGER ("scope_item_insert", "INSERT", "scope_item", SEAL_CURRENT)
  SEAL_TRIGGER ("scope_item_update", "UPDATE", "scope_item", SEAL_CURRENT)
  SEAL_TRIGGER ("scope_item_delete", "DELETE", "scope_item", SEAL_CURRENT)
  SEAL_TRIGGER ("scope_criterion_insert", "INSERT", "scope_item_criterion", SEAL_CURRENT)
  SEAL_TRIGGER ("scope_criterion_update", "UPDATE", "scope_item_criterion", SEAL_CURRENT)
  SEAL_TRIGGER ("scope_criterion_delete", "DELETE", "scope_item_criterion", SEAL_CURRENT)
  "CREATE TRIGGER review_seal_comment_insert BEFORE INSERT ON review_comment\n"
  "WHEN NEW.role IN ('expert', 'assistant') AND\n"
  "     EXISTS (SELECT 1 FROM review_seal WHERE assessment = NEW.assessment)\n"
  "BEGIN SELECT RAISE (ABORT, 'scs-sealed: the assessment is signed'); END;\n"
  "CREATE TRIGGER review_seal_comment_change BEFORE UPDATE ON review_comment\n"
  "WHEN EXISTS (SELECT 1 FROM review_seal WHERE assessment = OLD.assessment)\n"
  "BEGIN SELECT RAISE (ABORT, 'scs-sealed: the assessment is signed'); END;\n"
  "CREATE TRIGGER review_seal_comment_delete BEFORE DELETE ON review_comment\n"
  "WHEN EXISTS (SELECT 1 FROM review_seal WHERE assessment = OLD.assessment)\n"
  "BEGIN SELECT RAISE (ABORT, 'scs-sealed: the assessment is signed'); END;\n";

static const char * const seal_steps[] = { seal_schema_v1, seal_schema_v2 };
/* review version 0 to 3 → this module's version */
static const guint seal_split[] = { 0, 1, 1, 2 };

const ScsSchemaModule scs_seal_schema = {
  "seal", seal_steps, G_N_ELEMENTS (seal_steps),
  "review", seal_split, G_N_ELEMENTS (seal_split),
};

/* Whether a row of @sql (with ?1 the assessment) exists. */
static gboolean
exists (sqlite3    *db,
        const char *path,
        const char *sql,
        gint64      assessment)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  /* The seal's and the signatures' tables: present in every opened file,
   * since opening brings each module to its newest version. */
  stmt = scs_db_prepare (db, path, sql, NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, assessment);

  return sqlite3_step (stmt) == SQLITE_ROW;
}

gboolean
scs_seal_is_missing (sqlite3    *db,
                     const char *path,
                     gint64      assessment)
{
  /* Signing as the expert seals in the same transaction, and only a new
   * round (which supersedes the signature) lifts the seal. */
  return exists (db, path,
                 "SELECT 1 FROM review_signature WHERE assessment = ?1 AND role = 'expert' "
                 "AND superseded = 0 AND NOT EXISTS (SELECT 1 FROM review_seal WHERE assessment = ?1)",
                 assessment);
}

gboolean
scs_seal_is_sealed (sqlite3    *db,
                    const char *path,
                    gint64      assessment)
{
  return exists (db, path, "SELECT 1 FROM review_seal WHERE assessment = ?1", assessment) ||
         scs_seal_is_missing (db, path, assessment);
}

void
scs_seal_set_missing_error (GError **error)
{
  g_set_error_literal (error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_SEALED,
                       _("The workspace has been tampered with: the assessment carries the expert’s "
                         "signature, but its seal has been removed outside SCS Workbench"));
}

gboolean
scs_seal_require_unsealed (sqlite3     *db,
                           const char  *path,
                           gint64       assessment,
                           const char  *what,
                           GError     **error)
{
  if (scs_seal_is_missing (db, path, assessment))
    {
      /* Translators: %s is what was to be changed, e.g. "the note of criterion 1-1-1-1" */
      g_set_error (error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_SEALED,
                   _("Cannot change %s: the assessment carries the expert’s signature, but its seal "
                     "has been removed outside SCS Workbench (the workspace has been tampered with). "
                     "Start a new review round to change it."),
                   what);
      return FALSE;
    }
  if (!scs_seal_is_sealed (db, path, assessment))
    return TRUE;

  /* Translators: %s is what was to be changed, e.g. "the note of criterion 1-1-1-1" */
  g_set_error (error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_SEALED,
               _("Cannot change %s: the assessment is signed and sealed. "
                 "Start a new review round to change it."),
               what);
  return FALSE;
}

gboolean
scs_seal_set (sqlite3     *db,
              const char  *path,
              gint64       assessment,
              gint64       signature,
              const char  *sealed_at,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = scs_db_prepare (db, path,
                         "INSERT INTO review_seal (assessment, signature, sealed_at) VALUES (?1, ?2, ?3)",
                         error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, assessment);
  sqlite3_bind_int64 (stmt, 2, signature);
  scs_db_bind_text (stmt, 3, sealed_at);
  return scs_db_step_done (stmt, db, path, error);
}

gboolean
scs_seal_lift (sqlite3     *db,
               const char  *path,
               gint64       assessment,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = scs_db_prepare (db, path, "DELETE FROM review_seal WHERE assessment = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, assessment);
  return scs_db_step_done (stmt, db, path, error);
}
