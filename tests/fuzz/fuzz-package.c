/* fuzz-package.c: libFuzzer target for the submission-package verifier
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A package comes from whoever sent it, so everything the verifier does to
 * an untrusted .scsp is exposed: the input is parsed as untrusted XML (the
 * manifest and assessment parser) and then verified as a whole package
 * (header scan, streamed hashing under size and ratio limits, manifest
 * schema, signatures, completeness). Either a result or an error comes
 * back, never both, and the error is one of the verifier's own.
 */

#include "config.h"

#include <libxml/tree.h>

#include "fuzz-common.h"
#include "scs-verify.h"

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
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsVerifyResult) result = NULL;
  gpointer doc;

  doc = scs_verify_parse_xml (bytes, "fuzz.xml", &error);
  g_assert ((doc == NULL) == (error != NULL));
  if (doc != NULL)
    xmlFreeDoc (doc);
  g_clear_error (&error);

  result = scs_verify_package_bytes (bytes, NULL, &error);
  g_assert ((result == NULL) == (error != NULL));
  if (result == NULL)
    {
      g_assert (error->domain == SCS_VERIFY_ERROR);
      g_assert (error->message != NULL && error->message[0] != '\0');
      return 0;
    }
  for (guint i = 0; i < result->checks->len; i++)
    {
      ScsVerifyCheck *check = g_ptr_array_index (result->checks, i);

      g_assert (check->check != NULL && check->message != NULL);
      g_assert (check->status != SCS_CHECK_FAIL || !result->valid);
    }
  return 0;
}
