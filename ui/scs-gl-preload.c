/* scs-gl-preload.c: load the system's OpenGL driver on a second CPU while
 * GTK starts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK opens the display and then, still inside gtk_init(), loads the GL
 * stack to see what it can draw with: libEPOXY opens libEGL, which opens
 * Mesa's vendor library, which opens the driver — one shared object with
 * all of Mesa's Gallium drivers (iris, radeonsi, llvmpipe…: the files in
 * LIBDIR/dri are hard links to it or, in newer Mesa, small stubs over it)
 * and with LLVM behind it. Mapping and relocating that is some 10 ms of
 * one CPU, a fifth of gtk_init(), and every start-up waited for it on the
 * main thread while the second CPU idled.
 *
 * So main() starts a thread that loads the same objects first. When GTK
 * gets there they are loaded already (the dynamic loader knows a file by
 * device and inode, so any of the hard links is the same object), or it
 * waits for the thread to finish under the loader's lock: it never does
 * the work twice. Nothing is called in them, and they stay loaded, as GTK
 * would keep them. Where there is no Mesa (another vendor's driver, or
 * none), the thread finds nothing to open and ends. The driver's folder is
 * the one Mesa itself searches, beside its vendor library.
 */

#define _GNU_SOURCE 1 /* dlinfo() */

#include "config.h"

#include "scs-gl-preload.h"

#include <dlfcn.h>
#include <link.h>

gboolean
scs_gl_preload_wanted (int    argc,
                       char **argv)
{
  const char *renderer = g_getenv ("GSK_RENDERER");

  for (int i = 1; i < argc; i++)
    if (argv[i][0] == '-')
      return FALSE;
  if (renderer != NULL && g_ascii_strcasecmp (renderer, "cairo") == 0)
    return FALSE;
  return g_getenv ("DISPLAY") != NULL || g_getenv ("WAYLAND_DISPLAY") != NULL;
}

char *
scs_gl_preload_run (void)
{
  struct link_map *map = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *driver = NULL;
  void *vendor;

  /* libglvnd's dispatcher first, then Mesa's EGL vendor library. */
  (void) dlopen ("libEGL.so.1", RTLD_LAZY | RTLD_LOCAL);
  vendor = dlopen ("libEGL_mesa.so.0", RTLD_LAZY | RTLD_LOCAL);
  if (vendor == NULL || dlinfo (vendor, RTLD_DI_LINKMAP, &map) != 0 ||
      map == NULL || map->l_name == NULL || map->l_name[0] != '/')
    return NULL;

  dir = g_path_get_dirname (map->l_name);
  driver = g_build_filename (dir, "dri", "swrast_dri.so", NULL);
  if (dlopen (driver, RTLD_LAZY | RTLD_LOCAL) == NULL)
    return NULL;
  return g_steal_pointer (&driver);
}

static gpointer
preload_thread (gpointer data)
{
  g_free (scs_gl_preload_run ());
  return NULL;
}

void
scs_gl_preload_start (void)
{
  g_thread_unref (g_thread_new ("scs-gl-preload", preload_thread, NULL));
}
