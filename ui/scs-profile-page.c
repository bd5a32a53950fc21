/* scs-profile-page.c: the "who am I" page of the preferences
 *
 * Edits the local ScsProfile (name, organisation, role; for experts the
 * qualification, the 6-digit 情報処理安全確保支援士 registration number, the
 * scheme training date and the signing certificate reference). The form
 * writes into the profile object as the user types and checks it with
 * scs_profile_validate() at once, so a bad registration number is marked
 * on its row before anything is saved; profile.save writes the file only
 * when it validates. Passphrases never come here: the certificate is a
 * file path or a PKCS#11 URI.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "scs-profile-page.h"

#include <glib/gi18n-lib.h>

#include "scs-ui-resources.h"

struct _ScsProfilePage
{
  AdwPreferencesPage parent_instance;

  ScsProfile   *profile;
  char         *problem;
  gboolean      syncing;

  AdwEntryRow  *name_row;
  AdwEntryRow  *organization_row;
  AdwComboRow  *role_row;
  GtkWidget    *expert_group;
  AdwComboRow  *qualification_row;
  AdwEntryRow  *registration_row;
  AdwEntryRow  *training_row;
  AdwEntryRow  *certificate_row;
  GtkLabel     *problem_label;
};

G_DEFINE_FINAL_TYPE (ScsProfilePage, scs_profile_page, ADW_TYPE_PREFERENCES_PAGE)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
text_of (AdwEntryRow *row)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  return *text ? text : NULL;
}

static void
validate (ScsProfilePage *self)
{
  g_autoptr(GError) error = NULL;
  const char *number = text_of (self->registration_row);
  gboolean number_ok = number == NULL || scs_registration_number_is_valid (number);

  g_clear_pointer (&self->problem, g_free);
  if (!number_ok)
    self->problem = g_strdup (_("The registration number has exactly 6 digits"));
  else if (!scs_profile_validate (self->profile, &error))
    self->problem = g_strdup (error->message);

  if (number_ok)
    gtk_widget_remove_css_class (GTK_WIDGET (self->registration_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->registration_row), "error");
  gtk_label_set_text (self->problem_label, self->problem ? self->problem : "");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "profile.save", self->problem == NULL);
}

static void
on_changed (ScsProfilePage *self)
{
  ScsRole role = adw_combo_row_get_selected (self->role_row);

  if (self->syncing)
    return;

  scs_profile_set_name (self->profile, text_of (self->name_row));
  scs_profile_set_organization (self->profile, text_of (self->organization_row));
  if (role < SCS_N_ROLES)
    scs_profile_set_role (self->profile, role);
  if (adw_combo_row_get_selected (self->qualification_row) < SCS_N_QUALIFICATIONS)
    scs_profile_set_qualification (self->profile, adw_combo_row_get_selected (self->qualification_row));
  scs_profile_set_registration (self->profile, text_of (self->registration_row));
  scs_profile_set_training_date (self->profile, text_of (self->training_row));
  scs_profile_set_certificate (self->profile, text_of (self->certificate_row));
  /* The expert fields matter for experts and their assistants only. */
  gtk_widget_set_visible (self->expert_group, role < SCS_N_ROLES && scs_role_is_reviewer (role));
  validate (self);
}

static void
sync_from_profile (ScsProfilePage *self)
{
  self->syncing = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), scs_profile_get_name (self->profile) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->organization_row), scs_profile_get_organization (self->profile) ?: "");
  adw_combo_row_set_selected (self->role_row, scs_profile_get_role (self->profile));
  adw_combo_row_set_selected (self->qualification_row, scs_profile_get_qualification (self->profile));
  gtk_editable_set_text (GTK_EDITABLE (self->registration_row), scs_profile_get_registration (self->profile) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->training_row), scs_profile_get_training_date (self->profile) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->certificate_row), scs_profile_get_certificate (self->profile) ?: "");
  self->syncing = FALSE;
  gtk_widget_set_visible (self->expert_group, scs_role_is_reviewer (scs_profile_get_role (self->profile)));
  validate (self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ScsProfilePage *self = SCS_PROFILE_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (!scs_profile_save (self->profile, &error))
    {
      g_free (self->problem);
      /* Translators: %s says why, e.g. the registration number is wrong */
      self->problem = g_strdup_printf (_("Could not save the profile: %s"), error->message);
      gtk_label_set_text (self->problem_label, self->problem);
      return;
    }
  gtk_label_set_text (self->problem_label, _("Saved. It applies to workspaces opened from now on."));
  g_signal_emit (self, signals[SAVED], 0);
}

static void
scs_profile_page_dispose (GObject *object)
{
  ScsProfilePage *self = SCS_PROFILE_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SCS_TYPE_PROFILE_PAGE);
  g_clear_object (&self->profile);

  G_OBJECT_CLASS (scs_profile_page_parent_class)->dispose (object);
}

static void
scs_profile_page_finalize (GObject *object)
{
  g_free (SCS_PROFILE_PAGE (object)->problem);

  G_OBJECT_CLASS (scs_profile_page_parent_class)->finalize (object);
}

static void
scs_profile_page_class_init (ScsProfilePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = scs_profile_page_dispose;
  object_class->finalize = scs_profile_page_finalize;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  (void) scs_ui_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class, "/jp/scsworkbench/Workbench/scs-profile-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ScsProfilePage, name_row);
  gtk_widget_class_bind_template_child (widget_class, ScsProfilePage, organization_row);
  gtk_widget_class_bind_template_child (widget_class, ScsProfilePage, role_row);
  gtk_widget_class_bind_template_child (widget_class, ScsProfilePage, expert_group);
  gtk_widget_class_bind_template_child (widget_class, ScsProfilePage, qualification_row);
  gtk_widget_class_bind_template_child (widget_class, ScsProfilePage, registration_row);
  gtk_widget_class_bind_template_child (widget_class, ScsProfilePage, training_row);
  gtk_widget_class_bind_template_child (widget_class, ScsProfilePage, certificate_row);
  gtk_widget_class_bind_template_child (widget_class, ScsProfilePage, problem_label);
  gtk_widget_class_bind_template_callback (widget_class, on_changed);

  gtk_widget_class_install_action (widget_class, "profile.save", NULL, save_action);
}

static void
scs_profile_page_init (ScsProfilePage *self)
{
  g_autoptr(GtkStringList) roles = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) qualifications = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->syncing = TRUE;
  for (guint i = 0; i < SCS_N_ROLES; i++)
    gtk_string_list_append (roles, scs_role_get_label (i));
  for (guint i = 0; i < SCS_N_QUALIFICATIONS; i++)
    gtk_string_list_append (qualifications, scs_qualification_get_label (i));
  adw_combo_row_set_model (self->role_row, G_LIST_MODEL (roles));
  adw_combo_row_set_model (self->qualification_row, G_LIST_MODEL (qualifications));
  self->syncing = FALSE;
}

GtkWidget *
scs_profile_page_new (ScsProfile *profile)
{
  ScsProfilePage *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (profile == NULL || SCS_IS_PROFILE (profile), NULL);

  self = g_object_new (SCS_TYPE_PROFILE_PAGE, NULL);
  if (profile != NULL)
    self->profile = g_object_ref (profile);
  else if ((self->profile = scs_profile_load_default (&error)) == NULL)
    {
      g_warning ("Could not read the profile: %s", error->message);
      self->profile = scs_profile_new ();
    }
  sync_from_profile (self);
  return GTK_WIDGET (self);
}
