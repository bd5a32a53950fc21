/* fuzz-common.h: what every fuzz target shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each target defines LLVMFuzzerTestOneInput() and is linked twice: with
 * libFuzzer (-Dfuzz=true, clang, ASan+UBSan) for `build-aux/dev fuzz`, and
 * with fuzz-replay.c, a plain main() that feeds it every file of the seed
 * corpus and the crash reproducers as an ordinary test of the suite. A GLib
 * critical or warning reached through hostile input is a bug like a crash, so
 * both are made fatal before the first input.
 */
#pragma once

#include <glib.h>
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static inline void
scs_fuzz_init_common (void)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  g_setenv ("SCS_LANGUAGE", "en", TRUE);
}
