/* scs-main.h: what scs-workbench's main() does
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Called with the application before it runs: how the test-only program
 * (scs-workbench-test) adds its screenshot and benchmark hooks. */
typedef void (*ScsMainHooks) (GtkApplication *app);

int scs_main (int           argc,
              char         *argv[],
              ScsMainHooks  hooks);

G_END_DECLS
