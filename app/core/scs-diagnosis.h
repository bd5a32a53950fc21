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

/* Of ScsGap*, catalog order: every criterion up to the target level that
 * is unanswered or not met; empty for a self-declaration (its gaps are
 * scs_diagnosis_list_item_gaps ()'s). */
GPtrArray    *scs_diagnosis_list_gaps        (ScsDiagnosis  *self,
                                              GError       **error);

/* ---- the gap list of a self-declaration (JC-STAR ★1, SECURITY ACTION) ---- */

/* A label expiring within this many days is a gap (our own choice: time
 * to check the product again and apply anew before it lapses). */
#define SCS_DIAGNOSIS_LABEL_WARNING_DAYS 90

typedef enum
{
  SCS_ITEM_GAP_DOES_NOT,      /* JC-STAR: an item does not conform */
  SCS_ITEM_GAP_UNANSWERED,    /* an item or self-check question without an answer */
  SCS_ITEM_GAP_NO_REASON,     /* JC-STAR: not applicable, without a reason */
  SCS_ITEM_GAP_RECORD,        /* the product or declaration record lacks something */
  SCS_ITEM_GAP_LABEL_EXPIRY,  /* JC-STAR: the label has expired or expires soon */
  SCS_ITEM_GAP_DONT_KNOW,     /* SECURITY ACTION: "don't know", to follow up */
  SCS_ITEM_GAP_LOW_SCORE,     /* SECURITY ACTION: partly or not done */
  SCS_ITEM_GAP_NO_POLICY,     /* SECURITY ACTION ★2: no basic policy written */
  SCS_ITEM_GAP_PLEDGE,        /* SECURITY ACTION ★1: a pledge item not taken */
} ScsItemGapKind;

#define SCS_N_ITEM_GAP_KINDS 9

/* "does-not", "unanswered", "na-without-reason", "record", "label-expiry",
 * "dont-know", "low-score", "no-policy", "pledge": for scripts. */
const char *scs_item_gap_kind_to_string (ScsItemGapKind kind);

/* One gap of a self-declaration, every text as the user reads it (the
 * current language; labels, never codes) except @key. */
typedef struct
{
  ScsItemGapKind  kind;
  char           *key;        /* stable: "S1.1-08#1", "7", "pledge-2", "product:support-end" … */
  char           *reference;  /* as shown: "S1.1-08 #1", "No. 7", "" for a record */
  char           *area;       /* the requirement, question group or record it belongs to */
  char           *subject;    /* the item, question or field */
  char           *finding;    /* what is wrong: "Does not conform", "Don’t know (−1 point)" … */
  char           *next_step;  /* our suggestion, in our own words */
} ScsItemGap;

void    scs_item_gap_free (ScsItemGap *gap);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScsItemGap, scs_item_gap_free)

/* TRUE for a JC-STAR ★1 or SECURITY ACTION workspace: its gaps are
 * scs_diagnosis_list_item_gaps ()'s, it has no tier or vendor plan. */
gboolean      scs_diagnosis_is_item_based    (ScsDiagnosis  *self);
/* The date the label expiry is counted from (YYYY-MM-DD); NULL: today
 * (UTC), the default. */
gboolean      scs_diagnosis_set_today        (ScsDiagnosis  *self,
                                              const char    *today,
                                              GError       **error);
/* Of ScsItemGap*, in the order of the checklist: JC-STAR ★1 — the product
 * record (missing, no support-period end or past it, no disclosure policy
 * URL or contact), the label (expired, or expiring within
 * SCS_DIAGNOSIS_LABEL_WARNING_DAYS), then per requirement not met nor
 * waived its items that do not conform or are unanswered, and any item
 * not applicable without a reason; SECURITY ACTION — at ★1 (the level
 * declared, else ★1 until the self-check or policy is begun) the pledge
 * items not taken, at ★2 the questions unanswered, answered "don't know"
 * and partly or not done, the missing basic policy and policy URL. */
GPtrArray    *scs_diagnosis_list_item_gaps   (ScsDiagnosis  *self,
                                              GError       **error);
/* For a reader of the file that does not open it as a workspace (the
 * portfolio), on its connection: how many gaps scs_diagnosis_list_item_gaps ()
 * lists but those that depend on the day, and the dates they depend on
 * (JC-STAR ★1: the end of the support period and the label's expiry; NULL
 * when not recorded) for scs_diagnosis_count_dated_item_gaps (). A file
 * older than the shared answer table (not yet migrated) has none. */
gboolean      scs_diagnosis_read_item_gap_summary (sqlite3           *db,
                                                   const char        *path,
                                                   ScsWorkspaceType   type,
                                                   guint             *n_gaps,
                                                   char             **support_end,
                                                   char             **label_expires,
                                                   GError           **error);
/* The gaps of those dates on @today: the support period over, the label
 * expired or expiring within SCS_DIAGNOSIS_LABEL_WARNING_DAYS. */
guint         scs_diagnosis_count_dated_item_gaps (const char  *support_end,
                                                   const char  *label_expires,
                                                   const GDate *today);

/* Stores the plan for one criterion. NULL arguments keep what is stored.
 * Validates support, grades and the due date; one transaction, audited,
 * emits ::changed. A self-declaration has no plan per gap nor tier: this
 * and scs_diagnosis_set_needs_on_site () refuse it, writing nothing. */
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

/* The exports and the report below follow the workspace's type: the SCS
 * gaps with the vendor's plan, or a self-declaration's gaps with our
 * suggested next step. */

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
 * list with the plan; for a self-declaration, its gaps with the next
 * steps. @date (YYYY-MM-DD) is printed, fixes the PDF date and is the day
 * a label's expiry is counted from; NULL is scs_diagnosis_set_today ()'s
 * day. */
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
