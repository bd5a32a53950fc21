/* scs-sign-dialog.c: sign the assessment (expert) or declare conformity (management)
 *
 * Signing is a deliberate act, so the dialog goes in two visible steps:
 * first the key is opened with the passphrase or PIN the user typed — used
 * exactly once and cleared from the entry at once, so a wrong one is never
 * retried behind the user's back — and the certificate is shown (subject,
 * issuer, serial, fingerprint, validity period, whether it is valid now,
 * allows signing and chains to the chosen CA, and the token's tries-left
 * flags), with a warning when it runs out within 30 days. A certificate
 * carrying personal data (JPKI-like: address, birth date) needs an explicit
 * confirmation. Only then does "Sign" run the core's one-transaction
 * scs_signoff_sign_assessment() or scs_signoff_declare() on a worker
 * thread with a connection of its own (their _async pairs), the dialog
 * insensitive meanwhile. A refusal shows the core's message and
 * nothing is written. The same dialog, with name, title and date, records
 * the management declaration, signed or not, and the language of the
 * signed report (日本語 by default whatever the UI language, or English;
 * recorded in declaration.xml).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "scs-sign-dialog.h"

#include <glib/gi18n-lib.h>

#include "scs-signoff.h"
#include "scs-ui-resources.h"

#include "scs-date.h"
#include "scs-declaration.h"
#include "scs-signer.h"
#include "scs-trust-settings.h"

struct _ScsSignDialog
{
  AdwWindow        parent_instance;

  ScsReview       *review;
  ScsSigner       *signer;
  char            *key_path;
  char            *ca_path;
  gboolean         declaration;
  gboolean         busy;
  gboolean         certificate_ok;
  gboolean         personal_data;

  AdwWindowTitle  *window_title;
  GtkWidget       *sign_button;
  GtkSpinner      *spinner;
  GtkWidget       *page;
  GtkWidget       *declaration_group;
  GtkLabel        *declaration_text;
  AdwEntryRow     *name_row;
  AdwEntryRow     *title_row;
  AdwActionRow    *date_row;
  AdwComboRow     *report_language_row;
  GtkWidget       *qualification_group;
  GtkLabel        *qualification_label;
  GtkSwitch       *with_signature_switch;
  GtkWidget       *key_group;
  GtkCheckButton  *p12_check;
  GtkCheckButton  *p11_check;
  GtkLabel        *file_label;
  GtkEntry        *uri_entry;
  GtkWidget       *secret_entry;
  GtkLabel        *ca_label;
  GtkWidget       *certificate_group;
  GtkLabel        *certificate_label;
  GtkLabel        *warning_label;
  GtkCheckButton  *confirm_check;
  GtkLabel        *error_label;
  GtkWidget       *same_signer_dialog;  /* the confirmation while it is up */
};

G_DEFINE_FINAL_TYPE (ScsSignDialog, scs_sign_dialog, ADW_TYPE_WINDOW)

enum {
  DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
wants_signature (ScsSignDialog *self)
{
  return !self->declaration || gtk_switch_get_active (self->with_signature_switch);
}

static void
show_error (ScsSignDialog *self,
            const char    *message)
{
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* Whether the Sign button may be pressed (sign.sign enabled). */
static gboolean
can_sign (ScsSignDialog *self)
{
  if (self->busy)
    return FALSE;
  if (!wants_signature (self))
    return TRUE;
  return self->signer != NULL && self->certificate_ok &&
         (!self->personal_data || gtk_check_button_get_active (self->confirm_check));
}

static void
update_sensitivity (ScsSignDialog *self)
{
  gboolean may_sign = can_sign (self);
  gboolean signature = wants_signature (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sign.sign", may_sign);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sign.load", !self->busy && signature);
  gtk_widget_set_visible (self->key_group, signature);
  gtk_widget_set_visible (self->certificate_group, signature && self->signer != NULL);
  gtk_widget_set_sensitive (self->page, !self->busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->uri_entry), gtk_check_button_get_active (self->p11_check));
  gtk_spinner_set_spinning (self->spinner, self->busy);
}

static void
forget_signer (ScsSignDialog *self)
{
  g_clear_object (&self->signer);
  self->certificate_ok = FALSE;
  self->personal_data = FALSE;
  gtk_label_set_text (self->certificate_label, "");
  gtk_widget_set_visible (GTK_WIDGET (self->warning_label), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->confirm_check), FALSE);
  gtk_check_button_set_active (self->confirm_check, FALSE);
}

static void
on_inputs_changed (ScsSignDialog *self)
{
  if (self->busy)
    return;
  update_sensitivity (self);
}

/* Loading the key --------------------------------------------------------- */

typedef struct
{
  char        *pin;
  ScsPinFlags  flags;
  guint        calls;
} PinRequest;

static char *
give_pin_once (const char  *token_label,
               ScsPinFlags  flags,
               gpointer     user_data)
{
  PinRequest *request = user_data;

  request->flags = flags;
  /* The PIN typed is given once; a second request would be a retry. */
  if (request->calls++ > 0 || request->pin == NULL || *request->pin == '\0')
    return NULL;
  return g_strdup (request->pin);
}

static char *
pin_warning (ScsPinFlags flags)
{
  if (flags & SCS_PIN_FLAGS_LOCKED)
    return g_strdup (_("The token’s PIN is locked. Unlock it with the card issuer’s tool."));
  if (flags & SCS_PIN_FLAGS_FINAL_TRY)
    return g_strdup (_("Only one PIN try is left: a wrong PIN now locks the card."));
  if (flags & SCS_PIN_FLAGS_COUNT_LOW)
    return g_strdup (_("A wrong PIN was entered before: few tries are left before the card locks."));
  return NULL;
}

/* Certificate dates ------------------------------------------------------ */

/* Under this many days left, the dialog asks to renew the certificate: a
 * review round takes weeks, and the next signature needs a valid one. */
#define EXPIRY_WARNING_DAYS 30

/* The user's calendar date: what they compare with today. */
static char *
format_local_date (GDateTime *when)
{
  if (when == NULL)
    return g_strdup ("—");
  return scs_date_time_to_iso (when, SCS_DATE_ZONE_LOCAL);
}

static char *
format_validity (ScsSigner *signer)
{
  g_autoptr(GDateTime) activation = scs_signer_get_activation_time (signer);
  g_autoptr(GDateTime) expiration = scs_signer_get_expiration_time (signer);
  g_autofree char *from = format_local_date (activation);
  g_autofree char *to = format_local_date (expiration);

  /* Translators: the certificate's validity period; dates are YYYY-MM-DD */
  return g_strdup_printf (_("from %s to %s"), from, to);
}

/* NULL unless the certificate is still valid but runs out within
 * EXPIRY_WARNING_DAYS; expired ones are refused by the core's check. */
static char *
expiry_warning (ScsSigner *signer)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) expiration = scs_signer_get_expiration_time (signer);
  g_autofree char *date = NULL;
  GTimeSpan left;
  int days;

  if (expiration == NULL)
    return NULL;
  left = g_date_time_difference (expiration, now);
  if (left <= 0 || left >= EXPIRY_WARNING_DAYS * G_TIME_SPAN_DAY)
    return NULL;
  /* Rounded up: a certificate that runs out in a few hours still has
   * "1 day", never "0 days". */
  days = (int) ((left + G_TIME_SPAN_DAY - 1) / G_TIME_SPAN_DAY);
  date = format_local_date (expiration);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "This certificate expires in %d day (%s). Renew it before the next review round.",
                                       "This certificate expires in %d days (%s). Renew it before the next review round.",
                                       days),
                          days, date);
}

/* Adds @line under @text (either may be NULL). */
static void
append_line (char       **text,
             const char  *line)
{
  char *joined;

  if (line == NULL)
    return;
  joined = *text != NULL ? g_strconcat (*text, "\n", line, NULL) : g_strdup (line);
  g_free (*text);
  *text = joined;
}

static void
load_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ScsSignDialog *self = SCS_SIGN_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) check_error = NULL;
  g_autofree char *secret = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->secret_entry)));
  g_autofree char *subject = NULL, *issuer = NULL, *serial = NULL, *fingerprint = NULL;
  g_autofree char *person = NULL, *usage = NULL, *facts = NULL;
  gboolean trusted_cas = FALSE;
  g_autofree char *validity = NULL;
  g_autofree char *personal = NULL;
  g_autofree char *warning = NULL;
  g_autofree char *expiry = NULL;
  g_autofree char *text = NULL;
  PinRequest request = { secret, SCS_PIN_FLAGS_NONE, 0 };

  if (self->busy)
    return;
  forget_signer (self);
  show_error (self, NULL);
  /* Never stored: the entry is cleared whatever happens. */
  gtk_editable_set_text (GTK_EDITABLE (self->secret_entry), "");

  if (gtk_check_button_get_active (self->p11_check))
    {
      const char *uri = gtk_editable_get_text (GTK_EDITABLE (self->uri_entry));

      if (!g_str_has_prefix (uri, "pkcs11:"))
        {
          show_error (self, _("Enter the token’s PKCS#11 URI (it starts with “pkcs11:”)"));
          update_sensitivity (self);
          return;
        }
      self->signer = scs_signer_new_from_pkcs11 (uri, give_pin_once, &request, &error);
      warning = pin_warning (self->signer ? scs_signer_get_pin_flags (self->signer) : request.flags);
    }
  else
    {
      if (self->key_path == NULL)
        {
          show_error (self, _("Choose the PKCS#12 file with your key and certificate"));
          update_sensitivity (self);
          return;
        }
      self->signer = scs_signer_new_from_pkcs12 (self->key_path, secret, &error);
    }

  if (self->signer == NULL)
    {
      show_error (self, error->message);
      if (warning != NULL)
        {
          gtk_label_set_text (self->warning_label, warning);
          gtk_widget_set_visible (GTK_WIDGET (self->warning_label), TRUE);
          gtk_widget_set_visible (self->certificate_group, TRUE);
        }
      update_sensitivity (self);
      return;
    }

  /* The user's trusted CAs and time-stamp authority (Preferences) */
  {
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);
    g_autoptr(ScsTrustAnchors) anchors = scs_trust_settings_dup_anchors (settings);
    g_autofree char *tsa = g_settings_get_string (settings, "tsa-url");

    trusted_cas = scs_trust_anchors_get_n_certificates (anchors) > 0;
    if (trusted_cas)
      scs_signer_set_trust_anchors (self->signer, anchors);
    scs_signer_set_tsa_url (self->signer, tsa);
  }
  person = scs_signer_dup_person (self->signer);
  usage = scs_signer_dup_key_usage (self->signer);
  subject = scs_signer_dup_subject (self->signer);
  issuer = scs_signer_dup_issuer (self->signer);
  serial = scs_signer_dup_serial (self->signer);
  fingerprint = scs_signer_dup_fingerprint (self->signer);
  validity = format_validity (self->signer);
  self->certificate_ok = scs_signer_check_certificate (self->signer, self->ca_path, &check_error);
  /* Translators: the certificate facts shown before signing; "Valid" is
   * followed by the period ("from 2025-04-01 to 2026-03-31"), "Validity" by
   * the result of the checks */
  text = g_strdup_printf (_("Subject: %s\nIssuer: %s\nSerial: %s\nSHA-256 fingerprint: %s\nValid: %s\nValidity: %s"),
                          subject, issuer, serial, fingerprint, validity,
                          self->certificate_ok
                          ? (self->ca_path || trusted_cas
                             ? _("valid now, allows signing, issued under the chosen CA")
                                           : _("valid now, allows signing (no CA chosen: the chain is not checked)"))
                          : _("refused (see below)"));
  /* Translators: who the certificate names, and what its key may do */
  facts = g_strdup_printf (_("Signer: %s\nKey usage: %s\n%s"), person,
                           usage != NULL ? usage : _("not restricted"), text);
  gtk_label_set_text (self->certificate_label, facts);
  if (!self->certificate_ok)
    show_error (self, check_error->message);

  personal = scs_signer_dup_personal_data (self->signer);
  self->personal_data = personal != NULL;
  if (personal != NULL)
    {
      g_autofree char *joined = NULL;

      /* Translators: %s describes the personal data, e.g. "an address" */
      joined = g_strdup_printf (_("This certificate carries personal data (%s). It will be part of the signature sent with the assessment.%s%s"),
                                personal, warning ? "\n" : "", warning ? warning : "");
      g_free (warning);
      warning = g_steal_pointer (&joined);
    }
  expiry = expiry_warning (self->signer);
  append_line (&warning, expiry);
  gtk_label_set_text (self->warning_label, warning ? warning : "");
  gtk_widget_set_visible (GTK_WIDGET (self->warning_label), warning != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->confirm_check), self->personal_data);
  update_sensitivity (self);
}

/* Signing ------------------------------------------------------------------ */

static void
sign_done (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(ScsSignDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = self->declaration
    ? scs_signoff_declare_finish (result, &error)
    : scs_signoff_sign_assessment_finish (SCS_SIGNER (object), result, &error);
  self->busy = FALSE;
  if (!ok)
    {
      show_error (self, error->message);
      update_sensitivity (self);
      return;
    }
  update_sensitivity (self);
  g_signal_emit (self, signals[DONE], 0);
  gtk_window_close (GTK_WINDOW (self));
}

static void start_signing (ScsSignDialog *self,
                           ScsSignFlags   flags);

static void
same_signer_response (AdwMessageDialog *dialog,
                      const char       *response,
                      gpointer          user_data)
{
  ScsSignDialog *self = SCS_SIGN_DIALOG (user_data);

  if (g_strcmp0 (response, "sign") == 0)
    start_signing (self, SCS_SIGN_FLAGS_ALLOW_SAME_SIGNER);
  g_object_unref (self);
}

/* The core's two-person rule: whether this certificate signed the other
 * role (then the core refuses unless the user confirms). */
static gboolean
signed_other_role (ScsSignDialog *self)
{
  ScsWorkspace *workspace = scs_review_get_workspace (self->review);
  ScsSignatureRole other = self->declaration ? SCS_SIGNATURE_ROLE_EXPERT : SCS_SIGNATURE_ROLE_MANAGEMENT;

  if (!wants_signature (self) || self->signer == NULL)
    return FALSE;
  return !scs_signoff_check_other_role (self->signer, workspace, other, SCS_SIGN_FLAGS_NONE, NULL);
}

static void
sign_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ScsSignDialog *self = SCS_SIGN_DIALOG (widget);

  if (!can_sign (self))
    return;

  /* Two roles, two people: one certificate for both is asked about first. */
  if (signed_other_role (self))
    {
      AdwMessageDialog *dialog;

      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                           _("Same Certificate for Both Roles?"),
                                                           self->declaration
                                                           ? _("This certificate already signed the assessment as the expert. The expert’s check and management’s declaration are meant to come from two different people.")
                                                           : _("This certificate already signed management’s declaration. The expert’s check and management’s declaration are meant to come from two different people.")));
      adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "sign", _("_Sign Anyway"), NULL);
      adw_message_dialog_set_response_appearance (dialog, "sign", ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_default_response (dialog, "cancel");
      adw_message_dialog_set_close_response (dialog, "cancel");
      g_signal_connect (dialog, "response", G_CALLBACK (same_signer_response), g_object_ref (self));
      self->same_signer_dialog = GTK_WIDGET (dialog);
      g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->same_signer_dialog);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  start_signing (self, SCS_SIGN_FLAGS_NONE);
}

/* The combo row's positions: Japanese, the product's first language, first. */
static const char * const report_languages[] = { "ja", "en" };

/* The language of the signed report.pdf and of our declaration text:
 * "ja" (the default, whatever the UI language) or "en". */
static const char *
report_language (ScsSignDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->report_language_row);

  return report_languages[selected < G_N_ELEMENTS (report_languages) ? selected : 0];
}

static void
start_signing (ScsSignDialog *self,
               ScsSignFlags   flags)
{
  /* On a worker thread with a connection of its own (the window's is the
   * main thread's); the window sees the signature through its watch. */
  if (gtk_check_button_get_active (self->confirm_check))
    flags |= SCS_SIGN_FLAGS_ACCEPT_PERSONAL_DATA;
  show_error (self, NULL);
  self->busy = TRUE;
  update_sensitivity (self);
  if (self->declaration)
    scs_signoff_declare_async (self->review,
                               gtk_editable_get_text (GTK_EDITABLE (self->name_row)),
                               gtk_editable_get_text (GTK_EDITABLE (self->title_row)),
                               NULL, report_language (self),
                               wants_signature (self) ? self->signer : NULL,
                               self->ca_path, flags, NULL, sign_done, g_object_ref (self));
  else
    scs_signoff_sign_assessment_async (self->signer, self->review, self->ca_path, flags, NULL,
                                       sign_done, g_object_ref (self));
}

/* Files ----------------------------------------------------------------- */

/* The key chosen: a PKCS#12 file's path or a token's "pkcs11:" URI. */
static void
set_key (ScsSignDialog *self,
         const char    *reference)
{
  forget_signer (self);
  if (g_str_has_prefix (reference, "pkcs11:"))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->uri_entry), reference);
      gtk_check_button_set_active (self->p11_check, TRUE);
    }
  else
    {
      g_autofree char *base = g_path_get_basename (reference);

      g_free (self->key_path);
      self->key_path = g_strdup (reference);
      gtk_label_set_text (self->file_label, base);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->file_label), reference);
      gtk_check_button_set_active (self->p12_check, TRUE);
    }
  update_sensitivity (self);
}

/* The CA file chosen, or NULL for none. */
static void
set_ca_file (ScsSignDialog *self,
             const char    *path)
{
  g_autofree char *base = NULL;

  g_free (self->ca_path);
  self->ca_path = g_strdup (path);
  base = path ? g_path_get_basename (path) : NULL;
  gtk_label_set_text (self->ca_label, base ? base : "");
  forget_signer (self);
  update_sensitivity (self);
}

/* What the file choosers answer: the key or the CA file. While signing,
 * nothing changes. */
static void
set_file_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  ScsSignDialog *self = SCS_SIGN_DIALOG (widget);
  const char *value = g_variant_get_string (parameter, NULL);

  if (self->busy)
    return;
  if (g_str_equal (action_name, "sign.set-ca"))
    set_ca_file (self, *value != '\0' ? value : NULL);
  else if (*value != '\0')
    set_key (self, value);
}

static void
on_file_chosen (GtkNativeDialog *native,
                int              response,
                gpointer         user_data)
{
  ScsSignDialog *self = SCS_SIGN_DIALOG (user_data);
  gboolean is_ca = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (native), "scs-ca"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        gtk_widget_activate_action (GTK_WIDGET (self), is_ca ? "sign.set-ca" : "sign.set-key", "s", path);
    }
  gtk_native_dialog_destroy (native);
  g_object_unref (native);
  g_object_unref (self);
}

static void
choose_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ScsSignDialog *self = SCS_SIGN_DIALOG (widget);
  gboolean is_ca = g_str_equal (action_name, "sign.choose-ca");
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  native = gtk_file_chooser_native_new (is_ca ? _("Choose the CA Certificate") : _("Choose the PKCS#12 File"),
                                        GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Choose"), _("_Cancel"));
  if (is_ca)
    {
      gtk_file_filter_set_name (filter, _("PEM certificates"));
      gtk_file_filter_add_pattern (filter, "*.pem");
      gtk_file_filter_add_pattern (filter, "*.crt");
    }
  else
    {
      gtk_file_filter_set_name (filter, _("PKCS#12 files"));
      gtk_file_filter_add_pattern (filter, "*.p12");
      gtk_file_filter_add_pattern (filter, "*.pfx");
    }
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  g_object_set_data (G_OBJECT (native), "scs-ca", GINT_TO_POINTER (is_ca));
  g_signal_connect (native, "response", G_CALLBACK (on_file_chosen), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
on_secret_activate (ScsSignDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "sign.load", NULL);
}

/* Object ----------------------------------------------------------------- */

static gboolean
scs_sign_dialog_close_request (GtkWindow *window)
{
  /* A signature in progress finishes first: the transaction is atomic, but
   * the user must see how it ended. */
  if (SCS_SIGN_DIALOG (window)->busy)
    return TRUE;
  return GTK_WINDOW_CLASS (scs_sign_dialog_parent_class)->close_request (window);
}

static void
scs_sign_dialog_dispose (GObject *object)
{
  ScsSignDialog *self = SCS_SIGN_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SCS_TYPE_SIGN_DIALOG);
  g_clear_object (&self->signer);
  g_clear_object (&self->review);

  G_OBJECT_CLASS (scs_sign_dialog_parent_class)->dispose (object);
}

static void
scs_sign_dialog_finalize (GObject *object)
{
  ScsSignDialog *self = SCS_SIGN_DIALOG (object);

  g_free (self->key_path);
  g_free (self->ca_path);

  G_OBJECT_CLASS (scs_sign_dialog_parent_class)->finalize (object);
}

static void
scs_sign_dialog_class_init (ScsSignDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = scs_sign_dialog_dispose;
  object_class->finalize = scs_sign_dialog_finalize;
  window_class->close_request = scs_sign_dialog_close_request;

  signals[DONE] = g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  (void) scs_ui_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class, "/jp/scsworkbench/Workbench/scs-sign-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ScsSignDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, ScsSignDialog, sign_button);
  gtk_widget_class_bind_template_child (widget_class, ScsSignDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, ScsSignDialog, page);
  gtk_widget_class_bind_template_child (widget_class, ScsSignDialog, declaration_group);
  gtk_widget_class_bind_template_child (widget_class, ScsSignDialog, declaration_text);
  gtk_widget_class_bind_template_child (widget_class, ScsSignDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, ScsSignDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, ScsSignDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, ScsSignDialog, report_language_row);
  gtk_widget_class_bind_template_child (widget_class, ScsSignDialog, qualification_group);
  gtk_widget_class_bind_template_child (widget_class, ScsSignDialog, qualification_label);
  gtk_widget_class_bind_template_child (widget_class, ScsSignDialog, with_signature_switch);
  gtk_widget_class_bind_template_child (widget_class, ScsSignDialog, key_group);
  gtk_widget_class_bind_template_child (widget_class, ScsSignDialog, p12_check);
  gtk_widget_class_bind_template_child (widget_class, ScsSignDialog, p11_check);
  gtk_widget_class_bind_template_child (widget_class, ScsSignDialog, file_label);
  gtk_widget_class_bind_template_child (widget_class, ScsSignDialog, uri_entry);
  gtk_widget_class_bind_template_child (widget_class, ScsSignDialog, secret_entry);
  gtk_widget_class_bind_template_child (widget_class, ScsSignDialog, ca_label);
  gtk_widget_class_bind_template_child (widget_class, ScsSignDialog, certificate_group);
  gtk_widget_class_bind_template_child (widget_class, ScsSignDialog, certificate_label);
  gtk_widget_class_bind_template_child (widget_class, ScsSignDialog, warning_label);
  gtk_widget_class_bind_template_child (widget_class, ScsSignDialog, confirm_check);
  gtk_widget_class_bind_template_child (widget_class, ScsSignDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_inputs_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_secret_activate);

  gtk_widget_class_install_action (widget_class, "sign.load", NULL, load_action);
  gtk_widget_class_install_action (widget_class, "sign.sign", NULL, sign_action);
  gtk_widget_class_install_action (widget_class, "sign.choose-file", NULL, choose_action);
  gtk_widget_class_install_action (widget_class, "sign.choose-ca", NULL, choose_action);
  gtk_widget_class_install_action (widget_class, "sign.set-key", "s", set_file_action);
  gtk_widget_class_install_action (widget_class, "sign.set-ca", "s", set_file_action);
}

static void
scs_sign_dialog_init (ScsSignDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static gboolean
reference_is_set (const char *reference)
{
  return reference != NULL && *reference != '\0';
}

static ScsSignDialog *
dialog_new (GtkWindow *parent,
            ScsReview *review,
            gboolean   declaration)
{
  ScsSignDialog *self;
  ScsProfile *profile;
  const char *reference;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SCS_IS_REVIEW (review), NULL);

  self = g_object_new (SCS_TYPE_SIGN_DIALOG, "transient-for", parent, NULL);
  self->review = g_object_ref (review);
  self->declaration = declaration;
  profile = scs_review_get_profile (review);

  gtk_widget_set_visible (self->declaration_group, declaration);
  if (declaration)
    {
      g_autofree char *date = scs_date_today_iso (SCS_DATE_ZONE_LOCAL);

      adw_window_title_set_title (self->window_title, _("Management Declaration"));
      gtk_button_set_label (GTK_BUTTON (self->sign_button), _("_Declare"));
      gtk_label_set_text (self->declaration_text, scs_declaration_get_default_text ());
      adw_action_row_set_subtitle (self->date_row, date);
      if (scs_profile_get_name (profile) != NULL)
        gtk_editable_set_text (GTK_EDITABLE (self->name_row), scs_profile_get_name (profile));
    }
  else
    {
      g_autofree char *qualification = scs_profile_describe_qualification (profile);

      adw_window_title_set_title (self->window_title, _("Sign the Assessment"));
      gtk_label_set_text (self->qualification_label, qualification);
    }
  gtk_widget_set_visible (self->qualification_group, !declaration);
  {
    g_autofree char *acting = NULL;
    const char *name = scs_profile_get_name (profile);

    /* Who is acting, from the profile: the role decides what may be signed */
    if (reference_is_set (scs_profile_get_certificate (profile)))
      /* Translators: dialog subtitle: the profile's name, role and certificate */
      acting = g_strdup_printf (_("Acting as %s (%s), certificate %s"),
                                name ? name : _("unnamed profile"),
                                scs_role_get_label (scs_profile_get_role (profile)),
                                scs_profile_get_certificate (profile));
    else
      /* Translators: dialog subtitle: the profile's name and role */
      acting = g_strdup_printf (_("Acting as %s (%s)"), name ? name : _("unnamed profile"),
                                scs_role_get_label (scs_profile_get_role (profile)));
    adw_window_title_set_subtitle (self->window_title, acting);
  }

  reference = scs_profile_get_certificate (profile);
  if (reference_is_set (reference))
    set_key (self, reference);
  update_sensitivity (self);
  return self;
}

ScsSignDialog *
scs_sign_dialog_new (GtkWindow *parent,
                     ScsReview *review)
{
  return dialog_new (parent, review, FALSE);
}

ScsSignDialog *
scs_sign_dialog_new_declaration (GtkWindow *parent,
                                 ScsReview *review)
{
  return dialog_new (parent, review, TRUE);
}
