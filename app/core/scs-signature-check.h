/* scs-signature-check.h: the stored signatures checked against the workspace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "scs-cms.h"
#include "scs-signature.h"
#include "scs-workspace.h"

G_BEGIN_DECLS

/* What in the workspace no longer matches the signed entries of @role, as
 * sorted strings naming it ("criterion 1-1-1-1: note", "scope.xml",
 * "catalog.xml", "evidence/policy.pdf", "declaration.xml"); empty when all
 * matches. @with_evidence: also hash every evidence blob the entries name
 * (the assessment already carries the hashes of linked evidence). */
GPtrArray        *scs_signature_list_changes       (ScsWorkspace     *workspace,
                                                    ScsSignatureRole  role,
                                                    gboolean          with_evidence,
                                                    GError          **error);

/* The result of checking a stored signature against the workspace. */
typedef struct
{
  ScsSignatureRole  role;
  gboolean          has_cms;          /* FALSE: an unsigned declaration */
  gboolean          signature_valid;  /* the CMS verifies over the stored bytes */
  gboolean          content_matches;  /* rendering the workspace again gives the same bytes */
  GPtrArray        *changes;          /* of char*: what differs ("criterion 1-1-1-1: note") */
  char             *signer_subject;   /* from the signer's certificate */
  char             *problem;          /* translated, NULL when all is well */
  gboolean          seal_missing;     /* the expert's, signed, lost its seal: tampering */
  ScsSignatureInfo *info;
  /* What the CMS says (signer, trust, times, level); NULL when unsigned. */
  ScsCmsVerification *verification;
} ScsSignatureCheck;

void scs_signature_check_free (ScsSignatureCheck *check);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScsSignatureCheck, scs_signature_check_free)

/* NULL with SCS_SIGNATURE_ERROR_UNSIGNED when there is nothing of @role.
 * @ca_file (PEM) optional: the signer must chain to it. */
ScsSignatureCheck *scs_signature_check             (ScsWorkspace     *workspace,
                                                    ScsSignatureRole  role,
                                                    const char       *ca_file,
                                                    GError          **error);
/* Same with any number of trusted CAs (NULL or empty: signer not verified). */
ScsSignatureCheck *scs_signature_check_with_anchors (ScsWorkspace    *workspace,
                                                    ScsSignatureRole role,
                                                    ScsTrustAnchors *anchors,
                                                    GError         **error);
/* scs_signature_check_with_anchors () on a worker thread with a
 * connection of its own (it renders the assessment and hashes every
 * evidence file): @anchors (may be NULL) must not change meanwhile. */
void               scs_signature_check_async       (ScsWorkspace        *workspace,
                                                    ScsSignatureRole     role,
                                                    ScsTrustAnchors     *anchors,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
ScsSignatureCheck *scs_signature_check_finish      (GAsyncResult        *result,
                                                    GError             **error);
gboolean           scs_signature_check_is_good     (const ScsSignatureCheck *check);

/* Verifies a detached CMS over @content (scs_cms_verify_detached()); with
 * @ca_file the signer must chain to it. Returns the signer's DN, read from
 * its certificate, in @signer_subject. */
gboolean     scs_cms_verify                 (GBytes            *cms,
                                             GBytes            *content,
                                             const char        *ca_file,
                                             char             **signer_subject,
                                             GError           **error);

G_END_DECLS
