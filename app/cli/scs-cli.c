/* scs-cli.c: the command-line twin of SCS Workbench — dispatch and shared helpers
 *
 * scs-cli does headlessly what the GTK app does, for vendors' scripts and for
 * the tests: `scs-cli SUBCOMMAND [OPTIONS] ARGUMENTS`. This file holds main(),
 * the table of subcommands, the global options (--actor), and what every
 * subcommand shares: option parsing with one GOptionContext per subcommand
 * (so `--help` works everywhere), error reporting as "scs-cli: <message>" on
 * stderr, JSON output, and a table printer that aligns Japanese text by its
 * display width rather than its byte or character count. Exit codes follow
 * DESIGN.md: 0 ok, 1 a check failed, 2 bad input or usage. Human output is
 * translated; --json output has stable English keys for scripts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "scs-cli-private.h"
#include "scs-i18n.h"
#include "scs-profile.h"
#include "scs-text.h"

static char *global_actor = NULL;
static char *command_actor = NULL;

static const ScsCliCommand commands[] = {
  { "catalog info", N_("[CATALOG]"), N_("Show a catalog (default: the built-in one): ID, date, hash and counts"), scs_cli_catalog_info },
  { "catalog list", "", N_("List the criteria of the built-in catalog"), scs_cli_catalog_list },
  { "catalog show", N_("[CATALOG] ID"), N_("Show one requirement or criterion of the catalog"), scs_cli_catalog_show },
  { "catalog validate", N_("XML_FILE"), N_("Check a catalog XML file against the schema"), scs_cli_catalog_validate },
  { "catalog import-xlsx", N_("WORKBOOK --out CATALOG.xml [--date YYYY-MM-DD]"), N_("Import the official IPA workbook (.xlsx) as a catalog"), scs_cli_catalog_import_xlsx },
  { "catalog diff", N_("OLD NEW"), N_("Compare two catalog versions: added, removed, re-worded, level changed"), scs_cli_catalog_diff },
  { "migrate", N_("FILE --catalog CATALOG [--dry-run | --yes]"), N_("Move a workspace’s answers to another catalog version"), scs_cli_migrate },
  { "new", N_("FILE"), N_("Create a workspace for an organisation"), scs_cli_new },
  { "info", N_("FILE"), N_("Show a workspace’s organisation, catalog and progress"), scs_cli_info },
  { "org show", N_("FILE [--json]"), N_("Show the organisation’s name, corporate number, address and contact"), scs_cli_org_show },
  { "org set", N_("FILE [--name N] [--address A] [--contact C] [--corporate-number N] …"), N_("Change the organisation’s details (recorded in the audit log; not after signing)"), scs_cli_org_set },
  { "answer", N_("FILE CRITERION_ID met|not-met|na|unanswered"), N_("Answer one criterion"), scs_cli_answer },
  { "status", N_("FILE"), N_("Show answer counts per category and level, and readiness"), scs_cli_status },
  { "evidence add", N_("FILE CRITERION_OR_ITEM PATH…"), N_("Attach evidence files to a criterion or an item"), scs_cli_evidence_add },
  { "evidence list", N_("FILE"), N_("List the evidence files in a workspace"), scs_cli_evidence_list },
  { "evidence extract", N_("FILE SHA256 OUT"), N_("Write an evidence file out (OUT “-” is standard output)"), scs_cli_evidence_extract },
  { "audit", N_("FILE"), N_("Show the append-only log of changes"), scs_cli_audit },
  { "portfolio diagnose", N_("FILE… --out-dir DIR"), N_("Diagnose several clients: each one’s report and gap list, a summary of failures"), scs_cli_portfolio_bulk },
  { "portfolio renew", N_("FILE…"), N_("Start the renewal of several clients, each on its own, with a summary of failures"), scs_cli_portfolio_bulk },
  { "portfolio reconfirm", N_("FILE…"), N_("Re-confirm every carried answer of several clients, each on its own"), scs_cli_portfolio_bulk },
  { "portfolio reminders", N_("DIR [--within DAYS]"), N_("Stars that expire and yearly self-assessments due within DAYS (default 60)"), scs_cli_portfolio_reminders },
  { "portfolio stats", N_("DIR [--by all|size|sector] [--csv F] [--pdf F]"), N_("What the clients most often do not meet, by category, size or sector, and the change since the last cycle"), scs_cli_portfolio_stats },
  { "portfolio", N_("DIR"), N_("List client workspaces: readiness, gaps, review, expiry"), scs_cli_portfolio },
  { "diagnose set", N_("FILE CRITERION_ID"), N_("Set the vendor’s plan for a gap (support, effort, priority, owner, due)"), scs_cli_diagnose_set },
  { "diagnose", N_("FILE"), N_("Diagnose a client: gaps, tier, report PDF and gap CSV"), scs_cli_diagnose },
  { "renew confirm", N_("FILE CRITERION_ID…"), N_("Re-confirm answers carried into the renewal"), scs_cli_renew_confirm },
  { "renew", N_("FILE"), N_("Start a renewal cycle from the current one"), scs_cli_renew },
  { "certify", N_("FILE --level 3|4 --date YYYY-MM-DD"), N_("Record the star granted (registry entry) for expiry"), scs_cli_certify },
  { "finding", N_("FILE --found YYYY-MM-DD [--corrected YYYY-MM-DD]"), N_("Record a nonconformity found in the evaluation, and when its correction report was sent"), scs_cli_finding },
  { "life-cycle", N_("FILE [--today YYYY-MM-DD]"), N_("The star’s dates: validity, yearly self-assessment, renewal, correction report, status"), scs_cli_life_cycle },
  { "significant-change", N_("FILE KIND"), N_("Record a significant change that needs a new expert check"), scs_cli_significant_change },
  { "compare", N_("FILE --cycle A --cycle B"), N_("Compare two cycles: what changed, what was re-confirmed"), scs_cli_compare },
  { "wizard", N_("--answers yes|no,yes|no,yes|no"), N_("Which level to ask of a supplier, with the reasoning"), scs_cli_wizard },
  { "suppliers list", "", N_("List suppliers with recommended and obtained levels"), scs_cli_suppliers_list },
  { "suppliers import", N_("FILE.csv"), N_("Import suppliers from CSV (all or nothing)"), scs_cli_suppliers_import },
  { "suppliers export", N_("FILE.csv|-"), N_("Export the suppliers as CSV"), scs_cli_suppliers_export },
  { "suppliers set", N_("NAME [--registry-id ID] [--expiry DATE] [--obtained 0|3|4]"), N_("Record a supplier’s registry entry and obtained level"), scs_cli_suppliers_set },
  { "suppliers check", N_("NAME --date DATE --method M --evidence TEXT"), N_("Record the yearly check of a supplier’s measures"), scs_cli_suppliers_check },
  { "suppliers negotiation", N_("NAME --date DATE --outcome TEXT [--documents TEXT]"), N_("Record the negotiation of security costs with a supplier"), scs_cli_suppliers_negotiation },
  { "export", N_("FILE --out PACKAGE [--draft] [--lang ja|en]"), N_("Write the submission package (.scsp)"), scs_cli_export },
  { "report", N_("FILE --out REPORT.pdf [--draft] [--lang ja|en]"), N_("Write the assessment report as PDF"), scs_cli_report_pdf },
  { "verify", N_("PACKAGE [--ca CA.pem] [--json]"), N_("Check a submission package: files, signatures, completeness"), scs_cli_verify },
  { "submissions", N_("FILE [--json]"), N_("List the submission packages exported: when, by whom, SHA-256"), scs_cli_submissions },
  { "profile show", "", N_("Show who you are: name, role, qualification, signing key"), scs_cli_profile_show },
  { "profile set", N_("[--name N] [--role R] [--qualification Q] [--registration N] …"), N_("Set your profile; every change is recorded under its name"), scs_cli_profile_set },
  { "review comment", N_("FILE CRITERION_ID|- TEXT"), N_("Comment on a criterion (“-”: on the whole assessment)"), scs_cli_review_comment },
  { "review verdict", N_("FILE CRITERION_ID|all accepted|revision-required"), N_("Give the expert’s verdict on a criterion"), scs_cli_review_verdict },
  { "review propose", N_("FILE CRITERION_ID state|note|reason VALUE"), N_("Propose a correction for the organisation to accept or reject"), scs_cli_review_propose },
  { "review accept", N_("FILE PROPOSAL_ID"), N_("Accept a proposed correction (applies it)"), scs_cli_review_accept },
  { "review reject", N_("FILE PROPOSAL_ID"), N_("Reject a proposed correction"), scs_cli_review_reject },
  { "review hand-over", N_("FILE"), N_("End your turn: the other side sees what changed since"), scs_cli_review_hand_over },
  { "review new-round", N_("FILE"), N_("Unseal a signed assessment: start a new review round"), scs_cli_review_new_round },
  { "review status", N_("FILE"), N_("Show the review: changes since your hand-over and what waits for you"), scs_cli_review_status },
  { "attestation", N_("FILE"), N_("Print the canonical XML the expert signs"), scs_cli_attestation },
  { "sign", N_("FILE --p12 FILE [--password-file F] | --pkcs11 URI [--pin-file F]"), N_("Sign the reviewed assessment as the expert and seal it"), scs_cli_sign },
  { "declare", N_("FILE --name N --title T [--p12 … | --pkcs11 …]"), N_("Record management’s declaration of conformity"), scs_cli_declare },
  { "verify-signature", N_("FILE [--ca CA.pem] [--json]"), N_("Check the signatures against the workspace; list what changed"), scs_cli_verify_signature },
  { "signature export", N_("FILE DIR"), N_("Write the signed XML and CMS files into a folder"), scs_cli_signature_export },
  { "scope unit", N_("FILE company|group-domestic|group-overseas|division"), N_("Set the scope unit, its description and the entities or sites it covers"), scs_cli_scope_unit },
  { "scope add", N_("FILE KIND --name NAME [--FIELD VALUE…]"), N_("Add a scope item: network, server, endpoint, boundary, internet, cloud or connection"), scs_cli_scope_add },
  { "scope set", N_("FILE ID --FIELD VALUE…"), N_("Change fields of a scope item"), scs_cli_scope_set },
  { "scope exclude", N_("FILE ID --reason TEXT [--separation TEXT] [--connected]"), N_("Declare a scope item excluded (OT, delivered products …)"), scs_cli_scope_exclude },
  { "scope except", N_("FILE ID --reason TEXT [--separation TEXT] [--connected]"), N_("Declare a scope item an exception (IT that cannot meet the requirements)"), scs_cli_scope_except },
  { "scope include", N_("FILE ID"), N_("Bring a scope item back into scope"), scs_cli_scope_include },
  { "scope review", N_("FILE ID accepted|questioned|none [--comment TEXT]"), N_("Mark the reason an item is out of scope as accepted or questioned"), scs_cli_scope_review },
  { "scope remove", N_("FILE ID"), N_("Remove a scope item"), scs_cli_scope_remove },
  { "scope list", N_("FILE"), N_("List the scope inventory"), scs_cli_scope_list },
  { "scope show", N_("FILE"), N_("Show the scope unit, counts and what is out of scope"), scs_cli_scope_show },
  { "scope check", N_("FILE"), N_("Check the scope against the scheme’s rules (exit 1 when an error remains)"), scs_cli_scope_check },
  { "scope export", N_("FILE OUT.xml|OUT.pdf|OUT.svg|OUT.png"), N_("Write scope.xml or the scope diagram"), scs_cli_scope_export },
  { "jc product", N_("FILE --name N --model M… [--route standard|psti|cls] …"), N_("Record the JC-STAR ★1 product: model numbers, versions, label"), scs_cli_jc_product },
  { "jc answer", N_("FILE S1.1-NN ITEM conforms|does-not|na|unanswered [--reason TEXT]"), N_("Answer a JC-STAR ★1 evaluation item"), scs_cli_jc_answer },
  { "jc event", N_("FILE model|firmware DETAIL [--date D]"), N_("Record a new model number or a firmware update: reopens items, drafts a change notice"), scs_cli_jc_event },
  { "jc notice", N_("FILE EVENT [--text-from FILE] [--out FILE]"), N_("Edit or export the change notice of an event"), scs_cli_jc_notice },
  { "jc checklist", N_("FILE --out CHECKLIST.pdf [--lang ja|en]"), N_("Write the JC-STAR ★1 checklist as PDF, in Japanese or English"), scs_cli_jc_checklist },
  { "jc import", N_("FILE CHECKLIST.xlsx|.csv [--map COLUMN=FIELD…]"), N_("Import your own copy of IPA’s JC-STAR ★1 checklist: official wording and answers"), scs_cli_jc_import },
  { "jc export", N_("FILE OUT.scsp --p12 KEY.p12|--pkcs11 URI [--lang ja|en]"), N_("Write the signed JC-STAR ★1 self-declaration: declaration and checklist in a signed package"), scs_cli_jc_export },
  { "jc check", N_("FILE [--json]"), N_("Show the ★1 requirements’ status and what PSTI and CLS Level 1 cover"), scs_cli_jc_check },
  { "sa pledge", N_("FILE [--date D] [--items 1,2,…|none]"), N_("Record the SECURITY ACTION ★1 pledge to work on the five basic items"), scs_cli_sa_pledge },
  { "sa answer", N_("FILE NUMBER done|partly|not-done|dont-know|na|unanswered"), N_("Answer a SECURITY ACTION self-check question"), scs_cli_sa_answer },
  { "sa check", N_("FILE [--json]"), N_("Show the SECURITY ACTION self-check: score, band, answers to follow up"), scs_cli_sa_check },
  { "sa declare", N_("FILE --level 1|2 [--id ID] [--date D] [--policy-url URL]"), N_("Record the SECURITY ACTION self-declaration"), scs_cli_sa_declare },
  { "sa policy", N_("FILE [--representative R] [--adopted D] [--out POLICY.pdf] [--lang ja|en]"), N_("Write the information-security basic policy, and its PDF for publication"), scs_cli_sa_policy },
  { "sa to-star3", N_("FILE NEW.scsw"), N_("Start the SCS ★3 assessment for the same organisation"), scs_cli_sa_to_star3 },
  { "provider link", N_("FILE STAR4.scsw --department NAME"), N_("Link the provider’s ★4 workspace and name the service department"), scs_cli_provider_link },
  { "provider isms", N_("FILE --number N --body B --scope TEXT --expires D [--mark TEXT]"), N_("Record the ISMS certificate and mark the part of its scope that covers the service department"), scs_cli_provider_isms },
  { "provider certify", N_("FILE --number N --obtained D"), N_("Record the provider certification (valid three years)"), scs_cli_provider_certify },
  { "provider service", N_("FILE CATEGORY NAME"), N_("Add a service to a category (audit, vulnerability, forensics, monitoring, device)"), scs_cli_provider_service },
  { "provider subcontract", N_("FILE CATEGORY --contracting-out no|yes [--exception TEXT] --redelegation no|yes"), N_("Declare the subcontracting of a service category"), scs_cli_provider_subcontract },
  { "provider tool", N_("FILE --name N --maker M --storage S --logs yes|no --external yes|no"), N_("Add a tool to the tool register"), scs_cli_provider_tool },
  { "provider store", N_("FILE --service S --data D --location L --classification C --handlers H"), N_("Add a row to the data-store register"), scs_cli_provider_store },
  { "provider import-csv", N_("FILE tools|stores CSV"), N_("Import register rows from a CSV file (UTF-8 or Shift_JIS), all or nothing"), scs_cli_provider_import_csv },
  { "provider show", N_("FILE [--json]"), N_("Show the dossier: ★4 link, ISMS, services, registers"), scs_cli_provider_show },
  { "provider check", N_("FILE [--json] [--today D] [--warn-days N]"), N_("Check the dossier (exit 1 naming each inconsistency)"), scs_cli_provider_check },
  { "scope import-csv", N_("FILE KIND CSV [--map COLUMN=FIELD…] [--encoding auto|utf-8|cp932] [--dry-run]"), N_("Import scope items of one kind from a CSV file (UTF-8 or Shift_JIS), all or nothing"), scs_cli_scope_import_csv },
};

int
scs_cli_error (const char *format,
               ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("scs-cli: %s\n", message);

  return SCS_CLI_EXIT_USAGE;
}

/* Every run-time error the core reports is bad input from the CLI's point of
 * view (a wrong file, an invalid value, an unreadable path): exit 2. */
int
scs_cli_report (const GError *error)
{
  g_return_val_if_fail (error != NULL, SCS_CLI_EXIT_USAGE);

  return scs_cli_error ("%s", error->message);
}

gboolean
scs_cli_parse_arguments (const ScsCliCommand  *command,
                         const GOptionEntry   *entries,
                         gboolean              writes,
                         int                  *argc,
                         char               ***argv,
                         int                   n_min,
                         int                   n_max)
{
  const GOptionEntry actor_entries[] = {
    { "actor", 0, 0, G_OPTION_ARG_STRING, &command_actor,
      N_("Name recorded in the audit log for this change (default: $SCS_ACTOR or your name)"), N_("NAME") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *prgname = g_strdup_printf ("scs-cli %s", command->name);
  int n_args;

  /* GOptionContext prints the program name in --help's usage line. */
  g_set_prgname (prgname);

  context = g_option_context_new (command->parameters[0] ? _(command->parameters) : NULL);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _(command->summary));
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (writes)
    g_option_context_add_main_entries (context, actor_entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      scs_cli_error (_("%s: %s (see ‘scs-cli %s --help’)"),
                     command->name, error->message, command->name);
      return FALSE;
    }

  n_args = *argc - 1;
  if (n_args < n_min)
    {
      scs_cli_error (_("%s: missing arguments; usage: scs-cli %s %s"),
                     command->name, command->name, _(command->parameters));
      return FALSE;
    }
  if (n_max >= 0 && n_args > n_max)
    {
      scs_cli_error (_("%s: unexpected argument ‘%s’; usage: scs-cli %s %s"),
                     command->name, (*argv)[n_max + 1], command->name,
                     _(command->parameters));
      return FALSE;
    }

  return TRUE;
}

ScsWorkspace *
scs_cli_open_workspace (const char *path)
{
  g_autoptr(ScsWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  const char *actor;

  /* The actor first: refused, it must not even be opened (a newline in it
   * would forge audit lines). */
  actor = command_actor != NULL ? command_actor : global_actor;
  if (actor == NULL || *actor == '\0')
    actor = g_getenv ("SCS_ACTOR");
  if (actor != NULL && *actor != '\0' && !scs_workspace_check_actor (actor, &error))
    {
      scs_cli_report (error);
      return NULL;
    }

  workspace = scs_workspace_open (path, &error);
  if (workspace == NULL)
    {
      /* The message must name the file; add it if the core did not. */
      if (strstr (error->message, path) == NULL)
        scs_cli_error ("%s: %s", path, error->message);
      else
        scs_cli_report (error);
      return NULL;
    }

  /* The subcommand's --actor wins over the global one, which wins over
   * $SCS_ACTOR; without any the core records the user's name. */
  if (actor != NULL && *actor != '\0')
    scs_workspace_set_actor (workspace, actor);
  else
    {
      /* Otherwise the local profile's name ("who am I", scs-profile.h). */
      g_autoptr(ScsProfile) profile = scs_profile_load_default (NULL);

      if (profile != NULL && scs_profile_get_name (profile) != NULL)
        scs_workspace_set_actor (workspace, scs_profile_get_name (profile));
    }

  return g_steal_pointer (&workspace);
}

ScsWorkspace *
scs_cli_parse_and_open (const ScsCliCommand *command,
                        const GOptionEntry  *entries,
                        gboolean             writes,
                        int                 *argc,
                        char              ***argv)
{
  if (!scs_cli_parse_arguments (command, entries, writes, argc, argv, 1, 1))
    return NULL;
  return scs_cli_open_workspace ((*argv)[1]);
}

gboolean scs_cli_opt_json = FALSE;

const GOptionEntry scs_cli_json_entries[] = {
  { "json", 0, 0, G_OPTION_ARG_NONE, &scs_cli_opt_json, N_("Print JSON for scripts"), NULL },
  { NULL }
};

void
scs_cli_json_add_string (JsonBuilder *builder,
                         const char  *name,
                         const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

void
scs_cli_json_add_int (JsonBuilder *builder,
                      const char  *name,
                      gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

void
scs_cli_json_add_boolean (JsonBuilder *builder,
                          const char  *name,
                          gboolean     value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_boolean_value (builder, value);
}

void
scs_cli_print_json (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);

  /* JSON is UTF-8 whatever the locale: write the bytes as they are. */
  fputs (text, stdout);
  fputc ('\n', stdout);
  fflush (stdout);
}

void
scs_cli_json_add_objects (JsonBuilder        *builder,
                          const char         *name,
                          GPtrArray          *items,
                          ScsCliJsonFillFunc  fill)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; i < items->len; i++)
    {
      json_builder_begin_object (builder);
      fill (builder, g_ptr_array_index (items, i));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

char *
scs_cli_level_label (guint level)
{
  /* Translators: a level of the scheme, ★3 or ★4 */
  return g_strdup_printf (_("★%u"), level);
}

void
scs_cli_json_add_progress (JsonBuilder       *builder,
                           const ScsProgress *progress)
{
  scs_cli_json_add_int (builder, "total", progress->total);
  scs_cli_json_add_int (builder, "unanswered", progress->counts[SCS_ANSWER_UNANSWERED]);
  scs_cli_json_add_int (builder, "met", progress->counts[SCS_ANSWER_MET]);
  scs_cli_json_add_int (builder, "not_met", progress->counts[SCS_ANSWER_NOT_MET]);
  scs_cli_json_add_int (builder, "na", progress->counts[SCS_ANSWER_NOT_APPLICABLE]);
  scs_cli_json_add_int (builder, "satisfied", progress->satisfied);
}

gboolean
scs_cli_parse_id (const char *text,
                  gint64     *id)
{
  guint64 value;

  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &value, NULL))
    return FALSE;
  *id = (gint64) value;
  return TRUE;
}

gboolean
scs_cli_check_criterion (ScsCatalog *catalog,
                         const char *id)
{
  if (scs_catalog_lookup_criterion (catalog, id) != NULL)
    return TRUE;

  /* Well-formed but unknown ("9-9-9-9") reads differently from a typo. */
  if (scs_criterion_id_is_valid (id) ||
      g_regex_match_simple ("^[0-9]+-[0-9]+-[0-9]+-[0-9]+$", id, 0, 0))
    scs_cli_error (_("Criterion ‘%s’ is not in the catalog ‘%s’"),
                   id, scs_catalog_get_id (catalog));
  else
    scs_cli_error (_("‘%s’ is not a criterion ID (expected the form X-Y-Z-W, such as 1-2-1-1)"), id);

  return FALSE;
}

/* Columns a terminal uses for @text: East Asian wide characters take two,
 * combining marks none. */
guint
scs_cli_display_width (const char *text)
{
  guint width = 0;

  if (text == NULL)
    return 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iszerowidth (c))
        continue;
      width += g_unichar_iswide (c) ? 2 : 1;
    }

  return width;
}

struct _ScsCliTable
{
  guint      n_columns;
  gboolean  *right;
  GPtrArray *rows;   /* of char** (n_columns strings), NULL for a rule */
};

static void
free_row (gpointer row)
{
  g_strfreev (row);
}

ScsCliTable *
scs_cli_table_new (guint n_columns)
{
  ScsCliTable *table = g_new0 (ScsCliTable, 1);

  g_return_val_if_fail (n_columns > 0, NULL);

  table->n_columns = n_columns;
  table->right = g_new0 (gboolean, n_columns);
  table->rows = g_ptr_array_new_with_free_func (free_row);

  return table;
}

void
scs_cli_table_free (ScsCliTable *table)
{
  if (table == NULL)
    return;

  g_ptr_array_unref (table->rows);
  g_free (table->right);
  g_free (table);
}

void
scs_cli_table_set_right (ScsCliTable *table,
                         guint        column)
{
  g_return_if_fail (column < table->n_columns);

  table->right[column] = TRUE;
}

void
scs_cli_table_add_row (ScsCliTable *table,
                       ...)
{
  char **row = g_new0 (char *, table->n_columns + 1);
  va_list args;

  va_start (args, table);
  for (guint i = 0; i < table->n_columns; i++)
    {
      const char *cell = va_arg (args, const char *);

      row[i] = g_strdup (cell != NULL ? cell : "");
    }
  va_end (args);

  g_ptr_array_add (table->rows, row);
}

void
scs_cli_table_add_rule (ScsCliTable *table)
{
  g_ptr_array_add (table->rows, NULL);
}

static void
append_spaces (GString *line,
               guint    n)
{
  for (guint i = 0; i < n; i++)
    g_string_append_c (line, ' ');
}

void
scs_cli_table_print (ScsCliTable *table)
{
  g_autofree guint *widths = g_new0 (guint, table->n_columns);
  guint total = 0;

  for (guint r = 0; r < table->rows->len; r++)
    {
      char **row = g_ptr_array_index (table->rows, r);

      if (row == NULL)
        continue;
      for (guint c = 0; c < table->n_columns; c++)
        widths[c] = MAX (widths[c], scs_cli_display_width (row[c]));
    }
  for (guint c = 0; c < table->n_columns; c++)
    total += widths[c] + (c > 0 ? 2 : 0);

  for (guint r = 0; r < table->rows->len; r++)
    {
      char **row = g_ptr_array_index (table->rows, r);
      g_autoptr(GString) line = g_string_new (NULL);

      if (row == NULL)
        {
          for (guint i = 0; i < total; i++)
            g_string_append_c (line, '-');
        }
      else
        {
          for (guint c = 0; c < table->n_columns; c++)
            {
              guint pad = widths[c] - scs_cli_display_width (row[c]);
              gboolean last = c + 1 == table->n_columns;

              if (c > 0)
                g_string_append (line, "  ");
              if (table->right[c])
                append_spaces (line, pad);
              g_string_append (line, row[c]);
              if (!table->right[c] && !last)
                append_spaces (line, pad);
            }
        }

      g_print ("%s\n", line->str);
    }
}

static const ScsCliCommand *
find_command (int    argc,
              char **argv,
              int   *n_words)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      const char *name = commands[i].name;
      const char *space = strchr (name, ' ');

      if (space == NULL)
        {
          if (g_str_equal (name, argv[0]))
            {
              *n_words = 1;
              return &commands[i];
            }
        }
      else if (argc >= 2 &&
               strncmp (name, argv[0], space - name) == 0 &&
               argv[0][space - name] == '\0' &&
               g_str_equal (space + 1, argv[1]))
        {
          *n_words = 2;
          return &commands[i];
        }
    }

  return NULL;
}

static gboolean
is_command_group (const char *word)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      const char *space = strchr (commands[i].name, ' ');

      if (space != NULL &&
          strncmp (commands[i].name, word, space - commands[i].name) == 0 &&
          word[space - commands[i].name] == '\0')
        return TRUE;
    }

  return FALSE;
}

static char *
describe_commands (const char *group)
{
  g_autoptr(GString) text = g_string_new (_("Commands:"));
  guint width = 0;

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    width = MAX (width, scs_cli_display_width (commands[i].name));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (group != NULL && !g_str_has_prefix (commands[i].name, group))
        continue;

      g_string_append (text, "\n  ");
      g_string_append (text, commands[i].name);
      append_spaces (text, width - scs_cli_display_width (commands[i].name) + 3);
      g_string_append (text, _(commands[i].summary));
    }

  g_string_append (text, "\n\n");
  g_string_append (text, _("Run ‘scs-cli COMMAND --help’ or ‘scs-cli help COMMAND’ for a command’s options.\n"
                           "Most commands take --json for output with stable keys, for scripts.\n"
                           "Exit status: 0 success, 1 a check failed, 2 bad input or usage."));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static int
run_command (const ScsCliCommand *command,
             int                  argc,
             char               **argv)
{
  return command->run (command, argc, argv);
}

static int
help_command (GOptionContext  *context,
              int              argc,
              char           **argv)
{
  const ScsCliCommand *command;
  char *help_argv[3];
  int n_words = 0;

  if (argc == 0)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      g_print ("%s", help);
      return SCS_CLI_EXIT_OK;
    }

  command = find_command (argc, argv, &n_words);
  if (command == NULL)
    {
      if (argc == 1 && is_command_group (argv[0]))
        {
          g_autofree char *list = describe_commands (argv[0]);

          g_print ("%s\n", list);
          return SCS_CLI_EXIT_OK;
        }
      return scs_cli_error (_("help: unknown command ‘%s’ (see ‘scs-cli --help’)"), argv[0]);
    }

  /* GOptionContext prints the command's help and exits 0. */
  help_argv[0] = (char *) command->name;
  help_argv[1] = (char *) "--help";
  help_argv[2] = NULL;

  return run_command (command, 2, help_argv);
}

static gboolean
print_version (const char  *option_name,
               const char  *value,
               gpointer     data,
               GError     **error)
{
  g_print ("scs-cli %s\n", PACKAGE_VERSION);
  exit (SCS_CLI_EXIT_OK);
}

/* Everything human-readable goes through g_print () and g_printerr (), and
 * much of it comes from a workspace or a package: escape control and
 * text-direction characters so such text cannot drive the terminal or
 * reverse a line. JSON is written directly (scs_cli_print_json), escaped
 * by JSON itself; data (XML, CSV, evidence) with fwrite. */
static void
write_escaped (FILE       *stream,
               const char *text)
{
  g_autofree char *escaped = scs_text_escape_terminal (text);
  const char *charset = NULL;

  if (g_get_console_charset (&charset))
    fputs (escaped, stream);
  else
    {
      g_autofree char *converted = g_convert_with_fallback (escaped, -1, charset, "UTF-8", "?",
                                                            NULL, NULL, NULL);

      fputs (converted != NULL ? converted : escaped, stream);
    }
  fflush (stream);
}

static void
print_escaped (const char *text)
{
  write_escaped (stdout, text);
}

static void
printerr_escaped (const char *text)
{
  write_escaped (stderr, text);
}

int
main (int    argc,
      char **argv)
{
  const GOptionEntry global_entries[] = {
    { "actor", 0, 0, G_OPTION_ARG_STRING, &global_actor,
      N_("Name recorded in the audit log for changes (default: $SCS_ACTOR or your name)"), N_("NAME") },
    { "version", 0, G_OPTION_FLAG_NO_ARG, G_OPTION_ARG_CALLBACK, print_version,
      N_("Show the version and exit"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  const ScsCliCommand *command;
  int n_words = 0;

  scs_i18n_init (g_getenv ("SCS_LANGUAGE"));
  g_set_prgname ("scs-cli");
  g_set_print_handler (print_escaped);
  g_set_printerr_handler (printerr_escaped);

  context = g_option_context_new (_("COMMAND [ARGUMENTS…]"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Work with SCS Workbench workspaces (.scsw) without the graphical application."));
  description = describe_commands (NULL);
  g_option_context_set_description (context, description);
  g_option_context_add_main_entries (context, global_entries, GETTEXT_PACKAGE);
  /* Stop at the subcommand: everything after it is the subcommand's. */
  g_option_context_set_strict_posix (context, TRUE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return scs_cli_error (_("%s (see ‘scs-cli --help’)"), error->message);

  if (argc < 2)
    return scs_cli_error (_("no command given (see ‘scs-cli --help’)"));

  if (g_str_equal (argv[1], "help"))
    return help_command (context, argc - 2, argv + 2);

  command = find_command (argc - 1, argv + 1, &n_words);
  if (command == NULL)
    {
      if (is_command_group (argv[1]))
        {
          if (argc > 2)
            return scs_cli_error (_("unknown command ‘%s %s’ (see ‘scs-cli help %s’)"),
                                  argv[1], argv[2], argv[1]);
          return scs_cli_error (_("‘%s’ needs a subcommand (see ‘scs-cli help %s’)"),
                                argv[1], argv[1]);
        }
      return scs_cli_error (_("unknown command ‘%s’ (see ‘scs-cli --help’)"), argv[1]);
    }

  /* The subcommand sees its last word as argv[0], like a program name. */
  return run_command (command, argc - n_words, argv + n_words);
}
