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

/* Actions: sign.choose-file, sign.choose-ca (GtkFileChooserNative),
 * sign.load (opens the key with the passphrase or PIN typed — once, never
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

/* What the user would type or choose; for tests and for the profile's
 * certificate reference (a path, or a URI starting with "pkcs11:"). */
void           scs_sign_dialog_set_key         (ScsSignDialog *self,
                                                const char    *reference);
void           scs_sign_dialog_set_secret      (ScsSignDialog *self,
                                                const char    *secret);
void           scs_sign_dialog_set_ca_file     (ScsSignDialog *self,
                                                const char    *path);
void           scs_sign_dialog_set_declarant   (ScsSignDialog *self,
                                                const char    *name,
                                                const char    *title,
                                                gboolean       with_signature);
void           scs_sign_dialog_set_confirmed   (ScsSignDialog *self,
                                                gboolean       confirmed);

gboolean       scs_sign_dialog_get_busy        (ScsSignDialog *self);
gboolean       scs_sign_dialog_get_can_sign    (ScsSignDialog *self);
/* The error shown (NULL when none), the certificate facts and the warnings. */
const char    *scs_sign_dialog_get_error       (ScsSignDialog *self);
const char    *scs_sign_dialog_get_certificate_text (ScsSignDialog *self);
const char    *scs_sign_dialog_get_warning     (ScsSignDialog *self);
/* The signer's qualification, training and upkeep as shown. */
const char    *scs_sign_dialog_get_qualification_text (ScsSignDialog *self);

G_END_DECLS
