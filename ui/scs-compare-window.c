/* scs-compare-window.c: renewal cycles — start a renewal, compare cycles
 *
 * Starting a renewal carries the current cycle's answers, notes and
 * evidence links into a new cycle, each to be re-confirmed (scs-renewal.c).
 * This window compares any two cycles of the workspace and lists exactly
 * the criteria whose state, note, reason or evidence differ, and the
 * carried answers nobody has re-confirmed yet, each with a button to
 * re-confirm it. Significant changes (from the validity data) are recorded
 * here too; they flag the client as needing a new expert check.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "scs-compare-window.h"
#include "scs-toast.h"

#include <glib/gi18n-lib.h>

#include "scs-list-line.h"

struct _ScsCompareWindow
{
  AdwWindow        parent_instance;

  AdwToastOverlay *toasts;
  AdwComboRow     *cycle_a_row;
  AdwComboRow     *cycle_b_row;
  AdwPreferencesGroup *changed_group;
  GtkListBox      *changed_list;
  GtkListBox      *unconfirmed_list;
  GListStore      *changed;       /* of ScsListLine */
  GListStore      *unconfirmed;   /* of ScsListLine */
  AdwComboRow     *change_kind_row;
  AdwEntryRow     *change_description_row;

  ScsWorkspace    *workspace;
  ScsValidity     *validity;
  AdwToast        *toast;         /* the one shown (weak) */
  gboolean         updating;
};

G_DEFINE_FINAL_TYPE (ScsCompareWindow, scs_compare_window, ADW_TYPE_WINDOW)

/* A toast; it takes the place of the one still shown (a refusal right
 * after a success is read at once, not queued behind it). */
static void
toast (ScsCompareWindow *self,
       const char       *message)
{
  AdwToast *toast = scs_toast_new (message);

  if (self->toast != NULL)
    adw_toast_dismiss (self->toast);
  g_set_weak_pointer (&self->toast, toast);
  adw_toast_overlay_add_toast (self->toasts, toast);
}

static ScsListLine *
criterion_line (const char   *criterion_id,
                 ScsCatalog   *catalog,
                 const char   *subtitle)
{
  const ScsCriterion *c = scs_catalog_lookup_criterion (catalog, criterion_id);
  g_autofree char *title = g_strdup_printf ("%s  %s", criterion_id, c ? scs_criterion_get_text (c) : "");

  return scs_list_line_new (title, subtitle);
}

static void
show_comparison (ScsCompareWindow *self,
                 guint             a,
                 guint             b)
{
  g_autoptr(GPtrArray) diffs = NULL;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  ScsCatalog *catalog = scs_workspace_get_catalog (self->workspace);
  g_autofree char *description = NULL;

  diffs = scs_renewal_compare (self->workspace, a, b, &error);
  if (diffs == NULL)
    toast (self, error->message);
  for (guint i = 0; diffs != NULL && i < diffs->len; i++)
    {
      ScsCycleDiff *d = g_ptr_array_index (diffs, i);
      g_autoptr(GString) subtitle = g_string_new (NULL);

      if (d->changes == 0)
        continue;
      if (d->changes & SCS_CHANGE_STATE)
        g_string_append_printf (subtitle, "%s → %s", scs_answer_state_get_label (d->old_state),
                                scs_answer_state_get_label (d->new_state));
      if (d->changes & SCS_CHANGE_NOTE)
        g_string_append_printf (subtitle, "%s%s", subtitle->len ? " · " : "", _("note changed"));
      if (d->changes & SCS_CHANGE_REASON)
        g_string_append_printf (subtitle, "%s%s", subtitle->len ? " · " : "", _("reason changed"));
      if (d->changes & SCS_CHANGE_EVIDENCE)
        g_string_append_printf (subtitle, "%s%s %u → %u", subtitle->len ? " · " : "", _("evidence"),
                                d->old_evidence, d->new_evidence);
      g_ptr_array_add (lines, criterion_line (d->criterion_id, catalog, subtitle->str));
    }
  scs_list_lines_update (self->changed, lines);
  if (diffs == NULL)
    return;
  description = g_strdup_printf (_("%u criteria differ"), lines->len);
  adw_preferences_group_set_description (self->changed_group, description);
}

static void
show_unconfirmed (ScsCompareWindow *self)
{
  g_auto(GStrv) ids = NULL;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  ScsCatalog *catalog = scs_workspace_get_catalog (self->workspace);

  ids = scs_renewal_list_unconfirmed (self->workspace, &error);
  if (ids == NULL)
    toast (self, error->message);
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      ScsAnswer *answer = scs_workspace_lookup_answer (self->workspace, ids[i]);
      ScsListLine *line =
        criterion_line (ids[i], catalog, answer != NULL ? scs_answer_state_get_label (scs_answer_get_state (answer))
                                                         : NULL);

      scs_list_line_add_button (line, NULL, _("Re-confirm"), NULL, "compare.confirm", g_variant_new_string (ids[i]));
      g_ptr_array_add (lines, line);
    }
  scs_list_lines_update (self->unconfirmed, lines);
}

static void
refresh (ScsCompareWindow *self)
{
  g_autoptr(GPtrArray) cycles = scs_renewal_list_cycles (self->workspace, NULL);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint n = cycles ? cycles->len : 0;

  self->updating = TRUE;
  for (guint i = 0; i < n; i++)
    {
      ScsCycleInfo *info = g_ptr_array_index (cycles, i);
      g_autofree char *name = info->cycle == 0 ? g_strdup (_("Initial assessment"))
                                               : g_strdup_printf (_("Renewal %u"), info->cycle);
      g_autofree char *label = g_strdup_printf ("%s (%.10s)", name, info->created);
      gtk_string_list_append (names, label);
    }
  adw_combo_row_set_model (self->cycle_a_row, G_LIST_MODEL (names));
  adw_combo_row_set_model (self->cycle_b_row, G_LIST_MODEL (names));
  /* Default: the previous cycle against the current one. */
  adw_combo_row_set_selected (self->cycle_a_row, n >= 2 ? n - 2 : 0);
  adw_combo_row_set_selected (self->cycle_b_row, n >= 1 ? n - 1 : 0);
  self->updating = FALSE;

  show_comparison (self, n >= 2 ? n - 2 : 0, n >= 1 ? n - 1 : 0);
  show_unconfirmed (self);
}

/* An answer changed in the main window: same cycles, fresh lists. */
static void
answers_changed (ScsCompareWindow *self)
{
  guint a = adw_combo_row_get_selected (self->cycle_a_row);
  guint b = adw_combo_row_get_selected (self->cycle_b_row);

  if (a != GTK_INVALID_LIST_POSITION && b != GTK_INVALID_LIST_POSITION)
    show_comparison (self, a, b);
  show_unconfirmed (self);
}

static void
cycles_selected (ScsCompareWindow *self)
{
  guint a = adw_combo_row_get_selected (self->cycle_a_row);
  guint b = adw_combo_row_get_selected (self->cycle_b_row);

  if (!self->updating && a != GTK_INVALID_LIST_POSITION && b != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self), "compare.compare", "(uu)", a, b);
}

static void
compare_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  guint a, b;

  g_variant_get (parameter, "(uu)", &a, &b);
  show_comparison (SCS_COMPARE_WINDOW (widget), a, b);
}

static void
start_renewal_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ScsCompareWindow *self = SCS_COMPARE_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  guint cycle = scs_renewal_start (self->workspace, &error);

  if (cycle == 0)
    {
      toast (self, error->message);
      return;
    }
  {
    g_autofree char *message = g_strdup_printf (_("Renewal %u started: answers carried forward to re-confirm"),
                                                cycle);
    toast (self, message);
  }
  refresh (self);
}

static void
confirm_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ScsCompareWindow *self = SCS_COMPARE_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!scs_renewal_confirm (self->workspace, g_variant_get_string (parameter, NULL), &error))
    toast (self, error->message);
  refresh (self);
}

static void
record_change_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ScsCompareWindow *self = SCS_COMPARE_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  const char *kind, *description;

  g_variant_get (parameter, "(&s&s)", &kind, &description);
  if (!scs_renewal_record_change (self->workspace, self->validity, kind, description, &error))
    toast (self, error->message);
  else
    {
      g_autofree char *message =
        g_strdup_printf (_("Recorded: this change needs %s"),
                         scs_validity_get_check_label (self->validity,
                                                       scs_workspace_get_target_level (self->workspace)));
      toast (self, message);
      gtk_editable_set_text (GTK_EDITABLE (self->change_description_row), "");
    }
}

static void
change_applied (ScsCompareWindow *self)
{
  guint kind = adw_combo_row_get_selected (self->change_kind_row);

  if (kind == GTK_INVALID_LIST_POSITION || kind >= scs_validity_get_n_changes (self->validity))
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "compare.record-change", "(ss)",
                              scs_validity_get_change (self->validity, kind)->id,
                              gtk_editable_get_text (GTK_EDITABLE (self->change_description_row)));
}

static void
scs_compare_window_dispose (GObject *object)
{
  ScsCompareWindow *self = SCS_COMPARE_WINDOW (object);

  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  g_clear_object (&self->workspace);
  g_clear_pointer (&self->validity, scs_validity_free);
  g_clear_object (&self->changed);
  g_clear_object (&self->unconfirmed);
  g_clear_weak_pointer (&self->toast);
  G_OBJECT_CLASS (scs_compare_window_parent_class)->dispose (object);
}

static void
scs_compare_window_class_init (ScsCompareWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = scs_compare_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/jp/scsworkbench/Workbench/scs-compare-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ScsCompareWindow, toasts);
  gtk_widget_class_bind_template_child (widget_class, ScsCompareWindow, cycle_a_row);
  gtk_widget_class_bind_template_child (widget_class, ScsCompareWindow, cycle_b_row);
  gtk_widget_class_bind_template_child (widget_class, ScsCompareWindow, changed_group);
  gtk_widget_class_bind_template_child (widget_class, ScsCompareWindow, changed_list);
  gtk_widget_class_bind_template_child (widget_class, ScsCompareWindow, unconfirmed_list);
  gtk_widget_class_bind_template_child (widget_class, ScsCompareWindow, change_kind_row);
  gtk_widget_class_bind_template_child (widget_class, ScsCompareWindow, change_description_row);

  gtk_widget_class_install_action (widget_class, "compare.start-renewal", NULL, start_renewal_action);
  gtk_widget_class_install_action (widget_class, "compare.confirm", "s", confirm_action);
  gtk_widget_class_install_action (widget_class, "compare.compare", "(uu)", compare_action);
  gtk_widget_class_install_action (widget_class, "compare.record-change", "(ss)", record_change_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
scs_compare_window_init (ScsCompareWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->validity = scs_validity_load_default (&error);
  if (self->validity == NULL)
    g_error ("the built-in validity data is broken: %s", error->message);
  for (guint i = 0; i < scs_validity_get_n_changes (self->validity); i++)
    gtk_string_list_append (kinds, scs_significant_change_get_title (scs_validity_get_change (self->validity, i)));
  adw_combo_row_set_model (self->change_kind_row, G_LIST_MODEL (kinds));
  self->changed = g_list_store_new (SCS_TYPE_LIST_LINE);
  self->unconfirmed = g_list_store_new (SCS_TYPE_LIST_LINE);
  gtk_list_box_bind_model (self->changed_list, G_LIST_MODEL (self->changed), scs_list_line_row_create, NULL, NULL);
  gtk_list_box_bind_model (self->unconfirmed_list, G_LIST_MODEL (self->unconfirmed), scs_list_line_row_create,
                           NULL, NULL);

  g_signal_connect_swapped (self->cycle_a_row, "notify::selected", G_CALLBACK (cycles_selected), self);
  g_signal_connect_swapped (self->cycle_b_row, "notify::selected", G_CALLBACK (cycles_selected), self);
  g_signal_connect_swapped (self->change_description_row, "apply", G_CALLBACK (change_applied), self);
}

ScsCompareWindow *
scs_compare_window_new (GtkWindow    *parent,
                        ScsWorkspace *workspace)
{
  ScsCompareWindow *self;

  g_return_val_if_fail (SCS_IS_WORKSPACE (workspace), NULL);

  self = g_object_new (SCS_TYPE_COMPARE_WINDOW, "transient-for", parent, NULL);
  self->workspace = g_object_ref (workspace);
  g_signal_connect_swapped (workspace, "answer-changed", G_CALLBACK (answers_changed), self);
  refresh (self);
  return self;
}
