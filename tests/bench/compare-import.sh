#!/usr/bin/env bash
# Import throughput side by side, on one 1,000,000-row long file, in one run:
#   marketingmix-cli import (streaming, validation, upsert, one transaction)
#   python3 csv + sqlite3 executemany upsert (what a user's own script does; stdlib)
#   sqlite3 .import into a bare table (no parsing, no validation: a floor)
# Usage: bash tests/bench/compare-import.sh BUILD_DIR   (needs python3 and sqlite3)
set -euo pipefail
build=${1:-_build}
cli=$(realpath "$build/src/cli/marketingmix-cli")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 - "$work/long.csv" <<'PY'
import datetime, random, sys
rng = random.Random(42)
with open(sys.argv[1], "w") as f:
    f.write("date,geo,channel,spend,revenue,impressions,clicks,conversions\n")
    day = datetime.date(2022, 1, 1)
    for d in range(1000):
        for g in range(50):
            for c in range(20):
                s = rng.uniform(10, 2000)
                f.write("%s,Region %02d,Channel %02d,%.2f,%.2f,%d,%d,%d\n" % (
                    day.isoformat(), g, c, s, s * rng.uniform(0.5, 4), s * 90, s * 2, s / 40))
        day += datetime.timedelta(days=1)
PY

seconds () { local start end; start=$(date +%s.%N); "$@" > /dev/null; end=$(date +%s.%N); echo "$end - $start" | bc; }

mmx=$(seconds "$cli" --db "$work/mmx.db" import "$work/long.csv")

py=$(seconds python3 - "$work/long.csv" "$work/py.db" <<'PY'
import csv, sqlite3, sys
db = sqlite3.connect(sys.argv[2])
db.execute("CREATE TABLE metric (date TEXT, geo TEXT, channel TEXT, spend REAL, revenue REAL, "
           "impressions REAL, clicks REAL, conversions REAL, PRIMARY KEY (date, geo, channel))")
with open(sys.argv[1], newline="") as f:
    rows = csv.reader(f)
    next(rows)
    db.executemany("INSERT INTO metric VALUES (?,?,?,?,?,?,?,?) ON CONFLICT DO UPDATE SET "
                   "spend=excluded.spend, revenue=excluded.revenue",
                   ((r[0], r[1], r[2], float(r[3]), float(r[4]), float(r[5]), float(r[6]),
                     float(r[7])) for r in rows))
db.commit()
PY
)

raw=$(seconds sqlite3 "$work/raw.db" ".mode csv" ".import $work/long.csv metric")

printf 'rows: 1000000\n'
printf '%-40s %6.2f s  %8.0f rows/s\n' "marketingmix-cli import" "$mmx" "$(echo "1000000 / $mmx" | bc)"
printf '%-40s %6.2f s  %8.0f rows/s  (%.2fx our time)\n' "python3 csv + sqlite3 upsert" "$py" \
  "$(echo "1000000 / $py" | bc)" "$(echo "$py / $mmx" | bc -l)"
printf '%-40s %6.2f s  %8.0f rows/s  (ours %.2fx its time)\n' "sqlite3 .import (no validation)" "$raw" \
  "$(echo "1000000 / $raw" | bc)" "$(echo "$mmx / $raw" | bc -l)"
