/* scs-portfolio.c: a vendor's list of client workspaces, read without loading them
 *
 * A お助け隊 vendor serves hundreds to thousands of clients, so the
 * portfolio must list 10,000 workspaces quickly and must never disturb a
 * workspace that is open in the app at the same time. Each file is first
 * checked by its 100-byte SQLite header (magic and application_id) without
 * SQLite, so a foreign or truncated file is refused without SQLite touching
 * it, and then opened with PRAGMA query_only in one read transaction: no
 * migration, no WAL set-up, no write statement (see read_file () for why
 * not SQLITE_OPEN_READONLY, and for the exclusive locking mode that spares
 * the -shm file when no one else has the file). What a full open would
 * refuse is refused here too (scs_workspace_check_format (): versions and
 * the exact schema, so a trigger another program added is never listed as
 * a client). A row reads only what it shows, each table through the
 * module that owns it, on this connection: of the workspace's own tables
 * (scs-workspace-summary.c) the organisation's name, the newest assessment,
 * its answers (once, for readiness and statistics), the embedded catalog
 * and the last audit time; and what each feature module reports of its
 * tables through its read_summary function (review, certification and
 * renewal, type, a self-declaration's gaps and dates, provider dates, the
 * last submission, the client's size and sector); a file older than a
 * module's tables simply lacks that part. Most of a cold row is SQLite
 * parsing the file's schema (docs/benchmarks.md). Readiness needs to know
 * which criteria belong to which level, which is in the embedded catalog;
 * that catalog is parsed once per distinct SHA-256 and thread and shared
 * across rows. A file that
 * cannot be read becomes an entry with the reason; it never stops the
 * listing.
 *
 * The cache (ScsPortfolioCache) keeps the rows of files read, keyed by the
 * file's identity and times and its -wal's log, so a re-listing reads only
 * what changed, a file open elsewhere included; a
 * persistent one also keeps them in a file (the window's: in the user's
 * cache folder), so a new process lists an unchanged folder without opening
 * its files. What a row shows that depends on the day or on validity.xml is
 * computed again from the facts kept (entry_derive_dates ()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "scs-portfolio.h"
#include "scs-portfolio-private.h"
#include "scs-file.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "scs-catalog.h"
#include "scs-diagnosis.h"
#include "scs-fs.h"
#include "scs-items.h"
#include "scs-provider.h"
#include "scs-sha256.h"
#include "scs-submission.h"
#include "scs-workspace-private.h"

G_DEFINE_QUARK (scs-portfolio-error-quark, scs_portfolio_error)

/* ------------------------------------------------------------------------ */
/* Entry                                                                     */

struct _ScsPortfolioEntry
{
  GObject         parent_instance;

  char           *path;
  char           *basename;
  char           *error;
  char           *company;
  guint           level;
  guint           cycle;
  guint           satisfied;
  guint           total;
  guint           open_gaps;
  gboolean        ready;
  gboolean        criteria_missing;
  ScsReviewState  review_state;
  gboolean        signed_;
  gboolean        declared;
  guint           obtained_level;
  char           *obtained;
  char           *expiry;
  char           *next_due;
  char           *correction_due;   /* an open finding's correction report */
  char           *registry_status;
  char           *evaluation_body;
  char           *tv_provider;
  ScsDueKind      next_due_kind;
  ScsExpiryState  expiry_state;
  int             days_left;
  GStrv           changes;
  char           *last_change;
  char           *submitted;
  ScsWorkspaceType workspace_type;
  guint            items_answered;  /* an item-based type's answers */
  char           *provider_dates[SCS_PORTFOLIO_N_PROVIDER_DATES];
  /* Facts the dates above are derived from (entry_derive_dates ()). */
  char           *finding;          /* an open evaluation finding, YYYY-MM-DD */
  char           *label_expiry;     /* a JC-STAR ★1 label's */
  char           *support_end;      /* a JC-STAR ★1 product's support period */
  guint           item_gaps;        /* an item-based type's gaps but those of dates */
  char           *catalog_sha256;   /* the catalog the criteria come from */
  GHashTable     *catalog_levels;   /* its criterion → level (@levels: SCS only) */
  /* For statistics and duplicates (scs-portfolio-stats.c). */
  char           *corporate_number;
  char           *size;
  char           *sector;
  GHashTable     *levels;           /* the catalog's criterion → level, shared */
  GStrv           unmet;            /* criteria up to the level not met nor NA */
  guint           previous_level;   /* 0: no previous cycle */
  GStrv           previous_unmet;
};

G_DEFINE_FINAL_TYPE (ScsPortfolioEntry, scs_portfolio_entry, G_TYPE_OBJECT)

enum
{
  ENTRY_PROP_0,
  ENTRY_PROP_PATH,
  ENTRY_PROP_BASENAME,
  ENTRY_PROP_ERROR,
  ENTRY_PROP_COMPANY,
  ENTRY_PROP_LEVEL,
  ENTRY_PROP_CYCLE,
  ENTRY_PROP_SATISFIED,
  ENTRY_PROP_TOTAL,
  ENTRY_PROP_OPEN_GAPS,
  ENTRY_PROP_READY,
  ENTRY_PROP_REVIEW_LABEL,
  ENTRY_PROP_SIGNED,
  ENTRY_PROP_OBTAINED,
  ENTRY_PROP_EXPIRY,
  ENTRY_PROP_DAYS_LEFT,
  ENTRY_PROP_EXPIRY_STATE,
  ENTRY_PROP_NEEDS_CHECK,
  ENTRY_PROP_LAST_CHANGE,
  ENTRY_PROP_SUBMITTED,
  N_ENTRY_PROPS
};

static GParamSpec *entry_properties[N_ENTRY_PROPS];

static void
scs_portfolio_entry_finalize (GObject *object)
{
  ScsPortfolioEntry *self = SCS_PORTFOLIO_ENTRY (object);

  g_free (self->path);
  g_free (self->basename);
  g_free (self->error);
  g_free (self->company);
  g_free (self->obtained);
  g_free (self->expiry);
  for (guint i = 0; i < SCS_PORTFOLIO_N_PROVIDER_DATES; i++)
    g_free (self->provider_dates[i]);
  g_free (self->finding);
  g_free (self->label_expiry);
  g_free (self->support_end);
  g_free (self->catalog_sha256);
  g_free (self->next_due);
  g_free (self->correction_due);
  g_free (self->registry_status);
  g_free (self->evaluation_body);
  g_free (self->tv_provider);
  g_strfreev (self->changes);
  g_free (self->last_change);
  g_free (self->submitted);
  g_free (self->corporate_number);
  g_free (self->size);
  g_free (self->sector);
  g_clear_pointer (&self->levels, g_hash_table_unref);
  g_clear_pointer (&self->catalog_levels, g_hash_table_unref);
  g_strfreev (self->unmet);
  g_strfreev (self->previous_unmet);
  G_OBJECT_CLASS (scs_portfolio_entry_parent_class)->finalize (object);
}

static void
scs_portfolio_entry_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  ScsPortfolioEntry *self = SCS_PORTFOLIO_ENTRY (object);

  switch (prop_id)
    {
    case ENTRY_PROP_PATH: g_value_set_string (value, self->path); break;
    case ENTRY_PROP_BASENAME: g_value_set_string (value, self->basename); break;
    case ENTRY_PROP_ERROR: g_value_set_string (value, self->error); break;
    case ENTRY_PROP_COMPANY: g_value_set_string (value, self->company); break;
    case ENTRY_PROP_LEVEL: g_value_set_uint (value, self->level); break;
    case ENTRY_PROP_CYCLE: g_value_set_uint (value, self->cycle); break;
    case ENTRY_PROP_SATISFIED: g_value_set_uint (value, self->satisfied); break;
    case ENTRY_PROP_TOTAL: g_value_set_uint (value, self->total); break;
    case ENTRY_PROP_OPEN_GAPS: g_value_set_uint (value, self->open_gaps); break;
    case ENTRY_PROP_READY: g_value_set_boolean (value, self->ready); break;
    case ENTRY_PROP_REVIEW_LABEL:
      g_value_set_string (value, scs_review_state_get_label (self->review_state));
      break;
    case ENTRY_PROP_SIGNED: g_value_set_boolean (value, self->signed_); break;
    case ENTRY_PROP_OBTAINED: g_value_set_string (value, self->obtained); break;
    case ENTRY_PROP_EXPIRY: g_value_set_string (value, self->expiry); break;
    case ENTRY_PROP_DAYS_LEFT: g_value_set_int (value, self->days_left); break;
    case ENTRY_PROP_EXPIRY_STATE: g_value_set_uint (value, self->expiry_state); break;
    case ENTRY_PROP_NEEDS_CHECK: g_value_set_boolean (value, scs_portfolio_entry_get_needs_check (self)); break;
    case ENTRY_PROP_LAST_CHANGE: g_value_set_string (value, self->last_change); break;
    case ENTRY_PROP_SUBMITTED: g_value_set_string (value, self->submitted); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scs_portfolio_entry_class_init (ScsPortfolioEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = scs_portfolio_entry_finalize;
  object_class->get_property = scs_portfolio_entry_get_property;

  entry_properties[ENTRY_PROP_PATH] = g_param_spec_string ("path", NULL, NULL, NULL, ro);
  entry_properties[ENTRY_PROP_BASENAME] = g_param_spec_string ("basename", NULL, NULL, NULL, ro);
  entry_properties[ENTRY_PROP_ERROR] = g_param_spec_string ("error", NULL, NULL, NULL, ro);
  entry_properties[ENTRY_PROP_COMPANY] = g_param_spec_string ("company", NULL, NULL, NULL, ro);
  entry_properties[ENTRY_PROP_LEVEL] = g_param_spec_uint ("level", NULL, NULL, 0, 4, 0, ro);
  entry_properties[ENTRY_PROP_CYCLE] = g_param_spec_uint ("cycle", NULL, NULL, 0, G_MAXUINT, 0, ro);
  entry_properties[ENTRY_PROP_SATISFIED] = g_param_spec_uint ("satisfied", NULL, NULL, 0, G_MAXUINT, 0, ro);
  entry_properties[ENTRY_PROP_TOTAL] = g_param_spec_uint ("total", NULL, NULL, 0, G_MAXUINT, 0, ro);
  entry_properties[ENTRY_PROP_OPEN_GAPS] = g_param_spec_uint ("open-gaps", NULL, NULL, 0, G_MAXUINT, 0, ro);
  entry_properties[ENTRY_PROP_READY] = g_param_spec_boolean ("ready", NULL, NULL, FALSE, ro);
  entry_properties[ENTRY_PROP_REVIEW_LABEL] = g_param_spec_string ("review-label", NULL, NULL, NULL, ro);
  entry_properties[ENTRY_PROP_SIGNED] = g_param_spec_boolean ("signed", NULL, NULL, FALSE, ro);
  entry_properties[ENTRY_PROP_OBTAINED] = g_param_spec_string ("obtained", NULL, NULL, NULL, ro);
  entry_properties[ENTRY_PROP_EXPIRY] = g_param_spec_string ("expiry", NULL, NULL, NULL, ro);
  entry_properties[ENTRY_PROP_DAYS_LEFT] = g_param_spec_int ("days-left", NULL, NULL, G_MININT, G_MAXINT, 0, ro);
  entry_properties[ENTRY_PROP_EXPIRY_STATE] = g_param_spec_uint ("expiry-state", NULL, NULL, 0, 3, 0, ro);
  entry_properties[ENTRY_PROP_NEEDS_CHECK] = g_param_spec_boolean ("needs-check", NULL, NULL, FALSE, ro);
  entry_properties[ENTRY_PROP_LAST_CHANGE] = g_param_spec_string ("last-change", NULL, NULL, NULL, ro);
  entry_properties[ENTRY_PROP_SUBMITTED] = g_param_spec_string ("submitted", NULL, NULL, NULL, ro);
  g_object_class_install_properties (object_class, N_ENTRY_PROPS, entry_properties);
}

static void
scs_portfolio_entry_init (ScsPortfolioEntry *self)
{
}

const char *scs_portfolio_entry_get_path (ScsPortfolioEntry *self) { return self->path; }
const char *scs_portfolio_entry_get_error (ScsPortfolioEntry *self) { return self->error; }
const char *scs_portfolio_entry_get_company (ScsPortfolioEntry *self) { return self->company; }
guint scs_portfolio_entry_get_level (ScsPortfolioEntry *self) { return self->level; }
guint scs_portfolio_entry_get_cycle (ScsPortfolioEntry *self) { return self->cycle; }
guint scs_portfolio_entry_get_satisfied (ScsPortfolioEntry *self) { return self->satisfied; }
guint scs_portfolio_entry_get_total (ScsPortfolioEntry *self) { return self->total; }
guint scs_portfolio_entry_get_open_gaps (ScsPortfolioEntry *self) { return self->open_gaps; }
gboolean scs_portfolio_entry_get_ready (ScsPortfolioEntry *self) { return self->ready; }
gboolean scs_portfolio_entry_get_criteria_missing (ScsPortfolioEntry *self) { return self->criteria_missing; }
ScsReviewState scs_portfolio_entry_get_review_state (ScsPortfolioEntry *self) { return self->review_state; }
gboolean scs_portfolio_entry_get_signed (ScsPortfolioEntry *self) { return self->signed_; }
const char *scs_portfolio_entry_get_submitted (ScsPortfolioEntry *self) { return self->submitted; }
gboolean scs_portfolio_entry_get_declared (ScsPortfolioEntry *self) { return self->declared; }
guint scs_portfolio_entry_get_obtained_level (ScsPortfolioEntry *self) { return self->obtained_level; }
const char *scs_portfolio_entry_get_obtained (ScsPortfolioEntry *self) { return self->obtained; }
const char *scs_portfolio_entry_get_expiry (ScsPortfolioEntry *self) { return self->expiry; }
const char *scs_portfolio_entry_get_registry_status (ScsPortfolioEntry *self) { return self->registry_status; }
const char *scs_portfolio_entry_get_correction_due (ScsPortfolioEntry *self) { return self->correction_due; }
const char *scs_portfolio_entry_get_evaluation_body (ScsPortfolioEntry *self) { return self->evaluation_body; }
const char *scs_portfolio_entry_get_tv_provider (ScsPortfolioEntry *self) { return self->tv_provider; }
const char *scs_portfolio_entry_get_next_due (ScsPortfolioEntry *self, ScsDueKind *kind)
{
  if (kind != NULL)
    *kind = self->next_due_kind;
  return self->next_due;
}
ScsExpiryState scs_portfolio_entry_get_expiry_state (ScsPortfolioEntry *self) { return self->expiry_state; }
ScsWorkspaceType scs_portfolio_entry_get_workspace_type (ScsPortfolioEntry *self) { return self->workspace_type; }
guint scs_portfolio_entry_get_items_answered (ScsPortfolioEntry *self) { return self->items_answered; }

const char *
scs_portfolio_entry_get_provider_date (ScsPortfolioEntry       *self,
                                       ScsPortfolioProviderDate which)
{
  g_return_val_if_fail (SCS_IS_PORTFOLIO_ENTRY (self), NULL);
  g_return_val_if_fail ((guint) which < SCS_PORTFOLIO_N_PROVIDER_DATES, NULL);
  return self->provider_dates[which];
}
int scs_portfolio_entry_get_days_left (ScsPortfolioEntry *self) { return self->days_left; }
const char * const *scs_portfolio_entry_get_changes (ScsPortfolioEntry *self) { return (const char * const *) self->changes; }
gboolean scs_portfolio_entry_get_needs_check (ScsPortfolioEntry *self) { return self->changes != NULL && self->changes[0] != NULL; }
const char *scs_portfolio_entry_get_last_change (ScsPortfolioEntry *self) { return self->last_change; }
const char *scs_portfolio_entry_get_corporate_number (ScsPortfolioEntry *self) { return self->corporate_number; }
const char *scs_portfolio_entry_get_size (ScsPortfolioEntry *self) { return self->size ? self->size : ""; }
const char *scs_portfolio_entry_get_sector (ScsPortfolioEntry *self) { return self->sector ? self->sector : ""; }
GHashTable *scs_portfolio_entry_get_levels (ScsPortfolioEntry *self) { return self->levels; }
const char * const *scs_portfolio_entry_get_unmet (ScsPortfolioEntry *self) { return (const char * const *) self->unmet; }
guint scs_portfolio_entry_get_previous_level (ScsPortfolioEntry *self) { return self->previous_level; }
const char * const *scs_portfolio_entry_get_previous_unmet (ScsPortfolioEntry *self) { return (const char * const *) self->previous_unmet; }

/* ------------------------------------------------------------------------ */
/* Reading one file                                                          */

typedef struct
{
  char       *sha256;
  GHashTable *levels;  /* criterion ID → GUINT_TO_POINTER (level) */
  guint       count[5];
  gboolean    complete[5];
} CatalogLevels;

static void
catalog_levels_free (gpointer data)
{
  CatalogLevels *cl = data;

  g_hash_table_unref (cl->levels);
  g_free (cl->sha256);
  g_free (cl);
}

/* Registers the connection about to be made (the file rule, scs-fs.h) and
 * checks the header when this process holds no other connection to the
 * file (the window may have it open: SQLite's checks in read_rows then). */
static ScsFsHold *
hold_and_check_header (const char  *path,
                       gboolean    *alone,
                       GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  guint8 header[100];
  gsize n = 0;
  gboolean header_read = FALSE;
  ScsFsHold *hold;
  guint32 app_id;

  hold = scs_fs_hold (path, header, sizeof header, &n, &header_read, &local_error);
  if (hold == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE))
        g_set_error (error, SCS_PORTFOLIO_ERROR, SCS_PORTFOLIO_ERROR_UNREADABLE,
                     _("is not an SCS Workbench workspace"));
      else
        g_set_error (error, SCS_PORTFOLIO_ERROR, SCS_PORTFOLIO_ERROR_UNREADABLE,
                     _("cannot be read: %s"), local_error->message);
      return NULL;
    }
  *alone = header_read;
  if (!header_read)
    return hold;

  if (n != sizeof header || memcmp (header, "SQLite format 3", 16) != 0)
    {
      g_set_error (error, SCS_PORTFOLIO_ERROR, SCS_PORTFOLIO_ERROR_UNREADABLE,
                   n > 0 && n < sizeof header && memcmp (header, "SQLite format 3", MIN (n, 15)) == 0
                   ? _("is truncated") : _("is not an SCS Workbench workspace"));
      scs_fs_release (hold);
      return NULL;
    }
  app_id = ((guint32) header[68] << 24) | ((guint32) header[69] << 16) |
           ((guint32) header[70] << 8) | header[71];
  if (app_id != SCS_WORKSPACE_APPLICATION_ID)
    {
      g_set_error (error, SCS_PORTFOLIO_ERROR, SCS_PORTFOLIO_ERROR_UNREADABLE,
                   _("is a database of another application, not an SCS Workbench workspace"));
      scs_fs_release (hold);
      return NULL;
    }
  return hold;
}

static CatalogLevels *
lookup_catalog (sqlite3     *db,
                const char  *sha256,
                GHashTable  *cache,
                GError     **error)
{
  g_autoptr(GBytes) xml = NULL;
  g_autoptr(ScsCatalog) catalog = NULL;
  g_autoptr(GError) local_error = NULL;
  const GPtrArray *criteria;
  CatalogLevels *cl;

  cl = g_hash_table_lookup (cache, sha256);
  if (cl != NULL)
    return cl;

  xml = scs_workspace_read_catalog (db, sha256, error);
  if (xml == NULL)
    return NULL;
  catalog = scs_catalog_new_from_bytes (xml, &local_error);
  if (catalog == NULL)
    {
      g_set_error (error, SCS_PORTFOLIO_ERROR, SCS_PORTFOLIO_ERROR_UNREADABLE,
                   _("is damaged: its embedded catalog cannot be read: %s"), local_error->message);
      return NULL;
    }

  cl = g_new0 (CatalogLevels, 1);
  cl->sha256 = g_strdup (sha256);
  cl->levels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  criteria = scs_catalog_get_criteria (catalog);
  for (guint i = 0; criteria != NULL && i < criteria->len; i++)
    {
      const ScsCriterion *c = g_ptr_array_index (criteria, i);
      g_hash_table_insert (cl->levels, g_strdup (c->id), GUINT_TO_POINTER (c->level));
    }
  for (guint level = 3; level <= 4; level++)
    {
      cl->count[level] = scs_catalog_count_criteria (catalog, level);
      cl->complete[level] = scs_catalog_criteria_complete (catalog, level);
    }
  g_hash_table_insert (cache, g_strdup (sha256), cl);
  return cl;
}

typedef struct
{
  GHashTable *levels;     /* the catalog's criterion → level */
  guint       level;
  GHashTable *met;        /* the catalog's keys of those counted */
  guint       satisfied;
} Satisfied;

static void
count_satisfied (const char *criterion_id,
                 gpointer    user_data)
{
  Satisfied *s = user_data;
  gpointer criterion, criterion_level;

  /* The catalog's own key: the row's text is gone at the next step. */
  if (g_hash_table_lookup_extended (s->levels, criterion_id, &criterion, &criterion_level) &&
      GPOINTER_TO_UINT (criterion_level) <= s->level && g_hash_table_add (s->met, criterion))
    s->satisfied++;
}

/* How many criteria of @levels up to @level assessment @assessment has
 * answered met or NA, and the others (*@unmet, in no order). One query
 * for readiness and statistics. */
static gboolean
read_answers (sqlite3    *db,
              gint64      assessment,
              guint       level,
              GHashTable *levels,
              guint      *satisfied,
              GStrv      *unmet,
              GError    **error)
{
  g_autoptr(GHashTable) met = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  Satisfied s = { levels, level, met, 0 };
  GHashTableIter iter;
  gpointer key, value;

  *satisfied = 0;
  *unmet = NULL;
  if (!scs_workspace_read_settled (db, assessment, count_satisfied, &s, error))
    return FALSE;
  *satisfied = s.satisfied;

  g_hash_table_iter_init (&iter, levels);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (GPOINTER_TO_UINT (value) <= level && !g_hash_table_contains (met, key))
      g_strv_builder_add (builder, key);
  *unmet = g_strv_builder_end (builder);
  return TRUE;
}

/* What statistics and duplicate detection need: the 法人番号, the
 * vendor's size and sector of the client, the unmet criteria of this
 * cycle and of the one before. */
static void
read_for_statistics (ScsPortfolioEntry *entry,
                     sqlite3           *db,
                     gint64             assessment,
                     CatalogLevels     *cl)
{
  g_auto(ScsAssessmentSummary) previous = { 0 };

  scs_diagnosis_read_client_summary (db, &entry->size, &entry->sector);
  /* The statistics across clients count SCS criteria: only SCS
   * assessments take part (an entry without levels is left out). */
  if (entry->workspace_type != SCS_WORKSPACE_TYPE_SCS)
    return;
  entry->levels = g_hash_table_ref (cl->levels);
  if (scs_workspace_read_assessment (db, assessment, &previous, NULL))
    {
      guint ignored;

      entry->previous_level = previous.level;
      read_answers (db, previous.id, entry->previous_level, cl->levels, &ignored, &entry->previous_unmet, NULL);
    }
}

/* What a row shows that depends on the day and on the validity periods,
 * not on the file: the expiry and its state, the next due date, the
 * correction report's date. From the facts read (or kept by the cache). */
static void
entry_derive_dates (ScsPortfolioEntry *entry,
                    ScsValidity       *validity,
                    const GDate       *today)
{
  g_clear_pointer (&entry->expiry, g_free);
  g_clear_pointer (&entry->next_due, g_free);
  g_clear_pointer (&entry->correction_due, g_free);
  entry->expiry_state = SCS_EXPIRY_NONE;
  entry->days_left = 0;
  entry->next_due_kind = 0;

  if (entry->obtained_level > 0)
    {
      g_autoptr(GDate) obtained = scs_date_parse_iso (entry->obtained);
      g_autoptr(GDate) expiry = NULL;
      g_autoptr(GDate) due = NULL;

      expiry = scs_validity_compute_expiry (validity, entry->obtained_level, obtained);
      entry->expiry = scs_date_to_iso (expiry);
      entry->expiry_state = scs_expiry_state (validity, entry->obtained_level, expiry, today,
                                              &entry->days_left);
      due = scs_validity_next_due (validity, entry->obtained_level, obtained, today, &entry->next_due_kind);
      entry->next_due = due != NULL ? scs_date_to_iso (due) : NULL;
    }
  /* An open evaluation finding: its correction report is due within the
   * period of validity.xml. */
  if (entry->finding != NULL)
    {
      g_autoptr(GDate) due = scs_date_parse_iso (entry->finding);
      guint months = scs_validity_get_correction_months (validity, entry->level, NULL);

      if (due != NULL && months > 0)
        {
          g_date_add_months (due, months);
          entry->correction_due = scs_date_to_iso (due);
        }
    }
  /* A JC-STAR ★1 product's label expiry is its expiry (at most two years
   * from issue). */
  if (entry->workspace_type == SCS_WORKSPACE_TYPE_JCSTAR1 && entry->label_expiry != NULL)
    {
      g_autoptr(GDate) expiry = scs_date_parse_iso (entry->label_expiry);

      g_free (entry->expiry);
      entry->expiry = g_strdup (entry->label_expiry);
      entry->expiry_state = scs_expiry_state (validity, entry->level, expiry, today, &entry->days_left);
    }
  /* A self-declaration's gaps: those of its records and, on @today, of
   * its dates (support period, label). */
  if (scs_workspace_type_is_item_based (entry->workspace_type))
    entry->open_gaps = entry->item_gaps +
                       scs_diagnosis_count_dated_item_gaps (entry->support_end, entry->label_expiry, today);
  /* A service provider's dossier: the earliest of its three dates. */
  if (entry->workspace_type == SCS_WORKSPACE_TYPE_PROVIDER)
    {
      const char *earliest = NULL;

      for (guint i = 0; i < SCS_PORTFOLIO_N_PROVIDER_DATES; i++)
        if (entry->provider_dates[i] != NULL &&
            (earliest == NULL || strcmp (entry->provider_dates[i], earliest) < 0))
          earliest = entry->provider_dates[i];
      if (earliest != NULL)
        {
          g_autoptr(GDate) expiry = scs_date_parse_iso (earliest);

          g_free (entry->expiry);
          entry->expiry = g_strdup (earliest);
          entry->expiry_state = scs_expiry_state (validity, 4, expiry, today, &entry->days_left);
        }
    }
}

static gboolean
read_rows (ScsPortfolioEntry  *entry,
           sqlite3            *db,
           ScsValidity        *validity,
           const GDate        *today,
           GHashTable         *cache,
           GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  g_auto(ScsAssessmentSummary) current = { 0 };
  ScsRenewalSummary renewal;
  CatalogLevels *cl;
  gint64 assessment;
  gint64 version = 0;

  /* What a full open would refuse is not listed as a workspace: the same
   * checks but the page-by-page quick_check (a schema altered by another
   * program, a trigger added, a module from a newer version). */
  if (!scs_workspace_check_format (db, entry->path, &version, &local_error))
    {
      if (g_error_matches (local_error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_NOT_A_WORKSPACE))
        g_set_error (error, SCS_PORTFOLIO_ERROR, SCS_PORTFOLIO_ERROR_UNREADABLE,
                     _("is a database of another application, not an SCS Workbench workspace"));
      else if (g_error_matches (local_error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_NEWER_VERSION) &&
               version > SCS_WORKSPACE_SCHEMA_VERSION)
        g_set_error (error, SCS_PORTFOLIO_ERROR, SCS_PORTFOLIO_ERROR_UNREADABLE,
                     _("was written by a newer version of SCS Workbench (format %u)"), (guint) version);
      else
        g_set_error_literal (error, SCS_PORTFOLIO_ERROR, SCS_PORTFOLIO_ERROR_UNREADABLE, local_error->message);
      return FALSE;
    }

  if (!scs_workspace_read_organization (db, &entry->company, &entry->corporate_number, error))
    return FALSE;
  /* The current cycle is the newest assessment, as the workspace loads it. */
  if (!scs_workspace_read_assessment (db, 0, &current, error))
    return FALSE;
  assessment = current.id;
  entry->level = current.level;
  entry->cycle = current.cycle;

  cl = lookup_catalog (db, current.catalog_sha256, cache, error);
  if (cl == NULL)
    return FALSE;
  entry->catalog_sha256 = g_strdup (cl->sha256);
  entry->catalog_levels = g_hash_table_ref (cl->levels);

  /* Readiness over the criteria of the level the client aims at. */
  /* count[n]: criteria of level n or lower. */
  entry->total = cl->count[entry->level];
  if (!read_answers (db, assessment, entry->level, cl->levels, &entry->satisfied, &entry->unmet, error))
    return FALSE;
  entry->open_gaps = entry->total - MIN (entry->satisfied, entry->total);
  entry->criteria_missing = !cl->complete[MIN (MAX (entry->level, 3u), 4u)];
  entry->ready = entry->open_gaps == 0 && !entry->criteria_missing && cl->complete[3];

  if (!scs_workspace_read_last_change (db, &entry->last_change, error))
    return FALSE;

  /* What each feature module keeps, read by the module (a file older
   * than a module's tables simply lacks that part). */
  scs_review_read_summary (db, assessment, &entry->review_state, &entry->signed_, &entry->declared);
  scs_renewal_read_summary (db, assessment, &renewal);
  if (renewal.level > 0)
    {
      entry->obtained_level = renewal.level;
      entry->obtained = g_steal_pointer (&renewal.obtained);
      entry->registry_status = g_steal_pointer (&renewal.status);
      entry->evaluation_body = g_steal_pointer (&renewal.evaluation_body);
      entry->tv_provider = g_steal_pointer (&renewal.tv_provider);
    }
  entry->finding = g_steal_pointer (&renewal.finding);
  entry->changes = g_steal_pointer (&renewal.changes);
  scs_renewal_summary_clear (&renewal);

  /* What the workspace is for; a JC-STAR ★1 product's label and a service
   * provider's three dates (the certification, the ISMS, the linked ★4 as
   * recorded) give its expiry. A JC-STAR ★1 or SECURITY ACTION workspace's
   * open gaps are its diagnosis's, not SCS criteria. */
  entry->workspace_type = scs_workspace_type_read (db);
  if (scs_workspace_type_is_item_based (entry->workspace_type))
    {
      if (!scs_diagnosis_read_item_gap_summary (db, entry->path, entry->workspace_type, &entry->item_gaps,
                                                &entry->support_end, &entry->label_expiry, &local_error))
        {
          g_set_error_literal (error, SCS_PORTFOLIO_ERROR, SCS_PORTFOLIO_ERROR_UNREADABLE, local_error->message);
          return FALSE;
        }
      entry->items_answered = scs_items_read_n_answered (db, entry->workspace_type);
    }
  if (entry->workspace_type == SCS_WORKSPACE_TYPE_PROVIDER)
    scs_provider_read_dates (db, &entry->provider_dates[SCS_PORTFOLIO_PROVIDER_CERTIFICATION],
                             &entry->provider_dates[SCS_PORTFOLIO_PROVIDER_ISMS],
                             &entry->provider_dates[SCS_PORTFOLIO_PROVIDER_STAR4]);
  /* The last final package exported for this cycle. */
  entry->submitted = scs_submission_read_last_export (db, assessment);
  read_for_statistics (entry, db, assessment, cl);
  entry_derive_dates (entry, validity, today);

  return TRUE;
}

/* One connection, one read transaction: a consistent snapshot of the
 * row. Not SQLITE_OPEN_READONLY: a read-only connection to a WAL file must
 * create the -wal and -shm side files and cannot remove them, so every
 * client folder would fill with leftovers. query_only refuses every write
 * statement instead; the one thing SQLite may still do is, as the last
 * connection, fold already committed WAL content into the file on close —
 * what opening it in the app does. Returns SQLITE_BUSY when @exclusive
 * and another connection has the file (nothing read), else SQLITE_OK with
 * @error set or not. */
static int
read_file (ScsPortfolioEntry  *entry,
           const char         *path,
           gboolean            exclusive,
           ScsValidity        *validity,
           const GDate        *today,
           GHashTable         *catalog_cache,
           GError            **error)
{
  sqlite3 *db = NULL;
  int rc = SQLITE_OK;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
    g_set_error (error, SCS_PORTFOLIO_ERROR, SCS_PORTFOLIO_ERROR_UNREADABLE,
                 _("cannot be opened: %s"), db ? sqlite3_errmsg (db) : g_strerror (ENOMEM));
  else
    {
      /* The app may be writing: wait for it briefly rather than fail. */
      sqlite3_busy_timeout (db, exclusive ? 0 : 2000);
      if (sqlite3_exec (db, exclusive ? "PRAGMA query_only = 1; PRAGMA locking_mode = EXCLUSIVE"
                                      : "PRAGMA query_only = 1", NULL, NULL, NULL) != SQLITE_OK)
        scs_workspace_summary_set_error (error, db);
      /* The first read takes the locks. */
      else if ((rc = sqlite3_exec (db, "BEGIN; PRAGMA user_version", NULL, NULL, NULL)) != SQLITE_OK)
        {
          rc &= 0xff;
          if (rc != SQLITE_BUSY || !exclusive)
            scs_workspace_summary_set_error (error, db);
        }
      else
        {
          read_rows (entry, db, validity, today, catalog_cache, error);
          sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
        }
    }
  sqlite3_close (db);
  return rc;
}

/**
 * scs_portfolio_entry_read:
 *
 * Returns: (transfer full): the row of @path; check its error.
 */
ScsPortfolioEntry *
scs_portfolio_entry_read (const char  *path,
                          ScsValidity *validity,
                          const GDate *today,
                          GHashTable  *catalog_cache)
{
  g_autoptr(ScsPortfolioEntry) entry = NULL;
  g_autoptr(GHashTable) own_cache = NULL;
  g_autoptr(GError) error = NULL;
  gboolean alone = FALSE;
  ScsFsHold *hold;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (validity != NULL, NULL);
  g_return_val_if_fail (today != NULL, NULL);

  if (catalog_cache == NULL)
    catalog_cache = own_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, catalog_levels_free);

  entry = g_object_new (SCS_TYPE_PORTFOLIO_ENTRY, NULL);
  entry->path = g_strdup (path);
  entry->basename = g_path_get_basename (path);

  hold = hold_and_check_header (path, &alone, &error);
  if (hold != NULL)
    {
      /* First, when no other connection of this process has the file,
       * with SQLite's exclusive locking mode: the WAL index then lives in
       * this connection's memory, so no -shm file is created, mapped and
       * removed (a third of a cold row's system time). The lock is only
       * taken when no one else has the file open (every connection to a
       * WAL file holds a shared lock), is not waited for, and is held for
       * the one read; a program opening the file meanwhile waits that
       * long in its busy handler. Busy: read as any reader does. */
      for (guint attempt = alone ? 0 : 1; attempt < 2 && error == NULL; attempt++)
        {
          int rc = read_file (entry, path, attempt == 0, validity, today, catalog_cache, &error);

          if (rc != SQLITE_BUSY || attempt == 1)
            break;
          g_clear_error (&error);
        }
      scs_fs_release (hold);
    }

  if (error != NULL)
    {
      entry->error = g_strdup (error->message);
      g_clear_pointer (&entry->company, g_free);
    }

  return g_steal_pointer (&entry);
}

/* ------------------------------------------------------------------------ */
/* Portfolio                                                                 */

struct _ScsPortfolio
{
  GObject      parent_instance;

  ScsValidity *validity;   /* borrowed: the caller keeps it alive */
  GDate        today;
  GListStore  *entries;
  GHashTable  *catalog_cache;
  ScsPortfolioCache *cache;
};

G_DEFINE_FINAL_TYPE (ScsPortfolio, scs_portfolio, G_TYPE_OBJECT)

static void
scs_portfolio_finalize (GObject *object)
{
  ScsPortfolio *self = SCS_PORTFOLIO (object);

  g_clear_object (&self->entries);
  g_clear_pointer (&self->catalog_cache, g_hash_table_unref);
  g_clear_pointer (&self->cache, scs_portfolio_cache_unref);
  G_OBJECT_CLASS (scs_portfolio_parent_class)->finalize (object);
}

static void
scs_portfolio_class_init (ScsPortfolioClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = scs_portfolio_finalize;
}

static void
scs_portfolio_init (ScsPortfolio *self)
{
  self->entries = g_list_store_new (SCS_TYPE_PORTFOLIO_ENTRY);
  self->catalog_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, catalog_levels_free);
  self->cache = scs_portfolio_cache_new ();
}

/**
 * scs_portfolio_new:
 * @validity: validity data; must outlive the portfolio
 * @today: (nullable): the day expiry is counted from
 */
ScsPortfolio *
scs_portfolio_new (ScsValidity *validity,
                   const GDate *today)
{
  ScsPortfolio *self;

  g_return_val_if_fail (validity != NULL, NULL);

  self = g_object_new (SCS_TYPE_PORTFOLIO, NULL);
  self->validity = validity;
  if (today != NULL)
    self->today = *today;
  else
    {
      g_date_clear (&self->today, 1);
      g_date_set_time_t (&self->today, time (NULL));
    }
  return self;
}

GListModel *
scs_portfolio_get_entries (ScsPortfolio *self)
{
  g_return_val_if_fail (SCS_IS_PORTFOLIO (self), NULL);
  return G_LIST_MODEL (self->entries);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

/* ------------------------------------------------------------------------ */
/* The cache                                                                 */

/* What identifies one version of a workspace file without SQLite: the
 * file's device, inode, size, modification and status-change times, and
 * of its -wal (committed edits may sit there, the main file unchanged) the
 * inode, size, modification time and the log SQLite would recover from it
 * (scs_portfolio_wal_state ()). A row is read again whenever any of these
 * changed; the main file's status-change time moves with every write and
 * every change of the others, so a file written and given its old
 * modification time back is read again too. The -wal's status-change time
 * is not part of it: every reader of a file another process holds open
 * changes it when run as root (SQLite gives the side files the database's
 * owner, a chown even when nothing changes), so a held-open file would
 * never be kept; the log stands in for it, and catches a -wal given its
 * old time back as the time cannot. The main file is only stat()ed:
 * opening and closing it outside SQLite would drop the POSIX locks of a
 * connection of this process (the file rule of docs/DESIGN.md). The -wal
 * carries no locks (SQLite locks the main file and the -shm only), so
 * reading it is safe. */
typedef struct
{
  guint64 dev;
  guint64 ino;
  gint64  size;
  gint64  mtime_ns;
  gint64  ctime_ns;
  guint64 wal_ino;
  gint64  wal_size;
  gint64  wal_mtime_ns;
  ScsPortfolioWalState wal;
} FileKey;

typedef struct
{
  FileKey            key;
  guint32            julian;   /* the day the row's dates were computed for */
  ScsPortfolioEntry *entry;
} CacheItem;

struct _ScsPortfolioCache
{
  gatomicrefcount  ref_count;
  GMutex           mutex;
  GHashTable      *items;          /* path → CacheItem* */
  guint            n_read;
  /* Persisted (scs_portfolio_cache_new_persistent ()): the rows of the
   * cache file, taken when a file's key still matches. */
  char            *file;           /* NULL: in memory only */
  gboolean         loaded;
  gboolean         dirty;          /* rows read since the file was written */
  GVariant        *stored;         /* ROWS_TYPE, NULL when none or ignored */
  GVariant        *stored_catalogs;
  GHashTable      *stored_index;   /* path (in @stored) → GUINT_TO_POINTER (row + 1) */
  GHashTable      *stored_levels;  /* catalog SHA-256 → StoredCatalog */
  GMutex           save_lock;
};

static void
cache_item_free (CacheItem *item)
{
  g_object_unref (item->entry);
  g_free (item);
}

ScsPortfolioCache *
scs_portfolio_cache_new (void)
{
  ScsPortfolioCache *cache = g_new0 (ScsPortfolioCache, 1);

  g_atomic_ref_count_init (&cache->ref_count);
  g_mutex_init (&cache->mutex);
  g_mutex_init (&cache->save_lock);
  cache->items = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) cache_item_free);
  return cache;
}

ScsPortfolioCache *
scs_portfolio_cache_new_persistent (const char *file)
{
  ScsPortfolioCache *cache = scs_portfolio_cache_new ();

  cache->file = file != NULL ? g_strdup (file)
                             : g_build_filename (g_get_user_cache_dir (), "scs-workbench", "portfolio-rows", NULL);
  return cache;
}

ScsPortfolioCache *
scs_portfolio_cache_ref (ScsPortfolioCache *cache)
{
  g_return_val_if_fail (cache != NULL, NULL);
  g_atomic_ref_count_inc (&cache->ref_count);
  return cache;
}

static void
cache_forget_stored (ScsPortfolioCache *cache)
{
  g_clear_pointer (&cache->stored_index, g_hash_table_unref);
  g_clear_pointer (&cache->stored_levels, g_hash_table_unref);
  g_clear_pointer (&cache->stored_catalogs, g_variant_unref);
  g_clear_pointer (&cache->stored, g_variant_unref);
}

void
scs_portfolio_cache_unref (ScsPortfolioCache *cache)
{
  if (cache == NULL || !g_atomic_ref_count_dec (&cache->ref_count))
    return;
  g_hash_table_unref (cache->items);
  cache_forget_stored (cache);
  g_free (cache->file);
  g_mutex_clear (&cache->mutex);
  g_mutex_clear (&cache->save_lock);
  g_free (cache);
}

guint
scs_portfolio_cache_get_n_read (ScsPortfolioCache *cache)
{
  guint n;

  g_return_val_if_fail (cache != NULL, 0);
  g_mutex_lock (&cache->mutex);
  n = cache->n_read;
  g_mutex_unlock (&cache->mutex);
  return n;
}

static gint64
time_ns (const struct timespec *ts)
{
  return (gint64) ts->tv_sec * G_GINT64_CONSTANT (1000000000) + ts->tv_nsec;
}

/* SQLite's WAL format (https://www.sqlite.org/fileformat2.html#walformat):
 * a 32-byte header (magic, version, page size, checkpoint sequence, two
 * salts, a checksum of the first 24 bytes), then frames of a 24-byte
 * header (page number, the database size after a commit or 0, the salts,
 * the cumulative checksum) and a page. Big-endian fields; the checksum's
 * words are big-endian when the magic's low bit is set. */
#define WAL_MAGIC          0x377f0682u
#define WAL_VERSION        3007000u
#define WAL_HEADER         32
#define WAL_FRAME_HEADER   24

static void
wal_checksum (gboolean      big_endian,
              const guint8 *data,
              gsize         n,
              guint32       sum[2])
{
  guint32 s0 = sum[0], s1 = sum[1];

  for (gsize i = 0; i + 8 <= n; i += 8)
    {
      guint32 w[2];

      memcpy (w, data + i, sizeof w);
      if (big_endian)
        {
          w[0] = GUINT32_FROM_BE (w[0]);
          w[1] = GUINT32_FROM_BE (w[1]);
        }
      else
        {
          w[0] = GUINT32_FROM_LE (w[0]);
          w[1] = GUINT32_FROM_LE (w[1]);
        }
      s0 += w[0] + s1;
      s1 += w[1] + s0;
    }
  sum[0] = s0;
  sum[1] = s1;
}

static guint32
get_be32 (const guint8 *p)
{
  return (guint32) p[0] << 24 | (guint32) p[1] << 16 | (guint32) p[2] << 8 | p[3];
}

static gboolean
pread_all (int     fd,
           void   *buffer,
           gsize   n,
           gint64  offset)
{
  gsize done = 0;

  while (done < n)
    {
      ssize_t r = pread (fd, (char *) buffer + done, n - done, offset + done);

      if (r < 0 && errno == EINTR)
        continue;
      if (r <= 0)
        return FALSE;
      done += r;
    }
  return TRUE;
}

/* As walIndexRecover () reads a log: a frame counts while its page number
 * is not 0, its salts are the header's and its checksum continues the
 * chain; the log ends at the last commit before the first frame that does
 * not. Reads every frame whole (a changed byte of a page changes what
 * SQLite shows), at most SCS_PORTFOLIO_WAL_MAX_SIZE. */
gboolean
scs_portfolio_wal_state (int                   fd,
                         gint64                size,
                         ScsPortfolioWalState *state)
{
  g_autoptr(ScsSha256) digest = NULL;
  g_autofree char *hex = NULL;
  g_autofree guint8 *frame = NULL;
  guint8 header[WAL_HEADER];
  guint32 magic, page_size, sum[2] = { 0, 0 };
  gboolean big_endian;
  gsize frame_size;

  memset (state, 0, sizeof *state);
  if (size == 0)
    return TRUE;
  if (size < WAL_HEADER || size > SCS_PORTFOLIO_WAL_MAX_SIZE || !pread_all (fd, header, sizeof header, 0))
    return FALSE;
  magic = get_be32 (header);
  page_size = get_be32 (header + 8);
  if ((magic & ~1u) != WAL_MAGIC || get_be32 (header + 4) != WAL_VERSION ||
      page_size < 512 || page_size > 65536 || (page_size & (page_size - 1)) != 0)
    return FALSE;
  big_endian = (magic & 1) != 0;
  wal_checksum (big_endian, header, 24, sum);
  if (sum[0] != get_be32 (header + 24) || sum[1] != get_be32 (header + 28))
    return FALSE;

  state->checkpoint = get_be32 (header + 12);
  state->salt[0] = get_be32 (header + 16);
  state->salt[1] = get_be32 (header + 20);
  state->checksum[0] = sum[0];
  state->checksum[1] = sum[1];
  frame_size = WAL_FRAME_HEADER + page_size;
  frame = g_malloc (frame_size);
  digest = scs_sha256_new ();
  scs_sha256_update (digest, header, sizeof header);
  for (guint32 i = 0; WAL_HEADER + (gint64) (i + 1) * (gint64) frame_size <= size; i++)
    {
      if (!pread_all (fd, frame, frame_size, WAL_HEADER + (gint64) i * (gint64) frame_size))
        return FALSE;
      if (get_be32 (frame) == 0 || memcmp (frame + 8, header + 16, 8) != 0)
        break;
      wal_checksum (big_endian, frame, 8, sum);
      wal_checksum (big_endian, frame + WAL_FRAME_HEADER, page_size, sum);
      if (sum[0] != get_be32 (frame + 16) || sum[1] != get_be32 (frame + 20))
        break;
      /* The frames of a commit not finished are hashed too: more than
       * SQLite shows only ever makes the key change sooner. */
      scs_sha256_update (digest, frame, frame_size);
      if (get_be32 (frame + 4) != 0)
        {
          state->frames = i + 1;
          state->checksum[0] = sum[0];
          state->checksum[1] = sum[1];
        }
    }
  hex = scs_sha256_finish_hex (g_steal_pointer (&digest));
  g_strlcpy (state->digest, hex, sizeof state->digest);
  return TRUE;
}

/* The -wal's part of @key (all 0 without a -wal); FALSE when it has none.
 * stat() first, as the file rule asks: only a regular file is opened,
 * without following a link or blocking, and checked again once open. */
static gboolean
wal_key (const char *wal,
         FileKey    *key)
{
  GStatBuf st;
  gboolean ok;
  int fd;

  if (g_lstat (wal, &st) != 0)
    return errno == ENOENT;
  if (!S_ISREG (st.st_mode))
    return FALSE;
  fd = g_open (wal, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY, 0);
  if (fd < 0)
    return errno == ENOENT;
  ok = fstat (fd, &st) == 0 && S_ISREG (st.st_mode) && st.st_dev == key->dev;
  if (ok)
    {
      key->wal_ino = st.st_ino;
      key->wal_size = st.st_size;
      key->wal_mtime_ns = time_ns (&st.st_mtim);
      ok = scs_portfolio_wal_state (fd, st.st_size, &key->wal);
    }
  close (fd);
  return ok;
}

/* The key of @path now; FALSE when it has none. *@settled: the times of
 * the file and the -wal's modification time lie more than
 * SCS_PORTFOLIO_CACHE_SETTLE_SECONDS in the past, so any later change
 * gives a different time even on a file system that keeps times to the
 * second or two (FAT), and SQLite, which writes a commit's frames, syncs
 * them and only then tells its readers, has told them — only such a key
 * can vouch for a row: a file changed within the same tick as it was read
 * would otherwise keep its key. A -wal SQLite would not read (cut short,
 * foreign, too large) or that is not a regular file leaves the file
 * without a key: read every time, never kept. */
static gboolean
file_key (const char *path,
          FileKey    *key,
          gboolean   *settled)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  gint64 limit = (g_get_real_time () - SCS_PORTFOLIO_CACHE_SETTLE_SECONDS * G_USEC_PER_SEC) * 1000;
  GStatBuf st;

  memset (key, 0, sizeof *key);
  *settled = FALSE;
  if (g_stat (path, &st) != 0)
    return FALSE;
  key->dev = st.st_dev;
  key->ino = st.st_ino;
  key->size = st.st_size;
  key->mtime_ns = time_ns (&st.st_mtim);
  key->ctime_ns = time_ns (&st.st_ctim);
  if (!wal_key (wal, key))
    return FALSE;
  *settled = key->mtime_ns < limit && key->ctime_ns < limit && key->wal_mtime_ns < limit;
  return TRUE;
}

static gboolean
file_key_equal (const FileKey *a,
                const FileKey *b)
{
  return a->dev == b->dev && a->ino == b->ino && a->size == b->size &&
         a->mtime_ns == b->mtime_ns && a->ctime_ns == b->ctime_ns &&
         a->wal_ino == b->wal_ino && a->wal_size == b->wal_size && a->wal_mtime_ns == b->wal_mtime_ns &&
         memcmp (&a->wal, &b->wal, sizeof a->wal) == 0;
}

static GVariant *
file_key_to_variant (const FileKey *key)
{
  return g_variant_new (SCS_PORTFOLIO_CACHE_KEY_TYPE, key->dev, key->ino, key->size, key->mtime_ns, key->ctime_ns,
                        key->wal_ino, key->wal_size, key->wal_mtime_ns, key->wal.frames, key->wal.checkpoint,
                        key->wal.salt[0], key->wal.salt[1], key->wal.checksum[0], key->wal.checksum[1],
                        key->wal.digest);
}

GVariant *
scs_portfolio_cache_file_key (const char *path)
{
  FileKey key;
  gboolean settled;

  g_return_val_if_fail (path != NULL, NULL);
  return file_key (path, &key, &settled) ? file_key_to_variant (&key) : NULL;
}

/* ------------------------------------------------------------------------ */
/* The cache file                                                            */

/* A cache file (scs-portfolio-private.h): CACHE_MAGIC, the SHA-256 (hex)
 * of the rest, and a GVariant of CACHE_TYPE: this build's identity (a file
 * written by another version is ignored whole), the levels of each catalog
 * the rows use, and the rows with their file keys. Written whole to a new
 * file moved over the old one; a file that is not exactly this (damaged,
 * truncated, another program's, another version's) is ignored and replaced
 * at the next save. Its rows only ever stand for a listing row; nothing
 * else reads them. Bump CACHE_MAGIC when a row's meaning changes. */
#define CACHE_MAGIC     SCS_PORTFOLIO_CACHE_MAGIC
#define CACHE_HEADER    SCS_PORTFOLIO_CACHE_HEADER
#define CACHE_MAX_SIZE  (256 * 1024 * 1024)
#define CACHE_MAX_ROWS  100000
#define KEY_TYPE        SCS_PORTFOLIO_CACHE_KEY_TYPE
/* A row: the path, the key, the numbers (ROW_NUMBERS), the texts
 * (ROW_TEXTS, each "s" and its text and a NUL, or "n" for none: one child
 * instead of seventeen, each of which GVariant would allocate), the kinds of
 * change, and the unmet criteria of this cycle and the previous one as
 * positions in their catalog's list of criteria. */
#define ROW_TYPE        SCS_PORTFOLIO_CACHE_ROW_TYPE
#define ROW_SHA256      16   /* the text of the catalog's SHA-256 */
#define CATALOGS_TYPE   SCS_PORTFOLIO_CACHE_CATALOGS_TYPE
#define CACHE_TYPE      SCS_PORTFOLIO_CACHE_TYPE

enum
{
  ROW_LEVEL, ROW_CYCLE, ROW_SATISFIED, ROW_TOTAL, ROW_OPEN_GAPS, ROW_READY, ROW_CRITERIA_MISSING,
  ROW_REVIEW_STATE, ROW_SIGNED, ROW_DECLARED, ROW_OBTAINED_LEVEL, ROW_WORKSPACE_TYPE, ROW_ITEMS_ANSWERED,
  ROW_PREVIOUS_LEVEL, ROW_ITEM_GAPS, ROW_NUMBERS
};

#define ROW_TEXTS       17

/* Where the texts of a row are in @e, in their order in the row. */
static void
entry_texts (ScsPortfolioEntry *e,
             char             **texts[ROW_TEXTS])
{
  char **fields[] = {
    &e->company, &e->corporate_number, &e->obtained, &e->registry_status, &e->evaluation_body,
    &e->tv_provider, &e->finding, &e->last_change, &e->submitted, &e->label_expiry,
    &e->provider_dates[0], &e->provider_dates[1], &e->provider_dates[2], &e->size, &e->sector,
    &e->support_end, &e->catalog_sha256,
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (fields) == ROW_TEXTS && ROW_SHA256 == ROW_TEXTS - 1);
  memcpy (texts, fields, sizeof fields);
}

static GVariant *
pack_texts (ScsPortfolioEntry *e)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  char **texts[ROW_TEXTS];

  entry_texts (e, texts);
  for (guint i = 0; i < ROW_TEXTS; i++)
    {
      const char *text = *texts[i];

      if (text == NULL)
        g_byte_array_append (bytes, (const guint8 *) "n", 1);
      else
        {
          g_byte_array_append (bytes, (const guint8 *) "s", 1);
          g_byte_array_append (bytes, (const guint8 *) text, strlen (text) + 1);
        }
    }
  return g_variant_new_fixed_array (G_VARIANT_TYPE_BYTE, bytes->data, bytes->len, 1);
}

/* The texts of @value into @e; FALSE when it is not ROW_TEXTS of them,
 * each valid UTF-8. */
static gboolean
unpack_texts (GVariant          *value,
              ScsPortfolioEntry *e)
{
  char **texts[ROW_TEXTS];
  const char *data;
  gsize n, at = 0;

  entry_texts (e, texts);
  data = g_variant_get_fixed_array (value, &n, 1);
  for (guint i = 0; i < ROW_TEXTS; i++)
    {
      const char *end;

      if (at >= n)
        return FALSE;
      if (data[at] == 'n')
        {
          at++;
          continue;
        }
      end = data[at] == 's' ? memchr (data + at + 1, '\0', n - at - 1) : NULL;
      if (end == NULL || !g_utf8_validate (data + at + 1, end - (data + at + 1), NULL))
        return FALSE;
      *texts[i] = g_strdup (data + at + 1);
      at = end - data + 1;
    }
  return at == n;
}

G_STATIC_ASSERT (sizeof CACHE_MAGIC == 16);

char *
scs_portfolio_cache_identity (void)
{
  g_autofree char *format = scs_workspace_format_id ();

  return g_strdup_printf ("%s %s", PACKAGE_VERSION, format);
}

static GVariant *
maybe_strv (const char * const *strv)
{
  return g_variant_new_maybe (G_VARIANT_TYPE_STRING_ARRAY, strv != NULL ? g_variant_new_strv (strv, -1) : NULL);
}

static GStrv
dup_maybe_strv (GVariant *value)
{
  g_autoptr(GVariant) inner = g_variant_get_maybe (value);

  return inner != NULL ? g_variant_dup_strv (inner, NULL) : NULL;
}

/* A catalog as a cache file is written: its criteria in the order of the
 * file (kept from the file it replaces, so the positions its rows hold
 * stay right) and each one's position. */
typedef struct
{
  GVariant   *list;       /* a(su) */
  GHashTable *position;   /* criterion (in @list) → GUINT_TO_POINTER (position + 1) */
} SavedCatalog;

static void
saved_catalog_free (SavedCatalog *catalog)
{
  g_hash_table_unref (catalog->position);
  g_variant_unref (catalog->list);
  g_free (catalog);
}

static SavedCatalog *
saved_catalog_new (GVariant *list)
{
  SavedCatalog *catalog = g_new0 (SavedCatalog, 1);
  gsize n = g_variant_n_children (list);

  catalog->list = g_variant_take_ref (list);
  catalog->position = g_hash_table_new (g_str_hash, g_str_equal);
  for (gsize i = 0; i < n; i++)
    {
      const char *id;

      g_variant_get_child (catalog->list, i, "(&su)", &id, NULL);
      g_hash_table_insert (catalog->position, (gpointer) id, GSIZE_TO_POINTER (i + 1));
    }
  return catalog;
}

/* @strv as positions in @catalog; FALSE when one is not in it. */
static gboolean
positions (const char * const *strv,
           SavedCatalog       *catalog,
           GVariant          **value)
{
  g_autoptr(GArray) array = g_array_new (FALSE, FALSE, sizeof (guint32));

  *value = NULL;
  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    {
      guint32 position = GPOINTER_TO_UINT (g_hash_table_lookup (catalog->position, strv[i]));

      if (position == 0)
        return FALSE;
      position--;
      g_array_append_val (array, position);
    }
  *value = g_variant_new_maybe (G_VARIANT_TYPE ("au"),
                                strv != NULL ? g_variant_new_fixed_array (G_VARIANT_TYPE_UINT32, array->data,
                                                                          array->len, sizeof (guint32))
                                             : NULL);
  return TRUE;
}

/* The row of @e, NULL when it cannot be kept. */
static GVariant *
entry_to_variant (const char              *path,
                  const FileKey           *key,
                  const ScsPortfolioEntry *e,
                  SavedCatalog            *catalog)
{
  GVariant *unmet, *previous_unmet;

  if (!positions ((const char * const *) e->unmet, catalog, &unmet))
    return NULL;
  if (!positions ((const char * const *) e->previous_unmet, catalog, &previous_unmet))
    {
      g_variant_unref (g_variant_ref_sink (unmet));
      return NULL;
    }
  {
    guint32 numbers[ROW_NUMBERS] = {
      [ROW_LEVEL] = e->level, [ROW_CYCLE] = e->cycle, [ROW_SATISFIED] = e->satisfied,
      [ROW_TOTAL] = e->total, [ROW_OPEN_GAPS] = e->open_gaps, [ROW_READY] = e->ready,
      [ROW_CRITERIA_MISSING] = e->criteria_missing, [ROW_REVIEW_STATE] = e->review_state,
      [ROW_SIGNED] = e->signed_, [ROW_DECLARED] = e->declared, [ROW_OBTAINED_LEVEL] = e->obtained_level,
      [ROW_WORKSPACE_TYPE] = e->workspace_type, [ROW_ITEMS_ANSWERED] = e->items_answered,
      [ROW_PREVIOUS_LEVEL] = e->previous_level, [ROW_ITEM_GAPS] = e->item_gaps,
    };

    return g_variant_new ("(s@" KEY_TYPE "@au@ay@mas@mau@mau)",
                          path, file_key_to_variant (key),
                          g_variant_new_fixed_array (G_VARIANT_TYPE_UINT32, numbers, ROW_NUMBERS, sizeof (guint32)),
                          pack_texts ((ScsPortfolioEntry *) e), maybe_strv ((const char * const *) e->changes),
                          unmet, previous_unmet);
  }
}

static void
variant_get_key (GVariant *row,
                 FileKey  *key)
{
  g_autoptr(GVariant) value = g_variant_get_child_value (row, 1);
  guint64 dev, ino, wal_ino;
  g_autofree char *digest = NULL;

  memset (key, 0, sizeof *key);
  g_variant_get (value, KEY_TYPE, &dev, &ino, &key->size, &key->mtime_ns, &key->ctime_ns, &wal_ino,
                 &key->wal_size, &key->wal_mtime_ns, &key->wal.frames, &key->wal.checkpoint, &key->wal.salt[0],
                 &key->wal.salt[1], &key->wal.checksum[0], &key->wal.checksum[1], &digest);
  /* A digest of another length never matches a key of a file. */
  if (strlen (digest) < sizeof key->wal.digest)
    strcpy (key->wal.digest, digest);
  else
    key->wal.digest[0] = '\x01';
  key->dev = dev;
  key->ino = ino;
  key->wal_ino = wal_ino;
}

/* A catalog of the cache file, as its rows are read: criterion → level,
 * and the criteria by position. */
typedef struct
{
  GHashTable *levels;
  GPtrArray  *ids;        /* the keys of @levels */
} StoredCatalog;

static void
stored_catalog_free (StoredCatalog *catalog)
{
  g_ptr_array_unref (catalog->ids);
  g_hash_table_unref (catalog->levels);
  g_free (catalog);
}

/* Catalog @sha256 of the cache file, built once per cache; NULL when the
 * file lacks it or lists a criterion twice. */
static StoredCatalog *
stored_catalog (ScsPortfolioCache *cache,
                const char        *sha256)
{
  g_autoptr(GVariant) list = NULL;
  StoredCatalog *catalog;
  GVariantIter iter;
  const char *id;
  guint32 level;

  catalog = g_hash_table_lookup (cache->stored_levels, sha256);
  if (catalog != NULL)
    return catalog;
  list = g_variant_lookup_value (cache->stored_catalogs, sha256, G_VARIANT_TYPE ("a(su)"));
  if (list == NULL)
    return NULL;
  catalog = g_new0 (StoredCatalog, 1);
  catalog->levels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  catalog->ids = g_ptr_array_new ();
  g_variant_iter_init (&iter, list);
  while (g_variant_iter_next (&iter, "(&su)", &id, &level))
    {
      char *key = g_strdup (id);

      if (!g_hash_table_insert (catalog->levels, key, GUINT_TO_POINTER (level)))
        {
          stored_catalog_free (catalog);
          return NULL;
        }
      g_ptr_array_add (catalog->ids, key);
    }
  g_hash_table_insert (cache->stored_levels, g_strdup (sha256), catalog);
  return catalog;
}

/* The criteria at the positions of @value in @catalog; FALSE when one is
 * not in it. */
static gboolean
criteria_at (GVariant      *value,
             StoredCatalog *catalog,
             GStrv         *strv)
{
  g_autoptr(GVariant) inner = g_variant_get_maybe (value);
  const guint32 *position;
  gsize n;

  *strv = NULL;
  if (inner == NULL)
    return TRUE;
  position = g_variant_get_fixed_array (inner, &n, sizeof (guint32));
  *strv = g_new0 (char *, n + 1);
  for (gsize i = 0; i < n; i++)
    {
      if (position[i] >= catalog->ids->len)
        return FALSE;
      (*strv)[i] = g_strdup (g_ptr_array_index (catalog->ids, position[i]));
    }
  return TRUE;
}

/* The row kept for @path, with its dates computed for @today; NULL when the
 * file holds none with a valid content (that file is read then). Under the
 * cache's lock. */
static ScsPortfolioEntry *
stored_entry (ScsPortfolioCache *cache,
              GVariant          *row,
              ScsValidity       *validity,
              const GDate       *today)
{
  g_autoptr(ScsPortfolioEntry) e = g_object_new (SCS_TYPE_PORTFOLIO_ENTRY, NULL);
  g_autoptr(GVariant) changes = NULL;
  g_autoptr(GVariant) unmet = NULL;
  g_autoptr(GVariant) previous_unmet = NULL;
  g_autoptr(GVariant) key = NULL;
  g_autoptr(GVariant) numbers = NULL;
  g_autoptr(GVariant) texts = NULL;
  const guint32 *number;
  gsize n_numbers;
  guint32 review_state, workspace_type;
  StoredCatalog *catalog;

  g_variant_get (row, "(s@" KEY_TYPE "@au@ay@mas@mau@mau)", &e->path, &key, &numbers, &texts, &changes, &unmet,
                 &previous_unmet);
  number = g_variant_get_fixed_array (numbers, &n_numbers, sizeof (guint32));
  /* What a row of this build can hold, else it is read from the file. */
  if (n_numbers != ROW_NUMBERS || !unpack_texts (texts, e) || e->company == NULL || e->catalog_sha256 == NULL)
    return NULL;
  e->level = number[ROW_LEVEL];
  e->cycle = number[ROW_CYCLE];
  e->satisfied = number[ROW_SATISFIED];
  e->total = number[ROW_TOTAL];
  e->open_gaps = number[ROW_OPEN_GAPS];
  e->ready = number[ROW_READY] != 0;
  e->criteria_missing = number[ROW_CRITERIA_MISSING] != 0;
  review_state = number[ROW_REVIEW_STATE];
  e->signed_ = number[ROW_SIGNED] != 0;
  e->declared = number[ROW_DECLARED] != 0;
  e->obtained_level = number[ROW_OBTAINED_LEVEL];
  workspace_type = number[ROW_WORKSPACE_TYPE];
  e->items_answered = number[ROW_ITEMS_ANSWERED];
  e->previous_level = number[ROW_PREVIOUS_LEVEL];
  e->item_gaps = number[ROW_ITEM_GAPS];
  if ((e->level != 3 && e->level != 4) || review_state > SCS_REVIEW_STATE_SIGNED ||
      workspace_type > SCS_WORKSPACE_TYPE_PROVIDER || e->satisfied > e->total)
    return NULL;
  catalog = stored_catalog (cache, e->catalog_sha256);
  if (catalog == NULL || !criteria_at (unmet, catalog, &e->unmet) ||
      !criteria_at (previous_unmet, catalog, &e->previous_unmet))
    return NULL;
  e->review_state = review_state;
  e->workspace_type = workspace_type;
  e->basename = g_path_get_basename (e->path);
  e->changes = dup_maybe_strv (changes);
  e->catalog_levels = g_hash_table_ref (catalog->levels);
  /* As read_for_statistics () gives them: SCS assessments only. */
  if (e->workspace_type == SCS_WORKSPACE_TYPE_SCS)
    e->levels = g_hash_table_ref (catalog->levels);
  entry_derive_dates (e, validity, today);
  return g_steal_pointer (&e);
}

/* Reads the cache file once; anything but a file of this build, whole,
 * leaves the cache empty (and the next save replaces the file). Under the
 * cache's lock. */
static void
cache_load (ScsPortfolioCache *cache)
{
  g_autofree char *contents = NULL;
  g_autofree char *sum = NULL;
  g_autofree char *identity = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GVariant) data = NULL;
  g_autoptr(GVariant) stored_identity = NULL;
  gsize length = 0;
  gsize n;
  GStatBuf st;

  if (cache->loaded || cache->file == NULL)
    return;
  cache->loaded = TRUE;
  if (g_stat (cache->file, &st) != 0 || !S_ISREG (st.st_mode) || st.st_size > CACHE_MAX_SIZE ||
      st.st_size < CACHE_HEADER || !g_file_get_contents (cache->file, &contents, &length, NULL) ||
      length < CACHE_HEADER || memcmp (contents, CACHE_MAGIC, 16) != 0)
    return;
  sum = scs_sha256_hex (contents + CACHE_HEADER, length - CACHE_HEADER);
  if (memcmp (sum, contents + 16, 64) != 0)
    return;

  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  body = g_bytes_new_from_bytes (bytes, CACHE_HEADER, length - CACHE_HEADER);
  /* Checked once to be in GVariant's normal form, the one way it writes
   * this type: then it is read as trusted, without the checks GVariant
   * makes on every access to untrusted data (~0.2 ms a row). */
  data = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE (CACHE_TYPE), body, FALSE));
  if (!g_variant_is_normal_form (data))
    return;
  g_variant_unref (data);
  data = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE (CACHE_TYPE), body, TRUE));
  stored_identity = g_variant_get_child_value (data, 0);
  identity = scs_portfolio_cache_identity ();
  if (g_strcmp0 (g_variant_get_string (stored_identity, NULL), identity) != 0)
    return;

  cache->stored_catalogs = g_variant_get_child_value (data, 1);
  cache->stored = g_variant_get_child_value (data, 2);
  cache->stored_levels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                (GDestroyNotify) stored_catalog_free);
  cache->stored_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  n = MIN (g_variant_n_children (cache->stored), CACHE_MAX_ROWS);
  for (gsize i = 0; i < n; i++)
    {
      g_autoptr(GVariant) row = g_variant_get_child_value (cache->stored, i);
      g_autoptr(GVariant) path = g_variant_get_child_value (row, 0);

      g_hash_table_insert (cache->stored_index, g_variant_dup_string (path, NULL), GSIZE_TO_POINTER (i + 1));
    }
}

static gboolean
path_is_under (const char *path,
               const char *dir)
{
  gsize n = strlen (dir);

  while (n > 1 && dir[n - 1] == G_DIR_SEPARATOR)
    n--;
  return strncmp (path, dir, n) == 0 && path[n] == G_DIR_SEPARATOR;
}

/* Writes the rows of the cache to its file when it has new ones: the rows
 * of this process, then the rows of the file no listing here replaced, but
 * those of @dir's files (@dir was just listed: they are gone), at most
 * CACHE_MAX_ROWS. Rows of unreadable files are not kept (their reason is
 * a sentence in this process's language); they are read again. */
/* The catalog SHA-256 of a row of the cache file (borrowed from it). */
static const char *
row_sha256 (GVariant *row)
{
  g_autoptr(GVariant) value = g_variant_get_child_value (row, 3);
  const char *data, *text = NULL;
  gsize n, at = 0;

  data = g_variant_get_fixed_array (value, &n, 1);
  for (guint i = 0; i <= ROW_SHA256 && at < n; i++)
    {
      const char *end = data[at] == 's' ? memchr (data + at + 1, '\0', n - at - 1) : NULL;

      text = end != NULL ? data + at + 1 : NULL;
      at = end != NULL ? (gsize) (end - data + 1) : at + 1;
    }
  return text;
}

/* The catalog @sha256 is written with: the cache file's own when it has
 * one (its rows hold positions in it), else @levels in any order. */
static SavedCatalog *
saved_catalog (ScsPortfolioCache *cache,
               GHashTable        *saved,
               const char        *sha256,
               GHashTable        *levels)
{
  SavedCatalog *catalog = g_hash_table_lookup (saved, sha256);
  GVariant *list = NULL;

  if (catalog != NULL)
    return catalog;
  if (cache->stored_catalogs != NULL)
    list = g_variant_lookup_value (cache->stored_catalogs, sha256, G_VARIANT_TYPE ("a(su)"));
  if (list == NULL && levels != NULL)
    {
      GVariantBuilder builder;
      GHashTableIter iter;
      gpointer id, level;

      g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(su)"));
      g_hash_table_iter_init (&iter, levels);
      while (g_hash_table_iter_next (&iter, &id, &level))
        g_variant_builder_add (&builder, "(su)", id, GPOINTER_TO_UINT (level));
      list = g_variant_builder_end (&builder);
    }
  if (list == NULL)
    return NULL;
  catalog = saved_catalog_new (list);
  g_hash_table_insert (saved, (gpointer) sha256, catalog);
  return catalog;
}

/* Writes the rows of the cache to its file when it has new ones: the rows
 * of this process, then the rows of the file no listing here replaced, but
 * those of @dir's files (@dir was just listed: they are gone), at most
 * CACHE_MAX_ROWS. Rows of unreadable files are not kept (their reason is
 * a sentence in this process's language); they are read again. */
static void
cache_save (ScsPortfolioCache *cache,
            const char        *dir)
{
  g_autoptr(GVariantBuilder) rows = g_variant_builder_new (G_VARIANT_TYPE ("a" ROW_TYPE));
  g_autoptr(GVariantBuilder) catalogs = g_variant_builder_new (G_VARIANT_TYPE (CATALOGS_TYPE));
  g_autoptr(GHashTable) saved = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                       (GDestroyNotify) saved_catalog_free);
  g_autoptr(GVariant) data = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *identity = scs_portfolio_cache_identity ();
  g_autofree char *sum = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *contents = NULL;
  GHashTableIter iter;
  gpointer key, value;
  guint n = 0;
  gsize size;

  g_mutex_lock (&cache->save_lock);
  g_mutex_lock (&cache->mutex);
  if (!cache->dirty)
    {
      g_mutex_unlock (&cache->mutex);
      g_mutex_unlock (&cache->save_lock);
      return;
    }
  cache->dirty = FALSE;

  g_hash_table_iter_init (&iter, cache->items);
  while (g_hash_table_iter_next (&iter, &key, &value) && n < CACHE_MAX_ROWS)
    {
      CacheItem *item = value;
      ScsPortfolioEntry *e = item->entry;
      SavedCatalog *catalog;
      GVariant *row;

      if (e->error != NULL || e->catalog_sha256 == NULL)
        continue;
      catalog = saved_catalog (cache, saved, e->catalog_sha256, e->catalog_levels);
      row = catalog != NULL ? entry_to_variant (key, &item->key, e, catalog) : NULL;
      if (row == NULL)
        continue;
      g_variant_builder_add_value (rows, row);
      n++;
    }
  if (cache->stored != NULL)
    {
      g_hash_table_iter_init (&iter, cache->stored_index);
      while (g_hash_table_iter_next (&iter, &key, &value) && n < CACHE_MAX_ROWS)
        {
          g_autoptr(GVariant) row = NULL;
          const char *sha256 = NULL;

          if (g_hash_table_contains (cache->items, key) || (dir != NULL && path_is_under (key, dir)))
            continue;
          row = g_variant_get_child_value (cache->stored, GPOINTER_TO_SIZE (value) - 1);
          sha256 = row_sha256 (row);
          if (sha256 == NULL || saved_catalog (cache, saved, sha256, NULL) == NULL)
            continue;
          g_variant_builder_add_value (rows, row);
          n++;
        }
    }
  g_hash_table_iter_init (&iter, saved);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_variant_builder_add (catalogs, "{s@a(su)}", key, ((SavedCatalog *) value)->list);
  data = g_variant_ref_sink (g_variant_new ("(sa{sa(su)}a" ROW_TYPE ")", identity, catalogs, rows));
  g_mutex_unlock (&cache->mutex);

  size = g_variant_get_size (data);
  contents = g_malloc (CACHE_HEADER + size);
  memcpy (contents, CACHE_MAGIC, 16);
  g_variant_store (data, contents + CACHE_HEADER);
  sum = scs_sha256_hex (contents + CACHE_HEADER, size);
  memcpy (contents + 16, sum, 64);

  /* A new file moved over the old one: a reader sees the old or the new. */
  folder = g_path_get_dirname (cache->file);
  if (g_mkdir_with_parents (folder, 0700) != 0 ||
      !scs_file_set_contents (cache->file, contents, CACHE_HEADER + size, 0600, &error))
    g_debug ("The portfolio cache ‘%s’ was not written: %s", cache->file,
             error != NULL ? error->message : g_strerror (errno));
  g_mutex_unlock (&cache->save_lock);
}

/* The row of @path, from @cache when the file has not changed: the row
 * this process read, else the one of the cache file. */
static ScsPortfolioEntry *
read_entry (const char        *path,
            ScsValidity       *validity,
            const GDate       *today,
            ScsPortfolioCache *cache,
            GHashTable        *catalog_cache)
{
  ScsPortfolioEntry *entry = NULL;
  CacheItem *item;
  FileKey key;
  gboolean keyed, settled;
  guint32 julian = g_date_get_julian (today);

  if (cache == NULL)
    return scs_portfolio_entry_read (path, validity, today, catalog_cache);

  keyed = file_key (path, &key, &settled);
  g_mutex_lock (&cache->mutex);
  item = keyed && settled ? g_hash_table_lookup (cache->items, path) : NULL;
  if (item != NULL && item->julian == julian && file_key_equal (&item->key, &key))
    {
      entry = g_object_ref (item->entry);
      g_mutex_unlock (&cache->mutex);
      return entry;
    }
  if (keyed && settled && cache->stored_index != NULL)
    {
      gsize index = GPOINTER_TO_SIZE (g_hash_table_lookup (cache->stored_index, path));
      g_autoptr(GVariant) row = index > 0 ? g_variant_get_child_value (cache->stored, index - 1) : NULL;
      FileKey stored_key;

      if (row != NULL)
        variant_get_key (row, &stored_key);
      if (row != NULL && file_key_equal (&stored_key, &key) &&
          (entry = stored_entry (cache, row, validity, today)) != NULL &&
          g_str_equal (entry->path, path))
        {
          item = g_new0 (CacheItem, 1);
          item->key = key;
          item->julian = julian;
          item->entry = g_object_ref (entry);
          g_hash_table_replace (cache->items, g_strdup (path), item);
          g_mutex_unlock (&cache->mutex);
          return entry;
        }
      g_clear_object (&entry);
    }
  cache->n_read++;
  g_mutex_unlock (&cache->mutex);

  /* Read outside the lock: another thread may list meanwhile. The catalog
   * cache is this listing's own. Kept only with a key that vouches for it. */
  entry = scs_portfolio_entry_read (path, validity, today, catalog_cache);
  if (keyed && settled)
    {
      item = g_new0 (CacheItem, 1);
      item->key = key;
      item->julian = julian;
      item->entry = g_object_ref (entry);
      g_mutex_lock (&cache->mutex);
      g_hash_table_replace (cache->items, g_strdup (path), item);
      /* The cache file keeps readable rows only. */
      if (entry->error == NULL)
        cache->dirty = TRUE;
      g_mutex_unlock (&cache->mutex);
    }
  return entry;
}

/* Collects the files of @dir and its subfolders (hidden ones and SQLite's
 * side files left out; symbolic links to folders not followed, so a loop
 * cannot trap the listing). */
static gboolean
collect_files (const char    *dir,
               GPtrArray     *names,
               guint          depth,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(GDir) handle = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *name;

  handle = g_dir_open (dir, 0, &local_error);
  if (handle == NULL)
    {
      g_autofree char *display = g_filename_display_name (dir);
      g_set_error (error, SCS_PORTFOLIO_ERROR, SCS_PORTFOLIO_ERROR_FOLDER,
                   _("Cannot list the folder ‘%s’: %s"), display, local_error->message);
      return FALSE;
    }
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *full = NULL;
      GStatBuf st;

      if (name[0] == '.' || g_str_has_suffix (name, "-wal") || g_str_has_suffix (name, "-shm") ||
          g_str_has_suffix (name, "-journal"))
        continue;
      full = g_build_filename (dir, name, NULL);
      if (g_lstat (full, &st) != 0)
        continue;
      if (S_ISDIR (st.st_mode))
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return FALSE;
          /* A folder we cannot list is skipped, not fatal; deep trees end. */
          if (depth < 32)
            collect_files (full, names, depth + 1, cancellable, NULL);
          continue;
        }
      if (!S_ISREG (st.st_mode) && !g_file_test (full, G_FILE_TEST_IS_REGULAR))
        continue;
      g_ptr_array_add (names, g_steal_pointer (&full));
    }
  return TRUE;
}

typedef struct
{
  GPtrArray         *names;
  GPtrArray         *entries;       /* one slot per name, filled by the threads */
  ScsValidity       *validity;
  const GDate       *today;
  ScsPortfolioCache *cache;
  GCancellable      *cancellable;
  gint               next;          /* the next name to read (atomic) */
} ReadJob;

/* Reads names until none is left, each thread with its own catalog cache
 * (a catalog is parsed once per thread). */
static gpointer
read_files_thread (gpointer data)
{
  ReadJob *job = data;
  g_autoptr(GHashTable) catalog_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                               catalog_levels_free);
  guint i;

  while ((i = (guint) g_atomic_int_add (&job->next, 1)) < job->names->len)
    {
      if (g_cancellable_is_cancelled (job->cancellable))
        break;
      job->entries->pdata[i] = read_entry (g_ptr_array_index (job->names, i), job->validity, job->today,
                                           job->cache, catalog_cache);
    }
  return NULL;
}

/* The slots of rows no reader filled (the listing was cancelled) are NULL. */
static void
entry_unref (gpointer entry)
{
  if (entry != NULL)
    g_object_unref (entry);
}

GPtrArray *
scs_portfolio_read_folder (const char         *dir,
                           ScsValidity        *validity,
                           const GDate        *today,
                           ScsPortfolioCache  *cache,
                           GCancellable       *cancellable,
                           GError            **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (entry_unref);
  ReadJob job = { 0 };
  GPtrArray *threads;
  guint n_threads;

  g_return_val_if_fail (dir != NULL, NULL);
  g_return_val_if_fail (validity != NULL, NULL);
  g_return_val_if_fail (today != NULL, NULL);

  if (!collect_files (dir, names, 0, cancellable, error))
    return NULL;
  g_ptr_array_sort (names, compare_names);
  if (cache != NULL)
    {
      g_mutex_lock (&cache->mutex);
      cache_load (cache);
      g_mutex_unlock (&cache->mutex);
    }

  g_ptr_array_set_size (entries, names->len);
  job.names = names;
  job.entries = entries;
  job.validity = validity;
  job.today = today;
  job.cache = cache;
  job.cancellable = cancellable;
  /* Nearly all of a cold row is SQLite opening the file and parsing its
   * schema, so the files are read by one thread per processor (the rows
   * land in their sorted places; the cache is locked, SQLite connections
   * are per thread). A few files are not worth a thread. */
  n_threads = CLAMP (g_get_num_processors (), 1, 8);
  if (names->len < 32)
    n_threads = 1;
  threads = g_ptr_array_new ();
  for (guint t = 1; t < n_threads; t++)
    {
      GThread *thread = g_thread_try_new ("portfolio-reader", read_files_thread, &job, NULL);

      if (thread != NULL)
        g_ptr_array_add (threads, thread);
    }
  read_files_thread (&job);
  for (guint t = 0; t < threads->len; t++)
    g_thread_join (g_ptr_array_index (threads, t));
  g_ptr_array_unref (threads);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  if (cache != NULL && cache->file != NULL)
    cache_save (cache, dir);
  return g_steal_pointer (&entries);
}

typedef struct
{
  char              *dir;
  ScsValidity       *validity;  /* the caller's, alive until the callback */
  GDate              today;
  ScsPortfolioCache *cache;
} ReadFolderJob;

static void
read_folder_job_free (ReadFolderJob *job)
{
  g_free (job->dir);
  g_clear_pointer (&job->cache, scs_portfolio_cache_unref);
  g_free (job);
}

static void
read_folder_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  ReadFolderJob *job = task_data;
  GError *error = NULL;
  GPtrArray *entries;

  entries = scs_portfolio_read_folder (job->dir, job->validity, &job->today, job->cache, cancellable, &error);
  if (entries == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, entries, (GDestroyNotify) g_ptr_array_unref);
}

void
scs_portfolio_read_folder_async (const char          *dir,
                                 ScsValidity         *validity,
                                 const GDate         *today,
                                 ScsPortfolioCache   *cache,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ReadFolderJob *job;

  g_return_if_fail (dir != NULL);
  g_return_if_fail (validity != NULL);
  g_return_if_fail (today != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, scs_portfolio_read_folder_async);
  job = g_new0 (ReadFolderJob, 1);
  job->dir = g_strdup (dir);
  job->validity = validity;
  job->today = *today;
  job->cache = cache != NULL ? scs_portfolio_cache_ref (cache) : NULL;
  g_task_set_task_data (task, job, (GDestroyNotify) read_folder_job_free);
  g_task_run_in_thread (task, read_folder_thread);
}

/**
 * scs_portfolio_read_folder_finish:
 *
 * Returns: (transfer full) (element-type ScsPortfolioEntry): the rows.
 */
GPtrArray *
scs_portfolio_read_folder_finish (GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

GHashTable *
scs_portfolio_find_duplicates (GListModel *entries)
{
  g_autoptr(GHashTable) by_number = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                           (GDestroyNotify) g_ptr_array_unref);
  GHashTable *duplicates = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                  (GDestroyNotify) g_ptr_array_unref);
  GHashTableIter iter;
  gpointer key, value;
  guint n = g_list_model_get_n_items (entries);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ScsPortfolioEntry) entry = g_list_model_get_item (entries, i);
      const char *number = entry->corporate_number;
      GPtrArray *paths;

      if (entry->error != NULL || number == NULL || *number == '\0')
        continue;
      paths = g_hash_table_lookup (by_number, number);
      if (paths == NULL)
        {
          paths = g_ptr_array_new ();
          g_hash_table_insert (by_number, (gpointer) number, paths);
        }
      g_ptr_array_add (paths, entry->path);
    }
  g_hash_table_iter_init (&iter, by_number);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GPtrArray *paths = value;

      if (paths->len < 2)
        continue;
      {
        GPtrArray *copy = g_ptr_array_new_with_free_func (g_free);

        for (guint i = 0; i < paths->len; i++)
          g_ptr_array_add (copy, g_strdup (g_ptr_array_index (paths, i)));
        g_hash_table_insert (duplicates, g_strdup (key), copy);
      }
    }
  return duplicates;
}

void
scs_portfolio_append_entries (ScsPortfolio *self,
                              GPtrArray    *entries)
{
  g_return_if_fail (SCS_IS_PORTFOLIO (self));

  /* One items-changed for the whole folder. */
  g_list_store_splice (self->entries, g_list_model_get_n_items (G_LIST_MODEL (self->entries)), 0,
                       entries->pdata, entries->len);
}

ScsPortfolioCache *
scs_portfolio_get_cache (ScsPortfolio *self)
{
  g_return_val_if_fail (SCS_IS_PORTFOLIO (self), NULL);
  return self->cache;
}

void
scs_portfolio_set_cache (ScsPortfolio      *self,
                         ScsPortfolioCache *cache)
{
  g_return_if_fail (SCS_IS_PORTFOLIO (self));
  g_return_if_fail (cache != NULL);
  scs_portfolio_cache_ref (cache);
  scs_portfolio_cache_unref (self->cache);
  self->cache = cache;
}

const GDate *
scs_portfolio_get_today (ScsPortfolio *self)
{
  return &self->today;
}

gboolean
scs_portfolio_add_folder (ScsPortfolio  *self,
                          const char    *dir,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(GPtrArray) entries = NULL;

  g_return_val_if_fail (SCS_IS_PORTFOLIO (self), FALSE);
  g_return_val_if_fail (dir != NULL, FALSE);

  entries = scs_portfolio_read_folder (dir, self->validity, &self->today, self->cache, cancellable, error);
  if (entries == NULL)
    return FALSE;
  scs_portfolio_append_entries (self, entries);
  return TRUE;
}

ScsPortfolioEntry *
scs_portfolio_add_file (ScsPortfolio *self,
                        const char   *path)
{
  g_autoptr(ScsPortfolioEntry) entry = NULL;

  g_return_val_if_fail (SCS_IS_PORTFOLIO (self), NULL);

  entry = scs_portfolio_entry_read (path, self->validity, &self->today, self->catalog_cache);
  g_list_store_append (self->entries, entry);
  return entry;
}

void
scs_portfolio_refresh (ScsPortfolio *self,
                       const char   *path)
{
  GListModel *model = G_LIST_MODEL (self->entries);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(ScsPortfolioEntry) old = g_list_model_get_item (model, i);

      if (g_strcmp0 (old->path, path) == 0)
        {
          g_autoptr(ScsPortfolioEntry) entry =
            scs_portfolio_entry_read (path, self->validity, &self->today, self->catalog_cache);
          g_list_store_splice (self->entries, i, 1, (gpointer *) &entry, 1);
          return;
        }
    }
}

void
scs_portfolio_clear (ScsPortfolio *self)
{
  g_return_if_fail (SCS_IS_PORTFOLIO (self));
  g_list_store_remove_all (self->entries);
}
