/* gui-test-util.h: helpers shared by the GUI test programs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "scs-profile.h"
#include "scs-workspace.h"

G_BEGIN_DECLS

typedef gboolean (*GuiTestDoneFunc) (gpointer data);

/* What gui_test_wait_for_widget() waits for besides the widget being mapped
 * and three frames painted. */
typedef enum
{
  GUI_TEST_WAIT_FRAMES = 0,       /* mapped, three frames */
  GUI_TEST_WAIT_WIDTH  = 1 << 0,  /* ... and a width above 0 */
  GUI_TEST_WAIT_DRAIN  = 1 << 1,  /* ... then run what is pending */
} GuiTestWaitFlags;

#define GUI_TEST_WAIT_LAID_OUT (GUI_TEST_WAIT_WIDTH | GUI_TEST_WAIT_DRAIN)

gboolean   gui_test_on_timeout        (gpointer          data);
gboolean   gui_test_count_frame       (GtkWidget        *widget,
                                       GdkFrameClock    *clock,
                                       gpointer          data);

void       gui_test_drain             (void);
void       gui_test_drain_pending     (void);

gboolean   gui_test_poll_until        (GuiTestDoneFunc   done,
                                       gpointer          data,
                                       guint             seconds);

/* The waits below run the main loop until what they wait for happens,
 * however long that takes: meson's per-test timeout is the only guard
 * against a hang. @seconds is how long the wait should take at most on a
 * healthy run; each time that passes again, the wait says in the test's
 * output where it is still waiting (G_STRLOC of the caller), so a test
 * that timed out shows which wait hung. */
#define gui_test_wait_until(...) \
  gui_test_wait_until_at (G_STRLOC, __VA_ARGS__)
#define gui_test_wait_for_flag(...) \
  gui_test_wait_for_flag_at (G_STRLOC, __VA_ARGS__)
#define gui_test_wait_for_widget(...) \
  gui_test_wait_for_widget_at (G_STRLOC, __VA_ARGS__)

void       gui_test_wait_until_at     (const char       *where,
                                       GuiTestDoneFunc   done,
                                       gpointer          data,
                                       guint             seconds);
void       gui_test_wait_for_flag_at  (const char       *where,
                                       gboolean         *flag,
                                       guint             seconds);
void       gui_test_wait_for_widget_at (const char      *where,
                                       GtkWidget        *widget,
                                       guint             seconds,
                                       GuiTestWaitFlags  flags);
gboolean   gui_test_is_mapped         (gpointer          widget);

void       gui_test_save_png          (GtkWidget        *widget,
                                       const char       *prefix,
                                       const char       *name,
                                       const char       *suffix,
                                       GuiTestWaitFlags  flags);

/* core_test_make_tmp_dir() and core_test_rm_rf() (tests/core/core-test-util.c) */
char      *gui_test_make_tmp_dir      (const char       *tmpl);
void       gui_test_remove_tree       (const char       *path);

typedef gboolean (*GuiTestMatchFunc) (GtkWidget     *widget,
                                      gconstpointer  data);

GtkWidget *gui_test_find              (GtkWidget        *root,
                                       GuiTestMatchFunc  match,
                                       gconstpointer     data);
GtkWidget *gui_test_find_by_type      (GtkWidget        *root,
                                       GType             type);
GtkWidget *gui_test_find_by_name      (GtkWidget        *root,
                                       const char       *name);
GtkWidget *gui_test_find_child        (GtkWidget        *root,
                                       const char       *buildable_id);
GtkWindow *gui_test_find_toplevel     (GType             type);
GtkWidget *gui_test_get_child         (gpointer          root,
                                       const char       *buildable_id);
void       gui_test_search            (GtkWidget        *entry,
                                       const char       *text);
guint      gui_test_n_rows            (GtkWidget        *root,
                                       const char       *buildable_id);
char      *gui_test_dashboard_status  (gpointer          page);
void       gui_test_fill_profile      (gpointer          page,
                                       const char       *name,
                                       const char       *organization,
                                       guint             role,
                                       guint             qualification,
                                       const char       *registration,
                                       const char       *training_date,
                                       const char       *certificate);
const char *gui_test_profile_problem  (gpointer          page);
GtkListBox *gui_test_sidebar_list     (gpointer          window);
char      *gui_test_sidebar_rows      (gpointer          window);
const char *gui_test_certificate_field (gpointer         dialog,
                                       const char       *key);
const char *gui_test_banner_text      (gpointer          page);
gboolean   gui_test_banner_checking   (gpointer          page);
GtkWidget *gui_test_show_in_window    (GtkWidget        *child,
                                       int               width,
                                       int               height);

void       gui_test_init              (int              *argc,
                                       char           ***argv,
                                       const char       *language);
void       gui_test_init_gtk_test     (int              *argc,
                                       char           ***argv,
                                       const char       *language);

char      *gui_test_file_state        (const char       *path);

char         *gui_test_sample_corporate_number (void);
ScsOrganization *gui_test_sample_organization (const char *name);
ScsWorkspace *gui_test_create_workspace      (const char      *path,
                                              ScsOrganization *org,
                                              guint            level);
void          gui_test_present_window        (GtkWindow       *window,
                                              int              width,
                                              int              height);

/* The page a workbench window shows: "welcome", or the name of its
 * content page ("dashboard", "checklist", "scope", "review" …). */
const char   *gui_test_window_page           (gpointer         window);
/* Catches the toasts @widget and what it holds raise through "win.toast"
 * (the window does not show them; its other actions still work);
 * gui_test_take_toasts () reads them. */
void          gui_test_catch_toasts          (gpointer         widget);
/* The messages of the toasts caught since the last call, one a line, or
 * NULL if none. */
char         *gui_test_take_toasts           (gpointer         widget);
/* Saves @profile as the user's (SCS_PROFILE) and applies it to @window,
 * as Preferences does. */
void          gui_test_use_profile           (gpointer         window,
                                              ScsProfile      *profile);
/* The subtitle of @window's template child "window_title" (an AdwWindowTitle). */
const char   *gui_test_window_subtitle       (gpointer         window);
/* The title of the toast @window shows in front, or NULL. */
const char   *gui_test_toast_title           (gpointer         window);

typedef void (*GuiTestNodeFunc) (GskRenderNode *node,
                                 gpointer       data);
/* @func on @node and every render node under it. */
void          gui_test_walk_render_nodes     (GskRenderNode   *node,
                                              GuiTestNodeFunc  func,
                                              gpointer         data);

G_END_DECLS
