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

static const char * const words[SCS_N_WORKSPACE_TYPES] = {
  "scs", "jcstar1", "security-action",
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
  for (guint i = 0; word != NULL && i < SCS_N_WORKSPACE_TYPES; i++)
    if (g_str_equal (word, words[i]))
      {
        if (type != NULL)
          *type = (ScsWorkspaceType) i;
        return TRUE;
      }
  return FALSE;
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
    default:
      g_return_val_if_reached ("");
    }
}
