/* scs-sha256.c: SHA-256 of bytes in memory, through GnuTLS
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "scs-sha256.h"

#include <gnutls/crypto.h>

char *
scs_sha256_hex (const void *data,
                gsize       size)
{
  static const char digits[] = "0123456789abcdef";
  guint8 digest[32];
  char *hex = g_malloc (2 * sizeof digest + 1);

  g_return_val_if_fail (data != NULL || size == 0, NULL);

  /* SHA-256 is always built into GnuTLS, FIPS mode included. */
  if (gnutls_hash_fast (GNUTLS_DIG_SHA256, size > 0 ? data : "", size, digest) < 0)
    g_error ("GnuTLS cannot compute SHA-256");
  for (guint i = 0; i < sizeof digest; i++)
    {
      hex[2 * i] = digits[digest[i] >> 4];
      hex[2 * i + 1] = digits[digest[i] & 0xf];
    }
  hex[2 * sizeof digest] = '\0';
  return hex;
}

char *
scs_sha256_hex_bytes (GBytes *bytes)
{
  gsize size;
  const void *data;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &size);
  return scs_sha256_hex (data, size);
}
