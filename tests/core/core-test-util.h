/* core-test-util.h: what the core tests share — temporary folders, files,
 * hashes, a fresh workspace, a sealed one, scope items
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "scs-review.h"
#include "scs-scope.h"
#include "scs-workspace.h"

G_BEGIN_DECLS

/* The corporate number the fixtures use (check digit right). */
#define CORE_TEST_CORPORATE_NUMBER "7000012050002"

/* A fresh temporary folder named from @template ("scs-…-XXXXXX"). */
char         *core_test_make_tmp_dir    (const char   *template);
/* Removes @path and all below it; symbolic links are removed, not followed. */
void          core_test_rm_rf           (const char   *path);
void          core_test_write_file      (const char   *path,
                                         const char   *contents,
                                         gssize        length);

/* SHA-256 of the file at @path, which must be readable. */
char         *core_test_file_sha256     (const char   *path);
/* SHA-256 over @path and @path-wal, a missing one counting as empty: what a
 * refused edit must leave alone. @separated adds a "|" after each, so that
 * contents cannot slide from one into the other. */
char         *core_test_file_state      (const char   *path,
                                         gboolean      separated);

/* A new workspace at @path on the built-in catalog for the company
 * @org_name (CORE_TEST_CORPORATE_NUMBER) at @level; @actor, if not NULL, is
 * set as the actor. */
ScsWorkspace *core_test_workspace_new   (const char   *path,
                                         const char   *org_name,
                                         guint         level,
                                         const char   *actor);

/* A fixture for g_test_add (): a temporary folder named after the test
 * program, with @path its workspace "client.scsw" for "株式会社テスト" at
 * level 3, made by actor "窓" and closed again. */
typedef struct
{
  char *dir;
  char *path;
} CoreTestFixture;

void          core_test_fixture_set_up    (CoreTestFixture *f,
                                           gconstpointer    data);
void          core_test_fixture_tear_down (CoreTestFixture *f,
                                           gconstpointer    data);

/* The argv of $SCS_CLI with @first and the arguments in @args up to a
 * NULL, NULL-terminated, for g_spawn_*(); the strings are not copied. */
GPtrArray    *core_test_cli_argv        (const char   *first,
                                         va_list       args);
/* Runs $SCS_CLI with @first and the arguments after it (NULL-terminated):
 * its exit status, -1 when it did not exit. Its output is returned in @out
 * when not NULL; output and error output go to one TAP comment line, never
 * to the test's own stdout. */
int           core_test_run_cli         (char        **out,
                                         const char   *first,
                                         ...) G_GNUC_NULL_TERMINATED;

/* What an outside SQLite tool does to get past the seal without leaving a
 * trace in the schema: drops every trigger, runs @sql, puts the triggers
 * back exactly as they were. */
void          core_test_forge           (const char   *path,
                                         const char   *sql);

/* Makes the test CA, expert and manager certificates in @dir with
 * tests/review/make-certificates.sh; @quiet sends its output to /dev/null. */
void          core_test_make_certificates (const char *dir,
                                           gboolean    quiet);

/* A local OCSP responder (`openssl ocsp`) for the CA of
 * core_test_make_certificates () in @dir: expert.pem is good; revoked.pem
 * (revoked.p12, made here, passphrase "secret") was revoked on
 * 2026-12-01. Returns its URL; core_test_stop_ocsp () ends it. */
char         *core_test_start_ocsp       (const char *dir,
                                           GPid       *pid);
void          core_test_stop_ocsp        (GPid        pid);

/* The validity period of the certificate in @p12 (passphrase "secret") as
 * the user's calendar dates, YYYY-MM-DD in local time, and its length. */
void          core_test_certificate_dates (const char  *p12,
                                           char       **from,
                                           char       **to,
                                           GTimeSpan   *length);

/* Answers every level-3 criterion met (with @only_unsatisfied, only those
 * not yet satisfied) and has an expert accept them all: the expert's
 * review, ready to sign. */
ScsReview    *core_test_ready_to_sign   (ScsWorkspace *workspace,
                                         gboolean      only_unsatisfied);
/* Answers every level-3 criterion met (with @only_unsatisfied, only those
 * not yet satisfied), has an expert accept them all and sign with
 * @certs_dir/expert.p12, and management declare with manager.p12. */
void          core_test_seal_workspace  (ScsWorkspace *workspace,
                                         const char   *certs_dir,
                                         gboolean      only_unsatisfied);

/* An expert profile (transfer none, lives as long as the test program), for
 * the expert's scope marks. */
ScsProfile   *core_test_profile_new     (const char   *name,
                                         ScsRole       role);
ScsProfile   *core_test_expert          (void);
/* Management's profile (transfer none, as core_test_expert ()): "山田 一郎". */
ScsProfile   *core_test_management      (void);

/* Adds a scope item of @kind from "key", "value" pairs ending in NULL. */
gint64        core_test_scope_addv      (ScsScope     *scope,
                                         ScsScopeKind  kind,
                                         va_list       args);
gint64        core_test_scope_add       (ScsScope     *scope,
                                         ScsScopeKind  kind,
                                         ...) G_GNUC_NULL_TERMINATED;

/* Makes @dir read-only for this process and its children, as a CD or a
 * share mounted read-only is (EROFS, which root cannot override, unlike a
 * file mode): a private mount namespace with @dir bound read-only onto
 * itself. Call it before the process starts a thread (a namespace belongs
 * to the thread that made it). FALSE with @why set where the system does
 * not permit it (not root, no CAP_SYS_ADMIN, a container's seccomp). */
gboolean      core_test_mount_read_only (const char   *dir,
                                         char        **why);
/* Mounts a tmpfs of @size_kib KiB on @dir in a private mount namespace, as
 * core_test_mount_read_only() does: a real disk that fills up. */
gboolean      core_test_mount_tmpfs     (const char   *dir,
                                         guint         size_kib,
                                         char        **why);
/* Mounts an overlay of @upper (with @work) over @lower on @merged, in a
 * private mount namespace as above: a container's layered file system. */
gboolean      core_test_mount_overlay   (const char   *lower,
                                         const char   *upper,
                                         const char   *work,
                                         const char   *merged,
                                         char        **why);
/* Whether the two above work here, tried in a child; @why says why not. */
gboolean      core_test_can_mount       (char        **why);

G_END_DECLS
