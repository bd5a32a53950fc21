/* scs-workspace.c: the .scsw document, one SQLite file per organisation
 *
 * A workspace is SQLite used as an application file format: one file holds
 * the organisation's profile, the catalog it is answered against (embedded as
 * XML, checked by SHA-256 on every open), the assessment, the answers, the
 * evidence files as blobs and an append-only audit log. There is no "Save":
 * every edit is one BEGIN IMMEDIATE … COMMIT transaction that also writes its
 * audit rows, in WAL mode with synchronous=FULL, so an edit whose call has
 * returned survives a crash or kill -9, and a failed edit changes nothing —
 * neither the file nor the ScsAnswer objects, which are only updated after
 * the commit. Opening reads the 100-byte SQLite header itself before SQLite
 * touches the file, so another application's database, a newer schema or a
 * truncated file is refused with a clear error and left byte-for-byte alone
 * (no -wal or -shm files either) — but only while this process holds no
 * connection to the file, since closing any descriptor of it would drop
 * SQLite's locks (the file rule, scs-fs.h, docs/DESIGN.md). Every answer
 * write is compare-and-set on the row's version, so two programs on one
 * file never silently overwrite each other; scs_workspace_watch () shows
 * what the others commit. A file that cannot be written opens read-only. The schema is versioned with user_version
 * and grows through the migrations[] table, one transaction per step, so a
 * file written by any earlier version opens. New files are built under a
 * temporary name and linked into place, so a half-created workspace never
 * appears under the user's chosen name.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "scs-workspace.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "scs-corporate-number.h"
#include "scs-db.h"
#include "scs-file.h"
#include "scs-fs.h"
#include "scs-seal.h"
#include "scs-sha256.h"
#include "scs-workspace-private.h"
#include "scs-text.h"

#define BUSY_TIMEOUT_MS 5000

/* ------------------------------------------------------------------------ */
/* Schema and migrations                                                     */

/* Version 1. Every table is STRICT so a wrong type is an error, not a silent
 * conversion; the CHECKs repeat the rules the C code enforces so that a file
 * edited by hand cannot hold what the application would refuse. */
static const char schema_v1[] =
  "CREATE TABLE organization (\n"
  "  id               INTEGER PRIMARY KEY CHECK (id = 1),\n"
  "  name             TEXT NOT NULL CHECK (name <> ''),\n"
  "  trade_name       TEXT,\n"
  "  sole_proprietor  INTEGER NOT NULL DEFAULT 0 CHECK (sole_proprietor IN (0, 1)),\n"
  "  corporate_number TEXT CHECK (corporate_number IS NULL OR\n"
  "                               (length (corporate_number) = 13 AND\n"
  "                                corporate_number NOT GLOB '*[^0-9]*')),\n"
  "  address          TEXT,\n"
  "  contact_name     TEXT,\n"
  "  contact_email    TEXT,\n"
  "  contact_phone    TEXT,\n"
  "  CHECK (sole_proprietor = 1 OR corporate_number IS NOT NULL)\n"
  ") STRICT;\n"
  "CREATE TABLE catalog (\n"
  "  sha256 TEXT PRIMARY KEY CHECK (length (sha256) = 64),\n"
  "  id     TEXT NOT NULL,\n"
  "  date   TEXT NOT NULL,\n"
  "  xml    BLOB NOT NULL\n"
  ") STRICT;\n"
  "CREATE TABLE assessment (\n"
  "  id             INTEGER PRIMARY KEY,\n"
  "  catalog_sha256 TEXT NOT NULL REFERENCES catalog (sha256),\n"
  "  target_level   INTEGER NOT NULL CHECK (target_level IN (3, 4)),\n"
  "  cycle          INTEGER NOT NULL DEFAULT 0 CHECK (cycle >= 0),\n"
  "  created        TEXT NOT NULL,\n"
  "  updated        TEXT NOT NULL\n"
  ") STRICT;\n"
  "CREATE TABLE answer (\n"
  "  assessment   INTEGER NOT NULL REFERENCES assessment (id),\n"
  "  criterion_id TEXT NOT NULL,\n"
  "  state        TEXT NOT NULL CHECK (state IN ('unanswered', 'met', 'not-met', 'na')),\n"
  "  note         TEXT NOT NULL DEFAULT '',\n"
  "  reason       TEXT NOT NULL DEFAULT '',\n"
  "  author       TEXT NOT NULL,\n"
  "  updated      TEXT NOT NULL,\n"
  "  PRIMARY KEY (assessment, criterion_id),\n"
  "  CHECK (state <> 'na' OR trim (reason, char (32, 9, 10, 13, 12288)) <> '')\n"
  ") STRICT;\n"
  "CREATE TABLE evidence (\n"
  "  sha256    TEXT PRIMARY KEY CHECK (length (sha256) = 64),\n"
  "  name      TEXT NOT NULL,\n"
  "  mime_type TEXT NOT NULL,\n"
  "  size      INTEGER NOT NULL CHECK (size >= 0),\n"
  "  data      BLOB NOT NULL CHECK (length (data) = size),\n"
  "  added     TEXT NOT NULL,\n"
  "  author    TEXT NOT NULL\n"
  ") STRICT;\n"
  "CREATE TABLE evidence_link (\n"
  "  sha256       TEXT NOT NULL REFERENCES evidence (sha256),\n"
  "  assessment   INTEGER NOT NULL REFERENCES assessment (id),\n"
  "  criterion_id TEXT NOT NULL,\n"
  "  added        TEXT NOT NULL,\n"
  "  author       TEXT NOT NULL,\n"
  "  PRIMARY KEY (sha256, assessment, criterion_id)\n"
  ") STRICT;\n"
  "CREATE INDEX evidence_link_by_criterion ON evidence_link (assessment, criterion_id);\n"
  "CREATE TABLE audit (\n"
  "  id        INTEGER PRIMARY KEY,\n"
  "  time      TEXT NOT NULL,\n"
  "  actor     TEXT NOT NULL,\n"
  "  action    TEXT NOT NULL,\n"
  "  target    TEXT,\n"
  "  old_value TEXT,\n"
  "  new_value TEXT\n"
  ") STRICT;\n"
  "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit\n"
  "BEGIN SELECT RAISE (ABORT, 'the audit log is append-only'); END;\n"
  "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit\n"
  "BEGIN SELECT RAISE (ABORT, 'the audit log is append-only'); END;\n";

/* migrations[n] takes a file from user_version n to n + 1. A later core
 * schema version appends a step here (never edits an old one), bumps
 * SCS_WORKSPACE_SCHEMA_VERSION, and adds a fixture of the previous version
 * to the tests. */
/* Version 2: feature modules (review, scope, …) keep their own tables with
 * their own schema versions, recorded here, so each grows independently. */
static const char schema_v2[] =
  "CREATE TABLE schema_module (\n"
  "  name    TEXT PRIMARY KEY CHECK (name <> ''),\n"
  "  version INTEGER NOT NULL CHECK (version >= 1)\n"
  ") STRICT;\n";

/* Version 3: every write of an answer bumps its version, and is made only
 * if the row still holds the version and values the writer saw
 * (compare-and-set), so two programs editing one file never silently
 * overwrite each other. */
static const char schema_v3[] =
  "ALTER TABLE answer ADD COLUMN version INTEGER NOT NULL DEFAULT 0 CHECK (version >= 0);\n";

static const char * const migrations[] = {
  schema_v1,
  schema_v2,
  schema_v3,
};

/* What the workspace is for (scs-workspace-type.h). */
static const char workspace_type_v1[] =
  "CREATE TABLE workspace_type (\n"
  "  id   INTEGER PRIMARY KEY CHECK (id = 1),\n"
  "  type TEXT NOT NULL CHECK (type IN ('scs', 'jcstar1', 'security-action'))\n"
  ") STRICT;\n";

/* Version 2: the service-provider dossier (SQLite cannot change a CHECK in
 * place: the table is copied). */
static const char workspace_type_v2[] =
  "CREATE TABLE workspace_type_new (\n"
  "  id   INTEGER PRIMARY KEY CHECK (id = 1),\n"
  "  type TEXT NOT NULL CHECK (type IN ('scs', 'jcstar1', 'security-action', 'provider'))\n"
  ") STRICT;\n"
  "INSERT INTO workspace_type_new SELECT id, type FROM workspace_type;\n"
  "DROP TABLE workspace_type;\n"
  "ALTER TABLE workspace_type_new RENAME TO workspace_type;\n";

static const char * const workspace_type_steps[] = { workspace_type_v1, workspace_type_v2 };

static const ScsSchemaModule workspace_type_schema = {
  "workspace_type", workspace_type_steps, G_N_ELEMENTS (workspace_type_steps),
};

/* The feature modules whose tables live in the workspace. A module appends
 * steps to its own ScsSchemaModule (never edits an old one); a new module
 * adds one line here. */
static const ScsSchemaModule * const schema_modules[] = {
  NULL,
  &scs_scope_schema,
  &scs_review_schema,
  &scs_signature_schema,       /* split off review: after it, in the order */
  &scs_attestation_schema,     /* the tables refer to each other */
  &scs_declaration_schema,
  &scs_seal_schema,
  &scs_migration_schema,
  &scs_renewal_schema,
  &scs_diagnosis_schema,
  &scs_submission_schema,
  &workspace_type_schema,
  &scs_item_answer_schema,     /* before the types whose answers it took over */
  &scs_security_action_schema,
  &scs_jcstar_schema,
  &scs_provider_schema,
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == SCS_WORKSPACE_SCHEMA_VERSION);

/* ------------------------------------------------------------------------ */


G_DEFINE_FINAL_TYPE (ScsWorkspace, scs_workspace, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  PROP_CATALOG,
  PROP_ACTOR,
  PROP_TARGET_LEVEL,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

enum {
  ANSWER_CHANGED,
  EVIDENCE_CHANGED,
  ORGANIZATION_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* ------------------------------------------------------------------------ */
/* Plain records                                                             */

ScsOrganization *
scs_organization_new (void)
{
  return g_new0 (ScsOrganization, 1);
}

ScsOrganization *
scs_organization_copy (const ScsOrganization *org)
{
  ScsOrganization *copy;

  g_return_val_if_fail (org != NULL, NULL);

  copy = scs_organization_new ();
  copy->name = g_strdup (org->name);
  copy->trade_name = g_strdup (org->trade_name);
  copy->sole_proprietor = !!org->sole_proprietor;
  copy->corporate_number = g_strdup (org->corporate_number);
  copy->address = g_strdup (org->address);
  copy->contact_name = g_strdup (org->contact_name);
  copy->contact_email = g_strdup (org->contact_email);
  copy->contact_phone = g_strdup (org->contact_phone);

  return copy;
}

void
scs_organization_free (ScsOrganization *org)
{
  if (org == NULL)
    return;

  g_free (org->name);
  g_free (org->trade_name);
  g_free (org->corporate_number);
  g_free (org->address);
  g_free (org->contact_name);
  g_free (org->contact_email);
  g_free (org->contact_phone);
  g_free (org);
}

void
scs_evidence_free (ScsEvidence *evidence)
{
  if (evidence == NULL)
    return;

  g_free (evidence->sha256);
  g_free (evidence->name);
  g_free (evidence->mime_type);
  g_free (evidence->added);
  g_free (evidence->author);
  g_strfreev (evidence->criteria);
  g_free (evidence);
}

void
scs_audit_entry_free (ScsAuditEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->time);
  g_free (entry->actor);
  g_free (entry->action);
  g_free (entry->target);
  g_free (entry->old_value);
  g_free (entry->new_value);
  g_free (entry);
}


/* Optional profile fields: blank means "not given" and is stored as NULL. */
static void
normalize_optional (char **field)
{
  if (*field != NULL && scs_text_is_blank (*field))
    g_clear_pointer (field, g_free);
}

/**
 * scs_organization_validate:
 * @org: the profile to check; normalised in place
 * @error: %SCS_WORKSPACE_ERROR_INVALID naming the problem
 *
 * A name is required. A company needs a corporate number (法人番号) with a
 * valid check digit, stored as 13 ASCII digits; a sole proprietor has none.
 * Blank optional fields become %NULL.
 */
gboolean
scs_organization_validate (ScsOrganization *org,
                           GError         **error)
{
  const struct
  {
    char       **value;
    const char  *label;
    gboolean     single_line;
  } text_fields[] = {
    { &org->name, N_("The organisation’s name"), TRUE },
    { &org->trade_name, N_("The organisation’s trade name"), TRUE },
    { &org->corporate_number, N_("The corporate number"), TRUE },
    { &org->address, N_("The organisation’s address"), FALSE },
    { &org->contact_name, N_("The contact person"), TRUE },
    { &org->contact_email, N_("The contact e-mail address"), TRUE },
    { &org->contact_phone, N_("The contact telephone number"), TRUE },
  };

  g_return_val_if_fail (org != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    if (!scs_workspace_check_text (*text_fields[i].value, _(text_fields[i].label),
                                   text_fields[i].single_line, error))
      return FALSE;

  if (scs_text_is_blank (org->name))
    {
      g_set_error (error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_INVALID,
                   _("The organisation needs a name"));
      return FALSE;
    }

  normalize_optional (&org->trade_name);
  normalize_optional (&org->corporate_number);
  normalize_optional (&org->address);
  normalize_optional (&org->contact_name);
  normalize_optional (&org->contact_email);
  normalize_optional (&org->contact_phone);
  org->sole_proprietor = !!org->sole_proprietor;

  if (org->sole_proprietor)
    {
      if (org->corporate_number != NULL)
        {
          g_set_error (error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_INVALID,
                       _("A sole proprietor has no corporate number; remove ‘%s’ or "
                         "describe the organisation as a company"),
                       org->corporate_number);
          return FALSE;
        }
    }
  else
    {
      g_autoptr(GError) local_error = NULL;
      char *normalized = NULL;

      if (org->corporate_number == NULL)
        {
          g_set_error (error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_INVALID,
                       _("A company needs its 13-digit corporate number (法人番号)"));
          return FALSE;
        }

      if (!scs_corporate_number_validate (org->corporate_number, &normalized, &local_error))
        {
          g_set_error_literal (error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_INVALID,
                               local_error->message);
          return FALSE;
        }

      g_free (org->corporate_number);
      org->corporate_number = normalized;
    }

  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Transactions and the audit log, for this file and the modules            */

static char *
default_actor (void)
{
  const char *real_name = g_get_real_name ();

  if (real_name == NULL || *real_name == '\0' || g_str_equal (real_name, "Unknown"))
    return g_strdup (g_get_user_name ());

  return g_strdup (real_name);
}

/* Whether the file was deleted, or another one renamed over it, since it
 * was opened (scs_db_has_moved ()). SQLite closes such a connection without
 * a checkpoint and leaves its -wal under the name, where the file now
 * there would read this one's pages as its own. So the first time it is
 * seen, the -wal is copied into the old file and emptied. Only then: the
 * -wal and -shm under the name are shared with whoever opens the new file,
 * and emptying them later could throw away that program's commits. The
 * window's watch sees the move within moments (the file monitor). */
static gboolean
notice_moved (ScsWorkspace *self)
{
  if (self->moved)
    return TRUE;
  if (self->db == NULL || !scs_db_has_moved (self->db))
    return FALSE;
  self->moved = TRUE;
  if (sqlite3_get_autocommit (self->db))
    sqlite3_wal_checkpoint_v2 (self->db, "main", SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
  return TRUE;
}

gboolean
scs_workspace_transaction_begin (ScsWorkspace      *self,
                                 ScsDbTransaction  *txn,
                                 GError           **error)
{
  if (!scs_workspace_check_writable (self, error))
    return FALSE;
  /* refused by scs_db_transaction_begin () below, with its message */
  notice_moved (self);

  return scs_db_transaction_begin (txn, self->db, self->path, error);
}

gboolean
scs_workspace_is_sealed (ScsWorkspace *self)
{
  g_return_val_if_fail (SCS_IS_WORKSPACE (self), FALSE);

  return scs_seal_is_sealed (self->db, self->path, self->assessment_id);
}

gboolean
scs_workspace_seal_is_missing (ScsWorkspace *self)
{
  g_return_val_if_fail (SCS_IS_WORKSPACE (self), FALSE);

  return scs_seal_is_missing (self->db, self->path, self->assessment_id);
}

gboolean
scs_workspace_require_unsealed (ScsWorkspace  *self,
                                const char    *what,
                                GError       **error)
{
  g_return_val_if_fail (SCS_IS_WORKSPACE (self), FALSE);

  return scs_seal_require_unsealed (self->db, self->path, self->assessment_id, what, error);
}

gboolean
scs_workspace_check_text (const char  *text,
                          const char  *field,
                          gboolean     single_line,
                          GError     **error)
{
  return scs_text_validate_as (text, field, single_line ? SCS_TEXT_SINGLE_LINE : SCS_TEXT_MULTI_LINE,
                               SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_INVALID, error);
}

static gboolean
insert_audit (sqlite3     *db,
              const char  *path,
              const char  *time,
              const char  *actor,
              const char  *action,
              const char  *target,
              const char  *old_value,
              const char  *new_value,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = scs_db_prepare (db, path,
                     "INSERT INTO audit (time, actor, action, target, old_value, new_value) "
                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
  if (stmt == NULL)
    return FALSE;

  scs_db_bind_text (stmt, 1, time);
  scs_db_bind_text (stmt, 2, actor);
  scs_db_bind_text (stmt, 3, action);
  scs_db_bind_text (stmt, 4, target);
  scs_db_bind_text (stmt, 5, old_value);
  scs_db_bind_text (stmt, 6, new_value);

  return scs_db_step_done (stmt, db, path, error);
}

gboolean
scs_workspace_audit (ScsWorkspace  *self,
                     const char    *time,
                     const char    *action,
                     const char    *target,
                     const char    *old_value,
                     const char    *new_value,
                     GError       **error)
{
  return insert_audit (self->db, self->path, time, self->actor, action, target,
                       old_value, new_value, error);
}

sqlite3_stmt *
scs_workspace_write_begin (ScsWorkspace      *self,
                           ScsDbTransaction  *txn,
                           const char        *sql,
                           GError           **error)
{
  if (!scs_workspace_transaction_begin (self, txn, error))
    return NULL;
  return scs_db_prepare (self->db, self->path, sql, error);
}

gboolean
scs_workspace_write_finish (ScsWorkspace      *self,
                            ScsDbTransaction  *txn,
                            sqlite3_stmt      *stmt,
                            const char        *time,
                            const char        *action,
                            const char        *target,
                            const char        *old_value,
                            const char        *new_value,
                            GError           **error)
{
  g_autofree char *now = time == NULL ? scs_now_iso8601 () : NULL;

  return scs_db_step_done (stmt, self->db, self->path, error) &&
         scs_workspace_audit (self, time != NULL ? time : now, action, target, old_value, new_value, error) &&
         scs_db_transaction_commit (txn, error);
}

void
scs_workspace_emit_evidence_changed (ScsWorkspace *self,
                                     const char   *criterion_id)
{
  g_signal_emit (self, signals[EVIDENCE_CHANGED], 0, criterion_id);
}

/* ------------------------------------------------------------------------ */
/* Opening                                                                   */

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

static gboolean
wal_has_content (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  GStatBuf st;

  return g_stat (wal, &st) == 0 && st.st_size > 0;
}

/* Checks the SQLite header read by scs_fs_hold() before SQLite touched the
 * file, so files that are not ours are refused without SQLite creating
 * -wal/-shm files or writing anything. */
static gboolean
check_header (const char   *path,
              const guint8 *header,
              gsize         n_read,
              GError      **error)
{
  static const char magic[16] = "SQLite format 3";
  g_autofree char *display = g_filename_display_name (path);
  GStatBuf st;
  guint32 page_size;
  guint32 n_pages;
  guint32 version;

  if (g_stat (path, &st) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_IO,
                   _("Cannot open the workspace ‘%s’: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }

  if (n_read == 0)
    {
      g_set_error (error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_NOT_A_WORKSPACE,
                   _("‘%s’ is empty: it is not an SCS Workbench workspace"), display);
      return FALSE;
    }

  if (n_read < sizeof magic || memcmp (header, magic, sizeof magic) != 0)
    {
      g_set_error (error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_NOT_A_WORKSPACE,
                   _("‘%s’ is not an SCS Workbench workspace"), display);
      return FALSE;
    }

  if (n_read < 100)
    {
      g_set_error (error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_CORRUPT,
                   _("The workspace ‘%s’ is truncated (only %u bytes)"),
                   display, (guint) n_read);
      return FALSE;
    }

  if (read_be32 (header + 68) != SCS_WORKSPACE_APPLICATION_ID)
    {
      g_set_error (error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_NOT_A_WORKSPACE,
                   _("‘%s’ is a database of another application, not an SCS Workbench workspace"),
                   display);
      return FALSE;
    }

  version = read_be32 (header + 60);
  if (version > SCS_WORKSPACE_SCHEMA_VERSION)
    {
      g_set_error (error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_NEWER_VERSION,
                   _("The workspace ‘%s’ was written by a newer version of SCS Workbench "
                     "(format %u; this version reads up to format %u). Update SCS Workbench to open it."),
                   display, version, SCS_WORKSPACE_SCHEMA_VERSION);
      return FALSE;
    }

  page_size = ((guint32) header[16] << 8) | header[17];
  if (page_size == 1)
    page_size = 65536;
  if (page_size < 512 || (page_size & (page_size - 1)) != 0)
    {
      g_set_error (error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_CORRUPT,
                   _("The workspace ‘%s’ is damaged: its header is invalid"), display);
      return FALSE;
    }

  /* A -wal file left by a crash may hold pages not yet copied into the main
   * file (a checkpoint can be interrupted half way), so the size check is
   * only meaningful without one; SQLite recovers from the WAL and the
   * quick_check after opening catches real damage. */
  n_pages = read_be32 (header + 28);
  if (!wal_has_content (path))
    {
      gboolean size_valid = n_pages != 0 &&
                            read_be32 (header + 24) == read_be32 (header + 92);

      if ((st.st_size % page_size) != 0 ||
          (size_valid && (guint64) st.st_size < (guint64) n_pages * page_size))
        {
          g_autofree char *actual = g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) st.st_size);
          g_autofree char *promised = g_strdup_printf ("%" G_GUINT64_FORMAT,
                                                       size_valid ? (guint64) n_pages * page_size
                                                                  : (guint64) st.st_size);

          /* Translators: the second and third %s are numbers of bytes */
          g_set_error (error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_CORRUPT,
                       _("The workspace ‘%s’ is truncated or damaged: it has %s bytes, "
                         "its header promises %s"),
                       display, actual, promised);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
configure_connection (sqlite3     *db,
                      const char  *path,
                      GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *display = g_filename_display_name (path);
  const char *mode;

  stmt = scs_db_prepare (db, path, "PRAGMA journal_mode = WAL", error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      scs_db_set_error (error, db, path);
      return FALSE;
    }

  /* WAL can be refused (e.g. on some network file systems); we rely on it
   * for crash safety with concurrent readers, so say so. */
  mode = (const char *) sqlite3_column_text (stmt, 0);
  if (mode == NULL || g_ascii_strcasecmp (mode, "wal") != 0)
    {
      g_set_error (error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_IO,
                   _("Cannot use write-ahead logging for the workspace ‘%s’ (journal mode %s)"),
                   display, mode ? mode : "?");
      return FALSE;
    }

  return scs_db_exec (db, path,
                  "PRAGMA synchronous = FULL;"
                  "PRAGMA foreign_keys = ON;",
                  error);
}

static const ScsSchemaModule *
find_module (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (schema_modules); i++)
    if (schema_modules[i] != NULL && g_str_equal (schema_modules[i]->name, name))
      return schema_modules[i];
  return NULL;
}

/* Refuses a file that holds a module this version does not know, or a newer
 * version of one it knows: it was written by a newer SCS Workbench, and
 * writing to it could lose that newer data. Reads only. */
static gboolean
check_modules (sqlite3     *db,
               const char  *path,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *display = g_filename_display_name (path);
  int rc;

  stmt = scs_db_prepare (db, path, "SELECT name, version FROM schema_module ORDER BY name", error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 0);
      gint64 version = sqlite3_column_int64 (stmt, 1);
      const ScsSchemaModule *module = find_module (name);

      if (module == NULL || version > (gint64) module->n_steps)
        {
          g_set_error (error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_NEWER_VERSION,
                       _("The workspace ‘%s’ was written by a newer version of SCS Workbench "
                         "(its part ‘%s’ has format %u, which this version cannot read). "
                         "Update SCS Workbench to open it."),
                       display, name, (guint) version);
          return FALSE;
        }
    }
  if (rc != SQLITE_DONE)
    {
      scs_db_set_error (error, db, path);
      return FALSE;
    }

  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* The schema a file must have                                               */

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Sorted, so the same file always names the same object first. */
static GPtrArray *
sorted_keys (GHashTable *table)
{
  GPtrArray *keys = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (keys, key);
  g_ptr_array_sort (keys, compare_keys);
  return keys;
}

/* Every object of a file's sqlite_master but SQLite's statistics tables
 * (ANALYZE's, harmless and rebuilt at will), in an order that does not
 * depend on how the file was made. */
#define SCHEMA_SQL \
  "SELECT type, name, tbl_name, coalesce (sql, '') FROM sqlite_master " \
  "WHERE NOT (type = 'table' AND name GLOB 'sqlite_stat[1-4]') ORDER BY type, name"

/* "type name" → "tbl_name sql" of every object of SCHEMA_SQL. */
static GHashTable *
read_schema (sqlite3     *db,
             const char  *path,
             GError     **error)
{
  g_autoptr(GHashTable) objects = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = scs_db_prepare (db, path, SCHEMA_SQL, error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (objects,
                         g_strdup_printf ("%s %s", sqlite3_column_text (stmt, 0),
                                          sqlite3_column_text (stmt, 1)),
                         g_strdup_printf ("%s %s", sqlite3_column_text (stmt, 2),
                                          sqlite3_column_text (stmt, 3)));
  if (rc != SQLITE_DONE)
    {
      scs_db_set_error (error, db, path);
      return NULL;
    }

  return g_steal_pointer (&objects);
}

/* The version of each module (schema_modules[] order) a file of core
 * @version ≥ 2 holds: the one it records, 0 for a module it does not
 * know, or for a module split off another one that it records no version
 * of, what the other one's version implies (ScsSchemaModule.split_from).
 * @recorded (nullable) says which are recorded. */
static gboolean
read_module_versions (sqlite3     *db,
                      const char  *path,
                      guint       *versions,
                      gboolean    *recorded,
                      GError     **error)
{
  gboolean is_recorded[G_N_ELEMENTS (schema_modules)] = { FALSE };
  g_autoptr(sqlite3_stmt) get = NULL;
  int rc;

  for (guint i = 0; i < G_N_ELEMENTS (schema_modules); i++)
    versions[i] = 0;

  /* One statement for all modules: the portfolio runs this per file. */
  get = scs_db_prepare (db, path, "SELECT name, version FROM schema_module", error);
  if (get == NULL)
    return FALSE;
  while ((rc = sqlite3_step (get)) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (get, 0);

      for (guint i = 0; i < G_N_ELEMENTS (schema_modules); i++)
        if (schema_modules[i] != NULL && g_strcmp0 (schema_modules[i]->name, name) == 0)
          {
            /* check_modules () has refused versions newer than this build's. */
            versions[i] = MIN ((guint) sqlite3_column_int64 (get, 1), schema_modules[i]->n_steps);
            is_recorded[i] = TRUE;
          }
    }
  if (rc != SQLITE_DONE)
    {
      scs_db_set_error (error, db, path);
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (schema_modules); i++)
    {
      const ScsSchemaModule *module = schema_modules[i];

      if (module == NULL || module->split_from == NULL || is_recorded[i])
        continue;
      for (guint j = 0; j < G_N_ELEMENTS (schema_modules); j++)
        if (schema_modules[j] != NULL && g_str_equal (schema_modules[j]->name, module->split_from))
          versions[i] = module->split_versions[MIN (versions[j], module->n_split_versions - 1)];
    }

  if (recorded != NULL)
    memcpy (recorded, is_recorded, sizeof is_recorded);
  return TRUE;
}

/* The module versions @db holds, e.g. "2 scope=1 review=2 …" (in
 * schema_modules[] order, read_module_versions ()): what the schema of a
 * file depends on besides the core version. */
static char *
recorded_versions (sqlite3     *db,
                   const char  *path,
                   guint        version,
                   guint       *versions,
                   GError     **error)
{
  g_autoptr(GString) key = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (schema_modules); i++)
    versions[i] = 0;
  if (version >= 2 && !read_module_versions (db, path, versions, NULL, error))
    return NULL;

  g_string_append_printf (key, "%u", version);
  for (guint i = 0; i < G_N_ELEMENTS (schema_modules); i++)
    if (schema_modules[i] != NULL && version >= 2)
      g_string_append_printf (key, " %s=%u", schema_modules[i]->name, versions[i]);

  return g_string_free (g_steal_pointer (&key), FALSE);
}

/* The schema a file of core @version with the module @versions must have,
 * built by running the very steps that create it — the core's
 * migrations[] and each module's steps — in a database in memory, so a
 * new step needs no second list. */
/* The schema a file must have: its objects, and the same as the rows of
 * SCHEMA_SQL (type, name, tbl_name, sql; NULL-terminated) with each
 * name's row, for a comparison without allocations or sorting. */
typedef struct
{
  GHashTable *objects;
  GStrv       rows;
  guint       n_rows;
  GHashTable *row_of_name;   /* name → GUINT_TO_POINTER (row + 1) */
} ExpectedSchema;

static void
expected_schema_free (ExpectedSchema *expected)
{
  g_hash_table_unref (expected->objects);
  g_hash_table_unref (expected->row_of_name);
  g_strfreev (expected->rows);
  g_free (expected);
}

static GStrv
read_schema_rows (sqlite3     *db,
                  const char  *path,
                  GError     **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(sqlite3_stmt) stmt = scs_db_prepare (db, path, SCHEMA_SQL, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    for (int column = 0; column < 4; column++)
      g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, column));
  if (rc != SQLITE_DONE)
    {
      scs_db_set_error (error, db, path);
      return NULL;
    }
  return g_strv_builder_end (builder);
}

/* The schema a file of core @version with the module @versions must have,
 * built by running the very steps that create it — the core's
 * migrations[] and each module's steps — in a database in memory, so a
 * new step needs no second list. */
static ExpectedSchema *
build_expected_schema (const char  *path,
                       guint        version,
                       const guint *versions,
                       GError     **error)
{
  sqlite3 *memory = NULL;
  ExpectedSchema *expected = NULL;
  GHashTable *objects = NULL;
  GStrv rows = NULL;

  if (sqlite3_open_v2 (":memory:", &memory, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
    {
      scs_db_set_error (error, memory, path);
      sqlite3_close (memory);
      return NULL;
    }

  for (guint i = 0; i < version; i++)
    if (!scs_db_exec (memory, path, migrations[i], error))
      goto out;
  for (guint i = 0; i < G_N_ELEMENTS (schema_modules); i++)
    for (guint step = 0; step < versions[i]; step++)
      if (!scs_db_exec (memory, path, schema_modules[i]->steps[step], error))
        goto out;

  objects = read_schema (memory, path, error);
  rows = objects != NULL ? read_schema_rows (memory, path, error) : NULL;
  if (rows != NULL)
    {
      expected = g_new0 (ExpectedSchema, 1);
      expected->objects = g_steal_pointer (&objects);
      expected->rows = g_steal_pointer (&rows);
      expected->n_rows = g_strv_length (expected->rows) / 4;
      /* Names borrowed from rows. A name two objects share keeps its first
       * row: the other never matches and check_schema () decides. */
      expected->row_of_name = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint row = expected->n_rows; row-- > 0;)
        g_hash_table_insert (expected->row_of_name, expected->rows[4 * row + 1], GUINT_TO_POINTER (row + 1));
    }
  g_clear_pointer (&objects, g_hash_table_unref);

out:
  sqlite3_close (memory);
  return expected;
}

/* Built once per combination of versions a process meets (the window
 * opens the same kind of file again and again, the portfolio thousands of
 * files of a few kinds), shared between threads and kept for the life of
 * the process: the result is borrowed. */
static const ExpectedSchema *
expected_schema (sqlite3     *file_db,
                 const char  *path,
                 guint        version,
                 GError     **error)
{
  static GMutex lock;
  static GHashTable *cache;   /* key → ExpectedSchema */
  guint versions[G_N_ELEMENTS (schema_modules)];
  g_autofree char *key = NULL;
  ExpectedSchema *expected;

  key = recorded_versions (file_db, path, version, versions, error);
  if (key == NULL)
    return NULL;

  g_mutex_lock (&lock);
  if (cache == NULL)
    cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) expected_schema_free);
  expected = g_hash_table_lookup (cache, key);
  if (expected == NULL)
    {
      expected = build_expected_schema (path, version, versions, error);
      if (expected != NULL)
        g_hash_table_insert (cache, g_strdup (key), expected);
    }
  g_mutex_unlock (&lock);

  return expected;
}

/* Whether @db's schema is exactly @expected, compared as SQLite returns it:
 * the common case of every open and every listed file. One scan of
 * sqlite_master in the file's own order (no sort, no copy, no allocation
 * but one bit per object): each object must be an expected one with the
 * same table and SQL, seen once, and all must be seen. ANALYZE's tables are
 * left out as SCHEMA_SQL leaves them out. */
static gboolean
schema_matches (sqlite3              *db,
                const ExpectedSchema *expected)
{
  g_autoptr(sqlite3_stmt) stmt =
    scs_db_try_prepare (db, "SELECT type, name, tbl_name, coalesce (sql, '') FROM sqlite_master");
  g_autofree guint8 *seen = NULL;
  guint n_seen = 0;
  int rc;

  if (stmt == NULL)
    return FALSE;
  seen = g_malloc0 (expected->n_rows + 1);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *type = (const char *) sqlite3_column_text (stmt, 0);
      const char *name = (const char *) sqlite3_column_text (stmt, 1);
      const char * const *row;
      guint index;

      if (type == NULL || name == NULL)
        return FALSE;
      if (strcmp (type, "table") == 0 && strncmp (name, "sqlite_stat", 11) == 0 &&
          name[11] >= '1' && name[11] <= '4' && name[12] == '\0')
        continue;
      index = GPOINTER_TO_UINT (g_hash_table_lookup (expected->row_of_name, name));
      if (index == 0 || seen[--index])
        return FALSE;
      row = (const char * const *) expected->rows + 4 * index;
      if (strcmp (type, row[0]) != 0 ||
          g_strcmp0 ((const char *) sqlite3_column_text (stmt, 2), row[2]) != 0 ||
          g_strcmp0 ((const char *) sqlite3_column_text (stmt, 3), row[3]) != 0)
        return FALSE;
      seen[index] = 1;
      n_seen++;
    }
  return rc == SQLITE_DONE && n_seen == expected->n_rows;
}

typedef enum
{
  SCHEMA_FOREIGN,
  SCHEMA_CHANGED,
  SCHEMA_MISSING,
} SchemaProblem;

static void
set_foreign_schema (GError        **error,
                    const char     *path,
                    const char     *key,
                    SchemaProblem   problem)
{
  static const struct { const char *type; const char *label; } types[] = {
    { "table", N_("table") },
    { "index", N_("index") },
    { "trigger", N_("trigger") },
    { "view", N_("view") },
  };
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *type = g_strdup (key);
  char *name = strchr (type, ' ');
  const char *label = NULL;

  *name++ = '\0';
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    if (g_str_equal (types[i].type, type))
      label = _(types[i].label);
  if (label == NULL)
    label = type;

  /* Translators: the second %s is the kind of database object (table,
   * index, trigger, view), the third its name */
  if (problem == SCHEMA_FOREIGN)
    g_set_error (error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_CORRUPT,
                 _("The workspace ‘%s’ was altered by another program and is not opened: "
                   "it contains the %s ‘%s’, which SCS Workbench does not create"),
                 display, label, name);
  else if (problem == SCHEMA_CHANGED)
    g_set_error (error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_CORRUPT,
                 _("The workspace ‘%s’ was altered by another program and is not opened: "
                   "its %s ‘%s’ has been changed"),
                 display, label, name);
  else
    g_set_error (error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_CORRUPT,
                 _("The workspace ‘%s’ was altered by another program and is not opened: "
                   "its %s ‘%s’ is missing"),
                 display, label, name);
}

/* Refuses a file whose tables, indexes, triggers or views differ from what
 * this version creates for the format it records: a trigger added with
 * sqlite3 would run inside our own transactions (signing included) and a
 * dropped seal trigger would let a signed assessment change. Reads only:
 * called before the WAL set-up and any migration, so a refused file stays
 * byte-for-byte as it was. */
static gboolean
check_schema (sqlite3     *db,
              const char  *path,
              guint        version,
              GError     **error)
{
  g_autoptr(GHashTable) actual = NULL;
  g_autoptr(GPtrArray) keys = NULL;
  const ExpectedSchema *schema;
  GHashTable *expected;

  schema = expected_schema (db, path, version, error);
  if (schema == NULL)
    return FALSE;
  if (schema_matches (db, schema))
    return TRUE;

  /* Different: find what differs, to say it. */
  expected = schema->objects;
  actual = read_schema (db, path, error);
  if (actual == NULL)
    return FALSE;

  keys = sorted_keys (actual);
  for (guint i = 0; i < keys->len; i++)
    {
      const char *key = keys->pdata[i];
      const char *want = g_hash_table_lookup (expected, key);

      if (want == NULL)
        {
          set_foreign_schema (error, path, key, SCHEMA_FOREIGN);
          return FALSE;
        }
      if (!g_str_equal (want, g_hash_table_lookup (actual, key)))
        {
          set_foreign_schema (error, path, key, SCHEMA_CHANGED);
          return FALSE;
        }
    }

  g_clear_pointer (&keys, g_ptr_array_unref);
  keys = sorted_keys (expected);
  for (guint i = 0; i < keys->len; i++)
    if (!g_hash_table_contains (actual, keys->pdata[i]))
      {
        set_foreign_schema (error, path, keys->pdata[i], SCHEMA_MISSING);
        return FALSE;
      }

  return TRUE;
}

static gboolean
record_module_version (sqlite3               *db,
                       const char            *path,
                       const ScsSchemaModule *module,
                       guint                  version,
                       GError               **error)
{
  g_autoptr(sqlite3_stmt) set = NULL;

  set = scs_db_prepare (db, path,
                        "INSERT INTO schema_module (name, version) VALUES (?1, ?2) "
                        "ON CONFLICT (name) DO UPDATE SET version = excluded.version",
                        error);
  if (set == NULL)
    return FALSE;
  scs_db_bind_text (set, 1, module->name);
  sqlite3_bind_int64 (set, 2, version);
  return scs_db_step_done (set, db, path, error);
}

/* Runs the steps of @module from version @from on, recording each; with
 * @own_transactions each step commits on its own. */
static gboolean
run_steps (sqlite3               *db,
           const char            *path,
           const ScsSchemaModule *module,
           guint                  from,
           gboolean               own_transactions,
           GError               **error)
{
  for (guint version = from; version < module->n_steps; version++)
    {
      g_auto(ScsDbTransaction) txn = SCS_DB_TRANSACTION_INIT;

      if ((own_transactions && !scs_db_transaction_begin (&txn, db, path, error)) ||
          !scs_db_exec (db, path, module->steps[version], error) ||
          !record_module_version (db, path, module, version + 1, error) ||
          (own_transactions && !scs_db_transaction_commit (&txn, error)))
        {
          g_prefix_error (error, _("Cannot upgrade the part ‘%s’ of the workspace to format %u: "),
                          module->name, version + 1);
          return FALSE;
        }
    }

  return TRUE;
}

/* Brings schema_modules[@first] and the modules split off it
 * (schema_modules[@first + 1] to [@end - 1]) to their newest versions in
 * one transaction. A file that records no version of a split module holds
 * what the other one's version implies (read_module_versions ()), so the
 * split modules' versions are recorded in the transaction that changes
 * the other one's: first those the file holds without recording them
 * (nothing is created), then every step. Interrupted, the file is as it
 * was. */
static gboolean
migrate_split_group (sqlite3        *db,
                     const char     *path,
                     guint           first,
                     guint           end,
                     const guint    *versions,
                     const gboolean *recorded,
                     gboolean        own_transactions,
                     GError        **error)
{
  g_auto(ScsDbTransaction) txn = SCS_DB_TRANSACTION_INIT;
  gboolean current = TRUE;

  for (guint i = first; i < end; i++)
    current = current && versions[i] == schema_modules[i]->n_steps && (i == first || recorded[i]);
  if (current)
    return TRUE;

  if (own_transactions && !scs_db_transaction_begin (&txn, db, path, error))
    return FALSE;
  for (guint i = first + 1; i < end; i++)
    if (!recorded[i] && versions[i] > 0 &&
        !record_module_version (db, path, schema_modules[i], versions[i], error))
      {
        g_prefix_error (error, _("Cannot upgrade the workspace: "));
        return FALSE;
      }
  for (guint i = first; i < end; i++)
    if (!run_steps (db, path, schema_modules[i], versions[i], FALSE, error))
      return FALSE;

  return !own_transactions || scs_db_transaction_commit (&txn, error);
}

/* Brings every module to its newest version. With @own_transactions each
 * step commits on its own (opening an older file), but for a module with
 * others split off it (migrate_split_group ()); without, the caller's
 * transaction holds them (creating a file). */
static gboolean
migrate_modules (sqlite3     *db,
                 const char  *path,
                 gboolean     own_transactions,
                 GError     **error)
{
  guint versions[G_N_ELEMENTS (schema_modules)];
  gboolean recorded[G_N_ELEMENTS (schema_modules)];

  if (!check_modules (db, path, error) ||
      !read_module_versions (db, path, versions, recorded, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (schema_modules); i++)
    {
      const ScsSchemaModule *module = schema_modules[i];
      guint end = i + 1;

      if (module == NULL)
        continue;

      /* The modules split off this one follow it in schema_modules[]. */
      while (end < G_N_ELEMENTS (schema_modules) && schema_modules[end] != NULL &&
             g_strcmp0 (schema_modules[end]->split_from, module->name) == 0)
        end++;
      if (end > i + 1)
        {
          if (!migrate_split_group (db, path, i, end, versions, recorded, own_transactions, error))
            return FALSE;
          i = end - 1;
        }
      else if (!run_steps (db, path, module, versions[i], own_transactions, error))
        return FALSE;
    }

  return TRUE;
}

/* Brings a file from @from to SCS_WORKSPACE_SCHEMA_VERSION, one transaction
 * per step, so an interrupted migration leaves a file at a whole version. */
static gboolean
migrate (sqlite3     *db,
         const char  *path,
         guint        from,
         GError     **error)
{
  for (guint version = from; version < SCS_WORKSPACE_SCHEMA_VERSION; version++)
    {
      g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %u", version + 1);
      g_auto(ScsDbTransaction) txn = SCS_DB_TRANSACTION_INIT;

      if (!scs_db_transaction_begin (&txn, db, path, error))
        return FALSE;

      if (!scs_db_exec (db, path, migrations[version], error) ||
          !scs_db_exec (db, path, set_version, error) ||
          !scs_db_transaction_commit (&txn, error))
        {
          g_prefix_error (error, _("Cannot upgrade the workspace to format %u: "), version + 1);
          return FALSE;
        }
    }

  return migrate_modules (db, path, TRUE, error);
}

static gboolean
quick_check_pages (sqlite3     *db,
                   const char  *path,
                   GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *display = g_filename_display_name (path);
  const char *result;

  if (sqlite3_prepare_v2 (db, "PRAGMA quick_check (1)", -1, &stmt, NULL) != SQLITE_OK ||
      sqlite3_step (stmt) != SQLITE_ROW)
    {
      int code = sqlite3_errcode (db) & 0xff;

      if (code == SQLITE_BUSY || code == SQLITE_LOCKED || code == SQLITE_IOERR ||
          code == SQLITE_CANTOPEN || code == SQLITE_PERM || code == SQLITE_READONLY)
        scs_db_set_error (error, db, path);
      else
        g_set_error (error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_CORRUPT,
                     _("The workspace ‘%s’ is damaged: %s"), display, sqlite3_errmsg (db));
      return FALSE;
    }

  result = (const char *) sqlite3_column_text (stmt, 0);
  if (g_strcmp0 (result, "ok") != 0)
    {
      g_set_error (error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_CORRUPT,
                   _("The workspace ‘%s’ is damaged: %s"), display, result ? result : "?");
      return FALSE;
    }

  return TRUE;
}

/* PRAGMA quick_check reads every page of the file once, evidence
 * included, and a page read is not read again: through a page cache of
 * QUICK_CHECK_CACHE_KIB (the connection's own size is restored after).
 * With SQLite's default of 2 MiB, every open of a workspace with
 * megabytes of evidence first filled 2 MiB of fresh memory, page by page,
 * on the thread that opens the workspace while GTK starts
 * (docs/benchmarks.md). */
#define QUICK_CHECK_CACHE_KIB 256

static gboolean
quick_check (sqlite3     *db,
             const char  *path,
             GError     **error)
{
  g_autofree char *restore = NULL;
  gint64 cache_size = 0;
  gboolean checked;

  /* These read the schema: a file that is no database, or one another
   * process holds, fails here already, and quick_check_pages () says how. */
  if (!scs_db_query_int (db, path, "PRAGMA cache_size", &cache_size, NULL) ||
      sqlite3_exec (db, "PRAGMA cache_size = -" G_STRINGIFY (QUICK_CHECK_CACHE_KIB), NULL, NULL, NULL) != SQLITE_OK)
    return quick_check_pages (db, path, error);
  checked = quick_check_pages (db, path, error);
  restore = g_strdup_printf ("PRAGMA cache_size = %" G_GINT64_FORMAT, cache_size);
  return scs_db_exec (db, path, restore, checked ? error : NULL) && checked;
}

static void
set_corrupt (GError     **error,
             const char  *path,
             const char  *what)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_CORRUPT,
               _("The workspace ‘%s’ is damaged: %s"), display, what);
}

/* The one row @sql reads, or NULL with @error: SCS_WORKSPACE_ERROR_CORRUPT
 * saying @missing when there is none, or why it could not be read. */
static sqlite3_stmt *
read_required_row (ScsWorkspace  *self,
                   const char    *sql,
                   const char    *missing,
                   GError       **error)
{
  GError *local_error = NULL;
  sqlite3_stmt *stmt = scs_db_read_row (self->db, self->path, sql, &local_error);

  if (local_error != NULL)
    g_propagate_error (error, local_error);
  else if (stmt == NULL)
    set_corrupt (error, self->path, missing);
  return stmt;
}

static gboolean
organization_equal (const ScsOrganization *a,
                    const ScsOrganization *b)
{
  return g_strcmp0 (a->name, b->name) == 0 &&
         g_strcmp0 (a->trade_name, b->trade_name) == 0 &&
         a->sole_proprietor == b->sole_proprietor &&
         g_strcmp0 (a->corporate_number, b->corporate_number) == 0 &&
         g_strcmp0 (a->address, b->address) == 0 &&
         g_strcmp0 (a->contact_name, b->contact_name) == 0 &&
         g_strcmp0 (a->contact_email, b->contact_email) == 0 &&
         g_strcmp0 (a->contact_phone, b->contact_phone) == 0;
}

/* Binds ?1 to ?8: name, trade_name, sole_proprietor, corporate_number,
 * address, contact_name, contact_email, contact_phone. */
static void
bind_organization (sqlite3_stmt          *stmt,
                   const ScsOrganization *org)
{
  scs_db_bind_text (stmt, 1, org->name);
  scs_db_bind_text (stmt, 2, org->trade_name);
  sqlite3_bind_int (stmt, 3, org->sole_proprietor ? 1 : 0);
  scs_db_bind_text (stmt, 4, org->corporate_number);
  scs_db_bind_text (stmt, 5, org->address);
  scs_db_bind_text (stmt, 6, org->contact_name);
  scs_db_bind_text (stmt, 7, org->contact_email);
  scs_db_bind_text (stmt, 8, org->contact_phone);
}

/* The stored profile; NULL with @error when it cannot be read. */
static ScsOrganization *
read_organization (ScsWorkspace  *self,
                   GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  ScsOrganization *org;

  stmt = read_required_row (self,
                            "SELECT name, trade_name, sole_proprietor, corporate_number, address, "
                            "contact_name, contact_email, contact_phone FROM organization WHERE id = 1",
                            _("it has no organisation profile"), error);
  if (stmt == NULL)
    return NULL;

  org = scs_organization_new ();
  org->name = scs_db_column_dup (stmt, 0);
  org->trade_name = scs_db_column_dup (stmt, 1);
  org->sole_proprietor = sqlite3_column_int (stmt, 2) != 0;
  org->corporate_number = scs_db_column_dup (stmt, 3);
  org->address = scs_db_column_dup (stmt, 4);
  org->contact_name = scs_db_column_dup (stmt, 5);
  org->contact_email = scs_db_column_dup (stmt, 6);
  org->contact_phone = scs_db_column_dup (stmt, 7);

  return org;
}

static gboolean
load_organization (ScsWorkspace  *self,
                   GError       **error)
{
  ScsOrganization *org = read_organization (self, error);

  if (org == NULL)
    return FALSE;
  g_clear_pointer (&self->organization, scs_organization_free);
  self->organization = org;

  return TRUE;
}

/* A file without the table (opened read-only before the module's migration)
 * or without its row is an SCS assessment. */
static gboolean
load_workspace_type (ScsWorkspace  *self,
                     GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GError *local_error = NULL;
  gint64 exists = 0;
  const char *word;

  self->workspace_type = SCS_WORKSPACE_TYPE_SCS;
  if (!scs_db_query_int (self->db, self->path,
                         "SELECT count (*) FROM sqlite_master "
                         "WHERE type = 'table' AND name = 'workspace_type'", &exists, error))
    return FALSE;
  if (exists == 0)
    return TRUE;

  stmt = scs_db_read_row (self->db, self->path, "SELECT type FROM workspace_type WHERE id = 1",
                          &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (stmt == NULL)
    return TRUE;
  word = (const char *) sqlite3_column_text (stmt, 0);
  if (!scs_workspace_type_from_string (word, &self->workspace_type))
    {
      set_corrupt (error, self->path, _("it records an unknown workspace type"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
load_assessment_and_catalog (ScsWorkspace  *self,
                             GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GBytes) xml = NULL;
  g_autoptr(GError) catalog_error = NULL;
  g_autofree char *actual = NULL;
  const char *expected;

  /* One current assessment for now: the newest. */
  stmt = read_required_row (self,
                            "SELECT a.id, a.target_level, a.cycle, a.created, c.sha256, c.xml "
                            "FROM assessment a JOIN catalog c ON c.sha256 = a.catalog_sha256 "
                            "ORDER BY a.id DESC LIMIT 1",
                            _("it has no assessment"), error);
  if (stmt == NULL)
    return FALSE;

  self->assessment_id = sqlite3_column_int64 (stmt, 0);
  self->target_level = sqlite3_column_int (stmt, 1);
  self->cycle = sqlite3_column_int (stmt, 2);
  self->created = scs_db_column_dup (stmt, 3);
  expected = (const char *) sqlite3_column_text (stmt, 4);
  xml = g_bytes_new (sqlite3_column_blob (stmt, 5), sqlite3_column_bytes (stmt, 5));

  actual = scs_sha256_hex_bytes (xml);
  if (g_strcmp0 (actual, expected) != 0)
    {
      set_corrupt (error, self->path, _("the embedded catalog does not match its SHA-256"));
      return FALSE;
    }

  self->catalog = scs_catalog_new_from_bytes (xml, &catalog_error);
  if (self->catalog == NULL)
    {
      g_autofree char *what = g_strdup_printf (_("its embedded catalog cannot be read: %s"),
                                               catalog_error->message);

      set_corrupt (error, self->path, what);
      return FALSE;
    }

  return TRUE;
}

/* The number of evidence files linked to each answer of the current
 * assessment, by criterion ID (the answer's own string); answers without
 * any are not in the table. */
static GHashTable *
read_evidence_counts (ScsWorkspace  *self,
                      GError       **error)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = scs_db_prepare (self->db, self->path,
                         "SELECT criterion_id, count (*) FROM evidence_link WHERE assessment = ?1 "
                         "GROUP BY criterion_id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, self->assessment_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ScsAnswer *answer = g_hash_table_lookup (self->answer_index, sqlite3_column_text (stmt, 0));

      if (answer != NULL)
        g_hash_table_insert (counts, (gpointer) scs_answer_get_criterion_id (answer),
                             GUINT_TO_POINTER (sqlite3_column_int (stmt, 1)));
    }
  if (rc != SQLITE_DONE)
    {
      scs_db_set_error (error, self->db, self->path);
      return NULL;
    }
  return g_steal_pointer (&counts);
}

static gboolean
load_answers (ScsWorkspace  *self,
              GError       **error)
{
  const GPtrArray *criteria = scs_catalog_get_criteria (self->catalog);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) counts = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  for (guint i = 0; criteria != NULL && i < criteria->len; i++)
    {
      const ScsCriterion *criterion = g_ptr_array_index (criteria, i);
      ScsAnswer *answer = scs_answer_new (criterion);

      /* The criterion belongs to the catalog: keep it alive for as long as
       * a view holds the answer, even past the workspace. */
      g_object_set_data_full (G_OBJECT (answer), "scs-catalog",
                              g_object_ref (self->catalog), g_object_unref);
      g_ptr_array_add (items, answer);
      g_hash_table_insert (self->answer_index, (gpointer) scs_answer_get_criterion_id (answer), answer);
    }

  /* A file opened read-only may be older than format 3 (no versions). */
  stmt = scs_db_prepare (self->db, self->path,
                         self->format >= 3
                         ? "SELECT criterion_id, state, note, reason, author, updated, version "
                           "FROM answer WHERE assessment = ?1"
                         : "SELECT criterion_id, state, note, reason, author, updated, 0 "
                           "FROM answer WHERE assessment = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->assessment_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *id = (const char *) sqlite3_column_text (stmt, 0);
      ScsAnswer *answer = g_hash_table_lookup (self->answer_index, id);
      ScsAnswerState state;

      /* Answers to criteria the catalog does not know stay in the file. */
      if (answer == NULL)
        continue;

      if (!scs_answer_state_from_string ((const char *) sqlite3_column_text (stmt, 1), &state))
        {
          set_corrupt (error, self->path, _("an answer has an unknown state"));
          return FALSE;
        }

      scs_answer_update (answer, state,
                         (const char *) sqlite3_column_text (stmt, 2),
                         (const char *) sqlite3_column_text (stmt, 3),
                         (const char *) sqlite3_column_text (stmt, 4),
                         (const char *) sqlite3_column_text (stmt, 5));
      scs_answer_set_version (answer, sqlite3_column_int64 (stmt, 6));
    }
  if (rc != SQLITE_DONE)
    {
      scs_db_set_error (error, self->db, self->path);
      return FALSE;
    }

  counts = read_evidence_counts (self, error);
  if (counts == NULL)
    return FALSE;
  for (guint i = 0; i < items->len; i++)
    {
      ScsAnswer *answer = g_ptr_array_index (items, i);

      scs_answer_set_n_evidence (answer, GPOINTER_TO_UINT (g_hash_table_lookup (counts,
                                                             scs_answer_get_criterion_id (answer))));
    }

  g_list_store_splice (self->answers, 0, 0, items->pdata, items->len);

  return TRUE;
}

/* An answer row as stored, or as a view showed it. */
typedef struct
{
  ScsAnswerState  state;
  char           *note;
  char           *reason;
  char           *author;
  char           *updated;
  gint64          version;
} AnswerRow;

static void
answer_row_clear (AnswerRow *row)
{
  g_clear_pointer (&row->note, g_free);
  g_clear_pointer (&row->reason, g_free);
  g_clear_pointer (&row->author, g_free);
  g_clear_pointer (&row->updated, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AnswerRow, answer_row_clear)

static gboolean
answer_row_equal (const AnswerRow *row,
                  ScsAnswer       *answer)
{
  return row->version == scs_answer_get_version (answer) &&
         row->state == scs_answer_get_state (answer) &&
         g_strcmp0 (row->note, scs_answer_get_note (answer)) == 0 &&
         g_strcmp0 (row->reason, scs_answer_get_reason (answer)) == 0;
}

/* Reads @criterion_id's row of the current assessment (unanswered, version
 * 0 when there is none) — inside the caller's transaction when it has one. */
static gboolean
read_answer_row (ScsWorkspace  *self,
                 const char    *criterion_id,
                 AnswerRow     *row,
                 GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = scs_db_prepare (self->db, self->path,
                         self->format >= 3
                         ? "SELECT state, note, reason, author, updated, version FROM answer "
                           "WHERE assessment = ?1 AND criterion_id = ?2"
                         : "SELECT state, note, reason, author, updated, 0 FROM answer "
                           "WHERE assessment = ?1 AND criterion_id = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->assessment_id);
  scs_db_bind_text (stmt, 2, criterion_id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      row->state = SCS_ANSWER_UNANSWERED;
      row->note = g_strdup ("");
      row->reason = g_strdup ("");
      row->version = 0;
      return TRUE;
    }
  if (rc != SQLITE_ROW)
    {
      scs_db_set_error (error, self->db, self->path);
      return FALSE;
    }
  if (!scs_answer_state_from_string ((const char *) sqlite3_column_text (stmt, 0), &row->state))
    {
      set_corrupt (error, self->path, _("an answer has an unknown state"));
      return FALSE;
    }
  row->note = scs_db_column_dup (stmt, 1);
  row->reason = scs_db_column_dup (stmt, 2);
  row->author = scs_db_column_dup (stmt, 3);
  row->updated = scs_db_column_dup (stmt, 4);
  row->version = sqlite3_column_int64 (stmt, 5);
  return TRUE;
}

/* Shows @row in @answer and tells the views, when it differs. */
static void
show_answer_row (ScsWorkspace    *self,
                 ScsAnswer       *answer,
                 const AnswerRow *row)
{
  if (answer_row_equal (row, answer) &&
      g_strcmp0 (row->updated, scs_answer_get_updated (answer)) == 0)
    return;

  scs_answer_set_version (answer, row->version);
  scs_answer_update (answer, row->state, row->note, row->reason, row->author, row->updated);
  g_signal_emit (self, signals[ANSWER_CHANGED], 0, answer);
}

static void
set_conflict (GError          **error,
              ScsAnswer        *answer,
              const AnswerRow  *row)
{
  const char *id = scs_answer_get_criterion_id (answer);

  if (row->author != NULL)
    g_set_error (error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_CONFLICT,
                 _("Criterion ‘%s’ was changed by %s (%s) after you last saw it, so your change "
                   "was not saved. The newer answer is shown now; apply your change again if "
                   "it still holds."), id, row->author, row->updated ? row->updated : "?");
  else
    g_set_error (error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_CONFLICT,
                 _("Criterion ‘%s’ was changed elsewhere after you last saw it, so your change "
                   "was not saved. The newer answer is shown now; apply your change again if "
                   "it still holds."), id);
}

/* Registers the connection about to be made (the file rule, scs-fs.h) and
 * checks the header when this process holds no other connection to the
 * file; otherwise SQLite reads it (open_db). Refuses what is not a regular
 * file without opening it, so a FIFO cannot block. */
static ScsFsHold *
hold_file (const char  *path,
           GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display = g_filename_display_name (path);
  guint8 header[100];
  gsize n_read = 0;
  gboolean header_read = FALSE;
  ScsFsHold *hold;

  hold = scs_fs_hold (path, header, sizeof header, &n_read, &header_read, &local_error);
  if (hold == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE))
        g_set_error (error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_NOT_A_WORKSPACE,
                     _("‘%s’ is not a file, so it is not an SCS Workbench workspace"), display);
      else
        g_set_error (error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_IO,
                     _("Cannot open the workspace ‘%s’: %s"), display, local_error->message);
      return NULL;
    }

  if (header_read && !check_header (path, header, n_read, error))
    {
      scs_fs_release (hold);
      return NULL;
    }

  /* SQLite keeps the -wal and -shm next to the name it was given: under a
   * second name (a hard link) a program would keep a second log of the
   * same file, not see the first one's commits, and lose its own edits at
   * the first one's next checkpoint (core/lost-update /file/hard-link). */
  {
    GStatBuf st;

    if (g_stat (path, &st) == 0 && st.st_nlink > 1)
      {
        g_set_error (error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_IO,
                     _("The workspace ‘%s’ has more than one name (a hard link): edits made under "
                       "two names would be lost. Remove the other names, or open a copy"), display);
        scs_fs_release (hold);
        return NULL;
      }
  }

  return hold;
}

/* TRUE when the file system holding @path has no block left for us
 * (statvfs: by name, the file is not opened). */
static gboolean
disk_is_full (const char *path)
{
  struct statvfs st;

  return statvfs (path, &st) == 0 && st.f_bavail == 0;
}

/* Why the workspace at @path cannot be written, or NULL when it can. */
static char *
read_only_reason (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  int saved_errno;

  if (g_access (path, W_OK) != 0)
    {
      saved_errno = errno;
      if (saved_errno == EROFS)
        return g_strdup (_("it is on a read-only disk or share"));
      return g_strdup (_("you do not have permission to change the file"));
    }

  /* Write-ahead logging keeps two side files next to the workspace. */
  if (g_access (dir, W_OK) != 0)
    {
      saved_errno = errno;
      if (g_access (wal, W_OK) == 0 && g_access (shm, W_OK) == 0)
        return NULL;
      if (saved_errno == EROFS)
        return g_strdup (_("it is on a read-only disk or share"));
      return g_strdup (_("its folder is read-only"));
    }

  return NULL;
}

/* A read-only connection. SQLite needs the -shm file to read a WAL file; when
 * it cannot make one (read-only folder or disk, full disk) and no -wal file holds
 * committed pages, the file is opened "immutable": without locks and side
 * files, reading the main file as it is. That is only unsafe if another
 * program writes the file meanwhile, which needs the write access we lack;
 * with a -wal file holding pages it would show an old state, so that case
 * is refused instead. */
static sqlite3 *
open_read_only (const char  *path,
                GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  sqlite3 *db = NULL;

  for (guint attempt = 0; attempt < 2; attempt++)
    {
      g_autofree char *full = g_strconcat (uri, attempt == 0 ? "?mode=ro" : "?mode=ro&immutable=1", NULL);
      int code;

      if (sqlite3_open_v2 (full, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX,
                           NULL) == SQLITE_OK &&
          sqlite3_exec (db, "SELECT count (*) FROM sqlite_master", NULL, NULL, NULL) == SQLITE_OK)
        return db;

      code = db != NULL ? sqlite3_errcode (db) & 0xff : SQLITE_NOMEM;
      if (attempt == 0 && (code == SQLITE_CANTOPEN || code == SQLITE_READONLY ||
                           code == SQLITE_IOERR || code == SQLITE_FULL) &&
          !wal_has_content (path))
        {
          sqlite3_close (db);
          db = NULL;
          continue;
        }

      if (code == SQLITE_CANTOPEN || code == SQLITE_READONLY)
        g_set_error (error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_IO,
                     _("Cannot open the workspace ‘%s’ read-only: it was not closed properly "
                       "where it was last edited. Open it there once, or copy it to a folder "
                       "you can write to."), display);
      else
        scs_db_set_error (error, db, path);
      break;
    }

  sqlite3_close (db);
  return NULL;
}

/* What a file must be before anything else reads it: ours (application
 * ID), not newer than this build, each module known and not newer, and
 * (@check_schema) exactly the schema this version creates. Reads only. */
static gboolean
check_format (sqlite3     *db,
              const char  *path,
              gboolean     check_schema_too,
              gint64      *version,
              GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);
  gint64 application_id = 0;

  if (!scs_db_query_int (db, path, "PRAGMA application_id", &application_id, error) ||
      !scs_db_query_int (db, path, "PRAGMA user_version", version, error))
    return FALSE;

  if (application_id != SCS_WORKSPACE_APPLICATION_ID)
    {
      g_set_error (error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_NOT_A_WORKSPACE,
                   _("‘%s’ is a database of another application, not an SCS Workbench workspace"),
                   display);
      return FALSE;
    }

  if (*version > SCS_WORKSPACE_SCHEMA_VERSION)
    {
      g_set_error (error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_NEWER_VERSION,
                   _("The workspace ‘%s’ was written by a newer version of SCS Workbench "
                     "(format %u; this version reads up to format %u). Update SCS Workbench to open it."),
                   display, (guint) *version, SCS_WORKSPACE_SCHEMA_VERSION);
      return FALSE;
    }

  /* Before anything writes (WAL set-up creates side files): a module from
   * a newer version is refused with the file untouched. */
  if (*version >= 2 && !check_modules (db, path, error))
    return FALSE;
  return !check_schema_too || check_schema (db, path, (guint) *version, error);
}

char *
scs_workspace_format_id (void)
{
  GString *id = g_string_new (NULL);

  g_string_append_printf (id, "%u", SCS_WORKSPACE_SCHEMA_VERSION);
  for (guint i = 0; i < G_N_ELEMENTS (schema_modules); i++)
    if (schema_modules[i] != NULL)
      g_string_append_printf (id, " %s=%u", schema_modules[i]->name, schema_modules[i]->n_steps);
  return g_string_free (id, FALSE);
}

gboolean
scs_workspace_check_format (sqlite3     *db,
                            const char  *path,
                            gint64      *version,
                            GError     **error)
{
  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (version != NULL, FALSE);

  return check_format (db, path, TRUE, version, error);
}

/* Opens and checks the connection; migrates an older file unless
 * @read_only. Sets *@version to the file's format. */
static sqlite3 *
open_db (const char  *path,
         gboolean     read_only,
         gboolean     check,
         gint64      *version,
         GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);
  sqlite3 *db = NULL;

  if (read_only)
    {
      db = open_read_only (path, error);
      if (db == NULL)
        return NULL;
    }
  else if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
    {
      g_set_error (error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_IO,
                   _("Cannot open the workspace ‘%s’: %s"), display,
                   db ? sqlite3_errmsg (db) : g_strerror (ENOMEM));
      sqlite3_close (db);
      return NULL;
    }

  sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);
  sqlite3_extended_result_codes (db, TRUE);

  /* Only reads until the file has passed its checks. The header values are
   * read again through SQLite because a WAL left by a crash may hold newer
   * ones than the main file, and because the header was not read raw when
   * another connection of this process has the file open. */
  if ((check && !quick_check (db, path, error)) ||
      !check_format (db, path, check, version, error))
    {
      sqlite3_close (db);
      return NULL;
    }

  if (read_only)
    {
      if (!scs_db_exec (db, path, "PRAGMA query_only = ON", error))
        {
          sqlite3_close (db);
          return NULL;
        }
      return db;
    }

  if (!configure_connection (db, path, error) ||
      !migrate (db, path, *version, error))
    {
      sqlite3_close (db);
      return NULL;
    }

  return db;
}

static gint64 query_data_version (ScsWorkspace *self);

/* Whether @error (from opening for writing) says the file cannot be
 * written now rather than that it is damaged or refused. */
static gboolean
cannot_write_now (const GError *error)
{
  if (error == NULL)
    return FALSE;
  if (error->domain == SCS_DB_ERROR)
    return error->code != SCS_DB_ERROR_CORRUPT && error->code != SCS_DB_ERROR_CONSTRAINT &&
           error->code != SCS_DB_ERROR_SEALED;
  return g_error_matches (error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_IO);
}

/* The threading rule (docs/DESIGN.md, Threads): a connection is opened
 * without SQLite's mutex, so only the thread that opened it may use it.
 * SQLite calls this as each statement starts, on the thread that runs it:
 * one pointer compare, and a critical naming the workspace and the
 * statement when another thread runs SQL on this connection. */
static int
check_owner (unsigned int  type,
             void         *context,
             void         *statement,
             void         *sql)
{
  ScsWorkspace *self = context;

  if (G_UNLIKELY (self->owner != g_thread_self ()))
    g_critical ("The workspace ‘%s’ was used on a thread that did not open it (running “%.120s”): "
                "each thread opens its own with scs_workspace_open_again()",
                self->path, (const char *) sql);
  return 0;
}

/* @check: PRAGMA quick_check the whole file first (it reads every page) and
 * compare its schema with ours; a second connection of this process skips
 * both, the first did them. */
static ScsWorkspace *
open_file (const char  *path,
           gboolean     check,
           GError     **error)
{
  g_autoptr(ScsWorkspace) self = NULL;
  g_autoptr(GError) write_error = NULL;
  g_autofree char *reason = NULL;
  ScsFsHold *hold;
  sqlite3 *db = NULL;
  gint64 version = 0;

  hold = hold_file (path, error);
  if (hold == NULL)
    return NULL;

  reason = read_only_reason (path);
  if (reason == NULL)
    {
      db = open_db (path, FALSE, check, &version, &write_error);
      /* A full disk (or a file that fails to grow) still lets the user
       * read the workspace and export a copy elsewhere. */
      if (db == NULL && cannot_write_now (write_error))
        {
          db = open_db (path, TRUE, FALSE, &version, NULL);
          if (db != NULL && disk_is_full (path))
            reason = g_strdup (_("its disk is full"));
          else if (db != NULL)
            reason = g_strdup_printf (_("it cannot be written now (%s)"), write_error->message);
        }
      if (db == NULL)
        {
          g_propagate_error (error, g_steal_pointer (&write_error));
          scs_fs_release (hold);
          return NULL;
        }
    }
  else
    {
      db = open_db (path, TRUE, check, &version, error);
      if (db == NULL)
        {
          scs_fs_release (hold);
          return NULL;
        }
    }

  self = g_object_new (SCS_TYPE_WORKSPACE, NULL);
  self->path = g_strdup (path);
  self->db = db;
  self->owner = g_thread_self ();
  sqlite3_trace_v2 (db, SQLITE_TRACE_STMT, check_owner, self);
  self->hold = hold;
  self->format = reason != NULL ? (guint) version : SCS_WORKSPACE_SCHEMA_VERSION;
  self->read_only_reason = g_steal_pointer (&reason);
  self->data_version = query_data_version (self);

  if (!load_organization (self, error) ||
      !load_workspace_type (self, error) ||
      !load_assessment_and_catalog (self, error) ||
      !load_answers (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * scs_workspace_open:
 * @path: a .scsw file
 * @error: %SCS_WORKSPACE_ERROR_IO when it cannot be opened,
 *   %SCS_WORKSPACE_ERROR_NOT_A_WORKSPACE for any other file,
 *   %SCS_WORKSPACE_ERROR_NEWER_VERSION, %SCS_WORKSPACE_ERROR_CORRUPT when a
 *   check finds damage; an %SCS_DB_ERROR (%SCS_DB_ERROR_BUSY while another
 *   program holds the file, %SCS_DB_ERROR_FULL, %SCS_DB_ERROR_IO,
 *   %SCS_DB_ERROR_CORRUPT) when upgrading or reading it fails
 *
 * Opens a workspace, upgrading an older format in place. A file that is
 * refused is left exactly as it was.
 *
 * Returns: (transfer full): the workspace, or %NULL with @error set.
 */
ScsWorkspace *
scs_workspace_open (const char  *path,
                    GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return open_file (path, TRUE, error);
}

/**
 * scs_workspace_open_again:
 * @path: a .scsw file this process has open already
 * @error: as for scs_workspace_open()
 *
 * A second connection to a workspace the caller opened with
 * scs_workspace_open(), for a worker thread (an export's report, an
 * evidence file being added, a signature check). It is opened as by
 * scs_workspace_open() but without PRAGMA quick_check, which reads every
 * page of the file — evidence included, hundreds of megabytes — and was
 * done when the file was first opened. SQLite still refuses damage it
 * meets.
 *
 * Returns: (transfer full): the workspace, or %NULL with @error set.
 */
ScsWorkspace *
scs_workspace_open_again (const char  *path,
                          GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return open_file (path, FALSE, error);
}

/**
 * scs_workspace_take_over:
 *
 * The calling thread becomes the only one that may use @self: for a
 * workspace opened on a worker thread that is done with it (after
 * g_thread_join(), or in the callback of its task). Any other use from a
 * thread that did not open the workspace is a critical.
 */
void
scs_workspace_take_over (ScsWorkspace *self)
{
  g_return_if_fail (SCS_IS_WORKSPACE (self));

  self->owner = g_thread_self ();
}

gboolean
scs_workspace_move_into_place (const char  *from,
                               const char  *to,
                               GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (scs_file_rename_no_replace (from, to, &local_error))
    return TRUE;

  g_set_error_literal (error, SCS_WORKSPACE_ERROR,
                       g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS)
                       ? SCS_WORKSPACE_ERROR_EXISTS : SCS_WORKSPACE_ERROR_IO,
                       local_error->message);
  return FALSE;
}

/* Re-reads the current assessment, its catalog and answers, e.g. after a
 * module switched the assessment's catalog or started a new one in its own
 * transaction (scs-migration.c). Views see the answers list replaced and a
 * notify::catalog; undo history refers to the old answers and is dropped. */
gboolean
scs_workspace_reload (ScsWorkspace  *self,
                      GError       **error)
{
  g_autoptr(ScsCatalog) old_catalog = NULL;
  guint n_old;

  g_return_val_if_fail (SCS_IS_WORKSPACE (self), FALSE);

  old_catalog = g_steal_pointer (&self->catalog);
  g_clear_pointer (&self->created, g_free);
  if (!load_assessment_and_catalog (self, error))
    {
      g_clear_object (&self->catalog);
      self->catalog = g_steal_pointer (&old_catalog);
      return FALSE;
    }

  n_old = g_list_model_get_n_items (G_LIST_MODEL (self->answers));
  g_hash_table_remove_all (self->answer_index);
  scs_workspace_undo_forget (self);
  /* load_answers () inserts at 0: the old answers follow and are removed. */
  if (!load_answers (self, error))
    return FALSE;
  g_list_store_splice (self->answers, g_list_model_get_n_items (G_LIST_MODEL (self->answers)) - n_old,
                       n_old, NULL, 0);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATALOG]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TARGET_LEVEL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);

  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Changes made elsewhere, read-only files                                   */

static gint64
query_data_version (ScsWorkspace *self)
{
  gint64 value = 0;

  if (!scs_db_query_int (self->db, self->path, "PRAGMA data_version", &value, NULL))
    return -1;
  return value;
}

/* Shows the stored answers, evidence counts and profile where they differ
 * from what this object holds. Runs inside a read transaction. */
static gboolean
refresh_contents (ScsWorkspace  *self,
                  GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) counts = NULL;
  ScsOrganization *old_org = NULL;
  guint n_items;
  int rc;

  stmt = scs_db_prepare (self->db, self->path, "SELECT criterion_id FROM answer WHERE assessment = ?1",
                         error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->assessment_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ScsAnswer *answer = g_hash_table_lookup (self->answer_index, sqlite3_column_text (stmt, 0));
      g_auto(AnswerRow) row = { 0, };

      if (answer == NULL)
        continue;
      if (!read_answer_row (self, scs_answer_get_criterion_id (answer), &row, error))
        return FALSE;
      show_answer_row (self, answer, &row);
    }
  if (rc != SQLITE_DONE)
    {
      scs_db_set_error (error, self->db, self->path);
      return FALSE;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  counts = read_evidence_counts (self, error);
  if (counts == NULL)
    return FALSE;
  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->answers));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(ScsAnswer) answer = g_list_model_get_item (G_LIST_MODEL (self->answers), i);
      const char *id = scs_answer_get_criterion_id (answer);
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, id));

      if (count != scs_answer_get_n_evidence (answer))
        {
          scs_answer_set_n_evidence (answer, count);
          g_signal_emit (self, signals[EVIDENCE_CHANGED], 0, id);
        }
    }

  old_org = scs_organization_copy (self->organization);
  if (!load_organization (self, error))
    {
      scs_organization_free (old_org);
      return FALSE;
    }
  if (!organization_equal (old_org, self->organization))
    g_signal_emit (self, signals[ORGANIZATION_CHANGED], 0);
  scs_organization_free (old_org);

  return TRUE;
}

/**
 * scs_workspace_refresh:
 *
 * Notices changes another program or connection committed to the file
 * since this object last looked (PRAGMA data_version, which reads no
 * page when nothing changed) and shows them: answers, evidence counts and
 * the profile emit their usual signals; a new assessment or catalog
 * reloads everything (scs_workspace_reload()).
 *
 * Returns: %FALSE with @error set (an %SCS_DB_ERROR, or
 *   %SCS_WORKSPACE_ERROR_CORRUPT for an answer it cannot show) when the file
 *   cannot be read.
 */
gboolean
scs_workspace_refresh (ScsWorkspace  *self,
                       GError       **error)
{
  g_auto(ScsDbTransaction) txn = SCS_DB_TRANSACTION_INIT;
  gint64 data_version;
  gint64 assessment_id = 0;
  gint64 target_level = 0;
  g_autofree char *catalog_sha256 = NULL;
  gboolean ok;

  g_return_val_if_fail (SCS_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Inside a transaction of this object the view is this object's own. */
  if (!sqlite3_get_autocommit (self->db))
    return TRUE;
  /* Deleted or replaced by another program: nothing more to show of it
   * (a change is refused, saying so), and its -wal is emptied at once. */
  if (notice_moved (self))
    return TRUE;

  data_version = query_data_version (self);
  if (data_version == self->data_version)
    return TRUE;

  if (!scs_db_transaction_begin_read (&txn, self->db, self->path, error))
    return FALSE;

  ok = scs_db_query_int (self->db, self->path, "SELECT max (id) FROM assessment", &assessment_id, error) &&
       scs_db_query_int (self->db, self->path, "SELECT target_level FROM assessment ORDER BY id DESC LIMIT 1",
                         &target_level, error);
  if (ok && assessment_id == self->assessment_id)
    {
      ok = refresh_contents (self, error);
      if (ok && (guint) target_level != self->target_level)
        {
          self->target_level = (guint) target_level;
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TARGET_LEVEL]);
        }
    }
  else if (ok)
    {
      /* a new assessment: reloaded afresh, outside this read */
      scs_db_transaction_rollback (&txn);
      ok = scs_workspace_reload (self, error) && load_organization (self, error);
      if (ok)
        g_signal_emit (self, signals[ORGANIZATION_CHANGED], 0);
    }

  if (ok)
    self->data_version = data_version;

  return ok;
}

static gboolean
watch_tick (gpointer data)
{
  ScsWorkspace *self = data;
  g_autoptr(GError) error = NULL;

  if (!scs_workspace_refresh (self, &error))
    g_debug ("Cannot look for changes in %s: %s", self->path, error->message);

  return G_SOURCE_CONTINUE;
}

static gboolean
monitor_idle (gpointer data)
{
  ScsWorkspace *self = data;

  self->monitor_idle_id = 0;
  watch_tick (self);
  return G_SOURCE_REMOVE;
}

/* Another program wrote the -wal file (a commit) or the file itself (a
 * checkpoint, or a program that does not use WAL): look now rather than at
 * the next tick. Several events before the main loop runs are one look. */
static void
on_file_changed (GFileMonitor      *monitor,
                 GFile             *file,
                 GFile             *other_file,
                 GFileMonitorEvent  event,
                 gpointer           data)
{
  ScsWorkspace *self = data;

  if (event == G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED || self->monitor_idle_id != 0)
    return;
  self->monitor_idle_id = g_idle_add (monitor_idle, self);
  g_source_set_name_by_id (self->monitor_idle_id, "[scs] workspace changed");
}

static void
stop_monitors (ScsWorkspace *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->monitors); i++)
    if (self->monitors[i] != NULL)
      {
        g_signal_handlers_disconnect_by_data (self->monitors[i], self);
        g_file_monitor_cancel (self->monitors[i]);
        g_clear_object (&self->monitors[i]);
      }
  g_clear_handle_id (&self->monitor_idle_id, g_source_remove);
}

/**
 * scs_workspace_watch:
 * @interval_ms: how often to look at the least, 0 to stop
 *
 * Shows what other programs change: a file monitor on the workspace and its
 * -wal file calls scs_workspace_refresh() from the thread-default main
 * context as soon as another program writes, and every @interval_ms it is
 * called anyway, for file systems that report no changes (network shares).
 * A monitor watches names (inotify); it never opens the file, so it keeps
 * the file rule of scs-fs.h.
 */
void
scs_workspace_watch (ScsWorkspace *self,
                     guint         interval_ms)
{
  g_return_if_fail (SCS_IS_WORKSPACE (self));

  g_clear_handle_id (&self->watch_id, g_source_remove);
  stop_monitors (self);
  if (interval_ms == 0)
    return;

  self->watch_id = g_timeout_add (interval_ms, watch_tick, self);
  g_source_set_name_by_id (self->watch_id, "[scs] workspace watch");

  for (guint i = 0; i < G_N_ELEMENTS (self->monitors); i++)
    {
      g_autofree char *name = g_strconcat (self->path, i == 0 ? "" : "-wal", NULL);
      g_autoptr(GFile) file = g_file_new_for_path (name);
      g_autoptr(GError) error = NULL;

      self->monitors[i] = g_file_monitor_file (file, G_FILE_MONITOR_NONE, NULL, &error);
      if (self->monitors[i] == NULL)
        {
          /* The timer still looks. */
          g_debug ("Cannot watch %s: %s", name, error->message);
          continue;
        }
      g_signal_connect (self->monitors[i], "changed", G_CALLBACK (on_file_changed), self);
    }
}

/**
 * scs_workspace_is_read_only:
 *
 * Returns: %TRUE when the workspace was opened read-only: it can be shown,
 * checked and exported as a draft, not changed. See
 * scs_workspace_get_read_only_reason().
 */
gboolean
scs_workspace_is_read_only (ScsWorkspace *self)
{
  g_return_val_if_fail (SCS_IS_WORKSPACE (self), TRUE);

  return self->read_only_reason != NULL;
}

/**
 * scs_workspace_get_read_only_reason:
 *
 * Returns: (nullable): why it is read-only, a translated clause such as
 * "its folder is read-only"; %NULL when it can be changed.
 */
const char *
scs_workspace_get_read_only_reason (ScsWorkspace *self)
{
  g_return_val_if_fail (SCS_IS_WORKSPACE (self), NULL);

  return self->read_only_reason;
}

gboolean
scs_workspace_check_writable (ScsWorkspace  *self,
                              GError       **error)
{
  g_autofree char *display = NULL;

  if (self->read_only_reason == NULL)
    return TRUE;

  display = g_filename_display_name (self->path);
  g_set_error (error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_READ_ONLY,
               _("The workspace ‘%s’ is open read-only because %s; nothing was changed. "
                 "Save a copy elsewhere to edit it."), display, self->read_only_reason);
  return FALSE;
}

/* ------------------------------------------------------------------------ */
/* Creating                                                                  */

static void
remove_sqlite_files (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);

  g_unlink (wal);
  g_unlink (shm);
  g_unlink (journal);
  g_unlink (path);
}
static gboolean
initialize_file (sqlite3               *db,
                 const char            *path,
                 ScsWorkspaceType       type,
                 const ScsOrganization *org,
                 guint                  target_level,
                 ScsCatalog            *catalog,
                 const char            *actor,
                 GError               **error)
{
  g_auto(ScsDbTransaction) txn = SCS_DB_TRANSACTION_INIT;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = scs_now_iso8601 ();
  g_autofree char *set_app_id = g_strdup_printf ("PRAGMA application_id = %d",
                                                 (int) SCS_WORKSPACE_APPLICATION_ID);
  g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d",
                                                  SCS_WORKSPACE_SCHEMA_VERSION);
  GBytes *xml = scs_catalog_get_bytes (catalog);
  gint64 assessment_id;

  /* The whole file is made in one transaction: it is either complete or
   * empty. The migration steps run here without their own transactions. */
  if (!scs_db_transaction_begin (&txn, db, path, error) ||
      !scs_db_exec (db, path, set_app_id, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (migrations); i++)
    {
      if (!scs_db_exec (db, path, migrations[i], error))
        return FALSE;
    }

  if (!scs_db_exec (db, path, set_version, error) ||
      !migrate_modules (db, path, FALSE, error))
    return FALSE;

  stmt = scs_db_prepare (db, path, "INSERT INTO workspace_type (id, type) VALUES (1, ?1)", error);
  if (stmt == NULL)
    return FALSE;
  scs_db_bind_text (stmt, 1, scs_workspace_type_to_string (type));
  if (!scs_db_step_done (stmt, db, path, error))
    return FALSE;
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = scs_db_prepare (db, path,
                     "INSERT INTO organization (id, name, trade_name, sole_proprietor, "
                     "corporate_number, address, contact_name, contact_email, contact_phone) "
                     "VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error);
  if (stmt == NULL)
    return FALSE;
  bind_organization (stmt, org);
  if (!scs_db_step_done (stmt, db, path, error))
    return FALSE;
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = scs_db_prepare (db, path,
                     "INSERT INTO catalog (sha256, id, date, xml) VALUES (?1, ?2, ?3, ?4)", error);
  if (stmt == NULL)
    return FALSE;
  scs_db_bind_text (stmt, 1, scs_catalog_get_sha256 (catalog));
  scs_db_bind_text (stmt, 2, scs_catalog_get_id (catalog));
  scs_db_bind_text (stmt, 3, scs_catalog_get_date (catalog));
  sqlite3_bind_blob64 (stmt, 4, g_bytes_get_data (xml, NULL), g_bytes_get_size (xml), SQLITE_STATIC);
  if (!scs_db_step_done (stmt, db, path, error))
    return FALSE;
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = scs_db_prepare (db, path,
                     "INSERT INTO assessment (catalog_sha256, target_level, cycle, created, updated) "
                     "VALUES (?1, ?2, 0, ?3, ?3)", error);
  if (stmt == NULL)
    return FALSE;
  scs_db_bind_text (stmt, 1, scs_catalog_get_sha256 (catalog));
  sqlite3_bind_int (stmt, 2, target_level);
  scs_db_bind_text (stmt, 3, now);
  if (!scs_db_step_done (stmt, db, path, error))
    return FALSE;
  assessment_id = sqlite3_last_insert_rowid (db);

  {
    g_autofree char *target = g_strdup_printf ("assessment %" G_GINT64_FORMAT, assessment_id);
    g_autofree char *level = g_strdup_printf ("%u", target_level);

    if (!insert_audit (db, path, now, actor, "create", target, NULL, org->name, error) ||
        !insert_audit (db, path, now, actor, "target-level", target, NULL, level, error) ||
        !insert_audit (db, path, now, actor, "workspace-type", target, NULL,
                       scs_workspace_type_to_string (type), error))
      return FALSE;
  }

  if (!scs_db_transaction_commit (&txn, error))
    return FALSE;

  /* Leave everything in the main file so it can be copied or mailed on its
   * own right away. */
  return scs_db_exec (db, path, "PRAGMA wal_checkpoint (TRUNCATE)", error);
}

/**
 * scs_workspace_create:
 * @path: where to create the file; must not exist
 * @org: the organisation profile (validated here)
 * @target_level: 3 or 4
 * @catalog: the catalog to answer against; embedded in the file
 * @error: %SCS_WORKSPACE_ERROR_EXISTS, %SCS_WORKSPACE_ERROR_INVALID (the
 *   level or the profile), %SCS_WORKSPACE_ERROR_IO when the file cannot be
 *   made or moved into place; an %SCS_DB_ERROR while building it; then as
 *   for scs_workspace_open()
 *
 * Creates a new workspace. The file is built under a temporary name next to
 * @path and moved into place only when complete, never replacing a file.
 *
 * Returns: (transfer full): the opened workspace, or %NULL with @error set.
 */
ScsWorkspace *
scs_workspace_create (const char            *path,
                      const ScsOrganization *org,
                      guint                  target_level,
                      ScsCatalog            *catalog,
                      GError               **error)
{
  return scs_workspace_create_typed (path, SCS_WORKSPACE_TYPE_SCS, org, target_level, catalog, error);
}

/**
 * scs_workspace_create_typed:
 * @type: what the workspace is for, recorded in the file
 *
 * scs_workspace_create () for a workspace of @type.
 */
ScsWorkspace *
scs_workspace_create_typed (const char            *path,
                            ScsWorkspaceType       type,
                            const ScsOrganization *org,
                            guint                  target_level,
                            ScsCatalog            *catalog,
                            GError               **error)
{
  g_autoptr(ScsOrganization) valid = NULL;
  g_autofree char *display = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *actor = NULL;
  sqlite3 *db = NULL;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (org != NULL, NULL);
  g_return_val_if_fail (SCS_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail ((guint) type < SCS_N_WORKSPACE_TYPES, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display = g_filename_display_name (path);

  if (target_level != 3 && target_level != 4)
    {
      g_set_error (error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_INVALID,
                   _("The target level must be 3 or 4, not %u"), target_level);
      return NULL;
    }

  valid = scs_organization_copy (org);
  if (!scs_organization_validate (valid, error))
    return NULL;

  if (g_file_test (path, G_FILE_TEST_EXISTS) || g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_set_error (error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_EXISTS,
                   _("‘%s’ already exists; choose another name"), display);
      return NULL;
    }

  /* A recognisable partial name: the next run removes it if this one is
   * killed (scs-file.h). */
  {
    g_autoptr(GError) local_error = NULL;

    fd = scs_file_create_partial (path, &tmp, &local_error);
    if (fd < 0)
      {
        g_set_error (error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_IO,
                     _("Cannot create the workspace ‘%s’: %s"), display, local_error->message);
        return NULL;
      }
    /* mkstemp's 0600, widened as the umask allows, as a new file would be */
    {
      mode_t mask = umask (0);

      umask (mask);
      fchmod (fd, 0666 & ~mask);
    }
    close (fd);
  }

  actor = default_actor ();

  if (sqlite3_open_v2 (tmp, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
    {
      g_set_error (error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_IO,
                   _("Cannot create the workspace ‘%s’: %s"), display,
                   db ? sqlite3_errmsg (db) : g_strerror (ENOMEM));
      goto failed;
    }

  sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);

  if (!configure_connection (db, tmp, error) ||
      !initialize_file (db, tmp, type, valid, target_level, catalog, actor, error))
    goto failed;

  if (sqlite3_close (db) != SQLITE_OK)
    {
      g_set_error (error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_IO,
                   _("Cannot create the workspace ‘%s’: %s"), display, sqlite3_errmsg (db));
      goto failed;
    }
  db = NULL;

  if (!scs_workspace_move_into_place (tmp, path, error))
    goto failed;

  return scs_workspace_open (path, error);

failed:
  sqlite3_close (db);
  remove_sqlite_files (tmp);
  return NULL;
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                   */

static void
scs_workspace_dispose (GObject *object)
{
  ScsWorkspace *self = SCS_WORKSPACE (object);

  if (self->answers != NULL)
    g_list_store_remove_all (self->answers);
  g_clear_pointer (&self->answer_index, g_hash_table_unref);

  G_OBJECT_CLASS (scs_workspace_parent_class)->dispose (object);
}

static void
scs_workspace_finalize (GObject *object)
{
  ScsWorkspace *self = SCS_WORKSPACE (object);

  /* Closing the last connection checkpoints and removes the -wal file,
   * unless the file was deleted or replaced meanwhile (notice_moved ()). */
  if (self->db != NULL)
    {
      notice_moved (self);
      if (sqlite3_close (self->db) != SQLITE_OK)
        g_warning ("Cannot close workspace %s: %s", self->path, sqlite3_errmsg (self->db));
      self->db = NULL;
    }
  /* Only now may this process open the file outside SQLite again. */
  g_clear_pointer (&self->hold, scs_fs_release);
  g_clear_handle_id (&self->watch_id, g_source_remove);
  stop_monitors (self);
  g_clear_pointer (&self->read_only_reason, g_free);

  g_clear_object (&self->answers);
  g_clear_object (&self->catalog);
  g_clear_pointer (&self->organization, scs_organization_free);
  scs_workspace_undo_clear (self);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->created, g_free);
  g_clear_pointer (&self->actor, g_free);

  G_OBJECT_CLASS (scs_workspace_parent_class)->finalize (object);
}

static void
scs_workspace_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  ScsWorkspace *self = SCS_WORKSPACE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    case PROP_CATALOG:
      g_value_set_object (value, self->catalog);
      break;

    case PROP_ACTOR:
      g_value_set_string (value, self->actor);
      break;

    case PROP_TARGET_LEVEL:
      g_value_set_uint (value, self->target_level);
      break;

    case PROP_CAN_UNDO:
      g_value_set_boolean (value, scs_workspace_can_undo (self));
      break;

    case PROP_CAN_REDO:
      g_value_set_boolean (value, scs_workspace_can_redo (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scs_workspace_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  ScsWorkspace *self = SCS_WORKSPACE (object);

  switch (prop_id)
    {
    case PROP_ACTOR:
      scs_workspace_set_actor (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scs_workspace_class_init (ScsWorkspaceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = scs_workspace_dispose;
  object_class->finalize = scs_workspace_finalize;
  object_class->get_property = scs_workspace_get_property;
  object_class->set_property = scs_workspace_set_property;

  properties[PROP_PATH] = g_param_spec_string ("path", NULL, NULL, NULL, ro);
  properties[PROP_CATALOG] = g_param_spec_object ("catalog", NULL, NULL, SCS_TYPE_CATALOG, ro);
  properties[PROP_ACTOR] =
    g_param_spec_string ("actor", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TARGET_LEVEL] = g_param_spec_uint ("target-level", NULL, NULL, 3, 4, 3, ro);
  properties[PROP_CAN_UNDO] = g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, ro);
  properties[PROP_CAN_REDO] = g_param_spec_boolean ("can-redo", NULL, NULL, FALSE, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ScsWorkspace::answer-changed:
   * @answer: the ScsAnswer whose state, note or reason was committed
   */
  signals[ANSWER_CHANGED] =
    g_signal_new ("answer-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, SCS_TYPE_ANSWER);

  /**
   * ScsWorkspace::evidence-changed:
   * @criterion_id: the criterion whose evidence list changed
   */
  signals[EVIDENCE_CHANGED] =
    g_signal_new ("evidence-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);

  /**
   * ScsWorkspace::organization-changed:
   */
  signals[ORGANIZATION_CHANGED] =
    g_signal_new ("organization-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
scs_workspace_init (ScsWorkspace *self)
{
  self->answers = g_list_store_new (SCS_TYPE_ANSWER);
  self->answer_index = g_hash_table_new (g_str_hash, g_str_equal);
  scs_workspace_undo_init (self);
  self->actor = default_actor ();
  self->target_level = 3;
  self->evidence_max_total = SCS_EVIDENCE_MAX_TOTAL_SIZE;
}

/* ------------------------------------------------------------------------ */
/* Accessors                                                                 */

const char *
scs_workspace_get_path (ScsWorkspace *self)
{
  g_return_val_if_fail (SCS_IS_WORKSPACE (self), NULL);

  return self->path;
}

gboolean
scs_workspace_is_file (ScsWorkspace *self,
                       const char   *path)
{
  g_return_val_if_fail (SCS_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->hold == NULL)
    return g_strcmp0 (self->path, path) == 0;
  return scs_fs_hold_is_file (self->hold, path);
}

/**
 * scs_workspace_get_catalog:
 *
 * Returns: (transfer none): the catalog embedded in the file.
 */
ScsCatalog *
scs_workspace_get_catalog (ScsWorkspace *self)
{
  g_return_val_if_fail (SCS_IS_WORKSPACE (self), NULL);

  return self->catalog;
}

/**
 * scs_workspace_set_actor:
 * @actor: (nullable): who is editing; %NULL for the user's name
 */
void
scs_workspace_set_actor (ScsWorkspace *self,
                         const char   *actor)
{
  g_autofree char *value = NULL;

  g_return_if_fail (SCS_IS_WORKSPACE (self));

  /* Text that could forge an audit line or fool a reader is never
   * recorded; callers that take the actor from a user check it first with
   * scs_workspace_check_actor () to say why. */
  if (actor == NULL || scs_text_is_blank (actor) || !scs_workspace_check_actor (actor, NULL))
    value = default_actor ();
  else
    value = g_strdup (actor);

  if (g_strcmp0 (value, self->actor) == 0)
    return;

  g_free (self->actor);
  self->actor = g_steal_pointer (&value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTOR]);
}

/**
 * scs_workspace_check_actor:
 * @actor: a name for the audit log
 * @error: %SCS_WORKSPACE_ERROR_INVALID saying why it is refused
 *
 * One line of text without control, direction-override or non-characters.
 */
gboolean
scs_workspace_check_actor (const char  *actor,
                           GError     **error)
{
  return scs_workspace_check_text (actor, _("The name recorded in the audit log (actor)"), TRUE, error);
}

const char *
scs_workspace_get_actor (ScsWorkspace *self)
{
  g_return_val_if_fail (SCS_IS_WORKSPACE (self), NULL);

  return self->actor;
}

/**
 * scs_workspace_dup_organization:
 *
 * Returns: (transfer full): a copy of the organisation profile.
 */
ScsOrganization *
scs_workspace_dup_organization (ScsWorkspace *self)
{
  g_return_val_if_fail (SCS_IS_WORKSPACE (self), NULL);

  return scs_organization_copy (self->organization);
}

/* The fields of the profile as the audit log names them. */
static const char * const organization_fields[] = {
  "name", "trade_name", "sole_proprietor", "corporate_number", "address",
  "contact_name", "contact_email", "contact_phone",
};

/* The same as a user reads them in a message. */
static const char * const organization_labels[] = {
  NC_("organisation field", "name"), NC_("organisation field", "trade name"),
  NC_("organisation field", "sole proprietor"), NC_("organisation field", "corporate number"),
  NC_("organisation field", "address"), NC_("organisation field", "contact person"),
  NC_("organisation field", "contact e-mail"), NC_("organisation field", "contact telephone"),
};

G_STATIC_ASSERT (G_N_ELEMENTS (organization_fields) == G_N_ELEMENTS (organization_labels));

/* Text field @i of @org; NULL for sole_proprietor, which is not text. */
static char **
organization_text (ScsOrganization *org,
                   guint            i)
{
  char **fields[] = {
    &org->name, &org->trade_name, NULL, &org->corporate_number, &org->address,
    &org->contact_name, &org->contact_email, &org->contact_phone,
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (fields) == G_N_ELEMENTS (organization_fields));
  return fields[i];
}

/* Field @i of @org as the audit log writes it. */
static const char *
organization_value (const ScsOrganization *org,
                    guint                  i)
{
  char **text = organization_text ((ScsOrganization *) org, i);

  if (text == NULL)
    return org->sole_proprietor ? "1" : "0";
  return *text;
}

static void
copy_organization_field (ScsOrganization       *org,
                         const ScsOrganization *from,
                         guint                  i)
{
  char **text = organization_text (org, i);

  if (text == NULL)
    {
      org->sole_proprietor = from->sole_proprietor;
      return;
    }
  g_free (*text);
  *text = g_strdup (organization_value (from, i));
}

static void
set_organization_conflict (GError                **error,
                           const ScsOrganization  *stored,
                           guint                   i)
{
  const char *value = organization_value (stored, i);

  if (organization_text ((ScsOrganization *) stored, i) == NULL)
    value = stored->sole_proprietor ? _("yes") : _("no");
  g_set_error (error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_CONFLICT,
               /* Translators: the first %s is a field ("contact e-mail"), the second its value */
               _("The organisation’s %s was changed elsewhere to ‘%s’ after you last saw it, so "
                 "your changes to the organisation were not saved. The newer details are shown "
                 "now; save again to keep yours."),
               g_dpgettext2 (GETTEXT_PACKAGE, "organisation field", organization_labels[i]),
               value != NULL ? value : "");
}

/**
 * scs_workspace_set_organization:
 * @org: the new profile (validated; see scs_organization_validate())
 *
 * scs_workspace_set_organization_if() over the profile this object
 * shows.
 */
gboolean
scs_workspace_set_organization (ScsWorkspace           *self,
                                const ScsOrganization  *org,
                                GError                **error)
{
  g_autoptr(ScsOrganization) seen = NULL;

  g_return_val_if_fail (SCS_IS_WORKSPACE (self), FALSE);

  seen = scs_organization_copy (self->organization);
  return scs_workspace_set_organization_if (self, seen, org, error);
}

/**
 * scs_workspace_set_organization_if:
 * @seen: the profile the user started from
 * @org: the new profile (validated; see scs_organization_validate())
 *
 * Writes the fields of @org that differ from @seen over the stored
 * profile, in one transaction with an audit row per changed field (its
 * old value the stored one), and emits ::organization-changed. Fields the
 * user left alone keep what is stored, so a change made elsewhere since
 * @seen is not put back.
 *
 * Returns: %FALSE with @error: %SCS_WORKSPACE_ERROR_INVALID from the
 *   validation, %SCS_WORKSPACE_ERROR_CONFLICT when a field changed here
 *   was changed elsewhere too since @seen (nothing is written; the stored
 *   profile is shown), %SCS_WORKSPACE_ERROR_READ_ONLY, or an
 *   %SCS_DB_ERROR when the write fails (nothing is written then).
 */
gboolean
scs_workspace_set_organization_if (ScsWorkspace           *self,
                                   const ScsOrganization  *seen,
                                   const ScsOrganization  *org,
                                   GError                **error)
{
  g_auto(ScsDbTransaction) txn = SCS_DB_TRANSACTION_INIT;
  g_autoptr(ScsOrganization) valid = NULL;
  g_autoptr(ScsOrganization) stored = NULL;
  g_autoptr(ScsOrganization) merged = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = NULL;
  gboolean changed[G_N_ELEMENTS (organization_fields)] = { FALSE, };
  gboolean any = FALSE;

  g_return_val_if_fail (SCS_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (seen != NULL, FALSE);
  g_return_val_if_fail (org != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  valid = scs_organization_copy (org);
  if (!scs_organization_validate (valid, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (organization_fields); i++)
    {
      changed[i] = g_strcmp0 (organization_value (seen, i), organization_value (valid, i)) != 0;
      any = any || changed[i];
    }
  if (!any)
    return TRUE;

  if (!scs_workspace_require_unsealed (self, _("the organisation profile"), error))
    return FALSE;

  now = scs_now_iso8601 ();

  if (!scs_workspace_transaction_begin (self, &txn, error))
    return FALSE;

  /* What is stored now, under the write lock: the user's fields go over
   * it, unless another program changed one of them too. */
  stored = read_organization (self, error);
  if (stored == NULL)
    return FALSE;
  merged = scs_organization_copy (stored);
  for (guint i = 0; i < G_N_ELEMENTS (organization_fields); i++)
    {
      const char *now_stored = organization_value (stored, i);

      if (!changed[i])
        continue;
      if (g_strcmp0 (now_stored, organization_value (seen, i)) != 0 &&
          g_strcmp0 (now_stored, organization_value (valid, i)) != 0)
        {
          scs_db_transaction_rollback (&txn);
          set_organization_conflict (error, stored, i);
          if (!organization_equal (stored, self->organization))
            {
              g_clear_pointer (&self->organization, scs_organization_free);
              self->organization = g_steal_pointer (&stored);
              g_signal_emit (self, signals[ORGANIZATION_CHANGED], 0);
            }
          return FALSE;
        }
      copy_organization_field (merged, valid, i);
    }
  /* A company's number and a sole proprietor's lack of one go together */
  if (!scs_organization_validate (merged, error))
    return FALSE;

  if (!organization_equal (merged, stored))
    {
      stmt = scs_db_prepare (self->db, self->path,
                             "UPDATE organization SET name = ?1, trade_name = ?2, sole_proprietor = ?3, "
                             "corporate_number = ?4, address = ?5, contact_name = ?6, contact_email = ?7, "
                             "contact_phone = ?8 WHERE id = 1", error);
      if (stmt == NULL)
        return FALSE;
      bind_organization (stmt, merged);
      if (!scs_db_step_done (stmt, self->db, self->path, error))
        return FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (organization_fields); i++)
        {
          const char *old_value = organization_value (stored, i);
          const char *new_value = organization_value (merged, i);

          if (g_strcmp0 (old_value, new_value) != 0 &&
              !scs_workspace_audit (self, now, "organization", organization_fields[i],
                                    old_value, new_value, error))
            return FALSE;
        }
    }

  if (!scs_db_transaction_commit (&txn, error))
    return FALSE;

  if (!organization_equal (merged, self->organization))
    {
      g_clear_pointer (&self->organization, scs_organization_free);
      self->organization = g_steal_pointer (&merged);
      g_signal_emit (self, signals[ORGANIZATION_CHANGED], 0);
    }

  return TRUE;
}

guint
scs_workspace_get_target_level (ScsWorkspace *self)
{
  g_return_val_if_fail (SCS_IS_WORKSPACE (self), 0);

  return self->target_level;
}

/* The stored target level of the current assessment, 0 on error. */
static guint
read_target_level (ScsWorkspace  *self,
                   GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = scs_db_prepare (self->db, self->path,
                         "SELECT target_level FROM assessment WHERE id = ?1", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, self->assessment_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      scs_db_set_error (error, self->db, self->path);
      return 0;
    }
  return (guint) sqlite3_column_int (stmt, 0);
}

static void
show_target_level (ScsWorkspace *self,
                   guint         level)
{
  if (level == self->target_level || (level != 3 && level != 4))
    return;
  self->target_level = level;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TARGET_LEVEL]);
}

/**
 * scs_workspace_set_target_level:
 * @level: 3 or 4
 *
 * Sets the target level over the one this object shows: when another
 * program changed the stored level since, nothing is written, the stored
 * level is shown and @error is %SCS_WORKSPACE_ERROR_CONFLICT. The audit
 * row's old value is the stored level.
 */
gboolean
scs_workspace_set_target_level (ScsWorkspace  *self,
                                guint          level,
                                GError       **error)
{
  g_auto(ScsDbTransaction) txn = SCS_DB_TRANSACTION_INIT;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = NULL;
  g_autofree char *target = NULL;
  g_autofree char *old_value = NULL;
  g_autofree char *new_value = NULL;
  guint stored;

  g_return_val_if_fail (SCS_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (level != 3 && level != 4)
    {
      g_set_error (error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_INVALID,
                   _("The target level must be 3 or 4, not %u"), level);
      return FALSE;
    }

  /* Already stored (here or elsewhere): nothing to write */
  stored = read_target_level (self, error);
  if (stored == 0)
    return FALSE;
  if (stored == level && level == self->target_level)
    return TRUE;

  if (!scs_workspace_require_unsealed (self, _("the target level"), error))
    return FALSE;

  if (!scs_workspace_transaction_begin (self, &txn, error))
    return FALSE;
  stored = read_target_level (self, error);
  if (stored == 0)
    return FALSE;
  if (stored == level)
    {
      scs_db_transaction_rollback (&txn);
      show_target_level (self, stored);
      return TRUE;
    }
  if (stored != self->target_level)
    {
      scs_db_transaction_rollback (&txn);
      g_set_error (error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_CONFLICT,
                   /* Translators: %u is the target level (3 or 4) stored now */
                   _("The target level was changed elsewhere to ★%u after you last saw it, so your "
                     "change was not saved. The newer level is shown now; choose again if yours "
                     "still holds."), stored);
      show_target_level (self, stored);
      return FALSE;
    }

  now = scs_now_iso8601 ();
  target = g_strdup_printf ("assessment %" G_GINT64_FORMAT, self->assessment_id);
  old_value = g_strdup_printf ("%u", stored);
  new_value = g_strdup_printf ("%u", level);

  stmt = scs_db_prepare (self->db, self->path,
                     "UPDATE assessment SET target_level = ?1, updated = ?2 WHERE id = ?3", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, level);
  scs_db_bind_text (stmt, 2, now);
  sqlite3_bind_int64 (stmt, 3, self->assessment_id);

  if (!scs_workspace_write_finish (self, &txn, stmt, now, "target-level", target, old_value, new_value, error))
    return FALSE;

  show_target_level (self, level);

  return TRUE;
}

ScsWorkspaceType
scs_workspace_get_workspace_type (ScsWorkspace *self)
{
  g_return_val_if_fail (SCS_IS_WORKSPACE (self), SCS_WORKSPACE_TYPE_SCS);

  return self->workspace_type;
}

guint
scs_workspace_get_cycle (ScsWorkspace *self)
{
  g_return_val_if_fail (SCS_IS_WORKSPACE (self), 0);

  return self->cycle;
}

const char *
scs_workspace_get_created (ScsWorkspace *self)
{
  g_return_val_if_fail (SCS_IS_WORKSPACE (self), NULL);

  return self->created;
}

/**
 * scs_workspace_get_answers:
 *
 * Returns: (transfer none): a #GListModel of #ScsAnswer, one per criterion
 * the catalog knows, in catalog order.
 */
GListModel *
scs_workspace_get_answers (ScsWorkspace *self)
{
  g_return_val_if_fail (SCS_IS_WORKSPACE (self), NULL);

  return G_LIST_MODEL (self->answers);
}

/**
 * scs_workspace_lookup_answer:
 *
 * Returns: (transfer none) (nullable): the answer, %NULL when the catalog
 * does not know @criterion_id.
 */
ScsAnswer *
scs_workspace_lookup_answer (ScsWorkspace *self,
                             const char   *criterion_id)
{
  g_return_val_if_fail (SCS_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (criterion_id != NULL, NULL);

  return g_hash_table_lookup (self->answer_index, criterion_id);
}

/* ------------------------------------------------------------------------ */
/* Answers                                                                   */

ScsAnswer *
scs_workspace_require_answer (ScsWorkspace  *self,
                const char    *criterion_id,
                GError       **error)
{
  ScsAnswer *answer = g_hash_table_lookup (self->answer_index, criterion_id);

  if (answer == NULL)
    {
      g_autofree char *shown = g_utf8_make_valid (criterion_id, -1);

      g_set_error (error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_INVALID,
                   _("Criterion ‘%s’ is not in the catalog ‘%s’"),
                   shown, scs_catalog_get_id (self->catalog));
    }

  return answer;
}

/* Refuses @note for criterion @id when it would bring the notes of the
 * assessment over SCS_NOTES_MAX_TOTAL_SIZE (in the write's transaction). */
static gboolean
check_notes_total (ScsWorkspace  *self,
                   const char    *id,
                   const char    *note,
                   GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 total = strlen (note);

  if (total <= SCS_NOTES_MAX_TOTAL_SIZE)
    {
      stmt = scs_db_prepare (self->db, self->path,
                             "SELECT coalesce (sum (length (CAST (note AS BLOB))), 0) FROM answer "
                             "WHERE assessment = ?1 AND criterion_id <> ?2", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, self->assessment_id);
      scs_db_bind_text (stmt, 2, id);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          scs_db_set_error (error, self->db, self->path);
          return FALSE;
        }
      total += sqlite3_column_int64 (stmt, 0);
    }
  if (total > SCS_NOTES_MAX_TOTAL_SIZE)
    {
      g_autofree char *limit = g_format_size_full (SCS_NOTES_MAX_TOTAL_SIZE, G_FORMAT_SIZE_IEC_UNITS);
      g_autofree char *would = g_format_size_full (total, G_FORMAT_SIZE_IEC_UNITS);

      g_set_error (error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_INVALID,
                   /* Translators: %s: a criterion ID, then two sizes ("12.0 MiB") */
                   _("The note of criterion %s is not saved: the notes of an assessment may hold %s "
                     "together, and with this one they would hold %s"), id, limit, would);
      return FALSE;
    }
  return TRUE;
}

/* Writes new values for one answer in one transaction with its audit rows,
 * then updates the ScsAnswer and emits ::answer-changed. The write is made
 * only if the row still holds what @answer shows (compare-and-set on its
 * version and values, read in the same transaction): otherwise nothing is
 * written, @answer shows the stored row and the error is
 * SCS_WORKSPACE_ERROR_CONFLICT. The audit rows record the stored old values.
 * @undo marks the state row as an undo. Values must already be valid. */
gboolean
scs_workspace_write_answer (ScsWorkspace    *self,
                            ScsAnswer       *answer,
                            ScsAnswerState   state,
                            const char      *note,
                            const char      *reason,
                            gboolean         undo,
                            GError         **error)
{
  return scs_workspace_write_answer_with (self, answer, state, note, reason, undo, NULL, NULL, error);
}

/* See scs-workspace-private.h. */
gboolean
scs_workspace_write_answer_with (ScsWorkspace       *self,
                                 ScsAnswer          *answer,
                                 ScsAnswerState      state,
                                 const char         *note,
                                 const char         *reason,
                                 gboolean            undo,
                                 ScsWorkspaceAlsoFunc also,
                                 gpointer            user_data,
                                 GError            **error)
{
  g_auto(ScsDbTransaction) txn = SCS_DB_TRANSACTION_INIT;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_auto(AnswerRow) old = { 0, };
  g_autofree char *now = scs_now_iso8601 ();
  const char *id = scs_answer_get_criterion_id (answer);

  {
    /* Translators: %s is a criterion ID */
    g_autofree char *what = g_strdup_printf (_("the answer to criterion %s"), id);

    if (!scs_workspace_require_unsealed (self, what, error))
      return FALSE;
  }

  if (!scs_workspace_transaction_begin (self, &txn, error))
    return FALSE;

  if (!read_answer_row (self, id, &old, error))
    return FALSE;

  if (!answer_row_equal (&old, answer))
    {
      scs_db_transaction_rollback (&txn);
      set_conflict (error, answer, &old);
      show_answer_row (self, answer, &old);
      return FALSE;
    }

  if (note != NULL && strlen (note) > strlen (old.note != NULL ? old.note : "") &&
      !check_notes_total (self, id, note, error))
    return FALSE;

  stmt = scs_db_prepare (self->db, self->path,
                     "INSERT INTO answer (assessment, criterion_id, state, note, reason, author, updated, "
                     "version) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
                     "ON CONFLICT (assessment, criterion_id) DO UPDATE SET "
                     "state = excluded.state, note = excluded.note, reason = excluded.reason, "
                     "author = excluded.author, updated = excluded.updated, version = excluded.version",
                     error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, self->assessment_id);
  scs_db_bind_text (stmt, 2, id);
  scs_db_bind_text (stmt, 3, scs_answer_state_to_string (state));
  scs_db_bind_text (stmt, 4, note);
  scs_db_bind_text (stmt, 5, reason);
  scs_db_bind_text (stmt, 6, self->actor);
  scs_db_bind_text (stmt, 7, now);
  sqlite3_bind_int64 (stmt, 8, old.version + 1);
  if (!scs_db_step_done (stmt, self->db, self->path, error))
    return FALSE;

  /* One row per changed field, so each field's history is a chain of
   * old → new values; an undo always leaves an "undo" row for the state. */
  if ((undo || state != old.state) &&
      !scs_workspace_audit (self, now, undo ? "undo" : "answer", id,
              scs_answer_state_to_string (old.state),
              scs_answer_state_to_string (state), error))
    return FALSE;

  if (g_strcmp0 (note, old.note) != 0 &&
      !scs_workspace_audit (self, now, "note", id, old.note, note, error))
    return FALSE;

  if (g_strcmp0 (reason, old.reason) != 0 &&
      !scs_workspace_audit (self, now, "reason", id, old.reason, reason, error))
    return FALSE;

  if (also != NULL && !also (self, user_data, error))
    return FALSE;

  if (!scs_db_transaction_commit (&txn, error))
    return FALSE;

  scs_answer_set_version (answer, old.version + 1);
  scs_answer_update (answer, state, note, reason, self->actor, now);
  g_signal_emit (self, signals[ANSWER_CHANGED], 0, answer);

  return TRUE;
}

static gboolean
check_text (const char  *criterion_id,
            const char  *note,
            const char  *reason,
            GError     **error)
{
  /* Translators: %s is a criterion ID */
  g_autofree char *note_field = g_strdup_printf (_("The note of criterion %s"), criterion_id);
  /* Translators: %s is a criterion ID */
  g_autofree char *reason_field = g_strdup_printf (_("The not-applicable reason of criterion %s"),
                                                   criterion_id);

  return scs_workspace_check_text (note, note_field, FALSE, error) &&
         scs_workspace_check_text (reason, reason_field, FALSE, error);
}

static gboolean set_answer_seen (ScsWorkspace    *self,
                                 const char      *criterion_id,
                                 gint64           seen_version,
                                 ScsAnswerState   state,
                                 const char      *note,
                                 const char      *reason,
                                 GError         **error);

/**
 * scs_workspace_set_answer:
 * @criterion_id: a criterion of the workspace's catalog
 * @state: the new state
 * @note: (nullable): the new note, %NULL to keep the stored one
 * @reason: (nullable): the not-applicable reason, %NULL to keep the stored one
 * @error: %SCS_WORKSPACE_ERROR_INVALID for an unknown criterion, text that
 *   is not UTF-8, not applicable without a reason or notes over their
 *   total size; %SCS_WORKSPACE_ERROR_READ_ONLY, %SCS_WORKSPACE_ERROR_SEALED
 *   once signed; an %SCS_DB_ERROR (%SCS_DB_ERROR_BUSY, %SCS_DB_ERROR_FULL,
 *   %SCS_DB_ERROR_IO, …) when the write fails
 *
 * Commits the change with its audit rows in one transaction before
 * returning; notes and reasons are stored exactly as given. On error neither
 * the file nor the ScsAnswer changes. Setting the values already stored is a
 * no-op that writes nothing.
 */
gboolean
scs_workspace_set_answer (ScsWorkspace    *self,
                          const char      *criterion_id,
                          ScsAnswerState   state,
                          const char      *note,
                          const char      *reason,
                          GError         **error)
{
  g_return_val_if_fail (SCS_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (criterion_id != NULL, FALSE);
  g_return_val_if_fail ((guint) state < SCS_N_ANSWER_STATES, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return set_answer_seen (self, criterion_id, -1, state, note, reason, error);
}

/**
 * scs_workspace_set_answer_if:
 * @seen_version: the answer's version (scs_answer_get_version()) when the
 *   user saw the values this change starts from
 *
 * Like scs_workspace_set_answer(), but only if the answer has not changed
 * since the user saw version @seen_version: otherwise nothing is written,
 * the answer shows the newer values and @error is
 * %SCS_WORKSPACE_ERROR_CONFLICT.
 */
gboolean
scs_workspace_set_answer_if (ScsWorkspace    *self,
                             const char      *criterion_id,
                             gint64           seen_version,
                             ScsAnswerState   state,
                             const char      *note,
                             const char      *reason,
                             GError         **error)
{
  g_return_val_if_fail (SCS_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (criterion_id != NULL, FALSE);
  g_return_val_if_fail (seen_version >= 0, FALSE);
  g_return_val_if_fail ((guint) state < SCS_N_ANSWER_STATES, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return set_answer_seen (self, criterion_id, seen_version, state, note, reason, error);
}

/* @seen_version: -1 for the version the answer shows now. */
static gboolean
set_answer_seen (ScsWorkspace    *self,
                 const char      *criterion_id,
                 gint64           seen_version,
                 ScsAnswerState   state,
                 const char      *note,
                 const char      *reason,
                 GError         **error)
{
  ScsAnswer *answer;
  ScsAnswerState old_state;
  g_autofree char *old_note = NULL;
  g_autofree char *old_reason = NULL;
  const char *new_note;
  const char *new_reason;

  answer = scs_workspace_require_answer (self, criterion_id, error);
  if (answer == NULL)
    return FALSE;

  if (seen_version >= 0 && seen_version != scs_answer_get_version (answer))
    {
      g_auto(AnswerRow) row = { 0, };

      row.author = g_strdup (scs_answer_get_author (answer));
      row.updated = g_strdup (scs_answer_get_updated (answer));
      set_conflict (error, answer, &row);
      return FALSE;
    }

  if (!check_text (criterion_id, note, reason, error))
    return FALSE;

  old_state = scs_answer_get_state (answer);
  old_note = g_strdup (scs_answer_get_note (answer));
  old_reason = g_strdup (scs_answer_get_reason (answer));
  new_note = note ? note : old_note;
  new_reason = reason ? reason : old_reason;

  if (state == SCS_ANSWER_NOT_APPLICABLE && scs_text_is_blank (new_reason))
    {
      g_set_error (error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_INVALID,
                   _("Criterion ‘%s’ can only be marked not applicable with a reason"),
                   criterion_id);
      return FALSE;
    }

  if (state == old_state &&
      g_str_equal (new_note, old_note) &&
      g_str_equal (new_reason, old_reason))
    return TRUE;

  if (!scs_workspace_write_answer (self, answer, state, new_note, new_reason, FALSE, error))
    return FALSE;

  scs_workspace_undo_push_answer (self, answer, old_state, old_note, old_reason);

  return TRUE;
}

/* scs_workspace_set_answer () with the stored state. */
static gboolean
set_keeping_state (ScsWorkspace  *self,
                   const char    *criterion_id,
                   const char    *note,
                   const char    *reason,
                   GError       **error)
{
  ScsAnswer *answer = scs_workspace_require_answer (self, criterion_id, error);

  if (answer == NULL)
    return FALSE;
  return scs_workspace_set_answer (self, criterion_id, scs_answer_get_state (answer), note, reason, error);
}

/**
 * scs_workspace_set_note:
 * @note: (nullable): the note; %NULL clears it
 *
 * Like scs_workspace_set_answer() with the stored state and reason.
 */
gboolean
scs_workspace_set_note (ScsWorkspace  *self,
                        const char    *criterion_id,
                        const char    *note,
                        GError       **error)
{
  g_return_val_if_fail (SCS_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (criterion_id != NULL, FALSE);

  return set_keeping_state (self, criterion_id, note ? note : "", NULL, error);
}

/**
 * scs_workspace_set_reason:
 * @reason: (nullable): the not-applicable reason; %NULL clears it, which is
 *   refused while the criterion is marked not applicable
 *
 * Like scs_workspace_set_answer() with the stored state and note.
 */
gboolean
scs_workspace_set_reason (ScsWorkspace  *self,
                          const char    *criterion_id,
                          const char    *reason,
                          GError       **error)
{
  g_return_val_if_fail (SCS_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (criterion_id != NULL, FALSE);

  return set_keeping_state (self, criterion_id, NULL, reason ? reason : "", error);
}

/* ------------------------------------------------------------------------ */
/* Progress                                                                  */

/**
 * scs_workspace_get_progress:
 * @category: a category number, 0 for all
 * @level: count criteria of this level and below; 0 for all
 * @progress: (out caller-allocates): the counts
 */
void
scs_workspace_get_progress (ScsWorkspace *self,
                            guint         category,
                            guint         level,
                            ScsProgress  *progress)
{
  guint n_items;

  g_return_if_fail (SCS_IS_WORKSPACE (self));
  g_return_if_fail (progress != NULL);

  memset (progress, 0, sizeof *progress);
  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->answers));

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(ScsAnswer) answer = g_list_model_get_item (G_LIST_MODEL (self->answers), i);
      const ScsCriterion *criterion = scs_answer_get_criterion (answer);

      if (category != 0 &&
          (criterion->requirement == NULL || criterion->requirement->category == NULL ||
           criterion->requirement->category->number != category))
        continue;

      if (level != 0 && criterion->level > level)
        continue;

      progress->total++;
      progress->counts[scs_answer_get_state (answer)]++;
      if (scs_answer_is_satisfied (answer))
        progress->satisfied++;
    }
}

/**
 * scs_workspace_is_ready:
 * @level: 3 or 4
 *
 * Returns: %TRUE when every criterion up to @level is met or justified not
 * applicable, and the catalog knows all criteria of @level (★4 needs the
 * official workbook).
 */
gboolean
scs_workspace_is_ready (ScsWorkspace *self,
                        guint         level)
{
  ScsProgress progress;

  g_return_val_if_fail (SCS_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (level == 3 || level == 4, FALSE);

  if (!scs_catalog_criteria_complete (self->catalog, level))
    return FALSE;

  scs_workspace_get_progress (self, 0, level, &progress);

  return progress.total > 0 && progress.satisfied == progress.total;
}

/* ------------------------------------------------------------------------ */
/* Audit and integrity                                                       */

/**
 * scs_workspace_list_audit:
 * @limit: at most this many entries; 0 for all
 *
 * Returns: (transfer container) (element-type ScsAuditEntry): the audit log,
 * newest first.
 */
GPtrArray *
scs_workspace_list_audit (ScsWorkspace  *self,
                          guint          limit,
                          GError       **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) scs_audit_entry_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (SCS_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = scs_db_prepare (self->db, self->path,
                     "SELECT id, time, actor, action, target, old_value, new_value "
                     "FROM audit ORDER BY id DESC LIMIT ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, limit == 0 ? -1 : (gint64) limit);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ScsAuditEntry *entry = g_new0 (ScsAuditEntry, 1);

      entry->id = sqlite3_column_int64 (stmt, 0);
      entry->time = scs_db_column_dup (stmt, 1);
      entry->actor = scs_db_column_dup (stmt, 2);
      entry->action = scs_db_column_dup (stmt, 3);
      entry->target = scs_db_column_dup (stmt, 4);
      entry->old_value = scs_db_column_dup (stmt, 5);
      entry->new_value = scs_db_column_dup (stmt, 6);
      g_ptr_array_add (list, entry);
    }

  if (rc != SQLITE_DONE)
    {
      scs_db_set_error (error, self->db, self->path);
      return NULL;
    }

  return g_steal_pointer (&list);
}

/**
 * scs_workspace_check_integrity:
 * @error: %SCS_WORKSPACE_ERROR_CORRUPT with the first problem found; an
 *   %SCS_DB_ERROR when the checks cannot run
 *
 * Runs PRAGMA integrity_check and foreign_key_check over the whole file.
 */
gboolean
scs_workspace_check_integrity (ScsWorkspace  *self,
                               GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *result;
  int rc;

  g_return_val_if_fail (SCS_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stmt = scs_db_prepare (self->db, self->path, "PRAGMA integrity_check (1)", error);
  if (stmt == NULL)
    return FALSE;

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      scs_db_set_error (error, self->db, self->path);
      return FALSE;
    }

  result = (const char *) sqlite3_column_text (stmt, 0);
  if (g_strcmp0 (result, "ok") != 0)
    {
      set_corrupt (error, self->path, result ? result : "?");
      return FALSE;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = scs_db_prepare (self->db, self->path, "PRAGMA foreign_key_check", error);
  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      g_autofree char *what = g_strdup_printf (_("a row of table %s refers to a missing row of table %s"),
                                               sqlite3_column_text (stmt, 0),
                                               sqlite3_column_text (stmt, 2));

      set_corrupt (error, self->path, what);
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      scs_db_set_error (error, self->db, self->path);
      return FALSE;
    }

  return TRUE;
}
