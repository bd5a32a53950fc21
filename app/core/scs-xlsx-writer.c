/* scs-xlsx-writer.c: a table as a formatted Excel workbook
 *
 * The gap list, the portfolio and the statistics go to clients and
 * vendors as .xlsx: written through libxlsxwriter (maintained, in Debian),
 * never by hand. One sheet, the header row styled, frozen and filtered,
 * widths and wrapping per column, dates as dates, every other cell a
 * string, and a string a spreadsheet could take for a formula formatted
 * as text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "scs-xlsx-writer.h"

#include <errno.h>
#include <stdio.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <xlsxwriter.h>

#include "scs-csv.h"
#include "scs-date.h"

/* Text for a cell: without the control characters XML 1.0 cannot carry (a
 * note pasted from elsewhere may hold them). */
static char *
cell_text (const char *text)
{
  char *clean = g_strdup (text != NULL ? text : "");

  for (char *p = clean; *p != '\0'; p++)
    if ((guchar) *p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r')
      *p = ' ';
  return clean;
}

/* A table as a formatted workbook through libxlsxwriter: bold shaded header
 * row, frozen, with an auto-filter; column widths; wrapped long text; dates
 * as dates; every other cell a string (never a formula), and a string a
 * spreadsheet could take for a formula is formatted as text ("@"), so it
 * stays text should the user edit it. libxlsxwriter writes only to a file: a private temporary
 * directory, removed before returning. */
GBytes *
scs_xlsx_write_table (const char       *sheet_name,
                      GPtrArray        *rows,
                      guint             n_columns,
                      const double     *widths,
                      const gboolean   *wrap,
                      int               date_column,
                      GError          **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) local = NULL;
  lxw_workbook_options options = { 0, };
  lxw_doc_properties properties = { 0, };
  lxw_workbook *book;
  lxw_worksheet *sheet;
  lxw_format *header, *text, *wrapped, *date, *quoted, *quoted_wrapped;
  lxw_error result;
  char *contents = NULL;
  gsize length = 0;

  dir = g_dir_make_tmp ("scs-xlsx-XXXXXX", &local);
  if (dir == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Cannot write the workbook: %s"), local->message);
      return NULL;
    }
  path = g_build_filename (dir, "book.xlsx", NULL);
  options.tmpdir = dir;
  book = workbook_new_opt (path, &options);
  if (book == NULL)
    {
      g_rmdir (dir);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Cannot write the workbook: %s"), g_strerror (ENOMEM));
      return NULL;
    }
  /* A fixed time: the same table gives the same bytes. */
  properties.created = 315532800;
  workbook_set_properties (book, &properties);

  header = workbook_add_format (book);
  format_set_bold (header);
  format_set_bg_color (header, 0xDDEBF7);
  format_set_border (header, LXW_BORDER_THIN);
  format_set_text_wrap (header);
  format_set_align (header, LXW_ALIGN_VERTICAL_CENTER);
  text = workbook_add_format (book);
  format_set_align (text, LXW_ALIGN_VERTICAL_TOP);
  wrapped = workbook_add_format (book);
  format_set_text_wrap (wrapped);
  format_set_align (wrapped, LXW_ALIGN_VERTICAL_TOP);
  quoted = workbook_add_format (book);
  format_set_num_format (quoted, "@");
  format_set_align (quoted, LXW_ALIGN_VERTICAL_TOP);
  quoted_wrapped = workbook_add_format (book);
  format_set_num_format (quoted_wrapped, "@");
  format_set_text_wrap (quoted_wrapped);
  format_set_align (quoted_wrapped, LXW_ALIGN_VERTICAL_TOP);
  date = workbook_add_format (book);
  format_set_num_format (date, "yyyy-mm-dd");
  format_set_align (date, LXW_ALIGN_VERTICAL_TOP);

  sheet = workbook_add_worksheet (book, sheet_name);
  for (guint c = 0; c < n_columns; c++)
    worksheet_set_column (sheet, c, c, widths[c], wrap[c] ? wrapped : text);
  for (guint r = 0; r < rows->len; r++)
    {
      const char * const *row = g_ptr_array_index (rows, r);

      for (guint c = 0; c < n_columns; c++)
        {
          g_autofree char *value = cell_text (row[c]);
          g_autoptr(GDate) day = NULL;

          if (*value == '\0' && r > 0)
            continue;
          if (r == 0)
            worksheet_write_string (sheet, r, c, value, header);
          else if ((int) c == date_column && (day = scs_date_parse_iso (value)) != NULL)
            {
              lxw_datetime when = { g_date_get_year (day), g_date_get_month (day),
                                    g_date_get_day (day), 0, 0, 0 };

              worksheet_write_datetime (sheet, r, c, &when, date);
            }
          else if (scs_csv_is_formula_like (value))
            worksheet_write_string (sheet, r, c, value, wrap[c] ? quoted_wrapped : quoted);
          else
            worksheet_write_string (sheet, r, c, value, NULL);
        }
    }
  worksheet_freeze_panes (sheet, 1, 0);
  worksheet_autofilter (sheet, 0, 0, MAX (rows->len, 1) - 1, n_columns - 1);

  result = workbook_close (book);
  if (result == LXW_NO_ERROR &&
      !g_file_get_contents (path, &contents, &length, &local))
    result = LXW_ERROR_CREATING_XLSX_FILE;
  g_unlink (path);
  g_rmdir (dir);
  if (result != LXW_NO_ERROR)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Cannot write the workbook: %s"),
                   local != NULL ? local->message : lxw_strerror (result));
      return NULL;
    }
  return g_bytes_new_take (contents, length);
}

