/* card-cost.c: what one criterion card costs to measure, lay out and paint
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * card-cost [N] [PNG]: one ScsCriterionRow bound to a ★4 criterion of the
 * catalog bench-gui-latency imports (the official workbook's layout), answered with a note and seven evidence files, alone in
 * a window (the app's style.css loaded as the app does). Then, N times each
 * (thread CPU time, medians and p90):
 *
 *   measure   the row's height for a width it was not measured at
 *   allocate  the row allocated at that width (its children laid out)
 *   snapshot  every widget of the row asked for its render nodes again
 *   render    the row's nodes drawn by cairo into an image surface, as
 *             GSK_RENDERER=cairo does (gsk_render_node_draw())
 *
 * and the same render with the nodes of one kind left out (their children
 * kept), which is what that kind costs, the variants taking turns. It
 * counts the row's widgets (by type) and render nodes (by kind), and gives
 * each part of the card (the children of its box) alone, and what the row
 * costs when given another criterion (bind, then the frame's layout and
 * snapshot) and what a new row costs to make. PNG: the row as
 * drawn, to compare before and after a change. CARD_COST_RENDER_ONLY=all
 * or =shadows: only draws the card (or its shadows) N times, for perf.
 * Not a test: figures, to be read (docs/benchmarks.md).
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "../core/fixtures/xlsx/xlsx-builder.h"
#include "gui-test-util.h"
#include "scs-catalog-import.h"
#include "scs-paint-cache.h"
#include "scs-criterion-row.h"
#include "scs-i18n.h"
#include "scs-ui-resources.h"
#include "scs-workspace.h"

static gint64
cpu_ns (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static int
cmp_gint64 (gconstpointer a,
            gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static void
report (const char *what,
        GArray     *ns)
{
  g_array_sort (ns, cmp_gint64);
  printf ("  %-34s p50 %7.3f ms  p90 %7.3f ms\n", what,
          g_array_index (ns, gint64, ns->len / 2) / 1e6,
          g_array_index (ns, gint64, ns->len * 9 / 10) / 1e6);
}

/* Widgets ------------------------------------------------------------------ */

static void
count_widgets (GtkWidget  *widget,
               GHashTable *by_type,
               guint      *n,
               guint      *n_visible)
{
  const char *name = G_OBJECT_TYPE_NAME (widget);

  (*n)++;
  if (gtk_widget_get_visible (widget))
    (*n_visible)++;
  g_hash_table_insert (by_type, (gpointer) name,
                       GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (by_type, name)) + 1));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    count_widgets (child, by_type, n, n_visible);
}

static void
queue_draw_all (GtkWidget *widget)
{
  gtk_widget_queue_draw (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    queue_draw_all (child);
}

/* Render nodes --------------------------------------------------------------- */

static const char *
node_kind (GskRenderNodeType type)
{
  static GEnumClass *klass;
  GEnumValue *value;

  if (klass == NULL)
    klass = g_type_class_ref (GSK_TYPE_RENDER_NODE_TYPE);
  value = g_enum_get_value (klass, type);
  return value ? value->value_nick : "?";
}


static void
count_node (GskRenderNode *node,
            gpointer       data)
{
  GHashTable *by_kind = data;
  const char *kind = node_kind (gsk_render_node_get_node_type (node));

  if (gsk_render_node_get_node_type (node) == GSK_OUTSET_SHADOW_NODE &&
      gsk_outset_shadow_node_get_blur_radius (node) > 0)
    kind = "outset-shadow (blurred)";
  g_hash_table_insert (by_kind, (gpointer) kind,
                       GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (by_kind, kind)) + 1));
}

/* @node without the nodes of type @type: a leaf becomes nothing, a node
 * with one child its child. */
static GskRenderNode *
without (GskRenderNode     *node,
         GskRenderNodeType  type)
{
  GskRenderNodeType t = gsk_render_node_get_node_type (node);
  GskRenderNode *child, *result;
  graphene_rect_t bounds;

#define ONE(getter, remake) \
  child = without (getter (node), type); \
  if (child == NULL) \
    return NULL; \
  if (t == type) \
    return child; \
  result = remake; \
  gsk_render_node_unref (child); \
  return result;

  switch (t)
    {
    case GSK_CONTAINER_NODE:
      {
        g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func ((GDestroyNotify) gsk_render_node_unref);

        for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
          {
            child = without (gsk_container_node_get_child (node, i), type);
            if (child != NULL)
              g_ptr_array_add (kept, child);
          }
        return gsk_container_node_new ((GskRenderNode **) kept->pdata, kept->len);
      }
    case GSK_TRANSFORM_NODE:
      ONE (gsk_transform_node_get_child, gsk_transform_node_new (child, gsk_transform_node_get_transform (node)))
    case GSK_OPACITY_NODE:
      ONE (gsk_opacity_node_get_child, gsk_opacity_node_new (child, gsk_opacity_node_get_opacity (node)))
    case GSK_CLIP_NODE:
      ONE (gsk_clip_node_get_child, gsk_clip_node_new (child, gsk_clip_node_get_clip (node)))
    case GSK_ROUNDED_CLIP_NODE:
      ONE (gsk_rounded_clip_node_get_child, gsk_rounded_clip_node_new (child, gsk_rounded_clip_node_get_clip (node)))
    case GSK_DEBUG_NODE:
      ONE (gsk_debug_node_get_child, gsk_debug_node_new (child, g_strdup (gsk_debug_node_get_message (node))))
    case GSK_COLOR_MATRIX_NODE:
      ONE (gsk_color_matrix_node_get_child,
           gsk_color_matrix_node_new (child, gsk_color_matrix_node_get_color_matrix (node),
                                      gsk_color_matrix_node_get_color_offset (node)))
    default:
      if (t == type)
        return NULL;
      gsk_render_node_get_bounds (node, &bounds);
      return gsk_render_node_ref (node);
    }
#undef ONE
}

static gint64 render_ns (GskRenderNode *node, cairo_surface_t *surface, graphene_rect_t *bounds);
static cairo_surface_t *new_surface (GskRenderNode *node, graphene_rect_t *bounds);

static gboolean
same_pixels (GskRenderNode *a,
             GskRenderNode *b)
{
  graphene_rect_t bounds;
  cairo_surface_t *sa = new_surface (a, &bounds), *sb = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
    cairo_image_surface_get_width (sa), cairo_image_surface_get_height (sa));
  gboolean same;
  int stride, h, differ = 0, most = 0;

  render_ns (a, sa, &bounds);
  render_ns (b, sb, &bounds);
  stride = cairo_image_surface_get_stride (sa);
  h = cairo_image_surface_get_height (sa);
  for (int i = 0; i < stride * h; i++)
    {
      int d = abs (cairo_image_surface_get_data (sa)[i] - cairo_image_surface_get_data (sb)[i]);

      differ += d != 0;
      most = MAX (most, d);
    }
  same = differ == 0;
  printf ("  as the row draws it: %d bytes of %d differ, by %d at most\n", differ, stride * h, most);
  cairo_surface_destroy (sa);
  cairo_surface_destroy (sb);
  return same;
}

static cairo_surface_t *
new_surface (GskRenderNode *node,
             graphene_rect_t *bounds)
{
  gsk_render_node_get_bounds (node, bounds);
  return cairo_image_surface_create (CAIRO_FORMAT_ARGB32, ceil (bounds->size.width), ceil (bounds->size.height));
}

static gint64
render_ns (GskRenderNode   *node,
           cairo_surface_t *surface,
           graphene_rect_t *bounds)
{
  cairo_t *cr = cairo_create (surface);
  gint64 start;

  /* What the window's back buffer holds under the card. */
  cairo_set_source_rgb (cr, 0xfa / 255., 0xfa / 255., 0xfa / 255.);
  cairo_paint (cr);
  cairo_translate (cr, -bounds->origin.x, -bounds->origin.y);
  start = cpu_ns ();
  gsk_render_node_draw (node, cr);
  cairo_surface_flush (surface);
  start = cpu_ns () - start;
  cairo_destroy (cr);
  return start;
}

/* The card ------------------------------------------------------------------ */

/* The render nodes of @widget, made again for the widgets queued to draw
 * (GtkWidgetPaintable would only hand out the ones it has). */
static GskRenderNode *
snapshot_row (GtkWidget *widget)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();

  gtk_widget_snapshot_child (gtk_widget_get_parent (widget), widget, snapshot);
  return gtk_snapshot_free_to_node (snapshot);
}

static const ScsCriterion *
star4_criterion (ScsWorkspace *workspace)
{
  const GPtrArray *criteria = scs_catalog_get_criteria (scs_workspace_get_catalog (workspace));

  for (guint i = 0; i < criteria->len; i++)
    {
      const ScsCriterion *criterion = criteria->pdata[i];

      if (criterion->level == 4)
        return criterion;
    }
  g_error ("no ★4 criterion in the catalog");
}

static ScsWorkspace *
star4_workspace (const char      *path,
                 ScsOrganization *org)
{
  g_autoptr(GPtrArray) spec = spec_official ();
  g_autoptr(GBytes) workbook = build_catalog_workbook (spec, BREAK_NONE, NULL, "2026-03-27T09:00:00Z");
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsCatalog) catalog = scs_catalog_import_xlsx (workbook, NULL, NULL, &error);
  ScsWorkspace *workspace;

  g_assert_no_error (error);
  workspace = scs_workspace_create (path, org, 4, catalog, &error);
  g_assert_no_error (error);
  return workspace;
}

/* Seven files; @salt makes their contents (so their hashes) another set. */
static void
add_evidence (ScsWorkspace *workspace,
              const char   *dir,
              const char   *criterion_id,
              guint         salt)
{
  static const char * const names[] = {
    "情報セキュリティ基本方針.pdf", "委託先管理規程_v3.docx", "2026年度_教育実施記録.xlsx",
    "アクセス権限一覧.csv", "ログ保管手順書.pdf", "外部委託先チェックリスト.xlsx", "議事録_2026-04-01.txt",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      g_autofree char *content = g_strdup_printf ("証跡 %u-%u（カードの計測用）\n", salt, i);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autofree char *sha256 = NULL;

      g_file_set_contents (path, content, -1, &error);
      g_assert_no_error (error);
      sha256 = scs_workspace_add_evidence (workspace, criterion_id, file, NULL, &error);
      g_assert_no_error (error);
    }
}

static void
print_counts (const char *title,
              GHashTable *table)
{
  GList *keys = g_list_sort (g_hash_table_get_keys (table), (GCompareFunc) g_strcmp0);

  printf ("%s\n", title);
  for (GList *l = keys; l; l = l->next)
    printf ("  %-30s %4u\n", (char *) l->data, GPOINTER_TO_UINT (g_hash_table_lookup (table, l->data)));
  g_list_free (keys);
}

int
main (int    argc,
      char **argv)
{
  guint n = argc > 1 ? (guint) atoi (argv[1]) : 200;
  const char *png = argc > 2 ? argv[2] : NULL;
  g_autoptr(ScsOrganization) org = gui_test_sample_organization ("株式会社カード精機");
  g_autofree char *dir = gui_test_make_tmp_dir ("scs-card-cost-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "card.scsw", NULL);
  g_autoptr(ScsWorkspace) workspace = NULL;
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();
  g_autoptr(GHashTable) widgets = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) nodes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) t_measure = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) t_allocate = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) t_snapshot = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) t_render = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  const ScsCriterion *criterion;
  GtkWidget *window, *scrolled, *row;
  ScsAnswer *answer;
  GskRenderNode *node, *gtk_own;
  graphene_rect_t bounds;
  cairo_surface_t *surface;
  guint n_widgets = 0, n_visible = 0;
  int width = 900;

  gui_test_init (&argc, &argv, "ja");
  gtk_css_provider_load_from_resource (css, "/jp/scsworkbench/Workbench/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  workspace = star4_workspace (path, org);
  criterion = star4_criterion (workspace);
  g_assert_true (scs_workspace_set_answer (workspace, criterion->id, SCS_ANSWER_MET,
                                           "規程第12条で定め、年1回見直している。記録は台帳に残す。", NULL, &error));
  g_assert_no_error (error);
  add_evidence (workspace, dir, criterion->id, 0);
  answer = scs_workspace_lookup_answer (workspace, criterion->id);

  window = gtk_window_new ();
  scrolled = gtk_scrolled_window_new ();
  gtk_window_set_child (GTK_WINDOW (window), scrolled);
  row = scs_criterion_row_new (workspace, answer);
  gtk_widget_set_margin_start (row, 12);
  gtk_widget_set_margin_end (row, 12);
  gtk_widget_set_margin_top (row, 12);
  gtk_widget_set_margin_bottom (row, 12);
  gtk_widget_set_valign (row, GTK_ALIGN_START);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), row);
  gui_test_present_window (GTK_WINDOW (window), width + 24, 1000);
  gui_test_wait_for_widget (row, 10, GUI_TEST_WAIT_LAID_OUT);

  count_widgets (row, widgets, &n_widgets, &n_visible);
  printf ("criterion %s (★%u), %u evidence files\n", criterion->id, criterion->level, 7);
  printf ("widgets: %u (%u visible)\n", n_widgets, n_visible);
  print_counts ("widgets by type:", widgets);

  width = gtk_widget_get_width (row);
  node = snapshot_row (row);
  gui_test_walk_render_nodes (node, count_node, nodes);
  print_counts ("render nodes by kind, as the row draws them:", nodes);
  /* The card's box as GTK itself draws it (the row keeps some of it). */
  gtk_own = snapshot_row (gtk_widget_get_first_child (row));
  {
    g_autoptr(GHashTable) theirs = g_hash_table_new (g_str_hash, g_str_equal);

    gui_test_walk_render_nodes (gtk_own, count_node, theirs);
    print_counts ("render nodes by kind, as GTK draws them:", theirs);
  }

  /* For perf: the card drawn again and again, nothing else. */
  if (g_getenv ("CARD_COST_RENDER_ONLY") != NULL)
    {
      GskRenderNode *only = g_str_equal (g_getenv ("CARD_COST_RENDER_ONLY"), "shadows")
                            ? without (without (without (without (without (node, GSK_TEXT_NODE), GSK_TEXTURE_NODE),
                                                         GSK_COLOR_NODE), GSK_BORDER_NODE), GSK_COLOR_MATRIX_NODE)
                            : gsk_render_node_ref (node);

      surface = new_surface (node, &bounds);
      for (guint i = 0; i < n; i++)
        render_ns (only, surface, &bounds);
      return 0;
    }

  /* N relayouts at new widths, each followed by a snapshot and a render. */
  for (guint i = 0; i < n; i++)
    {
      int w = width - 200 + (int) (i % 97) * 2;
      int min, nat;
      gint64 start;
      GskRenderNode *frame;

      start = cpu_ns ();
      gtk_widget_measure (row, GTK_ORIENTATION_VERTICAL, w, &min, &nat, NULL, NULL);
      g_array_append_val (t_measure, (gint64) { cpu_ns () - start });

      start = cpu_ns ();
      gtk_widget_allocate (row, w, nat, -1, NULL);
      g_array_append_val (t_allocate, (gint64) { cpu_ns () - start });

      queue_draw_all (row);
      start = cpu_ns ();
      frame = snapshot_row (row);
      g_array_append_val (t_snapshot, (gint64) { cpu_ns () - start });

      surface = new_surface (frame, &bounds);
      g_array_append_val (t_render, (gint64) { render_ns (frame, surface, &bounds) });
      cairo_surface_destroy (surface);
      gsk_render_node_unref (frame);
    }
  printf ("per relayout at a new width, thread CPU, %u times:\n", n);
  report ("measure (height for a new width)", t_measure);
  report ("allocate", t_allocate);
  report ("snapshot (every widget)", t_snapshot);
  report ("render (cairo, image surface)", t_render);

  /* What each kind of node costs to draw: the card drawn without it, the
   * variants taking turns so that the machine's load falls on all alike. */
  printf ("render of the card as GTK draws it, as the row draws it (shadows and icons kept:\n"
          "scs-paint-cache.c), and as GTK would without one kind of node (p50, min; saved at the p50):\n");
  {
    static const GskRenderNodeType kinds[] = {
      GSK_NOT_A_RENDER_NODE, GSK_NOT_A_RENDER_NODE, GSK_OUTSET_SHADOW_NODE, GSK_TEXT_NODE, GSK_BORDER_NODE,
      GSK_COLOR_NODE, GSK_ROUNDED_CLIP_NODE, GSK_TEXTURE_NODE, GSK_COLOR_MATRIX_NODE, GSK_OPACITY_NODE,
    };
    GskRenderNode *variants[G_N_ELEMENTS (kinds)];
    GArray *t[G_N_ELEMENTS (kinds)];
    gint64 base = 0;

    surface = new_surface (gtk_own, &bounds);
    for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
      {
        variants[k] = k == 0 ? gsk_render_node_ref (gtk_own) : k == 1 ? scs_paint_cache_rewrite (gtk_own)
                                                                 : without (gtk_own, kinds[k]);
        t[k] = g_array_new (FALSE, FALSE, sizeof (gint64));
      }
    same_pixels (variants[0], variants[1]);
    for (guint i = 0; i < n; i++)
      for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
        g_array_append_val (t[k], (gint64) { render_ns (variants[k], surface, &bounds) });
    render_ns (variants[1], surface, &bounds);
    if (png != NULL)
      cairo_surface_write_to_png (surface, png);
    cairo_surface_destroy (surface);

    for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
      {
        gint64 p50;

        g_array_sort (t[k], cmp_gint64);
        p50 = g_array_index (t[k], gint64, t[k]->len / 2);
        if (k == 0)
          base = p50;
        printf ("  %-30s %7.3f ms  %7.3f ms  (%+.3f)\n", k == 0 ? "(all, as GTK draws it)" : k == 1 ? "(all, as the row draws it)" : node_kind (kinds[k]),
                p50 / 1e6, g_array_index (t[k], gint64, 0) / 1e6, (base - p50) / 1e6);
        g_array_unref (t[k]);
        gsk_render_node_unref (variants[k]);
      }
  }

  /* Each part of the card: its own measure + snapshot + render. */
  printf ("parts of the card (p50 measure / snapshot / render ms, nodes):\n");
  {
    GtkWidget *box = gtk_widget_get_first_child (row);

    for (GtkWidget *part = gtk_widget_get_first_child (box); part; part = gtk_widget_get_next_sibling (part))
      {
        g_autoptr(GArray) tm = g_array_new (FALSE, FALSE, sizeof (gint64));
        g_autoptr(GArray) ts = g_array_new (FALSE, FALSE, sizeof (gint64));
        g_autoptr(GArray) tr = g_array_new (FALSE, FALSE, sizeof (gint64));
        g_autoptr(GHashTable) part_nodes = g_hash_table_new (g_str_hash, g_str_equal);
        guint pn = 0, pv = 0, total = 0;
        g_autoptr(GHashTable) part_widgets = g_hash_table_new (g_str_hash, g_str_equal);
        int pw = gtk_widget_get_width (part);
        GHashTableIter iter;
        gpointer value;

        if (!gtk_widget_get_visible (part) || pw == 0)
          continue;
        for (guint i = 0; i < n; i++)
          {
            int w = pw - 100 + (int) (i % 97) * 2;
            gint64 start = cpu_ns ();
            GskRenderNode *pnode;

            gtk_widget_measure (part, GTK_ORIENTATION_VERTICAL, w, NULL, NULL, NULL, NULL);
            g_array_append_val (tm, (gint64) { cpu_ns () - start });
            queue_draw_all (part);
            start = cpu_ns ();
            pnode = snapshot_row (part);
            g_array_append_val (ts, (gint64) { cpu_ns () - start });
            if (pnode == NULL)
              continue;
            surface = new_surface (pnode, &bounds);
            g_array_append_val (tr, (gint64) { render_ns (pnode, surface, &bounds) });
            cairo_surface_destroy (surface);
            if (i == 0)
              gui_test_walk_render_nodes (pnode, count_node, part_nodes);
            gsk_render_node_unref (pnode);
          }
        g_array_sort (tm, cmp_gint64);
        g_array_sort (ts, cmp_gint64);
        g_array_sort (tr, cmp_gint64);
        count_widgets (part, part_widgets, &pn, &pv);
        g_hash_table_iter_init (&iter, part_nodes);
        while (g_hash_table_iter_next (&iter, NULL, &value))
          total += GPOINTER_TO_UINT (value);
        printf ("  %-22s %-14s %6.3f / %6.3f / %6.3f   %3u widgets, %3u nodes\n",
                G_OBJECT_TYPE_NAME (part), gtk_buildable_get_buildable_id (GTK_BUILDABLE (part)) ?: "",
                g_array_index (tm, gint64, tm->len / 2) / 1e6,
                g_array_index (ts, gint64, ts->len / 2) / 1e6,
                tr->len ? g_array_index (tr, gint64, tr->len / 2) / 1e6 : 0.0, pn, total);
      }
  }

  /* The row given another criterion (seven other files) and back, as the
   * checklist gives its rows: the item bound, then laid out and
   * snapshotted as the next frame would. */
  {
    const GPtrArray *criteria = scs_catalog_get_criteria (scs_workspace_get_catalog (workspace));
    const ScsCriterion *other = criteria->pdata[criteria->pdata[0] == criterion ? 1 : 0];
    g_autoptr(GArray) t_bind = g_array_new (FALSE, FALSE, sizeof (gint64));
    g_autoptr(GArray) t_frame = g_array_new (FALSE, FALSE, sizeof (gint64));
    ScsChecklistItem *items[2];

    add_evidence (workspace, dir, other->id, 1);
    items[0] = scs_checklist_item_new_criterion (workspace, answer, row);
    items[1] = scs_checklist_item_new_criterion (workspace, scs_workspace_lookup_answer (workspace, other->id), row);
    for (guint i = 0; i < n; i++)
      {
        gint64 start = cpu_ns ();
        GskRenderNode *frame;
        int min, nat;

        scs_criterion_row_set_item (SCS_CRITERION_ROW (row), items[(i + 1) % 2]);
        g_array_append_val (t_bind, (gint64) { cpu_ns () - start });
        start = cpu_ns ();
        gtk_widget_measure (row, GTK_ORIENTATION_VERTICAL, width, &min, &nat, NULL, NULL);
        gtk_widget_allocate (row, width, nat, -1, NULL);
        frame = snapshot_row (row);
        g_array_append_val (t_frame, (gint64) { cpu_ns () - start });
        gsk_render_node_unref (frame);
      }
    printf ("the row given another criterion's item (seven other files), thread CPU, %u times:\n", n);
    report ("bind (set_item)", t_bind);
    report ("then measure, allocate, snapshot", t_frame);

    /* A row made for the criterion, as the checklist makes one when its
     * resting rows are all in use: the template, the item and the files. */
    g_array_set_size (t_bind, 0);
    for (guint i = 0; i < n; i++)
      {
        gint64 start = cpu_ns ();
        GtkWidget *made = g_object_ref_sink (scs_criterion_row_new (workspace, answer));

        g_array_append_val (t_bind, (gint64) { cpu_ns () - start });
        g_object_unref (made);
      }
    report ("a new row (scs_criterion_row_new)", t_bind);
    g_object_unref (items[0]);
    g_object_unref (items[1]);
  }

  gsk_render_node_unref (node);
  gsk_render_node_unref (gtk_own);
  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&workspace);
  gui_test_remove_tree (dir);
  return 0;
}
