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
 * workspace and every feature module ask it. Its table and triggers are
 * its own schema module, scs_seal_schema.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

#include "scs-schema-module.h"

G_BEGIN_DECLS

/* The seal's table and triggers (split off the review module, whose
 * steps created them in files older than the split). */
extern const ScsSchemaModule scs_seal_schema;

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
