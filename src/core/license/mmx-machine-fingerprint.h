/* mmx-machine-fingerprint.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* 32 bytes in lower-case hex. */
#define MMX_MACHINE_FINGERPRINT_LENGTH 64

char     *mmx_machine_fingerprint          (GError     **error) G_GNUC_WARN_UNUSED_RESULT;
char     *mmx_machine_fingerprint_for_id   (const char  *machine_id,
                                            GError     **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean  mmx_machine_fingerprint_is_valid (const char  *fingerprint);

G_END_DECLS
