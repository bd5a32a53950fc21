/* scs-migration.h: moving a workspace's answers to another catalog version
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "scs-catalog-diff.h"
#include "scs-workspace.h"

G_BEGIN_DECLS

#define SCS_MIGRATION_ERROR (scs_migration_error_quark ())

typedef enum
{
  SCS_MIGRATION_ERROR_SAME_CATALOG, /* the workspace already uses it */
  SCS_MIGRATION_ERROR_STALE,        /* the workspace changed since the plan */
  SCS_MIGRATION_ERROR_NOT_FLAGGED,  /* re-confirm: nothing to re-confirm */
  SCS_MIGRATION_ERROR_NOT_CONFIRMED, /* signing: answers still wait for re-confirmation */
} ScsMigrationError;

GQuark scs_migration_error_quark (void);

/* An answer the migration affects. */
typedef struct
{
  char                  *criterion_id;
  char                  *state;       /* "met", "not-met", "na", "unanswered" */
  char                  *note;
  char                  *reason;
  guint                  n_evidence;
  ScsCatalogChangeFlags  flags;       /* REMOVED, or REWORDED and/or LEVEL */
} ScsMigratedAnswer;

#define SCS_TYPE_MIGRATION (scs_migration_get_type ())
G_DECLARE_FINAL_TYPE (ScsMigration, scs_migration, SCS, MIGRATION, GObject)

/* Plans moving @workspace to @catalog; changes nothing. */
ScsMigration    *scs_migration_new              (ScsWorkspace  *workspace,
                                                 ScsCatalog    *catalog,
                                                 GError       **error);
/* The same with the catalog read from @catalog_file, the official
 * workbook (.xlsx) or catalog XML, parsed on a worker thread (no
 * connection there); the plan is made on the caller's thread, before
 * @callback runs. */
void             scs_migration_new_async        (ScsWorkspace         *workspace,
                                                 GFile                *catalog_file,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
ScsMigration    *scs_migration_new_finish       (GAsyncResult         *result,
                                                 GError              **error);
ScsCatalogDiff  *scs_migration_get_diff         (ScsMigration  *self);
/* Of ScsMigratedAnswer*: answers to removed criteria (kept in the file and
 * the audit log, no longer shown) and answers to re-worded or re-levelled
 * criteria (carried over, flagged for re-confirmation). */
const GPtrArray *scs_migration_get_removed      (ScsMigration  *self);
const GPtrArray *scs_migration_get_flagged      (ScsMigration  *self);
/* Answers carried over unchanged by ID. */
guint            scs_migration_get_n_carried    (ScsMigration  *self);
/* TRUE when the assessment is signed (expert or management) or sealed:
 * it is then never changed; apply starts a new assessment round instead. */
gboolean         scs_migration_get_new_round    (ScsMigration  *self);
/* Forces a new round even when unsigned. */
void             scs_migration_set_new_round    (ScsMigration  *self,
                                                 gboolean       new_round);
/* One transaction: the new catalog embedded, the assessment switched (or a
 * new one started), flags and audit entries written; then the workspace
 * reloads. On error nothing changed. */
gboolean         scs_migration_apply            (ScsMigration  *self,
                                                 GError       **error);

/* Re-confirmation flags of the current assessment. */
gboolean         scs_migration_needs_reconfirm  (ScsWorkspace  *workspace,
                                                 const char    *criterion_id);
GStrv            scs_migration_list_reconfirm   (ScsWorkspace  *workspace,
                                                 GError       **error);
/* The user has read the new wording and keeps the answer: clears the flag. */
gboolean         scs_migration_reconfirm        (ScsWorkspace  *workspace,
                                                 const char    *criterion_id,
                                                 GError       **error);

/* Several "still holds" at once, one transaction. */
gboolean         scs_migration_reconfirm_many   (ScsWorkspace       *workspace,
                                                 const char * const *ids,
                                                 GError            **error);
/* The signing precondition: no flag open. */
gboolean         scs_migration_check_confirmed  (ScsWorkspace  *workspace,
                                                 GError       **error);

/* A flagged answer's old and new wording, side by side. */
typedef struct
{
  char  *criterion_id;
  char  *old_text;
  char  *new_text;
  guint  old_level;
  guint  new_level;
} ScsReconfirmItem;

GPtrArray       *scs_migration_list_reconfirm_items (ScsWorkspace  *workspace,
                                                     GError       **error);
void             scs_reconfirm_item_free        (ScsReconfirmItem *item);

void             scs_migrated_answer_free       (ScsMigratedAnswer *answer);

G_END_DECLS
