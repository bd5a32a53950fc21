/* test-cli-seal.c: the seal, text and schema checks as a user of scs-cli
 * meets them — exit 2, a message naming what, the file unchanged (its bytes
 * and its `sqlite3 .dump`); text from a workspace escaped on the terminal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <sqlite3.h>

#include "cli-test-util.h"
#include "scs-scope.h"
#include "scs-workspace.h"

static char *dir;

static const CliOptions opts = { .actor = "Tester", .utf8 = TRUE };

static char *
dump (const char *path)
{
  const char *argv[] = { "sqlite3", path, ".dump", NULL };
  g_autoptr(CliRun) run = cli_test_spawn (&opts, argv);

  g_assert_cmpint (run->status, ==, 0);
  return g_strdup (run->out);
}

/* A workspace with a scope (one item in, one excluded with reason,
 * separation and the expert's mark, a cloud service) and evidence;
 * sealed when @seal. Returns the path; *excluded gets the excluded item. */
static char *
make_workspace (const char *name,
                gboolean    seal,
                gint64     *excluded)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *policy = g_build_filename (dir, "policy.txt", NULL);
  g_autoptr(ScsWorkspace) ws = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *sha = NULL;
  ScsScope *scope;

  core_test_write_file (policy, "policy", -1);
  ws = core_test_workspace_new (path, "Sakura KK", 3, "Tester");
  scope = scs_scope_get (ws, &error);
  g_assert_no_error (error);
  g_assert_true (scs_scope_set_unit (scope, SCS_SCOPE_UNIT_COMPANY, "本社", NULL, &error));
  core_test_scope_add (scope, SCS_SCOPE_KIND_SERVER, "name", "File server", NULL);
  *excluded = core_test_scope_add (scope, SCS_SCOPE_KIND_NETWORK, "name", "Factory OT", NULL);
  g_assert_true (scs_scope_set_status (scope, *excluded, SCS_SCOPE_STATUS_EXCLUDED,
                                       "制御系", "物理的に分離", TRUE, &error));
  core_test_scope_add (scope, SCS_SCOPE_KIND_CLOUD, "name", "Mail", "responsibility", "provider", "check-method", "ismap", NULL);
  file = g_file_new_for_path (policy);
  sha = scs_workspace_add_evidence (ws, "1-2-1-1", file, NULL, &error);
  g_assert_no_error (error);
  if (seal)
    core_test_seal_workspace (ws, dir, FALSE);
  return g_steal_pointer (&path);
}

/* After signing, every scs-cli command that would change signed content
 * exits 2 saying a new round is needed, and writes nothing. */
static void
test_sealed_refusals (void)
{
  gint64 excluded = 0;
  g_autofree char *ws = make_workspace ("sealed.scsw", TRUE, &excluded);
  g_autofree char *id = NULL;
  g_autofree char *csv = g_build_filename (dir, "servers.csv", NULL);
  g_autofree char *policy = g_build_filename (dir, "policy2.txt", NULL);
  g_autofree char *expert_profile = g_strdup_printf ("SCS_PROFILE=%s/expert.ini", dir);
  const char *expert_env[] = { expert_profile, NULL };
  CliOptions expert = opts;
  g_autofree char *dump_before = NULL;
  g_autofree char *state_before = NULL;

  id = g_strdup_printf ("%" G_GINT64_FORMAT, excluded);
  core_test_write_file (csv, "name\nNew server\n", -1);
  core_test_write_file (policy, "other", -1);
  expert.env = expert_env;
  {
    g_autoptr(CliRun) run = CLI_TEST_RUN (&expert, "profile", "set", "--name", "Expert Taro", "--role", "expert");

    cli_test_assert_ok (run);
  }

  dump_before = dump (ws);
  state_before = core_test_file_state (ws, TRUE);

  {
    const char * const commands[][9] = {
      { "answer", ws, "1-2-1-2", "not-met" },
      { "answer", ws, "1-2-1-1", "met", "--note", "later" },
      { "answer", ws, "1-2-1-1", "na", "--reason", "later" },
      { "evidence", "add", ws, "1-2-1-2", policy },
      { "scope", "unit", ws, "division" },
      { "scope", "add", ws, "server", "--name", "New server" },
      { "scope", "set", ws, id, "--name", "Renamed" },
      { "scope", "exclude", ws, id, "--reason", "another reason" },
      { "scope", "exclude", ws, id, "--reason", "制御系", "--separation", "none" },
      { "scope", "except", ws, id, "--reason", "制御系" },
      { "scope", "include", ws, id },
      { "scope", "review", ws, id, "questioned", "--comment", "why?" },
      { "scope", "remove", ws, id },
      { "scope", "import-csv", ws, "server", csv },
      { "org", "set", ws, "--address", "東京都千代田区1-1" },
      { "org", "set", ws, "--corporate-number", VALID_NUMBER },
    };

    for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
      {
        g_autoptr(CliRun) run = cli_test_run (&opts, commands[i]);

        cli_test_assert_refused (run, "new review round");
      }
  }
  {
    g_autoptr(CliRun) comment = CLI_TEST_RUN (&expert, "review", "comment", ws, "1-2-1-1", "after signing");
    g_autoptr(CliRun) propose = CLI_TEST_RUN (&expert, "review", "propose", ws, "1-2-1-1", "note", "x");

    cli_test_assert_refused (comment, "new review round");
    cli_test_assert_refused (propose, NULL);
  }

  {
    g_autofree char *dump_after = dump (ws);
    g_autofree char *state_after = core_test_file_state (ws, TRUE);

    g_assert_cmpstr (dump_before, ==, dump_after);
    g_assert_cmpstr (state_before, ==, state_after);
  }
  {
    g_autoptr(CliRun) run = CLI_TEST_RUN (&opts, "verify-signature", ws);

    g_assert_cmpint (run->status, ==, 0);
  }
}

/* Text that would break signing or fool a reader is refused at input,
 * naming the field and the criterion or item; nothing is written. */
static void
test_text_refused (void)
{
  gint64 excluded = 0;
  g_autofree char *ws = make_workspace ("text.scsw", FALSE, &excluded);
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, excluded);
  g_autofree char *state_before = core_test_file_state (ws, TRUE);
  g_autofree char *item = g_strdup_printf ("scope item %s", id);
  const struct { const char *args[9]; const char *needle; } cases[] = {
    { { "answer", ws, "1-2-1-1", "met", "--note", "vertical\vtab" }, "1-2-1-1" },
    { { "answer", ws, "1-2-1-1", "met", "--note", "no\xef\xbf\xbf" }, "U+FFFF" },
    { { "answer", ws, "1-2-1-2", "na", "--reason", "\xe2\x80\xae" "desrever" }, "1-2-1-2" },
    { { "answer", ws, "1-2-1-1", "met", "--actor", "Taro\n2026-01-01 forged" }, "actor" },
    { { "scope", "exclude", ws, id, "--reason", "bidi \xe2\x81\xa6" }, item },
    { { "scope", "set", ws, id, "--location", "esc\x1b[2J" }, "location" },
    { { "scope", "unit", ws, "company", "--description", "nc \xef\xb7\x90" }, "scope description" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CliRun) run = cli_test_run (&opts, cases[i].args);

      cli_test_assert_refused (run, cases[i].needle);
    }
  {
    g_autoptr(CliRun) run = NULL;
    const char *env[] = { "SCS_ACTOR=Taro\nforged", NULL };
    CliOptions with_env = opts;

    with_env.actor = NULL;
    with_env.env = env;
    run = CLI_TEST_RUN (&with_env, "answer", ws, "1-2-1-1", "met");
    cli_test_assert_refused (run, "actor");
  }
  {
    g_autofree char *state_after = core_test_file_state (ws, TRUE);

    g_assert_cmpstr (state_before, ==, state_after);
  }
}

/* Text already in a file (written behind the application's back) reaches
 * the terminal escaped; JSON carries it escaped by JSON. */
static void
test_output_escaped (void)
{
  gint64 excluded = 0;
  g_autofree char *ws = make_workspace ("escape.scsw", FALSE, &excluded);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (ws, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE scope_item SET name = 'evil' || char (27) || ']0;owned' "
                                     "|| char (7) || char (8238) || 'txet' WHERE kind = 'server'",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  {
    g_autoptr(CliRun) run = CLI_TEST_RUN (&opts, "scope", "list", ws);

    cli_test_assert_ok (run);
    g_test_message ("%s", run->out);
    g_assert_null (strchr (run->out, 0x1b));
    g_assert_null (strchr (run->out, 0x07));
    g_assert_null (strstr (run->out, "\xe2\x80\xae"));
    g_assert_nonnull (strstr (run->out, "evil\\u{001B}]0;owned\\u{0007}\\u{202E}txet"));
  }
  {
    g_autoptr(CliRun) run = CLI_TEST_RUN (&opts, "scope", "list", ws, "--json");
    g_autoptr(JsonParser) parser = NULL;

    cli_test_assert_ok (run);
    g_assert_null (strchr (run->out, 0x1b));
    g_assert_nonnull (cli_test_parse_new (run->out, &parser));
  }
}

/* A workspace carrying a trigger of its own is not opened: named, exit 2,
 * the file byte-identical. */
static void
test_foreign_trigger (void)
{
  gint64 excluded = 0;
  g_autofree char *ws = make_workspace ("trigger.scsw", FALSE, &excluded);
  g_autofree char *state_before = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (ws, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = DELETE;"
                                     "CREATE TRIGGER rewrite AFTER INSERT ON review_signature "
                                     "BEGIN UPDATE answer SET note = 'changed'; END;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  state_before = core_test_file_state (ws, TRUE);
  {
    g_autoptr(CliRun) run = CLI_TEST_RUN (&opts, "info", ws);
    g_autofree char *state_after = NULL;

    cli_test_assert_refused (run, "rewrite");
    state_after = core_test_file_state (ws, TRUE);
    g_assert_cmpstr (state_before, ==, state_after);
  }
}

int
main (int    argc,
      char **argv)
{
  int rc;

  g_test_init (&argc, &argv, NULL);
  dir = core_test_make_tmp_dir ("scs-cli-seal-XXXXXX");
  core_test_make_certificates (dir, TRUE);

  g_test_add_func ("/scs/cli/seal/sealed-refusals", test_sealed_refusals);
  g_test_add_func ("/scs/cli/seal/text-refused", test_text_refused);
  g_test_add_func ("/scs/cli/seal/output-escaped", test_output_escaped);
  g_test_add_func ("/scs/cli/seal/foreign-trigger", test_foreign_trigger);

  rc = g_test_run ();
  core_test_rm_rf (dir);
  g_free (dir);
  return rc;
}
