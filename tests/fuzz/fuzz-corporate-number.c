/* fuzz-corporate-number.c: libFuzzer target for the 法人番号 validator
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The corporate number is typed or pasted by users and read from imported
 * files (full-width digits, spaces, hyphens), so the validator sees any
 * bytes, not only UTF-8. Besides not crashing, it must keep its contract: an
 * accepted number normalises to 13 ASCII digits whose check digit agrees,
 * and validating the normalised form again gives the same result.
 */

#include "config.h"

#include <string.h>

#include "fuzz-common.h"
#include "scs-corporate-number.h"

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
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autofree char *normalized = NULL;
  g_autofree char *again = NULL;
  g_autoptr(GError) error = NULL;

  if (!scs_corporate_number_validate (text, &normalized, &error))
    {
      g_assert (error != NULL && error->domain == SCS_VALIDATE_ERROR);
      g_assert (normalized == NULL);
      return 0;
    }

  g_assert (normalized != NULL && strlen (normalized) == 13);
  for (guint i = 0; i < 13; i++)
    g_assert (g_ascii_isdigit (normalized[i]));
  g_assert (scs_corporate_number_check_digit (normalized + 1) == normalized[0] - '0');
  g_assert (scs_corporate_number_validate (normalized, &again, NULL));
  g_assert (strcmp (again, normalized) == 0);

  /* The check digit helper takes arbitrary text too. */
  (void) scs_corporate_number_check_digit (text);

  return 0;
}
