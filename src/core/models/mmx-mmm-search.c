/* mmx-mmm-search.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mmx-mmm-search"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <nlopt.h>
#include <string.h>

#include "mmx-model-error.h"
#include "mmx-mmm-private.h"
#include "mmx-parallel.h"
#include "mmx-random.h"

/* The ranges searched. The decay is a share per period; the half
 * saturation a multiple of the channel's usual adstocked spend, so one
 * range suits channels of any size; the penalty is log10 λ. A half
 * saturation far below the usual spend makes a curve an on/off switch
 * whose level the data cannot tell from the baseline's: at 0.1, one
 * channel of a bench draw took 236 % of the revenue and the baseline went
 * below 0 on every day. Robyn bounds its curves' inflexion likewise, at no
 * less than 0.3 of the adstocked spend's range. */
#define MAX_DECAY 0.9
#define MIN_HALF_RATIO 0.3
#define MAX_HALF_RATIO 3.0
#define MIN_HILL_SHAPE 0.5
#define MAX_HILL_SHAPE 3.0
#define MIN_LOG_PENALTY (-5.0)
#define MAX_LOG_PENALTY 1.0
#define MIN_WEIBULL_SHAPE 0.5
#define MAX_WEIBULL_SHAPE 6.0
#define MIN_WEIBULL_SCALE 0.5
#define MAX_WEIBULL_SCALE_DAYS 21.0
#define MAX_WEIBULL_SCALE_WEEKS 6.0
#define WEIBULL_LAGS_DAYS 45
#define WEIBULL_LAGS_WEEKS 12

/* Another carry-over must beat the one found by this much to be chosen:
 * a delayed one costs a parameter, and a small gain is noise. */
#define CARRY_OVER_MIN_GAIN 0.005
#define CARRY_OVER_ROUNDS 3

#define INITIAL_STEP 0.15

/* Evaluations of each saturation profile: two or three parameters. */
#define PROFILE_BUDGET 30

/* The ridge penalty is chosen among these log10 λ, every half decade. */
#define PENALTY_STEPS 13

typedef struct
{
  MmxMmm             *mmm;
  const double       *target;
  const double       *prior_shifts;
  /* Per channel: whether it has a Weibull carry-over, and where its
   * parameters start in the search vector. */
  gboolean           *weibull;
  guint              *offset;
  guint               n_dims;
  MmxProgress        *progress;
  GCancellable       *cancellable;
  guint               budget;
  /* Shared by the copies of a space that trials make. */
  gint               *evaluations;
  gint               *cancelled;
} Space;

/* One local search and its working memory. */
typedef struct
{
  Space           *space;
  MmxMmmWorkspace *workspace;
  MmxMmmHyper      hyper;
  nlopt_opt        opt;
  /* Restrict the search to these dimensions, the others fixed at @x. */
  guint            first_dim;
  guint            n_dims;
  double          *x;
  /* Every point evaluated, when recorded: n_dims values and the
   * objective each. */
  GArray          *visits;
  guint            n_evaluations;
} Local;

/* The curves are fitted with the least ridge penalty: the fit of all
 * history that scores them only grows worse with more. The penalty is
 * then chosen by rolling-origin validation. */
#define CURVE_SEARCH_PENALTY 0.0

/* Candidates are the best points of each start that lie this far apart
 * (in the unit cube), and no more than this many per start. */
#define CANDIDATE_SPACING 0.02
#define MAX_CANDIDATES_PER_START 16
#define MAX_CANDIDATES_PER_PROFILE 4

static double
from_unit (double u,
           double lo,
           double hi)
{
  return lo + CLAMP (u, 0, 1) * (hi - lo);
}

static double
to_unit (double v,
         double lo,
         double hi)
{
  return CLAMP ((v - lo) / (hi - lo), 0, 1);
}

static double
max_weibull_scale (MmxMmm *mmm)
{
  return mmm->problem.period_days == 1 ? MAX_WEIBULL_SCALE_DAYS : MAX_WEIBULL_SCALE_WEEKS;
}

static void
space_layout (Space *space)
{
  guint d = 1;

  for (guint k = 0; k < space->mmm->n_channels; k++)
    {
      space->offset[k] = d;
      d += space->weibull[k] ? 4 : 3;
    }
  space->n_dims = d;
}

/* The unit vector @x as hyper-parameters. */
static void
decode (Space       *space,
        const double *x,
        MmxMmmHyper *hyper)
{
  MmxMmm *mmm = space->mmm;

  hyper->log_penalty = from_unit (x[0], MIN_LOG_PENALTY, MAX_LOG_PENALTY);
  for (guint k = 0; k < mmm->n_channels; k++)
    {
      const double *u = x + space->offset[k];
      MmxResponse *response = &hyper->responses[k];

      if (space->weibull[k])
        {
          response->adstock.kind = MMX_ADSTOCK_WEIBULL;
          response->adstock.shape = from_unit (u[0], MIN_WEIBULL_SHAPE, MAX_WEIBULL_SHAPE);
          response->adstock.scale = from_unit (u[1], MIN_WEIBULL_SCALE, max_weibull_scale (mmm));
          response->adstock.n_lags = mmm->problem.period_days == 1 ? WEIBULL_LAGS_DAYS
                                                                   : WEIBULL_LAGS_WEEKS;
          u += 1;
        }
      else
        {
          response->adstock.kind = MMX_ADSTOCK_GEOMETRIC;
          response->adstock.decay = from_unit (u[0], 0, MAX_DECAY);
        }
      response->hill.half = from_unit (u[1], MIN_HALF_RATIO, MAX_HALF_RATIO)
                            * _mmx_mmm_positive_mean_adstock (mmm, &response->adstock, k);
      response->hill.shape = from_unit (u[2], MIN_HILL_SHAPE, MAX_HILL_SHAPE);
    }
}

static void
encode (Space             *space,
        const MmxMmmHyper *hyper,
        double            *x)
{
  MmxMmm *mmm = space->mmm;

  x[0] = to_unit (hyper->log_penalty, MIN_LOG_PENALTY, MAX_LOG_PENALTY);
  for (guint k = 0; k < mmm->n_channels; k++)
    {
      double *u = x + space->offset[k];
      const MmxResponse *response = &hyper->responses[k];
      double usual;

      if (space->weibull[k])
        {
          gboolean was_weibull = response->adstock.kind == MMX_ADSTOCK_WEIBULL;
          /* A Weibull of shape 1 decays as a geometric of the same mean. */
          double decay = was_weibull ? 0 : CLAMP (response->adstock.decay, 0.01, MAX_DECAY);
          double scale = was_weibull ? response->adstock.scale : -1 / log (decay);

          u[0] = to_unit (was_weibull ? response->adstock.shape : 1, MIN_WEIBULL_SHAPE,
                          MAX_WEIBULL_SHAPE);
          u[1] = to_unit (scale, MIN_WEIBULL_SCALE, max_weibull_scale (mmm));
          u += 1;
        }
      else
        u[0] = to_unit (response->adstock.decay, 0, MAX_DECAY);
      usual = _mmx_mmm_positive_mean_adstock (mmm, &response->adstock, k);
      u[1] = to_unit (response->hill.half / usual, MIN_HALF_RATIO, MAX_HALF_RATIO);
      u[2] = to_unit (response->hill.shape, MIN_HILL_SHAPE, MAX_HILL_SHAPE);
    }
}

static void
count_evaluations (Space *space,
                   guint  n)
{
  gint done = g_atomic_int_add (space->evaluations, (gint) n) + (gint) n;

  mmx_progress_report (space->progress, MIN (1.0, (double) done / MAX (space->budget, 1)));
}

static double
objective_cb (unsigned      n,
              const double *sub,
              double       *gradient,
              void         *data)
{
  Local *local = data;
  Space *space = local->space;
  MmxMmmScore score;

  if (space->cancellable != NULL && g_cancellable_is_cancelled (space->cancellable))
    {
      g_atomic_int_set (space->cancelled, TRUE);
      nlopt_force_stop (local->opt);
      return HUGE_VAL;
    }

  memcpy (local->x + local->first_dim, sub, sizeof (double) * n);
  decode (space, local->x, &local->hyper);
  local->n_evaluations++;
  count_evaluations (space, 1);

  if (!_mmx_mmm_evaluate (local->workspace, &local->hyper, &score))
    return HUGE_VAL;
  if (local->visits != NULL)
    {
      g_array_append_vals (local->visits, local->x, local->space->n_dims);
      g_array_append_val (local->visits, score.objective);
    }
  return score.objective;
}

static MmxMmmWorkspace *
space_workspace_new (Space *space)
{
  MmxMmmWorkspace *workspace = _mmx_mmm_workspace_new (space->mmm, space->target);

  workspace->prior_shifts = space->prior_shifts;
  return workspace;
}

static void
local_init (Local  *local,
            Space  *space,
            double *x,
            guint   first_dim,
            guint   n_dims)
{
  local->space = space;
  local->workspace = space_workspace_new (space);
  mmx_mmm_hyper_init (space->mmm, &local->hyper);
  local->x = x;
  local->first_dim = first_dim;
  local->n_dims = n_dims;
}

static void
local_clear (Local *local)
{
  _mmx_mmm_workspace_free (local->workspace);
  mmx_mmm_hyper_clear (&local->hyper);
}

/* BOBYQA from @local's x over its dimensions; returns the best value and
 * leaves the best point in x. */
static double
local_minimise (Local *local,
                guint  max_evaluations)
{
  g_autofree double *lower = g_new (double, local->n_dims);
  g_autofree double *upper = g_new (double, local->n_dims);
  g_autofree double *step = g_new (double, local->n_dims);
  g_autofree double *sub = g_new (double, local->n_dims);
  double best = HUGE_VAL;

  for (guint d = 0; d < local->n_dims; d++)
    {
      lower[d] = 0;
      upper[d] = 1;
      step[d] = INITIAL_STEP;
      sub[d] = local->x[local->first_dim + d];
    }
  local->opt = nlopt_create (NLOPT_LN_BOBYQA, local->n_dims);
  nlopt_set_lower_bounds (local->opt, lower);
  nlopt_set_upper_bounds (local->opt, upper);
  nlopt_set_initial_step (local->opt, step);
  nlopt_set_min_objective (local->opt, objective_cb, local);
  nlopt_set_maxeval (local->opt, max_evaluations);
  nlopt_set_xtol_rel (local->opt, 1e-4);
  nlopt_set_ftol_rel (local->opt, 1e-6);
  if (nlopt_optimize (local->opt, sub, &best) < 0 && best == HUGE_VAL)
    best = objective_cb (local->n_dims, sub, NULL, local);
  /* A search that converges early has done its part of the budget:
   * counting the rest keeps the time left from being over-stated (it
   * said 9 s for a 5 s run). */
  if (local->n_evaluations < max_evaluations)
    count_evaluations (local->space, max_evaluations - local->n_evaluations);
  memcpy (local->x + local->first_dim, sub, sizeof (double) * local->n_dims);
  nlopt_destroy (local->opt);
  local->opt = NULL;
  return best;
}

typedef struct
{
  Space        *space;
  const double *first;
  guint64       seed;
  guint         max_evaluations;
  double       *points;   /* one search vector per start */
  double       *values;
  GArray      **visits;   /* per start */
} Starts;

static void
run_start_cb (guint    index,
              gpointer user_data)
{
  Starts *starts = user_data;
  Space *space = starts->space;
  double *x = starts->points + (gsize) index * space->n_dims;
  Local local = { 0 };

  if (index == 0)
    memcpy (x, starts->first, sizeof (double) * space->n_dims);
  else
    {
      MmxRandom random;

      mmx_random_init (&random, starts->seed ^ G_GUINT64_CONSTANT (0x5ea4c45ea4c4), index);
      x[0] = CURVE_SEARCH_PENALTY;
      for (guint d = 1; d < space->n_dims; d++)
        x[d] = 0.05 + 0.9 * mmx_random_double (&random);
    }

  local_init (&local, space, x, 1, space->n_dims - 1);
  local.visits = starts->visits[index];
  starts->values[index] = local_minimise (&local, starts->max_evaluations);
  local_clear (&local);
}

/* Trials of another carry-over for each channel, from the best
 * hyper-parameters found: a delayed (Weibull) one, and geometric ones
 * restarted at these decays. A channel run in flights shows its
 * carry-over in the weeks after each flight, and a long tail there fits
 * nearly as well as a short decay with a steeper curve: the starts
 * settle in whichever is nearer. On PyMC-Marketing's parameter-recovery
 * set the on/off channel (true decay 0.8) came out at 0.13-0.18 though
 * 0.8 fitted better; on 12 draws of the noise of its ROAS set the median
 * ROAS error went from 16.1 to 13.8 %. The restarts keep the decay, the
 * curve fitted again: free, it slid back to the nearer fit. */
static const double trial_decays[] = { 0.25, 0.55, 0.8 };

#define N_CARRY_OVER_TRIALS (1 + G_N_ELEMENTS (trial_decays))

/* A restart closer than this to the found decay would end where it began. */
#define TRIAL_DECAY_DISTANCE 0.15

/* Evaluations of a restart: two parameters, converged in fewer. */
#define RESTART_BUDGET 40

/* A channel's trials in one round, the Weibull one given @weibull_budget. */
static guint
carry_over_round_budget (guint weibull_budget)
{
  return weibull_budget + G_N_ELEMENTS (trial_decays) * RESTART_BUDGET;
}

typedef struct
{
  Space       *space;
  MmxMmmHyper *best;
  guint        max_evaluations;
  /* N_CARRY_OVER_TRIALS per channel */
  MmxMmmHyper *found;
  double      *values;
} AdstockTrials;

static Space
space_for (const Space       *like,
           const MmxMmmHyper *hyper,
           gboolean          *weibull,
           guint             *offset)
{
  Space space = *like;

  for (guint k = 0; k < like->mmm->n_channels; k++)
    weibull[k] = hyper->responses[k].adstock.kind == MMX_ADSTOCK_WEIBULL;
  space.weibull = weibull;
  space.offset = offset;
  space_layout (&space);
  return space;
}

static void
try_carry_over_cb (guint    index,
                   gpointer user_data)
{
  AdstockTrials *trials = user_data;
  Space *base = trials->space;
  guint K = base->mmm->n_channels;
  guint channel = index / N_CARRY_OVER_TRIALS, trial = index % N_CARRY_OVER_TRIALS;
  g_autofree gboolean *weibull = g_new (gboolean, K);
  g_autofree guint *offset = g_new (guint, K);
  g_autofree double *x = NULL;
  MmxMmmHyper *found = &trials->found[index];
  guint budget = trial == 0 ? trials->max_evaluations : RESTART_BUDGET;
  MmxAdstock *adstock;
  gboolean skip;
  Space space;
  Local local = { 0 };

  mmx_mmm_hyper_copy (base->mmm, trials->best, found);
  adstock = &found->responses[channel].adstock;
  if (trial == 0)
    {
      skip = adstock->kind == MMX_ADSTOCK_WEIBULL;
      adstock->kind = MMX_ADSTOCK_WEIBULL;
    }
  else
    {
      double decay = trial_decays[trial - 1];

      skip = adstock->kind == MMX_ADSTOCK_GEOMETRIC
             && fabs (adstock->decay - decay) < TRIAL_DECAY_DISTANCE;
      adstock->kind = MMX_ADSTOCK_GEOMETRIC;
      adstock->decay = decay;
    }
  /* A trial skipped counts as done, or the time left would be
   * over-stated. */
  if (skip)
    {
      trials->values[index] = HUGE_VAL;
      count_evaluations (base, budget);
      return;
    }
  space = space_for (base, found, weibull, offset);
  /* Encoding a geometric as a Weibull starts from the closest one. */
  found->responses[channel].adstock.kind = MMX_ADSTOCK_GEOMETRIC;
  x = g_new (double, space.n_dims);
  encode (&space, found, x);

  if (trial == 0)
    local_init (&local, &space, x, offset[channel], 4);
  else
    local_init (&local, &space, x, offset[channel] + 1, 2);
  trials->values[index] = local_minimise (&local, budget);
  local_clear (&local);
  decode (&space, x, found);
}

static double
evaluate_hyper (Space             *space,
                const MmxMmmHyper *hyper)
{
  g_autoptr(MmxMmmWorkspace) workspace = space_workspace_new (space);
  MmxMmmScore score;

  if (!_mmx_mmm_evaluate (workspace, hyper, &score))
    return HUGE_VAL;
  return score.objective;
}

/* The ridge penalty of @hyper's curves whose rolling-origin validation
 * error is least, ties to the smaller; sets it in @hyper. */
static void
choose_penalty (Space       *space,
                MmxMmmHyper *hyper)
{
  g_autoptr(MmxMmmWorkspace) workspace = _mmx_mmm_workspace_new (space->mmm, space->target);
  double best_error = HUGE_VAL, best_log_penalty = hyper->log_penalty;

  for (guint i = 0; i < PENALTY_STEPS; i++)
    {
      MmxMmmScore score;

      hyper->log_penalty = from_unit ((double) i / (PENALTY_STEPS - 1), MIN_LOG_PENALTY,
                                      MAX_LOG_PENALTY);
      if (_mmx_mmm_cross_validate (workspace, hyper, &score) && score.holdout_nrmse < best_error)
        {
          best_error = score.holdout_nrmse;
          best_log_penalty = hyper->log_penalty;
        }
    }
  count_evaluations (space, PENALTY_STEPS);
  hyper->log_penalty = best_log_penalty;
}

/* Orders indices by their values, then by index, so sorting is the same
 * on every machine. */
static int
compare_by_value (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  const double *values = user_data;
  guint x = *(const guint *) a, y = *(const guint *) b;

  if (values[x] != values[y])
    return values[x] < values[y] ? -1 : 1;
  return x < y ? -1 : x > y;
}

/* Tries other carry-overs for every channel, in parallel, then takes
 * each channel's best trial, best first, while they still help
 * together. Returns whether any was taken. */
static gboolean
try_carry_overs (Space       *space,
                 MmxMmmHyper *best,
                 double      *best_value,
                 guint        max_evaluations)
{
  guint K = space->mmm->n_channels, n_trials = K * N_CARRY_OVER_TRIALS;
  AdstockTrials trials = { space, best, max_evaluations, g_new0 (MmxMmmHyper, n_trials),
                           g_new (double, n_trials) };
  g_autofree guint *order = g_new (guint, K);
  g_autofree guint *chosen = g_new (guint, K);
  g_autofree double *values = g_new (double, K);
  MmxMmmHyper candidate = { 0 };
  gboolean taken = FALSE;

  mmx_parallel_for (n_trials, try_carry_over_cb, &trials, space->cancellable);

  for (guint k = 0; k < K; k++)
    {
      order[k] = k;
      chosen[k] = k * N_CARRY_OVER_TRIALS;
      for (guint t = 1; t < N_CARRY_OVER_TRIALS; t++)
        if (trials.values[k * N_CARRY_OVER_TRIALS + t] < trials.values[chosen[k]])
          chosen[k] = k * N_CARRY_OVER_TRIALS + t;
      values[k] = trials.values[chosen[k]];
    }
  g_qsort_with_data (order, K, sizeof (guint), compare_by_value, values);

  mmx_mmm_hyper_copy (space->mmm, best, &candidate);
  for (guint i = 0; i < K && !g_atomic_int_get (space->cancelled); i++)
    {
      guint k = order[i];
      double value;

      if (!(values[k] < *best_value * (1 - CARRY_OVER_MIN_GAIN)))
        break;
      candidate.responses[k] = trials.found[chosen[k]].responses[k];
      value = evaluate_hyper (space, &candidate);
      if (value < *best_value)
        {
          *best_value = value;
          mmx_mmm_hyper_copy (space->mmm, &candidate, best);
          taken = TRUE;
        }
      else
        candidate.responses[k] = best->responses[k];
    }

  mmx_mmm_hyper_clear (&candidate);
  for (guint i = 0; i < n_trials; i++)
    mmx_mmm_hyper_clear (&trials.found[i]);
  g_free (trials.found);
  g_free (trials.values);
  return taken;
}

/* One channel's carry-over changes what fits best for the others (a
 * delayed peak in one and a long tail in another tell the same weeks),
 * so the trials run again from what they found, a few rounds at most. */
static void
choose_adstocks (Space       *space,
                 MmxMmmHyper *best,
                 double      *best_value,
                 guint        max_evaluations)
{
  guint round = 0;

  while (round < CARRY_OVER_ROUNDS && try_carry_overs (space, best, best_value, max_evaluations))
    round++;
  /* The rounds not needed count as done, as skipped trials do. */
  if (round + 1 < CARRY_OVER_ROUNDS)
    count_evaluations (space, (CARRY_OVER_ROUNDS - round - 1) * space->mmm->n_channels
                              * carry_over_round_budget (max_evaluations));
}

static void
candidate_free (MmxMmmCandidate *candidate)
{
  mmx_mmm_hyper_clear (&candidate->hyper);
  g_free (candidate->shares);
  g_free (candidate);
}

/**
 * mmx_mmm_candidate_new:
 * @mmm: a model
 * @hyper: hyper-parameters, copied
 * @objective: their score
 * @start: the start, profile or other search that found them
 * @origin: what kind of search that was
 *
 * Returns: (transfer full): a candidate, freed by the array
 *   mmx_mmm_search() gives
 */
MmxMmmCandidate *
mmx_mmm_candidate_new (MmxMmm                *mmm,
                       const MmxMmmHyper     *hyper,
                       double                 objective,
                       guint                  start,
                       MmxMmmCandidateOrigin  origin)
{
  MmxMmmCandidate *candidate = g_new0 (MmxMmmCandidate, 1);

  mmx_mmm_hyper_copy (mmm, hyper, &candidate->hyper);
  candidate->objective = objective;
  candidate->start = start;
  candidate->origin = origin;
  return candidate;
}

/* The points each start visited that score within @threshold, spread
 * apart, best first. */
static void
collect_candidates (Space       *space,
                    GArray     **visits,
                    guint        n_groups,
                    guint        first_group,
                    double       threshold,
                    GPtrArray   *candidates)
{
  guint stride = space->n_dims + 1;
  MmxMmmHyper hyper = { 0 };

  mmx_mmm_hyper_init (space->mmm, &hyper);
  for (guint group = 0; group < n_groups; group++)
    {
      const double *points = &g_array_index (visits[group], double, 0);
      guint n = visits[group]->len / stride;
      g_autofree guint *order = g_new (guint, MAX (n, 1));
      g_autofree double *values = g_new (double, MAX (n, 1));
      g_autoptr(GArray) kept = g_array_new (FALSE, FALSE, sizeof (guint));

      for (guint i = 0; i < n; i++)
        {
          order[i] = i;
          values[i] = points[(gsize) i * stride + space->n_dims];
        }
      g_qsort_with_data (order, n, sizeof (guint), compare_by_value, values);

      for (guint i = 0; i < n && kept->len < (first_group > 0 ? MAX_CANDIDATES_PER_PROFILE
                                                             : MAX_CANDIDATES_PER_START); i++)
        {
          const double *x = points + (gsize) order[i] * stride;
          gboolean near = FALSE;

          if (!(values[order[i]] <= threshold))
            break;
          for (guint j = 0; j < kept->len && !near; j++)
            {
              const double *y = points + (gsize) g_array_index (kept, guint, j) * stride;
              double distance = 0;

              for (guint d = 0; d < space->n_dims; d++)
                distance = MAX (distance, fabs (x[d] - y[d]));
              near = distance < CANDIDATE_SPACING;
            }
          if (near)
            continue;
          g_array_append_val (kept, order[i]);
          decode (space, x, &hyper);
          g_ptr_array_add (candidates,
                           mmx_mmm_candidate_new (space->mmm, &hyper, values[order[i]],
                                                  first_group + group,
                                                  first_group > 0 ? MMX_MMM_CANDIDATE_PROFILE
                                                                  : MMX_MMM_CANDIDATE_SEARCH));
        }
    }
  mmx_mmm_hyper_clear (&hyper);
}

/* A channel's saturation is what the data tell least well apart from the
 * baseline: an always-on channel with a concave curve and a small
 * baseline fits about as well as one with an S curve and a large one.
 * So for every channel, its curve is tried at these shapes, the rest of
 * its parameters fitted again; those that fit as well as the best
 * join the candidates, and the intervals show the doubt. */
static const double profile_shapes[] = { 0.7, 1.0, 1.5, 2.5 };

typedef struct
{
  Space        *space;
  const double *best;
  guint         max_evaluations;
  GArray      **visits;
} Profiles;

static void
profile_cb (guint    index,
            gpointer user_data)
{
  Profiles *profiles = user_data;
  Space *space = profiles->space;
  guint k = index / G_N_ELEMENTS (profile_shapes);
  double shape = profile_shapes[index % G_N_ELEMENTS (profile_shapes)];
  guint n_free = space->weibull[k] ? 3 : 2;
  g_autofree double *x = g_memdup2 (profiles->best, sizeof (double) * space->n_dims);
  Local local = { 0 };

  x[space->offset[k] + n_free] = to_unit (shape, MIN_HILL_SHAPE, MAX_HILL_SHAPE);
  local_init (&local, space, x, space->offset[k], n_free);
  local.visits = profiles->visits[index];
  local_minimise (&local, profiles->max_evaluations);
  local_clear (&local);
}

static void
profile_saturation (Space       *space,
                    const double *best,
                    guint        max_evaluations,
                    GArray     **visits)
{
  Profiles profiles = { space, best, max_evaluations, visits };

  mmx_parallel_for (space->mmm->n_channels * G_N_ELEMENTS (profile_shapes), profile_cb, &profiles,
                    space->cancellable);
}

/* The budget grows with the dimensions, more slowly past a handful of
 * channels, where a run would otherwise take many seconds. */
static guint
default_budget (guint n_dims)
{
  return 200 + 30 * MIN (n_dims, 20) + 10 * (MAX (n_dims, 20) - 20);
}

static guint
weibull_trial_budget (guint budget)
{
  return MIN (budget / 8, 100);
}

/**
 * mmx_mmm_search:
 * @self: a model
 * @settings: how hard to search
 * @target: (nullable): the target, the problem's when %NULL
 * @start: (nullable): where the first start begins; the default
 *   hyper-parameters when %NULL
 * @progress: (nullable): receives the share of the budget spent
 * @cancellable: (nullable): stops the search
 * @out_hyper: (out caller-allocates): the best hyper-parameters found
 * @out_candidates: (out) (optional) (element-type MmxMmmCandidate): the
 *   hyper-parameters as good as the best within one standard error of the
 *   objective's error, the best first
 * @error: a location for a #GError
 *
 * Minimises the objective of _mmx_mmm_evaluate() (the error of the fit
 * of all history under the prior on the curves, plus the weighed
 * decomposition distance and lift error) over every channel's carry-over
 * and saturation, with NLopt's BOBYQA from several starts run in
 * parallel; the starts after the first are random, drawn from @settings'
 * seed, so the result is the same whatever the number of threads. Ties go
 * to the earlier start. Then chooses the ridge penalty by rolling-origin
 * validation error.
 *
 * Returns: %FALSE with @error set when cancelled or when nothing could be
 *   fitted
 */
gboolean
mmx_mmm_search (MmxMmm                     *self,
                const MmxMmmSearchSettings *settings,
                const double               *target,
                const MmxMmmHyper          *start,
                MmxProgress                *progress,
                GCancellable               *cancellable,
                MmxMmmHyper                *out_hyper,
                GPtrArray                 **out_candidates,
                GError                    **error)
{
  guint K = self->n_channels;
  g_autofree gboolean *weibull = g_new0 (gboolean, K + 1);
  g_autofree guint *offset = g_new0 (guint, K + 1);
  g_autofree double *first = NULL;
  MmxMmmHyper initial = { 0 };
  Space space = { 0 };
  Starts starts = { 0 };
  guint n_starts = MAX (settings->n_starts, 1);
  guint best = 0, carry_over_budget;
  gint evaluations = 0, cancelled = FALSE;
  double best_value;

  *out_hyper = (MmxMmmHyper) { 0 };
  if (out_candidates != NULL)
    *out_candidates = NULL;
  space.mmm = self;
  space.evaluations = &evaluations;
  space.cancelled = &cancelled;
  space.target = target != NULL ? target : self->problem.target;
  space.prior_shifts = settings->prior_shifts;
  space.progress = progress;
  space.cancellable = cancellable;

  mmx_mmm_hyper_init (self, &initial);
  if (start != NULL)
    mmx_mmm_hyper_copy (self, start, &initial);
  space = space_for (&space, &initial, weibull, offset);

  starts.max_evaluations = settings->max_evaluations > 0 ? settings->max_evaluations
                                                         : default_budget (space.n_dims);
  carry_over_budget = CARRY_OVER_ROUNDS * K
                      * carry_over_round_budget (weibull_trial_budget (starts.max_evaluations));
  space.budget = n_starts * starts.max_evaluations + PENALTY_STEPS
                 + (settings->choose_adstock ? carry_over_budget : 0)
                 + (out_candidates != NULL ? K * G_N_ELEMENTS (profile_shapes) * PROFILE_BUDGET : 0);
  first = g_new (double, space.n_dims);
  encode (&space, &initial, first);
  first[0] = CURVE_SEARCH_PENALTY;
  mmx_mmm_hyper_clear (&initial);

  starts.space = &space;
  starts.first = first;
  starts.seed = settings->seed;
  starts.points = g_new (double, (gsize) n_starts * space.n_dims);
  starts.values = g_new (double, n_starts);
  starts.visits = g_new0 (GArray *, n_starts);
  for (guint i = 0; i < n_starts && out_candidates != NULL; i++)
    starts.visits[i] = g_array_new (FALSE, FALSE, sizeof (double));
  mmx_parallel_for (n_starts, run_start_cb, &starts, cancellable);

  for (guint i = 1; i < n_starts; i++)
    if (starts.values[i] < starts.values[best])
      best = i;
  for (guint i = 0; i < n_starts; i++)
    g_debug ("Start %u reached %.6f", i, starts.values[i]);
  best_value = starts.values[best];

  if (!cancelled && !g_cancellable_is_cancelled (cancellable) && isfinite (best_value))
    {
      mmx_mmm_hyper_init (self, out_hyper);
      decode (&space, starts.points + (gsize) best * space.n_dims, out_hyper);
      if (settings->choose_adstock && K > 0)
        choose_adstocks (&space, out_hyper, &best_value,
                         weibull_trial_budget (starts.max_evaluations));
      if (out_candidates != NULL)
        {
          g_autoptr(MmxMmmWorkspace) workspace = space_workspace_new (&space);
          guint n_profiles = K * G_N_ELEMENTS (profile_shapes);
          g_autofree gboolean *final_weibull = g_new0 (gboolean, K + 1);
          g_autofree guint *final_offset = g_new0 (guint, K + 1);
          g_autofree GArray **profile_visits = g_new0 (GArray *, MAX (n_profiles, 1));
          g_autofree double *best_x = NULL;
          Space final = space_for (&space, out_hyper, final_weibull, final_offset);
          MmxMmmScore score;
          double threshold;

          best_x = g_new (double, final.n_dims);
          encode (&final, out_hyper, best_x);
          for (guint i = 0; i < n_profiles; i++)
            profile_visits[i] = g_array_new (FALSE, FALSE, sizeof (double));
          profile_saturation (&final, best_x, PROFILE_BUDGET, profile_visits);

          /* Models whose error differs from the best by less than its
           * noise are as good as the best. */
          _mmx_mmm_evaluate (workspace, out_hyper, &score);
          threshold = best_value * (1 + score.relative_se);
          *out_candidates = g_ptr_array_new_with_free_func ((GDestroyNotify) candidate_free);
          g_ptr_array_add (*out_candidates,
                           mmx_mmm_candidate_new (self, out_hyper, best_value, best,
                                                  MMX_MMM_CANDIDATE_SEARCH));
          collect_candidates (&space, starts.visits, n_starts, 0, threshold, *out_candidates);
          collect_candidates (&final, profile_visits, n_profiles, n_starts, threshold,
                              *out_candidates);
          for (guint i = 0; i < n_profiles; i++)
            g_array_unref (profile_visits[i]);
        }
      choose_penalty (&space, out_hyper);
      for (guint i = 0; out_candidates != NULL && i < (*out_candidates)->len; i++)
        {
          MmxMmmCandidate *candidate = g_ptr_array_index (*out_candidates, i);

          candidate->hyper.log_penalty = out_hyper->log_penalty;
        }
    }
  for (guint i = 0; i < n_starts; i++)
    if (starts.visits[i] != NULL)
      g_array_unref (starts.visits[i]);
  g_free (starts.visits);
  g_free (starts.points);
  g_free (starts.values);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      mmx_mmm_hyper_clear (out_hyper);
      if (out_candidates != NULL)
        g_clear_pointer (out_candidates, g_ptr_array_unref);
      return FALSE;
    }
  if (!isfinite (best_value))
    {
      mmx_mmm_hyper_clear (out_hyper);
      if (out_candidates != NULL)
        g_clear_pointer (out_candidates, g_ptr_array_unref);
      g_set_error (error, MMX_MODEL_ERROR, MMX_MODEL_ERROR_FAILED,
                   _("The model could not be fitted with any setting tried: some columns of the "
                     "data are exact copies of each other. Remove duplicate control columns or "
                     "channels and try again."));
      return FALSE;
    }
  return TRUE;
}
