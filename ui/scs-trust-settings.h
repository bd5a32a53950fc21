/* scs-trust-settings.h: the user's trusted CAs and time-stamp authority
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "scs-cms.h"

G_BEGIN_DECLS

/* The CA certificates of the "trusted-cas" key (unreadable entries skipped). */
ScsTrustAnchors *scs_trust_settings_dup_anchors (GSettings   *settings);
/* Adds every certificate of @path (PEM, bundle or DER); FALSE with a
 * message naming the file when there is none. */
gboolean         scs_trust_settings_add_file    (GSettings   *settings,
                                                 const char  *path,
                                                 GError     **error);
void             scs_trust_settings_remove      (GSettings   *settings,
                                                 guint        index);

G_END_DECLS
