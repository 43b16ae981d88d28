/* mmx-number-text.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A true minus, U+2212: the text's dashes are typographic too. */
#define MMX_MINUS_SIGN "−"

gboolean mmx_number_shows_minus (double value,
                                 guint  decimals);
char    *mmx_number_text        (double value,
                                 int    decimals) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
