/* scs-cli-jcstar.c: `scs-cli jc …`, JC-STAR ★1 workspaces
 *
 * jc product FILE --name N --model M [--model M…] [--versions V] [--support-end D]
 *                 [--vdp-url U] [--vdp-contact C] [--user-contact C]
 *                 [--application-number N] [--label-number N] [--issued D] [--expires D]
 *                 [--route standard|psti|cls] [--home-gateway]
 * jc answer  FILE S1.1-NN ITEM conforms|does-not|na|unanswered [--reason TEXT]
 * jc event   FILE model|firmware DETAIL [--date D]   a new model number or a
 *                            firmware update: reopens the affected items
 *                            and drafts a change notice
 * jc notice  FILE ID [--text-from F] [--out F]   edit or export a notice
 * jc checklist FILE --out F.pdf [--lang ja|en]   the checklist as PDF
 * jc import  FILE CHECKLIST.xlsx|.csv [--map COLUMN=FIELD…]   the user's own
 *                            copy of IPA's checklist: official wording and answers
 * jc export  FILE OUT.scsp --p12 KEY.p12|--pkcs11 URI [--lang ja|en]   the
 *                            signed self-declaration (verify with scs-cli verify)
 * jc check   FILE [--json]   every requirement's status (provisional ones
 *                            marked) and the equivalence view: PSTI, CLS
 *
 * Bad input exits 2 with nothing written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "scs-cli-private.h"
#include "scs-date.h"
#include "scs-i18n.h"
#include "scs-jcstar.h"
#include "scs-signer.h"

static char *opt_name, *opt_versions, *opt_support_end, *opt_vdp_url, *opt_vdp_contact, *opt_user_contact;
static char *opt_application, *opt_label, *opt_issued, *opt_expires, *opt_route, *opt_reason;
static char **opt_models;
static gboolean opt_home_gateway;

static const GOptionEntry product_entries[] = {
  { "name", 0, 0, G_OPTION_ARG_STRING, &opt_name, N_("Product name (required)"), N_("NAME") },
  { "model", 0, 0, G_OPTION_ARG_STRING_ARRAY, &opt_models, N_("A model number (repeat for each)"), N_("MODEL") },
  { "versions", 0, 0, G_OPTION_ARG_STRING, &opt_versions, N_("Firmware/software versions assessed"), N_("TEXT") },
  { "support-end", 0, 0, G_OPTION_ARG_STRING, &opt_support_end, N_("End of the security-support period"), N_("YYYY-MM-DD") },
  { "vdp-url", 0, 0, G_OPTION_ARG_STRING, &opt_vdp_url, N_("Where the vulnerability-disclosure policy is published"), N_("URL") },
  { "vdp-contact", 0, 0, G_OPTION_ARG_STRING, &opt_vdp_contact, N_("Where to report vulnerabilities"), N_("TEXT") },
  { "user-contact", 0, 0, G_OPTION_ARG_STRING, &opt_user_contact, N_("Contact point for users"), N_("TEXT") },
  { "application-number", 0, 0, G_OPTION_ARG_STRING, &opt_application, N_("Application number from IPA"), N_("NUMBER") },
  { "label-number", 0, 0, G_OPTION_ARG_STRING, &opt_label, N_("Label number"), N_("NUMBER") },
  { "issued", 0, 0, G_OPTION_ARG_STRING, &opt_issued, N_("Label issue date"), N_("YYYY-MM-DD") },
  { "expires", 0, 0, G_OPTION_ARG_STRING, &opt_expires, N_("Label expiry date"), N_("YYYY-MM-DD") },
  { "route", 0, 0, G_OPTION_ARG_STRING, &opt_route, N_("Application route: standard (default), psti or cls"), N_("ROUTE") },
  { "home-gateway", 0, 0, G_OPTION_ARG_NONE, &opt_home_gateway, N_("The product is a home gateway or router"), NULL },
  { NULL }
};

int
scs_cli_jc_product (const ScsCliCommand *command,
                    int                  argc,
                    char               **argv)
{
  g_autoptr(ScsWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  ScsJcProduct product = { 0 };

  if (!scs_cli_parse_arguments (command, product_entries, TRUE, &argc, &argv, 1, 1))
    return SCS_CLI_EXIT_USAGE;
  if (opt_route == NULL || g_str_equal (opt_route, "standard"))
    product.route = SCS_JC_ROUTE_STANDARD;
  else if (g_str_equal (opt_route, "psti"))
    product.route = SCS_JC_ROUTE_PSTI;
  else if (g_str_equal (opt_route, "cls"))
    product.route = SCS_JC_ROUTE_CLS;
  else
    return scs_cli_error (_("jc product: --route must be standard, psti or cls, not ‘%s’"), opt_route);

  workspace = scs_cli_open_workspace (argv[1]);
  if (workspace == NULL)
    return SCS_CLI_EXIT_USAGE;
  product.name = opt_name;
  product.model_numbers = opt_models;
  product.versions = opt_versions;
  product.support_end = opt_support_end;
  product.vdp_url = opt_vdp_url;
  product.vdp_contact = opt_vdp_contact;
  product.user_contact = opt_user_contact;
  product.application_number = opt_application;
  product.label_number = opt_label;
  product.issued = opt_issued;
  product.expires = opt_expires;
  product.home_gateway = opt_home_gateway;
  if (!scs_jcstar_set_product (workspace, &product, &error))
    return scs_cli_report (error);
  return SCS_CLI_EXIT_OK;
}

static const GOptionEntry answer_entries[] = {
  { "reason", 0, 0, G_OPTION_ARG_STRING, &opt_reason, N_("Why the item does not apply (required for na)"), N_("TEXT") },
  { NULL }
};

static gboolean
set_answer (ScsWorkspace        *workspace,
            const char * const  *keys,
            const char          *word,
            GError             **error)
{
  ScsJcAnswer answer = SCS_JC_ANSWER_NONE;
  guint64 item;

  if (!g_ascii_string_to_unsigned (keys[1], 10, 1, 99, &item, NULL))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("jc answer: the item must be a number, not ‘%s’"), keys[1]);
      return FALSE;
    }
  if (word != NULL)
    scs_jc_answer_from_string (word, &answer);
  return scs_jcstar_set_answer (workspace, keys[0], (guint) item, answer, opt_reason, error);
}

int
scs_cli_jc_answer (const ScsCliCommand *command,
                   int                  argc,
                   char               **argv)
{
  static const char * const words[] = { "conforms", "does-not", "na", NULL };

  return scs_cli_items_answer (command, answer_entries, argc, argv, 2, words, set_answer);
}

static const char *
status_word (ScsJcStatus status)
{
  static const char * const words[] = { "open", "met", "not-met", "waived" };

  return words[status];
}

int
scs_cli_jc_check (const ScsCliCommand *command,
                  int                  argc,
                  char               **argv)
{
  g_autoptr(ScsWorkspace) workspace = NULL;
  g_autoptr(ScsJcProduct) product = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = scs_date_today_iso (SCS_DATE_ZONE_LOCAL);
  ScsJcStatus statuses[16];
  gboolean covers_psti;
  const char * const *cls_needed;
  guint n = scs_jcstar_get_n_requirements ();

  if (!scs_cli_parse_arguments (command, scs_cli_json_entries, FALSE, &argc, &argv, 1, 1))
    return SCS_CLI_EXIT_USAGE;
  workspace = scs_cli_open_workspace (argv[1]);
  if (workspace == NULL)
    return SCS_CLI_EXIT_USAGE;
  product = scs_jcstar_get_product (workspace, &error);
  if (error != NULL)
    return scs_cli_report (error);
  for (guint i = 0; i < n && i < G_N_ELEMENTS (statuses); i++)
    {
      statuses[i] = scs_jcstar_get_status (workspace, scs_jcstar_get_requirement (i)->id, &error);
      if (error != NULL)
        return scs_cli_report (error);
    }
  covers_psti = product != NULL && scs_jcstar_label_covers_psti (product, today);
  cls_needed = scs_jcstar_cls_still_needed (product != NULL && product->home_gateway);

  if (scs_cli_opt_json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      scs_cli_json_add_string (builder, "criteria_document", scs_jcstar_get_criteria_document ());
      json_builder_set_member_name (builder, "requirements");
      json_builder_begin_array (builder);
      for (guint i = 0; i < n; i++)
        {
          const ScsJcRequirement *r = scs_jcstar_get_requirement (i);

          json_builder_begin_object (builder);
          scs_cli_json_add_string (builder, "id", r->id);
          scs_cli_json_add_string (builder, "status", status_word (statuses[i]));
          scs_cli_json_add_boolean (builder, "provisional", r->provisional);
          scs_cli_json_add_string (builder, "cls", r->cls == SCS_JC_CLS_FULL ? "full"
                                                  : r->cls == SCS_JC_CLS_PARTIAL ? "partial" : "none");
          scs_cli_json_add_boolean (builder, "psti_exempt", r->psti_exempt);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      scs_cli_json_add_boolean (builder, "label_covers_psti", covers_psti);
      json_builder_set_member_name (builder, "cls_still_needed");
      json_builder_begin_array (builder);
      for (guint i = 0; cls_needed[i] != NULL; i++)
        json_builder_add_string_value (builder, cls_needed[i]);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      scs_cli_print_json (builder);
      return SCS_CLI_EXIT_OK;
    }

  {
    g_autoptr(ScsCliTable) table = scs_cli_table_new (4);

    for (guint i = 0; i < n; i++)
      {
        const ScsJcRequirement *r = scs_jcstar_get_requirement (i);
        g_autofree char *id = r->provisional ? g_strdup_printf ("%s %s", r->id, _("(provisional)"))
                                             : g_strdup (r->id);

        scs_cli_table_add_row (table, id, scs_i18n_pick (r->text_ja, r->text_en),
                               scs_jc_status_get_label (statuses[i]), scs_jc_cls_get_label (r->cls));
      }
    scs_cli_table_print (table);
  }
  g_print ("\n");
  if (covers_psti)
    g_print (_("This ★1 label (valid until %s) also covers PSTI security requirements 1–3 and the "
               "statement of compliance, for units supplied while it is valid.\n"), product->expires);
  {
    g_autofree char *needed = g_strjoinv (", ", (char **) cls_needed);

    g_print (_("For a simplified CLS Level 1 application, CLS assessment is still needed of: %s\n"), needed);
  }
  return SCS_CLI_EXIT_OK;
}

static char *opt_event_date, *opt_text_from, *opt_notice_out;

static const GOptionEntry event_entries[] = {
  { "date", 0, 0, G_OPTION_ARG_STRING, &opt_event_date, N_("Date of the change (default: today)"), N_("YYYY-MM-DD") },
  { NULL }
};

int
scs_cli_jc_event (const ScsCliCommand *command,
                  int                  argc,
                  char               **argv)
{
  g_autoptr(ScsWorkspace) workspace = NULL;
  g_autoptr(ScsJcEvent) event = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = scs_date_today_iso (SCS_DATE_ZONE_LOCAL);
  g_autofree char *reopened = NULL;
  ScsJcEventKind kind;

  if (!scs_cli_parse_arguments (command, event_entries, TRUE, &argc, &argv, 3, 3))
    return SCS_CLI_EXIT_USAGE;
  if (!scs_jc_event_kind_from_string (argv[2], &kind))
    return scs_cli_error (_("jc event: the event must be model or firmware, not ‘%s’"), argv[2]);
  workspace = scs_cli_open_workspace (argv[1]);
  if (workspace == NULL)
    return SCS_CLI_EXIT_USAGE;
  event = scs_jcstar_record_event (workspace, kind, argv[3], opt_event_date ? opt_event_date : today, &error);
  if (event == NULL)
    return scs_cli_report (error);

  reopened = g_strjoinv (", ", event->reopened);
  g_print (_("Recorded event %u; reopened (our own judgement): %s\n\n"), (guint) event->id, reopened);
  g_print ("%s", event->notice);
  return SCS_CLI_EXIT_OK;
}

static const GOptionEntry notice_entries[] = {
  { "text-from", 0, 0, G_OPTION_ARG_FILENAME, &opt_text_from, N_("Replace the notice with the text of this file"), N_("FILE") },
  { "out", 0, 0, G_OPTION_ARG_FILENAME, &opt_notice_out, N_("Write the notice to this file"), N_("FILE") },
  { NULL }
};

int
scs_cli_jc_notice (const ScsCliCommand *command,
                   int                  argc,
                   char               **argv)
{
  g_autoptr(ScsWorkspace) workspace = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  ScsJcEvent *event = NULL;
  gint64 id;

  if (!scs_cli_parse_arguments (command, notice_entries, TRUE, &argc, &argv, 2, 2))
    return SCS_CLI_EXIT_USAGE;
  if (!scs_cli_parse_id (argv[2], &id))
    return scs_cli_error (_("jc notice: the event must be a number, not ‘%s’"), argv[2]);
  if (opt_text_from != NULL && !g_file_get_contents (opt_text_from, &text, NULL, &error))
    return scs_cli_report (error);
  workspace = scs_cli_open_workspace (argv[1]);
  if (workspace == NULL)
    return SCS_CLI_EXIT_USAGE;
  if (text != NULL && !scs_jcstar_set_notice (workspace, id, text, &error))
    return scs_cli_report (error);
  events = scs_jcstar_list_events (workspace, &error);
  if (events == NULL)
    return scs_cli_report (error);
  for (guint i = 0; i < events->len; i++)
    if (((ScsJcEvent *) g_ptr_array_index (events, i))->id == id)
      event = g_ptr_array_index (events, i);
  if (event == NULL)
    return scs_cli_error (_("jc notice: there is no event %s in ‘%s’"), argv[2], argv[1]);
  if (opt_notice_out != NULL)
    {
      if (!g_file_set_contents (opt_notice_out, event->notice, -1, &error))
        return scs_cli_report (error);
      g_print (_("Wrote the change notice %s\n"), opt_notice_out);
    }
  else
    g_print ("%s", event->notice);
  return SCS_CLI_EXIT_OK;
}

static char *opt_checklist_out, *opt_checklist_lang;

static const GOptionEntry checklist_entries[] = {
  { "out", 0, 0, G_OPTION_ARG_FILENAME, &opt_checklist_out, N_("Write the checklist as PDF (required)"), N_("CHECKLIST.pdf") },
  { "lang", 0, 0, G_OPTION_ARG_STRING, &opt_checklist_lang, N_("Language of the PDF: ja (default) or en"), N_("LANG") },
  { NULL }
};

int
scs_cli_jc_checklist (const ScsCliCommand *command,
                      int                  argc,
                      char               **argv)
{
  g_autoptr(ScsWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;

  if (!scs_cli_parse_arguments (command, checklist_entries, FALSE, &argc, &argv, 1, 1))
    return SCS_CLI_EXIT_USAGE;
  if (opt_checklist_out == NULL)
    return scs_cli_error (_("jc checklist: say where to write the PDF with --out"));
  if (opt_checklist_lang != NULL && !g_str_equal (opt_checklist_lang, "ja") && !g_str_equal (opt_checklist_lang, "en"))
    return scs_cli_error (_("Unknown report language ‘%s’: use ja or en"), opt_checklist_lang);
  workspace = scs_cli_open_workspace (argv[1]);
  if (workspace == NULL)
    return SCS_CLI_EXIT_USAGE;
  scs_i18n_init (opt_checklist_lang != NULL ? opt_checklist_lang : "ja");
  pdf = scs_jcstar_render_checklist (workspace, &error);
  if (pdf == NULL ||
      !g_file_set_contents (opt_checklist_out, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), &error))
    return scs_cli_report (error);
  g_print (_("Wrote the checklist %s\n"), opt_checklist_out);
  return SCS_CLI_EXIT_OK;
}

static char **opt_maps;

static const GOptionEntry import_entries[] = {
  { "map", 0, 0, G_OPTION_ARG_STRING_ARRAY, &opt_maps,
    N_("Read FIELD (requirement, item, text, answer, reason) from COLUMN (header, letter or number)"),
    N_("COLUMN=FIELD") },
  { NULL }
};

int
scs_cli_jc_import (const ScsCliCommand *command,
                   int                  argc,
                   char               **argv)
{
  g_autoptr(ScsWorkspace) workspace = NULL;
  g_autoptr(ScsJcImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *place = NULL;
  guint n_texts = 0, n_answers = 0;

  if (!scs_cli_parse_arguments (command, import_entries, TRUE, &argc, &argv, 2, 2))
    return SCS_CLI_EXIT_USAGE;
  import = scs_jc_import_new_from_file (argv[2], &error);
  if (import == NULL)
    return scs_cli_report (error);
  for (guint i = 0; opt_maps != NULL && opt_maps[i] != NULL; i++)
    {
      const char *equals = strrchr (opt_maps[i], '=');
      g_autofree char *column = NULL;

      if (equals == NULL)
        return scs_cli_error (_("jc import: --map takes COLUMN=FIELD, not ‘%s’"), opt_maps[i]);
      column = g_strndup (opt_maps[i], (gsize) (equals - opt_maps[i]));
      if (!scs_jc_import_map (import, column, equals + 1, &error))
        return scs_cli_report (error);
    }
  workspace = scs_cli_open_workspace (argv[1]);
  if (workspace == NULL)
    return SCS_CLI_EXIT_USAGE;
  if (!scs_jc_import_apply (import, workspace, &n_texts, &n_answers, &error))
    return scs_cli_report (error);
  place = scs_jc_import_dup_place (import);
  /* Translators: "Sheet ‘チェックリスト’ of ‘ipa.xlsx’: imported …", or "‘ipa.csv’: imported …" */
  g_print (_("%s: imported the official wording of %u items and %u answers.\n"), place, n_texts, n_answers);
  return SCS_CLI_EXIT_OK;
}

static char *opt_export_lang;

static const GOptionEntry export_entries[] = {
  { "lang", 0, 0, G_OPTION_ARG_STRING, &opt_export_lang, N_("Language of the checklist PDF: ja (default) or en"), N_("LANG") },
  { NULL }
};

int
scs_cli_jc_export (const ScsCliCommand *command,
                   int                  argc,
                   char               **argv)
{
  g_autoptr(ScsWorkspace) workspace = NULL;
  g_autoptr(ScsSigner) signer = NULL;
  g_autoptr(GError) error = NULL;
  GOptionEntry entries[16];
  guint n = 0;

  for (guint i = 0; export_entries[i].long_name != NULL; i++)
    entries[n++] = export_entries[i];
  for (guint i = 0; scs_cli_signer_entries[i].long_name != NULL && n < G_N_ELEMENTS (entries) - 1; i++)
    entries[n++] = scs_cli_signer_entries[i];
  memset (&entries[n], 0, sizeof entries[n]);

  if (!scs_cli_parse_arguments (command, entries, TRUE, &argc, &argv, 2, 2))
    return SCS_CLI_EXIT_USAGE;
  if (opt_export_lang != NULL && !g_str_equal (opt_export_lang, "ja") && !g_str_equal (opt_export_lang, "en"))
    return scs_cli_error (_("Unknown report language ‘%s’: use ja or en"), opt_export_lang);
  if (g_file_test (argv[2], G_FILE_TEST_EXISTS))
    return scs_cli_error (_("‘%s’ already exists: a signed declaration is never written over a file"), argv[2]);
  workspace = scs_cli_open_workspace (argv[1]);
  if (workspace == NULL)
    return SCS_CLI_EXIT_USAGE;
  signer = scs_cli_load_signer ();
  if (signer == NULL)
    return SCS_CLI_EXIT_USAGE;
  scs_i18n_init (opt_export_lang != NULL ? opt_export_lang : "ja");
  if (!scs_jcstar_export_declaration (workspace, signer, argv[2], &error))
    return scs_cli_report (error);
  g_print (_("Wrote the signed self-declaration %s (check it with scs-cli verify)\n"), argv[2]);
  return SCS_CLI_EXIT_OK;
}
