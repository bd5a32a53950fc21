/* scs-welcome-page.h: the window without a workspace: New, Open, recent
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SCS_TYPE_WELCOME_PAGE (scs_welcome_page_get_type ())
G_DECLARE_FINAL_TYPE (ScsWelcomePage, scs_welcome_page, SCS, WELCOME_PAGE, GtkWidget)

/* Property "menu-model": the main menu, attached when it first opens.
 * A recent workspace, activated, opens in the page's window. */

G_END_DECLS
