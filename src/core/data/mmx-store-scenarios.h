/* mmx-store-scenarios.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mmx-store.h"

G_BEGIN_DECLS

/* What kind of result a scenario holds. */
#define MMX_SCENARIO_KIND_OPTIMIZER "optimizer"

/**
 * MmxScenario:
 * @kind: what it holds ("optimizer", …)
 * @name: the name the user gave it
 * @json: the result it keeps
 * @created: when it was saved, in ISO 8601 UTC
 *
 * A result the user saved under a name, to compare with others.
 */
typedef struct
{
  char *kind;
  char *name;
  char *json;
  char *created;
} MmxScenario;

gboolean   mmx_store_save_scenario   (MmxStore     *self,
                                      const char   *kind,
                                      const char   *name,
                                      const char   *json,
                                      gboolean     *out_replaced,
                                      GError      **error);
GPtrArray *mmx_store_list_scenarios  (MmxStore     *self,
                                      const char   *kind,
                                      GError      **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean   mmx_store_delete_scenario (MmxStore     *self,
                                      const char   *kind,
                                      const char   *name,
                                      GError      **error);
void       mmx_scenario_free         (MmxScenario  *scenario);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MmxScenario, mmx_scenario_free)

G_END_DECLS
