/* scs-review-page.h: the expert review pane of a workspace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "scs-profile.h"
#include "scs-review.h"
#include "scs-workspace.h"

G_BEGIN_DECLS

#define SCS_TYPE_REVIEW_PAGE (scs_review_page_get_type ())
G_DECLARE_FINAL_TYPE (ScsReviewPage, scs_review_page, SCS, REVIEW_PAGE, GtkWidget)

/* The page's actions live in the action group "review" (insert it higher up
 * with scs_review_page_get_action_group() so criterion rows and the banner
 * reach it too); each handler makes one ScsReview call:
 *   review.show-criterion (s)           focus one criterion's thread
 *   review.comment ((ss))               criterion ID ("" whole assessment), text
 *   review.verdict ((ss))               criterion ID, "accepted" | "revision-required"
 *   review.propose ((ssss))             criterion ID, "state" | "note" | "reason", new value, comment
 *   review.accept (x)                   proposal ID
 *   review.reject ((xs))                proposal ID, comment
 *   review.hand-over                    end this side's turn
 *   review.new-round                    unseal: a new round and a new signature
 *   review.sign                         the sign dialog (expert)
 *   review.declare                      the management declaration dialog
 * Property "sealed" follows scs_review_is_sealed(). A failure is shown as a
 * toast through "win.toast". The criterion shown is in the entry
 * "criterion_entry". */
void           scs_review_page_set_workspace    (ScsReviewPage *self,
                                                 ScsWorkspace  *workspace);
/* The profile is the user's (scs_profile_load_default); this reads it
 * again after Preferences saved it. */
void           scs_review_page_reload_profile   (ScsReviewPage *self);
ScsReview     *scs_review_page_get_review       (ScsReviewPage *self);
GActionGroup  *scs_review_page_get_action_group (ScsReviewPage *self);
/* A banner for above the content: "sealed" or "the signature no longer
 * matches" with what changed and "Start a New Round". Owned by the page. */
GtkWidget     *scs_review_page_get_banner       (ScsReviewPage *self);
gboolean       scs_review_page_get_sealed       (ScsReviewPage *self);
/* Rebuilds from the model (after a change made elsewhere). */
void           scs_review_page_refresh          (ScsReviewPage *self);
/* TRUE when something changed since this side's last turn or waits for it. */
gboolean       scs_review_page_has_news         (ScsReviewPage *self);
void           scs_review_page_show_criterion   (ScsReviewPage *self,
                                                 const char    *criterion_id);

G_END_DECLS
