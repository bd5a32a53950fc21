/* scs-provider-page.h: the service-provider dossier page — the check
 * result, the dossier items with their status, the ★4 link, the ISMS and
 * the registers (provisional scheme)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "scs-workspace.h"

G_BEGIN_DECLS

#define SCS_TYPE_PROVIDER_PAGE (scs_provider_page_get_type ())
G_DECLARE_FINAL_TYPE (ScsProviderPage, scs_provider_page, SCS, PROVIDER_PAGE, GtkWidget)

GtkWidget  *scs_provider_page_new           (void);
void        scs_provider_page_set_workspace (ScsProviderPage *self,
                                             ScsWorkspace    *workspace);

G_END_DECLS
