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

/* The same over data that comes in pieces (a file, a stored blob), so it
 * is never all in memory: new, update for each piece, then finish (which
 * frees it). */
typedef struct _ScsSha256 ScsSha256;

ScsSha256 *scs_sha256_new        (void);
void       scs_sha256_update     (ScsSha256  *self,
                                  const void *data,
                                  gsize       size);
char      *scs_sha256_finish_hex (ScsSha256  *self);
void       scs_sha256_free       (ScsSha256  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScsSha256, scs_sha256_free)

G_END_DECLS
