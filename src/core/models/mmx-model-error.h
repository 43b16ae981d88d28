/* mmx-model-error.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define MMX_MODEL_ERROR (mmx_model_error_quark ())

/**
 * MmxModelError:
 * @MMX_MODEL_ERROR_NOT_ENOUGH_DATA: the history is too short, or holds no
 *   spend to model
 * @MMX_MODEL_ERROR_INVALID_SETTINGS: a setting is out of its range or names
 *   something that does not exist
 * @MMX_MODEL_ERROR_BAD_FILE: a lift test does not fit the data, or a
 *   saved result cannot be read
 * @MMX_MODEL_ERROR_FAILED: the model could not be fitted
 * @MMX_MODEL_ERROR_NO_RESULT: a result the model needs (an attribution
 *   for the optimizer) does not exist yet
 */
typedef enum
{
  MMX_MODEL_ERROR_NOT_ENOUGH_DATA,
  MMX_MODEL_ERROR_INVALID_SETTINGS,
  MMX_MODEL_ERROR_BAD_FILE,
  MMX_MODEL_ERROR_FAILED,
  MMX_MODEL_ERROR_NO_RESULT,
} MmxModelError;

GQuark mmx_model_error_quark (void);

G_END_DECLS
