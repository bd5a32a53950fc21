/* scs-cli-package.c: `scs-cli export`, `scs-cli report` and `scs-cli verify`
 *
 * export writes the submission package (draft or signed), report writes
 * report.pdf on its own, verify checks a package someone sent: exit 0 when
 * every check passes, 1 when a file was changed, added, removed or a
 * signature or the content is incomplete, 2 when the package is unreadable
 * or hostile (refused before anything is extracted). --lang switches the
 * language of the report, Japanese by default like the product.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "scs-cli-private.h"
#include "scs-cms.h"
#include "scs-i18n.h"
#include "scs-package.h"
#include "scs-report.h"
#include "scs-verify.h"

static char *opt_out = NULL;
static char *opt_lang = NULL;
static char **opt_ca = NULL;
static gboolean opt_draft = FALSE;

static const GOptionEntry export_entries[] = {
  { "out", 'o', 0, G_OPTION_ARG_FILENAME, &opt_out, N_("Write to this file"), N_("PATH") },
  { "draft", 0, 0, G_OPTION_ARG_NONE, &opt_draft, N_("Unsigned draft, watermarked"), NULL },
  { "lang", 0, 0, G_OPTION_ARG_STRING, &opt_lang, N_("Language of the report: ja (default) or en"), N_("LANG") },
  { NULL }
};

static const GOptionEntry verify_entries[] = {
  { "ca", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &opt_ca,
    N_("Trust this CA certificate (PEM, bundle or DER; repeatable)"), N_("CA.pem") },
  { "json", 0, 0, G_OPTION_ARG_NONE, &scs_cli_opt_json, N_("Print JSON for scripts"), NULL },
  { NULL }
};

/* --lang: "ja", "en" or unset (Japanese). Returns FALSE on a bad value.
 * The report is rendered in it; messages stay in the UI language. */
static gboolean
check_language (const char **language)
{
  if (opt_lang != NULL && !g_str_equal (opt_lang, "ja") && !g_str_equal (opt_lang, "en"))
    {
      scs_cli_error (_("Unknown report language ‘%s’: use ja or en"), opt_lang);
      return FALSE;
    }
  *language = opt_lang != NULL ? opt_lang : "ja";
  return TRUE;
}

int
scs_cli_export (const ScsCliCommand *command,
                int                  argc,
                char               **argv)
{
  g_autoptr(ScsWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  const char *language;

  if (!scs_cli_parse_arguments (command, export_entries, FALSE, &argc, &argv, 1, 2))
    return SCS_CLI_EXIT_USAGE;
  /* "export FILE OUT" is accepted too */
  if (opt_out == NULL && argc > 2)
    opt_out = g_strdup (argv[2]);
  if (opt_out == NULL)
    return scs_cli_error (_("export: say where to write the package with --out PACKAGE.scsp"));
  if (!check_language (&language))
    return SCS_CLI_EXIT_USAGE;

  workspace = scs_cli_open_workspace (argv[1]);
  if (workspace == NULL)
    return SCS_CLI_EXIT_USAGE;
  /* a final package's report language was chosen at the declaration:
   * only an explicit --lang is checked against it */
  if (!scs_package_export (workspace, opt_out, opt_draft ? SCS_PACKAGE_FLAGS_DRAFT : SCS_PACKAGE_FLAGS_NONE,
                           opt_draft || opt_lang != NULL ? language : NULL, NULL, NULL, NULL, &error))
    {
      scs_cli_report (error);
      return g_error_matches (error, SCS_PACKAGE_ERROR, SCS_PACKAGE_ERROR_UNSIGNED)
               ? SCS_CLI_EXIT_CHECK_FAILED : SCS_CLI_EXIT_USAGE;
    }
  g_print (opt_draft ? _("Wrote the draft package %s\n") : _("Wrote the package %s\n"), opt_out);
  return SCS_CLI_EXIT_OK;
}

int
scs_cli_report_pdf (const ScsCliCommand *command,
                    int                  argc,
                    char               **argv)
{
  g_autoptr(ScsWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;
  ScsReportOptions options = { 0 };
  const char *language;

  if (!scs_cli_parse_arguments (command, export_entries, FALSE, &argc, &argv, 1, 1))
    return SCS_CLI_EXIT_USAGE;
  if (opt_out == NULL)
    return scs_cli_error (_("report: say where to write the PDF with --out REPORT.pdf"));
  if (!check_language (&language))
    return SCS_CLI_EXIT_USAGE;

  workspace = scs_cli_open_workspace (argv[1]);
  if (workspace == NULL)
    return SCS_CLI_EXIT_USAGE;
  options.draft = opt_draft;
  options.language = language;
  pdf = scs_report_render (workspace, &options, &error);
  if (pdf == NULL ||
      !g_file_set_contents (opt_out, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), &error))
    return scs_cli_report (error);
  g_print (_("Wrote the report %s\n"), opt_out);
  return SCS_CLI_EXIT_OK;
}

static const char *
status_name (ScsCheckStatus status)
{
  switch (status)
    {
    case SCS_CHECK_PASS:
      return "pass";
    case SCS_CHECK_WARN:
      return "warn";
    case SCS_CHECK_FAIL:
    default:
      return "fail";
    }
}

static void
verify_check_to_json (JsonBuilder   *builder,
                      gconstpointer  item)
{
  const ScsVerifyCheck *check = item;

  scs_cli_json_add_string (builder, "check", check->check);
  scs_cli_json_add_string (builder, "file", check->file);
  scs_cli_json_add_string (builder, "status", status_name (check->status));
  scs_cli_json_add_string (builder, "message", check->message);
}

int
scs_cli_verify (const ScsCliCommand *command,
                int                  argc,
                char               **argv)
{
  g_autoptr(ScsVerifyResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) ca = NULL;

  if (!scs_cli_parse_arguments (command, verify_entries, FALSE, &argc, &argv, 1, 1))
    return SCS_CLI_EXIT_USAGE;
  if (opt_ca != NULL)
    {
      g_autoptr(ScsTrustAnchors) anchors = scs_cli_load_anchors (opt_ca);

      if (anchors == NULL)
        return SCS_CLI_EXIT_USAGE;
      ca = scs_trust_anchors_to_pem (anchors);
    }

  result = scs_verify_package_file (argv[1], ca, NULL, &error);
  if (result == NULL)
    {
      if (scs_cli_opt_json)
        {
          g_autoptr(JsonBuilder) builder = json_builder_new ();

          json_builder_begin_object (builder);
          scs_cli_json_add_string (builder, "package", argv[1]);
          scs_cli_json_add_boolean (builder, "valid", FALSE);
          scs_cli_json_add_boolean (builder, "refused", TRUE);
          scs_cli_json_add_string (builder, "error", error->message);
          json_builder_end_object (builder);
          scs_cli_print_json (builder);
        }
      scs_cli_error (_("%s: refused: %s"), argv[1], error->message);
      return SCS_CLI_EXIT_USAGE;
    }

  if (scs_cli_opt_json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      scs_cli_json_add_string (builder, "package", argv[1]);
      scs_cli_json_add_boolean (builder, "valid", result->valid);
      scs_cli_json_add_boolean (builder, "trusted", result->trusted);
      scs_cli_json_add_boolean (builder, "draft", result->draft);
      scs_cli_json_add_string (builder, "language", result->language);
      scs_cli_json_add_objects (builder, "checks", result->checks, verify_check_to_json);
      json_builder_end_object (builder);
      scs_cli_print_json (builder);
    }
  else
    {
      g_autoptr(ScsCliTable) table = scs_cli_table_new (3);

      for (guint i = 0; i < result->checks->len; i++)
        {
          ScsVerifyCheck *check = g_ptr_array_index (result->checks, i);
          const char *mark = check->status == SCS_CHECK_PASS ? _("ok")
                             : check->status == SCS_CHECK_WARN ? _("warning") : _("FAILED");

          scs_cli_table_add_row (table, mark, check->check, check->message);
        }
      scs_cli_table_print (table);
      if (result->valid)
        g_print (result->trusted ? _("%s: valid\n")
                                 : _("%s: valid; signatures intact, signers not verified (no trusted CA given)\n"),
                 argv[1]);
      else
        g_print (_("%s: NOT valid\n"), argv[1]);
    }
  return result->valid ? SCS_CLI_EXIT_OK : SCS_CLI_EXIT_CHECK_FAILED;
}
