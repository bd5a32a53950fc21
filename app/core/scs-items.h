/* scs-items.h: what the item-based workspace types share
 *
 * JC-STAR ★1, SECURITY ACTION (and further self-declaration types) are
 * lists of items answered one by one, with built-in texts kept as data.
 * They share one answer table (item_answer: workspace type, item key,
 * state word, reason, author, time), the loading of their built-in XML
 * texts and the check that a workspace is of the right type.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libxml/tree.h>
#include <sqlite3.h>

#include "scs-workspace.h"

G_BEGIN_DECLS

/* ---- built-in texts ------------------------------------------------------ */

/* The resource at @resource, checked against the schema @schema
 * (scs_attestation_validate ()) and parsed. Free with xmlFreeDoc (). */
xmlDocPtr     scs_items_load_texts     (const char    *resource,
                                        const char    *schema,
                                        GError       **error);
gboolean      scs_items_is_element     (xmlNodePtr     node,
                                        const char    *name);
/* The attribute @name of @node, NULL when absent. */
char         *scs_items_prop           (xmlNodePtr     node,
                                        const char    *name);
/* The first two <text> children of @node: Japanese, then English. */
void          scs_items_read_texts     (xmlNodePtr     node,
                                        char         **ja,
                                        char         **en);

typedef gpointer (*ScsItemsLoadFunc) (GError **error);

/* *@texts, loaded by @load on first use (thread-safe). Built-in data that
 * cannot be loaded is a broken build: it aborts with @load's message. */
gpointer      scs_items_get_texts_once (gpointer        *texts,
                                        ScsItemsLoadFunc load);

/* ---- the workspace ------------------------------------------------------- */

/* FALSE with (@domain, @code) naming the file and its real type unless
 * @workspace is of @type. */
gboolean      scs_items_check_type     (ScsWorkspace     *workspace,
                                        ScsWorkspaceType  type,
                                        GQuark            domain,
                                        int               code,
                                        GError          **error);

/* The stored state word of @item of @type ("S1.1-08#1" of "jcstar1"), NULL
 * when unanswered (check @error). */
char         *scs_items_get_answer     (ScsWorkspace  *workspace,
                                        ScsWorkspaceType type,
                                        const char    *item,
                                        char         **reason,
                                        GError       **error);
/* Item key → state word of every answered item of @type. */
GHashTable   *scs_items_list_answers   (ScsWorkspace  *workspace,
                                        ScsWorkspaceType type,
                                        GError       **error);
/* Stores @state (NULL clears the answer) and @reason (kept only when not
 * blank) of @item with its audit row (@action, @target, old and new
 * state). @now NULL: in a durable transaction of its own, and nothing is
 * written when neither changes; otherwise inside the caller's
 * transaction, always writing, @now the time recorded. The caller has
 * checked the type, the item and the state. */
gboolean      scs_items_set_answer     (ScsWorkspace  *workspace,
                                        ScsWorkspaceType type,
                                        const char    *item,
                                        const char    *state,
                                        const char    *reason,
                                        const char    *action,
                                        const char    *target,
                                        const char    *now,
                                        GError       **error);
/* Inside the caller's transaction: clears the answers of @type whose item
 * key starts with @prefix, one audit row (@action, the item, the old
 * state) for each. */
/* The same of @db (the workspace's connection, or a reader's of a file
 * not opened as a workspace, @path for messages); with @reasons, item key
 * → reason of the answers that have one. */
GHashTable   *scs_items_read_answers   (sqlite3       *db,
                                        const char    *path,
                                        ScsWorkspaceType type,
                                        GHashTable   **reasons,
                                        GError       **error);
/* For readers of a file not opened as a workspace (the portfolio): how
 * many items of @type have an answer; 0 for a file without the table. */
guint         scs_items_read_n_answered (sqlite3         *db,
                                         ScsWorkspaceType type);
gboolean      scs_items_reopen         (ScsWorkspace  *workspace,
                                        ScsWorkspaceType type,
                                        const char    *prefix,
                                        const char    *action,
                                        GError       **error);

G_END_DECLS
