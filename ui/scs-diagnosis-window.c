/* scs-diagnosis-window.c: the vendor's diagnosis mode on a client workspace
 *
 * The gaps are a GListStore of ScsGapEntry bound to a boxed list; each is
 * drawn by scs-gap-row.ui. For an SCS assessment, one expander row per gap
 * (every criterion up to the target level that is unanswered or not met),
 * showing the criterion and the SME's answer, with the vendor's plan
 * inside: support type, effort, priority, owner, due date and a note.
 * Suggestions the vendor has not confirmed are marked. Edits go through
 * the diagnosis.set-gap action into ScsDiagnosis, which keeps them in its
 * own tables; nothing here can change the SME's answers. The tier follows
 * the target level and the on-site switch. For a JC-STAR ★1 or SECURITY
 * ACTION workspace, one row per gap of the self-declaration with what is
 * wrong and our suggested next step inside; no tier, no plan. The gap list
 * exports as CSV or XLSX and the report as PDF (all through the core).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "scs-diagnosis-window.h"
#include "scs-toast.h"

#include <glib/gi18n-lib.h>

#include "scs-gap-entry.h"
#include "scs-list-store.h"

struct _ScsDiagnosisWindow
{
  AdwWindow        parent_instance;

  AdwToastOverlay *toasts;
  AdwPreferencesGroup *tier_group;
  AdwActionRow    *tier_row;
  GtkSwitch       *on_site_switch;
  AdwPreferencesGroup *gaps_group;
  GtkListBox      *gap_list;

  ScsWorkspace    *workspace;
  ScsDiagnosis    *diagnosis;
  GListStore      *gaps;        /* of ScsGapEntry, bound to gap_list */
  gboolean         updating;
};

G_DEFINE_FINAL_TYPE (ScsDiagnosisWindow, scs_diagnosis_window, ADW_TYPE_WINDOW)

/* The choices of the rows' combos, in the order of scs-gap-row.ui. */
static const char * const support_ids[] = { "it-tool", "non-it", "on-site" };
static const char * const grade_ids[] = { "low", "medium", "high" };
static const char * const choice_fields[SCS_GAP_ENTRY_N_CHOICES] = { "support", "effort", "priority" };

static void
toast (ScsDiagnosisWindow *self,
       const char         *message)
{
  adw_toast_overlay_add_toast (self->toasts, scs_toast_new (message));
}

static void
update_tier (ScsDiagnosisWindow *self)
{
  if (scs_diagnosis_is_item_based (self->diagnosis))
    return;
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

/* ---- the entries --------------------------------------------------------- */

static ScsGapEntry *
gap_entry (ScsCatalog *catalog,
           ScsGap     *gap)
{
  const ScsCriterion *c = scs_catalog_lookup_criterion (catalog, gap->criterion_id);
  ScsGapEntry *entry = scs_gap_entry_new (gap->criterion_id, TRUE);
  g_autofree char *title = g_strdup_printf ("%s  %s", gap->criterion_id, scs_criterion_get_text (c));
  g_autofree char *subtitle = g_strdup_printf ("%s · %s%s · %s %s%s%s",
                                               scs_answer_state_get_label (gap->state),
                                               scs_support_get_label (gap->support),
                                               gap->planned ? "" : _(" (suggested)"),
                                               _("priority"), scs_diagnosis_grade_get_label (gap->priority),
                                               *gap->owner ? " · " : "", gap->owner);

  scs_gap_entry_set_text (entry, SCS_GAP_ENTRY_TITLE, title);
  scs_gap_entry_set_text (entry, SCS_GAP_ENTRY_SUBTITLE, subtitle);
  scs_gap_entry_set_text (entry, SCS_GAP_ENTRY_OWNER, gap->owner);
  scs_gap_entry_set_text (entry, SCS_GAP_ENTRY_DUE, gap->due);
  scs_gap_entry_set_text (entry, SCS_GAP_ENTRY_NOTE, gap->note);
  scs_gap_entry_set_choice (entry, SCS_GAP_ENTRY_SUPPORT,
                            index_of (support_ids, G_N_ELEMENTS (support_ids), scs_support_to_string (gap->support)));
  scs_gap_entry_set_choice (entry, SCS_GAP_ENTRY_EFFORT,
                            index_of (grade_ids, G_N_ELEMENTS (grade_ids), gap->effort));
  scs_gap_entry_set_choice (entry, SCS_GAP_ENTRY_PRIORITY,
                            index_of (grade_ids, G_N_ELEMENTS (grade_ids), gap->priority));
  return entry;
}

static ScsGapEntry *
item_gap_entry (ScsItemGap *gap)
{
  ScsGapEntry *entry = scs_gap_entry_new (gap->key, FALSE);
  g_autofree char *title = *gap->reference != '\0' ? g_strdup_printf ("%s  %s", gap->reference, gap->subject)
                                                  : g_strdup (gap->subject);
  g_autofree char *subtitle = g_strdup_printf ("%s · %s", gap->finding, gap->area);

  scs_gap_entry_set_text (entry, SCS_GAP_ENTRY_TITLE, title);
  scs_gap_entry_set_text (entry, SCS_GAP_ENTRY_SUBTITLE, subtitle);
  scs_gap_entry_set_text (entry, SCS_GAP_ENTRY_NEXT_STEP, gap->next_step);
  return entry;
}

/* Copies what @fresh shows into @entry: only what changed is notified. */
static void
entry_update (ScsGapEntry *entry,
              ScsGapEntry *fresh)
{
  for (guint i = 0; i < SCS_GAP_ENTRY_N_TEXTS; i++)
    scs_gap_entry_set_text (entry, i, scs_gap_entry_get_text (fresh, i));
  for (guint i = 0; i < SCS_GAP_ENTRY_N_CHOICES; i++)
    scs_gap_entry_set_choice (entry, i, scs_gap_entry_get_choice (fresh, i));
}

static gboolean
same_gap (gconstpointer a,
          gconstpointer b)
{
  return g_str_equal (scs_gap_entry_get_key ((ScsGapEntry *) a), scs_gap_entry_get_key ((ScsGapEntry *) b));
}

/* The store holds the gaps of now: the entries of the gaps still listed
 * stay and are updated in place (their rows stay, an open one stays open);
 * only the gaps that came or went change rows. */
static void
refresh (ScsDiagnosisWindow *self)
{
  g_autoptr(GPtrArray) fresh = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) gaps = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *model = G_LIST_MODEL (self->gaps);
  gboolean items = scs_diagnosis_is_item_based (self->diagnosis);
  g_autofree char *description = NULL;

  gaps = items ? scs_diagnosis_list_item_gaps (self->diagnosis, &error)
               : scs_diagnosis_list_gaps (self->diagnosis, &error);
  if (gaps == NULL)
    {
      toast (self, error->message);
      return;
    }
  for (guint i = 0; i < gaps->len; i++)
    g_ptr_array_add (fresh, items ? item_gap_entry (g_ptr_array_index (gaps, i))
                                  : gap_entry (scs_workspace_get_catalog (self->workspace),
                                               g_ptr_array_index (gaps, i)));

  self->updating = TRUE;
  scs_list_store_update (self->gaps, fresh, same_gap);
  for (guint i = 0; i < fresh->len; i++)
    {
      g_autoptr(ScsGapEntry) kept = g_list_model_get_item (model, i);

      if (kept != fresh->pdata[i])
        entry_update (kept, fresh->pdata[i]);
    }
  self->updating = FALSE;

  description = items ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u gap in the self-declaration",
                                                      "%u gaps in the self-declaration", gaps->len), gaps->len)
                      : g_strdup_printf (_("%u criteria not met or not yet answered"), gaps->len);
  adw_preferences_group_set_description (self->gaps_group, description);
}

/* ---- the rows ------------------------------------------------------------ */

static ScsGapEntry *
row_entry (GtkWidget *widget)
{
  GtkWidget *row = gtk_widget_get_ancestor (widget, ADW_TYPE_EXPANDER_ROW);

  return row != NULL ? g_object_get_data (G_OBJECT (row), "scs-entry") : NULL;
}

static void
combo_changed (AdwComboRow        *combo,
               GParamSpec         *pspec,
               ScsDiagnosisWindow *self)
{
  ScsGapEntry *entry = row_entry (GTK_WIDGET (combo));
  const char *field = g_object_get_data (G_OBJECT (combo), "scs-field");
  guint which = index_of (choice_fields, SCS_GAP_ENTRY_N_CHOICES, field);
  guint selected = adw_combo_row_get_selected (combo);

  /* a binding that shows the stored plan is no edit */
  if (self->updating || entry == NULL || selected == GTK_INVALID_LIST_POSITION ||
      selected == scs_gap_entry_get_choice (entry, which))
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "diagnosis.set-gap", "(sss)", scs_gap_entry_get_key (entry),
                              field, which == SCS_GAP_ENTRY_SUPPORT ? support_ids[selected] : grade_ids[selected]);
}

static void
entry_applied (AdwEntryRow        *row,
               ScsDiagnosisWindow *self)
{
  ScsGapEntry *entry = row_entry (GTK_WIDGET (row));

  if (entry != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "diagnosis.set-gap", "(sss)", scs_gap_entry_get_key (entry),
                                g_object_get_data (G_OBJECT (row), "scs-field"),
                                gtk_editable_get_text (GTK_EDITABLE (row)));
}

/* The row of @item (an ScsGapEntry), built from scs-gap-row.ui with the
 * entry as the builder's current object: the bindings watch the entry. */
static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  ScsDiagnosisWindow *self = user_data;
  static const char * const texts[] = { "owner", "due", "note" };
  g_autoptr(GtkBuilder) builder = gtk_builder_new ();
  g_autoptr(GError) error = NULL;
  GtkWidget *row;

  gtk_builder_set_current_object (builder, G_OBJECT (item));
  if (!gtk_builder_add_from_resource (builder, "/jp/scsworkbench/Workbench/scs-gap-row.ui", &error))
    g_error ("scs-gap-row.ui: %s", error->message);  /* a resource of ours */
  row = g_object_ref (GTK_WIDGET (gtk_builder_get_object (builder, "row")));
  g_object_set_data_full (G_OBJECT (row), "scs-entry", g_object_ref (item), g_object_unref);
  for (guint i = 0; i < SCS_GAP_ENTRY_N_CHOICES; i++)
    {
      GObject *combo = gtk_builder_get_object (builder, choice_fields[i]);

      g_object_set_data (combo, "scs-field", (gpointer) choice_fields[i]);
      g_signal_connect_object (combo, "notify::selected", G_CALLBACK (combo_changed), self, 0);
    }
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      GObject *entry_row = gtk_builder_get_object (builder, texts[i]);

      g_object_set_data (entry_row, "scs-field", (gpointer) texts[i]);
      g_signal_connect_object (entry_row, "apply", G_CALLBACK (entry_applied), self, 0);
    }
  return row;
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

/* A plan changed: the entries update in place. */
static void
diagnosis_changed (ScsDiagnosisWindow *self,
                   const char         *criterion_id)
{
  update_tier (self);
  if (criterion_id != NULL)
    refresh (self);
}

/* The self-declarations' answers are edited in the main window: the list
 * is read again whenever this window comes to the front, and on
 * diagnosis.reload (Ctrl+R). */
static void
active_changed (ScsDiagnosisWindow *self)
{
  if (gtk_window_is_active (GTK_WINDOW (self)))
    refresh (self);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  update_tier (SCS_DIAGNOSIS_WINDOW (widget));
  refresh (SCS_DIAGNOSIS_WINDOW (widget));
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
  g_clear_object (&self->gaps);
  G_OBJECT_CLASS (scs_diagnosis_window_parent_class)->dispose (object);
}

static void
scs_diagnosis_window_class_init (ScsDiagnosisWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = scs_diagnosis_window_dispose;

  /* the rows' .ui looks the entry's type up by name */
  g_type_ensure (SCS_TYPE_GAP_ENTRY);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/jp/scsworkbench/Workbench/scs-diagnosis-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ScsDiagnosisWindow, toasts);
  gtk_widget_class_bind_template_child (widget_class, ScsDiagnosisWindow, tier_group);
  gtk_widget_class_bind_template_child (widget_class, ScsDiagnosisWindow, tier_row);
  gtk_widget_class_bind_template_child (widget_class, ScsDiagnosisWindow, on_site_switch);
  gtk_widget_class_bind_template_child (widget_class, ScsDiagnosisWindow, gaps_group);
  gtk_widget_class_bind_template_child (widget_class, ScsDiagnosisWindow, gap_list);

  gtk_widget_class_install_action (widget_class, "diagnosis.set-gap", "(sss)", set_gap_action);
  gtk_widget_class_install_action (widget_class, "diagnosis.set-on-site", "b", set_on_site_action);
  gtk_widget_class_install_action (widget_class, "diagnosis.export-csv", NULL, export_csv_action);
  gtk_widget_class_install_action (widget_class, "diagnosis.export-report", NULL, export_report_action);
  gtk_widget_class_install_action (widget_class, "diagnosis.reload", NULL, reload_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "diagnosis.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
scs_diagnosis_window_init (ScsDiagnosisWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->gaps = g_list_store_new (SCS_TYPE_GAP_ENTRY);
  gtk_list_box_bind_model (self->gap_list, G_LIST_MODEL (self->gaps), create_row, self, NULL);
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
  /* a self-declaration has no service tier */
  gtk_widget_set_visible (GTK_WIDGET (self->tier_group), !scs_diagnosis_is_item_based (self->diagnosis));

  g_signal_connect_swapped (self->diagnosis, "changed", G_CALLBACK (diagnosis_changed), self);
  /* The SME's answers decide what is a gap. */
  g_signal_connect_swapped (workspace, "answer-changed", G_CALLBACK (refresh), self);
  g_signal_connect_swapped (workspace, "notify::target-level", G_CALLBACK (refresh), self);
  g_signal_connect_swapped (self, "notify::is-active", G_CALLBACK (active_changed), self);
  update_tier (self);
  refresh (self);
  return self;
}
