/* scs-portfolio-stats.h: what a vendor's clients most often do not meet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "scs-csv.h"

G_BEGIN_DECLS

typedef enum
{
  SCS_STATS_ALL,        /* all clients together */
  SCS_STATS_BY_SIZE,    /* per client size (scs_diagnosis_set_client ()) */
  SCS_STATS_BY_SECTOR,  /* per sector */
} ScsStatsGrouping;

/* "all", "size", "sector". */
gboolean    scs_stats_grouping_from_string (const char       *text,
                                            ScsStatsGrouping *grouping);
/* The group's label: "All clients", a size or a sector label. */
const char *scs_stats_group_get_label      (ScsStatsGrouping  grouping,
                                            const char       *group);

/* One line of the statistics: a criterion, or a whole category when
 * @criterion_id is NULL (then the counts are of client × criterion pairs).
 * @clients is how many readable clients it applies to (their level),
 * @unmet how many of them have not met it (unanswered included); the
 * previous_ counts are the same over the cycle before, for the clients
 * that had one. */
typedef struct
{
  char  *group;          /* "" for all clients, or for size/sector not given */
  guint  category;       /* 1–7 */
  char  *criterion_id;   /* NULL: the category */
  guint  clients;
  guint  unmet;
  guint  previous_clients;
  guint  previous_unmet;
} ScsStat;

void       scs_stat_free (ScsStat *stat);

/* Unmet rate in per cent, and its change since the last cycle in
 * percentage points (0 when there was no previous cycle). */
double     scs_stat_get_rate   (const ScsStat *stat);
double     scs_stat_get_change (const ScsStat *stat);

/* Over the readable entries of @entries (ScsPortfolioEntry): per group,
 * the category lines first (by category), then the criteria, the most
 * often unmet first. Of ScsStat*. */
GPtrArray *scs_portfolio_stats_compute (GListModel        *entries,
                                        ScsStatsGrouping   grouping);

/* The statistics as CSV (headers and labels in the UI language) and as a
 * printable PDF for the vendor's planning: per group, bars per category
 * and the @top most often unmet criteria. @date (YYYY-MM-DD) is printed;
 * NULL is today. */
GBytes    *scs_portfolio_stats_to_csv  (GPtrArray         *stats,
                                        ScsStatsGrouping   grouping,
                                        ScsCsvEncoding     encoding,
                                        GError           **error);
GBytes    *scs_portfolio_stats_to_pdf  (GPtrArray         *stats,
                                        ScsStatsGrouping   grouping,
                                        guint              top,
                                        const char        *date,
                                        GError           **error);

/* The portfolio as a table for a spreadsheet, one row per readable client
 * (headers and values in the UI language): file, company, 法人番号 (and
 * the other files carrying it: copies of one client), level, cycle,
 * readiness, open gaps, review, obtained, expiry (a date in the workbook),
 * days left, size, sector. */
GBytes    *scs_portfolio_export_csv    (GListModel        *entries,
                                        ScsCsvEncoding     encoding,
                                        GError           **error);
GBytes    *scs_portfolio_export_xlsx   (GListModel        *entries,
                                        GError           **error);

/* Reminders: clients whose star expires, or whose yearly self-assessment
 * falls due (a year after the star was obtained, and each year after, up
 * to the expiry), within @days of @today (expired ones included). Of
 * ScsReminder*, soonest first. */
#define SCS_PORTFOLIO_REMINDER_DAYS 60

typedef struct
{
  char     *path;
  char     *company;
  gboolean  expiry;    /* TRUE: the star expires; FALSE: the yearly self-assessment */
  char     *date;      /* YYYY-MM-DD */
  int       days;      /* from today; negative: past */
} ScsReminder;

void       scs_reminder_free             (ScsReminder *reminder);
GPtrArray *scs_portfolio_list_reminders  (GListModel  *entries,
                                          const GDate *today,
                                          guint        days);

/* ------------------------------------------------------------------------ */
/* Bulk actions on a selection of clients                                    */

typedef enum
{
  SCS_BULK_DIAGNOSE,    /* each one's diagnosis report (PDF) and gap list (XLSX) into a folder */
  SCS_BULK_RENEW,       /* start the renewal */
  SCS_BULK_RECONFIRM,   /* re-confirm every carried answer of the cycle */
} ScsBulkAction;

typedef struct
{
  char *path;
  char *reason;   /* translated, as the core said it */
} ScsBulkFailure;

/* "diagnose", "renew", "reconfirm". */
gboolean   scs_bulk_action_from_string   (const char     *text,
                                          ScsBulkAction  *action);
void       scs_bulk_failure_free         (ScsBulkFailure *failure);
/* Runs @action on each of @paths, each atomic in its own workspace (a
 * client that fails is left as it was and the others go on); @out_dir is
 * where diagnose writes. Returns the failures (ScsBulkFailure*, in the
 * order of @paths) and sets *@n_done. Safe to call from a worker thread;
 * @cancellable stops before the next client. */
GPtrArray *scs_portfolio_run_bulk        (ScsBulkAction        action,
                                          const char * const  *paths,
                                          const char          *out_dir,
                                          GCancellable        *cancellable,
                                          guint               *n_done);
/* The same on a worker thread (each client opened and closed there):
 * _finish gives the failures and sets *@n_done. */
void       scs_portfolio_run_bulk_async  (ScsBulkAction        action,
                                          const char * const  *paths,
                                          const char          *out_dir,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
GPtrArray *scs_portfolio_run_bulk_finish (GAsyncResult        *result,
                                          guint               *n_done);

G_END_DECLS
