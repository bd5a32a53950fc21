/* scs-diagnosis-private.h: the self-declarations' gap list, for scs-diagnosis.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "scs-diagnosis.h"
#include "scs-pdf-writer.h"

G_BEGIN_DECLS

#define SCS_N_ITEM_GAP_COLUMNS 5

/* The gaps of @workspace (a JC-STAR ★1 or SECURITY ACTION workspace) on
 * @today (YYYY-MM-DD). */
GPtrArray *scs_item_gaps_list   (ScsWorkspace  *workspace,
                                 const char    *today,
                                 GError       **error);
/* The cells of @gaps (of ScsItemGap*), header first, SCS_N_ITEM_GAP_COLUMNS
 * wide, as the user reads them. */
GPtrArray *scs_item_gaps_table  (GPtrArray     *gaps);
extern const double   scs_item_gap_widths[SCS_N_ITEM_GAP_COLUMNS];
extern const gboolean scs_item_gap_wrap[SCS_N_ITEM_GAP_COLUMNS];
/* The diagnosis report of @workspace with @gaps, dated @today. */
GBytes    *scs_item_gaps_report (ScsWorkspace  *workspace,
                                 GPtrArray     *gaps,
                                 const char    *today,
                                 GError       **error);

/* Both diagnosis reports (criteria and items): a writer with the report's
 * metadata, footer and title for @organization, dated @today (YYYY-MM-DD);
 * then the PDF, or SCS_DIAGNOSIS_ERROR_REPORT saying why not. */
ScsPdfWriter *scs_diagnosis_report_begin  (const char    *organization,
                                           const char    *today);
GBytes       *scs_diagnosis_report_finish (ScsPdfWriter  *writer,
                                           GError       **error);

G_END_DECLS
