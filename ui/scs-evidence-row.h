/* scs-evidence-row.h: one evidence file of a criterion's list, drawn by itself
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "scs-workspace.h"

G_BEGIN_DECLS

#define SCS_TYPE_EVIDENCE_ROW (scs_evidence_row_get_type ())
G_DECLARE_FINAL_TYPE (ScsEvidenceRow, scs_evidence_row, SCS, EVIDENCE_ROW, GtkListBoxRow)

/* An activatable row (Enter or a click opens the file through
 * "evidence.open") that draws the content type's icon, the file's name and
 * below it its size and the first digits of its SHA-256 itself; its only
 * child is the remove button ("evidence.remove"), or, read-only, none (a
 * preview icon is drawn instead). Named by the file for screen readers and
 * described by its size and digest. */
GtkWidget  *scs_evidence_row_new          (void);
/* Shows @evidence (copied); the row is kept and only what differs changes. */
void        scs_evidence_row_set_evidence (ScsEvidenceRow    *self,
                                           const ScsEvidence *evidence,
                                           gboolean           read_only);
const char *scs_evidence_row_get_sha256   (ScsEvidenceRow    *self);

G_END_DECLS
