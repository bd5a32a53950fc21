/* scs-declaration.c: management's self-declaration of conformity
 *
 * For ★3 management declares that the organisation conforms, alongside the
 * expert-confirmed self-assessment. The declaration records our text, the
 * declarant's name and title, the date and the SHA-256 of the exact
 * assessment.xml the expert signed, so it cannot be moved to other content.
 * It is rendered as a small canonical XML (declaration.xml in the
 * submission package) and may be signed with the manager's own certificate
 * exactly like the expert's signature; unsigned, it is still stored with
 * its bytes so the package can carry it.
 *
 * Since signed package manifests the declaration is also bound to the
 * expert's ASiCManifest (its SHA-256), the catalog (id and SHA-256) and the
 * report language; a signed declaration renders report.pdf then, and its
 * CMS covers management's ASiCManifest: declaration.xml, report.pdf, and
 * everything the expert signed (scs-package.h). An unsigned declaration
 * never replaces a signed one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "scs-declaration.h"

#include <glib/gi18n-lib.h>

#include "scs-attestation.h"
#include "scs-db.h"
#include "scs-i18n.h"
#include "scs-package.h"
#include "scs-provider.h"
#include "scs-report.h"
#include "scs-sha256.h"
#include "scs-signature.h"
#include "scs-text.h"
#include "scs-workspace-private.h"
#include "scs-xml.h"

G_DEFINE_QUARK (scs-declaration-error-quark, scs_declaration_error)

const char *
scs_declaration_get_default_text (void)
{
  return _("We declare that our organisation meets the requirements of the evaluation "
           "criteria of the level stated above, as answered in the self-assessment confirmed "
           "by the security expert, and that we will keep them met and report any change that "
           "affects them.");
}

char *
scs_declaration_dup_assessment_sha256 (ScsWorkspace *workspace)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SCS_IS_WORKSPACE (workspace), NULL);
  stmt = scs_db_prepare (workspace->db, workspace->path,
                         "SELECT assessment_sha256 FROM review_declaration WHERE assessment = ?1", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, workspace->assessment_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return scs_db_column_dup (stmt, 0);
}

char *
scs_declaration_dup_report_language (ScsWorkspace *workspace)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SCS_IS_WORKSPACE (workspace), NULL);
  stmt = scs_db_prepare (workspace->db, workspace->path,
                         "SELECT language FROM review_declaration WHERE assessment = ?1", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, workspace->assessment_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return scs_db_column_dup (stmt, 0);
}

static void
text_element (GString    *out,
              guint       indent,
              const char *name,
              const char *text)
{
  g_string_append_printf (out, "%*s<%s>", indent, "", name);
  scs_xml_append_escaped (out, text);
  g_string_append_printf (out, "</%s>\n", name);
}

GBytes *
scs_declaration_render (ScsWorkspace  *workspace,
                        GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");

  g_return_val_if_fail (SCS_IS_WORKSPACE (workspace), NULL);

  stmt = scs_db_prepare (workspace->db, workspace->path,
                         "SELECT d.name, d.title, d.date, d.text, d.assessment_sha256, "
                         "o.name, o.corporate_number, a.target_level, d.manifest_sha256, "
                         "c.id, a.catalog_sha256, d.language "
                         "FROM review_declaration d, organization o, assessment a "
                         "LEFT JOIN catalog c ON c.sha256 = a.catalog_sha256 "
                         "WHERE d.assessment = ?1 AND o.id = 1 AND a.id = d.assessment", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, workspace->assessment_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, SCS_DECLARATION_ERROR, SCS_DECLARATION_ERROR_NOT_SIGNED,
                   _("The workspace ‘%s’ has no management declaration"), workspace->path);
      return NULL;
    }

  g_string_append (out, "<declaration xmlns=\"" SCS_DECLARATION_NAMESPACE "\" version=\"1\">\n");
  g_string_append (out, "  <organization>\n");
  text_element (out, 4, "name", (const char *) sqlite3_column_text (stmt, 5));
  text_element (out, 4, "corporate-number", (const char *) sqlite3_column_text (stmt, 6));
  g_string_append (out, "  </organization>\n");
  g_string_append_printf (out, "  <level>%d</level>\n", sqlite3_column_int (stmt, 7));
  g_string_append_printf (out, "  <assessment sha256=\"%s\"/>\n", (const char *) sqlite3_column_text (stmt, 4));
  /* declarations made before signed manifests have none of these */
  if (sqlite3_column_type (stmt, 8) != SQLITE_NULL)
    {
      g_string_append_printf (out, "  <manifest sha256=\"%s\"/>\n", (const char *) sqlite3_column_text (stmt, 8));
      g_string_append (out, "  <catalog id=\"");
      scs_xml_append_escaped (out, (const char *) sqlite3_column_text (stmt, 9));
      g_string_append_printf (out, "\" sha256=\"%s\"/>\n", (const char *) sqlite3_column_text (stmt, 10));
      g_string_append_printf (out, "  <report language=\"%s\"/>\n", (const char *) sqlite3_column_text (stmt, 11));
    }
  text_element (out, 2, "text", (const char *) sqlite3_column_text (stmt, 3));
  g_string_append (out, "  <declarant>\n");
  text_element (out, 4, "name", (const char *) sqlite3_column_text (stmt, 0));
  text_element (out, 4, "title", (const char *) sqlite3_column_text (stmt, 1));
  g_string_append (out, "  </declarant>\n");
  text_element (out, 2, "date", (const char *) sqlite3_column_text (stmt, 2));
  g_string_append (out, "</declaration>\n");

  return g_string_free_to_bytes (g_steal_pointer (&out));
}

/* A declaration being recorded: what was asked, and what was signed. */
typedef struct
{
  const char        *name;
  const char        *title;
  const char        *text;
  const char        *date;
  const char        *signed_at;  /* the same in both passes */
  gboolean           japanese;   /* the report's language */
  ScsSigner         *signer;
  ScsSignFlags       flags;
  ScsSignatureCheck *expert;
  GBytes            *signed_bytes;  /* what the CMS covers */
  GBytes            *cms;           /* NULL until signed (offline), then completed */
} Declaration;

/* The first pass signs @bytes offline; the second, after the network
 * completed the signature with no transaction open, finds the same bytes
 * rendered again or refuses. */
static gboolean
sign_or_match (Declaration  *d,
               GBytes       *bytes,
               GError      **error)
{
  if (d->cms == NULL)
    {
      d->cms = scs_signer_sign_offline (d->signer, bytes, error);
      if (d->cms == NULL)
        return FALSE;
      d->signed_bytes = g_bytes_ref (bytes);
      return TRUE;
    }
  if (!g_bytes_equal (bytes, d->signed_bytes))
    {
      g_set_error_literal (error, SCS_SIGNER_ERROR, SCS_SIGNER_ERROR_CHANGED,
                           _("The workspace changed while the time stamp was fetched; nothing was "
                             "signed, sign again"));
      return FALSE;
    }
  return TRUE;
}

/* Inside the declaration's transaction, after the signature row is stored
 * without a CMS (so the report shows the declaration and its signer):
 * renders report.pdf, builds management's ASiCManifest over it, the
 * declaration and everything the expert signed, signs it and stores it. */
static gboolean
sign_manifest (Declaration   *d,
               ScsWorkspace  *workspace,
               GBytes        *declaration,
               GPtrArray     *expert_entries,
               GError       **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) scs_signed_entry_free);
  g_autoptr(GHashTable) paths = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GBytes) expert_cms = scs_signature_dup_cms (workspace, SCS_SIGNATURE_ROLE_EXPERT);
  g_autoptr(GBytes) report = NULL;
  ScsReportOptions options = { 0 };
  GBytes *manifest;

  for (guint i = 0; i < expert_entries->len; i++)
    {
      ScsSignedEntry *entry = g_ptr_array_index (expert_entries, i);

      /* references only: the bytes are the expert's */
      g_ptr_array_add (entries, scs_signed_entry_new_reference (entry->path, entry->media_type,
                                                                entry->sha256, entry->size));
      if (entry->data == NULL)
        g_hash_table_insert (paths, entry->sha256, entry->path);
    }
  {
    g_autofree char *sha256 = scs_sha256_hex_bytes (expert_cms);

    g_ptr_array_add (entries, scs_signed_entry_new_reference (SCS_ASIC_SIGNATURE_EXPERT,
                                                              "application/pkcs7-signature", sha256,
                                                              g_bytes_get_size (expert_cms)));
  }

  options.content_sha256 = d->expert->info->content_sha256;
  options.evidence_paths = paths;
  options.language = d->japanese ? "ja" : "en";
  report = scs_report_render (workspace, &options, error);
  if (report == NULL)
    return FALSE;
  g_ptr_array_add (entries, scs_signed_entry_new ("declaration.xml", "application/xml", declaration));
  g_ptr_array_add (entries, scs_signed_entry_new ("report.pdf", "application/pdf", report));
  manifest = scs_package_add_manifest (SCS_SIGNATURE_ROLE_MANAGEMENT, entries);
  return sign_or_match (d, manifest, error) &&
         scs_signature_set_cms (workspace, SCS_SIGNATURE_ROLE_MANAGEMENT, d->cms, error) &&
         scs_signature_store_entries (workspace, SCS_SIGNATURE_ROLE_MANAGEMENT, entries, error);
}

/* Everything the declaration writes, inside the caller's transaction. */
static gboolean
record_declaration (Declaration   *d,
                    ScsWorkspace  *workspace,
                    GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GBytes) content = NULL;
  g_autoptr(GPtrArray) expert_entries = NULL;
  ScsSignedEntry *expert_manifest = NULL;
  gboolean old_format;

  /* inside the transaction: another process may have signed meanwhile */
  if (d->signer == NULL)
    {
      g_autoptr(GBytes) signed_before = scs_signature_dup_cms (workspace, SCS_SIGNATURE_ROLE_MANAGEMENT);

      if (signed_before != NULL)
        {
          g_set_error_literal (error, SCS_DECLARATION_ERROR, SCS_DECLARATION_ERROR_SIGNED,
                               _("Management has already signed the declaration of this round; an "
                                 "unsigned declaration cannot replace it (sign the new one, or start "
                                 "a new review round)"));
          return FALSE;
        }
    }
  /* two roles, two people: refused unless allowed */
  else if (!scs_signer_check_other_role (d->signer, workspace, SCS_SIGNATURE_ROLE_EXPERT, d->flags, error))
    return FALSE;
  expert_entries = scs_signature_dup_entries (workspace, SCS_SIGNATURE_ROLE_EXPERT);
  expert_manifest = scs_signed_entry_find (expert_entries, SCS_ASIC_MANIFEST_EXPERT);
  stmt = scs_db_prepare (workspace->db, workspace->path,
                         "INSERT OR REPLACE INTO review_declaration (assessment, name, title, date, text, "
                         "assessment_sha256, manifest_sha256, language) "
                         "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, workspace->assessment_id);
  scs_db_bind_text (stmt, 2, d->name);
  scs_db_bind_text (stmt, 3, d->title);
  scs_db_bind_text (stmt, 4, d->date);
  scs_db_bind_text (stmt, 5, d->text);
  scs_db_bind_text (stmt, 6, d->expert->info->content_sha256);
  scs_db_bind_text (stmt, 7, expert_manifest != NULL ? expert_manifest->sha256 : NULL);
  scs_db_bind_text (stmt, 8, expert_manifest != NULL ? (d->japanese ? "ja" : "en") : NULL);
  if (!scs_db_step_done (stmt, workspace->db, workspace->path, error))
    return FALSE;

  content = scs_declaration_render (workspace, error);
  if (content == NULL || !scs_attestation_validate (content, "declaration", error))
    return FALSE;
  /* the expert signed before signed manifests: the CMS covers the
   * declaration alone, as then (a final export asks for a new round) */
  old_format = d->signer != NULL && expert_manifest == NULL;
  if (old_format && !sign_or_match (d, content, error))
    return FALSE;
  return scs_signature_store (workspace, SCS_SIGNATURE_ROLE_MANAGEMENT, content, old_format ? d->cms : NULL,
                              d->signer, FALSE, d->signed_at, error) &&
         (d->signer == NULL || expert_manifest == NULL ||
          sign_manifest (d, workspace, content, expert_entries, error));
}

/**
 * scs_declaration_check_declarant:
 *
 * The declaration is management's word about its own organisation: the
 * expert who reviewed it (or anyone else) cannot give it for them. Fails
 * with SCS_REVIEW_ERROR_ROLE naming the profile and its role unless
 * @review's profile is management's.
 */
gboolean
scs_declaration_check_declarant (ScsReview  *review,
                                 GError    **error)
{
  ScsProfile *profile;

  g_return_val_if_fail (SCS_IS_REVIEW (review), FALSE);

  profile = scs_review_get_profile (review);
  if (scs_profile_get_role (profile) == SCS_ROLE_MANAGEMENT)
    return TRUE;
  g_set_error (error, SCS_REVIEW_ERROR, SCS_REVIEW_ERROR_ROLE,
               _("Only management makes the declaration; the profile ‘%s’ is %s (set the role to "
                 "management in the profile)"),
               scs_profile_get_name (profile) ? scs_profile_get_name (profile) : "",
               scs_role_get_label (scs_profile_get_role (profile)));
  return FALSE;
}

gboolean
scs_declaration_declare (ScsReview     *review,
                         const char    *name,
                         const char    *title,
                         const char    *text,
                         const char    *report_language,
                         ScsSigner     *signer,
                         const char    *ca_file,
                         ScsSignFlags   flags,
                         GError       **error)
{
  g_autoptr(ScsSignatureCheck) expert = NULL;
  g_autoptr(GError) local_error = NULL;
  /* Japan's calendar day: 05:59 JST on 7 December is the 7th. */
  g_autofree char *date = scs_i18n_japan_today ();
  g_autofree char *signed_at = scs_now_iso8601 ();
  Declaration d = { 0 };
  gboolean ok = FALSE;
  g_autofree char *clean_name = g_strstrip (g_strdup (name ? name : ""));
  g_autofree char *clean_title = g_strstrip (g_strdup (title ? title : ""));
  g_autofree char *default_text = NULL;
  gboolean was_japanese = scs_i18n_is_japanese ();
  gboolean japanese = was_japanese;
  ScsWorkspace *workspace;

  g_return_val_if_fail (SCS_IS_REVIEW (review), FALSE);

  workspace = scs_review_get_workspace (review);
  if (!scs_declaration_check_declarant (review, error))
    return FALSE;

  if (report_language != NULL)
    {
      if (!g_str_equal (report_language, "ja") && !g_str_equal (report_language, "en"))
        {
          g_set_error (error, SCS_DECLARATION_ERROR, SCS_DECLARATION_ERROR_INVALID,
                       _("Unknown report language ‘%s’: use ja or en"), report_language);
          return FALSE;
        }
      japanese = g_str_equal (report_language, "ja");
    }

  if (*clean_name == '\0' || *clean_title == '\0' ||
      !g_utf8_validate (clean_name, -1, NULL) || !g_utf8_validate (clean_title, -1, NULL))
    {
      g_set_error_literal (error, SCS_DECLARATION_ERROR, SCS_DECLARATION_ERROR_INVALID,
                           _("The declaration needs the declarant’s name and title"));
      return FALSE;
    }
  if (text == NULL || *text == '\0')
    {
      /* our text, in the report's language; a provider's declaration is
       * its disclosure pledge */
      scs_i18n_switch (japanese ? "ja" : "en");
      text = default_text = g_strdup (scs_workspace_get_workspace_type (workspace) == SCS_WORKSPACE_TYPE_PROVIDER
                                      ? scs_provider_get_pledge_text ()
                                      : scs_declaration_get_default_text ());
      scs_i18n_restore (was_japanese);
    }
  {
    const struct { const char *value; const char *label; ScsTextFlags flags; } texts[] = {
      { clean_name, N_("The declarant’s name"), SCS_TEXT_SINGLE_LINE },
      { clean_title, N_("The declarant’s title"), SCS_TEXT_SINGLE_LINE },
      { text, N_("The text of the declaration"), SCS_TEXT_MULTI_LINE },
    };

    for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
      if (!scs_text_validate (texts[i].value, _(texts[i].label), texts[i].flags, &local_error))
        {
          g_set_error_literal (error, SCS_DECLARATION_ERROR, SCS_DECLARATION_ERROR_INVALID,
                               local_error->message);
          return FALSE;
        }
  }

  expert = scs_signature_check (workspace, SCS_SIGNATURE_ROLE_EXPERT, NULL, &local_error);
  if (expert == NULL || !scs_signature_check_is_good (expert))
    {
      g_set_error (error, SCS_DECLARATION_ERROR, SCS_DECLARATION_ERROR_NOT_SIGNED,
                   _("Management declares after the expert has signed: %s"),
                   expert ? expert->problem : local_error->message);
      return FALSE;
    }

  if (signer != NULL)
    {
      g_autofree char *personal = NULL;

      if (!scs_signer_check_certificate (signer, ca_file, error))
        return FALSE;
      personal = scs_signer_dup_personal_data (signer);
      if (personal != NULL && !(flags & SCS_SIGN_FLAGS_ACCEPT_PERSONAL_DATA))
        {
          g_set_error (error, SCS_SIGNER_ERROR, SCS_SIGNER_ERROR_PERSONAL_DATA,
                       _("The signing certificate carries personal data (%s), which will be part of "
                         "the submission; confirm to sign with it anyway"), personal);
          return FALSE;
        }
    }

  d.name = clean_name;
  d.title = clean_title;
  d.text = text;
  d.date = date;
  d.signed_at = signed_at;
  d.japanese = japanese;
  d.signer = signer;
  d.flags = flags;
  d.expert = expert;
  if (!scs_workspace_begin (workspace, error))
    return FALSE;
  if (!record_declaration (&d, workspace, error))
    goto failed;
  if (signer != NULL && scs_signer_needs_network (signer))
    {
      g_autoptr(GBytes) stamped = NULL;

      /* The time-stamp authority is asked with no transaction open, so
       * other writers are not held up to its 30 s; then everything is
       * recorded again and must render to what was signed. */
      scs_workspace_rollback (workspace);
      stamped = scs_signer_complete (signer, d.cms, NULL, error);
      if (stamped == NULL || !scs_workspace_begin (workspace, error))
        goto done;
      g_bytes_unref (d.cms);
      d.cms = g_steal_pointer (&stamped);
      if (!record_declaration (&d, workspace, error))
        goto failed;
    }
  if (!scs_workspace_commit (workspace, error))
    goto failed;
  ok = TRUE;
  goto done;

failed:
  scs_workspace_rollback (workspace);
done:
  g_clear_pointer (&d.signed_bytes, g_bytes_unref);
  g_clear_pointer (&d.cms, g_bytes_unref);
  return ok;
}

/* Declaring on a worker thread ------------------------------------------- */

typedef struct
{
  char         *path;
  ScsProfile   *profile;
  char         *name;
  char         *title;
  char         *text;
  char         *report_language;
  ScsSigner    *signer;
  char         *ca_file;
  ScsSignFlags  flags;
} DeclareJob;

static void
declare_job_free (DeclareJob *job)
{
  g_free (job->path);
  g_clear_object (&job->profile);
  g_free (job->name);
  g_free (job->title);
  g_free (job->text);
  g_free (job->report_language);
  g_clear_object (&job->signer);
  g_free (job->ca_file);
  g_free (job);
}

static void
declare_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  DeclareJob *job = task_data;
  g_autoptr(ScsReview) review = NULL;
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;
  /* the caller's connection is the caller's thread's (docs/DESIGN.md, Threads) */
  review = scs_review_open_again (job->path, job->profile, &error);
  if (review == NULL ||
      !scs_declaration_declare (review, job->name, job->title, job->text, job->report_language,
                                job->signer, job->ca_file, job->flags, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
scs_declaration_declare_async (ScsReview           *review,
                               const char          *name,
                               const char          *title,
                               const char          *text,
                               const char          *report_language,
                               ScsSigner           *signer,
                               const char          *ca_file,
                               ScsSignFlags         flags,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  DeclareJob *job;

  g_return_if_fail (SCS_IS_REVIEW (review));
  g_return_if_fail (signer == NULL || SCS_IS_SIGNER (signer));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, scs_declaration_declare_async);
  job = g_new0 (DeclareJob, 1);
  job->path = g_strdup (scs_workspace_get_path (scs_review_get_workspace (review)));
  job->profile = g_object_ref (scs_review_get_profile (review));
  job->name = g_strdup (name);
  job->title = g_strdup (title);
  job->text = g_strdup (text);
  job->report_language = g_strdup (report_language);
  job->signer = signer != NULL ? g_object_ref (signer) : NULL;
  job->ca_file = g_strdup (ca_file);
  job->flags = flags;
  g_task_set_task_data (task, job, (GDestroyNotify) declare_job_free);
  g_task_run_in_thread (task, declare_thread);
}

gboolean
scs_declaration_declare_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
