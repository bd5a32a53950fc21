/* test-cli-neighbours.c: `scs-cli new --type`, `scs-cli sa …` and `scs-cli jc …`
 *
 * A workspace made with --type keeps it (info and status say so, in
 * words and in JSON), the default is an SCS assessment, an unknown type
 * is refused with nothing created. A SECURITY ACTION self-check filled in
 * with `sa answer` is scored by `sa check` (total, band, the "don't know"
 * questions to follow up); bad input to `sa answer` and `sa declare`
 * exits 2 and leaves the file as it was, and `sa` on an SCS workspace is
 * refused.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "cli-test-util.h"

static const CliOptions options = { .actor = "宣言 担当", .utf8 = TRUE };

static char *
make (const char *dir,
      const char *name,
      const char *type)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(CliRun) run = NULL;

  if (type != NULL)
    run = CLI_TEST_RUN (&options, "new", path, "--name", "株式会社テスト", "--sole-proprietor", "--type", type);
  else
    run = CLI_TEST_RUN (&options, "new", path, "--name", "株式会社テスト", "--sole-proprietor");
  cli_test_assert_ok (run);
  return path;
}

static const char *
json_type (const char *command,
           const char *path)
{
  static char type[64];
  g_autoptr(CliRun) run = CLI_TEST_RUN (&options, command, "--json", path);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *object;

  cli_test_assert_ok (run);
  object = cli_test_parse_object (parser, run->out);
  g_strlcpy (type, json_object_get_string_member (object, "type"), sizeof type);
  return type;
}

static void
test_new_type (void)
{
  g_autofree char *dir = core_test_make_tmp_dir ("scs-cli-neighbours-XXXXXX");
  g_autofree char *scs = make (dir, "scs.scsw", NULL);
  g_autofree char *jc = make (dir, "product.scsw", "jcstar1");
  g_autofree char *sa = make (dir, "shop.scsw", "security-action");
  g_autofree char *bad = g_build_filename (dir, "bad.scsw", NULL);
  g_autoptr(CliRun) info = NULL;
  g_autoptr(CliRun) refused = NULL;

  g_assert_cmpstr (json_type ("info", scs), ==, "scs");
  g_assert_cmpstr (json_type ("info", jc), ==, "jcstar1");
  g_assert_cmpstr (json_type ("status", jc), ==, "jcstar1");
  g_assert_cmpstr (json_type ("info", sa), ==, "security-action");

  info = CLI_TEST_RUN (&options, "info", sa);
  cli_test_assert_ok (info);
  g_assert_nonnull (strstr (info->out, "Type:"));
  g_assert_nonnull (strstr (info->out, "SECURITY ACTION self-declaration"));

  refused = CLI_TEST_RUN (&options, "new", bad, "--name", "x", "--sole-proprietor", "--type", "jcstar2");
  cli_test_assert_refused (refused, "--type");
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));

  core_test_rm_rf (dir);
}

static void
answer (const char *path,
        guint       number,
        const char *value)
{
  g_autofree char *text = g_strdup_printf ("%u", number);
  g_autoptr(CliRun) run = CLI_TEST_RUN (&options, "sa", "answer", path, text, value);

  cli_test_assert_ok (run);
}

static void
test_self_check (void)
{
  g_autofree char *dir = core_test_make_tmp_dir ("scs-cli-neighbours-XXXXXX");
  g_autofree char *sa = make (dir, "shop.scsw", "security-action");
  g_autofree char *scs = make (dir, "scs.scsw", NULL);
  g_autofree char *before = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(CliRun) check = NULL;
  g_autoptr(CliRun) human = NULL;
  JsonObject *object;
  JsonArray *follow_up;
  struct { const char *number, *value; } bad_answers[] = {
    { "0", "done" }, { "26", "done" }, { "x", "done" }, { "3", "yes" },
  };
  const char * const bad_declarations[][4] = {
    { "--level", "3", NULL, NULL },
    { "--level", "2", "--id", "4123" },
    { "--level", "2", "--date", "2026-13-01" },
    { "--level", "2", "--policy-url", "example.jp/policy" },
  };

  /* 20 done, 2 partly, 1 not done, 2 don't know: 80 + 4 + 0 − 2 = 82. */
  for (guint i = 1; i <= 20; i++)
    answer (sa, i, "done");
  answer (sa, 21, "partly");
  answer (sa, 22, "partly");
  answer (sa, 23, "not-done");
  answer (sa, 24, "dont-know");
  answer (sa, 25, "dont-know");

  check = CLI_TEST_RUN (&options, "sa", "check", "--json", sa);
  cli_test_assert_ok (check);
  object = cli_test_parse_object (parser, check->out);
  g_assert_cmpint (json_object_get_int_member (object, "total"), ==, 82);
  g_assert_cmpstr (json_object_get_string_member (object, "band"), ==, "mostly");
  follow_up = json_object_get_array_member (object, "follow_up");
  g_assert_cmpuint (json_array_get_length (follow_up), ==, 2);
  g_assert_cmpint (json_array_get_int_element (follow_up, 0), ==, 24);
  g_assert_cmpint (json_array_get_int_element (follow_up, 1), ==, 25);

  human = CLI_TEST_RUN (&options, "sa", "check", sa);
  cli_test_assert_ok (human);
  g_assert_nonnull (strstr (human->out, "Score: 82 of 100"));
  g_assert_nonnull (strstr (human->out, "To follow up (answered “don’t know”): 24 25"));

  before = core_test_file_sha256 (sa);
  for (guint i = 0; i < G_N_ELEMENTS (bad_answers); i++)
    {
      g_autoptr(CliRun) run = CLI_TEST_RUN (&options, "sa", "answer", sa,
                                            bad_answers[i].number, bad_answers[i].value);

      cli_test_assert_refused (run, NULL);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad_declarations); i++)
    {
      g_autoptr(CliRun) run = NULL;

      if (bad_declarations[i][2] == NULL)
        run = CLI_TEST_RUN (&options, "sa", "declare", sa, bad_declarations[i][0], bad_declarations[i][1]);
      else
        run = CLI_TEST_RUN (&options, "sa", "declare", sa, bad_declarations[i][0], bad_declarations[i][1],
                            bad_declarations[i][2], bad_declarations[i][3]);
      cli_test_assert_refused (run, NULL);
    }
  cli_test_assert_unchanged (sa, before);

  {
    g_autoptr(CliRun) declared = CLI_TEST_RUN (&options, "sa", "declare", sa, "--level", "2",
                                               "--id", "41234567890", "--date", "2026-12-01",
                                               "--policy-url", "https://example.jp/policy");
    g_autoptr(CliRun) wrong = CLI_TEST_RUN (&options, "sa", "answer", scs, "1", "done");

    cli_test_assert_ok (declared);
    g_assert_nonnull (strstr (declared->out, "self-declaration"));
    cli_test_assert_refused (wrong, "not for SECURITY ACTION");
  }

  core_test_rm_rf (dir);
}

static void
test_policy_and_onramp (void)
{
  g_autofree char *dir = core_test_make_tmp_dir ("scs-cli-neighbours-XXXXXX");
  g_autofree char *sa = make (dir, "shop.scsw", "security-action");
  g_autofree char *pdf_path = g_build_filename (dir, "policy.pdf", NULL);
  g_autofree char *star3 = g_build_filename (dir, "star3.scsw", NULL);
  g_autofree char *pdf = NULL;
  g_autoptr(CliRun) missing = NULL;
  g_autoptr(CliRun) policy = NULL;
  g_autoptr(CliRun) onramp = NULL;
  g_autoptr(CliRun) again = NULL;
  g_autoptr(CliRun) info = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *object;
  gsize length;

  missing = CLI_TEST_RUN (&options, "sa", "policy", sa, "--out", pdf_path);
  cli_test_assert_refused (missing, "no basic policy yet");
  g_assert_false (g_file_test (pdf_path, G_FILE_TEST_EXISTS));

  policy = CLI_TEST_RUN (&options, "sa", "policy", sa, "--representative", "代表取締役 山田 太郎",
                         "--adopted", "2026-12-01", "--out", pdf_path);
  cli_test_assert_ok (policy);
  g_assert_true (g_file_get_contents (pdf_path, &pdf, &length, NULL));
  g_assert_true (length > 1000 && memcmp (pdf, "%PDF-", 5) == 0);

  answer (sa, 11, "not-done");
  onramp = CLI_TEST_RUN (&options, "sa", "to-star3", sa, star3);
  cli_test_assert_ok (onramp);
  g_assert_nonnull (strstr (onramp->out, "our own mapping"));
  g_assert_nonnull (strstr (onramp->out, "4-3-4   gap"));
  again = CLI_TEST_RUN (&options, "sa", "to-star3", sa, star3);
  cli_test_assert_refused (again, "already exists");

  info = CLI_TEST_RUN (&options, "info", "--json", star3);
  cli_test_assert_ok (info);
  object = cli_test_parse_object (parser, info->out);
  g_assert_cmpstr (json_object_get_string_member (object, "type"), ==, "scs");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (object, "organization"), "name"),
                   ==, "株式会社テスト");

  core_test_rm_rf (dir);
}

/* JC-STAR ★1: three model numbers, the conditional item not applicable,
 * the PSTI route waiving 02/05/16, and the equivalence lines. */
static void
test_jcstar (void)
{
  g_autofree char *dir = core_test_make_tmp_dir ("scs-cli-neighbours-XXXXXX");
  g_autofree char *jc = make (dir, "camera.scsw", "jcstar1");
  g_autofree char *before = NULL;
  g_autoptr(CliRun) product = NULL;
  g_autoptr(CliRun) no_reason = NULL;
  g_autoptr(CliRun) bad_route = NULL;
  g_autoptr(CliRun) na = NULL;
  g_autoptr(CliRun) check = NULL;
  g_autoptr(CliRun) human = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *requirements;

  product = CLI_TEST_RUN (&options, "jc", "product", jc, "--name", "ネットワークカメラ",
                          "--model", "NC-100", "--model", "NC-100W", "--model", "NC-200",
                          "--label-number", "JC1-0001", "--issued", "2026-01-01", "--expires", "2099-12-31",
                          "--route", "psti");
  /* more than two years: refused */
  cli_test_assert_refused (product, "two years");
  g_clear_pointer (&product, cli_run_free);
  product = CLI_TEST_RUN (&options, "jc", "product", jc, "--name", "ネットワークカメラ",
                          "--model", "NC-100", "--model", "NC-100W", "--model", "NC-200", "--route", "psti");
  cli_test_assert_ok (product);

  before = core_test_file_sha256 (jc);
  no_reason = CLI_TEST_RUN (&options, "jc", "answer", jc, "S1.1-08", "1", "na");
  cli_test_assert_refused (no_reason, "S1.1-08");
  bad_route = CLI_TEST_RUN (&options, "jc", "product", jc, "--name", "x", "--model", "y", "--route", "uk");
  cli_test_assert_refused (bad_route, "--route");
  cli_test_assert_unchanged (jc, before);
  na = CLI_TEST_RUN (&options, "jc", "answer", jc, "S1.1-08", "1", "na", "--reason", "ネットワーク経由の更新なし");
  cli_test_assert_ok (na);

  check = CLI_TEST_RUN (&options, "jc", "check", "--json", jc);
  cli_test_assert_ok (check);
  requirements = json_object_get_array_member (cli_test_parse_object (parser, check->out), "requirements");
  g_assert_cmpuint (json_array_get_length (requirements), ==, 16);
  for (guint i = 0; i < 16; i++)
    {
      JsonObject *r = json_array_get_object_element (requirements, i);
      const char *id = json_object_get_string_member (r, "id");
      const char *status = json_object_get_string_member (r, "status");

      if (g_str_equal (id, "S1.1-02") || g_str_equal (id, "S1.1-05") || g_str_equal (id, "S1.1-16"))
        g_assert_cmpstr (status, ==, "waived");
      else if (g_str_equal (id, "S1.1-08"))
        g_assert_cmpstr (status, ==, "met");
      else
        g_assert_cmpstr (status, ==, "open");
    }

  /* The portfolio lists every type, and the label's expiry for JC-STAR. */
  {
    g_autoptr(CliRun) label = CLI_TEST_RUN (&options, "jc", "product", jc, "--name", "ネットワークカメラ",
                                            "--model", "NC-100", "--model", "NC-100W", "--model", "NC-200",
                                            "--label-number", "JC1-0001", "--issued", "2026-01-01",
                                            "--expires", "2027-12-31", "--route", "psti");
    g_autofree char *shop = make (dir, "shop.scsw", "security-action");
    g_autoptr(CliRun) portfolio = NULL;
    g_autoptr(JsonParser) listing = json_parser_new ();
    g_autoptr(GError) error = NULL;
    JsonNode *root;
    JsonArray *entries;
    guint seen = 0;

    cli_test_assert_ok (label);
    portfolio = CLI_TEST_RUN (&options, "portfolio", "--json", dir);
    cli_test_assert_ok (portfolio);
    g_assert_true (json_parser_load_from_data (listing, portfolio->out, -1, &error));
    root = json_parser_get_root (listing);
    entries = JSON_NODE_HOLDS_ARRAY (root) ? json_node_get_array (root)
                                           : json_object_get_array_member (json_node_get_object (root), "clients");
    for (guint i = 0; i < json_array_get_length (entries); i++)
      {
        JsonObject *entry = json_array_get_object_element (entries, i);
        const char *type = json_object_get_string_member (entry, "type");

        if (g_str_equal (type, "jcstar1"))
          {
            g_assert_cmpstr (json_object_get_string_member (entry, "expiry"), ==, "2027-12-31");
            seen++;
          }
        else if (g_str_equal (type, "security-action"))
          seen++;
      }
    g_assert_cmpuint (seen, ==, 2);
  }

  human = CLI_TEST_RUN (&options, "jc", "check", jc);
  cli_test_assert_ok (human);
  g_assert_nonnull (strstr (human->out, "S1.1-14 (provisional)"));
  g_assert_nonnull (strstr (human->out, "still needed of: 5.3-7"));

  core_test_rm_rf (dir);
}

/* The later JC-STAR commands: a firmware update (`jc event`) reopens the
 * answered S1.1-08 and prints the notice, which `jc notice` edits and
 * exports; `jc checklist` writes a PDF in each language; `jc import` of a
 * checklist whose headers say nothing is refused naming the columns, then
 * goes through with --map; bad input exits 2 and leaves the file as it
 * was. And the SECURITY ACTION ★1 pledge (`sa pledge`). */
static void
test_jcstar_events_import (void)
{
  g_autofree char *dir = core_test_make_tmp_dir ("scs-cli-neighbours-XXXXXX");
  g_autofree char *jc = make (dir, "camera.scsw", "jcstar1");
  g_autofree char *sa = make (dir, "shop.scsw", "security-action");
  g_autofree char *notice_in = g_build_filename (dir, "notice-in.txt", NULL);
  g_autofree char *notice_out = g_build_filename (dir, "notice-out.txt", NULL);
  g_autofree char *pdf_ja = g_build_filename (dir, "checklist-ja.pdf", NULL);
  g_autofree char *pdf_en = g_build_filename (dir, "checklist-en.pdf", NULL);
  g_autofree char *csv = g_build_filename (dir, "checklist.csv", NULL);
  g_autofree char *before = NULL;
  g_autofree char *written = NULL;
  g_autoptr(CliRun) run = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *requirements;

  run = CLI_TEST_RUN (&options, "jc", "product", jc, "--name", "ネットワークカメラ",
                      "--model", "NC-100", "--model", "NC-100W", "--model", "NC-200");
  cli_test_assert_ok (run);
  g_clear_pointer (&run, cli_run_free);
  run = CLI_TEST_RUN (&options, "jc", "answer", jc, "S1.1-08", "1", "conforms");
  cli_test_assert_ok (run);

  before = core_test_file_sha256 (jc);
  g_clear_pointer (&run, cli_run_free);
  run = CLI_TEST_RUN (&options, "jc", "event", jc, "recall", "x");
  cli_test_assert_refused (run, "recall");
  g_clear_pointer (&run, cli_run_free);
  run = CLI_TEST_RUN (&options, "jc", "event", jc, "model", "NC-200");
  cli_test_assert_refused (run, "NC-200");
  g_clear_pointer (&run, cli_run_free);
  run = CLI_TEST_RUN (&options, "jc", "event", jc, "firmware", "3.0.0", "--date", "2026-02-30");
  cli_test_assert_refused (run, "2026-02-30");
  cli_test_assert_unchanged (jc, before);

  g_clear_pointer (&run, cli_run_free);
  run = CLI_TEST_RUN (&options, "jc", "event", jc, "firmware", "3.0.0", "--date", "2026-12-01");
  cli_test_assert_ok (run);
  g_assert_nonnull (strstr (run->out, "S1.1-08"));
  g_assert_nonnull (strstr (run->out, "3.0.0"));
  g_clear_pointer (&run, cli_run_free);
  run = CLI_TEST_RUN (&options, "jc", "check", "--json", jc);
  cli_test_assert_ok (run);
  requirements = json_object_get_array_member (cli_test_parse_object (parser, run->out), "requirements");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (requirements, 7), "status"),
                   ==, "open");

  g_assert_true (g_file_set_contents (notice_in, "変更届（社内で編集）\n", -1, NULL));
  g_clear_pointer (&run, cli_run_free);
  run = CLI_TEST_RUN (&options, "jc", "notice", jc, "1", "--text-from", notice_in, "--out", notice_out);
  cli_test_assert_ok (run);
  g_assert_true (g_file_get_contents (notice_out, &written, NULL, NULL));
  g_assert_cmpstr (written, ==, "変更届（社内で編集）\n");
  g_clear_pointer (&run, cli_run_free);
  run = CLI_TEST_RUN (&options, "jc", "notice", jc, "7");
  cli_test_assert_refused (run, "7");

  g_clear_pointer (&run, cli_run_free);
  run = CLI_TEST_RUN (&options, "jc", "checklist", jc, "--out", pdf_ja);
  cli_test_assert_ok (run);
  g_clear_pointer (&run, cli_run_free);
  run = CLI_TEST_RUN (&options, "jc", "checklist", jc, "--out", pdf_en, "--lang", "en");
  cli_test_assert_ok (run);
  g_assert_true (g_file_test (pdf_ja, G_FILE_TEST_EXISTS) && g_file_test (pdf_en, G_FILE_TEST_EXISTS));

  g_assert_true (g_file_set_contents (csv, "番号,枝番,文言,結果\nS1.1-01,1,公式文言の例,適合\n", -1, NULL));
  g_free (before);
  before = core_test_file_sha256 (jc);
  g_clear_pointer (&run, cli_run_free);
  run = CLI_TEST_RUN (&options, "jc", "import", jc, csv);
  cli_test_assert_refused (run, "--map");
  g_clear_pointer (&run, cli_run_free);
  run = CLI_TEST_RUN (&options, "jc", "import", jc, csv, "--map", "番号");
  cli_test_assert_refused (run, "COLUMN=FIELD");
  cli_test_assert_unchanged (jc, before);
  g_clear_pointer (&run, cli_run_free);
  run = CLI_TEST_RUN (&options, "jc", "import", jc, csv, "--map", "番号=requirement", "--map", "B=item",
                      "--map", "3=text");
  cli_test_assert_ok (run);
  g_assert_nonnull (strstr (run->out, "1"));

  g_clear_pointer (&run, cli_run_free);
  run = CLI_TEST_RUN (&options, "sa", "pledge", sa, "--items", "1,6");
  cli_test_assert_refused (run, "6");
  g_clear_pointer (&run, cli_run_free);
  run = CLI_TEST_RUN (&options, "sa", "pledge", sa, "--date", "2026-12-01");
  cli_test_assert_ok (run);
  g_assert_nonnull (strstr (run->out, "2026-12-01"));
  g_assert_null (strstr (run->out, "[ ]"));
}

/* The signed JC-STAR ★1 self-declaration: refused while a requirement is
 * open (nothing written); evidence added to an item (an item the checklist
 * does not have refused); then written, verified by `scs-cli verify` and by
 * stock tools alone (openssl checks the CMS over the manifest, sha256sum
 * the manifest's digests of every entry, the evidence file included); one
 * byte of the declaration changed, or the evidence file replaced, and the
 * package no longer verifies, and the recipe names the replaced file. */
static void
test_jcstar_signed_export (void)
{
  g_autofree char *dir = core_test_make_tmp_dir ("scs-cli-neighbours-XXXXXX");
  g_autofree char *jc = make (dir, "camera.scsw", "jcstar1");
  g_autofree char *package = g_build_filename (dir, "declaration.scsp", NULL);
  g_autofree char *pw = g_build_filename (dir, "pw", NULL);
  g_autofree char *p12 = g_build_filename (dir, "manager.p12", NULL);
  g_autofree char *ca = g_build_filename (dir, "ca.pem", NULL);
  g_autofree char *evidence = g_build_filename (dir, "vdp.pdf", NULL);
  g_autofree char *before = NULL;
  g_autofree char *recipe = NULL;
  g_autofree char *swap = NULL;
  g_autoptr(CliRun) run = NULL;
  const char *conforms[] = { "S1.1-01", "S1.1-03", "S1.1-04", "S1.1-06", "S1.1-07", "S1.1-09", "S1.1-11",
                             "S1.1-12", "S1.1-13", "S1.1-14", "S1.1-15" };

  core_test_make_certificates (dir, TRUE);
  g_assert_true (g_file_set_contents (pw, "secret", -1, NULL));
  run = CLI_TEST_RUN (&options, "jc", "product", jc, "--name", "ネットワークカメラ",
                      "--model", "NC-100", "--model", "NC-100W", "--model", "NC-200", "--route", "psti");
  cli_test_assert_ok (run);

  g_clear_pointer (&run, cli_run_free);
  run = CLI_TEST_RUN (&options, "jc", "export", jc, package, "--p12", p12, "--password-file", pw);
  cli_test_assert_refused (run, "S1.1-01");
  g_assert_false (g_file_test (package, G_FILE_TEST_EXISTS));

  for (guint i = 0; i < G_N_ELEMENTS (conforms); i++)
    {
      g_clear_pointer (&run, cli_run_free);
      run = CLI_TEST_RUN (&options, "jc", "answer", jc, conforms[i], "1", "conforms");
      cli_test_assert_ok (run);
    }
  g_clear_pointer (&run, cli_run_free);
  run = CLI_TEST_RUN (&options, "jc", "answer", jc, "S1.1-08", "1", "na", "--reason", "USBのみで更新");
  cli_test_assert_ok (run);
  g_clear_pointer (&run, cli_run_free);
  run = CLI_TEST_RUN (&options, "jc", "answer", jc, "S1.1-10", "2", "conforms");
  cli_test_assert_ok (run);
  g_clear_pointer (&run, cli_run_free);
  run = CLI_TEST_RUN (&options, "jc", "answer", jc, "S1.1-13", "2", "conforms");
  cli_test_assert_ok (run);

  /* Evidence on an item (the published disclosure policy): an item the
   * checklist does not have is refused, nothing written. */
  g_assert_true (g_file_set_contents (evidence, "%PDF-1.4\n脆弱性開示ポリシー（公開版）\n", -1, NULL));
  before = core_test_file_sha256 (jc);
  g_clear_pointer (&run, cli_run_free);
  run = CLI_TEST_RUN (&options, "evidence", "add", jc, "S1.1-05#9", evidence);
  cli_test_assert_refused (run, "S1.1-05#9");
  cli_test_assert_unchanged (jc, before);
  g_clear_pointer (&run, cli_run_free);
  run = CLI_TEST_RUN (&options, "evidence", "add", jc, "S1.1-12#1", evidence);
  cli_test_assert_ok (run);

  g_clear_pointer (&run, cli_run_free);
  run = CLI_TEST_RUN (&options, "jc", "export", jc, package, "--p12", p12, "--password-file", pw, "--lang", "en");
  cli_test_assert_ok (run);
  g_clear_pointer (&run, cli_run_free);
  run = CLI_TEST_RUN (&options, "verify", package, "--ca", ca);
  cli_test_assert_ok (run);
  g_clear_pointer (&run, cli_run_free);
  run = CLI_TEST_RUN (&options, "jc", "export", jc, package, "--p12", p12, "--password-file", pw);
  cli_test_assert_refused (run, "already exists");

  /* Stock tools: unzip, openssl, sha256sum and base64; every entry the
   * manifest names, the evidence file too. */
  recipe = g_strdup_printf (
    "set -eu; cd '%s'; rm -rf x; mkdir x; cd x; unzip -q ../declaration.scsp;\n"
    "openssl cms -verify -binary -inform DER -in META-INF/signature-management.p7s "
    "  -content META-INF/ASiCManifest-management.xml -CAfile ../ca.pem -purpose any -out /dev/null 2>/dev/null;\n"
    "check () {\n"
    "  for f in $(sed -n 's/.*DataObjectReference URI=\"\\([^\"]*\\)\".*/\\1/p' META-INF/ASiCManifest-management.xml); do\n"
    "    want=$(grep -A2 \"URI=\\\"$f\\\"\" META-INF/ASiCManifest-management.xml | sed -n 's/.*<ds:DigestValue>\\(.*\\)<.*/\\1/p');\n"
    "    have=$(openssl dgst -sha256 -binary \"$f\" | base64);\n"
    "    [ \"$want\" = \"$have\" ] || { echo \"$f\"; return 1; };\n"
    "  done; }\n"
    "check;\n"
    "[ \"$(sed -n 's/.*DataObjectReference URI=\"\\([^\"]*\\)\".*/\\1/p' META-INF/ASiCManifest-management.xml | tr '\\n' ' ')\" = "
    "'checklist.pdf evidence/vdp.pdf jcstar-declaration.xml ' ];\n"
    "grep -q 'NC-100W' jcstar-declaration.xml;\n"
    "grep -q 'reason=\"USBのみで更新\"' jcstar-declaration.xml;\n"
    "grep -q 'file=\"evidence/vdp.pdf\"' jcstar-declaration.xml;\n"
    "cp -r . ../y;\n"
    "sed -i 's/NC-100W/NC-999W/' jcstar-declaration.xml; rm ../declaration.scsp;\n"
    "zip -q -X -0 ../declaration.scsp mimetype; zip -q -X -r -D ../declaration.scsp META-INF jcstar-declaration.xml "
    "checklist.pdf evidence\n"
    /* The same package with the evidence file replaced: the recipe says so. */
    "cd ../y; printf 'forged policy' > evidence/vdp.pdf; ! check > ../which; grep -q '^evidence/vdp.pdf$' ../which;\n"
    "zip -q -X -0 ../swapped.scsp mimetype; zip -q -X -r -D ../swapped.scsp META-INF jcstar-declaration.xml "
    "checklist.pdf evidence\n",
    dir);
  g_assert_cmpint (system (recipe), ==, 0);
  g_clear_pointer (&run, cli_run_free);
  run = CLI_TEST_RUN (&options, "verify", package, "--ca", ca);
  g_assert_cmpint (run->status, ==, 1);
  g_assert_nonnull (strstr (run->out, "jcstar-declaration.xml"));

  swap = g_build_filename (dir, "swapped.scsp", NULL);
  g_clear_pointer (&run, cli_run_free);
  run = CLI_TEST_RUN (&options, "verify", swap, "--ca", ca);
  g_assert_cmpint (run->status, ==, 1);
  g_assert_nonnull (strstr (run->out, "evidence/vdp.pdf"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("SCS_PROFILE", "/nonexistent/profile.ini", TRUE);

  g_test_add_func ("/scs/cli/neighbours/new-type", test_new_type);
  g_test_add_func ("/scs/cli/neighbours/self-check", test_self_check);
  g_test_add_func ("/scs/cli/neighbours/policy-and-onramp", test_policy_and_onramp);
  g_test_add_func ("/scs/cli/neighbours/jcstar", test_jcstar);
  g_test_add_func ("/scs/cli/neighbours/jcstar-events-import", test_jcstar_events_import);
  g_test_add_func ("/scs/cli/neighbours/jcstar-signed-export", test_jcstar_signed_export);

  return g_test_run ();
}
