/* scs-sidebar.h: the window's sidebar: dashboard, categories, pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "scs-workspace.h"

G_BEGIN_DECLS

#define SCS_SIDEBAR_N_CATEGORIES 7

#define SCS_TYPE_SIDEBAR (scs_sidebar_get_type ())
G_DECLARE_FINAL_TYPE (ScsSidebar, scs_sidebar, SCS, SIDEBAR, GtkWidget)

/* The rows in the order of the work: the dashboard, the categories, the
 * scope, the type's own page (a self-declaration's items or a provider's
 * dossier), then the review, where the work is checked and signed. Only
 * the rows that apply to the workspace's type are there. Each row stands
 * for a page of the window's content stack, by name ("dashboard",
 * "checklist" with its category 1 … 7, "scope", "declaration", "provider",
 * "review"), never by position.
 *
 * Signals: "row-selected" (const char *page, guint category: 0 but for
 * "checklist") when the user selects a row, "row-activated" when the user
 * clicks or activates one (also the one already selected). Each category
 * row shows "satisfied/total" and a level bar, kept live by following
 * every ScsAnswer. */
void        scs_sidebar_set_workspace     (ScsSidebar   *self,
                                           ScsWorkspace *workspace);
/* Selects the row of @page (and @category for "checklist") without
 * emitting "row-selected"; none when the workspace has no such row. */
void        scs_sidebar_select            (ScsSidebar   *self,
                                           const char   *page,
                                           guint         category);

G_END_DECLS
