/* scs-certificate-dialog.c: a signer's certificate, in full, one click from its name
 *
 * Everywhere a signature is shown the signer is named as a person ("name —
 * organisation (registration no. N)"); this window holds the rest of the
 * certificate for whoever wants to check it: subject and issuer as RFC 4514
 * text, serial, validity in local time, key usage, the SHA-256 fingerprint
 * to compare by telephone, when it signed, the time stamp and the level the
 * signature reaches. Every value is selectable, so it can be copied. The
 * rows are built from the verification once; nothing here changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "scs-certificate-dialog.h"

#include <glib/gi18n-lib.h>

#include "scs-date.h"

struct _ScsCertificateDialog
{
  AdwWindow   parent_instance;

  GtkWidget  *group;
};

G_DEFINE_FINAL_TYPE (ScsCertificateDialog, scs_certificate_dialog, ADW_TYPE_WINDOW)

static void
scs_certificate_dialog_class_init (ScsCertificateDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
scs_certificate_dialog_init (ScsCertificateDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *page = adw_preferences_page_new ();

  self->group = adw_preferences_group_new ();
  gtk_window_set_title (GTK_WINDOW (self), _("Certificate"));
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 640, 620);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (self->group));
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (self), box);
}

/* One row: the label above, the value selectable below; the row is named
 * after @key (tests find it by name). */
static void
add_row (ScsCertificateDialog *self,
         const char           *key,
         const char           *title,
         const char           *value)
{
  GtkWidget *row, *label;

  if (value == NULL || *value == '\0')
    return;
  row = adw_action_row_new ();
  label = gtk_label_new (value);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_name (row, key);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 48);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->group), row);
}

static char *
format_time (GDateTime *when)
{
  g_autofree char *iso = NULL;

  if (when == NULL)
    return NULL;
  iso = g_date_time_format_iso8601 (when);
  return scs_date_format_time (iso, SCS_DATE_ZONE_LOCAL);
}

/* The fingerprint in pairs, as it is read out: "AB:CD:…". */
static char *
format_fingerprint (const char *hex)
{
  GString *out;

  if (hex == NULL)
    return NULL;
  out = g_string_new (NULL);
  for (const char *p = hex; p[0] != '\0' && p[1] != '\0'; p += 2)
    g_string_append_printf (out, "%s%c%c", out->len > 0 ? ":" : "",
                            g_ascii_toupper (p[0]), g_ascii_toupper (p[1]));
  return g_string_free (out, FALSE);
}

ScsCertificateDialog *
scs_certificate_dialog_new (GtkWindow                *parent,
                            const ScsCmsVerification *v)
{
  ScsCertificateDialog *self;
  g_autofree char *person = NULL, *from = NULL, *to = NULL, *validity = NULL;
  g_autofree char *fingerprint = NULL, *signed_at = NULL, *stamped = NULL, *stamp = NULL;
  const char *trust;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (v != NULL, NULL);

  self = g_object_new (SCS_TYPE_CERTIFICATE_DIALOG, "transient-for", parent, NULL);
  person = scs_cms_verification_dup_person (v);
  from = format_time (v->not_before);
  to = format_time (v->not_after);
  if (from != NULL && to != NULL)
    /* Translators: a certificate's validity period */
    validity = g_strdup_printf (_("from %s to %s"), from, to);
  fingerprint = format_fingerprint (v->fingerprint);
  signed_at = format_time (v->signing_time);
  stamped = format_time (v->timestamp_time);
  if (stamped != NULL)
    /* Translators: when the time stamp was made, and the time-stamp authority */
    stamp = g_strdup_printf (_("%s by %s"), stamped, v->tsa_subject ? v->tsa_subject : "?");
  if (v->problem != NULL)
    trust = v->problem;
  else if (v->trusted)
    trust = _("Verified: the certificate chains to one of your trusted certificate authorities");
  else
    trust = _("Not verified: add the issuing certificate authority under Preferences → Trusted Certificate Authorities");

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->group), person);
  add_row (self, "person", _("Signer"), person);
  add_row (self, "trust", _("Verification"), trust);
  add_row (self, "subject", _("Subject"), v->subject);
  add_row (self, "issuer", _("Issuer"), v->issuer);
  add_row (self, "serial", _("Serial number"), v->serial);
  add_row (self, "validity", _("Validity period"), validity);
  add_row (self, "key-usage", _("Key usage"), v->key_usage);
  add_row (self, "fingerprint", _("SHA-256 fingerprint"), fingerprint);
  add_row (self, "signed", _("Signing time"), signed_at);
  add_row (self, "timestamp", _("Time stamp"), stamp != NULL ? stamp : _("none"));
  add_row (self, "level", _("Signature level"), scs_cms_level_describe (v->level));
  add_row (self, "revocation", _("Revocation status"),
           v->revocation_checked
           ? _("Checked: the revocation information embedded in the signature shows the certificate was not "
               "revoked when it signed")
           : _("Not checked: no revocation information is embedded, or no trusted CA to check it against"));
  return self;
}
