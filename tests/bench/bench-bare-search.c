/* bench-bare-search.c: the baseline of the search keystroke's latency
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A bare GTK 4 window of the benchmark's size: a header bar, a focused
 * GtkSearchEntry and one label that says how many of a few words match
 * the text. The same keys as bench-gui-latency are typed the same way
 * (one insert at the end; the entry emptied after each word), and each is
 * timed the same way: from the entry's "search-changed" to the end of the
 * frame that shows the new label.
 *
 * What it shows is what no application can do less than: while the entry
 * has the focus its caret blinks, GTK animates the blink from a tick
 * callback, so the frame clock runs at every refresh interval and a
 * frame never starts sooner than one interval after the last
 * (gdkframeclockidle.c). "search-changed" comes from the entry's own
 * timer at any moment of that interval, and its result waits for the
 * next frame: 0–16.7 ms. Printed beside the workbench's figures by
 * tests/bench/run, with the part of each sample spent waiting for the
 * frame (idle) left out ("work").
 *
 * Usage: bench-bare-search [SAMPLES]; prints one "op=search-bare …" line.
 */

#include "config.h"

#include <gtk/gtk.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench-gui-common.h"

#define GAP_MS 40   /* between samples, as bench-gui-latency */

static const char * const words[] = {
  "4-1-3 情報セキュリティ方針の文書化", "1-2-1 規程第3条", "backup ログ 台帳",
  "ev-042 screenshot", "教育記録 契約書 手順書",
};

typedef struct
{
  GtkEditable *entry;
  GtkLabel    *label;
  GdkFrameClock *clock;
  guint        samples, done;
  guint        word, letter;
  char        *text;
  char        *expected;    /* the label's text once the sample shows */
  gint64       t0, cpu0, t_in, cpu_in, t_frame, cpu_frame;
  GArray      *ms, *cpu_ms, *work_ms, *wait_ms;
  gboolean     finished;
} Bare;

static char *
label_for (const char *text)
{
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    n += text[0] != '\0' && strstr (words[i], text) != NULL;
  return g_strdup_printf ("%u 件 — %s", n, text);
}

static void next_sample (Bare *b);

static gboolean
next_sample_cb (gpointer data)
{
  next_sample (data);
  return G_SOURCE_REMOVE;
}

static gboolean
on_search_changed_hook (GSignalInvocationHint *hint,
                        guint                  n_values,
                        const GValue          *values,
                        gpointer               data)
{
  Bare *b = data;

  if (b->expected != NULL && b->t0 == 0 && g_value_get_object (&values[0]) == (gpointer) b->entry &&
      g_strcmp0 (gtk_editable_get_text (b->entry), b->text) == 0)
    {
      b->t0 = g_get_monotonic_time ();
      b->cpu0 = thread_cpu_us ();
    }
  return TRUE;
}

static void
on_search_changed (GtkSearchEntry *entry,
                   Bare           *b)
{
  g_autofree char *label = label_for (gtk_editable_get_text (b->entry));

  gtk_label_set_text (b->label, label);
  if (b->t0 != 0)
    {
      b->t_in = g_get_monotonic_time ();
      b->cpu_in = thread_cpu_us ();
    }
}

static void
on_before_paint (GdkFrameClock *clock,
                 Bare          *b)
{
  b->t_frame = g_get_monotonic_time ();
  b->cpu_frame = thread_cpu_us ();
}

static void
on_after_paint (GdkFrameClock *clock,
                Bare          *b)
{
  gint64 now = g_get_monotonic_time ();
  gint64 cpu = thread_cpu_us ();
  double ms, wait;

  if (b->expected == NULL || b->t0 == 0 || b->t_in == 0 || b->t_frame < b->t_in ||
      g_strcmp0 (gtk_label_get_text (b->label), b->expected) != 0)
    return;
  ms = (now - b->t0) / 1000.0;
  g_array_append_val (b->ms, ms);
  ms = (cpu - b->cpu0) / 1000.0;
  g_array_append_val (b->cpu_ms, ms);
  wait = MAX (0.0, ((b->t_frame - b->t_in) - (b->cpu_frame - b->cpu_in)) / 1000.0);
  g_array_append_val (b->wait_ms, wait);
  ms = (now - b->t0) / 1000.0 - wait;
  g_array_append_val (b->work_ms, ms);
  g_clear_pointer (&b->expected, g_free);
  b->done++;
  g_timeout_add (GAP_MS, next_sample_cb, b);
}

static void
next_sample (Bare *b)
{
  const char *key;

  if (b->done >= b->samples && b->letter == 0)
    {
      b->finished = TRUE;
      return;
    }
  key = bench_next_key (&b->word, &b->letter, &b->text);
  b->expected = label_for (b->text);
  b->t0 = b->t_in = 0;
  bench_type (b->entry, key);
}

static gboolean
start (gpointer data)
{
  next_sample (data);
  return G_SOURCE_REMOVE;
}

static void
mapped (GtkWidget *window,
        Bare      *b)
{
  b->clock = gtk_widget_get_frame_clock (window);
  g_signal_connect (b->clock, "before-paint", G_CALLBACK (on_before_paint), b);
  g_signal_connect (b->clock, "after-paint", G_CALLBACK (on_after_paint), b);
  gtk_widget_grab_focus (GTK_WIDGET (b->entry));
  g_timeout_add (1500, start, b);
}

int
main (int   argc,
      char *argv[])
{
  Bare b = { 0 };
  GtkWidget *window, *box;
  GArray *arrays[4];

  b.samples = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 200;
  if (b.samples == 0)
    b.samples = 200;
  b.ms = arrays[0] = g_array_new (FALSE, FALSE, sizeof (double));
  b.cpu_ms = arrays[1] = g_array_new (FALSE, FALSE, sizeof (double));
  b.work_ms = arrays[2] = g_array_new (FALSE, FALSE, sizeof (double));
  b.wait_ms = arrays[3] = g_array_new (FALSE, FALSE, sizeof (double));

  gtk_init ();
  g_type_class_unref (g_type_class_ref (GTK_TYPE_SEARCH_ENTRY));
  g_signal_add_emission_hook (g_signal_lookup ("search-changed", GTK_TYPE_SEARCH_ENTRY), 0,
                              on_search_changed_hook, &b, NULL);
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1360, 860);
  gtk_window_set_titlebar (GTK_WINDOW (window), gtk_header_bar_new ());
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  b.entry = GTK_EDITABLE (gtk_search_entry_new ());
  b.label = GTK_LABEL (gtk_label_new (""));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (b.entry));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (b.label));
  gtk_window_set_child (GTK_WINDOW (window), box);
  g_signal_connect (b.entry, "search-changed", G_CALLBACK (on_search_changed), &b);
  g_signal_connect_after (window, "map", G_CALLBACK (mapped), &b);
  gtk_window_present (GTK_WINDOW (window));

  while (!b.finished)
    g_main_context_iteration (NULL, TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (arrays); i++)
    g_array_sort (arrays[i], compare_doubles);
  printf ("op=search-bare n=%u p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f max_ms=%.2f cpu_p50_ms=%.2f "
          "cpu_p99_ms=%.2f work_p50_ms=%.2f work_p99_ms=%.2f wait_p50_ms=%.2f\n",
          b.ms->len, percentile (b.ms, 50), percentile (b.ms, 95), percentile (b.ms, 99),
          g_array_index (b.ms, double, b.ms->len - 1), percentile (b.cpu_ms, 50), percentile (b.cpu_ms, 99),
          percentile (b.work_ms, 50), percentile (b.work_ms, 99), percentile (b.wait_ms, 50));
  gtk_window_destroy (GTK_WINDOW (window));
  for (guint i = 0; i < G_N_ELEMENTS (arrays); i++)
    g_array_unref (arrays[i]);
  g_free (b.text);
  return 0;
}
