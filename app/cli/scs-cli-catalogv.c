/* scs-cli-catalogv.c: `scs-cli catalog import-xlsx|diff` and `scs-cli migrate`
 *
 * Catalog versions from the command line. `catalog import-xlsx` turns the
 * official IPA workbook into a catalog XML file (all or nothing: a refused
 * workbook leaves no output file behind, and the message names sheet, row
 * and column); `catalog diff` compares two catalog versions by criterion ID;
 * `migrate` moves a workspace's answers to another catalog version. A
 * catalog argument is a catalog XML file, an .xlsx workbook (imported on
 * the fly) or the word "builtin". Migration changes answers that users have
 * entered, so it is never done silently: the change report is always
 * printed, `--dry-run` stops there, and only `--yes` applies it — without
 * either the command prints the report, writes nothing and exits 2, whether
 * or not a terminal is attached (scripts and people get the same rule).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "scs-catalog-diff.h"
#include "scs-catalog-import.h"
#include "scs-cli-private.h"
#include "scs-migration.h"

static char *opt_out = NULL;
static char *opt_date = NULL;
static char *opt_catalog = NULL;
static gboolean opt_dry_run = FALSE;
static gboolean opt_yes = FALSE;

/* An .xlsx is a zip: "PK\3\4". */
static gboolean
looks_like_zip (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, NULL);
  guint8 magic[4] = { 0 };
  gsize n = 0;

  if (stream == NULL)
    return FALSE;
  if (!g_input_stream_read_all (G_INPUT_STREAM (stream), magic, sizeof magic, &n, NULL, NULL))
    return FALSE;
  return n == 4 && memcmp (magic, "PK\3\4", 4) == 0;
}

/**
 * scs_cli_load_catalog:
 * @argument: a catalog XML file, an .xlsx workbook or "builtin"
 *
 * Reports the error itself (naming the file) and returns %NULL on failure.
 */
ScsCatalog *
scs_cli_load_catalog (const char *argument)
{
  g_autoptr(ScsCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;

  if (g_str_equal (argument, "builtin"))
    return scs_catalog_new_builtin ();

  if (looks_like_zip (argument))
    catalog = scs_catalog_import_xlsx_file (argument, NULL, NULL, &error);
  else
    catalog = scs_catalog_new_from_file (argument, &error);

  if (catalog == NULL)
    {
      if (strstr (error->message, argument) == NULL)
        scs_cli_error ("%s: %s", argument, error->message);
      else
        scs_cli_report (error);
      return NULL;
    }

  return g_steal_pointer (&catalog);
}

static void
add_catalog_json (JsonBuilder *builder,
                  const char  *member,
                  ScsCatalog  *catalog)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_object (builder);
  scs_cli_json_add_string (builder, "id", scs_catalog_get_id (catalog));
  scs_cli_json_add_string (builder, "date", scs_catalog_get_date (catalog));
  scs_cli_json_add_string (builder, "source", scs_catalog_get_source (catalog));
  scs_cli_json_add_string (builder, "sha256", scs_catalog_get_sha256 (catalog));
  json_builder_end_object (builder);
}

static char *
describe_catalog (ScsCatalog *catalog)
{
  /* Translators: "scs-official-2026-03-27 (official, 2026-03-27)" */
  return g_strdup_printf (_("%s (%s, %s)"), scs_catalog_get_id (catalog),
                          scs_catalog_is_official (catalog) ? _("official") : _("built-in"),
                          scs_catalog_get_date (catalog));
}

/* ---------------------------------------------------------------------
 * catalog import-xlsx
 * ------------------------------------------------------------------- */

static const GOptionEntry import_entries[] = {
  { "out", 'o', 0, G_OPTION_ARG_FILENAME, &opt_out, N_("Write the catalog XML here (required)"), N_("CATALOG.xml") },
  { "date", 0, 0, G_OPTION_ARG_STRING, &opt_date,
    N_("Publication date (default: the workbook’s modification date)"), N_("YYYY-MM-DD") },
  { "json", 0, 0, G_OPTION_ARG_NONE, &scs_cli_opt_json, N_("Print JSON for scripts"), NULL },
  { NULL }
};

int
scs_cli_catalog_import_xlsx (const ScsCliCommand *command,
                             int                  argc,
                             char               **argv)
{
  g_autoptr(ScsCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;
  guint counts[2][2];

  if (!scs_cli_parse_arguments (command, import_entries, FALSE, &argc, &argv, 1, 1))
    return SCS_CLI_EXIT_USAGE;
  if (opt_out == NULL || *opt_out == '\0')
    return scs_cli_error (_("catalog import-xlsx: --out CATALOG.xml is required"));

  catalog = scs_catalog_import_xlsx_file (argv[1], opt_date, NULL, &error);
  if (catalog == NULL)
    {
      /* Nothing was written: the output is only created for a catalog
       * that passed every check. */
      if (strstr (error->message, argv[1]) == NULL)
        return scs_cli_error ("%s: %s", argv[1], error->message);
      return scs_cli_report (error);
    }

  if (!scs_catalog_save (catalog, opt_out, &error))
    return scs_cli_report (error);

  for (guint level = 3; level <= 4; level++)
    {
      counts[level - 3][0] = scs_catalog_count_requirements (catalog, level);
      counts[level - 3][1] = scs_catalog_count_criteria (catalog, level);
    }

  if (scs_cli_opt_json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      scs_cli_json_add_string (builder, "workbook", argv[1]);
      scs_cli_json_add_string (builder, "workbook_sha256", scs_catalog_get_source_sha256 (catalog));
      scs_cli_json_add_string (builder, "out", opt_out);
      add_catalog_json (builder, "catalog", catalog);
      for (guint level = 3; level <= 4; level++)
        {
          json_builder_set_member_name (builder, level == 3 ? "star3" : "star4");
          json_builder_begin_object (builder);
          scs_cli_json_add_int (builder, "requirements", counts[level - 3][0]);
          scs_cli_json_add_int (builder, "criteria", counts[level - 3][1]);
          json_builder_end_object (builder);
        }
      json_builder_end_object (builder);
      scs_cli_print_json (builder);
    }
  else
    {
      g_autoptr(ScsCliTable) table = scs_cli_table_new (3);
      g_autofree char *star3 = scs_cli_level_label (3);
      g_autofree char *star4 = scs_cli_level_label (4);

      g_print (_("Imported ‘%s’ into ‘%s’.\n"), argv[1], opt_out);
      g_print (_("Catalog %s, published %s, workbook SHA-256 %s\n\n"), scs_catalog_get_id (catalog),
               scs_catalog_get_date (catalog), scs_catalog_get_source_sha256 (catalog));
      scs_cli_table_add_row (table, _("Level"), _("Requirements"), _("Criteria"));
      scs_cli_table_add_rule (table);
      scs_cli_table_set_right (table, 1);
      scs_cli_table_set_right (table, 2);
      for (guint level = 3; level <= 4; level++)
        {
          g_autofree char *r = g_strdup_printf ("%u", counts[level - 3][0]);
          g_autofree char *c = g_strdup_printf ("%u", counts[level - 3][1]);

          scs_cli_table_add_row (table, level == 3 ? star3 : star4, r, c);
        }
      scs_cli_table_print (table);
    }

  return SCS_CLI_EXIT_OK;
}

/* ---------------------------------------------------------------------
 * catalog diff
 * ------------------------------------------------------------------- */

static void
add_flags_json (JsonBuilder           *builder,
                ScsCatalogChangeFlags  flags)
{
  json_builder_set_member_name (builder, "changes");
  json_builder_begin_array (builder);
  if (flags & SCS_CATALOG_CHANGE_ADDED)
    json_builder_add_string_value (builder, "added");
  if (flags & SCS_CATALOG_CHANGE_REMOVED)
    json_builder_add_string_value (builder, "removed");
  if (flags & SCS_CATALOG_CHANGE_REWORDED)
    json_builder_add_string_value (builder, "reworded");
  if (flags & SCS_CATALOG_CHANGE_LEVEL)
    json_builder_add_string_value (builder, "level");
  json_builder_end_array (builder);
}

static void
add_diff_counts_json (JsonBuilder    *builder,
                      ScsCatalogDiff *diff)
{
  json_builder_set_member_name (builder, "counts");
  json_builder_begin_object (builder);
  scs_cli_json_add_int (builder, "added", scs_catalog_diff_count (diff, SCS_CATALOG_CHANGE_ADDED));
  scs_cli_json_add_int (builder, "removed", scs_catalog_diff_count (diff, SCS_CATALOG_CHANGE_REMOVED));
  scs_cli_json_add_int (builder, "reworded", scs_catalog_diff_count (diff, SCS_CATALOG_CHANGE_REWORDED));
  scs_cli_json_add_int (builder, "level", scs_catalog_diff_count (diff, SCS_CATALOG_CHANGE_LEVEL));
  scs_cli_json_add_int (builder, "unchanged", scs_catalog_diff_count_unchanged (diff));
  json_builder_end_object (builder);
}

static void
add_diff_json (JsonBuilder    *builder,
               ScsCatalogDiff *diff)
{
  add_catalog_json (builder, "old", scs_catalog_diff_get_old (diff));
  add_catalog_json (builder, "new", scs_catalog_diff_get_new (diff));
  add_diff_counts_json (builder, diff);
  json_builder_set_member_name (builder, "criteria");
  json_builder_begin_array (builder);
  for (guint i = 0; i < scs_catalog_diff_get_n_changes (diff); i++)
    {
      const ScsCatalogChange *change = scs_catalog_diff_get_change (diff, i);

      json_builder_begin_object (builder);
      scs_cli_json_add_string (builder, "id", change->id);
      add_flags_json (builder, change->flags);
      scs_cli_json_add_int (builder, "old_level", change->old_level);
      scs_cli_json_add_int (builder, "new_level", change->new_level);
      scs_cli_json_add_string (builder, "old_text", change->old_text);
      scs_cli_json_add_string (builder, "new_text", change->new_text);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
print_diff_human (ScsCatalogDiff *diff)
{
  g_autofree char *old = describe_catalog (scs_catalog_diff_get_old (diff));
  g_autofree char *new = describe_catalog (scs_catalog_diff_get_new (diff));
  static const struct
  {
    ScsCatalogChangeFlags flag;
    const char *label;
  } groups[] = {
    { SCS_CATALOG_CHANGE_ADDED, N_("Added") },
    { SCS_CATALOG_CHANGE_REMOVED, N_("Removed") },
    { SCS_CATALOG_CHANGE_REWORDED, N_("Re-worded") },
    { SCS_CATALOG_CHANGE_LEVEL, N_("Level changed") },
  };

  g_print (_("From: %s\n"), old);
  g_print (_("To:   %s\n"), new);
  g_print (_("Added %u, removed %u, re-worded %u, level changed %u, unchanged %u\n"),
           scs_catalog_diff_count (diff, SCS_CATALOG_CHANGE_ADDED),
           scs_catalog_diff_count (diff, SCS_CATALOG_CHANGE_REMOVED),
           scs_catalog_diff_count (diff, SCS_CATALOG_CHANGE_REWORDED),
           scs_catalog_diff_count (diff, SCS_CATALOG_CHANGE_LEVEL),
           scs_catalog_diff_count_unchanged (diff));

  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    {
      if (scs_catalog_diff_count (diff, groups[g].flag) == 0)
        continue;
      g_print ("\n%s:\n", _(groups[g].label));
      for (guint i = 0; i < scs_catalog_diff_get_n_changes (diff); i++)
        {
          const ScsCatalogChange *change = scs_catalog_diff_get_change (diff, i);

          if (!(change->flags & groups[g].flag))
            continue;
          if (groups[g].flag == SCS_CATALOG_CHANGE_LEVEL)
            g_print ("  %s  ★%u → ★%u\n", change->id, change->old_level, change->new_level);
          else if (groups[g].flag == SCS_CATALOG_CHANGE_REWORDED)
            g_print ("  %s\n    - %s\n    + %s\n", change->id, change->old_text, change->new_text);
          else
            g_print ("  %s  ★%u  %s\n", change->id,
                     change->new_level != 0 ? change->new_level : change->old_level,
                     change->new_text != NULL ? change->new_text : change->old_text);
        }
    }
}

int
scs_cli_catalog_diff (const ScsCliCommand *command,
                      int                  argc,
                      char               **argv)
{
  g_autoptr(ScsCatalog) old = NULL;
  g_autoptr(ScsCatalog) new = NULL;
  g_autoptr(ScsCatalogDiff) diff = NULL;

  if (!scs_cli_parse_arguments (command, scs_cli_json_entries, FALSE, &argc, &argv, 2, 2))
    return SCS_CLI_EXIT_USAGE;

  old = scs_cli_load_catalog (argv[1]);
  if (old == NULL)
    return SCS_CLI_EXIT_USAGE;
  new = scs_cli_load_catalog (argv[2]);
  if (new == NULL)
    return SCS_CLI_EXIT_USAGE;

  diff = scs_catalog_diff_new (old, new);
  if (scs_cli_opt_json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      add_diff_json (builder, diff);
      json_builder_end_object (builder);
      scs_cli_print_json (builder);
    }
  else
    print_diff_human (diff);

  return SCS_CLI_EXIT_OK;
}

/* ---------------------------------------------------------------------
 * migrate
 * ------------------------------------------------------------------- */

static const GOptionEntry migrate_entries[] = {
  { "catalog", 0, 0, G_OPTION_ARG_FILENAME, &opt_catalog,
    N_("The catalog to move to: catalog XML, official .xlsx workbook, or “builtin”"), N_("CATALOG") },
  { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &opt_dry_run, N_("Only print the change report"), NULL },
  { "yes", 'y', 0, G_OPTION_ARG_NONE, &opt_yes, N_("Apply the migration after printing the report"), NULL },
  { "json", 0, 0, G_OPTION_ARG_NONE, &scs_cli_opt_json, N_("Print JSON for scripts"), NULL },
  { NULL }
};

static void
add_answers_json (JsonBuilder     *builder,
                  const char      *member,
                  const GPtrArray *answers)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; i < answers->len; i++)
    {
      const ScsMigratedAnswer *answer = g_ptr_array_index (answers, i);

      json_builder_begin_object (builder);
      scs_cli_json_add_string (builder, "id", answer->criterion_id);
      scs_cli_json_add_string (builder, "state", answer->state);
      scs_cli_json_add_string (builder, "note", answer->note != NULL ? answer->note : "");
      scs_cli_json_add_string (builder, "reason", answer->reason != NULL ? answer->reason : "");
      scs_cli_json_add_int (builder, "evidence", answer->n_evidence);
      add_flags_json (builder, answer->flags);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
print_answers_human (const char      *title,
                     const GPtrArray *answers)
{
  if (answers->len == 0)
    return;
  g_print ("\n%s\n", title);
  for (guint i = 0; i < answers->len; i++)
    {
      const ScsMigratedAnswer *answer = g_ptr_array_index (answers, i);
      g_autoptr(GString) line = g_string_new (NULL);

      g_string_append_printf (line, "  %s  %s", answer->criterion_id, answer->state);
      if ((answer->flags & SCS_CATALOG_CHANGE_REWORDED) && (answer->flags & SCS_CATALOG_CHANGE_LEVEL))
        g_string_append_printf (line, "  (%s)", _("re-worded, level changed"));
      else if (answer->flags & SCS_CATALOG_CHANGE_REWORDED)
        g_string_append_printf (line, "  (%s)", _("re-worded"));
      else if (answer->flags & SCS_CATALOG_CHANGE_LEVEL)
        g_string_append_printf (line, "  (%s)", _("level changed"));
      if (answer->note != NULL && *answer->note != '\0')
        g_string_append_printf (line, "  %s", answer->note);
      if (answer->reason != NULL && *answer->reason != '\0')
        g_string_append_printf (line, "  %s", answer->reason);
      if (answer->n_evidence > 0)
        g_string_append_printf (line, g_dngettext (GETTEXT_PACKAGE, "  (%u evidence file)",
                                                   "  (%u evidence files)", answer->n_evidence),
                                answer->n_evidence);
      g_print ("%s\n", line->str);
    }
}

int
scs_cli_migrate (const ScsCliCommand *command,
                 int                  argc,
                 char               **argv)
{
  g_autoptr(ScsWorkspace) workspace = NULL;
  g_autoptr(ScsCatalog) catalog = NULL;
  g_autoptr(ScsMigration) migration = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *from = NULL;
  ScsCatalogDiff *diff;
  gboolean apply;

  if (!scs_cli_parse_arguments (command, migrate_entries, TRUE, &argc, &argv, 1, 1))
    return SCS_CLI_EXIT_USAGE;
  if (opt_catalog == NULL || *opt_catalog == '\0')
    return scs_cli_error (_("migrate: --catalog CATALOG is required"));
  if (opt_dry_run && opt_yes)
    return scs_cli_error (_("migrate: --dry-run and --yes exclude each other"));

  catalog = scs_cli_load_catalog (opt_catalog);
  if (catalog == NULL)
    return SCS_CLI_EXIT_USAGE;
  workspace = scs_cli_open_workspace (argv[1]);
  if (workspace == NULL)
    return SCS_CLI_EXIT_USAGE;

  migration = scs_migration_new (workspace, catalog, &error);
  if (migration == NULL)
    return scs_cli_report (error);
  diff = scs_migration_get_diff (migration);
  from = describe_catalog (scs_catalog_diff_get_old (diff));
  apply = opt_yes;

  /* The report is made from the plan, before anything is written. */
  if (scs_cli_opt_json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      scs_cli_json_add_string (builder, "workspace", argv[1]);
      add_diff_json (builder, diff);
      scs_cli_json_add_int (builder, "carried", scs_migration_get_n_carried (migration));
      add_answers_json (builder, "reconfirm", scs_migration_get_flagged (migration));
      add_answers_json (builder, "removed_answers", scs_migration_get_removed (migration));
      scs_cli_json_add_boolean (builder, "new_round", scs_migration_get_new_round (migration));
      scs_cli_json_add_boolean (builder, "applied", apply);
      json_builder_end_object (builder);
      if (!apply || scs_migration_apply (migration, &error))
        scs_cli_print_json (builder);
    }
  else
    {
      g_autofree char *to = describe_catalog (catalog);

      g_print (_("Workspace: %s\n"), argv[1]);
      g_print (_("From: %s\n"), from);
      g_print (_("To:   %s\n"), to);
      g_print (_("Criteria added %u, removed %u, re-worded %u, level changed %u\n"),
               scs_catalog_diff_count (diff, SCS_CATALOG_CHANGE_ADDED),
               scs_catalog_diff_count (diff, SCS_CATALOG_CHANGE_REMOVED),
               scs_catalog_diff_count (diff, SCS_CATALOG_CHANGE_REWORDED),
               scs_catalog_diff_count (diff, SCS_CATALOG_CHANGE_LEVEL));
      g_print (_("Answers carried over unchanged: %u\n"), scs_migration_get_n_carried (migration));
      print_answers_human (_("Answers to re-confirm (the criterion was re-worded or changed level):"),
                           scs_migration_get_flagged (migration));
      print_answers_human (_("Answers to removed criteria (kept in the file and the audit log, no longer shown):"),
                           scs_migration_get_removed (migration));
      if (scs_migration_get_new_round (migration))
        g_print ("\n%s\n", _("The assessment is signed: it stays as signed, and the migration starts a new assessment round."));

      if (apply && scs_migration_apply (migration, &error))
        g_print ("\n%s\n", _("Migrated."));
    }

  if (error != NULL)
    return scs_cli_report (error);

  if (!apply && !opt_dry_run)
    return scs_cli_error (_("migrate: nothing was changed; run again with --yes to apply this migration "
                            "(or --dry-run to only see the report)"));

  return SCS_CLI_EXIT_OK;
}
