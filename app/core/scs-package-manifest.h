/* scs-package-manifest.h: what a signature covers in the submission package
 *
 * The package format's names (scs-package.h describes the layout) and the
 * ASiCManifest each signature covers.
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

/* For the signing steps. The entries the expert's manifest references:
 * @assessment as assessment.xml, scope.xml, catalog.xml and every evidence
 * file under its package path (data NULL, hashed from the stored bytes).
 * Of ScsSignedEntry*, sorted by path, the manifest not included. */
GPtrArray *scs_package_expert_entries   (ScsWorkspace  *workspace,
                                         GBytes        *assessment,
                                         GError       **error);
/* The ASiCManifest of @role over @entries (ScsSignedEntry*, sorted by
 * path): deterministic bytes, LF, fixed indentation. */
GBytes    *scs_package_render_manifest  (ScsSignatureRole  role,
                                         GPtrArray        *entries);
/* Adds the manifest of @role, rendered over @entries, to @entries (kept
 * sorted) and returns its bytes (transfer none: the entry owns them). */
GBytes    *scs_package_add_manifest     (ScsSignatureRole  role,
                                         GPtrArray        *entries);

/* evidence/NAME of @evidence in the package (scs_package_safe_name ()),
 * unique among the paths in @taken (a set of casefolded paths that owns its
 * keys; the new one is added) even on case-insensitive file systems: a
 * clash gets the first eight hex digits of its hash before the extension. */
char       *scs_package_evidence_path       (const ScsEvidence *evidence,
                                             GHashTable        *taken);
/* The evidence's media type when it is a plain "type/subtype" the
 * manifest schemas accept, else application/octet-stream. */
const char *scs_package_evidence_media_type (const ScsEvidence *item);

/* A name that is safe inside the package and on every file system: no
 * path separators, control or reserved characters, at most 120 bytes of
 * valid UTF-8, never "." or "..". Exposed for the tests. */
char       *scs_package_safe_name           (const char        *name);

G_END_DECLS
