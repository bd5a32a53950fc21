/* test-catalog-import.c: the official workbook importer, on generated workbooks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "scs-catalog-import.h"
#include "scs-i18n.h"
#include "scs-xlsx.h"

#include "fixtures/xlsx/xlsx-builder.h"

static void
test_official_counts (void)
{
  g_autoptr(GPtrArray) spec = spec_official ();
  g_autoptr(GBytes) xlsx = NULL;
  g_autoptr(ScsCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sha = NULL;

  /* Line break with Excel's CR escape, kept as CR LF. */
  for (guint i = 0; i < spec->len; i++)
    {
      SpecRow *row = g_ptr_array_index (spec, i);

      if (g_str_equal (row->id, "1-2-1-1"))
        {
          g_free (row->text);
          row->text = g_strdup ("第一文です。_x000D_\n第二文です。");
        }
    }

  xlsx = build_catalog_workbook (spec, BREAK_NONE, NULL, "2026-03-27T09:00:00Z");
  catalog = scs_catalog_import_xlsx (xlsx, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (catalog);

  g_assert_cmpuint (spec->len, ==, 153);
  g_assert_cmpuint (scs_catalog_count_requirements (catalog, 3), ==, 26);
  g_assert_cmpuint (scs_catalog_count_criteria (catalog, 3), ==, 81);
  g_assert_cmpuint (scs_catalog_count_requirements (catalog, 4), ==, 43);
  g_assert_cmpuint (scs_catalog_count_criteria (catalog, 4), ==, 153);
  g_assert_true (scs_catalog_criteria_complete (catalog, 4));
  g_assert_cmpstr (scs_catalog_get_date (catalog), ==, "2026-03-27");
  g_assert_cmpstr (scs_catalog_get_source (catalog), ==, "official");
  g_assert_true (scs_catalog_is_official (catalog));
  sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, xlsx);
  g_assert_cmpstr (scs_catalog_get_source_sha256 (catalog), ==, sha);

  /* Every text exactly as in the cells: escapes decoded, trimmed, nothing else. */
  for (guint i = 0; i < spec->len; i++)
    {
      SpecRow *row = g_ptr_array_index (spec, i);
      const ScsCriterion *criterion = scs_catalog_lookup_criterion (catalog, row->id);
      g_autofree char *expected = scs_xlsx_decode_escapes (row->text);

      g_assert_nonnull (criterion);
      g_assert_cmpstr (criterion->text_ja, ==, expected);
      g_assert_cmpstr (criterion->text_en, ==, "");
      g_assert_cmpuint (criterion->level, ==, row->level);
      g_assert_cmpstr (criterion->requirement->id, ==, row->requirement_id);
      g_assert_cmpstr (criterion->requirement->title_ja, ==, row->requirement_text);
      g_assert_cmpstr (criterion->requirement->category->title_ja, ==, row->category_title);
    }
  g_assert_cmpstr (scs_catalog_lookup_criterion (catalog, "1-2-1-1")->text_ja, ==, "第一文です。\r\n第二文です。");

  /* ★4 extensions of a ★3 requirement keep the requirement at ★3. */
  g_assert_cmpuint (scs_catalog_lookup_requirement (catalog, "1-1-1")->level, ==, 4);
  g_assert_cmpuint (scs_catalog_lookup_requirement (catalog, "1-2-1")->level, ==, 3);
}

static void
test_round_trip_and_date_option (void)
{
  g_autoptr(GPtrArray) spec = spec_official ();
  g_autoptr(GBytes) xlsx = build_catalog_workbook (spec, BREAK_NONE, NULL, NULL);
  g_autoptr(ScsCatalog) catalog = NULL;
  g_autoptr(ScsCatalog) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("scs-import-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "official.xml", NULL);

  /* No modified date: the created date, unless given. */
  catalog = scs_catalog_import_xlsx (xlsx, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (scs_catalog_get_date (catalog), ==, "2026-01-05");
  g_clear_object (&catalog);

  catalog = scs_catalog_import_xlsx (xlsx, "2026-03-27", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (scs_catalog_get_date (catalog), ==, "2026-03-27");
  g_assert_cmpstr (scs_catalog_get_id (catalog), ==, "scs-official-2026-03-27");

  g_assert_true (scs_catalog_save (catalog, path, &error));
  g_assert_no_error (error);
  reloaded = scs_catalog_new_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (scs_catalog_get_sha256 (reloaded), ==, scs_catalog_get_sha256 (catalog));
  g_assert_cmpuint (scs_catalog_count_criteria (reloaded, 4), ==, 153);

  g_assert_null (scs_catalog_import_xlsx (xlsx, "2026-02-30", NULL, &error));
  g_assert_error (error, SCS_CATALOG_IMPORT_ERROR, SCS_CATALOG_IMPORT_ERROR_DATE);

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_paraphrase (void)
{
  g_autoptr(GPtrArray) spec = spec_official ();
  g_autoptr(GBytes) xlsx = build_catalog_workbook (spec, BREAK_NONE, NULL, "2026-03-27T00:00:00Z");
  g_autoptr(ScsCatalog) catalog = scs_catalog_import_xlsx (xlsx, NULL, NULL, NULL);
  g_autoptr(ScsCatalog) builtin = scs_catalog_new_builtin ();

  g_assert_nonnull (catalog);
  /* The official text has no English; ours is offered where the ID matches. */
  g_assert_cmpstr (scs_catalog_get_paraphrase_en (catalog, "1-2-1-1"), ==,
                   scs_catalog_lookup_criterion (builtin, "1-2-1-1")->text_en);
  g_assert_null (scs_catalog_get_paraphrase_en (catalog, "1-1-1-1"));
  g_assert_null (scs_catalog_get_paraphrase_en (builtin, "1-2-1-1"));
}

typedef struct
{
  BreakKind   kind;
  GQuark      domain;
  int         code;
  const char *column;     /* expected "column X", or NULL */
  const char *fragment;
} BrokenCase;

static void
test_broken (gconstpointer data)
{
  const BrokenCase *bc = data;
  g_autoptr(GPtrArray) spec = spec_official ();
  g_autoptr(GBytes) xlsx = NULL;
  g_autoptr(GError) error = NULL;
  guint row = 0;

  xlsx = build_catalog_workbook (spec, bc->kind, &row, "2026-03-27T00:00:00Z");
  g_assert_null (scs_catalog_import_xlsx (xlsx, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_true (error->domain == bc->domain);
  g_assert_cmpint (error->code, ==, bc->code);
  if (bc->column != NULL)
    {
      g_autofree char *where = g_strdup_printf ("Sheet ‘要求事項・評価基準’, row %u, column %s:", row, bc->column);

      g_assert_cmpuint (row, >, 2);
      g_assert_true (g_str_has_prefix (error->message, where));
    }
  g_assert_nonnull (strstr (error->message, bc->fragment));
}

/* Data rows among the first ten whose texts contain the header words
 * (要求事項, 評価基準, No.), across merged cells and with line breaks, are
 * data: every criterion is imported, none swallowed into the header. */
static void
test_header_words_in_data_rows (void)
{
  g_autoptr(GPtrArray) spec = spec_official ();
  g_autoptr(GBytes) xlsx = NULL;
  g_autoptr(ScsCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 9; i++)
    {
      SpecRow *row = g_ptr_array_index (spec, i);

      g_free (row->text);
      row->text = g_strdup_printf (i % 2 ? "本評価基準 No.%u は、\n要求事項を満たす手順を定める。"
                                         : "評価基準\n（要求事項 %u の補足）", i);
      if (i == 4)
        {
          g_free (row->requirement_text);
          row->requirement_text = g_strdup ("要求事項\n評価基準 No. の一覧");
          for (guint j = 0; j < spec->len; j++)
            {
              SpecRow *other = g_ptr_array_index (spec, j);

              if (g_str_equal (other->requirement_id, row->requirement_id) && other != row)
                {
                  g_free (other->requirement_text);
                  other->requirement_text = g_strdup (row->requirement_text);
                }
            }
        }
    }

  xlsx = build_catalog_workbook (spec, BREAK_NONE, NULL, "2026-03-27T09:00:00Z");
  catalog = scs_catalog_import_xlsx (xlsx, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (scs_catalog_count_criteria (catalog, 3), ==, 81);
  g_assert_cmpuint (scs_catalog_count_criteria (catalog, 4), ==, 153);
  g_assert_cmpuint (scs_catalog_count_requirements (catalog, 4), ==, 43);
  for (guint i = 0; i < spec->len; i++)
    {
      SpecRow *row = g_ptr_array_index (spec, i);
      const ScsCriterion *criterion = scs_catalog_lookup_criterion (catalog, row->id);

      g_assert_nonnull (criterion);
      g_assert_cmpstr (criterion->text_ja, ==, row->text);
      g_assert_cmpstr (criterion->requirement->title_ja, ==, row->requirement_text);
    }
}

static void
test_hidden_and_user_columns_ignored (void)
{
  /* A workbook whose only "評価基準" header in the official block is hidden
   * still finds M; the user's O column ("回答欄（評価基準への対応状況）")
   * is not taken for the criterion text. Covered by the official test;
   * here: the layout error when no header is recognisable at all. */
  g_autoptr(GBytes) xlsx = xlsx_build (
    "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
    "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>hello</t></is></c></row>"
    "</sheetData></worksheet>", NULL, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_null (scs_catalog_import_xlsx (xlsx, "2026-03-27", NULL, &error));
  g_assert_error (error, SCS_CATALOG_IMPORT_ERROR, SCS_CATALOG_IMPORT_ERROR_LAYOUT);
  g_assert_nonnull (strstr (error->message, "要求事項"));
}

int
main (int   argc,
      char *argv[])
{
  static const BrokenCase cases[] = {
    { BREAK_MISSING_COLUMN, 0, SCS_CATALOG_IMPORT_ERROR_LAYOUT, NULL, "criterion text" },
    { BREAK_BAD_ID, 0, SCS_CATALOG_IMPORT_ERROR_CONTENT, "L", "X-Y-Z-W" },
    { BREAK_NO_REQUIREMENT, 0, SCS_CATALOG_IMPORT_ERROR_CONTENT, "F", "has no requirement" },
    { BREAK_DUPLICATE, 0, SCS_CATALOG_IMPORT_ERROR_CONTENT, "L", "appears twice" },
    { BREAK_BAD_LEVEL, 0, SCS_CATALOG_IMPORT_ERROR_CONTENT, "K", "★5" },
    { BREAK_FORMULA, 0, SCS_CATALOG_IMPORT_ERROR_CONTENT, "M", "formula" },
    { BREAK_DOCTYPE, 0, SCS_XLSX_ERROR_MALFORMED, NULL, "DOCTYPE" },
    { BREAK_GAP, 0, SCS_CATALOG_IMPORT_ERROR_CONTENT, "L", "is missing" },
  };
  static const char * const names[] = {
    "missing-column", "bad-id", "no-requirement", "duplicate", "bad-level", "formula", "doctype", "gap",
  };
  static BrokenCase filled[G_N_ELEMENTS (cases)];

  scs_i18n_init ("en");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/scs/catalog-import/official-counts", test_official_counts);
  g_test_add_func ("/scs/catalog-import/round-trip-and-date", test_round_trip_and_date_option);
  g_test_add_func ("/scs/catalog-import/paraphrase", test_paraphrase);
  g_test_add_func ("/scs/catalog-import/header-words-in-data", test_header_words_in_data_rows);
  g_test_add_func ("/scs/catalog-import/no-layout", test_hidden_and_user_columns_ignored);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/scs/catalog-import/refuse/%s", names[i]);

      filled[i] = cases[i];
      filled[i].domain = cases[i].kind == BREAK_DOCTYPE ? SCS_XLSX_ERROR : SCS_CATALOG_IMPORT_ERROR;
      g_test_add_data_func (path, &filled[i], test_broken);
    }

  return g_test_run ();
}
