/* mmx-csv-writer.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mmx-csv"

#include "config.h"

#include <math.h>
#include <string.h>

#include "mmx-csv-writer.h"

/**
 * mmx_csv_append_field:
 * @out: the CSV text being written
 * @value: (nullable): a field; %NULL for an empty one
 *
 * Appends @value, quoted as RFC 4180 says when it holds a comma, a quote
 * or a line break.
 */
void
mmx_csv_append_field (GString    *out,
                      const char *value)
{
  if (value == NULL)
    return;
  if (strpbrk (value, ",\"\r\n") == NULL)
    {
      g_string_append (out, value);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = value; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/**
 * mmx_csv_append_number:
 * @out: the CSV text being written
 * @value: a number; NAN for an empty field
 * @decimals: the digits after the point
 *
 * Appends @value with a point as the decimal mark and no grouping, in
 * every locale, so spreadsheets and our own importer read it back.
 */
void
mmx_csv_append_number (GString *out,
                       double   value,
                       guint    decimals)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char format[16];

  if (!isfinite (value))
    return;
  g_snprintf (format, sizeof format, "%%.%uf", MIN (decimals, 17));
  g_string_append (out, g_ascii_formatd (buffer, sizeof buffer, format, value));
}
