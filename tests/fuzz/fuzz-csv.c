/* fuzz-csv.c: libFuzzer target for the RFC 4180 CSV reader and writer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * CSV files come from outside (supplier lists and answers exported by
 * spreadsheets, mailed by clients), so scs_csv_parse() sees any bytes.
 * Besides not crashing it must keep its contract: either a table whose rows
 * all have the header's width and whose cells are valid UTF-8 within the
 * limits, or NULL with an SCS_CSV_ERROR. What it accepts must survive a
 * round trip through the writer: each row written with
 * scs_csv_append_row() and read back gives the same cells (compared as
 * scs_csv_cell_text(), since the writer guards formula characters with an
 * apostrophe).
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz-common.h"
#include "scs-csv.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  scs_fuzz_init_common ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = scs_csv_parse ((const char *) data, size, &error);
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GString) out = NULL;
  guint width;

  if (rows == NULL)
    {
      g_assert (error != NULL && error->domain == SCS_CSV_ERROR);
      return 0;
    }
  g_assert (error == NULL);
  if (rows->len == 0)
    return 0;

  g_assert (rows->len <= SCS_CSV_MAX_ROWS);
  width = g_strv_length (rows->pdata[0]);
  g_assert (width <= SCS_CSV_MAX_COLUMNS);
  out = g_string_new (NULL);
  for (guint r = 0; r < rows->len; r++)
    {
      char **row = rows->pdata[r];

      g_assert (g_strv_length (row) == width);
      for (guint c = 0; c < width; c++)
        {
          g_assert (g_utf8_validate (row[c], -1, NULL));
          g_assert (strlen (row[c]) <= SCS_CSV_MAX_FIELD);
        }
      (void) scs_csv_find_column ((const char * const *) row, "name");
      scs_csv_append_row (out, (const char * const *) row, width);
    }

  again = scs_csv_parse (out->str, out->len, &error);
  if (again == NULL)
    {
      /* abort (), not g_error (): libFuzzer keeps the input on SIGABRT. */
      fprintf (stderr, "the writer's output does not parse: %s\n", error->message);
      abort ();
    }
  g_assert (again->len == rows->len);
  for (guint r = 0; r < rows->len; r++)
    {
      char **a = rows->pdata[r], **b = again->pdata[r];

      g_assert (g_strv_length (b) == width);
      for (guint c = 0; c < width; c++)
        if (strcmp (scs_csv_cell_text (a[c]), scs_csv_cell_text (b[c])) != 0)
          {
            g_autofree char *x = g_strescape (a[c], NULL), *y = g_strescape (b[c], NULL);

            fprintf (stderr, "row %u column %u changed in a round trip: ‘%s’ → ‘%s’\n", r, c, x, y);
            abort ();
          }
    }
  return 0;
}
