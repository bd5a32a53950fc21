/* scs-jc-import-dialog.c: the column mapping of the IPA checklist import
 *
 * The user's own copy of IPA's JC-STAR ★1 checklist comes in whatever
 * layout that edition of the workbook (or the user's CSV of it) has. The
 * core (scs-jcstar-import.c) finds the columns by their headers; when the
 * headers leave the requirement ID, the item number or the wording and
 * answer uncertain, the page opens this window: one row per column with
 * its letter, header and first values, where the user says what the
 * column holds, and a preview of the first rows as they would be read.
 * The same core calls as `scs-cli jc import --map` do the mapping and the
 * import; a row the core cannot read is refused here naming the sheet, the
 * row and the column, and nothing is written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "scs-jc-import-dialog.h"

#include <glib/gi18n-lib.h>

#include "scs-import-columns.h"
#include "scs-xlsx.h"

#define PREVIEW_ROWS 5

/* The fields a column can be read as, in the rows' and the preview's order. */
static const char * const field_names[] = { "requirement", "item", "text", "answer", "reason" };
#define N_FIELDS G_N_ELEMENTS (field_names)

struct _ScsJcImportDialog
{
  AdwWindow     parent_instance;

  ScsWorkspace *workspace;
  ScsJcImport  *import;
  GListStore   *columns;     /* of ScsImportColumn, one per column of the sheet */
  GtkWidget    *preview;     /* GtkColumnView of ScsImportRow */
  GtkWidget    *error_label;
  GtkWidget    *import_button;
};

G_DEFINE_FINAL_TYPE (ScsJcImportDialog, scs_jc_import_dialog, ADW_TYPE_WINDOW)

enum
{
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
field_label (guint field)
{
  switch (field)
    {
    case 0:
      return _("Requirement ID (S1.1-NN)");
    case 1:
      return _("Evaluation item number");
    case 2:
      return _("Wording of the item");
    case 3:
      return _("Answer (適合, 不適合, 該当なし)");
    case 4:
    default:
      return _("Reason it does not apply");
    }
}

static int
field_of_name (const char *name)
{
  for (guint f = 0; f < N_FIELDS; f++)
    if (g_strcmp0 (field_names[f], name) == 0)
      return (int) f;
  return -1;
}

static void
show_error (ScsJcImportDialog *self,
            const char        *message)
{
  gtk_label_set_text (GTK_LABEL (self->error_label), message != NULL ? message : "");
  gtk_widget_set_visible (self->error_label, message != NULL);
}

/* The preview: the first rows, one column per field, as they would be read. */
static void
update_preview (ScsJcImportDialog *self)
{
  g_autoptr(GListStore) rows = g_list_store_new (SCS_TYPE_IMPORT_ROW);
  const char *titles[N_FIELDS + 1] = { NULL };
  guint n_columns = scs_jc_import_get_n_columns (self->import);
  int columns[N_FIELDS];

  for (guint f = 0; f < N_FIELDS; f++)
    {
      titles[f] = field_label (f);
      columns[f] = -1;
      for (guint c = 0; c < n_columns; c++)
        if (g_strcmp0 (scs_jc_import_get_column_field (self->import, c), field_names[f]) == 0)
          columns[f] = (int) c;
    }
  for (guint r = 0; r < PREVIEW_ROWS && r < scs_jc_import_get_n_rows (self->import); r++)
    {
      g_autoptr(GStrvBuilder) cells = g_strv_builder_new ();
      g_autoptr(ScsImportRow) row = NULL;

      for (guint f = 0; f < N_FIELDS; f++)
        g_strv_builder_add (cells, columns[f] >= 0 ? scs_jc_import_get_cell (self->import, r, (guint) columns[f]) : "");
      row = scs_import_row_new (r + 1, g_strv_builder_end (cells));
      g_list_store_append (rows, row);
    }
  scs_import_preview_show (GTK_COLUMN_VIEW (self->preview), NULL, titles, G_LIST_MODEL (rows));
}

/* Every row shows what its column is read as now; the import is possible
 * once the columns it needs are known. */
static void
sync_rows (ScsJcImportDialog *self)
{
  for (guint c = 0; c < g_list_model_get_n_items (G_LIST_MODEL (self->columns)); c++)
    {
      g_autoptr(ScsImportColumn) column = g_list_model_get_item (G_LIST_MODEL (self->columns), c);

      scs_import_column_set_choice (column, (guint) (field_of_name (scs_jc_import_get_column_field (self->import, c)) + 1));
    }
  update_preview (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.confirm", scs_jc_import_is_mapped (self->import));
}

static void
map_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  ScsJcImportDialog *self = SCS_JC_IMPORT_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  const char *field;
  guint column;

  g_variant_get (parameter, "(u&s)", &column, &field);
  if (column >= scs_jc_import_get_n_columns (self->import))
    return;
  if (*field == '\0')
    scs_jc_import_unmap_column (self->import, column);
  else if (!scs_jc_import_map_column (self->import, column, field, &error))
    {
      show_error (self, error->message);
      sync_rows (self);
      return;
    }
  show_error (self, NULL);
  sync_rows (self);
}

static void
on_column_chosen (guint    column,
                  guint    choice,
                  gpointer data)
{
  gtk_widget_activate_action (GTK_WIDGET (data), "import.map", "(us)", column,
                              choice > 0 && choice <= N_FIELDS ? field_names[choice - 1] : "");
}

static void
confirm_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ScsJcImportDialog *self = SCS_JC_IMPORT_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  guint n_texts = 0, n_answers = 0;

  if (!scs_jc_import_apply (self->import, self->workspace, &n_texts, &n_answers, &error))
    {
      show_error (self, error->message);
      return;
    }
  show_error (self, NULL);
  g_signal_emit (self, signals[IMPORTED], 0, n_texts, n_answers);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_window_destroy (GTK_WINDOW (widget));
}

/* "S1.1-01 · S1.1-08 · …": the column's first values, to tell it by. */
static char *
sample_values (ScsJcImport *import,
               guint        column)
{
  g_autoptr(GString) out = g_string_new (NULL);
  guint shown = 0;

  for (guint r = 0; r < scs_jc_import_get_n_rows (import) && shown < 3; r++)
    {
      g_autofree char *value = g_strstrip (g_strdup (scs_jc_import_get_cell (import, r, column)));

      if (*value == '\0')
        continue;
      if (g_utf8_strlen (value, -1) > 24)
        {
          char *cut = g_utf8_offset_to_pointer (value, 24);

          *cut = '\0';
          g_string_append_printf (out, "%s%s…", shown > 0 ? " · " : "", value);
        }
      else
        g_string_append_printf (out, "%s%s", shown > 0 ? " · " : "", value);
      shown++;
    }
  if (shown == 0)
    return g_strdup (_("(empty)"));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
build (ScsJcImportDialog *self)
{
  const char *choices[N_FIELDS + 2] = { _("Not imported") };
  g_autoptr(GtkStringList) choice_list = NULL;
  g_autofree char *place = scs_jc_import_dup_place (self->import);
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *prefs = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();
  g_autofree char *description = NULL;
  guint n_columns = scs_jc_import_get_n_columns (self->import);

  for (guint f = 0; f < N_FIELDS; f++)
    choices[f + 1] = field_label (f);
  choice_list = gtk_string_list_new (choices);

  gtk_window_set_title (GTK_WINDOW (self), _("Import IPA’s Checklist"));
  gtk_window_set_default_size (GTK_WINDOW (self), 860, 680);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "import.cancel");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  self->import_button = gtk_button_new_with_mnemonic (_("_Import"));
  gtk_widget_add_css_class (self->import_button, "suggested-action");
  gtk_widget_set_name (self->import_button, "import-confirm");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->import_button), "import.confirm");
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->import_button);
  gtk_box_append (GTK_BOX (toolbar), header);

  self->error_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->error_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->error_label), 0);
  gtk_widget_add_css_class (self->error_label, "error");
  gtk_widget_set_margin_start (self->error_label, 12);
  gtk_widget_set_margin_end (self->error_label, 12);
  gtk_widget_set_margin_top (self->error_label, 6);
  gtk_widget_set_name (self->error_label, "import-error");
  gtk_widget_set_visible (self->error_label, FALSE);
  gtk_box_append (GTK_BOX (toolbar), self->error_label);

  /* Translators: "Sheet ‘チェックリスト’ of ‘jcstar.xlsx’: …", or "‘jcstar.csv’: …" */
  description = g_strdup_printf (_("%s: the headers do not say for certain which column holds what. Choose "
                                   "for each column what it holds; the requirement ID, the item number and "
                                   "the wording or the answer are needed."),
                                 place);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Columns"));
  gtk_widget_set_name (group, "columns-group");
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (prefs), ADW_PREFERENCES_GROUP (group));
  for (guint c = 0; c < n_columns; c++)
    {
      g_autofree char *letter = scs_xlsx_column_name (c + 1);
      g_autofree char *title = NULL;
      g_autofree char *samples = sample_values (self->import, c);
      g_autofree char *name = g_strconcat ("map-", letter, NULL);
      g_autoptr(ScsImportColumn) column = NULL;

      /* Translators: a column of the spreadsheet: its letter and header, "B “枝番”" */
      title = g_strdup_printf (_("Column %s “%s”"), letter, scs_jc_import_get_header (self->import, c));
      column = scs_import_column_new (c, name, title, samples);
      g_list_store_append (self->columns, column);
    }
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_widget_set_name (list, "columns");
  scs_import_columns_bind (GTK_LIST_BOX (list), G_LIST_MODEL (self->columns), G_LIST_MODEL (choice_list),
                           on_column_chosen, self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), list);

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Preview"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("The first rows as they would be imported."));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (prefs), ADW_PREFERENCES_GROUP (group));
  self->preview = gtk_column_view_new (NULL);
  gtk_widget_set_name (self->preview, "preview");
  gtk_column_view_set_show_column_separators (GTK_COLUMN_VIEW (self->preview), TRUE);
  gtk_widget_add_css_class (self->preview, "data-table");
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), self->preview);
  gtk_widget_add_css_class (scroller, "card");
  gtk_widget_set_margin_top (scroller, 6);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), scroller);

  gtk_widget_set_vexpand (prefs, TRUE);
  gtk_box_append (GTK_BOX (toolbar), prefs);
  adw_window_set_content (ADW_WINDOW (self), toolbar);
}

static void
scs_jc_import_dialog_finalize (GObject *object)
{
  ScsJcImportDialog *self = SCS_JC_IMPORT_DIALOG (object);

  g_clear_object (&self->workspace);
  g_clear_pointer (&self->import, scs_jc_import_free);
  g_clear_object (&self->columns);
  G_OBJECT_CLASS (scs_jc_import_dialog_parent_class)->finalize (object);
}

static void
scs_jc_import_dialog_class_init (ScsJcImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = scs_jc_import_dialog_finalize;

  /**
   * ScsJcImportDialog::imported:
   * @n_texts: items whose official wording was stored
   * @n_answers: items whose answer was stored
   */
  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                    NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);

  gtk_widget_class_install_action (widget_class, "import.map", "(us)", map_action);
  gtk_widget_class_install_action (widget_class, "import.confirm", NULL, confirm_action);
  gtk_widget_class_install_action (widget_class, "import.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "import.cancel", NULL);
}

static void
scs_jc_import_dialog_init (ScsJcImportDialog *self)
{
  self->columns = g_list_store_new (SCS_TYPE_IMPORT_COLUMN);
}

ScsJcImportDialog *
scs_jc_import_dialog_new (GtkWindow    *parent,
                          ScsWorkspace *workspace,
                          ScsJcImport  *import)
{
  ScsJcImportDialog *self;

  g_return_val_if_fail (SCS_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (import != NULL, NULL);

  self = g_object_new (SCS_TYPE_JC_IMPORT_DIALOG, "modal", TRUE, "transient-for", parent, NULL);
  self->workspace = g_object_ref (workspace);
  self->import = import;
  build (self);
  sync_rows (self);
  return self;
}
