/* mmx-events.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * MmxEvent:
 * @name: what the event is called; occurrences with one name share one
 *   effect
 * @first_day: the Julian day it starts
 * @last_day: the Julian day it ends, the same as @first_day for one day
 */
typedef struct
{
  char    *name;
  guint32  first_day;
  guint32  last_day;
} MmxEvent;

/**
 * MmxEvents:
 *
 * Days that move revenue whatever the spend: the retail calendar and the
 * user's own promotions, shared by attribution and forecasting.
 */
typedef struct _MmxEvents MmxEvents;

MmxEvents          *mmx_events_new                (void);
void                mmx_events_free               (MmxEvents       *self);
void                mmx_events_add                (MmxEvents       *self,
                                                   const char      *name,
                                                   guint32          first_day,
                                                   guint32          last_day);
void                mmx_events_add_builtin        (MmxEvents       *self,
                                                   guint32          first_day,
                                                   guint32          last_day);
gboolean            mmx_events_load_file          (MmxEvents       *self,
                                                   GFile           *file,
                                                   GCancellable    *cancellable,
                                                   GError         **error);
guint               mmx_events_get_n_events       (MmxEvents       *self);
const MmxEvent     *mmx_events_get_event          (MmxEvents       *self,
                                                   guint            index);
const char * const *mmx_events_get_names          (MmxEvents       *self);
double             *mmx_events_build_indicators   (MmxEvents       *self,
                                                   guint32          first_day,
                                                   guint            n_periods,
                                                   guint            period_days) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MmxEvents, mmx_events_free)

G_END_DECLS
