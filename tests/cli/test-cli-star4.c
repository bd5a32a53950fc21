/* test-cli-star4.c: ★4 end to end through scs-cli (#15 "How it will be
 * checked") — a workbook in the official layout with header words, line
 * breaks and merged cells inside the data is imported without losing a
 * criterion, a ★4 workspace is moved to it, every ★4 criterion answered, a
 * scope described that passes `scope check`, the expert (with a training
 * date) signs, management declares, the final package is exported and
 * verified by `scs-cli verify --ca` (naming the official workbook catalog)
 * and by the stock-tool recipe of docs/package-format.md.
 *
 * Runs the real binary ($SCS_CLI) with SCS_LANGUAGE=en in a fresh temporary
 * directory; the workbook comes from the core tests' xlsx builder.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "scs-i18n.h"

#include "../core/fixtures/xlsx/xlsx-builder.h"
#include "cli-test-util.h"

/* Rows whose texts carry the header words (and line breaks): the importer
 * must keep every one of them as a criterion. */
static const struct
{
  const char *id;
  const char *text;
} tricky_rows[] = {
  { "1-1-1-1", "要求事項 1-1-1 の評価基準として、\n方針を文書化している。" },
  { "1-2-1-1", "評価基準：セキュリティ責任者を任命し、\n要求事項に沿って役割を定めている。" },
  { "1-2-1-2", "No.\n要求事項\n評価基準\n内容" },
};

typedef struct
{
  char *dir;
  char *ws;
  char *certs;
  char *ca;
  char *pw;
  char *sme_env;
  char *expert_env;
  char *management_env;
} E2E;

static CliRun *
run_as (E2E                *e,
        const char         *profile_env,
        const char * const *args)
{
  const char *env[] = { profile_env, NULL };
  const CliOptions options = {
    .actor = "検証 太郎",
    .env = env,
    .utf8 = TRUE,
    .log_always = FALSE,
  };

  return cli_test_run (&options, args);
}

#define sme(e, ...) run_as ((e), (e)->sme_env, (const char * const[]) { __VA_ARGS__, NULL })
#define expert(e, ...) run_as ((e), (e)->expert_env, (const char * const[]) { __VA_ARGS__, NULL })

static void
sme_ok (E2E                *e,
        const char * const *args)
{
  g_autoptr(CliRun) run = run_as (e, e->sme_env, args);

  cli_test_assert_ok (run);
}

#define SME_OK(e, ...) sme_ok ((e), (const char * const[]) { __VA_ARGS__, NULL })

static GPtrArray *
spec_tricky (void)
{
  GPtrArray *spec = spec_official ();
  guint found = 0;

  for (guint i = 0; i < spec->len; i++)
    {
      SpecRow *row = g_ptr_array_index (spec, i);

      for (guint j = 0; j < G_N_ELEMENTS (tricky_rows); j++)
        if (g_str_equal (row->id, tricky_rows[j].id))
          {
            g_free (row->text);
            row->text = g_strdup (tricky_rows[j].text);
            found++;
          }
      /* A requirement whose own text holds the header words too. */
      if (g_str_equal (row->requirement_id, "1-2-2"))
        {
          g_free (row->requirement_text);
          row->requirement_text = g_strdup ("要求事項・評価基準の\n見直し");
        }
    }
  g_assert_cmpuint (found, ==, G_N_ELEMENTS (tricky_rows));
  return spec;
}

static gint64
scope_add (E2E                *e,
           const char * const *args)
{
  g_autoptr(CliRun) run = run_as (e, e->sme_env, args);
  g_autoptr(JsonParser) parser = NULL;
  JsonObject *root;

  cli_test_assert_ok (run);
  root = cli_test_parse_new (run->out, &parser);
  return json_object_get_int_member (root, "id");
}

#define SCOPE_ADD(e, ...) scope_add ((e), (const char * const[]) { "scope", "add", (e)->ws, __VA_ARGS__, "--json", NULL })

/* A ★4 scope as an evaluation body expects it: company unit, an internet
 * web server and the firewall at the internet boundary in scope with a past
 * technical-verification date and its evidence, a cloud service with the
 * responsibility split, and an OT network excluded with a reason and a
 * technical separation, the exclusion accepted by the expert. */
static void
describe_scope (E2E *e)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) past = g_date_time_add_days (now, -30);
  g_autofree char *tested = g_date_time_format (past, "%Y-%m-%d");
  g_autofree char *report = g_build_filename (e->dir, "vuln-test.pdf", NULL);
  g_autofree char *sha = NULL;
  g_autofree char *web = NULL;
  g_autofree char *fw = NULL;
  g_autofree char *ot = NULL;
  g_autoptr(CliRun) check = NULL;
  g_autoptr(CliRun) mark = NULL;
  g_autoptr(JsonParser) parser = NULL;
  JsonObject *root;

  g_assert_true (g_file_set_contents (report, "%PDF-1.4 technical verification report", -1, NULL));
  {
    g_autoptr(CliRun) add = sme (e, "evidence", "add", e->ws, "3-1-1-1", report, "--json");
    g_autoptr(JsonParser) p = NULL;

    cli_test_assert_ok (add);
    root = cli_test_parse_new (add->out, &p);
    sha = g_strdup (json_object_get_string_member (
      json_array_get_object_element (json_object_get_array_member (root, "added"), 0), "sha256"));
  }

  SME_OK (e, "scope", "unit", e->ws, "company", "--description", "本社の全情報システム",
          "--entity", "株式会社スター");
  web = g_strdup_printf ("%" G_GINT64_FORMAT,
                         SCOPE_ADD (e, "internet", "--name", "公開Webサイト", "--type", "web"));
  fw = g_strdup_printf ("%" G_GINT64_FORMAT,
                        SCOPE_ADD (e, "boundary", "--name", "境界FW", "--type", "firewall"));
  SCOPE_ADD (e, "network", "--name", "社内LAN");
  SCOPE_ADD (e, "server", "--name", "ファイルサーバ");
  {
    g_autofree char *cloud = g_strdup_printf ("%" G_GINT64_FORMAT,
                                              SCOPE_ADD (e, "cloud", "--name", "M365", "--provider", "Microsoft"));

    SME_OK (e, "scope", "set", e->ws, cloud, "--responsibility", "基盤は事業者、設定と利用者管理は当社",
            "--check-method", "ismap", "--evidence", sha);
  }
  ot = g_strdup_printf ("%" G_GINT64_FORMAT, SCOPE_ADD (e, "network", "--name", "工場OT"));

  SME_OK (e, "scope", "set", e->ws, web, "--vuln-test", tested, "--vuln-evidence", sha);
  SME_OK (e, "scope", "set", e->ws, fw, "--administrator", "情報システム課", "--vuln-test", tested,
          "--vuln-evidence", sha);
  SME_OK (e, "scope", "exclude", e->ws, ot, "--reason", "製造設備の制御網（OT）", "--connected",
          "--separation", "一方向ゲートウェイで社内LANと分離");
  mark = expert (e, "scope", "review", e->ws, ot, "accepted", "--comment", "分離を確認");
  cli_test_assert_ok (mark);

  check = sme (e, "scope", "check", e->ws, "--json");
  cli_test_assert_ok (check);
  root = cli_test_parse_new (check->out, &parser);
  g_assert_cmpint (json_object_get_int_member (root, "errors"), ==, 0);
}

static void
test_star4_end_to_end (void)
{
  E2E e = { 0 };
  g_autoptr(GPtrArray) spec = spec_tricky ();
  g_autoptr(GBytes) xlsx_bytes = build_catalog_workbook (spec, BREAK_NONE, NULL, "2026-03-27T09:00:00Z");
  g_autofree char *xlsx = NULL;
  g_autofree char *catalog = NULL;
  g_autofree char *package = NULL;
  g_autofree char *expert_p12 = NULL;
  g_autofree char *manager_p12 = NULL;
  g_autofree char *catalog_sha = NULL;
  g_autoptr(JsonParser) parser = NULL;
  JsonObject *root;
  guint n4 = 0;

  e.dir = g_dir_make_tmp ("scs-cli-star4-XXXXXX", NULL);
  e.ws = g_build_filename (e.dir, "star.scsw", NULL);
  e.certs = g_build_filename (e.dir, "certs", NULL);
  e.ca = g_build_filename (e.certs, "ca.pem", NULL);
  e.pw = g_build_filename (e.dir, "pw", NULL);
  e.sme_env = g_strconcat ("SCS_PROFILE=", e.dir, "/sme.ini", NULL);
  e.expert_env = g_strconcat ("SCS_PROFILE=", e.dir, "/expert.ini", NULL);
  e.management_env = g_strconcat ("SCS_PROFILE=", e.dir, "/management.ini", NULL);
  xlsx = g_build_filename (e.dir, "official.xlsx", NULL);
  catalog = g_build_filename (e.dir, "official.xml", NULL);
  package = g_build_filename (e.dir, "star.scsp", NULL);
  expert_p12 = g_build_filename (e.certs, "expert.p12", NULL);
  manager_p12 = g_build_filename (e.certs, "manager.p12", NULL);
  g_assert_true (g_file_set_contents (xlsx, g_bytes_get_data (xlsx_bytes, NULL),
                                      (gssize) g_bytes_get_size (xlsx_bytes), NULL));
  g_assert_true (g_file_set_contents (e.pw, "secret\n", -1, NULL));
  core_test_make_certificates (e.certs, TRUE);
  for (guint i = 0; i < spec->len; i++)
    n4 += ((SpecRow *) g_ptr_array_index (spec, i))->level <= 4;
  g_assert_cmpuint (n4, ==, 153);

  /* Import: no criterion swallowed as a header, counts per level. */
  {
    g_autoptr(CliRun) import = sme (&e, "catalog", "import-xlsx", xlsx, "--out", catalog, "--json");

    cli_test_assert_ok (import);
    root = cli_test_parse_new (import->out, &parser);
    g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (root, "star3"), "criteria"), ==, 81);
    g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (root, "star4"), "criteria"), ==, n4);
    g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (root, "star4"), "requirements"), ==, 43);
    g_clear_object (&parser);
  }
  for (guint j = 0; j < G_N_ELEMENTS (tricky_rows); j++)
    {
      g_autoptr(CliRun) show = sme (&e, "catalog", "show", catalog, tricky_rows[j].id, "--json");
      g_autoptr(JsonParser) p = NULL;

      cli_test_assert_ok (show);
      root = cli_test_parse_new (show->out, &p);
      g_assert_cmpstr (json_object_get_string_member (root, "text_ja"), ==, tricky_rows[j].text);
    }
  {
    g_autoptr(CliRun) info = sme (&e, "catalog", "info", catalog, "--json");

    cli_test_assert_ok (info);
    root = cli_test_parse_new (info->out, &parser);
    catalog_sha = g_strdup (json_object_get_string_member (root, "sha256"));
    g_assert_cmpuint (strlen (catalog_sha), ==, 64);
    g_clear_object (&parser);
  }

  /* Profiles: staff, and the expert with a training date. */
  SME_OK (&e, "profile", "set", "--name", "SME Sato", "--role", "sme");
  {
    g_autoptr(CliRun) set = expert (&e, "profile", "set", "--name", "Expert Taro", "--role", "expert",
                                    "--qualification", "riss", "--registration", "013258");
    cli_test_assert_ok (set);
  }

  /* A ★4 workspace on the built-in catalog, moved to the official one. */
  SME_OK (&e, "new", e.ws, "--name", "株式会社スター", "--corporate-number", "7000012050002", "--level", "4");
  SME_OK (&e, "migrate", e.ws, "--catalog", catalog, "--yes");

  /* Every ★3 and ★4 criterion of the workbook answered. */
  for (guint i = 0; i < spec->len; i++)
    SME_OK (&e, "answer", e.ws, ((SpecRow *) g_ptr_array_index (spec, i))->id, "met");
  {
    g_autoptr(CliRun) status = sme (&e, "status", e.ws);

    cli_test_assert_ok (status);
    g_assert_nonnull (strstr (status->out, "153"));
    g_assert_null (strstr (status->out, "★4 criteria missing"));
  }

  describe_scope (&e);

  /* Review, sign, declare, export. */
  SME_OK (&e, "review", "hand-over", e.ws);
  {
    g_autoptr(CliRun) verdict = expert (&e, "review", "verdict", e.ws, "all", "accepted");
    g_autoptr(CliRun) sign = NULL;

    g_autoptr(CliRun) untrained = NULL;
    g_autoptr(CliRun) trained = NULL;

    cli_test_assert_ok (verdict);
    /* No training date recorded yet: the expert may not sign. */
    untrained = expert (&e, "sign", e.ws, "--p12", expert_p12, "--password-file", e.pw, "--ca", e.ca);
    cli_test_assert_refused (untrained, "training date");
    trained = expert (&e, "profile", "set", "--training-date", "2026-01-10");
    cli_test_assert_ok (trained);
    sign = expert (&e, "sign", e.ws, "--p12", expert_p12, "--password-file", e.pw, "--ca", e.ca);
    cli_test_assert_ok (sign);
  }
  {
    /* The declaration is management's: the expert (with his own key) and
     * the staff are refused before any key is opened, and nothing is
     * recorded; management's profile declares. */
    g_autoptr(CliRun) by_expert = expert (&e, "declare", e.ws, "--name", "Expert Taro", "--title", "支援士",
                                          "--p12", expert_p12, "--password-file", e.pw);
    g_autoptr(CliRun) by_staff = sme (&e, "declare", e.ws, "--name", "山田 一郎", "--title", "代表取締役",
                                      "--p12", manager_p12, "--password-file", e.pw);
    g_autoptr(CliRun) unset = NULL;
    g_autoptr(CliRun) management = NULL;
    g_autoptr(CliRun) declared = NULL;
    const char *env[] = { e.management_env, NULL };
    const CliOptions options = { .actor = "山田 一郎", .env = env, .utf8 = TRUE };

    cli_test_assert_refused (by_expert, "Only management makes the declaration");
    g_assert_nonnull (strstr (by_expert->err, "Expert Taro"));
    cli_test_assert_refused (by_staff, "Only management makes the declaration");
    unset = sme (&e, "verify-signature", e.ws);
    g_assert_null (strstr (unset->out, "Management declaration:"));
    management = CLI_TEST_RUN (&options, "profile", "set", "--name", "山田 一郎", "--role", "management");
    cli_test_assert_ok (management);
    declared = cli_test_run (&options, (const char * const[]) { "declare", e.ws, "--name", "山田 一郎",
                                                                 "--title", "代表取締役", "--p12", manager_p12,
                                                                 "--password-file", e.pw, NULL });
    cli_test_assert_ok (declared);
  }
  SME_OK (&e, "export", e.ws, "--out", package);

  /* The app's verify: valid, against the official workbook catalog. */
  {
    g_autoptr(CliRun) verify = sme (&e, "verify", package, "--ca", e.ca);

    cli_test_assert_ok (verify);
    g_assert_nonnull (strstr (verify->out, "official workbook"));
    g_assert_nonnull (strstr (verify->out, catalog_sha));
  }

  /* Stock tools, exactly the recipe of docs/package-format.md. */
  {
    g_autofree char *doc_path = g_build_filename (g_getenv ("SCS_SOURCE_DIR"), "docs", "package-format.md", NULL);
    g_autofree char *doc = NULL;
    g_autofree char *work = g_build_filename (e.dir, "stock", NULL);
    g_autofree char *pkg_copy = g_build_filename (work, "package.scsp", NULL);
    g_autofree char *ca_copy = g_build_filename (work, "ca.pem", NULL);
    g_autofree char *pkg_bytes = NULL;
    g_autofree char *ca_bytes = NULL;
    g_autofree char *catalog_bytes = NULL;
    g_autofree char *unpacked = g_build_filename (work, "catalog.xml", NULL);
    g_autofree char *unpacked_bytes = NULL;
    gsize pkg_len, ca_len, catalog_len, unpacked_len;
    const char *start;
    const char *end;
    g_autofree char *recipe = NULL;
    const char *env[] = { "PACKAGE=package.scsp", "CA=ca.pem", NULL };
    CliOptions stock = { .env = env, .cwd = work, .log_always = TRUE };
    g_autoptr(CliRun) run = NULL;

    g_assert_true (g_file_get_contents (doc_path, &doc, NULL, NULL));
    start = strstr (doc, "<!-- recipe -->");
    g_assert_nonnull (start);
    start = strstr (start, "```sh\n");
    g_assert_nonnull (start);
    start += strlen ("```sh\n");
    end = strstr (start, "```");
    g_assert_nonnull (end);
    recipe = g_strndup (start, end - start);

    g_assert_cmpint (g_mkdir (work, 0700), ==, 0);
    g_assert_true (g_file_get_contents (package, &pkg_bytes, &pkg_len, NULL));
    g_assert_true (g_file_set_contents (pkg_copy, pkg_bytes, (gssize) pkg_len, NULL));
    g_assert_true (g_file_get_contents (e.ca, &ca_bytes, &ca_len, NULL));
    g_assert_true (g_file_set_contents (ca_copy, ca_bytes, (gssize) ca_len, NULL));

    run = cli_test_spawn (&stock, (const char * const[]) { "sh", "-eu", "-c", recipe, NULL });
    cli_test_assert_ok (run);
    g_assert_nonnull (strstr (run->out, "OK: both signatures valid"));

    /* The package carries the very catalog that was imported. */
    g_assert_true (g_file_get_contents (catalog, &catalog_bytes, &catalog_len, NULL));
    g_assert_true (g_file_get_contents (unpacked, &unpacked_bytes, &unpacked_len, NULL));
    g_assert_cmpmem (catalog_bytes, catalog_len, unpacked_bytes, unpacked_len);
  }

  core_test_rm_rf (e.dir);
  g_free (e.dir);
  g_free (e.ws);
  g_free (e.certs);
  g_free (e.ca);
  g_free (e.pw);
  g_free (e.sme_env);
  g_free (e.expert_env);
  g_free (e.management_env);
}

int
main (int   argc,
      char *argv[])
{
  scs_i18n_init ("en");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/scs/cli/star4/end-to-end", test_star4_end_to_end);

  return g_test_run ();
}
