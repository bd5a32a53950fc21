/* scs-screenshot.c: render a widget to a PNG file
 *
 * Used by `build-aux/dev screenshot` (through SCS_SCREENSHOT in main.c) and
 * by the GUI tests, so the README's pictures and what the tests look at come
 * from the same code path: the widget's own snapshot, rendered by the
 * renderer of its native surface (cairo under Xvfb).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "scs-screenshot.h"

gboolean
scs_widget_save_png (GtkWidget   *widget,
                     const char  *path,
                     GError     **error)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkSnapshot *snapshot;
  GskRenderer *renderer;
  gint64 deadline;
  int width, height;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  if (width <= 0 || height <= 0 || renderer == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The window is not shown yet; nothing to render to ‘%s’"), path);
      return FALSE;
    }

  /* A widget that has a relayout queued (a page just switched, a list just
   * refilled, a spinner turning) snapshots to nothing until the next frame
   * has laid it out: that was "drew nothing" for the review page. So the
   * main loop runs until it draws, for a few seconds at most. */
  paintable = gtk_widget_paintable_new (widget);
  deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  for (;;)
    {
      snapshot = gtk_snapshot_new ();
      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (snapshot);
      if (node != NULL || g_get_monotonic_time () > deadline)
        break;
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (10 * 1000);
    }
  if (node == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The window drew nothing; nothing to render to ‘%s’"), path);
      return FALSE;
    }

  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, path))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not write the picture to ‘%s’"), path);
      return FALSE;
    }
  return TRUE;
}
