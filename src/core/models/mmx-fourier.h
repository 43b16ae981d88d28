/* mmx-fourier.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define MMX_FOURIER_WEEK_DAYS 7.0
#define MMX_FOURIER_YEAR_DAYS 365.25

void mmx_fourier_terms (double  day,
                        double  period_days,
                        guint   order,
                        double *out);

G_END_DECLS
