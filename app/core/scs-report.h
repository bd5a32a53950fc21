/* scs-report.h: the assessment report (report.pdf) of a workspace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "scs-pdf-writer.h"
#include "scs-workspace.h"

G_BEGIN_DECLS

typedef struct
{
  gboolean    draft;           /* watermark 下書き / DRAFT on every page */
  const char *content_sha256;  /* SHA-256 of the package's assessment.xml, or NULL */
  GHashTable *evidence_paths;  /* evidence SHA-256 → path in the package, or NULL */
  const char *date;            /* ISO 8601 date shown and set as the PDF date;
                                * NULL: the latest signature or change */
  const char *language;        /* "ja" or "en"; NULL: the current language */
} ScsReportOptions;

/* Lays the report out in @options->language (else the current one): cover,
 * summary, scope, results per category with every criterion, open items,
 * evidence index, review summary, declaration, signatures and fingerprints. The writer can be finished into a
 * PDF or drawn page by page onto a print context. */
ScsPdfWriter *scs_report_build  (ScsWorkspace            *workspace,
                                 const ScsReportOptions  *options,
                                 GError                 **error);
/* scs_report_build () then scs_pdf_writer_finish (): the PDF bytes. */
GBytes       *scs_report_render (ScsWorkspace            *workspace,
                                 const ScsReportOptions  *options,
                                 GError                 **error);

G_END_DECLS
