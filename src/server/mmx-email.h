/* mmx-email.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *mmx_email_normalize (const char  *text,
                           GError     **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
