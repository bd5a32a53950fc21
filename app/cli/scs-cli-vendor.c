/* scs-cli-vendor.c: `scs-cli portfolio|diagnose|renew|certify|significant-change|compare|wizard|suppliers`
 *
 * The お助け隊 vendor's batch work and the ordering company's decisions,
 * headless: a portfolio of client workspaces with readiness, gaps and
 * expiry warnings; a client's diagnosis (gap list as CSV, report as PDF) and
 * the vendor's plan per gap; renewal cycles and their comparison; the
 * level wizard and the supplier list. Exit codes as everywhere: 0 ok, 1 a
 * check failed (compare: the cycles differ is not a failure), 2 bad input.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "scs-cli-private.h"
#include "scs-csv.h"
#include "scs-date.h"
#include "scs-diagnosis.h"
#include "scs-portfolio-stats.h"
#include "scs-workspace.h"
#include "scs-i18n.h"
#include "scs-portfolio.h"
#include "scs-renewal.h"
#include "scs-text.h"
#include "scs-wizard.h"

static char *opt_today = NULL;
static char *opt_out = NULL;
static char *opt_csv = NULL;
static char *opt_xlsx = NULL;
static char *opt_encoding = NULL;
static char *opt_outside = NULL;
static char *opt_by = NULL;
static char *opt_pdf = NULL;
static char *opt_size = NULL;
static char *opt_sector = NULL;
static int opt_top = 10;
static char *opt_expiry = NULL;
static char *opt_method = NULL;
static char *opt_evidence = NULL;
static char *opt_outcome = NULL;
static char *opt_documents = NULL;
static char *opt_date = NULL;
static char *opt_on_site = NULL;
static char *opt_support = NULL;
static char *opt_effort = NULL;
static char *opt_priority = NULL;
static char *opt_owner = NULL;
static char *opt_due = NULL;
static char *opt_note = NULL;
static char **opt_cycles = NULL;
static int opt_level = 0;
static char *opt_registry_id = NULL;
static char *opt_evaluation_body = NULL;
static char *opt_tv_provider = NULL;
static char *opt_status = NULL;
static char *opt_description = NULL;
static char *opt_answers = NULL;
static char *opt_factors = NULL;
static char *opt_supplier = NULL;
static char *opt_corporate_number = NULL;
static int opt_obtained = -1;
static char *opt_file = NULL;
static gboolean opt_print = FALSE;
static int opt_within = SCS_PORTFOLIO_REMINDER_DAYS;
static char *opt_found = NULL;
static char *opt_corrected = NULL;
static gboolean opt_no_cache = FALSE;

#define JSON_ENTRY { "json", 0, 0, G_OPTION_ARG_NONE, &scs_cli_opt_json, N_("Print JSON for scripts"), NULL }
/* The listing commands keep the rows of unchanged files across runs, as the
 * window does (scs_portfolio_cache_new_persistent ()). */
#define NO_CACHE_ENTRY { "no-cache", 0, 0, G_OPTION_ARG_NONE, &opt_no_cache, \
                         N_("Read every file, neither using nor updating the rows kept from earlier runs"), NULL }
#define TODAY_ENTRY { "today", 0, 0, G_OPTION_ARG_STRING, &opt_today, N_("Count from this date"), N_("YYYY-MM-DD") }
#define ENCODING_ENTRY { "encoding", 0, 0, G_OPTION_ARG_STRING, &opt_encoding, \
                         N_("Encoding of the CSV: UTF-8 with a byte order mark (default) or Shift_JIS"), \
                         N_("utf-8|cp932") }
#define FILE_ENTRY { "file", 0, 0, G_OPTION_ARG_FILENAME, &opt_file, \
                     N_("Supplier list to use (default: your own, in your data folder)"), N_("PATH") }

static const GOptionEntry portfolio_entries[] = {
  JSON_ENTRY,
  { "today", 0, 0, G_OPTION_ARG_STRING, &opt_today, N_("Count expiry from this date"), N_("YYYY-MM-DD") },
  { "csv", 0, 0, G_OPTION_ARG_FILENAME, &opt_csv, N_("Write the portfolio as CSV"), N_("CLIENTS.csv") },
  { "xlsx", 0, 0, G_OPTION_ARG_FILENAME, &opt_xlsx, N_("Write the portfolio as an Excel workbook"),
    N_("CLIENTS.xlsx") },
  ENCODING_ENTRY,
  NO_CACHE_ENTRY,
  { NULL }
};

static const GOptionEntry reminder_entries[] = {
  JSON_ENTRY,
  TODAY_ENTRY,
  { "within", 0, 0, G_OPTION_ARG_INT, &opt_within,
    N_("Days ahead to look (1–365, default 60; the window’s preference is the same)"), N_("DAYS") },
  NO_CACHE_ENTRY,
  { NULL }
};

static const GOptionEntry bulk_entries[] = {
  JSON_ENTRY,
  { "out-dir", 0, 0, G_OPTION_ARG_FILENAME, &opt_out, N_("Folder for each client’s report and gap list (diagnose)"),
    N_("DIR") },
  { NULL }
};

static const GOptionEntry stats_entries[] = {
  JSON_ENTRY,
  { "by", 0, 0, G_OPTION_ARG_STRING, &opt_by, N_("Group the clients by size or sector"), N_("all|size|sector") },
  { "csv", 0, 0, G_OPTION_ARG_FILENAME, &opt_csv, N_("Write the statistics as CSV"), N_("STATS.csv") },
  ENCODING_ENTRY,
  { "pdf", 0, 0, G_OPTION_ARG_FILENAME, &opt_pdf, N_("Write the statistics as a printable PDF"), N_("STATS.pdf") },
  { "top", 0, 0, G_OPTION_ARG_INT, &opt_top, N_("Criteria listed per group (default 10)"), N_("N") },
  { "date", 0, 0, G_OPTION_ARG_STRING, &opt_date, N_("Date printed on the PDF"), N_("YYYY-MM-DD") },
  NO_CACHE_ENTRY,
  { NULL }
};

static const GOptionEntry diagnose_entries[] = {
  JSON_ENTRY,
  { "out", 0, 0, G_OPTION_ARG_FILENAME, &opt_out, N_("Write the diagnosis report (PDF)"), N_("REPORT.pdf") },
  { "csv", 0, 0, G_OPTION_ARG_FILENAME, &opt_csv, N_("Write the gap list (CSV, UTF-8)"), N_("GAPS.csv") },
  { "xlsx", 0, 0, G_OPTION_ARG_FILENAME, &opt_xlsx, N_("Write the gap list as an Excel workbook"), N_("GAPS.xlsx") },
  ENCODING_ENTRY,
  { "date", 0, 0, G_OPTION_ARG_STRING, &opt_date,
    N_("Date printed on the report, and from which a label’s expiry is counted"), N_("YYYY-MM-DD") },
  { "on-site", 0, 0, G_OPTION_ARG_STRING, &opt_on_site,
    N_("Record whether the client needs on-site response (the + tiers)"), N_("yes|no") },
  { "size", 0, 0, G_OPTION_ARG_STRING, &opt_size, N_("Record the client’s size, for statistics"),
    N_("small|medium|large") },
  { "sector", 0, 0, G_OPTION_ARG_STRING, &opt_sector, N_("Record the client’s sector, for statistics"),
    N_("SECTOR") },
  { NULL }
};

static const GOptionEntry gap_entries[] = {
  { "support", 0, 0, G_OPTION_ARG_STRING, &opt_support, N_("Support type"), N_("it-tool|non-it|on-site") },
  { "effort", 0, 0, G_OPTION_ARG_STRING, &opt_effort, N_("Effort"), N_("low|medium|high") },
  { "priority", 0, 0, G_OPTION_ARG_STRING, &opt_priority, N_("Priority"), N_("low|medium|high") },
  { "owner", 0, 0, G_OPTION_ARG_STRING, &opt_owner, N_("Who closes the gap"), N_("NAME") },
  { "due", 0, 0, G_OPTION_ARG_STRING, &opt_due, N_("Due date"), N_("YYYY-MM-DD") },
  { "note", 0, 0, G_OPTION_ARG_STRING, &opt_note, N_("Vendor’s note"), N_("TEXT") },
  { NULL }
};

static const GOptionEntry renew_entries[] = { JSON_ENTRY, { NULL } };

static const GOptionEntry certify_entries[] = {
  { "level", 0, 0, G_OPTION_ARG_INT, &opt_level, N_("Level granted"), N_("3|4") },
  { "date", 0, 0, G_OPTION_ARG_STRING, &opt_date, N_("Date obtained"), N_("YYYY-MM-DD") },
  { "registry-id", 0, 0, G_OPTION_ARG_STRING, &opt_registry_id, N_("ID in the registry"), N_("ID") },
  { "evaluation-body", 0, 0, G_OPTION_ARG_STRING, &opt_evaluation_body,
    N_("★4: the evaluation body (registry field)"), N_("NAME") },
  { "tv-provider", 0, 0, G_OPTION_ARG_STRING, &opt_tv_provider,
    N_("★4: the technical-verification provider (registry field)"), N_("NAME") },
  { "status", 0, 0, G_OPTION_ARG_STRING, &opt_status,
    N_("valid, suspended or withdrawn; alone, changes the recorded star"), N_("STATUS") },
  { NULL }
};

static const GOptionEntry change_entries[] = {
  { "description", 0, 0, G_OPTION_ARG_STRING, &opt_description, N_("What changed"), N_("TEXT") },
  { NULL }
};

static const GOptionEntry finding_entries[] = {
  { "found", 0, 0, G_OPTION_ARG_STRING, &opt_found, N_("Day of the on-site review that found it"),
    N_("YYYY-MM-DD") },
  { "corrected", 0, 0, G_OPTION_ARG_STRING, &opt_corrected, N_("Day the correction report was sent"),
    N_("YYYY-MM-DD") },
  { NULL }
};

static const GOptionEntry life_entries[] = {
  JSON_ENTRY,
  TODAY_ENTRY,
  { NULL }
};

static const GOptionEntry compare_entries[] = {
  JSON_ENTRY,
  { "cycle", 0, 0, G_OPTION_ARG_STRING_ARRAY, &opt_cycles, N_("A cycle to compare (give two)"), N_("N") },
  { NULL }
};

static const GOptionEntry wizard_entries[] = {
  JSON_ENTRY,
  FILE_ENTRY,
  { "answers", 0, 0, G_OPTION_ARG_STRING, &opt_answers,
    N_("The three answers: confidential information, unacceptable delay, access to internal systems"),
    N_("yes|no,yes|no,yes|no") },
  { "factors", 0, 0, G_OPTION_ARG_STRING, &opt_factors, N_("Additional factors (free text)"), N_("TEXT") },
  { "supplier", 0, 0, G_OPTION_ARG_STRING, &opt_supplier, N_("Save the decision for this supplier"), N_("NAME") },
  { "corporate-number", 0, 0, G_OPTION_ARG_STRING, &opt_corporate_number, N_("Supplier’s 法人番号"), N_("NUMBER") },
  { "obtained", 0, 0, G_OPTION_ARG_INT, &opt_obtained, N_("Level the supplier has obtained (0: none)"), N_("0|3|4") },
  { "print", 0, 0, G_OPTION_ARG_NONE, &opt_print, N_("Print the decision sheet"), NULL },
  { "outside", 0, 0, G_OPTION_ARG_STRING, &opt_outside,
    N_("Leave the supplier outside the flow (a one-off or easily replaced purchase), for this reason"),
    N_("REASON") },
  { NULL }
};

static const GOptionEntry suppliers_set_entries[] = {
  JSON_ENTRY,
  FILE_ENTRY,
  { "corporate-number", 0, 0, G_OPTION_ARG_STRING, &opt_corporate_number, N_("Supplier’s 法人番号"), N_("NUMBER") },
  { "obtained", 0, 0, G_OPTION_ARG_INT, &opt_obtained, N_("Level the supplier has obtained (0: none)"), N_("0|3|4") },
  { "registry-id", 0, 0, G_OPTION_ARG_STRING, &opt_registry_id, N_("ID in the registry"), N_("ID") },
  { "expiry", 0, 0, G_OPTION_ARG_STRING, &opt_expiry, N_("Expiry of the supplier’s star"), N_("YYYY-MM-DD") },
  { NULL }
};

static const GOptionEntry suppliers_check_entries[] = {
  FILE_ENTRY,
  { "date", 0, 0, G_OPTION_ARG_STRING, &opt_date, N_("Date of the check"), N_("YYYY-MM-DD") },
  { "method", 0, 0, G_OPTION_ARG_STRING, &opt_method, N_("How the measures were checked"),
    N_("registry|questionnaire|on-site") },
  { "evidence", 0, 0, G_OPTION_ARG_STRING, &opt_evidence, N_("What shows it (a file, a registry ID, a note)"),
    N_("TEXT") },
  { NULL }
};

static const GOptionEntry suppliers_negotiation_entries[] = {
  FILE_ENTRY,
  { "date", 0, 0, G_OPTION_ARG_STRING, &opt_date, N_("Date of the negotiation"), N_("YYYY-MM-DD") },
  { "outcome", 0, 0, G_OPTION_ARG_STRING, &opt_outcome, N_("What was agreed about the security costs"),
    N_("TEXT") },
  { "documents", 0, 0, G_OPTION_ARG_STRING, &opt_documents, N_("Where the written record is"), N_("TEXT") },
  { NULL }
};

static const GOptionEntry suppliers_entries[] = { JSON_ENTRY, FILE_ENTRY, { NULL } };

static const GOptionEntry suppliers_export_entries[] = {
  FILE_ENTRY,
  ENCODING_ENTRY,
  { NULL }
};

/* --encoding into @encoding (left as it is without the option); FALSE after
 * printing why. */
static gboolean
parse_encoding (ScsCsvEncoding *encoding)
{
  if (opt_encoding == NULL || scs_csv_encoding_from_string (opt_encoding, encoding))
    return TRUE;
  scs_cli_error (_("--encoding: expected utf-8 or cp932, not ‘%s’"), opt_encoding);
  return FALSE;
}

/* --today into @today (left NULL without the option); FALSE after printing
 * why. */
static gboolean
parse_today (GDate **today)
{
  if (opt_today == NULL || (*today = scs_date_parse_iso (opt_today)) != NULL)
    return TRUE;
  scs_cli_error (_("--today: ‘%s’ is not a date of the form YYYY-MM-DD"), opt_today);
  return FALSE;
}

/* --date, when given, is a date; FALSE after printing why. */
static gboolean
check_date (void)
{
  if (opt_date == NULL || scs_date_is_iso (opt_date))
    return TRUE;
  scs_cli_error (_("--date: ‘%s’ is not a date of the form YYYY-MM-DD"), opt_date);
  return FALSE;
}

static gboolean
write_bytes (const char *path,
             GBytes     *bytes)
{
  g_autoptr(GError) error = NULL;

  if (!g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error))
    {
      scs_cli_error (_("Cannot write ‘%s’: %s"), path, error->message);
      return FALSE;
    }
  return TRUE;
}

static const char *
expiry_state_name (ScsExpiryState state)
{
  switch (state)
    {
    case SCS_EXPIRY_VALID: return "valid";
    case SCS_EXPIRY_SOON: return "expiring";
    case SCS_EXPIRY_EXPIRED: return "expired";
    case SCS_EXPIRY_NONE:
    default: return "none";
    }
}

/* The clients' workspaces in @folder as on --today (default: today), with
 * the validity data they were read against in @validity (nullable); NULL
 * after printing why. Unless --no-cache, files unchanged since an earlier
 * run (of this program or the window) are listed from the rows kept in the
 * user's cache folder, without opening them. */
static ScsPortfolio *
load_portfolio (const char   *folder,
                ScsValidity **validity)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsValidity) loaded = NULL;
  g_autoptr(GDate) today = NULL;
  g_autoptr(ScsPortfolio) portfolio = NULL;

  if (!parse_today (&today))
    return NULL;
  loaded = scs_validity_load_default (&error);
  if (loaded == NULL)
    {
      scs_cli_report (error);
      return NULL;
    }
  portfolio = scs_portfolio_new (loaded, today);
  if (!opt_no_cache)
    {
      g_autoptr(ScsPortfolioCache) cache = scs_portfolio_cache_new_persistent (NULL);

      scs_portfolio_set_cache (portfolio, cache);
    }
  if (!scs_portfolio_add_folder (portfolio, folder, NULL, &error))
    {
      scs_cli_report (error);
      return NULL;
    }
  if (validity != NULL)
    *validity = g_steal_pointer (&loaded);
  return g_steal_pointer (&portfolio);
}

/* ------------------------------------------------------------------------ */

int
scs_cli_portfolio (const ScsCliCommand *command,
                   int                  argc,
                   char               **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsValidity) validity = NULL;
  g_autoptr(ScsPortfolio) portfolio = NULL;
  g_autoptr(GHashTable) duplicates = NULL;
  g_autoptr(GBytes) csv = NULL;
  g_autoptr(GBytes) xlsx = NULL;
  ScsCsvEncoding encoding = SCS_CSV_UTF8_BOM;
  GListModel *model;
  guint n;

  if (!scs_cli_parse_arguments (command, portfolio_entries, FALSE, &argc, &argv, 1, 1))
    return SCS_CLI_EXIT_USAGE;
  if (!parse_encoding (&encoding))
    return SCS_CLI_EXIT_USAGE;
  if ((portfolio = load_portfolio (argv[1], &validity)) == NULL)
    return SCS_CLI_EXIT_USAGE;
  model = scs_portfolio_get_entries (portfolio);
  n = g_list_model_get_n_items (model);
  duplicates = scs_portfolio_find_duplicates (model);

  if (opt_csv != NULL && (csv = scs_portfolio_export_csv (model, encoding, &error)) == NULL)
    return scs_cli_report (error);
  if (opt_xlsx != NULL && (xlsx = scs_portfolio_export_xlsx (model, &error)) == NULL)
    return scs_cli_report (error);
  if ((csv != NULL && !write_bytes (opt_csv, csv)) || (xlsx != NULL && !write_bytes (opt_xlsx, xlsx)))
    return SCS_CLI_EXIT_USAGE;

  if (scs_cli_opt_json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_object (b);
      scs_cli_json_add_string (b, "folder", argv[1]);
      scs_cli_json_add_boolean (b, "validity_provisional", scs_validity_is_provisional (validity));
      json_builder_set_member_name (b, "clients");
      json_builder_begin_array (b);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(ScsPortfolioEntry) e = g_list_model_get_item (model, i);
          const char * const *changes = scs_portfolio_entry_get_changes (e);

          if (scs_portfolio_entry_get_error (e) != NULL)
            continue;
          json_builder_begin_object (b);
          scs_cli_json_add_string (b, "file", scs_portfolio_entry_get_path (e));
          scs_cli_json_add_string (b, "company", scs_portfolio_entry_get_company (e));
          scs_cli_json_add_string (b, "type", scs_workspace_type_to_string (scs_portfolio_entry_get_workspace_type (e)));
          scs_cli_json_add_int (b, "level", scs_portfolio_entry_get_level (e));
          scs_cli_json_add_int (b, "cycle", scs_portfolio_entry_get_cycle (e));
          scs_cli_json_add_int (b, "satisfied", scs_portfolio_entry_get_satisfied (e));
          scs_cli_json_add_int (b, "total", scs_portfolio_entry_get_total (e));
          scs_cli_json_add_int (b, "open_gaps", scs_portfolio_entry_get_open_gaps (e));
          scs_cli_json_add_boolean (b, "ready", scs_portfolio_entry_get_ready (e));
          scs_cli_json_add_boolean (b, "criteria_missing", scs_portfolio_entry_get_criteria_missing (e));
          scs_cli_json_add_string (b, "review", scs_review_state_to_string (scs_portfolio_entry_get_review_state (e)));
          scs_cli_json_add_boolean (b, "signed", scs_portfolio_entry_get_signed (e));
          scs_cli_json_add_boolean (b, "declared", scs_portfolio_entry_get_declared (e));
          scs_cli_json_add_string (b, "submitted", scs_portfolio_entry_get_submitted (e));
          scs_cli_json_add_int (b, "obtained_level", scs_portfolio_entry_get_obtained_level (e));
          scs_cli_json_add_string (b, "obtained", scs_portfolio_entry_get_obtained (e));
          scs_cli_json_add_string (b, "expiry", scs_portfolio_entry_get_expiry (e));
          scs_cli_json_add_string (b, "expiry_state", expiry_state_name (scs_portfolio_entry_get_expiry_state (e)));
          if (scs_portfolio_entry_get_workspace_type (e) == SCS_WORKSPACE_TYPE_PROVIDER)
            {
              scs_cli_json_add_string (b, "provider_certification",
                           scs_portfolio_entry_get_provider_date (e, SCS_PORTFOLIO_PROVIDER_CERTIFICATION));
              scs_cli_json_add_string (b, "provider_isms", scs_portfolio_entry_get_provider_date (e, SCS_PORTFOLIO_PROVIDER_ISMS));
              scs_cli_json_add_string (b, "provider_star4",
                           scs_portfolio_entry_get_provider_date (e, SCS_PORTFOLIO_PROVIDER_STAR4));
            }
          if (scs_portfolio_entry_get_expiry (e) != NULL)
            scs_cli_json_add_int (b, "days_left", scs_portfolio_entry_get_days_left (e));
          else
            scs_cli_json_add_string (b, "days_left", NULL);
          scs_cli_json_add_boolean (b, "needs_new_check", scs_portfolio_entry_get_needs_check (e));
          {
            ScsDueKind kind = SCS_DUE_RENEWAL;
            const char *due = scs_portfolio_entry_get_next_due (e, &kind);

            scs_cli_json_add_string (b, "next_due", due);
            scs_cli_json_add_string (b, "registry_status", scs_portfolio_entry_get_registry_status (e));
            scs_cli_json_add_string (b, "evaluation_body", scs_portfolio_entry_get_evaluation_body (e));
            scs_cli_json_add_string (b, "tv_provider", scs_portfolio_entry_get_tv_provider (e));
            scs_cli_json_add_string (b, "next_due_kind", due == NULL ? NULL
                                             : kind == SCS_DUE_SELF_ASSESSMENT ? "self-assessment" : "renewal");
          }
          json_builder_set_member_name (b, "significant_changes");
          json_builder_begin_array (b);
          for (guint j = 0; changes != NULL && changes[j] != NULL; j++)
            json_builder_add_string_value (b, changes[j]);
          json_builder_end_array (b);
          scs_cli_json_add_string (b, "last_change", scs_portfolio_entry_get_last_change (e));
          scs_cli_json_add_string (b, "corporate_number", scs_portfolio_entry_get_corporate_number (e));
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      /* Copies of one client: the files per 法人番号 found more than once. */
      json_builder_set_member_name (b, "duplicates");
      json_builder_begin_object (b);
      {
        GHashTableIter iter;
        gpointer key, value;

        g_hash_table_iter_init (&iter, duplicates);
        while (g_hash_table_iter_next (&iter, &key, &value))
          {
            GPtrArray *paths = value;

            json_builder_set_member_name (b, key);
            json_builder_begin_array (b);
            for (guint j = 0; j < paths->len; j++)
              json_builder_add_string_value (b, g_ptr_array_index (paths, j));
            json_builder_end_array (b);
          }
      }
      json_builder_end_object (b);
      json_builder_set_member_name (b, "unreadable");
      json_builder_begin_array (b);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(ScsPortfolioEntry) e = g_list_model_get_item (model, i);

          if (scs_portfolio_entry_get_error (e) == NULL)
            continue;
          json_builder_begin_object (b);
          scs_cli_json_add_string (b, "file", scs_portfolio_entry_get_path (e));
          scs_cli_json_add_string (b, "reason", scs_portfolio_entry_get_error (e));
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
      scs_cli_print_json (b);
      return SCS_CLI_EXIT_OK;
    }
  else
    {
      g_autoptr(ScsCliTable) table = scs_cli_table_new (10);
      g_autoptr(GString) warnings = g_string_new (NULL);

      scs_cli_table_add_row (table, _("File"), _("Company"), _("Level"), _("Cycle"), _("Readiness"),
                             _("Gaps"), _("Review"), _("Submitted"), _("Expiry"), _("Days left"));
      scs_cli_table_add_rule (table);
      scs_cli_table_set_right (table, 3);
      scs_cli_table_set_right (table, 5);
      scs_cli_table_set_right (table, 9);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(ScsPortfolioEntry) e = g_list_model_get_item (model, i);
          g_autofree char *base = g_path_get_basename (scs_portfolio_entry_get_path (e));
          g_autofree char *level = NULL;
          g_autofree char *cycle = NULL;
          g_autofree char *ready = NULL;
          g_autofree char *gaps = NULL;
          g_autofree char *days = NULL;
          const char *review;

          if (scs_portfolio_entry_get_error (e) != NULL)
            {
              g_string_append_printf (warnings, _("%s: unreadable: %s\n"), base, scs_portfolio_entry_get_error (e));
              continue;
            }
          level = scs_cli_level_label (scs_portfolio_entry_get_level (e));
          cycle = scs_portfolio_entry_get_cycle (e) == 0 ? g_strdup (_("initial"))
                  : g_strdup_printf ("%u", scs_portfolio_entry_get_cycle (e));
          if (scs_portfolio_entry_get_criteria_missing (e))
            ready = g_strdup_printf (_("★%u criteria missing: import the official workbook"),
                                     scs_portfolio_entry_get_level (e));
          else
            ready = g_strdup_printf ("%u/%u%s", scs_portfolio_entry_get_satisfied (e),
                                     scs_portfolio_entry_get_total (e),
                                     scs_portfolio_entry_get_ready (e) ? _(" ready") : "");
          gaps = g_strdup_printf ("%u", scs_portfolio_entry_get_open_gaps (e));
          if (scs_portfolio_entry_get_expiry (e) != NULL)
            days = g_strdup_printf ("%d", scs_portfolio_entry_get_days_left (e));
          review = scs_review_state_get_label (scs_portfolio_entry_get_review_state (e));
          scs_cli_table_add_row (table, base, scs_portfolio_entry_get_company (e), level, cycle, ready, gaps,
                                 review,
                                 scs_portfolio_entry_get_submitted (e) ? scs_portfolio_entry_get_submitted (e) : "—",
                                 scs_portfolio_entry_get_expiry (e) ? scs_portfolio_entry_get_expiry (e) : "—",
                                 days ? days : "—");

          {
            ScsDueKind kind = SCS_DUE_RENEWAL;
            const char *due = scs_portfolio_entry_get_next_due (e, &kind);

            if (g_strcmp0 (scs_portfolio_entry_get_registry_status (e), "suspended") == 0)
              g_string_append_printf (warnings, _("%s: %s — the star is suspended\n"),
                                      base, scs_portfolio_entry_get_company (e));
            else if (g_strcmp0 (scs_portfolio_entry_get_registry_status (e), "withdrawn") == 0)
              g_string_append_printf (warnings, _("%s: %s — the star is withdrawn\n"),
                                      base, scs_portfolio_entry_get_company (e));
            /* ★4: the yearly self-assessment to the evaluation body. */
            if (due != NULL && kind == SCS_DUE_SELF_ASSESSMENT)
              g_string_append_printf (warnings, _("%s: %s — the yearly self-assessment to the evaluation body "
                                                  "is due on %s\n"),
                                      base, scs_portfolio_entry_get_company (e), due);
          }
          switch (scs_portfolio_entry_get_expiry_state (e))
            {
            case SCS_EXPIRY_EXPIRED:
              g_string_append_printf (warnings, _("%s: %s expired on %s\n"), base,
                                      scs_portfolio_entry_get_company (e), scs_portfolio_entry_get_expiry (e));
              break;
            case SCS_EXPIRY_SOON:
              g_string_append_printf (warnings, _("%s: %s expires on %s (in %d days): start the renewal\n"),
                                      base, scs_portfolio_entry_get_company (e),
                                      scs_portfolio_entry_get_expiry (e), scs_portfolio_entry_get_days_left (e));
              break;
            default:
              break;
            }
          if (scs_portfolio_entry_get_corporate_number (e) != NULL &&
              g_hash_table_contains (duplicates, scs_portfolio_entry_get_corporate_number (e)))
            g_string_append_printf (warnings, _("%s: another file has the same 法人番号 %s: copies of one client?\n"),
                                    base, scs_portfolio_entry_get_corporate_number (e));
          if (scs_portfolio_entry_get_needs_check (e))
            {
              g_autofree char *kinds = g_strjoinv (", ", (char **) scs_portfolio_entry_get_changes (e));
              g_string_append_printf (warnings, _("%s: significant change (%s): needs a new expert check or evaluation\n"),
                                      base, kinds);
            }
        }
      scs_cli_table_print (table);
      if (warnings->len > 0)
        g_print ("\n%s", warnings->str);
      if (scs_validity_is_provisional (validity))
        g_print (_("\nValidity periods are provisional (★3 %u year(s), ★4 %u years).\n"),
                 scs_validity_get_years (validity, 3), scs_validity_get_years (validity, 4));
    }

  return SCS_CLI_EXIT_OK;
}

/* ------------------------------------------------------------------------ */

static void
reminder_to_json (JsonBuilder   *b,
                  gconstpointer  item)
{
  const ScsReminder *r = item;

  scs_cli_json_add_string (b, "file", r->path);
  scs_cli_json_add_string (b, "company", r->company);
  scs_cli_json_add_string (b, "kind", r->expiry ? "expiry" : "self-assessment");
  scs_cli_json_add_string (b, "date", r->date);
  scs_cli_json_add_int (b, "days", r->days);
}

/* The stars that expire and the yearly self-assessments that fall due within
 * --within days: what the window sends as a desktop notification. */
int
scs_cli_portfolio_reminders (const ScsCliCommand *command,
                             int                  argc,
                             char               **argv)
{
  g_autoptr(ScsPortfolio) portfolio = NULL;
  g_autoptr(GPtrArray) reminders = NULL;

  if (!scs_cli_parse_arguments (command, reminder_entries, FALSE, &argc, &argv, 1, 1))
    return SCS_CLI_EXIT_USAGE;
  if (opt_within < 1 || opt_within > 365)
    return scs_cli_error (_("--within: expected a number of days from 1 to 365, not %d"), opt_within);
  if ((portfolio = load_portfolio (argv[1], NULL)) == NULL)
    return SCS_CLI_EXIT_USAGE;
  reminders = scs_portfolio_list_reminders (scs_portfolio_get_entries (portfolio),
                                            scs_portfolio_get_today (portfolio), (guint) opt_within);
  if (scs_cli_opt_json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_object (b);
      scs_cli_json_add_int (b, "within_days", opt_within);
      scs_cli_json_add_objects (b, "reminders", reminders, reminder_to_json);
      json_builder_end_object (b);
      scs_cli_print_json (b);
      return SCS_CLI_EXIT_OK;
    }
  if (reminders->len == 0)
    {
      g_print (_("Nothing due within %d days.\n"), opt_within);
      return SCS_CLI_EXIT_OK;
    }
  {
    g_autoptr(ScsCliTable) table = scs_cli_table_new (4);

    scs_cli_table_add_row (table, _("Company"), _("Due"), _("Date"), _("Days left"));
    scs_cli_table_add_rule (table);
    scs_cli_table_set_right (table, 3);
    for (guint i = 0; i < reminders->len; i++)
      {
        ScsReminder *r = g_ptr_array_index (reminders, i);
        g_autofree char *days = g_strdup_printf ("%d", r->days);

        scs_cli_table_add_row (table, r->company, r->expiry ? _("Star expires") : _("Yearly self-assessment"),
                               r->date, days);
      }
    scs_cli_table_print (table);
  }
  return SCS_CLI_EXIT_OK;
}

/* ------------------------------------------------------------------------ */

static void
bulk_failure_to_json (JsonBuilder   *b,
                      gconstpointer  item)
{
  const ScsBulkFailure *f = item;

  scs_cli_json_add_string (b, "file", f->path);
  scs_cli_json_add_string (b, "reason", f->reason);
}

int
scs_cli_portfolio_bulk (const ScsCliCommand *command,
                        int                  argc,
                        char               **argv)
{
  g_autoptr(GPtrArray) failures = NULL;
  ScsBulkAction action = SCS_BULK_DIAGNOSE;
  g_autoptr(JsonBuilder) b = json_builder_new ();
  guint done = 0;

  if (!scs_cli_parse_arguments (command, bulk_entries, TRUE, &argc, &argv, 1, -1))
    return SCS_CLI_EXIT_USAGE;
  if (!scs_bulk_action_from_string (strrchr (command->name, ' ') + 1, &action))
    g_return_val_if_reached (SCS_CLI_EXIT_USAGE);
  if (action == SCS_BULK_DIAGNOSE && opt_out == NULL)
    return scs_cli_error (_("portfolio diagnose: say where to write the reports with --out-dir DIR"));
  if (opt_out != NULL && !g_file_test (opt_out, G_FILE_TEST_IS_DIR))
    return scs_cli_error (_("--out-dir: ‘%s’ is not a folder"), opt_out);

  {
    g_autoptr(GPtrArray) paths = g_ptr_array_new ();

    for (int i = 1; i < argc; i++)
      g_ptr_array_add (paths, argv[i]);
    g_ptr_array_add (paths, NULL);
    failures = scs_portfolio_run_bulk (action, (const char * const *) paths->pdata, opt_out, NULL, &done);
  }
  json_builder_begin_object (b);
  scs_cli_json_add_objects (b, "failed", failures, bulk_failure_to_json);
  scs_cli_json_add_int (b, "done", done);
  json_builder_end_object (b);

  if (scs_cli_opt_json)
    scs_cli_print_json (b);
  else
    {
      g_print (_("%u of %u client(s) done\n"), done, argc - 1);
      for (guint i = 0; i < failures->len; i++)
        {
          ScsBulkFailure *f = g_ptr_array_index (failures, i);
          g_autofree char *line = g_strdup_printf ("%s: %s", f->path, f->reason);

          g_printerr (_("Failed: %s\n"), line);
        }
    }
  /* Exit 1: some clients failed (each left as it was). */
  return failures->len == 0 ? SCS_CLI_EXIT_OK : SCS_CLI_EXIT_CHECK_FAILED;
}

int
scs_cli_portfolio_stats (const ScsCliCommand *command,
                         int                  argc,
                         char               **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsPortfolio) portfolio = NULL;
  g_autoptr(GPtrArray) stats = NULL;
  g_autoptr(GBytes) csv = NULL;
  g_autoptr(GBytes) pdf = NULL;
  ScsStatsGrouping grouping = SCS_STATS_ALL;
  ScsCsvEncoding encoding = SCS_CSV_UTF8_BOM;

  if (!scs_cli_parse_arguments (command, stats_entries, FALSE, &argc, &argv, 1, 1))
    return SCS_CLI_EXIT_USAGE;
  if (opt_by != NULL && !scs_stats_grouping_from_string (opt_by, &grouping))
    return scs_cli_error (_("--by: expected all, size or sector, not ‘%s’"), opt_by);
  if (!parse_encoding (&encoding))
    return SCS_CLI_EXIT_USAGE;
  if (opt_top < 1)
    return scs_cli_error (_("--top: expected a number of at least 1, not %d"), opt_top);
  if (!check_date ())
    return SCS_CLI_EXIT_USAGE;
  if ((portfolio = load_portfolio (argv[1], NULL)) == NULL)
    return SCS_CLI_EXIT_USAGE;
  stats = scs_portfolio_stats_compute (scs_portfolio_get_entries (portfolio), grouping);

  /* Both outputs are made before either is written. */
  if (opt_csv != NULL && (csv = scs_portfolio_stats_to_csv (stats, grouping, encoding, &error)) == NULL)
    return scs_cli_report (error);
  if (opt_pdf != NULL && (pdf = scs_portfolio_stats_to_pdf (stats, grouping, opt_top, opt_date, &error)) == NULL)
    return scs_cli_report (error);
  if ((csv != NULL && !write_bytes (opt_csv, csv)) || (pdf != NULL && !write_bytes (opt_pdf, pdf)))
    return SCS_CLI_EXIT_USAGE;

  if (scs_cli_opt_json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_array (b);
      for (guint i = 0; i < stats->len; i++)
        {
          ScsStat *stat = g_ptr_array_index (stats, i);

          json_builder_begin_object (b);
          scs_cli_json_add_string (b, "group", stat->group);
          scs_cli_json_add_int (b, "category", stat->category);
          scs_cli_json_add_string (b, "criterion_id", stat->criterion_id);
          scs_cli_json_add_int (b, "clients", stat->clients);
          scs_cli_json_add_int (b, "unmet", stat->unmet);
          scs_cli_json_add_int (b, "previous_clients", stat->previous_clients);
          scs_cli_json_add_int (b, "previous_unmet", stat->previous_unmet);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      scs_cli_print_json (b);
    }
  else if (opt_csv == NULL && opt_pdf == NULL)
    {
      g_autoptr(ScsCliTable) table = scs_cli_table_new (5);
      const char *group = NULL;
      guint shown = 0;

      scs_cli_table_add_row (table, C_("statistics column", "Group"), C_("statistics column", "Criterion"),
                             C_("statistics column", "Not met"), C_("statistics column", "Not met (%)"),
                             C_("statistics column", "Change (points)"));
      scs_cli_table_add_rule (table);
      for (guint i = 0; i < stats->len; i++)
        {
          ScsStat *stat = g_ptr_array_index (stats, i);
          g_autofree char *what = NULL;
          g_autofree char *unmet = NULL;
          g_autofree char *rate = NULL;
          g_autofree char *change = NULL;

          if (group == NULL || !g_str_equal (group, stat->group))
            {
              group = stat->group;
              shown = 0;
            }
          if (stat->criterion_id != NULL && (shown >= (guint) opt_top || stat->unmet == 0))
            continue;
          if (stat->criterion_id != NULL)
            shown++;
          what = stat->criterion_id != NULL ? g_strdup (stat->criterion_id)
                 : g_strdup_printf (_("category %u"), stat->category);
          unmet = g_strdup_printf ("%u / %u", stat->unmet, stat->clients);
          rate = g_strdup_printf ("%.1f", scs_stat_get_rate (stat));
          change = stat->previous_clients > 0 ? g_strdup_printf ("%+.1f", scs_stat_get_change (stat))
                                              : g_strdup ("—");
          scs_cli_table_add_row (table, scs_stats_group_get_label (grouping, stat->group), what, unmet, rate,
                                 change);
        }
      scs_cli_table_print (table);
    }
  return SCS_CLI_EXIT_OK;
}

static void
item_gap_to_json (JsonBuilder   *b,
                  gconstpointer  item)
{
  const ScsItemGap *gap = item;

  scs_cli_json_add_string (b, "key", gap->key);
  scs_cli_json_add_string (b, "kind", scs_item_gap_kind_to_string (gap->kind));
  scs_cli_json_add_string (b, "reference", gap->reference);
  scs_cli_json_add_string (b, "area", gap->area);
  scs_cli_json_add_string (b, "subject", gap->subject);
  scs_cli_json_add_string (b, "finding", gap->finding);
  scs_cli_json_add_string (b, "next_step", gap->next_step);
}

/* The gaps of a self-declaration (ScsItemGap*), as JSON or as text: one
 * block per gap, the suggested next step below it. */
static void
print_item_gaps (const char   *file,
                 ScsWorkspace *workspace,
                 GPtrArray    *gaps)
{
  ScsWorkspaceType type = scs_workspace_get_workspace_type (workspace);

  if (scs_cli_opt_json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_object (b);
      scs_cli_json_add_string (b, "file", file);
      scs_cli_json_add_string (b, "type", scs_workspace_type_to_string (type));
      scs_cli_json_add_objects (b, "gaps", gaps, item_gap_to_json);
      json_builder_end_object (b);
      scs_cli_print_json (b);
      return;
    }

  /* Translators: "JC-STAR ★1 product self-declaration: 3 gap(s)" */
  g_print (_("%s: %u gap(s)\n"), scs_workspace_type_get_label (type), gaps->len);
  for (guint i = 0; i < gaps->len; i++)
    {
      ScsItemGap *gap = g_ptr_array_index (gaps, i);
      g_autofree char *reference = scs_text_escape_terminal (gap->reference);
      g_autofree char *subject = scs_text_escape_terminal (gap->subject);
      g_autofree char *area = scs_text_escape_terminal (gap->area);

      /* the label number and an imported wording are the user's text */
      g_print ("\n%s%s%s\n", reference, *reference != '\0' ? "  " : "", subject);
      g_print ("  %s — %s\n", gap->finding, area);
      /* Translators: the suggested next step of a gap */
      g_print (_("  Next step: %s\n"), gap->next_step);
    }
}

static void
gap_to_json (JsonBuilder   *b,
             gconstpointer  item)
{
  const ScsGap *gap = item;

  scs_cli_json_add_string (b, "criterion_id", gap->criterion_id);
  scs_cli_json_add_string (b, "answer", scs_answer_state_to_string (gap->state));
  scs_cli_json_add_string (b, "support", scs_support_to_string (gap->support));
  scs_cli_json_add_string (b, "effort", gap->effort);
  scs_cli_json_add_string (b, "priority", gap->priority);
  scs_cli_json_add_string (b, "owner", gap->owner);
  scs_cli_json_add_string (b, "due", gap->due);
  scs_cli_json_add_string (b, "note", gap->note);
  scs_cli_json_add_boolean (b, "planned", gap->planned);
}

int
scs_cli_diagnose (const ScsCliCommand *command,
                  int                  argc,
                  char               **argv)
{
  g_autoptr(ScsWorkspace) workspace = NULL;
  g_autoptr(ScsDiagnosis) diagnosis = NULL;
  g_autoptr(GPtrArray) gaps = NULL;
  g_autoptr(GBytes) csv = NULL;
  g_autoptr(GBytes) xlsx = NULL;
  g_autoptr(GError) error = NULL;
  ScsCsvEncoding encoding = SCS_CSV_UTF8_BOM;
  ScsCatalog *catalog;
  gboolean items;

  if (!scs_cli_parse_arguments (command, diagnose_entries, TRUE, &argc, &argv, 1, 1))
    return SCS_CLI_EXIT_USAGE;
  if (!parse_encoding (&encoding))
    return SCS_CLI_EXIT_USAGE;
  if (opt_on_site != NULL && !g_str_equal (opt_on_site, "yes") && !g_str_equal (opt_on_site, "no"))
    return scs_cli_error (_("--on-site: expected yes or no, not ‘%s’"), opt_on_site);
  if (!check_date ())
    return SCS_CLI_EXIT_USAGE;

  workspace = scs_cli_open_workspace (argv[1]);
  if (workspace == NULL)
    return SCS_CLI_EXIT_USAGE;
  diagnosis = scs_diagnosis_new (workspace);
  catalog = scs_workspace_get_catalog (workspace);
  items = scs_diagnosis_is_item_based (diagnosis);
  if (!scs_diagnosis_set_today (diagnosis, opt_date, &error))
    return scs_cli_report (error);

  /* Everything that can fail on the content comes first: a refused
   * export leaves the workspace as it was. */
  gaps = items ? scs_diagnosis_list_item_gaps (diagnosis, &error) : scs_diagnosis_list_gaps (diagnosis, &error);
  if (gaps == NULL)
    return scs_cli_report (error);
  if (opt_csv != NULL)
    {
      csv = scs_diagnosis_export_csv (diagnosis, encoding, &error);
      if (csv == NULL)
        return scs_cli_report (error);
    }
  if (opt_xlsx != NULL)
    {
      xlsx = scs_diagnosis_export_xlsx (diagnosis, &error);
      if (xlsx == NULL)
        return scs_cli_report (error);
    }
  /* A self-declaration refuses the on-site flag before anything is written. */
  if (opt_on_site != NULL &&
      !scs_diagnosis_set_needs_on_site (diagnosis, g_str_equal (opt_on_site, "yes"), &error))
    return scs_cli_report (error);
  if ((opt_size != NULL || opt_sector != NULL) &&
      !scs_diagnosis_set_client (diagnosis, opt_size, opt_sector, &error))
    return scs_cli_report (error);
  if (csv != NULL && !write_bytes (opt_csv, csv))
    return SCS_CLI_EXIT_USAGE;
  if (xlsx != NULL && !write_bytes (opt_xlsx, xlsx))
    return SCS_CLI_EXIT_USAGE;
  if (opt_out != NULL)
    {
      g_autoptr(GBytes) pdf = scs_diagnosis_build_report (diagnosis, opt_date, &error);
      if (pdf == NULL)
        return scs_cli_report (error);
      if (!write_bytes (opt_out, pdf))
        return SCS_CLI_EXIT_USAGE;
    }

  if (items)
    print_item_gaps (argv[1], workspace, gaps);
  else if (scs_cli_opt_json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_object (b);
      scs_cli_json_add_string (b, "file", argv[1]);
      scs_cli_json_add_int (b, "target_level", scs_workspace_get_target_level (workspace));
      scs_cli_json_add_int (b, "cycle", scs_workspace_get_cycle (workspace));
      scs_cli_json_add_string (b, "tier", scs_tier_to_string (scs_diagnosis_get_tier (diagnosis)));
      scs_cli_json_add_boolean (b, "needs_on_site", scs_diagnosis_get_needs_on_site (diagnosis));
      scs_cli_json_add_objects (b, "gaps", gaps, gap_to_json);
      json_builder_end_object (b);
      scs_cli_print_json (b);
    }
  else
    {
      g_autoptr(ScsCliTable) table = scs_cli_table_new (7);
      g_autofree char *level = scs_cli_level_label (scs_workspace_get_target_level (workspace));

      g_autofree char *missing = scs_catalog_describe_missing (catalog, scs_workspace_get_target_level (workspace));

      if (missing != NULL)
        /* Translators: "Target ★4, recommended service tier …, ★4 criteria missing: …" */
        g_print (_("Target %s, recommended service tier %s, %s; %u gap(s) among the known criteria\n\n"), level,
                 scs_tier_to_string (scs_diagnosis_get_tier (diagnosis)), missing, gaps->len);
      else
        g_print (_("Target %s, recommended service tier %s, %u gap(s)\n\n"), level,
                 scs_tier_to_string (scs_diagnosis_get_tier (diagnosis)), gaps->len);
      scs_cli_table_add_row (table, _("ID"), _("Requirement"), _("Answer"), _("Support"), _("Priority"),
                             _("Owner"), _("Due"));
      scs_cli_table_add_rule (table);
      for (guint i = 0; i < gaps->len; i++)
        {
          ScsGap *gap = g_ptr_array_index (gaps, i);
          const ScsCriterion *c = scs_catalog_lookup_criterion (catalog, gap->criterion_id);
          g_autofree char *support = g_strconcat (scs_support_get_label (gap->support),
                                                  gap->planned ? "" : " *", NULL);

          scs_cli_table_add_row (table, gap->criterion_id, scs_requirement_get_title (c->requirement),
                                 scs_answer_state_get_label (gap->state), support,
                                 scs_diagnosis_grade_get_label (gap->priority), gap->owner, gap->due);
        }
      scs_cli_table_print (table);
      g_print (_("\n* suggested, not yet decided by the vendor\n"));
    }

  return SCS_CLI_EXIT_OK;
}

int
scs_cli_diagnose_set (const ScsCliCommand *command,
                      int                  argc,
                      char               **argv)
{
  g_autoptr(ScsWorkspace) workspace = NULL;
  g_autoptr(ScsDiagnosis) diagnosis = NULL;
  g_autoptr(GError) error = NULL;

  if (!scs_cli_parse_arguments (command, gap_entries, TRUE, &argc, &argv, 2, 2))
    return SCS_CLI_EXIT_USAGE;
  if (!opt_support && !opt_effort && !opt_priority && !opt_owner && !opt_due && !opt_note)
    return scs_cli_error (_("diagnose set: give at least one of --support, --effort, --priority, "
                            "--owner, --due, --note"));

  workspace = scs_cli_open_workspace (argv[1]);
  if (workspace == NULL)
    return SCS_CLI_EXIT_USAGE;
  diagnosis = scs_diagnosis_new (workspace);
  if (!scs_diagnosis_set_gap (diagnosis, argv[2], opt_support, opt_effort, opt_priority,
                              opt_owner, opt_due, opt_note, &error))
    return scs_cli_report (error);
  return SCS_CLI_EXIT_OK;
}

/* ------------------------------------------------------------------------ */

int
scs_cli_renew (const ScsCliCommand *command,
               int                  argc,
               char               **argv)
{
  g_autoptr(ScsWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) unconfirmed = NULL;
  guint cycle;

  workspace = scs_cli_parse_and_open (command, renew_entries, TRUE, &argc, &argv);
  if (workspace == NULL)
    return SCS_CLI_EXIT_USAGE;

  cycle = scs_renewal_start (workspace, &error);
  if (cycle == 0)
    return scs_cli_report (error);
  unconfirmed = scs_renewal_list_unconfirmed (workspace, &error);
  if (unconfirmed == NULL)
    return scs_cli_report (error);

  if (scs_cli_opt_json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_object (b);
      scs_cli_json_add_string (b, "file", argv[1]);
      scs_cli_json_add_int (b, "cycle", cycle);
      json_builder_set_member_name (b, "to_reconfirm");
      json_builder_begin_array (b);
      for (guint i = 0; unconfirmed[i] != NULL; i++)
        json_builder_add_string_value (b, unconfirmed[i]);
      json_builder_end_array (b);
      json_builder_end_object (b);
      scs_cli_print_json (b);
    }
  else
    g_print (_("%s: renewal %u started; %u answer(s) carried forward to re-confirm\n"),
             argv[1], cycle, g_strv_length (unconfirmed));
  return SCS_CLI_EXIT_OK;
}

int
scs_cli_renew_confirm (const ScsCliCommand *command,
                       int                  argc,
                       char               **argv)
{
  g_autoptr(ScsWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;

  if (!scs_cli_parse_arguments (command, NULL, TRUE, &argc, &argv, 2, -1))
    return SCS_CLI_EXIT_USAGE;
  workspace = scs_cli_open_workspace (argv[1]);
  if (workspace == NULL)
    return SCS_CLI_EXIT_USAGE;
  /* All or nothing: one bad name confirms none. */
  if (!scs_renewal_confirm_all (workspace, (const char * const *) argv + 2, &error))
    return scs_cli_report (error);
  return SCS_CLI_EXIT_OK;
}

int
scs_cli_certify (const ScsCliCommand *command,
                 int                  argc,
                 char               **argv)
{
  g_autoptr(ScsWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;

  if (!scs_cli_parse_arguments (command, certify_entries, TRUE, &argc, &argv, 1, 1))
    return SCS_CLI_EXIT_USAGE;
  if ((opt_level == 0 || opt_date == NULL) &&
      (opt_level != 0 || opt_date != NULL || (opt_evaluation_body == NULL && opt_tv_provider == NULL &&
                                              opt_status == NULL)))
    return scs_cli_error (_("certify: --level and --date are required (alone, --evaluation-body, "
                            "--tv-provider and --status complete the recorded star)"));
  workspace = scs_cli_open_workspace (argv[1]);
  if (workspace == NULL)
    return SCS_CLI_EXIT_USAGE;
  if (opt_level != 0 &&
      !scs_renewal_record_certification (workspace, opt_level, opt_date, opt_registry_id, &error))
    return scs_cli_report (error);
  if ((opt_evaluation_body != NULL || opt_tv_provider != NULL || opt_status != NULL) &&
      !scs_renewal_set_registry (workspace, opt_evaluation_body, opt_tv_provider, opt_status, &error))
    return scs_cli_report (error);
  return SCS_CLI_EXIT_OK;
}

int
scs_cli_significant_change (const ScsCliCommand *command,
                            int                  argc,
                            char               **argv)
{
  g_autoptr(ScsWorkspace) workspace = NULL;
  g_autoptr(ScsValidity) validity = NULL;
  g_autoptr(GError) error = NULL;
  const char *check;

  if (!scs_cli_parse_arguments (command, change_entries, TRUE, &argc, &argv, 2, 2))
    return SCS_CLI_EXIT_USAGE;
  validity = scs_validity_load_default (&error);
  if (validity == NULL)
    return scs_cli_report (error);
  workspace = scs_cli_open_workspace (argv[1]);
  if (workspace == NULL)
    return SCS_CLI_EXIT_USAGE;
  if (!scs_renewal_record_change (workspace, validity, argv[2], opt_description, &error))
    return scs_cli_report (error);
  check = scs_validity_get_check_label (validity, scs_workspace_get_target_level (workspace));
  g_print (_("%s: recorded; this change needs %s\n"), argv[1], check ? check : "");
  return SCS_CLI_EXIT_OK;
}


/* A nonconformity found in the evaluation, and later its correction. */
int
scs_cli_finding (const ScsCliCommand *command,
                 int                  argc,
                 char               **argv)
{
  g_autoptr(ScsWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;

  if (!scs_cli_parse_arguments (command, finding_entries, TRUE, &argc, &argv, 1, 1))
    return SCS_CLI_EXIT_USAGE;
  if (opt_found == NULL)
    return scs_cli_error (_("finding: --found YYYY-MM-DD is required"));
  workspace = scs_cli_open_workspace (argv[1]);
  if (workspace == NULL)
    return SCS_CLI_EXIT_USAGE;
  if (!scs_renewal_record_finding (workspace, opt_found, opt_corrected, &error))
    return scs_cli_report (error);
  return SCS_CLI_EXIT_OK;
}

static const char * const life_kinds[] = {
  "valid-until", "self-assessment", "renewal", "correction", "status",
};
static const char * const life_urgencies[] = { "ok", "soon", "overdue" };

static void
life_event_to_json (JsonBuilder   *b,
                    gconstpointer  item)
{
  const ScsLifeEvent *e = item;

  scs_cli_json_add_string (b, "kind", life_kinds[e->kind]);
  scs_cli_json_add_string (b, "label", e->label);
  scs_cli_json_add_string (b, "date", e->date);
  if (e->date != NULL)
    scs_cli_json_add_int (b, "days_left", e->days_left);
  scs_cli_json_add_string (b, "urgency", life_urgencies[e->urgency]);
  scs_cli_json_add_boolean (b, "provisional", e->provisional);
}

/* The dates of the star's life cycle, as the dashboard shows them. */
int
scs_cli_life_cycle (const ScsCliCommand *command,
                    int                  argc,
                    char               **argv)
{
  g_autoptr(ScsWorkspace) workspace = NULL;
  g_autoptr(ScsValidity) validity = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) today = NULL;
  g_autoptr(GPtrArray) events = NULL;

  if (!scs_cli_parse_arguments (command, life_entries, FALSE, &argc, &argv, 1, 1))
    return SCS_CLI_EXIT_USAGE;
  if (!parse_today (&today))
    return SCS_CLI_EXIT_USAGE;
  if (today == NULL)
    today = scs_date_today (SCS_DATE_ZONE_LOCAL);
  validity = scs_validity_load_default (&error);
  if (validity == NULL)
    return scs_cli_report (error);
  workspace = scs_cli_open_workspace (argv[1]);
  if (workspace == NULL)
    return SCS_CLI_EXIT_USAGE;
  events = scs_renewal_list_life_cycle (workspace, validity, today, &error);
  if (events == NULL)
    return scs_cli_report (error);
  if (scs_cli_opt_json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_object (b);
      scs_cli_json_add_objects (b, "events", events, life_event_to_json);
      json_builder_end_object (b);
      scs_cli_print_json (b);
      return SCS_CLI_EXIT_OK;
    }
  if (events->len == 0)
    g_print (_("No star is recorded and no finding is open.\n"));
  for (guint i = 0; i < events->len; i++)
    {
      ScsLifeEvent *e = g_ptr_array_index (events, i);

      if (e->date == NULL)
        g_print ("%s\n", e->label);
      else
        g_print (_("%s: %s (%d days)%s\n"), e->label, e->date, e->days_left,
                 e->provisional ? _(" — provisional period") : "");
    }
  return SCS_CLI_EXIT_OK;
}

/* ------------------------------------------------------------------------ */

static gboolean
parse_cycle (const char *text,
             guint      *cycle)
{
  guint64 value;

  if (!g_ascii_string_to_unsigned (text, 10, 0, G_MAXINT, &value, NULL))
    return FALSE;
  *cycle = (guint) value;
  return TRUE;
}

int
scs_cli_compare (const ScsCliCommand *command,
                 int                  argc,
                 char               **argv)
{
  g_autoptr(ScsWorkspace) workspace = NULL;
  g_autoptr(GPtrArray) diffs = NULL;
  g_autoptr(GError) error = NULL;
  guint a, b, n_changed = 0, n_reconfirmed = 0, n_carried = 0;

  if (!scs_cli_parse_arguments (command, compare_entries, FALSE, &argc, &argv, 1, 1))
    return SCS_CLI_EXIT_USAGE;
  if (opt_cycles == NULL || g_strv_length (opt_cycles) != 2)
    return scs_cli_error (_("compare: give exactly two --cycle options"));
  if (!parse_cycle (opt_cycles[0], &a))
    return scs_cli_error (_("--cycle: ‘%s’ is not a cycle number"), opt_cycles[0]);
  if (!parse_cycle (opt_cycles[1], &b))
    return scs_cli_error (_("--cycle: ‘%s’ is not a cycle number"), opt_cycles[1]);

  workspace = scs_cli_open_workspace (argv[1]);
  if (workspace == NULL)
    return SCS_CLI_EXIT_USAGE;
  diffs = scs_renewal_compare (workspace, a, b, &error);
  if (diffs == NULL)
    return scs_cli_report (error);

  for (guint i = 0; i < diffs->len; i++)
    {
      ScsCycleDiff *d = g_ptr_array_index (diffs, i);
      n_changed += d->changes != 0;
      n_carried += d->carried;
      n_reconfirmed += d->reconfirmed;
    }

  if (scs_cli_opt_json)
    {
      g_autoptr(JsonBuilder) jb = json_builder_new ();

      json_builder_begin_object (jb);
      scs_cli_json_add_string (jb, "file", argv[1]);
      scs_cli_json_add_int (jb, "cycle_a", a);
      scs_cli_json_add_int (jb, "cycle_b", b);
      json_builder_set_member_name (jb, "changed");
      json_builder_begin_array (jb);
      for (guint i = 0; i < diffs->len; i++)
        {
          ScsCycleDiff *d = g_ptr_array_index (diffs, i);

          if (d->changes == 0)
            continue;
          json_builder_begin_object (jb);
          scs_cli_json_add_string (jb, "criterion_id", d->criterion_id);
          json_builder_set_member_name (jb, "fields");
          json_builder_begin_array (jb);
          if (d->changes & SCS_CHANGE_STATE)
            json_builder_add_string_value (jb, "state");
          if (d->changes & SCS_CHANGE_NOTE)
            json_builder_add_string_value (jb, "note");
          if (d->changes & SCS_CHANGE_REASON)
            json_builder_add_string_value (jb, "reason");
          if (d->changes & SCS_CHANGE_EVIDENCE)
            json_builder_add_string_value (jb, "evidence");
          json_builder_end_array (jb);
          scs_cli_json_add_string (jb, "old_state", scs_answer_state_to_string (d->old_state));
          scs_cli_json_add_string (jb, "new_state", scs_answer_state_to_string (d->new_state));
          scs_cli_json_add_string (jb, "old_note", d->old_note);
          scs_cli_json_add_string (jb, "new_note", d->new_note);
          scs_cli_json_add_int (jb, "old_evidence", d->old_evidence);
          scs_cli_json_add_int (jb, "new_evidence", d->new_evidence);
          json_builder_end_object (jb);
        }
      json_builder_end_array (jb);
      json_builder_set_member_name (jb, "reconfirmed");
      json_builder_begin_array (jb);
      for (guint i = 0; i < diffs->len; i++)
        {
          ScsCycleDiff *d = g_ptr_array_index (diffs, i);
          if (d->reconfirmed)
            json_builder_add_string_value (jb, d->criterion_id);
        }
      json_builder_end_array (jb);
      json_builder_set_member_name (jb, "not_reconfirmed");
      json_builder_begin_array (jb);
      for (guint i = 0; i < diffs->len; i++)
        {
          ScsCycleDiff *d = g_ptr_array_index (diffs, i);
          if (d->carried && !d->reconfirmed)
            json_builder_add_string_value (jb, d->criterion_id);
        }
      json_builder_end_array (jb);
      json_builder_end_object (jb);
      scs_cli_print_json (jb);
    }
  else
    {
      g_autoptr(ScsCliTable) table = scs_cli_table_new (4);

      g_print (_("Cycle %u → cycle %u: %u changed, %u of %u carried answers re-confirmed\n\n"),
               a, b, n_changed, n_reconfirmed, n_carried);
      scs_cli_table_add_row (table, _("ID"), _("Before"), _("After"), _("Changed"));
      scs_cli_table_add_rule (table);
      for (guint i = 0; i < diffs->len; i++)
        {
          ScsCycleDiff *d = g_ptr_array_index (diffs, i);
          g_autoptr(GString) what = g_string_new (NULL);

          if (d->changes == 0)
            continue;
          if (d->changes & SCS_CHANGE_STATE)
            g_string_append (what, _("state "));
          if (d->changes & SCS_CHANGE_NOTE)
            g_string_append (what, _("note "));
          if (d->changes & SCS_CHANGE_REASON)
            g_string_append (what, _("reason "));
          if (d->changes & SCS_CHANGE_EVIDENCE)
            g_string_append (what, _("evidence "));
          scs_cli_table_add_row (table, d->criterion_id, scs_answer_state_get_label (d->old_state),
                                 scs_answer_state_get_label (d->new_state), what->str);
        }
      scs_cli_table_print (table);
    }
  return SCS_CLI_EXIT_OK;
}

/* ------------------------------------------------------------------------ */

static ScsSupplierList *
open_suppliers (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = opt_file != NULL ? g_strdup (opt_file) : scs_supplier_list_default_path ();
  ScsSupplierList *list = scs_supplier_list_load (path, &error);

  if (list == NULL)
    scs_cli_report (error);
  return list;
}

static gboolean
parse_answer (const char *text,
              gboolean   *value)
{
  if (g_ascii_strcasecmp (text, "yes") == 0 || g_str_equal (text, "y") || g_str_equal (text, "1"))
    *value = TRUE;
  else if (g_ascii_strcasecmp (text, "no") == 0 || g_str_equal (text, "n") || g_str_equal (text, "0"))
    *value = FALSE;
  else
    return FALSE;
  return TRUE;
}

static void
supplier_check_to_json (JsonBuilder   *b,
                        gconstpointer  item)
{
  const ScsSupplierCheck *c = item;

  scs_cli_json_add_string (b, "date", c->date);
  scs_cli_json_add_string (b, "method", scs_check_method_to_string (c->method));
  scs_cli_json_add_string (b, "evidence", c->evidence);
}

static void
supplier_negotiation_to_json (JsonBuilder   *b,
                              gconstpointer  item)
{
  const ScsSupplierNegotiation *n = item;

  scs_cli_json_add_string (b, "date", n->date);
  scs_cli_json_add_string (b, "outcome", n->outcome);
  scs_cli_json_add_string (b, "documents", n->documents);
}

static void
supplier_json (JsonBuilder       *b,
               const ScsSupplier *s)
{
  json_builder_begin_object (b);
  scs_cli_json_add_string (b, "name", s->name);
  scs_cli_json_add_string (b, "corporate_number", s->corporate_number);
  scs_cli_json_add_boolean (b, "confidential", s->confidential);
  scs_cli_json_add_boolean (b, "delay", s->delay);
  scs_cli_json_add_boolean (b, "access", s->access);
  scs_cli_json_add_string (b, "factors", s->factors);
  scs_cli_json_add_int (b, "recommended", s->recommended);
  scs_cli_json_add_int (b, "obtained", s->obtained);
  scs_cli_json_add_boolean (b, "meets_recommendation", s->outside || s->obtained >= s->recommended);
  scs_cli_json_add_string (b, "decided", s->decided);
  scs_cli_json_add_string (b, "reasoning", s->reasoning);
  scs_cli_json_add_boolean (b, "outside", s->outside);
  scs_cli_json_add_string (b, "outside_reason", s->outside_reason);
  scs_cli_json_add_string (b, "registry_id", s->registry_id);
  scs_cli_json_add_string (b, "expiry", s->expiry);
  json_builder_set_member_name (b, "history");
  json_builder_begin_array (b);
  for (guint i = 0; s->history[i] != NULL; i++)
    json_builder_add_string_value (b, s->history[i]);
  json_builder_end_array (b);
  scs_cli_json_add_objects (b, "checks", s->checks, supplier_check_to_json);
  scs_cli_json_add_objects (b, "negotiations", s->negotiations, supplier_negotiation_to_json);
  json_builder_end_object (b);
}

int
scs_cli_wizard (const ScsCliCommand *command,
                int                  argc,
                char               **argv)
{
  g_autoptr(ScsSupplier) s = scs_supplier_new ();
  g_autoptr(ScsSupplierList) list = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) parts = NULL;

  if (!scs_cli_parse_arguments (command, wizard_entries, FALSE, &argc, &argv, 0, 0))
    return SCS_CLI_EXIT_USAGE;
  if (opt_answers == NULL)
    return scs_cli_error (_("wizard: --answers yes|no,yes|no,yes|no is required"));
  parts = g_strsplit (opt_answers, ",", -1);
  if (g_strv_length (parts) != 3 || !parse_answer (g_strstrip (parts[0]), &s->confidential) ||
      !parse_answer (g_strstrip (parts[1]), &s->delay) || !parse_answer (g_strstrip (parts[2]), &s->access))
    return scs_cli_error (_("--answers: expected three yes/no answers separated by commas, not ‘%s’"),
                          opt_answers);
  if (opt_obtained != -1 && opt_obtained != 0 && opt_obtained != 3 && opt_obtained != 4)
    return scs_cli_error (_("--obtained: expected 0, 3 or 4, not %d"), opt_obtained);

  if (opt_supplier != NULL)
    {
      const ScsSupplier *stored;

      list = open_suppliers ();
      if (list == NULL)
        return SCS_CLI_EXIT_USAGE;
      /* Re-deciding keeps what is not asked again: 法人番号, factors,
       * registry entry, checks, negotiations, history. */
      stored = scs_supplier_list_lookup (list, opt_supplier);
      if (stored != NULL)
        {
          gboolean confidential = s->confidential, delay = s->delay, access = s->access;

          scs_supplier_free (s);
          s = scs_supplier_copy (stored);
          s->confidential = confidential;
          s->delay = delay;
          s->access = access;
        }
    }
  if (opt_factors != NULL || s->factors == NULL)
    {
      g_free (s->factors);
      s->factors = g_strdup (opt_factors ? opt_factors : "");
    }
  g_free (s->name);
  s->name = g_strdup (opt_supplier ? opt_supplier : _("(unnamed supplier)"));
  if (opt_corporate_number != NULL)
    {
      g_free (s->corporate_number);
      s->corporate_number = g_strdup (opt_corporate_number);
    }
  if (opt_obtained != -1)
    s->obtained = opt_obtained;
  s->outside = opt_outside != NULL;
  if (opt_outside != NULL)
    {
      g_free (s->outside_reason);
      s->outside_reason = g_strdup (opt_outside);
    }
  scs_supplier_decide (s);

  if (list != NULL)
    {
      if (!scs_supplier_list_put (list, s, &error))
        return scs_cli_report (error);
      scs_supplier_free (s);
      s = scs_supplier_copy (scs_supplier_list_lookup (list, opt_supplier));
    }

  if (scs_cli_opt_json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      supplier_json (b, s);
      scs_cli_print_json (b);
    }
  else if (opt_print)
    {
      g_autofree char *text = scs_supplier_to_text (s);
      g_print ("%s", text);
    }
  else
    g_print (_("Recommended level: ★%u\n%s\n"), s->recommended, s->reasoning);
  return SCS_CLI_EXIT_OK;
}

int
scs_cli_suppliers_list (const ScsCliCommand *command,
                        int                  argc,
                        char               **argv)
{
  g_autoptr(ScsSupplierList) list = NULL;
  GPtrArray *suppliers;

  if (!scs_cli_parse_arguments (command, suppliers_entries, FALSE, &argc, &argv, 0, 0))
    return SCS_CLI_EXIT_USAGE;
  if ((list = open_suppliers ()) == NULL)
    return SCS_CLI_EXIT_USAGE;
  suppliers = scs_supplier_list_get (list);

  if (scs_cli_opt_json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_array (b);
      for (guint i = 0; i < suppliers->len; i++)
        supplier_json (b, g_ptr_array_index (suppliers, i));
      json_builder_end_array (b);
      scs_cli_print_json (b);
    }
  else
    {
      g_autoptr(ScsCliTable) table = scs_cli_table_new (4);

      scs_cli_table_add_row (table, _("Supplier"), _("Recommended"), _("Obtained"), _("Decided"));
      scs_cli_table_add_rule (table);
      for (guint i = 0; i < suppliers->len; i++)
        {
          ScsSupplier *s = g_ptr_array_index (suppliers, i);
          g_autofree char *rec = s->outside ? g_strdup (_("outside the flow"))
                                 : scs_cli_level_label (s->recommended);
          g_autofree char *obt = s->obtained ? scs_cli_level_label (s->obtained) : g_strdup ("—");
          g_autofree char *obt_text = s->obtained < s->recommended
                                      ? g_strdup_printf (_("%s (below)"), obt) : g_strdup (obt);

          scs_cli_table_add_row (table, s->name, rec, obt_text, s->decided);
        }
      scs_cli_table_print (table);
    }
  return SCS_CLI_EXIT_OK;
}

/* A copy of the supplier named @name, or NULL having said so. */
static ScsSupplier *
stored_supplier (ScsSupplierList *list,
                 const char      *name)
{
  const ScsSupplier *stored = scs_supplier_list_lookup (list, name);

  if (stored == NULL)
    {
      scs_cli_error (_("There is no supplier ‘%s’ in the list (decide its level first with "
                       "scs-cli wizard --supplier)"), name);
      return NULL;
    }
  return scs_supplier_copy (stored);
}

int
scs_cli_suppliers_set (const ScsCliCommand *command,
                       int                  argc,
                       char               **argv)
{
  g_autoptr(ScsSupplierList) list = NULL;
  g_autoptr(ScsSupplier) s = NULL;
  g_autoptr(GError) error = NULL;

  if (!scs_cli_parse_arguments (command, suppliers_set_entries, FALSE, &argc, &argv, 1, 1))
    return SCS_CLI_EXIT_USAGE;
  if (opt_obtained != -1 && opt_obtained != 0 && opt_obtained != 3 && opt_obtained != 4)
    return scs_cli_error (_("--obtained: expected 0, 3 or 4, not %d"), opt_obtained);
  if ((list = open_suppliers ()) == NULL || (s = stored_supplier (list, argv[1])) == NULL)
    return SCS_CLI_EXIT_USAGE;
#define SET(field, value) if ((value) != NULL) { g_free (s->field); s->field = g_strdup (value); }
  SET (corporate_number, opt_corporate_number);
  SET (registry_id, opt_registry_id);
  SET (expiry, opt_expiry);
#undef SET
  if (opt_obtained != -1)
    s->obtained = opt_obtained;
  if (!scs_supplier_list_put (list, s, &error))
    return scs_cli_report (error);
  if (scs_cli_opt_json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      supplier_json (b, scs_supplier_list_lookup (list, argv[1]));
      scs_cli_print_json (b);
    }
  return SCS_CLI_EXIT_OK;
}

/* `suppliers check` and `suppliers negotiation`: one dated record added to
 * the supplier named by the argument, from the options. */
static int
add_supplier_record (const ScsCliCommand *command,
                     const GOptionEntry  *entries,
                     gboolean             negotiation,
                     int                  argc,
                     char               **argv)
{
  g_autoptr(ScsSupplierList) list = NULL;
  g_autoptr(ScsSupplier) s = NULL;
  g_autoptr(GError) error = NULL;
  gboolean added;

  if (!scs_cli_parse_arguments (command, entries, FALSE, &argc, &argv, 1, 1))
    return SCS_CLI_EXIT_USAGE;
  if ((list = open_suppliers ()) == NULL || (s = stored_supplier (list, argv[1])) == NULL)
    return SCS_CLI_EXIT_USAGE;
  added = negotiation ? scs_supplier_add_negotiation (s, opt_date, opt_outcome, opt_documents, &error)
                      : scs_supplier_add_check (s, opt_date, opt_method, opt_evidence, &error);
  if (!added || !scs_supplier_list_put (list, s, &error))
    return scs_cli_report (error);
  return SCS_CLI_EXIT_OK;
}

int
scs_cli_suppliers_check (const ScsCliCommand *command,
                         int                  argc,
                         char               **argv)
{
  return add_supplier_record (command, suppliers_check_entries, FALSE, argc, argv);
}

int
scs_cli_suppliers_negotiation (const ScsCliCommand *command,
                               int                  argc,
                               char               **argv)
{
  return add_supplier_record (command, suppliers_negotiation_entries, TRUE, argc, argv);
}

int
scs_cli_suppliers_import (const ScsCliCommand *command,
                          int                  argc,
                          char               **argv)
{
  g_autoptr(ScsSupplierList) list = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  if (!scs_cli_parse_arguments (command, suppliers_entries, FALSE, &argc, &argv, 1, 1))
    return SCS_CLI_EXIT_USAGE;
  if ((list = open_suppliers ()) == NULL)
    return SCS_CLI_EXIT_USAGE;
  n = scs_supplier_list_import_csv (list, argv[1], &error);
  if (error != NULL)
    return scs_cli_error ("%s: %s", argv[1], error->message);
  g_print (_("%u supplier(s) imported\n"), n);
  return SCS_CLI_EXIT_OK;
}

int
scs_cli_suppliers_export (const ScsCliCommand *command,
                          int                  argc,
                          char               **argv)
{
  g_autoptr(ScsSupplierList) list = NULL;
  g_autoptr(GBytes) csv = NULL;
  g_autoptr(GError) error = NULL;
  ScsCsvEncoding encoding = SCS_CSV_UTF8_BOM;

  if (!scs_cli_parse_arguments (command, suppliers_export_entries, FALSE, &argc, &argv, 1, 1))
    return SCS_CLI_EXIT_USAGE;
  if ((list = open_suppliers ()) == NULL)
    return SCS_CLI_EXIT_USAGE;
  if (!parse_encoding (&encoding))
    return SCS_CLI_EXIT_USAGE;
  csv = scs_supplier_list_export_csv (list, encoding, &error);
  if (csv == NULL)
    return scs_cli_report (error);
  if (g_str_equal (argv[1], "-"))
    {
      fwrite (g_bytes_get_data (csv, NULL), 1, g_bytes_get_size (csv), stdout);
      return SCS_CLI_EXIT_OK;
    }
  return write_bytes (argv[1], csv) ? SCS_CLI_EXIT_OK : SCS_CLI_EXIT_USAGE;
}
