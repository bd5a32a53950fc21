/* scs-review-entry.h: one line of the review page's lists, and its row
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* One line of the review page's lists (what waits, the redline, a comment
 * thread), as shown: properties "title" and "subtitle" (Pango markup: an
 * old value struck through, a new one underlined; bound by the row's
 * template), a link to what it is about, Accept and Reject of a proposal.
 * The other views' lists are of ScsListLine. Set up before it goes into a
 * list; not changed after. */
#define SCS_TYPE_REVIEW_ENTRY (scs_review_entry_get_type ())
G_DECLARE_FINAL_TYPE (ScsReviewEntry, scs_review_entry, SCS, REVIEW_ENTRY, GObject)

ScsReviewEntry *scs_review_entry_new          (const char     *title_markup,
                                               const char     *subtitle_markup);
/* The same for plain text (user text, an error message: never markup). */
ScsReviewEntry *scs_review_entry_new_text     (const char     *title,
                                               const char     *subtitle);
/* A proposal: Accept and Reject (review.accept (x), review.reject ((xs)))
 * when @decidable. */
void            scs_review_entry_set_proposal (ScsReviewEntry *self,
                                               gint64          proposal_id,
                                               gboolean        decidable);
/* A "go to" button at the end of the row (@activates: activating the row
 * presses it), an icon at its start, a widget name for the row. */
void            scs_review_entry_set_link     (ScsReviewEntry *self,
                                               const char     *tooltip,
                                               const char     *action_name,
                                               GVariant       *target,
                                               gboolean        activates);
void            scs_review_entry_set_icon     (ScsReviewEntry *self,
                                               const char     *icon_name);
void            scs_review_entry_set_name     (ScsReviewEntry *self,
                                               const char     *name);

void            scs_review_entries_update     (GListStore     *store,
                                               GPtrArray      *entries);

/* The row of @item (an ScsReviewEntry): a GtkListBoxCreateWidgetFunc. */
GtkWidget      *scs_review_row_create         (gpointer        item,
                                               gpointer        user_data);

G_END_DECLS
