/* test-xlsx.c: the hardened .xlsx reader on its own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a catalog import relies on — shared strings with rich-text and
 * phonetic runs, inline strings, _xHHHH_ escapes, merged ranges, hidden
 * columns, formulas, sheet names and core properties — and the limits that
 * make a hostile workbook cheap to refuse: file size, number of zip entries,
 * size of one part, decompression ratio (zip bomb), DOCTYPE, duplicate parts.
 * Workbooks are generated here with libarchive (fixtures/xlsx-parts.h).
 */
#include <string.h>

#include "scs-xlsx.h"
#include "scs-zip.h"

#include "fixtures/xlsx-parts.h"

#define NS "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""

static const char sheet_basic[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<worksheet " NS ">"
  "<cols><col min=\"2\" max=\"3\" width=\"0\" hidden=\"1\"/></cols>"
  "<sheetData>"
  "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"
  "<c r=\"C1\" t=\"inlineStr\"><is><t>行1_x000D_\n行2</t></is></c></row>"
  "<row r=\"2\"><c r=\"A2\"><v>42</v></c><c r=\"D2\" t=\"str\"><f>A2*2</f><v>84</v></c>"
  "<c r=\"E2\" t=\"s\"><v>2</v></c></row>"
  "<row r=\"5\"><c r=\"AA5\" t=\"inlineStr\"><is><r><t>前</t></r><r><t>後</t></r></is></c></row>"
  "</sheetData>"
  "<mergeCells count=\"1\"><mergeCell ref=\"E2:F4\"/></mergeCells>"
  "</worksheet>";

static const char sst_basic[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<sst " NS " count=\"3\" uniqueCount=\"3\">"
  "<si><t>要求事項</t></si>"
  "<si><r><rPr><b/></rPr><t xml:space=\"preserve\">太字 </t></r><r><t>と普通</t></r>"
  "<rPh sb=\"0\" eb=\"1\"><t>フリガナ</t></rPh></si>"
  "<si><t>結合_x005F_x000D_セル</t></si>"
  "</sst>";

static const char core_basic[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
  "xmlns:dcterms=\"http://purl.org/dc/terms/\">"
  "<dcterms:created>2026-01-05T01:00:00Z</dcterms:created>"
  "<dcterms:modified>2026-03-27T09:00:00Z</dcterms:modified>"
  "</cp:coreProperties>";

static ScsXlsxSheet *
load_first (GBytes  *bytes,
            ScsXlsx **out)
{
  g_autoptr(GError) error = NULL;
  ScsXlsx *xlsx = scs_xlsx_new_from_bytes (bytes, &error);
  ScsXlsxSheet *sheet;

  g_assert_no_error (error);
  sheet = scs_xlsx_load_sheet (xlsx, 0, &error);
  g_assert_no_error (error);
  *out = xlsx;
  return sheet;
}

static void
test_read_cells (void)
{
  g_autoptr(GBytes) bytes = xlsx_build (sheet_basic, sst_basic, core_basic);
  g_autoptr(ScsXlsx) xlsx = NULL;
  g_autoptr(ScsXlsxSheet) sheet = load_first (bytes, &xlsx);
  g_autoptr(GArray) rows = NULL;
  g_autofree char *sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  ScsXlsxCell cell;

  g_assert_cmpstr (scs_xlsx_get_sha256 (xlsx), ==, sha);
  g_assert_cmpuint (scs_xlsx_get_n_sheets (xlsx), ==, 1);
  g_assert_cmpstr (scs_xlsx_get_sheet_name (xlsx, 0), ==, "要求事項・評価基準");
  g_assert_false (scs_xlsx_get_sheet_hidden (xlsx, 0));
  g_assert_cmpstr (scs_xlsx_get_core_property (xlsx, "modified"), ==, "2026-03-27T09:00:00Z");
  g_assert_cmpstr (scs_xlsx_get_core_property (xlsx, "created"), ==, "2026-01-05T01:00:00Z");
  g_assert_cmpstr (scs_xlsx_sheet_get_name (sheet), ==, "要求事項・評価基準");

  /* Shared string; rich text runs joined, the phonetic run left out. */
  g_assert_true (scs_xlsx_sheet_get_cell (sheet, 1, 1, &cell));
  g_assert_cmpstr (cell.text, ==, "要求事項");
  g_assert_false (cell.formula);
  g_assert_true (scs_xlsx_sheet_get_cell (sheet, 1, 2, &cell));
  g_assert_cmpstr (cell.text, ==, "太字 と普通");

  /* Inline string with Excel's CR escape decoded. */
  g_assert_true (scs_xlsx_sheet_get_cell (sheet, 1, 3, &cell));
  g_assert_cmpstr (cell.text, ==, "行1\r\n行2");

  /* A number; a formula is flagged (its cached value is not text). */
  g_assert_true (scs_xlsx_sheet_get_cell (sheet, 2, 1, &cell));
  g_assert_cmpstr (cell.text, ==, "42");
  g_assert_true (scs_xlsx_sheet_get_cell (sheet, 2, 4, &cell));
  g_assert_true (cell.formula);

  /* A merged range answers with its top-left cell, everywhere inside;
   * _x005F_ escapes the underscore, so _x000D_ stays literal. */
  for (guint r = 2; r <= 4; r++)
    for (guint c = 5; c <= 6; c++)
      {
        g_assert_true (scs_xlsx_sheet_get_cell (sheet, r, c, &cell));
        g_assert_cmpstr (cell.text, ==, "結合_x000D_セル");
        g_assert_cmpuint (cell.row, ==, 2);
        g_assert_cmpuint (cell.column, ==, 5);
        g_assert_true (cell.merged == (r != 2 || c != 5));
      }
  g_assert_false (scs_xlsx_sheet_get_cell (sheet, 5, 5, &cell));
  g_assert_false (scs_xlsx_sheet_get_cell (sheet, 3, 1, &cell));

  /* Beyond Z; runs of an inline string joined. */
  g_assert_true (scs_xlsx_sheet_get_cell (sheet, 5, 27, &cell));
  g_assert_cmpstr (cell.text, ==, "前後");
  g_assert_cmpuint (scs_xlsx_sheet_get_max_row (sheet), >=, 5);
  g_assert_cmpuint (scs_xlsx_sheet_get_max_column (sheet), >=, 27);

  g_assert_false (scs_xlsx_sheet_column_hidden (sheet, 1));
  g_assert_true (scs_xlsx_sheet_column_hidden (sheet, 2));
  g_assert_true (scs_xlsx_sheet_column_hidden (sheet, 3));
  g_assert_false (scs_xlsx_sheet_column_hidden (sheet, 4));

  rows = scs_xlsx_sheet_get_rows (sheet);
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpuint (g_array_index (rows, guint, 0), ==, 1);
  g_assert_cmpuint (g_array_index (rows, guint, 1), ==, 2);
  g_assert_cmpuint (g_array_index (rows, guint, 2), ==, 5);
}

static void
test_helpers (void)
{
  static const struct { guint column; const char *name; } columns[] = {
    { 1, "A" }, { 26, "Z" }, { 27, "AA" }, { 52, "AZ" }, { 53, "BA" }, { 702, "ZZ" }, { 703, "AAA" },
    { 16384, "XFD" },
  };
  static const struct { const char *in; const char *out; } escapes[] = {
    { "a_x000D_b", "a\rb" },
    { "_x000D__x000A_", "\r\n" },
    { "_x005F_x000D_", "_x000D_" },
    { "_x00e9_", "é" },
    { "_x00zz_", "_x00zz_" },    /* not hex: left alone */
    { "_x000D", "_x000D" },      /* unterminated */
    { "plain_text_", "plain_text_" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      g_autofree char *name = scs_xlsx_column_name (columns[i].column);

      g_assert_cmpstr (name, ==, columns[i].name);
    }
  for (guint i = 0; i < G_N_ELEMENTS (escapes); i++)
    {
      g_autofree char *decoded = scs_xlsx_decode_escapes (escapes[i].in);

      g_assert_cmpstr (decoded, ==, escapes[i].out);
    }
}

static void
assert_refused (GBytes     *bytes,
                int         code,
                const char *fragment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsXlsx) xlsx = scs_xlsx_new_from_bytes (bytes, &error);

  /* Some defects are only seen when the sheet is read. */
  if (xlsx != NULL)
    {
      ScsXlsxSheet *sheet = scs_xlsx_load_sheet (xlsx, 0, &error);

      g_assert_null (sheet);
    }
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_error (error, SCS_XLSX_ERROR, code);
  if (fragment != NULL && strstr (error->message, fragment) == NULL)
    g_error ("Expected ‘%s’ in: %s", fragment, error->message);
}

static void
test_not_a_workbook (void)
{
  g_autoptr(GBytes) text = xlsx_text ("hello, this is not a zip");
  g_autoptr(GBytes) empty = g_bytes_new (NULL, 0);
  g_autoptr(GBytes) good = xlsx_build (sheet_basic, sst_basic, NULL);
  g_autoptr(GBytes) truncated = g_bytes_new_from_bytes (good, 0, g_bytes_get_size (good) / 2);
  XlsxPart parts[] = { { "hello.txt", xlsx_text ("hi") } };
  g_autoptr(GBytes) other_zip = xlsx_zip (parts, 1);
  g_autoptr(GError) error = NULL;

  assert_refused (text, SCS_XLSX_ERROR_NOT_XLSX, "zip");
  assert_refused (empty, SCS_XLSX_ERROR_NOT_XLSX, NULL);
  assert_refused (other_zip, SCS_XLSX_ERROR_NOT_XLSX, "xl/workbook.xml");

  /* A truncated archive: refused, whichever way it is noticed. */
  g_assert_null (scs_xlsx_new_from_bytes (truncated, &error));
  g_assert_nonnull (error);
  g_assert_true (error->domain == SCS_XLSX_ERROR);
  g_bytes_unref (parts[0].data);
}

static void
test_doctype_and_malformed (void)
{
  g_autoptr(GBytes) doctype = xlsx_build (
    "<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>\n"
    "<worksheet " NS "><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&b;</t></is></c></row>"
    "</sheetData></worksheet>", NULL, NULL);
  g_autoptr(GBytes) sst_doctype = xlsx_build (sheet_basic,
    "<?xml version=\"1.0\"?>\n<!DOCTYPE sst SYSTEM \"file:///etc/passwd\">\n<sst " NS "><si><t>x</t></si></sst>",
    NULL);
  g_autoptr(GBytes) broken = xlsx_build ("<worksheet " NS "><sheetData><row r=\"1\">", NULL, NULL);
  g_autoptr(GBytes) bad_ref = xlsx_build (
    "<worksheet " NS "><sheetData><row r=\"1\"><c r=\"1A\" t=\"inlineStr\"><is><t>x</t></is></c></row>"
    "</sheetData></worksheet>", NULL, NULL);
  g_autoptr(GBytes) beyond_grid = xlsx_build (
    "<worksheet " NS "><sheetData><row r=\"1\"><c r=\"XFE1\" t=\"inlineStr\"><is><t>x</t></is></c></row>"
    "</sheetData></worksheet>", NULL, NULL);
  XlsxPart twice[] = {
    { "xl/workbook.xml", xlsx_text ("<workbook " NS "><sheets><sheet name=\"a\" sheetId=\"1\"/></sheets></workbook>") },
    { "xl/workbook.xml", xlsx_text ("<workbook " NS "><sheets><sheet name=\"b\" sheetId=\"1\"/></sheets></workbook>") },
  };
  g_autoptr(GBytes) duplicate = xlsx_zip (twice, G_N_ELEMENTS (twice));

  assert_refused (doctype, SCS_XLSX_ERROR_MALFORMED, "DOCTYPE");
  assert_refused (sst_doctype, SCS_XLSX_ERROR_MALFORMED, "DOCTYPE");
  assert_refused (broken, SCS_XLSX_ERROR_MALFORMED, NULL);
  assert_refused (bad_ref, SCS_XLSX_ERROR_MALFORMED, "1A");
  assert_refused (beyond_grid, SCS_XLSX_ERROR_MALFORMED, "XFE1");
  assert_refused (duplicate, SCS_XLSX_ERROR_MALFORMED, "twice");
  for (guint i = 0; i < G_N_ELEMENTS (twice); i++)
    g_bytes_unref (twice[i].data);
}

static void
test_limit_file_size (void)
{
  gsize size = SCS_XLSX_MAX_FILE_SIZE + 1;
  g_autoptr(GBytes) huge = g_bytes_new_take (g_malloc0 (size), size);

  assert_refused (huge, SCS_XLSX_ERROR_LIMIT, NULL);
}

static void
test_limit_entries (void)
{
  guint n = SCS_ZIP_MAX_ENTRIES + 1;
  g_autofree XlsxPart *parts = g_new0 (XlsxPart, n);
  g_autoptr(GBytes) zip = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n; i++)
    {
      char *name = g_strdup_printf ("junk/%u.bin", i);

      g_ptr_array_add (names, name);
      parts[i].name = name;
      parts[i].data = xlsx_text ("x");
    }
  zip = xlsx_zip (parts, n);
  for (guint i = 0; i < n; i++)
    g_bytes_unref (parts[i].data);

  assert_refused (zip, SCS_XLSX_ERROR_LIMIT, "entries");
}

/* A part that inflates far beyond its compressed size: refused once the
 * output passes SCS_ZIP_MAX_RATIO times the file size, long before the
 * part is fully decompressed. */
static void
test_limit_zip_bomb (void)
{
  gsize size = 24 * 1024 * 1024;
  GString *sheet = g_string_sized_new (size + 256);
  g_autoptr(GBytes) zip = NULL;

  g_string_append (sheet, "<worksheet " NS "><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>");
  while (sheet->len < size)
    g_string_append_c (sheet, ' ');
  g_string_append (sheet, "</t></is></c></row></sheetData></worksheet>");
  zip = xlsx_build (sheet->str, NULL, NULL);
  g_string_free (sheet, TRUE);

  g_assert_cmpuint (g_bytes_get_size (zip), <, size / SCS_ZIP_MAX_RATIO);
  assert_refused (zip, SCS_XLSX_ERROR_LIMIT, "compression bomb");
}

/* One part larger than SCS_XLSX_MAX_PART_SIZE that compresses only ~50:1,
 * so neither the ratio nor the file size catches it first. */
static void
test_limit_huge_part (void)
{
  gsize size = SCS_XLSX_MAX_PART_SIZE + 1024 * 1024;
  GString *sheet = g_string_sized_new (size + 4096);
  g_autoptr(GBytes) zip = NULL;
  guint32 state = 2463534242u;

  g_string_append (sheet, "<worksheet " NS "><sheetData>");
  while (sheet->len < size)
    {
      /* A few pseudo-random bytes per 200: compressible, but not a bomb. */
      state ^= state << 13;
      state ^= state >> 17;
      state ^= state << 5;
      g_string_append_printf (sheet, "<!--%08x", state);
      for (guint i = 0; i < 186; i++)
        g_string_append_c (sheet, 'a');
      g_string_append (sheet, "-->");
    }
  g_string_append (sheet, "</sheetData></worksheet>");
  zip = xlsx_build (sheet->str, NULL, NULL);
  g_string_free (sheet, TRUE);

  g_test_message ("%zu bytes compressed", g_bytes_get_size (zip));
  g_assert_cmpuint (g_bytes_get_size (zip), <, SCS_XLSX_MAX_FILE_SIZE);
  g_assert_cmpuint (g_bytes_get_size (zip) * SCS_ZIP_MAX_RATIO, >, SCS_XLSX_MAX_PART_SIZE);
  assert_refused (zip, SCS_XLSX_ERROR_LIMIT, "larger than");
}

/* A shared string longer than SCS_XLSX_MAX_TEXT. */
static void
test_limit_text (void)
{
  GString *sst = g_string_new ("<sst " NS "><si><t>");
  g_autoptr(GBytes) zip = NULL;

  for (guint i = 0; i < SCS_XLSX_MAX_TEXT / 8 + 16; i++)
    g_string_append (sst, "長文長");   /* 9 bytes */
  g_string_append (sst, "</t></si></sst>");
  zip = xlsx_build (sheet_basic, sst->str, NULL);
  g_string_free (sst, TRUE);

  assert_refused (zip, SCS_XLSX_ERROR_LIMIT, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/scs/xlsx/read-cells", test_read_cells);
  g_test_add_func ("/scs/xlsx/helpers", test_helpers);
  g_test_add_func ("/scs/xlsx/refuse/not-a-workbook", test_not_a_workbook);
  g_test_add_func ("/scs/xlsx/refuse/doctype-and-malformed", test_doctype_and_malformed);
  g_test_add_func ("/scs/xlsx/limit/file-size", test_limit_file_size);
  g_test_add_func ("/scs/xlsx/limit/entries", test_limit_entries);
  g_test_add_func ("/scs/xlsx/limit/zip-bomb", test_limit_zip_bomb);
  g_test_add_func ("/scs/xlsx/limit/huge-part", test_limit_huge_part);
  g_test_add_func ("/scs/xlsx/limit/text", test_limit_text);

  return g_test_run ();
}
