/* gui-test-util.c: the helpers every GUI test program needs — running the
 * main loop until something is true (a widget mapped and painted, a flag
 * set, a condition met) for as long as it takes, saying where it waits
 * once that takes long (meson's timeout fails a hung test), saving a widget as a PNG next to the test binary, making and
 * removing temporary folders, and finding a widget in a tree. They were
 * copied into each test; the copies differed in timeouts, file names and
 * what "painted" meant, so those differences are parameters here and each
 * test says which it wants.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <adwaita.h>

#include "gui-test-util.h"

#include "../core/core-test-util.h"

#include "scs-corporate-number.h"
#include "scs-i18n.h"
#include "scs-review-banner.h"
#include "scs-review-page.h"
#include "scs-screenshot.h"
#include "scs-sidebar.h"
#include "scs-window.h"
#include "scs-ui-resources.h"

/* A GSourceFunc: sets the gboolean at @data and removes itself. */
gboolean
gui_test_on_timeout (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* A GtkTickCallback: counts frames into the guint at @data. */
gboolean
gui_test_count_frame (GtkWidget     *widget,
                      GdkFrameClock *clock,
                      gpointer       data)
{
  (*(guint *) data)++;
  return G_SOURCE_CONTINUE;
}

/* Dispatches until an iteration dispatches nothing. */
void
gui_test_drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Dispatches while the default context says something is pending. */
void
gui_test_drain_pending (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

/* A wait that is taking long says so, and where it is, every @seconds:
 * a note in the test's output, not a failure. Meson's per-test timeout
 * (scaled by --timeout-multiplier) is the only guard against a hang, and
 * when it ends the test, the last note says which wait hung. */
typedef struct
{
  const char *where;
  const char *what;
  guint       seconds;
  guint       waited;
} SlowWait;

static gboolean
note_slow_wait (gpointer data)
{
  SlowWait *wait = data;

  wait->waited += wait->seconds;
  g_test_message ("%s: still waiting for %s after %u s", wait->where, wait->what, wait->waited);
  return G_SOURCE_CONTINUE;
}

static guint
slow_wait_watch (SlowWait *wait)
{
  return g_timeout_add_seconds (MAX (wait->seconds, 1), note_slow_wait, wait);
}

/* Iterates the main loop without blocking until @done returns TRUE; returns
 * FALSE if @seconds pass first (the caller decides what that means, e.g. a
 * child process reports that it is still waiting). */
gboolean
gui_test_poll_until (GuiTestDoneFunc done,
                     gpointer        data,
                     guint           seconds)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) seconds * G_USEC_PER_SEC;

  while (!done (data))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
    }
  return TRUE;
}

/* Iterates the main loop without blocking until @done returns TRUE, however
 * long that takes; notes every @seconds that it is still waiting at @where. */
void
gui_test_wait_until_at (const char      *where,
                        GuiTestDoneFunc  done,
                        gpointer         data,
                        guint            seconds)
{
  SlowWait wait = { where, "a condition", seconds, 0 };
  guint watch_id = slow_wait_watch (&wait);

  while (!done (data))
    g_main_context_iteration (NULL, FALSE);
  g_source_remove (watch_id);
}

/* Runs the main loop (blocking) until *@flag is TRUE; notes every @seconds
 * that it is still waiting at @where. */
void
gui_test_wait_for_flag_at (const char *where,
                           gboolean   *flag,
                           guint       seconds)
{
  SlowWait wait = { where, "a flag", seconds, 0 };
  guint watch_id = slow_wait_watch (&wait);

  while (!*flag)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (watch_id);
}

/* A GuiTestDoneFunc: the widget is mapped and has a width. */
gboolean
gui_test_is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget) && gtk_widget_get_width (widget) > 0;
}

/* Runs the main loop until @widget is mapped and three frames have been
 * painted since (with GUI_TEST_WAIT_WIDTH, also until it has a width), so
 * what we snapshot is what is on screen; with GUI_TEST_WAIT_DRAIN, then
 * runs whatever is pending. Notes every @seconds that it is still waiting
 * at @where. */
void
gui_test_wait_for_widget_at (const char       *where,
                             GtkWidget        *widget,
                             guint             seconds,
                             GuiTestWaitFlags  flags)
{
  g_autofree char *what = g_strdup_printf ("a %s to be mapped and painted", G_OBJECT_TYPE_NAME (widget));
  SlowWait wait = { where, what, seconds, 0 };
  guint watch_id = slow_wait_watch (&wait);
  guint frames = 0;
  guint tick_id;

  while (!gtk_widget_get_mapped (widget))
    g_main_context_iteration (NULL, TRUE);
  tick_id = gtk_widget_add_tick_callback (widget, gui_test_count_frame, &frames, NULL);
  while (frames < 3
         || ((flags & GUI_TEST_WAIT_WIDTH) != 0 && gtk_widget_get_width (widget) <= 0))
    g_main_context_iteration (NULL, TRUE);
  gtk_widget_remove_tick_callback (widget, tick_id);
  g_source_remove (watch_id);
  if ((flags & GUI_TEST_WAIT_DRAIN) != 0)
    gui_test_drain_pending ();
}

/* Waits for @widget as gui_test_wait_for_widget() does (@flags), then
 * saves it as @prefix@name@suffix in the test's build folder. */
void
gui_test_save_png (GtkWidget        *widget,
                   const char       *prefix,
                   const char       *name,
                   const char       *suffix,
                   GuiTestWaitFlags  flags)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *file_name = g_strconcat (prefix, name, suffix, NULL);
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, file_name, NULL);

  gui_test_wait_for_widget (widget, 10, flags);
  g_assert_true (scs_widget_save_png (widget, path, &error));
  g_assert_no_error (error);
  g_test_message ("rendered %s", path);
}

/* The core tests' helpers, under the names the GUI tests use. */
char *
gui_test_make_tmp_dir (const char *tmpl)
{
  return core_test_make_tmp_dir (tmpl);
}

void
gui_test_remove_tree (const char *path)
{
  core_test_rm_rf (path);
}

/* The first widget, depth first from @root itself, that @match accepts. */
GtkWidget *
gui_test_find (GtkWidget         *root,
               GuiTestMatchFunc   match,
               gconstpointer      data)
{
  if (match (root, data))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = gui_test_find (child, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

/* The first widget, depth first from @root itself, that is a @type. */
GtkWidget *
gui_test_find_by_type (GtkWidget *root,
                       GType      type)
{
  return gui_test_find (root, is_of_type, GSIZE_TO_POINTER (type));
}

static gboolean
has_name (GtkWidget     *widget,
          gconstpointer  name)
{
  return g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

/* The first widget, depth first from @root itself, whose widget name is
 * @name. */
GtkWidget *
gui_test_find_by_name (GtkWidget  *root,
                       const char *name)
{
  return gui_test_find (root, has_name, name);
}

static gboolean
has_buildable_id (GtkWidget     *widget,
                  gconstpointer  id)
{
  return g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)), id) == 0;
}

/* The first widget, depth first from @root itself, that a .ui file (a
 * template's too) gave the id @buildable_id: how tests reach a widget's
 * template children without a getter in its public header. */
GtkWidget *
gui_test_find_child (GtkWidget  *root,
                     const char *buildable_id)
{
  return gui_test_find (root, has_buildable_id, buildable_id);
}

/* The first toplevel window of @type, or NULL. */
GtkWindow *
gui_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }
  return NULL;
}

/* gui_test_find_child (), which must find it. */
GtkWidget *
gui_test_get_child (gpointer    root,
                    const char *buildable_id)
{
  GtkWidget *child = gui_test_find_child (root, buildable_id);

  if (child == NULL)
    g_error ("no template child ‘%s’ under %s", buildable_id, G_OBJECT_TYPE_NAME (root));
  return child;
}

static void
set_flag (gboolean *flag)
{
  *flag = TRUE;
}

/* Types @text into the search entry @entry and waits for its search (the
 * entry's "search-changed", after GtkSearchEntry's delay). */
void
gui_test_search (GtkWidget  *entry,
                 const char *text)
{
  gboolean searched = FALSE;
  gulong id = g_signal_connect_swapped (entry, "search-changed", G_CALLBACK (set_flag), &searched);

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  gui_test_wait_for_flag (&searched, 10);
  g_signal_handler_disconnect (entry, id);
}

/* How many rows the list box with the buildable ID @buildable_id under
 * @root shows. */
guint
gui_test_n_rows (GtkWidget  *root,
                 const char *buildable_id)
{
  GtkWidget *list = gui_test_find_child (root, buildable_id);
  guint n = 0;

  g_assert_true (GTK_IS_LIST_BOX (list));
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    n++;
  return n;
}

/* The dashboard page's heading, count and status lines as shown, one per
 * line (the re-confirmation line only when shown). */
char *
gui_test_dashboard_status (gpointer page)
{
  GtkWidget *reconfirm = gui_test_find_child (page, "reconfirm_label");

  return g_strjoin ("\n", gtk_label_get_label (GTK_LABEL (gui_test_find_child (page, "heading_label"))),
                    gtk_label_get_label (GTK_LABEL (gui_test_find_child (page, "count_label"))),
                    gtk_label_get_label (GTK_LABEL (gui_test_find_child (page, "status_label"))),
                    gtk_widget_get_visible (reconfirm) ? gtk_label_get_label (GTK_LABEL (reconfirm)) : "", NULL);
}

/* Types and picks in a profile page (ScsProfilePage) what a user would:
 * NULL leaves a row empty; @role and @qualification are the combo rows'
 * positions (ScsRole, ScsQualification). */
void
gui_test_fill_profile (gpointer    page,
                       const char *name,
                       const char *organization,
                       guint       role,
                       guint       qualification,
                       const char *registration,
                       const char *training_date,
                       const char *certificate)
{
  /* in the order of the page, as typed */
  const struct { const char *id; const char *text; } rows[] = {
    { "name_row", name }, { "organization_row", organization }, { "role_row", NULL },
    { "qualification_row", NULL }, { "registration_row", registration }, { "training_row", training_date },
    { "certificate_row", certificate },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      GtkWidget *row = gui_test_find_child (page, rows[i].id);

      if (ADW_IS_COMBO_ROW (row))
        adw_combo_row_set_selected (ADW_COMBO_ROW (row), g_str_equal (rows[i].id, "role_row") ? role : qualification);
      else
        gtk_editable_set_text (GTK_EDITABLE (row), rows[i].text ? rows[i].text : "");
    }
}

/* The validation message a profile page shows, NULL when there is none. */
const char *
gui_test_profile_problem (gpointer page)
{
  const char *text = gtk_label_get_text (GTK_LABEL (gui_test_find_child (page, "problem_label")));

  return *text != '\0' ? text : NULL;
}

/* The list of the main window's sidebar (its template child "list"). */
GtkListBox *
gui_test_sidebar_list (gpointer window)
{
  GtkWidget *sidebar = gui_test_find_by_type (window, SCS_TYPE_SIDEBAR);

  g_assert_nonnull (sidebar);
  return GTK_LIST_BOX (gui_test_find_child (sidebar, "list"));
}

static gboolean
is_value_label (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_label_get_selectable (GTK_LABEL (widget));
}

/* The value the certificate dialog (scs-certificate-dialog.c) shows in its
 * row @key, NULL when there is no such row. */
const char *
gui_test_certificate_field (gpointer    dialog,
                            const char *key)
{
  GtkWidget *row = gui_test_find_by_name (GTK_WIDGET (dialog), key);

  return row != NULL ? gtk_label_get_label (GTK_LABEL (gui_test_find (row, is_value_label, NULL))) : NULL;
}

/* The names of the sidebar's rows, top to bottom, each followed by a
 * space: "dashboard-row category-1-row … review-row ". */
char *
gui_test_sidebar_rows (gpointer window)
{
  GtkListBox *list = gui_test_sidebar_list (window);
  GString *names = g_string_new (NULL);
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    {
      g_assert_true (gtk_widget_get_visible (GTK_WIDGET (row)));
      g_string_append_printf (names, "%s ", gtk_widget_get_name (GTK_WIDGET (row)));
    }
  return g_string_free (names, FALSE);
}

/* The text of the review page's sealing banner, or NULL while it is hidden. */
const char *
gui_test_banner_text (gpointer page)
{
  GtkWidget *banner = scs_review_page_get_banner (page);

  if (!gtk_widget_get_visible (banner))
    return NULL;
  return gtk_label_get_text (GTK_LABEL (gui_test_find_child (banner, "label")));
}

/* TRUE while the banner's signature check (a thread) runs. */
gboolean
gui_test_banner_checking (gpointer page)
{
  gboolean checking;

  g_object_get (scs_review_page_get_banner (page), "checking", &checking, NULL);
  return checking;
}

/* Presents a new window of @width × @height holding @child; returns it. */
GtkWidget *
gui_test_show_in_window (GtkWidget *child,
                         int        width,
                         int        height)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_set_child (GTK_WINDOW (window), child);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

/* Starts a GUI test program: the GLib test framework, the UI resources
 * (referencing them links them in from the static library, and their
 * constructor registers the templates), translations into @language, GTK
 * and libadwaita, and no animations, so screenshots show the settled state
 * rather than a transition half-way. */
void
gui_test_init (int          *argc,
               char       ***argv,
               const char   *language)
{
  g_test_init (argc, argv, NULL);
  g_assert_nonnull (scs_ui_get_resource ());
  scs_i18n_init (language);
  gtk_init ();
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
}

/* As gui_test_init(), for the programs that start with gtk_test_init():
 * translations first, then GTK's test set-up, libadwaita, the resources, and
 * no animations. */
void
gui_test_init_gtk_test (int          *argc,
                        char       ***argv,
                        const char   *language)
{
  scs_i18n_init (language);
  gtk_test_init (argc, argv, NULL);
  adw_init ();
  g_assert_nonnull (scs_ui_get_resource ());
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
}

/* A SHA-256 over the workspace file at @path and its write-ahead log, to
 * tell whether anything was written. Read by another process: the window
 * under test holds the file in this one, and closing a descriptor of it
 * here would drop SQLite's locks (docs/DESIGN.md, the file rule). */
char *
gui_test_file_state (const char *path)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *suffixes[] = { "", "-wal" };
  int status = 0;

  g_ptr_array_add (argv, g_strdup ("sha256sum"));
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);

      if (g_file_test (name, G_FILE_TEST_IS_REGULAR))
        g_ptr_array_add (argv, g_steal_pointer (&name));
    }
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, out, -1);
}

/* A valid corporate number (check digit and "180301018771"), for sample
 * organisations. */
char *
gui_test_sample_corporate_number (void)
{
  const char *twelve = "180301018771";

  return g_strdup_printf ("%d%s", scs_corporate_number_check_digit (twelve), twelve);
}

/* A new organisation called @name with the sample corporate number. */
ScsOrganization *
gui_test_sample_organization (const char *name)
{
  ScsOrganization *org = scs_organization_new ();

  org->name = g_strdup (name);
  org->corporate_number = gui_test_sample_corporate_number ();
  return org;
}

/* A new workspace at @path for @org at ★@level with the built-in catalog;
 * fails the test if it cannot be created. */
ScsWorkspace *
gui_test_create_workspace (const char      *path,
                           ScsOrganization *org,
                           guint            level)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsCatalog) catalog = scs_catalog_new_builtin ();
  ScsWorkspace *workspace = scs_workspace_create (path, org, level, catalog, &error);

  g_assert_no_error (error);
  return workspace;
}

/* Gives @window a default size of @width × @height, presents it and waits
 * (10 s at most) until it is mapped and has a width. */
void
gui_test_present_window (GtkWindow *window,
                         int        width,
                         int        height)
{
  gtk_window_set_default_size (window, width, height);
  gtk_window_present (window);
  gui_test_wait_until (gui_test_is_mapped, window, 10);
}

const char *
gui_test_window_subtitle (gpointer window)
{
  GtkWidget *title = gui_test_find_child (window, "window_title");

  g_assert_true (ADW_IS_WINDOW_TITLE (title));
  return adw_window_title_get_subtitle (ADW_WINDOW_TITLE (title));
}

const char *
gui_test_window_page (gpointer window)
{
  GtkStack *main_stack = GTK_STACK (gui_test_find_child (window, "main_stack"));

  if (g_strcmp0 (gtk_stack_get_visible_child_name (main_stack), "welcome") == 0)
    return "welcome";
  return gtk_stack_get_visible_child_name (GTK_STACK (gui_test_find_child (window, "content_stack")));
}

static gboolean
is_label (GtkWidget     *widget,
          gconstpointer  data)
{
  return GTK_IS_LABEL (widget);
}

/* The title of the toast @window shows in front, as the user reads it (the
 * first label of the toast's widget, the newest of the AdwToastOverlay's
 * toasts), or NULL when none is up. */
const char *
gui_test_toast_title (gpointer window)
{
  GtkWidget *overlay = gui_test_find_by_type (window, ADW_TYPE_TOAST_OVERLAY);
  GtkWidget *toast = NULL;
  GtkWidget *label;

  g_assert_nonnull (overlay);
  /* the overlay's children: its content, then the toasts as they came up
   * (one going away may still be there, under the newer one) */
  for (GtkWidget *child = gtk_widget_get_first_child (overlay); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_str_equal (G_OBJECT_TYPE_NAME (child), "AdwToastWidget"))
      toast = child;
  if (toast == NULL)
    return NULL;
  label = gui_test_find (toast, is_label, NULL);
  g_assert_nonnull (label);
  return gtk_label_get_text (GTK_LABEL (label));
}

static void
free_string (gpointer data)
{
  g_string_free (data, TRUE);
}

static void
on_toast (GSimpleAction *action,
          GVariant      *parameter,
          gpointer       user_data)
{
  g_string_append_printf (user_data, "%s\n", g_variant_get_string (parameter, NULL));
}

/* A "win" action group of the widget itself: GTK looks for "win.toast"
 * there first, and for any other "win." action on up to the window. */
void
gui_test_catch_toasts (gpointer widget)
{
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) toast = g_simple_action_new ("toast", G_VARIANT_TYPE_STRING);
  GString *messages = g_string_new (NULL);

  g_object_set_data_full (G_OBJECT (widget), "gui-test-toasts", messages, free_string);
  g_signal_connect (toast, "activate", G_CALLBACK (on_toast), messages);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (toast));
  gtk_widget_insert_action_group (GTK_WIDGET (widget), "win", G_ACTION_GROUP (group));
}

char *
gui_test_take_toasts (gpointer widget)
{
  GString *messages = g_object_get_data (G_OBJECT (widget), "gui-test-toasts");
  char *taken;

  g_assert_nonnull (messages);  /* gui_test_catch_toasts () first */
  if (messages->len == 0)
    return NULL;
  taken = g_strndup (messages->str, messages->len - 1);
  g_string_truncate (messages, 0);
  return taken;
}

void
gui_test_use_profile (gpointer    window,
                      ScsProfile *profile)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (scs_profile_save (profile, &error));
  g_assert_no_error (error);
  scs_window_apply_profile (SCS_WINDOW (window));
}

/* @func on @node and every node under it, for each node type of GTK 4.8
 * that has children. */
void
gui_test_walk_render_nodes (GskRenderNode   *node,
                            GuiTestNodeFunc  func,
                            gpointer         data)
{
  func (node, data);
  switch (gsk_render_node_get_node_type (node))
    {
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        gui_test_walk_render_nodes (gsk_container_node_get_child (node, i), func, data);
      break;
    case GSK_TRANSFORM_NODE:
      gui_test_walk_render_nodes (gsk_transform_node_get_child (node), func, data);
      break;
    case GSK_OPACITY_NODE:
      gui_test_walk_render_nodes (gsk_opacity_node_get_child (node), func, data);
      break;
    case GSK_COLOR_MATRIX_NODE:
      gui_test_walk_render_nodes (gsk_color_matrix_node_get_child (node), func, data);
      break;
    case GSK_REPEAT_NODE:
      gui_test_walk_render_nodes (gsk_repeat_node_get_child (node), func, data);
      break;
    case GSK_CLIP_NODE:
      gui_test_walk_render_nodes (gsk_clip_node_get_child (node), func, data);
      break;
    case GSK_ROUNDED_CLIP_NODE:
      gui_test_walk_render_nodes (gsk_rounded_clip_node_get_child (node), func, data);
      break;
    case GSK_SHADOW_NODE:
      gui_test_walk_render_nodes (gsk_shadow_node_get_child (node), func, data);
      break;
    case GSK_BLEND_NODE:
      gui_test_walk_render_nodes (gsk_blend_node_get_bottom_child (node), func, data);
      gui_test_walk_render_nodes (gsk_blend_node_get_top_child (node), func, data);
      break;
    case GSK_CROSS_FADE_NODE:
      gui_test_walk_render_nodes (gsk_cross_fade_node_get_start_child (node), func, data);
      gui_test_walk_render_nodes (gsk_cross_fade_node_get_end_child (node), func, data);
      break;
    case GSK_DEBUG_NODE:
      gui_test_walk_render_nodes (gsk_debug_node_get_child (node), func, data);
      break;
    case GSK_BLUR_NODE:
      gui_test_walk_render_nodes (gsk_blur_node_get_child (node), func, data);
      break;
    case GSK_GL_SHADER_NODE:
      for (guint i = 0; i < gsk_gl_shader_node_get_n_children (node); i++)
        gui_test_walk_render_nodes (gsk_gl_shader_node_get_child (node, i), func, data);
      break;
    default:
      break;
    }
}
