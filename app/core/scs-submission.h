/* scs-submission.h: the record of each submission package exported from a workspace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

#include "scs-db.h"
#include "scs-workspace.h"

G_BEGIN_DECLS

#define SCS_SUBMISSION_ERROR (scs_submission_error_quark ())

typedef enum
{
  SCS_SUBMISSION_ERROR_RECORD, /* the record could not be written */
} ScsSubmissionError;

GQuark scs_submission_error_quark (void);

/* One exported (non-draft) package. */
typedef struct
{
  gint64  id;
  guint   cycle;           /* the assessment's renewal cycle it submits */
  char   *file_name;       /* base name of the package, as exported */
  char   *sha256;          /* of the whole .scsp file, hex */
  guint64 size;            /* bytes */
  char   *exported;        /* ISO 8601 UTC */
  char   *exporter;        /* the actor who exported it */
  char   *expert_status;   /* "valid", "content-changed" or "invalid" at export */
} ScsSubmission;

void scs_submission_free (ScsSubmission *submission);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScsSubmission, scs_submission_free)

/* "valid" → "Valid", … (translated) */
const char *scs_submission_status_get_label (const char *expert_status);

/* For scs-package.c. Begins @txn (a guard, scs-db.h, not yet begun) on
 * @workspace and inserts the record of the package (with its audit row)
 * for the current assessment, taking the expert signature's status now.
 * The transaction stays open: the caller puts the package in place and
 * then calls scs_submission_commit (); if it returns before, the guard
 * rolls the record back. On error @txn is not open and nothing was
 * written; the error is SCS_SUBMISSION_ERROR_RECORD. */
gboolean   scs_submission_prepare (ScsWorkspace      *workspace,
                                   ScsDbTransaction  *txn,
                                   const char        *file_name,
                                   const char        *sha256,
                                   guint64            size,
                                   GError           **error);
/* Commits @txn; a failed commit is rolled back and is
 * SCS_SUBMISSION_ERROR_RECORD. */
gboolean   scs_submission_commit  (ScsWorkspace      *workspace,
                                   ScsDbTransaction  *txn,
                                   GError           **error);

/* Every recorded submission of every cycle, oldest first. Of ScsSubmission*. */
GPtrArray *scs_submission_list    (ScsWorkspace  *workspace,
                                   GError       **error);

/* The local date (YYYY-MM-DD) the last final package of assessment
 * @assessment was exported, read from @db (a read transaction on a file
 * not opened as a workspace); NULL when none was or the file is older
 * than the table. */
char       *scs_submission_read_last_export (sqlite3 *db,
                                             gint64   assessment);

G_END_DECLS
