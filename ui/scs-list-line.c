/* scs-list-line.c: one line of a boxed list of records, and its row
 *
 * The views that list records (the checks of a verified package, the
 * findings of the scope check, the problems of an import, the recent
 * workspaces, the renewal comparison, the life cycle, the provider
 * dossier) hold them as GListModels of ScsListLine bound to boxed lists
 * (gtk_list_box_bind_model): each line is drawn by a row whose .ui
 * (scs-list-line.ui) binds its texts to the line; the icon, a badge and a
 * button are made with the row.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "scs-list-line.h"

#include "scs-list-store.h"

#include <adwaita.h>

struct _ScsListLine
{
  GObject   parent_instance;

  char     *title;
  char     *subtitle;
  char     *tooltip;
  int       title_lines;
  int       subtitle_lines;
  gboolean  activatable;
  char     *icon_name;
  char     *icon_style;
  char     *icon_label;
  char     *name;
  char     *button_icon;
  char     *button_label;
  char     *button_action;
  GVariant *button_target;
  char     *badge_label;
  char     *badge_style;
};

G_DEFINE_FINAL_TYPE (ScsListLine, scs_list_line, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_TITLE,
  PROP_SUBTITLE,
  PROP_TOOLTIP,
  PROP_TITLE_LINES,
  PROP_SUBTITLE_LINES,
  PROP_ACTIVATABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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
  g_free (self->button_icon);
  g_free (self->button_label);
  g_free (self->button_action);
  g_clear_pointer (&self->button_target, g_variant_unref);
  g_free (self->badge_label);
  g_free (self->badge_style);

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
scs_list_line_set_button (ScsListLine *self,
                          const char  *icon_name,
                          const char  *label,
                          const char  *action_name,
                          GVariant    *target)
{
  g_return_if_fail (SCS_IS_LIST_LINE (self));
  g_return_if_fail (label != NULL || icon_name != NULL);
  g_return_if_fail (action_name != NULL);

  g_free (self->button_icon);
  self->button_icon = g_strdup (icon_name);
  g_free (self->button_label);
  self->button_label = g_strdup (label);
  g_free (self->button_action);
  self->button_action = g_strdup (action_name);
  g_clear_pointer (&self->button_target, g_variant_unref);
  self->button_target = target != NULL ? g_variant_ref_sink (target) : NULL;
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

static gboolean
line_equal (gconstpointer pa,
            gconstpointer pb)
{
  const ScsListLine *a = pa, *b = pb;

  return g_str_equal (a->title, b->title) && g_str_equal (a->subtitle, b->subtitle) &&
         g_strcmp0 (a->tooltip, b->tooltip) == 0 &&
         a->title_lines == b->title_lines && a->subtitle_lines == b->subtitle_lines &&
         a->activatable == b->activatable &&
         g_strcmp0 (a->icon_name, b->icon_name) == 0 && g_strcmp0 (a->icon_style, b->icon_style) == 0 &&
         g_strcmp0 (a->icon_label, b->icon_label) == 0 && g_strcmp0 (a->name, b->name) == 0 &&
         g_strcmp0 (a->button_icon, b->button_icon) == 0 && g_strcmp0 (a->button_label, b->button_label) == 0 &&
         g_strcmp0 (a->button_action, b->button_action) == 0 &&
         g_strcmp0 (a->badge_label, b->badge_label) == 0 && g_strcmp0 (a->badge_style, b->badge_style) == 0 &&
         (a->button_target == NULL ? b->button_target == NULL
                                   : b->button_target != NULL && g_variant_equal (a->button_target, b->button_target));
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

/* The row is built from scs-list-line.ui with the line as the builder's
 * current object: its bindings watch the line, not the row itself (GTK
 * 4.8 cannot unwatch a binding whose source is its own target when that
 * is finalized). What the .ui does not bind is made with the row. */
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
  if (line->button_action != NULL)
    {
      GtkWidget *button;

      if (line->button_icon != NULL)
        {
          button = gtk_button_new_from_icon_name (line->button_icon);
          gtk_widget_add_css_class (button, "flat");
          gtk_widget_set_tooltip_text (button, line->button_label);
          if (line->button_label != NULL)
            gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                            line->button_label, -1);
        }
      else
        button = gtk_button_new_with_mnemonic (line->button_label);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), line->button_action);
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), line->button_target);
      adw_action_row_add_suffix (row, button);
    }
  if (line->activatable)
    adw_action_row_add_suffix (row, gtk_image_new_from_icon_name ("go-next-symbolic"));
  if (line->name != NULL)
    gtk_widget_set_name (GTK_WIDGET (row), line->name);
  return GTK_WIDGET (row);
}
