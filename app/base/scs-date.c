/* scs-date.c: the one date rule — calendar dates and stored times
 *
 * Five parsers used to accept different input (one took "2026-1-1" and
 * " 2026-01-01", sscanf's way); dates reach signed XML, reports and
 * expiry checks, so every one of them goes through the same strict rule.
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
  g_autoptr(GDateTime) now = NULL;
  GDate today;

  if (then == NULL)
    return G_MININT;
  now = g_date_time_new_now_utc ();
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now), g_date_time_get_year (now));
  return g_date_days_between (then, &today);
}

char *
scs_now_iso8601 (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *seconds = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S");

  return g_strdup_printf ("%s.%03dZ", seconds, g_date_time_get_microsecond (now) / 1000);
}
