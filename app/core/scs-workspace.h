/* scs-workspace.h: the .scsw document, one SQLite file per organisation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "scs-answer.h"
#include "scs-catalog.h"
#include "scs-workspace-error.h"
#include "scs-workspace-type.h"

G_BEGIN_DECLS

#define SCS_WORKSPACE_SCHEMA_VERSION 3
#define SCS_WORKSPACE_APPLICATION_ID 0x53435357 /* "SCSW" */
/* Evidence size limits, enforced when a file is added (the refusal names
 * the number), so that an export never fails on them minutes later: each
 * file at most SCS_EVIDENCE_MAX_SIZE, all of a workspace's evidence
 * together at most SCS_EVIDENCE_MAX_TOTAL_SIZE, which leaves room for the
 * XML and the report under the package limit the verifier enforces
 * (SCS_ZIP_MAX_TOTAL_SIZE, 1 GiB; checked at build time in
 * scs-package.c). */
#define SCS_EVIDENCE_MAX_SIZE       ((gint64) 256 * 1024 * 1024)
#define SCS_EVIDENCE_MAX_TOTAL_SIZE ((gint64) 960 * 1024 * 1024)
/* The notes of an assessment together hold at most this many bytes of
 * UTF-8 (a note is refused, naming its criterion and the limit, when it
 * would bring them over): some 4 million Japanese characters, thousands of
 * report pages, far beyond any real note, and it keeps assessment.xml
 * under the 16 MiB a package's XML may have (SCS_VERIFY_MAX_XML_SIZE) and
 * the report's time and size bounded. */
#define SCS_NOTES_MAX_TOTAL_SIZE    ((gint64) 12 * 1024 * 1024)

typedef struct
{
  char     *name;
  char     *trade_name;
  gboolean  sole_proprietor;
  char     *corporate_number;   /* 13 digits, NULL for sole proprietors */
  char     *address;
  char     *contact_name;
  char     *contact_email;
  char     *contact_phone;
} ScsOrganization;

ScsOrganization *scs_organization_new   (void);
ScsOrganization *scs_organization_copy  (const ScsOrganization *org);
void             scs_organization_free  (ScsOrganization       *org);
/* Name required; corporate number required (and check-digit valid) unless a
 * sole proprietor. Normalises the number in place. */
gboolean         scs_organization_validate (ScsOrganization *org,
                                            GError         **error);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScsOrganization, scs_organization_free)

typedef struct
{
  char      *sha256;    /* hex */
  char      *name;      /* file name as added */
  char      *mime_type;
  gint64     size;
  char      *added;     /* ISO 8601 UTC */
  char      *author;
  GStrv      criteria;  /* criterion IDs it is linked to */
} ScsEvidence;

void scs_evidence_free (ScsEvidence *evidence);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScsEvidence, scs_evidence_free)

typedef struct
{
  gint64  id;
  char   *time;    /* ISO 8601 UTC */
  char   *actor;
  char   *action;  /* "answer", "note", "reason", "evidence-add", … */
  char   *target;  /* criterion ID, evidence hash, … */
  char   *old_value;
  char   *new_value;
} ScsAuditEntry;

void scs_audit_entry_free (ScsAuditEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScsAuditEntry, scs_audit_entry_free)

typedef struct
{
  guint total;
  guint counts[SCS_N_ANSWER_STATES]; /* indexed by ScsAnswerState */
  guint satisfied;                   /* met + justified not applicable */
} ScsProgress;

#define SCS_TYPE_WORKSPACE (scs_workspace_get_type ())
G_DECLARE_FINAL_TYPE (ScsWorkspace, scs_workspace, SCS, WORKSPACE, GObject)

/* Creates a new file (refuses to overwrite) answered against @catalog, which
 * is embedded in the file. */
ScsWorkspace    *scs_workspace_create            (const char            *path,
                                                  const ScsOrganization *org,
                                                  guint                  target_level,
                                                  ScsCatalog            *catalog,
                                                  GError               **error);
/* The same for a workspace of @type (scs_workspace_create () makes an SCS
 * assessment). The type is recorded once and never changes. */
ScsWorkspace    *scs_workspace_create_typed      (const char            *path,
                                                  ScsWorkspaceType       type,
                                                  const ScsOrganization *org,
                                                  guint                  target_level,
                                                  ScsCatalog            *catalog,
                                                  GError               **error);
ScsWorkspace    *scs_workspace_open              (const char            *path,
                                                  GError               **error);
/* A second connection, for a worker thread, to a file this process opened
 * with scs_workspace_open(): the same without the whole-file check. */
ScsWorkspace    *scs_workspace_open_again        (const char            *path,
                                                  GError               **error);
/* A workspace is used only by the thread that opened it (SQL on it from
 * another thread is a critical); this hands it to the calling thread once
 * the opening thread is done with it. */
void             scs_workspace_take_over         (ScsWorkspace          *self);
const char      *scs_workspace_get_path          (ScsWorkspace          *self);
/* Whether @path leads to the file this workspace has open (device and
 * inode: a link to it or another spelling of its path is the same file). */
gboolean         scs_workspace_is_file           (ScsWorkspace          *self,
                                                  const char            *path);
/* A workspace that cannot be written opens read-only: viewable, verifiable
 * and exportable as a draft; every change fails with
 * SCS_WORKSPACE_ERROR_READ_ONLY. The reason is a translated clause. */
gboolean         scs_workspace_is_read_only      (ScsWorkspace          *self);
const char      *scs_workspace_get_read_only_reason (ScsWorkspace       *self);
/* Shows what other programs or connections committed since the last look
 * (answers, evidence counts, profile), with the usual signals. */
gboolean         scs_workspace_refresh           (ScsWorkspace          *self,
                                                  GError               **error);
/* Calls scs_workspace_refresh() on the main context as soon as a file monitor
 * sees another program write, and every @interval_ms anyway; 0 stops. */
void             scs_workspace_watch             (ScsWorkspace          *self,
                                                  guint                  interval_ms);
ScsCatalog      *scs_workspace_get_catalog       (ScsWorkspace          *self);

/* Who is editing: recorded with every change (default: the user's real name). */
void             scs_workspace_set_actor         (ScsWorkspace          *self,
                                                  const char            *actor);
const char      *scs_workspace_get_actor         (ScsWorkspace          *self);
/* One line, no control or text-direction characters: what set_actor keeps. */
gboolean         scs_workspace_check_actor       (const char            *actor,
                                                  GError               **error);

ScsOrganization *scs_workspace_dup_organization  (ScsWorkspace          *self);
gboolean         scs_workspace_set_organization  (ScsWorkspace          *self,
                                                  const ScsOrganization *org,
                                                  GError               **error);
/* The same, changing only the fields where @org differs from @seen (what
 * the user started from) over what is stored; a field changed elsewhere
 * since is SCS_WORKSPACE_ERROR_CONFLICT, nothing written, the newer
 * profile shown. scs_workspace_set_organization () starts from what this
 * object shows. */
gboolean         scs_workspace_set_organization_if (ScsWorkspace        *self,
                                                  const ScsOrganization *seen,
                                                  const ScsOrganization *org,
                                                  GError               **error);
guint            scs_workspace_get_target_level  (ScsWorkspace          *self);
gboolean         scs_workspace_set_target_level  (ScsWorkspace          *self,
                                                  guint                  level,
                                                  GError               **error);
ScsWorkspaceType scs_workspace_get_workspace_type (ScsWorkspace        *self);
guint            scs_workspace_get_cycle         (ScsWorkspace          *self); /* 0 initial, n renewal */
const char      *scs_workspace_get_created       (ScsWorkspace          *self);

/* GListModel of ScsAnswer, one per criterion with known text, catalog order. */
GListModel      *scs_workspace_get_answers       (ScsWorkspace          *self);
ScsAnswer       *scs_workspace_lookup_answer     (ScsWorkspace          *self,
                                                  const char            *criterion_id);

/* Each call is one durable transaction with its audit entry. @note and
 * @reason NULL keep what is stored. NA needs a non-blank reason (given or
 * stored). On error nothing changes. */
gboolean         scs_workspace_set_answer        (ScsWorkspace          *self,
                                                  const char            *criterion_id,
                                                  ScsAnswerState         state,
                                                  const char            *note,
                                                  const char            *reason,
                                                  GError               **error);
/* The same, only if the answer is still at @seen_version (what the user
 * saw); otherwise SCS_WORKSPACE_ERROR_CONFLICT and nothing is written. */
gboolean         scs_workspace_set_answer_if     (ScsWorkspace          *self,
                                                  const char            *criterion_id,
                                                  gint64                 seen_version,
                                                  ScsAnswerState         state,
                                                  const char            *note,
                                                  const char            *reason,
                                                  GError               **error);
gboolean         scs_workspace_set_note          (ScsWorkspace          *self,
                                                  const char            *criterion_id,
                                                  const char            *note,
                                                  GError               **error);
gboolean         scs_workspace_set_reason        (ScsWorkspace          *self,
                                                  const char            *criterion_id,
                                                  const char            *reason,
                                                  GError               **error);
/* Undo and redo of the changes made through this object: an answer's
 * state, note and reason, evidence addition and removal (scs-workspace-undo.c).
 * Never over a change made elsewhere since (SCS_WORKSPACE_ERROR_CONFLICT). */
gboolean         scs_workspace_can_undo          (ScsWorkspace          *self);
gboolean         scs_workspace_undo              (ScsWorkspace          *self,
                                                  GError               **error);
gboolean         scs_workspace_can_redo          (ScsWorkspace          *self);
gboolean         scs_workspace_redo              (ScsWorkspace          *self,
                                                  GError               **error);
/* The criterion the next undo (redo) touches, and what it does in words
 * ("the answer of criterion 1-1-1-1 (met → unanswered)"); NULL when none. */
const char      *scs_workspace_get_undo_criterion (ScsWorkspace         *self);
char            *scs_workspace_describe_undo     (ScsWorkspace          *self);
const char      *scs_workspace_get_redo_criterion (ScsWorkspace         *self);
char            *scs_workspace_describe_redo     (ScsWorkspace          *self);

void             scs_workspace_get_progress      (ScsWorkspace          *self,
                                                  guint                  category, /* 0: all */
                                                  guint                  level,    /* criteria of level <= this */
                                                  ScsProgress           *progress);
/* Every criterion up to @level satisfied, and the catalog knows them all. */
gboolean         scs_workspace_is_ready          (ScsWorkspace          *self,
                                                  guint                  level);

/* Evidence is linked to a criterion of the catalog, or in a JC-STAR ★1
 * or SECURITY ACTION workspace to one of its items by its key: "S1.1-08#1"
 * (requirement and evaluation item), "7" (self-check question), "pledge-2"
 * (★1 pledge item). FALSE with SCS_WORKSPACE_ERROR_INVALID when @id is
 * neither. */
gboolean         scs_workspace_check_evidence_target (ScsWorkspace      *self,
                                                      const char        *id,
                                                      GError           **error);
/* Evidence: stored as blobs, deduplicated by SHA-256. Returns the hash. */
char            *scs_workspace_add_evidence      (ScsWorkspace          *self,
                                                  const char            *criterion_id,
                                                  GFile                 *file,
                                                  GCancellable          *cancellable,
                                                  GError               **error);
/* The same; @linked says whether the file was newly linked to the criterion
 * (FALSE: it was there already, nothing changed). */
char            *scs_workspace_add_evidence_full (ScsWorkspace          *self,
                                                  const char            *criterion_id,
                                                  GFile                 *file,
                                                  gboolean              *linked,
                                                  GCancellable          *cancellable,
                                                  GError               **error);
/* The same for @n_files files, one transaction each, on a worker thread
 * with a connection of its own (docs/DESIGN.md, Threads); adds of the
 * process run one at a time. Before @callback runs, @self shows what was
 * added ("evidence-changed"). _finish: how many files were added; @error
 * set when any was not, its message one line per file refused. */
void             scs_workspace_add_evidence_async (ScsWorkspace         *self,
                                                  const char            *criterion_id,
                                                  GFile                **files,
                                                  guint                  n_files,
                                                  GCancellable          *cancellable,
                                                  GAsyncReadyCallback    callback,
                                                  gpointer               user_data);
guint            scs_workspace_add_evidence_finish (ScsWorkspace        *self,
                                                  GAsyncResult          *result,
                                                  GError               **error);
/* After another connection to the same file (scs_workspace_open in a worker
 * thread) changed @criterion_id's evidence: re-reads its count and emits
 * "evidence-changed", as if the change had been made here. */
void             scs_workspace_evidence_changed_elsewhere (ScsWorkspace *self,
                                                           const char   *criterion_id);
/* The same after another connection newly linked @sha256 to @criterion_id
 * for the user of this object: the addition can be undone here. */
void             scs_workspace_evidence_added_elsewhere (ScsWorkspace *self,
                                                         const char   *criterion_id,
                                                         const char   *sha256);
gboolean         scs_workspace_link_evidence     (ScsWorkspace          *self,
                                                  const char            *sha256,
                                                  const char            *criterion_id,
                                                  GError               **error);
gboolean         scs_workspace_unlink_evidence   (ScsWorkspace          *self,
                                                  const char            *sha256,
                                                  const char            *criterion_id,
                                                  GError               **error);
/* Of ScsEvidence*; @criterion_id NULL lists all. */
GPtrArray       *scs_workspace_list_evidence     (ScsWorkspace          *self,
                                                  const char            *criterion_id,
                                                  GError               **error);
GBytes          *scs_workspace_get_evidence_data (ScsWorkspace          *self,
                                                  const char            *sha256,
                                                  GError               **error);
/* Evidence read in pieces of at most SCS_EVIDENCE_CHUNK bytes (export,
 * verification of the seal: memory bounded whatever the evidence size). */
#define SCS_EVIDENCE_CHUNK (1024 * 1024)
typedef gboolean (*ScsEvidenceChunkFunc)         (const guint8          *data,
                                                  gsize                  size,
                                                  gpointer               user_data,
                                                  GError               **error);
gboolean         scs_workspace_read_evidence     (ScsWorkspace          *self,
                                                  const char            *sha256,
                                                  ScsEvidenceChunkFunc   func,
                                                  gpointer               user_data,
                                                  GCancellable          *cancellable,
                                                  GError               **error);
char            *scs_workspace_hash_evidence     (ScsWorkspace          *self,
                                                  const char            *sha256,
                                                  gint64                *size,
                                                  GCancellable          *cancellable,
                                                  GError               **error);
gboolean         scs_workspace_extract_evidence  (ScsWorkspace          *self,
                                                  const char            *sha256,
                                                  const char            *out_path,
                                                  GError               **error);

/* Of ScsAuditEntry*, newest first; @limit 0 = all. */
GPtrArray       *scs_workspace_list_audit        (ScsWorkspace          *self,
                                                  guint                  limit,
                                                  GError               **error);
/* PRAGMA integrity_check + foreign_key_check; TRUE when both are clean. */
gboolean         scs_workspace_check_integrity   (ScsWorkspace          *self,
                                                  GError               **error);

G_END_DECLS
