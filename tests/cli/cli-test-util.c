/* cli-test-util.c: helpers the scs-cli test binaries share
 *
 * Every test binary in tests/cli drives the real scs-cli ($SCS_CLI) in a
 * subprocess and checks its exit status, output and the files it leaves.
 * Running it, hashing a workspace before and after a refusal, parsing its
 * JSON and cleaning up temporary folders were once copied into each file;
 * they live here once, and what differs between the files (the actor, extra
 * environment, the working folder, stdin) is said through CliOptions. Files,
 * hashes and temporary folders come from the core tests' core-test-util.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cli-test-util.h"

#include "scs-portfolio.h"

#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

void
cli_run_free (CliRun *run)
{
  g_clear_pointer (&run->out_bytes, g_bytes_unref);
  g_free (run->out);
  g_free (run->err);
  g_free (run);
}

static char *
bytes_to_string (GBytes   *bytes,
                 gboolean  utf8)
{
  gsize size = 0;
  const char *data = bytes != NULL ? g_bytes_get_data (bytes, &size) : NULL;

  if (data == NULL)
    return g_strdup ("");
  if (utf8 && !g_utf8_validate_len (data, size, NULL))
    g_error ("output is not valid UTF-8");
  return g_strndup (data, size);
}

CliRun *
cli_test_spawn (const CliOptions   *options,
                const char * const *argv)
{
  static const CliOptions defaults = { 0 };
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autofree char *stdin_path = NULL;
  g_autoptr(GBytes) err_bytes = NULL;
  g_autoptr(GError) error = NULL;
  GSubprocessFlags flags = G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE;
  CliRun *run = g_new0 (CliRun, 1);

  if (options == NULL)
    options = &defaults;
  g_assert_nonnull (argv[0]);

  launcher = g_subprocess_launcher_new (flags);
  /* stdin comes from a file, not a pipe: a child that rightly never reads
   * it cannot make the write fail with EPIPE. */
  if (options->stdin_text != NULL)
    {
      int fd = g_file_open_tmp ("scs-cli-stdin-XXXXXX", &stdin_path, &error);

      g_assert_no_error (error);
      close (fd);
      g_assert_true (g_file_set_contents (stdin_path, options->stdin_text, -1, &error));
      g_subprocess_launcher_set_stdin_file_path (launcher, stdin_path);
    }
  g_subprocess_launcher_setenv (launcher, "SCS_LANGUAGE", "en", TRUE);
  if (options->actor != NULL)
    g_subprocess_launcher_setenv (launcher, "SCS_ACTOR", options->actor, TRUE);
  else
    g_subprocess_launcher_unsetenv (launcher, "SCS_ACTOR");
  for (guint i = 0; options->env != NULL && options->env[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (options->env[i], "=", 2);

      g_subprocess_launcher_setenv (launcher, pair[0], pair[1], TRUE);
    }
  if (options->cwd != NULL)
    g_subprocess_launcher_set_cwd (launcher, options->cwd);

  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);
  g_subprocess_communicate (process, NULL, NULL, &run->out_bytes, &err_bytes, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);
  if (stdin_path != NULL)
    g_unlink (stdin_path);

  /* Empty output comes back as NULL data: keep the strings non-NULL. */
  run->out = bytes_to_string (run->out_bytes, options->utf8);
  run->err = bytes_to_string (err_bytes, options->utf8);

  if (options->log_always || g_test_verbose ())
    g_test_message ("%s %s … → %d\nstdout: %s\nstderr: %s", argv[0], argv[1] != NULL ? argv[1] : "",
                    run->status, run->out, run->err);
  return run;
}

CliRun *
cli_test_run (const CliOptions   *options,
              const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  const char *cli = g_getenv ("SCS_CLI");

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (gpointer) cli);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  return cli_test_spawn (options, (const char * const *) argv->pdata);
}

void
cli_test_assert_ok (CliRun *run)
{
  if (run->status != 0)
    g_error ("scs-cli exited %d: %s", run->status, run->err);
}

void
cli_test_assert_refused (CliRun     *run,
                         const char *needle)
{
  g_assert_cmpint (run->status, ==, 2);
  g_assert_true (g_str_has_prefix (run->err, "scs-cli: "));
  if (needle != NULL && strstr (run->err, needle) == NULL)
    g_error ("stderr does not mention ‘%s’: %s", needle, run->err);
}

JsonObject *
cli_test_parse_object (JsonParser *parser,
                       const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  root = json_parser_get_root (parser);
  g_assert_nonnull (root);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  return json_node_get_object (root);
}

JsonObject *
cli_test_parse_new (const char  *text,
                    JsonParser **parser_out)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *object = cli_test_parse_object (parser, text);

  *parser_out = g_steal_pointer (&parser);
  return object;
}

void
cli_test_assert_unchanged (const char *path,
                           const char *sha256_before)
{
  g_autofree char *after = core_test_file_sha256 (path);

  g_assert_cmpstr (after, ==, sha256_before);
}

void
cli_test_wait_settled_since (gint64 changed)
{
  while (g_get_real_time () <= changed + SCS_PORTFOLIO_CACHE_SETTLE_SECONDS * G_USEC_PER_SEC)
    g_usleep (50 * 1000);
}
