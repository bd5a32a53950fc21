/* scs-portfolio-stats.c: what a vendor's clients most often do not meet
 *
 * What no other tool gives a お助け隊 vendor: across its own clients,
 * which criteria are most often not met, by category and by client size or
 * sector (as the vendor records them in each client's diagnosis), and how
 * that changed since the previous cycle, so that it can plan its services
 * (which tools to stock, which training to offer). Everything is counted
 * from the portfolio's entries, which carry each client's unmet criteria
 * of this cycle and of the one before (scs-portfolio.c reads them with the
 * row), so the statistics cost no further file access. A criterion counts
 * for a client only when it belongs to the client's level; unanswered
 * counts as not met, as in the gap list.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "scs-portfolio-stats.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "scs-catalog.h"
#include "scs-date.h"
#include "scs-diagnosis.h"
#include "scs-pdf-writer.h"
#include "scs-portfolio.h"
#include "scs-renewal.h"
#include "scs-text.h"
#include "scs-workspace.h"
#include "scs-xlsx-writer.h"

gboolean
scs_stats_grouping_from_string (const char       *text,
                                ScsStatsGrouping *grouping)
{
  static const char * const names[] = { "all", "size", "sector" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (text, names[i]) == 0)
      {
        *grouping = i;
        return TRUE;
      }
  return FALSE;
}

const char *
scs_stats_group_get_label (ScsStatsGrouping  grouping,
                           const char       *group)
{
  switch (grouping)
    {
    case SCS_STATS_BY_SIZE:
      return scs_client_size_get_label (group);
    case SCS_STATS_BY_SECTOR:
      return scs_client_sector_get_label (group);
    case SCS_STATS_ALL:
    default:
      return _("All clients");
    }
}

void
scs_stat_free (ScsStat *stat)
{
  if (stat == NULL)
    return;
  g_free (stat->group);
  g_free (stat->criterion_id);
  g_free (stat);
}

double
scs_stat_get_rate (const ScsStat *stat)
{
  return stat->clients > 0 ? 100.0 * stat->unmet / stat->clients : 0.0;
}

double
scs_stat_get_change (const ScsStat *stat)
{
  if (stat->previous_clients == 0)
    return 0.0;
  return scs_stat_get_rate (stat) - 100.0 * stat->previous_unmet / stat->previous_clients;
}

/* "4-1-3-3" → 4. */
static guint
category_of (const char *criterion_id)
{
  return (guint) g_ascii_strtoull (criterion_id, NULL, 10);
}

static const char *
group_of (ScsPortfolioEntry *entry,
          ScsStatsGrouping   grouping)
{
  switch (grouping)
    {
    case SCS_STATS_BY_SIZE:
      return scs_portfolio_entry_get_size (entry);
    case SCS_STATS_BY_SECTOR:
      return scs_portfolio_entry_get_sector (entry);
    case SCS_STATS_ALL:
    default:
      return "";
    }
}

/* The position of @group in the size or sector list; "" (not given) last. */
static guint
group_rank (ScsStatsGrouping  grouping,
            const char       *group)
{
  guint i;

  if (*group == '\0' || (grouping != SCS_STATS_BY_SIZE && grouping != SCS_STATS_BY_SECTOR))
    return G_MAXUINT;
  if (grouping == SCS_STATS_BY_SIZE ? scs_client_size_find (group, &i) : scs_client_sector_find (group, &i))
    return i;
  return G_MAXUINT - 1;
}

static ScsStat *
stat_lookup (GHashTable *table,
             const char *group,
             guint       category,
             const char *criterion_id)
{
  g_autofree char *key = g_strdup_printf ("%s\x1f%u\x1f%s", group, category, criterion_id ? criterion_id : "");
  ScsStat *stat = g_hash_table_lookup (table, key);

  if (stat == NULL)
    {
      stat = g_new0 (ScsStat, 1);
      stat->group = g_strdup (group);
      stat->category = category;
      stat->criterion_id = g_strdup (criterion_id);
      g_hash_table_insert (table, g_steal_pointer (&key), stat);
    }
  return stat;
}

/* Adds one client's cycle to the counts: every criterion of @levels up to
 * @level applies; those in @unmet are not met. */
static void
count_cycle (GHashTable         *table,
             const char         *group,
             GHashTable         *levels,
             guint               level,
             const char * const *unmet,
             gboolean            previous)
{
  g_autoptr(GHashTable) missing = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; unmet != NULL && unmet[i] != NULL; i++)
    g_hash_table_add (missing, (gpointer) unmet[i]);

  g_hash_table_iter_init (&iter, levels);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint category = category_of (key);
      gboolean not_met = g_hash_table_contains (missing, key);
      ScsStat *criterion, *whole;

      if (GPOINTER_TO_UINT (value) > level)
        continue;
      criterion = stat_lookup (table, group, category, key);
      whole = stat_lookup (table, group, category, NULL);
      if (previous)
        {
          criterion->previous_clients++;
          whole->previous_clients++;
          criterion->previous_unmet += not_met;
          whole->previous_unmet += not_met;
        }
      else
        {
          criterion->clients++;
          whole->clients++;
          criterion->unmet += not_met;
          whole->unmet += not_met;
        }
    }
}

static ScsStatsGrouping sort_grouping;

static int
compare_stats (gconstpointer a,
               gconstpointer b)
{
  const ScsStat *x = *(ScsStat **) a;
  const ScsStat *y = *(ScsStat **) b;
  guint rx = group_rank (sort_grouping, x->group), ry = group_rank (sort_grouping, y->group);
  double dx, dy;

  if (rx != ry)
    return rx < ry ? -1 : 1;
  if ((x->criterion_id == NULL) != (y->criterion_id == NULL))
    return x->criterion_id == NULL ? -1 : 1;
  if (x->criterion_id == NULL)
    return (int) x->category - (int) y->category;
  dx = scs_stat_get_rate (x);
  dy = scs_stat_get_rate (y);
  if (dx != dy)
    return dx > dy ? -1 : 1;
  if (x->unmet != y->unmet)
    return x->unmet > y->unmet ? -1 : 1;
  return scs_text_compare_ids (x->criterion_id, y->criterion_id);
}

GPtrArray *
scs_portfolio_stats_compute (GListModel       *entries,
                             ScsStatsGrouping  grouping)
{
  g_autoptr(GHashTable) table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *stats = g_ptr_array_new_with_free_func ((GDestroyNotify) scs_stat_free);
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (entries), stats);

  n = g_list_model_get_n_items (entries);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ScsPortfolioEntry) entry = g_list_model_get_item (entries, i);
      GHashTable *levels = scs_portfolio_entry_get_levels (entry);
      const char *group = group_of (entry, grouping);

      if (scs_portfolio_entry_get_error (entry) != NULL || levels == NULL)
        continue;
      count_cycle (table, group, levels, scs_portfolio_entry_get_level (entry),
                   scs_portfolio_entry_get_unmet (entry), FALSE);
      if (scs_portfolio_entry_get_previous_level (entry) != 0)
        count_cycle (table, group, levels, scs_portfolio_entry_get_previous_level (entry),
                     scs_portfolio_entry_get_previous_unmet (entry), TRUE);
    }

  {
    GHashTableIter iter;
    gpointer value;

    g_hash_table_iter_init (&iter, table);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      g_ptr_array_add (stats, value);
  }
  sort_grouping = grouping;
  g_ptr_array_sort (stats, compare_stats);
  return stats;
}

/* ------------------------------------------------------------------------ */
/* Output                                                                    */

static ScsCatalog *
builtin_catalog (void)
{
  static ScsCatalog *catalog;

  if (g_once_init_enter (&catalog))
    g_once_init_leave (&catalog, scs_catalog_new_builtin ());
  return catalog;
}

static const char *
category_label (guint category)
{
  const ScsCategory *c = NULL;

  if (category >= 1 && category <= scs_catalog_get_n_categories (builtin_catalog ()))
    c = scs_catalog_get_category (builtin_catalog (), category);
  return c != NULL ? scs_category_get_title (c) : "";
}

static const char *
criterion_text (const char *id)
{
  const ScsCriterion *c = scs_catalog_lookup_criterion (builtin_catalog (), id);

  return c != NULL ? scs_criterion_get_text (c) : "";
}

static char *
format_rate (double rate)
{
  return g_strdup_printf ("%.1f", rate);
}

static char *
format_change (const ScsStat *stat)
{
  if (stat->previous_clients == 0)
    return g_strdup ("");
  return g_strdup_printf ("%+.1f", scs_stat_get_change (stat));
}

GBytes *
scs_portfolio_stats_to_csv (GPtrArray         *stats,
                            ScsStatsGrouping   grouping,
                            ScsCsvEncoding     encoding,
                            GError           **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  const char *header[] = {
    C_("statistics column", "Group"), C_("statistics column", "Category"),
    C_("statistics column", "Criterion"), C_("statistics column", "Criterion text"),
    C_("statistics column", "Clients"), C_("statistics column", "Not met"),
    C_("statistics column", "Not met (%)"), C_("statistics column", "Previous cycle (%)"),
    C_("statistics column", "Change (points)"), NULL,
  };

  g_ptr_array_add (rows, g_strdupv ((char **) header));
  for (guint i = 0; i < stats->len; i++)
    {
      ScsStat *stat = g_ptr_array_index (stats, i);
      g_autofree char *clients = g_strdup_printf ("%u", stat->clients);
      g_autofree char *unmet = g_strdup_printf ("%u", stat->unmet);
      g_autofree char *rate = format_rate (scs_stat_get_rate (stat));
      g_autofree char *previous = stat->previous_clients > 0
                                  ? format_rate (100.0 * stat->previous_unmet / stat->previous_clients)
                                  : g_strdup ("");
      g_autofree char *change = format_change (stat);
      const char *row[] = {
        scs_stats_group_get_label (grouping, stat->group), category_label (stat->category),
        stat->criterion_id ? stat->criterion_id : C_("statistics", "(whole category)"),
        stat->criterion_id ? criterion_text (stat->criterion_id) : "",
        clients, unmet, rate, previous, change, NULL,
      };

      g_ptr_array_add (rows, g_strdupv ((char **) row));
    }
  return scs_csv_write (rows, G_N_ELEMENTS (header) - 1, encoding, error);
}

GBytes *
scs_portfolio_stats_to_pdf (GPtrArray         *stats,
                            ScsStatsGrouping   grouping,
                            guint              top,
                            const char        *date,
                            GError           **error)
{
  g_autoptr(ScsPdfWriter) writer = scs_pdf_writer_new ();
  g_autoptr(GArray) bars = g_array_new (FALSE, TRUE, sizeof (ScsPdfBar));
  g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *today = NULL;
  g_autofree char *pdf_date = NULL;
  g_autofree char *subtitle = NULL;
  const double widths[] = { 0.12, 0.58, 0.1, 0.1, 0.1 };
  const char *head[] = {
    C_("statistics column", "Criterion"), C_("statistics column", "Criterion text"),
    C_("statistics column", "Not met"), C_("statistics column", "Not met (%)"),
    C_("statistics column", "Change (points)"),
  };
  const char *group = NULL;
  guint shown = 0;

  today = date != NULL ? g_strdup (date) : scs_date_today_iso (SCS_DATE_ZONE_LOCAL);
  pdf_date = g_strconcat (today, "T00:00:00Z", NULL);

  scs_pdf_writer_set_metadata (writer, _("What our clients most often do not meet"), NULL, pdf_date);
  scs_pdf_writer_title (writer, _("What our clients most often do not meet"));
  /* Translators: %s is the date */
  subtitle = g_strdup_printf (_("Statistics across the portfolio, %s"), today);
  scs_pdf_writer_small (writer, subtitle);

  for (guint i = 0; i <= stats->len; i++)
    {
      ScsStat *stat = i < stats->len ? g_ptr_array_index (stats, i) : NULL;

      /* A new group: close the table of the last one. */
      if (stat == NULL || group == NULL || !g_str_equal (group, stat->group))
        {
          if (group != NULL)
            scs_pdf_writer_table_end (writer);
          if (stat == NULL)
            break;
          group = stat->group;
          shown = 0;
          scs_pdf_writer_heading (writer, scs_stats_group_get_label (grouping, group));
          g_array_set_size (bars, 0);
          for (guint j = i; j < stats->len; j++)
            {
              ScsStat *c = g_ptr_array_index (stats, j);
              ScsPdfBar bar = { 0, };
              char *text;

              if (!g_str_equal (c->group, group) || c->criterion_id != NULL)
                break;
              text = g_strdup_printf ("%.0f %%", scs_stat_get_rate (c));
              g_ptr_array_add (keep, text);
              bar.label = category_label (c->category);
              bar.value = scs_stat_get_rate (c);
              bar.max = 100;
              bar.rgb = 0xC0504D;
              bar.value_text = text;
              g_array_append_val (bars, bar);
            }
          scs_pdf_writer_subheading (writer, _("Not met, by category"));
          scs_pdf_writer_bars (writer, (ScsPdfBar *) (gpointer) bars->data, bars->len);
          scs_pdf_writer_subheading (writer, _("The criteria most often not met"));
          scs_pdf_writer_table_begin (writer, G_N_ELEMENTS (widths), widths, head);
        }
      if (stat->criterion_id == NULL || shown >= top || stat->unmet == 0)
        continue;
      {
        g_autofree char *unmet = g_strdup_printf ("%u / %u", stat->unmet, stat->clients);
        g_autofree char *rate = format_rate (scs_stat_get_rate (stat));
        g_autofree char *change = format_change (stat);
        const char *cells[] = { stat->criterion_id, criterion_text (stat->criterion_id), unmet, rate, change };

        scs_pdf_writer_table_row (writer, cells);
        shown++;
      }
    }
  if (stats->len == 0)
    scs_pdf_writer_paragraph (writer, _("No readable client workspace in the portfolio."));
  return scs_pdf_writer_finish (writer, error);
}

/* ------------------------------------------------------------------------ */
/* The portfolio as a table                                                  */

#define N_PORTFOLIO_COLUMNS 14
enum { PORTFOLIO_EXPIRY_COLUMN = 10 };

static GPtrArray *
portfolio_table (GListModel *entries)
{
  g_autoptr(GHashTable) duplicates = scs_portfolio_find_duplicates (entries);
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  const char *header[N_PORTFOLIO_COLUMNS + 1] = {
    C_("portfolio column", "File"), C_("portfolio column", "Company"),
    C_("portfolio column", "Corporate number"), C_("portfolio column", "Same corporate number as"),
    C_("portfolio column", "Target level"), C_("portfolio column", "Cycle"),
    C_("portfolio column", "Satisfied"), C_("portfolio column", "Open gaps"),
    C_("portfolio column", "Review"), C_("portfolio column", "Obtained"),
    C_("portfolio column", "Expiry"), C_("portfolio column", "Days left"),
    C_("portfolio column", "Size"), C_("portfolio column", "Sector"), NULL,
  };
  guint n = g_list_model_get_n_items (entries);

  g_ptr_array_add (rows, g_strdupv ((char **) header));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ScsPortfolioEntry) e = g_list_model_get_item (entries, i);
      const char *number = scs_portfolio_entry_get_corporate_number (e);
      GPtrArray *copies = number != NULL ? g_hash_table_lookup (duplicates, number) : NULL;
      g_autoptr(GString) others = g_string_new (NULL);
      g_autofree char *level = NULL, *cycle = NULL, *satisfied = NULL, *gaps = NULL;
      g_autofree char *obtained = NULL, *days = NULL;

      if (scs_portfolio_entry_get_error (e) != NULL)
        continue;
      for (guint c = 0; copies != NULL && c < copies->len; c++)
        if (!g_str_equal (g_ptr_array_index (copies, c), scs_portfolio_entry_get_path (e)))
          g_string_append_printf (others, "%s%s", others->len > 0 ? "\n" : "",
                                  (const char *) g_ptr_array_index (copies, c));
      cycle = g_strdup_printf ("%u", scs_portfolio_entry_get_cycle (e));
      if (scs_workspace_type_is_item_based (scs_portfolio_entry_get_workspace_type (e)))
        {
          /* no SCS level or readiness: the type, its answers and its
           * diagnosis's gaps */
          level = g_strdup (scs_workspace_type_get_short_label (scs_portfolio_entry_get_workspace_type (e)));
          satisfied = g_strdup_printf ("%u", scs_portfolio_entry_get_items_answered (e));
          gaps = g_strdup_printf ("%u", scs_portfolio_entry_get_open_gaps (e));
        }
      else
        {
          level = g_strdup_printf ("★%u", scs_portfolio_entry_get_level (e));
          satisfied = g_strdup_printf ("%u / %u", scs_portfolio_entry_get_satisfied (e),
                                       scs_portfolio_entry_get_total (e));
          gaps = g_strdup_printf ("%u", scs_portfolio_entry_get_open_gaps (e));
        }
      obtained = scs_portfolio_entry_get_obtained_level (e) != 0
                 ? g_strdup_printf ("★%u %s", scs_portfolio_entry_get_obtained_level (e),
                                    scs_portfolio_entry_get_obtained (e))
                 : g_strdup ("");
      days = scs_portfolio_entry_get_expiry (e) != NULL
             ? g_strdup_printf ("%d", scs_portfolio_entry_get_days_left (e)) : g_strdup ("");
      {
        const char *row[N_PORTFOLIO_COLUMNS + 1] = {
          scs_portfolio_entry_get_path (e), scs_portfolio_entry_get_company (e), number ? number : "",
          others->str, level, cycle, satisfied, gaps,
          scs_review_state_get_label (scs_portfolio_entry_get_review_state (e)), obtained,
          scs_portfolio_entry_get_expiry (e) ? scs_portfolio_entry_get_expiry (e) : "", days,
          *scs_portfolio_entry_get_size (e) ? scs_client_size_get_label (scs_portfolio_entry_get_size (e)) : "",
          *scs_portfolio_entry_get_sector (e) ? scs_client_sector_get_label (scs_portfolio_entry_get_sector (e))
                                              : "",
          NULL,
        };
        g_ptr_array_add (rows, g_strdupv ((char **) row));
      }
    }
  return rows;
}

GBytes *
scs_portfolio_export_csv (GListModel      *entries,
                          ScsCsvEncoding   encoding,
                          GError         **error)
{
  g_autoptr(GPtrArray) rows = portfolio_table (entries);

  return scs_csv_write (rows, N_PORTFOLIO_COLUMNS, encoding, error);
}

GBytes *
scs_portfolio_export_xlsx (GListModel  *entries,
                           GError     **error)
{
  static const double widths[N_PORTFOLIO_COLUMNS] = { 40, 30, 16, 40, 8, 6, 10, 8, 16, 16, 12, 8, 20, 20 };
  static const gboolean wrap[N_PORTFOLIO_COLUMNS] = { 1, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1 };
  g_autoptr(GPtrArray) rows = portfolio_table (entries);

  return scs_xlsx_write_table (C_("sheet name", "Clients"), rows, N_PORTFOLIO_COLUMNS, widths, wrap,
                               PORTFOLIO_EXPIRY_COLUMN, error);
}

/* ------------------------------------------------------------------------ */
/* Reminders                                                                 */

void
scs_reminder_free (ScsReminder *reminder)
{
  if (reminder == NULL)
    return;
  g_free (reminder->path);
  g_free (reminder->company);
  g_free (reminder->date);
  g_free (reminder);
}

static int
compare_reminders (gconstpointer a,
                   gconstpointer b)
{
  const ScsReminder *x = *(ScsReminder **) a;
  const ScsReminder *y = *(ScsReminder **) b;

  if (x->days != y->days)
    return x->days < y->days ? -1 : 1;
  return g_strcmp0 (x->path, y->path);
}

static void
add_reminder (GPtrArray         *reminders,
              ScsPortfolioEntry *entry,
              gboolean           expiry,
              const GDate       *date,
              const GDate       *today)
{
  ScsReminder *r = g_new0 (ScsReminder, 1);

  r->path = g_strdup (scs_portfolio_entry_get_path (entry));
  r->company = g_strdup (scs_portfolio_entry_get_company (entry));
  r->expiry = expiry;
  r->date = scs_date_to_iso (date);
  r->days = g_date_days_between (today, date);
  g_ptr_array_add (reminders, r);
}

GPtrArray *
scs_portfolio_list_reminders (GListModel  *entries,
                              const GDate *today,
                              guint        days)
{
  GPtrArray *reminders = g_ptr_array_new_with_free_func ((GDestroyNotify) scs_reminder_free);
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (entries), reminders);
  g_return_val_if_fail (today != NULL, reminders);

  n = g_list_model_get_n_items (entries);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ScsPortfolioEntry) e = g_list_model_get_item (entries, i);
      g_autoptr(GDate) expiry = NULL;
      g_autoptr(GDate) obtained = NULL;

      if (scs_portfolio_entry_get_error (e) != NULL || scs_portfolio_entry_get_expiry (e) == NULL)
        continue;
      expiry = scs_date_parse_iso (scs_portfolio_entry_get_expiry (e));
      if (expiry == NULL)
        continue;
      if (g_date_days_between (today, expiry) <= (int) days)
        {
          add_reminder (reminders, e, TRUE, expiry, today);
          continue;
        }
      /* The next anniversary of the star still before the expiry: the
       * yearly self-assessment. */
      obtained = scs_date_parse_iso (scs_portfolio_entry_get_obtained (e));
      if (obtained == NULL)
        continue;
      do
        g_date_add_years (obtained, 1);
      while (g_date_compare (obtained, today) < 0);
      if (g_date_compare (obtained, expiry) < 0 && g_date_days_between (today, obtained) <= (int) days)
        add_reminder (reminders, e, FALSE, obtained, today);
    }
  g_ptr_array_sort (reminders, compare_reminders);
  return reminders;
}

/* ------------------------------------------------------------------------ */
/* Bulk actions                                                              */

gboolean
scs_bulk_action_from_string (const char    *text,
                             ScsBulkAction *action)
{
  static const char * const names[] = { "diagnose", "renew", "reconfirm" };

  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (text, names[i]))
      {
        *action = i;
        return TRUE;
      }
  return FALSE;
}

void
scs_bulk_failure_free (ScsBulkFailure *failure)
{
  if (failure == NULL)
    return;
  g_free (failure->path);
  g_free (failure->reason);
  g_free (failure);
}

/* Both outputs of one client, or neither: each is built before anything is
 * written, and the report is removed again when the gap list cannot be. */
static gboolean
bulk_diagnose (ScsWorkspace  *workspace,
               const char    *path,
               const char    *out_dir,
               GError       **error)
{
  g_autoptr(ScsDiagnosis) diagnosis = scs_diagnosis_new (workspace);
  g_autoptr(GBytes) pdf = scs_diagnosis_build_report (diagnosis, NULL, error);
  g_autoptr(GBytes) xlsx = pdf != NULL ? scs_diagnosis_export_xlsx (diagnosis, error) : NULL;
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *stem = g_str_has_suffix (base, ".scsw") ? g_strndup (base, strlen (base) - 5) : g_strdup (base);
  g_autofree char *pdf_name = g_strconcat (stem, "-diagnosis.pdf", NULL);
  g_autofree char *xlsx_name = g_strconcat (stem, "-gaps.xlsx", NULL);
  g_autofree char *pdf_path = g_build_filename (out_dir, pdf_name, NULL);
  g_autofree char *xlsx_path = g_build_filename (out_dir, xlsx_name, NULL);

  if (xlsx == NULL)
    return FALSE;
  if (!g_file_set_contents (pdf_path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), error))
    return FALSE;
  if (!g_file_set_contents (xlsx_path, g_bytes_get_data (xlsx, NULL), g_bytes_get_size (xlsx), error))
    {
      g_unlink (pdf_path);
      return FALSE;
    }
  return TRUE;
}

static gboolean
bulk_one (ScsBulkAction   action,
          const char     *path,
          const char     *out_dir,
          GError        **error)
{
  g_autoptr(ScsWorkspace) workspace = scs_workspace_open (path, error);

  if (workspace == NULL)
    return FALSE;
  switch (action)
    {
    case SCS_BULK_RENEW:
      return scs_renewal_start (workspace, error) != 0;
    case SCS_BULK_RECONFIRM:
      {
        g_auto(GStrv) open = scs_renewal_list_unconfirmed (workspace, error);

        if (open == NULL)
          return FALSE;
        if (open[0] == NULL)
          {
            g_set_error (error, SCS_RENEWAL_ERROR, SCS_RENEWAL_ERROR_INVALID,
                         _("nothing to re-confirm in this cycle"));
            return FALSE;
          }
        return scs_renewal_confirm_all (workspace, (const char * const *) open, error);
      }
    case SCS_BULK_DIAGNOSE:
    default:
      return bulk_diagnose (workspace, path, out_dir, error);
    }
}

GPtrArray *
scs_portfolio_run_bulk (ScsBulkAction        action,
                        const char * const  *paths,
                        const char          *out_dir,
                        GCancellable        *cancellable,
                        guint               *n_done)
{
  GPtrArray *failures = g_ptr_array_new_with_free_func ((GDestroyNotify) scs_bulk_failure_free);

  g_return_val_if_fail (paths != NULL, failures);
  g_return_val_if_fail (action != SCS_BULK_DIAGNOSE || out_dir != NULL, failures);

  *n_done = 0;
  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      ScsBulkFailure *failure;

      if (g_cancellable_is_cancelled (cancellable))
        break;
      if (bulk_one (action, paths[i], out_dir, &error))
        {
          (*n_done)++;
          continue;
        }
      failure = g_new0 (ScsBulkFailure, 1);
      failure->path = g_strdup (paths[i]);
      failure->reason = g_strdup (error->message);
      g_ptr_array_add (failures, failure);
    }
  return failures;
}

typedef struct
{
  ScsBulkAction  action;
  GStrv          paths;
  char          *out_dir;
  guint          n_done;
} BulkJob;

static void
bulk_job_free (BulkJob *job)
{
  g_strfreev (job->paths);
  g_free (job->out_dir);
  g_free (job);
}

static void
bulk_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  BulkJob *job = task_data;
  GPtrArray *failures = scs_portfolio_run_bulk (job->action, (const char * const *) job->paths, job->out_dir,
                                                cancellable, &job->n_done);

  g_task_return_pointer (task, failures, (GDestroyNotify) g_ptr_array_unref);
}

void
scs_portfolio_run_bulk_async (ScsBulkAction        action,
                              const char * const  *paths,
                              const char          *out_dir,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  BulkJob *job;

  g_return_if_fail (paths != NULL);
  g_return_if_fail (action != SCS_BULK_DIAGNOSE || out_dir != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, scs_portfolio_run_bulk_async);
  /* cancelled, it stops before the next client and still says what it did */
  g_task_set_check_cancellable (task, FALSE);
  job = g_new0 (BulkJob, 1);
  job->action = action;
  job->paths = g_strdupv ((char **) paths);
  job->out_dir = g_strdup (out_dir);
  g_task_set_task_data (task, job, (GDestroyNotify) bulk_job_free);
  g_task_run_in_thread (task, bulk_thread);
}

/**
 * scs_portfolio_run_bulk_finish:
 *
 * Returns: (transfer full) (element-type ScsBulkFailure): the failures.
 */
GPtrArray *
scs_portfolio_run_bulk_finish (GAsyncResult *result,
                               guint        *n_done)
{
  BulkJob *job;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  job = g_task_get_task_data (G_TASK (result));
  if (n_done != NULL)
    *n_done = job->n_done;
  return g_task_propagate_pointer (G_TASK (result), NULL);
}
