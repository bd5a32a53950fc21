/* scs-seal.h: the seal of a signed assessment
 *
 * When the expert signs, the assessment is sealed: a row in review_seal,
 * and SQLite triggers that refuse every write to the attested rows
 * (answers, evidence and its links, organisation, level, the expert's
 * identity, the scope, the reviewers' comments) with a message that
 * scs-db.c maps to SCS_DB_ERROR_SEALED. Only a new review round
 * lifts the seal (scs_review_start_new_round ()). The code asks first
 * (scs_seal_require_unsealed ()) so the message names what was to change;
 * the triggers hold against every other writer.
 *
 * This module sits on the database connection, below the workspace: the
 * workspace and every feature module ask it. Its tables and triggers are
 * steps of the review schema module (scs-review.c), whose version numbers
 * existing workspace files record, hence the SQL here as macros.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* Every seal trigger raises "scs-sealed: …", which scs-db.c maps. */
#define SCS_SEAL_TRIGGER(name, event, table, cond) \
  "CREATE TRIGGER review_seal_" name " BEFORE " event " ON " table "\n" \
  "WHEN EXISTS (SELECT 1 FROM review_seal" cond ")\n" \
  "BEGIN SELECT RAISE (ABORT, 'scs-sealed: the assessment is signed'); END;\n"

/* Review schema version 1: the seal and what it guards. */
#define SCS_SEAL_SCHEMA_V1 \
  "CREATE TABLE review_seal (\n"                                                                                \
  "  assessment INTEGER PRIMARY KEY REFERENCES assessment (id),\n"                                              \
  "  signature  INTEGER NOT NULL REFERENCES review_signature (id),\n"                                           \
  "  sealed_at  TEXT NOT NULL\n"                                                                                \
  ") STRICT;\n"                                                                                                 \
  SCS_SEAL_TRIGGER ("answer_insert", "INSERT", "answer", " WHERE assessment = NEW.assessment")                  \
  SCS_SEAL_TRIGGER ("answer_update", "UPDATE", "answer", " WHERE assessment = OLD.assessment")                  \
  SCS_SEAL_TRIGGER ("answer_delete", "DELETE", "answer", " WHERE assessment = OLD.assessment")                  \
  SCS_SEAL_TRIGGER ("link_insert", "INSERT", "evidence_link", " WHERE assessment = NEW.assessment")             \
  SCS_SEAL_TRIGGER ("link_update", "UPDATE", "evidence_link", " WHERE assessment = OLD.assessment")             \
  SCS_SEAL_TRIGGER ("link_delete", "DELETE", "evidence_link", " WHERE assessment = OLD.assessment")             \
  SCS_SEAL_TRIGGER ("evidence_update", "UPDATE", "evidence", "")                                                \
  SCS_SEAL_TRIGGER ("evidence_delete", "DELETE", "evidence", "")                                                \
  SCS_SEAL_TRIGGER ("organization_insert", "INSERT", "organization", "")                                        \
  SCS_SEAL_TRIGGER ("organization_update", "UPDATE", "organization", "")                                        \
  SCS_SEAL_TRIGGER ("organization_delete", "DELETE", "organization", "")                                        \
  SCS_SEAL_TRIGGER ("assessment_update", "UPDATE OF catalog_sha256, target_level, cycle", "assessment",         \
                    " WHERE assessment = OLD.id")                                                               \
  SCS_SEAL_TRIGGER ("attestation_update", "UPDATE", "review_attestation", " WHERE assessment = OLD.assessment") \
  SCS_SEAL_TRIGGER ("attestation_delete", "DELETE", "review_attestation", " WHERE assessment = OLD.assessment")

/* The scope tables belong to no assessment: the seal of the current
 * (newest) one guards them. */
#define SCS_SEAL_CURRENT " WHERE assessment = (SELECT max (id) FROM assessment)"

/* Review schema version 3: the scope is signed too, and so are the
 * reviewers' comments (the organisation may still answer). */
#define SCS_SEAL_SCHEMA_V3 \
  SCS_SEAL_TRIGGER ("scope_unit_insert", "INSERT", "scope_unit", SCS_SEAL_CURRENT)                \
  SCS_SEAL_TRIGGER ("scope_unit_update", "UPDATE", "scope_unit", SCS_SEAL_CURRENT)                \
  SCS_SEAL_TRIGGER ("scope_unit_delete", "DELETE", "scope_unit", SCS_SEAL_CURRENT)                \
  SCS_SEAL_TRIGGER ("scope_item_insert", "INSERT", "scope_item", SCS_SEAL_CURRENT)                \
  SCS_SEAL_TRIGGER ("scope_item_update", "UPDATE", "scope_item", SCS_SEAL_CURRENT)                \
  SCS_SEAL_TRIGGER ("scope_item_delete", "DELETE", "scope_item", SCS_SEAL_CURRENT)                \
  SCS_SEAL_TRIGGER ("scope_criterion_insert", "INSERT", "scope_item_criterion", SCS_SEAL_CURRENT) \
  SCS_SEAL_TRIGGER ("scope_criterion_update", "UPDATE", "scope_item_criterion", SCS_SEAL_CURRENT) \
  SCS_SEAL_TRIGGER ("scope_criterion_delete", "DELETE", "scope_item_criterion", SCS_SEAL_CURRENT) \
  "CREATE TRIGGER review_seal_comment_insert BEFORE INSERT ON review_comment\n"                   \
  "WHEN NEW.role IN ('expert', 'assistant') AND\n"                                                \
  "     EXISTS (SELECT 1 FROM review_seal WHERE assessment = NEW.assessment)\n"                   \
  "BEGIN SELECT RAISE (ABORT, 'scs-sealed: the assessment is signed'); END;\n"                    \
  "CREATE TRIGGER review_seal_comment_change BEFORE UPDATE ON review_comment\n"                   \
  "WHEN EXISTS (SELECT 1 FROM review_seal WHERE assessment = OLD.assessment)\n"                   \
  "BEGIN SELECT RAISE (ABORT, 'scs-sealed: the assessment is signed'); END;\n"                    \
  "CREATE TRIGGER review_seal_comment_delete BEFORE DELETE ON review_comment\n"                   \
  "WHEN EXISTS (SELECT 1 FROM review_seal WHERE assessment = OLD.assessment)\n"                   \
  "BEGIN SELECT RAISE (ABORT, 'scs-sealed: the assessment is signed'); END;\n"

/* Whether @assessment of the workspace open on @db is sealed; also TRUE
 * when its seal is missing (scs_seal_is_missing ()). */
gboolean scs_seal_is_sealed        (sqlite3     *db,
                                    const char  *path,
                                    gint64       assessment);
/* Tampering: @assessment carries a current expert signature but no seal
 * row (deleted with sqlite3). Edits stay refused, the check fails. */
gboolean scs_seal_is_missing       (sqlite3     *db,
                                    const char  *path,
                                    gint64       assessment);
/* SCS_WORKSPACE_ERROR_SEALED saying that the seal has been removed. */
void     scs_seal_set_missing_error (GError    **error);
/* TRUE when @assessment is not sealed, else SCS_WORKSPACE_ERROR_SEALED
 * naming @what ("the note of criterion 1-1-1-1", translated) and, when
 * the seal is missing, the tampering. */
gboolean scs_seal_require_unsealed (sqlite3     *db,
                                    const char  *path,
                                    gint64       assessment,
                                    const char  *what,
                                    GError     **error);
/* Inside the caller's transaction: seals @assessment by @signature
 * (a review_signature id) at @sealed_at (ISO 8601 UTC). */
gboolean scs_seal_set              (sqlite3     *db,
                                    const char  *path,
                                    gint64       assessment,
                                    gint64       signature,
                                    const char  *sealed_at,
                                    GError     **error);
/* Inside the caller's transaction: lifts the seal of @assessment. */
gboolean scs_seal_lift             (sqlite3     *db,
                                    const char  *path,
                                    gint64       assessment,
                                    GError     **error);

G_END_DECLS
