/* test-db.c: the SQLite layer: transactions that roll back on scope exit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A transaction begun with scs_db_transaction_begin () and left without a
 * commit is rolled back when it goes out of scope; a commit that fails is
 * rolled back too. Through the workspace: an edit that fails half-way, after
 * its first row was written, leaves the file exactly as it was. Each kind
 * of SQLite failure, made for real, gets its SCS_DB_ERROR code and a
 * message naming the file.
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "core-test-util.h"
#include "scs-db.h"
#include "scs-review.h"
#include "scs-workspace.h"

typedef struct
{
  char    *dir;
  char    *path;
  sqlite3 *db;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = core_test_make_tmp_dir ("scs-test-db-XXXXXX");
  f->path = g_build_filename (f->dir, "plain.db", NULL);
  g_assert_cmpint (sqlite3_open (f->path, &f->db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (f->db,
                                 "PRAGMA foreign_keys = ON;"
                                 "CREATE TABLE parent (id INTEGER PRIMARY KEY);"
                                 "CREATE TABLE child (parent INTEGER REFERENCES parent (id)"
                                 "  DEFERRABLE INITIALLY DEFERRED);"
                                 "CREATE TABLE item (value TEXT);",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  sqlite3_close (f->db);
  core_test_rm_rf (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static gint64
count (Fixture    *f,
       const char *sql)
{
  g_autoptr(GError) error = NULL;
  gint64 n = -1;

  g_assert_true (scs_db_query_int (f->db, f->path, sql, &n, &error));
  g_assert_no_error (error);
  return n;
}

static gboolean
insert_and_leave (Fixture  *f,
                  gboolean  commit)
{
  g_auto(ScsDbTransaction) txn = SCS_DB_TRANSACTION_INIT;
  g_autoptr(GError) error = NULL;

  g_assert_true (scs_db_transaction_begin (&txn, f->db, f->path, &error));
  g_assert_no_error (error);
  g_assert_false (sqlite3_get_autocommit (f->db));
  g_assert_true (scs_db_exec (f->db, f->path, "INSERT INTO item VALUES ('a')", &error));
  g_assert_no_error (error);
  if (!commit)
    return FALSE;  /* rolled back here, on the way out */
  g_assert_true (scs_db_transaction_commit (&txn, &error));
  g_assert_no_error (error);
  return TRUE;
}

static void
test_scope_exit_rolls_back (Fixture       *f,
                            gconstpointer  data)
{
  g_assert_false (insert_and_leave (f, FALSE));
  g_assert_true (sqlite3_get_autocommit (f->db));
  g_assert_cmpint (count (f, "SELECT count (*) FROM item"), ==, 0);

  g_assert_true (insert_and_leave (f, TRUE));
  g_assert_true (sqlite3_get_autocommit (f->db));
  g_assert_cmpint (count (f, "SELECT count (*) FROM item"), ==, 1);
}

static void
test_explicit_rollback (Fixture       *f,
                        gconstpointer  data)
{
  g_auto(ScsDbTransaction) txn = SCS_DB_TRANSACTION_INIT;
  g_autoptr(GError) error = NULL;

  /* rolled back, begun again on the same guard, committed */
  g_assert_true (scs_db_transaction_begin (&txn, f->db, f->path, &error));
  g_assert_true (scs_db_exec (f->db, f->path, "INSERT INTO item VALUES ('a')", &error));
  scs_db_transaction_rollback (&txn);
  scs_db_transaction_rollback (&txn);
  g_assert_true (sqlite3_get_autocommit (f->db));
  g_assert_true (scs_db_transaction_begin (&txn, f->db, f->path, &error));
  g_assert_true (scs_db_exec (f->db, f->path, "INSERT INTO item VALUES ('b')", &error));
  g_assert_true (scs_db_transaction_commit (&txn, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count (*) FROM item WHERE value = 'b'"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count (*) FROM item"), ==, 1);
}

static void
test_failed_commit_rolls_back (Fixture       *f,
                               gconstpointer  data)
{
  g_auto(ScsDbTransaction) txn = SCS_DB_TRANSACTION_INIT;
  g_autoptr(GError) error = NULL;

  /* a deferred foreign key is checked at COMMIT, which fails */
  g_assert_true (scs_db_transaction_begin (&txn, f->db, f->path, &error));
  g_assert_true (scs_db_exec (f->db, f->path, "INSERT INTO item VALUES ('a')", &error));
  g_assert_true (scs_db_exec (f->db, f->path, "INSERT INTO child VALUES (42)", &error));
  g_assert_no_error (error);
  g_assert_false (scs_db_transaction_commit (&txn, &error));
  g_assert_nonnull (error);
  g_assert_true (sqlite3_get_autocommit (f->db));
  g_assert_null (txn.db);
  g_assert_cmpint (count (f, "SELECT count (*) FROM item"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count (*) FROM child"), ==, 0);
}

/* Sets @error from @db's last error and checks the code and that the
 * message names the file. */
static void
assert_mapped (sqlite3    *db,
               const char *path,
               ScsDbError  code)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *display = g_filename_display_name (path);

  scs_db_set_error (&error, db, path);
  g_assert_error (error, SCS_DB_ERROR, (int) code);
  g_assert_nonnull (strstr (error->message, display));
}

static void
test_error_constraint_and_seal (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (sqlite3_exec (f->db,
                                 "CREATE TABLE checked (n INTEGER CHECK (n > 0));"
                                 "CREATE TRIGGER sealed BEFORE DELETE ON item "
                                 "BEGIN SELECT RAISE (ABORT, 'scs-sealed: the assessment is signed'); END;"
                                 "INSERT INTO item VALUES ('kept');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_false (scs_db_exec (f->db, f->path, "INSERT INTO checked VALUES (-1)", &error));
  g_assert_error (error, SCS_DB_ERROR, SCS_DB_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "CHECK"));
  g_clear_error (&error);
  g_assert_false (scs_db_exec (f->db, f->path, "DELETE FROM item", &error));
  g_assert_error (error, SCS_DB_ERROR, SCS_DB_ERROR_SEALED);
  g_clear_error (&error);
  g_assert_cmpint (count (f, "SELECT count (*) FROM item"), ==, 1);
}

static void
test_error_busy (Fixture       *f,
                 gconstpointer  data)
{
  sqlite3 *other = NULL;

  /* another connection holds the write lock; no waiting */
  g_assert_cmpint (sqlite3_exec (f->db, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_open (f->path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_BUSY);
  assert_mapped (other, f->path, SCS_DB_ERROR_BUSY);
  sqlite3_close (other);
  sqlite3_exec (f->db, "ROLLBACK", NULL, NULL, NULL);
}

static void
test_error_read_only (Fixture       *f,
                      gconstpointer  data)
{
  sqlite3 *other = NULL;

  g_assert_cmpint (sqlite3_open_v2 (f->path, &other, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "INSERT INTO item VALUES ('x')", NULL, NULL, NULL), ==,
                   SQLITE_READONLY);
  assert_mapped (other, f->path, SCS_DB_ERROR_READ_ONLY);
  sqlite3_close (other);
}

static void
test_error_full (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  /* the file may not grow past its size now: what a full disk does */
  g_assert_cmpint (sqlite3_exec (f->db, "PRAGMA max_page_count = 6", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_false (scs_db_exec (f->db, f->path, "INSERT INTO item VALUES (zeroblob (100000))", &error));
  g_assert_error (error, SCS_DB_ERROR, SCS_DB_ERROR_FULL);
  g_assert_nonnull (strstr (error->message, "full"));
}

static void
test_error_corrupt (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *garbage = g_build_filename (f->dir, "garbage.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strnfill (8192, 'x');
  sqlite3 *other = NULL;

  core_test_write_file (garbage, text, -1);
  g_assert_cmpint (sqlite3_open (garbage, &other), ==, SQLITE_OK);
  g_assert_false (scs_db_exec (other, garbage, "SELECT * FROM sqlite_master", &error));
  g_assert_error (error, SCS_DB_ERROR, SCS_DB_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "garbage.db"));
  sqlite3_close (other);
}

static void
test_error_io_and_misuse (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (f->dir, "no-such-folder", "x.db", NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *other = NULL;

  g_assert_cmpint (sqlite3_open_v2 (missing, &other, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_CANTOPEN);
  assert_mapped (other, missing, SCS_DB_ERROR_IO);
  sqlite3_close (other);

  stmt = scs_db_prepare (f->db, f->path, "INSERT INTO item VALUES (?1)", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_bind_int (stmt, 7, 1), ==, SQLITE_RANGE);
  assert_mapped (f->db, f->path, SCS_DB_ERROR_MISUSE);
}

static void
test_workspace_edit_half_done (void)
{
  g_autofree char *dir = core_test_make_tmp_dir ("scs-test-db-ws-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "half.scsw", NULL);
  g_autoptr(ScsWorkspace) ws = core_test_workspace_new (path, "株式会社トランザクション", 3, "Expert Taro");
  g_autoptr(ScsProfile) profile = core_test_expert ();
  g_autoptr(ScsReview) review = scs_review_new (ws, profile);
  g_autoptr(GPtrArray) comments = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  sqlite3 *other = NULL;

  g_assert_cmpint (scs_review_add_comment (review, NULL, "first", &error), >, 0);
  g_assert_no_error (error);

  /* Another program makes the audit row, the edit's last write, fail:
   * the comment row written before it must not stay. */
  g_assert_cmpint (sqlite3_open (path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other,
                                 "CREATE TRIGGER test_no_audit BEFORE INSERT ON audit "
                                 "BEGIN SELECT RAISE (ABORT, 'no audit today'); END;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  before = core_test_file_state (path, TRUE);

  g_assert_cmpint (scs_review_add_comment (review, NULL, "second", &error), ==, 0);
  g_assert_error (error, SCS_DB_ERROR, SCS_DB_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "no audit today"));
  g_clear_error (&error);

  after = core_test_file_state (path, TRUE);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (sqlite3_exec (other, "DROP TRIGGER test_no_audit", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);

  comments = scs_review_list_comments (review, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (comments->len, ==, 1);

  /* nothing left open: the next edit goes through */
  g_assert_cmpint (scs_review_add_comment (review, NULL, "third", &error), >, 0);
  g_assert_no_error (error);

  g_clear_object (&review);
  g_clear_object (&ws);
  core_test_rm_rf (dir);
}

/* scs_db_exec_bound () binds ?1 and ?2, and ?3 only where the statement
 * has it; a refused statement reports an SCS_DB_ERROR naming the file. */
static void
test_exec_bound (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (scs_db_exec (f->db, f->path, "INSERT INTO parent VALUES (1), (2)", &error));
  g_assert_no_error (error);
  g_assert_true (scs_db_exec_bound (f->db, f->path,
                                    "INSERT INTO item SELECT ?1 + ?2", 3, 4, "unused", &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT COUNT(*) FROM item WHERE value = 7"), ==, 1);
  g_assert_true (scs_db_exec_bound (f->db, f->path,
                                    "INSERT INTO item SELECT ?3 || ?1 || ?2", 5, 6, "x", &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT COUNT(*) FROM item WHERE value = 'x56'"), ==, 1);
  g_assert_true (scs_db_exec_bound (f->db, f->path,
                                    "INSERT INTO item SELECT coalesce (?3, 'null') FROM parent WHERE id IN (?1, ?2)",
                                    1, 2, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT COUNT(*) FROM item WHERE value = 'null'"), ==, 2);

  g_assert_false (scs_db_exec_bound (f->db, f->path,
                                     "INSERT INTO parent VALUES (?1), (?2)", 3, 2, NULL, &error));
  g_assert_error (error, SCS_DB_ERROR, SCS_DB_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, f->path));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/scs/db/transaction/scope-exit", Fixture, NULL,
              fixture_set_up, test_scope_exit_rolls_back, fixture_tear_down);
  g_test_add ("/scs/db/transaction/explicit-rollback", Fixture, NULL,
              fixture_set_up, test_explicit_rollback, fixture_tear_down);
  g_test_add ("/scs/db/transaction/failed-commit", Fixture, NULL,
              fixture_set_up, test_failed_commit_rolls_back, fixture_tear_down);
  g_test_add_func ("/scs/db/transaction/workspace-half-done", test_workspace_edit_half_done);
  g_test_add ("/scs/db/error/constraint-and-seal", Fixture, NULL,
              fixture_set_up, test_error_constraint_and_seal, fixture_tear_down);
  g_test_add ("/scs/db/error/busy", Fixture, NULL, fixture_set_up, test_error_busy, fixture_tear_down);
  g_test_add ("/scs/db/error/read-only", Fixture, NULL, fixture_set_up, test_error_read_only, fixture_tear_down);
  g_test_add ("/scs/db/error/full", Fixture, NULL, fixture_set_up, test_error_full, fixture_tear_down);
  g_test_add ("/scs/db/error/corrupt", Fixture, NULL, fixture_set_up, test_error_corrupt, fixture_tear_down);
  g_test_add ("/scs/db/error/io-and-misuse", Fixture, NULL,
              fixture_set_up, test_error_io_and_misuse, fixture_tear_down);
  g_test_add ("/scs/db/exec-bound", Fixture, NULL, fixture_set_up, test_exec_bound, fixture_tear_down);

  return g_test_run ();
}
