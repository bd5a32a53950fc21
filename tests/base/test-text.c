/* test-text.c: the user-text validator, blank check and terminal escape
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "scs-text.h"

static void
assert_refused (const char   *text,
                ScsTextFlags  flags,
                const char   *expected_part)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (scs_text_validate (text, "The note of criterion 1-1-1-1", flags, &error));
  g_assert_error (error, SCS_TEXT_ERROR, SCS_TEXT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "The note of criterion 1-1-1-1"));
  if (expected_part != NULL)
    g_assert_nonnull (strstr (error->message, expected_part));
}

static void
test_validate_accepts (void)
{
  static const char * const good[] = {
    "", "plain", "改行\nとタブ\tは可", "全角　空白", "emoji 😀", "U+FFFD \xef\xbf\xbd",
    "arabic شركة", "hebrew שלום",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    g_assert_true (scs_text_validate (good[i], "x", SCS_TEXT_MULTI_LINE, NULL));
  g_assert_true (scs_text_validate (NULL, "x", SCS_TEXT_SINGLE_LINE, NULL));
  g_assert_true (scs_text_validate ("one\tline", "x", SCS_TEXT_SINGLE_LINE, NULL));
}

static void
test_validate_refuses (void)
{
  assert_refused ("a\vb", SCS_TEXT_MULTI_LINE, "U+000B");
  assert_refused ("a\rb", SCS_TEXT_MULTI_LINE, "U+000D");
  assert_refused ("\x1b[31mred", SCS_TEXT_MULTI_LINE, "U+001B");
  assert_refused ("del\x7f", SCS_TEXT_MULTI_LINE, "U+007F");
  assert_refused ("c1 \xc2\x85", SCS_TEXT_MULTI_LINE, "U+0085");
  assert_refused ("x\xef\xbf\xbf", SCS_TEXT_MULTI_LINE, "U+FFFF");     /* U+FFFF */
  assert_refused ("x\xef\xbf\xbe", SCS_TEXT_MULTI_LINE, "U+FFFE");     /* U+FFFE */
  assert_refused ("x\xef\xb7\x90", SCS_TEXT_MULTI_LINE, "U+FDD0");     /* U+FDD0 */
  assert_refused ("x\xf0\x9f\xbf\xbf", SCS_TEXT_MULTI_LINE, "U+1FFFF"); /* U+1FFFF */
  assert_refused ("abc\xe2\x80\xae" "cba", SCS_TEXT_MULTI_LINE, "U+202E");
  assert_refused ("\xe2\x80\xaa", SCS_TEXT_MULTI_LINE, "U+202A");
  assert_refused ("\xe2\x81\xa6" "x", SCS_TEXT_MULTI_LINE, "U+2066");
  assert_refused ("\xe2\x81\xa9", SCS_TEXT_MULTI_LINE, "U+2069");
  assert_refused ("bad \xff utf8", SCS_TEXT_MULTI_LINE, "UTF-8");
  assert_refused ("Taro\n2026-01-01 forged entry", SCS_TEXT_SINGLE_LINE, NULL);
  /* the position, counted in characters */
  assert_refused ("日本\v", SCS_TEXT_MULTI_LINE, "3");
}

/* Each kind of refused character has its own message. */
static void
test_validate_kinds (void)
{
  assert_refused ("a\vb", SCS_TEXT_MULTI_LINE, "control character U+000B (character 2)");
  assert_refused ("ab\xef\xbf\xbf", SCS_TEXT_MULTI_LINE, "U+FFFF (character 3), which is not a character");
  assert_refused ("\xe2\x80\xae", SCS_TEXT_MULTI_LINE, "text direction control U+202E (character 1)");
}

/* A module's own domain, the base message. */
static void
test_validate_as (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) base_error = NULL;
  GQuark domain = g_quark_from_static_string ("test-text-module-error");

  g_assert_true (scs_text_validate_as ("fine", "x", SCS_TEXT_SINGLE_LINE, domain, 7, &error));
  g_assert_no_error (error);
  g_assert_true (scs_text_validate_as (NULL, "x", SCS_TEXT_SINGLE_LINE, domain, 7, NULL));

  g_assert_false (scs_text_validate_as ("a\nb", "The name", SCS_TEXT_SINGLE_LINE, domain, 7, &error));
  g_assert_false (scs_text_validate ("a\nb", "The name", SCS_TEXT_SINGLE_LINE, &base_error));
  g_assert_error (error, domain, 7);
  g_assert_cmpstr (error->message, ==, base_error->message);
  g_assert_false (scs_text_validate_as ("a\vb", "x", SCS_TEXT_MULTI_LINE, domain, 7, NULL));
}

static void
test_blank (void)
{
  g_assert_true (scs_text_is_blank (NULL));
  g_assert_true (scs_text_is_blank (""));
  g_assert_true (scs_text_is_blank (" \t\n"));
  g_assert_true (scs_text_is_blank ("\xe3\x80\x80"));  /* U+3000 */
  g_assert_false (scs_text_is_blank (" a "));
  g_assert_false (scs_text_is_blank ("\xe3\x80\x80あ"));
}

static void
test_compare_ids (void)
{
  static const struct
  {
    const char *a;
    const char *b;
    int         order;
  } cases[] = {
    { "1-1-1-1", "1-1-1-1", 0 },
    { "1-9-1", "1-10-1", -1 },
    { "1-10-1-1", "1-9-1-1", 1 },
    { "2-1", "10-1", -1 },
    { "1-2", "1-2-1", -1 },
    { "1-2-1", "1-2", 1 },
    { "1-2", "1-2-", -1 },
    { "", "1", -1 },
    { "", "", 0 },
    /* Not numbers: no endless loop, byte order from there on. */
    { "1-x", "1-y", -1 },
    { "x", "x", 0 },
    { "1-x", "1-1", 1 },
    { "1- 2", "1-2", -1 },
    { "1-+2", "1-2", -1 },
    { "1.1", "1-1", 1 },
    { "99999999999999999999-1", "99999999999999999999-2", -1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s <=> %s", cases[i].a, cases[i].b);
      g_assert_cmpint (scs_text_compare_ids (cases[i].a, cases[i].b), ==, cases[i].order);
      g_assert_cmpint (scs_text_compare_ids (cases[i].b, cases[i].a), ==, -cases[i].order);
    }
}

static void
test_escape_terminal (void)
{
  static const struct { const char *in; const char *out; } cases[] = {
    { "plain 日本語", "plain 日本語" },
    { "tab\tand\nnewline", "tab\tand\nnewline" },
    { "\x1b]0;owned\x07", "\\u{001B}]0;owned\\u{0007}" },
    { "abc\xe2\x80\xae" "fed", "abc\\u{202E}fed" },
    { "iso\xe2\x81\xa7x", "iso\\u{2067}x" },
    { "nc\xef\xbf\xbf", "nc\\u{FFFF}" },
    { "c1\xc2\x9b", "c1\\u{009B}" },
    { "bad\xff", "bad\\x{FF}" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *escaped = scs_text_escape_terminal (cases[i].in);

      g_assert_cmpstr (escaped, ==, cases[i].out);
    }
}

static void
test_find_word (void)
{
  static const char * const words[] = { "met", "not-met", "na" };
  static const struct { int value; const char *id; const char *label; } table[] = {
    { 10, "sme", "SME staff" },
    { 20, "expert", "Security expert" },
    { 30, "management", "Management" },
  };
  guint i = 99;

  g_assert_true (scs_text_find_word (words, sizeof (words[0]), G_N_ELEMENTS (words), "na", &i));
  g_assert_cmpuint (i, ==, 2);
  g_assert_true (scs_text_find_word (words, sizeof (words[0]), G_N_ELEMENTS (words), "met", NULL));
  /* the whole word, case and all */
  g_assert_false (scs_text_find_word (words, sizeof (words[0]), G_N_ELEMENTS (words), "not", &i));
  g_assert_false (scs_text_find_word (words, sizeof (words[0]), G_N_ELEMENTS (words), "NA", &i));
  g_assert_false (scs_text_find_word (words, sizeof (words[0]), G_N_ELEMENTS (words), "", &i));
  g_assert_false (scs_text_find_word (words, sizeof (words[0]), G_N_ELEMENTS (words), NULL, &i));
  g_assert_false (scs_text_find_word (words, sizeof (words[0]), 2, "na", &i));
  g_assert_cmpuint (i, ==, 2);

  /* one member of a table of structs: the other members are not names */
  g_assert_true (scs_text_find_in_table (table, id, "management", &i));
  g_assert_cmpuint (i, ==, 2);
  g_assert_true (scs_text_find_in_table (table, id, "expert", &i));
  g_assert_cmpuint (i, ==, 1);
  g_assert_false (scs_text_find_in_table (table, id, "Management", &i));
  g_assert_true (scs_text_find_in_table (table, label, "Management", &i));
  g_assert_cmpuint (i, ==, 2);
}

/* A table of words and labels: row i is value i; a value past the end is
 * a programming error (NULL and a critical). */
static void
test_word_table (void)
{
  static const ScsTextWord words[] = {
    { "zero", "Zero" }, { "one", "One" }, { "two", "Two" },
  };

  g_assert_cmpstr (scs_text_word_get_id (words, G_N_ELEMENTS (words), 0), ==, "zero");
  g_assert_cmpstr (scs_text_word_get_id (words, G_N_ELEMENTS (words), 2), ==, "two");
  g_assert_cmpstr (scs_text_word_get_label (words, G_N_ELEMENTS (words), 1), ==, "One");
  if (g_test_subprocess ())
    {
      scs_text_word_get_label (words, G_N_ELEMENTS (words), 3);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*CRITICAL*value < n*");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/scs/text/validate/accepts", test_validate_accepts);
  g_test_add_func ("/scs/text/validate/refuses", test_validate_refuses);
  g_test_add_func ("/scs/text/validate/kinds", test_validate_kinds);
  g_test_add_func ("/scs/text/validate/as", test_validate_as);
  g_test_add_func ("/scs/text/blank", test_blank);
  g_test_add_func ("/scs/text/compare-ids", test_compare_ids);
  g_test_add_func ("/scs/text/escape-terminal", test_escape_terminal);
  g_test_add_func ("/scs/text/find-word", test_find_word);
  g_test_add_func ("/scs/text/word-table", test_word_table);

  return g_test_run ();
}
