/* scs-workspace-summary.c: what a reader of a workspace file that does not
 * open it as a workspace (the portfolio) reads of the workspace's own tables
 *
 * The organisation, the assessments, their answers, the embedded catalogs
 * and the audit log are the workspace's tables (scs-workspace.c creates
 * them); a feature module offers the same for its own tables through its
 * read_summary function. Each function here takes the reader's connection
 * (read-only by PRAGMA query_only, inside its read transaction) and runs
 * one statement; an error's message says what is wrong with the file as a
 * predicate ("is damaged: …"), since the reader shows it after the file's
 * name.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "scs-workspace-private.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "scs-sha256.h"

gboolean
scs_workspace_summary_set_error (GError  **error,
                                 sqlite3  *db)
{
  int code = sqlite3_errcode (db) & 0xff;

  if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB)
    g_set_error (error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_CORRUPT,
                 _("is damaged: %s"), sqlite3_errmsg (db));
  else
    g_set_error (error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_IO,
                 _("cannot be read: %s"), sqlite3_errmsg (db));
  return FALSE;
}

gboolean
scs_workspace_read_organization (sqlite3  *db,
                                 char    **name,
                                 char    **corporate_number,
                                 GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  *name = *corporate_number = NULL;
  stmt = scs_db_try_prepare (db, "SELECT name, corporate_number FROM organization WHERE id = 1");
  if (stmt == NULL)
    return scs_workspace_summary_set_error (error, db);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc != SQLITE_DONE)
        return scs_workspace_summary_set_error (error, db);
      g_set_error (error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_CORRUPT,
                   _("is damaged: it has no organisation profile"));
      return FALSE;
    }
  *name = scs_db_column_dup (stmt, 0);
  *corporate_number = scs_db_column_dup (stmt, 1);
  return TRUE;
}

void
scs_assessment_summary_clear (ScsAssessmentSummary *summary)
{
  g_clear_pointer (&summary->catalog_sha256, g_free);
}

gboolean
scs_workspace_read_assessment (sqlite3              *db,
                               gint64                before,
                               ScsAssessmentSummary *summary,
                               GError              **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  memset (summary, 0, sizeof *summary);
  stmt = scs_db_try_prepare (db, "SELECT id, target_level, cycle, catalog_sha256 FROM assessment "
                                 "WHERE id < ?1 ORDER BY id DESC LIMIT 1");
  if (stmt == NULL)
    return scs_workspace_summary_set_error (error, db);
  sqlite3_bind_int64 (stmt, 1, before > 0 ? before : G_MAXINT64);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc != SQLITE_DONE)
        return scs_workspace_summary_set_error (error, db);
      if (before <= 0)
        g_set_error (error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_CORRUPT,
                     _("is damaged: it has no assessment"));
      return FALSE;
    }
  summary->id = sqlite3_column_int64 (stmt, 0);
  summary->level = sqlite3_column_int (stmt, 1) == 4 ? 4 : 3;
  summary->cycle = sqlite3_column_int (stmt, 2);
  summary->catalog_sha256 = scs_db_column_dup (stmt, 3);
  return TRUE;
}

gboolean
scs_workspace_read_settled (sqlite3                 *db,
                            gint64                   assessment,
                            ScsWorkspaceCriterionFunc func,
                            gpointer                 user_data,
                            GError                 **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  /* The schema's CHECK guarantees an NA row has its reason. */
  stmt = scs_db_try_prepare (db, "SELECT criterion_id FROM answer WHERE assessment = ?1 AND state IN ('met', 'na')");
  if (stmt == NULL)
    return scs_workspace_summary_set_error (error, db);
  sqlite3_bind_int64 (stmt, 1, assessment);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    func ((const char *) sqlite3_column_text (stmt, 0), user_data);
  if (rc != SQLITE_DONE)
    return scs_workspace_summary_set_error (error, db);
  return TRUE;
}

GBytes *
scs_workspace_read_catalog (sqlite3     *db,
                            const char  *sha256,
                            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GBytes) xml = NULL;
  g_autofree char *actual = NULL;
  int rc;

  stmt = scs_db_try_prepare (db, "SELECT xml FROM catalog WHERE sha256 = ?1");
  if (stmt == NULL)
    {
      scs_workspace_summary_set_error (error, db);
      return NULL;
    }
  sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc != SQLITE_DONE)
        scs_workspace_summary_set_error (error, db);
      else
        g_set_error (error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_CORRUPT,
                     _("is damaged: its catalog is missing"));
      return NULL;
    }
  xml = g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
  actual = scs_sha256_hex_bytes (xml);
  if (g_strcmp0 (actual, sha256) != 0)
    {
      g_set_error (error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_CORRUPT,
                   _("is damaged: the embedded catalog does not match its SHA-256"));
      return NULL;
    }
  return g_steal_pointer (&xml);
}

gboolean
scs_workspace_read_last_change (sqlite3  *db,
                                char    **time,
                                GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  *time = NULL;
  stmt = scs_db_try_prepare (db, "SELECT time FROM audit ORDER BY id DESC LIMIT 1");
  if (stmt == NULL)
    return scs_workspace_summary_set_error (error, db);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    *time = scs_db_column_dup (stmt, 0);
  return TRUE;
}
