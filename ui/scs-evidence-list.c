/* scs-evidence-list.c: evidence files of one criterion, with drop target
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shows the evidence files the workspace links to one criterion as a boxed
 * list (ScsEvidenceRow: icon by content type, name, size, short SHA-256,
 * remove button) and lets the user attach more with a file chooser or by
 * dropping files on it. Everything the user does comes back through the
 * "evidence.*" actions, whose handlers call the core
 * (scs_workspace_add_evidence and friends); the rows are read again from the
 * workspace whenever it emits "evidence-changed" for our criterion, so the
 * list never shows anything the file does not hold. Rows are kept and given
 * the next file: a list shown for another criterion makes no widget for
 * the files it already has rows for.
 * Adding runs on a worker thread with a workspace connection of its own:
 * reading, hashing and writing a file of a few hundred megabytes takes
 * seconds, which froze the window. The add is one transaction there, as from
 * the command line; a spinner row says what is being added meanwhile, and
 * the application stays up until it is done. What is being added is kept
 * by workspace and criterion (ScsEvidenceAdds), not by the widget: the
 * checklist gives one list to many criteria in turn, and the spinner shows
 * on whichever list shows the criterion the files go to.
 * Opening a row shows PDFs in ScsPdfPreview and hands other files, extracted
 * into a private temporary directory, to the desktop's default application.
 */

#include "config.h"

#include "scs-evidence-list.h"

#include <errno.h>

#include <glib/gi18n-lib.h>

#include "scs-file.h"

#include "scs-evidence-row.h"
#include "scs-pdf-preview.h"

/* Below: the adds running, by criterion. */
#define SCS_TYPE_EVIDENCE_ADDS (scs_evidence_adds_get_type ())
G_DECLARE_FINAL_TYPE (ScsEvidenceAdds, scs_evidence_adds, SCS, EVIDENCE_ADDS, GObject)

struct _ScsEvidenceList
{
  GtkWidget             parent_instance;

  GtkListBox           *list_box;
  GtkLabel             *empty_label;
  GtkButton            *add_button;
  GtkWidget            *busy_box;
  GtkSpinner           *busy_spinner;
  GtkLabel             *busy_label;

  ScsWorkspace         *workspace;
  char                 *criterion_id;
  GPtrArray            *evidence;   /* of ScsEvidence*, what the rows show */
  GtkFileChooserNative *chooser;
  gulong                evidence_changed_id;
  ScsEvidenceAdds      *adds;       /* the workspace's adds running */
  gulong                adds_changed_id;
  gboolean              read_only;  /* the review desk: look, do not touch */
  gboolean              disposed;
};

G_DEFINE_FINAL_TYPE (ScsEvidenceList, scs_evidence_list, GTK_TYPE_WIDGET)

/* The adds of one workspace running on worker threads, by criterion ID
 * (each: how many, and the line shown meanwhile); "changed" (criterion ID)
 * when one starts or ends. One per workspace, kept as its object data. */
struct _ScsEvidenceAdds
{
  GObject     parent_instance;

  GHashTable *by_criterion;   /* ID → Adding */
};

typedef struct
{
  guint  n;
  char  *text;   /* of the latest add */
} Adding;

G_DEFINE_FINAL_TYPE (ScsEvidenceAdds, scs_evidence_adds, G_TYPE_OBJECT)

static guint adds_changed_signal;

static void
adding_free (Adding *adding)
{
  g_free (adding->text);
  g_free (adding);
}

static void
scs_evidence_adds_finalize (GObject *object)
{
  g_hash_table_unref (SCS_EVIDENCE_ADDS (object)->by_criterion);

  G_OBJECT_CLASS (scs_evidence_adds_parent_class)->finalize (object);
}

static void
scs_evidence_adds_class_init (ScsEvidenceAddsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = scs_evidence_adds_finalize;
  adds_changed_signal = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
scs_evidence_adds_init (ScsEvidenceAdds *self)
{
  self->by_criterion = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                              (GDestroyNotify) adding_free);
}

static ScsEvidenceAdds *
scs_evidence_adds_for_workspace (ScsWorkspace *workspace)
{
  ScsEvidenceAdds *adds = g_object_get_data (G_OBJECT (workspace), "scs-evidence-adds");

  if (adds == NULL)
    {
      adds = g_object_new (SCS_TYPE_EVIDENCE_ADDS, NULL);
      g_object_set_data_full (G_OBJECT (workspace), "scs-evidence-adds", adds, g_object_unref);
    }
  return adds;
}

static const Adding *
scs_evidence_adds_lookup (ScsEvidenceAdds *self,
                          const char      *criterion_id)
{
  return criterion_id != NULL ? g_hash_table_lookup (self->by_criterion, criterion_id) : NULL;
}

/* @text (taken): the line shown while it runs. */
static void
scs_evidence_adds_begin (ScsEvidenceAdds *self,
                         const char      *criterion_id,
                         char            *text)
{
  Adding *adding = g_hash_table_lookup (self->by_criterion, criterion_id);

  if (adding == NULL)
    {
      adding = g_new0 (Adding, 1);
      g_hash_table_insert (self->by_criterion, g_strdup (criterion_id), adding);
    }
  adding->n++;
  g_free (adding->text);
  adding->text = text;
  g_signal_emit (self, adds_changed_signal, 0, criterion_id);
}

static void
scs_evidence_adds_end (ScsEvidenceAdds *self,
                       const char      *criterion_id)
{
  Adding *adding = g_hash_table_lookup (self->by_criterion, criterion_id);

  g_return_if_fail (adding != NULL && adding->n > 0);
  if (--adding->n == 0)
    g_hash_table_remove (self->by_criterion, criterion_id);
  g_signal_emit (self, adds_changed_signal, 0, criterion_id);
}

enum {
  PROP_0,
  PROP_WORKSPACE,
  PROP_CRITERION_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
scs_evidence_list_show_error (ScsEvidenceList *self,
                              const char      *heading,
                              const char      *message)
{
  GtkRoot *root;
  GtkWidget *dialog;

  /* Minor trouble (one file could not be added) is a toast of the window
   * (win.toast); outside a workbench window a dialog, so it is never
   * silent. */
  if (gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", message))
    return;

  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   heading, message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static ScsEvidence *
scs_evidence_list_find (ScsEvidenceList *self,
                        const char      *sha256)
{
  if (self->evidence == NULL)
    return NULL;

  for (guint i = 0; i < self->evidence->len; i++)
    {
      ScsEvidence *evidence = g_ptr_array_index (self->evidence, i);

      if (g_strcmp0 (evidence->sha256, sha256) == 0)
        return evidence;
    }

  return NULL;
}

static gboolean
scs_evidence_is_pdf (const ScsEvidence *evidence)
{
  if (evidence->mime_type != NULL)
    {
      g_autofree char *content_type = g_content_type_from_mime_type (evidence->mime_type);

      if (g_strcmp0 (evidence->mime_type, "application/pdf") == 0)
        return TRUE;
      if (content_type != NULL && g_content_type_is_a (content_type, "application/pdf"))
        return TRUE;
    }

  return FALSE;
}

static void
scs_evidence_list_update_actions (ScsEvidenceList *self)
{
  gboolean ready = self->workspace != NULL && self->criterion_id != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "evidence.add", ready && !self->read_only);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "evidence.add-file", ready && !self->read_only);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "evidence.open", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "evidence.remove", ready && !self->read_only);
}

/* The rows show the criterion's files in the workspace's order. Rows are
 * kept and shown another file rather than made again: the checklist gives
 * one list to many criteria in turn. */
static void
scs_evidence_list_refresh (ScsEvidenceList *self)
{
  GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list_box));
  guint n = 0;

  g_clear_pointer (&self->evidence, g_ptr_array_unref);
  if (self->workspace != NULL && self->criterion_id != NULL)
    {
      g_autoptr(GError) error = NULL;

      self->evidence = scs_workspace_list_evidence (self->workspace,
                                                    self->criterion_id,
                                                    &error);
      if (self->evidence == NULL)
        g_warning ("Cannot list the evidence of criterion ‘%s’: %s",
                   self->criterion_id, error->message);
    }
  for (guint i = 0; self->evidence != NULL && i < self->evidence->len; i++)
    {
      const ScsEvidence *evidence = g_ptr_array_index (self->evidence, i);

      /* the core lists stored files, each with its hash */
      if (evidence->sha256 == NULL)
        continue;
      if (row == NULL)
        {
          GtkWidget *new_row = scs_evidence_row_new ();

          scs_evidence_row_set_evidence (SCS_EVIDENCE_ROW (new_row), evidence, self->read_only);
          gtk_list_box_append (self->list_box, new_row);
        }
      else
        {
          scs_evidence_row_set_evidence (SCS_EVIDENCE_ROW (row), evidence, self->read_only);
          row = gtk_widget_get_next_sibling (row);
        }
      n++;
    }
  while (row != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (row);

      gtk_list_box_remove (self->list_box, row);
      row = next;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->list_box), n > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), n == 0);
}

static void
on_evidence_changed (ScsWorkspace    *workspace,
                     const char      *criterion_id,
                     ScsEvidenceList *self)
{
  /* Evidence is shared between criteria by hash, but the signal names the
   * criterion whose links changed; other criteria's lists stay as they are. */
  if (criterion_id == NULL || g_strcmp0 (criterion_id, self->criterion_id) == 0)
    scs_evidence_list_refresh (self);
}

/* The line shown while @files are added. */
static char *
describe_adding (GFile **files,
                 guint   n_files)
{
  if (n_files == 1)
    {
      g_autofree char *name = g_file_get_basename (files[0]);
      g_autofree char *shown = g_filename_display_name (name ? name : "");

      /* Translators: shown with a spinner while a file is stored; %s is its name */
      return g_strdup_printf (_("Adding ‘%s’…"), shown);
    }
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Adding %u file…", "Adding %u files…", n_files),
                          n_files);
}

/* The spinner, when files are being added to the criterion shown. */
static void
scs_evidence_list_update_busy (ScsEvidenceList *self)
{
  const Adding *adding = self->adds ? scs_evidence_adds_lookup (self->adds, self->criterion_id) : NULL;

  gtk_widget_set_visible (self->busy_box, adding != NULL);
  gtk_spinner_set_spinning (self->busy_spinner, adding != NULL);
  if (adding != NULL)
    gtk_label_set_text (self->busy_label, adding->text);
}

static void
on_adds_changed (ScsEvidenceAdds *adds,
                 const char      *criterion_id,
                 ScsEvidenceList *self)
{
  if (g_strcmp0 (criterion_id, self->criterion_id) == 0)
    scs_evidence_list_update_busy (self);
}

/* One add: the list, and the application held until it is done. */
typedef struct
{
  ScsEvidenceList *self;
  GApplication    *app;
  ScsEvidenceAdds *adds;
  char            *criterion_id;
} AddCall;

/* The workspace already shows what was added (the core tells it before
 * this runs), whatever became of the widget. */
static void
add_done (GObject      *source,
          GAsyncResult *result,
          gpointer      data)
{
  AddCall *call = data;
  g_autoptr(ScsEvidenceList) self = call->self;
  g_autoptr(GError) error = NULL;

  scs_workspace_add_evidence_finish (SCS_WORKSPACE (source), result, &error);
  if (call->app != NULL)
    {
      g_application_release (call->app);
      g_object_unref (call->app);
    }
  scs_evidence_adds_end (call->adds, call->criterion_id);
  g_object_unref (call->adds);
  g_free (call->criterion_id);
  g_free (call);

  if (self->disposed)
    return;
  if (error != NULL)
    {
      scs_evidence_list_show_error (self, _("Could Not Add Evidence"), error->message);
    }
}

/* Starts adding @files (GFile*) to the criterion shown; FALSE when there is
 * nothing to add them to. */
static gboolean
scs_evidence_list_add_files (ScsEvidenceList  *self,
                             GFile           **files,
                             guint             n_files)
{
  GApplication *app = g_application_get_default ();
  AddCall *call;

  if (self->workspace == NULL || self->criterion_id == NULL || n_files == 0)
    return FALSE;

  call = g_new0 (AddCall, 1);
  call->self = g_object_ref (self);
  call->adds = g_object_ref (self->adds);
  call->criterion_id = g_strdup (self->criterion_id);
  scs_evidence_adds_begin (self->adds, self->criterion_id, describe_adding (files, n_files));
  if (app != NULL)
    {
      call->app = g_object_ref (app);
      g_application_hold (app);
    }
  scs_workspace_add_evidence_async (self->workspace, self->criterion_id, files, n_files, NULL, add_done, call);
  return TRUE;
}

static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     ScsEvidenceList *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->workspace != NULL)
    {
      g_autoptr(GListModel) model = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        g_ptr_array_add (files, g_list_model_get_item (model, i));
      scs_evidence_list_add_files (self, (GFile **) files->pdata, files->len);
    }

  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->chooser);
}

static void
scs_evidence_list_add_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  ScsEvidenceList *self = SCS_EVIDENCE_LIST (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->chooser != NULL)
    {
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
      return;
    }

  self->chooser = gtk_file_chooser_native_new (_("Add Evidence"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Add"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (self->chooser), TRUE);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
scs_evidence_list_add_file_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  ScsEvidenceList *self = SCS_EVIDENCE_LIST (widget);
  const char *path_or_uri = g_variant_get_string (parameter, NULL);
  g_autoptr(GFile) file = NULL;

  /* Accepts both, like a command line would: "file:///…" or a local path. */
  if (g_uri_peek_scheme (path_or_uri) != NULL)
    file = g_file_new_for_uri (path_or_uri);
  else
    file = g_file_new_for_path (path_or_uri);

  scs_evidence_list_add_files (self, &file, 1);
}

/* The stored name of @sha256 among the criterion's evidence, or NULL. */
static char *
scs_evidence_list_dup_name (ScsEvidenceList *self,
                            const char      *sha256)
{
  g_autoptr(GPtrArray) evidence = scs_workspace_list_evidence (self->workspace, self->criterion_id, NULL);

  for (guint i = 0; evidence != NULL && i < evidence->len; i++)
    {
      ScsEvidence *e = evidence->pdata[i];

      if (g_str_equal (e->sha256, sha256))
        return g_strdup (e->name);
    }
  return NULL;
}

static void
scs_evidence_list_remove_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  ScsEvidenceList *self = SCS_EVIDENCE_LIST (widget);
  /* A copy: unlinking refreshes the list, and the row whose button was
   * clicked is given the next file, its button another target (@parameter
   * is that button's target, not ours to keep). */
  g_autofree char *sha256 = g_variant_dup_string (parameter, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  name = scs_evidence_list_dup_name (self, sha256);
  if (!scs_workspace_unlink_evidence (self->workspace, sha256, self->criterion_id, &error))
    {
      scs_evidence_list_show_error (self, _("Could Not Remove Evidence"), error->message);
      return;
    }

  scs_evidence_list_refresh (self);
  /* Removed at once, undoable from the window's toast (or Ctrl+Z) */
  if (scs_workspace_lookup_answer (self->workspace, self->criterion_id) != NULL)
    /* Translators: %s is the evidence file's name, then the criterion ID */
    message = g_strdup_printf (_("‘%s’ removed from criterion %s"), name ? name : sha256, self->criterion_id);
  else
    /* Translators: %s is the evidence file's name, then an item of a self-declaration ("S1.1-12#1") */
    message = g_strdup_printf (_("‘%s’ removed from item %s"), name ? name : sha256, self->criterion_id);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.undo-toast", "s", message);
}

static char *
scs_evidence_safe_file_name (const char *name)
{
  g_autofree char *base = NULL;

  /* The stored name comes from whoever made the workspace: never let it
   * point outside our private directory. */
  base = g_path_get_basename (name != NULL && *name != '\0' ? name : "evidence");
  if (g_str_equal (base, ".") || g_str_equal (base, "..") || g_str_equal (base, G_DIR_SEPARATOR_S))
    return g_strdup ("evidence");

  return g_steal_pointer (&base);
}

typedef struct
{
  ScsEvidenceList *self;
  char            *name;
  char            *mime_type;
} LaunchJob;

static void
launch_job_free (LaunchJob *job)
{
  g_object_unref (job->self);
  g_free (job->name);
  g_free (job->mime_type);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LaunchJob, launch_job_free)

/* What the user can do about a file no application opens, in their
 * language: GLib's own message is English and names no file. */
char *
scs_evidence_list_describe_launch_error (const char   *name,
                                         const char   *mime_type,
                                         const GError *error)
{
  g_autofree char *description = g_content_type_get_description (mime_type != NULL ? mime_type
                                                                                     : "application/octet-stream");

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_FAILED))
    /* Translators: %s is a file name, then its type */
    return g_strdup_printf (_("No application on this computer opens ‘%s’ (%s). Only PDF files and pictures are "
                              "shown here; save a copy with scs-cli evidence extract and open it where a "
                              "suitable application is installed."), name, description);
  /* Translators: %s is a file name */
  return g_strdup_printf (_("‘%s’ could not be handed to another application."), name);
}

static gboolean
scs_evidence_is_image (const ScsEvidence *evidence)
{
  g_autofree char *content_type = NULL;

  if (evidence->mime_type == NULL)
    return FALSE;
  content_type = g_content_type_from_mime_type (evidence->mime_type);
  return content_type != NULL && g_content_type_is_a (content_type, "image/*") &&
         /* GdkTexture reads PNG, JPEG and TIFF itself */
         (g_str_equal (evidence->mime_type, "image/png") || g_str_equal (evidence->mime_type, "image/jpeg") ||
          g_str_equal (evidence->mime_type, "image/tiff"));
}

/* An image in a window of its own, from memory: nothing is written. */
static GtkWindow *
scs_evidence_image_preview_new (GBytes      *data,
                                const char  *name,
                                GError     **error)
{
  g_autoptr(GdkTexture) texture = NULL;
  GtkWidget *window, *box, *picture;

  texture = gdk_texture_new_from_bytes (data, error);
  if (texture == NULL)
    return NULL;
  window = adw_window_new ();
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  picture = gtk_picture_new_for_paintable (GDK_PAINTABLE (texture));
  gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
  gtk_widget_set_vexpand (picture, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (picture), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), picture);
  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_window_set_title (GTK_WINDOW (window), name);
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  return GTK_WINDOW (window);
}

static void
on_launch_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(LaunchJob) job = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    {
      g_autofree char *message = scs_evidence_list_describe_launch_error (job->name, job->mime_type, error);

      g_debug ("Launching a viewer for ‘%s’ failed: %s", job->name, error->message);
      scs_evidence_list_show_error (job->self, _("Could Not Open Evidence"), message);
    }
}

static void
scs_evidence_list_open_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  ScsEvidenceList *self = SCS_EVIDENCE_LIST (widget);
  const char *sha256 = g_variant_get_string (parameter, NULL);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GError) error = NULL;
  ScsEvidence *evidence;

  evidence = scs_evidence_list_find (self, sha256);
  if (evidence == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Evidence ‘%s’ is not linked to criterion ‘%s’"),
                                                  sha256, self->criterion_id);
      scs_evidence_list_show_error (self, _("Could Not Open Evidence"), message);
      return;
    }

  if (scs_evidence_is_image (evidence))
    {
      g_autoptr(GBytes) data = scs_workspace_get_evidence_data (self->workspace, sha256, &error);
      GtkWindow *preview = data ? scs_evidence_image_preview_new (data, evidence->name, &error) : NULL;

      if (preview == NULL)
        {
          /* Translators: %s is the evidence file's name, then why it cannot be shown */
          g_autofree char *message = g_strdup_printf (_("The picture ‘%s’ cannot be shown: %s"),
                                                      evidence->name, error->message);

          scs_evidence_list_show_error (self, _("Could Not Open Evidence"), message);
          return;
        }
      if (GTK_IS_WINDOW (root))
        gtk_window_set_transient_for (preview, GTK_WINDOW (root));
      gtk_window_present (preview);
    }
  else if (scs_evidence_is_pdf (evidence))
    {
      g_autoptr(GBytes) data = NULL;
      ScsPdfPreview *preview;

      data = scs_workspace_get_evidence_data (self->workspace, sha256, &error);
      if (data == NULL)
        {
          scs_evidence_list_show_error (self, _("Could Not Open Evidence"), error->message);
          return;
        }

      preview = scs_pdf_preview_new (data, evidence->name, &error);
      if (preview == NULL)
        {
          scs_evidence_list_show_error (self, _("Could Not Open Evidence"), error->message);
          return;
        }

      if (GTK_IS_WINDOW (root))
        gtk_window_set_transient_for (GTK_WINDOW (preview), GTK_WINDOW (root));
      gtk_window_present (GTK_WINDOW (preview));
    }
  else
    {
      g_autofree char *dir = NULL;
      g_autofree char *file_name = NULL;
      g_autofree char *path = NULL;
      g_autofree char *uri = NULL;
      g_autoptr(GAppLaunchContext) context = NULL;

      /* A folder per opening, with the original name so the application
       * shows and saves it under that name, in the app's private (0700)
       * folder: removed when the workbench quits (the viewer may still have
       * it open until then) and at the next start after a crash. */
      g_autofree char *private_dir = scs_file_private_dir ("evidence", &error);

      if (private_dir != NULL)
        {
          dir = g_build_filename (private_dir, "open-XXXXXX", NULL);
          if (g_mkdtemp_full (dir, 0700) == NULL)
            {
              int saved_errno = errno;

              g_clear_pointer (&dir, g_free);
              g_set_error_literal (&error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                                   g_strerror (saved_errno));
            }
        }
      if (dir == NULL)
        {
          scs_evidence_list_show_error (self, _("Could Not Open Evidence"), error->message);
          return;
        }

      file_name = scs_evidence_safe_file_name (evidence->name);
      path = g_build_filename (dir, file_name, NULL);
      if (!scs_workspace_extract_evidence (self->workspace, sha256, path, &error) ||
          (uri = g_filename_to_uri (path, NULL, &error)) == NULL)
        {
          scs_evidence_list_show_error (self, _("Could Not Open Evidence"), error->message);
          return;
        }

      context = G_APP_LAUNCH_CONTEXT (gdk_display_get_app_launch_context (gtk_widget_get_display (widget)));
      {
        LaunchJob *job = g_new0 (LaunchJob, 1);

        job->self = g_object_ref (self);
        job->name = g_strdup (evidence->name);
        job->mime_type = g_strdup (evidence->mime_type);
        g_app_info_launch_default_for_uri_async (uri, context, NULL, on_launch_done, job);
      }
    }
}

static void
on_row_activated (ScsEvidenceList *self,
                  GtkListBoxRow   *row)
{
  if (SCS_IS_EVIDENCE_ROW (row))
    gtk_widget_activate_action (GTK_WIDGET (self), "evidence.open", "s",
                                scs_evidence_row_get_sha256 (SCS_EVIDENCE_ROW (row)));
}

static gboolean
on_drop (GtkDropTarget   *target,
         const GValue    *value,
         double           x,
         double           y,
         ScsEvidenceList *self)
{
  g_autoptr(GSList) list = gdk_file_list_get_files (g_value_get_boxed (value));
  g_autoptr(GPtrArray) files = g_ptr_array_new ();

  if (self->read_only)
    return FALSE;
  for (GSList *l = list; l != NULL; l = l->next)
    g_ptr_array_add (files, l->data);
  return scs_evidence_list_add_files (self, (GFile **) files->pdata, files->len);
}

static GdkDragAction
on_drop_enter (GtkDropTarget   *target,
               double           x,
               double           y,
               ScsEvidenceList *self)
{
  /* The theme highlights :drop(active); our class lets style.css add more. */
  if (self->workspace == NULL || self->criterion_id == NULL || self->read_only)
    return 0;

  gtk_widget_add_css_class (GTK_WIDGET (self), "drop-hover");
  return GDK_ACTION_COPY;
}

static void
on_drop_leave (GtkDropTarget   *target,
               ScsEvidenceList *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self), "drop-hover");
}

static void
scs_evidence_list_dispose (GObject *object)
{
  ScsEvidenceList *self = SCS_EVIDENCE_LIST (object);

  self->disposed = TRUE;
  if (self->chooser != NULL)
    {
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  g_clear_signal_handler (&self->evidence_changed_id, self->workspace);
  g_clear_signal_handler (&self->adds_changed_id, self->adds);
  g_clear_object (&self->adds);
  g_clear_object (&self->workspace);
  g_clear_pointer (&self->evidence, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), SCS_TYPE_EVIDENCE_LIST);

  G_OBJECT_CLASS (scs_evidence_list_parent_class)->dispose (object);
}

static void
scs_evidence_list_finalize (GObject *object)
{
  ScsEvidenceList *self = SCS_EVIDENCE_LIST (object);

  g_free (self->criterion_id);

  G_OBJECT_CLASS (scs_evidence_list_parent_class)->finalize (object);
}

static void
scs_evidence_list_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ScsEvidenceList *self = SCS_EVIDENCE_LIST (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      g_value_set_object (value, self->workspace);
      break;
    case PROP_CRITERION_ID:
      g_value_set_string (value, self->criterion_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scs_evidence_list_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  ScsEvidenceList *self = SCS_EVIDENCE_LIST (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      scs_evidence_list_set_workspace (self, g_value_get_object (value));
      break;
    case PROP_CRITERION_ID:
      scs_evidence_list_set_criterion_id (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scs_evidence_list_class_init (ScsEvidenceListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = scs_evidence_list_dispose;
  object_class->finalize = scs_evidence_list_finalize;
  object_class->get_property = scs_evidence_list_get_property;
  object_class->set_property = scs_evidence_list_set_property;

  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL,
                         SCS_TYPE_WORKSPACE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CRITERION_ID] =
    g_param_spec_string ("criterion-id", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/jp/scsworkbench/Workbench/scs-evidence-list.ui");
  gtk_widget_class_bind_template_child (widget_class, ScsEvidenceList, list_box);
  gtk_widget_class_bind_template_child (widget_class, ScsEvidenceList, empty_label);
  gtk_widget_class_bind_template_child (widget_class, ScsEvidenceList, add_button);
  gtk_widget_class_bind_template_child (widget_class, ScsEvidenceList, busy_box);
  gtk_widget_class_bind_template_child (widget_class, ScsEvidenceList, busy_spinner);
  gtk_widget_class_bind_template_child (widget_class, ScsEvidenceList, busy_label);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);

  gtk_widget_class_install_action (widget_class, "evidence.add", NULL,
                                   scs_evidence_list_add_action);
  gtk_widget_class_install_action (widget_class, "evidence.add-file", "s",
                                   scs_evidence_list_add_file_action);
  gtk_widget_class_install_action (widget_class, "evidence.open", "s",
                                   scs_evidence_list_open_action);
  gtk_widget_class_install_action (widget_class, "evidence.remove", "s",
                                   scs_evidence_list_remove_action);

  gtk_widget_class_set_css_name (widget_class, "scs-evidence-list");
}

static void
scs_evidence_list_init (ScsEvidenceList *self)
{
  GtkDropTarget *target;

  gtk_widget_init_template (GTK_WIDGET (self));

  target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (target, "drop", G_CALLBACK (on_drop), self);
  g_signal_connect (target, "enter", G_CALLBACK (on_drop_enter), self);
  g_signal_connect (target, "leave", G_CALLBACK (on_drop_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));

  scs_evidence_list_update_actions (self);
}

GtkWidget *
scs_evidence_list_new (void)
{
  return g_object_new (SCS_TYPE_EVIDENCE_LIST, NULL);
}

void
scs_evidence_list_set_workspace (ScsEvidenceList *self,
                                 ScsWorkspace    *workspace)
{
  g_return_if_fail (SCS_IS_EVIDENCE_LIST (self));
  g_return_if_fail (workspace == NULL || SCS_IS_WORKSPACE (workspace));

  if (self->workspace == workspace)
    return;

  g_clear_signal_handler (&self->evidence_changed_id, self->workspace);
  g_clear_signal_handler (&self->adds_changed_id, self->adds);
  g_clear_object (&self->adds);
  g_set_object (&self->workspace, workspace);
  if (workspace != NULL)
    {
      self->evidence_changed_id = g_signal_connect (workspace, "evidence-changed",
                                                    G_CALLBACK (on_evidence_changed), self);
      self->adds = g_object_ref (scs_evidence_adds_for_workspace (workspace));
      self->adds_changed_id = g_signal_connect (self->adds, "changed", G_CALLBACK (on_adds_changed), self);
    }

  scs_evidence_list_update_actions (self);
  scs_evidence_list_refresh (self);
  scs_evidence_list_update_busy (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSPACE]);
}

void
scs_evidence_list_set_criterion_id (ScsEvidenceList *self,
                                    const char      *criterion_id)
{
  g_return_if_fail (SCS_IS_EVIDENCE_LIST (self));

  if (g_strcmp0 (self->criterion_id, criterion_id) == 0)
    return;

  g_free (self->criterion_id);
  self->criterion_id = g_strdup (criterion_id);

  scs_evidence_list_update_actions (self);
  scs_evidence_list_refresh (self);
  scs_evidence_list_update_busy (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CRITERION_ID]);
}

/* The last error an add reported (all its messages, one per line), or NULL. */
/**
 * scs_evidence_list_set_read_only:
 *
 * The review desk's list: rows open a preview (PDF, picture) or a private
 * copy in another application; nothing can be added or removed.
 */
void
scs_evidence_list_set_read_only (ScsEvidenceList *self,
                                 gboolean         read_only)
{
  g_return_if_fail (SCS_IS_EVIDENCE_LIST (self));

  if (self->read_only == !!read_only)
    return;
  self->read_only = !!read_only;
  gtk_widget_set_visible (GTK_WIDGET (self->add_button), !self->read_only);
  scs_evidence_list_update_actions (self);
  /* every row changes (no remove button; a preview instead) */
  scs_evidence_list_refresh (self);
}
