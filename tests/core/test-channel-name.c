/* test-channel-name.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mmx-channel-name.h"

/* Every ad platform spells its own channel its own way; these are the
 * spellings seen in real exports. */

typedef struct
{
  const char *text;
  const char *expected;
} NameCase;

static void
assert_normalised (const NameCase *cases,
                   gsize           n_cases)
{
  for (gsize i = 0; i < n_cases; i++)
    {
      g_autofree char *name = NULL;

      g_test_message ("normalise (“%s”) should be “%s”", cases[i].text, cases[i].expected);
      name = mmx_channel_name_normalise (cases[i].text);
      g_assert_cmpstr (name, ==, cases[i].expected);
    }
}

static void
test_key (void)
{
  static const NameCase cases[] = {
    { "FB Ads", "fbads" },
    { "fb-ads", "fbads" },
    { "FBADS", "fbads" },
    { "  f.b. ads!  ", "fbads" },
    { "Facebook_Ads", "facebookads" },
    { "Organic / Direct", "organicdirect" },
    { "Out-of-Home", "outofhome" },
    { "Channel 0", "channel0" },
    { "Café Ads", "caféads" },
    { "ÉMAIL", "émail" },
    { "Straße", "strasse" },
    { "", "" },
    { "  -/_  ", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *key = mmx_channel_name_key (cases[i].text);

      g_test_message ("key (“%s”)", cases[i].text);
      g_assert_cmpstr (key, ==, cases[i].expected);
    }
}

static void
test_builtin (void)
{
  g_assert_cmpstr (mmx_channel_name_builtin ("fbads"), ==, "Facebook Ads");
  g_assert_cmpstr (mmx_channel_name_builtin ("adwords"), ==, "Google Ads");
  g_assert_cmpstr (mmx_channel_name_builtin ("klaviyo"), ==, "Email");
  /* It takes keys, not names. */
  g_assert_null (mmx_channel_name_builtin ("FB Ads"));
  g_assert_null (mmx_channel_name_builtin ("Facebook Ads"));
  g_assert_null (mmx_channel_name_builtin (""));
  g_assert_null (mmx_channel_name_builtin ("hubspot"));
  g_assert_null (mmx_channel_name_builtin ("facebookadsx"));
}

static void
test_facebook (void)
{
  static const NameCase cases[] = {
    { "FB Ads", "Facebook Ads" },
    { "facebook ads", "Facebook Ads" },
    { "Meta Ads", "Facebook Ads" },
    { "Facebook", "Facebook Ads" },
    { "FACEBOOK ADS", "Facebook Ads" },
    { "fb", "Facebook Ads" },
    { "fb-ads", "Facebook Ads" },
    { "facebook_ads", "Facebook Ads" },
    { "  Facebook   Ads  ", "Facebook Ads" },
    { "Meta", "Facebook Ads" },
    { "Meta Ads Manager", "Facebook Ads" },
    { "Facebook & Instagram", "Facebook Ads" },
    { "Facebook Ads", "Facebook Ads" },
  };

  assert_normalised (cases, G_N_ELEMENTS (cases));
}

static void
test_google (void)
{
  static const NameCase cases[] = {
    { "AdWords", "Google Ads" },
    { "google_ads", "Google Ads" },
    { "Google Search", "Google Ads" },
    { "Google Ads", "Google Ads" },
    { "GOOGLE ADS", "Google Ads" },
    { "google", "Google Ads" },
    { "Google AdWords", "Google Ads" },
    { "google / cpc", "Google Ads" },
    { "Google Shopping", "Google Shopping" },
    { "Performance Max", "Google Shopping" },
  };

  assert_normalised (cases, G_N_ELEMENTS (cases));
}

static void
test_other_platforms (void)
{
  static const NameCase cases[] = {
    { "TikTok", "TikTok Ads" },
    { "tiktok ads", "TikTok Ads" },
    { "Tik-Tok", "TikTok Ads" },
    { "TIKTOK_ADS", "TikTok Ads" },
    { "LinkedIn", "LinkedIn Ads" },
    { "linkedin ads", "LinkedIn Ads" },
    { "Linked In", "LinkedIn Ads" },
    { "Bing", "Microsoft Ads" },
    { "Bing Ads", "Microsoft Ads" },
    { "Microsoft", "Microsoft Ads" },
    { "Microsoft Ads", "Microsoft Ads" },
    { "Microsoft Advertising", "Microsoft Ads" },
    { "Pinterest", "Pinterest Ads" },
    { "pinterest_ads", "Pinterest Ads" },
    { "Snapchat", "Snapchat Ads" },
    { "Snap Ads", "Snapchat Ads" },
    { "X", "X Ads" },
    { "x", "X Ads" },
    { "Twitter", "X Ads" },
    { "twitter ads", "X Ads" },
    { "X (Twitter)", "X Ads" },
    { "X Ads", "X Ads" },
    { "YouTube", "YouTube" },
    { "youtube ads", "YouTube" },
    { "You Tube", "YouTube" },
    { "YT", "YouTube" },
    { "Instagram", "Instagram Ads" },
    { "Reddit", "Reddit Ads" },
    { "Amazon Ads", "Amazon Ads" },
  };

  assert_normalised (cases, G_N_ELEMENTS (cases));
}

static void
test_channel_kinds (void)
{
  static const NameCase cases[] = {
    { "Email", "Email" },
    { "email", "Email" },
    { "E-mail", "Email" },
    { "Klaviyo", "Email" },
    { "Mailchimp", "Email" },
    { "MailChimp", "Email" },
    { "Newsletter", "Email" },
    { "Display", "Display" },
    { "display ads", "Display" },
    { "GDN", "Display" },
    { "Google Display Network", "Display" },
    { "Affiliate", "Affiliate" },
    { "affiliates", "Affiliate" },
    { "Affiliate Marketing", "Affiliate" },
    { "Organic", "Organic / Direct" },
    { "Direct", "Organic / Direct" },
    { "organic/direct", "Organic / Direct" },
    { "Organic / Direct", "Organic / Direct" },
    { "(none)", "Organic / Direct" },
    { "SEO", "Organic / Direct" },
    { "TV", "TV" },
    { "television", "TV" },
    { "CTV", "Connected TV" },
    { "OOH", "Out-of-Home" },
    { "billboards", "Out-of-Home" },
    { "DOOH", "Digital Out-of-Home" },
    { "Podcast", "Podcast" },
    { "Radio", "Radio" },
    { "SMS", "SMS" },
    { "influencers", "Influencer" },
  };

  assert_normalised (cases, G_N_ELEMENTS (cases));
}

static void
test_canonical_is_stable (void)
{
  /* A stored canonical name normalises to itself, so re-importing and
   * re-mapping stored rows never renames a channel. */
  const char *canonical[] = {
    "Facebook Ads", "Instagram Ads", "Google Ads", "Google Shopping", "Display", "YouTube",
    "TikTok Ads", "LinkedIn Ads", "Microsoft Ads", "Pinterest Ads", "Snapchat Ads", "X Ads",
    "Reddit Ads", "Amazon Ads", "Email", "SMS", "Affiliate", "Organic / Direct", "TV",
    "Connected TV", "Radio", "Podcast", "Print", "Out-of-Home", "Digital Out-of-Home",
    "Influencer",
  };

  for (guint i = 0; i < G_N_ELEMENTS (canonical); i++)
    {
      g_autofree char *key = mmx_channel_name_key (canonical[i]);
      g_autofree char *name = mmx_channel_name_normalise (canonical[i]);
      g_autofree char *again = mmx_channel_name_normalise (name);

      g_test_message ("canonical “%s”", canonical[i]);
      g_assert_cmpstr (mmx_channel_name_builtin (key), ==, canonical[i]);
      g_assert_cmpstr (name, ==, canonical[i]);
      g_assert_cmpstr (again, ==, canonical[i]);
    }
}

static void
test_tidy (void)
{
  static const NameCase cases[] = {
    { "direct_mail", "Direct Mail" },
    { "  podcast   network ", "Podcast Network" },
    { "radio_local", "Radio Local" },
    { "tab\tseparated", "Tab Separated" },
    { "podcast\u00a0network", "Podcast Network" },
    { "__leading_and_trailing__", "Leading And Trailing" },
    { "über ads", "Über Ads" },
    { "HubSpot", "HubSpot" },
    { "  HubSpot  ", "HubSpot" },
    { "my Brand", "my Brand" },
    { "ACME_corp", "ACME corp" },
    { "word-with-dash", "Word-with-dash" },
    { "q4 promo 2025", "Q4 Promo 2025" },
    { "", "" },
    { "   ", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *tidy = mmx_channel_name_tidy (cases[i].text);

      g_test_message ("tidy (“%s”) should be “%s”", cases[i].text, cases[i].expected);
      g_assert_cmpstr (tidy, ==, cases[i].expected);
    }
}

static void
test_unknown_kept (void)
{
  static const NameCase cases[] = {
    { "direct_mail", "Direct Mail" },
    { "  podcast   network ", "Podcast Network" },
    { "HubSpot", "HubSpot" },
    { "Channel0", "Channel0" },
    { "influencer program", "Influencer Program" },
  };

  assert_normalised (cases, G_N_ELEMENTS (cases));
}

static void
test_guess (void)
{
  static const NameCase cases[] = {
    { "Google Ads campaign report.csv", "Google Ads" },
    { "tiktok_export_2025.csv", "TikTok Ads" },
    { "/home/me/Downloads/meta-ads-2025-01.csv", "Facebook Ads" },
    { "FB Ads export.csv", "Facebook Ads" },
    { "LinkedIn Campaign Manager.csv", "LinkedIn Ads" },
    { "Microsoft Advertising report.csv", "Microsoft Ads" },
    { "bing.csv", "Microsoft Ads" },
    { "Klaviyo-campaigns.csv", "Email" },
    /* Two words together come first: not "Google" alone. */
    { "Google Display Network.csv", "Display" },
    { "google_shopping_q1.csv", "Google Shopping" },
    { "X Ads 2025.csv", "X Ads" },
  };
  const char *nothing[] = {
    "report.csv", "x.csv", "fb.csv", "yt.csv", "export 2025-01.csv", "", "data",
    "campaign_report_final_v2.csv",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("guess (“%s”) should be “%s”", cases[i].text, cases[i].expected);
      g_assert_cmpstr (mmx_channel_name_guess (cases[i].text), ==, cases[i].expected);
    }
  for (guint i = 0; i < G_N_ELEMENTS (nothing); i++)
    {
      g_test_message ("guess (“%s”) should be nothing", nothing[i]);
      g_assert_null (mmx_channel_name_guess (nothing[i]));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mmx/core/channel-name/key", test_key);
  g_test_add_func ("/mmx/core/channel-name/builtin", test_builtin);
  g_test_add_func ("/mmx/core/channel-name/facebook", test_facebook);
  g_test_add_func ("/mmx/core/channel-name/google", test_google);
  g_test_add_func ("/mmx/core/channel-name/other-platforms", test_other_platforms);
  g_test_add_func ("/mmx/core/channel-name/channel-kinds", test_channel_kinds);
  g_test_add_func ("/mmx/core/channel-name/canonical-is-stable", test_canonical_is_stable);
  g_test_add_func ("/mmx/core/channel-name/tidy", test_tidy);
  g_test_add_func ("/mmx/core/channel-name/unknown-kept", test_unknown_kept);
  g_test_add_func ("/mmx/core/channel-name/guess", test_guess);

  return g_test_run ();
}
