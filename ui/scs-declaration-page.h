/* scs-declaration-page.h: the page of a self-declaration workspace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "scs-workspace.h"

G_BEGIN_DECLS

/* The page a workspace of a self-declaration type (JC-STAR ★1, SECURITY
 * ACTION) shows in the window, built for @workspace's type; NULL for the
 * SCS assessment, whose pages are the checklist's. Each control saves
 * through the core at once; a refused change is said in the page. */
GtkWidget *scs_declaration_page_new (ScsWorkspace *workspace);

G_END_DECLS
