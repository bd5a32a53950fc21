/* scs-review-banner.c: the sealing banner above a signed assessment
 *
 * The window shows it above its content (libadwaita 1.2 has no AdwBanner):
 * "signed and sealed" while the signature matches, with the signer when the
 * signature names one; a warning listing what changed when it no longer
 * does. Checking the signature renders the assessment again and hashes
 * every evidence file, so it runs in a thread on a connection of its own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "scs-review-banner.h"

#include <glib/gi18n-lib.h>

#include "scs-certificate-dialog.h"
#include "scs-signature.h"
#include "scs-signature-check.h"
#include "scs-trust-settings.h"

struct _ScsReviewBanner
{
  GtkWidget          parent_instance;

  ScsWorkspace      *workspace;      /* the one checked last, not followed */
  GCancellable      *cancellable;    /* the signature check running, if any */
  gboolean           checked;        /* the banner shows a check's result */
  ScsSignatureCheck *check;          /* what the banner shows, or NULL */

  GtkLabel          *label;
  GtkWidget         *certificate_button;
};

G_DEFINE_FINAL_TYPE (ScsReviewBanner, scs_review_banner, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_CHECKING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* "checking" follows the check running (and so does the accessible busy
 * state, for a screen reader). */
static void
checking_changed (ScsReviewBanner *self)
{
  gboolean checking = self->cancellable != NULL;

  gtk_accessible_update_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_BUSY, checking, -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHECKING]);
}

/* @check is the signature check's result, or NULL for what is certain
 * without one (it is sealed). */
static void
show_check (ScsReviewBanner   *self,
            ScsSignatureCheck *check)
{
  g_autofree char *text = NULL;

  gtk_widget_remove_css_class (GTK_WIDGET (self), "scs-banner-warning");
  if (check != NULL && !scs_signature_check_is_good (check))
    {
      g_autoptr(GString) list = g_string_new (NULL);

      for (guint i = 0; check->changes != NULL && i < check->changes->len; i++)
        g_string_append_printf (list, "%s%s", i ? ", " : "", (char *) check->changes->pdata[i]);
      if (check->seal_missing && list->len > 0)
        /* Translators: the first %s says the seal was removed, the second lists what changed */
        text = g_strdup_printf (_("%s. Changed since signing: %s"), check->problem, list->str);
      else if (check->seal_missing)
        /* the signature may still match: the seal's removal is the news */
        text = g_strdup (check->problem);
      else if (list->len > 0)
        /* Translators: %s lists what changed, e.g. "criterion 1-1-1-1: note" */
        text = g_strdup_printf (_("The signature no longer matches this assessment. Changed since signing: %s"),
                                list->str);
      else
        text = g_strdup_printf (_("The signature no longer matches this assessment: %s"),
                                check->problem ? check->problem : _("the signature does not verify"));
      gtk_widget_add_css_class (GTK_WIDGET (self), "scs-banner-warning");
    }
  else if (check != NULL && check->verification != NULL)
    {
      const ScsCmsVerification *v = check->verification;
      g_autofree char *who = scs_cms_verification_dup_person (v);

      if (v->trusted)
        /* Translators: %s is the signer's name (organization) from the certificate */
        text = g_strdup_printf (_("Signed by %s, verified against your trusted CAs, and sealed: answers, notes and evidence are read-only. Start a new round to change them."),
                                who);
      else
        /* Translators: %s is the signer's name (organization) from the certificate */
        text = g_strdup_printf (_("Signed by %s and sealed: the signature is intact, but the signer is not verified (add the issuing CA under Preferences → Trusted Certificate Authorities). Answers, notes and evidence are read-only; start a new round to change them."),
                                who);
    }
  else
    text = g_strdup (_("This assessment is sealed: answers, notes and evidence are read-only. Start a new round to change them."));

  gtk_label_set_text (self->label, text);
  gtk_widget_set_visible (self->certificate_button, check != NULL && check->verification != NULL &&
                                                    check->verification->subject != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
}

/* Checking the signature renders the assessment again and hashes every
 * evidence file: on a workspace with a few hundred megabytes of evidence
 * that is a second of work, which held up the window (its first frame too,
 * on opening a signed workspace). So it runs in a thread, on a connection
 * of its own (scs_signature_check_async), as the report of an export does. */
static void
check_done (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  g_autoptr(ScsReviewBanner) self = data;
  ScsSignatureCheck *check = NULL;
  g_autoptr(GError) error = NULL;

  check = scs_signature_check_finish (result, &error);
  /* Superseded by a later check, a new workspace, or the banner is gone */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  /* kept for the certificate dialog */
  g_clear_pointer (&self->check, scs_signature_check_free);
  self->check = check;

  g_clear_object (&self->cancellable);
  checking_changed (self);
  if (error != NULL && !g_error_matches (error, SCS_SIGNATURE_ERROR, SCS_SIGNATURE_ERROR_UNSIGNED))
    g_message ("Cannot check the signature of ‘%s’: %s",
               self->workspace != NULL ? scs_workspace_get_path (self->workspace) : "?", error->message);
  show_check (self, check);
  self->checked = TRUE;
}

static void
cancel_check (ScsReviewBanner *self)
{
  if (self->cancellable == NULL)
    return;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  checking_changed (self);
}

static void
show_certificate_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  ScsReviewBanner *self = SCS_REVIEW_BANNER (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  ScsCertificateDialog *dialog;

  if (self->check == NULL || self->check->verification == NULL)
    return;
  dialog = scs_certificate_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                       self->check->verification);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
scs_review_banner_dispose (GObject *object)
{
  ScsReviewBanner *self = SCS_REVIEW_BANNER (object);
  GtkWidget *child;

  cancel_check (self);
  g_clear_pointer (&self->check, scs_signature_check_free);
  g_clear_object (&self->workspace);
  gtk_widget_dispose_template (GTK_WIDGET (self), SCS_TYPE_REVIEW_BANNER);
  /* and the children the template does not name */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (scs_review_banner_parent_class)->dispose (object);
}

static void
scs_review_banner_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ScsReviewBanner *self = SCS_REVIEW_BANNER (object);

  switch (prop_id)
    {
    case PROP_CHECKING:
      g_value_set_boolean (value, self->cancellable != NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scs_review_banner_class_init (ScsReviewBannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = scs_review_banner_dispose;
  object_class->get_property = scs_review_banner_get_property;

  properties[PROP_CHECKING] =
    g_param_spec_boolean ("checking", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/jp/scsworkbench/Workbench/scs-review-banner.ui");
  gtk_widget_class_bind_template_child (widget_class, ScsReviewBanner, label);
  gtk_widget_class_bind_template_child (widget_class, ScsReviewBanner, certificate_button);
  gtk_widget_class_install_action (widget_class, "banner.show-certificate", NULL, show_certificate_action);
}

static void
scs_review_banner_init (ScsReviewBanner *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
scs_review_banner_new (void)
{
  return g_object_new (SCS_TYPE_REVIEW_BANNER, NULL);
}

void
scs_review_banner_update (ScsReviewBanner *self,
                          ScsWorkspace    *workspace,
                          gboolean         sealed)
{
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(ScsTrustAnchors) anchors = NULL;

  g_return_if_fail (SCS_IS_REVIEW_BANNER (self));
  g_return_if_fail (workspace == NULL || SCS_IS_WORKSPACE (workspace));

  cancel_check (self);
  /* Another workspace's result is no result for this one. */
  if (workspace != self->workspace)
    self->checked = FALSE;
  g_set_object (&self->workspace, workspace);
  if (workspace == NULL || !sealed)
    {
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      gtk_label_set_text (self->label, "");
      g_clear_pointer (&self->check, scs_signature_check_free);
      self->checked = FALSE;
      return;
    }

  /* A result shown stays until the next one replaces it: no flicker. */
  if (!self->checked)
    show_check (self, NULL);
  self->cancellable = g_cancellable_new ();
  settings = g_settings_new (APP_ID);
  anchors = scs_trust_settings_dup_anchors (settings);
  scs_signature_check_async (workspace, SCS_SIGNATURE_ROLE_EXPERT, anchors, self->cancellable,
                             check_done, g_object_ref (self));
  checking_changed (self);
}
