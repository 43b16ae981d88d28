/* mmx-baseline-design.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mmx-baseline-design"

#include "config.h"

#include <math.h>

#include "mmx-baseline-design.h"
#include "mmx-date.h"
#include "mmx-fourier.h"

#define WEEKLY_ORDER 3
/* Yearly harmonics by history: a year of data pins down one wave, two
 * years a richer shape. */
#define DAYS_FOR_YEARLY 300
#define DAYS_FOR_RICH_YEARLY 700
#define YEARLY_ORDER 2
#define RICH_YEARLY_ORDER 4

/* Change points only in the first 80 % of history, as Prophet does: a
 * bend near the end is guessed from too few days. */
#define CHANGE_POINT_RANGE 0.8

typedef struct
{
  GArray    *kinds;
  GPtrArray *names;
  GArray    *columns;   /* of double *, one array of n_periods each */
  guint      n;
} Builder;

static double *
add_column (Builder         *builder,
            MmxBaselineKind  kind,
            char            *name)
{
  double *column = g_new0 (double, builder->n);

  g_array_append_val (builder->kinds, kind);
  g_ptr_array_add (builder->names, name);
  g_array_append_val (builder->columns, column);
  return column;
}

/* Centres and scales @column; returns FALSE when it is constant, which
 * carries nothing the intercept does not. */
static gboolean
standardise (double *column,
             guint   n)
{
  double mean = 0, var = 0;

  for (guint t = 0; t < n; t++)
    mean += column[t];
  mean /= n;
  for (guint t = 0; t < n; t++)
    var += (column[t] - mean) * (column[t] - mean);
  var /= n;
  if (var < 1e-12)
    return FALSE;
  for (guint t = 0; t < n; t++)
    column[t] = (column[t] - mean) / sqrt (var);
  return TRUE;
}

static void
drop_column (Builder *builder,
             guint    index)
{
  g_free (g_array_index (builder->columns, double *, index));
  g_free (g_ptr_array_index (builder->names, index));
  g_array_remove_index (builder->columns, index);
  g_array_remove_index (builder->kinds, index);
  g_ptr_array_remove_index (builder->names, index);
}

static void
drop_last_column (Builder *builder)
{
  drop_column (builder, builder->columns->len - 1);
}

static void
add_fourier (Builder         *builder,
             MmxBaselineKind  kind,
             const char      *label,
             const MmxPanel  *panel,
             double           period_days,
             guint            order)
{
  g_autofree double *terms = g_new (double, 2 * order);
  g_autofree double **columns = g_new (double *, 2 * order);

  for (guint j = 0; j < 2 * order; j++)
    columns[j] = add_column (builder, kind, g_strdup_printf ("%s %s %u", label,
                                                             j % 2 ? "cos" : "sin", j / 2 + 1));
  for (guint t = 0; t < builder->n; t++)
    {
      mmx_fourier_terms (mmx_panel_get_day (panel, t), period_days, order, terms);
      for (guint j = 0; j < 2 * order; j++)
        columns[j][t] = terms[j];
    }
  /* Last first, so dropping one leaves the others' places. */
  for (guint j = 2 * order; j-- > 0;)
    if (!standardise (columns[j], builder->n))
      drop_column (builder, builder->columns->len - 2 * order + j);
}

/**
 * mmx_baseline_design_new:
 * @panel: the data
 * @events: (nullable): events to give an effect each
 * @n_change_points: how many bends the trend may take
 *
 * Returns: (transfer full): the design
 */
MmxBaselineDesign *
mmx_baseline_design_new (const MmxPanel *panel,
                         MmxEvents      *events,
                         guint           n_change_points)
{
  MmxBaselineDesign *self = g_new0 (MmxBaselineDesign, 1);
  Builder builder = { 0 };
  guint n = panel->n_periods;
  guint period_days = mmx_granularity_get_days (panel->granularity);
  guint span_days = n * period_days;
  double *column;

  builder.kinds = g_array_new (FALSE, FALSE, sizeof (MmxBaselineKind));
  builder.names = g_ptr_array_new ();
  builder.columns = g_array_new (FALSE, FALSE, sizeof (double *));
  builder.n = n;

  column = add_column (&builder, MMX_BASELINE_INTERCEPT, g_strdup ("intercept"));
  for (guint t = 0; t < n; t++)
    column[t] = 1;

  column = add_column (&builder, MMX_BASELINE_TREND, g_strdup ("trend"));
  for (guint t = 0; t < n; t++)
    column[t] = t;
  if (!standardise (column, n))
    drop_last_column (&builder);

  for (guint c = 1; c <= n_change_points && n > 1; c++)
    {
      double at = CHANGE_POINT_RANGE * n * c / (n_change_points + 1);
      g_autofree char *date = mmx_date_julian_to_iso (mmx_panel_get_day (panel, (guint) at));

      column = add_column (&builder, MMX_BASELINE_CHANGE_POINT,
                           g_strdup_printf ("trend change %s", date));
      for (guint t = 0; t < n; t++)
        column[t] = MAX (0, t - at);
      if (!standardise (column, n))
        drop_last_column (&builder);
    }

  if (period_days == 1)
    add_fourier (&builder, MMX_BASELINE_WEEKLY, "weekly", panel, MMX_FOURIER_WEEK_DAYS,
                 WEEKLY_ORDER);
  if (span_days >= DAYS_FOR_YEARLY)
    add_fourier (&builder, MMX_BASELINE_YEARLY, "yearly", panel, MMX_FOURIER_YEAR_DAYS,
                 span_days >= DAYS_FOR_RICH_YEARLY ? RICH_YEARLY_ORDER : YEARLY_ORDER);

  if (events != NULL)
    {
      g_autofree double *indicators = mmx_events_build_indicators (events, panel->first_day, n,
                                                                   period_days);
      const char * const *names = mmx_events_get_names (events);
      guint n_events = g_strv_length ((GStrv) names);

      for (guint e = 0; e < n_events; e++)
        {
          column = add_column (&builder, MMX_BASELINE_EVENT, g_strdup (names[e]));
          for (guint t = 0; t < n; t++)
            column[t] = indicators[(gsize) t * n_events + e];
          if (!standardise (column, n))
            drop_last_column (&builder);
        }
    }

  for (guint c = 0; c < panel->n_controls; c++)
    {
      column = add_column (&builder, MMX_BASELINE_CONTROL, g_strdup (panel->control_names[c]));
      for (guint t = 0; t < n; t++)
        column[t] = panel->controls[(gsize) t * panel->n_controls + c];
      if (!standardise (column, n))
        drop_last_column (&builder);
    }

  self->n_periods = n;
  self->n_columns = builder.columns->len;
  self->values = g_new (double, (gsize) n * self->n_columns + 1);
  for (guint j = 0; j < self->n_columns; j++)
    {
      double *values = g_array_index (builder.columns, double *, j);

      for (guint t = 0; t < n; t++)
        self->values[(gsize) t * self->n_columns + j] = values[t];
      g_free (values);
    }
  self->kinds = (MmxBaselineKind *) (void *) g_array_free (builder.kinds, FALSE);
  g_ptr_array_add (builder.names, NULL);
  self->names = (char **) g_ptr_array_free (builder.names, FALSE);
  g_array_free (builder.columns, TRUE);
  return self;
}

void
mmx_baseline_design_free (MmxBaselineDesign *self)
{
  if (self == NULL)
    return;
  g_free (self->values);
  g_free (self->kinds);
  g_strfreev (self->names);
  g_free (self);
}

/**
 * mmx_baseline_kind_is_penalised:
 * @kind: a kind of column
 *
 * Returns: whether ridge shrinks the column: the level and the trend are
 *   left free, so shrinking them never pushes their share onto media
 */
gboolean
mmx_baseline_kind_is_penalised (MmxBaselineKind kind)
{
  return kind != MMX_BASELINE_INTERCEPT && kind != MMX_BASELINE_TREND;
}
