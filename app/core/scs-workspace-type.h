/* scs-workspace-type.h: what a workspace is for (SCS ★3/★4, JC-STAR ★1, SECURITY ACTION)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

#include "scs-catalog.h"

G_BEGIN_DECLS

typedef enum
{
  SCS_WORKSPACE_TYPE_SCS,             /* the SCS evaluation scheme (★3/★4), the default */
  SCS_WORKSPACE_TYPE_JCSTAR1,         /* JC-STAR ★1 product self-declaration */
  SCS_WORKSPACE_TYPE_SECURITY_ACTION, /* SECURITY ACTION ★1/★2 self-declaration */
  SCS_WORKSPACE_TYPE_PROVIDER,        /* security service-provider certification dossier */
} ScsWorkspaceType;

#define SCS_N_WORKSPACE_TYPES 4

/* "scs", "jcstar1", "security-action", "provider": the word in the file and the CLI. */
const char *scs_workspace_type_to_string   (ScsWorkspaceType  type);
/* FALSE for an unknown word. */
gboolean    scs_workspace_type_from_string (const char       *word,
                                            ScsWorkspaceType *type);
/* Translated name for people, e.g. "JC-STAR ★1 product self-declaration". */
const char *scs_workspace_type_get_label   (ScsWorkspaceType  type);
/* A self-declaration answered item by item (JC-STAR ★1, SECURITY ACTION):
 * no SCS target level, dashboard, gaps or statistics. */
gboolean    scs_workspace_type_is_item_based (ScsWorkspaceType type);
/* Short translated name for a table cell: "★3" is not used for the SCS type
 * (its level is shown instead); "JC-STAR ★1", "SECURITY ACTION",
 * "Service provider". */
const char *scs_workspace_type_get_short_label (ScsWorkspaceType  type);
/* The catalog a new workspace of @type is answered against: the built-in
 * SCS catalog, or the provider dossier's items. */
ScsCatalog *scs_workspace_type_new_catalog (ScsWorkspaceType  type);

/* What the workspace in @db is for, read from its workspace_type table (a
 * read transaction on a file not opened as a workspace); SCS_WORKSPACE_TYPE_SCS
 * when the file is older than the table. */
ScsWorkspaceType scs_workspace_type_read (sqlite3 *db);

G_END_DECLS
