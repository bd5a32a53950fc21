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

/* Sets an SCS_WORKSPACE_ERROR from the connection's last SQLite error,
 * naming the workspace at @path. */
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

G_END_DECLS
