/* test-events.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "mmx-date.h"
#include "mmx-events.h"
#include "mmx-import-error.h"
#include "mmx-test-utils.h"

static guint32
day (const char *iso)
{
  return mmx_date_julian_from_iso (iso);
}

static const MmxEvent *
find_event (MmxEvents  *events,
            const char *name,
            int         year)
{
  for (guint i = 0; i < mmx_events_get_n_events (events); i++)
    {
      const MmxEvent *event = mmx_events_get_event (events, i);
      g_autoptr(GDate) date = g_date_new_julian (event->first_day);

      if (g_str_equal (event->name, name) && g_date_get_year (date) == year)
        return event;
    }
  return NULL;
}

static void
assert_event (MmxEvents  *events,
              const char *name,
              const char *first,
              const char *last)
{
  g_autoptr(GDate) date = g_date_new_julian (day (first));
  const MmxEvent *event = find_event (events, name, g_date_get_year (date));

  if (event == NULL)
    g_error ("no %s in %d", name, g_date_get_year (date));
  g_assert_cmpuint (event->first_day, ==, day (first));
  g_assert_cmpuint (event->last_day, ==, day (last));
}

/* Black Friday follows the fourth Thursday of November. */
static void
test_builtin (void)
{
  g_autoptr(MmxEvents) events = mmx_events_new ();
  const char * const *names;

  mmx_events_add_builtin (events, day ("2023-01-01"), day ("2025-12-31"));
  assert_event (events, "Black Friday", "2023-11-24", "2023-11-24");
  assert_event (events, "Black Friday", "2024-11-29", "2024-11-29");
  assert_event (events, "Black Friday", "2025-11-28", "2025-11-28");
  assert_event (events, "Cyber Monday", "2024-12-02", "2024-12-02");
  assert_event (events, "Christmas", "2025-12-24", "2025-12-25");
  assert_event (events, "New Year", "2024-12-31", "2025-01-01");
  /* The New Year that ends on the range's first day. */
  assert_event (events, "New Year", "2022-12-31", "2023-01-01");

  names = mmx_events_get_names (events);
  g_assert_cmpuint (g_strv_length ((GStrv) names), ==, 4);
  /* First added: the New Year that reaches into the range. */
  g_assert_cmpstr (names[0], ==, "New Year");
}

/* Within a range that misses most of the calendar, only what it touches. */
static void
test_builtin_short_range (void)
{
  g_autoptr(MmxEvents) events = mmx_events_new ();

  mmx_events_add_builtin (events, day ("2024-03-01"), day ("2024-11-30"));
  g_assert_cmpuint (mmx_events_get_n_events (events), ==, 1);
  assert_event (events, "Black Friday", "2024-11-29", "2024-11-29");
}

static void
test_indicators (void)
{
  g_autoptr(MmxEvents) events = mmx_events_new ();
  g_autofree double *daily = NULL;
  g_autofree double *weekly = NULL;

  mmx_events_add (events, "Sale", day ("2025-01-03"), day ("2025-01-04"));
  mmx_events_add (events, "Launch", day ("2025-01-09"), day ("2025-01-09"));
  mmx_events_add (events, "Sale", day ("2025-01-13"), day ("2025-01-13"));

  /* Ten days from 1 January: rows of (Sale, Launch). */
  daily = mmx_events_build_indicators (events, day ("2025-01-01"), 10, 1);
  for (guint t = 0; t < 10; t++)
    {
      g_assert_cmpfloat (daily[t * 2], ==, t == 2 || t == 3);
      g_assert_cmpfloat (daily[t * 2 + 1], ==, t == 8);
    }

  /* Weeks from 1 January: the share of a week's days. */
  weekly = mmx_events_build_indicators (events, day ("2025-01-01"), 2, 7);
  g_assert_cmpfloat_with_epsilon (weekly[0], 2.0 / 7, 1e-12);
  g_assert_cmpfloat (weekly[1], ==, 0);
  g_assert_cmpfloat_with_epsilon (weekly[2], 1.0 / 7, 1e-12);
  g_assert_cmpfloat_with_epsilon (weekly[3], 1.0 / 7, 1e-12);
}

static MmxEvents *
load_events (const char  *contents,
             GError     **error)
{
  g_autofree char *dir = mmx_test_make_dir ();
  g_autofree char *path = mmx_test_write_file (dir, "events.csv", contents, -1);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(MmxEvents) events = mmx_events_new ();
  gboolean ok = mmx_events_load_file (events, file, NULL, error);

  mmx_test_remove_dir (dir);
  return ok ? g_steal_pointer (&events) : NULL;
}

static void
test_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MmxEvents) events = load_events ("Event;Start date;End date\n"
                                             "Summer sale;2025-07-01;2025-07-14\n"
                                             "Flash sale;2025-08-05;\n"
                                             "Summer sale;2024-07-02;2024-07-12\n", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (mmx_events_get_n_events (events), ==, 3);
  assert_event (events, "Summer sale", "2025-07-01", "2025-07-14");
  assert_event (events, "Flash sale", "2025-08-05", "2025-08-05");
  assert_event (events, "Summer sale", "2024-07-02", "2024-07-12");
  g_assert_cmpuint (g_strv_length ((GStrv) mmx_events_get_names (events)), ==, 2);

  /* Day-first dates are read as the import reads them. */
  g_clear_pointer (&events, mmx_events_free);
  events = load_events ("date,name\n25/12/2024,Gifts\n13/01/2025,Gifts\n", &error);
  g_assert_no_error (error);
  assert_event (events, "Gifts", "2024-12-25", "2024-12-25");
}

typedef struct
{
  const char *test_path;
  const char *contents;
  const char *message;
} BadFile;

static const BadFile bad_files[] = {
  { "/mmx/models/events/bad/no-date-column", "when,name\n2025-01-01,Sale\n",
    "events.csv has no “date” column (its header is: when, name)" },
  { "/mmx/models/events/bad/no-name-column", "date,what\n2025-01-01,Sale\n",
    "events.csv has no “name” column" },
  { "/mmx/models/events/bad/not-a-date", "date,name\n2025-01-01,A\nsoon,B\n",
    "events.csv, row 3, column “date”: “soon” is not a date" },
  { "/mmx/models/events/bad/no-such-day", "date,name\n2025-02-30,A\n",
    "events.csv, row 2, column “date”: “2025-02-30” is a day that does not exist" },
  { "/mmx/models/events/bad/empty-date", "date,name\n2025-01-01,A\n,B\n",
    "events.csv, row 3, column “date”: the date is missing" },
  { "/mmx/models/events/bad/no-name", "date,name\n2025-01-01,\n",
    "events.csv, row 2, column “name”: the event has no name" },
  { "/mmx/models/events/bad/ends-before-start", "start,end,name\n2025-03-05,2025-03-01,A\n",
    "events.csv, row 2, column “end”: the event ends before it starts" },
  { "/mmx/models/events/bad/too-long", "start,end,name\n2025-01-01,2025-12-31,Year\n",
    "events.csv, row 2, column “end”: the event lasts more than 92 days" },
  { "/mmx/models/events/bad/ambiguous", "date,name\n01/02/2025,A\n03/04/2025,B\n",
    "the dates read both day-first and month-first" },
  { "/mmx/models/events/bad/quote", "date,name\n2025-01-01,\"A\"x\n",
    "events.csv, row 2: a quote mark is out of place" },
  { "/mmx/models/events/bad/empty", "", "“events.csv” is empty" },
};

static void
test_bad_file (gconstpointer data)
{
  const BadFile *bad = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(MmxEvents) events = load_events (bad->contents, &error);

  g_assert_null (events);
  g_assert_error (error, MMX_IMPORT_ERROR, MMX_IMPORT_ERROR_BAD_FILE);
  if (strstr (error->message, bad->message) == NULL)
    g_error ("“%s” does not say “%s”", error->message, bad->message);
}

/* A file that fails adds nothing, even after good rows. */
static void
test_bad_file_adds_nothing (void)
{
  g_autofree char *dir = mmx_test_make_dir ();
  g_autofree char *path = mmx_test_write_file (dir, "events.csv",
                                               "date,name\n2025-01-01,A\nnope,B\n", -1);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(MmxEvents) events = mmx_events_new ();
  g_autoptr(GError) error = NULL;

  g_assert_false (mmx_events_load_file (events, file, NULL, &error));
  g_assert_cmpuint (mmx_events_get_n_events (events), ==, 0);
  g_assert_cmpuint (g_strv_length ((GStrv) mmx_events_get_names (events)), ==, 0);
  mmx_test_remove_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mmx/models/events/builtin", test_builtin);
  g_test_add_func ("/mmx/models/events/builtin-short-range", test_builtin_short_range);
  g_test_add_func ("/mmx/models/events/indicators", test_indicators);
  g_test_add_func ("/mmx/models/events/file", test_file);
  g_test_add_func ("/mmx/models/events/bad-file-adds-nothing", test_bad_file_adds_nothing);
  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    g_test_add_data_func (bad_files[i].test_path, &bad_files[i], test_bad_file);

  return g_test_run ();
}
