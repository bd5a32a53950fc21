/* scs-org-dialog.c: edit the organisation's details
 *
 * Name, trade name, corporate number (法人番号, its check digit checked as
 * it is typed), address and contact, reached from the dashboard. Saving
 * goes through scs_workspace_set_organization (), which validates again,
 * writes an audit row per changed field (old → new) and refuses after the
 * expert has signed: then the form is read-only from the start and says
 * why, and a refusal that comes later (signed meanwhile) is shown as it is.
 * Only the fields the user changed are written (scs_workspace_set_organization_if):
 * a field changed by another program meanwhile is kept, and one changed here
 * too is a conflict that shows the newer value in the untouched rows and
 * keeps what the user typed for the next save.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "scs-org-dialog.h"

#include <glib/gi18n-lib.h>

#include "scs-corporate-number.h"
#include "scs-review.h"

struct _ScsOrgDialog
{
  AdwWindow     parent_instance;

  GtkLabel     *message_label;
  GtkWidget    *form_group;
  AdwEntryRow  *name_row;
  AdwEntryRow  *trade_name_row;
  GtkSwitch    *sole_switch;
  AdwEntryRow  *corporate_number_row;
  GtkLabel     *corporate_number_message;
  AdwEntryRow  *address_row;
  AdwEntryRow  *contact_row;
  AdwEntryRow  *email_row;
  AdwEntryRow  *phone_row;

  ScsWorkspace    *workspace;
  ScsOrganization *seen;   /* what the form started from */
  gboolean         sealed;
};

G_DEFINE_FINAL_TYPE (ScsOrgDialog, scs_org_dialog, ADW_TYPE_WINDOW)

enum
{
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
set_message (ScsOrgDialog *self,
             const char   *message)
{
  gtk_label_set_label (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
}

/* The row's text, stripped; NULL when blank. */
static char *
row_text (AdwEntryRow *row)
{
  char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

static void
set_row_text (AdwEntryRow *row,
              const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static void
on_form_changed (ScsOrgDialog *self)
{
  g_autofree char *name = row_text (self->name_row);
  g_autofree char *number = row_text (self->corporate_number_row);
  gboolean sole = gtk_switch_get_active (self->sole_switch);
  gboolean number_ok = sole;

  gtk_widget_set_visible (GTK_WIDGET (self->corporate_number_row), !sole);
  if (!sole && number != NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *normalized = NULL;

      number_ok = scs_corporate_number_validate (number, &normalized, &error);
      gtk_label_set_label (self->corporate_number_message, number_ok ? "" : error->message);
    }
  else if (!sole)
    gtk_label_set_label (self->corporate_number_message, _("A company needs its 13-digit corporate number."));
  gtk_widget_set_visible (GTK_WIDGET (self->corporate_number_message), !number_ok);
  if (number_ok)
    gtk_widget_remove_css_class (GTK_WIDGET (self->corporate_number_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->corporate_number_row), "error");

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "org.save", !self->sealed && name != NULL && number_ok);
}

/* Rows the user left as they were take @newer's value; @newer becomes
 * what the form started from. */
static void
take_newer (ScsOrgDialog          *self,
            const ScsOrganization *newer)
{
  struct {
    AdwEntryRow *row;
    const char  *seen;
    const char  *newer;
  } rows[] = {
    { self->name_row, self->seen->name, newer->name },
    { self->trade_name_row, self->seen->trade_name, newer->trade_name },
    { self->corporate_number_row, self->seen->corporate_number, newer->corporate_number },
    { self->address_row, self->seen->address, newer->address },
    { self->contact_row, self->seen->contact_name, newer->contact_name },
    { self->email_row, self->seen->contact_email, newer->contact_email },
    { self->phone_row, self->seen->contact_phone, newer->contact_phone },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *text = row_text (rows[i].row);

      if (g_strcmp0 (text, rows[i].seen) == 0)
        set_row_text (rows[i].row, rows[i].newer);
    }
  if (gtk_switch_get_active (self->sole_switch) == self->seen->sole_proprietor)
    gtk_switch_set_active (self->sole_switch, newer->sole_proprietor);
  scs_organization_free (self->seen);
  self->seen = scs_organization_copy (newer);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ScsOrgDialog *self = SCS_ORG_DIALOG (widget);
  g_autoptr(ScsOrganization) org = scs_organization_copy (self->seen);
  g_autoptr(GError) error = NULL;

  g_free (org->name);
  org->name = row_text (self->name_row);
  g_free (org->trade_name);
  org->trade_name = row_text (self->trade_name_row);
  org->sole_proprietor = gtk_switch_get_active (self->sole_switch);
  g_free (org->corporate_number);
  org->corporate_number = org->sole_proprietor ? NULL : row_text (self->corporate_number_row);
  g_free (org->address);
  org->address = row_text (self->address_row);
  g_free (org->contact_name);
  org->contact_name = row_text (self->contact_row);
  g_free (org->contact_email);
  org->contact_email = row_text (self->email_row);
  g_free (org->contact_phone);
  org->contact_phone = row_text (self->phone_row);

  if (!scs_workspace_set_organization_if (self->workspace, self->seen, org, &error))
    {
      if (g_error_matches (error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_CONFLICT))
        {
          g_autoptr(ScsOrganization) newer = scs_workspace_dup_organization (self->workspace);

          take_newer (self, newer);
        }
      /* the core's message says what and why (a check digit, the seal) */
      set_message (self, error->message);
      return;
    }
  set_message (self, NULL);
  g_signal_emit (self, signals[SAVED], 0);
  gtk_window_close (GTK_WINDOW (self));
}

static void
scs_org_dialog_dispose (GObject *object)
{
  ScsOrgDialog *self = SCS_ORG_DIALOG (object);

  g_clear_object (&self->workspace);
  g_clear_pointer (&self->seen, scs_organization_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), SCS_TYPE_ORG_DIALOG);

  G_OBJECT_CLASS (scs_org_dialog_parent_class)->dispose (object);
}

static void
scs_org_dialog_class_init (ScsOrgDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = scs_org_dialog_dispose;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/jp/scsworkbench/Workbench/scs-org-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ScsOrgDialog, message_label);
  gtk_widget_class_bind_template_child (widget_class, ScsOrgDialog, form_group);
  gtk_widget_class_bind_template_child (widget_class, ScsOrgDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, ScsOrgDialog, trade_name_row);
  gtk_widget_class_bind_template_child (widget_class, ScsOrgDialog, sole_switch);
  gtk_widget_class_bind_template_child (widget_class, ScsOrgDialog, corporate_number_row);
  gtk_widget_class_bind_template_child (widget_class, ScsOrgDialog, corporate_number_message);
  gtk_widget_class_bind_template_child (widget_class, ScsOrgDialog, address_row);
  gtk_widget_class_bind_template_child (widget_class, ScsOrgDialog, contact_row);
  gtk_widget_class_bind_template_child (widget_class, ScsOrgDialog, email_row);
  gtk_widget_class_bind_template_child (widget_class, ScsOrgDialog, phone_row);
  gtk_widget_class_bind_template_callback (widget_class, on_form_changed);

  gtk_widget_class_install_action (widget_class, "org.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
scs_org_dialog_init (ScsOrgDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

ScsOrgDialog *
scs_org_dialog_new (GtkWindow    *parent,
                    ScsWorkspace *workspace)
{
  g_autoptr(ScsOrganization) org = NULL;
  ScsOrgDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SCS_IS_WORKSPACE (workspace), NULL);

  self = g_object_new (SCS_TYPE_ORG_DIALOG, "transient-for", parent, NULL);
  self->workspace = g_object_ref (workspace);
  org = scs_workspace_dup_organization (workspace);
  self->seen = scs_organization_copy (org);
  set_row_text (self->name_row, org->name);
  set_row_text (self->trade_name_row, org->trade_name);
  gtk_switch_set_active (self->sole_switch, org->sole_proprietor);
  set_row_text (self->corporate_number_row, org->corporate_number);
  set_row_text (self->address_row, org->address);
  set_row_text (self->contact_row, org->contact_name);
  set_row_text (self->email_row, org->contact_email);
  set_row_text (self->phone_row, org->contact_phone);

  /* the signed content names the organisation: read-only until a new round */
  self->sealed = scs_review_is_sealed (workspace);
  if (self->sealed)
    {
      gtk_widget_set_sensitive (self->form_group, FALSE);
      set_message (self, _("The assessment is signed, and its content names the organisation: start a new "
                           "review round to change these details."));
    }
  on_form_changed (self);
  return self;
}
