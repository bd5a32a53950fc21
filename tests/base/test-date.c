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

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/scs/date/parse", test_parse);
  g_test_add_func ("/scs/date/days-since", test_days_since);
  g_test_add_func ("/scs/date/now", test_now);

  return g_test_run ();
}
