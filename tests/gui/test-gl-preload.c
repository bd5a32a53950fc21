/* test-gl-preload.c: the GL driver preload of ui/main.c (scs-gl-preload.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs without starting GTK, so that nothing else has loaded the driver:
 * before the preload it is not in the process, after it is, and it is the
 * one Mesa would load, beside Mesa's own EGL library.
 */

#include "config.h"

#define _GNU_SOURCE 1
#include <dlfcn.h>

#include <glib.h>

#include "scs-gl-preload.h"

static void
test_wanted (void)
{
  char *plain[] = { "scs-workbench", "company.scsw", NULL };
  char *help[] = { "scs-workbench", "--help", NULL };

  g_setenv ("DISPLAY", ":99", TRUE);
  g_unsetenv ("WAYLAND_DISPLAY");
  g_unsetenv ("GSK_RENDERER");
  g_assert_true (scs_gl_preload_wanted (2, plain));
  g_assert_true (scs_gl_preload_wanted (1, plain));
  g_assert_false (scs_gl_preload_wanted (2, help));

  g_setenv ("GSK_RENDERER", "cairo", TRUE);
  g_assert_false (scs_gl_preload_wanted (2, plain));
  g_setenv ("GSK_RENDERER", "gl", TRUE);
  g_assert_true (scs_gl_preload_wanted (2, plain));

  g_unsetenv ("DISPLAY");
  g_assert_false (scs_gl_preload_wanted (2, plain));
  g_setenv ("WAYLAND_DISPLAY", "wayland-0", TRUE);
  g_assert_true (scs_gl_preload_wanted (2, plain));
}

static void
test_run (void)
{
  g_autofree char *driver = NULL;
  void *mesa = dlopen ("libEGL_mesa.so.0", RTLD_LAZY | RTLD_NOLOAD);

  g_assert_null (mesa);
  mesa = dlopen ("libEGL_mesa.so.0", RTLD_LAZY | RTLD_LOCAL);
  if (mesa == NULL)
    {
      g_test_skip ("Mesa's EGL library is not installed: nothing to preload");
      return;
    }
  dlclose (mesa);

  driver = scs_gl_preload_run ();
  g_assert_nonnull (driver);
  g_assert_true (g_path_is_absolute (driver));
  g_assert_true (g_str_has_suffix (driver, "/dri/swrast_dri.so"));
  g_assert_true (g_file_test (driver, G_FILE_TEST_IS_REGULAR));
  /* Loaded, and staying loaded */
  g_assert_nonnull (dlopen (driver, RTLD_LAZY | RTLD_NOLOAD));
  g_assert_nonnull (dlopen ("libEGL_mesa.so.0", RTLD_LAZY | RTLD_NOLOAD));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/scs/gl-preload/wanted", test_wanted);
  g_test_add_func ("/scs/gl-preload/run", test_run);

  return g_test_run ();
}
