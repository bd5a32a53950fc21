/* scs-cli-scope.c: `scs-cli scope …`, the scope description from the shell
 *
 * The same scope the app's Scope page edits: the unit, the inventory per
 * kind, what is out of scope and why, the expert's marks on those reasons,
 * the rule checks (exit 1 while an error remains, for scripts and CI) and
 * the export of scope.xml and the diagram. Every field of an item is an
 * option of the same name (--vendor, --check-method …), so `scope add` and
 * `scope set` read like the table columns. Each command is one transaction;
 * bad input exits 2 and changes nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "scs-cli-private.h"
#include "scs-scope.h"
#include "scs-scope-import.h"

static char *opt_description = NULL;
static char **opt_entities = NULL;
static char *opt_kind = NULL;
static char *opt_reason = NULL;
static char *opt_separation = NULL;
static gboolean opt_connected = FALSE;
static char *opt_comment = NULL;
static gboolean opt_force = FALSE;
static char *field_values[32];
static char *opt_criteria = NULL;

static const GOptionEntry unit_entries[] = {
  { "description", 0, 0, G_OPTION_ARG_STRING, &opt_description,
    N_("What the scope covers, in a sentence or two"), N_("TEXT") },
  { "entity", 0, 0, G_OPTION_ARG_STRING_ARRAY, &opt_entities,
    N_("A legal entity or site the scope covers (repeat for each)"), N_("NAME") },
  { NULL }
};

static const GOptionEntry list_entries[] = {
  { "kind", 0, 0, G_OPTION_ARG_STRING, &opt_kind, N_("List only items of this kind"), N_("KIND") },
  { "json", 0, 0, G_OPTION_ARG_NONE, &scs_cli_opt_json, N_("Print JSON for scripts"), NULL },
  { NULL }
};

static const GOptionEntry exclude_entries[] = {
  { "reason", 0, 0, G_OPTION_ARG_STRING, &opt_reason, N_("Why it is out of scope"), N_("TEXT") },
  { "separation", 0, 0, G_OPTION_ARG_STRING, &opt_separation,
    N_("How it is separated from the scope (VLAN, firewall rule, one-way gateway)"), N_("TEXT") },
  { "connected", 0, 0, G_OPTION_ARG_NONE, &opt_connected,
    N_("It is connected to the scope’s networks"), NULL },
  { NULL }
};

static const GOptionEntry review_entries[] = {
  { "comment", 0, 0, G_OPTION_ARG_STRING, &opt_comment,
    N_("The reviewer’s comment (needed to question a reason)"), N_("TEXT") },
  { NULL }
};

static const GOptionEntry export_entries[] = {
  { "force", 0, 0, G_OPTION_ARG_NONE, &opt_force, N_("Replace OUT if it exists"), NULL },
  { NULL }
};

/* --name, --vendor, … one per field, plus --criteria. */
static GOptionEntry *
field_entries (void)
{
  guint n_fields;
  const ScsScopeField *fields = scs_scope_fields (&n_fields);
  GOptionEntry *entries = g_new0 (GOptionEntry, n_fields + 2);

  g_assert (n_fields < G_N_ELEMENTS (field_values));
  for (guint i = 0; i < n_fields; i++)
    {
      entries[i].long_name = fields[i].name;
      entries[i].arg = G_OPTION_ARG_STRING;
      entries[i].arg_data = &field_values[i];
      entries[i].description = fields[i].label;
      entries[i].arg_description = N_("VALUE");
    }
  entries[n_fields].long_name = "criteria";
  entries[n_fields].arg = G_OPTION_ARG_STRING;
  entries[n_fields].arg_data = &opt_criteria;
  entries[n_fields].description = N_("Checklist criteria or requirements it is evidence for, comma-separated");
  entries[n_fields].arg_description = N_("IDS");
  return entries;
}

static GHashTable *
given_fields (void)
{
  guint n_fields;
  const ScsScopeField *fields = scs_scope_fields (&n_fields);
  GHashTable *table = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < n_fields; i++)
    if (field_values[i] != NULL)
      g_hash_table_insert (table, (gpointer) fields[i].name, field_values[i]);
  if (opt_criteria != NULL)
    g_hash_table_insert (table, "criteria", opt_criteria);
  return table;
}

static ScsScope *
open_scope (const char    *path,
            ScsWorkspace **workspace)
{
  g_autoptr(GError) error = NULL;
  ScsScope *scope;

  *workspace = scs_cli_open_workspace (path);
  if (*workspace == NULL)
    return NULL;
  scope = scs_scope_get (*workspace, &error);
  if (scope == NULL)
    scs_cli_report (error);
  return scope;
}

static gboolean
parse_id (const char *text,
          gint64     *id)
{
  if (scs_cli_parse_id (text, id))
    return TRUE;
  scs_cli_error (_("‘%s’ is not a scope item ID (a number, see ‘scs-cli scope list’)"), text);
  return FALSE;
}

/* The commands that take FILE, or FILE ID (@id not NULL): parses the
 * arguments and opens FILE's scope, its workspace in @workspace; NULL after
 * printing why. */
static ScsScope *
parse_and_open (const ScsCliCommand *command,
                const GOptionEntry  *entries,
                gboolean             writes,
                int                 *argc,
                char              ***argv,
                gint64              *id,
                ScsWorkspace       **workspace)
{
  int n = id != NULL ? 2 : 1;

  if (!scs_cli_parse_arguments (command, entries, writes, argc, argv, n, n))
    return NULL;
  if (id != NULL && !parse_id ((*argv)[2], id))
    return NULL;
  return open_scope ((*argv)[1], workspace);
}

static gboolean
parse_kind (const char   *text,
            ScsScopeKind *kind)
{
  if (scs_scope_kind_from_string (text, kind))
    return TRUE;
  scs_cli_error (_("‘%s’ is not a kind of scope item (network, server, endpoint, boundary, "
                   "internet, cloud, connection)"), text);
  return FALSE;
}

/* ------------------------------------------------------------------------ */

int
scs_cli_scope_unit (const ScsCliCommand *command,
                    int                  argc,
                    char               **argv)
{
  g_autoptr(ScsWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *entities = NULL;
  ScsScopeUnitKind unit;
  ScsScope *scope;

  if (!scs_cli_parse_arguments (command, unit_entries, TRUE, &argc, &argv, 2, 2))
    return SCS_CLI_EXIT_USAGE;
  if (!scs_scope_unit_from_string (argv[2], &unit) || unit == SCS_SCOPE_UNIT_NONE)
    return scs_cli_error (_("‘%s’ is not a scope unit (company, group-domestic, group-overseas, division)"),
                          argv[2]);
  scope = open_scope (argv[1], &workspace);
  if (scope == NULL)
    return SCS_CLI_EXIT_USAGE;
  if (opt_entities != NULL)
    entities = g_strjoinv ("\n", opt_entities);
  if (!scs_scope_set_unit (scope, unit, opt_description, entities, &error))
    return scs_cli_report (error);
  g_print (_("Scope unit: %s\n"), scs_scope_unit_label (unit));
  return SCS_CLI_EXIT_OK;
}

int
scs_cli_scope_add (const ScsCliCommand *command,
                   int                  argc,
                   char               **argv)
{
  g_autoptr(ScsWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) fields = NULL;
  g_autofree GOptionEntry *entries = field_entries ();
  g_autofree GOptionEntry *all = NULL;
  ScsScopeKind kind;
  ScsScope *scope;
  gint64 id;
  guint n = 0;

  while (entries[n].long_name != NULL)
    n++;
  all = g_new0 (GOptionEntry, n + 2);
  memcpy (all, entries, n * sizeof (GOptionEntry));
  all[n] = scs_cli_json_entries[0];

  if (!scs_cli_parse_arguments (command, all, TRUE, &argc, &argv, 2, 2))
    return SCS_CLI_EXIT_USAGE;
  if (!parse_kind (argv[2], &kind))
    return SCS_CLI_EXIT_USAGE;
  fields = given_fields ();
  if (!g_hash_table_contains (fields, "name"))
    return scs_cli_error (_("scope add: --name is required"));

  scope = open_scope (argv[1], &workspace);
  if (scope == NULL)
    return SCS_CLI_EXIT_USAGE;
  id = scs_scope_add_item (scope, kind, fields, &error);
  if (id == 0)
    return scs_cli_report (error);

  if (scs_cli_opt_json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      scs_cli_json_add_int (builder, "id", id);
      json_builder_end_object (builder);
      scs_cli_print_json (builder);
    }
  else
    g_print (_("Added %s %lld: %s\n"), argv[2], (long long) id, field_values[0]);
  return SCS_CLI_EXIT_OK;
}

int
scs_cli_scope_set (const ScsCliCommand *command,
                   int                  argc,
                   char               **argv)
{
  g_autoptr(ScsWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) fields = NULL;
  g_autofree GOptionEntry *entries = field_entries ();
  ScsScope *scope;
  gint64 id;

  if (!scs_cli_parse_arguments (command, entries, TRUE, &argc, &argv, 2, 2))
    return SCS_CLI_EXIT_USAGE;
  if (!parse_id (argv[2], &id))
    return SCS_CLI_EXIT_USAGE;
  fields = given_fields ();
  if (g_hash_table_size (fields) == 0)
    return scs_cli_error (_("scope set: nothing to change (give fields such as --vendor VALUE)"));

  scope = open_scope (argv[1], &workspace);
  if (scope == NULL)
    return SCS_CLI_EXIT_USAGE;
  if (!scs_scope_update_item (scope, id, fields, &error))
    return scs_cli_report (error);
  return SCS_CLI_EXIT_OK;
}

static int
set_status (const ScsCliCommand *command,
            int                  argc,
            char               **argv,
            ScsScopeStatus       status)
{
  g_autoptr(ScsWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  ScsScope *scope;
  gint64 id;

  scope = parse_and_open (command, status == SCS_SCOPE_STATUS_IN ? NULL : exclude_entries, TRUE, &argc, &argv,
                          &id, &workspace);
  if (scope == NULL)
    return SCS_CLI_EXIT_USAGE;
  if (!scs_scope_set_status (scope, id, status, opt_reason, opt_separation, opt_connected, &error))
    return scs_cli_report (error);
  return SCS_CLI_EXIT_OK;
}

int
scs_cli_scope_exclude (const ScsCliCommand *command,
                       int                  argc,
                       char               **argv)
{
  return set_status (command, argc, argv, SCS_SCOPE_STATUS_EXCLUDED);
}

int
scs_cli_scope_except (const ScsCliCommand *command,
                      int                  argc,
                      char               **argv)
{
  return set_status (command, argc, argv, SCS_SCOPE_STATUS_EXCEPTION);
}

int
scs_cli_scope_include (const ScsCliCommand *command,
                       int                  argc,
                       char               **argv)
{
  return set_status (command, argc, argv, SCS_SCOPE_STATUS_IN);
}

int
scs_cli_scope_review (const ScsCliCommand *command,
                      int                  argc,
                      char               **argv)
{
  g_autoptr(ScsWorkspace) workspace = NULL;
  g_autoptr(ScsProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  ScsScopeReview review;
  ScsScope *scope;
  gint64 id;

  if (!scs_cli_parse_arguments (command, review_entries, TRUE, &argc, &argv, 3, 3))
    return SCS_CLI_EXIT_USAGE;
  if (!parse_id (argv[2], &id))
    return SCS_CLI_EXIT_USAGE;
  if (!scs_scope_review_from_string (argv[3], &review))
    return scs_cli_error (_("‘%s’ is not a review mark (accepted, questioned, none)"), argv[3]);
  scope = open_scope (argv[1], &workspace);
  if (scope == NULL)
    return SCS_CLI_EXIT_USAGE;
  profile = scs_profile_load_default (&error);
  if (profile == NULL)
    return scs_cli_report (error);
  if (!scs_scope_set_review (scope, profile, id, review, opt_comment, &error))
    return scs_cli_report (error);
  return SCS_CLI_EXIT_OK;
}

int
scs_cli_scope_remove (const ScsCliCommand *command,
                      int                  argc,
                      char               **argv)
{
  g_autoptr(ScsWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  ScsScope *scope;
  gint64 id;

  scope = parse_and_open (command, NULL, TRUE, &argc, &argv, &id, &workspace);
  if (scope == NULL)
    return SCS_CLI_EXIT_USAGE;
  if (!scs_scope_remove_item (scope, id, &error))
    return scs_cli_report (error);
  return SCS_CLI_EXIT_OK;
}

static void
add_item_json (JsonBuilder  *builder,
               ScsScopeItem *item)
{
  const char * const *names = scs_scope_kind_fields (scs_scope_item_get_kind (item));
  const char * const *criteria = scs_scope_item_get_criteria (item);

  json_builder_begin_object (builder);
  scs_cli_json_add_int (builder, "id", scs_scope_item_get_id (item));
  scs_cli_json_add_string (builder, "kind", scs_scope_kind_to_string (scs_scope_item_get_kind (item)));
  scs_cli_json_add_string (builder, "status", scs_scope_status_to_string (scs_scope_item_get_status (item)));
  for (guint i = 0; names[i] != NULL; i++)
    {
      json_builder_set_member_name (builder, names[i]);
      json_builder_add_string_value (builder, scs_scope_item_get_field (item, names[i]));
    }
  json_builder_set_member_name (builder, "criteria");
  json_builder_begin_array (builder);
  for (guint i = 0; criteria[i] != NULL; i++)
    json_builder_add_string_value (builder, criteria[i]);
  json_builder_end_array (builder);
  if (scs_scope_item_get_status (item) != SCS_SCOPE_STATUS_IN)
    {
      scs_cli_json_add_string (builder, "reason", scs_scope_item_get_reason (item));
      scs_cli_json_add_string (builder, "separation", scs_scope_item_get_separation (item));
      scs_cli_json_add_boolean (builder, "connected", scs_scope_item_get_connected (item));
      scs_cli_json_add_string (builder, "review", scs_scope_review_to_string (scs_scope_item_get_review (item)));
      scs_cli_json_add_string (builder, "review_comment", scs_scope_item_get_review_comment (item));
      scs_cli_json_add_string (builder, "reviewer", scs_scope_item_get_reviewer (item));
    }
  json_builder_end_object (builder);
}

/* The short human line of an item: its kind's most telling fields. */
static char *
item_details (ScsScopeItem *item)
{
  const char * const *names = scs_scope_kind_fields (scs_scope_item_get_kind (item));
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 1; names[i] != NULL; i++)
    {
      const char *value = scs_scope_item_get_field (item, names[i]);

      if (*value != '\0')
        g_ptr_array_add (parts, g_strdup_printf ("%s=%s", names[i], value));
    }
  g_ptr_array_add (parts, NULL);
  return g_strjoinv ("; ", (char **) parts->pdata);
}

int
scs_cli_scope_list (const ScsCliCommand *command,
                    int                  argc,
                    char               **argv)
{
  g_autoptr(ScsWorkspace) workspace = NULL;
  ScsScopeKind kind = SCS_SCOPE_N_KINDS;
  GListModel *items;
  ScsScope *scope;

  if (!scs_cli_parse_arguments (command, list_entries, FALSE, &argc, &argv, 1, 1))
    return SCS_CLI_EXIT_USAGE;
  if (opt_kind != NULL && !parse_kind (opt_kind, &kind))
    return SCS_CLI_EXIT_USAGE;
  scope = open_scope (argv[1], &workspace);
  if (scope == NULL)
    return SCS_CLI_EXIT_USAGE;
  items = scs_scope_get_items (scope, kind);

  if (scs_cli_opt_json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      scs_cli_json_add_string (builder, "file", argv[1]);
      json_builder_set_member_name (builder, "items");
      json_builder_begin_array (builder);
      for (guint i = 0; i < g_list_model_get_n_items (items); i++)
        {
          g_autoptr(ScsScopeItem) item = g_list_model_get_item (items, i);

          add_item_json (builder, item);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      scs_cli_print_json (builder);
    }
  else if (g_list_model_get_n_items (items) == 0)
    g_print ("%s\n", _("No scope items."));
  else
    {
      g_autoptr(ScsCliTable) table = scs_cli_table_new (5);

      scs_cli_table_add_row (table, _("ID"), _("Kind"), _("Status"), _("Name"), _("Details"));
      scs_cli_table_set_right (table, 0);
      scs_cli_table_add_rule (table);
      for (guint i = 0; i < g_list_model_get_n_items (items); i++)
        {
          g_autoptr(ScsScopeItem) item = g_list_model_get_item (items, i);
          g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, scs_scope_item_get_id (item));
          g_autofree char *details = item_details (item);

          scs_cli_table_add_row (table, id, scs_scope_kind_to_string (scs_scope_item_get_kind (item)),
                                 scs_scope_status_label (scs_scope_item_get_status (item)),
                                 scs_scope_item_get_name (item), details);
        }
      scs_cli_table_print (table);
    }
  return SCS_CLI_EXIT_OK;
}

int
scs_cli_scope_show (const ScsCliCommand *command,
                    int                  argc,
                    char               **argv)
{
  g_autoptr(ScsWorkspace) workspace = NULL;
  g_autofree char *summary = NULL;
  GListModel *all;
  ScsScope *scope;

  scope = parse_and_open (command, scs_cli_json_entries, FALSE, &argc, &argv, NULL, &workspace);
  if (scope == NULL)
    return SCS_CLI_EXIT_USAGE;
  all = scs_scope_get_items (scope, SCS_SCOPE_N_KINDS);

  if (scs_cli_opt_json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_auto(GStrv) entities = g_strsplit (scs_scope_get_entities (scope), "\n", -1);

      json_builder_begin_object (builder);
      scs_cli_json_add_string (builder, "file", argv[1]);
      scs_cli_json_add_boolean (builder, "described", scs_scope_is_described (scope));
      scs_cli_json_add_string (builder, "unit", scs_scope_unit_to_string (scs_scope_get_unit (scope)));
      scs_cli_json_add_string (builder, "description", scs_scope_get_description (scope));
      json_builder_set_member_name (builder, "entities");
      json_builder_begin_array (builder);
      for (guint i = 0; entities[i] != NULL; i++)
        if (*entities[i] != '\0')
          json_builder_add_string_value (builder, entities[i]);
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "counts");
      json_builder_begin_object (builder);
      for (guint k = 0; k < SCS_SCOPE_N_KINDS; k++)
        {
          scs_cli_json_add_int (builder, scs_scope_kind_to_string (k),
                                g_list_model_get_n_items (scs_scope_get_items (scope, k)));
        }
      json_builder_end_object (builder);
      json_builder_set_member_name (builder, "out_of_scope");
      json_builder_begin_array (builder);
      for (guint i = 0; i < g_list_model_get_n_items (all); i++)
        {
          g_autoptr(ScsScopeItem) item = g_list_model_get_item (all, i);

          if (scs_scope_item_get_status (item) != SCS_SCOPE_STATUS_IN)
            add_item_json (builder, item);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      scs_cli_print_json (builder);
      return SCS_CLI_EXIT_OK;
    }

  g_print (_("Unit: %s\n"), scs_scope_unit_label (scs_scope_get_unit (scope)));
  g_print (_("Description: %s\n"), scs_scope_get_description (scope));
  if (*scs_scope_get_entities (scope) != '\0')
    {
      g_auto(GStrv) entities = g_strsplit (scs_scope_get_entities (scope), "\n", -1);

      g_print ("%s\n", _("Covers:"));
      for (guint i = 0; entities[i] != NULL; i++)
        g_print ("  %s\n", entities[i]);
    }
  for (guint k = 0; k < SCS_SCOPE_N_KINDS; k++)
    g_print ("  %-40s %u\n", scs_scope_kind_label (k),
             g_list_model_get_n_items (scs_scope_get_items (scope, k)));
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(ScsScopeItem) item = g_list_model_get_item (all, i);
      ScsScopeStatus status = scs_scope_item_get_status (item);

      if (status == SCS_SCOPE_STATUS_IN)
        continue;
      g_print ("%s %" G_GINT64_FORMAT " %s: %s\n", scs_scope_status_label (status),
               scs_scope_item_get_id (item), scs_scope_item_get_name (item),
               scs_scope_item_get_reason (item));
      if (*scs_scope_item_get_separation (item) != '\0')
        g_print ("    %s %s\n", _("Separation:"), scs_scope_item_get_separation (item));
      if (scs_scope_item_get_review (item) != SCS_SCOPE_REVIEW_NONE)
        g_print ("    %s %s (%s) %s\n", _("Review:"),
                 scs_scope_review_to_string (scs_scope_item_get_review (item)),
                 scs_scope_item_get_reviewer (item), scs_scope_item_get_review_comment (item));
    }
  return SCS_CLI_EXIT_OK;
}

static void
scope_finding_to_json (JsonBuilder   *builder,
                       gconstpointer  item)
{
  const ScsScopeFinding *finding = item;

  scs_cli_json_add_string (builder, "severity", finding->severity == SCS_SCOPE_SEVERITY_ERROR
                                          ? "error" : "warning");
  scs_cli_json_add_string (builder, "rule", finding->rule);
  scs_cli_json_add_int (builder, "item", finding->item);
  scs_cli_json_add_string (builder, "message", finding->message);
}

int
scs_cli_scope_check (const ScsCliCommand *command,
                     int                  argc,
                     char               **argv)
{
  g_autoptr(ScsWorkspace) workspace = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  ScsScope *scope;
  guint errors;

  scope = parse_and_open (command, scs_cli_json_entries, FALSE, &argc, &argv, NULL, &workspace);
  if (scope == NULL)
    return SCS_CLI_EXIT_USAGE;
  findings = scs_scope_check (scope);
  errors = scs_scope_count_errors (findings);

  if (scs_cli_opt_json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      scs_cli_json_add_string (builder, "file", argv[1]);
      scs_cli_json_add_int (builder, "errors", errors);
      scs_cli_json_add_int (builder, "warnings", findings->len - errors);
      scs_cli_json_add_objects (builder, "findings", findings, scope_finding_to_json);
      json_builder_end_object (builder);
      scs_cli_print_json (builder);
    }
  else
    {
      for (guint i = 0; i < findings->len; i++)
        {
          ScsScopeFinding *finding = findings->pdata[i];

          g_print ("%s [%s] %s\n",
                   finding->severity == SCS_SCOPE_SEVERITY_ERROR ? _("error:") : _("warning:"),
                   finding->rule, finding->message);
        }
      if (errors == 0)
        g_print (g_dngettext (GETTEXT_PACKAGE, "The scope passes the checks (%u warning).\n",
                              "The scope passes the checks (%u warnings).\n", findings->len),
                 findings->len);
      else
        g_print (g_dngettext (GETTEXT_PACKAGE, "%u error remains.\n", "%u errors remain.\n", errors),
                 errors);
    }
  return errors > 0 ? SCS_CLI_EXIT_CHECK_FAILED : SCS_CLI_EXIT_OK;
}

int
scs_cli_scope_export (const ScsCliCommand *command,
                      int                  argc,
                      char               **argv)
{
  g_autoptr(ScsWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *lower = NULL;
  const char *out;
  ScsScope *scope;

  if (!scs_cli_parse_arguments (command, export_entries, FALSE, &argc, &argv, 2, 2))
    return SCS_CLI_EXIT_USAGE;
  out = argv[2];
  lower = g_ascii_strdown (out, -1);
  if (!g_str_has_suffix (lower, ".xml") && !g_str_has_suffix (lower, ".pdf") &&
      !g_str_has_suffix (lower, ".svg") && !g_str_has_suffix (lower, ".png"))
    return scs_cli_error (_("Cannot tell what to export to ‘%s’: name it .xml (scope.xml), "
                            ".pdf, .svg or .png (the diagram)"), out);
  if (!opt_force && g_file_test (out, G_FILE_TEST_EXISTS))
    return scs_cli_error (_("‘%s’ already exists (use --force to replace it)"), out);
  scope = open_scope (argv[1], &workspace);
  if (scope == NULL)
    return SCS_CLI_EXIT_USAGE;
  if (!scs_scope_is_described (scope))
    return scs_cli_error (_("The workspace ‘%s’ has no scope described"), argv[1]);

  if (g_str_has_suffix (lower, ".xml"))
    {
      g_autoptr(GBytes) xml = scs_scope_render_xml (workspace, &error);

      if (xml == NULL ||
          !g_file_set_contents (out, g_bytes_get_data (xml, NULL), g_bytes_get_size (xml), &error))
        return scs_cli_report (error);
    }
  else if (!scs_scope_export_diagram (workspace, out, &error))
    return scs_cli_report (error);
  return SCS_CLI_EXIT_OK;
}

/* ------------------------------------------------------------------------ */
/* scope import-csv                                                          */

static char **opt_maps = NULL;
static char *opt_encoding = NULL;
static gboolean opt_dry_run = FALSE;

static const GOptionEntry import_entries[] = {
  { "map", 0, 0, G_OPTION_ARG_STRING_ARRAY, &opt_maps,
    N_("Put the CSV column COLUMN (header text or number) into FIELD; “-” ignores it (repeat)"),
    N_("COLUMN=FIELD") },
  { "encoding", 0, 0, G_OPTION_ARG_STRING, &opt_encoding,
    N_("The file’s encoding: auto (default), utf-8 or cp932 (Shift_JIS)"), N_("ENCODING") },
  { "dry-run", 0, 0, G_OPTION_ARG_NONE, &opt_dry_run,
    N_("Check the file and show what would be imported, without importing"), NULL },
  { "json", 0, 0, G_OPTION_ARG_NONE, &scs_cli_opt_json, N_("Print JSON for scripts"), NULL },
  { NULL }
};

static void
import_json (ScsScopeImport *import,
             GPtrArray      *problems,
             guint           imported)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const char * const *header = scs_scope_import_get_header (import);

  json_builder_begin_object (builder);
  scs_cli_json_add_string (builder, "kind", scs_scope_kind_to_string (scs_scope_import_get_kind (import)));
  scs_cli_json_add_string (builder, "encoding",
                           scs_scope_encoding_to_string (scs_scope_import_get_encoding (import)));
  scs_cli_json_add_int (builder, "rows", scs_scope_import_count_items (import));
  scs_cli_json_add_boolean (builder, "dry_run", opt_dry_run);
  scs_cli_json_add_int (builder, "imported", imported);
  json_builder_set_member_name (builder, "columns");
  json_builder_begin_array (builder);
  for (guint c = 0; c < scs_scope_import_get_n_columns (import); c++)
    {
      const char *field = scs_scope_import_get_mapping (import, c);

      json_builder_begin_object (builder);
      scs_cli_json_add_string (builder, "column", header[c]);
      scs_cli_json_add_string (builder, "field", field);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "problems");
  json_builder_begin_array (builder);
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      ScsScopeImportProblem *problem = problems->pdata[i];

      json_builder_begin_object (builder);
      scs_cli_json_add_int (builder, "line", problem->line);
      scs_cli_json_add_int (builder, "column", problem->column);
      scs_cli_json_add_string (builder, "message", problem->message);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  scs_cli_print_json (builder);
}

int
scs_cli_scope_import_csv (const ScsCliCommand *command,
                          int                  argc,
                          char               **argv)
{
  g_autoptr(ScsWorkspace) workspace = NULL;
  g_autoptr(ScsScopeImport) import = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  ScsScopeEncoding encoding = SCS_SCOPE_ENCODING_AUTO;
  ScsScopeKind kind;
  ScsScope *scope;
  guint imported = 0;

  if (!scs_cli_parse_arguments (command, import_entries, TRUE, &argc, &argv, 3, 3))
    return SCS_CLI_EXIT_USAGE;
  if (!parse_kind (argv[2], &kind))
    return SCS_CLI_EXIT_USAGE;
  if (opt_encoding != NULL && !scs_scope_encoding_from_string (opt_encoding, &encoding))
    return scs_cli_error (_("‘%s’ is not an encoding this import reads (auto, utf-8, cp932)"),
                          opt_encoding);

  import = scs_scope_import_new_from_file (argv[3], kind, encoding, &error);
  if (import == NULL)
    return scs_cli_report (error);
  for (guint i = 0; opt_maps != NULL && opt_maps[i] != NULL; i++)
    {
      const char *equals = strrchr (opt_maps[i], '=');
      g_autofree char *column = NULL;

      if (equals == NULL || equals == opt_maps[i])
        return scs_cli_error (_("--map ‘%s’: give it as COLUMN=FIELD"), opt_maps[i]);
      column = g_strndup (opt_maps[i], equals - opt_maps[i]);
      if (!scs_scope_import_map_named (import, column, equals + 1, &error))
        return scs_cli_report (error);
    }

  scope = open_scope (argv[1], &workspace);
  if (scope == NULL)
    return SCS_CLI_EXIT_USAGE;
  problems = scs_scope_import_check (import, scope);
  if (problems->len == 0 && !opt_dry_run)
    {
      imported = scs_scope_import_commit (import, scope, &error);
      if (imported == 0)
        return scs_cli_report (error);
    }

  if (scs_cli_opt_json)
    import_json (import, problems, imported);
  else
    {
      const char * const *header = scs_scope_import_get_header (import);

      g_print (_("%s (%s): %u rows of %s\n"), scs_scope_import_get_source (import),
               scs_scope_encoding_to_string (scs_scope_import_get_encoding (import)),
               scs_scope_import_count_items (import), scs_scope_kind_to_string (kind));
      for (guint c = 0; c < scs_scope_import_get_n_columns (import); c++)
        {
          const char *field = scs_scope_import_get_mapping (import, c);

          g_print ("  %u %s → %s\n", c + 1, header[c], field ? field : _("(ignored)"));
        }
      for (guint i = 0; i < problems->len; i++)
        g_printerr ("scs-cli: %s\n", ((ScsScopeImportProblem *) problems->pdata[i])->message);
      if (problems->len > 0)
        g_printerr (g_dngettext (GETTEXT_PACKAGE, "scs-cli: nothing imported (%u problem)\n",
                                 "scs-cli: nothing imported (%u problems)\n", problems->len),
                    problems->len);
      else if (opt_dry_run)
        g_print (_("Would import %u items (dry run: nothing written).\n"),
                 scs_scope_import_count_items (import));
      else
        g_print (_("Imported %u items.\n"), imported);
    }
  return problems->len > 0 ? SCS_CLI_EXIT_USAGE : SCS_CLI_EXIT_OK;
}
