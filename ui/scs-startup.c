/* scs-startup.c: what main() does before GTK starts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The GL driver on a second CPU. GTK opens the display and then, still
 * inside gtk_init(), loads the GL stack to see what it can draw with:
 * libepoxy opens libEGL, which opens the vendor's EGL library, which opens
 * the driver — with Mesa, one shared object with all of its Gallium
 * drivers and LLVM behind it. Mapping and relocating that, and the
 * driver's one-time set-up, is a fifth of gtk_init(), and every start-up
 * waited for it on the main thread while the second CPU idled.
 *
 * So main() starts a thread that brings up EGL itself, through its
 * documented interface only: a display of the surfaceless platform
 * (EGL_MESA_platform_surfaceless, no window system needed), initialized
 * and terminated again. That loads the same driver GTK is about to load.
 * The thread then takes a reference to every object the initialization
 * loaded, so that terminating its display does not unload them: when GTK
 * gets there they are loaded (the dynamic loader knows a file by device
 * and inode), or it waits for the thread under the loader's lock; the work
 * is not done twice. No file is named: where the platform is missing
 * (another EGL, none), the thread finds nothing to initialize and ends.
 */

#define _GNU_SOURCE 1 /* dl_iterate_phdr() */

#include "config.h"

#include "scs-startup.h"

#include <dlfcn.h>
#include <epoxy/egl.h>
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

static int
add_object (struct dl_phdr_info *info,
            size_t               size,
            void                *data)
{
  if (info->dlpi_name != NULL && info->dlpi_name[0] == '/')
    g_hash_table_add (data, g_strdup (info->dlpi_name));
  return 0;
}

static GHashTable *
loaded_objects (void)
{
  GHashTable *objects = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  dl_iterate_phdr (add_object, objects);
  return objects;
}

GPtrArray *
scs_startup_gl_preload_run (void)
{
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(GHashTable) after = NULL;
  GPtrArray *kept = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  const char *name;
  EGLDisplay display;

  if (!epoxy_has_egl () ||
      !epoxy_has_egl_extension (EGL_NO_DISPLAY, "EGL_EXT_platform_base") ||
      !epoxy_has_egl_extension (EGL_NO_DISPLAY, "EGL_MESA_platform_surfaceless"))
    return kept;
  before = loaded_objects ();
  display = eglGetPlatformDisplayEXT (EGL_PLATFORM_SURFACELESS_MESA, EGL_DEFAULT_DISPLAY, NULL);
  if (display == EGL_NO_DISPLAY || !eglInitialize (display, NULL, NULL))
    {
      eglReleaseThread ();
      return kept;
    }
  after = loaded_objects ();
  g_hash_table_iter_init (&iter, after);
  /* A reference of our own to each, never dropped (as GTK keeps its own) */
  while (g_hash_table_iter_next (&iter, (gpointer *) &name, NULL))
    if (!g_hash_table_contains (before, name))
      {
        (void) dlopen (name, RTLD_LAZY | RTLD_NOLOAD);
        g_ptr_array_add (kept, g_strdup (name));
      }
  eglTerminate (display);
  eglReleaseThread ();
  return kept;
}

static gpointer
preload_thread (gpointer data)
{
  g_ptr_array_unref (scs_startup_gl_preload_run ());
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
