/* mmx-license.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "mmx-keyring.h"

G_BEGIN_DECLS

#define MMX_LICENSE_ERROR (mmx_license_error_quark ())

/**
 * MmxLicenseError:
 * @MMX_LICENSE_ERROR_MALFORMED: the file is not a license file
 * @MMX_LICENSE_ERROR_UNKNOWN_KEY: a key this program does not trust signed it
 * @MMX_LICENSE_ERROR_BAD_SIGNATURE: the signature does not match: changed or forged
 * @MMX_LICENSE_ERROR_OTHER_MACHINE: the file was issued for another computer
 * @MMX_LICENSE_ERROR_NOT_YET_VALID: issued after the time the clock shows
 * @MMX_LICENSE_ERROR_EXPIRED: the file is older than its 30 days; renew it online
 * @MMX_LICENSE_ERROR_LICENSE_ENDED: the license itself has ended
 * @MMX_LICENSE_ERROR_CLOCK_TURNED_BACK: the clock is behind a time already seen
 * @MMX_LICENSE_ERROR_NO_MACHINE_ID: this computer has no machine id
 * @MMX_LICENSE_ERROR_FILE: a file cannot be read or written
 */
typedef enum
{
  MMX_LICENSE_ERROR_MALFORMED,
  MMX_LICENSE_ERROR_UNKNOWN_KEY,
  MMX_LICENSE_ERROR_BAD_SIGNATURE,
  MMX_LICENSE_ERROR_OTHER_MACHINE,
  MMX_LICENSE_ERROR_NOT_YET_VALID,
  MMX_LICENSE_ERROR_EXPIRED,
  MMX_LICENSE_ERROR_LICENSE_ENDED,
  MMX_LICENSE_ERROR_CLOCK_TURNED_BACK,
  MMX_LICENSE_ERROR_NO_MACHINE_ID,
  MMX_LICENSE_ERROR_FILE,
} MmxLicenseError;

/* How long an offline license file lasts before the app renews it. */
#define MMX_LICENSE_FILE_TTL_SECONDS (30 * 24 * 3600)

/* Clocks of the server and the computer may disagree by this much. */
#define MMX_LICENSE_CLOCK_SKEW_SECONDS (5 * 60)

#define MMX_LICENSE_FILE_MAX_LENGTH (16 * 1024)

/**
 * MmxLicense:
 * @license_id: the license's id on the server
 * @account: the account's id
 * @tier: "premium"
 * @entitlements: what it unlocks: "attribution", "forecast", "optimizer"
 * @seats: how many computers it may be active on
 * @machine: the fingerprint of the computer the file is for
 * @license_expires: when the license ends, in seconds since 1970 UTC
 * @issued: when the file was signed
 * @expires: when the file stops being valid
 * @kid: the id of the key that signed it
 *
 * What an offline license file says.
 */
typedef struct
{
  char   *license_id;
  char   *account;
  char   *tier;
  GStrv   entitlements;
  gint64  seats;
  char   *machine;
  gint64  license_expires;
  gint64  issued;
  gint64  expires;
  char   *kid;
} MmxLicense;

GQuark      mmx_license_error_quark      (void);
char       *mmx_license_sign             (const MmxLicense  *license,
                                          const char        *kid,
                                          const guint8       secret_key[crypto_sign_SECRETKEYBYTES]) G_GNUC_WARN_UNUSED_RESULT;
MmxLicense *mmx_license_verify           (const char        *data,
                                          gsize              length,
                                          MmxKeyring        *keyring,
                                          const char        *fingerprint,
                                          gint64             now,
                                          gint64             last_seen,
                                          GError           **error) G_GNUC_WARN_UNUSED_RESULT;
MmxLicense *mmx_license_check_file       (const char        *path,
                                          MmxKeyring        *keyring,
                                          const char        *fingerprint,
                                          const char        *state_path,
                                          GError           **error) G_GNUC_WARN_UNUSED_RESULT;
char       *mmx_license_get_state_path   (void) G_GNUC_WARN_UNUSED_RESULT;
JsonBuilder *mmx_license_build_json      (const MmxLicense  *license) G_GNUC_WARN_UNUSED_RESULT;
gboolean    mmx_license_has_entitlement  (const MmxLicense  *license,
                                          const char        *entitlement);
void        mmx_license_free             (MmxLicense        *license);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MmxLicense, mmx_license_free)

G_END_DECLS
