/* scs-signature.c: signatures stored in the workspace (expert, management)
 *
 * The review module's review_signature table keeps, per signature, the
 * exact signed bytes, the detached CMS (DER), the signer certificate's
 * subject, issuer, serial and fingerprint, and the time. This file stores
 * them (for scs-signer.c and scs-declaration.c), hands them to the
 * submission package, and checks them: the CMS must verify over the stored
 * bytes, and rendering the workspace again must give the same bytes — if
 * not, someone changed the attested content after signing (through a tool
 * that bypassed the seal triggers), and the differences are listed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "scs-signature.h"

#include <glib/gi18n-lib.h>

#include "scs-attestation.h"
#include "scs-db.h"
#include "scs-declaration.h"
#include "scs-sha256.h"
#include "scs-signer.h"
#include "scs-workspace-private.h"

G_DEFINE_QUARK (scs-signature-error-quark, scs_signature_error)

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

void
scs_signature_check_free (ScsSignatureCheck *check)
{
  if (check == NULL)
    return;
  g_clear_pointer (&check->changes, g_ptr_array_unref);
  g_free (check->signer_subject);
  g_free (check->problem);
  scs_signature_info_free (check->info);
  g_free (check);
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

gboolean
scs_signature_store (ScsWorkspace      *ws,
                     ScsSignatureRole   role,
                     GBytes            *content,
                     GBytes            *cms,
                     struct _ScsSigner *signer,
                     gboolean           seal,
                     GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = scs_now_iso8601 ();
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

  if (seal)
    {
      stmt = scs_db_prepare (ws->db, ws->path,
                             "INSERT INTO review_seal (assessment, signature, sealed_at) VALUES (?1, ?2, ?3)",
                             error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, ws->assessment_id);
      sqlite3_bind_int64 (stmt, 2, id);
      scs_db_bind_text (stmt, 3, now);
      if (!scs_db_step_done (stmt, ws->db, ws->path, error))
        return FALSE;
    }

  return scs_workspace_audit (ws, now,
                              cms != NULL ? (role == SCS_SIGNATURE_ROLE_EXPERT ? "sign-expert" : "sign-management")
                                          : "declare",
                              scs_signature_role_to_string (role), subject, sha, error);
}

gboolean
scs_signature_check_is_good (const ScsSignatureCheck *check)
{
  g_return_val_if_fail (check != NULL, FALSE);
  return check->problem == NULL;
}

ScsSignatureCheck *
scs_signature_check (ScsWorkspace      *workspace,
                     ScsSignatureRole   role,
                     const char        *ca_file,
                     GError           **error)
{
  g_autoptr(ScsSignatureCheck) check = g_new0 (ScsSignatureCheck, 1);
  g_autoptr(GBytes) content = NULL;
  g_autoptr(GBytes) cms = NULL;
  g_autoptr(GBytes) current = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (SCS_IS_WORKSPACE (workspace), NULL);

  check->role = role;
  check->info = scs_signature_dup_info (workspace, role);
  content = dup_blob (workspace, role, "content");
  if (check->info == NULL || content == NULL)
    {
      g_set_error (error, SCS_SIGNATURE_ERROR, SCS_SIGNATURE_ERROR_UNSIGNED,
                   role == SCS_SIGNATURE_ROLE_EXPERT
                   ? _("The assessment in ‘%s’ is not signed by an expert")
                   : _("The workspace ‘%s’ has no management declaration"),
                   scs_workspace_get_path (workspace));
      return NULL;
    }

  cms = dup_blob (workspace, role, "cms");
  check->has_cms = cms != NULL;
  if (cms != NULL)
    {
      check->signature_valid = scs_cms_verify (cms, content, ca_file, &check->signer_subject,
                                               &local_error);
      if (!check->signature_valid)
        check->problem = g_strdup (local_error->message);
    }

  if (role == SCS_SIGNATURE_ROLE_EXPERT)
    current = scs_attestation_render_like (workspace, content, &local_error);
  else
    current = scs_declaration_render (workspace, &local_error);
  if (current == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  check->content_matches = g_bytes_equal (current, content);
  check->changes = check->content_matches
    ? g_ptr_array_new_with_free_func (g_free)
    : scs_attestation_diff (content, current);

  if (!check->content_matches && check->problem == NULL)
    {
      g_autoptr(GString) list = g_string_new (NULL);

      for (guint i = 0; i < check->changes->len; i++)
        g_string_append_printf (list, "%s%s", i ? ", " : "", (char *) check->changes->pdata[i]);
      check->problem = g_strdup_printf (_("The signed content no longer matches the workspace; "
                                          "changed: %s"),
                                        list->len ? list->str : _("(unknown)"));
    }

  if (check->problem == NULL && role == SCS_SIGNATURE_ROLE_MANAGEMENT)
    {
      g_autoptr(ScsSignatureInfo) expert = scs_signature_dup_info (workspace, SCS_SIGNATURE_ROLE_EXPERT);
      g_autofree char *covered = scs_declaration_dup_assessment_sha256 (workspace);

      if (expert == NULL || g_strcmp0 (expert->content_sha256, covered) != 0)
        check->problem = g_strdup (_("The declaration does not cover the expert-signed assessment"));
    }

  return g_steal_pointer (&check);
}
