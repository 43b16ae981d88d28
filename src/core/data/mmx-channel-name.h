/* mmx-channel-name.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char       *mmx_channel_name_key       (const char *name) G_GNUC_WARN_UNUSED_RESULT;
const char *mmx_channel_name_builtin   (const char *key);
char       *mmx_channel_name_tidy      (const char *name) G_GNUC_WARN_UNUSED_RESULT;
char       *mmx_channel_name_normalise (const char *name) G_GNUC_WARN_UNUSED_RESULT;
const char *mmx_channel_name_guess     (const char *text);

G_END_DECLS
