/* scs-window-private.h: what the window's files share
 *
 * scs-window.c builds the window and switches its pages;
 * scs-window-actions.c holds the win.* actions, the only path from the
 * views back into the workspace.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "scs-window.h"

#include "scs-checklist-page.h"
#include "scs-dashboard-page.h"
#include "scs-provider-page.h"
#include "scs-review-page.h"
#include "scs-scope-page.h"
#include "scs-sidebar.h"

G_BEGIN_DECLS

struct _ScsWindow
{
  AdwApplicationWindow parent_instance;

  ScsWorkspace     *workspace;
  GSettings        *settings;
  AdwToast         *undo_toast;  /* weak: the one with Undo or Redo, while up */

  AdwToastOverlay  *toast_overlay;
  GtkStack         *main_stack;
  /* Built when a window without a workspace is first shown. */
  GtkWidget        *welcome_page;
  AdwLeaflet       *leaflet;
  GtkWidget        *content_box;
  GtkWidget        *read_only_banner;
  ScsSidebar       *sidebar;
  AdwWindowTitle   *window_title;
  GtkStack         *content_stack;
  ScsDashboardPage *dashboard_page;
  ScsReviewPage    *review_page;
  GtkToggleButton  *search_button;
  /* Built when first shown or asked for: see _scs_window_get_checklist_page(). */
  ScsChecklistPage *checklist_page;
  ScsScopePage     *scope_page;
  /* The self-declaration types' page (scs-declaration-page.c), per workspace. */
  GtkWidget        *declaration_page;
  ScsProviderPage  *provider_page;
  GtkMenuButton    *menu_button;
  GMenuModel       *primary_menu;
};

/* scs-window.c */
void              _scs_window_add_toast          (ScsWindow    *self,
                                                  const char   *message);
void              _scs_window_toast_save_error   (ScsWindow    *self,
                                                  const GError *error);
void              _scs_window_update_undo        (ScsWindow    *self);
ScsChecklistPage *_scs_window_get_checklist_page (ScsWindow    *self);
void              _scs_window_show_page          (ScsWindow    *self,
                                                  const char   *name);
void              _scs_window_show_dashboard     (ScsWindow    *self);
void              _scs_window_show_category      (ScsWindow    *self,
                                                  guint         category);
void              _scs_window_show_review        (ScsWindow    *self);
void              _scs_window_show_scope         (ScsWindow    *self);

/* scs-window-actions.c */
void              _scs_window_class_actions_init (GtkWidgetClass *widget_class);

G_END_DECLS
