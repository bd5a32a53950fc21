/* test-cli-scope.c: `scs-cli scope …` — edits, list/show/check as text and
 * JSON, exit codes (0 clean, 1 an error remains, 2 bad input with the file
 * unchanged), and export of scope.xml and the diagram
 *
 * Runs the real binary ($SCS_CLI) with SCS_LANGUAGE=en on a workspace in a
 * fresh temporary directory.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "cli-test-util.h"

/* A named actor; every run is logged. */
static const CliOptions cli_options = {
  .actor = "検証 太郎",
  .utf8 = TRUE,
  .log_always = TRUE,
};

#define cli_run(...) CLI_TEST_RUN (&cli_options, __VA_ARGS__)

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(CliRun) run = NULL;

  fixture->dir = g_dir_make_tmp ("scs-cli-scope-XXXXXX", NULL);
  fixture->path = g_build_filename (fixture->dir, "acme.scsw", NULL);
  run = cli_run ("new", fixture->path, "--name", "株式会社アクメ", "--corporate-number",
                 "7000012050002", "--level", "4");
  cli_test_assert_ok (run);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  core_test_rm_rf (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

/* The rule IDs of `scope check --json`, joined, and its exit status. */
static char *
check_rules (Fixture *fixture,
             int     *status)
{
  g_autoptr(CliRun) run = cli_run ("scope", "check", fixture->path, "--json");
  g_autoptr(JsonNode) root = parse_json (run->out);
  JsonObject *object = json_node_get_object (root);
  JsonArray *findings = json_object_get_array_member (object, "findings");
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  guint errors = 0;

  for (guint i = 0; i < json_array_get_length (findings); i++)
    {
      JsonObject *f = json_array_get_object_element (findings, i);
      gboolean error = g_str_equal (json_object_get_string_member (f, "severity"), "error");

      errors += error;
      g_assert_cmpstr (json_object_get_string_member (f, "message"), !=, "");
      g_ptr_array_add (parts, g_strdup_printf ("%s@%" G_GINT64_FORMAT,
                                               json_object_get_string_member (f, "rule"),
                                               json_object_get_int_member (f, "item")));
    }
  g_assert_cmpint (json_object_get_int_member (object, "errors"), ==, errors);
  *status = run->status;
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (",", (char **) parts->pdata);
}

static gint64
add_json (Fixture    *fixture,
          const char *kind,
          const char *name,
          const char *option,
          const char *value)
{
  g_autoptr(CliRun) run = option
    ? cli_run ("scope", "add", fixture->path, kind, "--name", name, option, value, "--json")
    : cli_run ("scope", "add", fixture->path, kind, "--name", name, "--json");
  g_autoptr(JsonNode) root = NULL;

  cli_test_assert_ok (run);
  root = parse_json (run->out);
  return json_object_get_int_member (json_node_get_object (root), "id");
}

static void
test_check_cycle (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *rules = NULL;
  g_autofree char *id = NULL;
  int status;
  gint64 web, old, fw, cloud, vpn, ot;

  rules = check_rules (fixture, &status);
  g_assert_cmpstr (rules, ==, "unit-not-chosen@0,unit-description-empty@0");
  g_assert_cmpint (status, ==, 1);
  g_clear_pointer (&rules, g_free);

  {
    g_autoptr(CliRun) run = cli_run ("scope", "unit", fixture->path, "company",
                                     "--description", "本社の全情報システム",
                                     "--entity", "株式会社アクメ", "--entity", "本社");
    cli_test_assert_ok (run);
  }
  web = add_json (fixture, "internet", "Webサイト", "--type", "web");
  old = add_json (fixture, "server", "旧サーバ", NULL, NULL);
  fw = add_json (fixture, "boundary", "FW", "--type", "firewall");
  cloud = add_json (fixture, "cloud", "M365", "--provider", "Microsoft");
  vpn = add_json (fixture, "boundary", "VPN", "--type", "vpn-gateway");
  ot = add_json (fixture, "network", "OT", NULL, NULL);
  {
    g_autofree char *w = g_strdup_printf ("%" G_GINT64_FORMAT, web);
    g_autofree char *o = g_strdup_printf ("%" G_GINT64_FORMAT, old);
    g_autofree char *t = g_strdup_printf ("%" G_GINT64_FORMAT, ot);
    g_autoptr(CliRun) r1 = cli_run ("scope", "exclude", fixture->path, w, "--reason", "委託");
    g_autoptr(CliRun) r2 = cli_run ("scope", "except", fixture->path, o);
    g_autoptr(CliRun) r3 = cli_run ("scope", "exclude", fixture->path, t, "--reason", "OT", "--connected");

    cli_test_assert_ok (r1);
    cli_test_assert_ok (r2);
    cli_test_assert_ok (r3);
  }

  rules = check_rules (fixture, &status);
  {
    g_autofree char *expected =
      g_strdup_printf ("internet-facing-out-of-scope@%" G_GINT64_FORMAT ","
                       "connected-without-separation@%" G_GINT64_FORMAT ","
                       "boundary-without-administrator@%" G_GINT64_FORMAT ","
                       "verification-target-untested@%" G_GINT64_FORMAT ","
                       "cloud-without-responsibility-check@%" G_GINT64_FORMAT ","
                       "boundary-without-administrator@%" G_GINT64_FORMAT ","
                       "verification-target-untested@%" G_GINT64_FORMAT ","
                       "connected-without-separation@%" G_GINT64_FORMAT ","
                       "exception-without-reason@%" G_GINT64_FORMAT ","
                       "connected-without-separation@%" G_GINT64_FORMAT,
                       web, web, fw, fw, cloud, vpn, vpn, ot, old, old);
    /* the order is the items' order: compare as sets */
    g_auto(GStrv) a = g_strsplit (rules, ",", -1);
    g_auto(GStrv) b = g_strsplit (expected, ",", -1);

    g_assert_cmpuint (g_strv_length (a), ==, g_strv_length (b));
    for (guint i = 0; b[i] != NULL; i++)
      g_assert_true (g_strv_contains ((const char * const *) a, b[i]));
  }
  g_assert_cmpint (status, ==, 1);
  g_clear_pointer (&rules, g_free);

  /* Human output names the problem */
  {
    g_autoptr(CliRun) run = cli_run ("scope", "check", fixture->path);

    g_assert_cmpint (run->status, ==, 1);
    g_assert_nonnull (strstr (run->out, "The internet-facing system ‘Webサイト’ must be in scope"));
    g_assert_nonnull (strstr (run->out, "10 errors remain."));
  }

  /* Fix everything */
  {
    g_autofree char *w = g_strdup_printf ("%" G_GINT64_FORMAT, web);
    g_autofree char *o = g_strdup_printf ("%" G_GINT64_FORMAT, old);
    g_autofree char *t = g_strdup_printf ("%" G_GINT64_FORMAT, ot);
    g_autofree char *f = g_strdup_printf ("%" G_GINT64_FORMAT, fw);
    g_autofree char *c = g_strdup_printf ("%" G_GINT64_FORMAT, cloud);
    g_autofree char *v = g_strdup_printf ("%" G_GINT64_FORMAT, vpn);
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
    g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
    g_autofree char *report = g_build_filename (fixture->dir, "report.pdf", NULL);
    g_autofree char *sha = NULL;
    CliRun *runs[8];

    g_assert_true (g_file_set_contents (report, "%PDF-1.4 vulnerability test", -1, NULL));
    {
      g_autoptr(CliRun) add = cli_run ("evidence", "add", fixture->path, "3-1-1-1", report, "--json");
      g_autoptr(JsonNode) root = NULL;

      cli_test_assert_ok (add);
      root = parse_json (add->out);
      sha = g_strdup (json_object_get_string_member (
        json_array_get_object_element (json_object_get_array_member (json_node_get_object (root), "added"), 0),
        "sha256"));
    }
    {
      g_autoptr(CliRun) include = cli_run ("scope", "include", fixture->path, w);
      cli_test_assert_ok (include);
    }
    runs[0] = cli_run ("scope", "set", fixture->path, w, "--vuln-test", today, "--vuln-evidence", sha);
    runs[1] = cli_run ("scope", "except", fixture->path, o, "--reason", "サポート終了、年度内に更改",
                       "--separation", "ネットワークから切り離し済み");
    runs[2] = cli_run ("scope", "exclude", fixture->path, t, "--separation", "一方向ゲートウェイ");
    runs[3] = cli_run ("scope", "set", fixture->path, f, "--administrator", "情報システム課",
                       "--vuln-test", today, "--vuln-evidence", sha);
    runs[4] = cli_run ("scope", "set", fixture->path, c, "--responsibility", "基盤は事業者",
                       "--check-method", "ismap", "--evidence", sha);
    runs[5] = cli_run ("scope", "set", fixture->path, v, "--administrator", "情報システム課",
                       "--vuln-test", today, "--vuln-evidence", sha);
    {
      /* The expert's mark needs the expert's profile: refused under a staff one. */
      g_autofree char *profile = g_build_filename (fixture->dir, "expert.ini", NULL);
      g_autofree char *env_profile = g_strconcat ("SCS_PROFILE=", profile, NULL);
      const char *env[] = { env_profile, NULL };
      CliOptions expert_options = cli_options;
      g_autoptr(CliRun) refused = NULL;

      expert_options.env = env;
      g_assert_true (g_file_set_contents (profile, "[Profile]\nname=検証 太郎\nrole=sme\n", -1, NULL));
      refused = CLI_TEST_RUN (&expert_options, "scope", "review", fixture->path, o, "questioned",
                              "--comment", "更改計画は？");
      g_assert_cmpint (refused->status, ==, 2);
      g_assert_true (g_file_set_contents (profile, "[Profile]\nname=検証 太郎\nrole=expert\n", -1, NULL));
      runs[6] = CLI_TEST_RUN (&expert_options, "scope", "review", fixture->path, o, "questioned",
                              "--comment", "更改計画は？");
    }
    runs[7] = cli_run ("scope", "set", fixture->path, f, "--criteria", "3-1-1,3-1-2");
    for (guint i = 0; i < G_N_ELEMENTS (runs); i++)
      {
        cli_test_assert_ok (runs[i]);
        cli_run_free (runs[i]);
      }
  }
  /* Everything fixed but the expert's open question, which blocks signing. */
  rules = check_rules (fixture, &status);
  {
    g_autofree char *expected = g_strdup_printf ("reason-questioned@%" G_GINT64_FORMAT, old);

    g_assert_cmpstr (rules, ==, expected);
  }
  g_assert_cmpint (status, ==, 1);

  /* list --json reflects it all */
  {
    g_autoptr(CliRun) run = cli_run ("scope", "list", fixture->path, "--json", "--kind", "boundary");
    g_autoptr(JsonNode) root = NULL;
    JsonArray *items;
    JsonObject *first;

    cli_test_assert_ok (run);
    root = parse_json (run->out);
    items = json_object_get_array_member (json_node_get_object (root), "items");
    g_assert_cmpuint (json_array_get_length (items), ==, 2);
    first = json_array_get_object_element (items, 0);
    g_assert_cmpint (json_object_get_int_member (first, "id"), ==, fw);
    g_assert_cmpstr (json_object_get_string_member (first, "administrator"), ==, "情報システム課");
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (first, "criteria")), ==, 2);
  }
  {
    g_autoptr(CliRun) run = cli_run ("scope", "show", fixture->path, "--json");
    g_autoptr(JsonNode) root = NULL;
    JsonObject *object;
    JsonObject *oos;

    cli_test_assert_ok (run);
    root = parse_json (run->out);
    object = json_node_get_object (root);
    g_assert_cmpstr (json_object_get_string_member (object, "unit"), ==, "company");
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "entities")), ==, 2);
    g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (object, "counts"), "boundary"), ==, 2);
    oos = json_array_get_object_element (json_object_get_array_member (object, "out_of_scope"), 0);
    g_assert_cmpstr (json_object_get_string_member (oos, "review"), ==, "questioned");
    g_assert_cmpstr (json_object_get_string_member (oos, "reviewer"), ==, "検証 太郎");
  }
  {
    g_autoptr(CliRun) run = cli_run ("scope", "list", fixture->path);

    cli_test_assert_ok (run);
    g_assert_nonnull (strstr (run->out, "administrator=情報システム課"));
  }
  {
    g_autoptr(CliRun) run = cli_run ("audit", fixture->path, "--limit", "50");

    cli_test_assert_ok (run);
    g_assert_nonnull (strstr (run->out, "scope-review"));
  }
}

static void
test_refusals (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *before = NULL;
  const char *cases[][10] = {
    { "scope", "unit", NULL, "planet", NULL },
    { "scope", "add", NULL, "toaster", "--name", "x", NULL },
    { "scope", "add", NULL, "server", NULL },
    { "scope", "add", NULL, "server", "--name", "x", "--vendor", "Dell", NULL },
    { "scope", "add", NULL, "endpoint", "--name", "x", "--count", "many", NULL },
    { "scope", "add", NULL, "server", "--name", "x", "--criteria", "9-9-9-9", NULL },
    { "scope", "set", NULL, "1", "--name", "", NULL },
    { "scope", "set", NULL, "1", "--type", "web", "--zone", "DMZ", NULL },
    { "scope", "set", NULL, "99", "--zone", "DMZ", NULL },
    { "scope", "remove", NULL, "99", NULL },
    { "scope", "remove", NULL, "abc", NULL },
    { "scope", "review", NULL, "1", "accepted", NULL },
    { "scope", "review", NULL, "1", "maybe", NULL },
  };
  const char *needles[] = {
    "planet", "toaster", "--name", "vendor", "many", "9-9-9-9", "name", "web", "99", "99", "abc",
    "in scope", "maybe",
  };

  {
    g_autoptr(CliRun) run = cli_run ("scope", "add", fixture->path, "server", "--name", "ファイルサーバ");

    cli_test_assert_ok (run);
    g_assert_nonnull (strstr (run->out, "Added server 1: ファイルサーバ"));
  }
  before = core_test_file_state (fixture->path, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *args[12] = { NULL };
      g_autoptr(CliRun) run = NULL;
      g_autofree char *after = NULL;

      for (guint j = 0; cases[i][j] != NULL || j == 2; j++)
        args[j] = j == 2 ? fixture->path : cases[i][j];
      run = cli_test_run (&cli_options, args);
      g_assert_cmpint (run->status, ==, 2);
      g_assert_true (g_str_has_prefix (run->err, "scs-cli: "));
      if (strstr (run->err, needles[i]) == NULL)
        g_error ("case %u: ‘%s’ not in: %s", i, needles[i], run->err);
      after = core_test_file_state (fixture->path, FALSE);
      g_assert_cmpstr (before, ==, after);
    }
}

static void
test_export (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *xml = g_build_filename (fixture->dir, "scope.xml", NULL);
  g_autofree char *pdf = g_build_filename (fixture->dir, "scope.pdf", NULL);
  g_autofree char *xml2 = g_build_filename (fixture->dir, "scope2.xml", NULL);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  {
    g_autoptr(CliRun) run = cli_run ("scope", "export", fixture->path, xml);

    g_assert_cmpint (run->status, ==, 2);
    g_assert_nonnull (strstr (run->err, "no scope"));
  }
  {
    g_autoptr(CliRun) r1 = cli_run ("scope", "unit", fixture->path, "division", "--description", "工場");
    g_autoptr(CliRun) r2 = cli_run ("scope", "add", fixture->path, "network", "--name", "工場LAN");
    g_autoptr(CliRun) r3 = cli_run ("scope", "export", fixture->path, xml);
    g_autoptr(CliRun) r4 = cli_run ("scope", "export", fixture->path, pdf);
    g_autoptr(CliRun) r5 = cli_run ("scope", "export", fixture->path, xml);
    g_autoptr(CliRun) r6 = cli_run ("scope", "export", fixture->path, xml2);
    g_autoptr(CliRun) r7 = cli_run ("scope", "export", fixture->path, "out.doc");

    cli_test_assert_ok (r1);
    cli_test_assert_ok (r2);
    cli_test_assert_ok (r3);
    cli_test_assert_ok (r4);
    g_assert_cmpint (r5->status, ==, 2);  /* exists, no --force */
    cli_test_assert_ok (r6);
    g_assert_cmpint (r7->status, ==, 2);
  }
  g_assert_true (g_file_get_contents (xml, &a, NULL, NULL));
  g_assert_true (g_file_get_contents (xml2, &b, NULL, NULL));
  g_assert_cmpstr (a, ==, b);
  g_assert_nonnull (strstr (a, "<name>工場LAN</name>"));
  {
    g_autofree char *contents = NULL;

    g_assert_true (g_file_get_contents (pdf, &contents, NULL, NULL));
    g_assert_true (g_str_has_prefix (contents, "%PDF"));
  }
  if (g_getenv ("SCS_SOURCE_DIR") != NULL)
    {
      g_autofree char *rng = g_build_filename (g_getenv ("SCS_SOURCE_DIR"), "data", "schema", "scope.rng", NULL);
      const char *argv[] = { "xmllint", "--noout", "--nonet", "--relaxng", rng, xml, NULL };
      int status;

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL,
                                   G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                                   NULL, NULL, NULL, NULL, &status, NULL));
      g_assert_true (g_spawn_check_wait_status (status, NULL));
    }
}

static char *
write_file (Fixture    *fixture,
            const char *name,
            const char *contents,
            gssize      length)
{
  char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  return path;
}

static void
test_import_csv (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *bom = write_file (fixture, "fw.csv",
                                     "\xEF\xBB\xBF名前,Vendor,型番,備考\r\n"
                                     "本社FW,ヤマハ,RTX1220,\"2行\r\nのメモ\"\r\n"
                                     "支社FW,Fortinet,60F,\r\n", -1);
  g_autofree char *sjis_text = g_convert ("name,provider,check-method\r\nkintone,サイボウズ,ismap\r\n",
                                          -1, "CP932", "UTF-8", NULL, NULL, NULL);
  g_autofree char *sjis = write_file (fixture, "cloud.csv", sjis_text, -1);
  g_autofree char *garbage = write_file (fixture, "bad.csv", "name,type\nA,router\nB,\xff\n", -1);
  g_autofree char *cells = write_file (fixture, "cells.csv", "name,type\nA,router\nB,toaster\n", -1);
  g_autofree char *before = NULL;

  {
    /* Dry run: the mapping and the count, nothing written. */
    g_autoptr(CliRun) run = NULL;
    g_autoptr(JsonNode) root = NULL;
    JsonObject *object;

    before = core_test_file_state (fixture->path, FALSE);
    run = cli_run ("scope", "import-csv", fixture->path, "boundary", bom, "--map", "名前=name",
                   "--map", "型番=model", "--dry-run", "--json");
    cli_test_assert_ok (run);
    root = parse_json (run->out);
    object = json_node_get_object (root);
    g_assert_cmpstr (json_object_get_string_member (object, "encoding"), ==, "utf-8");
    g_assert_cmpint (json_object_get_int_member (object, "rows"), ==, 2);
    g_assert_cmpint (json_object_get_int_member (object, "imported"), ==, 0);
    g_assert_cmpint (json_array_get_length (json_object_get_array_member (object, "problems")), ==, 0);
    {
      g_autofree char *after = core_test_file_state (fixture->path, FALSE);

      g_assert_cmpstr (before, ==, after);
    }
  }
  {
    g_autoptr(CliRun) run = cli_run ("scope", "import-csv", fixture->path, "boundary", bom,
                                     "--map", "名前=name", "--map", "3=model");
    g_autoptr(CliRun) sj = cli_run ("scope", "import-csv", fixture->path, "cloud", sjis, "--encoding", "auto");
    g_autoptr(CliRun) list = cli_run ("scope", "list", fixture->path, "--json");

    cli_test_assert_ok (run);
    g_assert_nonnull (strstr (run->out, "Imported 2 items"));
    cli_test_assert_ok (sj);
    g_assert_nonnull (strstr (sj->out, "cp932"));
    cli_test_assert_ok (list);
    g_assert_nonnull (strstr (list->out, "RTX1220"));
    g_assert_nonnull (strstr (list->out, "支社FW"));
    g_assert_nonnull (strstr (list->out, "サイボウズ"));
  }

  /* Refusals: exit 2, the line and column named, the file unchanged. */
  g_free (before);
  before = core_test_file_state (fixture->path, FALSE);
  {
    g_autoptr(CliRun) r1 = cli_run ("scope", "import-csv", fixture->path, "boundary", garbage);
    g_autoptr(CliRun) r2 = cli_run ("scope", "import-csv", fixture->path, "boundary", cells, "--json");
    g_autoptr(CliRun) r3 = cli_run ("scope", "import-csv", fixture->path, "boundary", cells, "--map", "type=provider");
    g_autoptr(CliRun) r4 = cli_run ("scope", "import-csv", fixture->path, "boundary", cells, "--encoding", "latin1");
    g_autoptr(CliRun) r5 = cli_run ("scope", "import-csv", fixture->path, "planet", cells);
    g_autoptr(CliRun) r6 = cli_run ("scope", "import-csv", fixture->path, "boundary", sjis, "--encoding", "utf-8");
    g_autofree char *after = core_test_file_state (fixture->path, FALSE);
    g_autoptr(JsonNode) root = NULL;
    JsonArray *problems;

    g_assert_cmpint (r1->status, ==, 2);
    g_assert_nonnull (strstr (r1->err, "line 3, column 2"));
    g_assert_cmpint (r2->status, ==, 2);
    root = parse_json (r2->out);
    problems = json_object_get_array_member (json_node_get_object (root), "problems");
    g_assert_cmpint (json_array_get_length (problems), ==, 1);
    g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (problems, 0), "line"), ==, 3);
    g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (problems, 0), "column"), ==, 2);
    g_assert_cmpint (r3->status, ==, 2);
    g_assert_nonnull (strstr (r3->err, "provider"));
    g_assert_cmpint (r4->status, ==, 2);
    g_assert_nonnull (strstr (r4->err, "latin1"));
    g_assert_cmpint (r5->status, ==, 2);
    g_assert_cmpint (r6->status, ==, 2);
    g_assert_nonnull (strstr (r6->err, "line 2, column 2"));
    g_assert_cmpstr (before, ==, after);
  }
}

/* `review status` with the default profile (the organisation's side),
 * never the user's own. */
static CliRun *
review_status (Fixture  *fixture,
               gboolean  json)
{
  static const char * const env[] = { "SCS_PROFILE=/nonexistent/profile.ini", NULL };
  CliOptions options = cli_options;
  CliRun *run;

  options.env = env;
  run = json ? CLI_TEST_RUN (&options, "review", "status", fixture->path, "--json")
             : CLI_TEST_RUN (&options, "review", "status", fixture->path);
  cli_test_assert_ok (run);
  return run;
}

/* A reason the expert questions waits for the organisation in `review
 * status`, named by its scope item, until the expert accepts it. */
static void
test_review_waiting (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *id = NULL;
  g_autoptr(JsonParser) parser = NULL;
  JsonArray *waiting;
  JsonObject *item;
  gint64 plc;
  g_autofree char *profile = g_build_filename (fixture->dir, "expert.ini", NULL);
  g_autofree char *env_profile = g_strconcat ("SCS_PROFILE=", profile, NULL);
  const char *env[] = { env_profile, NULL };
  CliOptions expert = cli_options;

  expert.env = env;
  g_assert_true (g_file_set_contents (profile, "[Profile]\nname=検証 太郎\nrole=expert\n", -1, NULL));
  plc = add_json (fixture, "server", "PLC line", NULL, NULL);
  id = g_strdup_printf ("%lld", (long long) plc);
  {
    g_autoptr(CliRun) exclude = cli_run ("scope", "exclude", fixture->path, id, "--reason", "OT");
    g_autoptr(CliRun) question = CLI_TEST_RUN (&expert, "scope", "review", fixture->path, id, "questioned",
                                               "--comment", "Attach the gateway settings");

    cli_test_assert_ok (exclude);
    cli_test_assert_ok (question);
  }

  {
    g_autoptr(CliRun) text = review_status (fixture, FALSE);
    g_autofree char *ref = g_strdup_printf ("scope:%s", id);
    g_autofree char *line = g_strdup_printf ("\n  %-10s Scope: the reason for leaving “PLC line” out "
                                             "was questioned: Attach the gateway settings\n", ref);

    g_assert_nonnull (strstr (text->out, line));
  }
  {
    g_autoptr(CliRun) json = review_status (fixture, TRUE);

    waiting = json_object_get_array_member (cli_test_parse_new (json->out, &parser), "waiting");
    g_assert_cmpuint (json_array_get_length (waiting), >, 0);
    item = json_array_get_object_element (waiting, json_array_get_length (waiting) - 1);
    g_assert_cmpstr (json_object_get_string_member (item, "kind"), ==, "scope-questioned");
    g_assert_true (json_object_get_null_member (item, "criterion"));
    g_assert_cmpint (json_object_get_int_member (item, "ref"), ==, plc);
  }

  {
    g_autoptr(CliRun) accept = CLI_TEST_RUN (&expert, "scope", "review", fixture->path, id, "accepted");
    g_autoptr(CliRun) text = NULL;

    cli_test_assert_ok (accept);
    text = review_status (fixture, FALSE);
    g_assert_null (strstr (text->out, "scope:"));
    g_assert_null (strstr (text->out, "PLC line"));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/scs/cli/scope/check-cycle", Fixture, NULL, fixture_set_up, test_check_cycle, fixture_tear_down);
  g_test_add ("/scs/cli/scope/refusals", Fixture, NULL, fixture_set_up, test_refusals, fixture_tear_down);
  g_test_add ("/scs/cli/scope/export", Fixture, NULL, fixture_set_up, test_export, fixture_tear_down);
  g_test_add ("/scs/cli/scope/import-csv", Fixture, NULL, fixture_set_up, test_import_csv, fixture_tear_down);
  g_test_add ("/scs/cli/scope/review-waiting", Fixture, NULL, fixture_set_up, test_review_waiting, fixture_tear_down);

  return g_test_run ();
}
