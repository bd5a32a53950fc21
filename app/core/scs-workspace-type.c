/* scs-workspace-type.c: what a workspace is for
 *
 * One engine, several kinds of workspace: the SCS assessment (★3/★4), a
 * JC-STAR ★1 product self-declaration and a SECURITY ACTION ★1/★2
 * self-declaration all keep their answers, evidence, audit log, signatures
 * and packages in the same .scsw file. The kind is recorded once, when the
 * file is created, in the workspace_type table (its schema module is in
 * scs-workspace.c, which reads and writes it); a file made before the table
 * existed (or one without a row) is an SCS assessment.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "scs-workspace-type.h"

#include <glib/gi18n-lib.h>

#include "scs-core-resources.h"
#include "scs-db.h"
#include "scs-text.h"

/* The service-provider dossier's draft list, in the core resource. */
#define PROVIDER_RESOURCE "/jp/scsworkbench/core/provider/builtin.xml"

static const char * const words[SCS_N_WORKSPACE_TYPES] = {
  "scs", "jcstar1", "security-action", "provider",
};

const char *
scs_workspace_type_to_string (ScsWorkspaceType type)
{
  g_return_val_if_fail ((guint) type < SCS_N_WORKSPACE_TYPES, "scs");
  return words[type];
}

gboolean
scs_workspace_type_from_string (const char       *word,
                                ScsWorkspaceType *type)
{
  guint i;

  if (!scs_text_find_in_array (words, word, &i))
    return FALSE;
  if (type != NULL)
    *type = (ScsWorkspaceType) i;
  return TRUE;
}

const char *
scs_workspace_type_get_label (ScsWorkspaceType type)
{
  switch (type)
    {
    case SCS_WORKSPACE_TYPE_SCS:
      return _("SCS assessment (★3/★4)");
    case SCS_WORKSPACE_TYPE_JCSTAR1:
      return _("JC-STAR ★1 product self-declaration");
    case SCS_WORKSPACE_TYPE_SECURITY_ACTION:
      return _("SECURITY ACTION self-declaration (★1/★2)");
    case SCS_WORKSPACE_TYPE_PROVIDER:
      return _("Security service-provider certification dossier (provisional)");
    default:
      g_return_val_if_reached ("");
    }
}

gboolean
scs_workspace_type_is_item_based (ScsWorkspaceType type)
{
  return type == SCS_WORKSPACE_TYPE_JCSTAR1 || type == SCS_WORKSPACE_TYPE_SECURITY_ACTION;
}

const char *
scs_workspace_type_get_short_label (ScsWorkspaceType type)
{
  switch (type)
    {
    case SCS_WORKSPACE_TYPE_JCSTAR1:
      return _("JC-STAR ★1");
    case SCS_WORKSPACE_TYPE_SECURITY_ACTION:
      return _("SECURITY ACTION");
    case SCS_WORKSPACE_TYPE_PROVIDER:
      return _("Service provider");
    case SCS_WORKSPACE_TYPE_SCS:
    default:
      return _("SCS");
    }
}

ScsCatalog *
scs_workspace_type_new_catalog (ScsWorkspaceType type)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  ScsCatalog *catalog;

  if (type != SCS_WORKSPACE_TYPE_PROVIDER)
    return scs_catalog_new_builtin ();
  /* The provider dossier's draft list (scs-provider.h): part of the
   * program, like the built-in catalog. */
  bytes = g_resource_lookup_data (scs_core_get_resource (), PROVIDER_RESOURCE,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    g_error ("The provider dossier is missing from the core resource: %s", error->message);
  catalog = scs_catalog_new_from_bytes (bytes, &error);
  if (catalog == NULL)
    g_error ("The provider dossier does not load: %s", error->message);
  return catalog;
}

ScsWorkspaceType
scs_workspace_type_read (sqlite3 *db)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  ScsWorkspaceType type = SCS_WORKSPACE_TYPE_SCS;

  if (!scs_db_has_table (db, "workspace_type"))
    return type;
  stmt = scs_db_try_prepare (db, "SELECT type FROM workspace_type WHERE id = 1");
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    scs_workspace_type_from_string ((const char *) sqlite3_column_text (stmt, 0), &type);
  return type;
}
