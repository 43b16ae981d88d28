/* mmx-number-format.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * MmxNumberFormat:
 * @decimal_point: what separates the fraction
 * @thousands_separator: what separates digit groups
 * @grouping: the group sizes, from the right, as in `struct lconv`
 * @currency_code: the ISO 4217 code of the account's currency
 * @currency_symbol: how amounts in it are marked
 * @currency_digits: its digits after the decimal point
 * @symbol_first: whether the symbol comes before the amount
 * @symbol_space: whether a space separates the symbol and the amount
 *
 * How numbers and money are written for the user: the conventions of a
 * locale and the currency of the account. It is a plain value, read from
 * the locale once on the main thread and copied to whoever needs it
 * (`localeconv()` is neither thread-safe nor cheap).
 */
typedef struct
{
  char     decimal_point[8];
  char     thousands_separator[8];
  char     grouping[8];
  char     currency_code[4];
  char     currency_symbol[16];
  guint    currency_digits;
  gboolean symbol_first;
  gboolean symbol_space;
} MmxNumberFormat;

void      mmx_number_format_init              (MmxNumberFormat        *self,
                                               const char             *currency_code);
void      mmx_number_format_init_from_locale  (MmxNumberFormat        *self,
                                               const char             *currency_code);
gboolean  mmx_number_format_is_currency_code  (const char             *code);
GStrv     mmx_number_format_dup_currency_codes (void) G_GNUC_WARN_UNUSED_RESULT;
char     *mmx_number_format_number            (const MmxNumberFormat  *self,
                                               double                  value,
                                               guint                   decimals) G_GNUC_WARN_UNUSED_RESULT;
char     *mmx_number_format_money             (const MmxNumberFormat  *self,
                                               double                  value) G_GNUC_WARN_UNUSED_RESULT;
char     *mmx_number_format_compact           (const MmxNumberFormat  *self,
                                               double                  value,
                                               gboolean                money) G_GNUC_WARN_UNUSED_RESULT;
char     *mmx_number_format_tick              (const MmxNumberFormat  *self,
                                               double                  value,
                                               double                  step,
                                               double                  largest,
                                               gboolean                money) G_GNUC_WARN_UNUSED_RESULT;
char     *mmx_number_format_ratio             (const MmxNumberFormat  *self,
                                               double                  value) G_GNUC_WARN_UNUSED_RESULT;
char     *mmx_number_format_percent           (const MmxNumberFormat  *self,
                                               double                  fraction,
                                               guint                   decimals) G_GNUC_WARN_UNUSED_RESULT;
char     *mmx_number_format_change            (const MmxNumberFormat  *self,
                                               double                  change) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
