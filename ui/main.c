/* main.c: start SCS Workbench (scs-main.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "scs-main.h"

int
main (int   argc,
      char *argv[])
{
  return scs_main (argc, argv, NULL);
}
