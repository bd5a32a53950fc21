/* scs-verify.h: checking a submission package (.scsp) without trusting it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SCS_VERIFY_ERROR (scs_verify_error_quark ())

typedef enum
{
  SCS_VERIFY_ERROR_UNREADABLE, /* not a ZIP, truncated, cannot open */
  SCS_VERIFY_ERROR_HOSTILE,    /* path escape, link, duplicate, bomb, DOCTYPE … */
} ScsVerifyError;

GQuark scs_verify_error_quark (void);

/* Limits applied before anything is trusted: the ZIP reader's (scs-zip.h),
 * and for the entries kept in memory (XML, CMS, mimetype) this one. */
#define SCS_VERIFY_MAX_XML_SIZE    ((gint64) 16 * 1024 * 1024)

typedef enum
{
  SCS_CHECK_PASS,
  SCS_CHECK_WARN,   /* e.g. signature valid but not chained to a trusted CA */
  SCS_CHECK_FAIL,
} ScsCheckStatus;

typedef struct
{
  char           *check;    /* "mimetype", "manifest", "hash", "missing", "extra"
                             * (not covered by any signature), "coverage",
                             * "format" (older format), "signature-expert",
                             * "signature-management", "catalog", "answers",
                             * "declaration" (its presence and bindings),
                             * "report" (the report's recorded language) */
  char           *file;     /* the entry concerned, or NULL */
  ScsCheckStatus  status;
  char           *message;  /* translated, names the file */
} ScsVerifyCheck;

typedef struct
{
  GPtrArray *checks;         /* of ScsVerifyCheck* */
  gboolean   valid;          /* no check failed */
  gboolean   trusted;        /* signatures chained to the given CA */
  gboolean   draft;
  guint      n_files;
  char      *language;       /* report.pdf's language as recorded ("ja", "en"),
                              * or NULL when the package does not say */
} ScsVerifyResult;

void scs_verify_result_free (ScsVerifyResult *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScsVerifyResult, scs_verify_result_free)

/* Checks the package in @data. Returns NULL with SCS_VERIFY_ERROR when it is
 * unreadable or hostile (nothing is extracted or written anywhere); else
 * a result listing every check. @ca_pem: PEM certificates to chain the
 * signatures to, or NULL. Bounded in time and memory; fuzz entry point. */
ScsVerifyResult *scs_verify_package_bytes (GBytes        *data,
                                           GBytes        *ca_pem,
                                           GError       **error);
/* Same for a file, read with bounded memory. */
ScsVerifyResult *scs_verify_package_file  (const char    *path,
                                           GBytes        *ca_pem,
                                           GCancellable  *cancellable,
                                           GError       **error);

/* The same on a worker thread, for a package on this computer (another
 * @file: SCS_VERIFY_ERROR_UNREADABLE). No workspace is involved. */
void             scs_verify_package_file_async  (GFile               *file,
                                                 GBytes              *ca_pem,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
ScsVerifyResult *scs_verify_package_file_finish (GAsyncResult        *result,
                                                 GError             **error);

/* Parses untrusted XML: refuses a DOCTYPE, entities, more than
 * SCS_VERIFY_MAX_XML_SIZE bytes; no network, no external loading. The
 * returned pointer is an xmlDoc* (void here to keep libxml2 out). */
gpointer scs_verify_parse_xml (GBytes      *xml,
                               const char  *name,
                               GError     **error);

G_END_DECLS
