/* scs-certificate-dialog.h: a signer's certificate, in full, one click from its name
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "scs-cms.h"

G_BEGIN_DECLS

#define SCS_TYPE_CERTIFICATE_DIALOG (scs_certificate_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ScsCertificateDialog, scs_certificate_dialog, SCS, CERTIFICATE_DIALOG, AdwWindow)

/* The facts of @verification (copied): the signer as a person, subject,
 * issuer, serial, validity, key usage, SHA-256 fingerprint, signing time,
 * time stamp, CAdES level and whether the signer is verified. */
ScsCertificateDialog *scs_certificate_dialog_new       (GtkWindow                *parent,
                                                        const ScsCmsVerification *verification);
G_END_DECLS
