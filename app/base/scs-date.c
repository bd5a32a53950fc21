/* scs-date.c: the one date rule — calendar dates and stored times
 *
 * Five parsers used to accept different input (one took "2026-1-1" and
 * " 2026-01-01", sscanf's way); dates reach signed XML, reports and
 * expiry checks, so every one of them goes through the same strict rule.
 * Times are shown the same way everywhere too: one formatter, in the
 * user's zone or in Japan's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "scs-date.h"

#include <string.h>

static gboolean
digits (const char *text,
        guint       n,
        guint      *value)
{
  *value = 0;
  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      *value = *value * 10 + (guint) (text[i] - '0');
    }
  return TRUE;
}

GDate *
scs_date_parse_iso (const char *text)
{
  guint y, m, d;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-' ||
      !digits (text, 4, &y) || !digits (text + 5, 2, &m) || !digits (text + 8, 2, &d))
    return NULL;
  if (y < SCS_DATE_MIN_YEAR || y > SCS_DATE_MAX_YEAR ||
      !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return NULL;
  return g_date_new_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y);
}

gboolean
scs_date_is_iso (const char *text)
{
  g_autoptr(GDate) date = scs_date_parse_iso (text);

  return date != NULL;
}

char *
scs_date_to_iso (const GDate *date)
{
  if (date == NULL || !g_date_valid (date))
    return NULL;
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date),
                          g_date_get_month (date), g_date_get_day (date));
}

int
scs_date_days_since (const char *text)
{
  g_autoptr(GDate) then = scs_date_parse_iso (text);
  g_autoptr(GDate) today = NULL;

  if (then == NULL)
    return G_MININT;
  today = scs_date_today (SCS_DATE_ZONE_UTC);
  return g_date_days_between (then, today);
}

char *
scs_now_iso8601 (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *seconds = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S");

  return g_strdup_printf ("%s.%03dZ", seconds, g_date_time_get_microsecond (now) / 1000);
}

static GTimeZone *
zone_new (ScsDateZone zone)
{
  switch (zone)
    {
    case SCS_DATE_ZONE_LOCAL:
      return g_time_zone_new_local ();
    case SCS_DATE_ZONE_JAPAN:
      return g_time_zone_new_offset (9 * 3600);
    case SCS_DATE_ZONE_UTC:
    default:
      return g_time_zone_new_utc ();
    }
}

/* @when in @zone. */
static GDateTime *
to_zone (GDateTime   *when,
         ScsDateZone  zone)
{
  g_autoptr(GTimeZone) tz = zone_new (zone);

  return g_date_time_to_timezone (when, tz);
}

GDateTime *
scs_date_parse_time (const char  *iso,
                     ScsDateZone  zone)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) parsed = NULL;

  if (iso == NULL || *iso == '\0')
    return NULL;
  parsed = g_date_time_new_from_iso8601 (iso, utc);
  if (parsed == NULL)
    return NULL;
  return to_zone (parsed, zone);
}

GDate *
scs_date_today (ScsDateZone zone)
{
  g_autoptr(GDateTime) utc = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) now = to_zone (utc, zone);

  return g_date_new_dmy ((GDateDay) g_date_time_get_day_of_month (now),
                         (GDateMonth) g_date_time_get_month (now),
                         (GDateYear) g_date_time_get_year (now));
}

char *
scs_date_today_iso (ScsDateZone zone)
{
  g_autoptr(GDate) today = scs_date_today (zone);

  return scs_date_to_iso (today);
}

char *
scs_date_time_to_iso (GDateTime   *when,
                      ScsDateZone  zone)
{
  g_autoptr(GDateTime) there = NULL;

  if (when == NULL)
    return NULL;
  there = to_zone (when, zone);
  return g_date_time_format (there, "%Y-%m-%d");
}

char *
scs_date_format_time (const char  *iso,
                      ScsDateZone  zone)
{
  g_autoptr(GDateTime) when = scs_date_parse_time (iso, zone);

  if (when == NULL)
    return g_strdup (iso != NULL ? iso : "");
  /* Japan's fixed offset has no name of its own: "+09". */
  return g_date_time_format (when, zone == SCS_DATE_ZONE_JAPAN ? "%Y-%m-%d %H:%M JST" : "%Y-%m-%d %H:%M %Z");
}

char *
scs_date_format_date (const char  *iso,
                      ScsDateZone  zone)
{
  g_autoptr(GDateTime) when = NULL;

  if (iso == NULL)
    return g_strdup ("");
  if (strlen (iso) == 10)
    return g_strdup (iso);
  when = scs_date_parse_time (iso, zone);
  if (when == NULL)
    return g_strndup (iso, 10);
  return g_date_time_format (when, "%Y-%m-%d");
}
