#!/usr/bin/env bash
# The forecast side by side with R Prophet, in one run, on the peers' data
# (../shared/bench/gen_data.py: seed 1 = 365 days x 5 channels, seed 2 = 1095 x 20):
#   speed     fit + 90-day forecast with 1000 interval samples: ours (the model's own
#             elapsed_ms, and the whole CLI process) against prophet's fit + predict
#             (peer_prophet.R t_fit + t_predict, and with the warm fit)
#   accuracy  fit on all but the last 90 days, forecast them with the spend they had:
#             holdout MAPE and 80 % band coverage, ours against prophet's (yearly
#             seasonality forced on, as the peer runs it, and "auto")
# Runs are interleaved, REPS of each, and medians reported, so machine noise hits both.
# Usage: bash tests/bench/compare-forecast.sh [BUILD_DIR]
# Env: BENCH (../shared/bench beside the project) REPS (3) WORKLOADS ("365x5:1 1095x20:2")
# Needs /usr/bin/python3 with numpy and pandas, /usr/bin/Rscript with prophet and jsonlite.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=$(realpath "${1:-$root/_build}")
cli="$build/src/cli/marketingmix-cli"
bench=$(realpath "${BENCH:-$root/../shared/bench}")
reps=${REPS:-3}
workloads=${WORKLOADS:-"365x5:1 1095x20:2"}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export TZ=UTC

for x in "$cli" /usr/bin/python3 /usr/bin/Rscript "$bench/peer_prophet.R" "$bench/gen_data.py"; do
  [ -e "$x" ] || { echo "missing $x" >&2; exit 1; }
done

/usr/bin/python3 - "$cli" "$bench" "$work" "$reps" $workloads <<'PY'
import csv, json, os, statistics, subprocess, sys, time

cli, bench, work, reps = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
H = 90

def run(args):
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout

def import_csv(db, path):
    if os.path.exists(db):
        os.remove(db)
    run([cli, "--db", db, "import", path])

def ours(db, extra):
    start = time.perf_counter()
    out = run([cli, "--db", db, "forecast", "--horizon", str(H), "--samples", "1000", "--json"]
              + extra)
    return json.loads(out), time.perf_counter() - start

def holdout_files(wide, stem):
    rows = list(csv.DictReader(open(wide)))
    header = list(rows[0].keys())
    train, test = rows[:-H], rows[-H:]
    with open(stem + "_train.csv", "w", newline="") as f:
        w = csv.DictWriter(f, header)
        w.writeheader()
        w.writerows(train)
    with open(stem + "_plan.csv", "w") as f:
        f.write("date,channel,spend\n")
        for r in test:
            for c in header:
                if c.startswith("spend_"):
                    f.write("%s,%s,%s\n" % (r["date"], c[len("spend_"):], r[c]))
    return {r["date"]: float(r["revenue"]) for r in test}

def scores(forecast, actual):
    points = forecast["points"]
    mape = sum(abs(actual[p["date"]] - p["yhat"]) / actual[p["date"]] for p in points) / len(points)
    cover = sum(p["lower"] <= actual[p["date"]] <= p["upper"] for p in points) / len(points)
    return 100 * mape, cover

med = statistics.median
rows = []
for workload in sys.argv[5:]:
    dims, seed = workload.split(":")
    days, channels = dims.split("x")
    stem = os.path.join(work, "mmm_" + dims)
    run(["/usr/bin/python3", os.path.join(bench, "gen_data.py"), "--days", days, "--channels",
         channels, "--seed", seed, "--out", stem + ".csv"])
    wide, truth = stem + "_wide.csv", stem + "_truth.json"
    actual = holdout_files(wide, stem)
    full_db, train_db = stem + ".db", stem + "_train.db"
    import_csv(full_db, wide)
    import_csv(train_db, stem + "_train.csv")

    r = {"workload": dims, "ours_ms": [], "ours_wall": [], "p_fit": [], "p_warm": [],
         "p_predict": []}
    for rep in range(reps):
        peer = json.loads(run(["/usr/bin/Rscript", os.path.join(bench, "peer_prophet.R"), wide,
                               truth, "--h", str(H), "--samples", "1000"]))
        r["p_fit"].append(peer["t_fit"])
        r["p_warm"].append(peer["t_fit_warm"])
        r["p_predict"].append(peer["t_predict"])
        forecast, wall = ours(full_db, [])
        r["ours_ms"].append(forecast["elapsed_ms"])
        r["ours_wall"].append(wall)
    held, _ = ours(train_db, ["--spend-plan", stem + "_plan.csv"])
    r["ours_mape"], r["ours_cover"] = scores(held, actual)
    r["p_mape"] = peer["holdout"]["mape"]
    r["p_mape_auto"] = peer["holdout"]["mape_yearly_auto"]
    r["p_cover"] = peer["holdout"]["cover80"]
    rows.append(r)

print("Forecast, fit + %d-day forecast with 1000 interval samples (medians of %d runs)" % (H, reps))
print("%-8s %12s %12s %14s %14s %9s %9s" % ("data", "ours model", "ours process",
                                            "prophet f+p", "prophet warm", "speed-up", "(warm)"))
for r in rows:
    ours_s = med(r["ours_ms"]) / 1000
    p = med([f + q for f, q in zip(r["p_fit"], r["p_predict"])])
    pw = med([f + q for f, q in zip(r["p_warm"], r["p_predict"])])
    print("%-8s %10.1f ms %10.0f ms %12.2f s %12.2f s %8.0fx %8.0fx" % (
        r["workload"], ours_s * 1000, med(r["ours_wall"]) * 1000, p, pw, p / ours_s, pw / ours_s))
by_process = ["%s %.0fx" % (r["workload"], med([f + q for f, q in zip(r["p_fit"], r["p_predict"])])
                            / med(r["ours_wall"])) for r in rows]
print("speed-up = prophet's fit + predict over our model's time; by our whole process: %s"
      % ", ".join(by_process))
print("(prophet's predict also samples the %s history rows; its first fit in a process includes "
      "Stan's set-up, the warm one does not)" % "/".join(r["workload"].split("x")[0] for r in rows))
print()
print("Holdout: fit on all but the last %d days, forecast them with their actual spend" % H)
print("%-8s %10s %14s %14s %12s %10s %10s" % ("data", "ours MAPE", "prophet MAPE", "prophet auto",
                                             "ours/best", "ours 80%", "prophet 80%"))
for r in rows:
    best = min(r["p_mape"], r["p_mape_auto"])
    print("%-8s %9.2f%% %13.2f%% %13.2f%% %+11.1f%% %9.0f%% %9.0f%%" % (
        r["workload"], r["ours_mape"], r["p_mape"], r["p_mape_auto"],
        100 * (r["ours_mape"] / best - 1), 100 * r["ours_cover"], 100 * r["p_cover"]))
print("(prophet MAPE: yearly seasonality forced on, as peer_prophet.R fits; auto: prophet's "
      "default, off below two years; ours/best: ours against the better of the two)")
PY
