/* scs-cli-catalog.c: `scs-cli catalog info|list|show|validate`
 *
 * Reports on the catalog of requirements and criteria: the built-in one (what
 * `scs-cli new` embeds in a workspace) or an XML file to be checked. Counts
 * per level are computed here from the records, cumulatively as the scheme
 * counts them (★4 contains all of ★3: 26 + 17 = 43 requirements), so the
 * output does not depend on how the core chooses to count. The human output
 * says plainly that the ★4 criteria need the official IPA workbook.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "scs-cli-private.h"
#include "scs-i18n.h"


/* Requirements and criteria of level ≤ @level, in @category (0: all). */
static void
count_level (ScsCatalog *catalog,
             guint       level,
             guint       category,
             guint      *n_requirements,
             guint      *n_criteria)
{
  const GPtrArray *requirements = scs_catalog_get_requirements (catalog);
  const GPtrArray *criteria = scs_catalog_get_criteria (catalog);

  *n_requirements = 0;
  *n_criteria = 0;

  for (guint i = 0; i < requirements->len; i++)
    {
      const ScsRequirement *requirement = g_ptr_array_index (requirements, i);

      if (requirement->level <= level &&
          (category == 0 || requirement->category->number == category))
        (*n_requirements)++;
    }

  for (guint i = 0; i < criteria->len; i++)
    {
      const ScsCriterion *criterion = g_ptr_array_index (criteria, i);

      if (criterion->level <= level &&
          (category == 0 || criterion->requirement->category->number == category))
        (*n_criteria)++;
    }
}

static void
add_level_json (JsonBuilder *builder,
                ScsCatalog  *catalog,
                guint        level)
{
  guint n_requirements, n_criteria;

  count_level (catalog, level, 0, &n_requirements, &n_criteria);

  json_builder_begin_object (builder);
  scs_cli_json_add_int (builder, "requirements", n_requirements);
  scs_cli_json_add_int (builder, "criteria", n_criteria);
  scs_cli_json_add_boolean (builder, "criteria_complete", scs_catalog_criteria_complete (catalog, level));
  json_builder_end_object (builder);
}

static void
print_catalog_json (ScsCatalog *catalog)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  scs_cli_json_add_string (builder, "id", scs_catalog_get_id (catalog));
  scs_cli_json_add_string (builder, "title", scs_catalog_get_title (catalog));
  scs_cli_json_add_string (builder, "date", scs_catalog_get_date (catalog));
  scs_cli_json_add_string (builder, "sha256", scs_catalog_get_sha256 (catalog));
  json_builder_set_member_name (builder, "star3");
  add_level_json (builder, catalog, 3);
  json_builder_set_member_name (builder, "star4");
  add_level_json (builder, catalog, 4);

  json_builder_set_member_name (builder, "categories");
  json_builder_begin_array (builder);
  for (guint i = 0; i < scs_catalog_get_n_categories (catalog); i++)
    {
      const ScsCategory *category = scs_catalog_get_category (catalog, i + 1);
      guint n_requirements, n_criteria, n_requirements3, n_criteria3;

      if (category == NULL)
        continue;

      count_level (catalog, 4, category->number, &n_requirements, &n_criteria);
      count_level (catalog, 3, category->number, &n_requirements3, &n_criteria3);

      json_builder_begin_object (builder);
      scs_cli_json_add_int (builder, "number", category->number);
      scs_cli_json_add_string (builder, "title_ja", category->title_ja);
      scs_cli_json_add_string (builder, "title_en", category->title_en);
      scs_cli_json_add_int (builder, "requirements", n_requirements);
      scs_cli_json_add_int (builder, "criteria", n_criteria);
      scs_cli_json_add_int (builder, "star3_requirements", n_requirements3);
      scs_cli_json_add_int (builder, "star3_criteria", n_criteria3);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  scs_cli_print_json (builder);
}

static char *
format_counts (guint    n_requirements,
               guint    n_criteria,
               gboolean complete)
{
  g_autofree char *requirements =
    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u requirement", "%u requirements", n_requirements),
                     n_requirements);
  g_autofree char *criteria =
    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u criterion", "%u criteria", n_criteria),
                     n_criteria);

  if (complete)
    /* Translators: "26 requirements, 81 criteria" */
    return g_strdup_printf (_("%s, %s"), requirements, criteria);
  else
    /* Translators: "43 requirements, 81 criteria known (incomplete)" */
    return g_strdup_printf (_("%s, %s known (incomplete)"), requirements, criteria);
}

static void
print_catalog_human (ScsCatalog *catalog)
{
  g_autoptr(ScsCliTable) summary = scs_cli_table_new (2);
  g_autoptr(ScsCliTable) table = scs_cli_table_new (5);
  g_autofree char *level3 = scs_cli_level_label (3);
  g_autofree char *level4 = scs_cli_level_label (4);
  g_autofree char *star3 = g_strconcat (level3, ":", NULL);
  g_autofree char *star4 = g_strconcat (level4, ":", NULL);
  g_autofree char *counts3 = NULL;
  g_autofree char *counts4 = NULL;
  guint n_requirements, n_criteria;

  count_level (catalog, 3, 0, &n_requirements, &n_criteria);
  counts3 = format_counts (n_requirements, n_criteria, scs_catalog_criteria_complete (catalog, 3));
  count_level (catalog, 4, 0, &n_requirements, &n_criteria);
  counts4 = format_counts (n_requirements, n_criteria, scs_catalog_criteria_complete (catalog, 4));

  scs_cli_table_add_row (summary, _("Catalog:"), scs_catalog_get_id (catalog));
  scs_cli_table_add_row (summary, _("Title:"), scs_catalog_get_title (catalog));
  scs_cli_table_add_row (summary, _("Published:"), scs_catalog_get_date (catalog));
  scs_cli_table_add_row (summary, _("SHA-256:"), scs_catalog_get_sha256 (catalog));
  scs_cli_table_add_row (summary, star3, counts3);
  scs_cli_table_add_row (summary, star4, counts4);
  scs_cli_table_print (summary);
  g_print ("\n");

  scs_cli_table_add_row (table, _("No."), _("Category"), _("Requirements"), _("Criteria"), _("★3 criteria"));
  scs_cli_table_add_rule (table);
  scs_cli_table_set_right (table, 0);
  scs_cli_table_set_right (table, 2);
  scs_cli_table_set_right (table, 3);
  scs_cli_table_set_right (table, 4);
  for (guint i = 0; i < scs_catalog_get_n_categories (catalog); i++)
    {
      const ScsCategory *category = scs_catalog_get_category (catalog, i + 1);
      g_autofree char *number = NULL;
      g_autofree char *requirements = NULL;
      g_autofree char *criteria = NULL;
      g_autofree char *criteria3 = NULL;
      guint n_requirements3, n_criteria3;

      if (category == NULL)
        continue;

      count_level (catalog, 4, category->number, &n_requirements, &n_criteria);
      count_level (catalog, 3, category->number, &n_requirements3, &n_criteria3);
      number = g_strdup_printf ("%u", category->number);
      requirements = g_strdup_printf ("%u", n_requirements);
      criteria = g_strdup_printf ("%u", n_criteria);
      criteria3 = g_strdup_printf ("%u", n_criteria3);
      scs_cli_table_add_row (table, number, scs_category_get_title (category),
                             requirements, criteria, criteria3);
    }
  scs_cli_table_print (table);

  if (!scs_catalog_criteria_complete (catalog, 4))
    {
      g_print ("\n");
      g_print ("%s\n", _("The criteria of the ★4-only requirements are not public: import the official "
                         "IPA workbook to get them and assess ★4."));
    }
}

int
scs_cli_catalog_info (const ScsCliCommand *command,
                      int                  argc,
                      char               **argv)
{
  g_autoptr(ScsCatalog) catalog = NULL;

  if (!scs_cli_parse_arguments (command, scs_cli_json_entries, FALSE, &argc, &argv, 0, 1))
    return SCS_CLI_EXIT_USAGE;

  /* A catalog file (XML or official workbook) or the built-in one. */
  catalog = argc > 1 ? scs_cli_load_catalog (argv[1]) : scs_catalog_new_builtin ();
  if (catalog == NULL)
    return SCS_CLI_EXIT_USAGE;

  if (scs_cli_opt_json)
    print_catalog_json (catalog);
  else
    print_catalog_human (catalog);

  return SCS_CLI_EXIT_OK;
}

/* What `catalog show` prints first of a criterion or a requirement: its
 * kind, ID, level and category, as JSON (the object left open) … */
static void
begin_item_json (JsonBuilder       *builder,
                 const char        *kind,
                 const char        *id,
                 guint              level,
                 const ScsCategory *category)
{
  json_builder_begin_object (builder);
  scs_cli_json_add_string (builder, "kind", kind);
  scs_cli_json_add_string (builder, "id", id);
  scs_cli_json_add_int (builder, "level", level);
  json_builder_set_member_name (builder, "category");
  json_builder_begin_object (builder);
  scs_cli_json_add_int (builder, "number", category->number);
  scs_cli_json_add_string (builder, "title_ja", category->title_ja);
  scs_cli_json_add_string (builder, "title_en", category->title_en);
  json_builder_end_object (builder);
}

/* … and as the first rows of the table, @label naming the ID. */
static void
add_item_rows (ScsCliTable       *table,
               const char        *label,
               const char        *id,
               guint              level,
               const ScsCategory *category)
{
  g_autofree char *level_text = scs_cli_level_label (level);
  g_autofree char *category_text = g_strdup_printf ("%u %s", category->number, scs_category_get_title (category));

  scs_cli_table_add_row (table, label, id);
  scs_cli_table_add_row (table, _("Level:"), level_text);
  scs_cli_table_add_row (table, _("Category:"), category_text);
}

static int
show_criterion (const ScsCriterion *criterion)
{
  const ScsRequirement *requirement = criterion->requirement;
  const ScsCategory *category = requirement->category;

  if (scs_cli_opt_json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      begin_item_json (builder, "criterion", criterion->id, criterion->level, category);
      json_builder_set_member_name (builder, "requirement");
      json_builder_begin_object (builder);
      scs_cli_json_add_string (builder, "id", requirement->id);
      scs_cli_json_add_string (builder, "title_ja", requirement->title_ja);
      scs_cli_json_add_string (builder, "title_en", requirement->title_en);
      json_builder_end_object (builder);
      scs_cli_json_add_string (builder, "text_ja", criterion->text_ja);
      scs_cli_json_add_string (builder, "text_en", criterion->text_en);
      json_builder_end_object (builder);

      scs_cli_print_json (builder);
    }
  else
    {
      g_autoptr(ScsCliTable) table = scs_cli_table_new (2);
      g_autofree char *requirement_text = g_strdup_printf ("%s %s", requirement->id,
                                                           scs_requirement_get_title (requirement));

      add_item_rows (table, _("Criterion:"), criterion->id, criterion->level, category);
      scs_cli_table_add_row (table, _("Requirement:"), requirement_text);
      scs_cli_table_print (table);
      g_print ("\n%s\n", scs_criterion_get_text (criterion));
    }

  return SCS_CLI_EXIT_OK;
}

static void
criterion_to_json (JsonBuilder   *builder,
                   gconstpointer  item)
{
  const ScsCriterion *criterion = item;

  scs_cli_json_add_string (builder, "id", criterion->id);
  scs_cli_json_add_int (builder, "level", criterion->level);
  scs_cli_json_add_string (builder, "text_ja", criterion->text_ja);
  scs_cli_json_add_string (builder, "text_en", criterion->text_en);
}

static int
show_requirement (const ScsRequirement *requirement)
{
  const ScsCategory *category = requirement->category;

  if (scs_cli_opt_json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      begin_item_json (builder, "requirement", requirement->id, requirement->level, category);
      scs_cli_json_add_string (builder, "title_ja", requirement->title_ja);
      scs_cli_json_add_string (builder, "title_en", requirement->title_en);
      scs_cli_json_add_boolean (builder, "criteria_known", requirement->criteria_known);
      scs_cli_json_add_objects (builder, "criteria", requirement->criteria, criterion_to_json);
      json_builder_end_object (builder);

      scs_cli_print_json (builder);
    }
  else
    {
      g_autoptr(ScsCliTable) table = scs_cli_table_new (2);

      add_item_rows (table, _("Requirement:"), requirement->id, requirement->level, category);
      scs_cli_table_add_row (table, _("Title:"), scs_requirement_get_title (requirement));
      scs_cli_table_print (table);
      g_print ("\n");

      if (!requirement->criteria_known)
        g_print ("%s\n", _("The criteria of this requirement are not public: import the official "
                           "IPA workbook to get them."));

      for (guint i = 0; i < requirement->criteria->len; i++)
        {
          const ScsCriterion *criterion = g_ptr_array_index (requirement->criteria, i);
          g_autofree char *criterion_level = scs_cli_level_label (criterion->level);

          g_print ("%s (%s)\n  %s\n", criterion->id, criterion_level,
                   scs_criterion_get_text (criterion));
        }
    }

  return SCS_CLI_EXIT_OK;
}

int
scs_cli_catalog_show (const ScsCliCommand *command,
                      int                  argc,
                      char               **argv)
{
  g_autoptr(ScsCatalog) catalog = NULL;
  const ScsCriterion *criterion;
  const ScsRequirement *requirement;
  const char *id;

  if (!scs_cli_parse_arguments (command, scs_cli_json_entries, FALSE, &argc, &argv, 1, 2))
    return SCS_CLI_EXIT_USAGE;

  /* `catalog show [CATALOG] ID`: the built-in catalog without a file. */
  catalog = argc > 2 ? scs_cli_load_catalog (argv[1]) : scs_catalog_new_builtin ();
  if (catalog == NULL)
    return SCS_CLI_EXIT_USAGE;
  if (argc > 2)
    argv++;
  id = argv[1];
  /* Texts say "No.4-1-3-3": accept IDs pasted that way. */
  if (g_str_has_prefix (id, "No."))
    id += strlen ("No.");

  criterion = scs_catalog_lookup_criterion (catalog, id);
  if (criterion != NULL)
    return show_criterion (criterion);

  requirement = scs_catalog_lookup_requirement (catalog, id);
  if (requirement != NULL)
    return show_requirement (requirement);

  return scs_cli_error (_("‘%s’ is neither a requirement nor a criterion of the catalog ‘%s’"),
                        argv[1], scs_catalog_get_id (catalog));
}

static int opt_level = 4;

static const GOptionEntry list_entries[] = {
  { "level", 0, 0, G_OPTION_ARG_INT, &opt_level,
    N_("Only criteria of this level or below, 3 or 4 (default 4: all)"), N_("LEVEL") },
  { "json", 0, 0, G_OPTION_ARG_NONE, &scs_cli_opt_json, N_("Print JSON for scripts"), NULL },
  { NULL }
};

int
scs_cli_catalog_list (const ScsCliCommand *command,
                      int                  argc,
                      char               **argv)
{
  g_autoptr(ScsCatalog) catalog = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  const GPtrArray *criteria;

  if (!scs_cli_parse_arguments (command, list_entries, FALSE, &argc, &argv, 0, 0))
    return SCS_CLI_EXIT_USAGE;
  if (opt_level != 3 && opt_level != 4)
    return scs_cli_error (_("catalog list: --level must be 3 or 4, not %d"), opt_level);

  catalog = scs_catalog_new_builtin ();
  criteria = scs_catalog_get_criteria (catalog);

  if (scs_cli_opt_json)
    {
      builder = json_builder_new ();
      json_builder_begin_object (builder);
      scs_cli_json_add_string (builder, "catalog", scs_catalog_get_id (catalog));
      json_builder_set_member_name (builder, "criteria");
      json_builder_begin_array (builder);
    }

  for (guint i = 0; i < criteria->len; i++)
    {
      const ScsCriterion *criterion = g_ptr_array_index (criteria, i);

      if (criterion->level > (guint) opt_level)
        continue;

      if (builder != NULL)
        {
          json_builder_begin_object (builder);
          scs_cli_json_add_string (builder, "id", criterion->id);
          scs_cli_json_add_int (builder, "level", criterion->level);
          scs_cli_json_add_string (builder, "requirement", criterion->requirement->id);
          scs_cli_json_add_int (builder, "category", criterion->requirement->category->number);
          scs_cli_json_add_string (builder, "text_ja", criterion->text_ja);
          scs_cli_json_add_string (builder, "text_en", criterion->text_en);
          json_builder_end_object (builder);
        }
      else
        {
          g_autofree char *level = scs_cli_level_label (criterion->level);

          g_print ("%s  %s  %s\n", criterion->id, level, scs_criterion_get_text (criterion));
        }
    }

  if (builder != NULL)
    {
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      scs_cli_print_json (builder);
    }

  return SCS_CLI_EXIT_OK;
}

int
scs_cli_catalog_validate (const ScsCliCommand *command,
                          int                  argc,
                          char               **argv)
{
  g_autoptr(ScsCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;

  if (!scs_cli_parse_arguments (command, scs_cli_json_entries, FALSE, &argc, &argv, 1, 1))
    return SCS_CLI_EXIT_USAGE;

  catalog = scs_catalog_new_from_file (argv[1], &error);
  if (catalog == NULL)
    {
      int status = scs_cli_report (error);

      /* An unreadable file is bad input; a readable catalog that breaks the
       * schema or its rules is a failed check. */
      return g_error_matches (error, SCS_CATALOG_ERROR, SCS_CATALOG_ERROR_PARSE) ||
             g_error_matches (error, SCS_CATALOG_ERROR, SCS_CATALOG_ERROR_INVALID)
             ? SCS_CLI_EXIT_CHECK_FAILED : status;
    }

  if (scs_cli_opt_json)
    print_catalog_json (catalog);
  else
    {
      g_print (_("‘%s’ is a valid catalog.\n\n"), argv[1]);
      print_catalog_human (catalog);
    }

  return SCS_CLI_EXIT_OK;
}
