/* scs-export-dialog.c: export the submission package, with progress and cancel
 *
 * The export runs on a worker thread (scs_package_export_async, which opens
 * its own connection to the workspace file), so the window stays live; the
 * worker only stores its progress in an atomic integer that a short timeout
 * shows, so no GTK call ever happens off the main thread. Cancel stops the
 * worker between chunks and the core removes its temporary file: the final
 * name is only ever written by a rename of a verified package. The report
 * inside is in the language chosen here (Japanese by default, whatever the
 * UI's); a signed package keeps the language chosen when management
 * declared. A workspace without the expert and management signatures can
 * only be exported as a draft, and the dialog lists what is still missing
 * before the final package, each with a button to go there. Printing uses
 * the same ScsPdfWriter pages as report.pdf, in the same language.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "scs-export-dialog.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "scs-declaration.h"
#include "scs-i18n.h"
#include "scs-package.h"
#include "scs-pdf-writer.h"
#include "scs-report.h"
#include "scs-signature.h"

struct _ScsExportDialog
{
  AdwWindow      parent_instance;

  AdwActionRow  *draft_row;
  GtkSwitch     *draft_switch;
  AdwActionRow  *file_row;
  AdwComboRow   *language_row;
  AdwPreferencesGroup *missing_group;
  GtkProgressBar *progress;
  GtkLabel      *status_label;
  GtkWidget     *export_button;

  ScsWorkspace  *workspace;
  char          *path;
  GCancellable  *cancellable;
  gint           permille;   /* written by the worker, read by the timeout */
  guint          pulse_id;
};

G_DEFINE_FINAL_TYPE (ScsExportDialog, scs_export_dialog, ADW_TYPE_WINDOW)

enum
{
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The report language chosen, "ja" (the default) or "en"; a signed
 * workspace's is the one chosen at the declaration and cannot be changed. */
static const char *
report_language (ScsExportDialog *self)
{
  return adw_combo_row_get_selected (self->language_row) == 1 ? "en" : "ja";
}

static void
set_status (ScsExportDialog *self,
            const char      *text)
{
  gtk_label_set_text (self->status_label, text != NULL ? text : "");
}

static void
update_sensitivity (ScsExportDialog *self)
{
  gboolean running = self->cancellable != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.start", !running && self->path != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.choose", !running);
  gtk_widget_set_visible (GTK_WIDGET (self->progress), running);
}

static gboolean
is_signed (ScsWorkspace *workspace)
{
  g_autoptr(ScsSignatureInfo) expert = scs_signature_dup_info (workspace, SCS_SIGNATURE_ROLE_EXPERT);
  g_autoptr(ScsSignatureInfo) management = scs_signature_dup_info (workspace, SCS_SIGNATURE_ROLE_MANAGEMENT);

  return expert != NULL && management != NULL;
}

/* Called on the worker thread: no GTK here. */
static void
on_progress (double   fraction,
             gpointer user_data)
{
  ScsExportDialog *self = user_data;

  g_atomic_int_set (&self->permille, (gint) (fraction * 1000));
}

static gboolean
show_progress (gpointer user_data)
{
  ScsExportDialog *self = user_data;

  gtk_progress_bar_set_fraction (self->progress, g_atomic_int_get (&self->permille) / 1000.0);
  return G_SOURCE_CONTINUE;
}

static void
on_export_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(ScsExportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok = scs_package_export_finish (result, &error);

  g_clear_handle_id (&self->pulse_id, g_source_remove);
  g_clear_object (&self->cancellable);
  if (ok)
    {
      g_autofree char *text = NULL;

      gtk_progress_bar_set_fraction (self->progress, 1.0);
      /* Translators: %s is a file path */
      text = g_strdup_printf (_("Exported and verified: %s"), self->path);
      set_status (self, text);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    set_status (self, _("Export cancelled: nothing was written."));
  else
    set_status (self, error->message);
  update_sensitivity (self);
  g_signal_emit (self, signals[FINISHED], 0, ok);
}

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  ScsExportDialog *self = SCS_EXPORT_DIALOG (widget);
  ScsPackageFlags flags = gtk_switch_get_active (self->draft_switch) ? SCS_PACKAGE_FLAGS_DRAFT
                                                                      : SCS_PACKAGE_FLAGS_NONE;

  if (self->cancellable != NULL || self->path == NULL)
    return;
  self->cancellable = g_cancellable_new ();
  g_atomic_int_set (&self->permille, 0);
  gtk_progress_bar_set_fraction (self->progress, 0);
  self->pulse_id = g_timeout_add (100, show_progress, self);
  set_status (self, _("Writing and verifying the package…"));
  update_sensitivity (self);
  scs_package_export_async (self->workspace, self->path, flags, report_language (self),
                            on_progress, self, self->cancellable,
                            on_export_done, g_object_ref (self));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ScsExportDialog *self = SCS_EXPORT_DIALOG (widget);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
set_path (ScsExportDialog *self,
          const char      *path)
{
  g_free (self->path);
  self->path = g_strdup (path);
  adw_action_row_set_subtitle (self->file_row, path != NULL ? path : "");
  update_sensitivity (self);
}

/* Where to write, as the file chooser answered: a package is a .scsp. */
static void
set_target_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ScsExportDialog *self = SCS_EXPORT_DIALOG (widget);
  const char *path = g_variant_get_string (parameter, NULL);
  g_autofree char *with_suffix = NULL;

  if (self->cancellable != NULL || *path == '\0')
    return;
  if (!g_str_has_suffix (path, ".scsp"))
    path = with_suffix = g_strconcat (path, ".scsp", NULL);
  set_path (self, path);
}

static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     gpointer         user_data)
{
  ScsExportDialog *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        gtk_widget_activate_action (GTK_WIDGET (self), "export.set-target", "s", path);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
choose_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ScsExportDialog *self = SCS_EXPORT_DIALOG (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(ScsOrganization) org = scs_workspace_dup_organization (self->workspace);
  g_autofree char *name = g_strdup_printf ("%s.scsp", org->name);

  chooser = gtk_file_chooser_native_new (_("Export Submission Package"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Submission packages"));
  gtk_file_filter_add_pattern (filter, "*.scsp");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static gboolean
on_close_request (GtkWindow *window)
{
  ScsExportDialog *self = SCS_EXPORT_DIALOG (window);

  /* closing while writing cancels; the window goes when the worker is done */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  return FALSE;
}

static void
scs_export_dialog_dispose (GObject *object)
{
  ScsExportDialog *self = SCS_EXPORT_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->pulse_id, g_source_remove);
  g_clear_object (&self->workspace);
  gtk_widget_dispose_template (GTK_WIDGET (self), SCS_TYPE_EXPORT_DIALOG);

  G_OBJECT_CLASS (scs_export_dialog_parent_class)->dispose (object);
}

static void
scs_export_dialog_finalize (GObject *object)
{
  ScsExportDialog *self = SCS_EXPORT_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_free (self->path);

  G_OBJECT_CLASS (scs_export_dialog_parent_class)->finalize (object);
}

/* Printing */

static void
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                ScsPdfWriter      *writer)
{
  gtk_print_operation_set_n_pages (operation, scs_pdf_writer_get_n_pages (writer));
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              ScsPdfWriter      *writer)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double scale = MIN (gtk_print_context_get_width (context) / SCS_PDF_PAGE_WIDTH,
                      gtk_print_context_get_height (context) / SCS_PDF_PAGE_HEIGHT);

  cairo_save (cr);
  cairo_scale (cr, scale, scale);
  scs_pdf_writer_render_page (writer, cr, page_nr);
  cairo_restore (cr);
}

/* @language: (nullable): "ja" or "en", the export dialog's choice; %NULL:
 *   the language management chose when declaring, else Japanese, the
 *   default of every report
 *
 * The report as a print operation: the same pages as report.pdf, in the
 * report's language, never the window's (a signed report keeps the
 * language it was declared in, whatever @language says, as its export
 * does), A4, with the draft watermark unless the assessment is signed.
 */
static GtkPrintOperation *
print_operation_new (ScsWorkspace  *workspace,
                     const char    *language,
                     GError       **error)
{
  g_autoptr(ScsPdfWriter) writer = NULL;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autofree char *declared = NULL;
  ScsReportOptions options = { 0 };
  GtkPrintOperation *operation;

  g_return_val_if_fail (SCS_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (language == NULL || g_str_equal (language, "ja") || g_str_equal (language, "en"), NULL);

  declared = scs_declaration_dup_report_language (workspace);
  options.draft = !is_signed (workspace);
  options.language = declared != NULL ? declared : language != NULL ? language : "ja";
  writer = scs_report_build (workspace, &options, error);
  if (writer == NULL)
    return NULL;

  operation = gtk_print_operation_new ();
  gtk_page_setup_set_paper_size (setup, a4);
  gtk_print_operation_set_default_page_setup (operation, setup);
  /* the pages carry their own margins */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (operation, _("Self-assessment report"));
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print), writer);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), writer);
  /* the pages live as long as the operation */
  g_object_set_data_full (G_OBJECT (operation), "scs-report-writer", g_steal_pointer (&writer), g_object_unref);
  return operation;
}

/* Through the print dialog, or as PDF to @pdf_path (nullable) without one. */
static GtkPrintOperationResult
print_report (GtkWindow     *parent,
              ScsWorkspace  *workspace,
              const char    *language,
              const char    *pdf_path,
              GError       **error)
{
  g_autoptr(GtkPrintOperation) operation = print_operation_new (workspace, language, error);

  if (operation == NULL)
    return GTK_PRINT_OPERATION_RESULT_ERROR;
  if (pdf_path == NULL)
    return gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, error);
  gtk_print_operation_set_export_filename (operation, pdf_path);
  return gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, parent, error);
}

GtkPrintOperationResult
scs_export_print_report (GtkWindow     *parent,
                         ScsWorkspace  *workspace,
                         const char    *language,
                         GError       **error)
{
  return print_report (parent, workspace, language, NULL, error);
}

/* export.print (s): "" prints the report through the print dialog; a path
 * writes the pages the printer would get there as PDF instead, through
 * the same print operation, without a dialog. */
static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  ScsExportDialog *self = SCS_EXPORT_DIALOG (widget);
  const char *pdf_path = g_variant_get_string (parameter, NULL);
  g_autoptr(GError) error = NULL;

  if (print_report (GTK_WINDOW (self), self->workspace, report_language (self),
                    *pdf_path != '\0' ? pdf_path : NULL, &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    set_status (self, error->message);
}

static void
scs_export_dialog_class_init (ScsExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = scs_export_dialog_dispose;
  object_class->finalize = scs_export_dialog_finalize;
  window_class->close_request = on_close_request;

  signals[FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/jp/scsworkbench/Workbench/scs-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ScsExportDialog, draft_row);
  gtk_widget_class_bind_template_child (widget_class, ScsExportDialog, draft_switch);
  gtk_widget_class_bind_template_child (widget_class, ScsExportDialog, file_row);
  gtk_widget_class_bind_template_child (widget_class, ScsExportDialog, language_row);
  gtk_widget_class_bind_template_child (widget_class, ScsExportDialog, missing_group);
  gtk_widget_class_bind_template_child (widget_class, ScsExportDialog, progress);
  gtk_widget_class_bind_template_child (widget_class, ScsExportDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, ScsExportDialog, export_button);

  gtk_widget_class_install_action (widget_class, "export.choose", NULL, choose_action);
  gtk_widget_class_install_action (widget_class, "export.set-target", "s", set_target_action);
  gtk_widget_class_install_action (widget_class, "export.start", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "export.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "export.print", "s", print_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "export.cancel", NULL);
}

static void
scs_export_dialog_init (ScsExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Missing items --------------------------------------------------------- */

typedef struct
{
  char     *action;
  GVariant *target;
} GoTo;

static void
go_to_free (gpointer data,
            GClosure *closure)
{
  GoTo *go = data;

  g_free (go->action);
  g_clear_pointer (&go->target, g_variant_unref);
  g_free (go);
}

/* The window's action that leads to the missing item; the dialog closes. */
static void
on_go_to_clicked (GtkButton *button,
                  GoTo      *go)
{
  GtkWidget *dialog = gtk_widget_get_ancestor (GTK_WIDGET (button), SCS_TYPE_EXPORT_DIALOG);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));

  if (parent != NULL)
    gtk_widget_activate_action_variant (GTK_WIDGET (parent), go->action, go->target);
  gtk_window_close (GTK_WINDOW (dialog));
}

static void
add_missing (ScsExportDialog *self,
             const char      *title,
             const char      *button_label,
             const char      *action,
             GVariant        *target)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_add_css_class (row, "property");
  if (action != NULL)
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (button_label);
      GoTo *go = g_new0 (GoTo, 1);

      go->action = g_strdup (action);
      go->target = target != NULL ? g_variant_ref_sink (target) : NULL;
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      g_signal_connect_data (button, "clicked", G_CALLBACK (on_go_to_clicked), go, go_to_free, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  adw_preferences_group_add (self->missing_group, row);
  gtk_widget_set_visible (GTK_WIDGET (self->missing_group), TRUE);
}

/* What the final package still needs: the answers, the expert's signature,
 * management's signed declaration. */
static void
list_missing (ScsExportDialog *self)
{
  ScsWorkspace *workspace = self->workspace;
  ScsCatalog *catalog = scs_workspace_get_catalog (workspace);
  guint level = scs_workspace_get_target_level (workspace);
  g_autoptr(ScsSignatureInfo) expert = scs_signature_dup_info (workspace, SCS_SIGNATURE_ROLE_EXPERT);
  g_autoptr(ScsSignatureInfo) management = scs_signature_dup_info (workspace, SCS_SIGNATURE_ROLE_MANAGEMENT);
  ScsProgress progress;

  if (!scs_catalog_criteria_complete (catalog, level))
    {
      g_autofree char *text = scs_catalog_describe_missing (catalog, level);

      add_missing (self, text, NULL, NULL, NULL);
    }
  scs_workspace_get_progress (workspace, 0, level, &progress);
  if (progress.satisfied < progress.total)
    {
      GListModel *answers = scs_workspace_get_answers (workspace);
      const char *first = NULL;
      g_autofree char *text = NULL;

      for (guint i = 0; i < g_list_model_get_n_items (answers) && first == NULL; i++)
        {
          g_autoptr(ScsAnswer) answer = g_list_model_get_item (answers, i);

          if (scs_answer_get_criterion (answer)->level <= level && !scs_answer_is_satisfied (answer))
            first = scs_answer_get_criterion_id (answer);
        }
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u criterion is not yet met or not applicable with a reason",
                                           "%u criteria are not yet met or not applicable with a reason",
                                           progress.total - progress.satisfied),
                              progress.total - progress.satisfied);
      add_missing (self, text, _("_Show"), first != NULL ? "win.goto-criterion" : NULL,
                   first != NULL ? g_variant_new_string (first) : NULL);
    }
  if (expert == NULL)
    add_missing (self, _("The security expert has not signed the assessment"), _("_Review"),
                 "win.show-review", g_variant_new_string (""));
  if (management == NULL)
    add_missing (self, _("Management has not signed the self-declaration"), _("_Review"),
                 "win.show-review", g_variant_new_string (""));
}

ScsExportDialog *
scs_export_dialog_new (GtkWindow    *parent,
                       ScsWorkspace *workspace)
{
  ScsExportDialog *self;
  gboolean signed_ = FALSE;
  gboolean read_only;

  g_return_val_if_fail (SCS_IS_WORKSPACE (workspace), NULL);

  self = g_object_new (SCS_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->workspace = g_object_ref (workspace);
  signed_ = is_signed (workspace);
  list_missing (self);
  if (signed_)
    {
      g_autofree char *declared = scs_declaration_dup_report_language (workspace);

      /* the signed report is what goes into the package: its language was
       * chosen when management declared */
      adw_combo_row_set_selected (self->language_row, g_strcmp0 (declared, "en") == 0 ? 1 : 0);
      gtk_widget_set_sensitive (GTK_WIDGET (self->language_row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->language_row),
                                   _("Chosen when management declared: the signed report keeps its language"));
    }
  read_only = scs_workspace_is_read_only (workspace);
  gtk_switch_set_active (self->draft_switch, !signed_ || read_only);
  if (!signed_)
    {
      /* nothing else is possible until the expert and management have signed */
      gtk_widget_set_sensitive (GTK_WIDGET (self->draft_switch), FALSE);
      adw_action_row_set_subtitle (self->draft_row,
                                   _("Not signed yet: only a draft can be exported. It is watermarked and "
                                     "carries no signatures."));
    }
  else if (read_only)
    {
      /* a final package is recorded in the workspace, which cannot be written */
      gtk_widget_set_sensitive (GTK_WIDGET (self->draft_switch), FALSE);
      adw_action_row_set_subtitle (self->draft_row,
                                   _("The workspace is open read-only: only a draft can be exported. "
                                     "To submit the final package, copy the workspace to a folder you "
                                     "can write to and open it from there."));
    }
  {
    const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
    /* next to the workspace, unless that folder cannot be written */
    g_autofree char *dir = !read_only ? g_path_get_dirname (scs_workspace_get_path (workspace))
                                      : g_strdup (documents != NULL ? documents : g_get_home_dir ());
    g_autofree char *base = g_path_get_basename (scs_workspace_get_path (workspace));
    g_autofree char *stem = g_str_has_suffix (base, ".scsw") ? g_strndup (base, strlen (base) - 5) : g_strdup (base);
    g_autofree char *name = g_strconcat (stem, signed_ && !read_only ? ".scsp" : "-draft.scsp", NULL);
    g_autofree char *path = g_build_filename (dir, name, NULL);

    set_path (self, path);
  }
  return self;
}
