/* scs-renewal.h: renewal cycles, validity periods, expiry and significant changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

#include "scs-answer.h"
#include "scs-date.h"
#include "scs-workspace.h"

G_BEGIN_DECLS

#define SCS_RENEWAL_ERROR (scs_renewal_error_quark ())

typedef enum
{
  SCS_RENEWAL_ERROR_INVALID,    /* bad date, level, unknown change kind or cycle */
  SCS_RENEWAL_ERROR_DATA,       /* the validity data file is broken */
  SCS_RENEWAL_ERROR_OPEN,       /* a renewal is started while the last one is open */
} ScsRenewalError;

GQuark scs_renewal_error_quark (void);

/* ------------------------------------------------------------------------ */
/* Validity periods and significant changes: data (data/vendor/validity.xml) */

typedef struct _ScsValidity ScsValidity;

typedef struct
{
  const char *id;      /* "scope", "cloud-migration", … */
  const char *title_ja;
  const char *title_en;
  gboolean    description_required;  /* "other": the change said in words */
} ScsSignificantChange;

/* The built-in data (a GResource), or another file's bytes (tests, updates). */
ScsValidity  *scs_validity_load_default       (GError      **error);
ScsValidity  *scs_validity_load_bytes         (GBytes       *xml,
                                               GError      **error);
void          scs_validity_free               (ScsValidity  *validity);
/* 0 when the level is unknown. */
guint         scs_validity_get_years          (ScsValidity  *validity,
                                               guint         level);
guint         scs_validity_get_warn_days      (ScsValidity  *validity,
                                               guint         level);
gboolean      scs_validity_is_provisional     (ScsValidity  *validity);
/* Localised "a new check by the security expert" … */
const char   *scs_validity_get_check_label    (ScsValidity  *validity,
                                               guint         level);
/* Expiry: the day before the same date @years later (a star obtained on
 * 2027-04-01 for 1 year is valid through 2028-03-31). NULL if unknown. */
GDate        *scs_validity_compute_expiry     (ScsValidity  *validity,
                                               guint         level,
                                               const GDate  *obtained);

typedef enum
{
  SCS_DUE_SELF_ASSESSMENT,  /* ★4: the yearly self-assessment to the evaluation body */
  SCS_DUE_RENEWAL,          /* the expiry: a new expert check (★3) or re-evaluation (★4) */
} ScsDueKind;

/* The next date due in the star's life cycle, from @today. */
GDate        *scs_validity_next_due           (ScsValidity  *validity,
                                               guint         level,
                                               const GDate  *obtained,
                                               const GDate  *today,
                                               ScsDueKind   *kind);
/* What a minor change needs at @level (validity.xml <minor-change>). */
gboolean      scs_validity_minor_change_needs_declaration (ScsValidity *validity,
                                                           guint        level);
/* The period of the correction report after an evaluation finding, in
 * months (0: the scheme sets none for @level); *provisional when the
 * number is only the policy's example. */
guint         scs_validity_get_correction_months (ScsValidity *validity,
                                                  guint        level,
                                                  gboolean    *provisional);
guint         scs_validity_get_n_changes      (ScsValidity  *validity);
const ScsSignificantChange *
              scs_validity_get_change         (ScsValidity  *validity,
                                               guint         index);
const ScsSignificantChange *
              scs_validity_lookup_change      (ScsValidity  *validity,
                                               const char   *id);
const char   *scs_significant_change_get_title (const ScsSignificantChange *change);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScsValidity, scs_validity_free)

typedef enum
{
  SCS_EXPIRY_NONE,     /* not obtained: no expiry */
  SCS_EXPIRY_VALID,
  SCS_EXPIRY_SOON,     /* within the warning period */
  SCS_EXPIRY_EXPIRED,
} ScsExpiryState;

/* Days from @today to @expiry (negative once expired) and the state. */
ScsExpiryState scs_expiry_state               (ScsValidity  *validity,
                                               guint         level,
                                               const GDate  *expiry,
                                               const GDate  *today,
                                               gint         *days_left);

/* ------------------------------------------------------------------------ */
/* Cycles in a workspace                                                     */

typedef struct
{
  gint64  assessment_id;
  guint   cycle;         /* 0 initial, n renewal n */
  guint   target_level;
  char   *created;
} ScsCycleInfo;

void       scs_cycle_info_free                (ScsCycleInfo *info);

/* Of ScsCycleInfo*, oldest first. */
GPtrArray *scs_renewal_list_cycles            (ScsWorkspace  *workspace,
                                               GError       **error);

/* Starts renewal n+1 from the current cycle: a new assessment row at the
 * same target level and catalog; answers (state, note, reason, original
 * author and time) and evidence links are carried forward, each marked as
 * to be re-confirmed. The workspace switches to the new cycle. One
 * transaction; on error nothing changes. Refused (SCS_RENEWAL_ERROR_OPEN)
 * while the current cycle still has carried answers to re-confirm. Returns
 * the new cycle number (0 on error). */
guint      scs_renewal_start                  (ScsWorkspace  *workspace,
                                               GError       **error);

/* Marks a carried answer of the current cycle as re-confirmed (also done
 * implicitly by any later change of the answer). */
gboolean   scs_renewal_confirm                (ScsWorkspace  *workspace,
                                               const char    *criterion_id,
                                               GError       **error);
/* The same for several answers, all or none: one unknown or not carried
 * (or already re-confirmed) refuses the lot and nothing is written. */
gboolean   scs_renewal_confirm_all            (ScsWorkspace        *self,
                                               const char * const  *criterion_ids,
                                               GError             **error);
/* Carried answers of the current cycle not yet re-confirmed (IDs). */
GStrv      scs_renewal_list_unconfirmed       (ScsWorkspace  *workspace,
                                               GError       **error);

typedef enum
{
  SCS_CHANGE_STATE    = 1 << 0,
  SCS_CHANGE_NOTE     = 1 << 1,
  SCS_CHANGE_REASON   = 1 << 2,
  SCS_CHANGE_EVIDENCE = 1 << 3,
} ScsChangeFlags;

typedef struct
{
  char           *criterion_id;
  ScsChangeFlags  changes;       /* 0: same in both cycles */
  ScsAnswerState  old_state;
  ScsAnswerState  new_state;
  char           *old_note;
  char           *new_note;
  char           *old_reason;
  char           *new_reason;
  guint           old_evidence;
  guint           new_evidence;
  gboolean        carried;       /* carried forward into cycle B */
  gboolean        reconfirmed;   /* carried and re-confirmed in cycle B */
} ScsCycleDiff;

void       scs_cycle_diff_free                (ScsCycleDiff *diff);

/* Compares cycle @a with cycle @b, criterion by criterion (catalog order).
 * Returns every criterion of either cycle; those with changes != 0 are
 * exactly the changed items. */
GPtrArray *scs_renewal_compare                (ScsWorkspace  *workspace,
                                               guint          cycle_a,
                                               guint          cycle_b,
                                               GError       **error);

/* The star granted for the current cycle (registry entry). */
gboolean   scs_renewal_record_certification   (ScsWorkspace  *workspace,
                                               guint          level,
                                               const char    *obtained, /* YYYY-MM-DD */
                                               const char    *registry_id,
                                               GError       **error);
typedef enum
{
  SCS_CERTIFICATION_VALID,
  SCS_CERTIFICATION_SUSPENDED,
  SCS_CERTIFICATION_WITHDRAWN,
} ScsCertificationStatus;

/* "valid", "suspended", "withdrawn" */
gboolean    scs_certification_status_from_string (const char             *text,
                                                  ScsCertificationStatus *status);
/* The newest registry entry's ★4 fields and status (NULL keeps a value). */
gboolean   scs_renewal_set_registry           (ScsWorkspace  *workspace,
                                               const char    *evaluation_body,
                                               const char    *tv_provider,
                                               const char    *status,
                                               GError       **error);
/* The newest certification of any cycle: level and date; FALSE if none. */
gboolean   scs_renewal_get_certification      (ScsWorkspace  *workspace,
                                               guint         *level,
                                               char         **obtained,
                                               GError       **error);

/* A change the scheme treats as significant, recorded for the current
 * cycle: the workspace then needs a new expert check (★3) / evaluation (★4). */
gboolean   scs_renewal_record_change          (ScsWorkspace  *workspace,
                                               ScsValidity   *validity,
                                               const char    *kind,
                                               const char    *description,
                                               GError       **error);
/* A nonconformity found in the evaluation of the current cycle, on @found
 * (the on-site review; not in the future), or its correction report sent
 * on @corrected (NULL: still open). Refused without a date or with a
 * correction before the finding. */
gboolean   scs_renewal_record_finding         (ScsWorkspace  *workspace,
                                               const char    *found,
                                               const char    *corrected,
                                               GError       **error);

typedef enum
{
  SCS_LIFE_VALID_UNTIL,       /* the star's expiry */
  SCS_LIFE_SELF_ASSESSMENT,   /* ★4: the next yearly self-assessment */
  SCS_LIFE_RENEWAL,           /* ★3 new expert check / ★4 re-evaluation, due by the expiry */
  SCS_LIFE_CORRECTION,        /* the correction report of an open finding */
  SCS_LIFE_STATUS,            /* suspended or withdrawn (no date) */
} ScsLifeEventKind;

typedef enum
{
  SCS_LIFE_OK,
  SCS_LIFE_SOON,      /* within the level's warning days */
  SCS_LIFE_OVERDUE,   /* past, or a star suspended or withdrawn */
} ScsLifeUrgency;

typedef struct
{
  ScsLifeEventKind  kind;
  char             *label;        /* translated: "Yearly self-assessment due" */
  char             *date;         /* YYYY-MM-DD, NULL for a status */
  int               days_left;    /* from today; negative: overdue */
  ScsLifeUrgency    urgency;
  gboolean          provisional;  /* the period is the policy's example */
} ScsLifeEvent;

void       scs_life_event_free                (ScsLifeEvent *event);
/* The dates of the workspace's life cycle from @today (ScsLifeEvent*,
 * soonest first, a status first): empty when no star is recorded and no
 * finding is open. */
GPtrArray *scs_renewal_list_life_cycle        (ScsWorkspace  *workspace,
                                               ScsValidity   *validity,
                                               const GDate   *today,
                                               GError       **error);

/* Kinds recorded for the current cycle (IDs), empty if none. */
GStrv      scs_renewal_list_changes           (ScsWorkspace  *workspace,
                                               GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScsCycleInfo, scs_cycle_info_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScsLifeEvent, scs_life_event_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScsCycleDiff, scs_cycle_diff_free)

/* What a list of workspaces shows of the registry entry and the renewal,
 * read from @db (a read transaction on a file not opened as a workspace;
 * a file older than a table or column simply lacks that part). */
typedef struct
{
  guint  level;            /* of the newest certification; 0: none recorded */
  char  *obtained;         /* YYYY-MM-DD */
  char  *status;           /* "valid", "suspended", "withdrawn"; NULL in older files */
  char  *evaluation_body;
  char  *tv_provider;
  char  *finding;          /* YYYY-MM-DD of an open evaluation finding of @assessment */
  GStrv  changes;          /* kinds of significant change of @assessment, sorted;
                            * NULL in a file without the table */
} ScsRenewalSummary;

void        scs_renewal_read_summary  (sqlite3           *db,
                                       gint64             assessment,
                                       ScsRenewalSummary *summary);
void        scs_renewal_summary_clear (ScsRenewalSummary *summary);

G_END_DECLS
