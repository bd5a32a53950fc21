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

/* One entry a signature's ASiCManifest references (see scs-package.h). */
typedef struct
{
  char    *path;        /* the entry's name in the package */
  char    *media_type;
  char    *sha256;      /* hex */
  guint64  size;
  GBytes  *data;        /* NULL: evidence (in the workspace by its SHA-256),
                         * or, for management, an entry of the expert's */
} ScsSignedEntry;

ScsSignedEntry *scs_signed_entry_new  (const char     *path,
                                       const char     *media_type,
                                       GBytes         *data);
/* An entry referenced by its SHA-256 and size only (data NULL). */
ScsSignedEntry *scs_signed_entry_new_reference (const char *path,
                                                const char *media_type,
                                                const char *sha256,
                                                guint64     size);
void            scs_signed_entry_free (ScsSignedEntry *entry);
/* The entry of @entries (ScsSignedEntry*, may be NULL) named @path, or NULL. */
ScsSignedEntry *scs_signed_entry_find (GPtrArray      *entries,
                                       const char     *path);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScsSignedEntry, scs_signed_entry_free)

/* The entries of the latest signature of @role, sorted by path, its
 * ASiCManifest (META-INF/ASiCManifest-ROLE.xml) included; NULL when there
 * is no signature of @role or it was made before signed manifests (the
 * CMS then covers the signed content alone). Of ScsSignedEntry*. */
GPtrArray        *scs_signature_dup_entries        (ScsWorkspace     *workspace,
                                                    ScsSignatureRole  role);
/* The stored content regardless of a CMS (an unsigned declaration too). */
GBytes           *scs_signature_dup_content        (ScsWorkspace     *workspace,
                                                    ScsSignatureRole  role);

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

/* For scs-signer.c and scs-declaration.c, inside the caller's transaction:
 * stores @content (and @cms with @signer's certificate facts, both may be
 * NULL for an unsigned declaration); @seal seals the assessment.
 * @signed_at: the time recorded (ISO 8601 UTC), NULL for now. */
struct _ScsSigner;
gboolean           scs_signature_store             (ScsWorkspace      *workspace,
                                                    ScsSignatureRole   role,
                                                    GBytes            *content,
                                                    GBytes            *cms,
                                                    struct _ScsSigner *signer,
                                                    gboolean           seal,
                                                    const char        *signed_at,
                                                    GError           **error);
/* Sets the CMS of the latest signature of @role stored without one. */
gboolean           scs_signature_set_cms           (ScsWorkspace      *workspace,
                                                    ScsSignatureRole   role,
                                                    GBytes            *cms,
                                                    GError           **error);
/* Stores @entries (ScsSignedEntry*) under the latest signature of @role. */
gboolean           scs_signature_store_entries     (ScsWorkspace      *workspace,
                                                    ScsSignatureRole   role,
                                                    GPtrArray         *entries,
                                                    GError           **error);

G_END_DECLS
