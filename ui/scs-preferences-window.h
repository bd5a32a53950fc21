/* scs-preferences-window.h: language and "who am I"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SCS_TYPE_PREFERENCES_WINDOW (scs_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (ScsPreferencesWindow, scs_preferences_window, SCS, PREFERENCES_WINDOW, AdwPreferencesWindow)

/* Bound to GSettings jp.scsworkbench.Workbench: "language" (system / 日本語 /
 * English; takes effect at the next start, which the page says) and
 * "actor-name" (your name, recorded with every change). */
ScsPreferencesWindow *scs_preferences_window_new    (GtkWindow             *parent);
/* The trusted CAs (GSettings "trusted-cas", scs-trust-settings.h) are
 * listed with their expiry and follow the setting; "Add…" trusts every CA
 * certificate of a file (PEM, bundle or DER). What the sign dialog adds to
 * a signature: a time stamp ("tsa-url") and the certificate's revocation
 * status ("attach-revocation", a switch, from "ocsp-url", or when empty
 * from the responder the certificate names). */
G_END_DECLS
