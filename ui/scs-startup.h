/* scs-startup.h: what main() does before GTK starts, for a faster and
 * better-looking first window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The GL driver, loaded on a second CPU while GTK starts. Wanted unless
 * the start has options (--help, --version), no display, or
 * GSK_RENDERER=cairo. Start returns at once; run is what the thread does,
 * synchronously, and returns the files of the objects that bringing up EGL
 * loaded and that stay loaded (empty when there is no EGL platform to
 * bring up; for tests). */
gboolean  scs_startup_gl_preload_wanted     (int          argc,
                                             char       **argv);
void      scs_startup_gl_preload_start      (void);
GPtrArray *scs_startup_gl_preload_run       (void);

/* A Japanese UI is set in Japanese type, whatever the locale: sets FC_LANG
 * to "ja" for fontconfig unless the user set it (TRUE when it did); release
 * clears it again once fontconfig has read it, so that programs the
 * workbench starts do not inherit it. */
gboolean  scs_startup_set_type_language     (gboolean     japanese);
void      scs_startup_release_type_language (void);

G_END_DECLS
