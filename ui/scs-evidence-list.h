/* scs-evidence-list.h: evidence files of one criterion, with drop target
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "scs-workspace.h"

G_BEGIN_DECLS

#define SCS_TYPE_EVIDENCE_LIST (scs_evidence_list_get_type ())
G_DECLARE_FINAL_TYPE (ScsEvidenceList, scs_evidence_list, SCS, EVIDENCE_LIST, GtkWidget)

/* Properties "workspace" (ScsWorkspace) and "criterion-id" (string).
 * Actions on the widget: "evidence.add" (file chooser), "evidence.add-file"
 * (s: path or URI), "evidence.open" (s: sha256; PDFs open in ScsPdfPreview,
 * others with the desktop's default application), "evidence.remove"
 * (s: sha256: unlinks from this criterion). Files dropped on it are added. */
GtkWidget    *scs_evidence_list_new              (void);
void          scs_evidence_list_set_workspace    (ScsEvidenceList *self,
                                                  ScsWorkspace    *workspace);
void          scs_evidence_list_set_criterion_id (ScsEvidenceList *self,
                                                  const char      *criterion_id);
/* Adding runs on a worker thread (template child "busy_box" shown until
 * it has finished); a failure is a toast (or a dialog without a window's
 * toast overlay). */

/* The message shown when no application opens a non-PDF evidence file
 * (@error from g_app_info_launch_default_for_uri), translated. */
char *scs_evidence_list_describe_launch_error (const char   *name,
                                               const char   *mime_type,
                                               const GError *error);
/* Look, do not touch (the review desk): no add, no remove. */
void          scs_evidence_list_set_read_only    (ScsEvidenceList *self,
                                                  gboolean         read_only);

G_END_DECLS
