/* test-cli.c: scs-cli driven as a user or a script would, through its exit
 * status, stdout and stderr
 *
 * Every test runs the real binary ($SCS_CLI) in a subprocess with
 * SCS_LANGUAGE=en, on workspaces in a fresh temporary directory. Refusals are
 * checked the way the issue states them: exit status 2, a message on stderr
 * that names the problem, and the workspace file byte-for-byte unchanged
 * (its SHA-256 before and after). JSON output is parsed with json-glib, so a
 * change of keys or shape fails here before it breaks a script.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "cli-test-util.h"
#include "scs-workspace.h"

/* SCS_ACTOR unset: the tests see the actor scs-cli picks by itself. */
static const CliOptions cli_options = { .actor = NULL };

#define cli_run(...) CLI_TEST_RUN (&cli_options, __VA_ARGS__)
#define cli_run_env(env_, ...) \
  cli_test_run (&(const CliOptions) { .actor = NULL, .env = (env_) }, (const char * const[]) { __VA_ARGS__, NULL })

typedef struct
{
  char *dir;
  char *workspace;  /* dir/sample.scsw, not yet created */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = core_test_make_tmp_dir ("scs-cli-XXXXXX");
  fixture->workspace = g_build_filename (fixture->dir, "sample.scsw", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  core_test_rm_rf (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->workspace);
}

static char *
fixture_path (Fixture    *fixture,
              const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

static void
create_workspace (Fixture *fixture)
{
  g_autoptr(CliRun) run = cli_run ("new", fixture->workspace,
                                   "--name", "株式会社テスト精工",
                                   "--trade-name", "テスト精工",
                                   "--corporate-number", VALID_NUMBER,
                                   "--address", "架空県見本市1-2-3",
                                   "--contact-name", "見本 太郎",
                                   "--contact-email", "taro@example.jp");

  cli_test_assert_ok (run);
  g_assert_true (g_file_test (fixture->workspace, G_FILE_TEST_IS_REGULAR));
}

static JsonObject *
get_status (Fixture     *fixture,
            JsonParser **parser)
{
  g_autoptr(CliRun) run = cli_run ("status", fixture->workspace, "--json");

  cli_test_assert_ok (run);
  return cli_test_parse_new (run->out, parser);
}

static void
assert_counts (JsonObject *object,
               gint64      total,
               gint64      unanswered,
               gint64      met,
               gint64      not_met,
               gint64      na)
{
  g_assert_cmpint (json_object_get_int_member (object, "total"), ==, total);
  g_assert_cmpint (json_object_get_int_member (object, "unanswered"), ==, unanswered);
  g_assert_cmpint (json_object_get_int_member (object, "met"), ==, met);
  g_assert_cmpint (json_object_get_int_member (object, "not_met"), ==, not_met);
  g_assert_cmpint (json_object_get_int_member (object, "na"), ==, na);
}

/* ---- usage ------------------------------------------------------------- */

static void
test_usage (void)
{
  const char *commands[] = { "catalog info", "new", "info", "answer", "status",
                             "evidence add", "evidence list", "evidence extract", "audit" };

  {
    g_autoptr(CliRun) run = cli_run ("--help");

    cli_test_assert_ok (run);
    for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
      g_assert_nonnull (strstr (run->out, commands[i]));
  }
  {
    g_autoptr(CliRun) run = cli_run ("help");

    cli_test_assert_ok (run);
    for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
      g_assert_nonnull (strstr (run->out, commands[i]));
  }
  {
    g_autoptr(CliRun) run = cli_run ("help", "answer");

    cli_test_assert_ok (run);
    g_assert_nonnull (strstr (run->out, "--reason"));
  }
  {
    g_autoptr(CliRun) run = cli_run ("evidence", "add", "--help");

    /* it takes a criterion or a JC-STAR / SECURITY ACTION item */
    cli_test_assert_ok (run);
    g_assert_nonnull (strstr (run->out, "FILE CRITERION_OR_ITEM PATH…"));
    g_assert_null (strstr (run->out, "CRITERION_ID"));
  }
  {
    g_autoptr(CliRun) run = cli_run ("evidence", "list", "--help");

    cli_test_assert_ok (run);
    g_assert_nonnull (strstr (run->out, "--criterion=CRITERION_OR_ITEM"));
    g_assert_nonnull (strstr (run->out, "S1.1-08#1"));
  }
  {
    g_autoptr(CliRun) run = cli_test_run (&cli_options, (const char * const[]) { NULL });

    cli_test_assert_refused (run, "command");
  }
  {
    g_autoptr(CliRun) run = cli_run ("frobnicate");

    cli_test_assert_refused (run, "frobnicate");
  }
  {
    g_autoptr(CliRun) run = cli_run ("help", "frobnicate");

    cli_test_assert_refused (run, "frobnicate");
  }
  {
    g_autoptr(CliRun) run = cli_run ("catalog");

    cli_test_assert_refused (run, "catalog");
  }
  {
    g_autoptr(CliRun) run = cli_run ("catalog", "frob");

    cli_test_assert_refused (run, "frob");
  }
  {
    g_autoptr(CliRun) run = cli_run ("answer", "only-a-file.scsw");

    cli_test_assert_refused (run, "missing");
  }
  {
    g_autoptr(CliRun) run = cli_run ("info", "a.scsw", "b.scsw");

    cli_test_assert_refused (run, "b.scsw");
  }
  {
    g_autoptr(CliRun) run = cli_run ("status", "--bogus", "a.scsw");

    cli_test_assert_refused (run, "--bogus");
  }
  {
    g_autoptr(CliRun) run = cli_run ("audit", "--limit", "-1", "a.scsw");

    cli_test_assert_refused (run, "--limit");
  }
  {
    g_autoptr(CliRun) run = cli_run ("--version");

    cli_test_assert_ok (run);
    g_assert_true (g_str_has_prefix (run->out, "scs-cli "));
  }
}

/* ---- catalog ------------------------------------------------------------ */

static void
test_catalog_info_json (void)
{
  g_autoptr(CliRun) run = cli_run ("catalog", "info", "--json");
  g_autoptr(JsonParser) parser = NULL;
  JsonObject *root, *star3, *star4;
  JsonArray *categories;
  const char *sha256;
  gint64 sum_requirements = 0, sum_criteria = 0;

  cli_test_assert_ok (run);
  root = cli_test_parse_new (run->out, &parser);

  g_assert_cmpstr (json_object_get_string_member (root, "id"), !=, "");
  g_assert_cmpstr (json_object_get_string_member (root, "date"), ==, "2026-03-27");
  sha256 = json_object_get_string_member (root, "sha256");
  g_assert_cmpuint (strlen (sha256), ==, 64);
  for (const char *p = sha256; *p; p++)
    g_assert_true (g_ascii_isxdigit (*p));

  star3 = json_object_get_object_member (root, "star3");
  g_assert_cmpint (json_object_get_int_member (star3, "requirements"), ==, 26);
  g_assert_cmpint (json_object_get_int_member (star3, "criteria"), ==, 81);
  g_assert_true (json_object_get_boolean_member (star3, "criteria_complete"));

  star4 = json_object_get_object_member (root, "star4");
  g_assert_cmpint (json_object_get_int_member (star4, "requirements"), ==, 43);
  g_assert_cmpint (json_object_get_int_member (star4, "criteria"), ==, 81);
  g_assert_false (json_object_get_boolean_member (star4, "criteria_complete"));

  categories = json_object_get_array_member (root, "categories");
  g_assert_cmpuint (json_array_get_length (categories), ==, 7);
  for (guint i = 0; i < 7; i++)
    {
      JsonObject *category = json_array_get_object_element (categories, i);

      g_assert_cmpint (json_object_get_int_member (category, "number"), ==, i + 1);
      g_assert_cmpstr (json_object_get_string_member (category, "title_ja"), !=, "");
      g_assert_cmpstr (json_object_get_string_member (category, "title_en"), !=, "");
      sum_requirements += json_object_get_int_member (category, "requirements");
      sum_criteria += json_object_get_int_member (category, "criteria");
    }
  g_assert_cmpint (sum_requirements, ==, 43);
  g_assert_cmpint (sum_criteria, ==, 81);
}

static void
test_catalog_info_human (void)
{
  g_autoptr(CliRun) run = cli_run ("catalog", "info");

  cli_test_assert_ok (run);
  g_assert_nonnull (strstr (run->out, "2026-03-27"));
  g_assert_nonnull (strstr (run->out, "26 requirements, 81 criteria"));
  g_assert_nonnull (strstr (run->out, "43 requirements"));
  /* ★4 criteria are not in the built-in catalog, and it says where to get them. */
  g_assert_nonnull (strstr (run->out, "workbook"));
}

static void
test_catalog_show (void)
{
  {
    g_autoptr(CliRun) run = cli_run ("catalog", "show", "1-2-1-1", "--json");
    g_autoptr(JsonParser) parser = NULL;
    JsonObject *root;

    cli_test_assert_ok (run);
    root = cli_test_parse_new (run->out, &parser);
    g_assert_cmpstr (json_object_get_string_member (root, "kind"), ==, "criterion");
    g_assert_cmpstr (json_object_get_string_member (root, "id"), ==, "1-2-1-1");
    g_assert_cmpint (json_object_get_int_member (root, "level"), ==, 3);
    g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (root, "category"),
                                                 "number"), ==, 1);
    g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (root, "requirement"),
                                                    "id"), ==, "1-2-1");
    g_assert_cmpstr (json_object_get_string_member (root, "text_ja"), !=, "");
    g_assert_cmpstr (json_object_get_string_member (root, "text_en"), !=, "");
  }
  {
    g_autoptr(CliRun) run = cli_run ("catalog", "show", "1-2-1", "--json");
    g_autoptr(JsonParser) parser = NULL;
    JsonObject *root;

    cli_test_assert_ok (run);
    root = cli_test_parse_new (run->out, &parser);
    g_assert_cmpstr (json_object_get_string_member (root, "kind"), ==, "requirement");
    g_assert_true (json_object_get_boolean_member (root, "criteria_known"));
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "criteria")), ==, 3);
  }
  {
    g_autoptr(CliRun) run = cli_run ("catalog", "show", "9-9-9-9");

    cli_test_assert_refused (run, "9-9-9-9");
  }
}

static void
test_catalog_validate (Fixture       *fixture,
                       gconstpointer  data)
{
  const char *source_dir = g_getenv ("SCS_SOURCE_DIR");
  g_autofree char *builtin = NULL;
  g_autofree char *invalid = fixture_path (fixture, "invalid.xml");
  g_autofree char *broken = fixture_path (fixture, "broken.xml");
  g_autofree char *missing = fixture_path (fixture, "missing.xml");

  g_assert_nonnull (source_dir);
  builtin = g_build_filename (source_dir, "data", "catalog", "scs-star3-2026-03-27.xml", NULL);
  core_test_write_file (invalid, "<?xml version=\"1.0\"?><catalog/>", -1);
  core_test_write_file (broken, "<?xml version=\"1.0\"?><catalog", -1);

  {
    g_autoptr(CliRun) run = cli_run ("catalog", "validate", builtin, "--json");
    g_autoptr(JsonParser) parser = NULL;
    JsonObject *root;

    cli_test_assert_ok (run);
    root = cli_test_parse_new (run->out, &parser);
    g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (root, "star3"), "criteria"), ==, 81);
  }
  {
    /* A catalog that breaks the schema or is not XML: the check failed, 1. */
    g_autoptr(CliRun) run = cli_run ("catalog", "validate", invalid);
    g_autoptr(CliRun) run2 = cli_run ("catalog", "validate", broken);

    g_assert_cmpint (run->status, ==, 1);
    g_assert_nonnull (strstr (run->err, "invalid.xml"));
    g_assert_cmpint (run2->status, ==, 1);
    g_assert_nonnull (strstr (run2->err, "broken.xml"));
  }
  {
    g_autoptr(CliRun) run = cli_run ("catalog", "validate", missing);

    cli_test_assert_refused (run, "missing.xml");
  }
}

/* ---- new ---------------------------------------------------------------- */

static void
test_new_refusals (Fixture       *fixture,
                   gconstpointer  data)
{
  struct
  {
    const char *number;
    const char *needle;
  } bad[] = {
    { BAD_CHECK_NUMBER, BAD_CHECK_NUMBER },
    { SHORT_NUMBER, SHORT_NUMBER },
    { "71234567890AB", "71234567890AB" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(CliRun) run = cli_run ("new", fixture->workspace, "--name", "株式会社テスト",
                                       "--corporate-number", bad[i].number);

      cli_test_assert_refused (run, bad[i].needle);
      g_assert_nonnull (strstr (run->err, "orporate number"));
      g_assert_false (g_file_test (fixture->workspace, G_FILE_TEST_EXISTS));
    }

  {
    g_autoptr(CliRun) run = cli_run ("new", fixture->workspace, "--name", "株式会社テスト");

    cli_test_assert_refused (run, "--corporate-number");
    g_assert_false (g_file_test (fixture->workspace, G_FILE_TEST_EXISTS));
  }
  {
    g_autoptr(CliRun) run = cli_run ("new", fixture->workspace, "--corporate-number", VALID_NUMBER);

    cli_test_assert_refused (run, "--name");
    g_assert_false (g_file_test (fixture->workspace, G_FILE_TEST_EXISTS));
  }
  {
    g_autoptr(CliRun) run = cli_run ("new", fixture->workspace, "--name", "株式会社テスト",
                                     "--corporate-number", VALID_NUMBER, "--level", "5");

    cli_test_assert_refused (run, "--level");
    g_assert_false (g_file_test (fixture->workspace, G_FILE_TEST_EXISTS));
  }
  {
    g_autoptr(CliRun) run = cli_run ("new", fixture->workspace, "--name", "テスト商店",
                                     "--sole-proprietor", "--corporate-number", VALID_NUMBER);

    cli_test_assert_refused (run, "--sole-proprietor");
    g_assert_false (g_file_test (fixture->workspace, G_FILE_TEST_EXISTS));
  }

  /* An existing file, workspace or not, is never overwritten. */
  create_workspace (fixture);
  {
    g_autofree char *before = core_test_file_sha256 (fixture->workspace);
    g_autoptr(CliRun) run = cli_run ("new", fixture->workspace, "--name", "別会社",
                                     "--corporate-number", VALID_NUMBER);

    cli_test_assert_refused (run, fixture->workspace);
    cli_test_assert_unchanged (fixture->workspace, before);
  }
}

static void
test_new_variants (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *sole = fixture_path (fixture, "sole.scsw");
  g_autofree char *grouped = fixture_path (fixture, "grouped.scsw");

  {
    g_autoptr(CliRun) run = cli_run ("new", sole, "--name", "見本商店", "--sole-proprietor", "--level", "4");
    g_autoptr(CliRun) info = NULL;
    g_autoptr(JsonParser) parser = NULL;
    JsonObject *root, *org;

    cli_test_assert_ok (run);
    info = cli_run ("info", sole, "--json");
    cli_test_assert_ok (info);
    root = cli_test_parse_new (info->out, &parser);
    org = json_object_get_object_member (root, "organization");
    g_assert_true (json_object_get_boolean_member (org, "sole_proprietor"));
    g_assert_true (json_object_get_null_member (org, "corporate_number"));
    g_assert_cmpint (json_object_get_int_member (root, "target_level"), ==, 4);
  }
  {
    /* Grouped and full-width digits, as copied from a web page, are stored normalised. */
    g_autoptr(CliRun) run = cli_run ("new", grouped, "--name", "株式会社テスト",
                                     "--corporate-number", "７１２３-４５６７-８９０１２");
    g_autoptr(CliRun) info = NULL;
    g_autoptr(JsonParser) parser = NULL;
    JsonObject *org;

    cli_test_assert_ok (run);
    info = cli_run ("info", grouped, "--json");
    cli_test_assert_ok (info);
    org = json_object_get_object_member (cli_test_parse_new (info->out, &parser), "organization");
    g_assert_cmpstr (json_object_get_string_member (org, "corporate_number"), ==, VALID_NUMBER);
  }
}

/* ---- info --------------------------------------------------------------- */

static void
test_info (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(CliRun) catalog_run = cli_run ("catalog", "info", "--json");
  g_autoptr(JsonParser) catalog_parser = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(CliRun) run = NULL;
  g_autoptr(CliRun) human = NULL;
  JsonObject *catalog, *root, *org, *embedded, *answers;

  cli_test_assert_ok (catalog_run);
  catalog = cli_test_parse_new (catalog_run->out, &catalog_parser);

  create_workspace (fixture);
  run = cli_run ("info", fixture->workspace, "--json");
  cli_test_assert_ok (run);
  root = cli_test_parse_new (run->out, &parser);

  g_assert_cmpstr (json_object_get_string_member (root, "file"), ==, fixture->workspace);
  org = json_object_get_object_member (root, "organization");
  g_assert_cmpstr (json_object_get_string_member (org, "name"), ==, "株式会社テスト精工");
  g_assert_cmpstr (json_object_get_string_member (org, "trade_name"), ==, "テスト精工");
  g_assert_false (json_object_get_boolean_member (org, "sole_proprietor"));
  g_assert_cmpstr (json_object_get_string_member (org, "corporate_number"), ==, VALID_NUMBER);
  g_assert_cmpstr (json_object_get_string_member (org, "address"), ==, "架空県見本市1-2-3");
  g_assert_cmpstr (json_object_get_string_member (org, "contact_name"), ==, "見本 太郎");
  g_assert_cmpstr (json_object_get_string_member (org, "contact_email"), ==, "taro@example.jp");

  /* The workspace records the catalog it is answered against. */
  embedded = json_object_get_object_member (root, "catalog");
  g_assert_cmpstr (json_object_get_string_member (embedded, "id"), ==,
                   json_object_get_string_member (catalog, "id"));
  g_assert_cmpstr (json_object_get_string_member (embedded, "date"), ==, "2026-03-27");
  g_assert_cmpstr (json_object_get_string_member (embedded, "sha256"), ==,
                   json_object_get_string_member (catalog, "sha256"));

  g_assert_cmpint (json_object_get_int_member (root, "target_level"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (root, "cycle"), ==, 0);
  g_assert_true (g_str_has_prefix (json_object_get_string_member (root, "created"), "20"));
  answers = json_object_get_object_member (root, "answers");
  assert_counts (answers, 81, 81, 0, 0, 0);
  g_assert_cmpint (json_object_get_int_member (root, "evidence"), ==, 0);

  human = cli_run ("info", fixture->workspace);
  cli_test_assert_ok (human);
  g_assert_nonnull (strstr (human->out, "株式会社テスト精工"));
  g_assert_nonnull (strstr (human->out, VALID_NUMBER));
  g_assert_nonnull (strstr (human->out, "0 of 81 answered"));
}

/* ---- answer and status -------------------------------------------------- */

static gint64
star3_criteria_in_category (guint number)
{
  g_autoptr(CliRun) run = cli_run ("catalog", "info", "--json");
  g_autoptr(JsonParser) parser = NULL;
  JsonArray *categories;

  cli_test_assert_ok (run);
  categories = json_object_get_array_member (cli_test_parse_new (run->out, &parser), "categories");

  return json_object_get_int_member (json_array_get_object_element (categories, number - 1),
                                     "star3_criteria");
}

static void
test_answer_status (Fixture       *fixture,
                    gconstpointer  data)
{
  gint64 n1 = star3_criteria_in_category (1);
  gint64 n2 = star3_criteria_in_category (2);
  gint64 n7 = star3_criteria_in_category (7);
  JsonObject *root, *levels;
  JsonArray *categories;

  g_assert_cmpint (n1, >=, 3);

  create_workspace (fixture);
  {
    g_autoptr(CliRun) a = cli_run ("answer", fixture->workspace, "1-2-1-1", "met", "--note", "規程第3条で定めている");
    g_autoptr(CliRun) b = cli_run ("answer", fixture->workspace, "1-2-1-2", "met");
    g_autoptr(CliRun) c = cli_run ("answer", fixture->workspace, "1-2-1-3", "not-met");
    g_autoptr(CliRun) d = cli_run ("answer", fixture->workspace, "2-1-1-1", "na", "--reason", "外部委託先がない");
    g_autoptr(CliRun) e = cli_run ("answer", fixture->workspace, "7-1-1-1", "met");

    cli_test_assert_ok (a);
    g_assert_nonnull (strstr (a->out, "1-2-1-1"));
    cli_test_assert_ok (b);
    cli_test_assert_ok (c);
    cli_test_assert_ok (d);
    cli_test_assert_ok (e);
  }

  {
    g_autoptr(JsonParser) parser = NULL;

    root = get_status (fixture, &parser);
    g_assert_cmpstr (json_object_get_string_member (root, "file"), ==, fixture->workspace);
    g_assert_cmpint (json_object_get_int_member (root, "target_level"), ==, 3);

    categories = json_object_get_array_member (root, "categories");
    g_assert_cmpuint (json_array_get_length (categories), ==, 7);
    assert_counts (json_array_get_object_element (categories, 0), n1, n1 - 3, 2, 1, 0);
    assert_counts (json_array_get_object_element (categories, 1), n2, n2 - 1, 0, 0, 1);
    assert_counts (json_array_get_object_element (categories, 6), n7, n7 - 1, 1, 0, 0);
    g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (categories, 0), "number"), ==, 1);

    levels = json_object_get_object_member (root, "levels");
    assert_counts (json_object_get_object_member (levels, "3"), 81, 76, 3, 1, 1);
    g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (levels, "3"), "satisfied"), ==, 4);
    g_assert_false (json_object_get_boolean_member (json_object_get_object_member (levels, "3"), "ready"));
    assert_counts (json_object_get_object_member (levels, "4"), 81, 76, 3, 1, 1);
    g_assert_false (json_object_get_boolean_member (json_object_get_object_member (levels, "4"), "ready"));
    g_assert_false (json_object_get_boolean_member (json_object_get_object_member (levels, "4"),
                                                    "criteria_complete"));
    g_assert_false (json_object_get_boolean_member (root, "ready_star3"));
    g_assert_false (json_object_get_boolean_member (root, "ready_star4"));
  }

  /* Back to unanswered, and the counts follow. */
  {
    g_autoptr(CliRun) run = cli_run ("answer", fixture->workspace, "1-2-1-3", "unanswered");
    g_autoptr(JsonParser) parser = NULL;

    cli_test_assert_ok (run);
    root = get_status (fixture, &parser);
    categories = json_object_get_array_member (root, "categories");
    assert_counts (json_array_get_object_element (categories, 0), n1, n1 - 2, 2, 0, 0);
  }

  {
    g_autoptr(CliRun) run = cli_run ("status", fixture->workspace);

    cli_test_assert_ok (run);
    g_assert_nonnull (strstr (run->out, "Ready for ★3: no — 77 of 81 criteria"));
    g_assert_nonnull (strstr (run->out, "Ready for ★4: no"));
    g_assert_nonnull (strstr (run->out, "workbook"));
  }
}

static void
test_ready (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(CliRun) list = cli_run ("catalog", "list", "--level", "3", "--json");
  g_autoptr(JsonParser) list_parser = NULL;
  g_autoptr(JsonParser) parser = NULL;
  JsonArray *criteria, *categories;
  JsonObject *root;
  guint n = 0;

  cli_test_assert_ok (list);
  criteria = json_object_get_array_member (cli_test_parse_new (list->out, &list_parser), "criteria");
  g_assert_cmpuint (json_array_get_length (criteria), ==, 81);

  create_workspace (fixture);

  /* Every ★3 criterion answered: 81 runs, each its own durable transaction. */
  for (guint i = 0; i < json_array_get_length (criteria); i++)
    {
      JsonObject *criterion = json_array_get_object_element (criteria, i);
      const char *id = json_object_get_string_member (criterion, "id");
      g_autoptr(CliRun) run = NULL;

      g_assert_cmpint (json_object_get_int_member (criterion, "level"), ==, 3);
      /* One justified not-applicable counts as ready, too. */
      if (n == 0)
        run = cli_run ("answer", fixture->workspace, id, "na", "--reason", "該当する業務がない");
      else
        run = cli_run ("answer", fixture->workspace, id, "met");
      cli_test_assert_ok (run);
      n++;

      /* Not ready until the very last one. */
      if (n == 80)
        {
          g_autoptr(JsonParser) status_parser = NULL;

          g_assert_false (json_object_get_boolean_member (get_status (fixture, &status_parser), "ready_star3"));
        }
    }
  g_assert_cmpuint (n, ==, 81);

  root = get_status (fixture, &parser);
  categories = json_object_get_array_member (root, "categories");
  g_assert_cmpuint (json_array_get_length (categories), ==, 7);
  assert_counts (json_object_get_object_member (json_object_get_object_member (root, "levels"), "3"),
                 81, 0, 80, 0, 1);
  g_assert_true (json_object_get_boolean_member (root, "ready_star3"));
  /* ★4 stays out of reach while the catalog lacks its criteria. */
  g_assert_false (json_object_get_boolean_member (root, "ready_star4"));

  {
    g_autoptr(CliRun) run = cli_run ("status", fixture->workspace);

    cli_test_assert_ok (run);
    g_assert_nonnull (strstr (run->out, "Ready for ★3: yes"));
  }
}

/* Japanese category titles must line up: every line of the table has the
 * same display width, wide characters counting two columns. */
static guint
display_width (const char *text)
{
  guint width = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_iszerowidth (c))
        width += g_unichar_iswide (c) ? 2 : 1;
    }

  return width;
}

static void
test_status_table_aligned (Fixture       *fixture,
                           gconstpointer  data)
{
  const char *languages[] = { "SCS_LANGUAGE=ja", "SCS_LANGUAGE=en" };

  create_workspace (fixture);

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      const char *env[] = { languages[l], NULL };
      g_autoptr(CliRun) run = cli_run_env (env, "status", fixture->workspace);
      g_auto(GStrv) lines = NULL;
      guint first = 0, width = 0, n_rows = 0;

      cli_test_assert_ok (run);
      lines = g_strsplit (run->out, "\n", -1);

      /* The table is the paragraph after the first blank line. */
      while (lines[first] != NULL && lines[first][0] != '\0')
        first++;
      g_assert_nonnull (lines[first]);
      first++;
      width = display_width (lines[first]);
      g_assert_cmpuint (width, >, 20);
      for (guint i = first; lines[i] != NULL && lines[i][0] != '\0'; i++)
        {
          if (display_width (lines[i]) != width)
            g_error ("status table line %u is %u columns wide, not %u:\n%s",
                     i, display_width (lines[i]), width, run->out);
          n_rows++;
        }
      /* header, rule, 7 categories, rule, ★3, ★4 */
      g_assert_cmpuint (n_rows, ==, 12);
    }
}

static void
test_answer_refusals (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *before = NULL;
  g_autofree char *missing = fixture_path (fixture, "missing.scsw");

  create_workspace (fixture);
  before = core_test_file_sha256 (fixture->workspace);

  {
    g_autoptr(CliRun) run = cli_run ("answer", fixture->workspace, "9-9-9-9", "met");

    cli_test_assert_refused (run, "9-9-9-9");
    cli_test_assert_unchanged (fixture->workspace, before);
  }
  {
    g_autoptr(CliRun) run = cli_run ("answer", fixture->workspace, "1-2-x", "met");

    cli_test_assert_refused (run, "1-2-x");
    cli_test_assert_unchanged (fixture->workspace, before);
  }
  {
    g_autoptr(CliRun) run = cli_run ("answer", fixture->workspace, "1-2-1-1", "done");

    cli_test_assert_refused (run, "done");
    cli_test_assert_unchanged (fixture->workspace, before);
  }
  {
    g_autoptr(CliRun) run = cli_run ("answer", fixture->workspace, "1-2-1-1", "na");

    cli_test_assert_refused (run, "1-2-1-1");
    g_assert_nonnull (strstr (run->err, "reason"));
    cli_test_assert_unchanged (fixture->workspace, before);
  }
  {
    g_autoptr(CliRun) run = cli_run ("answer", fixture->workspace, "1-2-1-1", "na", "--reason", " \t ");

    cli_test_assert_refused (run, "reason");
    cli_test_assert_unchanged (fixture->workspace, before);
  }
  {
    /* Answering into a file that does not exist must not create it. */
    g_autoptr(CliRun) run = cli_run ("answer", missing, "1-2-1-1", "met");

    cli_test_assert_refused (run, "missing.scsw");
    g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  }

  /* Nothing got in through any of that. */
  {
    g_autoptr(JsonParser) parser = NULL;
    JsonObject *root = get_status (fixture, &parser);

    assert_counts (json_object_get_object_member (json_object_get_object_member (root, "levels"), "3"),
                   81, 81, 0, 0, 0);
  }

  /* A reason given once is kept: na again without --reason is fine. */
  {
    g_autoptr(CliRun) first = cli_run ("answer", fixture->workspace, "1-2-1-1", "na", "--reason", "役員が1名のみ");
    g_autoptr(CliRun) again = cli_run ("answer", fixture->workspace, "1-2-1-1", "na", "--note", "再確認済み", "--json");
    g_autoptr(JsonParser) parser = NULL;
    JsonObject *answer;

    cli_test_assert_ok (first);
    cli_test_assert_ok (again);
    answer = cli_test_parse_new (again->out, &parser);
    g_assert_cmpstr (json_object_get_string_member (answer, "state"), ==, "na");
    g_assert_cmpstr (json_object_get_string_member (answer, "reason"), ==, "役員が1名のみ");
    g_assert_cmpstr (json_object_get_string_member (answer, "note"), ==, "再確認済み");
  }
}

static void
test_not_a_workspace (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *text = fixture_path (fixture, "notes.scsw");
  g_autofree char *foreign = fixture_path (fixture, "other-app.db");
  g_autofree char *text_before = NULL;
  g_autofree char *foreign_before = NULL;
  const char *subcommands[][2] = { { "info", NULL }, { "status", NULL }, { "evidence", "list" }, { "audit", NULL } };
  sqlite3 *db = NULL;

  core_test_write_file (text, "これはワークスペースではありません\n", -1);
  text_before = core_test_file_sha256 (text);

  g_assert_cmpint (sqlite3_open (foreign, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE t (x); INSERT INTO t VALUES (1);", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  foreign_before = core_test_file_sha256 (foreign);

  for (guint i = 0; i < G_N_ELEMENTS (subcommands); i++)
    {
      g_autoptr(CliRun) a = NULL;
      g_autoptr(CliRun) b = NULL;

      if (subcommands[i][1] == NULL)
        {
          a = cli_run (subcommands[i][0], text);
          b = cli_run (subcommands[i][0], foreign);
        }
      else
        {
          a = cli_run (subcommands[i][0], subcommands[i][1], text);
          b = cli_run (subcommands[i][0], subcommands[i][1], foreign);
        }
      cli_test_assert_refused (a, "notes.scsw");
      cli_test_assert_refused (b, "other-app.db");
    }

  {
    g_autoptr(CliRun) run = cli_run ("answer", text, "1-2-1-1", "met");

    cli_test_assert_refused (run, "notes.scsw");
  }
  {
    g_autoptr(CliRun) run = cli_run ("answer", foreign, "1-2-1-1", "met");

    cli_test_assert_refused (run, "other-app.db");
  }

  cli_test_assert_unchanged (text, text_before);
  cli_test_assert_unchanged (foreign, foreign_before);
}

/* ---- evidence ----------------------------------------------------------- */

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

static void
test_evidence_round_trip (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *text_path = fixture_path (fixture, "セキュリティ方針.txt");
  g_autofree char *binary_path = fixture_path (fixture, "inventory.bin");
  g_autofree char *out_full = fixture_path (fixture, "out-full");
  g_autofree char *out_prefix = fixture_path (fixture, "out-prefix");
  g_autofree char *text_sha = NULL;
  g_autofree char *binary_sha = NULL;
  g_autofree char *prefix = NULL;
  guint8 binary[4096];
  const char *text = "情報セキュリティ基本方針\n第1条 目的\n";

  for (guint i = 0; i < sizeof binary; i++)
    binary[i] = (guint8) ((i * 131 + 7) ^ (i >> 3));
  binary[10] = 0;
  core_test_write_file (text_path, text, strlen (text));
  core_test_write_file (binary_path, (const char *) binary, sizeof binary);
  text_sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) text, strlen (text));
  binary_sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, binary, sizeof binary);

  create_workspace (fixture);
  {
    g_autoptr(CliRun) run = cli_run ("evidence", "add", fixture->workspace, "1-2-1-1",
                                     text_path, binary_path, "--json");
    g_autoptr(JsonParser) parser = NULL;
    JsonArray *added;

    cli_test_assert_ok (run);
    added = json_object_get_array_member (cli_test_parse_new (run->out, &parser), "added");
    g_assert_cmpuint (json_array_get_length (added), ==, 2);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (added, 0), "sha256"), ==, text_sha);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (added, 1), "sha256"), ==, binary_sha);
  }
  {
    /* The same bytes linked to a second criterion are stored once. */
    g_autoptr(CliRun) run = cli_run ("evidence", "add", fixture->workspace, "1-2-1-2", text_path);

    cli_test_assert_ok (run);
  }

  {
    g_autoptr(CliRun) run = cli_run ("evidence", "list", fixture->workspace, "--json");
    g_autoptr(JsonParser) parser = NULL;
    JsonArray *evidence;
    gboolean seen_text = FALSE, seen_binary = FALSE;

    cli_test_assert_ok (run);
    evidence = json_object_get_array_member (cli_test_parse_new (run->out, &parser), "evidence");
    g_assert_cmpuint (json_array_get_length (evidence), ==, 2);
    for (guint i = 0; i < 2; i++)
      {
        JsonObject *item = json_array_get_object_element (evidence, i);
        const char *sha = json_object_get_string_member (item, "sha256");
        JsonArray *criteria = json_object_get_array_member (item, "criteria");

        g_assert_cmpstr (json_object_get_string_member (item, "mime_type"), !=, "");
        if (g_str_equal (sha, text_sha))
          {
            seen_text = TRUE;
            g_assert_cmpstr (json_object_get_string_member (item, "name"), ==, "セキュリティ方針.txt");
            g_assert_cmpint (json_object_get_int_member (item, "size"), ==, strlen (text));
            g_assert_cmpuint (json_array_get_length (criteria), ==, 2);
          }
        else
          {
            g_assert_cmpstr (sha, ==, binary_sha);
            seen_binary = TRUE;
            g_assert_cmpstr (json_object_get_string_member (item, "name"), ==, "inventory.bin");
            g_assert_cmpint (json_object_get_int_member (item, "size"), ==, sizeof binary);
            g_assert_cmpuint (json_array_get_length (criteria), ==, 1);
            g_assert_cmpstr (json_array_get_string_element (criteria, 0), ==, "1-2-1-1");
          }
      }
    g_assert_true (seen_text && seen_binary);
  }
  {
    g_autoptr(CliRun) run = cli_run ("evidence", "list", fixture->workspace, "--criterion", "1-2-1-2", "--json");
    g_autoptr(JsonParser) parser = NULL;

    cli_test_assert_ok (run);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (cli_test_parse_new (run->out, &parser),
                                                                           "evidence")), ==, 1);
  }
  {
    g_autoptr(CliRun) run = cli_run ("evidence", "list", fixture->workspace);

    cli_test_assert_ok (run);
    g_assert_nonnull (strstr (run->out, "セキュリティ方針.txt"));
    g_assert_nonnull (strstr (run->out, "inventory.bin"));
  }
  {
    g_autoptr(CliRun) run = cli_run ("info", fixture->workspace, "--json");
    g_autoptr(JsonParser) parser = NULL;

    cli_test_assert_ok (run);
    g_assert_cmpint (json_object_get_int_member (cli_test_parse_new (run->out, &parser), "evidence"), ==, 2);
  }

  /* Out again, byte for byte: by full hash, by a prefix, and to stdout. */
  {
    g_autoptr(CliRun) run = cli_run ("evidence", "extract", fixture->workspace, binary_sha, out_full);
    g_autoptr(GBytes) expected = g_bytes_new_static (binary, sizeof binary);
    g_autoptr(GBytes) got = NULL;

    cli_test_assert_ok (run);
    got = read_bytes (out_full);
    g_assert_true (g_bytes_equal (got, expected));
  }
  {
    g_autoptr(CliRun) run = NULL;
    g_autoptr(GBytes) got = NULL;

    prefix = g_ascii_strup (text_sha, 8);
    run = cli_run ("evidence", "extract", fixture->workspace, prefix, out_prefix);
    cli_test_assert_ok (run);
    got = read_bytes (out_prefix);
    g_assert_cmpmem (g_bytes_get_data (got, NULL), g_bytes_get_size (got), text, strlen (text));
  }
  {
    g_autoptr(CliRun) run = cli_run ("evidence", "extract", fixture->workspace, binary_sha, "-");
    g_autoptr(GBytes) expected = g_bytes_new_static (binary, sizeof binary);

    cli_test_assert_ok (run);
    g_assert_true (g_bytes_equal (run->out_bytes, expected));
  }

  /* Never over an existing file, unless --force. */
  {
    g_autofree char *out_before = core_test_file_sha256 (out_prefix);
    g_autoptr(CliRun) run = cli_run ("evidence", "extract", fixture->workspace, binary_sha, out_prefix);
    g_autoptr(CliRun) forced = NULL;
    g_autoptr(GBytes) expected = g_bytes_new_static (binary, sizeof binary);
    g_autoptr(GBytes) got = NULL;

    cli_test_assert_refused (run, "out-prefix");
    cli_test_assert_unchanged (out_prefix, out_before);

    forced = cli_run ("evidence", "extract", "--force", fixture->workspace, binary_sha, out_prefix);
    cli_test_assert_ok (forced);
    got = read_bytes (out_prefix);
    g_assert_true (g_bytes_equal (got, expected));
  }

  /* Bad hashes. */
  {
    g_autofree char *before = core_test_file_sha256 (fixture->workspace);
    g_autofree char *out = fixture_path (fixture, "never");
    g_autofree char *seven = g_strndup (text_sha, 7);
    const char *unknown = g_str_has_prefix (text_sha, "00000000") || g_str_has_prefix (binary_sha, "00000000")
                          ? "ffffffff" : "00000000";
    g_autoptr(CliRun) short_run = cli_run ("evidence", "extract", fixture->workspace, seven, out);
    g_autoptr(CliRun) hex_run = cli_run ("evidence", "extract", fixture->workspace, "not-a-hash", out);
    g_autoptr(CliRun) unknown_run = cli_run ("evidence", "extract", fixture->workspace, unknown, out);

    cli_test_assert_refused (short_run, seven);
    cli_test_assert_refused (hex_run, "not-a-hash");
    cli_test_assert_refused (unknown_run, unknown);
    g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
    cli_test_assert_unchanged (fixture->workspace, before);
  }
}


/* Issue 16: the organisation's details can be changed after creation:
 * only what is given changes, an empty value clears an optional field, the
 * audit log has old → new per field, a wrong check digit is refused with
 * exit 2 and nothing written. (After signing: test-cli-seal.) */
static void
test_org (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(JsonParser) audit_parser = NULL;
  g_autofree char *before = NULL;
  JsonObject *org;
  JsonArray *entries;
  gboolean address_seen = FALSE;

  create_workspace (fixture);
  {
    g_autoptr(CliRun) run = cli_run ("org", "set", fixture->workspace, "--address", "東京都千代田区霞が関1-3-1",
                                     "--contact", "佐藤 次郎", "--contact-email", "",
                                     "--corporate-number", "7000012050002");

    cli_test_assert_ok (run);
    g_assert_nonnull (strstr (run->out, "東京都千代田区霞が関1-3-1"));
  }
  {
    g_autoptr(CliRun) run = cli_run ("org", "show", fixture->workspace, "--json");

    cli_test_assert_ok (run);
    org = cli_test_parse_new (run->out, &parser);
    g_assert_cmpstr (json_object_get_string_member (org, "name"), ==, "株式会社テスト精工");
    g_assert_cmpstr (json_object_get_string_member (org, "address"), ==, "東京都千代田区霞が関1-3-1");
    g_assert_cmpstr (json_object_get_string_member (org, "contact_name"), ==, "佐藤 次郎");
    g_assert_cmpstr (json_object_get_string_member (org, "corporate_number"), ==, "7000012050002");
    g_assert_true (json_object_get_null_member (org, "contact_email"));
  }
  {
    g_autoptr(CliRun) run = cli_run ("audit", fixture->workspace, "--json");

    cli_test_assert_ok (run);
    entries = json_object_get_array_member (cli_test_parse_new (run->out, &audit_parser), "entries");
    for (guint i = 0; i < json_array_get_length (entries); i++)
      {
        JsonObject *entry = json_array_get_object_element (entries, i);

        if (g_strcmp0 (json_object_get_string_member (entry, "action"), "organization") == 0 &&
            g_strcmp0 (json_object_get_string_member (entry, "target"), "address") == 0)
          {
            g_assert_cmpstr (json_object_get_string_member (entry, "old"), ==, "架空県見本市1-2-3");
            g_assert_cmpstr (json_object_get_string_member (entry, "new"), ==, "東京都千代田区霞が関1-3-1");
            address_seen = TRUE;
          }
      }
    g_assert_true (address_seen);
  }

  before = core_test_file_sha256 (fixture->workspace);
  {
    g_autoptr(CliRun) run = cli_run ("org", "set", fixture->workspace, "--corporate-number", BAD_CHECK_NUMBER);

    cli_test_assert_refused (run, BAD_CHECK_NUMBER);
    cli_test_assert_unchanged (fixture->workspace, before);
  }
  {
    g_autoptr(CliRun) run = cli_run ("org", "set", fixture->workspace, "--name", "");

    cli_test_assert_refused (run, NULL);
    cli_test_assert_unchanged (fixture->workspace, before);
  }
  {
    g_autoptr(CliRun) run = cli_run ("org", "set", fixture->workspace);

    cli_test_assert_refused (run, "--name");
    cli_test_assert_unchanged (fixture->workspace, before);
  }
}

static void
test_evidence_refusals (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *good = fixture_path (fixture, "good.csv");
  g_autofree char *missing = fixture_path (fixture, "missing.pdf");
  g_autofree char *in_missing_dir = fixture_path (fixture, "no-such-dir/policy.pdf");
  g_autofree char *before = NULL;

  core_test_write_file (good, "資産名,管理者\nノートPC,総務部\n", -1);
  create_workspace (fixture);
  before = core_test_file_sha256 (fixture->workspace);

  {
    /* One bad path in the list: nothing is added, not even the good one. */
    g_autoptr(CliRun) run = cli_run ("evidence", "add", fixture->workspace, "1-2-1-1", good, missing);

    cli_test_assert_refused (run, "missing.pdf");
    cli_test_assert_unchanged (fixture->workspace, before);
  }
  {
    /* A path that cannot be read (tests may run as root, so no chmod 000). */
    g_autoptr(CliRun) run = cli_run ("evidence", "add", fixture->workspace, "1-2-1-1", good, fixture->dir);

    cli_test_assert_refused (run, fixture->dir);
    g_assert_nonnull (strstr (run->err, "directory"));
    cli_test_assert_unchanged (fixture->workspace, before);
  }
  {
    g_autoptr(CliRun) run = cli_run ("evidence", "add", fixture->workspace, "1-2-1-1", in_missing_dir);

    cli_test_assert_refused (run, "no-such-dir/policy.pdf");
    cli_test_assert_unchanged (fixture->workspace, before);
  }
  {
    /* Over the per-file limit: refused at once with the number (a sparse
     * file, never read), not when an export fails later. */
    g_autofree char *big = fixture_path (fixture, "video.mp4");
    FILE *f = fopen (big, "w");
    g_autoptr(CliRun) run = NULL;

    g_assert_nonnull (f);
    g_assert_cmpint (ftruncate (fileno (f), (off_t) SCS_EVIDENCE_MAX_SIZE + 1), ==, 0);
    fclose (f);
    run = cli_run ("evidence", "add", fixture->workspace, "1-2-1-1", good, big);
    cli_test_assert_refused (run, "video.mp4");
    g_assert_nonnull (strstr (run->err, "256.0\u00a0MiB"));
    cli_test_assert_unchanged (fixture->workspace, before);
    g_unlink (big);
  }
  {
    g_autoptr(CliRun) run = cli_run ("evidence", "add", fixture->workspace, "9-9-9-9", good);

    cli_test_assert_refused (run, "9-9-9-9");
    cli_test_assert_unchanged (fixture->workspace, before);
  }
  {
    g_autoptr(CliRun) run = cli_run ("evidence", "add", fixture->workspace, "1-2-1-1");

    cli_test_assert_refused (run, "missing");
    cli_test_assert_unchanged (fixture->workspace, before);
  }
  {
    g_autoptr(CliRun) run = cli_run ("evidence", "list", fixture->workspace, "--json");
    g_autoptr(JsonParser) parser = NULL;

    cli_test_assert_ok (run);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (cli_test_parse_new (run->out, &parser),
                                                                           "evidence")), ==, 0);
  }
}

/* ---- audit and attribution ---------------------------------------------- */

static void
test_audit_actor (Fixture       *fixture,
                  gconstpointer  data)
{
  const char *env[] = { "SCS_ACTOR=環境 花子", NULL };
  g_autoptr(CliRun) global = NULL;
  g_autoptr(CliRun) local = NULL;
  g_autoptr(CliRun) from_env = NULL;
  g_autoptr(CliRun) audit = NULL;
  g_autoptr(CliRun) limited = NULL;
  g_autoptr(CliRun) human = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(JsonParser) limited_parser = NULL;
  JsonArray *entries;
  const char *expected[][2] = {
    { "1-2-1-3", "環境 花子" },
    { "1-2-1-2", "Local Actor" },
    { "1-2-1-1", "Global Actor" },
  };

  create_workspace (fixture);
  global = cli_run ("--actor", "Global Actor", "answer", fixture->workspace, "1-2-1-1", "met");
  cli_test_assert_ok (global);
  local = cli_run_env (env, "answer", "--actor", "Local Actor", fixture->workspace, "1-2-1-2", "met");
  cli_test_assert_ok (local);
  from_env = cli_run_env (env, "answer", fixture->workspace, "1-2-1-3", "not-met");
  cli_test_assert_ok (from_env);

  audit = cli_run ("audit", fixture->workspace, "--json");
  cli_test_assert_ok (audit);
  entries = json_object_get_array_member (cli_test_parse_new (audit->out, &parser), "entries");
  g_assert_cmpuint (json_array_get_length (entries), >=, 3);

  /* Newest first. */
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      JsonObject *entry = json_array_get_object_element (entries, i);

      g_assert_cmpstr (json_object_get_string_member (entry, "target"), ==, expected[i][0]);
      g_assert_cmpstr (json_object_get_string_member (entry, "actor"), ==, expected[i][1]);
      g_assert_cmpstr (json_object_get_string_member (entry, "time"), !=, "");
      g_assert_cmpstr (json_object_get_string_member (entry, "action"), !=, "");
    }

  limited = cli_run ("audit", "--limit", "1", fixture->workspace, "--json");
  cli_test_assert_ok (limited);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (cli_test_parse_new (limited->out, &limited_parser),
                                                                         "entries")), ==, 1);

  human = cli_run ("audit", fixture->workspace);
  cli_test_assert_ok (human);
  g_assert_nonnull (strstr (human->out, "Global Actor"));
  g_assert_nonnull (strstr (human->out, "1-2-1-3"));
}

/* answer --note-from: a note too long for the command line; one that
 * would bring the notes over their limit (SCS_NOTES_MAX_TOTAL_SIZE) is
 * refused with exit 2, naming the criterion, and nothing is written. */
static void
test_answer_note_from (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *long_path = fixture_path (fixture, "long.txt");
  g_autofree char *huge_path = fixture_path (fixture, "huge.txt");
  g_autoptr(GString) text = g_string_new (NULL);

  create_workspace (fixture);
  while (text->len < 300 * 1024)
    g_string_append (text, "規程第3条で定め、年1回見直している。\n");
  g_assert_true (g_file_set_contents (long_path, text->str, text->len, NULL));
  {
    g_autoptr(CliRun) run = cli_run ("answer", fixture->workspace, "1-2-1-1", "met",
                                     "--note-from", long_path, "--json");
    g_autoptr(JsonParser) parser = NULL;
    JsonObject *root;

    cli_test_assert_ok (run);
    root = cli_test_parse_new (run->out, &parser);
    g_assert_cmpstr (json_object_get_string_member (root, "note"), ==, text->str);
  }
  {
    g_autoptr(CliRun) run = cli_run ("answer", fixture->workspace, "1-2-1-1", "met",
                                     "--note", "x", "--note-from", long_path);

    cli_test_assert_refused (run, "--note-from");
  }

  while (text->len <= SCS_NOTES_MAX_TOTAL_SIZE)
    g_string_append_len (text, text->str, MIN (text->len, SCS_NOTES_MAX_TOTAL_SIZE));
  g_assert_true (g_file_set_contents (huge_path, text->str, text->len, NULL));
  {
    g_autofree char *before = core_test_file_sha256 (fixture->workspace);
    g_autoptr(CliRun) run = cli_run ("answer", fixture->workspace, "1-2-1-2", "met",
                                     "--note-from", huge_path);

    cli_test_assert_refused (run, "1-2-1-2");
    g_assert_nonnull (strstr (run->err, "12.0\u00a0MiB"));
    cli_test_assert_unchanged (fixture->workspace, before);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/scs/cli/usage", test_usage);
  g_test_add_func ("/scs/cli/catalog/info-json", test_catalog_info_json);
  g_test_add_func ("/scs/cli/catalog/info-human", test_catalog_info_human);
  g_test_add_func ("/scs/cli/catalog/show", test_catalog_show);
  g_test_add ("/scs/cli/catalog/validate", Fixture, NULL, fixture_set_up, test_catalog_validate, fixture_tear_down);
  g_test_add ("/scs/cli/new/refusals", Fixture, NULL, fixture_set_up, test_new_refusals, fixture_tear_down);
  g_test_add ("/scs/cli/new/variants", Fixture, NULL, fixture_set_up, test_new_variants, fixture_tear_down);
  g_test_add ("/scs/cli/info", Fixture, NULL, fixture_set_up, test_info, fixture_tear_down);
  g_test_add ("/scs/cli/org", Fixture, NULL, fixture_set_up, test_org, fixture_tear_down);
  g_test_add ("/scs/cli/answer/status", Fixture, NULL, fixture_set_up, test_answer_status, fixture_tear_down);
  g_test_add ("/scs/cli/answer/refusals", Fixture, NULL, fixture_set_up, test_answer_refusals, fixture_tear_down);
  g_test_add ("/scs/cli/status/ready", Fixture, NULL, fixture_set_up, test_ready, fixture_tear_down);
  g_test_add ("/scs/cli/status/aligned", Fixture, NULL, fixture_set_up, test_status_table_aligned, fixture_tear_down);
  g_test_add ("/scs/cli/answer/note-from", Fixture, NULL, fixture_set_up, test_answer_note_from, fixture_tear_down);
  g_test_add ("/scs/cli/not-a-workspace", Fixture, NULL, fixture_set_up, test_not_a_workspace, fixture_tear_down);
  g_test_add ("/scs/cli/evidence/round-trip", Fixture, NULL, fixture_set_up, test_evidence_round_trip, fixture_tear_down);
  g_test_add ("/scs/cli/evidence/refusals", Fixture, NULL, fixture_set_up, test_evidence_refusals, fixture_tear_down);
  g_test_add ("/scs/cli/audit/actor", Fixture, NULL, fixture_set_up, test_audit_actor, fixture_tear_down);

  return g_test_run ();
}
