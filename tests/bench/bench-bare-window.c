/* bench-bare-window.c: the baseline of the start-up benchmark
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A bare GTK 4 window of the workbench's default size holding one label:
 * what any GTK 4 application pays before it shows anything. Like
 * scs-workbench under SCS_BENCH_FIRST_FRAME=1 it prints "first-frame T"
 * (g_get_monotonic_time) after its first frame is painted and quits, so
 * bench-startup times both the same way.
 */

#include "config.h"

#include <gtk/gtk.h>

static gboolean done;

static void
after_paint (GdkFrameClock *clock,
             gpointer       data)
{
  g_signal_handlers_disconnect_by_func (clock, after_paint, data);
  g_print ("first-frame %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  done = TRUE;
}

static void
mapped (GtkWidget *window,
        gpointer   data)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (after_paint), NULL);
}

int
main (int    argc,
      char **argv)
{
  GtkWidget *window;

  gtk_init ();
  window = gtk_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), "GTK 4");
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  gtk_window_set_child (GTK_WINDOW (window), gtk_label_new ("GTK 4"));
  g_signal_connect (window, "map", G_CALLBACK (mapped), NULL);
  gtk_window_present (GTK_WINDOW (window));

  while (!done)
    g_main_context_iteration (NULL, TRUE);

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
