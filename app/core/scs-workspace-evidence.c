/* scs-workspace-evidence.c: evidence files stored in the workspace
 *
 * Evidence files live in the workspace as blobs keyed by their SHA-256, so
 * the same file linked to several criteria is stored once and the
 * workspace stays one self-contained document that can be mailed. Adding
 * reads and checks the whole file before the transaction starts (size
 * limit, readability), so a refused file writes nothing; unlinking the last
 * link removes the blob (its bytes stay with the undo step, so the removal
 * can be undone). Extracting writes a temporary file and links it
 * into place, never replacing what is there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "scs-db.h"
#include "scs-file.h"
#include "scs-sha256.h"
#include "scs-workspace-private.h"



static void
refresh_n_evidence (ScsWorkspace *self,
                    ScsAnswer    *answer)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = scs_db_prepare (self->db, self->path,
                     "SELECT count (*) FROM evidence_link WHERE assessment = ?1 AND criterion_id = ?2",
                     NULL);
  if (stmt == NULL)
    return;
  sqlite3_bind_int64 (stmt, 1, self->assessment_id);
  scs_db_bind_text (stmt, 2, scs_answer_get_criterion_id (answer));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    scs_answer_set_n_evidence (answer, sqlite3_column_int (stmt, 0));
}

static gboolean
query_exists (ScsWorkspace  *self,
              sqlite3_stmt  *stmt,
              gboolean      *exists,
              GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      scs_db_set_error (error, self->db, self->path);
      return FALSE;
    }

  *exists = rc == SQLITE_ROW;
  return TRUE;
}

static gboolean
evidence_exists (ScsWorkspace  *self,
                 const char    *sha256,
                 gboolean      *exists,
                 GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = scs_db_prepare (self->db, self->path, "SELECT 1 FROM evidence WHERE sha256 = ?1", error);
  if (stmt == NULL)
    return FALSE;
  scs_db_bind_text (stmt, 1, sha256);

  return query_exists (self, stmt, exists, error);
}

/* @sql on one link of the current assessment, bound: ?1 the file's
 * SHA-256, ?2 the assessment, ?3 the criterion. */
static sqlite3_stmt *
prepare_link (ScsWorkspace  *self,
              const char    *sql,
              const char    *sha256,
              const char    *criterion_id,
              GError       **error)
{
  sqlite3_stmt *stmt = scs_db_prepare (self->db, self->path, sql, error);

  if (stmt == NULL)
    return NULL;
  scs_db_bind_text (stmt, 1, sha256);
  sqlite3_bind_int64 (stmt, 2, self->assessment_id);
  scs_db_bind_text (stmt, 3, criterion_id);
  return stmt;
}

static gboolean
link_exists (ScsWorkspace  *self,
             const char    *sha256,
             const char    *criterion_id,
             gboolean      *exists,
             GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = prepare_link (self, "SELECT 1 FROM evidence_link "
                                               "WHERE sha256 = ?1 AND assessment = ?2 AND criterion_id = ?3",
                                               sha256, criterion_id, error);

  return stmt != NULL && query_exists (self, stmt, exists, error);
}

static gboolean
insert_link (ScsWorkspace  *self,
             const char    *sha256,
             const char    *criterion_id,
             const char    *now,
             GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = prepare_link (self, "INSERT INTO evidence_link (sha256, assessment, "
                                               "criterion_id, added, author) VALUES (?1, ?2, ?3, ?4, ?5)",
                                               sha256, criterion_id, error);

  if (stmt == NULL)
    return FALSE;
  scs_db_bind_text (stmt, 4, now);
  scs_db_bind_text (stmt, 5, self->actor);

  return scs_db_step_done (stmt, self->db, self->path, error) &&
         scs_workspace_audit (self, now, "evidence-link", sha256, NULL, criterion_id, error);
}

/* Stores the file's bytes, audited as an add; inside a transaction. */
static gboolean
insert_blob (ScsWorkspace  *self,
             const char    *sha256,
             const char    *name,
             const char    *mime_type,
             gconstpointer  contents,
             gsize          length,
             const char    *now,
             GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = scs_db_prepare (self->db, self->path,
                         "INSERT INTO evidence (sha256, name, mime_type, size, data, added, author) "
                         "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error);
  if (stmt == NULL)
    return FALSE;
  scs_db_bind_text (stmt, 1, sha256);
  scs_db_bind_text (stmt, 2, name);
  scs_db_bind_text (stmt, 3, mime_type);
  sqlite3_bind_int64 (stmt, 4, length);
  sqlite3_bind_blob64 (stmt, 5, contents, length, SQLITE_STATIC);
  scs_db_bind_text (stmt, 6, now);
  scs_db_bind_text (stmt, 7, self->actor);
  return scs_db_step_done (stmt, self->db, self->path, error) &&
         scs_workspace_audit (self, now, "evidence-add", sha256, NULL, name, error);
}

static void
set_evidence_not_found (ScsWorkspace  *self,
                        const char    *sha256,
                        GError       **error)
{
  g_autofree char *shown = g_utf8_make_valid (sha256, -1);
  g_autofree char *display = g_filename_display_name (self->path);

  g_set_error (error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_NOT_FOUND,
               _("There is no evidence file with SHA-256 ‘%s’ in ‘%s’"), shown, display);
}

/* @sql (a SELECT on evidence with ?1 = @sha256) stepped onto the stored
 * evidence's row, or NULL with SCS_WORKSPACE_ERROR_NOT_FOUND or a database
 * error. */
static sqlite3_stmt *
select_evidence (ScsWorkspace  *self,
                 const char    *sql,
                 const char    *sha256,
                 GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = scs_db_prepare (self->db, self->path, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  scs_db_bind_text (stmt, 1, sha256);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      set_evidence_not_found (self, sha256, error);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      scs_db_set_error (error, self->db, self->path);
      return NULL;
    }
  return g_steal_pointer (&stmt);
}

static void
set_evidence_read_error (GError     **error,
                         const char  *display,
                         GError      *io_error)
{
  if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, io_error->message);
  else if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_set_error (error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_IO,
                 _("Cannot read the evidence file ‘%s’: it does not exist"), display);
  else if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    g_set_error (error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_IO,
                 _("Cannot read the evidence file ‘%s’: permission denied"), display);
  else
    g_set_error (error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_IO,
                 _("Cannot read the evidence file ‘%s’: %s"), display, io_error->message);
}

gboolean
scs_workspace_require_evidence_target (ScsWorkspace  *self,
                                       const char    *id,
                                       ScsAnswer    **answer,
                                       GError       **error)
{
  ScsWorkspaceType type = scs_workspace_get_workspace_type (self);
  gboolean known;

  *answer = NULL;
  switch (type)
    {
    case SCS_WORKSPACE_TYPE_JCSTAR1:
      known = scs_jcstar_is_item_key (id);
      break;
    case SCS_WORKSPACE_TYPE_SECURITY_ACTION:
      known = scs_security_action_is_item_key (id);
      break;
    case SCS_WORKSPACE_TYPE_SCS:
    case SCS_WORKSPACE_TYPE_PROVIDER:
    default:
      *answer = scs_workspace_require_answer (self, id, error);
      return *answer != NULL;
    }
  if (!known)
    {
      g_autofree char *shown = g_utf8_make_valid (id, -1);

      /* Translators: "‘S1.1-99#1’ is not an item of a JC-STAR ★1 product self-declaration" */
      g_set_error (error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_INVALID,
                   _("‘%s’ is not an item of a %s"), shown, scs_workspace_type_get_label (type));
    }
  return known;
}

gboolean
scs_workspace_check_evidence_target (ScsWorkspace  *self,
                                     const char    *id,
                                     GError       **error)
{
  ScsAnswer *answer;

  g_return_val_if_fail (SCS_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  return scs_workspace_require_evidence_target (self, id, &answer, error);
}

/* The evidence count of a criterion, and the signal (items have no count
 * of their own: the signal alone). */
static void
evidence_changed (ScsWorkspace *self,
                  ScsAnswer    *answer,
                  const char   *id)
{
  if (answer != NULL)
    {
      refresh_n_evidence (self, answer);
      id = scs_answer_get_criterion_id (answer);
    }
  scs_workspace_emit_evidence_changed (self, id);
}

/* Evidence linked to a criterion is part of what the expert signs. */
static gboolean
require_unsealed (ScsWorkspace  *self,
                  const char    *criterion_id,
                  GError       **error)
{
  /* Translators: %s is a criterion ID */
  g_autofree char *what = g_strdup_printf (_("the evidence of criterion %s"), criterion_id);

  return scs_workspace_require_unsealed (self, what, error);
}

/* A criterion whose evidence may change now: its answer in @answer. */
static gboolean
require_writable_target (ScsWorkspace  *self,
                         const char    *criterion_id,
                         ScsAnswer    **answer,
                         GError       **error)
{
  return scs_workspace_require_evidence_target (self, criterion_id, answer, error) &&
         require_unsealed (self, criterion_id, error);
}

/**
 * scs_workspace_add_evidence:
 * @criterion_id: the criterion the file supports
 * @file: the file to store
 * @error: %SCS_WORKSPACE_ERROR_IO naming the file when it cannot be read,
 *   %SCS_WORKSPACE_ERROR_INVALID when it is too large, its name refused or
 *   the criterion unknown, %SCS_WORKSPACE_ERROR_READ_ONLY,
 *   %SCS_WORKSPACE_ERROR_SEALED; an %SCS_DB_ERROR when storing it fails
 *
 * Stores the file's bytes in the workspace (once per content: the SHA-256 is
 * the key) and links it to @criterion_id, in one transaction. Nothing is
 * written when reading the file fails. When the file was not linked to the
 * criterion yet, the addition can be undone (scs_workspace_undo ()).
 *
 * Returns: (transfer full): the hex SHA-256, or %NULL with @error set.
 */
char *
scs_workspace_add_evidence (ScsWorkspace  *self,
                            const char    *criterion_id,
                            GFile         *file,
                            GCancellable  *cancellable,
                            GError       **error)
{
  return scs_workspace_add_evidence_full (self, criterion_id, file, NULL, cancellable, error);
}

char *
scs_workspace_add_evidence_full (ScsWorkspace  *self,
                                 const char    *criterion_id,
                                 GFile         *file,
                                 gboolean      *out_linked,
                                 GCancellable  *cancellable,
                                 GError       **error)
{
  g_auto(ScsDbTransaction) txn = SCS_DB_TRANSACTION_INIT;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *display = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *name = NULL;
  g_autofree char *content_type = NULL;
  g_autofree char *mime_type = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *now = NULL;
  gsize length = 0;
  gboolean stored;
  gboolean linked;
  ScsAnswer *answer;

  g_return_val_if_fail (SCS_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (criterion_id != NULL, NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!require_writable_target (self, criterion_id, &answer, error))
    return NULL;

  display = g_file_get_parse_name (file);

  /* Its name goes into what the expert signs: checked before the file is read. */
  {
    g_autofree char *base = g_file_get_basename (file);
    g_autofree char *shown = g_filename_display_name (base ? base : "evidence");

    if (!scs_workspace_check_text (shown, _("The name of an evidence file"), TRUE, error))
      return NULL;
  }

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                            G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    {
      set_evidence_read_error (error, display, local_error);
      return NULL;
    }

  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_IO,
                   _("Cannot read the evidence file ‘%s’: it is not a regular file"), display);
      return NULL;
    }

  if (g_file_info_get_size (info) > SCS_EVIDENCE_MAX_SIZE)
    {
      g_autofree char *size = g_format_size_full (g_file_info_get_size (info),
                                                  G_FORMAT_SIZE_LONG_FORMAT);
      g_autofree char *limit = g_format_size_full (SCS_EVIDENCE_MAX_SIZE, G_FORMAT_SIZE_IEC_UNITS);

      g_set_error (error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_INVALID,
                   _("The evidence file ‘%s’ is too large (%s; at most %s)"), display, size, limit);
      return NULL;
    }

  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, &local_error))
    {
      set_evidence_read_error (error, display, local_error);
      return NULL;
    }

  /* It may have grown since we looked. */
  if (length > SCS_EVIDENCE_MAX_SIZE)
    {
      g_autofree char *size = g_format_size_full (length, G_FORMAT_SIZE_LONG_FORMAT);
      g_autofree char *limit = g_format_size_full (SCS_EVIDENCE_MAX_SIZE, G_FORMAT_SIZE_IEC_UNITS);

      g_set_error (error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_INVALID,
                   _("The evidence file ‘%s’ is too large (%s; at most %s)"), display, size, limit);
      return NULL;
    }

  sha256 = scs_sha256_hex (contents, length);

  basename = g_file_get_basename (file);
  name = g_filename_display_name (basename ? basename : "evidence");
  content_type = g_content_type_guess (basename, (const guchar *) contents, MIN (length, 4096), NULL);
  mime_type = content_type ? g_content_type_get_mime_type (content_type) : NULL;
  if (mime_type == NULL)
    mime_type = g_strdup ("application/octet-stream");

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  now = scs_now_iso8601 ();

  if (!scs_workspace_transaction_begin (self, &txn, error))
    return NULL;

  if (!evidence_exists (self, sha256, &stored, error) ||
      !link_exists (self, sha256, criterion_id, &linked, error))
    return NULL;

  /* A new file must fit in the package with everything already there. */
  if (!stored)
    {
      gint64 total = 0;

      if (!scs_db_query_int (self->db, self->path, "SELECT COALESCE (SUM (size), 0) FROM evidence",
                             &total, error))
        return NULL;
      if (total + (gint64) length > self->evidence_max_total)
        {
          g_autofree char *size = g_format_size_full (length, G_FORMAT_SIZE_IEC_UNITS);
          g_autofree char *sum = g_format_size_full (total + length, G_FORMAT_SIZE_IEC_UNITS);
          g_autofree char *limit = g_format_size_full (self->evidence_max_total, G_FORMAT_SIZE_IEC_UNITS);

          g_set_error (error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_INVALID,
                       _("The evidence file ‘%s’ (%s) would bring the workspace’s evidence to %s; a "
                         "submission package holds at most %s of evidence"), display, size, sum, limit);
          return NULL;
        }
    }

  if (!stored && !insert_blob (self, sha256, name, mime_type, contents, length, now, error))
    return NULL;

  if (!linked && !insert_link (self, sha256, criterion_id, now, error))
    return NULL;

  if (!scs_db_transaction_commit (&txn, error))
    return NULL;

  if (!linked)
    {
      evidence_changed (self, answer, criterion_id);
      scs_workspace_undo_push_link (self, criterion_id, sha256, name, mime_type);
    }
  if (out_linked != NULL)
    *out_linked = !linked;

  return g_steal_pointer (&sha256);
}

/**
 * scs_workspace_evidence_changed_elsewhere:
 * @criterion_id: the criterion whose evidence links changed
 *
 * For an add or removal committed through another connection to the same
 * file: a front end adds a large file on a worker thread with a workspace of
 * its own (one transaction there, as ever) and then tells the workspace its
 * user edits, which re-reads the criterion's evidence count and emits
 * "evidence-changed" on the caller's thread. Unknown criteria are ignored.
 */
void
scs_workspace_evidence_changed_elsewhere (ScsWorkspace *self,
                                          const char   *criterion_id)
{
  ScsAnswer *answer;

  g_return_if_fail (SCS_IS_WORKSPACE (self));
  g_return_if_fail (criterion_id != NULL);

  if (!scs_workspace_require_evidence_target (self, criterion_id, &answer, NULL))
    return;
  evidence_changed (self, answer, criterion_id);
}

void
scs_workspace_evidence_added_elsewhere (ScsWorkspace *self,
                                        const char   *criterion_id,
                                        const char   *sha256)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *name = NULL;
  g_autofree char *mime_type = NULL;
  ScsAnswer *answer;

  g_return_if_fail (SCS_IS_WORKSPACE (self));
  g_return_if_fail (criterion_id != NULL);
  g_return_if_fail (sha256 != NULL);

  if (!scs_workspace_require_evidence_target (self, criterion_id, &answer, NULL))
    return;
  /* the name says in the toast what an undo removes; without it, the hash */
  stmt = scs_db_prepare (self->db, self->path, "SELECT name, mime_type FROM evidence WHERE sha256 = ?1", NULL);
  if (stmt != NULL)
    {
      scs_db_bind_text (stmt, 1, sha256);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          name = scs_db_column_dup (stmt, 0);
          mime_type = scs_db_column_dup (stmt, 1);
        }
    }
  scs_workspace_undo_push_link (self, criterion_id, sha256, name, mime_type);
  scs_workspace_evidence_changed_elsewhere (self, criterion_id);
}

void
scs_workspace_set_evidence_max_total (ScsWorkspace *self,
                                      gint64        limit)
{
  g_return_if_fail (SCS_IS_WORKSPACE (self));
  g_return_if_fail (limit > 0 && limit <= SCS_EVIDENCE_MAX_TOTAL_SIZE);

  self->evidence_max_total = limit;
}

/**
 * scs_workspace_link_evidence:
 *
 * Links evidence already in the workspace to another criterion. Linking
 * twice is a no-op.
 */
/* Links @sha256 to @criterion_id; when the file is no longer stored and
 * @data holds it (an undone removal), stores it again first. */
static gboolean
link_evidence (ScsWorkspace  *self,
               const char    *sha256,
               const char    *criterion_id,
               const char    *name,
               const char    *mime_type,
               GBytes        *data,
               GError       **error)
{
  g_auto(ScsDbTransaction) txn = SCS_DB_TRANSACTION_INIT;
  g_autofree char *now = NULL;
  ScsAnswer *answer;
  gboolean stored;
  gboolean linked;

  if (!require_writable_target (self, criterion_id, &answer, error))
    return FALSE;

  now = scs_now_iso8601 ();

  if (!scs_workspace_transaction_begin (self, &txn, error))
    return FALSE;

  if (!evidence_exists (self, sha256, &stored, error) ||
      !link_exists (self, sha256, criterion_id, &linked, error))
    return FALSE;

  if (!stored && data != NULL)
    {
      gsize length;
      gconstpointer contents = g_bytes_get_data (data, &length);

      if (!insert_blob (self, sha256, name, mime_type, contents, length, now, error))
        return FALSE;
      stored = TRUE;
    }

  if (!stored)
    {
      set_evidence_not_found (self, sha256, error);
      return FALSE;
    }

  if (linked)
    return TRUE;

  if (!insert_link (self, sha256, criterion_id, now, error) ||
      !scs_db_transaction_commit (&txn, error))
    return FALSE;

  evidence_changed (self, answer, criterion_id);

  return TRUE;
}

gboolean
scs_workspace_link_evidence (ScsWorkspace  *self,
                             const char    *sha256,
                             const char    *criterion_id,
                             GError       **error)
{
  g_return_val_if_fail (SCS_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (sha256 != NULL, FALSE);
  g_return_val_if_fail (criterion_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return link_evidence (self, sha256, criterion_id, NULL, NULL, NULL, error);
}

/* Undo of a removal (scs-workspace-undo.c). */
gboolean
scs_workspace_relink_evidence (ScsWorkspace  *self,
                               const char    *criterion_id,
                               const char    *sha256,
                               const char    *name,
                               const char    *mime_type,
                               GBytes        *data,
                               GError       **error)
{
  return link_evidence (self, sha256, criterion_id, name, mime_type, data, error);
}

/* Removes the link, and the stored file when nothing links to it any
 * more. Gives the file's name and type, and its bytes when it was deleted
 * (for undo). */
static gboolean
remove_link (ScsWorkspace  *self,
             const char    *sha256,
             const char    *criterion_id,
             char         **out_name,
             char         **out_mime_type,
             GBytes       **out_data,
             GError       **error)
{
  g_auto(ScsDbTransaction) txn = SCS_DB_TRANSACTION_INIT;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = NULL;
  g_autofree char *name = NULL;
  g_autofree char *mime_type = NULL;
  g_autoptr(GBytes) data = NULL;
  ScsAnswer *answer;
  gboolean linked;
  gint64 remaining = 0;

  if (!require_writable_target (self, criterion_id, &answer, error))
    return FALSE;

  now = scs_now_iso8601 ();

  if (!scs_workspace_transaction_begin (self, &txn, error))
    return FALSE;

  if (!link_exists (self, sha256, criterion_id, &linked, error))
    return FALSE;

  if (!linked)
    {
      g_autofree char *shown = g_utf8_make_valid (sha256, -1);

      g_set_error (error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_NOT_FOUND,
                   _("Evidence ‘%s’ is not linked to criterion ‘%s’"), shown, criterion_id);
      return FALSE;
    }

  stmt = prepare_link (self, "DELETE FROM evidence_link "
                       "WHERE sha256 = ?1 AND assessment = ?2 AND criterion_id = ?3",
                       sha256, criterion_id, error);
  if (stmt == NULL)
    return FALSE;
  if (!scs_db_step_done (stmt, self->db, self->path, error) ||
      !scs_workspace_audit (self, now, "evidence-unlink", sha256, criterion_id, NULL, error))
    return FALSE;
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = select_evidence (self,
                          "SELECT (SELECT count (*) FROM evidence_link WHERE sha256 = ?1), "
                          "(SELECT name FROM evidence WHERE sha256 = ?1), "
                          "(SELECT mime_type FROM evidence WHERE sha256 = ?1)", sha256, error);
  if (stmt == NULL)
    return FALSE;
  remaining = sqlite3_column_int64 (stmt, 0);
  name = scs_db_column_dup (stmt, 1);
  mime_type = scs_db_column_dup (stmt, 2);
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (remaining == 0)
    {
      /* kept in memory for undo: the stored copy goes */
      stmt = select_evidence (self, "SELECT data FROM evidence WHERE sha256 = ?1", sha256, error);
      if (stmt == NULL)
        return FALSE;
      data = g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
      g_clear_pointer (&stmt, sqlite3_finalize);

      stmt = scs_db_prepare (self->db, self->path, "DELETE FROM evidence WHERE sha256 = ?1", error);
      if (stmt == NULL)
        return FALSE;
      scs_db_bind_text (stmt, 1, sha256);
      if (!scs_db_step_done (stmt, self->db, self->path, error) ||
          !scs_workspace_audit (self, now, "evidence-remove", sha256, name, NULL, error))
        return FALSE;
    }

  if (!scs_db_transaction_commit (&txn, error))
    return FALSE;

  evidence_changed (self, answer, criterion_id);

  *out_name = g_steal_pointer (&name);
  *out_mime_type = g_steal_pointer (&mime_type);
  *out_data = g_steal_pointer (&data);
  return TRUE;
}

/**
 * scs_workspace_unlink_evidence:
 *
 * Removes the link between the evidence and the criterion, and the stored
 * file itself when nothing links to it any more; both are audited. The
 * removal can be undone (scs_workspace_undo ()).
 */
gboolean
scs_workspace_unlink_evidence (ScsWorkspace  *self,
                               const char    *sha256,
                               const char    *criterion_id,
                               GError       **error)
{
  g_autofree char *name = NULL;
  g_autofree char *mime_type = NULL;
  g_autoptr(GBytes) data = NULL;

  g_return_val_if_fail (SCS_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (sha256 != NULL, FALSE);
  g_return_val_if_fail (criterion_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!remove_link (self, sha256, criterion_id, &name, &mime_type, &data, error))
    return FALSE;
  scs_workspace_undo_push_unlink (self, criterion_id, sha256, name, mime_type, data);
  return TRUE;
}

/* Redo of a removal (scs-workspace-undo.c). */
gboolean
scs_workspace_remove_evidence_link (ScsWorkspace  *self,
                                    const char    *sha256,
                                    const char    *criterion_id,
                                    GBytes       **data,
                                    GError       **error)
{
  g_autofree char *name = NULL;
  g_autofree char *mime_type = NULL;

  return remove_link (self, sha256, criterion_id, &name, &mime_type, data, error);
}

/**
 * scs_workspace_list_evidence:
 * @criterion_id: (nullable): only evidence linked to this criterion
 *
 * Returns: (transfer container) (element-type ScsEvidence): the evidence, in
 * the order it was added.
 */
GPtrArray *
scs_workspace_list_evidence (ScsWorkspace  *self,
                             const char    *criterion_id,
                             GError       **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) scs_evidence_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) links = NULL;
  ScsAnswer *answer;
  int rc;

  g_return_val_if_fail (SCS_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (criterion_id != NULL && !scs_workspace_require_evidence_target (self, criterion_id, &answer, error))
    return NULL;

  /* One criterion's files through the link index: each row of the checklist
   * lists its own, and a scan of every file per row made showing a category
   * grow with the whole workspace's evidence (bench-gui-latency). */
  if (criterion_id != NULL)
    stmt = scs_db_prepare (self->db, self->path,
                           "SELECT e.sha256, e.name, e.mime_type, e.size, e.added, e.author "
                           "FROM evidence_link l JOIN evidence e ON e.sha256 = l.sha256 "
                           "WHERE l.assessment = ?2 AND l.criterion_id = ?1 "
                           "ORDER BY e.added, e.rowid", error);
  else
    stmt = scs_db_prepare (self->db, self->path,
                           "SELECT sha256, name, mime_type, size, added, author FROM evidence "
                           "ORDER BY added, rowid", error);
  if (stmt == NULL)
    return NULL;

  links = scs_db_prepare (self->db, self->path,
                      "SELECT criterion_id FROM evidence_link WHERE sha256 = ?1 AND assessment = ?2 "
                      "ORDER BY criterion_id", error);
  if (links == NULL)
    return NULL;

  if (criterion_id != NULL)
    {
      scs_db_bind_text (stmt, 1, criterion_id);
      sqlite3_bind_int64 (stmt, 2, self->assessment_id);
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ScsEvidence *evidence = g_new0 (ScsEvidence, 1);
      g_autoptr(GStrvBuilder) criteria = g_strv_builder_new ();
      int link_rc;

      evidence->sha256 = scs_db_column_dup (stmt, 0);
      evidence->name = scs_db_column_dup (stmt, 1);
      evidence->mime_type = scs_db_column_dup (stmt, 2);
      evidence->size = sqlite3_column_int64 (stmt, 3);
      evidence->added = scs_db_column_dup (stmt, 4);
      evidence->author = scs_db_column_dup (stmt, 5);
      g_ptr_array_add (list, evidence);

      sqlite3_reset (links);
      scs_db_bind_text (links, 1, evidence->sha256);
      sqlite3_bind_int64 (links, 2, self->assessment_id);
      while ((link_rc = sqlite3_step (links)) == SQLITE_ROW)
        g_strv_builder_add (criteria, (const char *) sqlite3_column_text (links, 0));
      if (link_rc != SQLITE_DONE)
        {
          scs_db_set_error (error, self->db, self->path);
          return NULL;
        }
      evidence->criteria = g_strv_builder_end (criteria);
    }

  if (rc != SQLITE_DONE)
    {
      scs_db_set_error (error, self->db, self->path);
      return NULL;
    }

  return g_steal_pointer (&list);
}

/**
 * scs_workspace_get_evidence_data:
 *
 * Returns: (transfer full): the stored bytes, or %NULL with
 * %SCS_WORKSPACE_ERROR_NOT_FOUND.
 */
GBytes *
scs_workspace_get_evidence_data (ScsWorkspace  *self,
                                 const char    *sha256,
                                 GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SCS_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (sha256 != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = select_evidence (self, "SELECT data FROM evidence WHERE sha256 = ?1", sha256, error);
  if (stmt == NULL)
    return NULL;
  return g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
}

/**
 * scs_workspace_read_evidence:
 * @func: called with each piece in order (at most 1 MiB); returning %FALSE
 *   with its error stops the read
 *
 * Reads the stored bytes of evidence @sha256 in pieces, straight from the
 * workspace file (SQLite incremental blob I/O): however large the file,
 * at most one piece is in memory.
 *
 * Returns: %FALSE with %SCS_WORKSPACE_ERROR_NOT_FOUND, an %SCS_DB_ERROR,
 *   G_IO_ERROR_CANCELLED or @func's error
 */
gboolean
scs_workspace_read_evidence (ScsWorkspace          *self,
                             const char            *sha256,
                             ScsEvidenceChunkFunc   func,
                             gpointer               user_data,
                             GCancellable          *cancellable,
                             GError               **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree guint8 *buffer = NULL;
  sqlite3_blob *blob = NULL;
  sqlite3_int64 rowid;
  int size;
  gboolean ok = TRUE;

  g_return_val_if_fail (SCS_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (sha256 != NULL && func != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stmt = select_evidence (self, "SELECT rowid FROM evidence WHERE sha256 = ?1", sha256, error);
  if (stmt == NULL)
    return FALSE;
  rowid = sqlite3_column_int64 (stmt, 0);
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (sqlite3_blob_open (self->db, "main", "evidence", "data", rowid, 0, &blob) != SQLITE_OK)
    {
      scs_db_set_error (error, self->db, self->path);
      sqlite3_blob_close (blob);
      return FALSE;
    }
  size = sqlite3_blob_bytes (blob);
  buffer = g_malloc (MIN (size, SCS_EVIDENCE_CHUNK) + 1);
  for (int offset = 0; ok && offset < size;)
    {
      int n = MIN (size - offset, SCS_EVIDENCE_CHUNK);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        ok = FALSE;
      else if (sqlite3_blob_read (blob, buffer, n, offset) != SQLITE_OK)
        {
          scs_db_set_error (error, self->db, self->path);
          ok = FALSE;
        }
      else
        ok = func (buffer, n, user_data, error);
      offset += n;
    }
  sqlite3_blob_close (blob);
  return ok;
}

typedef struct
{
  ScsSha256 *hash;
  gint64     size;
} HashJob;

static gboolean
hash_chunk (const guint8  *data,
            gsize          size,
            gpointer       user_data,
            GError       **error)
{
  HashJob *job = user_data;

  scs_sha256_update (job->hash, data, size);
  job->size += size;
  return TRUE;
}

/**
 * scs_workspace_hash_evidence:
 *
 * @size: (out) (optional): the number of bytes stored
 *
 * The SHA-256 of the bytes stored for evidence @sha256, read in pieces
 * (scs_workspace_read_evidence ()): what they hash to now, to compare
 * with the name they are stored under.
 *
 * Returns: (transfer full): 64 hex digits, or %NULL as for
 *   scs_workspace_read_evidence ()
 */
char *
scs_workspace_hash_evidence (ScsWorkspace  *self,
                             const char    *sha256,
                             gint64        *size,
                             GCancellable  *cancellable,
                             GError       **error)
{
  HashJob job = { scs_sha256_new (), 0 };

  if (!scs_workspace_read_evidence (self, sha256, hash_chunk, &job, cancellable, error))
    {
      scs_sha256_free (job.hash);
      return NULL;
    }
  if (size != NULL)
    *size = job.size;
  return scs_sha256_finish_hex (job.hash);
}

static gboolean
write_all (int           fd,
           const guint8 *data,
           gsize         length)
{
  while (length > 0)
    {
      ssize_t n = write (fd, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      data += n;
      length -= n;
    }

  return TRUE;
}

/**
 * scs_workspace_extract_evidence:
 * @out_path: where to write; must not exist
 * @error: %SCS_WORKSPACE_ERROR_EXISTS, %SCS_WORKSPACE_ERROR_NOT_FOUND,
 *   %SCS_WORKSPACE_ERROR_IO when @out_path cannot be written, or an
 *   %SCS_DB_ERROR when the stored bytes cannot be read
 *
 * Writes the stored bytes to a temporary file next to @out_path and moves it
 * into place only when complete, never replacing an existing file.
 */
gboolean
scs_workspace_extract_evidence (ScsWorkspace  *self,
                                const char    *sha256,
                                const char    *out_path,
                                GError       **error)
{
  g_autoptr(GBytes) data = NULL;
  g_autofree char *display = NULL;
  g_autofree char *tmp = NULL;
  gsize length;
  const guint8 *bytes;
  int fd;

  g_return_val_if_fail (SCS_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (sha256 != NULL, FALSE);
  g_return_val_if_fail (out_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  display = g_filename_display_name (out_path);

  if (g_file_test (out_path, G_FILE_TEST_EXISTS) || g_file_test (out_path, G_FILE_TEST_IS_SYMLINK))
    {
      g_set_error (error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_EXISTS,
                   _("‘%s’ already exists; choose another name"), display);
      return FALSE;
    }

  data = scs_workspace_get_evidence_data (self, sha256, error);
  if (data == NULL)
    return FALSE;

  /* A recognisable partial name: the next run removes it if this one is
   * killed (scs-file.h). */
  {
    g_autoptr(GError) local_error = NULL;

    fd = scs_file_create_partial (out_path, &tmp, &local_error);
    if (fd < 0)
      {
        g_set_error (error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_IO,
                     _("Cannot write ‘%s’: %s"), display, local_error->message);
        return FALSE;
      }
    /* mkstemp's 0600, widened as the umask allows, as a new file would be */
    {
      mode_t mask = umask (0);

      umask (mask);
      fchmod (fd, 0666 & ~mask);
    }
  }

  bytes = g_bytes_get_data (data, &length);
  if (!write_all (fd, bytes, length) || fsync (fd) != 0)
    {
      int saved_errno = errno;

      close (fd);
      g_unlink (tmp);
      g_set_error (error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_IO,
                   _("Cannot write ‘%s’: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }

  if (close (fd) != 0)
    {
      int saved_errno = errno;

      g_unlink (tmp);
      g_set_error (error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_IO,
                   _("Cannot write ‘%s’: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }

  if (!scs_workspace_move_into_place (tmp, out_path, error))
    {
      g_unlink (tmp);
      return FALSE;
    }

  return TRUE;
}

/* Adding on a worker thread ---------------------------------------------- */

typedef struct
{
  GTask     *task;          /* the caller's */
  char      *path;
  char      *actor;
  char      *criterion_id;
  GPtrArray *files;         /* of GFile */
  GPtrArray *errors;        /* of char*, translated messages */
  GPtrArray *linked;        /* of char*, SHA-256 of the files newly linked */
  GError    *first_error;
  guint      n_added;
} AddEvidenceJob;

static void
add_evidence_job_free (AddEvidenceJob *job)
{
  g_clear_object (&job->task);
  g_free (job->path);
  g_free (job->actor);
  g_free (job->criterion_id);
  g_ptr_array_unref (job->files);
  g_ptr_array_unref (job->errors);
  g_ptr_array_unref (job->linked);
  g_clear_error (&job->first_error);
  g_free (job);
}

static void
add_evidence_failed (AddEvidenceJob *job,
                     GError         *error)
{
  g_ptr_array_add (job->errors, g_strdup (error->message));
  if (job->first_error == NULL)
    job->first_error = g_error_copy (error);
}

/* Each add holds SQLite's write lock while it commits: one at a time. */
static GMutex add_evidence_lock;

static void
add_evidence_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  AddEvidenceJob *job = task_data;
  g_autoptr(ScsWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;

  g_mutex_lock (&add_evidence_lock);
  workspace = scs_workspace_open_again (job->path, &error);
  if (workspace == NULL)
    add_evidence_failed (job, error);
  else
    {
      if (job->actor != NULL)
        scs_workspace_set_actor (workspace, job->actor);
      for (guint i = 0; i < job->files->len; i++)
        {
          g_autofree char *sha256 = NULL;
          gboolean linked = FALSE;

          g_clear_error (&error);
          sha256 = scs_workspace_add_evidence_full (workspace, job->criterion_id,
                                                    g_ptr_array_index (job->files, i), &linked,
                                                    cancellable, &error);
          if (sha256 == NULL)
            add_evidence_failed (job, error);
          else
            {
              job->n_added++;
              if (linked)
                g_ptr_array_add (job->linked, g_steal_pointer (&sha256));
            }
        }
    }
  /* closed on this thread, which opened it */
  g_clear_object (&workspace);
  g_mutex_unlock (&add_evidence_lock);
  g_task_return_boolean (task, TRUE);
}

/* On the caller's thread: its workspace learns what was added, whatever
 * became of the caller, and then the caller is told. */
static void
add_evidence_done (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  AddEvidenceJob *job = g_task_get_task_data (G_TASK (result));
  /* released here: the worker's task may be freed on the worker */
  g_autoptr(GTask) task = g_steal_pointer (&job->task);
  ScsWorkspace *self = g_task_get_source_object (task);

  /* each file newly linked is undoable in the caller's workspace */
  for (guint i = 0; i < job->linked->len; i++)
    scs_workspace_evidence_added_elsewhere (self, job->criterion_id, g_ptr_array_index (job->linked, i));
  if (job->n_added > 0 && job->linked->len == 0)
    scs_workspace_evidence_changed_elsewhere (self, job->criterion_id);
  /* the count, for _finish, with or without an error */
  g_task_set_task_data (task, GUINT_TO_POINTER (job->n_added), NULL);
  if (job->errors->len > 0)
    {
      g_autofree char *message = NULL;

      g_ptr_array_add (job->errors, NULL);
      message = g_strjoinv ("\n", (char **) job->errors->pdata);
      g_task_return_new_error (task, job->first_error->domain, job->first_error->code, "%s", message);
    }
  else
    g_task_return_boolean (task, TRUE);
}

void
scs_workspace_add_evidence_async (ScsWorkspace         *self,
                                  const char           *criterion_id,
                                  GFile               **files,
                                  guint                 n_files,
                                  GCancellable         *cancellable,
                                  GAsyncReadyCallback   callback,
                                  gpointer              user_data)
{
  g_autoptr(GTask) worker = NULL;
  AddEvidenceJob *job;

  g_return_if_fail (SCS_IS_WORKSPACE (self));
  g_return_if_fail (criterion_id != NULL);
  g_return_if_fail (files != NULL || n_files == 0);

  job = g_new0 (AddEvidenceJob, 1);
  job->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (job->task, scs_workspace_add_evidence_async);
  job->path = g_strdup (self->path);
  job->actor = g_strdup (scs_workspace_get_actor (self));
  job->criterion_id = g_strdup (criterion_id);
  job->files = g_ptr_array_new_with_free_func (g_object_unref);
  job->errors = g_ptr_array_new_with_free_func (g_free);
  job->linked = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < n_files; i++)
    g_ptr_array_add (job->files, g_object_ref (files[i]));

  worker = g_task_new (NULL, cancellable, add_evidence_done, NULL);
  g_task_set_source_tag (worker, add_evidence_thread);
  g_task_set_task_data (worker, job, (GDestroyNotify) add_evidence_job_free);
  g_task_run_in_thread (worker, add_evidence_thread);
}

guint
scs_workspace_add_evidence_finish (ScsWorkspace  *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), 0);

  g_task_propagate_boolean (G_TASK (result), error);
  return GPOINTER_TO_UINT (g_task_get_task_data (G_TASK (result)));
}
