/* scs-migration-assistant.c: load another catalog version and migrate answers
 *
 * The GUI twin of `scs-cli migrate`. The user picks the official IPA
 * workbook (.xlsx) or a catalog XML file with a GtkFileChooserNative; the
 * file is read and, for a workbook, imported on a worker thread (the import
 * is pure: bytes in, catalog out) while a pulsing progress bar and a Cancel
 * button stay live. Back on the main thread the core plans the migration
 * (scs_migration_new_async(), whose plan writes nothing) and the report page
 * shows what would happen: criteria added, removed, re-worded and moved
 * between levels, answers carried over, answers to re-confirm, answers to
 * removed criteria, and whether a signed assessment makes it a new round.
 * Only the Migrate button applies the plan; the main window is then reloaded
 * so every row shows the new catalog. This file also holds the handlers of
 * the window actions win.load-catalog and win.reconfirm-answer, so the
 * window itself needs only two lines to offer them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "scs-migration-assistant.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "scs-catalog-import.h"
#include "scs-ui-resources.h"
#include "scs-window.h"

struct _ScsMigrationAssistant
{
  AdwWindow        parent_instance;

  ScsWorkspace    *workspace;
  GtkWindow       *parent;        /* weak */
  ScsMigration    *migration;
  GCancellable    *cancellable;
  GtkFileChooserNative *chooser;
  guint            pulse_id;

  GtkStack        *stack;
  GtkButton       *cancel_button;
  GtkButton       *migrate_button;
  GtkLabel        *progress_label;
  GtkProgressBar  *progress_bar;
  AdwActionRow    *catalogs_row;
  GtkLabel        *added_label;
  GtkLabel        *removed_label;
  GtkLabel        *reworded_label;
  GtkLabel        *level_label;
  GtkLabel        *carried_label;
  GtkWidget       *reconfirm_group;
  GtkLabel        *reconfirm_list;
  GtkWidget       *removed_group;
  GtkLabel        *removed_list;
  GtkWidget       *changes_group;
  GtkLabel        *changes_list;
  GtkLabel        *round_label;
  AdwStatusPage   *error_page;
  AdwStatusPage   *done_page;
};

G_DEFINE_FINAL_TYPE (ScsMigrationAssistant, scs_migration_assistant, ADW_TYPE_WINDOW)

static void
show_page (ScsMigrationAssistant *self,
           const char            *name)
{
  gboolean report = g_str_equal (name, "report");
  gboolean done = g_str_equal (name, "done");

  gtk_stack_set_visible_child_name (self->stack, name);
  gtk_widget_set_visible (GTK_WIDGET (self->migrate_button), report);
  gtk_button_set_label (self->cancel_button, done ? _("_Close") : _("_Cancel"));
  if (!g_str_equal (name, "progress"))
    g_clear_handle_id (&self->pulse_id, g_source_remove);
}

static void
show_error (ScsMigrationAssistant *self,
            const char            *message)
{
  adw_status_page_set_description (self->error_page, message);
  show_page (self, "error");
}

static char *
describe_catalog (ScsCatalog *catalog)
{
  /* Translators: "scs-official-2026-03-27 (official, 2026-03-27)" */
  return g_strdup_printf (_("%s (%s, %s)"), scs_catalog_get_id (catalog),
                          scs_catalog_is_official (catalog) ? _("official") : _("built-in"),
                          scs_catalog_get_date (catalog));
}

static void
set_count (GtkLabel *label,
           guint     n)
{
  g_autofree char *text = g_strdup_printf ("%u", n);

  gtk_label_set_text (label, text);
}

static char *
format_answers (const GPtrArray *answers)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < answers->len; i++)
    {
      const ScsMigratedAnswer *answer = g_ptr_array_index (answers, i);
      ScsAnswerState state = SCS_ANSWER_UNANSWERED;

      scs_answer_state_from_string (answer->state, &state);
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text, "%s  %s", answer->criterion_id, scs_answer_state_get_label (state));
      if ((answer->flags & SCS_CATALOG_CHANGE_REWORDED) && (answer->flags & SCS_CATALOG_CHANGE_LEVEL))
        g_string_append_printf (text, " — %s", _("re-worded, level changed"));
      else if (answer->flags & SCS_CATALOG_CHANGE_REWORDED)
        g_string_append_printf (text, " — %s", _("re-worded"));
      else if (answer->flags & SCS_CATALOG_CHANGE_LEVEL)
        g_string_append_printf (text, " — %s", _("level changed"));
      if (answer->note != NULL && *answer->note != '\0')
        g_string_append_printf (text, " — %s", answer->note);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
show_report (ScsMigrationAssistant *self)
{
  ScsCatalogDiff *diff = scs_migration_get_diff (self->migration);
  const GPtrArray *flagged = scs_migration_get_flagged (self->migration);
  const GPtrArray *removed = scs_migration_get_removed (self->migration);
  g_autofree char *from = describe_catalog (scs_catalog_diff_get_old (diff));
  g_autofree char *to = describe_catalog (scs_catalog_diff_get_new (diff));
  ScsCatalog *imported = scs_catalog_diff_get_new (diff);
  /* Translators: "old catalog → new catalog", then what the new one holds per level */
  g_autofree char *subtitle = g_strdup_printf (_("%s → %s\n★3: %u requirements, %u criteria · ★4: %u requirements, %u criteria"),
                                               from, to,
                                               scs_catalog_count_requirements (imported, 3),
                                               scs_catalog_count_criteria (imported, 3),
                                               scs_catalog_count_requirements (imported, 4),
                                               scs_catalog_count_criteria (imported, 4));
  g_autofree char *flagged_text = format_answers (flagged);
  g_autofree char *removed_text = format_answers (removed);
  g_autoptr(GString) changes = g_string_new (NULL);

  adw_action_row_set_subtitle (self->catalogs_row, subtitle);
  set_count (self->added_label, scs_catalog_diff_count (diff, SCS_CATALOG_CHANGE_ADDED));
  set_count (self->removed_label, scs_catalog_diff_count (diff, SCS_CATALOG_CHANGE_REMOVED));
  set_count (self->reworded_label, scs_catalog_diff_count (diff, SCS_CATALOG_CHANGE_REWORDED));
  set_count (self->level_label, scs_catalog_diff_count (diff, SCS_CATALOG_CHANGE_LEVEL));
  set_count (self->carried_label, scs_migration_get_n_carried (self->migration));

  gtk_label_set_text (self->reconfirm_list, flagged_text);
  gtk_widget_set_visible (self->reconfirm_group, flagged->len > 0);
  gtk_label_set_text (self->removed_list, removed_text);
  gtk_widget_set_visible (self->removed_group, removed->len > 0);

  for (guint i = 0; i < scs_catalog_diff_get_n_changes (diff); i++)
    {
      const ScsCatalogChange *change = scs_catalog_diff_get_change (diff, i);
      const char *what;

      if (change->flags & SCS_CATALOG_CHANGE_ADDED)
        what = _("added");
      else if (change->flags & SCS_CATALOG_CHANGE_REMOVED)
        what = _("removed");
      else if ((change->flags & SCS_CATALOG_CHANGE_REWORDED) && (change->flags & SCS_CATALOG_CHANGE_LEVEL))
        what = _("re-worded, level changed");
      else if (change->flags & SCS_CATALOG_CHANGE_REWORDED)
        what = _("re-worded");
      else
        what = _("level changed");
      if (changes->len > 0)
        g_string_append_c (changes, '\n');
      g_string_append_printf (changes, "%s  ★%u → ★%u  %s", change->id, change->old_level, change->new_level, what);
    }
  gtk_label_set_text (self->changes_list, changes->str);
  gtk_widget_set_visible (self->changes_group, changes->len > 0);

  gtk_label_set_text (self->round_label,
                      scs_migration_get_new_round (self->migration)
                      ? _("The assessment is signed: it stays exactly as signed, and the migration starts a new assessment round.")
                      : "");
  gtk_widget_set_visible (GTK_WIDGET (self->round_label), scs_migration_get_new_round (self->migration));

  show_page (self, "report");
}

/* Worker thread ----------------------------------------------------------- */

/* The catalog is read on a worker thread, which touches no workspace; the
 * plan is made on this one (scs_migration_new_async) and writes nothing. */
static void
on_import_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(ScsMigrationAssistant) self = user_data;
  g_autoptr(ScsMigration) migration = NULL;
  g_autoptr(GError) error = NULL;

  migration = scs_migration_new_finish (result, &error);
  /* superseded by another file */
  if (migration == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
      self->cancellable != NULL && self->cancellable != g_task_get_cancellable (G_TASK (result)))
    return;
  g_clear_object (&self->cancellable);
  if (migration == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_page (self, "choose");
      else
        show_error (self, error->message);
      return;
    }
  g_clear_object (&self->migration);
  self->migration = g_steal_pointer (&migration);
  show_report (self);
}

static gboolean
pulse (gpointer user_data)
{
  ScsMigrationAssistant *self = user_data;

  gtk_progress_bar_pulse (self->progress_bar);
  return G_SOURCE_CONTINUE;
}

static void
load_file (ScsMigrationAssistant *self,
           GFile                 *file)
{
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->migration);
  self->cancellable = g_cancellable_new ();

  name = g_file_get_basename (file);
  /* Translators: %s is a file name */
  text = g_strdup_printf (_("Reading ‘%s’…"), name);
  gtk_label_set_text (self->progress_label, text);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  show_page (self, "progress");
  if (self->pulse_id == 0)
    self->pulse_id = g_timeout_add (100, pulse, self);

  scs_migration_new_async (self->workspace, file, self->cancellable, on_import_done, g_object_ref (self));
}

/* migration.load-file (s: a path or URI): as if chosen in the chooser */
static void
load_file_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (g_variant_get_string (parameter, NULL));

  load_file (SCS_MIGRATION_ASSISTANT (widget), file);
}

/* Buttons ------------------------------------------------------------------- */

static void
on_chooser_response (ScsMigrationAssistant *self,
                     int                    response,
                     GtkFileChooserNative  *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        load_file (self, file);
    }
  g_clear_object (&self->chooser);
}

static void
on_choose_clicked (ScsMigrationAssistant *self)
{
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) xlsx = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) xml = gtk_file_filter_new ();

  gtk_file_filter_set_name (all, _("Workbooks and catalogs"));
  gtk_file_filter_add_pattern (all, "*.xlsx");
  gtk_file_filter_add_pattern (all, "*.xml");
  gtk_file_filter_set_name (xlsx, _("Official workbook (.xlsx)"));
  gtk_file_filter_add_pattern (xlsx, "*.xlsx");
  gtk_file_filter_set_name (xml, _("Catalog XML"));
  gtk_file_filter_add_pattern (xml, "*.xml");

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Choose a Workbook or Catalog"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), xlsx);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), xml);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
on_cancel_clicked (ScsMigrationAssistant *self)
{
  /* While importing, Cancel stops the import; otherwise it closes. */
  if (self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

/* "Migrate": applies the plan shown. */
static gboolean
confirm (ScsMigrationAssistant  *self,
         GError                **error)
{
  g_autofree char *description = NULL;
  const GPtrArray *flagged;

  g_return_val_if_fail (self->migration != NULL, FALSE);

  if (self->parent != NULL && SCS_IS_WINDOW (self->parent))
    scs_window_flush (SCS_WINDOW (self->parent));
  if (!scs_migration_apply (self->migration, error))
    return FALSE;

  /* Rebuild every view on the reloaded workspace. */
  if (self->parent != NULL && SCS_IS_WINDOW (self->parent) &&
      scs_window_get_workspace (SCS_WINDOW (self->parent)) == self->workspace)
    {
      scs_window_set_workspace (SCS_WINDOW (self->parent), NULL);
      scs_window_set_workspace (SCS_WINDOW (self->parent), self->workspace);
    }

  flagged = scs_migration_get_flagged (self->migration);
  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%u answer is marked for re-confirmation.",
                                              "%u answers are marked for re-confirmation.", flagged->len),
                                 flagged->len);
  adw_status_page_set_description (self->done_page, description);
  show_page (self, "done");
  return TRUE;
}

static void
on_migrate_clicked (ScsMigrationAssistant *self)
{
  g_autoptr(GError) error = NULL;

  if (!confirm (self, &error))
    show_error (self, error->message);
}

/* A modal window over @parent for @workspace. */
static GtkWidget *
scs_migration_assistant_new (GtkWindow    *parent,
                             ScsWorkspace *workspace)
{
  ScsMigrationAssistant *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SCS_IS_WORKSPACE (workspace), NULL);

  self = g_object_new (SCS_TYPE_MIGRATION_ASSISTANT, "transient-for", parent, NULL);
  self->workspace = g_object_ref (workspace);
  g_set_weak_pointer (&self->parent, parent);
  return GTK_WIDGET (self);
}

/* Window actions ------------------------------------------------------------ */

void
scs_migration_assistant_load_catalog_action (GtkWidget  *window,
                                             const char *action_name,
                                             GVariant   *parameter)
{
  ScsWorkspace *workspace = scs_window_get_workspace (SCS_WINDOW (window));

  if (workspace == NULL)
    {
      gtk_widget_activate_action (window, "win.toast", "s",
                                  _("Open a workspace first: the catalog belongs to a workspace"));
      return;
    }
  gtk_window_present (GTK_WINDOW (scs_migration_assistant_new (GTK_WINDOW (window), workspace)));
}

void
scs_migration_assistant_reconfirm_action (GtkWidget  *window,
                                          const char *action_name,
                                          GVariant   *parameter)
{
  ScsWorkspace *workspace = scs_window_get_workspace (SCS_WINDOW (window));
  const char *id = g_variant_get_string (parameter, NULL);
  g_autoptr(GError) error = NULL;

  if (workspace == NULL)
    return;
  if (!scs_migration_reconfirm (workspace, id, &error))
    gtk_widget_activate_action (window, "win.toast", "s", error->message);
}

/* Object ---------------------------------------------------------------------- */

static void
scs_migration_assistant_dispose (GObject *object)
{
  ScsMigrationAssistant *self = SCS_MIGRATION_ASSISTANT (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->pulse_id, g_source_remove);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->migration);
  g_clear_object (&self->workspace);
  g_clear_weak_pointer (&self->parent);
  gtk_widget_dispose_template (GTK_WIDGET (self), SCS_TYPE_MIGRATION_ASSISTANT);

  G_OBJECT_CLASS (scs_migration_assistant_parent_class)->dispose (object);
}

static void
scs_migration_assistant_class_init (ScsMigrationAssistantClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = scs_migration_assistant_dispose;

  (void) scs_ui_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/jp/scsworkbench/Workbench/scs-migration-assistant.ui");
  gtk_widget_class_bind_template_child (widget_class, ScsMigrationAssistant, stack);
  gtk_widget_class_bind_template_child (widget_class, ScsMigrationAssistant, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, ScsMigrationAssistant, migrate_button);
  gtk_widget_class_bind_template_child (widget_class, ScsMigrationAssistant, progress_label);
  gtk_widget_class_bind_template_child (widget_class, ScsMigrationAssistant, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, ScsMigrationAssistant, catalogs_row);
  gtk_widget_class_bind_template_child (widget_class, ScsMigrationAssistant, added_label);
  gtk_widget_class_bind_template_child (widget_class, ScsMigrationAssistant, removed_label);
  gtk_widget_class_bind_template_child (widget_class, ScsMigrationAssistant, reworded_label);
  gtk_widget_class_bind_template_child (widget_class, ScsMigrationAssistant, level_label);
  gtk_widget_class_bind_template_child (widget_class, ScsMigrationAssistant, carried_label);
  gtk_widget_class_bind_template_child (widget_class, ScsMigrationAssistant, reconfirm_group);
  gtk_widget_class_bind_template_child (widget_class, ScsMigrationAssistant, reconfirm_list);
  gtk_widget_class_bind_template_child (widget_class, ScsMigrationAssistant, removed_group);
  gtk_widget_class_bind_template_child (widget_class, ScsMigrationAssistant, removed_list);
  gtk_widget_class_bind_template_child (widget_class, ScsMigrationAssistant, changes_group);
  gtk_widget_class_bind_template_child (widget_class, ScsMigrationAssistant, changes_list);
  gtk_widget_class_bind_template_child (widget_class, ScsMigrationAssistant, round_label);
  gtk_widget_class_bind_template_child (widget_class, ScsMigrationAssistant, error_page);
  gtk_widget_class_bind_template_child (widget_class, ScsMigrationAssistant, done_page);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_migrate_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_choose_clicked);
  gtk_widget_class_install_action (widget_class, "migration.load-file", "s", load_file_action);
}

static void
scs_migration_assistant_init (ScsMigrationAssistant *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  show_page (self, "choose");
}
