/* scs-csv.h: CSV reading and writing (RFC 4180), safe on hostile input
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SCS_CSV_ERROR (scs_csv_error_quark ())

typedef enum
{
  SCS_CSV_ERROR_PARSE,     /* malformed quoting, stray characters */
  SCS_CSV_ERROR_ENCODING,  /* not UTF-8, NUL or control bytes */
  SCS_CSV_ERROR_TOO_LARGE, /* file, row count, column count or field over the limits */
  SCS_CSV_ERROR_SHAPE,     /* a row with the wrong number of columns */
} ScsCsvError;

GQuark scs_csv_error_quark (void);

#define SCS_CSV_MAX_BYTES   (16 * 1024 * 1024)
#define SCS_CSV_MAX_ROWS    100000
#define SCS_CSV_MAX_COLUMNS 64
#define SCS_CSV_MAX_FIELD   (64 * 1024)

/* Parses @data (UTF-8, optional BOM, CRLF or LF line ends). Every row must
 * have as many fields as the first. Returns a GPtrArray of GStrv rows (the
 * header included), or NULL with an error naming the row and column. */
GPtrArray *scs_csv_parse       (const char   *data,
                                gsize         length,
                                GError      **error);
/* The file at @path, decoded as scs_csv_decode () does (UTF-8 with or
 * without a byte order mark, or CP932), then parsed as by
 * scs_csv_parse_lines (): an error names the file and the line. */
GPtrArray *scs_csv_parse_file  (const char   *path,
                                GError      **error);
/* As scs_csv_parse (), and fills @row_lines (guint) with the physical line
 * each row starts on, which differs from the row's number after a quoted
 * field with line breaks; an error then names the line too. */
GPtrArray *scs_csv_parse_lines (const char   *data,
                                gsize         length,
                                GArray      **row_lines,
                                GError      **error);

/* TRUE when a spreadsheet could take @text for a formula: after any
 * leading spaces, tabs, line ends or full-width spaces it opens with
 * = + - @ or their full-width forms ＝＋－＠, or it opens with a tab or CR.
 * A plain signed number ("-12.5") is not: it stays a number. */
gboolean   scs_csv_is_formula_like (const char *text);

/* Appends one row, quoting where needed, ending in CRLF. A field that is
 * formula-like (scs_csv_is_formula_like ()) is prefixed with an apostrophe. */
void       scs_csv_append_row  (GString            *out,
                                const char * const *fields,
                                gsize               n_fields);
/* The UTF-8 byte order mark that makes spreadsheets read Japanese right. */
#define SCS_CSV_BOM "\xEF\xBB\xBF"

/* A cell as written by scs_csv_append_row (): without the apostrophe that
 * guarded a formula character. */
const char *scs_csv_cell_text  (const char         *cell);

/* The encodings a CSV is written in: UTF-8 with a byte order mark (what
 * Excel needs to read Japanese right), or Shift_JIS as Windows has it
 * (CP932), for older Japanese tools. */
typedef enum
{
  SCS_CSV_UTF8_BOM,
  SCS_CSV_CP932,
} ScsCsvEncoding;

gboolean   scs_csv_encoding_from_string (const char     *text,   /* "utf-8", "cp932" */
                                         ScsCsvEncoding *encoding);

/* Writes @rows (GStrv each, @n_columns fields) in @encoding. Fails with
 * SCS_CSV_ERROR_ENCODING naming the row, column and character that CP932
 * cannot hold; nothing is returned then. */
GBytes    *scs_csv_write       (GPtrArray          *rows,
                                gsize               n_columns,
                                ScsCsvEncoding      encoding,
                                GError            **error);

/* @data as UTF-8 for scs_csv_parse (): UTF-8 (with or without a byte order
 * mark) as it is, otherwise CP932 converted; NULL with an error when it is
 * neither. @encoding, if not NULL, tells which it was. */
char      *scs_csv_decode      (const char         *data,
                                gsize               length,
                                gsize              *out_length,
                                ScsCsvEncoding     *encoding,
                                GError            **error);

/* The line and CSV column (1-based) of byte @offset of @data, UTF-8 or
 * CP932, for an error message. */
void       scs_csv_locate      (const char         *data,
                                gsize               offset,
                                guint              *line,
                                guint              *column);

/* Position of @name in @header, or -1. */
int        scs_csv_find_column (const char * const *header,
                                const char         *name);

G_END_DECLS
