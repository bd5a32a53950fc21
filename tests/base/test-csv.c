/* test-csv.c: the RFC 4180 reader and writer, on good and hostile input
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "scs-csv.h"

static GPtrArray *
parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *rows = scs_csv_parse (text, strlen (text), &error);

  g_assert_no_error (error);
  g_assert_nonnull (rows);
  return rows;
}

static void
assert_refused (const char *text,
                gsize       length,
                int         code,
                const char *needle)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = scs_csv_parse (text, length, &error);

  g_assert_null (rows);
  g_assert_error (error, SCS_CSV_ERROR, code);
  if (needle != NULL && strstr (error->message, needle) == NULL)
    g_error ("‘%s’ does not mention ‘%s’", error->message, needle);
}

static void
test_parse_basic (void)
{
  g_autoptr(GPtrArray) rows = parse (SCS_CSV_BOM "name,note\r\n株式会社さくら,\"a, \"\"b\"\"\nc\"\r\nx,\n");
  const char * const *row;

  g_assert_cmpuint (rows->len, ==, 3);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (row[0], ==, "name");   /* BOM stripped */
  row = g_ptr_array_index (rows, 1);
  g_assert_cmpstr (row[0], ==, "株式会社さくら");
  g_assert_cmpstr (row[1], ==, "a, \"b\"\nc");
  row = g_ptr_array_index (rows, 2);
  g_assert_cmpstr (row[1], ==, "");
}

static void
test_parse_no_final_newline (void)
{
  g_autoptr(GPtrArray) rows = parse ("a,b\n1,\"2\"");
  const char * const *row = g_ptr_array_index (rows, 1);

  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstr (row[1], ==, "2");
}

static void
test_parse_hostile (void)
{
  static const char nul[] = "a,b\n1,\0002\n";
  static const char latin1[] = "a,b\n1,caf\xe9\n";

  assert_refused ("a,b\n1,\"open\n", strlen ("a,b\n1,\"open\n"), SCS_CSV_ERROR_PARSE, "Row 2, column 2");
  assert_refused ("a,b\n1,x\"y\n", strlen ("a,b\n1,x\"y\n"), SCS_CSV_ERROR_PARSE, "Row 2, column 2");
  assert_refused ("a,b\n\"q\"x,1\n", strlen ("a,b\n\"q\"x,1\n"), SCS_CSV_ERROR_PARSE, "Row 2, column 1");
  assert_refused ("a,b\n1,2,3\n", strlen ("a,b\n1,2,3\n"), SCS_CSV_ERROR_SHAPE, "Row 2");
  assert_refused (nul, sizeof nul - 1, SCS_CSV_ERROR_ENCODING, "Row 2, column 2");
  assert_refused (latin1, sizeof latin1 - 1, SCS_CSV_ERROR_ENCODING, "Row 2, column 2");
  assert_refused ("", 0, SCS_CSV_ERROR_SHAPE, NULL);
  assert_refused ("a\x1b" "b\n", 4, SCS_CSV_ERROR_ENCODING, "Row 1, column 1");
}

static void
test_parse_limits (void)
{
  g_autoptr(GString) wide = g_string_new (NULL);
  g_autoptr(GString) long_field = g_string_new ("a\n\"");

  for (guint i = 0; i <= SCS_CSV_MAX_COLUMNS; i++)
    g_string_append (wide, i ? ",x" : "x");
  assert_refused (wide->str, wide->len, SCS_CSV_ERROR_TOO_LARGE, "columns");

  for (guint i = 0; i <= SCS_CSV_MAX_FIELD; i++)
    g_string_append_c (long_field, 'x');
  g_string_append (long_field, "\"\n");
  assert_refused (long_field->str, long_field->len, SCS_CSV_ERROR_TOO_LARGE, "Row 2, column 1");

  assert_refused ("x", SCS_CSV_MAX_BYTES + 1, SCS_CSV_ERROR_TOO_LARGE, NULL);
}

static void
test_write_round_trip (void)
{
  const char *fields[] = { "1-2-1-1", "規程, \"案\"", "=HYPERLINK(\"http://x\")", "line\nbreak", "", "@SUM(A1)" };
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) rows = NULL;
  const char * const *row;

  scs_csv_append_row (out, fields, G_N_ELEMENTS (fields));
  g_assert_true (g_str_has_suffix (out->str, "\r\n"));
  /* The formula never starts a cell. */
  g_assert_nonnull (strstr (out->str, ",\"'=HYPERLINK"));
  g_assert_nonnull (strstr (out->str, ",\"'@SUM"));

  rows = parse (out->str);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (row[0], ==, "1-2-1-1");
  g_assert_cmpstr (row[1], ==, "規程, \"案\"");
  g_assert_cmpstr (row[2], ==, "'=HYPERLINK(\"http://x\")");
  g_assert_cmpstr (scs_csv_cell_text (row[2]), ==, "=HYPERLINK(\"http://x\")");
  g_assert_cmpstr (scs_csv_cell_text (row[0]), ==, "1-2-1-1");
  g_assert_cmpstr (row[3], ==, "line\nbreak");
  g_assert_cmpstr (row[4], ==, "");
}

/* Spreadsheets take a cell for a formula after leading blanks too, and a
 * Japanese input method gives the full-width signs. */
static void
test_formula_like (void)
{
  const char *formulas[] = { "=1+1", "+1+cmd", "-1-1", "-A1", "+.", "@SUM(A1)", "  =cmd", "\t=cmd", " \t@x",
                             "＝SUM(A1)", "＋1", "－1", "＠x", "　＝x", " ＝x", "\tplain", "\rplain" };
  const char *plain[] = { "", "1-2-1-1", "a=b", "メール＠例", "'=x", "ー長音", "‐1", "-1", "+0.0", "-33.3", "12" };

  for (guint i = 0; i < G_N_ELEMENTS (formulas); i++)
    {
      g_autoptr(GString) out = g_string_new (NULL);
      g_autoptr(GPtrArray) rows = NULL;
      const char * const *row;

      g_assert_true (scs_csv_is_formula_like (formulas[i]));
      scs_csv_append_row (out, &formulas[i], 1);
      g_assert_true (g_str_has_prefix (out->str, "\"'"));
      rows = parse (out->str);
      row = g_ptr_array_index (rows, 0);
      g_assert_cmpstr (scs_csv_cell_text (row[0]), ==, formulas[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (plain); i++)
    g_assert_false (scs_csv_is_formula_like (plain[i]));
}

/* CP932 out and back gives the same cells; a character it lacks is
 * refused naming row and column; bytes that are neither are refused. */
static void
test_cp932 (void)
{
  const char *header[] = { "会社名", "法人番号", NULL };
  const char *row1[] = { "株式会社さくら精機　本社", "＝危険", NULL };
  const char *row2[] = { "髙橋①", "~\\", NULL };
  const char *bad[] = { "ok", "絵文字😀", NULL };
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GPtrArray) back = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  ScsCsvEncoding encoding;
  ScsCsvEncoding parsed;
  gsize size;

  g_ptr_array_add (rows, header);
  g_ptr_array_add (rows, row1);
  g_ptr_array_add (rows, row2);
  bytes = scs_csv_write (rows, 2, SCS_CSV_CP932, &error);
  g_assert_no_error (error);
  g_assert_false (g_utf8_validate (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
  text = scs_csv_decode (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &size, &encoding, &error);
  g_assert_no_error (error);
  g_assert_cmpint (encoding, ==, SCS_CSV_CP932);
  back = scs_csv_parse (text, size, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (back->len, ==, 3);
  for (guint r = 0; r < 3; r++)
    {
      const char * const *want = g_ptr_array_index (rows, r);
      const char * const *got = g_ptr_array_index (back, r);

      for (guint c = 0; c < 2; c++)
        g_assert_cmpstr (scs_csv_cell_text (got[c]), ==, want[c]);
    }

  g_assert_true (scs_csv_encoding_from_string ("CP932", &parsed) && parsed == SCS_CSV_CP932);
  g_assert_true (scs_csv_encoding_from_string ("utf-8", &parsed) && parsed == SCS_CSV_UTF8_BOM);
  g_assert_false (scs_csv_encoding_from_string ("latin1", &parsed));

  g_ptr_array_add (rows, bad);
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = scs_csv_write (rows, 2, SCS_CSV_CP932, &error);
  g_assert_null (bytes);
  g_assert_error (error, SCS_CSV_ERROR, SCS_CSV_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "Row 4, column 2"));
  g_clear_error (&error);

  /* UTF-8 passes as it is; garbage is refused with its line. */
  g_free (text);
  text = scs_csv_decode (SCS_CSV_BOM "a,b\n", 7, &size, &encoding, &error);
  g_assert_no_error (error);
  g_assert_cmpint (encoding, ==, SCS_CSV_UTF8_BOM);
  g_assert_cmpuint (size, ==, 7);
  g_clear_pointer (&text, g_free);
  text = scs_csv_decode ("a,b\n\x81\x20,c\n", 9, &size, &encoding, &error);
  g_assert_null (text);
  g_assert_error (error, SCS_CSV_ERROR, SCS_CSV_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "Line 2, column 1"));
  g_clear_error (&error);
  /* Japanese in UTF-8, then a broken byte: named where it is, not taken
   * for CP932 and misplaced. */
  text = scs_csv_decode ("番号,項目\n1,\xE7\x95,x\n", 21, &size, &encoding, &error);
  g_assert_null (text);
  g_assert_error (error, SCS_CSV_ERROR, SCS_CSV_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "Line 2, column 2"));
}

static void
test_find_column (void)
{
  const char *header[] = { "Name", " obtained ", NULL };

  g_assert_cmpint (scs_csv_find_column (header, "name"), ==, 0);
  g_assert_cmpint (scs_csv_find_column (header, "obtained"), ==, 1);
  g_assert_cmpint (scs_csv_find_column (header, "delay"), ==, -1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/scs/csv/parse-basic", test_parse_basic);
  g_test_add_func ("/scs/csv/parse-no-final-newline", test_parse_no_final_newline);
  g_test_add_func ("/scs/csv/parse-hostile", test_parse_hostile);
  g_test_add_func ("/scs/csv/parse-limits", test_parse_limits);
  g_test_add_func ("/scs/csv/write-round-trip", test_write_round_trip);
  g_test_add_func ("/scs/csv/formula-like", test_formula_like);
  g_test_add_func ("/scs/csv/cp932", test_cp932);
  g_test_add_func ("/scs/csv/find-column", test_find_column);

  return g_test_run ();
}
