/* test-date.c: the one date rule, as a table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "scs-date.h"

static const struct
{
  const char *text;
  const char *iso;  /* as written back, NULL: refused */
} dates[] = {
  { "2026-01-01", "2026-01-01" },
  { "2026-12-31", "2026-12-31" },
  { "2028-02-29", "2028-02-29" },
  { "2000-02-29", "2000-02-29" },
  { "1900-01-01", "1900-01-01" },
  { "9999-12-31", "9999-12-31" },
  { "2026-1-1", NULL },
  { "2026-01-1", NULL },
  { "2026-1-01", NULL },
  { " 2026-01-01", NULL },
  { "2026-01-01 ", NULL },
  { "2026- 1-01", NULL },
  { "2026-+1-01", NULL },
  { "+026-01-01", NULL },
  { "2026/01/01", NULL },
  { "20260101", NULL },
  { "2026-02-29", NULL },
  { "1900-02-29", NULL },
  { "2026-02-30", NULL },
  { "2026-13-01", NULL },
  { "2026-00-10", NULL },
  { "2026-01-00", NULL },
  { "2026-01-32", NULL },
  { "1899-12-31", NULL },
  { "0000-01-01", NULL },
  { "2026-01-01T00:00:00Z", NULL },
  { "２０２６-01-01", NULL },
  { "", NULL },
  { NULL, NULL },
};

static void
test_parse (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autoptr(GDate) date = scs_date_parse_iso (dates[i].text);
      g_autofree char *iso = scs_date_to_iso (date);

      g_test_message ("%s", dates[i].text != NULL ? dates[i].text : "(null)");
      g_assert_cmpstr (iso, ==, dates[i].iso);
      g_assert_true (scs_date_is_iso (dates[i].text) == (dates[i].iso != NULL));
    }
  g_assert_null (scs_date_to_iso (NULL));
}

static void
test_days_since (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) week_ago = g_date_time_add_days (now, -7);
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *past = g_date_time_format (week_ago, "%Y-%m-%d");
  g_autofree char *future = g_date_time_format (tomorrow, "%Y-%m-%d");

  /* Around midnight UTC "now" may move on by one day between the calls. */
  g_assert_cmpint (scs_date_days_since (today), >=, 0);
  g_assert_cmpint (scs_date_days_since (today), <=, 1);
  g_assert_cmpint (scs_date_days_since (past), >=, 7);
  g_assert_cmpint (scs_date_days_since (past), <=, 8);
  g_assert_cmpint (scs_date_days_since (future), <, 1);
  g_assert_cmpint (scs_date_days_since ("2026-1-1"), ==, G_MININT);
  g_assert_cmpint (scs_date_days_since (NULL), ==, G_MININT);
}

static void
test_now (void)
{
  g_autofree char *now = scs_now_iso8601 ();
  g_autoptr(GDateTime) parsed = g_date_time_new_from_iso8601 (now, NULL);
  g_autofree char *day = g_strndup (now, 10);

  g_assert_cmpuint (strlen (now), ==, strlen ("2026-11-22T03:49:12.345Z"));
  g_assert_true (g_str_has_suffix (now, "Z"));
  g_assert_nonnull (parsed);
  g_assert_true (scs_date_is_iso (day));
}

/* One formatter for every stored time: the user's zone with its name,
 * Japan's time whatever the machine's zone, and UTC. */
static void
test_format (void)
{
  static const struct
  {
    const char  *tz;
    ScsDateZone  zone;
    const char  *time;
    const char  *date;
  } cases[] = {
    { "Asia/Tokyo", SCS_DATE_ZONE_LOCAL, "2026-12-07 05:59 JST", "2026-12-07" },
    { "America/Los_Angeles", SCS_DATE_ZONE_LOCAL, "2026-12-06 12:59 PST", "2026-12-06" },
    { "America/Los_Angeles", SCS_DATE_ZONE_JAPAN, "2026-12-07 05:59 JST", "2026-12-07" },
    { "Europe/Berlin", SCS_DATE_ZONE_JAPAN, "2026-12-07 05:59 JST", "2026-12-07" },
    { "Asia/Tokyo", SCS_DATE_ZONE_UTC, "2026-12-06 20:59 UTC", "2026-12-06" },
  };
  g_autofree char *saved = g_strdup (g_getenv ("TZ"));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *time = NULL;
      g_autofree char *date = NULL;
      g_autofree char *offset = NULL;
      g_autofree char *bare = NULL;
      g_autofree char *junk = NULL;
      g_autofree char *none = NULL;

      g_test_message ("%s, zone %d", cases[i].tz, cases[i].zone);
      g_setenv ("TZ", cases[i].tz, TRUE);
      time = scs_date_format_time ("2026-12-06T20:59:00.123Z", cases[i].zone);
      g_assert_cmpstr (time, ==, cases[i].time);
      date = scs_date_format_date ("2026-12-06T20:59:00Z", cases[i].zone);
      g_assert_cmpstr (date, ==, cases[i].date);
      /* A time that names its own offset is read as such. */
      offset = scs_date_format_date ("2026-12-07T05:59:00+09:00", cases[i].zone);
      g_assert_cmpstr (offset, ==, cases[i].date);
      /* A bare date is a calendar date already; what is not a time is
       * shown as it is. */
      bare = scs_date_format_date ("2026-12-06", cases[i].zone);
      g_assert_cmpstr (bare, ==, "2026-12-06");
      junk = scs_date_format_time ("not a time", cases[i].zone);
      g_assert_cmpstr (junk, ==, "not a time");
      none = scs_date_format_time (NULL, cases[i].zone);
      g_assert_cmpstr (none, ==, "");
      g_clear_pointer (&none, g_free);
      none = scs_date_format_date (NULL, cases[i].zone);
      g_assert_cmpstr (none, ==, "");
    }
  if (saved != NULL)
    g_setenv ("TZ", saved, TRUE);
  else
    g_unsetenv ("TZ");
}

/* Today in each zone is the date of "now" there: for a moment on either
 * side of the call, one of the two dates. */
static void
test_today (void)
{
  static const ScsDateZone zones[] = { SCS_DATE_ZONE_UTC, SCS_DATE_ZONE_LOCAL, SCS_DATE_ZONE_JAPAN };
  g_autofree char *saved = g_strdup (g_getenv ("TZ"));

  g_setenv ("TZ", "America/Los_Angeles", TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (zones); i++)
    {
      g_autoptr(GDateTime) before = g_date_time_new_now_utc ();
      g_autofree char *today = scs_date_today_iso (zones[i]);
      g_autoptr(GDate) date = scs_date_today (zones[i]);
      g_autoptr(GDateTime) after = g_date_time_new_now_utc ();
      g_autofree char *first = scs_date_time_to_iso (before, zones[i]);
      g_autofree char *last = scs_date_time_to_iso (after, zones[i]);
      g_autofree char *again = scs_date_to_iso (date);

      g_assert_true (g_str_equal (today, first) || g_str_equal (today, last));
      g_assert_true (g_str_equal (again, first) || g_str_equal (again, last));
    }

  /* 20:59 UTC on the 6th is the 7th in Japan, the 6th in UTC and in
   * California. */
  {
    g_autoptr(GDateTime) when = g_date_time_new_from_iso8601 ("2026-12-06T20:59:00Z", NULL);
    g_autofree char *japan = scs_date_time_to_iso (when, SCS_DATE_ZONE_JAPAN);
    g_autofree char *utc = scs_date_time_to_iso (when, SCS_DATE_ZONE_UTC);
    g_autofree char *local = scs_date_time_to_iso (when, SCS_DATE_ZONE_LOCAL);

    g_assert_cmpstr (japan, ==, "2026-12-07");
    g_assert_cmpstr (utc, ==, "2026-12-06");
    g_assert_cmpstr (local, ==, "2026-12-06");
    g_assert_null (scs_date_time_to_iso (NULL, SCS_DATE_ZONE_LOCAL));
  }
  if (saved != NULL)
    g_setenv ("TZ", saved, TRUE);
  else
    g_unsetenv ("TZ");
}

static void
test_parse_time (void)
{
  g_autoptr(GDateTime) japan = scs_date_parse_time ("2026-12-06T20:59:00Z", SCS_DATE_ZONE_JAPAN);
  g_autoptr(GDateTime) bare = scs_date_parse_time ("2026-12-06T20:59:00", SCS_DATE_ZONE_UTC);
  const char *refused[] = { NULL, "", "2026-12-06", "yesterday", "2026-13-01T00:00:00Z", "2026-12-06T20:59:00Zjunk" };

  g_assert_nonnull (japan);
  g_assert_cmpint (g_date_time_get_day_of_month (japan), ==, 7);
  g_assert_cmpint (g_date_time_get_hour (japan), ==, 5);
  /* without a zone: UTC, as stored times are */
  g_assert_nonnull (bare);
  g_assert_cmpint (g_date_time_get_hour (bare), ==, 20);
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    g_assert_null (scs_date_parse_time (refused[i], SCS_DATE_ZONE_UTC));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/scs/date/parse", test_parse);
  g_test_add_func ("/scs/date/parse-time", test_parse_time);
  g_test_add_func ("/scs/date/days-since", test_days_since);
  g_test_add_func ("/scs/date/now", test_now);
  g_test_add_func ("/scs/date/format", test_format);
  g_test_add_func ("/scs/date/today", test_today);

  return g_test_run ();
}
