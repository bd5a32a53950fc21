/* scs-new-workspace-dialog.c: the assistant that creates a workspace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One form, top to bottom: the organisation (name, trade name, corporate
 * or sole proprietor, 法人番号), address and contact, and the target level.
 * The 法人番号 is checked as the user types with the core's check-digit
 * validator, so a mistyped digit is caught here and not in a reviewer's
 * hands months later; the error is shown under the row and the row turns
 * red, a valid number gets a check mark. "Create…" is sensitive only while
 * the form is valid; it asks where to save and then activates
 * "dialog.create" (s: path), which creates the file against the built-in
 * catalog. If that fails the message stays in the dialog and nothing is
 * created; on success "created" is emitted and the dialog closes.
 */

#include "config.h"

#include "scs-new-workspace-dialog.h"

#include <glib/gi18n-lib.h>

#include "scs-corporate-number.h"

struct _ScsNewWorkspaceDialog
{
  AdwWindow             parent_instance;

  GtkButton            *create_button;
  GtkRevealer          *error_revealer;
  GtkLabel             *error_label;
  AdwEntryRow          *name_row;
  AdwEntryRow          *trade_name_row;
  GtkSwitch            *sole_switch;
  AdwEntryRow          *corporate_number_row;
  GtkImage             *corporate_number_ok;
  GtkLabel             *corporate_number_message;
  AdwEntryRow          *address_row;
  AdwEntryRow          *contact_name_row;
  AdwEntryRow          *contact_email_row;
  AdwEntryRow          *contact_phone_row;
  AdwComboRow          *type_row;
  GtkWidget            *level_group;
  GtkCheckButton       *level3_check;
  GtkCheckButton       *level4_check;

  GtkFileChooserNative *chooser;
  char                 *corporate_number;  /* normalised, NULL unless valid */
  gboolean              valid;
};

G_DEFINE_FINAL_TYPE (ScsNewWorkspaceDialog, scs_new_workspace_dialog, ADW_TYPE_WINDOW)

enum {
  CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
dup_row_text (AdwEntryRow *row)
{
  char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));

  g_strstrip (text);
  if (*text == '\0')
    g_clear_pointer (&text, g_free);

  return text;
}

static void
scs_new_workspace_dialog_show_error (ScsNewWorkspaceDialog *self,
                                     const char            *message)
{
  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

static void
on_form_changed (ScsNewWorkspaceDialog *self)
{
  g_autofree char *name = dup_row_text (self->name_row);
  g_autofree char *number = dup_row_text (self->corporate_number_row);
  gboolean sole = gtk_switch_get_active (self->sole_switch);
  gboolean number_ok = FALSE;
  GtkWidget *number_row = GTK_WIDGET (self->corporate_number_row);

  g_clear_pointer (&self->corporate_number, g_free);

  /* A sole proprietor has no 法人番号: the row goes away rather than
   * sitting there greyed out and raising the question. */
  gtk_widget_set_visible (number_row, !sole);

  if (!sole && number != NULL)
    {
      g_autoptr(GError) error = NULL;

      number_ok = scs_corporate_number_validate (number, &self->corporate_number, &error);
      gtk_widget_set_visible (GTK_WIDGET (self->corporate_number_message), !number_ok);
      if (number_ok)
        gtk_widget_remove_css_class (number_row, "error");
      else
        {
          gtk_widget_add_css_class (number_row, "error");
          gtk_label_set_label (self->corporate_number_message, error->message);
        }
    }
  else
    {
      gtk_widget_remove_css_class (number_row, "error");
      gtk_widget_set_visible (GTK_WIDGET (self->corporate_number_message), FALSE);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->corporate_number_ok), number_ok);

  self->valid = name != NULL && (sole || number_ok);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.create", self->valid);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.choose-location", self->valid);
}

/* NULL while the form is not valid (the message is shown in the form). */
static ScsOrganization *
scs_new_workspace_dialog_get_organization (ScsNewWorkspaceDialog *self)
{
  g_autoptr(ScsOrganization) org = NULL;
  g_autoptr(GError) error = NULL;

  if (!self->valid)
    return NULL;

  org = scs_organization_new ();
  org->name = dup_row_text (self->name_row);
  org->trade_name = dup_row_text (self->trade_name_row);
  org->sole_proprietor = gtk_switch_get_active (self->sole_switch);
  org->corporate_number = org->sole_proprietor ? NULL : g_strdup (self->corporate_number);
  org->address = dup_row_text (self->address_row);
  org->contact_name = dup_row_text (self->contact_name_row);
  org->contact_email = dup_row_text (self->contact_email_row);
  org->contact_phone = dup_row_text (self->contact_phone_row);

  /* The form checks the same rules as it goes; this is the core's word. */
  if (!scs_organization_validate (org, &error))
    {
      scs_new_workspace_dialog_show_error (self, error->message);
      return NULL;
    }

  return g_steal_pointer (&org);
}

static guint
scs_new_workspace_dialog_get_level (ScsNewWorkspaceDialog *self)
{
  return gtk_check_button_get_active (self->level4_check) ? 4 : 3;
}

/* The combo's order is ScsWorkspaceType's. */
static ScsWorkspaceType
scs_new_workspace_dialog_get_workspace_type (ScsNewWorkspaceDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->type_row);
  return selected < SCS_N_WORKSPACE_TYPES ? (ScsWorkspaceType) selected : SCS_WORKSPACE_TYPE_SCS;
}

static void
scs_new_workspace_dialog_create_action (GtkWidget  *widget,
                                        const char *action_name,
                                        GVariant   *parameter)
{
  ScsNewWorkspaceDialog *self = SCS_NEW_WORKSPACE_DIALOG (widget);
  const char *path = g_variant_get_string (parameter, NULL);
  g_autoptr(ScsOrganization) org = NULL;
  g_autoptr(ScsCatalog) catalog = NULL;
  g_autoptr(ScsWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;

  org = scs_new_workspace_dialog_get_organization (self);
  if (org == NULL)
    {
      scs_new_workspace_dialog_show_error (self, _("Fill in the company name and a valid corporate number first."));
      return;
    }

  catalog = scs_workspace_type_new_catalog (scs_new_workspace_dialog_get_workspace_type (self));
  workspace = scs_workspace_create_typed (path, scs_new_workspace_dialog_get_workspace_type (self),
                                          org, scs_new_workspace_dialog_get_level (self),
                                          catalog, &error);
  if (workspace == NULL)
    {
      scs_new_workspace_dialog_show_error (self, error->message);
      return;
    }

  scs_new_workspace_dialog_show_error (self, NULL);
  g_signal_emit (self, signals[CREATED], 0, workspace);
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_chooser_response (GtkNativeDialog       *chooser,
                     int                    response,
                     ScsNewWorkspaceDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        gtk_widget_activate_action (GTK_WIDGET (self), "dialog.create", "s", path);
      else
        scs_new_workspace_dialog_show_error (self, _("Workspaces can only be saved to a local folder."));
    }

  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->chooser);
}

static void
scs_new_workspace_dialog_choose_location_action (GtkWidget  *widget,
                                                 const char *action_name,
                                                 GVariant   *parameter)
{
  ScsNewWorkspaceDialog *self = SCS_NEW_WORKSPACE_DIALOG (widget);
  g_autofree char *name = dup_row_text (self->name_row);
  g_autofree char *file_name = NULL;
  g_autoptr(GtkFileFilter) filter = NULL;

  if (!self->valid || name == NULL)
    return;

  if (self->chooser != NULL)
    {
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
      return;
    }

  /* The company name becomes the file name; a slash cannot be in one. */
  g_strdelimit (name, G_DIR_SEPARATOR_S, '_');
  file_name = g_strconcat (name, ".scsw", NULL);

  self->chooser = gtk_file_chooser_native_new (_("Save Workspace"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Create"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), file_name);

  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("SCS Workbench workspaces"));
  gtk_file_filter_add_pattern (filter, "*.scsw");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);

  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
scs_new_workspace_dialog_dispose (GObject *object)
{
  ScsNewWorkspaceDialog *self = SCS_NEW_WORKSPACE_DIALOG (object);

  if (self->chooser != NULL)
    {
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), SCS_TYPE_NEW_WORKSPACE_DIALOG);

  G_OBJECT_CLASS (scs_new_workspace_dialog_parent_class)->dispose (object);
}

static void
scs_new_workspace_dialog_finalize (GObject *object)
{
  ScsNewWorkspaceDialog *self = SCS_NEW_WORKSPACE_DIALOG (object);

  g_free (self->corporate_number);

  G_OBJECT_CLASS (scs_new_workspace_dialog_parent_class)->finalize (object);
}

static void
scs_new_workspace_dialog_class_init (ScsNewWorkspaceDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = scs_new_workspace_dialog_dispose;
  object_class->finalize = scs_new_workspace_dialog_finalize;

  /**
   * ScsNewWorkspaceDialog::created:
   * @workspace: the new, open workspace
   *
   * The workspace file exists; the dialog closes right after.
   */
  signals[CREATED] =
    g_signal_new ("created",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, SCS_TYPE_WORKSPACE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/jp/scsworkbench/Workbench/scs-new-workspace-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ScsNewWorkspaceDialog, create_button);
  gtk_widget_class_bind_template_child (widget_class, ScsNewWorkspaceDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, ScsNewWorkspaceDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, ScsNewWorkspaceDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, ScsNewWorkspaceDialog, trade_name_row);
  gtk_widget_class_bind_template_child (widget_class, ScsNewWorkspaceDialog, sole_switch);
  gtk_widget_class_bind_template_child (widget_class, ScsNewWorkspaceDialog, corporate_number_row);
  gtk_widget_class_bind_template_child (widget_class, ScsNewWorkspaceDialog, corporate_number_ok);
  gtk_widget_class_bind_template_child (widget_class, ScsNewWorkspaceDialog, corporate_number_message);
  gtk_widget_class_bind_template_child (widget_class, ScsNewWorkspaceDialog, address_row);
  gtk_widget_class_bind_template_child (widget_class, ScsNewWorkspaceDialog, contact_name_row);
  gtk_widget_class_bind_template_child (widget_class, ScsNewWorkspaceDialog, contact_email_row);
  gtk_widget_class_bind_template_child (widget_class, ScsNewWorkspaceDialog, contact_phone_row);
  gtk_widget_class_bind_template_child (widget_class, ScsNewWorkspaceDialog, type_row);
  gtk_widget_class_bind_template_child (widget_class, ScsNewWorkspaceDialog, level_group);
  gtk_widget_class_bind_template_child (widget_class, ScsNewWorkspaceDialog, level3_check);
  gtk_widget_class_bind_template_child (widget_class, ScsNewWorkspaceDialog, level4_check);
  gtk_widget_class_bind_template_callback (widget_class, on_form_changed);

  gtk_widget_class_install_action (widget_class, "dialog.create", "s",
                                   scs_new_workspace_dialog_create_action);
  gtk_widget_class_install_action (widget_class, "dialog.choose-location", NULL,
                                   scs_new_workspace_dialog_choose_location_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

/* The target level is the SCS scheme's; other types have their own steps. */
static void
on_type_changed (ScsNewWorkspaceDialog *self)
{
  gtk_widget_set_visible (self->level_group,
                          scs_new_workspace_dialog_get_workspace_type (self) == SCS_WORKSPACE_TYPE_SCS);
}

static void
scs_new_workspace_dialog_init (ScsNewWorkspaceDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->type_row, "notify::selected", G_CALLBACK (on_type_changed), self);

  on_form_changed (self);
}

ScsNewWorkspaceDialog *
scs_new_workspace_dialog_new (GtkWindow *parent)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  return g_object_new (SCS_TYPE_NEW_WORKSPACE_DIALOG,
                       "transient-for", parent,
                       NULL);
}
