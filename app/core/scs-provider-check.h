/* scs-provider-check.h: every inconsistency of a provider dossier
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "scs-provider.h"

G_BEGIN_DECLS

typedef struct
{
  char *code;      /* "department-outside-star4", "star4-expired", … */
  char *message;   /* translated, names what and where */
} ScsProviderFinding;

void        scs_provider_finding_free     (ScsProviderFinding *finding);

/* Every inconsistency of the dossier on @today (NULL: today), warning
 * @warn_days before the ★4, the ISMS or the certification lapses (0: the
 * ★4's warning period from the validity data). Of ScsProviderFinding*,
 * empty when consistent. */
GPtrArray  *scs_provider_check            (ScsWorkspace  *workspace,
                                           const GDate   *today,
                                           guint          warn_days,
                                           GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScsProviderFinding, scs_provider_finding_free)

G_END_DECLS
