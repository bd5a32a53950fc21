/* scs-provider-private.h: what scs-provider-check.c shares with scs-provider.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "scs-provider.h"
#include "scs-renewal.h"

G_BEGIN_DECLS

/* FALSE with an error unless @workspace is a provider dossier. */
gboolean     scs_provider_check_type    (ScsWorkspace  *workspace,
                                         GError       **error);
/* The built-in validity data (part of the program: aborts if it does not load). */
ScsValidity *scs_provider_load_validity (void);

G_END_DECLS
