/* test-durability.c: what the workbench shows as saved survives kill -9 and faults
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * kill-after-saved: a child process (this binary with --child) opens the
 * workspace in a real ScsWindow, types a note into a criterion row's editor
 * and waits until the row says "Saved"; the moment it reports that, the
 * parent kills it with SIGKILL. Then the workspace is opened again in a new
 * window here, and the row must show the note. Several rounds, each with a
 * new note on the same file.
 *
 * many-writers (issue 14): the window (a child, typing notes), CLI writers
 * and portfolio readers on one file at once; each is killed with SIGKILL at
 * random moments, for DURABILITY_GUI_ROUNDS rounds (default 8; a few
 * hundred with DURABILITY_GUI_ROUNDS=300, replayed by DURABILITY_SEED).
 * The window also opens and closes a second connection before each edit,
 * as an export or an evidence add does, and `scs-cli info` runs between
 * edits: the file rule case. After each round: no acknowledged edit lost
 * (the window's "Saved", a CLI's exit 0), no silent overwrite (the window,
 * which only edits the shared criterion's note, never wrote its state,
 * which the CLI keeps changing), and integrity_check ok.
 *
 * live: a CLI change shows in the window by itself, brought by the file
 * monitor (the timer is set an hour away); a note typed over an
 * answer that changed meanwhile waits for the user's choice (conflict) and
 * is then saved over the newer answer. read-only: a workspace opened
 * read-only (full disk at opening) shows a banner saying why; edits are off,
 * and so are the rows' own controls. live-reason: the not-applicable
 * reason waits for the user's choice like the note.
 *
 * disk-full: with RLIMIT_FSIZE at 0 (writes fail as on a full disk, see
 * tests/core/test-faults.c), a typed note must be marked "Not saved yet"
 * within a second of the save attempt and stay in the editor; once the
 * limit is lifted the row retries by itself and the note reaches the file.
 */
#include "config.h"

#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <adwaita.h>

#include "checklist-test-util.h"
#include "gui-test-util.h"
#include "../core/core-test-util.h"
#include "scs-checklist-page.h"
#include "scs-criterion-row.h"
#include "scs-export-dialog.h"
#include "scs-i18n.h"
#include "scs-review-page.h"
#include "scs-verify.h"
#include "scs-window.h"
#include "scs-workspace.h"

#define CRITERION "1-2-1-1"
#define ROUNDS 4

static const char *self_path;

/* Until @done says the note of @row (criterion @id) is where it should be.
 * A healthy run may take long on a loaded machine: every 20 s the child
 * says on stderr what the row still shows, and the parent's test timeout
 * is the guard against a hang. */
static void
wait_for_note (ScsCriterionRow *row,
               const char      *id,
               GuiTestDoneFunc  done)
{
  for (guint waited = 20; !gui_test_poll_until (done, row, 20); waited += 20)
    g_printerr ("child: the note of %s is still %s after %u s\n", id,
                scs_checklist_item_get_note_state (scs_criterion_row_get_item (row)), waited);
}

/* The child: type, wait for "Saved", say so, then wait to be killed. */
G_NORETURN static void
child_main (const char *path,
            const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsWorkspace) workspace = NULL;
  ScsCriterionRow *row;

  gtk_init ();
  adw_init ();
  workspace = scs_workspace_open (path, &error);
  g_assert_no_error (error);
  checklist_test_show_workspace (workspace, CRITERION, &row);
  checklist_test_type_note (row, text);
  wait_for_note (row, CRITERION, checklist_test_note_saved);
  printf ("saved\n");
  fflush (stdout);
  for (;;)
    g_main_context_iteration (NULL, TRUE);
}

static ScsWorkspace *create_workspace (char **dir,
                                       char **path);

#define W_CRITERION "1-2-1-1"   /* the window's note only */
#define S_CRITERION "1-3-1-1"   /* window note + CLI state */
#define C_CRITERION "1-3-1-2"   /* the CLI's note only */

static gboolean
row_saved_or_conflict (gpointer row)
{
  const char *state = scs_checklist_item_get_note_state (scs_criterion_row_get_item (row));

  return g_strcmp0 (state, "saved") == 0 || g_strcmp0 (state, "conflict") == 0;
}

/* The window of many-writers: notes typed in two rows, each reported once
 * the row says "Saved"; a conflict is resolved as a user keeping their own
 * note would. */
static int
window_child_main (const char *path,
                   const char *round)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsWorkspace) workspace = NULL;
  ScsCriterionRow *rows[2];
  const char *ids[2] = { W_CRITERION, S_CRITERION };
  ScsWindow *window;
  ScsChecklistPage *page;

  gtk_init ();
  adw_init ();
  workspace = scs_workspace_open (path, &error);
  g_assert_no_error (error);
  scs_workspace_set_actor (workspace, "window");
  window = checklist_test_show_workspace (workspace, CRITERION, &rows[0]);
  page = checklist_test_page (window);
  rows[1] = checklist_test_row (page, S_CRITERION);
  g_assert_nonnull (rows[1]);

  for (guint k = 1; ; k++)
    for (guint i = 0; i < 2; i++)
      {
        g_autofree char *text = g_strdup_printf ("%s r%s w%u", ids[i], round, k);
        ScsWorkspace *again;

        /* A worker's connection comes and goes (export, evidence add). */
        again = scs_workspace_open_again (path, &error);
        g_assert_no_error (error);
        g_object_unref (again);

        /* Reported before typing: the parent knows what may be committed. */
        printf ("typing %u %s\n", i, text);
        fflush (stdout);
        checklist_test_type_note (rows[i], text);
        wait_for_note (rows[i], ids[i], row_saved_or_conflict);
        /* The CLI may change the answer again between the conflict and
         * the choice: the row then shows the conflict again, and the user
         * chooses again. */
        for (guint tries = 0; g_strcmp0 (scs_checklist_item_get_note_state (scs_criterion_row_get_item (rows[i])), "conflict") == 0;
             tries++)
          {
            if (tries == 50)
              {
                g_printerr ("window: %s still in conflict after %u choices\n", ids[i], tries);
                return 1;
              }
            g_main_context_iteration (NULL, FALSE);
            scs_checklist_item_resolve_note (scs_criterion_row_get_item (rows[i]), TRUE);
            wait_for_note (rows[i], ids[i], row_saved_or_conflict);
          }
        printf ("saved %u %s\n", i, text);
        fflush (stdout);
      }
}

static GPid
spawn_cli (GRand      *rand,
           const char *first,
           ...)
{
  g_autoptr(GPtrArray) argv = NULL;
  g_autoptr(GError) error = NULL;
  va_list args;
  GPid pid;

  va_start (args, first);
  argv = core_test_cli_argv (first, args);
  va_end (args);

  g_assert_true (g_spawn_async (NULL, (char **) argv->pdata, NULL,
                                G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL |
                                G_SPAWN_STDERR_TO_DEV_NULL,
                                NULL, NULL, &pid, &error));
  g_assert_no_error (error);
  return pid;
}

/* What many-writers did and checked, for its closing message. */
typedef struct
{
  guint window_kills;   /* windows killed with SIGKILL */
  guint cli_kills;      /* CLI writers and portfolio readers killed mid-run */
  guint acked;          /* edits acknowledged: "Saved" shown, or exit 0 */
  guint verified;       /* of those, found committed in the file */
} Tally;

/* Lets @pid run, kills it at a random moment (maybe after it finished);
 * TRUE when it had exited 0: an acknowledged edit. */
static gboolean
finish_or_kill (GRand    *rand,
                GPid      pid,
                gboolean  let_finish,
                Tally    *tally)
{
  int status;

  if (!let_finish)
    {
      g_usleep (g_rand_int_range (rand, 0, 40000));
      kill (pid, SIGKILL);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);
  if (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL)
    tally->cli_kills++;
  return WIFEXITED (status) && WEXITSTATUS (status) == 0;
}

/* An acknowledged edit: @action ("note", "answer") of @target to @value. */
static void
add_acked (GPtrArray  *acked,
           Tally      *tally,
           const char *action,
           const char *target,
           const char *value)
{
  g_ptr_array_add (acked, g_strjoin ("\t", action, target, value, NULL));
  tally->acked++;
}

static gboolean
stored_is (const char *stored,
           const char *acked,
           const char *maybe)
{
  return acked == NULL || g_strcmp0 (stored, acked) == 0 || g_strcmp0 (stored, maybe) == 0;
}

/* After a round: every acknowledged edit of the round is committed (its
 * audit row, written in the same transaction, is there); each field's
 * history is one unbroken chain, every write over the value it replaced,
 * ending at the stored value; the window never wrote the state the CLI
 * keeps changing; versions never went back. */
static void
check_history (ScsWorkspace *workspace,
               GPtrArray    *acked,
               gint64       *versions,
               guint         round,
               guint32       seed,
               Tally        *tally)
{
  const char *ids[] = { W_CRITERION, S_CRITERION, C_CRITERION };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) audit = scs_workspace_list_audit (workspace, 0, &error);
  g_autoptr(GHashTable) written = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < audit->len; i++)
    {
      ScsAuditEntry *entry = g_ptr_array_index (audit, i);

      g_hash_table_add (written, g_strjoin ("\t", entry->action, entry->target,
                                            entry->new_value ? entry->new_value : "", NULL));
      if (g_strcmp0 (entry->target, S_CRITERION) == 0 && g_str_equal (entry->action, "answer") &&
          g_strcmp0 (entry->actor, "cli") != 0)
        g_error ("round %u (DURABILITY_SEED=%u): %s wrote the state of %s over the CLI's",
                 round, seed, entry->actor, S_CRITERION);
    }
  for (guint i = 0; i < acked->len; i++)
    {
      if (!g_hash_table_contains (written, g_ptr_array_index (acked, i)))
        g_error ("round %u (DURABILITY_SEED=%u): acknowledged edit ‘%s’ is not in the file",
                 round, seed, (char *) g_ptr_array_index (acked, i));
      tally->verified++;
    }

  for (guint k = 0; k < G_N_ELEMENTS (ids); k++)
    for (guint a = 0; a < 2; a++)
      {
        const char *action = a == 0 ? "note" : "answer";
        ScsAnswer *answer = scs_workspace_lookup_answer (workspace, ids[k]);
        const char *stored = a == 0 ? scs_answer_get_note (answer)
                                    : scs_answer_state_to_string (scs_answer_get_state (answer));
        const char *newer_old = NULL;   /* what the next newer write replaced */
        gboolean newest = TRUE;

        /* The list is newest first. */
        for (guint i = 0; i < audit->len; i++)
          {
            ScsAuditEntry *entry = g_ptr_array_index (audit, i);
            const char *new_value = entry->new_value ? entry->new_value : "";

            if (g_strcmp0 (entry->target, ids[k]) != 0 || !g_str_equal (entry->action, action))
              continue;
            if ((newest && g_strcmp0 (new_value, stored ? stored : "") != 0) ||
                (!newest && g_strcmp0 (new_value, newer_old) != 0))
              g_error ("round %u (DURABILITY_SEED=%u): %s of %s: ‘%s’ was replaced by a write "
                       "that saw ‘%s’", round, seed, action, ids[k], new_value,
                       newest ? stored : newer_old);
            newer_old = entry->old_value ? entry->old_value : "";
            newest = FALSE;
          }
      }

  for (guint k = 0; k < G_N_ELEMENTS (ids); k++)
    {
      gint64 version = scs_answer_get_version (scs_workspace_lookup_answer (workspace, ids[k]));

      if (version < versions[k])
        g_error ("round %u (DURABILITY_SEED=%u): %s went back from version %" G_GINT64_FORMAT
                 " to %" G_GINT64_FORMAT, round, seed, ids[k], versions[k], version);
      versions[k] = version;
    }
}

/* Reads the window's lines: "typing N TEXT" before it types (TEXT may be
 * committed from then on), "saved N TEXT" once the row said "Saved". */
static gboolean
read_window_line (FILE      *out,
                  char     **acked,
                  char     **maybe,
                  GPtrArray *round_acked,
                  Tally     *tally)
{
  const char *ids[] = { W_CRITERION, S_CRITERION };
  char line[128] = { 0 };
  char word[16] = { 0 };
  guint which;
  int offset = 0;

  if (fgets (line, sizeof line, out) == NULL)
    return FALSE;
  g_strchomp (line);
  /* Cut short by the kill: neither reported nor acknowledged. */
  if (sscanf (line, "%15s %u %n", word, &which, &offset) != 2 || which >= 2)
    return TRUE;
  if (g_str_equal (word, "typing"))
    {
      g_free (maybe[which]);
      maybe[which] = g_strdup (line + offset);
    }
  else if (g_str_equal (word, "saved"))
    {
      g_free (acked[which]);
      acked[which] = g_strdup (line + offset);
      add_acked (round_acked, tally, "note", ids[which], acked[which]);
    }
  return TRUE;
}

static void
test_many_writers (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GRand) rand = NULL;
  const char *seed_text = g_getenv ("DURABILITY_SEED");
  const char *rounds_text = g_getenv ("DURABILITY_GUI_ROUNDS");
  guint32 seed = seed_text ? (guint32) g_ascii_strtoull (seed_text, NULL, 10) : g_random_int ();
  guint rounds = rounds_text ? (guint) g_ascii_strtoull (rounds_text, NULL, 10) : 8;
  /* Per criterion (W, S, C): the last acknowledged note and the one that
   * may be committed without its acknowledgement; S's state likewise. */
  char *acked[3] = { NULL, NULL, NULL };
  char *maybe[3] = { NULL, NULL, NULL };
  const char *acked_state = NULL;
  const char *maybe_state = NULL;
  gint64 versions[3] = { 0, 0, 0 };
  Tally tally = { 0, };
  gint64 start = g_get_monotonic_time ();
  guint cli_k = 0;

  g_test_message ("DURABILITY_SEED=%u DURABILITY_GUI_ROUNDS=%u", seed, rounds);
  rand = g_rand_new_with_seed (seed);
  g_object_unref (create_workspace (&dir, &path));

  for (guint round = 0; round < rounds; round++)
    {
      g_autofree char *round_text = g_strdup_printf ("%u", round);
      const char *argv[] = { self_path, "--window-child", path, round_text, NULL };
      g_autoptr(GError) error = NULL;
      g_autoptr(ScsWorkspace) workspace = NULL;
      g_autoptr(GPtrArray) round_acked = g_ptr_array_new_with_free_func (g_free);
      guint saves = g_rand_int_range (rand, 1, 6);
      guint saved_before = 0;
      GPid window_pid;
      int out_fd, status;
      FILE *out;

      g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                               NULL, NULL, &window_pid, NULL, &out_fd, NULL, &error));
      g_assert_no_error (error);
      out = fdopen (out_fd, "r");

      while (saved_before < saves)
        {
          g_autofree char *note = NULL;
          g_autofree char *state_note = NULL;
          const char *state = NULL;
          guint n_acked = round_acked->len;
          GPid writer, reader;

          if (!read_window_line (out, acked, maybe, round_acked, &tally))
            {
              g_assert_cmpint (waitpid (window_pid, &status, 0), ==, window_pid);
              g_error ("round %u (DURABILITY_SEED=%u): the window ended by itself (%s %d)", round, seed,
                       WIFSIGNALED (status) ? "signal" : "exit status",
                       WIFSIGNALED (status) ? WTERMSIG (status) : WEXITSTATUS (status));
            }
          saved_before += round_acked->len - n_acked;

          /* Meanwhile: the CLI changes the shared criterion's state and
           * its own criterion's note (acknowledged), a CLI writer and a
           * portfolio reader are killed at random, and `scs-cli info`
           * opens and closes the file. */
          cli_k++;
          note = g_strdup_printf ("%s c%u", C_CRITERION, cli_k);
          g_free (maybe[2]);
          maybe[2] = g_strdup (note);
          if (finish_or_kill (rand, spawn_cli (rand, "--actor=cli", "answer", path, C_CRITERION, "met",
                                               "--note", note, NULL), TRUE, &tally))
            {
              g_free (acked[2]);
              acked[2] = g_strdup (note);
              add_acked (round_acked, &tally, "note", C_CRITERION, note);
            }
          /* cli_k is odd here: alternate on the pair. */
          state = (cli_k / 2) % 2 ? "not-met" : "met";
          maybe_state = state;
          if (finish_or_kill (rand, spawn_cli (rand, "--actor=cli", "answer", path, S_CRITERION,
                                               state, NULL), TRUE, &tally))
            {
              /* Acknowledged as a value of the field; the audit has a row
               * only when the state changed. */
              if (g_strcmp0 (acked_state, state) != 0)
                add_acked (round_acked, &tally, "answer", S_CRITERION, state);
              else
                tally.acked++;
              acked_state = state;
            }
          finish_or_kill (rand, spawn_cli (rand, "info", path, NULL), TRUE, &tally);

          state_note = g_strdup_printf ("%s c%u", C_CRITERION, ++cli_k);
          writer = spawn_cli (rand, "--actor=cli", "answer", path, C_CRITERION, "met",
                              "--note", state_note, NULL);
          reader = spawn_cli (rand, "portfolio", dir, NULL);
          g_free (maybe[2]);
          maybe[2] = g_strdup (state_note);
          if (finish_or_kill (rand, writer, g_rand_boolean (rand), &tally))
            {
              g_free (acked[2]);
              acked[2] = g_strdup (state_note);
              add_acked (round_acked, &tally, "note", C_CRITERION, state_note);
            }
          finish_or_kill (rand, reader, g_rand_boolean (rand), &tally);
        }

      /* The window showed "Saved": kill it, maybe while it types more. */
      g_usleep (g_rand_int_range (rand, 0, 200000));
      g_assert_cmpint (kill (window_pid, SIGKILL), ==, 0);
      g_assert_cmpint (waitpid (window_pid, &status, 0), ==, window_pid);
      g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);
      tally.window_kills++;
      /* What it reported saved before the kill is acknowledged too; what it
       * began typing may be committed unreported. */
      while (read_window_line (out, acked, maybe, round_acked, &tally))
        ;
      fclose (out);
      g_spawn_close_pid (window_pid);

      /* Read back after the kill, as the next start would. */
      workspace = scs_workspace_open (path, &error);
      g_assert_no_error (error);
      for (guint i = 0; i < 3; i++)
        {
          const char *id = i == 0 ? W_CRITERION : i == 1 ? S_CRITERION : C_CRITERION;
          const char *stored = scs_answer_get_note (scs_workspace_lookup_answer (workspace, id));

          if (!stored_is (stored, acked[i], maybe[i]))
            g_error ("round %u (DURABILITY_SEED=%u): %s holds ‘%s’, acknowledged was ‘%s’",
                     round, seed, id, stored, acked[i]);
        }
      {
        const char *stored = scs_answer_state_to_string (
          scs_answer_get_state (scs_workspace_lookup_answer (workspace, S_CRITERION)));

        if (!stored_is (stored, acked_state, maybe_state))
          g_error ("round %u (DURABILITY_SEED=%u): %s is %s, the CLI set %s",
                   round, seed, S_CRITERION, stored, acked_state);
      }
      check_history (workspace, round_acked, versions, round, seed, &tally);
      g_assert_true (scs_workspace_check_integrity (workspace, &error));
      g_assert_no_error (error);

      if ((round + 1) % 25 == 0)
        g_test_message ("round %u: %u kills, %u edits acknowledged, %u verified", round + 1,
                        tally.window_kills + tally.cli_kills, tally.acked, tally.verified);
    }

  g_test_message ("%u rounds in %.0f s: %u kills (%u windows, %u CLI writers and readers), "
                  "%u edits acknowledged, %u of them found in the file by their audit rows, "
                  "the last of each field read back; integrity_check ok every round",
                  rounds, (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC,
                  tally.window_kills + tally.cli_kills, tally.window_kills, tally.cli_kills,
                  tally.acked, tally.verified);
  for (guint i = 0; i < 3; i++)
    {
      g_free (acked[i]);
      g_free (maybe[i]);
    }
  gui_test_remove_tree (dir);
}

static ScsWorkspace *
create_workspace (char **dir,
                  char **path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsOrganization) org = scs_organization_new ();
  g_autoptr(ScsCatalog) catalog = scs_catalog_new_builtin ();
  ScsWorkspace *workspace;

  org->name = g_strdup ("株式会社耐久試験");
  org->corporate_number = g_strdup ("7000012050002");
  *dir = gui_test_make_tmp_dir ("scs-test-gui-durability-XXXXXX");
  *path = g_build_filename (*dir, "durability.scsw", NULL);
  workspace = scs_workspace_create (*path, org, 3, catalog, &error);
  g_assert_no_error (error);
  return workspace;
}

static void
remove_workspace (const char *dir,
                  const char *path)
{
  const char *suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *p = g_strconcat (path, suffixes[i], NULL);
      g_unlink (p);
    }
  g_rmdir (dir);
}

static void
test_kill_after_saved (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;

  g_object_unref (create_workspace (&dir, &path));

  for (guint round = 0; round < ROUNDS; round++)
    {
      g_autofree char *text = g_strdup_printf ("第%u回: 規程は総務部が保管し、毎年4月に見直す。", round + 1);
      g_autoptr(GError) error = NULL;
      g_autoptr(ScsWorkspace) workspace = NULL;
      g_autofree char *shown = NULL;
      const char *argv[] = { self_path, "--child", path, text, NULL };
      GPid pid;
      int out_fd, status;
      char line[32] = { 0 };
      FILE *out;
      ScsCriterionRow *row;
      ScsWindow *window;

      g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                               NULL, NULL, &pid, NULL, &out_fd, NULL, &error));
      g_assert_no_error (error);
      out = fdopen (out_fd, "r");
      g_assert_nonnull (fgets (line, sizeof line, out));
      g_assert_cmpstr (line, ==, "saved\n");
      /* The row has shown "Saved": pull the plug. */
      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);
      fclose (out);
      g_spawn_close_pid (pid);

      /* Restart: the text is there, in the file and in the window. */
      workspace = scs_workspace_open (path, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (scs_answer_get_note (scs_workspace_lookup_answer (workspace, CRITERION)), ==, text);
      window = checklist_test_show_workspace (workspace, CRITERION, &row);
      shown = checklist_test_note_text (row);
      g_assert_cmpstr (shown, ==, text);
      checklist_test_close_window (window);
    }

  remove_workspace (dir, path);
}

/* Appends the note state of @item to @states when it changed: what the
 * row showed, in order. */
static void
on_note_state (ScsChecklistItem *item,
               GString          *states)
{
  const char *state = scs_checklist_item_get_note_state (item);
  const char *last = strrchr (states->str, ' ');

  if (g_strcmp0 (last ? last + 1 : states->str, state) != 0)
    g_string_append_printf (states, "%s%s", states->len > 0 ? " " : "", state);
}

static void
test_disk_full (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *shown = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsWorkspace) reopened = NULL;
  g_autoptr(GString) states = g_string_new (NULL);
  ScsWorkspace *workspace = create_workspace (&dir, &path);
  const char *text = "ディスクが一杯の間に入力したメモ";
  struct rlimit saved, full;
  ScsCriterionRow *row;
  ScsWindow *window = checklist_test_show_workspace (workspace, CRITERION, &row);
  ScsChecklistItem *item = scs_criterion_row_get_item (row);
  gulong id = g_signal_connect (item, "changed", G_CALLBACK (on_note_state), states);

  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  full = saved;
  full.rlim_cur = 0;
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &full), ==, 0);

  checklist_test_type_note (row, text);
  gui_test_wait_until (checklist_test_note_failed, row, 10);
  /* One save, after the typing pause (not one per keystroke), and its
   * failure shown at once: not after a retry. */
  g_assert_cmpstr (states->str, ==, "pending failed");
  shown = checklist_test_note_text (row);
  g_assert_cmpstr (shown, ==, text);

  /* The fault clears; nobody touches the row: it saves by itself. */
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  gui_test_wait_until (checklist_test_note_saved, row, 20);
  g_assert_cmpstr (states->str, ==, "pending failed saved");
  g_signal_handler_disconnect (item, id);
  reopened = scs_workspace_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (scs_answer_get_note (scs_workspace_lookup_answer (reopened, CRITERION)), ==, text);

  checklist_test_close_window (window);
  g_object_unref (workspace);
  remove_workspace (dir, path);
}

typedef struct
{
  ScsCriterionRow *row;
  const char      *text;
} RowText;

static gboolean
editor_shows (gpointer data)
{
  RowText *rt = data;
  g_autofree char *shown = checklist_test_note_text (rt->row);

  return g_strcmp0 (shown, rt->text) == 0;
}

static gboolean
row_conflict (gpointer row)
{
  return g_strcmp0 (scs_checklist_item_get_note_state (scs_criterion_row_get_item (row)), "conflict") == 0;
}

/* The live document: what the CLI changes shows in the window by itself;
 * text being typed stays; a note typed over an answer that changed
 * meanwhile is not saved until the user chooses, and then over the newer
 * answer (the CLI's state stays). */
static void
test_live (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *shown = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsWorkspace) reopened = NULL;
  ScsWorkspace *workspace = create_workspace (&dir, &path);
  ScsCriterionRow *row;
  ScsWindow *window = checklist_test_show_workspace (workspace, CRITERION, &row);
  RowText rt = { row, "コマンドラインから" };
  const char *typed = "窓で入力中のメモ";
  ScsAnswer *answer = scs_checklist_item_get_answer (scs_criterion_row_get_item (row));

  /* The window's timer looks every half second; an hour here, so only the
   * file monitor can bring the change in: waited for, not timed (10 s is
   * the guard that fails the test when nothing comes). */
  scs_workspace_watch (workspace, 3600 * 1000);
  g_assert_cmpint (core_test_run_cli (NULL, "answer", path, CRITERION, "met", "--note", rt.text, NULL), ==, 0);
  gui_test_wait_until (editor_shows, &rt, 10);
  g_assert_cmpint (scs_answer_get_state (answer), ==, SCS_ANSWER_MET);

  checklist_test_type_note (row, typed);
  g_assert_cmpint (core_test_run_cli (NULL, "answer", path, CRITERION, "not-met", NULL), ==, 0);
  gui_test_wait_until (row_conflict, row, 10);
  g_assert_cmpint (scs_answer_get_state (answer), ==, SCS_ANSWER_NOT_MET);
  shown = checklist_test_note_text (row);
  g_assert_cmpstr (shown, ==, typed);
  /* Nothing written over the newer answer yet. */
  reopened = scs_workspace_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (scs_answer_get_note (scs_workspace_lookup_answer (reopened, CRITERION)), ==, rt.text);
  g_clear_object (&reopened);

  /* The user keeps their note. */
  scs_checklist_item_resolve_note (scs_criterion_row_get_item (row), TRUE);
  gui_test_wait_until (checklist_test_note_saved, row, 10);
  reopened = scs_workspace_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (scs_answer_get_note (scs_workspace_lookup_answer (reopened, CRITERION)), ==, typed);
  g_assert_cmpint (scs_answer_get_state (scs_workspace_lookup_answer (reopened, CRITERION)), ==,
                   SCS_ANSWER_NOT_MET);

  checklist_test_close_window (window);
  g_object_unref (workspace);
  remove_workspace (dir, path);
}

static gboolean
reason_conflict (gpointer row)
{
  return scs_checklist_item_get_reason_conflict (scs_criterion_row_get_item (row));
}

typedef struct
{
  const char *path;
  const char *reason;
} StoredReason;

static gboolean
reason_stored (gpointer data)
{
  StoredReason *sr = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsWorkspace) reopened = scs_workspace_open (sr->path, &error);

  g_assert_no_error (error);
  return g_strcmp0 (scs_answer_get_reason (scs_workspace_lookup_answer (reopened, CRITERION)),
                    sr->reason) == 0;
}

typedef struct
{
  GtkEditable *entry;
  const char  *text;
} EntryText;

static gboolean
entry_shows (gpointer data)
{
  EntryText *et = data;

  return g_strcmp0 (gtk_editable_get_text (et->entry), et->text) == 0;
}

/* The not-applicable reason, like the note, is saved only over the answer
 * the user began typing from: a reason changed with the CLI meanwhile is
 * not overwritten until the user chooses. Before, the window's reason
 * silently replaced the newer one. */
static void
test_live_reason (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsWorkspace) reopened = NULL;
  ScsWorkspace *workspace = create_workspace (&dir, &path);
  ScsCriterionRow *row;
  ScsWindow *window = checklist_test_show_workspace (workspace, CRITERION, &row);
  GtkEditable *entry = GTK_EDITABLE (checklist_test_row_child (row, "reason_entry"));
  ScsAnswer *answer = scs_checklist_item_get_answer (scs_criterion_row_get_item (row));
  const char *typed = "窓で入力中の理由";
  StoredReason mine = { path, typed };

  g_assert_cmpint (core_test_run_cli (NULL, "answer", path, CRITERION, "na", "--reason", "当初の理由", NULL), ==, 0);
  gui_test_wait_until (reason_stored, &(StoredReason) { path, "当初の理由" }, 10);
  gui_test_wait_until (entry_shows, &(EntryText) { entry, "当初の理由" }, 10);

  gtk_editable_set_text (entry, typed);
  g_assert_cmpint (core_test_run_cli (NULL, "answer", path, CRITERION, "na", "--reason", "別の担当者の理由", NULL), ==, 0);
  /* The window sees the newer answer before the typed reason is saved:
   * only the version the user began from tells the two apart. */
  g_assert_true (scs_workspace_refresh (workspace, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (scs_answer_get_reason (answer), ==, "別の担当者の理由");
  gui_test_wait_until (reason_conflict, row, 10);
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, typed);
  reopened = scs_workspace_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (scs_answer_get_reason (scs_workspace_lookup_answer (reopened, CRITERION)), ==,
                   "別の担当者の理由");
  g_clear_object (&reopened);

  /* The user keeps their reason: saved over the newer answer. */
  scs_checklist_item_resolve_reason (scs_criterion_row_get_item (row), TRUE);
  gui_test_wait_until (reason_stored, &mine, 10);
  g_assert_false (scs_checklist_item_get_reason_conflict (scs_criterion_row_get_item (row)));
  g_assert_cmpint (scs_answer_get_state (answer), ==, SCS_ANSWER_NOT_APPLICABLE);

  checklist_test_close_window (window);
  g_object_unref (workspace);
  remove_workspace (dir, path);
}

static gboolean
is_read_only_banner (GtkWidget     *widget,
                     gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget) &&
         strstr (gtk_label_get_text (GTK_LABEL (widget)), "read-only") != NULL;
}

/* A workspace that cannot be written (here: the disk is full when it is
 * opened) is shown with a banner saying why, and edits are off. */
static void
test_read_only_banner (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsWorkspace) workspace = NULL;
  struct rlimit saved, full;
  ScsCriterionRow *row;
  ScsWindow *window;

  g_object_unref (create_workspace (&dir, &path));
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  full = saved;
  full.rlim_cur = 0;
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &full), ==, 0);
  workspace = scs_workspace_open (path, &error);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  g_assert_no_error (error);
  g_assert_true (scs_workspace_is_read_only (workspace));

  window = checklist_test_show_workspace (workspace, CRITERION, &row);
  g_assert_nonnull (gui_test_find (GTK_WIDGET (window), is_read_only_banner, NULL));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.set-note", "(ss)", CRITERION, "x");
  g_assert_cmpstr (scs_answer_get_note (scs_checklist_item_get_answer (scs_criterion_row_get_item (row))), ==, "");
  /* Not only the actions: the row's own controls are off too. */
  for (guint i = 0; i < SCS_N_ANSWER_STATES; i++)
    g_assert_false (gtk_widget_get_sensitive (scs_criterion_row_get_status_button (row, i)));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (GTK_EDITABLE (checklist_test_row_child (row, "reason_entry")))));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (GTK_TEXT_VIEW (checklist_test_row_child (row, "note_view")))));
  g_assert_false (gtk_text_view_get_editable (GTK_TEXT_VIEW (checklist_test_row_child (row, "note_view"))));

  checklist_test_close_window (window);
  remove_workspace (dir, path);
}

static void
assert_no_side_files (const char *path)
{
  const char *suffixes[] = { "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *side = g_strconcat (path, suffixes[i], NULL);

      if (g_file_test (side, G_FILE_TEST_EXISTS))
        g_error ("%s was left next to the workspace", side);
    }
}

static gboolean
review_checked (gpointer page)
{
  return !gui_test_banner_checking (page) && gui_test_banner_text (page) != NULL &&
         strstr (gui_test_banner_text (page), "Signed by") != NULL;
}

static void
on_export_finished (ScsExportDialog *dialog,
                    gboolean         success,
                    int             *outcome)
{
  *outcome = success ? 1 : 0;
}

static gboolean
export_finished (gpointer outcome)
{
  return *(int *) outcome >= 0;
}

/* The child of read-only-signed, on its own read-only mount of the
 * workspace's folder (made before GTK starts a thread): the window shows
 * the banner, checks the signature (valid, intact) and exports a draft to
 * @out_dir through the export dialog. */
static int
read_only_signed_child_main (const char *path,
                             const char *out_dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsWorkspace) workspace = NULL;
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *why = NULL;
  g_autofree char *package = g_build_filename (out_dir, "window-draft.scsp", NULL);
  ScsCriterionRow *row;
  ScsReviewPage *page;
  ScsExportDialog *dialog;
  ScsWindow *window;
  int outcome = -1;

  if (!core_test_mount_read_only (dir, &why))
    g_error ("%s", why);
  gtk_init ();
  adw_init ();
  workspace = scs_workspace_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (scs_workspace_is_read_only (workspace));
  window = checklist_test_show_workspace (workspace, CRITERION, &row);
  g_assert_nonnull (gui_test_find (GTK_WIDGET (window), is_read_only_banner, NULL));

  /* The signature check runs on a connection of its own, in a thread. */
  page = SCS_REVIEW_PAGE (gui_test_find_by_type (GTK_WIDGET (window), SCS_TYPE_REVIEW_PAGE));
  g_assert_nonnull (page);
  gui_test_wait_until (review_checked, page, 30);
  g_assert_nonnull (strstr (gui_test_banner_text (page), "the signature is intact"));
  g_assert_null (strstr (gui_test_banner_text (page), "no longer matches"));

  /* Signed, but only a draft: a final package is recorded in the
   * workspace. Offered outside the read-only folder. */
  dialog = scs_export_dialog_new (GTK_WINDOW (window), workspace);
  {
    GtkWidget *draft = gui_test_find_child (GTK_WIDGET (dialog), "draft_switch");
    const char *shown = adw_action_row_get_subtitle (ADW_ACTION_ROW (gui_test_find_child (GTK_WIDGET (dialog),
                                                                                           "file_row")));

    g_assert_true (gtk_switch_get_active (GTK_SWITCH (draft)));
    g_assert_false (gtk_widget_get_sensitive (draft));
    g_assert_false (g_str_has_prefix (shown, dir));
    g_assert_true (g_str_has_suffix (shown, "-draft.scsp"));
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.set-target", "s", package));
  g_signal_connect (dialog, "finished", G_CALLBACK (on_export_finished), &outcome);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.start", NULL));
  gui_test_wait_until (export_finished, &outcome, 60);
  if (outcome != 1)
    g_error ("the draft export failed: %s",
             gtk_label_get_text (GTK_LABEL (gui_test_find_child (GTK_WIDGET (dialog), "status_label"))));
  gtk_window_destroy (GTK_WINDOW (dialog));
  checklist_test_close_window (window);
  g_clear_object (&workspace);
  assert_no_side_files (path);
  return 0;
}

/* Issue 14: a signed workspace received read-only (a CD, a read-only
 * share; as root only a read-only mount is read-only) opens in the window
 * with the banner, its signature checks as valid, a draft exports to
 * another folder; the file is byte-identical afterwards, nothing next to
 * it. The window runs in a child with its own mount namespace. */
static void
test_read_only_signed (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *certs = gui_test_make_tmp_dir ("scs-test-gui-certs-XXXXXX");
  g_autofree char *out_dir = gui_test_make_tmp_dir ("scs-test-gui-out-XXXXXX");
  g_autofree char *package = g_build_filename (out_dir, "window-draft.scsp", NULL);
  g_autofree char *why = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsVerifyResult) result = NULL;
  ScsWorkspace *workspace = create_workspace (&dir, &path);
  const char *argv[] = { self_path, "--read-only-signed-child", path, out_dir, NULL };
  int status = -1;

  core_test_make_certificates (certs, TRUE);
  core_test_seal_workspace (workspace, certs, FALSE);
  g_object_unref (workspace);
  assert_no_side_files (path);
  before = core_test_file_sha256 (path);

  if (!core_test_can_mount (&why))
    {
      g_test_skip (why);
    }
  else
    {
      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_CHILD_INHERITS_STDIN,
                                   NULL, NULL, NULL, NULL, &status, &error));
      g_assert_no_error (error);
      g_assert_true (g_spawn_check_wait_status (status, &error));
      g_assert_no_error (error);

      after = core_test_file_sha256 (path);
      g_assert_cmpstr (after, ==, before);
      assert_no_side_files (path);
      result = scs_verify_package_file (package, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (result->draft);
    }

  gui_test_remove_tree (certs);
  gui_test_remove_tree (out_dir);
  remove_workspace (dir, path);
}

int
main (int    argc,
      char **argv)
{
  self_path = argv[0];
  signal (SIGXFSZ, SIG_IGN);
  scs_i18n_init ("en");

  if (argc == 4 && g_str_equal (argv[1], "--child"))
    child_main (argv[2], argv[3]);
  if (argc == 4 && g_str_equal (argv[1], "--window-child"))
    return window_child_main (argv[2], argv[3]);
  if (argc == 4 && g_str_equal (argv[1], "--read-only-signed-child"))
    return read_only_signed_child_main (argv[2], argv[3]);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/scs/gui-durability/kill-after-saved", test_kill_after_saved);
  g_test_add_func ("/scs/gui-durability/disk-full", test_disk_full);
  g_test_add_func ("/scs/gui-durability/many-writers", test_many_writers);
  g_test_add_func ("/scs/gui-durability/live", test_live);
  g_test_add_func ("/scs/gui-durability/live-reason", test_live_reason);
  g_test_add_func ("/scs/gui-durability/read-only", test_read_only_banner);
  g_test_add_func ("/scs/gui-durability/read-only-signed", test_read_only_signed);

  return g_test_run ();
}
