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

#include <sqlite3.h>

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

/* For scs-signoff.c, inside the caller's transaction:
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
/* For a new review round (scs-review.c), inside the caller's transaction:
 * every signature of the current assessment superseded. */
gboolean           scs_signature_supersede_all     (ScsWorkspace      *workspace,
                                                    GError           **error);

/* For a reader that does not open the file as a workspace (the
 * portfolio), on its own connection: whether @assessment carries a
 * current signature of the expert (*@expert_signed) and of management
 * (*@declared); both FALSE when the file has none or cannot be read. */
void               scs_signature_read_summary      (sqlite3           *db,
                                                    gint64             assessment,
                                                    gboolean          *expert_signed,
                                                    gboolean          *declared);

G_END_DECLS
