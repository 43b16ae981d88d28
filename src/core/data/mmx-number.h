/* mmx-number.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Values larger than this are rejected: they cannot be a real daily amount,
 * and beyond it a double no longer holds cents exactly. */
#define MMX_NUMBER_MAX 1e15

typedef enum
{
  MMX_NUMBER_OK,
  MMX_NUMBER_EMPTY,
  MMX_NUMBER_INVALID,
  MMX_NUMBER_NOT_FINITE,
  MMX_NUMBER_OVERFLOW,
} MmxNumberStatus;

/**
 * MmxDecimalMark:
 * @MMX_DECIMAL_POINT: `1,234.56`
 * @MMX_DECIMAL_COMMA: `1.234,56`, as written where `;` separates fields
 */
typedef enum
{
  MMX_DECIMAL_POINT,
  MMX_DECIMAL_COMMA,
} MmxDecimalMark;

MmxNumberStatus mmx_number_parse            (const char     *text,
                                             MmxDecimalMark  mark,
                                             double         *out_value);
gboolean        mmx_number_looks_decimal_point (const char  *text);
gboolean        mmx_number_looks_decimal_comma (const char  *text);

G_END_DECLS
