/* scs-signature.h: signatures stored in the workspace (expert, management)
 *
 * Each stored signature keeps the exact bytes that were signed (the
 * canonical assessment or declaration XML), the detached CMS (DER), the
 * signer certificate's subject, issuer, serial and fingerprint, and the
 * signing time. The submission package writes the signed bytes as
 * assessment.xml / declaration.xml and the CMS as
 * META-INF/signature-expert.p7s / META-INF/signature-management.p7s.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "scs-cms.h"
#include "scs-workspace.h"

G_BEGIN_DECLS

#define SCS_SIGNATURE_ERROR (scs_signature_error_quark ())

typedef enum
{
  SCS_SIGNATURE_ERROR_UNSIGNED,        /* nothing signed yet */
  SCS_SIGNATURE_ERROR_INVALID,         /* CMS does not verify / wrong certificate */
  SCS_SIGNATURE_ERROR_CONTENT_CHANGED, /* the workspace no longer matches the signed bytes */
  SCS_SIGNATURE_ERROR_FAILED,          /* other */
} ScsSignatureError;

GQuark scs_signature_error_quark (void);

typedef enum
{
  SCS_SIGNATURE_ROLE_EXPERT,
  SCS_SIGNATURE_ROLE_MANAGEMENT,
} ScsSignatureRole;

/* "expert", "management": used in file names and the CLI */
const char *scs_signature_role_to_string (ScsSignatureRole role);

typedef struct
{
  ScsSignatureRole role;
  gint64           round;           /* review round the signature closed */
  char            *signed_at;       /* ISO 8601 UTC */
  char            *signer_subject;  /* RFC 4514 DN of the signing certificate */
  char            *signer_issuer;
  char            *signer_serial;   /* hex */
  char            *signer_sha256;   /* certificate fingerprint, hex */
  char            *content_sha256;  /* SHA-256 of the signed bytes, hex */
  char            *actor;           /* profile name that signed */
} ScsSignatureInfo;

void scs_signature_info_free (ScsSignatureInfo *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScsSignatureInfo, scs_signature_info_free)

/* The latest signature of @role in @workspace, or NULL when unsigned. */
ScsSignatureInfo *scs_signature_dup_info           (ScsWorkspace     *workspace,
                                                    ScsSignatureRole  role);
/* The exact bytes that were signed (assessment.xml / declaration.xml), or
 * NULL when unsigned. */
GBytes           *scs_signature_dup_signed_content (ScsWorkspace     *workspace,
                                                    ScsSignatureRole  role);
/* The detached CMS SignedData, DER, or NULL when unsigned. */
GBytes           *scs_signature_dup_cms            (ScsWorkspace     *workspace,
                                                    ScsSignatureRole  role);

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
gboolean           scs_signature_check_is_good     (const ScsSignatureCheck *check);

/* For scs-signer.c and scs-declaration.c, inside the caller's transaction:
 * stores @content (and @cms with @signer's certificate facts, both may be
 * NULL for an unsigned declaration); @seal seals the assessment. */
struct _ScsSigner;
gboolean           scs_signature_store             (ScsWorkspace      *workspace,
                                                    ScsSignatureRole   role,
                                                    GBytes            *content,
                                                    GBytes            *cms,
                                                    struct _ScsSigner *signer,
                                                    gboolean           seal,
                                                    GError           **error);

G_END_DECLS
