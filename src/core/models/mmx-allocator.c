/* mmx-allocator.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mmx-allocator"

#include "config.h"

#include <math.h>
#include <nlopt.h>
#include <string.h>

#include "mmx-allocator.h"
#include "mmx-parallel.h"

/* The split of a budget that earns the most on the channels' steady-state
 * curves: maximise sum_k beta_k hill_k (x_k) subject to sum_k x_k = budget
 * and lower_k <= x_k <= upper_k, with NLopt's SLSQP and exact gradients.
 *
 * Hill curves with a shape above 1 are S-shaped, so the problem is not
 * concave and SLSQP finds a local optimum. It therefore runs from several
 * starts and the best end wins: today's split, an equal split, a greedy
 * split, random splits, and the splits of the Lagrangian relaxation. The
 * latter price spend at lambda and let each channel take what earns most
 * net of the price, which decides which channels are worth switching on
 * at all, the choice local steps cannot make; a bisection on lambda meets
 * the budget, with at most one channel torn between off and on.
 *
 * SLSQP works on x_k / s_k and on the revenue over the largest beta, s_k
 * chosen at each start so that the curvature of each channel's revenue is
 * about 1: then the gradients are about 1 whatever the currency, so tiny
 * ones do not stop it early nor huge ones throw it off, and its first
 * quasi-Newton steps, taken with the identity for a Hessian, are nearly
 * Newton steps.
 *
 * Each step of SLSQP solves a least-squares problem whose cost grows with
 * about the cube of its variables, and with the bounds that bind. So each
 * run first takes two Newton steps like SLSQP's first one, guesses from
 * them which channels end on a limit, and leaves those there, out of
 * SLSQP's variables. Where the optimality conditions of all channels show a guess
 * wrong, SLSQP runs again from its end with those channels released, so
 * every run still ends at a point that meets them. */

/* Random starts help most where few channels leave few other starts. */
#define RANDOM_STARTS_FEW 4
#define RANDOM_STARTS_MANY 1
#define MANY_CHANNELS 12
#define RANDOM_SEED 1

/* Starts run on several threads from this many channels on, where one
 * SLSQP run outweighs handing it to a thread. */
#define PARALLEL_CHANNELS 16

/* The greedy start hands out the budget in this many slices. */
#define GREEDY_STEPS 64

/* Bisection steps on the price of the Lagrangian relaxation, over twelve
 * decades: the split it gives is a start, which SLSQP refines. */
#define PRICE_STEPS 40
#define PRICE_RANGE 1e-12

/* Rounds of switching channels on or off, and the most switches a round
 * tries. */
#define SWITCH_ROUNDS 3
#define MAX_SWITCHES 6

#define FTOL_REL 1e-10
#define XTOL_REL 1e-8
#define CONSTRAINT_TOLERANCE 1e-12

/* Where the curvature that sets SLSQP's units is measured at the least,
 * as a share of the half-saturation. */
#define CURVATURE_FLOOR 0.1

/* A spend this close to a limit, relative to the budget, is on it. */
#define BOUND_TOLERANCE 1e-7

/* The optimality conditions hold when the marginal ROAS of the channels
 * off their limits agree within this share. */
#define KKT_TOLERANCE 1e-3

/* A channel held on a limit is released when its marginal ROAS strays
 * this share beyond what the optimality conditions allow. */
#define HELD_TOLERANCE 1e-6

/* How far beyond a limit a guessed step must reach, as a multiple of the
 * distance to it, for SLSQP to leave the channel out; and the steps of the
 * guess: the second, taken where the first went, sees the curvature there
 * and guesses much better. */
#define HOLD_MARGIN 2
#define GUESS_STEPS 2

struct _MmxAllocator
{
  guint     n;
  double   *beta;
  MmxHill  *hill;
  double   *lower;
  double   *upper;
  /* Where each curve's slope peaks: 0 unless it is S-shaped. */
  double   *peak;
  double    saturation;
  double    objective_scale;
  guint     n_random_starts;

  /* The budget being solved, and the most each channel can take of it. */
  double    budget;
  double   *ceiling;
};

/* One run of SLSQP, on the thread that does it, over the channels not
 * held on a limit. */
typedef struct
{
  const MmxAllocator *allocator;
  const guint        *channels;
  /* What the channels SLSQP moves share, and what the held ones earn. */
  double              budget;
  double              held_value;
  double             *scale;
  double             *z;
  double             *z_lower;
  double             *z_upper;
  guint               n_evaluations;
} Search;

/* The starts of one solve and where SLSQP took each. */
typedef struct
{
  const MmxAllocator *allocator;
  guint               n_starts;
  guint               first;
  double             *starts;
  double             *ends;
  double             *values;
  guint              *evaluations;
} Starts;

static inline double
curve_value (const MmxAllocator *self,
             guint               k,
             double              x)
{
  return self->beta[k] * mmx_hill_eval (&self->hill[k], x);
}

/* At 0 a curve of shape below 1 rises infinitely fast; a hair above it
 * the slope is finite, which SLSQP and the root finding need. */
static inline double
curve_slope (const MmxAllocator *self,
             guint               k,
             double              x)
{
  return self->beta[k] * mmx_hill_derivative (&self->hill[k],
                                              MAX (x, 1e-12 * self->hill[k].half));
}

static double
objective_cb (unsigned      n,
              const double *z,
              double       *gradient,
              void         *data)
{
  Search *search = data;
  const MmxAllocator *self = search->allocator;
  double total = 0;

  search->n_evaluations++;
  for (guint i = 0; i < n; i++)
    {
      guint k = search->channels[i];
      double x = z[i] * search->scale[i];

      total += curve_value (self, k, x);
      if (gradient != NULL)
        gradient[i] = search->scale[i] * curve_slope (self, k, x) / self->objective_scale;
    }
  return (total + search->held_value) / self->objective_scale;
}

static double
budget_cb (unsigned      n,
           const double *z,
           double       *gradient,
           void         *data)
{
  Search *search = data;
  double budget = search->allocator->budget;
  double total = 0;

  for (guint i = 0; i < n; i++)
    {
      total += z[i] * search->scale[i];
      if (gradient != NULL)
        gradient[i] = search->scale[i] / budget;
    }
  return (total - search->budget) / budget;
}

/**
 * mmx_allocator_new:
 * @n_channels: the channels to split a budget over
 * @responses: (array length=n_channels): their responses
 * @lower: (array length=n_channels): the least spend of each per period
 * @upper: (array length=n_channels): the most, %INFINITY for no limit
 *
 * Returns: (transfer full): an allocator, for one thread at a time
 */
MmxAllocator *
mmx_allocator_new (guint              n_channels,
                   const MmxResponse *responses,
                   const double      *lower,
                   const double      *upper)
{
  MmxAllocator *self;
  guint n = n_channels;

  for (guint k = 0; k < n; k++)
    g_return_val_if_fail (lower[k] >= 0 && lower[k] <= upper[k], NULL);

  self = g_new0 (MmxAllocator, 1);
  self->n = n;
  self->beta = g_new (double, MAX (n, 1));
  self->hill = g_new (MmxHill, MAX (n, 1));
  self->peak = g_new (double, MAX (n, 1));
  self->lower = g_memdup2 (lower, sizeof (double) * MAX (n, 1));
  self->upper = g_memdup2 (upper, sizeof (double) * MAX (n, 1));
  self->ceiling = g_new (double, MAX (n, 1));
  self->n_random_starts = n < MANY_CHANNELS ? RANDOM_STARTS_FEW : RANDOM_STARTS_MANY;
  for (guint k = 0; k < n; k++)
    {
      self->beta[k] = responses[k].beta;
      mmx_response_get_steady_hill (&responses[k], &self->hill[k]);
      self->peak[k] = mmx_hill_get_inflection (&self->hill[k]);
      self->saturation += self->beta[k];
      self->objective_scale = MAX (self->objective_scale, self->beta[k]);
    }
  if (self->objective_scale <= 0)
    self->objective_scale = 1;
  return self;
}

void
mmx_allocator_free (MmxAllocator *self)
{
  if (self == NULL)
    return;
  g_free (self->beta);
  g_free (self->hill);
  g_free (self->peak);
  g_free (self->lower);
  g_free (self->upper);
  g_free (self->ceiling);
  g_free (self);
}

guint
mmx_allocator_get_n_channels (const MmxAllocator *self)
{
  return self->n;
}

static double
sum (const double *values,
     guint         n)
{
  double total = 0;

  for (guint k = 0; k < n; k++)
    total += values[k];
  return total;
}

/**
 * mmx_allocator_get_min_budget:
 * @self: an allocator
 *
 * Returns: the sum of the minimums: no smaller budget can be split
 */
double
mmx_allocator_get_min_budget (const MmxAllocator *self)
{
  return sum (self->lower, self->n);
}

/**
 * mmx_allocator_get_max_budget:
 * @self: an allocator
 *
 * Returns: the sum of the maximums, %INFINITY when a channel has none
 */
double
mmx_allocator_get_max_budget (const MmxAllocator *self)
{
  return sum (self->upper, self->n);
}

/**
 * mmx_allocator_get_saturation:
 * @self: an allocator
 *
 * Returns: the revenue per period the channels approach as spend grows
 *   without end: no budget earns as much
 */
double
mmx_allocator_get_saturation (const MmxAllocator *self)
{
  return self->saturation;
}

/**
 * mmx_allocator_set_n_random_starts:
 * @self: an allocator
 * @n_random_starts: random starts besides the systematic ones
 *
 * By default 4 below 12 channels and 1 from there on, where the
 * relaxation's starts already cover the choices that matter.
 */
void
mmx_allocator_set_n_random_starts (MmxAllocator *self,
                                   guint         n_random_starts)
{
  self->n_random_starts = n_random_starts;
}

/**
 * mmx_allocator_evaluate:
 * @self: an allocator
 * @spend: (array): a spend per period for each channel
 * @out_marginal: (out caller-allocates) (array) (optional): each
 *   channel's marginal ROAS there
 *
 * Returns: the revenue per period the channels bring at @spend
 */
double
mmx_allocator_evaluate (const MmxAllocator *self,
                        const double       *spend,
                        double             *out_marginal)
{
  double total = 0;

  for (guint k = 0; k < self->n; k++)
    {
      total += curve_value (self, k, spend[k]);
      if (out_marginal != NULL)
        out_marginal[k] = curve_slope (self, k, spend[k]);
    }
  return total;
}

/* Moves @x onto sum = budget within its limits: clipped first, then what is
 * left over or missing shared in proportion to the room each channel not
 * @held (nullable) on a limit has. One pass is exact, because no share
 * exceeds its channel's room. Returns %FALSE when the others have too
 * little room, with @x only clipped. */
static gboolean
repair_holding (const MmxAllocator *self,
                const MmxBound     *held,
                double             *x)
{
  double left, room = 0;

  for (guint k = 0; k < self->n; k++)
    x[k] = CLAMP (x[k], self->lower[k], self->ceiling[k]);
  left = self->budget - sum (x, self->n);
  for (guint k = 0; k < self->n; k++)
    if (held == NULL || held[k] == MMX_BOUND_NONE)
      room += left > 0 ? self->ceiling[k] - x[k] : x[k] - self->lower[k];
  if (left == 0)
    return TRUE;
  if (room < fabs (left))
    return FALSE;
  for (guint k = 0; k < self->n; k++)
    if (held == NULL || held[k] == MMX_BOUND_NONE)
      {
        double share = left > 0 ? self->ceiling[k] - x[k] : x[k] - self->lower[k];

        x[k] += left * share / room;
      }
  return TRUE;
}

/* Should all channels together have too little room, the budget lies
 * beyond their limits by rounding: they all go to the nearer end. */
static void
repair (const MmxAllocator *self,
        double             *x)
{
  if (!repair_holding (self, NULL, x))
    {
      gboolean short_of = sum (x, self->n) < self->budget;

      for (guint k = 0; k < self->n; k++)
        x[k] = short_of ? self->ceiling[k] : self->lower[k];
    }
}

static double
filled_sum (const MmxAllocator *self,
            const double       *weights,
            double              t)
{
  double total = 0;

  for (guint k = 0; k < self->n; k++)
    total += MIN (self->lower[k] + t * weights[k], self->ceiling[k]);
  return total;
}

/* A feasible split in the direction of @weights: x = min (lower + t w,
 * ceiling), t chosen so the spend adds up to the budget. @weights and @x
 * may be the same array. */
static void
fill (const MmxAllocator *self,
      const double       *weights,
      double             *x)
{
  g_autofree double *w = g_new (double, MAX (self->n, 1));
  double largest = 0, lo = 0, hi = 1;

  for (guint k = 0; k < self->n; k++)
    largest = MAX (largest, weights[k]);
  /* Every channel with room gets a little, so the budget always fits. */
  for (guint k = 0; k < self->n; k++)
    w[k] = largest > 0 ? MAX (weights[k], 1e-9 * largest) : 1;

  for (guint i = 0; i < 2100 && filled_sum (self, w, hi) < self->budget; i++)
    hi *= 2;
  for (guint i = 0; i < 200 && hi - lo > 1e-15 * hi; i++)
    {
      double mid = (lo + hi) / 2;

      if (filled_sum (self, w, mid) < self->budget)
        lo = mid;
      else
        hi = mid;
    }
  for (guint k = 0; k < self->n; k++)
    x[k] = MIN (self->lower[k] + hi * w[k], self->ceiling[k]);
  repair (self, x);
}

/* Hands out the budget slice by slice, each to the channel that earns most
 * per unit from it. */
static void
greedy (const MmxAllocator *self,
        double             *x)
{
  g_autofree double *value = g_new (double, MAX (self->n, 1));
  double left, slice;

  for (guint k = 0; k < self->n; k++)
    {
      x[k] = self->lower[k];
      value[k] = curve_value (self, k, x[k]);
    }
  left = self->budget - sum (x, self->n);
  slice = left / GREEDY_STEPS;
  for (guint step = 0; step < GREEDY_STEPS + self->n && left > 1e-12 * self->budget; step++)
    {
      double best_gain = -INFINITY, best_amount = 0, best_value = 0;
      guint best = G_MAXUINT;

      for (guint k = 0; k < self->n; k++)
        {
          double amount = MIN (MIN (slice, left), self->ceiling[k] - x[k]);
          double next, gain;

          if (amount <= 0)
            continue;
          next = curve_value (self, k, x[k] + amount);
          gain = (next - value[k]) / amount;
          if (gain > best_gain)
            {
              best_gain = gain;
              best = k;
              best_amount = amount;
              best_value = next;
            }
        }
      if (best == G_MAXUINT)
        break;
      x[best] += best_amount;
      value[best] = best_value;
      left -= best_amount;
    }
  repair (self, x);
}

/* The spend x in [a, b] at which the slope of channel k falls to @price,
 * the slope falling over [a, b] from above @price to below it: Newton's
 * method, kept inside a shrinking bracket. */
static double
find_slope (const MmxAllocator *self,
            guint               k,
            double              price,
            double              a,
            double              b)
{
  double x = CLAMP (self->hill[k].half, a, b);

  for (guint i = 0; i < 100 && b - a > 1e-12 * b; i++)
    {
      double excess = curve_slope (self, k, x) - price;
      double curvature = self->beta[k] * mmx_hill_curvature (&self->hill[k], MAX (x, 1e-300));
      double next;

      if (excess > 0)
        a = x;
      else
        b = x;
      next = curvature < 0 ? x - excess / curvature : (a + b) / 2;
      if (!(next > a && next < b))
        next = (a + b) / 2;
      if (fabs (next - x) <= 1e-13 * x)
        return next;
      x = next;
    }
  return x;
}

/* The spend of channel k that earns most net of @price per unit. Past the
 * peak of its slope a curve is concave and the best spend there has slope
 * @price; before it, convex, with the best at an end. A channel forced on
 * takes the best spend past the peak even when spending nothing earns
 * more; one forced off its minimum. @pattern (nullable) says, for each
 * channel, whether it is forced off (0), on (1) or free (-1). */
static double
respond (const MmxAllocator *self,
         guint               k,
         double              price,
         const gint8        *pattern)
{
  double lo = self->lower[k], hi = self->ceiling[k];
  double a = MAX (lo, self->peak[k]);
  int state = pattern != NULL ? pattern[k] : -1;
  double best;

  if (state == 0)
    return lo;
  if (a >= hi)
    best = hi;
  else if (curve_slope (self, k, a) <= price)
    best = a;
  else if (curve_slope (self, k, hi) >= price)
    best = hi;
  else
    best = find_slope (self, k, price, a, hi);
  if (state < 0
      && curve_value (self, k, best) - price * best <= curve_value (self, k, lo) - price * lo)
    best = lo;
  return best;
}

static double
respond_all (const MmxAllocator *self,
             double              price,
             const gint8        *pattern,
             double             *x)
{
  for (guint k = 0; k < self->n; k++)
    x[k] = respond (self, k, price, pattern);
  return sum (x, self->n);
}

/* The Lagrangian relaxation: the price at which the channels ask for the
 * budget, found by bisection, each channel held on or off as @pattern
 * (nullable) says. Just above the price they ask for less (@below), just below for
 * more (@above); what differs is the channel, or channels, torn between
 * off and on. @between shares the budget along the way from one to the
 * other; @below (nullable) gets its channels scaled up to the budget and
 * @above (nullable) its scaled down. */
static void
relax (const MmxAllocator *self,
       const gint8        *pattern,
       double             *between,
       double             *below,
       double             *above)
{
  g_autofree double *scratch = g_new (double, 2 * (gsize) MAX (self->n, 1));
  double *less = below != NULL ? below : scratch;
  double *more = above != NULL ? above : scratch + self->n;
  double high = 0, low, less_sum, more_sum, t;

  for (guint k = 0; k < self->n; k++)
    high = MAX (high, curve_slope (self, k, MAX (self->lower[k], self->peak[k])));
  high = 2 * MAX (high, 1e-300);
  low = high * PRICE_RANGE;
  less_sum = respond_all (self, high, pattern, less);
  more_sum = respond_all (self, low, pattern, more);
  for (guint i = 0; i < PRICE_STEPS; i++)
    {
      double mid = sqrt (low * high);
      double asked = respond_all (self, mid, pattern, between);

      if (asked > self->budget)
        {
          low = mid;
          more_sum = asked;
          memcpy (more, between, sizeof (double) * self->n);
        }
      else
        {
          high = mid;
          less_sum = asked;
          memcpy (less, between, sizeof (double) * self->n);
        }
    }

  t = more_sum > less_sum ? CLAMP ((self->budget - less_sum) / (more_sum - less_sum), 0, 1) : 0;
  for (guint k = 0; k < self->n; k++)
    between[k] = less[k] + t * (more[k] - less[k]);
  repair (self, between);
  for (guint k = 0; k < self->n; k++)
    {
      less[k] -= self->lower[k];
      more[k] -= self->lower[k];
    }
  if (below != NULL)
    fill (self, below, below);
  if (above != NULL)
    fill (self, above, above);
}

/* The unit in which the curvature of channel k's revenue at @x is about
 * 1. */
static double
unit_at (const MmxAllocator *self,
         guint               k,
         double              x)
{
  /* Near 0 an S-shaped curve bends without bound: measure a little above,
   * where SLSQP will move. */
  double at = MAX (x, CURVATURE_FLOOR * self->hill[k].half);
  double curvature = fabs (self->beta[k] * mmx_hill_curvature (&self->hill[k], at));
  double unit = curvature > 0 ? sqrt (self->objective_scale / curvature) : self->budget;

  return CLAMP (unit, 1e-6 * self->budget, self->budget);
}

static double
take_step (const MmxAllocator *self,
           const double       *x,
           const double       *slope,
           const double       *step,
           double              price,
           guint               k)
{
  return CLAMP (x[k] + step[k] * (slope[k] - price), self->lower[k], self->ceiling[k]);
}

/* A guess of which channels of split @x end on a limit, from SLSQP's own
 * first step without its line search: in its units the Hessian it starts
 * from is about the true one, so each channel moves by (slope - lambda)
 * u^2 / objective_scale, clipped to its limits, with the price lambda that
 * meets the budget. A channel is held on a limit when the step would take
 * it there from twice as far, as the curvature grows on the way down a
 * concave curve and the price moves with the other channels. Below the
 * peak of its slope a curve is convex and the step heads the wrong way, so
 * such a channel stays put, and is held only where it already sits on a
 * limit. @x moves to the step. */
static void
step_and_hold (const MmxAllocator *self,
               double             *x,
               MmxBound           *held)
{
  guint n = self->n;
  g_autofree double *slope = g_new (double, 2 * (gsize) n);
  double *step = slope + n;
  double low = INFINITY, high = -INFINITY, price;

  for (guint k = 0; k < n; k++)
    {
      double unit = unit_at (self, k, x[k]);

      slope[k] = curve_slope (self, k, x[k]);
      step[k] = x[k] >= self->peak[k] ? unit * unit / self->objective_scale : 0;
      /* At prices below @low every channel that steps asks for its
       * ceiling, above @high for its minimum. */
      if (step[k] > 0)
        {
          low = MIN (low, slope[k] - (self->ceiling[k] - x[k]) / step[k]);
          high = MAX (high, slope[k] + (x[k] - self->lower[k]) / step[k]);
        }
    }
  for (guint i = 0; i < PRICE_STEPS && low < high; i++)
    {
      double mid = (low + high) / 2, asked = 0;

      for (guint k = 0; k < n; k++)
        asked += take_step (self, x, slope, step, mid, k);
      if (asked > self->budget)
        low = mid;
      else
        high = mid;
    }
  price = low <= high ? (low + high) / 2 : 0;
  for (guint k = 0; k < n; k++)
    {
      double move = step[k] * (slope[k] - price);

      if (move <= -HOLD_MARGIN * (x[k] - self->lower[k]))
        held[k] = MMX_BOUND_MIN;
      else if (move >= HOLD_MARGIN * (self->ceiling[k] - x[k]))
        held[k] = MMX_BOUND_MAX;
      else
        held[k] = MMX_BOUND_NONE;
    }
  for (guint k = 0; k < n; k++)
    x[k] = take_step (self, x, slope, step, price, k);
}

/* Puts the channels @held in split @x on their limits and shares the rest
 * of the budget over the others; should those have too little room,
 * nothing is held. */
static void
place_held (const MmxAllocator *self,
            MmxBound           *held,
            double             *x)
{
  for (guint k = 0; k < self->n; k++)
    if (held[k] != MMX_BOUND_NONE)
      x[k] = held[k] == MMX_BOUND_MIN ? self->lower[k] : self->ceiling[k];
  if (!repair_holding (self, held, x))
    {
      for (guint k = 0; k < self->n; k++)
        held[k] = MMX_BOUND_NONE;
      repair (self, x);
    }
}

/* Guesses which channels of split @x end on a limit, so that SLSQP can
 * leave them out, and puts them there, @x moved by GUESS_STEPS steps as
 * step_and_hold() takes them. Should that earn less than @x, as it may on
 * S-shaped curves, @x stays and nothing is held. */
static void
guess_held (const MmxAllocator *self,
            double             *x,
            MmxBound           *held)
{
  g_autofree double *from = g_memdup2 (x, sizeof (double) * self->n);

  for (guint i = 0; i < GUESS_STEPS; i++)
    step_and_hold (self, x, held);
  place_held (self, held, x);
  if (mmx_allocator_evaluate (self, x, NULL) < mmx_allocator_evaluate (self, from, NULL))
    {
      memcpy (x, from, sizeof (double) * self->n);
      for (guint k = 0; k < self->n; k++)
        held[k] = MMX_BOUND_NONE;
    }
}

/* Releases the channels @held on a limit in split @x that the optimality
 * conditions of all channels want off it: one on its minimum that earns
 * more at the margin than a channel that can give up spend, one on its
 * maximum that earns less than a channel that can take more. Returns
 * whether it released any. */
static gboolean
release_held (const MmxAllocator *self,
              const double       *x,
              MmxBound           *held)
{
  g_autofree double *marginal = g_new (double, MAX (self->n, 1));
  double tolerance = BOUND_TOLERANCE * self->budget;
  double give = INFINITY, take = 0;
  gboolean released = FALSE;

  mmx_allocator_evaluate (self, x, marginal);
  for (guint k = 0; k < self->n; k++)
    {
      if (x[k] > self->lower[k] + tolerance)
        give = MIN (give, marginal[k]);
      if (x[k] < self->ceiling[k] - tolerance)
        take = MAX (take, marginal[k]);
    }
  for (guint k = 0; k < self->n; k++)
    if ((held[k] == MMX_BOUND_MIN && marginal[k] > give * (1 + HELD_TOLERANCE))
        || (held[k] == MMX_BOUND_MAX && marginal[k] * (1 + HELD_TOLERANCE) < take))
      {
        held[k] = MMX_BOUND_NONE;
        released = TRUE;
      }
  return released;
}

/* Runs SLSQP on split @x over the channels not @held on a limit, which
 * place_held() puts there first. Returns the evaluations it made. */
static guint
search_free (const MmxAllocator *self,
             MmxBound           *held,
             double             *x)
{
  guint n = self->n;
  g_autofree guint *channels = g_new (guint, n);
  g_autofree double *scratch = g_new (double, 4 * (gsize) n);
  Search search = { self, channels, self->budget, 0, scratch, scratch + n, scratch + 2 * n,
                    scratch + 3 * n, 0 };
  guint n_free = 0;
  nlopt_opt opt;
  double f;

  place_held (self, held, x);
  for (guint k = 0; k < n; k++)
    {
      double unit;

      if (held[k] != MMX_BOUND_NONE)
        {
          search.budget -= x[k];
          search.held_value += curve_value (self, k, x[k]);
          continue;
        }
      unit = unit_at (self, k, x[k]);
      channels[n_free] = k;
      search.scale[n_free] = unit;
      search.z_lower[n_free] = self->lower[k] / unit;
      /* The budget and the minimums already keep a channel under its
       * ceiling; SLSQP only needs the maximums the user set. */
      search.z_upper[n_free] = isfinite (self->upper[k]) ? self->ceiling[k] / unit : HUGE_VAL;
      search.z[n_free] = x[k] / unit;
      n_free++;
    }
  if (n_free == 0)
    return 0;

  opt = nlopt_create (NLOPT_LD_SLSQP, n_free);
  nlopt_set_max_objective (opt, objective_cb, &search);
  nlopt_add_equality_constraint (opt, budget_cb, &search, CONSTRAINT_TOLERANCE);
  nlopt_set_lower_bounds (opt, search.z_lower);
  nlopt_set_upper_bounds (opt, search.z_upper);
  nlopt_set_ftol_rel (opt, FTOL_REL);
  nlopt_set_xtol_rel (opt, XTOL_REL);
  nlopt_set_maxeval (opt, 500 + 100 * n_free);
  /* Stopping on a tolerance, on the evaluation budget or on round-off all
   * leave the best point reached, which is what we want. */
  nlopt_optimize (opt, search.z, &f);
  nlopt_destroy (opt);

  for (guint i = 0; i < n_free; i++)
    x[channels[i]] = search.z[i] * search.scale[i];
  if (!repair_holding (self, held, x))
    repair (self, x);
  return search.n_evaluations;
}

/* SLSQP from start @index over the channels a guess leaves free, again
 * from where it ends with those wrongly held released, until the held
 * channels belong on their limits. The end, made exactly feasible, and its
 * revenue go beside it. */
static void
run_start_cb (guint    index,
              gpointer user_data)
{
  Starts *starts = user_data;
  const MmxAllocator *self = starts->allocator;
  guint n = self->n;
  const double *start = starts->starts + (gsize) index * n;
  double *end = starts->ends + (gsize) index * n;
  g_autofree MmxBound *held = g_new (MmxBound, n);
  double value;

  memcpy (end, start, sizeof (double) * n);
  guess_held (self, end, held);
  starts->evaluations[index] = 0;
  do
    starts->evaluations[index] += search_free (self, held, end);
  while (release_held (self, end, held));

  starts->values[index] = mmx_allocator_evaluate (self, end, NULL);
  /* SLSQP may wander off and stop worse than where it began. */
  value = mmx_allocator_evaluate (self, start, NULL);
  if (value > starts->values[index])
    {
      memcpy (end, start, sizeof (double) * n);
      starts->values[index] = value;
    }
}

static double *
add_start (Starts *starts)
{
  guint n = starts->allocator->n;

  return starts->starts + (gsize) n * starts->n_starts++;
}

static void
run_batch_cb (guint    index,
              gpointer user_data)
{
  Starts *starts = user_data;

  run_start_cb (starts->first + index, starts);
}

/* Runs SLSQP from the starts added since @first. */
static void
run_starts (Starts *starts,
            guint   first)
{
  starts->first = first;
  if (starts->allocator->n >= PARALLEL_CHANNELS)
    mmx_parallel_for (starts->n_starts - first, run_batch_cb, starts, NULL);
  else
    for (guint i = first; i < starts->n_starts; i++)
      run_start_cb (i, starts);
}

/* The first of equal ends wins, so the order of the threads never
 * matters. */
static guint
pick_best (const Starts *starts)
{
  guint best = 0;

  for (guint i = 0; i < starts->n_starts; i++)
    if (starts->values[i] > starts->values[best])
      best = i;
  return best;
}

static guint
count_evaluations (const Starts *starts)
{
  guint total = 0;

  for (guint i = 0; i < starts->n_starts; i++)
    total += starts->evaluations[i];
  return total;
}

/* Switching channel @channel on (to @spend) or off. */
typedef struct
{
  guint    channel;
  gboolean on;
  double   spend;
  double   promise;
} Switch;

static int
compare_promise (gconstpointer a,
                 gconstpointer b)
{
  const Switch *x = a, *y = b;

  return x->promise > y->promise ? -1 : x->promise < y->promise;
}

/* The choices SLSQP cannot make: which S-shaped channels to switch on or
 * off. At a local optimum the channels off their limits return lambda at
 * the margin, and, past their inflection, less and less as they get more.
 * So switching a channel off can only pay when what it earns is below
 * lambda times what it costs, and switching one on only when some spend
 * earns more there than lambda per unit. Returns the most promising
 * @max_switches such switches of split @x; following switch @after, only
 * the opposite switches of the other channels. */
static guint
find_switches (const MmxAllocator *self,
               const double       *x,
               const Switch       *after,
               Switch             *switches,
               guint               max_switches)
{
  g_autofree double *marginal = g_new (double, MAX (self->n, 1));
  g_autofree Switch *all = g_new (Switch, MAX (self->n, 1));
  double tolerance = BOUND_TOLERANCE * self->budget;
  double lambda = 0;
  guint n_all = 0;

  mmx_allocator_evaluate (self, x, marginal);
  for (guint k = 0; k < self->n; k++)
    if (x[k] > self->lower[k] + tolerance && x[k] < self->ceiling[k] - tolerance)
      lambda = MAX (lambda, marginal[k]);
  /* In a corner, with no channel between its limits, the channels that
   * spend set the price. */
  for (guint k = 0; k < self->n && lambda == 0; k++)
    if (x[k] > self->lower[k] + tolerance)
      lambda = MAX (lambda, marginal[k]);
  if (lambda <= 0 || !isfinite (lambda))
    return 0;

  for (guint k = 0; k < self->n; k++)
    {
      double low = curve_value (self, k, self->lower[k]);
      double cost = x[k] - self->lower[k];

      if (after != NULL && k == after->channel)
        continue;
      if (cost > tolerance && (after == NULL || after->on))
        {
          double ratio = (curve_value (self, k, x[k]) - low) / (lambda * cost);

          if (ratio < 1)
            all[n_all++] = (Switch) { k, FALSE, self->lower[k], 1 - ratio };
        }
      else if (cost <= tolerance && (after == NULL || !after->on))
        {
          double on = respond (self, k, lambda, NULL);
          double extra = on - self->lower[k];

          if (extra > 0)
            all[n_all++] = (Switch) { k, TRUE, on,
                                      (curve_value (self, k, on) - low) / (lambda * extra) - 1 };
        }
    }
  qsort (all, n_all, sizeof (Switch), compare_promise);
  n_all = MIN (n_all, max_switches);
  memcpy (switches, all, sizeof (Switch) * n_all);
  return n_all;
}

/* A start from split @x with @change made: every other channel stays on
 * or off as in @x, at the spend the relaxation gives it; SLSQP balances
 * afterwards. */
static void
add_switched (Starts       *starts,
              const double *x,
              const Switch *change)
{
  const MmxAllocator *self = starts->allocator;
  g_autofree gint8 *pattern = g_new (gint8, MAX (self->n, 1));

  for (guint k = 0; k < self->n; k++)
    pattern[k] = x[k] > self->lower[k] + BOUND_TOLERANCE * self->budget;
  pattern[change->channel] = change->on;
  relax (self, pattern, add_start (starts), NULL, NULL);
}

/* Switches channels on and off while that pays, from split @best. A
 * channel switched on may only pay once another is switched off in its
 * favour, and the other way round, so each switch gets a second start with
 * the most promising opposite switch after it. */
static void
improve_by_switching (Starts        *starts,
                      MmxAllocation *best)
{
  const MmxAllocator *self = starts->allocator;
  guint n = self->n;

  for (guint round = 0; round < SWITCH_ROUNDS; round++)
    {
      Switch switches[MAX_SWITCHES];
      guint n_switches = find_switches (self, best->spend, NULL, switches, MAX_SWITCHES);
      guint first_followup, winner;

      starts->n_starts = 0;
      for (guint i = 0; i < n_switches; i++)
        add_switched (starts, best->spend, &switches[i]);
      if (starts->n_starts == 0)
        return;
      run_starts (starts, 0);

      first_followup = starts->n_starts;
      for (guint i = 0; i < n_switches; i++)
        {
          Switch followup;

          if (find_switches (self, starts->ends + (gsize) i * n, &switches[i], &followup, 1) == 1)
            add_switched (starts, starts->ends + (gsize) i * n, &followup);
        }
      run_starts (starts, first_followup);

      best->n_starts += starts->n_starts;
      best->n_evaluations += count_evaluations (starts);
      winner = pick_best (starts);
      if (starts->values[winner] <= mmx_allocator_evaluate (self, best->spend, NULL))
        return;
      memcpy (best->spend, starts->ends + (gsize) winner * n, sizeof (double) * n);
    }
}

/* Classifies each channel and checks the optimality conditions of the
 * split in @out: the marginal ROAS is the same for every channel off its
 * limits, no higher on a minimum and no lower on a maximum. */
static void
check_optimality (const MmxAllocator *self,
                  MmxAllocation      *out)
{
  double tolerance = BOUND_TOLERANCE * MAX (self->budget, 1e-9);
  double lambda = 0, gap = 0;

  out->value = mmx_allocator_evaluate (self, out->spend, out->marginal);
  for (guint k = 0; k < self->n; k++)
    {
      double x = out->spend[k];

      if (self->lower[k] == self->upper[k] || x <= self->lower[k] + tolerance)
        out->at_bound[k] = MMX_BOUND_MIN;
      else if (x >= self->upper[k] - tolerance)
        out->at_bound[k] = MMX_BOUND_MAX;
      else
        out->at_bound[k] = MMX_BOUND_NONE;
      /* A channel held back only because the others' minimums take the
       * rest of the budget cannot grow either. */
      if (out->at_bound[k] != MMX_BOUND_MAX && x < self->ceiling[k] - tolerance)
        lambda = MAX (lambda, out->marginal[k]);
    }
  for (guint k = 0; k < self->n && lambda > 0 && isfinite (lambda); k++)
    if (out->at_bound[k] != MMX_BOUND_MIN)
      gap = MAX (gap, (lambda - out->marginal[k]) / lambda);
  out->marginal_roas = lambda;
  out->optimality_gap = isfinite (lambda) ? gap : INFINITY;
  out->verified = gap <= KKT_TOLERANCE && isfinite (lambda);
}

/* Sets up the solve of @budget. Returns %FALSE when the budget leaves a
 * single split, which it then puts in @out: every channel at its minimum,
 * at its maximum, or one channel taking it all. */
static gboolean
begin (MmxAllocator  *self,
       double         budget,
       MmxAllocation *out)
{
  guint n = self->n;
  double minimum = mmx_allocator_get_min_budget (self);

  g_return_val_if_fail (budget >= minimum * (1 - 1e-12), FALSE);
  g_return_val_if_fail (budget <= mmx_allocator_get_max_budget (self) * (1 + 1e-12), FALSE);

  self->budget = budget;
  /* No channel can take more than what the others' minimums leave. */
  for (guint k = 0; k < n; k++)
    self->ceiling[k] = MAX (MIN (self->upper[k], budget - (minimum - self->lower[k])),
                            self->lower[k]);
  out->n_starts = 0;
  out->n_evaluations = 0;
  if (n == 0)
    return FALSE;
  if (budget <= minimum || budget >= mmx_allocator_get_max_budget (self) || n == 1)
    {
      for (guint k = 0; k < n; k++)
        out->spend[k] = 1;
      fill (self, out->spend, out->spend);
      out->n_starts = 1;
      return FALSE;
    }
  return TRUE;
}

static void
starts_init (Starts             *starts,
             const MmxAllocator *self,
             guint               max_starts)
{
  gsize size = (gsize) max_starts * MAX (self->n, 1);

  *starts = (Starts) { self, 0, 0, g_new (double, 2 * size), NULL, g_new (double, max_starts),
                       g_new0 (guint, max_starts) };
  starts->ends = starts->starts + size;
}

static void
starts_clear (Starts *starts)
{
  g_free (starts->starts);
  g_free (starts->values);
  g_free (starts->evaluations);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Starts, starts_clear)

/**
 * mmx_allocator_solve:
 * @self: an allocator
 * @budget: the spend per period to split, between
 *   mmx_allocator_get_min_budget() and mmx_allocator_get_max_budget()
 * @current: (array) (nullable): today's split, a start in its own right
 * @hint: (array) (nullable): another split to start from, such as the
 *   best one of a nearby budget
 * @out: (out caller-allocates): an allocation from mmx_allocation_init()
 *
 * Finds the split of @budget that earns the most, from several starts.
 * Deterministic: the same budget and starts give the same split, whatever
 * the number of threads and whatever was solved before.
 */
void
mmx_allocator_solve (MmxAllocator  *self,
                     double         budget,
                     const double  *current,
                     const double  *hint,
                     MmxAllocation *out)
{
  guint n = self->n;
  g_auto(Starts) starts = { 0 };

  if (begin (self, budget, out))
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (RANDOM_SEED);
      double *between, *below, *above, *x;
      guint best;

      starts_init (&starts, self, MAX (7 + self->n_random_starts, 2 * MAX_SWITCHES));
      between = add_start (&starts);
      below = add_start (&starts);
      above = add_start (&starts);
      relax (self, NULL, between, below, above);
      if (current != NULL)
        {
          x = add_start (&starts);
          for (guint k = 0; k < n; k++)
            x[k] = MAX (current[k] - self->lower[k], 0);
          fill (self, x, x);
        }
      if (hint != NULL)
        {
          x = add_start (&starts);
          memcpy (x, hint, sizeof (double) * n);
          repair (self, x);
        }
      x = add_start (&starts);
      for (guint k = 0; k < n; k++)
        x[k] = 1;
      fill (self, x, x);
      greedy (self, add_start (&starts));
      for (guint s = 0; s < self->n_random_starts; s++)
        {
          x = add_start (&starts);
          for (guint k = 0; k < n; k++)
            x[k] = -log (1 - g_rand_double (rand));
          fill (self, x, x);
        }

      run_starts (&starts, 0);
      best = pick_best (&starts);
      memcpy (out->spend, starts.ends + (gsize) best * n, sizeof (double) * n);
      out->n_starts = starts.n_starts;
      out->n_evaluations = count_evaluations (&starts);
      improve_by_switching (&starts, out);
    }

  check_optimality (self, out);
}

/**
 * mmx_allocator_refine:
 * @self: an allocator
 * @budget: the spend per period to split
 * @start: (array): a split to start from
 * @out: (out caller-allocates): an allocation from mmx_allocation_init()
 *
 * Searches with SLSQP from @start moved onto the budget, one start only:
 * a local optimum near a split, as when the user moves one channel by
 * hand; not, on S-shaped curves, necessarily the best split. SLSQP begins
 * two Newton steps on, where those earn more than @start; channels
 * guessed to end on a limit wait there, out of its way, and a second run
 * takes back those the optimality conditions want off it. So on S-shaped
 * curves the search may end at another local optimum than one run of
 * SLSQP over all channels would.
 */
void
mmx_allocator_refine (MmxAllocator  *self,
                      double         budget,
                      const double  *start,
                      MmxAllocation *out)
{
  g_auto(Starts) starts = { 0 };

  if (begin (self, budget, out))
    {
      double *x;

      starts_init (&starts, self, 1);
      x = add_start (&starts);
      memcpy (x, start, sizeof (double) * self->n);
      repair (self, x);
      run_starts (&starts, 0);
      memcpy (out->spend, starts.ends, sizeof (double) * self->n);
      out->n_starts = 1;
      out->n_evaluations = starts.evaluations[0];
    }
  check_optimality (self, out);
}

/**
 * mmx_allocation_init:
 * @allocation: (out caller-allocates): an allocation to set up
 * @n_channels: its channels
 */
void
mmx_allocation_init (MmxAllocation *allocation,
                     guint          n_channels)
{
  *allocation = (MmxAllocation) { 0 };
  allocation->spend = g_new0 (double, MAX (n_channels, 1));
  allocation->marginal = g_new0 (double, MAX (n_channels, 1));
  allocation->at_bound = g_new0 (MmxBound, MAX (n_channels, 1));
}

void
mmx_allocation_clear (MmxAllocation *allocation)
{
  g_clear_pointer (&allocation->spend, g_free);
  g_clear_pointer (&allocation->marginal, g_free);
  g_clear_pointer (&allocation->at_bound, g_free);
}

void
mmx_allocation_copy (const MmxAllocation *allocation,
                     guint                n_channels,
                     MmxAllocation       *copy)
{
  *copy = *allocation;
  copy->spend = g_memdup2 (allocation->spend, sizeof (double) * MAX (n_channels, 1));
  copy->marginal = g_memdup2 (allocation->marginal, sizeof (double) * MAX (n_channels, 1));
  copy->at_bound = g_memdup2 (allocation->at_bound, sizeof (MmxBound) * MAX (n_channels, 1));
}
