/* cli-test-util.h: what the scs-cli tests share — running the binary,
 * checking its exit and parsing its JSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

/* Temporary folders, files and hashes: core_test_make_tmp_dir, core_test_rm_rf,
 * core_test_write_file, core_test_file_sha256, core_test_file_state. */
#include "../core/core-test-util.h"

G_BEGIN_DECLS

/* Corporate numbers for the refusal tests. */
#define VALID_NUMBER      "7123456789012"     /* check digit 7 is right */
#define BAD_CHECK_NUMBER  "1123456789012"     /* check digit should be 7 */
#define SHORT_NUMBER      "712345678901"      /* 12 digits */

/* cli_test_run with the arguments written out: CLI_TEST_RUN (&options, "new", path). */
#define CLI_TEST_RUN(options, ...) cli_test_run ((options), (const char * const[]) { __VA_ARGS__, NULL })

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

/* The file at @path still has the SHA-256 @sha256_before. */
void        cli_test_assert_unchanged (const char       *path,
                                       const char       *sha256_before);

/* Waits until a file changed at @changed (µs, real time) is older than the
 * portfolio cache's settle time: only then can its key vouch for its row. */
void        cli_test_wait_settled_since (gint64          changed);

G_END_DECLS
