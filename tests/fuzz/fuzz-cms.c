/* fuzz-cms.c: libFuzzer target for CMS signatures, time stamps and CA files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Signatures come inside packages and workspaces from anyone; CA files
 * from wherever the user found them. The input is read as a detached CMS
 * over "x" (the seed is one with a time stamp and a CRL, over "x"), as the
 * time-stamp token it may carry, and as a CA file. The DER walker of
 * scs-cms.c (messageDigest, TSTInfo, the token attribute) and GnuTLS see
 * every mutation. The result must be coherent: a problem, or a signature
 * that is intact with a signer named.
 */

#include "config.h"

#include <stdlib.h>

#include "fuzz-common.h"
#include "scs-cms.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  scs_fuzz_init_common ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) input = g_bytes_new (data, size);
  g_autoptr(GBytes) content = g_bytes_new_static ("x", 1);
  g_autoptr(ScsTrustAnchors) anchors = scs_trust_anchors_new ();
  g_autoptr(ScsCmsVerification) v = NULL;
  g_autoptr(GBytes) token = NULL;
  g_autoptr(GError) error = NULL;

  v = scs_cms_verify_detached (input, content, NULL, NULL, "fuzz.p7s");
  if (v->problem == NULL && !(v->intact && v->certificate_ok && v->subject != NULL && !v->trusted))
    abort ();
  token = scs_cms_dup_timestamp_token (input);
  if (!scs_trust_anchors_add_data (anchors, input, "fuzz.pem", &error))
    g_assert (error != NULL && error->domain == SCS_CMS_ERROR);
  else
    {
      g_autoptr(GBytes) pem = scs_trust_anchors_to_pem (anchors);
      g_autoptr(ScsCmsVerification) again = scs_cms_verify_detached (input, content, anchors, NULL, NULL);

      g_assert (scs_trust_anchors_get_n_certificates (anchors) > 0);
      g_assert (again != NULL);
    }
  return 0;
}
