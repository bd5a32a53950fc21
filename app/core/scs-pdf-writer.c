/* scs-pdf-writer.c: flowing A4 documents with cairo PDF and Pango
 *
 * Content is laid out with Pango on a private font map at 72 dpi with hinting
 * and glyph-position rounding off, so line breaks depend only on the text and
 * the fonts, never on a screen. As the document grows, each page records what
 * goes where — which lines of which text, rectangles, rules, and pictures for
 * drawing functions — not glyphs; only when it is finished do we know the page
 * count, so a page is drawn, with its footer ("N / M") and watermark, when it
 * is written into the PDF surface or onto a print context, its text laid out
 * again then. So the memory a document takes is its text plus a page's worth
 * of laid-out lines, however long a note is. Paragraphs and table rows that do
 * not fit are split between lines (never through a line). The PDF's dates are
 * set explicitly, and cairo writes no random document ID, so the same content
 * gives the same bytes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "scs-pdf-writer.h"

#include <fcntl.h>
#include <math.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cairo-ft.h>
#include <fontconfig/fcfreetype.h>
#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>

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

/* Texts: see "Texts and their lines" below */
#define TEXT_PIECE 8192
#define N_CACHED_PIECES 8

typedef struct
{
  gsize   start, end;  /* bytes of the text; end == start for the empty
                        * line after a text's last line break */
  guint   first_line;  /* index in the whole text of its first line */
  guint   n_lines;
  double  top;         /* from the top of the text */
  double  height;
} Piece;

typedef struct
{
  char     *text;
  gsize     length;
  Style     style;
  double    width;
  gboolean  whole;       /* one piece: no width or short text */
  GArray   *pieces;      /* of Piece, those found so far */
  gsize     next;        /* where the next piece starts */
  gboolean  empty_last;  /* the next piece is the empty last line */
  gboolean  complete;    /* every piece found */
} Text;

/* A line of a piece: where it goes relative to the top of its piece. */
typedef struct
{
  PangoLayout     *layout;    /* a reference: it owns the line */
  PangoLayoutLine *line;
  double           x;         /* from the left of the text */
  double           baseline;  /* from the top of the piece */
  double           bottom;
} LinePlace;

typedef struct
{
  Text    *text;
  guint    piece;
  guint64  used;
  GArray  *places;  /* of LinePlace */
} CachedPiece;

struct _ScsPdfWriter
{
  GObject        parent_instance;

  PangoFontMap  *font_map;
  PangoContext  *context;

  GPtrArray     *texts;      /* of Text*, every text added */
  GPtrArray     *pages;      /* of GArray of Item */
  GArray        *page;       /* the last page while content is added, or NULL */
  double         y;          /* next free position on the current page */

  CachedPiece    cache[N_CACHED_PIECES];  /* laid-out pieces of texts */
  guint64        clock;

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

static void text_free   (gpointer      data);
static void cache_clear (ScsPdfWriter *self);

static void
scs_pdf_writer_finalize (GObject *object)
{
  ScsPdfWriter *self = SCS_PDF_WRITER (object);

  cache_clear (self);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->texts, g_ptr_array_unref);
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

/* Fonts read, not mapped.
 *
 * cairo embeds a CFF font by copying the font's whole CFF table into memory
 * and subsetting the copy: for Noto Sans CJK 15 MiB a face. FreeType reads a
 * font file through a memory map of all of it, so that copy also left the
 * whole table's pages of the map resident: ~32 MiB a face, ~65 MiB for the
 * regular and bold faces of every report, most of an export's peak memory.
 * The writers' font maps therefore use a fontconfig configuration of their
 * own, the system's, in which the faces of SCS_PDF_FONT_FAMILY carry an
 * FT_Face (FC_FT_FACE) that reads its file with pread () as FreeType needs
 * it; cairo draws and embeds with that face, the same file and glyphs, and
 * the copy is the only memory the table takes, while it is subset. The
 * faces are opened once per process and never closed: cairo may keep them
 * after a writer is gone. Where any of this fails, fonts are mapped as
 * before. */

static unsigned long
font_stream_read (FT_Stream      stream,
                  unsigned long  offset,
                  unsigned char *buffer,
                  unsigned long  count)
{
  ssize_t n;

  /* a count of 0 is a seek, which returns 0 on success */
  if (count == 0)
    return offset <= stream->size ? 0 : 1;
  n = pread (stream->descriptor.value, buffer, count, offset);
  return n > 0 ? (unsigned long) n : 0;
}

static FT_Face
open_unmapped_face (FT_Library  library,
                    const char *file,
                    int         index)
{
  FT_Open_Args args = { 0 };
  FT_Stream stream;
  FT_Face face = NULL;
  struct stat st;
  int fd;

  fd = g_open (file, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    return NULL;
  if (fstat (fd, &st) != 0)
    {
      close (fd);
      return NULL;
    }
  stream = g_new0 (FT_StreamRec, 1);
  stream->size = st.st_size;
  stream->descriptor.value = fd;
  stream->read = font_stream_read;
  args.flags = FT_OPEN_STREAM;
  args.stream = stream;
  if (FT_Open_Face (library, &args, index, &face) != 0)
    {
      close (fd);
      g_free (stream);
      return NULL;
    }
  return face;
}

static gboolean
is_report_family (FcPattern *pattern)
{
  FcChar8 *family;

  for (int i = 0; FcPatternGetString (pattern, FC_FAMILY, i, &family) == FcResultMatch; i++)
    if (g_str_equal ((const char *) family, SCS_PDF_FONT_FAMILY))
      return TRUE;
  return FALSE;
}

static FcConfig *
unmapped_font_config (void)
{
  static gsize once = 0;
  static FcConfig *config = NULL;

  if (g_once_init_enter (&once))
    {
      FcConfig *loaded = FcInitLoadConfigAndFonts ();
      FcFontSet *set = loaded != NULL ? FcConfigGetFonts (loaded, FcSetSystem) : NULL;
      FT_Library library = NULL;
      guint faces = 0;

      if (set != NULL && FT_Init_FreeType (&library) != 0)
        library = NULL;
      for (int i = 0; library != NULL && i < set->nfont; i++)
        {
          FcChar8 *file;
          int index;
          FT_Face face;
          FcPattern *with_face;

          if (!is_report_family (set->fonts[i]) ||
              FcPatternGetString (set->fonts[i], FC_FILE, 0, &file) != FcResultMatch ||
              FcPatternGetInteger (set->fonts[i], FC_INDEX, 0, &index) != FcResultMatch)
            continue;
          face = open_unmapped_face (library, (const char *) file, index);
          if (face == NULL)
            continue;
          /* the set's patterns may be a cache's, read-only: replaced */
          with_face = FcPatternDuplicate (set->fonts[i]);
          FcPatternAddFTFace (with_face, FC_FT_FACE, face);
          FcPatternDestroy (set->fonts[i]);
          set->fonts[i] = with_face;
          faces++;
        }
      if (faces > 0)
        config = loaded;
      else
        {
          if (loaded != NULL)
            FcConfigDestroy (loaded);
          if (library != NULL)
            FT_Done_FreeType (library);
        }
      g_once_init_leave (&once, 1);
    }
  return config;
}

static void
scs_pdf_writer_init (ScsPdfWriter *self)
{
  cairo_font_options_t *options;

  self->texts = g_ptr_array_new_with_free_func (text_free);
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  self->margin_top = self->margin_right = self->margin_bottom = self->margin_left = 50.0;
  self->date = g_strdup (DEFAULT_DATE);

  /* A private font map and context: metrics independent of any screen. */
  self->font_map = pango_cairo_font_map_new ();
  if (PANGO_IS_FC_FONT_MAP (self->font_map) && unmapped_font_config () != NULL)
    pango_fc_font_map_set_config (PANGO_FC_FONT_MAP (self->font_map), unmapped_font_config ());
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
             const char   *text)
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
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int h;

  pango_layout_get_size (layout, NULL, &h);
  return (double) h / PANGO_SCALE;
}

/* Texts and their lines.
 *
 * Every text added is kept (a copy) until the document is written, and
 * its lines are laid out twice: once as it is added, to break the pages,
 * and again when a page is drawn. A page holds no glyphs, only which
 * lines of which text go where (see Item below), so the memory a document
 * needs is its text, not its glyphs, and a report with notes of thousands
 * of pages lays out and draws a page's worth of text at a time.
 *
 * Plain text is laid out in pieces of at most TEXT_PIECE bytes, cut at a
 * line break (else after a space, else between two characters), each its
 * own PangoLayout stacked under the one before: Pango finds each line's
 * place by counting characters from the start of its layout, so one
 * layout of a note of thousands of pages took time quadratic in its
 * length. A piece cut inside a paragraph (one of more than TEXT_PIECE
 * bytes without a line break) ends its last line early. The pieces are
 * found in order as the text is first flowed; the laid-out pieces in use
 * are kept in a small cache (N_CACHED_PIECES), the others are laid out
 * again when needed. */
static void
text_free (gpointer data)
{
  Text *text = data;

  g_free (text->text);
  g_array_unref (text->pieces);
  g_free (text);
}

/* A copy of @text for the document (NULL is empty). */
static Text *
text_new (ScsPdfWriter *self,
          Style         style,
          double        width,
          const char   *string)
{
  Text *text = g_new0 (Text, 1);

  text->text = g_strdup (string != NULL ? string : "");
  text->length = strlen (text->text);
  text->style = style;
  text->width = width;
  text->whole = width <= 0 || text->length <= TEXT_PIECE;
  text->pieces = g_array_new (FALSE, FALSE, sizeof (Piece));
  g_ptr_array_add (self->texts, text);
  return text;
}

static void
line_place_clear (gpointer data)
{
  LinePlace *place = data;

  g_object_unref (place->layout);
}

static GArray *
line_places (PangoLayout *layout)
{
  GArray *places = g_array_new (FALSE, FALSE, sizeof (LinePlace));
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  g_array_set_clear_func (places, line_place_clear);
  do
    {
      PangoRectangle logical;
      LinePlace place;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      place.layout = g_object_ref (layout);
      place.line = pango_layout_iter_get_line_readonly (iter);
      place.x = (double) logical.x / PANGO_SCALE;
      place.baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
      place.bottom = (double) (logical.y + logical.height) / PANGO_SCALE;
      g_array_append_val (places, place);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  return places;
}

static void
cache_clear (ScsPdfWriter *self)
{
  for (guint i = 0; i < N_CACHED_PIECES; i++)
    {
      g_clear_pointer (&self->cache[i].places, g_array_unref);
      self->cache[i].text = NULL;
    }
}

/* Keeps @places (taken) as the lines of @piece of @text, in place of the
 * piece used longest ago. */
static GArray *
cache_put (ScsPdfWriter *self,
           Text         *text,
           guint         piece,
           GArray       *places)
{
  CachedPiece *oldest = &self->cache[0];

  for (guint i = 1; i < N_CACHED_PIECES; i++)
    if (self->cache[i].used < oldest->used)
      oldest = &self->cache[i];
  g_clear_pointer (&oldest->places, g_array_unref);
  oldest->text = text;
  oldest->piece = piece;
  oldest->used = ++self->clock;
  oldest->places = places;
  return places;
}

static PangoLayout *
make_piece_layout (ScsPdfWriter *self,
                   Text         *text,
                   const Piece  *piece)
{
  g_autofree char *part = NULL;

  if (text->whole)
    return make_layout (self, text->style, text->width, text->text);
  part = g_strndup (text->text + piece->start, piece->end - piece->start);
  return make_layout (self, text->style, text->width, part);
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

static double
text_height (Text *text)
{
  const Piece *last;

  if (text->pieces->len == 0)
    return 0;
  last = &g_array_index (text->pieces, Piece, text->pieces->len - 1);
  return last->top + last->height;
}

static guint
text_known_lines (Text *text)
{
  const Piece *last;

  if (text->pieces->len == 0)
    return 0;
  last = &g_array_index (text->pieces, Piece, text->pieces->len - 1);
  return last->first_line + last->n_lines;
}

/* Lays out the next piece of @text (which is not complete). */
static void
text_discover (ScsPdfWriter *self,
               Text         *text)
{
  g_autoptr(PangoLayout) layout = NULL;
  GArray *places;
  Piece piece;

  g_assert (!text->complete);

  piece.top = text_height (text);
  piece.first_line = text_known_lines (text);
  if (text->whole)
    {
      piece.start = 0;
      piece.end = text->length;
      text->complete = TRUE;
    }
  else if (text->empty_last)
    {
      /* a text ending in a line break ends with an empty line */
      piece.start = piece.end = text->length;
      text->complete = TRUE;
    }
  else
    {
      gsize skip;
      const char *start = text->text + text->next;
      const char *stop = piece_end (start, text->text + text->length, &skip);

      piece.start = text->next;
      piece.end = stop - text->text;
      text->next = piece.end + skip;
      if (text->next == text->length)
        {
          if (skip > 0)
            text->empty_last = TRUE;
          else
            text->complete = TRUE;
        }
    }
  layout = make_piece_layout (self, text, &piece);
  places = line_places (layout);
  piece.n_lines = places->len;
  piece.height = layout_height (layout);
  g_array_append_val (text->pieces, piece);
  cache_put (self, text, text->pieces->len - 1, places);
}

/* The lines of piece @index of @text (found already), laid out again if
 * they are not in the cache; valid until the next piece is laid out. */
static GArray *
piece_places (ScsPdfWriter *self,
              Text         *text,
              guint         index)
{
  g_autoptr(PangoLayout) layout = NULL;

  for (guint i = 0; i < N_CACHED_PIECES; i++)
    if (self->cache[i].text == text && self->cache[i].piece == index)
      {
        self->cache[i].used = ++self->clock;
        return self->cache[i].places;
      }
  layout = make_piece_layout (self, text, &g_array_index (text->pieces, Piece, index));
  return cache_put (self, text, index, line_places (layout));
}

/* The piece of @text holding line @line, laying pieces out until it is
 * found; -1 past the text's last line. */
static int
text_find_piece (ScsPdfWriter *self,
                 Text         *text,
                 guint         line)
{
  guint lo = 0, hi;

  while (line >= text_known_lines (text) && !text->complete)
    text_discover (self, text);
  if (line >= text_known_lines (text))
    return -1;
  hi = text->pieces->len;
  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (text->pieces, Piece, mid).first_line <= line)
        lo = mid;
      else
        hi = mid;
    }
  return lo;
}

/* The bottom of line @line of @text, from the top of the text, in
 * *@bottom; FALSE past its last line. */
static gboolean
text_line_bottom (ScsPdfWriter *self,
                  Text         *text,
                  guint         line,
                  double       *bottom)
{
  int index = text_find_piece (self, text, line);
  const Piece *piece;
  GArray *places;

  if (index < 0)
    return FALSE;
  piece = &g_array_index (text->pieces, Piece, index);
  places = piece_places (self, text, index);
  *bottom = piece->top + g_array_index (places, LinePlace, line - piece->first_line).bottom;
  return TRUE;
}

static gboolean
text_has_line (ScsPdfWriter *self,
               Text         *text,
               guint         line)
{
  return text_find_piece (self, text, line) >= 0;
}

static void
set_style_colour (cairo_t *cr,
                  Style    style)
{
  cairo_set_source_rgb (cr, styles[style].r, styles[style].g, styles[style].b);
}

/* Draws lines [@first, @last) of @text so that its position @offset lands
 * at @y. Only those lines are emitted: text that belongs on another page
 * is not hidden under a clip, so text extraction sees each line once. */
static void
show_lines (ScsPdfWriter *self,
            cairo_t      *cr,
            Text         *text,
            double        x,
            double        y,
            double        offset,
            guint         first,
            guint         last)
{
  int index = text_find_piece (self, text, first);

  set_style_colour (cr, text->style);
  for (guint i = first; index >= 0 && i < last && index < (int) text->pieces->len; index++)
    {
      const Piece *piece = &g_array_index (text->pieces, Piece, index);
      GArray *places = piece_places (self, text, index);

      for (; i < last && i < piece->first_line + piece->n_lines; i++)
        {
          const LinePlace *place = &g_array_index (places, LinePlace, i - piece->first_line);

          cairo_move_to (cr, x + place->x, y - offset + (piece->top + place->baseline));
          pango_cairo_show_layout_line (cr, place->line);
        }
    }
}

/* What a page holds, drawn in order when the page is: lines of a text,
 * filled or stroked rectangles, rules, and pictures (what a drawing
 * function drew, recorded). */
typedef enum
{
  ITEM_LINES,
  ITEM_FILL,
  ITEM_STROKE,
  ITEM_RULE,
  ITEM_PICTURE,
} ItemKind;

typedef struct
{
  ItemKind kind;
  double   x, y;
  union
  {
    struct
    {
      Text   *text;
      guint   first, last;
      double  offset;
    } lines;
    struct
    {
      double  width, height;  /* ITEM_RULE: to x + width, height 0 */
      double  line_width;     /* ITEM_STROKE, ITEM_RULE */
      double  r, g, b;
    } shape;
    struct
    {
      double           width, height;
      cairo_surface_t *surface;
    } picture;
  };
} Item;

static void
item_clear (gpointer data)
{
  Item *item = data;

  if (item->kind == ITEM_PICTURE)
    cairo_surface_destroy (item->picture.surface);
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
  self->page = g_array_new (FALSE, FALSE, sizeof (Item));
  g_array_set_clear_func (self->page, item_clear);
  g_ptr_array_add (self->pages, self->page);
  self->y = self->margin_top;
}

static void
ensure_page (ScsPdfWriter *self)
{
  if (self->page == NULL)
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

/* Adds to the current page: lines [@first, @last) of @text, its position
 * @offset at @y. */
static void
put_lines (ScsPdfWriter *self,
           Text         *text,
           double        x,
           double        y,
           double        offset,
           guint         first,
           guint         last)
{
  Item item = { .kind = ITEM_LINES, .x = x, .y = y };

  item.lines.text = text;
  item.lines.first = first;
  item.lines.last = last;
  item.lines.offset = offset;
  g_array_append_val (self->page, item);
}

/* Adds to the current page: a rectangle filled (@line_width 0) or
 * stroked, or with @height 0 and @kind ITEM_RULE a horizontal line. */
static void
put_shape (ScsPdfWriter *self,
           ItemKind      kind,
           double        x,
           double        y,
           double        width,
           double        height,
           double        line_width,
           double        r,
           double        g,
           double        b)
{
  Item item = { .kind = kind, .x = x, .y = y };

  item.shape.width = width;
  item.shape.height = height;
  item.shape.line_width = line_width;
  item.shape.r = r;
  item.shape.g = g;
  item.shape.b = b;
  g_array_append_val (self->page, item);
}

static void
draw_item (ScsPdfWriter *self,
           cairo_t      *cr,
           const Item   *item)
{
  switch (item->kind)
    {
    case ITEM_LINES:
      show_lines (self, cr, item->lines.text, item->x, item->y, item->lines.offset,
                  item->lines.first, item->lines.last);
      break;
    case ITEM_FILL:
    case ITEM_STROKE:
      cairo_set_source_rgb (cr, item->shape.r, item->shape.g, item->shape.b);
      if (item->kind == ITEM_STROKE)
        cairo_set_line_width (cr, item->shape.line_width);
      cairo_rectangle (cr, item->x, item->y, item->shape.width, item->shape.height);
      if (item->kind == ITEM_STROKE)
        cairo_stroke (cr);
      else
        cairo_fill (cr);
      break;
    case ITEM_RULE:
      cairo_set_source_rgb (cr, item->shape.r, item->shape.g, item->shape.b);
      cairo_set_line_width (cr, item->shape.line_width);
      cairo_move_to (cr, item->x, item->y);
      cairo_line_to (cr, item->x + item->shape.width, item->y);
      cairo_stroke (cr);
      break;
    case ITEM_PICTURE:
      cairo_save (cr);
      cairo_translate (cr, item->x, item->y);
      cairo_rectangle (cr, 0, 0, item->picture.width, item->picture.height);
      cairo_clip (cr);
      cairo_set_source_surface (cr, item->picture.surface, 0, 0);
      cairo_paint (cr);
      cairo_restore (cr);
      break;
    default:
      g_assert_not_reached ();
    }
}

/* Flows the lines of @text at @x from the current position, continuing
 * on new pages between lines when they do not fit. */
static void
flow_lines (ScsPdfWriter *self,
            Text         *text,
            double        x)
{
  guint first = 0;
  double offset = 0;

  ensure_page (self);
  while (text_has_line (self, text, first))
    {
      guint last = first;
      double bottom = 0, height;

      /* the last line that still fits */
      while (text_line_bottom (self, text, last, &bottom) &&
             bottom - offset <= space_left (self) + 0.01)
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
      text_line_bottom (self, text, last - 1, &bottom);
      height = bottom - offset;

      put_lines (self, text, x, self->y, offset, first, last);

      self->y += height;
      offset += height;
      first = last;
      if (text_has_line (self, text, first))
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
          double        space_before,
          double        space_after,
          double        keep_with_next)
{
  Text *lines;

  if (!check_open (self))
    return;
  ensure_page (self);
  if (!at_page_top (self))
    self->y += space_before;
  lines = text_new (self, style, scs_pdf_writer_get_content_width (self), text);
  /* headings stay with at least a few lines of what follows; laid out
   * only as far as it takes to know (a page) */
  while (!lines->complete && text_height (lines) + keep_with_next <= body_height (self))
    text_discover (self, lines);
  if (lines->complete)
    need (self, MIN (text_height (lines) + keep_with_next, body_height (self)));
  else
    need (self, body_height (self));
  flow_lines (self, lines, self->margin_left);
  self->y += space_after;
}

void
scs_pdf_writer_title (ScsPdfWriter *self,
                      const char   *text)
{
  g_return_if_fail (SCS_IS_PDF_WRITER (self));
  add_text (self, STYLE_TITLE, text, 12, 12, 60);
}

void
scs_pdf_writer_heading (ScsPdfWriter *self,
                        const char   *text)
{
  g_return_if_fail (SCS_IS_PDF_WRITER (self));
  if (!check_open (self))
    return;
  add_text (self, STYLE_HEADING, text, 14, 2, 70);
  /* a rule under the heading */
  put_shape (self, ITEM_RULE, self->margin_left, self->y, scs_pdf_writer_get_content_width (self), 0,
             0.8, 0.05, 0.20, 0.40);
  self->y += 6;
}

void
scs_pdf_writer_subheading (ScsPdfWriter *self,
                           const char   *text)
{
  g_return_if_fail (SCS_IS_PDF_WRITER (self));
  add_text (self, STYLE_SUBHEADING, text, 8, 4, 50);
}

void
scs_pdf_writer_paragraph (ScsPdfWriter *self,
                          const char   *text)
{
  g_return_if_fail (SCS_IS_PDF_WRITER (self));
  add_text (self, STYLE_BODY, text, 0, 6, 0);
}

void
scs_pdf_writer_small (ScsPdfWriter *self,
                      const char   *text)
{
  g_return_if_fail (SCS_IS_PDF_WRITER (self));
  add_text (self, STYLE_SMALL, text, 0, 3, 0);
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
               Text         **texts,
               const double  *widths,
               guint          n,
               const double  *offsets,
               const double  *heights,
               const guint   *firsts,
               const guint   *lasts,
               double         row_height,
               RowFlags       flags)
{
  double x = self->margin_left;

  for (guint i = 0; i < n; i++)
    {
      if (flags & ROW_HEADER)
        put_shape (self, ITEM_FILL, x, self->y, widths[i], row_height, 0, 0.89, 0.91, 0.94);
      if (heights[i] > 0)
        put_lines (self, texts[i], x + CELL_PAD, self->y + CELL_PAD, offsets[i], firsts[i], lasts[i]);
      if (flags & ROW_BORDER)
        put_shape (self, ITEM_STROKE, x, self->y, widths[i], row_height, 0.4, 0.55, 0.55, 0.55);
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
  g_autofree Text **texts = g_new0 (Text *, n);
  g_autofree guint *first = g_new0 (guint, n);
  g_autofree guint *starts = g_new0 (guint, n);
  g_autofree double *offsets = g_new0 (double, n);
  g_autofree double *heights = g_new0 (double, n);
  double full = 0;

  ensure_page (self);
  /* the row starts on the next page unless it fits whole: its cells are
   * laid out only as far as it takes to know (a page) */
  for (guint i = 0; i < n; i++)
    {
      texts[i] = text_new (self, cell_styles[i], widths[i] - 2 * CELL_PAD, cells[i]);
      while (!texts[i]->complete && text_height (texts[i]) + 2 * CELL_PAD <= space_left (self))
        text_discover (self, texts[i]);
      full = MAX (full, text_height (texts[i]));
    }
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
          double bottom;

          starts[i] = first[i];

          while (text_line_bottom (self, texts[i], last, &bottom) &&
                 bottom - offsets[i] <= avail + 0.01)
            last++;
          if (last == first[i] && text_has_line (self, texts[i], first[i]) && at_page_top (self))
            last = first[i] + 1;
          heights[i] = 0;
          if (last > first[i] && text_line_bottom (self, texts[i], last - 1, &bottom))
            heights[i] = bottom - offsets[i];
          part = MAX (part, heights[i]);
          first[i] = last;
          if (text_has_line (self, texts[i], last))
            more = TRUE;
        }
      draw_row_part (self, texts, widths, n, offsets, heights, starts, first,
                     part + 2 * CELL_PAD, flags);
      for (guint i = 0; i < n; i++)
        offsets[i] += heights[i];
      if (!more)
        break;
      new_page (self);
      if (repeat_header)
        draw_table_header (self);
    }
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
  if (self->page != NULL && !self->finished)
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
  Item item = { .kind = ITEM_PICTURE };
  cairo_rectangle_t extents = { 0 };
  cairo_t *cr;

  g_return_if_fail (SCS_IS_PDF_WRITER (self));
  g_return_if_fail (func != NULL);
  g_return_if_fail (height > 0);

  if (!check_open (self))
    return;
  height = MIN (height, body_height (self));
  need (self, height);
  /* recorded now: the function and its data are the caller's */
  item.x = self->margin_left;
  item.y = self->y;
  item.picture.width = scs_pdf_writer_get_content_width (self);
  item.picture.height = height;
  extents.width = item.picture.width;
  extents.height = height;
  item.picture.surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
  cr = cairo_create (item.picture.surface);
  func (cr, item.picture.width, height, user_data);
  cairo_destroy (cr);
  g_array_append_val (self->page, item);
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
      g_autoptr(PangoLayout) label = make_layout (data->self, STYLE_CELL, label_w - 6, bar->label);
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
      value = make_layout (data->self, STYLE_CELL, width - value_x, value_text);
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
  g_autoptr(PangoLayout) right = make_layout (self, STYLE_FOOTER, width, number);

  set_style_colour (cr, STYLE_FOOTER);
  if (self->footer != NULL)
    {
      g_autoptr(PangoLayout) left = make_layout (self, STYLE_FOOTER, width * 0.75, self->footer);

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
                                               self->watermark);

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
      GArray *page = g_ptr_array_index (self->pages, index);

      for (guint i = 0; i < page->len; i++)
        draw_item (self, cr, &g_array_index (page, Item, i));
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
  self->page = NULL;

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
