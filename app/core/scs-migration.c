/* scs-migration.c: moving a workspace's answers to another catalog version
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A workspace records the catalog it is answered against (embedded, keyed by
 * SHA-256). Moving it to another version — built-in ↔ official, or a newer
 * official workbook — is an explicit, two-step operation so that no answer
 * is lost or silently moved: scs_migration_new() compares the catalogs by
 * criterion ID and lists what would happen to each answer (carried over,
 * flagged because the criterion was re-worded or moved between ★3 and ★4,
 * or orphaned because the criterion is gone), changing nothing; only
 * scs_migration_apply(), after the user has seen that report, writes. It
 * works in one transaction: the new catalog is embedded, the assessment
 * points at it, every flagged answer gets a row in this module's
 * reconfirm table, and the audit log receives one entry for the switch and
 * one per orphaned or flagged answer with its old content, so even an
 * answer the new catalog cannot show stays on record (its row also stays in
 * the answer table). A signed or sealed assessment is never changed: the
 * migration then starts a new assessment round (a new assessment row with
 * the answers and evidence links copied by ID), leaving the signed one
 * exactly as it was signed.
 */

#include "config.h"

#include "scs-migration.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "scs-catalog-import.h"
#include "scs-db.h"
#include "scs-signature.h"
#include "scs-workspace-private.h"

G_DEFINE_QUARK (scs-migration-error-quark, scs_migration_error)

static const char * const migration_steps[] = {
  "CREATE TABLE catalog_reconfirm (\n"
  "  assessment   INTEGER NOT NULL REFERENCES assessment (id),\n"
  "  criterion_id TEXT NOT NULL,\n"
  "  reason       TEXT NOT NULL CHECK (reason IN ('reworded', 'level', 'reworded+level')),\n"
  "  old_catalog  TEXT NOT NULL REFERENCES catalog (sha256),\n"
  "  flagged      TEXT NOT NULL,\n"
  "  PRIMARY KEY (assessment, criterion_id)\n"
  ") STRICT;\n",
  /* Re-answering is confirming: any write of the answer's state, note or
   * reason clears its flag, in the same transaction. */
  "CREATE TRIGGER catalog_reconfirm_answered AFTER UPDATE OF state, note, reason ON answer\n"
  "BEGIN\n"
  "  DELETE FROM catalog_reconfirm\n"
  "  WHERE assessment = NEW.assessment AND criterion_id = NEW.criterion_id;\n"
  "END;\n",
};

const ScsSchemaModule scs_migration_schema = {
  "catalog-migration",
  migration_steps,
  G_N_ELEMENTS (migration_steps),
};

struct _ScsMigration
{
  GObject         parent_instance;

  ScsWorkspace   *workspace;
  ScsCatalog     *catalog;
  ScsCatalogDiff *diff;
  GPtrArray      *removed;   /* of ScsMigratedAnswer* */
  GPtrArray      *flagged;   /* of ScsMigratedAnswer* */
  GPtrArray      *carried;   /* of char* criterion IDs with a stored answer row */
  gint64          assessment_id;
  gboolean        signed_;
  gboolean        new_round;
};

G_DEFINE_FINAL_TYPE (ScsMigration, scs_migration, G_TYPE_OBJECT)

void
scs_migrated_answer_free (ScsMigratedAnswer *answer)
{
  if (answer == NULL)
    return;
  g_free (answer->criterion_id);
  g_free (answer->state);
  g_free (answer->note);
  g_free (answer->reason);
  g_free (answer);
}

static void
scs_migration_finalize (GObject *object)
{
  ScsMigration *self = (ScsMigration *) object;

  g_clear_object (&self->workspace);
  g_clear_object (&self->catalog);
  g_clear_object (&self->diff);
  g_clear_pointer (&self->removed, g_ptr_array_unref);
  g_clear_pointer (&self->flagged, g_ptr_array_unref);
  g_clear_pointer (&self->carried, g_ptr_array_unref);

  G_OBJECT_CLASS (scs_migration_parent_class)->finalize (object);
}

static void
scs_migration_class_init (ScsMigrationClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = scs_migration_finalize;
}

static void
scs_migration_init (ScsMigration *self)
{
  self->removed = g_ptr_array_new_with_free_func ((GDestroyNotify) scs_migrated_answer_free);
  self->flagged = g_ptr_array_new_with_free_func ((GDestroyNotify) scs_migrated_answer_free);
  self->carried = g_ptr_array_new_with_free_func (g_free);
}

static gboolean
is_signed (ScsWorkspace *workspace)
{
  g_autoptr(ScsSignatureInfo) expert = NULL;
  g_autoptr(ScsSignatureInfo) management = NULL;

  if (scs_workspace_is_sealed (workspace))
    return TRUE;
  expert = scs_signature_dup_info (workspace, SCS_SIGNATURE_ROLE_EXPERT);
  management = scs_signature_dup_info (workspace, SCS_SIGNATURE_ROLE_MANAGEMENT);
  return expert != NULL || management != NULL;
}

static const char *
flags_reason (ScsCatalogChangeFlags flags)
{
  gboolean reworded = (flags & SCS_CATALOG_CHANGE_REWORDED) != 0;
  gboolean level = (flags & SCS_CATALOG_CHANGE_LEVEL) != 0;

  return reworded && level ? "reworded+level" : reworded ? "reworded" : "level";
}

/**
 * scs_migration_new:
 * @workspace: an open workspace
 * @catalog: the catalog to move to
 * @error: %SCS_MIGRATION_ERROR_SAME_CATALOG when the workspace already uses it
 *
 * Reads every stored answer of the current assessment (including answers
 * to criteria the current catalog no longer shows) and sorts them by what
 * the move would do to them. Changes nothing.
 *
 * Returns: (transfer full) (nullable): the plan
 */
ScsMigration *
scs_migration_new (ScsWorkspace  *workspace,
                   ScsCatalog    *catalog,
                   GError       **error)
{
  g_autoptr(ScsMigration) self = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  ScsCatalog *current;
  int rc;

  g_return_val_if_fail (SCS_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (SCS_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  current = scs_workspace_get_catalog (workspace);
  if (g_str_equal (scs_catalog_get_sha256 (current), scs_catalog_get_sha256 (catalog)))
    {
      g_set_error (error, SCS_MIGRATION_ERROR, SCS_MIGRATION_ERROR_SAME_CATALOG,
                   _("The workspace is already answered against the catalog ‘%s’ (%s)"),
                   scs_catalog_get_id (catalog), scs_catalog_get_date (catalog));
      return NULL;
    }

  self = g_object_new (SCS_TYPE_MIGRATION, NULL);
  self->workspace = g_object_ref (workspace);
  self->catalog = g_object_ref (catalog);
  self->diff = scs_catalog_diff_new (current, catalog);
  self->assessment_id = workspace->assessment_id;
  self->signed_ = is_signed (workspace);
  self->new_round = self->signed_;

  stmt = scs_db_prepare (workspace->db, workspace->path,
                         "SELECT a.criterion_id, a.state, a.note, a.reason, "
                         "  (SELECT count (*) FROM evidence_link l "
                         "   WHERE l.assessment = a.assessment AND l.criterion_id = a.criterion_id) "
                         "FROM answer a WHERE a.assessment = ?1 ORDER BY a.criterion_id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, self->assessment_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *id = (const char *) sqlite3_column_text (stmt, 0);
      const ScsCatalogChange *change = scs_catalog_diff_lookup (self->diff, id);
      gboolean known_new = scs_catalog_lookup_criterion (catalog, id) != NULL;
      ScsMigratedAnswer *answer;
      const char *state = (const char *) sqlite3_column_text (stmt, 1);
      const char *note = (const char *) sqlite3_column_text (stmt, 2);
      const char *reason = (const char *) sqlite3_column_text (stmt, 3);
      guint n_evidence = (guint) sqlite3_column_int (stmt, 4);
      gboolean has_content = g_strcmp0 (state, "unanswered") != 0 || (note != NULL && *note != '\0') ||
                             (reason != NULL && *reason != '\0') || n_evidence > 0;

      if (known_new && (change == NULL || !has_content ||
                        !(change->flags & (SCS_CATALOG_CHANGE_REWORDED | SCS_CATALOG_CHANGE_LEVEL))))
        {
          g_ptr_array_add (self->carried, g_strdup (id));
          continue;
        }
      if (!has_content)
        continue;

      answer = g_new0 (ScsMigratedAnswer, 1);
      answer->criterion_id = g_strdup (id);
      answer->state = g_strdup (state);
      answer->note = g_strdup (note);
      answer->reason = g_strdup (reason);
      answer->n_evidence = n_evidence;

      if (!known_new)
        {
          answer->flags = SCS_CATALOG_CHANGE_REMOVED;
          g_ptr_array_add (self->removed, answer);
        }
      else
        {
          answer->flags = change->flags & (SCS_CATALOG_CHANGE_REWORDED | SCS_CATALOG_CHANGE_LEVEL);
          g_ptr_array_add (self->flagged, answer);
          g_ptr_array_add (self->carried, g_strdup (id));
        }
    }
  if (rc != SQLITE_DONE)
    {
      scs_db_set_error (error, workspace->db, workspace->path);
      return NULL;
    }

  return g_steal_pointer (&self);
}

ScsCatalogDiff *
scs_migration_get_diff (ScsMigration *self)
{
  g_return_val_if_fail (SCS_IS_MIGRATION (self), NULL);
  return self->diff;
}

const GPtrArray *
scs_migration_get_removed (ScsMigration *self)
{
  g_return_val_if_fail (SCS_IS_MIGRATION (self), NULL);
  return self->removed;
}

const GPtrArray *
scs_migration_get_flagged (ScsMigration *self)
{
  g_return_val_if_fail (SCS_IS_MIGRATION (self), NULL);
  return self->flagged;
}

guint
scs_migration_get_n_carried (ScsMigration *self)
{
  g_return_val_if_fail (SCS_IS_MIGRATION (self), 0);
  return self->carried->len - self->flagged->len;
}

gboolean
scs_migration_get_new_round (ScsMigration *self)
{
  g_return_val_if_fail (SCS_IS_MIGRATION (self), FALSE);
  return self->new_round;
}

/* A signed assessment always gets a new round; this can only add one. */
void
scs_migration_set_new_round (ScsMigration *self,
                             gboolean      new_round)
{
  g_return_if_fail (SCS_IS_MIGRATION (self));
  self->new_round = new_round || self->signed_;
}

static char *
describe_answer (const ScsMigratedAnswer *answer)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_string_append_printf (text, "state=%s", answer->state);
  if (answer->note != NULL && *answer->note != '\0')
    g_string_append_printf (text, "; note=%s", answer->note);
  if (answer->reason != NULL && *answer->reason != '\0')
    g_string_append_printf (text, "; reason=%s", answer->reason);
  if (answer->n_evidence > 0)
    g_string_append_printf (text, "; evidence=%u", answer->n_evidence);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
apply_in_transaction (ScsMigration  *self,
                      const char    *now,
                      GError       **error)
{
  ScsWorkspace *ws = self->workspace;
  ScsCatalog *old = scs_workspace_get_catalog (ws);
  GBytes *xml = scs_catalog_get_bytes (self->catalog);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *target = NULL;
  g_autofree char *old_value = NULL;
  g_autofree char *new_value = NULL;
  gint64 assessment = self->assessment_id;

  stmt = scs_db_prepare (ws->db, ws->path,
                         "INSERT OR IGNORE INTO catalog (sha256, id, date, xml) VALUES (?1, ?2, ?3, ?4)", error);
  if (stmt == NULL)
    return FALSE;
  scs_db_bind_text (stmt, 1, scs_catalog_get_sha256 (self->catalog));
  scs_db_bind_text (stmt, 2, scs_catalog_get_id (self->catalog));
  scs_db_bind_text (stmt, 3, scs_catalog_get_date (self->catalog));
  sqlite3_bind_blob (stmt, 4, g_bytes_get_data (xml, NULL), (int) g_bytes_get_size (xml), SQLITE_TRANSIENT);
  if (!scs_db_step_done (stmt, ws->db, ws->path, error))
    return FALSE;
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (self->new_round)
    {
      /* The signed assessment stays as signed; the new round starts from
       * its answers and evidence links, carried by ID. */
      stmt = scs_db_prepare (ws->db, ws->path,
                             "INSERT INTO assessment (catalog_sha256, target_level, cycle, created, updated) "
                             "SELECT ?1, target_level, cycle, ?2, ?2 FROM assessment WHERE id = ?3", error);
      if (stmt == NULL)
        return FALSE;
      scs_db_bind_text (stmt, 1, scs_catalog_get_sha256 (self->catalog));
      scs_db_bind_text (stmt, 2, now);
      sqlite3_bind_int64 (stmt, 3, self->assessment_id);
      if (!scs_db_step_done (stmt, ws->db, ws->path, error))
        return FALSE;
      g_clear_pointer (&stmt, sqlite3_finalize);
      assessment = sqlite3_last_insert_rowid (ws->db);

      for (guint i = 0; i < self->carried->len; i++)
        {
          const char *id = g_ptr_array_index (self->carried, i);

          if (!scs_db_exec_bound (ws->db, ws->path,
                                  "INSERT INTO answer (assessment, criterion_id, state, note, reason, author, updated, version) "
                                  "SELECT ?1, criterion_id, state, note, reason, author, updated, version FROM answer "
                                  "WHERE assessment = ?2 AND criterion_id = ?3",
                                  assessment, self->assessment_id, id, error) ||
              !scs_db_exec_bound (ws->db, ws->path,
                                  "INSERT INTO evidence_link (sha256, assessment, criterion_id, added, author) "
                                  "SELECT sha256, ?1, criterion_id, added, author FROM evidence_link "
                                  "WHERE assessment = ?2 AND criterion_id = ?3",
                                  assessment, self->assessment_id, id, error))
            return FALSE;
        }
    }
  else
    {
      stmt = scs_db_prepare (ws->db, ws->path,
                             "UPDATE assessment SET catalog_sha256 = ?1, updated = ?2 WHERE id = ?3", error);
      if (stmt == NULL)
        return FALSE;
      scs_db_bind_text (stmt, 1, scs_catalog_get_sha256 (self->catalog));
      scs_db_bind_text (stmt, 2, now);
      sqlite3_bind_int64 (stmt, 3, assessment);
      if (!scs_db_step_done (stmt, ws->db, ws->path, error))
        return FALSE;
      g_clear_pointer (&stmt, sqlite3_finalize);
    }

  target = g_strdup_printf ("assessment %" G_GINT64_FORMAT, assessment);
  old_value = g_strdup_printf ("%s %s sha256=%s", scs_catalog_get_id (old), scs_catalog_get_date (old),
                               scs_catalog_get_sha256 (old));
  new_value = g_strdup_printf ("%s %s sha256=%s%s", scs_catalog_get_id (self->catalog),
                               scs_catalog_get_date (self->catalog), scs_catalog_get_sha256 (self->catalog),
                               self->new_round ? " (new round)" : "");
  if (!scs_workspace_audit (ws, now, "catalog-migrate", target, old_value, new_value, error))
    return FALSE;

  for (guint i = 0; i < self->removed->len; i++)
    {
      const ScsMigratedAnswer *answer = g_ptr_array_index (self->removed, i);
      g_autofree char *content = describe_answer (answer);

      if (!scs_workspace_audit (ws, now, "catalog-migrate-removed", answer->criterion_id, content,
                                NULL, error))
        return FALSE;
    }

  stmt = scs_db_prepare (ws->db, ws->path,
                         "INSERT OR REPLACE INTO catalog_reconfirm (assessment, criterion_id, reason, old_catalog, flagged) "
                         "VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < self->flagged->len; i++)
    {
      const ScsMigratedAnswer *answer = g_ptr_array_index (self->flagged, i);
      const ScsCatalogChange *change = scs_catalog_diff_lookup (self->diff, answer->criterion_id);
      g_autofree char *content = describe_answer (answer);
      g_autofree char *why = NULL;

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, assessment);
      scs_db_bind_text (stmt, 2, answer->criterion_id);
      scs_db_bind_text (stmt, 3, flags_reason (answer->flags));
      scs_db_bind_text (stmt, 4, scs_catalog_get_sha256 (old));
      scs_db_bind_text (stmt, 5, now);
      if (!scs_db_step_done (stmt, ws->db, ws->path, error))
        return FALSE;

      why = g_strdup_printf ("%s; ★%u→★%u; %s", flags_reason (answer->flags),
                             change->old_level, change->new_level, content);
      if (!scs_workspace_audit (ws, now, "catalog-migrate-reconfirm", answer->criterion_id, change->old_text,
                                why, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * scs_migration_apply:
 *
 * Applies the plan the user has seen. Refuses with
 * %SCS_MIGRATION_ERROR_STALE when the workspace has moved on since.
 */
gboolean
scs_migration_apply (ScsMigration  *self,
                     GError       **error)
{
  g_auto(ScsDbTransaction) txn = SCS_DB_TRANSACTION_INIT;
  ScsWorkspace *ws;
  g_autofree char *now = NULL;

  g_return_val_if_fail (SCS_IS_MIGRATION (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  ws = self->workspace;
  if (ws->assessment_id != self->assessment_id ||
      scs_workspace_get_catalog (ws) != scs_catalog_diff_get_old (self->diff))
    {
      g_set_error (error, SCS_MIGRATION_ERROR, SCS_MIGRATION_ERROR_STALE,
                   _("The workspace changed since the change report was made; make it again"));
      return FALSE;
    }

  now = scs_now_iso8601 ();
  if (!scs_workspace_transaction_begin (ws, &txn, error))
    return FALSE;
  if (!apply_in_transaction (self, now, error))
    return FALSE;
  if (!scs_db_transaction_commit (&txn, error))
    return FALSE;

  return scs_workspace_reload (ws, error);
}

/* ---------------------------------------------------------------------
 * Re-confirmation flags
 * ------------------------------------------------------------------- */

/* TRUE when the answer was carried over to re-worded or re-levelled text
 * and the user has not re-confirmed it yet. */
gboolean
scs_migration_needs_reconfirm (ScsWorkspace *workspace,
                               const char   *criterion_id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SCS_IS_WORKSPACE (workspace), FALSE);
  g_return_val_if_fail (criterion_id != NULL, FALSE);

  stmt = scs_db_prepare (workspace->db, workspace->path,
                         "SELECT 1 FROM catalog_reconfirm WHERE assessment = ?1 AND criterion_id = ?2", NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, workspace->assessment_id);
  scs_db_bind_text (stmt, 2, criterion_id);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

/**
 * scs_migration_list_reconfirm:
 *
 * Returns: (transfer full): the criterion IDs still flagged, in ID order
 */
GStrv
scs_migration_list_reconfirm (ScsWorkspace  *workspace,
                              GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const GPtrArray *criteria;
  g_autoptr(GHashTable) flagged = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  int rc;

  g_return_val_if_fail (SCS_IS_WORKSPACE (workspace), NULL);

  stmt = scs_db_prepare (workspace->db, workspace->path,
                         "SELECT criterion_id FROM catalog_reconfirm WHERE assessment = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, workspace->assessment_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_add (flagged, scs_db_column_dup (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      scs_db_set_error (error, workspace->db, workspace->path);
      return NULL;
    }

  criteria = scs_catalog_get_criteria (scs_workspace_get_catalog (workspace));
  for (guint i = 0; i < criteria->len; i++)
    {
      const ScsCriterion *criterion = g_ptr_array_index (criteria, i);

      if (g_hash_table_contains (flagged, criterion->id))
        g_strv_builder_add (builder, criterion->id);
    }
  return g_strv_builder_end (builder);
}

/**
 * scs_migration_reconfirm_many:
 * @ids: (array zero-terminated=1): flagged criteria
 * @error: %SCS_MIGRATION_ERROR_NOT_FLAGGED when one of them has nothing to
 *   re-confirm (then none is confirmed)
 *
 * Records that the user has checked these answers against the new wording
 * ("still holds"), in one transaction: the flags go, each with an audit
 * entry, and ::answer-changed is emitted for each.
 */
gboolean
scs_migration_reconfirm_many (ScsWorkspace       *workspace,
                              const char * const *ids,
                              GError            **error)
{
  g_auto(ScsDbTransaction) txn = SCS_DB_TRANSACTION_INIT;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) answers = g_ptr_array_new ();
  g_autofree char *now = NULL;

  g_return_val_if_fail (SCS_IS_WORKSPACE (workspace), FALSE);
  g_return_val_if_fail (ids != NULL, FALSE);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      ScsAnswer *answer = scs_workspace_require_answer (workspace, ids[i], error);

      if (answer == NULL)
        return FALSE;
      if (!scs_migration_needs_reconfirm (workspace, ids[i]))
        {
          g_set_error (error, SCS_MIGRATION_ERROR, SCS_MIGRATION_ERROR_NOT_FLAGGED,
                       _("The answer to criterion ‘%s’ is not waiting for re-confirmation"), ids[i]);
          return FALSE;
        }
      g_ptr_array_add (answers, answer);
    }

  now = scs_now_iso8601 ();
  if (!scs_workspace_transaction_begin (workspace, &txn, error))
    return FALSE;
  stmt = scs_db_prepare (workspace->db, workspace->path,
                         "DELETE FROM catalog_reconfirm WHERE assessment = ?1 AND criterion_id = ?2", error);
  for (guint i = 0; stmt != NULL && ids[i] != NULL; i++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, workspace->assessment_id);
      scs_db_bind_text (stmt, 2, ids[i]);
      if (!scs_db_step_done (stmt, workspace->db, workspace->path, error) ||
          !scs_workspace_audit (workspace, now, "catalog-reconfirm", ids[i], "flagged", "confirmed", error))
        g_clear_pointer (&stmt, sqlite3_finalize);
    }
  if (stmt == NULL)
    return FALSE;
  if (!scs_db_transaction_commit (&txn, error))
    return FALSE;

  for (guint i = 0; i < answers->len; i++)
    g_signal_emit_by_name (workspace, "answer-changed", answers->pdata[i]);
  return TRUE;
}

/**
 * scs_migration_reconfirm:
 * @criterion_id: a flagged criterion
 * @error: %SCS_MIGRATION_ERROR_NOT_FLAGGED when there is nothing to re-confirm
 *
 * scs_migration_reconfirm_many() for one answer.
 */
gboolean
scs_migration_reconfirm (ScsWorkspace  *workspace,
                         const char    *criterion_id,
                         GError       **error)
{
  const char * const ids[] = { criterion_id, NULL };

  g_return_val_if_fail (criterion_id != NULL, FALSE);

  return scs_migration_reconfirm_many (workspace, ids, error);
}

/**
 * scs_migration_list_reconfirm_items:
 *
 * The flagged answers with the wording they were given against and the
 * wording they now stand against, for a side-by-side re-confirmation.
 *
 * Returns: (transfer full) (element-type ScsReconfirmItem): in ID order
 */
GPtrArray *
scs_migration_list_reconfirm_items (ScsWorkspace  *workspace,
                                    GError       **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) scs_reconfirm_item_free);
  g_autoptr(GHashTable) old_catalogs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  g_autoptr(GHashTable) old_of = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_auto(GStrv) ids = NULL;
  ScsCatalog *catalog;
  int rc;

  g_return_val_if_fail (SCS_IS_WORKSPACE (workspace), NULL);

  ids = scs_migration_list_reconfirm (workspace, error);
  if (ids == NULL)
    return NULL;
  stmt = scs_db_prepare (workspace->db, workspace->path,
                         "SELECT r.criterion_id, c.sha256, c.xml FROM catalog_reconfirm r "
                         "JOIN catalog c ON c.sha256 = r.old_catalog WHERE r.assessment = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, workspace->assessment_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *sha = scs_db_column_dup (stmt, 1);

      if (!g_hash_table_contains (old_catalogs, sha))
        {
          g_autoptr(GBytes) xml = g_bytes_new (sqlite3_column_blob (stmt, 2), sqlite3_column_bytes (stmt, 2));
          ScsCatalog *old = scs_catalog_new_from_bytes (xml, error);

          if (old == NULL)
            return NULL;
          g_hash_table_insert (old_catalogs, g_strdup (sha), old);
        }
      g_hash_table_insert (old_of, scs_db_column_dup (stmt, 0), g_steal_pointer (&sha));
    }
  if (rc != SQLITE_DONE)
    {
      scs_db_set_error (error, workspace->db, workspace->path);
      return NULL;
    }

  catalog = scs_workspace_get_catalog (workspace);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      ScsCatalog *old = g_hash_table_lookup (old_catalogs, g_hash_table_lookup (old_of, ids[i]));
      const ScsCriterion *before = old != NULL ? scs_catalog_lookup_criterion (old, ids[i]) : NULL;
      const ScsCriterion *now = scs_catalog_lookup_criterion (catalog, ids[i]);
      ScsReconfirmItem *item = g_new0 (ScsReconfirmItem, 1);
      /* Side by side in one language: the official wording is Japanese only. */
      gboolean japanese = before == NULL || now == NULL || *before->text_en == '\0' || *now->text_en == '\0';

      item->criterion_id = g_strdup (ids[i]);
      item->old_text = g_strdup (before == NULL ? "" : japanese ? before->text_ja : scs_criterion_get_text (before));
      item->new_text = g_strdup (now == NULL ? "" : japanese ? now->text_ja : scs_criterion_get_text (now));
      item->old_level = before != NULL ? before->level : 0;
      item->new_level = now != NULL ? now->level : 0;
      g_ptr_array_add (items, item);
    }
  return g_steal_pointer (&items);
}

void
scs_reconfirm_item_free (ScsReconfirmItem *item)
{
  if (item == NULL)
    return;
  g_free (item->criterion_id);
  g_free (item->old_text);
  g_free (item->new_text);
  g_free (item);
}

/**
 * scs_migration_check_confirmed:
 *
 * The re-confirmation precondition of signing: no answer may still wait
 * for re-confirmation after a catalog change.
 *
 * Returns: %FALSE with #SCS_MIGRATION_ERROR_NOT_CONFIRMED naming them
 */
gboolean
scs_migration_check_confirmed (ScsWorkspace  *workspace,
                               GError       **error)
{
  g_auto(GStrv) ids = NULL;
  g_autofree char *list = NULL;
  guint n;

  g_return_val_if_fail (SCS_IS_WORKSPACE (workspace), FALSE);

  ids = scs_migration_list_reconfirm (workspace, error);
  if (ids == NULL)
    return FALSE;
  n = g_strv_length (ids);
  if (n == 0)
    return TRUE;
  list = g_strjoinv (", ", ids);
  g_set_error (error, SCS_MIGRATION_ERROR, SCS_MIGRATION_ERROR_NOT_CONFIRMED,
               g_dngettext (GETTEXT_PACKAGE,
                            "%u answer waits for re-confirmation against the new catalog wording: %s",
                            "%u answers wait for re-confirmation against the new catalog wording: %s",
                            n),
               n, list);
  return FALSE;
}

/* Planning from a file ---------------------------------------------------- */

/* On a worker thread: the file only, no workspace. */
static void
load_catalog_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  GFile *file = task_data;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(ScsCatalog) catalog = NULL;
  GError *error = NULL;
  const guint8 *data;
  gsize size;

  bytes = g_file_load_bytes (file, cancellable, NULL, &error);
  if (bytes == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  data = g_bytes_get_data (bytes, &size);
  if (size >= 4 && memcmp (data, "PK\3\4", 4) == 0)
    catalog = scs_catalog_import_xlsx (bytes, NULL, cancellable, &error);
  else
    catalog = scs_catalog_new_from_bytes (bytes, &error);

  if (catalog == NULL)
    g_task_return_error (task, error);
  else if (!g_task_return_error_if_cancelled (task))
    g_task_return_pointer (task, g_steal_pointer (&catalog), g_object_unref);
}

/* On the caller's thread, with its workspace: the plan. */
static void
load_catalog_done (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  /* released here: the worker's task may be freed on the worker */
  g_autoptr(GTask) task = user_data;
  g_autoptr(ScsCatalog) catalog = NULL;
  ScsMigration *migration;
  GError *error = NULL;

  catalog = g_task_propagate_pointer (G_TASK (result), &error);
  if (catalog == NULL || g_task_return_error_if_cancelled (task))
    {
      if (error != NULL)
        g_task_return_error (task, error);
      return;
    }
  migration = scs_migration_new (g_task_get_source_object (task), catalog, &error);
  if (migration == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, migration, g_object_unref);
}

void
scs_migration_new_async (ScsWorkspace        *workspace,
                         GFile               *catalog_file,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) worker = NULL;
  GTask *task;

  g_return_if_fail (SCS_IS_WORKSPACE (workspace));
  g_return_if_fail (G_IS_FILE (catalog_file));

  task = g_task_new (workspace, cancellable, callback, user_data);
  g_task_set_source_tag (task, scs_migration_new_async);
  worker = g_task_new (NULL, cancellable, load_catalog_done, task);
  g_task_set_task_data (worker, g_object_ref (catalog_file), g_object_unref);
  g_task_run_in_thread (worker, load_catalog_thread);
}

/**
 * scs_migration_new_finish:
 *
 * Returns: (transfer full): the plan, or %NULL with @error set
 *   (%G_IO_ERROR_CANCELLED when cancelled).
 */
ScsMigration *
scs_migration_new_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
