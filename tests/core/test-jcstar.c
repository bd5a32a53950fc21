/* test-jcstar.c: the JC-STAR ★1 workspace and its equivalence view
 *
 * The built-in texts hold S1.1-01 … S1.1-16 with their items, the
 * conditional S1.1-08, and provisional marks where the topic is not
 * confirmed. A product with three model numbers is recorded and read back;
 * a label valid for more than two years is refused, nothing written. The
 * conditional item S1.1-08 #1 is not applicable with a reason (refused
 * without one) and the requirement counts as met; alternatives (S1.1-10)
 * need one conforming item; a non-conforming item fails its requirement.
 * Equivalence against the tables of the PSTI regulations and the
 * Japan–Singapore MoC: the PSTI route waives exactly S1.1-02, -05, -16; CLS
 * Level 1 matches 2, 3, 4, 5, 7, 8, 10 fully, 6, 9, 16 partly, 1 and 11–15
 * not at all; a current label covers PSTI, an expired one does not; a ★1
 * product still needs CLS 5.3-7, and a home gateway the 7.3 provisions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <poppler.h>

#include "scs-i18n.h"
#include "scs-jcstar.h"
#include "scs-security-action.h"
#include "scs-workspace.h"

#include "core-test-util.h"

typedef struct
{
  char         *dir;
  char         *path;
  ScsWorkspace *workspace;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(ScsOrganization) org = scs_organization_new ();
  g_autoptr(ScsCatalog) catalog = scs_catalog_new_builtin ();
  g_autoptr(GError) error = NULL;

  org->name = g_strdup ("株式会社テスト電機");
  org->corporate_number = g_strdup (CORE_TEST_CORPORATE_NUMBER);
  fixture->dir = core_test_make_tmp_dir ("scs-jcstar-XXXXXX");
  fixture->path = g_build_filename (fixture->dir, "camera.scsw", NULL);
  fixture->workspace = scs_workspace_create_typed (fixture->path, SCS_WORKSPACE_TYPE_JCSTAR1, org, 3,
                                                   catalog, &error);
  g_assert_no_error (error);
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

static ScsJcProduct *
camera (ScsJcRoute route)
{
  ScsJcProduct *product = g_new0 (ScsJcProduct, 1);
  const char *models[] = { "NC-100", "NC-100W", "NC-200", NULL };

  product->name = g_strdup ("ネットワークカメラ NC");
  product->model_numbers = g_strdupv ((char **) models);
  product->versions = g_strdup ("firmware 2.4.1");
  product->support_end = g_strdup ("2031-03-31");
  product->vdp_url = g_strdup ("https://example.jp/security/vdp");
  product->vdp_contact = g_strdup ("psirt@example.jp");
  product->user_contact = g_strdup ("0120-000-000");
  product->application_number = g_strdup ("A-2026-0123");
  product->label_number = g_strdup ("JC1-000123");
  product->issued = g_strdup ("2026-04-01");
  product->expires = g_strdup ("2028-03-31");
  product->route = route;
  return product;
}

static void
test_texts (void)
{
  const ScsJcRequirement *r08 = scs_jcstar_lookup_requirement ("S1.1-08");
  const ScsJcRequirement *r10 = scs_jcstar_lookup_requirement ("S1.1-10");

  g_assert_cmpuint (scs_jcstar_get_n_requirements (), ==, 16);
  g_assert_cmpstr (scs_jcstar_get_criteria_document (), ==, "JST-CR-01-01-2024R1");
  g_assert_cmpstr (scs_jcstar_get_requirement (15)->id, ==, "S1.1-16");
  g_assert_cmpstr (r08->items[0].condition, ==, "network-update");
  g_assert_true (r10->any);
  g_assert_cmpuint (r10->n_items, ==, 2);
  /* Unconfirmed topics are marked provisional. */
  g_assert_true (scs_jcstar_lookup_requirement ("S1.1-14")->provisional);
  g_assert_true (scs_jcstar_lookup_requirement ("S1.1-15")->provisional);
  g_assert_true (scs_jcstar_lookup_requirement ("S1.1-09")->provisional);
  g_assert_false (scs_jcstar_lookup_requirement ("S1.1-02")->provisional);
  g_assert_null (scs_jcstar_lookup_requirement ("S1.1-17"));
}

static void
test_equivalence (void)
{
  const char *cls_full = "02 03 04 05 07 08 10";
  const char *cls_partial = "06 09 16";
  const char * const *needed;
  g_autoptr(ScsJcProduct) product = camera (SCS_JC_ROUTE_STANDARD);

  for (guint i = 0; i < scs_jcstar_get_n_requirements (); i++)
    {
      const ScsJcRequirement *r = scs_jcstar_get_requirement (i);
      const char *n = r->id + strlen ("S1.1-");
      gboolean psti = g_str_equal (n, "02") || g_str_equal (n, "05") || g_str_equal (n, "16");

      g_assert_cmpint (scs_jcstar_is_waived (r, SCS_JC_ROUTE_STANDARD), ==, FALSE);
      g_assert_cmpint (scs_jcstar_is_waived (r, SCS_JC_ROUTE_PSTI), ==, psti);
      if (strstr (cls_full, n) != NULL)
        g_assert_cmpint (r->cls, ==, SCS_JC_CLS_FULL);
      else if (strstr (cls_partial, n) != NULL)
        g_assert_cmpint (r->cls, ==, SCS_JC_CLS_PARTIAL);
      else
        g_assert_cmpint (r->cls, ==, SCS_JC_CLS_NONE);
      g_assert_cmpint (scs_jcstar_is_waived (r, SCS_JC_ROUTE_CLS), ==, strstr (cls_full, n) != NULL);
    }

  g_assert_true (scs_jcstar_label_covers_psti (product, "2026-04-01"));
  g_assert_true (scs_jcstar_label_covers_psti (product, "2028-03-31"));
  g_assert_false (scs_jcstar_label_covers_psti (product, "2028-04-01"));
  g_assert_false (scs_jcstar_label_covers_psti (product, "2026-03-31"));

  needed = scs_jcstar_cls_still_needed (FALSE);
  g_assert_cmpstr (needed[0], ==, "5.3-7");
  g_assert_null (needed[1]);
  needed = scs_jcstar_cls_still_needed (TRUE);
  g_assert_true (g_strv_contains (needed, "5.3-7"));
  g_assert_true (g_strv_contains (needed, "7.3-1"));
  g_assert_true (g_strv_contains (needed, "7.3-7"));
}

static void
test_product_and_answers (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(ScsJcProduct) product = camera (SCS_JC_ROUTE_STANDARD);
  g_autoptr(ScsJcProduct) stored = NULL;
  g_autoptr(ScsWorkspace) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *reason = NULL;

  /* A label of more than two years, a blank model: refused, nothing written. */
  before = core_test_file_state (fixture->path, FALSE);
  g_free (product->expires);
  product->expires = g_strdup ("2028-04-02");
  g_assert_false (scs_jcstar_set_product (fixture->workspace, product, &error));
  g_assert_error (error, SCS_JCSTAR_ERROR, SCS_JCSTAR_ERROR_INVALID);
  g_clear_error (&error);
  g_free (product->expires);
  product->expires = g_strdup ("2028-03-31");
  g_free (product->model_numbers[1]);
  product->model_numbers[1] = g_strdup (" ");
  g_assert_false (scs_jcstar_set_product (fixture->workspace, product, &error));
  g_assert_error (error, SCS_JCSTAR_ERROR, SCS_JCSTAR_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (scs_jcstar_set_answer (fixture->workspace, "S1.1-08", 1, SCS_JC_ANSWER_NOT_APPLICABLE,
                                         "  ", &error));
  g_assert_error (error, SCS_JCSTAR_ERROR, SCS_JCSTAR_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (scs_jcstar_set_answer (fixture->workspace, "S1.1-10", 3, SCS_JC_ANSWER_CONFORMS,
                                         NULL, &error));
  g_assert_error (error, SCS_JCSTAR_ERROR, SCS_JCSTAR_ERROR_INVALID);
  g_clear_error (&error);
  after = core_test_file_state (fixture->path, FALSE);
  g_assert_cmpstr (before, ==, after);

  g_free (product->model_numbers[1]);
  product->model_numbers[1] = g_strdup ("NC-100W");
  g_assert_true (scs_jcstar_set_product (fixture->workspace, product, &error));
  g_assert_no_error (error);

  /* The conditional item does not apply: updates come only by USB stick. */
  g_assert_true (scs_jcstar_set_answer (fixture->workspace, "S1.1-08", 1, SCS_JC_ANSWER_NOT_APPLICABLE,
                                        "ネットワーク経由の更新機能を持たない", &error));
  g_assert_no_error (error);
  g_assert_true (scs_jcstar_set_answer (fixture->workspace, "S1.1-10", 2, SCS_JC_ANSWER_CONFORMS, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (scs_jcstar_set_answer (fixture->workspace, "S1.1-12", 1, SCS_JC_ANSWER_DOES_NOT, NULL, &error));
  g_assert_no_error (error);

  g_clear_object (&fixture->workspace);
  again = scs_workspace_open (fixture->path, &error);
  g_assert_no_error (error);
  stored = scs_jcstar_get_product (again, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (stored->model_numbers), ==, 3);
  g_assert_cmpstr (stored->model_numbers[2], ==, "NC-200");
  g_assert_cmpstr (stored->criteria_version, ==, "JST-CR-01-01-2024R1");
  g_assert_cmpstr (stored->expires, ==, "2028-03-31");

  g_assert_cmpint (scs_jcstar_get_answer (again, "S1.1-08", 1, &reason, &error), ==, SCS_JC_ANSWER_NOT_APPLICABLE);
  g_assert_cmpstr (reason, ==, "ネットワーク経由の更新機能を持たない");
  g_assert_cmpint (scs_jcstar_get_status (again, "S1.1-08", &error), ==, SCS_JC_STATUS_MET);
  g_assert_cmpint (scs_jcstar_get_status (again, "S1.1-10", &error), ==, SCS_JC_STATUS_MET);
  g_assert_cmpint (scs_jcstar_get_status (again, "S1.1-12", &error), ==, SCS_JC_STATUS_NOT_MET);
  g_assert_cmpint (scs_jcstar_get_status (again, "S1.1-02", &error), ==, SCS_JC_STATUS_OPEN);
  g_assert_no_error (error);

  /* On the PSTI route S1.1-02 is waived; S1.1-12 still fails. */
  stored->route = SCS_JC_ROUTE_PSTI;
  g_assert_true (scs_jcstar_set_product (again, stored, &error));
  g_assert_no_error (error);
  g_assert_cmpint (scs_jcstar_get_status (again, "S1.1-02", &error), ==, SCS_JC_STATUS_WAIVED);
  g_assert_cmpint (scs_jcstar_get_status (again, "S1.1-12", &error), ==, SCS_JC_STATUS_NOT_MET);
  g_assert_no_error (error);
}

/* A firmware update reopens exactly the requirements the data names for it
 * (S1.1-08 and -12 here, answered before) and leaves the others (S1.1-05,
 * -10) answered; the product's versions become the new firmware; a change
 * notice is drafted naming them, and the user's edit is kept. A new model
 * number joins the product and reopens S1.1-10; one already listed, an
 * empty one or a bad date is refused with nothing written. */
static void
test_events (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(ScsJcProduct) product = camera (SCS_JC_ROUTE_STANDARD);
  g_autoptr(ScsJcProduct) stored = NULL;
  g_autoptr(ScsJcEvent) firmware = NULL;
  g_autoptr(ScsJcEvent) model = NULL;
  g_autoptr(ScsJcEvent) refused = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  ScsWorkspace *ws = fixture->workspace;

  g_assert_null (scs_jcstar_record_event (ws, SCS_JC_EVENT_FIRMWARE, "3.0.0", "2026-12-01", &error));
  g_assert_error (error, SCS_JCSTAR_ERROR, SCS_JCSTAR_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (scs_jcstar_set_product (ws, product, &error));
  g_assert_true (scs_jcstar_set_answer (ws, "S1.1-08", 1, SCS_JC_ANSWER_CONFORMS, NULL, &error));
  g_assert_true (scs_jcstar_set_answer (ws, "S1.1-12", 1, SCS_JC_ANSWER_CONFORMS, NULL, &error));
  g_assert_true (scs_jcstar_set_answer (ws, "S1.1-05", 1, SCS_JC_ANSWER_CONFORMS, NULL, &error));
  g_assert_true (scs_jcstar_set_answer (ws, "S1.1-10", 1, SCS_JC_ANSWER_CONFORMS, NULL, &error));
  g_assert_no_error (error);

  /* The rule is data: firmware reopens S1.1-08 and -12, not -05 or -10. */
  g_assert_true (scs_jcstar_lookup_requirement ("S1.1-08")->reopen_on & SCS_JC_EVENT_FIRMWARE);
  g_assert_false (scs_jcstar_lookup_requirement ("S1.1-05")->reopen_on);
  g_assert_cmpuint (scs_jcstar_lookup_requirement ("S1.1-10")->reopen_on, ==, SCS_JC_EVENT_MODEL);

  firmware = scs_jcstar_record_event (ws, SCS_JC_EVENT_FIRMWARE, "firmware 3.0.0", "2026-12-01", &error);
  g_assert_no_error (error);
  g_assert_true (g_strv_contains ((const char * const *) firmware->reopened, "S1.1-08"));
  g_assert_true (g_strv_contains ((const char * const *) firmware->reopened, "S1.1-12"));
  g_assert_false (g_strv_contains ((const char * const *) firmware->reopened, "S1.1-05"));
  g_assert_cmpint (scs_jcstar_get_status (ws, "S1.1-08", &error), ==, SCS_JC_STATUS_OPEN);
  g_assert_cmpint (scs_jcstar_get_status (ws, "S1.1-12", &error), ==, SCS_JC_STATUS_OPEN);
  g_assert_cmpint (scs_jcstar_get_status (ws, "S1.1-05", &error), ==, SCS_JC_STATUS_MET);
  g_assert_cmpint (scs_jcstar_get_status (ws, "S1.1-10", &error), ==, SCS_JC_STATUS_MET);
  g_assert_nonnull (strstr (firmware->notice, "firmware 3.0.0"));
  g_assert_nonnull (strstr (firmware->notice, "S1.1-12"));
  g_assert_nonnull (strstr (firmware->notice, "our own judgement"));
  stored = scs_jcstar_get_product (ws, &error);
  g_assert_cmpstr (stored->versions, ==, "firmware 3.0.0");

  /* Refused, nothing written. */
  before = core_test_file_state (fixture->path, FALSE);
  refused = scs_jcstar_record_event (ws, SCS_JC_EVENT_MODEL, "NC-200", "2026-12-02", &error);
  g_assert_error (error, SCS_JCSTAR_ERROR, SCS_JCSTAR_ERROR_INVALID);
  g_clear_error (&error);
  refused = scs_jcstar_record_event (ws, SCS_JC_EVENT_MODEL, " ", "2026-12-02", &error);
  g_assert_error (error, SCS_JCSTAR_ERROR, SCS_JCSTAR_ERROR_INVALID);
  g_clear_error (&error);
  refused = scs_jcstar_record_event (ws, SCS_JC_EVENT_MODEL, "NC-300", "2026-12-32", &error);
  g_assert_error (error, SCS_JCSTAR_ERROR, SCS_JCSTAR_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (refused);
  after = core_test_file_state (fixture->path, FALSE);
  g_assert_cmpstr (before, ==, after);

  model = scs_jcstar_record_event (ws, SCS_JC_EVENT_MODEL, "NC-300", "2026-12-02", &error);
  g_assert_no_error (error);
  g_assert_cmpint (scs_jcstar_get_status (ws, "S1.1-10", &error), ==, SCS_JC_STATUS_OPEN);
  g_assert_cmpint (scs_jcstar_get_status (ws, "S1.1-05", &error), ==, SCS_JC_STATUS_MET);
  g_clear_pointer (&stored, scs_jc_product_free);
  stored = scs_jcstar_get_product (ws, &error);
  g_assert_cmpuint (g_strv_length (stored->model_numbers), ==, 4);
  g_assert_cmpstr (stored->model_numbers[3], ==, "NC-300");

  g_assert_true (scs_jcstar_set_notice (ws, firmware->id, "変更届（編集済み）", &error));
  g_assert_no_error (error);
  g_assert_false (scs_jcstar_set_notice (ws, 99, "x", &error));
  g_assert_error (error, SCS_JCSTAR_ERROR, SCS_JCSTAR_ERROR_INVALID);
  g_clear_error (&error);
  events = scs_jcstar_list_events (ws, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 2);
  g_assert_cmpstr (((ScsJcEvent *) events->pdata[0])->notice, ==, "変更届（編集済み）");
  g_assert_cmpint (((ScsJcEvent *) events->pdata[1])->kind, ==, SCS_JC_EVENT_MODEL);
}

static char *
pdf_text (GBytes *pdf)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) all = g_string_new (NULL);
  PopplerDocument *doc = poppler_document_new_from_bytes (pdf, NULL, &error);

  g_assert_no_error (error);
  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      PopplerPage *page = poppler_document_get_page (doc, i);
      g_autofree char *text = poppler_page_get_text (page);

      g_string_append (all, text);
      g_object_unref (page);
    }
  g_object_unref (doc);
  return g_string_free (g_steal_pointer (&all), FALSE);
}

/* The checklist PDF, in Japanese and in English: refused before the product
 * is recorded; then it names the product and its three model numbers, the
 * not-applicable item's reason, the route's waiver and the provisional
 * marks, in the language asked for. */
static void
test_checklist_pdf (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(ScsJcProduct) product = camera (SCS_JC_ROUTE_PSTI);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) ja = NULL;
  g_autoptr(GBytes) en = NULL;
  g_autoptr(GBytes) none = NULL;
  g_autofree char *ja_text = NULL;
  g_autofree char *en_text = NULL;

  none = scs_jcstar_render_checklist (fixture->workspace, &error);
  g_assert_error (error, SCS_JCSTAR_ERROR, SCS_JCSTAR_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (scs_jcstar_set_product (fixture->workspace, product, &error));
  g_assert_true (scs_jcstar_set_answer (fixture->workspace, "S1.1-08", 1, SCS_JC_ANSWER_NOT_APPLICABLE,
                                        "USB更新のみ", &error));
  g_assert_no_error (error);

  scs_i18n_init ("ja");
  ja = scs_jcstar_render_checklist (fixture->workspace, &error);
  scs_i18n_init ("en");
  en = scs_jcstar_render_checklist (fixture->workspace, &error);
  g_assert_no_error (error);
  ja_text = pdf_text (ja);
  en_text = pdf_text (en);
  /* The built-in texts in the language asked for (the UI strings are
   * translated by the installed catalogue, not here). */
  g_assert_nonnull (strstr (ja_text, "IP経由で機器に接続する"));
  g_assert_null (strstr (ja_text, "Anything that reaches the product"));
  g_assert_nonnull (strstr (ja_text, "NC-100W"));
  g_assert_nonnull (strstr (ja_text, "USB更新のみ"));
  g_assert_nonnull (strstr (en_text, "Anything that reaches the product"));
  g_assert_nonnull (strstr (en_text, "self-assessment checklist"));
  g_assert_nonnull (strstr (en_text, "Waived by the route"));
  g_assert_nonnull (strstr (en_text, "(provisional)"));
  g_assert_nonnull (strstr (en_text, "NC-200"));
}

/* A copy of the checklist made here (no official text in the repository),
 * with a title row and headers that do not say which column is which: the
 * import asks for a mapping, naming the columns; mapped by header, letter
 * and number, it stores the wording and the answers (the reason column is
 * found by its header). A row with an unknown item is refused naming sheet,
 * row and column, and nothing is written. */
static void
test_import (Fixture       *fixture,
             gconstpointer  data)
{
  const char *csv =
    "JC-STAR ★1 チェックリスト（社内控え）,,,,\n"
    "No.,枝番,チェック項目,自己評価,備考\n"
    "S1.1-01,1,認証に関する公式文言の例,適合,\n"
    "S1.1-08,1,更新の検証に関する公式文言の例,該当なし,USBのみで更新\n"
    ",,,,\n"
    "S1.1-10,2,型番表示に関する公式文言の例,○,\n";
  g_autofree char *path = g_build_filename (fixture->dir, "checklist.csv", NULL);
  g_autofree char *bad_path = g_build_filename (fixture->dir, "bad.csv", NULL);
  g_autofree char *bad_csv = NULL;
  g_autoptr(ScsJcImport) import = NULL;
  g_autoptr(ScsJcImport) bad = NULL;
  g_autoptr(ScsJcProduct) product = camera (SCS_JC_ROUTE_STANDARD);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *official = NULL;
  guint n_texts = 0, n_answers = 0;

  g_assert_true (scs_jcstar_set_product (fixture->workspace, product, &error));
  g_assert_true (g_file_set_contents (path, csv, -1, &error));
  import = scs_jc_import_new_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (scs_jc_import_get_mapping (import, "reason"), ==, "備考");
  g_assert_null (scs_jc_import_get_mapping (import, "requirement"));

  before = core_test_file_state (fixture->path, FALSE);
  g_assert_false (scs_jc_import_apply (import, fixture->workspace, NULL, NULL, &error));
  g_assert_error (error, SCS_JCSTAR_ERROR, SCS_JCSTAR_ERROR_MAPPING);
  g_assert_nonnull (strstr (error->message, "C “チェック項目”"));
  g_clear_error (&error);
  g_assert_false (scs_jc_import_map (import, "Z", "text", &error));
  g_assert_error (error, SCS_JCSTAR_ERROR, SCS_JCSTAR_ERROR_MAPPING);
  g_clear_error (&error);
  g_assert_false (scs_jc_import_map (import, "C", "colour", &error));
  g_assert_error (error, SCS_JCSTAR_ERROR, SCS_JCSTAR_ERROR_MAPPING);
  g_clear_error (&error);
  after = core_test_file_state (fixture->path, FALSE);
  g_assert_cmpstr (before, ==, after);

  g_assert_true (scs_jc_import_map (import, "No.", "requirement", &error));
  g_assert_true (scs_jc_import_map (import, "B", "item", &error));
  g_assert_true (scs_jc_import_map (import, "チェック項目", "text", &error));
  g_assert_true (scs_jc_import_map (import, "4", "answer", &error));
  g_assert_no_error (error);

  /* The same copy with an item S1.1-10 does not have: refused whole. */
  {
    g_autofree char *head = g_strdup (csv);

    *strstr (head, "S1.1-10,2") = '\0';
    bad_csv = g_strconcat (head, "S1.1-10,3,x,適合,\n", NULL);
  }
  g_assert_true (g_file_set_contents (bad_path, bad_csv, -1, &error));
  bad = scs_jc_import_new_from_file (bad_path, &error);
  g_assert_true (scs_jc_import_map (bad, "A", "requirement", &error));
  g_assert_true (scs_jc_import_map (bad, "B", "item", &error));
  g_assert_true (scs_jc_import_map (bad, "C", "text", &error));
  g_assert_true (scs_jc_import_map (bad, "D", "answer", &error));
  g_assert_false (scs_jc_import_apply (bad, fixture->workspace, NULL, NULL, &error));
  g_assert_error (error, SCS_JCSTAR_ERROR, SCS_JCSTAR_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "row 6, column B"));
  g_assert_nonnull (strstr (error->message, "bad.csv"));
  g_clear_error (&error);
  after = (g_free (after), core_test_file_state (fixture->path, FALSE));
  g_assert_cmpstr (before, ==, after);

  g_assert_true (scs_jc_import_apply (import, fixture->workspace, &n_texts, &n_answers, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_texts, ==, 3);
  g_assert_cmpuint (n_answers, ==, 3);
  g_assert_cmpint (scs_jcstar_get_answer (fixture->workspace, "S1.1-08", 1, &reason, &error), ==,
                   SCS_JC_ANSWER_NOT_APPLICABLE);
  g_assert_cmpstr (reason, ==, "USBのみで更新");
  g_assert_cmpint (scs_jcstar_get_status (fixture->workspace, "S1.1-10", &error), ==, SCS_JC_STATUS_MET);
  official = scs_jcstar_get_official_text (fixture->workspace, "S1.1-01", 1);
  g_assert_cmpstr (official, ==, "認証に関する公式文言の例");
}

static char *
copy_fixture (const char *name,
              const char *dir)
{
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "core", "fixtures", name, NULL);
  char *copy = g_build_filename (dir, name, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_file_get_contents (source, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (copy, contents, (gssize) length, &error);
  g_assert_no_error (error);
  return copy;
}

/* fixtures/jcstar-v1.scsw and security-action-v1.scsw were made by the
 * first version of these types, which kept answers in their own tables
 * (jc_answer, sa_answer): opened now, the answers are in the shared
 * item_answer table, reasons and all, and the file passes its integrity
 * check. */
static void
test_answers_migrated (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *jc_path = copy_fixture ("jcstar-v1.scsw", fixture->dir);
  g_autofree char *sa_path = copy_fixture ("security-action-v1.scsw", fixture->dir);
  g_autoptr(ScsWorkspace) jc = NULL;
  g_autoptr(ScsWorkspace) sa = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;
  ScsSaAnswer answers[SCS_SECURITY_ACTION_N_QUESTIONS];

  jc = scs_workspace_open (jc_path, &error);
  g_assert_no_error (error);
  g_assert_true (scs_workspace_check_integrity (jc, &error));
  g_assert_no_error (error);
  g_assert_cmpint (scs_jcstar_get_answer (jc, "S1.1-08", 1, &reason, &error), ==,
                   SCS_JC_ANSWER_NOT_APPLICABLE);
  g_assert_no_error (error);
  g_assert_cmpstr (reason, ==, "ネットワーク経由の更新なし");
  g_assert_cmpint (scs_jcstar_get_answer (jc, "S1.1-02", 1, NULL, &error), ==, SCS_JC_ANSWER_CONFORMS);
  g_assert_cmpint (scs_jcstar_get_answer (jc, "S1.1-03", 1, NULL, &error), ==, SCS_JC_ANSWER_NONE);
  g_assert_cmpint (scs_jcstar_get_status (jc, "S1.1-08", &error), ==, SCS_JC_STATUS_MET);
  g_assert_no_error (error);

  sa = scs_workspace_open (sa_path, &error);
  g_assert_no_error (error);
  g_assert_true (scs_workspace_check_integrity (sa, &error));
  g_assert_true (scs_security_action_get_answers (sa, answers, &error));
  g_assert_no_error (error);
  g_assert_cmpint (answers[2], ==, SCS_SA_ANSWER_DONT_KNOW);
  g_assert_cmpint (answers[6], ==, SCS_SA_ANSWER_DONE);
  g_assert_cmpint (answers[0], ==, SCS_SA_ANSWER_NONE);
}

int
main (int   argc,
      char *argv[])
{
  scs_i18n_init ("en");
  g_test_init (&argc, &argv, NULL);
  g_setenv ("SCS_PROFILE", "/nonexistent/profile.ini", TRUE);

  g_test_add_func ("/scs/jcstar/texts", test_texts);
  g_test_add_func ("/scs/jcstar/equivalence", test_equivalence);
  g_test_add ("/scs/jcstar/product-and-answers", Fixture, NULL, fixture_set_up,
              test_product_and_answers, fixture_tear_down);
  g_test_add ("/scs/jcstar/checklist-pdf", Fixture, NULL, fixture_set_up,
              test_checklist_pdf, fixture_tear_down);
  g_test_add ("/scs/jcstar/import", Fixture, NULL, fixture_set_up,
              test_import, fixture_tear_down);
  g_test_add ("/scs/jcstar/events", Fixture, NULL, fixture_set_up,
              test_events, fixture_tear_down);
  g_test_add ("/scs/jcstar/answers-migrated", Fixture, NULL, fixture_set_up,
              test_answers_migrated, fixture_tear_down);

  return g_test_run ();
}
