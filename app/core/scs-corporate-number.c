/* scs-corporate-number.c: 法人番号 (corporate number) check digit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A corporate number is 13 digits whose first digit checks the other twelve:
 * check = 9 − (Σ Pn·Qn mod 9), Pn the n-th of the twelve counted from the
 * right, Qn 1 for odd n and 2 for even n. The remainder is taken of the whole
 * sum (taking it per term is a common misreading that accepts wrong numbers).
 * People copy these numbers from Japanese documents and web pages, so the
 * validator accepts full-width digits and the spaces and hyphens used to group
 * them, normalises to 13 ASCII digits, and otherwise says precisely what is
 * wrong: how many digits there are, which character is not a digit, or which
 * check digit was expected.
 */

#include "config.h"

#include "scs-corporate-number.h"

#include <glib/gi18n-lib.h>

#define N_DIGITS 13

G_DEFINE_QUARK (scs-validate-error-quark, scs_validate_error)

/**
 * scs_corporate_number_check_digit:
 * @twelve_digits: the 12 ASCII digits after the check digit
 *
 * Returns: the check digit 1 … 9 for @twelve_digits, or -1 if the argument is
 *   not exactly 12 ASCII digits
 */
int
scs_corporate_number_check_digit (const char *twelve_digits)
{
  guint sum = 0;

  g_return_val_if_fail (twelve_digits != NULL, -1);

  for (guint i = 0; i < 12; i++)
    if (!g_ascii_isdigit (twelve_digits[i]))
      return -1;
  if (twelve_digits[12] != '\0')
    return -1;

  /* n counts from the right: n = 12 - i for the i-th character. */
  for (guint i = 0; i < 12; i++)
    {
      guint n = 12 - i;
      guint p = (guint) (twelve_digits[i] - '0');

      sum += p * ((n % 2 == 1) ? 1 : 2);
    }

  return 9 - (int) (sum % 9);
}

static gboolean
is_separator (gunichar c)
{
  switch (c)
    {
    case ' ':
    case '-':
    case 0x3000:  /* IDEOGRAPHIC SPACE */
    case 0xFF0D:  /* FULLWIDTH HYPHEN-MINUS */
    case 0x2010:  /* HYPHEN */
    case 0x2011:  /* NON-BREAKING HYPHEN */
    case 0x2012:  /* FIGURE DASH */
    case 0x2013:  /* EN DASH */
    case 0x2212:  /* MINUS SIGN */
      return TRUE;
    default:
      return FALSE;
    }
}

/**
 * scs_corporate_number_validate:
 * @text: the number as typed, ASCII or full-width digits, optionally grouped
 *   with spaces or hyphens
 * @normalized: (out) (optional): the 13 ASCII digits on success
 * @error: return location for a #SCS_VALIDATE_ERROR
 *
 * Returns: %TRUE if @text is a corporate number with a correct check digit
 */
gboolean
scs_corporate_number_validate (const char  *text,
                               char       **normalized,
                               GError     **error)
{
  GString *digits;
  guint position = 0;
  int expected;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, SCS_VALIDATE_ERROR, SCS_VALIDATE_ERROR_CHARACTER,
                   _("The corporate number is not valid text (invalid UTF-8)"));
      return FALSE;
    }

  digits = g_string_sized_new (N_DIGITS);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      position++;
      if (c >= '0' && c <= '9')
        g_string_append_c (digits, (char) c);
      else if (c >= 0xFF10 && c <= 0xFF19)  /* FULLWIDTH DIGIT ZERO … NINE */
        g_string_append_c (digits, (char) ('0' + (c - 0xFF10)));
      else if (!is_separator (c))
        {
          char character[8] = { 0, };

          g_unichar_to_utf8 (c, character);
          g_set_error (error, SCS_VALIDATE_ERROR, SCS_VALIDATE_ERROR_CHARACTER,
                       _("The corporate number may only contain digits; ‘%s’ (character %u) is not a digit"),
                       character, position);
          g_string_free (digits, TRUE);
          return FALSE;
        }
    }

  if (digits->len != N_DIGITS)
    {
      g_set_error (error, SCS_VALIDATE_ERROR, SCS_VALIDATE_ERROR_LENGTH,
                   _("The corporate number must have 13 digits; it has %u"),
                   (guint) digits->len);
      g_string_free (digits, TRUE);
      return FALSE;
    }

  expected = scs_corporate_number_check_digit (digits->str + 1);
  if (expected != digits->str[0] - '0')
    {
      g_set_error (error, SCS_VALIDATE_ERROR, SCS_VALIDATE_ERROR_CHECK_DIGIT,
                   _("The corporate number %s is not valid: its check digit (the first digit) should be %d, not %c"),
                   digits->str, expected, digits->str[0]);
      g_string_free (digits, TRUE);
      return FALSE;
    }

  if (normalized != NULL)
    *normalized = g_string_free (digits, FALSE);
  else
    g_string_free (digits, TRUE);

  return TRUE;
}
