/* scs-pdf-writer.h: a small flowing-document writer on cairo PDF + Pango
 *
 * Build a document top to bottom (title, headings, paragraphs, key/value
 * blocks, tables, bar charts); the writer breaks pages, repeats table
 * headers, draws the footer "N / M" and an optional diagonal watermark,
 * then writes a PDF whose bytes depend only on what was added (fonts
 * embedded, metadata dates fixed). Pages keep what goes where (the text
 * is kept, its glyphs are not), so the same pages can also be drawn onto
 * any cairo context, for example a GtkPrintContext.
 *
 * Typical use:
 *
 *   g_autoptr(ScsPdfWriter) w = scs_pdf_writer_new ();
 *   scs_pdf_writer_set_metadata (w, "Report", "ACME", "2025-04-01T00:00:00Z");
 *   scs_pdf_writer_set_watermark (w, "下書き / DRAFT");
 *   scs_pdf_writer_set_footer (w, "株式会社アクメ");
 *   scs_pdf_writer_title (w, "自己評価報告書");
 *   scs_pdf_writer_paragraph (w, "…");
 *   const double widths[] = { 0.2, 0.8 };
 *   const char *head[] = { "ID", "Text" };
 *   scs_pdf_writer_table_begin (w, 2, widths, head);
 *   scs_pdf_writer_table_row (w, (const char *[]) { "1-1-1-1", "…" });
 *   scs_pdf_writer_table_end (w);
 *   g_autoptr(GBytes) pdf = scs_pdf_writer_finish (w, &error);
 *
 * All text is plain UTF-8 (not markup) unless a function says otherwise.
 * Units are PDF points (1/72 inch).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

#define SCS_PDF_WRITER_ERROR (scs_pdf_writer_error_quark ())

typedef enum
{
  SCS_PDF_WRITER_ERROR_FAILED,   /* cairo reported an error */
  SCS_PDF_WRITER_ERROR_FINISHED, /* content added after scs_pdf_writer_finish () */
} ScsPdfWriterError;

GQuark scs_pdf_writer_error_quark (void);

/* A4 portrait, in points */
#define SCS_PDF_PAGE_WIDTH  595.2756
#define SCS_PDF_PAGE_HEIGHT 841.8898
/* The family every style uses: has Japanese glyphs and is embedded. */
#define SCS_PDF_FONT_FAMILY "Noto Sans CJK JP"

/* One bar of scs_pdf_writer_bars (): @value of @max, drawn in @rgb
 * (0xRRGGBB); @value_text is shown right of the bar (NULL: "value / max"). */
typedef struct
{
  const char *label;
  double      value;
  double      max;
  guint32     rgb;
  const char *value_text;
} ScsPdfBar;

/* Draws into a box of @width × @height points whose top-left corner is the
 * origin of @cr. */
typedef void (*ScsPdfDrawFunc) (cairo_t  *cr,
                                double    width,
                                double    height,
                                gpointer  user_data);

#define SCS_TYPE_PDF_WRITER (scs_pdf_writer_get_type ())
G_DECLARE_FINAL_TYPE (ScsPdfWriter, scs_pdf_writer, SCS, PDF_WRITER, GObject)

ScsPdfWriter *scs_pdf_writer_new            (void);

/* PDF Info: title, author, and the creation/modification date as ISO 8601
 * ("2025-04-01T09:00:00Z"); NULL @date uses 2000-01-01T00:00:00Z so output
 * never depends on the clock. Call any time before finish. */
void          scs_pdf_writer_set_metadata   (ScsPdfWriter  *self,
                                             const char    *title,
                                             const char    *author,
                                             const char    *date);
/* Large light diagonal text on every page (NULL: none). */
void          scs_pdf_writer_set_watermark  (ScsPdfWriter  *self,
                                             const char    *text);
/* Left part of the footer (NULL: none); the right part is "N / M". */
void          scs_pdf_writer_set_footer     (ScsPdfWriter  *self,
                                             const char    *text);
/* Margins in points (default 50 on every side; the footer sits in the
 * bottom margin). Call before adding content. */
void          scs_pdf_writer_set_margins    (ScsPdfWriter  *self,
                                             double         top,
                                             double         right,
                                             double         bottom,
                                             double         left);
/* Width available for content, in points. */
double        scs_pdf_writer_get_content_width (ScsPdfWriter *self);

/* Flowing content */
void          scs_pdf_writer_title          (ScsPdfWriter  *self,
                                             const char    *text);
void          scs_pdf_writer_heading        (ScsPdfWriter  *self,
                                             const char    *text);
void          scs_pdf_writer_subheading     (ScsPdfWriter  *self,
                                             const char    *text);
void          scs_pdf_writer_paragraph      (ScsPdfWriter  *self,
                                             const char    *text);
/* Small grey text, e.g. hashes and footnotes; breaks anywhere. */
void          scs_pdf_writer_small          (ScsPdfWriter  *self,
                                             const char    *text);
/* Key/value block: @pairs is key, value, key, value, …, NULL. Values may be
 * NULL or empty (shown as "—"). Keys in a column of 30 % of the width. */
void          scs_pdf_writer_key_values     (ScsPdfWriter       *self,
                                             const char * const *pairs);
void          scs_pdf_writer_spacer         (ScsPdfWriter  *self,
                                             double         points);
void          scs_pdf_writer_page_break     (ScsPdfWriter  *self);
/* Starts a new page unless @height points still fit on this one: keeps a
 * short block (a heading and what follows) together. */
void          scs_pdf_writer_keep           (ScsPdfWriter  *self,
                                             double         height);

/* Tables: @widths are fractions of the content width (summing to about 1),
 * @headers NULL for no header row. Rows taller than the space left move to
 * the next page, where the header row is repeated; a row taller than a
 * whole page is split between lines. Cells are plain text, NULL allowed. */
void          scs_pdf_writer_table_begin    (ScsPdfWriter       *self,
                                             guint               n_columns,
                                             const double       *widths,
                                             const char * const *headers);
void          scs_pdf_writer_table_row      (ScsPdfWriter       *self,
                                             const char * const *cells);
void          scs_pdf_writer_table_end      (ScsPdfWriter       *self);

/* Horizontal bars, one line each, kept on one page. */
void          scs_pdf_writer_bars           (ScsPdfWriter    *self,
                                             const ScsPdfBar *bars,
                                             guint            n_bars);
/* A free drawing area @height points tall across the content width; moves
 * to the next page when it does not fit. */
void          scs_pdf_writer_drawing        (ScsPdfWriter    *self,
                                             double           height,
                                             ScsPdfDrawFunc   func,
                                             gpointer         user_data);

/* Pages so far (footer and watermark are added when drawn). */
guint         scs_pdf_writer_get_n_pages    (ScsPdfWriter  *self);
/* Draws page @index (0-based) with its footer and watermark onto @cr at
 * the current transformation, in points; for printing. */
void          scs_pdf_writer_render_page    (ScsPdfWriter  *self,
                                             cairo_t       *cr,
                                             guint          index);

/* Writes the PDF. The writer keeps its pages (render_page still works) but
 * takes no more content. */
GBytes       *scs_pdf_writer_finish         (ScsPdfWriter  *self,
                                             GError       **error);

G_END_DECLS
