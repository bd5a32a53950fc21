/* scs-diagnosis.h: a vendor's (お助け隊) diagnosis of one client workspace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

#include "scs-answer.h"
#include "scs-csv.h"
#include "scs-workspace.h"

G_BEGIN_DECLS

#define SCS_DIAGNOSIS_ERROR (scs_diagnosis_error_quark ())

typedef enum
{
  SCS_DIAGNOSIS_ERROR_INVALID,  /* unknown support type, bad date, unknown criterion … */
  SCS_DIAGNOSIS_ERROR_REPORT,   /* the report could not be written */
} ScsDiagnosisError;

GQuark scs_diagnosis_error_quark (void);

typedef enum
{
  SCS_SUPPORT_NONE,      /* not decided */
  SCS_SUPPORT_IT_TOOL,   /* an IT tool (EDR, backup, MFA …) */
  SCS_SUPPORT_NON_IT,    /* policies, incident procedures, training */
  SCS_SUPPORT_ON_SITE,   /* on-site response */
} ScsSupport;

typedef enum
{
  SCS_TIER_3,        /* ★3 */
  SCS_TIER_3_PLUS,   /* ★3+ with on-site response */
  SCS_TIER_4,        /* ★4 */
  SCS_TIER_4_PLUS,   /* ★4+ */
} ScsTier;

const char *scs_support_to_string    (ScsSupport   support);
gboolean    scs_support_from_string  (const char  *text,
                                      ScsSupport  *support);
const char *scs_support_get_label    (ScsSupport   support);
/* "low", "medium", "high" for both effort and priority; "" undecided. */
gboolean    scs_diagnosis_grade_is_valid (const char *grade);
const char *scs_diagnosis_grade_get_label (const char *grade);
const char *scs_tier_to_string       (ScsTier      tier);  /* "★3+" */
gboolean    scs_tier_from_string     (const char  *text,
                                      ScsTier     *tier);

/* The tier for a client: its target level, and whether it needs on-site
 * response (the "+" tiers). */
ScsTier     scs_diagnosis_recommend_tier (guint     target_level,
                                          gboolean  needs_on_site);

/* One gap: a criterion of the client's level that is not met or not yet
 * answered, with the vendor's plan. Fields the vendor has not set hold the
 * suggestion (suggested = TRUE) derived from the criterion's category. */
typedef struct
{
  char           *criterion_id;
  ScsAnswerState  state;         /* the SME's answer: unanswered or not met */
  ScsSupport      support;
  char           *effort;        /* low | medium | high | "" */
  char           *priority;      /* low | medium | high | "" */
  char           *owner;
  char           *due;           /* YYYY-MM-DD or "" */
  char           *note;
  gboolean        planned;       /* the vendor stored a plan for it */
} ScsGap;

void    scs_gap_free (ScsGap *gap);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScsGap, scs_gap_free)

#define SCS_TYPE_DIAGNOSIS (scs_diagnosis_get_type ())
G_DECLARE_FINAL_TYPE (ScsDiagnosis, scs_diagnosis, SCS, DIAGNOSIS, GObject)

/* The diagnosis of @workspace's current cycle (its own tables; it never
 * writes the SME's answers). */
ScsDiagnosis *scs_diagnosis_new              (ScsWorkspace  *workspace);
ScsWorkspace *scs_diagnosis_get_workspace    (ScsDiagnosis  *self);

/* Of ScsGap*, catalog order: every criterion up to the target level that
 * is unanswered or not met. */
GPtrArray    *scs_diagnosis_list_gaps        (ScsDiagnosis  *self,
                                              GError       **error);

/* Stores the plan for one criterion. NULL arguments keep what is stored.
 * Validates support, grades and the due date; one transaction, audited,
 * emits ::changed. */
gboolean      scs_diagnosis_set_gap          (ScsDiagnosis  *self,
                                              const char    *criterion_id,
                                              const char    *support,
                                              const char    *effort,
                                              const char    *priority,
                                              const char    *owner,
                                              const char    *due,
                                              const char    *note,
                                              GError       **error);

/* The client as the vendor sees it, for statistics across clients: size
 * ("", small, medium, large) and sector ("", manufacturing, construction,
 * wholesale-retail, information, transport, finance, medical-welfare,
 * services, other). NULL keeps what is stored. */
const char * const *scs_client_size_list       (void);   /* "" first */
const char * const *scs_client_sector_list     (void);   /* "" first */
const char   *scs_client_size_get_label       (const char   *size);
const char   *scs_client_sector_get_label     (const char   *sector);
void          scs_diagnosis_get_client        (ScsDiagnosis  *self,
                                               char         **size,
                                               char         **sector);
gboolean      scs_diagnosis_set_client        (ScsDiagnosis  *self,
                                               const char    *size,
                                               const char    *sector,
                                               GError       **error);

gboolean      scs_diagnosis_get_needs_on_site (ScsDiagnosis *self);
gboolean      scs_diagnosis_set_needs_on_site (ScsDiagnosis *self,
                                               gboolean      needs,
                                               GError      **error);
ScsTier       scs_diagnosis_get_tier          (ScsDiagnosis *self);

/* Gap list as CSV (CRLF), one row per gap, headers and values in the UI
 * language (labels, not codes); formula-like cells neutralised. CP932
 * fails, writing nothing, on a character it cannot hold. */
GBytes       *scs_diagnosis_export_csv        (ScsDiagnosis    *self,
                                               ScsCsvEncoding   encoding,
                                               GError         **error);
/* The same gap list as an Excel workbook (.xlsx, one sheet, no formulas):
 * styled frozen header row with an auto-filter, column widths, wrapped
 * text, the due date as a date. */
GBytes       *scs_diagnosis_export_xlsx       (ScsDiagnosis  *self,
                                               GError       **error);
/* The diagnosis report for the client (Japanese, or English when the UI
 * language is English): readiness per category as bars, the tier, the gap
 * list with the plan. @date (YYYY-MM-DD) is printed and fixes the PDF
 * date; NULL is today. */
GBytes       *scs_diagnosis_build_report      (ScsDiagnosis  *self,
                                               const char    *date,
                                               GError       **error);

/* The vendor's size and sector of the client (see
 * scs_diagnosis_set_client ()), read from @db (a read transaction on a
 * file not opened as a workspace); both NULL when not recorded. */
void        scs_diagnosis_read_client_summary (sqlite3  *db,
                                               char    **size,
                                               char    **sector);

G_END_DECLS
