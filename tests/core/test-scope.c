/* test-scope.c: the scope description — edits and their audit rows,
 * refusals that change nothing, every rule firing and clearing, the summary
 * for the attestation, deterministic scope.xml valid against scope.rng, and
 * the diagram as PNG, SVG and PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "scs-i18n.h"
#include "scs-scope.h"

#include "core-test-util.h"

typedef struct
{
  char         *dir;
  char         *path;
  ScsWorkspace *workspace;
  ScsScope     *scope;
} Fixture;

static ScsWorkspace *
create_workspace (const char *path,
                  guint       level)
{
  return core_test_workspace_new (path, "株式会社さくら精機", level, "山田 花子");
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("scs-scope-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "test.scsw", NULL);
  fixture->workspace = create_workspace (fixture->path, GPOINTER_TO_UINT (data) ? 4 : 3);
  fixture->scope = scs_scope_get (fixture->workspace, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->scope);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->workspace);
  core_test_rm_rf (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static gint64
add (ScsScope     *scope,
     ScsScopeKind  kind,
     ...)
{
  va_list args;
  gint64 id;

  va_start (args, kind);
  id = core_test_scope_addv (scope, kind, args);
  va_end (args);
  g_assert_cmpint (id, >, 0);
  return id;
}

static guint
count_audit (ScsWorkspace *ws,
             const char   *action)
{
  g_autoptr(GPtrArray) entries = scs_workspace_list_audit (ws, 0, NULL);
  guint n = 0;

  for (guint i = 0; i < entries->len; i++)
    if (g_str_equal (((ScsAuditEntry *) entries->pdata[i])->action, action))
      n++;
  return n;
}

static void
on_changed (ScsScope *scope,
            guint    *count)
{
  (*count)++;
}

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) xml = NULL;
  g_autofree char *summary = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 100, 70);
  cairo_t *cr = cairo_create (surface);

  g_assert_false (scs_scope_is_described (fixture->scope));
  summary = scs_scope_dup_summary (fixture->workspace);
  g_assert_cmpstr (summary, ==, "Scope: not described\n");
  xml = scs_scope_render_xml (fixture->workspace, &error);
  g_assert_no_error (error);
  g_assert_null (xml);
  g_assert_false (scs_scope_draw (fixture->workspace, cr, 100, 70));
  g_assert_true (scs_scope_get (fixture->workspace, NULL) == fixture->scope);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_edit_and_reopen (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint changed = 0;
  gint64 fw, pc, plc;
  ScsScopeItem *item;
  ScsScope *scope2;
  g_autoptr(ScsWorkspace) reopened = NULL;
  const char *expected_criteria[] = { "3-1-1", "3-1-2", NULL };

  g_signal_connect (fixture->scope, "changed", G_CALLBACK (on_changed), &changed);

  g_assert_true (scs_scope_set_unit (fixture->scope, SCS_SCOPE_UNIT_COMPANY,
                                     "本社および工場の情報システム全体", "株式会社さくら精機\n本社\n", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpstr (scs_scope_get_entities (fixture->scope), ==, "株式会社さくら精機\n本社");

  fw = add (fixture->scope, SCS_SCOPE_KIND_BOUNDARY, "name", "本社FW", "type", "firewall",
            "vendor", "Yamaha", "administrator", "情報システム課", "criteria", "3-1-1, 3-1-2", NULL);
  pc = add (fixture->scope, SCS_SCOPE_KIND_ENDPOINT, "name", "事務PC", "os-model", "Windows 11",
            "count", " 25 ", NULL);
  plc = add (fixture->scope, SCS_SCOPE_KIND_SERVER, "name", "生産管理PLC", NULL);
  g_assert_cmpuint (changed, ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (scs_scope_get_items (fixture->scope, SCS_SCOPE_KIND_BOUNDARY)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (scs_scope_get_items (fixture->scope, SCS_SCOPE_N_KINDS)), ==, 3);

  item = scs_scope_lookup (fixture->scope, pc);
  g_assert_cmpstr (scs_scope_item_get_field (item, "count"), ==, "25");
  g_assert_cmpuint (scs_scope_item_get_count (item), ==, 25);
  item = scs_scope_lookup (fixture->scope, fw);
  g_assert_cmpstrv (scs_scope_item_get_criteria (item), expected_criteria);

  g_assert_true (scs_scope_set_field (fixture->scope, fw, "firmware", "R10.01.65", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (scs_scope_item_get_field (item, "firmware"), ==, "R10.01.65");
  /* same value again: nothing written */
  g_assert_true (scs_scope_set_field (fixture->scope, fw, "firmware", "R10.01.65", &error));
  g_assert_cmpuint (count_audit (fixture->workspace, "scope-field"), ==, 6);

  g_assert_true (scs_scope_set_status (fixture->scope, plc, SCS_SCOPE_STATUS_EXCLUDED,
                                       "制御系 (OT) は一方向ゲートウェイの先", "一方向ゲートウェイ", TRUE,
                                       &error));
  g_assert_no_error (error);
  g_assert_true (scs_scope_set_review (fixture->scope, core_test_expert (), plc, SCS_SCOPE_REVIEW_QUESTIONED,
                                       "ゲートウェイの設定資料を添付してください", &error));
  g_assert_no_error (error);
  item = scs_scope_lookup (fixture->scope, plc);
  g_assert_cmpint (scs_scope_item_get_review (item), ==, SCS_SCOPE_REVIEW_QUESTIONED);
  g_assert_cmpstr (scs_scope_item_get_reviewer (item), ==, "山田 花子");

  /* changing the reason resets the mark: the new reason is judged anew */
  g_assert_true (scs_scope_set_status (fixture->scope, plc, SCS_SCOPE_STATUS_EXCLUDED,
                                       "制御系 (OT)。設定資料を添付", NULL, TRUE, &error));
  g_assert_cmpint (scs_scope_item_get_review (item), ==, SCS_SCOPE_REVIEW_NONE);
  g_assert_true (scs_scope_set_review (fixture->scope, core_test_expert (), plc, SCS_SCOPE_REVIEW_ACCEPTED, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (scs_scope_remove_item (fixture->scope, pc, &error));
  g_assert_no_error (error);
  g_assert_null (scs_scope_lookup (fixture->scope, pc));
  g_assert_cmpuint (g_list_model_get_n_items (scs_scope_get_items (fixture->scope, SCS_SCOPE_KIND_ENDPOINT)), ==, 0);

  g_assert_cmpuint (count_audit (fixture->workspace, "scope-unit"), ==, 3);
  g_assert_cmpuint (count_audit (fixture->workspace, "scope-add"), ==, 3);
  g_assert_cmpuint (count_audit (fixture->workspace, "scope-criteria"), ==, 1);
  g_assert_cmpuint (count_audit (fixture->workspace, "scope-review"), ==, 2);
  g_assert_cmpuint (count_audit (fixture->workspace, "scope-remove"), ==, 1);
  g_assert_cmpuint (count_audit (fixture->workspace, "scope-status"), >=, 4);

  /* Everything is in the file */
  g_clear_object (&fixture->workspace);
  reopened = scs_workspace_open (fixture->path, &error);
  g_assert_no_error (error);
  scope2 = scs_scope_get (reopened, &error);
  g_assert_no_error (error);
  g_assert_cmpint (scs_scope_get_unit (scope2), ==, SCS_SCOPE_UNIT_COMPANY);
  g_assert_cmpstr (scs_scope_get_description (scope2), ==, "本社および工場の情報システム全体");
  item = scs_scope_lookup (scope2, fw);
  g_assert_nonnull (item);
  g_assert_cmpstr (scs_scope_item_get_field (item, "firmware"), ==, "R10.01.65");
  g_assert_cmpstrv (scs_scope_item_get_criteria (item), expected_criteria);
  item = scs_scope_lookup (scope2, plc);
  g_assert_cmpint (scs_scope_item_get_status (item), ==, SCS_SCOPE_STATUS_EXCLUDED);
  g_assert_true (scs_scope_item_get_connected (item));
  g_assert_cmpstr (scs_scope_item_get_separation (item), ==, "一方向ゲートウェイ");
  g_assert_cmpint (scs_scope_item_get_review (item), ==, SCS_SCOPE_REVIEW_ACCEPTED);
  g_assert_null (scs_scope_lookup (scope2, pc));
  g_assert_true (scs_workspace_check_integrity (reopened, &error));
  g_assert_no_error (error);
}

typedef struct
{
  const char *field;
  const char *value;
} BadField;

static void
test_refusals (Fixture       *fixture,
               gconstpointer  data)
{
  const BadField bad_fields[] = {
    { "colour", "red" },            /* not a field */
    { "provider", "AWS" },          /* not a boundary-device field */
    { "name", "  \u3000 " },        /* blank name */
    { "type", "toaster" },          /* not a type */
    { "vuln-test", "2025-02-30" },  /* no such date */
    { "vuln-test", "yesterday" },
    { "vuln-evidence", "0000000000000000000000000000000000000000000000000000000000000000" },
    { "criteria", "9-9-9-9" },
  };
  g_autofree char *before = NULL;
  gint64 fw, pc, cloud;
  guint changed = 0;

  g_assert_true (scs_scope_set_unit (fixture->scope, SCS_SCOPE_UNIT_DIVISION, "工場", NULL, NULL));
  fw = add (fixture->scope, SCS_SCOPE_KIND_BOUNDARY, "name", "FW", NULL);
  pc = add (fixture->scope, SCS_SCOPE_KIND_ENDPOINT, "name", "PC", NULL);
  cloud = add (fixture->scope, SCS_SCOPE_KIND_CLOUD, "name", "M365", NULL);
  g_signal_connect (fixture->scope, "changed", G_CALLBACK (on_changed), &changed);
  before = core_test_file_state (fixture->path, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (bad_fields); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GHashTable) fields = g_hash_table_new (g_str_hash, g_str_equal);
      g_autofree char *after = NULL;

      g_test_message ("refusing %s = %s", bad_fields[i].field, bad_fields[i].value);
      g_assert_false (scs_scope_set_field (fixture->scope, fw, bad_fields[i].field,
                                           bad_fields[i].value, &error));
      g_assert_error (error, SCS_SCOPE_ERROR, SCS_SCOPE_ERROR_INVALID);
      g_clear_error (&error);

      g_hash_table_insert (fields, "name", "新しいFW");
      g_hash_table_insert (fields, (gpointer) bad_fields[i].field, (gpointer) bad_fields[i].value);
      g_assert_cmpint (scs_scope_add_item (fixture->scope, SCS_SCOPE_KIND_BOUNDARY, fields, &error), ==, 0);
      g_assert_error (error, SCS_SCOPE_ERROR, SCS_SCOPE_ERROR_INVALID);

      after = core_test_file_state (fixture->path, FALSE);
      g_assert_cmpstr (before, ==, after);
    }

  {
    g_autoptr(GError) error = NULL;

    g_assert_false (scs_scope_set_field (fixture->scope, pc, "count", "-3", &error));
    g_assert_error (error, SCS_SCOPE_ERROR, SCS_SCOPE_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_false (scs_scope_set_field (fixture->scope, pc, "count", "lots", &error));
    g_assert_error (error, SCS_SCOPE_ERROR, SCS_SCOPE_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_false (scs_scope_set_field (fixture->scope, cloud, "check-method", "trust-me", &error));
    g_assert_error (error, SCS_SCOPE_ERROR, SCS_SCOPE_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_false (scs_scope_set_field (fixture->scope, 999, "name", "x", &error));
    g_assert_error (error, SCS_SCOPE_ERROR, SCS_SCOPE_ERROR_NOT_FOUND);
    g_clear_error (&error);
    g_assert_false (scs_scope_remove_item (fixture->scope, 999, &error));
    g_assert_error (error, SCS_SCOPE_ERROR, SCS_SCOPE_ERROR_NOT_FOUND);
    g_clear_error (&error);
    /* a reason to review only exists out of scope */
    g_assert_false (scs_scope_set_review (fixture->scope, core_test_expert (), fw, SCS_SCOPE_REVIEW_ACCEPTED, NULL, &error));
    g_assert_error (error, SCS_SCOPE_ERROR, SCS_SCOPE_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_true (scs_scope_set_status (fixture->scope, pc, SCS_SCOPE_STATUS_EXCEPTION,
                                         "Windows 7", NULL, FALSE, &error));
    g_clear_pointer (&before, g_free);
    before = core_test_file_state (fixture->path, FALSE);
    changed = 0;
    /* questioning needs a comment */
    g_assert_false (scs_scope_set_review (fixture->scope, core_test_expert (), pc, SCS_SCOPE_REVIEW_QUESTIONED, " ", &error));
    g_assert_error (error, SCS_SCOPE_ERROR, SCS_SCOPE_ERROR_INVALID);
    g_clear_error (&error);
  }

  {
    g_autofree char *after = core_test_file_state (fixture->path, FALSE);

    g_assert_cmpstr (before, ==, after);
  }
  g_assert_cmpuint (changed, ==, 0);
  g_assert_cmpstr (scs_scope_item_get_name (scs_scope_lookup (fixture->scope, fw)), ==, "FW");
  g_assert_cmpuint (g_list_model_get_n_items (scs_scope_get_items (fixture->scope, SCS_SCOPE_N_KINDS)), ==, 3);
}

/* The rule IDs found, sorted, as "rule@item,…". */
static char *
findings_text (ScsScope *scope)
{
  g_autoptr(GPtrArray) findings = scs_scope_check (scope);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < findings->len; i++)
    {
      ScsScopeFinding *f = findings->pdata[i];

      g_assert_nonnull (f->message);
      g_assert_cmpstr (f->message, !=, "");
      g_ptr_array_add (parts, g_strdup_printf ("%s%s@%" G_GINT64_FORMAT,
                                               f->severity == SCS_SCOPE_SEVERITY_ERROR ? "E:" : "W:",
                                               f->rule, f->item));
    }
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (",", (char **) parts->pdata);
}

static char *
sha_of_evidence (Fixture    *fixture,
                 const char *name,
                 const char *content)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  char *sha;

  g_assert_true (g_file_set_contents (path, content, -1, NULL));
  sha = scs_workspace_add_evidence (fixture->workspace, "3-1-1-1", file, NULL, &error);
  g_assert_no_error (error);
  return sha;
}

static void
test_rules (Fixture       *fixture,
            gconstpointer  data)
{
  ScsScope *scope = fixture->scope;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *report = sha_of_evidence (fixture, "pentest.pdf", "%PDF-1.4 test report");
  g_autofree char *soc2 = sha_of_evidence (fixture, "soc2.pdf", "%PDF-1.4 soc2");
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) old = g_date_time_add_days (now, -400);
  g_autofree char *recent_date = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *old_date = g_date_time_format (old, "%Y-%m-%d");
  gint64 web, exc, ot, cloud, fw, vpn;
  guint level = GPOINTER_TO_UINT (data) ? 4 : 3;
  const char *tv = level >= 4 ? "E:" : "W:";

  /* Nothing yet: the unit rules */
  text = findings_text (scope);
  g_assert_cmpstr (text, ==, "E:unit-not-chosen@0,E:unit-description-empty@0");
  g_clear_pointer (&text, g_free);

  g_assert_true (scs_scope_set_unit (scope, SCS_SCOPE_UNIT_COMPANY, " \u3000", NULL, &error));
  text = findings_text (scope);
  g_assert_cmpstr (text, ==, "E:unit-description-empty@0");
  g_clear_pointer (&text, g_free);
  g_assert_true (scs_scope_set_unit (scope, SCS_SCOPE_UNIT_COMPANY, "全社", NULL, &error));

  web = add (scope, SCS_SCOPE_KIND_INTERNET, "name", "コーポレートサイト", "type", "web", NULL);
  exc = add (scope, SCS_SCOPE_KIND_SERVER, "name", "旧会計サーバ", NULL);
  ot = add (scope, SCS_SCOPE_KIND_NETWORK, "name", "工場OT", NULL);
  cloud = add (scope, SCS_SCOPE_KIND_CLOUD, "name", "Microsoft 365", NULL);
  fw = add (scope, SCS_SCOPE_KIND_BOUNDARY, "name", "本社FW", "type", "firewall", NULL);
  vpn = add (scope, SCS_SCOPE_KIND_BOUNDARY, "name", "VPN装置", "type", "vpn-gateway",
             "administrator", "外部委託先", NULL);
  g_assert_no_error (error);

  g_assert_true (scs_scope_set_status (scope, web, SCS_SCOPE_STATUS_EXCLUDED, "外部委託", NULL, FALSE, &error));
  g_assert_true (scs_scope_set_status (scope, exc, SCS_SCOPE_STATUS_EXCEPTION, "", NULL, FALSE, &error));
  g_assert_true (scs_scope_set_status (scope, ot, SCS_SCOPE_STATUS_EXCLUDED, "", "", TRUE, &error));
  g_assert_no_error (error);

  text = findings_text (scope);
  /* Outside the scope without a separation is an error whether or not
   * "connected" is ticked (web and exc are not ticked); the firewall is a
   * technical-verification target too. */
  expected = g_strdup_printf ("E:internet-facing-out-of-scope@%" G_GINT64_FORMAT ","
                              "E:connected-without-separation@%" G_GINT64_FORMAT ","
                              "E:exception-without-reason@%" G_GINT64_FORMAT ","
                              "E:connected-without-separation@%" G_GINT64_FORMAT ","
                              "W:exclusion-without-reason@%" G_GINT64_FORMAT ","
                              "E:connected-without-separation@%" G_GINT64_FORMAT ","
                              "E:cloud-without-responsibility-check@%" G_GINT64_FORMAT ","
                              "E:boundary-without-administrator@%" G_GINT64_FORMAT ","
                              "%sverification-target-untested@%" G_GINT64_FORMAT ","
                              "%sverification-target-untested@%" G_GINT64_FORMAT,
                              web, web, exc, exc, ot, ot, cloud, fw, tv, fw, tv, vpn);
  g_assert_cmpstr (text, ==, expected);
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&expected, g_free);

  /* Fix them one by one; each fix clears exactly its finding. */
  g_assert_true (scs_scope_set_status (scope, web, SCS_SCOPE_STATUS_IN, NULL, NULL, FALSE, &error));
  /* in scope, the web server is a verification target: tested recently */
  g_assert_true (scs_scope_set_field (scope, web, "vuln-test", recent_date, &error));
  g_assert_true (scs_scope_set_field (scope, web, "vuln-evidence", report, &error));
  g_assert_true (scs_scope_set_status (scope, exc, SCS_SCOPE_STATUS_EXCEPTION,
                                       "保守終了OS、2026年度中に更改予定。ネットワークから切り離し済み",
                                       "LANケーブルを外し、単独で使用", FALSE, &error));
  g_assert_true (scs_scope_set_status (scope, ot, SCS_SCOPE_STATUS_EXCLUDED, "制御系システム",
                                       "VLAN 30 と FW ルールで分離", TRUE, &error));
  g_assert_no_error (error);
  text = findings_text (scope);
  expected = g_strdup_printf ("E:cloud-without-responsibility-check@%" G_GINT64_FORMAT ","
                              "E:boundary-without-administrator@%" G_GINT64_FORMAT ","
                              "%sverification-target-untested@%" G_GINT64_FORMAT ","
                              "%sverification-target-untested@%" G_GINT64_FORMAT,
                              cloud, fw, tv, fw, tv, vpn);
  g_assert_cmpstr (text, ==, expected);
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&expected, g_free);

  g_assert_true (scs_scope_set_field (scope, cloud, "responsibility", "OS以上は事業者、アカウント管理は当社", &error));
  text = findings_text (scope);
  g_assert_nonnull (strstr (text, "E:cloud-without-responsibility-check"));
  g_clear_pointer (&text, g_free);
  g_assert_true (scs_scope_set_field (scope, cloud, "check-method", "soc2", &error));
  text = findings_text (scope);
  g_assert_nonnull (strstr (text, "W:cloud-check-without-evidence"));
  g_assert_null (strstr (text, "cloud-without-responsibility-check"));
  g_clear_pointer (&text, g_free);
  g_assert_true (scs_scope_set_field (scope, cloud, "evidence", soc2, &error));
  g_assert_true (scs_scope_set_field (scope, fw, "administrator", "情報システム課", &error));
  g_assert_true (scs_scope_set_field (scope, fw, "vuln-test", recent_date, &error));
  g_assert_true (scs_scope_set_field (scope, fw, "vuln-evidence", report, &error));
  g_assert_no_error (error);

  /* Technical verification: old test, then a recent one without evidence */
  g_assert_true (scs_scope_set_field (scope, vpn, "vuln-test", old_date, &error));
  text = findings_text (scope);
  expected = g_strdup_printf ("%sverification-target-untested@%" G_GINT64_FORMAT, tv, vpn);
  g_assert_cmpstr (text, ==, expected);
  g_clear_pointer (&text, g_free);
  g_assert_true (scs_scope_set_field (scope, vpn, "vuln-test", recent_date, &error));
  text = findings_text (scope);
  g_assert_cmpstr (text, ==, expected);
  g_clear_pointer (&text, g_free);
  g_assert_true (scs_scope_set_field (scope, vpn, "vuln-evidence", report, &error));
  g_assert_no_error (error);

  text = findings_text (scope);
  g_assert_cmpstr (text, ==, "");
  {
    g_autoptr(GPtrArray) findings = scs_scope_check (scope);

    g_assert_cmpuint (scs_scope_count_errors (findings), ==, 0);
  }

  /* scope.xml names each evidence file with what it is for */
  {
    g_autoptr(GBytes) xml = scs_scope_render_xml (fixture->workspace, &error);
    g_autofree char *xml_text = NULL;
    g_autofree char *check = g_strdup_printf ("<evidence for=\"provider-check\" sha256=\"%s\"/>", soc2);
    g_autofree char *test = g_strdup_printf ("<evidence for=\"vulnerability-test\" sha256=\"%s\"/>", report);
    g_auto(GStrv) by_check = NULL;
    g_auto(GStrv) by_test = NULL;

    g_assert_no_error (error);
    xml_text = g_strndup (g_bytes_get_data (xml, NULL), g_bytes_get_size (xml));
    by_check = g_strsplit (xml_text, check, -1);
    by_test = g_strsplit (xml_text, test, -1);
    /* the cloud service's check; the web server's, the firewall's and the VPN's tests */
    g_assert_cmpuint (g_strv_length (by_check), ==, 1 + 1);
    g_assert_cmpuint (g_strv_length (by_test), ==, 3 + 1);
  }
}

/* Finds whether @rule is reported for @item. */
static gboolean
has_finding (ScsScope   *scope,
             const char *rule,
             gint64      item)
{
  g_autoptr(GPtrArray) findings = scs_scope_check (scope);

  for (guint i = 0; i < findings->len; i++)
    {
      ScsScopeFinding *f = findings->pdata[i];

      if (g_str_equal (f->rule, rule) && f->item == item)
        return f->severity == SCS_SCOPE_SEVERITY_ERROR;
    }
  return FALSE;
}

/* The scheme's rules that the first check let through, each an error:
 * an excluded DMZ server, an excluded internet-edge firewall, an exclusion
 * without separation and without the "connected" tick, an exception whose
 * reason says nothing, a web server and a firewall as ★4 verification
 * targets, a test dated in the future, a questioned reason; then the
 * signing precondition, and the expert's marks for the expert only. */
static void
test_rules_scheme (Fixture       *fixture,
                   gconstpointer  data)
{
  ScsScope *scope = fixture->scope;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsProfile) staff = scs_profile_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) later = g_date_time_add_days (now, 30);
  g_autofree char *future = g_date_time_format (later, "%Y-%m-%d");
  gint64 dmz, lan_server, edge, pc, old, web;

  /* ★4 without a scope: not ready; ★3 without one: nothing stands in the way. */
  g_assert_true (scs_workspace_set_target_level (fixture->workspace, 4, &error));
  g_assert_false (scs_scope_check_ready (fixture->workspace, &error));
  g_assert_error (error, SCS_SCOPE_ERROR, SCS_SCOPE_ERROR_NOT_READY);
  g_assert_nonnull (strstr (error->message, "★4"));
  g_clear_error (&error);
  g_assert_true (scs_workspace_set_target_level (fixture->workspace, 3, &error));
  g_assert_true (scs_scope_check_ready (fixture->workspace, &error));
  g_assert_true (scs_workspace_set_target_level (fixture->workspace, 4, &error));
  g_assert_no_error (error);

  g_assert_true (scs_scope_set_unit (scope, SCS_SCOPE_UNIT_COMPANY, "全社", NULL, &error));
  add (scope, SCS_SCOPE_KIND_NETWORK, "name", "公開セグメント", "purpose", "DMZ（公開サーバ）", NULL);
  dmz = add (scope, SCS_SCOPE_KIND_SERVER, "name", "公開Webサーバ", "zone", "公開セグメント", NULL);
  lan_server = add (scope, SCS_SCOPE_KIND_SERVER, "name", "試験サーバ", "zone", "本社LAN", NULL);
  edge = add (scope, SCS_SCOPE_KIND_BOUNDARY, "name", "本社UTM", "type", "firewall",
              "administrator", "情報システム課", NULL);
  pc = add (scope, SCS_SCOPE_KIND_ENDPOINT, "name", "展示用PC", NULL);
  old = add (scope, SCS_SCOPE_KIND_ENDPOINT, "name", "旧端末", NULL);
  web = add (scope, SCS_SCOPE_KIND_INTERNET, "name", "コーポレートサイト", "type", "web", NULL);

  g_assert_true (scs_scope_set_status (scope, dmz, SCS_SCOPE_STATUS_EXCLUDED, "委託先が運用",
                                       "FWで分離", TRUE, &error));
  g_assert_true (scs_scope_set_status (scope, lan_server, SCS_SCOPE_STATUS_EXCLUDED, "検証用",
                                       "VLAN 40", TRUE, &error));
  g_assert_true (scs_scope_set_status (scope, edge, SCS_SCOPE_STATUS_EXCLUDED, "プロバイダ管理",
                                       "なし", FALSE, &error));
  g_assert_true (scs_scope_set_status (scope, pc, SCS_SCOPE_STATUS_EXCLUDED, "展示会専用", NULL, FALSE, &error));
  g_assert_true (scs_scope_set_status (scope, old, SCS_SCOPE_STATUS_EXCEPTION, "なし", "切り離し済み",
                                       FALSE, &error));
  g_assert_no_error (error);

  g_assert_true (has_finding (scope, "internet-facing-out-of-scope", dmz));
  g_assert_false (has_finding (scope, "internet-facing-out-of-scope", lan_server));
  g_assert_true (has_finding (scope, "boundary-out-of-scope", edge));
  g_assert_true (has_finding (scope, "connected-without-separation", pc));
  g_assert_true (has_finding (scope, "exception-reason-not-specific", old));
  g_assert_true (has_finding (scope, "verification-target-untested", web));

  /* Fixed, the firewall in scope is a verification target at ★4. */
  g_assert_true (scs_scope_set_status (scope, dmz, SCS_SCOPE_STATUS_IN, NULL, NULL, FALSE, &error));
  g_assert_true (scs_scope_set_status (scope, edge, SCS_SCOPE_STATUS_IN, NULL, NULL, FALSE, &error));
  g_assert_true (scs_scope_set_status (scope, pc, SCS_SCOPE_STATUS_EXCLUDED, "展示会専用",
                                       "社内ネットワークに接続しない単独機", FALSE, &error));
  g_assert_true (scs_scope_set_status (scope, old, SCS_SCOPE_STATUS_EXCEPTION,
                                       "サポート終了OSの専用機。2027年3月に更改予定", NULL, FALSE, &error));
  g_assert_no_error (error);
  g_assert_false (has_finding (scope, "internet-facing-out-of-scope", dmz));
  g_assert_false (has_finding (scope, "connected-without-separation", pc));
  g_assert_false (has_finding (scope, "exception-reason-not-specific", old));
  g_assert_true (has_finding (scope, "verification-target-untested", edge));

  /* A test dated in the future is refused. */
  g_assert_false (scs_scope_set_field (scope, edge, "vuln-test", future, &error));
  g_assert_error (error, SCS_SCOPE_ERROR, SCS_SCOPE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "future"));
  g_clear_error (&error);
  g_assert_false (scs_scope_set_field (scope, web, "vuln-test", "2099-01-01", &error));
  g_clear_error (&error);

  /* Only the expert marks a reason: a staff profile, or none, is refused. */
  scs_profile_set_role (staff, SCS_ROLE_SME);
  g_assert_false (scs_scope_set_review (scope, staff, old, SCS_SCOPE_REVIEW_ACCEPTED, NULL, &error));
  g_assert_error (error, SCS_SCOPE_ERROR, SCS_SCOPE_ERROR_ROLE);
  g_clear_error (&error);
  g_assert_false (scs_scope_set_review (scope, NULL, old, SCS_SCOPE_REVIEW_ACCEPTED, NULL, &error));
  g_assert_error (error, SCS_SCOPE_ERROR, SCS_SCOPE_ERROR_ROLE);
  g_clear_error (&error);
  g_assert_cmpint (scs_scope_item_get_review (scs_scope_lookup (scope, old)), ==, SCS_SCOPE_REVIEW_NONE);

  /* An open question is an error, and the scope is not ready for signing. */
  g_assert_true (scs_scope_set_review (scope, core_test_expert (), old, SCS_SCOPE_REVIEW_QUESTIONED,
                                       "更改の見積書を添付してください", &error));
  g_assert_no_error (error);
  g_assert_true (has_finding (scope, "reason-questioned", old));
  g_assert_false (scs_scope_check_ready (fixture->workspace, &error));
  g_assert_error (error, SCS_SCOPE_ERROR, SCS_SCOPE_ERROR_NOT_READY);
  g_clear_error (&error);
  g_assert_true (scs_scope_set_review (scope, core_test_expert (), old, SCS_SCOPE_REVIEW_ACCEPTED, NULL, &error));
  g_assert_false (has_finding (scope, "reason-questioned", old));
}

static void
fill_sample (Fixture *fixture)
{
  ScsScope *scope = fixture->scope;
  g_autoptr(GError) error = NULL;
  gint64 ot, old, partner;

  g_assert_true (scs_scope_set_unit (scope, SCS_SCOPE_UNIT_COMPANY,
                                     "株式会社さくら精機の本社 (東京) と第一工場 (群馬) の情報システム",
                                     "株式会社さくら精機\n本社\n第一工場", &error));
  add (scope, SCS_SCOPE_KIND_NETWORK, "name", "本社LAN", "location", "東京本社", "purpose", "事務", NULL);
  add (scope, SCS_SCOPE_KIND_NETWORK, "name", "DMZ", "location", "東京本社", "purpose", "公開サーバ", NULL);
  add (scope, SCS_SCOPE_KIND_NETWORK, "name", "工場LAN", "location", "群馬工場", "purpose", "生産管理", NULL);
  add (scope, SCS_SCOPE_KIND_SERVER, "name", "ファイルサーバ", "type", "on-premises", "zone", "本社LAN",
       "criteria", "3-1-1", NULL);
  add (scope, SCS_SCOPE_KIND_SERVER, "name", "生産管理サーバ", "type", "virtual", "zone", "工場LAN", NULL);
  add (scope, SCS_SCOPE_KIND_ENDPOINT, "name", "事務PC", "type", "pc", "os-model", "Windows 11",
       "count", "42", "zone", "本社LAN", NULL);
  add (scope, SCS_SCOPE_KIND_ENDPOINT, "name", "タブレット", "type", "smart-device", "os-model", "iPadOS",
       "count", "6", NULL);
  add (scope, SCS_SCOPE_KIND_BOUNDARY, "name", "本社UTM", "type", "firewall", "vendor", "Fortinet",
       "model", "FortiGate 60F", "administrator", "情報システム課", NULL);
  add (scope, SCS_SCOPE_KIND_BOUNDARY, "name", "VPNルータ", "type", "router", "model", "RTX1300",
       "administrator", "情報システム課", NULL);
  add (scope, SCS_SCOPE_KIND_INTERNET, "name", "Webサイト", "type", "web", "zone", "DMZ",
       "address", "https://sakura-seiki.example.jp", NULL);
  add (scope, SCS_SCOPE_KIND_INTERNET, "name", "メール", "type", "mail", NULL);
  add (scope, SCS_SCOPE_KIND_CLOUD, "name", "Microsoft 365", "provider", "Microsoft",
       "responsibility", "基盤は事業者、アカウントと設定は当社", "check-method", "ismap", NULL);
  add (scope, SCS_SCOPE_KIND_CLOUD, "name", "会計クラウド", "provider", "freee", NULL);
  partner = add (scope, SCS_SCOPE_KIND_CONNECTION, "name", "受発注EDI", "peer", "親会社 さくらHD", NULL);
  ot = add (scope, SCS_SCOPE_KIND_NETWORK, "name", "制御系ネットワーク", "location", "群馬工場", NULL);
  old = add (scope, SCS_SCOPE_KIND_SERVER, "name", "旧CAD端末 (Windows XP)", NULL);
  g_assert_true (scs_scope_set_status (scope, ot, SCS_SCOPE_STATUS_EXCLUDED, "OT／制御システム",
                                       "一方向ゲートウェイ", TRUE, &error));
  g_assert_true (scs_scope_set_status (scope, old, SCS_SCOPE_STATUS_EXCEPTION, "サポート終了、置換予定",
                                       "物理的に切り離し", FALSE, &error));
  g_assert_true (scs_scope_set_status (scope, partner, SCS_SCOPE_STATUS_EXCLUDED, "親会社の管理範囲",
                                       "FWで許可した通信のみ", TRUE, &error));
  g_assert_true (scs_scope_set_review (scope, core_test_expert (), ot, SCS_SCOPE_REVIEW_ACCEPTED, "確認済み", &error));
  g_assert_no_error (error);
}

static void
test_summary (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *summary = NULL;
  g_autofree char *again = NULL;

  fill_sample (fixture);
  summary = scs_scope_dup_summary (fixture->workspace);
  g_assert_cmpstr (summary, ==,
                   "Scope unit: company\n"
                   "Description: 株式会社さくら精機の本社 (東京) と第一工場 (群馬) の情報システム\n"
                   "Covers: 株式会社さくら精機; 本社; 第一工場\n"
                   "network: 3 in scope, 4 listed\n"
                   "server: 2 in scope, 3 listed\n"
                   "endpoint: 2 in scope (48 devices), 2 listed\n"
                   "boundary: 2 in scope, 2 listed\n"
                   "internet: 2 in scope, 2 listed\n"
                   "cloud: 2 in scope, 2 listed\n"
                   "connection: 0 in scope, 1 listed\n"
                   "Out of scope: 2 exclusions, 1 exceptions\n");
  again = scs_scope_dup_summary (fixture->workspace);
  g_assert_cmpstr (summary, ==, again);
}

static void
test_xml (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) xml = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(ScsWorkspace) reopened = NULL;
  g_autofree char *xml_path = g_build_filename (fixture->dir, "scope.xml", NULL);
  g_autofree char *rng = g_build_filename (g_getenv ("SCS_SOURCE_DIR"), "data", "schema", "scope.rng", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *argv[] = { "xmllint", "--noout", "--nonet", "--relaxng", rng, xml_path, NULL };
  int status = 0;

  fill_sample (fixture);
  xml = scs_scope_render_xml (fixture->workspace, &error);
  g_assert_no_error (error);
  g_assert_nonnull (xml);
  again = scs_scope_render_xml (fixture->workspace, &error);
  g_assert_true (g_bytes_equal (xml, again));
  g_clear_pointer (&again, g_bytes_unref);

  /* Same bytes from the file read back */
  g_clear_object (&fixture->workspace);
  reopened = scs_workspace_open (fixture->path, &error);
  g_assert_no_error (error);
  again = scs_scope_render_xml (reopened, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (xml, again));

  {
    gsize size;
    const char *text = g_bytes_get_data (xml, &size);
    g_autofree char *copy = g_strndup (text, size);

    g_assert_nonnull (strstr (copy, "<unit kind=\"company\">"));
    g_assert_nonnull (strstr (copy, "<criterion ref=\"3-1-1\"/>"));
    g_assert_nonnull (strstr (copy, "<review verdict=\"accepted\" reviewer=\"山田 花子\">確認済み</review>"));
    g_assert_true (g_file_set_contents (xml_path, copy, size, NULL));
  }

  if (g_getenv ("SCS_SOURCE_DIR") == NULL)
    {
      g_test_skip ("SCS_SOURCE_DIR not set");
      return;
    }
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  g_test_message ("xmllint: %s", err);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  /* and the schema is not a rubber stamp: a wrong kind is refused */
  {
    gsize size;
    g_autofree char *copy = g_strndup (g_bytes_get_data (xml, &size), g_bytes_get_size (xml));
    g_autoptr(GString) bad = g_string_new (copy);

    g_string_replace (bad, "kind=\"server\"", "kind=\"toaster\"", 1);
    g_assert_true (g_file_set_contents (xml_path, bad->str, bad->len, NULL));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                                 &out, &err, &status, &error));
    g_assert_false (g_spawn_check_wait_status (status, NULL));
  }
}

/* scope.xml is signed content inside submission packages: the bytes for a
 * scope are pinned by tests/core/fixtures/scope-golden.xml (Japanese text,
 * & < > " ', tabs and newlines, empty fields, every kind, status and review,
 * many rows), so a change of writer cannot change them unnoticed. */
static void
fill_golden (Fixture *fixture)
{
  static const char * const specials[] = {
    "", "株式会社さくら精機 & <本社>", "\"引用\" と 'アポストロフィ'", "a&b<c>d\"e'f",
    "タブ\tの後", "説明\n二行目\tタブ", "＜全角＞＆", "😀 emoji", "https://example.jp/?a=1&b=<2>",
  };
  ScsScope *scope = fixture->scope;
  g_autoptr(GError) error = NULL;
  g_autofree char *evidence = sha_of_evidence (fixture, "check.pdf", "%PDF-1.4 check");

  g_assert_true (scs_scope_set_unit (scope, SCS_SCOPE_UNIT_GROUP_DOMESTIC,
                                     "本社 & 工場 <東京/群馬> の \"全\" システム\n二行目\tタブ 'quote'",
                                     "  株式会社さくら精機 & Co.\n\n<本社>\n\t第一工場 \"群馬\"  \n", &error));
  g_assert_no_error (error);
  /* every field of every kind, each filled in some items and empty in others */
  for (guint i = 0; i < 140; i++)
    {
      ScsScopeKind kind = i % SCS_SCOPE_N_KINDS;
      const char * const *names = scs_scope_kind_fields (kind);
      g_autoptr(GHashTable) fields = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
      gint64 id;

      for (guint f = 0; names[f] != NULL; f++)
        {
          const char *special = specials[(i + f) % G_N_ELEMENTS (specials)];
          const ScsScopeChoice *choices = scs_scope_field_choices (kind, names[f]);
          char *value;

          if (g_str_equal (names[f], "name"))
            value = g_strdup_printf ("項目 %u %s", i, special);
          else if ((i + f) % 4 == 3)
            value = g_strdup ("");
          else if (choices != NULL)
            {
              guint n = 0;

              while (choices[n].code != NULL)
                n++;
              value = g_strdup (choices[(i + f) % n].code);
            }
          else if (g_str_equal (names[f], "count"))
            value = g_strdup_printf ("%u", i * 3);
          else if (g_str_equal (names[f], "vuln-test"))
            value = g_strdup ("2026-10-01");
          else if (g_str_has_suffix (names[f], "evidence"))
            value = g_strdup (evidence);
          else
            value = g_strdup (special);
          g_hash_table_insert (fields, (gpointer) names[f], value);
        }
      if (i % 6 == 0)
        g_hash_table_insert (fields, (gpointer) "criteria", g_strdup ("3-1-2, 1-2-1-1, 3-1-1"));
      id = scs_scope_add_item (scope, kind, fields, &error);
      g_assert_no_error (error);
      g_assert_cmpint (id, >, 0);
      if (i % 3 == 1)
        {
          g_assert_true (scs_scope_set_status (scope, id,
                                               i % 2 ? SCS_SCOPE_STATUS_EXCLUDED : SCS_SCOPE_STATUS_EXCEPTION,
                                               i % 4 == 1 ? "" : "理由 & <詳細>\n二行目\t\"タブ\"",
                                               i % 5 == 1 ? "" : specials[i % G_N_ELEMENTS (specials)],
                                               i % 2 == 0, &error));
          g_assert_no_error (error);
          if (i % 9 == 1)
            g_assert_true (scs_scope_set_review (scope, core_test_expert (), id, SCS_SCOPE_REVIEW_ACCEPTED,
                                                 "", &error));
          else if (i % 9 == 4)
            g_assert_true (scs_scope_set_review (scope, core_test_expert (), id, SCS_SCOPE_REVIEW_QUESTIONED,
                                                 "分離は？ <FW> & \"VLAN\"\n\tもう一行", &error));
          g_assert_no_error (error);
        }
    }
}

static void
test_xml_golden (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) xml = NULL;
  g_autoptr(GBytes) golden = NULL;
  g_autofree char *golden_path = NULL;
  g_autofree char *contents = NULL;
  gsize size;

  if (g_getenv ("SCS_SOURCE_DIR") == NULL)
    {
      g_test_skip ("SCS_SOURCE_DIR not set");
      return;
    }
  fill_golden (fixture);
  /* a reviewer name only an outside tool stores, in an attribute */
  g_clear_object (&fixture->workspace);
  core_test_forge (fixture->path, "UPDATE scope_item SET reviewer = '審査 & <\"員\">' || char (10) || "
                   "'二行目' || char (9) || 'x''y' WHERE id % 18 = 5");
  fixture->workspace = scs_workspace_open (fixture->path, &error);
  g_assert_no_error (error);
  xml = scs_scope_render_xml (fixture->workspace, &error);
  g_assert_no_error (error);
  g_assert_nonnull (xml);

  golden_path = g_build_filename (g_getenv ("SCS_SOURCE_DIR"), "tests", "core", "fixtures",
                                  "scope-golden.xml", NULL);
  g_assert_true (g_file_get_contents (golden_path, &contents, &size, &error));
  g_assert_no_error (error);
  golden = g_bytes_new_take (g_steal_pointer (&contents), size);
  if (!g_bytes_equal (xml, golden))
    {
      /* kept for a diff after the test */
      g_autofree char *kept = g_build_filename (g_get_tmp_dir (), "scope-actual.xml", NULL);

      g_assert_true (g_file_set_contents (kept, g_bytes_get_data (xml, NULL), g_bytes_get_size (xml), NULL));
      g_test_message ("scope.xml differs from %s; this run's output is in %s", golden_path, kept);
      g_test_fail ();
    }
}

/* A scope described without items: what libxml2's writer wrote for it. */
static void
test_xml_no_items (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) xml = NULL;
  g_autofree char *text = NULL;

  g_assert_true (scs_scope_set_unit (fixture->scope, SCS_SCOPE_UNIT_DIVISION, "", "", &error));
  g_assert_no_error (error);
  xml = scs_scope_render_xml (fixture->workspace, &error);
  g_assert_no_error (error);
  text = g_strndup (g_bytes_get_data (xml, NULL), g_bytes_get_size (xml));
  g_assert_cmpstr (text, ==,
                   "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                   "<scope format=\"1\" xmlns=\"urn:scs-workbench:scope:1\">\n"
                   "  <unit kind=\"division\">\n"
                   "    <description></description>\n"
                   "  </unit>\n"
                   "  <items/>\n"
                   "</scope>\n");
}

/* Text that reached the database behind the application's back and that
 * XML 1.0 cannot carry is refused, the item named, not written. */
static void
test_xml_refuses_control (Fixture       *fixture,
                          gconstpointer  data)
{
  static const char * const forgeries[] = {
    "UPDATE scope_item SET name = 'a' || char (1) || 'b' WHERE id = %" G_GINT64_FORMAT,
    "UPDATE scope_item SET reason = 'a' || char (13) WHERE id = %" G_GINT64_FORMAT,
    "UPDATE scope_item SET zone = char (27) || '[31m' WHERE id = %" G_GINT64_FORMAT,
    "UPDATE scope_item_criterion SET criterion_id = '3-1-1' || char (2) WHERE item = %" G_GINT64_FORMAT,
    "UPDATE scope_item SET reviewer = 'x' || char (11) WHERE id = %" G_GINT64_FORMAT,
    "UPDATE scope_unit SET description = 'd' || char (12) WHERE %" G_GINT64_FORMAT " > 0",
  };

  for (guint i = 0; i < G_N_ELEMENTS (forgeries); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ScsWorkspace) reopened = NULL;
      g_autoptr(GBytes) xml = NULL;
      g_autofree char *sql = NULL;
      gint64 id;

      g_clear_object (&fixture->workspace);
      core_test_rm_rf (fixture->path);
      fixture->workspace = create_workspace (fixture->path, 3);
      fixture->scope = scs_scope_get (fixture->workspace, &error);
      g_assert_no_error (error);
      g_assert_true (scs_scope_set_unit (fixture->scope, SCS_SCOPE_UNIT_COMPANY, "全社", "さくら", &error));
      id = add (fixture->scope, SCS_SCOPE_KIND_SERVER, "name", "サーバ", "criteria", "3-1-1", NULL);
      g_assert_true (scs_scope_set_status (fixture->scope, id, SCS_SCOPE_STATUS_EXCLUDED, "理由",
                                           "分離", FALSE, &error));
      g_assert_true (scs_scope_set_review (fixture->scope, core_test_expert (), id,
                                           SCS_SCOPE_REVIEW_ACCEPTED, "確認", &error));
      g_assert_no_error (error);
      g_clear_object (&fixture->workspace);

      sql = g_strdup_printf (forgeries[i], id);
      core_test_forge (fixture->path, sql);
      reopened = scs_workspace_open (fixture->path, &error);
      g_assert_no_error (error);
      xml = scs_scope_render_xml (reopened, &error);
      g_test_message ("%s: %s", sql, error ? error->message : "(written)");
      g_assert_null (xml);
      g_assert_error (error, SCS_SCOPE_ERROR, SCS_SCOPE_ERROR_INVALID);
      fixture->workspace = g_steal_pointer (&reopened);
      fixture->scope = NULL;
    }
}

static void
test_diagram (Fixture       *fixture,
              gconstpointer  data)
{
  const char *formats[] = { "png", "svg", "pdf" };
  const char *magic[] = { "\x89PNG", "<?xml", "%PDF" };

  fill_sample (fixture);
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *name = g_strdup_printf ("scope.%s", formats[i]);
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_true (scs_scope_export_diagram (fixture->workspace, path, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_assert_cmpuint (length, >, 1000);
      g_assert_true (memcmp (contents, magic[i], strlen (magic[i])) == 0);

      /* Keep the PNG where a person can look at it */
      if (i == 0 && g_getenv ("G_TEST_BUILDDIR") != NULL)
        {
          g_autofree char *keep = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "scope-diagram.png", NULL);

          g_assert_true (g_file_set_contents (keep, contents, length, NULL));
        }
    }

  {
    g_autoptr(GError) error = NULL;
    g_autofree char *path = g_build_filename (fixture->dir, "scope.bmp", NULL);

    g_assert_false (scs_scope_export_diagram (fixture->workspace, path, &error));
    g_assert_error (error, SCS_SCOPE_ERROR, SCS_SCOPE_ERROR_INVALID);
  }

  /* Something is drawn: the PNG is not all white */
  {
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 500, 350);
    cairo_t *cr = cairo_create (surface);
    const guchar *pixels;
    guint non_white = 0;

    g_assert_true (scs_scope_draw (fixture->workspace, cr, 500, 350));
    cairo_surface_flush (surface);
    pixels = cairo_image_surface_get_data (surface);
    for (int y = 0; y < 350; y++)
      for (int x = 0; x < 500; x++)
        {
          const guint32 *p = (const guint32 *) (pixels + y * cairo_image_surface_get_stride (surface)) + x;

          if ((*p & 0xffffff) != 0xffffff)
            non_white++;
        }
    g_assert_cmpuint (non_white, >, 5000);
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
  }
}

/* Types and provider checks are kept as codes but typed and shown as
 * labels, in English or Japanese; a wrong one is refused naming the labels. */
static void
test_choices (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 fw, web, cloud;
  ScsScopeItem *item;
  const ScsScopeChoice *choices;

  scs_i18n_init ("en");
  fw = add (fixture->scope, SCS_SCOPE_KIND_BOUNDARY, "name", "本社FW", "type", "Firewall / UTM", NULL);
  item = scs_scope_lookup (fixture->scope, fw);
  g_assert_cmpstr (scs_scope_item_get_field (item, "type"), ==, "firewall");
  g_assert_cmpstr (scs_scope_field_value_label (SCS_SCOPE_KIND_BOUNDARY, "type", "firewall"), ==,
                   "Firewall / UTM");
  /* a code is still accepted (CLI, scope.xml) */
  web = add (fixture->scope, SCS_SCOPE_KIND_INTERNET, "name", "会社サイト", "type", "web", NULL);
  g_assert_cmpstr (scs_scope_item_get_field (scs_scope_lookup (fixture->scope, web), "type"), ==, "web");

  scs_i18n_init ("ja");
  g_assert_true (scs_scope_set_field (fixture->scope, fw, "type", "ルーター", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (scs_scope_item_get_field (scs_scope_lookup (fixture->scope, fw), "type"), ==, "router");
  g_assert_cmpstr (scs_scope_field_value_label (SCS_SCOPE_KIND_BOUNDARY, "type", "firewall"), ==,
                   "ファイアウォール・UTM");
  cloud = add (fixture->scope, SCS_SCOPE_KIND_CLOUD, "name", "会計SaaS", "check-method", "ISMAP登録", NULL);
  g_assert_cmpstr (scs_scope_item_get_field (scs_scope_lookup (fixture->scope, cloud), "check-method"), ==,
                   "ismap");
  g_assert_false (scs_scope_set_field (fixture->scope, fw, "type", "金庫", &error));
  g_assert_error (error, SCS_SCOPE_ERROR, SCS_SCOPE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "ファイアウォール・UTM"));
  g_assert_null (strstr (error->message, "vpn-gateway"));
  g_clear_error (&error);
  scs_i18n_init ("en");

  /* every choice has a label; free-text fields have none */
  for (guint k = 0; k < SCS_SCOPE_N_KINDS; k++)
    for (choices = scs_scope_field_choices (k, "type"); choices != NULL && choices->code != NULL; choices++)
      g_assert_cmpstr (choices->label, !=, choices->code);
  g_assert_null (scs_scope_field_choices (SCS_SCOPE_KIND_SERVER, "zone"));
  g_assert_null (scs_scope_field_choices (SCS_SCOPE_KIND_NETWORK, "type"));
  g_assert_cmpstr (scs_scope_field_value_label (SCS_SCOPE_KIND_SERVER, "zone", "DMZ"), ==, "DMZ");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func, level) \
  g_test_add ("/scs/scope/" path, Fixture, GUINT_TO_POINTER (level), fixture_set_up, func, fixture_tear_down)

  ADD ("empty", test_empty, 0);
  ADD ("edit-and-reopen", test_edit_and_reopen, 0);
  ADD ("refusals", test_refusals, 0);
  ADD ("rules/star3", test_rules, 0);
  ADD ("rules/star4", test_rules, 1);
  ADD ("rules/scheme", test_rules_scheme, 1);
  ADD ("summary", test_summary, 0);
  ADD ("choices", test_choices, 0);
  ADD ("xml", test_xml, 0);
  ADD ("xml/golden", test_xml_golden, 0);
  ADD ("xml/no-items", test_xml_no_items, 0);
  ADD ("xml/refuses-control", test_xml_refuses_control, 0);
  ADD ("diagram", test_diagram, 0);

  return g_test_run ();
}
