/* scs-declaration.h: management's self-declaration of conformity
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "scs-review.h"
#include "scs-signer.h"
#include "scs-workspace.h"

G_BEGIN_DECLS

#define SCS_DECLARATION_ERROR (scs_declaration_error_quark ())

typedef enum
{
  SCS_DECLARATION_ERROR_INVALID,     /* no name or title */
  SCS_DECLARATION_ERROR_NOT_SIGNED,  /* the expert has not signed (a valid signature) */
  SCS_DECLARATION_ERROR_SIGNED,      /* an unsigned declaration would replace a signed one */
} ScsDeclarationError;

GQuark scs_declaration_error_quark (void);

#define SCS_DECLARATION_NAMESPACE "urn:jp-scsworkbench:declaration:1"

/* Our declaration text, translated. */
const char *scs_declaration_get_default_text      (void);

/* Records the declaration over the SHA-256 of the expert-signed
 * assessment.xml and the expert's ASiCManifest, the organisation, level
 * and catalog, optionally signed with @signer: then report.pdf is rendered
 * in @report_language ("ja" or "en"; NULL: the current language; recorded
 * in the declaration, and the default text is in it too; the process
 * language is switched for that rendering only, see scs_i18n_init ())
 * and the CMS covers management's ASiCManifest (scs-package.h). @text
 * NULL: the default text. One transaction; replaces an earlier declaration
 * of this round, but an unsigned one never replaces a signed one
 * (SCS_DECLARATION_ERROR_SIGNED). Only a management profile declares
 * (@review's profile; SCS_REVIEW_ERROR_ROLE otherwise). @flags as for
 * scs_signer_sign_assessment(): a certificate that signed as the expert is
 * refused (SCS_SIGNER_ERROR_SAME_SIGNER) unless
 * SCS_SIGN_FLAGS_ALLOW_SAME_SIGNER is given. */
gboolean    scs_declaration_declare               (ScsReview     *review,
                                                   const char    *name,
                                                   const char    *title,
                                                   const char    *text,
                                                   const char    *report_language,
                                                   ScsSigner     *signer,
                                                   const char    *ca_file,
                                                   ScsSignFlags   flags,
                                                   GError       **error);
/* The same on a worker thread with a connection and review of its own
 * (docs/DESIGN.md, Threads). Cancelling stops it only before it starts. */
void        scs_declaration_declare_async         (ScsReview           *review,
                                                   const char          *name,
                                                   const char          *title,
                                                   const char          *text,
                                                   const char          *report_language,
                                                   ScsSigner           *signer,
                                                   const char          *ca_file,
                                                   ScsSignFlags         flags,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
gboolean    scs_declaration_declare_finish        (GAsyncResult        *result,
                                                   GError             **error);
/* Only a management profile declares: SCS_REVIEW_ERROR_ROLE otherwise. */
gboolean    scs_declaration_check_declarant       (ScsReview     *review,
                                                   GError       **error);
/* The canonical declaration.xml (valid against declaration.rng), or NULL
 * with SCS_DECLARATION_ERROR_NOT_SIGNED when there is no declaration. */
GBytes     *scs_declaration_render                (ScsWorkspace  *workspace,
                                                   GError       **error);
/* The hash the declaration covers, or NULL. */
char       *scs_declaration_dup_assessment_sha256 (ScsWorkspace  *workspace);
/* The language report.pdf was rendered in when management declared ("ja",
 * "en"), or NULL with no declaration. */
char       *scs_declaration_dup_report_language   (ScsWorkspace  *workspace);

G_END_DECLS
