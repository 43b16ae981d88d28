/* mmx-cli-license.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "mmx-cli.h"
#include "mmx-date.h"
#include "mmx-license.h"
#include "mmx-machine-fingerprint.h"

/* marketingmix-cli license: checks an offline license file on this
 * computer, as the app does, or prints the computer's fingerprint. */

int
mmx_cli_license (const char  *db_path,
                 int          argc,
                 char       **argv)
{
  gboolean json = FALSE;
  gboolean fingerprint_only = FALSE;
  g_autofree char *keys_file = NULL;
  g_autofree char *fingerprint = NULL;
  g_autofree char *state_path = mmx_license_get_state_path ();
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(MmxKeyring) keyring = mmx_keyring_new_for_licenses ();
  g_autoptr(MmxLicense) license = NULL;
  g_autoptr(GError) error = NULL;
  const GOptionEntry entries[] = {
    { "keys", 0, 0, G_OPTION_ARG_FILENAME, &keys_file, N_("Also trust the public keys of this file (a self-hosted server’s .pub)"), N_("FILE") },
    { "fingerprint", 0, 0, G_OPTION_ARG_NONE, &fingerprint_only, N_("Print this computer’s fingerprint, which activations name"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("FILE — check an offline license file on this computer"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!mmx_cli_parse_options (context, &argc, &argv))
    return MMX_CLI_EXIT_USAGE;

  fingerprint = mmx_machine_fingerprint (&error);
  if (fingerprint == NULL)
    {
      mmx_cli_print_error (error);
      return MMX_CLI_EXIT_FAILURE;
    }
  if (fingerprint_only)
    {
      if (argc > 1)
        return mmx_cli_usage_error (context, _("Unexpected argument “%s”."), argv[1]);
      g_print ("%s\n", fingerprint);
      return MMX_CLI_EXIT_OK;
    }
  if (argc != 2)
    return mmx_cli_usage_error (context, _("Name one license file."));
  if (keys_file != NULL && !mmx_keyring_load_file (keyring, keys_file, &error))
    {
      mmx_cli_print_error (error);
      return MMX_CLI_EXIT_USAGE;
    }

  license = mmx_license_check_file (argv[1], keyring, fingerprint, state_path, &error);
  if (license == NULL)
    {
      mmx_cli_print_error (error);
      return MMX_CLI_EXIT_FAILURE;
    }

  if (json)
    {
      g_autoptr(JsonBuilder) builder = mmx_license_build_json (license);

      mmx_cli_print_json (builder);
    }
  else
    {
      g_autofree char *ends = mmx_date_unix_to_iso (license->license_expires);
      g_autofree char *renew = mmx_date_unix_to_iso (license->expires);
      g_autofree char *unlocks = g_strjoinv (", ", license->entitlements);

      g_print (_("Valid %s license %s for this computer: %s. The license runs until %s; this "
                 "file until %s, unless renewed online first.\n"),
               license->tier, license->license_id, unlocks, ends, renew);
    }
  return MMX_CLI_EXIT_OK;
}
