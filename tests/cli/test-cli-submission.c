/* test-cli-submission.c: `scs-cli submissions` and the portfolio's "submitted"
 *
 * A workspace is signed through the core API (quicker than 81 answer
 * commands), then exported with `scs-cli export` as a user would: the
 * final export is listed by `submissions` (human and JSON, with the SHA-256
 * of the file on disk), a draft export adds nothing, verify-signature
 * still passes on the sealed workspace afterwards, and `portfolio --json`
 * shows the date; a client never exported shows null.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "scs-declaration.h"
#include "scs-profile.h"
#include "scs-review.h"
#include "scs-signer.h"
#include "scs-workspace.h"

#include "cli-test-util.h"

static char *dir;

/* Runs scs-cli in @dir as a named actor with no profile; @out (if not NULL)
 * gets stdout and stderr together. Returns the exit status. */
static int
cli (char       **out,
     const char  *first,
     ...)
{
  static const char * const env[] = { "SCS_PROFILE=/nonexistent/profile.ini", NULL };
  const CliOptions options = { .actor = "提出 担当", .env = env, .cwd = dir, .utf8 = TRUE };
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(CliRun) run = NULL;
  va_list ap;

  va_start (ap, first);
  for (const char *a = first; a != NULL; a = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) a);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  run = cli_test_run (&options, (const char * const *) args->pdata);
  if (out != NULL)
    *out = g_strconcat (run->out, run->err, NULL);
  return run->status;
}

/* @dir/@name, every level-3 criterion met, accepted and signed by the
 * expert, declared by management (certificates from @dir). */
static char *
make_signed_workspace (const char *name)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(ScsWorkspace) workspace = core_test_workspace_new (path, "株式会社アクメ", 3, "テスト 太郎");

  core_test_seal_workspace (workspace, dir, FALSE);
  return path;
}

static void
test_submissions (void)
{
  g_autofree char *ws = make_signed_workspace ("client.scsw");
  g_autofree char *pkg = g_build_filename (dir, "提出.scsp", NULL);
  g_autofree char *ca = g_build_filename (dir, "ca.pem", NULL);
  g_autofree char *out = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *sha256 = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *rows;
  JsonObject *row;
  gsize length;

  /* nothing exported yet */
  g_assert_cmpint (cli (&out, "submissions", ws, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "No submission package"));
  g_clear_pointer (&out, g_free);

  /* a draft is not a submission */
  g_assert_cmpint (cli (&out, "export", ws, "--out", "draft.scsp", "--draft", "--lang", "en", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (cli (&out, "submissions", ws, "--json", NULL), ==, 0);
  rows = json_object_get_array_member (cli_test_parse_object (parser, out), "submissions");
  g_assert_cmpuint (json_array_get_length (rows), ==, 0);
  g_clear_pointer (&out, g_free);

  /* the signed report is Japanese (the first language, as sealed here): an English final
   * package is refused, exit 2, nothing written */
  g_assert_cmpint (cli (&out, "export", ws, "--out", pkg, "--lang", "en", NULL), ==, 2);
  g_assert_false (g_file_test (pkg, G_FILE_TEST_EXISTS));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (cli (&out, "export", ws, "--out", pkg, NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_assert_true (g_file_get_contents (pkg, &contents, &length, NULL));
  sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);

  g_assert_cmpint (cli (&out, "submissions", ws, "--json", NULL), ==, 0);
  rows = json_object_get_array_member (cli_test_parse_object (parser, out), "submissions");
  g_assert_cmpuint (json_array_get_length (rows), ==, 1);
  row = json_array_get_object_element (rows, 0);
  g_assert_cmpstr (json_object_get_string_member (row, "package"), ==, "提出.scsp");
  g_assert_cmpstr (json_object_get_string_member (row, "sha256"), ==, sha256);
  g_assert_cmpint (json_object_get_int_member (row, "size"), ==, (gint64) length);
  g_assert_cmpstr (json_object_get_string_member (row, "exporter"), ==, "提出 担当");
  g_assert_cmpstr (json_object_get_string_member (row, "expert_signature"), ==, "valid");
  g_assert_cmpint (json_object_get_int_member (row, "cycle"), ==, 0);
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (cli (&out, "submissions", ws, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "提出.scsp"));
  g_assert_nonnull (strstr (out, sha256));
  g_assert_nonnull (strstr (out, "提出 担当"));
  g_clear_pointer (&out, g_free);

  /* recording the export left the signed, sealed workspace verifying */
  g_assert_cmpint (cli (&out, "verify-signature", ws, "--ca", ca, NULL), ==, 0);
  g_clear_pointer (&out, g_free);

  /* a file that is not a workspace: exit 2, named */
  g_assert_cmpint (cli (&out, "submissions", pkg, NULL), ==, 2);
  g_assert_nonnull (strstr (out, "提出.scsp"));
}

static void
test_portfolio (void)
{
  g_autofree char *clients = g_build_filename (dir, "clients", NULL);
  g_autofree char *ws = NULL;
  g_autofree char *pkg = NULL;
  g_autofree char *out = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  JsonArray *list;
  guint seen = 0;

  g_assert_cmpint (g_mkdir (clients, 0700), ==, 0);
  ws = make_signed_workspace ("clients/a-submitted.scsw");
  g_free (make_signed_workspace ("clients/b-not-yet.scsw"));
  pkg = g_build_filename (dir, "a.scsp", NULL);
  g_assert_cmpint (cli (&out, "export", ws, "--out", pkg, NULL), ==, 0);
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (cli (&out, "portfolio", clients, "--json", NULL), ==, 0);
  list = json_object_get_array_member (cli_test_parse_object (parser, out), "clients");
  g_assert_cmpuint (json_array_get_length (list), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      JsonObject *c = json_array_get_object_element (list, i);
      const char *file = json_object_get_string_member (c, "file");

      g_assert_true (json_object_has_member (c, "submitted"));
      if (g_str_has_suffix (file, "a-submitted.scsw"))
        {
          /* exported a moment ago: today, unless midnight passed */
          g_assert_cmpstr (json_object_get_string_member (c, "submitted"), >=, today);
          g_assert_cmpuint (strlen (json_object_get_string_member (c, "submitted")), ==, 10);
          seen |= 1;
        }
      else
        {
          g_assert_true (json_object_get_null_member (c, "submitted"));
          seen |= 2;
        }
    }
  g_assert_cmpuint (seen, ==, 3);
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (cli (&out, "portfolio", clients, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Submitted"));
  g_assert_nonnull (strstr (out, today));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *cmd = NULL;
  int rc;

  g_test_init (&argc, &argv, NULL);
  g_setenv ("SCS_PROFILE", "/nonexistent/profile.ini", TRUE);
  dir = g_dir_make_tmp ("scs-cli-submission-XXXXXX", NULL);
  core_test_make_certificates (dir, TRUE);

  g_test_add_func ("/scs/cli/submission/submissions", test_submissions);
  g_test_add_func ("/scs/cli/submission/portfolio", test_portfolio);
  rc = g_test_run ();

  g_free (cmd);
  cmd = g_strdup_printf ("rm -rf '%s'", dir);
  g_assert_cmpint (system (cmd), ==, 0);
  g_free (dir);
  return rc;
}
