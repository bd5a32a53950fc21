/* scs-preferences-window.c: language and "who am I"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two settings, both stored in GSettings (jp.scsworkbench.Workbench) and
 * bound directly to their rows, so there is nothing to apply or save:
 * "language" (follow the system, 日本語 or English; gettext is set up once at
 * start, so the page says it applies at the next start) and "actor-name",
 * the name recorded in the audit log with every change.
 */

#include "config.h"

#include "scs-preferences-window.h"
#include "scs-profile-page.h"
#include "scs-window.h"

#include <glib/gi18n-lib.h>

struct _ScsPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  AdwComboRow          *language_row;
  AdwEntryRow          *actor_row;
  AdwActionRow         *catalog_row;

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

static void
scs_preferences_window_dispose (GObject *object)
{
  ScsPreferencesWindow *self = SCS_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);

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
  gtk_widget_class_install_action (widget_class, "preferences.load-catalog", NULL, load_catalog_action);
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
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preferences.load-catalog", FALSE);
  /* "Who am I" for reviews and signatures: the local profile file. */
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                              ADW_PREFERENCES_PAGE (scs_profile_page_new (NULL)));
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
