/* scs-pdf-writer.c: flowing A4 documents with cairo PDF and Pango
 *
 * Content is laid out with Pango on a private font map at 72 dpi with hinting
 * and glyph-position rounding off, so line breaks depend only on the text and
 * the fonts, never on a screen. Each page is drawn into a cairo recording
 * surface while the document grows; only when it is finished do we know the
 * page count, so the footer ("N / M") and the watermark are added when a page
 * is replayed, either into the PDF surface or onto a print context. Paragraphs
 * and table rows that do not fit are split between lines (never through a
 * line) by clipping the same layout on two pages. The PDF's dates are set
 * explicitly, and cairo writes no random document ID, so the same content
 * gives the same bytes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "scs-pdf-writer.h"

#include <math.h>

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

G_DEFINE_QUARK (scs-pdf-writer-error-quark, scs_pdf_writer_error)

#define CELL_PAD 4.0
#define DEFAULT_DATE "2000-01-01T00:00:00Z"

typedef enum
{
  STYLE_TITLE,
  STYLE_HEADING,
  STYLE_SUBHEADING,
  STYLE_BODY,
  STYLE_BODY_BOLD,
  STYLE_SMALL,
  STYLE_CELL,
  STYLE_CELL_BOLD,
  STYLE_FOOTER,
} Style;

static const struct
{
  const char *font;
  double      r, g, b;
} styles[] = {
  [STYLE_TITLE]      = { SCS_PDF_FONT_FAMILY " Bold 20", 0.10, 0.10, 0.10 },
  [STYLE_HEADING]    = { SCS_PDF_FONT_FAMILY " Bold 14", 0.05, 0.20, 0.40 },
  [STYLE_SUBHEADING] = { SCS_PDF_FONT_FAMILY " Bold 11", 0.10, 0.10, 0.10 },
  [STYLE_BODY]       = { SCS_PDF_FONT_FAMILY " 10", 0.10, 0.10, 0.10 },
  [STYLE_BODY_BOLD]  = { SCS_PDF_FONT_FAMILY " Bold 10", 0.10, 0.10, 0.10 },
  [STYLE_SMALL]      = { SCS_PDF_FONT_FAMILY " 7.5", 0.35, 0.35, 0.35 },
  [STYLE_CELL]       = { SCS_PDF_FONT_FAMILY " 8.5", 0.10, 0.10, 0.10 },
  [STYLE_CELL_BOLD]  = { SCS_PDF_FONT_FAMILY " Bold 8.5", 0.10, 0.10, 0.10 },
  [STYLE_FOOTER]     = { SCS_PDF_FONT_FAMILY " 8", 0.40, 0.40, 0.40 },
};

struct _ScsPdfWriter
{
  GObject        parent_instance;

  PangoFontMap  *font_map;
  PangoContext  *context;

  GPtrArray     *pages;      /* of cairo_surface_t* (recording) */
  cairo_t       *cr;         /* drawing into the last page, or NULL */
  double         y;          /* next free position on the current page */

  double         margin_top, margin_right, margin_bottom, margin_left;

  char          *title;
  char          *author;
  char          *date;
  char          *watermark;
  char          *footer;

  /* the open table */
  guint          n_columns;
  double        *column_widths; /* in points */
  GStrv          headers;

  gboolean       finished;
};

G_DEFINE_FINAL_TYPE (ScsPdfWriter, scs_pdf_writer, G_TYPE_OBJECT)

static void
scs_pdf_writer_finalize (GObject *object)
{
  ScsPdfWriter *self = SCS_PDF_WRITER (object);

  g_clear_pointer (&self->cr, cairo_destroy);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_object (&self->context);
  g_clear_object (&self->font_map);
  g_free (self->title);
  g_free (self->author);
  g_free (self->date);
  g_free (self->watermark);
  g_free (self->footer);
  g_free (self->column_widths);
  g_strfreev (self->headers);

  G_OBJECT_CLASS (scs_pdf_writer_parent_class)->finalize (object);
}

static void
scs_pdf_writer_class_init (ScsPdfWriterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = scs_pdf_writer_finalize;
}

static void
scs_pdf_writer_init (ScsPdfWriter *self)
{
  cairo_font_options_t *options;

  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) cairo_surface_destroy);
  self->margin_top = self->margin_right = self->margin_bottom = self->margin_left = 50.0;
  self->date = g_strdup (DEFAULT_DATE);

  /* A private font map and context: metrics independent of any screen. */
  self->font_map = pango_cairo_font_map_new ();
  pango_cairo_font_map_set_resolution (PANGO_CAIRO_FONT_MAP (self->font_map), 72.0);
  self->context = pango_font_map_create_context (self->font_map);
  pango_cairo_context_set_resolution (self->context, 72.0);
  pango_context_set_round_glyph_positions (self->context, FALSE);
  pango_context_set_language (self->context, pango_language_from_string ("ja"));
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);
}

ScsPdfWriter *
scs_pdf_writer_new (void)
{
  return g_object_new (SCS_TYPE_PDF_WRITER, NULL);
}

void
scs_pdf_writer_set_metadata (ScsPdfWriter *self,
                             const char   *title,
                             const char   *author,
                             const char   *date)
{
  g_return_if_fail (SCS_IS_PDF_WRITER (self));

  g_free (self->title);
  self->title = g_strdup (title);
  g_free (self->author);
  self->author = g_strdup (author);
  g_free (self->date);
  self->date = g_strdup (date != NULL ? date : DEFAULT_DATE);
}

void
scs_pdf_writer_set_watermark (ScsPdfWriter *self,
                              const char   *text)
{
  g_return_if_fail (SCS_IS_PDF_WRITER (self));

  g_free (self->watermark);
  self->watermark = (text != NULL && *text != '\0') ? g_strdup (text) : NULL;
}

void
scs_pdf_writer_set_footer (ScsPdfWriter *self,
                           const char   *text)
{
  g_return_if_fail (SCS_IS_PDF_WRITER (self));

  g_free (self->footer);
  self->footer = g_strdup (text);
}

void
scs_pdf_writer_set_margins (ScsPdfWriter *self,
                            double        top,
                            double        right,
                            double        bottom,
                            double        left)
{
  g_return_if_fail (SCS_IS_PDF_WRITER (self));
  g_return_if_fail (top >= 0 && right >= 0 && bottom >= 0 && left >= 0);
  g_return_if_fail (left + right < SCS_PDF_PAGE_WIDTH - 72);
  g_return_if_fail (top + bottom < SCS_PDF_PAGE_HEIGHT - 144);

  self->margin_top = top;
  self->margin_right = right;
  self->margin_bottom = bottom;
  self->margin_left = left;
}

double
scs_pdf_writer_get_content_width (ScsPdfWriter *self)
{
  g_return_val_if_fail (SCS_IS_PDF_WRITER (self), 0);

  return SCS_PDF_PAGE_WIDTH - self->margin_left - self->margin_right;
}

/* Layout helpers */

static PangoLayout *
make_layout (ScsPdfWriter *self,
             Style         style,
             double        width,
             const char   *text,
             gboolean      markup)
{
  PangoLayout *layout = pango_layout_new (self->context);
  PangoFontDescription *desc = pango_font_description_from_string (styles[style].font);

  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  /* no hyphen where a hash or an ID is broken: it would read as part of it */
  {
    PangoAttrList *attrs = pango_attr_list_new ();

    pango_attr_list_insert (attrs, pango_attr_insert_hyphens_new (FALSE));
    pango_layout_set_attributes (layout, attrs);
    pango_attr_list_unref (attrs);
  }
  if (text == NULL)
    text = "";
  if (markup)
    pango_layout_set_markup (layout, text, -1);
  else
    pango_layout_set_text (layout, text, -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int h;

  pango_layout_get_size (layout, NULL, &h);
  return (double) h / PANGO_SCALE;
}

/* Where each line of a text goes, found in one pass over its lines:
 * drawing the lines of page k must not walk lines 0 … k again.
 *
 * Plain text is laid out in pieces of at most TEXT_PIECE bytes, cut at a
 * line break (else after a space, else between two characters), each its
 * own PangoLayout stacked under the one before: Pango finds each line's
 * place by counting characters from the start of its layout, so one
 * layout of a note of thousands of pages took time quadratic in its
 * length. A piece cut inside a paragraph (one of more than TEXT_PIECE
 * bytes without a line break) ends its last line early. */
#define TEXT_PIECE 8192

typedef struct
{
  PangoLayout     *layout;    /* a reference: it owns the line */
  PangoLayoutLine *line;
  double           x;         /* from the left of the text */
  double           baseline;  /* from the top of the text */
  double           bottom;
} LinePlace;

static void
line_place_clear (gpointer data)
{
  LinePlace *place = data;

  g_object_unref (place->layout);
}

static void
add_places (GArray      *places,
            PangoLayout *layout,
            double       top)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  do
    {
      PangoRectangle logical;
      LinePlace place;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      place.layout = g_object_ref (layout);
      place.line = pango_layout_iter_get_line_readonly (iter);
      place.x = (double) logical.x / PANGO_SCALE;
      place.baseline = top + (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
      place.bottom = top + (double) (logical.y + logical.height) / PANGO_SCALE;
      g_array_append_val (places, place);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

/* The end of the piece of @text that starts at @start; *@skip is 1 when a
 * line break ends it (the break is not part of either piece). */
static const char *
piece_end (const char *start,
           const char *end,
           gsize      *skip)
{
  const char *limit = start + TEXT_PIECE;
  const char *p;

  *skip = 0;
  if (end - start <= TEXT_PIECE)
    return end;
  for (p = limit; p > start; p--)
    if (*p == '\n')
      {
        *skip = 1;
        return p;
      }
  for (p = limit; p > start + TEXT_PIECE / 2; p--)
    if (*p == ' ')
      return p + 1;
  p = g_utf8_find_prev_char (start, limit + 1);
  return p != NULL && p > start ? p : limit;
}

/* The lines of @text (markup: one layout; plain: in pieces) as LinePlaces,
 * and the height of them all in *@height. */
static GArray *
lay_out (ScsPdfWriter *self,
         Style         style,
         double        width,
         const char   *text,
         gboolean      markup,
         double       *height)
{
  GArray *places = g_array_new (FALSE, FALSE, sizeof (LinePlace));
  const char *start, *end;

  g_array_set_clear_func (places, line_place_clear);
  *height = 0;
  if (text == NULL)
    text = "";
  if (markup || width <= 0 || strlen (text) <= TEXT_PIECE)
    {
      g_autoptr(PangoLayout) layout = make_layout (self, style, width, text, markup);

      add_places (places, layout, 0);
      *height = layout_height (layout);
      return places;
    }
  end = text + strlen (text);
  for (start = text; start < end;)
    {
      gsize skip;
      const char *stop = piece_end (start, end, &skip);
      g_autofree char *piece = g_strndup (start, stop - start);
      g_autoptr(PangoLayout) layout = make_layout (self, style, width, piece, FALSE);

      add_places (places, layout, *height);
      *height += layout_height (layout);
      start = stop + skip;
      if (skip > 0 && start == end)
        {
          /* a text ending in a line break ends with an empty line */
          g_autoptr(PangoLayout) last = make_layout (self, style, width, "", FALSE);

          add_places (places, last, *height);
          *height += layout_height (last);
        }
    }
  return places;
}

static double
line_bottom (GArray *places,
             guint   i)
{
  return g_array_index (places, LinePlace, i).bottom;
}

static void
set_style_colour (cairo_t *cr,
                  Style    style)
{
  cairo_set_source_rgb (cr, styles[style].r, styles[style].g, styles[style].b);
}

/* Draws lines [@first, @last) of a text (@places, from lay_out ())
 * so that layout position @offset lands at @y. Only those lines are
 * emitted: text that belongs on another page is not hidden under a clip,
 * so text extraction sees each line once. */
static void
show_lines (cairo_t     *cr,
            GArray      *places,
            double       x,
            double       y,
            double       offset,
            guint        first,
            guint        last)
{
  for (guint i = first; i < last && i < places->len; i++)
    {
      const LinePlace *place = &g_array_index (places, LinePlace, i);

      cairo_move_to (cr, x + place->x, y - offset + place->baseline);
      pango_cairo_show_layout_line (cr, place->line);
    }
}

/* Pages */

static double
body_bottom (ScsPdfWriter *self)
{
  return SCS_PDF_PAGE_HEIGHT - self->margin_bottom;
}

static double
body_height (ScsPdfWriter *self)
{
  return body_bottom (self) - self->margin_top;
}

static void
new_page (ScsPdfWriter *self)
{
  cairo_rectangle_t extents = { 0, 0, SCS_PDF_PAGE_WIDTH, SCS_PDF_PAGE_HEIGHT };
  cairo_surface_t *page;

  g_clear_pointer (&self->cr, cairo_destroy);
  page = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
  g_ptr_array_add (self->pages, page);
  self->cr = cairo_create (page);
  self->y = self->margin_top;
}

static void
ensure_page (ScsPdfWriter *self)
{
  if (self->cr == NULL)
    new_page (self);
}

static double
space_left (ScsPdfWriter *self)
{
  return body_bottom (self) - self->y;
}

static gboolean
at_page_top (ScsPdfWriter *self)
{
  return self->y <= self->margin_top + 0.01;
}

/* Moves to a new page unless @height fits (or we are at the top already). */
static void
need (ScsPdfWriter *self,
      double        height)
{
  ensure_page (self);
  if (height > space_left (self) && !at_page_top (self))
    new_page (self);
}

/* Draws the lines @places (from lay_out ()) at @x from the current
 * position, continuing on new pages between lines when they do not fit. */
static void
flow_lines (ScsPdfWriter *self,
            GArray       *bottoms,
            double        x,
            Style         style)
{
  guint first = 0;
  double offset = 0;

  ensure_page (self);
  while (first < bottoms->len)
    {
      guint last = first;
      double height;

      /* the last line that still fits */
      while (last < bottoms->len &&
             line_bottom (bottoms, last) - offset <= space_left (self) + 0.01)
        last++;
      if (last == first)
        {
          if (!at_page_top (self))
            {
              new_page (self);
              continue;
            }
          last = first + 1;  /* a line taller than a page: draw it clipped */
        }
      height = line_bottom (bottoms, last - 1) - offset;

      set_style_colour (self->cr, style);
      show_lines (self->cr, bottoms, x, self->y, offset, first, last);

      self->y += height;
      offset += height;
      first = last;
      if (first < bottoms->len)
        new_page (self);
    }
}

static gboolean
check_open (ScsPdfWriter *self)
{
  if (self->finished)
    {
      g_critical ("scs_pdf_writer: content added after scs_pdf_writer_finish ()");
      return FALSE;
    }
  return TRUE;
}

static void
add_text (ScsPdfWriter *self,
          Style         style,
          const char   *text,
          gboolean      markup,
          double        space_before,
          double        space_after,
          double        keep_with_next)
{
  g_autoptr(GArray) places = NULL;
  double width = scs_pdf_writer_get_content_width (self);
  double height;

  if (!check_open (self))
    return;
  ensure_page (self);
  if (!at_page_top (self))
    self->y += space_before;
  places = lay_out (self, style, width, text, markup, &height);
  /* headings stay with at least a few lines of what follows */
  need (self, MIN (height + keep_with_next, body_height (self)));
  flow_lines (self, places, self->margin_left, style);
  self->y += space_after;
}

void
scs_pdf_writer_title (ScsPdfWriter *self,
                      const char   *text)
{
  g_return_if_fail (SCS_IS_PDF_WRITER (self));
  add_text (self, STYLE_TITLE, text, FALSE, 12, 12, 60);
}

void
scs_pdf_writer_heading (ScsPdfWriter *self,
                        const char   *text)
{
  g_return_if_fail (SCS_IS_PDF_WRITER (self));
  if (!check_open (self))
    return;
  add_text (self, STYLE_HEADING, text, FALSE, 14, 2, 70);
  /* a rule under the heading */
  cairo_set_source_rgb (self->cr, 0.05, 0.20, 0.40);
  cairo_set_line_width (self->cr, 0.8);
  cairo_move_to (self->cr, self->margin_left, self->y);
  cairo_line_to (self->cr, SCS_PDF_PAGE_WIDTH - self->margin_right, self->y);
  cairo_stroke (self->cr);
  self->y += 6;
}

void
scs_pdf_writer_subheading (ScsPdfWriter *self,
                           const char   *text)
{
  g_return_if_fail (SCS_IS_PDF_WRITER (self));
  add_text (self, STYLE_SUBHEADING, text, FALSE, 8, 4, 50);
}

void
scs_pdf_writer_paragraph (ScsPdfWriter *self,
                          const char   *text)
{
  g_return_if_fail (SCS_IS_PDF_WRITER (self));
  add_text (self, STYLE_BODY, text, FALSE, 0, 6, 0);
}

void
scs_pdf_writer_paragraph_markup (ScsPdfWriter *self,
                                 const char   *markup)
{
  g_return_if_fail (SCS_IS_PDF_WRITER (self));
  add_text (self, STYLE_BODY, markup, TRUE, 0, 6, 0);
}

void
scs_pdf_writer_small (ScsPdfWriter *self,
                      const char   *text)
{
  g_return_if_fail (SCS_IS_PDF_WRITER (self));
  add_text (self, STYLE_SMALL, text, FALSE, 0, 3, 0);
}

void
scs_pdf_writer_spacer (ScsPdfWriter *self,
                       double        points)
{
  g_return_if_fail (SCS_IS_PDF_WRITER (self));
  g_return_if_fail (points >= 0);

  if (!check_open (self))
    return;
  ensure_page (self);
  if (points >= space_left (self))
    new_page (self);
  else
    self->y += points;
}

void
scs_pdf_writer_keep (ScsPdfWriter *self,
                     double        height)
{
  g_return_if_fail (SCS_IS_PDF_WRITER (self));
  if (!check_open (self))
    return;
  need (self, height);
}

void
scs_pdf_writer_page_break (ScsPdfWriter *self)
{
  g_return_if_fail (SCS_IS_PDF_WRITER (self));

  if (!check_open (self))
    return;
  new_page (self);
}

/* Rows: cells side by side, split between lines when the row does not fit. */

typedef enum
{
  ROW_PLAIN  = 0,
  ROW_BORDER = 1 << 0,
  ROW_HEADER = 1 << 1,
} RowFlags;

static void draw_table_header (ScsPdfWriter *self);

static void
draw_row_part (ScsPdfWriter  *self,
               GArray       **places,
               const double  *widths,
               guint          n,
               const double  *offsets,
               const double  *heights,
               const guint   *firsts,
               const guint   *lasts,
               double         row_height,
               RowFlags       flags,
               const Style   *styles_)
{
  double x = self->margin_left;

  for (guint i = 0; i < n; i++)
    {
      if (flags & ROW_HEADER)
        {
          cairo_set_source_rgb (self->cr, 0.89, 0.91, 0.94);
          cairo_rectangle (self->cr, x, self->y, widths[i], row_height);
          cairo_fill (self->cr);
        }
      if (heights[i] > 0)
        {
          set_style_colour (self->cr, styles_[i]);
          show_lines (self->cr, places[i], x + CELL_PAD, self->y + CELL_PAD, offsets[i],
                      firsts[i], lasts[i]);
        }
      if (flags & ROW_BORDER)
        {
          cairo_set_source_rgb (self->cr, 0.55, 0.55, 0.55);
          cairo_set_line_width (self->cr, 0.4);
          cairo_rectangle (self->cr, x, self->y, widths[i], row_height);
          cairo_stroke (self->cr);
        }
      x += widths[i];
    }
  self->y += row_height;
}

static void
add_row (ScsPdfWriter       *self,
         const char * const *cells,
         const double       *widths,
         guint               n,
         RowFlags            flags,
         const Style        *cell_styles,
         gboolean            repeat_header)
{
  g_autofree GArray **bottoms = g_new0 (GArray *, n);
  g_autofree guint *first = g_new0 (guint, n);
  g_autofree guint *starts = g_new0 (guint, n);
  g_autofree double *offsets = g_new0 (double, n);
  g_autofree double *heights = g_new0 (double, n);
  double full = 0;

  for (guint i = 0; i < n; i++)
    {
      double height;

      bottoms[i] = lay_out (self, cell_styles[i], widths[i] - 2 * CELL_PAD, cells[i], FALSE, &height);
      full = MAX (full, height);
    }

  ensure_page (self);
  if (full + 2 * CELL_PAD > space_left (self) && !at_page_top (self))
    {
      new_page (self);
      if (repeat_header)
        draw_table_header (self);
    }

  for (;;)
    {
      double avail = space_left (self) - 2 * CELL_PAD;
      double part = 0;
      gboolean more = FALSE;

      /* each cell shows the lines that fit; the row is as tall as the tallest */
      for (guint i = 0; i < n; i++)
        {
          guint last = first[i];

          starts[i] = first[i];

          while (last < bottoms[i]->len &&
                 line_bottom (bottoms[i], last) - offsets[i] <= avail + 0.01)
            last++;
          if (last == first[i] && first[i] < bottoms[i]->len && at_page_top (self))
            last = first[i] + 1;
          heights[i] = last > first[i] ? line_bottom (bottoms[i], last - 1) - offsets[i] : 0;
          part = MAX (part, heights[i]);
          first[i] = last;
          if (last < bottoms[i]->len)
            more = TRUE;
        }
      draw_row_part (self, bottoms, widths, n, offsets, heights, starts, first,
                     part + 2 * CELL_PAD, flags, cell_styles);
      for (guint i = 0; i < n; i++)
        offsets[i] += heights[i];
      if (!more)
        break;
      new_page (self);
      if (repeat_header)
        draw_table_header (self);
    }

  for (guint i = 0; i < n; i++)
    g_array_unref (bottoms[i]);
}

static void
draw_table_header (ScsPdfWriter *self)
{
  g_autofree Style *header_styles = NULL;

  if (self->headers == NULL)
    return;
  header_styles = g_new (Style, self->n_columns);
  for (guint i = 0; i < self->n_columns; i++)
    header_styles[i] = STYLE_CELL_BOLD;
  add_row (self, (const char * const *) self->headers, self->column_widths, self->n_columns,
           ROW_BORDER | ROW_HEADER, header_styles, FALSE);
}

void
scs_pdf_writer_table_begin (ScsPdfWriter       *self,
                            guint               n_columns,
                            const double       *widths,
                            const char * const *headers)
{
  double content = scs_pdf_writer_get_content_width (self);

  g_return_if_fail (SCS_IS_PDF_WRITER (self));
  g_return_if_fail (n_columns > 0);
  g_return_if_fail (widths != NULL);
  g_return_if_fail (self->n_columns == 0);

  if (!check_open (self))
    return;
  self->n_columns = n_columns;
  self->column_widths = g_new (double, n_columns);
  for (guint i = 0; i < n_columns; i++)
    self->column_widths[i] = widths[i] * content;
  if (headers != NULL)
    {
      self->headers = g_new0 (char *, n_columns + 1);
      for (guint i = 0; i < n_columns; i++)
        self->headers[i] = g_strdup (headers[i] != NULL ? headers[i] : "");
    }
  /* the header and at least one row together */
  need (self, 60);
  draw_table_header (self);
}

void
scs_pdf_writer_table_row (ScsPdfWriter       *self,
                          const char * const *cells)
{
  g_autofree Style *cell_styles = NULL;

  g_return_if_fail (SCS_IS_PDF_WRITER (self));
  g_return_if_fail (self->n_columns > 0);
  g_return_if_fail (cells != NULL);

  if (!check_open (self))
    return;
  cell_styles = g_new (Style, self->n_columns);
  for (guint i = 0; i < self->n_columns; i++)
    cell_styles[i] = STYLE_CELL;
  add_row (self, cells, self->column_widths, self->n_columns, ROW_BORDER, cell_styles, TRUE);
}

void
scs_pdf_writer_table_end (ScsPdfWriter *self)
{
  g_return_if_fail (SCS_IS_PDF_WRITER (self));
  g_return_if_fail (self->n_columns > 0);

  self->n_columns = 0;
  g_clear_pointer (&self->column_widths, g_free);
  g_clear_pointer (&self->headers, g_strfreev);
  if (self->cr != NULL && !self->finished)
    self->y += 8;
}

void
scs_pdf_writer_key_values (ScsPdfWriter       *self,
                           const char * const *pairs)
{
  double content = scs_pdf_writer_get_content_width (self);
  double widths[2] = { 0.3 * content, 0.7 * content };
  const Style kv_styles[2] = { STYLE_BODY_BOLD, STYLE_BODY };

  g_return_if_fail (SCS_IS_PDF_WRITER (self));
  g_return_if_fail (pairs != NULL);

  if (!check_open (self))
    return;
  for (guint i = 0; pairs[i] != NULL; i += 2)
    {
      const char *value = pairs[i + 1];
      const char *cells[2] = { pairs[i], (value != NULL && *value != '\0') ? value : "—" };

      add_row (self, cells, widths, 2, ROW_PLAIN, kv_styles, FALSE);
    }
  self->y += 6;
}

/* Drawing areas */

void
scs_pdf_writer_drawing (ScsPdfWriter   *self,
                        double          height,
                        ScsPdfDrawFunc  func,
                        gpointer        user_data)
{
  g_return_if_fail (SCS_IS_PDF_WRITER (self));
  g_return_if_fail (func != NULL);
  g_return_if_fail (height > 0);

  if (!check_open (self))
    return;
  height = MIN (height, body_height (self));
  need (self, height);
  cairo_save (self->cr);
  cairo_translate (self->cr, self->margin_left, self->y);
  cairo_rectangle (self->cr, 0, 0, scs_pdf_writer_get_content_width (self), height);
  cairo_clip (self->cr);
  func (self->cr, scs_pdf_writer_get_content_width (self), height, user_data);
  cairo_restore (self->cr);
  self->y += height + 6;
}

typedef struct
{
  ScsPdfWriter    *self;
  const ScsPdfBar *bars;
  guint            n_bars;
} BarsData;

#define BAR_ROW 16.0

static void
draw_bars (cairo_t  *cr,
           double    width,
           double    height,
           gpointer  user_data)
{
  BarsData *data = user_data;
  double label_w = width * 0.34, bar_w = width * 0.46, value_x = label_w + bar_w + 6;

  for (guint i = 0; i < data->n_bars; i++)
    {
      const ScsPdfBar *bar = &data->bars[i];
      double top = i * BAR_ROW;
      double fraction = bar->max > 0 ? CLAMP (bar->value / bar->max, 0, 1) : 0;
      g_autoptr(PangoLayout) label = make_layout (data->self, STYLE_CELL, label_w - 6, bar->label, FALSE);
      g_autofree char *value_text = NULL;
      g_autoptr(PangoLayout) value = NULL;

      pango_layout_set_ellipsize (label, PANGO_ELLIPSIZE_END);
      set_style_colour (cr, STYLE_CELL);
      cairo_move_to (cr, 0, top + 2);
      pango_cairo_show_layout (cr, label);

      cairo_set_source_rgb (cr, 0.92, 0.92, 0.92);
      cairo_rectangle (cr, label_w, top + 3, bar_w, BAR_ROW - 6);
      cairo_fill (cr);
      cairo_set_source_rgb (cr,
                            ((bar->rgb >> 16) & 0xff) / 255.0,
                            ((bar->rgb >> 8) & 0xff) / 255.0,
                            (bar->rgb & 0xff) / 255.0);
      cairo_rectangle (cr, label_w, top + 3, bar_w * fraction, BAR_ROW - 6);
      cairo_fill (cr);

      if (bar->value_text != NULL)
        value_text = g_strdup (bar->value_text);
      else
        value_text = g_strdup_printf ("%g / %g", bar->value, bar->max);
      value = make_layout (data->self, STYLE_CELL, width - value_x, value_text, FALSE);
      set_style_colour (cr, STYLE_CELL);
      cairo_move_to (cr, value_x, top + 2);
      pango_cairo_show_layout (cr, value);
    }
}

void
scs_pdf_writer_bars (ScsPdfWriter    *self,
                     const ScsPdfBar *bars,
                     guint            n_bars)
{
  BarsData data = { self, bars, n_bars };

  g_return_if_fail (SCS_IS_PDF_WRITER (self));
  g_return_if_fail (bars != NULL || n_bars == 0);

  if (n_bars == 0)
    return;
  scs_pdf_writer_drawing (self, n_bars * BAR_ROW, draw_bars, &data);
}

/* Output */

guint
scs_pdf_writer_get_n_pages (ScsPdfWriter *self)
{
  g_return_val_if_fail (SCS_IS_PDF_WRITER (self), 0);

  return MAX (self->pages->len, 1);
}

static void
draw_footer (ScsPdfWriter *self,
             cairo_t      *cr,
             guint         index)
{
  double width = scs_pdf_writer_get_content_width (self);
  double y = SCS_PDF_PAGE_HEIGHT - self->margin_bottom + 18;
  g_autofree char *number = g_strdup_printf ("%u / %u", index + 1, scs_pdf_writer_get_n_pages (self));
  g_autoptr(PangoLayout) right = make_layout (self, STYLE_FOOTER, width, number, FALSE);

  set_style_colour (cr, STYLE_FOOTER);
  if (self->footer != NULL)
    {
      g_autoptr(PangoLayout) left = make_layout (self, STYLE_FOOTER, width * 0.75, self->footer, FALSE);

      pango_layout_set_ellipsize (left, PANGO_ELLIPSIZE_END);
      cairo_move_to (cr, self->margin_left, y);
      pango_cairo_show_layout (cr, left);
    }
  pango_layout_set_alignment (right, PANGO_ALIGN_RIGHT);
  cairo_move_to (cr, self->margin_left, y);
  pango_cairo_show_layout (cr, right);
}

static void
draw_watermark (ScsPdfWriter *self,
                cairo_t      *cr)
{
  g_autoptr(PangoLayout) layout = NULL;
  PangoFontDescription *desc;
  double angle = atan2 (SCS_PDF_PAGE_HEIGHT, SCS_PDF_PAGE_WIDTH);
  double diagonal = hypot (SCS_PDF_PAGE_WIDTH, SCS_PDF_PAGE_HEIGHT);
  int w, h;
  double scale;

  layout = pango_layout_new (self->context);
  desc = pango_font_description_from_string (SCS_PDF_FONT_FAMILY " Bold 72");
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_text (layout, self->watermark, -1);
  pango_layout_get_size (layout, &w, &h);
  /* fill about 70 % of the diagonal */
  scale = MIN (1.5, 0.7 * diagonal / ((double) w / PANGO_SCALE));

  /* also a plain line in the top margin: faint diagonal text may vanish
   * on a printer, and text extraction breaks diagonal text into letters */
  {
    g_autoptr(PangoLayout) band = make_layout (self, STYLE_FOOTER,
                                               scs_pdf_writer_get_content_width (self),
                                               self->watermark, FALSE);

    pango_layout_set_alignment (band, PANGO_ALIGN_RIGHT);
    cairo_set_source_rgb (cr, 0.75, 0.10, 0.10);
    cairo_move_to (cr, self->margin_left, MAX (8, self->margin_top - 24));
    pango_cairo_show_layout (cr, band);
  }

  cairo_save (cr);
  cairo_translate (cr, SCS_PDF_PAGE_WIDTH / 2, SCS_PDF_PAGE_HEIGHT / 2);
  cairo_rotate (cr, -angle);
  cairo_scale (cr, scale, scale);
  cairo_move_to (cr, -(double) w / PANGO_SCALE / 2, -(double) h / PANGO_SCALE / 2);
  cairo_set_source_rgba (cr, 0.75, 0.10, 0.10, 0.14);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

void
scs_pdf_writer_render_page (ScsPdfWriter *self,
                            cairo_t      *cr,
                            guint         index)
{
  g_return_if_fail (SCS_IS_PDF_WRITER (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (index < scs_pdf_writer_get_n_pages (self));

  cairo_save (cr);
  if (index < self->pages->len)
    {
      cairo_set_source_surface (cr, g_ptr_array_index (self->pages, index), 0, 0);
      cairo_paint (cr);
    }
  draw_footer (self, cr, index);
  if (self->watermark != NULL)
    draw_watermark (self, cr);
  cairo_restore (cr);
}

static cairo_status_t
write_to_array (void                *closure,
                const unsigned char *data,
                unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

GBytes *
scs_pdf_writer_finish (ScsPdfWriter  *self,
                       GError       **error)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  guint n_pages;

  g_return_val_if_fail (SCS_IS_PDF_WRITER (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (self->finished)
    {
      g_set_error_literal (error, SCS_PDF_WRITER_ERROR, SCS_PDF_WRITER_ERROR_FINISHED,
                           _("The PDF document was already written"));
      return NULL;
    }
  self->finished = TRUE;
  g_clear_pointer (&self->cr, cairo_destroy);

  surface = cairo_pdf_surface_create_for_stream (write_to_array, out,
                                                 SCS_PDF_PAGE_WIDTH, SCS_PDF_PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "SCS Workbench");
  if (self->title != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);
  if (self->author != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, self->author);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, self->date);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE, self->date);

  cr = cairo_create (surface);
  n_pages = scs_pdf_writer_get_n_pages (self);
  for (guint i = 0; i < n_pages; i++)
    {
      scs_pdf_writer_render_page (self, cr, i);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, SCS_PDF_WRITER_ERROR, SCS_PDF_WRITER_ERROR_FAILED,
                   _("Could not write the PDF document: %s"), cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}
