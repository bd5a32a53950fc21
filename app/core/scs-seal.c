/* scs-seal.c: the seal of a signed assessment
 *
 * See scs-seal.h. Reads and writes review_seal on the caller's connection;
 * the triggers that make the seal hold are in the review schema.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "scs-seal.h"

#include <glib/gi18n-lib.h>

#include "scs-db.h"
#include "scs-workspace-error.h"

/* Whether a row of @sql (with ?1 the assessment) exists. */
static gboolean
exists (sqlite3    *db,
        const char *path,
        const char *sql,
        gint64      assessment)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  /* The review module's tables: present in every opened file, since
   * opening brings each module to its newest version. */
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
