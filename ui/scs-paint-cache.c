/* scs-paint-cache.c: what GTK's cairo renderer redraws at every frame, once
 *
 * Two kinds of render node cost a criterion card most of its drawing time
 * with GSK_RENDERER=cairo (tests/gui/card-cost), both for pixels that
 * never change: box shadows and icons.
 *
 * Shadows. libadwaita gives a card and a boxed list three box shadows,
 * two of them blurred. GTK 4.8's cairo renderer draws each outset shadow
 * node again at every frame the card is drawn in: a clip to the outside
 * of the rounded box, four cached corner masks, four sides blurred again,
 * the rest filled through that clip, over the card's whole area. For a
 * criterion card with its evidence list that was more than half of the
 * card's drawing time. The shadows of one element share its box; here
 * they are drawn once (in GTK's order) for the smallest box with the same
 * corners and cut in nine: each frame paints the four corners and repeats
 * a line of pixels along each side, whatever the box's size. The theme's
 * values are used as they come (dark, high contrast): nothing is copied
 * from it.
 *
 * Icons. A symbolic icon is a texture node under a colour matrix node (its
 * colour). GTK 4.8's cairo renderer converts a texture's every pixel to
 * floats and back whenever it draws it (gdk_memory_convert ()), then
 * recolours it through a group: each icon is drawn once here, as it would
 * be, and kept by its texture (referenced, so the pointer stays its own),
 * colour and place.
 *
 * What is kept is painted by cairo nodes (one paint of an image each);
 * whatever has no whole-pixel place is left as it was. Only for the cairo
 * renderer (the GUI tests', the benchmark's, a machine without GL): the
 * GL renderers draw shadows and icons on the GPU and keep them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "scs-paint-cache.h"

#include <math.h>

/* Shadows kept by corners, colours and offsets, whatever the size of the
 * box (a few: cards, boxed lists, light and dark), and their nodes by box
 * (the cards in view and resting); icons by texture, colour and place.
 * All of a kind are dropped when it is full. */
#define SHADOWS_MAX 64
#define PLACED_MAX 128
#define ICONS_MAX 128

static GHashTable *shadows_kept;   /* key → Slices (below) */
static GHashTable *shadows_placed; /* key and box → GskRenderNode of the slices */
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

/* The shadows of one box, drawn once for a small box with the same
 * corners, cut in nine: the four corners, and a line of pixels across
 * each side (along a straight side, every line across it is the same:
 * GTK itself blurs one and repeats it). The middle is inside the box,
 * where no outset shadow draws. Whole pixels; @out: how far the shadows
 * reach outside the box on each side; @zone: how far into the box from
 * each side the corners reach (the corner radius and the shadows'
 * reach). */
typedef struct
{
  cairo_surface_t *corner[4];   /* GskCorner order */
  cairo_surface_t *side[4];     /* top, right, bottom, left */
  float            out[4];      /* top, right, bottom, left */
  float            zone[4];
} Slices;

enum { TOP, RIGHT, BOTTOM, LEFT };

static void
slices_free (Slices *slices)
{
  for (guint i = 0; i < 4; i++)
    {
      cairo_surface_destroy (slices->corner[i]);
      cairo_surface_destroy (slices->side[i]);
    }
  g_free (slices);
}

/* The part @part of @surface (which shows @whole), copied. */
static cairo_surface_t *
cut (cairo_surface_t       *surface,
     int                    scale,
     const graphene_rect_t *whole,
     const graphene_rect_t *part)
{
  cairo_surface_t *copy = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) part->size.width * scale,
                                                      (int) part->size.height * scale);
  cairo_t *cr;

  cairo_surface_set_device_scale (copy, scale, scale);
  cr = cairo_create (copy);
  cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
  cairo_set_source_surface (cr, surface, whole->origin.x - part->origin.x, whole->origin.y - part->origin.y);
  cairo_paint (cr);
  cairo_destroy (cr);
  return copy;
}

/* A cairo node painting @piece at @rect, repeated to fill it when
 * @repeat. */
static GskRenderNode *
piece_node (cairo_surface_t       *piece,
            const graphene_rect_t *rect,
            gboolean               repeat)
{
  GskRenderNode *node;
  cairo_t *cr;

  if (rect->size.width <= 0 || rect->size.height <= 0)
    return NULL;
  node = gsk_cairo_node_new (rect);
  cr = gsk_cairo_node_get_draw_context (node);
  cairo_set_source_surface (cr, piece, rect->origin.x, rect->origin.y);
  if (repeat)
    cairo_pattern_set_extend (cairo_get_source (cr), CAIRO_EXTEND_REPEAT);
  cairo_paint (cr);
  cairo_destroy (cr);
  return node;
}

static Slices *
slice (GskRenderNode        **shadows,
       guint                  n,
       int                    scale,
       const GskRoundedRect  *outline,
       const float           *out)
{
  Slices *slices = g_new0 (Slices, 1);
  GskRenderNode **model = g_newa (GskRenderNode *, n);
  GskRoundedRect small = *outline;
  graphene_rect_t whole, part;
  cairo_surface_t *surface;
  float reach = 0, width, height;

  /* How far into the box a shadow can differ from its straight sides. */
  for (guint i = 0; i < n; i++)
    reach = MAX (reach, fabsf (gsk_outset_shadow_node_get_dx (shadows[i])) +
                        fabsf (gsk_outset_shadow_node_get_dy (shadows[i])) +
                        fabsf (gsk_outset_shadow_node_get_spread (shadows[i])));
  for (guint i = 0; i < 4; i++)
    reach = MAX (reach, out[i]);
  reach = ceilf (reach) + 2;
  memcpy (slices->out, out, sizeof slices->out);
  slices->zone[TOP] = ceilf (MAX (outline->corner[GSK_CORNER_TOP_LEFT].height,
                                  outline->corner[GSK_CORNER_TOP_RIGHT].height)) + reach;
  slices->zone[BOTTOM] = ceilf (MAX (outline->corner[GSK_CORNER_BOTTOM_LEFT].height,
                                     outline->corner[GSK_CORNER_BOTTOM_RIGHT].height)) + reach;
  slices->zone[LEFT] = ceilf (MAX (outline->corner[GSK_CORNER_TOP_LEFT].width,
                                   outline->corner[GSK_CORNER_BOTTOM_LEFT].width)) + reach;
  slices->zone[RIGHT] = ceilf (MAX (outline->corner[GSK_CORNER_TOP_RIGHT].width,
                                    outline->corner[GSK_CORNER_BOTTOM_RIGHT].width)) + reach;

  /* The smallest box with one line of straight side between its corners */
  width = slices->zone[LEFT] + 1 + slices->zone[RIGHT];
  height = slices->zone[TOP] + 1 + slices->zone[BOTTOM];
  graphene_rect_init (&small.bounds, 0, 0, width, height);
  for (guint i = 0; i < n; i++)
    model[i] = gsk_outset_shadow_node_new (&small, gsk_outset_shadow_node_get_color (shadows[i]),
                                           gsk_outset_shadow_node_get_dx (shadows[i]),
                                           gsk_outset_shadow_node_get_dy (shadows[i]),
                                           gsk_outset_shadow_node_get_spread (shadows[i]),
                                           gsk_outset_shadow_node_get_blur_radius (shadows[i]));
  graphene_rect_init (&whole, -out[LEFT], -out[TOP], out[LEFT] + width + out[RIGHT],
                      out[TOP] + height + out[BOTTOM]);
  surface = draw_nodes (model, n, scale, &whole);
  for (guint i = 0; i < n; i++)
    gsk_render_node_unref (model[i]);

#define CUT(x, y, w, h) (graphene_rect_init (&part, x, y, w, h), cut (surface, scale, &whole, &part))
  slices->corner[GSK_CORNER_TOP_LEFT] = CUT (-out[LEFT], -out[TOP], out[LEFT] + slices->zone[LEFT],
                                             out[TOP] + slices->zone[TOP]);
  slices->corner[GSK_CORNER_TOP_RIGHT] = CUT (width - slices->zone[RIGHT], -out[TOP],
                                              slices->zone[RIGHT] + out[RIGHT], out[TOP] + slices->zone[TOP]);
  slices->corner[GSK_CORNER_BOTTOM_RIGHT] = CUT (width - slices->zone[RIGHT], height - slices->zone[BOTTOM],
                                                 slices->zone[RIGHT] + out[RIGHT],
                                                 slices->zone[BOTTOM] + out[BOTTOM]);
  slices->corner[GSK_CORNER_BOTTOM_LEFT] = CUT (-out[LEFT], height - slices->zone[BOTTOM],
                                                out[LEFT] + slices->zone[LEFT], slices->zone[BOTTOM] + out[BOTTOM]);
  slices->side[TOP] = CUT (slices->zone[LEFT], -out[TOP], 1, out[TOP] + slices->zone[TOP]);
  slices->side[BOTTOM] = CUT (slices->zone[LEFT], height - slices->zone[BOTTOM], 1,
                              slices->zone[BOTTOM] + out[BOTTOM]);
  slices->side[LEFT] = CUT (-out[LEFT], slices->zone[TOP], out[LEFT] + slices->zone[LEFT], 1);
  slices->side[RIGHT] = CUT (width - slices->zone[RIGHT], slices->zone[TOP], slices->zone[RIGHT] + out[RIGHT], 1);
#undef CUT
  cairo_surface_destroy (surface);
  return slices;
}

/* The shadows @shadows[0..n) (of one box, in drawing order) as nine
 * pieces of kept images, or NULL to keep them as they are. */
static GskRenderNode *
draw_once (GskRenderNode **shadows,
           guint           n,
           int             scale)
{
  const GskRoundedRect *outline = gsk_outset_shadow_node_get_outline (shadows[0]);
  const graphene_rect_t *box = &outline->bounds;
  g_autoptr(GString) key = g_string_new (NULL);
  graphene_rect_t whole, rect;
  GskRenderNode *pieces[8];
  GskRenderNode *result;
  Slices *slices;
  float out[4];
  float x, y, w, h;
  guint n_pieces = 0;

  /* Only a box at whole pixels can be cut at whole pixels. */
  if (!is_whole (box))
    return NULL;

  g_string_append_printf (key, "%d", scale);
  for (guint i = 0; i < 4; i++)
    g_string_append_printf (key, ",%g,%g", outline->corner[i].width, outline->corner[i].height);
  gsk_render_node_get_bounds (shadows[0], &whole);
  for (guint i = 0; i < n; i++)
    {
      graphene_rect_t bounds;

      if (!same_outline (gsk_outset_shadow_node_get_outline (shadows[i]), outline))
        return NULL;
      append_key (key, shadows[i]);
      gsk_render_node_get_bounds (shadows[i], &bounds);
      graphene_rect_union (&whole, &bounds, &whole);
    }
  graphene_rect_round_extents (&whole, &whole);
  out[TOP] = box->origin.y - whole.origin.y;
  out[LEFT] = box->origin.x - whole.origin.x;
  out[BOTTOM] = whole.origin.y + whole.size.height - (box->origin.y + box->size.height);
  out[RIGHT] = whole.origin.x + whole.size.width - (box->origin.x + box->size.width);
  for (guint i = 0; i < 4; i++)
    g_string_append_printf (key, ";%g", out[i]);

  if (shadows_kept == NULL)
    {
      shadows_kept = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) slices_free);
      shadows_placed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                              (GDestroyNotify) gsk_render_node_unref);
    }
  slices = g_hash_table_lookup (shadows_kept, key->str);
  if (slices == NULL)
    {
      slices = slice (shadows, n, scale, outline, out);
      if (g_hash_table_size (shadows_kept) >= SHADOWS_MAX)
        g_hash_table_remove_all (shadows_kept);
      g_hash_table_insert (shadows_kept, g_strdup (key->str), slices);
    }

  /* The same nodes for the same box (GTK then sees nothing changed). */
  g_string_append_printf (key, "@%g,%g,%g,%g", box->origin.x, box->origin.y, box->size.width, box->size.height);
  result = g_hash_table_lookup (shadows_placed, key->str);
  if (result != NULL)
    return gsk_render_node_ref (result);

  /* A box too small for its corners is left to GTK. */
  x = box->origin.x;
  y = box->origin.y;
  w = box->size.width;
  h = box->size.height;
  if (w < slices->zone[LEFT] + 1 + slices->zone[RIGHT] || h < slices->zone[TOP] + 1 + slices->zone[BOTTOM])
    return NULL;

#define PIECE(surface, repeat, rx, ry, rw, rh) \
  G_STMT_START { \
    graphene_rect_init (&rect, rx, ry, rw, rh); \
    pieces[n_pieces] = piece_node (surface, &rect, repeat); \
    if (pieces[n_pieces] != NULL) \
      n_pieces++; \
  } G_STMT_END
  PIECE (slices->corner[GSK_CORNER_TOP_LEFT], FALSE, x - out[LEFT], y - out[TOP],
         out[LEFT] + slices->zone[LEFT], out[TOP] + slices->zone[TOP]);
  PIECE (slices->side[TOP], TRUE, x + slices->zone[LEFT], y - out[TOP],
         w - slices->zone[LEFT] - slices->zone[RIGHT], out[TOP] + slices->zone[TOP]);
  PIECE (slices->corner[GSK_CORNER_TOP_RIGHT], FALSE, x + w - slices->zone[RIGHT], y - out[TOP],
         slices->zone[RIGHT] + out[RIGHT], out[TOP] + slices->zone[TOP]);
  PIECE (slices->side[LEFT], TRUE, x - out[LEFT], y + slices->zone[TOP],
         out[LEFT] + slices->zone[LEFT], h - slices->zone[TOP] - slices->zone[BOTTOM]);
  PIECE (slices->side[RIGHT], TRUE, x + w - slices->zone[RIGHT], y + slices->zone[TOP],
         slices->zone[RIGHT] + out[RIGHT], h - slices->zone[TOP] - slices->zone[BOTTOM]);
  PIECE (slices->corner[GSK_CORNER_BOTTOM_LEFT], FALSE, x - out[LEFT], y + h - slices->zone[BOTTOM],
         out[LEFT] + slices->zone[LEFT], slices->zone[BOTTOM] + out[BOTTOM]);
  PIECE (slices->side[BOTTOM], TRUE, x + slices->zone[LEFT], y + h - slices->zone[BOTTOM],
         w - slices->zone[LEFT] - slices->zone[RIGHT], slices->zone[BOTTOM] + out[BOTTOM]);
  PIECE (slices->corner[GSK_CORNER_BOTTOM_RIGHT], FALSE, x + w - slices->zone[RIGHT], y + h - slices->zone[BOTTOM],
         slices->zone[RIGHT] + out[RIGHT], slices->zone[BOTTOM] + out[BOTTOM]);
#undef PIECE

  result = gsk_container_node_new (pieces, n_pieces);
  for (guint i = 0; i < n_pieces; i++)
    gsk_render_node_unref (pieces[i]);
  keep (&shadows_placed, PLACED_MAX, g_strdup (key->str), result);
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
  if (!is_whole (&key.bounds) || key.bounds.size.width <= 0 || key.bounds.size.height <= 0)
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
  result = piece_node (surface, &key.bounds, FALSE);
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
  GtkNative *native = gtk_widget_get_native (widget);
  GskRenderer *renderer = native != NULL ? gtk_native_get_renderer (native) : NULL;
  GtkSnapshot *inner;
  GskRenderNode *node, *done;

  /* The GL renderers draw shadows and textures on the GPU and keep them;
   * a cairo node would be drawn by the CPU and uploaded instead. */
  if (!GSK_IS_CAIRO_RENDERER (renderer))
    {
      gtk_widget_snapshot_child (widget, child, snapshot);
      return;
    }

  inner = gtk_snapshot_new ();
  gtk_widget_snapshot_child (widget, child, inner);
  node = gtk_snapshot_free_to_node (inner);
  if (node == NULL)
    return;
  done = rewrite (node, gtk_widget_get_scale_factor (widget));
  gtk_snapshot_append_node (snapshot, done);
  gsk_render_node_unref (done);
  gsk_render_node_unref (node);
}
