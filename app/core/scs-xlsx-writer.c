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
#include <gmodule.h>
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
/* libxlsxwriter is opened (GModule) when the first workbook is written,
 * not linked into the programs: it and what it loads in turn (minizip,
 * OpenSSL's libcrypto) cost every start of the workbench and of scs-cli
 * their dynamic linking, for an export few sessions make. Only the
 * functions below are used, with the types of its header; the build gives
 * the name to open: the soname of pkg-config's xlsxwriter as the dynamic
 * linker loads it (build-aux/soname.c, run by app/core/meson.build). */
static struct
{
  __typeof__ (workbook_new_opt) *workbook_new_opt;
  __typeof__ (workbook_set_properties) *workbook_set_properties;
  __typeof__ (workbook_add_format) *workbook_add_format;
  __typeof__ (workbook_add_worksheet) *workbook_add_worksheet;
  __typeof__ (workbook_close) *workbook_close;
  __typeof__ (format_set_bold) *format_set_bold;
  __typeof__ (format_set_bg_color) *format_set_bg_color;
  __typeof__ (format_set_border) *format_set_border;
  __typeof__ (format_set_text_wrap) *format_set_text_wrap;
  __typeof__ (format_set_align) *format_set_align;
  __typeof__ (format_set_num_format) *format_set_num_format;
  __typeof__ (worksheet_set_column) *worksheet_set_column;
  __typeof__ (worksheet_write_string) *worksheet_write_string;
  __typeof__ (worksheet_write_datetime) *worksheet_write_datetime;
  __typeof__ (worksheet_freeze_panes) *worksheet_freeze_panes;
  __typeof__ (worksheet_autofilter) *worksheet_autofilter;
  __typeof__ (lxw_strerror) *lxw_strerror;
} xlsx;

/* Opens libxlsxwriter once; %FALSE with @error set when it cannot be (not
 * installed, or an incompatible version). */
static gboolean
load_xlsxwriter (GError **error)
{
  static gsize once;
  static char *failure;

  if (g_once_init_enter (&once))
    {
      GModule *module = g_module_open (XLSXWRITER_SONAME, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);

      if (module == NULL ||
          !g_module_symbol (module, "workbook_new_opt", (gpointer *) &xlsx.workbook_new_opt) ||
          !g_module_symbol (module, "workbook_set_properties", (gpointer *) &xlsx.workbook_set_properties) ||
          !g_module_symbol (module, "workbook_add_format", (gpointer *) &xlsx.workbook_add_format) ||
          !g_module_symbol (module, "workbook_add_worksheet", (gpointer *) &xlsx.workbook_add_worksheet) ||
          !g_module_symbol (module, "workbook_close", (gpointer *) &xlsx.workbook_close) ||
          !g_module_symbol (module, "format_set_bold", (gpointer *) &xlsx.format_set_bold) ||
          !g_module_symbol (module, "format_set_bg_color", (gpointer *) &xlsx.format_set_bg_color) ||
          !g_module_symbol (module, "format_set_border", (gpointer *) &xlsx.format_set_border) ||
          !g_module_symbol (module, "format_set_text_wrap", (gpointer *) &xlsx.format_set_text_wrap) ||
          !g_module_symbol (module, "format_set_align", (gpointer *) &xlsx.format_set_align) ||
          !g_module_symbol (module, "format_set_num_format", (gpointer *) &xlsx.format_set_num_format) ||
          !g_module_symbol (module, "worksheet_set_column", (gpointer *) &xlsx.worksheet_set_column) ||
          !g_module_symbol (module, "worksheet_write_string", (gpointer *) &xlsx.worksheet_write_string) ||
          !g_module_symbol (module, "worksheet_write_datetime", (gpointer *) &xlsx.worksheet_write_datetime) ||
          !g_module_symbol (module, "worksheet_freeze_panes", (gpointer *) &xlsx.worksheet_freeze_panes) ||
          !g_module_symbol (module, "worksheet_autofilter", (gpointer *) &xlsx.worksheet_autofilter) ||
          !g_module_symbol (module, "lxw_strerror", (gpointer *) &xlsx.lxw_strerror))
        failure = g_strdup (g_module_error ());
      else
        g_module_make_resident (module);
      g_once_init_leave (&once, 1);
    }

  if (failure != NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Cannot write the workbook: the libxlsxwriter library (%s) does not load: %s"),
                   XLSXWRITER_SONAME, failure);
      return FALSE;
    }
  return TRUE;
}

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

  if (!load_xlsxwriter (error))
    return NULL;
  dir = g_dir_make_tmp ("scs-xlsx-XXXXXX", &local);
  if (dir == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Cannot write the workbook: %s"), local->message);
      return NULL;
    }
  path = g_build_filename (dir, "book.xlsx", NULL);
  options.tmpdir = dir;
  book = xlsx.workbook_new_opt (path, &options);
  if (book == NULL)
    {
      g_rmdir (dir);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Cannot write the workbook: %s"), g_strerror (ENOMEM));
      return NULL;
    }
  /* A fixed time: the same table gives the same bytes. */
  properties.created = 315532800;
  xlsx.workbook_set_properties (book, &properties);

  header = xlsx.workbook_add_format (book);
  xlsx.format_set_bold (header);
  xlsx.format_set_bg_color (header, 0xDDEBF7);
  xlsx.format_set_border (header, LXW_BORDER_THIN);
  xlsx.format_set_text_wrap (header);
  xlsx.format_set_align (header, LXW_ALIGN_VERTICAL_CENTER);
  text = xlsx.workbook_add_format (book);
  xlsx.format_set_align (text, LXW_ALIGN_VERTICAL_TOP);
  wrapped = xlsx.workbook_add_format (book);
  xlsx.format_set_text_wrap (wrapped);
  xlsx.format_set_align (wrapped, LXW_ALIGN_VERTICAL_TOP);
  quoted = xlsx.workbook_add_format (book);
  xlsx.format_set_num_format (quoted, "@");
  xlsx.format_set_align (quoted, LXW_ALIGN_VERTICAL_TOP);
  quoted_wrapped = xlsx.workbook_add_format (book);
  xlsx.format_set_num_format (quoted_wrapped, "@");
  xlsx.format_set_text_wrap (quoted_wrapped);
  xlsx.format_set_align (quoted_wrapped, LXW_ALIGN_VERTICAL_TOP);
  date = xlsx.workbook_add_format (book);
  xlsx.format_set_num_format (date, "yyyy-mm-dd");
  xlsx.format_set_align (date, LXW_ALIGN_VERTICAL_TOP);

  sheet = xlsx.workbook_add_worksheet (book, sheet_name);
  for (guint c = 0; c < n_columns; c++)
    xlsx.worksheet_set_column (sheet, c, c, widths[c], wrap[c] ? wrapped : text);
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
            xlsx.worksheet_write_string (sheet, r, c, value, header);
          else if ((int) c == date_column && (day = scs_date_parse_iso (value)) != NULL)
            {
              lxw_datetime when = { g_date_get_year (day), g_date_get_month (day),
                                    g_date_get_day (day), 0, 0, 0 };

              xlsx.worksheet_write_datetime (sheet, r, c, &when, date);
            }
          else if (scs_csv_is_formula_like (value))
            xlsx.worksheet_write_string (sheet, r, c, value, wrap[c] ? quoted_wrapped : quoted);
          else
            xlsx.worksheet_write_string (sheet, r, c, value, NULL);
        }
    }
  xlsx.worksheet_freeze_panes (sheet, 1, 0);
  xlsx.worksheet_autofilter (sheet, 0, 0, MAX (rows->len, 1) - 1, n_columns - 1);

  result = xlsx.workbook_close (book);
  if (result == LXW_NO_ERROR &&
      !g_file_get_contents (path, &contents, &length, &local))
    result = LXW_ERROR_CREATING_XLSX_FILE;
  g_unlink (path);
  g_rmdir (dir);
  if (result != LXW_NO_ERROR)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Cannot write the workbook: %s"),
                   local != NULL ? local->message : xlsx.lxw_strerror (result));
      return NULL;
    }
  return g_bytes_new_take (contents, length);
}

