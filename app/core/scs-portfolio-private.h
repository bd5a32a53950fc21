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
#define SCS_PORTFOLIO_CACHE_MAGIC         "SCS-PORTFOLIO-5"
#define SCS_PORTFOLIO_CACHE_HEADER        (16 + 64)
/* device, inode, size, modification and status-change times (ns), and the
 * size and times of the -wal (0 without one) */
#define SCS_PORTFOLIO_CACHE_KEY_TYPE      "(ttxxxxxx)"
#define SCS_PORTFOLIO_CACHE_ROW_TYPE      "(s" SCS_PORTFOLIO_CACHE_KEY_TYPE "auaymasmaumau)"
#define SCS_PORTFOLIO_CACHE_CATALOGS_TYPE "a{sa(su)}"
#define SCS_PORTFOLIO_CACHE_TYPE \
  "(s" SCS_PORTFOLIO_CACHE_CATALOGS_TYPE "a" SCS_PORTFOLIO_CACHE_ROW_TYPE ")"

char *scs_portfolio_cache_identity (void);

G_END_DECLS
