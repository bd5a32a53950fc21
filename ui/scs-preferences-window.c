/* scs-preferences-window.c: language and "who am I"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The trusted CA certificates (a list with their subject and expiry, added
 * from PEM or DER files), the time-stamp authority and whether (and from
 * which OCSP responder) the signing certificate's revocation status is
 * attached to each signature are GSettings too (scs-trust-settings.c). The first two settings, stored in GSettings (jp.scsworkbench.Workbench) and
 * bound directly to their rows, so there is nothing to apply or save:
 * "language" (follow the system, 日本語 or English; gettext is set up once at
 * start, so the page says it applies at the next start) and "actor-name",
 * the name recorded in the audit log with every change.
 */

#include "config.h"

#include "scs-preferences-window.h"
#include "scs-toast.h"
#include "scs-date.h"
#include "scs-list-line.h"
#include "scs-profile-page.h"
#include "scs-trust-settings.h"
#include "scs-window.h"

#include <string.h>

#include <glib/gi18n-lib.h>

struct _ScsPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  AdwComboRow          *language_row;
  AdwEntryRow          *actor_row;
  AdwActionRow         *catalog_row;
  GtkListBox           *ca_list;
  AdwEntryRow          *tsa_row;
  GtkSwitch            *revocation_switch;
  AdwEntryRow          *ocsp_row;
  GtkSpinButton        *reminder_spin;
  GListStore           *ca_lines;    /* of ScsListLine, bound to ca_list */

  GSettings            *settings;
};

G_DEFINE_FINAL_TYPE (ScsPreferencesWindow, scs_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* Position in the combo row ↔ value of the "language" key. */
static const char * const language_codes[] = { "", "ja", "en" };

static gboolean
language_get_mapping (GValue   *value,
                      GVariant *variant,
                      gpointer  user_data)
{
  const char *code = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (language_codes); i++)
    if (g_str_equal (code, language_codes[i]))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }

  g_value_set_uint (value, 0);
  return TRUE;
}

static GVariant *
language_set_mapping (const GValue       *value,
                      const GVariantType *expected_type,
                      gpointer            user_data)
{
  guint position = g_value_get_uint (value);

  if (position >= G_N_ELEMENTS (language_codes))
    position = 0;

  return g_variant_new_string (language_codes[position]);
}

/* The migration assistant belongs to the workspace's window: hand over to
 * its win.load-catalog, which the preferences window (a separate toplevel)
 * cannot reach through the widget tree. */
static GtkWidget *
workspace_window (ScsPreferencesWindow *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (SCS_IS_WINDOW (parent) && scs_window_get_workspace (SCS_WINDOW (parent)) != NULL)
    return GTK_WIDGET (parent);
  return NULL;
}

static void
load_catalog_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ScsPreferencesWindow *self = SCS_PREFERENCES_WINDOW (widget);
  GtkWidget *window = workspace_window (self);

  if (window != NULL && gtk_widget_activate_action (window, "win.load-catalog", NULL))
    gtk_window_close (GTK_WINDOW (self));
}

/* Trusted CAs: one row per certificate, subject and expiry, with a button
 * that stops trusting it (preferences.remove-ca, its index). */

static void
remove_ca_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  scs_trust_settings_remove (SCS_PREFERENCES_WINDOW (widget)->settings, g_variant_get_uint32 (parameter));
}

static void
update_ca_lines (ScsPreferencesWindow *self)
{
  g_auto(GStrv) pems = g_settings_get_strv (self->settings, "trusted-cas");
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; pems[i] != NULL; i++)
    {
      g_autoptr(ScsTrustAnchors) one = scs_trust_anchors_new ();
      g_autoptr(GBytes) bytes = g_bytes_new (pems[i], strlen (pems[i]));
      g_autofree char *subject = NULL;
      g_autofree char *subtitle = NULL;
      g_autoptr(GDateTime) expiry = NULL;
      ScsListLine *line;

      if (!scs_trust_anchors_add_data (one, bytes, "", NULL))
        continue;
      subject = scs_trust_anchors_dup_subject (one, 0);
      expiry = scs_trust_anchors_get_expiration (one, 0);
      if (expiry != NULL)
        {
          g_autofree char *date = scs_date_time_to_iso (expiry, SCS_DATE_ZONE_LOCAL);

          /* Translators: %s is a date */
          subtitle = g_strdup_printf (_("Valid until %s"), date);
        }
      line = scs_list_line_new (subject, subtitle);
      scs_list_line_add_button (line, "user-trash-symbolic", _("Stop trusting this CA"), NULL,
                                "preferences.remove-ca", g_variant_new_uint32 (i));
      g_ptr_array_add (lines, line);
    }
  scs_list_lines_update (self->ca_lines, lines);
  gtk_widget_set_visible (GTK_WIDGET (self->ca_list), lines->len > 0);
}

static void
on_ca_chosen (GtkNativeDialog *native,
              int              response,
              gpointer         user_data)
{
  ScsPreferencesWindow *self = SCS_PREFERENCES_WINDOW (user_data);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;

      /* every CA certificate in the file (PEM, bundle or DER); the list
       * follows the setting */
      if (path != NULL && !scs_trust_settings_add_file (self->settings, path, &error))
        adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), scs_toast_new (error->message));
    }
  gtk_native_dialog_destroy (native);
  g_object_unref (native);
  g_object_unref (self);
}

static void
add_ca_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ScsPreferencesWindow *self = SCS_PREFERENCES_WINDOW (widget);
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (_("Trust a CA Certificate"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Trust"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  g_signal_connect (native, "response", G_CALLBACK (on_ca_chosen), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
scs_preferences_window_dispose (GObject *object)
{
  ScsPreferencesWindow *self = SCS_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->ca_lines);

  gtk_widget_dispose_template (GTK_WIDGET (self), SCS_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (scs_preferences_window_parent_class)->dispose (object);
}

static void
scs_preferences_window_class_init (ScsPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = scs_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/jp/scsworkbench/Workbench/scs-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ScsPreferencesWindow, language_row);
  gtk_widget_class_bind_template_child (widget_class, ScsPreferencesWindow, actor_row);
  gtk_widget_class_bind_template_child (widget_class, ScsPreferencesWindow, catalog_row);
  gtk_widget_class_bind_template_child (widget_class, ScsPreferencesWindow, ca_list);
  gtk_widget_class_bind_template_child (widget_class, ScsPreferencesWindow, tsa_row);
  gtk_widget_class_bind_template_child (widget_class, ScsPreferencesWindow, revocation_switch);
  gtk_widget_class_bind_template_child (widget_class, ScsPreferencesWindow, ocsp_row);
  gtk_widget_class_bind_template_child (widget_class, ScsPreferencesWindow, reminder_spin);
  gtk_widget_class_install_action (widget_class, "preferences.add-ca", NULL, add_ca_action);
  gtk_widget_class_install_action (widget_class, "preferences.remove-ca", "u", remove_ca_action);
  gtk_widget_class_install_action (widget_class, "preferences.load-catalog", NULL, load_catalog_action);
}

static void
on_profile_saved (GtkWidget *page,
                  gpointer   data)
{
  scs_window_apply_profile_everywhere ();
}

static void
scs_preferences_window_init (ScsPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  g_settings_bind_with_mapping (self->settings, "language",
                                self->language_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                language_get_mapping, language_set_mapping,
                                NULL, NULL);
  g_settings_bind (self->settings, "actor-name",
                   self->actor_row, "text",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "reminder-days", self->reminder_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "tsa-url",
                   self->tsa_row, "text",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "attach-revocation", self->revocation_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "ocsp-url", self->ocsp_row, "text", G_SETTINGS_BIND_DEFAULT);
  self->ca_lines = g_list_store_new (SCS_TYPE_LIST_LINE);
  gtk_list_box_bind_model (self->ca_list, G_LIST_MODEL (self->ca_lines), scs_list_line_row_create, NULL, NULL);
  g_signal_connect_object (self->settings, "changed::trusted-cas",
                           G_CALLBACK (update_ca_lines), self, G_CONNECT_SWAPPED);
  update_ca_lines (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preferences.load-catalog", FALSE);
  /* "Who am I" for reviews and signatures: the local profile file. */
  {
    GtkWidget *profile_page = scs_profile_page_new (NULL);

    /* A saved profile counts at once in every open workspace */
    g_signal_connect (profile_page, "saved", G_CALLBACK (on_profile_saved), NULL);
    adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (profile_page));
  }
}

ScsPreferencesWindow *
scs_preferences_window_new (GtkWindow *parent)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  ScsPreferencesWindow *self = g_object_new (SCS_TYPE_PREFERENCES_WINDOW,
                                             "transient-for", parent,
                                             NULL);

  /* Loading a catalog needs an open workspace. */
  if (workspace_window (self) != NULL)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "preferences.load-catalog", TRUE);
  else
    adw_action_row_set_subtitle (self->catalog_row, _("Open a workspace first"));
  return self;
}
