/* scs-workspace-error.h: the workspace document's error domain
 *
 * Its own header so that modules below the workspace (scs-seal) can refuse
 * in the document's terms without depending on it. The SQLite layer has
 * its own domain, SCS_DB_ERROR (scs-db.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SCS_WORKSPACE_ERROR (scs_workspace_error_quark ())

typedef enum
{
  SCS_WORKSPACE_ERROR_NOT_A_WORKSPACE, /* not SQLite, or another application's file */
  SCS_WORKSPACE_ERROR_NEWER_VERSION,   /* written by a newer SCS Workbench */
  SCS_WORKSPACE_ERROR_CORRUPT,         /* damaged or truncated */
  SCS_WORKSPACE_ERROR_IO,              /* a file cannot be opened, made, read or written (SQLite's own: SCS_DB_ERROR) */
  SCS_WORKSPACE_ERROR_EXISTS,          /* create: the file is already there */
  SCS_WORKSPACE_ERROR_INVALID,         /* bad value: unknown ID, NA without reason … */
  SCS_WORKSPACE_ERROR_NOT_FOUND,       /* no such evidence */
  SCS_WORKSPACE_ERROR_SEALED,          /* the assessment is signed: start a new round to change it */
  SCS_WORKSPACE_ERROR_CONFLICT,        /* changed elsewhere since the user saw it: nothing written */
  SCS_WORKSPACE_ERROR_READ_ONLY,       /* opened read-only (read-only file, folder, disk; disk full) */
} ScsWorkspaceError;

GQuark scs_workspace_error_quark (void);

G_END_DECLS
