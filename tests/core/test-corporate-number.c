/* test-corporate-number.c: the 法人番号 check digit and input normalisation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "scs-corporate-number.h"

/* Published examples of valid numbers (scs/REFERENCE.md). */
static const char *const valid_numbers[] = {
  "7123456789012",
  "4011001098993",
  "7000012050002",
};

static void
test_check_digit (void)
{
  g_assert_cmpint (scs_corporate_number_check_digit ("123456789012"), ==, 7);
  g_assert_cmpint (scs_corporate_number_check_digit ("011001098993"), ==, 4);
  g_assert_cmpint (scs_corporate_number_check_digit ("000012050002"), ==, 7);
  /* Σ = 0 → 9 − 0 = 9: the check digit is never 0. */
  g_assert_cmpint (scs_corporate_number_check_digit ("000000000000"), ==, 9);

  g_assert_cmpint (scs_corporate_number_check_digit ("12345678901"), ==, -1);
  g_assert_cmpint (scs_corporate_number_check_digit ("1234567890123"), ==, -1);
  g_assert_cmpint (scs_corporate_number_check_digit ("12345678901x"), ==, -1);
}

/* The weights count from the right of the twelve (Q1 = 1 on the last digit),
 * and the remainder is of the whole sum, which can exceed 9 many times over. */
static void
test_weights_and_remainder (void)
{
  g_assert_cmpint (scs_corporate_number_check_digit ("000000000001"), ==, 8);  /* n = 1, Q = 1 */
  g_assert_cmpint (scs_corporate_number_check_digit ("000000000010"), ==, 7);  /* n = 2, Q = 2 */
  g_assert_cmpint (scs_corporate_number_check_digit ("100000000000"), ==, 7);  /* n = 12, Q = 2 */
  g_assert_cmpint (scs_corporate_number_check_digit ("010000000000"), ==, 8);  /* n = 11, Q = 1 */
  /* Σ = 6·8 + 6·16 = 144 ≡ 0 (mod 9) → 9 */
  g_assert_cmpint (scs_corporate_number_check_digit ("888888888888"), ==, 9);
  /* Σ = 6·5 + 6·10 = 90 ≡ 0 → 9 */
  g_assert_cmpint (scs_corporate_number_check_digit ("555555555555"), ==, 9);
  /* odd n: 3+1+2+3+1+2 = 12; even n: (2+3+1+2+3+1)·2 = 24; Σ = 36 → 9 */
  g_assert_cmpint (scs_corporate_number_check_digit ("123123123123"), ==, 9);
  /* 000000000019: 9·1 + 1·2 = 11 ≡ 2 → 7 */
  g_assert_cmpint (scs_corporate_number_check_digit ("000000000019"), ==, 7);
}

static void
test_valid (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (valid_numbers); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *normalized = NULL;

      g_assert_true (scs_corporate_number_validate (valid_numbers[i], &normalized, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (normalized, ==, valid_numbers[i]);
    }

  /* @normalized is optional. */
  g_assert_true (scs_corporate_number_validate ("7123456789012", NULL, NULL));
}

static void
test_full_width_and_separators (void)
{
  static const char *const inputs[] = {
    "７１２３４５６７８９０１２",         /* full-width digits */
    "7 1234 5678 9012",                  /* spaces */
    "7-1234-5678-9012",                  /* hyphens */
    "７－１２３４　５６７８－９０１２",   /* full-width hyphen and ideographic space */
    " 7123456789012 ",                   /* surrounding spaces */
  };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *normalized = NULL;

      g_test_message ("input: %s", inputs[i]);
      g_assert_true (scs_corporate_number_validate (inputs[i], &normalized, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (normalized, ==, "7123456789012");
    }
}

static void
test_bad_check_digit (void)
{
  g_autoptr(GError) error = NULL;
  char *normalized = (char *) "untouched";

  /* 4011001098993 is valid; with a leading 7 it is not. */
  g_assert_false (scs_corporate_number_validate ("7011001098993", &normalized, &error));
  g_assert_error (error, SCS_VALIDATE_ERROR, SCS_VALIDATE_ERROR_CHECK_DIGIT);
  g_assert_nonnull (strstr (error->message, "should be 4, not 7"));
  g_assert_cmpstr (normalized, ==, "untouched");
  g_clear_error (&error);

  /* A single changed digit in the body is caught too. */
  g_assert_false (scs_corporate_number_validate ("7123456789013", NULL, &error));
  g_assert_error (error, SCS_VALIDATE_ERROR, SCS_VALIDATE_ERROR_CHECK_DIGIT);
  g_clear_error (&error);

  /* Full-width input is reported by its normalised digits. */
  g_assert_false (scs_corporate_number_validate ("７０１１００１０９８９９３", NULL, &error));
  g_assert_error (error, SCS_VALIDATE_ERROR, SCS_VALIDATE_ERROR_CHECK_DIGIT);
  g_assert_nonnull (strstr (error->message, "7011001098993"));
}

static void
test_wrong_length (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (scs_corporate_number_validate ("712345678901", NULL, &error));
  g_assert_error (error, SCS_VALIDATE_ERROR, SCS_VALIDATE_ERROR_LENGTH);
  g_assert_nonnull (strstr (error->message, "13 digits; it has 12"));
  g_clear_error (&error);

  g_assert_false (scs_corporate_number_validate ("71234567890123", NULL, &error));
  g_assert_error (error, SCS_VALIDATE_ERROR, SCS_VALIDATE_ERROR_LENGTH);
  g_assert_nonnull (strstr (error->message, "it has 14"));
  g_clear_error (&error);

  g_assert_false (scs_corporate_number_validate ("", NULL, &error));
  g_assert_error (error, SCS_VALIDATE_ERROR, SCS_VALIDATE_ERROR_LENGTH);
  g_clear_error (&error);

  g_assert_false (scs_corporate_number_validate (" - ", NULL, &error));
  g_assert_error (error, SCS_VALIDATE_ERROR, SCS_VALIDATE_ERROR_LENGTH);
}

static void
test_letters (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (scs_corporate_number_validate ("71234A6789012", NULL, &error));
  g_assert_error (error, SCS_VALIDATE_ERROR, SCS_VALIDATE_ERROR_CHARACTER);
  g_assert_nonnull (strstr (error->message, "‘A’"));
  g_assert_nonnull (strstr (error->message, "character 6"));
  g_clear_error (&error);

  /* Kanji numerals are not digits. */
  g_assert_false (scs_corporate_number_validate ("七123456789012", NULL, &error));
  g_assert_error (error, SCS_VALIDATE_ERROR, SCS_VALIDATE_ERROR_CHARACTER);
  g_assert_nonnull (strstr (error->message, "‘七’"));
  g_clear_error (&error);

  g_assert_false (scs_corporate_number_validate ("7123456789012\n", NULL, &error));
  g_assert_error (error, SCS_VALIDATE_ERROR, SCS_VALIDATE_ERROR_CHARACTER);
  g_clear_error (&error);

  /* Not UTF-8 at all. */
  g_assert_false (scs_corporate_number_validate ("7123\xff" "56789012", NULL, &error));
  g_assert_error (error, SCS_VALIDATE_ERROR, SCS_VALIDATE_ERROR_CHARACTER);
}

/* Every number whose check digit is computed by the function validates, and
 * every other leading digit is refused: the two functions agree. */
static void
test_exhaustive_leading_digit (void)
{
  GRand *rand = g_rand_new_with_seed (20260327);

  for (guint round = 0; round < 200; round++)
    {
      char number[14];
      int check;

      for (guint i = 1; i < 13; i++)
        number[i] = (char) ('0' + g_rand_int_range (rand, 0, 10));
      number[13] = '\0';
      check = scs_corporate_number_check_digit (number + 1);
      g_assert_cmpint (check, >=, 1);
      g_assert_cmpint (check, <=, 9);

      for (int lead = 0; lead <= 9; lead++)
        {
          g_autoptr(GError) error = NULL;
          gboolean ok;

          number[0] = (char) ('0' + lead);
          ok = scs_corporate_number_validate (number, NULL, &error);
          g_assert_cmpint (ok, ==, lead == check);
          if (!ok)
            g_assert_error (error, SCS_VALIDATE_ERROR, SCS_VALIDATE_ERROR_CHECK_DIGIT);
        }
    }

  g_rand_free (rand);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/scs/corporate-number/check-digit", test_check_digit);
  g_test_add_func ("/scs/corporate-number/weights-and-remainder", test_weights_and_remainder);
  g_test_add_func ("/scs/corporate-number/valid", test_valid);
  g_test_add_func ("/scs/corporate-number/full-width-and-separators", test_full_width_and_separators);
  g_test_add_func ("/scs/corporate-number/bad-check-digit", test_bad_check_digit);
  g_test_add_func ("/scs/corporate-number/wrong-length", test_wrong_length);
  g_test_add_func ("/scs/corporate-number/letters", test_letters);
  g_test_add_func ("/scs/corporate-number/leading-digit", test_exhaustive_leading_digit);

  return g_test_run ();
}
