/* scs-signature-check.c: the stored signatures checked against the workspace
 *
 * A stored signature (scs-signature.c) is checked twice: the CMS must
 * verify over the stored bytes (its ASiCManifest since signed manifests),
 * and rendering the workspace again must give the same bytes — if not,
 * someone changed the attested content after signing (through a tool that
 * bypassed the seal triggers, scs-seal.h), and the differences are listed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "scs-signature-check.h"

#include <glib/gi18n-lib.h>

#include "scs-attestation.h"
#include "scs-declaration.h"
#include "scs-package-manifest.h"
#include "scs-provider.h"
#include "scs-scope.h"
#include "scs-seal.h"
#include "scs-sha256.h"
#include "scs-workspace-private.h"

void
scs_signature_check_free (ScsSignatureCheck *check)
{
  if (check == NULL)
    return;
  g_clear_pointer (&check->changes, g_ptr_array_unref);
  g_free (check->signer_subject);
  g_free (check->problem);
  scs_signature_info_free (check->info);
  scs_cms_verification_free (check->verification);
  g_free (check);
}

static const char *
manifest_path (ScsSignatureRole role)
{
  return role == SCS_SIGNATURE_ROLE_EXPERT ? SCS_ASIC_MANIFEST_EXPERT : SCS_ASIC_MANIFEST_MANAGEMENT;
}

/* SCS_SIGNATURE_ERROR_UNSIGNED: @role has not signed @workspace. */
static void
set_unsigned (GError           **error,
              ScsWorkspace      *workspace,
              ScsSignatureRole   role)
{
  g_set_error (error, SCS_SIGNATURE_ERROR, SCS_SIGNATURE_ERROR_UNSIGNED,
               role == SCS_SIGNATURE_ROLE_EXPERT
               ? _("The assessment in ‘%s’ is not signed by an expert")
               : _("The workspace ‘%s’ has no management declaration"),
               scs_workspace_get_path (workspace));
}

/* Stored bytes against fresh ones; both may be NULL (no scope). */
static void
compare_entry (GPtrArray  *changes,
               GPtrArray  *entries,
               const char *path,
               GBytes     *current)
{
  ScsSignedEntry *entry = scs_signed_entry_find (entries, path);

  if ((entry == NULL) != (current == NULL) ||
      (entry != NULL && (entry->data == NULL || !g_bytes_equal (entry->data, current))))
    g_ptr_array_add (changes, g_strdup (path));
}

GPtrArray *
scs_signature_list_changes (ScsWorkspace      *workspace,
                            ScsSignatureRole   role,
                            gboolean           with_evidence,
                            GError           **error)
{
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GBytes) content = NULL;
  g_autoptr(GBytes) current = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (SCS_IS_WORKSPACE (workspace), NULL);

  content = scs_signature_dup_content (workspace, role);
  if (content == NULL)
    {
      set_unsigned (error, workspace, role);
      return NULL;
    }
  /* in the format the expert signed (older signatures: format 1) */
  current = role == SCS_SIGNATURE_ROLE_EXPERT ? scs_attestation_render_like (workspace, content, error)
                                              : scs_declaration_render (workspace, error);
  if (current == NULL)
    return NULL;
  if (!g_bytes_equal (current, content))
    {
      if (role == SCS_SIGNATURE_ROLE_EXPERT)
        {
          g_autoptr(GPtrArray) diff = scs_attestation_diff (content, current);

          for (guint i = 0; i < diff->len; i++)
            g_ptr_array_add (changes, g_strdup (diff->pdata[i]));
          if (diff->len == 0)
            g_ptr_array_add (changes, g_strdup ("assessment.xml"));
        }
      else
        g_ptr_array_add (changes, g_strdup ("declaration.xml"));
    }

  entries = scs_signature_dup_entries (workspace, role);
  if (entries != NULL && role == SCS_SIGNATURE_ROLE_EXPERT)
    {
      g_autoptr(GBytes) scope = scs_scope_render_xml (workspace, &local_error);
      g_autoptr(GBytes) provider = NULL;

      if (local_error == NULL)
        provider = scs_provider_render_xml (workspace, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return NULL;
        }
      compare_entry (changes, entries, "assessment.xml", content);
      compare_entry (changes, entries, "scope.xml", scope);
      compare_entry (changes, entries, "provider.xml", provider);
      compare_entry (changes, entries, "catalog.xml",
                     scs_catalog_get_bytes (scs_workspace_get_catalog (workspace)));
      for (guint i = 0; with_evidence && i < entries->len; i++)
        {
          ScsSignedEntry *entry = g_ptr_array_index (entries, i);
          g_autofree char *sha = NULL;

          if (entry->data != NULL)
            continue;
          /* read in pieces: memory stays bounded whatever the evidence size */
          sha = scs_workspace_hash_evidence (workspace, entry->sha256, NULL, NULL, NULL);
          if (g_strcmp0 (sha, entry->sha256) != 0)
            g_ptr_array_add (changes, g_strdup (entry->path));
        }
    }
  else if (entries != NULL)
    compare_entry (changes, entries, "declaration.xml", content);

  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      ScsSignedEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *sha = entry->data != NULL ? scs_sha256_hex_bytes (entry->data) : NULL;

      /* stored bytes that no longer hash to their manifest value */
      if (sha != NULL && !g_str_equal (sha, entry->sha256))
        g_ptr_array_add (changes, g_strdup (entry->path));
    }
  if (entries != NULL)
    {
      /* the manifest must be exactly the one the entries give */
      g_autoptr(GPtrArray) listed = g_ptr_array_new ();
      ScsSignedEntry *manifest = scs_signed_entry_find (entries, manifest_path (role));
      g_autoptr(GBytes) rendered = NULL;

      for (guint i = 0; i < entries->len; i++)
        if (entries->pdata[i] != manifest)
          g_ptr_array_add (listed, entries->pdata[i]);
      rendered = scs_package_render_manifest (role, listed);
      if (manifest == NULL || manifest->data == NULL || !g_bytes_equal (rendered, manifest->data))
        g_ptr_array_add (changes, g_strdup (manifest_path (role)));
    }

  g_ptr_array_sort (changes, (GCompareFunc) g_ascii_strcasecmp);
  return g_steal_pointer (&changes);
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
  g_autoptr(ScsTrustAnchors) anchors = NULL;

  g_return_val_if_fail (SCS_IS_WORKSPACE (workspace), NULL);

  if (ca_file != NULL)
    {
      anchors = scs_trust_anchors_new ();
      if (!scs_trust_anchors_add_file (anchors, ca_file, error))
        return NULL;
    }
  return scs_signature_check_with_anchors (workspace, role, anchors, error);
}

ScsSignatureCheck *
scs_signature_check_with_anchors (ScsWorkspace     *workspace,
                                  ScsSignatureRole  role,
                                  ScsTrustAnchors  *anchors,
                                  GError          **error)
{
  g_autoptr(ScsSignatureCheck) check = g_new0 (ScsSignatureCheck, 1);
  g_autoptr(GBytes) content = NULL;
  g_autoptr(GBytes) cms = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (SCS_IS_WORKSPACE (workspace), NULL);

  check->role = role;
  check->info = scs_signature_dup_info (workspace, role);
  content = scs_signature_dup_content (workspace, role);
  if (check->info == NULL || content == NULL)
    {
      set_unsigned (error, workspace, role);
      return NULL;
    }

  cms = scs_signature_dup_cms (workspace, role);
  check->has_cms = cms != NULL;
  /* since signed manifests, the CMS covers the ASiCManifest, which
   * references the content (checked with the other entries below) */
  entries = scs_signature_dup_entries (workspace, role);
  if (cms != NULL)
    {
      ScsSignedEntry *manifest = scs_signed_entry_find (entries, manifest_path (role));

      check->verification = scs_cms_verify_detached (cms, manifest != NULL && manifest->data != NULL
                                                          ? manifest->data : content,
                                                     anchors, NULL, NULL);
      check->signer_subject = g_strdup (check->verification->subject);
      check->signature_valid = scs_cms_verification_is_good (check->verification);
      if (!check->signature_valid)
        check->problem = g_strdup (check->verification->problem);
    }

  check->changes = scs_signature_list_changes (workspace, role, FALSE, &local_error);
  if (check->changes == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  check->content_matches = check->changes->len == 0;

  if (check->problem == NULL && role == SCS_SIGNATURE_ROLE_EXPERT &&
      scs_workspace_seal_is_missing (workspace))
    {
      g_autoptr(GError) missing = NULL;

      scs_seal_set_missing_error (&missing);
      check->problem = g_strdup (missing->message);
      check->seal_missing = TRUE;
    }

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

gboolean
scs_cms_verify (GBytes      *cms,
                GBytes      *content,
                const char  *ca_file,
                char       **signer_subject,
                GError     **error)
{
  g_autoptr(ScsTrustAnchors) anchors = NULL;
  g_autoptr(ScsCmsVerification) verification = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (cms != NULL && content != NULL, FALSE);

  if (ca_file != NULL)
    {
      anchors = scs_trust_anchors_new ();
      if (!scs_trust_anchors_add_file (anchors, ca_file, &local_error))
        {
          g_set_error_literal (error, SCS_SIGNATURE_ERROR, SCS_SIGNATURE_ERROR_INVALID,
                               local_error->message);
          return FALSE;
        }
    }
  verification = scs_cms_verify_detached (cms, content, anchors, NULL, NULL);
  if (signer_subject != NULL)
    *signer_subject = g_strdup (verification->subject);
  if (!scs_cms_verification_is_good (verification))
    {
      g_set_error_literal (error, SCS_SIGNATURE_ERROR, SCS_SIGNATURE_ERROR_INVALID,
                           verification->problem);
      return FALSE;
    }
  return TRUE;
}

/* Checking on a worker thread -------------------------------------------- */

typedef struct
{
  char             *path;
  ScsSignatureRole  role;
  ScsTrustAnchors  *anchors;
} CheckJob;

static void
check_job_free (CheckJob *job)
{
  g_free (job->path);
  g_clear_object (&job->anchors);
  g_free (job);
}

static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  CheckJob *job = task_data;
  g_autoptr(ScsWorkspace) workspace = NULL;
  ScsSignatureCheck *check = NULL;
  GError *error = NULL;

  /* a connection of this thread's own (docs/DESIGN.md, Threads) */
  workspace = scs_workspace_open_again (job->path, &error);
  if (workspace != NULL)
    check = scs_signature_check_with_anchors (workspace, job->role, job->anchors, &error);
  if (check == NULL)
    g_task_return_error (task, error);
  else if (!g_task_return_error_if_cancelled (task))
    g_task_return_pointer (task, check, (GDestroyNotify) scs_signature_check_free);
  else
    scs_signature_check_free (check);
}

void
scs_signature_check_async (ScsWorkspace        *workspace,
                           ScsSignatureRole     role,
                           ScsTrustAnchors     *anchors,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  CheckJob *job;

  g_return_if_fail (SCS_IS_WORKSPACE (workspace));
  g_return_if_fail (anchors == NULL || SCS_IS_TRUST_ANCHORS (anchors));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, scs_signature_check_async);
  job = g_new0 (CheckJob, 1);
  job->path = g_strdup (scs_workspace_get_path (workspace));
  job->role = role;
  job->anchors = anchors != NULL ? g_object_ref (anchors) : NULL;
  g_task_set_task_data (task, job, (GDestroyNotify) check_job_free);
  g_task_run_in_thread (task, check_thread);
}

/**
 * scs_signature_check_finish:
 *
 * Returns: (transfer full): the check, or %NULL with @error set
 *   (%G_IO_ERROR_CANCELLED when cancelled).
 */
ScsSignatureCheck *
scs_signature_check_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
