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
 * The user's checklist as CSV in UTF-8 with a BOM or in CP932; evidence on
 * items (and on SECURITY ACTION questions), carried by the signed
 * declaration, whose XML matches its schema.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <poppler.h>

#include "scs-i18n.h"
#include "scs-jcstar.h"
#include "scs-package.h"
#include "scs-security-action.h"
#include "scs-signature.h"
#include "scs-signer.h"
#include "scs-verify.h"
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
  /* A CSV file has no sheets: it is named for what it is */
  g_assert_null (strstr (error->message, "Sheet"));
  g_assert_null (scs_jc_import_get_sheet (bad));
  {
    g_autofree char *place = scs_jc_import_dup_place (bad);

    g_assert_cmpstr (place, ==, "‘bad.csv’");
  }
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

/* The user's copy saved as CSV, as Excel in Japan writes it: UTF-8 with a
 * byte order mark, or CP932 (Shift_JIS); the Japanese headers name the
 * columns in either. Bytes that are neither are refused naming the file,
 * the line and the column, and nothing is written. */
static void
test_import_encodings (Fixture       *fixture,
                       gconstpointer  data)
{
  const char *csv =
    "要求事項番号,評価項目番号,評価項目の内容,適合判定,理由\r\n"
    "S1.1-02,1,共通の初期パスワードを使わない（公式文言）,適合,\r\n"
    "S1.1-08,1,更新の改ざん検知（公式文言）,該当なし,ネットワーク経由の更新なし\r\n";
  g_autofree char *bom_path = g_build_filename (fixture->dir, "utf8-bom.csv", NULL);
  g_autofree char *sjis_path = g_build_filename (fixture->dir, "cp932.csv", NULL);
  g_autofree char *bad_path = g_build_filename (fixture->dir, "broken.csv", NULL);
  g_autofree char *bom = g_strconcat ("\xEF\xBB\xBF", csv, NULL);
  g_autofree char *sjis = NULL;
  g_autofree char *official = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  gsize sjis_length = 0;
  guint n_texts = 0, n_answers = 0;

  /* CP932 bytes that are not UTF-8 (so the reader must convert). */
  sjis = g_convert (csv, -1, "CP932", "UTF-8", NULL, &sjis_length, &error);
  g_assert_no_error (error);
  g_assert_false (g_utf8_validate (sjis, (gssize) sjis_length, NULL));
  g_assert_true (g_file_set_contents (bom_path, bom, -1, &error));
  g_assert_true (g_file_set_contents (sjis_path, sjis, (gssize) sjis_length, &error));

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(ScsJcImport) import = scs_jc_import_new_from_file (i == 0 ? bom_path : sjis_path, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (scs_jc_import_get_mapping (import, "requirement"), ==, "要求事項番号");
      g_assert_cmpstr (scs_jc_import_get_mapping (import, "item"), ==, "評価項目番号");
      g_assert_cmpstr (scs_jc_import_get_mapping (import, "text"), ==, "評価項目の内容");
      g_assert_cmpstr (scs_jc_import_get_mapping (import, "answer"), ==, "適合判定");
      g_assert_cmpstr (scs_jc_import_get_mapping (import, "reason"), ==, "理由");
      g_assert_true (scs_jc_import_apply (import, fixture->workspace, &n_texts, &n_answers, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (n_texts, ==, 2);
      g_assert_cmpuint (n_answers, ==, 2);
      g_clear_pointer (&official, g_free);
      official = scs_jcstar_get_official_text (fixture->workspace, "S1.1-08", 1);
      g_assert_cmpstr (official, ==, "更新の改ざん検知（公式文言）");
      g_clear_pointer (&reason, g_free);
      g_assert_cmpint (scs_jcstar_get_answer (fixture->workspace, "S1.1-08", 1, &reason, &error), ==,
                       SCS_JC_ANSWER_NOT_APPLICABLE);
      g_assert_cmpstr (reason, ==, "ネットワーク経由の更新なし");
      /* The second file answers again: clear the answers in between. */
      g_assert_true (scs_jcstar_set_answer (fixture->workspace, "S1.1-08", 1, SCS_JC_ANSWER_NONE, NULL, &error));
      g_assert_true (scs_jcstar_set_answer (fixture->workspace, "S1.1-02", 1, SCS_JC_ANSWER_NONE, NULL, &error));
    }

  /* Line 3, second field: 0x81 0x20 is neither UTF-8 nor CP932. */
  g_assert_true (g_file_set_contents (bad_path, "要求事項番号,評価項目番号,適合判定\nS1.1-02,1,適合\nS1.1-03,\x81\x20,適合\n",
                                      -1, &error));
  before = core_test_file_state (fixture->path, FALSE);
  g_assert_null (scs_jc_import_new_from_file (bad_path, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "broken.csv"));
  g_assert_nonnull (strstr (error->message, "Line 3, column 2"));
  g_clear_error (&error);
  after = core_test_file_state (fixture->path, FALSE);
  g_assert_cmpstr (before, ==, after);
}

/* Evidence on items, as on SCS criteria: linked to "S1.1-12#1" (and, in a
 * SECURITY ACTION workspace, to question "7" and pledge item "pledge-2"),
 * listed per item, removed and brought back by undo; an item the
 * checklist does not have is refused with nothing written. */
static void
test_item_evidence (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *file_path = g_build_filename (fixture->dir, "tls-config.txt", NULL);
  g_autofree char *sa_path = g_build_filename (fixture->dir, "shop.scsw", NULL);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(ScsWorkspace) sa = NULL;
  g_autoptr(ScsOrganization) org = scs_organization_new ();
  g_autoptr(ScsCatalog) catalog = scs_catalog_new_builtin ();
  g_autoptr(GError) error = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *other = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *bad[] = { "S1.1-12#2", "S1.1-12#01", "S1.1-17#1", "S1.1-12", "1-1-1-1", "#1" };

  g_assert_true (g_file_set_contents (file_path, "TLS 1.3 only\n", -1, &error));
  file = g_file_new_for_path (file_path);

  before = core_test_file_state (fixture->path, FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_null (scs_workspace_add_evidence (fixture->workspace, bad[i], file, NULL, &error));
      g_assert_error (error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, bad[i]));
      g_clear_error (&error);
    }
  after = core_test_file_state (fixture->path, FALSE);
  g_assert_cmpstr (before, ==, after);

  sha256 = scs_workspace_add_evidence (fixture->workspace, "S1.1-12#1", file, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (sha256);
  listed = scs_workspace_list_evidence (fixture->workspace, "S1.1-12#1", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 1);
  g_assert_cmpstr (((ScsEvidence *) listed->pdata[0])->name, ==, "tls-config.txt");
  g_clear_pointer (&listed, g_ptr_array_unref);
  listed = scs_workspace_list_evidence (fixture->workspace, "S1.1-11#1", &error);
  g_assert_cmpuint (listed->len, ==, 0);
  g_clear_pointer (&listed, g_ptr_array_unref);

  /* Removed, then back by undo, bytes and all. */
  g_assert_true (scs_workspace_unlink_evidence (fixture->workspace, sha256, "S1.1-12#1", &error));
  listed = scs_workspace_list_evidence (fixture->workspace, NULL, &error);
  g_assert_cmpuint (listed->len, ==, 0);
  g_clear_pointer (&listed, g_ptr_array_unref);
  g_assert_true (scs_workspace_undo (fixture->workspace, &error));
  g_assert_no_error (error);
  listed = scs_workspace_list_evidence (fixture->workspace, "S1.1-12#1", &error);
  g_assert_cmpuint (listed->len, ==, 1);
  g_assert_true (scs_workspace_check_integrity (fixture->workspace, &error));

  org->name = g_strdup ("株式会社テスト商店");
  org->sole_proprietor = TRUE;
  sa = scs_workspace_create_typed (sa_path, SCS_WORKSPACE_TYPE_SECURITY_ACTION, org, 3, catalog, &error);
  g_assert_no_error (error);
  other = scs_workspace_add_evidence (sa, "7", file, NULL, &error);
  g_assert_no_error (error);
  g_clear_pointer (&other, g_free);
  other = scs_workspace_add_evidence (sa, "pledge-2", file, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (scs_workspace_add_evidence (sa, "26", file, NULL, &error));
  g_assert_error (error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (scs_workspace_add_evidence (sa, "S1.1-12#1", file, NULL, &error));
  g_assert_error (error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_INVALID);
}

/* The signed self-declaration carries the evidence of its items: the
 * package holds evidence/NAME, jcstar-declaration.xml names it with its
 * SHA-256 and matches data/schema/jcstar-declaration.rng, and verify says
 * so. A declaration that does not match the schema is never written. */
static void
test_declaration_evidence (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(ScsJcProduct) product = camera (SCS_JC_ROUTE_PSTI);
  g_autofree char *p12 = g_build_filename (fixture->dir, "manager.p12", NULL);
  g_autofree char *ca = g_build_filename (fixture->dir, "ca.pem", NULL);
  g_autofree char *file_path = g_build_filename (fixture->dir, "tls-config.txt", NULL);
  g_autofree char *package = g_build_filename (fixture->dir, "declaration.scsp", NULL);
  g_autofree char *bogus = g_build_filename (fixture->dir, "bogus.scsp", NULL);
  g_autofree char *sha256 = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) ca_bytes = NULL;
  g_autoptr(ScsSigner) signer = NULL;
  g_autoptr(ScsVerifyResult) result = NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) scs_signed_entry_free);
  g_autoptr(GError) error = NULL;
  const char *conforms[] = { "S1.1-01", "S1.1-03", "S1.1-04", "S1.1-06", "S1.1-07", "S1.1-09", "S1.1-11",
                             "S1.1-12", "S1.1-13", "S1.1-14", "S1.1-15" };
  const char *invalid = "<?xml version=\"1.0\"?>\n<jcstar-declaration xmlns=\"urn:x-scs-workbench:jcstar-declaration:1\" "
                        "level=\"1\"><applicant name=\"x\"/></jcstar-declaration>\n";
  g_autoptr(GBytes) pdf = g_bytes_new_static ("%PDF-1.4\n", 9);
  g_autoptr(GBytes) xml = g_bytes_new_static (invalid, strlen (invalid));
  gboolean found = FALSE;

  core_test_make_certificates (fixture->dir, TRUE);
  signer = scs_signer_new_from_pkcs12 (p12, "secret", &error);
  g_assert_no_error (error);
  g_assert_true (scs_jcstar_set_product (fixture->workspace, product, &error));
  for (guint i = 0; i < G_N_ELEMENTS (conforms); i++)
    g_assert_true (scs_jcstar_set_answer (fixture->workspace, conforms[i], 1, SCS_JC_ANSWER_CONFORMS, NULL, &error));
  g_assert_true (scs_jcstar_set_answer (fixture->workspace, "S1.1-08", 1, SCS_JC_ANSWER_NOT_APPLICABLE,
                                        "USBのみで更新", &error));
  g_assert_true (scs_jcstar_set_answer (fixture->workspace, "S1.1-10", 2, SCS_JC_ANSWER_CONFORMS, NULL, &error));
  g_assert_true (scs_jcstar_set_answer (fixture->workspace, "S1.1-13", 2, SCS_JC_ANSWER_CONFORMS, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (file_path, "TLS 1.3 only\n", -1, &error));
  file = g_file_new_for_path (file_path);
  sha256 = scs_workspace_add_evidence (fixture->workspace, "S1.1-12#1", file, NULL, &error);
  g_assert_no_error (error);

  g_assert_true (scs_jcstar_export_declaration (fixture->workspace, signer, package, &error));
  g_assert_no_error (error);
  {
    char *contents = NULL;
    gsize length = 0;

    g_assert_true (g_file_get_contents (ca, &contents, &length, &error));
    ca_bytes = g_bytes_new_take (contents, length);
  }
  result = scs_verify_package_file (package, ca_bytes, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (result->valid);
  g_assert_cmpuint (result->n_files, ==, 6);
  for (guint i = 0; i < result->checks->len; i++)
    {
      ScsVerifyCheck *check = g_ptr_array_index (result->checks, i);

      if (g_str_equal (check->check, "declaration"))
        {
          g_assert_cmpint (check->status, ==, SCS_CHECK_PASS);
          g_assert_nonnull (strstr (check->message, "1 evidence file"));
          found = TRUE;
        }
    }
  g_assert_true (found);

  /* The checklist names the item's evidence, in either language. */
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GBytes) pdf = NULL;
      g_autofree char *text = NULL;

      scs_i18n_init (i == 0 ? "ja" : "en");
      pdf = scs_jcstar_render_checklist (fixture->workspace, &error);
      g_assert_no_error (error);
      text = pdf_text (pdf);
      g_assert_nonnull (strstr (text, i == 0 ? "証跡ファイル: tls-config.txt" : "Evidence files: tls-config.txt"));
    }

  /* Not the schema's shape: refused before it takes its name. */
  g_ptr_array_add (entries, scs_signed_entry_new (SCS_PACKAGE_JCSTAR_CHECKLIST, "application/pdf", pdf));
  g_ptr_array_add (entries, scs_signed_entry_new (SCS_PACKAGE_JCSTAR_DECLARATION, "application/xml", xml));
  g_assert_false (scs_package_write_signed (entries, signer, bogus, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "jcstar-declaration.xml"));
  g_assert_false (g_file_test (bogus, G_FILE_TEST_EXISTS));
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
  g_test_add ("/scs/jcstar/import-encodings", Fixture, NULL, fixture_set_up,
              test_import_encodings, fixture_tear_down);
  g_test_add ("/scs/jcstar/item-evidence", Fixture, NULL, fixture_set_up,
              test_item_evidence, fixture_tear_down);
  g_test_add ("/scs/jcstar/declaration-evidence", Fixture, NULL, fixture_set_up,
              test_declaration_evidence, fixture_tear_down);
  g_test_add ("/scs/jcstar/events", Fixture, NULL, fixture_set_up,
              test_events, fixture_tear_down);
  g_test_add ("/scs/jcstar/answers-migrated", Fixture, NULL, fixture_set_up,
              test_answers_migrated, fixture_tear_down);

  return g_test_run ();
}
