/* scs-csv.c: CSV reading and writing (RFC 4180), safe on hostile input
 *
 * The vendor and ordering-company features exchange lists with spreadsheets
 * (gap lists, supplier lists), so CSV comes from outside and must be treated
 * as hostile: the parser is a single pass state machine over bytes with hard
 * limits on file size, rows, columns and field length, refuses invalid UTF-8,
 * NUL and control characters (other than tab and line ends inside quotes),
 * unterminated quotes and text after a closing quote, and every refusal says
 * at which row and column it happened (1-based, as a spreadsheet shows them).
 * Writing quotes what needs quoting, ends rows with CRLF as RFC 4180 says,
 * and defuses cells that a spreadsheet would evaluate as a formula
 * (CSV injection) by prefixing an apostrophe.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "scs-csv.h"

#include <string.h>

#include <glib/gi18n-lib.h>

G_DEFINE_QUARK (scs-csv-error-quark, scs_csv_error)

static void
free_row (gpointer row)
{
  g_strfreev (row);
}

static gboolean
finish_field (GPtrArray  *fields,
              GString    *field,
              guint       row,
              GError    **error)
{
  guint column = fields->len + 1;

  if (!g_utf8_validate (field->str, field->len, NULL))
    {
      g_set_error (error, SCS_CSV_ERROR, SCS_CSV_ERROR_ENCODING,
                   _("Row %u, column %u: the text is not valid UTF-8 (save the file as UTF-8)"),
                   row, column);
      return FALSE;
    }
  if (fields->len >= SCS_CSV_MAX_COLUMNS)
    {
      g_set_error (error, SCS_CSV_ERROR, SCS_CSV_ERROR_TOO_LARGE,
                   _("Row %u: more than %u columns"), row, SCS_CSV_MAX_COLUMNS);
      return FALSE;
    }
  g_ptr_array_add (fields, g_strndup (field->str, field->len));
  g_string_truncate (field, 0);
  return TRUE;
}

static gboolean
finish_row (GPtrArray  *rows,
            GPtrArray  *fields,
            guint       row,
            GError    **error)
{
  guint expected;

  if (rows->len >= SCS_CSV_MAX_ROWS)
    {
      g_set_error (error, SCS_CSV_ERROR, SCS_CSV_ERROR_TOO_LARGE,
                   _("Row %u: more than %u rows"), row, SCS_CSV_MAX_ROWS);
      return FALSE;
    }

  if (rows->len > 0)
    {
      expected = g_strv_length (g_ptr_array_index (rows, 0));
      if (fields->len != expected)
        {
          g_set_error (error, SCS_CSV_ERROR, SCS_CSV_ERROR_SHAPE,
                       _("Row %u: %u columns, but the header row has %u"),
                       row, fields->len, expected);
          return FALSE;
        }
    }

  g_ptr_array_add (fields, NULL);
  g_ptr_array_add (rows, g_ptr_array_steal (fields, NULL));
  return TRUE;
}

/* The parser. Besides rows it counts physical lines (a quoted field may span
 * several), fills @row_lines with the line each row starts on when given,
 * and on failure leaves the row and line it stopped at in *@stop_row and
 * *@stop_line. */
static GPtrArray *
parse (const char  *data,
       gsize        length,
       GArray      *row_lines,
       guint       *stop_row,
       guint       *stop_line,
       GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (free_row);
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) field = g_string_new (NULL);
  enum { FIELD_START, UNQUOTED, QUOTED, QUOTE_IN_QUOTED } state = FIELD_START;
  guint row = 1;
  guint line = 1;
  guint row_line = 1;
  gsize i = 0;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  *stop_row = 1;
  *stop_line = 1;

  if (length > SCS_CSV_MAX_BYTES)
    {
      g_set_error (error, SCS_CSV_ERROR, SCS_CSV_ERROR_TOO_LARGE,
                   _("The file is larger than %u MiB"), SCS_CSV_MAX_BYTES / (1024 * 1024));
      return NULL;
    }

  if (length >= 3 && memcmp (data, SCS_CSV_BOM, 3) == 0)
    i = 3;

  if (i >= length)
    {
      g_set_error (error, SCS_CSV_ERROR, SCS_CSV_ERROR_SHAPE, _("The file is empty"));
      return NULL;
    }

  for (; i < length; i++)
    {
      guchar c = (guchar) data[i];
      gboolean line_end = (c == '\n' || c == '\r');

      *stop_row = row;
      *stop_line = line;
      /* A line ends at LF, or at a CR not followed by LF. */
      if (c == '\n' || (c == '\r' && (i + 1 >= length || data[i + 1] != '\n')))
        line++;

      if (c == '\0' || (c < 0x20 && c != '\t' && !line_end) || c == 0x7f)
        {
          g_set_error (error, SCS_CSV_ERROR, SCS_CSV_ERROR_ENCODING,
                       _("Row %u, column %u: control character 0x%02x is not allowed"),
                       row, fields->len + 1, c);
          return NULL;
        }

      if (field->len >= SCS_CSV_MAX_FIELD)
        {
          g_set_error (error, SCS_CSV_ERROR, SCS_CSV_ERROR_TOO_LARGE,
                       _("Row %u, column %u: the field is longer than %u bytes"),
                       row, fields->len + 1, SCS_CSV_MAX_FIELD);
          return NULL;
        }

      /* Outside quotes, a comma ends the field; a line end, the row too. */
      if (state != QUOTED && (c == ',' || line_end))
        {
          if (c == '\r' && i + 1 < length && data[i + 1] == '\n')
            {
              i++;
              line++;
            }
          if (!finish_field (fields, field, row, error))
            return NULL;
          if (line_end)
            {
              if (!finish_row (rows, fields, row, error))
                return NULL;
              if (row_lines != NULL)
                g_array_append_val (row_lines, row_line);
              row++;
              row_line = line;
            }
          state = FIELD_START;
          continue;
        }

      switch (state)
        {
        case FIELD_START:
        case UNQUOTED:
          if (c == '"')
            {
              if (state == UNQUOTED)
                {
                  g_set_error (error, SCS_CSV_ERROR, SCS_CSV_ERROR_PARSE,
                               _("Row %u, column %u: a quote inside an unquoted field "
                                 "(quote the whole field and double the quote)"),
                               row, fields->len + 1);
                  return NULL;
                }
              state = QUOTED;
            }
          else
            {
              g_string_append_c (field, c);
              state = UNQUOTED;
            }
          break;

        case QUOTED:
          if (c == '"')
            state = QUOTE_IN_QUOTED;
          else
            g_string_append_c (field, c);
          break;

        case QUOTE_IN_QUOTED:
          if (c == '"')
            {
              g_string_append_c (field, '"');
              state = QUOTED;
            }
          else
            {
              g_set_error (error, SCS_CSV_ERROR, SCS_CSV_ERROR_PARSE,
                           _("Row %u, column %u: text after the closing quote"),
                           row, fields->len + 1);
              return NULL;
            }
          break;
        }
    }

  if (state == QUOTED)
    {
      g_set_error (error, SCS_CSV_ERROR, SCS_CSV_ERROR_PARSE,
                   _("Row %u, column %u: the quoted field is never closed"),
                   row, fields->len + 1);
      return NULL;
    }

  /* The last line may lack its line end. */
  if (state != FIELD_START || fields->len > 0)
    {
      if (!finish_field (fields, field, row, error) ||
          !finish_row (rows, fields, row, error))
        return NULL;
      if (row_lines != NULL)
        g_array_append_val (row_lines, row_line);
    }

  return g_steal_pointer (&rows);
}

/**
 * scs_csv_parse:
 * @data: the file's bytes
 * @length: their number
 * @error: an %SCS_CSV_ERROR naming the row and column
 *
 * Returns: (transfer full): rows (GStrv each), or %NULL
 */
GPtrArray *
scs_csv_parse (const char  *data,
               gsize        length,
               GError     **error)
{
  guint stop_row, stop_line;

  return parse (data, length, NULL, &stop_row, &stop_line, error);
}

/**
 * scs_csv_parse_lines:
 * @data: the file's bytes
 * @length: their number
 * @row_lines: (out) (optional): the line each row starts on (guint)
 * @error: an %SCS_CSV_ERROR naming the row and column, and the line when it
 *   is not the row's number (a quoted field spanned lines before it)
 *
 * Returns: (transfer full): rows (GStrv each), or %NULL
 */
GPtrArray *
scs_csv_parse_lines (const char  *data,
                     gsize        length,
                     GArray     **row_lines,
                     GError     **error)
{
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GError) local_error = NULL;
  guint stop_row, stop_line;
  GPtrArray *rows;

  rows = parse (data, length, lines, &stop_row, &stop_line, &local_error);
  if (rows == NULL)
    {
      if (stop_line != stop_row)
        g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                    _("Line %u: "), stop_line);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (row_lines != NULL)
    *row_lines = g_steal_pointer (&lines);
  return rows;
}

GPtrArray *
scs_csv_parse_file (const char  *path,
                    GError     **error)
{
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *text = NULL;
  gsize length = 0;
  GPtrArray *rows = NULL;

  mapped = g_mapped_file_new (path, FALSE, &local_error);
  if (mapped == NULL)
    {
      g_set_error (error, SCS_CSV_ERROR, SCS_CSV_ERROR_PARSE,
                   _("Cannot read ‘%s’: %s"), display, local_error->message);
      return NULL;
    }

  /* an empty file maps to no bytes at all */
  text = scs_csv_decode (g_mapped_file_get_length (mapped) > 0 ? g_mapped_file_get_contents (mapped) : "",
                         g_mapped_file_get_length (mapped), &length, NULL, &local_error);
  if (text != NULL)
    rows = scs_csv_parse_lines (text, length, NULL, &local_error);
  if (rows == NULL)
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", display);
      return NULL;
    }

  return rows;
}

/* A plain signed decimal number ("-12.5", "+3"): a spreadsheet reads it as
 * a number, nothing runs. */
static gboolean
is_number (const char *text)
{
  const char *p = text;
  gboolean digits = FALSE;

  if (*p == '+' || *p == '-')
    p++;
  for (; g_ascii_isdigit (*p); p++)
    digits = TRUE;
  if (*p == '.')
    for (p++; g_ascii_isdigit (*p); p++)
      digits = TRUE;
  return digits && *p == '\0';
}

/* Full-width ＝＋－＠ (U+FF1D, U+FF0B, U+FF0D, U+FF20): spreadsheets with a
 * Japanese input method take them for the ASCII signs. */
gboolean
scs_csv_is_formula_like (const char *text)
{
  const char *p = text;

  g_return_val_if_fail (text != NULL, FALSE);

  if (text[0] == '\t' || text[0] == '\r')
    return TRUE;
  if (is_number (text))
    return FALSE;
  while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n' ||
         g_str_has_prefix (p, "\xE3\x80\x80"))      /* U+3000 */
    p += (guchar) *p < 0x80 ? 1 : 3;
  if (*p != '\0' && strchr ("=+-@", *p) != NULL)
    return TRUE;
  return g_str_has_prefix (p, "\xEF\xBC\x9D") || g_str_has_prefix (p, "\xEF\xBC\x8B") ||
         g_str_has_prefix (p, "\xEF\xBC\x8D") || g_str_has_prefix (p, "\xEF\xBC\xA0");
}

void
scs_csv_append_row (GString            *out,
                    const char * const *fields,
                    gsize               n_fields)
{
  g_return_if_fail (out != NULL);

  for (gsize i = 0; i < n_fields; i++)
    {
      const char *text = fields[i] != NULL ? fields[i] : "";
      gboolean formula = scs_csv_is_formula_like (text);
      /* A field opening with a byte order mark is quoted, or at the start
       * of a file a reader would take the mark for the file's own. */
      gboolean quote = formula || strpbrk (text, ",\"\r\n") != NULL || g_str_has_prefix (text, SCS_CSV_BOM);

      if (i > 0)
        g_string_append_c (out, ',');
      if (quote)
        g_string_append_c (out, '"');
      if (formula)
        g_string_append_c (out, '\'');
      for (const char *p = text; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      if (quote)
        g_string_append_c (out, '"');
    }
  g_string_append (out, "\r\n");
}

const char *
scs_csv_cell_text (const char *cell)
{
  g_return_val_if_fail (cell != NULL, NULL);

  if (cell[0] == '\'' && scs_csv_is_formula_like (cell + 1))
    return cell + 1;
  return cell;
}

gboolean
scs_csv_encoding_from_string (const char     *text,
                              ScsCsvEncoding *encoding)
{
  if (g_ascii_strcasecmp (text, "utf-8") == 0 || g_ascii_strcasecmp (text, "utf8") == 0)
    *encoding = SCS_CSV_UTF8_BOM;
  else if (g_ascii_strcasecmp (text, "cp932") == 0 || g_ascii_strcasecmp (text, "shift_jis") == 0 ||
           g_ascii_strcasecmp (text, "sjis") == 0)
    *encoding = SCS_CSV_CP932;
  else
    return FALSE;
  return TRUE;
}

/* The first character of @text that CP932 cannot hold, as a new string. */
static char *
first_unencodable (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      g_autofree char *one = g_utf8_substring (p, 0, 1);
      g_autofree char *converted = g_convert (one, -1, "CP932", "UTF-8", NULL, NULL, NULL);

      if (converted == NULL)
        return g_steal_pointer (&one);
    }
  return g_strdup ("?");
}

GBytes *
scs_csv_write (GPtrArray       *rows,
               gsize            n_columns,
               ScsCsvEncoding   encoding,
               GError         **error)
{
  g_autoptr(GString) out = g_string_new (encoding == SCS_CSV_UTF8_BOM ? SCS_CSV_BOM : NULL);
  g_autoptr(GString) line = g_string_new (NULL);

  g_return_val_if_fail (rows != NULL, NULL);

  for (guint r = 0; r < rows->len; r++)
    {
      const char * const *row = g_ptr_array_index (rows, r);
      g_autofree char *converted = NULL;
      gsize written = 0;

      g_string_truncate (line, 0);
      scs_csv_append_row (line, row, n_columns);
      if (encoding == SCS_CSV_UTF8_BOM)
        {
          g_string_append_len (out, line->str, line->len);
          continue;
        }
      converted = g_convert (line->str, line->len, "CP932", "UTF-8", NULL, &written, NULL);
      if (converted == NULL)
        {
          for (gsize c = 0; c < n_columns; c++)
            {
              g_autofree char *cell = g_convert (row[c] != NULL ? row[c] : "", -1, "CP932", "UTF-8",
                                                 NULL, NULL, NULL);
              g_autofree char *bad = NULL;

              if (cell != NULL)
                continue;
              bad = first_unencodable (row[c]);
              g_set_error (error, SCS_CSV_ERROR, SCS_CSV_ERROR_ENCODING,
                           _("Row %u, column %u: the character ‘%s’ cannot be written in Shift_JIS (CP932); "
                             "export as UTF-8 instead"), r + 1, (guint) c + 1, bad);
              return NULL;
            }
          g_set_error (error, SCS_CSV_ERROR, SCS_CSV_ERROR_ENCODING,
                       _("Row %u cannot be written in Shift_JIS (CP932); export as UTF-8 instead"), r + 1);
          return NULL;
        }
      g_string_append_len (out, converted, written);
    }
  return g_string_free_to_bytes (g_steal_pointer (&out));
}

/* Quotes, commas and line ends are ASCII and never the second byte of a
 * CP932 character, so this works on the raw bytes of either encoding. */
void
scs_csv_locate (const char *data,
                gsize       offset,
                guint      *line,
                guint      *column)
{
  gboolean quoted = FALSE;

  *line = 1;
  *column = 1;
  for (gsize i = 0; i < offset; i++)
    {
      char c = data[i];

      if (c == '"')
        quoted = !quoted;
      else if (c == ',' && !quoted)
        (*column)++;
      if (c == '\n' || (c == '\r' && data[i + 1] != '\n'))
        {
          (*line)++;
          if (!quoted)
            *column = 1;
        }
    }
}

char *
scs_csv_decode (const char      *data,
                gsize            length,
                gsize           *out_length,
                ScsCsvEncoding  *encoding,
                GError         **error)
{
  g_autoptr(GError) local = NULL;
  gsize read = 0, written = 0;
  const char *end = NULL;
  char *converted;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length > SCS_CSV_MAX_BYTES)
    {
      g_set_error (error, SCS_CSV_ERROR, SCS_CSV_ERROR_TOO_LARGE,
                   _("The file is larger than %u MiB"), SCS_CSV_MAX_BYTES / (1024 * 1024));
      return NULL;
    }
  if (g_utf8_validate_len (data, length, &end))
    {
      if (encoding != NULL)
        *encoding = SCS_CSV_UTF8_BOM;
      if (out_length != NULL)
        *out_length = length;
      return g_strndup (data, length);
    }
  /* UTF-8 up to a broken byte (a byte order mark, or Japanese before it)
   * is UTF-8 with a broken byte, not CP932: say where it is. CP932 text
   * hardly ever opens with a valid multi-byte UTF-8 sequence. */
  for (const char *p = data; p < end; p++)
    if ((guchar) *p >= 0x80)
      {
        guint line, column;

        scs_csv_locate (data, end - data, &line, &column);
        g_set_error (error, SCS_CSV_ERROR, SCS_CSV_ERROR_ENCODING,
                     _("Line %u, column %u: the text is neither UTF-8 nor Shift_JIS (CP932); "
                       "save the file as UTF-8"), line, column);
        return NULL;
      }
  converted = g_convert (data, length, "UTF-8", "CP932", &read, &written, &local);
  if (converted == NULL)
    {
      guint line, column;

      scs_csv_locate (data, MIN (read, length), &line, &column);
      g_set_error (error, SCS_CSV_ERROR, SCS_CSV_ERROR_ENCODING,
                   _("Line %u, column %u: the text is neither UTF-8 nor Shift_JIS (CP932); "
                     "save the file as UTF-8"), line, column);
      return NULL;
    }
  if (encoding != NULL)
    *encoding = SCS_CSV_CP932;
  if (out_length != NULL)
    *out_length = written;
  return converted;
}

int
scs_csv_find_column (const char * const *header,
                     const char         *name)
{
  for (int i = 0; header != NULL && header[i] != NULL; i++)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (header[i]));

      if (g_ascii_strcasecmp (stripped, name) == 0)
        return i;
    }
  return -1;
}
