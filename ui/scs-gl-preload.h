/* scs-gl-preload.h: load the system's OpenGL driver on a second CPU while
 * GTK starts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Whether a start with these arguments and this environment will draw with
 * OpenGL through Mesa soon enough for preloading to pay: not for options
 * (--help, --version), without a display, or with GSK_RENDERER=cairo. */
gboolean  scs_gl_preload_wanted      (int          argc,
                                      char       **argv);
/* Starts loading the driver on a thread of its own and returns at once. */
void      scs_gl_preload_start       (void);
/* What the thread does, synchronously; returns the driver file it loaded,
 * or NULL when there is no Mesa to load (for tests). */
char     *scs_gl_preload_run         (void);

G_END_DECLS
