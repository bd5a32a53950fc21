/* scs-signoff.h: the sign-off workflow (the expert signs, management declares)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "scs-review.h"
#include "scs-signature.h"
#include "scs-signer.h"
#include "scs-workspace.h"

G_BEGIN_DECLS

/* What the signer confirmed before signing. */
typedef enum
{
  SCS_SIGN_FLAGS_NONE                 = 0,
  SCS_SIGN_FLAGS_ACCEPT_PERSONAL_DATA = 1 << 0,  /* sign although the certificate carries personal data */
  SCS_SIGN_FLAGS_ALLOW_SAME_SIGNER    = 1 << 1,  /* sign although it signed the other role */
} ScsSignFlags;

/* Checks the certificate, the review (complete) and the profile (an expert
 * with a qualification), records the expert identity, renders the
 * attestation, signs it, stores the signature and seals the assessment, all
 * in one transaction. @flags must have SCS_SIGN_FLAGS_ACCEPT_PERSONAL_DATA
 * when the certificate carries personal data, and
 * SCS_SIGN_FLAGS_ALLOW_SAME_SIGNER when it signed management's declaration
 * (SCS_SIGNER_ERROR_SAME_SIGNER otherwise). With a TSA the request runs
 * with no transaction open; the transaction that stores the signature then
 * renders everything again and refuses (SCS_SIGNER_ERROR_CHANGED) when
 * what was signed no longer matches the workspace. */
gboolean scs_signoff_sign_assessment  (ScsSigner         *self,
                                       ScsReview         *review,
                                       const char        *ca_file,
                                       ScsSignFlags       flags,
                                       GError           **error);
/* The two-person rule: refuses (SCS_SIGNER_ERROR_SAME_SIGNER) when @self's
 * certificate made the signature of role @other in @workspace, unless
 * @flags allow it. */
gboolean scs_signoff_check_other_role (ScsSigner         *self,
                                       ScsWorkspace      *workspace,
                                       ScsSignatureRole   other,
                                       ScsSignFlags       flags,
                                       GError           **error);

/* Records the declaration over the SHA-256 of the expert-signed
 * assessment.xml and the expert's ASiCManifest, the organisation, level
 * and catalog, optionally signed with @signer: then report.pdf is rendered
 * in @report_language ("ja" or "en"; NULL: the current language; recorded
 * in the declaration, and the default text is in it too; the process
 * language is switched for that rendering only, see scs_i18n_init ())
 * and the CMS covers management's ASiCManifest (scs-package-manifest.h). @text
 * NULL: the default text. One transaction; replaces an earlier declaration
 * of this round, but an unsigned one never replaces a signed one
 * (SCS_DECLARATION_ERROR_SIGNED). Only a management profile declares
 * (@review's profile; SCS_REVIEW_ERROR_ROLE otherwise). @flags as for
 * scs_signoff_sign_assessment(): a certificate that signed as the expert is
 * refused (SCS_SIGNER_ERROR_SAME_SIGNER) unless
 * SCS_SIGN_FLAGS_ALLOW_SAME_SIGNER is given. */
gboolean scs_signoff_declare          (ScsReview         *review,
                                       const char        *name,
                                       const char        *title,
                                       const char        *text,
                                       const char        *report_language,
                                       ScsSigner         *signer,
                                       const char        *ca_file,
                                       ScsSignFlags       flags,
                                       GError           **error);
/* Only a management profile declares: SCS_REVIEW_ERROR_ROLE otherwise. */
gboolean scs_signoff_check_declarant  (ScsReview         *review,
                                       GError           **error);

G_END_DECLS
