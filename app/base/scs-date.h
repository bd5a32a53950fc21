/* scs-date.h: the one date rule — calendar dates and stored times
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The only accepted form of a calendar date anywhere (files, CLI, forms):
 * exactly "YYYY-MM-DD", ASCII digits, a real Gregorian day, year 1900 to
 * 9999. "2026-1-1", " 2026-01-01", "2026-02-30" and "2026-01-01T00:00"
 * are refused. */
#define SCS_DATE_MIN_YEAR 1900
#define SCS_DATE_MAX_YEAR 9999

/* The date, or NULL when @text (nullable) does not follow the rule. */
GDate    *scs_date_parse_iso  (const char  *text);
gboolean  scs_date_is_iso     (const char  *text);
/* "YYYY-MM-DD", or NULL for NULL or an invalid date. */
char     *scs_date_to_iso     (const GDate *date);
/* Days from @text to today's date in UTC (negative: in the future), or
 * G_MININT when @text is not a date. */
int       scs_date_days_since (const char  *text);

/* Now, as every stored time is written: ISO 8601 UTC with milliseconds,
 * "2026-11-22T03:49:12.345Z". */
char     *scs_now_iso8601     (void);

G_END_DECLS
