/* scs-wizard-dialog.c: which level to ask of a supplier (ordering company)
 *
 * The three questions of the guidance as switches, the additional factors
 * as free text, and the recommendation with its reasoning, recomputed on
 * every change by scs_wizard_recommend() (★4 if any answer is yes). Saving
 * stores the decision in the supplier list (a per-user file, see
 * scs-wizard.c); the list below shows every supplier with its recommended
 * and obtained level. CSV import/export go through the core, which refuses
 * hostile files with their row and column; printing lays out the decision
 * sheet with Pango on a GtkPrintOperation. The list is a GListStore of
 * ScsSupplierEntry drawn by scs-supplier-row.ui; each supplier's row
 * unfolds to its yearly checks and price negotiations (the entry's nested
 * model of ScsListLine), and records a new one
 * (scs-supplier-record-dialog.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "scs-wizard-dialog.h"
#include "scs-toast.h"

#include <glib/gi18n-lib.h>

#include "scs-list-line.h"
#include "scs-supplier-record-dialog.h"

struct _ScsWizardDialog
{
  AdwWindow        parent_instance;

  AdwToastOverlay *toasts;
  AdwEntryRow     *name_row;
  AdwComboRow     *obtained_row;
  GtkSwitch       *confidential_switch;
  GtkSwitch       *delay_switch;
  GtkSwitch       *access_switch;
  AdwEntryRow     *factors_row;
  AdwEntryRow     *outside_row;
  AdwEntryRow     *registry_row;
  AdwEntryRow     *expiry_row;
  GtkLabel        *level_label;
  GtkLabel        *reasoning_label;
  GtkListBox      *suppliers_list;

  ScsSupplierList *list;
  GListStore      *suppliers;   /* of ScsSupplierEntry, bound to suppliers_list */
};

G_DEFINE_FINAL_TYPE (ScsWizardDialog, scs_wizard_dialog, ADW_TYPE_WINDOW)

/* The supplier as the dialog shows it: the stored one (so that re-deciding
 * keeps its 法人番号, registry entry, checks and history) with the answers
 * of the form. */
static ScsSupplier *
current_supplier (ScsWizardDialog *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  const ScsSupplier *stored = self->list != NULL ? scs_supplier_list_lookup (self->list, name) : NULL;
  ScsSupplier *s = stored != NULL ? scs_supplier_copy (stored) : scs_supplier_new ();
  guint obtained = adw_combo_row_get_selected (self->obtained_row);

  g_free (s->name);
  s->name = g_steal_pointer (&name);
  g_free (s->factors);
  s->factors = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->factors_row)));
  s->confidential = gtk_switch_get_active (self->confidential_switch);
  s->delay = gtk_switch_get_active (self->delay_switch);
  s->access = gtk_switch_get_active (self->access_switch);
  s->obtained = obtained == 1 ? 3 : obtained == 2 ? 4 : 0;
  g_free (s->outside_reason);
  s->outside_reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->outside_row))));
  s->outside = *s->outside_reason != '\0';
  g_free (s->registry_id);
  s->registry_id = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->registry_row))));
  g_free (s->expiry);
  s->expiry = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->expiry_row))));
  scs_supplier_decide (s);
  return s;
}

/* The recommendation shown is the decision saving would store. */
static void
recompute (ScsWizardDialog *self)
{
  g_autofree char *level = NULL;
  g_autoptr(ScsSupplier) s = current_supplier (self);

  if (s->outside)
    level = g_strdup (_("Outside the flow: no level asked"));
  else
    /* Translators: the recommended level, ★3 or ★4 */
    level = g_strdup_printf (_("Ask for ★%u"), s->recommended);
  gtk_label_set_text (self->level_label, level);
  gtk_label_set_text (self->reasoning_label, s->reasoning);
}

/* One supplier of the list as its row shows it: read-only properties
 * "name", "subtitle" (its decision and last check, plain text),
 * "below-recommended" and "records" (a GListModel of ScsListLine: its
 * checks, then its negotiations), bound by scs-supplier-row.ui. */
#define SCS_TYPE_SUPPLIER_ENTRY (scs_supplier_entry_get_type ())
G_DECLARE_FINAL_TYPE (ScsSupplierEntry, scs_supplier_entry, SCS, SUPPLIER_ENTRY, GObject)

struct _ScsSupplierEntry
{
  GObject     parent_instance;

  char       *name;
  char       *subtitle;
  gboolean    below_recommended;
  GListStore *records;
};

G_DEFINE_FINAL_TYPE (ScsSupplierEntry, scs_supplier_entry, G_TYPE_OBJECT)

enum
{
  ENTRY_PROP_0,
  ENTRY_PROP_NAME,
  ENTRY_PROP_SUBTITLE,
  ENTRY_PROP_BELOW_RECOMMENDED,
  ENTRY_PROP_RECORDS,
  ENTRY_N_PROPS
};

static GParamSpec *entry_properties[ENTRY_N_PROPS];

static void
scs_supplier_entry_dispose (GObject *object)
{
  g_clear_object (&SCS_SUPPLIER_ENTRY (object)->records);
  G_OBJECT_CLASS (scs_supplier_entry_parent_class)->dispose (object);
}

static void
scs_supplier_entry_finalize (GObject *object)
{
  ScsSupplierEntry *self = SCS_SUPPLIER_ENTRY (object);

  g_free (self->name);
  g_free (self->subtitle);
  G_OBJECT_CLASS (scs_supplier_entry_parent_class)->finalize (object);
}

static void
scs_supplier_entry_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ScsSupplierEntry *self = SCS_SUPPLIER_ENTRY (object);

  switch (prop_id)
    {
    case ENTRY_PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case ENTRY_PROP_SUBTITLE:
      g_value_set_string (value, self->subtitle);
      break;
    case ENTRY_PROP_BELOW_RECOMMENDED:
      g_value_set_boolean (value, self->below_recommended);
      break;
    case ENTRY_PROP_RECORDS:
      g_value_set_object (value, self->records);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scs_supplier_entry_class_init (ScsSupplierEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->dispose = scs_supplier_entry_dispose;
  object_class->finalize = scs_supplier_entry_finalize;
  object_class->get_property = scs_supplier_entry_get_property;
  entry_properties[ENTRY_PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  entry_properties[ENTRY_PROP_SUBTITLE] = g_param_spec_string ("subtitle", NULL, NULL, NULL, flags);
  entry_properties[ENTRY_PROP_BELOW_RECOMMENDED] =
    g_param_spec_boolean ("below-recommended", NULL, NULL, FALSE, flags);
  entry_properties[ENTRY_PROP_RECORDS] = g_param_spec_object ("records", NULL, NULL, G_TYPE_LIST_MODEL, flags);
  g_object_class_install_properties (object_class, ENTRY_N_PROPS, entry_properties);
}

static void
scs_supplier_entry_init (ScsSupplierEntry *self)
{
  self->records = g_list_store_new (SCS_TYPE_LIST_LINE);
}

static ScsSupplierEntry *
scs_supplier_entry_new (const ScsSupplier *s)
{
  ScsSupplierEntry *self = g_object_new (SCS_TYPE_SUPPLIER_ENTRY, NULL);
  g_autofree char *obtained = s->obtained ? g_strdup_printf ("★%u", s->obtained) : g_strdup (_("none"));
  const char *last = scs_supplier_get_last_check (s);

  self->name = g_strdup (s->name);
  self->subtitle = s->outside
    ? g_strdup_printf (_("Outside the flow: %s · decided %s"), s->outside_reason, s->decided)
    : g_strdup_printf (_("Recommended ★%u · obtained %s · decided %s · last check %s"),
                       s->recommended, obtained, s->decided, last != NULL ? last : _("none"));
  self->below_recommended = !s->outside && s->obtained < s->recommended;
  for (guint j = 0; j < s->checks->len; j++)
    {
      const ScsSupplierCheck *c = g_ptr_array_index (s->checks, j);
      /* Translators: a yearly check of a supplier: its date and how it was made */
      g_autofree char *title = g_strdup_printf (_("Check %s · %s"), c->date, scs_check_method_get_label (c->method));
      g_autoptr(ScsListLine) line = scs_list_line_new (title, c->evidence);

      g_list_store_append (self->records, line);
    }
  for (guint j = 0; j < s->negotiations->len; j++)
    {
      const ScsSupplierNegotiation *n = g_ptr_array_index (s->negotiations, j);
      /* Translators: a record of the negotiation about security costs: its date and outcome */
      g_autofree char *title = g_strdup_printf (_("Negotiation %s · %s"), n->date, n->outcome);
      g_autoptr(ScsListLine) line = scs_list_line_new (title, n->documents);

      g_list_store_append (self->records, line);
    }
  return self;
}

/* The row of a supplier (@item, an ScsSupplierEntry), built from
 * scs-supplier-row.ui with the entry as the builder's current object,
 * unfolding to a row per record: a GtkListBoxCreateWidgetFunc. */
static GtkWidget *
supplier_row_create (gpointer item,
                     gpointer user_data)
{
  ScsSupplierEntry *entry = item;
  g_autoptr(GtkBuilder) builder = gtk_builder_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenuItem) check = NULL;
  g_autoptr(GMenuItem) negotiation = NULL;
  AdwExpanderRow *row;

  gtk_builder_set_current_object (builder, item);
  if (!gtk_builder_add_from_resource (builder, "/jp/scsworkbench/Workbench/scs-supplier-row.ui", &error))
    g_error ("scs-supplier-row.ui: %s", error->message);  /* a resource of ours */
  /* The two records an ordering company keeps per supplier. */
  check = g_menu_item_new (_("Record _Check…"), NULL);
  g_menu_item_set_action_and_target (check, "wizard.record-check", "s", entry->name);
  g_menu_append_item (menu, check);
  negotiation = g_menu_item_new (_("Record _Negotiation…"), NULL);
  g_menu_item_set_action_and_target (negotiation, "wizard.record-negotiation", "s", entry->name);
  g_menu_append_item (menu, negotiation);
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (gtk_builder_get_object (builder, "record_menu")),
                                  G_MENU_MODEL (menu));
  row = g_object_ref (ADW_EXPANDER_ROW (gtk_builder_get_object (builder, "row")));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (entry->records)); i++)
    {
      g_autoptr(ScsListLine) line = g_list_model_get_item (G_LIST_MODEL (entry->records), i);
      g_autoptr(GtkWidget) line_row = scs_list_line_row_create (line, NULL);

      adw_expander_row_add_row (row, line_row);
    }
  return GTK_WIDGET (row);
}

/* The list changed (a decision, a record, an import): every supplier's
 * row is made again from the list. */
static void
refresh_list (ScsWizardDialog *self)
{
  GPtrArray *suppliers = scs_supplier_list_get (self->list);
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < suppliers->len; i++)
    g_ptr_array_add (entries, scs_supplier_entry_new (suppliers->pdata[i]));
  g_list_store_splice (self->suppliers, 0, g_list_model_get_n_items (G_LIST_MODEL (self->suppliers)),
                       entries->pdata, entries->len);
}

static void
record_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ScsWizardDialog *self = SCS_WIZARD_DIALOG (widget);
  ScsSupplierRecordDialog *dialog =
    scs_supplier_record_dialog_new (GTK_WINDOW (self), self->list, g_variant_get_string (parameter, NULL),
                                    g_str_equal (action_name, "wizard.record-check")
                                    ? SCS_SUPPLIER_RECORD_CHECK : SCS_SUPPLIER_RECORD_NEGOTIATION);

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
toast (ScsWizardDialog *self,
       const char      *message)
{
  adw_toast_overlay_add_toast (self->toasts, scs_toast_new (message));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ScsWizardDialog *self = SCS_WIZARD_DIALOG (widget);
  g_autoptr(ScsSupplier) s = current_supplier (self);
  g_autoptr(GError) error = NULL;

  if (!scs_supplier_list_put (self->list, s, &error))
    toast (self, error->message);
  else
    toast (self, _("Saved"));
}

typedef struct
{
  char *text;
} PrintData;

static void
draw_page (GtkPrintOperation *operation,
           GtkPrintContext   *context,
           int                page_nr,
           gpointer           user_data)
{
  PrintData *data = user_data;
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  PangoLayout *layout = gtk_print_context_create_pango_layout (context);
  PangoFontDescription *font = pango_font_description_from_string ("Noto Sans CJK JP 11");

  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (gtk_print_context_get_width (context) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, data->text, -1);
  cairo_move_to (cr, 0, 0);
  pango_cairo_show_layout (cr, layout);
  pango_font_description_free (font);
  g_object_unref (layout);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  ScsWizardDialog *self = SCS_WIZARD_DIALOG (widget);
  g_autoptr(ScsSupplier) s = current_supplier (self);
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GError) error = NULL;
  PrintData data = { scs_supplier_to_text (s) };

  gtk_print_operation_set_n_pages (operation, 1);
  gtk_print_operation_set_job_name (operation, _("Level to ask of a supplier"));
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page), &data);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    toast (self, error->message);
  g_free (data.text);
}

static void
import_chosen (GtkNativeDialog *chooser,
               int              response,
               ScsWizardDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;
      guint n = scs_supplier_list_import_csv (self->list, path, &error);

      if (error != NULL)
        toast (self, error->message);
      else
        {
          g_autofree char *message = g_strdup_printf (_("%u suppliers imported"), n);
          toast (self, message);
        }
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
export_chosen (GtkNativeDialog *chooser,
               int              response,
               ScsWizardDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) csv = scs_supplier_list_export_csv (self->list, SCS_CSV_UTF8_BOM, &error);

      if (csv == NULL ||
          !g_file_replace_contents (file, g_bytes_get_data (csv, NULL), g_bytes_get_size (csv), NULL,
                                    FALSE, G_FILE_CREATE_NONE, NULL, NULL, &error))
        toast (self, error->message);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

/* wizard.import-csv and wizard.export-csv: a file chooser, then the core */
static void
csv_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  gboolean import = g_str_equal (action_name, "wizard.import-csv");
  GtkFileChooserNative *chooser =
    gtk_file_chooser_native_new (import ? _("Import Suppliers") : _("Export Suppliers"), GTK_WINDOW (widget),
                                 import ? GTK_FILE_CHOOSER_ACTION_OPEN : GTK_FILE_CHOOSER_ACTION_SAVE,
                                 import ? _("_Import") : _("_Export"), _("_Cancel"));

  if (!import)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "suppliers.csv");
  g_signal_connect (chooser, "response", import ? G_CALLBACK (import_chosen) : G_CALLBACK (export_chosen), widget);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
scs_wizard_dialog_finalize (GObject *object)
{
  ScsWizardDialog *self = SCS_WIZARD_DIALOG (object);

  g_clear_object (&self->list);
  g_clear_object (&self->suppliers);
  G_OBJECT_CLASS (scs_wizard_dialog_parent_class)->finalize (object);
}

static void
scs_wizard_dialog_class_init (ScsWizardDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = scs_wizard_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/jp/scsworkbench/Workbench/scs-wizard-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ScsWizardDialog, toasts);
  gtk_widget_class_bind_template_child (widget_class, ScsWizardDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, ScsWizardDialog, obtained_row);
  gtk_widget_class_bind_template_child (widget_class, ScsWizardDialog, confidential_switch);
  gtk_widget_class_bind_template_child (widget_class, ScsWizardDialog, delay_switch);
  gtk_widget_class_bind_template_child (widget_class, ScsWizardDialog, access_switch);
  gtk_widget_class_bind_template_child (widget_class, ScsWizardDialog, factors_row);
  gtk_widget_class_bind_template_child (widget_class, ScsWizardDialog, outside_row);
  gtk_widget_class_bind_template_child (widget_class, ScsWizardDialog, registry_row);
  gtk_widget_class_bind_template_child (widget_class, ScsWizardDialog, expiry_row);
  gtk_widget_class_bind_template_child (widget_class, ScsWizardDialog, level_label);
  gtk_widget_class_bind_template_child (widget_class, ScsWizardDialog, reasoning_label);
  gtk_widget_class_bind_template_child (widget_class, ScsWizardDialog, suppliers_list);

  gtk_widget_class_install_action (widget_class, "wizard.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "wizard.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "wizard.import-csv", NULL, csv_action);
  gtk_widget_class_install_action (widget_class, "wizard.export-csv", NULL, csv_action);
  gtk_widget_class_install_action (widget_class, "wizard.record-check", "s", record_action);
  gtk_widget_class_install_action (widget_class, "wizard.record-negotiation", "s", record_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "wizard.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "wizard.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

/* Naming a supplier already listed shows its stored decision, so that
 * saving again changes only what the user changes. */
static void
name_changed (ScsWizardDialog *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  const ScsSupplier *stored = self->list != NULL ? scs_supplier_list_lookup (self->list, name) : NULL;

  if (stored == NULL)
    return;
  gtk_switch_set_active (self->confidential_switch, stored->confidential);
  gtk_switch_set_active (self->delay_switch, stored->delay);
  gtk_switch_set_active (self->access_switch, stored->access);
  gtk_editable_set_text (GTK_EDITABLE (self->factors_row), stored->factors);
  adw_combo_row_set_selected (self->obtained_row, stored->obtained == 3 ? 1 : stored->obtained == 4 ? 2 : 0);
  gtk_editable_set_text (GTK_EDITABLE (self->outside_row), stored->outside ? stored->outside_reason : "");
  gtk_editable_set_text (GTK_EDITABLE (self->registry_row), stored->registry_id);
  gtk_editable_set_text (GTK_EDITABLE (self->expiry_row), stored->expiry);
}

static void
scs_wizard_dialog_init (ScsWizardDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_swapped (self->name_row, "changed", G_CALLBACK (name_changed), self);
  g_signal_connect_swapped (self->confidential_switch, "notify::active", G_CALLBACK (recompute), self);
  g_signal_connect_swapped (self->delay_switch, "notify::active", G_CALLBACK (recompute), self);
  g_signal_connect_swapped (self->access_switch, "notify::active", G_CALLBACK (recompute), self);
  g_signal_connect_swapped (self->factors_row, "changed", G_CALLBACK (recompute), self);
  g_signal_connect_swapped (self->outside_row, "changed", G_CALLBACK (recompute), self);
  recompute (self);
}

ScsWizardDialog *
scs_wizard_dialog_new (GtkWindow  *parent,
                       const char *list_path)
{
  ScsWizardDialog *self = g_object_new (SCS_TYPE_WIZARD_DIALOG, "transient-for", parent, NULL);
  g_autofree char *path = list_path ? g_strdup (list_path) : scs_supplier_list_default_path ();
  g_autoptr(GError) error = NULL;

  self->list = scs_supplier_list_load (path, &error);
  if (self->list == NULL)
    {
      /* A damaged list is shown, not overwritten: work on an empty one
       * that cannot be saved over it. */
      g_autofree char *fallback = g_strconcat (path, ".new", NULL);
      toast (self, error->message);
      self->list = scs_supplier_list_load (fallback, NULL);
    }
  self->suppliers = g_list_store_new (SCS_TYPE_SUPPLIER_ENTRY);
  gtk_list_box_bind_model (self->suppliers_list, G_LIST_MODEL (self->suppliers), supplier_row_create, NULL, NULL);
  g_signal_connect_swapped (self->list, "changed", G_CALLBACK (refresh_list), self);
  refresh_list (self);
  return self;
}
