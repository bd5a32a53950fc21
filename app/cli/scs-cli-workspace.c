/* scs-cli-workspace.c: `scs-cli info|answer|status|audit`
 *
 * The workspace subcommands. Each opens the .scsw, does one thing through the
 * core API (every change is its own durable transaction there, with its audit
 * entry) and closes it again, so a command that returned 0 has its change on
 * disk. Input is checked here first where the CLI can name the option at
 * fault (`na` without --reason, an unknown criterion ID); the core checks again and refuses with
 * the file untouched, and its message is printed as it is.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "scs-cli-private.h"
#include "scs-i18n.h"
#include "scs-migration.h"
#include "scs-text.h"


static char *
format_cycle (guint cycle)
{
  if (cycle == 0)
    return g_strdup (_("initial"));

  /* Translators: the n-th renewal of the assessment */
  return g_strdup_printf (_("renewal %u"), cycle);
}

/* ---- info --------------------------------------------------------------- */

static guint
count_evidence (ScsWorkspace *workspace,
                GError      **error)
{
  g_autoptr(GPtrArray) evidence = scs_workspace_list_evidence (workspace, NULL, error);

  return evidence != NULL ? evidence->len : G_MAXUINT;
}

int
scs_cli_info (const ScsCliCommand *command,
              int                  argc,
              char               **argv)
{
  g_autoptr(ScsWorkspace) workspace = NULL;
  g_autoptr(ScsOrganization) org = NULL;
  g_autoptr(GError) error = NULL;
  ScsCatalog *catalog;
  ScsProgress progress;
  guint level, n_evidence;

  workspace = scs_cli_parse_and_open (command, scs_cli_json_entries, FALSE, &argc, &argv);
  if (workspace == NULL)
    return SCS_CLI_EXIT_USAGE;

  org = scs_workspace_dup_organization (workspace);
  catalog = scs_workspace_get_catalog (workspace);
  level = scs_workspace_get_target_level (workspace);
  scs_workspace_get_progress (workspace, 0, level, &progress);
  n_evidence = count_evidence (workspace, &error);
  if (n_evidence == G_MAXUINT)
    return scs_cli_report (error);

  if (scs_cli_opt_json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      scs_cli_json_add_string (builder, "file", argv[1]);
      scs_cli_json_add_string (builder, "type",
                               scs_workspace_type_to_string (scs_workspace_get_workspace_type (workspace)));
      json_builder_set_member_name (builder, "organization");
      scs_cli_org_add_json (builder, org);
      json_builder_set_member_name (builder, "catalog");
      json_builder_begin_object (builder);
      scs_cli_json_add_string (builder, "id", scs_catalog_get_id (catalog));
      scs_cli_json_add_string (builder, "date", scs_catalog_get_date (catalog));
      scs_cli_json_add_string (builder, "sha256", scs_catalog_get_sha256 (catalog));
      json_builder_end_object (builder);
      scs_cli_json_add_int (builder, "target_level", level);
      scs_cli_json_add_int (builder, "cycle", scs_workspace_get_cycle (workspace));
      scs_cli_json_add_string (builder, "created", scs_workspace_get_created (workspace));
      json_builder_set_member_name (builder, "answers");
      json_builder_begin_object (builder);
      scs_cli_json_add_progress (builder, &progress);
      json_builder_end_object (builder);
      scs_cli_json_add_int (builder, "evidence", n_evidence);
      json_builder_end_object (builder);

      scs_cli_print_json (builder);
    }
  else
    {
      g_autoptr(ScsCliTable) table = scs_cli_table_new (2);
      g_autofree char *level_text = scs_cli_level_label (level);
      g_autofree char *catalog_text = g_strdup_printf ("%s (%s)", scs_catalog_get_id (catalog),
                                                       scs_catalog_get_date (catalog));
      g_autofree char *cycle = format_cycle (scs_workspace_get_cycle (workspace));
      g_autofree char *answers = NULL;
      g_autofree char *answers_label = NULL;
      g_autofree char *evidence = g_strdup_printf ("%u", n_evidence);

      /* Translators: "12 of 81 answered: 8 met, 2 not met, 2 not applicable" */
      answers = g_strdup_printf (_("%u of %u answered: %u met, %u not met, %u not applicable"),
                                 progress.total - progress.counts[SCS_ANSWER_UNANSWERED],
                                 progress.total,
                                 progress.counts[SCS_ANSWER_MET],
                                 progress.counts[SCS_ANSWER_NOT_MET],
                                 progress.counts[SCS_ANSWER_NOT_APPLICABLE]);
      /* Translators: "Answers (★3):" */
      answers_label = g_strdup_printf (_("Answers (%s):"), level_text);

      scs_cli_table_add_row (table, _("File:"), argv[1]);
      scs_cli_table_add_row (table, _("Type:"),
                             scs_workspace_type_get_label (scs_workspace_get_workspace_type (workspace)));
      scs_cli_org_add_rows (table, org);
      scs_cli_table_add_row (table, _("Catalog:"), catalog_text);
      scs_cli_table_add_row (table, _("Catalog SHA-256:"), scs_catalog_get_sha256 (catalog));
      scs_cli_table_add_row (table, _("Target level:"), level_text);
      scs_cli_table_add_row (table, _("Cycle:"), cycle);
      scs_cli_table_add_row (table, _("Created:"), scs_workspace_get_created (workspace));
      scs_cli_table_add_row (table, answers_label, answers);
      scs_cli_table_add_row (table, _("Evidence files:"), evidence);
      scs_cli_table_print (table);
    }

  return SCS_CLI_EXIT_OK;
}

/* ---- answer ------------------------------------------------------------- */

static char *opt_note = NULL;
static char *opt_note_from = NULL;
static char *opt_reason = NULL;
static gint64 opt_if_version = -1;

static const GOptionEntry answer_entries[] = {
  { "if-version", 0, 0, G_OPTION_ARG_INT64, &opt_if_version,
    N_("Change the answer only if it is still at this version (from --json); "
       "otherwise report the newer answer and change nothing"), N_("N") },
  { "note", 0, 0, G_OPTION_ARG_STRING, &opt_note,
    N_("Note on how the criterion is met (an empty string clears it)"), N_("TEXT") },
  { "note-from", 0, 0, G_OPTION_ARG_FILENAME, &opt_note_from,
    N_("Take the note from this file (UTF-8 text), e.g. one too long for the command line"), N_("FILE") },
  { "reason", 0, 0, G_OPTION_ARG_STRING, &opt_reason,
    N_("Why the criterion does not apply (required for na unless already stored)"), N_("TEXT") },
  { "json", 0, 0, G_OPTION_ARG_NONE, &scs_cli_opt_json, N_("Print the stored answer as JSON"), NULL },
  { NULL }
};

int
scs_cli_answer (const ScsCliCommand *command,
                int                  argc,
                char               **argv)
{
  g_autoptr(ScsWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *note_text = NULL;
  const char *note;
  ScsAnswerState state;
  ScsAnswer *answer;
  const char *id;

  if (!scs_cli_parse_arguments (command, answer_entries, TRUE, &argc, &argv, 3, 3))
    return SCS_CLI_EXIT_USAGE;
  id = argv[2];
  if (opt_note != NULL && opt_note_from != NULL)
    return scs_cli_error (_("answer: give the note with --note or --note-from, not both"));
  note = opt_note;
  if (opt_note_from != NULL)
    {
      if (!g_file_get_contents (opt_note_from, &note_text, NULL, &error))
        return scs_cli_report (error);
      note = note_text;
    }

  if (!scs_answer_state_from_string (argv[3], &state))
    return scs_cli_error (_("answer: unknown answer ‘%s’: use met, not-met, na or unanswered"), argv[3]);

  workspace = scs_cli_open_workspace (argv[1]);
  if (workspace == NULL)
    return SCS_CLI_EXIT_USAGE;

  if (!scs_cli_check_criterion (scs_workspace_get_catalog (workspace), id))
    return SCS_CLI_EXIT_USAGE;
  answer = scs_workspace_lookup_answer (workspace, id);
  if (answer == NULL)
    return scs_cli_error (_("Criterion ‘%s’ cannot be answered in ‘%s’"), id, argv[1]);

  if (state == SCS_ANSWER_NOT_APPLICABLE &&
      scs_text_is_blank (opt_reason) && scs_text_is_blank (scs_answer_get_reason (answer)))
    return scs_cli_error (_("Criterion ‘%s’: not applicable (na) needs a reason; give one with --reason"), id);

  /* A conflict (the answer changed after it was read) changes nothing. */
  if (!(opt_if_version >= 0
        ? scs_workspace_set_answer_if (workspace, id, opt_if_version, state, note, opt_reason, &error)
        : scs_workspace_set_answer (workspace, id, state, note, opt_reason, &error)))
    return scs_cli_report (error);

  if (scs_cli_opt_json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      scs_cli_json_add_string (builder, "criterion", id);
      scs_cli_json_add_string (builder, "state", scs_answer_state_to_string (scs_answer_get_state (answer)));
      scs_cli_json_add_string (builder, "note", scs_answer_get_note (answer));
      scs_cli_json_add_string (builder, "reason", scs_answer_get_reason (answer));
      scs_cli_json_add_string (builder, "author", scs_answer_get_author (answer));
      scs_cli_json_add_string (builder, "updated", scs_answer_get_updated (answer));
      scs_cli_json_add_int (builder, "version", scs_answer_get_version (answer));
      json_builder_end_object (builder);

      scs_cli_print_json (builder);
    }
  else
    {
      /* Translators: "1-2-1-1: met" with the translated answer */
      g_print (_("%s: %s\n"), id, scs_answer_state_get_label (scs_answer_get_state (answer)));
    }

  return SCS_CLI_EXIT_OK;
}

/* ---- status ------------------------------------------------------------- */

static void
add_progress_row (ScsCliTable       *table,
                  const char        *number,
                  const char        *label,
                  const ScsProgress *progress)
{
  g_autofree char *total = g_strdup_printf ("%u", progress->total);
  g_autofree char *unanswered = g_strdup_printf ("%u", progress->counts[SCS_ANSWER_UNANSWERED]);
  g_autofree char *met = g_strdup_printf ("%u", progress->counts[SCS_ANSWER_MET]);
  g_autofree char *not_met = g_strdup_printf ("%u", progress->counts[SCS_ANSWER_NOT_MET]);
  g_autofree char *na = g_strdup_printf ("%u", progress->counts[SCS_ANSWER_NOT_APPLICABLE]);

  scs_cli_table_add_row (table, number, label, total, unanswered, met, not_met, na);
}

static char *
describe_readiness (ScsWorkspace      *workspace,
                    guint              level,
                    const ScsProgress *progress)
{
  ScsCatalog *catalog = scs_workspace_get_catalog (workspace);
  g_autofree char *level_text = scs_cli_level_label (level);
  guint remaining = progress->total - progress->satisfied;

  if (scs_workspace_is_ready (workspace, level))
    /* Translators: "Ready for ★3: yes" */
    return g_strdup_printf (_("Ready for %s: yes"), level_text);

  if (!scs_catalog_criteria_complete (catalog, level))
    /* Translators: "Ready for ★4: no — …" */
    return g_strdup_printf (_("Ready for %s: no — the catalog ‘%s’ does not contain the %s criteria; "
                              "import the official IPA workbook to assess %s"),
                            level_text, scs_catalog_get_id (catalog), level_text, level_text);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Ready for %s: no — %u of %u criteria is not yet met or justified as not applicable",
                                       "Ready for %s: no — %u of %u criteria are not yet met or justified as not applicable",
                                       remaining),
                          level_text, remaining, progress->total);
}

static void
add_level_json (JsonBuilder  *builder,
                ScsWorkspace *workspace,
                guint         level)
{
  ScsProgress progress;

  scs_workspace_get_progress (workspace, 0, level, &progress);

  json_builder_begin_object (builder);
  scs_cli_json_add_progress (builder, &progress);
  scs_cli_json_add_int (builder, "remaining", progress.total - progress.satisfied);
  scs_cli_json_add_boolean (builder, "criteria_complete",
                            scs_catalog_criteria_complete (scs_workspace_get_catalog (workspace), level));
  scs_cli_json_add_boolean (builder, "ready", scs_workspace_is_ready (workspace, level));
  json_builder_end_object (builder);
}

int
scs_cli_status (const ScsCliCommand *command,
                int                  argc,
                char               **argv)
{
  g_autoptr(ScsWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) reconfirm = NULL;
  ScsCatalog *catalog;
  guint target;

  workspace = scs_cli_parse_and_open (command, scs_cli_json_entries, FALSE, &argc, &argv);
  if (workspace == NULL)
    return SCS_CLI_EXIT_USAGE;
  reconfirm = scs_migration_list_reconfirm (workspace, &error);
  if (reconfirm == NULL)
    return scs_cli_report (error);

  catalog = scs_workspace_get_catalog (workspace);
  target = scs_workspace_get_target_level (workspace);

  if (scs_cli_opt_json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      scs_cli_json_add_string (builder, "file", argv[1]);
      scs_cli_json_add_string (builder, "type",
                               scs_workspace_type_to_string (scs_workspace_get_workspace_type (workspace)));
      scs_cli_json_add_int (builder, "target_level", target);

      /* Per category, the criteria the workspace works towards. */
      json_builder_set_member_name (builder, "categories");
      json_builder_begin_array (builder);
      for (guint i = 0; i < scs_catalog_get_n_categories (catalog); i++)
        {
          const ScsCategory *category = scs_catalog_get_category (catalog, i + 1);
          ScsProgress progress;

          if (category == NULL)
            continue;
          scs_workspace_get_progress (workspace, category->number, target, &progress);

          json_builder_begin_object (builder);
          scs_cli_json_add_int (builder, "number", category->number);
          scs_cli_json_add_string (builder, "title", scs_category_get_title (category));
          scs_cli_json_add_string (builder, "title_ja", category->title_ja);
          scs_cli_json_add_string (builder, "title_en", category->title_en);
          scs_cli_json_add_progress (builder, &progress);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);

      json_builder_set_member_name (builder, "levels");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "3");
      add_level_json (builder, workspace, 3);
      json_builder_set_member_name (builder, "4");
      add_level_json (builder, workspace, 4);
      json_builder_end_object (builder);

      scs_cli_json_add_boolean (builder, "ready_star3", scs_workspace_is_ready (workspace, 3));
      scs_cli_json_add_boolean (builder, "ready_star4", scs_workspace_is_ready (workspace, 4));
      /* Answers carried over to re-worded or re-levelled criteria that
       * nobody has re-confirmed yet: they block signing. */
      json_builder_set_member_name (builder, "reconfirm");
      json_builder_begin_array (builder);
      for (guint i = 0; reconfirm[i] != NULL; i++)
        json_builder_add_string_value (builder, reconfirm[i]);
      json_builder_end_array (builder);
      json_builder_end_object (builder);

      scs_cli_print_json (builder);
    }
  else
    {
      g_autoptr(ScsOrganization) org = scs_workspace_dup_organization (workspace);
      g_autoptr(ScsCliTable) table = scs_cli_table_new (7);
      g_autofree char *target_text = scs_cli_level_label (target);
      g_autofree char *star3 = scs_cli_level_label (3);
      g_autofree char *star4 = scs_cli_level_label (4);
      g_autofree char *ready3 = NULL;
      g_autofree char *ready4 = NULL;
      ScsProgress progress3, progress4;

      scs_workspace_get_progress (workspace, 0, 3, &progress3);
      scs_workspace_get_progress (workspace, 0, 4, &progress4);

      if (scs_workspace_get_workspace_type (workspace) != SCS_WORKSPACE_TYPE_SCS)
        g_print ("%s — %s\n", argv[1],
                 scs_workspace_type_get_label (scs_workspace_get_workspace_type (workspace)));
      g_print (_("%s — %s, target %s\n\n"), argv[1], org->name, target_text);

      scs_cli_table_add_row (table, _("No."), _("Category"), _("Total"), _("Unanswered"),
                             _("Met"), _("Not met"), _("N/A"));
      for (guint c = 0; c < 7; c++)
        if (c != 1)
          scs_cli_table_set_right (table, c);
      scs_cli_table_add_rule (table);
      for (guint i = 0; i < scs_catalog_get_n_categories (catalog); i++)
        {
          const ScsCategory *category = scs_catalog_get_category (catalog, i + 1);
          g_autofree char *number = NULL;
          ScsProgress progress;

          if (category == NULL)
            continue;
          scs_workspace_get_progress (workspace, category->number, target, &progress);
          number = g_strdup_printf ("%u", category->number);
          add_progress_row (table, number, scs_category_get_title (category), &progress);
        }
      scs_cli_table_add_rule (table);
      add_progress_row (table, "", star3, &progress3);
      add_progress_row (table, "", star4, &progress4);
      scs_cli_table_print (table);

      ready3 = describe_readiness (workspace, 3, &progress3);
      ready4 = describe_readiness (workspace, 4, &progress4);
      g_print ("\n%s\n%s\n", ready3, ready4);
      if (reconfirm[0] != NULL)
        {
          g_autofree char *list = g_strjoinv (", ", reconfirm);
          guint n = g_strv_length (reconfirm);

          g_print (g_dngettext (GETTEXT_PACKAGE,
                                "%u answer waits for re-confirmation after the catalog change (signing is blocked until it is confirmed): %s\n",
                                "%u answers wait for re-confirmation after the catalog change (signing is blocked until they are confirmed): %s\n",
                                n),
                   n, list);
        }
    }

  return SCS_CLI_EXIT_OK;
}

/* ---- audit -------------------------------------------------------------- */

static int opt_limit = 0;

static const GOptionEntry audit_entries[] = {
  { "limit", 0, 0, G_OPTION_ARG_INT, &opt_limit, N_("Show only the newest N entries"), N_("N") },
  { "json", 0, 0, G_OPTION_ARG_NONE, &scs_cli_opt_json, N_("Print JSON for scripts"), NULL },
  { NULL }
};

/* One line of at most @max columns, for a table cell. */
static char *
shorten (const char *text,
         guint       max)
{
  g_autoptr(GString) result = g_string_new (NULL);
  guint width = 0;

  if (text == NULL)
    return g_strdup ("");

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      guint w = g_unichar_iswide (c) ? 2 : 1;

      if (c == '\n' || c == '\t' || c == '\r')
        c = ' ';
      if (width + w > max - 1)
        {
          g_string_append (result, "…");
          break;
        }
      g_string_append_unichar (result, c);
      width += w;
    }

  return g_string_free (g_steal_pointer (&result), FALSE);
}

static void
audit_entry_to_json (JsonBuilder   *builder,
                     gconstpointer  item)
{
  const ScsAuditEntry *entry = item;

  scs_cli_json_add_int (builder, "id", entry->id);
  scs_cli_json_add_string (builder, "time", entry->time);
  scs_cli_json_add_string (builder, "actor", entry->actor);
  scs_cli_json_add_string (builder, "action", entry->action);
  scs_cli_json_add_string (builder, "target", entry->target);
  scs_cli_json_add_string (builder, "old", entry->old_value);
  scs_cli_json_add_string (builder, "new", entry->new_value);
}

int
scs_cli_audit (const ScsCliCommand *command,
               int                  argc,
               char               **argv)
{
  g_autoptr(ScsWorkspace) workspace = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;

  if (!scs_cli_parse_arguments (command, audit_entries, FALSE, &argc, &argv, 1, 1))
    return SCS_CLI_EXIT_USAGE;
  if (opt_limit < 0)
    return scs_cli_error (_("audit: --limit must be 0 (all) or more, not %d"), opt_limit);

  workspace = scs_cli_open_workspace (argv[1]);
  if (workspace == NULL)
    return SCS_CLI_EXIT_USAGE;

  entries = scs_workspace_list_audit (workspace, opt_limit, &error);
  if (entries == NULL)
    return scs_cli_report (error);

  if (scs_cli_opt_json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      scs_cli_json_add_string (builder, "file", argv[1]);
      scs_cli_json_add_objects (builder, "entries", entries, audit_entry_to_json);
      json_builder_end_object (builder);

      scs_cli_print_json (builder);
    }
  else
    {
      g_autoptr(ScsCliTable) table = scs_cli_table_new (5);

      scs_cli_table_add_row (table, _("Time"), _("Actor"), _("Action"), _("Target"), _("Change"));
      scs_cli_table_add_rule (table);
      for (guint i = 0; i < entries->len; i++)
        {
          const ScsAuditEntry *entry = g_ptr_array_index (entries, i);
          g_autofree char *old_value = shorten (entry->old_value, 24);
          g_autofree char *new_value = shorten (entry->new_value, 32);
          g_autofree char *target = shorten (entry->target, 20);
          g_autofree char *change = NULL;

          if (entry->old_value != NULL && entry->new_value != NULL)
            change = g_strdup_printf ("%s → %s", old_value, new_value);
          else
            change = g_strdup (entry->new_value != NULL ? new_value : old_value);

          scs_cli_table_add_row (table, entry->time, entry->actor, entry->action, target, change);
        }
      scs_cli_table_print (table);
    }

  return SCS_CLI_EXIT_OK;
}
