/* scs-signer.h: detached CMS signatures with GnuTLS (PKCS#12 file or PKCS#11 token)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "scs-cms.h"

G_BEGIN_DECLS

#define SCS_SIGNER_ERROR (scs_signer_error_quark ())

typedef enum
{
  SCS_SIGNER_ERROR_BAD_PASSWORD,   /* wrong PKCS#12 passphrase or token PIN (never retried) */
  SCS_SIGNER_ERROR_PIN_LOCKED,     /* the token's user PIN is locked */
  SCS_SIGNER_ERROR_CANCELLED,      /* no PIN given */
  SCS_SIGNER_ERROR_KEY,            /* cannot read the key or certificate */
  SCS_SIGNER_ERROR_CERTIFICATE,    /* expired, not yet valid, not under the CA, no signing usage */
  SCS_SIGNER_ERROR_PERSONAL_DATA,  /* the certificate carries personal data: confirm first */
  SCS_SIGNER_ERROR_FAILED,
  SCS_SIGNER_ERROR_SAME_SIGNER,    /* the certificate signed the other role: confirm first */
  SCS_SIGNER_ERROR_CHANGED,        /* the workspace changed while the time stamp was fetched */
} ScsSignerError;

GQuark scs_signer_error_quark (void);

typedef enum
{
  SCS_PIN_FLAGS_NONE       = 0,
  SCS_PIN_FLAGS_COUNT_LOW  = 1 << 0,  /* CKF_USER_PIN_COUNT_LOW */
  SCS_PIN_FLAGS_FINAL_TRY  = 1 << 1,  /* CKF_USER_PIN_FINAL_TRY */
  SCS_PIN_FLAGS_LOCKED     = 1 << 2,  /* CKF_USER_PIN_LOCKED */
} ScsPinFlags;

/* Asked once for a token's PIN; return NULL to cancel. The flags say how
 * many tries are left, so the dialog can warn. */
typedef char *(*ScsSignerPinFunc) (const char  *token_label,
                                   ScsPinFlags  flags,
                                   gpointer     user_data);

#define SCS_TYPE_SIGNER (scs_signer_get_type ())
G_DECLARE_FINAL_TYPE (ScsSigner, scs_signer, SCS, SIGNER, GObject)

ScsSigner   *scs_signer_new_from_pkcs12     (const char        *path,
                                             const char        *passphrase,
                                             GError           **error);
/* @uri: a p11-kit URI of the private key ("pkcs11:token=…;object=…");
 * the certificate is the object of the same token with the same label/ID.
 * The module is $SCS_PKCS11_MODULE if set, else p11-kit's configured ones. */
ScsSigner   *scs_signer_new_from_pkcs11     (const char        *uri,
                                             ScsSignerPinFunc   pin_func,
                                             gpointer           user_data,
                                             GError           **error);
/* The tries-left flags the token reported when the PIN was asked. */
ScsPinFlags  scs_signer_get_pin_flags       (ScsSigner         *self);
char        *scs_signer_dup_subject         (ScsSigner         *self);
/* "name — organisation (registration no. N)" (scs_cms_crt_dup_person ()). */
char        *scs_signer_dup_person          (ScsSigner         *self);
/* Translated list, or NULL without the extension. */
char        *scs_signer_dup_key_usage       (ScsSigner         *self);
char        *scs_signer_dup_issuer          (ScsSigner         *self);
char        *scs_signer_dup_serial          (ScsSigner         *self);
char        *scs_signer_dup_fingerprint     (ScsSigner         *self);
/* The certificate's validity period (notBefore, notAfter) in UTC, or NULL
 * when it cannot be read. Transfer full. */
GDateTime   *scs_signer_get_activation_time (ScsSigner         *self);
GDateTime   *scs_signer_get_expiration_time (ScsSigner         *self);
/* Translated description of personal data in the certificate (address,
 * birth date: JPKI-like), or NULL when there is none. */
char        *scs_signer_dup_personal_data   (ScsSigner         *self);
/* Trusted CAs the certificate must chain to (besides a @ca_file). */
void         scs_signer_set_trust_anchors   (ScsSigner         *self,
                                             ScsTrustAnchors   *anchors);
/* An RFC 3161 time-stamp authority (http:// or https://) asked for a time
 * stamp on every signature; NULL or "" for none. */
void         scs_signer_set_tsa_url         (ScsSigner         *self,
                                             const char        *url);
/* An OCSP responder asked about the signing certificate after every
 * signature (and its time stamp), the checked answer embedded (CAdES-LT,
 * scs_cms_add_ocsp ()); "" for the certificate's own (authorityInfoAccess),
 * NULL for none. A revoked certificate is refused then. */
void         scs_signer_set_ocsp_url        (ScsSigner         *self,
                                             const char        *url);
/* A CRL (PEM or DER) embedded in every signature (CAdES-LT); refused when
 * past its nextUpdate. */
gboolean     scs_signer_add_crl_file        (ScsSigner         *self,
                                             const char        *path,
                                             GError           **error);
/* Validity period, digitalSignature/nonRepudiation key usage, not a CA,
 * and, with @ca_file (PEM or DER) or trust anchors, a chain to one of
 * their certificates. */
gboolean     scs_signer_check_certificate   (ScsSigner         *self,
                                             const char        *ca_file,
                                             GError           **error);
/* Detached CMS SignedData (DER), SHA-256, with the signer certificate and
 * its PKCS#12 chain, signing time and signing-certificate-v2 attributes,
 * the CRLs added, and a time stamp when a TSA is set. */
GBytes      *scs_signer_sign                (ScsSigner         *self,
                                             GBytes            *content,
                                             GError           **error);
/* scs_signer_sign () in two steps, so that no transaction is open while
 * the network is asked: the signature made here (no network) … */
GBytes      *scs_signer_sign_offline        (ScsSigner         *self,
                                             GBytes            *content,
                                             GError           **error);
/* … whether completing it asks the network (a TSA or OCSP responder) … */
gboolean     scs_signer_needs_network       (ScsSigner         *self);
/* … and @cms completed: the time stamp, then the OCSP answer added (a
 * new reference to @cms when there is nothing to add). */
GBytes      *scs_signer_complete            (ScsSigner         *self,
                                             GBytes            *cms,
                                             GCancellable      *cancellable,
                                             GError           **error);

/* Whether @self's certificate made the signature @cms over @content. */
gboolean     scs_signer_signed              (ScsSigner         *self,
                                             GBytes            *cms,
                                             GBytes            *content);

G_END_DECLS
