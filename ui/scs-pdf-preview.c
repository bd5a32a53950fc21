/* scs-pdf-preview.c: a window that shows a PDF evidence file with Poppler
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Evidence is mostly PDF (policies, contracts, certificates), and checking
 * one should not mean extracting it to disk and leaving the workbench. This
 * window parses the bytes with Poppler, renders one page at a time into a
 * cairo image surface at the window's scale factor, and shows that as a
 * GdkMemoryTexture in a GtkPicture. The page is rendered for the width it
 * is shown at (the window width when "fit width" is on, 100 % otherwise),
 * so text stays sharp; an AdwClamp keeps the picture at that width.
 * Page Up/Down and Left/Right turn pages, Escape closes.
 *
 * Poppler is opened (GModule) when the first PDF is previewed, not linked
 * into the program: it and what it loads in turn (NSS, lcms2, OpenJPEG …)
 * cost every start-up several milliseconds of dynamic linking, for a window
 * most sessions never open. Only the five functions below are used; its
 * header gives their types, and the build the name to open: the soname of
 * pkg-config's poppler-glib as the dynamic linker loads it
 * (build-aux/soname.c, run by ui/meson.build).
 */

#include "config.h"

#include "scs-pdf-preview.h"

#include <glib/gi18n-lib.h>
#include <gmodule.h>
#include <poppler.h>

/* Points (1/72 in) to CSS pixels (1/96 in) at 100 %. */
#define POINTS_TO_PIXELS (96.0 / 72.0)
/* A page is never rendered larger than this many device pixels. */
#define MAX_RENDER_PIXELS (4096 * 4096)
#define PICTURE_MARGIN 12

struct _ScsPdfPreview
{
  AdwWindow          parent_instance;

  AdwWindowTitle    *window_title;
  GtkToggleButton   *fit_width_button;
  GtkScrolledWindow *scroller;
  AdwClamp          *clamp;
  GtkPicture        *picture;

  PopplerDocument   *document;
  GBytes            *bytes;
  int                n_pages;
  int                page;
  guint              render_idle_id;
  int                rendered_page;
  int                rendered_width;
};

G_DEFINE_FINAL_TYPE (ScsPdfPreview, scs_pdf_preview, ADW_TYPE_WINDOW)

G_DEFINE_QUARK (scs-pdf-preview-error-quark, scs_pdf_preview_error)

static struct
{
  PopplerDocument *(*document_new_from_bytes) (GBytes *bytes, const char *password, GError **error);
  int              (*document_get_n_pages)    (PopplerDocument *document);
  PopplerPage     *(*document_get_page)       (PopplerDocument *document, int index);
  void             (*page_get_size)           (PopplerPage *page, double *width, double *height);
  void             (*page_render)             (PopplerPage *page, cairo_t *cairo);
} poppler;

/* Opens Poppler once; %FALSE with @error set when it cannot be (not
 * installed, or an incompatible version). */
static gboolean
load_poppler (GError **error)
{
  static gsize once;
  static char *failure;

  if (g_once_init_enter (&once))
    {
      GModule *module = g_module_open (POPPLER_GLIB_SONAME, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);

      if (module == NULL ||
          !g_module_symbol (module, "poppler_document_new_from_bytes", (gpointer *) &poppler.document_new_from_bytes) ||
          !g_module_symbol (module, "poppler_document_get_n_pages", (gpointer *) &poppler.document_get_n_pages) ||
          !g_module_symbol (module, "poppler_document_get_page", (gpointer *) &poppler.document_get_page) ||
          !g_module_symbol (module, "poppler_page_get_size", (gpointer *) &poppler.page_get_size) ||
          !g_module_symbol (module, "poppler_page_render", (gpointer *) &poppler.page_render))
        failure = g_strdup (g_module_error ());
      else
        g_module_make_resident (module);
      g_once_init_leave (&once, 1);
    }

  if (failure != NULL)
    {
      g_set_error (error, SCS_PDF_PREVIEW_ERROR, SCS_PDF_PREVIEW_ERROR_UNAVAILABLE,
                   _("PDF files cannot be shown: the Poppler library (%s) does not load: %s"),
                   POPPLER_GLIB_SONAME, failure);
      return FALSE;
    }
  return TRUE;
}

static int
scs_pdf_preview_get_available_width (ScsPdfPreview *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self->scroller));
  int height;

  /* Before the first allocation, the window's default width is the best guess. */
  if (width <= 0)
    gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);

  return MAX (width - 2 * PICTURE_MARGIN, 120);
}

static void
scs_pdf_preview_render (ScsPdfPreview *self)
{
  g_autoptr(GObject) page_object = NULL;  /* poppler-glib 22 has no autoptr */
  PopplerPage *page;
  g_autoptr(GBytes) pixels = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *subtitle = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  double page_width, page_height;
  double logical_width;
  double zoom;
  int scale;
  int width, height;

  if (self->document == NULL)
    return;

  /* Translators: shown under the file name in the PDF preview */
  subtitle = g_strdup_printf (_("Page %d of %d"), self->page + 1, self->n_pages);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.previous", self->page > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.next", self->page + 1 < self->n_pages);

  page = poppler.document_get_page (self->document, self->page);
  page_object = G_OBJECT (page);
  if (page == NULL)
    {
      gtk_picture_set_paintable (self->picture, NULL);
      return;
    }

  poppler.page_get_size (page, &page_width, &page_height);
  page_width = MAX (page_width, 1.0);
  page_height = MAX (page_height, 1.0);

  if (gtk_toggle_button_get_active (self->fit_width_button))
    logical_width = scs_pdf_preview_get_available_width (self);
  else
    logical_width = page_width * POINTS_TO_PIXELS;

  if (self->rendered_page == self->page && self->rendered_width == (int) logical_width)
    return;

  scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  zoom = logical_width / page_width * scale;
  /* A hostile page size must not make us allocate gigabytes. */
  while (page_width * zoom * page_height * zoom > MAX_RENDER_PIXELS)
    zoom *= 0.9;
  width = MAX (1, (int) (page_width * zoom + 0.99));
  height = MAX (1, (int) (page_height * zoom + 0.99));

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  /* PDF pages have no background of their own: paper is white. */
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, zoom, zoom);
  poppler.page_render (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  pixels = g_bytes_new (cairo_image_surface_get_data (surface),
                        (gsize) cairo_image_surface_get_stride (surface) * height);
  texture = gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, pixels,
                                    cairo_image_surface_get_stride (surface));
  cairo_surface_destroy (surface);

  gtk_picture_set_paintable (self->picture, GDK_PAINTABLE (texture));
  adw_clamp_set_maximum_size (self->clamp, (int) logical_width);
  adw_clamp_set_tightening_threshold (self->clamp, (int) logical_width);

  self->rendered_page = self->page;
  self->rendered_width = (int) logical_width;
}

static gboolean
scs_pdf_preview_render_idle (gpointer user_data)
{
  ScsPdfPreview *self = user_data;

  self->render_idle_id = 0;
  scs_pdf_preview_render (self);

  return G_SOURCE_REMOVE;
}

static void
scs_pdf_preview_queue_render (ScsPdfPreview *self)
{
  /* Resizing sends many notifications; render once they have settled. */
  if (self->render_idle_id == 0)
    self->render_idle_id = g_idle_add_full (G_PRIORITY_LOW, scs_pdf_preview_render_idle,
                                            self, NULL);
}

static void
on_fit_width_changed (ScsPdfPreview *self)
{
  self->rendered_width = -1;
  scs_pdf_preview_render (self);
}

static void
on_size_changed (ScsPdfPreview *self)
{
  if (gtk_toggle_button_get_active (self->fit_width_button))
    scs_pdf_preview_queue_render (self);
}

/* Pages are counted from 0; past either end is the first or last page. */
static void
set_page (ScsPdfPreview *self,
          int            page)
{
  page = CLAMP (page, 0, MAX (self->n_pages - 1, 0));
  if (page == self->page)
    return;

  self->page = page;
  scs_pdf_preview_render (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

/* preview.next, .previous, .first and .last */
static void
page_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ScsPdfPreview *self = SCS_PDF_PREVIEW (widget);

  if (g_str_equal (action_name, "preview.next"))
    set_page (self, self->page + 1);
  else if (g_str_equal (action_name, "preview.previous"))
    set_page (self, self->page - 1);
  else if (g_str_equal (action_name, "preview.first"))
    set_page (self, 0);
  else
    set_page (self, self->n_pages - 1);
}

static void
scs_pdf_preview_dispose (GObject *object)
{
  ScsPdfPreview *self = SCS_PDF_PREVIEW (object);

  g_clear_handle_id (&self->render_idle_id, g_source_remove);
  g_clear_object (&self->document);
  g_clear_pointer (&self->bytes, g_bytes_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), SCS_TYPE_PDF_PREVIEW);

  G_OBJECT_CLASS (scs_pdf_preview_parent_class)->dispose (object);
}

static void
scs_pdf_preview_class_init (ScsPdfPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = scs_pdf_preview_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/jp/scsworkbench/Workbench/scs-pdf-preview.ui");
  gtk_widget_class_bind_template_child (widget_class, ScsPdfPreview, window_title);
  gtk_widget_class_bind_template_child (widget_class, ScsPdfPreview, fit_width_button);
  gtk_widget_class_bind_template_child (widget_class, ScsPdfPreview, scroller);
  gtk_widget_class_bind_template_child (widget_class, ScsPdfPreview, clamp);
  gtk_widget_class_bind_template_child (widget_class, ScsPdfPreview, picture);
  gtk_widget_class_bind_template_callback (widget_class, on_fit_width_changed);

  gtk_widget_class_install_action (widget_class, "preview.next", NULL, page_action);
  gtk_widget_class_install_action (widget_class, "preview.previous", NULL, page_action);
  gtk_widget_class_install_action (widget_class, "preview.first", NULL, page_action);
  gtk_widget_class_install_action (widget_class, "preview.last", NULL, page_action);
}

static void
scs_pdf_preview_init (ScsPdfPreview *self)
{
  static const struct {
    const char *trigger;
    const char *action;
  } shortcuts[] = {
    { "Page_Down|Right", "preview.next" },
    { "Page_Up|Left", "preview.previous" },
    { "Home", "preview.first" },
    { "End", "preview.last" },
    { "Escape", "window.close" },
  };
  GtkEventController *controller;

  self->rendered_page = -1;
  self->rendered_width = -1;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Capture phase: the scrolled window would otherwise take Page Up/Down
   * for scrolling, and the arrows for focus moves, before we see them. */
  controller = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (gsize i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_shortcut_trigger_parse_string (shortcuts[i].trigger),
                                                            gtk_named_action_new (shortcuts[i].action)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  g_signal_connect_swapped (self, "notify::default-width", G_CALLBACK (on_size_changed), self);
  g_signal_connect_swapped (self, "notify::maximized", G_CALLBACK (on_size_changed), self);
  g_signal_connect_swapped (self, "notify::fullscreened", G_CALLBACK (on_size_changed), self);
  g_signal_connect_swapped (self, "notify::scale-factor", G_CALLBACK (on_fit_width_changed), self);
  g_signal_connect_swapped (self, "map", G_CALLBACK (on_size_changed), self);
}

ScsPdfPreview *
scs_pdf_preview_new (GBytes      *pdf,
                     const char  *title,
                     GError     **error)
{
  g_autoptr(GObject) document_object = NULL;
  PopplerDocument *document = NULL;
  g_autoptr(GError) poppler_error = NULL;
  ScsPdfPreview *self;
  int n_pages;

  g_return_val_if_fail (pdf != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!load_poppler (error))
    return NULL;
  if (g_bytes_get_size (pdf) > 0)
    document = poppler.document_new_from_bytes (pdf, NULL, &poppler_error);
  document_object = G_OBJECT (document);
  n_pages = document != NULL ? poppler.document_get_n_pages (document) : 0;
  if (n_pages < 1)
    {
      const char *name = title != NULL ? title : _("The file");

      /* Poppler's own words are English and technical: logged only */
      if (poppler_error != NULL)
        {
          g_debug ("Poppler cannot read ‘%s’: %s", name, poppler_error->message);
          g_set_error (error, SCS_PDF_PREVIEW_ERROR, SCS_PDF_PREVIEW_ERROR_NOT_PDF,
                       _("‘%s’ is not a readable PDF file: it is damaged, protected or not a PDF"), name);
        }
      else
        g_set_error (error, SCS_PDF_PREVIEW_ERROR, SCS_PDF_PREVIEW_ERROR_NOT_PDF,
                     _("‘%s’ is not a readable PDF file: it has no pages"), name);
      return NULL;
    }

  self = g_object_new (SCS_TYPE_PDF_PREVIEW, NULL);
  self->bytes = g_bytes_ref (pdf);
  self->document = (PopplerDocument *) g_steal_pointer (&document_object);
  self->n_pages = n_pages;
  self->page = 0;

  gtk_window_set_title (GTK_WINDOW (self), title != NULL ? title : _("PDF Preview"));
  adw_window_title_set_title (self->window_title, title != NULL ? title : _("PDF Preview"));
  scs_pdf_preview_render (self);

  return self;
}
