/* mmx-email.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "mmx-email.h"
#include "mmx-json-strict.h"

/* An account's address is its login: one spelling per mailbox, so
 * "Ann@Example.COM " and "ann@example.com" are one account. Only the
 * shape is checked here; nobody can tell more without sending mail. */

#define MAX_LENGTH 254
#define MAX_LOCAL_LENGTH 64

/**
 * mmx_email_normalize:
 * @text: an address as typed
 * @error: a location for a #GError
 *
 * Returns: (transfer full): the address trimmed and in lower case, or
 *   %NULL with @error set when it is not an address
 */
char *
mmx_email_normalize (const char  *text,
                     GError     **error)
{
  g_autofree char *email = g_utf8_strdown (text, -1);
  const char *at;
  const char *domain;

  g_strstrip (email);
  at = strchr (email, '@');
  domain = at != NULL ? at + 1 : NULL;
  if (strlen (email) > MAX_LENGTH || at == NULL || at == email
      || (gsize) (at - email) > MAX_LOCAL_LENGTH || strchr (domain, '@') != NULL
      || strchr (domain, '.') == NULL || domain[0] == '.' || g_str_has_suffix (domain, ".")
      || strstr (domain, "..") != NULL)
    goto invalid;
  for (const char *p = email; *p != '\0'; p++)
    if ((guchar) *p <= ' ' || *p == 0x7f || strchr ("\"(),:;<>[\\]", *p) != NULL)
      goto invalid;
  return g_steal_pointer (&email);

invalid:
  g_set_error_literal (error, MMX_JSON_ERROR, MMX_JSON_ERROR_SCHEMA,
                       "The e-mail address is not valid: write it as name@example.com.");
  return NULL;
}
