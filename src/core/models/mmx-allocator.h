/* mmx-allocator.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "mmx-response.h"

G_BEGIN_DECLS

/**
 * MmxBound:
 * @MMX_BOUND_NONE: the spend lies strictly between its limits
 * @MMX_BOUND_MIN: the spend sits on its minimum (0 when none was given)
 * @MMX_BOUND_MAX: the spend sits on its maximum
 */
typedef enum
{
  MMX_BOUND_NONE,
  MMX_BOUND_MIN,
  MMX_BOUND_MAX,
} MmxBound;

/**
 * MmxAllocation:
 * @spend: (array): the spend of each channel per period
 * @marginal: (array): each channel's marginal ROAS at @spend
 * @at_bound: (array): where each channel's spend sits
 * @value: the revenue per period the channels bring at @spend
 * @marginal_roas: what one more unit of budget brings: the marginal ROAS
 *   of the channels that can still grow; 0 when none can
 * @optimality_gap: how far the marginal ROAS of the channels off their
 *   limits stray from one another, relative to @marginal_roas
 * @verified: whether @spend meets the optimality conditions: equal
 *   marginal ROAS off the limits, no more on a minimum, no less on a
 *   maximum
 * @n_starts: the starting points tried
 * @n_evaluations: the evaluations of the curves SLSQP made
 *
 * The best split found for one budget.
 */
typedef struct
{
  double   *spend;
  double   *marginal;
  MmxBound *at_bound;
  double    value;
  double    marginal_roas;
  double    optimality_gap;
  gboolean  verified;
  guint     n_starts;
  guint     n_evaluations;
} MmxAllocation;

typedef struct _MmxAllocator MmxAllocator;

MmxAllocator *mmx_allocator_new                 (guint                n_channels,
                                                 const MmxResponse   *responses,
                                                 const double        *lower,
                                                 const double        *upper) G_GNUC_WARN_UNUSED_RESULT;
void          mmx_allocator_free                (MmxAllocator        *self);
guint         mmx_allocator_get_n_channels      (const MmxAllocator  *self);
double        mmx_allocator_get_min_budget      (const MmxAllocator  *self);
double        mmx_allocator_get_max_budget      (const MmxAllocator  *self);
double        mmx_allocator_get_saturation      (const MmxAllocator  *self);
void          mmx_allocator_set_n_random_starts (MmxAllocator        *self,
                                                 guint                n_random_starts);
double        mmx_allocator_evaluate            (const MmxAllocator  *self,
                                                 const double        *spend,
                                                 double              *out_marginal);
void          mmx_allocator_solve               (MmxAllocator        *self,
                                                 double               budget,
                                                 const double        *current,
                                                 const double        *hint,
                                                 MmxAllocation       *out);
void          mmx_allocator_refine              (MmxAllocator        *self,
                                                 double               budget,
                                                 const double        *start,
                                                 MmxAllocation       *out);

void          mmx_allocation_init               (MmxAllocation       *allocation,
                                                 guint                n_channels);
void          mmx_allocation_clear              (MmxAllocation       *allocation);
void          mmx_allocation_copy               (const MmxAllocation *allocation,
                                                 guint                n_channels,
                                                 MmxAllocation       *copy);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MmxAllocator, mmx_allocator_free)

G_END_DECLS
