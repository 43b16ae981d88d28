/* mmx-date.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mmx-date"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "mmx-date.h"

#define N_FORMATS (MMX_DATE_FORMAT_MONTH_NAME + 1)

/* Enough consecutive values to see the rhythm of the data, bounded so a
 * scan of a long file stays in constant memory. */
#define MAX_SEQUENCE 4096

struct _MmxDateDetector
{
  guint    n_values;
  guint    n_parsed[N_FORMATS];
  GArray  *dmy_sequence;
  GArray  *mdy_sequence;
  char    *last_text;
  char    *example;
};

static const char * const month_names[] = {
  "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"
};

static const char * const weekday_names[] = {
  "mon", "tue", "wed", "thu", "fri", "sat", "sun"
};

static MmxDateStatus
make_julian (int      year,
             int      month,
             int      day,
             guint32 *out_julian)
{
  GDate date;

  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1 || year > 9999)
    return MMX_DATE_NONEXISTENT;
  if (!g_date_valid_dmy (day, month, year))
    return MMX_DATE_NONEXISTENT;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  *out_julian = g_date_get_julian (&date);
  return MMX_DATE_OK;
}

/* Reads up to @max_digits digits; returns the count read. */
static guint
read_number (const char **p,
             guint        max_digits,
             int         *out_value)
{
  guint n = 0;
  int value = 0;

  while (n < max_digits && g_ascii_isdigit ((*p)[n]))
    {
      value = value * 10 + ((*p)[n] - '0');
      n++;
    }
  *p += n;
  *out_value = value;
  return n;
}

static int
expand_year (int      year,
             guint    n_digits)
{
  return n_digits == 2 ? 2000 + year : year;
}

static MmxDateStatus
parse_year_first (const char *text,
                  char        separator,
                  gboolean    allow_time,
                  guint32    *out_julian)
{
  const char *p = text;
  int year, month, day;

  if (read_number (&p, 4, &year) != 4 || *p++ != separator)
    return MMX_DATE_INVALID;
  if (read_number (&p, 2, &month) == 0 || *p++ != separator)
    return MMX_DATE_INVALID;
  if (read_number (&p, 2, &day) == 0)
    return MMX_DATE_INVALID;
  if (*p != '\0' && !(allow_time && (*p == 'T' || *p == ' ')))
    return MMX_DATE_INVALID;
  return make_julian (year, month, day, out_julian);
}

static MmxDateStatus
parse_numeric_day_month (const char *text,
                         gboolean    day_first,
                         guint32    *out_julian)
{
  const char *p = text;
  int first, second, year;
  guint n_year_digits;
  char separator;

  if (read_number (&p, 2, &first) == 0)
    return MMX_DATE_INVALID;
  separator = *p++;
  if (separator != '/' && separator != '.' && separator != '-')
    return MMX_DATE_INVALID;
  if (read_number (&p, 2, &second) == 0 || *p++ != separator)
    return MMX_DATE_INVALID;
  n_year_digits = read_number (&p, 4, &year);
  if (n_year_digits != 2 && n_year_digits != 4)
    return MMX_DATE_INVALID;
  if (*p != '\0' && *p != ' ')
    return MMX_DATE_INVALID;
  year = expand_year (year, n_year_digits);
  return day_first ? make_julian (year, second, first, out_julian)
                   : make_julian (year, first, second, out_julian);
}

static int
lookup_name (const char         *word,
             const char * const *names,
             guint               n_names)
{
  g_autofree char *lower = g_ascii_strdown (word, -1);

  if (strlen (lower) < 3)
    return -1;
  for (guint i = 0; i < n_names; i++)
    if (g_str_has_prefix (lower, names[i]))
      return (int) i;
  return -1;
}

/* "Nov 3, 2025", "November 3 2025", "3 Nov 2025", "03-Nov-25", "Mon, Nov 3, 2025". */
static MmxDateStatus
parse_month_name (const char *text,
                  guint32    *out_julian)
{
  g_auto(GStrv) words = NULL;
  int month = 0;
  int numbers[2];
  guint digits[2];
  guint n_numbers = 0;
  gboolean month_first = FALSE;
  int day, year;

  words = g_strsplit_set (text, " ,-./", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *word = words[i];

      if (*word == '\0')
        continue;
      if (g_ascii_isdigit (*word))
        {
          const char *p = word;
          int value;
          guint n = read_number (&p, 4, &value);

          if (*p != '\0' && g_ascii_strcasecmp (p, "st") != 0 && g_ascii_strcasecmp (p, "nd") != 0
              && g_ascii_strcasecmp (p, "rd") != 0 && g_ascii_strcasecmp (p, "th") != 0)
            return MMX_DATE_INVALID;
          if (n_numbers == 2)
            return MMX_DATE_INVALID;
          digits[n_numbers] = n;
          numbers[n_numbers++] = value;
        }
      else if (month == 0 && lookup_name (word, month_names, G_N_ELEMENTS (month_names)) >= 0)
        {
          month = lookup_name (word, month_names, G_N_ELEMENTS (month_names)) + 1;
          month_first = n_numbers == 0;
        }
      else if (month == 0 && n_numbers == 0
               && lookup_name (word, weekday_names, G_N_ELEMENTS (weekday_names)) >= 0)
        continue;
      else
        return MMX_DATE_INVALID;
    }

  if (month == 0 || n_numbers != 2)
    return MMX_DATE_INVALID;

  if (digits[0] == 4)
    {
      year = numbers[0];
      day = numbers[1];
    }
  else if (digits[1] == 4 || month_first || digits[1] == 2)
    {
      day = numbers[0];
      year = expand_year (numbers[1], digits[1]);
    }
  else
    return MMX_DATE_INVALID;

  if (digits[0] > 2 && digits[0] != 4)
    return MMX_DATE_INVALID;
  return make_julian (year, month, day, out_julian);
}

/**
 * mmx_date_parse:
 * @text: a cell, already trimmed
 * @format: the file's date format
 * @out_julian: (out): the day, as a GLib Julian day number
 *
 * Returns: %MMX_DATE_OK, or why @text is not a date in @format
 */
MmxDateStatus
mmx_date_parse (const char    *text,
                MmxDateFormat  format,
                guint32       *out_julian)
{
  g_return_val_if_fail (text != NULL, MMX_DATE_INVALID);
  g_return_val_if_fail (out_julian != NULL, MMX_DATE_INVALID);

  if (*text == '\0')
    return MMX_DATE_EMPTY;

  switch (format)
    {
    case MMX_DATE_FORMAT_ISO:
      return parse_year_first (text, '-', TRUE, out_julian);
    case MMX_DATE_FORMAT_YMD:
      return parse_year_first (text, '/', TRUE, out_julian);
    case MMX_DATE_FORMAT_DMY:
      return parse_numeric_day_month (text, TRUE, out_julian);
    case MMX_DATE_FORMAT_MDY:
      return parse_numeric_day_month (text, FALSE, out_julian);
    case MMX_DATE_FORMAT_MONTH_NAME:
      return parse_month_name (text, out_julian);
    case MMX_DATE_FORMAT_UNKNOWN:
    default:
      return MMX_DATE_INVALID;
    }
}

/**
 * mmx_date_format_describe:
 * @format: a format
 *
 * Returns: the format as a user reads it, e.g. "DD/MM/YYYY"
 */
const char *
mmx_date_format_describe (MmxDateFormat format)
{
  switch (format)
    {
    case MMX_DATE_FORMAT_ISO:
      return "YYYY-MM-DD";
    case MMX_DATE_FORMAT_YMD:
      return "YYYY/MM/DD";
    case MMX_DATE_FORMAT_DMY:
      return "DD/MM/YYYY";
    case MMX_DATE_FORMAT_MDY:
      return "MM/DD/YYYY";
    case MMX_DATE_FORMAT_MONTH_NAME:
      return "Nov 3, 2025";
    case MMX_DATE_FORMAT_UNKNOWN:
    default:
      return _("unknown");
    }
}

/**
 * mmx_date_format_to_string:
 * @format: a format
 *
 * Returns: the machine name used by the CLI and in saved mappings
 */
const char *
mmx_date_format_to_string (MmxDateFormat format)
{
  switch (format)
    {
    case MMX_DATE_FORMAT_ISO:
      return "iso";
    case MMX_DATE_FORMAT_YMD:
      return "ymd";
    case MMX_DATE_FORMAT_DMY:
      return "dmy";
    case MMX_DATE_FORMAT_MDY:
      return "mdy";
    case MMX_DATE_FORMAT_MONTH_NAME:
      return "month-name";
    case MMX_DATE_FORMAT_UNKNOWN:
    default:
      return "unknown";
    }
}

/**
 * mmx_date_format_from_string:
 * @name: a machine name, as from mmx_date_format_to_string()
 *
 * Returns: the format, or %MMX_DATE_FORMAT_UNKNOWN
 */
MmxDateFormat
mmx_date_format_from_string (const char *name)
{
  for (MmxDateFormat f = MMX_DATE_FORMAT_ISO; f < N_FORMATS; f++)
    if (g_ascii_strcasecmp (name, mmx_date_format_to_string (f)) == 0)
      return f;
  return MMX_DATE_FORMAT_UNKNOWN;
}

/**
 * mmx_date_julian_to_iso:
 * @julian: a GLib Julian day number
 *
 * Returns: (transfer full): `YYYY-MM-DD`
 */
char *
mmx_date_julian_to_iso (guint32 julian)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  return g_strdup_printf ("%04d-%02d-%02d",
                          g_date_get_year (&date),
                          g_date_get_month (&date),
                          g_date_get_day (&date));
}

/* The GLib Julian day of 1970-01-01. */
#define UNIX_EPOCH_JULIAN 719163

/**
 * mmx_date_unix_to_iso:
 * @seconds: a time, in seconds since 1970 UTC
 *
 * Returns: (transfer full): its day in UTC, `YYYY-MM-DD`
 */
char *
mmx_date_unix_to_iso (gint64 seconds)
{
  gint64 days = seconds >= 0 ? seconds / 86400 : -((-seconds + 86399) / 86400);

  return mmx_date_julian_to_iso ((guint32) CLAMP (UNIX_EPOCH_JULIAN + days, 1, G_MAXUINT32));
}

/**
 * mmx_date_julian_from_iso:
 * @iso: `YYYY-MM-DD`
 *
 * Returns: the Julian day number, or 0 when @iso is not a valid date
 */
guint32
mmx_date_julian_from_iso (const char *iso)
{
  guint32 julian = 0;

  if (parse_year_first (iso, '-', FALSE, &julian) != MMX_DATE_OK)
    return 0;
  return julian;
}

/**
 * mmx_date_julian_today:
 *
 * Returns: today in the user's time zone, as a Julian day number
 */
guint32
mmx_date_julian_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date,
                  g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now),
                  g_date_time_get_year (now));
  return g_date_get_julian (&date);
}

/**
 * mmx_date_detector_new:
 *
 * A detector decides a file's date format from its values. Day-first and
 * month-first dates are told apart by a day above 12 or, failing that, by
 * which reading gives the regular daily or weekly rhythm of an export.
 *
 * Returns: (transfer full): a new detector
 */
MmxDateDetector *
mmx_date_detector_new (void)
{
  MmxDateDetector *self = g_new0 (MmxDateDetector, 1);

  self->dmy_sequence = g_array_new (FALSE, FALSE, sizeof (guint32));
  self->mdy_sequence = g_array_new (FALSE, FALSE, sizeof (guint32));
  return self;
}

void
mmx_date_detector_free (MmxDateDetector *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->dmy_sequence);
  g_array_unref (self->mdy_sequence);
  g_free (self->last_text);
  g_free (self->example);
  g_free (self);
}

void
mmx_date_detector_add (MmxDateDetector *self,
                       const char      *text)
{
  guint32 dmy = 0, mdy = 0;
  gboolean dmy_ok, mdy_ok;

  g_return_if_fail (self != NULL);

  if (*text == '\0' || g_strcmp0 (text, self->last_text) == 0)
    return;
  g_free (self->last_text);
  self->last_text = g_strdup (text);
  self->n_values++;

  for (MmxDateFormat f = MMX_DATE_FORMAT_ISO; f < N_FORMATS; f++)
    {
      guint32 julian;

      if (f == MMX_DATE_FORMAT_DMY || f == MMX_DATE_FORMAT_MDY)
        continue;
      if (mmx_date_parse (text, f, &julian) == MMX_DATE_OK)
        self->n_parsed[f]++;
    }

  dmy_ok = mmx_date_parse (text, MMX_DATE_FORMAT_DMY, &dmy) == MMX_DATE_OK;
  mdy_ok = mmx_date_parse (text, MMX_DATE_FORMAT_MDY, &mdy) == MMX_DATE_OK;
  self->n_parsed[MMX_DATE_FORMAT_DMY] += dmy_ok;
  self->n_parsed[MMX_DATE_FORMAT_MDY] += mdy_ok;
  /* A day that reads the same both ways ("03/03") belongs to both rhythms. */
  if (dmy_ok && mdy_ok)
    {
      if (self->example == NULL && dmy != mdy)
        self->example = g_strdup (text);
      if (self->dmy_sequence->len < MAX_SEQUENCE)
        {
          g_array_append_val (self->dmy_sequence, dmy);
          g_array_append_val (self->mdy_sequence, mdy);
        }
    }
}

/* The share of steps between consecutive values that a dated export
 * makes: the next day or the next week. */
static double
regular_step_share (GArray *sequence)
{
  guint regular = 0;

  if (sequence->len < 2)
    return 0.0;
  for (guint i = 1; i < sequence->len; i++)
    {
      gint64 step = (gint64) g_array_index (sequence, guint32, i)
                    - (gint64) g_array_index (sequence, guint32, i - 1);
      step = ABS (step);
      if (step == 1 || step == 7)
        regular++;
    }
  return (double) regular / (sequence->len - 1);
}

/**
 * mmx_date_detector_get_format:
 * @self: a detector
 * @out_ambiguous: (out) (optional): set when day-first and month-first
 *   both fit the values equally well
 *
 * Returns: the format that reads the most values, or
 *   %MMX_DATE_FORMAT_UNKNOWN when none reads any
 */
MmxDateFormat
mmx_date_detector_get_format (MmxDateDetector *self,
                              gboolean        *out_ambiguous)
{
  MmxDateFormat best = MMX_DATE_FORMAT_UNKNOWN;
  guint best_count = 0;
  gboolean ambiguous = FALSE;

  g_return_val_if_fail (self != NULL, MMX_DATE_FORMAT_UNKNOWN);

  for (MmxDateFormat f = MMX_DATE_FORMAT_ISO; f < N_FORMATS; f++)
    if (self->n_parsed[f] > best_count)
      {
        best = f;
        best_count = self->n_parsed[f];
      }

  if ((best == MMX_DATE_FORMAT_DMY || best == MMX_DATE_FORMAT_MDY)
      && self->n_parsed[MMX_DATE_FORMAT_DMY] == self->n_parsed[MMX_DATE_FORMAT_MDY])
    {
      double dmy_share = regular_step_share (self->dmy_sequence);
      double mdy_share = regular_step_share (self->mdy_sequence);

      if (dmy_share >= 0.9 && mdy_share <= 0.5)
        best = MMX_DATE_FORMAT_DMY;
      else if (mdy_share >= 0.9 && dmy_share <= 0.5)
        best = MMX_DATE_FORMAT_MDY;
      else
        ambiguous = TRUE;
    }

  if (out_ambiguous != NULL)
    *out_ambiguous = ambiguous;
  return best;
}

/**
 * mmx_date_detector_get_example:
 * @self: a detector
 *
 * Returns: (nullable): the first value that reads differently day-first
 *   and month-first, to show the user
 */
const char *
mmx_date_detector_get_example (MmxDateDetector *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->example;
}
