/* scs-paint-cache.h: what GTK's cairo renderer redraws at every frame, once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* @node with every run of outset shadow nodes (one element's CSS
 * box-shadow: a card's, a boxed list's) and every icon (a texture node,
 * alone or under a colour matrix node) replaced by the same pixels drawn
 * once and kept: four strips around the shadows' box, the icon's square,
 * each painted from an image by a cairo node. Nodes without either below
 * them are returned as they are (a new reference). For a scale of 1. */
GskRenderNode *scs_paint_cache_rewrite        (GskRenderNode *node);

/* Snapshots @child of @widget into @snapshot, through
 * scs_paint_cache_rewrite () (at @widget's scale) when @widget's window
 * draws with GTK's cairo renderer. */
void           scs_paint_cache_snapshot_child (GtkWidget     *widget,
                                               GtkWidget     *child,
                                               GtkSnapshot   *snapshot);

G_END_DECLS
