#!/usr/bin/env bash
# The budget optimizer side by side with the bench's SciPy peer
# (../shared/bench/peer_optimize_scipy.py), on the same true curves, in one
# run: today's total daily spend split with each channel between half and
# twice today's spend.
#
#   bash tests/bench/compare-optimize.sh BUILD_DIR [REPS]
#
# Env: WORKLOADS ("365x5:1 1095x20:2 365x50:3" = DAYSxCHANNELS:SEED, the
# first two are run_peers.sh's), PEER_BENCH (default ../shared/bench beside
# the project). Needs /usr/bin/python3 with numpy, pandas and scipy, as the
# peers do; never run by CI.
#
# Columns: one start from today's split (SciPy's slsqp_grad against
# mmx_allocator_refine, which runs SLSQP over the channels it does not
# guess to end on a limit, and once more if a guess was wrong), the robust
# search (SciPy's 20-start multistart
# against mmx_allocator_solve: all starts, switching), the best revenue each
# found, and ours whole (mmx_optimizer_run: search, the unconstrained
# optimum, 1000 bootstrap replicates; then with the 20-point sweep).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=$(realpath "${1:-_build}")
reps=${2:-20}
peers=${PEER_BENCH:-$root/../shared/bench}
workloads=${WORKLOADS:-"365x5:1 1095x20:2 365x50:3"}
py=/usr/bin/python3
ours=$build/tests/bench/bench-optimize
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

[ -x "$ours" ] || { echo "build $ours first: meson compile -C $build" >&2; exit 1; }
[ -f "$peers/peer_optimize_scipy.py" ] || { echo "no peer in $peers (set PEER_BENCH)" >&2; exit 1; }

for wl in $workloads; do
  dims=${wl%%:*}; seed=${wl##*:}; days=${dims%%x*}; channels=${dims##*x}
  $py "$peers/gen_data.py" --days "$days" --channels "$channels" --seed "$seed" \
    --out "$work/mmm_$dims.csv" > /dev/null
  $py "$peers/peer_optimize_scipy.py" "$work/mmm_${dims}_truth.json" --reps "$reps" \
    > "$work/peer_$dims.json"
  "$ours" --truth "$work/mmm_${dims}_truth.json" --reps "$reps" > "$work/ours_$dims.json"
done

$py - "$work" $workloads <<'PY'
import json, os, sys
work, workloads = sys.argv[1], sys.argv[2:]
print("%-8s | %-27s | %-27s | %-24s | %-20s" % (
    "workload", "1 SLSQP run: SciPy / ours", "robust: SciPy 20-start / ours", "best revenue per day",
    "ours whole / + sweep"))
for wl in workloads:
    dims = wl.split(":")[0]
    peer = json.load(open(os.path.join(work, "peer_%s.json" % dims)))
    ours = json.load(open(os.path.join(work, "ours_%s.json" % dims)))
    s1, o1 = peer["slsqp_grad"]["t_median"] * 1e3, ours["refine"]["t_median_ms"]
    sm, om = peer["multistart"]["t"] * 1e3, ours["solve"]["t_median_ms"]
    best_peer = max(peer["slsqp_grad"]["value"], peer["multistart"]["value"] or 0)
    best_ours = ours["solve"]["value"]
    print("%-8s | %7.3f / %7.3f ms %5.1fx | %7.2f / %7.3f ms %5.1fx | %.4f %+.1e | %6.2f / %7.2f ms" % (
        dims, s1, o1, s1 / o1, sm, om, sm / om, best_ours, (best_ours - best_peer) / best_peer,
        ours["optimize"]["t_median_ms"], ours["frontier"]["t_median_ms"]))
print("ratios: SciPy's median time over ours; revenue: ours, and relative to SciPy's best")
PY
