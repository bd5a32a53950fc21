/* scs-text.c: user text — what may be stored, how it reaches a terminal
 *
 * Every piece of text a user types (a note, a reason, a name, the actor of
 * an audit entry) ends up in XML that someone signs, in a PDF report and
 * on terminals. A vertical tab or U+FFFF cannot be written as XML 1.0 at
 * all, so one stored by mistake used to block signing much later with a
 * parser error naming nothing; a newline in the actor forged audit lines;
 * a right-to-left override can make a report header read backwards. So
 * text is refused at input, by this one validator, with a message naming
 * the field, and text read back from a file is escaped before it is
 * printed to a terminal. The check is by code point, so the same rule
 * holds whatever the locale.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "scs-text.h"

#include <string.h>

#include <glib/gi18n-lib.h>

G_DEFINE_QUARK (scs-text-error-quark, scs_text_error)

static gboolean
is_bidi_control (gunichar c)
{
  return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

static gboolean
is_noncharacter (gunichar c)
{
  return (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE;
}

static gboolean
is_control (gunichar c)
{
  return c < 0x20 || (c >= 0x7F && c <= 0x9F);
}

/**
 * scs_text_validate:
 * @text: (nullable): the text to check
 * @field: what it is, translated, for the message
 * @flags: %SCS_TEXT_SINGLE_LINE to refuse newlines too
 * @error: %SCS_TEXT_ERROR_INVALID naming @field, the character and where
 *
 * Returns: %TRUE when @text may be stored
 */
gboolean
scs_text_validate (const char    *text,
                   const char    *field,
                   ScsTextFlags   flags,
                   GError       **error)
{
  const char *end = NULL;
  guint position = 1;

  g_return_val_if_fail (field != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (text == NULL)
    return TRUE;

  if (!g_utf8_validate (text, -1, &end))
    {
      g_set_error (error, SCS_TEXT_ERROR, SCS_TEXT_ERROR_INVALID,
                   _("%s is not valid UTF-8 text (at byte %u)"),
                   field, (guint) (end - text) + 1);
      return FALSE;
    }

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p), position++)
    {
      gunichar c = g_utf8_get_char (p);
      const char *format = NULL;

      if (c == '\t' || (c == '\n' && !(flags & SCS_TEXT_SINGLE_LINE)))
        continue;

      if (c == '\n')
        {
          g_set_error (error, SCS_TEXT_ERROR, SCS_TEXT_ERROR_INVALID,
                       _("%s must be one line: it contains a line break (character %u)"),
                       field, position);
          return FALSE;
        }
      if (is_control (c))
        /* Translators: the second %s is a code point such as U+000B */
        format = _("%s contains the control character %s (character %u); "
                   "only tabs and line breaks are allowed");
      else if (is_noncharacter (c))
        format = _("%s contains %s (character %u), which is not a character");
      else if (is_bidi_control (c))
        format = _("%s contains the text direction control %s (character %u), "
                   "which can make text read backwards");
      if (format != NULL)
        {
          g_autofree char *code = g_strdup_printf ("U+%04X", c);

          g_set_error (error, SCS_TEXT_ERROR, SCS_TEXT_ERROR_INVALID, format, field, code, position);
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * scs_text_validate_as:
 * @domain: the caller's error domain
 * @code: the error code in @domain
 *
 * scs_text_validate () for a module with an error domain of its own: the
 * same check and message, as @domain and @code.
 */
gboolean
scs_text_validate_as (const char    *text,
                      const char    *field,
                      ScsTextFlags   flags,
                      GQuark         domain,
                      int            code,
                      GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  if (scs_text_validate (text, field, flags, &local_error))
    return TRUE;
  g_set_error_literal (error, domain, code, local_error->message);
  return FALSE;
}

gboolean
scs_text_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  /* g_unichar_isspace () counts U+3000 (ideographic space) as space. */
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

int
scs_text_compare_ids (const char *a,
                      const char *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, 0);

  while (*a != '\0' && *b != '\0')
    {
      char *end_a;
      char *end_b;
      guint64 x;
      guint64 y;

      /* Digits only: strtoull would also take blanks and signs. */
      if (!g_ascii_isdigit (*a) || !g_ascii_isdigit (*b))
        break;
      x = g_ascii_strtoull (a, &end_a, 10);
      y = g_ascii_strtoull (b, &end_b, 10);
      if (x != y)
        return x < y ? -1 : 1;
      if (*end_a != *end_b)
        return *end_a == '\0' ? -1 : *end_b == '\0' ? 1 : (guchar) *end_a < (guchar) *end_b ? -1 : 1;
      if (*end_a != '-')
        {
          a = end_a;
          b = end_b;
          break;
        }
      a = end_a + 1;
      b = end_b + 1;
    }
  return strcmp (a, b) < 0 ? -1 : strcmp (a, b) > 0 ? 1 : 0;
}

char *
scs_text_escape_terminal (const char *text)
{
  GString *out;
  const char *p;

  if (text == NULL)
    return g_strdup ("");

  out = g_string_sized_new (strlen (text));
  p = text;
  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append_printf (out, "\\x{%02X}", (guchar) *p);
          p++;
          continue;
        }
      if (c != '\t' && c != '\n' &&
          (is_control (c) || is_bidi_control (c) || is_noncharacter (c)))
        g_string_append_printf (out, "\\u{%04X}", c);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
      p = g_utf8_next_char (p);
    }

  return g_string_free (out, FALSE);
}

gboolean
scs_text_find_word (const char * const *first,
                    gsize               stride,
                    guint               n,
                    const char         *word,
                    guint              *index)
{
  g_return_val_if_fail (first != NULL && stride >= sizeof (const char *), FALSE);

  for (guint i = 0; word != NULL && i < n; i++)
    {
      const char *candidate = *(const char * const *) ((const guint8 *) first + i * stride);

      if (g_strcmp0 (candidate, word) == 0)
        {
          if (index != NULL)
            *index = i;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
scs_text_word_get_id (const ScsTextWord *words,
                      guint              n,
                      guint              value)
{
  g_return_val_if_fail (words != NULL && value < n, NULL);
  return words[value].id;
}

const char *
scs_text_word_get_label (const ScsTextWord *words,
                         guint              n,
                         guint              value)
{
  g_return_val_if_fail (words != NULL && value < n, NULL);
  return _(words[value].label);
}
