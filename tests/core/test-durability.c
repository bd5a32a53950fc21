/* test-durability.c: kill -9 a writer hundreds of times; nothing acked is lost
 *
 * Spawns durability-writer (path in $DURABILITY_WRITER) on one workspace,
 * lets it write for a random 5–60 ms, kills it with SIGKILL, and then checks
 * what a user cares about: the file opens, PRAGMA integrity_check and
 * foreign_key_check are clean, every edit the writer acknowledged is in the
 * file (at most the one edit that was in flight when it died may also be
 * there), every acknowledged evidence file is stored and linked, and the
 * audit log tells the same story: for every criterion each row's old value
 * is the previous row's new value, the last one is what the file holds, and
 * there is exactly one note row per committed edit.
 *
 * The random sequence is reproducible: the seed is printed, and
 * DURABILITY_SEED=n replays it; DURABILITY_ROUNDS changes the count.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>

#include "scs-workspace.h"

#include "core-test-util.h"

#define DEFAULT_ROUNDS 300
#define DEFAULT_SEED 20260327

typedef struct
{
  ScsAnswerState state;
  char *note;
  char *reason;
} Expected;

static void
expected_free (Expected *expected)
{
  g_free (expected->note);
  g_free (expected->reason);
  g_free (expected);
}

static Expected *
expected_lookup (GHashTable *table,
                 const char *id)
{
  Expected *expected = g_hash_table_lookup (table, id);

  if (expected == NULL)
    {
      expected = g_new0 (Expected, 1);
      expected->state = SCS_ANSWER_UNANSWERED;
      expected->note = g_strdup ("");
      expected->reason = g_strdup ("");
      g_hash_table_insert (table, g_strdup (id), expected);
    }

  return expected;
}

static void
expected_set (Expected       *expected,
              ScsAnswerState  state,
              const char     *note,
              const char     *reason)
{
  expected->state = state;
  g_free (expected->note);
  expected->note = g_strdup (note);
  if (reason != NULL)
    {
      g_free (expected->reason);
      expected->reason = g_strdup (reason);
    }
}

static char *
read_line_raw (GInputStream *stream)
{
  GString *line = g_string_new (NULL);
  char c;

  for (;;)
    {
      gssize n = g_input_stream_read (stream, &c, 1, NULL, NULL);

      if (n <= 0)
        break;
      if (c == '\n')
        return g_string_free (line, FALSE);
      g_string_append_c (line, c);
    }

  g_string_free (line, TRUE);
  return NULL;
}

/* The audit log as read so far: per criterion, the last value of each field
 * (state, note, reason), and row counts. Rows are read incrementally, newest
 * first down to the last one seen, then applied oldest first. */
typedef struct
{
  gint64      last_id;
  GHashTable *state;   /* criterion → value, owned */
  GHashTable *note;
  GHashTable *reason;
  guint       n_note_rows;
  guint       n_evidence_rows;
} AuditChain;

static void
audit_chain_init (AuditChain *chain)
{
  chain->last_id = 0;
  chain->state = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  chain->note = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  chain->reason = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  chain->n_note_rows = 0;
  chain->n_evidence_rows = 0;
}

static void
audit_chain_clear (AuditChain *chain)
{
  g_clear_pointer (&chain->state, g_hash_table_unref);
  g_clear_pointer (&chain->note, g_hash_table_unref);
  g_clear_pointer (&chain->reason, g_hash_table_unref);
}

/* Checks that each new row's old value is the previous row's new value for
 * the same criterion and field, and that the chains end at what the model
 * holds. */
static void
check_audit (ScsWorkspace *ws,
             AuditChain   *chain)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  GListModel *answers = scs_workspace_get_answers (ws);
  guint limit = 1024;
  guint first_new;

  /* Fetch enough of the newest rows to reach the last one already checked. */
  for (;;)
    {
      ScsAuditEntry *oldest;

      g_clear_pointer (&audit, g_ptr_array_unref);
      audit = scs_workspace_list_audit (ws, limit, &error);
      g_assert_no_error (error);
      if (audit->len < limit)
        break;
      oldest = g_ptr_array_index (audit, audit->len - 1);
      if (oldest->id <= chain->last_id)
        break;
      limit *= 4;
    }

  first_new = audit->len;
  while (first_new > 0 &&
         ((ScsAuditEntry *) g_ptr_array_index (audit, first_new - 1))->id <= chain->last_id)
    first_new--;

  for (guint i = first_new; i > 0; i--)
    {
      ScsAuditEntry *entry = g_ptr_array_index (audit, i - 1);
      GHashTable *values = NULL;
      const char *previous;
      const char *initial = "";

      /* Newest first in the list, strictly; we walk it backwards. */
      g_assert_cmpint (entry->id, >, chain->last_id);
      chain->last_id = entry->id;

      if (g_str_equal (entry->action, "answer") || g_str_equal (entry->action, "undo"))
        {
          values = chain->state;
          initial = "unanswered";
        }
      else if (g_str_equal (entry->action, "note"))
        {
          values = chain->note;
          chain->n_note_rows++;
        }
      else if (g_str_equal (entry->action, "reason"))
        values = chain->reason;
      else if (g_str_equal (entry->action, "evidence-add"))
        chain->n_evidence_rows++;

      if (values == NULL)
        continue;

      previous = g_hash_table_lookup (values, entry->target);
      if (previous == NULL)
        previous = initial;
      g_assert_cmpstr (entry->old_value, ==, previous);
      g_hash_table_insert (values, g_strdup (entry->target), g_strdup (entry->new_value));
    }

  for (guint i = 0; i < g_list_model_get_n_items (answers); i++)
    {
      g_autoptr(ScsAnswer) answer = g_list_model_get_item (answers, i);
      const char *id = scs_answer_get_criterion_id (answer);
      const char *s = g_hash_table_lookup (chain->state, id);
      const char *n = g_hash_table_lookup (chain->note, id);
      const char *r = g_hash_table_lookup (chain->reason, id);

      g_assert_cmpstr (s ? s : "unanswered", ==, scs_answer_state_to_string (scs_answer_get_state (answer)));
      g_assert_cmpstr (n ? n : "", ==, scs_answer_get_note (answer));
      g_assert_cmpstr (r ? r : "", ==, scs_answer_get_reason (answer));
    }
}

static void
test_kill_writer (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = NULL;
  g_autoptr(ScsCatalog) catalog = scs_catalog_new_builtin ();
  g_autoptr(ScsOrganization) org = scs_organization_new ();
  g_autoptr(GHashTable) expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          (GDestroyNotify) expected_free);
  g_autoptr(GHashTable) evidence = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  const char *writer = g_getenv ("DURABILITY_WRITER");
  const char *seed_env = g_getenv ("DURABILITY_SEED");
  const char *rounds_env = g_getenv ("DURABILITY_ROUNDS");
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *evidence_dir = NULL;
  ScsWorkspace *ws;
  guint32 seed = seed_env ? (guint32) g_ascii_strtoull (seed_env, NULL, 10) : DEFAULT_SEED;
  guint rounds = rounds_env ? (guint) g_ascii_strtoull (rounds_env, NULL, 10) : DEFAULT_ROUNDS;
  gint64 next_seq = 1;
  guint committed_edits = 0;
  guint committed_evidence = 0;
  guint total_acks = 0;
  guint in_flight_found = 0;
  guint rounds_with_acks = 0;
  AuditChain audit_chain;

  if (writer == NULL)
    {
      g_test_skip ("DURABILITY_WRITER is not set");
      return;
    }

  g_test_message ("seed %u (replay with DURABILITY_SEED=%u), %u rounds", seed, seed, rounds);
  rand = g_rand_new_with_seed (seed);
  audit_chain_init (&audit_chain);

  dir = g_dir_make_tmp ("scs-durability-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "durable.scsw", NULL);
  evidence_dir = g_build_filename (dir, "evidence", NULL);
  g_assert_cmpint (g_mkdir (evidence_dir, 0700), ==, 0);

  org->name = g_strdup ("耐久テスト商店");
  org->sole_proprietor = TRUE;
  ws = scs_workspace_create (path, org, 3, catalog, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (ws);

  for (guint round = 0; round < rounds; round++)
    {
      g_autoptr(GSubprocess) process = NULL;
      g_autoptr(GBytes) output = NULL;
      g_autofree char *first_seq = g_strdup_printf ("%" G_GINT64_FORMAT, next_seq);
      g_autofree char *writer_seed = g_strdup_printf ("%u", g_rand_int (rand));
      g_autofree char *ready = NULL;
      g_auto(GStrv) lines = NULL;
      guint wait_lines = g_rand_int_range (rand, 0, 4) == 0 ? 0 : g_rand_int_range (rand, 1, 6);
      guint delay_ms = g_rand_int_range (rand, 0, 31);
      GString *seen = g_string_new (NULL);
      gint64 last_seq = next_seq - 1;
      gint64 in_flight;
      guint acks = 0;

      process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                                  writer, path, first_seq, writer_seed, evidence_dir, NULL);
      g_assert_no_error (error);

      ready = read_line_raw (g_subprocess_get_stdout_pipe (process));
      if (g_strcmp0 (ready, "ready") != 0)
        {
          g_subprocess_wait (process, NULL, NULL);
          g_error ("round %u: the writer did not start (status %d)", round,
                   g_subprocess_get_status (process));
        }

      /* The kill comes after a number of acknowledgements (none in a quarter
       * of the rounds), then after a random delay: where in the write loop
       * it lands is random, that the writer wrote before it is not (a loaded
       * machine only makes the rounds slower). Not a timing assertion. */
      for (guint i = 0; i < wait_lines; i++)
        {
          g_autofree char *line = read_line_raw (g_subprocess_get_stdout_pipe (process));

          if (line == NULL)
            break;
          g_string_append_printf (seen, "%s\n", line);
        }
      g_usleep (delay_ms * 1000);
      g_subprocess_force_exit (process);

      g_subprocess_communicate (process, NULL, NULL, &output, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (g_subprocess_get_if_signaled (process));
      g_assert_cmpint (g_subprocess_get_term_sig (process), ==, SIGKILL);

      /* Only whole lines count: a line cut short was not acknowledged. */
      {
        gsize size = 0;
        const char *data = output ? g_bytes_get_data (output, &size) : NULL;
        g_autofree char *text = NULL;

        g_string_append_len (seen, data ? data : "", size);
        text = g_string_free (g_steal_pointer (&seen), FALSE);
        char *end = strrchr (text, '\n');

        if (end != NULL)
          *end = '\0';
        else
          text[0] = '\0';
        lines = g_strsplit (text, "\n", -1);
      }

      for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
        {
          g_auto(GStrv) fields = g_strsplit (lines[i], " ", 5);
          gint64 seq;

          g_assert_cmpuint (g_strv_length (fields), >=, 4);
          seq = g_ascii_strtoll (fields[1], NULL, 10);
          g_assert_cmpint (seq, ==, last_seq + 1);
          last_seq = seq;

          if (g_str_equal (fields[0], "ack"))
            {
              ScsAnswerState state;
              g_autofree char *reason = NULL;

              g_assert_cmpuint (g_strv_length (fields), ==, 5);
              g_assert_true (scs_answer_state_from_string (fields[3], &state));
              if (state == SCS_ANSWER_NOT_APPLICABLE)
                reason = g_strdup_printf ("reason-%" G_GINT64_FORMAT, seq);
              expected_set (expected_lookup (expected, fields[2]), state, fields[4], reason);
              committed_edits++;
            }
          else
            {
              g_assert_cmpstr (fields[0], ==, "evidence");
              g_hash_table_insert (evidence, g_strdup (fields[3]), g_strdup (fields[2]));
              committed_evidence++;
            }

          acks++;
        }

      /* The test only means something if the writer really wrote. */
      g_assert_cmpuint (acks, >=, wait_lines);
      total_acks += acks;
      if (acks > 0)
        rounds_with_acks++;

      /* The one call that may have committed without being acknowledged. */
      in_flight = last_seq + 1;
      next_seq = in_flight + 1;

      ws = scs_workspace_open (path, &error);
      if (error != NULL)
        g_error ("round %u (seed %u, %u ms): cannot reopen: %s", round, seed, delay_ms, error->message);
      g_assert_true (scs_workspace_check_integrity (ws, &error));
      g_assert_no_error (error);

      /* Every acknowledged answer is there. */
      {
        GListModel *answers = scs_workspace_get_answers (ws);
        g_autofree char *in_flight_note = g_strdup_printf ("note-%" G_GINT64_FORMAT "-備考", in_flight);

        for (guint i = 0; i < g_list_model_get_n_items (answers); i++)
          {
            g_autoptr(ScsAnswer) answer = g_list_model_get_item (answers, i);
            const char *id = scs_answer_get_criterion_id (answer);
            Expected *e = expected_lookup (expected, id);

            if (scs_answer_get_state (answer) == e->state &&
                g_str_equal (scs_answer_get_note (answer), e->note) &&
                g_str_equal (scs_answer_get_reason (answer), e->reason))
              continue;

            if (g_str_equal (scs_answer_get_note (answer), in_flight_note))
              {
                expected_set (e, scs_answer_get_state (answer), scs_answer_get_note (answer),
                              scs_answer_get_reason (answer));
                committed_edits++;
                in_flight_found++;
                continue;
              }

            g_error ("round %u (seed %u, %u ms): criterion %s holds %s ‘%s’ ‘%s’ but the last "
                     "acknowledged edit was %s ‘%s’ ‘%s’: an acknowledged edit was lost",
                     round, seed, delay_ms, id,
                     scs_answer_state_to_string (scs_answer_get_state (answer)),
                     scs_answer_get_note (answer), scs_answer_get_reason (answer),
                     scs_answer_state_to_string (e->state), e->note, e->reason);
          }
      }

      /* Every acknowledged evidence file is stored and linked. */
      {
        GHashTableIter iter;
        gpointer sha;
        gpointer criterion;
        g_autofree char *in_flight_contents = g_strdup_printf ("evidence %" G_GINT64_FORMAT "\n", in_flight);
        g_autofree char *in_flight_sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256,
                                                                        in_flight_contents, -1);
        g_autoptr(GPtrArray) stored = scs_workspace_list_evidence (ws, NULL, &error);
        g_autoptr(GHashTable) links = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

        g_assert_no_error (error);
        for (guint i = 0; i < stored->len; i++)
          {
            ScsEvidence *item = g_ptr_array_index (stored, i);

            for (guint j = 0; item->criteria[j] != NULL; j++)
              g_hash_table_add (links, g_strconcat (item->sha256, " ", item->criteria[j], NULL));

            /* The evidence call in flight at the kill may have committed. */
            if (in_flight % 10 == 0 && g_str_equal (item->sha256, in_flight_sha))
              {
                g_assert_cmpuint (g_strv_length (item->criteria), ==, 1);
                g_hash_table_insert (evidence, g_strdup (in_flight_sha), g_strdup (item->criteria[0]));
                committed_evidence++;
                in_flight_found++;
              }
          }

        g_hash_table_iter_init (&iter, evidence);
        while (g_hash_table_iter_next (&iter, &sha, &criterion))
          {
            g_autofree char *key = g_strconcat (sha, " ", criterion, NULL);

            if (!g_hash_table_contains (links, key))
              g_error ("round %u (seed %u): acknowledged evidence %s of %s was lost",
                       round, seed, (char *) sha, (char *) criterion);
          }
      }

      /* The audit log agrees with the file and with the acknowledgements. */
      check_audit (ws, &audit_chain);
      g_assert_cmpuint (audit_chain.n_note_rows, ==, committed_edits);
      g_assert_cmpuint (audit_chain.n_evidence_rows, ==, committed_evidence);

      g_assert_finalize_object (ws);
    }

  g_test_message ("%u rounds, %u acknowledged edits, %u rounds with edits, "
                  "%u in-flight edits found committed",
                  rounds, total_acks, rounds_with_acks, in_flight_found);

  audit_chain_clear (&audit_chain);

  core_test_rm_rf (evidence_dir);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);

    g_unlink (wal);
    g_unlink (shm);
  }
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/scs/durability/kill-writer", test_kill_writer);

  return g_test_run ();
}
