#!/usr/bin/env bash
# Attribution accuracy over many draws of ../shared/bench/gen_data.py, whose
# truth is known: one draw of a few channels says little about a 95 %
# interval or a ranking, and the search makes single results move, so a
# change to the model is judged here, on many draws, before the tests'
# bounds move.
#
#   bash tests/bench/accuracy-attribution.sh BUILD_DIR [DRAWS]
#
# Env: WORKLOADS ("365x5 730x8 1095x20" = DAYSxCHANNELS), METHODS ("mmm lag"),
# BOOTSTRAP (300), ATTRIBUTE_ARGS (more options for attribute, such as
# "--decomposition-weight 0.1"), PEER_BENCH (default ../shared/bench beside
# the project).
# Needs /usr/bin/python3 with numpy and pandas, as the peers do; never run by
# CI. Per workload and method: the median over draws of the median ROAS
# error, the draws with every share within 5 points, the pooled share of
# channels whose 95 % interval covers the true ROAS, the draws ranked right,
# the pooled median ROAS error and coverage of the channels that pause and
# of those that never do (as the app tells them apart), and the worst
# channel seen (how far its share was off). A last row per workload, "true
# curves", fits only the coefficients by least squares on the truth's own
# carry-over and saturation: the floor the noise sets, which no search of
# the curves can beat.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=$(realpath "${1:-_build}")
draws=${2:-10}
peers=${PEER_BENCH:-$root/../shared/bench}
workloads=${WORKLOADS:-"365x5 730x8 1095x20"}
methods=${METHODS:-"mmm lag"}
bootstrap=${BOOTSTRAP:-300}
read -r -a extra <<< "${ATTRIBUTE_ARGS:-}"
cli=$build/src/cli/marketingmix-cli
py=/usr/bin/python3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

[ -x "$cli" ] || { echo "build $cli first: meson compile -C $build" >&2; exit 1; }
[ -f "$peers/gen_data.py" ] || { echo "no gen_data.py in $peers (set PEER_BENCH)" >&2; exit 1; }

for dims in $workloads; do
  days=${dims%%x*} channels=${dims##*x}
  for seed in $(seq 1 "$draws"); do
    base=$work/${dims}_$seed
    $py "$peers/gen_data.py" --days "$days" --channels "$channels" --seed "$seed" \
      --out "$base.csv" > /dev/null
    "$cli" --db "$base.db" import "${base}_wide.csv" > /dev/null
    for method in $methods; do
      "$cli" --db "$base.db" attribute --method "$method" --bootstrap "$bootstrap" --no-cache \
        ${extra[@]+"${extra[@]}"} --json > "${base}_$method.json"
    done
  done
done

$py - "$root/tests/bench" "$work" "$draws" "$methods" $workloads <<'PY'
import json, os, statistics, sys

import numpy as np
import pandas as pd

sys.path.insert(0, sys.argv[1])
from attribution_score import coverage, score

work, draws, methods, workloads = sys.argv[2], int(sys.argv[3]), sys.argv[4].split(), sys.argv[5:]


def truths_of(result, truth):
    # The import names channels its own way; the spend tells them apart.
    params = truth["channel_params"]
    truths = {}
    for channel in result["channels"]:
        name, true = min(params.items(),
                         key=lambda item: abs(item[1]["total_spend"] - channel["spend"]))
        truths[channel["name"]] = (name, true["total_contribution"], true["roas"])
    return truths


def never_pauses(spend):
    # The app's rule for its "spend never paused" warning.
    return np.percentile(spend, 5) >= 0.4 * spend.mean()


def geometric_adstock(spend, decay):
    out, carried = np.empty(len(spend)), 0.0
    for t, value in enumerate(spend):
        carried = value + decay * carried
        out[t] = carried
    return out


def true_curves_result(wide, truth):
    """The coefficients by least squares on the truth's curves, with the
    baseline terms the generator uses, as a result to score."""
    n = len(wide)
    dates = pd.to_datetime(wide["date"])
    dow, doy = dates.dt.dayofweek.values, dates.dt.dayofyear.values
    columns = [np.ones(n), np.arange(n) / n]
    for k in (1, 2, 3):
        columns += [np.sin(2 * np.pi * k * dow / 7), np.cos(2 * np.pi * k * dow / 7)]
    for k in (1, 2):
        columns += [np.sin(2 * np.pi * k * doy / 365.25), np.cos(2 * np.pi * k * doy / 365.25)]
    params = truth["channel_params"]
    names = list(params)
    saturated = []
    for name in names:
        p = params[name]
        adstock = geometric_adstock(wide["spend_" + name].values.astype(float), p["decay"])
        saturated.append(adstock ** p["shape"]
                         / (adstock ** p["shape"] + p["half_saturation"] ** p["shape"]))
    design = np.column_stack(columns + saturated)
    beta = np.linalg.lstsq(design, wide["revenue"].values, rcond=None)[0]
    channels = []
    for k, name in enumerate(names):
        contribution = float(beta[len(columns) + k] * saturated[k].sum())
        spend = float(wide["spend_" + name].sum())
        channels.append({"name": name, "spend": spend, "contribution": contribution,
                         "roas": contribution / spend, "measured": True})
    baseline = float(wide["revenue"].sum()) - sum(c["contribution"] for c in channels)
    return {"channels": channels, "baseline": {"contribution": baseline}}


print("%-8s %-11s %5s | %-17s %-14s %-9s %-10s %-15s %-15s %s" % (
    "workload", "method", "draws", "median ROAS error", "shares <= 5 pt", "coverage", "ranked",
    "pause / never", "covered p / n", "worst share error"))
for dims in workloads:
    for method in methods + ["true curves"]:
        rows, split, split_cover = [], {False: [], True: []}, {False: [], True: []}
        for seed in range(1, draws + 1):
            base = os.path.join(work, "%s_%d" % (dims, seed))
            truth = json.load(open("%s_truth.json" % base))
            wide = pd.read_csv("%s_wide.csv" % base)
            if method == "true curves":
                result = true_curves_result(wide, truth)
            else:
                result = json.load(open("%s_%s.json" % (base, method)))
            truths = truths_of(result, truth)
            rows.append(score(result, truths) + (seed,))
            for channel in result["channels"]:
                name, _, roas = truths[channel["name"]]
                estimate = channel["roas"] if channel["measured"] else 0
                never = bool(never_pauses(wide["spend_" + name].values))
                split[never].append(abs(estimate - roas) / roas)
                if channel.get("roas_ci"):
                    split_cover[never].append(channel["roas_ci"][0] <= roas <= channel["roas_ci"][1])
        worst = max(rows, key=lambda r: r[1][0])
        print("%-8s %-11s %5d | %16.1f%% %8d of %-3d %s %4d of %-3d %6s / %-6s %6s / %-6s "
              "%.1f pt (%s, seed %d)" % (
                  dims, method, len(rows), 100 * statistics.median(r[0] for r in rows),
                  sum(r[1][0] <= 0.05 for r in rows), len(rows), coverage(rows),
                  sum(r[4] for r in rows), len(rows),
                  *("%.1f%%" % (100 * statistics.median(split[k])) if split[k] else "n/a"
                    for k in (False, True)),
                  *("%.0f%%" % (100 * statistics.mean(split_cover[k])) if split_cover[k] else "n/a"
                    for k in (False, True)),
                  100 * worst[1][0], worst[1][1], worst[5]))
print("targets (issue 3): median ROAS error <= 20 %, shares within 5 points, coverage >= 80 %, "
      "ranking right")
PY
