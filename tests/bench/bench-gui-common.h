/* bench-gui-common.h: what the GUI latency benchmarks share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by bench-gui-latency (the workbench's window) and
 * bench-bare-search (a bare GTK search entry, its baseline), so both type
 * the same keys and count the same way.
 */
#pragma once

#include <gtk/gtk.h>
#include <string.h>
#include <time.h>

/* The calling thread's CPU time */
static inline gint64
thread_cpu_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static inline int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Nearest rank: the smallest sample with at least @p of them at or below. */
static inline double
percentile (GArray *sorted,
            double  p)
{
  guint rank = (guint) ((p / 100.0) * sorted->len + 0.999999);

  return g_array_index (sorted, double, CLAMP (rank, 1, sorted->len) - 1);
}

/* Words a user would search for: IDs, words of the criteria, the names of
 * evidence files. Typed one character at a time (an input method commits
 * "規程" at once: one keystroke). */
static const char * const queries[][6] = {
  { "4", "-", "1", "-", "3", NULL },
  { "文書化", NULL },
  { "b", "a", "c", "k", "u", "p" },
  { "e", "v", "-", "0", "4", "2" },
  { "規程", "第", NULL },
  { "ロ", "グ", NULL },
  { "1", "-", "2", "-", "1", NULL },
  { "台帳", NULL },
  { "s", "c", "r", "e", "e", "n" },
  { "z", "z", "q", NULL },
};

/* The next key of the words above, after *@word's *@letter keys; NULL when
 * the word is typed (the entry is to be emptied). *@text becomes what the
 * entry will hold. */
static inline const char *
bench_next_key (guint  *word,
                guint  *letter,
                char  **text)
{
  const char * const *keys = queries[*word % G_N_ELEMENTS (queries)];
  const char *key = NULL;
  char *next;

  if (*letter < G_N_ELEMENTS (queries[0]) && keys[*letter] != NULL)
    key = keys[(*letter)++];
  else
    {
      (*word)++;
      *letter = 0;
    }
  next = key != NULL ? g_strconcat (*text != NULL ? *text : "", key, NULL) : g_strdup ("");
  g_free (*text);
  *text = next;
  return key;
}

/* @key typed into @entry, or the entry emptied when @key is NULL */
static inline void
bench_type (GtkEditable *entry,
            const char  *key)
{
  if (key != NULL)
    {
      /* What a key press (or an input method's commit) does: one insert
       * at the cursor, the end. gtk_editable_set_text() would delete
       * everything first, and the entry would report the empty text. */
      int position = (int) strlen (gtk_editable_get_text (entry));

      gtk_editable_insert_text (entry, key, -1, &position);
    }
  else
    /* The word is typed: the entry is emptied (Ctrl+A, Backspace). */
    gtk_editable_delete_text (entry, 0, -1);
}
