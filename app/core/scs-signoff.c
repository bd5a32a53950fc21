/* scs-signoff.c: the sign-off workflow (the expert signs, management declares)
 *
 * Signing an assessment checks the profile (an expert with a
 * qualification), the certificate and the review (complete), records the
 * expert's identity, renders the attestation (scs-attestation.c), builds
 * the expert's ASiCManifest over it and everything it references
 * (scs-package-manifest.c), signs it (scs-signer.c), stores the signature
 * (scs-signature.c) and seals the assessment (scs-seal.h), all in one
 * transaction. Management's declaration (scs-declaration.c renders it) is
 * recorded the same way, optionally signed over management's manifest. A
 * time-stamp authority or OCSP responder is asked with no transaction
 * open; everything is then rendered again in the storing transaction and
 * must be what was signed. Two roles, two people: a certificate that
 * signed one role is refused for the other unless the user confirms.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "scs-signoff.h"

#include <glib/gi18n-lib.h>

#include "scs-attestation.h"
#include "scs-date.h"
#include "scs-db.h"
#include "scs-declaration.h"
#include "scs-i18n.h"
#include "scs-package-manifest.h"
#include "scs-provider.h"
#include "scs-report.h"
#include "scs-sha256.h"
#include "scs-signature-check.h"
#include "scs-text.h"
#include "scs-workspace-private.h"

gboolean
scs_signoff_check_other_role (ScsSigner         *self,
                              ScsWorkspace      *workspace,
                              ScsSignatureRole   other,
                              ScsSignFlags       flags,
                              GError           **error)
{
  g_autoptr(GBytes) cms = NULL;
  g_autoptr(GBytes) content = NULL;
  g_autofree char *subject = NULL;

  g_return_val_if_fail (SCS_IS_SIGNER (self), FALSE);
  g_return_val_if_fail (SCS_IS_WORKSPACE (workspace), FALSE);

  if (flags & SCS_SIGN_FLAGS_ALLOW_SAME_SIGNER)
    return TRUE;
  cms = scs_signature_dup_cms (workspace, other);
  content = scs_signature_dup_signed_content (workspace, other);
  if (!scs_signer_signed (self, cms, content))
    return TRUE;
  subject = scs_signer_dup_subject (self);
  g_set_error (error, SCS_SIGNER_ERROR, SCS_SIGNER_ERROR_SAME_SIGNER,
               other == SCS_SIGNATURE_ROLE_EXPERT
               ? _("The certificate ‘%s’ already signed the assessment as the expert; management "
                   "should sign with its own certificate")
               : _("The certificate ‘%s’ already signed the declaration as management; the expert "
                   "should sign with their own certificate"),
               subject);
  return FALSE;
}

/* Before signing with @signer: its certificate valid (against @ca_file
 * when given), and personal data in it only when @flags accept it. */
static gboolean
check_signer (ScsSigner     *signer,
              const char    *ca_file,
              ScsSignFlags   flags,
              GError       **error)
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
  return TRUE;
}

/* Inside the signing transaction: the expert's identity recorded, the
 * attestation rendered and the expert's ASiCManifest built over it and
 * everything it references (the bytes to sign, a new reference). */
static GBytes *
prepare_assessment (ScsSigner                   *self,
                    ScsWorkspace                *ws,
                    const ScsAttestationExpert  *expert,
                    ScsSignFlags                 flags,
                    GBytes                     **content,
                    GPtrArray                  **entries,
                    GError                     **error)
{
  /* management may have signed meanwhile */
  if (!scs_signoff_check_other_role (self, ws, SCS_SIGNATURE_ROLE_MANAGEMENT, flags, error) ||
      !scs_attestation_set_expert (ws, expert, error))
    return NULL;
  *content = scs_attestation_render (ws, error);
  if (*content == NULL || !scs_attestation_validate (*content, "assessment", error))
    return NULL;
  /* The CMS covers the expert's ASiCManifest, which references the
   * assessment, scope, catalog and every evidence file by SHA-256; the
   * entries are stored so the package is assembled from these bytes. */
  *entries = scs_package_expert_entries (ws, *content, error);
  if (*entries == NULL)
    return NULL;
  return g_bytes_ref (scs_package_add_manifest (SCS_SIGNATURE_ROLE_EXPERT, *entries));
}

gboolean
scs_signoff_sign_assessment (ScsSigner     *self,
                             ScsReview     *review,
                             const char    *ca_file,
                             ScsSignFlags   flags,
                             GError       **error)
{
  g_auto(ScsDbTransaction) txn = SCS_DB_TRANSACTION_INIT;
  ScsWorkspace *ws;
  ScsProfile *profile;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autoptr(GBytes) content = NULL;
  g_autoptr(GBytes) cms = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GBytes) manifest = NULL;
  ScsAttestationExpert expert = { 0 };

  g_return_val_if_fail (SCS_IS_SIGNER (self), FALSE);
  g_return_val_if_fail (SCS_IS_REVIEW (review), FALSE);

  ws = scs_review_get_workspace (review);
  profile = scs_review_get_profile (review);

  if (scs_profile_get_role (profile) != SCS_ROLE_EXPERT)
    {
      g_set_error (error, SCS_REVIEW_ERROR, SCS_REVIEW_ERROR_ROLE,
                   _("Only the expert signs the assessment; the profile ‘%s’ is %s"),
                   scs_profile_get_name (profile) ? scs_profile_get_name (profile) : "",
                   scs_role_get_label (scs_profile_get_role (profile)));
      return FALSE;
    }
  if (!scs_profile_validate (profile, error))
    return FALSE;
  if (scs_profile_get_qualification (profile) == SCS_QUALIFICATION_NONE)
    {
      g_set_error_literal (error, SCS_REVIEW_ERROR, SCS_REVIEW_ERROR_ROLE,
                           _("The expert profile has no qualification; set it before signing"));
      return FALSE;
    }
  if (!scs_profile_check_training (profile, error))
    return FALSE;
  if (scs_review_is_sealed (ws))
    {
      g_set_error_literal (error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_SEALED,
                           _("The assessment is already signed; start a new round to sign again"));
      return FALSE;
    }
  if (!scs_review_check_complete (review, error) ||
      !check_signer (self, ca_file, flags, error))
    return FALSE;

  expert.name = scs_profile_get_name (profile);
  expert.organization = scs_profile_get_organization (profile);
  expert.qualification = scs_qualification_to_string (scs_profile_get_qualification (profile));
  expert.registration = scs_profile_get_registration (profile);
  expert.training_date = scs_profile_get_training_date (profile);
  expert.date = date;

  /* before any slow work, and again inside each transaction */
  if (!scs_signoff_check_other_role (self, ws, SCS_SIGNATURE_ROLE_MANAGEMENT, flags, error))
    return FALSE;

  if (!scs_workspace_transaction_begin (ws, &txn, error))
    return FALSE;
  manifest = prepare_assessment (self, ws, &expert, flags, &content, &entries, error);
  if (manifest == NULL)
    return FALSE;
  cms = scs_signer_sign_offline (self, manifest, error);
  if (cms == NULL)
    return FALSE;
  if (scs_signer_needs_network (self))
    {
      g_autoptr(GBytes) stamped = NULL;
      g_autoptr(GBytes) again = NULL;

      /* The time-stamp authority is asked with no transaction open, so
       * other writers are not held up to its 30 s; then everything is
       * rendered again in the storing transaction and must be what was
       * signed. */
      scs_db_transaction_rollback (&txn);
      stamped = scs_signer_complete (self, cms, NULL, error);
      if (stamped == NULL || !scs_workspace_transaction_begin (ws, &txn, error))
        return FALSE;
      if (scs_review_is_sealed (ws))
        {
          g_set_error_literal (error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_SEALED,
                               _("The assessment was signed elsewhere while the time stamp was fetched"));
          return FALSE;
        }
      g_clear_pointer (&entries, g_ptr_array_unref);
      g_clear_pointer (&content, g_bytes_unref);
      again = prepare_assessment (self, ws, &expert, flags, &content, &entries, error);
      if (again == NULL)
        return FALSE;
      if (!g_bytes_equal (again, manifest))
        {
          g_set_error_literal (error, SCS_SIGNER_ERROR, SCS_SIGNER_ERROR_CHANGED,
                               _("The workspace changed while the time stamp was fetched; nothing was "
                                 "signed, sign again"));
          return FALSE;
        }
      g_bytes_unref (cms);
      cms = g_steal_pointer (&stamped);
    }
  if (!scs_signature_store (ws, SCS_SIGNATURE_ROLE_EXPERT, content, cms, self, TRUE, NULL, error) ||
      !scs_signature_store_entries (ws, SCS_SIGNATURE_ROLE_EXPERT, entries, error) ||
      !scs_db_transaction_commit (&txn, error))
    return FALSE;

  return TRUE;
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
  else if (!scs_signoff_check_other_role (d->signer, workspace, SCS_SIGNATURE_ROLE_EXPERT, d->flags, error))
    return FALSE;
  expert_entries = scs_signature_dup_entries (workspace, SCS_SIGNATURE_ROLE_EXPERT);
  expert_manifest = scs_signed_entry_find (expert_entries, SCS_ASIC_MANIFEST_EXPERT);
  if (!scs_declaration_store (workspace, d->name, d->title, d->date, d->text,
                              d->expert->info->content_sha256,
                              expert_manifest != NULL ? expert_manifest->sha256 : NULL,
                              expert_manifest != NULL ? (d->japanese ? "ja" : "en") : NULL, error))
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

/* Records @d in one transaction. The time-stamp authority is asked with
 * no transaction open, so other writers are not held up to its 30 s; then
 * everything is recorded again and must render to what was signed. */
static gboolean
record_in_transaction (Declaration   *d,
                       ScsWorkspace  *workspace,
                       GError       **error)
{
  g_auto(ScsDbTransaction) txn = SCS_DB_TRANSACTION_INIT;

  if (!scs_workspace_transaction_begin (workspace, &txn, error) ||
      !record_declaration (d, workspace, error))
    return FALSE;
  if (d->signer != NULL && scs_signer_needs_network (d->signer))
    {
      g_autoptr(GBytes) stamped = NULL;

      scs_db_transaction_rollback (&txn);
      stamped = scs_signer_complete (d->signer, d->cms, NULL, error);
      if (stamped == NULL || !scs_workspace_transaction_begin (workspace, &txn, error))
        return FALSE;
      g_bytes_unref (d->cms);
      d->cms = g_steal_pointer (&stamped);
      if (!record_declaration (d, workspace, error))
        return FALSE;
    }
  return scs_db_transaction_commit (&txn, error);
}

/**
 * scs_signoff_check_declarant:
 *
 * The declaration is management's word about its own organisation: the
 * expert who reviewed it (or anyone else) cannot give it for them. Fails
 * with SCS_REVIEW_ERROR_ROLE naming the profile and its role unless
 * @review's profile is management's.
 */
gboolean
scs_signoff_check_declarant (ScsReview  *review,
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
scs_signoff_declare (ScsReview     *review,
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
  g_autofree char *date = scs_date_today_iso (SCS_DATE_ZONE_JAPAN);
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
  if (!scs_signoff_check_declarant (review, error))
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
      if (!scs_text_validate_as (texts[i].value, _(texts[i].label), texts[i].flags,
                                 SCS_DECLARATION_ERROR, SCS_DECLARATION_ERROR_INVALID, error))
        return FALSE;
  }

  expert = scs_signature_check (workspace, SCS_SIGNATURE_ROLE_EXPERT, NULL, &local_error);
  if (expert == NULL || !scs_signature_check_is_good (expert))
    {
      g_set_error (error, SCS_DECLARATION_ERROR, SCS_DECLARATION_ERROR_NOT_SIGNED,
                   _("Management declares after the expert has signed: %s"),
                   expert ? expert->problem : local_error->message);
      return FALSE;
    }

  if (signer != NULL && !check_signer (signer, ca_file, flags, error))
    return FALSE;

  d.name = clean_name;
  d.title = clean_title;
  d.text = text;
  d.date = date;
  d.signed_at = signed_at;
  d.japanese = japanese;
  d.signer = signer;
  d.flags = flags;
  d.expert = expert;
  ok = record_in_transaction (&d, workspace, error);
  g_clear_pointer (&d.signed_bytes, g_bytes_unref);
  g_clear_pointer (&d.cms, g_bytes_unref);
  return ok;
}

/* Signing and declaring on a worker thread -------------------------------- */

typedef struct
{
  char         *path;
  ScsProfile   *profile;
  ScsSigner    *signer;
  char         *ca_file;
  ScsSignFlags  flags;
  gboolean      declare;
  /* the declaration's */
  char         *name;
  char         *title;
  char         *text;
  char         *report_language;
} SignoffJob;

static void
signoff_job_free (SignoffJob *job)
{
  g_free (job->path);
  g_clear_object (&job->profile);
  g_clear_object (&job->signer);
  g_free (job->ca_file);
  g_free (job->name);
  g_free (job->title);
  g_free (job->text);
  g_free (job->report_language);
  g_free (job);
}

static void
signoff_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  SignoffJob *job = task_data;
  g_autoptr(ScsReview) review = NULL;
  GError *error = NULL;
  gboolean ok;

  if (g_task_return_error_if_cancelled (task))
    return;
  /* the caller's connection is the caller's thread's (docs/DESIGN.md, Threads) */
  review = scs_review_open_again (job->path, job->profile, &error);
  ok = review != NULL &&
       (job->declare ? scs_signoff_declare (review, job->name, job->title, job->text, job->report_language,
                                            job->signer, job->ca_file, job->flags, &error)
                     : scs_signoff_sign_assessment (job->signer, review, job->ca_file, job->flags, &error));
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* Runs @job on a worker thread for @task, which takes it. */
static void
signoff_run (GTask        *task,
             SignoffJob   *job,
             ScsReview    *review,
             ScsSigner    *signer,
             const char   *ca_file,
             ScsSignFlags  flags)
{
  job->path = g_strdup (scs_workspace_get_path (scs_review_get_workspace (review)));
  job->profile = g_object_ref (scs_review_get_profile (review));
  job->signer = signer != NULL ? g_object_ref (signer) : NULL;
  job->ca_file = g_strdup (ca_file);
  job->flags = flags;
  g_task_set_task_data (task, job, (GDestroyNotify) signoff_job_free);
  g_task_run_in_thread (task, signoff_thread);
}

void
scs_signoff_sign_assessment_async (ScsSigner           *self,
                                   ScsReview           *review,
                                   const char          *ca_file,
                                   ScsSignFlags         flags,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SCS_IS_SIGNER (self));
  g_return_if_fail (SCS_IS_REVIEW (review));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, scs_signoff_sign_assessment_async);
  signoff_run (task, g_new0 (SignoffJob, 1), review, self, ca_file, flags);
}

gboolean
scs_signoff_sign_assessment_finish (ScsSigner     *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
scs_signoff_declare_async (ScsReview           *review,
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
  SignoffJob *job;

  g_return_if_fail (SCS_IS_REVIEW (review));
  g_return_if_fail (signer == NULL || SCS_IS_SIGNER (signer));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, scs_signoff_declare_async);
  job = g_new0 (SignoffJob, 1);
  job->declare = TRUE;
  job->name = g_strdup (name);
  job->title = g_strdup (title);
  job->text = g_strdup (text);
  job->report_language = g_strdup (report_language);
  signoff_run (task, job, review, signer, ca_file, flags);
}

gboolean
scs_signoff_declare_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
