/* test-cli-review.c: the review round trip through scs-cli
 *
 * SME fills → expert comments and proposes → SME accepts one, rejects one,
 * edits an accepted item → the expert sees exactly those changes → accepts
 * → signs (PKCS#12; the certificate's validity period is printed) →
 * management declares; then refusals (wrong passphrase, expired, foreign
 * CA, no signing usage) leave the file unchanged, the signature verifies
 * with openssl, and a change made with sqlite3 is named by
 * verify-signature (exit 1).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <time.h>

#include <json-glib/json-glib.h>

#include "cli-test-util.h"
#include "scs-signer.h"

static char *dir;

static int
cli (char **out, const char *profile, const char *fmt, ...) G_GNUC_PRINTF (3, 4);

static int
cli (char       **out,
     const char  *profile,
     const char  *fmt,
     ...)
{
  va_list args;
  g_autofree char *tail = NULL;
  g_autofree char *cmd = NULL;
  g_autofree char *std_out = NULL;
  g_autofree char *std_err = NULL;
  int status = 0;

  va_start (args, fmt);
  tail = g_strdup_vprintf (fmt, args);
  va_end (args);
  cmd = g_strdup_printf ("env SCS_LANGUAGE=en SCS_PROFILE='%s/%s.ini' '%s' %s", dir, profile, g_getenv ("SCS_CLI"), tail);
  g_assert_true (g_spawn_command_line_sync (cmd, &std_out, &std_err, &status, NULL));
  if (out)
    *out = g_strconcat (std_out, std_err, NULL);
  return g_spawn_check_wait_status (status, NULL) ? 0 : WEXITSTATUS (status);
}

/* The line sign and declare print after signing with @p12: its period as
 * the core reads it, in the user's calendar dates (TZ is set in main). */
static char *
validity_line (const char *p12)
{
  g_autofree char *file = g_build_filename (dir, p12, NULL);
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  GTimeSpan length;

  core_test_certificate_dates (file, &from, &to, &length);
  /* make-certificates.sh: 365 days from the moment it ran. */
  g_assert_cmpint (length, ==, 365 * G_TIME_SPAN_DAY);
  return g_strdup_printf ("The signing certificate is valid from %s to %s.\n", from, to);
}

static void
test_round_trip (void)
{
  g_autofree char *ws = g_build_filename (dir, "ws.scsw", NULL);
  g_autofree char *out = NULL;
  g_autofree char *list = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *criteria;
  JsonObject *status;
  g_autofree char *before = NULL;
  const char *bad[] = { "expired", "foreign", "nosig" };

  g_assert_cmpint (cli (NULL, "sme", "profile set --name 'SME Sato' --role sme"), ==, 0);
  g_assert_cmpint (cli (NULL, "expert", "profile set --name 'Expert Taro' --role expert "
                        "--qualification riss --registration 013258 --training-date 2026-01-10"), ==, 0);
  /* Qualification upkeep: past dates only, shown by profile show. */
  g_assert_cmpint (cli (NULL, "expert", "profile set --upkeep cpe:2099-01-01"), ==, 2);
  g_assert_cmpint (cli (NULL, "expert", "profile set --upkeep nonsense"), ==, 2);
  g_assert_cmpint (cli (NULL, "expert", "profile set --upkeep riss-online:2026-05-10:'online course'"), ==, 0);
  {
    g_autofree char *shown = NULL;

    g_assert_cmpint (cli (&shown, "expert", "profile show --json"), ==, 0);
    g_assert_nonnull (strstr (shown, "\"riss-online\""));
    g_assert_nonnull (strstr (shown, "online course"));
    g_assert_null (strstr (shown, "2099"));
  }
  g_assert_cmpint (cli (NULL, "sme", "new '%s' --name 'Test KK' --sole-proprietor", ws), ==, 0);

  g_assert_cmpint (cli (&list, "sme", "catalog list --json"), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, list, -1, NULL));
  criteria = JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser))
    ? json_node_get_array (json_parser_get_root (parser))
    : json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "criteria");
  for (guint i = 0; i < json_array_get_length (criteria); i++)
    {
      JsonObject *c = json_array_get_object_element (criteria, i);

      if (json_object_get_int_member (c, "level") == 3)
        g_assert_cmpint (cli (NULL, "sme", "answer '%s' %s met", ws,
                              json_object_get_string_member (c, "id")), ==, 0);
    }
  /* evidence is attested by its SHA-256 */
  {
    g_autofree char *policy = g_build_filename (dir, "policy.txt", NULL);

    g_assert_true (g_file_set_contents (policy, "情報セキュリティ基本方針 v1\n", -1, NULL));
    g_assert_cmpint (cli (NULL, "sme", "evidence add '%s' 1-2-1-1 '%s'", ws, policy), ==, 0);
  }
  g_assert_cmpint (cli (NULL, "sme", "review hand-over '%s'", ws), ==, 0);

  /* expert */
  g_assert_cmpint (cli (NULL, "expert", "review comment '%s' 1-2-1-1 'Attach the policy'", ws), ==, 0);
  g_assert_cmpint (cli (NULL, "expert", "review propose '%s' 1-2-1-1 note 'Policy v2'", ws), ==, 0);
  g_assert_cmpint (cli (NULL, "expert", "review propose '%s' 1-2-1-2 state not-met", ws), ==, 0);
  g_assert_cmpint (cli (NULL, "expert", "review verdict '%s' all accepted", ws), ==, 0);
  g_assert_cmpint (cli (NULL, "expert", "review hand-over '%s'", ws), ==, 0);
  /* the SME may not give verdicts */
  g_assert_cmpint (cli (&out, "sme", "review verdict '%s' 1-2-1-1 accepted", ws), ==, 2);
  g_clear_pointer (&out, g_free);

  /* SME */
  g_assert_cmpint (cli (NULL, "sme", "review accept '%s' 1", ws), ==, 0);
  g_assert_cmpint (cli (NULL, "sme", "review reject '%s' 2 --comment 'it is met'", ws), ==, 0);
  g_assert_cmpint (cli (NULL, "sme", "answer '%s' 3-1-1-1 met --note 'edited'", ws), ==, 0);
  g_assert_cmpint (cli (NULL, "sme", "review hand-over '%s'", ws), ==, 0);

  /* expert sees exactly those changes */
  g_assert_cmpint (cli (&out, "expert", "review status '%s' --json", ws), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, out, -1, NULL));
  status = json_node_get_object (json_parser_get_root (parser));
  {
    JsonArray *changes = json_object_get_array_member (status, "changes");

    g_assert_cmpuint (json_array_get_length (changes), ==, 2);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (changes, 0), "target"), ==, "1-2-1-1");
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (changes, 0), "actor"), ==, "SME Sato");
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (changes, 1), "target"), ==, "3-1-1-1");
    g_assert_cmpint (json_object_get_int_member (status, "reopened"), ==, 2);
  }
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (cli (&out, "expert", "sign '%s' --p12 %s/expert.p12 --password-file %s/pw", ws, dir, dir), ==, 2);
  g_assert_nonnull (strstr (out, "not complete"));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (cli (NULL, "expert", "review verdict '%s' all accepted", ws), ==, 0);

  /* refusals change nothing */
  before = core_test_file_sha256 (ws);
  g_assert_cmpint (cli (&out, "expert", "sign '%s' --p12 %s/expert.p12 --password-file %s/badpw", ws, dir, dir), ==, 2);
  g_assert_nonnull (strstr (out, "passphrase"));
  g_clear_pointer (&out, g_free);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_cmpint (cli (&out, "expert", "sign '%s' --p12 %s/%s.p12 --password-file %s/pw --ca %s/ca.pem",
                            ws, dir, bad[i], dir, dir), ==, 2);
      g_assert_nonnull (strstr (out, "certificate"));
      g_clear_pointer (&out, g_free);
    }
  {
    g_autofree char *after = core_test_file_sha256 (ws);
    g_assert_cmpstr (before, ==, after);
  }

  g_assert_cmpint (cli (&out, "expert", "sign '%s' --p12 %s/expert.p12 --password-file %s/pw --ca %s/ca.pem",
                        ws, dir, dir, dir), ==, 0);
  {
    g_autofree char *validity = validity_line ("expert.p12");

    g_assert_nonnull (strstr (out, validity));
  }
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (cli (&out, "sme", "answer '%s' 4-1-1-1 not-met", ws), ==, 2);
  g_assert_nonnull (strstr (out, "signed"));
  g_clear_pointer (&out, g_free);
  /* the declaration is management's: staff and expert are refused */
  g_assert_cmpint (cli (&out, "sme", "declare '%s' --name Suzuki --title CEO --p12 %s/manager.p12 "
                        "--password-file %s/pw", ws, dir, dir), ==, 2);
  g_assert_nonnull (strstr (out, "Only management makes the declaration"));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (cli (&out, "expert", "declare '%s' --name Suzuki --title CEO --p12 %s/manager.p12 "
                        "--password-file %s/pw", ws, dir, dir), ==, 2);
  g_assert_nonnull (strstr (out, "Only management makes the declaration"));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (cli (NULL, "management", "profile set --name Suzuki --role management"), ==, 0);
  g_assert_cmpint (cli (&out, "management", "declare '%s' --name Suzuki --title CEO --p12 %s/manager.p12 "
                        "--password-file %s/pw", ws, dir, dir), ==, 0);
  {
    g_autofree char *validity = validity_line ("manager.p12");

    g_assert_nonnull (strstr (out, validity));
  }
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (cli (NULL, "sme", "verify-signature '%s' --ca %s/ca.pem", ws, dir), ==, 0);

  g_assert_cmpint (cli (NULL, "sme", "signature export '%s' %s/out", ws, dir), ==, 0);
  {
    /* each CMS covers its ASiCManifest, which references the content */
    g_autofree char *cmd = g_strdup_printf ("openssl cms -verify -binary -inform DER -in %s/out/signature-expert.p7s "
                                            "-content %s/out/ASiCManifest-expert.xml -CAfile %s/ca.pem "
                                            "-purpose any -out /dev/null 2>/dev/null",
                                            dir, dir, dir);
    g_assert_cmpint (system (cmd), ==, 0);
    g_free (cmd);
    cmd = g_strdup_printf ("openssl cms -verify -binary -inform DER -in %s/out/signature-management.p7s "
                           "-content %s/out/ASiCManifest-management.xml -CAfile %s/ca.pem "
                           "-purpose any -out /dev/null 2>/dev/null",
                           dir, dir, dir);
    g_assert_cmpint (system (cmd), ==, 0);
    g_free (cmd);
    /* behind the seal, on copies of the signed file: sqlite3 drops every
     * trigger, then changes one evidence byte, or the organisation's name */
    {
      const char *forgeries[][2] = {
        { "UPDATE evidence SET data = CAST (X'58' || substr (data, 2) AS BLOB)", "evidence" },
        { "UPDATE organization SET name = 'Forged KK'", "organization: name" },
      };

      for (guint i = 0; i < G_N_ELEMENTS (forgeries); i++)
        {
          g_autofree char *copy = g_strdup_printf ("%s/forged-%u.scsw", dir, i);
          g_autofree char *script = g_strdup_printf ("%s/forge-%u.sql", dir, i);
          /* drop every trigger, forge, put the triggers back as they were:
           * the schema is ours again, only the signature can tell */
          g_autofree char *sql = g_strdup_printf (".output %s/drop-%u.sql\n"
                                                  "SELECT 'DROP TRIGGER \"' || name || '\";' "
                                                  "FROM sqlite_master WHERE type = 'trigger';\n"
                                                  ".output %s/recreate-%u.sql\n"
                                                  "SELECT sql || ';' FROM sqlite_master WHERE type = 'trigger';\n"
                                                  ".output stdout\n"
                                                  ".read %s/drop-%u.sql\n"
                                                  "%s;\n"
                                                  ".read %s/recreate-%u.sql\n",
                                                  dir, i, dir, i, dir, i, forgeries[i][0], dir, i);
          g_autofree char *forge = g_strdup_printf ("cp '%s' '%s' && sqlite3 -bail '%s' < '%s'",
                                                    ws, copy, copy, script);
          g_autofree char *verdict = NULL;

          g_assert_true (g_file_set_contents (script, sql, -1, NULL));
          g_assert_cmpint (system (forge), ==, 0);
          g_assert_cmpint (cli (&verdict, "sme", "verify-signature '%s' --ca %s/ca.pem", copy, dir), ==, 1);
          g_test_message ("%s → %s", forgeries[i][0], verdict);
          g_assert_nonnull (strstr (verdict, forgeries[i][1]));
        }
    }
    /* behind the seal: sqlite3 drops the trigger and changes a note; the
     * file is refused on opening, named, and left as it was */
    {
      g_autofree char *dropped = g_strdup_printf ("%s/dropped.scsw", dir);
      g_autofree char *refusal = NULL;
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;

      cmd = g_strdup_printf ("cp '%s' '%s' && sqlite3 '%s' \"DROP TRIGGER review_seal_answer_update; "
                             "UPDATE answer SET note = 'forged' WHERE criterion_id = '4-1-1-1'\"",
                             ws, dropped, dropped);
      g_assert_cmpint (system (cmd), ==, 0);
      g_clear_pointer (&cmd, g_free);
      before = core_test_file_state (dropped, TRUE);
      g_assert_cmpint (cli (&refusal, "sme", "verify-signature '%s' --ca %s/ca.pem", dropped, dir), ==, 2);
      g_assert_nonnull (strstr (refusal, "review_seal_answer_update"));
      after = core_test_file_state (dropped, TRUE);
      g_assert_cmpstr (before, ==, after);
    }
    {
      /* …and with the trigger put back, only the signature check can tell */
      g_autofree char *script = g_strdup_printf ("%s/forge-note.sql", dir);
      g_autofree char *sql = g_strdup_printf (".output %s/recreate-note.sql\n"
                                              "SELECT sql || ';' FROM sqlite_master "
                                              "WHERE name = 'review_seal_answer_update';\n"
                                              ".output stdout\n"
                                              "DROP TRIGGER review_seal_answer_update;\n"
                                              "UPDATE answer SET note = 'forged' WHERE criterion_id = '4-1-1-1';\n"
                                              ".read %s/recreate-note.sql\n", dir, dir);

      g_assert_true (g_file_set_contents (script, sql, -1, NULL));
      cmd = g_strdup_printf ("sqlite3 -bail '%s' < '%s'", ws, script);
    }
    g_assert_cmpint (system (cmd), ==, 0);
  }
  g_assert_cmpint (cli (&out, "sme", "verify-signature '%s' --ca %s/ca.pem", ws, dir), ==, 1);
  g_assert_nonnull (strstr (out, "criterion 4-1-1-1: note"));
}

int
main (int argc, char **argv)
{
  g_autofree char *cmd = NULL;
  g_autofree char *pw = NULL;
  int rc;

  g_test_init (&argc, &argv, NULL);
  /* scs-cli inherits it: its dates are compared with ours. */
  g_setenv ("TZ", "Asia/Tokyo", TRUE);
  tzset ();
  dir = g_dir_make_tmp ("scs-cli-review-XXXXXX", NULL);
  core_test_make_certificates (dir, FALSE);
  pw = g_build_filename (dir, "pw", NULL);
  g_assert_true (g_file_set_contents (pw, "secret\n", -1, NULL));
  g_free (pw);
  pw = g_build_filename (dir, "badpw", NULL);
  g_assert_true (g_file_set_contents (pw, "wrong\n", -1, NULL));
  g_unsetenv ("SCS_ACTOR");

  g_test_add_func ("/scs/cli/review/round-trip", test_round_trip);
  rc = g_test_run ();
  g_free (cmd);
  cmd = g_strdup_printf ("rm -rf '%s'", dir);
  system (cmd);
  return rc;
}
