/* scs-scope-draw.c: the scope diagram, drawn with cairo and Pango
 *
 * SMEs describe their scope today with network sketches; the evaluation body
 * then has to match the sketch with the inventory. Here the picture is drawn
 * from the inventory itself, so the two cannot disagree: the in-scope zone
 * (a green frame) holds the networks with their servers and endpoints, the
 * boundary devices sit on its edge, the internet, the internet-facing
 * systems, cloud services and other organisations' systems are outside with
 * lines to it, and what is declared out of scope is drawn grey below with
 * its separation measure; exceptions (IT that cannot meet the requirements)
 * in their own colour, apart from exclusions. An internet-facing system whose
 * zone names a listed network (a DMZ) is drawn inside that network, marked
 * internet-facing. The diagram never drops an item: what does not fit where
 * it belongs (a sixth network, a long column, many exclusions) is listed by
 * name below the drawing, which grows to hold the list. The title names the
 * company and the date. The same function draws into the GUI, PNG, SVG and
 * PDF (the report and the package), on a logical canvas scaled to fit.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "scs-date.h"
#include "scs-scope-private.h"

#define CANVAS_W 1000.0
#define CANVAS_H 700.0
#define FONT "Sans"

typedef struct { double r, g, b; } Rgb;

static const Rgb in_colour = { 0.18, 0.49, 0.20 };
static const Rgb boundary_colour = { 0.90, 0.45, 0.05 };
static const Rgb outside_colour = { 0.10, 0.35, 0.70 };
static const Rgb grey = { 0.55, 0.55, 0.55 };
static const Rgb exception_colour = { 0.68, 0.16, 0.42 };
static const Rgb ink = { 0.12, 0.12, 0.12 };

typedef struct
{
  double x, y, w, h;
} Box;

static void
set_rgb (cairo_t   *cr,
         const Rgb *c)
{
  cairo_set_source_rgb (cr, c->r, c->g, c->b);
}

static void
rounded_rect (cairo_t *cr,
              double   x,
              double   y,
              double   w,
              double   h,
              double   r)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/* Text in a width, ellipsized, at most @lines lines. Returns its height. */
static double
draw_text (cairo_t    *cr,
           const char *text,
           double      x,
           double      y,
           double      width,
           double      size,
           gboolean    bold,
           int         lines,
           const Rgb  *colour,
           gboolean    centre)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string (FONT);
  int w, h;

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_height (layout, -lines);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, centre ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &w, &h);

  set_rgb (cr, colour);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  return h;
}

static void
draw_box (cairo_t    *cr,
          const Box  *box,
          const Rgb  *stroke,
          gboolean    out,
          const char *title,
          const char *subtitle)
{
  double text_y = box->y + 3;

  rounded_rect (cr, box->x, box->y, box->w, box->h, 5);
  if (out)
    cairo_set_source_rgb (cr, 0.90, 0.90, 0.90);
  else
    cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill_preserve (cr);
  /* Out of scope is grey, except an exception, which keeps its colour. */
  set_rgb (cr, out && stroke != &exception_colour ? &grey : stroke);
  cairo_set_line_width (cr, 1.5);
  if (out)
    {
      static const double dash[] = { 4, 3 };
      cairo_set_dash (cr, dash, 2, 0);
    }
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  text_y += draw_text (cr, title, box->x + 5, text_y, box->w - 10, 11, TRUE,
                       subtitle && box->h < 40 ? 1 : 2, out ? &grey : &ink, TRUE);
  if (subtitle != NULL && *subtitle != '\0' && text_y + 10 < box->y + box->h)
    draw_text (cr, subtitle, box->x + 5, text_y, box->w - 10, 9, FALSE,
               1, out ? &grey : &ink, TRUE);
}

static void
line (cairo_t   *cr,
      double     x1,
      double     y1,
      double     x2,
      double     y2,
      const Rgb *colour,
      gboolean   dashed)
{
  set_rgb (cr, colour);
  cairo_set_line_width (cr, 1.2);
  if (dashed)
    {
      static const double dash[] = { 5, 4 };
      cairo_set_dash (cr, dash, 2, 0);
    }
  cairo_move_to (cr, x1, y1);
  cairo_line_to (cr, x2, y2);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
}

/* What an item shows under its name. */
static char *
item_subtitle (ScsScopeItem *item)
{
  const char *type = scs_scope_item_get_value (item, SCS_SCOPE_FIELD_TYPE);

  switch (scs_scope_item_get_kind (item))
    {
    case SCS_SCOPE_KIND_ENDPOINT:
      return g_strdup_printf ("%s × %u", scs_scope_item_get_value (item, SCS_SCOPE_FIELD_OS_MODEL),
                              scs_scope_item_get_count (item));
    case SCS_SCOPE_KIND_CLOUD:
      return g_strdup (scs_scope_item_get_value (item, SCS_SCOPE_FIELD_PROVIDER));
    case SCS_SCOPE_KIND_CONNECTION:
      return g_strdup (scs_scope_item_get_value (item, SCS_SCOPE_FIELD_PEER));
    case SCS_SCOPE_KIND_BOUNDARY:
      return g_strdup (*scs_scope_item_get_value (item, SCS_SCOPE_FIELD_MODEL)
                       ? scs_scope_item_get_value (item, SCS_SCOPE_FIELD_MODEL) : type);
    case SCS_SCOPE_KIND_NETWORK:
      return g_strdup (scs_scope_item_get_value (item, SCS_SCOPE_FIELD_PURPOSE));
    case SCS_SCOPE_KIND_INTERNET:
      /* Inside a zone it must still read as reachable from the internet. */
      return *type != '\0' ? g_strdup_printf (_("Internet-facing · %s"), type)
                            : g_strdup (_("Internet-facing"));
    default:
      return g_strdup (type);
    }
}

/* Items of @kind, split into in scope / out of scope. */
static void
collect (ScsScope     *scope,
         ScsScopeKind  kind,
         GPtrArray    *in,
         GPtrArray    *out)
{
  GListModel *model = scs_scope_get_items (scope, kind);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      ScsScopeItem *item = g_list_model_get_item (model, i);

      if (scs_scope_item_get_status (item) == SCS_SCOPE_STATUS_IN)
        g_ptr_array_add (in, item);
      else if (out != NULL)
        g_ptr_array_add (out, item);
      else
        g_object_unref (item);
    }
}

/* Lists @item under @group among the items not drawn in place. */
static void
add_more (GPtrArray    *more,
          const char   *group,
          ScsScopeItem *item)
{
  if (scs_scope_item_get_status (item) == SCS_SCOPE_STATUS_IN)
    g_ptr_array_add (more, g_strdup_printf ("%s: %s", group, scs_scope_item_get_name (item)));
  else
    /* Translators: "group: item (out of scope status)" */
    g_ptr_array_add (more, g_strdup_printf (_("%s: %s (%s)"), group, scs_scope_item_get_name (item),
                                            scs_scope_status_label (scs_scope_item_get_status (item))));
}

/* A vertical stack of boxes; returns how many fitted. Fills @boxes. Those
 * that do not fit are added to @more under @group. */
static guint
stack (cairo_t    *cr,
       GPtrArray  *items,
       double      x,
       double      y,
       double      w,
       double      bottom,
       double      box_h,
       const Rgb  *colour,
       Box        *boxes,
       guint       max_boxes,
       GPtrArray  *more,
       const char *group)
{
  guint n = 0;

  for (guint i = 0; i < items->len; i++)
    {
      ScsScopeItem *item = items->pdata[i];
      g_autofree char *sub = item_subtitle (item);
      Box box = { x, y + i * (box_h + 6), w, box_h };

      if (box.y + box.h > bottom - (i + 1 < items->len ? 16 : 0) || (boxes != NULL && i >= max_boxes))
        {
          /* Translators: items that did not fit, listed under the drawing */
          g_autofree char *text = g_strdup_printf (_("and %u more, listed below"), items->len - i);

          draw_text (cr, text, x, box.y, w, 10, FALSE, 1, &ink, TRUE);
          for (guint j = i; j < items->len; j++)
            add_more (more, group, items->pdata[j]);
          break;
        }
      draw_box (cr, &box, colour, scs_scope_item_get_status (item) != SCS_SCOPE_STATUS_IN,
                scs_scope_item_get_name (item), sub);
      if (boxes != NULL)
        boxes[i] = box;
      n++;
    }
  return n;
}

/* The drawing on the CANVAS_W × CANVAS_H canvas; what does not fit in
 * place goes to @more. */
static void
draw_canvas (ScsWorkspace *workspace,
             ScsScope     *scope,
             cairo_t      *cr,
             GPtrArray    *more)
{
  g_autoptr(GPtrArray) networks = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) boundary = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) internet = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) cloud = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) connections = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) hosts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *title = NULL;
  const Box scope_box = { 235, 215, 530, 345 };
  Box boundary_boxes[16];
  guint n_boundary_drawn;
  double internet_x = 500, internet_y = 75;
  guint n_outside_out = 0;

  collect (scope, SCS_SCOPE_KIND_NETWORK, networks, out);
  collect (scope, SCS_SCOPE_KIND_SERVER, hosts, out);
  collect (scope, SCS_SCOPE_KIND_ENDPOINT, hosts, out);
  collect (scope, SCS_SCOPE_KIND_BOUNDARY, boundary, out);
  collect (scope, SCS_SCOPE_KIND_INTERNET, internet, out);
  /* Cloud services and other organisations' systems are outside the frame
   * whatever their status; out of scope they are drawn grey there. */
  collect (scope, SCS_SCOPE_KIND_CLOUD, cloud, NULL);
  {
    GListModel *model = scs_scope_get_items (scope, SCS_SCOPE_KIND_CLOUD);

    for (guint i = 0; i < g_list_model_get_n_items (model); i++)
      {
        ScsScopeItem *item = g_list_model_get_item (model, i);

        if (scs_scope_item_get_status (item) != SCS_SCOPE_STATUS_IN)
          g_ptr_array_add (cloud, item);
        else
          g_object_unref (item);
      }
  }
  collect (scope, SCS_SCOPE_KIND_CONNECTION, connections, NULL);
  {
    GListModel *model = scs_scope_get_items (scope, SCS_SCOPE_KIND_CONNECTION);

    for (guint i = 0; i < g_list_model_get_n_items (model); i++)
      {
        ScsScopeItem *item = g_list_model_get_item (model, i);

        if (scs_scope_item_get_status (item) != SCS_SCOPE_STATUS_IN)
          g_ptr_array_add (connections, item);
        else
          g_object_unref (item);
      }
  }

  for (guint i = 0; i < cloud->len; i++)
    if (scs_scope_item_get_status (cloud->pdata[i]) != SCS_SCOPE_STATUS_IN)
      n_outside_out++;
  for (guint i = 0; i < connections->len; i++)
    if (scs_scope_item_get_status (connections->pdata[i]) != SCS_SCOPE_STATUS_IN)
      n_outside_out++;

  /* Title: the unit, the company and the date */
  {
    g_autoptr(ScsOrganization) org = scs_workspace_dup_organization (workspace);
    g_autofree char *day = scs_date_today_iso (SCS_DATE_ZONE_UTC);

    /* Translators: "Scope: company — 株式会社さくら精機, 2027-04-01" */
    title = g_strdup_printf (_("Scope: %s — %s, %s"), scs_scope_unit_label (scs_scope_get_unit (scope)),
                             org->name != NULL ? org->name : "", day);
  }
  draw_text (cr, title, 15, 8, 770, 16, TRUE, 1, &ink, FALSE);
  draw_text (cr, scs_scope_get_description (scope), 15, 30, 300, 10, FALSE, 2, &ink, FALSE);

  /* Legend */
  {
    const struct { const Rgb *colour; gboolean dashed; const char *label; } legend[] = {
      { &in_colour, FALSE, N_("In scope") },
      { &boundary_colour, FALSE, N_("Boundary device") },
      { &outside_colour, FALSE, N_("Outside, shared responsibility") },
      { &grey, TRUE, N_("Out of scope: exclusion") },
      { &exception_colour, TRUE, N_("Out of scope: exception") },
    };

    for (guint i = 0; i < G_N_ELEMENTS (legend); i++)
      {
        double y = 8 + i * 13;

        cairo_rectangle (cr, 800, y + 2, 14, 9);
        if (legend[i].dashed)
          cairo_set_source_rgb (cr, 0.90, 0.90, 0.90);
        else
          cairo_set_source_rgb (cr, 1, 1, 1);
        cairo_fill_preserve (cr);
        set_rgb (cr, legend[i].colour);
        cairo_set_line_width (cr, 1.5);
        cairo_stroke (cr);
        draw_text (cr, _(legend[i].label), 820, y, 175, 10, FALSE, 1, &ink, FALSE);
      }
  }

  /* The internet */
  cairo_new_path (cr);
  cairo_save (cr);
  cairo_translate (cr, internet_x, internet_y);
  cairo_scale (cr, 90, 28);
  cairo_arc (cr, 0, 0, 1, 0, 2 * G_PI);
  cairo_restore (cr);
  cairo_set_source_rgb (cr, 0.93, 0.96, 1.0);
  cairo_fill_preserve (cr);
  set_rgb (cr, &outside_colour);
  cairo_set_line_width (cr, 1.5);
  cairo_stroke (cr);
  draw_text (cr, _("Internet"), internet_x - 85, internet_y - 8, 170, 13, TRUE, 1, &outside_colour, TRUE);

  /* The in-scope zone */
  rounded_rect (cr, scope_box.x, scope_box.y, scope_box.w, scope_box.h, 12);
  cairo_set_source_rgb (cr, 0.94, 0.98, 0.94);
  cairo_fill_preserve (cr);
  set_rgb (cr, &in_colour);
  cairo_set_line_width (cr, 3);
  cairo_stroke (cr);
  draw_text (cr, _("In scope"), scope_box.x + 10, scope_box.y + scope_box.h - 20, 200, 12, TRUE, 1,
             &in_colour, FALSE);

  /* Boundary devices on the top edge, linked to the internet */
  n_boundary_drawn = MIN (boundary->len, 6);
  for (guint i = n_boundary_drawn; i < boundary->len; i++)
    add_more (more, _("Boundary device"), boundary->pdata[i]);
  {
    double slot = scope_box.w / MAX (n_boundary_drawn, 1);

    for (guint i = 0; i < n_boundary_drawn; i++)
      {
        ScsScopeItem *item = boundary->pdata[i];
        g_autofree char *sub = item_subtitle (item);
        Box box = { scope_box.x + i * slot + 6, scope_box.y - 20, MIN (slot - 12, 160), 40 };

        box.x = scope_box.x + i * slot + (slot - box.w) / 2;
        line (cr, internet_x, internet_y + 28, box.x + box.w / 2, box.y, &boundary_colour, FALSE);
        boundary_boxes[i] = box;
      }
    for (guint i = 0; i < n_boundary_drawn; i++)
      {
        ScsScopeItem *item = boundary->pdata[i];
        g_autofree char *sub = item_subtitle (item);

        draw_box (cr, &boundary_boxes[i], &boundary_colour, FALSE, scs_scope_item_get_name (item), sub);
      }
  }

  /* Internet-facing systems whose zone names a listed network (a DMZ) are
   * drawn inside it, with the hosts; the others between the internet and the
   * boundary: in scope (green) and reached through the first boundary
   * device. */
  for (guint i = 0; i < internet->len;)
    {
      ScsScopeItem *item = internet->pdata[i];
      const char *zone = scs_scope_item_get_value (item, SCS_SCOPE_FIELD_ZONE);
      gboolean zoned = FALSE;

      for (guint n = 0; n < networks->len && !zoned; n++)
        zoned = *zone != '\0' && g_str_equal (zone, scs_scope_item_get_name (networks->pdata[n]));
      if (zoned)
        g_ptr_array_add (hosts, g_ptr_array_steal_index (internet, i));
      else
        i++;
    }
  if (internet->len > 0)
    {
      double slot = 520.0 / internet->len;
      guint n = MIN (internet->len, 6);

      for (guint i = n; i < internet->len; i++)
        add_more (more, _("Internet-facing"), internet->pdata[i]);
      slot = 520.0 / n;
      for (guint i = 0; i < n; i++)
        {
          ScsScopeItem *item = internet->pdata[i];
          g_autofree char *sub = item_subtitle (item);
          Box box = { 240 + i * slot + 4, 125, MIN (slot - 8, 150), 36 };

          if (i == 0 || i == n - 1)
            {
              /* keep the middle free for the internet → boundary lines */
            }
          line (cr, internet_x, internet_y + 28, box.x + box.w / 2, box.y, &in_colour, FALSE);
          if (n_boundary_drawn > 0)
            line (cr, box.x + box.w / 2, box.y + box.h,
                  boundary_boxes[0].x + boundary_boxes[0].w / 2, boundary_boxes[0].y,
                  &in_colour, TRUE);
          draw_box (cr, &box, &in_colour, FALSE, scs_scope_item_get_name (item), sub);
        }
    }

  /* Networks as columns inside the zone, their servers and endpoints in them */
  {
    guint n_columns = networks->len + 1; /* last: items without a known zone */
    double inner_x = scope_box.x + 12, inner_y = scope_box.y + 32;
    double inner_w = scope_box.w - 24, bottom = scope_box.y + scope_box.h - 26;
    g_autoptr(GPtrArray) unplaced = g_ptr_array_new ();
    double column_w;
    guint drawn_columns = 0;

    for (guint h = 0; h < hosts->len; h++)
      {
        ScsScopeItem *host = hosts->pdata[h];
        const char *zone = scs_scope_item_get_value (host, SCS_SCOPE_FIELD_ZONE);
        gboolean found = FALSE;

        for (guint n = 0; n < networks->len && !found; n++)
          found = g_str_equal (zone, scs_scope_item_get_name (networks->pdata[n]));
        if (!found)
          g_ptr_array_add (unplaced, host);
      }
    if (unplaced->len == 0)
      n_columns--;
    /* More than five columns: four are drawn, the other networks and
     * their equipment are listed below. */
    if (n_columns > 5)
      {
        g_autofree char *text = g_strdup_printf (_("and %u more, listed below"), n_columns - 4);

        draw_text (cr, text, inner_x + inner_w - 260, bottom + 6, 260, 10, FALSE, 1, &in_colour, FALSE);
        for (guint c = 4; c < n_columns; c++)
          {
            if (c < networks->len)
              {
                const char *label = scs_scope_item_get_name (networks->pdata[c]);

                add_more (more, _("Network"), networks->pdata[c]);
                for (guint h = 0; h < hosts->len; h++)
                  if (g_str_equal (scs_scope_item_get_value (hosts->pdata[h], SCS_SCOPE_FIELD_ZONE), label))
                    add_more (more, label, hosts->pdata[h]);
              }
            else
              for (guint h = 0; h < unplaced->len; h++)
                add_more (more, _("Other equipment"), unplaced->pdata[h]);
          }
        n_columns = 4;
      }
    column_w = n_columns > 0 ? inner_w / n_columns : inner_w;

    for (guint c = 0; c < n_columns; c++)
      {
        g_autoptr(GPtrArray) members = g_ptr_array_new ();
        gboolean is_network = c < networks->len;
        const char *label;
        g_autofree char *sub = NULL;
        double x = inner_x + c * column_w + 4, w = column_w - 8;

        if (is_network)
          {
            ScsScopeItem *network = networks->pdata[c];

            label = scs_scope_item_get_name (network);
            sub = g_strdup (scs_scope_item_get_value (network, SCS_SCOPE_FIELD_LOCATION));
            for (guint h = 0; h < hosts->len; h++)
              if (g_str_equal (scs_scope_item_get_value (hosts->pdata[h], SCS_SCOPE_FIELD_ZONE), label))
                g_ptr_array_add (members, hosts->pdata[h]);
          }
        else
          {
            label = _("Other equipment");
            for (guint h = 0; h < unplaced->len; h++)
              g_ptr_array_add (members, unplaced->pdata[h]);
          }

        rounded_rect (cr, x, inner_y, w, bottom - inner_y, 8);
        cairo_set_source_rgb (cr, 1, 1, 1);
        cairo_fill_preserve (cr);
        set_rgb (cr, &in_colour);
        cairo_set_line_width (cr, 1);
        {
          static const double dash[] = { 2, 2 };
          cairo_set_dash (cr, dash, 2, 0);
        }
        cairo_stroke (cr);
        cairo_set_dash (cr, NULL, 0, 0);
        draw_text (cr, label, x + 4, inner_y + 3, w - 8, 11, TRUE, 1, &in_colour, TRUE);
        if (sub != NULL && *sub != '\0')
          draw_text (cr, sub, x + 4, inner_y + 17, w - 8, 9, FALSE, 1, &ink, TRUE);
        stack (cr, members, x + 6, inner_y + 32, w - 12, bottom - 4, 34, &in_colour, NULL, 0, more, label);
        drawn_columns++;
      }
    if (drawn_columns == 0)
      draw_text (cr, _("No networks, servers or endpoints listed yet"),
                 inner_x, inner_y + 40, inner_w, 11, FALSE, 2, &grey, TRUE);
  }

  /* Other organisations' systems on the left, cloud services on the right */
  {
    Box boxes[32];
    guint n;

    draw_text (cr, _("Other organisations"), 15, 195, 200, 11, TRUE, 1, &outside_colour, TRUE);
    n = stack (cr, connections, 15, 215, 200, 560, 40, &outside_colour, boxes, G_N_ELEMENTS (boxes), more,
               _("Other organisations"));
    for (guint i = 0; i < n && i < G_N_ELEMENTS (boxes); i++)
      line (cr, boxes[i].x + boxes[i].w, boxes[i].y + boxes[i].h / 2,
            scope_box.x, boxes[i].y + boxes[i].h / 2, &outside_colour,
            scs_scope_item_get_status (connections->pdata[i]) != SCS_SCOPE_STATUS_IN);

    draw_text (cr, _("Cloud and external services"), 785, 195, 200, 11, TRUE, 1, &outside_colour, TRUE);
    n = stack (cr, cloud, 785, 215, 200, 560, 40, &outside_colour, boxes, G_N_ELEMENTS (boxes), more,
               _("Cloud and external services"));
    for (guint i = 0; i < n && i < G_N_ELEMENTS (boxes); i++)
      line (cr, scope_box.x + scope_box.w, boxes[i].y + boxes[i].h / 2,
            boxes[i].x, boxes[i].y + boxes[i].h / 2, &outside_colour,
            scs_scope_item_get_status (cloud->pdata[i]) != SCS_SCOPE_STATUS_IN);
  }

  /* Out of scope, grey, each with its separation measure */
  draw_text (cr, _("Out of scope"), 15, 575, 300, 11, TRUE, 1, &grey, FALSE);
  if (out->len == 0 && n_outside_out == 0)
    draw_text (cr, _("Nothing is declared out of scope"), 15, 595, 400, 10, FALSE, 1, &grey, FALSE);
  else if (out->len == 0)
    draw_text (cr, _("Cloud services and connections out of scope are drawn grey above"),
               15, 595, 600, 10, FALSE, 1, &grey, FALSE);
  else
    {
      guint n = MIN (out->len, 5);
      double slot = 970.0 / n;

      for (guint i = 0; i < n; i++)
        {
          ScsScopeItem *item = out->pdata[i];
          ScsScopeStatus status = scs_scope_item_get_status (item);
          const Rgb *colour = status == SCS_SCOPE_STATUS_EXCEPTION ? &exception_colour : &grey;
          const char *separation = scs_scope_item_get_separation (item);
          g_autofree char *sub = NULL;
          Box box = { 15 + i * slot + 4, 595, MIN (slot - 8, 320), 80 };

          /* Translators: "Exception · reason" or "Exclusion · Separation: VLAN 30" */
          if (*separation != '\0')
            sub = g_strdup_printf (_("%s · Separation: %s"), scs_scope_status_label (status), separation);
          else if (scs_scope_item_get_connected (item))
            sub = g_strdup_printf (_("%s · Connected, no separation recorded"), scs_scope_status_label (status));
          else
            sub = g_strdup_printf (_("%s · %s"), scs_scope_status_label (status), scs_scope_item_get_reason (item));

          if (scs_scope_item_get_connected (item))
            line (cr, box.x + box.w / 2, box.y,
                  CLAMP (box.x + box.w / 2, scope_box.x + 20, scope_box.x + scope_box.w - 20),
                  scope_box.y + scope_box.h, colour, TRUE);
          draw_box (cr, &box, colour, TRUE, scs_scope_item_get_name (item), NULL);
          draw_text (cr, sub, box.x + 5, box.y + 40, box.w - 10, 9, FALSE, 3,
                     status == SCS_SCOPE_STATUS_EXCEPTION ? &exception_colour : &ink, TRUE);
        }
      if (out->len > n)
        {
          g_autofree char *text = g_strdup_printf (_("and %u more, listed below"), out->len - n);

          draw_text (cr, text, 700, 575, 285, 10, FALSE, 1, &grey, FALSE);
          for (guint i = n; i < out->len; i++)
            add_more (more, _("Out of scope"), out->pdata[i]);
        }
    }
}

#define MORE_LINE_H 13.0

/**
 * scs_scope_draw:
 *
 * Draws the whole inventory: the canvas grows by the list of what did not
 * fit in place, and is scaled to fit @width × @height.
 *
 * Returns: %FALSE (drawing nothing) when there is no scope described
 */
gboolean
scs_scope_draw (ScsWorkspace *workspace,
                cairo_t      *cr,
                double        width,
                double        height)
{
  ScsScope *scope;
  g_autoptr(GPtrArray) more = g_ptr_array_new_with_free_func (g_free);
  double canvas_h = CANVAS_H;
  double scale;
  guint rows;

  g_return_val_if_fail (SCS_IS_WORKSPACE (workspace), FALSE);
  g_return_val_if_fail (cr != NULL, FALSE);

  scope = scs_scope_get (workspace, NULL);
  if (scope == NULL || !scs_scope_is_described (scope) || width <= 0 || height <= 0)
    return FALSE;

  /* A first pass, drawn nowhere, finds what does not fit. */
  {
    cairo_surface_t *nowhere = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
    cairo_t *dry = cairo_create (nowhere);

    draw_canvas (workspace, scope, dry, more);
    cairo_destroy (dry);
    cairo_surface_destroy (nowhere);
  }
  rows = (more->len + 1) / 2;
  if (more->len > 0)
    canvas_h += 28 + rows * MORE_LINE_H;
  g_ptr_array_set_size (more, 0);

  cairo_save (cr);
  scale = MIN (width / CANVAS_W, height / canvas_h);
  cairo_translate (cr, (width - CANVAS_W * scale) / 2, (height - canvas_h * scale) / 2);
  cairo_scale (cr, scale, scale);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 0, CANVAS_W, canvas_h);
  cairo_fill (cr);

  draw_canvas (workspace, scope, cr, more);

  if (more->len > 0)
    {
      /* Translators: heading of the list of items the drawing had no room for */
      g_autofree char *heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                               "Also in the inventory, not drawn above (%u):",
                                                               "Also in the inventory, not drawn above (%u):",
                                                               more->len),
                                                  more->len);

      draw_text (cr, heading, 15, CANVAS_H + 6, 970, 11, TRUE, 1, &ink, FALSE);
      for (guint i = 0; i < more->len; i++)
        draw_text (cr, more->pdata[i], 15 + (i / rows) * 490, CANVAS_H + 24 + (i % rows) * MORE_LINE_H,
                   480, 10, FALSE, 1, &ink, FALSE);
    }

  cairo_restore (cr);
  return TRUE;
}

/**
 * scs_scope_export_diagram:
 * @path: ends in .png, .svg or .pdf
 */
gboolean
scs_scope_export_diagram (ScsWorkspace  *workspace,
                          const char    *path,
                          GError       **error)
{
  cairo_surface_t *surface = NULL;
  cairo_t *cr;
  cairo_status_t status;
  g_autofree char *lower = NULL;
  ScsScope *scope;
  gboolean png = FALSE;

  g_return_val_if_fail (SCS_IS_WORKSPACE (workspace), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  scope = scs_scope_get (workspace, error);
  if (scope == NULL)
    return FALSE;
  if (!scs_scope_is_described (scope))
    {
      g_set_error (error, SCS_SCOPE_ERROR, SCS_SCOPE_ERROR_INVALID,
                   _("The workspace ‘%s’ has no scope described: there is nothing to draw"),
                   scs_workspace_get_path (workspace));
      return FALSE;
    }

  lower = g_ascii_strdown (path, -1);
  /* 842 × 595 pt: A4 landscape */
  if (g_str_has_suffix (lower, ".pdf"))
    surface = cairo_pdf_surface_create (path, 842, 595);
  else if (g_str_has_suffix (lower, ".svg"))
    surface = cairo_svg_surface_create (path, 1000, 700);
  else if (g_str_has_suffix (lower, ".png"))
    {
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 2000, 1400);
      png = TRUE;
    }
  else
    {
      g_set_error (error, SCS_SCOPE_ERROR, SCS_SCOPE_ERROR_INVALID,
                   _("Cannot tell the format of ‘%s’: name it .png, .svg or .pdf"), path);
      return FALSE;
    }

  cr = cairo_create (surface);
  if (png)
    scs_scope_draw (workspace, cr, 2000, 1400);
  else if (cairo_surface_get_type (surface) == CAIRO_SURFACE_TYPE_PDF)
    scs_scope_draw (workspace, cr, 842, 595);
  else
    scs_scope_draw (workspace, cr, 1000, 700);
  cairo_destroy (cr);

  if (png)
    status = cairo_surface_write_to_png (surface, path);
  else
    {
      cairo_surface_finish (surface);
      status = cairo_surface_status (surface);
    }
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, SCS_SCOPE_ERROR, SCS_SCOPE_ERROR_INVALID,
                   _("Cannot write the scope diagram to ‘%s’: %s"), display,
                   cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}
