/* scs-supplier-record-dialog.c: record a supplier's yearly check or a price negotiation
 *
 * An ordering company checks each supplier's measures once a year (★4
 * requirement 2-1-3: by the scheme's registry, a questionnaire or on site,
 * with what shows it) and keeps the negotiation about security costs in
 * writing (date, what was agreed, where the documents are). One small
 * dialog for either record: the core validates it (scs_supplier_add_check,
 * scs_supplier_add_negotiation) and the supplier list saves it with every
 * other field of the supplier; a refused record keeps the dialog open with
 * what was typed and the reason.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "scs-supplier-record-dialog.h"

#include <glib/gi18n-lib.h>

struct _ScsSupplierRecordDialog
{
  AdwWindow              parent_instance;

  AdwWindowTitle        *title;
  AdwEntryRow           *date_row;
  AdwComboRow           *method_row;
  AdwEntryRow           *first_row;
  AdwEntryRow           *second_row;
  GtkLabel              *error_label;

  ScsSupplierList       *list;
  char                  *name;
  ScsSupplierRecordKind  kind;
};

G_DEFINE_FINAL_TYPE (ScsSupplierRecordDialog, scs_supplier_record_dialog, ADW_TYPE_WINDOW)

static char *
row_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static void
show_error (ScsSupplierRecordDialog *self,
            const char              *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ScsSupplierRecordDialog *self = SCS_SUPPLIER_RECORD_DIALOG (widget);
  const ScsSupplier *stored = scs_supplier_list_lookup (self->list, self->name);
  g_autoptr(ScsSupplier) supplier = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *date = row_text (self->date_row);
  g_autofree char *first = row_text (self->first_row);
  g_autofree char *second = row_text (self->second_row);
  gboolean ok;

  if (stored == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The supplier ‘%s’ is no longer in the list"), self->name);
      show_error (self, message);
      return;
    }
  /* The stored supplier with one record more: nothing else changes. */
  supplier = scs_supplier_copy (stored);
  if (self->kind == SCS_SUPPLIER_RECORD_CHECK)
    ok = scs_supplier_add_check (supplier, date,
                                 scs_check_method_to_string (adw_combo_row_get_selected (self->method_row)),
                                 first, &error);
  else
    ok = scs_supplier_add_negotiation (supplier, date, first, second, &error);
  if (!ok || !scs_supplier_list_put (self->list, supplier, &error))
    {
      show_error (self, error->message);
      return;
    }
  gtk_window_close (GTK_WINDOW (self));
}

static void
scs_supplier_record_dialog_finalize (GObject *object)
{
  ScsSupplierRecordDialog *self = SCS_SUPPLIER_RECORD_DIALOG (object);

  g_clear_object (&self->list);
  g_free (self->name);
  G_OBJECT_CLASS (scs_supplier_record_dialog_parent_class)->finalize (object);
}

static void
scs_supplier_record_dialog_class_init (ScsSupplierRecordDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = scs_supplier_record_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/jp/scsworkbench/Workbench/scs-supplier-record-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ScsSupplierRecordDialog, title);
  gtk_widget_class_bind_template_child (widget_class, ScsSupplierRecordDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, ScsSupplierRecordDialog, method_row);
  gtk_widget_class_bind_template_child (widget_class, ScsSupplierRecordDialog, first_row);
  gtk_widget_class_bind_template_child (widget_class, ScsSupplierRecordDialog, second_row);
  gtk_widget_class_bind_template_child (widget_class, ScsSupplierRecordDialog, error_label);

  gtk_widget_class_install_action (widget_class, "record.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
scs_supplier_record_dialog_init (ScsSupplierRecordDialog *self)
{
  g_autoptr(GtkStringList) methods = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  for (ScsCheckMethod m = SCS_CHECK_REGISTRY; m <= SCS_CHECK_ON_SITE; m++)
    gtk_string_list_append (methods, scs_check_method_get_label (m));
  adw_combo_row_set_model (self->method_row, G_LIST_MODEL (methods));
}

ScsSupplierRecordDialog *
scs_supplier_record_dialog_new (GtkWindow             *parent,
                                ScsSupplierList       *list,
                                const char            *name,
                                ScsSupplierRecordKind  kind)
{
  ScsSupplierRecordDialog *self;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  gboolean check = kind == SCS_SUPPLIER_RECORD_CHECK;

  g_return_val_if_fail (SCS_IS_SUPPLIER_LIST (list), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  self = g_object_new (SCS_TYPE_SUPPLIER_RECORD_DIALOG, "transient-for", parent, NULL);
  self->list = g_object_ref (list);
  self->name = g_strdup (name);
  self->kind = kind;

  adw_window_title_set_title (self->title, check ? _("Yearly Check of the Supplier’s Measures")
                                                 : _("Negotiation of Security Costs"));
  adw_window_title_set_subtitle (self->title, name);
  gtk_window_set_title (GTK_WINDOW (self), check ? _("Yearly Check of the Supplier’s Measures")
                                                 : _("Negotiation of Security Costs"));
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today);
  gtk_widget_set_visible (GTK_WIDGET (self->method_row), check);
  gtk_widget_set_visible (GTK_WIDGET (self->second_row), !check);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->first_row),
                                 check ? _("Evidence (a file name, a registry ID, a note)")
                                       : _("Outcome (what was agreed)"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->second_row),
                                 _("Documents (where the written record is)"));
  return self;
}
