/* scs-signature.c: signatures stored in the workspace (expert, management)
 *
 * Its table review_signature keeps, per signature, the exact signed
 * bytes, the detached CMS (DER), the signer certificate's subject, issuer,
 * serial and fingerprint, and the time; review_signed_entry the entries a
 * signature's ASiCManifest references. This file creates them
 * (scs_signature_schema), stores them (for scs-signoff.c), supersedes
 * them (a new review round) and hands them to the submission package;
 * scs-signature-check.c checks them against the workspace.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "scs-signature.h"

#include "scs-db.h"
#include "scs-seal.h"
#include "scs-sha256.h"
#include "scs-signer.h"
#include "scs-workspace-private.h"

G_DEFINE_QUARK (scs-signature-error-quark, scs_signature_error)

/* The signature tables. Until review schema version 3 the review module
 * created them: review_signature in its version 1, review_signed_entry in
 * its version 2 (ScsSchemaModule.split_from); the text is theirs, to the
 * byte, so old and new files have one schema. */
static const char signature_schema_v1[] =
  "CREATE TABLE review_signature (\n"
  "  id             INTEGER PRIMARY KEY,\n"
  "  assessment     INTEGER NOT NULL REFERENCES assessment (id),\n"
  "  role           TEXT NOT NULL CHECK (role IN ('expert', 'management')),\n"
  "  round          INTEGER NOT NULL,\n"
  "  signed_at      TEXT NOT NULL,\n"
  "  content        BLOB NOT NULL,\n"
  "  content_sha256 TEXT NOT NULL CHECK (length (content_sha256) = 64),\n"
  "  cms            BLOB,\n"
  "  signer_subject TEXT,\n"
  "  signer_issuer  TEXT,\n"
  "  signer_serial  TEXT,\n"
  "  signer_sha256  TEXT,\n"
  "  actor          TEXT NOT NULL,\n"
  "  superseded     INTEGER NOT NULL DEFAULT 0 CHECK (superseded IN (0, 1))\n"
  ") STRICT;\n";

/* Version 2: the signed package (ASiC-E): every entry a signature's
 * ASiCManifest references, with the exact bytes of the small ones (the
 * manifest itself, assessment.xml, scope.xml, catalog.xml,
 * declaration.xml, report.pdf); evidence is referenced by its SHA-256 in
 * the evidence table (data NULL). A final export assembles these bytes
 * after re-checking the workspace against them. Rows are never changed: a
 * new round supersedes the signature. */
static const char signature_schema_v2[] =
  "CREATE TABLE review_signed_entry (\n"
  "  signature  INTEGER NOT NULL REFERENCES review_signature (id),\n"
  "  path       TEXT NOT NULL,\n"
  "  media_type TEXT NOT NULL,\n"
  "  sha256     TEXT NOT NULL CHECK (length (sha256) = 64),\n"
  "  size       INTEGER NOT NULL CHECK (size >= 0),\n"
  "  data       BLOB,\n"
  "  PRIMARY KEY (signature, path)\n"
  ") STRICT;\n"
  "CREATE TRIGGER review_signed_entry_update BEFORE UPDATE ON review_signed_entry\n"
  "BEGIN SELECT RAISE (ABORT, 'scs-sealed: a signed entry never changes'); END;\n"
  "CREATE TRIGGER review_signed_entry_delete BEFORE DELETE ON review_signed_entry\n"
  "BEGIN SELECT RAISE (ABORT, 'scs-sealed: a signed entry never changes'); END;\n";

static const char * const signature_steps[] = { signature_schema_v1, signature_schema_v2 };
/* review version 0 to 3 → this module's version */
static const guint signature_split[] = { 0, 1, 2, 2 };

const ScsSchemaModule scs_signature_schema = {
  "signature", signature_steps, G_N_ELEMENTS (signature_steps),
  "review", signature_split, G_N_ELEMENTS (signature_split),
};

const char *
scs_signature_role_to_string (ScsSignatureRole role)
{
  return role == SCS_SIGNATURE_ROLE_EXPERT ? "expert" : "management";
}

void
scs_signature_info_free (ScsSignatureInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->signed_at);
  g_free (info->signer_subject);
  g_free (info->signer_issuer);
  g_free (info->signer_serial);
  g_free (info->signer_sha256);
  g_free (info->content_sha256);
  g_free (info->actor);
  g_free (info);
}

ScsSignedEntry *
scs_signed_entry_new (const char *path,
                      const char *media_type,
                      GBytes     *data)
{
  ScsSignedEntry *entry = g_new0 (ScsSignedEntry, 1);

  entry->path = g_strdup (path);
  entry->media_type = g_strdup (media_type);
  if (data != NULL)
    {
      entry->data = g_bytes_ref (data);
      entry->sha256 = scs_sha256_hex_bytes (data);
      entry->size = g_bytes_get_size (data);
    }
  return entry;
}

ScsSignedEntry *
scs_signed_entry_new_reference (const char *path,
                                const char *media_type,
                                const char *sha256,
                                guint64     size)
{
  ScsSignedEntry *entry = scs_signed_entry_new (path, media_type, NULL);

  entry->sha256 = g_strdup (sha256);
  entry->size = size;
  return entry;
}

void
scs_signed_entry_free (ScsSignedEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->path);
  g_free (entry->media_type);
  g_free (entry->sha256);
  g_clear_pointer (&entry->data, g_bytes_unref);
  g_free (entry);
}

static sqlite3_stmt *
select_current (ScsWorkspace     *ws,
                ScsSignatureRole  role,
                const char       *columns)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM review_signature WHERE assessment = ?1 "
                                          "AND role = ?2 AND superseded = 0 ORDER BY id DESC LIMIT 1",
                                          columns);
  sqlite3_stmt *stmt = scs_db_prepare (ws->db, ws->path, sql, NULL);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, ws->assessment_id);
  scs_db_bind_text (stmt, 2, scs_signature_role_to_string (role));
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_finalize (stmt);
      return NULL;
    }
  return stmt;
}

ScsSignatureInfo *
scs_signature_dup_info (ScsWorkspace     *workspace,
                        ScsSignatureRole  role)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  ScsSignatureInfo *info;

  g_return_val_if_fail (SCS_IS_WORKSPACE (workspace), NULL);

  stmt = select_current (workspace, role,
                         "round, signed_at, signer_subject, signer_issuer, signer_serial, "
                         "signer_sha256, content_sha256, actor");
  if (stmt == NULL)
    return NULL;
  info = g_new0 (ScsSignatureInfo, 1);
  info->role = role;
  info->round = sqlite3_column_int64 (stmt, 0);
  info->signed_at = scs_db_column_dup (stmt, 1);
  info->signer_subject = scs_db_column_dup (stmt, 2);
  info->signer_issuer = scs_db_column_dup (stmt, 3);
  info->signer_serial = scs_db_column_dup (stmt, 4);
  info->signer_sha256 = scs_db_column_dup (stmt, 5);
  info->content_sha256 = scs_db_column_dup (stmt, 6);
  info->actor = scs_db_column_dup (stmt, 7);
  return info;
}

static GBytes *
dup_blob (ScsWorkspace     *ws,
          ScsSignatureRole  role,
          const char       *column)
{
  g_autoptr(sqlite3_stmt) stmt = select_current (ws, role, column);

  if (stmt == NULL || sqlite3_column_type (stmt, 0) == SQLITE_NULL)
    return NULL;
  return g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
}

GBytes *
scs_signature_dup_signed_content (ScsWorkspace     *workspace,
                                  ScsSignatureRole  role)
{
  g_autoptr(GBytes) cms = NULL;

  g_return_val_if_fail (SCS_IS_WORKSPACE (workspace), NULL);

  /* "NULL when unsigned": an unsigned declaration has content, no CMS. */
  cms = dup_blob (workspace, role, "cms");
  if (cms == NULL)
    return NULL;
  return dup_blob (workspace, role, "content");
}

GBytes *
scs_signature_dup_cms (ScsWorkspace     *workspace,
                       ScsSignatureRole  role)
{
  g_return_val_if_fail (SCS_IS_WORKSPACE (workspace), NULL);
  return dup_blob (workspace, role, "cms");
}

GBytes *
scs_signature_dup_content (ScsWorkspace     *workspace,
                           ScsSignatureRole  role)
{
  g_return_val_if_fail (SCS_IS_WORKSPACE (workspace), NULL);
  return dup_blob (workspace, role, "content");
}

static gint64
current_id (ScsWorkspace     *ws,
            ScsSignatureRole  role)
{
  g_autoptr(sqlite3_stmt) stmt = select_current (ws, role, "id");

  return stmt != NULL ? sqlite3_column_int64 (stmt, 0) : 0;
}

GPtrArray *
scs_signature_dup_entries (ScsWorkspace     *workspace,
                           ScsSignatureRole  role)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) scs_signed_entry_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 id;

  g_return_val_if_fail (SCS_IS_WORKSPACE (workspace), NULL);

  id = current_id (workspace, role);
  if (id == 0)
    return NULL;
  stmt = scs_db_prepare (workspace->db, workspace->path,
                         "SELECT path, media_type, sha256, size, data FROM review_signed_entry "
                         "WHERE signature = ?1 ORDER BY path", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      ScsSignedEntry *entry = g_new0 (ScsSignedEntry, 1);

      entry->path = scs_db_column_dup (stmt, 0);
      entry->media_type = scs_db_column_dup (stmt, 1);
      entry->sha256 = scs_db_column_dup (stmt, 2);
      entry->size = sqlite3_column_int64 (stmt, 3);
      if (sqlite3_column_type (stmt, 4) != SQLITE_NULL)
        entry->data = g_bytes_new (sqlite3_column_blob (stmt, 4), sqlite3_column_bytes (stmt, 4));
      g_ptr_array_add (entries, entry);
    }
  if (entries->len == 0)
    return NULL;
  return g_steal_pointer (&entries);
}

ScsSignedEntry *
scs_signed_entry_find (GPtrArray  *entries,
                       const char *path)
{
  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      ScsSignedEntry *entry = g_ptr_array_index (entries, i);

      if (g_str_equal (entry->path, path))
        return entry;
    }
  return NULL;
}

gboolean
scs_signature_set_cms (ScsWorkspace      *ws,
                       ScsSignatureRole   role,
                       GBytes            *cms,
                       GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = scs_db_prepare (ws->db, ws->path, "UPDATE review_signature SET cms = ?1 WHERE id = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_blob64 (stmt, 1, g_bytes_get_data (cms, NULL), g_bytes_get_size (cms), SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, current_id (ws, role));
  return scs_db_step_done (stmt, ws->db, ws->path, error);
}

gboolean
scs_signature_store_entries (ScsWorkspace      *ws,
                             ScsSignatureRole   role,
                             GPtrArray         *entries,
                             GError           **error)
{
  gint64 id = current_id (ws, role);

  for (guint i = 0; i < entries->len; i++)
    {
      ScsSignedEntry *entry = g_ptr_array_index (entries, i);
      g_autoptr(sqlite3_stmt) stmt = NULL;

      stmt = scs_db_prepare (ws->db, ws->path,
                             "INSERT INTO review_signed_entry (signature, path, media_type, sha256, size, data) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      scs_db_bind_text (stmt, 2, entry->path);
      scs_db_bind_text (stmt, 3, entry->media_type);
      scs_db_bind_text (stmt, 4, entry->sha256);
      sqlite3_bind_int64 (stmt, 5, entry->size);
      if (entry->data != NULL)
        sqlite3_bind_blob64 (stmt, 6, g_bytes_get_data (entry->data, NULL), g_bytes_get_size (entry->data),
                             SQLITE_TRANSIENT);
      else
        sqlite3_bind_null (stmt, 6);
      if (!scs_db_step_done (stmt, ws->db, ws->path, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
scs_signature_store (ScsWorkspace      *ws,
                     ScsSignatureRole   role,
                     GBytes            *content,
                     GBytes            *cms,
                     struct _ScsSigner *signer,
                     gboolean           seal,
                     const char        *signed_at,
                     GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = signed_at != NULL ? g_strdup (signed_at) : scs_now_iso8601 ();
  g_autofree char *sha = scs_sha256_hex_bytes (content);
  g_autofree char *subject = NULL, *issuer = NULL, *serial = NULL, *fingerprint = NULL;
  gint64 rounds = 0, id;

  g_return_val_if_fail (SCS_IS_WORKSPACE (ws), FALSE);
  g_return_val_if_fail (content != NULL, FALSE);

  if (signer != NULL)
    {
      subject = scs_signer_dup_subject (signer);
      issuer = scs_signer_dup_issuer (signer);
      serial = scs_signer_dup_serial (signer);
      fingerprint = scs_signer_dup_fingerprint (signer);
    }

  /* Earlier signatures of this role in this round are replaced. */
  stmt = scs_db_prepare (ws->db, ws->path,
                         "UPDATE review_signature SET superseded = 1 WHERE assessment = ?1 AND role = ?2",
                         error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, ws->assessment_id);
  scs_db_bind_text (stmt, 2, scs_signature_role_to_string (role));
  if (!scs_db_step_done (stmt, ws->db, ws->path, error))
    return FALSE;
  g_clear_pointer (&stmt, sqlite3_finalize);

  scs_db_query_int (ws->db, ws->path, "SELECT count (*) FROM review_round", &rounds, NULL);
  stmt = scs_db_prepare (ws->db, ws->path,
                         "INSERT INTO review_signature (assessment, role, round, signed_at, content, "
                         "content_sha256, cms, signer_subject, signer_issuer, signer_serial, "
                         "signer_sha256, actor) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                         error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, ws->assessment_id);
  scs_db_bind_text (stmt, 2, scs_signature_role_to_string (role));
  sqlite3_bind_int64 (stmt, 3, rounds + 1);
  scs_db_bind_text (stmt, 4, now);
  sqlite3_bind_blob64 (stmt, 5, g_bytes_get_data (content, NULL), g_bytes_get_size (content),
                       SQLITE_TRANSIENT);
  scs_db_bind_text (stmt, 6, sha);
  if (cms != NULL)
    sqlite3_bind_blob64 (stmt, 7, g_bytes_get_data (cms, NULL), g_bytes_get_size (cms),
                         SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 7);
  scs_db_bind_text (stmt, 8, subject);
  scs_db_bind_text (stmt, 9, issuer);
  scs_db_bind_text (stmt, 10, serial);
  scs_db_bind_text (stmt, 11, fingerprint);
  scs_db_bind_text (stmt, 12, scs_workspace_get_actor (ws));
  if (!scs_db_step_done (stmt, ws->db, ws->path, error))
    return FALSE;
  id = sqlite3_last_insert_rowid (ws->db);
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (seal && !scs_seal_set (ws->db, ws->path, ws->assessment_id, id, now, error))
    return FALSE;

  return scs_workspace_audit (ws, now,
                              /* a signed declaration gets its CMS later, over its manifest */
                              signer != NULL ? (role == SCS_SIGNATURE_ROLE_EXPERT ? "sign-expert" : "sign-management")
                                             : "declare",
                              scs_signature_role_to_string (role), subject, sha, error);
}

gboolean
scs_signature_supersede_all (ScsWorkspace  *ws,
                             GError       **error)
{
  g_return_val_if_fail (SCS_IS_WORKSPACE (ws), FALSE);

  return scs_db_exec_bound (ws->db, ws->path,
                            "UPDATE review_signature SET superseded = 1 WHERE assessment = ?1",
                            ws->assessment_id, 0, NULL, error);
}

void
scs_signature_read_summary (sqlite3  *db,
                            gint64    assessment,
                            gboolean *expert_signed,
                            gboolean *declared)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  *expert_signed = *declared = FALSE;
  /* An older file opened by no workspace yet may lack the table. */
  if (!scs_db_has_table (db, "review_signature"))
    return;
  stmt = scs_db_try_prepare (db, "SELECT count (*) FILTER (WHERE role = 'expert'), "
                                 "count (*) FILTER (WHERE role = 'management') "
                                 "FROM review_signature WHERE assessment = ?1 AND superseded = 0");
  if (stmt == NULL)
    return;
  sqlite3_bind_int64 (stmt, 1, assessment);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      *expert_signed = sqlite3_column_int (stmt, 0) > 0;
      *declared = sqlite3_column_int (stmt, 1) > 0;
    }
}
