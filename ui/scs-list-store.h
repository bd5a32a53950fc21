/* scs-list-store.h: refreshing a bound list's model by splicing only what changed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void scs_list_store_update  (GListStore          *store,
                             GPtrArray           *items,
                             GEqualFunc           equal);
void scs_string_list_update (GtkStringList       *list,
                             const char * const  *strings,
                             guint                n_strings);

G_END_DECLS
