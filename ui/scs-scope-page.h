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
/* For tests: the column view of @kind, and the findings list. */
GtkColumnView *scs_scope_page_get_column_view (ScsScopePage *self,
                                               ScsScopeKind  kind);
GtkListBox *scs_scope_page_get_findings   (ScsScopePage *self);
GtkWidget  *scs_scope_page_get_diagram    (ScsScopePage *self);
/* The message of the last refused edit, or NULL. */
const char *scs_scope_page_get_error      (ScsScopePage *self);

/* A text cell of the tables: a label that turns into an entry for editing
 * (Enter or a click starts, Enter or focus leaving commits, Escape cancels).
 * Its "item" and "column" object data name what it shows. */
#define SCS_TYPE_SCOPE_CELL (scs_scope_cell_get_type ())
G_DECLARE_FINAL_TYPE (ScsScopeCell, scs_scope_cell, SCS, SCOPE_CELL, GtkWidget)

gboolean     scs_scope_cell_get_editing   (ScsScopeCell *self);
const char  *scs_scope_cell_get_text      (ScsScopeCell *self);
GtkEditable *scs_scope_cell_get_entry     (ScsScopeCell *self);
void         scs_scope_cell_start_editing (ScsScopeCell *self);
void         scs_scope_cell_stop_editing  (ScsScopeCell *self,
                                           gboolean      commit);

G_END_DECLS
