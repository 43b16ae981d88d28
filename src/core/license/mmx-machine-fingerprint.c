/* mmx-machine-fingerprint.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sodium.h>
#include <string.h>

#include "mmx-license.h"
#include "mmx-machine-fingerprint.h"

/* The machine id must not leave the computer (machine-id(5) asks for an
 * application-specific hash), so the server only ever sees a keyed hash
 * of it: stable for one computer, useless for tracking it elsewhere. */
static const char fingerprint_key[] = "io.github.marketingmix machine fingerprint v1";

static const char * const machine_id_files[] = {
  "/etc/machine-id",
  "/var/lib/dbus/machine-id",
};

/**
 * mmx_machine_fingerprint_for_id:
 * @machine_id: a machine id: 32 hex digits, as in /etc/machine-id
 * @error: a location for a #GError
 *
 * Returns: (transfer full): the fingerprint, or %NULL with @error set
 */
char *
mmx_machine_fingerprint_for_id (const char  *machine_id,
                                GError     **error)
{
  guint8 id[16];
  guint8 hash[32];
  gsize length = 0;
  const char *end = NULL;
  char *hex;

  g_return_val_if_fail (machine_id != NULL, NULL);

  if (strlen (machine_id) != 2 * sizeof id
      || sodium_hex2bin (id, sizeof id, machine_id, strlen (machine_id), NULL, &length, &end) != 0
      || length != sizeof id)
    {
      g_set_error (error, MMX_LICENSE_ERROR, MMX_LICENSE_ERROR_NO_MACHINE_ID,
                   _("The machine id “%s” is not 32 hexadecimal digits."), machine_id);
      return NULL;
    }

  crypto_generichash (hash, sizeof hash, id, sizeof id,
                      (const guint8 *) fingerprint_key, sizeof fingerprint_key - 1);
  hex = g_malloc (2 * sizeof hash + 1);
  sodium_bin2hex (hex, 2 * sizeof hash + 1, hash, sizeof hash);
  sodium_memzero (id, sizeof id);
  return hex;
}

/**
 * mmx_machine_fingerprint:
 * @error: a location for a #GError
 *
 * Returns: (transfer full): this computer's fingerprint, or %NULL with
 *   @error set
 */
char *
mmx_machine_fingerprint (GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (machine_id_files); i++)
    {
      g_autofree char *contents = NULL;

      if (g_file_get_contents (machine_id_files[i], &contents, NULL, NULL))
        return mmx_machine_fingerprint_for_id (g_strstrip (contents), error);
    }
  g_set_error (error, MMX_LICENSE_ERROR, MMX_LICENSE_ERROR_NO_MACHINE_ID,
               _("This computer has no machine id (%s): Premium needs one to be activated. "
                 "Run “systemd-machine-id-setup” as root."), machine_id_files[0]);
  return NULL;
}

/**
 * mmx_machine_fingerprint_is_valid:
 * @fingerprint: (nullable): text
 *
 * Returns: whether @fingerprint has the form of a fingerprint
 */
gboolean
mmx_machine_fingerprint_is_valid (const char *fingerprint)
{
  if (fingerprint == NULL || strlen (fingerprint) != MMX_MACHINE_FINGERPRINT_LENGTH)
    return FALSE;
  for (guint i = 0; i < MMX_MACHINE_FINGERPRINT_LENGTH; i++)
    if (!g_ascii_isxdigit (fingerprint[i]) || g_ascii_isupper (fingerprint[i]))
      return FALSE;
  return TRUE;
}
