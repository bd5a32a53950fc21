/* soname.c: prints the soname of the library that defines SONAME_FUNCTION
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A library the programs open when it is first needed instead of linking
 * it (Poppler: ui/scs-pdf-preview.c; libsoup: app/core/scs-cms.c) is
 * opened by the name the dynamic linker would load it by. The meson.build
 * of its user compiles and runs this at configure time (cc.run), linked
 * through the library's pkg-config dependency, with SONAME_HEADER its
 * header and SONAME_FUNCTION one of its functions: the program calls the
 * function through a pointer, so that it needs the library even with
 * --as-needed, the dynamic linker finds the library by the name recorded
 * at link time, its soname, and dladdr () reports the file it loaded under
 * that name.
 */
#define _GNU_SOURCE 1
#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

#include SONAME_HEADER

#define STRINGIFY_(x) #x
#define STRINGIFY(x) STRINGIFY_ (x)

int
main (void)
{
  void *volatile linked = (void *) SONAME_FUNCTION;
  Dl_info info;
  void *symbol;
  const char *base;

  symbol = dlsym (RTLD_DEFAULT, STRINGIFY (SONAME_FUNCTION));
  if (linked == NULL || symbol == NULL || dladdr (symbol, &info) == 0 || info.dli_fname == NULL)
    return 1;
  base = strrchr (info.dli_fname, '/');
  puts (base != NULL ? base + 1 : info.dli_fname);
  return 0;
}
