/* bench-optimize.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "mmx-allocator.h"
#include "mmx-attribution-private.h"
#include "mmx-optimizer.h"
#include "mmx-test-mmm-data.h"

/* The optimizer's speed, on the problem of the bench's SciPy peer
 * (/work/shared/bench/peer_optimize_scipy.py): the steady-state curves,
 * today's total daily spend as the budget, each channel between half and
 * twice today's spend.
 *
 *   bench-optimize                    the goals: the whole optimization
 *                                     (every start, the checks, 1000
 *                                     bootstrap replicates) of 5 channels
 *                                     under 5 ms and of 50 under 100 ms, a
 *                                     20-point sweep of 20 channels under
 *                                     200 ms; exits 1 when one is missed
 *   bench-optimize --truth FILE       one JSON line on the peer's truth
 *                                     file, for compare-optimize.sh
 *
 * Times are medians over repetitions in one process, wall clock. */

#define REPLICATES 1000

typedef struct
{
  guint        n;
  char       **names;
  MmxResponse *responses;
  double      *current;
} Problem;

static void
problem_clear (Problem *problem)
{
  g_strfreev (problem->names);
  g_free (problem->responses);
  g_free (problem->current);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Problem, problem_clear)

static void
random_problem (guint    n,
                guint32  seed,
                Problem *problem)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);

  problem->n = n;
  problem->names = g_new0 (char *, n + 1);
  problem->responses = g_new (MmxResponse, n);
  problem->current = g_new (double, n);
  mmx_test_mmm_random_curves (rand, n, problem->responses, problem->current);
  for (guint k = 0; k < n; k++)
    problem->names[k] = g_strdup_printf ("ch%02u", k);
}

/* The truth JSON of gen_data.py: y(x) = beta hill (x / (1 - decay)). */
static void
load_truth (const char *path,
            Problem    *problem)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GList) members = NULL;
  JsonObject *params;
  guint k = 0;

  if (!json_parser_load_from_file (parser, path, &error))
    g_error ("%s: %s", path, error->message);
  params = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)),
                                          "channel_params");
  members = json_object_get_members (params);
  problem->n = g_list_length (members);
  problem->names = g_new0 (char *, problem->n + 1);
  problem->responses = g_new (MmxResponse, problem->n);
  problem->current = g_new (double, problem->n);
  for (GList *l = members; l != NULL; l = l->next, k++)
    {
      JsonObject *channel = json_object_get_object_member (params, l->data);

      problem->names[k] = g_strdup (l->data);
      problem->responses[k] = (MmxResponse) {
        { MMX_ADSTOCK_GEOMETRIC, json_object_get_double_member (channel, "decay") },
        { json_object_get_double_member (channel, "half_saturation"),
          json_object_get_double_member (channel, "shape") },
        json_object_get_double_member (channel, "beta"),
      };
      problem->current[k] = json_object_get_double_member (channel, "mean_daily_spend");
    }
}

/* An attribution holding the curves, with bootstrap replicates whose
 * betas spread by up to 20 %. */
static MmxAttribution *
make_attribution (const Problem *problem)
{
  MmxAttribution *self = _mmx_attribution_new_empty ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);

  self->method = MMX_ATTRIBUTION_MMM;
  self->granularity = MMX_GRANULARITY_DAILY;
  self->first_day = 738000;
  self->n_periods = 365;
  for (guint k = 0; k < problem->n; k++)
    {
      MmxChannelAttribution *channel = g_new0 (MmxChannelAttribution, 1);

      channel->name = g_strdup (problem->names[k]);
      channel->measured = TRUE;
      channel->current_spend = problem->current[k];
      channel->response = problem->responses[k];
      g_ptr_array_add (self->channels, channel);
    }
  self->n_replicates = REPLICATES;
  self->replicates = g_new (MmxResponse, (gsize) REPLICATES * problem->n);
  for (guint r = 0; r < REPLICATES; r++)
    for (guint k = 0; k < problem->n; k++)
      {
        MmxResponse *response = &self->replicates[(gsize) r * problem->n + k];

        *response = problem->responses[k];
        response->beta *= 1 + 0.2 * g_rand_double_range (rand, -1, 1);
      }
  return self;
}

static void
peer_settings (const Problem        *problem,
               gboolean              frontier,
               MmxOptimizerSettings *settings)
{
  mmx_optimizer_settings_init (settings);
  settings->period = MMX_BUDGET_PERIOD_DAY;
  settings->frontier = frontier;
  settings->budget = 0;
  for (guint k = 0; k < problem->n; k++)
    {
      MmxChannelLimits *limits = mmx_optimizer_settings_get_limits (settings, problem->names[k]);

      limits->min = 0.5 * problem->current[k];
      limits->max = 2 * problem->current[k];
      settings->budget += problem->current[k];
    }
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

typedef struct
{
  double median;
  double min;
  double max;
  double value;
  guint  starts;
  guint  evaluations;
} Timing;

typedef enum
{
  JOB_REFINE,
  JOB_SOLVE,
  JOB_OPTIMIZE,
  JOB_FRONTIER,
} Job;

/* Times @job @reps times. REFINE and SOLVE are the allocator alone (one
 * SLSQP run from today's split; every start); OPTIMIZE and FRONTIER the
 * whole mmx_optimizer_run(), without and with the sweep. */
static Timing
time_job (const Problem *problem,
          Job            job,
          guint          reps)
{
  g_autoptr(MmxAttribution) attribution = make_attribution (problem);
  g_autofree double *lower = g_new (double, problem->n);
  g_autofree double *upper = g_new (double, problem->n);
  g_autofree double *times = g_new (double, reps);
  g_autoptr(MmxAllocator) allocator = NULL;
  MmxOptimizerSettings settings;
  MmxAllocation allocation;
  Timing timing = { 0 };

  peer_settings (problem, job == JOB_FRONTIER, &settings);
  for (guint k = 0; k < problem->n; k++)
    {
      lower[k] = 0.5 * problem->current[k];
      upper[k] = 2 * problem->current[k];
    }
  allocator = mmx_allocator_new (problem->n, problem->responses, lower, upper);
  mmx_allocation_init (&allocation, problem->n);
  for (guint r = 0; r < reps; r++)
    {
      gint64 start = g_get_monotonic_time ();

      if (job == JOB_REFINE)
        mmx_allocator_refine (allocator, settings.budget, problem->current, &allocation);
      else if (job == JOB_SOLVE)
        mmx_allocator_solve (allocator, settings.budget, problem->current, NULL, &allocation);
      else
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(MmxOptimization) result = mmx_optimizer_run (attribution, &settings, NULL,
                                                                 &error);

          if (result == NULL)
            g_error ("%s", error->message);
          allocation.value = result->recommended.revenue;
          allocation.n_starts = result->n_starts;
        }
      times[r] = (g_get_monotonic_time () - start) / 1000.0;
    }
  qsort (times, reps, sizeof (double), compare_doubles);
  timing.median = reps % 2 ? times[reps / 2] : (times[reps / 2 - 1] + times[reps / 2]) / 2;
  timing.min = times[0];
  timing.max = times[reps - 1];
  timing.value = allocation.value;
  timing.starts = allocation.n_starts;
  timing.evaluations = allocation.n_evaluations;
  mmx_allocation_clear (&allocation);
  mmx_optimizer_settings_clear (&settings);
  return timing;
}

static void
add_timing (JsonBuilder  *builder,
            const char   *member,
            const Timing *timing)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "t_median_ms");
  json_builder_add_double_value (builder, timing->median);
  json_builder_set_member_name (builder, "t_min_ms");
  json_builder_add_double_value (builder, timing->min);
  json_builder_set_member_name (builder, "t_max_ms");
  json_builder_add_double_value (builder, timing->max);
  json_builder_set_member_name (builder, "value");
  json_builder_add_double_value (builder, timing->value);
  json_builder_set_member_name (builder, "starts");
  json_builder_add_int_value (builder, timing->starts);
  json_builder_set_member_name (builder, "evaluations");
  json_builder_add_int_value (builder, timing->evaluations);
  json_builder_end_object (builder);
}

static int
compare_with_peer (const char *truth,
                   guint       reps)
{
  g_auto(Problem) problem = { 0 };
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  Timing refine, solve, optimize, frontier;

  load_truth (truth, &problem);
  refine = time_job (&problem, JOB_REFINE, reps);
  solve = time_job (&problem, JOB_SOLVE, reps);
  optimize = time_job (&problem, JOB_OPTIMIZE, reps);
  frontier = time_job (&problem, JOB_FRONTIER, MAX (reps / 10, 3));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "file");
  json_builder_add_string_value (builder, truth);
  json_builder_set_member_name (builder, "channels");
  json_builder_add_int_value (builder, problem.n);
  json_builder_set_member_name (builder, "threads");
  json_builder_add_int_value (builder, g_get_num_processors ());
  add_timing (builder, "refine", &refine);
  add_timing (builder, "solve", &solve);
  add_timing (builder, "optimize", &optimize);
  add_timing (builder, "frontier", &frontier);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  printf ("%s\n", text);
  return 0;
}

static gboolean
check_goal (const char *what,
            guint       n_channels,
            Job         job,
            guint       reps,
            double      goal_ms)
{
  g_auto(Problem) problem = { 0 };
  Timing timing;
  gboolean met;

  random_problem (n_channels, n_channels, &problem);
  timing = time_job (&problem, job, reps);
  met = timing.median < goal_ms;
  printf ("%-44s %8.3f ms median (%.3f–%.3f), goal %5.0f ms: %s\n", what, timing.median,
          timing.min, timing.max, goal_ms, met ? "met" : "MISSED");
  return met;
}

int
main (int    argc,
      char **argv)
{
  gboolean met = TRUE;

  if (argc >= 3 && g_str_equal (argv[1], "--truth"))
    return compare_with_peer (argv[2], argc >= 5 ? (guint) atoi (argv[4]) : 20);

  printf ("budget optimizer, %u threads, %d replicates, medians of repeated runs\n",
          g_get_num_processors (), REPLICATES);
  met &= check_goal ("optimize, 5 channels", 5, JOB_OPTIMIZE, 200, 5);
  met &= check_goal ("optimize, 50 channels", 50, JOB_OPTIMIZE, 20, 100);
  met &= check_goal ("optimize + 20-point sweep, 20 channels", 20, JOB_FRONTIER, 10, 200);
  return met ? 0 : 1;
}
