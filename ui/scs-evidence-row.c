/* scs-evidence-row.c: one evidence file of a criterion's list, drawn by itself
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The checklist binds a criterion's evidence list whenever it gives a row to
 * a criterion, and every card on screen is laid out, snapshotted and drawn
 * at each frame, so a file's row is kept small: one widget that draws the
 * content type's icon and one Pango layout (the name, and below it in small
 * dim type the size and the first digits of the SHA-256) itself, and one
 * real button to remove it, so that the keyboard and screen readers reach it
 * as any button. Read-only rows (the review desk) draw a preview icon
 * instead and have no child. It was a box, an image, a label and a button
 * with its image: six widgets a file, 53 of a card's 97.
 *
 * It keeps the geometry the row had with libadwaita's action row header
 * (`row > box.header`: 12 px each side within the row's 2 px, 50 px high,
 * the text 12 px after the icon with 8 px above and below, the button 6 px
 * after it), style.css giving the row's part (`row.evidence`), so the list
 * looks as before to the pixel. A row shown for another file keeps its widgets: only its text,
 * icon and the button's target change.
 */

#include "config.h"

#include "scs-evidence-row.h"

#include <glib/gi18n-lib.h>

#define ICON_SIZE 16
#define ICON_GAP 12     /* from the icon to the text, as the header box had it */
#define SPACING 6       /* from the text to the button */
#define TEXT_MARGIN 8   /* above and below the text */

struct _ScsEvidenceRow
{
  GtkListBoxRow  parent_instance;

  char          *sha256;
  char          *name;
  char          *mime_type;
  gint64         size;
  gboolean       read_only;

  PangoLayout   *layout;      /* name and caption, made when first measured */
  char          *markup;
  PangoRectangle text;        /* the layout's size unwrapped, when... */
  guint          text_serial; /* ...the widget's Pango context had this serial */
  GIcon         *icon;        /* the content type's */
  GtkIconPaintable *paintable; /* its 16 px symbolic, looked up when drawn */
  int            paintable_scale;
  GtkIconPaintable *end_paintable; /* read-only: the preview icon */
  GtkWidget     *remove_button; /* the row's child; NULL when read-only */
};

G_DEFINE_FINAL_TYPE (ScsEvidenceRow, scs_evidence_row, GTK_TYPE_LIST_BOX_ROW)

static GtkIconPaintable *
lookup_icon (GtkWidget *widget,
             GIcon     *icon)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (widget));

  return gtk_icon_theme_lookup_by_gicon (theme, icon, ICON_SIZE, gtk_widget_get_scale_factor (widget),
                                         gtk_widget_get_direction (widget), 0);
}

static void
draw_icon (GtkSnapshot      *snapshot,
           GtkIconPaintable *paintable,
           const GdkRGBA    *color,
           int               x,
           int               height)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, (height - ICON_SIZE) / 2));
  /* as GtkImage draws a symbolic icon: recoloured to the text's colour */
  gtk_symbolic_paintable_snapshot_symbolic (GTK_SYMBOLIC_PAINTABLE (paintable), snapshot,
                                            ICON_SIZE, ICON_SIZE, color, 1);
  gtk_snapshot_restore (snapshot);
}

static PangoLayout *
scs_evidence_row_get_layout (ScsEvidenceRow *self)
{
  if (self->layout == NULL)
    {
      self->layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
      pango_layout_set_ellipsize (self->layout, PANGO_ELLIPSIZE_MIDDLE);
      pango_layout_set_markup (self->layout, self->markup != NULL ? self->markup : "", -1);
    }
  return self->layout;
}

/* The text's natural size, without ellipsis; kept until the text or the
 * font changes, so that measuring does not lay the text out again at
 * every frame (the allocation sets the layout's width). */
static const PangoRectangle *
scs_evidence_row_get_text_size (ScsEvidenceRow *self)
{
  PangoLayout *layout = scs_evidence_row_get_layout (self);
  guint serial = pango_context_get_serial (gtk_widget_get_pango_context (GTK_WIDGET (self)));

  if (self->text_serial != serial)
    {
      int width = pango_layout_get_width (layout);

      pango_layout_set_width (layout, -1);
      pango_layout_get_pixel_extents (layout, NULL, &self->text);
      pango_layout_set_width (layout, width);
      self->text_serial = serial;
    }
  return &self->text;
}

/* The width at the end: the remove button's, or the preview icon's. */
static int
end_width (ScsEvidenceRow *self,
           int            *button_height)
{
  int min = 0, nat = 0;

  *button_height = 0;
  if (self->remove_button == NULL)
    return ICON_SIZE;
  gtk_widget_measure (self->remove_button, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  gtk_widget_measure (self->remove_button, GTK_ORIENTATION_VERTICAL, -1, button_height, NULL, NULL, NULL);
  return min;
}

static void
scs_evidence_row_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  ScsEvidenceRow *self = SCS_EVIDENCE_ROW (widget);
  const PangoRectangle *text = scs_evidence_row_get_text_size (self);
  int button_height;
  int end = end_width (self, &button_height);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* the text may shrink to its ellipsis */
      *minimum = ICON_SIZE + ICON_GAP + MIN (text->width, 2 * ICON_SIZE) + SPACING + end;
      *natural = ICON_SIZE + ICON_GAP + text->width + SPACING + end;
    }
  else
    {
      /* two lines whatever the width: ellipsized, never wrapped */
      *minimum = *natural = MAX (MAX (text->height + 2 * TEXT_MARGIN, ICON_SIZE), button_height);
    }
}

static void
scs_evidence_row_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  ScsEvidenceRow *self = SCS_EVIDENCE_ROW (widget);
  int button_height;
  int end = end_width (self, &button_height);
  int text_width = MAX (0, width - ICON_SIZE - ICON_GAP - SPACING - end);

  pango_layout_set_width (scs_evidence_row_get_layout (self), text_width * PANGO_SCALE);
  if (self->remove_button != NULL)
    gtk_widget_size_allocate (self->remove_button,
                              &(GtkAllocation) { width - end, (height - button_height) / 2, end, button_height },
                              -1);
}

static void
scs_evidence_row_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  ScsEvidenceRow *self = SCS_EVIDENCE_ROW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int scale = gtk_widget_get_scale_factor (widget);
  PangoLayout *layout = scs_evidence_row_get_layout (self);
  PangoRectangle logical;
  GdkRGBA color;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS

  if (self->paintable == NULL || self->paintable_scale != scale)
    {
      g_clear_object (&self->paintable);
      self->paintable = lookup_icon (widget, self->icon);
      self->paintable_scale = scale;
      if (self->read_only)
        {
          g_autoptr(GIcon) preview = g_themed_icon_new ("view-reveal-symbolic");

          g_clear_object (&self->end_paintable);
          self->end_paintable = lookup_icon (widget, preview);
        }
    }
  draw_icon (snapshot, self->paintable, &color, 0, height);

  pango_layout_get_pixel_extents (layout, NULL, &logical);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (ICON_SIZE + ICON_GAP, (height - logical.height) / 2));
  gtk_snapshot_append_layout (snapshot, layout, &color);
  gtk_snapshot_restore (snapshot);

  if (self->remove_button != NULL)
    gtk_widget_snapshot_child (widget, self->remove_button, snapshot);
  else if (self->end_paintable != NULL)
    draw_icon (snapshot, self->end_paintable, &color, width - ICON_SIZE, height);
}

static gboolean
scs_evidence_row_query_tooltip (GtkWidget  *widget,
                                int         x,
                                int         y,
                                gboolean    keyboard,
                                GtkTooltip *tooltip)
{
  ScsEvidenceRow *self = SCS_EVIDENCE_ROW (widget);
  g_autofree char *markup = NULL;

  /* Given when shown: setting a tooltip asks the X server where the pointer
   * is (GTK 4.8), which a row bound for every criterion shown cannot pay. */
  if (self->read_only)
    markup = g_markup_escape_text (_("Preview"), -1);
  else
    markup = g_strdup_printf ("<tt>SHA-256 %s</tt>", self->sha256 != NULL ? self->sha256 : "");
  gtk_tooltip_set_markup (tooltip, markup);
  return TRUE;
}

/* The remove button: a GtkButton (focusable, a button to screen readers,
 * clicked by the keyboard, the theme's flat image button) without a child
 * image; it draws its icon itself, in its own colour and state. */
#define SCS_TYPE_REMOVE_BUTTON (scs_remove_button_get_type ())
G_DECLARE_FINAL_TYPE (ScsRemoveButton, scs_remove_button, SCS, REMOVE_BUTTON, GtkButton)

struct _ScsRemoveButton
{
  GtkButton         parent_instance;

  GtkIconPaintable *paintable;
  int               scale;
};

G_DEFINE_FINAL_TYPE (ScsRemoveButton, scs_remove_button, GTK_TYPE_BUTTON)

static void
scs_remove_button_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  ScsRemoveButton *self = SCS_REMOVE_BUTTON (widget);
  int scale = gtk_widget_get_scale_factor (widget);
  GdkRGBA color;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS
  if (self->paintable == NULL || self->scale != scale)
    {
      g_autoptr(GIcon) icon = g_themed_icon_new ("user-trash-symbolic");

      g_clear_object (&self->paintable);
      self->paintable = lookup_icon (widget, icon);
      self->scale = scale;
    }
  draw_icon (snapshot, self->paintable, &color, (gtk_widget_get_width (widget) - ICON_SIZE) / 2,
             gtk_widget_get_height (widget));
}

static void
scs_remove_button_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  /* as with its image: the icon, within the theme's min-width/height */
  *minimum = *natural = ICON_SIZE;
}

static gboolean
scs_remove_button_query_tooltip (GtkWidget  *widget,
                                 int         x,
                                 int         y,
                                 gboolean    keyboard,
                                 GtkTooltip *tooltip)
{
  gtk_tooltip_set_text (tooltip, _("Remove from this criterion"));
  return TRUE;
}

static void
scs_remove_button_dispose (GObject *object)
{
  g_clear_object (&SCS_REMOVE_BUTTON (object)->paintable);

  G_OBJECT_CLASS (scs_remove_button_parent_class)->dispose (object);
}

static void
scs_remove_button_class_init (ScsRemoveButtonClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = scs_remove_button_dispose;
  widget_class->snapshot = scs_remove_button_snapshot;
  widget_class->measure = scs_remove_button_measure;
  widget_class->query_tooltip = scs_remove_button_query_tooltip;
}

static void
scs_remove_button_init (ScsRemoveButton *self)
{
  /* measured by itself, not by the button's bin layout */
  gtk_widget_set_layout_manager (GTK_WIDGET (self), NULL);
  gtk_widget_add_css_class (GTK_WIDGET (self), "image-button");
  gtk_widget_add_css_class (GTK_WIDGET (self), "flat");
  /* Given when shown: setting a tooltip asks the X server where the
   * pointer is (GTK 4.8). */
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self), "evidence.remove");
}

static GtkWidget *
remove_button_new (void)
{
  return g_object_new (SCS_TYPE_REMOVE_BUTTON, NULL);
}

static void
scs_evidence_row_dispose (GObject *object)
{
  ScsEvidenceRow *self = SCS_EVIDENCE_ROW (object);

  self->remove_button = NULL;  /* the row's child: GtkListBoxRow drops it */
  g_clear_object (&self->layout);
  g_clear_object (&self->paintable);
  g_clear_object (&self->end_paintable);
  g_clear_object (&self->icon);

  G_OBJECT_CLASS (scs_evidence_row_parent_class)->dispose (object);
}

static void
scs_evidence_row_finalize (GObject *object)
{
  ScsEvidenceRow *self = SCS_EVIDENCE_ROW (object);

  g_free (self->sha256);
  g_free (self->name);
  g_free (self->mime_type);
  g_free (self->markup);

  G_OBJECT_CLASS (scs_evidence_row_parent_class)->finalize (object);
}

static void
scs_evidence_row_class_init (ScsEvidenceRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = scs_evidence_row_dispose;
  object_class->finalize = scs_evidence_row_finalize;
  widget_class->measure = scs_evidence_row_measure;
  widget_class->size_allocate = scs_evidence_row_size_allocate;
  widget_class->snapshot = scs_evidence_row_snapshot;
  widget_class->query_tooltip = scs_evidence_row_query_tooltip;
}

static void
scs_evidence_row_init (ScsEvidenceRow *self)
{
  /* laid out by its own measure and size_allocate, not the row's bin layout */
  gtk_widget_set_layout_manager (GTK_WIDGET (self), NULL);
  gtk_widget_add_css_class (GTK_WIDGET (self), "evidence");
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
}

GtkWidget *
scs_evidence_row_new (void)
{
  return g_object_new (SCS_TYPE_EVIDENCE_ROW, NULL);
}

const char *
scs_evidence_row_get_sha256 (ScsEvidenceRow *self)
{
  g_return_val_if_fail (SCS_IS_EVIDENCE_ROW (self), NULL);

  return self->sha256;
}

/* TRUE when it changed. */
static gboolean
scs_evidence_row_set_read_only (ScsEvidenceRow *self,
                                gboolean        read_only)
{
  if (self->read_only == read_only && (read_only || self->remove_button != NULL))
    return FALSE;

  self->read_only = read_only;
  g_clear_object (&self->paintable);  /* and the preview icon, looked up again */
  g_clear_object (&self->end_paintable);
  /* The button is the row's child: GtkListBoxRow moves the focus (Tab,
   * arrow keys) into its child only. */
  self->remove_button = read_only ? NULL : remove_button_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), self->remove_button);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  return TRUE;
}

void
scs_evidence_row_set_evidence (ScsEvidenceRow    *self,
                               const ScsEvidence *evidence,
                               gboolean           read_only)
{
  const char *sha256 = evidence->sha256 != NULL ? evidence->sha256 : "";
  const char *name = evidence->name != NULL ? evidence->name : "";
  g_autofree char *size = NULL;
  g_autofree char *caption = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *description = NULL;

  g_return_if_fail (SCS_IS_EVIDENCE_ROW (self));

  /* the same file shown again: nothing to change */
  if (!scs_evidence_row_set_read_only (self, read_only) && self->markup != NULL &&
      g_strcmp0 (self->sha256, sha256) == 0 && g_strcmp0 (self->name, name) == 0 &&
      g_strcmp0 (self->mime_type, evidence->mime_type) == 0 && self->size == evidence->size)
    return;

  g_free (self->sha256);
  self->sha256 = g_strdup (sha256);
  g_free (self->name);
  self->name = g_strdup (name);
  if (g_strcmp0 (self->mime_type, evidence->mime_type) != 0 || self->icon == NULL)
    {
      g_autofree char *content_type = NULL;

      g_free (self->mime_type);
      self->mime_type = g_strdup (evidence->mime_type);
      g_clear_object (&self->icon);
      g_clear_object (&self->paintable);
      if (evidence->mime_type != NULL)
        content_type = g_content_type_from_mime_type (evidence->mime_type);
      if (content_type != NULL)
        self->icon = g_content_type_get_symbolic_icon (content_type);
      if (self->icon == NULL)
        self->icon = g_themed_icon_new ("text-x-generic-symbolic");
    }
  self->size = evidence->size;

  size = g_format_size (evidence->size);
  /* Translators: evidence row caption: file size · first digits of its SHA-256 */
  caption = g_strdup_printf (_("%s · <tt>%.12s</tt>"), size, sha256);
  escaped = g_markup_escape_text (name, -1);
  g_free (self->markup);
  self->markup = g_strdup_printf ("%s\n<span size=\"smaller\" alpha=\"55%%\">%s</span>", escaped, caption);
  if (self->layout != NULL)
    pango_layout_set_markup (self->layout, self->markup, -1);
  self->text_serial = 0;

  /* The caption without its markup, for screen readers. */
  description = g_strdup_printf (_("%s, SHA-256 %.12s"), size, sha256);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, read_only ? _("Preview") : description,
                                  -1);
  if (self->remove_button != NULL)
    {
      g_autofree char *remove_label = g_strdup_printf (_("Remove ‘%s’ from this criterion"), name);

      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->remove_button), g_variant_new_string (sha256));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->remove_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label,
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("Remove from this criterion"),
                                      -1);
    }
  gtk_widget_queue_resize (GTK_WIDGET (self));
}
