/* test-scope-import.c: importing a scope inventory from CSV — UTF-8 with a
 * BOM, Shift_JIS (CP932) as Excel writes it, quoted line breaks, extra and
 * missing columns, garbage bytes and invalid cells; good files import in one
 * transaction, bad ones are refused by line and column and leave the
 * workspace file's SHA-256 as it was
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "scs-csv.h"
#include "scs-scope.h"
#include "scs-scope-import.h"

#include "core-test-util.h"

typedef struct
{
  char         *dir;
  char         *path;
  ScsWorkspace *workspace;
  ScsScope     *scope;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = core_test_make_tmp_dir ("scs-scope-import-XXXXXX");
  fixture->path = g_build_filename (fixture->dir, "test.scsw", NULL);
  fixture->workspace = core_test_workspace_new (fixture->path, "株式会社さくら精機", 4, "山田 花子");
  fixture->scope = scs_scope_get (fixture->workspace, &error);
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

static ScsScopeImport *
import_text (const char        *text,
             gssize             length,
             ScsScopeKind       kind,
             ScsScopeEncoding   encoding,
             GError           **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, length < 0 ? strlen (text) : (gsize) length);

  return scs_scope_import_new (bytes, "inventory.csv", kind, encoding, error);
}

static char *
to_cp932 (const char *utf8)
{
  g_autoptr(GError) error = NULL;
  char *text = g_convert (utf8, -1, "CP932", "UTF-8", NULL, NULL, &error);

  g_assert_no_error (error);
  return text;
}

static void
count_items_changed (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     guint      *n_changed)
{
  g_assert_cmpuint (added, ==, 2);
  (*n_changed)++;
}

static void
test_utf8_bom_quoted_newline (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsScopeImport) import = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  GListModel *items;
  ScsScopeItem *item;
  guint n, n_changed = 0;

  /* Excel's "CSV UTF-8": BOM, CRLF, a cell with a line break, an extra
   * column ("備考") that maps to nothing, and a blank last row. */
  import = import_text (SCS_CSV_BOM
                        "名前,ベンダー,Model,管理者,備考\r\n"
                        "本社FW,ヤマハ,RTX1220,\"情報システム課\r\n山田\",\"二行\nの備考\"\r\n"
                        "支社VPN,Fortinet,FortiGate 60F,鈴木,\r\n"
                        ",,,,\r\n",
                        -1, SCS_SCOPE_KIND_BOUNDARY, SCS_SCOPE_ENCODING_AUTO, &error);
  g_assert_no_error (error);
  g_assert_cmpint (scs_scope_import_get_encoding (import), ==, SCS_SCOPE_ENCODING_UTF8);
  g_assert_cmpuint (scs_scope_import_get_n_rows (import), ==, 3);
  g_assert_cmpuint (scs_scope_import_count_items (import), ==, 2);
  /* The second data row starts on line 5: the first spans lines 2–4. */
  g_assert_cmpuint (scs_scope_import_get_line (import, 0), ==, 2);
  g_assert_cmpuint (scs_scope_import_get_line (import, 1), ==, 5);

  /* "名前" is not a field name: nothing maps to name yet. */
  g_assert_null (scs_scope_import_get_mapping (import, 0));
  g_assert_cmpstr (scs_scope_import_get_mapping (import, 2), ==, "model");
  problems = scs_scope_import_check (import, fixture->scope);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_nonnull (strstr (((ScsScopeImportProblem *) problems->pdata[0])->message, "name"));
  g_assert_cmpuint (scs_scope_import_commit (import, fixture->scope, &error), ==, 0);
  g_assert_error (error, SCS_SCOPE_IMPORT_ERROR, SCS_SCOPE_IMPORT_ERROR_ROWS);
  g_clear_error (&error);

  g_assert_true (scs_scope_import_map_named (import, "名前", "name", &error));
  g_assert_true (scs_scope_import_map_named (import, "2", "vendor", &error));
  g_assert_true (scs_scope_import_map (import, 3, "administrator", &error));
  g_assert_no_error (error);
  /* Mapping a field again moves it. */
  g_assert_true (scs_scope_import_map (import, 4, "model", &error));
  g_assert_null (scs_scope_import_get_mapping (import, 2));
  g_assert_true (scs_scope_import_map (import, 4, NULL, &error));
  g_assert_true (scs_scope_import_map (import, 2, "model", &error));
  g_assert_false (scs_scope_import_map (import, 1, "provider", &error));
  g_assert_error (error, SCS_SCOPE_IMPORT_ERROR, SCS_SCOPE_IMPORT_ERROR_MAPPING);
  g_clear_error (&error);
  g_assert_false (scs_scope_import_map_named (import, "Firmware", "firmware", &error));
  g_assert_error (error, SCS_SCOPE_IMPORT_ERROR, SCS_SCOPE_IMPORT_ERROR_MAPPING);
  g_clear_error (&error);

  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = scs_scope_import_check (import, fixture->scope);
  g_assert_cmpuint (problems->len, ==, 0);
  /* The rows land in the lists at once: one items-changed per list (one
   * per row made a list view, and the import itself, quadratic). */
  g_signal_connect (scs_scope_get_items (fixture->scope, SCS_SCOPE_KIND_BOUNDARY), "items-changed",
                    G_CALLBACK (count_items_changed), &n_changed);
  g_signal_connect (scs_scope_get_items (fixture->scope, SCS_SCOPE_N_KINDS), "items-changed",
                    G_CALLBACK (count_items_changed), &n_changed);
  n = scs_scope_import_commit (import, fixture->scope, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpuint (n_changed, ==, 2);
  g_signal_handlers_disconnect_by_data (scs_scope_get_items (fixture->scope, SCS_SCOPE_KIND_BOUNDARY), &n_changed);
  g_signal_handlers_disconnect_by_data (scs_scope_get_items (fixture->scope, SCS_SCOPE_N_KINDS), &n_changed);

  items = scs_scope_get_items (fixture->scope, SCS_SCOPE_KIND_BOUNDARY);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 2);
  item = g_list_model_get_item (items, 0);
  g_assert_cmpstr (scs_scope_item_get_name (item), ==, "本社FW");
  g_assert_cmpstr (scs_scope_item_get_field (item, "vendor"), ==, "ヤマハ");
  g_assert_cmpstr (scs_scope_item_get_field (item, "administrator"), ==, "情報システム課\n山田");
  g_object_unref (item);
}

static void
test_shift_jis (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsScopeImport) import = NULL;
  g_autofree char *text = to_cp932 ("name,type,os-model,count\r\n"
                                    "営業部PC,pc,Windows 11 Pro,25\r\n"
                                    "\"表示・ソフト,タブレット\",smart-device,iPadOS,3\r\n");
  GListModel *items;
  ScsScopeItem *item;

  /* Not UTF-8: the auto detection falls back to CP932. */
  g_assert_false (g_utf8_validate (text, -1, NULL));
  import = import_text (text, -1, SCS_SCOPE_KIND_ENDPOINT, SCS_SCOPE_ENCODING_AUTO, &error);
  g_assert_no_error (error);
  g_assert_cmpint (scs_scope_import_get_encoding (import), ==, SCS_SCOPE_ENCODING_CP932);
  g_assert_cmpuint (scs_scope_import_commit (import, fixture->scope, &error), ==, 2);
  g_assert_no_error (error);

  items = scs_scope_get_items (fixture->scope, SCS_SCOPE_KIND_ENDPOINT);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 2);
  item = g_list_model_get_item (items, 1);
  g_assert_cmpstr (scs_scope_item_get_name (item), ==, "表示・ソフト,タブレット");
  g_assert_cmpuint (scs_scope_item_get_count (item), ==, 3);
  g_object_unref (item);

  /* Forced UTF-8 on the same bytes: refused at the first Japanese byte. */
  g_clear_object (&import);
  import = import_text (text, -1, SCS_SCOPE_KIND_ENDPOINT, SCS_SCOPE_ENCODING_UTF8, &error);
  g_assert_null (import);
  g_assert_error (error, SCS_SCOPE_IMPORT_ERROR, SCS_SCOPE_IMPORT_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "line 2, column 1"));
}

/* Every bad file is refused with its line (and column) and the workspace
 * file does not change. */
static void
test_refusals (Fixture       *fixture,
               gconstpointer  data)
{
  static const struct
  {
    const char *text;
    ScsScopeEncoding encoding;
    gboolean parses;  /* the file is read; the cells are refused */
    const char *needle;
    gsize length;     /* 0: up to the first NUL */
  } cases[] = {
    /* garbage bytes: neither UTF-8 nor CP932 (0xFF never occurs in either) */
    { "name,type\nA,router\nB,\xff\xfe\n", SCS_SCOPE_ENCODING_AUTO, FALSE, "line 3, column 2" },
    /* garbage inside a quoted cell that spans lines */
    { "name,type\n\"A\nB\",router\nC,\x80\x80\xff\n", SCS_SCOPE_ENCODING_AUTO, FALSE, "line 4, column 2" },
    /* a BOM promises UTF-8 */
    { SCS_CSV_BOM "name\n\x93\xfa\n", SCS_SCOPE_ENCODING_AUTO, FALSE, "line 2, column 1" },
    /* NUL byte */
    { "name,type\nA,rou\0ter\n", SCS_SCOPE_ENCODING_AUTO, FALSE, "line 2, column 2", 20 },
    /* a missing column in a row */
    { "name,type,vendor\nA,router,Y\nB,router\n", SCS_SCOPE_ENCODING_AUTO, FALSE, "Row 3" },
    /* an extra column after a quoted line break: the line is named */
    { "name,type\n\"A\nB\",router\nC,router,x\n", SCS_SCOPE_ENCODING_AUTO, FALSE, "Line 4: Row 3" },
    /* unterminated quote */
    { "name,type\nA,\"router\n", SCS_SCOPE_ENCODING_AUTO, FALSE, "column 2" },
    /* no column maps to name */
    { "hostname,type\nA,router\n", SCS_SCOPE_ENCODING_AUTO, TRUE, "Line 1" },
    /* invalid cells: type, date, blank name */
    { "name,type,vuln-test\nA,router,2025-01-01\nB,toaster,\n,router,\nD,router,yesterday\n",
      SCS_SCOPE_ENCODING_AUTO, TRUE, "Line 3, column 2" },
    /* only a header */
    { "name,type\n", SCS_SCOPE_ENCODING_AUTO, TRUE, "no rows" },
  };
  g_autofree char *before = NULL;

  {
    g_autoptr(GHashTable) fields = g_hash_table_new (g_str_hash, g_str_equal);
    g_autoptr(GError) error = NULL;

    g_hash_table_insert (fields, "name", "既存のルータ");
    g_assert_cmpint (scs_scope_add_item (fixture->scope, SCS_SCOPE_KIND_BOUNDARY, fields, &error), >, 0);
    g_assert_no_error (error);
  }
  before = core_test_file_state (fixture->path, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ScsScopeImport) import = NULL;
      g_autofree char *after = NULL;
      gsize length = cases[i].length ? cases[i].length : strlen (cases[i].text);

      import = import_text (cases[i].text, length, SCS_SCOPE_KIND_BOUNDARY, cases[i].encoding, &error);
      if (cases[i].parses)
        {
          g_autoptr(GPtrArray) problems = NULL;

          g_assert_no_error (error);
          g_assert_nonnull (import);
          problems = scs_scope_import_check (import, fixture->scope);
          g_assert_cmpuint (problems->len, >, 0);
          g_assert_cmpuint (scs_scope_import_commit (import, fixture->scope, &error), ==, 0);
          g_assert_error (error, SCS_SCOPE_IMPORT_ERROR, SCS_SCOPE_IMPORT_ERROR_ROWS);
        }
      else
        g_assert_null (import);
      g_assert_nonnull (error);
      if (strstr (error->message, cases[i].needle) == NULL)
        g_error ("case %u: ‘%s’ not in: %s", i, cases[i].needle, error->message);
      after = core_test_file_state (fixture->path, FALSE);
      g_assert_cmpstr (before, ==, after);
    }
  g_assert_cmpuint (g_list_model_get_n_items (scs_scope_get_items (fixture->scope, SCS_SCOPE_N_KINDS)), ==, 1);
}

/* Each bad cell is its own problem, with its line and column. */
static void
test_problems (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsScopeImport) import = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  static const guint expected[][2] = { { 3, 2 }, { 6, 1 }, { 7, 3 }, { 7, 4 } };

  import = import_text ("name,type,vuln-test,criteria\n"
                        "A,router,2025-01-01,3-1-1\n"
                        "B,toaster,,\n"
                        "\"C\nC\",vpn-gateway,,\n"
                        ",router,,\n"
                        "E,router,yesterday,9-9-9-9\n",
                        -1, SCS_SCOPE_KIND_BOUNDARY, SCS_SCOPE_ENCODING_AUTO, &error);
  g_assert_no_error (error);
  problems = scs_scope_import_check (import, fixture->scope);
  g_assert_cmpuint (problems->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < problems->len; i++)
    {
      ScsScopeImportProblem *problem = problems->pdata[i];

      g_assert_cmpuint (problem->line, ==, expected[i][0]);
      g_assert_cmpuint (problem->column, ==, expected[i][1]);
    }
  g_assert_nonnull (strstr (((ScsScopeImportProblem *) problems->pdata[3])->message, "9-9-9-9"));

  /* Changing the kind guesses the mapping again. */
  scs_scope_import_set_kind (import, SCS_SCOPE_KIND_NETWORK);
  g_assert_cmpstr (scs_scope_import_get_mapping (import, 0), ==, "name");
  g_assert_null (scs_scope_import_get_mapping (import, 1));
}

/* The whole import is one transaction: one scope-import audit row, and the
 * scope's models follow. */
static void
test_audit (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsScopeImport) import = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  guint imports = 0, adds = 0, changed = 0;
  gulong id;

  id = g_signal_connect_swapped (fixture->scope, "changed", G_CALLBACK (g_atomic_int_inc), &changed);
  import = import_text ("Name,Provider,Check method\nkintone,サイボウズ,ismap\nBox,Box Inc.,soc2\n",
                        -1, SCS_SCOPE_KIND_CLOUD, SCS_SCOPE_ENCODING_AUTO, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (scs_scope_import_get_mapping (import, 2), ==, "check-method");
  g_assert_cmpuint (scs_scope_import_commit (import, fixture->scope, &error), ==, 2);
  g_assert_no_error (error);
  g_signal_handler_disconnect (fixture->scope, id);
  g_assert_cmpuint (changed, ==, 1);

  entries = scs_workspace_list_audit (fixture->workspace, 0, NULL);
  for (guint i = 0; i < entries->len; i++)
    {
      ScsAuditEntry *entry = entries->pdata[i];

      if (g_str_equal (entry->action, "scope-import"))
        imports++;
      if (g_str_equal (entry->action, "scope-add"))
        adds++;
    }
  g_assert_cmpuint (imports, ==, 1);
  g_assert_cmpuint (adds, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("SCS_LANGUAGE", "en", TRUE);

  g_test_add ("/scs/scope-import/utf8-bom-quoted-newline", Fixture, NULL,
              fixture_set_up, test_utf8_bom_quoted_newline, fixture_tear_down);
  g_test_add ("/scs/scope-import/shift-jis", Fixture, NULL, fixture_set_up, test_shift_jis, fixture_tear_down);
  g_test_add ("/scs/scope-import/refusals", Fixture, NULL, fixture_set_up, test_refusals, fixture_tear_down);
  g_test_add ("/scs/scope-import/problems", Fixture, NULL, fixture_set_up, test_problems, fixture_tear_down);
  g_test_add ("/scs/scope-import/audit", Fixture, NULL, fixture_set_up, test_audit, fixture_tear_down);

  return g_test_run ();
}
