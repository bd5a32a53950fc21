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

/* Where a time is read. Stored times are UTC; the user reads them in the
 * machine's zone; the scheme's dates (the report, the declaration) are in
 * Japan's time (JST, UTC+9, no summer time) whatever the machine's zone,
 * so the same workspace gives the same document everywhere. */
typedef enum
{
  SCS_DATE_ZONE_UTC,
  SCS_DATE_ZONE_LOCAL,
  SCS_DATE_ZONE_JAPAN,
} ScsDateZone;

/* A stored time (ISO 8601, UTC unless it says otherwise) in @zone; NULL
 * for NULL, "" and anything that is not a time. */
GDateTime *scs_date_parse_time  (const char  *iso,
                                 ScsDateZone  zone);
/* Today's date in @zone, as a date and as "YYYY-MM-DD". */
GDate    *scs_date_today        (ScsDateZone  zone);
char     *scs_date_today_iso    (ScsDateZone  zone);
/* The calendar date of @when in @zone, "YYYY-MM-DD"; NULL for NULL. */
char     *scs_date_time_to_iso  (GDateTime   *when,
                                 ScsDateZone  zone);
/* A stored time (ISO 8601, UTC unless it says otherwise) as people read
 * it: date, hours and minutes in @zone with the zone's name,
 * "2026-12-07 05:59 JST" (Japan's time is always "JST"); @iso itself when
 * it is not a time, "" for NULL. */
char     *scs_date_format_time  (const char  *iso,
                                 ScsDateZone  zone);
/* The calendar date in @zone of a stored time, "YYYY-MM-DD": a
 * declaration made at 05:59 JST on 7 December (20:59 UTC on the 6th) is
 * dated the 7th. A bare date is returned as it is, "" for NULL. */
char     *scs_date_format_date  (const char  *iso,
                                 ScsDateZone  zone);

G_END_DECLS
