/* test-column-role.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "mmx-column-mapping.h"
#include "mmx-column-role.h"
#include "mmx-import-error.h"

/* Headers as ad platforms, shop systems and other MMM tools write them,
 * and the mappings users give for the ones nobody can guess. */

typedef struct
{
  const char *header;
  MmxField    field;
  const char *channel;
  const char *name;
} RoleCase;

static void
assert_role (const MmxColumnRole *role,
             MmxField             field,
             const char          *channel,
             const char          *name)
{
  g_assert_nonnull (role);
  g_assert_cmpstr (mmx_field_to_string (role->field), ==, mmx_field_to_string (field));
  g_assert_cmpstr (role->channel, ==, channel);
  g_assert_cmpstr (role->name, ==, name);
}

static void
assert_recognised (const RoleCase *cases,
                   gsize           n_cases)
{
  for (gsize i = 0; i < n_cases; i++)
    {
      g_autoptr(MmxColumnRole) role = NULL;

      g_test_message ("recognise (“%s”) should be %s:%s:%s", cases[i].header,
                      mmx_field_to_string (cases[i].field),
                      cases[i].channel ? cases[i].channel : "-",
                      cases[i].name ? cases[i].name : "-");
      role = mmx_column_role_recognise (cases[i].header);
      assert_role (role, cases[i].field, cases[i].channel, cases[i].name);
    }
}

static void
test_field_names (void)
{
  static const struct {
    MmxField    field;
    const char *name;
    gboolean    accepts_channel;
  } cases[] = {
    { MMX_FIELD_IGNORE, "ignore", FALSE },
    { MMX_FIELD_DATE, "date", FALSE },
    { MMX_FIELD_CHANNEL, "channel", FALSE },
    { MMX_FIELD_GEO, "geo", FALSE },
    { MMX_FIELD_SPEND, "spend", TRUE },
    { MMX_FIELD_REVENUE, "revenue", TRUE },
    { MMX_FIELD_IMPRESSIONS, "impressions", TRUE },
    { MMX_FIELD_CLICKS, "clicks", TRUE },
    { MMX_FIELD_CONVERSIONS, "conversions", TRUE },
    { MMX_FIELD_NEW_CUSTOMERS, "new_customers", TRUE },
    { MMX_FIELD_RETURNING_CUSTOMERS, "returning_customers", TRUE },
    { MMX_FIELD_REVENUE_PER_CONVERSION, "revenue_per_conversion", FALSE },
    { MMX_FIELD_CONTROL, "control", FALSE },
  };

  g_assert_cmpint (MMX_N_METRICS, ==, 7);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_cmpstr (mmx_field_to_string (cases[i].field), ==, cases[i].name);
      g_assert_cmpint (mmx_field_accepts_channel (cases[i].field), ==, cases[i].accepts_channel);
      g_assert_cmpint (MMX_FIELD_IS_METRIC (cases[i].field), ==, cases[i].accepts_channel);
    }
}

static void
test_role_copy (void)
{
  g_autoptr(MmxColumnRole) role = mmx_column_role_new (MMX_FIELD_SPEND, "TV", NULL);
  g_autoptr(MmxColumnRole) control = mmx_column_role_new (MMX_FIELD_CONTROL, NULL, "price");
  g_autoptr(MmxColumnRole) copy = mmx_column_role_copy (role);
  g_autoptr(MmxColumnRole) control_copy = mmx_column_role_copy (control);

  assert_role (copy, MMX_FIELD_SPEND, "TV", NULL);
  g_assert_true (copy->channel != role->channel);
  assert_role (control_copy, MMX_FIELD_CONTROL, NULL, "price");
  g_assert_true (control_copy->name != control->name);

  /* The copy owns its strings. */
  g_clear_pointer (&role, mmx_column_role_free);
  assert_role (copy, MMX_FIELD_SPEND, "TV", NULL);
  mmx_column_role_free (NULL);
}

static void
test_recognise_date (void)
{
  static const RoleCase cases[] = {
    { "date", MMX_FIELD_DATE, NULL, NULL },
    { "Date", MMX_FIELD_DATE, NULL, NULL },
    { "DATE", MMX_FIELD_DATE, NULL, NULL },
    { "  Date  ", MMX_FIELD_DATE, NULL, NULL },
    { "Day", MMX_FIELD_DATE, NULL, NULL },
    { "Week", MMX_FIELD_DATE, NULL, NULL },
    { "Week (Mon - Sun)", MMX_FIELD_DATE, NULL, NULL },
    { "Week starting", MMX_FIELD_DATE, NULL, NULL },
    { "Campaign date", MMX_FIELD_DATE, NULL, NULL },
    { "Reporting starts", MMX_FIELD_DATE, NULL, NULL },
    { "Reporting Starts", MMX_FIELD_DATE, NULL, NULL },
    { "date_week", MMX_FIELD_DATE, NULL, NULL },
    { "DATE_WEEK", MMX_FIELD_DATE, NULL, NULL },
    { "time", MMX_FIELD_DATE, NULL, NULL },
    { "ds", MMX_FIELD_DATE, NULL, NULL },
    { "Start date", MMX_FIELD_DATE, NULL, NULL },
  };

  assert_recognised (cases, G_N_ELEMENTS (cases));
}

static void
test_recognise_money (void)
{
  static const RoleCase cases[] = {
    { "spend", MMX_FIELD_SPEND, NULL, NULL },
    { "Spend", MMX_FIELD_SPEND, NULL, NULL },
    { "Cost", MMX_FIELD_SPEND, NULL, NULL },
    { "Amount spent", MMX_FIELD_SPEND, NULL, NULL },
    { "Amount spent (USD)", MMX_FIELD_SPEND, NULL, NULL },
    { "Amount Spent (EUR)", MMX_FIELD_SPEND, NULL, NULL },
    { "Spend (USD)", MMX_FIELD_SPEND, NULL, NULL },
    { "Spend (€)", MMX_FIELD_SPEND, NULL, NULL },
    { "Cost (GBP)", MMX_FIELD_SPEND, NULL, NULL },
    { "media_spend", MMX_FIELD_SPEND, NULL, NULL },
    { "Total cost", MMX_FIELD_SPEND, NULL, NULL },
    { "revenue", MMX_FIELD_REVENUE, NULL, NULL },
    { "Revenue", MMX_FIELD_REVENUE, NULL, NULL },
    { "Revenue (USD)", MMX_FIELD_REVENUE, NULL, NULL },
    { "Conv. value", MMX_FIELD_REVENUE, NULL, NULL },
    { "All conv. value", MMX_FIELD_REVENUE, NULL, NULL },
    { "Purchase conversion value", MMX_FIELD_REVENUE, NULL, NULL },
    { "Website purchases conversion value", MMX_FIELD_REVENUE, NULL, NULL },
    { "Sales", MMX_FIELD_REVENUE, NULL, NULL },
    { "Total sales", MMX_FIELD_REVENUE, NULL, NULL },
    { "revenue_per_conversion", MMX_FIELD_REVENUE_PER_CONVERSION, NULL, NULL },
    { "Revenue per conversion", MMX_FIELD_REVENUE_PER_CONVERSION, NULL, NULL },
    { "Revenue per order", MMX_FIELD_REVENUE_PER_CONVERSION, NULL, NULL },
  };

  assert_recognised (cases, G_N_ELEMENTS (cases));
}

static void
test_recognise_counts (void)
{
  static const RoleCase cases[] = {
    { "Impressions", MMX_FIELD_IMPRESSIONS, NULL, NULL },
    { "Impr.", MMX_FIELD_IMPRESSIONS, NULL, NULL },
    { "Clicks", MMX_FIELD_CLICKS, NULL, NULL },
    { "Link clicks", MMX_FIELD_CLICKS, NULL, NULL },
    { "Clicks (all)", MMX_FIELD_CLICKS, NULL, NULL },
    { "Conversions", MMX_FIELD_CONVERSIONS, NULL, NULL },
    { "Conv.", MMX_FIELD_CONVERSIONS, NULL, NULL },
    { "Purchases", MMX_FIELD_CONVERSIONS, NULL, NULL },
    { "Orders", MMX_FIELD_CONVERSIONS, NULL, NULL },
    { "new_customers", MMX_FIELD_NEW_CUSTOMERS, NULL, NULL },
    { "New customers", MMX_FIELD_NEW_CUSTOMERS, NULL, NULL },
    { "First-time customers", MMX_FIELD_NEW_CUSTOMERS, NULL, NULL },
    { "returning_customers", MMX_FIELD_RETURNING_CUSTOMERS, NULL, NULL },
    { "Returning Customers", MMX_FIELD_RETURNING_CUSTOMERS, NULL, NULL },
    { "Repeat customers", MMX_FIELD_RETURNING_CUSTOMERS, NULL, NULL },
  };

  assert_recognised (cases, G_N_ELEMENTS (cases));
}

static void
test_recognise_channel_and_geo (void)
{
  static const RoleCase cases[] = {
    { "channel", MMX_FIELD_CHANNEL, NULL, NULL },
    { "Channel", MMX_FIELD_CHANNEL, NULL, NULL },
    { "Platform", MMX_FIELD_CHANNEL, NULL, NULL },
    { "Source / Medium", MMX_FIELD_CHANNEL, NULL, NULL },
    { "Default channel group", MMX_FIELD_CHANNEL, NULL, NULL },
    { "geo", MMX_FIELD_GEO, NULL, NULL },
    { "Geo", MMX_FIELD_GEO, NULL, NULL },
    { "region", MMX_FIELD_GEO, NULL, NULL },
    { "Region", MMX_FIELD_GEO, NULL, NULL },
    { "country", MMX_FIELD_GEO, NULL, NULL },
    { "DMA", MMX_FIELD_GEO, NULL, NULL },
  };

  assert_recognised (cases, G_N_ELEMENTS (cases));
}

static void
test_recognise_wide (void)
{
  static const RoleCase cases[] = {
    { "spend_facebook", MMX_FIELD_SPEND, "facebook", NULL },
    { "spend_google_ads", MMX_FIELD_SPEND, "google ads", NULL },
    { "Facebook Spend", MMX_FIELD_SPEND, "Facebook", NULL },
    { "TikTok cost", MMX_FIELD_SPEND, "TikTok", NULL },
    { "Google Ads Cost (USD)", MMX_FIELD_SPEND, "Google Ads", NULL },
    { "Channel0_spend", MMX_FIELD_SPEND, "Channel0", NULL },
    { "Channel0_impression", MMX_FIELD_IMPRESSIONS, "Channel0", NULL },
    { "Channel3_impressions", MMX_FIELD_IMPRESSIONS, "Channel3", NULL },
    { "clicks_tiktok", MMX_FIELD_CLICKS, "tiktok", NULL },
    { "revenue_email", MMX_FIELD_REVENUE, "email", NULL },
    { "conversions_fb", MMX_FIELD_CONVERSIONS, "fb", NULL },
    { "tv_spend", MMX_FIELD_SPEND, "tv", NULL },
    /* A known channel's bare name is its spend. */
    { "facebook", MMX_FIELD_SPEND, "facebook", NULL },
    { "TikTok", MMX_FIELD_SPEND, "TikTok", NULL },
    { "Google Ads", MMX_FIELD_SPEND, "Google Ads", NULL },
    { "google_ads", MMX_FIELD_SPEND, "google_ads", NULL },
  };

  assert_recognised (cases, G_N_ELEMENTS (cases));
}

static void
test_recognise_controls (void)
{
  static const RoleCase cases[] = {
    { "Promo", MMX_FIELD_CONTROL, NULL, "Promo" },
    { "promotions", MMX_FIELD_CONTROL, NULL, "promotions" },
    { "events", MMX_FIELD_CONTROL, NULL, "events" },
    { "Holiday", MMX_FIELD_CONTROL, NULL, "Holiday" },
    { "price", MMX_FIELD_CONTROL, NULL, "price" },
    { "competitor_sales_control", MMX_FIELD_CONTROL, NULL, "competitor_sales_control" },
    { "Weather Control", MMX_FIELD_CONTROL, NULL, "Weather Control" },
  };

  assert_recognised (cases, G_N_ELEMENTS (cases));
}

static void
test_recognise_derived_ignored (void)
{
  static const RoleCase cases[] = {
    { "CTR", MMX_FIELD_IGNORE, NULL, NULL },
    { "Cost / conv.", MMX_FIELD_IGNORE, NULL, NULL },
    { "Cost / all conv.", MMX_FIELD_IGNORE, NULL, NULL },
    { "Avg. CPC", MMX_FIELD_IGNORE, NULL, NULL },
    { "Conv. rate", MMX_FIELD_IGNORE, NULL, NULL },
    { "Campaign", MMX_FIELD_IGNORE, NULL, NULL },
    { "Campaign name", MMX_FIELD_IGNORE, NULL, NULL },
    { "Ad set name", MMX_FIELD_IGNORE, NULL, NULL },
    { "ROAS", MMX_FIELD_IGNORE, NULL, NULL },
    { "Purchase ROAS", MMX_FIELD_IGNORE, NULL, NULL },
    { "CPM (cost per 1,000 impressions)", MMX_FIELD_IGNORE, NULL, NULL },
    { "Cost per result", MMX_FIELD_IGNORE, NULL, NULL },
    { "Search impr. share", MMX_FIELD_IGNORE, NULL, NULL },
    { "Reach", MMX_FIELD_IGNORE, NULL, NULL },
    { "Frequency", MMX_FIELD_IGNORE, NULL, NULL },
    { "Currency", MMX_FIELD_IGNORE, NULL, NULL },
    { "Currency code", MMX_FIELD_IGNORE, NULL, NULL },
  };

  assert_recognised (cases, G_N_ELEMENTS (cases));
}

static void
test_recognise_unknown (void)
{
  const char *headers[] = {
    "y", "x1", "x2", "tv_S", "ooh_S", "Y", "foo", "foo bar", "", "   ", "---", "(USD)", "USD",
    "kpi",
  };

  for (guint i = 0; i < G_N_ELEMENTS (headers); i++)
    {
      g_autoptr(MmxColumnRole) role = mmx_column_role_recognise (headers[i]);

      g_test_message ("recognise (“%s”) should know nothing", headers[i]);
      g_assert_null (role);
    }
}

static void
test_parse (void)
{
  static const struct {
    const char *spec;
    const char *column;
    MmxField    field;
    const char *channel;
    const char *name;
    const char *string;
  } cases[] = {
    { "date", "Day", MMX_FIELD_DATE, NULL, NULL, "date" },
    { " Date ", "Day", MMX_FIELD_DATE, NULL, NULL, "date" },
    { "REVENUE", "y", MMX_FIELD_REVENUE, NULL, NULL, "revenue" },
    { "channel", "src", MMX_FIELD_CHANNEL, NULL, NULL, "channel" },
    { "geo", "area", MMX_FIELD_GEO, NULL, NULL, "geo" },
    { "ignore", "junk", MMX_FIELD_IGNORE, NULL, NULL, "ignore" },
    { "spend", "cost", MMX_FIELD_SPEND, NULL, NULL, "spend" },
    { "spend:Facebook Ads", "x1", MMX_FIELD_SPEND, "Facebook Ads", NULL, "spend:Facebook Ads" },
    { "spend: TV", "tv_S", MMX_FIELD_SPEND, "TV", NULL, "spend:TV" },
    { "impressions:TV", "tv_I", MMX_FIELD_IMPRESSIONS, "TV", NULL, "impressions:TV" },
    { "clicks:Search", "c", MMX_FIELD_CLICKS, "Search", NULL, "clicks:Search" },
    { "revenue:Email", "r", MMX_FIELD_REVENUE, "Email", NULL, "revenue:Email" },
    { "new_customers", "n", MMX_FIELD_NEW_CUSTOMERS, NULL, NULL, "new_customers" },
    { "returning_customers", "r", MMX_FIELD_RETURNING_CUSTOMERS, NULL, NULL,
      "returning_customers" },
    { "revenue_per_conversion", "aov", MMX_FIELD_REVENUE_PER_CONVERSION, NULL, NULL,
      "revenue_per_conversion" },
    { "control:price", "x3", MMX_FIELD_CONTROL, NULL, "price", "control:price" },
    { "Control:Competitor index", "x4", MMX_FIELD_CONTROL, NULL, "Competitor index",
      "control:Competitor index" },
    /* A control without a name takes the column's. */
    { "control", "Promo", MMX_FIELD_CONTROL, NULL, "Promo", "control:Promo" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(MmxColumnRole) role = NULL;
      g_autoptr(MmxColumnRole) again = NULL;
      g_autofree char *string = NULL;
      g_autofree char *string_again = NULL;

      g_test_message ("parse (“%s”, “%s”)", cases[i].spec, cases[i].column);
      role = mmx_column_role_parse (cases[i].spec, cases[i].column, &error);
      g_assert_no_error (error);
      assert_role (role, cases[i].field, cases[i].channel, cases[i].name);

      /* What to_string() writes, parse() reads back as the same role. */
      string = mmx_column_role_to_string (role);
      g_assert_cmpstr (string, ==, cases[i].string);
      again = mmx_column_role_parse (string, "another column", &error);
      g_assert_no_error (error);
      assert_role (again, cases[i].field, cases[i].channel, cases[i].name);
      string_again = mmx_column_role_to_string (again);
      g_assert_cmpstr (string_again, ==, string);
    }
}

static void
test_parse_control_without_column (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MmxColumnRole) role = mmx_column_role_parse ("control", NULL, &error);
  g_autofree char *string = NULL;

  g_assert_no_error (error);
  assert_role (role, MMX_FIELD_CONTROL, NULL, NULL);
  string = mmx_column_role_to_string (role);
  g_assert_cmpstr (string, ==, "control");
}

static void
test_parse_bad (void)
{
  const char *specs[] = {
    "bogus", "", " ", ":", ":TV", "dates", "spend_tv", "date:x", "channel:Facebook",
    "geo:EU", "ignore:x", "revenue_per_conversion:TV", "spend:", "spend:   ", "control:",
    "spend;TV",
  };

  for (guint i = 0; i < G_N_ELEMENTS (specs); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(MmxColumnRole) role = NULL;

      g_test_message ("parse (“%s”) should fail", specs[i]);
      role = mmx_column_role_parse (specs[i], "column", &error);
      g_assert_error (error, MMX_IMPORT_ERROR, MMX_IMPORT_ERROR_BAD_MAPPING);
      g_assert_null (role);
      /* The message quotes what the user wrote. */
      g_assert_nonnull (strstr (error->message, specs[i]));
    }
}

static void
test_mapping_new (void)
{
  g_autoptr(MmxColumnMapping) mapping = mmx_column_mapping_new ();

  g_assert_true (mmx_column_mapping_is_empty (mapping));
  g_assert_cmpuint (mmx_column_mapping_get_n_columns (mapping), ==, 0);
  g_assert_cmpint (mmx_column_mapping_get_date_format (mapping), ==, MMX_DATE_FORMAT_UNKNOWN);
  g_assert_null (mmx_column_mapping_get_name (mapping));
  g_assert_null (mmx_column_mapping_get_channel (mapping));
  g_assert_null (mmx_column_mapping_lookup (mapping, "y"));
}

static void
test_mapping_set (void)
{
  g_autoptr(MmxColumnMapping) mapping = mmx_column_mapping_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (mmx_column_mapping_set (mapping, "y", "revenue", &error));
  g_assert_no_error (error);
  g_assert_true (mmx_column_mapping_set (mapping, "x1", "spend:TV", &error));
  g_assert_no_error (error);
  g_assert_true (mmx_column_mapping_set (mapping, "promo", "control", &error));
  g_assert_no_error (error);
  g_assert_false (mmx_column_mapping_is_empty (mapping));
  g_assert_cmpuint (mmx_column_mapping_get_n_columns (mapping), ==, 3);
  g_assert_cmpstr (mmx_column_mapping_get_column (mapping, 0), ==, "y");
  g_assert_cmpstr (mmx_column_mapping_get_column (mapping, 1), ==, "x1");
  g_assert_cmpstr (mmx_column_mapping_get_column (mapping, 2), ==, "promo");
  assert_role (mmx_column_mapping_get_role (mapping, 0), MMX_FIELD_REVENUE, NULL, NULL);
  assert_role (mmx_column_mapping_get_role (mapping, 1), MMX_FIELD_SPEND, "TV", NULL);
  assert_role (mmx_column_mapping_get_role (mapping, 2), MMX_FIELD_CONTROL, NULL, "promo");

  /* Setting a column again replaces its role in place. */
  g_assert_true (mmx_column_mapping_set (mapping, "y", "ignore", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (mmx_column_mapping_get_n_columns (mapping), ==, 3);
  g_assert_cmpstr (mmx_column_mapping_get_column (mapping, 0), ==, "y");
  assert_role (mmx_column_mapping_get_role (mapping, 0), MMX_FIELD_IGNORE, NULL, NULL);
  assert_role (mmx_column_mapping_lookup (mapping, "y"), MMX_FIELD_IGNORE, NULL, NULL);

  /* A bad role changes nothing. */
  g_assert_false (mmx_column_mapping_set (mapping, "x1", "bogus", &error));
  g_assert_error (error, MMX_IMPORT_ERROR, MMX_IMPORT_ERROR_BAD_MAPPING);
  g_clear_error (&error);
  g_assert_false (mmx_column_mapping_set (mapping, "x9", "date:x", &error));
  g_assert_error (error, MMX_IMPORT_ERROR, MMX_IMPORT_ERROR_BAD_MAPPING);
  g_assert_cmpuint (mmx_column_mapping_get_n_columns (mapping), ==, 3);
  assert_role (mmx_column_mapping_lookup (mapping, "x1"), MMX_FIELD_SPEND, "TV", NULL);
  g_assert_null (mmx_column_mapping_lookup (mapping, "x9"));
}

static void
test_mapping_settings (void)
{
  g_autoptr(MmxColumnMapping) mapping = mmx_column_mapping_new ();

  mmx_column_mapping_set_date_format (mapping, MMX_DATE_FORMAT_DMY);
  g_assert_false (mmx_column_mapping_is_empty (mapping));
  g_assert_cmpint (mmx_column_mapping_get_date_format (mapping), ==, MMX_DATE_FORMAT_DMY);
  mmx_column_mapping_set_date_format (mapping, MMX_DATE_FORMAT_UNKNOWN);
  g_assert_true (mmx_column_mapping_is_empty (mapping));

  mmx_column_mapping_set_channel (mapping, "Facebook Ads");
  g_assert_false (mmx_column_mapping_is_empty (mapping));
  g_assert_cmpstr (mmx_column_mapping_get_channel (mapping), ==, "Facebook Ads");
  mmx_column_mapping_set_channel (mapping, mmx_column_mapping_get_channel (mapping));
  g_assert_cmpstr (mmx_column_mapping_get_channel (mapping), ==, "Facebook Ads");
  mmx_column_mapping_set_channel (mapping, NULL);
  g_assert_null (mmx_column_mapping_get_channel (mapping));
  g_assert_true (mmx_column_mapping_is_empty (mapping));

  /* The delimiter, when detection cannot tell. */
  mmx_column_mapping_set_delimiter (mapping, '\t');
  g_assert_false (mmx_column_mapping_is_empty (mapping));
  g_assert_cmpint (mmx_column_mapping_get_delimiter (mapping), ==, '\t');
  mmx_column_mapping_set_delimiter (mapping, 0);
  g_assert_true (mmx_column_mapping_is_empty (mapping));

  /* The name it is saved under is not what the mapping says. */
  mmx_column_mapping_set_name (mapping, "Robyn demo");
  g_assert_cmpstr (mmx_column_mapping_get_name (mapping), ==, "Robyn demo");
  mmx_column_mapping_set_name (mapping, mmx_column_mapping_get_name (mapping));
  g_assert_cmpstr (mmx_column_mapping_get_name (mapping), ==, "Robyn demo");
  g_assert_true (mmx_column_mapping_is_empty (mapping));
  mmx_column_mapping_set_name (mapping, NULL);
  g_assert_null (mmx_column_mapping_get_name (mapping));
}

static void
test_mapping_parse_argument (void)
{
  g_autoptr(MmxColumnMapping) mapping = mmx_column_mapping_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (mmx_column_mapping_parse_argument (mapping, "tv_S=spend:TV", &error));
  g_assert_no_error (error);
  g_assert_true (mmx_column_mapping_parse_argument (mapping, "y=revenue", &error));
  g_assert_no_error (error);
  g_assert_true (mmx_column_mapping_parse_argument (mapping, "DATE=date", &error));
  g_assert_no_error (error);
  g_assert_true (mmx_column_mapping_parse_argument (mapping, "competitor index=control",
                                                    &error));
  g_assert_no_error (error);
  /* The field is after the last "=": a header may hold one. */
  g_assert_true (mmx_column_mapping_parse_argument (mapping, "a=b=ignore", &error));
  g_assert_no_error (error);

  g_assert_cmpuint (mmx_column_mapping_get_n_columns (mapping), ==, 5);
  assert_role (mmx_column_mapping_lookup (mapping, "tv_S"), MMX_FIELD_SPEND, "TV", NULL);
  assert_role (mmx_column_mapping_lookup (mapping, "y"), MMX_FIELD_REVENUE, NULL, NULL);
  assert_role (mmx_column_mapping_lookup (mapping, "DATE"), MMX_FIELD_DATE, NULL, NULL);
  assert_role (mmx_column_mapping_lookup (mapping, "competitor index"), MMX_FIELD_CONTROL, NULL,
               "competitor index");
  g_assert_cmpstr (mmx_column_mapping_get_column (mapping, 4), ==, "a=b");
  assert_role (mmx_column_mapping_get_role (mapping, 4), MMX_FIELD_IGNORE, NULL, NULL);
}

static void
test_mapping_parse_argument_bad (void)
{
  const char *arguments[] = {
    "nocolumn", "=x", "=", "", "=revenue", "y=", "y=bogus", "y=date:x", "tv_S=spend:",
  };
  g_autoptr(MmxColumnMapping) mapping = mmx_column_mapping_new ();

  for (guint i = 0; i < G_N_ELEMENTS (arguments); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("parse_argument (“%s”) should fail", arguments[i]);
      g_assert_false (mmx_column_mapping_parse_argument (mapping, arguments[i], &error));
      g_assert_error (error, MMX_IMPORT_ERROR, MMX_IMPORT_ERROR_BAD_MAPPING);
      g_assert_nonnull (error->message);
      g_assert_cmpstr (error->message, !=, "");
    }
  g_assert_true (mmx_column_mapping_is_empty (mapping));
}

static void
test_mapping_lookup (void)
{
  g_autoptr(MmxColumnMapping) mapping = mmx_column_mapping_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (mmx_column_mapping_parse_argument (mapping, "tv_S=spend:TV", &error));
  g_assert_true (mmx_column_mapping_parse_argument (mapping, "Competitor Sales=control", &error));
  g_assert_no_error (error);

  assert_role (mmx_column_mapping_lookup (mapping, "tv_S"), MMX_FIELD_SPEND, "TV", NULL);
  assert_role (mmx_column_mapping_lookup (mapping, "TV_S"), MMX_FIELD_SPEND, "TV", NULL);
  assert_role (mmx_column_mapping_lookup (mapping, "tv s"), MMX_FIELD_SPEND, "TV", NULL);
  assert_role (mmx_column_mapping_lookup (mapping, "TV-S"), MMX_FIELD_SPEND, "TV", NULL);
  assert_role (mmx_column_mapping_lookup (mapping, " tvS "), MMX_FIELD_SPEND, "TV", NULL);
  assert_role (mmx_column_mapping_lookup (mapping, "competitor_sales"), MMX_FIELD_CONTROL, NULL,
               "Competitor Sales");
  g_assert_null (mmx_column_mapping_lookup (mapping, "tv"));
  g_assert_null (mmx_column_mapping_lookup (mapping, "tv_S2"));
  g_assert_null (mmx_column_mapping_lookup (mapping, "y"));
  g_assert_null (mmx_column_mapping_lookup (mapping, ""));
}

static void
test_mapping_lookup_exact_first (void)
{
  g_autoptr(MmxColumnMapping) mapping = mmx_column_mapping_new ();
  g_autoptr(GError) error = NULL;

  /* Two columns that differ only in case: the exact spelling wins. */
  g_assert_true (mmx_column_mapping_set (mapping, "Spend", "spend:A", &error));
  g_assert_true (mmx_column_mapping_set (mapping, "spend", "spend:B", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (mmx_column_mapping_get_n_columns (mapping), ==, 2);

  assert_role (mmx_column_mapping_lookup (mapping, "Spend"), MMX_FIELD_SPEND, "A", NULL);
  assert_role (mmx_column_mapping_lookup (mapping, "spend"), MMX_FIELD_SPEND, "B", NULL);
  g_assert_nonnull (mmx_column_mapping_lookup (mapping, "SPEND"));
}

static void
test_mapping_find_missing_column (void)
{
  g_autoptr(MmxColumnMapping) mapping = mmx_column_mapping_new ();
  g_autoptr(GError) error = NULL;
  const char *complete[] = { "date", "y", "tv_S", "x1", NULL };
  const char *other_spelling[] = { "Date", "Y", "TV S", NULL };
  const char *without_tv[] = { "date", "y", "x1", NULL };
  const char *without_any[] = { "date", NULL };
  const char *nothing[] = { NULL };

  g_assert_null (mmx_column_mapping_find_missing_column (mapping, complete));
  g_assert_null (mmx_column_mapping_find_missing_column (mapping, nothing));

  g_assert_true (mmx_column_mapping_parse_argument (mapping, "y=revenue", &error));
  g_assert_true (mmx_column_mapping_parse_argument (mapping, "tv_S=spend:TV", &error));
  g_assert_no_error (error);

  g_assert_null (mmx_column_mapping_find_missing_column (mapping, complete));
  g_assert_null (mmx_column_mapping_find_missing_column (mapping, other_spelling));
  g_assert_cmpstr (mmx_column_mapping_find_missing_column (mapping, without_tv), ==, "tv_S");
  g_assert_cmpstr (mmx_column_mapping_find_missing_column (mapping, without_any), ==, "y");
  g_assert_cmpstr (mmx_column_mapping_find_missing_column (mapping, nothing), ==, "y");
}

static void
test_mapping_update (void)
{
  g_autoptr(MmxColumnMapping) saved = mmx_column_mapping_new ();
  g_autoptr(MmxColumnMapping) options = mmx_column_mapping_new ();
  g_autoptr(MmxColumnMapping) more = mmx_column_mapping_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (mmx_column_mapping_parse_argument (saved, "y=revenue", &error));
  g_assert_true (mmx_column_mapping_parse_argument (saved, "x1=spend:TV", &error));
  g_assert_no_error (error);
  mmx_column_mapping_set_date_format (saved, MMX_DATE_FORMAT_DMY);
  mmx_column_mapping_set_channel (saved, "Radio");

  /* The options given for this import win over the saved mapping, and
   * what they leave unsaid stays as saved. */
  g_assert_true (mmx_column_mapping_parse_argument (options, "x1=spend:Radio", &error));
  g_assert_true (mmx_column_mapping_parse_argument (options, "x2=control:price", &error));
  g_assert_no_error (error);
  mmx_column_mapping_update (saved, options);

  g_assert_cmpuint (mmx_column_mapping_get_n_columns (saved), ==, 3);
  g_assert_cmpstr (mmx_column_mapping_get_column (saved, 0), ==, "y");
  g_assert_cmpstr (mmx_column_mapping_get_column (saved, 1), ==, "x1");
  g_assert_cmpstr (mmx_column_mapping_get_column (saved, 2), ==, "x2");
  assert_role (mmx_column_mapping_lookup (saved, "y"), MMX_FIELD_REVENUE, NULL, NULL);
  assert_role (mmx_column_mapping_lookup (saved, "x1"), MMX_FIELD_SPEND, "Radio", NULL);
  assert_role (mmx_column_mapping_lookup (saved, "x2"), MMX_FIELD_CONTROL, NULL, "price");
  g_assert_cmpint (mmx_column_mapping_get_date_format (saved), ==, MMX_DATE_FORMAT_DMY);
  g_assert_cmpstr (mmx_column_mapping_get_channel (saved), ==, "Radio");

  /* The source is left as it was. */
  g_assert_cmpuint (mmx_column_mapping_get_n_columns (options), ==, 2);
  assert_role (mmx_column_mapping_lookup (options, "x1"), MMX_FIELD_SPEND, "Radio", NULL);
  g_assert_null (mmx_column_mapping_lookup (options, "y"));

  /* The roles are copies: dropping the source keeps them. */
  g_clear_object (&options);
  assert_role (mmx_column_mapping_lookup (saved, "x2"), MMX_FIELD_CONTROL, NULL, "price");

  mmx_column_mapping_set_date_format (more, MMX_DATE_FORMAT_MDY);
  mmx_column_mapping_set_channel (more, "TV");
  mmx_column_mapping_update (saved, more);
  g_assert_cmpint (mmx_column_mapping_get_date_format (saved), ==, MMX_DATE_FORMAT_MDY);
  g_assert_cmpstr (mmx_column_mapping_get_channel (saved), ==, "TV");
  g_assert_cmpuint (mmx_column_mapping_get_n_columns (saved), ==, 3);

  /* Updating from an empty mapping changes nothing. */
  g_clear_object (&more);
  more = mmx_column_mapping_new ();
  mmx_column_mapping_update (saved, more);
  g_assert_cmpint (mmx_column_mapping_get_date_format (saved), ==, MMX_DATE_FORMAT_MDY);
  g_assert_cmpstr (mmx_column_mapping_get_channel (saved), ==, "TV");
  g_assert_cmpuint (mmx_column_mapping_get_n_columns (saved), ==, 3);
}

static void
assert_same_mapping (MmxColumnMapping *a,
                     MmxColumnMapping *b)
{
  g_assert_cmpuint (mmx_column_mapping_get_n_columns (a), ==,
                    mmx_column_mapping_get_n_columns (b));
  for (guint i = 0; i < mmx_column_mapping_get_n_columns (a); i++)
    {
      const MmxColumnRole *role = mmx_column_mapping_get_role (a, i);

      g_assert_cmpstr (mmx_column_mapping_get_column (a, i), ==,
                       mmx_column_mapping_get_column (b, i));
      assert_role (mmx_column_mapping_get_role (b, i), role->field, role->channel, role->name);
    }
  g_assert_cmpint (mmx_column_mapping_get_date_format (a), ==,
                   mmx_column_mapping_get_date_format (b));
  g_assert_cmpstr (mmx_column_mapping_get_channel (a), ==, mmx_column_mapping_get_channel (b));
  g_assert_cmpint (mmx_column_mapping_get_delimiter (a), ==, mmx_column_mapping_get_delimiter (b));
}

static void
test_mapping_json_round_trip (void)
{
  g_autoptr(MmxColumnMapping) mapping = mmx_column_mapping_new ();
  g_autoptr(MmxColumnMapping) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *json_again = NULL;
  const char *arguments[] = {
    "DATE=date", "y=revenue", "tv_S=spend:TV", "Coût (€)=spend:Télé", "x \"quoted\"=ignore",
    "promo=control", "comp=control:Competitor index", "area=geo", "n=new_customers",
    "back\\slash=clicks:Search",
  };

  for (guint i = 0; i < G_N_ELEMENTS (arguments); i++)
    {
      g_assert_true (mmx_column_mapping_parse_argument (mapping, arguments[i], &error));
      g_assert_no_error (error);
    }
  mmx_column_mapping_set_date_format (mapping, MMX_DATE_FORMAT_MDY);
  mmx_column_mapping_set_channel (mapping, "Facebook Ads");
  mmx_column_mapping_set_delimiter (mapping, ';');

  json = mmx_column_mapping_to_json (mapping);
  g_assert_nonnull (json);
  loaded = mmx_column_mapping_new_from_json (json, &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  assert_same_mapping (mapping, loaded);
  assert_role (mmx_column_mapping_lookup (loaded, "promo"), MMX_FIELD_CONTROL, NULL, "promo");
  assert_role (mmx_column_mapping_lookup (loaded, "Coût (€)"), MMX_FIELD_SPEND, "Télé", NULL);

  json_again = mmx_column_mapping_to_json (loaded);
  g_assert_cmpstr (json_again, ==, json);
}

/* A delimiter a later version might write is left to detection. */
static void
test_mapping_json_unknown_delimiter (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MmxColumnMapping) loaded = NULL;

  loaded = mmx_column_mapping_new_from_json ("{\"columns\":[[\"y\",\"revenue\"]],\"delimiter\":\"#\"}",
                                             &error);
  g_assert_no_error (error);
  g_assert_cmpint (mmx_column_mapping_get_delimiter (loaded), ==, 0);
  g_clear_object (&loaded);
  loaded = mmx_column_mapping_new_from_json ("{\"columns\":[],\"delimiter\":5}", &error);
  g_assert_null (loaded);
  g_assert_nonnull (error);
}

static void
test_mapping_json_empty (void)
{
  g_autoptr(MmxColumnMapping) mapping = mmx_column_mapping_new ();
  g_autoptr(MmxColumnMapping) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = mmx_column_mapping_to_json (mapping);

  loaded = mmx_column_mapping_new_from_json (json, &error);
  g_assert_no_error (error);
  g_assert_true (mmx_column_mapping_is_empty (loaded));

  /* Optional members may be missing, null or of a later version. */
  g_clear_object (&loaded);
  loaded = mmx_column_mapping_new_from_json ("{\"columns\": [[\"y\", \"revenue\"]], "
                                             "\"date_format\": \"dmy\", \"channel\": null, "
                                             "\"added_later\": [1, 2]}", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mmx_column_mapping_get_n_columns (loaded), ==, 1);
  g_assert_cmpint (mmx_column_mapping_get_date_format (loaded), ==, MMX_DATE_FORMAT_DMY);
  g_assert_null (mmx_column_mapping_get_channel (loaded));

  g_clear_object (&loaded);
  loaded = mmx_column_mapping_new_from_json ("{\"columns\": [], \"date_format\": \"sometime\"}",
                                             &error);
  g_assert_no_error (error);
  g_assert_cmpint (mmx_column_mapping_get_date_format (loaded), ==, MMX_DATE_FORMAT_UNKNOWN);
}

static void
test_mapping_json_damaged (void)
{
  const char *damaged[] = {
    "not json",
    "{",
    "{\"columns\": [[\"y\", \"revenue\"]",
    "null",
    "42",
    "\"columns\"",
    "[]",
    "[[\"y\", \"revenue\"]]",
    "{}",
    "{\"date_format\": \"dmy\"}",
    "{\"columns\": null}",
    "{\"columns\": 5}",
    "{\"columns\": \"y=revenue\"}",
    "{\"columns\": {\"y\": \"revenue\"}}",
    "{\"columns\": [5]}",
    "{\"columns\": [\"y\"]}",
    "{\"columns\": [[]]}",
    "{\"columns\": [[\"y\"]]}",
    "{\"columns\": [[\"y\", \"revenue\", \"x\"]]}",
    "{\"columns\": [[\"y\", 5]]}",
    "{\"columns\": [[1, \"revenue\"]]}",
    "{\"columns\": [[\"y\", null]]}",
    "{\"columns\": [[\"y\", [\"revenue\"]]]}",
    "{\"columns\": [[\"y\", \"bogus\"]]}",
    "{\"columns\": [[\"y\", \"date:x\"]]}",
    "{\"columns\": [[\"y\", \"revenue\"], [\"x\", \"spend:\"]]}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (damaged); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(MmxColumnMapping) mapping = NULL;

      g_test_message ("new_from_json (%s) should fail", damaged[i]);
      mapping = mmx_column_mapping_new_from_json (damaged[i], &error);
      g_assert_error (error, MMX_IMPORT_ERROR, MMX_IMPORT_ERROR_BAD_MAPPING);
      g_assert_null (mapping);
    }
}

/* Loads @json in a subprocess, where a crash or a critical warning fails
 * the test without taking the others down, and checks that it gives
 * either a mapping error or a mapping that makes nothing up from the
 * wrongly typed member. */
static void
assert_loads_or_fails (const char *json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MmxColumnMapping) mapping = NULL;

  mapping = mmx_column_mapping_new_from_json (json, &error);
  if (mapping == NULL)
    {
      g_assert_error (error, MMX_IMPORT_ERROR, MMX_IMPORT_ERROR_BAD_MAPPING);
      return;
    }
  g_assert_no_error (error);
  g_assert_cmpstr (mmx_date_format_to_string (mmx_column_mapping_get_date_format (mapping)), ==,
                   mmx_date_format_to_string (MMX_DATE_FORMAT_UNKNOWN));
  g_assert_null (mmx_column_mapping_get_channel (mapping));
}

static const char * const wrongly_typed[] = {
  "",
  "   ",
  "{\"columns\": [], \"date_format\": 5}",
  "{\"columns\": [], \"date_format\": true}",
  "{\"columns\": [], \"date_format\": {}}",
  "{\"columns\": [], \"date_format\": [\"dmy\"]}",
  "{\"columns\": [], \"channel\": 5}",
  "{\"columns\": [], \"channel\": {}}",
  "{\"columns\": [], \"channel\": [\"TV\"]}",
};

static void
test_mapping_json_wrong_types (void)
{
  if (g_test_subprocess ())
    {
      guint index = (guint) g_ascii_strtoull (g_getenv ("MMX_TEST_JSON_CASE"), NULL, 10);

      assert_loads_or_fails (wrongly_typed[index]);
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (wrongly_typed); i++)
    {
      g_autofree char *index = g_strdup_printf ("%u", i);

      g_test_message ("new_from_json (%s) must not crash", wrongly_typed[i]);
      g_setenv ("MMX_TEST_JSON_CASE", index, TRUE);
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mmx/core/column-role/field-names", test_field_names);
  g_test_add_func ("/mmx/core/column-role/copy", test_role_copy);
  g_test_add_func ("/mmx/core/column-role/recognise-date", test_recognise_date);
  g_test_add_func ("/mmx/core/column-role/recognise-money", test_recognise_money);
  g_test_add_func ("/mmx/core/column-role/recognise-counts", test_recognise_counts);
  g_test_add_func ("/mmx/core/column-role/recognise-channel-and-geo",
                   test_recognise_channel_and_geo);
  g_test_add_func ("/mmx/core/column-role/recognise-wide", test_recognise_wide);
  g_test_add_func ("/mmx/core/column-role/recognise-controls", test_recognise_controls);
  g_test_add_func ("/mmx/core/column-role/recognise-derived-ignored",
                   test_recognise_derived_ignored);
  g_test_add_func ("/mmx/core/column-role/recognise-unknown", test_recognise_unknown);
  g_test_add_func ("/mmx/core/column-role/parse", test_parse);
  g_test_add_func ("/mmx/core/column-role/parse-control-without-column",
                   test_parse_control_without_column);
  g_test_add_func ("/mmx/core/column-role/parse-bad", test_parse_bad);
  g_test_add_func ("/mmx/core/column-mapping/new", test_mapping_new);
  g_test_add_func ("/mmx/core/column-mapping/set", test_mapping_set);
  g_test_add_func ("/mmx/core/column-mapping/settings", test_mapping_settings);
  g_test_add_func ("/mmx/core/column-mapping/parse-argument", test_mapping_parse_argument);
  g_test_add_func ("/mmx/core/column-mapping/parse-argument-bad",
                   test_mapping_parse_argument_bad);
  g_test_add_func ("/mmx/core/column-mapping/lookup", test_mapping_lookup);
  g_test_add_func ("/mmx/core/column-mapping/lookup-exact-first",
                   test_mapping_lookup_exact_first);
  g_test_add_func ("/mmx/core/column-mapping/find-missing-column",
                   test_mapping_find_missing_column);
  g_test_add_func ("/mmx/core/column-mapping/update", test_mapping_update);
  g_test_add_func ("/mmx/core/column-mapping/json-round-trip", test_mapping_json_round_trip);
  g_test_add_func ("/mmx/core/column-mapping/json/unknown-delimiter",
                   test_mapping_json_unknown_delimiter);
  g_test_add_func ("/mmx/core/column-mapping/json-empty", test_mapping_json_empty);
  g_test_add_func ("/mmx/core/column-mapping/json-damaged", test_mapping_json_damaged);
  g_test_add_func ("/mmx/core/column-mapping/json-wrong-types", test_mapping_json_wrong_types);

  return g_test_run ();
}
