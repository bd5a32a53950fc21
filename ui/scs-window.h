/* scs-window.h: the main window: welcome page or one workspace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "scs-workspace.h"

G_BEGIN_DECLS

#define SCS_TYPE_WINDOW (scs_window_get_type ())
G_DECLARE_FINAL_TYPE (ScsWindow, scs_window, SCS, WINDOW, AdwApplicationWindow)

/* Actions: win.show-category (u), win.show-dashboard, win.set-status
 * ((ss): criterion ID, "met" | "not-met" | "na" | "unanswered"),
 * win.set-note ((ss): ID, text), win.set-reason ((ss): ID, text),
 * win.set-not-applicable ((ss): ID, reason), win.undo, win.search,
 * win.goto-criterion (s: criterion or requirement ID), win.show-review
 * (s: criterion ID or "": the review page), win.show-scope (x: a scope
 * item ID, whose table is shown, or 0: the scope page), win.toast (s: a
 * message) and win.undo-toast (s: what was changed, with an Undo button),
 * which pages activate to raise a toast. The handlers are the only place
 * the window writes to the workspace; failures show a toast. */
ScsWindow    *scs_window_new             (GtkApplication *application);
void          scs_window_set_workspace   (ScsWindow      *self,
                                          ScsWorkspace   *workspace);
ScsWorkspace *scs_window_get_workspace   (ScsWindow      *self);
/* Saves what is being typed (notes, reasons) now, without waiting. */
void          scs_window_flush           (ScsWindow      *self);

/* For tests: the checklist page, built now if it was not yet (it is built
 * when first shown). The pages shown are the template children
 * "main_stack" ("welcome" or the leaflet) and "content_stack"
 * ("dashboard", "checklist", "scope", "review", "declaration",
 * "provider"). */
GtkWidget    *scs_window_get_checklist   (ScsWindow      *self);

/* The saved profile, now: the workspace's actor (who changes are recorded
 * under) and the review page's profile (role). */
void          scs_window_apply_profile   (ScsWindow      *self);
/* scs_window_apply_profile () on every open workbench window. */
void          scs_window_apply_profile_everywhere (void);

G_END_DECLS
