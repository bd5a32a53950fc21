/* scs-window.c: the main window: welcome page or one workspace
 *
 * Without a workspace the window shows the welcome page (scs-welcome-page.c:
 * New, Open and the recently used workspaces). With one it is an AdwLeaflet:
 * the sidebar (scs-sidebar.c: the dashboard, the seven categories with their
 * progress, the feature pages) and a content stack with the pages. The
 * window's actions, the only path from the views back into the workspace,
 * are in scs-window-actions.c. Text still being typed is flushed when the
 * window closes; the size is kept in GSettings.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "scs-window-private.h"
#include "scs-toast.h"

#include <glib/gi18n-lib.h>

#include "scs-ui-resources.h"

#define WATCH_INTERVAL_MS 500

#include "scs-application.h"
#include "scs-criterion-row.h"
#include "scs-declaration-page.h"
#include "scs-welcome-page.h"
#include "scs-text.h"

G_DEFINE_FINAL_TYPE (ScsWindow, scs_window, ADW_TYPE_APPLICATION_WINDOW)

void
_scs_window_add_toast (ScsWindow  *self,
                       const char *message)
{
  AdwToast *toast;

  toast = scs_toast_new (message);
  adw_toast_set_timeout (toast, 6);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
scs_window_apply_profile (ScsWindow *self)
{
  g_autofree char *actor = NULL;

  g_return_if_fail (SCS_IS_WINDOW (self));

  if (self->workspace == NULL)
    return;
  actor = scs_settings_dup_actor_name ();
  scs_workspace_set_actor (self->workspace, actor);
  scs_review_page_reload_profile (self->review_page);
}

void
scs_window_apply_profile_everywhere (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (SCS_IS_WINDOW (item))
        scs_window_apply_profile (SCS_WINDOW (item));
    }
}

void
_scs_window_toast_save_error (ScsWindow    *self,
                              const GError *error)
{
  /* Translators: %s is the reason, e.g. "disk is full" */
  g_autofree char *message = g_strdup_printf (_("Could not save: %s"), error->message);

  _scs_window_add_toast (self, message);
}

void
_scs_window_update_undo (ScsWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 self->workspace != NULL && scs_workspace_can_undo (self->workspace));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 self->workspace != NULL && scs_workspace_can_redo (self->workspace));
}

static void
on_answer_notify (ScsWindow  *self,
                  GParamSpec *pspec,
                  ScsAnswer  *answer)
{
  _scs_window_update_undo (self);
}

static void
update_title (ScsWindow *self)
{
  g_autoptr(ScsOrganization) org = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *title = NULL;
  g_autofree char *cycle = NULL;
  const char *name;

  if (self->workspace == NULL)
    {
      adw_window_title_set_title (self->window_title, "");
      adw_window_title_set_subtitle (self->window_title, "");
      gtk_window_set_title (GTK_WINDOW (self), _("SCS Workbench"));
      return;
    }

  org = scs_workspace_dup_organization (self->workspace);
  name = org && !scs_text_is_blank (org->name) ? org->name : _("Unnamed Organisation");
  if (scs_workspace_get_cycle (self->workspace) == 0)
    cycle = g_strdup (_("initial assessment"));
  else
    /* Translators: assessment cycle, %u is 1, 2, … */
    cycle = g_strdup_printf (_("renewal %u"), scs_workspace_get_cycle (self->workspace));
  if (scs_workspace_get_workspace_type (self->workspace) != SCS_WORKSPACE_TYPE_SCS)
    /* another scheme than SCS: no target level, the type says what it is */
    subtitle = g_strdup (scs_workspace_type_get_label (scs_workspace_get_workspace_type (self->workspace)));
  else
    /* Translators: header bar subtitle: "Target ★3 · initial assessment" */
    subtitle = g_strdup_printf (_("Target ★%u · %s"), scs_workspace_get_target_level (self->workspace), cycle);
  adw_window_title_set_title (self->window_title, name);
  adw_window_title_set_subtitle (self->window_title, subtitle);

  /* Translators: window title, %s is the organisation's name */
  title = g_strdup_printf (_("%s — SCS Workbench"), name);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

/* The pages of the content stack stay hidden until first shown: a hidden
 * widget is neither measured, styled nor mapped, so the first frame only
 * pays for the page it shows (see scs_window_init). */
static void on_search_mode_changed (ScsWindow *self);

/* The checklist and scope pages are built the first time they are shown or
 * asked for: the window opens on the dashboard (or the review page), and
 * building them with it cost every start-up a few milliseconds. */
ScsChecklistPage *
_scs_window_get_checklist_page (ScsWindow *self)
{
  if (self->checklist_page == NULL)
    {
      self->checklist_page = SCS_CHECKLIST_PAGE (scs_checklist_page_new ());
      gtk_widget_set_visible (GTK_WIDGET (self->checklist_page), FALSE);
      gtk_stack_add_named (self->content_stack, GTK_WIDGET (self->checklist_page), "checklist");
      scs_checklist_page_set_workspace (self->checklist_page, self->workspace);
      g_signal_connect_object (self->checklist_page, "notify::search-mode",
                               G_CALLBACK (on_search_mode_changed), self, G_CONNECT_SWAPPED);
      /* The search button says whether the checklist searches (and turned
       * on before the checklist existed, it built it: the page follows). */
      g_object_bind_property (self->search_button, "active", self->checklist_page, "search-mode",
                              G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
    }
  return self->checklist_page;
}

static ScsScopePage *
get_scope_page (ScsWindow *self)
{
  if (self->scope_page == NULL)
    {
      self->scope_page = SCS_SCOPE_PAGE (scs_scope_page_new ());
      gtk_widget_set_visible (GTK_WIDGET (self->scope_page), FALSE);
      gtk_stack_add_named (self->content_stack, GTK_WIDGET (self->scope_page), "scope");
      scs_scope_page_set_workspace (self->scope_page, self->workspace);
    }
  return self->scope_page;
}

/* Turned on before the checklist exists, the search button builds it. */
static void
on_search_button_toggled (ScsWindow *self)
{
  if (gtk_toggle_button_get_active (self->search_button) && self->checklist_page == NULL)
    _scs_window_get_checklist_page (self);
}

static void
leave_search (ScsWindow *self)
{
  if (self->checklist_page != NULL)
    scs_checklist_page_set_search_mode (self->checklist_page, FALSE);
}

static ScsProviderPage *
get_provider_page (ScsWindow *self)
{
  if (self->provider_page == NULL)
    {
      self->provider_page = SCS_PROVIDER_PAGE (scs_provider_page_new ());
      gtk_widget_set_visible (GTK_WIDGET (self->provider_page), FALSE);
      gtk_stack_add_named (self->content_stack, GTK_WIDGET (self->provider_page), "provider");
      scs_provider_page_set_workspace (self->provider_page, self->workspace);
    }
  return self->provider_page;
}

void
_scs_window_show_page (ScsWindow  *self,
                       const char *name)
{
  GtkWidget *page;

  if (g_str_equal (name, "checklist"))
    _scs_window_get_checklist_page (self);
  else if (g_str_equal (name, "scope"))
    get_scope_page (self);
  else if (g_str_equal (name, "declaration") && self->declaration_page == NULL)
    {
      self->declaration_page = scs_declaration_page_new (self->workspace);
      gtk_stack_add_named (self->content_stack, self->declaration_page, "declaration");
    }
  else if (g_str_equal (name, "provider"))
    get_provider_page (self);
  page = gtk_stack_get_child_by_name (self->content_stack, name);

  gtk_widget_set_visible (page, TRUE);
  gtk_stack_set_visible_child (self->content_stack, page);
}

/* Page @name, its sidebar row selected, in view when folded. */
static void
present_page (ScsWindow  *self,
              const char *name)
{
  scs_sidebar_select (self->sidebar, name, 0);
  leave_search (self);
  _scs_window_show_page (self, name);
  adw_leaflet_set_visible_child (self->leaflet, self->content_box);
}

void
_scs_window_show_dashboard (ScsWindow *self)
{
  ScsWorkspaceType type = self->workspace != NULL ? scs_workspace_get_workspace_type (self->workspace)
                                                  : SCS_WORKSPACE_TYPE_SCS;

  /* The dashboard counts SCS criteria: a self-declaration's overview is
   * its own page. */
  present_page (self, scs_workspace_type_is_item_based (type) ? "declaration" : "dashboard");
}

void
_scs_window_show_category (ScsWindow *self,
                           guint      category)
{
  scs_sidebar_select (self->sidebar, "checklist", category);
  leave_search (self);
  scs_checklist_page_set_category (_scs_window_get_checklist_page (self), category);
  _scs_window_show_page (self, "checklist");
  adw_leaflet_set_visible_child (self->leaflet, self->content_box);
}

void
_scs_window_show_review (ScsWindow *self)
{
  present_page (self, "review");
}

void
_scs_window_show_scope (ScsWindow *self)
{
  present_page (self, "scope");
}

/* A signed assessment is read-only: a checklist built later checks it itself. */
static void
on_sealed_changed (ScsWindow *self)
{
  if (self->workspace != NULL && self->checklist_page != NULL)
    scs_checklist_page_set_sealed (self->checklist_page, scs_review_page_get_sealed (self->review_page));
}

/* Each row names its page: the sidebar's order is its own. */
static void
on_sidebar_row_selected (ScsWindow  *self,
                         const char *page,
                         guint       category)
{
  if (g_str_equal (page, "checklist"))
    _scs_window_show_category (self, category);
  else
    present_page (self, page);
}

static void
on_sidebar_row_activated (ScsWindow *self)
{
  /* A click on the row already selected still opens it when folded. */
  adw_leaflet_set_visible_child (self->leaflet, self->content_box);
}

static void
on_back_clicked (ScsWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
on_search_mode_changed (ScsWindow *self)
{
  if (scs_checklist_page_get_search_mode (self->checklist_page) &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "checklist") != 0)
    {
      scs_sidebar_select (self->sidebar, "checklist", scs_checklist_page_get_category (self->checklist_page));
      _scs_window_show_page (self, "checklist");
    }
}

/* Window ----------------------------------------------------------------- */

/* The main menu's popover is built when it first opens (click or F10):
 * built with the window, its items and their shortcut labels cost every
 * start-up a few milliseconds. */
static void
attach_primary_menu (GtkMenuButton *button,
                     gpointer       data)
{
  ScsWindow *self = data;

  if (gtk_menu_button_get_popover (button) == NULL)
    gtk_menu_button_set_menu_model (button, self->primary_menu);
}

/* The welcome page is built the first time the window is to show it: a
 * window opened on a workspace never does, and building it with every
 * window cost each start-up its sixty widgets (a fifth of building the
 * window). */
static void
show_welcome_page (ScsWindow *self)
{
  if (self->welcome_page == NULL)
    {
      self->welcome_page = g_object_new (SCS_TYPE_WELCOME_PAGE, "menu-model", self->primary_menu, NULL);
      gtk_stack_add_named (self->main_stack, self->welcome_page, "welcome");
    }
  gtk_widget_set_visible (self->welcome_page, TRUE);
  gtk_stack_set_visible_child (self->main_stack, self->welcome_page);
}

/* A window shown without a workspace shows the welcome page. */
static void
scs_window_show (GtkWidget *widget)
{
  ScsWindow *self = SCS_WINDOW (widget);

  if (self->workspace == NULL)
    show_welcome_page (self);
  GTK_WIDGET_CLASS (scs_window_parent_class)->show (widget);
}

static gboolean
scs_window_close_request (GtkWindow *window)
{
  ScsWindow *self = SCS_WINDOW (window);

  scs_window_flush (self);

  if (self->settings != NULL)
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_delay (self->settings);
      g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
      if (!gtk_window_is_maximized (window) && width > 0 && height > 0)
        {
          g_settings_set_int (self->settings, "window-width", width);
          g_settings_set_int (self->settings, "window-height", height);
        }
      if (self->workspace != NULL)
        g_settings_set_string (self->settings, "last-workspace", scs_workspace_get_path (self->workspace));
      g_settings_apply (self->settings);
    }

  return GTK_WINDOW_CLASS (scs_window_parent_class)->close_request (window);
}

static void
scs_window_dispose (GObject *object)
{
  ScsWindow *self = SCS_WINDOW (object);

  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), SCS_TYPE_WINDOW);
  /* Children of the content stack, gone with it. */
  self->checklist_page = NULL;
  self->scope_page = NULL;
  self->provider_page = NULL;
  self->welcome_page = NULL;
  g_clear_object (&self->workspace);
  g_clear_object (&self->settings);
  g_clear_weak_pointer (&self->undo_toast);

  G_OBJECT_CLASS (scs_window_parent_class)->dispose (object);
}

static void
scs_window_class_init (ScsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = scs_window_dispose;
  widget_class->show = scs_window_show;
  window_class->close_request = scs_window_close_request;

  /* Referencing the resource links it in from the static library, and its
   * constructor registers it: the templates below live there. */
  (void) scs_ui_get_resource ();
  g_type_ensure (SCS_TYPE_DASHBOARD_PAGE);
  g_type_ensure (SCS_TYPE_SIDEBAR);
  g_type_ensure (SCS_TYPE_REVIEW_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/jp/scsworkbench/Workbench/scs-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ScsWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ScsWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, ScsWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, ScsWindow, content_box);
  gtk_widget_class_bind_template_child (widget_class, ScsWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, ScsWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, ScsWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, ScsWindow, dashboard_page);
  gtk_widget_class_bind_template_child (widget_class, ScsWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, ScsWindow, review_page);
  gtk_widget_class_bind_template_child (widget_class, ScsWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, ScsWindow, primary_menu);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);

  _scs_window_class_actions_init (widget_class);
}

static void
scs_window_init (ScsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_menu_button_set_create_popup_func (self->menu_button, attach_primary_menu, self, NULL);
  g_signal_connect_object (self->search_button, "notify::active", G_CALLBACK (on_search_button_toggled),
                           self, G_CONNECT_SWAPPED);

  /* Review actions reach criterion rows and the sealing banner too. */
  gtk_widget_insert_action_group (GTK_WIDGET (self), "review",
                                  scs_review_page_get_action_group (self->review_page));
  gtk_box_insert_child_after (GTK_BOX (self->content_box), scs_review_page_get_banner (self->review_page),
                              gtk_widget_get_first_child (self->content_box));
  g_signal_connect_object (self->review_page, "notify::sealed", G_CALLBACK (on_sealed_changed),
                           self, G_CONNECT_SWAPPED);

  self->settings = scs_settings_new ();
  if (self->settings != NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (self->settings, "window-width"),
                                   g_settings_get_int (self->settings, "window-height"));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
    }
  else
    gtk_window_set_default_size (GTK_WINDOW (self), 1100, 760);

  /* Hidden until shown (show_page). */
  for (GtkWidget *page = gtk_widget_get_first_child (GTK_WIDGET (self->content_stack));
       page != NULL; page = gtk_widget_get_next_sibling (page))
    gtk_widget_set_visible (page, FALSE);
  scs_window_set_workspace (self, NULL);
}

ScsWindow *
scs_window_new (GtkApplication *application)
{
  return g_object_new (SCS_TYPE_WINDOW, "application", application, NULL);
}

/* A workspace opened read-only: a banner says why, and the edit actions
 * are off (text typed anyway stays in its field). */
static void
update_read_only (ScsWindow *self)
{
  static const char * const edit_actions[] = {
    "win.set-status", "win.set-note", "win.set-reason", "win.set-not-applicable", "win.undo", "win.redo",
  };
  gboolean read_only = self->workspace != NULL && scs_workspace_is_read_only (self->workspace);

  if (self->read_only_banner == NULL && read_only)
    {
      self->read_only_banner = gtk_label_new (NULL);
      gtk_label_set_wrap (GTK_LABEL (self->read_only_banner), TRUE);
      gtk_widget_add_css_class (self->read_only_banner, "warning");
      gtk_widget_set_margin_top (self->read_only_banner, 6);
      gtk_widget_set_margin_bottom (self->read_only_banner, 6);
      gtk_widget_set_margin_start (self->read_only_banner, 12);
      gtk_widget_set_margin_end (self->read_only_banner, 12);
      gtk_box_insert_child_after (GTK_BOX (self->content_box), self->read_only_banner,
                                  gtk_widget_get_first_child (self->content_box));
    }
  if (self->read_only_banner != NULL)
    {
      g_autofree char *text = NULL;

      if (read_only)
        /* Translators: %s says why, e.g. "its folder is read-only" */
        text = g_strdup_printf (_("This workspace is open read-only because %s. You can view, check "
                                  "and export it as a draft; save a copy elsewhere to edit it."),
                                scs_workspace_get_read_only_reason (self->workspace));
      gtk_label_set_text (GTK_LABEL (self->read_only_banner), text ? text : "");
      gtk_widget_set_visible (self->read_only_banner, read_only);
    }

  for (guint i = 0; i < G_N_ELEMENTS (edit_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), edit_actions[i], !read_only);
}

void
scs_window_set_workspace (ScsWindow    *self,
                          ScsWorkspace *workspace)
{
  GListModel *answers;

  g_return_if_fail (SCS_IS_WINDOW (self));
  g_return_if_fail (workspace == NULL || SCS_IS_WORKSPACE (workspace));

  if (self->workspace != NULL && self->workspace == workspace)
    return;

  if (self->workspace != NULL)
    {
      scs_workspace_watch (self->workspace, 0);
      scs_window_flush (self);
      answers = scs_workspace_get_answers (self->workspace);
      for (guint i = 0; i < g_list_model_get_n_items (answers); i++)
        {
          g_autoptr(ScsAnswer) answer = g_list_model_get_item (answers, i);

          g_signal_handlers_disconnect_by_data (answer, self);
        }
      g_signal_handlers_disconnect_by_data (self->workspace, self);
    }

  g_set_object (&self->workspace, workspace);
  update_read_only (self);
  /* Built for its workspace's type when first shown. */
  if (self->declaration_page != NULL)
    {
      gtk_stack_remove (self->content_stack, self->declaration_page);
      self->declaration_page = NULL;
    }

  if (self->checklist_page != NULL)
    scs_checklist_page_set_workspace (self->checklist_page, workspace);
  scs_dashboard_page_set_workspace (self->dashboard_page, workspace);
  if (self->scope_page != NULL)
    scs_scope_page_set_workspace (self->scope_page, workspace);
  if (self->provider_page != NULL)
    scs_provider_page_set_workspace (self->provider_page, workspace);
  scs_review_page_set_workspace (self->review_page, workspace);
  scs_sidebar_set_workspace (self->sidebar, workspace);
  update_title (self);
  _scs_window_update_undo (self);

  /* Hidden, the welcome page is neither measured nor styled; a window not
   * yet shown builds it when it is (scs_window_show). */
  if (self->welcome_page != NULL)
    gtk_widget_set_visible (self->welcome_page, workspace == NULL);
  if (workspace == NULL)
    {
      if (gtk_widget_get_visible (GTK_WIDGET (self)))
        show_welcome_page (self);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print-report", FALSE);
      return;
    }

  /* Changes made by other programs show within a second. */
  scs_workspace_watch (workspace, WATCH_INTERVAL_MS);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print-report", TRUE);
  answers = scs_workspace_get_answers (workspace);
  for (guint i = 0; i < g_list_model_get_n_items (answers); i++)
    {
      g_autoptr(ScsAnswer) answer = g_list_model_get_item (answers, i);

      g_signal_connect_object (answer, "notify::state", G_CALLBACK (on_answer_notify), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (answer, "notify::reason", G_CALLBACK (on_answer_notify), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (answer, "notify::note", G_CALLBACK (on_answer_notify), self, G_CONNECT_SWAPPED);
    }
  g_signal_connect_object (workspace, "notify::target-level", G_CALLBACK (update_title),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (workspace, "notify::can-redo", G_CALLBACK (_scs_window_update_undo),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (workspace, "notify::can-undo", G_CALLBACK (_scs_window_update_undo),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (workspace, "organization-changed", G_CALLBACK (update_title),
                           self, G_CONNECT_SWAPPED);

  gtk_stack_set_visible_child_name (self->main_stack, "workspace");
  /* Each side first sees what changed since its last turn. */
  if (scs_review_page_has_news (self->review_page))
    _scs_window_show_review (self);
  else if (scs_workspace_get_workspace_type (workspace) == SCS_WORKSPACE_TYPE_PROVIDER)
    present_page (self, "provider");
  else if (scs_workspace_get_workspace_type (workspace) != SCS_WORKSPACE_TYPE_SCS)
    present_page (self, "declaration");
  else
    _scs_window_show_dashboard (self);
  adw_leaflet_set_visible_child (self->leaflet, self->content_box);
}

ScsWorkspace *
scs_window_get_workspace (ScsWindow *self)
{
  g_return_val_if_fail (SCS_IS_WINDOW (self), NULL);

  return self->workspace;
}

void
scs_window_flush (ScsWindow *self)
{
  g_return_if_fail (SCS_IS_WINDOW (self));

  if (self->checklist_page != NULL)
    scs_checklist_page_flush (self->checklist_page);
}
