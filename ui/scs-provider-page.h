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
/* Reads the dossier again and runs the check. */
void        scs_provider_page_refresh       (ScsProviderPage *self);
/* For tests: the check's rows (one per finding, or one saying all is
 * consistent), the dossier items and the two registers. */
GtkListBox *scs_provider_page_get_findings  (ScsProviderPage *self);
GtkListBox *scs_provider_page_get_items     (ScsProviderPage *self);
GtkListBox *scs_provider_page_get_tools     (ScsProviderPage *self);
GtkListBox *scs_provider_page_get_stores    (ScsProviderPage *self);

G_END_DECLS
