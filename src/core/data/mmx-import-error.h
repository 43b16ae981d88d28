/* mmx-import-error.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define MMX_IMPORT_ERROR (mmx_import_error_quark ())

/**
 * MmxImportError:
 * @MMX_IMPORT_ERROR_BAD_MAPPING: the caller's column mapping cannot apply
 * @MMX_IMPORT_ERROR_NO_HEADER: no header row names a date column
 * @MMX_IMPORT_ERROR_NO_DATA: the file holds no usable columns or rows
 * @MMX_IMPORT_ERROR_AMBIGUOUS_DATES: dates read both day-first and month-first
 * @MMX_IMPORT_ERROR_UNKNOWN_DATES: no known date format reads the dates
 * @MMX_IMPORT_ERROR_GRANULARITY: the data is neither daily nor weekly, or
 *   does not match the database
 * @MMX_IMPORT_ERROR_NO_CHANNEL: a file without a channel column does not
 *   say which channel its spend belongs to
 * @MMX_IMPORT_ERROR_BAD_FILE: a side file (events, lift tests, a spend
 *   plan) cannot be used; the message names the row and column
 *
 * Why a whole file cannot be imported. Problems with single rows of the
 * data are not errors: they are reported in the import summary. A side
 * file is read whole or not at all, since a model must not run on half
 * of what the user listed.
 */
typedef enum
{
  MMX_IMPORT_ERROR_BAD_MAPPING,
  MMX_IMPORT_ERROR_NO_HEADER,
  MMX_IMPORT_ERROR_NO_DATA,
  MMX_IMPORT_ERROR_AMBIGUOUS_DATES,
  MMX_IMPORT_ERROR_UNKNOWN_DATES,
  MMX_IMPORT_ERROR_GRANULARITY,
  MMX_IMPORT_ERROR_NO_CHANNEL,
  MMX_IMPORT_ERROR_BAD_FILE,
} MmxImportError;

GQuark mmx_import_error_quark (void);

G_END_DECLS
