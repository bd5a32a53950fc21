/* scs-package.h: the submission package (.scsp), written deterministically
 *
 * A ZIP laid out after ETSI ASiC-E (EN 319 162-1): "mimetype" first and
 * stored, assessment.xml, scope.xml (when a scope is described),
 * catalog.xml (the exact catalog the assessment is answered against),
 * evidence/…, report.pdf, declaration.xml, and in META-INF/ two
 * ASiCManifest files, each with the detached CAdES (CMS) signature over
 * its bytes: ASiCManifest-expert.xml (assessment, scope, catalog, every
 * evidence file) signed when the expert signs, ASiCManifest-management.xml
 * (declaration, report, everything of the expert's, the expert's manifest
 * and signature) signed at the declaration. Every byte of a final package
 * is under a signature. A draft is unsigned and lists its files in
 * META-INF/manifest.xml instead. docs/package-format.md has the details
 * and the stock-tool recipe. See scs-verify.h for the other direction.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "scs-signature.h"
#include "scs-workspace.h"

G_BEGIN_DECLS

#define SCS_PACKAGE_ERROR (scs_package_error_quark ())

typedef enum
{
  SCS_PACKAGE_ERROR_IO,        /* cannot write the package */
  SCS_PACKAGE_ERROR_UNSIGNED,  /* a final package needs the signed assessment and declaration */
  SCS_PACKAGE_ERROR_INVALID,   /* the written package did not verify */
  SCS_PACKAGE_ERROR_CHANGED,   /* the workspace no longer matches its signatures */
  SCS_PACKAGE_ERROR_LANGUAGE,  /* a final package asked in another language than the signed report's */
} ScsPackageError;

GQuark scs_package_error_quark (void);

#define SCS_PACKAGE_MIMETYPE "application/vnd.scs-workbench.submission+zip"
#define SCS_PACKAGE_MANIFEST_NS "urn:x-scs-workbench:manifest:1"
#define SCS_ASIC_NAMESPACE "http://uri.etsi.org/02918/v1.2.1#"
#define SCS_ASIC_DS_NAMESPACE "http://www.w3.org/2000/09/xmldsig#"
#define SCS_ASIC_SHA256 "http://www.w3.org/2001/04/xmlenc#sha256"
#define SCS_ASIC_MANIFEST_EXPERT "META-INF/ASiCManifest-expert.xml"
#define SCS_ASIC_MANIFEST_MANAGEMENT "META-INF/ASiCManifest-management.xml"
#define SCS_ASIC_SIGNATURE_EXPERT "META-INF/signature-expert.p7s"
#define SCS_ASIC_SIGNATURE_MANAGEMENT "META-INF/signature-management.p7s"
/* The entries of a JC-STAR ★1 signed self-declaration package. */
#define SCS_PACKAGE_JCSTAR_DECLARATION "jcstar-declaration.xml"
#define SCS_PACKAGE_JCSTAR_CHECKLIST "checklist.pdf"

typedef enum
{
  SCS_PACKAGE_FLAGS_NONE  = 0,
  SCS_PACKAGE_FLAGS_DRAFT = 1 << 0, /* fresh assessment.xml, no signatures, watermarked report */
} ScsPackageFlags;

/* Called with 0 … 1 as the package is written (from the writing thread). */
typedef void (*ScsPackageProgressFunc) (double   fraction,
                                        gpointer user_data);

/* Writes the package of @workspace to @path: a temporary file next to it,
 * fsync, re-opened and verified, then renamed into place. On error or
 * cancellation nothing is left under @path (an existing file there is
 * replaced only on success). @language "ja" or "en" (NULL: "ja"): a
 * draft's report is rendered in it, whatever the UI's language, and its
 * manifest says so. A final (non-draft) package needs the expert and
 * management signatures made with signed manifests (else
 * SCS_PACKAGE_ERROR_UNSIGNED) and is assembled from the signed bytes,
 * report.pdf as rendered at the declaration, in the language chosen then
 * (another @language: SCS_PACKAGE_ERROR_LANGUAGE; NULL takes it); a
 * workspace that no longer matches them is refused with
 * SCS_PACKAGE_ERROR_CHANGED naming what changed. */
gboolean scs_package_export        (ScsWorkspace           *workspace,
                                    const char             *path,
                                    ScsPackageFlags         flags,
                                    const char             *language,
                                    ScsPackageProgressFunc  progress,
                                    gpointer                progress_data,
                                    GCancellable           *cancellable,
                                    GError                **error);

/* The same on a worker thread, for the GUI. The workspace is only read,
 * through a second connection opened on its path. */
void     scs_package_export_async  (ScsWorkspace           *workspace,
                                    const char             *path,
                                    ScsPackageFlags         flags,
                                    const char             *language,
                                    ScsPackageProgressFunc  progress,
                                    gpointer                progress_data,
                                    GCancellable           *cancellable,
                                    GAsyncReadyCallback     callback,
                                    gpointer                user_data);
gboolean scs_package_export_finish (GAsyncResult           *result,
                                    GError                **error);

/* For the signing steps. The entries the expert's manifest references:
 * @assessment as assessment.xml, scope.xml, catalog.xml and every evidence
 * file under its package path (data NULL, hashed from the stored bytes).
 * Of ScsSignedEntry*, sorted by path, the manifest not included. */
GPtrArray *scs_package_expert_entries   (ScsWorkspace  *workspace,
                                         GBytes        *assessment,
                                         GError       **error);
/* Every evidence file of @workspace as an entry with its bytes (checked
 * against its SHA-256) under its package path, evidence/NAME, unique in
 * the package; @paths, if not NULL, gets a table SHA-256 → package path.
 * Of ScsSignedEntry*, in the workspace's order. */
GPtrArray *scs_package_evidence_entries (ScsWorkspace  *workspace,
                                         GHashTable   **paths,
                                         GError       **error);
/* The ASiCManifest of @role over @entries (ScsSignedEntry*, sorted by
 * path): deterministic bytes, LF, fixed indentation. */
GBytes    *scs_package_render_manifest  (ScsSignatureRole  role,
                                         GPtrArray        *entries);
/* Adds the manifest of @role, rendered over @entries, to @entries (kept
 * sorted) and returns its bytes (transfer none: the entry owns them). */
GBytes    *scs_package_add_manifest     (ScsSignatureRole  role,
                                         GPtrArray        *entries);

/* A name that is safe inside the package and on every file system: no
 * path separators, control or reserved characters, at most 120 bytes of
 * valid UTF-8, never "." or "..". Exposed for the tests. */
char    *scs_package_safe_name     (const char             *name);

/* A signed self-declaration of an item-based type (JC-STAR ★1): the
 * package format of a submission with one signature, management's. Writes
 * mimetype, @entries (ScsSignedEntry* with data), management's
 * ASiCManifest over them and @signer's detached CMS over that manifest;
 * the file is verified (scs_verify) before it takes the name @path, which
 * must not exist yet. Nothing is left at @path on error. */
gboolean scs_package_write_signed  (GPtrArray              *entries,
                                    struct _ScsSigner      *signer,
                                    const char             *path,
                                    GError                **error);

G_END_DECLS
