/* test-xlsx-writer.c: the one XLSX writer, read back with our own reader
 *
 * Every workbook the app writes (the gap list, the portfolio) goes through
 * scs_xlsx_write_table (). Here a table with dates, formula-like text and
 * control characters is written and read back with app/base/scs-xlsx.c:
 * header style, frozen header, filter, widths, wrapping, dates as dates
 * and no formula anywhere.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "scs-xlsx.h"
#include "scs-xlsx-writer.h"

static char *
part_text (ScsXlsx    *book,
           const char *name)
{
  g_autoptr(GBytes) bytes = scs_xlsx_get_part (book, name);

  g_assert_nonnull (bytes);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* The @index-th <xf> of cellXfs in styles.xml, with its children. */
static char *
style_xf (ScsXlsx *book,
          guint    index)
{
  g_autofree char *styles = part_text (book, "xl/styles.xml");
  const char *p = strstr (styles, "<cellXfs");
  const char *end;

  g_assert_nonnull (p);
  for (guint i = 0; i <= index; i++)
    {
      p = strstr (p + 1, "<xf ");
      g_assert_nonnull (p);
    }
  end = strstr (p + 1, "<xf ");
  if (end == NULL || end > strstr (p, "</cellXfs>"))
    end = strstr (p, "</cellXfs>");
  return g_strndup (p, end - p);
}

/* The style (its <xf>) of the cell at @ref ("B3") or of the column @ref
 * names ("col 2"); "" when it has none. */
static char *
style_of (ScsXlsx    *book,
          const char *ref)
{
  g_autofree char *sheet = part_text (book, "xl/worksheets/sheet1.xml");
  g_autofree char *pattern = NULL;
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *index = NULL;

  if (g_str_has_prefix (ref, "col "))
    pattern = g_strdup_printf ("<col min=\"%s\" max=\"%s\"[^>]* style=\"([0-9]+)\"", ref + 4, ref + 4);
  else
    pattern = g_strdup_printf ("<c r=\"%s\" s=\"([0-9]+)\"", ref);
  regex = g_regex_new (pattern, 0, 0, NULL);
  if (!g_regex_match (regex, sheet, 0, &match))
    return g_strdup ("");
  index = g_match_info_fetch (match, 1);
  return style_xf (book, (guint) g_ascii_strtoull (index, NULL, 10));
}

/* The number format the style @xf gives its cells ("@", "yyyy-mm-dd"), or
 * NULL for General. */
static char *
number_format (ScsXlsx    *book,
               const char *xf)
{
  g_autofree char *styles = part_text (book, "xl/styles.xml");
  g_autofree char *id = NULL;
  g_autofree char *pattern = NULL;
  g_autoptr(GRegex) regex = g_regex_new ("numFmtId=\"([0-9]+)\"", 0, 0, NULL);
  g_autoptr(GRegex) code = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GMatchInfo) code_match = NULL;

  if (!g_regex_match (regex, xf, 0, &match))
    return NULL;
  id = g_match_info_fetch (match, 1);
  if (g_str_equal (id, "0"))
    return NULL;
  pattern = g_strdup_printf ("<numFmt numFmtId=\"%s\" formatCode=\"([^\"]*)\"", id);
  code = g_regex_new (pattern, 0, 0, NULL);
  g_assert_true (g_regex_match (code, styles, 0, &code_match));
  return g_match_info_fetch (code_match, 1);
}

static GPtrArray *
table (void)
{
  static const char * const cells[][4] = {
    { "Name", "Due", "Note", "Count" },
    { "plain", "2027-05-31", "a long note that wraps", "12" },
    { "=1+1", "2027-1-1", " ＝SUM(A1)", "-1" },
    { "＋cmd", "", "\x01" "control", "+0.5" },
    { "  @x", "not a date", "－1", "\tTAB" },
  };
  GPtrArray *rows = g_ptr_array_new ();

  for (guint r = 0; r < G_N_ELEMENTS (cells); r++)
    g_ptr_array_add (rows, (gpointer) cells[r]);
  return rows;
}

static void
test_table (void)
{
  static const double widths[] = { 12, 12, 40, 8 };
  static const gboolean wrap[] = { FALSE, FALSE, TRUE, FALSE };
  static const struct
  {
    const char *ref;
    guint       row, column;
    const char *text;
    const char *format;  /* the cell's number format, NULL: General */
  } expected[] = {
    { "A2", 2, 1, "plain", NULL },
    { "B2", 2, 2, "46538", "yyyy-mm-dd" },        /* a date: Excel's day number */
    { "D2", 2, 4, "12", NULL },
    { "A3", 3, 1, "=1+1", "@" },
    { "B3", 3, 2, "2027-1-1", NULL },             /* not a date: text */
    { "C3", 3, 3, " ＝SUM(A1)", "@" },            /* full-width after a blank */
    { "D3", 3, 4, "-1", NULL },                   /* a number is not a formula */
    { "A4", 4, 1, "＋cmd", "@" },
    { "C4", 4, 3, " control", NULL },             /* control character blanked */
    { "D4", 4, 4, "+0.5", NULL },
    { "A5", 5, 1, "  @x", "@" },
    { "B5", 5, 2, "not a date", NULL },
    { "C5", 5, 3, "－1", "@" },
    { "D5", 5, 4, "\tTAB", "@" },
  };
  g_autoptr(GPtrArray) rows = table ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(ScsXlsx) book = NULL;
  g_autoptr(ScsXlsxSheet) sheet = NULL;
  g_autofree char *header = NULL;
  g_autofree char *wrapped = NULL;
  g_autofree char *unwrapped = NULL;
  g_autofree char *xml = NULL;
  ScsXlsxCell cell;

  bytes = scs_xlsx_write_table ("Gaps", rows, 4, widths, wrap, 1, &error);
  g_assert_no_error (error);
  /* The same table gives the same bytes. */
  again = scs_xlsx_write_table ("Gaps", rows, 4, widths, wrap, 1, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (bytes, again));

  book = scs_xlsx_new_from_bytes (bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (scs_xlsx_get_n_sheets (book), ==, 1);
  g_assert_cmpstr (scs_xlsx_get_sheet_name (book, 0), ==, "Gaps");
  sheet = scs_xlsx_load_sheet (book, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (scs_xlsx_sheet_get_max_row (sheet), ==, 5);
  g_assert_cmpuint (scs_xlsx_sheet_get_max_column (sheet), ==, 4);
  g_assert_cmpuint (scs_xlsx_sheet_get_frozen_rows (sheet), ==, 1);
  g_assert_cmpstr (scs_xlsx_sheet_get_auto_filter (sheet), ==, "A1:D5");

  /* The header: bold, shaded, bordered. */
  g_assert_true (scs_xlsx_sheet_get_cell (sheet, 1, 3, &cell));
  g_assert_cmpstr (cell.text, ==, "Note");
  header = style_of (book, "C1");
  g_assert_nonnull (strstr (header, "fontId=\"1\""));
  g_assert_nonnull (strstr (header, "fillId=\"2\""));
  g_assert_nonnull (strstr (header, "borderId=\"1\""));
  xml = part_text (book, "xl/styles.xml");
  g_assert_nonnull (strstr (xml, "<b/>"));
  g_assert_nonnull (strstr (xml, "FFDDEBF7"));
  g_clear_pointer (&xml, g_free);

  /* Widths and wrapping per column. */
  xml = part_text (book, "xl/worksheets/sheet1.xml");
  g_assert_nonnull (strstr (xml, "<col min=\"3\" max=\"3\" width=\"40.7109375\""));
  g_assert_nonnull (strstr (xml, "<col min=\"1\" max=\"1\" width=\"12.7109375\""));
  g_assert_null (strstr (xml, "<f>"));
  wrapped = style_of (book, "col 3");
  g_assert_nonnull (strstr (wrapped, "wrapText=\"1\""));
  unwrapped = style_of (book, "col 1");
  g_assert_null (strstr (unwrapped, "wrapText"));

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *xf = style_of (book, expected[i].ref);
      g_autofree char *format = number_format (book, xf);

      g_test_message ("%s", expected[i].ref);
      g_assert_true (scs_xlsx_sheet_get_cell (sheet, expected[i].row, expected[i].column, &cell));
      g_assert_cmpstr (cell.text, ==, expected[i].text);
      g_assert_false (cell.formula);
      g_assert_cmpstr (format, ==, expected[i].format);
      /* Text formatted as text keeps its column's wrapping. */
      if (expected[i].column == 3 && expected[i].format != NULL)
        g_assert_nonnull (strstr (xf, "wrapText=\"1\""));
    }
  /* An empty cell is left empty. */
  g_assert_false (scs_xlsx_sheet_get_cell (sheet, 4, 2, &cell));
}

/* A header alone still has its filter and frozen row. */
static void
test_header_only (void)
{
  static const char * const header[] = { "One", "Two" };
  static const double widths[] = { 10, 10 };
  static const gboolean wrap[] = { FALSE, FALSE };
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(ScsXlsx) book = NULL;
  g_autoptr(ScsXlsxSheet) sheet = NULL;

  g_ptr_array_add (rows, (gpointer) header);
  bytes = scs_xlsx_write_table ("Empty", rows, 2, widths, wrap, -1, &error);
  g_assert_no_error (error);
  book = scs_xlsx_new_from_bytes (bytes, &error);
  g_assert_no_error (error);
  sheet = scs_xlsx_load_sheet (book, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (scs_xlsx_sheet_get_max_row (sheet), ==, 1);
  g_assert_cmpuint (scs_xlsx_sheet_get_frozen_rows (sheet), ==, 1);
  g_assert_cmpstr (scs_xlsx_sheet_get_auto_filter (sheet), ==, "A1:B1");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/scs/xlsx-writer/table", test_table);
  g_test_add_func ("/scs/xlsx-writer/header-only", test_header_only);

  return g_test_run ();
}
