/* scs-submission.c: the record of each submission package exported from a workspace
 *
 * A vendor's portfolio shows per client whether the signed assessment was
 * submitted, and an SME wants to know later which exact file went to the
 * registration body. So every successful export of a final (non-draft)
 * package leaves one row in the workspace's submission table: the
 * package's file name, the SHA-256 and size of the whole .scsp, when and
 * by whom it was exported, and the state of the expert's signature at that
 * moment (a package always carries exactly the bytes the expert signed, so
 * it verifies even when the workspace was edited afterwards; the status
 * says whether it still matched). The row and its audit row are written in
 * one transaction that scs-package.c keeps open while it renames the
 * package into place, so the record and the file exist together or not at
 * all. The submission table is not part of anything a signature attests
 * and no seal trigger guards it: recording a submission leaves a signed,
 * sealed workspace verifying as before.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "scs-submission.h"

#include <glib/gi18n-lib.h>

#include "scs-date.h"
#include "scs-db.h"
#include "scs-signature.h"
#include "scs-signature-check.h"
#include "scs-workspace-private.h"

G_DEFINE_QUARK (scs-submission-error-quark, scs_submission_error)

static const char submission_v1[] =
  "CREATE TABLE submission (\n"
  "  id            INTEGER PRIMARY KEY,\n"
  "  assessment    INTEGER NOT NULL REFERENCES assessment (id),\n"
  "  file_name     TEXT NOT NULL CHECK (file_name <> ''),\n"
  "  sha256        TEXT NOT NULL CHECK (length (sha256) = 64),\n"
  "  size          INTEGER NOT NULL CHECK (size > 0),\n"
  "  exported      TEXT NOT NULL,\n"
  "  exporter      TEXT NOT NULL,\n"
  "  expert_status TEXT NOT NULL CHECK (expert_status IN ('valid', 'content-changed', 'invalid'))\n"
  ") STRICT;\n"
  "CREATE INDEX submission_by_assessment ON submission (assessment, exported);\n";

static const char * const submission_steps[] = { submission_v1 };

const ScsSchemaModule scs_submission_schema = {
  "submission", submission_steps, G_N_ELEMENTS (submission_steps),
};

void
scs_submission_free (ScsSubmission *submission)
{
  if (submission == NULL)
    return;
  g_free (submission->file_name);
  g_free (submission->sha256);
  g_free (submission->exported);
  g_free (submission->exporter);
  g_free (submission->expert_status);
  g_free (submission);
}

const char *
scs_submission_status_get_label (const char *expert_status)
{
  if (g_strcmp0 (expert_status, "valid") == 0)
    return _("Valid");
  if (g_strcmp0 (expert_status, "content-changed") == 0)
    return _("Valid, workspace changed since");
  if (g_strcmp0 (expert_status, "invalid") == 0)
    return _("Invalid");
  return expert_status != NULL ? expert_status : "";
}

/* The expert signature as scs_signature_check () sees it now. */
static const char *
expert_status (ScsWorkspace  *workspace,
               GError       **error)
{
  g_autoptr(ScsSignatureCheck) check = NULL;
  g_autoptr(GError) local_error = NULL;

  check = scs_signature_check (workspace, SCS_SIGNATURE_ROLE_EXPERT, NULL, &local_error);
  if (check == NULL)
    {
      g_set_error (error, SCS_SUBMISSION_ERROR, SCS_SUBMISSION_ERROR_RECORD,
                   _("Cannot check the expert’s signature in ‘%s’: %s"),
                   scs_workspace_get_path (workspace), local_error->message);
      return NULL;
    }
  if (!check->signature_valid)
    return "invalid";
  if (!check->content_matches)
    return "content-changed";
  return "valid";
}

gboolean
scs_submission_prepare (ScsWorkspace      *workspace,
                        ScsDbTransaction  *txn,
                        const char        *file_name,
                        const char        *sha256,
                        guint64            size,
                        GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *now = scs_now_iso8601 ();
  g_autofree char *value = NULL;
  const char *status;

  g_return_val_if_fail (SCS_IS_WORKSPACE (workspace), FALSE);
  g_return_val_if_fail (txn != NULL && txn->db == NULL, FALSE);
  g_return_val_if_fail (file_name != NULL && sha256 != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  status = expert_status (workspace, error);
  if (status == NULL)
    return FALSE;

  if (!scs_workspace_transaction_begin (workspace, txn, &local_error))
    goto fail;
  stmt = scs_db_prepare (workspace->db, workspace->path,
                         "INSERT INTO submission (assessment, file_name, sha256, size, exported, "
                         "exporter, expert_status) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", &local_error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, workspace->assessment_id);
  scs_db_bind_text (stmt, 2, file_name);
  scs_db_bind_text (stmt, 3, sha256);
  sqlite3_bind_int64 (stmt, 4, (sqlite3_int64) size);
  scs_db_bind_text (stmt, 5, now);
  scs_db_bind_text (stmt, 6, scs_workspace_get_actor (workspace));
  scs_db_bind_text (stmt, 7, status);
  value = g_strdup_printf ("%s %" G_GUINT64_FORMAT " %s", sha256, size, status);
  if (!scs_db_step_done (stmt, workspace->db, workspace->path, &local_error) ||
      !scs_workspace_audit (workspace, now, "submission-export", file_name, NULL, value, &local_error))
    goto fail;
  return TRUE;

fail:
  scs_db_transaction_rollback (txn);
  g_set_error (error, SCS_SUBMISSION_ERROR, SCS_SUBMISSION_ERROR_RECORD,
               _("Cannot record the submission of ‘%s’ in the workspace ‘%s’: %s"),
               file_name, scs_workspace_get_path (workspace), local_error->message);
  return FALSE;
}

gboolean
scs_submission_commit (ScsWorkspace      *workspace,
                       ScsDbTransaction  *txn,
                       GError           **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (SCS_IS_WORKSPACE (workspace), FALSE);
  g_return_val_if_fail (txn != NULL && txn->db != NULL, FALSE);

  if (!scs_db_transaction_commit (txn, &local_error))
    {
      g_set_error (error, SCS_SUBMISSION_ERROR, SCS_SUBMISSION_ERROR_RECORD,
                   _("Cannot record the submission in the workspace ‘%s’: %s"),
                   scs_workspace_get_path (workspace), local_error->message);
      return FALSE;
    }
  return TRUE;
}

GPtrArray *
scs_submission_list (ScsWorkspace  *workspace,
                     GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) scs_submission_free);
  int rc;

  g_return_val_if_fail (SCS_IS_WORKSPACE (workspace), NULL);

  stmt = scs_db_prepare (workspace->db, workspace->path,
                         "SELECT s.id, a.cycle, s.file_name, s.sha256, s.size, s.exported, s.exporter, "
                         "s.expert_status FROM submission s JOIN assessment a ON a.id = s.assessment "
                         "ORDER BY s.exported, s.id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ScsSubmission *s = g_new0 (ScsSubmission, 1);

      s->id = sqlite3_column_int64 (stmt, 0);
      s->cycle = sqlite3_column_int (stmt, 1);
      s->file_name = scs_db_column_dup (stmt, 2);
      s->sha256 = scs_db_column_dup (stmt, 3);
      s->size = sqlite3_column_int64 (stmt, 4);
      s->exported = scs_db_column_dup (stmt, 5);
      s->exporter = scs_db_column_dup (stmt, 6);
      s->expert_status = scs_db_column_dup (stmt, 7);
      g_ptr_array_add (list, s);
    }
  if (rc != SQLITE_DONE)
    {
      scs_db_set_error (error, workspace->db, workspace->path);
      return NULL;
    }
  return g_steal_pointer (&list);
}

char *
scs_submission_read_last_export (sqlite3 *db,
                                  gint64   assessment)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (!scs_db_has_table (db, "submission"))
    return NULL;
  stmt = scs_db_try_prepare (db, "SELECT max (exported) FROM submission WHERE assessment = ?1");
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, assessment);
  if (sqlite3_step (stmt) != SQLITE_ROW || sqlite3_column_type (stmt, 0) == SQLITE_NULL)
    return NULL;
  /* the day it was exported where the reader is */
  local = scs_date_parse_time ((const char *) sqlite3_column_text (stmt, 0), SCS_DATE_ZONE_LOCAL);
  return scs_date_time_to_iso (local, SCS_DATE_ZONE_LOCAL);
}
