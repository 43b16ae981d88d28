/* mmx-ridge.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * MmxRidge:
 *
 * Penalised least squares on a Gram matrix, with some coefficients held
 * non-negative: minimises β'(G + diag λ)β - 2 c'β, where G = X'X and
 * c = X'y, with β_j ≥ 0 for the constrained j. The constrained problem is
 * solved by Lawson and Hanson's active set, every solve a Cholesky
 * factorisation (GSL). The factorisation of the last active set is kept,
 * so refitting with another c (a bootstrap replicate) usually costs two
 * triangular solves.
 */
typedef struct _MmxRidge MmxRidge;

MmxRidge *mmx_ridge_new            (guint            n_coefficients);
void      mmx_ridge_free           (MmxRidge        *self);
guint     mmx_ridge_get_size       (MmxRidge        *self);
void      mmx_ridge_set_system     (MmxRidge        *self,
                                    const double    *gram,
                                    const double    *penalty);
void      mmx_ridge_set_non_negative (MmxRidge      *self,
                                    guint            index,
                                    gboolean         non_negative);
gboolean  mmx_ridge_solve          (MmxRidge        *self,
                                    const double    *cross,
                                    double          *out_coefficients);
gboolean  mmx_ridge_solve_unconstrained (MmxRidge   *self,
                                    const double    *cross,
                                    double          *out_coefficients);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MmxRidge, mmx_ridge_free)

G_END_DECLS
