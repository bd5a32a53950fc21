/* scs-profile-page.h: the "who am I" page of the preferences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "scs-profile.h"

G_BEGIN_DECLS

#define SCS_TYPE_PROFILE_PAGE (scs_profile_page_get_type ())
G_DECLARE_FINAL_TYPE (ScsProfilePage, scs_profile_page, SCS, PROFILE_PAGE, AdwPreferencesPage)

/* Edits @profile (the default profile file when NULL). Action
 * profile.save validates and writes it; signal ::saved after a save. The
 * registration number is checked as it is typed. */
GtkWidget  *scs_profile_page_new             (ScsProfile     *profile);

G_END_DECLS
