/* scs-dashboard-page.c: readiness per category, drawn as a picture
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The dashboard answers one question: how far is the organisation from
 * being able to declare its target level (★3 or ★4)? It shows how many
 * criteria of the level are fulfilled
 * (met, or not applicable with a reason), how many remain — or, for ★4 on
 * a catalog without the ★4 criteria, says that they are missing instead of
 * counting the known ones as if they were all — and one
 * horizontal stacked bar per category, drawn as render nodes (rounded
 * clips, colours and the labels' own text, which GTK's glyph cache already
 * holds: a cairo picture was rasterised in software and uploaded as one
 * more texture on every first frame). It deliberately
 * shows no score, percentage or grade: the scheme is not a rating, a
 * criterion is either fulfilled or it is not. The same numbers are in a
 * table beneath the chart and in the chart's accessible description, so
 * the page is not only a picture. It recomputes everything from the
 * workspace on "answer-changed"; clicking a bar (or a category in the
 * table) activates "win.show-category".
 *
 * The table lies below the chart; in a window of the default size its
 * rows are out of view, and they are a fifth of the page's widgets. A page
 * first shown with a workspace has the table's heading at once and builds
 * its rows in the layout of the frame that first brings their place into
 * view (before that frame is painted), else once the page's first frame
 * has been painted: the window's first frame does not wait for them.
 */

#include "config.h"

#include "scs-dashboard-page.h"

#include <glib/gi18n-lib.h>
#include <adwaita.h>

#include "scs-date.h"
#include "scs-migration.h"
#include "scs-renewal.h"
#include "scs-list-line.h"

#define ROW_HEIGHT 40
#define BAR_HEIGHT 16
#define GAP 12

struct _ScsDashboardPage
{
  GtkWidget       parent_instance;

  GtkWidget      *scroller;
  GtkLabel       *heading_label;
  GtkLabel       *count_label;
  GtkLabel       *status_label;
  GtkLabel       *reconfirm_label;
  GtkWidget      *reconfirm_button;
  GtkFlowBox     *legend;
  GtkWidget      *chart;
  GtkGrid        *table;
  GtkListBox     *life_list;
  GtkLabel       *life_error_label;
  GListStore     *life_events;  /* of ScsListLine, bound to life_list */

  ScsWorkspace   *workspace;
  ScsValidity    *validity;
  gulong          answer_changed_id;
  gulong          level_changed_id;
  guint           n_categories;
  ScsProgress    *progress;     /* [0] all, [1 … n_categories] per category */
  GtkLabel      **cells;        /* (n_categories + 1) × N_COLUMNS count labels */
  int             hover_row;
  /* The table's rows wait for their place to come into view or for the
   * page's first frame to be painted (see the top of this file). */
  gboolean        table_pending;
  GdkFrameClock  *clock;        /* while it waits: the page's frame clock */
  gulong          layout_id;
  gulong          after_paint_id;
  guint           table_idle;
};

G_DEFINE_FINAL_TYPE (ScsDashboardPage, scs_dashboard_page, GTK_TYPE_WIDGET)

/* The chart: as tall as its rows, as wide as it is given; the page draws
 * it (snapshot_chart) and handles its pointer. */
#define SCS_TYPE_DASHBOARD_CHART (scs_dashboard_chart_get_type ())
G_DECLARE_FINAL_TYPE (ScsDashboardChart, scs_dashboard_chart, SCS, DASHBOARD_CHART, GtkWidget)

struct _ScsDashboardChart
{
  GtkWidget         parent_instance;
  ScsDashboardPage *page;   /* unowned: the page owns the chart */
};

G_DEFINE_FINAL_TYPE (ScsDashboardChart, scs_dashboard_chart, GTK_TYPE_WIDGET)

/* A legend's square, in the colour of one of the bar's segments. */
#define SCS_TYPE_DASHBOARD_SWATCH (scs_dashboard_swatch_get_type ())
G_DECLARE_FINAL_TYPE (ScsDashboardSwatch, scs_dashboard_swatch, SCS, DASHBOARD_SWATCH, GtkWidget)

struct _ScsDashboardSwatch
{
  GtkWidget         parent_instance;
  ScsDashboardPage *page;      /* unowned */
  guint             segment;
};

G_DEFINE_FINAL_TYPE (ScsDashboardSwatch, scs_dashboard_swatch, GTK_TYPE_WIDGET)

#define SWATCH_SIZE 12

enum {
  PROP_0,
  PROP_WORKSPACE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The bar's segments, left to right: what is done, then what is not. */
static const ScsAnswerState segment_states[] = {
  SCS_ANSWER_MET,
  SCS_ANSWER_NOT_APPLICABLE,
  SCS_ANSWER_NOT_MET,
  SCS_ANSWER_UNANSWERED,
};
#define N_SEGMENTS G_N_ELEMENTS (segment_states)
#define N_COLUMNS (N_SEGMENTS + 1)

static const char *
segment_legend (guint segment)
{
  switch (segment_states[segment])
    {
    case SCS_ANSWER_MET:
      return _("Met");
    case SCS_ANSWER_NOT_APPLICABLE:
      return _("Not applicable, with reason");
    case SCS_ANSWER_NOT_MET:
      return _("Not met");
    case SCS_ANSWER_UNANSWERED:
    default:
      return _("Unanswered");
    }
}

/* libadwaita's palette: green 4, blue 3 and orange 4 read on both the light
 * and the dark background; "unanswered" is the text colour, faint, so it
 * follows the style. */
static void
segment_color (ScsDashboardPage *self,
               guint             segment,
               GdkRGBA          *color)
{
  switch (segment_states[segment])
    {
    case SCS_ANSWER_MET:
      gdk_rgba_parse (color, "#2ec27e");
      break;
    case SCS_ANSWER_NOT_APPLICABLE:
      gdk_rgba_parse (color, "#3584e4");
      break;
    case SCS_ANSWER_NOT_MET:
      gdk_rgba_parse (color, "#e66100");
      break;
    case SCS_ANSWER_UNANSWERED:
    default:
      gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), color);
      color->alpha *= 0.18;
      break;
    }
}

static char *
category_label (ScsDashboardPage *self,
                guint             number)
{
  ScsCatalog *catalog = scs_workspace_get_catalog (self->workspace);
  const ScsCategory *category = scs_catalog_get_category (catalog, number);

  return g_strdup_printf ("%u. %s", number,
                          category != NULL ? scs_category_get_title (category) : "");
}

static int
chart_title_width (ScsDashboardPage *self,
                   int               width)
{
  int title_width = 0;

  for (guint i = 1; i <= self->n_categories; i++)
    {
      g_autofree char *text = category_label (self, i);
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (self->chart, text);
      int w;

      pango_layout_get_pixel_size (layout, &w, NULL);
      title_width = MAX (title_width, w);
    }

  /* Long titles are ellipsized rather than squeezing the bars away. */
  return MIN (title_width, width * 2 / 5);
}

static void
append_rounded (GtkSnapshot           *snapshot,
                const graphene_rect_t *rect,
                float                  radius,
                const GdkRGBA         *color)
{
  GskRoundedRect clip;

  gsk_rounded_rect_init_from_rect (&clip, rect, MIN (radius, MIN (rect->size.width, rect->size.height) / 2));
  gtk_snapshot_push_rounded_clip (snapshot, &clip);
  gtk_snapshot_append_color (snapshot, color, rect);
  gtk_snapshot_pop (snapshot);
}

/* @layout with its top left corner at (@x, @y), on whole pixels. */
static void
append_layout (GtkSnapshot   *snapshot,
               PangoLayout   *layout,
               int            x,
               int            y,
               const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
snapshot_chart (ScsDashboardPage *self,
                GtkSnapshot      *snapshot,
                int               width)
{
  GtkWidget *chart = self->chart;
  GdkRGBA fg, hover, track;
  int title_width;
  int counts_width;
  int bar_x, bar_width;

  if (self->workspace == NULL || self->n_categories == 0)
    return;

  gtk_style_context_get_color (gtk_widget_get_style_context (chart), &fg);
  hover = fg;
  hover.alpha *= 0.06;
  /* The faint "unanswered" colour is the track; the opaque segments are
   * laid on it edge to edge, on whole pixels so no seam shows. */
  segment_color (self, N_SEGMENTS - 1, &track);
  title_width = chart_title_width (self, width);
  {
    g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (chart, "888 / 888");
    pango_layout_get_pixel_size (layout, &counts_width, NULL);
  }

  bar_x = title_width + GAP;
  bar_width = MAX (width - bar_x - GAP - counts_width, 10);

  for (guint i = 1; i <= self->n_categories; i++)
    {
      const ScsProgress *progress = &self->progress[i];
      int row_y = (i - 1) * ROW_HEIGHT;
      int bar_y = row_y + (ROW_HEIGHT - BAR_HEIGHT) / 2;
      g_autofree char *title = category_label (self, i);
      g_autofree char *counts = g_strdup_printf ("%u / %u", progress->satisfied, progress->total);
      g_autoptr(PangoLayout) title_layout = gtk_widget_create_pango_layout (chart, title);
      g_autoptr(PangoLayout) counts_layout = gtk_widget_create_pango_layout (chart, counts);
      int text_width, text_height;
      guint done = 0;

      if ((int) i - 1 == self->hover_row)
        append_rounded (snapshot, &GRAPHENE_RECT_INIT (0, row_y + 2, width, ROW_HEIGHT - 4), 6, &hover);

      /* Title, ellipsized rather than squeezing the bar away */
      pango_layout_set_width (title_layout, title_width * PANGO_SCALE);
      pango_layout_set_ellipsize (title_layout, PANGO_ELLIPSIZE_END);
      pango_layout_get_pixel_size (title_layout, &text_width, &text_height);
      append_layout (snapshot, title_layout, 0, row_y + (ROW_HEIGHT - text_height) / 2, &fg);

      /* Bar: the segments clipped to one rounded shape */
      {
        GskRoundedRect clip;

        gsk_rounded_rect_init_from_rect (&clip, &GRAPHENE_RECT_INIT (bar_x, bar_y, bar_width, BAR_HEIGHT),
                                         BAR_HEIGHT / 2.0);
        gtk_snapshot_push_rounded_clip (snapshot, &clip);
        gtk_snapshot_append_color (snapshot, &track, &clip.bounds);
        for (guint s = 0; s + 1 < N_SEGMENTS && progress->total > 0; s++)
          {
            guint n = progress->counts[segment_states[s]];
            int x0 = (int) (bar_x + (double) bar_width * done / progress->total + 0.5);
            int x1 = (int) (bar_x + (double) bar_width * (done + n) / progress->total + 0.5);
            GdkRGBA color;

            done += n;
            if (x1 <= x0)
              continue;
            segment_color (self, s, &color);
            gtk_snapshot_append_color (snapshot, &color, &GRAPHENE_RECT_INIT (x0, bar_y, x1 - x0, BAR_HEIGHT));
          }
        gtk_snapshot_pop (snapshot);
      }

      /* Fulfilled / total, right-aligned */
      pango_layout_get_pixel_size (counts_layout, &text_width, &text_height);
      append_layout (snapshot, counts_layout, width - text_width, row_y + (ROW_HEIGHT - text_height) / 2, &fg);
    }
}

static void
scs_dashboard_chart_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  ScsDashboardChart *self = SCS_DASHBOARD_CHART (widget);

  if (self->page != NULL)
    snapshot_chart (self->page, snapshot, gtk_widget_get_width (widget));
}

static void
scs_dashboard_chart_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  ScsDashboardChart *self = SCS_DASHBOARD_CHART (widget);

  *minimum = *natural = 0;
  if (orientation == GTK_ORIENTATION_VERTICAL && self->page != NULL)
    *minimum = *natural = self->page->n_categories * ROW_HEIGHT;
}

static void
scs_dashboard_chart_class_init (ScsDashboardChartClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->snapshot = scs_dashboard_chart_snapshot;
  widget_class->measure = scs_dashboard_chart_measure;
  gtk_widget_class_set_css_name (widget_class, "scs-dashboard-chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
scs_dashboard_chart_init (ScsDashboardChart *self)
{
}

static void
scs_dashboard_swatch_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  ScsDashboardSwatch *self = SCS_DASHBOARD_SWATCH (widget);
  GdkRGBA color;

  segment_color (self->page, self->segment, &color);
  append_rounded (snapshot, &GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (widget), gtk_widget_get_height (widget)),
                  3, &color);
}

static void
scs_dashboard_swatch_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  *minimum = *natural = SWATCH_SIZE;
}

static void
scs_dashboard_swatch_class_init (ScsDashboardSwatchClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->snapshot = scs_dashboard_swatch_snapshot;
  widget_class->measure = scs_dashboard_swatch_measure;
  gtk_widget_class_set_css_name (widget_class, "scs-dashboard-swatch");
}

static void
scs_dashboard_swatch_init (ScsDashboardSwatch *self)
{
}

static GtkWidget *
scs_dashboard_swatch_new (ScsDashboardPage *page,
                          guint             segment)
{
  ScsDashboardSwatch *self = g_object_new (SCS_TYPE_DASHBOARD_SWATCH, NULL);

  self->page = page;
  self->segment = segment;
  return GTK_WIDGET (self);
}

static int
chart_row_at (ScsDashboardPage *self,
              double            y)
{
  int row = y >= 0 ? (int) (y / ROW_HEIGHT) : -1;

  if (self->workspace == NULL || row < 0 || row >= (int) self->n_categories)
    return -1;

  return row;
}

static void
on_chart_pressed (GtkGestureClick  *gesture,
                  int               n_press,
                  double            x,
                  double            y,
                  ScsDashboardPage *self)
{
  int row = chart_row_at (self, y);

  if (row < 0)
    return;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-category", "u", (guint) row + 1);
}

static void
set_hover_row (ScsDashboardPage *self,
               int               row)
{
  if (self->hover_row == row)
    return;

  self->hover_row = row;
  gtk_widget_set_cursor_from_name (self->chart, row >= 0 ? "pointer" : NULL);
  gtk_widget_queue_draw (self->chart);
}

static void
on_chart_motion (GtkEventControllerMotion *controller,
                 double                    x,
                 double                    y,
                 ScsDashboardPage         *self)
{
  set_hover_row (self, chart_row_at (self, y));
}

static void
on_chart_leave (GtkEventControllerMotion *controller,
                ScsDashboardPage         *self)
{
  set_hover_row (self, -1);
}

static void
on_category_clicked (GtkButton        *button,
                     ScsDashboardPage *self)
{
  guint number = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "category"));

  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-category", "u", number);
}

static GtkLabel *
table_number_label (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_add_css_class (label, "numeric");
  return GTK_LABEL (label);
}

static void
scs_dashboard_page_fill_table (ScsDashboardPage *self)
{
  for (guint i = 0; i <= self->n_categories && self->cells != NULL; i++)
    for (guint c = 0; c < N_COLUMNS; c++)
      {
        guint value = c < N_SEGMENTS ? self->progress[i].counts[segment_states[c]]
                                     : self->progress[i].total;
        char text[16];

        g_snprintf (text, sizeof text, "%u", value);
        gtk_label_set_label (self->cells[i * N_COLUMNS + c], text);
      }
}

static void
scs_dashboard_page_clear_table (ScsDashboardPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->table))) != NULL)
    gtk_grid_remove (self->table, child);
  g_clear_pointer (&self->cells, g_free);
}

static void stop_waiting_for_table (ScsDashboardPage *self);

/* The table's heading row, for the page's workspace. */
static void
scs_dashboard_page_build_heading (ScsDashboardPage *self)
{
  GtkWidget *child;

  scs_dashboard_page_clear_table (self);
  if (self->workspace == NULL)
    return;

  child = gtk_label_new (_("Category"));
  gtk_label_set_xalign (GTK_LABEL (child), 0);
  gtk_widget_add_css_class (child, "heading");
  gtk_grid_attach (self->table, child, 0, 0, 1, 1);
  for (guint c = 0; c < N_COLUMNS; c++)
    {
      child = gtk_label_new (c < N_SEGMENTS ? scs_answer_state_get_label (segment_states[c])
                                            : _("Total"));
      gtk_label_set_xalign (GTK_LABEL (child), 1);
      gtk_widget_add_css_class (child, "heading");
      gtk_grid_attach (self->table, child, c + 1, 0, 1, 1);
    }
}

/* Under the heading, one row per category, then the whole catalog, with
 * the figures of the last refresh. */
static void
scs_dashboard_page_build_rows (ScsDashboardPage *self)
{
  GtkWidget *child;

  stop_waiting_for_table (self);
  self->table_pending = FALSE;
  if (self->workspace == NULL || self->cells != NULL)
    return;

  self->cells = g_new0 (GtkLabel *, (self->n_categories + 1) * N_COLUMNS);

  for (guint i = 1; i <= self->n_categories + 1; i++)
    {
      guint index = i <= self->n_categories ? i : 0;

      if (index != 0)
        {
          g_autofree char *title = category_label (self, index);
          GtkWidget *label = gtk_label_new (title);

          /* A button, so every category is reachable from the keyboard too. */
          gtk_label_set_xalign (GTK_LABEL (label), 0);
          gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
          child = gtk_button_new ();
          gtk_button_set_child (GTK_BUTTON (child), label);
          gtk_widget_add_css_class (child, "flat");
          gtk_widget_set_hexpand (child, TRUE);
          gtk_widget_set_tooltip_text (child, _("Show this category in the checklist"));
          g_object_set_data (G_OBJECT (child), "category", GUINT_TO_POINTER (index));
          g_signal_connect (child, "clicked", G_CALLBACK (on_category_clicked), self);
        }
      else
        {
          child = gtk_label_new (_("All categories"));
          gtk_label_set_xalign (GTK_LABEL (child), 0);
          gtk_widget_set_margin_start (child, 10);
          gtk_widget_set_margin_top (child, 6);
          gtk_widget_add_css_class (child, "heading");
        }
      gtk_grid_attach (self->table, child, 0, i, 1, 1);

      for (guint c = 0; c < N_COLUMNS; c++)
        {
          GtkLabel *cell = table_number_label ();

          if (index == 0)
            {
              gtk_widget_add_css_class (GTK_WIDGET (cell), "heading");
              gtk_widget_set_margin_top (GTK_WIDGET (cell), 6);
            }
          self->cells[index * N_COLUMNS + c] = cell;
          gtk_grid_attach (self->table, GTK_WIDGET (cell), c + 1, i, 1, 1);
        }
    }
  scs_dashboard_page_fill_table (self);
}

/* Waiting for the table -------------------------------------------------- */

static void
stop_watching_clock (ScsDashboardPage *self)
{
  if (self->clock != NULL)
    {
      g_clear_signal_handler (&self->layout_id, self->clock);
      g_clear_signal_handler (&self->after_paint_id, self->clock);
      g_clear_object (&self->clock);
    }
}

static void
stop_waiting_for_table (ScsDashboardPage *self)
{
  stop_watching_clock (self);
  g_clear_handle_id (&self->table_idle, g_source_remove);
}

static gboolean
build_table_idle (gpointer data)
{
  ScsDashboardPage *self = data;

  self->table_idle = 0;
  scs_dashboard_page_build_rows (self);
  return G_SOURCE_REMOVE;
}

/* After the window has laid out a frame, before it paints it: the rows are
 * built now when their place, the heading's lower edge, is in view, so
 * that they are in this frame (the frame clock lays out again before it
 * paints). */
static void
on_clock_layout (GdkFrameClock    *clock,
                 ScsDashboardPage *self)
{
  double x, top;

  if (gtk_widget_get_mapped (GTK_WIDGET (self)) &&
      gtk_widget_translate_coordinates (GTK_WIDGET (self->table), self->scroller, 0, 0, &x, &top) &&
      top + gtk_widget_get_height (GTK_WIDGET (self->table)) < gtk_widget_get_height (self->scroller))
    scs_dashboard_page_build_rows (self);
}

/* The page's frame is on screen without the rows: they come next, before
 * the user can scroll to them. */
static void
on_clock_after_paint (GdkFrameClock    *clock,
                      ScsDashboardPage *self)
{
  g_clear_signal_handler (&self->after_paint_id, self->clock);
  if (self->table_idle == 0)
    self->table_idle = g_idle_add_full (G_PRIORITY_LOW, build_table_idle, self, NULL);
}

static void
scs_dashboard_page_map (GtkWidget *widget)
{
  ScsDashboardPage *self = SCS_DASHBOARD_PAGE (widget);

  GTK_WIDGET_CLASS (scs_dashboard_page_parent_class)->map (widget);

  if (self->table_pending && self->clock == NULL)
    {
      self->clock = g_object_ref (gtk_widget_get_frame_clock (widget));
      /* after the window's own layout */
      self->layout_id = g_signal_connect_after (self->clock, "layout", G_CALLBACK (on_clock_layout), self);
      self->after_paint_id = g_signal_connect (self->clock, "after-paint", G_CALLBACK (on_clock_after_paint), self);
    }
}

static void
scs_dashboard_page_unmap (GtkWidget *widget)
{
  ScsDashboardPage *self = SCS_DASHBOARD_PAGE (widget);

  /* The clock goes with the window; rows still waiting are built when the
   * page is next shown (or by the idle already queued). */
  stop_watching_clock (self);
  GTK_WIDGET_CLASS (scs_dashboard_page_parent_class)->unmap (widget);
}

static void
scs_dashboard_page_build_legend (ScsDashboardPage *self)
{
  for (guint s = 0; s < N_SEGMENTS; s++)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *swatch = scs_dashboard_swatch_new (self, s);
      GtkWidget *label = gtk_label_new (segment_legend (s));

      gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (label, "caption");
      gtk_box_append (GTK_BOX (box), swatch);
      gtk_box_append (GTK_BOX (box), label);
      gtk_flow_box_append (self->legend, box);
      gtk_widget_set_focusable (gtk_widget_get_parent (box), FALSE);
    }
}

static char *
scs_dashboard_page_build_summary (ScsDashboardPage *self)
{
  GString *summary = g_string_new (NULL);

  if (self->workspace == NULL)
    return g_string_free (summary, FALSE);

  /* Translators: accessible summary of the dashboard chart; the last %u is the level, 3 or 4 */
  g_string_append_printf (summary, _("%u of %u ★%u criteria fulfilled."),
                          self->progress[0].satisfied, self->progress[0].total,
                          scs_workspace_get_target_level (self->workspace));
  for (guint i = 1; i <= self->n_categories; i++)
    {
      const ScsProgress *p = &self->progress[i];
      g_autofree char *title = category_label (self, i);

      g_string_append_c (summary, ' ');
      /* Translators: accessible summary of one category's bar */
      g_string_append_printf (summary, _("%s: %u met, %u not applicable, %u not met, %u unanswered."),
                              title,
                              p->counts[SCS_ANSWER_MET],
                              p->counts[SCS_ANSWER_NOT_APPLICABLE],
                              p->counts[SCS_ANSWER_NOT_MET],
                              p->counts[SCS_ANSWER_UNANSWERED]);
    }

  return g_string_free (summary, FALSE);
}

/* ------------------------------------------------------------------------ */
/* Life cycle: the star's dates with their urgency, and recording a star     */

static const char * const urgency_classes[] = { "success", "warning", "error" };

static char *
life_event_detail (const ScsLifeEvent *event)
{
  g_autofree char *date = NULL;
  g_autofree char *when = NULL;

  if (event->date == NULL)
    return g_strdup ("");
  date = scs_date_format_date (event->date, SCS_DATE_ZONE_LOCAL);
  if (event->days_left < 0)
    when = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day overdue", "%d days overdue",
                                         -event->days_left), -event->days_left);
  else if (event->days_left == 0)
    when = g_strdup (_("today"));
  else
    when = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "in %d day", "in %d days", event->days_left),
                            event->days_left);
  /* Translators: a due date and how far away it is: "2027年3月31日（あと 30 日）" */
  return g_strdup_printf (event->provisional ? _("%s (%s; provisional period)") : _("%s (%s)"), date, when);
}

static void
scs_dashboard_page_refresh_life_cycle (ScsDashboardPage *self)
{
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDate) today = scs_date_today (SCS_DATE_ZONE_LOCAL);

  if (self->workspace != NULL && self->validity == NULL)
    self->validity = scs_validity_load_default (NULL);
  if (self->workspace != NULL && self->validity != NULL)
    events = scs_renewal_list_life_cycle (self->workspace, self->validity, today, NULL);
  if (self->workspace != NULL && (events == NULL || events->len == 0))
    g_ptr_array_add (lines, scs_list_line_new (_("No star is recorded for this workspace yet"), NULL));
  for (guint i = 0; events != NULL && i < events->len; i++)
    {
      const ScsLifeEvent *event = g_ptr_array_index (events, i);
      g_autofree char *detail = life_event_detail (event);
      ScsListLine *line = scs_list_line_new (event->label, detail);
      const char *mark = event->urgency == SCS_LIFE_OVERDUE ? _("Overdue")
                         : event->urgency == SCS_LIFE_SOON ? _("Soon") : _("On track");

      scs_list_line_set_badge (line, event->kind == SCS_LIFE_STATUS ? _("Not valid") : mark,
                               urgency_classes[event->urgency]);
      g_ptr_array_add (lines, line);
    }
  scs_list_lines_update (self->life_events, lines);
}

/* Records the star granted for the current cycle through the core, which
 * refuses a date in the future, a level above the target and an unanswered
 * workspace; the refusal is shown on the page. */
static void
record_certification (ScsDashboardPage *self,
                      guint             level,
                      const char       *obtained,
                      const char       *registry_id)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = scs_renewal_record_certification (self->workspace, level, obtained, registry_id, &error);

  gtk_label_set_label (self->life_error_label, ok ? "" : error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->life_error_label), !ok);
  scs_dashboard_page_refresh_life_cycle (self);
}

static void
certification_response (AdwMessageDialog *dialog,
                        const char       *response,
                        ScsDashboardPage *self)
{
  GtkDropDown *level = g_object_get_data (G_OBJECT (dialog), "level");
  GtkEditable *date = g_object_get_data (G_OBJECT (dialog), "date");
  GtkEditable *registry = g_object_get_data (G_OBJECT (dialog), "registry");

  if (!g_str_equal (response, "record") || self->workspace == NULL)
    return;
  record_certification (self, gtk_drop_down_get_selected (level) == 1 ? 4 : 3, gtk_editable_get_text (date),
                        gtk_editable_get_text (registry));
}

static void
record_certification_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  ScsDashboardPage *self = SCS_DASHBOARD_PAGE (widget);
  const char *levels[] = { _("★3"), _("★4"), NULL };
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *level = gtk_drop_down_new_from_strings (levels);
  GtkWidget *date = gtk_entry_new ();
  GtkWidget *registry = gtk_entry_new ();
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *today = scs_date_today_iso (SCS_DATE_ZONE_LOCAL);
  AdwMessageDialog *dialog;
  struct { const char *label; GtkWidget *field; } rows[] = {
    { N_("Level"), level }, { N_("Granted on"), date }, { N_("Registry ID"), registry },
  };

  if (self->workspace == NULL)
    return;
  gtk_drop_down_set_selected (GTK_DROP_DOWN (level), scs_workspace_get_target_level (self->workspace) == 4);
  gtk_editable_set_text (GTK_EDITABLE (date), today);
  gtk_entry_set_placeholder_text (GTK_ENTRY (date), _("YYYY-MM-DD"));
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      GtkWidget *label = gtk_label_new_with_mnemonic (_(rows[i].label));

      gtk_label_set_xalign (GTK_LABEL (label), 1.0);
      gtk_label_set_mnemonic_widget (GTK_LABEL (label), rows[i].field);
      gtk_widget_set_hexpand (rows[i].field, TRUE);
      gtk_grid_attach (GTK_GRID (grid), label, 0, i, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), rows[i].field, 1, i, 1, 1);
    }
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       _("Record the Certification"),
                                                       _("The star granted for this cycle, as the registry shows "
                                                         "it. Expiry and the dates due follow from it.")));
  adw_message_dialog_set_extra_child (dialog, grid);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "record", _("_Record"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "record", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "record");
  g_object_set_data (G_OBJECT (dialog), "level", level);
  g_object_set_data (G_OBJECT (dialog), "date", date);
  g_object_set_data (G_OBJECT (dialog), "registry", registry);
  g_signal_connect_object (dialog, "response", G_CALLBACK (certification_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
scs_dashboard_page_refresh (ScsDashboardPage *self)
{
  g_autofree char *heading = NULL;
  g_autofree char *count = NULL;
  g_autofree char *status = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *summary = NULL;
  const ScsProgress *all;
  guint remaining;
  guint level;
  gboolean ready;

  if (self->workspace == NULL)
    {
      gtk_label_set_label (self->heading_label, "");
      gtk_label_set_label (self->count_label, "");
      gtk_label_set_label (self->status_label, "");
      gtk_widget_queue_draw (self->chart);
      return;
    }

  level = scs_workspace_get_target_level (self->workspace);
  for (guint i = 0; i <= self->n_categories; i++)
    scs_workspace_get_progress (self->workspace, i, level, &self->progress[i]);

  /* Translators: the dashboard's heading; %u is the target level, 3 or 4 */
  heading = g_strdup_printf (_("Readiness for ★%u"), level);
  gtk_label_set_label (self->heading_label, heading);

  all = &self->progress[0];
  missing = scs_catalog_describe_missing (scs_workspace_get_catalog (self->workspace), level);
  if (missing != NULL)
    /* Never a count of the known criteria alone: it would read as complete. */
    count = g_strdup (missing);
  else
    /* Translators: fulfilled criteria of the level out of all, e.g. "達成 54 / 81";
     * fulfilled means met or not applicable with a reason */
    count = g_strdup_printf (_("Fulfilled %u / %u"), all->satisfied, all->total);
  gtk_label_set_label (self->count_label, count);

  remaining = all->total - MIN (all->satisfied, all->total);
  ready = scs_workspace_is_ready (self->workspace, level);
  if (ready)
    status = g_strdup_printf (_("Ready for ★%u: every criterion is met or not applicable with a reason."), level);
  else if (missing != NULL)
    status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Not yet ready for ★%u: the catalog does not know every ★%u criterion (%u known criterion fulfilled).",
                                           "Not yet ready for ★%u: the catalog does not know every ★%u criterion (%u known criteria fulfilled).",
                                           all->satisfied),
                              level, level, all->satisfied);
  else
    status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Not yet ready for ★%u: %u criterion remains to be met or justified as not applicable (%u unanswered).",
                                           "Not yet ready for ★%u: %u criteria remain to be met or justified as not applicable (%u unanswered).",
                                           remaining),
                              level, remaining, all->counts[SCS_ANSWER_UNANSWERED]);
  gtk_label_set_label (self->status_label, status);
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), ready ? "dim-label" : "success");
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), ready ? "success" : "dim-label");

  /* Answers carried over to changed wording wait for re-confirmation, and
   * signing waits with them. */
  {
    g_auto(GStrv) flagged = scs_migration_list_reconfirm (self->workspace, NULL);
    guint n = flagged != NULL ? g_strv_length (flagged) : 0;

    if (n > 0)
      {
        g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                              "%u answer waits for re-confirmation after the catalog change; signing waits for it.",
                                                              "%u answers wait for re-confirmation after the catalog change; signing waits for them.",
                                                              n),
                                                 n);

        gtk_label_set_label (self->reconfirm_label, text);
      }
    gtk_widget_set_visible (GTK_WIDGET (self->reconfirm_label), n > 0);
    gtk_widget_set_visible (self->reconfirm_button, n > 0);
  }

  scs_dashboard_page_fill_table (self);

  scs_dashboard_page_refresh_life_cycle (self);

  summary = scs_dashboard_page_build_summary (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chart),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary,
                                  -1);
  gtk_widget_queue_draw (self->chart);
}

static void
on_answer_changed (ScsWorkspace     *workspace,
                   ScsAnswer        *answer,
                   ScsDashboardPage *self)
{
  scs_dashboard_page_refresh (self);
}

static void
scs_dashboard_page_dispose (GObject *object)
{
  ScsDashboardPage *self = SCS_DASHBOARD_PAGE (object);

  g_clear_signal_handler (&self->answer_changed_id, self->workspace);
  g_clear_signal_handler (&self->level_changed_id, self->workspace);
  stop_waiting_for_table (self);
  g_clear_object (&self->workspace);
  g_clear_object (&self->life_events);

  gtk_widget_dispose_template (GTK_WIDGET (self), SCS_TYPE_DASHBOARD_PAGE);

  G_OBJECT_CLASS (scs_dashboard_page_parent_class)->dispose (object);
}

static void
scs_dashboard_page_finalize (GObject *object)
{
  ScsDashboardPage *self = SCS_DASHBOARD_PAGE (object);

  g_free (self->progress);
  g_free (self->cells);
  g_clear_pointer (&self->validity, scs_validity_free);

  G_OBJECT_CLASS (scs_dashboard_page_parent_class)->finalize (object);
}

static void
scs_dashboard_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ScsDashboardPage *self = SCS_DASHBOARD_PAGE (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      g_value_set_object (value, self->workspace);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scs_dashboard_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  ScsDashboardPage *self = SCS_DASHBOARD_PAGE (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      scs_dashboard_page_set_workspace (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scs_dashboard_page_class_init (ScsDashboardPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = scs_dashboard_page_dispose;
  object_class->finalize = scs_dashboard_page_finalize;
  object_class->get_property = scs_dashboard_page_get_property;
  object_class->set_property = scs_dashboard_page_set_property;
  widget_class->map = scs_dashboard_page_map;
  widget_class->unmap = scs_dashboard_page_unmap;

  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL,
                         SCS_TYPE_WORKSPACE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SCS_TYPE_DASHBOARD_CHART);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/jp/scsworkbench/Workbench/scs-dashboard-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ScsDashboardPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, ScsDashboardPage, heading_label);
  gtk_widget_class_bind_template_child (widget_class, ScsDashboardPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, ScsDashboardPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, ScsDashboardPage, reconfirm_label);
  gtk_widget_class_bind_template_child (widget_class, ScsDashboardPage, reconfirm_button);
  gtk_widget_class_bind_template_child (widget_class, ScsDashboardPage, legend);
  gtk_widget_class_bind_template_child (widget_class, ScsDashboardPage, chart);
  gtk_widget_class_bind_template_child (widget_class, ScsDashboardPage, table);
  gtk_widget_class_bind_template_child (widget_class, ScsDashboardPage, life_list);
  gtk_widget_class_bind_template_child (widget_class, ScsDashboardPage, life_error_label);
  gtk_widget_class_install_action (widget_class, "dashboard.record-certification", NULL,
                                   record_certification_action);

  gtk_widget_class_set_css_name (widget_class, "scs-dashboard-page");
}

static void
scs_dashboard_page_init (ScsDashboardPage *self)
{
  GtkGesture *click;
  GtkEventController *motion;

  self->hover_row = -1;
  self->progress = g_new0 (ScsProgress, 1);

  gtk_widget_init_template (GTK_WIDGET (self));

  SCS_DASHBOARD_CHART (self->chart)->page = self;
  scs_dashboard_page_build_legend (self);
  self->life_events = g_list_store_new (SCS_TYPE_LIST_LINE);
  gtk_list_box_bind_model (self->life_list, G_LIST_MODEL (self->life_events), scs_list_line_row_create, NULL, NULL);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_chart_pressed), self);
  gtk_widget_add_controller (self->chart, GTK_EVENT_CONTROLLER (click));

  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "motion", G_CALLBACK (on_chart_motion), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_chart_leave), self);
  gtk_widget_add_controller (self->chart, motion);
}

void
scs_dashboard_page_set_workspace (ScsDashboardPage *self,
                                  ScsWorkspace     *workspace)
{
  g_return_if_fail (SCS_IS_DASHBOARD_PAGE (self));
  g_return_if_fail (workspace == NULL || SCS_IS_WORKSPACE (workspace));

  if (self->workspace == workspace)
    return;

  g_clear_signal_handler (&self->answer_changed_id, self->workspace);
  g_clear_signal_handler (&self->level_changed_id, self->workspace);
  g_set_object (&self->workspace, workspace);

  self->n_categories = workspace != NULL
    ? scs_catalog_get_n_categories (scs_workspace_get_catalog (workspace))
    : 0;
  g_free (self->progress);
  self->progress = g_new0 (ScsProgress, self->n_categories + 1);
  gtk_widget_queue_resize (self->chart);

  if (workspace != NULL)
    {
      self->answer_changed_id = g_signal_connect (workspace, "answer-changed",
                                                  G_CALLBACK (on_answer_changed), self);
      self->level_changed_id = g_signal_connect_swapped (workspace, "notify::target-level",
                                                         G_CALLBACK (scs_dashboard_page_refresh), self);
    }

  /* Shown already, the page changes in one frame, and outside a window
   * there is no first frame to wait for; in a window still to be shown
   * the rows wait. */
  scs_dashboard_page_build_heading (self);
  stop_waiting_for_table (self);
  self->table_pending = workspace != NULL;
  scs_dashboard_page_refresh (self);
  if (workspace != NULL &&
      (gtk_widget_get_mapped (GTK_WIDGET (self)) || gtk_widget_get_root (GTK_WIDGET (self)) == NULL))
    scs_dashboard_page_build_rows (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSPACE]);
}
