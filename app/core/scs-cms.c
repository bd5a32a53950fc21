/* scs-cms.c: verifying detached CMS signatures, trust anchors, RFC 3161 time stamps
 *
 * Verification finds the signer's certificate by the SignerInfo's issuer
 * and serial number (a CMS may list other certificates first), compares the
 * content's digest with the signed messageDigest attribute itself (so a
 * content change is told apart from every other failure), then checks the
 * signature value with time checks off and judges the certificate at the
 * time the signature was made: the time stamp's genTime when there is a
 * valid one, else the signing-time attribute. A certificate that ran out
 * after an unstamped signature is reported as exactly that.
 *
 * Revocation (CAdES-LT): a CRL given at signing goes into the SignedData's
 * crls; an OCSP response asked for at signing (after the time stamp) goes
 * into the unsigned attribute id-aa-ets-revocationValues (RFC 5126
 * RevocationValues, ocspVals: the BasicOCSPResponse). Either counts only
 * when it verifies under the signer's issuer and speaks of the time the
 * signature was made: produced (thisUpdate) after it, or still current
 * (nextUpdate) then. A certificate revoked before that time makes the
 * signature invalid ("revoked at T").
 *
 * Time stamps (RFC 3161): the request's message imprint is the SHA-256 of
 * the SignerInfo's signature value; the token goes into the SignerInfo as
 * the unsigned attribute id-aa-timeStampToken (CAdES-T). GnuTLS reads the
 * CMS structures; the few DER pieces GnuTLS has no API for (the request,
 * the response, TSTInfo, adding an unsigned attribute) go through the small
 * bounded walker below, which refuses indefinite lengths, high tag numbers,
 * lengths beyond their parent and nesting beyond a fixed depth.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "scs-cms.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <gnutls/crypto.h>
#include <gnutls/gnutls.h>
#include <gnutls/abstract.h>
#include <gnutls/ocsp.h>
#include <gmodule.h>
#include <gnutls/pkcs7.h>
#include <libsoup/soup.h>

#include "scs-sha256.h"

G_DEFINE_QUARK (scs-cms-error-quark, scs_cms_error)

#define OID_MESSAGE_DIGEST   "1.2.840.113549.1.9.4"
#define OID_TIMESTAMP_TOKEN  "1.2.840.113549.1.9.16.2.14"
#define OID_TST_INFO         "1.2.840.113549.1.9.16.1.4"
#define OID_KP_TIMESTAMPING  "1.3.6.1.5.5.7.3.8"
#define OID_REVOCATION_VALUES "1.2.840.113549.1.9.16.2.24"
#define OID_CONTENT_TYPE     "1.2.840.113549.1.9.3"
#define OID_DATA             "1.2.840.113549.1.7.1"

#define MAX_CERTIFICATES     32
#define MAX_CHAIN            8
#define MAX_TSA_REPLY        (1024 * 1024)
#define TSA_TIMEOUT_SECONDS  30
/* Clocks of signer, TSA and responder may differ this much. */
#define CLOCK_SKEW_SECONDS   300
/* An OCSP answer without nextUpdate is current for this long. */
#define OCSP_MAX_AGE_SECONDS (24 * 3600)

/* DER ----------------------------------------------------------------------- */

typedef struct
{
  const guint8 *start;   /* the whole TLV */
  gsize         size;
  guint8        tag;
  const guint8 *value;
  gsize         length;
} Der;

/* One TLV at @p within @avail bytes. Definite lengths up to 4 bytes only. */
static gboolean
der_read (const guint8 *p,
          gsize         avail,
          Der          *out)
{
  gsize header = 2, length;

  if (p == NULL || avail < 2 || (p[0] & 0x1f) == 0x1f)
    return FALSE;
  length = p[1];
  if (length & 0x80)
    {
      guint n = length & 0x7f;

      if (n == 0 || n > 4 || avail < 2 + n)
        return FALSE;
      length = 0;
      for (guint i = 0; i < n; i++)
        length = (length << 8) | p[2 + i];
      header += n;
    }
  if (length > avail - header)
    return FALSE;
  out->start = p;
  out->tag = p[0];
  out->value = p + header;
  out->length = length;
  out->size = header + length;
  return TRUE;
}

/* The first child of @parent (constructed), or the one after @child. */
static gboolean
der_child (const Der *parent,
           Der       *child,
           gboolean   first)
{
  const guint8 *p;
  const guint8 *end = parent->value + parent->length;

  if (!(parent->tag & 0x20))
    return FALSE;
  p = first ? parent->value : child->start + child->size;
  if (p >= end)
    return FALSE;
  return der_read (p, end - p, child);
}

static gboolean
der_nth (const Der *parent,
         guint      n,
         Der       *child)
{
  if (!der_child (parent, child, TRUE))
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (!der_child (parent, child, FALSE))
      return FALSE;
  return TRUE;
}

static void
der_append_header (GByteArray *out,
                   guint8      tag,
                   gsize       length)
{
  guint8 buf[6];
  guint n = 0;

  buf[n++] = tag;
  if (length < 0x80)
    buf[n++] = length;
  else
    {
      guint bytes = length > 0xffffff ? 4 : length > 0xffff ? 3 : length > 0xff ? 2 : 1;

      buf[n++] = 0x80 | bytes;
      for (guint i = bytes; i > 0; i--)
        buf[n++] = (length >> (8 * (i - 1))) & 0xff;
    }
  g_byte_array_append (out, buf, n);
}

static GByteArray *
der_wrap (guint8        tag,
          const guint8 *value,
          gsize         length)
{
  GByteArray *out = g_byte_array_sized_new (length + 6);

  der_append_header (out, tag, length);
  g_byte_array_append (out, value, length);
  return out;
}

/* @path[0] contains @path[1] … contains @path[n-1]; returns @path[0]
 * re-encoded with @path[n-1] replaced by @replacement. */
static GByteArray *
der_replace (const Der    *path,
             guint         n,
             const guint8 *replacement,
             gsize         length)
{
  GByteArray *current = g_byte_array_new ();

  g_byte_array_append (current, replacement, length);
  for (guint i = n - 1; i > 0; i--)
    {
      const Der *parent = &path[i - 1];
      const Der *child = &path[i];
      g_autoptr(GByteArray) value = g_byte_array_new ();

      g_byte_array_append (value, parent->value, child->start - parent->value);
      g_byte_array_append (value, current->data, current->len);
      g_byte_array_append (value, child->start + child->size,
                           parent->value + parent->length - (child->start + child->size));
      g_byte_array_unref (current);
      current = der_wrap (parent->tag, value->data, value->len);
    }
  return current;
}

/* Dotted text of an OBJECT IDENTIFIER, or NULL when malformed. */
static char *
der_oid_to_string (const Der *der)
{
  GString *out;
  guint64 arc = 0;
  gboolean first = TRUE;

  if (der->tag != 0x06 || der->length == 0 || der->length > 64 ||
      (der->value[der->length - 1] & 0x80))
    return NULL;
  out = g_string_new (NULL);
  for (gsize i = 0; i < der->length; i++)
    {
      if (arc > (G_MAXUINT64 >> 7))
        {
          g_string_free (out, TRUE);
          return NULL;
        }
      arc = (arc << 7) | (der->value[i] & 0x7f);
      if (der->value[i] & 0x80)
        continue;
      if (first)
        {
          guint top = arc < 40 ? 0 : arc < 80 ? 1 : 2;

          g_string_append_printf (out, "%u.%" G_GUINT64_FORMAT, top, arc - 40 * top);
          first = FALSE;
        }
      else
        g_string_append_printf (out, ".%" G_GUINT64_FORMAT, arc);
      arc = 0;
    }
  return g_string_free (out, FALSE);
}

static gboolean
der_is_oid (const Der  *der,
            const char *oid)
{
  g_autofree char *text = der_oid_to_string (der);

  return text != NULL && g_str_equal (text, oid);
}

/* GeneralizedTime "YYYYMMDDHHMMSS[.fff]Z" in UTC. */
static GDateTime *
der_generalized_time (const Der *der)
{
  const char *s = (const char *) der->value;
  int v[6];
  const int widths[6] = { 4, 2, 2, 2, 2, 2 };
  gsize pos = 0;

  if (der->tag != 0x18 || der->length < 15 || der->length > 32 || s[der->length - 1] != 'Z')
    return NULL;
  for (guint f = 0; f < 6; f++)
    {
      v[f] = 0;
      for (int i = 0; i < widths[f]; i++, pos++)
        {
          if (!g_ascii_isdigit (s[pos]))
            return NULL;
          v[f] = v[f] * 10 + (s[pos] - '0');
        }
    }
  if (pos != der->length - 1)
    {
      if (s[pos] != '.')
        return NULL;
      for (pos++; pos < der->length - 1; pos++)
        if (!g_ascii_isdigit (s[pos]))
          return NULL;
    }
  return g_date_time_new_utc (v[0], v[1], v[2], v[3], v[4], v[5]);
}

/* Helpers ------------------------------------------------------------------- */

static char *
datum_steal_string (gnutls_datum_t *d)
{
  char *s = g_strndup ((const char *) d->data, d->size);

  gnutls_free (d->data);
  return s;
}

static char *
crt_subject (gnutls_x509_crt_t crt)
{
  gnutls_datum_t d;

  if (gnutls_x509_crt_get_dn3 (crt, &d, 0) < 0)
    return g_strdup ("?");
  return datum_steal_string (&d);
}

static char *
crt_dn_field (gnutls_x509_crt_t  crt,
              const char        *oid)
{
  char buf[512];
  size_t size = sizeof buf;

  if (gnutls_x509_crt_get_dn_by_oid (crt, oid, 0, 0, buf, &size) < 0)
    return NULL;
  return g_strndup (buf, size);
}

/* "name — organisation (registration no. N)"; the parts there are. */
static char *
describe_person (const char *name,
                 const char *organization,
                 const char *registration,
                 const char *subject)
{
  GString *out = g_string_new (name != NULL && *name != '\0' ? name : subject);

  if (organization != NULL && *organization != '\0')
    g_string_append_printf (out, " — %s", organization);
  if (registration != NULL && *registration != '\0')
    /* Translators: after the signer's name and organisation; %s is the
     * serialNumber of the certificate (an expert's registration number) */
    g_string_append_printf (out, _(" (registration no. %s)"), registration);
  return g_string_free (out, FALSE);
}

char *
scs_cms_crt_dup_person (gnutls_x509_crt_t crt)
{
  g_autofree char *name = NULL, *organization = NULL, *registration = NULL, *subject = NULL;

  g_return_val_if_fail (crt != NULL, NULL);

  name = crt_dn_field (crt, GNUTLS_OID_X520_COMMON_NAME);
  organization = crt_dn_field (crt, GNUTLS_OID_X520_ORGANIZATION_NAME);
  registration = crt_dn_field (crt, "2.5.4.5");
  subject = crt_subject (crt);
  return describe_person (name, organization, registration, subject);
}

/* The value of the first @oid attribute of a parsed DN, or NULL. */
static char *
dn_field (gnutls_x509_dn_t  dn,
          const char       *oid)
{
  gnutls_x509_ava_st ava;

  for (int rdn = 0; gnutls_x509_dn_get_rdn_ava (dn, rdn, 0, &ava) == 0; rdn++)
    for (int i = 0; gnutls_x509_dn_get_rdn_ava (dn, rdn, i, &ava) == 0; i++)
      /* the OID is a dotted string; its size counts the final NUL */
      if (ava.oid.size >= strlen (oid) && strncmp ((const char *) ava.oid.data, oid, ava.oid.size) == 0)
        return g_utf8_make_valid ((const char *) ava.value.data, ava.value.size);
  return NULL;
}

char *
scs_cms_dn_dup_person (const char *dn)
{
  gnutls_x509_dn_t parsed = NULL;
  g_autofree char *name = NULL, *organization = NULL, *registration = NULL;

  g_return_val_if_fail (dn != NULL, NULL);

  if (gnutls_x509_dn_init (&parsed) < 0)
    return g_strdup (dn);
  if (gnutls_x509_dn_set_str (parsed, dn, NULL) == 0)
    {
      name = dn_field (parsed, GNUTLS_OID_X520_COMMON_NAME);
      organization = dn_field (parsed, GNUTLS_OID_X520_ORGANIZATION_NAME);
      registration = dn_field (parsed, "2.5.4.5");
    }
  gnutls_x509_dn_deinit (parsed);
  return describe_person (name, organization, registration, dn);
}

char *
scs_cms_verification_dup_person (const ScsCmsVerification *v)
{
  g_return_val_if_fail (v != NULL, NULL);

  return describe_person (v->common_name, v->organization, v->registration,
                          v->subject != NULL ? v->subject : "?");
}

char *
scs_cms_crt_dup_key_usage (gnutls_x509_crt_t crt)
{
  static const struct { unsigned int bit; const char *label; } bits[] = {
    { GNUTLS_KEY_DIGITAL_SIGNATURE, N_("digital signature") },
    { GNUTLS_KEY_NON_REPUDIATION, N_("non-repudiation") },
    { GNUTLS_KEY_KEY_ENCIPHERMENT, N_("key encipherment") },
    { GNUTLS_KEY_DATA_ENCIPHERMENT, N_("data encipherment") },
    { GNUTLS_KEY_KEY_AGREEMENT, N_("key agreement") },
    { GNUTLS_KEY_KEY_CERT_SIGN, N_("certificate signing") },
    { GNUTLS_KEY_CRL_SIGN, N_("CRL signing") },
  };
  unsigned int usage = 0, critical = 0;
  GString *out;

  g_return_val_if_fail (crt != NULL, NULL);

  if (gnutls_x509_crt_get_key_usage (crt, &usage, &critical) < 0)
    return NULL;
  out = g_string_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (bits); i++)
    if (usage & bits[i].bit)
      /* Translators: the separator of the key usage list */
      g_string_append_printf (out, "%s%s", out->len > 0 ? _(", ") : "", _(bits[i].label));
  return g_string_free (out, FALSE);
}

static GDateTime *
crt_time (time_t t)
{
  return t == (time_t) -1 ? NULL : g_date_time_new_from_unix_utc (t);
}

static char *
local_date (GDateTime *when)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (when);

  return g_date_time_format (local, "%Y-%m-%d");
}

/* How far a signingTime may lie after the time stamp's genTime: the
 * skew of the signer's clock (docs/signing.md). */
#define SIGNING_TIME_TOLERANCE (5 * G_TIME_SPAN_MINUTE)

static char *
local_date_time (GDateTime *when)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (when);

  return g_date_time_format (local, "%Y-%m-%d %H:%M:%S");
}

static gnutls_x509_crt_t
crt_import (const gnutls_datum_t *der)
{
  gnutls_x509_crt_t crt = NULL;

  if (gnutls_x509_crt_init (&crt) < 0)
    return NULL;
  if (gnutls_x509_crt_import (crt, der, GNUTLS_X509_FMT_DER) < 0)
    {
      gnutls_x509_crt_deinit (crt);
      return NULL;
    }
  return crt;
}

static void
crt_array_free (GPtrArray *array)
{
  for (guint i = 0; i < array->len; i++)
    gnutls_x509_crt_deinit (array->pdata[i]);
  g_ptr_array_free (array, TRUE);
}

static void
pkcs7_free (gnutls_pkcs7_t pkcs7)
{
  if (pkcs7 != NULL)
    gnutls_pkcs7_deinit (pkcs7);
}

/* Imports the SignedData @cms and the signature info of its first signer,
 * to be freed with pkcs7_free () and gnutls_pkcs7_signature_info_deinit ();
 * FALSE, with *@pkcs7 NULL, when @cms is not one that can be read. */
static gboolean
pkcs7_import_signer (GBytes                          *cms,
                     gnutls_pkcs7_t                  *pkcs7,
                     gnutls_pkcs7_signature_info_st  *info)
{
  gnutls_datum_t der;

  der.data = (unsigned char *) g_bytes_get_data (cms, NULL);
  der.size = g_bytes_get_size (cms);
  *pkcs7 = NULL;
  if (gnutls_pkcs7_init (pkcs7) < 0 ||
      gnutls_pkcs7_import (*pkcs7, &der, GNUTLS_X509_FMT_DER) < 0 ||
      gnutls_pkcs7_get_signature_info (*pkcs7, 0, info) < 0)
    {
      g_clear_pointer (pkcs7, pkcs7_free);
      return FALSE;
    }
  return TRUE;
}

/* The certificates a SignedData carries (bounded). */
static GPtrArray *
pkcs7_certificates (gnutls_pkcs7_t pkcs7)
{
  GPtrArray *out = g_ptr_array_new ();
  int count = gnutls_pkcs7_get_crt_count (pkcs7);

  for (int i = 0; i < count && i < MAX_CERTIFICATES; i++)
    {
      gnutls_datum_t raw = { NULL, 0 };
      gnutls_x509_crt_t crt;

      if (gnutls_pkcs7_get_crt_raw2 (pkcs7, i, &raw) < 0)
        continue;
      crt = crt_import (&raw);
      gnutls_free (raw.data);
      if (crt != NULL)
        g_ptr_array_add (out, crt);
    }
  return out;
}

/* The certificate the SignerInfo names by issuer and serial number (or by
 * subject key identifier), whatever its position. */
static gnutls_x509_crt_t
find_signer (GPtrArray                          *certificates,
             const gnutls_pkcs7_signature_info_st *info)
{
  for (guint i = 0; i < certificates->len; i++)
    {
      gnutls_x509_crt_t crt = certificates->pdata[i];

      if (info->issuer_dn.size > 0)
        {
          gnutls_datum_t issuer = { NULL, 0 };
          guint8 serial[64];
          size_t serial_size = sizeof serial;
          gboolean same;

          if (gnutls_x509_crt_get_raw_issuer_dn (crt, &issuer) < 0)
            continue;
          same = issuer.size == info->issuer_dn.size &&
                 memcmp (issuer.data, info->issuer_dn.data, issuer.size) == 0;
          gnutls_free (issuer.data);
          if (same && gnutls_x509_crt_get_serial (crt, serial, &serial_size) >= 0 &&
              serial_size == info->signer_serial.size &&
              memcmp (serial, info->signer_serial.data, serial_size) == 0)
            return crt;
        }
      else if (info->issuer_keyid.size > 0)
        {
          guint8 id[64];
          size_t id_size = sizeof id;
          unsigned int critical;

          if (gnutls_x509_crt_get_subject_key_id (crt, id, &id_size, &critical) >= 0 &&
              id_size == info->issuer_keyid.size &&
              memcmp (id, info->issuer_keyid.data, id_size) == 0)
            return crt;
        }
    }
  return NULL;
}

/* Trust anchors -------------------------------------------------------------- */

struct _ScsTrustAnchors
{
  GObject    parent_instance;
  GPtrArray *certificates;  /* of gnutls_x509_crt_t */
};

G_DEFINE_FINAL_TYPE (ScsTrustAnchors, scs_trust_anchors, G_TYPE_OBJECT)

static void
scs_trust_anchors_finalize (GObject *object)
{
  ScsTrustAnchors *self = SCS_TRUST_ANCHORS (object);

  crt_array_free (self->certificates);
  G_OBJECT_CLASS (scs_trust_anchors_parent_class)->finalize (object);
}

static void
scs_trust_anchors_class_init (ScsTrustAnchorsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = scs_trust_anchors_finalize;
}

static void
scs_trust_anchors_init (ScsTrustAnchors *self)
{
  self->certificates = g_ptr_array_new ();
}

ScsTrustAnchors *
scs_trust_anchors_new (void)
{
  return g_object_new (SCS_TYPE_TRUST_ANCHORS, NULL);
}

gboolean
scs_trust_anchors_add_data (ScsTrustAnchors  *self,
                            GBytes           *data,
                            const char       *name,
                            GError          **error)
{
  gnutls_datum_t d;
  gnutls_x509_crt_t *list = NULL;
  unsigned int n = 0;
  int rc;

  g_return_val_if_fail (SCS_IS_TRUST_ANCHORS (self), FALSE);
  g_return_val_if_fail (data != NULL, FALSE);

  d.data = (unsigned char *) g_bytes_get_data (data, NULL);
  d.size = g_bytes_get_size (data);
  rc = gnutls_x509_crt_list_import2 (&list, &n, &d, GNUTLS_X509_FMT_PEM, 0);
  if (rc < 0 || n == 0)
    {
      /* DER: one certificate after another */
      const guint8 *p = d.data;
      gsize left = d.size;
      Der der;

      n = 0;
      while (left > 0 && der_read (p, left, &der) && der.tag == 0x30)
        {
          gnutls_datum_t one = { (unsigned char *) der.start, der.size };
          gnutls_x509_crt_t crt = crt_import (&one);

          if (crt == NULL)
            break;
          g_ptr_array_add (self->certificates, crt);
          n++;
          p += der.size;
          left -= der.size;
        }
      if (n == 0 || left > 0)
        {
          g_set_error (error, SCS_CMS_ERROR, SCS_CMS_ERROR_ANCHORS,
                       _("‘%s’ holds no CA certificate (PEM or DER)"), name);
          return FALSE;
        }
      return TRUE;
    }
  for (unsigned int i = 0; i < n; i++)
    g_ptr_array_add (self->certificates, list[i]);
  gnutls_free (list);
  return TRUE;
}

gboolean
scs_trust_anchors_add_file (ScsTrustAnchors  *self,
                            const char       *path,
                            GError          **error)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (SCS_IS_TRUST_ANCHORS (self), FALSE);

  mapped = g_mapped_file_new (path, FALSE, &local_error);
  if (mapped == NULL)
    {
      g_set_error (error, SCS_CMS_ERROR, SCS_CMS_ERROR_ANCHORS,
                   _("Cannot read the CA file ‘%s’: %s"), display, local_error->message);
      return FALSE;
    }
  bytes = g_mapped_file_get_bytes (mapped);
  return scs_trust_anchors_add_data (self, bytes, display, error);
}

guint
scs_trust_anchors_get_n_certificates (ScsTrustAnchors *self)
{
  g_return_val_if_fail (SCS_IS_TRUST_ANCHORS (self), 0);
  return self->certificates->len;
}

char *
scs_trust_anchors_dup_subject (ScsTrustAnchors *self,
                               guint            index)
{
  g_return_val_if_fail (SCS_IS_TRUST_ANCHORS (self), NULL);
  g_return_val_if_fail (index < self->certificates->len, NULL);
  return crt_subject (self->certificates->pdata[index]);
}

GDateTime *
scs_trust_anchors_get_expiration (ScsTrustAnchors *self,
                                  guint            index)
{
  g_return_val_if_fail (SCS_IS_TRUST_ANCHORS (self), NULL);
  g_return_val_if_fail (index < self->certificates->len, NULL);
  return crt_time (gnutls_x509_crt_get_expiration_time (self->certificates->pdata[index]));
}

char *
scs_trust_anchors_dup_pem (ScsTrustAnchors *self,
                           guint            index)
{
  gnutls_datum_t pem;

  g_return_val_if_fail (SCS_IS_TRUST_ANCHORS (self), NULL);
  g_return_val_if_fail (index < self->certificates->len, NULL);
  if (gnutls_x509_crt_export2 (self->certificates->pdata[index], GNUTLS_X509_FMT_PEM, &pem) < 0)
    return NULL;
  return datum_steal_string (&pem);
}

GBytes *
scs_trust_anchors_to_pem (ScsTrustAnchors *self)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (SCS_IS_TRUST_ANCHORS (self), NULL);
  for (guint i = 0; i < self->certificates->len; i++)
    {
      gnutls_datum_t pem;

      if (gnutls_x509_crt_export2 (self->certificates->pdata[i], GNUTLS_X509_FMT_PEM, &pem) >= 0)
        {
          g_string_append_len (out, (const char *) pem.data, pem.size);
          gnutls_free (pem.data);
        }
    }
  return g_string_free_to_bytes (out);
}

static gnutls_x509_trust_list_t
anchors_trust_list (ScsTrustAnchors *self)
{
  gnutls_x509_trust_list_t list = NULL;

  gnutls_x509_trust_list_init (&list, 0);
  for (guint i = 0; i < self->certificates->len; i++)
    {
      gnutls_datum_t der;

      if (gnutls_x509_crt_export2 (self->certificates->pdata[i], GNUTLS_X509_FMT_DER, &der) < 0)
        continue;
      gnutls_x509_trust_list_add_trust_mem (list, &der, NULL, GNUTLS_X509_FMT_DER, 0, 0);
      gnutls_free (der.data);
    }
  return list;
}

/* Levels ------------------------------------------------------------------------ */

const char *
scs_cms_level_to_string (ScsCmsLevel level)
{
  switch (level)
    {
    case SCS_CMS_LEVEL_B_B:
      return "B-B";
    case SCS_CMS_LEVEL_B_T:
      return "B-T";
    case SCS_CMS_LEVEL_B_LT:
      return "B-LT";
    case SCS_CMS_LEVEL_NONE:
    default:
      return "none";
    }
}

const char *
scs_cms_level_describe (ScsCmsLevel level)
{
  switch (level)
    {
    case SCS_CMS_LEVEL_B_B:
      return _("CAdES B-B (signature without a trusted time)");
    case SCS_CMS_LEVEL_B_T:
      return _("CAdES B-T (signature with a trusted time stamp)");
    case SCS_CMS_LEVEL_B_LT:
      return _("CAdES B-LT (time stamp and revocation information embedded)");
    case SCS_CMS_LEVEL_NONE:
    default:
      return _("no valid signature");
    }
}

/* Certificate rules --------------------------------------------------------------- */

static gboolean
crt_valid_at (gnutls_x509_crt_t  crt,
              GDateTime         *at)
{
  g_autoptr(GDateTime) from = crt_time (gnutls_x509_crt_get_activation_time (crt));
  g_autoptr(GDateTime) to = crt_time (gnutls_x509_crt_get_expiration_time (crt));

  return from != NULL && to != NULL &&
         g_date_time_compare (from, at) <= 0 && g_date_time_compare (at, to) <= 0;
}

/* The extended key usages a document signature may be made under:
 * anyExtendedKeyUsage, S/MIME (emailProtection), id-kp-documentSigning,
 * Microsoft's and Adobe's document signing. A certificate limited to
 * others (a TSA's, an OCSP responder's, a TLS server's or client's, code
 * signing) may not sign a package. */
static const char * const document_purposes[] = {
  "2.5.29.37.0", "1.3.6.1.5.5.7.3.4", "1.3.6.1.5.5.7.3.36", "1.3.6.1.4.1.311.10.3.12",
  "1.2.840.113583.1.1.5",
};

static gboolean
crt_may_sign_documents (gnutls_x509_crt_t crt)
{
  for (unsigned i = 0; i < 32; i++)
    {
      char oid[128];
      size_t size = sizeof oid;
      int rc = gnutls_x509_crt_get_key_purpose_oid (crt, i, oid, &size, NULL);

      if (rc == GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE)
        return i == 0;  /* no extendedKeyUsage: not limited */
      if (rc < 0)
        return FALSE;
      for (guint k = 0; k < G_N_ELEMENTS (document_purposes); k++)
        if (g_str_equal (oid, document_purposes[k]))
          return TRUE;
    }
  return FALSE;
}

/* A digest a signature may rest on: SHA-2 or SHA-3 of 256 bits or more
 * (not MD5, not SHA-1, for which collisions can be made). */
static gboolean
digest_is_strong (gnutls_digest_algorithm_t hash)
{
  return hash == GNUTLS_DIG_SHA256 || hash == GNUTLS_DIG_SHA384 || hash == GNUTLS_DIG_SHA512 ||
         hash == GNUTLS_DIG_SHA3_256 || hash == GNUTLS_DIG_SHA3_384 || hash == GNUTLS_DIG_SHA3_512;
}

/* Key usage, extended key usage, CA and key strength: what the
 * certificate may do, whatever the time. */
static char *
crt_usage_problem (gnutls_x509_crt_t crt)
{
  g_autofree char *subject = crt_subject (crt);
  unsigned int usage = 0, critical = 0, ca = 0, bits = 0;
  int pathlen = -1, pk;

  if (gnutls_x509_crt_get_key_usage (crt, &usage, &critical) >= 0 &&
      !(usage & (GNUTLS_KEY_DIGITAL_SIGNATURE | GNUTLS_KEY_NON_REPUDIATION)))
    return g_strdup_printf (_("The certificate ‘%s’ may not sign documents: its key usage allows "
                              "neither digitalSignature nor nonRepudiation"), subject);
  if (gnutls_x509_crt_get_basic_constraints (crt, &critical, &ca, &pathlen) >= 0 && ca)
    return g_strdup_printf (_("The certificate ‘%s’ is a CA certificate (basicConstraints "
                              "CA:TRUE) and may not sign documents"), subject);
  if (!crt_may_sign_documents (crt))
    return g_strdup_printf (_("The certificate ‘%s’ may not sign documents: its extended key usage "
                              "is for other purposes only (such as time stamps, OCSP or TLS)"), subject);
  pk = gnutls_x509_crt_get_pk_algorithm (crt, &bits);
  if (pk < 0 || gnutls_pk_bits_to_sec_param (pk, bits) < GNUTLS_SEC_PARAM_MEDIUM)
    return g_strdup_printf (_("The certificate ‘%s’ has a key too weak to sign (%u-bit %s; RSA needs "
                              "2048 bits or more)"), subject, bits,
                            pk >= 0 ? gnutls_pk_get_name (pk) : "?");
  return NULL;
}

static char *
crt_period_problem (gnutls_x509_crt_t  crt,
                    GDateTime         *at,
                    const char        *what)
{
  g_autoptr(GDateTime) from = crt_time (gnutls_x509_crt_get_activation_time (crt));
  g_autoptr(GDateTime) to = crt_time (gnutls_x509_crt_get_expiration_time (crt));
  g_autofree char *subject = crt_subject (crt);
  g_autofree char *from_text = NULL, *to_text = NULL, *at_text = NULL;

  if (from == NULL || to == NULL)
    return g_strdup_printf (_("The validity period of the certificate ‘%s’ cannot be read"), subject);
  if (crt_valid_at (crt, at))
    return NULL;
  from_text = local_date (from);
  to_text = local_date (to);
  at_text = local_date_time (at);
  /* @what: "the signing time", "the stamped time", "now" — translated by the caller */
  return g_strdup_printf (_("The certificate ‘%s’ was not valid at %s (%s): it is valid from %s to %s"),
                          subject, what, at_text, from_text, to_text);
}

gboolean
scs_cms_check_signing_certificate (gnutls_x509_crt_t   crt,
                                   GDateTime          *at,
                                   GError            **error)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *problem = NULL;

  g_return_val_if_fail (crt != NULL, FALSE);

  if (at == NULL)
    at = now = g_date_time_new_now_utc ();
  problem = crt_usage_problem (crt);
  if (problem == NULL)
    problem = crt_period_problem (crt, at, _("the signing time"));
  if (problem != NULL)
    {
      g_set_error_literal (error, SCS_CMS_ERROR, SCS_CMS_ERROR_CERTIFICATE, problem);
      return FALSE;
    }
  return TRUE;
}

/* Orders @crt's issuers from @extra (any order, unrelated ones ignored). */
static guint
build_chain (gnutls_x509_crt_t  crt,
             gnutls_x509_crt_t *extra,
             guint              n_extra,
             gnutls_x509_crt_t *chain)
{
  guint n = 1;

  chain[0] = crt;
  while (n < MAX_CHAIN)
    {
      gnutls_x509_crt_t last = chain[n - 1], next = NULL;

      if (gnutls_x509_crt_check_issuer (last, last))
        break;
      for (guint i = 0; i < n_extra && next == NULL; i++)
        {
          gboolean used = FALSE;

          for (guint j = 0; j < n; j++)
            used |= chain[j] == extra[i];
          if (!used && gnutls_x509_crt_check_issuer (last, extra[i]))
            next = extra[i];
        }
      if (next == NULL)
        break;
      chain[n++] = next;
    }
  return n;
}

/* Whether revocation information produced at @this_update and current
 * until @next_update ((time_t) -1: not said) speaks of @at: made after it,
 * or still current then. */
static gboolean
speaks_of (time_t     this_update,
           time_t     next_update,
           GDateTime *at)
{
  gint64 t = g_date_time_to_unix (at);

  return (this_update != (time_t) -1 && (gint64) this_update >= t - CLOCK_SKEW_SECONDS) ||
         (next_update != (time_t) -1 && (gint64) next_update >= t);
}

/* Chains @crt to @anchors with the CRLs @crls (may be NULL), judging every
 * certificate's period at @at. Returns a translated problem or NULL;
 * @revocation_checked: a CRL of the issuer was verified and applied. */
static char *
chain_problem (gnutls_x509_crt_t  crt,
               gnutls_x509_crt_t *extra,
               guint              n_extra,
               GPtrArray         *crls,
               ScsTrustAnchors   *anchors,
               GDateTime         *at,
               const char        *what,
               gboolean          *revocation_checked)
{
  gnutls_x509_crt_t chain[MAX_CHAIN];
  gnutls_x509_trust_list_t list;
  gnutls_x509_crt_t issuer = NULL;
  g_autofree char *subject = crt_subject (crt);
  unsigned int status = 0;
  guint n;
  int rc;

  n = build_chain (crt, extra, n_extra, chain);
  list = anchors_trust_list (anchors);
  if (crls != NULL && crls->len > 0)
    {
      g_autofree gnutls_x509_crl_t *copies = g_new0 (gnutls_x509_crl_t, crls->len);
      guint n_copies = 0;
      gnutls_datum_t issuer_dn = { NULL, 0 };

      for (guint i = 0; i < crls->len; i++)
        {
          gnutls_x509_crl_t crl;
          GBytes *der = crls->pdata[i];
          gnutls_datum_t d = { (unsigned char *) g_bytes_get_data (der, NULL), g_bytes_get_size (der) };

          gnutls_x509_crl_init (&crl);
          if (gnutls_x509_crl_import (crl, &d, GNUTLS_X509_FMT_DER) < 0)
            {
              gnutls_x509_crl_deinit (crl);
              continue;
            }
          if (revocation_checked != NULL && gnutls_x509_crt_get_raw_issuer_dn (crt, &issuer_dn) >= 0)
            {
              gnutls_datum_t crl_issuer = { NULL, 0 };

              if (gnutls_x509_crl_get_raw_issuer_dn (crl, &crl_issuer) >= 0 &&
                  crl_issuer.size == issuer_dn.size &&
                  memcmp (crl_issuer.data, issuer_dn.data, issuer_dn.size) == 0)
                {
                  /* the CRL must verify under the signer's issuer */
                  gnutls_x509_crt_t crl_ca = n > 1 ? chain[1] : NULL;
                  gnutls_x509_crt_t anchor = NULL;

                  if (crl_ca == NULL &&
                      gnutls_x509_trust_list_get_issuer (list, crt, &anchor, GNUTLS_TL_GET_COPY) >= 0)
                    crl_ca = anchor;
                  if (crl_ca != NULL)
                    {
                      unsigned int crl_status = 0;

                      /* and speak of the time the signature was made */
                      if (gnutls_x509_crl_verify (crl, &crl_ca, 1, 0, &crl_status) >= 0 && crl_status == 0 &&
                          speaks_of (gnutls_x509_crl_get_this_update (crl), gnutls_x509_crl_get_next_update (crl),
                                     at))
                        *revocation_checked = TRUE;
                    }
                  if (anchor != NULL)
                    gnutls_x509_crt_deinit (anchor);
                }
              gnutls_free (crl_issuer.data);
              gnutls_free (issuer_dn.data);
              issuer_dn.data = NULL;
            }
          copies[n_copies++] = crl;
        }
      if (n_copies > 0)
        gnutls_x509_trust_list_add_crls (list, copies, n_copies, 0, 0);
    }

  rc = gnutls_x509_trust_list_verify_crt2 (list, chain, n, NULL, 0,
                                           GNUTLS_VERIFY_DISABLE_TIME_CHECKS |
                                           GNUTLS_VERIFY_DISABLE_TRUSTED_TIME_CHECKS,
                                           &status, NULL);
  if (rc < 0 || status != 0)
    {
      gnutls_x509_trust_list_deinit (list, 1);
      if (rc >= 0 && (status & GNUTLS_CERT_REVOKED))
        return g_strdup_printf (_("The certificate ‘%s’ has been revoked by its CA"), subject);
      return g_strdup_printf (_("The certificate ‘%s’ is not issued by a CA you trust"), subject);
    }
  for (guint i = 0; i < n; i++)
    {
      char *problem = crt_period_problem (chain[i], at, what);

      if (problem != NULL)
        {
          gnutls_x509_trust_list_deinit (list, 1);
          return problem;
        }
    }
  if (gnutls_x509_trust_list_get_issuer (list, chain[n - 1], &issuer, GNUTLS_TL_GET_COPY) >= 0)
    {
      char *problem = crt_period_problem (issuer, at, what);

      gnutls_x509_crt_deinit (issuer);
      if (problem != NULL)
        {
          gnutls_x509_trust_list_deinit (list, 1);
          return problem;
        }
    }
  gnutls_x509_trust_list_deinit (list, 1);
  return NULL;
}

gboolean
scs_cms_check_chain (gnutls_x509_crt_t   crt,
                     gnutls_x509_crt_t  *extra,
                     guint               n_extra,
                     ScsTrustAnchors    *anchors,
                     GDateTime          *at,
                     GError            **error)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *problem = NULL;

  g_return_val_if_fail (crt != NULL, FALSE);
  g_return_val_if_fail (SCS_IS_TRUST_ANCHORS (anchors), FALSE);

  if (at == NULL)
    at = now = g_date_time_new_now_utc ();
  problem = chain_problem (crt, extra, n_extra, NULL, anchors, at, _("the signing time"), NULL);
  if (problem != NULL)
    {
      g_set_error_literal (error, SCS_CMS_ERROR, SCS_CMS_ERROR_CERTIFICATE, problem);
      return FALSE;
    }
  return TRUE;
}

/* path[0..4]: ContentInfo, [0], SignedData, signerInfos, its only SignerInfo. */
static gboolean
cms_signer_info_path (const guint8 *p,
                      gsize         size,
                      Der          *path)
{
  Der child;
  gboolean found = FALSE;

  if (!der_read (p, size, &path[0]) || path[0].tag != 0x30 || path[0].size != size ||
      !der_nth (&path[0], 1, &path[1]) || path[1].tag != 0xa0 ||
      !der_child (&path[1], &path[2], TRUE) || path[2].tag != 0x30)
    return FALSE;
  /* signerInfos: the last element of SignedData */
  if (!der_child (&path[2], &child, TRUE))
    return FALSE;
  do
    {
      path[3] = child;
      found = TRUE;
    }
  while (der_child (&path[2], &child, FALSE));
  if (!found || path[3].tag != 0x31 ||
      !der_child (&path[3], &path[4], TRUE) || path[4].tag != 0x30)
    return FALSE;
  child = path[4];
  return !der_child (&path[3], &child, FALSE);  /* exactly one SignerInfo */
}

/* The messageDigest signed attribute of the only SignerInfo. */
static gboolean
cms_message_digest (GBytes *cms,
                    Der    *digest)
{
  Der path[5], attrs, attr, oid, set;
  gboolean more;

  if (!cms_signer_info_path (g_bytes_get_data (cms, NULL), g_bytes_get_size (cms), path))
    return FALSE;
  for (more = der_child (&path[4], &attrs, TRUE); more; more = der_child (&path[4], &attrs, FALSE))
    if (attrs.tag == 0xa0)
      break;
  if (!more)
    return FALSE;
  for (more = der_child (&attrs, &attr, TRUE); more; more = der_child (&attrs, &attr, FALSE))
    if (attr.tag == 0x30 && der_child (&attr, &oid, TRUE) && der_is_oid (&oid, OID_MESSAGE_DIGEST))
      return (set = oid, der_child (&attr, &set, FALSE)) && set.tag == 0x31 &&
             der_child (&set, digest, TRUE) && digest->tag == 0x04;
  return FALSE;
}

/* Verifies the only SignerInfo of @cms (DER) with @crt: the messageDigest
 * attribute against @content, then the signature value over the signed
 * attributes (re-tagged as a SET), or over @content when there are none.
 * Our own walk rather than gnutls_pkcs7_verify_direct(), whose GnuTLS 3.7
 * leaks a public key on some malformed signatures. Returns 0 or a GnuTLS
 * error code. */
static int
verify_signer_info (const guint8                         *cms,
                    gsize                                 cms_size,
                    gnutls_x509_crt_t                     crt,
                    const gnutls_pkcs7_signature_info_st *info,
                    const guint8                         *content,
                    gsize                                 content_size)
{
  gnutls_digest_algorithm_t hash = gnutls_sign_get_hash_algorithm (info->algo);
  gnutls_pubkey_t pubkey = NULL;
  g_autoptr(GByteArray) signed_attrs = NULL;
  gnutls_datum_t data = { (unsigned char *) content, content_size };
  Der path[5], attrs;
  gboolean more;
  int rc;

  if (!cms_signer_info_path (cms, cms_size, path))
    return GNUTLS_E_ASN1_DER_ERROR;
  for (more = der_child (&path[4], &attrs, TRUE); more; more = der_child (&path[4], &attrs, FALSE))
    if (attrs.tag == 0xa0)
      break;
  if (more)
    {
      Der attr, oid, set, digest;
      guint8 computed[64];
      gboolean matched = FALSE;

      if (hash == GNUTLS_DIG_UNKNOWN || gnutls_hash_get_len (hash) > sizeof computed ||
          gnutls_hash_fast (hash, content, content_size, computed) < 0)
        return GNUTLS_E_UNKNOWN_HASH_ALGORITHM;
      for (gboolean a = der_child (&attrs, &attr, TRUE); a; a = der_child (&attrs, &attr, FALSE))
        if (attr.tag == 0x30 && der_child (&attr, &oid, TRUE) && der_is_oid (&oid, OID_MESSAGE_DIGEST) &&
            (set = oid, der_child (&attr, &set, FALSE)) && set.tag == 0x31 &&
            der_child (&set, &digest, TRUE) && digest.tag == 0x04)
          matched = digest.length == gnutls_hash_get_len (hash) &&
                    memcmp (digest.value, computed, digest.length) == 0;
      if (!matched)
        return GNUTLS_E_PK_SIG_VERIFY_FAILED;
      signed_attrs = g_byte_array_sized_new (attrs.size);
      g_byte_array_append (signed_attrs, (const guint8 *) "\x31", 1);
      g_byte_array_append (signed_attrs, attrs.start + 1, attrs.size - 1);
      data.data = signed_attrs->data;
      data.size = signed_attrs->len;
    }

  rc = gnutls_pubkey_init (&pubkey);
  if (rc >= 0)
    rc = gnutls_pubkey_import_x509 (pubkey, crt, 0);
  if (rc >= 0)
    rc = gnutls_pubkey_verify_data2 (pubkey, info->algo, 0, &data, &info->sig);
  if (pubkey != NULL)
    gnutls_pubkey_deinit (pubkey);
  return rc < 0 ? rc : 0;
}

/* Time stamps ---------------------------------------------------------------------- */

typedef struct
{
  Der        hash_oid;
  Der        imprint;
  Der        nonce;     /* tag 0 when absent */
  GDateTime *gen_time;
} TstInfo;

static gboolean
parse_tst_info (const guint8 *p,
                gsize         length,
                TstInfo      *out)
{
  Der top, field, inner;

  memset (out, 0, sizeof *out);
  if (!der_read (p, length, &top) || top.tag != 0x30 || top.size != length)
    return FALSE;
  if (!der_child (&top, &field, TRUE) || field.tag != 0x02 ||       /* version */
      !der_child (&top, &field, FALSE) || field.tag != 0x06 ||      /* policy */
      !der_child (&top, &field, FALSE) || field.tag != 0x30)        /* messageImprint */
    return FALSE;
  if (!der_child (&field, &inner, TRUE) || inner.tag != 0x30 ||
      !der_child (&inner, &out->hash_oid, TRUE) || out->hash_oid.tag != 0x06 ||
      !der_child (&field, &inner, FALSE) || inner.tag != 0x04)
    return FALSE;
  out->imprint = inner;
  if (!der_child (&top, &field, FALSE) || field.tag != 0x02 ||      /* serialNumber */
      !der_child (&top, &field, FALSE))
    return FALSE;
  out->gen_time = der_generalized_time (&field);
  if (out->gen_time == NULL)
    return FALSE;
  while (der_child (&top, &field, FALSE))
    if (field.tag == 0x02)
      out->nonce = field;
  return TRUE;
}

static gnutls_digest_algorithm_t
hash_from_oid (const Der *oid)
{
  if (der_is_oid (oid, "2.16.840.1.101.3.4.2.1"))
    return GNUTLS_DIG_SHA256;
  if (der_is_oid (oid, "2.16.840.1.101.3.4.2.2"))
    return GNUTLS_DIG_SHA384;
  if (der_is_oid (oid, "2.16.840.1.101.3.4.2.3"))
    return GNUTLS_DIG_SHA512;
  return GNUTLS_DIG_UNKNOWN;
}

static gboolean
crt_has_purpose (gnutls_x509_crt_t  crt,
                 const char        *purpose)
{
  for (unsigned i = 0; i < 32; i++)
    {
      char oid[128];
      size_t size = sizeof oid;

      if (gnutls_x509_crt_get_key_purpose_oid (crt, i, oid, &size, NULL) < 0)
        return FALSE;
      if (g_str_equal (oid, purpose))
        return TRUE;
    }
  return FALSE;
}

/* Checks the token @token (a ContentInfo, DER) over @signature: TSTInfo,
 * imprint, @nonce when given, the token's signature, the TSA certificate
 * (timeStamping purpose, valid at genTime) and, with @anchors, its chain.
 * Returns the translated reason it fails, or NULL. */
static char *
timestamp_problem (const guint8          *token,
                   gsize                  token_size,
                   const gnutls_datum_t  *signature,
                   ScsTrustAnchors       *anchors,
                   const Der             *nonce,
                   GDateTime            **gen_time,
                   char                 **tsa_subject)
{
  gnutls_pkcs7_t pkcs7 = NULL;
  gnutls_datum_t der = { (unsigned char *) token, token_size };
  gnutls_datum_t tst = { NULL, 0 };
  gnutls_pkcs7_signature_info_st info;
  GPtrArray *certificates = NULL;
  gnutls_x509_crt_t tsa;
  gnutls_digest_algorithm_t hash;
  guint8 digest[64];
  TstInfo tst_info = { 0 };
  const char *oid;
  char *problem = NULL;
  gboolean have_info = FALSE;

  memset (&info, 0, sizeof info);
  if (gnutls_pkcs7_init (&pkcs7) < 0 ||
      gnutls_pkcs7_import (pkcs7, &der, GNUTLS_X509_FMT_DER) < 0 ||
      (oid = gnutls_pkcs7_get_embedded_data_oid (pkcs7)) == NULL ||
      !g_str_equal (oid, OID_TST_INFO) ||
      gnutls_pkcs7_get_embedded_data (pkcs7, 0, &tst) < 0 ||
      !parse_tst_info (tst.data, tst.size, &tst_info))
    {
      problem = g_strdup (_("it cannot be read as an RFC 3161 time stamp token"));
      goto out;
    }
  hash = hash_from_oid (&tst_info.hash_oid);
  if (hash == GNUTLS_DIG_UNKNOWN || tst_info.imprint.length != gnutls_hash_get_len (hash) ||
      gnutls_hash_fast (hash, signature->data, signature->size, digest) < 0 ||
      memcmp (digest, tst_info.imprint.value, tst_info.imprint.length) != 0)
    {
      problem = g_strdup (_("it does not cover this signature (the message imprint differs)"));
      goto out;
    }
  if (nonce != NULL && (tst_info.nonce.length != nonce->length ||
                        memcmp (tst_info.nonce.value, nonce->value, nonce->length) != 0))
    {
      problem = g_strdup (_("it does not answer this request (the nonce differs)"));
      goto out;
    }
  if (gnutls_pkcs7_get_signature_info (pkcs7, 0, &info) < 0)
    {
      problem = g_strdup (_("it cannot be read as an RFC 3161 time stamp token"));
      goto out;
    }
  have_info = TRUE;
  certificates = pkcs7_certificates (pkcs7);
  tsa = find_signer (certificates, &info);
  if (tsa == NULL)
    {
      problem = g_strdup (_("it does not carry the certificate of the time-stamp authority"));
      goto out;
    }
  if (tsa_subject != NULL)
    *tsa_subject = crt_subject (tsa);
  if (!digest_is_strong (gnutls_sign_get_hash_algorithm (info.algo)))
    {
      problem = g_strdup (_("it is signed with a digest too weak to rely on (SHA-256 or stronger is required)"));
      goto out;
    }
  if (verify_signer_info (token, token_size, tsa, &info, tst.data, tst.size) < 0)
    {
      problem = g_strdup (_("its signature does not verify"));
      goto out;
    }
  if (!crt_has_purpose (tsa, OID_KP_TIMESTAMPING))
    {
      g_autofree char *subject = crt_subject (tsa);

      problem = g_strdup_printf (_("the certificate ‘%s’ is not a time-stamping certificate "
                                   "(extendedKeyUsage timeStamping)"), subject);
      goto out;
    }
  problem = crt_period_problem (tsa, tst_info.gen_time, _("the stamped time"));
  if (problem == NULL && anchors != NULL && scs_trust_anchors_get_n_certificates (anchors) > 0)
    problem = chain_problem (tsa, (gnutls_x509_crt_t *) certificates->pdata, certificates->len, NULL,
                             anchors, tst_info.gen_time, _("the stamped time"), NULL);
  if (problem == NULL && gen_time != NULL)
    *gen_time = g_date_time_ref (tst_info.gen_time);

out:
  g_clear_pointer (&tst_info.gen_time, g_date_time_unref);
  if (certificates != NULL)
    crt_array_free (certificates);
  if (have_info)
    gnutls_pkcs7_signature_info_deinit (&info);
  gnutls_free (tst.data);
  pkcs7_free (pkcs7);
  return problem;
}

/* The value of the unsigned/signed attribute @oid, or FALSE. */
static gboolean
find_attr (gnutls_pkcs7_attrs_t  attrs,
           const char           *oid,
           unsigned              flags,
           gnutls_datum_t       *value)
{
  for (unsigned i = 0; i < 64; i++)
    {
      char *attr_oid = NULL;
      gnutls_datum_t data = { NULL, 0 };

      if (gnutls_pkcs7_get_attr (attrs, i, &attr_oid, &data, flags) < 0)
        return FALSE;
      if (attr_oid != NULL && g_str_equal (attr_oid, oid))
        {
          *value = data;
          return TRUE;
        }
      gnutls_free (data.data);
    }
  return FALSE;
}

/* Revocation: OCSP ------------------------------------------------------------------- */

/* The issuer of @crt among @certificates (its signature checked) or the
 * anchors; a copy, or NULL. */
static gnutls_x509_crt_t
find_issuer (gnutls_x509_crt_t  crt,
             GPtrArray         *certificates,
             ScsTrustAnchors   *anchors)
{
  gnutls_x509_crt_t issuer = NULL;

  if (anchors != NULL && scs_trust_anchors_get_n_certificates (anchors) > 0)
    {
      gnutls_x509_trust_list_t list = anchors_trust_list (anchors);

      if (gnutls_x509_trust_list_get_issuer (list, crt, &issuer, GNUTLS_TL_GET_COPY) < 0)
        issuer = NULL;
      gnutls_x509_trust_list_deinit (list, 1);
      if (issuer != NULL)
        return issuer;
    }
  for (guint i = 0; certificates != NULL && i < certificates->len; i++)
    {
      gnutls_x509_crt_t candidate = certificates->pdata[i];
      unsigned int status = 0;
      gnutls_datum_t der = { NULL, 0 };

      if (candidate == crt || !gnutls_x509_crt_check_issuer (crt, candidate) ||
          gnutls_x509_crt_verify (crt, &candidate, 1, GNUTLS_VERIFY_DISABLE_TIME_CHECKS |
                                  GNUTLS_VERIFY_DISABLE_TRUSTED_TIME_CHECKS, &status) < 0 || status != 0)
        continue;
      if (gnutls_x509_crt_export2 (candidate, GNUTLS_X509_FMT_DER, &der) >= 0)
        issuer = crt_import (&der);
      gnutls_free (der.data);
      return issuer;
    }
  return NULL;
}

typedef struct
{
  unsigned int status;      /* gnutls_ocsp_cert_status_t */
  time_t       this_update;
  time_t       next_update; /* (time_t) -1: not said */
  time_t       revoked_at;
} OcspAnswer;

/* Checks the OCSP response @resp about @crt, issued by @issuer: a
 * successful basic response signed by the issuer or a responder it
 * delegated (id-kp-OCSPSigning), about this very certificate, with our
 * @nonce when one was sent. A translated problem, or NULL and @answer. */
static char *
ocsp_problem (gnutls_ocsp_resp_t    resp,
              gnutls_x509_crt_t     crt,
              gnutls_x509_crt_t     issuer,
              const gnutls_datum_t *nonce,
              unsigned int          verify_flags,
              OcspAnswer           *answer)
{
  unsigned int verify = 0;

  if (gnutls_ocsp_resp_get_status (resp) != GNUTLS_OCSP_RESP_SUCCESSFUL)
    return g_strdup_printf (_("the responder refused the request (status %d)"),
                            gnutls_ocsp_resp_get_status (resp));
  if (gnutls_ocsp_resp_verify_direct (resp, issuer, &verify, verify_flags) < 0 || verify != 0)
    return g_strdup (_("it is signed neither by the certificate’s CA nor by a responder the CA "
                       "delegated for OCSP"));
  if (nonce != NULL)
    {
      gnutls_datum_t echoed = { NULL, 0 };
      gboolean same;

      if (gnutls_ocsp_resp_get_nonce (resp, NULL, &echoed) < 0)
        return g_strdup (_("it does not carry the nonce of the request"));
      same = echoed.size == nonce->size && memcmp (echoed.data, nonce->data, nonce->size) == 0;
      gnutls_free (echoed.data);
      if (!same)
        return g_strdup (_("it answers another request (the nonce differs)"));
    }
  if (gnutls_ocsp_resp_check_crt (resp, 0, crt) < 0 ||
      gnutls_ocsp_resp_get_single (resp, 0, NULL, NULL, NULL, NULL, &answer->status, &answer->this_update,
                                   &answer->next_update, &answer->revoked_at, NULL) < 0)
    return g_strdup (_("it is not about this certificate"));
  if (answer->status != GNUTLS_OCSP_CERT_GOOD && answer->status != GNUTLS_OCSP_CERT_REVOKED)
    return g_strdup (_("the responder does not know the certificate"));
  return NULL;
}

/* OCSPResponse { successful, [0] { id-pkix-ocsp-basic, OCTET STRING { @basic } } } */
static GByteArray *
ocsp_response_wrap (const guint8 *basic,
                    gsize         size)
{
  static const guint8 successful[] = { 0x0a, 0x01, 0x00 };
  static const guint8 basic_oid[] = { 0x06, 0x09, 0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x30, 0x01, 0x01 };
  g_autoptr(GByteArray) octets = der_wrap (0x04, basic, size);
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autoptr(GByteArray) sequence = NULL;
  g_autoptr(GByteArray) tagged = NULL;
  g_autoptr(GByteArray) outer = g_byte_array_new ();

  g_byte_array_append (bytes, basic_oid, sizeof basic_oid);
  g_byte_array_append (bytes, octets->data, octets->len);
  sequence = der_wrap (0x30, bytes->data, bytes->len);
  tagged = der_wrap (0xa0, sequence->data, sequence->len);
  g_byte_array_append (outer, successful, sizeof successful);
  g_byte_array_append (outer, tagged->data, tagged->len);
  return der_wrap (0x30, outer->data, outer->len);
}

/* The embedded OCSP responses (RevocationValues' ocspVals), each as a whole
 * OCSPResponse (DER), or NULL when the attribute is absent or malformed. */
static GPtrArray *
embedded_ocsp_responses (const gnutls_datum_t *revocation_values)
{
  GPtrArray *out = NULL;
  Der values, child, basic;

  if (!der_read (revocation_values->data, revocation_values->size, &values) || values.tag != 0x30)
    return NULL;
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  /* ocspVals [1] EXPLICIT SEQUENCE OF BasicOCSPResponse (RFC 5126 is EXPLICIT TAGS) */
  for (gboolean first = TRUE; der_child (&values, &child, first); first = FALSE)
    {
      Der list;

      if (child.tag != 0xa1 || !der_child (&child, &list, TRUE) || list.tag != 0x30)
        continue;
      for (gboolean one = TRUE; der_child (&list, &basic, one) && out->len < MAX_CERTIFICATES; one = FALSE)
        {
          g_autoptr(GByteArray) response = NULL;

          if (basic.tag != 0x30)
            continue;
          response = ocsp_response_wrap (basic.start, basic.size);
          g_ptr_array_add (out, g_byte_array_free_to_bytes (g_steal_pointer (&response)));
        }
      break;
    }
  return out;
}

/* Checks the OCSP responses embedded in @revocation_values (the value of
 * id-aa-ets-revocationValues) about @signer, judged at @judged. A
 * translated problem (the certificate was revoked before @judged, or an
 * answer does not verify), else NULL; @checked: a good answer of the
 * issuer speaks of @judged; @notice: revoked only after @judged. */
static char *
embedded_ocsp_problem (const gnutls_datum_t  *revocation_values,
                       gnutls_x509_crt_t      signer,
                       GPtrArray             *certificates,
                       ScsTrustAnchors       *anchors,
                       GDateTime             *judged,
                       gboolean              *checked,
                       char                 **notice)
{
  g_autoptr(GPtrArray) responses = embedded_ocsp_responses (revocation_values);
  g_autofree char *subject = crt_subject (signer);
  gnutls_x509_crt_t issuer;
  char *problem = NULL;

  if (responses == NULL)
    return g_strdup (_("the revocation values cannot be read"));
  issuer = find_issuer (signer, certificates, anchors);
  if (issuer == NULL)
    return NULL;  /* nothing to check them with: they do not count */
  for (guint i = 0; i < responses->len && problem == NULL; i++)
    {
      GBytes *bytes = responses->pdata[i];
      gnutls_datum_t d = { (unsigned char *) g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes) };
      gnutls_ocsp_resp_t resp = NULL;
      OcspAnswer answer = { 0 };

      if (gnutls_ocsp_resp_init (&resp) < 0 || gnutls_ocsp_resp_import (resp, &d) < 0)
        problem = g_strdup (_("an embedded OCSP response cannot be read"));
      else
        problem = ocsp_problem (resp, signer, issuer, NULL,
                                GNUTLS_VERIFY_DISABLE_TIME_CHECKS | GNUTLS_VERIFY_DISABLE_TRUSTED_TIME_CHECKS,
                                &answer);
      if (resp != NULL)
        gnutls_ocsp_resp_deinit (resp);
      if (problem != NULL)
        {
          char *wrapped = g_strdup_printf (_("its embedded OCSP answer cannot be used: %s"), problem);

          g_free (problem);
          problem = wrapped;
          break;
        }
      if (answer.status == GNUTLS_OCSP_CERT_REVOKED)
        {
          g_autoptr(GDateTime) when = crt_time (answer.revoked_at);
          g_autofree char *text = local_date_time (when);

          if ((gint64) answer.revoked_at <= g_date_time_to_unix (judged))
            {
              gnutls_x509_crt_deinit (issuer);
              return g_strdup_printf (_("revoked at %s"), text);
            }
          g_free (*notice);
          *notice = g_strdup_printf (_("The certificate ‘%s’ was revoked at %s, after the signature was made"),
                                     subject, text);
        }
      else if (speaks_of (answer.this_update, answer.next_update, judged))
        *checked = TRUE;
    }
  gnutls_x509_crt_deinit (issuer);
  return problem;
}

/* What a package signature must be besides valid (CAdES baseline):
 * detached over plain data, with signed attributes giving the content
 * type (data) and its digest, made with a strong digest. A signature
 * without signed attributes binds no time and no certificate; one that
 * carries its content is not the detached signature over the entry that
 * the package's stock-tool recipe checks. Returns a translated problem or
 * NULL. */
static char *
cms_form_problem (gnutls_pkcs7_t                        pkcs7,
                  const gnutls_pkcs7_signature_info_st *info,
                  const char                           *name)
{
  gnutls_digest_algorithm_t hash = gnutls_sign_get_hash_algorithm (info->algo);
  gnutls_datum_t value = { NULL, 0 };
  const char *oid = gnutls_pkcs7_get_embedded_data_oid (pkcs7);
  gboolean is_data;
  int rc;

  if (!digest_is_strong (hash))
    return g_strdup_printf (_("%s is made with the digest %s, which is too weak to rely on "
                              "(SHA-256 or stronger is required)"), name,
                            hash != GNUTLS_DIG_UNKNOWN ? gnutls_digest_get_name (hash) : "?");
  if (oid == NULL || !g_str_equal (oid, OID_DATA))
    return g_strdup_printf (_("%s signs content of the type %s, not a document"), name, oid != NULL ? oid : "?");
  rc = gnutls_pkcs7_get_embedded_data (pkcs7, 0, &value);
  gnutls_free (value.data);
  value.data = NULL;
  if (rc >= 0)
    return g_strdup_printf (_("%s carries the content it signs inside itself; a package’s signatures "
                              "are detached"), name);
  if (!find_attr (info->signed_attrs, OID_CONTENT_TYPE, 0, &value))
    return g_strdup_printf (_("%s has no signed content-type attribute (CAdES requires signed "
                              "content-type and message-digest attributes)"), name);
  /* the DER of OBJECT IDENTIFIER id-data */
  is_data = value.size == 11 && memcmp (value.data, "\x06\x09\x2a\x86\x48\x86\xf7\x0d\x01\x07\x01", 11) == 0;
  gnutls_free (value.data);
  value.data = NULL;
  if (!is_data)
    return g_strdup_printf (_("%s signs content of another type than its content-type attribute names"), name);
  if (!find_attr (info->signed_attrs, OID_MESSAGE_DIGEST, 0, &value))
    return g_strdup_printf (_("%s has no signed message-digest attribute (CAdES requires signed "
                              "content-type and message-digest attributes)"), name);
  gnutls_free (value.data);
  return NULL;
}

/* Verification ---------------------------------------------------------------------- */

void
scs_cms_verification_free (ScsCmsVerification *v)
{
  if (v == NULL)
    return;
  g_free (v->subject);
  g_free (v->issuer);
  g_free (v->serial);
  g_free (v->fingerprint);
  g_free (v->common_name);
  g_free (v->organization);
  g_free (v->registration);
  g_free (v->key_usage);
  g_clear_pointer (&v->not_before, g_date_time_unref);
  g_clear_pointer (&v->not_after, g_date_time_unref);
  g_clear_pointer (&v->signing_time, g_date_time_unref);
  g_clear_pointer (&v->timestamp_time, g_date_time_unref);
  g_free (v->tsa_subject);
  g_free (v->problem);
  g_free (v->notice);
  g_free (v);
}

gboolean
scs_cms_verification_is_good (const ScsCmsVerification *v)
{
  g_return_val_if_fail (v != NULL, FALSE);
  return v->problem == NULL && v->intact && v->certificate_ok && (v->trusted || !v->anchored);
}

static void
fill_signer_facts (ScsCmsVerification *v,
                   gnutls_x509_crt_t   crt)
{
  gnutls_datum_t d;
  guint8 serial[64];
  size_t size = sizeof serial;

  v->subject = crt_subject (crt);
  if (gnutls_x509_crt_get_issuer_dn3 (crt, &d, 0) >= 0)
    v->issuer = datum_steal_string (&d);
  if (gnutls_x509_crt_get_serial (crt, serial, &size) >= 0)
    {
      GString *hex = g_string_new (NULL);

      for (size_t i = 0; i < size; i++)
        g_string_append_printf (hex, "%02x", serial[i]);
      v->serial = g_string_free (hex, FALSE);
    }
  if (gnutls_x509_crt_export2 (crt, GNUTLS_X509_FMT_DER, &d) >= 0)
    {
      g_autoptr(GBytes) der = g_bytes_new (d.data, d.size);

      gnutls_free (d.data);
      v->fingerprint = scs_sha256_hex_bytes (der);
    }
  v->common_name = crt_dn_field (crt, GNUTLS_OID_X520_COMMON_NAME);
  v->organization = crt_dn_field (crt, GNUTLS_OID_X520_ORGANIZATION_NAME);
  v->registration = crt_dn_field (crt, "2.5.4.5");
  v->key_usage = scs_cms_crt_dup_key_usage (crt);
  v->not_before = crt_time (gnutls_x509_crt_get_activation_time (crt));
  v->not_after = crt_time (gnutls_x509_crt_get_expiration_time (crt));
}

static GPtrArray *
pkcs7_crls (gnutls_pkcs7_t pkcs7)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  int count = gnutls_pkcs7_get_crl_count (pkcs7);

  for (int i = 0; i < count && i < MAX_CERTIFICATES; i++)
    {
      gnutls_datum_t raw = { NULL, 0 };

      if (gnutls_pkcs7_get_crl_raw2 (pkcs7, i, &raw) < 0)
        continue;
      g_ptr_array_add (out, g_bytes_new (raw.data, raw.size));
      gnutls_free (raw.data);
    }
  return out;
}

ScsCmsVerification *
scs_cms_verify_detached (GBytes           *cms,
                         GBytes           *content,
                         ScsTrustAnchors  *anchors,
                         GDateTime        *now,
                         const char       *name)
{
  ScsCmsVerification *v = g_new0 (ScsCmsVerification, 1);
  g_autoptr(GDateTime) now_owned = NULL;
  g_autoptr(GPtrArray) crls = NULL;
  gnutls_pkcs7_t pkcs7 = NULL;
  gnutls_pkcs7_signature_info_st info, second;
  gnutls_datum_t der, data, value = { NULL, 0 }, revocation = { NULL, 0 };
  GPtrArray *certificates = NULL;
  gnutls_x509_crt_t signer;
  Der message_digest;
  gboolean have_info = FALSE;
  GDateTime *judged;
  const char *what;
  int rc;

  g_return_val_if_fail (cms != NULL && content != NULL, NULL);

  if (name == NULL)
    name = _("the signature");
  if (now == NULL)
    now = now_owned = g_date_time_new_now_utc ();
  v->anchored = anchors != NULL && scs_trust_anchors_get_n_certificates (anchors) > 0;
  memset (&info, 0, sizeof info);
  der.data = (unsigned char *) g_bytes_get_data (cms, NULL);
  der.size = g_bytes_get_size (cms);
  data.data = (unsigned char *) g_bytes_get_data (content, NULL);
  data.size = g_bytes_get_size (content);

  if (!pkcs7_import_signer (cms, &pkcs7, &info))
    {
      v->problem = g_strdup_printf (_("%s is not a CMS signature that can be read"), name);
      goto out;
    }
  have_info = TRUE;
  memset (&second, 0, sizeof second);
  if (gnutls_pkcs7_get_signature_info (pkcs7, 1, &second) >= 0)
    {
      gnutls_pkcs7_signature_info_deinit (&second);
      v->problem = g_strdup_printf (_("%s holds more than one signature"), name);
      goto out;
    }

  certificates = pkcs7_certificates (pkcs7);
  signer = find_signer (certificates, &info);
  if (signer == NULL)
    {
      v->problem = g_strdup_printf (_("%s does not carry the certificate of its signer"), name);
      goto out;
    }
  fill_signer_facts (v, signer);
  if (info.signing_time != (time_t) -1)
    v->signing_time = g_date_time_new_from_unix_utc (info.signing_time);

  v->digest_matches = TRUE;
  v->problem = cms_form_problem (pkcs7, &info, name);
  if (v->problem != NULL)
    goto out;

  /* The content's digest against the signed one: the only "content changed". */
  if (cms_message_digest (cms, &message_digest))
    {
      gnutls_digest_algorithm_t hash = gnutls_sign_get_hash_algorithm (info.algo);
      guint8 digest[64];

      if (hash == GNUTLS_DIG_UNKNOWN || gnutls_hash_get_len (hash) > sizeof digest ||
          gnutls_hash_fast (hash, data.data, data.size, digest) < 0)
        {
          v->problem = g_strdup_printf (_("%s uses a digest algorithm that is not supported"), name);
          goto out;
        }
      v->digest_matches = message_digest.length == gnutls_hash_get_len (hash) &&
                          memcmp (message_digest.value, digest, message_digest.length) == 0;
      if (!v->digest_matches)
        {
          v->problem = g_strdup_printf (_("The content does not match %s: its digest differs from "
                                          "the one that was signed"), name);
          goto out;
        }
    }

  v->problem = crt_usage_problem (signer);
  if (v->problem != NULL)
    goto out;

  rc = verify_signer_info (der.data, der.size, signer, &info, data.data, data.size);
  if (rc < 0)
    {
      v->problem = g_strdup_printf (_("The signature value of %s does not verify with the certificate "
                                      "‘%s’ (%s)"), name, v->subject, gnutls_strerror (rc));
      goto out;
    }
  v->intact = TRUE;

  if (find_attr (info.unsigned_attrs, OID_TIMESTAMP_TOKEN, 0, &value))
    {
      g_autofree char *problem = timestamp_problem (value.data, value.size, &info.sig,
                                                    v->anchored ? anchors : NULL, NULL,
                                                    &v->timestamp_time, &v->tsa_subject);

      if (problem != NULL)
        {
          v->problem = g_strdup_printf (_("The time stamp of %s is not valid: %s"), name, problem);
          goto out;
        }
      v->timestamped = TRUE;
      /* The signer's clock may run a little ahead of the TSA's; beyond
       * that, a signingTime after genTime is a false claim. */
      if (v->signing_time != NULL &&
          g_date_time_difference (v->signing_time, v->timestamp_time) > SIGNING_TIME_TOLERANCE)
        {
          g_autofree char *claimed = local_date_time (v->signing_time);
          g_autofree char *stamped = local_date_time (v->timestamp_time);

          v->problem = g_strdup_printf (_("%s claims the signing time %s, later than its time stamp "
                                          "(%s): the signing time is false"), name, claimed, stamped);
          goto out;
        }
    }

  /* The certificate is judged when the signature was made. */
  if (v->timestamp_time != NULL)
    {
      judged = v->timestamp_time;
      what = _("the stamped time");
    }
  else if (v->signing_time != NULL)
    {
      judged = v->signing_time;
      what = _("the signing time");
    }
  else
    {
      judged = now;
      what = _("the time of this check");
    }
  v->problem = crt_period_problem (signer, judged, what);
  if (v->problem != NULL)
    goto out;
  if (!v->timestamped && v->not_after != NULL && g_date_time_compare (now, v->not_after) > 0)
    {
      g_autofree char *made = local_date (judged);
      g_autofree char *expired = local_date (v->not_after);

      v->problem = g_strdup_printf (_("The signature was made on %s while the certificate ‘%s’ was valid; "
                                      "it expired on %s and the signature has no time stamp"),
                                    made, v->subject, expired);
      goto out;
    }
  v->certificate_ok = TRUE;

  crls = pkcs7_crls (pkcs7);
  if (v->anchored)
    {
      v->problem = chain_problem (signer, (gnutls_x509_crt_t *) certificates->pdata, certificates->len,
                                  crls, anchors, judged, what, &v->revocation_checked);
      if (v->problem != NULL)
        goto out;
      v->trusted = TRUE;
    }
  else
    v->notice = g_strdup (_("Signature intact, signer not verified: no trusted CA certificate was given"));

  if (find_attr (info.unsigned_attrs, OID_REVOCATION_VALUES, 0, &revocation))
    {
      gboolean ocsp_checked = FALSE;
      g_autofree char *problem = embedded_ocsp_problem (&revocation, signer, certificates,
                                                        v->anchored ? anchors : NULL, judged,
                                                        &ocsp_checked, &v->notice);

      if (problem != NULL)
        {
          v->problem = g_strdup_printf (_("The certificate ‘%s’ that made %s cannot be accepted: %s"),
                                        v->subject, name, problem);
          v->trusted = FALSE;
          goto out;
        }
      if (v->anchored && ocsp_checked)
        v->revocation_checked = TRUE;
    }

  v->level = v->timestamped ? (v->revocation_checked ? SCS_CMS_LEVEL_B_LT : SCS_CMS_LEVEL_B_T)
                            : SCS_CMS_LEVEL_B_B;

out:
  gnutls_free (value.data);
  gnutls_free (revocation.data);
  if (certificates != NULL)
    crt_array_free (certificates);
  if (have_info)
    gnutls_pkcs7_signature_info_deinit (&info);
  pkcs7_free (pkcs7);
  return v;
}

/* The unsigned attribute @oid of the first signer of @cms, or FALSE
 * (not a CMS, no such attribute); @value is gnutls_free ()'d by the
 * caller. */
static gboolean
dup_unsigned_attr (GBytes         *cms,
                   const char     *oid,
                   gnutls_datum_t *value)
{
  gnutls_pkcs7_t pkcs7 = NULL;
  gnutls_pkcs7_signature_info_st info;
  gboolean found;

  if (!pkcs7_import_signer (cms, &pkcs7, &info))
    {
      pkcs7_free (pkcs7);
      return FALSE;
    }
  found = find_attr (info.unsigned_attrs, oid, 0, value);
  gnutls_pkcs7_signature_info_deinit (&info);
  pkcs7_free (pkcs7);
  return found;
}

GBytes *
scs_cms_dup_timestamp_token (GBytes *cms)
{
  gnutls_datum_t value = { NULL, 0 };
  GBytes *token;

  g_return_val_if_fail (cms != NULL, NULL);

  if (!dup_unsigned_attr (cms, OID_TIMESTAMP_TOKEN, &value))
    return NULL;
  token = g_bytes_new (value.data, value.size);
  gnutls_free (value.data);
  return token;
}

/* Requesting a time stamp ------------------------------------------------------------ */

/* libsoup is opened (GModule) when the first time stamp or OCSP answer is
 * requested, not linked into the programs: it and what it loads in turn
 * (Kerberos, nghttp2, libpsl) cost every start of the workbench and of
 * scs-cli their dynamic linking, for what only signing with a time-stamp
 * authority needs. Only the functions below are used; its header gives
 * their types, and the build the name to open: the soname of pkg-config's
 * libsoup-3.0 as the dynamic linker loads it (build-aux/soname.c, run by
 * app/core/meson.build). */
static struct
{
  SoupSession  *(*session_new_with_options)            (const char *first_property_name, ...);
  SoupMessage  *(*message_new_from_uri)                (const char *method, GUri *uri);
  void          (*message_set_request_body_from_bytes) (SoupMessage *msg, const char *content_type,
                                                        GBytes *bytes);
  GInputStream *(*session_send)                        (SoupSession *session, SoupMessage *msg,
                                                        GCancellable *cancellable, GError **error);
  guint         (*message_get_status)                  (SoupMessage *msg);
} soup;

/* Opens libsoup once; %FALSE with @error (@code) set when it cannot be
 * (not installed, or an incompatible version). */
static gboolean
load_soup (ScsCmsError   code,
           GError      **error)
{
  static gsize once;
  static char *failure;

  if (g_once_init_enter (&once))
    {
      GModule *module = g_module_open (SOUP_SONAME, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);

      if (module == NULL ||
          !g_module_symbol (module, "soup_session_new_with_options", (gpointer *) &soup.session_new_with_options) ||
          !g_module_symbol (module, "soup_message_new_from_uri", (gpointer *) &soup.message_new_from_uri) ||
          !g_module_symbol (module, "soup_message_set_request_body_from_bytes",
                            (gpointer *) &soup.message_set_request_body_from_bytes) ||
          !g_module_symbol (module, "soup_session_send", (gpointer *) &soup.session_send) ||
          !g_module_symbol (module, "soup_message_get_status", (gpointer *) &soup.message_get_status))
        failure = g_strdup (g_module_error ());
      else
        g_module_make_resident (module);
      g_once_init_leave (&once, 1);
    }

  if (failure != NULL)
    {
      g_set_error (error, SCS_CMS_ERROR, code,
                   _("Time stamps and OCSP answers cannot be requested: the libsoup library (%s) does not load: %s"),
                   SOUP_SONAME, failure);
      return FALSE;
    }
  return TRUE;
}

/* POSTs @body to the time-stamp authority (@ocsp FALSE) or the OCSP
 * responder at @url: the answer, bounded (30 s, 1 MiB). */
static GBytes *
http_post (const char    *url,
           GBytes        *body,
           gboolean       ocsp,
           GCancellable  *cancellable,
           GError       **error)
{
  ScsCmsError code = ocsp ? SCS_CMS_ERROR_OCSP : SCS_CMS_ERROR_TSA;

  g_autoptr(GUri) uri = g_uri_parse (url, SOUP_HTTP_URI_FLAGS, NULL);
  g_autoptr(SoupSession) session = NULL;
  g_autoptr(SoupMessage) message = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GByteArray) reply = NULL;
  g_autoptr(GError) local_error = NULL;
  guint status;

  if (uri == NULL || (g_strcmp0 (g_uri_get_scheme (uri), "http") != 0 &&
                      g_strcmp0 (g_uri_get_scheme (uri), "https") != 0))
    {
      g_set_error (error, SCS_CMS_ERROR, code,
                   ocsp ? _("The OCSP responder address ‘%s’ is not an http:// or https:// address")
                        : _("The time-stamp authority address ‘%s’ is not an http:// or https:// address"), url);
      return NULL;
    }
  if (!load_soup (code, error))
    return NULL;
  session = soup.session_new_with_options ("timeout", TSA_TIMEOUT_SECONDS,
                                           "idle-timeout", TSA_TIMEOUT_SECONDS, NULL);
  /* Not SOUP_METHOD_POST: it reads a variable of the library's. */
  message = soup.message_new_from_uri ("POST", uri);
  soup.message_set_request_body_from_bytes (message, ocsp ? "application/ocsp-request"
                                                          : "application/timestamp-query", body);
  stream = soup.session_send (session, message, cancellable, &local_error);
  if (stream == NULL)
    {
      g_set_error (error, SCS_CMS_ERROR, code,
                   ocsp ? _("Cannot reach the OCSP responder ‘%s’: %s")
                        : _("Cannot reach the time-stamp authority ‘%s’: %s"), url, local_error->message);
      return NULL;
    }
  status = soup.message_get_status (message);
  if (status != SOUP_STATUS_OK)
    {
      g_set_error (error, SCS_CMS_ERROR, code,
                   ocsp ? _("The OCSP responder ‘%s’ answered HTTP %u")
                        : _("The time-stamp authority ‘%s’ answered HTTP %u"), url, status);
      return NULL;
    }
  reply = g_byte_array_new ();
  for (;;)
    {
      guint8 chunk[16384];
      gssize n = g_input_stream_read (stream, chunk, sizeof chunk, cancellable, &local_error);

      if (n < 0)
        {
          g_set_error (error, SCS_CMS_ERROR, code,
                       ocsp ? _("Cannot read the answer of the OCSP responder ‘%s’: %s")
                            : _("Cannot read the answer of the time-stamp authority ‘%s’: %s"),
                       url, local_error->message);
          return NULL;
        }
      if (n == 0)
        break;
      if (reply->len + n > MAX_TSA_REPLY)
        {
          g_set_error (error, SCS_CMS_ERROR, code,
                       ocsp ? _("The OCSP responder ‘%s’ answered with more than 1 MiB")
                            : _("The time-stamp authority ‘%s’ answered with more than 1 MiB"), url);
          return NULL;
        }
      g_byte_array_append (reply, chunk, n);
    }
  g_input_stream_close (stream, NULL, NULL);
  return g_byte_array_free_to_bytes (g_steal_pointer (&reply));
}

/* TimeStampReq { v1, messageImprint { sha256, @hash }, nonce, certReq TRUE } */
static GBytes *
timestamp_request (const guint8 *hash,
                   const guint8 *nonce)
{
  static const guint8 head[] = {
    0x30, 0x43, 0x02, 0x01, 0x01,
    0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01,
    0x05, 0x00, 0x04, 0x20,
  };
  static const guint8 cert_req[] = { 0x01, 0x01, 0xff };
  GByteArray *out = g_byte_array_sized_new (0x45);

  g_byte_array_append (out, head, sizeof head);
  g_byte_array_append (out, hash, 32);
  g_byte_array_append (out, (const guint8 *) "\x02\x08", 2);
  g_byte_array_append (out, nonce, 8);
  g_byte_array_append (out, cert_req, sizeof cert_req);
  return g_byte_array_free_to_bytes (out);
}

/* @cms with @attribute (a whole Attribute, DER) added to the unsigned
 * attributes of its only SignerInfo, or NULL when @cms is not shaped so. */
static GBytes *
add_unsigned_attribute (GBytes       *cms,
                        const guint8 *attribute,
                        gsize         attribute_size)
{
  Der path[6], child, last;
  g_autoptr(GByteArray) value = NULL;
  g_autoptr(GByteArray) replaced = NULL;
  g_autoptr(GByteArray) result = NULL;

  if (!cms_signer_info_path (g_bytes_get_data (cms, NULL), g_bytes_get_size (cms), path))
    return NULL;
  if (!der_child (&path[4], &last, TRUE))
    return NULL;
  child = last;
  while (der_child (&path[4], &child, FALSE))
    last = child;

  value = g_byte_array_new ();
  if (last.tag == 0xa1)
    {
      g_byte_array_append (value, last.value, last.length);
      g_byte_array_append (value, attribute, attribute_size);
      replaced = der_wrap (0xa1, value->data, value->len);
      path[5] = last;
      result = der_replace (path, 6, replaced->data, replaced->len);
    }
  else
    {
      g_autoptr(GByteArray) attrs = der_wrap (0xa1, attribute, attribute_size);

      g_byte_array_append (value, path[4].value, path[4].length);
      g_byte_array_append (value, attrs->data, attrs->len);
      replaced = der_wrap (0x30, value->data, value->len);
      result = der_replace (path, 5, replaced->data, replaced->len);
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&result));
}

GBytes *
scs_cms_add_timestamp (GBytes        *cms,
                       const char    *tsa_url,
                       GCancellable  *cancellable,
                       GError       **error)
{
  static const guint8 token_oid[] = {
    0x06, 0x0b, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x09, 0x10, 0x02, 0x0e,
  };
  gnutls_pkcs7_t pkcs7 = NULL;
  gnutls_pkcs7_signature_info_st info;
  guint8 hash[32], nonce_bytes[10];
  Der nonce, reply_der, status_info, status, token;
  g_autoptr(GBytes) request = NULL;
  g_autoptr(GBytes) reply = NULL;
  g_autoptr(GByteArray) set = NULL;
  g_autoptr(GByteArray) attribute_value = NULL;
  g_autoptr(GByteArray) attribute = NULL;
  g_autofree char *problem = NULL;
  GBytes *result;

  g_return_val_if_fail (cms != NULL && tsa_url != NULL, NULL);

  if (!pkcs7_import_signer (cms, &pkcs7, &info))
    {
      pkcs7_free (pkcs7);
      g_set_error_literal (error, SCS_CMS_ERROR, SCS_CMS_ERROR_MALFORMED,
                           _("The signature to time-stamp is not a CMS signature that can be read"));
      return NULL;
    }
  gnutls_hash_fast (GNUTLS_DIG_SHA256, info.sig.data, info.sig.size, hash);

  /* A positive 8-byte INTEGER, minimally encoded */
  nonce_bytes[0] = 0x02;
  nonce_bytes[1] = 0x08;
  gnutls_rnd (GNUTLS_RND_NONCE, nonce_bytes + 2, 8);
  nonce_bytes[2] = (nonce_bytes[2] & 0x7f) | 0x01;
  der_read (nonce_bytes, sizeof nonce_bytes, &nonce);

  request = timestamp_request (hash, nonce_bytes + 2);
  reply = http_post (tsa_url, request, FALSE, cancellable, error);
  if (reply == NULL)
    goto failed;

  if (!der_read (g_bytes_get_data (reply, NULL), g_bytes_get_size (reply), &reply_der) ||
      reply_der.tag != 0x30 ||
      !der_child (&reply_der, &status_info, TRUE) || status_info.tag != 0x30 ||
      !der_child (&status_info, &status, TRUE) || status.tag != 0x02 || status.length != 1)
    {
      g_set_error (error, SCS_CMS_ERROR, SCS_CMS_ERROR_TSA,
                   _("The time-stamp authority ‘%s’ did not answer with an RFC 3161 time stamp"), tsa_url);
      goto failed;
    }
  if (status.value[0] > 1)
    {
      g_set_error (error, SCS_CMS_ERROR, SCS_CMS_ERROR_TSA,
                   _("The time-stamp authority ‘%s’ refused the request (status %u)"),
                   tsa_url, status.value[0]);
      goto failed;
    }
  token = status_info;
  if (!der_child (&reply_der, &token, FALSE) || token.tag != 0x30)
    {
      g_set_error (error, SCS_CMS_ERROR, SCS_CMS_ERROR_TSA,
                   _("The time-stamp authority ‘%s’ sent no time stamp token"), tsa_url);
      goto failed;
    }
  problem = timestamp_problem (token.start, token.size, &info.sig, NULL, &nonce, NULL, NULL);
  if (problem != NULL)
    {
      g_set_error (error, SCS_CMS_ERROR, SCS_CMS_ERROR_TSA,
                   _("The time stamp from ‘%s’ cannot be used: %s"), tsa_url, problem);
      goto failed;
    }

  /* Attribute { id-aa-timeStampToken, SET { token } } */
  set = der_wrap (0x31, token.start, token.size);
  attribute_value = g_byte_array_new ();
  g_byte_array_append (attribute_value, token_oid, sizeof token_oid);
  g_byte_array_append (attribute_value, set->data, set->len);
  attribute = der_wrap (0x30, attribute_value->data, attribute_value->len);
  result = add_unsigned_attribute (cms, attribute->data, attribute->len);
  if (result == NULL)
    {
      g_set_error_literal (error, SCS_CMS_ERROR, SCS_CMS_ERROR_MALFORMED,
                           _("The time stamp cannot be added to the signature"));
      goto failed;
    }
  gnutls_pkcs7_signature_info_deinit (&info);
  pkcs7_free (pkcs7);
  return result;

failed:
  gnutls_pkcs7_signature_info_deinit (&info);
  pkcs7_free (pkcs7);
  return NULL;
}

/* Asking for the revocation status --------------------------------------------------- */

/* The certificate's own OCSP address (authorityInfoAccess), or NULL. */
static char *
crt_ocsp_url (gnutls_x509_crt_t crt)
{
  for (unsigned seq = 0; seq < 16; seq++)
    {
      gnutls_datum_t data = { NULL, 0 };
      int rc = gnutls_x509_crt_get_authority_info_access (crt, seq, GNUTLS_IA_OCSP_URI, &data, NULL);

      if (rc == GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE)
        return NULL;
      if (rc < 0)
        continue;
      return datum_steal_string (&data);
    }
  return NULL;
}

GBytes *
scs_cms_embed_ocsp_response (GBytes  *cms,
                             GBytes  *response,
                             GError **error)
{
  static const guint8 values_oid[] = {
    0x06, 0x0b, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x09, 0x10, 0x02, 0x18,
  };
  gnutls_ocsp_resp_t resp = NULL;
  gnutls_datum_t d = { (unsigned char *) g_bytes_get_data (response, NULL), g_bytes_get_size (response) };
  gnutls_datum_t basic = { NULL, 0 };
  GBytes *result = NULL;

  g_return_val_if_fail (cms != NULL && response != NULL, NULL);

  if (gnutls_ocsp_resp_init (&resp) < 0 || gnutls_ocsp_resp_import (resp, &d) < 0 ||
      gnutls_ocsp_resp_get_response (resp, NULL, &basic) < 0)
    {
      g_set_error_literal (error, SCS_CMS_ERROR, SCS_CMS_ERROR_OCSP,
                           _("The revocation information is not an OCSP response"));
      goto out;
    }
  /* Attribute { id-aa-ets-revocationValues, SET { RevocationValues {
   *   ocspVals [1] { SEQUENCE { BasicOCSPResponse } } } } } */
  {
    g_autoptr(GByteArray) list = der_wrap (0x30, basic.data, basic.size);
    g_autoptr(GByteArray) tagged = der_wrap (0xa1, list->data, list->len);
    g_autoptr(GByteArray) values = der_wrap (0x30, tagged->data, tagged->len);
    g_autoptr(GByteArray) set = der_wrap (0x31, values->data, values->len);
    g_autoptr(GByteArray) attribute_value = g_byte_array_new ();
    g_autoptr(GByteArray) attribute = NULL;

    g_byte_array_append (attribute_value, values_oid, sizeof values_oid);
    g_byte_array_append (attribute_value, set->data, set->len);
    attribute = der_wrap (0x30, attribute_value->data, attribute_value->len);
    result = add_unsigned_attribute (cms, attribute->data, attribute->len);
    if (result == NULL)
      g_set_error_literal (error, SCS_CMS_ERROR, SCS_CMS_ERROR_MALFORMED,
                           _("The revocation information cannot be added to the signature"));
  }

out:
  gnutls_free (basic.data);
  if (resp != NULL)
    gnutls_ocsp_resp_deinit (resp);
  return result;
}

GBytes *
scs_cms_add_ocsp (GBytes           *cms,
                  const char       *ocsp_url,
                  ScsTrustAnchors  *anchors,
                  GCancellable     *cancellable,
                  GError          **error)
{
  gnutls_pkcs7_t pkcs7 = NULL;
  gnutls_pkcs7_signature_info_st info;
  gnutls_ocsp_req_t req = NULL;
  gnutls_ocsp_resp_t resp = NULL;
  gnutls_x509_crt_t signer, issuer = NULL;
  gnutls_datum_t request_der = { NULL, 0 }, nonce = { NULL, 0 }, basic = { NULL, 0 };
  gnutls_datum_t reply_datum;
  GPtrArray *certificates = NULL;
  g_autofree char *url = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *problem = NULL;
  g_autoptr(GBytes) request = NULL;
  g_autoptr(GBytes) reply = NULL;
  OcspAnswer answer = { 0 };
  gboolean have_info = FALSE;
  GBytes *result = NULL;

  g_return_val_if_fail (cms != NULL, NULL);

  if (!pkcs7_import_signer (cms, &pkcs7, &info))
    {
      g_set_error_literal (error, SCS_CMS_ERROR, SCS_CMS_ERROR_MALFORMED,
                           _("The signature to add revocation information to is not a CMS signature "
                             "that can be read"));
      goto out;
    }
  have_info = TRUE;
  certificates = pkcs7_certificates (pkcs7);
  signer = find_signer (certificates, &info);
  if (signer == NULL)
    {
      g_set_error_literal (error, SCS_CMS_ERROR, SCS_CMS_ERROR_MALFORMED,
                           _("The signature to add revocation information to does not carry its signer’s "
                             "certificate"));
      goto out;
    }
  subject = crt_subject (signer);
  url = ocsp_url != NULL && *ocsp_url != '\0' ? g_strdup (ocsp_url) : crt_ocsp_url (signer);
  if (url == NULL)
    {
      g_set_error (error, SCS_CMS_ERROR, SCS_CMS_ERROR_OCSP,
                   _("The certificate ‘%s’ names no OCSP responder; give its address"), subject);
      goto out;
    }
  issuer = find_issuer (signer, certificates, anchors);
  if (issuer == NULL)
    {
      g_set_error (error, SCS_CMS_ERROR, SCS_CMS_ERROR_OCSP,
                   _("Cannot ask for the revocation status of ‘%s’: the certificate of its CA is neither "
                     "in the key file nor among the trusted CAs"), subject);
      goto out;
    }

  if (gnutls_ocsp_req_init (&req) < 0 ||
      gnutls_ocsp_req_add_cert (req, GNUTLS_DIG_SHA1, issuer, signer) < 0 ||
      gnutls_ocsp_req_randomize_nonce (req) < 0 ||
      gnutls_ocsp_req_get_nonce (req, NULL, &nonce) < 0 ||
      gnutls_ocsp_req_export (req, &request_der) < 0)
    {
      g_set_error_literal (error, SCS_CMS_ERROR, SCS_CMS_ERROR_OCSP, _("Cannot build the OCSP request"));
      goto out;
    }
  request = g_bytes_new (request_der.data, request_der.size);
  reply = http_post (url, request, TRUE, cancellable, error);
  if (reply == NULL)
    goto out;

  reply_datum.data = (unsigned char *) g_bytes_get_data (reply, NULL);
  reply_datum.size = g_bytes_get_size (reply);
  if (gnutls_ocsp_resp_init (&resp) < 0 || gnutls_ocsp_resp_import (resp, &reply_datum) < 0)
    {
      g_set_error (error, SCS_CMS_ERROR, SCS_CMS_ERROR_OCSP,
                   _("The OCSP responder ‘%s’ did not answer with an OCSP response"), url);
      goto out;
    }
  problem = ocsp_problem (resp, signer, issuer, &nonce, 0, &answer);
  if (problem != NULL)
    {
      g_set_error (error, SCS_CMS_ERROR, SCS_CMS_ERROR_OCSP,
                   _("The answer of the OCSP responder ‘%s’ cannot be used: %s"), url, problem);
      goto out;
    }
  if (answer.status == GNUTLS_OCSP_CERT_REVOKED)
    {
      g_autoptr(GDateTime) when = crt_time (answer.revoked_at);
      g_autofree char *text = local_date_time (when);

      g_set_error (error, SCS_CMS_ERROR, SCS_CMS_ERROR_REVOKED,
                   _("The certificate ‘%s’ was revoked at %s (OCSP responder ‘%s’); it may not sign"),
                   subject, text, url);
      goto out;
    }
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
    gint64 t = g_date_time_to_unix (now);

    if ((gint64) answer.this_update > t + CLOCK_SKEW_SECONDS ||
        (answer.next_update != (time_t) -1 ? (gint64) answer.next_update < t - CLOCK_SKEW_SECONDS
                                           : (gint64) answer.this_update < t - OCSP_MAX_AGE_SECONDS))
      {
        g_set_error (error, SCS_CMS_ERROR, SCS_CMS_ERROR_OCSP,
                     _("The answer of the OCSP responder ‘%s’ is not current (thisUpdate or nextUpdate "
                       "is out of range)"), url);
        goto out;
      }
  }

  if (gnutls_ocsp_resp_get_response (resp, NULL, &basic) < 0)
    {
      g_set_error (error, SCS_CMS_ERROR, SCS_CMS_ERROR_OCSP,
                   _("The OCSP responder ‘%s’ did not answer with an OCSP response"), url);
      goto out;
    }
  result = scs_cms_embed_ocsp_response (cms, reply, error);

out:
  gnutls_free (basic.data);
  gnutls_free (nonce.data);
  gnutls_free (request_der.data);
  if (resp != NULL)
    gnutls_ocsp_resp_deinit (resp);
  if (req != NULL)
    gnutls_ocsp_req_deinit (req);
  if (issuer != NULL)
    gnutls_x509_crt_deinit (issuer);
  if (certificates != NULL)
    crt_array_free (certificates);
  if (have_info)
    gnutls_pkcs7_signature_info_deinit (&info);
  pkcs7_free (pkcs7);
  return result;
}

GBytes *
scs_cms_dup_ocsp_response (GBytes *cms)
{
  gnutls_datum_t value = { NULL, 0 };
  g_autoptr(GPtrArray) responses = NULL;

  g_return_val_if_fail (cms != NULL, NULL);

  if (!dup_unsigned_attr (cms, OID_REVOCATION_VALUES, &value))
    return NULL;
  responses = embedded_ocsp_responses (&value);
  gnutls_free (value.data);
  if (responses == NULL || responses->len == 0)
    return NULL;
  return g_bytes_ref (responses->pdata[0]);
}
