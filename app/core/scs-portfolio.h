/* scs-portfolio.h: a vendor's list of client workspaces, read without loading them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "scs-renewal.h"
#include "scs-review.h"
#include "scs-workspace-type.h"

G_BEGIN_DECLS

#define SCS_PORTFOLIO_ERROR (scs_portfolio_error_quark ())

typedef enum
{
  SCS_PORTFOLIO_ERROR_UNREADABLE, /* not a workspace, damaged, newer, I/O */
  SCS_PORTFOLIO_ERROR_FOLDER,     /* the folder cannot be listed */
} ScsPortfolioError;

GQuark scs_portfolio_error_quark (void);

/* One client: what a row of the portfolio shows. All read-only properties. */
#define SCS_TYPE_PORTFOLIO_ENTRY (scs_portfolio_entry_get_type ())
G_DECLARE_FINAL_TYPE (ScsPortfolioEntry, scs_portfolio_entry, SCS, PORTFOLIO_ENTRY, GObject)

const char    *scs_portfolio_entry_get_path         (ScsPortfolioEntry *self);
/* NULL for a readable workspace; the reason it was skipped otherwise. */
const char    *scs_portfolio_entry_get_error        (ScsPortfolioEntry *self);
const char    *scs_portfolio_entry_get_company      (ScsPortfolioEntry *self);
guint          scs_portfolio_entry_get_level        (ScsPortfolioEntry *self);
guint          scs_portfolio_entry_get_cycle        (ScsPortfolioEntry *self);
guint          scs_portfolio_entry_get_satisfied    (ScsPortfolioEntry *self);
guint          scs_portfolio_entry_get_total        (ScsPortfolioEntry *self);
/* Unanswered + not met criteria up to the level; for a JC-STAR ★1 or
 * SECURITY ACTION workspace, the gaps its diagnosis lists on the
 * portfolio's day (scs_diagnosis_list_item_gaps ()). */
guint          scs_portfolio_entry_get_open_gaps    (ScsPortfolioEntry *self);
gboolean       scs_portfolio_entry_get_ready        (ScsPortfolioEntry *self);
/* The next date of the star's life cycle (★4: the yearly self-assessment,
 * then the re-evaluation; ★3: the renewal), NULL without a certification. */
const char    *scs_portfolio_entry_get_next_due     (ScsPortfolioEntry *self,
                                                     ScsDueKind        *kind);
/* The registry entry: "valid", "suspended" or "withdrawn" (NULL without
 * one), and ★4's evaluation body and technical-verification provider. */
const char    *scs_portfolio_entry_get_registry_status (ScsPortfolioEntry *self);
/* YYYY-MM-DD: the correction report of an open evaluation finding is due. */
const char    *scs_portfolio_entry_get_correction_due  (ScsPortfolioEntry *self);
const char    *scs_portfolio_entry_get_evaluation_body (ScsPortfolioEntry *self);
const char    *scs_portfolio_entry_get_tv_provider     (ScsPortfolioEntry *self);
/* The catalog lacks criteria of the target level (★4 on the built-in one):
 * satisfied/total then count only the known ones and must not be shown as
 * a readiness. */
gboolean       scs_portfolio_entry_get_criteria_missing (ScsPortfolioEntry *self);
ScsReviewState scs_portfolio_entry_get_review_state (ScsPortfolioEntry *self);
gboolean       scs_portfolio_entry_get_signed       (ScsPortfolioEntry *self);
gboolean       scs_portfolio_entry_get_declared     (ScsPortfolioEntry *self);
/* Local date (YYYY-MM-DD) of the last final package exported for the
 * current cycle, NULL when none was. */
const char    *scs_portfolio_entry_get_submitted    (ScsPortfolioEntry *self);
/* Registry: level granted and date, expiry from the validity data. */
guint          scs_portfolio_entry_get_obtained_level (ScsPortfolioEntry *self);
const char    *scs_portfolio_entry_get_obtained     (ScsPortfolioEntry *self);
const char    *scs_portfolio_entry_get_expiry       (ScsPortfolioEntry *self);
ScsExpiryState scs_portfolio_entry_get_expiry_state (ScsPortfolioEntry *self);
/* What the workspace is for; for JC-STAR ★1 the expiry is the label's. */
ScsWorkspaceType scs_portfolio_entry_get_workspace_type (ScsPortfolioEntry *self);
/* A JC-STAR or SECURITY ACTION workspace: how many of its items are answered
 * (its ★ level and readiness are SCS figures, not its own). */
guint            scs_portfolio_entry_get_items_answered (ScsPortfolioEntry *self);
/* A service provider's three dates (NULL when not recorded); its expiry is
 * the earliest, warned about like a ★4's. */
typedef enum
{
  SCS_PORTFOLIO_PROVIDER_CERTIFICATION,
  SCS_PORTFOLIO_PROVIDER_ISMS,
  SCS_PORTFOLIO_PROVIDER_STAR4,
  SCS_PORTFOLIO_N_PROVIDER_DATES
} ScsPortfolioProviderDate;
const char    *scs_portfolio_entry_get_provider_date (ScsPortfolioEntry       *self,
                                                      ScsPortfolioProviderDate which);
int            scs_portfolio_entry_get_days_left    (ScsPortfolioEntry *self);
/* Kinds of significant change recorded for the current cycle. */
const char * const *
               scs_portfolio_entry_get_changes      (ScsPortfolioEntry *self);
gboolean       scs_portfolio_entry_get_needs_check  (ScsPortfolioEntry *self);
const char    *scs_portfolio_entry_get_last_change  (ScsPortfolioEntry *self);
/* 法人番号 (NULL for a sole proprietor); the vendor's size and sector of
 * the client ("" when not given, see scs_diagnosis_set_client ()). */
const char    *scs_portfolio_entry_get_corporate_number (ScsPortfolioEntry *self);
const char    *scs_portfolio_entry_get_size         (ScsPortfolioEntry *self);
const char    *scs_portfolio_entry_get_sector       (ScsPortfolioEntry *self);
/* The catalog's criterion ID → GUINT_TO_POINTER (level), shared between
 * entries on one catalog; NULL for an unreadable file. */
GHashTable    *scs_portfolio_entry_get_levels       (ScsPortfolioEntry *self);
/* Criteria up to the level not met nor NA (unanswered included), in no
 * order; of the previous cycle too (previous level 0: there is none). */
const char * const *
               scs_portfolio_entry_get_unmet        (ScsPortfolioEntry *self);
guint          scs_portfolio_entry_get_previous_level (ScsPortfolioEntry *self);
const char * const *
               scs_portfolio_entry_get_previous_unmet (ScsPortfolioEntry *self);

/* Reads the row of one file: read-only SQLite, query_only, only the
 * tables a row needs; never a full load, never a write (a workspace open
 * in the app stays untouched). Always returns an entry; an unreadable file
 * has its reason in :error. @catalog_cache maps catalog SHA-256 to a
 * criterion → level table, shared across calls (may be NULL). */
ScsPortfolioEntry *scs_portfolio_entry_read         (const char   *path,
                                                     ScsValidity  *validity,
                                                     const GDate  *today,
                                                     GHashTable   *catalog_cache);

/* Rows already read, keyed by file identity and modification (device,
 * inode, size, modification and status-change times, and of the -wal its
 * inode, size, modification time and the log SQLite would recover from
 * it): re-listing reads only the files that changed, also those another
 * process holds open. A file changed
 * less than SCS_PORTFOLIO_CACHE_SETTLE_SECONDS ago is always read (a
 * change within the same tick of the file system's clock would keep its
 * times). Thread-safe; shared by reference. */
typedef struct _ScsPortfolioCache ScsPortfolioCache;

#define SCS_PORTFOLIO_CACHE_SETTLE_SECONDS 2

ScsPortfolioCache *scs_portfolio_cache_new      (void);
/* A cache that also keeps its rows in @file (NULL: scs-workbench/
 * portfolio-rows in the user's cache folder), read at the first listing
 * and written after a listing that read files, so a new process lists
 * unchanged files without opening them. Only the listing uses those rows;
 * a file that is damaged, foreign or of another version is ignored and
 * replaced. */
ScsPortfolioCache *scs_portfolio_cache_new_persistent (const char *file);
ScsPortfolioCache *scs_portfolio_cache_ref      (ScsPortfolioCache *cache);
void               scs_portfolio_cache_unref    (ScsPortfolioCache *cache);
/* How many files the cache had to read (not found or changed). */
guint              scs_portfolio_cache_get_n_read (ScsPortfolioCache *cache);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScsPortfolioCache, scs_portfolio_cache_unref)

/* 法人番号 → GPtrArray of the paths of the readable entries that carry it,
 * for every number found more than once (copies of one client). */
GHashTable        *scs_portfolio_find_duplicates (GListModel *entries);

#define SCS_TYPE_PORTFOLIO (scs_portfolio_get_type ())
G_DECLARE_FINAL_TYPE (ScsPortfolio, scs_portfolio, SCS, PORTFOLIO, GObject)

/* @today NULL: the local date. */
ScsPortfolio *scs_portfolio_new              (ScsValidity   *validity,
                                              const GDate   *today);
/* GListModel of ScsPortfolioEntry, unreadable files included. */
GListModel   *scs_portfolio_get_entries      (ScsPortfolio  *self);
/* Adds every regular file of @dir and its subfolders (sorted by path;
 * hidden files and folders and SQLite's -wal/-shm/-journal side files left
 * out, symbolic links to folders not followed): workspaces as rows,
 * anything else as an unreadable entry with the reason. Files unchanged
 * since the portfolio's cache read them are not read again. */
gboolean      scs_portfolio_add_folder       (ScsPortfolio  *self,
                                              const char    *dir,
                                              GCancellable  *cancellable,
                                              GError       **error);
/* The rows of @dir, as scs_portfolio_add_folder () reads them, without
 * touching any portfolio: safe to call in a worker thread (GTask) while
 * the GUI stays responsive. @cache (may be NULL) gives and keeps rows of
 * unchanged files. Of ScsPortfolioEntry*. */
GPtrArray    *scs_portfolio_read_folder      (const char         *dir,
                                              ScsValidity        *validity,
                                              const GDate        *today,
                                              ScsPortfolioCache  *cache,
                                              GCancellable       *cancellable,
                                              GError            **error);
/* The same on a worker thread (its reader threads open and close each
 * file's connection themselves): @validity must stay alive and unchanged
 * until @callback runs. _finish: the rows, or NULL with @error set
 * (G_IO_ERROR_CANCELLED when cancelled). */
void          scs_portfolio_read_folder_async  (const char         *dir,
                                                ScsValidity        *validity,
                                                const GDate        *today,
                                                ScsPortfolioCache  *cache,
                                                GCancellable       *cancellable,
                                                GAsyncReadyCallback callback,
                                                gpointer            user_data);
GPtrArray    *scs_portfolio_read_folder_finish (GAsyncResult       *result,
                                                GError            **error);
/* The portfolio's cache (every portfolio has one); set another to share it
 * between portfolios. */
ScsPortfolioCache *scs_portfolio_get_cache   (ScsPortfolio  *self);
void          scs_portfolio_set_cache        (ScsPortfolio      *self,
                                              ScsPortfolioCache *cache);
/* Appends rows read by scs_portfolio_read_folder (), in one change. */
void          scs_portfolio_append_entries   (ScsPortfolio  *self,
                                              GPtrArray     *entries);
const GDate  *scs_portfolio_get_today        (ScsPortfolio  *self);
ScsPortfolioEntry *
              scs_portfolio_add_file         (ScsPortfolio  *self,
                                              const char    *path);
/* Re-reads the entry of @path (after the app changed it). */
void          scs_portfolio_refresh          (ScsPortfolio  *self,
                                              const char    *path);
void          scs_portfolio_clear            (ScsPortfolio  *self);

G_END_DECLS
