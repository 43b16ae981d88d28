/* mmx-access-token.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mmx-access-token"

#include "config.h"

#include <string.h>

#include "mmx-access-token.h"
#include "mmx-json.h"
#include "mmx-json-strict.h"

/* Access tokens are compact JWS, signed with Ed25519, of exactly one
 * profile (RFC 8725, the JWT best current practices):
 *
 *   header  {"alg":"EdDSA","typ":"at+jwt","kid":"…"}    nothing more
 *   claims  iss aud sub iat nbf exp jti tier           all, nothing more
 *
 * The verifier never lets the token choose how it is checked: "none",
 * HMAC, keys or key URLs in the header, unknown critical headers are all
 * refused before any signature is looked at; the key comes from the
 * trusted keyring by id only. Any instance that has the public key can
 * verify, so several servers need no shared secret.
 *
 * Checking a signature costs ~60 µs, more than the rest of a request, and
 * a client sends the same token for its 15 minutes: tokens already
 * verified are remembered by a keyed hash of their exact text, and only
 * their times are checked again. */

#define HEADER_ALG "EdDSA"
#define HEADER_TYP "at+jwt"
#define CLOCK_LEEWAY_SECONDS 30
#define CACHE_MAX_ENTRIES 65536

struct _MmxAccessTokens
{
  MmxSigningKey *key;
  MmxKeyring    *trusted;
  char          *issuer;
  char          *audience;
  GMutex         cache_lock;
  GHashTable    *cache;
  guint8         cache_key[crypto_generichash_KEYBYTES];
};

G_DEFINE_QUARK (mmx-access-token-error-quark, mmx_access_token_error)

static const char * const header_members[] = { "alg", "typ", "kid", NULL };
static const char * const claim_members[] = {
  "iss", "aud", "sub", "iat", "nbf", "exp", "jti", "tier", NULL
};

void
mmx_access_claims_free (MmxAccessClaims *claims)
{
  if (claims == NULL)
    return;
  g_free (claims->issuer);
  g_free (claims->audience);
  g_free (claims->subject);
  g_free (claims->jti);
  g_free (claims->tier);
  g_free (claims);
}

static MmxAccessClaims *
claims_copy (const MmxAccessClaims *claims)
{
  MmxAccessClaims *copy = g_memdup2 (claims, sizeof *claims);

  copy->issuer = g_strdup (claims->issuer);
  copy->audience = g_strdup (claims->audience);
  copy->subject = g_strdup (claims->subject);
  copy->jti = g_strdup (claims->jti);
  copy->tier = g_strdup (claims->tier);
  return copy;
}

/**
 * mmx_access_tokens_new:
 * @key: (nullable): the key that signs, or %NULL on an instance that only
 *   verifies; its public half is trusted too
 * @trusted: (nullable): further public keys accepted: other instances',
 *   rotated-out ones
 * @issuer: the iss claim, the server's URL
 * @audience: the aud claim
 *
 * Returns: (transfer full): the token issuer and verifier
 */
MmxAccessTokens *
mmx_access_tokens_new (MmxSigningKey *key,
                       MmxKeyring    *trusted,
                       const char    *issuer,
                       const char    *audience)
{
  MmxAccessTokens *self = g_new0 (MmxAccessTokens, 1);

  self->key = key;
  self->trusted = trusted != NULL ? g_object_ref (trusted) : mmx_keyring_new ();
  if (key != NULL
      && !mmx_keyring_add (self->trusted, mmx_signing_key_get_id (key),
                           mmx_signing_key_get_public_key (key), NULL))
    g_warning ("The trusted keys give the signing key's id %s to another key",
               mmx_signing_key_get_id (key));
  self->issuer = g_strdup (issuer);
  self->audience = g_strdup (audience);
  g_mutex_init (&self->cache_lock);
  self->cache = g_hash_table_new_full (g_bytes_hash, g_bytes_equal, (GDestroyNotify) g_bytes_unref,
                                       (GDestroyNotify) mmx_access_claims_free);
  randombytes_buf (self->cache_key, sizeof self->cache_key);
  return self;
}

void
mmx_access_tokens_free (MmxAccessTokens *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->trusted);
  g_free (self->issuer);
  g_free (self->audience);
  g_hash_table_unref (self->cache);
  g_mutex_clear (&self->cache_lock);
  g_free (self);
}

static char *
encode_part (const char *json)
{
  return mmx_key_encode ((const guint8 *) json, strlen (json));
}

/**
 * mmx_access_tokens_issue:
 * @self: tokens with a signing key
 * @subject: the account id
 * @tier: "free" or "premium"
 * @now: the time
 *
 * Returns: (transfer full): a token valid for 15 minutes
 */
char *
mmx_access_tokens_issue (MmxAccessTokens *self,
                         const char      *subject,
                         const char      *tier,
                         gint64           now)
{
  g_autoptr(JsonBuilder) header = json_builder_new ();
  g_autoptr(JsonBuilder) claims = json_builder_new ();
  g_autofree char *header_json = NULL;
  g_autofree char *claims_json = NULL;
  g_autofree char *header_b64 = NULL;
  g_autofree char *claims_b64 = NULL;
  g_autofree char *signing_input = NULL;
  g_autofree char *signature_b64 = NULL;
  guint8 jti[16];
  char jti_hex[2 * sizeof jti + 1];
  guint8 signature[crypto_sign_BYTES];

  g_return_val_if_fail (self->key != NULL, NULL);

  randombytes_buf (jti, sizeof jti);
  sodium_bin2hex (jti_hex, sizeof jti_hex, jti, sizeof jti);

  json_builder_begin_object (header);
  mmx_json_add_string (header, "alg", HEADER_ALG);
  mmx_json_add_string (header, "typ", HEADER_TYP);
  mmx_json_add_string (header, "kid", mmx_signing_key_get_id (self->key));
  json_builder_end_object (header);

  json_builder_begin_object (claims);
  mmx_json_add_string (claims, "iss", self->issuer);
  mmx_json_add_string (claims, "aud", self->audience);
  mmx_json_add_string (claims, "sub", subject);
  mmx_json_add_int (claims, "iat", now);
  mmx_json_add_int (claims, "nbf", now);
  mmx_json_add_int (claims, "exp", now + MMX_ACCESS_TOKEN_LIFETIME_SECONDS);
  mmx_json_add_string (claims, "jti", jti_hex);
  mmx_json_add_string (claims, "tier", tier);
  json_builder_end_object (claims);

  header_json = mmx_json_to_string (header, FALSE);
  claims_json = mmx_json_to_string (claims, FALSE);
  header_b64 = encode_part (header_json);
  claims_b64 = encode_part (claims_json);
  signing_input = g_strconcat (header_b64, ".", claims_b64, NULL);
  crypto_sign_detached (signature, NULL, (const guint8 *) signing_input, strlen (signing_input),
                        mmx_signing_key_get_secret_key (self->key));
  signature_b64 = mmx_key_encode (signature, sizeof signature);
  return g_strconcat (signing_input, ".", signature_b64, NULL);
}

static gboolean
fail (GError     **error,
      int          code,
      const char  *message)
{
  g_set_error_literal (error, MMX_ACCESS_TOKEN_ERROR, code, message);
  return FALSE;
}

/* Decodes one base64url part, canonical and unpadded, of at most @max bytes. */
static GBytes *
decode_part (const char *text,
             gsize       length,
             gsize       max)
{
  g_autofree guint8 *data = NULL;
  gsize decoded = 0;
  const char *end = NULL;

  if (length == 0 || length > 2 * max)
    return NULL;
  data = g_malloc (max);
  if (sodium_base642bin (data, max, text, length, NULL, &decoded, &end,
                         sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0
      || end != text + length)
    return NULL;
  return g_bytes_new (data, decoded);
}

static JsonObject *
parse_part (const char  *text,
            gsize        length,
            GError     **error)
{
  g_autoptr(GBytes) json = decode_part (text, length, MMX_ACCESS_TOKEN_MAX_LENGTH);
  JsonObject *object;

  if (json == NULL)
    {
      fail (error, MMX_ACCESS_TOKEN_ERROR_MALFORMED, "A part of the token is not base64url.");
      return NULL;
    }
  object = mmx_json_parse_object (g_bytes_get_data (json, NULL), g_bytes_get_size (json),
                                  MMX_ACCESS_TOKEN_MAX_LENGTH, NULL);
  if (object == NULL)
    fail (error, MMX_ACCESS_TOKEN_ERROR_MALFORMED, "A part of the token is not a JSON object.");
  return object;
}

static const guint8 *
check_header (MmxAccessTokens  *self,
              const char       *text,
              gsize             length,
              GError          **error)
{
  g_autoptr(JsonObject) header = parse_part (text, length, error);
  const char *alg = NULL, *typ = NULL, *kid = NULL;
  const guint8 *public_key;

  if (header == NULL)
    return NULL;
  if (!mmx_json_check_members (header, header_members, NULL)
      || !mmx_json_read_string (header, "alg", TRUE, 16, &alg, NULL)
      || !mmx_json_read_string (header, "typ", TRUE, 16, &typ, NULL)
      || !mmx_json_read_string (header, "kid", TRUE, MMX_KEY_ID_MAX_LENGTH, &kid, NULL)
      || strcmp (alg, HEADER_ALG) != 0 || strcmp (typ, HEADER_TYP) != 0)
    {
      fail (error, MMX_ACCESS_TOKEN_ERROR_UNSUPPORTED,
            "Only EdDSA access tokens with the header alg, typ and kid are accepted.");
      return NULL;
    }
  public_key = mmx_keyring_lookup (self->trusted, kid);
  if (public_key == NULL)
    fail (error, MMX_ACCESS_TOKEN_ERROR_UNKNOWN_KEY, "The token is signed with an unknown key.");
  return public_key;
}

static MmxAccessClaims *
read_claims (const char  *text,
             gsize        length,
             GError     **error)
{
  g_autoptr(JsonObject) object = parse_part (text, length, error);
  g_autoptr(MmxAccessClaims) claims = g_new0 (MmxAccessClaims, 1);
  const char *iss, *aud, *sub, *jti, *tier;

  if (object == NULL)
    return NULL;
  if (!mmx_json_check_members (object, claim_members, NULL)
      || !mmx_json_read_string (object, "iss", TRUE, 512, &iss, NULL)
      || !mmx_json_read_string (object, "aud", TRUE, 512, &aud, NULL)
      || !mmx_json_read_string (object, "sub", TRUE, 128, &sub, NULL)
      || !mmx_json_read_string (object, "jti", TRUE, 128, &jti, NULL)
      || !mmx_json_read_string (object, "tier", TRUE, 32, &tier, NULL)
      || !mmx_json_read_int (object, "iat", TRUE, 0, G_MAXINT64, &claims->issued_at, NULL)
      || !mmx_json_read_int (object, "nbf", TRUE, 0, G_MAXINT64, &claims->not_before, NULL)
      || !mmx_json_read_int (object, "exp", TRUE, 0, G_MAXINT64, &claims->expires, NULL)
      || *sub == '\0')
    {
      fail (error, MMX_ACCESS_TOKEN_ERROR_INVALID_CLAIMS,
            "The token's claims are missing, extra or of the wrong type.");
      return NULL;
    }
  claims->issuer = g_strdup (iss);
  claims->audience = g_strdup (aud);
  claims->subject = g_strdup (sub);
  claims->jti = g_strdup (jti);
  claims->tier = g_strdup (tier);
  return g_steal_pointer (&claims);
}

static gboolean
check_claims (MmxAccessTokens        *self,
              const MmxAccessClaims  *claims,
              gint64                  now,
              GError                **error)
{
  if (strcmp (claims->issuer, self->issuer) != 0)
    return fail (error, MMX_ACCESS_TOKEN_ERROR_WRONG_ISSUER, "The token was issued by another server.");
  if (strcmp (claims->audience, self->audience) != 0)
    return fail (error, MMX_ACCESS_TOKEN_ERROR_WRONG_AUDIENCE, "The token is meant for another service.");
  if (claims->expires - claims->issued_at > MMX_ACCESS_TOKEN_LIFETIME_SECONDS
      || claims->expires <= claims->not_before)
    return fail (error, MMX_ACCESS_TOKEN_ERROR_INVALID_CLAIMS, "The token lives longer than allowed.");
  if (now + CLOCK_LEEWAY_SECONDS < claims->not_before
      || now + CLOCK_LEEWAY_SECONDS < claims->issued_at)
    return fail (error, MMX_ACCESS_TOKEN_ERROR_NOT_YET_VALID, "The token is not valid yet.");
  if (now >= claims->expires)
    return fail (error, MMX_ACCESS_TOKEN_ERROR_EXPIRED,
                 "The access token has expired: refresh it.");
  return TRUE;
}

static GBytes *
cache_key (MmxAccessTokens *self,
           const char      *token,
           gsize            length)
{
  guint8 hash[16];

  crypto_generichash (hash, sizeof hash, (const guint8 *) token, length, self->cache_key,
                      sizeof self->cache_key);
  return g_bytes_new (hash, sizeof hash);
}

static MmxAccessClaims *
cache_lookup (MmxAccessTokens *self,
              GBytes          *key)
{
  MmxAccessClaims *claims;

  g_mutex_lock (&self->cache_lock);
  claims = g_hash_table_lookup (self->cache, key);
  if (claims != NULL)
    claims = claims_copy (claims);
  g_mutex_unlock (&self->cache_lock);
  return claims;
}

static gboolean
is_expired_cb (gpointer key,
               gpointer value,
               gpointer user_data)
{
  return ((MmxAccessClaims *) value)->expires <= *(gint64 *) user_data;
}

static void
cache_insert (MmxAccessTokens       *self,
              GBytes                *key,
              const MmxAccessClaims *claims,
              gint64                 now)
{
  g_mutex_lock (&self->cache_lock);
  if (g_hash_table_size (self->cache) >= CACHE_MAX_ENTRIES)
    g_hash_table_foreach_remove (self->cache, is_expired_cb, &now);
  if (g_hash_table_size (self->cache) >= CACHE_MAX_ENTRIES)
    g_hash_table_remove_all (self->cache);
  g_hash_table_replace (self->cache, g_bytes_ref (key), claims_copy (claims));
  g_mutex_unlock (&self->cache_lock);
}

/**
 * mmx_access_tokens_verify:
 * @self: tokens
 * @token: a compact JWS
 * @now: the time
 * @error: a location for a #GError
 *
 * Returns: (transfer full): the token's claims, or %NULL with @error set
 */
MmxAccessClaims *
mmx_access_tokens_verify (MmxAccessTokens  *self,
                          const char       *token,
                          gint64            now,
                          GError          **error)
{
  gsize length = strnlen (token, MMX_ACCESS_TOKEN_MAX_LENGTH + 1);
  const char *first_dot, *second_dot;
  g_autoptr(GBytes) key = NULL;
  g_autoptr(GBytes) signature = NULL;
  g_autoptr(MmxAccessClaims) claims = NULL;
  const guint8 *public_key;

  if (length > MMX_ACCESS_TOKEN_MAX_LENGTH)
    {
      fail (error, MMX_ACCESS_TOKEN_ERROR_MALFORMED, "The token is too long.");
      return NULL;
    }

  key = cache_key (self, token, length);
  claims = cache_lookup (self, key);
  if (claims != NULL)
    return check_claims (self, claims, now, error) ? g_steal_pointer (&claims) : NULL;

  first_dot = strchr (token, '.');
  second_dot = first_dot != NULL ? strchr (first_dot + 1, '.') : NULL;
  if (second_dot == NULL || strchr (second_dot + 1, '.') != NULL)
    {
      fail (error, MMX_ACCESS_TOKEN_ERROR_MALFORMED, "The token is not a compact JWS.");
      return NULL;
    }

  public_key = check_header (self, token, (gsize) (first_dot - token), error);
  if (public_key == NULL)
    return NULL;
  signature = decode_part (second_dot + 1, strlen (second_dot + 1), crypto_sign_BYTES);
  if (signature == NULL || g_bytes_get_size (signature) != crypto_sign_BYTES)
    {
      fail (error, MMX_ACCESS_TOKEN_ERROR_MALFORMED, "The token's signature is malformed.");
      return NULL;
    }
  if (crypto_sign_verify_detached (g_bytes_get_data (signature, NULL), (const guint8 *) token,
                                   (gsize) (second_dot - token), public_key) != 0)
    {
      fail (error, MMX_ACCESS_TOKEN_ERROR_BAD_SIGNATURE, "The token's signature does not match.");
      return NULL;
    }

  claims = read_claims (first_dot + 1, (gsize) (second_dot - first_dot - 1), error);
  if (claims == NULL || !check_claims (self, claims, now, error))
    return NULL;
  cache_insert (self, key, claims, now);
  return g_steal_pointer (&claims);
}
