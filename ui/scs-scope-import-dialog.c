/* scs-scope-import-dialog.c: the CSV import assistant of the scope page
 *
 * SMEs bring their inventories as spreadsheets saved as CSV, in UTF-8 or in
 * Shift_JIS as Excel in Japan writes it. This modal window walks through the
 * import the core (scs-scope-import.c) performs: choose the file and the
 * inventory kind, see the encoding found (and override it), map each CSV
 * column (header and a sample value) to a field of the kind or ignore it,
 * and preview the first rows as they would be imported, with every problem
 * listed by line and column below. Reading, mapping and checking write
 * nothing; the "Import N items" button is enabled only when there are no
 * problems, and pressing it adds every row in one transaction
 * (scs_scope_import_commit), after which the scope's models update the page.
 * Every step is an action, so the keyboard, the tests and the buttons take
 * the same path.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "scs-csv.h"
#include "scs-import-columns.h"
#include "scs-list-line.h"
#include "scs-scope-import-dialog.h"

#define PREVIEW_ROWS 200

struct _ScsScopeImportDialog
{
  AdwWindow         parent_instance;

  ScsWorkspace     *workspace;   /* keeps the borrowed scope alive */
  ScsScope         *scope;
  ScsScopeKind      kind;
  ScsScopeEncoding  encoding;    /* what the user asked for */
  GBytes           *data;
  char             *path;
  char             *source;      /* the file's name, for messages */
  ScsScopeImport   *import;
  char             *load_error;
  char             *encoding_text;
  GHashTable       *problem_cells; /* "line:column" of cells with problems */
  guint             n_problems;
  gboolean          syncing;
  GtkStringList    *choices;     /* "ignore", the kind's fields, criteria */
  GListStore       *columns;     /* of ScsImportColumn, bound to mapping_list */
  GListStore       *problem_lines; /* of ScsListLine, bound to problems */

  GtkStack         *steps;
  AdwActionRow     *file_row;
  AdwComboRow      *kind_row;
  AdwComboRow      *encoding_row;
  AdwActionRow     *detected_row;
  GtkListBox       *mapping_list;
  GtkColumnView    *preview;
  GtkLabel         *preview_label;
  GtkLabel         *problems_label;
  GtkListBox       *problems;
  GtkWidget        *problems_scroller;
  GtkButton        *import_button;
};

G_DEFINE_FINAL_TYPE (ScsScopeImportDialog, scs_scope_import_dialog, ADW_TYPE_WINDOW)

enum { SIGNAL_IMPORTED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* The choices of a column's drop-down: ignore, the kind's fields, criteria. */
static guint
n_choices (ScsScopeKind kind)
{
  return g_strv_length ((char **) scs_scope_kind_fields (kind)) + 2;
}

static const char *
choice_field (ScsScopeKind kind,
              guint        choice)
{
  const char * const *fields = scs_scope_kind_fields (kind);
  guint n = g_strv_length ((char **) fields);

  if (choice == 0 || choice > n + 1)
    return NULL;
  return choice <= n ? fields[choice - 1] : "criteria";
}

static guint
field_choice (ScsScopeKind  kind,
              const char   *field)
{
  for (guint i = 1; field != NULL && i < n_choices (kind); i++)
    if (g_str_equal (choice_field (kind, i), field))
      return i;
  return 0;
}

static const char *
field_label (const char *field)
{
  if (g_str_equal (field, "criteria"))
    return _("Criteria");
  return _(scs_scope_field_lookup (field)->label);
}

/* ------------------------------------------------------------------------ */
/* Problems and preview                                                      */

/* A problem's row is named "problem-LINE-COLUMN" (0 for the file). */
static ScsListLine *
problem_line_new (const char *message,
                  guint       line,
                  guint       column)
{
  ScsListLine *self = scs_list_line_new (message, NULL);
  g_autofree char *name = g_strdup_printf ("problem-%u-%u", line, column);

  scs_list_line_set_icon (self, "dialog-error-symbolic", "error", NULL);
  scs_list_line_set_lines (self, 3, 0);
  scs_list_line_set_name (self, name);
  return self;
}

static void
update_preview (ScsScopeImportDialog *self)
{
  g_autoptr(GListStore) rows = NULL;
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();
  g_autoptr(GArray) sources = g_array_new (FALSE, FALSE, sizeof (guint));
  guint shown = 0, total;

  if (self->import == NULL)
    {
      scs_import_preview_show (self->preview, NULL, NULL, NULL);
      gtk_label_set_text (self->preview_label, _("Choose a file to see its rows here."));
      return;
    }

  /* The columns as they will be imported: in the kind's field order */
  for (guint choice = 1; choice < n_choices (self->kind); choice++)
    for (guint c = 0; c < scs_scope_import_get_n_columns (self->import); c++)
      if (g_strcmp0 (scs_scope_import_get_mapping (self->import, c), choice_field (self->kind, choice)) == 0)
        {
          g_ptr_array_add (titles, (gpointer) field_label (choice_field (self->kind, choice)));
          g_array_append_val (sources, c);
        }
  g_ptr_array_add (titles, NULL);

  rows = g_list_store_new (SCS_TYPE_IMPORT_ROW);
  total = scs_scope_import_count_items (self->import);
  for (guint r = 0; r < scs_scope_import_get_n_rows (self->import) && shown < PREVIEW_ROWS; r++)
    {
      const char * const *row = scs_scope_import_get_row (self->import, r);
      guint line = scs_scope_import_get_line (self->import, r);
      g_autoptr(GStrvBuilder) cells = g_strv_builder_new ();
      g_autoptr(ScsImportRow) item = NULL;
      gboolean blank = TRUE;

      for (guint c = 0; row[c] != NULL && blank; c++)
        {
          g_autofree char *stripped = g_strstrip (g_strdup (row[c]));

          blank = *stripped == '\0';
        }
      if (blank)
        continue;
      for (guint i = 0; i < sources->len; i++)
        g_strv_builder_add (cells, scs_csv_cell_text (row[g_array_index (sources, guint, i)]));
      item = scs_import_row_new (line, g_strv_builder_end (cells));
      for (guint i = 0; i < sources->len; i++)
        {
          g_autofree char *key = g_strdup_printf ("%u:%u", line, g_array_index (sources, guint, i) + 1);

          if (g_hash_table_contains (self->problem_cells, key))
            scs_import_row_mark_error (item, i);
        }
      g_list_store_append (rows, item);
      shown++;
    }
  scs_import_preview_show (self->preview, _("Line"), (const char * const *) titles->pdata, G_LIST_MODEL (rows));
  if (shown < total)
    {
      g_autofree char *text = g_strdup_printf (_("The first %u of %u rows, as they will be imported into %s."),
                                               shown, total, scs_scope_kind_label (self->kind));
      gtk_label_set_text (self->preview_label, text);
    }
  else
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u row, as it will be imported into %s.",
                                                            "%u rows, as they will be imported into %s.",
                                                            total),
                                               total, scs_scope_kind_label (self->kind));
      gtk_label_set_text (self->preview_label, text);
    }
}

/* Checks the mapped cells (writing nothing) and updates the problems, the
 * preview and the Import button. */
static void
refresh (ScsScopeImportDialog *self)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_object_unref);
  guint items = 0;
  g_autofree char *button = NULL;
  g_autofree char *heading = NULL;

  g_hash_table_remove_all (self->problem_cells);
  self->n_problems = 0;

  if (self->load_error != NULL)
    {
      g_ptr_array_add (lines, problem_line_new (self->load_error, 0, 0));
      self->n_problems = 1;
    }
  else if (self->import != NULL)
    {
      problems = scs_scope_import_check (self->import, self->scope);
      for (guint i = 0; i < problems->len; i++)
        {
          ScsScopeImportProblem *problem = problems->pdata[i];

          g_ptr_array_add (lines, problem_line_new (problem->message, problem->line, problem->column));
          g_hash_table_add (self->problem_cells,
                            g_strdup_printf ("%u:%u", problem->line, problem->column));
        }
      self->n_problems = problems->len;
      items = scs_scope_import_count_items (self->import);
    }
  scs_list_lines_update (self->problem_lines, lines);

  if (self->import == NULL && self->load_error == NULL)
    heading = g_strdup (_("Choose a CSV file to import"));
  else if (self->n_problems == 0)
    heading = g_strdup (_("No problems: ready to import"));
  else
    heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u problem: nothing can be imported until it is fixed",
                                            "%u problems: nothing can be imported until they are fixed",
                                            self->n_problems),
                               self->n_problems);
  gtk_label_set_text (self->problems_label, heading);
  gtk_widget_set_visible (self->problems_scroller, self->n_problems > 0);

  button = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Import %u Item", "Import %u Items", items),
                            items);
  gtk_button_set_label (self->import_button, button);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.confirm",
                                 self->import != NULL && self->n_problems == 0 && items > 0);
  update_preview (self);
}

/* ------------------------------------------------------------------------ */
/* Mapping                                                                   */

static void
sync_mapping (ScsScopeImportDialog *self)
{
  for (guint c = 0; self->import != NULL && c < g_list_model_get_n_items (G_LIST_MODEL (self->columns)); c++)
    {
      g_autoptr(ScsImportColumn) column = g_list_model_get_item (G_LIST_MODEL (self->columns), c);

      scs_import_column_set_choice (column, field_choice (self->kind, scs_scope_import_get_mapping (self->import, c)));
    }
}

static void
on_column_chosen (guint    column,
                  guint    choice,
                  gpointer data)
{
  ScsScopeImportDialog *self = data;
  const char *field = choice_field (self->kind, choice);

  gtk_widget_activate_action (GTK_WIDGET (self), "import.map", "(us)", column, field ? field : "");
}

static void
rebuild_mapping (ScsScopeImportDialog *self)
{
  g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) choices = g_ptr_array_new ();
  const char * const *header;

  g_ptr_array_add (choices, _("Ignore"));
  for (guint i = 1; i < n_choices (self->kind); i++)
    g_ptr_array_add (choices, (gpointer) field_label (choice_field (self->kind, i)));
  g_ptr_array_add (choices, NULL);
  gtk_string_list_splice (self->choices, 0, g_list_model_get_n_items (G_LIST_MODEL (self->choices)),
                          (const char * const *) choices->pdata);

  header = self->import != NULL ? scs_scope_import_get_header (self->import) : NULL;
  for (guint c = 0; header != NULL && c < scs_scope_import_get_n_columns (self->import); c++)
    {
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      g_autofree char *stripped = g_strstrip (g_strdup (header[c]));
      g_autofree char *sample = NULL;

      for (guint r = 0; r < scs_scope_import_get_n_rows (self->import) && sample == NULL; r++)
        if (*scs_csv_cell_text (scs_scope_import_get_row (self->import, r)[c]) != '\0')
          sample = g_strdup (scs_csv_cell_text (scs_scope_import_get_row (self->import, r)[c]));
      title = *stripped != '\0' ? g_strdup (header[c]) : g_strdup_printf (_("Column %u"), c + 1);
      if (sample != NULL)
        g_strdelimit (sample, "\r\n", ' ');
      subtitle = sample != NULL ? g_strdup_printf (_("Column %u · e.g. “%s”"), c + 1, sample)
                                : g_strdup_printf (_("Column %u · empty"), c + 1);
      g_ptr_array_add (columns, scs_import_column_new (c, NULL, title, subtitle));
    }
  g_list_store_splice (self->columns, 0, g_list_model_get_n_items (G_LIST_MODEL (self->columns)),
                       columns->pdata, columns->len);
  sync_mapping (self);
}

/* ------------------------------------------------------------------------ */
/* Reading                                                                   */

/* Parses the loaded bytes again with the chosen kind and encoding. */
static void
reparse (ScsScopeImportDialog *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->import);
  g_clear_pointer (&self->load_error, g_free);
  g_clear_pointer (&self->encoding_text, g_free);

  if (self->data != NULL)
    {
      gsize length;
      const guchar *bytes = g_bytes_get_data (self->data, &length);

      self->import = scs_scope_import_new (self->data, self->source, self->kind, self->encoding, &error);
      if (self->import == NULL)
        self->load_error = g_strdup (error->message);
      else if (scs_scope_import_get_encoding (self->import) == SCS_SCOPE_ENCODING_CP932)
        self->encoding_text = g_strdup (_("Shift_JIS (CP932)"));
      else if (length >= 3 && memcmp (bytes, SCS_CSV_BOM, 3) == 0)
        self->encoding_text = g_strdup (_("UTF-8 with byte order mark"));
      else
        self->encoding_text = g_strdup (_("UTF-8"));
    }
  adw_action_row_set_subtitle (self->detected_row,
                               self->encoding_text ? self->encoding_text
                               : self->load_error ? _("Not readable in this encoding") : "—");
  rebuild_mapping (self);
  refresh (self);
}

static void
load_file (ScsScopeImportDialog *self,
           const char           *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *escaped = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_clear_pointer (&self->data, g_bytes_unref);
  g_free (self->path);
  self->path = g_strdup (path);
  g_free (self->source);
  self->source = g_file_get_basename (file);
  escaped = g_markup_escape_text (path, -1);
  adw_action_row_set_subtitle (self->file_row, escaped);

  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, &error))
    {
      reparse (self);
      g_free (self->load_error);
      self->load_error = g_strdup (error->message);
      refresh (self);
      return;
    }
  self->data = g_bytes_new_take (contents, length);
  reparse (self);
  gtk_stack_set_visible_child_name (self->steps, self->load_error ? "source" : "mapping");
}

/* ------------------------------------------------------------------------ */
/* Actions                                                                   */

static void
load_file_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  load_file (SCS_SCOPE_IMPORT_DIALOG (widget), g_variant_get_string (parameter, NULL));
}

static void
on_chooser_response (GtkNativeDialog      *chooser,
                     int                   response,
                     ScsScopeImportDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (path != NULL)
        gtk_widget_activate_action (GTK_WIDGET (self), "import.load-file", "s", path);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
choose_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Choose a CSV File"), GTK_WINDOW (widget),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (csv, _("CSV files"));
  gtk_file_filter_add_pattern (csv, "*.csv");
  gtk_file_filter_add_pattern (csv, "*.CSV");
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response), g_object_ref (widget));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
set_kind_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  ScsScopeImportDialog *self = SCS_SCOPE_IMPORT_DIALOG (widget);
  ScsScopeKind kind;

  if (!scs_scope_kind_from_string (g_variant_get_string (parameter, NULL), &kind) || kind == self->kind)
    return;
  self->kind = kind;
  self->syncing = TRUE;
  adw_combo_row_set_selected (self->kind_row, kind);
  self->syncing = FALSE;
  if (self->import != NULL)
    {
      scs_scope_import_set_kind (self->import, kind);
      rebuild_mapping (self);
      refresh (self);
    }
  else
    reparse (self);
}

static void
set_encoding_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ScsScopeImportDialog *self = SCS_SCOPE_IMPORT_DIALOG (widget);
  ScsScopeEncoding encoding;

  if (!scs_scope_encoding_from_string (g_variant_get_string (parameter, NULL), &encoding))
    return;
  self->encoding = encoding;
  self->syncing = TRUE;
  adw_combo_row_set_selected (self->encoding_row, encoding);
  self->syncing = FALSE;
  reparse (self);
}

static void
map_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  ScsScopeImportDialog *self = SCS_SCOPE_IMPORT_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  const char *field;
  guint column;

  g_variant_get (parameter, "(u&s)", &column, &field);
  if (self->import == NULL)
    return;
  if (!scs_scope_import_map (self->import, column, field, &error))
    {
      g_warning ("%s", error->message);
      gtk_widget_error_bell (widget);
    }
  /* A field taken from another column leaves that one ignored. */
  sync_mapping (self);
  refresh (self);
}

static void
show_step_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ScsScopeImportDialog *self = SCS_SCOPE_IMPORT_DIALOG (widget);
  const char *name = g_variant_get_string (parameter, NULL);

  if (gtk_stack_get_child_by_name (self->steps, name) != NULL)
    gtk_stack_set_visible_child_name (self->steps, name);
}

static void
confirm_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ScsScopeImportDialog *self = SCS_SCOPE_IMPORT_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  guint count;

  if (self->import == NULL || self->n_problems > 0)
    return;
  count = scs_scope_import_commit (self->import, self->scope, &error);
  if (count == 0)
    {
      /* The scope changed since the check (a name taken meanwhile …) */
      refresh (self);
      {
        g_autoptr(ScsListLine) line = problem_line_new (error->message, 0, 0);

        g_list_store_append (self->problem_lines, line);
      }
      self->n_problems++;
      gtk_widget_set_visible (self->problems_scroller, TRUE);
      gtk_widget_action_set_enabled (widget, "import.confirm", FALSE);
      gtk_widget_error_bell (widget);
      return;
    }
  g_signal_emit (self, signals[SIGNAL_IMPORTED], 0, (guint) self->kind, count);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_window_destroy (GTK_WINDOW (widget));
}

static void
on_kind_selected (ScsScopeImportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->kind_row);

  if (!self->syncing && selected < SCS_SCOPE_N_KINDS)
    gtk_widget_activate_action (GTK_WIDGET (self), "import.set-kind", "s",
                                scs_scope_kind_to_string (selected));
}

static void
on_encoding_selected (ScsScopeImportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->encoding_row);

  if (!self->syncing && selected <= SCS_SCOPE_ENCODING_CP932)
    gtk_widget_activate_action (GTK_WIDGET (self), "import.set-encoding", "s",
                                scs_scope_encoding_to_string (selected));
}

/* ------------------------------------------------------------------------ */

static void
scs_scope_import_dialog_dispose (GObject *object)
{
  ScsScopeImportDialog *self = SCS_SCOPE_IMPORT_DIALOG (object);

  if (self->preview != NULL)
    gtk_column_view_set_model (self->preview, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SCS_TYPE_SCOPE_IMPORT_DIALOG);
  self->preview = NULL;
  g_clear_object (&self->columns);
  g_clear_object (&self->problem_lines);
  g_clear_object (&self->choices);
  g_clear_object (&self->import);
  g_clear_pointer (&self->data, g_bytes_unref);
  g_clear_object (&self->workspace);
  self->scope = NULL;
  G_OBJECT_CLASS (scs_scope_import_dialog_parent_class)->dispose (object);
}

static void
scs_scope_import_dialog_finalize (GObject *object)
{
  ScsScopeImportDialog *self = SCS_SCOPE_IMPORT_DIALOG (object);

  g_free (self->path);
  g_free (self->source);
  g_free (self->load_error);
  g_free (self->encoding_text);
  g_hash_table_unref (self->problem_cells);
  G_OBJECT_CLASS (scs_scope_import_dialog_parent_class)->finalize (object);
}

static void
scs_scope_import_dialog_class_init (ScsScopeImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = scs_scope_import_dialog_dispose;
  object_class->finalize = scs_scope_import_dialog_finalize;

  signals[SIGNAL_IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/jp/scsworkbench/Workbench/scs-scope-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ScsScopeImportDialog, steps);
  gtk_widget_class_bind_template_child (widget_class, ScsScopeImportDialog, file_row);
  gtk_widget_class_bind_template_child (widget_class, ScsScopeImportDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, ScsScopeImportDialog, encoding_row);
  gtk_widget_class_bind_template_child (widget_class, ScsScopeImportDialog, detected_row);
  gtk_widget_class_bind_template_child (widget_class, ScsScopeImportDialog, mapping_list);
  gtk_widget_class_bind_template_child (widget_class, ScsScopeImportDialog, preview);
  gtk_widget_class_bind_template_child (widget_class, ScsScopeImportDialog, preview_label);
  gtk_widget_class_bind_template_child (widget_class, ScsScopeImportDialog, problems_label);
  gtk_widget_class_bind_template_child (widget_class, ScsScopeImportDialog, problems);
  gtk_widget_class_bind_template_child (widget_class, ScsScopeImportDialog, problems_scroller);
  gtk_widget_class_bind_template_child (widget_class, ScsScopeImportDialog, import_button);

  gtk_widget_class_install_action (widget_class, "import.choose-file", NULL, choose_file_action);
  gtk_widget_class_install_action (widget_class, "import.load-file", "s", load_file_action);
  gtk_widget_class_install_action (widget_class, "import.set-kind", "s", set_kind_action);
  gtk_widget_class_install_action (widget_class, "import.set-encoding", "s", set_encoding_action);
  gtk_widget_class_install_action (widget_class, "import.map", "(us)", map_action);
  gtk_widget_class_install_action (widget_class, "import.show-step", "s", show_step_action);
  gtk_widget_class_install_action (widget_class, "import.confirm", NULL, confirm_action);
  gtk_widget_class_install_action (widget_class, "import.cancel", NULL, cancel_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "import.cancel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "import.choose-file", NULL);
}

static void
scs_scope_import_dialog_init (ScsScopeImportDialog *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) encodings = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->problem_cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->choices = gtk_string_list_new (NULL);
  self->columns = g_list_store_new (SCS_TYPE_IMPORT_COLUMN);
  scs_import_columns_bind (self->mapping_list, G_LIST_MODEL (self->columns), G_LIST_MODEL (self->choices),
                           on_column_chosen, self);
  self->problem_lines = g_list_store_new (SCS_TYPE_LIST_LINE);
  gtk_list_box_bind_model (self->problems, G_LIST_MODEL (self->problem_lines), scs_list_line_row_create,
                           NULL, NULL);

  for (guint k = 0; k < SCS_SCOPE_N_KINDS; k++)
    gtk_string_list_append (kinds, scs_scope_kind_label (k));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  gtk_string_list_append (encodings, _("Automatic (UTF-8, else Shift_JIS)"));
  gtk_string_list_append (encodings, _("UTF-8"));
  gtk_string_list_append (encodings, _("Shift_JIS (CP932)"));
  adw_combo_row_set_model (self->encoding_row, G_LIST_MODEL (encodings));
  g_signal_connect_swapped (self->kind_row, "notify::selected", G_CALLBACK (on_kind_selected), self);
  g_signal_connect_swapped (self->encoding_row, "notify::selected", G_CALLBACK (on_encoding_selected), self);
}

ScsScopeImportDialog *
scs_scope_import_dialog_new (GtkWindow    *parent,
                             ScsScope     *scope,
                             ScsScopeKind  kind)
{
  ScsScopeImportDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SCS_IS_SCOPE (scope), NULL);
  g_return_val_if_fail (kind < SCS_SCOPE_N_KINDS, NULL);

  self = g_object_new (SCS_TYPE_SCOPE_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->workspace = g_object_ref (scs_scope_get_workspace (scope));
  self->scope = scope;
  self->kind = kind;
  self->syncing = TRUE;
  adw_combo_row_set_selected (self->kind_row, kind);
  adw_combo_row_set_selected (self->encoding_row, SCS_SCOPE_ENCODING_AUTO);
  self->syncing = FALSE;
  reparse (self);
  return self;
}
