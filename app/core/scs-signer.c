/* scs-signer.c: detached CMS signatures with GnuTLS (PKCS#12 file or PKCS#11 token)
 *
 * The expert signs the canonical attestation (scs-attestation.c) and the
 * manager may sign the declaration the same way: a detached CMS SignedData,
 * SHA-256, carrying the signer certificate, the signing time and an ESS
 * signing-certificate-v2 attribute (RFC 5035) that binds the signature to
 * the certificate's hash — what `openssl cms -verify` and `certtool
 * --p7-verify` accept. The key comes from a PKCS#12 file (passphrase given
 * by the caller, never stored) or a PKCS#11 token by p11-kit URI (smart
 * cards through OpenSC, SoftHSM2 in the tests). A token PIN is asked once
 * through the caller's function, with the tries-left flags; a wrong PIN is
 * never retried. Before signing the certificate is checked (validity, key
 * usage, optional CA) and personal data in it (JPKI-like address or birth
 * date) is reported so the user can decide. This module knows keys,
 * certificates and CMS only; the sign-off workflow that uses it (what is
 * signed, stored and sealed) is scs-signoff.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "scs-signer.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <gnutls/abstract.h>
#include <gnutls/gnutls.h>
#include <gnutls/pkcs11.h>
#include <gnutls/pkcs12.h>
#include <gnutls/pkcs7.h>
#include <gnutls/x509.h>

#include "scs-cms.h"
#include "scs-sha256.h"

G_DEFINE_QUARK (scs-signer-error-quark, scs_signer_error)

#define OID_SIGNING_CERTIFICATE_V2 "1.2.840.113549.1.9.16.2.47"

struct _ScsSigner
{
  GObject            parent_instance;

  gnutls_privkey_t   key;
  gnutls_x509_crt_t  crt;
  gnutls_x509_crt_t *chain;      /* extra certificates from the PKCS#12 */
  guint              n_chain;
  ScsPinFlags        pin_flags;
  char              *pin;        /* kept for re-login during this signer's life, wiped */
  char              *label;
  ScsTrustAnchors   *anchors;    /* besides a ca_file: the caller's trusted CAs */
  char              *tsa_url;    /* RFC 3161 time stamp on every signature */
  char              *ocsp_url;   /* OCSP responder, "" for the certificate's own; NULL none */
  GPtrArray         *crls;       /* of GBytes (DER), embedded for CAdES-LT */
};

G_DEFINE_FINAL_TYPE (ScsSigner, scs_signer, G_TYPE_OBJECT)

static void
scs_signer_finalize (GObject *object)
{
  ScsSigner *self = SCS_SIGNER (object);

  if (self->key != NULL)
    gnutls_privkey_deinit (self->key);
  if (self->crt != NULL)
    gnutls_x509_crt_deinit (self->crt);
  for (guint i = 0; i < self->n_chain; i++)
    gnutls_x509_crt_deinit (self->chain[i]);
  gnutls_free (self->chain);
  if (self->pin != NULL)
    {
      memset (self->pin, 0, strlen (self->pin));
      g_free (self->pin);
    }
  g_free (self->label);
  g_clear_object (&self->anchors);
  g_free (self->tsa_url);
  g_free (self->ocsp_url);
  g_clear_pointer (&self->crls, g_ptr_array_unref);

  G_OBJECT_CLASS (scs_signer_parent_class)->finalize (object);
}

static void
scs_signer_class_init (ScsSignerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = scs_signer_finalize;
}

static void
scs_signer_init (ScsSigner *self)
{
  self->crls = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
}

void
scs_signer_set_trust_anchors (ScsSigner       *self,
                              ScsTrustAnchors *anchors)
{
  g_return_if_fail (SCS_IS_SIGNER (self));
  g_set_object (&self->anchors, anchors);
}

void
scs_signer_set_tsa_url (ScsSigner  *self,
                        const char *url)
{
  g_return_if_fail (SCS_IS_SIGNER (self));
  g_free (self->tsa_url);
  self->tsa_url = url != NULL && *url != '\0' ? g_strdup (url) : NULL;
}

static char *format_local_date (GDateTime *when);

void
scs_signer_set_ocsp_url (ScsSigner  *self,
                         const char *url)
{
  g_return_if_fail (SCS_IS_SIGNER (self));
  g_free (self->ocsp_url);
  self->ocsp_url = g_strdup (url);
}

gboolean
scs_signer_add_crl_file (ScsSigner   *self,
                         const char  *path,
                         GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;
  gnutls_x509_crl_t crl = NULL;
  gnutls_datum_t d, der;
  gsize length;
  int rc;

  g_return_val_if_fail (SCS_IS_SIGNER (self), FALSE);

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, SCS_SIGNER_ERROR, SCS_SIGNER_ERROR_KEY,
                   _("Cannot read the CRL file ‘%s’: %s"), display, local_error->message);
      return FALSE;
    }
  d.data = (unsigned char *) contents;
  d.size = length;
  gnutls_x509_crl_init (&crl);
  rc = gnutls_x509_crl_import (crl, &d, GNUTLS_X509_FMT_PEM);
  if (rc < 0)
    rc = gnutls_x509_crl_import (crl, &d, GNUTLS_X509_FMT_DER);
  if (rc < 0 || gnutls_x509_crl_export2 (crl, GNUTLS_X509_FMT_DER, &der) < 0)
    {
      gnutls_x509_crl_deinit (crl);
      g_set_error (error, SCS_SIGNER_ERROR, SCS_SIGNER_ERROR_KEY,
                   _("‘%s’ is not a certificate revocation list (PEM or DER)"), display);
      return FALSE;
    }
  /* a CRL past its next update says nothing about now */
  {
    time_t next_update = gnutls_x509_crl_get_next_update (crl);

    if (next_update != (time_t) -1 && next_update < time (NULL))
      {
        g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc (next_update);
        g_autofree char *text = format_local_date (when);

        gnutls_x509_crl_deinit (crl);
        gnutls_free (der.data);
        g_set_error (error, SCS_SIGNER_ERROR, SCS_SIGNER_ERROR_CERTIFICATE,
                     _("The CRL ‘%s’ is out of date: its next update was due on %s"), display, text);
        return FALSE;
      }
  }
  gnutls_x509_crl_deinit (crl);
  g_ptr_array_add (self->crls, g_bytes_new (der.data, der.size));
  gnutls_free (der.data);
  return TRUE;
}

static void
set_gnutls_error (GError    **error,
                  int         code,
                  int         rc,
                  const char *what)
{
  g_set_error (error, SCS_SIGNER_ERROR, code, "%s: %s", what, gnutls_strerror (rc));
}

ScsSigner *
scs_signer_new_from_pkcs12 (const char  *path,
                            const char  *passphrase,
                            GError     **error)
{
  g_autoptr(ScsSigner) self = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *display = NULL;
  g_autoptr(GError) local_error = NULL;
  gnutls_pkcs12_t p12 = NULL;
  gnutls_x509_privkey_t x509_key = NULL;
  gnutls_datum_t datum;
  gsize length;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  display = g_filename_display_name (path);
  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, SCS_SIGNER_ERROR, SCS_SIGNER_ERROR_KEY,
                   _("Cannot read the key file ‘%s’: %s"), display, local_error->message);
      return NULL;
    }

  self = g_object_new (SCS_TYPE_SIGNER, NULL);
  self->label = g_path_get_basename (path);
  datum.data = (unsigned char *) contents;
  datum.size = length;

  gnutls_pkcs12_init (&p12);
  rc = gnutls_pkcs12_import (p12, &datum, GNUTLS_X509_FMT_DER, 0);
  if (rc < 0)
    rc = gnutls_pkcs12_import (p12, &datum, GNUTLS_X509_FMT_PEM, 0);
  if (rc < 0)
    {
      gnutls_pkcs12_deinit (p12);
      g_set_error (error, SCS_SIGNER_ERROR, SCS_SIGNER_ERROR_KEY,
                   _("‘%s’ is not a PKCS#12 key file: %s"), display, gnutls_strerror (rc));
      return NULL;
    }

  rc = gnutls_pkcs12_verify_mac (p12, passphrase ? passphrase : "");
  if (rc < 0)
    {
      gnutls_pkcs12_deinit (p12);
      g_set_error (error, SCS_SIGNER_ERROR, SCS_SIGNER_ERROR_BAD_PASSWORD,
                   _("The passphrase for ‘%s’ is wrong"), display);
      return NULL;
    }

  rc = gnutls_pkcs12_simple_parse (p12, passphrase ? passphrase : "", &x509_key,
                                   &self->chain, &self->n_chain, NULL, NULL, NULL, 0);
  gnutls_pkcs12_deinit (p12);
  if (rc < 0 || self->n_chain == 0)
    {
      if (rc >= 0)
        gnutls_x509_privkey_deinit (x509_key);
      g_set_error (error, SCS_SIGNER_ERROR, SCS_SIGNER_ERROR_KEY,
                   _("‘%s’ holds no key with its certificate: %s"), display,
                   rc < 0 ? gnutls_strerror (rc) : _("no certificate"));
      return NULL;
    }

  /* The first certificate is the one matching the key. */
  self->crt = self->chain[0];
  memmove (self->chain, self->chain + 1, (self->n_chain - 1) * sizeof (gnutls_x509_crt_t));
  self->n_chain--;

  gnutls_privkey_init (&self->key);
  rc = gnutls_privkey_import_x509 (self->key, x509_key, GNUTLS_PRIVKEY_IMPORT_AUTO_RELEASE);
  if (rc < 0)
    {
      gnutls_x509_privkey_deinit (x509_key);
      set_gnutls_error (error, SCS_SIGNER_ERROR_KEY, rc, display);
      return NULL;
    }

  return g_steal_pointer (&self);
}

/* PKCS#11 ------------------------------------------------------------------ */

static gsize pkcs11_initialized = 0;
static int pkcs11_init_rc = 0;

static int
pkcs11_init (void)
{
  if (g_once_init_enter (&pkcs11_initialized))
    {
      const char *module = g_getenv ("SCS_PKCS11_MODULE");

      if (module != NULL && *module != '\0')
        {
          pkcs11_init_rc = gnutls_pkcs11_init (GNUTLS_PKCS11_FLAG_MANUAL, NULL);
          if (pkcs11_init_rc >= 0)
            pkcs11_init_rc = gnutls_pkcs11_add_provider (module, NULL);
        }
      else
        pkcs11_init_rc = gnutls_pkcs11_init (GNUTLS_PKCS11_FLAG_AUTO, NULL);
      g_once_init_leave (&pkcs11_initialized, 1);
    }
  return pkcs11_init_rc;
}

typedef struct
{
  ScsSigner        *self;
  ScsSignerPinFunc  func;
  gpointer          user_data;
  gboolean          asked;
  gboolean          wrong;
  gboolean          cancelled;
} PinContext;

static G_LOCK_DEFINE (pin);
static PinContext *pin_context;

static ScsPinFlags
token_pin_flags (unsigned int token_flags)
{
  ScsPinFlags flags = 0;

  if (token_flags & GNUTLS_PKCS11_TOKEN_USER_PIN_COUNT_LOW)
    flags |= SCS_PIN_FLAGS_COUNT_LOW;
  if (token_flags & GNUTLS_PKCS11_TOKEN_USER_PIN_FINAL_TRY)
    flags |= SCS_PIN_FLAGS_FINAL_TRY;
  if (token_flags & GNUTLS_PKCS11_TOKEN_USER_PIN_LOCKED)
    flags |= SCS_PIN_FLAGS_LOCKED;
  return flags;
}

/* Called by GnuTLS whenever the token wants the PIN. The first call asks
 * the user; a later call within the same operation means the PIN was wrong,
 * and it is not retried. */
static int
pin_callback (void         *userdata,
              int           attempt,
              const char   *token_url,
              const char   *token_label,
              unsigned int  flags,
              char         *pin,
              size_t        pin_max)
{
  PinContext *ctx = pin_context;
  ScsSigner *self;

  if (ctx == NULL)
    return -1;
  self = ctx->self;

  if (attempt > 0 || (flags & GNUTLS_PIN_WRONG))
    {
      ctx->wrong = TRUE;
      return -1;
    }

  if (flags & GNUTLS_PIN_COUNT_LOW)
    self->pin_flags |= SCS_PIN_FLAGS_COUNT_LOW;
  if (flags & GNUTLS_PIN_FINAL_TRY)
    self->pin_flags |= SCS_PIN_FLAGS_FINAL_TRY;

  if (self->pin == NULL)
    {
      if (ctx->asked || ctx->func == NULL)
        {
          ctx->cancelled = TRUE;
          return -1;
        }
      ctx->asked = TRUE;
      self->pin = ctx->func (token_label, self->pin_flags, ctx->user_data);
      if (self->pin == NULL)
        {
          ctx->cancelled = TRUE;
          return -1;
        }
    }
  if (strlen (self->pin) >= pin_max)
    return -1;
  strcpy (pin, self->pin);
  return 0;
}

static void
pin_begin (PinContext *ctx)
{
  G_LOCK (pin);
  pin_context = ctx;
  gnutls_pkcs11_set_pin_function (pin_callback, NULL);
}

static void
pin_end (void)
{
  gnutls_pkcs11_set_pin_function (NULL, NULL);
  pin_context = NULL;
  G_UNLOCK (pin);
}

/* The same object's certificate: the URI with type=cert. */
static char *
certificate_uri (const char *uri)
{
  g_auto(GStrv) parts = g_strsplit (uri + strlen ("pkcs11:"), ";", -1);
  g_autoptr(GString) out = g_string_new ("pkcs11:");
  gboolean first = TRUE;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (g_str_has_prefix (parts[i], "type=") || g_str_has_prefix (parts[i], "pin-") ||
          *parts[i] == '\0')
        continue;
      if (!first)
        g_string_append_c (out, ';');
      g_string_append (out, parts[i]);
      first = FALSE;
    }
  g_string_append (out, first ? "type=cert" : ";type=cert");
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
pin_error (PinContext  *ctx,
           int          rc,
           const char  *uri,
           GError     **error)
{
  if (ctx->wrong || rc == GNUTLS_E_PKCS11_PIN_ERROR)
    {
      if (ctx->cancelled && !ctx->wrong)
        g_set_error (error, SCS_SIGNER_ERROR, SCS_SIGNER_ERROR_CANCELLED,
                     _("No PIN was given for the token of ‘%s’"), uri);
      else
        g_set_error (error, SCS_SIGNER_ERROR, SCS_SIGNER_ERROR_BAD_PASSWORD,
                     _("The PIN for the token of ‘%s’ is wrong; it was not retried "
                       "(a token locks after a few wrong PINs)"), uri);
      return TRUE;
    }
  if (ctx->cancelled)
    {
      g_set_error (error, SCS_SIGNER_ERROR, SCS_SIGNER_ERROR_CANCELLED,
                   _("No PIN was given for the token of ‘%s’"), uri);
      return TRUE;
    }
  return FALSE;
}

ScsSigner *
scs_signer_new_from_pkcs11 (const char        *uri,
                            ScsSignerPinFunc   pin_func,
                            gpointer           user_data,
                            GError           **error)
{
  g_autoptr(ScsSigner) self = NULL;
  g_autofree char *cert_uri = NULL;
  PinContext ctx = { 0 };
  unsigned int token_flags = 0;
  gnutls_datum_t probe = { (unsigned char *) "scs-workbench", 13 };
  gnutls_datum_t signature = { NULL, 0 };
  int rc;

  g_return_val_if_fail (uri != NULL, NULL);

  if (!g_str_has_prefix (uri, "pkcs11:"))
    {
      g_set_error (error, SCS_SIGNER_ERROR, SCS_SIGNER_ERROR_KEY,
                   _("‘%s’ is not a PKCS#11 URI (pkcs11:token=…;object=…)"), uri);
      return NULL;
    }
  rc = pkcs11_init ();
  if (rc < 0)
    {
      set_gnutls_error (error, SCS_SIGNER_ERROR_KEY, rc, _("Cannot load the PKCS#11 module"));
      return NULL;
    }

  self = g_object_new (SCS_TYPE_SIGNER, NULL);
  self->label = g_strdup (uri);

  if (gnutls_pkcs11_token_get_flags (uri, &token_flags) >= 0)
    self->pin_flags = token_pin_flags (token_flags);
  if (self->pin_flags & SCS_PIN_FLAGS_LOCKED)
    {
      g_set_error (error, SCS_SIGNER_ERROR, SCS_SIGNER_ERROR_PIN_LOCKED,
                   _("The PIN of the token of ‘%s’ is locked: unlock it with the card issuer’s tool"),
                   uri);
      return NULL;
    }

  ctx.self = self;
  ctx.func = pin_func;
  ctx.user_data = user_data;
  pin_begin (&ctx);

  gnutls_x509_crt_init (&self->crt);
  cert_uri = certificate_uri (uri);
  rc = gnutls_x509_crt_import_url (self->crt, cert_uri, 0);
  if (rc < 0)
    {
      pin_end ();
      if (!pin_error (&ctx, rc, uri, error))
        g_set_error (error, SCS_SIGNER_ERROR, SCS_SIGNER_ERROR_KEY,
                     _("No certificate found on the token for ‘%s’: %s"), uri, gnutls_strerror (rc));
      return NULL;
    }

  gnutls_privkey_init (&self->key);
  rc = gnutls_privkey_import_url (self->key, uri, 0);
  /* Log in now (one probe signature) so a wrong PIN shows before anything
   * is written. */
  if (rc >= 0)
    rc = gnutls_privkey_sign_data (self->key, GNUTLS_DIG_SHA256, 0, &probe, &signature);
  gnutls_free (signature.data);
  pin_end ();

  if (rc < 0)
    {
      unsigned int after = 0;

      if (gnutls_pkcs11_token_get_flags (uri, &after) >= 0 &&
          (after & GNUTLS_PKCS11_TOKEN_USER_PIN_LOCKED))
        {
          g_set_error (error, SCS_SIGNER_ERROR, SCS_SIGNER_ERROR_PIN_LOCKED,
                       _("The PIN of the token of ‘%s’ is now locked"), uri);
          return NULL;
        }
      if (!pin_error (&ctx, rc, uri, error))
        g_set_error (error, SCS_SIGNER_ERROR, SCS_SIGNER_ERROR_KEY,
                     _("Cannot use the private key ‘%s’: %s"), uri, gnutls_strerror (rc));
      return NULL;
    }

  return g_steal_pointer (&self);
}

ScsPinFlags
scs_signer_get_pin_flags (ScsSigner *self)
{
  g_return_val_if_fail (SCS_IS_SIGNER (self), 0);
  return self->pin_flags;
}

/* Certificate facts -------------------------------------------------------- */

static char *
datum_to_string (gnutls_datum_t *d)
{
  char *s = g_strndup ((const char *) d->data, d->size);

  gnutls_free (d->data);
  return s;
}

char *
scs_signer_dup_subject (ScsSigner *self)
{
  gnutls_datum_t d;

  g_return_val_if_fail (SCS_IS_SIGNER (self), NULL);
  if (gnutls_x509_crt_get_dn3 (self->crt, &d, 0) < 0)
    return NULL;
  return datum_to_string (&d);
}

char *
scs_signer_dup_person (ScsSigner *self)
{
  g_return_val_if_fail (SCS_IS_SIGNER (self), NULL);

  return scs_cms_crt_dup_person (self->crt);
}

char *
scs_signer_dup_key_usage (ScsSigner *self)
{
  g_return_val_if_fail (SCS_IS_SIGNER (self), NULL);

  return scs_cms_crt_dup_key_usage (self->crt);
}

char *
scs_signer_dup_issuer (ScsSigner *self)
{
  gnutls_datum_t d;

  g_return_val_if_fail (SCS_IS_SIGNER (self), NULL);
  if (gnutls_x509_crt_get_issuer_dn3 (self->crt, &d, 0) < 0)
    return NULL;
  return datum_to_string (&d);
}

char *
scs_signer_dup_serial (ScsSigner *self)
{
  unsigned char serial[64];
  size_t size = sizeof serial;
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (SCS_IS_SIGNER (self), NULL);
  if (gnutls_x509_crt_get_serial (self->crt, serial, &size) >= 0)
    for (size_t i = 0; i < size; i++)
      g_string_append_printf (out, "%02x", serial[i]);
  return g_string_free (out, FALSE);
}

static GBytes *
crt_der (gnutls_x509_crt_t crt)
{
  gnutls_datum_t d;

  if (gnutls_x509_crt_export2 (crt, GNUTLS_X509_FMT_DER, &d) < 0)
    return NULL;
  {
    GBytes *bytes = g_bytes_new (d.data, d.size);
    gnutls_free (d.data);
    return bytes;
  }
}

char *
scs_signer_dup_fingerprint (ScsSigner *self)
{
  g_autoptr(GBytes) der = NULL;

  g_return_val_if_fail (SCS_IS_SIGNER (self), NULL);
  der = crt_der (self->crt);
  return der ? scs_sha256_hex_bytes (der) : NULL;
}

static GDateTime *
date_time_from_crt (time_t t)
{
  /* GnuTLS returns (time_t) -1 when the field is missing or malformed. */
  return t == (time_t) -1 ? NULL : g_date_time_new_from_unix_utc (t);
}

GDateTime *
scs_signer_get_activation_time (ScsSigner *self)
{
  g_return_val_if_fail (SCS_IS_SIGNER (self), NULL);
  return date_time_from_crt (gnutls_x509_crt_get_activation_time (self->crt));
}

GDateTime *
scs_signer_get_expiration_time (ScsSigner *self)
{
  g_return_val_if_fail (SCS_IS_SIGNER (self), NULL);
  return date_time_from_crt (gnutls_x509_crt_get_expiration_time (self->crt));
}

char *
scs_signer_dup_personal_data (ScsSigner *self)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  char oid[128];
  size_t size;

  g_return_val_if_fail (SCS_IS_SIGNER (self), NULL);

  for (unsigned i = 0; ; i++)
    {
      unsigned int critical;

      size = sizeof oid;
      if (gnutls_x509_crt_get_extension_info (self->crt, i, oid, &size, &critical) < 0)
        break;
      if (g_str_equal (oid, "2.5.29.9"))
        g_ptr_array_add (found, (gpointer) _("personal attributes such as the birth date "
                                             "(subject directory attributes)"));
    }

  for (unsigned i = 0; ; i++)
    {
      size = sizeof oid;
      if (gnutls_x509_crt_get_dn_oid (self->crt, i, oid, &size) < 0)
        break;
      if (g_str_equal (oid, "2.5.4.9") || g_str_equal (oid, "2.5.4.16") || g_str_equal (oid, "2.5.4.17"))
        g_ptr_array_add (found, (gpointer) _("a postal address in the subject name"));
      else if (g_str_equal (oid, "1.3.6.1.5.5.7.9.1"))
        g_ptr_array_add (found, (gpointer) _("a birth date in the subject name"));
    }

  for (unsigned i = 0; ; i++)
    {
      int rc;

      size = sizeof oid;
      rc = gnutls_x509_crt_get_subject_alt_othername_oid (self->crt, i, oid, &size);
      if (rc == GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE)
        break;
      if (rc < 0)
        continue;
      /* JPKI (My Number card) signing certificates: name, birth date, sex, address */
      if (g_str_has_prefix (oid, "1.2.392.200149.8.5.5."))
        {
          g_ptr_array_add (found, (gpointer) _("the name, birth date, sex and address of the "
                                               "holder (JPKI)"));
          break;
        }
    }

  if (found->len == 0)
    return NULL;

  {
    GString *out = g_string_new (NULL);

    for (guint i = 0; i < found->len; i++)
      {
        if (strstr (out->str, found->pdata[i]) != NULL)
          continue;
        if (out->len > 0)
          g_string_append (out, _("; "));
        g_string_append (out, found->pdata[i]);
      }
    return g_string_free (out, FALSE);
  }
}

/* The user's calendar date: what they compare with today. */
static char *
format_local_date (GDateTime *when)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (when);

  return g_date_time_format (local, "%Y-%m-%d");
}

/* A refusal names both ends of the period, so the user sees at once
 * whether the certificate ran out or the computer's clock is wrong. */
static gboolean
check_validity_period (ScsSigner   *self,
                       const char  *subject,
                       GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) activation = scs_signer_get_activation_time (self);
  g_autoptr(GDateTime) expiration = scs_signer_get_expiration_time (self);
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  if (activation == NULL || expiration == NULL)
    {
      g_set_error (error, SCS_SIGNER_ERROR, SCS_SIGNER_ERROR_CERTIFICATE,
                   _("The validity period of the certificate ‘%s’ cannot be read"), subject);
      return FALSE;
    }
  from = format_local_date (activation);
  to = format_local_date (expiration);
  if (g_date_time_compare (expiration, now) < 0)
    {
      g_set_error (error, SCS_SIGNER_ERROR, SCS_SIGNER_ERROR_CERTIFICATE,
                   _("The certificate ‘%s’ has expired: it was valid from %s to %s"),
                   subject, from, to);
      return FALSE;
    }
  if (g_date_time_compare (activation, now) > 0)
    {
      g_set_error (error, SCS_SIGNER_ERROR, SCS_SIGNER_ERROR_CERTIFICATE,
                   _("The certificate ‘%s’ is not valid yet: it is valid from %s to %s"),
                   subject, from, to);
      return FALSE;
    }
  return TRUE;
}

gboolean
scs_signer_check_certificate (ScsSigner   *self,
                              const char  *ca_file,
                              GError     **error)
{
  g_autofree char *subject = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (SCS_IS_SIGNER (self), FALSE);

  subject = scs_signer_dup_subject (self);
  if (!check_validity_period (self, subject, error))
    return FALSE;

  if (!scs_cms_check_signing_certificate (self->crt, NULL, &local_error))
    {
      g_set_error_literal (error, SCS_SIGNER_ERROR, SCS_SIGNER_ERROR_CERTIFICATE, local_error->message);
      return FALSE;
    }

  if (ca_file != NULL || self->anchors != NULL)
    {
      g_autoptr(ScsTrustAnchors) anchors = scs_trust_anchors_new ();

      if (ca_file != NULL && !scs_trust_anchors_add_file (anchors, ca_file, &local_error))
        {
          g_set_error_literal (error, SCS_SIGNER_ERROR, SCS_SIGNER_ERROR_CERTIFICATE, local_error->message);
          return FALSE;
        }
      if (self->anchors != NULL)
        {
          g_autoptr(GBytes) pem = scs_trust_anchors_to_pem (self->anchors);

          if (scs_trust_anchors_get_n_certificates (self->anchors) > 0)
            scs_trust_anchors_add_data (anchors, pem, "", NULL);
        }
      if (!scs_cms_check_chain (self->crt, self->chain, self->n_chain, anchors, NULL, &local_error))
        {
          g_set_error_literal (error, SCS_SIGNER_ERROR, SCS_SIGNER_ERROR_CERTIFICATE, local_error->message);
          return FALSE;
        }
    }
  return TRUE;
}

/* Signing ------------------------------------------------------------------- */

gboolean
scs_signer_needs_network (ScsSigner *self)
{
  g_return_val_if_fail (SCS_IS_SIGNER (self), FALSE);
  return self->tsa_url != NULL || self->ocsp_url != NULL;
}

GBytes *
scs_signer_complete (ScsSigner     *self,
                     GBytes        *cms,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(GBytes) stamped = NULL;

  g_return_val_if_fail (SCS_IS_SIGNER (self), NULL);
  g_return_val_if_fail (cms != NULL, NULL);

  stamped = self->tsa_url != NULL ? scs_cms_add_timestamp (cms, self->tsa_url, cancellable, error)
                                  : g_bytes_ref (cms);
  if (stamped == NULL)
    return NULL;
  /* after the time stamp: the answer then speaks of a time after it */
  if (self->ocsp_url != NULL)
    return scs_cms_add_ocsp (stamped, self->ocsp_url, self->anchors, cancellable, error);
  return g_steal_pointer (&stamped);
}

GBytes *
scs_signer_sign (ScsSigner  *self,
                 GBytes     *content,
                 GError    **error)
{
  g_autoptr(GBytes) cms = scs_signer_sign_offline (self, content, error);

  if (cms == NULL)
    return NULL;
  return scs_signer_complete (self, cms, NULL, error);
}

GBytes *
scs_signer_sign_offline (ScsSigner  *self,
                         GBytes     *content,
                         GError    **error)
{
  g_autoptr(GBytes) der = NULL;
  gnutls_pkcs7_t pkcs7 = NULL;
  gnutls_pkcs7_attrs_t attrs = NULL;
  gnutls_datum_t data, attr, out = { NULL, 0 };
  guint8 hash[32];
  gsize hash_len = sizeof hash;
  guint8 ess[40] = { 0x30, 0x26, 0x30, 0x24, 0x30, 0x22, 0x04, 0x20 };
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  PinContext ctx = { 0 };
  GBytes *result;
  int rc;

  g_return_val_if_fail (SCS_IS_SIGNER (self), NULL);
  g_return_val_if_fail (content != NULL, NULL);

  /* ESS signing-certificate-v2 (RFC 5035): SEQUENCE { SEQUENCE OF
   * ESSCertIDv2 { certHash OCTET STRING } }, hash algorithm SHA-256 by
   * default. */
  der = crt_der (self->crt);
  g_checksum_update (sum, g_bytes_get_data (der, NULL), g_bytes_get_size (der));
  g_checksum_get_digest (sum, hash, &hash_len);
  memcpy (ess + 8, hash, 32);
  attr.data = ess;
  attr.size = sizeof ess;

  gnutls_pkcs7_init (&pkcs7);
  rc = gnutls_pkcs7_add_attr (&attrs, OID_SIGNING_CERTIFICATE_V2, &attr, 0);
  if (rc < 0)
    goto failed;

  data.data = (unsigned char *) g_bytes_get_data (content, NULL);
  data.size = g_bytes_get_size (content);

  /* The PKCS#12's chain, so a verifier with only the root finds the way;
   * the revocation lists given, for CAdES-LT. */
  for (guint i = 0; i < self->n_chain && rc >= 0; i++)
    rc = gnutls_pkcs7_set_crt (pkcs7, self->chain[i]);
  for (guint i = 0; i < self->crls->len && rc >= 0; i++)
    {
      GBytes *crl = self->crls->pdata[i];
      gnutls_datum_t d = { (unsigned char *) g_bytes_get_data (crl, NULL), g_bytes_get_size (crl) };

      rc = gnutls_pkcs7_set_crl_raw (pkcs7, &d);
    }
  if (rc < 0)
    goto failed;

  ctx.self = self;  /* a token may ask again: the PIN given at load time is used once */
  pin_begin (&ctx);
  rc = gnutls_pkcs7_sign (pkcs7, self->crt, self->key, &data, attrs, NULL, GNUTLS_DIG_SHA256,
                          GNUTLS_PKCS7_INCLUDE_TIME | GNUTLS_PKCS7_INCLUDE_CERT);
  pin_end ();
  if (rc < 0)
    goto failed;

  rc = gnutls_pkcs7_export2 (pkcs7, GNUTLS_X509_FMT_DER, &out);
  if (rc < 0)
    goto failed;

  gnutls_pkcs7_attrs_deinit (attrs);
  gnutls_pkcs7_deinit (pkcs7);
  result = g_bytes_new (out.data, out.size);
  gnutls_free (out.data);
  return result;

failed:
  gnutls_pkcs7_attrs_deinit (attrs);
  gnutls_pkcs7_deinit (pkcs7);
  set_gnutls_error (error, SCS_SIGNER_ERROR_FAILED, rc, _("Cannot sign"));
  return NULL;
}

gboolean
scs_signer_signed (ScsSigner *self,
                   GBytes    *cms,
                   GBytes    *content)
{
  g_autoptr(ScsCmsVerification) verification = NULL;
  g_autofree char *fingerprint = NULL;

  g_return_val_if_fail (SCS_IS_SIGNER (self), FALSE);

  if (cms == NULL || content == NULL)
    return FALSE;
  verification = scs_cms_verify_detached (cms, content, NULL, NULL, NULL);
  fingerprint = scs_signer_dup_fingerprint (self);
  return verification->fingerprint != NULL && g_strcmp0 (verification->fingerprint, fingerprint) == 0;
}
