/* mmx-application.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Where the application's resources live, whatever its ID: a development
 * build (.Devel) shares them. */
#define MMX_RESOURCE_BASE "/io/github/marketingmix/MarketingMix"
#define MMX_SCHEMA_ID     "io.github.marketingmix.MarketingMix"

#define MMX_TYPE_APPLICATION (mmx_application_get_type ())

G_DECLARE_FINAL_TYPE (MmxApplication, mmx_application, MMX, APPLICATION, AdwApplication)

MmxApplication *mmx_application_new          (const char     *application_id,
                                              GApplicationFlags flags) G_GNUC_WARN_UNUSED_RESULT;
const char     *mmx_application_get_db_path  (MmxApplication *self);
void            mmx_application_set_db_path  (MmxApplication *self,
                                              const char     *db_path);

G_END_DECLS
