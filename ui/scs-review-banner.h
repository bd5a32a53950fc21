/* scs-review-banner.h: the sealing banner above a signed assessment
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "scs-workspace.h"

G_BEGIN_DECLS

#define SCS_TYPE_REVIEW_BANNER (scs_review_banner_get_type ())
G_DECLARE_FINAL_TYPE (ScsReviewBanner, scs_review_banner, SCS, REVIEW_BANNER, GtkWidget)

/* "Signed and sealed" while the signature matches, a warning listing what
 * changed when it no longer does; both with "Start a New Round"
 * (review.new-round, from the "review" group the banner is given) and, when
 * the signature names a signer, "Certificate…" (banner.show-certificate).
 * The signature is checked in a thread; property "checking" is TRUE (and
 * the banner's accessible state busy) while it runs. */
GtkWidget  *scs_review_banner_new          (void);
/* Hidden unless @workspace is @sealed; then shown, and its signature
 * checked again (a result shown stays until the next one replaces it). */
void        scs_review_banner_update       (ScsReviewBanner *self,
                                            ScsWorkspace    *workspace,
                                            gboolean         sealed);

G_END_DECLS
