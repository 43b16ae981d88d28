#!/usr/bin/env bash
# Attribution side by side with the scikit-learn peer of ../shared/bench, on the same generated
# files, in one run: the first version's lag ridge with 1000 bootstrap replicates (ours and
# RidgeCV's), and our full marketing-mix model (search + 1000 replicates). "work" is the
# modelling alone, timed inside each process (ours: elapsed_ms; the peer: t_work).
# Usage: bash tests/bench/compare-attribution.sh BUILD_DIR [BENCH_DIR]
#   BENCH_DIR defaults to ../shared/bench; needs /usr/bin/python3 with numpy, pandas, sklearn.
set -euo pipefail
build=${1:-_build}
bench=$(realpath "${2:-../shared/bench}")
cli=$(realpath "$build/src/cli/marketingmix-cli")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
py=/usr/bin/python3

printf '%-10s %-28s %10s %10s %8s\n' workload job ours_s peer_s ratio
for workload in 365x5:1 1095x20:2; do
  dims=${workload%%:*} seed=${workload##*:}
  days=${dims%%x*} channels=${dims##*x}
  $py "$bench/gen_data.py" --days "$days" --channels "$channels" --seed "$seed" \
    --out "$work/mmm_$dims.csv" > /dev/null
  "$cli" --db "$work/$dims.db" import "$work/mmm_${dims}_wide.csv" > /dev/null

  peer=$($py "$bench/peer_ridge_sklearn.py" "$work/mmm_${dims}_wide.csv" --boot 1000 --holdout 0 \
         | $py -c 'import json,sys; d=json.load(sys.stdin); print(d["t_fit"] + d["t_boot"])')
  for method in lag mmm; do
    ours=$("$cli" --db "$work/$dims.db" attribute --method "$method" --bootstrap 1000 --no-cache \
           --json | $py -c 'import json,sys; print(json.load(sys.stdin)["elapsed_ms"] / 1000)')
    printf '%-10s %-28s %10.3f %10.3f %7.1fx\n' "$dims" "$method, 1000 replicates" "$ours" "$peer" \
      "$(echo "$peer / $ours" | bc -l)"
  done
done
