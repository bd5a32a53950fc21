/* cli-test-util.h: what the scs-cli tests share — running the binary,
 * checking its exit, hashing files, parsing its JSON, temporary folders
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* One finished run: exit status, stdout (also as bytes, for binary output)
 * and stderr, the strings never NULL. */
typedef struct
{
  int     status;
  GBytes *out_bytes;
  char   *out;
  char   *err;
} CliRun;

void cli_run_free (CliRun *run);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CliRun, cli_run_free)

/* How a test file runs its commands. The child always gets SCS_LANGUAGE=en. */
typedef struct
{
  const char         *actor;      /* SCS_ACTOR to set; NULL unsets it */
  const char * const *env;        /* NULL or "NAME=VALUE" strings to add */
  const char         *cwd;        /* NULL: the test's own */
  const char         *stdin_text; /* NULL: no stdin pipe; else written to stdin */
  gboolean            utf8;       /* stdout and stderr must be valid UTF-8 */
  gboolean            log_always; /* g_test_message every run, not only with -v */
} CliOptions;

/* Runs $SCS_CLI with @args (NULL-terminated, without the program). */
CliRun     *cli_test_run            (const CliOptions   *options,
                                     const char * const *args);
/* Runs @argv as given: argv[0] is the program (scs-cli or a stock tool). */
CliRun     *cli_test_spawn          (const CliOptions   *options,
                                     const char * const *argv);

/* Exit 0, or the test fails with the run's stderr. */
void        cli_test_assert_ok      (CliRun             *run);
/* Exit 2, one "scs-cli: …" message that mentions @needle (if not NULL). */
void        cli_test_assert_refused (CliRun             *run,
                                     const char         *needle);

/* Parses @text, which must be a JSON object; @parser owns the result. */
JsonObject *cli_test_parse_object   (JsonParser         *parser,
                                     const char         *text);

/* The same with a parser of its own, handed back in @parser_out. */
JsonObject *cli_test_parse_new      (const char         *text,
                                     JsonParser        **parser_out);

/* SHA-256 of the file at @path, which must be readable. */
char       *cli_test_file_sha256    (const char         *path);
void        cli_test_assert_unchanged (const char       *path,
                                       const char       *sha256_before);
/* SHA-256 over @path and @path-wal (each missing one counts as empty);
 * @separated adds a "|" after each so contents cannot slide between them. */
char       *cli_test_file_state     (const char         *path,
                                     gboolean            separated);

/* A fresh temporary folder named from @template ("scs-…-XXXXXX"). */
char       *cli_test_make_tmp_dir   (const char         *template);
/* Removes @path and all below it; symbolic links are removed, not followed. */
void        cli_test_rm_rf          (const char         *path);
void        cli_test_write_file     (const char         *path,
                                     const char         *data,
                                     gssize              size);

G_END_DECLS
