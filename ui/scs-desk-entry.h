/* scs-desk-entry.h: one criterion of the review desk, as its row shows it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* One criterion the review desk lists, bound by scs-desk-row.ui: read-only
 * properties "criterion-id", "title" ("1-2-1-1 · Met · Accepted") and
 * "subtitle" (the criterion's text), plain text, set when it is made. */
#define SCS_TYPE_DESK_ENTRY (scs_desk_entry_get_type ())
G_DECLARE_FINAL_TYPE (ScsDeskEntry, scs_desk_entry, SCS, DESK_ENTRY, GObject)

ScsDeskEntry *scs_desk_entry_new              (const char    *criterion_id,
                                               const char    *title,
                                               const char    *subtitle);
const char   *scs_desk_entry_get_criterion_id (ScsDeskEntry  *self);
/* Whether @a and @b (ScsDeskEntry) show the same: a GEqualFunc for
 * scs_list_store_update (). */
gboolean      scs_desk_entry_equal            (gconstpointer  a,
                                               gconstpointer  b);

G_END_DECLS
