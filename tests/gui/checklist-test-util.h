/* checklist-test-util.h: reaching the checklist's rows as a user does
 *
 * The checklist has a row only for the criteria in view; tests find what
 * is shown in its slots (template child "slots_box") and reach a row's
 * widgets as template children.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gui-test-util.h"
#include "scs-checklist-item.h"
#include "scs-checklist-page.h"
#include "scs-criterion-row.h"
#include "scs-window.h"
#include "scs-workspace.h"

typedef struct
{
  char             *dir;
  char             *path;
  ScsWorkspace     *workspace;
  ScsWindow        *window;
  ScsChecklistPage *page;
} ChecklistFixture;

/* The window's checklist page; the window builds it when a category is
 * first shown, so this shows category 1 if need be, then the page shown
 * before. */
static inline ScsChecklistPage *
checklist_test_page (gpointer window)
{
  GtkStack *stack = GTK_STACK (gui_test_find_child (GTK_WIDGET (window), "content_stack"));
  GtkWidget *page = gtk_stack_get_child_by_name (stack, "checklist");

  if (page == NULL)
    {
      g_autofree char *shown = g_strdup (gtk_stack_get_visible_child_name (stack));

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-category", "u", 1));
      page = gtk_stack_get_child_by_name (stack, "checklist");
      if (shown != NULL && !g_str_equal (shown, "checklist"))
        gtk_stack_set_visible_child_name (stack, shown);
    }
  g_assert_nonnull (page);
  return SCS_CHECKLIST_PAGE (page);
}

/* A window on a new ★3 workspace of @organization in a new folder made
 * from @tmp_template, with category 1 shown. */
static inline void
checklist_test_fixture_set_up (ChecklistFixture *fixture,
                               const char       *organization,
                               const char       *tmp_template)
{
  g_autoptr(ScsOrganization) org = gui_test_sample_organization (organization);

  fixture->dir = gui_test_make_tmp_dir (tmp_template);
  fixture->path = g_build_filename (fixture->dir, "test.scsw", NULL);
  fixture->workspace = gui_test_create_workspace (fixture->path, org, 3);
  scs_workspace_set_actor (fixture->workspace, "検査 花子");

  fixture->window = scs_window_new (NULL);
  scs_window_set_workspace (fixture->window, fixture->workspace);
  gui_test_present_window (GTK_WINDOW (fixture->window), 1000, 700);
  fixture->page = checklist_test_page (fixture->window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-category", "u", 1));
}

static inline void
checklist_test_fixture_tear_down (ChecklistFixture *fixture)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (fixture->workspace);
  gui_test_remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

/* The @position-th criterion shown (NULL past the end) and how many. */
static inline ScsChecklistItem *
checklist_test_visible_item (ScsChecklistPage *page,
                             guint             position,
                             guint            *n_visible)
{
  GtkWidget *slots = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (page), SCS_TYPE_CHECKLIST_PAGE,
                                                                "slots_box"));
  ScsChecklistItem *found = NULL;
  guint n = 0;

  for (GtkWidget *slot = gtk_widget_get_first_child (slots); slot != NULL; slot = gtk_widget_get_next_sibling (slot))
    {
      ScsChecklistItem *item = g_object_get_data (G_OBJECT (slot), "scs-item");

      if (!scs_checklist_item_get_shown (item) || scs_checklist_item_get_kind (item) != SCS_CHECKLIST_ITEM_CRITERION)
        continue;
      if (n == position)
        found = item;
      n++;
    }
  if (n_visible != NULL)
    *n_visible = n;
  return found;
}

static inline guint
checklist_test_n_visible (ScsChecklistPage *page)
{
  guint n = 0;

  checklist_test_visible_item (page, G_MAXUINT, &n);
  return n;
}

/* The criterion a row shows. */
static inline const char *
checklist_test_row_id (ScsCriterionRow *row)
{
  return scs_answer_get_criterion_id (scs_checklist_item_get_answer (scs_criterion_row_get_item (row)));
}

static inline const char *
checklist_test_visible_id (ScsChecklistPage *page,
                           guint             position)
{
  ScsChecklistItem *item = checklist_test_visible_item (page, position, NULL);

  return item ? scs_answer_get_criterion_id (scs_checklist_item_get_answer (item)) : NULL;
}

/* The row of @criterion_id, scrolled to (and focused) if it was not in view. */
static inline ScsCriterionRow *
checklist_test_row (ScsChecklistPage *page,
                    const char       *criterion_id)
{
  ScsCriterionRow *row = scs_checklist_page_get_row (page, criterion_id);

  if (row == NULL && scs_checklist_page_focus_criterion (page, criterion_id))
    row = scs_checklist_page_get_row (page, criterion_id);
  return row;
}

static inline GtkWidget *
checklist_test_row_child (ScsCriterionRow *row,
                          const char      *name)
{
  GtkWidget *child = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (row), SCS_TYPE_CRITERION_ROW, name));

  g_assert_nonnull (child);
  return child;
}

static inline const char *
checklist_test_paraphrase (ScsCriterionRow *row)
{
  if (!gtk_widget_get_visible (checklist_test_row_child (row, "paraphrase_box")))
    return "";
  return gtk_label_get_text (GTK_LABEL (checklist_test_row_child (row, "paraphrase_label")));
}

/* The text in @row's note editor. */
static inline char *
checklist_test_note_text (ScsCriterionRow *row)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (checklist_test_row_child (row, "note_view")));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Replaces @row's note with @text, one character at a time, as typing does. */
static inline void
checklist_test_type_note (ScsCriterionRow *row,
                          const char      *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (checklist_test_row_child (row, "note_view")));

  gtk_text_buffer_set_text (buffer, "", -1);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      GtkTextIter end;

      gtk_text_buffer_get_end_iter (buffer, &end);
      gtk_text_buffer_insert (buffer, &end, p, g_utf8_next_char (p) - p);
    }
}

/* GuiTestDoneFunc: the note of the ScsCriterionRow @row shows "Saved". */
static inline gboolean
checklist_test_note_saved (gpointer row)
{
  return g_strcmp0 (scs_checklist_item_get_note_state (scs_criterion_row_get_item (row)), "saved") == 0;
}

/* GuiTestDoneFunc: the note of @row shows "Not saved yet". */
static inline gboolean
checklist_test_note_failed (gpointer row)
{
  return g_strcmp0 (scs_checklist_item_get_note_state (scs_criterion_row_get_item (row)), "failed") == 0;
}

/* Rows the page shows (rows resting out of view in their slots, not
 * shown, and those of hidden slots are not counted). */
static inline guint
checklist_test_count_rows (GtkWidget *root)
{
  guint n;

  if (!gtk_widget_get_visible (root) || !gtk_widget_get_child_visible (root))
    return 0;
  n = SCS_IS_CRITERION_ROW (root) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    n += checklist_test_count_rows (child);
  return n;
}

/* A main window (1000×700) on @workspace, mapped and showing category 1;
 * the row of @criterion_id in @row. */
static inline ScsWindow *
checklist_test_show_workspace (ScsWorkspace     *workspace,
                               const char       *criterion_id,
                               ScsCriterionRow **row)
{
  ScsWindow *window = scs_window_new (NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  scs_window_set_workspace (window, workspace);
  gtk_window_present (GTK_WINDOW (window));
  gui_test_wait_until (gui_test_is_mapped, window, 10);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-category", "u", 1));
  *row = checklist_test_row (checklist_test_page (window), criterion_id);
  g_assert_nonnull (*row);
  return window;
}

/* Destroys @window and runs what that left pending. */
static inline void
checklist_test_close_window (ScsWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}
