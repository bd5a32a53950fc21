/* test-diagnosis.c: gaps, the vendor's plan, tier, the gap CSV and the
 * report PDF read back with Poppler; the SME's answers are never touched
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <poppler.h>

#include "scs-csv.h"
#include "scs-diagnosis.h"
#include "scs-i18n.h"
#include "scs-jcstar.h"
#include "scs-security-action.h"
#include "scs-text.h"
#include "scs-workspace.h"
#include "scs-xlsx.h"

#include "core-test-util.h"

typedef struct
{
  char         *dir;
  char         *path;
  ScsWorkspace *ws;
  ScsDiagnosis *diag;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = core_test_make_tmp_dir ("scs-diagnosis-XXXXXX");
  f->path = g_build_filename (f->dir, "client.scsw", NULL);
  f->ws = core_test_workspace_new (f->path, "株式会社さくら精機", 3, "SME staff");
  g_assert_true (scs_workspace_set_answer (f->ws, "1-3-1-3", SCS_ANSWER_MET, NULL, NULL, &error));
  g_assert_true (scs_workspace_set_answer (f->ws, "1-2-1-1", SCS_ANSWER_NOT_MET, "未整備", NULL, &error));
  g_assert_true (scs_workspace_set_answer (f->ws, "4-1-1-1", SCS_ANSWER_NOT_APPLICABLE, NULL, "設備なし", &error));
  g_assert_no_error (error);
  scs_workspace_set_actor (f->ws, "Vendor");
  f->diag = scs_diagnosis_new (f->ws);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->diag);
  g_assert_finalize_object (f->ws);
  core_test_rm_rf (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static ScsGap *
find_gap (GPtrArray  *gaps,
          const char *id)
{
  for (guint i = 0; i < gaps->len; i++)
    {
      ScsGap *gap = g_ptr_array_index (gaps, i);
      if (g_str_equal (gap->criterion_id, id))
        return gap;
    }
  return NULL;
}

static char *
answers_snapshot (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsWorkspace) ws = scs_workspace_open (path, &error);
  GListModel *answers;
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  answers = scs_workspace_get_answers (ws);
  for (guint i = 0; i < g_list_model_get_n_items (answers); i++)
    {
      g_autoptr(ScsAnswer) a = g_list_model_get_item (answers, i);
      g_string_append_printf (out, "%s|%d|%s|%s|%s|%s\n", scs_answer_get_criterion_id (a),
                              scs_answer_get_state (a), scs_answer_get_note (a),
                              scs_answer_get_reason (a), scs_answer_get_author (a),
                              scs_answer_get_updated (a));
    }
  return g_string_free (out, FALSE);
}

static void
test_gaps_and_plan (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) gaps = scs_diagnosis_list_gaps (f->diag, &error);
  g_autoptr(GPtrArray) after = NULL;
  g_autofree char *before_answers = answers_snapshot (f->path);
  g_autofree char *after_answers = NULL;
  ScsGap *gap;
  guint changed = 0;

  g_assert_no_error (error);
  /* 81 ★3 criteria, one met and one justified NA. */
  g_assert_cmpuint (gaps->len, ==, 79);
  g_assert_null (find_gap (gaps, "1-3-1-3"));
  g_assert_null (find_gap (gaps, "4-1-1-1"));
  gap = find_gap (gaps, "1-2-1-1");
  g_assert_nonnull (gap);
  g_assert_cmpint (gap->state, ==, SCS_ANSWER_NOT_MET);
  g_assert_false (gap->planned);
  g_assert_cmpint (gap->support, ==, SCS_SUPPORT_NON_IT);   /* suggested for governance */
  g_assert_cmpstr (gap->priority, ==, "high");

  g_signal_connect_swapped (f->diag, "changed", G_CALLBACK (g_atomic_int_inc), &changed);
  g_assert_true (scs_diagnosis_set_gap (f->diag, "1-2-1-1", "on-site", "high", "medium",
                                        "山田", "2027-06-30", "規程の雛形を提供", &error));
  g_assert_no_error (error);
  /* NULLs keep what is stored. */
  g_assert_true (scs_diagnosis_set_gap (f->diag, "1-2-1-1", NULL, NULL, "high", NULL, NULL, NULL, &error));
  g_assert_cmpuint (changed, ==, 2);

  after = scs_diagnosis_list_gaps (f->diag, &error);
  gap = find_gap (after, "1-2-1-1");
  g_assert_true (gap->planned);
  g_assert_cmpint (gap->support, ==, SCS_SUPPORT_ON_SITE);
  g_assert_cmpstr (gap->effort, ==, "high");
  g_assert_cmpstr (gap->priority, ==, "high");
  g_assert_cmpstr (gap->owner, ==, "山田");
  g_assert_cmpstr (gap->due, ==, "2027-06-30");

  /* The diagnosis never wrote the SME's answers. */
  after_answers = answers_snapshot (f->path);
  g_assert_cmpstr (before_answers, ==, after_answers);
}

static void
test_refusals_change_nothing (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  struct { const char *id, *support, *effort, *priority, *due, *needle; } bad[] = {
    { "9-9-9-9", NULL, NULL, NULL, NULL, "9-9-9-9" },
    { "1-2-1-1", "robot", NULL, NULL, NULL, "robot" },
    { "1-2-1-1", NULL, "huge", NULL, NULL, "huge" },
    { "1-2-1-1", NULL, NULL, "urgent", NULL, "urgent" },
    { "1-2-1-1", NULL, NULL, NULL, "2027-02-30", "2027-02-30" },
  };

  g_clear_object (&f->diag);
  g_clear_object (&f->ws);
  before = core_test_file_sha256 (f->path);
  f->ws = scs_workspace_open (f->path, &error);
  g_assert_no_error (error);
  f->diag = scs_diagnosis_new (f->ws);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_false (scs_diagnosis_set_gap (f->diag, bad[i].id, bad[i].support, bad[i].effort,
                                             bad[i].priority, NULL, bad[i].due, NULL, &error));
      g_assert_error (error, SCS_DIAGNOSIS_ERROR, SCS_DIAGNOSIS_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, bad[i].needle));
      g_clear_error (&error);
    }

  g_clear_object (&f->diag);
  g_clear_object (&f->ws);
  after = core_test_file_sha256 (f->path);
  g_assert_cmpstr (before, ==, after);
  f->ws = scs_workspace_open (f->path, &error);
  g_assert_no_error (error);
  f->diag = scs_diagnosis_new (f->ws);
}

static void
test_tier (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (scs_diagnosis_recommend_tier (3, FALSE), ==, SCS_TIER_3);
  g_assert_cmpint (scs_diagnosis_recommend_tier (3, TRUE), ==, SCS_TIER_3_PLUS);
  g_assert_cmpint (scs_diagnosis_recommend_tier (4, FALSE), ==, SCS_TIER_4);
  g_assert_cmpint (scs_diagnosis_recommend_tier (4, TRUE), ==, SCS_TIER_4_PLUS);
  g_assert_cmpstr (scs_tier_to_string (SCS_TIER_3_PLUS), ==, "★3+");

  g_assert_cmpint (scs_diagnosis_get_tier (f->diag), ==, SCS_TIER_3);
  g_assert_true (scs_diagnosis_set_needs_on_site (f->diag, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (scs_diagnosis_get_tier (f->diag), ==, SCS_TIER_3_PLUS);
  g_assert_true (scs_workspace_set_target_level (f->ws, 4, &error));
  g_assert_cmpint (scs_diagnosis_get_tier (f->diag), ==, SCS_TIER_4_PLUS);
}

/* The row of @criterion_id in a gap table read back. */
static const char * const *
find_row (GPtrArray  *rows,
          const char *criterion_id)
{
  for (guint i = 1; i < rows->len; i++)
    {
      const char * const *row = g_ptr_array_index (rows, i);

      if (g_str_equal (row[0], criterion_id))
        return row;
    }
  return NULL;
}

static void
test_csv_export (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) csv = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  gsize size;
  const char *bytes;
  const char * const *row;

  g_assert_true (scs_diagnosis_set_gap (f->diag, "1-2-1-1", "non-it", "low", "high",
                                        "佐藤", "2027-05-31", "方針案, \"雛形\"", &error));
  csv = scs_diagnosis_export_csv (f->diag, SCS_CSV_UTF8_BOM, &error);
  g_assert_no_error (error);
  bytes = g_bytes_get_data (csv, &size);
  g_assert_true (size > 3 && memcmp (bytes, SCS_CSV_BOM, 3) == 0);
  g_assert_true (g_utf8_validate (bytes, size, NULL));

  rows = scs_csv_parse (bytes, size, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 1 + 79);
  row = find_row (rows, "1-2-1-1");
  g_assert_nonnull (row);
  /* English UI: labels, not codes. */
  g_assert_cmpstr (((char **) g_ptr_array_index (rows, 0))[4], ==, "Support");
  g_assert_cmpstr (row[4], ==, "Non-IT support");
  g_assert_cmpstr (row[5], ==, "Low");
  g_assert_cmpstr (row[6], ==, "High");
  g_assert_cmpstr (row[7], ==, "佐藤");
  g_assert_cmpstr (row[9], ==, "方針案, \"雛形\"");
  g_assert_cmpstr (row[10], ==, "Planned");
}

/* A Japanese UI gets a Japanese gap list, in Shift_JIS when asked, that
 * reads back to the same cells; no English code appears in it. */
static void
test_csv_export_japanese (Fixture       *f,
                          gconstpointer  data)
{
  static const char * const codes[] = { "non-it", "it-tool", "on-site", "low", "medium", "high",
                                        "suggested", "yes", "criterion_id", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) utf8 = NULL;
  g_autoptr(GBytes) sjis = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) sjis_rows = NULL;
  g_autofree char *decoded = NULL;
  const char * const *header;
  const char * const *row;
  ScsCsvEncoding encoding = SCS_CSV_UTF8_BOM;
  gsize size, decoded_size;
  const char *bytes;

  /* GLib decides once per process whether to translate: Japanese runs in
   * a process of its own. */
  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }
  scs_i18n_init ("ja");
  g_assert_true (scs_diagnosis_set_gap (f->diag, "1-2-1-1", "non-it", "low", "high",
                                        "佐藤", "2027-05-31", "＝SUM(A1) 方針", &error));
  utf8 = scs_diagnosis_export_csv (f->diag, SCS_CSV_UTF8_BOM, &error);
  g_assert_no_error (error);
  sjis = scs_diagnosis_export_csv (f->diag, SCS_CSV_CP932, &error);
  g_assert_no_error (error);

  bytes = g_bytes_get_data (sjis, &size);
  g_assert_false (g_utf8_validate (bytes, size, NULL));   /* really Shift_JIS */
  g_assert_false (size >= 3 && memcmp (bytes, SCS_CSV_BOM, 3) == 0);
  decoded = scs_csv_decode (bytes, size, &decoded_size, &encoding, &error);
  g_assert_no_error (error);
  g_assert_cmpint (encoding, ==, SCS_CSV_CP932);
  sjis_rows = scs_csv_parse (decoded, decoded_size, &error);
  g_assert_no_error (error);
  bytes = g_bytes_get_data (utf8, &size);
  rows = scs_csv_parse (bytes, size, &error);
  g_assert_no_error (error);

  /* The CP932 round trip gives the very cells of the UTF-8 file. */
  g_assert_cmpuint (rows->len, ==, sjis_rows->len);
  for (guint r = 0; r < rows->len; r++)
    g_assert_true (g_strv_equal (g_ptr_array_index (rows, r), g_ptr_array_index (sjis_rows, r)));

  header = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (header[4], ==, "支援の種類");
  row = find_row (rows, "1-2-1-1");
  g_assert_cmpstr (row[4], ==, "IT 以外の支援");
  g_assert_cmpstr (row[5], ==, "低");
  g_assert_cmpstr (row[10], ==, "計画済み");
  /* The full-width formula sign is guarded. */
  g_assert_cmpstr (row[9], ==, "'＝SUM(A1) 方針");
  g_assert_cmpstr (scs_csv_cell_text (row[9]), ==, "＝SUM(A1) 方針");
  for (guint r = 0; r < rows->len; r++)
    for (const char * const *cell = g_ptr_array_index (rows, r); *cell != NULL; cell++)
      g_assert_false (g_strv_contains (codes, *cell));

  /* A character Shift_JIS cannot hold: refused, naming where. */
  g_assert_true (scs_diagnosis_set_gap (f->diag, "1-2-1-1", NULL, NULL, NULL, "担当 😀", NULL, NULL, &error));
  g_clear_pointer (&sjis, g_bytes_unref);
  sjis = scs_diagnosis_export_csv (f->diag, SCS_CSV_CP932, &error);
  g_assert_null (sjis);
  g_assert_error (error, SCS_CSV_ERROR, SCS_CSV_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "😀"));
  scs_i18n_init ("en");
}

static gboolean
part_contains (ScsXlsx    *book,
               const char *part,
               const char *text)
{
  g_autoptr(GBytes) bytes = scs_xlsx_get_part (book, part);
  g_autofree char *xml = NULL;
  gsize size;

  if (bytes == NULL)
    return FALSE;
  xml = g_strndup (g_bytes_get_data (bytes, &size), g_bytes_get_size (bytes));
  return strstr (xml, text) != NULL;
}

static void
test_xlsx_export (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) xlsx = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(ScsXlsx) book = NULL;
  g_autoptr(ScsXlsxSheet) sheet = NULL;
  g_autoptr(GPtrArray) gaps = NULL;
  const char *other;
  ScsXlsxCell cell;
  gboolean found = FALSE;

  /* GLib decides once per process whether to translate: Japanese runs in
   * a process of its own. */
  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }
  scs_i18n_init ("ja");
  g_assert_true (scs_diagnosis_set_gap (f->diag, "1-2-1-1", "non-it", NULL, NULL, "佐藤 <総務>",
                                        "2027-05-31", "=1+1 \x01 & more", &error));
  gaps = scs_diagnosis_list_gaps (f->diag, &error);
  other = ((ScsGap *) g_ptr_array_index (gaps, 1))->criterion_id;
  g_assert_cmpstr (other, !=, "1-2-1-1");
  g_assert_true (scs_diagnosis_set_gap (f->diag, other, NULL, NULL, NULL, " \t＠cmd", NULL, NULL, &error));
  xlsx = scs_diagnosis_export_xlsx (f->diag, &error);
  g_assert_no_error (error);
  again = scs_diagnosis_export_xlsx (f->diag, &error);
  g_assert_true (g_bytes_equal (xlsx, again));

  /* The project's own hardened reader opens it. */
  book = scs_xlsx_new_from_bytes (xlsx, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (scs_xlsx_get_n_sheets (book), ==, 1);
  g_assert_cmpstr (scs_xlsx_get_sheet_name (book, 0), ==, "未対応項目");
  sheet = scs_xlsx_load_sheet (book, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (scs_xlsx_sheet_get_max_row (sheet), ==, 1 + 79);
  /* Japanese headers, frozen, filtered. */
  g_assert_true (scs_xlsx_sheet_get_cell (sheet, 1, 1, &cell));
  g_assert_cmpstr (cell.text, ==, "番号");
  g_assert_true (scs_xlsx_sheet_get_cell (sheet, 1, 5, &cell));
  g_assert_cmpstr (cell.text, ==, "支援の種類");
  g_assert_cmpuint (scs_xlsx_sheet_get_frozen_rows (sheet), ==, 1);
  g_assert_cmpstr (scs_xlsx_sheet_get_auto_filter (sheet), ==, "A1:K80");
  /* Header style (bold, shaded), wrapped text, the date format, widths. */
  g_assert_true (part_contains (book, "xl/styles.xml", "<b/>"));
  g_assert_true (part_contains (book, "xl/styles.xml", "FFDDEBF7"));
  g_assert_true (part_contains (book, "xl/styles.xml", "wrapText=\"1\""));
  g_assert_true (part_contains (book, "xl/styles.xml", "formatCode=\"yyyy-mm-dd\""));
  g_assert_true (part_contains (book, "xl/styles.xml", "formatCode=\"@\""));
  g_assert_true (part_contains (book, "xl/worksheets/sheet1.xml", "width=\"60.7109375\""));
  g_assert_false (part_contains (book, "xl/worksheets/sheet1.xml", "<f>"));
  for (guint r = 2; r <= scs_xlsx_sheet_get_max_row (sheet); r++)
    {
      g_assert_true (scs_xlsx_sheet_get_cell (sheet, r, 1, &cell));
      if (g_str_equal (cell.text, other))
        {
          g_assert_true (scs_xlsx_sheet_get_cell (sheet, r, 8, &cell));
          g_assert_false (cell.formula);
          g_assert_cmpstr (cell.text, ==, " \t＠cmd");
        }
      if (!g_str_equal (cell.text, "1-2-1-1"))
        continue;
      found = TRUE;
      g_assert_true (scs_xlsx_sheet_get_cell (sheet, r, 3, &cell));
      g_assert_true (g_utf8_validate (cell.text, -1, NULL));
      g_assert_nonnull (strstr (cell.text, "セキュリティ"));   /* the Japanese criterion text */
      g_assert_true (scs_xlsx_sheet_get_cell (sheet, r, 5, &cell));
      g_assert_cmpstr (cell.text, ==, "IT 以外の支援");
      g_assert_true (scs_xlsx_sheet_get_cell (sheet, r, 8, &cell));
      g_assert_cmpstr (cell.text, ==, "佐藤 <総務>");
      /* The due date is a date: Excel's serial day number. */
      g_assert_true (scs_xlsx_sheet_get_cell (sheet, r, 9, &cell));
      g_assert_cmpstr (cell.text, ==, "46538");
      g_assert_true (scs_xlsx_sheet_get_cell (sheet, r, 10, &cell));
      g_assert_false (cell.formula);
      g_assert_cmpstr (cell.text, ==, "=1+1   & more");
    }
  g_assert_true (found);
  scs_i18n_init ("en");
}

/* The text of every page of @pdf, read with Poppler. */
static char *
pdf_text (GBytes *pdf)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) doc = G_OBJECT (poppler_document_new_from_bytes (pdf, NULL, &error));
  GString *text = g_string_new (NULL);

  g_assert_no_error (error);
  for (int i = 0; i < poppler_document_get_n_pages (POPPLER_DOCUMENT (doc)); i++)
    {
      g_autoptr(GObject) page = G_OBJECT (poppler_document_get_page (POPPLER_DOCUMENT (doc), i));
      g_autofree char *page_text = poppler_page_get_text (POPPLER_PAGE (page));

      g_string_append (text, page_text);
    }
  return g_string_free (text, FALSE);
}

/* The report's metadata: its title, @author and the date it is for
 * (midnight UTC), the same for the criteria and the items reports. */
static void
assert_report_metadata (GBytes     *pdf,
                        const char *author,
                        const char *date)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) doc = G_OBJECT (poppler_document_new_from_bytes (pdf, NULL, &error));
  g_autofree char *title = NULL;
  g_autofree char *pdf_author = NULL;
  g_autofree char *created = NULL;
  g_autoptr(GDateTime) time = NULL;

  g_assert_no_error (error);
  title = poppler_document_get_title (POPPLER_DOCUMENT (doc));
  pdf_author = poppler_document_get_author (POPPLER_DOCUMENT (doc));
  time = poppler_document_get_creation_date_time (POPPLER_DOCUMENT (doc));
  g_assert_nonnull (time);
  created = g_date_time_format (time, "%F %T %z");
  g_assert_cmpstr (title, ==, "Security diagnosis report");
  g_assert_cmpstr (pdf_author, ==, author);
  g_assert_true (g_str_has_prefix (created, date));
  g_assert_true (g_str_has_suffix (created, " 00:00:00 +0000"));
}

static void
test_report_reads_back (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GPtrArray) gaps = scs_diagnosis_list_gaps (f->diag, &error);
  g_autofree char *text = NULL;
  g_autoptr(GObject) doc = NULL;

  pdf = scs_diagnosis_build_report (f->diag, "2027-04-01", &error);
  g_assert_no_error (error);
  g_assert_nonnull (pdf);
  /* The same content gives the same bytes. */
  again = scs_diagnosis_build_report (f->diag, "2027-04-01", &error);
  g_assert_true (g_bytes_equal (pdf, again));

  doc = G_OBJECT (poppler_document_new_from_bytes (pdf, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (POPPLER_DOCUMENT (doc)), >=, 2);
  assert_report_metadata (pdf, "株式会社さくら精機", "2027-04-01");
  text = pdf_text (pdf);
  g_assert_nonnull (strstr (text, "株式会社さくら精機"));
  for (guint i = 0; i < gaps->len; i++)
    {
      ScsGap *gap = g_ptr_array_index (gaps, i);
      if (strstr (text, gap->criterion_id) == NULL)
        g_error ("the report lacks the gap %s", gap->criterion_id);
    }
  /* A met criterion is not listed as a gap. */
  g_assert_null (strstr (text, "1-3-1-3"));

  g_assert_null (scs_diagnosis_build_report (f->diag, "someday", &error));
  g_assert_error (error, SCS_DIAGNOSIS_ERROR, SCS_DIAGNOSIS_ERROR_INVALID);
}

/* A ★4 target on the built-in catalog, every known criterion met: the
 * report says the ★4 criteria are missing, never "no gaps" or a count of
 * the known ones as the readiness. */
static void
test_report_star4_missing (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *text = NULL;
  GListModel *answers = scs_workspace_get_answers (f->ws);

  for (guint i = 0; i < g_list_model_get_n_items (answers); i++)
    {
      g_autoptr(ScsAnswer) answer = g_list_model_get_item (answers, i);

      g_assert_true (scs_workspace_set_answer (f->ws, scs_answer_get_criterion_id (answer), SCS_ANSWER_MET,
                                               NULL, NULL, &error));
    }
  g_assert_true (scs_workspace_set_target_level (f->ws, 4, &error));
  g_assert_no_error (error);

  pdf = scs_diagnosis_build_report (f->diag, "2027-04-01", &error);
  g_assert_no_error (error);
  text = pdf_text (pdf);
  g_assert_nonnull (strstr (text, "★4 criteria missing: import the official workbook"));
  g_assert_null (strstr (text, "No gaps"));
  g_assert_null (strstr (text, "81 of 81"));
}

/* ---- self-declarations ---------------------------------------------------- */

static ScsWorkspace *
typed_workspace (const char       *path,
                 ScsWorkspaceType  type)
{
  g_autoptr(ScsOrganization) org = scs_organization_new ();
  g_autoptr(ScsCatalog) catalog = scs_catalog_new_builtin ();
  g_autoptr(GError) error = NULL;
  ScsWorkspace *ws;

  org->name = g_strdup ("株式会社テスト電機");
  org->corporate_number = g_strdup (CORE_TEST_CORPORATE_NUMBER);
  ws = scs_workspace_create_typed (path, type, org, 3, catalog, &error);
  g_assert_no_error (error);
  scs_workspace_set_actor (ws, "Maker");
  return ws;
}

static ScsItemGap *
find_item_gap (GPtrArray  *gaps,
               const char *key)
{
  for (guint i = 0; i < gaps->len; i++)
    {
      ScsItemGap *gap = g_ptr_array_index (gaps, i);

      if (g_str_equal (gap->key, key))
        return gap;
    }
  return NULL;
}

static GPtrArray *
item_gaps_on (ScsWorkspace *ws,
              const char   *today)
{
  g_autoptr(ScsDiagnosis) diagnosis = scs_diagnosis_new (ws);
  g_autoptr(GError) error = NULL;
  GPtrArray *gaps;

  g_assert_true (scs_diagnosis_is_item_based (diagnosis));
  g_assert_true (scs_diagnosis_set_today (diagnosis, today, &error));
  gaps = scs_diagnosis_list_item_gaps (diagnosis, &error);
  g_assert_no_error (error);
  g_assert_nonnull (gaps);
  for (guint i = 0; i < gaps->len; i++)
    {
      ScsItemGap *gap = g_ptr_array_index (gaps, i);

      /* every row says what, where and what next */
      g_assert_false (scs_text_is_blank (gap->subject));
      g_assert_false (scs_text_is_blank (gap->area));
      g_assert_false (scs_text_is_blank (gap->finding));
      g_assert_false (scs_text_is_blank (gap->next_step));
    }
  return gaps;
}

/* A JC-STAR ★1 product with three model numbers on the PSTI route: the
 * waived requirements have no gaps, a conditional item not applicable
 * with its reason is none, an item that does not conform and the
 * unanswered ones are, and so are the record's holes and a label near its
 * expiry — counted from the given day, at the 90-day boundary. An item
 * made "not applicable" without a reason by an outside SQLite tool is a
 * gap of its own. The SCS plan and tier are refused, nothing written. */
static void
test_jcstar_gaps (void)
{
  g_autofree char *dir = core_test_make_tmp_dir ("scs-diagnosis-jc-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "camera.scsw", NULL);
  g_autoptr(ScsWorkspace) ws = typed_workspace (path, SCS_WORKSPACE_TYPE_JCSTAR1);
  g_autoptr(ScsDiagnosis) diagnosis = scs_diagnosis_new (ws);
  g_autoptr(GPtrArray) gaps = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *models[] = { "CAM-100", "CAM-100W", "CAM-200", NULL };
  ScsJcProduct product = {
    .name = (char *) "見守りカメラ", .model_numbers = (GStrv) models, .versions = (char *) "1.0.3",
    .label_number = (char *) "JC1-000123", .issued = (char *) "2025-06-01", .expires = (char *) "2027-05-31",
    .route = SCS_JC_ROUTE_PSTI,
  };
  ScsItemGap *gap;

  /* Before the product is recorded: that is the first gap. */
  gaps = item_gaps_on (ws, "2026-12-07");
  gap = find_item_gap (gaps, "product");
  g_assert_nonnull (gap);
  g_assert_cmpint (gap->kind, ==, SCS_ITEM_GAP_RECORD);
  g_clear_pointer (&gaps, g_ptr_array_unref);

  g_assert_true (scs_jcstar_set_product (ws, &product, &error));
  g_assert_true (scs_jcstar_set_answer (ws, "S1.1-01", 1, SCS_JC_ANSWER_DOES_NOT, NULL, &error));
  g_assert_true (scs_jcstar_set_answer (ws, "S1.1-08", 1, SCS_JC_ANSWER_NOT_APPLICABLE,
                                        "ネットワーク経由の更新機能がない", &error));
  g_assert_no_error (error);

  /* 2027-05-31 is 90 days after 2027-03-02: the label gap starts there. */
  gaps = item_gaps_on (ws, "2027-03-01");
  g_assert_null (find_item_gap (gaps, "label"));
  g_clear_pointer (&gaps, g_ptr_array_unref);
  gaps = item_gaps_on (ws, "2027-03-02");
  gap = find_item_gap (gaps, "label");
  g_assert_nonnull (gap);
  g_assert_cmpint (gap->kind, ==, SCS_ITEM_GAP_LABEL_EXPIRY);
  g_assert_nonnull (strstr (gap->finding, "2027-05-31"));
  g_assert_nonnull (strstr (gap->finding, "90 days"));
  g_assert_cmpstr (gap->reference, ==, "JC1-000123");

  /* The record: support end, disclosure policy and contact missing. */
  for (guint i = 0; i < 3; i++)
    {
      const char *keys[] = { "product:support-end", "product:vdp-url", "product:vdp-contact" };

      gap = find_item_gap (gaps, keys[i]);
      g_assert_nonnull (gap);
      g_assert_cmpint (gap->kind, ==, SCS_ITEM_GAP_RECORD);
    }
  g_assert_null (find_item_gap (gaps, "product"));
  gap = find_item_gap (gaps, "S1.1-01#1");
  g_assert_nonnull (gap);
  g_assert_cmpint (gap->kind, ==, SCS_ITEM_GAP_DOES_NOT);
  g_assert_cmpstr (gap->reference, ==, "S1.1-01 #1");
  g_assert_cmpstr (gap->finding, ==, "Does not conform");
  /* the conditional item not applicable with its reason is no gap */
  g_assert_null (find_item_gap (gaps, "S1.1-08#1"));
  /* waived on the PSTI route */
  for (guint i = 0; i < gaps->len; i++)
    {
      ScsItemGap *g = g_ptr_array_index (gaps, i);

      g_assert_false (g_str_has_prefix (g->key, "S1.1-02#"));
      g_assert_false (g_str_has_prefix (g->key, "S1.1-05#"));
      g_assert_false (g_str_has_prefix (g->key, "S1.1-16#"));
    }
  gap = find_item_gap (gaps, "S1.1-03#1");
  g_assert_nonnull (gap);
  g_assert_cmpint (gap->kind, ==, SCS_ITEM_GAP_UNANSWERED);
  g_clear_pointer (&gaps, g_ptr_array_unref);

  /* Expired: said so, with the date. */
  gaps = item_gaps_on (ws, "2027-06-01");
  gap = find_item_gap (gaps, "label");
  g_assert_nonnull (strstr (gap->finding, "Expired on 2027-05-31"));
  g_clear_pointer (&gaps, g_ptr_array_unref);

  /* The plan per gap and the tier are the SCS assessment's: refused,
   * naming the file and its type, and nothing written. */
  before = core_test_file_state (path, FALSE);
  g_assert_false (scs_diagnosis_set_gap (diagnosis, "1-2-1-1", "non-it", NULL, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, SCS_DIAGNOSIS_ERROR, SCS_DIAGNOSIS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, scs_workspace_type_get_label (SCS_WORKSPACE_TYPE_JCSTAR1)));
  g_clear_error (&error);
  g_assert_false (scs_diagnosis_set_needs_on_site (diagnosis, TRUE, &error));
  g_assert_error (error, SCS_DIAGNOSIS_ERROR, SCS_DIAGNOSIS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (scs_diagnosis_set_today (diagnosis, "2027-02-30", &error));
  g_assert_error (error, SCS_DIAGNOSIS_ERROR, SCS_DIAGNOSIS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2027-02-30"));
  g_clear_error (&error);
  /* the SCS list of such a file is empty, not its untouched checklist */
  gaps = scs_diagnosis_list_gaps (diagnosis, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gaps->len, ==, 0);
  g_clear_pointer (&gaps, g_ptr_array_unref);
  after = core_test_file_state (path, FALSE);
  g_assert_cmpstr (before, ==, after);

  /* An outside tool marks an item not applicable without a reason. */
  g_clear_object (&diagnosis);
  g_clear_object (&ws);
  core_test_forge (path, "INSERT INTO item_answer (type, item, state, reason, author, updated) "
                         "VALUES ('jcstar1', 'S1.1-04#1', 'na', NULL, 'x', '2026-12-01T00:00:00Z')");
  ws = scs_workspace_open (path, &error);
  g_assert_no_error (error);
  gaps = item_gaps_on (ws, "2026-12-07");
  gap = find_item_gap (gaps, "S1.1-04#1");
  g_assert_nonnull (gap);
  g_assert_cmpint (gap->kind, ==, SCS_ITEM_GAP_NO_REASON);
  g_clear_pointer (&gaps, g_ptr_array_unref);
  g_clear_object (&ws);
  core_test_rm_rf (dir);
}

/* SECURITY ACTION: at ★1 the pledge items not taken; once the self-check
 * has begun (★2), the questions unanswered, "don't know" (to follow up)
 * and below "done", the missing policy, then the policy's address. */
static void
test_security_action_gaps (void)
{
  g_autofree char *dir = core_test_make_tmp_dir ("scs-diagnosis-sa-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "pledge.scsw", NULL);
  g_autoptr(ScsWorkspace) ws = typed_workspace (path, SCS_WORKSPACE_TYPE_SECURITY_ACTION);
  g_autoptr(GPtrArray) gaps = NULL;
  g_autoptr(GError) error = NULL;
  ScsSaPolicy policy = { .company = (char *) "株式会社テスト電機", .representative = (char *) "代表取締役 山田 太郎",
                         .adopted = (char *) "2026-11-01" };
  ScsSaDeclaration declaration = { .declaration_id = (char *) "12345678901", .declared = (char *) "2026-11-15",
                                   .level = 2 };
  ScsItemGap *gap;

  gaps = item_gaps_on (ws, NULL);
  g_assert_cmpuint (gaps->len, ==, scs_security_action_get_n_pledge_items ());
  g_clear_pointer (&gaps, g_ptr_array_unref);
  g_assert_true (scs_security_action_set_pledge_item (ws, 1, TRUE, &error));
  g_assert_true (scs_security_action_set_pledge_item (ws, 3, TRUE, &error));
  g_assert_no_error (error);
  gaps = item_gaps_on (ws, NULL);
  g_assert_cmpuint (gaps->len, ==, scs_security_action_get_n_pledge_items () - 2);
  g_assert_null (find_item_gap (gaps, "pledge-1"));
  gap = find_item_gap (gaps, "pledge-2");
  g_assert_nonnull (gap);
  g_assert_cmpint (gap->kind, ==, SCS_ITEM_GAP_PLEDGE);
  g_assert_cmpstr (gap->subject, ==, scs_security_action_get_pledge_item (2));
  g_clear_pointer (&gaps, g_ptr_array_unref);

  /* The self-check: 22 done, one of each weak answer. */
  for (guint n = 1; n <= SCS_SECURITY_ACTION_N_QUESTIONS; n++)
    g_assert_true (scs_security_action_set_answer (ws, n, n == 3 ? SCS_SA_ANSWER_DONT_KNOW
                                                   : n == 7 ? SCS_SA_ANSWER_PARTLY
                                                   : n == 20 ? SCS_SA_ANSWER_NOT_DONE
                                                   : n == 25 ? SCS_SA_ANSWER_NONE
                                                   : n == 9 ? SCS_SA_ANSWER_NOT_APPLICABLE
                                                   : SCS_SA_ANSWER_DONE, &error));
  g_assert_no_error (error);
  gaps = item_gaps_on (ws, NULL);
  g_assert_null (find_item_gap (gaps, "pledge-2"));
  g_assert_cmpint (find_item_gap (gaps, "3")->kind, ==, SCS_ITEM_GAP_DONT_KNOW);
  g_assert_cmpstr (find_item_gap (gaps, "3")->subject, ==, scs_security_action_get_question (3));
  g_assert_nonnull (strstr (find_item_gap (gaps, "3")->finding, "follow up"));
  g_assert_cmpint (find_item_gap (gaps, "7")->kind, ==, SCS_ITEM_GAP_LOW_SCORE);
  g_assert_cmpint (find_item_gap (gaps, "20")->kind, ==, SCS_ITEM_GAP_LOW_SCORE);
  g_assert_cmpint (find_item_gap (gaps, "25")->kind, ==, SCS_ITEM_GAP_UNANSWERED);
  g_assert_cmpint (find_item_gap (gaps, "policy")->kind, ==, SCS_ITEM_GAP_NO_POLICY);
  g_assert_cmpstr (find_item_gap (gaps, "3")->reference, ==, "No. 3");
  g_assert_cmpstr (find_item_gap (gaps, "3")->area, ==,
                   scs_security_action_get_group_title (scs_security_action_get_question_group (3)));
  g_assert_cmpuint (gaps->len, ==, 5);
  g_clear_pointer (&gaps, g_ptr_array_unref);

  /* The policy written and declared at ★2, its address not yet given. */
  g_assert_true (scs_security_action_set_policy (ws, &policy, &error));
  g_assert_true (scs_security_action_set_declaration (ws, &declaration, &error));
  g_assert_no_error (error);
  gaps = item_gaps_on (ws, NULL);
  g_assert_null (find_item_gap (gaps, "policy"));
  g_assert_cmpint (find_item_gap (gaps, "declaration:policy-url")->kind, ==, SCS_ITEM_GAP_RECORD);
  g_clear_pointer (&gaps, g_ptr_array_unref);
  declaration.policy_url = (char *) "https://example.jp/security-policy";
  g_assert_true (scs_security_action_set_declaration (ws, &declaration, &error));
  gaps = item_gaps_on (ws, NULL);
  g_assert_null (find_item_gap (gaps, "declaration:policy-url"));
  g_assert_cmpuint (gaps->len, ==, 4);
  g_clear_pointer (&gaps, g_ptr_array_unref);

  /* The report: the score so far and the gaps with their next steps. */
  {
    g_autoptr(ScsDiagnosis) diagnosis = scs_diagnosis_new (ws);
    g_autoptr(GBytes) pdf = scs_diagnosis_build_report (diagnosis, "2026-12-07", &error);
    g_autofree char *text = NULL;

    g_autoptr(ScsOrganization) org = scs_workspace_dup_organization (ws);

    g_assert_no_error (error);
    assert_report_metadata (pdf, org->name, "2026-12-07");
    text = pdf_text (pdf);
    g_assert_nonnull (strstr (text, "Self-check score"));
    /* the score counts once every question is answered */
    g_assert_nonnull (strstr (text, "Not every question is answered yet"));
    g_assert_null (strstr (text, "of 100"));
    g_assert_nonnull (strstr (text, "to follow up"));
    g_assert_nonnull (strstr (text, "Suggested next step"));
  }

  /* Declared at ★1: the pledge is what counts again. */
  declaration.level = 1;
  g_assert_true (scs_security_action_set_declaration (ws, &declaration, &error));
  gaps = item_gaps_on (ws, NULL);
  g_assert_cmpuint (gaps->len, ==, scs_security_action_get_n_pledge_items () - 2);
  g_clear_pointer (&gaps, g_ptr_array_unref);
  g_clear_object (&ws);
  core_test_rm_rf (dir);
}

/* The same exports as the SCS diagnosis, in Japanese: CSV (UTF-8 with a
 * byte order mark, and CP932 giving the very cells back), XLSX read by our
 * own reader, the report PDF read back with Poppler — labels and our next
 * steps, never the codes. */
static void
test_item_gap_exports_japanese (void)
{
  static const char * const codes[] = { "does-not", "unanswered", "record", "label-expiry", "dont-know",
                                        "low-score", "no-policy", "product:vdp-url", "S1.1-01#1", NULL };
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(ScsWorkspace) ws = NULL;
  g_autoptr(ScsDiagnosis) diagnosis = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) utf8 = NULL;
  g_autoptr(GBytes) sjis = NULL;
  g_autoptr(GBytes) xlsx = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) sjis_rows = NULL;
  g_autoptr(ScsXlsx) book = NULL;
  g_autoptr(ScsXlsxSheet) sheet = NULL;
  g_autofree char *text = NULL;
  g_autofree char *decoded = NULL;
  const char *models[] = { "CAM-100", NULL };
  ScsJcProduct product = { .name = (char *) "見守りカメラ", .model_numbers = (GStrv) models,
                           .support_end = (char *) "2030-03-31" };
  ScsCsvEncoding encoding = SCS_CSV_UTF8_BOM;
  const char * const *row = NULL;
  ScsXlsxCell cell;
  gsize size, decoded_size;
  const char *bytes;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }
  scs_i18n_init ("ja");
  dir = core_test_make_tmp_dir ("scs-diagnosis-jc-export-XXXXXX");
  path = g_build_filename (dir, "camera.scsw", NULL);
  ws = typed_workspace (path, SCS_WORKSPACE_TYPE_JCSTAR1);
  g_assert_true (scs_jcstar_set_product (ws, &product, &error));
  g_assert_true (scs_jcstar_set_answer (ws, "S1.1-01", 1, SCS_JC_ANSWER_DOES_NOT, NULL, &error));
  g_assert_no_error (error);
  diagnosis = scs_diagnosis_new (ws);

  utf8 = scs_diagnosis_export_csv (diagnosis, SCS_CSV_UTF8_BOM, &error);
  g_assert_no_error (error);
  sjis = scs_diagnosis_export_csv (diagnosis, SCS_CSV_CP932, &error);
  g_assert_no_error (error);
  bytes = g_bytes_get_data (utf8, &size);
  g_assert_true (size >= 3 && memcmp (bytes, SCS_CSV_BOM, 3) == 0);
  rows = scs_csv_parse (bytes, size, &error);
  g_assert_no_error (error);
  bytes = g_bytes_get_data (sjis, &size);
  g_assert_false (g_utf8_validate (bytes, size, NULL));
  decoded = scs_csv_decode (bytes, size, &decoded_size, &encoding, &error);
  g_assert_no_error (error);
  g_assert_cmpint (encoding, ==, SCS_CSV_CP932);
  sjis_rows = scs_csv_parse (decoded, decoded_size, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, sjis_rows->len);
  for (guint r = 0; r < rows->len; r++)
    g_assert_true (g_strv_equal (g_ptr_array_index (rows, r), g_ptr_array_index (sjis_rows, r)));

  row = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (row[0], ==, "番号");
  g_assert_cmpstr (row[3], ==, "指摘");
  g_assert_cmpstr (row[4], ==, "推奨する次の対応");
  row = find_row (rows, "S1.1-01 #1");
  g_assert_nonnull (row);
  g_assert_cmpstr (row[3], ==, "不適合");
  g_assert_nonnull (strstr (row[4], "適合"));
  g_assert_true (g_str_has_suffix (row[4], "。"));
  for (guint r = 0; r < rows->len; r++)
    for (const char * const *c = g_ptr_array_index (rows, r); *c != NULL; c++)
      g_assert_false (g_strv_contains (codes, *c));

  xlsx = scs_diagnosis_export_xlsx (diagnosis, &error);
  g_assert_no_error (error);
  book = scs_xlsx_new_from_bytes (xlsx, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (scs_xlsx_get_sheet_name (book, 0), ==, "未対応項目");
  sheet = scs_xlsx_load_sheet (book, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (scs_xlsx_sheet_get_max_row (sheet), ==, rows->len);
  g_assert_true (scs_xlsx_sheet_get_cell (sheet, 1, 5, &cell));
  g_assert_cmpstr (cell.text, ==, "推奨する次の対応");
  for (guint r = 1; r <= rows->len; r++)
    for (guint c = 1; c <= 5; c++)
      {
        const char * const *csv_row = g_ptr_array_index (rows, r - 1);

        g_assert_true (scs_xlsx_sheet_get_cell (sheet, r, c, &cell) || *csv_row[c - 1] == '\0');
        if (*csv_row[c - 1] != '\0')
          g_assert_cmpstr (cell.text, ==, csv_row[c - 1]);
      }

  pdf = scs_diagnosis_build_report (diagnosis, "2026-12-07", &error);
  g_assert_no_error (error);
  text = pdf_text (pdf);
  g_assert_nonnull (strstr (text, "株式会社テスト電機"));
  g_assert_nonnull (strstr (text, "見守りカメラ"));
  g_assert_nonnull (strstr (text, "不適合"));
  g_assert_nonnull (strstr (text, "脆弱性"));
  g_assert_null (strstr (text, "does-not"));
  g_assert_null (strstr (text, "Next step"));

  g_clear_object (&diagnosis);
  g_clear_object (&ws);
  core_test_rm_rf (dir);
  scs_i18n_init ("en");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* GLib decides at the first translation whether a process translates at
   * all: the Japanese cases run as subprocesses, which must start in
   * Japanese (the fixture already translates while setting up). */
  scs_i18n_init (g_test_subprocess () ? "ja" : "en");

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/scs/diagnosis/gaps-and-plan", test_gaps_and_plan);
  ADD ("/scs/diagnosis/refusals-change-nothing", test_refusals_change_nothing);
  ADD ("/scs/diagnosis/tier", test_tier);
  ADD ("/scs/diagnosis/csv-export", test_csv_export);
  ADD ("/scs/diagnosis/csv-export-japanese", test_csv_export_japanese);
  ADD ("/scs/diagnosis/xlsx-export", test_xlsx_export);
  ADD ("/scs/diagnosis/report-reads-back", test_report_reads_back);
  ADD ("/scs/diagnosis/report-star4-missing", test_report_star4_missing);
#undef ADD
  g_test_add_func ("/scs/diagnosis/jcstar-gaps", test_jcstar_gaps);
  g_test_add_func ("/scs/diagnosis/security-action-gaps", test_security_action_gaps);
  g_test_add_func ("/scs/diagnosis/item-gap-exports-japanese", test_item_gap_exports_japanese);

  return g_test_run ();
}
