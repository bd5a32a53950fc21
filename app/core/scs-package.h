/* scs-package.h: the submission package (.scsp), written deterministically
 *
 * A ZIP laid out after ETSI ASiC-E: "mimetype" first and stored,
 * META-INF/manifest.xml (every other file with size and SHA-256),
 * assessment.xml, declaration.xml, scope.xml (when a scope is described),
 * report.pdf, evidence/… and the detached CMS signatures in META-INF/.
 * See scs-verify.h for the other direction.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "scs-workspace.h"

G_BEGIN_DECLS

#define SCS_PACKAGE_ERROR (scs_package_error_quark ())

typedef enum
{
  SCS_PACKAGE_ERROR_IO,        /* cannot write the package */
  SCS_PACKAGE_ERROR_UNSIGNED,  /* a final package needs the signed assessment and declaration */
  SCS_PACKAGE_ERROR_INVALID,   /* the written package did not verify */
} ScsPackageError;

GQuark scs_package_error_quark (void);

#define SCS_PACKAGE_MIMETYPE "application/vnd.scs-workbench.submission+zip"
#define SCS_PACKAGE_MANIFEST_NS "urn:x-scs-workbench:manifest:1"

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
 * replaced only on success). @language "ja" or "en" (NULL: "ja") for the
 * report. A final (non-draft) package needs the expert and management
 * signatures. */
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

/* A name that is safe inside the package and on every file system: no
 * path separators, control or reserved characters, at most 120 bytes of
 * valid UTF-8, never "." or "..". Exposed for the tests. */
char    *scs_package_safe_name     (const char             *name);

G_END_DECLS
