/* mmx-csv-writer.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

void mmx_csv_append_field   (GString    *out,
                             const char *value);
void mmx_csv_append_number  (GString    *out,
                             double      value,
                             guint       decimals);

G_END_DECLS
