/* bench-gui-common.h: what the GUI latency benchmarks share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by bench-gui-latency (the workbench's window) and
 * bench-bare-search (a bare GTK search entry, its baseline), so both type
 * the same keys and count the same way.
 */
#pragma once

#include <glib.h>
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
