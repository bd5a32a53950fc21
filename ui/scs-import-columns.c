/* scs-import-columns.c: which column of an imported table holds what, and
 * a preview of the rows as they would be read
 *
 * The two imports of a user's table (the scope's CSV inventories and the
 * user's copy of IPA's JC-STAR checklist) show the same two things: one
 * row per column of the file, with its header and first values, where the
 * user says which field it holds; and the first rows as they would be
 * read. The columns are a GListModel of ScsImportColumn bound to a boxed
 * list (each a combo row from scs-import-column-row.ui); the preview is a
 * GListModel of ScsImportRow in a column view.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "scs-import-columns.h"

/* Column ----------------------------------------------------------------- */

struct _ScsImportColumn
{
  GObject  parent_instance;

  guint    index;
  char    *name;
  char    *title;
  char    *subtitle;
  guint    choice;
};

G_DEFINE_FINAL_TYPE (ScsImportColumn, scs_import_column, G_TYPE_OBJECT)

enum
{
  COLUMN_PROP_0,
  COLUMN_PROP_TITLE,
  COLUMN_PROP_SUBTITLE,
  COLUMN_PROP_CHOICE,
  COLUMN_N_PROPS
};

static GParamSpec *column_properties[COLUMN_N_PROPS];

static void
scs_import_column_finalize (GObject *object)
{
  ScsImportColumn *self = SCS_IMPORT_COLUMN (object);

  g_free (self->name);
  g_free (self->title);
  g_free (self->subtitle);

  G_OBJECT_CLASS (scs_import_column_parent_class)->finalize (object);
}

static void
scs_import_column_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ScsImportColumn *self = SCS_IMPORT_COLUMN (object);

  switch (prop_id)
    {
    case COLUMN_PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case COLUMN_PROP_SUBTITLE:
      g_value_set_string (value, self->subtitle);
      break;
    case COLUMN_PROP_CHOICE:
      g_value_set_uint (value, self->choice);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scs_import_column_class_init (ScsImportColumnClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = scs_import_column_finalize;
  object_class->get_property = scs_import_column_get_property;

  column_properties[COLUMN_PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, "", G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  column_properties[COLUMN_PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL, "", G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  column_properties[COLUMN_PROP_CHOICE] =
    g_param_spec_uint ("choice", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, COLUMN_N_PROPS, column_properties);
}

static void
scs_import_column_init (ScsImportColumn *self)
{
}

ScsImportColumn *
scs_import_column_new (guint       index,
                       const char *name,
                       const char *title,
                       const char *subtitle)
{
  ScsImportColumn *self = g_object_new (SCS_TYPE_IMPORT_COLUMN, NULL);

  self->index = index;
  self->name = g_strdup (name);
  self->title = g_strdup (title ? title : "");
  self->subtitle = g_strdup (subtitle ? subtitle : "");
  return self;
}

void
scs_import_column_set_choice (ScsImportColumn *self,
                              guint            choice)
{
  g_return_if_fail (SCS_IS_IMPORT_COLUMN (self));

  if (self->choice == choice)
    return;
  self->choice = choice;
  g_object_notify_by_pspec (G_OBJECT (self), column_properties[COLUMN_PROP_CHOICE]);
}

/* Column rows ------------------------------------------------------------ */

typedef struct
{
  GListModel            *choices;
  ScsImportColumnChosen  chosen;
  gpointer               user_data;
} Binding;

static void
binding_free (gpointer data)
{
  Binding *binding = data;

  g_object_unref (binding->choices);
  g_free (binding);
}

static void
on_row_selected (AdwComboRow *row,
                 GParamSpec  *pspec,
                 Binding     *binding)
{
  ScsImportColumn *column = g_object_get_data (G_OBJECT (row), "scs-import-column");
  guint selected = adw_combo_row_get_selected (row);

  if (selected == column->choice || selected == GTK_INVALID_LIST_POSITION)
    return;
  binding->chosen (column->index, selected, binding->user_data);
  /* Refused, or the caller kept the choice: the row shows what is read. */
  if (adw_combo_row_get_selected (row) != column->choice)
    adw_combo_row_set_selected (row, column->choice);
}

/* The row is built from scs-import-column-row.ui with the column as the
 * builder's current object: its bindings watch the column. The choice
 * follows the column once the row has its model. */
static GtkWidget *
column_row_create (gpointer item,
                   gpointer user_data)
{
  ScsImportColumn *column = SCS_IMPORT_COLUMN (item);
  Binding *binding = user_data;
  g_autoptr(GtkBuilder) builder = gtk_builder_new ();
  g_autoptr(GError) error = NULL;
  AdwComboRow *row;

  gtk_builder_set_current_object (builder, G_OBJECT (column));
  if (!gtk_builder_add_from_resource (builder, "/jp/scsworkbench/Workbench/scs-import-column-row.ui", &error))
    g_error ("scs-import-column-row.ui: %s", error->message);  /* a resource of ours */
  row = g_object_ref (ADW_COMBO_ROW (gtk_builder_get_object (builder, "row")));
  adw_combo_row_set_model (row, binding->choices);
  g_object_bind_property (column, "choice", row, "selected", G_BINDING_SYNC_CREATE);
  if (column->name != NULL)
    gtk_widget_set_name (GTK_WIDGET (row), column->name);
  g_object_set_data_full (G_OBJECT (row), "scs-import-column", g_object_ref (column), g_object_unref);
  g_signal_connect (row, "notify::selected", G_CALLBACK (on_row_selected), binding);
  return GTK_WIDGET (row);
}

void
scs_import_columns_bind (GtkListBox            *list,
                         GListModel            *columns,
                         GListModel            *choices,
                         ScsImportColumnChosen  chosen,
                         gpointer               user_data)
{
  Binding *binding = g_new0 (Binding, 1);

  g_return_if_fail (GTK_IS_LIST_BOX (list));
  g_return_if_fail (chosen != NULL);

  binding->choices = g_object_ref (choices);
  binding->chosen = chosen;
  binding->user_data = user_data;
  /* The rows hold the binding: it lives as long as the list. */
  g_object_set_data_full (G_OBJECT (list), "scs-import-columns", binding, binding_free);
  gtk_list_box_bind_model (list, columns, column_row_create, binding, NULL);
}

/* Preview row ------------------------------------------------------------ */

struct _ScsImportRow
{
  GObject  parent_instance;

  guint    line;
  GStrv    cells;
  guint8  *errors;     /* per cell */
};

G_DEFINE_FINAL_TYPE (ScsImportRow, scs_import_row, G_TYPE_OBJECT)

enum
{
  ROW_PROP_0,
  ROW_PROP_CELLS,
  ROW_N_PROPS
};

static GParamSpec *row_properties[ROW_N_PROPS];

static void
scs_import_row_finalize (GObject *object)
{
  ScsImportRow *self = SCS_IMPORT_ROW (object);

  g_strfreev (self->cells);
  g_free (self->errors);

  G_OBJECT_CLASS (scs_import_row_parent_class)->finalize (object);
}

static void
scs_import_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  ScsImportRow *self = SCS_IMPORT_ROW (object);

  switch (prop_id)
    {
    case ROW_PROP_CELLS:
      g_value_set_boxed (value, self->cells);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scs_import_row_class_init (ScsImportRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = scs_import_row_finalize;
  object_class->get_property = scs_import_row_get_property;

  row_properties[ROW_PROP_CELLS] =
    g_param_spec_boxed ("cells", NULL, NULL, G_TYPE_STRV, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, ROW_N_PROPS, row_properties);
}

static void
scs_import_row_init (ScsImportRow *self)
{
}

/**
 * scs_import_row_new:
 * @line: the row's line in the file (1-based)
 * @cells: (transfer full): its cells, in the preview's column order
 */
ScsImportRow *
scs_import_row_new (guint line,
                    GStrv cells)
{
  ScsImportRow *self = g_object_new (SCS_TYPE_IMPORT_ROW, NULL);

  self->line = line;
  self->cells = cells != NULL ? cells : g_new0 (char *, 1);
  self->errors = g_new0 (guint8, g_strv_length (self->cells) + 1);
  return self;
}

void
scs_import_row_mark_error (ScsImportRow *self,
                           guint         cell)
{
  g_return_if_fail (SCS_IS_IMPORT_ROW (self));

  if (cell < g_strv_length (self->cells))
    self->errors[cell] = TRUE;
}

/* Preview ---------------------------------------------------------------- */

#define LINE_CELL G_MAXUINT

static void
preview_setup (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  data)
{
  GtkWidget *label = gtk_label_new ("");

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 32);
  if (GPOINTER_TO_UINT (data) == LINE_CELL)
    gtk_widget_add_css_class (label, "dim-label");
  gtk_list_item_set_child (list_item, label);
}

static void
preview_bind (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  data)
{
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (list_item));
  ScsImportRow *row = gtk_list_item_get_item (list_item);
  guint cell = GPOINTER_TO_UINT (data);

  if (cell == LINE_CELL)
    {
      char text[16];

      g_snprintf (text, sizeof text, "%u", row->line);
      gtk_label_set_text (label, text);
      return;
    }
  gtk_label_set_text (label, cell < g_strv_length (row->cells) ? row->cells[cell] : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (label), cell < g_strv_length (row->cells) && *row->cells[cell] != '\0'
                                                   ? row->cells[cell] : NULL);
  if (cell < g_strv_length (row->cells) && row->errors[cell])
    gtk_widget_add_css_class (GTK_WIDGET (label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (label), "error");
}

static void
add_column (GtkColumnView *view,
            const char    *title,
            guint          cell)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) column = NULL;

  g_signal_connect (factory, "setup", G_CALLBACK (preview_setup), GUINT_TO_POINTER (cell));
  g_signal_connect (factory, "bind", G_CALLBACK (preview_bind), GUINT_TO_POINTER (cell));
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_column_set_expand (column, cell != LINE_CELL);
  gtk_column_view_append_column (view, column);
}

/* The columns follow the mapping, so they are made again with it; the
 * rows are the model's. */
void
scs_import_preview_show (GtkColumnView      *view,
                         const char         *line_title,
                         const char * const *titles,
                         GListModel         *rows)
{
  g_autoptr(GtkNoSelection) selection = NULL;
  GListModel *columns;

  g_return_if_fail (GTK_IS_COLUMN_VIEW (view));

  gtk_column_view_set_model (view, NULL);
  columns = gtk_column_view_get_columns (view);
  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);

      gtk_column_view_remove_column (view, column);
    }
  if (rows == NULL)
    return;
  if (line_title != NULL)
    add_column (view, line_title, LINE_CELL);
  for (guint i = 0; titles != NULL && titles[i] != NULL; i++)
    add_column (view, titles[i], i);
  selection = gtk_no_selection_new (g_object_ref (rows));
  gtk_column_view_set_model (view, GTK_SELECTION_MODEL (selection));
}
