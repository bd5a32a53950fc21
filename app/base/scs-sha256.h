/* scs-sha256.h: SHA-256 of bytes in memory, as 64 lower-case hex digits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every one-shot SHA-256 of the core goes through here: evidence, packages,
 * catalogs, attestations. GnuTLS (Nettle) uses the CPU's SHA instructions
 * where it has them, several times the speed of GChecksum; an export hashes
 * every evidence file more than once, so this is most of its CPU time.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *scs_sha256_hex       (const void *data,
                            gsize       size);
char *scs_sha256_hex_bytes (GBytes     *bytes);

G_END_DECLS
