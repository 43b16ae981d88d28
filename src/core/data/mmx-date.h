/* mmx-date.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * MmxDateFormat:
 * @MMX_DATE_FORMAT_UNKNOWN: not decided
 * @MMX_DATE_FORMAT_ISO: `2025-11-03`, with or without a time after it
 * @MMX_DATE_FORMAT_YMD: `2025/11/03`
 * @MMX_DATE_FORMAT_DMY: `03/11/2025`, `3.11.2025`, `03-11-25`
 * @MMX_DATE_FORMAT_MDY: `11/03/2025`
 * @MMX_DATE_FORMAT_MONTH_NAME: `Nov 3, 2025`, `3 November 2025`
 */
typedef enum
{
  MMX_DATE_FORMAT_UNKNOWN,
  MMX_DATE_FORMAT_ISO,
  MMX_DATE_FORMAT_YMD,
  MMX_DATE_FORMAT_DMY,
  MMX_DATE_FORMAT_MDY,
  MMX_DATE_FORMAT_MONTH_NAME,
} MmxDateFormat;

typedef enum
{
  MMX_DATE_OK,
  MMX_DATE_EMPTY,
  MMX_DATE_INVALID,
  MMX_DATE_NONEXISTENT,
} MmxDateStatus;

typedef struct _MmxDateDetector MmxDateDetector;

MmxDateStatus     mmx_date_parse                 (const char      *text,
                                                  MmxDateFormat    format,
                                                  guint32         *out_julian);
const char       *mmx_date_format_describe       (MmxDateFormat    format);
const char       *mmx_date_format_to_string      (MmxDateFormat    format);
MmxDateFormat     mmx_date_format_from_string    (const char      *name);
char             *mmx_date_julian_to_iso         (guint32          julian) G_GNUC_WARN_UNUSED_RESULT;
char             *mmx_date_unix_to_iso           (gint64           seconds) G_GNUC_WARN_UNUSED_RESULT;
guint32           mmx_date_julian_from_iso       (const char      *iso);
guint32           mmx_date_julian_today          (void);

MmxDateDetector  *mmx_date_detector_new          (void);
void              mmx_date_detector_free         (MmxDateDetector *self);
void              mmx_date_detector_add          (MmxDateDetector *self,
                                                  const char      *text);
MmxDateFormat     mmx_date_detector_get_format   (MmxDateDetector *self,
                                                  gboolean        *out_ambiguous);
const char       *mmx_date_detector_get_example  (MmxDateDetector *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MmxDateDetector, mmx_date_detector_free)

G_END_DECLS
