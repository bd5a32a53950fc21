/* scs-db.h: the small SQLite layer under the workspace and its modules
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

/* Stored times: scs_now_iso8601() */
#include "scs-date.h"

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

#define SCS_DB_ERROR (scs_db_error_quark ())

/* What SQLite said, in the terms a caller acts on. */
typedef enum
{
  SCS_DB_ERROR_BUSY,        /* locked by another connection or program (SQLITE_BUSY, SQLITE_LOCKED) */
  SCS_DB_ERROR_FULL,        /* the disk is full, or the file at its size limit */
  SCS_DB_ERROR_READ_ONLY,   /* the file cannot be written (SQLITE_READONLY) */
  SCS_DB_ERROR_CORRUPT,     /* damaged, or not a database (SQLITE_CORRUPT, SQLITE_NOTADB) */
  SCS_DB_ERROR_IO,          /* cannot read or write (SQLITE_IOERR, SQLITE_CANTOPEN, anything else) */
  SCS_DB_ERROR_CONSTRAINT,  /* a constraint or trigger refused the change */
  SCS_DB_ERROR_SEALED,      /* a seal trigger refused it: the assessment is signed (scs-seal.h) */
  SCS_DB_ERROR_MISUSE,      /* a bug of ours: SQLITE_MISUSE, SQLITE_RANGE */
  SCS_DB_ERROR_MOVED,       /* the file was deleted, or another renamed over it, since it was opened */
} ScsDbError;

GQuark scs_db_error_quark (void);

/* Sets an SCS_DB_ERROR from the connection's last SQLite error, with a
 * translated message naming the workspace at @path. */
void          scs_db_set_error    (GError       **error,
                                   sqlite3       *db,
                                   const char    *path);
gboolean      scs_db_exec         (sqlite3       *db,
                                   const char    *path,
                                   const char    *sql,
                                   GError       **error);
sqlite3_stmt *scs_db_prepare      (sqlite3       *db,
                                   const char    *path,
                                   const char    *sql,
                                   GError       **error);
/* NULL binds SQL NULL. */
void          scs_db_bind_text    (sqlite3_stmt  *stmt,
                                   int            index,
                                   const char    *text);
char         *scs_db_column_dup   (sqlite3_stmt  *stmt,
                                   int            index);
/* Runs a statement that returns no rows. */
gboolean      scs_db_step_done    (sqlite3_stmt  *stmt,
                                   sqlite3       *db,
                                   const char    *path,
                                   GError       **error);
/* Prepares and runs @sql, which returns no rows, with ?1 = @a, ?2 = @b and,
 * when @sql has a third parameter, ?3 = @text (NULL binds SQL NULL). */
gboolean      scs_db_exec_bound   (sqlite3       *db,
                                   const char    *path,
                                   const char    *sql,
                                   gint64         a,
                                   gint64         b,
                                   const char    *text,
                                   GError       **error);
gboolean      scs_db_query_int    (sqlite3       *db,
                                   const char    *path,
                                   const char    *sql,
                                   gint64        *value,
                                   GError       **error);

/* Prepares and steps @sql (a one-row record, no parameters): the statement
 * on its row, or NULL, with @error set only when reading failed. */
sqlite3_stmt *scs_db_read_row (sqlite3     *db,
                               const char  *path,
                               const char  *sql,
                               GError     **error);

/* Makes the item of one row (@stmt is on it). */
typedef gpointer (*ScsDbRowFunc) (sqlite3_stmt *stmt,
                                  gpointer      user_data);

/* Steps @stmt to its end: an array of what @make_row makes of each row,
 * freed with @free_row; NULL with @error when a step fails. */
GPtrArray    *scs_db_collect (sqlite3_stmt    *stmt,
                              sqlite3         *db,
                              const char      *path,
                              ScsDbRowFunc     make_row,
                              gpointer         user_data,
                              GDestroyNotify   free_row,
                              GError         **error);

/* A write transaction that rolls back when it goes out of scope unless it
 * was committed:
 *
 *   g_auto(ScsDbTransaction) txn = SCS_DB_TRANSACTION_INIT;
 *
 *   if (!scs_db_transaction_begin (&txn, db, path, error))
 *     return FALSE;
 *   if (!write_something (…, error))
 *     return FALSE;                 (rolled back here)
 *   return scs_db_transaction_commit (&txn, error);
 *
 * The workspace's modules begin it with scs_workspace_transaction_begin (),
 * which refuses a read-only workspace first. */
typedef struct
{
  sqlite3    *db;    /* NULL: no transaction open */
  const char *path;
} ScsDbTransaction;

#define SCS_DB_TRANSACTION_INIT { NULL, NULL }

/* Whether the name @db was opened under no longer leads to its file: the
 * file was deleted, or another one renamed over it. */
gboolean      scs_db_has_moved            (sqlite3           *db);
/* BEGIN IMMEDIATE on @db (the file at @path, for messages); refused with
 * SCS_DB_ERROR_MOVED when the name no longer leads to the file @db has
 * open (deleted, or replaced by a rename). */
gboolean      scs_db_transaction_begin    (ScsDbTransaction  *txn,
                                           sqlite3           *db,
                                           const char        *path,
                                           GError           **error);
/* BEGIN (deferred): one consistent view of @db for several reads, ended
 * by the guard or by scs_db_transaction_rollback (). */
gboolean      scs_db_transaction_begin_read (ScsDbTransaction  *txn,
                                             sqlite3           *db,
                                             const char        *path,
                                             GError           **error);
/* COMMIT; a commit that fails is rolled back. The transaction is over
 * either way. */
gboolean      scs_db_transaction_commit   (ScsDbTransaction  *txn,
                                           GError           **error);
/* ROLLBACK when still open; nothing otherwise. */
void          scs_db_transaction_rollback (ScsDbTransaction  *txn);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ScsDbTransaction, scs_db_transaction_rollback)

/* For readers that show what a file has without opening it as a workspace
 * (the portfolio and the modules' read_summary functions): whether table
 * @name exists (a file of an older version may lack it), asked of the
 * schema SQLite has already loaded; a statement, or NULL when it cannot be
 * prepared (a column an older file lacks). */
gboolean      scs_db_has_table    (sqlite3       *db,
                                   const char    *name);
sqlite3_stmt *scs_db_try_prepare  (sqlite3       *db,
                                   const char    *sql);

G_END_DECLS
