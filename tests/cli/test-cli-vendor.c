/* test-cli-vendor.c: the vendor and ordering-company commands of scs-cli,
 * driven as a script would (exit status, JSON, files written)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "cli-test-util.h"
#include "scs-csv.h"
#include "scs-portfolio.h"
#include "scs-xlsx.h"

/* SCS_ACTOR unset, as in test-cli.c. */
static const CliOptions cli_options = { .actor = NULL };

#define cli_run(...) CLI_TEST_RUN (&cli_options, __VA_ARGS__)
#define cli_run_env(env_, ...) \
  cli_test_run (&(const CliOptions) { .actor = NULL, .env = (env_) }, (const char * const[]) { __VA_ARGS__, NULL })

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = core_test_make_tmp_dir ("scs-cli-vendor-XXXXXX");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  core_test_rm_rf (f->dir);
  g_free (f->dir);
}

static char *
new_client (Fixture    *f,
            const char *file,
            const char *name,
            const char *level)
{
  char *path = g_build_filename (f->dir, file, NULL);
  g_autoptr(CliRun) run = cli_run ("new", path, "--name", name, "--corporate-number", VALID_NUMBER,
                                   "--level", level);
  cli_test_assert_ok (run);
  return path;
}

static void
answer (const char *path,
        const char *id,
        const char *state)
{
  g_autoptr(CliRun) run = NULL;

  if (g_str_equal (state, "na"))
    run = cli_run ("answer", path, id, state, "--reason", "対象外の理由");
  else
    run = cli_run ("answer", path, id, state);
  cli_test_assert_ok (run);
}

static JsonObject *
find_client (JsonArray  *clients,
             const char *company)
{
  for (guint i = 0; i < json_array_get_length (clients); i++)
    {
      JsonObject *o = json_array_get_object_element (clients, i);
      if (g_str_equal (json_object_get_string_member (o, "company"), company))
        return o;
    }
  g_error ("no client %s", company);
  return NULL;
}

static void
test_portfolio (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *a = new_client (f, "a.scsw", "株式会社エー", "3");
  g_autofree char *b = new_client (f, "b.scsw", "株式会社ビー", "3");
  g_autofree char *junk = g_build_filename (f->dir, "readme.txt", NULL);
  g_autofree char *a_sha = NULL;
  g_autoptr(CliRun) run = NULL;
  g_autoptr(JsonParser) parser = NULL;
  JsonObject *root, *client;
  JsonArray *unreadable;

  answer (a, "1-2-1-1", "met");
  answer (a, "1-2-1-2", "na");
  answer (a, "1-2-1-3", "not-met");
  /* Refused: a date in the future, a level above the target, nothing answered. */
  cli_test_assert_refused (run = cli_run ("certify", a, "--level", "3", "--date", "2099-04-01"), "2099-04-01");
  g_clear_pointer (&run, cli_run_free);
  cli_test_assert_refused (run = cli_run ("certify", a, "--level", "4", "--date", "2026-04-01"), "★4");
  g_clear_pointer (&run, cli_run_free);
  cli_test_assert_refused (run = cli_run ("certify", b, "--level", "3", "--date", "2026-04-01"), "Nothing is answered");
  g_clear_pointer (&run, cli_run_free);
  cli_test_assert_ok (run = cli_run ("certify", a, "--level", "3", "--date", "2026-04-01", "--registry-id", "R-1"));
  g_clear_pointer (&run, cli_run_free);
  cli_test_assert_refused (run = cli_run ("certify", a, "--evaluation-body", "評価機関A"), "★4");
  g_clear_pointer (&run, cli_run_free);
  cli_test_assert_ok (run = cli_run ("significant-change", b, "network-redesign", "--description", "VPN更改"));
  g_clear_pointer (&run, cli_run_free);
  g_assert_true (g_file_set_contents (junk, "hello", -1, NULL));
  a_sha = core_test_file_sha256 (a);

  run = cli_run ("portfolio", f->dir, "--json", "--today", "2027-03-01");
  cli_test_assert_ok (run);
  root = cli_test_parse_new (run->out, &parser);
  client = find_client (json_object_get_array_member (root, "clients"), "株式会社エー");
  g_assert_cmpint (json_object_get_int_member (client, "satisfied"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (client, "total"), ==, 81);
  g_assert_cmpint (json_object_get_int_member (client, "open_gaps"), ==, 79);
  g_assert_cmpstr (json_object_get_string_member (client, "expiry"), ==, "2027-03-31");
  g_assert_cmpint (json_object_get_int_member (client, "days_left"), ==, 30);
  g_assert_cmpstr (json_object_get_string_member (client, "expiry_state"), ==, "expiring");
  client = find_client (json_object_get_array_member (root, "clients"), "株式会社ビー");
  g_assert_true (json_object_get_boolean_member (client, "needs_new_check"));
  g_assert_true (json_object_get_null_member (client, "expiry"));
  unreadable = json_object_get_array_member (root, "unreadable");
  g_assert_cmpuint (json_array_get_length (unreadable), ==, 1);
  g_assert_nonnull (strstr (json_object_get_string_member (json_array_get_object_element (unreadable, 0), "reason"),
                            "not an SCS Workbench workspace"));
  cli_test_assert_unchanged (a, a_sha);

  /* Human output warns about the expiry and the change. */
  g_clear_pointer (&run, cli_run_free);
  run = cli_run ("portfolio", f->dir, "--today", "2027-04-02");
  cli_test_assert_ok (run);
  g_assert_nonnull (strstr (run->out, "expired on 2027-03-31"));
  g_assert_nonnull (strstr (run->out, "significant change (network-redesign)"));
  g_assert_nonnull (strstr (run->out, "readme.txt: unreadable"));

  g_clear_pointer (&run, cli_run_free);
  cli_test_assert_refused (run = cli_run ("portfolio", f->dir, "--today", "tomorrow"), "tomorrow");
  g_clear_pointer (&run, cli_run_free);
  cli_test_assert_refused (run = cli_run ("significant-change", b, "new-printer"), "new-printer");
}

static void
test_renew_and_compare (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *a = new_client (f, "a.scsw", "株式会社エー", "3");
  g_autofree char *sha = NULL;
  g_autoptr(CliRun) run = NULL;
  g_autoptr(JsonParser) parser = NULL;
  JsonObject *root;
  JsonArray *changed, *reconfirmed, *not_reconfirmed;

  answer (a, "1-2-1-1", "met");
  answer (a, "1-2-1-2", "not-met");
  answer (a, "1-2-1-3", "met");
  run = cli_run ("renew", a, "--json");
  cli_test_assert_ok (run);
  root = cli_test_parse_new (run->out, &parser);
  g_assert_cmpint (json_object_get_int_member (root, "cycle"), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "to_reconfirm")), ==, 3);
  g_clear_pointer (&run, cli_run_free);
  g_clear_object (&parser);

  /* One unknown criterion among good ones: refused, and nothing confirmed. */
  sha = core_test_file_sha256 (a);
  cli_test_assert_refused (run = cli_run ("renew", "confirm", a, "1-2-1-1", "1-2-1-3", "9-9-9-9"), "9-9-9-9");
  g_clear_pointer (&run, cli_run_free);
  cli_test_assert_unchanged (a, sha);
  /* Nor a second renewal while this one is open. */
  cli_test_assert_refused (run = cli_run ("renew", a), "re-confirm");
  g_clear_pointer (&run, cli_run_free);
  cli_test_assert_unchanged (a, sha);

  answer (a, "1-2-1-2", "met");
  answer (a, "2-1-1-1", "not-met");
  cli_test_assert_ok (run = cli_run ("renew", "confirm", a, "1-2-1-1"));
  g_clear_pointer (&run, cli_run_free);

  run = cli_run ("compare", a, "--cycle", "0", "--cycle", "1", "--json");
  cli_test_assert_ok (run);
  root = cli_test_parse_new (run->out, &parser);
  changed = json_object_get_array_member (root, "changed");
  g_assert_cmpuint (json_array_get_length (changed), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (changed, 0), "criterion_id"),
                   ==, "1-2-1-2");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (changed, 1), "criterion_id"),
                   ==, "2-1-1-1");
  reconfirmed = json_object_get_array_member (root, "reconfirmed");
  g_assert_cmpuint (json_array_get_length (reconfirmed), ==, 2);
  not_reconfirmed = json_object_get_array_member (root, "not_reconfirmed");
  g_assert_cmpuint (json_array_get_length (not_reconfirmed), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (not_reconfirmed, 0), ==, "1-2-1-3");

  g_clear_pointer (&run, cli_run_free);
  cli_test_assert_refused (run = cli_run ("compare", a, "--cycle", "0", "--cycle", "5"), "cycle 5");
  g_clear_pointer (&run, cli_run_free);
  cli_test_assert_refused (run = cli_run ("compare", a, "--cycle", "0"), "two --cycle");
}

static void
test_diagnose (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *a = new_client (f, "a.scsw", "株式会社エー", "3");
  g_autofree char *pdf = g_build_filename (f->dir, "report.pdf", NULL);
  g_autofree char *csv = g_build_filename (f->dir, "gaps.csv", NULL);
  g_autofree char *xlsx = g_build_filename (f->dir, "gaps.xlsx", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *decoded = NULL;
  g_autofree char *sha = NULL;
  const char * const ja[] = { "SCS_LANGUAGE=ja", NULL };
  g_autoptr(CliRun) run = NULL;
  g_autoptr(JsonParser) parser = NULL;
  JsonObject *root;
  JsonArray *gaps;
  gsize length;

  answer (a, "1-2-1-1", "met");
  answer (a, "1-2-1-2", "not-met");
  cli_test_assert_ok (run = cli_run ("diagnose", "set", a, "1-2-1-2", "--support", "on-site", "--owner", "山田",
                            "--due", "2027-06-30", "--priority", "high"));
  g_clear_pointer (&run, cli_run_free);

  run = cli_run_env (ja, "diagnose", a, "--out", pdf, "--csv", csv, "--xlsx", xlsx, "--json", "--on-site", "yes",
                     "--date", "2027-04-01");
  cli_test_assert_ok (run);
  root = cli_test_parse_new (run->out, &parser);
  g_assert_cmpstr (json_object_get_string_member (root, "tier"), ==, "★3+");
  gaps = json_object_get_array_member (root, "gaps");
  g_assert_cmpuint (json_array_get_length (gaps), ==, 80);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (gaps, 0), "criterion_id"),
                   ==, "1-2-1-2");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (gaps, 0), "owner"), ==, "山田");

  g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
  g_assert_true (length > 1000 && memcmp (contents, "%PDF-", 5) == 0);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (csv, &contents, &length, NULL));
  /* Japanese headers and labels for a Japanese user. */
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF" "番号,要求事項,"));
  g_assert_true (g_utf8_validate (contents, length, NULL));
  g_assert_nonnull (strstr (contents, "山田"));
  g_assert_nonnull (strstr (contents, "駆け付け支援"));
  g_assert_null (strstr (contents, "on-site"));
  g_clear_pointer (&contents, g_free);

  /* Shift_JIS when asked. */
  g_clear_pointer (&run, cli_run_free);
  cli_test_assert_ok (run = cli_run_env (ja, "diagnose", a, "--csv", csv, "--encoding", "cp932"));
  g_assert_true (g_file_get_contents (csv, &contents, &length, NULL));
  g_assert_false (g_utf8_validate (contents, length, NULL));
  decoded = g_convert (contents, length, "UTF-8", "CP932", NULL, NULL, NULL);
  g_assert_nonnull (decoded);
  g_assert_true (g_str_has_prefix (decoded, "番号,要求事項,"));
  g_assert_nonnull (strstr (decoded, "山田"));
  g_clear_pointer (&contents, g_free);
  g_clear_pointer (&run, cli_run_free);
  cli_test_assert_refused (run = cli_run ("diagnose", a, "--csv", csv, "--encoding", "latin1"), "latin1");

  /* An export that fails (a character Shift_JIS lacks) changes nothing,
   * not even the on-site flag asked for in the same command. */
  g_clear_pointer (&run, cli_run_free);
  cli_test_assert_ok (run = cli_run ("diagnose", "set", a, "1-2-1-2", "--owner", "山田 😀"));
  g_free (sha);
  sha = core_test_file_sha256 (a);
  g_clear_pointer (&run, cli_run_free);
  cli_test_assert_refused (run = cli_run ("diagnose", a, "--csv", csv, "--encoding", "cp932", "--on-site", "no"),
                           "😀");
  cli_test_assert_unchanged (a, sha);
  g_clear_pointer (&sha, g_free);
  g_assert_true (g_file_get_contents (xlsx, &contents, &length, NULL));
  g_assert_true (length > 100 && memcmp (contents, "PK", 2) == 0);

  /* Refused plans: exit 2, file unchanged. */
  sha = core_test_file_sha256 (a);
  g_clear_pointer (&run, cli_run_free);
  cli_test_assert_refused (run = cli_run ("diagnose", "set", a, "1-2-1-2", "--support", "magic"), "magic");
  g_clear_pointer (&run, cli_run_free);
  cli_test_assert_refused (run = cli_run ("diagnose", "set", a, "9-9-9-9", "--owner", "x"), "9-9-9-9");
  g_clear_pointer (&run, cli_run_free);
  cli_test_assert_refused (run = cli_run ("diagnose", "set", a, "1-2-1-2", "--due", "2027-02-30"), "2027-02-30");
  g_clear_pointer (&run, cli_run_free);
  cli_test_assert_refused (run = cli_run ("diagnose", "set", a, "1-2-1-2"), "--support");
  cli_test_assert_unchanged (a, sha);
}

static char *
new_typed_client (Fixture    *f,
                  const char *file,
                  const char *type)
{
  char *path = g_build_filename (f->dir, file, NULL);
  g_autoptr(CliRun) run = cli_run ("new", path, "--type", type, "--name", "株式会社テスト電機",
                                   "--corporate-number", VALID_NUMBER);

  cli_test_assert_ok (run);
  return path;
}

static JsonObject *
find_gap_by_key (JsonArray  *gaps,
                 const char *key)
{
  for (guint i = 0; i < json_array_get_length (gaps); i++)
    {
      JsonObject *o = json_array_get_object_element (gaps, i);

      if (g_str_equal (json_object_get_string_member (o, "key"), key))
        return o;
    }
  return NULL;
}

/* A JC-STAR ★1 and a SECURITY ACTION client diagnosed like an SCS one:
 * text and JSON, the gap list as CSV (CP932 giving back the UTF-8 file's
 * very text) and as XLSX read back with our own reader, Japanese headers
 * and labels; the SCS plan and tier refused with nothing written; the
 * multi-client diagnosis takes all three types. */
static void
test_diagnose_self_declarations (Fixture       *f,
                                 gconstpointer  data)
{
  g_autofree char *jc = new_typed_client (f, "camera.scsw", "jcstar1");
  g_autofree char *sa = new_typed_client (f, "pledge.scsw", "security-action");
  g_autofree char *scs = new_client (f, "scs.scsw", "株式会社エー", "3");
  g_autofree char *csv = g_build_filename (f->dir, "gaps.csv", NULL);
  g_autofree char *sjis = g_build_filename (f->dir, "gaps-sjis.csv", NULL);
  g_autofree char *xlsx = g_build_filename (f->dir, "gaps.xlsx", NULL);
  g_autofree char *reports = g_build_filename (f->dir, "reports", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *sjis_contents = NULL;
  g_autofree char *decoded = NULL;
  g_autofree char *sha = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GBytes) book_bytes = NULL;
  g_autoptr(ScsXlsx) book = NULL;
  g_autoptr(ScsXlsxSheet) sheet = NULL;
  g_autoptr(GError) error = NULL;
  const char * const ja[] = { "SCS_LANGUAGE=ja", NULL };
  g_autoptr(CliRun) run = NULL;
  g_autoptr(JsonParser) parser = NULL;
  JsonObject *root, *gap;
  JsonArray *gaps;
  ScsXlsxCell cell;
  gsize length, sjis_length;

  cli_test_assert_ok (run = cli_run ("jc", "product", jc, "--name", "見守りカメラ", "--model", "CAM-100",
                                     "--model", "CAM-100W", "--model", "CAM-200", "--support-end", "2030-03-31",
                                     "--label-number", "JC1-000123", "--issued", "2025-06-01",
                                     "--expires", "2027-05-31"));
  g_clear_pointer (&run, cli_run_free);
  cli_test_assert_ok (run = cli_run ("jc", "answer", jc, "S1.1-01", "1", "does-not"));
  g_clear_pointer (&run, cli_run_free);
  cli_test_assert_ok (run = cli_run ("jc", "answer", jc, "S1.1-08", "1", "na", "--reason", "更新機能なし"));
  g_clear_pointer (&run, cli_run_free);

  /* Text, in Japanese: labels and next steps, no codes. */
  cli_test_assert_ok (run = cli_run_env (ja, "diagnose", jc, "--date", "2027-03-02"));
  g_assert_nonnull (strstr (run->out, "JC-STAR ★1"));
  g_assert_nonnull (strstr (run->out, "S1.1-01 #1"));
  g_assert_nonnull (strstr (run->out, "不適合"));
  g_assert_nonnull (strstr (run->out, "次の対応："));
  g_assert_nonnull (strstr (run->out, "2027-05-31 に有効期限（あと 90 日）"));
  g_assert_null (strstr (run->out, "does-not"));
  g_assert_null (strstr (run->out, "S1.1-08 #1"));
  g_clear_pointer (&run, cli_run_free);

  /* JSON for scripts: stable keys and kinds. */
  cli_test_assert_ok (run = cli_run ("diagnose", jc, "--json", "--date", "2027-03-01"));
  root = cli_test_parse_new (run->out, &parser);
  g_assert_cmpstr (json_object_get_string_member (root, "type"), ==, "jcstar1");
  gaps = json_object_get_array_member (root, "gaps");
  gap = find_gap_by_key (gaps, "S1.1-01#1");
  g_assert_nonnull (gap);
  g_assert_cmpstr (json_object_get_string_member (gap, "kind"), ==, "does-not");
  g_assert_cmpstr (json_object_get_string_member (gap, "finding"), ==, "Does not conform");
  g_assert_nonnull (json_object_get_string_member (gap, "next_step"));
  g_assert_cmpstr (json_object_get_string_member (find_gap_by_key (gaps, "product:vdp-url"), "kind"), ==, "record");
  g_assert_null (find_gap_by_key (gaps, "S1.1-08#1"));
  g_assert_null (find_gap_by_key (gaps, "label"));   /* 91 days ahead */
  g_assert_false (json_object_has_member (root, "tier"));
  g_clear_pointer (&run, cli_run_free);
  g_clear_object (&parser);

  /* CSV in UTF-8 and in CP932: the same text; XLSX: the same cells. */
  cli_test_assert_ok (run = cli_run_env (ja, "diagnose", jc, "--csv", csv, "--xlsx", xlsx));
  g_clear_pointer (&run, cli_run_free);
  cli_test_assert_ok (run = cli_run_env (ja, "diagnose", jc, "--csv", sjis, "--encoding", "cp932"));
  g_clear_pointer (&run, cli_run_free);
  g_assert_true (g_file_get_contents (csv, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF" "番号,区分,項目,指摘,推奨する次の対応\r\n"));
  g_assert_true (g_file_get_contents (sjis, &sjis_contents, &sjis_length, NULL));
  g_assert_false (g_utf8_validate (sjis_contents, sjis_length, NULL));
  decoded = g_convert (sjis_contents, sjis_length, "UTF-8", "CP932", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (decoded, ==, contents + 3);
  g_assert_nonnull (strstr (decoded, "不適合"));
  g_assert_null (strstr (decoded, "does-not"));
  rows = scs_csv_parse (contents + 3, length - 3, &error);
  g_assert_no_error (error);

  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (xlsx, &contents, &length, NULL));
  book_bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  book = scs_xlsx_new_from_bytes (book_bytes, &error);
  g_assert_no_error (error);
  sheet = scs_xlsx_load_sheet (book, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (scs_xlsx_sheet_get_max_row (sheet), ==, rows->len);
  for (guint r = 1; r <= rows->len; r++)
    for (guint c = 1; c <= 5; c++)
      {
        const char * const *row = g_ptr_array_index (rows, r - 1);

        if (*row[c - 1] == '\0')
          continue;
        g_assert_true (scs_xlsx_sheet_get_cell (sheet, r, c, &cell));
        g_assert_cmpstr (cell.text, ==, row[c - 1]);
      }

  /* The SCS plan and tier: refused, nothing written. */
  sha = core_test_file_sha256 (jc);
  cli_test_assert_refused (run = cli_run ("diagnose", jc, "--on-site", "yes", "--size", "small"), "JC-STAR");
  g_clear_pointer (&run, cli_run_free);
  cli_test_assert_refused (run = cli_run ("diagnose", "set", jc, "1-2-1-1", "--owner", "山田"), "JC-STAR");
  g_clear_pointer (&run, cli_run_free);
  cli_test_assert_unchanged (jc, sha);

  /* SECURITY ACTION: "don't know" to follow up, low scores, no policy. */
  for (guint n = 1; n <= 25; n++)
    {
      g_autofree char *number = g_strdup_printf ("%u", n);

      cli_test_assert_ok (run = cli_run ("sa", "answer", sa, number,
                                         n == 4 ? "dont-know" : n == 11 ? "not-done" : "done"));
      g_clear_pointer (&run, cli_run_free);
    }
  cli_test_assert_ok (run = cli_run ("diagnose", sa, "--json"));
  root = cli_test_parse_new (run->out, &parser);
  g_assert_cmpstr (json_object_get_string_member (root, "type"), ==, "security-action");
  gaps = json_object_get_array_member (root, "gaps");
  g_assert_cmpuint (json_array_get_length (gaps), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (find_gap_by_key (gaps, "4"), "kind"), ==, "dont-know");
  g_assert_cmpstr (json_object_get_string_member (find_gap_by_key (gaps, "11"), "kind"), ==, "low-score");
  g_assert_cmpstr (json_object_get_string_member (find_gap_by_key (gaps, "policy"), "kind"), ==, "no-policy");
  g_clear_pointer (&run, cli_run_free);
  g_clear_object (&parser);
  cli_test_assert_ok (run = cli_run_env (ja, "diagnose", sa));
  g_assert_nonnull (strstr (run->out, "わからない（−1点）：要確認"));
  g_assert_nonnull (strstr (run->out, "情報セキュリティ基本方針"));
  g_clear_pointer (&run, cli_run_free);

  /* The multi-client diagnosis: every type gets its report and gap list. */
  g_assert_cmpint (g_mkdir (reports, 0700), ==, 0);
  cli_test_assert_ok (run = cli_run ("portfolio", "diagnose", jc, sa, scs, "--out-dir", reports, "--json"));
  root = cli_test_parse_new (run->out, &parser);
  g_assert_cmpint (json_object_get_int_member (root, "done"), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      const char *stems[] = { "camera", "pledge", "scs" };
      g_autofree char *pdf_name = g_strconcat (stems[i], "-diagnosis.pdf", NULL);
      g_autofree char *xlsx_name = g_strconcat (stems[i], "-gaps.xlsx", NULL);
      g_autofree char *pdf_path = g_build_filename (reports, pdf_name, NULL);
      g_autofree char *xlsx_path = g_build_filename (reports, xlsx_name, NULL);

      g_assert_true (g_file_test (pdf_path, G_FILE_TEST_IS_REGULAR));
      g_assert_true (g_file_test (xlsx_path, G_FILE_TEST_IS_REGULAR));
    }
}

static void
test_wizard_and_suppliers (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *store = g_build_filename (f->dir, "suppliers.ini", NULL);
  g_autofree char *in = g_build_filename (f->dir, "in.csv", NULL);
  g_autofree char *bad = g_build_filename (f->dir, "bad.csv", NULL);
  g_autofree char *out = g_build_filename (f->dir, "out.csv", NULL);
  g_autofree char *exported = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(CliRun) run = NULL;
  const char *combos[] = { "no,no,no", "yes,no,no", "no,yes,no", "no,no,yes", "yes,yes,yes" };

  for (guint i = 0; i < G_N_ELEMENTS (combos); i++)
    {
      g_autoptr(JsonParser) parser = NULL;
      JsonObject *root;

      g_clear_pointer (&run, cli_run_free);
      run = cli_run ("wizard", "--answers", combos[i], "--json", "--file", store);
      cli_test_assert_ok (run);
      root = cli_test_parse_new (run->out, &parser);
      g_assert_cmpint (json_object_get_int_member (root, "recommended"), ==, i == 0 ? 3 : 4);
      g_assert_nonnull (strstr (json_object_get_string_member (root, "reasoning"), "(1)"));
    }

  g_clear_pointer (&run, cli_run_free);
  run = cli_run ("wizard", "--answers", "no,yes,no", "--factors", "代替が難しい", "--supplier", "株式会社みどり",
                 "--obtained", "3", "--file", store, "--print");
  cli_test_assert_ok (run);
  g_assert_nonnull (strstr (run->out, "株式会社みどり"));
  g_assert_nonnull (strstr (run->out, "★4"));

  g_assert_true (g_file_set_contents (in, "name,confidential,delay,access,obtained\r\n"
                                          "株式会社あお,no,no,no,3\r\n", -1, NULL));
  g_clear_pointer (&run, cli_run_free);
  cli_test_assert_ok (run = cli_run ("suppliers", "import", in, "--file", store));
  g_clear_pointer (&run, cli_run_free);
  run = cli_run ("suppliers", "list", "--file", store);
  cli_test_assert_ok (run);
  g_assert_nonnull (strstr (run->out, "株式会社あお"));
  g_assert_nonnull (strstr (run->out, "(below)"));

  g_assert_true (g_file_set_contents (bad, "name,confidential,delay,access\r\nX,yes,perhaps,no\r\n", -1, NULL));
  g_clear_pointer (&run, cli_run_free);
  cli_test_assert_refused (run = cli_run ("suppliers", "import", bad, "--file", store), "Line 2, column 3");

  g_clear_pointer (&run, cli_run_free);
  cli_test_assert_ok (run = cli_run ("suppliers", "export", out, "--file", store));
  g_assert_true (g_file_get_contents (out, &exported, NULL, NULL));
  g_assert_nonnull (strstr (exported, "株式会社みどり"));
  g_assert_nonnull (strstr (exported, "株式会社あお"));
  g_assert_null (strstr (exported, "\nX,"));

  g_clear_pointer (&run, cli_run_free);
  cli_test_assert_refused (run = cli_run ("wizard", "--answers", "yes,no"), "--answers");

  /* The register: 法人番号, registry entry, a check, a negotiation; then
   * re-deciding keeps them all and adds to the history. */
  g_clear_pointer (&run, cli_run_free);
  cli_test_assert_ok (run = cli_run ("wizard", "--answers", "no,no,no", "--supplier", "株式会社そら",
                                     "--corporate-number", "7000012050002", "--factors", "図面", "--file", store));
  g_clear_pointer (&run, cli_run_free);
  cli_test_assert_ok (run = cli_run ("suppliers", "set", "株式会社そら", "--registry-id", "SCS3-9",
                                     "--expiry", "2028-03-31", "--obtained", "3", "--file", store));
  g_clear_pointer (&run, cli_run_free);
  cli_test_assert_ok (run = cli_run ("suppliers", "check", "株式会社そら", "--date", "2027-04-01",
                                     "--method", "registry", "--evidence", "台帳 SCS3-9", "--file", store));
  g_clear_pointer (&run, cli_run_free);
  cli_test_assert_ok (run = cli_run ("suppliers", "negotiation", "株式会社そら", "--date", "2027-05-01",
                                     "--outcome", "費用は折半", "--documents", "覚書", "--file", store));
  g_clear_pointer (&run, cli_run_free);
  run = cli_run ("wizard", "--answers", "yes,no,no", "--supplier", "株式会社そら", "--json", "--file", store);
  cli_test_assert_ok (run);
  {
    g_autoptr(JsonParser) parser = NULL;
    JsonObject *root = cli_test_parse_new (run->out, &parser);

    g_assert_cmpint (json_object_get_int_member (root, "recommended"), ==, 4);
    g_assert_cmpstr (json_object_get_string_member (root, "corporate_number"), ==, "7000012050002");
    g_assert_cmpstr (json_object_get_string_member (root, "factors"), ==, "図面");
    g_assert_cmpstr (json_object_get_string_member (root, "registry_id"), ==, "SCS3-9");
    g_assert_cmpstr (json_object_get_string_member (root, "expiry"), ==, "2028-03-31");
    g_assert_cmpint (json_object_get_int_member (root, "obtained"), ==, 3);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "checks")), ==, 1);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "negotiations")), ==, 1);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "history")), ==, 2);
  }

  /* Refusals change nothing. */
  g_assert_true (g_file_get_contents (store, &before, NULL, NULL));
  g_clear_pointer (&run, cli_run_free);
  cli_test_assert_refused (run = cli_run ("suppliers", "check", "株式会社そら", "--date", "2027-04-01",
                                          "--method", "telepathy", "--evidence", "x", "--file", store),
                           "telepathy");
  g_clear_pointer (&run, cli_run_free);
  cli_test_assert_refused (run = cli_run ("suppliers", "set", "株式会社そら", "--expiry", "2028-02-30",
                                          "--file", store), "2028-02-30");
  g_clear_pointer (&run, cli_run_free);
  cli_test_assert_refused (run = cli_run ("suppliers", "set", "nobody", "--file", store), "nobody");
  g_clear_pointer (&run, cli_run_free);
  cli_test_assert_refused (run = cli_run ("wizard", "--answers", "no,no,no", "--supplier", "文具",
                                          "--outside", " ", "--file", store), "outside the flow");
  g_assert_true (g_file_get_contents (store, &after, NULL, NULL));
  g_assert_cmpstr (before, ==, after);

  /* Outside the flow, with its reason. */
  g_clear_pointer (&run, cli_run_free);
  cli_test_assert_ok (run = cli_run ("wizard", "--answers", "no,no,no", "--supplier", "文具",
                                     "--outside", "単発購入", "--file", store));
  g_clear_pointer (&run, cli_run_free);
  run = cli_run ("suppliers", "list", "--file", store);
  cli_test_assert_ok (run);
  g_assert_nonnull (strstr (run->out, "outside the flow"));
}

/* Statistics across two clients: 1-2-1-2 unmet by both (unanswered
 * counts), 1-2-1-1 by one; by size; CSV and PDF written; bad options
 * refused before anything is written. */
static void
test_portfolio_stats (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *clients = g_build_filename (f->dir, "clients", NULL);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *csv = g_build_filename (f->dir, "stats.csv", NULL);
  g_autofree char *pdf = g_build_filename (f->dir, "stats.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *sha = NULL;
  g_autoptr(CliRun) run = NULL;
  g_autoptr(JsonParser) parser = NULL;
  JsonArray *stats;
  gboolean seen_small = FALSE;

  g_assert_cmpint (g_mkdir (clients, 0700), ==, 0);
  a = new_client (f, "clients/a.scsw", "株式会社エー", "3");
  b = new_client (f, "clients/b.scsw", "株式会社ビー", "3");
  answer (a, "1-2-1-1", "met");
  cli_test_assert_ok (run = cli_run ("diagnose", a, "--size", "small", "--sector", "manufacturing"));
  g_clear_pointer (&run, cli_run_free);
  sha = core_test_file_sha256 (b);
  cli_test_assert_refused (run = cli_run ("diagnose", b, "--size", "huge"), "huge");
  g_clear_pointer (&run, cli_run_free);
  cli_test_assert_unchanged (b, sha);

  run = cli_run ("portfolio", "stats", clients, "--by", "size", "--json");
  cli_test_assert_ok (run);
  parser = json_parser_new ();
  g_assert_true (json_parser_load_from_data (parser, run->out, -1, NULL));
  stats = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; i < json_array_get_length (stats); i++)
    {
      JsonObject *o = json_array_get_object_element (stats, i);
      const char *id = json_object_get_string_member_with_default (o, "criterion_id", NULL);
      const char *group = json_object_get_string_member (o, "group");

      if (g_strcmp0 (id, "1-2-1-1") == 0 && g_str_equal (group, "small"))
        {
          seen_small = TRUE;
          g_assert_cmpint (json_object_get_int_member (o, "clients"), ==, 1);
          g_assert_cmpint (json_object_get_int_member (o, "unmet"), ==, 0);
        }
      if (g_strcmp0 (id, "1-2-1-1") == 0 && g_str_equal (group, ""))
        g_assert_cmpint (json_object_get_int_member (o, "unmet"), ==, 1);
    }
  g_assert_true (seen_small);
  g_clear_pointer (&run, cli_run_free);

  cli_test_assert_ok (run = cli_run ("portfolio", "stats", clients, "--csv", csv, "--pdf", pdf));
  g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF" "Group,Category,Criterion,"));
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (pdf, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_clear_pointer (&run, cli_run_free);
  g_assert_cmpint (g_unlink (csv), ==, 0);
  cli_test_assert_refused (run = cli_run ("portfolio", "stats", clients, "--by", "colour", "--csv", csv),
                           "colour");
  g_assert_false (g_file_test (csv, G_FILE_TEST_EXISTS));
}

/* Bulk actions: each client on its own, failures summed up (exit 1), a
 * failed client unchanged; the portfolio exported and copies found. */
static void
test_portfolio_bulk (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *a = new_client (f, "a.scsw", "株式会社エー", "3");
  g_autofree char *b = new_client (f, "b.scsw", "株式会社ビー", "3");
  g_autofree char *missing = g_build_filename (f->dir, "missing.scsw", NULL);
  g_autofree char *reports = g_build_filename (f->dir, "reports", NULL);
  g_autofree char *pdf = g_build_filename (reports, "a-diagnosis.pdf", NULL);
  g_autofree char *xlsx = g_build_filename (reports, "b-gaps.xlsx", NULL);
  g_autofree char *csv = g_build_filename (f->dir, "clients.csv", NULL);
  g_autofree char *book = g_build_filename (f->dir, "clients.xlsx", NULL);
  g_autofree char *sha = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(CliRun) run = NULL;
  g_autoptr(JsonParser) parser = NULL;
  JsonObject *root;

  answer (a, "1-2-1-1", "met");
  answer (b, "1-2-1-1", "met");
  cli_test_assert_ok (run = cli_run ("renew", b));
  g_clear_pointer (&run, cli_run_free);
  sha = core_test_file_sha256 (b);

  /* b's renewal is open: refused; the missing file too; a renewed. */
  run = cli_run ("portfolio", "renew", a, b, missing, "--json");
  g_assert_cmpint (run->status, ==, 1);
  root = cli_test_parse_new (run->out, &parser);
  g_assert_cmpint (json_object_get_int_member (root, "done"), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "failed")), ==, 2);
  cli_test_assert_unchanged (b, sha);
  g_clear_pointer (&run, cli_run_free);
  g_clear_object (&parser);

  cli_test_assert_ok (run = cli_run ("portfolio", "reconfirm", a, b));
  g_clear_pointer (&run, cli_run_free);
  cli_test_assert_ok (run = cli_run ("portfolio", "renew", a, b));
  g_clear_pointer (&run, cli_run_free);

  g_assert_cmpint (g_mkdir (reports, 0700), ==, 0);
  cli_test_assert_ok (run = cli_run ("portfolio", "diagnose", a, b, "--out-dir", reports));
  g_assert_true (g_file_test (pdf, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (xlsx, G_FILE_TEST_EXISTS));
  g_clear_pointer (&run, cli_run_free);
  cli_test_assert_refused (run = cli_run ("portfolio", "diagnose", a), "--out-dir");
  g_clear_pointer (&run, cli_run_free);

  /* Both clients carry VALID_NUMBER: copies of one client? */
  run = cli_run ("portfolio", f->dir, "--json", "--csv", csv, "--xlsx", book);
  cli_test_assert_ok (run);
  root = cli_test_parse_new (run->out, &parser);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
                      json_object_get_object_member (root, "duplicates"), VALID_NUMBER)), ==, 2);
  g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF" "File,Company,Corporate number,"));
  g_assert_nonnull (strstr (contents, "株式会社エー"));
  g_assert_true (g_file_test (book, G_FILE_TEST_EXISTS));
  g_clear_pointer (&run, cli_run_free);
  run = cli_run ("portfolio", f->dir);
  cli_test_assert_ok (run);
  g_assert_nonnull (strstr (run->out, "copies of one client"));
}

/* Reminders look --within days ahead (the window's preference is the same
 * number); a window out of range is refused. */
static void
test_portfolio_reminders (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *a = new_client (f, "a.scsw", "株式会社エー", "3");
  g_autoptr(CliRun) run = NULL;
  g_autoptr(JsonParser) parser = NULL;
  JsonObject *root, *reminder;
  JsonArray *reminders;

  answer (a, "1-2-1-1", "met");
  cli_test_assert_ok (run = cli_run ("certify", a, "--level", "3", "--date", "2026-04-01"));
  g_clear_pointer (&run, cli_run_free);

  /* expires 2027-03-31: 45 days from 2027-02-14 */
  run = cli_run ("portfolio", "reminders", f->dir, "--json", "--today", "2027-02-14");
  cli_test_assert_ok (run);
  root = cli_test_parse_new (run->out, &parser);
  g_assert_cmpint (json_object_get_int_member (root, "within_days"), ==, 60);
  reminders = json_object_get_array_member (root, "reminders");
  g_assert_cmpuint (json_array_get_length (reminders), ==, 1);
  reminder = json_array_get_object_element (reminders, 0);
  g_assert_cmpstr (json_object_get_string_member (reminder, "kind"), ==, "expiry");
  g_assert_cmpstr (json_object_get_string_member (reminder, "date"), ==, "2027-03-31");
  g_assert_cmpint (json_object_get_int_member (reminder, "days"), ==, 45);

  g_clear_pointer (&run, cli_run_free);
  g_clear_object (&parser);
  run = cli_run ("portfolio", "reminders", f->dir, "--json", "--today", "2027-02-14", "--within", "30");
  cli_test_assert_ok (run);
  root = cli_test_parse_new (run->out, &parser);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "reminders")), ==, 0);

  g_clear_pointer (&run, cli_run_free);
  run = cli_run ("portfolio", "reminders", f->dir, "--today", "2027-02-14", "--within", "90");
  cli_test_assert_ok (run);
  g_assert_nonnull (strstr (run->out, "株式会社エー"));
  g_assert_nonnull (strstr (run->out, "2027-03-31"));

  g_clear_pointer (&run, cli_run_free);
  cli_test_assert_refused (run = cli_run ("portfolio", "reminders", f->dir, "--within", "0"), "--within");
  g_clear_pointer (&run, cli_run_free);
  cli_test_assert_refused (run = cli_run ("portfolio", "reminders", f->dir, "--within", "400"), "400");
}

/* The life cycle from the command line: a ★4 star, a finding and its
 * correction deadline; "other" changes need a description; refusals
 * (future, before the finding, no --found) exit 2 and write nothing. */
static void
test_life_cycle (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *a = new_client (f, "a.scsw", "株式会社エー", "4");
  g_autofree char *sha = NULL;
  g_autoptr(CliRun) run = NULL;
  g_autoptr(JsonParser) parser = NULL;
  JsonArray *events;
  JsonObject *first;

  answer (a, "1-2-1-1", "met");
  cli_test_assert_ok (run = cli_run ("certify", a, "--level", "4", "--date", "2025-07-01"));
  g_clear_pointer (&run, cli_run_free);
  cli_test_assert_ok (run = cli_run ("finding", a, "--found", "2026-05-31"));
  g_clear_pointer (&run, cli_run_free);

  run = cli_run ("life-cycle", a, "--json", "--today", "2026-06-20");
  cli_test_assert_ok (run);
  events = json_object_get_array_member (cli_test_parse_new (run->out, &parser), "events");
  g_assert_cmpuint (json_array_get_length (events), ==, 4);
  first = json_array_get_object_element (events, 0);
  g_assert_cmpstr (json_object_get_string_member (first, "kind"), ==, "correction");
  g_assert_cmpstr (json_object_get_string_member (first, "date"), ==, "2026-06-30");
  g_assert_cmpstr (json_object_get_string_member (first, "urgency"), ==, "soon");
  g_assert_true (json_object_get_boolean_member (first, "provisional"));
  g_clear_pointer (&run, cli_run_free);

  sha = core_test_file_sha256 (a);
  cli_test_assert_refused (run = cli_run ("finding", a, "--found", "2099-01-01"), "2099-01-01");
  g_clear_pointer (&run, cli_run_free);
  cli_test_assert_refused (run = cli_run ("finding", a, "--found", "2026-05-31", "--corrected", "2026-05-01"),
                           "2026-05-01");
  g_clear_pointer (&run, cli_run_free);
  cli_test_assert_refused (run = cli_run ("finding", a), "--found");
  g_clear_pointer (&run, cli_run_free);
  cli_test_assert_refused (run = cli_run ("significant-change", a, "other"), "other");
  g_clear_pointer (&run, cli_run_free);
  cli_test_assert_unchanged (a, sha);
  cli_test_assert_ok (run = cli_run ("significant-change", a, "other", "--description", "委託先の変更"));
}

/* ------------------------------------------------------------------------ */
/* The listing's rows kept across runs ($XDG_CACHE_HOME)                     */

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Runs scs-cli with @args and @env while inotify watches @dir: the
 * workspaces (*.scsw) the run opened, sorted, separated by spaces. */
static char *
run_watching_opens (const char          *dir,
                    const char * const  *env,
                    const char * const  *args,
                    char               **out)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(CliRun) run = NULL;
  char buffer[4096] __attribute__ ((aligned (__alignof__ (struct inotify_event))));
  int fd = inotify_init1 (IN_NONBLOCK | IN_CLOEXEC);
  ssize_t n;

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (inotify_add_watch (fd, dir, IN_OPEN), >=, 0);
  run = cli_test_run (&(const CliOptions) { .actor = NULL, .env = env }, args);
  cli_test_assert_ok (run);
  /* The events of the finished run are all queued. */
  while ((n = read (fd, buffer, sizeof buffer)) > 0)
    {
      for (char *p = buffer; p < buffer + n;)
        {
          const struct inotify_event *event = (const struct inotify_event *) p;

          g_assert_false (event->mask & IN_Q_OVERFLOW);
          if (event->len > 0 && g_str_has_suffix (event->name, ".scsw") &&
              !g_ptr_array_find_with_equal_func (names, event->name, g_str_equal, NULL))
            g_ptr_array_add (names, g_strdup (event->name));
          p += sizeof (struct inotify_event) + event->len;
        }
    }
  close (fd);
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  if (out != NULL)
    *out = g_strdup (run->out);
  return g_strjoinv (" ", (char **) names->pdata);
}

#define watch_opens(env_, out_, ...) \
  run_watching_opens (f->dir, (env_), (const char * const[]) { __VA_ARGS__, NULL }, (out_))

/* A second `portfolio` opens no workspace whose key is unchanged and shows
 * the rows a fresh read shows; a changed workspace is read again; the
 * other listing commands use the same rows; --no-cache reads every file
 * and leaves the kept rows alone; a damaged cache file is ignored and
 * written anew. */
static void
test_portfolio_cache (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *cache_home = g_build_filename (f->dir, ".cache", NULL);
  g_autofree char *env_home = g_strconcat ("XDG_CACHE_HOME=", cache_home, NULL);
  const char * const env[] = { env_home, NULL };
  g_autofree char *rows = g_build_filename (cache_home, "scs-workbench", "portfolio-rows", NULL);
  g_autofree char *a = new_client (f, "a.scsw", "株式会社エー", "3");
  g_autofree char *b = new_client (f, "b.scsw", "株式会社ビー", "3");
  g_autofree char *c = new_client (f, "c.scsw", "株式会社シー", "4");
  g_autofree char *first = NULL;
  g_autofree char *fresh = NULL;
  g_autofree char *opened = NULL;
  g_autofree char *out = NULL;
  g_autofree char *rows_sha = NULL;
  g_autoptr(JsonParser) parser = NULL;
  JsonObject *root;

  answer (a, "1-2-1-1", "met");
  cli_test_wait_settled_since (g_get_real_time ());

  opened = watch_opens (env, &first, "portfolio", f->dir, "--json", "--today", "2027-03-01");
  g_assert_cmpstr (opened, ==, "a.scsw b.scsw c.scsw");
  g_assert_true (g_file_test (rows, G_FILE_TEST_IS_REGULAR));
  g_clear_pointer (&opened, g_free);
  opened = watch_opens (env, &out, "portfolio", f->dir, "--json", "--today", "2027-03-01");
  g_assert_cmpstr (opened, ==, "");
  g_assert_cmpstr (out, ==, first);
  g_clear_pointer (&opened, g_free);
  g_clear_pointer (&out, g_free);

  /* b changed: read again, and only b. */
  answer (b, "1-2-1-1", "met");
  cli_test_wait_settled_since (g_get_real_time ());
  opened = watch_opens (env, &out, "portfolio", f->dir, "--json", "--today", "2027-03-01");
  g_assert_cmpstr (opened, ==, "b.scsw");
  root = cli_test_parse_new (out, &parser);
  g_assert_cmpint (json_object_get_int_member (find_client (json_object_get_array_member (root, "clients"),
                                                            "株式会社ビー"), "satisfied"), ==, 1);
  g_clear_pointer (&opened, g_free);

  /* --no-cache: every file read, the same rows, the kept rows untouched. */
  rows_sha = core_test_file_sha256 (rows);
  opened = watch_opens (env, &fresh, "portfolio", f->dir, "--json", "--today", "2027-03-01", "--no-cache");
  g_assert_cmpstr (opened, ==, "a.scsw b.scsw c.scsw");
  g_assert_cmpstr (out, ==, fresh);
  cli_test_assert_unchanged (rows, rows_sha);
  g_clear_pointer (&opened, g_free);
  g_clear_pointer (&out, g_free);

  /* The other listing commands list from the same rows. */
  opened = watch_opens (env, NULL, "portfolio", "reminders", f->dir, "--today", "2027-03-01");
  g_assert_cmpstr (opened, ==, "");
  g_clear_pointer (&opened, g_free);
  opened = watch_opens (env, NULL, "portfolio", "stats", f->dir);
  g_assert_cmpstr (opened, ==, "");
  g_clear_pointer (&opened, g_free);

  /* A damaged cache file: ignored (every file read, the right rows), then
   * replaced. */
  for (guint damage = 0; damage < 2; damage++)
    {
      if (damage == 0)
        g_assert_true (g_file_set_contents (rows, "PK\3\4 not a cache file", -1, NULL));
      else
        {
          g_autofree char *contents = NULL;
          gsize length;

          g_assert_true (g_file_get_contents (rows, &contents, &length, NULL));
          g_assert_cmpuint (length, >, 100);
          contents[length - 50] ^= 0x20;
          g_assert_true (g_file_set_contents (rows, contents, length, NULL));
        }
      opened = watch_opens (env, &out, "portfolio", f->dir, "--json", "--today", "2027-03-01");
      g_assert_cmpstr (opened, ==, "a.scsw b.scsw c.scsw");
      g_assert_cmpstr (out, ==, fresh);
      g_clear_pointer (&opened, g_free);
      g_clear_pointer (&out, g_free);
      opened = watch_opens (env, &out, "portfolio", f->dir, "--json", "--today", "2027-03-01");
      g_assert_cmpstr (opened, ==, "");
      g_assert_cmpstr (out, ==, fresh);
      g_clear_pointer (&opened, g_free);
      g_clear_pointer (&out, g_free);
    }
}

/* The satisfied figure of @company in a `portfolio --json` output. */
static gint64
satisfied_of (const char *out,
              const char *company)
{
  g_autoptr(JsonParser) parser = NULL;
  JsonObject *root = cli_test_parse_new (out, &parser);

  return json_object_get_int_member (find_client (json_object_get_array_member (root, "clients"), company),
                                     "satisfied");
}

static void
holder_exec (sqlite3    *db,
             const char *sql)
{
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
}

#define SET_MET     "UPDATE answer SET state = 'met' WHERE criterion_id = '1-2-1-1'"
#define SET_NOT_MET "UPDATE answer SET state = 'not-met' WHERE criterion_id = '1-2-1-1'"

/* Lists right away: reads @expect_read and shows what a listing without
 * the kept rows shows. Once settled, a listing keeps the rows (reading
 * again what changed less than the settle time before the first) and the
 * next one opens no workspace and shows the same. Returns the rows. */
static char *
list_then_cached (Fixture            *f,
                  const char * const *env,
                  const char         *expect_read)
{
  g_autofree char *opened = NULL;
  g_autofree char *fresh = NULL;
  g_autofree char *out = NULL;
  g_autofree char *again = NULL;

  opened = watch_opens (env, &out, "portfolio", f->dir, "--json", "--today", "2027-03-01");
  g_assert_cmpstr (opened, ==, expect_read);
  g_clear_pointer (&opened, g_free);
  opened = watch_opens (env, &fresh, "portfolio", f->dir, "--json", "--today", "2027-03-01", "--no-cache");
  g_assert_cmpstr (out, ==, fresh);
  g_clear_pointer (&opened, g_free);
  cli_test_wait_settled_since (g_get_real_time ());
  for (guint i = 0; i < 2; i++)
    {
      g_clear_pointer (&opened, g_free);
      opened = watch_opens (env, &again, "portfolio", f->dir, "--json", "--today", "2027-03-01");
      g_assert_cmpstr (again, ==, fresh);
      g_clear_pointer (&again, g_free);
    }
  g_assert_cmpstr (opened, ==, "");
  return g_steal_pointer (&out);
}

/* A workspace another process holds open (here: this test's own SQLite
 * connection, in WAL mode, never closed while listing) is kept like any
 * other once idle — a reader changes its -wal's status-change time, so
 * that time cannot be part of the key — and what that process commits,
 * checkpoints or restarts shows in the very next listing, also when the
 * restarted -wal keeps its size and is given its old modification time
 * back (only the log's salts and checksums tell). */
static void
test_portfolio_cache_held_open (Fixture       *f,
                                gconstpointer  data)
{
  g_autofree char *cache_home = g_build_filename (f->dir, ".cache", NULL);
  g_autofree char *env_home = g_strconcat ("XDG_CACHE_HOME=", cache_home, NULL);
  const char * const env[] = { env_home, NULL };
  g_autofree char *a = new_client (f, "a.scsw", "株式会社エー", "3");
  g_autofree char *b = new_client (f, "b.scsw", "株式会社ビー", "3");
  g_autofree char *wal = g_strconcat (a, "-wal", NULL);
  g_autofree char *out = NULL;
  g_autofree char *opened = NULL;
  struct stat main_before, main_after, wal_before, wal_after;
  struct timespec times[2];
  sqlite3 *db = NULL;

  answer (a, "1-2-1-1", "met");
  g_assert_cmpint (sqlite3_open (a, &db), ==, SQLITE_OK);
  holder_exec (db, "PRAGMA user_version");
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  cli_test_wait_settled_since (g_get_real_time ());

  /* Held open and idle: kept. */
  out = list_then_cached (f, env, "a.scsw b.scsw");
  g_assert_cmpint (satisfied_of (out, "株式会社エー"), ==, 1);
  g_clear_pointer (&out, g_free);

  /* A commit (in the -wal) shows at once, the file still open. */
  holder_exec (db, SET_NOT_MET);
  out = list_then_cached (f, env, "a.scsw");
  g_assert_cmpint (satisfied_of (out, "株式会社エー"), ==, 0);
  g_clear_pointer (&out, g_free);

  /* A checkpoint that empties the -wal. */
  holder_exec (db, "PRAGMA wal_checkpoint (TRUNCATE)");
  g_assert_cmpint (stat (wal, &wal_after), ==, 0);
  g_assert_cmpint (wal_after.st_size, ==, 0);
  out = list_then_cached (f, env, "a.scsw");
  g_assert_cmpint (satisfied_of (out, "株式会社エー"), ==, 0);
  g_clear_pointer (&out, g_free);

  /* A commit, then a checkpoint that copies it into the file but keeps
   * the log: the next commit restarts the log over the same frames. */
  holder_exec (db, SET_MET);
  holder_exec (db, "PRAGMA wal_checkpoint (PASSIVE)");
  out = list_then_cached (f, env, "a.scsw");
  g_assert_cmpint (satisfied_of (out, "株式会社エー"), ==, 1);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (stat (a, &main_before), ==, 0);
  g_assert_cmpint (stat (wal, &wal_before), ==, 0);
  holder_exec (db, SET_NOT_MET);
  times[0] = wal_before.st_atim;
  times[1] = wal_before.st_mtim;
  g_assert_cmpint (utimensat (AT_FDCWD, wal, times, 0), ==, 0);
  g_assert_cmpint (stat (a, &main_after), ==, 0);
  g_assert_cmpint (stat (wal, &wal_after), ==, 0);
  /* Only the -wal's content (and its status-change time) tells. */
  g_assert_cmpint (main_after.st_mtim.tv_nsec, ==, main_before.st_mtim.tv_nsec);
  g_assert_cmpint (main_after.st_ctim.tv_nsec, ==, main_before.st_ctim.tv_nsec);
  g_assert_cmpint (wal_after.st_ino, ==, wal_before.st_ino);
  g_assert_cmpint (wal_after.st_size, ==, wal_before.st_size);
  g_assert_cmpint (wal_after.st_mtim.tv_sec, ==, wal_before.st_mtim.tv_sec);
  g_assert_cmpint (wal_after.st_mtim.tv_nsec, ==, wal_before.st_mtim.tv_nsec);
  out = list_then_cached (f, env, "a.scsw");
  g_assert_cmpint (satisfied_of (out, "株式会社エー"), ==, 0);
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

  /* A -wal that is not SQLite's (cut short, random bytes) with an old
   * time: never a crash, the file read every time, the right row. */
  for (guint kind = 0; kind < 2; kind++)
    {
      g_autofree char *fresh = NULL;
      guint8 bytes[4096];

      for (guint i = 0; i < sizeof bytes; i++)
        bytes[i] = g_random_int ();
      g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
      g_assert_true (g_file_set_contents (wal, (const char *) bytes, kind == 0 ? 20 : sizeof bytes, NULL));
      g_assert_cmpint (utimensat (AT_FDCWD, wal, times, 0), ==, 0);
      opened = watch_opens (env, &out, "portfolio", f->dir, "--json", "--today", "2027-03-01");
      g_assert_cmpstr (opened, ==, "a.scsw");
      g_assert_cmpint (satisfied_of (out, "株式会社エー"), ==, 0);
      g_clear_pointer (&opened, g_free);
      g_clear_pointer (&out, g_free);
      /* SQLite ignored it and, as the last connection, removed it: the
       * file as before, its row kept from then on. */
      g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
      cli_test_wait_settled_since (g_get_real_time ());
      out = list_then_cached (f, env, kind == 0 ? "a.scsw" : "");
      g_clear_pointer (&out, g_free);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/scs/cli/vendor/portfolio", Fixture, NULL, fixture_set_up, test_portfolio, fixture_tear_down);
  g_test_add ("/scs/cli/vendor/renew-and-compare", Fixture, NULL, fixture_set_up,
              test_renew_and_compare, fixture_tear_down);
  g_test_add ("/scs/cli/vendor/diagnose", Fixture, NULL, fixture_set_up, test_diagnose, fixture_tear_down);
  g_test_add ("/scs/cli/vendor/diagnose-self-declarations", Fixture, NULL, fixture_set_up,
              test_diagnose_self_declarations, fixture_tear_down);
  g_test_add ("/scs/cli/vendor/portfolio-cache-held-open", Fixture, NULL, fixture_set_up,
              test_portfolio_cache_held_open, fixture_tear_down);
  g_test_add ("/scs/cli/vendor/portfolio-cache", Fixture, NULL, fixture_set_up, test_portfolio_cache,
              fixture_tear_down);
  g_test_add ("/scs/cli/vendor/portfolio-bulk", Fixture, NULL, fixture_set_up,
              test_portfolio_bulk, fixture_tear_down);
  g_test_add ("/scs/cli/vendor/portfolio-reminders", Fixture, NULL, fixture_set_up,
              test_portfolio_reminders, fixture_tear_down);
  g_test_add ("/scs/cli/vendor/life-cycle", Fixture, NULL, fixture_set_up, test_life_cycle, fixture_tear_down);
  g_test_add ("/scs/cli/vendor/portfolio-stats", Fixture, NULL, fixture_set_up,
              test_portfolio_stats, fixture_tear_down);
  g_test_add ("/scs/cli/vendor/wizard-and-suppliers", Fixture, NULL, fixture_set_up,
              test_wizard_and_suppliers, fixture_tear_down);

  return g_test_run ();
}
