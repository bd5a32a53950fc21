/* test-sha256.c: the core's one SHA-256 (GnuTLS) against published test
 * vectors and against GChecksum, at the sizes around SHA-256's 64-byte
 * blocks and padding boundary
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "scs-sha256.h"

/* FIPS 180-2, appendix B */
static void
test_vectors (void)
{
  g_autofree char *million = g_malloc (1000000);
  g_autofree char *empty = scs_sha256_hex (NULL, 0);
  g_autofree char *abc = scs_sha256_hex ("abc", 3);
  g_autofree char *two_blocks = NULL;
  g_autofree char *a_million = NULL;
  const char *message = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";

  two_blocks = scs_sha256_hex (message, strlen (message));
  memset (million, 'a', 1000000);
  a_million = scs_sha256_hex (million, 1000000);

  g_assert_cmpstr (empty, ==, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  g_assert_cmpstr (abc, ==, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  g_assert_cmpstr (two_blocks, ==, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  g_assert_cmpstr (a_million, ==, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

static void
test_matches_gchecksum (void)
{
  g_autofree guint8 *data = g_malloc (4096);

  for (gsize i = 0; i < 4096; i++)
    data[i] = (guint8) g_test_rand_int ();
  for (gsize size = 0; size <= 4096; size += size < 130 ? 1 : 61)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
      g_autofree char *ours = scs_sha256_hex (data, size);
      g_autofree char *ours_bytes = scs_sha256_hex_bytes (bytes);
      g_autofree char *glib = g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, size);

      g_assert_cmpstr (ours, ==, glib);
      g_assert_cmpstr (ours_bytes, ==, glib);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/scs/sha256/vectors", test_vectors);
  g_test_add_func ("/scs/sha256/matches-gchecksum", test_matches_gchecksum);

  return g_test_run ();
}
