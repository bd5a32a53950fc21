/* scs-dashboard-page.h: readiness per category, drawn as a picture
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "scs-workspace.h"

G_BEGIN_DECLS

#define SCS_TYPE_DASHBOARD_PAGE (scs_dashboard_page_get_type ())
G_DECLARE_FINAL_TYPE (ScsDashboardPage, scs_dashboard_page, SCS, DASHBOARD_PAGE, GtkWidget)

/* Property "workspace"; redraws when any answer changes. Clicking a
 * category's bar activates "win.show-category" (u: category number). The
 * chart's accessible description says in words what it draws. */
void       scs_dashboard_page_set_workspace (ScsDashboardPage *self,
                                             ScsWorkspace     *workspace);

G_END_DECLS
