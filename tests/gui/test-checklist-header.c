/* test-checklist-header.c: the checklist page's title and progress summary
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The header names the category shown and its progress, or the search and
 * what it found. Each category has a title and summary of its own (a page
 * of the template child "header_stack"), so a category switch shows other
 * labels instead of giving one pair new text, which made GTK measure them
 * again at every width it tries for the window. The tests check what the
 * header says after switches, answers, a search and the seal; that a
 * switch leaves the labels' text alone (a notify::label would mean it was
 * set again); and that screen readers find only the header shown, which
 * names the list of criteria.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "../core/core-test-util.h"
#include "checklist-test-util.h"
#include "gui-test-util.h"
#include "scs-checklist-page.h"
#include "scs-review.h"
#include "scs-window.h"
#include "scs-workspace.h"

typedef ChecklistFixture Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  checklist_test_fixture_set_up (fixture, "株式会社ヘッダ工業", "scs-test-checklist-header-XXXXXX");
  gui_test_wait_for_widget (GTK_WIDGET (fixture->page), 10, GUI_TEST_WAIT_LAID_OUT);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  checklist_test_fixture_tear_down (fixture);
}

/* ---------------------------------------------------------------- helpers */

/* The header shown, and its title and summary labels. */
static GtkWidget *
header_shown (Fixture *fixture)
{
  GtkStack *stack = GTK_STACK (gui_test_get_child (fixture->page, "header_stack"));
  GtkWidget *header = gtk_stack_get_visible_child (stack);

  g_assert_nonnull (header);
  g_assert_true (gtk_widget_get_mapped (header));
  return header;
}

static GtkLabel *
title_label (GtkWidget *header)
{
  return GTK_LABEL (gtk_widget_get_first_child (header));
}

static GtkLabel *
summary_label (GtkWidget *header)
{
  return GTK_LABEL (gtk_widget_get_next_sibling (gtk_widget_get_first_child (header)));
}

static void
show_category (Fixture *fixture,
               guint    category)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-category", "u", category));
  gui_test_wait_for_widget (GTK_WIDGET (fixture->page), 10, GUI_TEST_WAIT_LAID_OUT);
}

/* What the header of @category must say, from the catalog and the
 * workspace's own count. */
static void
assert_category_header (Fixture *fixture,
                        guint    category)
{
  const ScsCategory *cat = scs_catalog_get_category (scs_workspace_get_catalog (fixture->workspace), category);
  GtkWidget *header = header_shown (fixture);
  g_autofree char *title = g_strdup_printf ("%u. %s", category, scs_category_get_title (cat));
  g_autofree char *summary = NULL;
  ScsProgress progress;

  scs_workspace_get_progress (fixture->workspace, category, scs_workspace_get_target_level (fixture->workspace),
                              &progress);
  summary = g_strdup_printf (_("%u of %u criteria met or justified not applicable, %u unanswered"),
                             progress.satisfied, progress.total, progress.counts[SCS_ANSWER_UNANSWERED]);
  g_assert_cmpstr (gtk_label_get_text (title_label (header)), ==, title);
  g_assert_cmpstr (gtk_label_get_text (summary_label (header)), ==, summary);
  g_assert_cmpuint (scs_checklist_page_get_category (fixture->page), ==, category);
}

/* Screen readers: the header shown is the only one they find, and its
 * title names the list of criteria. */
static void
assert_accessible (Fixture *fixture)
{
  GtkStack *stack = GTK_STACK (gui_test_get_child (fixture->page, "header_stack"));
  GtkWidget *shown = header_shown (fixture);
  GtkWidget *slots = gui_test_get_child (fixture->page, "slots_box");

  for (GtkWidget *header = gtk_widget_get_first_child (GTK_WIDGET (stack));
       header != NULL;
       header = gtk_widget_get_next_sibling (header))
    gtk_test_accessible_assert_state (GTK_ACCESSIBLE (header), GTK_ACCESSIBLE_STATE_HIDDEN, header != shown);
  gtk_test_accessible_assert_relation (GTK_ACCESSIBLE (slots), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                       title_label (shown), NULL);
}

static void
count_notify (guint *count)
{
  (*count)++;
}

/* Counts the changes of the labels' text from now on. */
static void
watch_labels (GtkWidget *header,
              guint     *count)
{
  g_signal_connect_swapped (title_label (header), "notify::label", G_CALLBACK (count_notify), count);
  g_signal_connect_swapped (summary_label (header), "notify::label", G_CALLBACK (count_notify), count);
}

static void
answer (Fixture        *fixture,
        const char     *criterion_id,
        ScsAnswerState  state)
{
  const char *reason = state == SCS_ANSWER_NOT_APPLICABLE ? "当該設備を保有しないため" : NULL;
  g_autoptr(GError) error = NULL;
  gboolean stored = scs_workspace_set_answer (fixture->workspace, criterion_id, state, NULL, reason, &error);

  g_assert_no_error (error);
  g_assert_true (stored);
  gui_test_wait_for_widget (GTK_WIDGET (fixture->page), 10, GUI_TEST_WAIT_LAID_OUT);
}

/* The first ★3 criterion of @category. */
static const char *
first_of_category (Fixture *fixture,
                   guint    category)
{
  const ScsCategory *cat = scs_catalog_get_category (scs_workspace_get_catalog (fixture->workspace), category);

  for (guint i = 0; i < cat->requirements->len; i++)
    {
      const ScsRequirement *requirement = cat->requirements->pdata[i];

      if (requirement->criteria_known && requirement->criteria->len > 0 && requirement->level == 3)
        return ((const ScsCriterion *) requirement->criteria->pdata[0])->id;
    }
  g_assert_not_reached ();
}

/* ------------------------------------------------------------------ tests */

/* Every category, there and back: the header names it with its progress;
 * coming back shows the same labels, whose text was not set again. */
static void
test_follows_category (Fixture       *fixture,
                       gconstpointer  user_data)
{
  GtkWidget *headers[8] = { NULL, };
  guint changes = 0;

  for (guint category = 1; category <= 7; category++)
    {
      show_category (fixture, category);
      assert_category_header (fixture, category);
      assert_accessible (fixture);
      headers[category] = header_shown (fixture);
      for (guint other = 1; other < category; other++)
        g_assert_true (headers[other] != headers[category]);
      watch_labels (headers[category], &changes);
    }

  for (guint round = 0; round < 2; round++)
    for (guint category = 1; category <= 7; category++)
      {
        show_category (fixture, category);
        assert_category_header (fixture, category);
        assert_accessible (fixture);
        g_assert_true (header_shown (fixture) == headers[category]);
      }
  g_assert_cmpuint (changes, ==, 0);
}

/* An answer changes the summary of its category, shown or not, and no
 * other label. */
static void
test_progress (Fixture       *fixture,
               gconstpointer  user_data)
{
  GtkWidget *first, *second;
  guint changes = 0;

  show_category (fixture, 2);
  second = header_shown (fixture);
  show_category (fixture, 1);
  first = header_shown (fixture);
  watch_labels (first, &changes);

  answer (fixture, first_of_category (fixture, 1), SCS_ANSWER_MET);
  assert_category_header (fixture, 1);
  g_assert_cmpuint (changes, ==, 1);   /* the summary */
  answer (fixture, first_of_category (fixture, 1), SCS_ANSWER_NOT_MET);
  assert_category_header (fixture, 1);

  /* Another category's answer, while this one is shown. */
  changes = 0;
  answer (fixture, first_of_category (fixture, 2), SCS_ANSWER_NOT_APPLICABLE);
  assert_category_header (fixture, 1);
  g_assert_cmpuint (changes, ==, 0);
  show_category (fixture, 2);
  g_assert_true (header_shown (fixture) == second);
  assert_category_header (fixture, 2);
  assert_accessible (fixture);
}

/* A search has a header of its own, counting what it found; leaving it
 * shows the category's again, up to date. */
static void
test_search (Fixture       *fixture,
             gconstpointer  user_data)
{
  GtkWidget *category_header = header_shown (fixture);
  GtkWidget *header;
  g_autofree char *found = NULL;
  guint n;

  scs_checklist_page_set_search_mode (fixture->page, TRUE);
  scs_checklist_page_set_search_text (fixture->page, "-");
  gui_test_wait_for_widget (GTK_WIDGET (fixture->page), 10, GUI_TEST_WAIT_LAID_OUT);
  header = header_shown (fixture);
  g_assert_true (header != category_header);
  g_assert_cmpstr (gtk_label_get_text (title_label (header)), ==, _("Search Results"));
  n = checklist_test_n_visible (fixture->page);
  g_assert_cmpuint (n, ==, 81);
  found = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u criterion found in all categories",
                                        "%u criteria found in all categories", n), n);
  g_assert_cmpstr (gtk_label_get_text (summary_label (header)), ==, found);
  assert_accessible (fixture);

  /* Narrower: the same header, counting again. */
  scs_checklist_page_set_search_text (fixture->page, first_of_category (fixture, 3));
  gui_test_wait_for_widget (GTK_WIDGET (fixture->page), 10, GUI_TEST_WAIT_LAID_OUT);
  g_assert_true (header_shown (fixture) == header);
  n = checklist_test_n_visible (fixture->page);
  g_assert_cmpuint (n, >=, 1);
  g_assert_cmpuint (n, <, 81);
  g_clear_pointer (&found, g_free);
  found = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u criterion found in all categories",
                                        "%u criteria found in all categories", n), n);
  g_assert_cmpstr (gtk_label_get_text (summary_label (header)), ==, found);

  /* An answer given meanwhile shows when the search ends. */
  answer (fixture, first_of_category (fixture, 1), SCS_ANSWER_MET);
  scs_checklist_page_set_search_mode (fixture->page, FALSE);
  gui_test_wait_for_widget (GTK_WIDGET (fixture->page), 10, GUI_TEST_WAIT_LAID_OUT);
  g_assert_true (header_shown (fixture) == category_header);
  assert_category_header (fixture, 1);
  assert_accessible (fixture);
}

/* Sealed (every ★3 criterion met, signed and declared): each category's
 * header says so, the one shown when it was sealed too. */
static void
test_sealed (Fixture       *fixture,
             gconstpointer  user_data)
{
  show_category (fixture, 3);
  core_test_make_certificates (fixture->dir, TRUE);
  core_test_seal_workspace (fixture->workspace, fixture->dir, FALSE);
  g_assert_true (scs_review_is_sealed (fixture->workspace));
  gui_test_wait_for_widget (GTK_WIDGET (fixture->page), 10, GUI_TEST_WAIT_LAID_OUT);
  assert_category_header (fixture, 3);

  for (guint category = 1; category <= 7; category++)
    {
      ScsProgress progress;

      show_category (fixture, category);
      assert_category_header (fixture, category);
      assert_accessible (fixture);
      scs_workspace_get_progress (fixture->workspace, category, 3, &progress);
      g_assert_cmpuint (progress.counts[SCS_ANSWER_UNANSWERED], ==, 0);
      g_assert_cmpuint (progress.satisfied, ==, progress.total);
    }
}

int
main (int   argc,
      char *argv[])
{
  const char *language = g_getenv ("SCS_LANGUAGE");

  /* GTK's test accessibility backend keeps the states and relations the
   * asserts read. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gui_test_init_gtk_test (&argc, &argv, language ? language : "ja");

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/scs/checklist-header/follows-category", test_follows_category);
  ADD ("/scs/checklist-header/progress", test_progress);
  ADD ("/scs/checklist-header/search", test_search);
  ADD ("/scs/checklist-header/sealed", test_sealed);
#undef ADD

  return g_test_run ();
}
