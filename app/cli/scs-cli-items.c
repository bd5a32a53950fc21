/* scs-cli-items.c: what the item-based types' commands share
 *
 * `jc answer FILE S1.1-NN ITEM WORD`, `sa answer FILE NUMBER WORD` (and
 * the answer command of any later item-based type) have one shape: the
 * workspace, the item's key arguments, then an answer word of the type or
 * "unanswered". The word is checked before the workspace is opened; the
 * keys by the type's callback; bad input exits 2 with nothing written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "scs-cli-private.h"

int
scs_cli_items_answer (const ScsCliCommand  *command,
                      const GOptionEntry   *entries,
                      int                   argc,
                      char                **argv,
                      guint                 n_keys,
                      const char * const   *words,
                      ScsCliItemsSetFunc    set)
{
  g_autoptr(ScsWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  const char *word;

  if (!scs_cli_parse_arguments (command, entries, TRUE, &argc, &argv, 2 + (int) n_keys, 2 + (int) n_keys))
    return SCS_CLI_EXIT_USAGE;
  word = argv[2 + n_keys];
  if (g_str_equal (word, "unanswered"))
    word = NULL;
  else if (!g_strv_contains (words, word))
    {
      g_autofree char *joined = g_strjoinv (", ", (char **) words);

      /* Translators: "sa answer: the answer must be one of done, partly, …
       * or unanswered, not ‘yes’" */
      return scs_cli_error (_("%s: the answer must be one of %s or unanswered, not ‘%s’"),
                            command->name, joined, word);
    }

  workspace = scs_cli_open_workspace (argv[1]);
  if (workspace == NULL)
    return SCS_CLI_EXIT_USAGE;
  if (!set (workspace, (const char * const *) argv + 2, word, &error))
    return scs_cli_report (error);
  return SCS_CLI_EXIT_OK;
}
