/* test-wizard.c: the level wizard (★4 whenever any answer is yes), the
 * saved supplier list, CSV import/export with hostile input refused
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "scs-i18n.h"
#include "scs-wizard.h"

#include "core-test-util.h"

static void
test_recommend_all_combinations (void)
{
  for (guint bits = 0; bits < 8; bits++)
    {
      gboolean c = bits & 1, d = bits & 2, a = bits & 4;
      g_autofree char *why = NULL;
      guint level = scs_wizard_recommend (c, d, a, bits == 0 ? "年1回の購買のみ" : NULL, &why);

      g_assert_cmpuint (level, ==, bits != 0 ? 4 : 3);
      g_assert_nonnull (strstr (why, c ? "(1) Yes" : "(1) No"));
      g_assert_nonnull (strstr (why, d ? "(2) Yes" : "(2) No"));
      g_assert_nonnull (strstr (why, a ? "(3) Yes" : "(3) No"));
      if (bits == 0)
        g_assert_nonnull (strstr (why, "年1回の購買のみ"));
    }
}

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = g_dir_make_tmp ("scs-wizard-XXXXXX", NULL);
  f->path = g_build_filename (f->dir, "sub", "suppliers.ini", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  core_test_rm_rf (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static void
test_saved_and_reloaded (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsSupplierList) list = scs_supplier_list_load (f->path, &error);
  g_autoptr(ScsSupplierList) again = NULL;
  g_autoptr(ScsSupplier) s = scs_supplier_new ();
  g_autofree char *text = NULL;
  const ScsSupplier *got;

  g_assert_no_error (error);
  g_assert_cmpuint (scs_supplier_list_get (list)->len, ==, 0);

  g_free (s->name);
  s->name = g_strdup ("有限会社みどり物流");
  s->delay = TRUE;
  g_free (s->factors);
  s->factors = g_strdup ("代替の物流業者が少ない");
  s->obtained = 3;
  g_assert_true (scs_supplier_list_put (list, s, &error));
  g_assert_no_error (error);

  again = scs_supplier_list_load (f->path, &error);
  g_assert_no_error (error);
  got = scs_supplier_list_lookup (again, "有限会社みどり物流");
  g_assert_nonnull (got);
  g_assert_cmpuint (got->recommended, ==, 4);
  g_assert_cmpuint (got->obtained, ==, 3);
  g_assert_true (got->delay);
  g_assert_nonnull (strstr (got->reasoning, "(2) Yes"));
  g_assert_cmpuint (strlen (got->decided), ==, 10);

  text = scs_supplier_to_text (got);
  g_assert_nonnull (strstr (text, "有限会社みどり物流"));
  g_assert_nonnull (strstr (text, "★4"));
  g_assert_nonnull (strstr (text, "代替の物流業者が少ない"));

  /* Invalid: no name, bad corporate number. Nothing saved. */
  g_free (s->name);
  s->name = g_strdup ("  ");
  g_assert_false (scs_supplier_list_put (list, s, &error));
  g_assert_error (error, SCS_WIZARD_ERROR, SCS_WIZARD_ERROR_INVALID);
  g_clear_error (&error);
  g_free (s->name);
  s->name = g_strdup ("X");
  g_free (s->corporate_number);
  s->corporate_number = g_strdup ("1123456789012");
  g_assert_false (scs_supplier_list_put (list, s, &error));
  g_assert_error (error, SCS_WIZARD_ERROR, SCS_WIZARD_ERROR_INVALID);
  g_assert_cmpuint (scs_supplier_list_get (list)->len, ==, 1);

  g_assert_true (scs_supplier_list_remove (list, "有限会社みどり物流", NULL));
  g_assert_cmpuint (scs_supplier_list_get (list)->len, ==, 0);
}

static void
import_refused (Fixture    *f,
                const char *csv,
                const char *needle)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsSupplierList) list = scs_supplier_list_load (f->path, &error);
  g_autofree char *csv_path = g_build_filename (f->dir, "in.csv", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  guint n_before = scs_supplier_list_get (list)->len;

  g_file_get_contents (f->path, &before, NULL, NULL);
  g_assert_true (g_file_set_contents (csv_path, csv, -1, NULL));
  g_assert_cmpuint (scs_supplier_list_import_csv (list, csv_path, &error), ==, 0);
  g_assert_error (error, SCS_WIZARD_ERROR, SCS_WIZARD_ERROR_CSV);
  if (strstr (error->message, needle) == NULL)
    g_error ("‘%s’ does not mention ‘%s’", error->message, needle);
  g_assert_cmpuint (scs_supplier_list_get (list)->len, ==, n_before);
  g_file_get_contents (f->path, &after, NULL, NULL);
  g_assert_cmpstr (before, ==, after);
}

static void
test_csv_round_trip_and_hostile (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsSupplierList) list = scs_supplier_list_load (f->path, &error);
  g_autoptr(ScsSupplierList) other = NULL;
  g_autoptr(GBytes) csv = NULL;
  g_autofree char *in = g_build_filename (f->dir, "in.csv", NULL);
  g_autofree char *out = g_build_filename (f->dir, "out.csv", NULL);
  g_autofree char *other_path = g_build_filename (f->dir, "other.ini", NULL);
  const char *good =
    "\xEF\xBB\xBFname,corporate_number,confidential,delay,access,factors,recommended,obtained\r\n"
    "株式会社あおぞら,7000012050002,no,no,no,\"=cmd|' /C calc'!A0\",4,3\r\n"
    "株式会社ひかり,,yes,no,no,設計図面を預ける,,\r\n";
  const ScsSupplier *s;

  g_assert_true (g_file_set_contents (in, good, -1, NULL));
  g_assert_cmpuint (scs_supplier_list_import_csv (list, in, &error), ==, 2);
  g_assert_no_error (error);
  s = scs_supplier_list_lookup (list, "株式会社あおぞら");
  /* The level is recomputed from the answers, not taken from the file. */
  g_assert_cmpuint (s->recommended, ==, 3);
  g_assert_cmpuint (s->obtained, ==, 3);
  s = scs_supplier_list_lookup (list, "株式会社ひかり");
  g_assert_cmpuint (s->recommended, ==, 4);
  g_assert_cmpuint (s->obtained, ==, 0);

  csv = scs_supplier_list_export_csv (list, SCS_CSV_UTF8_BOM, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (g_bytes_get_data (csv, NULL), "\"'=cmd"));
  g_assert_true (g_file_set_contents (out, g_bytes_get_data (csv, NULL), g_bytes_get_size (csv), NULL));
  other = scs_supplier_list_load (other_path, &error);
  g_assert_cmpuint (scs_supplier_list_import_csv (other, out, &error), ==, 2);
  g_assert_no_error (error);
  g_assert_cmpstr (scs_supplier_list_lookup (other, "株式会社あおぞら")->factors, ==, "=cmd|' /C calc'!A0");
  g_assert_cmpstr (scs_supplier_list_lookup (other, "株式会社ひかり")->factors, ==, "設計図面を預ける");

  import_refused (f, "name,confidential,delay\nA,yes,no\n", "access");
  import_refused (f, "name,confidential,delay,access\nA,yes,no,maybe\n", "Line 2, column 4");
  import_refused (f, "name,confidential,delay,access\nA,yes,no,no\n,no,no,no\n", "Line 3, column 1");
  import_refused (f, "name,confidential,delay,access,obtained\nA,yes,no,no,5\n", "Line 2, column 5");
  import_refused (f, "name,corporate_number,confidential,delay,access\nA,1123456789012,no,no,no\n",
                  "Line 2, column 2");
  import_refused (f, "name,confidential,delay,access\nA,yes,no,\"no\n", "Row 2, column 4");
  import_refused (f, "name,confidential,delay,access\nA,yes,no,no\nA,no,no,no\n", "Line 3, column 1");
}

/* Every field of the register survives a reload and a re-decision; the
 * decisions are kept as history; outside the flow needs its reason. */
static void
test_register (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsSupplierList) list = scs_supplier_list_load (f->path, &error);
  g_autoptr(ScsSupplierList) again = NULL;
  g_autoptr(ScsSupplier) s = scs_supplier_new ();
  g_autoptr(ScsSupplier) redo = NULL;
  g_autoptr(ScsSupplier) fresh = scs_supplier_new ();
  g_autofree char *text = NULL;
  const ScsSupplier *got;

  g_free (s->name);
  s->name = g_strdup ("株式会社あおぞら");
  g_free (s->corporate_number);
  s->corporate_number = g_strdup ("7000012050002");
  g_free (s->factors);
  s->factors = g_strdup ("図面を預ける");
  s->obtained = 3;
  g_free (s->registry_id);
  s->registry_id = g_strdup ("SCS3-000123");
  g_free (s->expiry);
  s->expiry = g_strdup ("2028-03-31");
  g_assert_true (scs_supplier_add_check (s, "2027-04-10", "registry", "台帳で★3を確認", &error));
  g_assert_true (scs_supplier_add_check (s, "2028-04-12", "questionnaire", "チェックシート2028.pdf", &error));
  g_assert_true (scs_supplier_add_negotiation (s, "2027-05-01", "対策費用を単価に上乗せ", "覚書 2027-05", &error));
  g_assert_no_error (error);
  /* Refused records leave the supplier as it was. */
  g_assert_false (scs_supplier_add_check (s, "2027-02-30", "registry", "x", &error));
  g_clear_error (&error);
  g_assert_false (scs_supplier_add_check (s, "2027-04-10", "telepathy", "x", &error));
  g_clear_error (&error);
  g_assert_false (scs_supplier_add_check (s, "2027-04-10", "on-site", "", &error));
  g_clear_error (&error);
  g_assert_false (scs_supplier_add_negotiation (s, "2027-05-01", "", "", &error));
  g_clear_error (&error);
  g_assert_cmpuint (s->checks->len, ==, 2);
  g_assert_cmpuint (s->negotiations->len, ==, 1);
  g_assert_true (scs_supplier_list_put (list, s, &error));
  g_assert_no_error (error);

  /* Re-decided from the stored copy: a yes to (3) makes it ★4, everything
   * else stays, and the history has both decisions. */
  redo = scs_supplier_copy (scs_supplier_list_lookup (list, "株式会社あおぞら"));
  redo->access = TRUE;
  g_assert_true (scs_supplier_list_put (list, redo, &error));
  /* Re-decided from scratch with the same answers: the decision history is
   * kept and not repeated (other fields are the caller's to keep). */
  g_free (fresh->name);
  fresh->name = g_strdup ("株式会社あおぞら");
  fresh->access = TRUE;
  g_free (fresh->corporate_number);
  fresh->corporate_number = g_strdup ("7000012050002");

  again = scs_supplier_list_load (f->path, &error);
  g_assert_no_error (error);
  got = scs_supplier_list_lookup (again, "株式会社あおぞら");
  g_assert_cmpuint (got->recommended, ==, 4);
  g_assert_cmpstr (got->corporate_number, ==, "7000012050002");
  g_assert_cmpstr (got->factors, ==, "図面を預ける");
  g_assert_cmpstr (got->registry_id, ==, "SCS3-000123");
  g_assert_cmpstr (got->expiry, ==, "2028-03-31");
  g_assert_cmpuint (got->obtained, ==, 3);
  g_assert_cmpuint (got->checks->len, ==, 2);
  g_assert_cmpint (((ScsSupplierCheck *) g_ptr_array_index (got->checks, 1))->method, ==, SCS_CHECK_QUESTIONNAIRE);
  g_assert_cmpstr (scs_supplier_get_last_check (got), ==, "2028-04-12");
  g_assert_cmpuint (got->negotiations->len, ==, 1);
  g_assert_cmpstr (((ScsSupplierNegotiation *) g_ptr_array_index (got->negotiations, 0))->documents, ==,
                   "覚書 2027-05");
  g_assert_cmpuint (g_strv_length (got->history), ==, 2);
  g_assert_nonnull (strstr (got->history[0], "★3"));
  g_assert_nonnull (strstr (got->history[1], "★4"));
  text = scs_supplier_to_text (got);
  g_assert_nonnull (strstr (text, "SCS3-000123"));
  g_assert_nonnull (strstr (text, "Questionnaire"));
  g_assert_nonnull (strstr (text, "対策費用を単価に上乗せ"));
  g_assert_true (scs_supplier_list_put (again, fresh, &error));
  got = scs_supplier_list_lookup (again, "株式会社あおぞら");
  g_assert_cmpuint (g_strv_length (got->history), ==, 2);

  /* Outside the flow: needs a reason, then no level is asked. */
  g_clear_pointer (&redo, scs_supplier_free);
  redo = scs_supplier_new ();
  g_free (redo->name);
  redo->name = g_strdup ("文具の通販");
  redo->outside = TRUE;
  g_assert_false (scs_supplier_list_put (again, redo, &error));
  g_assert_error (error, SCS_WIZARD_ERROR, SCS_WIZARD_ERROR_INVALID);
  g_clear_error (&error);
  g_free (redo->outside_reason);
  redo->outside_reason = g_strdup ("事務用品の単発購入、他社で代替可");
  g_assert_true (scs_supplier_list_put (again, redo, &error));
  got = scs_supplier_list_lookup (again, "文具の通販");
  g_assert_cmpuint (got->recommended, ==, 0);
  g_assert_nonnull (strstr (got->reasoning, "事務用品の単発購入"));
}

/* An ordering company's own list: Shift_JIS, Japanese headers, はい/いいえ;
 * imported onto a supplier already listed, it keeps its checks. */
static void
test_import_japanese_cp932 (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsSupplierList) list = scs_supplier_list_load (f->path, &error);
  g_autoptr(ScsSupplierList) other = NULL;
  g_autoptr(ScsSupplier) s = scs_supplier_new ();
  g_autoptr(GBytes) csv = NULL;
  g_autofree char *in = g_build_filename (f->dir, "in.csv", NULL);
  g_autofree char *out = g_build_filename (f->dir, "out.csv", NULL);
  g_autofree char *other_path = g_build_filename (f->dir, "other.ini", NULL);
  g_autofree char *sjis = NULL;
  const char *utf8 =
    "取引先名,法人番号,機密情報,事業への影響,社内システムへの接続,対象外,対象外の理由,取得レベル,登録番号,有効期限\r\n"
    "株式会社あおぞら,7000012050002,いいえ,はい,いいえ,,,★3,SCS3-1,2028-03-31\r\n"
    "文具の通販,,いいえ,いいえ,いいえ,はい,単発購入で代替可,,,\r\n";
  const char *bad =
    "取引先名,機密情報,事業への影響,社内システムへの接続,有効期限\r\n"
    "株式会社ひかり,いいえ,はい,いいえ,2028-13-01\r\n";
  gsize length;
  const ScsSupplier *got;

  g_free (s->name);
  s->name = g_strdup ("株式会社あおぞら");
  g_assert_true (scs_supplier_add_check (s, "2027-04-10", "on-site", "訪問記録", &error));
  g_assert_true (scs_supplier_list_put (list, s, &error));

  sjis = g_convert (utf8, -1, "CP932", "UTF-8", NULL, &length, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (in, sjis, length, NULL));
  g_assert_cmpuint (scs_supplier_list_import_csv (list, in, &error), ==, 2);
  g_assert_no_error (error);
  got = scs_supplier_list_lookup (list, "株式会社あおぞら");
  g_assert_cmpuint (got->recommended, ==, 4);
  g_assert_cmpuint (got->obtained, ==, 3);
  g_assert_cmpstr (got->registry_id, ==, "SCS3-1");
  g_assert_cmpstr (got->expiry, ==, "2028-03-31");
  g_assert_cmpuint (got->checks->len, ==, 1);
  got = scs_supplier_list_lookup (list, "文具の通販");
  g_assert_true (got->outside);
  g_assert_cmpuint (got->recommended, ==, 0);

  /* Out in CP932 and back in: the same register. */
  csv = scs_supplier_list_export_csv (list, SCS_CSV_CP932, &error);
  g_assert_no_error (error);
  g_assert_false (g_utf8_validate (g_bytes_get_data (csv, NULL), g_bytes_get_size (csv), NULL));
  g_assert_true (g_file_set_contents (out, g_bytes_get_data (csv, NULL), g_bytes_get_size (csv), NULL));
  other = scs_supplier_list_load (other_path, &error);
  g_assert_cmpuint (scs_supplier_list_import_csv (other, out, &error), ==, 2);
  g_assert_no_error (error);
  got = scs_supplier_list_lookup (other, "文具の通販");
  g_assert_true (got->outside);
  g_assert_cmpstr (got->outside_reason, ==, "単発購入で代替可");
  g_assert_cmpstr (scs_supplier_list_lookup (other, "株式会社あおぞら")->registry_id, ==, "SCS3-1");

  /* A bad cell in a Japanese file: refused with its line and column. */
  g_free (sjis);
  sjis = g_convert (bad, -1, "CP932", "UTF-8", NULL, &length, &error);
  import_refused (f, sjis, "Line 2, column 5");
  import_refused (f, "取引先名,機密情報,事業への影響,社内システムへの接続,対象外\n"
                     "X,いいえ,いいえ,いいえ,はい\n", "outside the flow");
}

int
main (int   argc,
      char *argv[])
{
  scs_i18n_init ("en");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/scs/wizard/recommend-all-combinations", test_recommend_all_combinations);
  g_test_add ("/scs/wizard/saved-and-reloaded", Fixture, NULL, fixture_set_up,
              test_saved_and_reloaded, fixture_tear_down);
  g_test_add ("/scs/wizard/csv-round-trip-and-hostile", Fixture, NULL, fixture_set_up,
              test_csv_round_trip_and_hostile, fixture_tear_down);
  g_test_add ("/scs/wizard/register", Fixture, NULL, fixture_set_up, test_register, fixture_tear_down);
  g_test_add ("/scs/wizard/import-japanese-cp932", Fixture, NULL, fixture_set_up,
              test_import_japanese_cp932, fixture_tear_down);

  return g_test_run ();
}
