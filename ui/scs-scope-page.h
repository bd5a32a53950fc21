/* scs-scope-page.h: the scope workspace page — unit, inventory tables,
 * live rule findings and the scope diagram
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "scs-scope.h"

G_BEGIN_DECLS

#define SCS_TYPE_SCOPE_PAGE (scs_scope_page_get_type ())
G_DECLARE_FINAL_TYPE (ScsScopePage, scs_scope_page, SCS, SCOPE_PAGE, GtkWidget)

GtkWidget  *scs_scope_page_new            (void);
void        scs_scope_page_set_workspace  (ScsScopePage *self,
                                           ScsWorkspace *workspace);
/* Shows the table of @kind. */
void        scs_scope_page_show_kind      (ScsScopePage *self,
                                           ScsScopeKind  kind);
/* Tests reach the tables by widget name ("table-" and the kind, e.g.
 * "table-server", built when the page is first mapped) and the template
 * children "findings" (a row per finding, the rule's code as its tooltip),
 * "error_label" (the last refused edit, shown) and "diagram". */

/* A text cell of the tables: a label that turns into an entry (a GtkText)
 * for editing (Enter or a click, or action "editing.start", starts; Enter
 * or focus leaving commits, Escape cancels); property "editing". Its
 * "item" and "column" object data name what it shows. */
#define SCS_TYPE_SCOPE_CELL (scs_scope_cell_get_type ())
G_DECLARE_FINAL_TYPE (ScsScopeCell, scs_scope_cell, SCS, SCOPE_CELL, GtkWidget)

G_END_DECLS
