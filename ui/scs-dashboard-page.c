/* scs-dashboard-page.c: readiness per category, drawn as a picture
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The dashboard answers one question: how far is the organisation from
 * being able to declare ★3? It shows how many ★3 criteria are fulfilled
 * (met, or not applicable with a reason), how many remain, and one
 * horizontal stacked bar per category drawn with cairo. It deliberately
 * shows no score, percentage or grade: the scheme is not a rating, a
 * criterion is either fulfilled or it is not. The same numbers are in a
 * table beneath the chart and in the chart's accessible description, so
 * the page is not only a picture. It recomputes everything from the
 * workspace on "answer-changed"; clicking a bar (or a category in the
 * table) activates "win.show-category".
 */

#include "config.h"

#include "scs-dashboard-page.h"

#include <glib/gi18n-lib.h>

#define DASHBOARD_LEVEL 3
#define ROW_HEIGHT 40
#define BAR_HEIGHT 16
#define GAP 12

struct _ScsDashboardPage
{
  GtkWidget       parent_instance;

  GtkWidget      *scroller;
  GtkLabel       *count_label;
  GtkLabel       *status_label;
  GtkFlowBox     *legend;
  GtkDrawingArea *chart;
  GtkGrid        *table;

  ScsWorkspace   *workspace;
  gulong          answer_changed_id;
  guint           n_categories;
  ScsProgress    *progress;     /* [0] all, [1 … n_categories] per category */
  GtkLabel      **cells;        /* (n_categories + 1) × N_COLUMNS count labels */
  int             hover_row;
};

G_DEFINE_FINAL_TYPE (ScsDashboardPage, scs_dashboard_page, GTK_TYPE_WIDGET)

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

static void
rounded_rectangle (cairo_t *cr,
                   double   x,
                   double   y,
                   double   width,
                   double   height,
                   double   radius)
{
  radius = MIN (radius, MIN (width, height) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
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
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self->chart), text);
      int w;

      pango_layout_get_pixel_size (layout, &w, NULL);
      title_width = MAX (title_width, w);
    }

  /* Long titles are ellipsized rather than squeezing the bars away. */
  return MIN (title_width, width * 2 / 5);
}

static void
draw_chart (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        user_data)
{
  ScsDashboardPage *self = user_data;
  GdkRGBA fg;
  int title_width;
  int counts_width;
  double bar_x, bar_width;

  if (self->workspace == NULL || self->n_categories == 0)
    return;

  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (area)), &fg);
  title_width = chart_title_width (self, width);

  {
    g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (area), "888 / 888");
    pango_layout_get_pixel_size (layout, &counts_width, NULL);
  }

  bar_x = title_width + GAP;
  bar_width = MAX (width - bar_x - GAP - counts_width, 10);

  for (guint i = 1; i <= self->n_categories; i++)
    {
      const ScsProgress *progress = &self->progress[i];
      double row_y = (i - 1) * ROW_HEIGHT;
      double bar_y = row_y + (ROW_HEIGHT - BAR_HEIGHT) / 2.0;
      g_autofree char *title = category_label (self, i);
      g_autofree char *counts = NULL;
      g_autoptr(PangoLayout) layout = NULL;
      int text_width, text_height;
      GdkRGBA color;
      guint done;

      if ((int) i - 1 == self->hover_row)
        {
          cairo_save (cr);
          rounded_rectangle (cr, 0, row_y + 2, width, ROW_HEIGHT - 4, 6);
          cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, fg.alpha * 0.06);
          cairo_fill (cr);
          cairo_restore (cr);
        }

      /* Title */
      layout = gtk_widget_create_pango_layout (GTK_WIDGET (area), title);
      pango_layout_set_width (layout, title_width * PANGO_SCALE);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_get_pixel_size (layout, &text_width, &text_height);
      gdk_cairo_set_source_rgba (cr, &fg);
      cairo_move_to (cr, 0, row_y + (ROW_HEIGHT - text_height) / 2.0);
      pango_cairo_show_layout (cr, layout);

      /* Bar: segments clipped to one rounded shape */
      cairo_save (cr);
      rounded_rectangle (cr, bar_x, bar_y, bar_width, BAR_HEIGHT, BAR_HEIGHT / 2.0);
      cairo_clip (cr);
      /* The faint "unanswered" colour is the track; the opaque segments are
       * laid on it edge to edge, on whole pixels so no seam shows. */
      segment_color (self, N_SEGMENTS - 1, &color);
      gdk_cairo_set_source_rgba (cr, &color);
      cairo_paint (cr);
      done = 0;
      for (guint s = 0; s + 1 < N_SEGMENTS && progress->total > 0; s++)
        {
          guint n = progress->counts[segment_states[s]];
          int x0 = (int) (bar_x + bar_width * done / progress->total + 0.5);
          int x1 = (int) (bar_x + bar_width * (done + n) / progress->total + 0.5);

          done += n;
          if (x1 <= x0)
            continue;
          segment_color (self, s, &color);
          gdk_cairo_set_source_rgba (cr, &color);
          cairo_rectangle (cr, x0, bar_y, x1 - x0, BAR_HEIGHT);
          cairo_fill (cr);
        }
      cairo_restore (cr);

      /* Fulfilled / total, right-aligned */
      counts = g_strdup_printf ("%u / %u", progress->satisfied, progress->total);
      g_object_unref (layout);
      layout = gtk_widget_create_pango_layout (GTK_WIDGET (area), counts);
      pango_layout_get_pixel_size (layout, &text_width, &text_height);
      gdk_cairo_set_source_rgba (cr, &fg);
      cairo_move_to (cr, width - text_width, row_y + (ROW_HEIGHT - text_height) / 2.0);
      pango_cairo_show_layout (cr, layout);
    }
}

static void
draw_swatch (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  ScsDashboardPage *self = g_object_get_data (G_OBJECT (area), "page");
  guint segment = GPOINTER_TO_UINT (user_data);
  GdkRGBA color;

  segment_color (self, segment, &color);
  gdk_cairo_set_source_rgba (cr, &color);
  rounded_rectangle (cr, 0, 0, width, height, 3);
  cairo_fill (cr);
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
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self->chart), row >= 0 ? "pointer" : NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self->chart));
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
scs_dashboard_page_build_table (ScsDashboardPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->table))) != NULL)
    gtk_grid_remove (self->table, child);
  g_clear_pointer (&self->cells, g_free);

  if (self->workspace == NULL)
    return;

  self->cells = g_new0 (GtkLabel *, (self->n_categories + 1) * N_COLUMNS);

  /* Header row */
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

  /* One row per category, then the whole catalog */
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
}

static void
scs_dashboard_page_build_legend (ScsDashboardPage *self)
{
  for (guint s = 0; s < N_SEGMENTS; s++)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *swatch = gtk_drawing_area_new ();
      GtkWidget *label = gtk_label_new (segment_legend (s));

      gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (swatch), 12);
      gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (swatch), 12);
      gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
      g_object_set_data (G_OBJECT (swatch), "page", self);
      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (swatch), draw_swatch,
                                      GUINT_TO_POINTER (s), NULL);
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

  /* Translators: accessible summary of the dashboard chart */
  g_string_append_printf (summary, _("%u of %u ★3 criteria fulfilled."),
                          self->progress[0].satisfied, self->progress[0].total);
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

static void
scs_dashboard_page_refresh (ScsDashboardPage *self)
{
  g_autofree char *count = NULL;
  g_autofree char *summary = NULL;
  const ScsProgress *all;
  guint remaining;

  if (self->workspace == NULL)
    {
      gtk_label_set_label (self->count_label, "");
      gtk_label_set_label (self->status_label, "");
      gtk_widget_queue_draw (GTK_WIDGET (self->chart));
      return;
    }

  for (guint i = 0; i <= self->n_categories; i++)
    scs_workspace_get_progress (self->workspace, i, DASHBOARD_LEVEL, &self->progress[i]);

  all = &self->progress[0];
  /* Translators: fulfilled ★3 criteria out of all, e.g. "達成 54 / 81";
   * fulfilled means met or not applicable with a reason */
  count = g_strdup_printf (_("Fulfilled %u / %u"), all->satisfied, all->total);
  gtk_label_set_label (self->count_label, count);

  remaining = all->total - MIN (all->satisfied, all->total);
  if (scs_workspace_is_ready (self->workspace, DASHBOARD_LEVEL))
    {
      gtk_label_set_label (self->status_label,
                           _("Ready for ★3: every criterion is met or not applicable with a reason."));
      gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "success");
    }
  else
    {
      g_autofree char *status = NULL;

      if (remaining > 0)
        status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "Not yet ready for ★3: %u criterion remains to be met or justified as not applicable (%u unanswered).",
                                               "Not yet ready for ★3: %u criteria remain to be met or justified as not applicable (%u unanswered).",
                                               remaining),
                                  remaining, all->counts[SCS_ANSWER_UNANSWERED]);
      else
        status = g_strdup (_("Not yet ready for ★3: the catalog does not know every ★3 criterion."));
      gtk_label_set_label (self->status_label, status);
      gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "success");
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "dim-label");
    }

  for (guint i = 0; i <= self->n_categories && self->cells != NULL; i++)
    for (guint c = 0; c < N_COLUMNS; c++)
      {
        guint value = c < N_SEGMENTS ? self->progress[i].counts[segment_states[c]]
                                     : self->progress[i].total;
        char text[16];

        g_snprintf (text, sizeof text, "%u", value);
        gtk_label_set_label (self->cells[i * N_COLUMNS + c], text);
      }

  summary = scs_dashboard_page_build_summary (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chart),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary,
                                  -1);
  gtk_widget_queue_draw (GTK_WIDGET (self->chart));
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
  g_clear_object (&self->workspace);

  gtk_widget_dispose_template (GTK_WIDGET (self), SCS_TYPE_DASHBOARD_PAGE);

  G_OBJECT_CLASS (scs_dashboard_page_parent_class)->dispose (object);
}

static void
scs_dashboard_page_finalize (GObject *object)
{
  ScsDashboardPage *self = SCS_DASHBOARD_PAGE (object);

  g_free (self->progress);
  g_free (self->cells);

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

  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL,
                         SCS_TYPE_WORKSPACE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/jp/scsworkbench/Workbench/scs-dashboard-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ScsDashboardPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, ScsDashboardPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, ScsDashboardPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, ScsDashboardPage, legend);
  gtk_widget_class_bind_template_child (widget_class, ScsDashboardPage, chart);
  gtk_widget_class_bind_template_child (widget_class, ScsDashboardPage, table);

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

  gtk_drawing_area_set_draw_func (self->chart, draw_chart, self, NULL);
  scs_dashboard_page_build_legend (self);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_chart_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->chart), GTK_EVENT_CONTROLLER (click));

  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "motion", G_CALLBACK (on_chart_motion), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_chart_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self->chart), motion);
}

GtkWidget *
scs_dashboard_page_new (void)
{
  return g_object_new (SCS_TYPE_DASHBOARD_PAGE, NULL);
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
  g_set_object (&self->workspace, workspace);

  self->n_categories = workspace != NULL
    ? scs_catalog_get_n_categories (scs_workspace_get_catalog (workspace))
    : 0;
  g_free (self->progress);
  self->progress = g_new0 (ScsProgress, self->n_categories + 1);
  gtk_drawing_area_set_content_height (self->chart, self->n_categories * ROW_HEIGHT);

  if (workspace != NULL)
    self->answer_changed_id = g_signal_connect (workspace, "answer-changed",
                                                G_CALLBACK (on_answer_changed), self);

  scs_dashboard_page_build_table (self);
  scs_dashboard_page_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSPACE]);
}

void
scs_dashboard_page_get_progress (ScsDashboardPage *self,
                                 guint             category,
                                 ScsProgress      *progress)
{
  g_return_if_fail (SCS_IS_DASHBOARD_PAGE (self));
  g_return_if_fail (progress != NULL);
  g_return_if_fail (category <= self->n_categories);

  *progress = self->progress[category];
}

char *
scs_dashboard_page_dup_summary (ScsDashboardPage *self)
{
  g_return_val_if_fail (SCS_IS_DASHBOARD_PAGE (self), NULL);

  return scs_dashboard_page_build_summary (self);
}
