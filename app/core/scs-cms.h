/* scs-cms.h: verifying detached CMS signatures, trust anchors, RFC 3161 time stamps
 *
 * The crypto under the sign-off workflow: who signed (read from the
 * certificate, never from a row), whether that certificate may sign,
 * whether it chains to a trusted CA, when it signed (signing-time
 * attribute, RFC 3161 time stamp) and which CAdES level the signature
 * reaches. No workspace here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <gnutls/x509.h>

G_BEGIN_DECLS

#define SCS_CMS_ERROR (scs_cms_error_quark ())

typedef enum
{
  SCS_CMS_ERROR_ANCHORS,    /* a CA file that cannot be read or holds no certificate */
  SCS_CMS_ERROR_MALFORMED,  /* not a CMS SignedData, time stamp or CRL we can read */
  SCS_CMS_ERROR_TSA,        /* the time-stamp authority failed or answered wrongly */
  SCS_CMS_ERROR_CERTIFICATE,/* a certificate that may not sign */
  SCS_CMS_ERROR_OCSP,       /* the OCSP responder failed or answered wrongly */
  SCS_CMS_ERROR_REVOKED,    /* the signer's certificate is revoked */
} ScsCmsError;

GQuark scs_cms_error_quark (void);

/* Trust anchors: CA certificates from PEM files (bundles) or DER files. */
#define SCS_TYPE_TRUST_ANCHORS (scs_trust_anchors_get_type ())
G_DECLARE_FINAL_TYPE (ScsTrustAnchors, scs_trust_anchors, SCS, TRUST_ANCHORS, GObject)

ScsTrustAnchors *scs_trust_anchors_new               (void);
/* Adds every certificate of @path (PEM, one or many, or DER). */
gboolean         scs_trust_anchors_add_file          (ScsTrustAnchors  *self,
                                                      const char       *path,
                                                      GError          **error);
/* Same for bytes; @name names them in errors. */
gboolean         scs_trust_anchors_add_data          (ScsTrustAnchors  *self,
                                                      GBytes           *data,
                                                      const char       *name,
                                                      GError          **error);
guint            scs_trust_anchors_get_n_certificates (ScsTrustAnchors *self);
char            *scs_trust_anchors_dup_subject       (ScsTrustAnchors  *self,
                                                      guint             index);
GDateTime       *scs_trust_anchors_get_expiration    (ScsTrustAnchors  *self,
                                                      guint             index);
/* One certificate as PEM text. */
char            *scs_trust_anchors_dup_pem           (ScsTrustAnchors  *self,
                                                      guint             index);
/* All certificates as one PEM bundle (for scs_verify_package_*). */
GBytes          *scs_trust_anchors_to_pem            (ScsTrustAnchors  *self);

typedef enum
{
  SCS_CMS_LEVEL_NONE,  /* not a valid signature */
  SCS_CMS_LEVEL_B_B,   /* CAdES B-B: signature, certificate, signed attributes */
  SCS_CMS_LEVEL_B_T,   /* + a valid RFC 3161 time stamp over the signature */
  SCS_CMS_LEVEL_B_LT,  /* + revocation information for the signer's certificate */
} ScsCmsLevel;

/* "B-B", "B-T", "B-LT" or "none" (JSON) */
const char *scs_cms_level_to_string (ScsCmsLevel level);
/* Translated, for people. */
const char *scs_cms_level_describe  (ScsCmsLevel level);

typedef struct
{
  gboolean     intact;          /* the signature value verifies over the content */
  gboolean     digest_matches;  /* FALSE only when the content's digest really differs */
  gboolean     certificate_ok;  /* may sign; valid when it signed */
  gboolean     anchored;        /* trust anchors were given */
  gboolean     trusted;         /* signer (and TSA) chain to the anchors */
  gboolean     timestamped;     /* a valid time stamp token */
  gboolean     revocation_checked; /* an embedded CRL or OCSP response of the issuer speaks
                                   * of the signing time and the signer is not revoked */
  ScsCmsLevel  level;
  /* From the signer's certificate, found by the SignerInfo's issuer and serial. */
  char        *subject;         /* RFC 4514 */
  char        *issuer;
  char        *serial;          /* hex */
  char        *fingerprint;     /* SHA-256 of the certificate, hex */
  char        *common_name;
  char        *organization;
  char        *registration;    /* the subject's serialNumber attribute */
  char        *key_usage;       /* translated list, or NULL without the extension */
  GDateTime   *not_before;
  GDateTime   *not_after;
  GDateTime   *signing_time;    /* the signed attribute, or NULL */
  GDateTime   *timestamp_time;  /* the time stamp's genTime, or NULL */
  char        *tsa_subject;
  char        *problem;         /* translated; NULL when the signature holds */
  char        *notice;          /* translated remark, e.g. signer not verified */
} ScsCmsVerification;

void scs_cms_verification_free (ScsCmsVerification *verification);
/* The signer as a person: "name — organisation (registration no. N)", from
 * the certificate's CN, O and serialNumber; the subject when it has no CN. */
char *scs_cms_verification_dup_person (const ScsCmsVerification *verification);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScsCmsVerification, scs_cms_verification_free)

/* Verifies the detached CMS @cms over @content. @anchors may be NULL or
 * empty (then nothing is trusted and the notice says so); @now NULL is the
 * current time. Never NULL: problem says what is wrong. */
ScsCmsVerification *scs_cms_verify_detached (GBytes           *cms,
                                             GBytes           *content,
                                             ScsTrustAnchors  *anchors,
                                             GDateTime        *now,
                                             const char       *name);
/* Good: intact, the certificate may sign, and trusted when anchored. */
gboolean            scs_cms_verification_is_good (const ScsCmsVerification *verification);

/* The rules for a signing certificate: key usage (when present) allows
 * digitalSignature or nonRepudiation, not a CA, valid at @at. The message
 * names the certificate. */
gboolean scs_cms_check_signing_certificate (gnutls_x509_crt_t   crt,
                                            GDateTime          *at,
                                            GError            **error);
/* The same from a certificate (scs_cms_verification_dup_person ()). */
char    *scs_cms_crt_dup_person            (gnutls_x509_crt_t   crt);
/* The same from an RFC 4514 DN (a stored signer subject or issuer); the DN
 * itself when it has no CN or does not parse. */
char    *scs_cms_dn_dup_person             (const char         *dn);
/* The key usage as a translated list ("digital signature, non-repudiation"),
 * or NULL when the certificate has no key usage extension. */
char    *scs_cms_crt_dup_key_usage         (gnutls_x509_crt_t   crt);
/* Chains @crt (with @extra certificates) to @anchors, judged at @at. */
gboolean scs_cms_check_chain               (gnutls_x509_crt_t   crt,
                                            gnutls_x509_crt_t  *extra,
                                            guint               n_extra,
                                            ScsTrustAnchors    *anchors,
                                            GDateTime          *at,
                                            GError            **error);

/* Asks the RFC 3161 time-stamp authority at @tsa_url (HTTP) for a token
 * over the signature value of @cms and returns @cms with the token as the
 * unsigned attribute id-aa-timeStampToken. Bounded: 30 s, 1 MiB. */
GBytes  *scs_cms_add_timestamp (GBytes        *cms,
                                const char    *tsa_url,
                                GCancellable  *cancellable,
                                GError       **error);

/* The DER of the time stamp token embedded in @cms, or NULL. */
GBytes  *scs_cms_dup_timestamp_token (GBytes *cms);

/* Asks the OCSP responder at @ocsp_url (NULL or "": the signer
 * certificate's authorityInfoAccess OCSP address) about the signer of @cms,
 * its CA's certificate found in @cms or @anchors, with a nonce; checks the
 * answer (signed by the CA or a responder it delegated, the nonce, about
 * this certificate, current) and returns @cms with it embedded as the
 * unsigned attribute id-aa-ets-revocationValues (CAdES-LT). A revoked
 * certificate: SCS_CMS_ERROR_REVOKED, "revoked at T". Bounded: 30 s, 1 MiB. */
GBytes  *scs_cms_add_ocsp            (GBytes           *cms,
                                      const char       *ocsp_url,
                                      ScsTrustAnchors  *anchors,
                                      GCancellable     *cancellable,
                                      GError          **error);
/* @cms with the OCSPResponse @response (DER) embedded, unchecked: what
 * scs_cms_add_ocsp () does after its checks (verification checks it). */
GBytes  *scs_cms_embed_ocsp_response (GBytes           *cms,
                                      GBytes           *response,
                                      GError          **error);
/* The first OCSP response embedded in @cms, as a whole OCSPResponse (DER,
 * for `openssl ocsp -respin`), or NULL. */
GBytes  *scs_cms_dup_ocsp_response   (GBytes *cms);

G_END_DECLS
