/* scs-paint-cache.c: what GTK's cairo renderer redraws at every frame, once
 *
 * Two kinds of render node cost a criterion card most of its drawing time
 * with GSK_RENDERER=cairo (tests/gui/card-cost), both for pixels that
 * never change: box shadows and icons.
 *
 * Shadows. libadwaita gives a card and a boxed list three box shadows, two of them
 * blurred. GTK 4.8's cairo renderer draws each outset shadow node again
 * at every frame the card is drawn in: a clip to the outside of the
 * rounded box, four cached corner masks, four sides blurred again, the
 * rest filled through that clip, over the card's whole area. For a
 * criterion card with its evidence list that was more than half of the
 * card's drawing time (tests/gui/card-cost). The shadows of one element
 * share its box; here they are drawn once into an image (in the order GTK
 * draws them), kept by their parameters, and cut into the four strips
 * around the part of the box no shadow reaches (the box less its rounded
 * corners): each frame then paints four small images. The theme's values
 * are used as they come (dark, high contrast), so nothing is copied from
 * it; a change of size or colour is another entry.
 *
 * Icons. A symbolic icon is a texture node under a colour matrix node (its
 * colour). GTK 4.8's cairo renderer converts a texture's every pixel to
 * floats and back whenever it draws it (gdk_memory_convert ()), then
 * recolours it through a group: each icon is drawn once here, as it would
 * be, and kept by its texture (referenced, so the pointer stays its own),
 * colour and place.
 *
 * What is kept is painted by cairo nodes (one paint of an image each);
 * whatever has no whole-pixel place is left as it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "scs-paint-cache.h"

#include <math.h>

/* Shadows kept: a card and its evidence list at a few sizes, per row in
 * view and resting; icons: the content types, buttons and colours of a
 * page. All of a kind are dropped when it is full (a window resized step
 * by step makes a new size at every step). */
#define SHADOWS_MAX 32
#define ICONS_MAX 128

static GHashTable *shadows_kept;   /* key → GskRenderNode */
static GHashTable *icons_kept;     /* IconKey → GskRenderNode */

static void
keep (GHashTable **table,
      guint        max,
      gpointer     key,
      GskRenderNode *node)
{
  if (g_hash_table_size (*table) >= max)
    g_hash_table_remove_all (*table);
  g_hash_table_insert (*table, key, gsk_render_node_ref (node));
}

/* @rect at whole pixels (for a scale of 1 or 2: whole logical pixels) */
static gboolean
is_whole (const graphene_rect_t *rect)
{
  return rect->origin.x == floorf (rect->origin.x) && rect->origin.y == floorf (rect->origin.y) &&
         rect->size.width == floorf (rect->size.width) && rect->size.height == floorf (rect->size.height);
}

/* A cairo node showing @surface (which shows @whole) within @part: a copy
 * of that part, not the whole image kept. Not a texture node (above). */
static GskRenderNode *
image_node (cairo_surface_t       *surface,
            int                    scale,
            const graphene_rect_t *whole,
            const graphene_rect_t *part)
{
  GskRenderNode *node;
  cairo_surface_t *copy;
  cairo_t *cr;

  if (part->size.width <= 0 || part->size.height <= 0)
    return NULL;

  copy = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) part->size.width * scale,
                                     (int) part->size.height * scale);
  cairo_surface_set_device_scale (copy, scale, scale);
  cr = cairo_create (copy);
  cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
  cairo_set_source_surface (cr, surface, whole->origin.x - part->origin.x, whole->origin.y - part->origin.y);
  cairo_paint (cr);
  cairo_destroy (cr);

  node = gsk_cairo_node_new (part);
  cr = gsk_cairo_node_get_draw_context (node);
  cairo_set_source_surface (cr, copy, part->origin.x, part->origin.y);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (copy);
  return node;
}

/* @nodes drawn in turn into a new image of @whole (whole pixels) */
static cairo_surface_t *
draw_nodes (GskRenderNode         **nodes,
            guint                   n,
            int                     scale,
            const graphene_rect_t  *whole)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) whole->size.width * scale,
                                                         (int) whole->size.height * scale);
  cairo_t *cr;

  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  cairo_translate (cr, -whole->origin.x, -whole->origin.y);
  for (guint i = 0; i < n; i++)
    gsk_render_node_draw (nodes[i], cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static void
append_key (GString       *key,
            GskRenderNode *shadow)
{
  const GdkRGBA *color = gsk_outset_shadow_node_get_color (shadow);

  g_string_append_printf (key, "|%g,%g,%g,%g/%g,%g,%g,%g",
                          color->red, color->green, color->blue, color->alpha,
                          gsk_outset_shadow_node_get_dx (shadow), gsk_outset_shadow_node_get_dy (shadow),
                          gsk_outset_shadow_node_get_spread (shadow),
                          gsk_outset_shadow_node_get_blur_radius (shadow));
}

static gboolean
same_outline (const GskRoundedRect *a,
              const GskRoundedRect *b)
{
  if (!graphene_rect_equal (&a->bounds, &b->bounds))
    return FALSE;
  for (guint i = 0; i < 4; i++)
    if (!graphene_size_equal (&a->corner[i], &b->corner[i]))
      return FALSE;
  return TRUE;
}

/* The shadows @shadows[0..n) (of one box, in drawing order) as four
 * image strips, or NULL to keep them as they are. */
static GskRenderNode *
draw_once (GskRenderNode **shadows,
           guint           n,
           int             scale)
{
  const GskRoundedRect *outline = gsk_outset_shadow_node_get_outline (shadows[0]);
  const graphene_rect_t *box = &outline->bounds;
  g_autoptr(GString) key = g_string_new (NULL);
  graphene_rect_t whole, strips[4];
  GskRenderNode *pieces[4];
  GskRenderNode *result;
  cairo_surface_t *surface;
  float x1, y1, x2, y2;
  guint n_pieces = 0;

  g_string_append_printf (key, "%d:%g,%g,%g,%g", scale, box->origin.x, box->origin.y,
                          box->size.width, box->size.height);
  for (guint i = 0; i < 4; i++)
    g_string_append_printf (key, ",%g,%g", outline->corner[i].width, outline->corner[i].height);
  for (guint i = 0; i < n; i++)
    {
      if (!same_outline (gsk_outset_shadow_node_get_outline (shadows[i]), outline))
        return NULL;
      append_key (key, shadows[i]);
    }

  if (shadows_kept == NULL)
    shadows_kept = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) gsk_render_node_unref);
  result = g_hash_table_lookup (shadows_kept, key->str);
  if (result != NULL)
    return gsk_render_node_ref (result);

  /* What no shadow draws on: the box less its rounded corners, in whole
   * pixels (an outset shadow is clipped to the outside of its box). */
  x1 = ceilf (box->origin.x + MAX (outline->corner[GSK_CORNER_TOP_LEFT].width,
                                   outline->corner[GSK_CORNER_BOTTOM_LEFT].width));
  y1 = ceilf (box->origin.y + MAX (outline->corner[GSK_CORNER_TOP_LEFT].height,
                                   outline->corner[GSK_CORNER_TOP_RIGHT].height));
  x2 = floorf (box->origin.x + box->size.width - MAX (outline->corner[GSK_CORNER_TOP_RIGHT].width,
                                                      outline->corner[GSK_CORNER_BOTTOM_RIGHT].width));
  y2 = floorf (box->origin.y + box->size.height - MAX (outline->corner[GSK_CORNER_BOTTOM_LEFT].height,
                                                       outline->corner[GSK_CORNER_BOTTOM_RIGHT].height));
  /* Only a box at whole pixels can be cut at whole pixels. */
  if (x2 <= x1 || y2 <= y1 ||
      box->origin.x != floorf (box->origin.x) || box->origin.y != floorf (box->origin.y))
    return NULL;

  gsk_render_node_get_bounds (shadows[0], &whole);
  for (guint i = 1; i < n; i++)
    {
      graphene_rect_t bounds;

      gsk_render_node_get_bounds (shadows[i], &bounds);
      graphene_rect_union (&whole, &bounds, &whole);
    }
  graphene_rect_round_extents (&whole, &whole);

  surface = draw_nodes (shadows, n, scale, &whole);

  graphene_rect_init (&strips[0], whole.origin.x, whole.origin.y, whole.size.width, y1 - whole.origin.y);
  graphene_rect_init (&strips[1], whole.origin.x, y2, whole.size.width, whole.origin.y + whole.size.height - y2);
  graphene_rect_init (&strips[2], whole.origin.x, y1, x1 - whole.origin.x, y2 - y1);
  graphene_rect_init (&strips[3], x2, y1, whole.origin.x + whole.size.width - x2, y2 - y1);
  for (guint i = 0; i < 4; i++)
    {
      GskRenderNode *piece = image_node (surface, scale, &whole, &strips[i]);

      if (piece != NULL)
        pieces[n_pieces++] = piece;
    }
  cairo_surface_destroy (surface);

  result = gsk_container_node_new (pieces, n_pieces);
  for (guint i = 0; i < n_pieces; i++)
    gsk_render_node_unref (pieces[i]);

  keep (&shadows_kept, SHADOWS_MAX, g_strdup (key->str), result);
  return result;
}

/* Icons ------------------------------------------------------------------- */

typedef struct
{
  GdkTexture      *texture;   /* a reference */
  graphene_rect_t  bounds;
  float            matrix[16];
  float            offset[4];
  gboolean         recoloured;
  int              scale;
} IconKey;

static guint
icon_key_hash (gconstpointer data)
{
  const IconKey *key = data;
  guint hash = g_direct_hash (key->texture) ^ (guint) key->scale;

  hash = hash * 31 + (guint) key->bounds.origin.x;
  hash = hash * 31 + (guint) key->bounds.origin.y;
  for (guint i = 0; i < 4; i++)
    hash = hash * 31 + (guint) (key->matrix[i * 4 + 3] * 255.f) + (guint) (key->offset[i] * 255.f);
  return hash;
}

static gboolean
icon_key_equal (gconstpointer a,
                gconstpointer b)
{
  const IconKey *x = a, *y = b;

  return x->texture == y->texture && x->scale == y->scale && x->recoloured == y->recoloured &&
         graphene_rect_equal (&x->bounds, &y->bounds) &&
         memcmp (x->matrix, y->matrix, sizeof x->matrix) == 0 &&
         memcmp (x->offset, y->offset, sizeof x->offset) == 0;
}

static void
icon_key_free (IconKey *key)
{
  g_object_unref (key->texture);
  g_free (key);
}

/* @node (a texture node, or a colour matrix node over one) drawn once
 * into an image; NULL to keep it as it is. */
static GskRenderNode *
draw_icon_once (GskRenderNode *node,
                int            scale)
{
  gboolean recoloured = gsk_render_node_get_node_type (node) == GSK_COLOR_MATRIX_NODE;
  GskRenderNode *texture_node = recoloured ? gsk_color_matrix_node_get_child (node) : node;
  IconKey key = { 0, };
  GskRenderNode *result;
  cairo_surface_t *surface;

  gsk_render_node_get_bounds (texture_node, &key.bounds);
  if (!is_whole (&key.bounds))
    return NULL;
  key.texture = gsk_texture_node_get_texture (texture_node);
  key.scale = scale;
  key.recoloured = recoloured;
  if (recoloured)
    {
      graphene_matrix_to_float (gsk_color_matrix_node_get_color_matrix (node), key.matrix);
      graphene_vec4_to_float (gsk_color_matrix_node_get_color_offset (node), key.offset);
    }

  if (icons_kept == NULL)
    icons_kept = g_hash_table_new_full (icon_key_hash, icon_key_equal, (GDestroyNotify) icon_key_free,
                                        (GDestroyNotify) gsk_render_node_unref);
  result = g_hash_table_lookup (icons_kept, &key);
  if (result != NULL)
    return gsk_render_node_ref (result);

  surface = draw_nodes (&node, 1, scale, &key.bounds);
  result = image_node (surface, scale, &key.bounds, &key.bounds);
  cairo_surface_destroy (surface);

  g_object_ref (key.texture);
  keep (&icons_kept, ICONS_MAX, g_memdup2 (&key, sizeof key), result);
  return result;
}

static GskRenderNode *rewrite (GskRenderNode *node,
                               int            scale);

static GskRenderNode *
rewrite_container (GskRenderNode *node,
                   int            scale)
{
  guint n = gsk_container_node_get_n_children (node);
  g_autoptr(GPtrArray) children = g_ptr_array_new_full (n, (GDestroyNotify) gsk_render_node_unref);
  gboolean changed = FALSE;

  for (guint i = 0; i < n; )
    {
      GskRenderNode *child = gsk_container_node_get_child (node, i);
      GskRenderNode *done;
      guint run = 0;

      while (i + run < n &&
             gsk_render_node_get_node_type (gsk_container_node_get_child (node, i + run)) == GSK_OUTSET_SHADOW_NODE)
        run++;
      if (run > 0)
        {
          GskRenderNode **shadows = g_newa (GskRenderNode *, run);

          for (guint j = 0; j < run; j++)
            shadows[j] = gsk_container_node_get_child (node, i + j);
          done = draw_once (shadows, run, scale);
          if (done != NULL)
            {
              g_ptr_array_add (children, done);
              changed = TRUE;
            }
          else
            for (guint j = 0; j < run; j++)
              g_ptr_array_add (children, gsk_render_node_ref (shadows[j]));
          i += run;
          continue;
        }

      done = rewrite (child, scale);
      changed |= done != child;
      g_ptr_array_add (children, done);
      i++;
    }

  if (!changed)
    return gsk_render_node_ref (node);
  return gsk_container_node_new ((GskRenderNode **) children->pdata, children->len);
}

/* A new reference: @node itself when nothing below it changed. */
static GskRenderNode *
rewrite (GskRenderNode *node,
         int            scale)
{
  GskRenderNode *child, *done, *result;

  switch (gsk_render_node_get_node_type (node))
    {
    case GSK_CONTAINER_NODE:
      return rewrite_container (node, scale);
    case GSK_OUTSET_SHADOW_NODE:
      done = draw_once (&node, 1, scale);
      return done != NULL ? done : gsk_render_node_ref (node);
    case GSK_TEXTURE_NODE:
      done = draw_icon_once (node, scale);
      return done != NULL ? done : gsk_render_node_ref (node);
    case GSK_COLOR_MATRIX_NODE:
      child = gsk_color_matrix_node_get_child (node);
      if (gsk_render_node_get_node_type (child) == GSK_TEXTURE_NODE)
        {
          done = draw_icon_once (node, scale);
          return done != NULL ? done : gsk_render_node_ref (node);
        }
      break;
    case GSK_TRANSFORM_NODE:
      child = gsk_transform_node_get_child (node);
      break;
    case GSK_OPACITY_NODE:
      child = gsk_opacity_node_get_child (node);
      break;
    case GSK_CLIP_NODE:
      child = gsk_clip_node_get_child (node);
      break;
    case GSK_ROUNDED_CLIP_NODE:
      child = gsk_rounded_clip_node_get_child (node);
      break;
    case GSK_DEBUG_NODE:
      child = gsk_debug_node_get_child (node);
      break;
    default:
      return gsk_render_node_ref (node);
    }

  done = rewrite (child, scale);
  if (done == child)
    {
      gsk_render_node_unref (done);
      return gsk_render_node_ref (node);
    }

  switch (gsk_render_node_get_node_type (node))
    {
    case GSK_TRANSFORM_NODE:
      result = gsk_transform_node_new (done, gsk_transform_node_get_transform (node));
      break;
    case GSK_OPACITY_NODE:
      result = gsk_opacity_node_new (done, gsk_opacity_node_get_opacity (node));
      break;
    case GSK_CLIP_NODE:
      result = gsk_clip_node_new (done, gsk_clip_node_get_clip (node));
      break;
    case GSK_ROUNDED_CLIP_NODE:
      result = gsk_rounded_clip_node_new (done, gsk_rounded_clip_node_get_clip (node));
      break;
    case GSK_COLOR_MATRIX_NODE:
      result = gsk_color_matrix_node_new (done, gsk_color_matrix_node_get_color_matrix (node),
                                          gsk_color_matrix_node_get_color_offset (node));
      break;
    case GSK_DEBUG_NODE:
    default:
      result = gsk_debug_node_new (done, g_strdup (gsk_debug_node_get_message (node)));
      break;
    }
  gsk_render_node_unref (done);
  return result;
}

GskRenderNode *
scs_paint_cache_rewrite (GskRenderNode *node)
{
  g_return_val_if_fail (GSK_IS_RENDER_NODE (node), NULL);

  return rewrite (node, 1);
}

void
scs_paint_cache_snapshot_child (GtkWidget   *widget,
                                GtkWidget   *child,
                                GtkSnapshot *snapshot)
{
  GtkSnapshot *inner = gtk_snapshot_new ();
  GskRenderNode *node, *done;

  gtk_widget_snapshot_child (widget, child, inner);
  node = gtk_snapshot_free_to_node (inner);
  if (node == NULL)
    return;
  done = rewrite (node, gtk_widget_get_scale_factor (widget));
  gtk_snapshot_append_node (snapshot, done);
  gsk_render_node_unref (done);
  gsk_render_node_unref (node);
}
