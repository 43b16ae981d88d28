/* mmx-channel-name.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mmx-channel-name"

#include "config.h"

#include <string.h>

#include "mmx-channel-name.h"

/* Every platform exports its own spelling of the same channel. The keys are
 * what mmx_channel_name_key() makes of the spellings seen in exports. */
static const struct {
  const char *canonical;
  const char *keys[14];
} builtin_channels[] = {
  { "Facebook Ads", { "facebook", "facebookads", "fb", "fbads", "meta", "metaads", "facebookmeta",
                      "metaadsmanager", "facebookadsmanager", "facebookinstagram", "metaplatforms",
                      "paidsocialmeta", "facebookpaid", NULL } },
  { "Instagram Ads", { "instagram", "instagramads", "ig", "igads", NULL } },
  { "Google Ads", { "google", "googleads", "adwords", "googleadwords", "gads", "googlesearch",
                    "googlesearchads", "googlecpc", "googlepaidsearch", "googleppc", NULL } },
  { "Google Shopping", { "googleshopping", "shoppingads", "googlepmax", "performancemax", "pmax",
                         NULL } },
  { "Display", { "display", "displayads", "gdn", "googledisplay", "googledisplaynetwork",
                 "programmaticdisplay", NULL } },
  { "YouTube", { "youtube", "youtubeads", "yt", "googlevideo", NULL } },
  { "TikTok Ads", { "tiktok", "tiktokads", "tiktokforbusiness", "tiktokadsmanager", NULL } },
  { "LinkedIn Ads", { "linkedin", "linkedinads", "linkedincampaignmanager", NULL } },
  { "Microsoft Ads", { "bing", "bingads", "microsoft", "microsoftads", "microsoftadvertising",
                       "msads", "bingsearch", NULL } },
  { "Pinterest Ads", { "pinterest", "pinterestads", NULL } },
  { "Snapchat Ads", { "snapchat", "snapchatads", "snap", "snapads", NULL } },
  { "X Ads", { "twitter", "twitterads", "x", "xads", "xtwitter", "twitterx", NULL } },
  { "Reddit Ads", { "reddit", "redditads", NULL } },
  { "Amazon Ads", { "amazon", "amazonads", "amazonadvertising", "amazonsponsoredproducts",
                    "sponsoredproducts", NULL } },
  { "Email", { "email", "emails", "emailmarketing", "klaviyo", "mailchimp", "newsletter",
               "sendinblue", "brevo", "omnisend", NULL } },
  { "SMS", { "sms", "smsmarketing", "attentive", "postscript", NULL } },
  { "Affiliate", { "affiliate", "affiliates", "affiliatemarketing", "partners", "partnerships",
                   NULL } },
  { "Organic / Direct", { "organic", "direct", "organicdirect", "directorganic", "seo",
                          "organicsearch", "organicsocial", "none", NULL } },
  { "TV", { "tv", "television", "linear", "lineartv", NULL } },
  { "Connected TV", { "ctv", "connectedtv", "ott", "streamingtv", NULL } },
  { "Radio", { "radio", NULL } },
  { "Podcast", { "podcast", "podcasts", "podcastads", NULL } },
  { "Print", { "print", "press", "newspaper", "magazine", "magazines", NULL } },
  { "Out-of-Home", { "ooh", "outofhome", "billboard", "billboards", NULL } },
  /* Screens are bought and measured apart from posters. */
  { "Digital Out-of-Home", { "dooh", "digitalooh", "digitaloutofhome", NULL } },
  { "Influencer", { "influencer", "influencers", "influencermarketing", NULL } },
};

/**
 * mmx_channel_name_key:
 * @name: a channel name as written anywhere
 *
 * The identity of a channel: its letters and digits, case-folded, with
 * spaces and punctuation dropped, so "FB Ads", "fb-ads" and "FBADS" are
 * one channel.
 *
 * Returns: (transfer full): the key, possibly empty
 */
char *
mmx_channel_name_key (const char *name)
{
  g_autofree char *folded = NULL;
  GString *key;

  g_return_val_if_fail (name != NULL, NULL);

  folded = g_utf8_casefold (name, -1);
  key = g_string_sized_new (strlen (folded));
  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        g_string_append_unichar (key, c);
    }
  return g_string_free (key, FALSE);
}

/**
 * mmx_channel_name_builtin:
 * @key: a key from mmx_channel_name_key()
 *
 * Returns: (nullable): the canonical name of a channel everybody knows
 */
const char *
mmx_channel_name_builtin (const char *key)
{
  g_return_val_if_fail (key != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (builtin_channels); i++)
    for (guint j = 0; builtin_channels[i].keys[j] != NULL; j++)
      if (strcmp (key, builtin_channels[i].keys[j]) == 0)
        return builtin_channels[i].canonical;
  return NULL;
}

/**
 * mmx_channel_name_tidy:
 * @name: a channel name nobody knows
 *
 * Trims it, turns underscores into spaces, collapses runs of spaces and,
 * when it is all lower case, capitalises each word: "direct_mail" becomes
 * "Direct Mail", while "HubSpot" stays as its owner wrote it.
 *
 * Returns: (transfer full): the tidied name
 */
char *
mmx_channel_name_tidy (const char *name)
{
  GString *tidy;
  gboolean has_upper = FALSE;
  gboolean word_start = TRUE;

  g_return_val_if_fail (name != NULL, NULL);

  for (const char *p = name; *p; p = g_utf8_next_char (p))
    if (g_unichar_isupper (g_utf8_get_char (p)))
      has_upper = TRUE;

  tidy = g_string_sized_new (strlen (name));
  for (const char *p = name; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '_' || g_unichar_isspace (c) || c == 0x00A0)
        {
          word_start = TRUE;
          continue;
        }
      if (word_start && tidy->len > 0)
        g_string_append_c (tidy, ' ');
      if (word_start && !has_upper)
        c = g_unichar_totitle (c);
      g_string_append_unichar (tidy, c);
      word_start = FALSE;
    }
  return g_string_free (tidy, FALSE);
}

/**
 * mmx_channel_name_normalise:
 * @name: a channel name as written in a file
 *
 * Returns: (transfer full): the canonical name when the channel is a known
 *   one, else the tidied name
 */
char *
mmx_channel_name_normalise (const char *name)
{
  g_autofree char *key = NULL;
  const char *builtin;

  g_return_val_if_fail (name != NULL, NULL);

  key = mmx_channel_name_key (name);
  builtin = mmx_channel_name_builtin (key);
  if (builtin != NULL)
    return g_strdup (builtin);
  return mmx_channel_name_tidy (name);
}

/**
 * mmx_channel_name_guess:
 * @text: text that may name a channel, such as a file name
 *   ("Google Ads campaign report.csv", "tiktok_export_2025.csv")
 *
 * Looks for a known channel among the words of @text, two words together
 * first. Single words shorter than three letters ("x", "fb") are too
 * likely to mean something else to count.
 *
 * Returns: (nullable): the canonical name of the channel found
 */
const char *
mmx_channel_name_guess (const char *text)
{
  g_auto(GStrv) words = NULL;
  guint n_words;

  g_return_val_if_fail (text != NULL, NULL);

  words = g_regex_split_simple ("[^[:alnum:]]+", text, G_REGEX_DEFAULT, G_REGEX_MATCH_DEFAULT);
  n_words = g_strv_length (words);

  for (guint i = 0; i + 1 < n_words; i++)
    {
      g_autofree char *pair = g_strconcat (words[i], words[i + 1], NULL);
      g_autofree char *key = mmx_channel_name_key (pair);
      const char *builtin = mmx_channel_name_builtin (key);

      if (builtin != NULL)
        return builtin;
    }
  for (guint i = 0; i < n_words; i++)
    {
      g_autofree char *key = mmx_channel_name_key (words[i]);
      const char *builtin = strlen (key) >= 3 ? mmx_channel_name_builtin (key) : NULL;

      if (builtin != NULL)
        return builtin;
    }
  return NULL;
}
