/* test-lost-update.c: the window never puts back what another program changed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The organisation dialog is open on the workspace while `scs-cli org set`
 * (a real second process) changes the profile and exits 0; then the user
 * saves the form:
 *
 * - a field the CLI changed and the user did not touch keeps the CLI's
 *   value (before: the form wrote every row as it was when it opened);
 * - a field both changed: the dialog stays open and says so, the user's
 *   text stays in its row, the untouched rows show the newer values, and
 *   saving again stores the user's text over the CLI's.
 */

#include "config.h"

#include <string.h>
#include <sys/wait.h>

#include <gtk/gtk.h>
#include <adwaita.h>

#include "gui-test-util.h"
#include "scs-org-dialog.h"
#include "scs-workspace.h"

typedef struct
{
  char         *dir;
  char         *path;
  ScsWorkspace *workspace;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(ScsOrganization) org = gui_test_sample_organization ("株式会社テスト製作所");

  org->address = g_strdup ("東京都千代田区1-1-1");
  fixture->dir = gui_test_make_tmp_dir ("scs-test-lost-update-XXXXXX");
  fixture->path = g_build_filename (fixture->dir, "test.scsw", NULL);
  fixture->workspace = gui_test_create_workspace (fixture->path, org, 3);
  g_assert_nonnull (fixture->workspace);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_object (&fixture->workspace);
  gui_test_remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

/* Runs `scs-cli org set PATH` with the arguments after @path
 * (NULL-terminated); TRUE when it exited 0. */
static gboolean
cli_org_set (const char *path,
             ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *arg;
  va_list args;
  int status = 0;

  g_assert_nonnull (g_getenv ("SCS_CLI"));
  g_ptr_array_add (argv, (gpointer) g_getenv ("SCS_CLI"));
  g_ptr_array_add (argv, (gpointer) "--actor=同僚");
  g_ptr_array_add (argv, (gpointer) "org");
  g_ptr_array_add (argv, (gpointer) "set");
  g_ptr_array_add (argv, (gpointer) path);
  va_start (args, path);
  for (arg = va_arg (args, const char *); arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  g_test_message ("scs-cli org set: %s%s", out, err);
  return WIFEXITED (status) && WEXITSTATUS (status) == 0;
}

static AdwEntryRow *
row (ScsOrgDialog *dialog,
     const char   *name)
{
  return ADW_ENTRY_ROW (gtk_widget_get_template_child (GTK_WIDGET (dialog), SCS_TYPE_ORG_DIALOG, name));
}

static const char *
row_text (ScsOrgDialog *dialog,
          const char   *name)
{
  return gtk_editable_get_text (GTK_EDITABLE (row (dialog, name)));
}

static void
on_saved (ScsOrgDialog *dialog,
          gboolean     *saved)
{
  *saved = TRUE;
}

/* What a fresh connection reads from the file. */
static ScsOrganization *
stored_organization (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsWorkspace) ws = scs_workspace_open (path, &error);

  g_assert_no_error (error);
  return scs_workspace_dup_organization (ws);
}

static void
test_org_dialog_merge (Fixture       *fixture,
                       gconstpointer  user_data)
{
  ScsOrgDialog *dialog = scs_org_dialog_new (NULL, fixture->workspace);
  g_autoptr(ScsOrganization) org = NULL;
  g_autoptr(GError) error = NULL;
  gboolean saved = FALSE;

  g_object_ref (dialog);   /* it closes itself once saved */
  g_signal_connect (dialog, "saved", G_CALLBACK (on_saved), &saved);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_cmpstr (row_text (dialog, "email_row"), ==, "");

  g_assert_true (cli_org_set (fixture->path, "--contact-email", "soumu@example.jp", NULL));
  /* The window noticed (its watch, here asked directly) */
  g_assert_true (scs_workspace_refresh (fixture->workspace, &error));
  g_assert_no_error (error);

  gtk_editable_set_text (GTK_EDITABLE (row (dialog, "address_row")), "大阪府大阪市北区2-2-2");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "org.save", NULL));
  g_assert_true (saved);

  org = stored_organization (fixture->path);
  g_assert_cmpstr (org->address, ==, "大阪府大阪市北区2-2-2");
  g_assert_cmpstr (org->contact_email, ==, "soumu@example.jp");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
}

static void
test_org_dialog_conflict (Fixture       *fixture,
                          gconstpointer  user_data)
{
  ScsOrgDialog *dialog = scs_org_dialog_new (NULL, fixture->workspace);
  GtkWidget *message = NULL;
  g_autoptr(ScsOrganization) org = NULL;
  gboolean saved = FALSE;

  g_object_ref (dialog);   /* it closes itself once saved */
  g_signal_connect (dialog, "saved", G_CALLBACK (on_saved), &saved);
  gtk_window_present (GTK_WINDOW (dialog));
  message = gui_test_find_child (GTK_WIDGET (dialog), "message_label");

  g_assert_true (cli_org_set (fixture->path, "--address", "福岡県福岡市1-1",
                              "--contact-phone", "092-000-0000", NULL));
  /* No refresh: the window has not looked yet */

  gtk_editable_set_text (GTK_EDITABLE (row (dialog, "address_row")), "大阪府大阪市北区2-2-2");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "org.save", NULL);
  g_assert_false (saved);
  g_assert_true (gtk_widget_get_visible (message));
  g_test_message ("%s", gtk_label_get_label (GTK_LABEL (message)));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (message)), "福岡県福岡市1-1"));
  /* What the user typed is kept; the row they left shows the newer value */
  g_assert_cmpstr (row_text (dialog, "address_row"), ==, "大阪府大阪市北区2-2-2");
  g_assert_cmpstr (row_text (dialog, "phone_row"), ==, "092-000-0000");
  org = stored_organization (fixture->path);
  g_assert_cmpstr (org->address, ==, "福岡県福岡市1-1");
  g_clear_pointer (&org, scs_organization_free);

  /* Saved again: the user's address over the CLI's, the CLI's phone kept */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "org.save", NULL));
  g_assert_true (saved);
  org = stored_organization (fixture->path);
  g_assert_cmpstr (org->address, ==, "大阪府大阪市北区2-2-2");
  g_assert_cmpstr (org->contact_phone, ==, "092-000-0000");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
}

int
main (int   argc,
      char *argv[])
{
  gui_test_init (&argc, &argv, "ja");

  g_test_add ("/scs/gui/lost-update/org-dialog/merge", Fixture, NULL,
              fixture_set_up, test_org_dialog_merge, fixture_tear_down);
  g_test_add ("/scs/gui/lost-update/org-dialog/conflict", Fixture, NULL,
              fixture_set_up, test_org_dialog_conflict, fixture_tear_down);

  return g_test_run ();
}
