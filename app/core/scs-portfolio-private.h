/* scs-portfolio-private.h: the layout of the portfolio's cache file, for
 * the fuzz target and the tests that write such files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A cache file: SCS_PORTFOLIO_CACHE_MAGIC (16 bytes with its NUL), the
 * SHA-256 in hex of the rest, and a GVariant of
 * SCS_PORTFOLIO_CACHE_TYPE in normal form: the identity of the build that
 * wrote it (scs_portfolio_cache_identity ()), the catalogs, and the rows
 * with the keys of their files. Bump the magic when a row's meaning
 * changes. */
#define SCS_PORTFOLIO_CACHE_MAGIC         "SCS-PORTFOLIO-6"
#define SCS_PORTFOLIO_CACHE_HEADER        (16 + 64)
/* device, inode, size, modification and status-change times (ns); of the
 * -wal (all 0 and "" without one) inode, size, modification time, and its
 * log (ScsPortfolioWalState: frames, checkpoint, salts, checksums, digest) */
#define SCS_PORTFOLIO_CACHE_KEY_TYPE      "(ttxxxtxxuuuuuus)"
#define SCS_PORTFOLIO_CACHE_ROW_TYPE      "(s" SCS_PORTFOLIO_CACHE_KEY_TYPE "auaymasmaumau)"
#define SCS_PORTFOLIO_CACHE_CATALOGS_TYPE "a{sa(su)}"
#define SCS_PORTFOLIO_CACHE_TYPE \
  "(s" SCS_PORTFOLIO_CACHE_CATALOGS_TYPE "a" SCS_PORTFOLIO_CACHE_ROW_TYPE ")"

char *scs_portfolio_cache_identity (void);

/* The log a -wal holds as SQLite's recovery reads it: the header's
 * checkpoint sequence and salts, how many frames there are up to the last
 * commit of an unbroken chain of valid frames, the cumulative checksum
 * at that commit (the header's with no frame), and the SHA-256 of the
 * header and every frame of that chain. Any commit, any restart of the
 * log and any changed byte SQLite would read changes it — the digest also
 * when the change was made to keep SQLite's checksums (they are sums, easy
 * to keep) and the -wal was given its old time back. */
typedef struct
{
  guint32 frames;
  guint32 checkpoint;
  guint32 salt[2];
  guint32 checksum[2];
  char    digest[65];   /* hex, "" with no log */
} ScsPortfolioWalState;

#define SCS_PORTFOLIO_WAL_MAX_SIZE (64 * 1024 * 1024)

/* Reads the -wal open on @fd, @size bytes long (0: no log). FALSE when it
 * cannot vouch for a row: a header cut short or not SQLite's, a file
 * larger than SCS_PORTFOLIO_WAL_MAX_SIZE, a read error. */
gboolean  scs_portfolio_wal_state (int                   fd,
                                   gint64                size,
                                   ScsPortfolioWalState *state);
/* The key of @path as the cache keeps it (SCS_PORTFOLIO_CACHE_KEY_TYPE),
 * floating; NULL when it has none. */
GVariant *scs_portfolio_cache_file_key (const char *path);

G_END_DECLS
