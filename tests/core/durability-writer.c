/* durability-writer.c: writes answers in a loop until it is killed
 *
 * Helper of test-durability. Opens the workspace, prints "ready", then sets
 * random answers with unique notes (and every tenth step adds a new evidence
 * file) as fast as it can. After each call has returned TRUE — and only then
 * — it prints one line, so every line the test reads is an edit the user was
 * told had been saved:
 *
 *   ack <seq> <criterion> <state> <note>
 *   evidence <seq> <criterion> <sha256>
 *
 * Usage: durability-writer WORKSPACE FIRST_SEQ SEED EVIDENCE_DIR
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "scs-workspace.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsWorkspace) ws = NULL;
  g_autoptr(GRand) rand = NULL;
  GListModel *answers;
  guint n_answers;
  gint64 seq;

  if (argc != 5)
    {
      fprintf (stderr, "Usage: %s WORKSPACE FIRST_SEQ SEED EVIDENCE_DIR\n", argv[0]);
      return 2;
    }

  ws = scs_workspace_open (argv[1], &error);
  if (ws == NULL)
    {
      fprintf (stderr, "durability-writer: %s\n", error->message);
      return 1;
    }
  scs_workspace_set_actor (ws, "durability-writer");

  seq = g_ascii_strtoll (argv[2], NULL, 10);
  rand = g_rand_new_with_seed ((guint32) g_ascii_strtoull (argv[3], NULL, 10));
  answers = scs_workspace_get_answers (ws);
  n_answers = g_list_model_get_n_items (answers);
  if (n_answers == 0)
    {
      fprintf (stderr, "durability-writer: the catalog has no criteria\n");
      return 1;
    }

  printf ("ready\n");
  fflush (stdout);

  for (;; seq++)
    {
      g_autoptr(ScsAnswer) answer = g_list_model_get_item (answers, g_rand_int_range (rand, 0, n_answers));
      const char *id = scs_answer_get_criterion_id (answer);

      if (seq % 10 == 0)
        {
          g_autofree char *name = g_strdup_printf ("ev-%" G_GINT64_FORMAT ".txt", seq);
          g_autofree char *path = g_build_filename (argv[4], name, NULL);
          g_autofree char *contents = g_strdup_printf ("evidence %" G_GINT64_FORMAT "\n", seq);
          g_autoptr(GFile) file = g_file_new_for_path (path);
          g_autofree char *sha = NULL;

          if (!g_file_set_contents (path, contents, -1, &error))
            {
              fprintf (stderr, "durability-writer: %s\n", error->message);
              return 1;
            }

          sha = scs_workspace_add_evidence (ws, id, file, NULL, &error);
          if (sha == NULL)
            {
              fprintf (stderr, "durability-writer: %s\n", error->message);
              return 1;
            }

          printf ("evidence %" G_GINT64_FORMAT " %s %s\n", seq, id, sha);
        }
      else
        {
          ScsAnswerState state = g_rand_int_range (rand, 0, SCS_N_ANSWER_STATES);
          g_autofree char *note = g_strdup_printf ("note-%" G_GINT64_FORMAT "-備考", seq);
          g_autofree char *reason = NULL;

          if (state == SCS_ANSWER_NOT_APPLICABLE)
            reason = g_strdup_printf ("reason-%" G_GINT64_FORMAT, seq);

          if (!scs_workspace_set_answer (ws, id, state, note, reason, &error))
            {
              fprintf (stderr, "durability-writer: %s\n", error->message);
              return 1;
            }

          printf ("ack %" G_GINT64_FORMAT " %s %s %s\n",
                  seq, id, scs_answer_state_to_string (state), note);
        }

      fflush (stdout);
    }

  return 0;
}
