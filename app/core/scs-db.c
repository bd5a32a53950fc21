/* scs-db.c: the small SQLite layer under the workspace and its modules
 *
 * Statement helpers that turn SQLite result codes into SCS_DB_ERROR codes
 * with translated messages naming the file. Shared by scs-workspace*.c and
 * the modules that keep their own tables in the workspace (review, scope,
 * …). Below the workspace: it knows the file, not the document.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "scs-db.h"

#include <string.h>

#include <glib/gi18n-lib.h>

G_DEFINE_QUARK (scs-db-error-quark, scs_db_error)

/* SQLite counts every allocation for sqlite3_memory_used () by default,
 * under one process-wide mutex: ~10 % of the instructions of opening a
 * workspace (parsing its schema allocates thousands of small objects), and
 * a lock the portfolio's reader threads take in turn on every malloc. Nothing
 * here reads those counters. Set before SQLite initialises (it refuses the
 * call after): this runs as the program is loaded, before main (). */
__attribute__ ((constructor)) static void
scs_db_configure_sqlite (void)
{
  sqlite3_config (SQLITE_CONFIG_MEMSTATUS, 0);
}

/* SQLite helpers                                                            */

/* The code of an error whose message says only that the file cannot be
 * read or written. */
static ScsDbError
db_error_code (int code)
{
  switch (code)
    {
    case SQLITE_READONLY:
      return SCS_DB_ERROR_READ_ONLY;
    case SQLITE_MISUSE:
    case SQLITE_RANGE:
      return SCS_DB_ERROR_MISUSE;
    default:
      return SCS_DB_ERROR_IO;
    }
}

void
scs_db_set_error (GError     **error,
              sqlite3     *db,
              const char  *path)
{
  int code = sqlite3_errcode (db) & 0xff;
  const char *message = sqlite3_errmsg (db);
  g_autofree char *display = g_filename_display_name (path);

  /* A write that failed for want of space (or at the file size limit)
   * is a full disk, whichever code SQLite gave it. */
  if (code == SQLITE_IOERR &&
      (sqlite3_system_errno (db) == ENOSPC || sqlite3_system_errno (db) == EFBIG))
    code = SQLITE_FULL;

  switch (code)
    {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, SCS_DB_ERROR, SCS_DB_ERROR_CORRUPT,
                   _("The workspace ‘%s’ is damaged: %s"), display, message);
      break;

    case SQLITE_CONSTRAINT:
      /* The seal's triggers (scs-seal.h) */
      if (strstr (message, "scs-sealed") != NULL)
        {
          g_set_error (error, SCS_DB_ERROR, SCS_DB_ERROR_SEALED,
                       _("The assessment in ‘%s’ is signed; start a new round to change it"),
                       display);
          break;
        }
      g_set_error (error, SCS_DB_ERROR, SCS_DB_ERROR_CONSTRAINT,
                   _("The workspace ‘%s’ refused the change: %s"), display, message);
      break;

    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      /* SQLite's own words ("database is locked") would reach the user in English */
      g_set_error (error, SCS_DB_ERROR, SCS_DB_ERROR_BUSY,
                   _("Another program is writing to the workspace ‘%s’, so the change was not "
                     "saved. Try again when it is done."), display);
      break;

    case SQLITE_FULL:
      g_set_error (error, SCS_DB_ERROR, SCS_DB_ERROR_FULL,
                   _("The disk holding the workspace ‘%s’ is full, so the change was not saved. "
                     "Free some space on it and try again; you can still read the workspace and "
                     "export a draft to another disk."), display);
      break;

    default:
      g_set_error (error, SCS_DB_ERROR, db_error_code (code),
                   _("Cannot read or write the workspace ‘%s’: %s"), display, message);
      break;
    }
}

gboolean
scs_db_exec (sqlite3     *db,
         const char  *path,
         const char  *sql,
         GError     **error)
{
  if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      scs_db_set_error (error, db, path);
      return FALSE;
    }

  return TRUE;
}

sqlite3_stmt *
scs_db_prepare (sqlite3     *db,
            const char  *path,
            const char  *sql,
            GError     **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      scs_db_set_error (error, db, path);
      sqlite3_finalize (stmt);
      return NULL;
    }

  return stmt;
}


void
scs_db_bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

char *
scs_db_column_dup (sqlite3_stmt *stmt,
            int           index)
{
  const unsigned char *text = sqlite3_column_text (stmt, index);

  return text ? g_strdup ((const char *) text) : NULL;
}

/* Runs a statement that returns no rows. */
gboolean
scs_db_step_done (sqlite3_stmt  *stmt,
           sqlite3       *db,
           const char    *path,
           GError       **error)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      scs_db_set_error (error, db, path);
      return FALSE;
    }

  return TRUE;
}

gboolean
scs_db_exec_bound (sqlite3     *db,
                   const char  *path,
                   const char  *sql,
                   gint64       a,
                   gint64       b,
                   const char  *text,
                   GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = scs_db_prepare (db, path, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, a);
  sqlite3_bind_int64 (stmt, 2, b);
  if (sqlite3_bind_parameter_count (stmt) >= 3)
    scs_db_bind_text (stmt, 3, text);
  return scs_db_step_done (stmt, db, path, error);
}

gboolean
scs_db_query_int (sqlite3     *db,
           const char  *path,
           const char  *sql,
           gint64      *value,
           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = scs_db_prepare (db, path, sql, error);

  if (stmt == NULL)
    return FALSE;

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      scs_db_set_error (error, db, path);
      return FALSE;
    }

  *value = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

sqlite3_stmt *
scs_db_read_row (sqlite3     *db,
                 const char  *path,
                 const char  *sql,
                 GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = scs_db_prepare (db, path, sql, error);

  if (stmt == NULL)
    return NULL;
  switch (sqlite3_step (stmt))
    {
    case SQLITE_ROW:
      return g_steal_pointer (&stmt);
    case SQLITE_DONE:
      return NULL;
    default:
      scs_db_set_error (error, db, path);
      return NULL;
    }
}

GPtrArray *
scs_db_collect (sqlite3_stmt    *stmt,
                sqlite3         *db,
                const char      *path,
                ScsDbRowFunc     make_row,
                gpointer         user_data,
                GDestroyNotify   free_row,
                GError         **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (free_row);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, make_row (stmt, user_data));
  if (rc != SQLITE_DONE)
    {
      scs_db_set_error (error, db, path);
      return NULL;
    }
  return g_steal_pointer (&items);
}

static gboolean
transaction_begin (ScsDbTransaction  *txn,
                   sqlite3           *db,
                   const char        *path,
                   const char        *sql,
                   GError           **error)
{
  g_return_val_if_fail (txn != NULL && txn->db == NULL, FALSE);

  if (!scs_db_exec (db, path, sql, error))
    return FALSE;
  txn->db = db;
  txn->path = path;
  return TRUE;
}

gboolean
scs_db_has_moved (sqlite3 *db)
{
  int moved = 0;

  /* SQLite compares the inode under the name with its own: a stat (), no
   * open (the file rule of docs/DESIGN.md). */
  return sqlite3_file_control (db, "main", SQLITE_FCNTL_HAS_MOVED, &moved) == SQLITE_OK && moved;
}

gboolean
scs_db_transaction_begin (ScsDbTransaction  *txn,
                          sqlite3           *db,
                          const char        *path,
                          GError           **error)
{
  if (!transaction_begin (txn, db, path, "BEGIN IMMEDIATE", error))
    return FALSE;

  /* A file deleted, or replaced by another one renamed over it, while the
   * connection was open still takes writes: into the old inode, which is
   * gone when the program ends, and into a -wal the file now under the name
   * would read. */
  if (scs_db_has_moved (db))
    {
      g_autofree char *display = g_filename_display_name (path);

      scs_db_transaction_rollback (txn);
      g_set_error (error, SCS_DB_ERROR, SCS_DB_ERROR_MOVED,
                   _("The workspace ‘%s’ was deleted, moved or replaced by another program while "
                     "it was open, so the change was not saved. Close it and open the file again "
                     "where it is now."), display);
      return FALSE;
    }
  return TRUE;
}

gboolean
scs_db_transaction_begin_read (ScsDbTransaction  *txn,
                               sqlite3           *db,
                               const char        *path,
                               GError           **error)
{
  return transaction_begin (txn, db, path, "BEGIN", error);
}

gboolean
scs_db_transaction_commit (ScsDbTransaction  *txn,
                           GError           **error)
{
  g_return_val_if_fail (txn != NULL && txn->db != NULL, FALSE);

  if (!scs_db_exec (txn->db, txn->path, "COMMIT", error))
    {
      scs_db_transaction_rollback (txn);
      return FALSE;
    }
  txn->db = NULL;
  return TRUE;
}

void
scs_db_transaction_rollback (ScsDbTransaction *txn)
{
  if (txn->db == NULL)
    return;
  /* SQLite may have rolled back already (a full disk, an I/O error) */
  if (!sqlite3_get_autocommit (txn->db))
    sqlite3_exec (txn->db, "ROLLBACK", NULL, NULL, NULL);
  txn->db = NULL;
}

gboolean
scs_db_has_table (sqlite3    *db,
                  const char *name)
{
  return sqlite3_table_column_metadata (db, "main", name, NULL, NULL, NULL, NULL, NULL, NULL) == SQLITE_OK;
}

sqlite3_stmt *
scs_db_try_prepare (sqlite3    *db,
                    const char *sql)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      sqlite3_finalize (stmt);
      return NULL;
    }
  return stmt;
}
