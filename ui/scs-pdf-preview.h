/* scs-pdf-preview.h: a window that shows a PDF evidence file with Poppler
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SCS_PDF_PREVIEW_ERROR (scs_pdf_preview_error_quark ())

typedef enum
{
  SCS_PDF_PREVIEW_ERROR_NOT_PDF,     /* not a PDF, damaged, encrypted or without pages */
  SCS_PDF_PREVIEW_ERROR_UNAVAILABLE, /* Poppler does not load */
} ScsPdfPreviewError;

GQuark scs_pdf_preview_error_quark (void);

#define SCS_TYPE_PDF_PREVIEW (scs_pdf_preview_get_type ())
G_DECLARE_FINAL_TYPE (ScsPdfPreview, scs_pdf_preview, SCS, PDF_PREVIEW, AdwWindow)

/* NULL with @error set when @pdf is not a readable PDF. The window shows
 * "page N of M" (the subtitle of its template child "window_title");
 * actions preview.next, preview.previous, preview.first, preview.last. */
ScsPdfPreview *scs_pdf_preview_new          (GBytes        *pdf,
                                             const char    *title,
                                             GError       **error);

G_END_DECLS
