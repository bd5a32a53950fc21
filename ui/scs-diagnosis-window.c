/* scs-diagnosis-window.c: the vendor's diagnosis mode on a client workspace
 *
 * One expander row per gap (every criterion up to the target level that is
 * unanswered or not met), showing the criterion and the SME's answer, with
 * the vendor's plan inside: support type, effort, priority, owner, due date
 * and a note. Suggestions the vendor has not confirmed are marked. Edits go
 * through the diagnosis.set-gap action into ScsDiagnosis, which keeps them
 * in its own tables; nothing here can change the SME's answers. The tier
 * follows the target level and the on-site switch. The gap list exports as
 * CSV and the report as PDF (both through the core).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "scs-diagnosis-window.h"

#include <glib/gi18n-lib.h>

struct _ScsDiagnosisWindow
{
  AdwWindow        parent_instance;

  AdwToastOverlay *toasts;
  AdwActionRow    *tier_row;
  GtkSwitch       *on_site_switch;
  AdwPreferencesGroup *gaps_group;
  GtkListBox      *gap_list;

  ScsWorkspace    *workspace;
  ScsDiagnosis    *diagnosis;
  guint            n_gaps;
  char            *last_message;
  gboolean         updating;
};

G_DEFINE_FINAL_TYPE (ScsDiagnosisWindow, scs_diagnosis_window, ADW_TYPE_WINDOW)

static const char * const support_ids[] = { "it-tool", "non-it", "on-site" };
static const char * const grade_ids[] = { "low", "medium", "high" };

static void
toast (ScsDiagnosisWindow *self,
       const char         *message)
{
  g_free (self->last_message);
  self->last_message = g_strdup (message);
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (message));
}

static void
update_tier (ScsDiagnosisWindow *self)
{
  self->updating = TRUE;
  gtk_switch_set_active (self->on_site_switch, scs_diagnosis_get_needs_on_site (self->diagnosis));
  self->updating = FALSE;
  adw_action_row_set_subtitle (self->tier_row, scs_tier_to_string (scs_diagnosis_get_tier (self->diagnosis)));
}

static guint
index_of (const char * const *ids,
          guint               n,
          const char         *id)
{
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (ids[i], id) == 0)
      return i;
  return GTK_INVALID_LIST_POSITION;
}

static void
combo_changed (AdwComboRow        *row,
               GParamSpec         *pspec,
               ScsDiagnosisWindow *self)
{
  const char *field = g_object_get_data (G_OBJECT (row), "scs-field");
  const char *id = g_object_get_data (G_OBJECT (row), "scs-criterion");
  guint selected = adw_combo_row_get_selected (row);
  const char *value;

  if (self->updating || selected == GTK_INVALID_LIST_POSITION)
    return;
  value = g_str_equal (field, "support") ? support_ids[selected] : grade_ids[selected];
  gtk_widget_activate_action (GTK_WIDGET (self), "diagnosis.set-gap", "(sss)", id, field, value);
}

static void
entry_applied (AdwEntryRow        *row,
               ScsDiagnosisWindow *self)
{
  const char *field = g_object_get_data (G_OBJECT (row), "scs-field");
  const char *id = g_object_get_data (G_OBJECT (row), "scs-criterion");

  gtk_widget_activate_action (GTK_WIDGET (self), "diagnosis.set-gap", "(sss)", id, field,
                              gtk_editable_get_text (GTK_EDITABLE (row)));
}

static GtkWidget *
combo_row (ScsDiagnosisWindow *self,
           const char         *criterion_id,
           const char         *field,
           const char         *title,
           const char * const *labels,
           guint               selected)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) model = gtk_string_list_new (labels);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  g_object_set_data_full (G_OBJECT (row), "scs-criterion", g_strdup (criterion_id), g_free);
  g_object_set_data (G_OBJECT (row), "scs-field", (gpointer) field);
  g_signal_connect (row, "notify::selected", G_CALLBACK (combo_changed), self);
  return row;
}

static GtkWidget *
entry_row (ScsDiagnosisWindow *self,
           const char         *criterion_id,
           const char         *field,
           const char         *title,
           const char         *value)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), value);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "scs-criterion", g_strdup (criterion_id), g_free);
  g_object_set_data (G_OBJECT (row), "scs-field", (gpointer) field);
  g_signal_connect (row, "apply", G_CALLBACK (entry_applied), self);
  return row;
}

static char *
gap_subtitle (ScsGap *gap)
{
  return g_strdup_printf ("%s · %s%s · %s %s%s%s",
                          scs_answer_state_get_label (gap->state),
                          scs_support_get_label (gap->support), gap->planned ? "" : _(" (suggested)"),
                          _("priority"), scs_diagnosis_grade_get_label (gap->priority),
                          *gap->owner ? " · " : "", gap->owner);
}

static void
rebuild (ScsDiagnosisWindow *self)
{
  g_autoptr(GPtrArray) gaps = NULL;
  g_autoptr(GError) error = NULL;
  ScsCatalog *catalog = scs_workspace_get_catalog (self->workspace);
  GtkWidget *child;
  const char *support_labels[] = { _("IT tool"), _("Non-IT support"), _("On-site support"), NULL };
  const char *grade_labels[] = { C_("grade", "Low"), C_("grade", "Medium"), C_("grade", "High"), NULL };
  g_autofree char *description = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->gap_list))) != NULL)
    gtk_list_box_remove (self->gap_list, child);

  gaps = scs_diagnosis_list_gaps (self->diagnosis, &error);
  if (gaps == NULL)
    {
      toast (self, error->message);
      self->n_gaps = 0;
      return;
    }

  self->updating = TRUE;
  for (guint i = 0; i < gaps->len; i++)
    {
      ScsGap *gap = g_ptr_array_index (gaps, i);
      const ScsCriterion *c = scs_catalog_lookup_criterion (catalog, gap->criterion_id);
      GtkWidget *row = adw_expander_row_new ();
      g_autofree char *title = g_strdup_printf ("%s  %s", gap->criterion_id, scs_criterion_get_text (c));
      g_autofree char *subtitle = gap_subtitle (gap);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                                combo_row (self, gap->criterion_id, "support", _("Support"), support_labels,
                                           index_of (support_ids, 3, scs_support_to_string (gap->support))));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                                combo_row (self, gap->criterion_id, "effort", _("Effort"), grade_labels,
                                           index_of (grade_ids, 3, gap->effort)));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                                combo_row (self, gap->criterion_id, "priority", _("Priority"), grade_labels,
                                           index_of (grade_ids, 3, gap->priority)));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                                entry_row (self, gap->criterion_id, "owner", _("Owner"), gap->owner));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                                entry_row (self, gap->criterion_id, "due", _("Due (YYYY-MM-DD)"), gap->due));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                                entry_row (self, gap->criterion_id, "note", _("Note"), gap->note));
      gtk_list_box_append (self->gap_list, row);
    }
  self->updating = FALSE;
  self->n_gaps = gaps->len;
  description = g_strdup_printf (_("%u criteria not met or not yet answered"), gaps->len);
  adw_preferences_group_set_description (self->gaps_group, description);
}

static void
set_gap_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ScsDiagnosisWindow *self = SCS_DIAGNOSIS_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  const char *id, *field, *value;

  g_variant_get (parameter, "(&s&s&s)", &id, &field, &value);
  if (!scs_diagnosis_set_gap (self->diagnosis, id,
                              g_str_equal (field, "support") ? value : NULL,
                              g_str_equal (field, "effort") ? value : NULL,
                              g_str_equal (field, "priority") ? value : NULL,
                              g_str_equal (field, "owner") ? value : NULL,
                              g_str_equal (field, "due") ? value : NULL,
                              g_str_equal (field, "note") ? value : NULL, &error))
    toast (self, error->message);
}

static void
set_on_site_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ScsDiagnosisWindow *self = SCS_DIAGNOSIS_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!scs_diagnosis_set_needs_on_site (self->diagnosis, g_variant_get_boolean (parameter), &error))
    toast (self, error->message);
  update_tier (self);
}

static void
on_site_toggled (ScsDiagnosisWindow *self)
{
  if (!self->updating)
    gtk_widget_activate_action (GTK_WIDGET (self), "diagnosis.set-on-site", "b",
                                gtk_switch_get_active (self->on_site_switch));
}

/* Updates the one row's subtitle; a full rebuild would collapse rows. */
static void
diagnosis_changed (ScsDiagnosisWindow *self,
                   const char         *criterion_id)
{
  g_autoptr(GPtrArray) gaps = NULL;

  update_tier (self);
  if (criterion_id == NULL)
    return;
  gaps = scs_diagnosis_list_gaps (self->diagnosis, NULL);
  for (guint i = 0; gaps != NULL && i < gaps->len; i++)
    {
      ScsGap *gap = g_ptr_array_index (gaps, i);
      GtkListBoxRow *row;

      if (!g_str_equal (gap->criterion_id, criterion_id))
        continue;
      row = gtk_list_box_get_row_at_index (self->gap_list, i);
      if (row != NULL)
        {
          g_autofree char *subtitle = gap_subtitle (gap);
          adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
        }
    }
}

static void
save_bytes_chosen (GtkNativeDialog    *chooser,
                   int                 response,
                   ScsDiagnosisWindow *self)
{
  gboolean report = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "scs-report"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *name = g_file_get_basename (file);
      g_autoptr(GError) error = NULL;
      const char *encoding = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "encoding");
      /* The gap list goes out as XLSX when the name asks for it. */
      g_autoptr(GBytes) bytes = report ? scs_diagnosis_build_report (self->diagnosis, NULL, &error)
                                : g_str_has_suffix (name, ".xlsx")
                                ? scs_diagnosis_export_xlsx (self->diagnosis, &error)
                                : scs_diagnosis_export_csv (self->diagnosis,
                                                            g_strcmp0 (encoding, "cp932") == 0
                                                            ? SCS_CSV_CP932 : SCS_CSV_UTF8_BOM,
                                                            &error);

      if (bytes == NULL ||
          !g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL,
                                    FALSE, G_FILE_CREATE_NONE, NULL, NULL, &error))
        toast (self, error->message);
      else
        toast (self, report ? _("Report written") : _("Gap list written"));
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
export (ScsDiagnosisWindow *self,
        gboolean            report)
{
  g_autoptr(ScsOrganization) org = scs_workspace_dup_organization (self->workspace);
  g_autofree char *name = g_strdup_printf ("%s-%s.%s", org->name, report ? _("diagnosis") : _("gaps"),
                                           report ? "pdf" : "csv");
  GtkFileChooserNative *chooser =
    gtk_file_chooser_native_new (report ? _("Save the Diagnosis Report") : _("Save the Gap List"),
                                 GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));

  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  if (!report)
    {
      /* Excel reads UTF-8 with a byte order mark; older tools want Shift_JIS. */
      const char *ids[] = { "utf-8", "cp932", NULL };
      const char *labels[] = { _("UTF-8 (Excel)"), _("Shift_JIS"), NULL };

      gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "encoding", _("Encoding"),
                                   ids, labels);
      gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "encoding", "utf-8");
    }
  g_object_set_data (G_OBJECT (chooser), "scs-report", GINT_TO_POINTER (report));
  g_signal_connect (chooser, "response", G_CALLBACK (save_bytes_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_csv_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  export (SCS_DIAGNOSIS_WINDOW (widget), FALSE);
}

static void
export_report_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  export (SCS_DIAGNOSIS_WINDOW (widget), TRUE);
}

static void
scs_diagnosis_window_dispose (GObject *object)
{
  ScsDiagnosisWindow *self = SCS_DIAGNOSIS_WINDOW (object);

  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  if (self->diagnosis != NULL)
    g_signal_handlers_disconnect_by_data (self->diagnosis, self);
  g_clear_object (&self->diagnosis);
  g_clear_object (&self->workspace);
  G_OBJECT_CLASS (scs_diagnosis_window_parent_class)->dispose (object);
}

static void
scs_diagnosis_window_finalize (GObject *object)
{
  g_free (SCS_DIAGNOSIS_WINDOW (object)->last_message);
  G_OBJECT_CLASS (scs_diagnosis_window_parent_class)->finalize (object);
}

static void
scs_diagnosis_window_class_init (ScsDiagnosisWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = scs_diagnosis_window_dispose;
  object_class->finalize = scs_diagnosis_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/jp/scsworkbench/Workbench/scs-diagnosis-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ScsDiagnosisWindow, toasts);
  gtk_widget_class_bind_template_child (widget_class, ScsDiagnosisWindow, tier_row);
  gtk_widget_class_bind_template_child (widget_class, ScsDiagnosisWindow, on_site_switch);
  gtk_widget_class_bind_template_child (widget_class, ScsDiagnosisWindow, gaps_group);
  gtk_widget_class_bind_template_child (widget_class, ScsDiagnosisWindow, gap_list);

  gtk_widget_class_install_action (widget_class, "diagnosis.set-gap", "(sss)", set_gap_action);
  gtk_widget_class_install_action (widget_class, "diagnosis.set-on-site", "b", set_on_site_action);
  gtk_widget_class_install_action (widget_class, "diagnosis.export-csv", NULL, export_csv_action);
  gtk_widget_class_install_action (widget_class, "diagnosis.export-report", NULL, export_report_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
scs_diagnosis_window_init (ScsDiagnosisWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->on_site_switch, "notify::active", G_CALLBACK (on_site_toggled), self);
}

ScsDiagnosisWindow *
scs_diagnosis_window_new (GtkWindow    *parent,
                          ScsWorkspace *workspace)
{
  ScsDiagnosisWindow *self;
  g_autoptr(ScsOrganization) org = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (SCS_IS_WORKSPACE (workspace), NULL);

  self = g_object_new (SCS_TYPE_DIAGNOSIS_WINDOW, "transient-for", parent, NULL);
  self->workspace = g_object_ref (workspace);
  self->diagnosis = scs_diagnosis_new (workspace);
  org = scs_workspace_dup_organization (workspace);
  title = g_strdup_printf (_("Diagnosis — %s"), org->name);
  gtk_window_set_title (GTK_WINDOW (self), title);

  g_signal_connect_swapped (self->diagnosis, "changed", G_CALLBACK (diagnosis_changed), self);
  /* The SME's answers decide what is a gap. */
  g_signal_connect_swapped (workspace, "answer-changed", G_CALLBACK (rebuild), self);
  g_signal_connect_swapped (workspace, "notify::target-level", G_CALLBACK (rebuild), self);
  update_tier (self);
  rebuild (self);
  return self;
}

ScsDiagnosis *
scs_diagnosis_window_get_diagnosis (ScsDiagnosisWindow *self)
{
  return self->diagnosis;
}

guint
scs_diagnosis_window_get_n_gaps (ScsDiagnosisWindow *self)
{
  return self->n_gaps;
}

const char *
scs_diagnosis_window_get_tier_text (ScsDiagnosisWindow *self)
{
  return adw_action_row_get_subtitle (self->tier_row);
}

const char *
scs_diagnosis_window_get_last_message (ScsDiagnosisWindow *self)
{
  return self->last_message;
}
