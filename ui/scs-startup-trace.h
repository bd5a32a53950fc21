/* scs-startup-trace.h: start-up phase marks for the benchmark
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Under SCS_BENCH_FIRST_FRAME=1 (tests/bench/bench-startup sets it),
 * scs_startup_mark() prints "mark WHAT T" on stdout, T being
 * g_get_monotonic_time(); bench-startup --phases turns the marks into the
 * median time of each phase. Otherwise it costs one getenv.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

static inline void
scs_startup_mark (const char *what)
{
  static int enabled = -1;

  if (enabled < 0)
    enabled = g_getenv ("SCS_BENCH_FIRST_FRAME") != NULL;
  if (enabled)
    g_print ("mark %s %" G_GINT64_FORMAT "\n", what, g_get_monotonic_time ());
}

G_END_DECLS
