/* scs-cli-evidence.c: `scs-cli evidence add|list|extract`
 *
 * Evidence files live inside the workspace as blobs keyed by SHA-256. `add`
 * is all-or-nothing as far as the CLI can make it: every path is checked
 * (exists, is a regular file, can be opened, is under the size limit) before
 * the workspace is touched, so one bad path in a list adds nothing. `extract`
 * accepts the full hash or a unique prefix of at least 8 hex digits, checks
 * the bytes against the hash before writing them, and never overwrites a file
 * unless told to (--force, which replaces the file atomically).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "scs-cli-private.h"
#include "scs-i18n.h"
#include "scs-sha256.h"

#define MIN_PREFIX 8

static gboolean opt_force = FALSE;
static char *opt_criterion = NULL;

static const GOptionEntry list_entries[] = {
  { "criterion", 0, 0, G_OPTION_ARG_STRING, &opt_criterion,
    N_("List only the evidence linked to this criterion, or to this item of a JC-STAR ★1 or "
       "SECURITY ACTION workspace (S1.1-08#1, a question number, pledge-2)"),
    N_("CRITERION_OR_ITEM") },
  { "json", 0, 0, G_OPTION_ARG_NONE, &scs_cli_opt_json, N_("Print JSON for scripts"), NULL },
  { NULL }
};

static const GOptionEntry extract_entries[] = {
  { "force", 0, 0, G_OPTION_ARG_NONE, &opt_force, N_("Replace OUT if it exists"), NULL },
  { NULL }
};

/* Everything that would make adding @path fail, found before any change. */
static gboolean
check_evidence_path (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) error = NULL;

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                            G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, NULL, &error);
  if (info == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        scs_cli_error (_("Evidence file ‘%s’ does not exist"), path);
      else
        scs_cli_error (_("Evidence file ‘%s’ cannot be read: %s"), path, error->message);
      return FALSE;
    }

  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      scs_cli_error (_("Evidence file ‘%s’ is a directory, not a file"), path);
      return FALSE;
    }
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      scs_cli_error (_("Evidence file ‘%s’ is not a regular file"), path);
      return FALSE;
    }
  if (g_file_info_get_size (info) > SCS_EVIDENCE_MAX_SIZE)
    {
      g_autofree char *size = g_format_size_full (g_file_info_get_size (info), G_FORMAT_SIZE_IEC_UNITS);
      g_autofree char *limit = g_format_size_full (SCS_EVIDENCE_MAX_SIZE, G_FORMAT_SIZE_IEC_UNITS);

      scs_cli_error (_("Evidence file ‘%s’ is %s, more than the limit of %s"), path, size, limit);
      return FALSE;
    }

  /* Permissions say little (root, ACLs, network file systems): open it. */
  stream = g_file_read (file, NULL, &error);
  if (stream == NULL)
    {
      scs_cli_error (_("Evidence file ‘%s’ cannot be read: %s"), path, error->message);
      return FALSE;
    }

  return TRUE;
}

/* A criterion of the catalog, or in a JC-STAR ★1 or SECURITY ACTION
 * workspace one of its items ("S1.1-08#1", "7", "pledge-2"); said, and
 * FALSE, otherwise. */
static gboolean
check_target (ScsWorkspace *workspace,
              const char   *id)
{
  g_autoptr(GError) error = NULL;

  switch (scs_workspace_get_workspace_type (workspace))
    {
    case SCS_WORKSPACE_TYPE_JCSTAR1:
    case SCS_WORKSPACE_TYPE_SECURITY_ACTION:
      if (scs_workspace_check_evidence_target (workspace, id, &error))
        return TRUE;
      scs_cli_error ("%s", error->message);
      return FALSE;
    case SCS_WORKSPACE_TYPE_SCS:
    case SCS_WORKSPACE_TYPE_PROVIDER:
    default:
      return scs_cli_check_criterion (scs_workspace_get_catalog (workspace), id);
    }
}

int
scs_cli_evidence_add (const ScsCliCommand *command,
                      int                  argc,
                      char               **argv)
{
  g_autoptr(ScsWorkspace) workspace = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  const char *id;

  if (!scs_cli_parse_arguments (command, scs_cli_json_entries, TRUE, &argc, &argv, 3, -1))
    return SCS_CLI_EXIT_USAGE;
  id = argv[2];

  for (int i = 3; i < argc; i++)
    if (!check_evidence_path (argv[i]))
      return SCS_CLI_EXIT_USAGE;

  workspace = scs_cli_open_workspace (argv[1]);
  if (workspace == NULL)
    return SCS_CLI_EXIT_USAGE;
  if (!check_target (workspace, id))
    return SCS_CLI_EXIT_USAGE;

  if (scs_cli_opt_json)
    {
      builder = json_builder_new ();
      json_builder_begin_object (builder);
      scs_cli_json_add_string (builder, "criterion", id);
      json_builder_set_member_name (builder, "added");
      json_builder_begin_array (builder);
    }

  for (int i = 3; i < argc; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[i]);
      g_autoptr(GError) error = NULL;
      g_autofree char *sha256 = NULL;

      sha256 = scs_workspace_add_evidence (workspace, id, file, NULL, &error);
      if (sha256 == NULL)
        {
          /* Checked above, so this is rare (the file changed meanwhile, the
           * disk is full): say what did get in. */
          scs_cli_error (_("Evidence file ‘%s’ was not added: %s"), argv[i], error->message);
          if (i > 3)
            g_printerr (g_dngettext (GETTEXT_PACKAGE,
                                     "scs-cli: the %d file before it was added\n",
                                     "scs-cli: the %d files before it were added\n",
                                     i - 3),
                        i - 3);
          return SCS_CLI_EXIT_USAGE;
        }

      if (builder != NULL)
        {
          json_builder_begin_object (builder);
          scs_cli_json_add_string (builder, "path", argv[i]);
          scs_cli_json_add_string (builder, "sha256", sha256);
          json_builder_end_object (builder);
        }
      else
        {
          g_autofree char *basename = g_file_get_basename (file);

          /* Translators: "Added ‘policy.pdf’ to 1-2-1-1 (sha256 0a1b…)" */
          g_print (_("Added ‘%s’ to %s (SHA-256 %s)\n"), basename, id, sha256);
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

static void
evidence_to_json (JsonBuilder   *builder,
                  gconstpointer  data)
{
  const ScsEvidence *item = data;

  scs_cli_json_add_string (builder, "sha256", item->sha256);
  scs_cli_json_add_string (builder, "name", item->name);
  scs_cli_json_add_int (builder, "size", item->size);
  scs_cli_json_add_string (builder, "mime_type", item->mime_type);
  scs_cli_json_add_string (builder, "added", item->added);
  scs_cli_json_add_string (builder, "author", item->author);
  json_builder_set_member_name (builder, "criteria");
  json_builder_begin_array (builder);
  for (guint j = 0; item->criteria != NULL && item->criteria[j] != NULL; j++)
    json_builder_add_string_value (builder, item->criteria[j]);
  json_builder_end_array (builder);
}

int
scs_cli_evidence_list (const ScsCliCommand *command,
                       int                  argc,
                       char               **argv)
{
  g_autoptr(ScsWorkspace) workspace = NULL;
  g_autoptr(GPtrArray) evidence = NULL;
  g_autoptr(GError) error = NULL;

  workspace = scs_cli_parse_and_open (command, list_entries, FALSE, &argc, &argv);
  if (workspace == NULL)
    return SCS_CLI_EXIT_USAGE;
  if (opt_criterion != NULL && !check_target (workspace, opt_criterion))
    return SCS_CLI_EXIT_USAGE;

  evidence = scs_workspace_list_evidence (workspace, opt_criterion, &error);
  if (evidence == NULL)
    return scs_cli_report (error);

  if (scs_cli_opt_json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      scs_cli_json_add_string (builder, "file", argv[1]);
      scs_cli_json_add_objects (builder, "evidence", evidence, evidence_to_json);
      json_builder_end_object (builder);

      scs_cli_print_json (builder);
    }
  else if (evidence->len == 0)
    {
      g_print ("%s\n", _("No evidence files."));
    }
  else
    {
      g_autoptr(ScsCliTable) table = scs_cli_table_new (5);

      scs_cli_table_add_row (table, _("SHA-256"), _("Name"), _("Size"), _("Type"), _("Criteria"));
      scs_cli_table_set_right (table, 2);
      scs_cli_table_add_rule (table);
      for (guint i = 0; i < evidence->len; i++)
        {
          const ScsEvidence *item = g_ptr_array_index (evidence, i);
          g_autofree char *hash = g_strndup (item->sha256, 16);
          g_autofree char *size = g_format_size (item->size);
          g_autofree char *criteria = item->criteria != NULL ? g_strjoinv (", ", item->criteria) : NULL;

          scs_cli_table_add_row (table, hash, item->name, size, item->mime_type, criteria);
        }
      scs_cli_table_print (table);
    }

  return SCS_CLI_EXIT_OK;
}

static gboolean
is_hex (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isxdigit (*p))
      return FALSE;

  return TRUE;
}

/* The full hash of the one evidence file whose hash starts with @prefix. */
static char *
resolve_hash (ScsWorkspace *workspace,
              const char   *path,
              const char   *prefix)
{
  g_autoptr(GPtrArray) evidence = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *lower = g_ascii_strdown (prefix, -1);
  const char *found = NULL;
  guint n_found = 0;

  evidence = scs_workspace_list_evidence (workspace, NULL, &error);
  if (evidence == NULL)
    {
      scs_cli_report (error);
      return NULL;
    }

  for (guint i = 0; i < evidence->len; i++)
    {
      const ScsEvidence *item = g_ptr_array_index (evidence, i);

      if (g_str_has_prefix (item->sha256, lower))
        {
          found = item->sha256;
          n_found++;
        }
    }

  if (n_found == 0)
    {
      scs_cli_error (_("No evidence with SHA-256 ‘%s’ in ‘%s’"), prefix, path);
      return NULL;
    }
  if (n_found > 1)
    {
      scs_cli_error (_("‘%s’ matches %u evidence files in ‘%s’: give more digits of the SHA-256"),
                     prefix, n_found, path);
      return NULL;
    }

  return g_strdup (found);
}

static gboolean
write_new_file (const char  *out,
                GBytes      *data,
                GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (out);
  g_autoptr(GFileOutputStream) stream = NULL;
  gsize size;
  const guint8 *bytes = g_bytes_get_data (data, &size);

  stream = g_file_create (file, G_FILE_CREATE_NONE, NULL, error);
  if (stream == NULL)
    return FALSE;

  if (!g_output_stream_write_all (G_OUTPUT_STREAM (stream), bytes, size, NULL, NULL, error) ||
      !g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, error))
    {
      /* Leave no half-written file behind. */
      g_file_delete (file, NULL, NULL);
      return FALSE;
    }

  return TRUE;
}

int
scs_cli_evidence_extract (const ScsCliCommand *command,
                          int                  argc,
                          char               **argv)
{
  g_autoptr(ScsWorkspace) workspace = NULL;
  g_autoptr(GBytes) data = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *check = NULL;
  g_autofree char *size_text = NULL;
  const char *prefix;
  const char *out;
  gsize size;
  const guint8 *bytes;

  if (!scs_cli_parse_arguments (command, extract_entries, FALSE, &argc, &argv, 3, 3))
    return SCS_CLI_EXIT_USAGE;
  prefix = argv[2];
  out = argv[3];

  if (strlen (prefix) < MIN_PREFIX || strlen (prefix) > 64 || !is_hex (prefix))
    return scs_cli_error (_("‘%s’ is not a SHA-256 hash or a prefix of one with at least %d hex digits"),
                          prefix, MIN_PREFIX);

  if (!g_str_equal (out, "-") && !opt_force && g_file_test (out, G_FILE_TEST_EXISTS))
    return scs_cli_error (_("‘%s’ already exists; use --force to replace it"), out);

  workspace = scs_cli_open_workspace (argv[1]);
  if (workspace == NULL)
    return SCS_CLI_EXIT_USAGE;

  sha256 = resolve_hash (workspace, argv[1], prefix);
  if (sha256 == NULL)
    return SCS_CLI_EXIT_USAGE;

  data = scs_workspace_get_evidence_data (workspace, sha256, &error);
  if (data == NULL)
    return scs_cli_report (error);

  /* The hash is the evidence's identity: never hand out bytes that do not
   * match it. */
  bytes = g_bytes_get_data (data, &size);
  check = scs_sha256_hex (bytes, size);
  if (!g_str_equal (check, sha256))
    {
      scs_cli_error (_("Evidence %s in ‘%s’ is damaged: its content no longer matches its SHA-256"),
                     sha256, argv[1]);
      return SCS_CLI_EXIT_CHECK_FAILED;
    }

  if (g_str_equal (out, "-"))
    {
      if (fwrite (bytes, 1, size, stdout) != size || fflush (stdout) != 0)
        return scs_cli_error (_("Could not write evidence %s to standard output"), sha256);
      return SCS_CLI_EXIT_OK;
    }

  if (opt_force)
    {
      if (!g_file_set_contents (out, (const char *) bytes, size, &error))
        return scs_cli_report (error);
    }
  else if (!write_new_file (out, data, &error))
    {
      return scs_cli_error (_("Could not write ‘%s’: %s"), out, error->message);
    }

  size_text = g_format_size (size);
  /* Translators: "Wrote 12.3 kB to ‘policy.pdf’" */
  g_print (_("Wrote %s to ‘%s’\n"), size_text, out);

  return SCS_CLI_EXIT_OK;
}
