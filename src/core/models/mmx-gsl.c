/* mmx-gsl.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gsl/gsl_errno.h>

#include "mmx-gsl.h"

/**
 * mmx_gsl_report_errors:
 *
 * GSL's default handler aborts the program on a singular matrix or a
 * failed decomposition; the models check the status GSL returns and
 * report it instead. Every model calls this before using GSL.
 */
void
mmx_gsl_report_errors (void)
{
  static gsize done;

  if (g_once_init_enter (&done))
    {
      gsl_set_error_handler_off ();
      g_once_init_leave (&done, 1);
    }
}
