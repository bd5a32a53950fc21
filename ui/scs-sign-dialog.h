/* scs-sign-dialog.h: sign the assessment (expert) or declare conformity (management)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "scs-review.h"

G_BEGIN_DECLS

#define SCS_TYPE_SIGN_DIALOG (scs_sign_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ScsSignDialog, scs_sign_dialog, SCS, SIGN_DIALOG, AdwWindow)

/* Actions: sign.choose-file, sign.choose-ca (GtkFileChooserNative, which
 * answer through the next two), sign.set-key (s: the key, a PKCS#12 file's
 * path or a token's URI starting with "pkcs11:"), sign.set-ca (s: the CA
 * file's path, "" for none), sign.load (opens the key with the passphrase or PIN typed — once, never
 * retried — and shows the certificate), sign.sign (signs or declares in a
 * GTask thread). Signal ::done (no arguments) after a successful signature
 * or declaration; the dialog then closes. A refusal keeps the dialog open
 * with the core's message and writes nothing. */
ScsSignDialog *scs_sign_dialog_new             (GtkWindow     *parent,
                                                ScsReview     *review);
/* Management's declaration: name, title, today's date and, optionally, a
 * signature with the manager's certificate. */
ScsSignDialog *scs_sign_dialog_new_declaration (GtkWindow     *parent,
                                                ScsReview     *review);

G_END_DECLS
