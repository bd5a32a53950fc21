/* test-cli-package.c: `scs-cli export`, `report` and `verify` as a user runs them
 *
 * Packages are changed with the stock `zip` tool the way a careless or
 * malicious sender would (an entry added, an entry deleted), and the
 * hostile fixtures of tests/core/fixtures/hostile are fed to verify: exit
 * codes 0 / 1 / 2 and messages that name the file are what is checked.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <sys/resource.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "cli-test-util.h"

/* A named actor; @cwd is where the command runs. */
#define CLI_OPTIONS(cwd_) (&(const CliOptions) { .actor = "テスト 太郎", .cwd = (cwd_), .utf8 = TRUE })

#define cli(cwd, ...) CLI_TEST_RUN (CLI_OPTIONS (cwd), __VA_ARGS__)
#define tool(cwd, ...) cli_test_spawn (CLI_OPTIONS (cwd), (const char * const[]) { __VA_ARGS__, NULL })

static char *
make_workspace (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("scs-cli-package-XXXXXX", &error);
  g_autoptr(CliRun) run = NULL;

  g_assert_no_error (error);
  run = cli (dir, "new", "w.scsw", "--name", "株式会社アクメ", "--corporate-number", "7000012050002", "--level", "3");
  g_assert_cmpint (run->status, ==, 0);
  g_clear_pointer (&run, cli_run_free);
  run = cli (dir, "answer", "w.scsw", "1-2-1-1", "met", "--note", "情報セキュリティ委員会規程で定義");
  g_assert_cmpint (run->status, ==, 0);
  g_clear_pointer (&run, cli_run_free);
  {
    g_autofree char *path = g_build_filename (dir, "規程.txt", NULL);

    g_file_set_contents (path, "policy", -1, &error);
  }
  g_assert_no_error (error);
  run = cli (dir, "evidence", "add", "w.scsw", "1-2-1-1", "規程.txt");
  g_assert_cmpint (run->status, ==, 0);
  return dir;
}

static gboolean
same_file (const char *dir,
           const char *a,
           const char *b)
{
  g_autofree char *pa = g_build_filename (dir, a, NULL);
  g_autofree char *pb = g_build_filename (dir, b, NULL);
  g_autofree char *ca = NULL, *cb = NULL;
  gsize la, lb;

  g_assert_true (g_file_get_contents (pa, &ca, &la, NULL));
  g_assert_true (g_file_get_contents (pb, &cb, &lb, NULL));
  return la == lb && memcmp (ca, cb, la) == 0;
}

static void
test_export_and_verify (void)
{
  g_autofree char *dir = make_workspace ();
  g_autoptr(CliRun) run = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;

  run = cli (dir, "export", "w.scsw", "--out", "a.scsp", "--draft");
  g_assert_cmpint (run->status, ==, 0);
  g_clear_pointer (&run, cli_run_free);
  run = cli (dir, "export", "w.scsw", "--out", "b.scsp", "--draft", "--lang", "ja");
  g_assert_cmpint (run->status, ==, 0);
  g_clear_pointer (&run, cli_run_free);
  g_assert_true (same_file (dir, "a.scsp", "b.scsp"));

  run = tool (dir, "unzip", "-t", "a.scsp");
  g_assert_cmpint (run->status, ==, 0);
  g_clear_pointer (&run, cli_run_free);

  /* a draft is intact but unsigned and incomplete: exit 1, said why */
  run = cli (dir, "verify", "a.scsp", "--json");
  g_assert_cmpint (run->status, ==, 1);
  json_parser_load_from_data (parser, run->out, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_false (json_object_get_boolean_member (root, "valid"));
  g_assert_true (json_object_get_boolean_member (root, "draft"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "checks")), >=, 6);
  g_assert_nonnull (strstr (run->out, "signature-expert.p7s"));
  g_clear_pointer (&run, cli_run_free);

  run = cli (dir, "verify", "a.scsp");
  g_assert_cmpint (run->status, ==, 1);
  g_assert_nonnull (strstr (run->out, "NOT valid"));
  g_clear_pointer (&run, cli_run_free);

  /* someone adds a file, someone deletes one: named */
  {
    g_autofree char *path = g_build_filename (dir, "extra.txt", NULL);

    g_file_set_contents (path, "x", -1, &error);
  }
  g_assert_no_error (error);
  run = tool (dir, "zip", "-q", "a.scsp", "extra.txt");
  g_assert_cmpint (run->status, ==, 0);
  g_clear_pointer (&run, cli_run_free);
  run = cli (dir, "verify", "a.scsp");
  g_assert_cmpint (run->status, ==, 1);
  g_assert_nonnull (strstr (run->out, "extra.txt is in the package but not in the manifest"));
  g_clear_pointer (&run, cli_run_free);
  run = tool (dir, "zip", "-q", "-d", "b.scsp", "report.pdf");
  g_assert_cmpint (run->status, ==, 0);
  g_clear_pointer (&run, cli_run_free);
  run = cli (dir, "verify", "b.scsp");
  g_assert_cmpint (run->status, ==, 1);
  g_assert_nonnull (strstr (run->out, "report.pdf is listed in the manifest but missing"));

  core_test_rm_rf (dir);
}

static void
test_export_refusals (void)
{
  g_autofree char *dir = make_workspace ();
  g_autoptr(CliRun) run = NULL;

  /* unsigned: a final package is refused, nothing written */
  run = cli (dir, "export", "w.scsw", "--out", "final.scsp");
  g_assert_cmpint (run->status, ==, 1);
  g_assert_nonnull (strstr (run->err, "not signed"));
  {
    g_autofree char *path = g_build_filename (dir, "final.scsp", NULL);

    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  }
  g_clear_pointer (&run, cli_run_free);

  run = cli (dir, "export", "w.scsw", "--draft");
  g_assert_cmpint (run->status, ==, 2);
  g_assert_nonnull (strstr (run->err, "--out"));
  g_clear_pointer (&run, cli_run_free);

  run = cli (dir, "report", "w.scsw", "--out", "r.pdf", "--lang", "fr");
  g_assert_cmpint (run->status, ==, 2);
  g_assert_nonnull (strstr (run->err, "fr"));
  g_clear_pointer (&run, cli_run_free);

  run = cli (dir, "verify", "no-such.scsp");
  g_assert_cmpint (run->status, ==, 2);
  g_assert_nonnull (strstr (run->err, "no-such.scsp"));

  core_test_rm_rf (dir);
}

static void
test_report (void)
{
  g_autofree char *dir = make_workspace ();
  g_autoptr(CliRun) run = NULL;
  g_autofree char *pdf = NULL;
  gsize length;

  run = cli (dir, "report", "w.scsw", "--out", "r.pdf", "--draft", "--lang", "en");
  g_assert_cmpint (run->status, ==, 0);
  g_clear_pointer (&run, cli_run_free);
  {
    g_autofree char *path = g_build_filename (dir, "r.pdf", NULL);

    g_assert_true (g_file_get_contents (path, &pdf, &length, NULL));
  }
  g_assert_true (g_str_has_prefix (pdf, "%PDF-"));
  run = tool (dir, "pdftotext", "r.pdf", "-");
  g_assert_cmpint (run->status, ==, 0);
  g_assert_nonnull (strstr (run->out, "株式会社アクメ"));
  g_assert_nonnull (strstr (run->out, "Supply-chain security self-assessment report"));
  g_assert_nonnull (strstr (run->out, "情報セキュリティ委員会規程で定義"));
  g_assert_nonnull (strstr (run->out, "DRAFT"));

  core_test_rm_rf (dir);
}

/* The hostile corpus is refused within the bounds: 2 s of CPU and
 * 200 MiB of address space, enforced as resource limits on the child (a
 * process that exceeds them is killed and the test fails), not measured as
 * wall-clock time. ASan reserves terabytes of address space, so the memory
 * limit is left out in the sanitizer build. */
static void
limit_resources (gpointer data)
{
  struct rlimit cpu = { 2, 2 };
  struct rlimit as = { 200 * 1024 * 1024, 200 * 1024 * 1024 };

  setrlimit (RLIMIT_CPU, &cpu);
  if (data != NULL)
    setrlimit (RLIMIT_AS, &as);
}

static void
test_verify_hostile (void)
{
  const char *fixtures = g_test_get_filename (G_TEST_DIST, "core", "fixtures", "hostile", NULL);
  const char *names[] = { "hostile-zip-slip.zip", "hostile-absolute.zip", "hostile-doctype-manifest.zip",
                          "hostile-bomb.zip", "unreadable-garbage.bin", "unreadable-truncated.zip" };
  gboolean limit_memory = g_getenv ("ASAN_OPTIONS") == NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (fixtures, names[i], NULL);
      g_autoptr(GError) error = NULL;
      g_autofree char *cwd = g_dir_make_tmp ("scs-hostile-XXXXXX", &error);
      g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                           G_SUBPROCESS_FLAGS_STDERR_PIPE);
      g_autoptr(GSubprocess) process = NULL;
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autoptr(GDir) dir = NULL;

      g_assert_no_error (error);
      g_subprocess_launcher_setenv (launcher, "SCS_LANGUAGE", "en", TRUE);
      g_subprocess_launcher_set_cwd (launcher, cwd);
      g_subprocess_launcher_set_child_setup (launcher, limit_resources,
                                             limit_memory ? GINT_TO_POINTER (1) : NULL, NULL);
      process = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("SCS_CLI"), "verify", path, NULL);
      g_assert_no_error (error);
      g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &err, &error);
      g_assert_no_error (error);

      /* Exited by itself (not killed by a limit), refused as hostile or
       * unreadable, and wrote nothing where it ran. */
      g_assert_true (g_subprocess_get_if_exited (process));
      /* Says which file and what scs-cli said (seen once, under valgrind
       * with the suite's load: status 1). */
      if (g_subprocess_get_exit_status (process) != 2 || strstr (err, "refused") == NULL)
        g_error ("verify %s: exit status %d, stderr: %s", names[i],
                 g_subprocess_get_exit_status (process), err);
      dir = g_dir_open (cwd, 0, &error);
      g_assert_no_error (error);
      g_assert_null (g_dir_read_name (dir));
      g_rmdir (cwd);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/scs/cli/package/export-and-verify", test_export_and_verify);
  g_test_add_func ("/scs/cli/package/export-refusals", test_export_refusals);
  g_test_add_func ("/scs/cli/package/report", test_report);
  g_test_add_func ("/scs/cli/package/verify-hostile", test_verify_hostile);

  return g_test_run ();
}
