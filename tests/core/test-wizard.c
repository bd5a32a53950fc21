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

  csv = scs_supplier_list_export_csv (list);
  g_assert_nonnull (strstr (g_bytes_get_data (csv, NULL), "\"'=cmd"));
  g_assert_true (g_file_set_contents (out, g_bytes_get_data (csv, NULL), g_bytes_get_size (csv), NULL));
  other = scs_supplier_list_load (other_path, &error);
  g_assert_cmpuint (scs_supplier_list_import_csv (other, out, &error), ==, 2);
  g_assert_no_error (error);
  g_assert_cmpstr (scs_supplier_list_lookup (other, "株式会社あおぞら")->factors, ==, "=cmd|' /C calc'!A0");
  g_assert_cmpstr (scs_supplier_list_lookup (other, "株式会社ひかり")->factors, ==, "設計図面を預ける");

  import_refused (f, "name,confidential,delay\nA,yes,no\n", "access");
  import_refused (f, "name,confidential,delay,access\nA,yes,no,maybe\n", "Row 2, column 4");
  import_refused (f, "name,confidential,delay,access\nA,yes,no,no\n,no,no,no\n", "Row 3, column 1");
  import_refused (f, "name,confidential,delay,access,obtained\nA,yes,no,no,5\n", "Row 2, column 5");
  import_refused (f, "name,corporate_number,confidential,delay,access\nA,1123456789012,no,no,no\n",
                  "Row 2, column 2");
  import_refused (f, "name,confidential,delay,access\nA,yes,no,\"no\n", "Row 2, column 4");
  import_refused (f, "name,confidential,delay,access\nA,yes,no,no\nA,no,no,no\n", "Row 3, column 1");
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

  return g_test_run ();
}
