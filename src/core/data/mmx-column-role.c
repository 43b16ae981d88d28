/* mmx-column-role.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mmx-column-role"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "mmx-channel-name.h"
#include "mmx-column-role.h"
#include "mmx-import-error.h"

static const char * const field_names[] = {
  [MMX_FIELD_IGNORE] = "ignore",
  [MMX_FIELD_DATE] = "date",
  [MMX_FIELD_CHANNEL] = "channel",
  [MMX_FIELD_GEO] = "geo",
  [MMX_FIELD_SPEND] = "spend",
  [MMX_FIELD_REVENUE] = "revenue",
  [MMX_FIELD_IMPRESSIONS] = "impressions",
  [MMX_FIELD_CLICKS] = "clicks",
  [MMX_FIELD_CONVERSIONS] = "conversions",
  [MMX_FIELD_NEW_CUSTOMERS] = "new_customers",
  [MMX_FIELD_RETURNING_CUSTOMERS] = "returning_customers",
  [MMX_FIELD_REVENUE_PER_CONVERSION] = "revenue_per_conversion",
  [MMX_FIELD_CONTROL] = "control",
};

/* Header spellings of the ad platforms, shop systems and MMM tools, as
 * keys (letters and digits, lower case). */
static const struct {
  MmxField    field;
  const char *keys[24];
} known_headers[] = {
  { MMX_FIELD_DATE, { "date", "day", "days", "week", "weekstart", "weekstarting", "weekof",
                      "weekbeginning", "weekmonsun", "weeksunsat", "campaigndate", "reportingstarts",
                      "reportingstart", "startdate", "datestart", "dateweek", "weekdate", "ds",
                      "time", "month", NULL } },
  { MMX_FIELD_CHANNEL, { "channel", "channels", "channelname", "platform", "adplatform", "source",
                         "network", "mediachannel", "media", "medium", "sourcemedium",
                         "marketingchannel", "channelgroup", "defaultchannelgroup",
                         "channelgrouping", NULL } },
  { MMX_FIELD_GEO, { "geo", "region", "country", "state", "market", "dma", "location",
                     "territory", "city", "geoname", NULL } },
  { MMX_FIELD_SPEND, { "spend", "cost", "costs", "amountspent", "adspend", "mediaspend",
                       "totalspend", "spendamount", "spent", "totalcost", "mediacost",
                       "investment", NULL } },
  { MMX_FIELD_REVENUE, { "revenue", "sales", "totalsales", "netsales", "grosssales",
                         "totalrevenue", "convvalue", "conversionvalue", "allconvvalue",
                         "totalconvvalue", "purchaseconversionvalue", "purchasesconversionvalue",
                         "websitepurchasesconversionvalue", "purchasevalue", "income",
                         "turnover", "gmv", "orderrevenue", "transactionrevenue",
                         "purchaserevenue", NULL } },
  { MMX_FIELD_IMPRESSIONS, { "impressions", "impression", "impr", "imps", NULL } },
  { MMX_FIELD_CLICKS, { "clicks", "click", "linkclicks", "clicksall", "outboundclicks", NULL } },
  { MMX_FIELD_CONVERSIONS, { "conversions", "conversion", "conv", "convs", "allconv",
                             "purchases", "orders", "transactions", "websitepurchases", NULL } },
  { MMX_FIELD_NEW_CUSTOMERS, { "newcustomers", "firsttimecustomers", "newbuyers", NULL } },
  { MMX_FIELD_RETURNING_CUSTOMERS, { "returningcustomers", "repeatcustomers",
                                     "returningbuyers", NULL } },
  { MMX_FIELD_REVENUE_PER_CONVERSION, { "revenueperconversion", "valueperconversion",
                                        "revenueperorder", "convvalueperconv",
                                        "convvalueconv", NULL } },
  { MMX_FIELD_CONTROL, { "promo", "promos", "promotion", "promotions", "holiday", "holidays",
                         "event", "events", "price", "discount", NULL } },
};

/* Words that name a metric before or after a channel in a wide file's
 * header: "spend_facebook", "Channel0_impression", "TikTok cost". */
static const struct {
  MmxField    field;
  const char *words[6];
} metric_words[] = {
  { MMX_FIELD_SPEND, { "spend", "cost", "costs", "spent", NULL } },
  { MMX_FIELD_REVENUE, { "revenue", "sales", NULL } },
  { MMX_FIELD_IMPRESSIONS, { "impressions", "impression", "impr", NULL } },
  { MMX_FIELD_CLICKS, { "clicks", "click", NULL } },
  { MMX_FIELD_CONVERSIONS, { "conversions", "conversion", NULL } },
};

/* Ratios and labels exports carry beside the metrics; recognised so that
 * "Cost / conv." never passes for the spend of a channel called "Conv". */
static const char * const derived_keys[] = {
  "costconv", "costallconv", "convvaluecost", "allconvvaluecost", "cpc", "cpm", "cpa", "ctr",
  "cvr", "aov", "roas", "reach", "frequency", "budget", "campaign", "campaignname",
  "campaignid", "campaigntype", "campaignstatus", "adgroup", "adset", "adsetname", "ad", "adname",
  "account", "accountname", "currency", "currencycode", "status", "interactions", NULL
};

static const char * const derived_words[] = {
  "per", "rate", "share", "avg", "average", "ratio", "roas", "cpc", "cpm", "cpa", "ctr", "cvr",
  "aov", NULL
};

static const char * const currency_codes[] = {
  "usd", "eur", "gbp", "cad", "aud", "nzd", "chf", "jpy", "inr", "sek", "nok", "dkk", "pln",
  "brl", "mxn", "sgd", "hkd", "zar", "cny", "krw", "try", "czk", "huf", "ils", "ron", NULL
};

const char *
mmx_field_to_string (MmxField field)
{
  g_return_val_if_fail (field <= MMX_FIELD_CONTROL, NULL);

  return field_names[field];
}

/**
 * mmx_field_accepts_channel:
 * @field: a field
 *
 * Returns: whether `FIELD:CHANNEL` makes sense: the metrics of a wide file
 */
gboolean
mmx_field_accepts_channel (MmxField field)
{
  return MMX_FIELD_IS_METRIC (field);
}

MmxColumnRole *
mmx_column_role_new (MmxField    field,
                     const char *channel,
                     const char *name)
{
  MmxColumnRole *self = g_new0 (MmxColumnRole, 1);

  self->field = field;
  self->channel = g_strdup (channel);
  self->name = g_strdup (name);
  return self;
}

MmxColumnRole *
mmx_column_role_copy (const MmxColumnRole *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return mmx_column_role_new (self->field, self->channel, self->name);
}

void
mmx_column_role_free (MmxColumnRole *self)
{
  if (self == NULL)
    return;
  g_free (self->channel);
  g_free (self->name);
  g_free (self);
}

/**
 * mmx_column_role_parse:
 * @spec: `FIELD`, `FIELD:CHANNEL` for a metric of a wide file, or
 *   `control:NAME`
 * @column: the column's header, which names a control given without a name
 * @error: a location for a #GError
 *
 * Returns: (transfer full): the role, or %NULL with @error set
 */
MmxColumnRole *
mmx_column_role_parse (const char  *spec,
                       const char  *column,
                       GError     **error)
{
  g_autofree char *field_name = NULL;
  const char *colon;
  const char *argument = NULL;

  g_return_val_if_fail (spec != NULL, NULL);

  colon = strchr (spec, ':');
  field_name = g_strstrip (colon ? g_strndup (spec, colon - spec) : g_strdup (spec));
  if (colon != NULL)
    {
      argument = colon + 1;
      while (g_ascii_isspace (*argument))
        argument++;
    }

  for (MmxField f = MMX_FIELD_IGNORE; f <= MMX_FIELD_CONTROL; f++)
    {
      if (g_ascii_strcasecmp (field_name, field_names[f]) != 0)
        continue;

      if (argument != NULL && *argument == '\0')
        break;
      if (argument != NULL && f != MMX_FIELD_CONTROL && !mmx_field_accepts_channel (f))
        {
          g_set_error (error, MMX_IMPORT_ERROR, MMX_IMPORT_ERROR_BAD_MAPPING,
                       _("“%s” takes no channel or name after the colon: write just “%s”."),
                       spec, field_names[f]);
          return NULL;
        }
      if (f == MMX_FIELD_CONTROL)
        return mmx_column_role_new (f, NULL, argument ? argument : column);
      return mmx_column_role_new (f, argument, NULL);
    }

  g_set_error (error, MMX_IMPORT_ERROR, MMX_IMPORT_ERROR_BAD_MAPPING,
               _("“%s” is not a field. Use one of: date, revenue, channel, spend, "
                 "spend:CHANNEL, impressions, clicks, conversions, new_customers, "
                 "returning_customers, revenue_per_conversion, control:NAME, geo, ignore."),
               spec);
  return NULL;
}

/**
 * mmx_column_role_to_string:
 * @self: a role
 *
 * Returns: (transfer full): the role as mmx_column_role_parse() reads it
 */
char *
mmx_column_role_to_string (const MmxColumnRole *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->channel != NULL)
    return g_strdup_printf ("%s:%s", field_names[self->field], self->channel);
  if (self->name != NULL)
    return g_strdup_printf ("%s:%s", field_names[self->field], self->name);
  return g_strdup (field_names[self->field]);
}

static MmxField
lookup_known_header (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (known_headers); i++)
    for (guint j = 0; known_headers[i].keys[j] != NULL; j++)
      if (strcmp (key, known_headers[i].keys[j]) == 0)
        return known_headers[i].field;
  return MMX_FIELD_IGNORE;
}

static MmxField
lookup_metric_word (const char *word)
{
  for (guint i = 0; i < G_N_ELEMENTS (metric_words); i++)
    if (g_strv_contains (metric_words[i].words, word))
      return metric_words[i].field;
  return MMX_FIELD_IGNORE;
}

/* Splits a header into its words, as written, dropping a currency code
 * such as the "USD" of "Spend (USD)". */
static GPtrArray *
split_words (const char *header)
{
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  GString *word = g_string_new (NULL);

  for (const char *p = header;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && g_unichar_isalnum (c))
        {
          g_string_append_unichar (word, c);
          continue;
        }
      if (word->len > 0)
        {
          g_autofree char *lower = g_utf8_strdown (word->str, -1);

          if (!g_strv_contains (currency_codes, lower))
            g_ptr_array_add (words, g_strdup (word->str));
          g_string_truncate (word, 0);
        }
      if (c == 0)
        break;
    }
  g_string_free (word, TRUE);
  return g_steal_pointer (&words);
}

static gboolean
is_derived (const char *key,
            GPtrArray  *words)
{
  if (g_strv_contains (derived_keys, key))
    return TRUE;
  for (guint i = 0; i < words->len; i++)
    {
      g_autofree char *lower = g_utf8_strdown (g_ptr_array_index (words, i), -1);

      if (g_strv_contains (derived_words, lower))
        return TRUE;
    }
  return FALSE;
}

/* "spend_facebook", "Facebook Spend", "Channel0_impression": a metric word
 * first or last, and the channel in the other words. */
static MmxColumnRole *
recognise_channel_metric (GPtrArray *words)
{
  for (guint end = 0; end < 2 && words->len >= 2; end++)
    {
      guint index = end == 0 ? 0 : words->len - 1;
      g_autofree char *word = g_utf8_strdown (g_ptr_array_index (words, index), -1);
      MmxField field = lookup_metric_word (word);
      g_autoptr(GString) channel = g_string_new (NULL);

      if (field == MMX_FIELD_IGNORE)
        continue;
      for (guint i = 0; i < words->len; i++)
        {
          if (i == index)
            continue;
          if (channel->len > 0)
            g_string_append_c (channel, ' ');
          g_string_append (channel, g_ptr_array_index (words, i));
        }
      return mmx_column_role_new (field, channel->str, NULL);
    }
  return NULL;
}

/**
 * mmx_column_role_recognise:
 * @header: a column header as written in the file
 *
 * Recognises the usual export names whatever their case, spacing and
 * punctuation ("Day", "Amount spent (USD)", "Conv. value"), a channel's
 * metric in a wide file ("spend_facebook", "TikTok cost"), a known
 * channel's bare name as its spend, and controls ("Promo", "*_control").
 *
 * Ratios and labels that exports carry beside the data ("CTR", "Cost /
 * conv.", "Campaign") are recognised as %MMX_FIELD_IGNORE.
 *
 * Returns: (transfer full) (nullable): the role, or %NULL for a header
 *   nobody knows
 */
MmxColumnRole *
mmx_column_role_recognise (const char *header)
{
  g_autoptr(GPtrArray) words = NULL;
  g_autoptr(GString) joined = g_string_new (NULL);
  g_autofree char *key = NULL;
  g_autofree char *last = NULL;
  MmxColumnRole *role;
  MmxField field;

  g_return_val_if_fail (header != NULL, NULL);

  words = split_words (header);
  for (guint i = 0; i < words->len; i++)
    g_string_append (joined, g_ptr_array_index (words, i));
  key = mmx_channel_name_key (joined->str);
  if (*key == '\0')
    return NULL;

  field = lookup_known_header (key);
  if (field == MMX_FIELD_CONTROL)
    return mmx_column_role_new (field, NULL, header);
  if (field != MMX_FIELD_IGNORE)
    return mmx_column_role_new (field, NULL, NULL);

  if (is_derived (key, words))
    return mmx_column_role_new (MMX_FIELD_IGNORE, NULL, NULL);

  last = g_utf8_strdown (g_ptr_array_index (words, words->len - 1), -1);
  if (words->len >= 2 && strcmp (last, "control") == 0)
    return mmx_column_role_new (MMX_FIELD_CONTROL, NULL, header);

  role = recognise_channel_metric (words);
  if (role != NULL)
    return role;

  if (mmx_channel_name_builtin (key) != NULL)
    return mmx_column_role_new (MMX_FIELD_SPEND, header, NULL);
  return NULL;
}
