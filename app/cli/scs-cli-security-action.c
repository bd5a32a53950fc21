/* scs-cli-security-action.c: `scs-cli sa …`, SECURITY ACTION workspaces
 *
 * sa pledge   FILE [--date YYYY-MM-DD] [--items 1,2,…|none]   the ★1 pledge
 *                             (default: all five items); shows it
 * sa answer   FILE NUMBER done|partly|not-done|dont-know|na|unanswered
 * sa check    FILE [--json]   the ★2 self-check: answers, score, band, and
 *                             the "don't know" answers to follow up
 * sa declare  FILE --level 1|2 [--id ID] [--date YYYY-MM-DD] [--policy-url URL]
 *
 * Bad input (a number out of range, an unknown answer, an ID that is not
 * 11 digits, another type of workspace) exits 2 with nothing written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>

#include <glib/gi18n-lib.h>

#include "scs-cli-private.h"
#include "scs-i18n.h"
#include "scs-security-action.h"

static gboolean
set_answer (ScsWorkspace        *workspace,
            const char * const  *keys,
            const char          *word,
            GError             **error)
{
  ScsSaAnswer answer = SCS_SA_ANSWER_NONE;
  guint64 number;

  if (!g_ascii_string_to_unsigned (keys[0], 10, 1, SCS_SECURITY_ACTION_N_QUESTIONS, &number, NULL))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("sa answer: the question number must be 1 to %u, not ‘%s’"),
                   SCS_SECURITY_ACTION_N_QUESTIONS, keys[0]);
      return FALSE;
    }
  if (word != NULL)
    scs_sa_answer_from_string (word, &answer);
  return scs_security_action_set_answer (workspace, (guint) number, answer, error);
}

int
scs_cli_sa_answer (const ScsCliCommand *command,
                   int                  argc,
                   char               **argv)
{
  static const char * const words[] = { "done", "partly", "not-done", "dont-know", "na", NULL };

  return scs_cli_items_answer (command, NULL, argc, argv, 1, words, set_answer);
}

int
scs_cli_sa_check (const ScsCliCommand *command,
                  int                  argc,
                  char               **argv)
{
  g_autoptr(ScsWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  ScsSaAnswer answers[SCS_SECURITY_ACTION_N_QUESTIONS];
  ScsSaScore score;

  if (!scs_cli_parse_arguments (command, scs_cli_json_entries, FALSE, &argc, &argv, 1, 1))
    return SCS_CLI_EXIT_USAGE;

  workspace = scs_cli_open_workspace (argv[1]);
  if (workspace == NULL)
    return SCS_CLI_EXIT_USAGE;
  if (!scs_security_action_get_answers (workspace, answers, &error))
    return scs_cli_report (error);
  scs_sa_score (answers, &score);

  if (scs_cli_opt_json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      scs_cli_json_add_string (builder, "texts", scs_security_action_get_texts_id ());
      scs_cli_json_add_int (builder, "total", score.total);
      scs_cli_json_add_string (builder, "band", scs_sa_band_to_string (score.band));
      scs_cli_json_add_int (builder, "unanswered", score.n_unanswered);
      scs_cli_json_add_int (builder, "not_applicable", score.n_not_applicable);
      json_builder_set_member_name (builder, "follow_up");
      json_builder_begin_array (builder);
      for (guint i = 0; i < SCS_SECURITY_ACTION_N_QUESTIONS; i++)
        if (answers[i] == SCS_SA_ANSWER_DONT_KNOW)
          json_builder_add_int_value (builder, i + 1);
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "answers");
      json_builder_begin_array (builder);
      for (guint i = 0; i < SCS_SECURITY_ACTION_N_QUESTIONS; i++)
        {
          json_builder_begin_object (builder);
          scs_cli_json_add_int (builder, "number", i + 1);
          scs_cli_json_add_int (builder, "group", scs_security_action_get_question_group (i + 1));
          json_builder_set_member_name (builder, "answer");
          if (answers[i] == SCS_SA_ANSWER_NONE)
            json_builder_add_null_value (builder);
          else
            json_builder_add_string_value (builder, scs_sa_answer_to_string (answers[i]));
          scs_cli_json_add_int (builder, "points", scs_sa_answer_get_points (answers[i]));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      scs_cli_print_json (builder);
    }
  else
    {
      g_autoptr(ScsCliTable) table = scs_cli_table_new (3);
      guint group = 0;

      scs_cli_table_set_right (table, 0);
      for (guint i = 0; i < SCS_SECURITY_ACTION_N_QUESTIONS; i++)
        {
          g_autofree char *number = g_strdup_printf ("%u", i + 1);

          if (scs_security_action_get_question_group (i + 1) != group)
            {
              group = scs_security_action_get_question_group (i + 1);
              scs_cli_table_add_rule (table);
              scs_cli_table_add_row (table, "", scs_security_action_get_group_title (group), "");
            }
          scs_cli_table_add_row (table, number, scs_security_action_get_question (i + 1),
                                 scs_sa_answer_get_label (answers[i]));
        }
      scs_cli_table_print (table);

      g_print ("\n");
      /* Translators: the self-check's total, e.g. "Score: 74 of 100" */
      g_print (_("Score: %d of 100\n"), score.total);
      g_print ("%s — %s\n", scs_sa_band_get_label (score.band), scs_sa_band_get_next_step (score.band));
      if (score.n_dont_know > 0)
        {
          g_print (_("To follow up (answered “don’t know”):"));
          for (guint i = 0; i < SCS_SECURITY_ACTION_N_QUESTIONS; i++)
            if (answers[i] == SCS_SA_ANSWER_DONT_KNOW)
              g_print (" %u", i + 1);
          g_print ("\n");
        }
    }

  return SCS_CLI_EXIT_OK;
}

static char *opt_pledge_date = NULL;
static char *opt_pledge_items = NULL;

static const GOptionEntry pledge_entries[] = {
  { "date", 0, 0, G_OPTION_ARG_STRING, &opt_pledge_date, N_("The date of the pledge"), N_("YYYY-MM-DD") },
  { "items", 0, 0, G_OPTION_ARG_STRING, &opt_pledge_items,
    N_("The basic items pledged, e.g. 1,2,3,4,5 (default: all), or none"), N_("LIST") },
  { NULL }
};

int
scs_cli_sa_pledge (const ScsCliCommand *command,
                   int                  argc,
                   char               **argv)
{
  g_autoptr(ScsWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL;
  guint n = scs_security_action_get_n_pledge_items ();
  g_autofree gboolean *wanted = g_new0 (gboolean, n);
  g_autofree gboolean *items = g_new0 (gboolean, n);

  if (!scs_cli_parse_arguments (command, pledge_entries, TRUE, &argc, &argv, 1, 1))
    return SCS_CLI_EXIT_USAGE;
  if (opt_pledge_items == NULL)
    for (guint i = 0; i < n; i++)
      wanted[i] = TRUE;
  else if (!g_str_equal (opt_pledge_items, "none"))
    {
      g_auto(GStrv) numbers = g_strsplit (opt_pledge_items, ",", -1);

      for (guint i = 0; numbers[i] != NULL; i++)
        {
          guint64 number;

          if (!g_ascii_string_to_unsigned (g_strstrip (numbers[i]), 10, 1, n, &number, NULL))
            return scs_cli_error (_("sa pledge: --items lists item numbers 1 to %u, not ‘%s’"),
                                  n, numbers[i]);
          wanted[number - 1] = TRUE;
        }
    }

  workspace = scs_cli_open_workspace (argv[1]);
  if (workspace == NULL)
    return SCS_CLI_EXIT_USAGE;
  if (opt_pledge_date != NULL && !scs_security_action_set_pledge_date (workspace, opt_pledge_date, &error))
    return scs_cli_report (error);
  for (guint i = 0; i < n; i++)
    if (!scs_security_action_set_pledge_item (workspace, i + 1, wanted[i], &error))
      return scs_cli_report (error);
  if (!scs_security_action_get_pledge (workspace, items, &date, &error))
    return scs_cli_report (error);

  /* Translators: the ★1 pledge (a declaration of intent, not a certification) */
  g_print (_("SECURITY ACTION ★1 pledge, dated %s:\n"), date != NULL ? date : "-");
  for (guint i = 0; i < n; i++)
    g_print ("  [%s] %u. %s\n", items[i] ? "x" : " ", i + 1, scs_security_action_get_pledge_item (i + 1));
  return SCS_CLI_EXIT_OK;
}

static int opt_level = 0;
static char *opt_id = NULL;
static char *opt_date = NULL;
static char *opt_policy_url = NULL;

static const GOptionEntry declare_entries[] = {
  { "level", 0, 0, G_OPTION_ARG_INT, &opt_level, N_("The level declared, 1 or 2 (required)"), N_("LEVEL") },
  { "id", 0, 0, G_OPTION_ARG_STRING, &opt_id, N_("The 11-digit declaration ID IPA sent"), N_("ID") },
  { "date", 0, 0, G_OPTION_ARG_STRING, &opt_date, N_("The date of the declaration"), N_("YYYY-MM-DD") },
  { "policy-url", 0, 0, G_OPTION_ARG_STRING, &opt_policy_url,
    N_("Where the basic policy is published (★2)"), N_("URL") },
  { NULL }
};

int
scs_cli_sa_declare (const ScsCliCommand *command,
                    int                  argc,
                    char               **argv)
{
  g_autoptr(ScsWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  ScsSaDeclaration declaration = { 0 };

  if (!scs_cli_parse_arguments (command, declare_entries, TRUE, &argc, &argv, 1, 1))
    return SCS_CLI_EXIT_USAGE;
  if (opt_level != 1 && opt_level != 2)
    return scs_cli_error (_("sa declare: --level must be 1 or 2"));

  workspace = scs_cli_open_workspace (argv[1]);
  if (workspace == NULL)
    return SCS_CLI_EXIT_USAGE;

  declaration.declaration_id = opt_id;
  declaration.declared = opt_date;
  declaration.level = (guint) opt_level;
  declaration.policy_url = opt_policy_url;
  if (!scs_security_action_set_declaration (workspace, &declaration, &error))
    return scs_cli_report (error);

  /* Translators: a self-declaration, never a certification */
  g_print (_("Recorded the SECURITY ACTION ★%d self-declaration.\n"), opt_level);
  return SCS_CLI_EXIT_OK;
}

static char *opt_company = NULL;
static char *opt_representative = NULL;
static char *opt_adopted = NULL;
static char *opt_revised = NULL;
static char *opt_out = NULL;
static char *opt_lang = NULL;

static const GOptionEntry policy_entries[] = {
  { "company", 0, 0, G_OPTION_ARG_STRING, &opt_company,
    N_("Company name under the policy (default: the organisation’s name)"), N_("NAME") },
  { "representative", 0, 0, G_OPTION_ARG_STRING, &opt_representative,
    N_("Representative’s title and name"), N_("NAME") },
  { "adopted", 0, 0, G_OPTION_ARG_STRING, &opt_adopted, N_("Date the policy was adopted"), N_("YYYY-MM-DD") },
  { "revised", 0, 0, G_OPTION_ARG_STRING, &opt_revised, N_("Date the policy was last revised"), N_("YYYY-MM-DD") },
  { "out", 0, 0, G_OPTION_ARG_FILENAME, &opt_out, N_("Write the policy as PDF for publication"), N_("POLICY.pdf") },
  { "lang", 0, 0, G_OPTION_ARG_STRING, &opt_lang, N_("Language of the PDF: ja (default) or en"), N_("LANG") },
  { NULL }
};

int
scs_cli_sa_policy (const ScsCliCommand *command,
                   int                  argc,
                   char               **argv)
{
  g_autoptr(ScsWorkspace) workspace = NULL;
  g_autoptr(ScsSaPolicy) policy = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;

  if (!scs_cli_parse_arguments (command, policy_entries, TRUE, &argc, &argv, 1, 1))
    return SCS_CLI_EXIT_USAGE;
  if (opt_lang != NULL && !g_str_equal (opt_lang, "ja") && !g_str_equal (opt_lang, "en"))
    return scs_cli_error (_("Unknown report language ‘%s’: use ja or en"), opt_lang);

  workspace = scs_cli_open_workspace (argv[1]);
  if (workspace == NULL)
    return SCS_CLI_EXIT_USAGE;

  policy = scs_security_action_get_policy (workspace, &error);
  if (error != NULL)
    return scs_cli_report (error);
  if (opt_company != NULL || opt_representative != NULL || opt_adopted != NULL || opt_revised != NULL)
    {
      if (policy == NULL)
        {
          g_autoptr(ScsOrganization) org = scs_workspace_dup_organization (workspace);

          policy = g_new0 (ScsSaPolicy, 1);
          policy->company = g_strdup (org->name);
        }
      if (opt_company != NULL)
        {
          g_free (policy->company);
          policy->company = g_strdup (opt_company);
        }
      if (opt_representative != NULL)
        {
          g_free (policy->representative);
          policy->representative = g_strdup (opt_representative);
        }
      if (opt_adopted != NULL)
        {
          g_free (policy->adopted);
          policy->adopted = g_strdup (opt_adopted);
        }
      if (opt_revised != NULL)
        {
          g_free (policy->revised);
          policy->revised = g_strdup (opt_revised);
        }
      if (!scs_security_action_set_policy (workspace, policy, &error))
        return scs_cli_report (error);
    }

  if (opt_out != NULL)
    {
      /* in the policy's language; without a policy the refusal comes in
       * the UI language */
      gboolean was_japanese = scs_i18n_switch (policy != NULL ? (opt_lang != NULL ? opt_lang : "ja") : NULL);

      pdf = scs_security_action_render_policy (workspace, &error);
      scs_i18n_restore (was_japanese);
      if (pdf == NULL ||
          !g_file_set_contents (opt_out, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), &error))
        return scs_cli_report (error);
      g_print (_("Wrote the basic policy %s\n"), opt_out);
    }
  return SCS_CLI_EXIT_OK;
}

int
scs_cli_sa_to_star3 (const ScsCliCommand *command,
                     int                  argc,
                     char               **argv)
{
  g_autoptr(ScsWorkspace) workspace = NULL;
  g_autoptr(ScsWorkspace) star3 = NULL;
  g_autoptr(GPtrArray) hints = NULL;
  g_autoptr(GError) error = NULL;

  if (!scs_cli_parse_arguments (command, NULL, TRUE, &argc, &argv, 2, 2))
    return SCS_CLI_EXIT_USAGE;
  if (g_file_test (argv[2], G_FILE_TEST_EXISTS))
    return scs_cli_error (_("‘%s’ already exists; scs-cli new never overwrites a file"), argv[2]);

  workspace = scs_cli_open_workspace (argv[1]);
  if (workspace == NULL)
    return SCS_CLI_EXIT_USAGE;
  star3 = scs_security_action_start_star3 (workspace, argv[2], &error);
  if (star3 == NULL)
    return scs_cli_report (error);
  hints = scs_security_action_list_onramp (star3, &error);
  if (hints == NULL)
    return scs_cli_report (error);

  g_print (_("Created the ★3 assessment ‘%s’ with the organisation of ‘%s’.\n"), argv[2], argv[1]);
  g_print (_("Related ★3 requirements (our own mapping from the self-check, not IPA’s):\n"));
  for (guint i = 0; i < hints->len; i++)
    {
      ScsSaOnrampHint *hint = g_ptr_array_index (hints, i);
      g_autoptr(GString) numbers = g_string_new (NULL);

      for (guint k = 0; hint->questions[k] != 0; k++)
        g_string_append_printf (numbers, "%s%u", k > 0 ? ", " : "", hint->questions[k]);
      /* Translators: "  4-4-4  gap — self-check 1" */
      g_print ("  %-7s %s — %s %s\n", hint->requirement_id,
               hint->gap ? _("gap") : _("in place"), _("self-check"), numbers->str);
    }
  return SCS_CLI_EXIT_OK;
}
