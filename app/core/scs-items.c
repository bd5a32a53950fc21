/* scs-items.c: what the item-based workspace types share
 *
 * One answer table serves every item-based type: a row per answered item,
 * keyed by the workspace type's word and the type's own item key (JC-STAR
 * "S1.1-08#1", SECURITY ACTION "7"), with the state word the type defines,
 * an optional reason, the author and the time. Each change is one durable
 * transaction with its audit row, as for the SCS criteria. The table
 * replaced the first per-type tables (jc_answer, sa_answer): their modules'
 * second steps copy their rows here, which is why this module is listed
 * before them in schema_modules[].
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "scs-items.h"

#include <glib/gi18n-lib.h>

#include "scs-attestation.h"
#include "scs-db.h"
#include "scs-text.h"
#include "scs-workspace-private.h"
#include "scs-xml.h"

static const char item_answer_v1[] =
  "CREATE TABLE item_answer (\n"
  "  type    TEXT NOT NULL,\n"
  "  item    TEXT NOT NULL CHECK (item <> ''),\n"
  "  state   TEXT NOT NULL CHECK (state <> ''),\n"
  "  reason  TEXT,\n"
  "  author  TEXT NOT NULL,\n"
  "  updated TEXT NOT NULL,\n"
  "  PRIMARY KEY (type, item)\n"
  ") STRICT;\n";

static const char * const item_answer_steps[] = { item_answer_v1 };

const ScsSchemaModule scs_item_answer_schema = {
  "item_answer", item_answer_steps, G_N_ELEMENTS (item_answer_steps),
};

/* ---- built-in texts ------------------------------------------------------ */

xmlDocPtr
scs_items_load_texts (const char  *resource,
                      const char  *schema,
                      GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;

  bytes = g_resources_lookup_data (resource, 0, error);
  if (bytes == NULL || !scs_attestation_validate (bytes, schema, error))
    return NULL;
  return scs_xml_parse (bytes, G_MAXINT, error);
}

gboolean
scs_items_is_element (xmlNodePtr  node,
                      const char *name)
{
  return node->type == XML_ELEMENT_NODE && g_str_equal ((const char *) node->name, name);
}

char *
scs_items_prop (xmlNodePtr  node,
                const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) name);
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);
  return copy;
}

void
scs_items_read_texts (xmlNodePtr   node,
                      char       **ja,
                      char       **en)
{
  *ja = *en = NULL;
  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    if (scs_items_is_element (child, "text"))
      {
        xmlChar *content = xmlNodeGetContent (child);

        if (*ja == NULL)
          *ja = g_strdup ((const char *) content);
        else if (*en == NULL)
          *en = g_strdup ((const char *) content);
        xmlFree (content);
      }
}

gpointer
scs_items_get_texts_once (gpointer         *texts,
                          ScsItemsLoadFunc  load)
{
  if (g_once_init_enter (texts))
    {
      g_autoptr(GError) error = NULL;
      gpointer loaded = load (&error);

      if (loaded == NULL)
        g_error ("%s", error->message);
      g_once_init_leave (texts, loaded);
    }
  return *texts;
}

/* ---- the workspace ------------------------------------------------------- */

gboolean
scs_items_check_type (ScsWorkspace      *workspace,
                      ScsWorkspaceType   type,
                      GQuark             domain,
                      int                code,
                      GError           **error)
{
  ScsWorkspaceType actual = scs_workspace_get_workspace_type (workspace);

  if (actual == type)
    return TRUE;
  /* Translators: "‘camera.scsw’ is for SCS assessment (★3/★4), not for
   * JC-STAR ★1 product self-declaration" */
  g_set_error (error, domain, code, _("‘%s’ is for %s, not for %s"),
               scs_workspace_get_path (workspace), scs_workspace_type_get_label (actual),
               scs_workspace_type_get_label (type));
  return FALSE;
}

char *
scs_items_get_answer (ScsWorkspace      *workspace,
                      ScsWorkspaceType   type,
                      const char        *item,
                      char             **reason,
                      GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  char *state = NULL;

  g_return_val_if_fail (SCS_IS_WORKSPACE (workspace), NULL);

  if (reason != NULL)
    *reason = NULL;
  stmt = scs_db_prepare (workspace->db, workspace->path,
                         "SELECT state, reason FROM item_answer WHERE type = ?1 AND item = ?2", error);
  if (stmt == NULL)
    return NULL;
  scs_db_bind_text (stmt, 1, scs_workspace_type_to_string (type));
  scs_db_bind_text (stmt, 2, item);
  switch (sqlite3_step (stmt))
    {
    case SQLITE_ROW:
      state = scs_db_column_dup (stmt, 0);
      if (reason != NULL)
        *reason = scs_db_column_dup (stmt, 1);
      break;
    case SQLITE_DONE:
      break;
    default:
      scs_db_set_error (error, workspace->db, workspace->path);
    }
  return state;
}

GHashTable *
scs_items_list_answers (ScsWorkspace      *workspace,
                        ScsWorkspaceType   type,
                        GError           **error)
{
  g_return_val_if_fail (SCS_IS_WORKSPACE (workspace), NULL);

  return scs_items_read_answers (workspace->db, workspace->path, type, NULL, error);
}

GHashTable *
scs_items_read_answers (sqlite3           *db,
                        const char        *path,
                        ScsWorkspaceType   type,
                        GHashTable       **reasons,
                        GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) answers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) reason_of = NULL;
  int rc;

  if (reasons != NULL)
    {
      *reasons = NULL;
      reason_of = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
    }
  stmt = scs_db_prepare (db, path, "SELECT item, state, reason FROM item_answer WHERE type = ?1", error);
  if (stmt == NULL)
    return NULL;
  scs_db_bind_text (stmt, 1, scs_workspace_type_to_string (type));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_hash_table_insert (answers, scs_db_column_dup (stmt, 0), scs_db_column_dup (stmt, 1));
      if (reason_of != NULL && sqlite3_column_type (stmt, 2) != SQLITE_NULL)
        g_hash_table_insert (reason_of, scs_db_column_dup (stmt, 0), scs_db_column_dup (stmt, 2));
    }
  if (rc != SQLITE_DONE)
    {
      scs_db_set_error (error, db, path);
      return NULL;
    }
  if (reasons != NULL)
    *reasons = g_steal_pointer (&reason_of);
  return g_steal_pointer (&answers);
}

/* Inside the caller's transaction: writes @state and @reason of @item
 * and the audit row, @old the state it replaces. */
static gboolean
write_answer (ScsWorkspace      *workspace,
              ScsWorkspaceType   type,
              const char        *item,
              const char        *state,
              const char        *reason,
              const char        *action,
              const char        *target,
              const char        *now,
              const char        *old,
              GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (state == NULL)
    stmt = scs_db_prepare (workspace->db, workspace->path,
                           "DELETE FROM item_answer WHERE type = ?1 AND item = ?2", error);
  else
    stmt = scs_db_prepare (workspace->db, workspace->path,
                           "INSERT INTO item_answer (type, item, state, reason, author, updated) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (type, item) DO UPDATE SET "
                           "state = excluded.state, reason = excluded.reason, author = excluded.author, "
                           "updated = excluded.updated", error);
  if (stmt == NULL)
    return FALSE;
  scs_db_bind_text (stmt, 1, scs_workspace_type_to_string (type));
  scs_db_bind_text (stmt, 2, item);
  if (state != NULL)
    {
      scs_db_bind_text (stmt, 3, state);
      scs_db_bind_text (stmt, 4, reason);
      scs_db_bind_text (stmt, 5, scs_workspace_get_actor (workspace));
      scs_db_bind_text (stmt, 6, now);
    }
  return scs_db_step_done (stmt, workspace->db, workspace->path, error) &&
         scs_workspace_audit (workspace, now, action, target, old, state, error);
}

gboolean
scs_items_set_answer (ScsWorkspace      *workspace,
                      ScsWorkspaceType   type,
                      const char        *item,
                      const char        *state,
                      const char        *reason,
                      const char        *action,
                      const char        *target,
                      const char        *now,
                      GError           **error)
{
  g_auto(ScsDbTransaction) txn = SCS_DB_TRANSACTION_INIT;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *own_now = NULL;
  g_autofree char *old = NULL;
  g_autofree char *old_reason = NULL;

  g_return_val_if_fail (SCS_IS_WORKSPACE (workspace), FALSE);
  g_return_val_if_fail (item != NULL && action != NULL && target != NULL, FALSE);

  if (scs_text_is_blank (reason))
    reason = NULL;
  old = scs_items_get_answer (workspace, type, item, &old_reason, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (now != NULL)
    return write_answer (workspace, type, item, state, reason, action, target, now, old, error);

  if (g_strcmp0 (old, state) == 0 && (state == NULL || g_strcmp0 (old_reason, reason) == 0))
    return TRUE;
  own_now = scs_now_iso8601 ();
  if (!scs_workspace_transaction_begin (workspace, &txn, error))
    return FALSE;
  if (!write_answer (workspace, type, item, state, reason, action, target, own_now, old, error) ||
      !scs_db_transaction_commit (&txn, error))
    return FALSE;
  return TRUE;
}

gboolean
scs_items_reopen (ScsWorkspace      *workspace,
                  ScsWorkspaceType   type,
                  const char        *prefix,
                  const char        *action,
                  GError           **error)
{
  g_autoptr(sqlite3_stmt) select = NULL;
  g_autoptr(sqlite3_stmt) delete = NULL;
  g_autofree char *now = scs_now_iso8601 ();
  int rc;

  select = scs_db_prepare (workspace->db, workspace->path,
                           "SELECT item, state FROM item_answer WHERE type = ?1 AND substr (item, 1, length (?2)) = ?2 "
                           "ORDER BY item", error);
  if (select == NULL)
    return FALSE;
  scs_db_bind_text (select, 1, scs_workspace_type_to_string (type));
  scs_db_bind_text (select, 2, prefix);
  while ((rc = sqlite3_step (select)) == SQLITE_ROW)
    if (!scs_workspace_audit (workspace, now, action, (const char *) sqlite3_column_text (select, 0),
                              (const char *) sqlite3_column_text (select, 1), NULL, error))
      return FALSE;
  if (rc != SQLITE_DONE)
    {
      scs_db_set_error (error, workspace->db, workspace->path);
      return FALSE;
    }
  g_clear_pointer (&select, sqlite3_finalize);

  delete = scs_db_prepare (workspace->db, workspace->path,
                           "DELETE FROM item_answer WHERE type = ?1 AND substr (item, 1, length (?2)) = ?2", error);
  if (delete == NULL)
    return FALSE;
  scs_db_bind_text (delete, 1, scs_workspace_type_to_string (type));
  scs_db_bind_text (delete, 2, prefix);
  return scs_db_step_done (delete, workspace->db, workspace->path, error);
}

guint
scs_items_read_n_answered (sqlite3          *db,
                           ScsWorkspaceType  type)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!scs_db_has_table (db, "item_answer"))
    return 0;
  stmt = scs_db_try_prepare (db, "SELECT count(*) FROM item_answer WHERE type = ?1");
  if (stmt == NULL)
    return 0;
  scs_db_bind_text (stmt, 1, scs_workspace_type_to_string (type));
  return sqlite3_step (stmt) == SQLITE_ROW ? (guint) sqlite3_column_int (stmt, 0) : 0;
}
