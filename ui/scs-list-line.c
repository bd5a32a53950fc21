/* scs-list-line.c: one line of a boxed list of records, and its row
 *
 * The views that list records (the checks of a verified package, the
 * findings of the scope check, the problems of an import, the recent
 * workspaces, the renewal comparison, the life cycle, the provider
 * dossier, the review page's lists and threads) hold them as GListModels
 * of ScsListLine bound to boxed lists (gtk_list_box_bind_model): each line
 * is drawn by a row whose .ui (scs-list-line.ui) binds its texts to the
 * line; the icon, a badge and the buttons are made with the row.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "scs-list-line.h"

#include "scs-list-store.h"

#include <adwaita.h>

/* A button at the row's end */
typedef struct
{
  char     *icon_name;
  char     *label;
  char     *style_class;
  char     *action_name;
  GVariant *target;
} LineButton;

struct _ScsListLine
{
  GObject    parent_instance;

  char      *title;
  char      *subtitle;
  gboolean   use_markup;
  char      *tooltip;
  int        title_lines;
  int        subtitle_lines;
  gboolean   activatable;
  char      *icon_name;
  char      *icon_style;
  char      *icon_label;
  char      *name;
  char      *badge_label;
  char      *badge_style;
  GPtrArray *buttons;          /* of LineButton, or NULL */
};

G_DEFINE_FINAL_TYPE (ScsListLine, scs_list_line, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_TITLE,
  PROP_SUBTITLE,
  PROP_USE_MARKUP,
  PROP_TOOLTIP,
  PROP_TITLE_LINES,
  PROP_SUBTITLE_LINES,
  PROP_ACTIVATABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
line_button_free (gpointer data)
{
  LineButton *button = data;

  g_free (button->icon_name);
  g_free (button->label);
  g_free (button->style_class);
  g_free (button->action_name);
  g_clear_pointer (&button->target, g_variant_unref);
  g_free (button);
}

static void
scs_list_line_finalize (GObject *object)
{
  ScsListLine *self = SCS_LIST_LINE (object);

  g_free (self->title);
  g_free (self->subtitle);
  g_free (self->tooltip);
  g_free (self->icon_name);
  g_free (self->icon_style);
  g_free (self->icon_label);
  g_free (self->name);
  g_free (self->badge_label);
  g_free (self->badge_style);
  g_clear_pointer (&self->buttons, g_ptr_array_unref);

  G_OBJECT_CLASS (scs_list_line_parent_class)->finalize (object);
}

static void
scs_list_line_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  ScsListLine *self = SCS_LIST_LINE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_SUBTITLE:
      g_value_set_string (value, self->subtitle);
      break;
    case PROP_USE_MARKUP:
      g_value_set_boolean (value, self->use_markup);
      break;
    case PROP_TOOLTIP:
      g_value_set_string (value, self->tooltip);
      break;
    case PROP_TITLE_LINES:
      g_value_set_int (value, self->title_lines);
      break;
    case PROP_SUBTITLE_LINES:
      g_value_set_int (value, self->subtitle_lines);
      break;
    case PROP_ACTIVATABLE:
      g_value_set_boolean (value, self->activatable);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scs_list_line_class_init (ScsListLineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = scs_list_line_finalize;
  object_class->get_property = scs_list_line_get_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, "", G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL, "", G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_USE_MARKUP] =
    g_param_spec_boolean ("use-markup", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TOOLTIP] =
    g_param_spec_string ("tooltip", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE_LINES] =
    g_param_spec_int ("title-lines", NULL, NULL, 0, G_MAXINT, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUBTITLE_LINES] =
    g_param_spec_int ("subtitle-lines", NULL, NULL, 0, G_MAXINT, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTIVATABLE] =
    g_param_spec_boolean ("activatable", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
scs_list_line_init (ScsListLine *self)
{
}

/**
 * scs_list_line_new:
 * @title: what the line says (plain text)
 * @subtitle: (nullable): below it
 */
ScsListLine *
scs_list_line_new (const char *title,
                   const char *subtitle)
{
  ScsListLine *self = g_object_new (SCS_TYPE_LIST_LINE, NULL);

  self->title = g_strdup (title ? title : "");
  self->subtitle = g_strdup (subtitle ? subtitle : "");
  return self;
}

/**
 * scs_list_line_new_markup:
 * @title_markup: what the line says, as Pango markup
 * @subtitle_markup: (nullable): below it (who, when, where), as Pango markup
 */
ScsListLine *
scs_list_line_new_markup (const char *title_markup,
                          const char *subtitle_markup)
{
  ScsListLine *self = scs_list_line_new (title_markup, subtitle_markup);

  self->use_markup = TRUE;
  return self;
}

void
scs_list_line_set_icon (ScsListLine *self,
                        const char  *icon_name,
                        const char  *style_class,
                        const char  *accessible_label)
{
  g_return_if_fail (SCS_IS_LIST_LINE (self));

  g_free (self->icon_name);
  self->icon_name = g_strdup (icon_name);
  g_free (self->icon_style);
  self->icon_style = g_strdup (style_class);
  g_free (self->icon_label);
  self->icon_label = g_strdup (accessible_label);
}

void
scs_list_line_set_tooltip (ScsListLine *self,
                           const char  *tooltip)
{
  g_return_if_fail (SCS_IS_LIST_LINE (self));

  g_free (self->tooltip);
  self->tooltip = g_strdup (tooltip);
}

void
scs_list_line_set_lines (ScsListLine *self,
                         int          title_lines,
                         int          subtitle_lines)
{
  g_return_if_fail (SCS_IS_LIST_LINE (self));

  self->title_lines = MAX (title_lines, 0);
  self->subtitle_lines = MAX (subtitle_lines, 0);
}

void
scs_list_line_set_activatable (ScsListLine *self,
                               gboolean     activatable)
{
  g_return_if_fail (SCS_IS_LIST_LINE (self));

  self->activatable = !!activatable;
}

void
scs_list_line_set_name (ScsListLine *self,
                        const char  *name)
{
  g_return_if_fail (SCS_IS_LIST_LINE (self));

  g_free (self->name);
  self->name = g_strdup (name);
}

void
scs_list_line_set_badge (ScsListLine *self,
                         const char  *label,
                         const char  *style_class)
{
  g_return_if_fail (SCS_IS_LIST_LINE (self));
  g_return_if_fail (label != NULL);

  g_free (self->badge_label);
  self->badge_label = g_strdup (label);
  g_free (self->badge_style);
  self->badge_style = g_strdup (style_class);
}

void
scs_list_line_add_button (ScsListLine *self,
                          const char  *icon_name,
                          const char  *label,
                          const char  *style_class,
                          const char  *action_name,
                          GVariant    *target)
{
  LineButton *button;

  g_return_if_fail (SCS_IS_LIST_LINE (self));
  g_return_if_fail (icon_name != NULL || label != NULL);
  g_return_if_fail (action_name != NULL);

  button = g_new0 (LineButton, 1);
  button->icon_name = g_strdup (icon_name);
  button->label = g_strdup (label);
  button->style_class = g_strdup (style_class);
  button->action_name = g_strdup (action_name);
  button->target = target != NULL ? g_variant_ref_sink (target) : NULL;
  if (self->buttons == NULL)
    self->buttons = g_ptr_array_new_with_free_func (line_button_free);
  g_ptr_array_add (self->buttons, button);
}

static gboolean
button_equal (gconstpointer pa,
              gconstpointer pb)
{
  const LineButton *a = pa, *b = pb;

  return g_strcmp0 (a->icon_name, b->icon_name) == 0 && g_strcmp0 (a->label, b->label) == 0 &&
         g_strcmp0 (a->style_class, b->style_class) == 0 && g_strcmp0 (a->action_name, b->action_name) == 0 &&
         (a->target == NULL ? b->target == NULL : b->target != NULL && g_variant_equal (a->target, b->target));
}

static guint
n_buttons (const ScsListLine *self)
{
  return self->buttons != NULL ? self->buttons->len : 0;
}

static gboolean
line_equal (gconstpointer pa,
            gconstpointer pb)
{
  const ScsListLine *a = pa, *b = pb;

  if (!(g_str_equal (a->title, b->title) && g_str_equal (a->subtitle, b->subtitle) &&
        a->use_markup == b->use_markup && g_strcmp0 (a->tooltip, b->tooltip) == 0 &&
        a->title_lines == b->title_lines && a->subtitle_lines == b->subtitle_lines &&
        a->activatable == b->activatable &&
        g_strcmp0 (a->icon_name, b->icon_name) == 0 && g_strcmp0 (a->icon_style, b->icon_style) == 0 &&
        g_strcmp0 (a->icon_label, b->icon_label) == 0 && g_strcmp0 (a->name, b->name) == 0 &&
        g_strcmp0 (a->badge_label, b->badge_label) == 0 && g_strcmp0 (a->badge_style, b->badge_style) == 0 &&
        n_buttons (a) == n_buttons (b)))
    return FALSE;
  for (guint i = 0; i < n_buttons (a); i++)
    if (!button_equal (a->buttons->pdata[i], b->buttons->pdata[i]))
      return FALSE;
  return TRUE;
}

/**
 * scs_list_lines_update:
 * @store: a GListStore of ScsListLine
 * @lines: (element-type ScsListLine): what it is to hold now
 *
 * scs_list_store_update () for lines: equal lines keep their rows (and
 * the object data the caller gave the old lines, so equal lines must
 * stand for the same record).
 */
void
scs_list_lines_update (GListStore *store,
                       GPtrArray  *lines)
{
  scs_list_store_update (store, lines, line_equal);
}

static GtkWidget *
button_create (const LineButton *spec)
{
  GtkWidget *button;

  if (spec->icon_name != NULL)
    {
      button = gtk_button_new_from_icon_name (spec->icon_name);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, spec->label);
      if (spec->label != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, spec->label, -1);
    }
  else
    button = gtk_button_new_with_mnemonic (spec->label);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  if (spec->style_class != NULL)
    gtk_widget_add_css_class (button, spec->style_class);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), spec->action_name);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), spec->target);
  return button;
}

/* The row is built from scs-list-line.ui with the line as the builder's
 * current object: its bindings watch the line, not the row itself (GTK
 * 4.8 cannot unwatch a binding whose source is its own target when that
 * is finalized). What the .ui does not bind is made with the row (rows
 * without icon, badge or buttons have no prefix or suffix box). */
GtkWidget *
scs_list_line_row_create (gpointer item,
                          gpointer user_data)
{
  ScsListLine *line = SCS_LIST_LINE (item);
  g_autoptr(GtkBuilder) builder = gtk_builder_new ();
  g_autoptr(GError) error = NULL;
  AdwActionRow *row;

  gtk_builder_set_current_object (builder, G_OBJECT (line));
  if (!gtk_builder_add_from_resource (builder, "/jp/scsworkbench/Workbench/scs-list-line.ui", &error))
    g_error ("scs-list-line.ui: %s", error->message);  /* a resource of ours */
  row = g_object_ref (ADW_ACTION_ROW (gtk_builder_get_object (builder, "row")));
  if (line->icon_name != NULL)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name (line->icon_name);

      if (line->icon_style != NULL)
        gtk_widget_add_css_class (icon, line->icon_style);
      if (line->icon_label != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        line->icon_label, -1);
      adw_action_row_add_prefix (row, icon);
    }
  if (line->badge_label != NULL)
    {
      GtkWidget *badge = gtk_label_new (line->badge_label);

      gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
      if (line->badge_style != NULL)
        gtk_widget_add_css_class (badge, line->badge_style);
      adw_action_row_add_suffix (row, badge);
    }
  for (guint i = 0; i < n_buttons (line); i++)
    {
      GtkWidget *button = button_create (line->buttons->pdata[i]);

      adw_action_row_add_suffix (row, button);
      if (i == 0 && line->activatable)
        adw_action_row_set_activatable_widget (row, button);
    }
  if (line->activatable && n_buttons (line) == 0)
    adw_action_row_add_suffix (row, gtk_image_new_from_icon_name ("go-next-symbolic"));
  if (line->name != NULL)
    gtk_widget_set_name (GTK_WIDGET (row), line->name);
  return GTK_WIDGET (row);
}
