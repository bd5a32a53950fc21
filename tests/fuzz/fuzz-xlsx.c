/* fuzz-xlsx.c: libFuzzer target for the .xlsx reader and the workbook import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The official workbook is a file a user loads from wherever they got it,
 * so the zip container, every XML part and the catalog import on top are
 * hostile input. Each input goes through scs_xlsx_new_from_bytes(); when it
 * opens, every sheet is loaded and every stored row is walked through the
 * merge-aware cell lookup (columns capped so one input stays fast); then the
 * same bytes go through scs_catalog_import_xlsx(), whose result, when there
 * is one, must be a catalog the loader accepts again from its own XML.
 */

#include "config.h"

#include <string.h>

#include "fuzz-common.h"
#include "scs-catalog-import.h"
#include "scs-xlsx.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  scs_fuzz_init_common ();
  return 0;
}

static void
walk (ScsXlsx *xlsx)
{
  for (guint i = 0; i < scs_xlsx_get_n_sheets (xlsx); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ScsXlsxSheet) sheet = NULL;
      g_autoptr(GArray) rows = NULL;
      guint max_column;

      g_assert (scs_xlsx_get_sheet_name (xlsx, i) != NULL);
      (void) scs_xlsx_get_sheet_hidden (xlsx, i);
      sheet = scs_xlsx_load_sheet (xlsx, i, &error);
      if (sheet == NULL)
        {
          g_assert (error != NULL && error->domain == SCS_XLSX_ERROR);
          continue;
        }

      max_column = MIN (scs_xlsx_sheet_get_max_column (sheet), 32);
      rows = scs_xlsx_sheet_get_rows (sheet);
      for (guint r = 0; r < MIN (rows->len, 512); r++)
        {
          guint row = g_array_index (rows, guint, r);

          for (guint column = 1; column <= max_column; column++)
            {
              ScsXlsxCell cell;

              (void) scs_xlsx_sheet_column_hidden (sheet, column);
              if (scs_xlsx_sheet_get_cell (sheet, row, column, &cell))
                {
                  g_assert (cell.text != NULL);
                  g_assert (g_utf8_validate (cell.text, -1, NULL));
                  g_assert (cell.row <= row && cell.column <= column);
                }
            }
        }
    }
  (void) scs_xlsx_get_core_property (xlsx, "created");
  (void) scs_xlsx_get_core_property (xlsx, "modified");
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsXlsx) xlsx = NULL;
  g_autoptr(ScsCatalog) catalog = NULL;
  g_autoptr(ScsCatalog) again = NULL;

  xlsx = scs_xlsx_new_from_bytes (bytes, &error);
  if (xlsx == NULL)
    {
      g_assert (error != NULL && error->domain == SCS_XLSX_ERROR);
      g_assert (error->message != NULL && error->message[0] != '\0');
      return 0;
    }
  g_assert (strlen (scs_xlsx_get_sha256 (xlsx)) == 64);
  walk (xlsx);

  catalog = scs_catalog_import_xlsx (bytes, "2026-03-27", NULL, &error);
  if (catalog == NULL)
    {
      g_assert (error != NULL);
      g_assert (error->domain == SCS_XLSX_ERROR || error->domain == SCS_CATALOG_IMPORT_ERROR);
      g_assert (error->message != NULL && error->message[0] != '\0');
      return 0;
    }

  g_assert (scs_catalog_is_official (catalog));
  again = scs_catalog_new_from_bytes (scs_catalog_get_bytes (catalog), &error);
  g_assert_no_error (error);
  g_assert (g_str_equal (scs_catalog_get_sha256 (again), scs_catalog_get_sha256 (catalog)));

  return 0;
}
