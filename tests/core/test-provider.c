/* test-provider.c: the service-provider dossier (provisional scheme)
 *
 * A ★4 workspace of the same 法人番号, certified ★4 on 2026-04-01 (valid
 * through 2029-03-31), whose scope is the division "セキュリティサービス部";
 * a provider workspace on the dossier catalog with every item met, the ★4
 * linked, the ISMS recorded with the department marked in its scope text
 * and its two evidence files, services, subcontracting, both registers.
 * Unsigned, the check names only the missing pledge; sealed and declared,
 * nothing. Then each inconsistency on its own: the department outside the
 * ★4 scope (not a covered division; its network excluded), the ★4 expired,
 * withdrawn or expiring, the ★4 file replaced by another, the ISMS expired,
 * unmarked or not naming the department, re-delegation declared, an item
 * not done. Register CSVs: Japanese headers in CP932 and UTF-8 with BOM
 * are imported; a bad cell is refused naming line and column and nothing is
 * written. Contracting out needs an exception; a sealed dossier refuses
 * changes; provider.xml is in the package and the report.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <poppler.h>
#include <sqlite3.h>

#include "scs-i18n.h"
#include "scs-package.h"
#include "scs-portfolio.h"
#include "scs-provider.h"
#include "scs-provider-check.h"
#include "scs-renewal.h"
#include "scs-report.h"
#include "scs-scope.h"
#include "scs-workspace.h"

#include "core-test-util.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

#define DEPARTMENT "セキュリティサービス部"
#define ISMS_SCOPE "本社 " DEPARTMENT " における脆弱性診断サービスの提供"

typedef struct
{
  char         *dir;
  char         *star4_path;
  char         *path;
  ScsWorkspace *star4;
  ScsWorkspace *workspace;
  GDate        *today;
} Fixture;

static ScsOrganization *
organization (void)
{
  ScsOrganization *org = scs_organization_new ();

  org->name = g_strdup ("株式会社セキュアサービス");
  org->corporate_number = g_strdup (CORE_TEST_CORPORATE_NUMBER);
  return org;
}

static void
set_isms (ScsWorkspace *workspace,
          const char   *expires,
          const char   *mark)
{
  g_autoptr(GError) error = NULL;
  ScsProviderIsms isms = {
    .number = "IS 123456", .body = "一般財団法人テスト認証機構", .scope = ISMS_SCOPE,
    .expires = (char *) expires, .mark_start = -1, .mark_end = -1,
  };

  if (mark != NULL)
    {
      const char *found = strstr (ISMS_SCOPE, mark);

      g_assert_nonnull (found);
      isms.mark_start = (int) g_utf8_pointer_to_offset (ISMS_SCOPE, found);
      isms.mark_end = isms.mark_start + (int) g_utf8_strlen (mark, -1);
    }
  g_assert_true (scs_provider_set_isms (workspace, &isms, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(ScsOrganization) org = organization ();
  g_autoptr(ScsCatalog) builtin = scs_catalog_new_builtin ();
  g_autoptr(ScsCatalog) dossier = scs_provider_catalog_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *scope_file = NULL;
  g_autofree char *soa_file = NULL;
  ScsProviderSubcontract subcontract = { SCS_PROVIDER_VULNERABILITY, FALSE, NULL, FALSE };
  GListModel *answers;
  ScsScope *scope;

  f->dir = core_test_make_tmp_dir ("scs-provider-XXXXXX");
  f->star4_path = g_build_filename (f->dir, "star4.scsw", NULL);
  f->path = g_build_filename (f->dir, "dossier.scsw", NULL);
  f->today = g_date_new_dmy (7, G_DATE_DECEMBER, 2026);

  /* The ★4: certified, scope the service division, its network in scope. */
  f->star4 = scs_workspace_create (f->star4_path, org, 4, builtin, &error);
  g_assert_no_error (error);
  g_assert_true (scs_workspace_set_answer (f->star4, "1-2-1-1", SCS_ANSWER_MET, NULL, NULL, &error));
  g_assert_true (scs_renewal_record_certification (f->star4, 4, "2026-04-01", "SCS4-0001", &error));
  g_assert_no_error (error);
  scope = scs_scope_get (f->star4, &error);
  g_assert_no_error (error);
  g_assert_true (scs_scope_set_unit (scope, SCS_SCOPE_UNIT_DIVISION, "診断サービスの提供",
                                     "本社管理部\n" DEPARTMENT, &error));
  g_assert_no_error (error);
  core_test_scope_add (scope, SCS_SCOPE_KIND_NETWORK, "name", "診断用LAN",
                       "location", DEPARTMENT " 5階", NULL);

  /* The dossier. */
  f->workspace = scs_workspace_create_typed (f->path, SCS_WORKSPACE_TYPE_PROVIDER, org, 3, dossier, &error);
  g_assert_no_error (error);
  answers = scs_workspace_get_answers (f->workspace);
  g_assert_cmpuint (g_list_model_get_n_items (answers), ==, 13);
  for (guint i = 0; i < g_list_model_get_n_items (answers); i++)
    {
      g_autoptr(ScsAnswer) answer = g_list_model_get_item (answers, i);

      g_assert_true (scs_workspace_set_answer (f->workspace, scs_answer_get_criterion_id (answer),
                                               SCS_ANSWER_MET, NULL, NULL, &error));
    }
  g_assert_true (scs_provider_link_star4 (f->workspace, f->star4_path, DEPARTMENT, &error));
  g_assert_no_error (error);
  set_isms (f->workspace, "2029-09-30", DEPARTMENT " における脆弱性診断サービス");
  scope_file = g_build_filename (f->dir, "isms-scope.pdf", NULL);
  soa_file = g_build_filename (f->dir, "soa.pdf", NULL);
  core_test_write_file (scope_file, "%PDF-1.4 scope statement", -1);
  core_test_write_file (soa_file, "%PDF-1.4 statement of applicability", -1);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (i == 0 ? scope_file : soa_file);
      g_autofree char *hash = scs_workspace_add_evidence (f->workspace, SCS_PROVIDER_ITEM_ISMS, file, NULL, &error);

      g_assert_no_error (error);
      g_assert_nonnull (hash);
    }
  g_assert_cmpint (scs_provider_add_service (f->workspace, SCS_PROVIDER_VULNERABILITY, "Webアプリケーション診断",
                                             &error), >, 0);
  g_assert_true (scs_provider_set_subcontract (f->workspace, &subcontract, &error));
  g_assert_cmpint (scs_provider_add_row (f->workspace, SCS_PROVIDER_REGISTER_TOOLS, (const char * const[]) {
                     "Burp Suite", "PortSwigger", "社内サーバ", "yes", "no", NULL }, &error), >, 0);
  g_assert_cmpint (scs_provider_add_row (f->workspace, SCS_PROVIDER_REGISTER_STORES, (const char * const[]) {
                     "Webアプリケーション診断", "診断結果", "社内NAS", "機密", "診断チーム", NULL }, &error), >, 0);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->workspace);
  g_clear_object (&f->star4);
  core_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->star4_path);
  g_free (f->path);
  g_date_free (f->today);
}

/* The check on @day (NULL: the fixture's today) finds exactly @codes. */
static void
assert_findings (Fixture     *f,
                 const GDate *day,
                 ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) findings = scs_provider_check (f->workspace, day != NULL ? day : f->today, 0, &error);
  g_autoptr(GPtrArray) expected = g_ptr_array_new ();
  const char *code;
  va_list args;

  g_assert_no_error (error);
  g_assert_nonnull (findings);
  va_start (args, day);
  while ((code = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (expected, (gpointer) code);
  va_end (args);
  for (guint i = 0; i < findings->len; i++)
    {
      ScsProviderFinding *finding = findings->pdata[i];

      g_test_message ("finding %s: %s", finding->code, finding->message);
      g_assert_true (g_ptr_array_find_with_equal_func (expected, finding->code, g_str_equal, NULL));
      g_assert_cmpstr (finding->message, !=, "");
    }
  for (guint i = 0; i < expected->len; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < findings->len && !found; j++)
        found = g_str_equal (((ScsProviderFinding *) findings->pdata[j])->code, expected->pdata[i]);
      if (!found)
        g_error ("expected finding %s is missing", (const char *) expected->pdata[i]);
    }
}

static void
test_catalog (void)
{
  g_autoptr(ScsCatalog) dossier = scs_provider_catalog_new ();
  g_autoptr(ScsCatalog) builtin = scs_catalog_new_builtin ();

  g_assert_true (scs_provider_catalog_is_provisional (dossier));
  g_assert_false (scs_provider_catalog_is_provisional (builtin));
  g_assert_nonnull (scs_catalog_lookup_criterion (dossier, SCS_PROVIDER_ITEM_ISMS));
  g_assert_nonnull (scs_catalog_lookup_criterion (dossier, SCS_PROVIDER_ITEM_PLEDGE));
  g_assert_nonnull (scs_catalog_lookup_criterion (dossier, SCS_PROVIDER_ITEM_TOOL_REGISTER));
  g_assert_nonnull (strstr (scs_catalog_get_title (dossier), "Provisional"));
  scs_i18n_init ("ja");
  g_assert_nonnull (strstr (scs_catalog_get_title (dossier), "暫定"));
  scs_i18n_init ("en");
}

static void
test_consistent (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *certs = g_build_filename (f->dir, "certs", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) xml = NULL;
  ScsProviderIsms isms = { "X", "Y", "Z", "2030-01-01", -1, -1 };

  /* Unsigned: only the pledge is missing. */
  assert_findings (f, NULL, "pledge-unsigned", NULL);

  xml = scs_provider_render_xml (f->workspace, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (g_bytes_get_data (xml, NULL), "<department>" DEPARTMENT "</department>"));
  g_assert_nonnull (strstr (g_bytes_get_data (xml, NULL), "<name>Burp Suite</name>"));

  core_test_make_certificates (certs, TRUE);
  core_test_seal_workspace (f->workspace, certs, FALSE);
  assert_findings (f, NULL, NULL);

  /* Sealed: the dossier's tables are signed content. */
  g_assert_false (scs_provider_set_isms (f->workspace, &isms, &error));
  g_assert_error (error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_SEALED);
}

static void
test_department_not_covered (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  ScsScope *scope = scs_scope_get (f->star4, &error);

  g_assert_true (scs_scope_set_unit (scope, SCS_SCOPE_UNIT_DIVISION, NULL, "本社管理部", &error));
  g_assert_no_error (error);
  assert_findings (f, NULL, "department-outside-star4", "pledge-unsigned", NULL);
}

static void
test_department_network_excluded (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  ScsScope *scope = scs_scope_get (f->star4, &error);
  g_autoptr(ScsScopeItem) item = g_list_model_get_item (scs_scope_get_items (scope, SCS_SCOPE_KIND_NETWORK), 0);

  g_assert_true (scs_scope_set_status (scope, scs_scope_item_get_id (item), SCS_SCOPE_STATUS_EXCLUDED,
                                       "検証専用の閉域網", "物理的に分離", FALSE, &error));
  g_assert_no_error (error);
  assert_findings (f, NULL, "department-outside-star4", "pledge-unsigned", NULL);
}

static void
test_star4_expired (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GDate) after = g_date_new_dmy (15, G_DATE_APRIL, 2029);
  g_autoptr(GDate) before = g_date_new_dmy (1, G_DATE_FEBRUARY, 2029);

  assert_findings (f, after, "star4-expired", "pledge-unsigned", NULL);
  assert_findings (f, before, "star4-expiring", "pledge-unsigned", NULL);
}

static void
test_star4_withdrawn (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (scs_renewal_set_registry (f->star4, "評価機関A", NULL, "withdrawn", &error));
  g_assert_no_error (error);
  assert_findings (f, NULL, "star4-expired", "pledge-unsigned", NULL);
}

static void
test_star4_replaced (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(ScsOrganization) org = organization ();
  g_autoptr(ScsCatalog) builtin = scs_catalog_new_builtin ();
  g_autoptr(ScsWorkspace) other = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_object (&f->star4);
  core_test_rm_rf (f->star4_path);
  other = scs_workspace_create (f->star4_path, org, 4, builtin, &error);
  g_assert_no_error (error);
  assert_findings (f, NULL, "star4-identity", "pledge-unsigned", NULL);
  g_clear_object (&other);
  core_test_rm_rf (f->star4_path);
  assert_findings (f, NULL, "star4-unreadable", "pledge-unsigned", NULL);
}

static void
test_link_refused (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(ScsOrganization) org = organization ();
  g_autoptr(ScsCatalog) builtin = scs_catalog_new_builtin ();
  g_autoptr(ScsWorkspace) star3 = NULL;
  g_autoptr(ScsWorkspace) other = NULL;
  g_autoptr(ScsProviderStar4) link = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *star3_path = g_build_filename (f->dir, "star3.scsw", NULL);
  g_autofree char *other_path = g_build_filename (f->dir, "other.scsw", NULL);

  star3 = scs_workspace_create (star3_path, org, 3, builtin, &error);
  g_assert_no_error (error);
  g_assert_false (scs_provider_link_star4 (f->workspace, star3_path, DEPARTMENT, &error));
  g_assert_error (error, SCS_PROVIDER_ERROR, SCS_PROVIDER_ERROR_STAR4);
  g_clear_error (&error);

  g_free (org->corporate_number);
  org->corporate_number = g_strdup ("7123456789012");
  other = scs_workspace_create (other_path, org, 4, builtin, &error);
  g_assert_no_error (error);
  g_assert_false (scs_provider_link_star4 (f->workspace, other_path, DEPARTMENT, &error));
  g_assert_error (error, SCS_PROVIDER_ERROR, SCS_PROVIDER_ERROR_STAR4);
  g_assert_nonnull (strstr (error->message, "7123456789012"));
  g_clear_error (&error);
  g_assert_false (scs_provider_link_star4 (f->workspace, f->star4_path, "  ", &error));
  g_assert_error (error, SCS_PROVIDER_ERROR, SCS_PROVIDER_ERROR_INVALID);

  /* Nothing written: still the first link. */
  link = scs_provider_get_star4 (f->workspace, NULL);
  g_assert_cmpstr (link->path, ==, f->star4_path);
  g_assert_cmpstr (link->expiry, ==, "2029-03-31");
}

static void
test_isms_expired (Fixture       *f,
                   gconstpointer  data)
{
  set_isms (f->workspace, "2026-11-30", DEPARTMENT);
  assert_findings (f, NULL, "isms-expired", "pledge-unsigned", NULL);
  set_isms (f->workspace, "2027-01-31", DEPARTMENT);
  assert_findings (f, NULL, "isms-expiring", "pledge-unsigned", NULL);
}

static void
test_isms_scope (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  ScsProviderIsms bad = { "IS 1", "body", "scope", "2029-01-01", 2, 99 };

  set_isms (f->workspace, "2029-09-30", NULL);
  assert_findings (f, NULL, "isms-scope-unmarked", "pledge-unsigned", NULL);
  set_isms (f->workspace, "2029-09-30", "本社");
  assert_findings (f, NULL, "department-not-in-isms", "pledge-unsigned", NULL);

  /* A mark outside the text, a bad date: refused, nothing written. */
  g_assert_false (scs_provider_set_isms (f->workspace, &bad, &error));
  g_assert_error (error, SCS_PROVIDER_ERROR, SCS_PROVIDER_ERROR_INVALID);
  g_clear_error (&error);
  bad.mark_start = bad.mark_end = -1;
  bad.expires = "2029-02-30";
  g_assert_false (scs_provider_set_isms (f->workspace, &bad, &error));
  g_assert_error (error, SCS_PROVIDER_ERROR, SCS_PROVIDER_ERROR_INVALID);
  g_clear_error (&error);
  /* The scope text is required (white space is not one) and may run over
   * several lines; the certificate number is one line. */
  bad.expires = "2029-01-01";
  bad.scope = " \u3000\n";
  g_assert_false (scs_provider_set_isms (f->workspace, &bad, &error));
  g_assert_error (error, SCS_PROVIDER_ERROR, SCS_PROVIDER_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "ISMS scope text is required"));
  g_clear_error (&error);
  /* (the text checks answer in the workspace's domain) */
  bad.scope = "scope\v";
  g_assert_false (scs_provider_set_isms (f->workspace, &bad, &error));
  g_assert_error (error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);
  bad.number = "IS 1\nIS 2";
  bad.scope = "本社\n工場";
  g_assert_false (scs_provider_set_isms (f->workspace, &bad, &error));
  g_assert_error (error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);
  assert_findings (f, NULL, "department-not-in-isms", "pledge-unsigned", NULL);
  bad.number = "IS 1";
  g_assert_true (scs_provider_set_isms (f->workspace, &bad, &error));
  g_assert_no_error (error);
}

static void
test_redelegation (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  ScsProviderSubcontract subcontract = { SCS_PROVIDER_VULNERABILITY, TRUE, NULL, TRUE };

  /* Contracting out needs its exception. */
  g_assert_false (scs_provider_set_subcontract (f->workspace, &subcontract, &error));
  g_assert_error (error, SCS_PROVIDER_ERROR, SCS_PROVIDER_ERROR_INVALID);
  g_clear_error (&error);
  assert_findings (f, NULL, "pledge-unsigned", NULL);

  subcontract.exception = "夜間の監視補助に限り、認証を受けた事業者へ委託";
  g_assert_true (scs_provider_set_subcontract (f->workspace, &subcontract, &error));
  g_assert_no_error (error);
  assert_findings (f, NULL, "redelegation", "pledge-unsigned", NULL);
}

static void
test_items_and_registers (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tools = NULL;

  g_assert_true (scs_workspace_set_answer (f->workspace, SCS_PROVIDER_ITEM_TOOL_REGISTER, SCS_ANSWER_NOT_MET,
                                           NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (scs_provider_add_service (f->workspace, SCS_PROVIDER_MONITORING, "SOC監視", &error), >, 0);
  tools = scs_provider_list_rows (f->workspace, SCS_PROVIDER_REGISTER_TOOLS, &error);
  g_assert_true (scs_provider_remove_row (f->workspace, SCS_PROVIDER_REGISTER_TOOLS,
                                          ((ScsProviderRow *) tools->pdata[0])->id, &error));
  g_assert_no_error (error);
  assert_findings (f, NULL, "items-not-done", "subcontract-missing", "service-without-store",
                   "tool-register-empty", "pledge-unsigned", NULL);
}

static void
test_import_csv (Fixture       *f,
                 gconstpointer  data)
{
  static const char utf8[] =
    "ツール名,提供元,データの保存先,操作ログ,外部通信\r\n"
    "Nessus,Tenable,社内サーバ,はい,いいえ\r\n"
    "\"Wireshark, portable\",Wireshark Foundation,診断端末,no,no\r\n";
  static const char bad[] =
    "name,maker,storage,logs,external\n"
    "nmap,Nmap Project,診断端末,yes,no\n"
    "ZAP,OWASP,診断端末,たぶん,no\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *cp932 = NULL;
  g_autofree char *bom = g_strconcat ("\xEF\xBB\xBF", utf8, NULL);
  gsize cp932_length = 0;

  cp932 = g_convert (utf8, -1, "CP932", "UTF-8", NULL, &cp932_length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (scs_provider_import_csv (f->workspace, SCS_PROVIDER_REGISTER_TOOLS, cp932, cp932_length,
                                             "tools.csv", &error), ==, 2);
  g_assert_no_error (error);
  g_assert_cmpuint (scs_provider_import_csv (f->workspace, SCS_PROVIDER_REGISTER_TOOLS, bom, strlen (bom),
                                             "tools-bom.csv", &error), ==, 2);
  g_assert_no_error (error);
  rows = scs_provider_list_rows (f->workspace, SCS_PROVIDER_REGISTER_TOOLS, &error);
  g_assert_cmpuint (rows->len, ==, 5);
  g_assert_cmpstr (((ScsProviderRow *) rows->pdata[1])->values[0], ==, "Nessus");
  g_assert_cmpstr (((ScsProviderRow *) rows->pdata[1])->values[3], ==, "yes");
  g_assert_cmpstr (((ScsProviderRow *) rows->pdata[2])->values[0], ==, "Wireshark, portable");
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* All or nothing: line 3, column 4 named, the good line 2 not kept. */
  g_assert_cmpuint (scs_provider_import_csv (f->workspace, SCS_PROVIDER_REGISTER_TOOLS, bad, strlen (bad),
                                             "bad.csv", &error), ==, 0);
  g_assert_error (error, SCS_PROVIDER_ERROR, SCS_PROVIDER_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "bad.csv"));
  g_assert_nonnull (strstr (error->message, "line 3"));
  g_assert_nonnull (strstr (error->message, "column 4"));
  g_clear_error (&error);
  /* An unknown column. */
  g_assert_cmpuint (scs_provider_import_csv (f->workspace, SCS_PROVIDER_REGISTER_STORES, bad, strlen (bad),
                                             "bad.csv", &error), ==, 0);
  g_assert_error (error, SCS_PROVIDER_ERROR, SCS_PROVIDER_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "column 1"));
  g_clear_error (&error);
  rows = scs_provider_list_rows (f->workspace, SCS_PROVIDER_REGISTER_TOOLS, &error);
  g_assert_cmpuint (rows->len, ==, 5);
}

static void
test_portfolio (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(ScsValidity) validity = scs_validity_load_default (NULL);
  g_autoptr(GDate) soon = g_date_new_dmy (1, G_DATE_FEBRUARY, 2029);
  g_autoptr(ScsPortfolioEntry) entry = NULL;
  g_autoptr(ScsPortfolioEntry) later = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expiry = NULL;

  g_assert_true (scs_provider_set_certification (f->workspace, "SP-0001", "2026-10-01", &error));
  g_assert_no_error (error);
  g_assert_true (scs_provider_get_certification (f->workspace, NULL, NULL, &expiry, &error));
  g_assert_cmpstr (expiry, ==, "2029-09-30");

  entry = scs_portfolio_entry_read (f->path, validity, f->today, NULL);
  g_assert_null (scs_portfolio_entry_get_error (entry));
  g_assert_cmpint (scs_portfolio_entry_get_workspace_type (entry), ==, SCS_WORKSPACE_TYPE_PROVIDER);
  g_assert_cmpstr (scs_portfolio_entry_get_provider_date (entry, SCS_PORTFOLIO_PROVIDER_CERTIFICATION), ==,
                   "2029-09-30");
  g_assert_cmpstr (scs_portfolio_entry_get_provider_date (entry, SCS_PORTFOLIO_PROVIDER_ISMS), ==, "2029-09-30");
  g_assert_cmpstr (scs_portfolio_entry_get_provider_date (entry, SCS_PORTFOLIO_PROVIDER_STAR4), ==, "2029-03-31");
  /* The earliest is the expiry, with the reminder before it. */
  g_assert_cmpstr (scs_portfolio_entry_get_expiry (entry), ==, "2029-03-31");
  g_assert_cmpint (scs_portfolio_entry_get_expiry_state (entry), ==, SCS_EXPIRY_VALID);
  later = scs_portfolio_entry_read (f->path, validity, soon, NULL);
  g_assert_cmpint (scs_portfolio_entry_get_expiry_state (later), ==, SCS_EXPIRY_SOON);
  g_assert_cmpint (scs_portfolio_entry_get_days_left (later), ==, 58);
}

/* A file made before the provider type: its workspace_type table (step 1)
 * is migrated on open, the type kept, 'provider' accepted afterwards. */
static void
test_type_migration (void)
{
  g_autofree char *dir = core_test_make_tmp_dir ("scs-provider-migrate-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "old.scsw", NULL);
  g_autoptr(ScsOrganization) org = organization ();
  g_autoptr(ScsCatalog) builtin = scs_catalog_new_builtin ();
  g_autoptr(ScsWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *message = NULL;

  workspace = scs_workspace_create_typed (path, SCS_WORKSPACE_TYPE_JCSTAR1, org, 3, builtin, &error);
  g_assert_no_error (error);
  g_clear_object (&workspace);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "BEGIN;"
                                 "DROP TABLE workspace_type;"
                                 /* exactly as step 1 wrote it */
                                 "CREATE TABLE workspace_type (\n"
                                 "  id   INTEGER PRIMARY KEY CHECK (id = 1),\n"
                                 "  type TEXT NOT NULL CHECK (type IN ('scs', 'jcstar1', 'security-action'))\n"
                                 ") STRICT;"
                                 "INSERT INTO workspace_type VALUES (1, 'jcstar1');"
                                 "UPDATE schema_module SET version = 1 WHERE name = 'workspace_type';"
                                 "DROP TABLE provider_star4; DROP TABLE provider_isms; "
                                 "DROP TABLE provider_certification; DROP TABLE provider_service; "
                                 "DROP TABLE provider_subcontract; DROP TABLE provider_tool; DROP TABLE provider_store;"
                                 "DELETE FROM schema_module WHERE name = 'provider';"
                                 "COMMIT;", NULL, NULL, &message), ==, SQLITE_OK);
  g_assert_null (message);
  sqlite3_close (db);

  workspace = scs_workspace_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (scs_workspace_get_workspace_type (workspace), ==, SCS_WORKSPACE_TYPE_JCSTAR1);
  g_assert_cmpstr (scs_workspace_get_read_only_reason (workspace), ==, NULL);
  g_clear_object (&workspace);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT version FROM schema_module WHERE name = 'workspace_type'",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 2);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE workspace_type SET type = 'provider'", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE workspace_type SET type = 'other'", NULL, NULL, NULL), ==,
                   SQLITE_CONSTRAINT);
  sqlite3_close (db);
  core_test_rm_rf (dir);
}

/* All pages' text. */
static char *
pdf_text (GBytes *pdf)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PopplerDocument) doc = poppler_document_new_from_bytes (pdf, NULL, &error);
  GString *text = g_string_new (NULL);

  g_assert_no_error (error);
  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (doc, i);
      g_autofree char *page_text = poppler_page_get_text (page);

      g_string_append (text, page_text);
    }
  return g_string_free (text, FALSE);
}

/* The report has the dossier's section, in Japanese and in English.
 * Registered first and set up in Japanese: GLib decides once per process,
 * at the first translated string, whether to translate at all. */
static void
test_report (void)
{
  Fixture f = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) ja = NULL;
  g_autoptr(GBytes) en = NULL;
  g_autofree char *ja_text = NULL;
  g_autofree char *en_text = NULL;

  scs_i18n_init ("ja");
  fixture_set_up (&f, NULL);
  ja = scs_report_render (f.workspace, NULL, &error);
  scs_i18n_init ("en");
  g_assert_no_error (error);
  en = scs_report_render (f.workspace, NULL, &error);
  g_assert_no_error (error);
  ja_text = pdf_text (ja);
  en_text = pdf_text (en);
  g_assert_nonnull (strstr (ja_text, "事業者認証の提出書類"));
  g_assert_nonnull (strstr (ja_text, "暫定"));
  g_assert_nonnull (strstr (ja_text, "データ保管台帳"));
  g_assert_nonnull (strstr (ja_text, DEPARTMENT));
  g_assert_nonnull (strstr (ja_text, "PortSwigger"));
  g_assert_nonnull (strstr (en_text, "Service-provider dossier"));
  g_assert_nonnull (strstr (en_text, "Provisional"));
  g_assert_nonnull (strstr (en_text, "Tool register"));
  g_assert_nonnull (strstr (en_text, "IS 123456"));
  fixture_tear_down (&f, NULL);
}

static void
test_wrong_type (void)
{
  g_autofree char *dir = core_test_make_tmp_dir ("scs-provider-type-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "a.scsw", NULL);
  g_autoptr(ScsOrganization) org = organization ();
  g_autoptr(ScsCatalog) builtin = scs_catalog_new_builtin ();
  g_autoptr(ScsWorkspace) workspace = scs_workspace_create (path, org, 3, builtin, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GBytes) xml = NULL;

  findings = scs_provider_check (workspace, NULL, 0, &error);
  g_assert_null (findings);
  g_assert_error (error, SCS_PROVIDER_ERROR, SCS_PROVIDER_ERROR_WRONG_TYPE);
  g_clear_error (&error);
  xml = scs_provider_render_xml (workspace, &error);
  g_assert_null (xml);
  g_assert_no_error (error);
  g_clear_object (&workspace);
  core_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  scs_i18n_init ("en");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/scs/provider/report", test_report);
  g_test_add_func ("/scs/provider/catalog", test_catalog);
  g_test_add_func ("/scs/provider/wrong-type", test_wrong_type);
  g_test_add_func ("/scs/provider/type-migration", test_type_migration);
#define ADD(name, func) g_test_add ("/scs/provider/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("consistent", test_consistent);
  ADD ("department-not-covered", test_department_not_covered);
  ADD ("department-network-excluded", test_department_network_excluded);
  ADD ("star4-expired", test_star4_expired);
  ADD ("star4-withdrawn", test_star4_withdrawn);
  ADD ("star4-replaced", test_star4_replaced);
  ADD ("link-refused", test_link_refused);
  ADD ("isms-expired", test_isms_expired);
  ADD ("isms-scope", test_isms_scope);
  ADD ("redelegation", test_redelegation);
  ADD ("items-and-registers", test_items_and_registers);
  ADD ("import-csv", test_import_csv);
  ADD ("portfolio", test_portfolio);
#undef ADD

  return g_test_run ();
}
