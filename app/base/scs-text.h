/* scs-text.h: user text — what may be stored, how it reaches a terminal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SCS_TEXT_ERROR (scs_text_error_quark ())

typedef enum
{
  SCS_TEXT_ERROR_INVALID,  /* refused text: the message names the field and the character */
} ScsTextError;

GQuark scs_text_error_quark (void);

typedef enum
{
  SCS_TEXT_MULTI_LINE  = 0,       /* notes, reasons, comments: tab and newline allowed */
  SCS_TEXT_SINGLE_LINE = 1 << 0,  /* names, the actor: no newline either */
} ScsTextFlags;

/* Refuses invalid UTF-8, control characters other than tab and newline
 * (newline too with SCS_TEXT_SINGLE_LINE), Unicode non-characters
 * (U+FDD0–U+FDEF, U+xFFFE, U+xFFFF) and the bidirectional embedding,
 * override and isolate controls (U+202A–U+202E, U+2066–U+2069). @field is
 * the translated name of what is checked ("the note of criterion 1-1-1-1"),
 * used in the message. %NULL is valid. */
gboolean  scs_text_validate        (const char    *text,
                                    const char    *field,
                                    ScsTextFlags   flags,
                                    GError       **error);

/* scs_text_validate () with the refusal as @domain and @code (a module's
 * own error domain), the message the same. */
gboolean  scs_text_validate_as     (const char    *text,
                                    const char    *field,
                                    ScsTextFlags   flags,
                                    GQuark         domain,
                                    int            code,
                                    GError       **error);

/* TRUE for %NULL, "" and text of white space only (U+3000 included). */
gboolean  scs_text_is_blank        (const char    *text);

/* Orders IDs made of numbers joined by '-' (criteria "1-10-1-1",
 * requirements "1-10") numerically, segment by segment, so "1-10-1"
 * follows "1-9-1" and "1-2" comes before "1-2-1"; from the first segment
 * that is not a number on, byte order. A qsort-style result. */
int       scs_text_compare_ids     (const char    *a,
                                    const char    *b);

/* @text made safe for a terminal: control characters other than tab and
 * newline, bidirectional controls, non-characters and the C1 range shown
 * as \u{202E}; bytes that are not UTF-8 as \x{FF}. */
char     *scs_text_escape_terminal (const char    *text);

/* The index of @word among the stable names of a table of enum values:
 * @n strings, the first at @first and each next @stride bytes further (a
 * plain array of strings, or one member of an array of structs: see
 * scs_text_find_in_table ()). FALSE for %NULL and for a word not there. */
gboolean  scs_text_find_word       (const char * const *first,
                                    gsize               stride,
                                    guint               n,
                                    const char         *word,
                                    guint              *index);

/* scs_text_find_word () over the static array of strings @array (not a
 * pointer). */
#define scs_text_find_in_array(array, word, index) \
  scs_text_find_word ((array), sizeof ((array)[0]), G_N_ELEMENTS (array), (word), (index))

/* scs_text_find_word () over the @member of every element of the array
 * @table (a static array, not a pointer). */
#define scs_text_find_in_table(table, member, word, index) \
  scs_text_find_word (&(table)[0].member, sizeof ((table)[0]), G_N_ELEMENTS (table), (word), (index))

/* One value of an enum, as a row of its table: the stable word files and
 * the CLI use, and the label shown (marked N_(), translated on the way
 * out). Row i is the value i. */
typedef struct
{
  const char *id;
  const char *label;
} ScsTextWord;

/* The word and the translated label of @value among the @n rows of
 * @words; %NULL (and a critical) for a value past the end. */
const char *scs_text_word_get_id    (const ScsTextWord *words,
                                     guint              n,
                                     guint              value);
const char *scs_text_word_get_label (const ScsTextWord *words,
                                     guint              n,
                                     guint              value);

G_END_DECLS
