/* scs-cli-submission.c: `scs-cli submissions FILE [--json]`
 *
 * Lists the final submission packages exported from a workspace, as
 * scs-submission.c records them at every successful non-draft export:
 * when, by whom, which file, its SHA-256 and size, and whether the
 * expert's signature still matched the workspace then. With the SHA-256 a
 * vendor or the SME can tell which of several .scsp files on disk is the
 * one that was sent (sha256sum FILE). Read-only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "scs-cli-private.h"
#include "scs-submission.h"

static void
submission_to_json (JsonBuilder   *builder,
                    gconstpointer  item)
{
  const ScsSubmission *s = item;

  scs_cli_json_add_int (builder, "cycle", s->cycle);
  scs_cli_json_add_string (builder, "package", s->file_name);
  scs_cli_json_add_string (builder, "sha256", s->sha256);
  scs_cli_json_add_int (builder, "size", (gint64) s->size);
  scs_cli_json_add_string (builder, "exported", s->exported);
  scs_cli_json_add_string (builder, "exporter", s->exporter);
  scs_cli_json_add_string (builder, "expert_signature", s->expert_status);
}

int
scs_cli_submissions (const ScsCliCommand *command,
                     int                  argc,
                     char               **argv)
{
  g_autoptr(ScsWorkspace) workspace = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;

  workspace = scs_cli_parse_and_open (command, scs_cli_json_entries, FALSE, &argc, &argv);
  if (workspace == NULL)
    return SCS_CLI_EXIT_USAGE;
  rows = scs_submission_list (workspace, &error);
  if (rows == NULL)
    return scs_cli_report (error);

  if (scs_cli_opt_json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      scs_cli_json_add_string (builder, "file", argv[1]);
      scs_cli_json_add_objects (builder, "submissions", rows, submission_to_json);
      json_builder_end_object (builder);
      scs_cli_print_json (builder);
      return SCS_CLI_EXIT_OK;
    }

  if (rows->len == 0)
    {
      g_print (_("No submission package has been exported from ‘%s’ yet "
                 "(draft packages are not submissions).\n"), argv[1]);
      return SCS_CLI_EXIT_OK;
    }
  {
    g_autoptr(ScsCliTable) table = scs_cli_table_new (7);

    scs_cli_table_add_row (table, _("Exported"), _("Cycle"), _("Package"), _("Size"), _("SHA-256"),
                           _("Exported by"), _("Expert signature"));
    scs_cli_table_add_rule (table);
    scs_cli_table_set_right (table, 1);
    scs_cli_table_set_right (table, 3);
    for (guint i = 0; i < rows->len; i++)
      {
        const ScsSubmission *s = g_ptr_array_index (rows, i);
        g_autofree char *cycle = g_strdup_printf ("%u", s->cycle);
        g_autofree char *size = g_format_size (s->size);

        scs_cli_table_add_row (table, s->exported, cycle, s->file_name, size, s->sha256, s->exporter,
                               scs_submission_status_get_label (s->expert_status));
      }
    scs_cli_table_print (table);
  }
  return SCS_CLI_EXIT_OK;
}
