/* scs-window-actions.c: the window's actions
 *
 * The win.* actions are the only path from the views back into the
 * workspace: each handler makes one ScsWorkspace call and, when it fails,
 * shows a toast and leaves the model as it was — the rows then redraw
 * themselves from the model.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "scs-window-private.h"
#include "scs-toast.h"

#include "scs-compare-window.h"
#include "scs-criterion-row.h"
#include "scs-diagnosis-window.h"
#include "scs-export-dialog.h"
#include "scs-migration-assistant.h"
#include "scs-org-dialog.h"
#include "scs-portfolio-window.h"
#include "scs-reconfirm-window.h"
#include "scs-text.h"
#include "scs-wizard-dialog.h"

static gboolean
require_workspace (ScsWindow *self)
{
  return self->workspace != NULL;
}

/* The SME's answers are the SME's: a reviewer (expert or assistant)
 * proposes changes on the review page and never edits them directly. */
static gboolean
refuse_reviewer_edit (ScsWindow *self)
{
  ScsReview *review = self->review_page != NULL ? scs_review_page_get_review (self->review_page) : NULL;
  ScsProfile *profile = review != NULL ? scs_review_get_profile (review) : NULL;

  if (profile == NULL || !scs_role_is_reviewer (scs_profile_get_role (profile)))
    return FALSE;
  _scs_window_add_toast (self, _("As a reviewer you cannot change the organisation’s answers: "
                                 "propose the change on the review page"));
  return TRUE;
}

static void
set_status_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ScsWindow *self = SCS_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  const char *id, *name;
  ScsAnswerState state;

  if (!require_workspace (self) || refuse_reviewer_edit (self))
    return;

  g_variant_get (parameter, "(&s&s)", &id, &name);
  if (!scs_answer_state_from_string (name, &state))
    {
      g_critical ("win.set-status: unknown state ‘%s’", name);
      return;
    }

  if (!scs_workspace_set_answer (self->workspace, id, state, NULL, NULL, &error))
    {
      ScsAnswer *answer = scs_workspace_lookup_answer (self->workspace, id);

      if (state == SCS_ANSWER_NOT_APPLICABLE && answer != NULL &&
          scs_text_is_blank (scs_answer_get_reason (answer)))
        {
          /* Not an error to apologise for: ask for the reason where it goes. */
          ScsChecklistItem *item = self->checklist_page != NULL
                                   ? scs_checklist_page_get_item (self->checklist_page, id) : NULL;
          g_autofree char *message =
            g_strdup_printf (_("Criterion %s needs a reason before it can be marked not applicable"), id);

          _scs_window_add_toast (self, message);
          if (item != NULL)
            scs_checklist_item_request_reason (item);
        }
      else
        _scs_window_toast_save_error (self, error);
    }
  _scs_window_update_undo (self);
}

/* The note (@is_note) or the not-applicable reason is written only over
 * the version the user began typing from (the checklist item knows it);
 * without one, over what the window shows. */
static gboolean
set_text_seen (ScsWindow   *self,
               const char  *id,
               gboolean     is_note,
               const char  *text,
               GError     **error)
{
  ScsChecklistItem *item = self->checklist_page != NULL
                           ? scs_checklist_page_get_item (self->checklist_page, id) : NULL;
  ScsAnswer *answer = scs_workspace_lookup_answer (self->workspace, id);
  gint64 seen = -1;

  if (item != NULL)
    seen = is_note ? scs_checklist_item_get_note_seen_version (item)
                   : scs_checklist_item_get_reason_seen_version (item);
  if (answer == NULL || seen < 0)
    return is_note ? scs_workspace_set_note (self->workspace, id, text, error)
                   : scs_workspace_set_reason (self->workspace, id, text, error);

  return scs_workspace_set_answer_if (self->workspace, id, seen, scs_answer_get_state (answer),
                                      is_note ? text : NULL, is_note ? NULL : text, error);
}

static void
on_text_conflict_response (AdwMessageDialog *dialog,
                           const char       *response,
                           ScsWindow        *self)
{
  const char *id = g_object_get_data (G_OBJECT (dialog), "scs-id");
  gboolean is_note = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "scs-is-note"));
  ScsChecklistItem *item = self->checklist_page != NULL
                           ? scs_checklist_page_get_item (self->checklist_page, id) : NULL;

  if (item == NULL)
    return;
  if (is_note)
    scs_checklist_item_resolve_note (item, g_str_equal (response, "mine"));
  else
    scs_checklist_item_resolve_reason (item, g_str_equal (response, "mine"));
}

/* Nothing was written: show the newer note (or reason) and the user's
 * own, and let the user choose. The user's text stays in its field until
 * then. */
static void
ask_text_conflict (ScsWindow    *self,
                   const char   *id,
                   gboolean      is_note,
                   const char   *text,
                   const GError *error)
{
  ScsChecklistItem *item = self->checklist_page != NULL
                           ? scs_checklist_page_get_item (self->checklist_page, id) : NULL;
  ScsAnswer *answer = scs_workspace_lookup_answer (self->workspace, id);
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  if (item == NULL || answer == NULL)
    {
      _scs_window_toast_save_error (self, error);
      return;
    }
  if (is_note)
    {
      scs_checklist_item_note_conflict (item);
      /* Translators: the newer note, then the user's */
      body = g_strdup_printf (_("%s\n\nNewer note:\n%s\n\nYour note:\n%s"), error->message,
                              scs_answer_get_note (answer), text);
      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                           _("Note Changed Elsewhere"), body));
      adw_message_dialog_add_responses (dialog,
                                        "theirs", _("Use the _Newer Note"),
                                        "mine", _("Keep _My Note"),
                                        NULL);
    }
  else
    {
      const char *newer = scs_answer_get_reason (answer);

      scs_checklist_item_reason_conflict (item);
      /* Translators: the newer reason, then the user's */
      body = g_strdup_printf (_("%s\n\nNewer reason:\n%s\n\nYour reason:\n%s"), error->message,
                              newer != NULL ? newer : "", text);
      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                           _("Reason Changed Elsewhere"), body));
      adw_message_dialog_add_responses (dialog,
                                        "theirs", _("Use the _Newer Reason"),
                                        "mine", _("Keep _My Reason"),
                                        NULL);
    }
  g_object_set_data_full (G_OBJECT (dialog), "scs-id", g_strdup (id), g_free);
  g_object_set_data (G_OBJECT (dialog), "scs-is-note", GINT_TO_POINTER (is_note));
  adw_message_dialog_set_default_response (dialog, "mine");
  adw_message_dialog_set_close_response (dialog, "theirs");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_text_conflict_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
set_text_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  ScsWindow *self = SCS_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  const char *id, *text;
  ScsAnswer *answer;
  gboolean ok;

  if (!require_workspace (self) || refuse_reviewer_edit (self))
    return;

  g_variant_get (parameter, "(&s&s)", &id, &text);
  answer = scs_workspace_lookup_answer (self->workspace, id);

  if (g_str_equal (action_name, "win.set-note"))
    {
      /* Unchanged text is no edit: keep the audit log and undo meaningful. */
      if (answer != NULL && g_strcmp0 (scs_answer_get_note (answer) ? scs_answer_get_note (answer) : "", text) == 0)
        return;
      ok = set_text_seen (self, id, TRUE, text, &error);
      if (!ok && g_error_matches (error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_CONFLICT))
        {
          ask_text_conflict (self, id, TRUE, text, error);
          return;
        }
    }
  else if (g_str_equal (action_name, "win.set-reason"))
    {
      if (answer != NULL && g_strcmp0 (scs_answer_get_reason (answer), text) == 0)
        return;
      ok = set_text_seen (self, id, FALSE, text, &error);
      if (!ok && g_error_matches (error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_CONFLICT))
        {
          ask_text_conflict (self, id, FALSE, text, error);
          return;
        }
    }
  else
    ok = scs_workspace_set_answer (self->workspace, id, SCS_ANSWER_NOT_APPLICABLE, NULL, text, &error);

  if (!ok)
    _scs_window_toast_save_error (self, error);
  _scs_window_update_undo (self);
}

/* A toast saying what was changed, with a button that undoes (or redoes)
 * it. One at a time: a newer one replaces the one still up, whose button
 * would now undo something else. */
static void
add_undo_toast (ScsWindow  *self,
                const char *message,
                const char *button_label,
                const char *action_name)
{
  AdwToast *toast = scs_toast_new (message);

  adw_toast_set_timeout (toast, 8);
  adw_toast_set_button_label (toast, button_label);
  adw_toast_set_action_name (toast, action_name);
  if (self->undo_toast != NULL)
    adw_toast_dismiss (self->undo_toast);
  g_set_weak_pointer (&self->undo_toast, toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Undo and redo say what they changed and bring that criterion into view:
 * a change is never made where the user cannot see it. */
static void
undo_or_redo (ScsWindow *self,
              gboolean   redo)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *criterion = NULL;
  g_autofree char *what = NULL;
  g_autofree char *message = NULL;

  if (!require_workspace (self))
    return;
  if (redo ? !scs_workspace_can_redo (self->workspace) : !scs_workspace_can_undo (self->workspace))
    return;

  criterion = g_strdup (redo ? scs_workspace_get_redo_criterion (self->workspace)
                             : scs_workspace_get_undo_criterion (self->workspace));
  what = redo ? scs_workspace_describe_redo (self->workspace) : scs_workspace_describe_undo (self->workspace);
  if (!(redo ? scs_workspace_redo (self->workspace, &error) : scs_workspace_undo (self->workspace, &error)))
    {
      message = redo
        /* Translators: %s says why */
        ? g_strdup_printf (_("Could not redo: %s"), error->message)
        /* Translators: %s says why */
        : g_strdup_printf (_("Could not undo: %s"), error->message);
      _scs_window_add_toast (self, message);
      _scs_window_update_undo (self);
      return;
    }

  /* an item of a self-declaration shows its change on its own page */
  if (criterion != NULL && scs_workspace_lookup_answer (self->workspace, criterion) != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.goto-criterion", "s", criterion);
  message = redo
    /* Translators: %s is what was done again, e.g. "the note of criterion 1-1-1-1" */
    ? g_strdup_printf (_("Redone: %s"), what)
    /* Translators: %s is what was undone, e.g. "the note of criterion 1-1-1-1" */
    : g_strdup_printf (_("Undone: %s"), what);
  add_undo_toast (self, message, redo ? _("_Undo") : _("_Redo"), redo ? "win.undo" : "win.redo");
  _scs_window_update_undo (self);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  undo_or_redo (SCS_WINDOW (widget), FALSE);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  undo_or_redo (SCS_WINDOW (widget), TRUE);
}

/* The workspace's dialogs: win.export (the submission package and the
 * printed report, issue 4) and win.edit-organization. */
static void
workspace_dialog_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  ScsWindow *self = SCS_WINDOW (widget);
  GtkWindow *dialog;

  if (self->workspace == NULL)
    return;
  if (g_str_equal (action_name, "win.export"))
    dialog = GTK_WINDOW (scs_export_dialog_new (GTK_WINDOW (self), self->workspace));
  else
    dialog = GTK_WINDOW (scs_org_dialog_new (GTK_WINDOW (self), self->workspace));
  gtk_window_present (dialog);
}

static void
print_report_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ScsWindow *self = SCS_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (self->workspace != NULL &&
      scs_export_print_report (GTK_WINDOW (self), self->workspace, NULL, &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    _scs_window_add_toast (self, error->message);
}

static void
show_category_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ScsWindow *self = SCS_WINDOW (widget);
  guint category = g_variant_get_uint32 (parameter);

  if (require_workspace (self) && category >= 1 && category <= SCS_SIDEBAR_N_CATEGORIES)
    _scs_window_show_category (self, category);
}

static void
show_dashboard_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  ScsWindow *self = SCS_WINDOW (widget);

  if (require_workspace (self))
    _scs_window_show_dashboard (self);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ScsWindow *self = SCS_WINDOW (widget);

  if (!require_workspace (self))
    return;

  adw_leaflet_set_visible_child (self->leaflet, self->content_box);
  gtk_widget_set_visible (GTK_WIDGET (_scs_window_get_checklist_page (self)), TRUE);
  scs_checklist_page_focus_search (self->checklist_page);
}

static void
goto_criterion_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  ScsWindow *self = SCS_WINDOW (widget);
  const char *id = g_variant_get_string (parameter, NULL);

  if (!require_workspace (self))
    return;

  if (!scs_checklist_page_focus_criterion (_scs_window_get_checklist_page (self), id))
    {
      /* Translators: a link to a criterion the catalog does not have */
      g_autofree char *message = g_strdup_printf (_("Criterion ‘%s’ is not in this workspace’s catalog"), id);

      _scs_window_add_toast (self, message);
      return;
    }

  scs_sidebar_select (self->sidebar, "checklist", scs_checklist_page_get_category (self->checklist_page));
  _scs_window_show_page (self, "checklist");
  adw_leaflet_set_visible_child (self->leaflet, self->content_box);
}

static void
show_review_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ScsWindow *self = SCS_WINDOW (widget);
  const char *id = g_variant_get_string (parameter, NULL);

  if (!require_workspace (self))
    return;
  /* the page first: shown for the first time, it fills its lists, and
   * only then can the criterion's desk be scrolled to */
  _scs_window_show_review (self);
  if (*id != '\0')
    scs_review_page_show_criterion (self->review_page, id);
}

static void
show_scope_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ScsWindow *self = SCS_WINDOW (widget);
  gint64 id = g_variant_get_int64 (parameter);
  ScsScope *scope;
  ScsScopeItem *item;

  if (!require_workspace (self))
    return;
  _scs_window_show_scope (self);
  /* With an item: its table too. */
  scope = id != 0 ? scs_scope_get (self->workspace, NULL) : NULL;
  item = scope != NULL ? scs_scope_lookup (scope, id) : NULL;
  if (item != NULL)
    scs_scope_page_show_kind (self->scope_page, scs_scope_item_get_kind (item));
}


/* Pages and dialogs raise toasts through these (s: the message) instead
 * of calling up to the window. */
static void
toast_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  _scs_window_add_toast (SCS_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* A toast saying what was just changed, with an Undo button (win.undo). */
static void
undo_toast_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  add_undo_toast (SCS_WINDOW (widget), g_variant_get_string (parameter, NULL), _("_Undo"), "win.undo");
}

/* Vendor and ordering-company tools (issue 7): each opens its own window. */
static void
vendor_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ScsWindow *self = SCS_WINDOW (widget);
  ScsWorkspace *workspace = scs_window_get_workspace (self);
  GtkWindow *window = NULL;

  if (g_str_equal (action_name, "win.portfolio"))
    window = GTK_WINDOW (scs_portfolio_window_new (gtk_window_get_application (GTK_WINDOW (self))));
  else if (g_str_equal (action_name, "win.supplier-wizard"))
    window = GTK_WINDOW (scs_wizard_dialog_new (GTK_WINDOW (self), NULL));
  else if (workspace == NULL)
    _scs_window_add_toast (self, _("Open a client workspace first"));
  else if (g_str_equal (action_name, "win.diagnosis"))
    window = GTK_WINDOW (scs_diagnosis_window_new (GTK_WINDOW (self), workspace));
  else
    window = GTK_WINDOW (scs_compare_window_new (GTK_WINDOW (self), workspace));

  if (window != NULL)
    gtk_window_present (window);
}

void
_scs_window_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.toast", "s", toast_action);
  gtk_widget_class_install_action (widget_class, "win.undo-toast", "s", undo_toast_action);
  gtk_widget_class_install_action (widget_class, "win.set-status", "(ss)", set_status_action);
  gtk_widget_class_install_action (widget_class, "win.set-note", "(ss)", set_text_action);
  gtk_widget_class_install_action (widget_class, "win.set-reason", "(ss)", set_text_action);
  gtk_widget_class_install_action (widget_class, "win.set-not-applicable", "(ss)", set_text_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.show-category", "u", show_category_action);
  gtk_widget_class_install_action (widget_class, "win.show-dashboard", NULL, show_dashboard_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.goto-criterion", "s", goto_criterion_action);
  gtk_widget_class_install_action (widget_class, "win.show-review", "s", show_review_action);
  gtk_widget_class_install_action (widget_class, "win.show-scope", "x", show_scope_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, workspace_dialog_action);
  gtk_widget_class_install_action (widget_class, "win.edit-organization", NULL, workspace_dialog_action);
  gtk_widget_class_install_action (widget_class, "win.print-report", NULL, print_report_action);
  gtk_widget_class_install_action (widget_class, "win.load-catalog", NULL, scs_migration_assistant_load_catalog_action);
  gtk_widget_class_install_action (widget_class, "win.reconfirm-answer", "s", scs_migration_assistant_reconfirm_action);
  gtk_widget_class_install_action (widget_class, "win.reconfirm-bulk", NULL, scs_reconfirm_window_action);
  gtk_widget_class_install_action (widget_class, "win.portfolio", NULL, vendor_action);
  gtk_widget_class_install_action (widget_class, "win.diagnosis", NULL, vendor_action);
  gtk_widget_class_install_action (widget_class, "win.renewal", NULL, vendor_action);
  gtk_widget_class_install_action (widget_class, "win.supplier-wizard", NULL, vendor_action);
}
