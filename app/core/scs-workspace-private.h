/* scs-workspace-private.h: what the workspace's own files and the modules
 * that keep tables in the workspace (review, scope, …) share
 *
 * A module writes through the workspace's connection, inside a
 * transaction guard begun with scs_workspace_transaction_begin () and ended
 * with scs_db_transaction_commit () (scs-db.h), and records every change
 * with scs_workspace_audit () in the same transaction.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "scs-db.h"
#include "scs-fs.h"
#include "scs-schema-module.h"
#include "scs-workspace.h"

G_BEGIN_DECLS

typedef struct _ScsUndoStep ScsUndoStep;

struct _ScsWorkspace
{
  GObject          parent_instance;

  char            *path;
  sqlite3         *db;
  GThread         *owner;         /* the only thread that may run SQL on db (docs/DESIGN.md, Threads) */
  ScsCatalog      *catalog;
  ScsOrganization *organization;

  gint64           assessment_id;
  guint            target_level;
  guint            cycle;
  ScsWorkspaceType workspace_type;
  char            *created;

  char            *actor;

  GListStore      *answers;
  GHashTable      *answer_index;  /* criterion ID → ScsAnswer (borrowed) */
  GPtrArray       *undo_stack;    /* of ScsUndoStep*, newest last */
  GPtrArray       *redo_stack;    /* of ScsUndoStep*, newest last */

  ScsFsHold       *hold;          /* the file rule: this connection's registration */
  guint            format;        /* user_version when opened */
  char            *read_only_reason; /* NULL when the file can be written */
  gint64           data_version;  /* PRAGMA data_version last seen */
  gboolean         moved;         /* the file was deleted or replaced while open (notice_moved ()) */
  guint            watch_id;      /* scs_workspace_watch () timer */
  GFileMonitor    *monitors[2];   /* scs_workspace_watch (): the file, its -wal */
  guint            monitor_idle_id; /* a refresh the monitors asked for */
  gint64           evidence_max_total; /* SCS_EVIDENCE_MAX_TOTAL_SIZE but in tests */
};


extern const ScsSchemaModule scs_scope_schema;

/* The checks opening makes of a file before trusting it, but the full
 * PRAGMA quick_check: our application ID, a format and module versions
 * this build reads (*@version gets user_version), and exactly the schema
 * this version creates for them (no table, index or trigger added,
 * changed or dropped by another program). Reads only; for a reader of the
 * file that does not open it as a workspace (the portfolio). */
gboolean   scs_workspace_check_format          (sqlite3       *db,
                                                const char    *path,
                                                gint64        *version,
                                                GError       **error);
/* ---- scs-workspace-summary.c: the workspace's own tables, read by a
 * reader that does not open the file as a workspace (the portfolio) on its
 * own connection. Each returns FALSE (NULL) with @error set when the file
 * cannot be read; the message is a predicate of the file ("is damaged: …"). */

/* @error from the connection's last failure. Returns FALSE. */
gboolean   scs_workspace_summary_set_error     (GError       **error,
                                                sqlite3       *db);
gboolean   scs_workspace_read_organization     (sqlite3       *db,
                                                char         **name,
                                                char         **corporate_number,
                                                GError       **error);

typedef struct
{
  gint64  id;
  guint   level;            /* 3 or 4 */
  guint   cycle;
  char   *catalog_sha256;
} ScsAssessmentSummary;

void       scs_assessment_summary_clear        (ScsAssessmentSummary *summary);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ScsAssessmentSummary, scs_assessment_summary_clear)
/* The newest assessment with an ID below @before (0: the newest, the
 * current cycle as the workspace loads it). FALSE without an error when
 * @before > 0 and there is none; a file without any is damaged. */
gboolean   scs_workspace_read_assessment       (sqlite3              *db,
                                                gint64                before,
                                                ScsAssessmentSummary *summary,
                                                GError              **error);
typedef void (*ScsWorkspaceCriterionFunc)      (const char    *criterion_id,
                                                gpointer       user_data);
/* Calls @func for every criterion assessment @assessment answered met or
 * not applicable (the text is valid during the call only). */
gboolean   scs_workspace_read_settled          (sqlite3                  *db,
                                                gint64                    assessment,
                                                ScsWorkspaceCriterionFunc func,
                                                gpointer                  user_data,
                                                GError                  **error);
/* The embedded catalog @sha256's XML, checked against its SHA-256. */
GBytes    *scs_workspace_read_catalog          (sqlite3       *db,
                                                const char    *sha256,
                                                GError       **error);
/* The time of the newest audit row (*@time NULL without one). */
gboolean   scs_workspace_read_last_change      (sqlite3       *db,
                                                char         **time,
                                                GError       **error);

/* The formats this build reads and creates, e.g. "3 scope=1 review=3 …"
 * (the core version and each module's newest): what a file passed
 * scs_workspace_check_format () against. */
char      *scs_workspace_format_id             (void);
/* FALSE with SCS_WORKSPACE_ERROR_READ_ONLY when opened read-only. */
gboolean   scs_workspace_check_writable        (ScsWorkspace  *self,
                                                GError       **error);
/* scs_db_transaction_begin () on the workspace's connection, after
 * scs_workspace_check_writable (). */
gboolean   scs_workspace_transaction_begin     (ScsWorkspace      *self,
                                                ScsDbTransaction  *txn,
                                                GError           **error);
/* One audit row by the current actor, inside the caller's transaction. */
gboolean   scs_workspace_audit                 (ScsWorkspace  *self,
                                                const char    *time,
                                                const char    *action,
                                                const char    *target,
                                                const char    *old_value,
                                                const char    *new_value,
                                                GError       **error);
/* The shape of a one-statement edit: scs_workspace_transaction_begin ()
 * and @sql prepared in it (NULL with @error when either fails; the
 * caller's guard rolls back), then, once the caller has bound it, the
 * statement stepped, one audit row @action on @target written at @time
 * (%NULL: now), and @txn committed. */
sqlite3_stmt *scs_workspace_write_begin        (ScsWorkspace      *self,
                                                ScsDbTransaction  *txn,
                                                const char        *sql,
                                                GError           **error);
gboolean   scs_workspace_write_finish          (ScsWorkspace      *self,
                                                ScsDbTransaction  *txn,
                                                sqlite3_stmt      *stmt,
                                                const char        *time,
                                                const char        *action,
                                                const char        *target,
                                                const char        *old_value,
                                                const char        *new_value,
                                                GError           **error);
/* TRUE when the current assessment is signed and sealed (review_seal),
 * or signed with its seal removed (scs_workspace_seal_is_missing ()). */
gboolean   scs_workspace_is_sealed             (ScsWorkspace  *self);
/* TRUE when the current assessment carries the expert's signature but its
 * seal row has been deleted outside the application: tampering. */
gboolean   scs_workspace_seal_is_missing       (ScsWorkspace  *self);
/* FALSE with SCS_WORKSPACE_ERROR_SEALED naming @what ("the note of
 * criterion 1-1-1-1", translated) when the assessment is sealed: every
 * write to signed content asks this first; the seal triggers of
 * scs-seal.c are the second line. */
gboolean   scs_workspace_require_unsealed      (ScsWorkspace  *self,
                                                const char    *what,
                                                GError       **error);
/* scs_text_validate () for a write path: SCS_WORKSPACE_ERROR_INVALID
 * naming @field. */
gboolean   scs_workspace_check_text            (const char    *text,
                                                const char    *field,
                                                gboolean       single_line,
                                                GError       **error);
/* The answer of @criterion_id, or NULL with SCS_WORKSPACE_ERROR_INVALID. */
ScsAnswer *scs_workspace_require_answer        (ScsWorkspace  *self,
                                                const char    *criterion_id,
                                                GError       **error);
/* What evidence is linked to: in an item-based workspace (JC-STAR ★1,
 * SECURITY ACTION) one of its items (*@answer NULL), else a criterion of
 * the catalog (*@answer its answer). FALSE with SCS_WORKSPACE_ERROR_INVALID
 * when @id is neither. */
gboolean   scs_workspace_require_evidence_target (ScsWorkspace  *self,
                                                  const char    *id,
                                                  ScsAnswer    **answer,
                                                  GError       **error);
extern const ScsSchemaModule scs_review_schema;
/* Split off the review module (ScsSchemaModule.split_from): scs-signature.c
 * (signatures, signed entries), scs-attestation.c, scs-declaration.c; the
 * seal's is declared in scs-seal.h. */
extern const ScsSchemaModule scs_signature_schema;
extern const ScsSchemaModule scs_attestation_schema;
extern const ScsSchemaModule scs_declaration_schema;
extern const ScsSchemaModule scs_migration_schema;

void       scs_workspace_emit_evidence_changed (ScsWorkspace  *self,
                                                const char    *criterion_id);
/* scs-workspace-undo.c: the undo and redo stacks. Every change made
 * through the public API pushes its step; a new step clears redo. */
void       scs_workspace_undo_init             (ScsWorkspace  *self);
void       scs_workspace_undo_clear            (ScsWorkspace  *self);
/* Both stacks emptied (another cycle, another catalog), notified. */
void       scs_workspace_undo_forget           (ScsWorkspace  *self);
void       scs_workspace_undo_push_answer      (ScsWorkspace   *self,
                                                ScsAnswer      *answer,
                                                ScsAnswerState  state,
                                                const char     *note,
                                                const char     *reason);
void       scs_workspace_undo_push_unlink      (ScsWorkspace  *self,
                                                const char    *criterion_id,
                                                const char    *sha256,
                                                const char    *name,
                                                const char    *mime_type,
                                                GBytes        *data);
/* An addition that linked @sha256 to @criterion_id: undo removes the link. */
void       scs_workspace_undo_push_link        (ScsWorkspace  *self,
                                                const char    *criterion_id,
                                                const char    *sha256,
                                                const char    *name,
                                                const char    *mime_type);
/* Writes the answer in one transaction with its audit rows; @undo audits
 * the state row as "undo". Values must already be valid. */
gboolean   scs_workspace_write_answer          (ScsWorkspace   *self,
                                                ScsAnswer      *answer,
                                                ScsAnswerState  state,
                                                const char     *note,
                                                const char     *reason,
                                                gboolean        undo,
                                                GError        **error);
/* Run by scs_workspace_write_answer_with () inside its transaction, after
 * the answer's row and audit rows: FALSE with @error rolls it all back. */
typedef gboolean (*ScsWorkspaceAlsoFunc)        (ScsWorkspace   *self,
                                                gpointer        user_data,
                                                GError        **error);
/* scs_workspace_write_answer () that also runs @also (nullable) in the same
 * transaction, for a change that goes with the answer's (a decision on a
 * proposed correction). */
gboolean   scs_workspace_write_answer_with     (ScsWorkspace        *self,
                                                ScsAnswer           *answer,
                                                ScsAnswerState       state,
                                                const char          *note,
                                                const char          *reason,
                                                gboolean             undo,
                                                ScsWorkspaceAlsoFunc also,
                                                gpointer             user_data,
                                                GError             **error);
/* scs-workspace-evidence.c, for undo and redo: no steps pushed. */
gboolean   scs_workspace_relink_evidence       (ScsWorkspace  *self,
                                                const char    *criterion_id,
                                                const char    *sha256,
                                                const char    *name,
                                                const char    *mime_type,
                                                GBytes        *data,
                                                GError       **error);
gboolean   scs_workspace_remove_evidence_link  (ScsWorkspace  *self,
                                                const char    *sha256,
                                                const char    *criterion_id,
                                                GBytes       **data,
                                                GError       **error);
/* Lowers the total evidence limit (SCS_EVIDENCE_MAX_TOTAL_SIZE) of this
 * connection: for tests, which reach it without storing a gigabyte. */
void       scs_workspace_set_evidence_max_total (ScsWorkspace *self,
                                                 gint64        limit);
/* scs_file_rename_no_replace() with its errors as SCS_WORKSPACE_ERROR
 * (EXISTS when @to is there, IO otherwise). */
gboolean   scs_workspace_move_into_place       (const char    *from,
                                                const char    *to,
                                                GError       **error);
/* Re-reads assessment, catalog and answers after a catalog migration. */
gboolean   scs_workspace_reload                (ScsWorkspace  *self,
                                                GError       **error);

/* scs-renewal.c: renewal cycles, certification, significant changes */
extern const ScsSchemaModule scs_renewal_schema;
/* scs-diagnosis.c: the vendor's diagnosis of a client */
extern const ScsSchemaModule scs_diagnosis_schema;
/* scs-submission.c: the record of each exported submission package */
extern const ScsSchemaModule scs_submission_schema;
/* scs-items.c: the answers of the item-based types */
extern const ScsSchemaModule scs_item_answer_schema;
/* scs-security-action.c: SECURITY ACTION self-check and declaration */
extern const ScsSchemaModule scs_security_action_schema;
/* scs-jcstar.c: JC-STAR ★1 product record and answers */
extern const ScsSchemaModule scs_jcstar_schema;
/* scs-provider.c: the service-provider dossier's link, ISMS and registers */
extern const ScsSchemaModule scs_provider_schema;

/* The item keys of the item-based types, to which evidence is linked in
 * their workspaces as it is to criteria in an assessment's: JC-STAR ★1
 * "S1.1-08#1" (scs-jcstar.c), SECURITY ACTION "7", "pledge-2"
 * (scs-security-action.c). TRUE when @key names one of their items. */
gboolean scs_jcstar_is_item_key          (const char *key);
gboolean scs_security_action_is_item_key (const char *key);

G_END_DECLS
