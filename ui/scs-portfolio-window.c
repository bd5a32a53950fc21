/* scs-portfolio-window.c: the vendor's list of client workspaces
 *
 * A vendor opens a folder of client workspaces (or adds files one by one)
 * and sees one row per client in a GtkColumnView: company, level, cycle,
 * readiness, open gaps, review state, submitted (the date of the last
 * final package exported), expiry and days left, last change.
 * Every column sorts (by its value, not its text), the search entry filters
 * by company or file name, the drop-down by state (open gaps, expiring,
 * needing a new check, unreadable, not submitted). Rows come from ScsPortfolio, which
 * reads only what a row shows, read-only, so opening a folder of 1,000
 * clients stays quick and never disturbs a workspace open elsewhere.
 * Unreadable files are rows too, with the reason in place of the company.
 * Activating a row (double-click, Enter) opens the client in the
 * checklist through the portfolio.open-client action.
 *
 * The columns and their cells are in the template: each cell is a label
 * bound to closures below (its text, its style) on the row's
 * ScsPortfolioEntry, so the rows hold no state of their own and the
 * model stays the entries (filtered, sorted, selected).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "scs-portfolio-window.h"
#include "scs-toast.h"

#include "scs-date.h"
#include "scs-portfolio-stats.h"
#include "scs-text.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "scs-application.h"

struct _ScsPortfolioWindow
{
  AdwWindow           parent_instance;

  AdwToastOverlay    *toasts;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *filter_dropdown;
  GtkColumnView      *column_view;
  GtkLabel           *summary_label;
  GtkLabel           *reminder_label;  /* what the reminder says; hidden when nothing is due */
  GtkSpinner         *spinner;
  GtkDrawingArea     *chart;
  GtkWidget          *chart_expander;
  double              chart_rates[8];   /* per category 1–7: % of client × criterion not met */
  guint               chart_n;

  ScsValidity        *validity;
  ScsPortfolio       *portfolio;
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  GtkSortListModel   *sorted;
  char               *folder;
  char               *search;
  ScsPortfolioFilter  filter_kind;
  GCancellable       *cancellable;
  char               *loading;      /* the folder being listed */
  guint               bulk_n;       /* clients in the bulk action running */
  GtkMultiSelection  *selection;
  gboolean            bulk_running;
};

static void send_reminders (ScsPortfolioWindow *self);
static void update_bulk_actions (ScsPortfolioWindow *self);

G_DEFINE_FINAL_TYPE (ScsPortfolioWindow, scs_portfolio_window, ADW_TYPE_WINDOW)

/* The columns, in the order of the template's. */
typedef enum
{
  COL_COMPANY, COL_LEVEL, COL_CYCLE, COL_READINESS, COL_GAPS, COL_REVIEW, COL_SUBMITTED, COL_EXPIRY,
  COL_DAYS, COL_NEXT_DUE, COL_LAST_CHANGE, N_COLS
} Column;

/* The life cycle's next step of a client: a suspended or withdrawn star,
 * else the soonest of an open correction report, the yearly
 * self-assessment and the renewal; its date in @date (NULL for a status). */
static char *
next_due (ScsPortfolioEntry  *e,
          const char        **date)
{
  const char *status = scs_portfolio_entry_get_registry_status (e);
  const char *correction = scs_portfolio_entry_get_correction_due (e);
  ScsDueKind kind = SCS_DUE_RENEWAL;
  const char *next = scs_portfolio_entry_get_next_due (e, &kind);

  *date = NULL;
  if (g_strcmp0 (status, "suspended") == 0)
    return g_strdup (_("Star suspended"));
  if (g_strcmp0 (status, "withdrawn") == 0)
    return g_strdup (_("Star withdrawn"));
  if (correction != NULL && (next == NULL || g_strcmp0 (correction, next) <= 0))
    {
      *date = correction;
      return g_strdup_printf (_("Correction report by %s"), correction);
    }
  if (next == NULL)
    return g_strdup ("—");
  *date = next;
  if (kind == SCS_DUE_SELF_ASSESSMENT)
    return g_strdup_printf (_("Yearly self-assessment by %s"), next);
  return g_strdup_printf (scs_portfolio_entry_get_obtained_level (e) == 4 ? _("Re-evaluation by %s")
                                                                         : _("New expert check by %s"), next);
}

/* The cells (closures of the template's columns, on the row's entry; NULL
 * while a cell is not bound). An unreadable file shows its name and the
 * reason in the company column, nothing in the others; a JC-STAR or
 * SECURITY ACTION workspace has no SCS level, readiness or review: its
 * type, how many items are answered, "—"; its gaps are its items'. */

static gboolean
is_unreadable (ScsPortfolioEntry *e)
{
  return scs_portfolio_entry_get_error (e) != NULL;
}

static gboolean
is_item_based (ScsPortfolioEntry *e)
{
  return scs_workspace_type_is_item_based (scs_portfolio_entry_get_workspace_type (e));
}

/* @text, or "—" when NULL. */
static char *
dash_if_null (const char *text)
{
  return g_strdup (text != NULL ? text : "—");
}

static char *
company_text (ScsPortfolioEntry *e)
{
  g_autofree char *base = NULL;

  if (!is_unreadable (e))
    return g_strdup (scs_portfolio_entry_get_company (e));
  base = g_path_get_basename (scs_portfolio_entry_get_path (e));
  return g_strdup_printf (_("%s — unreadable: %s"), base, scs_portfolio_entry_get_error (e));
}

static const char *
company_class (ScsPortfolioEntry *e)
{
  return is_unreadable (e) ? "error" : NULL;
}

static char *
level_text (ScsPortfolioEntry *e)
{
  if (is_item_based (e))
    return g_strdup (scs_workspace_type_get_short_label (scs_portfolio_entry_get_workspace_type (e)));
  /* Translators: a level of the scheme, ★3 or ★4 */
  return g_strdup_printf (_("★%u"), scs_portfolio_entry_get_level (e));
}

static char *
cycle_text (ScsPortfolioEntry *e)
{
  if (scs_portfolio_entry_get_cycle (e) == 0)
    return g_strdup (_("Initial"));
  return g_strdup_printf (_("Renewal %u"), scs_portfolio_entry_get_cycle (e));
}

static char *
readiness_text (ScsPortfolioEntry *e)
{
  if (is_item_based (e))
    /* Translators: in the portfolio, for a JC-STAR or SECURITY ACTION workspace */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u item answered", "%u items answered",
                                         scs_portfolio_entry_get_items_answered (e)),
                            scs_portfolio_entry_get_items_answered (e));
  if (scs_portfolio_entry_get_criteria_missing (e))
    /* Translators: %u is the level, 3 or 4 */
    return g_strdup_printf (_("★%u criteria missing: import the official workbook"),
                            scs_portfolio_entry_get_level (e));
  return g_strdup_printf ("%u / %u%s", scs_portfolio_entry_get_satisfied (e), scs_portfolio_entry_get_total (e),
                          scs_portfolio_entry_get_ready (e) ? " ✓" : "");
}

static char *
gaps_text (ScsPortfolioEntry *e)
{
  return g_strdup_printf ("%u", scs_portfolio_entry_get_open_gaps (e));
}

static char *
review_text (ScsPortfolioEntry *e)
{
  const char *label;

  if (is_item_based (e))
    return g_strdup ("—");
  label = scs_review_state_get_label (scs_portfolio_entry_get_review_state (e));
  if (scs_portfolio_entry_get_needs_check (e))
    return g_strdup_printf (_("%s · new check needed"), label);
  return g_strdup (label);
}

static const char *
review_class (ScsPortfolioEntry *e)
{
  return scs_portfolio_entry_get_needs_check (e) ? "warning" : NULL;
}

static char *
submitted_text (ScsPortfolioEntry *e)
{
  return dash_if_null (scs_portfolio_entry_get_submitted (e));
}

static char *
expiry_text (ScsPortfolioEntry *e)
{
  return dash_if_null (scs_portfolio_entry_get_expiry (e));
}

/* Of the Expiry and Days left columns. */
static const char *
expiry_class (ScsPortfolioEntry *e)
{
  ScsExpiryState state = scs_portfolio_entry_get_expiry_state (e);

  return state == SCS_EXPIRY_EXPIRED ? "error" : state == SCS_EXPIRY_SOON ? "warning" : NULL;
}

static char *
days_text (ScsPortfolioEntry *e)
{
  int days;

  if (scs_portfolio_entry_get_expiry (e) == NULL)
    return g_strdup ("—");
  days = scs_portfolio_entry_get_days_left (e);
  if (days < 0)
    return g_strdup_printf (_("expired %d days ago"), -days);
  return g_strdup_printf ("%d", days);
}

static char *
next_due_text (ScsPortfolioEntry *e)
{
  const char *date;

  return next_due (e, &date);
}

/* A status (suspended, withdrawn) and an overdue date are errors; a date
 * within the reminder period a warning. */
static const char *
next_due_class (ScsPortfolioEntry *e)
{
  const char *date;
  g_autofree char *text = NULL;
  g_autoptr(GDate) due = NULL;
  g_autoptr(GDate) today = NULL;

  text = next_due (e, &date);
  if (date == NULL)
    return g_strcmp0 (text, "—") != 0 ? "error" : NULL;
  due = scs_date_parse_iso (date);
  if (due == NULL)
    return NULL;
  today = scs_date_today (SCS_DATE_ZONE_LOCAL);
  if (g_date_days_between (today, due) < 0)
    return "error";
  return g_date_days_between (today, due) <= SCS_PORTFOLIO_REMINDER_DAYS ? "warning" : NULL;
}

static char *
last_change_text (ScsPortfolioEntry *e)
{
  const char *t = scs_portfolio_entry_get_last_change (e);

  /* "2026-11-22T03:49:12.345Z" → "2026-11-22 03:49" */
  if (t == NULL || strlen (t) < 16)
    return dash_if_null (t);
  return g_strdup_printf ("%.10s %.5s", t, t + 11);
}

/* The columns of the template by the name its closures pass: the text of
 * the cell, for some its style class; only the company column says
 * something of an unreadable file. */
static const struct
{
  const char  *column;
  char       *(*text)      (ScsPortfolioEntry *e);
  const char *(*css_class) (ScsPortfolioEntry *e);
  gboolean     unreadable;
} columns[] = {
  { "company", company_text, company_class, TRUE },
  { "level", level_text, NULL, FALSE },
  { "cycle", cycle_text, NULL, FALSE },
  { "readiness", readiness_text, NULL, FALSE },
  { "gaps", gaps_text, NULL, FALSE },
  { "review", review_text, review_class, FALSE },
  { "submitted", submitted_text, NULL, FALSE },
  { "expiry", expiry_text, expiry_class, FALSE },
  { "days", days_text, expiry_class, FALSE },
  { "next-due", next_due_text, next_due_class, FALSE },
  { "last-change", last_change_text, NULL, FALSE },
};

static guint
find_column (const char *column)
{
  guint i;

  if (!scs_text_find_in_table (columns, column, column, &i))
    g_error ("The portfolio template names a column ‘%s’ the window does not have", column);
  return i;
}

/* The label of @column for the row's entry @e: nothing while the cell is
 * not bound, nothing for an unreadable file but in the company column. */
static char *
cell_text (GtkListItem       *item,
           ScsPortfolioEntry *e,
           const char        *column)
{
  guint i = find_column (column);

  if (e == NULL)
    return NULL;
  if (is_unreadable (e) && !columns[i].unreadable)
    return g_strdup ("");
  return columns[i].text (e);
}

/* The style classes of @column for @e: its class, or none. */
static GStrv
cell_classes (GtkListItem       *item,
              ScsPortfolioEntry *e,
              const char        *column)
{
  guint i = find_column (column);
  const char *classes[] = { NULL, NULL };

  if (e != NULL && (!is_unreadable (e) || columns[i].unreadable) && columns[i].css_class != NULL)
    classes[0] = columns[i].css_class (e);
  return g_strdupv ((char **) classes);
}

static int
compare_readable (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  gboolean bad_a = scs_portfolio_entry_get_error ((ScsPortfolioEntry *) a) != NULL;
  gboolean bad_b = scs_portfolio_entry_get_error ((ScsPortfolioEntry *) b) != NULL;

  return bad_a == bad_b ? GTK_ORDERING_EQUAL : bad_a ? GTK_ORDERING_LARGER : GTK_ORDERING_SMALLER;
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  ScsPortfolioEntry *ea = (ScsPortfolioEntry *) a, *eb = (ScsPortfolioEntry *) b;
  Column column = GPOINTER_TO_UINT (user_data);
  gboolean bad_a = scs_portfolio_entry_get_error (ea) != NULL;
  gboolean bad_b = scs_portfolio_entry_get_error (eb) != NULL;
  gint64 va = 0, vb = 0;

  if (bad_a || bad_b)
    return gtk_ordering_from_cmpfunc (g_strcmp0 (scs_portfolio_entry_get_path (ea),
                                                 scs_portfolio_entry_get_path (eb)));
  switch (column)
    {
    case COL_COMPANY:
      return gtk_ordering_from_cmpfunc (g_utf8_collate (scs_portfolio_entry_get_company (ea),
                                                        scs_portfolio_entry_get_company (eb)));
    case COL_EXPIRY:
      return gtk_ordering_from_cmpfunc (g_strcmp0 (scs_portfolio_entry_get_expiry (ea),
                                                   scs_portfolio_entry_get_expiry (eb)));
    case COL_LAST_CHANGE:
      return gtk_ordering_from_cmpfunc (g_strcmp0 (scs_portfolio_entry_get_last_change (ea),
                                                   scs_portfolio_entry_get_last_change (eb)));
    case COL_NEXT_DUE:
      {
        const char *da, *db;
        g_autofree char *ta = next_due (ea, &da);
        g_autofree char *tb = next_due (eb, &db);

        /* A status first, then by date, nothing due last. */
        va = da != NULL ? 1 : g_strcmp0 (ta, "—") != 0 ? 0 : 2;
        vb = db != NULL ? 1 : g_strcmp0 (tb, "—") != 0 ? 0 : 2;
        if (va == vb && va == 1)
          return gtk_ordering_from_cmpfunc (g_strcmp0 (da, db));
        break;
      }
    case COL_SUBMITTED:
      /* Not submitted sorts first: NULL before any date. */
      return gtk_ordering_from_cmpfunc (g_strcmp0 (scs_portfolio_entry_get_submitted (ea),
                                                   scs_portfolio_entry_get_submitted (eb)));
    case COL_REVIEW:
      va = scs_portfolio_entry_get_review_state (ea);
      vb = scs_portfolio_entry_get_review_state (eb);
      break;
    case COL_LEVEL:
      va = scs_portfolio_entry_get_level (ea);
      vb = scs_portfolio_entry_get_level (eb);
      break;
    case COL_CYCLE:
      va = scs_portfolio_entry_get_cycle (ea);
      vb = scs_portfolio_entry_get_cycle (eb);
      break;
    case COL_READINESS:
      /* By the share satisfied, as integers: satisfied × other total. */
      va = (gint64) scs_portfolio_entry_get_satisfied (ea) * MAX (scs_portfolio_entry_get_total (eb), 1);
      vb = (gint64) scs_portfolio_entry_get_satisfied (eb) * MAX (scs_portfolio_entry_get_total (ea), 1);
      break;
    case COL_GAPS:
      va = scs_portfolio_entry_get_open_gaps (ea);
      vb = scs_portfolio_entry_get_open_gaps (eb);
      break;
    case COL_DAYS:
      /* No expiry sorts last. */
      va = scs_portfolio_entry_get_expiry (ea) ? scs_portfolio_entry_get_days_left (ea) : G_MAXINT;
      vb = scs_portfolio_entry_get_expiry (eb) ? scs_portfolio_entry_get_days_left (eb) : G_MAXINT;
      break;
    default:
      break;
    }
  return va < vb ? GTK_ORDERING_SMALLER : va > vb ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static gboolean
filter_entry (gpointer item,
              gpointer user_data)
{
  ScsPortfolioWindow *self = user_data;
  ScsPortfolioEntry *e = item;
  gboolean bad = scs_portfolio_entry_get_error (e) != NULL;

  if (self->search != NULL && *self->search != '\0')
    {
      g_autofree char *needle = g_utf8_casefold (self->search, -1);
      g_autofree char *company = g_utf8_casefold (scs_portfolio_entry_get_company (e)
                                                  ? scs_portfolio_entry_get_company (e) : "", -1);
      g_autofree char *path = g_utf8_casefold (scs_portfolio_entry_get_path (e), -1);

      if (strstr (company, needle) == NULL && strstr (path, needle) == NULL)
        return FALSE;
    }

  switch (self->filter_kind)
    {
    case SCS_PORTFOLIO_FILTER_OPEN_GAPS:
      return !bad && scs_portfolio_entry_get_open_gaps (e) > 0;
    case SCS_PORTFOLIO_FILTER_EXPIRING:
      return !bad && (scs_portfolio_entry_get_expiry_state (e) == SCS_EXPIRY_SOON ||
                      scs_portfolio_entry_get_expiry_state (e) == SCS_EXPIRY_EXPIRED);
    case SCS_PORTFOLIO_FILTER_NEEDS_CHECK:
      return !bad && scs_portfolio_entry_get_needs_check (e);
    case SCS_PORTFOLIO_FILTER_UNREADABLE:
      return bad;
    case SCS_PORTFOLIO_FILTER_NOT_SUBMITTED:
      return !bad && scs_portfolio_entry_get_submitted (e) == NULL;
    case SCS_PORTFOLIO_FILTER_ALL:
    default:
      return TRUE;
    }
}

/* The label of category @c's bar. */
static char *
chart_label (ScsPortfolioWindow *self,
             guint               c)
{
  return g_strdup_printf (_("Category %u: %.0f %% not met"), c, self->chart_rates[c]);
}

/* Bars of the share of criteria not met per category, across the clients
 * (what the vendor's services should address first). */
static void
draw_chart (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        user_data)
{
  ScsPortfolioWindow *self = user_data;
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (area), NULL);
  GdkRGBA fg;
  double row, label_width = width * 0.35;

  if (self->chart_n == 0)
    return;
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (area)), &fg);
  row = (double) height / 7;
  for (guint c = 1; c <= 7; c++)
    {
      g_autofree char *label = chart_label (self, c);
      double y = (c - 1) * row;

      gdk_cairo_set_source_rgba (cr, &fg);
      pango_layout_set_text (layout, label, -1);
      cairo_move_to (cr, 0, y);
      pango_cairo_show_layout (cr, layout);
      cairo_set_source_rgb (cr, 0.75, 0.31, 0.30);
      cairo_rectangle (cr, label_width, y + row * 0.2, (width - label_width) * self->chart_rates[c] / 100.0,
                       row * 0.6);
      cairo_fill (cr);
    }
}

static void
update_chart (ScsPortfolioWindow *self)
{
  g_autoptr(GPtrArray) stats = scs_portfolio_stats_compute (scs_portfolio_get_entries (self->portfolio),
                                                            SCS_STATS_ALL);
  g_autoptr(GString) description = g_string_new (NULL);

  memset (self->chart_rates, 0, sizeof self->chart_rates);
  self->chart_n = 0;
  for (guint i = 0; i < stats->len; i++)
    {
      ScsStat *stat = g_ptr_array_index (stats, i);

      if (stat->criterion_id != NULL || stat->category < 1 || stat->category > 7)
        continue;
      self->chart_rates[stat->category] = scs_stat_get_rate (stat);
      self->chart_n++;
    }
  /* What the bars show, for a screen reader: the labels, one a line. */
  for (guint c = 1; c <= 7 && self->chart_n > 0; c++)
    {
      g_autofree char *label = chart_label (self, c);

      g_string_append_printf (description, "%s%s", c > 1 ? "\n" : "", label);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chart), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description->str, -1);
  gtk_widget_set_visible (self->chart_expander, self->chart_n > 0);
  gtk_widget_queue_draw (GTK_WIDGET (self->chart));
}

static void
update_summary (ScsPortfolioWindow *self)
{
  GListModel *all = scs_portfolio_get_entries (self->portfolio);
  guint n = g_list_model_get_n_items (all), bad = 0, expiring = 0, checks = 0;
  g_autoptr(GHashTable) duplicates = scs_portfolio_find_duplicates (all);
  g_autofree char *text = NULL;
  g_autofree char *copies = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ScsPortfolioEntry) e = g_list_model_get_item (all, i);

      if (scs_portfolio_entry_get_error (e) != NULL)
        bad++;
      else if (scs_portfolio_entry_get_expiry_state (e) == SCS_EXPIRY_SOON ||
               scs_portfolio_entry_get_expiry_state (e) == SCS_EXPIRY_EXPIRED)
        expiring++;
      if (scs_portfolio_entry_get_needs_check (e))
        checks++;
    }
  text = g_strdup_printf (_("%u clients · %u expiring or expired · %u need a new check · %u unreadable · "
                            "validity: ★3 %u year, ★4 %u years%s"),
                          n - bad, expiring, checks, bad,
                          scs_validity_get_years (self->validity, 3), scs_validity_get_years (self->validity, 4),
                          scs_validity_is_provisional (self->validity) ? _(" (provisional)") : "");
  if (g_hash_table_size (duplicates) > 0)
    {
      g_autofree char *base = g_steal_pointer (&text);

      copies = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             " · %u 法人番号 in more than one file (copies of one client?)",
                                             " · %u 法人番号 in more than one file (copies of one client?)",
                                             g_hash_table_size (duplicates)),
                                g_hash_table_size (duplicates));
      text = g_strconcat (base, copies, NULL);
    }
  gtk_label_set_text (self->summary_label, text);
  update_chart (self);
}

static void
set_folder (ScsPortfolioWindow *self,
            const char         *dir)
{
  g_autofree char *base = g_path_get_basename (dir);
  g_autofree char *title = g_strdup_printf (_("Client Portfolio — %s"), base);

  if (dir != self->folder)
    {
      g_free (self->folder);
      self->folder = g_strdup (dir);
    }
  gtk_window_set_title (GTK_WINDOW (self), title);
  update_summary (self);
}

gboolean
scs_portfolio_window_load_folder (ScsPortfolioWindow  *self,
                                  const char          *dir,
                                  GError             **error)
{
  g_return_val_if_fail (SCS_IS_PORTFOLIO_WINDOW (self), FALSE);

  scs_portfolio_clear (self->portfolio);
  if (!scs_portfolio_add_folder (self->portfolio, dir, NULL, error))
    return FALSE;
  set_folder (self, dir);
  send_reminders (self);
  return TRUE;
}

/* A desktop notification for the stars that expire and the yearly
 * self-assessments that fall due soon: one for the folder, replaced when
 * it is listed again. */
/* How many days ahead the reminders look: the "reminder-days" preference. */
static guint
reminder_days (void)
{
  g_autoptr(GSettings) settings = scs_settings_new ();

  return settings != NULL ? g_settings_get_uint (settings, "reminder-days") : SCS_PORTFOLIO_REMINDER_DAYS;
}

static void
send_reminders (ScsPortfolioWindow *self)
{
  guint days = reminder_days ();
  GApplication *app = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  g_autoptr(GPtrArray) reminders = NULL;
  g_autoptr(GNotification) notification = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *title = NULL;

  reminders = scs_portfolio_list_reminders (scs_portfolio_get_entries (self->portfolio),
                                            scs_portfolio_get_today (self->portfolio), days);
  gtk_widget_set_visible (GTK_WIDGET (self->reminder_label), reminders->len > 0);
  if (reminders->len == 0)
    {
      if (app != NULL)
        g_application_withdraw_notification (app, "portfolio-reminders");
      return;
    }
  for (guint i = 0; i < reminders->len && i < 10; i++)
    {
      ScsReminder *r = g_ptr_array_index (reminders, i);

      if (body->len > 0)
        g_string_append_c (body, '\n');
      g_string_append_printf (body, r->expiry ? _("%s: the star expires on %s") : _("%s: yearly self-assessment due on %s"),
                              r->company, r->date);
    }
  if (reminders->len > 10)
    g_string_append_printf (body, _("\n… and %u more"), reminders->len - 10);
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u client needs attention within %u days",
                                        "%u clients need attention within %u days", reminders->len),
                           reminders->len, days);
  gtk_label_set_text (self->reminder_label, title);
  if (app == NULL)
    return;
  notification = g_notification_new (title);
  g_notification_set_body (notification, body->str);
  g_application_send_notification (app, "portfolio-reminders", notification);
}

static void
load_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(ScsPortfolioWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = scs_portfolio_read_folder_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  gtk_spinner_stop (self->spinner);
  g_clear_object (&self->cancellable);
  if (entries == NULL)
    {
      adw_toast_overlay_add_toast (self->toasts, scs_toast_new (error->message));
      return;
    }
  scs_portfolio_clear (self->portfolio);
  scs_portfolio_append_entries (self->portfolio, entries);
  set_folder (self, self->loading);
  send_reminders (self);
}

/* scs_portfolio_window_load_folder () in a worker thread (the window stays
 * responsive, the spinner turns); a later load or closing the window
 * cancels it. */
static void
load_folder_async (ScsPortfolioWindow *self,
                   const char         *dir)
{
  g_return_if_fail (SCS_IS_PORTFOLIO_WINDOW (self));

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_free (self->loading);
  self->loading = g_strdup (dir);

  gtk_spinner_start (self->spinner);
  /* Re-opening the folder reads only the files that changed (the cache);
   * the window's validity outlives the listing, which holds the window. */
  scs_portfolio_read_folder_async (dir, self->validity, scs_portfolio_get_today (self->portfolio),
                                   scs_portfolio_get_cache (self->portfolio), self->cancellable,
                                   load_done, g_object_ref (self));
}

static void
add_file (ScsPortfolioWindow *self,
          const char         *path)
{
  scs_portfolio_add_file (self->portfolio, path);
  update_summary (self);
}

static void
set_search (ScsPortfolioWindow *self,
            const char         *text)
{
  g_free (self->search);
  self->search = g_strdup (text);
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), text ? text : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
set_filter (ScsPortfolioWindow *self,
            ScsPortfolioFilter  filter)
{
  self->filter_kind = filter;
  if (gtk_drop_down_get_selected (self->filter_dropdown) != filter)
    gtk_drop_down_set_selected (self->filter_dropdown, filter);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
search_changed (ScsPortfolioWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (g_strcmp0 (text, self->search) != 0)
    set_search (self, text);
}

static void
filter_selected (ScsPortfolioWindow *self)
{
  guint selected = gtk_drop_down_get_selected (self->filter_dropdown);

  if (selected != GTK_INVALID_LIST_POSITION && selected != self->filter_kind)
    set_filter (self, selected);
}

static void
row_activated (ScsPortfolioWindow *self,
               guint               position)
{
  g_autoptr(ScsPortfolioEntry) e = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);

  if (e == NULL)
    return;
  if (scs_portfolio_entry_get_error (e) != NULL)
    {
      adw_toast_overlay_add_toast (self->toasts, scs_toast_new (scs_portfolio_entry_get_error (e)));
      return;
    }
  gtk_widget_activate_action (GTK_WIDGET (self), "portfolio.open-client", "s",
                              scs_portfolio_entry_get_path (e));
}

/* ------------------------------------------------------------------------ */
/* Bulk actions on the selected clients                                      */

/* The paths of the selected rows, NULL-terminated. */
static GStrv
selected_paths (ScsPortfolioWindow *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GListModel *model = G_LIST_MODEL (self->selection);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    if (gtk_selection_model_is_selected (GTK_SELECTION_MODEL (self->selection), i))
      {
        g_autoptr(ScsPortfolioEntry) e = g_list_model_get_item (model, i);

        g_strv_builder_add (builder, scs_portfolio_entry_get_path (e));
      }
  return g_strv_builder_end (builder);
}

static void
update_bulk_actions (ScsPortfolioWindow *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  gboolean enabled = !self->bulk_running && !gtk_bitset_is_empty (selected);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "portfolio.bulk", enabled);
}

/* What was done and, per client that failed, why: a dialog. */
static void
bulk_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(ScsPortfolioWindow) self = user_data;
  guint n_done = 0;
  g_autoptr(GPtrArray) failures = scs_portfolio_run_bulk_finish (result, &n_done);
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *heading = NULL;
  guint n = self->bulk_n;
  AdwMessageDialog *dialog;

  self->bulk_running = FALSE;
  gtk_spinner_stop (self->spinner);
  update_bulk_actions (self);
  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u client done", "%u of %u clients done", n),
                             n_done, n);
  if (failures == NULL || failures->len == 0)
    g_string_append (body, _("No client failed."));
  else
    {
      g_string_append (body, g_dngettext (GETTEXT_PACKAGE, "This client failed and was left as it was:",
                                          "These clients failed and were left as they were:", failures->len));
      for (guint i = 0; i < failures->len; i++)
        {
          ScsBulkFailure *f = g_ptr_array_index (failures, i);
          g_autofree char *base = g_path_get_basename (f->path);

          g_string_append_printf (body, "\n• %s: %s", base, f->reason);
        }
    }
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body->str));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));

  /* The rows show what changed. */
  if (self->folder != NULL)
    load_folder_async (self, self->folder);
}

/* Runs @action on the selected rows in a worker thread (the rows are read
 * again afterwards) and shows what was done and what failed and why;
 * @out_dir: where diagnose writes. */
static void
run_bulk (ScsPortfolioWindow *self,
          ScsBulkAction       action,
          const char         *out_dir)
{
  g_auto(GStrv) paths = NULL;

  g_return_if_fail (SCS_IS_PORTFOLIO_WINDOW (self));
  g_return_if_fail (action != SCS_BULK_DIAGNOSE || out_dir != NULL);

  if (self->bulk_running)
    return;
  paths = selected_paths (self);
  if (paths[0] == NULL)
    return;
  self->bulk_running = TRUE;
  self->bulk_n = g_strv_length (paths);
  update_bulk_actions (self);
  gtk_spinner_start (self->spinner);
  scs_portfolio_run_bulk_async (action, (const char * const *) paths, out_dir, NULL, bulk_done, g_object_ref (self));
}

static void
bulk_confirmed (AdwMessageDialog   *dialog,
                const char         *response,
                ScsPortfolioWindow *self)
{
  ScsBulkAction action = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "action"));

  if (g_str_equal (response, "run"))
    run_bulk (self, action, NULL);
}

/* portfolio.bulk "diagnose" asks for the folder of the reports; "renew"
 * and "reconfirm" change the workspaces, so they ask first. */
/* What a file chooser's choice is for: called with each path chosen. */
typedef void (*PathChosen) (ScsPortfolioWindow *self,
                            const char         *path);

static void
paths_chosen (GtkNativeDialog    *chooser,
              int                 response,
              ScsPortfolioWindow *self)
{
  PathChosen then = g_object_get_data (G_OBJECT (chooser), "scs-then");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);
          g_autofree char *path = g_file_get_path (file);

          if (path != NULL)
            then (self, path);
        }
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

/* Asks for a folder (or files, @multiple) and hands each path to @then. */
static void
choose (ScsPortfolioWindow   *self,
        const char           *title,
        GtkFileChooserAction  action,
        const char           *accept_label,
        gboolean              multiple,
        PathChosen            then)
{
  GtkFileChooserNative *chooser =
    gtk_file_chooser_native_new (title, GTK_WINDOW (self), action, accept_label, _("_Cancel"));

  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), multiple);
  g_object_set_data (G_OBJECT (chooser), "scs-then", then);
  g_signal_connect (chooser, "response", G_CALLBACK (paths_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
diagnose_into (ScsPortfolioWindow *self,
               const char         *out_dir)
{
  run_bulk (self, SCS_BULK_DIAGNOSE, out_dir);
}

static void
bulk_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ScsPortfolioWindow *self = SCS_PORTFOLIO_WINDOW (widget);
  g_auto(GStrv) paths = selected_paths (self);
  guint n = g_strv_length (paths);
  ScsBulkAction action;
  AdwMessageDialog *dialog;
  g_autofree char *heading = NULL;

  if (!scs_bulk_action_from_string (g_variant_get_string (parameter, NULL), &action) || n == 0)
    return;
  if (action == SCS_BULK_DIAGNOSE)
    {
      choose (self, _("Folder for the Reports and Gap Lists"), GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
              _("_Select"), FALSE, diagnose_into);
      return;
    }
  heading = action == SCS_BULK_RENEW
            ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Start the renewal of %u client?",
                                            "Start the renewal of %u clients?", n), n)
            : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Re-confirm the carried answers of %u client?",
                                            "Re-confirm the carried answers of %u clients?", n), n);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading,
                                                       _("Each client is changed on its own; one that fails "
                                                         "is left as it was and listed afterwards.")));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "run", _("_Run"), NULL);
  adw_message_dialog_set_default_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "action", GUINT_TO_POINTER (action));
  g_signal_connect (dialog, "response", G_CALLBACK (bulk_confirmed), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_client_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ScsPortfolioWindow *self = SCS_PORTFOLIO_WINDOW (widget);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  g_autoptr(GFile) file = g_file_new_for_path (g_variant_get_string (parameter, NULL));

  if (SCS_IS_APPLICATION (app))
    scs_application_open_file (SCS_APPLICATION (app), file, GTK_WINDOW (self));
}

static void
open_folder_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  choose (SCS_PORTFOLIO_WINDOW (widget), _("Open a Folder of Client Workspaces"),
          GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Open"), FALSE, load_folder_async);
}

static void
add_files_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  choose (SCS_PORTFOLIO_WINDOW (widget), _("Add Client Workspaces"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Add"),
          TRUE, add_file);
}

static void
export_chosen (GtkNativeDialog    *chooser,
               int                 response,
               ScsPortfolioWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *name = g_file_get_basename (file);
      const char *encoding = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "encoding");
      GListModel *entries = scs_portfolio_get_entries (self->portfolio);
      g_autoptr(GError) error = NULL;
      /* The list goes out as XLSX when the name asks for it. */
      g_autoptr(GBytes) bytes = g_str_has_suffix (name, ".xlsx")
                                ? scs_portfolio_export_xlsx (entries, &error)
                                : scs_portfolio_export_csv (entries, g_strcmp0 (encoding, "cp932") == 0
                                                                     ? SCS_CSV_CP932 : SCS_CSV_UTF8_BOM,
                                                            &error);

      if (bytes == NULL ||
          !g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL,
                                    FALSE, G_FILE_CREATE_NONE, NULL, NULL, &error))
        adw_toast_overlay_add_toast (self->toasts, scs_toast_new (error->message));
      else
        adw_toast_overlay_add_toast (self->toasts, scs_toast_new (_("Client list written")));
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  const char *ids[] = { "utf-8", "cp932", NULL };
  const char *labels[] = { _("UTF-8 (Excel)"), _("Shift_JIS"), NULL };
  GtkFileChooserNative *chooser =
    gtk_file_chooser_native_new (_("Export the Client List"), GTK_WINDOW (widget),
                                 GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));

  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("clients.xlsx"));
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "encoding", _("Encoding"), ids, labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "encoding", "utf-8");
  g_signal_connect (chooser, "response", G_CALLBACK (export_chosen), widget);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ScsPortfolioWindow *self = SCS_PORTFOLIO_WINDOW (widget);

  if (self->folder != NULL)
    load_folder_async (self, self->folder);
}

static void
scs_portfolio_window_dispose (GObject *object)
{
  ScsPortfolioWindow *self = SCS_PORTFOLIO_WINDOW (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (scs_portfolio_window_parent_class)->dispose (object);
}

static void
scs_portfolio_window_finalize (GObject *object)
{
  ScsPortfolioWindow *self = SCS_PORTFOLIO_WINDOW (object);

  g_clear_object (&self->sorted);
  g_clear_object (&self->portfolio);
  g_clear_pointer (&self->validity, scs_validity_free);
  g_free (self->folder);
  g_free (self->loading);
  g_free (self->search);
  g_clear_object (&self->selection);
  G_OBJECT_CLASS (scs_portfolio_window_parent_class)->finalize (object);
}

static void
scs_portfolio_window_class_init (ScsPortfolioWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = scs_portfolio_window_dispose;
  object_class->finalize = scs_portfolio_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/jp/scsworkbench/Workbench/scs-portfolio-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ScsPortfolioWindow, toasts);
  gtk_widget_class_bind_template_child (widget_class, ScsPortfolioWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ScsPortfolioWindow, filter_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ScsPortfolioWindow, column_view);
  gtk_widget_class_bind_template_child (widget_class, ScsPortfolioWindow, summary_label);
  gtk_widget_class_bind_template_child (widget_class, ScsPortfolioWindow, chart);
  gtk_widget_class_bind_template_child (widget_class, ScsPortfolioWindow, chart_expander);
  gtk_widget_class_bind_template_child (widget_class, ScsPortfolioWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, ScsPortfolioWindow, reminder_label);
  gtk_widget_class_bind_template_callback (widget_class, search_changed);
  gtk_widget_class_bind_template_callback (widget_class, filter_selected);
  gtk_widget_class_bind_template_callback (widget_class, row_activated);
  gtk_widget_class_bind_template_callback (widget_class, cell_text);
  gtk_widget_class_bind_template_callback (widget_class, cell_classes);

  gtk_widget_class_install_action (widget_class, "portfolio.open-folder", NULL, open_folder_action);
  gtk_widget_class_install_action (widget_class, "portfolio.add-files", NULL, add_files_action);
  gtk_widget_class_install_action (widget_class, "portfolio.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "portfolio.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "portfolio.open-client", "s", open_client_action);
  gtk_widget_class_install_action (widget_class, "portfolio.bulk", "s", bulk_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "portfolio.open-folder", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "portfolio.reload", NULL);
}

static void
scs_portfolio_window_init (ScsPortfolioWindow *self)
{
  g_autoptr(GError) error = NULL;
  GtkMultiSorter *sorter;
  GListModel *columns;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_drawing_area_set_draw_func (self->chart, draw_chart, self, NULL);

  self->validity = scs_validity_load_default (&error);
  if (self->validity == NULL)
    g_error ("the built-in validity data is broken: %s", error->message);
  self->portfolio = scs_portfolio_new (self->validity, NULL);
  /* The rows of unchanged files outlive the app: reopened, a folder of
   * thousands of clients lists without opening them again. */
  {
    g_autoptr(ScsPortfolioCache) cache = scs_portfolio_cache_new_persistent (NULL);

    scs_portfolio_set_cache (self->portfolio, cache);
  }

  /* Every column sorts by its value, not its text. */
  columns = gtk_column_view_get_columns (self->column_view);
  g_assert (g_list_model_get_n_items (columns) == N_COLS);
  for (Column c = 0; c < N_COLS; c++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, c);
      g_autoptr(GtkSorter) column_sorter =
        GTK_SORTER (gtk_custom_sorter_new (compare_entries, GUINT_TO_POINTER (c), NULL));

      gtk_column_view_column_set_sorter (column, column_sorter);
    }

  self->filter = gtk_custom_filter_new (filter_entry, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (scs_portfolio_get_entries (self->portfolio)),
                                              GTK_FILTER (self->filter));
  /* Unreadable files stay at the end whichever way a column sorts: a
   * fixed first key, then the column view's (invertible) sorter. */
  sorter = gtk_multi_sorter_new ();
  gtk_multi_sorter_append (sorter, GTK_SORTER (gtk_custom_sorter_new (compare_readable, NULL, NULL)));
  gtk_multi_sorter_append (sorter, g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (self->filtered), GTK_SORTER (sorter));
  /* Several rows can be selected for a bulk action. */
  self->selection = gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (self->sorted)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_swapped (self->selection, "selection-changed", G_CALLBACK (update_bulk_actions), self);
  update_bulk_actions (self);

  update_summary (self);
}

ScsPortfolioWindow *
scs_portfolio_window_new (GtkApplication *application)
{
  return g_object_new (SCS_TYPE_PORTFOLIO_WINDOW, "application", application, NULL);
}
