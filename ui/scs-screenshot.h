/* scs-screenshot.h: render a widget to a PNG file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Renders @widget as it is shown now (it must be mapped) into a PNG at @path. */
gboolean scs_widget_save_png (GtkWidget   *widget,
                              const char  *path,
                              GError     **error);

G_END_DECLS
