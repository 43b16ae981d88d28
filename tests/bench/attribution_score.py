"""How close an attribution's JSON comes to the truth, for the accuracy
benches (accuracy-attribution.sh, accuracy-redraws.sh), so that both
count alike."""

import statistics


def score(result, truths):
    """truths: per channel of the result, by its name, (the truth's name,
    true contribution, true ROAS). Channels the model could not measure
    count as missed.

    Returns the median relative ROAS error, the largest share error as
    (points, truth's name), the channels whose 95 % interval covers the
    true ROAS, the channels with an interval, and whether the ranking by
    ROAS is right."""
    total = result["baseline"]["contribution"] \
        + sum(c["contribution"] or 0 for c in result["channels"])
    errors, covered, with_interval, shares, pairs = [], 0, 0, [], []
    for channel in result["channels"]:
        name, contribution, roas = truths[channel["name"]]
        estimate = channel["roas"] if channel["measured"] else 0
        errors.append(abs(estimate - roas) / roas)
        shares.append((abs((channel["contribution"] or 0) - contribution) / total, name))
        pairs.append((estimate, roas))
        if channel.get("roas_ci"):
            lo, hi = channel["roas_ci"]
            covered += lo <= roas <= hi
            with_interval += 1
    ranked = all((a[0] > b[0]) == (a[1] > b[1]) for a in pairs for b in pairs if a[1] != b[1])
    return statistics.median(errors), max(shares), covered, with_interval, ranked


def coverage(scores):
    """The pooled share of intervals that cover the truth, as text."""
    with_interval = sum(s[3] for s in scores)
    return "%8.0f%%" % (100 * sum(s[2] for s in scores) / with_interval) if with_interval \
        else "%9s" % "n/a"
