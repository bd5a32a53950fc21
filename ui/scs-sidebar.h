/* scs-sidebar.h: the window's sidebar: dashboard, categories, pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "scs-workspace.h"

G_BEGIN_DECLS

/* The rows, by index: the dashboard, the seven categories (1 … 7), then
 * the feature pages. Rows that do not apply to the workspace's type are
 * hidden, not removed, so the indices stay. */
typedef enum
{
  SCS_SIDEBAR_DASHBOARD   = 0,
  SCS_SIDEBAR_SCOPE       = 8,
  SCS_SIDEBAR_REVIEW      = 9,
  SCS_SIDEBAR_DECLARATION = 10,
  SCS_SIDEBAR_PROVIDER    = 11,
} ScsSidebarRow;

#define SCS_SIDEBAR_N_CATEGORIES 7

#define SCS_TYPE_SIDEBAR (scs_sidebar_get_type ())
G_DECLARE_FINAL_TYPE (ScsSidebar, scs_sidebar, SCS, SIDEBAR, GtkWidget)

/* Signals: "row-selected" (guint index) when the user selects a row,
 * "row-activated" when the user clicks or activates one (also the one
 * already selected). Each category row shows "satisfied/total" and a level
 * bar, kept live by following every ScsAnswer. */
void        scs_sidebar_set_workspace     (ScsSidebar   *self,
                                           ScsWorkspace *workspace);
/* Selects row @index without emitting "row-selected". */
void        scs_sidebar_select            (ScsSidebar   *self,
                                           guint         index);

G_END_DECLS
