/* test-scope-report.c: the scope diagram in report.pdf and in the exported
 * PDF, read back with Poppler — the Japanese item names are on the scope
 * page, the in-scope frame is drawn there (green pixels when the page is
 * rendered), and an internet-facing system in a DMZ is drawn inside the DMZ
 * network rather than above the boundary
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <poppler.h>

#include "scs-i18n.h"
#include "scs-report.h"
#include "scs-scope.h"

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
  gint64 ot;

  fixture->dir = core_test_make_tmp_dir ("scs-scope-report-XXXXXX");
  fixture->path = g_build_filename (fixture->dir, "test.scsw", NULL);
  fixture->workspace = core_test_workspace_new (fixture->path, "株式会社さくら精機", 4, "山田 花子");
  fixture->scope = scs_scope_get (fixture->workspace, &error);
  g_assert_no_error (error);

  g_assert_true (scs_scope_set_unit (fixture->scope, SCS_SCOPE_UNIT_COMPANY,
                                     "本社と工場の全IT", "本社\n工場", &error));
  core_test_scope_add (fixture->scope, SCS_SCOPE_KIND_NETWORK, "name", "DMZ", "purpose", "公開サーバ", NULL);
  core_test_scope_add (fixture->scope, SCS_SCOPE_KIND_NETWORK, "name", "社内LAN", NULL);
  core_test_scope_add (fixture->scope, SCS_SCOPE_KIND_BOUNDARY, "name", "本社ファイアウォール", "type", "firewall",
                       "administrator", "情報システム課", NULL);
  core_test_scope_add (fixture->scope, SCS_SCOPE_KIND_INTERNET, "name", "公開ウェブ", "type", "web", "zone", "DMZ", NULL);
  core_test_scope_add (fixture->scope, SCS_SCOPE_KIND_INTERNET, "name", "メール中継", "type", "mail", NULL);
  core_test_scope_add (fixture->scope, SCS_SCOPE_KIND_SERVER, "name", "ファイルサーバ", "zone", "社内LAN", NULL);
  core_test_scope_add (fixture->scope, SCS_SCOPE_KIND_CLOUD, "name", "勤怠クラウド", "provider", "サイボウズ", NULL);
  ot = core_test_scope_add (fixture->scope, SCS_SCOPE_KIND_SERVER, "name", "工場制御", NULL);
  g_assert_true (scs_scope_set_status (fixture->scope, ot, SCS_SCOPE_STATUS_EXCLUDED,
                                       "制御系(OT)", "VLAN分離", TRUE, &error));
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

/* Pixels close to the diagram's in-scope green (0.18, 0.49, 0.20). */
static guint
count_green (cairo_surface_t *surface)
{
  const guchar *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint n = 0;

  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
      {
        const guchar *p = data + y * stride + 4 * x;  /* B G R A */

        if (ABS (p[2] - 46) < 30 && ABS (p[1] - 125) < 30 && ABS (p[0] - 51) < 30)
          n++;
      }
  return n;
}

static void
test_report (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  ScsReportOptions options = { 0 };
  g_autoptr(GBytes) pdf = scs_report_render (fixture->workspace, &options, &error);
  g_autoptr(GObject) doc_object = NULL;
  PopplerDocument *doc;
  g_autoptr(GObject) page_object = NULL;
  PopplerPage *page;
  g_autofree char *text = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  int scope_page = -1;
  double w, h;
  guint green;

  g_assert_no_error (error);
  doc = poppler_document_new_from_bytes (pdf, NULL, &error);
  g_assert_no_error (error);
  doc_object = G_OBJECT (doc);
  for (int i = 0; i < poppler_document_get_n_pages (doc) && scope_page < 0; i++)
    {
      g_autoptr(GObject) p_object = G_OBJECT (poppler_document_get_page (doc, i));
      PopplerPage *p = POPPLER_PAGE (p_object);
      g_autofree char *t = poppler_page_get_text (p);

      if (strstr (t, "勤怠クラウド") != NULL)
        scope_page = i;
    }
  g_assert_cmpint (scope_page, >=, 0);

  page = poppler_document_get_page (doc, scope_page);
  page_object = G_OBJECT (page);
  text = poppler_page_get_text (page);
  /* The labels of the diagram, drawn text, with the Japanese names. */
  for (guint i = 0; i < 6; i++)
    {
      const char *needles[] = { "本社ファイアウォール", "公開ウェブ", "ファイルサーバ", "工場制御",
                                "分離", "Internet" };

      if (strstr (text, needles[i]) == NULL)
        g_error ("‘%s’ is not on the scope page: %s", needles[i], text);
    }

  /* Rendered, the page shows the green in-scope frame. */
  poppler_page_get_size (page, &w, &h);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) (w / 2), (int) (h / 2));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, 0.5, 0.5);
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  green = count_green (surface);
  g_test_message ("green pixels on page %d: %u", scope_page + 1, green);
  g_assert_cmpuint (green, >, 300);
  if (g_getenv ("SCS_TEST_KEEP") != NULL)
    cairo_surface_write_to_png (surface, "scope-report-page.png");
  cairo_surface_destroy (surface);
}

/* Centre of the first match of @needle, in PDF points from the top left. */
static void
find_centre (PopplerPage *page,
             const char  *needle,
             double      *x,
             double      *y)
{
  GList *found = poppler_page_find_text (page, needle);
  PopplerRectangle *rect;
  double w, h;

  if (found == NULL)
    g_error ("‘%s’ is not on the page", needle);
  poppler_page_get_size (page, &w, &h);
  rect = found->data;
  *x = (rect->x1 + rect->x2) / 2;
  *y = h - (rect->y1 + rect->y2) / 2;
  g_list_free_full (found, (GDestroyNotify) poppler_rectangle_free);
}

static void
test_dmz (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = g_build_filename (fixture->dir, "scope.pdf", NULL);
  g_autofree char *uri = NULL;
  g_autoptr(GObject) doc_object = NULL;
  PopplerDocument *doc;
  g_autoptr(GObject) page_object = NULL;
  PopplerPage *page;
  double web_x, web_y, dmz_x, dmz_y, lan_x, lan_y, fw_x, fw_y, mail_x, mail_y;

  g_assert_true (scs_scope_export_diagram (fixture->workspace, out, &error));
  g_assert_no_error (error);
  uri = g_filename_to_uri (out, NULL, NULL);
  doc = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  doc_object = G_OBJECT (doc);
  page = poppler_document_get_page (doc, 0);
  page_object = G_OBJECT (page);

  find_centre (page, "公開ウェブ", &web_x, &web_y);
  find_centre (page, "DMZ", &dmz_x, &dmz_y);
  find_centre (page, "社内LAN", &lan_x, &lan_y);
  find_centre (page, "本社ファイアウォール", &fw_x, &fw_y);
  find_centre (page, "メール中継", &mail_x, &mail_y);
  /* In the DMZ's column (nearer its title than the LAN's), below its title
   * and below the boundary device, so inside the in-scope frame. */
  g_assert_cmpfloat (ABS (web_x - dmz_x), <, ABS (web_x - lan_x));
  g_assert_cmpfloat (web_y, >, dmz_y);
  g_assert_cmpfloat (web_y, >, fw_y);
  /* Without a zone: between the internet and the boundary, above it. */
  g_assert_cmpfloat (mail_y, <, fw_y);
}

/* A scope larger than the drawing: eight networks with their servers,
 * equipment without a network, many cloud services and exclusions. Every
 * name is on the page (drawn, or listed below the drawing); the title names
 * company and date; exclusions and exceptions are told apart. */
static void
test_never_drops (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *out = g_build_filename (fixture->dir, "big.pdf", NULL);
  g_autofree char *uri = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GObject) doc_object = NULL;
  g_autoptr(GObject) page_object = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  PopplerDocument *doc;
  ScsScope *scope = fixture->scope;

  for (guint n = 1; n <= 8; n++)
    {
      g_autofree char *network = g_strdup_printf ("Net%u", n);

      core_test_scope_add (scope, SCS_SCOPE_KIND_NETWORK, "name", network, NULL);
      g_ptr_array_add (names, g_strdup (network));
      for (guint s = 1; s <= 3; s++)
        {
          char *server = g_strdup_printf ("Srv%u-%u", n, s);

          core_test_scope_add (scope, SCS_SCOPE_KIND_SERVER, "name", server, "zone", network, NULL);
          g_ptr_array_add (names, server);
        }
    }
  for (guint i = 1; i <= 4; i++)
    {
      char *device = g_strdup_printf ("Loose%u", i);

      core_test_scope_add (scope, SCS_SCOPE_KIND_ENDPOINT, "name", device, NULL);
      g_ptr_array_add (names, device);
    }
  for (guint i = 1; i <= 12; i++)
    {
      char *service = g_strdup_printf ("Cloud%u", i);

      core_test_scope_add (scope, SCS_SCOPE_KIND_CLOUD, "name", service, NULL);
      g_ptr_array_add (names, service);
    }
  for (guint i = 1; i <= 8; i++)
    {
      char *old = g_strdup_printf ("Out%u", i);
      gint64 id = core_test_scope_add (scope, SCS_SCOPE_KIND_ENDPOINT, "name", old, NULL);

      g_assert_true (scs_scope_set_status (scope, id, i % 2 ? SCS_SCOPE_STATUS_EXCEPTION : SCS_SCOPE_STATUS_EXCLUDED,
                                           "Unsupported OS, replaced next year", "Not connected", FALSE, &error));
      g_ptr_array_add (names, old);
    }
  g_assert_no_error (error);

  g_assert_true (scs_scope_export_diagram (fixture->workspace, out, &error));
  g_assert_no_error (error);
  uri = g_filename_to_uri (out, NULL, NULL);
  doc = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  doc_object = G_OBJECT (doc);
  page_object = G_OBJECT (poppler_document_get_page (doc, 0));
  text = poppler_page_get_text (POPPLER_PAGE (page_object));

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = names->pdata[i];
      GList *found = poppler_page_find_text (POPPLER_PAGE (page_object), name);

      if (found == NULL)
        g_error ("the diagram dropped ‘%s’", name);
      g_list_free_full (found, (GDestroyNotify) poppler_rectangle_free);
    }
  g_assert_nonnull (strstr (text, "listed below"));
  g_assert_nonnull (strstr (text, "株式会社さくら精機"));
  g_assert_nonnull (strstr (text, today));
  g_assert_nonnull (strstr (text, "Out of scope: exclusion"));
  g_assert_nonnull (strstr (text, "Out of scope: exception"));
  g_assert_nonnull (strstr (text, "Exception · Separation"));
  g_assert_nonnull (strstr (text, "Excluded · Separation"));
}

/* #15: the scope section speaks the report's language — Japanese here — and
 * carries the inventory with reasons, separations, the cloud split and the
 * expert's marks, not the English summary. */
static void
test_japanese_inventory (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  ScsReportOptions options = { 0 };
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GObject) doc_object = NULL;
  PopplerDocument *doc;
  g_autoptr(GString) text = g_string_new (NULL);
  GListModel *servers = scs_scope_get_items (fixture->scope, SCS_SCOPE_KIND_SERVER);
  gint64 ot = 0;

  for (guint i = 0; i < g_list_model_get_n_items (servers); i++)
    {
      g_autoptr(ScsScopeItem) item = g_list_model_get_item (servers, i);

      if (g_str_equal (scs_scope_item_get_name (item), "工場制御"))
        ot = scs_scope_item_get_id (item);
    }
  g_assert_cmpint (ot, >, 0);
  g_assert_true (scs_scope_set_review (fixture->scope, core_test_expert (), ot, SCS_SCOPE_REVIEW_ACCEPTED,
                                       "分離を現地で確認", &error));
  g_assert_no_error (error);
  core_test_scope_add (fixture->scope, SCS_SCOPE_KIND_CLOUD, "name", "経費クラウド", "provider", "事業者A",
                       "responsibility", "基盤は事業者、利用者管理は当社", "check-method", "ismap", NULL);

  scs_i18n_init ("ja");
  pdf = scs_report_render (fixture->workspace, &options, &error);
  scs_i18n_init ("en");
  g_assert_no_error (error);
  doc = poppler_document_new_from_bytes (pdf, NULL, &error);
  g_assert_no_error (error);
  doc_object = G_OBJECT (doc);
  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      g_autoptr(GObject) p_object = G_OBJECT (poppler_document_get_page (doc, i));
      g_autofree char *t = poppler_page_get_text (POPPLER_PAGE (p_object));

      g_string_append (text, t);
    }
  /* Table cells wrap: compare without the line breaks. */
  g_string_replace (text, "\n", "", 0);
  for (guint i = 0; i < 9; i++)
    {
      const char *needles[] = { "対象範囲の単位", "対象外：1 件", "制御系(OT)", "VLAN分離", "専門家が承認",
                                "分離を現地で確認", "基盤は事業者、利用者管理は当社", "ISMAP登録",
                                "本社、工場" };

      if (strstr (text->str, needles[i]) == NULL)
        g_error ("‘%s’ is not in the Japanese report: %s", needles[i], text->str);
    }
  g_assert_null (strstr (text->str, "Scope unit"));
  g_assert_null (strstr (text->str, "exceptions"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("SCS_LANGUAGE", "en", TRUE);

  g_test_add ("/scs/scope-report/report", Fixture, NULL, fixture_set_up, test_report, fixture_tear_down);
  g_test_add ("/scs/scope-report/dmz", Fixture, NULL, fixture_set_up, test_dmz, fixture_tear_down);
  g_test_add ("/scs/scope-report/never-drops", Fixture, NULL, fixture_set_up, test_never_drops, fixture_tear_down);
  g_test_add ("/scs/scope-report/japanese-inventory", Fixture, NULL, fixture_set_up, test_japanese_inventory,
              fixture_tear_down);

  return g_test_run ();
}
