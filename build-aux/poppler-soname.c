/* poppler-soname.c: prints the soname of the poppler-glib this build links
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ui/meson.build compiles and runs this at configure time (cc.run, linked
 * through pkg-config's poppler-glib): the dynamic linker finds the library
 * by the name recorded at link time, its soname, and dladdr () reports the
 * file it loaded under that name. scs-pdf-preview.c opens the same name
 * with g_module_open () when the first PDF is previewed.
 */
#define _GNU_SOURCE 1
#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

#include <poppler.h>

int
main (void)
{
  Dl_info info;
  void *symbol;
  const char *base;

  /* a call, so that the program needs the library even with --as-needed */
  if (poppler_get_version () == NULL)
    return 1;
  symbol = dlsym (RTLD_DEFAULT, "poppler_get_version");
  if (symbol == NULL || dladdr (symbol, &info) == 0 || info.dli_fname == NULL)
    return 1;
  base = strrchr (info.dli_fname, '/');
  puts (base != NULL ? base + 1 : info.dli_fname);
  return 0;
}
