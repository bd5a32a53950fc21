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

/* The key the user would choose with the file chooser (a path, or a URI
 * starting with "pkcs11:"), and the CA file; for tests, which cannot
 * answer a native file chooser. The rest is typed into the template's
 * widgets. */
void           scs_sign_dialog_set_key         (ScsSignDialog *self,
                                                const char    *reference);
void           scs_sign_dialog_set_ca_file     (ScsSignDialog *self,
                                                const char    *path);

G_END_DECLS
