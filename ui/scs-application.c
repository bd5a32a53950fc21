/* scs-application.c: the AdwApplication of SCS Workbench
 *
 * Owns the application-wide actions (new, open, preferences, about,
 * shortcuts, quit) and their accelerators, and turns files into windows:
 * a workspace opens in the window that asked when that window is still
 * empty, else in a new one, and a file that is already open is just
 * presented. A file that cannot be opened (not a workspace, written by a
 * newer version, damaged) is reported in a message dialog with the core's
 * error text and nothing else changes. Every workspace is told who is
 * editing ("actor-name" or the account's real name) before it is shown,
 * because that name goes into the audit log. It loads style.css itself
 * (see scs_application_new() for why not from a resource base path).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "scs-application.h"

#include "scs-file.h"
#include "scs-startup-trace.h"

#include <glib/gi18n-lib.h>

#include "scs-new-workspace-dialog.h"
#include "scs-preferences-window.h"
#include "scs-first-run-dialog.h"
#include "scs-profile.h"
#include "scs-verify-view.h"
#include "scs-window.h"

/* A workspace opened ahead, in a thread: see scs_application_prefetch(). */
typedef struct
{
  char         *path;
  ScsWorkspace *workspace;
  GError       *error;
} Prefetch;

struct _ScsApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  GThread        *prefetch;   /* returns its Prefetch */
  gboolean        asked_profile;
};

G_DEFINE_FINAL_TYPE (ScsApplication, scs_application, ADW_TYPE_APPLICATION)

GSettings *
scs_settings_new (void)
{
  static gsize warned = 0;
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);

  if (schema == NULL)
    {
      if (g_once_init_enter (&warned))
        {
          g_warning ("GSettings schema %s is not installed; settings will not be kept "
                     "(set GSETTINGS_SCHEMA_DIR when running from the build tree)", APP_ID);
          g_once_init_leave (&warned, 1);
        }
      return NULL;
    }

  return g_settings_new_full (schema, NULL, NULL);
}

char *
scs_settings_dup_actor_name (void)
{
  g_autoptr(GSettings) settings = scs_settings_new ();
  g_autofree char *name = settings ? g_settings_get_string (settings, "actor-name") : NULL;
  g_autoptr(ScsProfile) profile = scs_profile_load_default (NULL);
  const char *real_name;

  /* The profile ("who am I", also used for reviews) comes first. */
  if (profile != NULL && scs_profile_get_name (profile) != NULL && *scs_profile_get_name (profile) != '\0')
    return g_strdup (scs_profile_get_name (profile));
  if (name != NULL && *g_strstrip (name) != '\0')
    return g_steal_pointer (&name);

  real_name = g_get_real_name ();
  if (real_name == NULL || *real_name == '\0' || g_str_equal (real_name, "Unknown"))
    real_name = g_get_user_name ();
  return g_strdup (real_name);
}

static GtkWindow *
active_window (ScsApplication *self)
{
  return gtk_application_get_active_window (GTK_APPLICATION (self));
}

static ScsWindow *
ensure_window (ScsApplication *self)
{
  GtkWindow *window = active_window (self);

  if (!SCS_IS_WINDOW (window))
    window = GTK_WINDOW (scs_window_new (GTK_APPLICATION (self)));
  return SCS_WINDOW (window);
}

static void
show_error (ScsApplication *self,
            GtkWindow      *parent,
            const char     *heading,
            const char     *body)
{
  GtkWidget *dialog;

  /* The dialog needs its parent on screen. */
  if (parent != NULL && !gtk_widget_get_visible (GTK_WIDGET (parent)))
    gtk_window_present (parent);
  dialog = adw_message_dialog_new (parent, heading, body);

  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Runs at low priority after the first frame: gtk_recent_manager_add_full()
 * reads and writes recently-used.xbel, which start-up need not wait for. */
static gboolean
add_to_recent_idle (gpointer data)
{
  const char *uri = data;
  GtkRecentData recent = {
    .display_name = NULL,
    .description = NULL,
    .mime_type = (char *) "application/x-scs-workspace",
    .app_name = (char *) "SCS Workbench",
    .app_exec = (char *) "scs-workbench %f",
  };

  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &recent);
  return G_SOURCE_REMOVE;
}

static void
add_to_recent (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_idle_add_full (G_PRIORITY_LOW, add_to_recent_idle, g_file_get_uri (file), g_free);
}

void
scs_application_show_workspace (ScsApplication *self,
                                ScsWorkspace   *workspace,
                                GtkWindow      *parent)
{
  g_autofree char *actor = NULL;
  GtkWindow *window = NULL;

  g_return_if_fail (SCS_IS_APPLICATION (self));
  g_return_if_fail (SCS_IS_WORKSPACE (workspace));

  actor = scs_settings_dup_actor_name ();
  scs_workspace_set_actor (workspace, actor);

  /* Reuse an empty window: the one that asked, else the active one. */
  if (SCS_IS_WINDOW (parent) && scs_window_get_workspace (SCS_WINDOW (parent)) == NULL)
    window = parent;
  else if (SCS_IS_WINDOW (active_window (self)) &&
           scs_window_get_workspace (SCS_WINDOW (active_window (self))) == NULL)
    window = active_window (self);
  else
    window = GTK_WINDOW (scs_window_new (GTK_APPLICATION (self)));

  scs_startup_mark ("workspace-opened");
  scs_window_set_workspace (SCS_WINDOW (window), workspace);
  scs_startup_mark ("workspace-shown");
  gtk_window_present (window);
  scs_startup_mark ("presented");

  add_to_recent (scs_workspace_get_path (workspace));
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "last-workspace", scs_workspace_get_path (workspace));
}

static void
prefetch_free (Prefetch *prefetch)
{
  g_free (prefetch->path);
  g_clear_object (&prefetch->workspace);
  g_clear_error (&prefetch->error);
  g_free (prefetch);
}

static gpointer
prefetch_thread (gpointer data)
{
  Prefetch *prefetch = data;

  prefetch->workspace = scs_workspace_open (prefetch->path, &prefetch->error);
  return prefetch;
}

/* Waits for the prefetch, if any; its workspace (or its error) when it
 * opened @path, else NULL and FALSE (a prefetch of another file is closed). */
static gboolean
take_prefetch (ScsApplication  *self,
               const char      *path,
               ScsWorkspace   **workspace,
               GError         **error)
{
  Prefetch *prefetch;
  gboolean same;

  if (self->prefetch == NULL)
    return FALSE;
  prefetch = g_thread_join (g_steal_pointer (&self->prefetch));
  same = path != NULL && g_str_equal (prefetch->path, path);
  if (same)
    {
      *workspace = g_steal_pointer (&prefetch->workspace);
      /* opened on the prefetch thread, which has ended: ours from now on */
      if (*workspace != NULL)
        scs_workspace_take_over (*workspace);
      if (prefetch->error != NULL)
        g_propagate_error (error, g_steal_pointer (&prefetch->error));
    }
  prefetch_free (prefetch);
  return same;
}

/**
 * scs_application_prefetch:
 *
 * Called from main() before g_application_run() with its arguments: when
 * the start will open a workspace — the one file on the command line, or
 * with none the last workspace of the settings — opens it in a thread
 * while GTK starts (SQLite, the catalog), and scs_application_open_file()
 * or the activation takes it from there. Only ever one, at start-up.
 */
void
scs_application_prefetch (ScsApplication  *self,
                          int              argc,
                          char           **argv)
{
  g_autofree char *path = NULL;
  Prefetch *prefetch;

  g_return_if_fail (SCS_IS_APPLICATION (self));
  g_return_if_fail (self->prefetch == NULL);

  if (argc == 2 && argv[1][0] != '-')
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[1]);

      path = g_file_get_path (file);
    }
  else if (argc == 1 && self->settings != NULL)
    path = g_settings_get_string (self->settings, "last-workspace");

  /* A package opens in the verify view; a missing file is reported later. */
  if (path == NULL || *path == '\0' || g_str_has_suffix (path, ".scsp") ||
      !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return;

  prefetch = g_new0 (Prefetch, 1);
  prefetch->path = g_steal_pointer (&path);
  self->prefetch = g_thread_new ("scs-prefetch", prefetch_thread, prefetch);
}

/* scs_workspace_open(), or what the prefetch made of the same path. */
static ScsWorkspace *
open_workspace (ScsApplication  *self,
                const char      *path,
                GError         **error)
{
  ScsWorkspace *workspace = NULL;

  if (take_prefetch (self, path, &workspace, error))
    return workspace;
  return scs_workspace_open (path, error);
}

static GtkWindow *
find_window_for_path (ScsApplication *self,
                      const char     *path)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      ScsWorkspace *workspace;

      if (!SCS_IS_WINDOW (l->data))
        continue;
      workspace = scs_window_get_workspace (l->data);
      /* the same file, however its path is spelled or linked */
      if (workspace != NULL && scs_workspace_is_file (workspace, path))
        return l->data;
    }
  return NULL;
}

gboolean
scs_application_open_file (ScsApplication *self,
                           GFile          *file,
                           GtkWindow      *parent)
{
  g_autoptr(ScsWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *heading = NULL;
  GtkWindow *existing;

  g_return_val_if_fail (SCS_IS_APPLICATION (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  basename = g_file_get_basename (file);
  /* Translators: %s is a file name */
  heading = g_strdup_printf (_("Could Not Open “%s”"), basename ? basename : "");

  if (path == NULL)
    {
      show_error (self, parent, heading, _("Only workspaces on this computer can be opened."));
      return FALSE;
    }

  /* a submission package opens in the verify view, never as a workspace */
  if (g_str_has_suffix (path, ".scsp"))
    {
      gtk_window_present (GTK_WINDOW (scs_verify_view_new (GTK_APPLICATION (self), file)));
      return TRUE;
    }

  existing = find_window_for_path (self, path);
  if (existing != NULL)
    {
      gtk_window_present (existing);
      return TRUE;
    }

  workspace = open_workspace (self, path, &error);
  if (workspace == NULL)
    {
      show_error (self, parent, heading, error->message);
      return FALSE;
    }

  scs_application_show_workspace (self, workspace, parent);
  return TRUE;
}

/* Actions ---------------------------------------------------------------- */

static void
on_workspace_created (ScsNewWorkspaceDialog *dialog,
                      ScsWorkspace          *workspace,
                      ScsApplication        *self)
{
  scs_application_show_workspace (self, workspace,
                                  gtk_window_get_transient_for (GTK_WINDOW (dialog)));
}

static void
new_action (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  ScsApplication *self = user_data;
  ScsNewWorkspaceDialog *dialog = scs_new_workspace_dialog_new (active_window (self));

  g_signal_connect_object (dialog, "created", G_CALLBACK (on_workspace_created), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_open_response (GtkNativeDialog *chooser,
                  int              response,
                  ScsApplication  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        scs_application_open_file (self, file, gtk_native_dialog_get_transient_for (chooser));
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
open_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  ScsApplication *self = user_data;
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Open Workspace"), active_window (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  gtk_file_filter_set_name (filter, _("SCS Workbench workspaces"));
  gtk_file_filter_add_pattern (filter, "*.scsw");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  {
    g_autoptr(GtkFileFilter) packages = gtk_file_filter_new ();

    gtk_file_filter_set_name (packages, _("Submission packages (check only)"));
    gtk_file_filter_add_pattern (packages, "*.scsp");
    gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), packages);
  }
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), filter);

  /* The chooser holds itself until the response. */
  g_signal_connect (chooser, "response", G_CALLBACK (on_open_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  ScsApplication *self = user_data;
  ScsPreferencesWindow *window = scs_preferences_window_new (active_window (self));

  gtk_window_present (GTK_WINDOW (window));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  ScsApplication *self = user_data;
  const char *developers[] = { _("The SCS Workbench contributors"), NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", active_window (self),
                        "application-name", _("SCS Workbench"),
                        "application-icon", APP_ID,
                        "developer-name", _("The SCS Workbench contributors"),
                        "developers", developers,
                        "version", PACKAGE_VERSION,
                        "comments", _("Prepare the self-assessment of Japan’s supply-chain security "
                                      "evaluation scheme (SCS評価制度): answer every criterion, keep "
                                      "the evidence, and see how ready your organisation is. "
                                      "This is not an official IPA or METI tool."),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        /* Translators: your names, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
shortcuts_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  ScsApplication *self = user_data;
  GtkWindow *window = active_window (self);

  if (window == NULL)
    return;
  /* Built the first time it is asked for. Under the name
   * gtk/help-overlay.ui GtkApplication would build it for every main
   * window it adds, a few milliseconds of every start-up. */
  if (GTK_IS_APPLICATION_WINDOW (window) &&
      gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)) == NULL)
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource ("/jp/scsworkbench/Workbench/scs-shortcuts-window.ui");

      gtk_application_window_set_help_overlay (GTK_APPLICATION_WINDOW (window),
                                               GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay")));
    }
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  ScsApplication *self = user_data;
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Closing runs each window's close-request, which saves pending text. */
  for (GList *l = windows; l != NULL; l = l->next)
    if (SCS_IS_WINDOW (l->data))
      gtk_window_close (l->data);
  g_list_free (windows);

  g_application_quit (G_APPLICATION (self));
}

static const GActionEntry app_actions[] = {
  { "new", new_action },
  { "open", open_action },
  { "preferences", preferences_action },
  { "about", about_action },
  { "shortcuts", shortcuts_action },
  { "quit", quit_action },
};

/* GApplication ----------------------------------------------------------- */

static void
scs_application_startup (GApplication *application)
{
  static const struct { const char *action; const char *accels[3]; } accels[] = {
    { "app.new", { "<Control>n", NULL } },
    { "app.open", { "<Control>o", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "app.quit", { "<Control>q", NULL } },
    { "win.undo", { "<Control>z", NULL } },
    { "win.redo", { "<Control><Shift>z", "<Control>y", NULL } },
    { "win.search", { "<Control>f", NULL } },
    { "app.shortcuts", { "<Control>question", NULL } },
  };
  static gsize named;
  ScsApplication *self = SCS_APPLICATION (application);
  g_autoptr(GtkCssProvider) css = NULL;

  G_APPLICATION_CLASS (scs_application_parent_class)->startup (application);
  /* What AdwApplication would load from a resource base path; see
   * scs_application_new(). */
  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, "/jp/scsworkbench/Workbench/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  /* Process-wide, once (tests start more than one application). */
  if (g_once_init_enter (&named))
    {
      g_set_application_name (_("SCS Workbench"));
      g_once_init_leave (&named, 1);
    }
  gtk_window_set_default_icon_name (APP_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action, accels[i].accels);

  /* Evidence copies a crashed run left for viewers (confidential). */
  scs_file_clean_private_dirs ("evidence");
}

/* On the first start, who is using the workbench: asked over the first
 * window once it is shown. */
static void
ask_profile_if_needed (ScsApplication *self,
                       GtkWindow      *window)
{
  if (self->asked_profile || !scs_first_run_needed ())
    return;
  self->asked_profile = TRUE;
  gtk_window_present (GTK_WINDOW (scs_first_run_dialog_new (window)));
}

static void
scs_application_activate (GApplication *application)
{
  ScsApplication *self = SCS_APPLICATION (application);
  GtkWindow *window = active_window (self);
  g_autofree char *last = NULL;

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  window = GTK_WINDOW (ensure_window (self));
  gtk_window_present (window);
  ask_profile_if_needed (self, window);

  /* Pick up where the user left off; if that fails, the welcome page stays. */
  last = self->settings ? g_settings_get_string (self->settings, "last-workspace") : NULL;
  if (last != NULL && *last != '\0' && g_file_test (last, G_FILE_TEST_IS_REGULAR))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ScsWorkspace) workspace = open_workspace (self, last, &error);

      if (workspace != NULL)
        scs_application_show_workspace (self, workspace, window);
      else
        g_message ("Not reopening %s: %s", last, error->message);
    }
}

static void
scs_application_open (GApplication  *application,
                      GFile        **files,
                      int            n_files,
                      const char    *hint)
{
  ScsApplication *self = SCS_APPLICATION (application);
  ScsWindow *window = ensure_window (self);

  /* The workspace goes into the window before it is first shown, so the
   * window is laid out and painted once, with the workspace (an error
   * dialog presents its parent first, see show_error). */
  for (int i = 0; i < n_files; i++)
    scs_application_open_file (self, files[i], GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (window));
  ask_profile_if_needed (self, GTK_WINDOW (window));
}

static void
scs_application_shutdown (GApplication *application)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (application)); l != NULL; l = l->next)
    if (SCS_IS_WINDOW (l->data))
      scs_window_flush (l->data);

  /* The copies of evidence opened in other applications. */
  scs_file_remove_private_dir ("evidence");

  G_APPLICATION_CLASS (scs_application_parent_class)->shutdown (application);
}

static void
scs_application_dispose (GObject *object)
{
  ScsApplication *self = SCS_APPLICATION (object);
  ScsWorkspace *unused = NULL;

  /* A prefetch nobody took (the start opened something else) is closed. */
  take_prefetch (self, NULL, &unused, NULL);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (scs_application_parent_class)->dispose (object);
}

static void
scs_application_class_init (ScsApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = scs_application_dispose;
  app_class->startup = scs_application_startup;
  app_class->activate = scs_application_activate;
  app_class->open = scs_application_open;
  app_class->shutdown = scs_application_shutdown;
}

static void
scs_application_init (ScsApplication *self)
{
  self->settings = scs_settings_new ();
}

ScsApplication *
scs_application_new (void)
{
  /* NON_UNIQUE: every start is its own process, so a missing session bus
   * (a fresh machine, Xvfb) never stops the app. No resource base path:
   * GtkApplication would add its icons/ folder to the icon theme during
   * start-up, which throws away the theme GTK has begun loading in the
   * background and has the first window load it again, synchronously
   * (~15 ms). We have no icons, menus or help overlay there; style.css is
   * loaded in startup. */
  ScsApplication *self = g_object_new (SCS_TYPE_APPLICATION,
                                       "application-id", APP_ID,
                                       "flags", G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE,
                                       NULL);

  g_application_set_resource_base_path (G_APPLICATION (self), NULL);
  return self;
}
