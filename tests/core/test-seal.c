/* test-seal.c: after signing nothing signed can change; the whole scope is
 * signed; text that would break signing is refused at input; a workspace
 * whose schema is not ours is not opened
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/resource.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "core-test-util.h"
#include "scs-attestation.h"
#include "scs-declaration.h"
#include "scs-profile.h"
#include "scs-review.h"
#include "scs-scope.h"
#include "scs-signature-check.h"
#include "scs-signature.h"
#include "scs-signoff.h"
#include "scs-workspace.h"
#include "scs-workspace-private.h"

static char *certs_dir;

typedef struct
{
  char         *dir;
  char         *path;
  char         *evidence;
  ScsWorkspace *ws;
  ScsScope     *scope;
  gint64        excluded;
  gint64        cloud;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sha = NULL;
  g_autoptr(GFile) file = NULL;

  f->dir = core_test_make_tmp_dir ("scs-seal-XXXXXX");
  f->path = g_build_filename (f->dir, "ws.scsw", NULL);
  f->evidence = g_build_filename (f->dir, "policy.txt", NULL);
  core_test_write_file (f->evidence, "policy", -1);
  f->ws = core_test_workspace_new (f->path, "Sakura KK", 3, "Tester");
  f->scope = scs_scope_get (f->ws, &error);
  g_assert_no_error (error);
  g_assert_true (scs_scope_set_unit (f->scope, SCS_SCOPE_UNIT_COMPANY, "本社と工場", "株式会社さくら", &error));
  core_test_scope_add (f->scope, SCS_SCOPE_KIND_SERVER, "name", "File server", NULL);
  f->excluded = core_test_scope_add (f->scope, SCS_SCOPE_KIND_NETWORK, "name", "Factory OT", NULL);
  g_assert_true (scs_scope_set_status (f->scope, f->excluded, SCS_SCOPE_STATUS_EXCLUDED,
                                       "制御系ネットワーク", "物理的に分離", TRUE, &error));
  g_assert_no_error (error);
  f->cloud = core_test_scope_add (f->scope, SCS_SCOPE_KIND_CLOUD, "name", "Mail service",
                                  "responsibility", "provider runs the servers", "check-method", "ismap",
                                  "criteria", "1-2-1-1",
                                  NULL);
  file = g_file_new_for_path (f->evidence);
  sha = scs_workspace_add_evidence (f->ws, "1-2-1-1", file, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (scs_scope_set_review (f->scope, core_test_expert (), f->excluded, SCS_SCOPE_REVIEW_ACCEPTED, "妥当", &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->ws);
  core_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_free (f->evidence);
}

/* The signed bytes hold every scope item, its status, the reason, the
 * separation measure, the expert's mark and the cloud split. */
static void
test_attestation_has_scope (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) xml = scs_attestation_render (f->ws, &error);
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  g_assert_true (scs_attestation_validate (xml, "assessment", &error));
  g_assert_no_error (error);
  text = g_strndup (g_bytes_get_data (xml, NULL), g_bytes_get_size (xml));
  g_assert_nonnull (strstr (text, "version=\"2\""));
  g_assert_nonnull (strstr (text, "<scope unit=\"company\">"));
  g_assert_nonnull (strstr (text, "<name>File server</name>"));
  g_assert_nonnull (strstr (text, "status=\"excluded\""));
  g_assert_nonnull (strstr (text, "<reason>制御系ネットワーク</reason>"));
  g_assert_nonnull (strstr (text, "<separation>物理的に分離</separation>"));
  g_assert_nonnull (strstr (text, "<review verdict=\"accepted\" reviewer=\"Tester\">妥当</review>"));
  g_assert_nonnull (strstr (text, "<responsibility>provider runs the servers</responsibility>"));
  g_assert_nonnull (strstr (text, "<check-method>ismap</check-method>"));
  g_assert_null (strstr (text, "Scope unit:"));
}

static void
assert_sealed (GError     **error,
               const char  *what)
{
  g_assert_error (*error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_SEALED);
  g_test_message ("%s: %s", what, (*error)->message);
  g_assert_nonnull (strstr ((*error)->message, "new review round"));
  g_clear_error (error);
}

/* Every write to signed content is refused by the core, the file stays as
 * it was, and the signature stays good. */
static void
test_every_write_refused (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsProfile) expert = scs_profile_new ();
  g_autoptr(ScsProfile) sme = scs_profile_new ();
  g_autoptr(ScsReview) review = NULL;
  g_autoptr(ScsReview) sme_review = NULL;
  g_autoptr(ScsOrganization) org = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (f->evidence);
  g_autoptr(GHashTable) fields = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(ScsSignatureCheck) check = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *sha = NULL;
  const char * const criteria[] = { "1-2-1-1", NULL };

  core_test_seal_workspace (f->ws, certs_dir, FALSE);
  g_assert_true (scs_review_is_sealed (f->ws));
  before = core_test_file_state (f->path, TRUE);

  g_assert_false (scs_workspace_set_answer (f->ws, "1-2-1-2", SCS_ANSWER_NOT_MET, NULL, NULL, &error));
  assert_sealed (&error, "answer");
  g_assert_false (scs_workspace_set_note (f->ws, "1-2-1-1", "later", &error));
  assert_sealed (&error, "note");
  g_assert_false (scs_workspace_set_reason (f->ws, "1-2-1-1", "later", &error));
  assert_sealed (&error, "reason");
  sha = scs_workspace_add_evidence (f->ws, "1-2-1-2", file, NULL, &error);
  g_assert_null (sha);
  assert_sealed (&error, "evidence add");
  {
    g_autoptr(GPtrArray) list = scs_workspace_list_evidence (f->ws, "1-2-1-1", &error);
    ScsEvidence *e;

    g_assert_no_error (error);
    g_assert_cmpuint (list->len, ==, 1);
    e = list->pdata[0];
    g_assert_false (scs_workspace_link_evidence (f->ws, e->sha256, "1-2-1-2", &error));
    assert_sealed (&error, "evidence link");
    g_assert_false (scs_workspace_unlink_evidence (f->ws, e->sha256, "1-2-1-1", &error));
    assert_sealed (&error, "evidence remove");
  }
  org = scs_workspace_dup_organization (f->ws);
  g_free (org->address);
  org->address = g_strdup ("Elsewhere");
  g_assert_false (scs_workspace_set_organization (f->ws, org, &error));
  assert_sealed (&error, "organisation");
  g_assert_false (scs_workspace_set_target_level (f->ws, 4, &error));
  assert_sealed (&error, "level");

  g_assert_false (scs_scope_set_unit (f->scope, SCS_SCOPE_UNIT_DIVISION, NULL, NULL, &error));
  assert_sealed (&error, "scope unit");
  g_hash_table_insert (fields, "name", "New server");
  g_assert_cmpint (scs_scope_add_item (f->scope, SCS_SCOPE_KIND_SERVER, fields, &error), ==, 0);
  assert_sealed (&error, "scope add");
  g_hash_table_insert (fields, "name", "Renamed");
  g_assert_false (scs_scope_update_item (f->scope, f->excluded, fields, &error));
  assert_sealed (&error, "scope item name");
  g_assert_false (scs_scope_set_field (f->scope, f->cloud, "responsibility", "all ours", &error));
  assert_sealed (&error, "cloud responsibility");
  g_assert_false (scs_scope_set_status (f->scope, f->excluded, SCS_SCOPE_STATUS_EXCLUDED,
                                        "another reason", NULL, TRUE, &error));
  assert_sealed (&error, "exclusion reason");
  g_assert_false (scs_scope_set_status (f->scope, f->excluded, SCS_SCOPE_STATUS_EXCLUDED,
                                        NULL, "none", TRUE, &error));
  assert_sealed (&error, "separation measure");
  g_assert_false (scs_scope_set_review (f->scope, core_test_expert (), f->excluded, SCS_SCOPE_REVIEW_QUESTIONED, "why?", &error));
  assert_sealed (&error, "expert's mark");
  g_assert_false (scs_scope_set_criteria (f->scope, f->cloud, criteria, &error));
  assert_sealed (&error, "scope criteria");
  g_assert_false (scs_scope_remove_item (f->scope, f->cloud, &error));
  assert_sealed (&error, "scope remove");

  scs_profile_set_name (expert, "Expert Taro");
  scs_profile_set_role (expert, SCS_ROLE_EXPERT);
  review = scs_review_new (f->ws, expert);
  g_assert_cmpint (scs_review_add_comment (review, "1-2-1-1", "after signing", &error), ==, 0);
  assert_sealed (&error, "expert comment");
  g_assert_cmpint (scs_review_propose (review, "1-2-1-1", "note", "better", NULL, &error), ==, 0);
  assert_sealed (&error, "proposal");

  after = core_test_file_state (f->path, TRUE);
  g_assert_cmpstr (before, ==, after);

  /* The organisation may still talk: its comments are not signed. */
  scs_profile_set_role (sme, SCS_ROLE_SME);
  sme_review = scs_review_new (f->ws, sme);
  g_assert_cmpint (scs_review_add_comment (sme_review, "1-2-1-1", "thank you", &error), >, 0);
  g_assert_no_error (error);

  check = scs_signature_check (f->ws, SCS_SIGNATURE_ROLE_EXPERT, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (scs_signature_check_is_good (check));
}

/* The triggers are the second line: a write past the core's checks (here
 * plain SQL on the workspace's own file) is refused too. */
static void
test_triggers_guard_scope (Fixture *f, gconstpointer data)
{
  static const char * const writes[] = {
    "UPDATE scope_item SET reason = 'x' WHERE status = 'excluded'",
    "UPDATE scope_item SET name = 'x'",
    "UPDATE scope_unit SET description = 'x'",
    "DELETE FROM scope_item_criterion",
    "INSERT INTO scope_item (kind, name, updated, author) VALUES ('server', 'x', 'now', 'me')",
    "DELETE FROM scope_item",
    "INSERT INTO review_comment (assessment, author, role, time, body) "
    "VALUES (1, 'x', 'expert', 'now', 'forged')",
  };
  sqlite3 *db = NULL;

  core_test_seal_workspace (f->ws, certs_dir, FALSE);
  g_clear_object (&f->ws);
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  for (guint i = 0; i < G_N_ELEMENTS (writes); i++)
    {
      g_autofree char *message = NULL;
      char *raw = NULL;

      g_test_message ("%s", writes[i]);
      g_assert_cmpint (sqlite3_exec (db, writes[i], NULL, NULL, &raw), ==, SQLITE_CONSTRAINT);
      message = g_strdup (raw);
      sqlite3_free (raw);
      g_assert_nonnull (strstr (message, "scs-sealed"));
    }
  sqlite3_close (db);
}

/* Behind the seal's back (triggers dropped, the change made, triggers put
 * back): the signature check names the scope item and what changed. */
static void
test_forged_scope_named (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsSignatureCheck) check = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *name = NULL;

  core_test_seal_workspace (f->ws, certs_dir, FALSE);
  g_clear_object (&f->ws);
  sql = g_strdup_printf ("UPDATE scope_item SET reason = 'forged' WHERE id = %" G_GINT64_FORMAT ";"
                         "UPDATE scope_item SET name = 'Forged' WHERE id = %" G_GINT64_FORMAT ";",
                         f->excluded, f->cloud);
  core_test_forge (f->path, sql);

  f->ws = scs_workspace_open (f->path, &error);
  g_assert_no_error (error);
  check = scs_signature_check (f->ws, SCS_SIGNATURE_ROLE_EXPERT, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (check->content_matches);
  reason = g_strdup_printf ("scope item %" G_GINT64_FORMAT ": out-of-scope/reason", f->excluded);
  name = g_strdup_printf ("scope item %" G_GINT64_FORMAT ": name", f->cloud);
  for (guint i = 0; i < check->changes->len; i++)
    g_test_message ("changed: %s", (char *) check->changes->pdata[i]);
  g_assert_true (g_ptr_array_find_with_equal_func (check->changes, reason, g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (check->changes, name, g_str_equal, NULL));
  /* nothing else is named (the signed scope.xml entry changed with it) */
  for (guint i = 0; i < check->changes->len; i++)
    {
      const char *change = check->changes->pdata[i];

      g_assert_true (g_str_has_prefix (change, "scope item ") || g_str_equal (change, "scope.xml"));
    }
}

/* A new round lifts the seal for the scope too. */
static void
test_new_round_unseals_scope (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsProfile) expert = scs_profile_new ();
  g_autoptr(ScsReview) review = NULL;

  core_test_seal_workspace (f->ws, certs_dir, FALSE);
  scs_profile_set_role (expert, SCS_ROLE_EXPERT);
  review = scs_review_new (f->ws, expert);
  g_assert_true (scs_review_start_new_round (review, &error));
  g_assert_no_error (error);
  g_assert_true (scs_scope_set_status (f->scope, f->excluded, SCS_SCOPE_STATUS_EXCLUDED,
                                       "new reason", NULL, TRUE, &error));
  g_assert_no_error (error);
}

/* ------------------------------------------------------------------------ */
/* Text at input                                                             */

static void
assert_refused_text (GError     **error,
                     const char  *must_name)
{
  g_assert_nonnull (*error);
  g_test_message ("%s", (*error)->message);
  g_assert_nonnull (strstr ((*error)->message, must_name));
  g_clear_error (error);
}

static void
test_text_refused (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsOrganization) org = NULL;
  g_autoptr(ScsProfile) expert = scs_profile_new ();
  g_autoptr(ScsReview) review = NULL;
  g_autoptr(GHashTable) fields = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GBytes) xml = NULL;
  g_autofree char *before = core_test_file_state (f->path, TRUE);
  g_autofree char *after = NULL;

  g_assert_false (scs_workspace_set_note (f->ws, "1-2-1-1", "tab\vvertical", &error));
  g_assert_error (error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_INVALID);
  assert_refused_text (&error, "1-2-1-1");
  g_assert_false (scs_workspace_set_note (f->ws, "1-2-1-1", "nc \xef\xbf\xbf", &error));
  assert_refused_text (&error, "U+FFFF");
  g_assert_false (scs_workspace_set_answer (f->ws, "1-2-1-2", SCS_ANSWER_NOT_APPLICABLE, NULL,
                                            "reason \xe2\x80\xae" "desrever", &error));
  assert_refused_text (&error, "1-2-1-2");

  org = scs_workspace_dup_organization (f->ws);
  g_free (org->name);
  org->name = g_strdup ("\xe2\x80\xae" "KK arukaS");
  g_assert_false (scs_workspace_set_organization (f->ws, org, &error));
  assert_refused_text (&error, "U+202E");

  g_hash_table_insert (fields, "provider", "evil\x1b[2J");
  g_assert_false (scs_scope_update_item (f->scope, f->cloud, fields, &error));
  g_assert_error (error, SCS_SCOPE_ERROR, SCS_SCOPE_ERROR_INVALID);
  assert_refused_text (&error, "provider");
  g_assert_false (scs_scope_set_status (f->scope, f->excluded, SCS_SCOPE_STATUS_EXCLUDED,
                                        "reason\xef\xb7\x90", NULL, TRUE, &error));
  assert_refused_text (&error, "U+FDD0");
  g_assert_false (scs_scope_set_status (f->scope, f->excluded, SCS_SCOPE_STATUS_EXCLUDED,
                                        NULL, "\xe2\x81\xa6isolate", TRUE, &error));
  assert_refused_text (&error, "separation");
  g_assert_false (scs_scope_set_unit (f->scope, SCS_SCOPE_UNIT_COMPANY, "desc\x01", NULL, &error));
  assert_refused_text (&error, "U+0001");

  scs_profile_set_name (expert, "Expert Taro");
  scs_profile_set_role (expert, SCS_ROLE_EXPERT);
  review = scs_review_new (f->ws, expert);
  g_assert_cmpint (scs_review_add_comment (review, "1-2-1-1", "bad\vcomment", &error), ==, 0);
  assert_refused_text (&error, "1-2-1-1");
  g_assert_cmpint (scs_review_propose (review, "1-2-1-1", "note", "x\x7f", NULL, &error), ==, 0);
  assert_refused_text (&error, "1-2-1-1");

  {
    g_autofree char *odd = g_build_filename (f->dir, "policy\x1b[1m.txt", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (odd);
    g_autofree char *sha = NULL;

    core_test_write_file (odd, "odd", -1);
    sha = scs_workspace_add_evidence (f->ws, "1-2-1-1", file, NULL, &error);
    g_assert_null (sha);
    g_assert_error (error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_INVALID);
    assert_refused_text (&error, "U+001B");
  }

  after = core_test_file_state (f->path, TRUE);
  g_assert_cmpstr (before, ==, after);

  /* the actor: a newline would forge audit lines; it is never recorded */
  g_assert_false (scs_workspace_check_actor ("Taro\n2026-01-01T00:00:00Z forged", &error));
  assert_refused_text (&error, "actor");
  scs_workspace_set_actor (f->ws, "Taro\nforged");
  g_assert_null (strchr (scs_workspace_get_actor (f->ws), '\n'));

  /* Old data written behind the application's back: the renderer names
   * the criterion instead of producing XML nobody can parse. */
  g_assert_true (scs_workspace_set_note (f->ws, "1-2-1-1", "fine", &error));
  g_assert_no_error (error);
  g_clear_object (&f->ws);
  core_test_forge (f->path, "UPDATE answer SET note = 'old' || char (11) || 'data' "
                            "WHERE criterion_id = '1-2-1-1'");
  f->ws = scs_workspace_open (f->path, &error);
  g_assert_no_error (error);
  xml = scs_attestation_render (f->ws, &error);
  g_assert_null (xml);
  g_assert_error (error, SCS_ATTESTATION_ERROR, SCS_ATTESTATION_ERROR_INVALID);
  assert_refused_text (&error, "1-2-1-1");
  {
    g_autofree char *sql = g_strdup_printf ("UPDATE scope_item SET separation = 'x' || char (65535) "
                                            "WHERE id = %" G_GINT64_FORMAT, f->excluded);
    g_autoptr(GBytes) scope_xml = NULL;
    g_autofree char *item = NULL;

    g_clear_object (&f->ws);
    core_test_forge (f->path, sql);
    f->ws = scs_workspace_open (f->path, &error);
    g_assert_no_error (error);
    scope_xml = scs_scope_render_xml (f->ws, &error);
    item = g_strdup_printf ("Scope item %" G_GINT64_FORMAT, f->excluded);
    g_assert_null (scope_xml);
    g_assert_error (error, SCS_SCOPE_ERROR, SCS_SCOPE_ERROR_INVALID);
    assert_refused_text (&error, item);
  }
}

/* ------------------------------------------------------------------------ */
/* The file format is ours alone                                             */

static void
assert_schema_refused (Fixture    *f,
                       const char *sql,
                       const char *object)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsWorkspace) ws = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  sqlite3 *db = NULL;

  g_clear_object (&f->ws);
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));

  before = core_test_file_state (f->path, TRUE);
  ws = scs_workspace_open (f->path, &error);
  g_assert_null (ws);
  g_assert_error (error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_CORRUPT);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, object));
  after = core_test_file_state (f->path, TRUE);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_schema_foreign_trigger (Fixture *f, gconstpointer data)
{
  /* The attack: a trigger that rewrites what is signed, inside our own
   * signing transaction. */
  assert_schema_refused (f, "CREATE TRIGGER sneaky AFTER INSERT ON review_signature "
                            "BEGIN UPDATE answer SET note = 'changed'; END;", "sneaky");
}

static void
test_schema_foreign_table (Fixture *f, gconstpointer data)
{
  assert_schema_refused (f, "CREATE TABLE extra (x)", "extra");
}

static void
test_schema_view (Fixture *f, gconstpointer data)
{
  assert_schema_refused (f, "CREATE VIEW v AS SELECT * FROM answer", "‘v’");
}

static void
test_schema_dropped_seal_trigger (Fixture *f, gconstpointer data)
{
  assert_schema_refused (f, "DROP TRIGGER review_seal_answer_update", "review_seal_answer_update");
}

static void
test_schema_dropped_index (Fixture *f, gconstpointer data)
{
  assert_schema_refused (f, "DROP INDEX evidence_link_by_criterion", "evidence_link_by_criterion");
}

static void
test_schema_changed_trigger (Fixture *f, gconstpointer data)
{
  /* the same name, a body that does nothing */
  assert_schema_refused (f, "DROP TRIGGER review_seal_scope_item_update;"
                            "CREATE TRIGGER review_seal_scope_item_update BEFORE UPDATE ON scope_item "
                            "BEGIN SELECT 1; END;", "review_seal_scope_item_update");
}

/* What SQLite makes by itself (ANALYZE's statistics) is not foreign, and a
 * clean file opens again and again. */
static void
test_schema_sqlite_own (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  g_clear_object (&f->ws);
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "ANALYZE", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  f->ws = scs_workspace_open (f->path, &error);
  g_assert_no_error (error);
  g_clear_object (&f->ws);
  f->ws = scs_workspace_open (f->path, &error);
  g_assert_no_error (error);
}

/* Management's declaration: the expert who signed, an assistant or the
 * staff cannot make it, whatever certificate they hold; nothing is written
 * then. Management's profile can. */
static void
test_declaration_management_only (Fixture *f, gconstpointer data)
{
  g_autofree char *p12 = g_build_filename (certs_dir, "manager.p12", NULL);
  g_autoptr(ScsSigner) manager = NULL;
  g_autoptr(GError) error = NULL;
  const ScsRole refused[] = { SCS_ROLE_EXPERT, SCS_ROLE_ASSISTANT, SCS_ROLE_SME, SCS_ROLE_VENDOR };

  core_test_seal_workspace (f->ws, certs_dir, FALSE);
  manager = scs_signer_new_from_pkcs12 (p12, "secret", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(ScsProfile) profile = scs_profile_new ();
      g_autoptr(ScsReview) review = NULL;
      g_autofree char *before = core_test_file_sha256 (f->path);
      g_autofree char *after = NULL;

      scs_profile_set_name (profile, "Expert Taro");
      scs_profile_set_role (profile, refused[i]);
      review = scs_review_new (f->ws, profile);
      g_assert_false (scs_signoff_check_declarant (review, &error));
      g_assert_error (error, SCS_REVIEW_ERROR, SCS_REVIEW_ERROR_ROLE);
      g_clear_error (&error);
      g_assert_false (scs_signoff_declare (review, "Expert Taro", "代表取締役", NULL, NULL, manager,
                                           NULL, SCS_SIGN_FLAGS_NONE, &error));
      g_assert_error (error, SCS_REVIEW_ERROR, SCS_REVIEW_ERROR_ROLE);
      g_assert_nonnull (strstr (error->message, "Expert Taro"));
      g_clear_error (&error);
      after = core_test_file_sha256 (f->path);
      g_assert_cmpstr (before, ==, after);
    }
  {
    g_autoptr(ScsReview) review = scs_review_new (f->ws, core_test_management ());
    g_autoptr(ScsSignatureInfo) info = NULL;

    g_assert_true (scs_signoff_declare (review, "山田 一郎", "代表取締役", NULL, NULL, manager,
                                        NULL, SCS_SIGN_FLAGS_NONE, &error));
    g_assert_no_error (error);
    info = scs_signature_dup_info (f->ws, SCS_SIGNATURE_ROLE_MANAGEMENT);
    g_assert_nonnull (info);
  }
}

/* ---- Workspaces made before the signing tables and the seal were modules
 * of their own (the review module's steps made them) */

/* The modules split off review, and the versions a file of review
 * version 3 holds. */
static const char split_modules[] =
  "attestation|1\n"
  "declaration|2\n"
  "seal|2\n"
  "signature|2\n";

static char *
query_rows (sqlite3    *db,
            const char *sql)
{
  g_autoptr(GString) out = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          if (i > 0)
            g_string_append_c (out, '|');
          if (sqlite3_column_type (stmt, i) == SQLITE_BLOB)
            {
              g_autofree char *sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                                                  sqlite3_column_blob (stmt, i),
                                                                  sqlite3_column_bytes (stmt, i));

              g_string_append_printf (out, "blob:%s", sha);
            }
          else if (sqlite3_column_type (stmt, i) == SQLITE_NULL)
            g_string_append (out, "NULL");
          else
            g_string_append (out, (const char *) sqlite3_column_text (stmt, i));
        }
      g_string_append_c (out, '\n');
    }
  g_assert_cmpint (rc, ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
file_rows (const char *path,
           const char *sql)
{
  sqlite3 *db = NULL;
  char *rows;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  rows = query_rows (db, sql);
  sqlite3_close (db);
  return rows;
}

/* Every row of the signing tables and the seal, blobs by their SHA-256. */
static char *
signing_rows (const char *path)
{
  static const char * const tables[] = {
    "review_signature", "review_signed_entry", "review_attestation", "review_declaration", "review_seal",
  };
  g_autoptr(GString) all = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY rowid", tables[i]);
      g_autofree char *rows = file_rows (path, sql);

      g_string_append_printf (all, "%s:\n%s", tables[i], rows);
    }
  return g_string_free (g_steal_pointer (&all), FALSE);
}

/* The schema as `sqlite3 F .schema` shows it, object by object in name
 * order, without where in the file each one lies. */
static char *
schema_of (const char *path)
{
  return file_rows (path, "SELECT type, name, tbl_name, sql FROM sqlite_master "
                          "WHERE name NOT GLOB 'sqlite_*' ORDER BY type, name");
}

/* sqlite3_mprintf () (%Q, %w) into memory of GLib's. */
static char *
sql_printf (const char *format,
            ...)
{
  va_list args;
  char *sql;
  char *copy;

  va_start (args, format);
  sql = sqlite3_vmprintf (format, args);
  va_end (args);
  copy = g_strdup (sql);
  sqlite3_free (sql);
  return copy;
}

static void
exec_sql (sqlite3    *db,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

/* Writes @to as the code before the split wrote a workspace with the data
 * of @from: every object but the review module's from @from's own SQL,
 * then the review module's from its steps as they were
 * (fixtures/review-schema-v3.sql), the rows of every table, and the module
 * versions it recorded (none for the split modules). */
static void
write_old_layout (const char *from,
                  const char *to)
{
  g_autofree char *old_steps = g_test_build_filename (G_TEST_DIST, "core", "fixtures", "review-schema-v3.sql", NULL);
  g_autofree char *steps = NULL;
  g_autofree char *attach = sql_printf ("ATTACH %Q AS src", from);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) triggers = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *header = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_true (g_file_get_contents (old_steps, &steps, NULL, NULL));
  g_assert_cmpint (sqlite3_open (to, &db), ==, SQLITE_OK);
  exec_sql (db, attach);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT type, name, sql FROM src.sqlite_master "
                                           "WHERE sql IS NOT NULL AND name NOT GLOB 'review_*' ORDER BY rowid",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *type = (const char *) sqlite3_column_text (stmt, 0);
      const char *sql = (const char *) sqlite3_column_text (stmt, 2);

      /* triggers after the rows, so that none fires on the copy */
      if (g_str_equal (type, "trigger"))
        g_ptr_array_add (triggers, g_strdup (sql));
      else
        exec_sql (db, sql);
      if (g_str_equal (type, "table"))
        g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  sqlite3_finalize (stmt);
  exec_sql (db, steps);

  g_ptr_array_add (tables, g_strdup ("review_round"));
  g_ptr_array_add (tables, g_strdup ("review_comment"));
  g_ptr_array_add (tables, g_strdup ("review_verdict"));
  g_ptr_array_add (tables, g_strdup ("review_proposal"));
  g_ptr_array_add (tables, g_strdup ("review_signature"));
  g_ptr_array_add (tables, g_strdup ("review_signed_entry"));
  g_ptr_array_add (tables, g_strdup ("review_attestation"));
  g_ptr_array_add (tables, g_strdup ("review_declaration"));
  g_ptr_array_add (tables, g_strdup ("review_seal"));   /* last: the seal triggers ask it */
  for (guint i = 0; i < tables->len; i++)
    {
      const char *name = tables->pdata[i];
      g_autofree char *copy = sql_printf (g_str_equal (name, "schema_module")
                                               ? "INSERT INTO main.%w SELECT * FROM src.%w WHERE name NOT IN "
                                                 "('signature', 'attestation', 'declaration', 'seal')"
                                               : "INSERT INTO main.%w SELECT * FROM src.%w", name, name);

      exec_sql (db, copy);
    }
  for (guint i = 0; i < triggers->len; i++)
    exec_sql (db, triggers->pdata[i]);

  header = file_rows (from, "PRAGMA application_id");
  g_free (attach);
  attach = g_strdup_printf ("DETACH src; PRAGMA application_id = %s; PRAGMA user_version = %d; "
                            "PRAGMA journal_mode = WAL;", g_strstrip (header), SCS_WORKSPACE_SCHEMA_VERSION);
  exec_sql (db, attach);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

/* A sealed workspace as the code before the split wrote it opens with
 * the same tables and rows, the new modules' versions recorded (nothing
 * created), its seal holding and its signatures valid, and a package
 * exported from it verifies with scs-cli. Its schema is then the one a new
 * workspace has, table by table. */
static void
test_old_layout_opens (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *old = g_build_filename (f->dir, "old.scsw", NULL);
  g_autofree char *package = g_build_filename (f->dir, "old.scsp", NULL);
  g_autofree char *ca = g_build_filename (certs_dir, "ca.pem", NULL);
  g_autofree char *rows_before = NULL;
  g_autofree char *rows_after = NULL;
  g_autofree char *modules = NULL;
  g_autofree char *schema_old = NULL;
  g_autofree char *schema_new = NULL;
  g_autoptr(ScsSignatureCheck) expert = NULL;
  g_autoptr(ScsSignatureCheck) management = NULL;
  g_autoptr(ScsWorkspace) ws = NULL;
  g_autofree char *out = NULL;

  core_test_seal_workspace (f->ws, certs_dir, FALSE);
  g_clear_object (&f->ws);
  write_old_layout (f->path, old);
  rows_before = signing_rows (old);
  g_assert_nonnull (strstr (rows_before, "review_seal:\n1|"));
  modules = file_rows (old, "SELECT name, version FROM schema_module "
                            "WHERE name IN ('signature', 'attestation', 'declaration', 'seal', 'review') ORDER BY 1");
  g_assert_cmpstr (modules, ==, "review|3\n");
  g_clear_pointer (&modules, g_free);

  ws = scs_workspace_open (old, &error);
  g_assert_no_error (error);
  g_assert_false (scs_workspace_is_read_only (ws));
  g_assert_true (scs_workspace_is_sealed (ws));
  g_assert_false (scs_workspace_seal_is_missing (ws));
  g_assert_false (scs_workspace_set_note (ws, "1-2-1-1", "after the split", &error));
  g_assert_error (error, SCS_WORKSPACE_ERROR, SCS_WORKSPACE_ERROR_SEALED);
  g_clear_error (&error);
  expert = scs_signature_check (ws, SCS_SIGNATURE_ROLE_EXPERT, ca, &error);
  g_assert_no_error (error);
  g_assert_true (scs_signature_check_is_good (expert));
  management = scs_signature_check (ws, SCS_SIGNATURE_ROLE_MANAGEMENT, ca, &error);
  g_assert_no_error (error);
  g_assert_true (scs_signature_check_is_good (management));
  g_clear_object (&ws);

  modules = file_rows (old, "SELECT name, version FROM schema_module "
                            "WHERE name IN ('signature', 'attestation', 'declaration', 'seal') ORDER BY 1");
  g_assert_cmpstr (modules, ==, split_modules);
  rows_after = signing_rows (old);
  g_assert_cmpstr (rows_after, ==, rows_before);

  g_assert_cmpint (core_test_run_cli (NULL, "export", old, "--out", package, NULL), ==, 0);
  g_assert_cmpint (core_test_run_cli (&out, "verify", package, "--ca", ca, NULL), ==, 0);

  /* the same schema as a new workspace's, the same module versions */
  schema_old = schema_of (old);
  schema_new = schema_of (f->path);
  g_assert_cmpstr (schema_old, ==, schema_new);
  g_clear_pointer (&modules, g_free);
  modules = file_rows (old, "SELECT name, version FROM schema_module ORDER BY 1");
  g_free (schema_new);
  schema_new = file_rows (f->path, "SELECT name, version FROM schema_module ORDER BY 1");
  g_assert_cmpstr (modules, ==, schema_new);
}

/* Opened read-only (here: a full disk at opening, so nothing can be
 * recorded), a file made before the split is read as it is: its seal
 * holds, the file is unchanged. */
static void
test_old_layout_read_only (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *old = g_build_filename (f->dir, "old.scsw", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(ScsWorkspace) ws = NULL;
  struct rlimit saved, full;

  core_test_seal_workspace (f->ws, certs_dir, FALSE);
  g_clear_object (&f->ws);
  write_old_layout (f->path, old);
  before = core_test_file_sha256 (old);

  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  full = saved;
  full.rlim_cur = 0;
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &full), ==, 0);
  ws = scs_workspace_open (old, &error);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  g_assert_no_error (error);
  g_assert_true (scs_workspace_is_read_only (ws));
  g_assert_true (scs_workspace_is_sealed (ws));
  g_assert_false (scs_workspace_seal_is_missing (ws));
  g_clear_object (&ws);
  after = core_test_file_sha256 (old);
  g_assert_cmpstr (after, ==, before);
}

int
main (int    argc,
      char **argv)
{
  int rc;

  g_test_init (&argc, &argv, NULL);

  certs_dir = core_test_make_tmp_dir ("scs-seal-certs-XXXXXX");
  core_test_make_certificates (certs_dir, TRUE);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/scs/seal/attestation-has-scope", test_attestation_has_scope);
  ADD ("/scs/seal/every-write-refused", test_every_write_refused);
  ADD ("/scs/seal/triggers-guard-scope", test_triggers_guard_scope);
  ADD ("/scs/seal/forged-scope-named", test_forged_scope_named);
  ADD ("/scs/seal/new-round-unseals-scope", test_new_round_unseals_scope);
  ADD ("/scs/seal/text-refused", test_text_refused);
  ADD ("/scs/seal/declaration-management-only", test_declaration_management_only);
  ADD ("/scs/schema/foreign-trigger", test_schema_foreign_trigger);
  ADD ("/scs/schema/foreign-table", test_schema_foreign_table);
  ADD ("/scs/schema/view", test_schema_view);
  ADD ("/scs/schema/dropped-seal-trigger", test_schema_dropped_seal_trigger);
  ADD ("/scs/schema/dropped-index", test_schema_dropped_index);
  ADD ("/scs/schema/changed-trigger", test_schema_changed_trigger);
  ADD ("/scs/schema/sqlite-own-objects", test_schema_sqlite_own);
  ADD ("/scs/schema/before-split-opens", test_old_layout_opens);
  ADD ("/scs/schema/before-split-read-only", test_old_layout_read_only);
#undef ADD

  rc = g_test_run ();
  core_test_rm_rf (certs_dir);
  g_free (certs_dir);
  return rc;
}
