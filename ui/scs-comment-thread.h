/* scs-comment-thread.h: a review thread: comments, proposals, a new comment
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SCS_TYPE_COMMENT_THREAD (scs_comment_thread_get_type ())
G_DECLARE_FINAL_TYPE (ScsCommentThread, scs_comment_thread, SCS, COMMENT_THREAD, GtkWidget)

/* The entries, a row each, and an entry to write a new comment (without
 * entries, not even a "no comments yet", the list is hidden and the entry
 * insensitive): "post" (s: the text) when the user adds
 * it; scs_comment_thread_clear() empties the entry once it is saved.
 * Properties "placeholder-text" (the entry's, also its accessible name)
 * and "button-label" (with a mnemonic). Focusing the thread focuses the
 * entry. */
/* Replaces the entries with @entries (of ScsListLine, may be empty). */
void        scs_comment_thread_set_entries (ScsCommentThread *self,
                                            GPtrArray        *entries);
void        scs_comment_thread_clear       (ScsCommentThread *self);

G_END_DECLS
