/* bench-bare-window.c: the baseline of the start-up benchmark
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A bare GTK 4 window of the workbench's default size holding one label:
 * what any GTK 4 application pays before it shows anything. Like
 * scs-workbench under SCS_BENCH_FIRST_FRAME=1 it prints "first-frame T"
 * (g_get_monotonic_time) after its first frame is painted and quits, so
 * bench-startup times both the same way.
 *
 * Built a second time as bench-adw-window (BENCH_ADW defined): the same
 * window after adw_init(), holding a Japanese label — the floor any
 * libadwaita application showing Japanese text pays (the Adwaita
 * stylesheet, a CJK font), printed beside the GTK baseline. The GTK
 * baseline itself does not link libadwaita.
 *
 * Both have the title bar GTK gives a window on a desktop: on GNOME, GTK
 * draws it itself (client-side decorations), a GtkHeaderBar with the title
 * and the window controls. Under Xvfb there is no compositing window
 * manager, so GTK would leave it out and the baseline would be a label on
 * a blank surface, cheaper than any window a user sees; the workbench, an
 * AdwApplicationWindow, always draws its own header bars. The header bar set
 * here is the one GTK creates under client-side decorations. With
 * --no-titlebar the window is left as Xvfb alone would show it, printed
 * beside the baseline for comparison.
 */

#include "config.h"

#include <gtk/gtk.h>
#ifdef BENCH_ADW
#include <adwaita.h>
#endif

static gboolean done;

static void
after_paint (GdkFrameClock *clock,
             gpointer       data)
{
  g_signal_handlers_disconnect_by_func (clock, after_paint, data);
  g_print ("first-frame %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  done = TRUE;
}

/* The same phase marks as scs-workbench (ui/scs-startup-trace.h), for
 * bench-startup --phases. */
static void
mark (const char *what)
{
  g_print ("mark %s %" G_GINT64_FORMAT "\n", what, g_get_monotonic_time ());
}

static void
clock_phase (GdkFrameClock *clock,
             gpointer       what)
{
  g_signal_handlers_disconnect_by_func (clock, clock_phase, what);
  mark (what);
}

static void
realized (GtkWidget *window)
{
  mark ("realized");
}

static void
mapped (GtkWidget *window,
        gpointer   data)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  mark ("mapped");
  g_signal_connect (clock, "layout", G_CALLBACK (clock_phase), (gpointer) "layout");
  g_signal_connect (clock, "paint", G_CALLBACK (clock_phase), (gpointer) "painting");
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint), NULL);
}

int
main (int    argc,
      char **argv)
{
  GtkWidget *window;
  gboolean titlebar = !(argc > 1 && g_str_equal (argv[1], "--no-titlebar"));

  mark ("main");
  gtk_init ();
#ifdef BENCH_ADW
  adw_init ();
#endif
  mark ("gtk-started");
  window = gtk_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), "GTK 4");
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  if (titlebar)
    gtk_window_set_titlebar (GTK_WINDOW (window), gtk_header_bar_new ());
#ifdef BENCH_ADW
  gtk_window_set_child (GTK_WINDOW (window), gtk_label_new ("サプライチェーン強化に向けたセキュリティ対策評価"));
#else
  gtk_window_set_child (GTK_WINDOW (window), gtk_label_new ("GTK 4"));
#endif
  g_signal_connect (window, "realize", G_CALLBACK (realized), NULL);
  g_signal_connect (window, "map", G_CALLBACK (mapped), NULL);
  gtk_window_present (GTK_WINDOW (window));
  mark ("presented");

  while (!done)
    g_main_context_iteration (NULL, TRUE);

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
