/* scs-verify-view.c: the result of checking a submission package (.scsp)
 *
 * Opening a package in the app runs the same verifier as `scs-cli verify`
 * on a worker thread (a large package is hashed in full) and shows its
 * verdict: valid with its signers checked against the trusted CAs of the
 * preferences, intact with the signers not verified, not valid, or refused
 * as unreadable or hostile, then one row per check naming the file
 * concerned, failures first. Nothing is extracted.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "scs-verify-view.h"

#include <glib/gi18n-lib.h>

#include "scs-list-line.h"
#include "scs-trust-settings.h"

struct _ScsVerifyView
{
  AdwWindow        parent_instance;

  AdwStatusPage   *status_page;
  GtkListBox      *list;

  GFile           *file;
  GCancellable    *cancellable;
  ScsVerifyResult *result;
};

G_DEFINE_FINAL_TYPE (ScsVerifyView, scs_verify_view, ADW_TYPE_WINDOW)

enum
{
  DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static int
status_rank (ScsCheckStatus status)
{
  return status == SCS_CHECK_FAIL ? 0 : status == SCS_CHECK_WARN ? 1 : 2;
}

/* One line per check, failures first, then warnings, then passes. */
static void
add_rows (ScsVerifyView *self)
{
  g_autoptr(GListStore) checks = g_list_store_new (SCS_TYPE_LIST_LINE);

  for (int rank = 0; rank < 3; rank++)
    for (guint i = 0; i < self->result->checks->len; i++)
      {
        ScsVerifyCheck *check = g_ptr_array_index (self->result->checks, i);
        g_autoptr(ScsListLine) line = NULL;

        if (status_rank (check->status) != rank)
          continue;
        line = scs_list_line_new (check->message, check->file);
        scs_list_line_set_icon (line,
                                check->status == SCS_CHECK_PASS ? "emblem-ok-symbolic"
                                : check->status == SCS_CHECK_WARN ? "dialog-warning-symbolic"
                                : "dialog-error-symbolic",
                                check->status == SCS_CHECK_PASS ? "success"
                                : check->status == SCS_CHECK_WARN ? "warning" : "error",
                                NULL);
        g_list_store_append (checks, line);
      }
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (checks), scs_list_line_row_create, NULL, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->list), TRUE);
}

static void
on_verified (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(ScsVerifyView) self = user_data;
  g_autoptr(GError) error = NULL;

  self->result = scs_verify_package_file_finish (result, &error);
  g_clear_object (&self->cancellable);
  if (self->result == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      adw_status_page_set_icon_name (self->status_page, "dialog-error-symbolic");
      adw_status_page_set_title (self->status_page, _("Package Refused"));
      adw_status_page_set_description (self->status_page, error->message);
    }
  else if (self->result->valid)
    {
      adw_status_page_set_icon_name (self->status_page, "emblem-ok-symbolic");
      adw_status_page_set_title (self->status_page, _("Valid Package"));
      adw_status_page_set_description (self->status_page,
                                       self->result->trusted
                                         ? _("Every file matches the manifest and the signatures are valid.")
                                         : _("Every file matches the manifest and the signatures are intact, "
                                             "but the signers are not verified: add the issuing CA under "
                                             "Preferences → Trusted Certificate Authorities."));
      add_rows (self);
    }
  else
    {
      adw_status_page_set_icon_name (self->status_page, "dialog-warning-symbolic");
      adw_status_page_set_title (self->status_page,
                                 self->result->draft ? _("Draft Package") : _("Package Not Valid"));
      adw_status_page_set_description (self->status_page,
                                       self->result->draft
                                         ? _("A draft is for review: it is not signed and cannot be submitted.")
                                         : _("Some files were changed, added or removed, or a signature or "
                                             "the content is incomplete. See the checks below."));
      add_rows (self);
    }
  g_signal_emit (self, signals[DONE], 0);
}

static void
scs_verify_view_dispose (GObject *object)
{
  ScsVerifyView *self = SCS_VERIFY_VIEW (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), SCS_TYPE_VERIFY_VIEW);

  G_OBJECT_CLASS (scs_verify_view_parent_class)->dispose (object);
}

static void
scs_verify_view_finalize (GObject *object)
{
  ScsVerifyView *self = SCS_VERIFY_VIEW (object);

  g_clear_object (&self->file);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->result, scs_verify_result_free);

  G_OBJECT_CLASS (scs_verify_view_parent_class)->finalize (object);
}

static void
scs_verify_view_class_init (ScsVerifyViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = scs_verify_view_dispose;
  object_class->finalize = scs_verify_view_finalize;

  signals[DONE] = g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/jp/scsworkbench/Workbench/scs-verify-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ScsVerifyView, status_page);
  gtk_widget_class_bind_template_child (widget_class, ScsVerifyView, list);
}

static void
scs_verify_view_init (ScsVerifyView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

ScsVerifyView *
scs_verify_view_new (GtkApplication *application,
                     GFile          *file)
{
  ScsVerifyView *self;
  g_autofree char *basename = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (SCS_TYPE_VERIFY_VIEW, "application", application, NULL);
  self->file = g_object_ref (file);
  basename = g_file_get_basename (file);
  gtk_window_set_title (GTK_WINDOW (self), basename);
  self->cancellable = g_cancellable_new ();
  {
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);
    g_autoptr(ScsTrustAnchors) anchors = scs_trust_settings_dup_anchors (settings);
    g_autoptr(GBytes) ca_pem = NULL;

    /* the trusted CAs of the preferences, if any */
    if (scs_trust_anchors_get_n_certificates (anchors) > 0)
      ca_pem = scs_trust_anchors_to_pem (anchors);
    scs_verify_package_file_async (file, ca_pem, self->cancellable, on_verified, g_object_ref (self));
  }
  return self;
}
