/* test-report.c: ScsPdfWriter and the assessment report, read back with Poppler
 *
 * The PDFs are read back the way a recipient would: Poppler's text
 * extraction per page (Japanese included), pdffonts for embedded Unicode
 * fonts. Determinism is byte equality of two renderings.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <sys/resource.h>

#include <fontconfig/fontconfig.h>
#include <glib/gstdio.h>
#include <poppler.h>

#include "scs-date.h"
#include "scs-i18n.h"
#include "scs-pdf-writer.h"
#include "scs-report.h"
#include "scs-workspace.h"

#include "core-test-util.h"

/* Poppler 22.12 has no autoptr declarations of its own */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

static PopplerDocument *
open_pdf (GBytes *pdf)
{
  g_autoptr(GError) error = NULL;
  PopplerDocument *doc = poppler_document_new_from_bytes (pdf, NULL, &error);

  g_assert_no_error (error);
  return doc;
}

static char *
page_text (PopplerDocument *doc,
           int              index)
{
  g_autoptr(PopplerPage) page = poppler_document_get_page (doc, index);

  return poppler_page_get_text (page);
}

static char *
all_text (PopplerDocument *doc)
{
  GString *text = g_string_new (NULL);

  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      g_autofree char *t = page_text (doc, i);

      g_string_append (text, t);
      g_string_append_c (text, '\n');
    }
  return g_string_free (text, FALSE);
}

static GBytes *
build_sample (const char *watermark,
              guint       n_rows)
{
  g_autoptr(ScsPdfWriter) w = scs_pdf_writer_new ();
  g_autoptr(GError) error = NULL;
  const double widths[] = { 0.2, 0.2, 0.6 };
  const char *headers[] = { "ID", "回答", "メモ" };
  const char *pairs[] = { "組織名", "株式会社テスト製作所", "法人番号", "7000012050002", "空欄", "", NULL };
  ScsPdfBar bars[] = { { "1 ガバナンス", 3, 10, 0x1565c0, NULL } };
  GBytes *pdf;

  scs_pdf_writer_set_metadata (w, "試験", "株式会社テスト製作所", "2025-04-01T09:00:00Z");
  scs_pdf_writer_set_watermark (w, watermark);
  scs_pdf_writer_set_footer (w, "フッター");
  scs_pdf_writer_title (w, "自己評価報告書");
  scs_pdf_writer_key_values (w, pairs);
  scs_pdf_writer_heading (w, "見出し");
  scs_pdf_writer_bars (w, bars, G_N_ELEMENTS (bars));
  scs_pdf_writer_paragraph (w, "段落のテキスト。Paragraph text.");
  scs_pdf_writer_table_begin (w, 3, widths, headers);
  for (guint i = 0; i < n_rows; i++)
    {
      g_autofree char *id = g_strdup_printf ("row-%03u", i);
      const char *row[] = { id, "達成", i == 5 ? NULL : "情報セキュリティ規程で定義している。" };

      scs_pdf_writer_table_row (w, row);
    }
  scs_pdf_writer_table_end (w);
  scs_pdf_writer_paragraph (w, "最後の段落");
  pdf = scs_pdf_writer_finish (w, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pdf);
  return pdf;
}

/* Text longer than the writer's layout pieces (scs-pdf-writer.c lays out
 * long plain text in pieces of ~8 KiB, so its cost stays linear): every
 * word comes out once, in order, across piece and page boundaries — in a
 * paragraph and in a table cell, with line breaks and with a stretch of
 * ~40 KiB that has none. */
static void
test_writer_long_text (void)
{
  g_autoptr(ScsPdfWriter) w = scs_pdf_writer_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(PopplerDocument) doc = NULL;
  g_autofree char *extracted = NULL;
  const double widths[] = { 0.2, 0.8 };
  const char *headers[] = { "ID", "メモ" };
  const guint n_words = 6000;
  g_auto(GStrv) words = NULL;
  guint next = 0;

  for (guint i = 0; i < n_words; i++)
    g_string_append_printf (text, "w%05u%s", i,
                            i >= 1000 && i < 4000 ? " " : (i % 300 == 299 ? "\n" : " "));
  g_assert_cmpuint (text->len, >, 4 * 8192);

  scs_pdf_writer_paragraph (w, text->str);
  scs_pdf_writer_table_begin (w, 2, widths, headers);
  scs_pdf_writer_table_row (w, (const char *[]) { "cell", text->str });
  scs_pdf_writer_table_end (w);
  pdf = scs_pdf_writer_finish (w, &error);
  g_assert_no_error (error);
  doc = open_pdf (pdf);
  g_assert_cmpint (poppler_document_get_n_pages (doc), >, 4);

  /* the words, in order, each exactly once per copy (page footers and
   * the like in between are not words of the text; the cell's word
   * follows the ID column's "cell" without a space) */
  extracted = all_text (doc);
  words = g_regex_split_simple ("\\s+", extracted, 0, 0);
  for (guint k = 0; words[k] != NULL; k++)
    {
      g_autofree char *expected = NULL;

      if (!g_regex_match_simple ("w[0-9]{5}$", words[k], 0, 0))
        continue;
      expected = g_strdup_printf ("w%05u", next % n_words);
      if (!g_str_has_suffix (words[k], expected))
        g_error ("word %u of the text is %s, not %s", next, words[k], expected);
      next++;
    }
  g_assert_cmpuint (next, ==, 2 * n_words);
}

static void
test_writer_text_and_pages (void)
{
  g_autoptr(GBytes) pdf = build_sample (NULL, 120);
  g_autoptr(PopplerDocument) doc = open_pdf (pdf);
  int n = poppler_document_get_n_pages (doc);
  g_autofree char *text = all_text (doc);
  g_autofree char *last_footer = g_strdup_printf ("%d/%d", n, n);
  g_autofree char *last_page = page_text (doc, n - 1);

  g_assert_cmpint (n, >=, 3);
  g_autofree char *title = poppler_document_get_title (doc);

  g_assert_cmpstr (title, ==, "試験");
  g_assert_nonnull (strstr (text, "自己評価報告書"));
  g_assert_nonnull (strstr (text, "株式会社テスト製作所"));
  g_assert_nonnull (strstr (text, "最後の段落"));
  g_assert_nonnull (strstr (text, "—"));  /* the empty value */
  /* "N / M": text extraction drops the spaces */
  g_strdelimit (last_page, " ", '\n');
  {
    g_auto(GStrv) words = g_strsplit (last_page, "\n", -1);
    g_autofree char *joined = g_strjoinv ("", words);

    g_assert_nonnull (strstr (joined, last_footer));
  }
  /* every row exactly once, and the header row repeated on every table page */
  for (guint i = 0; i < 120; i++)
    {
      g_autofree char *id = g_strdup_printf ("row-%03u", i);
      const char *first = strstr (text, id);

      g_assert_nonnull (first);
      g_assert_null (strstr (first + 1, id));
    }
  for (int p = 1; p < n - 1; p++)
    {
      g_autofree char *t = page_text (doc, p);

      g_assert_nonnull (strstr (t, "メモ"));
      g_assert_null (strstr (t, "DRAFT"));
    }
}

static void
test_writer_watermark (void)
{
  g_autoptr(GBytes) pdf = build_sample ("下書き / DRAFT", 10);
  g_autoptr(PopplerDocument) doc = open_pdf (pdf);
  g_autofree char *text = page_text (doc, 0);

  g_assert_nonnull (strstr (text, "DRAFT"));
  g_assert_nonnull (strstr (text, "下書き"));
}

static void
test_writer_deterministic (void)
{
  g_autoptr(GBytes) a = build_sample ("DRAFT", 60);
  g_autoptr(GBytes) b = build_sample ("DRAFT", 60);
  g_autoptr(GBytes) c = build_sample (NULL, 60);

  g_assert_true (g_bytes_equal (a, b));
  g_assert_false (g_bytes_equal (a, c));
}

static void
test_writer_fonts_embedded (void)
{
  g_autoptr(GBytes) pdf = build_sample (NULL, 3);
  g_autofree char *dir = g_dir_make_tmp ("scs-pdf-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "sample.pdf", NULL);
  g_autofree char *cmd = g_strdup_printf ("pdffonts '%s'", path);
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  guint fonts = 0;
  int status;

  g_file_set_contents (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), &error);
  g_assert_no_error (error);
  g_spawn_command_line_sync (cmd, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  lines = g_strsplit (out, "\n", -1);
  /* name type encoding emb sub uni: every font embedded with a Unicode map */
  for (guint i = 2; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      g_assert_nonnull (strstr (lines[i], "NotoSansCJK"));
      g_assert_nonnull (strstr (lines[i], "yes yes yes"));
      fonts++;
    }
  g_assert_cmpuint (fonts, >=, 1);
  g_unlink (path);
  g_rmdir (dir);
}

static void
draw_box (cairo_t  *cr,
          double    width,
          double    height,
          gpointer  user_data)
{
  guint *calls = user_data;

  (*calls)++;
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_stroke (cr);
}

static void
test_writer_render_page (void)
{
  g_autoptr(ScsPdfWriter) w = scs_pdf_writer_new ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 60, 85);
  cairo_t *cr = cairo_create (surface);
  guint calls = 0;

  scs_pdf_writer_paragraph (w, "一");
  scs_pdf_writer_drawing (w, 2000, draw_box, &calls);  /* taller than a page: clamped */
  scs_pdf_writer_page_break (w);
  scs_pdf_writer_paragraph (w, "三");
  g_assert_cmpuint (calls, ==, 1);
  g_assert_cmpuint (scs_pdf_writer_get_n_pages (w), ==, 3);
  /* printing draws the same pages onto any cairo context */
  cairo_scale (cr, 0.1, 0.1);
  scs_pdf_writer_render_page (w, cr, 2);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  g_assert_finalize_object (g_steal_pointer (&w));
}

/* The report */

typedef struct
{
  char         *dir;
  ScsWorkspace *workspace;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = core_test_make_tmp_dir ("scs-report-XXXXXX");
  path = g_build_filename (fixture->dir, "test.scsw", NULL);
  fixture->workspace = core_test_workspace_new (path, "株式会社テスト製作所", 3, NULL);
  scs_workspace_set_answer (fixture->workspace, "1-2-1-1", SCS_ANSWER_MET, "委員会規程で定義", NULL, &error);
  g_assert_no_error (error);
  scs_workspace_set_answer (fixture->workspace, "4-1-1-1", SCS_ANSWER_NOT_APPLICABLE, NULL, "該当する設備がない", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->workspace);
  core_test_rm_rf (fixture->dir);
  g_free (fixture->dir);
}

static void
test_report_content (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  ScsReportOptions options = { .draft = TRUE, .content_sha256 = "ab12" };
  g_autoptr(GBytes) pdf = scs_report_render (fixture->workspace, &options, &error);
  g_autoptr(PopplerDocument) doc = NULL;
  g_autofree char *text = NULL;
  g_autofree char *cover = NULL;
  const GPtrArray *criteria = scs_catalog_get_criteria (scs_workspace_get_catalog (fixture->workspace));

  g_assert_no_error (error);
  doc = open_pdf (pdf);
  text = all_text (doc);
  cover = page_text (doc, 0);
  g_assert_nonnull (strstr (cover, "株式会社テスト製作所"));
  g_assert_nonnull (strstr (cover, "7000012050002"));
  g_assert_null (strstr (cover, "ab12"));
  g_assert_nonnull (strstr (cover, "DRAFT"));
  {
    g_autofree char *last = page_text (doc, poppler_document_get_n_pages (doc) - 1);

    /* the fingerprint is at the end, with the signatures */
    g_assert_nonnull (strstr (last, "ab12"));
  }
  /* every ★3 criterion is listed with its answer; the note and reason are there */
  for (guint i = 0; i < criteria->len; i++)
    {
      const ScsCriterion *criterion = g_ptr_array_index (criteria, i);

      if (criterion->level <= 3)
        g_assert_nonnull (strstr (text, criterion->id));
    }
  g_assert_nonnull (strstr (text, "委員会規程で定義"));
  g_assert_nonnull (strstr (text, "該当する設備がない"));
  g_assert_nonnull (strstr (text, "Open items"));
  g_assert_nonnull (strstr (text, "Evidence index"));
  g_assert_nonnull (strstr (text, "Review summary"));
  g_assert_nonnull (strstr (text, "Signatures"));
  g_assert_nonnull (strstr (text, "Not signed"));
}

/* ★4 on the built-in catalog, every known criterion met: the summary says
 * the ★4 criteria are missing, never "all 81 criteria". */
static void
test_report_star4_missing (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  ScsReportOptions options = { .draft = TRUE };
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(PopplerDocument) doc = NULL;
  g_autofree char *cover = NULL;  /* the summary page says how ready */
  GListModel *answers = scs_workspace_get_answers (fixture->workspace);

  for (guint i = 0; i < g_list_model_get_n_items (answers); i++)
    {
      g_autoptr(ScsAnswer) answer = g_list_model_get_item (answers, i);

      g_assert_true (scs_workspace_set_answer (fixture->workspace, scs_answer_get_criterion_id (answer),
                                               SCS_ANSWER_MET, NULL, NULL, &error));
    }
  g_assert_true (scs_workspace_set_target_level (fixture->workspace, 4, &error));
  pdf = scs_report_render (fixture->workspace, &options, &error);
  g_assert_no_error (error);
  doc = open_pdf (pdf);
  cover = page_text (doc, 1);
  g_assert_nonnull (strstr (cover, "★4 criteria missing: import the official workbook"));
  g_assert_null (strstr (cover, "all 81"));
  g_assert_null (strstr (cover, "81 of 81"));
}

static void
test_report_deterministic (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  ScsReportOptions options = { 0 };
  g_autoptr(GBytes) a = scs_report_render (fixture->workspace, &options, &error);
  g_autoptr(GBytes) b = NULL;
  g_autoptr(PopplerDocument) doc = NULL;
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  b = scs_report_render (fixture->workspace, &options, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (a, b));
  doc = open_pdf (a);
  text = all_text (doc);
  g_assert_null (strstr (text, "DRAFT"));
}

/* Issue 16: dates are calendar days where they are read, times carry the
 * zone's name; the report is in Japan's time wherever it is made. A report
 * as of 20:59 UTC on 6 December (05:59 JST on the 7th) is dated the 7th. */
static void
test_report_local_date (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  ScsReportOptions options = { .draft = TRUE, .date = "2026-12-06T20:59:00Z" };
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(PopplerDocument) doc = NULL;
  g_autofree char *cover = NULL;
  g_autofree char *day = NULL;
  g_autofree char *time = NULL;

  g_setenv ("TZ", "Asia/Tokyo", TRUE);
  day = scs_date_format_date ("2026-12-06T20:59:00Z", SCS_DATE_ZONE_LOCAL);
  time = scs_date_format_time ("2026-12-06T20:59:00Z", SCS_DATE_ZONE_LOCAL);
  g_assert_cmpstr (day, ==, "2026-12-07");
  g_assert_cmpstr (time, ==, "2026-12-07 05:59 JST");
  g_clear_pointer (&day, g_free);
  day = scs_date_format_date ("2026-12-06", SCS_DATE_ZONE_LOCAL);
  g_assert_cmpstr (day, ==, "2026-12-06");

  /* The report is in Japan's time wherever it is made (the same
   * workspace gives the same PDF). */
  g_setenv ("TZ", "America/Los_Angeles", TRUE);
  g_clear_pointer (&time, g_free);
  time = scs_date_format_time ("2026-12-06T20:59:00Z", SCS_DATE_ZONE_JAPAN);
  g_assert_cmpstr (time, ==, "2026-12-07 05:59 JST");
  pdf = scs_report_render (fixture->workspace, &options, &error);
  g_assert_no_error (error);
  doc = open_pdf (pdf);
  cover = page_text (doc, 0);
  g_assert_nonnull (strstr (cover, "2026-12-07"));
  g_assert_null (strstr (cover, "2026-12-06"));
  g_unsetenv ("TZ");
}


/* @text without line breaks and spaces: a hash wraps in a narrow cell */
static char *
squash (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

/* TRUE when @text holds 64 hex digits in a row, even wrapped: a SHA-256 */
static gboolean
has_sha256 (const char *text)
{
  g_autofree char *flat = squash (text);
  guint run = 0;

  for (const char *p = flat; *p != '\0'; p++)
    {
      run = g_ascii_isxdigit (*p) ? run + 1 : 0;
      if (run >= 64)
        return TRUE;
    }
  return FALSE;
}

/* Issue 16: the cover says who, which level, when, which expert and how far,
 * with no hashes; a summary with counts per category follows with the scope
 * on the same page; the declaration names its level; the package
 * fingerprint and the catalog's hash are on the last page with the report's
 * language; certificates are named in words, not as DN codes. In English
 * and in Japanese. */
static void
test_report_structure (Fixture       *fixture,
                       gconstpointer  data)
{
  const char *language = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *certs = g_build_filename (fixture->dir, "certs", NULL);
  g_autofree char *fingerprint = g_strnfill (64, 'e');
  ScsReportOptions options = { .content_sha256 = fingerprint };
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(PopplerDocument) doc = NULL;
  g_autofree char *cover = NULL, *summary = NULL, *last = NULL, *text = NULL;
  const char *catalog_sha256 = scs_catalog_get_sha256 (scs_workspace_get_catalog (fixture->workspace));
  gboolean ja = g_str_equal (language, "ja");
  int n_pages;

  /* a reason left over from an earlier N/A answer, then met */
  scs_workspace_set_answer (fixture->workspace, "4-1-1-2", SCS_ANSWER_NOT_APPLICABLE, NULL, "古い理由の残り", &error);
  g_assert_no_error (error);
  scs_workspace_set_answer (fixture->workspace, "4-1-1-2", SCS_ANSWER_MET, NULL, NULL, &error);
  g_assert_no_error (error);
  core_test_make_certificates (certs, TRUE);
  core_test_seal_workspace (fixture->workspace, certs, TRUE);
  g_assert_true (scs_answer_get_state (scs_workspace_lookup_answer (fixture->workspace, "4-1-1-2"))
                 == SCS_ANSWER_MET);

  scs_i18n_init (language);
  pdf = scs_report_render (fixture->workspace, &options, &error);
  scs_i18n_init ("en");
  g_assert_no_error (error);
  doc = open_pdf (pdf);
  n_pages = poppler_document_get_n_pages (doc);
  cover = page_text (doc, 0);
  summary = page_text (doc, 1);
  last = page_text (doc, n_pages - 1);
  text = all_text (doc);

  g_assert_nonnull (strstr (cover, "株式会社テスト製作所"));
  g_assert_nonnull (strstr (cover, "★3"));
  g_assert_nonnull (strstr (cover, "Expert Taro"));
  g_assert_nonnull (strstr (cover, "013258"));
  g_assert_nonnull (strstr (cover, ja ? "経営層が宣言済み" : "Declared by management"));
  g_assert_false (has_sha256 (cover));

  g_assert_nonnull (strstr (summary, ja ? "概要" : "Summary"));
  g_assert_nonnull (strstr (summary, ja ? "準備完了" : "Ready: all 81 criteria"));
  /* the short scope flows after the summary instead of a page of one line */
  g_assert_nonnull (strstr (summary, ja ? "適用範囲" : "Scope"));

  g_assert_nonnull (strstr (text, ja ? "経営層による★3の自己適合宣言" : "Management’s self-declaration for ★3"));
  g_assert_nonnull (strstr (text, "山田 一郎"));
  g_assert_null (strstr (text, "古い理由の残り"));

  {
    g_autofree char *flat = squash (last);

    g_assert_nonnull (strstr (flat, fingerprint));
    g_assert_nonnull (strstr (flat, catalog_sha256));
  }
  /* the language in its own name, no code */
  g_assert_nonnull (strstr (last, ja ? "日本語" : "English"));
  g_assert_null (strstr (last, ja ? "(ja)" : "(en)"));
  /* certificates in words: holder, organisation, registration; no DN codes */
  {
    g_autofree char *flat = squash (text);

    g_assert_nonnull (strstr (flat, "ExpertTaro—TestSecurityOffice"));
  }
  g_assert_null (strstr (text, "CN="));
  g_assert_null (strstr (text, "serialNumber="));
  /* the fingerprint is at the end only */
  for (int i = 0; i < n_pages - 1; i++)
    {
      g_autofree char *page = page_text (doc, i);
      g_autofree char *flat = squash (page);

      g_assert_null (strstr (flat, fingerprint));
    }
}

/* Issue 16: the language is chosen for the report, not taken from the
 * UI: an English process makes a Japanese report when asked, and stays
 * English. */
static void
test_report_language (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  ScsReportOptions options = { .draft = TRUE, .language = "ja" };
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(PopplerDocument) doc = NULL;
  g_autofree char *last = NULL;

  scs_i18n_init ("en");
  pdf = scs_report_render (fixture->workspace, &options, &error);
  g_assert_no_error (error);
  g_assert_false (scs_i18n_is_japanese ());
  doc = open_pdf (pdf);
  last = page_text (doc, poppler_document_get_n_pages (doc) - 1);
  g_assert_nonnull (strstr (last, "報告書の言語"));
  g_assert_nonnull (strstr (last, "日本語"));
  g_assert_null (strstr (last, "English"));
}

/* A note of @size bytes: numbered words "wNNNNN" among Japanese and
 * English sentences, a line break every ~2 KiB except in a stretch of
 * ~20 KiB (longer than the writer's layout pieces) that has none. */
static char *
long_note (gsize  size,
           guint *n_words)
{
  static const char *sentences[] = {
    "情報セキュリティ基本方針を定め、年1回見直している。",
    "Access to the file server is reviewed every quarter. ",
    "担当は情報システム課、承認は総務部長が行う。",
  };
  GString *text = g_string_new (NULL);
  gsize paragraph = 0;
  guint i = 0;

  while (text->len < size)
    {
      g_string_append_printf (text, " w%05u %s", i, sentences[i % G_N_ELEMENTS (sentences)]);
      i++;
      if (text->len > 8192 && text->len < 28 * 1024)
        continue;
      if (text->len - paragraph > 2048)
        {
          g_string_append_c (text, '\n');
          paragraph = text->len;
        }
    }
  *n_words = i;
  return g_string_free (text, FALSE);
}

/* A note of many pages comes back whole from the report, in order: every
 * numbered word once, across the writer's layout pieces and the pages the
 * row is split over (the words of one column follow each other in the
 * text Poppler extracts). */
static void
test_report_long_note (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  ScsReportOptions options = { .draft = TRUE, .language = "ja" };
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(PopplerDocument) doc = NULL;
  g_autoptr(GRegex) word = g_regex_new ("w([0-9]{5})", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *note = NULL;
  g_autofree char *text = NULL;
  guint n_words, next = 0;

  note = long_note (64 * 1024, &n_words);
  scs_workspace_set_answer (fixture->workspace, "1-2-1-1", SCS_ANSWER_MET, note, NULL, &error);
  g_assert_no_error (error);
  pdf = scs_report_render (fixture->workspace, &options, &error);
  g_assert_no_error (error);
  doc = open_pdf (pdf);
  text = all_text (doc);

  g_regex_match (word, text, 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *number = g_match_info_fetch (match, 1);

      if ((guint) atoi (number) != next)
        g_error ("word %u of the note is w%s", next, number);
      next++;
    }
  g_assert_cmpuint (next, ==, n_words);
  /* the note is long enough to span pages and pieces */
  g_assert_cmpint (poppler_document_get_n_pages (doc), >, 8);
}

static double
peak_rss_mib (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

/* The memory a report takes does not grow with its notes (issue 20): its
 * pages keep which lines of which text go where, not glyphs, and a note is
 * laid out a page's worth at a time. Measured in a process of its own as
 * the growth of the peak RSS from a report without long notes (which loads
 * and subsets the fonts) to one with a note of 512 KiB: that note's glyphs
 * kept for every page took ~60 MiB, its text is ~2 MiB in copies. */
static void
test_report_memory (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  ScsReportOptions options = { .draft = TRUE, .language = "ja" };
  g_autoptr(GBytes) small = NULL;
  g_autoptr(GBytes) large = NULL;
  g_autofree char *note = NULL;
  double before;
  guint n_words;

  if (!g_test_subprocess ())
    {
      /* ASan keeps freed memory in quarantine: RSS says little there */
      if (g_getenv ("ASAN_OPTIONS") != NULL)
        {
          g_test_skip ("peak RSS is not meaningful under AddressSanitizer");
          return;
        }
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  small = scs_report_render (fixture->workspace, &options, &error);
  g_assert_no_error (error);
  before = peak_rss_mib ();
  note = long_note (512 * 1024, &n_words);
  scs_workspace_set_answer (fixture->workspace, "1-2-1-1", SCS_ANSWER_MET, note, NULL, &error);
  g_assert_no_error (error);
  large = scs_report_render (fixture->workspace, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (large), >, g_bytes_get_size (small) + 256 * 1024);
  g_test_message ("peak RSS %.1f MiB, then %.1f MiB", before, peak_rss_mib ());
  g_assert_cmpfloat (peak_rss_mib () - before, <, 20.0);
}

/* KiB of this process's maps of the files of SCS_PDF_FONT_FAMILY that are
 * resident. */
static guint64
font_files_resident_kib (void)
{
  g_autoptr(GHashTable) files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *smaps = NULL;
  g_auto(GStrv) lines = NULL;
  FcPattern *pattern = FcPatternBuild (NULL, FC_FAMILY, FcTypeString, SCS_PDF_FONT_FAMILY, NULL);
  FcObjectSet *objects = FcObjectSetBuild (FC_FILE, NULL);
  FcFontSet *set = FcFontList (NULL, pattern, objects);
  gboolean counting = FALSE;
  guint64 kib = 0;

  for (int i = 0; set != NULL && i < set->nfont; i++)
    {
      FcChar8 *file;

      if (FcPatternGetString (set->fonts[i], FC_FILE, 0, &file) == FcResultMatch)
        g_hash_table_add (files, g_strdup ((const char *) file));
    }
  g_assert_cmpuint (g_hash_table_size (files), >, 0);
  g_clear_pointer (&set, FcFontSetDestroy);
  FcObjectSetDestroy (objects);
  FcPatternDestroy (pattern);

  g_assert_true (g_file_get_contents ("/proc/self/smaps", &smaps, NULL, NULL));
  lines = g_strsplit (smaps, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *path = strchr (lines[i], '/');
      guint64 value;

      if (g_ascii_isxdigit (lines[i][0]) && strchr (lines[i], '-') != NULL && !g_str_has_prefix (lines[i], "Rss"))
        counting = path != NULL && g_hash_table_contains (files, path);
      else if (counting && sscanf (lines[i], "Rss: %" G_GUINT64_FORMAT " kB", &value) == 1)
        kib += value;
    }
  return kib;
}

/* The report's font is read as needed, not mapped whole (issue 20): cairo
 * copies a face's whole CFF table (15 MiB for Noto Sans CJK) to embed it,
 * and through FreeType's map of the font file that left all the table's
 * pages of the map resident as well, ~32 MiB for the regular and bold
 * faces of every report and export. In a process of its own, once a report
 * is written, with its writer still open: what of the family's files is
 * resident (HarfBuzz's maps of the tables it shapes with, ~1 MiB a face). */
static void
test_report_font_unmapped (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  ScsReportOptions options = { .draft = TRUE, .language = "ja" };
  g_autoptr(ScsPdfWriter) writer = NULL;
  g_autoptr(GBytes) pdf = NULL;
  guint64 kib;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  writer = scs_report_build (fixture->workspace, &options, &error);
  g_assert_no_error (error);
  pdf = scs_pdf_writer_finish (writer, &error);
  g_assert_no_error (error);
  kib = font_files_resident_kib ();
  g_test_message ("%" G_GUINT64_FORMAT " KiB of the font files resident", kib);
  g_assert_cmpuint (kib, <, 8 * 1024);
}

int
main (int   argc,
      char *argv[])
{
  /* English until a test asks for Japanese. Not scs_i18n_init ("en") here:
   * GLib decides once, at the first translated string, whether to translate
   * at all, and an English catalog bound at that point turns it off for
   * the process (the Japanese report would stay English). */
  g_setenv ("SCS_LANGUAGE", "en", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/scs/pdf-writer/text-and-pages", test_writer_text_and_pages);
  g_test_add_func ("/scs/pdf-writer/watermark", test_writer_watermark);
  g_test_add_func ("/scs/pdf-writer/long-text", test_writer_long_text);
  g_test_add_func ("/scs/pdf-writer/deterministic", test_writer_deterministic);
  g_test_add_func ("/scs/pdf-writer/fonts-embedded", test_writer_fonts_embedded);
  g_test_add_func ("/scs/pdf-writer/render-page", test_writer_render_page);
  g_test_add ("/scs/report/content", Fixture, NULL, fixture_set_up, test_report_content, fixture_tear_down);
  g_test_add ("/scs/report/star4-missing", Fixture, NULL, fixture_set_up, test_report_star4_missing, fixture_tear_down);
  g_test_add ("/scs/report/deterministic", Fixture, NULL, fixture_set_up, test_report_deterministic, fixture_tear_down);
  g_test_add ("/scs/report/structure/en", Fixture, "en", fixture_set_up, test_report_structure, fixture_tear_down);
  g_test_add ("/scs/report/structure/ja", Fixture, "ja", fixture_set_up, test_report_structure, fixture_tear_down);
  g_test_add ("/scs/report/language", Fixture, NULL, fixture_set_up, test_report_language, fixture_tear_down);
  g_test_add ("/scs/report/local-date", Fixture, NULL, fixture_set_up, test_report_local_date, fixture_tear_down);
  g_test_add ("/scs/report/long-note", Fixture, NULL, fixture_set_up, test_report_long_note, fixture_tear_down);
  g_test_add ("/scs/report/memory", Fixture, NULL, fixture_set_up, test_report_memory, fixture_tear_down);
  g_test_add ("/scs/report/font-unmapped", Fixture, NULL, fixture_set_up, test_report_font_unmapped,
              fixture_tear_down);

  return g_test_run ();
}
