/* test-signing.c: CMS signatures with PKCS#12 files and a SoftHSM2 token
 *
 * Certificates are made at test time (tests/review/make-certificates.sh).
 * A signature made here must verify with `openssl cms -verify` and
 * `certtool --p7-verify`; wrong passphrases and PINs, expired or not yet
 * valid certificates (the message names the validity period), certificates
 * from another CA and certificates without the digital-signature usage are
 * refused with clear errors; a PIN is asked exactly once even when wrong;
 * personal data in a certificate is reported.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <time.h>

#include <glib/gstdio.h>

#include "scs-i18n.h"
#include "scs-signature-check.h"
#include "scs-signer.h"

#define SOFTHSM_MODULE "/usr/lib/softhsm/libsofthsm2.so"

static char *dir;

static char *
path (const char *name)
{
  return g_build_filename (dir, name, NULL);
}

static gboolean
run (const char *cmd)
{
  int status = system (cmd);

  return status == 0;
}

static void
verify_with_tools (GBytes *cms, GBytes *content)
{
  g_autofree char *p7s = path ("out.p7s");
  g_autofree char *xml = path ("out.xml");
  g_autofree char *ca = path ("ca.pem");
  g_autofree char *other = path ("otherca.pem");
  g_autofree char *cmd = NULL;

  g_assert_true (g_file_set_contents (p7s, g_bytes_get_data (cms, NULL), g_bytes_get_size (cms), NULL));
  g_assert_true (g_file_set_contents (xml, g_bytes_get_data (content, NULL), g_bytes_get_size (content), NULL));
  cmd = g_strdup_printf ("openssl cms -verify -binary -inform DER -in '%s' -content '%s' -CAfile '%s' "
                         "-out /dev/null 2>/dev/null", p7s, xml, ca);
  g_assert_true (run (cmd));
  g_free (cmd);
  cmd = g_strdup_printf ("certtool --p7-verify --inder --infile '%s' --load-data '%s' "
                         "--load-ca-certificate '%s' >/dev/null 2>&1", p7s, xml, ca);
  g_assert_true (run (cmd));
  g_free (cmd);
  /* and not against another CA */
  cmd = g_strdup_printf ("openssl cms -verify -binary -inform DER -in '%s' -content '%s' -CAfile '%s' "
                         "-out /dev/null 2>/dev/null", p7s, xml, other);
  g_assert_false (run (cmd));
}

static void
test_pkcs12 (void)
{
  g_autofree char *p12 = path ("expert.p12");
  g_autofree char *ca = path ("ca.pem");
  g_autofree char *other = path ("otherca.pem");
  g_autoptr(ScsSigner) signer = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) content = g_bytes_new_static ("<a>署名</a>\n", strlen ("<a>署名</a>\n"));
  g_autoptr(GBytes) changed = g_bytes_new_static ("<a>署名!</a>\n", strlen ("<a>署名!</a>\n"));
  g_autoptr(GBytes) cms = NULL;
  g_autofree char *subject = NULL;

  signer = scs_signer_new_from_pkcs12 (p12, "secret", &error);
  g_assert_no_error (error);
  g_assert_true (scs_signer_check_certificate (signer, ca, &error));
  g_assert_false (scs_signer_check_certificate (signer, other, &error));
  g_assert_error (error, SCS_SIGNER_ERROR, SCS_SIGNER_ERROR_CERTIFICATE);
  g_clear_error (&error);
  g_assert_null (scs_signer_dup_personal_data (signer));

  cms = scs_signer_sign (signer, content, &error);
  g_assert_no_error (error);
  verify_with_tools (cms, content);
  g_assert_true (scs_cms_verify (cms, content, ca, &subject, &error));
  g_assert_cmpstr (subject, ==, "serialNumber=013258,CN=Expert Taro,O=Test Security Office");
  /* the signer as a person, and what the key may do */
  {
    g_autofree char *person = scs_signer_dup_person (signer);
    g_autofree char *usage = scs_signer_dup_key_usage (signer);

    g_assert_cmpstr (person, ==, "Expert Taro — Test Security Office (registration no. 013258)");
    g_assert_nonnull (strstr (usage, "digital signature"));
  }
  g_assert_false (scs_cms_verify (cms, changed, ca, NULL, &error));
  g_assert_error (error, SCS_SIGNATURE_ERROR, SCS_SIGNATURE_ERROR_INVALID);
}

static void
test_refusals (void)
{
  g_autofree char *ca = path ("ca.pem");
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsSigner) signer = NULL;
  const struct { const char *file; const char *needle; } bad[] = {
    { "expired.p12", "expired" },
    { "foreign.p12", "not issued by a CA" },
    { "nosig.p12", "digitalSignature" },
  };

  g_autofree char *p12 = path ("expert.p12");
  g_assert_null (scs_signer_new_from_pkcs12 (p12, "wrong", &error));
  g_assert_error (error, SCS_SIGNER_ERROR, SCS_SIGNER_ERROR_BAD_PASSWORD);
  g_clear_error (&error);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *file = path (bad[i].file);
      g_autoptr(ScsSigner) s = scs_signer_new_from_pkcs12 (file, "secret", &error);

      g_assert_no_error (error);
      g_assert_false (scs_signer_check_certificate (s, ca, &error));
      g_assert_error (error, SCS_SIGNER_ERROR, SCS_SIGNER_ERROR_CERTIFICATE);
      g_assert_nonnull (strstr (error->message, bad[i].needle));
      g_clear_error (&error);
    }

  {
    g_autofree char *file = path ("personal.p12");
    g_autofree char *personal = NULL;

    signer = scs_signer_new_from_pkcs12 (file, "secret", &error);
    g_assert_no_error (error);
    personal = scs_signer_dup_personal_data (signer);
    g_assert_nonnull (personal);
    g_assert_nonnull (strstr (personal, "address"));
  }
}

static void
assert_period (ScsSigner  *signer,
               const char *activation,
               const char *expiration)
{
  g_autoptr(GDateTime) from = scs_signer_get_activation_time (signer);
  g_autoptr(GDateTime) to = scs_signer_get_expiration_time (signer);
  g_autofree char *from_text = g_date_time_format_iso8601 (from);
  g_autofree char *to_text = g_date_time_format_iso8601 (to);

  g_assert_cmpstr (from_text, ==, activation);
  g_assert_cmpstr (to_text, ==, expiration);
}

/* The period is read exactly as the certificate states it, in UTC; a
 * refusal names it in the user's calendar dates (TZ is Asia/Tokyo here, so
 * 2091-06-30 18:00 UTC is already 1 July). */
static void
test_validity (void)
{
  g_autofree char *ca = path ("ca.pem");
  g_autofree char *expired_p12 = path ("expired.p12");
  g_autofree char *notyet_p12 = path ("notyet.p12");
  g_autoptr(ScsSigner) expired = NULL;
  g_autoptr(ScsSigner) notyet = NULL;
  g_autoptr(GError) error = NULL;

  expired = scs_signer_new_from_pkcs12 (expired_p12, "secret", &error);
  g_assert_no_error (error);
  assert_period (expired, "2020-01-01T00:00:00Z", "2021-01-01T00:00:00Z");
  g_assert_false (scs_signer_check_certificate (expired, ca, &error));
  g_assert_error (error, SCS_SIGNER_ERROR, SCS_SIGNER_ERROR_CERTIFICATE);
  g_assert_cmpstr (error->message, ==,
                   "The certificate ‘CN=Expired Expert’ has expired: it was valid from 2020-01-01 to 2021-01-01");
  g_clear_error (&error);

  notyet = scs_signer_new_from_pkcs12 (notyet_p12, "secret", &error);
  g_assert_no_error (error);
  assert_period (notyet, "2090-01-01T00:00:00Z", "2091-06-30T18:00:00Z");
  g_assert_false (scs_signer_check_certificate (notyet, ca, &error));
  g_assert_error (error, SCS_SIGNER_ERROR, SCS_SIGNER_ERROR_CERTIFICATE);
  g_assert_cmpstr (error->message, ==,
                   "The certificate ‘CN=Future Expert’ is not valid yet: it is valid from 2090-01-01 to 2091-07-01");
}

typedef struct
{
  const char *pin;
  guint       calls;
} PinData;

static char *
give_pin (const char *label, ScsPinFlags flags, gpointer user_data)
{
  PinData *data = user_data;

  data->calls++;
  return g_strdup (data->pin);
}

static void
test_pkcs11 (void)
{
  g_autofree char *conf = path ("softhsm2.conf");
  g_autofree char *tokens = path ("tokens");
  g_autofree char *key = path ("expert.key.pem");
  g_autofree char *pk8 = path ("expert.pk8.pem");
  g_autofree char *crt = path ("expert.pem");
  g_autofree char *ca = path ("ca.pem");
  g_autofree char *text = NULL;
  g_autofree char *cmd = NULL;
  g_autoptr(ScsSigner) signer = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) content = g_bytes_new_static ("<token/>\n", 9);
  g_autoptr(GBytes) cms = NULL;
  const char *uri = "pkcs11:token=scs-test;object=expert;type=private";
  PinData wrong = { "0000", 0 }, right = { "1234", 0 };

  if (!g_file_test (SOFTHSM_MODULE, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("SoftHSM2 is not installed (apt-get install softhsm2)");
      return;
    }

  g_mkdir_with_parents (tokens, 0700);
  text = g_strdup_printf ("directories.tokendir = %s\nobjectstore.backend = file\nlog.level = ERROR\n", tokens);
  g_assert_true (g_file_set_contents (conf, text, -1, NULL));
  g_setenv ("SOFTHSM2_CONF", conf, TRUE);
  g_setenv ("SCS_PKCS11_MODULE", SOFTHSM_MODULE, TRUE);

  cmd = g_strdup_printf ("softhsm2-util --init-token --free --label scs-test --pin 1234 --so-pin 5678 >/dev/null && "
                         "openssl pkcs8 -topk8 -nocrypt -in '%s' -out '%s' && "
                         "softhsm2-util --import '%s' --token scs-test --label expert --id 01 --pin 1234 >/dev/null && "
                         "GNUTLS_PIN=1234 p11tool --provider " SOFTHSM_MODULE " --login --write "
                         "--load-certificate '%s' --label expert --id 01 'pkcs11:token=scs-test' >/dev/null 2>&1",
                         key, pk8, pk8, crt);
  g_assert_true (run (cmd));

  /* a wrong PIN is asked once and not retried */
  g_assert_null (scs_signer_new_from_pkcs11 (uri, give_pin, &wrong, &error));
  g_assert_error (error, SCS_SIGNER_ERROR, SCS_SIGNER_ERROR_BAD_PASSWORD);
  g_assert_cmpuint (wrong.calls, ==, 1);
  g_clear_error (&error);

  signer = scs_signer_new_from_pkcs11 (uri, give_pin, &right, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (right.calls, ==, 1);
  g_assert_true (scs_signer_check_certificate (signer, ca, &error));
  cms = scs_signer_sign (signer, content, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (right.calls, ==, 1);
  verify_with_tools (cms, content);
}

int
main (int argc, char **argv)
{
  g_autofree char *script = NULL;
  g_autofree char *cmd = NULL;
  int rc;

  g_test_init (&argc, &argv, NULL);
  /* Messages are compared: English, and dates in a fixed time zone. */
  g_setenv ("TZ", "Asia/Tokyo", TRUE);
  tzset ();
  scs_i18n_init ("en");

  dir = g_dir_make_tmp ("scs-signing-XXXXXX", NULL);
  script = g_build_filename (g_getenv ("SCS_SOURCE_DIR"), "tests", "review", "make-certificates.sh", NULL);
  cmd = g_strdup_printf ("sh '%s' '%s'", script, dir);
  g_assert_true (run (cmd));

  g_test_add_func ("/scs/signing/pkcs12", test_pkcs12);
  g_test_add_func ("/scs/signing/refusals", test_refusals);
  g_test_add_func ("/scs/signing/validity", test_validity);
  g_test_add_func ("/scs/signing/pkcs11", test_pkcs11);

  rc = g_test_run ();
  g_free (cmd);
  cmd = g_strdup_printf ("rm -rf '%s'", dir);
  run (cmd);
  return rc;
}
