#!/usr/bin/env python3
# generate-samples.py
#
# Copyright 2026 The MarketingMix developers
#
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the sample data sets of MarketingMix from a fixed seed.

    demo-daily.csv        two years of daily data, long shape, one row per day and
                          channel, as exported from the ad platforms (their own
                          channel spellings, which the import normalises)
    demo-weekly-wide.csv  two years of weekly data, wide shape, with a control
    demo-truth.json       the parameters the data was generated with, and each
                          channel's true contribution and ROAS, for accuracy tests
    template.csv          the header of a long file and two example rows

Revenue of a day = baseline (level, trend, weekly and yearly seasonality, retail
holidays) + the sum over channels of beta * hill(adstock(spend)) + noise. Each
channel row reports what its platform would claim (its true contribution times an
over-attribution factor, rounded); the "Organic / Direct" row, with no spend, holds
the rest, so the rows of a day add up to the day's revenue.

Only the standard library is used; the same seed gives the same files.
"""

import argparse
import datetime
import json
import math
import os
import random

SEED = 20251103
START = datetime.date(2023, 11, 1)
DAYS = 731

# name as exported, canonical name, mean daily spend, flighted,
# geometric decay, hill half-saturation (in adstocked spend), hill shape,
# beta (revenue at saturation), platform over-attribution
CHANNELS = [
    ("Meta Ads", "Facebook Ads", 900.0, False, 0.45, 1400.0, 1.3, 3200.0, 1.35),
    ("google_ads", "Google Ads", 1200.0, False, 0.20, 1100.0, 1.1, 3600.0, 1.10),
    ("TikTok", "TikTok Ads", 500.0, True, 0.35, 700.0, 1.8, 1300.0, 1.60),
    ("Klaviyo", "Email", 120.0, False, 0.10, 90.0, 1.0, 900.0, 1.80),
    ("YouTube", "YouTube", 650.0, True, 0.65, 1500.0, 2.0, 1500.0, 0.70),
    ("Pinterest", "Pinterest Ads", 300.0, True, 0.30, 450.0, 1.5, 600.0, 1.20),
]
ORGANIC = "Organic / Direct"

def black_friday(year):
    nov1 = datetime.date(year, 11, 1)
    first_thursday = nov1 + datetime.timedelta(days=(3 - nov1.weekday()) % 7)
    return first_thursday + datetime.timedelta(days=22)


def holiday_factor(day):
    bf = black_friday(day.year)
    if day == bf:
        return 2.2
    if day == bf + datetime.timedelta(days=3):  # Cyber Monday
        return 1.8
    if bf < day < bf + datetime.timedelta(days=3):
        return 1.4
    return {(12, 24): 0.6, (12, 25): 0.4, (12, 31): 0.8, (1, 1): 0.5}.get((day.month, day.day), 1.0)


def hill(x, half, shape):
    if x <= 0:
        return 0.0
    return x ** shape / (x ** shape + half ** shape)


def daily_spend(rng, mean, flighted, days):
    phase = rng.uniform(0, 2 * math.pi)
    on = True
    left = rng.randint(7, 28)
    spend = []
    for t, day in enumerate(days):
        if flighted:
            left -= 1
            if left <= 0:
                on = not on
                left = rng.randint(10, 35) if on else rng.randint(5, 21)
        weekly = 1.0 + 0.15 * math.cos(2 * math.pi * (day.weekday() - 4) / 7)
        slow = 1.0 + 0.25 * math.sin(2 * math.pi * t / 150 + phase)
        q4 = 1.35 if day.month in (11, 12) else 1.0
        value = mean * weekly * slow * q4 * math.exp(rng.gauss(0, 0.2))
        spend.append(round(value * 1.3, 2) if on else 0.0)
    return spend


def generate(out_dir):
    rng = random.Random(SEED)
    days = [START + datetime.timedelta(days=t) for t in range(DAYS)]

    spends = [daily_spend(rng, c[2], c[3], days) for c in CHANNELS]
    contributions = []
    for (name, canonical, mean, flighted, decay, half, shape, beta, claim), spend in zip(CHANNELS, spends):
        carry, out = 0.0, []
        for s in spend:
            carry = s + decay * carry
            out.append(beta * hill(carry, half, shape))
        contributions.append(out)

    rows = []
    totals = []
    for t, day in enumerate(days):
        yearly = 1.0 + 0.18 * math.cos(2 * math.pi * (day.timetuple().tm_yday - 340) / 365.25)
        weekly = 1.0 + 0.08 * math.cos(2 * math.pi * (day.weekday() - 5) / 7)
        baseline = (5200.0 + 2.2 * t) * yearly * weekly * holiday_factor(day)
        media = sum(c[t] for c in contributions)
        total = max(0.0, baseline + media + rng.gauss(0, 350.0))
        totals.append(total)

        claimed = 0.0
        for k, channel in enumerate(CHANNELS):
            spend = spends[k][t]
            reported = round(contributions[k][t] * channel[8] * math.exp(rng.gauss(0, 0.1)), 2)
            reported = max(0.0, min(reported, round(total - claimed, 2)))
            claimed += reported
            impressions = int(spend * rng.uniform(60, 140)) if spend > 0 else 0
            clicks = int(impressions * rng.uniform(0.008, 0.03))
            conversions = int(round(reported / rng.uniform(55, 75))) if reported > 0 else 0
            new = int(round(conversions * rng.uniform(0.45, 0.7)))
            rows.append((day.isoformat(), channel[0], "%.2f" % spend, "%.2f" % reported,
                         impressions, clicks, conversions, new, conversions - new))
        organic = round(total - claimed, 2)
        conversions = int(round(organic / 60.0))
        new = int(round(conversions * 0.35))
        rows.append((day.isoformat(), ORGANIC, "0.00", "%.2f" % organic, 0, 0, conversions, new,
                     conversions - new))

    with open(os.path.join(out_dir, "demo-daily.csv"), "w", newline="") as f:
        f.write("date,channel,spend,revenue,impressions,clicks,conversions,new_customers,"
                "returning_customers\n")
        for row in rows:
            f.write(",".join(str(v) for v in row) + "\n")

    truth = {"seed": SEED, "start": START.isoformat(), "days": DAYS, "channels": []}
    for k, (name, canonical, mean, flighted, decay, half, shape, beta, claim) in enumerate(CHANNELS):
        spent = sum(spends[k])
        contribution = sum(contributions[k])
        truth["channels"].append({
            "exported_as": name, "name": canonical, "decay": decay, "half_saturation": half,
            "shape": shape, "beta": beta, "platform_over_attribution": claim,
            "spend": round(spent, 2), "contribution": round(contribution, 2),
            "roas": round(contribution / spent, 4) if spent > 0 else None,
        })
    truth["revenue"] = round(sum(totals), 2)
    with open(os.path.join(out_dir, "demo-truth.json"), "w") as f:
        json.dump(truth, f, indent=2)
        f.write("\n")

    write_weekly(rng, out_dir)


def write_weekly(rng, out_dir):
    start = datetime.date(2023, 10, 30)  # a Monday
    weeks = 104
    media = [("tv", 9000.0, 0.6, 20000.0, 1.4, 30000.0), ("radio", 2500.0, 0.4, 4000.0, 1.2, 6000.0),
             ("facebook", 6000.0, 0.3, 9000.0, 1.1, 21000.0), ("google", 8000.0, 0.2, 12000.0, 1.0, 26000.0)]
    carry = [0.0] * len(media)
    with open(os.path.join(out_dir, "demo-weekly-wide.csv"), "w", newline="") as f:
        f.write("week,revenue," + ",".join("spend_" + m[0] for m in media) + ",promo\n")
        for w in range(weeks):
            day = start + datetime.timedelta(days=7 * w)
            promo = 1 if rng.random() < 0.12 or day.month == 11 and day.day >= 20 else 0
            yearly = 1.0 + 0.2 * math.cos(2 * math.pi * (day.timetuple().tm_yday - 340) / 365.25)
            revenue = 52000.0 * yearly + 140.0 * w + 9000.0 * promo
            spend = []
            for i, (name, mean, decay, half, shape, beta) in enumerate(media):
                on = name != "tv" or (w // 6) % 2 == 0
                value = round(mean * math.exp(rng.gauss(0, 0.25)), 2) if on else 0.0
                carry[i] = value + decay * carry[i]
                revenue += beta * hill(carry[i], half, shape)
                spend.append("%.2f" % value)
            revenue += rng.gauss(0, 2500.0)
            f.write("%s,%.2f,%s,%d\n" % (day.isoformat(), revenue, ",".join(spend), promo))


def write_template(out_dir):
    with open(os.path.join(out_dir, "template.csv"), "w", newline="") as f:
        f.write("date,channel,spend,revenue,impressions,clicks,conversions\n"
                "2025-01-06,Facebook Ads,120.50,480.00,15000,320,12\n"
                "2025-01-06,Google Ads,200.00,650.00,8000,410,18\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default=os.path.dirname(os.path.abspath(__file__)),
                        help="folder to write to (default: this script's folder)")
    args = parser.parse_args()
    generate(args.out)
    write_template(args.out)


if __name__ == "__main__":
    main()
