/* scs-startup.c: what main() does before GTK starts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The GL driver on a second CPU. GTK opens the display and then, still
 * inside gtk_init(), loads the GL stack to see what it can draw with:
 * libepoxy opens libEGL, which opens Mesa's vendor library, which opens
 * the driver — one shared object with all of Mesa's Gallium drivers (iris, radeonsi, llvmpipe…: the files in
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

#include "scs-startup.h"

#include <dlfcn.h>
#include <link.h>

gboolean
scs_startup_gl_preload_wanted (int    argc,
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
scs_startup_gl_preload_run (void)
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
  g_free (scs_startup_gl_preload_run ());
  return NULL;
}

void
scs_startup_gl_preload_start (void)
{
  g_thread_unref (g_thread_new ("scs-gl-preload", preload_thread, NULL));
}

/* The type's language. Fontconfig orders the fonts for text by FC_LANG,
 * else by the locale's language, read from the environment once. In an
 * English or C locale a Japanese UI got its Latin letters from one family
 * and its kana from another, and its kanji from whichever CJK face came
 * first for English (a Chinese one, on some systems: other glyph shapes).
 * With FC_LANG=ja the Japanese face comes first for all of it, as on a
 * Japanese desktop; one face per type size instead of two is also a third
 * less font loading before the first frame. */
static gboolean type_language_set;

gboolean
scs_startup_set_type_language (gboolean japanese)
{
  const char *user = g_getenv ("FC_LANG");

  if (!japanese || (user != NULL && *user != '\0'))
    return FALSE;
  g_setenv ("FC_LANG", "ja", TRUE);
  type_language_set = TRUE;
  return TRUE;
}

void
scs_startup_release_type_language (void)
{
  if (!type_language_set)
    return;
  g_unsetenv ("FC_LANG");
  type_language_set = FALSE;
}
