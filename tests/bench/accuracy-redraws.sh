#!/usr/bin/env bash
# Attribution accuracy on the public ground-truth sets, each file taken as
# one draw among many: the tests judge the files themselves, and on a few
# years of weekly data the answer moves a long way within its intervals
# from one draw to the next, so a change to the model is judged here too.
#
#   bash tests/bench/accuracy-redraws.sh [BUILD_DIR [DRAWS]]
#
# Two kinds of draw:
# - noise drawn again (the default): PyMC-Marketing's ROAS data (z given as
#   a control), its demo and the parameter-recovery set hold every part of
#   their outcome but the noise (the demo's rebuilt from its notebook's
#   formula); a draw keeps those parts and the spend, so the true ROAS and
#   contributions stay the file's, and adds Gaussian noise of the file's
#   own spread.
# - PERTURB=1e-9: the file's outcome times (1 + PERTURB × N(0, 1)), the
#   round-off of another export. The answer should not move; where it
#   does, the search settles by its path rather than by the data.
# Env: BOOTSTRAP (300), ATTRIBUTE_ARGS (more options for attribute),
# VERBOSE=1 (each draw's ROAS and intervals). Needs /usr/bin/python3 (the
# standard library only); never run by CI. Prints, per set, the file's
# figures and those over the draws: median ROAS error, draws with every
# share within 5 points, pooled coverage of the 95 % intervals, draws
# ranked right. With the noise drawn again, a "true curves" row under the
# file's and under the draws' fits only the coefficients, by least squares
# on their own true parts (each channel's effect, the baseline's parts, the
# controls'): the floor the noise sets, which no search of the curves can
# beat.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=$(realpath "${1:-_build}")
export MMX_DRAWS=${2:-10}
export MMX_CLI=$build/src/cli/marketingmix-cli
export MMX_REFERENCE=$root/tests/data/reference
export MMX_BOOTSTRAP=${BOOTSTRAP:-300}
export MMX_ATTRIBUTE_ARGS=${ATTRIBUTE_ARGS:-}
export MMX_PERTURB=${PERTURB:-}
export MMX_VERBOSE=${VERBOSE:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

[ -x "$MMX_CLI" ] || { echo "build $MMX_CLI first: meson compile -C $build" >&2; exit 1; }

/usr/bin/python3 - "$root/tests/bench" "$work" <<'PY'
import csv, json, math, os, random, shlex, statistics, subprocess, sys

sys.path.insert(0, sys.argv[1])
from attribution_score import coverage, score

work = sys.argv[2]
env = os.environ
draws, cli, reference = int(env["MMX_DRAWS"]), env["MMX_CLI"], env["MMX_REFERENCE"]
perturb = float(env["MMX_PERTURB"]) if env["MMX_PERTURB"] else None


def read(*path):
    with open(os.path.join(reference, *path), newline="") as f:
        return list(csv.DictReader(f))


def spend_maps(channels):
    return ["%s=spend:%s" % (c, c) for c in channels]


# Each set: its rows, the noise in its outcome (None where the file does
# not tell it), the true contribution of each channel, the columns the
# model reads, how the importer maps them, and the true parts of the
# outcome by name, each a value per row (None where unknown).
def roas_set():
    rows = read("pymc_marketing", "mmm_roas_data.csv")
    # y = 100 (trend + seasonality + z + x1_effect + x2_effect + epsilon)
    noise = [100 * float(r["epsilon"]) for r in rows]
    truth = {c: sum(100 * float(r[c + "_effect"]) for r in rows) for c in ("x1", "x2")}
    maps = ["date=date", "y=revenue", "z=control:z"] + spend_maps(truth)
    parts = {c: [100 * float(r[c + "_effect"]) for r in rows] for c in truth}
    parts.update({c: [float(r[c]) for r in rows] for c in ("trend", "seasonality", "z")})
    return "pymc-roas", rows, noise, truth, ["date", "x1", "x2", "z"], maps, parts


def recovery_set():
    rows = read("pymc_mmm_param_recovery", "input_data_RAW.csv")
    parts = read("pymc_mmm_param_recovery", "true_output_data_x2_corrected_DERIVED.csv")
    noise = [float(r["y"]) - sum(float(v) for k, v in p.items() if k != "date_week")
             for r, p in zip(rows, parts)]
    truth = {c: sum(float(p[c]) for p in parts) for c in ("x1", "x2", "x3", "x4")}
    controls = ["c1", "c2", "c3"]
    maps = ["date_week=date", "y=revenue"] + spend_maps(truth) \
        + ["%s=control:%s" % (c, c) for c in controls]
    # The intercept is the fit's own.
    true_parts = {k: [float(p[k]) for p in parts] for k in parts[0]
                  if k not in ("date_week", "intercept")}
    return "pymc-recovery", rows, noise, truth, ["date_week"] + list(truth) + controls, maps, \
        true_parts


def example_set():
    rows = read("pymc_marketing", "mmm_example.csv")
    effects = read("pymc_marketing", "mmm_example_true_contributions_DERIVED.csv")
    truth = {c: sum(float(p[c + "_contribution"]) for p in effects) for c in ("x1", "x2")}
    events = ["event_1", "event_2"]
    maps = ["date_week=date", "y=revenue"] + spend_maps(truth) \
        + ["%s=control:%s" % (e, e) for e in events]
    # y = 1000 (2 + trend + 0.5 (cs + cc) + events + effects + epsilon), the
    # generating notebook's trend and seasonality; the events' effects are
    # not published, so the noise is what a fit of the baseline's parts to
    # y less the effects leaves (its spread 239 for the notebook's 250).
    n = len(rows)
    parts = {c: [float(p[c + "_contribution"]) for p in effects] for c in truth}
    parts["trend"] = [(50 * t / (n - 1) + 10) ** 0.25 - 1 for t in range(n)]
    parts["seasonality"] = [-math.sin(4 * math.pi * float(r["dayofyear"]) / 365.5)
                            + math.cos(2 * math.pi * float(r["dayofyear"]) / 365.5) for r in rows]
    parts.update({e: [float(r[e]) for r in rows] for e in events})
    baseline = [[1.0] * n] + [parts[k] for k in ["trend", "seasonality"] + events]
    rest = [float(r["y"]) - sum(parts[c][t] for c in truth) for t, r in enumerate(rows)]
    beta = least_squares(baseline, rest)
    noise = [v - sum(b * column[t] for b, column in zip(beta, baseline))
             for t, v in enumerate(rest)]
    return "pymc-example", rows, noise, truth, ["date_week"] + list(truth) + events, maps, parts


def outcome(rows, noise, draw):
    """Draw 0 is the file itself."""
    y = [float(r["y"]) for r in rows]
    rand = random.Random(draw)
    if draw == 0:
        return y
    if perturb is not None:
        return [v * (1 + perturb * rand.gauss(0, 1)) for v in y]
    sd = statistics.pstdev(noise)
    return [v - e + rand.gauss(0, sd) for v, e in zip(y, noise)]


def write(path, rows, columns, y):
    with open(path, "w", newline="") as f:
        out = csv.writer(f)
        out.writerow(columns[:1] + ["y"] + columns[1:])
        for r, value in zip(rows, y):
            out.writerow([r[columns[0]], repr(value)] + [r[c] for c in columns[1:]])


def attribute(path, maps):
    db = path + ".db"
    subprocess.run([cli, "--db", db, "import", path] + ["--map=" + m for m in maps],
                   check=True, stdout=subprocess.DEVNULL)
    out = subprocess.run([cli, "--db", db, "attribute", "--bootstrap", env["MMX_BOOTSTRAP"],
                          "--no-cache", "--json"] + shlex.split(env["MMX_ATTRIBUTE_ARGS"]),
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def least_squares(columns, y):
    """The coefficients of y on columns, by the normal equations (a
    handful of columns: the standard library suffices)."""
    p = len(columns)
    a = [[sum(u * v for u, v in zip(columns[i], columns[j])) for j in range(p)]
         + [sum(u * v for u, v in zip(columns[i], y))] for i in range(p)]
    for i in range(p):
        pivot = max(range(i, p), key=lambda r: abs(a[r][i]))
        a[i], a[pivot] = a[pivot], a[i]
        for r in range(p):
            if r != i:
                f = a[r][i] / a[i][i]
                a[r] = [x - f * z for x, z in zip(a[r], a[i])]
    return [a[i][p] / a[i][i] for i in range(p)]


def true_curves_result(parts, truth, rows, y):
    """A result to score: each true part's coefficient fitted, an
    intercept beside them."""
    names = list(parts)
    beta = least_squares([[1.0] * len(y)] + [parts[k] for k in names], y)
    channels = []
    for c in truth:
        contribution = beta[1 + names.index(c)] * truth[c]
        channels.append({"name": c.upper(), "contribution": contribution, "measured": True,
                         "roas": contribution / sum(float(r[c]) for r in rows)})
    return {"channels": channels,
            "baseline": {"contribution": sum(y) - sum(c["contribution"] for c in channels)}}


def summary(name, label, scores):
    if not scores:
        return
    print("%-14s %-11s | %16.1f%% %8d of %-3d %s %4d of %d" % (
        name, label, 100 * statistics.median(s[0] for s in scores),
        sum(s[1][0] <= 0.05 for s in scores), len(scores), coverage(scores),
        sum(s[4] for s in scores), len(scores)))


def interval(channel):
    ci = channel.get("roas_ci")
    return " [%.3f, %.3f]" % tuple(ci) if ci else ""


print("%-14s %-11s | %-17s %-14s %-9s %s" % ("set", "draws", "median ROAS error", "shares <= 5 pt",
                                             "coverage", "ranked"))
for name, rows, noise, truth, columns, maps, parts in (roas_set(), recovery_set(),
                                                       example_set()):
    if noise is None and perturb is None:
        continue
    # The import writes the files' channel names capitalised.
    truths = {c.upper(): (c, truth[c], truth[c] / sum(float(r[c]) for r in rows)) for c in truth}
    scores, floor = [], []
    for draw in range(draws + 1):
        path = os.path.join(work, "%s_%d.csv" % (name, draw))
        y = outcome(rows, noise, draw)
        write(path, rows, columns, y)
        result = attribute(path, maps)
        scores.append(score(result, truths))
        if perturb is None:
            floor.append(score(true_curves_result(parts, truth, rows, y), truths))
        if env["MMX_VERBOSE"]:
            print("  %s draw %d: %s" % (name, draw, ", ".join(
                "%s %s%s" % (c["name"], "%.3f" % c["roas"] if c["measured"] else "not measured",
                             interval(c))
                for c in result["channels"])))
    summary(name, "the file", scores[:1])
    summary(name, "true curves", floor[:1])
    summary(name, "%d draws" % draws, scores[1:])
    summary(name, "true curves", floor[1:])
PY
