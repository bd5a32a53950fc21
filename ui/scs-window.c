/* scs-window.c: the main window: welcome page or one workspace
 *
 * Without a workspace the window greets the user with New / Open and the
 * recently used workspaces. With one it is an AdwLeaflet: a sidebar with the
 * dashboard and the seven categories (each with "satisfied/total" and a level
 * bar, kept live by following every ScsAnswer), and a content stack with the
 * dashboard and the checklist. The window's actions are the only path from
 * the views back into the workspace: each handler makes one
 * ScsWorkspace call and, when it fails, shows a toast and leaves the model as
 * it was — the rows then redraw themselves from the model. Text still being
 * typed is flushed when the window closes; the size is kept in GSettings.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "scs-window.h"

#include <glib/gi18n-lib.h>

#include "scs-ui-resources.h"

#define WATCH_INTERVAL_MS 500

#include "scs-application.h"
#include "scs-checklist-page.h"
#include "scs-dashboard-page.h"
#include "scs-declaration-page.h"
#include "scs-org-dialog.h"
#include "scs-export-dialog.h"
#include "scs-migration-assistant.h"
#include "scs-reconfirm-window.h"
#include "scs-provider-page.h"
#include "scs-scope-page.h"
#include "scs-review-page.h"
#include "scs-criterion-row.h"
#include "scs-compare-window.h"
#include "scs-diagnosis-window.h"
#include "scs-portfolio-window.h"
#include "scs-wizard-dialog.h"
#include "scs-text.h"

#define N_CATEGORIES 7

struct _ScsWindow
{
  AdwApplicationWindow parent_instance;

  ScsWorkspace     *workspace;
  GSettings        *settings;
  char             *last_undo_message;
  GtkWidget        *count_labels[N_CATEGORIES + 1];
  GtkWidget        *level_bars[N_CATEGORIES + 1];
  gboolean          syncing_sidebar;
  gboolean          recent_populated;

  AdwToastOverlay  *toast_overlay;
  GtkStack         *main_stack;
  GtkWidget        *recent_box;
  GtkListBox       *recent_list;
  AdwLeaflet       *leaflet;
  GtkWidget        *content_box;
  GtkWidget        *read_only_banner;
  GtkListBox       *sidebar;
  AdwWindowTitle   *window_title;
  GtkStack         *content_stack;
  ScsDashboardPage *dashboard_page;
  ScsReviewPage    *review_page;
  GtkToggleButton  *search_button;
  /* Built when first shown or asked for: see get_checklist_page(). */
  ScsChecklistPage *checklist_page;
  ScsScopePage     *scope_page;
  /* The self-declaration types' page (scs-declaration-page.c), per workspace. */
  GtkWidget        *declaration_page;
  ScsProviderPage  *provider_page;
  GtkMenuButton    *welcome_menu_button;
  GtkMenuButton    *menu_button;
  GMenuModel       *primary_menu;
};

G_DEFINE_FINAL_TYPE (ScsWindow, scs_window, ADW_TYPE_APPLICATION_WINDOW)

void
scs_window_add_toast (ScsWindow  *self,
                      const char *message)
{
  AdwToast *toast;

  g_return_if_fail (SCS_IS_WINDOW (self));

  toast = adw_toast_new (message);
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

/**
 * scs_window_add_undo_toast:
 *
 * A toast saying what was just changed, with an Undo button (win.undo).
 */
void
scs_window_add_undo_toast (ScsWindow  *self,
                           const char *message)
{
  AdwToast *toast;

  g_return_if_fail (SCS_IS_WINDOW (self));

  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 8);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
toast_save_error (ScsWindow    *self,
                  const GError *error)
{
  /* Translators: %s is the reason, e.g. "disk is full" */
  g_autofree char *message = g_strdup_printf (_("Could not save: %s"), error->message);

  scs_window_add_toast (self, message);
}

/* Sidebar ---------------------------------------------------------------- */

static void
update_progress (ScsWindow *self,
                 guint      category)
{
  ScsProgress progress;
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;

  if (self->workspace == NULL || self->count_labels[category] == NULL)
    return;

  scs_workspace_get_progress (self->workspace, category,
                              scs_workspace_get_target_level (self->workspace), &progress);
  text = g_strdup_printf ("%u/%u", progress.satisfied, progress.total);
  gtk_label_set_text (GTK_LABEL (self->count_labels[category]), text);
  /* Translators: sidebar tooltip with the answer counts of one category */
  tooltip = g_strdup_printf (_("%u met, %u not applicable, %u not met, %u unanswered"),
                             progress.counts[SCS_ANSWER_MET],
                             progress.counts[SCS_ANSWER_NOT_APPLICABLE],
                             progress.counts[SCS_ANSWER_NOT_MET],
                             progress.counts[SCS_ANSWER_UNANSWERED]);
  gtk_widget_set_tooltip_text (gtk_widget_get_parent (gtk_widget_get_parent (self->count_labels[category])),
                               tooltip);
  gtk_level_bar_set_value (GTK_LEVEL_BAR (self->level_bars[category]),
                           progress.total > 0 ? (double) progress.satisfied / progress.total : 0.0);
}

static void
update_undo (ScsWindow *self)
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
  const ScsCriterion *criterion = scs_answer_get_criterion (answer);

  update_progress (self, criterion->requirement->category->number);
  update_progress (self, 0);
  update_undo (self);
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
  /* Translators: header bar subtitle: "Target ★3 · initial assessment" */
  subtitle = g_strdup_printf (_("Target ★%u · %s"), scs_workspace_get_target_level (self->workspace), cycle);
  adw_window_title_set_title (self->window_title, name);
  adw_window_title_set_subtitle (self->window_title, subtitle);

  /* Translators: window title, %s is the organisation's name */
  title = g_strdup_printf (_("%s — SCS Workbench"), name);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

static void
on_target_level_changed (ScsWindow *self)
{
  for (guint n = 0; n <= N_CATEGORIES; n++)
    update_progress (self, n);
  update_title (self);
}

static GtkWidget *
sidebar_row_new (ScsWindow  *self,
                 guint       number,
                 const char *title,
                 const char *icon_name)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *vbox = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *hbox = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *count = gtk_label_new (NULL);
  GtkWidget *bar = gtk_level_bar_new_for_interval (0.0, 1.0);

  gtk_widget_set_margin_top (vbox, 6);
  gtk_widget_set_margin_bottom (vbox, 6);
  if (icon_name != NULL)
    gtk_box_append (GTK_BOX (hbox), gtk_image_new_from_icon_name (icon_name));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (count, "dim-label");
  gtk_widget_add_css_class (count, "numeric");
  gtk_box_append (GTK_BOX (hbox), label);
  gtk_box_append (GTK_BOX (hbox), count);
  gtk_box_append (GTK_BOX (vbox), hbox);

  /* Only the "full" colour: readiness, not a grade. */
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_box_append (GTK_BOX (vbox), bar);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), vbox);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);

  self->count_labels[number] = count;
  self->level_bars[number] = bar;
  return row;
}

static void
rebuild_sidebar (ScsWindow *self)
{
  GtkWidget *child;
  ScsCatalog *catalog;
  gboolean scs_type, provider;

  self->syncing_sidebar = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar))) != NULL)
    gtk_list_box_remove (self->sidebar, child);
  memset (self->count_labels, 0, sizeof self->count_labels);
  memset (self->level_bars, 0, sizeof self->level_bars);
  self->syncing_sidebar = FALSE;

  if (self->workspace == NULL)
    return;

  catalog = scs_workspace_get_catalog (self->workspace);
  scs_type = scs_workspace_get_workspace_type (self->workspace) == SCS_WORKSPACE_TYPE_SCS;
  provider = scs_workspace_get_workspace_type (self->workspace) == SCS_WORKSPACE_TYPE_PROVIDER;
  gtk_list_box_append (self->sidebar, sidebar_row_new (self, 0, _("Dashboard"), "view-grid-symbolic"));
  for (guint n = 1; n <= N_CATEGORIES; n++)
    {
      const ScsCategory *category = scs_catalog_get_category (catalog, n);
      g_autofree char *title = g_strdup_printf ("%u. %s", n, category ? scs_category_get_title (category) : "");

      GtkWidget *row = sidebar_row_new (self, n, title, NULL);

      gtk_list_box_append (self->sidebar, row);
      /* The SCS categories apply to SCS assessments only; the row stays (the
       * sidebar is indexed) but is hidden for the other workspace types. */
      /* A provider's dossier items are categories of their own catalog. */
      gtk_widget_set_visible (row, scs_type || (provider && category != NULL));
    }
  {
    /* After the categories: the scope description (適用範囲) */
    GtkWidget *row = gtk_list_box_row_new ();
    GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
    GtkWidget *label = gtk_label_new (_("Scope"));

    gtk_widget_set_margin_top (box, 6);
    gtk_widget_set_margin_bottom (box, 6);
    gtk_label_set_xalign (GTK_LABEL (label), 0);
    gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("network-workgroup-symbolic"));
    gtk_box_append (GTK_BOX (box), label);
    gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
    gtk_widget_set_name (row, "scope-row");
    gtk_list_box_append (self->sidebar, row);
    gtk_widget_set_visible (row, scs_type);
  }
  {
    /* Then the expert review (レビュー): comments, proposals, signing */
    GtkWidget *row = gtk_list_box_row_new ();
    GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
    GtkWidget *label = gtk_label_new (_("Review"));

    gtk_widget_set_margin_top (box, 6);
    gtk_widget_set_margin_bottom (box, 6);
    gtk_label_set_xalign (GTK_LABEL (label), 0);
    gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("emblem-ok-symbolic"));
    gtk_box_append (GTK_BOX (box), label);
    gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
    gtk_widget_set_name (row, "review-row");
    gtk_list_box_append (self->sidebar, row);
  }
  {
    /* The page of a self-declaration type, named after the type */
    GtkWidget *row = gtk_list_box_row_new ();
    GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
    GtkWidget *label = gtk_label_new (scs_workspace_type_get_label (scs_workspace_get_workspace_type (self->workspace)));

    gtk_widget_set_margin_top (box, 6);
    gtk_widget_set_margin_bottom (box, 6);
    gtk_label_set_xalign (GTK_LABEL (label), 0);
    gtk_label_set_wrap (GTK_LABEL (label), TRUE);
    gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("document-edit-symbolic"));
    gtk_box_append (GTK_BOX (box), label);
    gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
    gtk_widget_set_name (row, "declaration-row");
    gtk_list_box_append (self->sidebar, row);
    gtk_widget_set_visible (row, !scs_type && !provider);
  }
  {
    /* A service provider's dossier: check, certifications, registers */
    GtkWidget *row = gtk_list_box_row_new ();
    GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
    GtkWidget *label = gtk_label_new (_("Provider dossier (provisional)"));

    gtk_widget_set_margin_top (box, 6);
    gtk_widget_set_margin_bottom (box, 6);
    gtk_label_set_xalign (GTK_LABEL (label), 0);
    gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("security-high-symbolic"));
    gtk_box_append (GTK_BOX (box), label);
    gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
    gtk_widget_set_name (row, "provider-row");
    gtk_list_box_append (self->sidebar, row);
    gtk_widget_set_visible (row, provider);
  }
  for (guint n = 0; n <= N_CATEGORIES; n++)
    update_progress (self, n);
}

/* The pages of the content stack stay hidden until first shown: a hidden
 * widget is neither measured, styled nor mapped, so the first frame only
 * pays for the page it shows (see scs_window_init). */
static void on_search_mode_changed (ScsWindow *self);

/* The checklist and scope pages are built the first time they are shown or
 * asked for: the window opens on the dashboard (or the review page), and
 * building them with it cost every start-up a few milliseconds. */
static ScsChecklistPage *
get_checklist_page (ScsWindow *self)
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
    get_checklist_page (self);
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

static void
show_page (ScsWindow  *self,
           const char *name)
{
  GtkWidget *page;

  if (g_str_equal (name, "checklist"))
    get_checklist_page (self);
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

/* The sidebar is one Tab stop, its selected row (a roving focus): Tab
 * goes on to the page instead of walking through, and so opening, every
 * row; the arrow keys move between rows. */
static void
update_sidebar_focus (ScsWindow *self)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row))
      gtk_widget_set_focusable (row, gtk_list_box_row_is_selected (GTK_LIST_BOX_ROW (row)));
}

static void
select_sidebar_row (ScsWindow *self,
                    guint      index)
{
  self->syncing_sidebar = TRUE;
  gtk_list_box_select_row (self->sidebar, gtk_list_box_get_row_at_index (self->sidebar, index));
  self->syncing_sidebar = FALSE;
  update_sidebar_focus (self);
}

static void
show_dashboard (ScsWindow *self)
{
  select_sidebar_row (self, 0);
  leave_search (self);
  show_page (self, "dashboard");
  adw_leaflet_set_visible_child (self->leaflet, self->content_box);
}

static void
show_category (ScsWindow *self,
               guint      category)
{
  select_sidebar_row (self, category);
  leave_search (self);
  scs_checklist_page_set_category (get_checklist_page (self), category);
  show_page (self, "checklist");
  adw_leaflet_set_visible_child (self->leaflet, self->content_box);
}

static void
show_review (ScsWindow *self)
{
  select_sidebar_row (self, N_CATEGORIES + 2);
  leave_search (self);
  show_page (self, "review");
  adw_leaflet_set_visible_child (self->leaflet, self->content_box);
}

static void
show_scope (ScsWindow *self)
{
  select_sidebar_row (self, N_CATEGORIES + 1);
  leave_search (self);
  show_page (self, "scope");
  adw_leaflet_set_visible_child (self->leaflet, self->content_box);
}

static void
show_declaration (ScsWindow *self)
{
  select_sidebar_row (self, N_CATEGORIES + 3);
  leave_search (self);
  show_page (self, "declaration");
  adw_leaflet_set_visible_child (self->leaflet, self->content_box);
}

static void
show_provider (ScsWindow *self)
{
  select_sidebar_row (self, N_CATEGORIES + 4);
  leave_search (self);
  show_page (self, "provider");
  adw_leaflet_set_visible_child (self->leaflet, self->content_box);
}

/* A signed assessment is read-only: rows built later check it themselves. */
static void
on_sealed_changed (ScsWindow *self)
{
  GListModel *answers;

  if (self->workspace == NULL)
    return;
  answers = scs_workspace_get_answers (self->workspace);
  for (guint i = 0; i < g_list_model_get_n_items (answers); i++)
    {
      g_autoptr(ScsAnswer) answer = g_list_model_get_item (answers, i);
      ScsCriterionRow *row = self->checklist_page != NULL
                             ? scs_checklist_page_get_row (self->checklist_page, scs_answer_get_criterion_id (answer))
                             : NULL;

      if (row != NULL)
        scs_criterion_row_set_sealed (row, scs_review_page_get_sealed (self->review_page));
    }
}

static void
on_sidebar_row_selected (ScsWindow     *self,
                         GtkListBoxRow *row)
{
  int index;

  if (self->syncing_sidebar || row == NULL)
    return;
  update_sidebar_focus (self);
  /* Moved with the arrow keys: the focus follows to the now focusable row. */
  if (gtk_widget_get_focus_child (GTK_WIDGET (self->sidebar)) != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));

  index = gtk_list_box_row_get_index (row);
  if (index == 0)
    show_dashboard (self);
  else if (index == N_CATEGORIES + 1)
    show_scope (self);
  else if (index == N_CATEGORIES + 2)
    show_review (self);
  else if (index == N_CATEGORIES + 3)
    show_declaration (self);
  else if (index == N_CATEGORIES + 4)
    show_provider (self);
  else if (index > 0)
    show_category (self, index);
}

static void
on_sidebar_row_activated (ScsWindow     *self,
                          GtkListBoxRow *row)
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
      select_sidebar_row (self, scs_checklist_page_get_category (self->checklist_page));
      show_page (self, "checklist");
    }
}

/* Welcome page ----------------------------------------------------------- */

static int
compare_recent (gconstpointer a,
                gconstpointer b)
{
  /* Newest first. */
  return g_date_time_compare (gtk_recent_info_get_modified ((GtkRecentInfo *) b),
                              gtk_recent_info_get_modified ((GtkRecentInfo *) a));
}

static void
populate_recent (ScsWindow *self)
{
  GtkRecentManager *manager = gtk_recent_manager_get_default ();
  GList *items = gtk_recent_manager_get_items (manager);
  GtkWidget *child;
  guint n = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))) != NULL)
    gtk_list_box_remove (self->recent_list, child);

  items = g_list_sort (items, compare_recent);
  for (GList *l = items; l != NULL && n < 8; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      const char *uri = gtk_recent_info_get_uri (info);
      g_autoptr(GFile) file = NULL;
      g_autofree char *path = NULL;
      GtkWidget *row;

      if (!g_str_has_suffix (uri, ".scsw") || !gtk_recent_info_exists (info))
        continue;

      file = g_file_new_for_uri (uri);
      path = g_file_get_path (file);
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), gtk_recent_info_get_display_name (info));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), path ? path : uri);
      /* One line each, ellipsized: a long path wrapped at every width the
       * welcome page is measured at cost ~50 M instructions per row. */
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 1);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "scs-file", g_steal_pointer (&file), g_object_unref);
      gtk_list_box_append (self->recent_list, row);
      n++;
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);

  gtk_widget_set_visible (self->recent_box, n > 0);
}

static void
welcome_mapped (ScsWindow *self)
{
  if (self->recent_populated)
    return;
  self->recent_populated = TRUE;
  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (populate_recent), self, G_CONNECT_SWAPPED);
  populate_recent (self);
}

static void
on_recent_activated (ScsWindow     *self,
                     GtkListBoxRow *row)
{
  GFile *file = g_object_get_data (G_OBJECT (row), "scs-file");
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (file != NULL && SCS_IS_APPLICATION (app))
    scs_application_open_file (SCS_APPLICATION (app), file, GTK_WINDOW (self));
}

/* Actions ---------------------------------------------------------------- */

static gboolean
require_workspace (ScsWindow *self)
{
  return self->workspace != NULL;
}

/* The SME's answers are the SME's: a reviewer (expert or assistant)
 * proposes changes on the review page and never edits them directly. */
static gboolean
refuse_reviewer_edit (ScsWindow *self)
{
  ScsReview *review = self->review_page != NULL ? scs_review_page_get_review (self->review_page) : NULL;
  ScsProfile *profile = review != NULL ? scs_review_get_profile (review) : NULL;

  if (profile == NULL || !scs_role_is_reviewer (scs_profile_get_role (profile)))
    return FALSE;
  scs_window_add_toast (self, _("As a reviewer you cannot change the organisation’s answers: "
                                "propose the change on the review page"));
  return TRUE;
}

static void
set_status_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ScsWindow *self = SCS_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  const char *id, *name;
  ScsAnswerState state;

  if (!require_workspace (self) || refuse_reviewer_edit (self))
    return;

  g_variant_get (parameter, "(&s&s)", &id, &name);
  if (!scs_answer_state_from_string (name, &state))
    {
      g_critical ("win.set-status: unknown state ‘%s’", name);
      return;
    }

  if (!scs_workspace_set_answer (self->workspace, id, state, NULL, NULL, &error))
    {
      ScsAnswer *answer = scs_workspace_lookup_answer (self->workspace, id);

      if (state == SCS_ANSWER_NOT_APPLICABLE && answer != NULL &&
          scs_text_is_blank (scs_answer_get_reason (answer)))
        {
          /* Not an error to apologise for: ask for the reason where it goes. */
          ScsCriterionRow *row = self->checklist_page != NULL
                                 ? scs_checklist_page_get_row (self->checklist_page, id) : NULL;
          g_autofree char *message =
            g_strdup_printf (_("Criterion %s needs a reason before it can be marked not applicable"), id);

          scs_window_add_toast (self, message);
          if (row != NULL)
            scs_criterion_row_request_reason (row);
        }
      else
        toast_save_error (self, error);
    }
  update_undo (self);
}

/* The note (@is_note) or the not-applicable reason is written only over
 * the version the user began typing from (the row knows it); without a
 * row, over what the window shows. */
static gboolean
set_text_seen (ScsWindow   *self,
               const char  *id,
               gboolean     is_note,
               const char  *text,
               GError     **error)
{
  ScsCriterionRow *row = self->checklist_page != NULL
                         ? scs_checklist_page_get_row (self->checklist_page, id) : NULL;
  ScsAnswer *answer = scs_workspace_lookup_answer (self->workspace, id);
  gint64 seen = -1;

  if (row != NULL)
    seen = is_note ? scs_criterion_row_get_note_seen_version (row)
                   : scs_criterion_row_get_reason_seen_version (row);
  if (answer == NULL || seen < 0)
    return is_note ? scs_workspace_set_note (self->workspace, id, text, error)
                   : scs_workspace_set_reason (self->workspace, id, text, error);

  return scs_workspace_set_answer_if (self->workspace, id, seen, scs_answer_get_state (answer),
                                      is_note ? text : NULL, is_note ? NULL : text, error);
}

static void
on_text_conflict_response (AdwMessageDialog *dialog,
                           const char       *response,
                           ScsWindow        *self)
{
  const char *id = g_object_get_data (G_OBJECT (dialog), "scs-id");
  gboolean is_note = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "scs-is-note"));
  ScsCriterionRow *row = self->checklist_page != NULL
                         ? scs_checklist_page_get_row (self->checklist_page, id) : NULL;

  if (row == NULL)
    return;
  if (is_note)
    scs_criterion_row_resolve_note (row, g_str_equal (response, "mine"));
  else
    scs_criterion_row_resolve_reason (row, g_str_equal (response, "mine"));
}

/* Nothing was written: show the newer note (or reason) and the user's
 * own, and let the user choose. The user's text stays in its field until
 * then. */
static void
ask_text_conflict (ScsWindow    *self,
                   const char   *id,
                   gboolean      is_note,
                   const char   *text,
                   const GError *error)
{
  ScsCriterionRow *row = self->checklist_page != NULL
                         ? scs_checklist_page_get_row (self->checklist_page, id) : NULL;
  ScsAnswer *answer = scs_workspace_lookup_answer (self->workspace, id);
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  if (row == NULL || answer == NULL)
    {
      toast_save_error (self, error);
      return;
    }
  if (is_note)
    {
      scs_criterion_row_note_conflict (row);
      /* Translators: the newer note, then the user's */
      body = g_strdup_printf (_("%s\n\nNewer note:\n%s\n\nYour note:\n%s"), error->message,
                              scs_answer_get_note (answer), text);
      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                           _("Note Changed Elsewhere"), body));
      adw_message_dialog_add_responses (dialog,
                                        "theirs", _("Use the _Newer Note"),
                                        "mine", _("Keep _My Note"),
                                        NULL);
    }
  else
    {
      const char *newer = scs_answer_get_reason (answer);

      scs_criterion_row_reason_conflict (row);
      /* Translators: the newer reason, then the user's */
      body = g_strdup_printf (_("%s\n\nNewer reason:\n%s\n\nYour reason:\n%s"), error->message,
                              newer != NULL ? newer : "", text);
      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                           _("Reason Changed Elsewhere"), body));
      adw_message_dialog_add_responses (dialog,
                                        "theirs", _("Use the _Newer Reason"),
                                        "mine", _("Keep _My Reason"),
                                        NULL);
    }
  g_object_set_data_full (G_OBJECT (dialog), "scs-id", g_strdup (id), g_free);
  g_object_set_data (G_OBJECT (dialog), "scs-is-note", GINT_TO_POINTER (is_note));
  adw_message_dialog_set_default_response (dialog, "mine");
  adw_message_dialog_set_close_response (dialog, "theirs");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_text_conflict_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
set_text_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  ScsWindow *self = SCS_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  const char *id, *text;
  ScsAnswer *answer;
  gboolean ok;

  if (!require_workspace (self) || refuse_reviewer_edit (self))
    return;

  g_variant_get (parameter, "(&s&s)", &id, &text);
  answer = scs_workspace_lookup_answer (self->workspace, id);

  if (g_str_equal (action_name, "win.set-note"))
    {
      /* Unchanged text is no edit: keep the audit log and undo meaningful. */
      if (answer != NULL && g_strcmp0 (scs_answer_get_note (answer) ? scs_answer_get_note (answer) : "", text) == 0)
        return;
      ok = set_text_seen (self, id, TRUE, text, &error);
      if (!ok && g_error_matches (error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_CONFLICT))
        {
          ask_text_conflict (self, id, TRUE, text, error);
          return;
        }
    }
  else if (g_str_equal (action_name, "win.set-reason"))
    {
      if (answer != NULL && g_strcmp0 (scs_answer_get_reason (answer), text) == 0)
        return;
      ok = set_text_seen (self, id, FALSE, text, &error);
      if (!ok && g_error_matches (error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_CONFLICT))
        {
          ask_text_conflict (self, id, FALSE, text, error);
          return;
        }
    }
  else
    ok = scs_workspace_set_answer (self->workspace, id, SCS_ANSWER_NOT_APPLICABLE, NULL, text, &error);

  if (!ok)
    toast_save_error (self, error);
  update_undo (self);
}

/* Undo and redo say what they changed and bring that criterion into view:
 * a change is never made where the user cannot see it. */
static void
undo_or_redo (ScsWindow *self,
              gboolean   redo)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *criterion = NULL;
  g_autofree char *what = NULL;
  g_autofree char *message = NULL;
  AdwToast *toast;

  if (!require_workspace (self))
    return;
  if (redo ? !scs_workspace_can_redo (self->workspace) : !scs_workspace_can_undo (self->workspace))
    return;

  criterion = g_strdup (redo ? scs_workspace_get_redo_criterion (self->workspace)
                             : scs_workspace_get_undo_criterion (self->workspace));
  what = redo ? scs_workspace_describe_redo (self->workspace) : scs_workspace_describe_undo (self->workspace);
  if (!(redo ? scs_workspace_redo (self->workspace, &error) : scs_workspace_undo (self->workspace, &error)))
    {
      message = redo
        /* Translators: %s says why */
        ? g_strdup_printf (_("Could not redo: %s"), error->message)
        /* Translators: %s says why */
        : g_strdup_printf (_("Could not undo: %s"), error->message);
      scs_window_add_toast (self, message);
      update_undo (self);
      return;
    }

  /* an item of a self-declaration shows its change on its own page */
  if (criterion != NULL && scs_workspace_lookup_answer (self->workspace, criterion) != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.goto-criterion", "s", criterion);
  message = redo
    /* Translators: %s is what was done again, e.g. "the note of criterion 1-1-1-1" */
    ? g_strdup_printf (_("Redone: %s"), what)
    /* Translators: %s is what was undone, e.g. "the note of criterion 1-1-1-1" */
    : g_strdup_printf (_("Undone: %s"), what);
  g_free (self->last_undo_message);
  self->last_undo_message = g_strdup (message);
  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 8);
  adw_toast_set_button_label (toast, redo ? _("_Undo") : _("_Redo"));
  adw_toast_set_action_name (toast, redo ? "win.undo" : "win.redo");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  update_undo (self);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  undo_or_redo (SCS_WINDOW (widget), FALSE);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  undo_or_redo (SCS_WINDOW (widget), TRUE);
}

/* For tests: the toast text of the last undo or redo. */
const char *
scs_window_get_last_undo_message (ScsWindow *self)
{
  g_return_val_if_fail (SCS_IS_WINDOW (self), NULL);

  return self->last_undo_message;
}

/* The submission package and the printed report (issue 4). */
static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ScsWindow *self = SCS_WINDOW (widget);

  if (self->workspace != NULL)
    gtk_window_present (GTK_WINDOW (scs_export_dialog_new (GTK_WINDOW (self), self->workspace)));
}

static void
edit_organization_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  ScsWindow *self = SCS_WINDOW (widget);

  if (self->workspace != NULL)
    gtk_window_present (GTK_WINDOW (scs_org_dialog_new (GTK_WINDOW (self), self->workspace)));
}

static void
print_report_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ScsWindow *self = SCS_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (self->workspace != NULL &&
      scs_export_print_report (GTK_WINDOW (self), self->workspace, &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    scs_window_add_toast (self, error->message);
}

static void
show_category_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ScsWindow *self = SCS_WINDOW (widget);
  guint category = g_variant_get_uint32 (parameter);

  if (require_workspace (self) && category >= 1 && category <= N_CATEGORIES)
    show_category (self, category);
}

static void
show_dashboard_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  ScsWindow *self = SCS_WINDOW (widget);

  if (require_workspace (self))
    show_dashboard (self);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ScsWindow *self = SCS_WINDOW (widget);

  if (!require_workspace (self))
    return;

  adw_leaflet_set_visible_child (self->leaflet, self->content_box);
  gtk_widget_set_visible (GTK_WIDGET (get_checklist_page (self)), TRUE);
  scs_checklist_page_focus_search (self->checklist_page);
}

static void
goto_criterion_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  ScsWindow *self = SCS_WINDOW (widget);
  const char *id = g_variant_get_string (parameter, NULL);

  if (!require_workspace (self))
    return;

  if (!scs_checklist_page_focus_criterion (get_checklist_page (self), id))
    {
      /* Translators: a link to a criterion the catalog does not have */
      g_autofree char *message = g_strdup_printf (_("Criterion ‘%s’ is not in this workspace’s catalog"), id);

      scs_window_add_toast (self, message);
      return;
    }

  select_sidebar_row (self, scs_checklist_page_get_category (self->checklist_page));
  show_page (self, "checklist");
  adw_leaflet_set_visible_child (self->leaflet, self->content_box);
}

static void
show_review_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ScsWindow *self = SCS_WINDOW (widget);
  const char *id = g_variant_get_string (parameter, NULL);

  if (!require_workspace (self))
    return;
  if (*id != '\0')
    scs_review_page_show_criterion (self->review_page, id);
  show_review (self);
}

static void
show_scope_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ScsWindow *self = SCS_WINDOW (widget);
  gint64 id = g_variant_get_int64 (parameter);
  ScsScope *scope;
  ScsScopeItem *item;

  if (!require_workspace (self))
    return;
  show_scope (self);
  /* With an item: its table too. */
  scope = id != 0 ? scs_scope_get (self->workspace, NULL) : NULL;
  item = scope != NULL ? scs_scope_lookup (scope, id) : NULL;
  if (item != NULL)
    scs_scope_page_show_kind (self->scope_page, scs_scope_item_get_kind (item));
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

  if (self->recent_populated)
    g_signal_handlers_disconnect_by_data (gtk_recent_manager_get_default (), self);
  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), SCS_TYPE_WINDOW);
  /* Children of the content stack, gone with it. */
  self->checklist_page = NULL;
  self->scope_page = NULL;
  self->provider_page = NULL;
  g_clear_object (&self->workspace);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->last_undo_message, g_free);

  G_OBJECT_CLASS (scs_window_parent_class)->dispose (object);
}

/* Vendor and ordering-company tools (issue 7): each opens its own window. */
static void
vendor_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ScsWindow *self = SCS_WINDOW (widget);
  ScsWorkspace *workspace = scs_window_get_workspace (self);
  GtkWindow *window = NULL;

  if (g_str_equal (action_name, "win.portfolio"))
    window = GTK_WINDOW (scs_portfolio_window_new (gtk_window_get_application (GTK_WINDOW (self))));
  else if (g_str_equal (action_name, "win.supplier-wizard"))
    window = GTK_WINDOW (scs_wizard_dialog_new (GTK_WINDOW (self), NULL));
  else if (workspace == NULL)
    scs_window_add_toast (self, _("Open a client workspace first"));
  else if (g_str_equal (action_name, "win.diagnosis"))
    window = GTK_WINDOW (scs_diagnosis_window_new (GTK_WINDOW (self), workspace));
  else
    window = GTK_WINDOW (scs_compare_window_new (GTK_WINDOW (self), workspace));

  if (window != NULL)
    gtk_window_present (window);
}

static void
scs_window_class_init (ScsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = scs_window_dispose;
  window_class->close_request = scs_window_close_request;

  /* Referencing the resource links it in from the static library, and its
   * constructor registers it: the templates below live there. */
  (void) scs_ui_get_resource ();
  g_type_ensure (SCS_TYPE_DASHBOARD_PAGE);
  g_type_ensure (SCS_TYPE_REVIEW_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/jp/scsworkbench/Workbench/scs-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ScsWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ScsWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, ScsWindow, recent_box);
  gtk_widget_class_bind_template_child (widget_class, ScsWindow, recent_list);
  gtk_widget_class_bind_template_child (widget_class, ScsWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, ScsWindow, content_box);
  gtk_widget_class_bind_template_child (widget_class, ScsWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, ScsWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, ScsWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, ScsWindow, dashboard_page);
  gtk_widget_class_bind_template_child (widget_class, ScsWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, ScsWindow, review_page);
  gtk_widget_class_bind_template_child (widget_class, ScsWindow, welcome_menu_button);
  gtk_widget_class_bind_template_child (widget_class, ScsWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, ScsWindow, primary_menu);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_recent_activated);

  gtk_widget_class_install_action (widget_class, "win.set-status", "(ss)", set_status_action);
  gtk_widget_class_install_action (widget_class, "win.set-note", "(ss)", set_text_action);
  gtk_widget_class_install_action (widget_class, "win.set-reason", "(ss)", set_text_action);
  gtk_widget_class_install_action (widget_class, "win.set-not-applicable", "(ss)", set_text_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.show-category", "u", show_category_action);
  gtk_widget_class_install_action (widget_class, "win.show-dashboard", NULL, show_dashboard_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.goto-criterion", "s", goto_criterion_action);
  gtk_widget_class_install_action (widget_class, "win.show-review", "s", show_review_action);
  gtk_widget_class_install_action (widget_class, "win.show-scope", "x", show_scope_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.edit-organization", NULL, edit_organization_action);
  gtk_widget_class_install_action (widget_class, "win.print-report", NULL, print_report_action);
  gtk_widget_class_install_action (widget_class, "win.load-catalog", NULL, scs_migration_assistant_load_catalog_action);
  gtk_widget_class_install_action (widget_class, "win.reconfirm-answer", "s", scs_migration_assistant_reconfirm_action);
  gtk_widget_class_install_action (widget_class, "win.reconfirm-bulk", NULL, scs_reconfirm_window_action);
  gtk_widget_class_install_action (widget_class, "win.portfolio", NULL, vendor_action);
  gtk_widget_class_install_action (widget_class, "win.diagnosis", NULL, vendor_action);
  gtk_widget_class_install_action (widget_class, "win.renewal", NULL, vendor_action);
  gtk_widget_class_install_action (widget_class, "win.supplier-wizard", NULL, vendor_action);
}

static void
scs_window_init (ScsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_menu_button_set_create_popup_func (self->welcome_menu_button, attach_primary_menu, self, NULL);
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

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->sidebar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Categories"), -1);

  /* Hidden until shown (show_page); the welcome page reads the recent
   * files when it is first mapped, not when a window opens a workspace. */
  for (GtkWidget *page = gtk_widget_get_first_child (GTK_WIDGET (self->content_stack));
       page != NULL; page = gtk_widget_get_next_sibling (page))
    gtk_widget_set_visible (page, FALSE);
  g_signal_connect_object (gtk_stack_get_child_by_name (self->main_stack, "welcome"), "map",
                           G_CALLBACK (welcome_mapped), self, G_CONNECT_SWAPPED);
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
  rebuild_sidebar (self);
  update_title (self);
  update_undo (self);

  /* Hidden, the welcome page is neither measured nor styled. */
  gtk_widget_set_visible (gtk_stack_get_child_by_name (self->main_stack, "welcome"), workspace == NULL);
  if (workspace == NULL)
    {
      gtk_stack_set_visible_child_name (self->main_stack, "welcome");
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
  g_signal_connect_object (workspace, "notify::target-level", G_CALLBACK (on_target_level_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (workspace, "notify::can-redo", G_CALLBACK (update_undo),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (workspace, "notify::can-undo", G_CALLBACK (update_undo),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (workspace, "organization-changed", G_CALLBACK (update_title),
                           self, G_CONNECT_SWAPPED);

  gtk_stack_set_visible_child_name (self->main_stack, "workspace");
  /* Each side first sees what changed since its last turn. */
  if (scs_review_page_has_news (self->review_page))
    show_review (self);
  else if (scs_workspace_get_workspace_type (workspace) == SCS_WORKSPACE_TYPE_PROVIDER)
    show_provider (self);
  else if (scs_workspace_get_workspace_type (workspace) != SCS_WORKSPACE_TYPE_SCS)
    show_declaration (self);
  else
    show_dashboard (self);
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

GtkListBox *
scs_window_get_sidebar (ScsWindow *self)
{
  g_return_val_if_fail (SCS_IS_WINDOW (self), NULL);

  return self->sidebar;
}

GtkWidget *
scs_window_get_checklist (ScsWindow *self)
{
  g_return_val_if_fail (SCS_IS_WINDOW (self), NULL);

  return GTK_WIDGET (get_checklist_page (self));
}

const char *
scs_window_get_visible_page (ScsWindow *self)
{
  g_return_val_if_fail (SCS_IS_WINDOW (self), NULL);

  if (self->workspace == NULL)
    return "welcome";
  return gtk_stack_get_visible_child_name (self->content_stack);
}

const char *
scs_window_get_progress_text (ScsWindow *self,
                              guint      category)
{
  g_return_val_if_fail (SCS_IS_WINDOW (self), NULL);
  g_return_val_if_fail (category <= N_CATEGORIES, NULL);

  if (self->count_labels[category] == NULL)
    return NULL;
  return gtk_label_get_text (GTK_LABEL (self->count_labels[category]));
}

GtkWidget *
scs_window_show_provider (ScsWindow *self)
{
  g_return_val_if_fail (SCS_IS_WINDOW (self), NULL);

  show_provider (self);
  return GTK_WIDGET (get_provider_page (self));
}
