#!/usr/bin/env bash
# The dashboard's range switch beside what a marketer's notebook does, in
# one run, on 3 years x 20 channels of daily data:
#   bench-dashboard: a store job reads the overview from SQLite (KPIs of the
#     range and of the period before, the daily series), then the three
#     charts are laid out (and drawn, shown apart)
#   pandas: the same sums from a DataFrame already in memory (its best case:
#     no database, no charts)
# Usage: bash tests/bench/compare-dashboard.sh BUILD_DIR   (needs python3-pandas)
set -euo pipefail
build=${1:-_build}
bench=$(realpath "$build/tests/bench/bench-dashboard")

ours=$("$bench")
echo "$ours"

peer=$(/usr/bin/python3 - <<'PY'
import datetime, random, statistics, time
import pandas as pd

rng = random.Random(7)
rows = []
first = datetime.date(2023, 1, 1)
for d in range(3 * 365):
    day = first + datetime.timedelta(days=d)
    for c in range(20):
        s = rng.uniform(0, 3000)
        rows.append((day, "Channel %02d" % c, s, s * rng.uniform(0.5, 4), int(s / 50)))
df = pd.DataFrame(rows, columns=["date", "channel", "spend", "revenue", "conversions"])
df["date"] = pd.to_datetime(df["date"])
last = df["date"].max()

def overview(days):
    start = last - pd.Timedelta(days=days - 1) if days else df["date"].min()
    now = df[(df["date"] >= start) & (df["date"] <= last)]
    kpis = now.groupby("channel")[["spend", "revenue", "conversions"]].sum()
    series = now.groupby("date")[["spend", "revenue"]].sum()
    if days:
        before = df[(df["date"] >= start - pd.Timedelta(days=days)) & (df["date"] < start)]
        before.groupby("channel")[["spend", "revenue", "conversions"]].sum()
    return kpis, series

for name, days in (("last 30 days", 30), ("last 90 days", 90), ("last 365 days", 365),
                   ("all (1095 days)", 0)):
    times = []
    for _ in range(60):
        start = time.perf_counter()
        overview(days)
        times.append((time.perf_counter() - start) * 1000)
    print("%s\t%.2f" % (name, statistics.median(times)))
PY
)

echo
printf '%-18s %14s %22s %10s\n' "range" "pandas (ms)" "ours: query+layout" "ratio"
while IFS=$'\t' read -r name pandas_ms; do
  ours_ms=$(echo "$ours" | grep "^$name" | awk '{print $8}')
  printf '%-18s %14.2f %22.2f %9.2fx\n' "$name" "$pandas_ms" "$ours_ms" \
    "$(echo "$ours_ms / $pandas_ms" | bc -l)"
done <<< "$peer"
