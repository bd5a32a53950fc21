/* test-cli-catalogv.c: `scs-cli catalog import-xlsx|info|show|diff` and
 * `scs-cli migrate` — counts per level, JSON, exit codes, refusals that name
 * sheet/row/column and leave no output behind, a dry run that leaves the
 * workspace byte-identical, and a migration that keeps answers by ID and
 * reports removed and re-worded criteria
 *
 * Runs the real binary ($SCS_CLI) with SCS_LANGUAGE=en in a fresh temporary
 * directory; workbooks are generated with the core tests' xlsx builder.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "scs-i18n.h"
#include "scs-workspace.h"

#include "../core/fixtures/xlsx/xlsx-builder.h"
#include "cli-test-util.h"

/* A named actor; "y" on stdin, which is no terminal: migrate must not
 * apply without --yes. Every run is logged. */
static const CliOptions cli_options = {
  .actor = "検証 太郎",
  .stdin_text = "y\n",
  .utf8 = TRUE,
  .log_always = TRUE,
};

#define cli_run(...) CLI_TEST_RUN (&cli_options, __VA_ARGS__)

static char *
write_workbook (const char *dir,
                const char *name,
                GPtrArray  *spec,
                BreakKind   kind,
                guint      *broken_row)
{
  g_autoptr(GBytes) xlsx = build_catalog_workbook (spec, kind, broken_row, "2026-03-27T09:00:00Z");
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, g_bytes_get_data (xlsx, NULL), (gssize) g_bytes_get_size (xlsx), &error);
  g_assert_no_error (error);
  return path;
}

static void
test_import_counts (void)
{
  g_autofree char *dir = g_dir_make_tmp ("scs-cli-catalogv-XXXXXX", NULL);
  g_autoptr(GPtrArray) spec = spec_official ();
  g_autofree char *xlsx = write_workbook (dir, "official.xlsx", spec, BREAK_NONE, NULL);
  g_autofree char *out = g_build_filename (dir, "official.xml", NULL);
  g_autofree char *out2 = g_build_filename (dir, "dated.xml", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(CliRun) run = NULL;
  g_autoptr(CliRun) json = NULL;
  g_autoptr(CliRun) info = NULL;
  g_autoptr(CliRun) show = NULL;
  g_autoptr(CliRun) show_builtin = NULL;
  g_autoptr(CliRun) validate = NULL;
  JsonObject *root;
  JsonObject *star;

  run = cli_run ("catalog", "import-xlsx", xlsx, "--out", out);
  cli_test_assert_ok (run);
  g_assert_nonnull (strstr (run->out, "scs-official-2026-03-27"));
  g_assert_true (g_regex_match_simple ("★3\\s+26\\s+81", run->out, 0, 0));
  g_assert_true (g_regex_match_simple ("★4\\s+43\\s+153", run->out, 0, 0));
  g_assert_true (g_file_test (out, G_FILE_TEST_IS_REGULAR));

  json = cli_run ("catalog", "import-xlsx", xlsx, "--out", out2, "--date", "2026-04-01", "--json");
  cli_test_assert_ok (json);
  root = cli_test_parse_object (parser, json->out);
  star = json_object_get_object_member (root, "star3");
  g_assert_cmpint (json_object_get_int_member (star, "requirements"), ==, 26);
  g_assert_cmpint (json_object_get_int_member (star, "criteria"), ==, 81);
  star = json_object_get_object_member (root, "star4");
  g_assert_cmpint (json_object_get_int_member (star, "requirements"), ==, 43);
  g_assert_cmpint (json_object_get_int_member (star, "criteria"), ==, 153);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (root, "catalog"), "date"), ==,
                   "2026-04-01");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (root, "catalog"), "source"), ==,
                   "official");
  g_assert_cmpuint (strlen (json_object_get_string_member (root, "workbook_sha256")), ==, 64);

  /* The output is a valid catalog that info and show read. */
  validate = cli_run ("catalog", "validate", out);
  cli_test_assert_ok (validate);
  info = cli_run ("catalog", "info", out, "--json");
  cli_test_assert_ok (info);
  root = cli_test_parse_object (parser, info->out);
  g_assert_cmpstr (json_object_get_string_member (root, "id"), ==, "scs-official-2026-03-27");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (root, "star4"), "criteria"), ==, 153);
  g_assert_true (json_object_get_boolean_member (json_object_get_object_member (root, "star4"), "criteria_complete"));

  show = cli_run ("catalog", "show", out, "1-1-1-1", "--json");
  cli_test_assert_ok (show);
  root = cli_test_parse_object (parser, show->out);
  g_assert_cmpstr (json_object_get_string_member (root, "id"), ==, "1-1-1-1");
  g_assert_cmpint (json_object_get_int_member (root, "level"), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (root, "requirement"), "id"), ==,
                   "1-1-1");
  g_assert_nonnull (strstr (json_object_get_string_member (root, "text_ja"), "試験用の合成文"));

  /* The foundation's no-file form still shows the built-in catalog. */
  show_builtin = cli_run ("catalog", "show", "1-2-1-1");
  cli_test_assert_ok (show_builtin);
  g_assert_nonnull (strstr (show_builtin->out, "1-2-1-1"));
  {
    g_autoptr(CliRun) unknown = cli_run ("catalog", "show", out, "9-9-9-9");
    g_autoptr(CliRun) missing_file = cli_run ("catalog", "info", "/nonexistent/catalog.xml");

    g_assert_cmpint (unknown->status, ==, 2);
    g_assert_nonnull (strstr (unknown->err, "9-9-9-9"));
    g_assert_cmpint (missing_file->status, ==, 2);
    g_assert_nonnull (strstr (missing_file->err, "/nonexistent/catalog.xml"));
  }

  core_test_rm_rf (dir);
}

typedef struct
{
  BreakKind   kind;
  const char *column;   /* NULL: no row/column (layout, DOCTYPE) */
  const char *fragment;
} Broken;

static void
test_import_refusals (void)
{
  static const Broken cases[] = {
    { BREAK_BAD_ID, "L", "X-Y-Z-W" },
    { BREAK_NO_REQUIREMENT, "F", "has no requirement" },
    { BREAK_DUPLICATE, "L", "appears twice" },
    { BREAK_BAD_LEVEL, "K", "★5" },
    { BREAK_FORMULA, "M", "formula" },
    { BREAK_MISSING_COLUMN, NULL, "criterion text" },
    { BREAK_DOCTYPE, NULL, "DOCTYPE" },
    { BREAK_GAP, "L", "numbering is broken" },
  };
  g_autofree char *dir = g_dir_make_tmp ("scs-cli-catalogv-XXXXXX", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) spec = spec_official ();
      g_autofree char *name = g_strdup_printf ("broken-%u.xlsx", i);
      g_autofree char *out = g_build_filename (dir, "out.xml", NULL);
      guint row = 0;
      g_autofree char *xlsx = write_workbook (dir, name, spec, cases[i].kind, &row);
      g_autoptr(CliRun) run = cli_run ("catalog", "import-xlsx", xlsx, "--out", out, "--json");

      g_assert_cmpint (run->status, ==, 2);
      g_assert_cmpstr (run->out, ==, "");
      g_assert_nonnull (strstr (run->err, cases[i].fragment));
      if (cases[i].column != NULL)
        {
          g_autofree char *where = g_strdup_printf ("Sheet ‘要求事項・評価基準’, row %u, column %s:",
                                                    row, cases[i].column);

          g_assert_nonnull (strstr (run->err, where));
        }
      else if (cases[i].kind == BREAK_MISSING_COLUMN)
        g_assert_nonnull (strstr (run->err, "Sheet ‘要求事項・評価基準’"));
      /* Nothing is half-imported: no output file, no temporary left. */
      g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
      g_unlink (xlsx);
      {
        g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
        g_assert_null (g_dir_read_name (d));
      }
    }

  /* Not a workbook at all; missing --out; not a zip. */
  {
    g_autofree char *text = g_build_filename (dir, "notes.xlsx", NULL);
    g_autofree char *out = g_build_filename (dir, "out.xml", NULL);
    g_autoptr(CliRun) garbage = NULL;
    g_autoptr(CliRun) no_out = NULL;

    g_file_set_contents (text, "hello", -1, NULL);
    garbage = cli_run ("catalog", "import-xlsx", text, "--out", out);
    g_assert_cmpint (garbage->status, ==, 2);
    g_assert_nonnull (strstr (garbage->err, "notes.xlsx"));
    g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
    no_out = cli_run ("catalog", "import-xlsx", text);
    g_assert_cmpint (no_out->status, ==, 2);
    g_assert_nonnull (strstr (no_out->err, "--out"));
    g_unlink (text);
  }

  core_test_rm_rf (dir);
}

/* The official spec with 1-2-1-3 removed, 1-2-1-1 re-worded and 1-2-3-2
 * moved to ★4. */
static GPtrArray *
spec_revised (void)
{
  GPtrArray *spec = spec_official ();

  for (guint i = 0; i < spec->len; i++)
    {
      SpecRow *row = g_ptr_array_index (spec, i);

      if (g_str_equal (row->id, "1-2-1-3"))
        g_ptr_array_remove_index (spec, i--);
      else if (g_str_equal (row->id, "1-2-1-1"))
        {
          g_free (row->text);
          row->text = g_strdup ("改訂後の文言：セキュリティ責任者を任命し、役割を文書化している。");
        }
      else if (g_str_equal (row->id, "1-2-3-2"))
        row->level = 4;
    }
  return spec;
}

static void
test_diff (void)
{
  g_autofree char *dir = g_dir_make_tmp ("scs-cli-catalogv-XXXXXX", NULL);
  g_autoptr(GPtrArray) spec = spec_official ();
  g_autoptr(GPtrArray) revised = spec_revised ();
  g_autofree char *a = write_workbook (dir, "a.xlsx", spec, BREAK_NONE, NULL);
  g_autofree char *b = write_workbook (dir, "b.xlsx", revised, BREAK_NONE, NULL);
  g_autofree char *a_xml = g_build_filename (dir, "a.xml", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(CliRun) import = NULL;
  g_autoptr(CliRun) human = NULL;
  g_autoptr(CliRun) json = NULL;
  g_autoptr(CliRun) builtin = NULL;
  g_autoptr(CliRun) bad = NULL;
  JsonObject *root;
  JsonObject *counts;
  JsonArray *criteria;
  gboolean saw_reworded = FALSE;

  import = cli_run ("catalog", "import-xlsx", a, "--out", a_xml);
  cli_test_assert_ok (import);

  /* XML against a workbook read on the fly. */
  human = cli_run ("catalog", "diff", a_xml, b);
  cli_test_assert_ok (human);
  g_assert_nonnull (strstr (human->out, "Added 0, removed 1, re-worded 1, level changed 1"));
  g_assert_nonnull (strstr (human->out, "1-2-1-3"));
  g_assert_nonnull (strstr (human->out, "1-2-3-2  ★3 → ★4"));
  g_assert_nonnull (strstr (human->out, "改訂後の文言"));

  json = cli_run ("catalog", "diff", a_xml, b, "--json");
  cli_test_assert_ok (json);
  root = cli_test_parse_object (parser, json->out);
  counts = json_object_get_object_member (root, "counts");
  g_assert_cmpint (json_object_get_int_member (counts, "added"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (counts, "removed"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (counts, "reworded"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (counts, "level"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (counts, "unchanged"), ==, 150);
  criteria = json_object_get_array_member (root, "criteria");
  g_assert_cmpuint (json_array_get_length (criteria), ==, 3);
  for (guint i = 0; i < json_array_get_length (criteria); i++)
    {
      JsonObject *c = json_array_get_object_element (criteria, i);

      if (g_str_equal (json_object_get_string_member (c, "id"), "1-2-1-1"))
        {
          g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (c, "changes"), 0), ==,
                           "reworded");
          g_assert_nonnull (strstr (json_object_get_string_member (c, "new_text"), "改訂後の文言"));
          saw_reworded = TRUE;
        }
    }
  g_assert_true (saw_reworded);

  /* Built-in → official: the ★4-only criteria are added. */
  builtin = cli_run ("catalog", "diff", "builtin", a_xml, "--json");
  cli_test_assert_ok (builtin);
  root = cli_test_parse_object (parser, builtin->out);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (root, "counts"), "added"), ==,
                   153 - 81);

  bad = cli_run ("catalog", "diff", a_xml, "/nonexistent.xml");
  g_assert_cmpint (bad->status, ==, 2);
  g_assert_nonnull (strstr (bad->err, "/nonexistent.xml"));

  core_test_rm_rf (dir);
}

static char *
make_workspace (const char *dir)
{
  g_autoptr(ScsCatalog) builtin = scs_catalog_new_builtin ();
  g_autoptr(ScsOrganization) org = scs_organization_new ();
  g_autoptr(ScsWorkspace) ws = NULL;
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, "ws.scsw", NULL);

  org->name = g_strdup ("テスト株式会社");
  org->sole_proprietor = TRUE;
  ws = scs_workspace_create (path, org, 3, builtin, &error);
  g_assert_no_error (error);
  g_assert_true (scs_workspace_set_answer (ws, "1-2-1-1", SCS_ANSWER_MET, "体制表あり", NULL, &error));
  g_assert_true (scs_workspace_set_answer (ws, "1-2-1-3", SCS_ANSWER_NOT_MET, "未実施", NULL, &error));
  g_assert_true (scs_workspace_set_answer (ws, "1-2-3-2", SCS_ANSWER_NOT_APPLICABLE, NULL, "外部要員なし", &error));
  g_assert_true (scs_workspace_set_answer (ws, "2-1-1-1", SCS_ANSWER_MET, "変更なし", NULL, &error));
  g_assert_no_error (error);
  scs_workspace_check_integrity (ws, NULL);
  return path;
}

static void
test_migrate (void)
{
  g_autofree char *dir = g_dir_make_tmp ("scs-cli-catalogv-XXXXXX", NULL);
  g_autoptr(GPtrArray) revised = spec_revised ();
  g_autofree char *xlsx = write_workbook (dir, "revised.xlsx", revised, BREAK_NONE, NULL);
  g_autofree char *xml = g_build_filename (dir, "revised.xml", NULL);
  g_autofree char *ws_path = make_workspace (dir);
  g_autofree char *before = core_test_file_state (ws_path, TRUE);
  g_autofree char *after = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(CliRun) import = NULL;
  g_autoptr(CliRun) dry = NULL;
  g_autoptr(CliRun) refused = NULL;
  g_autoptr(CliRun) both = NULL;
  g_autoptr(CliRun) apply = NULL;
  g_autoptr(CliRun) again = NULL;
  g_autoptr(CliRun) show = NULL;
  g_autoptr(ScsWorkspace) ws = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  JsonArray *removed;
  JsonArray *reconfirm;
  ScsAnswer *answer;

  import = cli_run ("catalog", "import-xlsx", xlsx, "--out", xml);
  cli_test_assert_ok (import);

  /* Dry run: the report, and the workspace byte-identical. */
  dry = cli_run ("migrate", ws_path, "--catalog", xml, "--dry-run", "--json");
  cli_test_assert_ok (dry);
  root = cli_test_parse_object (parser, dry->out);
  g_assert_false (json_object_get_boolean_member (root, "applied"));
  g_assert_false (json_object_get_boolean_member (root, "new_round"));
  removed = json_object_get_array_member (root, "removed_answers");
  g_assert_cmpuint (json_array_get_length (removed), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (removed, 0), "id"), ==, "1-2-1-3");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (removed, 0), "note"), ==, "未実施");
  reconfirm = json_object_get_array_member (root, "reconfirm");
  g_assert_cmpuint (json_array_get_length (reconfirm), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (reconfirm, 0), "id"), ==, "1-2-1-1");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (reconfirm, 1), "id"), ==, "1-2-3-2");
  after = core_test_file_state (ws_path, TRUE);
  g_assert_cmpstr (before, ==, after);
  g_clear_pointer (&after, g_free);

  /* Neither --dry-run nor --yes, no terminal: report printed, nothing written, exit 2. */
  refused = cli_run ("migrate", ws_path, "--catalog", xml);
  g_assert_cmpint (refused->status, ==, 2);
  g_assert_nonnull (strstr (refused->out, "1-2-1-3"));
  g_assert_nonnull (strstr (refused->err, "--yes"));
  after = core_test_file_state (ws_path, TRUE);
  g_assert_cmpstr (before, ==, after);
  g_clear_pointer (&after, g_free);

  both = cli_run ("migrate", ws_path, "--catalog", xml, "--dry-run", "--yes");
  g_assert_cmpint (both->status, ==, 2);
  after = core_test_file_state (ws_path, TRUE);
  g_assert_cmpstr (before, ==, after);
  g_clear_pointer (&after, g_free);

  /* Applied: answers kept by ID, removed and re-worded listed. */
  apply = cli_run ("migrate", ws_path, "--catalog", xml, "--yes");
  cli_test_assert_ok (apply);
  g_assert_nonnull (strstr (apply->out, "Migrated."));
  g_assert_nonnull (strstr (apply->out, "1-2-1-1  met  (re-worded)"));
  g_assert_nonnull (strstr (apply->out, "1-2-3-2  na  (level changed)"));
  g_assert_nonnull (strstr (apply->out, "1-2-1-3  not-met"));

  ws = scs_workspace_open (ws_path, &error);
  g_assert_no_error (error);
  g_assert_true (scs_catalog_is_official (scs_workspace_get_catalog (ws)));
  answer = scs_workspace_lookup_answer (ws, "1-2-1-1");
  g_assert_cmpint (scs_answer_get_state (answer), ==, SCS_ANSWER_MET);
  g_assert_cmpstr (scs_answer_get_note (answer), ==, "体制表あり");
  answer = scs_workspace_lookup_answer (ws, "2-1-1-1");
  g_assert_cmpint (scs_answer_get_state (answer), ==, SCS_ANSWER_MET);
  g_assert_cmpstr (scs_answer_get_note (answer), ==, "変更なし");
  answer = scs_workspace_lookup_answer (ws, "1-2-3-2");
  g_assert_cmpint (scs_answer_get_state (answer), ==, SCS_ANSWER_NOT_APPLICABLE);
  g_assert_null (scs_workspace_lookup_answer (ws, "1-2-1-3"));
  g_clear_object (&ws);

  /* The same catalog again is refused and changes nothing. */
  before = (g_free (before), core_test_file_state (ws_path, TRUE));
  again = cli_run ("migrate", ws_path, "--catalog", xml, "--yes");
  g_assert_cmpint (again->status, ==, 2);
  g_assert_nonnull (strstr (again->err, "already"));
  after = core_test_file_state (ws_path, TRUE);
  g_assert_cmpstr (before, ==, after);

  /* The audit log holds the removed answer. */
  show = cli_run ("audit", ws_path);
  cli_test_assert_ok (show);
  g_assert_nonnull (strstr (show->out, "catalog-migrate-removed"));
  g_assert_nonnull (strstr (show->out, "未実施"));

  core_test_rm_rf (dir);
}

static void
test_migrate_usage (void)
{
  g_autofree char *dir = g_dir_make_tmp ("scs-cli-catalogv-XXXXXX", NULL);
  g_autofree char *ws_path = make_workspace (dir);
  g_autofree char *before = core_test_file_state (ws_path, TRUE);
  g_autofree char *after = NULL;
  g_autoptr(CliRun) no_catalog = cli_run ("migrate", ws_path);
  g_autoptr(CliRun) bad_catalog = cli_run ("migrate", ws_path, "--catalog", "/nonexistent.xml", "--yes");
  g_autoptr(CliRun) same = cli_run ("migrate", ws_path, "--catalog", "builtin", "--yes");

  g_assert_cmpint (no_catalog->status, ==, 2);
  g_assert_nonnull (strstr (no_catalog->err, "--catalog"));
  g_assert_cmpint (bad_catalog->status, ==, 2);
  g_assert_nonnull (strstr (bad_catalog->err, "/nonexistent.xml"));
  g_assert_cmpint (same->status, ==, 2);
  after = core_test_file_state (ws_path, TRUE);
  g_assert_cmpstr (before, ==, after);

  core_test_rm_rf (dir);
}

/* #15: a workspace answered against an imported official catalog, signed
 * and declared, exports a final package that verifies — against the
 * catalog.xml the package carries, named as the official workbook. */
static void
test_official_export (void)
{
  g_autofree char *dir = g_dir_make_tmp ("scs-cli-catalogv-XXXXXX", NULL);
  g_autoptr(GPtrArray) spec = spec_official ();
  g_autofree char *xlsx = write_workbook (dir, "official.xlsx", spec, BREAK_NONE, NULL);
  g_autofree char *xml = g_build_filename (dir, "official.xml", NULL);
  g_autofree char *ws_path = g_build_filename (dir, "official.scsw", NULL);
  g_autofree char *package = g_build_filename (dir, "official.scsp", NULL);
  g_autofree char *certs = g_build_filename (dir, "certs", NULL);
  g_autofree char *ca = g_build_filename (certs, "ca.pem", NULL);
  g_autoptr(ScsCatalog) catalog = NULL;
  g_autoptr(ScsOrganization) org = scs_organization_new ();
  g_autoptr(ScsWorkspace) ws = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CliRun) import = NULL;
  g_autoptr(CliRun) export = NULL;
  g_autoptr(CliRun) verify = NULL;

  import = cli_run ("catalog", "import-xlsx", xlsx, "--out", xml);
  cli_test_assert_ok (import);
  catalog = scs_catalog_new_from_file (xml, &error);
  g_assert_no_error (error);
  g_assert_true (scs_catalog_is_official (catalog));
  org->name = g_strdup ("テスト株式会社");
  org->sole_proprietor = TRUE;
  ws = scs_workspace_create (ws_path, org, 3, catalog, &error);
  g_assert_no_error (error);
  core_test_make_certificates (certs, TRUE);
  core_test_seal_workspace (ws, certs, FALSE);
  g_clear_object (&ws);

  export = cli_run ("export", ws_path, "--out", package);
  cli_test_assert_ok (export);
  verify = cli_run ("verify", package, "--ca", ca);
  g_assert_cmpint (verify->status, ==, 0);
  g_assert_nonnull (strstr (verify->out, "official workbook"));
  g_assert_nonnull (strstr (verify->out, scs_catalog_get_sha256 (catalog)));
  core_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  scs_i18n_init ("en");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/scs/cli/catalogv/import-counts", test_import_counts);
  g_test_add_func ("/scs/cli/catalogv/import-refusals", test_import_refusals);
  g_test_add_func ("/scs/cli/catalogv/diff", test_diff);
  g_test_add_func ("/scs/cli/catalogv/migrate", test_migrate);
  g_test_add_func ("/scs/cli/catalogv/migrate-usage", test_migrate_usage);
  g_test_add_func ("/scs/cli/catalogv/official-export", test_official_export);

  return g_test_run ();
}
