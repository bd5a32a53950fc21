/* test-cli-provider.c: the service-provider dossier end to end through
 * scs-cli (#19 "How it will be checked")
 *
 * A ★4 workspace certified on 2026-04-01 whose scope is the service
 * division; a dossier (`new --type provider`) linked to it, the ISMS with
 * the department marked in its scope text and the scope statement and
 * statement of applicability as evidence, a service, subcontracting, the
 * tool register by hand and the data-store register from a CP932 CSV,
 * every item done. Before signing, `provider check` exits 1 naming each
 * inconsistency on its own: the department outside the ★4 scope, the ★4
 * expired and expiring, the ISMS expired, re-delegation declared, and the
 * unsigned pledge. Then the expert signs, the representative signs the
 * pledge (`declare`), the check passes, the dossier is exported, verified
 * by `scs-cli verify --ca` and by the stock-tool recipe of
 * docs/package-format.md, and carries provider.xml and report.pdf. Bad
 * input exits 2 with the file unchanged.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "scs-i18n.h"

#include "cli-test-util.h"

#define DEPARTMENT "セキュリティサービス部"
#define NUMBER "7000012050002"
#define TODAY "2026-12-07"

typedef struct
{
  char *dir;
  char *star4;
  char *dossier;
  char *certs;
  char *ca;
  char *pw;
  char *staff_env;
  char *expert_env;
  char *management_env;
} Env;

static CliRun *
run_as (Env                *e,
        const char         *profile_env,
        const char * const *args)
{
  const char *env[] = { profile_env, NULL };
  const CliOptions options = { .actor = "申請 担当", .env = env, .utf8 = TRUE };

  return cli_test_run (&options, args);
}

#define RUN(e, ...) run_as ((e), (e)->staff_env, (const char * const[]) { __VA_ARGS__, NULL })
#define EXPERT(e, ...) run_as ((e), (e)->expert_env, (const char * const[]) { __VA_ARGS__, NULL })
#define MANAGEMENT(e, ...) run_as ((e), (e)->management_env, (const char * const[]) { __VA_ARGS__, NULL })

static void
ok (CliRun *run)
{
  cli_test_assert_ok (run);
  cli_run_free (run);
}

/* `provider check --json` on @today: exits 0 exactly when no finding, and
 * finds exactly the codes given. */
static void
assert_check (Env        *e,
              const char *today,
              ...)
{
  g_autoptr(CliRun) run = RUN (e, "provider", "check", e->dossier, "--json", "--today", today);
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GPtrArray) expected = g_ptr_array_new ();
  JsonArray *findings;
  JsonObject *root;
  const char *code;
  va_list args;

  va_start (args, today);
  while ((code = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (expected, (gpointer) code);
  va_end (args);

  g_assert_cmpint (run->status, ==, expected->len == 0 ? 0 : 1);
  root = cli_test_parse_new (run->out, &parser);
  findings = json_object_get_array_member (root, "findings");
  g_assert_cmpuint (json_array_get_length (findings), >=, expected->len);
  for (guint i = 0; i < json_array_get_length (findings); i++)
    {
      JsonObject *finding = json_array_get_object_element (findings, i);

      g_test_message ("%s: %s", json_object_get_string_member (finding, "code"),
                      json_object_get_string_member (finding, "message"));
      g_assert_true (g_ptr_array_find_with_equal_func (expected, json_object_get_string_member (finding, "code"),
                                                       g_str_equal, NULL));
    }
  for (guint i = 0; i < expected->len; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < json_array_get_length (findings) && !found; j++)
        found = g_str_equal (json_object_get_string_member (json_array_get_object_element (findings, j), "code"),
                             expected->pdata[i]);
      g_assert_true (found);
    }
}

static void
set_scope (Env        *e,
           const char *entity)
{
  ok (RUN (e, "scope", "unit", e->star4, "division", "--entity", "本社管理部", "--entity", entity));
}

static void
set_isms (Env        *e,
          const char *expires)
{
  ok (RUN (e, "provider", "isms", e->dossier, "--number", "IS 123456", "--body", "テスト認証機構",
           "--scope", "本社 " DEPARTMENT " における脆弱性診断サービスの提供", "--expires", expires,
           "--mark", DEPARTMENT " における脆弱性診断サービス"));
}

static void
set_up (Env *e)
{
  g_autofree char *stores = g_build_filename (e->dir, "stores.csv", NULL);
  g_autofree char *scope_pdf = g_build_filename (e->dir, "ISMS適用範囲.pdf", NULL);
  g_autofree char *soa_pdf = g_build_filename (e->dir, "適用宣言書.pdf", NULL);
  g_autofree char *csv = NULL;
  gsize csv_length = 0;
  g_autoptr(CliRun) status = NULL;
  static const char * const items[] = {
    "1-1-1-1", "1-1-2-1", "1-1-3-1", "1-1-4-1", "1-1-5-1", "2-1-1-1", "2-1-2-1", "2-1-3-1", "2-1-4-1",
    "3-1-1-1", "3-1-2-1", "4-1-1-1", "4-1-2-1",
  };

  /* The ★4. */
  ok (RUN (e, "new", e->star4, "--name", "株式会社セキュアサービス", "--corporate-number", NUMBER, "--level", "4"));
  ok (RUN (e, "answer", e->star4, "1-2-1-1", "met"));
  ok (RUN (e, "certify", e->star4, "--level", "4", "--date", "2026-04-01"));
  set_scope (e, DEPARTMENT);

  /* The dossier. */
  ok (RUN (e, "new", e->dossier, "--type", "provider", "--name", "株式会社セキュアサービス",
           "--corporate-number", NUMBER));
  ok (RUN (e, "provider", "link", e->dossier, e->star4, "--department", DEPARTMENT));
  set_isms (e, "2029-09-30");
  core_test_write_file (scope_pdf, "%PDF-1.4 ISMS scope statement", -1);
  core_test_write_file (soa_pdf, "%PDF-1.4 statement of applicability", -1);
  ok (RUN (e, "evidence", "add", e->dossier, "3-1-1-1", scope_pdf, soa_pdf));
  ok (RUN (e, "provider", "service", e->dossier, "vulnerability", "Webアプリケーション診断"));
  ok (RUN (e, "provider", "subcontract", e->dossier, "vulnerability", "--contracting-out", "no",
           "--redelegation", "no"));
  ok (RUN (e, "provider", "tool", e->dossier, "--name", "Burp Suite", "--maker", "PortSwigger",
           "--storage", "社内サーバ", "--logs", "yes", "--external", "no"));
  csv = g_convert ("サービス,保管する情報,保管場所,分類,取扱者\r\n"
                   "Webアプリケーション診断,診断結果,社内NAS,機密,診断チーム\r\n",
                   -1, "CP932", "UTF-8", NULL, &csv_length, NULL);
  g_assert_nonnull (csv);
  g_assert_true (g_file_set_contents (stores, csv, (gssize) csv_length, NULL));
  ok (RUN (e, "provider", "import-csv", e->dossier, "stores", stores));
  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    ok (RUN (e, "answer", e->dossier, items[i], "met"));

  status = RUN (e, "status", e->dossier);
  cli_test_assert_ok (status);
  g_assert_nonnull (strstr (status->out, "13"));
}

static void
test_end_to_end (void)
{
  Env e = { 0 };
  g_autofree char *package = NULL;
  g_autofree char *expert_p12 = NULL;
  g_autofree char *manager_p12 = NULL;
  g_autofree char *bad_csv = NULL;
  g_autofree char *before = NULL;

  e.dir = core_test_make_tmp_dir ("scs-cli-provider-XXXXXX");
  e.star4 = g_build_filename (e.dir, "star4.scsw", NULL);
  e.dossier = g_build_filename (e.dir, "dossier.scsw", NULL);
  e.certs = g_build_filename (e.dir, "certs", NULL);
  e.ca = g_build_filename (e.certs, "ca.pem", NULL);
  e.pw = g_build_filename (e.dir, "pw", NULL);
  e.staff_env = g_strconcat ("SCS_PROFILE=", e.dir, "/staff.ini", NULL);
  e.expert_env = g_strconcat ("SCS_PROFILE=", e.dir, "/expert.ini", NULL);
  e.management_env = g_strconcat ("SCS_PROFILE=", e.dir, "/management.ini", NULL);
  package = g_build_filename (e.dir, "dossier.scsp", NULL);
  expert_p12 = g_build_filename (e.certs, "expert.p12", NULL);
  manager_p12 = g_build_filename (e.certs, "manager.p12", NULL);
  bad_csv = g_build_filename (e.dir, "bad.csv", NULL);
  g_assert_true (g_file_set_contents (e.pw, "secret\n", -1, NULL));
  core_test_make_certificates (e.certs, TRUE);

  set_up (&e);

  /* `provider show --json` lists the services, one object each. */
  {
    g_autoptr(CliRun) show = RUN (&e, "provider", "show", e.dossier, "--json");
    g_autoptr(JsonParser) parser = NULL;
    JsonObject *root;
    JsonArray *services;
    JsonObject *service;

    cli_test_assert_ok (show);
    root = cli_test_parse_new (show->out, &parser);
    services = json_object_get_array_member (root, "services");
    g_assert_cmpuint (json_array_get_length (services), ==, 1);
    service = json_array_get_object_element (services, 0);
    g_assert_cmpuint (json_object_get_size (service), ==, 2);
    g_assert_cmpstr (json_object_get_string_member (service, "category"), ==, "vulnerability");
    g_assert_cmpstr (json_object_get_string_member (service, "name"), ==, "Webアプリケーション診断");
  }

  /* Unsigned: the pledge only. */
  assert_check (&e, TODAY, "pledge-unsigned", NULL);

  /* Each inconsistency on its own. */
  set_scope (&e, "営業部");
  assert_check (&e, TODAY, "department-outside-star4", "pledge-unsigned", NULL);
  set_scope (&e, DEPARTMENT);
  assert_check (&e, "2029-04-15", "star4-expired", "pledge-unsigned", NULL);
  assert_check (&e, "2029-02-01", "star4-expiring", "pledge-unsigned", NULL);
  set_isms (&e, "2026-11-30");
  assert_check (&e, TODAY, "isms-expired", "pledge-unsigned", NULL);
  set_isms (&e, "2029-09-30");
  ok (RUN (&e, "provider", "subcontract", e.dossier, "vulnerability", "--contracting-out", "no",
           "--redelegation", "yes"));
  assert_check (&e, TODAY, "redelegation", "pledge-unsigned", NULL);
  {
    g_autoptr(CliRun) text = RUN (&e, "provider", "check", e.dossier, "--today", TODAY);

    g_assert_cmpint (text->status, ==, 1);
    g_assert_nonnull (strstr (text->out, "re-delegation is declared"));
    g_assert_nonnull (strstr (text->out, "pledge is not signed"));
  }
  ok (RUN (&e, "provider", "subcontract", e.dossier, "vulnerability", "--contracting-out", "no",
           "--redelegation", "no"));

  /* Bad input: exit 2, nothing written. */
  before = core_test_file_sha256 (e.dossier);
  {
    g_autoptr(CliRun) no_exception = RUN (&e, "provider", "subcontract", e.dossier, "vulnerability",
                                           "--contracting-out", "yes", "--redelegation", "no");
    g_autoptr(CliRun) bad_category = RUN (&e, "provider", "service", e.dossier, "cleaning", "x");
    g_autoptr(CliRun) bad_date = RUN (&e, "provider", "isms", e.dossier, "--number", "1", "--body", "b",
                                       "--scope", "s", "--expires", "2029-13-01");
    g_autoptr(CliRun) bad_mark = RUN (&e, "provider", "isms", e.dossier, "--number", "1", "--body", "b",
                                       "--scope", "s", "--expires", "2029-01-01", "--mark", "営業部");
    g_autoptr(CliRun) import = NULL;

    cli_test_assert_refused (no_exception, "exception");
    cli_test_assert_refused (bad_category, "cleaning");
    cli_test_assert_refused (bad_date, "2029-13-01");
    cli_test_assert_refused (bad_mark, "営業部");
    core_test_write_file (bad_csv, "name,maker,storage,logs,external\nnmap,Nmap,端末,yes,no\nZAP,OWASP,,no,no\n", -1);
    import = RUN (&e, "provider", "import-csv", e.dossier, "tools", bad_csv);
    cli_test_assert_refused (import, "line 3, column 3");
  }
  cli_test_assert_unchanged (e.dossier, before);

  /* The expert signs the dossier, the representative the pledge. */
  ok (RUN (&e, "profile", "set", "--name", "申請 担当", "--role", "sme"));
  ok (EXPERT (&e, "profile", "set", "--name", "Expert Taro", "--role", "expert", "--qualification", "riss",
              "--registration", "013258", "--training-date", "2026-01-10"));
  ok (RUN (&e, "review", "hand-over", e.dossier));
  ok (EXPERT (&e, "review", "verdict", e.dossier, "all", "accepted"));
  ok (EXPERT (&e, "sign", e.dossier, "--p12", expert_p12, "--password-file", e.pw, "--ca", e.ca));
  ok (MANAGEMENT (&e, "profile", "set", "--name", "山田 一郎", "--role", "management"));
  ok (MANAGEMENT (&e, "declare", e.dossier, "--name", "山田 一郎", "--title", "代表取締役", "--p12", manager_p12,
                  "--password-file", e.pw));
  assert_check (&e, TODAY, NULL);
  assert_check (&e, "2029-04-15", "star4-expired", NULL);

  /* Sealed: the dossier's tables are signed content. */
  {
    g_autoptr(CliRun) sealed = RUN (&e, "provider", "service", e.dossier, "forensics", "フォレンジック");

    cli_test_assert_refused (sealed, NULL);
  }

  /* Export and verify: the app, then stock tools only. */
  ok (RUN (&e, "export", e.dossier, "--out", package));
  {
    g_autoptr(CliRun) verify = RUN (&e, "verify", package, "--ca", e.ca);

    cli_test_assert_ok (verify);
  }
  {
    g_autofree char *doc_path = g_build_filename (g_getenv ("SCS_SOURCE_DIR"), "docs", "package-format.md", NULL);
    g_autofree char *doc = NULL;
    g_autofree char *work = g_build_filename (e.dir, "stock", NULL);
    g_autofree char *pkg_copy = g_build_filename (work, "package.scsp", NULL);
    g_autofree char *ca_copy = g_build_filename (work, "ca.pem", NULL);
    g_autofree char *provider_xml = g_build_filename (work, "provider.xml", NULL);
    g_autofree char *report_pdf = g_build_filename (work, "report.pdf", NULL);
    g_autofree char *manifest = g_build_filename (work, "META-INF", "ASiCManifest-expert.xml", NULL);
    g_autofree char *text = NULL;
    g_autofree char *recipe = NULL;
    const char *start;
    const char *end;
    const char *env[] = { "PACKAGE=package.scsp", "CA=ca.pem", NULL };
    CliOptions stock = { .env = env, .cwd = work, .log_always = TRUE };
    g_autoptr(CliRun) run = NULL;
    gchar *bytes = NULL;
    gsize length = 0;

    g_assert_true (g_file_get_contents (doc_path, &doc, NULL, NULL));
    start = strstr (doc, "<!-- recipe -->");
    g_assert_nonnull (start);
    start = strstr (start, "```sh\n") + strlen ("```sh\n");
    end = strstr (start, "```");
    recipe = g_strndup (start, end - start);

    g_assert_cmpint (g_mkdir (work, 0700), ==, 0);
    g_assert_true (g_file_get_contents (package, &bytes, &length, NULL));
    g_assert_true (g_file_set_contents (pkg_copy, bytes, (gssize) length, NULL));
    g_free (bytes);
    g_assert_true (g_file_get_contents (e.ca, &bytes, &length, NULL));
    g_assert_true (g_file_set_contents (ca_copy, bytes, (gssize) length, NULL));
    g_free (bytes);

    run = cli_test_spawn (&stock, (const char * const[]) { "sh", "-eu", "-c", recipe, NULL });
    cli_test_assert_ok (run);
    g_assert_nonnull (strstr (run->out, "OK: both signatures valid"));

    /* The dossier's data, under the expert's signature; the PDF. */
    g_assert_true (g_file_get_contents (provider_xml, &text, NULL, NULL));
    g_assert_nonnull (strstr (text, "<department>" DEPARTMENT "</department>"));
    g_assert_nonnull (strstr (text, "<name>Burp Suite</name>"));
    g_assert_nonnull (strstr (text, "<data>診断結果</data>"));
    g_clear_pointer (&text, g_free);
    g_assert_true (g_file_get_contents (manifest, &text, NULL, NULL));
    g_assert_nonnull (strstr (text, "URI=\"provider.xml\""));
    g_assert_true (g_file_test (report_pdf, G_FILE_TEST_IS_REGULAR));
  }

  core_test_rm_rf (e.dir);
  g_free (e.dir);
  g_free (e.star4);
  g_free (e.dossier);
  g_free (e.certs);
  g_free (e.ca);
  g_free (e.pw);
  g_free (e.staff_env);
  g_free (e.expert_env);
  g_free (e.management_env);
}

static void
test_wrong_type (void)
{
  g_autofree char *dir = core_test_make_tmp_dir ("scs-cli-provider-type-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "a.scsw", NULL);
  const CliOptions options = { .actor = "担当", .utf8 = TRUE };
  g_autoptr(CliRun) made = CLI_TEST_RUN (&options, "new", path, "--name", "株式会社テスト", "--sole-proprietor");
  g_autoptr(CliRun) check = NULL;

  cli_test_assert_ok (made);
  check = CLI_TEST_RUN (&options, "provider", "check", path);
  cli_test_assert_refused (check, "service-provider dossier");
  core_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  scs_i18n_init ("en");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/scs/cli/provider/end-to-end", test_end_to_end);
  g_test_add_func ("/scs/cli/provider/wrong-type", test_wrong_type);

  return g_test_run ();
}
