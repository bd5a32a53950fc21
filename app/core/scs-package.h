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

#include "scs-package-manifest.h"
#include "scs-signature.h"
#include "scs-workspace.h"

G_BEGIN_DECLS

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
