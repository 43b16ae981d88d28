/* mmx-cli-common.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>

#include "mmx-cli.h"
#include "mmx-json.h"
#include "mmx-number-text.h"

/**
 * mmx_cli_open_store:
 * @db_path: the database file
 *
 * Returns: (transfer full) (nullable): the store, or %NULL after saying why
 */
MmxStore *
mmx_cli_open_store (const char *db_path)
{
  g_autoptr(GError) error = NULL;
  MmxStore *store = mmx_store_open (db_path, &error);

  if (store == NULL)
    mmx_cli_print_error (error);
  return store;
}

void
mmx_cli_print_error (const GError *error)
{
  g_printerr ("marketingmix-cli: %s\n", error->message);
}

int
mmx_cli_usage_error (GOptionContext *context,
                     const char     *format,
                     ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("marketingmix-cli: %s\n", message);
  if (context != NULL)
    g_printerr (_("See “%s --help”.\n"), g_get_prgname ());
  return MMX_CLI_EXIT_USAGE;
}

/**
 * mmx_cli_parse_options:
 * @context: a command's options
 * @argc: (inout): the arguments
 * @argv: (inout): the arguments, the command's name first
 *
 * Returns: %FALSE after saying what is wrong with the arguments
 */
gboolean
mmx_cli_parse_options (GOptionContext   *context,
                       int              *argc,
                       char           ***argv)
{
  g_autoptr(GError) error = NULL;

  if (g_option_context_parse (context, argc, argv, &error))
    return TRUE;
  g_printerr ("%s: %s\n", g_get_prgname (), error->message);
  g_printerr (_("See “%s --help”.\n"), g_get_prgname ());
  return FALSE;
}

void
mmx_cli_print_json (JsonBuilder *builder)
{
  g_autofree char *text = mmx_json_to_string (builder, TRUE);

  g_print ("%s\n", text);
}

/**
 * mmx_cli_format_amount:
 * @value: an amount
 *
 * Returns: (transfer full): @value with two decimals and the locale's
 *   grouping, or "—" when it has none
 */
char *
mmx_cli_format_amount (double value)
{
  if (!isfinite (value))
    return g_strdup ("—");
  return g_strdup_printf ("%'.2f", value);
}

/**
 * mmx_cli_format_cost:
 * @value: what one unit of the target costs
 *
 * Returns: (transfer full): @value as mmx_cli_format_amount() gives it,
 *   or "∞" where the spend brings nothing
 */
char *
mmx_cli_format_cost (double value)
{
  return isinf (value) ? g_strdup ("∞") : mmx_cli_format_amount (value);
}

/**
 * mmx_cli_format_signed:
 * @value: a change
 *
 * Returns: (transfer full): @value as mmx_cli_format_amount() gives it,
 *   with its sign always shown, a true minus for a fall
 */
char *
mmx_cli_format_signed (double value)
{
  g_autofree char *amount = NULL;

  if (!isfinite (value))
    return g_strdup ("—");
  amount = mmx_cli_format_amount (fabs (value));
  return g_strconcat (mmx_number_shows_minus (value, 2) ? MMX_MINUS_SIGN : "+", amount, NULL);
}

/**
 * mmx_cli_format_signed_percent:
 * @share: a relative change, 0.1 for 10 %
 *
 * Returns: (transfer full): "+10.0 %", or "−10.0 %" with a true minus as
 *   mmx_cli_format_signed() gives
 */
char *
mmx_cli_format_signed_percent (double share)
{
  if (!isfinite (share))
    return g_strdup ("—");
  return g_strdup_printf ("%s%.1f %%", mmx_number_shows_minus (share * 100, 1) ? MMX_MINUS_SIGN : "+",
                          fabs (share) * 100);
}

/**
 * mmx_cli_print_row:
 * @widths: (array length=n): each column's width in characters, negative
 *   to align it left, as printf's "%-24s"
 * @cells: (array length=n): the texts
 * @n: how many columns
 *
 * Prints a row of a table, a space between columns. printf pads by bytes,
 * which put cells with "–", "—", "∞" or an accented channel name out of
 * line with the others.
 */
void
mmx_cli_print_row (const int          *widths,
                   const char * const *cells,
                   guint               n)
{
  g_autoptr(GString) row = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      glong pad = MAX (ABS (widths[i]) - g_utf8_strlen (cells[i], -1), 0);

      if (i > 0)
        g_string_append_c (row, ' ');
      if (widths[i] > 0)
        g_string_append_printf (row, "%*s", (int) pad, "");
      g_string_append (row, cells[i]);
      if (widths[i] < 0)
        g_string_append_printf (row, "%*s", (int) pad, "");
    }
  g_print ("%s\n", g_strchomp (row->str));
}
