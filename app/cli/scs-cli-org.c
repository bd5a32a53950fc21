/* scs-cli-org.c: `scs-cli new`, `scs-cli org show` and `scs-cli org set`
 *
 * The organisation's details (name, trade name, corporate number, address,
 * contact), given when the workspace is made with `new` (which checks what
 * it can name the option of first: a missing --name, a 法人番号 with a bad
 * check digit), shown and changed here with the same options. Only the options given change; an empty string clears an optional
 * field. The core validates (the corporate number's check digit), writes one
 * audit row per changed field with the old and the new value, and refuses
 * after the expert has signed (a new review round first): exit 2 and the
 * file untouched. `info` shows the same rows as `org show`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "scs-cli-private.h"
#include "scs-corporate-number.h"
#include "scs-text.h"


/* The organisation's options, the same for `new` and `org set`. */
static char *opt_name = NULL;
static char *opt_trade_name = NULL;
static char *opt_corporate_number = NULL;
static gboolean opt_sole_proprietor = FALSE;
static char *opt_address = NULL;
static char *opt_contact_name = NULL;
static char *opt_contact_email = NULL;
static char *opt_contact_phone = NULL;
/* `new` only */
static int opt_level = 3;
static char *opt_type = NULL;

#define TRADE_NAME_ENTRY \
  { "trade-name", 0, 0, G_OPTION_ARG_STRING, &opt_trade_name, N_("Trade name, if it differs"), N_("NAME") }
#define SOLE_PROPRIETOR_ENTRY \
  { "sole-proprietor", 0, 0, G_OPTION_ARG_NONE, &opt_sole_proprietor, \
    N_("The organisation is a sole proprietor (no corporate number)"), NULL }
#define ADDRESS_ENTRY { "address", 0, 0, G_OPTION_ARG_STRING, &opt_address, N_("Address"), N_("ADDRESS") }
#define CONTACT_ENTRIES \
  { "contact-email", 0, 0, G_OPTION_ARG_STRING, &opt_contact_email, N_("Contact e-mail address"), N_("EMAIL") }, \
  { "contact-phone", 0, 0, G_OPTION_ARG_STRING, &opt_contact_phone, N_("Contact telephone number"), N_("PHONE") }

static const GOptionEntry new_entries[] = {
  { "name", 0, 0, G_OPTION_ARG_STRING, &opt_name, N_("Legal name of the organisation (required)"), N_("NAME") },
  TRADE_NAME_ENTRY,
  { "corporate-number", 0, 0, G_OPTION_ARG_STRING, &opt_corporate_number,
    N_("13-digit corporate number (法人番号), required unless --sole-proprietor"), N_("NUMBER") },
  SOLE_PROPRIETOR_ENTRY,
  { "type", 0, 0, G_OPTION_ARG_STRING, &opt_type,
    N_("What the workspace is for: scs (default), jcstar1, security-action or provider"), N_("TYPE") },
  { "level", 0, 0, G_OPTION_ARG_INT, &opt_level, N_("Target level, 3 or 4 (default 3)"), N_("LEVEL") },
  ADDRESS_ENTRY,
  { "contact-name", 0, 0, G_OPTION_ARG_STRING, &opt_contact_name, N_("Contact person"), N_("NAME") },
  CONTACT_ENTRIES,
  { NULL }
};

static const GOptionEntry set_entries[] = {
  { "name", 0, 0, G_OPTION_ARG_STRING, &opt_name, N_("Legal name of the organisation"), N_("NAME") },
  TRADE_NAME_ENTRY,
  { "corporate-number", 0, 0, G_OPTION_ARG_STRING, &opt_corporate_number,
    N_("13-digit corporate number (法人番号); its check digit is verified"), N_("NUMBER") },
  SOLE_PROPRIETOR_ENTRY,
  ADDRESS_ENTRY,
  { "contact", 0, 0, G_OPTION_ARG_STRING, &opt_contact_name, N_("Contact person"), N_("NAME") },
  /* the name `new` uses for the same option */
  { "contact-name", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, &opt_contact_name, N_("Contact person"),
    N_("NAME") },
  CONTACT_ENTRIES,
  { NULL }
};

void
scs_cli_org_add_json (JsonBuilder           *builder,
                      const ScsOrganization *org)
{
  json_builder_begin_object (builder);
  scs_cli_json_add_string (builder, "name", org->name);
  scs_cli_json_add_string (builder, "trade_name", org->trade_name);
  scs_cli_json_add_boolean (builder, "sole_proprietor", org->sole_proprietor);
  scs_cli_json_add_string (builder, "corporate_number", org->corporate_number);
  scs_cli_json_add_string (builder, "address", org->address);
  scs_cli_json_add_string (builder, "contact_name", org->contact_name);
  scs_cli_json_add_string (builder, "contact_email", org->contact_email);
  scs_cli_json_add_string (builder, "contact_phone", org->contact_phone);
  json_builder_end_object (builder);
}

void
scs_cli_org_add_rows (ScsCliTable           *table,
                      const ScsOrganization *org)
{
  scs_cli_table_add_row (table, _("Organisation:"), org->name);
  if (!scs_text_is_blank (org->trade_name))
    scs_cli_table_add_row (table, _("Trade name:"), org->trade_name);
  if (org->sole_proprietor)
    scs_cli_table_add_row (table, _("Corporate number:"), _("none (sole proprietor)"));
  else
    scs_cli_table_add_row (table, _("Corporate number:"), org->corporate_number);
  if (!scs_text_is_blank (org->address))
    scs_cli_table_add_row (table, _("Address:"), org->address);
  if (!scs_text_is_blank (org->contact_name))
    scs_cli_table_add_row (table, _("Contact:"), org->contact_name);
  if (!scs_text_is_blank (org->contact_email))
    scs_cli_table_add_row (table, _("E-mail:"), org->contact_email);
  if (!scs_text_is_blank (org->contact_phone))
    scs_cli_table_add_row (table, _("Telephone:"), org->contact_phone);
}

static void
print_organization (const ScsOrganization *org)
{
  if (scs_cli_opt_json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      scs_cli_org_add_json (builder, org);
      scs_cli_print_json (builder);
    }
  else
    {
      g_autoptr(ScsCliTable) table = scs_cli_table_new (2);

      scs_cli_org_add_rows (table, org);
      scs_cli_table_print (table);
    }
}

int
scs_cli_org_show (const ScsCliCommand *command,
                  int                  argc,
                  char               **argv)
{
  g_autoptr(ScsWorkspace) workspace = NULL;
  g_autoptr(ScsOrganization) org = NULL;

  if (!scs_cli_parse_arguments (command, scs_cli_json_entries, FALSE, &argc, &argv, 1, 1))
    return SCS_CLI_EXIT_USAGE;
  workspace = scs_cli_open_workspace (argv[1]);
  if (workspace == NULL)
    return SCS_CLI_EXIT_USAGE;
  org = scs_workspace_dup_organization (workspace);
  print_organization (org);
  return SCS_CLI_EXIT_OK;
}

int
scs_cli_new (const ScsCliCommand *command,
             int                  argc,
             char               **argv)
{
  g_autoptr(ScsOrganization) org = NULL;
  g_autoptr(ScsCatalog) catalog = NULL;
  g_autoptr(ScsWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *normalized = NULL;
  g_autofree char *level = NULL;
  ScsWorkspaceType type = SCS_WORKSPACE_TYPE_SCS;
  const char *path;

  if (!scs_cli_parse_arguments (command, new_entries, FALSE, &argc, &argv, 1, 1))
    return SCS_CLI_EXIT_USAGE;
  path = argv[1];

  if (opt_type != NULL && !scs_workspace_type_from_string (opt_type, &type))
    return scs_cli_error (_("new: --type must be scs, jcstar1, security-action or provider, not ‘%s’"), opt_type);

  if (scs_text_is_blank (opt_name))
    return scs_cli_error (_("new: the organisation’s name is required (--name)"));
  if (opt_level != 3 && opt_level != 4)
    return scs_cli_error (_("new: --level must be 3 or 4, not %d"), opt_level);

  if (opt_sole_proprietor && opt_corporate_number != NULL)
    return scs_cli_error (_("new: a sole proprietor has no corporate number (法人番号): "
                            "give either --sole-proprietor or --corporate-number"));
  if (!opt_sole_proprietor)
    {
      if (opt_corporate_number == NULL)
        return scs_cli_error (_("new: the corporate number (法人番号) is required (--corporate-number), "
                                "unless the organisation is a sole proprietor (--sole-proprietor)"));
      if (!scs_corporate_number_validate (opt_corporate_number, &normalized, &error))
        return scs_cli_error (_("--corporate-number ‘%s’: %s"),
                              opt_corporate_number, error->message);
    }

  /* The core refuses too, but saying so before anything is read is clearer. */
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return scs_cli_error (_("‘%s’ already exists; scs-cli new never overwrites a file"), path);

  org = scs_organization_new ();
  org->name = g_strdup (opt_name);
  org->trade_name = g_strdup (opt_trade_name);
  org->sole_proprietor = opt_sole_proprietor;
  org->corporate_number = g_steal_pointer (&normalized);
  org->address = g_strdup (opt_address);
  org->contact_name = g_strdup (opt_contact_name);
  org->contact_email = g_strdup (opt_contact_email);
  org->contact_phone = g_strdup (opt_contact_phone);
  if (!scs_organization_validate (org, &error))
    return scs_cli_report (error);

  catalog = scs_workspace_type_new_catalog (type);
  workspace = scs_workspace_create_typed (path, type, org, opt_level, catalog, &error);
  if (workspace == NULL)
    return scs_cli_report (error);

  if (type != SCS_WORKSPACE_TYPE_SCS)
    {
      /* Translators: "Created ‘a.scsw’ for 株式会社…: JC-STAR ★1 product self-declaration." */
      g_print (_("Created ‘%s’ for %s: %s.\n"), path, org->name, scs_workspace_type_get_label (type));
      return SCS_CLI_EXIT_OK;
    }

  level = scs_cli_level_label (opt_level);
  g_print (_("Created ‘%s’ for %s: target %s, catalog %s (%s).\n"),
           path, org->name, level, scs_catalog_get_id (catalog), scs_catalog_get_date (catalog));

  return SCS_CLI_EXIT_OK;
}

/* An optional field: NULL keeps it, "" clears it. */
static void
replace (char       **field,
         const char  *value)
{
  if (value == NULL)
    return;
  g_free (*field);
  *field = *value != '\0' ? g_strdup (value) : NULL;
}

int
scs_cli_org_set (const ScsCliCommand *command,
                 int                  argc,
                 char               **argv)
{
  g_autoptr(ScsWorkspace) workspace = NULL;
  g_autoptr(ScsOrganization) org = NULL;
  g_autoptr(GError) error = NULL;

  if (!scs_cli_parse_arguments (command, set_entries, TRUE, &argc, &argv, 1, 1))
    return SCS_CLI_EXIT_USAGE;
  if (opt_name == NULL && opt_trade_name == NULL && opt_corporate_number == NULL && !opt_sole_proprietor &&
      opt_address == NULL && opt_contact_name == NULL && opt_contact_email == NULL && opt_contact_phone == NULL)
    return scs_cli_error (_("org set: say what to change, e.g. --name NAME or --address ADDRESS"));
  if (opt_sole_proprietor && opt_corporate_number != NULL)
    return scs_cli_error (_("org set: a sole proprietor has no corporate number: give --sole-proprietor "
                            "or --corporate-number, not both"));

  workspace = scs_cli_open_workspace (argv[1]);
  if (workspace == NULL)
    return SCS_CLI_EXIT_USAGE;

  org = scs_workspace_dup_organization (workspace);
  /* the name is required: an empty one is kept as given, for the core to refuse */
  if (opt_name != NULL)
    {
      g_free (org->name);
      org->name = g_strdup (opt_name);
    }
  replace (&org->trade_name, opt_trade_name);
  replace (&org->address, opt_address);
  replace (&org->contact_name, opt_contact_name);
  replace (&org->contact_email, opt_contact_email);
  replace (&org->contact_phone, opt_contact_phone);
  if (opt_sole_proprietor)
    {
      org->sole_proprietor = TRUE;
      g_clear_pointer (&org->corporate_number, g_free);
    }
  else if (opt_corporate_number != NULL)
    {
      org->sole_proprietor = FALSE;
      g_free (org->corporate_number);
      org->corporate_number = g_strdup (opt_corporate_number);
    }

  if (!scs_workspace_set_organization (workspace, org, &error))
    return scs_cli_report (error);

  g_clear_pointer (&org, scs_organization_free);
  org = scs_workspace_dup_organization (workspace);
  print_organization (org);
  return SCS_CLI_EXIT_OK;
}
