/* bench-gui-latency.c: input to painted frame in the real window, on a ★4
 * workspace with many evidence files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage:
 *   bench-gui-latency EVIDENCE_FILES DIR [SAMPLES]
 *       creates DIR/gui-latency-EVIDENCE_FILES.scsw: a ★4 workspace on a
 *       catalog imported from a workbook in the official layout (the core
 *       tests' builder: 43 requirements, 153 criteria), half of the criteria
 *       answered with a note, and EVIDENCE_FILES small distinct files linked
 *       round-robin across the criteria (every tenth to a second one too).
 *       Then it runs the workbench itself on that file — scs_main(), the
 *       same start as scs-workbench's, in a window of 1360×860 — and times,
 *       SAMPLES times each (default 200), from the input to the end of the
 *       frame that shows its result (the window's GdkFrameClock
 *       "after-paint", after layout and rendering):
 *
 *   category  a click on a category in the sidebar, as GtkListBox does it
 *             (gtk_list_box_select_row(), then gtk_widget_activate() on the
 *             row: "row-selected", then "row-activated"), until the page
 *             shows that category with its first criterion laid out. The
 *             first visit of each category builds its rows: those seven
 *             are printed on their own line (category-first).
 *   search    one keystroke in the checklist's search entry (one more
 *             character inserted at the end with gtk_editable_insert_text(),
 *             as a key press or an input method's commit does, or the
 *             entry emptied after each word), from the entry's
 *             "search-changed" — GtkSearchEntry waits its search-delay
 *             (150 ms) after the keystroke before saying so, on purpose,
 *             and paints the typed character meanwhile — until the
 *             matching rows are laid out (or the "no match" page shown).
 *   status    a click on a status button of a criterion on screen ("clicked"
 *             emitted on the toggle button, as its click gesture does on
 *             release — gtk_widget_activate() would add the 250 ms GtkButton
 *             shows a key press for: the row's handler, win.set-status,
 *             the durable write), until the row shows the new state as
 *             saved and the answer row in the file (read through a second
 *             SQLite connection) holds it.
 *
 * Between samples the main loop runs on for a few frame intervals, so each
 * input starts from a settled window; a category switch waits until no
 * frame was drawn for SETTLED_MS (the last switch's rows near the view come
 * in two or three frames after it; SCS_BENCH_UNSETTLED=1 switches GAP_MS
 * after the last result regardless, as before). Prints one line of
 * key=value pairs per operation for tests/bench/run: the percentiles of
 * the time (ms), the main thread's CPU time over the same span (cpu_*:
 * what the machine's load does not inflate), and the medians of where it
 * went — the input's handlers, the frame's start to the end of its layout,
 * the layout's end to the end of painting. SCS_BENCH_VERBOSE=1 prints every sample on stderr
 * (with the category clicked and the frames drawn since the sample before);
 * SCS_BENCH_SEARCH_ONLY=1 times only the first visits and the search, and
 * SCS_BENCH_CATEGORY_ONLY=1 only the first visits and the category switches
 * (to profile them).
 * A figure, not a test: nothing here asserts a time.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "scs-catalog-import.h"
#include "scs-checklist-page.h"
#include "scs-criterion-row.h"
#include "scs-main.h"
#include "scs-profile.h"
#include "scs-sidebar.h"
#include "scs-window.h"
#include "scs-workspace.h"

#include "../core/fixtures/xlsx/xlsx-builder.h"
#include "bench-gui-common.h"

#define N_CATEGORIES 7
#define GAP_MS 40             /* between samples: beyond a frame interval */
#define SETTLED_MS 50         /* a switch waits for this long without a frame */
#define SETTLE_MAX_MS 1000    /* but not longer */
#define SAMPLE_TIMEOUT_S 60   /* a sample that never shows is an error */

typedef struct
{
  const char *name;
  GArray     *ms;           /* of double */
  GArray     *cpu_ms;       /* of double: the main thread's CPU time */
  GArray     *in_ms;        /* the input's handlers */
  GArray     *layout_ms;    /* the frame's start to the end of its layout */
  GArray     *paint_ms;     /* the end of layout to the end of painting */
  GArray     *work_ms;      /* ms less the wait for the frame (below) */
  GArray     *wait_ms;      /* the main thread idle between the handlers and the
                             * frame: the frame clock's wait for its slot */
  guint       frames_max;   /* frames painted before the result showed */
} Op;

typedef struct _Bench Bench;
typedef gboolean (*CheckFunc) (Bench *b);

typedef enum
{
  PHASE_FIRST_VISITS,
  PHASE_CATEGORY,
  PHASE_STATUS,
  PHASE_SEARCH_OPEN,
  PHASE_SEARCH,
  PHASE_DONE,
} Phase;

struct _Bench
{
  GtkApplication *app;
  GtkWindow      *window;
  GdkFrameClock  *clock;
  GtkWidget      *page;
  GtkListBox     *sidebar_list;
  GtkEditable    *search_entry;
  sqlite3        *db;
  sqlite3_stmt   *state_stmt;
  guint           samples;
  gboolean        search_only;   /* SCS_BENCH_SEARCH_ONLY: for profiling */
  gboolean        category_only; /* SCS_BENCH_CATEGORY_ONLY: likewise */
  gboolean        unsettled;     /* SCS_BENCH_UNSETTLED: switch GAP_MS after the last */
  int             status;

  Phase           phase;
  guint           done;      /* samples done in this phase */
  Op              ops[4];    /* category-first, category, status, search */
  Op             *op;        /* the one measured now, or NULL */
  gint64          t0;        /* input time; 0 while waiting for it */
  gint64          cpu0;      /* the main thread's CPU time then */
  gint64          t_in;      /* when the input's handlers returned */
  gint64          t_frame;   /* when the last frame began */
  gint64          t_layout;  /* when its layout ended */
  gint64          cpu_in, cpu_frame, cpu_layout;   /* the CPU time at those points */
  gint64          t_painted; /* when the last frame, any, was painted */
  gint64          since_painted;  /* the input's time minus that */
  guint           gap_frames;     /* frames since the last sample: all, */
  guint           gap_layouts;    /* those that laid widgets out, */
  guint           gap_paints;     /* those that drew */
  gboolean        laid_out, painted;   /* in this frame */
  gint64          started;   /* when the sample began (time-out) */
  guint           frames;
  CheckFunc       check;

  guint           category;  /* the category asked for */
  ScsCriterionRow *row;      /* the row whose status was clicked */
  ScsAnswerState  state;     /* the state clicked */
  char           *text;      /* the search text typed so far */
  guint           word;
  guint           letter;
};

static const char * const evidence_words[] = {
  "規程", "手順書", "ログ", "台帳", "backup", "screenshot", "契約書", "教育記録",
};

static void
die (const char *what,
     GError     *error)
{
  fprintf (stderr, "bench-gui-latency: %s: %s\n", what, error ? error->message : "failed");
  exit (1);
}

/* The workspace ------------------------------------------------------------ */

static ScsCatalog *
import_star4_catalog (void)
{
  g_autoptr(GPtrArray) spec = spec_official ();
  g_autoptr(GBytes) workbook = build_catalog_workbook (spec, BREAK_NONE, NULL, "2026-03-27T09:00:00Z");
  g_autoptr(GError) error = NULL;
  ScsCatalog *catalog = scs_catalog_import_xlsx (workbook, NULL, NULL, &error);

  if (catalog == NULL)
    die ("the ★4 workbook", error);
  return catalog;
}

static char *
make_workspace (const char *dir,
                guint       n_evidence)
{
  g_autoptr(ScsCatalog) catalog = import_star4_catalog ();
  g_autoptr(ScsOrganization) org = scs_organization_new ();
  g_autoptr(ScsWorkspace) ws = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("gui-latency-%u.scsw", n_evidence);
  g_autofree char *files = g_strdup_printf ("gui-latency-%u-evidence", n_evidence);
  g_autofree char *files_dir = g_build_filename (dir, files, NULL);
  char *path = g_build_filename (dir, name, NULL);
  const GPtrArray *criteria = scs_catalog_get_criteria (catalog);
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  if (criteria->len != 153)
    {
      fprintf (stderr, "bench-gui-latency: the ★4 catalog has %u criteria, not 153\n", criteria->len);
      exit (1);
    }
  /* A file of an earlier run, with its write-ahead log. */
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *old = g_strconcat (path, suffixes[i], NULL);

      g_unlink (old);
    }
  org->name = g_strdup ("株式会社ベンチ精機");
  org->corporate_number = g_strdup ("7000012050002");
  ws = scs_workspace_create (path, org, 4, catalog, &error);
  if (ws == NULL)
    die (path, error);
  scs_workspace_set_actor (ws, "ベンチ 太郎");

  for (guint i = 0; i < criteria->len; i += 2)
    {
      const ScsCriterion *criterion = criteria->pdata[i];
      g_autofree char *note = g_strdup_printf ("%s: 規程第%u条で定め、年1回見直している。記録は台帳に残す。",
                                               criterion->id, i + 1);

      if (!scs_workspace_set_answer (ws, criterion->id, i % 6 == 0 ? SCS_ANSWER_NOT_MET : SCS_ANSWER_MET,
                                     note, NULL, &error))
        die (criterion->id, error);
    }

  if (g_mkdir_with_parents (files_dir, 0700) != 0)
    die (files_dir, NULL);
  for (guint i = 0; i < n_evidence; i++)
    {
      const ScsCriterion *criterion = criteria->pdata[i % criteria->len];
      g_autofree char *base = g_strdup_printf ("ev-%04u-%s.txt", i,
                                               evidence_words[i % G_N_ELEMENTS (evidence_words)]);
      g_autofree char *file_path = g_build_filename (files_dir, base, NULL);
      g_autofree char *content = g_strdup_printf ("証跡 %u: %s の記録（ベンチマーク用）\n", i, criterion->id);
      g_autoptr(GFile) file = g_file_new_for_path (file_path);
      g_autofree char *sha256 = NULL;

      if (!g_file_set_contents (file_path, content, -1, &error))
        die (file_path, error);
      sha256 = scs_workspace_add_evidence (ws, criterion->id, file, NULL, &error);
      if (sha256 == NULL)
        die (file_path, error);
      if (i % 10 == 0)
        {
          const ScsCriterion *second = criteria->pdata[(i * 7 + 3) % criteria->len];

          if (second != criterion && !scs_workspace_link_evidence (ws, sha256, second->id, &error))
            die (second->id, error);
        }
    }
  return path;
}

/* Measuring ---------------------------------------------------------------- */

static void next_sample (Bench *b);

static gboolean
next_sample_cb (gpointer data)
{
  next_sample (data);
  return G_SOURCE_REMOVE;
}

static void
fail (Bench      *b,
      const char *message)
{
  fprintf (stderr, "bench-gui-latency: %s\n", message);
  b->status = 1;
  b->phase = PHASE_DONE;
  b->op = NULL;
  g_application_quit (G_APPLICATION (b->app));
}

/* The input's handlers have run: the next frame shows their result. A
 * keystroke that changes nothing on screen (the same rows match) asks for
 * no frame of its own; an empty one is asked for, or the wait would last
 * until something else moved. */
static void
input_done (Bench *b)
{
  b->t_in = g_get_monotonic_time ();
  b->cpu_in = thread_cpu_us ();
  gdk_frame_clock_request_phase (b->clock, GDK_FRAME_CLOCK_PHASE_PAINT);
}

static void
begin (Bench     *b,
       Op        *op,
       CheckFunc  check,
       gboolean   timed_now)
{
  b->op = op;
  b->check = check;
  b->frames = 0;
  b->started = g_get_monotonic_time ();
  b->t0 = timed_now ? b->started : 0;
  b->since_painted = b->started - b->t_painted;
  b->cpu0 = thread_cpu_us ();
}

/* Connected after GTK's own handlers: the start of a frame, the end of its
 * layout. */
static void
on_before_paint (GdkFrameClock *clock,
                 Bench         *b)
{
  b->t_frame = b->t_layout = g_get_monotonic_time ();
  b->cpu_frame = b->cpu_layout = thread_cpu_us ();
}

static void
on_layout (GdkFrameClock *clock,
           Bench         *b)
{
  b->t_layout = g_get_monotonic_time ();
  b->cpu_layout = thread_cpu_us ();
  b->laid_out = TRUE;
}

static void
on_paint (GdkFrameClock *clock,
          Bench         *b)
{
  b->painted = TRUE;
}

static void
on_after_paint (GdkFrameClock *clock,
                Bench         *b)
{
  gint64 now = g_get_monotonic_time ();
  gint64 cpu = thread_cpu_us ();
  double ms, wait;

  b->t_painted = now;
  if (b->op == NULL || b->t0 == 0)
    {
      b->gap_frames++;
      b->gap_layouts += b->laid_out;
      b->gap_paints += b->painted;
      b->laid_out = b->painted = FALSE;
      return;
    }
  b->laid_out = b->painted = FALSE;
  b->frames++;
  if (!b->check (b))
    return;

  ms = (double) (now - b->t0) / 1000.0;
  g_array_append_val (b->op->ms, ms);
  ms = (double) (cpu - b->cpu0) / 1000.0;
  g_array_append_val (b->op->cpu_ms, ms);
  ms = (double) (b->t_in - b->t0) / 1000.0;
  g_array_append_val (b->op->in_ms, ms);
  ms = (double) (b->t_layout - b->t_frame) / 1000.0;
  g_array_append_val (b->op->layout_ms, ms);
  ms = (double) (now - b->t_layout) / 1000.0;
  g_array_append_val (b->op->paint_ms, ms);
  wait = MAX (0.0, (double) ((b->t_frame - b->t_in) - (b->cpu_frame - b->cpu_in)) / 1000.0);
  g_array_append_val (b->op->wait_ms, wait);
  ms = (double) (now - b->t0) / 1000.0 - wait;
  g_array_append_val (b->op->work_ms, ms);
  if (g_getenv ("SCS_BENCH_VERBOSE") != NULL)
    fprintf (stderr, "%s %s: %.2f ms, CPU %.2f (input %.2f, waiting %.2f, layout %.2f, painting %.2f; "
             "CPU input %.2f, layout %.2f, painting %.2f; target %u, %u frames before it (%u laid out, %u drawn), the last %.1f ms before)\n",
             b->op->name, b->op == &b->ops[3] ? b->text : "", (now - b->t0) / 1000.0, (cpu - b->cpu0) / 1000.0,
             (b->t_in - b->t0) / 1000.0, (b->t_frame - b->t_in) / 1000.0,
             (b->t_layout - b->t_frame) / 1000.0, (now - b->t_layout) / 1000.0,
             (b->cpu_in - b->cpu0) / 1000.0, (b->cpu_layout - b->cpu_frame) / 1000.0,
             (cpu - b->cpu_layout) / 1000.0, b->category, b->gap_frames, b->gap_layouts, b->gap_paints,
             b->since_painted / 1000.0);
  b->gap_frames = b->gap_layouts = b->gap_paints = 0;
  b->op->frames_max = MAX (b->op->frames_max, b->frames);
  b->op = NULL;
  b->done++;
  g_timeout_add (GAP_MS, next_sample_cb, b);
}

static gboolean
watchdog (gpointer data)
{
  Bench *b = data;

  if (b->phase == PHASE_DONE)
    return G_SOURCE_REMOVE;
  if (b->op != NULL && g_get_monotonic_time () - b->started > SAMPLE_TIMEOUT_S * G_USEC_PER_SEC)
    {
      g_autofree char *message = g_strdup_printf ("%s: sample %u showed no result in %d s",
                                                  b->op->name, b->done, SAMPLE_TIMEOUT_S);

      fail (b, message);
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

/* The criteria the page shows: their items, from the page's slots. */
static guint
n_shown (Bench       *b,
         const char **ids,
         guint        max)
{
  GtkWidget *slots = GTK_WIDGET (gtk_widget_get_template_child (b->page, SCS_TYPE_CHECKLIST_PAGE, "slots_box"));
  guint n = 0;

  for (GtkWidget *slot = gtk_widget_get_first_child (slots); slot != NULL; slot = gtk_widget_get_next_sibling (slot))
    {
      ScsChecklistItem *item = g_object_get_data (G_OBJECT (slot), "scs-item");

      if (!scs_checklist_item_get_shown (item) || scs_checklist_item_get_kind (item) != SCS_CHECKLIST_ITEM_CRITERION)
        continue;
      if (n < max && ids != NULL)
        ids[n] = scs_answer_get_criterion_id (scs_checklist_item_get_answer (item));
      n++;
    }
  return n;
}

/* The row of the first criterion the page shows, laid out, or NULL. */
static GtkWidget *
first_shown_row (Bench *b)
{
  ScsChecklistPage *page = SCS_CHECKLIST_PAGE (b->page);
  const char *id = NULL;
  GtkWidget *row;

  n_shown (b, &id, 1);
  row = id ? GTK_WIDGET (scs_checklist_page_get_row (page, id)) : NULL;
  if (row == NULL || !gtk_widget_get_mapped (row) || gtk_widget_get_height (row) <= 0)
    return NULL;
  return row;
}

/* Category switch */

static GtkWidget *find_by_type (GtkWidget *root,
                                GType      type);
static void on_search_changed_after (Bench *b);

/* The window builds the checklist page when a category is first shown. */
static gboolean
find_page (Bench *b)
{
  if (b->page != NULL)
    return TRUE;
  b->page = find_by_type (GTK_WIDGET (b->window), SCS_TYPE_CHECKLIST_PAGE);
  if (b->page == NULL)
    return FALSE;
  b->search_entry = GTK_EDITABLE (gtk_widget_get_template_child (b->page, SCS_TYPE_CHECKLIST_PAGE,
                                                                 "search_entry"));
  g_signal_connect_swapped (b->search_entry, "search-changed", G_CALLBACK (on_search_changed_after), b);
  return TRUE;
}

static gboolean
category_shown (Bench *b)
{
  GtkStack *header;
  GtkWidget *title;
  g_autofree char *prefix = g_strdup_printf ("%u. ", b->category);

  if (!find_page (b))
    return FALSE;
  /* The header shown: a title and summary of the category's own. */
  header = GTK_STACK (gtk_widget_get_template_child (b->page, SCS_TYPE_CHECKLIST_PAGE, "header_stack"));
  title = gtk_widget_get_first_child (gtk_stack_get_visible_child (header));

  return gtk_widget_get_mapped (b->page) &&
         scs_checklist_page_get_category (SCS_CHECKLIST_PAGE (b->page)) == b->category &&
         g_str_has_prefix (gtk_label_get_text (GTK_LABEL (title)), prefix) &&
         first_shown_row (b) != NULL;
}

static void
click_category (Bench *b,
                Op    *op)
{
  GtkListBoxRow *row;

  b->category = b->category % N_CATEGORIES + 1;
  row = gtk_list_box_get_row_at_index (b->sidebar_list, (int) b->category);
  begin (b, op, category_shown, TRUE);
  /* What a click does: select, then activate. */
  gtk_list_box_select_row (b->sidebar_list, row);
  gtk_widget_activate (GTK_WIDGET (row));
  input_done (b);
}

/* Status click */

static ScsAnswerState
state_in_file (Bench      *b,
               const char *criterion_id)
{
  ScsAnswerState state = SCS_N_ANSWER_STATES;

  sqlite3_reset (b->state_stmt);
  sqlite3_bind_text (b->state_stmt, 1, criterion_id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (b->state_stmt) == SQLITE_ROW &&
      !scs_answer_state_from_string ((const char *) sqlite3_column_text (b->state_stmt, 0), &state))
    state = SCS_N_ANSWER_STATES;
  sqlite3_reset (b->state_stmt);
  return state;
}

static gboolean
status_saved (Bench *b)
{
  ScsAnswer *answer = scs_checklist_item_get_answer (scs_criterion_row_get_item (b->row));
  GtkWidget *button = scs_criterion_row_get_status_button (b->row, b->state);

  return gtk_widget_get_mapped (button) &&
         gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)) &&
         scs_answer_get_state (answer) == b->state &&
         g_strcmp0 (scs_checklist_item_get_note_state (scs_criterion_row_get_item (b->row)), "saved") == 0 &&
         state_in_file (b, scs_answer_get_criterion_id (answer)) == b->state;
}

static void
click_status (Bench *b,
              Op    *op)
{
  static const ScsAnswerState cycle[] = { SCS_ANSWER_MET, SCS_ANSWER_NOT_MET, SCS_ANSWER_UNANSWERED };
  ScsChecklistPage *page = SCS_CHECKLIST_PAGE (b->page);
  const char *ids[3] = { NULL, };
  guint n = MIN (n_shown (b, ids, G_N_ELEMENTS (ids)), G_N_ELEMENTS (ids));
  const char *id;

  /* Of the first three, those on screen (the list view has rows only
   * there and a little beyond). */
  while (n > 1 && (scs_checklist_page_get_row (page, ids[n - 1]) == NULL ||
                   !gtk_widget_get_mapped (GTK_WIDGET (scs_checklist_page_get_row (page, ids[n - 1])))))
    n--;
  id = n > 0 ? ids[b->done % n] : NULL;
  ScsAnswerState current;

  if (id == NULL)
    {
      fail (b, "status: no criterion shown");
      return;
    }
  b->row = scs_checklist_page_get_row (page, id);
  current = scs_answer_get_state (scs_checklist_item_get_answer (scs_criterion_row_get_item (b->row)));
  b->state = cycle[0];
  for (guint i = 0; i < G_N_ELEMENTS (cycle); i++)
    if (cycle[i] == current)
      b->state = cycle[(i + 1) % G_N_ELEMENTS (cycle)];

  begin (b, op, status_saved, TRUE);
  /* A mouse click: the button's gesture says "clicked" on release. */
  g_signal_emit_by_name (scs_criterion_row_get_status_button (b->row, b->state), "clicked");
  input_done (b);
}

/* Search keystroke */

static gboolean
search_shown (Bench *b)
{
  GtkWidget *empty = GTK_WIDGET (gtk_widget_get_template_child (b->page, SCS_TYPE_CHECKLIST_PAGE,
                                                                "empty_page"));

  if (n_shown (b, NULL, 0) == 0)
    return gtk_widget_get_mapped (empty);
  return !gtk_widget_get_mapped (empty) && first_shown_row (b) != NULL;
}

/* GtkSearchEntry says "search-changed" after its delay: the app's part of
 * a keystroke starts there. */
static gboolean
on_search_changed_hook (GSignalInvocationHint *hint,
                        guint                  n_values,
                        const GValue          *values,
                        gpointer               data)
{
  Bench *b = data;

  /* Only for the text typed: not an intermediate state of the entry. */
  if (b->op == &b->ops[3] && b->t0 == 0 && g_value_get_object (&values[0]) == (gpointer) b->search_entry &&
      g_strcmp0 (gtk_editable_get_text (b->search_entry), b->text) == 0)
    {
      b->t0 = g_get_monotonic_time ();
      b->cpu0 = thread_cpu_us ();
    }
  return TRUE;
}

static void
on_search_changed_after (Bench *b)
{
  if (b->op == &b->ops[3] && b->t0 != 0)
    input_done (b);
}

static void
type_key (Bench *b,
          Op    *op)
{
  const char *key = bench_next_key (&b->word, &b->letter, &b->text);

  begin (b, op, search_shown, FALSE);
  bench_type (b->search_entry, key);
}

static void
next_sample (Bench *b)
{
  switch (b->phase)
    {
    case PHASE_FIRST_VISITS:
      if (b->done < N_CATEGORIES)
        {
          click_category (b, &b->ops[0]);
          return;
        }
      b->phase = PHASE_CATEGORY;
      b->done = 0;
      G_GNUC_FALLTHROUGH;
    case PHASE_CATEGORY:
      if (b->done < b->samples && !b->search_only)
        {
          /* Not while the window still draws the last switch (rows near
           * the view come after its frame, two or three more frames): a
           * click then also waits for the frame clock's next slot (GDK
           * paces frames one refresh interval apart), up to 16.7 ms, which
           * a user's click, seconds apart, does not meet. */
          if (!b->unsettled && g_get_monotonic_time () - b->t_painted < SETTLED_MS * 1000 &&
              g_get_monotonic_time () - b->started < SETTLE_MAX_MS * 1000)
            {
              g_timeout_add (SETTLED_MS / 2, next_sample_cb, b);
              return;
            }
          click_category (b, &b->ops[1]);
          return;
        }
      if (b->category_only)
        {
          b->phase = PHASE_DONE;
          g_application_quit (G_APPLICATION (b->app));
          return;
        }
      b->phase = PHASE_STATUS;
      b->done = 0;
      G_GNUC_FALLTHROUGH;
    case PHASE_STATUS:
      if (b->done < b->samples && !b->search_only)
        {
          click_status (b, &b->ops[2]);
          return;
        }
      b->phase = PHASE_SEARCH_OPEN;
      b->done = 0;
      /* The search bar opens (Ctrl+F), then the typing starts. */
      gtk_widget_activate_action (GTK_WIDGET (b->window), "win.search", NULL);
      g_timeout_add (1000, next_sample_cb, b);
      return;
    case PHASE_SEARCH_OPEN:
      if (!gtk_widget_get_mapped (GTK_WIDGET (b->search_entry)))
        {
          fail (b, "search: the search entry is not shown");
          return;
        }
      b->phase = PHASE_SEARCH;
      G_GNUC_FALLTHROUGH;
    case PHASE_SEARCH:
      /* Whole words, so the last one ends with the entry emptied. */
      if (b->done < b->samples || (b->text != NULL && *b->text != '\0'))
        {
          type_key (b, &b->ops[3]);
          return;
        }
      b->phase = PHASE_DONE;
      g_application_quit (G_APPLICATION (b->app));
      return;
    case PHASE_DONE:
    default:
      return;
    }
}

static GtkWidget *
find_by_type (GtkWidget *root,
              GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The window has shown the workspace: find what the input goes to. */
static gboolean
start (gpointer data)
{
  Bench *b = data;
  GtkWidget *sidebar = find_by_type (GTK_WIDGET (b->window), SCS_TYPE_SIDEBAR);
  ScsWorkspace *workspace = SCS_IS_WINDOW (b->window) ? scs_window_get_workspace (SCS_WINDOW (b->window)) : NULL;

  if (sidebar == NULL || workspace == NULL)
    {
      fail (b, "the window shows no workspace");
      return G_SOURCE_REMOVE;
    }
  b->sidebar_list = GTK_LIST_BOX (gtk_widget_get_template_child (sidebar, SCS_TYPE_SIDEBAR, "list"));
  if (sqlite3_open_v2 (scs_workspace_get_path (workspace), &b->db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (b->db, "SELECT state FROM answer WHERE criterion_id = ?", -1,
                          &b->state_stmt, NULL) != SQLITE_OK)
    {
      fail (b, sqlite3_errmsg (b->db));
      return G_SOURCE_REMOVE;
    }

  b->clock = gtk_widget_get_frame_clock (GTK_WIDGET (b->window));
  g_signal_connect (b->clock, "before-paint", G_CALLBACK (on_before_paint), b);
  g_signal_connect (b->clock, "layout", G_CALLBACK (on_layout), b);
  g_signal_connect (b->clock, "paint", G_CALLBACK (on_paint), b);
  g_signal_connect (b->clock, "after-paint", G_CALLBACK (on_after_paint), b);
  g_type_class_unref (g_type_class_ref (GTK_TYPE_SEARCH_ENTRY));   /* its signals exist */
  g_signal_add_emission_hook (g_signal_lookup ("search-changed", GTK_TYPE_SEARCH_ENTRY), 0,
                              on_search_changed_hook, b, NULL);
  g_timeout_add_seconds (1, watchdog, b);
  b->category = 0;
  next_sample (b);
  return G_SOURCE_REMOVE;
}

static void
on_window_mapped (GtkWidget *window,
                  Bench     *b)
{
  g_signal_handlers_disconnect_by_func (window, on_window_mapped, b);
  /* Let the start-up's own work (the dashboard's first frames) settle. */
  g_timeout_add (1500, start, b);
}

static Bench *the_bench;

static void
on_window_added (GtkApplication *app,
                 GtkWindow      *window)
{
  Bench *b = the_bench;

  if (b->window != NULL)
    return;
  b->window = window;
  gtk_window_set_default_size (window, 1360, 860);
  g_signal_connect_after (window, "map", G_CALLBACK (on_window_mapped), b);
}

static void
install_hooks (GtkApplication *app)
{
  the_bench->app = app;
  g_signal_connect (app, "window-added", G_CALLBACK (on_window_added), NULL);
}

/* Output ------------------------------------------------------------------- */

static void
print_op (Op    *op,
          guint  n_evidence)
{
  if (op->ms->len == 0)
    return;
  g_array_sort (op->ms, compare_doubles);
  g_array_sort (op->cpu_ms, compare_doubles);
  g_array_sort (op->in_ms, compare_doubles);
  g_array_sort (op->layout_ms, compare_doubles);
  g_array_sort (op->paint_ms, compare_doubles);
  g_array_sort (op->work_ms, compare_doubles);
  g_array_sort (op->wait_ms, compare_doubles);
  printf ("op=%s evidence=%u n=%u p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f max_ms=%.2f "
          "cpu_p50_ms=%.2f cpu_p99_ms=%.2f input_p50_ms=%.2f layout_p50_ms=%.2f paint_p50_ms=%.2f "
          "work_p50_ms=%.2f work_p99_ms=%.2f wait_p50_ms=%.2f frames_max=%u\n",
          op->name, n_evidence, op->ms->len, percentile (op->ms, 50), percentile (op->ms, 95),
          percentile (op->ms, 99), g_array_index (op->ms, double, op->ms->len - 1),
          percentile (op->cpu_ms, 50), percentile (op->cpu_ms, 99), percentile (op->in_ms, 50),
          percentile (op->layout_ms, 50), percentile (op->paint_ms, 50), percentile (op->work_ms, 50),
          percentile (op->work_ms, 99), percentile (op->wait_ms, 50), op->frames_max);
}

int
main (int   argc,
      char *argv[])
{
  static const char * const names[] = { "category-first", "category", "status", "search" };
  Bench bench = { 0 };
  g_autofree char *path = NULL;
  char *app_argv[3];
  guint n_evidence;
  int status;

  if (argc < 3 || argc > 4)
    {
      fprintf (stderr, "usage: bench-gui-latency EVIDENCE_FILES DIR [SAMPLES]\n");
      return 2;
    }
  n_evidence = (guint) g_ascii_strtoull (argv[1], NULL, 10);
  bench.samples = argc > 3 ? (guint) g_ascii_strtoull (argv[3], NULL, 10) : 200;
  if (bench.samples == 0)
    bench.samples = 200;
  bench.search_only = g_getenv ("SCS_BENCH_SEARCH_ONLY") != NULL;
  bench.category_only = g_getenv ("SCS_BENCH_CATEGORY_ONLY") != NULL;
  bench.unsettled = g_getenv ("SCS_BENCH_UNSETTLED") != NULL;
  for (guint i = 0; i < G_N_ELEMENTS (bench.ops); i++)
    {
      bench.ops[i].name = names[i];
      bench.ops[i].ms = g_array_new (FALSE, FALSE, sizeof (double));
      bench.ops[i].cpu_ms = g_array_new (FALSE, FALSE, sizeof (double));
      bench.ops[i].in_ms = g_array_new (FALSE, FALSE, sizeof (double));
      bench.ops[i].layout_ms = g_array_new (FALSE, FALSE, sizeof (double));
      bench.ops[i].paint_ms = g_array_new (FALSE, FALSE, sizeof (double));
      bench.ops[i].work_ms = g_array_new (FALSE, FALSE, sizeof (double));
      bench.ops[i].wait_ms = g_array_new (FALSE, FALSE, sizeof (double));
    }

  path = make_workspace (argv[2], n_evidence);
  /* a user with a name: no first-run question over the window */
  {
    g_autofree char *profile_path = g_build_filename (argv[2], "profile.ini", NULL);
    g_autoptr(ScsProfile) profile = scs_profile_load (profile_path, NULL);
    g_autoptr(GError) error = NULL;

    scs_profile_set_name (profile, "Bench");
    if (!scs_profile_save (profile, &error))
      {
        fprintf (stderr, "bench-gui-latency: %s\n", error->message);
        return 1;
      }
    g_setenv ("SCS_PROFILE", profile_path, TRUE);
  }

  the_bench = &bench;
  app_argv[0] = argv[0];
  app_argv[1] = path;
  app_argv[2] = NULL;
  status = scs_main (2, app_argv, install_hooks);
  if (status == 0)
    status = bench.status;
  if (status == 0 && bench.ops[3].ms->len == 0 && !bench.category_only)
    {
      fprintf (stderr, "bench-gui-latency: the window closed before the benchmark ended\n");
      status = 1;
    }

  for (guint i = 0; i < G_N_ELEMENTS (bench.ops); i++)
    {
      if (status == 0)
        print_op (&bench.ops[i], n_evidence);
      g_array_unref (bench.ops[i].ms);
      g_array_unref (bench.ops[i].cpu_ms);
      g_array_unref (bench.ops[i].in_ms);
      g_array_unref (bench.ops[i].layout_ms);
      g_array_unref (bench.ops[i].paint_ms);
      g_array_unref (bench.ops[i].work_ms);
      g_array_unref (bench.ops[i].wait_ms);
    }
  sqlite3_finalize (bench.state_stmt);
  sqlite3_close (bench.db);
  g_free (bench.text);
  return status;
}
