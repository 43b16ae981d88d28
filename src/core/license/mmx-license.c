/* mmx-license.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mmx-license"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "mmx-date.h"
#include "mmx-json.h"
#include "mmx-json-strict.h"
#include "mmx-license.h"

/* A license file is a JSON envelope around a base64url JSON payload:
 *
 *   {"format":"marketingmix-license","version":1,"alg":"Ed25519",
 *    "kid":"…","payload":"…","signature":"…"}
 *
 * The Ed25519 signature covers a domain-separated string (the context
 * below, the key id and the payload's bytes), so no other message signed
 * with the same key (an access token, say) can ever pass for a license,
 * and the key id cannot be swapped. Exactly one format, version and
 * algorithm is accepted: nothing in the file chooses how it is checked. */

#define FORMAT "marketingmix-license"
#define FORMAT_VERSION 1
#define ALGORITHM "Ed25519"
#define SIGNING_CONTEXT "marketingmix-license-v1"

#define MAX_FIELD_CHARS 256
#define MAX_ENTITLEMENTS 32

G_DEFINE_QUARK (mmx-license-error-quark, mmx_license_error)

static const char * const envelope_members[] = {
  "format", "version", "alg", "kid", "payload", "signature", NULL
};

static const char * const payload_members[] = {
  "license_id", "account", "tier", "entitlements", "seats", "machine",
  "license_expires", "issued", "expires", NULL
};

void
mmx_license_free (MmxLicense *license)
{
  if (license == NULL)
    return;
  g_free (license->license_id);
  g_free (license->account);
  g_free (license->tier);
  g_strfreev (license->entitlements);
  g_free (license->machine);
  g_free (license->kid);
  g_free (license);
}

static GBytes *
signing_input (const char *kid,
               const char *payload,
               gsize       payload_length)
{
  GByteArray *input = g_byte_array_new ();

  g_byte_array_append (input, (const guint8 *) SIGNING_CONTEXT "\n", strlen (SIGNING_CONTEXT) + 1);
  g_byte_array_append (input, (const guint8 *) kid, strlen (kid));
  g_byte_array_append (input, (const guint8 *) "\n", 1);
  g_byte_array_append (input, (const guint8 *) payload, payload_length);
  return g_byte_array_free_to_bytes (input);
}

static void
add_payload_members (JsonBuilder      *builder,
                     const MmxLicense *license)
{
  mmx_json_add_string (builder, "license_id", license->license_id);
  mmx_json_add_string (builder, "account", license->account);
  mmx_json_add_string (builder, "tier", license->tier);
  mmx_json_add_strv (builder, "entitlements", (const char * const *) license->entitlements);
  mmx_json_add_int (builder, "seats", license->seats);
  mmx_json_add_string (builder, "machine", license->machine);
  mmx_json_add_int (builder, "license_expires", license->license_expires);
  mmx_json_add_int (builder, "issued", license->issued);
  mmx_json_add_int (builder, "expires", license->expires);
}

static char *
build_payload (const MmxLicense *license)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  add_payload_members (builder, license);
  json_builder_end_object (builder);
  return mmx_json_to_string (builder, FALSE);
}

/**
 * mmx_license_build_json:
 * @license: a verified license
 *
 * Returns: (transfer full): what the license says, with the id of the key
 *   that signed it, as the CLI prints it
 */
JsonBuilder *
mmx_license_build_json (const MmxLicense *license)
{
  JsonBuilder *builder = json_builder_new ();

  json_builder_begin_object (builder);
  add_payload_members (builder, license);
  mmx_json_add_string (builder, "kid", license->kid);
  json_builder_end_object (builder);
  return builder;
}

/**
 * mmx_license_sign:
 * @license: what the file says; its @kid is ignored
 * @kid: the id of the signing key
 * @secret_key: the Ed25519 secret key
 *
 * Returns: (transfer full): the license file, one line of JSON
 */
char *
mmx_license_sign (const MmxLicense *license,
                  const char       *kid,
                  const guint8      secret_key[crypto_sign_SECRETKEYBYTES])
{
  g_autofree char *payload = build_payload (license);
  g_autoptr(GBytes) input = signing_input (kid, payload, strlen (payload));
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *payload_b64 = NULL;
  g_autofree char *signature_b64 = NULL;
  g_autofree char *text = NULL;
  guint8 signature[crypto_sign_BYTES];
  gsize input_length;
  const guint8 *input_data = g_bytes_get_data (input, &input_length);

  g_return_val_if_fail (mmx_key_id_is_valid (kid), NULL);

  crypto_sign_detached (signature, NULL, input_data, input_length, secret_key);
  payload_b64 = mmx_key_encode ((const guint8 *) payload, strlen (payload));
  signature_b64 = mmx_key_encode (signature, sizeof signature);

  json_builder_begin_object (builder);
  mmx_json_add_string (builder, "format", FORMAT);
  mmx_json_add_int (builder, "version", FORMAT_VERSION);
  mmx_json_add_string (builder, "alg", ALGORITHM);
  mmx_json_add_string (builder, "kid", kid);
  mmx_json_add_string (builder, "payload", payload_b64);
  mmx_json_add_string (builder, "signature", signature_b64);
  json_builder_end_object (builder);
  text = mmx_json_to_string (builder, FALSE);
  return g_strconcat (text, "\n", NULL);
}

static gboolean
malformed (GError     **error,
           const char  *detail)
{
  g_set_error (error, MMX_LICENSE_ERROR, MMX_LICENSE_ERROR_MALFORMED,
               _("This is not a valid MarketingMix license file: %s"), detail);
  return FALSE;
}

static gboolean
read_json (JsonObject         *object,
           const char * const *members,
           GError            **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!mmx_json_check_members (object, members, &local_error))
    return malformed (error, local_error->message);
  return TRUE;
}

static gboolean
read_string (JsonObject  *object,
             const char  *member,
             char       **out,
             GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  const char *value;

  if (!mmx_json_read_string (object, member, TRUE, MAX_FIELD_CHARS, &value, &local_error))
    return malformed (error, local_error->message);
  *out = g_strdup (value);
  return TRUE;
}

static gboolean
read_int (JsonObject  *object,
          const char  *member,
          gint64       min,
          gint64      *out,
          GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!mmx_json_read_int (object, member, TRUE, min, G_MAXINT64, out, &local_error))
    return malformed (error, local_error->message);
  return TRUE;
}

static gboolean
read_entitlements (JsonObject  *object,
                   GStrv       *out,
                   GError     **error)
{
  JsonNode *node = json_object_get_member (object, "entitlements");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return malformed (error, _("“entitlements” must be a list."));
  array = json_node_get_array (node);
  if (json_array_get_length (array) > MAX_ENTITLEMENTS)
    return malformed (error, _("“entitlements” is too long."));
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (json_node_get_value_type (element) != G_TYPE_STRING
          || strlen (json_node_get_string (element)) > MAX_FIELD_CHARS)
        return malformed (error, _("“entitlements” must list names."));
      g_strv_builder_add (builder, json_node_get_string (element));
    }
  *out = g_strv_builder_end (builder);
  return TRUE;
}

static MmxLicense *
parse_payload (const char  *payload,
               gsize        length,
               GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonObject) object = mmx_json_parse_object (payload, length,
                                                        MMX_LICENSE_FILE_MAX_LENGTH,
                                                        &local_error);
  g_autoptr(MmxLicense) license = g_new0 (MmxLicense, 1);

  if (object == NULL)
    {
      malformed (error, local_error->message);
      return NULL;
    }
  if (!read_json (object, payload_members, error)
      || !read_string (object, "license_id", &license->license_id, error)
      || !read_string (object, "account", &license->account, error)
      || !read_string (object, "tier", &license->tier, error)
      || !read_entitlements (object, &license->entitlements, error)
      || !read_int (object, "seats", 1, &license->seats, error)
      || !read_string (object, "machine", &license->machine, error)
      || !read_int (object, "license_expires", 0, &license->license_expires, error)
      || !read_int (object, "issued", 0, &license->issued, error)
      || !read_int (object, "expires", 0, &license->expires, error))
    return NULL;
  if (license->expires <= license->issued
      || license->expires - license->issued > MMX_LICENSE_FILE_TTL_SECONDS)
    {
      malformed (error, _("its validity is longer than 30 days."));
      return NULL;
    }
  return g_steal_pointer (&license);
}

static gboolean
check_signature (JsonObject   *envelope,
                 MmxKeyring   *keyring,
                 char        **out_kid,
                 char        **out_payload,
                 gsize        *out_payload_length,
                 GError      **error)
{
  g_autofree char *format = NULL;
  g_autofree char *alg = NULL;
  g_autofree char *kid = NULL;
  g_autofree char *payload_b64 = NULL;
  g_autofree char *signature_b64 = NULL;
  g_autofree guint8 *payload = NULL;
  g_autoptr(GBytes) input = NULL;
  guint8 signature[crypto_sign_BYTES];
  gint64 version = 0;
  gsize payload_length = 0;
  gsize max_payload;
  const guint8 *public_key;
  const char *end = NULL;

  if (!read_json (envelope, envelope_members, error)
      || !read_string (envelope, "format", &format, error)
      || !read_int (envelope, "version", 0, &version, error)
      || !read_string (envelope, "alg", &alg, error)
      || !read_string (envelope, "kid", &kid, error)
      || !read_string (envelope, "signature", &signature_b64, error))
    return FALSE;
  if (g_strcmp0 (format, FORMAT) != 0 || version != FORMAT_VERSION)
    return malformed (error, _("it has another format or a newer version. Update MarketingMix."));
  if (g_strcmp0 (alg, ALGORITHM) != 0)
    return malformed (error, _("it is signed with an algorithm that is not accepted."));

  public_key = mmx_keyring_lookup (keyring, kid);
  if (public_key == NULL)
    {
      g_set_error (error, MMX_LICENSE_ERROR, MMX_LICENSE_ERROR_UNKNOWN_KEY,
                   _("The license file is signed with the key “%s”, which this copy of "
                     "MarketingMix does not trust. For a self-hosted server, add its public "
                     "key."), kid);
      return FALSE;
    }

  /* The payload member may be long: read it apart from the short fields. */
  if (!json_object_has_member (envelope, "payload")
      || json_node_get_value_type (json_object_get_member (envelope, "payload")) != G_TYPE_STRING)
    return malformed (error, _("“payload” must be a string."));
  payload_b64 = g_strdup (json_object_get_string_member (envelope, "payload"));
  max_payload = strlen (payload_b64);
  payload = g_malloc (max_payload + 1);
  if (sodium_base642bin (payload, max_payload, payload_b64, strlen (payload_b64), NULL,
                         &payload_length, &end, sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0
      || *end != '\0')
    return malformed (error, _("“payload” is not base64url."));
  if (!mmx_key_decode (signature_b64, signature, sizeof signature))
    return malformed (error, _("“signature” is not an Ed25519 signature."));

  input = signing_input (kid, (const char *) payload, payload_length);
  if (crypto_sign_verify_detached (signature, g_bytes_get_data (input, NULL),
                                   g_bytes_get_size (input), public_key) != 0)
    {
      g_set_error_literal (error, MMX_LICENSE_ERROR, MMX_LICENSE_ERROR_BAD_SIGNATURE,
                           _("The license file has been changed or was not issued by a "
                             "MarketingMix license server: its signature does not match."));
      return FALSE;
    }

  *out_kid = g_steal_pointer (&kid);
  *out_payload_length = payload_length;
  *out_payload = (char *) g_steal_pointer (&payload);
  return TRUE;
}

static gboolean
check_validity (const MmxLicense  *license,
                const char        *fingerprint,
                gint64             now,
                gint64             last_seen,
                GError           **error)
{
  g_autofree char *expires_text = mmx_date_unix_to_iso (license->expires);
  g_autofree char *ends_text = mmx_date_unix_to_iso (license->license_expires);

  if (strlen (license->machine) != strlen (fingerprint)
      || sodium_memcmp (license->machine, fingerprint, strlen (fingerprint)) != 0)
    {
      g_set_error_literal (error, MMX_LICENSE_ERROR, MMX_LICENSE_ERROR_OTHER_MACHINE,
                           _("The license file was issued for another computer. Activate the "
                             "license on this one."));
      return FALSE;
    }
  if (last_seen > 0 && now + MMX_LICENSE_CLOCK_SKEW_SECONDS < last_seen)
    {
      g_set_error_literal (error, MMX_LICENSE_ERROR, MMX_LICENSE_ERROR_CLOCK_TURNED_BACK,
                           _("The computer’s clock is behind a time MarketingMix has already "
                             "seen. Set the clock right to use Premium."));
      return FALSE;
    }
  if (license->issued > now + MMX_LICENSE_CLOCK_SKEW_SECONDS)
    {
      g_set_error_literal (error, MMX_LICENSE_ERROR, MMX_LICENSE_ERROR_NOT_YET_VALID,
                           _("The license file was issued after the time this computer’s "
                             "clock shows. Set the clock right."));
      return FALSE;
    }
  if (now >= license->license_expires)
    {
      g_set_error (error, MMX_LICENSE_ERROR, MMX_LICENSE_ERROR_LICENSE_ENDED,
                   _("The license ended on %s. Renew it to keep using Premium."), ends_text);
      return FALSE;
    }
  if (now >= license->expires)
    {
      g_set_error (error, MMX_LICENSE_ERROR, MMX_LICENSE_ERROR_EXPIRED,
                   _("The license file expired on %s. Connect to the internet once to "
                     "renew it."), expires_text);
      return FALSE;
    }
  return TRUE;
}

/**
 * mmx_license_verify:
 * @data: the license file's contents
 * @length: their length
 * @keyring: the keys a license may be signed with
 * @fingerprint: this computer's fingerprint
 * @now: the time, in seconds since 1970 UTC
 * @last_seen: the latest time a check saw, or 0
 * @error: a location for a #GError
 *
 * Checks a license file offline: its format, its signature by a key of
 * @keyring, that it is for this computer, that it is valid at @now, and
 * that the clock has not been turned back behind @last_seen.
 *
 * Returns: (transfer full): what the file says, or %NULL with @error set
 */
MmxLicense *
mmx_license_verify (const char  *data,
                    gsize        length,
                    MmxKeyring  *keyring,
                    const char  *fingerprint,
                    gint64       now,
                    gint64       last_seen,
                    GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonObject) envelope = NULL;
  g_autoptr(MmxLicense) license = NULL;
  g_autofree char *kid = NULL;
  g_autofree char *payload = NULL;
  gsize payload_length = 0;

  g_return_val_if_fail (MMX_IS_KEYRING (keyring), NULL);
  g_return_val_if_fail (fingerprint != NULL, NULL);

  envelope = mmx_json_parse_object (data, length, MMX_LICENSE_FILE_MAX_LENGTH, &local_error);
  if (envelope == NULL)
    {
      malformed (error, local_error->message);
      return NULL;
    }
  if (!check_signature (envelope, keyring, &kid, &payload, &payload_length, error))
    return NULL;
  license = parse_payload (payload, payload_length, error);
  if (license == NULL || !check_validity (license, fingerprint, now, last_seen, error))
    return NULL;
  license->kid = g_steal_pointer (&kid);
  return g_steal_pointer (&license);
}

static gint64
read_last_seen (const char *state_path)
{
  g_autofree char *contents = NULL;
  gint64 value;
  char *end = NULL;

  if (!g_file_get_contents (state_path, &contents, NULL, NULL))
    return 0;
  errno = 0;
  value = g_ascii_strtoll (g_strstrip (contents), &end, 10);
  if (errno != 0 || end == contents || *end != '\0' || value < 0)
    return 0;
  return value;
}

/**
 * mmx_license_check_file:
 * @path: the license file
 * @keyring: the keys a license may be signed with
 * @fingerprint: this computer's fingerprint
 * @state_path: a small file that keeps the latest time seen, created when
 *   missing
 * @error: a location for a #GError
 *
 * Checks @path at the current time with mmx_license_verify(), against the
 * time kept in @state_path, then moves that time forward.
 *
 * Returns: (transfer full): what the file says, or %NULL with @error set
 */
MmxLicense *
mmx_license_check_file (const char  *path,
                        MmxKeyring  *keyring,
                        const char  *fingerprint,
                        const char  *state_path,
                        GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(MmxLicense) license = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *state = NULL;
  g_autofree char *state_folder = NULL;
  GStatBuf info;
  gsize length = 0;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 last_seen = read_last_seen (state_path);

  if (g_stat (path, &info) == 0 && info.st_size > MMX_LICENSE_FILE_MAX_LENGTH)
    {
      g_set_error (error, MMX_LICENSE_ERROR, MMX_LICENSE_ERROR_MALFORMED,
                   _("“%s” is too large to be a MarketingMix license file."), path);
      return NULL;
    }
  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, MMX_LICENSE_ERROR, MMX_LICENSE_ERROR_FILE,
                   _("The license file cannot be read: %s"), local_error->message);
      return NULL;
    }
  license = mmx_license_verify (contents, length, keyring, fingerprint, now, last_seen, error);
  if (license == NULL)
    return NULL;

  if (now > last_seen)
    {
      state_folder = g_path_get_dirname (state_path);
      state = g_strdup_printf ("%" G_GINT64_FORMAT "\n", now);
      if (g_mkdir_with_parents (state_folder, 0700) != 0
          || !g_file_set_contents_full (state_path, state, -1,
                                        G_FILE_SET_CONTENTS_CONSISTENT, 0600, &local_error))
        {
          g_set_error (error, MMX_LICENSE_ERROR, MMX_LICENSE_ERROR_FILE,
                       _("The license state “%s” cannot be saved: %s"), state_path,
                       local_error != NULL ? local_error->message : g_strerror (errno));
          return NULL;
        }
    }
  return g_steal_pointer (&license);
}

/**
 * mmx_license_get_state_path:
 *
 * Returns: (transfer full): where the user's latest check time is kept,
 *   `$XDG_DATA_HOME/marketingmix/license-seen`
 */
char *
mmx_license_get_state_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "marketingmix", "license-seen", NULL);
}

/**
 * mmx_license_has_entitlement:
 * @license: a verified license
 * @entitlement: a feature: "attribution", "forecast", "optimizer"
 *
 * Returns: whether @license unlocks @entitlement
 */
gboolean
mmx_license_has_entitlement (const MmxLicense *license,
                             const char       *entitlement)
{
  g_return_val_if_fail (license != NULL, FALSE);

  return license->entitlements != NULL
         && g_strv_contains ((const char * const *) license->entitlements, entitlement);
}
