/* test-cli-trust.c: who signed, with its trust, and trusted time
 *
 * Attacks and unlucky cases with stock tools: the expert signature re-made
 * with `openssl cms -sign` by a keyCertSign-only certificate, by the CA
 * itself and by a self-signed "Expert Taro" (the seal triggers dropped and
 * put back with sqlite3); a certificate that expires after signing, with
 * and without a time stamp (the core takes "now"); a local RFC 3161 TSA
 * (tests/review/tsa-server.py, `openssl ts -reply`) with the token checked
 * again by `openssl ts -verify`; a CMS listing another certificate before
 * the signer's; a DER CA file; a PKCS#12 with its intermediate; one
 * certificate for both roles.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <sys/wait.h>

#include <glib/gstdio.h>
#include <gnutls/crypto.h>
#include <gnutls/gnutls.h>
#include <gnutls/pkcs7.h>
#include <json-glib/json-glib.h>

#include "cli-test-util.h"
#include "scs-cms.h"
#include "scs-declaration.h"
#include "scs-i18n.h"
#include "scs-package.h"
#include "scs-review.h"
#include "scs-signature.h"
#include "scs-signer.h"
#include "scs-signoff.h"

static char *dir;
static GPid tsa_pid;
static char *tsa_url;
static GPid ocsp_pid;
static char *ocsp_url;

static int
sh (char       **out,
    const char  *fmt,
    ...) G_GNUC_PRINTF (2, 3);

/* A shell command in @dir; exit status, stdout+stderr in @out. */
static int
sh (char       **out,
    const char  *fmt,
    ...)
{
  va_list args;
  g_autofree char *cmd = NULL;
  g_autofree char *std_out = NULL, *std_err = NULL;
  const char *argv[] = { "sh", "-c", NULL, NULL };
  int status = 0;

  va_start (args, fmt);
  cmd = g_strdup_vprintf (fmt, args);
  va_end (args);
  argv[2] = cmd;
  g_assert_true (g_spawn_sync (dir, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &std_out, &std_err, &status, NULL));
  if (out != NULL)
    *out = g_strconcat (std_out, std_err, NULL);
  return g_spawn_check_wait_status (status, NULL) ? 0 : WIFEXITED (status) ? WEXITSTATUS (status) : 255;
}

/* scs-cli in @dir, English, as the expert profile. */
#define CLI "env SCS_LANGUAGE=en SCS_PROFILE=expert.ini \"$SCS_CLI\" "
/* The same as management, who declares. */
#define CLI_MANAGEMENT "env SCS_LANGUAGE=en SCS_PROFILE=management.ini \"$SCS_CLI\" "

static char *
path_in (const char *name)
{
  return g_build_filename (dir, name, NULL);
}

static GBytes *
read_bytes (const char *name)
{
  g_autofree char *path = path_in (name);
  g_autoptr(GError) error = NULL;
  char *contents;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  return g_bytes_new_take (contents, length);
}

/* A ★3 workspace, every criterion met and accepted by the expert: ready
 * to sign. The review is returned; the workspace stays open inside it. */
static ScsReview *
prepare (const char *name)
{
  g_autofree char *path = path_in (name);
  g_autoptr(ScsWorkspace) workspace = NULL;
  g_autoptr(ScsProfile) expert = scs_profile_new ();
  g_autoptr(GError) error = NULL;
  GListModel *answers;
  ScsReview *review;

  g_remove (path);
  workspace = core_test_workspace_new (path, "Trust KK", 3, "tester");
  answers = scs_workspace_get_answers (workspace);
  for (guint i = 0; i < g_list_model_get_n_items (answers); i++)
    {
      g_autoptr(ScsAnswer) answer = g_list_model_get_item (answers, i);

      if (scs_answer_get_criterion (answer)->level == 3)
        g_assert_true (scs_workspace_set_answer (workspace, scs_answer_get_criterion_id (answer),
                                                 SCS_ANSWER_MET, NULL, NULL, &error));
    }
  scs_profile_set_name (expert, "Expert Taro");
  scs_profile_set_role (expert, SCS_ROLE_EXPERT);
  scs_profile_set_qualification (expert, SCS_QUALIFICATION_RISS);
  scs_profile_set_registration (expert, "013258");
  scs_profile_set_training_date (expert, "2026-01-10");
  review = scs_review_new (workspace, expert);
  for (guint i = 0; i < g_list_model_get_n_items (answers); i++)
    {
      g_autoptr(ScsAnswer) answer = g_list_model_get_item (answers, i);

      if (scs_answer_get_criterion (answer)->level == 3)
        g_assert_true (scs_review_set_verdict (review, scs_answer_get_criterion_id (answer),
                                               SCS_VERDICT_ACCEPTED, &error));
    }
  return review;
}

static ScsSigner *
load (const char *p12)
{
  g_autofree char *path = path_in (p12);
  g_autoptr(GError) error = NULL;
  ScsSigner *signer = scs_signer_new_from_pkcs12 (path, "secret", &error);

  g_assert_no_error (error);
  return signer;
}

/* Signed by the expert (and management) with the honest certificates. */
static void
make_signed (const char *name)
{
  g_autoptr(ScsReview) review = prepare (name);
  g_autoptr(ScsSigner) expert = load ("expert.p12");
  g_autoptr(ScsSigner) manager = load ("manager.p12");
  g_autoptr(GError) error = NULL;

  g_assert_true (scs_signoff_sign_assessment (expert, review, NULL, SCS_SIGN_FLAGS_NONE, &error));
  g_assert_no_error (error);
  g_autoptr(ScsReview) management = scs_review_new (scs_review_get_workspace (review),
                                                   core_test_management ());

  g_assert_true (scs_signoff_declare (management, "Yamada", "CEO", NULL, NULL,
                                      manager, NULL, SCS_SIGN_FLAGS_NONE, &error));
  g_assert_no_error (error);
}

/* The attacker: re-signs the stored expert content with openssl and puts
 * the CMS into the workspace, the triggers dropped and put back. */
static void
resign (const char *ws,
        const char *cert,
        const char *extra)
{
  g_autofree char *out = NULL;

  g_assert_cmpint (sh (NULL, "rm -rf x && " CLI "signature export %s x", ws), ==, 0);
  g_assert_cmpint (sh (NULL, "openssl cms -sign -binary -outform DER -nosmimecap -in x/ASiCManifest-expert.xml "
                       "-signer %s.pem -inkey %s.key.pem %s -out forged.p7s", cert, cert, extra), ==, 0);
  g_assert_cmpint (sh (&out, "python3 - %s forged.p7s <<'EOF'\n"
                       "import sqlite3, sys\n"
                       "db = sqlite3.connect(sys.argv[1])\n"
                       "triggers = db.execute(\"SELECT name, sql FROM sqlite_master WHERE type='trigger'\").fetchall()\n"
                       "for name, _ in triggers: db.execute('DROP TRIGGER \"%%s\"' %% name)\n"
                       "db.execute(\"UPDATE review_signature SET cms=? WHERE role='expert' AND superseded=0\",\n"
                       "           (open(sys.argv[2], 'rb').read(),))\n"
                       "for _, sql in triggers: db.execute(sql)\n"
                       "db.commit()\n"
                       "EOF", ws), ==, 0);
}

static JsonObject *
verify_json (JsonParser *parser,
             int         expected,
             const char *ws,
             const char *ca)
{
  g_autofree char *out = NULL;
  g_autofree char *cmd = g_strdup_printf (CLI "verify-signature %s --json %s 2>/dev/null", ws, ca);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (sh (&out, "%s", cmd), ==, expected);
  if (!json_parser_load_from_data (parser, out, -1, &error))
    g_error ("%s: %s\n%s", cmd, error->message, out);
  return json_node_get_object (json_parser_get_root (parser));
}

static void
test_resigned_unsuitable (void)
{
  const char *attacks[][2] = {
    { "certsign", "may not sign documents" },
    { "ca", "may not sign documents" },
    { "cadigital", "is a CA certificate" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (attacks); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *ws = g_strdup_printf ("unsuitable-%s.scsw", attacks[i][0]);

      make_signed (ws);
      resign (ws, attacks[i][0], "");
      /* openssl itself refuses the first two ("unsuitable certificate purpose") */
      if (i < 2)
        g_assert_cmpint (sh (&out, "openssl cms -verify -binary -inform DER -in forged.p7s -content x/ASiCManifest-expert.xml "
                           "-CAfile ca.pem -out /dev/null"), !=, 0);
      g_clear_pointer (&out, g_free);
      g_assert_cmpint (sh (&out, CLI "verify-signature %s --ca ca.pem", ws), ==, 1);
      if (strstr (out, attacks[i][1]) == NULL)
        g_error ("%s", out);
      g_clear_pointer (&out, g_free);
      g_assert_cmpint (sh (&out, CLI "verify-signature %s", ws), ==, 1);
      g_assert_nonnull (strstr (out, attacks[i][1]));
    }
}

static void
test_package_resigned (void)
{
  g_autoptr(ScsReview) review = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *package = path_in ("final.scsp");

  make_signed ("package.scsw");
  {
    g_autofree char *path = path_in ("package.scsw");
    g_autoptr(ScsWorkspace) workspace = scs_workspace_open (path, &error);

    g_assert_no_error (error);
    g_assert_true (scs_package_export (workspace, package, SCS_PACKAGE_FLAGS_NONE, NULL,
                                       NULL, NULL, NULL, &error));
    g_assert_no_error (error);
  }
  /* honest: trusted with the CA as PEM and as DER */
  g_assert_cmpint (sh (&out, CLI "verify final.scsp --ca ca.pem"), ==, 0);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (sh (&out, CLI "verify final.scsp --ca ca.der --json"), ==, 0);
  g_assert_nonnull (strstr (out, "\"trusted\" : true"));
  g_clear_pointer (&out, g_free);

  /* the expert's signature replaced by one of the CA itself */
  g_assert_cmpint (sh (&out, "rm -rf p && mkdir p && unzip -q -d p final.scsp && "
                       "openssl cms -sign -binary -outform DER -nosmimecap -in p/META-INF/ASiCManifest-expert.xml "
                       "-signer ca.pem -inkey ca.key.pem -out forged.p7s && python3 - <<'EOF'\n"
                       "import zipfile\n"
                       "src = zipfile.ZipFile('final.scsp')\n"
                       "with zipfile.ZipFile('forged.scsp', 'w') as out:\n"
                       "    for info in src.infolist():\n"
                       "        data = src.read(info)\n"
                       "        if info.filename == 'META-INF/signature-expert.p7s':\n"
                       "            data = open('forged.p7s', 'rb').read()\n"
                       "        out.writestr(info, data)\n"
                       "EOF"), ==, 0);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (sh (&out, CLI "verify forged.scsp --ca ca.pem"), ==, 1);
  g_assert_nonnull (strstr (out, "may not sign documents"));
}

static void
test_self_signed_not_verified (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *out = NULL;
  JsonObject *root, *expert;

  make_signed ("self.scsw");
  resign ("self.scsw", "selfsigned", "");
  g_assert_cmpint (sh (&out, CLI "verify-signature self.scsw"), ==, 0);
  g_assert_nonnull (strstr (out, "signer not verified"));
  g_assert_null (strstr (out, "valid, by"));
  root = verify_json (parser, 0, "self.scsw", "");
  g_assert_false (json_object_get_boolean_member (root, "trusted"));
  expert = json_object_get_object_member (root, "expert");
  g_assert_false (json_object_get_boolean_member (expert, "trusted"));
  g_assert_cmpstr (json_object_get_string_member (expert, "signer_name"), ==, "Expert Taro");
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (sh (&out, CLI "verify-signature self.scsw --ca ca.pem"), ==, 1);
  g_assert_nonnull (strstr (out, "is not issued by a CA you trust"));

  /* the honest one: trusted with the CA, its name from the certificate */
  make_signed ("honest.scsw");
  root = verify_json (parser, 0, "honest.scsw", "--ca ca.pem");
  g_assert_true (json_object_get_boolean_member (root, "trusted"));
  expert = json_object_get_object_member (root, "expert");
  g_assert_cmpstr (json_object_get_string_member (expert, "signer_organization"), ==, "Test Security Office");
  g_assert_cmpstr (json_object_get_string_member (expert, "level"), ==, "B-B");
}

static void
test_certificate_order (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GBytes) forged = NULL;
  gnutls_pkcs7_t pkcs7;
  gnutls_datum_t der, raw;
  gnutls_x509_crt_t first;
  char buf[256];
  size_t size = sizeof buf;
  JsonObject *root;

  make_signed ("order.scsw");
  resign ("order.scsw", "rsa", "-certfile expert.pem");
  /* the test means something only if another certificate comes first */
  forged = read_bytes ("forged.p7s");
  der.data = (unsigned char *) g_bytes_get_data (forged, NULL);
  der.size = g_bytes_get_size (forged);
  gnutls_pkcs7_init (&pkcs7);
  g_assert_cmpint (gnutls_pkcs7_import (pkcs7, &der, GNUTLS_X509_FMT_DER), >=, 0);
  g_assert_cmpint (gnutls_pkcs7_get_crt_count (pkcs7), ==, 2);
  g_assert_cmpint (gnutls_pkcs7_get_crt_raw2 (pkcs7, 0, &raw), >=, 0);
  gnutls_x509_crt_init (&first);
  g_assert_cmpint (gnutls_x509_crt_import (first, &raw, GNUTLS_X509_FMT_DER), >=, 0);
  g_assert_cmpint (gnutls_x509_crt_get_dn_by_oid (first, GNUTLS_OID_X520_COMMON_NAME, 0, 0, buf, &size), >=, 0);
  g_assert_cmpstr (buf, ==, "Expert Taro");
  gnutls_x509_crt_deinit (first);
  gnutls_free (raw.data);
  gnutls_pkcs7_deinit (pkcs7);

  root = verify_json (parser, 0, "order.scsw", "--ca ca.pem");
  g_assert_true (json_object_get_boolean_member (root, "trusted"));
  root = json_object_get_object_member (root, "expert");
  g_assert_cmpstr (json_object_get_string_member (root, "signer_name"), ==, "RSA Expert");
  g_assert_cmpstr (json_object_get_string_member (root, "signer_registration"), ==, "RISS-013258");
}

static void
test_der_ca_and_chain (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *out = NULL;
  JsonObject *root;

  make_signed ("der.scsw");
  root = verify_json (parser, 0, "der.scsw", "--ca ca.der");
  g_assert_true (json_object_get_boolean_member (root, "trusted"));
  /* two anchors, one of them foreign: still trusted */
  root = verify_json (parser, 0, "der.scsw", "--ca otherca.pem --ca ca.der");
  g_assert_true (json_object_get_boolean_member (root, "trusted"));
  /* a file that is no certificate is named */
  g_assert_cmpint (sh (&out, CLI "verify-signature der.scsw --ca tsa.cnf"), ==, 2);
  g_assert_nonnull (strstr (out, "tsa.cnf"));
  g_clear_pointer (&out, g_free);

  /* PKCS#12 with root → intermediate → leaf: the intermediate goes into the CMS */
  g_object_unref (prepare ("chain.scsw"));
  g_assert_cmpint (sh (&out, CLI "sign chain.scsw --p12 chain.p12 --password-file pw --ca root.pem"), ==, 0);
  g_clear_pointer (&out, g_free);
  root = verify_json (parser, 0, "chain.scsw", "--ca root.pem");
  g_assert_true (json_object_get_boolean_member (root, "trusted"));
  g_assert_cmpint (sh (&out, "rm -rf x && " CLI "signature export chain.scsw x && "
                       "openssl cms -verify -binary -inform DER -in x/signature-expert.p7s "
                       "-content x/ASiCManifest-expert.xml -CAfile root.pem -out /dev/null"), ==, 0);
}

static void
test_signing_refused (void)
{
  const char *refused[][2] = {
    { "ca.p12", "may not sign documents" },
    { "cadigital.p12", "is a CA certificate" },
    { "certsign.p12", "may not sign documents" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      g_autofree char *path = path_in ("refused.scsw");

      g_object_unref (prepare ("refused.scsw"));
      before = core_test_file_sha256 (path);
      g_assert_cmpint (sh (&out, CLI "sign refused.scsw --p12 %s --password-file pw", refused[i][0]), ==, 2);
      g_assert_nonnull (strstr (out, refused[i][1]));
      after = core_test_file_sha256 (path);
      g_assert_cmpstr (after, ==, before);
    }
}

static void
test_same_signer (void)
{
  g_autofree char *out = NULL;

  g_object_unref (prepare ("same.scsw"));
  g_assert_cmpint (sh (&out, CLI "sign same.scsw --p12 expert.p12 --password-file pw"), ==, 0);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (sh (&out, CLI_MANAGEMENT "declare same.scsw --name Yamada --title CEO --p12 expert.p12 "
                       "--password-file pw"), ==, 2);
  g_assert_nonnull (strstr (out, "already signed the assessment as the expert"));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (sh (&out, CLI_MANAGEMENT "declare same.scsw --name Yamada --title CEO --p12 manager.p12 "
                       "--password-file pw"), ==, 0);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (sh (&out, CLI_MANAGEMENT "declare same.scsw --name Yamada --title CEO --p12 expert.p12 "
                       "--password-file pw --allow-same-signer"), ==, 0);
}

/* The local TSA ------------------------------------------------------------ */

static void
start_tsa (void)
{
  g_autofree char *script = g_build_filename (g_getenv ("SCS_SOURCE_DIR"), "tests", "review",
                                              "tsa-server.py", NULL);
  const char *argv[] = { "python3", script, dir, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GIOChannel) channel = NULL;
  g_autofree char *line = NULL;
  int out_fd;

  g_assert_true (g_spawn_async_with_pipes (dir, (char **) argv, NULL, G_SPAWN_SEARCH_PATH |
                                           G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &tsa_pid,
                                           NULL, &out_fd, NULL, &error));
  g_assert_no_error (error);
  /* the first line is the port, once it listens */
  channel = g_io_channel_unix_new (out_fd);
  g_io_channel_set_close_on_unref (channel, TRUE);
  g_assert_cmpint (g_io_channel_read_line (channel, &line, NULL, NULL, &error), ==, G_IO_STATUS_NORMAL);
  g_strstrip (line);
  tsa_url = g_strdup_printf ("http://127.0.0.1:%s/", line);
}

static char *
hex (const guint8 *data,
     gsize         size)
{
  GString *out = g_string_new (NULL);

  for (gsize i = 0; i < size; i++)
    g_string_append_printf (out, "%02x", data[i]);
  return g_string_free (out, FALSE);
}

static void
test_tsa_round_trip (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *out = NULL;
  g_autoptr(GBytes) cms = NULL;
  g_autoptr(GBytes) token = NULL;
  g_autofree char *digest_hex = NULL;
  gnutls_pkcs7_t pkcs7;
  gnutls_pkcs7_signature_info_st info;
  gnutls_datum_t der;
  guint8 digest[32];
  JsonObject *root, *expert;

  g_object_unref (prepare ("tsa.scsw"));
  g_assert_cmpint (sh (&out, CLI "sign tsa.scsw --p12 expert.p12 --password-file pw --tsa %s "
                       "--crl ca-crl.pem", tsa_url), ==, 0);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (sh (&out, CLI_MANAGEMENT "declare tsa.scsw --name Yamada --title CEO --p12 manager.p12 "
                       "--password-file pw --tsa %s", tsa_url), ==, 0);
  g_clear_pointer (&out, g_free);

  root = verify_json (parser, 0, "tsa.scsw", "--ca ca.pem");
  g_assert_true (json_object_get_boolean_member (root, "trusted"));
  expert = json_object_get_object_member (root, "expert");
  g_assert_cmpstr (json_object_get_string_member (expert, "level"), ==, "B-LT");
  g_assert_nonnull (json_object_get_string_member (expert, "timestamp"));
  g_assert_cmpstr (json_object_get_string_member (expert, "timestamp_authority"), ==, "CN=SCS Test TSA");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (root, "management"), "level"),
                   ==, "B-T");

  /* stock tools: openssl cms accepts the stamped CMS, openssl ts the token */
  g_assert_cmpint (sh (&out, "rm -rf x && " CLI "signature export tsa.scsw x && "
                       "openssl cms -verify -binary -inform DER -in x/signature-expert.p7s "
                       "-content x/ASiCManifest-expert.xml -CAfile ca.pem -out /dev/null"), ==, 0);
  g_clear_pointer (&out, g_free);
  cms = read_bytes ("x/signature-expert.p7s");
  token = scs_cms_dup_timestamp_token (cms);
  g_assert_nonnull (token);
  {
    g_autofree char *token_path = path_in ("token.der");

    g_assert_true (g_file_set_contents (token_path, g_bytes_get_data (token, NULL),
                                        g_bytes_get_size (token), NULL));
  }
  der.data = (unsigned char *) g_bytes_get_data (cms, NULL);
  der.size = g_bytes_get_size (cms);
  gnutls_pkcs7_init (&pkcs7);
  g_assert_cmpint (gnutls_pkcs7_import (pkcs7, &der, GNUTLS_X509_FMT_DER), >=, 0);
  g_assert_cmpint (gnutls_pkcs7_get_signature_info (pkcs7, 0, &info), >=, 0);
  gnutls_hash_fast (GNUTLS_DIG_SHA256, info.sig.data, info.sig.size, digest);
  gnutls_pkcs7_signature_info_deinit (&info);
  gnutls_pkcs7_deinit (pkcs7);
  digest_hex = hex (digest, sizeof digest);
  g_assert_cmpint (sh (&out, "openssl ts -verify -token_in -in token.der -digest %s -CAfile ca.pem "
                       "-untrusted tsa.pem", digest_hex), ==, 0);
  g_assert_nonnull (strstr (out, "Verification: OK"));
  g_clear_pointer (&out, g_free);

  /* no TSA there, or a hostile one: refused with the reason, nothing signed */
  {
    const char *bad[][2] = {
      { "http://127.0.0.1:1/", "Cannot reach the time-stamp authority" },
      { "ftp://127.0.0.1/", "is not an http:// or https:// address" },
      { "garbage", "did not answer with an RFC 3161 time stamp" },
      { "reject", "refused the request (status 2)" },
      { "big", "more than 1 MiB" },
      { "fail", "answered HTTP 500" },
      { "other", "does not cover this signature" },
    };
    g_autofree char *path = path_in ("notsa.scsw");

    g_object_unref (prepare ("notsa.scsw"));
    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autofree char *url = strstr (bad[i][0], "://") ? g_strdup (bad[i][0])
                                                         : g_strconcat (tsa_url, bad[i][0], NULL);
        g_autofree char *before = core_test_file_sha256 (path);
        g_autofree char *after = NULL;

        g_clear_pointer (&out, g_free);
        g_assert_cmpint (sh (&out, CLI "sign notsa.scsw --p12 expert.p12 --password-file pw --tsa %s", url), ==, 2);
        if (strstr (out, bad[i][1]) == NULL)
          g_error ("%s: %s", url, out);
        after = core_test_file_sha256 (path);
        g_assert_cmpstr (before, ==, after);
      }
  }
}

/* A TSA that stalls while another process writes: the request runs with no
 * transaction open, so the writer is not refused (SQLITE_BUSY after 5 s
 * when the request ran inside the signing transaction); the signature
 * then no longer matches the workspace and is refused, nothing stored. */
static gboolean
exists_in_dir (const char *name)
{
  g_autofree char *path = path_in (name);

  return g_file_test (path, G_FILE_TEST_EXISTS);
}

/* Waits for the file @name in @dir (an event, not a time: the bound only
 * keeps a broken run from hanging). */
static void
wait_for_file (const char *name)
{
  for (guint i = 0; i < 120 * 100 && !exists_in_dir (name); i++)
    g_usleep (10 * 1000);
  g_assert_true (exists_in_dir (name));
}

static void
test_tsa_outside_transaction (void)
{
  g_autofree char *out = NULL;
  g_autofree char *cmd = NULL;
  g_autofree char *sign_out = NULL;
  g_autofree char *sign_out_path = path_in ("sign.out");
  const char *argv[] = { "sh", "-c", NULL, NULL };
  g_autoptr(GError) error = NULL;
  GPid pid;
  int status;

  g_object_unref (prepare ("held.scsw"));
  g_assert_cmpint (sh (NULL, "rm -f held release sign.out"), ==, 0);
  cmd = g_strdup_printf (CLI "sign held.scsw --p12 expert.p12 --password-file pw --tsa %shold "
                         "> sign.out 2>&1", tsa_url);
  argv[2] = cmd;
  g_assert_true (g_spawn_async (dir, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD,
                                NULL, NULL, &pid, &error));
  g_assert_no_error (error);
  wait_for_file ("held");

  /* the signer waits for its time stamp: another process writes at once */
  if (sh (&out, CLI "answer held.scsw 4-1-1-1 not-met") != 0)
    g_error ("the writer was held up: %s", out);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (sh (NULL, "touch release"), ==, 0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);
  g_assert_true (g_file_get_contents (sign_out_path, &sign_out, NULL, NULL));
  g_assert_true (WIFEXITED (status));
  if (WEXITSTATUS (status) != 2 || strstr (sign_out, "changed while the time stamp was fetched") == NULL)
    g_error ("sign: exit %d: %s", WEXITSTATUS (status), sign_out);

  /* nothing signed, the write kept; signed again, it is stored whole */
  g_assert_cmpint (sh (&out, CLI "verify-signature held.scsw"), !=, 0);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (sh (&out, CLI "answer held.scsw 4-1-1-1 met && "
                       CLI "sign held.scsw --p12 expert.p12 --password-file pw --tsa %s && "
                       CLI "verify-signature held.scsw --ca ca.pem", tsa_url), ==, 0);
}

static void
test_ocsp (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *out = NULL;
  g_autofree char *path = path_in ("revoked.scsw");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GBytes) cms = NULL;
  g_autoptr(GBytes) response = NULL;
  JsonObject *root;

  ocsp_url = core_test_start_ocsp (dir, &ocsp_pid);

  /* signed, stamped, then the responder asked: B-LT, the answer embedded */
  g_object_unref (prepare ("ocsp.scsw"));
  g_assert_cmpint (sh (&out, CLI "sign ocsp.scsw --p12 expert.p12 --password-file pw --tsa %s --ocsp %s "
                       "--ca ca.pem", tsa_url, ocsp_url), ==, 0);
  g_clear_pointer (&out, g_free);
  root = verify_json (parser, 0, "ocsp.scsw", "--ca ca.pem");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (root, "expert"), "level"),
                   ==, "B-LT");

  /* stock tools: the embedded answer, as an OCSPResponse, for openssl ocsp */
  g_assert_cmpint (sh (&out, "rm -rf x && " CLI "signature export ocsp.scsw x"), ==, 0);
  g_clear_pointer (&out, g_free);
  cms = read_bytes ("x/signature-expert.p7s");
  response = scs_cms_dup_ocsp_response (cms);
  g_assert_nonnull (response);
  {
    g_autofree char *response_path = path_in ("response.der");

    g_assert_true (g_file_set_contents (response_path, g_bytes_get_data (response, NULL),
                                        g_bytes_get_size (response), NULL));
  }
  g_assert_cmpint (sh (&out, "openssl ocsp -respin response.der -issuer ca.pem -cert expert.pem "
                       "-CAfile ca.pem -no_nonce"), ==, 0);
  g_assert_nonnull (strstr (out, "Response verify OK"));
  g_assert_nonnull (strstr (out, "expert.pem: good"));
  g_clear_pointer (&out, g_free);

  /* a revoked certificate may not sign: refused, "revoked at", nothing written */
  g_object_unref (prepare ("revoked.scsw"));
  before = core_test_file_sha256 (path);
  g_assert_cmpint (sh (&out, CLI "sign revoked.scsw --p12 revoked.p12 --password-file pw --ocsp %s --ca ca.pem",
                       ocsp_url), ==, 2);
  if (strstr (out, "was revoked at 2026-12-01") == NULL)
    g_error ("%s", out);
  g_clear_pointer (&out, g_free);
  after = core_test_file_sha256 (path);
  g_assert_cmpstr (before, ==, after);

  /* no responder there, or the wrong CA: refused with the reason */
  g_assert_cmpint (sh (&out, CLI "sign revoked.scsw --p12 expert.p12 --password-file pw "
                       "--ocsp http://127.0.0.1:1/ --ca ca.pem"), ==, 2);
  g_assert_nonnull (strstr (out, "Cannot reach the OCSP responder"));
  g_clear_pointer (&out, g_free);

  /* verify: a signature whose embedded answer says the certificate was
   * revoked before it was made — "revoked at T"; a forged answer is refused */
  {
    g_autoptr(ScsSigner) signer = load ("revoked.p12");
    g_autoptr(GBytes) content = g_bytes_new_static ("<signed/>", 9);
    g_autoptr(GBytes) plain = NULL;
    g_autoptr(GBytes) with_answer = NULL;
    g_autoptr(GBytes) revoked_answer = NULL;
    g_autoptr(ScsTrustAnchors) anchors = scs_trust_anchors_new ();
    g_autofree char *ca = path_in ("ca.pem");
    g_autoptr(GError) error = NULL;

    g_assert_true (scs_trust_anchors_add_file (anchors, ca, &error));
    g_assert_cmpint (sh (&out, "openssl ocsp -issuer ca.pem -cert revoked.pem -url %s -respout revoked.der "
                         "-CAfile ca.pem", ocsp_url), ==, 0);
    g_clear_pointer (&out, g_free);
    revoked_answer = read_bytes ("revoked.der");
    plain = scs_signer_sign (signer, content, &error);
    g_assert_no_error (error);
    with_answer = scs_cms_embed_ocsp_response (plain, revoked_answer, &error);
    g_assert_no_error (error);
    {
      g_autoptr(ScsCmsVerification) v = scs_cms_verify_detached (with_answer, content, anchors, NULL, NULL);

      g_assert_false (scs_cms_verification_is_good (v));
      g_assert_nonnull (v->problem);
      if (strstr (v->problem, "revoked at 2026-12-01") == NULL)
        g_error ("%s", v->problem);
    }
    /* the answer about another certificate (expert's) on this signature */
    {
      g_autoptr(GBytes) other = NULL;
      g_autoptr(GBytes) forged = NULL;

      g_assert_cmpint (sh (&out, "openssl ocsp -issuer ca.pem -cert expert.pem -url %s -respout good.der "
                           "-CAfile ca.pem", ocsp_url), ==, 0);
      g_clear_pointer (&out, g_free);
      other = read_bytes ("good.der");
      forged = scs_cms_embed_ocsp_response (plain, other, &error);
      g_assert_no_error (error);
      {
        g_autoptr(ScsCmsVerification) v = scs_cms_verify_detached (forged, content, anchors, NULL, NULL);

        g_assert_false (scs_cms_verification_is_good (v));
        g_assert_nonnull (strstr (v->problem, "not about this certificate"));
      }
    }
  }

  /* a CRL past its nextUpdate is refused at signing */
  g_assert_cmpint (sh (&out, "printf 'crl_this_update_date = \"2025-01-01 00:00:00\"\\n"
                       "crl_next_update_date = \"2025-02-01 00:00:00\"\\ncrl_number = 2\\n' > stale.tmpl && "
                       "certtool --generate-crl --load-ca-certificate ca.pem --load-ca-privkey ca.key.pem "
                       "--template stale.tmpl --outfile stale-crl.pem 2>/dev/null"), ==, 0);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (sh (&out, CLI "sign revoked.scsw --p12 expert.p12 --password-file pw --crl stale-crl.pem"),
                   ==, 2);
  g_assert_nonnull (strstr (out, "is out of date"));
}

/* Expiry after signing (the core takes "now") --------------------------------- */

static void
test_expired_after_signing (void)
{
  g_autoptr(ScsSigner) signer = load ("expert.p12");
  g_autoptr(GBytes) content = g_bytes_new_static ("<signed/>", 9);
  g_autoptr(GBytes) other = g_bytes_new_static ("<signed/ >", 10);
  g_autoptr(GBytes) plain = NULL;
  g_autoptr(GBytes) stamped = NULL;
  g_autoptr(ScsTrustAnchors) anchors = scs_trust_anchors_new ();
  g_autoptr(GDateTime) expiry = scs_signer_get_expiration_time (signer);
  g_autoptr(GDateTime) later = g_date_time_add_days (expiry, 30);
  g_autofree char *ca = path_in ("ca.pem");
  g_autoptr(GError) error = NULL;

  g_assert_true (scs_trust_anchors_add_file (anchors, ca, &error));
  plain = scs_signer_sign (signer, content, &error);
  g_assert_no_error (error);
  scs_signer_set_tsa_url (signer, tsa_url);
  stamped = scs_signer_sign (signer, content, &error);
  g_assert_no_error (error);

  /* today: both good */
  {
    g_autoptr(ScsCmsVerification) v = scs_cms_verify_detached (plain, content, anchors, NULL, NULL);

    g_assert_null (v->problem);
    g_assert_true (v->trusted);
    g_assert_cmpint (v->level, ==, SCS_CMS_LEVEL_B_B);
  }
  /* a month after the certificate ran out: unstamped — exactly that */
  {
    g_autoptr(ScsCmsVerification) v = scs_cms_verify_detached (plain, content, anchors, later, NULL);

    g_assert_true (v->intact);
    g_assert_true (v->digest_matches);
    g_assert_false (scs_cms_verification_is_good (v));
    g_assert_nonnull (strstr (v->problem, "while the certificate"));
    g_assert_nonnull (strstr (v->problem, "has no time stamp"));
    g_assert_null (strstr (v->problem, "does not match"));
  }
  /* stamped: judged at the stamped time, still good */
  {
    g_autoptr(ScsCmsVerification) v = scs_cms_verify_detached (stamped, content, anchors, later, NULL);

    g_assert_null (v->problem);
    g_assert_true (v->trusted);
    g_assert_true (v->timestamped);
    g_assert_cmpint (v->level, ==, SCS_CMS_LEVEL_B_T);
  }
  /* a real content change is the only "does not match" */
  {
    g_autoptr(ScsCmsVerification) v = scs_cms_verify_detached (plain, other, anchors, later, NULL);

    g_assert_false (v->digest_matches);
    g_assert_nonnull (strstr (v->problem, "does not match"));
  }
}

/* Hostile bytes: every truncation and many flipped bytes of a stamped CMS
 * go through the DER walker and GnuTLS without harm (ASan run). */
static void
test_hostile_cms (void)
{
  g_autoptr(ScsSigner) signer = load ("expert.p12");
  g_autoptr(GBytes) content = g_bytes_new_static ("x", 1);
  g_autoptr(GBytes) stamped = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (13);
  const guint8 *data;
  gsize size;

  scs_signer_set_tsa_url (signer, tsa_url);
  stamped = scs_signer_sign (signer, content, &error);
  g_assert_no_error (error);
  data = g_bytes_get_data (stamped, &size);

  for (gsize cut = 0; cut < size; cut += 7)
    {
      g_autoptr(GBytes) part = g_bytes_new (data, cut);
      g_autoptr(ScsCmsVerification) v = scs_cms_verify_detached (part, content, NULL, NULL, NULL);
      g_autoptr(GBytes) token = scs_cms_dup_timestamp_token (part);

      g_assert_false (v->intact && v->timestamped && v->problem == NULL && cut < size);
    }
  for (guint round = 0; round < 400; round++)
    {
      g_autofree guint8 *copy = g_memdup2 (data, size);
      g_autoptr(GBytes) mutated = NULL;
      g_autoptr(ScsCmsVerification) v = NULL;
      g_autoptr(GBytes) token = NULL;

      for (guint k = 0; k < 3; k++)
        copy[g_rand_int_range (rand, 0, size)] ^= 1u << g_rand_int_range (rand, 0, 8);
      mutated = g_bytes_new (copy, size);
      v = scs_cms_verify_detached (mutated, content, NULL, NULL, NULL);
      token = scs_cms_dup_timestamp_token (mutated);
    }
  {
    g_autoptr(ScsTrustAnchors) anchors = scs_trust_anchors_new ();
    g_autoptr(GBytes) junk = g_bytes_new_static ("\x30\x84\xff\xff\xff\xff", 6);

    g_assert_false (scs_trust_anchors_add_data (anchors, junk, "junk", &error));
    g_assert_error (error, SCS_CMS_ERROR, SCS_CMS_ERROR_ANCHORS);
  }
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *script = NULL;
  g_autofree char *cmd = NULL;
  int rc;

  g_setenv ("TZ", "UTC", TRUE);
  g_setenv ("SCS_LANGUAGE", "en", TRUE);
  scs_i18n_init ("en");
  g_test_init (&argc, &argv, NULL);

  dir = core_test_make_tmp_dir ("scs-cli-trust-XXXXXX");
  core_test_make_certificates (dir, TRUE);
  script = g_build_filename (g_getenv ("SCS_SOURCE_DIR"), "tests", "review", "make-trust-certificates.sh", NULL);
  g_assert_cmpint (sh (NULL, "sh '%s' . && printf 'secret\\n' > pw && "
                       CLI "profile set --name 'Expert Taro' --role expert --qualification riss "
                       "--registration 013258 --training-date 2026-01-10 >/dev/null && "
                       CLI_MANAGEMENT "profile set --name Yamada --role management >/dev/null", script), ==, 0);
  g_setenv ("SCS_PROFILE", "/nonexistent/profile.ini", TRUE);
  start_tsa ();

  g_test_add_func ("/scs/cli/trust/resigned-unsuitable", test_resigned_unsuitable);
  g_test_add_func ("/scs/cli/trust/package-resigned", test_package_resigned);
  g_test_add_func ("/scs/cli/trust/self-signed-not-verified", test_self_signed_not_verified);
  g_test_add_func ("/scs/cli/trust/certificate-order", test_certificate_order);
  g_test_add_func ("/scs/cli/trust/der-ca-and-pkcs12-chain", test_der_ca_and_chain);
  g_test_add_func ("/scs/cli/trust/signing-refused", test_signing_refused);
  g_test_add_func ("/scs/cli/trust/same-signer", test_same_signer);
  g_test_add_func ("/scs/cli/trust/tsa-round-trip", test_tsa_round_trip);
  g_test_add_func ("/scs/cli/trust/tsa-outside-transaction", test_tsa_outside_transaction);
  g_test_add_func ("/scs/cli/trust/ocsp", test_ocsp);
  g_test_add_func ("/scs/cli/trust/expired-after-signing", test_expired_after_signing);
  g_test_add_func ("/scs/cli/trust/hostile-cms", test_hostile_cms);

  rc = g_test_run ();
  core_test_stop_ocsp (ocsp_pid);
  kill (tsa_pid, SIGTERM);
  waitpid (tsa_pid, NULL, 0);
  g_spawn_close_pid (tsa_pid);
  core_test_rm_rf (dir);
  return rc;
}
