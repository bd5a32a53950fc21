/* scs-sha256.c: SHA-256 of bytes in memory, through GnuTLS
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "scs-sha256.h"

#include <gnutls/crypto.h>

static char *
to_hex (const guint8 digest[32])
{
  static const char digits[] = "0123456789abcdef";
  char *hex = g_malloc (2 * 32 + 1);

  for (guint i = 0; i < 32; i++)
    {
      hex[2 * i] = digits[digest[i] >> 4];
      hex[2 * i + 1] = digits[digest[i] & 0xf];
    }
  hex[2 * 32] = '\0';
  return hex;
}

char *
scs_sha256_hex (const void *data,
                gsize       size)
{
  guint8 digest[32];

  g_return_val_if_fail (data != NULL || size == 0, NULL);

  /* SHA-256 is always built into GnuTLS, FIPS mode included. */
  if (gnutls_hash_fast (GNUTLS_DIG_SHA256, size > 0 ? data : "", size, digest) < 0)
    g_error ("GnuTLS cannot compute SHA-256");
  return to_hex (digest);
}

struct _ScsSha256
{
  gnutls_hash_hd_t hash;
};

ScsSha256 *
scs_sha256_new (void)
{
  ScsSha256 *self = g_new0 (ScsSha256, 1);

  if (gnutls_hash_init (&self->hash, GNUTLS_DIG_SHA256) < 0)
    g_error ("GnuTLS cannot compute SHA-256");
  return self;
}

void
scs_sha256_update (ScsSha256  *self,
                   const void *data,
                   gsize       size)
{
  g_return_if_fail (self != NULL && (data != NULL || size == 0));

  if (size > 0)
    gnutls_hash (self->hash, data, size);
}

char *
scs_sha256_finish_hex (ScsSha256 *self)
{
  guint8 digest[32];

  g_return_val_if_fail (self != NULL, NULL);

  gnutls_hash_deinit (self->hash, digest);
  g_free (self);
  return to_hex (digest);
}

void
scs_sha256_free (ScsSha256 *self)
{
  if (self == NULL)
    return;
  gnutls_hash_deinit (self->hash, NULL);
  g_free (self);
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
