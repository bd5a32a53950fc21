/* scs-first-run-dialog.c: who is using the workbench, asked once
 *
 * Every change is recorded with a name, and reviews and declarations
 * depend on the role. Without a profile the name would be the login name
 * ("root"); so on the first start the workbench asks for the name and the
 * role, writes the profile (scs_profile_save (), validated) and applies it
 * to the open windows at once. The rest of the profile (qualification,
 * certificate) stays in Preferences.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "scs-first-run-dialog.h"

#include <glib/gi18n-lib.h>

#include "scs-window.h"

struct _ScsFirstRunDialog
{
  AdwMessageDialog  parent_instance;

  ScsProfile       *profile;
  AdwEntryRow      *name_row;
  AdwComboRow      *role_row;
};

G_DEFINE_FINAL_TYPE (ScsFirstRunDialog, scs_first_run_dialog, ADW_TYPE_MESSAGE_DIALOG)

gboolean
scs_first_run_needed (void)
{
  g_autoptr(ScsProfile) profile = scs_profile_load_default (NULL);
  const char *name = profile ? scs_profile_get_name (profile) : NULL;

  /* An unreadable profile is reported where it is used, not asked over. */
  return profile != NULL && (name == NULL || *name == '\0');
}

static void
update_response (ScsFirstRunDialog *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "save", *name != '\0');
}

static void
scs_first_run_dialog_response (AdwMessageDialog *dialog,
                               const char       *response)
{
  ScsFirstRunDialog *self = SCS_FIRST_RUN_DIALOG (dialog);
  g_autofree char *name = NULL;
  g_autoptr(GError) error = NULL;
  guint role;

  if (g_str_equal (response, "save"))
    {
      name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
      role = adw_combo_row_get_selected (self->role_row);
      scs_profile_set_name (self->profile, name);
      if (role < SCS_N_ROLES)
        scs_profile_set_role (self->profile, role);
      if (!scs_profile_save (self->profile, &error))
        {
          /* Translators: %s says why */
          g_autofree char *problem = g_strdup_printf (_("Could not save the profile: %s"), error->message);
          GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

          /* the dialog closes: the window says it */
          if (parent != NULL)
            gtk_widget_activate_action (GTK_WIDGET (parent), "win.toast", "s", problem);
        }
      else
        scs_window_apply_profile_everywhere ();
    }

  /* libadwaita 1.2 has no default handler to chain up to */
  if (ADW_MESSAGE_DIALOG_CLASS (scs_first_run_dialog_parent_class)->response != NULL)
    ADW_MESSAGE_DIALOG_CLASS (scs_first_run_dialog_parent_class)->response (dialog, response);
}

static void
scs_first_run_dialog_finalize (GObject *object)
{
  ScsFirstRunDialog *self = SCS_FIRST_RUN_DIALOG (object);

  g_clear_object (&self->profile);

  G_OBJECT_CLASS (scs_first_run_dialog_parent_class)->finalize (object);
}

static void
scs_first_run_dialog_class_init (ScsFirstRunDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  AdwMessageDialogClass *dialog_class = ADW_MESSAGE_DIALOG_CLASS (klass);

  object_class->finalize = scs_first_run_dialog_finalize;
  dialog_class->response = scs_first_run_dialog_response;
}

static void
scs_first_run_dialog_init (ScsFirstRunDialog *self)
{
  g_autoptr(GtkStringList) roles = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  GtkWidget *group = adw_preferences_group_new ();
  const char *real_name = g_get_real_name ();

  self->profile = scs_profile_load_default (&error);
  if (self->profile == NULL)
    self->profile = scs_profile_new ();
  for (guint i = 0; i < SCS_N_ROLES; i++)
    gtk_string_list_append (roles, scs_role_get_label (i));

  self->name_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  gtk_widget_set_name (GTK_WIDGET (self->name_row), "name");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->name_row), _("Your name"));
  if (real_name != NULL && *real_name != '\0' && !g_str_equal (real_name, "Unknown"))
    gtk_editable_set_text (GTK_EDITABLE (self->name_row), real_name);
  g_signal_connect_object (self->name_row, "changed", G_CALLBACK (update_response), self, G_CONNECT_SWAPPED);
  self->role_row = ADW_COMBO_ROW (adw_combo_row_new ());
  gtk_widget_set_name (GTK_WIDGET (self->role_row), "role");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->role_row), _("Your role"));
  adw_combo_row_set_model (self->role_row, G_LIST_MODEL (roles));
  adw_combo_row_set_selected (self->role_row, scs_profile_get_role (self->profile));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->name_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->role_row));

  adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), _("Who Is Using the Workbench?"));
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self),
                               _("Every change is recorded with your name, and your role decides what you "
                                 "may do: staff answer, the expert reviews and signs, management declares. "
                                 "Qualifications and certificates can be added later under Preferences."));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (self), group);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (self),
                                    "later", _("_Later"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (self), "later");
  update_response (self);
}

ScsFirstRunDialog *
scs_first_run_dialog_new (GtkWindow *parent)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  return g_object_new (SCS_TYPE_FIRST_RUN_DIALOG, "transient-for", parent, "modal", TRUE, NULL);
}
