/* mmx-mmm-private.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mmx-mmm.h"
#include "mmx-random.h"
#include "mmx-ridge.h"

G_BEGIN_DECLS

/* History is cut into these many consecutive segments; fold f trains on
 * the first f and validates on the next (rolling origin). */
#define MMX_MMM_N_SEGMENTS 4
#define MMX_MMM_N_FOLDS (MMX_MMM_N_SEGMENTS - 1)

struct _MmxMmm
{
  MmxMmmProblem  problem;
  guint          n;
  guint          n_channels;
  guint          n_baseline;
  guint          p;
  /* Column-major copies (column j at j × n): spend, and the baseline
   * with unfitted periods zeroed. */
  double        *spend;
  double        *baseline;
  double        *penalty_scale;
  guint          segment_start[MMX_MMM_N_SEGMENTS + 1];
  guint          segment_rows[MMX_MMM_N_SEGMENTS];
  /* The baseline's Gram block of each segment, n_baseline² each. */
  double        *baseline_gram;
  double        *spend_total;
  double         range;
  double         lift_variance;
};

/* The working memory of one thread evaluating hyper-parameters. */
typedef struct
{
  MmxMmm       *mmm;
  const double *target;
  double       *masked_target;
  double       *baseline_cross;   /* per segment, n_baseline each */
  double        target_squares[MMX_MMM_N_SEGMENTS];
  double       *media;            /* column-major n × K, unfitted periods zeroed */
  double       *media_variance;
  MmxResponse  *media_of;         /* per channel: the curve its column holds */
  gboolean     *media_known;
  double       *lift_sums;        /* per lift: its channel's feature over its days */
  double       *gram;             /* per segment, p × p */
  double       *cross;            /* per segment, p */
  double       *train_gram;
  double       *train_cross;
  double       *penalty;
  double       *beta;
  MmxRidge     *ridge;
  const double *prior_shifts;     /* per channel, nullable: see MmxMmmSearchSettings */
} MmxMmmWorkspace;

MmxMmmWorkspace *_mmx_mmm_workspace_new     (MmxMmm              *self,
                                             const double        *target);
void             _mmx_mmm_workspace_free    (MmxMmmWorkspace     *workspace);
gboolean         _mmx_mmm_evaluate          (MmxMmmWorkspace     *workspace,
                                             const MmxMmmHyper   *hyper,
                                             MmxMmmScore         *out_score);
gboolean         _mmx_mmm_cross_validate    (MmxMmmWorkspace     *workspace,
                                             const MmxMmmHyper   *hyper,
                                             MmxMmmScore         *score);
void             _mmx_mmm_workspace_set_full_system (MmxMmmWorkspace *workspace,
                                             const MmxMmmHyper   *hyper);
void             _mmx_mmm_workspace_cross   (MmxMmmWorkspace     *workspace,
                                             const double        *series,
                                             double              *out_cross);
void             _mmx_mmm_apply_response    (MmxMmm              *self,
                                             const MmxResponse   *response,
                                             guint                channel,
                                             double               spend_factor,
                                             double              *out);
void             _mmx_mmm_residuals         (MmxMmm              *self,
                                             const double        *fitted,
                                             double              *out_residuals);
double           _mmx_mmm_positive_mean_adstock (MmxMmm          *self,
                                             const MmxAdstock    *adstock,
                                             guint                channel);
void             _mmx_mmm_draw_prior_shifts (MmxMmm              *self,
                                             MmxRandom           *random,
                                             double              *out_shifts);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MmxMmmWorkspace, _mmx_mmm_workspace_free)

G_END_DECLS
