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
GPtrArray *scs_csv_parse_file  (const char   *path,
                                GError      **error);
/* As scs_csv_parse (), and fills @row_lines (guint) with the physical line
 * each row starts on, which differs from the row's number after a quoted
 * field with line breaks; an error then names the line too. */
GPtrArray *scs_csv_parse_lines (const char   *data,
                                gsize         length,
                                GArray      **row_lines,
                                GError      **error);

/* Appends one row, quoting where needed, ending in CRLF. A field that a
 * spreadsheet would run as a formula (=, +, -, @, tab or CR first) is
 * prefixed with an apostrophe. */
void       scs_csv_append_row  (GString            *out,
                                const char * const *fields,
                                gsize               n_fields);
/* The UTF-8 byte order mark that makes spreadsheets read Japanese right. */
#define SCS_CSV_BOM "\xEF\xBB\xBF"

/* A cell as written by scs_csv_append_row (): without the apostrophe that
 * guarded a formula character. */
const char *scs_csv_cell_text  (const char         *cell);

/* Position of @name in @header, or -1. */
int        scs_csv_find_column (const char * const *header,
                                const char         *name);

G_END_DECLS
