/* scs-cli-provider.c: `scs-cli provider …`, the service-provider dossier
 * (provisional: the scheme is not final)
 *
 * provider link        FILE STAR4.scsw --department NAME
 * provider isms        FILE --number N --body B --scope TEXT --expires D [--mark TEXT]
 * provider certify     FILE --number N --obtained D
 * provider service     FILE CATEGORY NAME
 * provider subcontract FILE CATEGORY --contracting-out no|yes [--exception TEXT] --redelegation no|yes
 * provider tool        FILE --name N --maker M --storage S --logs yes|no --external yes|no
 * provider store       FILE --service S --data D --location L --classification C --handlers H
 * provider import-csv  FILE tools|stores CSV
 * provider show        FILE [--json]
 * provider check       FILE [--json] [--today D] [--warn-days N]   exit 1 with each inconsistency
 *
 * The dossier's items are answered with `answer` and `evidence add`; the
 * pledge is signed with `declare`, the dossier exported with `export`.
 * Bad input exits 2 with nothing written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "scs-cli-private.h"
#include "scs-csv.h"
#include "scs-provider.h"
#include "scs-provider-check.h"
#include "scs-renewal.h"

static char *opt_department, *opt_number, *opt_body, *opt_scope, *opt_expires, *opt_mark, *opt_obtained;
static char *opt_contracting_out, *opt_exception, *opt_redelegation, *opt_today;
static char *opt_values[5];
static int opt_warn_days;

static ScsWorkspace *
open_provider (const char *path)
{
  g_autoptr(ScsWorkspace) workspace = scs_cli_open_workspace (path);

  if (workspace == NULL)
    return NULL;
  if (scs_workspace_get_workspace_type (workspace) != SCS_WORKSPACE_TYPE_PROVIDER)
    {
      scs_cli_error (_("‘%s’ is not a service-provider dossier: it is for %s"), path,
                     scs_workspace_type_get_label (scs_workspace_get_workspace_type (workspace)));
      return NULL;
    }
  return g_steal_pointer (&workspace);
}

static gboolean
parse_category (const char          *word,
                ScsProviderCategory *category)
{
  if (scs_provider_category_from_string (word, category))
    return TRUE;
  scs_cli_error (_("‘%s’ is not a service category: use audit, vulnerability, forensics, monitoring or device"),
                 word);
  return FALSE;
}

static gboolean
parse_yes_no (const char *option,
              const char *word,
              gboolean   *value)
{
  if (g_strcmp0 (word, "yes") == 0 || g_strcmp0 (word, "no") == 0)
    {
      *value = g_str_equal (word, "yes");
      return TRUE;
    }
  scs_cli_error (_("--%s must be yes or no, not ‘%s’"), option, word != NULL ? word : "");
  return FALSE;
}

/* ---- link, isms, certify ------------------------------------------------- */

int
scs_cli_provider_link (const ScsCliCommand *command,
                       int                  argc,
                       char               **argv)
{
  const GOptionEntry entries[] = {
    { "department", 0, 0, G_OPTION_ARG_STRING, &opt_department,
      N_("The service department (required)"), N_("NAME") },
    { NULL }
  };
  g_autoptr(ScsWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;

  if (!scs_cli_parse_arguments (command, entries, TRUE, &argc, &argv, 2, 2))
    return SCS_CLI_EXIT_USAGE;
  if (opt_department == NULL)
    return scs_cli_error (_("provider link: --department is required"));
  workspace = open_provider (argv[1]);
  if (workspace == NULL)
    return SCS_CLI_EXIT_USAGE;
  if (!scs_provider_link_star4 (workspace, argv[2], opt_department, &error))
    return scs_cli_report (error);
  return SCS_CLI_EXIT_OK;
}

int
scs_cli_provider_isms (const ScsCliCommand *command,
                       int                  argc,
                       char               **argv)
{
  const GOptionEntry entries[] = {
    { "number", 0, 0, G_OPTION_ARG_STRING, &opt_number, N_("Certificate number"), N_("NUMBER") },
    { "body", 0, 0, G_OPTION_ARG_STRING, &opt_body, N_("Certification body"), N_("NAME") },
    { "scope", 0, 0, G_OPTION_ARG_STRING, &opt_scope, N_("The certificate’s scope text"), N_("TEXT") },
    { "expires", 0, 0, G_OPTION_ARG_STRING, &opt_expires, N_("Expiry date"), N_("YYYY-MM-DD") },
    { "mark", 0, 0, G_OPTION_ARG_STRING, &opt_mark,
      N_("The part of the scope text that covers the service department"), N_("TEXT") },
    { NULL }
  };
  g_autoptr(ScsWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  ScsProviderIsms isms = { 0 };

  if (!scs_cli_parse_arguments (command, entries, TRUE, &argc, &argv, 1, 1))
    return SCS_CLI_EXIT_USAGE;
  isms.number = opt_number;
  isms.body = opt_body;
  isms.scope = opt_scope;
  isms.expires = opt_expires;
  isms.mark_start = isms.mark_end = -1;
  if (opt_mark != NULL)
    {
      const char *found = opt_scope != NULL && *opt_mark != '\0' ? strstr (opt_scope, opt_mark) : NULL;

      if (found == NULL)
        return scs_cli_error (_("provider isms: the marked text ‘%s’ is not in the scope text"), opt_mark);
      isms.mark_start = (int) g_utf8_pointer_to_offset (opt_scope, found);
      isms.mark_end = isms.mark_start + (int) g_utf8_strlen (opt_mark, -1);
    }
  workspace = open_provider (argv[1]);
  if (workspace == NULL)
    return SCS_CLI_EXIT_USAGE;
  if (!scs_provider_set_isms (workspace, &isms, &error))
    return scs_cli_report (error);
  return SCS_CLI_EXIT_OK;
}

int
scs_cli_provider_certify (const ScsCliCommand *command,
                          int                  argc,
                          char               **argv)
{
  const GOptionEntry entries[] = {
    { "number", 0, 0, G_OPTION_ARG_STRING, &opt_number, N_("Certification number"), N_("NUMBER") },
    { "obtained", 0, 0, G_OPTION_ARG_STRING, &opt_obtained, N_("Date obtained"), N_("YYYY-MM-DD") },
    { NULL }
  };
  g_autoptr(ScsWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;

  if (!scs_cli_parse_arguments (command, entries, TRUE, &argc, &argv, 1, 1))
    return SCS_CLI_EXIT_USAGE;
  workspace = open_provider (argv[1]);
  if (workspace == NULL)
    return SCS_CLI_EXIT_USAGE;
  if (!scs_provider_set_certification (workspace, opt_number, opt_obtained, &error))
    return scs_cli_report (error);
  return SCS_CLI_EXIT_OK;
}

/* ---- services and subcontracting ----------------------------------------- */

int
scs_cli_provider_service (const ScsCliCommand *command,
                          int                  argc,
                          char               **argv)
{
  const GOptionEntry entries[] = { { NULL } };
  g_autoptr(ScsWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  ScsProviderCategory category;

  if (!scs_cli_parse_arguments (command, entries, TRUE, &argc, &argv, 3, 3))
    return SCS_CLI_EXIT_USAGE;
  if (!parse_category (argv[2], &category))
    return SCS_CLI_EXIT_USAGE;
  workspace = open_provider (argv[1]);
  if (workspace == NULL)
    return SCS_CLI_EXIT_USAGE;
  if (scs_provider_add_service (workspace, category, argv[3], &error) == 0)
    return scs_cli_report (error);
  return SCS_CLI_EXIT_OK;
}

int
scs_cli_provider_subcontract (const ScsCliCommand *command,
                              int                  argc,
                              char               **argv)
{
  const GOptionEntry entries[] = {
    { "contracting-out", 0, 0, G_OPTION_ARG_STRING, &opt_contracting_out,
      N_("Service delivery contracted out: no or yes (needs --exception)"), N_("no|yes") },
    { "exception", 0, 0, G_OPTION_ARG_STRING, &opt_exception,
      N_("The exception that allows contracting out"), N_("TEXT") },
    { "redelegation", 0, 0, G_OPTION_ARG_STRING, &opt_redelegation,
      N_("Re-delegation by the contractor: no or yes (prohibited)"), N_("no|yes") },
    { NULL }
  };
  g_autoptr(ScsWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  ScsProviderSubcontract subcontract = { 0 };

  if (!scs_cli_parse_arguments (command, entries, TRUE, &argc, &argv, 2, 2))
    return SCS_CLI_EXIT_USAGE;
  if (!parse_category (argv[2], &subcontract.category) ||
      !parse_yes_no ("contracting-out", opt_contracting_out, &subcontract.contracting_out) ||
      !parse_yes_no ("redelegation", opt_redelegation, &subcontract.redelegation))
    return SCS_CLI_EXIT_USAGE;
  subcontract.exception = opt_exception;
  workspace = open_provider (argv[1]);
  if (workspace == NULL)
    return SCS_CLI_EXIT_USAGE;
  if (!scs_provider_set_subcontract (workspace, &subcontract, &error))
    return scs_cli_report (error);
  return SCS_CLI_EXIT_OK;
}

/* ---- registers -------------------------------------------------------------- */

static int
add_row (const ScsCliCommand *command,
         ScsProviderRegister  which,
         int                  argc,
         char               **argv)
{
  const char * const *names = scs_provider_register_columns (which);
  GOptionEntry entries[6] = { { NULL } };
  g_autoptr(ScsWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 5; i++)
    entries[i] = (GOptionEntry) { names[i], 0, 0, G_OPTION_ARG_STRING, &opt_values[i],
                                  scs_provider_register_column_label (which, i), N_("TEXT") };
  if (!scs_cli_parse_arguments (command, entries, TRUE, &argc, &argv, 1, 1))
    return SCS_CLI_EXIT_USAGE;
  for (guint i = 0; i < 5; i++)
    if (opt_values[i] == NULL)
      return scs_cli_error (_("--%s is required (%s)"), names[i], scs_provider_register_column_label (which, i));
  workspace = open_provider (argv[1]);
  if (workspace == NULL)
    return SCS_CLI_EXIT_USAGE;
  if (scs_provider_add_row (workspace, which, (const char * const[]) {
        opt_values[0], opt_values[1], opt_values[2], opt_values[3], opt_values[4], NULL }, &error) == 0)
    return scs_cli_report (error);
  return SCS_CLI_EXIT_OK;
}

int
scs_cli_provider_tool (const ScsCliCommand *command,
                       int                  argc,
                       char               **argv)
{
  return add_row (command, SCS_PROVIDER_REGISTER_TOOLS, argc, argv);
}

int
scs_cli_provider_store (const ScsCliCommand *command,
                        int                  argc,
                        char               **argv)
{
  return add_row (command, SCS_PROVIDER_REGISTER_STORES, argc, argv);
}

int
scs_cli_provider_import_csv (const ScsCliCommand *command,
                             int                  argc,
                             char               **argv)
{
  const GOptionEntry entries[] = { { NULL } };
  g_autoptr(ScsWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  GStatBuf st;
  ScsProviderRegister which;
  gsize length;
  guint added;

  if (!scs_cli_parse_arguments (command, entries, TRUE, &argc, &argv, 3, 3))
    return SCS_CLI_EXIT_USAGE;
  if (g_str_equal (argv[2], "tools"))
    which = SCS_PROVIDER_REGISTER_TOOLS;
  else if (g_str_equal (argv[2], "stores"))
    which = SCS_PROVIDER_REGISTER_STORES;
  else
    return scs_cli_error (_("provider import-csv: the register must be tools or stores, not ‘%s’"), argv[2]);
  if (g_stat (argv[3], &st) != 0 || !S_ISREG (st.st_mode))
    return scs_cli_error (_("‘%s’ is not a file that can be read"), argv[3]);
  if (st.st_size > SCS_CSV_MAX_BYTES)
    return scs_cli_error (_("‘%s’ is larger than %d MiB"), argv[3], SCS_CSV_MAX_BYTES / (1024 * 1024));
  if (!g_file_get_contents (argv[3], &data, &length, &error))
    return scs_cli_report (error);
  workspace = open_provider (argv[1]);
  if (workspace == NULL)
    return SCS_CLI_EXIT_USAGE;
  added = scs_provider_import_csv (workspace, which, data, length, argv[3], &error);
  if (added == 0)
    return scs_cli_report (error);
  g_print (g_dngettext (GETTEXT_PACKAGE, "Imported %u row.\n", "Imported %u rows.\n", added), added);
  return SCS_CLI_EXIT_OK;
}

/* ---- show and check --------------------------------------------------------- */

static void
provider_service_to_json (JsonBuilder   *builder,
                          gconstpointer  item)
{
  const ScsProviderService *service = item;

  scs_cli_json_add_string (builder, "category", scs_provider_category_to_string (service->category));
  scs_cli_json_add_string (builder, "name", service->name);
}

int
scs_cli_provider_show (const ScsCliCommand *command,
                       int                  argc,
                       char               **argv)
{
  g_autoptr(ScsWorkspace) workspace = NULL;
  g_autoptr(ScsProviderStar4) link = NULL;
  g_autoptr(ScsProviderIsms) isms = NULL;
  g_autoptr(GPtrArray) services = NULL;
  g_autoptr(GPtrArray) subcontracts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *marked = NULL;
  g_autofree char *number = NULL;
  g_autofree char *obtained = NULL;
  g_autofree char *expiry = NULL;

  if (!scs_cli_parse_arguments (command, scs_cli_json_entries, FALSE, &argc, &argv, 1, 1))
    return SCS_CLI_EXIT_USAGE;
  workspace = open_provider (argv[1]);
  if (workspace == NULL)
    return SCS_CLI_EXIT_USAGE;
  link = scs_provider_get_star4 (workspace, &error);
  isms = error == NULL ? scs_provider_get_isms (workspace, &error) : NULL;
  if (error == NULL)
    scs_provider_get_certification (workspace, &number, &obtained, &expiry, &error);
  services = error == NULL ? scs_provider_list_services (workspace, &error) : NULL;
  subcontracts = error == NULL ? scs_provider_list_subcontracts (workspace, &error) : NULL;
  if (error != NULL)
    return scs_cli_report (error);
  marked = isms != NULL ? scs_provider_isms_dup_marked (isms) : NULL;

  if (scs_cli_opt_json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      scs_cli_json_add_boolean (builder, "provisional",
                                scs_provider_catalog_is_provisional (scs_workspace_get_catalog (workspace)));
      scs_cli_json_add_string (builder, "star4_path", link ? link->path : NULL);
      scs_cli_json_add_string (builder, "department", link ? link->department : NULL);
      scs_cli_json_add_string (builder, "star4_expiry", link ? link->expiry : NULL);
      scs_cli_json_add_string (builder, "isms_number", isms ? isms->number : NULL);
      scs_cli_json_add_string (builder, "isms_expires", isms ? isms->expires : NULL);
      scs_cli_json_add_string (builder, "isms_marked", marked);
      scs_cli_json_add_string (builder, "certification_expiry", expiry);
      scs_cli_json_add_objects (builder, "services", services, provider_service_to_json);
      for (guint which = 0; which < 2; which++)
        {
          g_autoptr(GPtrArray) rows = scs_provider_list_rows (workspace, which, &error);
          const char * const *names = scs_provider_register_columns (which);

          if (rows == NULL)
            return scs_cli_report (error);
          json_builder_set_member_name (builder, which == SCS_PROVIDER_REGISTER_TOOLS ? "tools" : "stores");
          json_builder_begin_array (builder);
          for (guint i = 0; i < rows->len; i++)
            {
              ScsProviderRow *row = rows->pdata[i];

              json_builder_begin_object (builder);
              scs_cli_json_add_int (builder, "id", row->id);
              for (guint c = 0; names[c] != NULL; c++)
                scs_cli_json_add_string (builder, names[c], row->values[c]);
              json_builder_end_object (builder);
            }
          json_builder_end_array (builder);
        }
      json_builder_end_object (builder);
      scs_cli_print_json (builder);
      return SCS_CLI_EXIT_OK;
    }

  g_print ("%s\n", scs_catalog_get_title (scs_workspace_get_catalog (workspace)));
  g_print (_("★4 workspace: %s (service department: %s, valid until %s)\n"),
           link ? link->path : "—", link ? link->department : "—",
           link && link->expiry ? link->expiry : "—");
  g_print (_("ISMS: %s, %s, valid until %s; marked: %s\n"), isms ? isms->number : "—",
           isms ? isms->body : "—", isms ? isms->expires : "—", marked ? marked : "—");
  g_print (_("Provider certification: %s, valid until %s\n"), number ? number : "—", expiry ? expiry : "—");
  for (guint i = 0; i < services->len; i++)
    {
      ScsProviderService *service = services->pdata[i];

      g_print ("  %s: %s\n", scs_provider_category_get_label (service->category), service->name);
    }
  for (guint i = 0; i < subcontracts->len; i++)
    {
      ScsProviderSubcontract *subcontract = subcontracts->pdata[i];

      g_print (_("  %s: contracting out %s, re-delegation %s\n"),
               scs_provider_category_get_label (subcontract->category),
               subcontract->contracting_out ? _("yes") : _("no"),
               subcontract->redelegation ? _("yes") : _("no"));
    }
  for (guint which = 0; which < 2; which++)
    {
      g_autoptr(GPtrArray) rows = scs_provider_list_rows (workspace, which, &error);

      if (rows == NULL)
        return scs_cli_report (error);
      g_print ("%s: %u\n", which == SCS_PROVIDER_REGISTER_TOOLS ? _("Tool register") : _("Data-store register"),
               rows->len);
      for (guint i = 0; i < rows->len; i++)
        {
          g_autofree char *line = g_strjoinv (" | ", ((ScsProviderRow *) rows->pdata[i])->values);

          g_print ("  %" G_GINT64_FORMAT " %s\n", ((ScsProviderRow *) rows->pdata[i])->id, line);
        }
    }
  return SCS_CLI_EXIT_OK;
}

static void
provider_finding_to_json (JsonBuilder   *builder,
                          gconstpointer  item)
{
  const ScsProviderFinding *finding = item;

  scs_cli_json_add_string (builder, "code", finding->code);
  scs_cli_json_add_string (builder, "message", finding->message);
}

int
scs_cli_provider_check (const ScsCliCommand *command,
                        int                  argc,
                        char               **argv)
{
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &scs_cli_opt_json, N_("Print JSON for scripts"), NULL },
    { "today", 0, 0, G_OPTION_ARG_STRING, &opt_today, N_("Check as on this date (default: today)"),
      N_("YYYY-MM-DD") },
    { "warn-days", 0, 0, G_OPTION_ARG_INT, &opt_warn_days,
      N_("Warn this many days before a lapse (default: the ★4 warning period)"), N_("DAYS") },
    { NULL }
  };
  g_autoptr(ScsWorkspace) workspace = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) today = NULL;

  if (!scs_cli_parse_arguments (command, entries, FALSE, &argc, &argv, 1, 1))
    return SCS_CLI_EXIT_USAGE;
  if (opt_today != NULL && (today = scs_date_parse_iso (opt_today)) == NULL)
    return scs_cli_error (_("--today must be a date written YYYY-MM-DD, not ‘%s’"), opt_today);
  if (opt_warn_days < 0)
    return scs_cli_error (_("--warn-days must not be negative"));
  workspace = open_provider (argv[1]);
  if (workspace == NULL)
    return SCS_CLI_EXIT_USAGE;
  findings = scs_provider_check (workspace, today, (guint) opt_warn_days, &error);
  if (findings == NULL)
    return scs_cli_report (error);

  if (scs_cli_opt_json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      scs_cli_json_add_boolean (builder, "consistent", findings->len == 0);
      scs_cli_json_add_objects (builder, "findings", findings, provider_finding_to_json);
      json_builder_end_object (builder);
      scs_cli_print_json (builder);
    }
  else if (findings->len == 0)
    g_print (_("The dossier is consistent (provisional criteria).\n"));
  else
    for (guint i = 0; i < findings->len; i++)
      g_print ("%s [%s]\n", ((ScsProviderFinding *) findings->pdata[i])->message,
               ((ScsProviderFinding *) findings->pdata[i])->code);
  return findings->len == 0 ? SCS_CLI_EXIT_OK : SCS_CLI_EXIT_CHECK_FAILED;
}
