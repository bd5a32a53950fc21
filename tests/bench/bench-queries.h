/* bench-queries.h: the words the GUI latency benchmarks type
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by bench-gui-latency (the workbench's window) and
 * bench-bare-search (a bare GTK search entry, its baseline), so both type
 * the same keys.
 */
#pragma once

/* Words a user would search for: IDs, words of the criteria, the names of
 * evidence files. Typed one character at a time (an input method commits
 * "規程" at once: one keystroke). */
static const char * const queries[][6] = {
  { "4", "-", "1", "-", "3", NULL },
  { "文書化", NULL },
  { "b", "a", "c", "k", "u", "p" },
  { "e", "v", "-", "0", "4", "2" },
  { "規程", "第", NULL },
  { "ロ", "グ", NULL },
  { "1", "-", "2", "-", "1", NULL },
  { "台帳", NULL },
  { "s", "c", "r", "e", "e", "n" },
  { "z", "z", "q", NULL },
};
