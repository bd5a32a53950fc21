/* bench-startup.c: time a GUI program from exec to its first painted frame
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-startup [--phases] RUNS PROGRAM [ARGS...]
 *
 * Runs PROGRAM RUNS times, one after the other, with SCS_BENCH_FIRST_FRAME=1
 * in its environment. The program (scs-workbench, or bench-bare-window for
 * the baseline) prints "first-frame T" with T its g_get_monotonic_time() —
 * CLOCK_MONOTONIC, the same clock as ours — once the frame clock has
 * finished painting the first frame, and then quits. We take the time just
 * before fork(), so the figure covers exec, dynamic linking, GTK start-up,
 * opening the workspace, building the widgets and painting. Peak RSS is the
 * child's ru_maxrss from wait4(). Prints the median and minimum start-up
 * in milliseconds and the median peak RSS in KiB, as one line:
 *
 *   startup_ms_median=… startup_ms_min=… rss_kib_median=… runs=…
 *
 * With --phases it also reads the "mark WHAT T" lines the program prints
 * on the way (scs-workbench does, see ui/scs-startup-trace.h) and prints,
 * before that line, one line per phase in the order of the marks: the
 * median time from the previous mark (exec for the first) to this one,
 *
 *   phase WHAT ms_median=… ms_min=…
 */

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib.h>

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

#define MAX_MARKS 32

/* The marks of one run: names in order of appearance, times in ms from
 * the previous mark. */
typedef struct
{
  int    n;
  char  *names[MAX_MARKS];
  double ms[MAX_MARKS];
} Marks;

static void
marks_clear (Marks *marks)
{
  for (int i = 0; i < marks->n; i++)
    g_free (marks->names[i]);
  marks->n = 0;
}

static gboolean
run_once (char   **argv,
          double  *ms,
          long    *rss_kib,
          Marks   *marks)
{
  gint64 last;
  int fds[2];
  gint64 start;
  pid_t pid;
  int status;
  struct rusage usage;
  FILE *out;
  char line[256];
  gint64 frame = -1;

  if (pipe (fds) != 0)
    return FALSE;

  start = last = g_get_monotonic_time ();
  pid = fork ();
  if (pid < 0)
    return FALSE;
  if (pid == 0)
    {
      dup2 (fds[1], STDOUT_FILENO);
      close (fds[0]);
      close (fds[1]);
      setenv ("SCS_BENCH_FIRST_FRAME", "1", 1);
      execvp (argv[0], argv);
      _exit (127);
    }
  close (fds[1]);

  out = fdopen (fds[0], "r");
  marks_clear (marks);
  while (fgets (line, sizeof line, out) != NULL)
    if (g_str_has_prefix (line, "first-frame "))
      frame = g_ascii_strtoll (line + strlen ("first-frame "), NULL, 10);
    else if (g_str_has_prefix (line, "mark ") && marks->n < MAX_MARKS)
      {
        char *name = line + strlen ("mark ");
        char *space = strrchr (name, ' ');
        gint64 t;

        if (space == NULL)
          continue;
        *space = '\0';
        t = g_ascii_strtoll (space + 1, NULL, 10);
        marks->names[marks->n] = g_strdup (name);
        marks->ms[marks->n] = (t - last) / 1000.0;
        marks->n++;
        last = t;
      }
  if (frame >= 0 && marks->n > 0 && marks->n < MAX_MARKS)
    {
      marks->names[marks->n] = g_strdup ("first-frame");
      marks->ms[marks->n] = (frame - last) / 1000.0;
      marks->n++;
    }
  fclose (out);

  if (wait4 (pid, &status, 0, &usage) < 0)
    return FALSE;
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0 || frame < 0)
    {
      fprintf (stderr, "bench-startup: %s exited with status %d without a first frame\n",
               argv[0], status);
      return FALSE;
    }

  *ms = (frame - start) / 1000.0;
  *rss_kib = usage.ru_maxrss;
  return TRUE;
}

int
main (int    argc,
      char **argv)
{
  int runs;
  double *ms;
  double *rss;
  gboolean phases = FALSE;
  Marks marks = { 0 };
  Marks first = { 0 };
  double *phase_ms[MAX_MARKS] = { NULL };

  if (argc > 1 && g_str_equal (argv[1], "--phases"))
    {
      phases = TRUE;
      argv++;
      argc--;
    }
  if (argc < 3)
    {
      fprintf (stderr, "Usage: bench-startup [--phases] RUNS PROGRAM [ARGS...]\n");
      return 2;
    }
  runs = atoi (argv[1]);
  if (runs < 1)
    runs = 1;
  ms = g_new (double, runs);
  rss = g_new (double, runs);

  /* One unmeasured run warms the page cache and the font cache. */
  {
    double warm_ms;
    long warm_rss;

    if (!run_once (argv + 2, &warm_ms, &warm_rss, &first))
      return 1;
  }
  for (int m = 0; m < first.n; m++)
    phase_ms[m] = g_new0 (double, runs);

  for (int i = 0; i < runs; i++)
    {
      long kib = 0;

      if (!run_once (argv + 2, &ms[i], &kib, &marks))
        return 1;
      rss[i] = kib;
      /* A phase missing from a run (it printed other marks) counts as 0. */
      for (int m = 0; m < first.n; m++)
        for (int k = 0; k < marks.n; k++)
          if (g_str_equal (marks.names[k], first.names[m]))
            {
              phase_ms[m][i] = marks.ms[k];
              break;
            }
    }
  qsort (ms, runs, sizeof *ms, compare_doubles);
  qsort (rss, runs, sizeof *rss, compare_doubles);
  for (int m = 0; phases && m < first.n; m++)
    {
      qsort (phase_ms[m], runs, sizeof (double), compare_doubles);
      printf ("phase %s ms_median=%.1f ms_min=%.1f\n", first.names[m], phase_ms[m][runs / 2], phase_ms[m][0]);
    }
  for (int m = 0; m < first.n; m++)
    g_free (phase_ms[m]);
  marks_clear (&marks);
  marks_clear (&first);
  printf ("startup_ms_median=%.1f startup_ms_min=%.1f rss_kib_median=%.0f runs=%d\n",
          ms[runs / 2], ms[0], rss[runs / 2], runs);
  g_free (ms);
  g_free (rss);
  return 0;
}
