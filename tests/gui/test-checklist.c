/* test-checklist.c: the checklist page and its criterion rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page lives in an ScsWindow (whose actions are the rows' only way to
 * the workspace) on a temporary workspace. Typing goes into the real
 * widgets (the note's text buffer, the reason entry); the debounced saves
 * are awaited by running the main loop until the model changes, and the
 * file is then re-opened to check that the text is really stored.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <adwaita.h>

#include "../core/core-test-util.h"
#include "checklist-test-util.h"
#include "gui-test-util.h"
#include "scs-checklist-page.h"
#include "scs-corporate-number.h"
#include "scs-evidence-list.h"
#include "scs-i18n.h"
#include "scs-ui-resources.h"
#include "scs-window.h"
#include "scs-workspace.h"

typedef ChecklistFixture Fixture;

/* ---------------------------------------------------------------- helpers */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  checklist_test_fixture_set_up (fixture, "株式会社チェック工業", "scs-test-checklist-XXXXXX");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  checklist_test_fixture_tear_down (fixture);
}

static ScsWorkspace *
reopen (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  ScsWorkspace *workspace = scs_workspace_open (fixture->path, &error);

  g_assert_no_error (error);
  return workspace;
}

static const ScsCriterion *
first_of_category (Fixture *fixture,
                   guint    number)
{
  const ScsCategory *category = scs_catalog_get_category (scs_workspace_get_catalog (fixture->workspace), number);

  /* ★4-only requirements come without criteria: skip them. */
  for (guint i = 0; i < category->requirements->len; i++)
    {
      const ScsRequirement *requirement = category->requirements->pdata[i];

      if (requirement->criteria_known && requirement->criteria->len > 0 && requirement->level == 3)
        return requirement->criteria->pdata[0];
    }
  g_assert_not_reached ();
}

static guint
n_criteria_in_category (Fixture *fixture,
                        guint    number)
{
  ScsProgress progress;

  scs_workspace_get_progress (fixture->workspace, number, 3, &progress);
  return progress.total;
}

/* ------------------------------------------------------------------ tests */

typedef struct
{
  ScsAnswer  *answer;
  const char *text;
} NoteWait;

static gboolean
note_stored (gpointer data)
{
  NoteWait *wait = data;

  return g_strcmp0 (scs_answer_get_note (wait->answer), wait->text) == 0;
}

static void
test_note_debounce (Fixture       *fixture,
                    gconstpointer  user_data)
{
  const char *id = first_of_category (fixture, 1)->id;
  ScsCriterionRow *row = scs_checklist_page_get_row (fixture->page, id);
  ScsAnswer *answer = scs_workspace_lookup_answer (fixture->workspace, id);
  GtkTextBuffer *buffer;
  NoteWait wait = { answer, "規程第3条で役割を定めた。\n次回見直しは来年4月。" };
  g_autoptr(ScsWorkspace) reopened = NULL;

  g_assert_nonnull (row);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (checklist_test_row_child (row, "note_view")));

  /* Typed in two pieces, as a user would; nothing is sent at once. */
  gtk_text_buffer_insert_at_cursor (buffer, "規程第3条で役割を定めた。", -1);
  gtk_text_buffer_insert_at_cursor (buffer, "\n次回見直しは来年4月。", -1);
  g_assert_cmpstr (scs_checklist_item_get_note_state (scs_criterion_row_get_item (row)), ==, "pending");
  g_assert_true (scs_answer_get_note (answer) == NULL || *scs_answer_get_note (answer) == '\0');

  gui_test_wait_until (note_stored, &wait, 10);
  g_assert_cmpstr (scs_checklist_item_get_note_state (scs_criterion_row_get_item (row)), ==, "saved");
  reopened = reopen (fixture);
  g_assert_cmpstr (scs_answer_get_note (scs_workspace_lookup_answer (reopened, id)), ==, wait.text);
  /* The state was not touched by a note. */
  g_assert_cmpint (scs_answer_get_state (answer), ==, SCS_ANSWER_UNANSWERED);

  /* Undo of the note puts the old (empty) text back into the editor. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  g_assert_true (scs_answer_get_note (answer) == NULL || *scs_answer_get_note (answer) == '\0');
  g_assert_cmpint (gtk_text_buffer_get_char_count (buffer), ==, 0);
}

static gboolean
note_invalid (gpointer data)
{
  return g_strcmp0 (scs_checklist_item_get_note_state (scs_criterion_row_get_item (data)), "invalid") == 0;
}

/* A note the workspace would refuse (a vertical tab pasted from a
 * spreadsheet) stays in the editor, is not sent, and the row says why;
 * once corrected it is saved. */
static void
test_note_refused_kept (Fixture       *fixture,
                        gconstpointer  user_data)
{
  const char *id = first_of_category (fixture, 1)->id;
  ScsCriterionRow *row = scs_checklist_page_get_row (fixture->page, id);
  ScsAnswer *answer = scs_workspace_lookup_answer (fixture->workspace, id);
  NoteWait wait = { answer, "規程第3条" };
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (checklist_test_row_child (row, "note_view")));
  GtkTextIter start, end;
  g_autofree char *kept = NULL;
  g_autofree char *before = core_test_file_state (fixture->path, TRUE);
  g_autofree char *after = NULL;

  gtk_text_buffer_insert_at_cursor (buffer, "規程第3条\v", -1);
  gui_test_wait_until (note_invalid, row, 10);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  kept = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (kept, ==, "規程第3条\v");
  g_assert_true (scs_answer_get_note (answer) == NULL || *scs_answer_get_note (answer) == '\0');
  after = core_test_file_state (fixture->path, TRUE);
  g_assert_cmpstr (before, ==, after);

  /* corrected: saved */
  gtk_text_buffer_get_end_iter (buffer, &end);
  start = end;
  gtk_text_iter_backward_char (&start);
  gtk_text_buffer_delete (buffer, &start, &end);
  gui_test_wait_until (note_stored, &wait, 10);
}

static gboolean
answer_is_na (gpointer data)
{
  return scs_answer_get_state (data) == SCS_ANSWER_NOT_APPLICABLE;
}

static void
test_reason_debounce (Fixture       *fixture,
                      gconstpointer  user_data)
{
  const char *id = first_of_category (fixture, 2)->id;
  ScsAnswer *answer = scs_workspace_lookup_answer (fixture->workspace, id);
  ScsCriterionRow *row;
  g_autoptr(ScsWorkspace) reopened = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-category", "u", 2));
  row = scs_checklist_page_get_row (fixture->page, id);
  g_signal_emit_by_name (scs_criterion_row_get_status_button (row, SCS_ANSWER_NOT_APPLICABLE), "clicked");
  g_assert_cmpint (scs_answer_get_state (answer), ==, SCS_ANSWER_UNANSWERED);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (checklist_test_row_child (row, "reason_revealer"))));

  /* The reason, once typed, is enough: no Enter needed. */
  gtk_editable_set_text (GTK_EDITABLE (checklist_test_row_child (row, "reason_entry")), "取引先との契約がないため");
  gui_test_wait_until (answer_is_na, answer, 10);
  reopened = reopen (fixture);
  g_assert_cmpint (scs_answer_get_state (scs_workspace_lookup_answer (reopened, id)), ==,
                   SCS_ANSWER_NOT_APPLICABLE);
  g_assert_cmpstr (scs_answer_get_reason (scs_workspace_lookup_answer (reopened, id)), ==,
                   "取引先との契約がないため");
}

static guint
count_matches (Fixture    *fixture,
               const char *needle,
               guint      *n_categories)
{
  const GPtrArray *criteria = scs_catalog_get_criteria (scs_workspace_get_catalog (fixture->workspace));
  g_autofree char *folded = g_utf8_casefold (needle, -1);
  gboolean seen[8] = { FALSE };
  guint n = 0;

  *n_categories = 0;
  for (guint i = 0; i < criteria->len; i++)
    {
      const ScsCriterion *criterion = criteria->pdata[i];
      g_autofree char *ja = g_utf8_casefold (criterion->text_ja, -1);
      g_autofree char *en = g_utf8_casefold (criterion->text_en, -1);

      if (criterion->level > 3)
        continue;
      if (strstr (criterion->id, needle) || strstr (ja, folded) || strstr (en, folded))
        {
          n++;
          if (!seen[criterion->requirement->category->number])
            (*n_categories)++;
          seen[criterion->requirement->category->number] = TRUE;
        }
    }
  return n;
}

static void
test_search (Fixture       *fixture,
             gconstpointer  user_data)
{
  guint n_categories;
  guint expected;

  g_assert_cmpuint (checklist_test_n_visible (fixture->page), ==, n_criteria_in_category (fixture, 1));

  /* Japanese text, across every category. */
  expected = count_matches (fixture, "パスワード", &n_categories);
  g_assert_cmpuint (expected, >, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.search", NULL));
  g_assert_true (scs_checklist_page_get_search_mode (fixture->page));
  scs_checklist_page_set_search_text (fixture->page, "パスワード");
  g_assert_cmpuint (checklist_test_n_visible (fixture->page), ==, expected);

  /* English, any case; matches what the catalog says. */
  expected = count_matches (fixture, "backup", &n_categories);
  g_assert_cmpuint (expected, >, 0);
  scs_checklist_page_set_search_text (fixture->page, "BACKUP");
  g_assert_cmpuint (checklist_test_n_visible (fixture->page), ==, expected);

  /* An ID prefix reaches another category than the one shown. */
  expected = count_matches (fixture, "4-1", &n_categories);
  scs_checklist_page_set_search_text (fixture->page, "4-1");
  g_assert_cmpuint (checklist_test_n_visible (fixture->page), ==, expected);
  g_assert_true (g_str_has_prefix (checklist_test_visible_id (fixture->page, 0), "4-1") ||
                 n_categories > 1);

  /* Full-width digits are the same ID. */
  scs_checklist_page_set_search_text (fixture->page, "４-１");
  g_assert_cmpuint (checklist_test_n_visible (fixture->page), ==, expected);

  scs_checklist_page_set_search_text (fixture->page, "zzz-no-such-text");
  g_assert_cmpuint (checklist_test_n_visible (fixture->page), ==, 0);

  /* Leaving search mode shows the category again. */
  scs_checklist_page_set_search_mode (fixture->page, FALSE);
  g_assert_cmpuint (checklist_test_n_visible (fixture->page), ==, n_criteria_in_category (fixture, 1));
}

/* Searches the user's own words and files as they are now: the page keeps
 * the folded notes and evidence names between keystrokes, and must drop
 * them when they change. */
static guint
search_now (Fixture    *fixture,
            const char *text)
{
  /* Searching the same text again is no change for the entry: clear first. */
  scs_checklist_page_set_search_text (fixture->page, NULL);
  scs_checklist_page_set_search_text (fixture->page, text);
  return checklist_test_n_visible (fixture->page);
}

static void
test_search_user_text (Fixture       *fixture,
                       gconstpointer  user_data)
{
  const char *id = first_of_category (fixture, 2)->id;
  g_autofree char *file_path = g_build_filename (fixture->dir, "ＵＰＳ点検記録.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (file_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *sha256 = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.search", NULL));
  g_assert_cmpuint (search_now (fixture, "棚卸し台帳"), ==, 0);
  g_assert_cmpuint (search_now (fixture, "ups点検"), ==, 0);

  /* A note written after the first search is found, and its old words not. */
  g_assert_true (scs_workspace_set_note (fixture->workspace, id, "資産は棚卸し台帳で管理する。", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (search_now (fixture, "棚卸し台帳"), ==, 1);
  g_assert_cmpstr (checklist_test_visible_id (fixture->page, 0), ==, id);
  g_assert_true (scs_workspace_set_note (fixture->workspace, id, "資産は一覧表で管理する。", &error));
  g_assert_cmpuint (search_now (fixture, "棚卸し台帳"), ==, 0);

  /* So is an evidence file added after it, by its folded name; and no
   * longer once it is removed. */
  g_assert_true (g_file_set_contents (file_path, "点検済み\n", -1, &error));
  sha256 = scs_workspace_add_evidence (fixture->workspace, id, file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (search_now (fixture, "ups点検"), ==, 1);
  g_assert_cmpstr (checklist_test_visible_id (fixture->page, 0), ==, id);
  g_assert_true (scs_workspace_unlink_evidence (fixture->workspace, sha256, id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (search_now (fixture, "ups点検"), ==, 0);
}

/* ------------------------------------------------- search, as it is typed */

typedef struct
{
  Fixture    *fixture;
  GtkEditable *entry;
  GHashTable *typed;       /* criterion ID → note typed, not yet saved */
  gboolean    changed;
} Typing;

static char *
fold_for_test (const char *text)
{
  g_autofree char *nfkc = g_utf8_normalize (text ? text : "", -1, G_NORMALIZE_NFKC);

  return g_utf8_casefold (nfkc ? nfkc : "", -1);
}

/* The criteria a search for @query must show, in catalog order, worked
 * out here from the catalog and the workspace as they are now: ID,
 * Japanese and English text, note (or the note being typed), reason and
 * evidence file names, compared NFKC-normalised and case-folded; with no
 * text, those of the category shown. */
static char *
expected_matches (Typing     *typing,
                  const char *query)
{
  ScsWorkspace *workspace = typing->fixture->workspace;
  const GPtrArray *criteria = scs_catalog_get_criteria (scs_workspace_get_catalog (workspace));
  g_autofree char *stripped = g_strstrip (g_strdup (query));
  g_autofree char *needle = fold_for_test (stripped);
  g_autoptr(GPtrArray) evidence = scs_workspace_list_evidence (workspace, NULL, NULL);
  g_autoptr(GString) ids = g_string_new (NULL);

  g_assert_nonnull (evidence);
  for (guint i = 0; i < criteria->len; i++)
    {
      const ScsCriterion *criterion = criteria->pdata[i];
      ScsAnswer *answer = scs_workspace_lookup_answer (workspace, criterion->id);
      const char *note = g_hash_table_lookup (typing->typed, criterion->id);
      g_autoptr(GString) text = g_string_new (NULL);
      g_autofree char *folded = NULL;

      if (answer == NULL || criterion->level > scs_workspace_get_target_level (workspace))
        continue;
      if (*needle == '\0' &&
          criterion->requirement->category->number != scs_checklist_page_get_category (typing->fixture->page))
        continue;
      if (note == NULL)
        note = scs_answer_get_note (answer);
      g_string_append_printf (text, "%s\n%s\n%s\n%s\n%s", criterion->id,
                              criterion->text_ja ? criterion->text_ja : "",
                              criterion->text_en ? criterion->text_en : "",
                              note ? note : "",
                              scs_answer_get_reason (answer) ? scs_answer_get_reason (answer) : "");
      for (guint e = 0; e < evidence->len; e++)
        {
          ScsEvidence *file = evidence->pdata[e];

          if (file->criteria != NULL && g_strv_contains ((const char * const *) file->criteria, criterion->id))
            g_string_append_printf (text, "\n%s", file->name);
        }
      folded = fold_for_test (text->str);
      if (strstr (folded, needle) != NULL)
        g_string_append_printf (ids, "%s ", criterion->id);
    }
  return g_string_free (g_steal_pointer (&ids), FALSE);
}

/* What the page shows, in its order. */
static char *
shown_matches (Typing *typing)
{
  ScsChecklistPage *page = typing->fixture->page;
  g_autoptr(GString) ids = g_string_new (NULL);
  guint n = checklist_test_n_visible (page);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (ids, "%s ", checklist_test_visible_id (page, i));
  return g_string_free (g_steal_pointer (&ids), FALSE);
}

static void
on_typing_search_changed (Typing *typing)
{
  typing->changed = TRUE;
}

/* The entry says "search-changed" after its delay, as for a user. */
static void
await_search (Typing *typing)
{
  gui_test_wait_for_flag (&typing->changed, 10);
  typing->changed = FALSE;
}

static void
check_shown (Typing *typing)
{
  const char *query = gtk_editable_get_text (typing->entry);
  g_autofree char *expected = expected_matches (typing, query);
  g_autofree char *shown = shown_matches (typing);

  g_test_message ("search \"%s\": %s", query, shown);
  g_assert_cmpstr (shown, ==, expected);
}

/* One key, at the end of the entry, then what is shown. */
static void
type_key (Typing     *typing,
          const char *key)
{
  int position = (int) g_utf8_strlen (gtk_editable_get_text (typing->entry), -1);

  gtk_editable_insert_text (typing->entry, key, -1, &position);
  await_search (typing);
  check_shown (typing);
}

static void
type_keys (Typing     *typing,
           const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      char key[8] = { 0 };

      memcpy (key, p, g_utf8_next_char (p) - p);
      type_key (typing, key);
    }
}

static void
backspace (Typing *typing)
{
  int end = (int) g_utf8_strlen (gtk_editable_get_text (typing->entry), -1);

  gtk_editable_delete_text (typing->entry, end - 1, end);
  await_search (typing);
  check_shown (typing);
}

/* Every keystroke shows exactly the criteria the text matches: typed one
 * character at a time, narrowing and widening again, and with a note saved
 * or typed between two keystrokes (the page keeps folded texts; they must
 * be those of now). */
static void
test_search_as_typed (Fixture       *fixture,
                      gconstpointer  user_data)
{
  const char *far_id = first_of_category (fixture, 5)->id;
  const char *other_id = first_of_category (fixture, 3)->id;
  g_autoptr(GHashTable) typed = g_hash_table_new (g_str_hash, g_str_equal);
  Typing typing = { fixture, NULL, typed, FALSE };
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *shown = NULL;
  ScsCriterionRow *row;
  GtkTextBuffer *buffer;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.search", NULL));
  typing.entry = GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (fixture->page), SCS_TYPE_CHECKLIST_PAGE,
                                                              "search_entry"));
  g_signal_connect_swapped (typing.entry, "search-changed", G_CALLBACK (on_typing_search_changed), &typing);

  /* English words and IDs, one key at a time, then back and on. */
  type_keys (&typing, "backup");
  expected = expected_matches (&typing, "backup");
  g_assert_cmpstr (expected, !=, "");
  for (guint i = 0; i < 4; i++)
    backspace (&typing);
  type_keys (&typing, "ckup");
  for (guint i = 0; i < 6; i++)
    backspace (&typing);
  g_assert_cmpuint (checklist_test_n_visible (fixture->page), ==, n_criteria_in_category (fixture, 1));
  type_keys (&typing, "4-1");
  backspace (&typing);
  type_keys (&typing, "２");   /* full width: 4-2 */
  for (guint i = 0; i < 3; i++)
    backspace (&typing);

  /* A word no criterion has; then a note saved with it on a criterion far
   * from the view, between two keystrokes: the next key finds it. */
  type_keys (&typing, "ぴよ");
  g_assert_cmpuint (checklist_test_n_visible (fixture->page), ==, 0);
  g_assert_true (scs_workspace_set_note (fixture->workspace, far_id, "ぴよぴよ点検の記録を保管する。", &error));
  g_assert_no_error (error);
  type_key (&typing, "ぴ");
  g_assert_cmpstr (checklist_test_visible_id (fixture->page, 0), ==, far_id);
  g_assert_cmpuint (checklist_test_n_visible (fixture->page), ==, 1);

  /* Another note typed in its row (not saved yet) matches at once, and
   * its old words no longer do. */
  row = checklist_test_row (fixture->page, far_id);
  g_assert_nonnull (row);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (checklist_test_row_child (row, "note_view")));
  gtk_text_buffer_set_text (buffer, "ピヨ台帳（ＵＰＳ）", -1);
  g_hash_table_insert (typed, (gpointer) far_id, "ピヨ台帳（ＵＰＳ）");
  backspace (&typing);
  g_assert_cmpuint (checklist_test_n_visible (fixture->page), ==, 0);
  for (guint i = 0; i < 2; i++)
    backspace (&typing);
  type_keys (&typing, "ups");
  shown = shown_matches (&typing);
  g_assert_nonnull (strstr (shown, far_id));

  /* A reason saved meanwhile on a third criterion. */
  g_assert_true (scs_workspace_set_answer (fixture->workspace, other_id, SCS_ANSWER_NOT_APPLICABLE, NULL,
                                          "UPSは使用していない。", &error));
  g_assert_no_error (error);
  backspace (&typing);
  type_key (&typing, "s");
  g_free (shown);
  shown = shown_matches (&typing);
  g_assert_nonnull (strstr (shown, other_id));
}

static GtkAdjustment *
page_adjustment (Fixture *fixture)
{
  GtkWidget *scroller = gui_test_find_child (GTK_WIDGET (fixture->page), "scroller");

  return gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
}

/* Scrolls to @value and waits until the rows in view are laid out there. */
static void
scroll_to (Fixture *fixture,
           double   value)
{
  gtk_adjustment_set_value (page_adjustment (fixture), value);
  gui_test_wait_for_widget (GTK_WIDGET (fixture->page), 10, GUI_TEST_WAIT_LAID_OUT);
}

/* A category shows rows for about a screenful of criteria, not for all of
 * them: rows are made for what is in view and handed on as it scrolls. */
static void
test_rows_only_in_view (Fixture       *fixture,
                        gconstpointer  user_data)
{
  GtkAdjustment *adjustment;
  guint n = checklist_test_n_visible (fixture->page);
  const char *first = checklist_test_visible_id (fixture->page, 0);
  const char *last = checklist_test_visible_id (fixture->page, n - 1);
  guint category;

  g_assert_cmpuint (n, >=, 6);
  gui_test_wait_for_widget (GTK_WIDGET (fixture->page), 10, GUI_TEST_WAIT_LAID_OUT);
  adjustment = page_adjustment (fixture);
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), >, 3 * gtk_adjustment_get_page_size (adjustment));

  /* A window 700 px high holds two or three rows: with half a screen above
   * and below, at most six. */
  g_assert_cmpuint (checklist_test_count_rows (GTK_WIDGET (fixture->page)), <=, 6);
  g_assert_nonnull (scs_checklist_page_get_row (fixture->page, first));
  g_assert_null (scs_checklist_page_get_row (fixture->page, last));

  scroll_to (fixture, gtk_adjustment_get_upper (adjustment));
  scroll_to (fixture, gtk_adjustment_get_upper (adjustment));
  g_assert_nonnull (scs_checklist_page_get_row (fixture->page, last));
  g_assert_null (scs_checklist_page_get_row (fixture->page, first));
  g_assert_cmpuint (checklist_test_count_rows (GTK_WIDGET (fixture->page)), <=, 6);

  /* Every category, one after the other, and a search over all of them. */
  for (category = 2; category <= 7; category++)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-category", "u", category));
      gui_test_wait_for_widget (GTK_WIDGET (fixture->page), 10, GUI_TEST_WAIT_LAID_OUT);
      g_assert_cmpuint (checklist_test_count_rows (GTK_WIDGET (fixture->page)), <=, 6);
      g_assert_nonnull (scs_checklist_page_get_row (fixture->page, checklist_test_visible_id (fixture->page, 0)));
    }
  scs_checklist_page_set_search_mode (fixture->page, TRUE);
  scs_checklist_page_set_search_text (fixture->page, "-");
  gui_test_wait_for_widget (GTK_WIDGET (fixture->page), 10, GUI_TEST_WAIT_LAID_OUT);
  g_assert_cmpuint (checklist_test_n_visible (fixture->page), ==, 81);
  g_assert_cmpuint (checklist_test_count_rows (GTK_WIDGET (fixture->page)), <=, 6);
}

/* Whether screen readers find @widget: shown and not hidden from them. */
static gboolean
presented (GtkWidget *widget)
{
  g_autofree char *hidden = gtk_test_accessible_check_state (GTK_ACCESSIBLE (widget),
                                                             GTK_ACCESSIBLE_STATE_HIDDEN, TRUE);

  return gtk_widget_get_visible (widget) && hidden != NULL;
}

/* Checks the slots of the list against the filter and the view: each is
 * presented to screen readers if and only if its item is shown; only
 * slots within a screen of the view are mapped (so a frame lays out and
 * draws those, not the hundred or so a search brings in); each mapped
 * slot is placed below the heights of all shown slots before it, so
 * the scroll range is theirs. Returns how many are mapped. */
static guint
check_slots (Fixture *fixture)
{
  GtkWidget *slots = gui_test_get_child (GTK_WIDGET (fixture->page), "slots_box");
  GtkAdjustment *adjustment = page_adjustment (fixture);
  double value = gtk_adjustment_get_value (adjustment);
  double page = gtk_adjustment_get_page_size (adjustment);
  int width = gtk_widget_get_width (slots);
  guint mapped = 0;
  int y = 0;

  for (GtkWidget *slot = gtk_widget_get_first_child (slots); slot != NULL; slot = gtk_widget_get_next_sibling (slot))
    {
      ScsChecklistItem *item = g_object_get_data (G_OBJECT (slot), "scs-item");
      gboolean shown = scs_checklist_item_get_shown (item);
      int height = 0;

      g_assert_cmpint (presented (slot), ==, shown);
      if (!shown)
        {
          g_assert_false (gtk_widget_get_mapped (slot));
          continue;
        }
      gtk_widget_measure (slot, GTK_ORIENTATION_VERTICAL, width, NULL, &height, NULL, NULL);
      if (gtk_widget_get_mapped (slot))
        {
          graphene_point_t point;

          g_assert_true (gtk_widget_compute_point (slot, slots, &GRAPHENE_POINT_INIT (0, 0), &point));
          g_assert_cmpfloat_with_epsilon (point.y, y, 0.5);
          g_assert_cmpint (gtk_widget_get_height (slot), ==, height);
          g_assert_cmpfloat (y + height, >=, value - page);
          g_assert_cmpfloat (y, <=, value + 2 * page);
          mapped++;
        }
      y += height;
    }
  g_assert_cmpint (gtk_widget_get_height (slots), >=, y);
  return mapped;
}

/* A search over every category brings some 130 slots into the list: only
 * those near the view are mapped and laid out, the others count with their
 * heights; scrolling maps those that come near. */
static void
test_slots_only_near_view (Fixture       *fixture,
                           gconstpointer  user_data)
{
  GtkAdjustment *adjustment = page_adjustment (fixture);
  guint n;
  const char *last;
  ScsCriterionRow *row;

  gui_test_wait_for_widget (GTK_WIDGET (fixture->page), 10, GUI_TEST_WAIT_LAID_OUT);
  g_assert_cmpuint (check_slots (fixture), >, 0);

  scs_checklist_page_set_search_mode (fixture->page, TRUE);
  scs_checklist_page_set_search_text (fixture->page, "-");
  gui_test_wait_for_widget (GTK_WIDGET (fixture->page), 10, GUI_TEST_WAIT_LAID_OUT);
  n = checklist_test_n_visible (fixture->page);
  g_assert_cmpuint (n, ==, 81);
  g_assert_cmpuint (check_slots (fixture), <=, 16);

  /* The bottom of the list: its last criterion, on screen. */
  last = checklist_test_visible_id (fixture->page, n - 1);
  scroll_to (fixture, gtk_adjustment_get_upper (adjustment));
  scroll_to (fixture, gtk_adjustment_get_upper (adjustment));
  g_assert_cmpuint (check_slots (fixture), <=, 16);
  row = scs_checklist_page_get_row (fixture->page, last);
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (row)));

  /* Narrowed, then the category again. */
  scs_checklist_page_set_search_text (fixture->page, "1-2-1");
  gui_test_wait_for_widget (GTK_WIDGET (fixture->page), 10, GUI_TEST_WAIT_LAID_OUT);
  g_assert_cmpuint (check_slots (fixture), >, 0);
  scs_checklist_page_set_search_mode (fixture->page, FALSE);
  gui_test_wait_for_widget (GTK_WIDGET (fixture->page), 10, GUI_TEST_WAIT_LAID_OUT);
  g_assert_cmpuint (check_slots (fixture), >, 0);
}

/* A category switch hides the rows of the category left, it does not take
 * them out of the window: they rest in their places, styled, laid out and
 * drawn, and the same row shows its criterion again when it comes back. */
static void
test_rows_rest_out_of_view (Fixture       *fixture,
                            gconstpointer  user_data)
{
  const char *id = first_of_category (fixture, 1)->id;
  g_autoptr(GtkWidget) row = NULL;

  gui_test_wait_for_widget (GTK_WIDGET (fixture->page), 10, GUI_TEST_WAIT_LAID_OUT);
  row = g_object_ref (GTK_WIDGET (scs_checklist_page_get_row (fixture->page, id)));
  g_assert_true (gtk_widget_get_mapped (row));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-category", "u", 2));
  gui_test_wait_for_widget (GTK_WIDGET (fixture->page), 10, GUI_TEST_WAIT_LAID_OUT);
  g_assert_null (scs_checklist_page_get_row (fixture->page, id));
  g_assert_false (gtk_widget_get_mapped (row));
  /* Hidden, not only unmapped: a focus change (which in GTK 4.8 restyles
   * much of every widget shown in the window) does not style it again. */
  g_assert_false (gtk_widget_get_visible (row));
  g_assert_true (gtk_widget_get_root (row) == GTK_ROOT (fixture->window));
  g_assert_true (gtk_widget_is_ancestor (row, GTK_WIDGET (fixture->page)));
  g_assert_cmpstr (checklist_test_row_id (SCS_CRITERION_ROW (row)), ==, id);
  /* Not shown: the keyboard cannot reach it either. */
  g_assert_false (gtk_widget_grab_focus (row));
  g_assert_false (gtk_widget_grab_focus (checklist_test_row_child (SCS_CRITERION_ROW (row), "note_view")));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-category", "u", 1));
  gui_test_wait_for_widget (GTK_WIDGET (fixture->page), 10, GUI_TEST_WAIT_LAID_OUT);
  g_assert_true (GTK_WIDGET (scs_checklist_page_get_row (fixture->page, id)) == row);
  g_assert_true (gtk_widget_get_mapped (row));
  g_assert_true (gtk_widget_grab_focus (row));
}

static void
count_visibility_change (GtkWidget *widget,
                         GParamSpec *pspec,
                         guint      *changes)
{
  (*changes)++;
}

/* Rows resting in the list keep their styles: GTK styles again, below
 * every sibling of a widget shown or hidden, the parts whose style may
 * depend on an ancestor's place (:first-child and the like: a row's
 * buttons, its evidence files), the rows at rest included. So no slot
 * and nothing around the list is shown or hidden while searching (a
 * search with no result included) or switching: slots leave the list,
 * the list gives way to the empty page in a stack. */
static void
test_rows_keep_styles (Fixture       *fixture,
                       gconstpointer  user_data)
{
  static const char * const texts[] = { "-", "1-", "zzq", "", "-", "1-2-1", "" };
  GtkWidget *slots = gui_test_get_child (GTK_WIDGET (fixture->page), "slots_box");
  guint changes = 0, n_slots = 0;

  gui_test_wait_for_widget (GTK_WIDGET (fixture->page), 10, GUI_TEST_WAIT_LAID_OUT);
  scs_checklist_page_set_search_mode (fixture->page, TRUE);
  gui_test_wait_for_widget (GTK_WIDGET (fixture->page), 10, GUI_TEST_WAIT_LAID_OUT);

  for (GtkWidget *slot = gtk_widget_get_first_child (slots); slot != NULL; slot = gtk_widget_get_next_sibling (slot))
    {
      g_signal_connect (slot, "notify::visible", G_CALLBACK (count_visibility_change), &changes);
      n_slots++;
    }
  g_assert_cmpuint (n_slots, >, 81);
  /* The list's ancestors within the page, and their siblings. */
  for (GtkWidget *ancestor = slots; ancestor != GTK_WIDGET (fixture->page); ancestor = gtk_widget_get_parent (ancestor))
    for (GtkWidget *sibling = gtk_widget_get_first_child (gtk_widget_get_parent (ancestor));
         sibling != NULL; sibling = gtk_widget_get_next_sibling (sibling))
      g_signal_connect (sibling, "notify::visible", G_CALLBACK (count_visibility_change), &changes);

  for (guint round = 0; round < 2; round++)
    {
      /* Rows of category 1 rest while category 2 is shown. */
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-category", "u", 1 + round));
      gui_test_wait_for_widget (GTK_WIDGET (fixture->page), 10, GUI_TEST_WAIT_LAID_OUT);
      for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
        {
          scs_checklist_page_set_search_text (fixture->page, texts[i]);
          gui_test_wait_for_widget (GTK_WIDGET (fixture->page), 10, GUI_TEST_WAIT_LAID_OUT);
          g_assert_cmpuint (checklist_test_n_visible (fixture->page) == 0, ==, g_str_equal (texts[i], "zzq"));
        }
    }
  g_assert_cmpuint (changes, ==, 0);

  for (GtkWidget *slot = gtk_widget_get_first_child (slots); slot != NULL; slot = gtk_widget_get_next_sibling (slot))
    {
      g_assert_true (gtk_widget_get_visible (slot));
      g_signal_handlers_disconnect_by_data (slot, &changes);
    }
  for (GtkWidget *ancestor = slots; ancestor != GTK_WIDGET (fixture->page); ancestor = gtk_widget_get_parent (ancestor))
    for (GtkWidget *sibling = gtk_widget_get_first_child (gtk_widget_get_parent (ancestor));
         sibling != NULL; sibling = gtk_widget_get_next_sibling (sibling))
      g_signal_handlers_disconnect_by_data (sibling, &changes);
}

static gboolean
evidence_busy (GtkWidget *row)
{
  GtkWidget *list = gui_test_find_by_type (row, SCS_TYPE_EVIDENCE_LIST);

  g_assert_nonnull (list);
  return gtk_widget_get_visible (gui_test_get_child (list, "busy_box"));
}

static gboolean
evidence_idle (gpointer row)
{
  return !evidence_busy (row);
}

static guint
count_evidence (ScsWorkspace *workspace,
                const char   *criterion_id,
                const char   *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) evidence = scs_workspace_list_evidence (workspace, criterion_id, &error);
  guint n = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < evidence->len; i++)
    if (g_strcmp0 (((ScsEvidence *) evidence->pdata[i])->name, name) == 0)
      n++;
  return n;
}

/* An evidence add still running when its row is given to another
 * criterion: the spinner goes with the criterion the file goes to, on
 * whichever row shows it, and the file lands there. The add's end is a
 * main-loop callback: until the test lets the loop run, it is running. */
static void
test_add_busy_follows_criterion (Fixture       *fixture,
                                 gconstpointer  user_data)
{
  const char *id = first_of_category (fixture, 1)->id;
  const char *other_id = checklist_test_visible_id (fixture->page, 1);
  g_autofree char *path = g_build_filename (fixture->dir, "UPS点検記録.txt", NULL);
  g_autoptr(GtkWidget) lone = NULL;
  ScsChecklistItem *item, *other;
  ScsCriterionRow *row;
  GtkWidget *list;

  g_assert_true (g_file_set_contents (path, "UPS 点検 2026-11: 異常なし\n", -1, NULL));
  gui_test_wait_for_widget (GTK_WIDGET (fixture->page), 10, GUI_TEST_WAIT_LAID_OUT);
  row = scs_checklist_page_get_row (fixture->page, id);
  g_assert_nonnull (row);
  item = scs_criterion_row_get_item (row);
  other = scs_checklist_page_get_item (fixture->page, other_id);
  g_assert_true (other != item);
  list = gui_test_find_by_type (GTK_WIDGET (row), SCS_TYPE_EVIDENCE_LIST);

  g_assert_true (gtk_widget_activate_action (list, "evidence.add-file", "s", path));
  g_assert_true (evidence_busy (GTK_WIDGET (row)));

  /* The row now shows another criterion: no spinner there. */
  scs_criterion_row_set_item (row, other);
  g_assert_cmpstr (checklist_test_row_id (row), ==, other_id);
  g_assert_false (evidence_busy (GTK_WIDGET (row)));

  /* Another row that shows the criterion shows it, and so does the row
   * given back to it. */
  lone = g_object_ref_sink (scs_criterion_row_new (fixture->workspace,
                                                   scs_workspace_lookup_answer (fixture->workspace, id)));
  g_assert_true (evidence_busy (lone));
  scs_criterion_row_set_item (row, item);
  g_assert_true (evidence_busy (GTK_WIDGET (row)));

  /* Given to the other criterion again while it ends: the file is the
   * first criterion's, the spinner gone everywhere. */
  scs_criterion_row_set_item (row, other);
  gui_test_wait_until (evidence_idle, lone, 30);
  g_assert_false (evidence_busy (GTK_WIDGET (row)));
  g_assert_cmpuint (count_evidence (fixture->workspace, id, "UPS点検記録.txt"), ==, 1);
  g_assert_cmpuint (count_evidence (fixture->workspace, other_id, "UPS点検記録.txt"), ==, 0);
  scs_criterion_row_set_item (row, item);
  g_assert_false (evidence_busy (GTK_WIDGET (row)));
  g_assert_cmpuint (gui_test_n_rows (gui_test_find_by_type (GTK_WIDGET (row), SCS_TYPE_EVIDENCE_LIST), "list_box"), ==, 1);
}

/* Rows never shown have an estimated height, so that the scroll bar is
 * about right before the user has seen them: its length when the search
 * results first show is within a tenth of what it is once every row has
 * been laid out, scrolling down a screen at a time. A fixed guess is right
 * for one kind of content only: here the rows are taller, with files. */
static void
test_height_estimate (Fixture       *fixture,
                      gconstpointer  user_data)
{
  const GPtrArray *criteria = scs_catalog_get_criteria (scs_workspace_get_catalog (fixture->workspace));
  GtkAdjustment *adjustment;
  double first_upper, upper;

  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);

  /* Rows taller than a bare one: every criterion has four evidence files. */
  for (guint f = 0; f < 4; f++)
    {
      g_autofree char *path = g_strdup_printf ("%s/記録%u.txt", fixture->dir, f);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      const ScsCriterion *criterion = criteria->pdata[0];

      g_assert_true (g_file_set_contents (path, path, -1, &error));
      g_ptr_array_add (files, scs_workspace_add_evidence (fixture->workspace, criterion->id, file, NULL, &error));
      g_assert_no_error (error);
    }
  for (guint i = 1; i < criteria->len; i++)
    {
      const ScsCriterion *criterion = criteria->pdata[i];

      if (scs_workspace_lookup_answer (fixture->workspace, criterion->id) == NULL)
        continue;
      for (guint f = 0; f < files->len; f++)
        {
          g_autoptr(GError) error = NULL;

          g_assert_true (scs_workspace_link_evidence (fixture->workspace, files->pdata[f], criterion->id, &error));
          g_assert_no_error (error);
        }
    }
  scs_checklist_page_set_search_mode (fixture->page, TRUE);
  scs_checklist_page_set_search_text (fixture->page, "-");
  g_assert_cmpuint (checklist_test_n_visible (fixture->page), ==, 81);
  gui_test_wait_for_widget (GTK_WIDGET (fixture->page), 10, GUI_TEST_WAIT_LAID_OUT);
  gui_test_wait_for_widget (GTK_WIDGET (fixture->page), 10, GUI_TEST_WAIT_LAID_OUT);
  adjustment = page_adjustment (fixture);
  first_upper = gtk_adjustment_get_upper (adjustment);

  while (gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment) <
         gtk_adjustment_get_upper (adjustment))
    scroll_to (fixture, gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment));
  scroll_to (fixture, gtk_adjustment_get_upper (adjustment));
  upper = gtk_adjustment_get_upper (adjustment);
  g_test_message ("estimated %.0f px, laid out %.0f px", first_upper, upper);
  g_assert_cmpfloat (fabs (first_upper - upper), <=, upper / 10);
}

static gboolean
more_rows_than (gpointer data)
{
  Fixture *fixture = ((gpointer *) data)[0];
  guint n = GPOINTER_TO_UINT (((gpointer *) data)[1]);

  return checklist_test_count_rows (GTK_WIDGET (fixture->page)) > n;
}

/* A keystroke gives rows to the criteria in view only, so its frame lays
 * out and draws only those; the rows half a screen below follow after
 * that frame, before the user scrolls to them. */
static void
test_near_rows_later (Fixture       *fixture,
                      gconstpointer  user_data)
{
  GtkAdjustment *adjustment = page_adjustment (fixture);
  gpointer data[2] = { fixture, NULL };
  guint n_now;

  /* From another category: none of the rows the results need is there. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-category", "u", 7));
  gui_test_wait_for_widget (GTK_WIDGET (fixture->page), 10, GUI_TEST_WAIT_LAID_OUT);
  scs_checklist_page_set_search_mode (fixture->page, TRUE);
  scs_checklist_page_set_search_text (fixture->page, "-");
  n_now = checklist_test_count_rows (GTK_WIDGET (fixture->page));
  g_test_message ("%u rows at once for a view of %.0f px", n_now, gtk_adjustment_get_page_size (adjustment));
  g_assert_cmpuint (n_now, >=, 1);
  g_assert_nonnull (scs_checklist_page_get_row (fixture->page, checklist_test_visible_id (fixture->page, 0)));
  g_assert_null (scs_checklist_page_get_row (fixture->page, checklist_test_visible_id (fixture->page, n_now)));
  data[1] = GUINT_TO_POINTER (n_now);
  gui_test_wait_until (more_rows_than, data, 10);
  g_assert_nonnull (scs_checklist_page_get_row (fixture->page, checklist_test_visible_id (fixture->page, n_now)));
}

/* A note typed and not yet saved stays with its criterion when its row
 * scrolls away and is given to another criterion, and is saved. */
static void
test_note_survives_recycling (Fixture       *fixture,
                              gconstpointer  user_data)
{
  const char *id = first_of_category (fixture, 1)->id;
  ScsAnswer *answer = scs_workspace_lookup_answer (fixture->workspace, id);
  NoteWait wait = { answer, "スクロールしても消えないメモ" };
  ScsCriterionRow *row;
  GtkTextBuffer *buffer;
  g_autofree char *shown = NULL;
  GtkTextIter start, end;
  g_autoptr(ScsWorkspace) reopened = NULL;

  gui_test_wait_for_widget (GTK_WIDGET (fixture->page), 10, GUI_TEST_WAIT_LAID_OUT);
  row = scs_checklist_page_get_row (fixture->page, id);
  g_assert_nonnull (row);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (checklist_test_row_child (row, "note_view")));
  gtk_text_buffer_set_text (buffer, wait.text, -1);
  g_assert_cmpstr (scs_checklist_item_get_note_state (scs_criterion_row_get_item (row)), ==, "pending");

  /* Far away: every row there belongs to another criterion; this
   * criterion's old row went to one of them (rows kept out of view are
   * handed on after a few screens: go through all of them). */
  for (guint category = 2; category <= 7; category++)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-category", "u", category));
      gui_test_wait_for_widget (GTK_WIDGET (fixture->page), 10, GUI_TEST_WAIT_LAID_OUT);
      scroll_to (fixture, gtk_adjustment_get_upper (page_adjustment (fixture)));
      scroll_to (fixture, gtk_adjustment_get_upper (page_adjustment (fixture)));
    }
  g_assert_null (scs_checklist_page_get_row (fixture->page, id));

  /* Saved meanwhile, by the criterion's item. */
  gui_test_wait_until (note_stored, &wait, 10);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-category", "u", 1));
  gui_test_wait_for_widget (GTK_WIDGET (fixture->page), 10, GUI_TEST_WAIT_LAID_OUT);
  row = scs_checklist_page_get_row (fixture->page, id);
  g_assert_nonnull (row);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (checklist_test_row_child (row, "note_view")));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (shown, ==, wait.text);
  g_assert_cmpstr (scs_checklist_item_get_note_state (scs_criterion_row_get_item (row)), ==, "saved");

  reopened = reopen (fixture);
  g_assert_cmpstr (scs_answer_get_note (scs_workspace_lookup_answer (reopened, id)), ==, wait.text);
}

/* A note typed and not yet sent when its row is handed to another
 * criterion is not lost: typing goes on in the item, and flushing the
 * window (closing it) sends it. */
static void
test_pending_note_kept_by_item (Fixture       *fixture,
                                gconstpointer  user_data)
{
  const char *id = first_of_category (fixture, 1)->id;
  ScsCriterionRow *row;
  ScsChecklistItem *item;
  GtkTextBuffer *buffer;
  g_autoptr(ScsWorkspace) reopened = NULL;

  gui_test_wait_for_widget (GTK_WIDGET (fixture->page), 10, GUI_TEST_WAIT_LAID_OUT);
  row = scs_checklist_page_get_row (fixture->page, id);
  item = scs_criterion_row_get_item (row);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (checklist_test_row_child (row, "note_view")));
  gtk_text_buffer_set_text (buffer, "未保存のまま別の行へ", -1);

  /* The row now shows another criterion, before the save delay ends. */
  scs_criterion_row_set_item (row, scs_checklist_page_get_item (fixture->page, checklist_test_visible_id (fixture->page, 1)));
  g_assert_cmpstr (scs_checklist_item_get_note_text (item), ==, "未保存のまま別の行へ");
  g_assert_cmpstr (scs_checklist_item_get_note_state (item), ==, "pending");
  scs_criterion_row_set_item (row, item);

  scs_window_flush (fixture->window);
  reopened = reopen (fixture);
  g_assert_cmpstr (scs_answer_get_note (scs_workspace_lookup_answer (reopened, id)), ==, "未保存のまま別の行へ");
}

/* Going to a criterion far down scrolls it into view and focuses it. */
static void
test_focus_far_criterion (Fixture       *fixture,
                          gconstpointer  user_data)
{
  GtkAdjustment *adjustment;
  const char *last;
  ScsCriterionRow *row;
  graphene_rect_t bounds;
  GtkWidget *scroller = gui_test_find_child (GTK_WIDGET (fixture->page), "scroller");

  gui_test_wait_for_widget (GTK_WIDGET (fixture->page), 10, GUI_TEST_WAIT_LAID_OUT);
  last = checklist_test_visible_id (fixture->page, checklist_test_n_visible (fixture->page) - 1);
  g_assert_null (scs_checklist_page_get_row (fixture->page, last));

  g_assert_true (scs_checklist_page_focus_criterion (fixture->page, last));
  gui_test_wait_for_widget (GTK_WIDGET (fixture->page), 10, GUI_TEST_WAIT_LAID_OUT);
  gui_test_wait_for_widget (GTK_WIDGET (fixture->page), 10, GUI_TEST_WAIT_LAID_OUT);
  row = scs_checklist_page_get_row (fixture->page, last);
  g_assert_nonnull (row);
  g_assert_true (scs_checklist_page_get_focused_row (fixture->page) == row);
  adjustment = page_adjustment (fixture);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 0);
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (row), scroller, &bounds));
  g_assert_cmpfloat (bounds.origin.y, >=, 0);
  g_assert_cmpfloat (bounds.origin.y, <, gtk_widget_get_height (scroller));
}

static void
test_state_filter (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  const char *a = checklist_test_visible_id (fixture->page, 0);
  const char *b = checklist_test_visible_id (fixture->page, 1);
  guint total = n_criteria_in_category (fixture, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.set-status", "(ss)", a, "met"));
  scs_workspace_set_answer (fixture->workspace, b, SCS_ANSWER_NOT_MET, NULL, NULL, &error);
  g_assert_no_error (error);

  scs_checklist_page_set_filter (fixture->page, SCS_CHECKLIST_FILTER_MET);
  g_assert_cmpuint (checklist_test_n_visible (fixture->page), ==, 1);
  g_assert_cmpstr (checklist_test_visible_id (fixture->page, 0), ==, a);
  scs_checklist_page_set_filter (fixture->page, SCS_CHECKLIST_FILTER_NOT_MET);
  g_assert_cmpuint (checklist_test_n_visible (fixture->page), ==, 1);
  g_assert_cmpstr (checklist_test_visible_id (fixture->page, 0), ==, b);
  scs_checklist_page_set_filter (fixture->page, SCS_CHECKLIST_FILTER_UNANSWERED);
  g_assert_cmpuint (checklist_test_n_visible (fixture->page), ==, total - 2);
  scs_checklist_page_set_filter (fixture->page, SCS_CHECKLIST_FILTER_NOT_APPLICABLE);
  g_assert_cmpuint (checklist_test_n_visible (fixture->page), ==, 0);
  scs_checklist_page_set_filter (fixture->page, SCS_CHECKLIST_FILTER_ALL);
  g_assert_cmpuint (checklist_test_n_visible (fixture->page), ==, total);
}

static void
test_keyboard (Fixture       *fixture,
               gconstpointer  user_data)
{
  GtkWidget *page = GTK_WIDGET (fixture->page);
  const char *first = checklist_test_visible_id (fixture->page, 0);
  const char *second = checklist_test_visible_id (fixture->page, 1);
  ScsCriterionRow *focused;

  g_assert_null (scs_checklist_page_get_focused_row (fixture->page));
  g_assert_true (gtk_widget_activate_action (page, "checklist.next", NULL));
  focused = scs_checklist_page_get_focused_row (fixture->page);
  g_assert_nonnull (focused);
  g_assert_cmpstr (checklist_test_row_id (focused), ==, first);

  g_assert_true (gtk_widget_activate_action (page, "checklist.next", NULL));
  g_assert_cmpstr (checklist_test_row_id (scs_checklist_page_get_focused_row (fixture->page)), ==, second);

  /* Alt+2 on the focused criterion: not met, in the file. */
  g_assert_true (gtk_widget_activate_action (page, "checklist.set-focused-status", "s", "not-met"));
  g_assert_cmpint (scs_answer_get_state (scs_workspace_lookup_answer (fixture->workspace, second)), ==,
                   SCS_ANSWER_NOT_MET);
  g_assert_cmpint (scs_answer_get_state (scs_workspace_lookup_answer (fixture->workspace, first)), ==,
                   SCS_ANSWER_UNANSWERED);
  {
    g_autoptr(ScsWorkspace) reopened = reopen (fixture);

    g_assert_cmpint (scs_answer_get_state (scs_workspace_lookup_answer (reopened, second)), ==, SCS_ANSWER_NOT_MET);
  }

  g_assert_true (gtk_widget_activate_action (page, "checklist.previous", NULL));
  g_assert_cmpstr (checklist_test_row_id (scs_checklist_page_get_focused_row (fixture->page)), ==, first);
  /* At the top it stays at the top. */
  g_assert_true (gtk_widget_activate_action (page, "checklist.previous", NULL));
  g_assert_cmpstr (checklist_test_row_id (scs_checklist_page_get_focused_row (fixture->page)), ==, first);
}

static GtkLabel *
find_link_label (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found;

      if (GTK_IS_LABEL (child) && strstr (gtk_label_get_label (GTK_LABEL (child)), "href=\"scs:") != NULL)
        return GTK_LABEL (child);
      if ((found = find_link_label (child)) != NULL)
        return found;
    }
  return NULL;
}

static void
test_text_links (Fixture       *fixture,
                 gconstpointer  user_data)
{
  const GPtrArray *criteria = scs_catalog_get_criteria (scs_workspace_get_catalog (fixture->workspace));
  const ScsCriterion *source = NULL;
  g_autofree char *markup = NULL;
  g_autofree char *target = NULL;
  g_autofree char *uri = NULL;
  const char *href;
  ScsCriterionRow *row;
  GtkLabel *label;
  gboolean handled = FALSE;

  /* Any criterion whose text names another ID. */
  for (guint i = 0; i < criteria->len && source == NULL; i++)
    {
      const ScsCriterion *criterion = criteria->pdata[i];
      g_autofree char *candidate = scs_catalog_markup_links (scs_criterion_get_text (criterion));

      if (strstr (candidate, "href=\"scs:") != NULL)
        {
          source = criterion;
          markup = g_steal_pointer (&candidate);
        }
    }
  g_assert_nonnull (source);
  href = strstr (markup, "href=\"scs:") + strlen ("href=\"scs:");
  target = g_strndup (href, strcspn (href, "\""));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.goto-criterion", "s", source->id));
  row = scs_checklist_page_get_row (fixture->page, source->id);
  label = find_link_label (GTK_WIDGET (row));
  g_assert_nonnull (label);

  uri = g_strconcat ("scs:", target, NULL);
  g_signal_emit_by_name (label, "activate-link", uri, &handled);
  g_assert_true (handled);
  {
    const ScsCriterion *criterion = scs_catalog_lookup_criterion (scs_workspace_get_catalog (fixture->workspace),
                                                                  g_str_has_prefix (target, "No.") ? target + 3 : target);
    const ScsRequirement *requirement = criterion ? criterion->requirement
      : scs_catalog_lookup_requirement (scs_workspace_get_catalog (fixture->workspace),
                                        g_str_has_prefix (target, "No.") ? target + 3 : target);

    g_assert_nonnull (requirement);
    g_assert_cmpuint (scs_checklist_page_get_category (fixture->page), ==, requirement->category->number);
    if (criterion != NULL)
      g_assert_cmpstr (checklist_test_row_id (scs_checklist_page_get_focused_row (fixture->page)), ==,
                       criterion->id);
  }
}

static gboolean
workbook_note_shown (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      ScsChecklistItem *item = g_object_get_data (G_OBJECT (child), "scs-item");

      /* A slot out of the list (the filter) shows nothing. */
      if (item != NULL && !scs_checklist_item_get_shown (item))
        continue;
      if (GTK_IS_LABEL (child) && gtk_widget_has_css_class (child, "workbook-note") && gtk_widget_is_visible (child))
        return TRUE;
      if (workbook_note_shown (child))
        return TRUE;
    }
  return FALSE;
}

static void
test_star4_requirements (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  const GPtrArray *requirements = scs_catalog_get_requirements (scs_workspace_get_catalog (fixture->workspace));
  guint category = 0;

  for (guint i = 0; i < requirements->len && category == 0; i++)
    {
      const ScsRequirement *requirement = requirements->pdata[i];

      if (!requirement->criteria_known)
        category = requirement->category->number;
    }
  g_assert_cmpuint (category, !=, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-category", "u", category));
  g_assert_false (workbook_note_shown (GTK_WIDGET (fixture->page)));

  scs_workspace_set_target_level (fixture->workspace, 4, &error);
  g_assert_no_error (error);
  /* The page follows the target level through its notification. */
  g_assert_true (workbook_note_shown (GTK_WIDGET (fixture->page)));
}

int
main (int   argc,
      char *argv[])
{
  const char *language = g_getenv ("SCS_LANGUAGE");

  /* The test backend records what screen readers are told. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gui_test_init_gtk_test (&argc, &argv, language ? language : "ja");

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/scs/checklist/note-debounce", test_note_debounce);
  ADD ("/scs/checklist/reason-debounce", test_reason_debounce);
  ADD ("/scs/checklist/note-refused-kept", test_note_refused_kept);
  ADD ("/scs/checklist/search", test_search);
  ADD ("/scs/checklist/search-user-text", test_search_user_text);
  ADD ("/scs/checklist/search-as-typed", test_search_as_typed);
  ADD ("/scs/checklist/rows-only-in-view", test_rows_only_in_view);
  ADD ("/scs/checklist/slots-only-near-view", test_slots_only_near_view);
  ADD ("/scs/checklist/rows-rest-out-of-view", test_rows_rest_out_of_view);
  ADD ("/scs/checklist/rows-keep-styles", test_rows_keep_styles);
  ADD ("/scs/checklist/add-busy-follows-criterion", test_add_busy_follows_criterion);
  ADD ("/scs/checklist/height-estimate", test_height_estimate);
  ADD ("/scs/checklist/near-rows-later", test_near_rows_later);
  ADD ("/scs/checklist/note-survives-recycling", test_note_survives_recycling);
  ADD ("/scs/checklist/pending-note-kept-by-item", test_pending_note_kept_by_item);
  ADD ("/scs/checklist/focus-far-criterion", test_focus_far_criterion);
  ADD ("/scs/checklist/state-filter", test_state_filter);
  ADD ("/scs/checklist/keyboard", test_keyboard);
  ADD ("/scs/checklist/text-links", test_text_links);
  ADD ("/scs/checklist/star4-requirements", test_star4_requirements);
#undef ADD

  return g_test_run ();
}
