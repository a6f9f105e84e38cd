"""The analyst's notebook of issue 22: the benchmark experiment analysed in polars from a Parquet file.

What an analyst without Arbiter would write to get the same readings: per unit sums, every metric per
arm with its interval, the treatment's effect with interval and p-value, by segment value and by day,
and the p95 latency as a mid-quantile with its cluster-aware interval (docs/methods.md). Run by
`arbiter benchmark analyze --notebook PYTHON` as a whole process; it prints JSON in the shape of
`arbiter analyze --json` (the metrics, segments and series it computes) and the benchmark checks
every number against Arbiter's.

Usage: python3 notebook.py EVENTS.parquet
"""
import json
import math
import sys
from statistics import NormalDist

import numpy as np
import polars as pl
from scipy import stats

ALPHA = 0.05
CONTROL, TREATMENT = "sonnet", "haiku"
ARMS = [CONTROL, TREATMENT]
SEGMENTS = ["plan", "complexity"]
P = 0.95
Z = NormalDist().inv_cdf(1 - ALPHA / 2)


def load(path):
    events = pl.read_parquet(path, columns=["session_id", "variant", "ts", "latency_ms", "refusal", "schema_valid",
                                             "cost_usd", "fallback", "plan", "complexity"])
    events = events.filter(pl.col("variant").is_in(ARMS) & pl.col("session_id").is_not_null())
    return events.with_columns(pl.col("ts").dt.date().alias("day"))


def without_crossovers(events, units):
    """Units seen in both arms are left out, as Arbiter does (none in the benchmark's data)."""
    crossed = units.filter(pl.col("arm") != pl.col("last_arm")).select("session_id")
    if crossed.height == 0:
        return events, units
    return events.join(crossed, on="session_id", how="anti"), units.join(crossed, on="session_id", how="anti")


def per_unit(events):
    return events.group_by("session_id").agg(
        pl.col("variant").min().alias("arm"), pl.col("variant").max().alias("last_arm"), pl.col("plan").min(), pl.col("complexity").min(),
        pl.col("day").min(), pl.len().alias("c"),
        pl.col("schema_valid").cast(pl.Float64).mean().alias("valid"),
        pl.col("refusal").cast(pl.Float64).sum().alias("refusals"),
        pl.col("refusal").count().cast(pl.Float64).alias("refusal_d"),
        pl.col("cost_usd").sum().alias("cost"),
        pl.col("fallback").cast(pl.Float64).sum().alias("fallbacks"),
        pl.col("fallback").count().cast(pl.Float64).alias("fallback_d"))


# The unit metrics: (name, per-unit numerator, per-unit denominator or None for a mean over units)
UNIT_METRICS = [("schema_validity", "valid", None), ("refusal_rate", "refusals", "refusal_d"),
                ("cost_per_session_usd", "cost", None), ("fallback_rate", "fallbacks", "fallback_d")]


def moments(units, keys):
    """Per arm and slice: units, and each metric's sums, squares and cross products (sufficient statistics)."""
    sums = [pl.len().alias("n")]
    for name, y, d in UNIT_METRICS:
        sums += [pl.col(y).sum().alias(name + "_s"), (pl.col(y) ** 2).sum().alias(name + "_ss"),
                 ((pl.col(y) == 0) | (pl.col(y) == 1)).all().alias(name + "_binary")]
        if d:
            sums += [pl.col(d).sum().alias(name + "_d"), (pl.col(d) ** 2).sum().alias(name + "_dd"),
                     (pl.col(y) * pl.col(d)).sum().alias(name + "_sd")]
    return units.group_by(["arm"] + keys).agg(sums)


def covariance(sxy, sx, sy, n):
    return (sxy - sx * sy / n) / (n - 1)


def arm_reading(row, name, ratio):
    """(units, value, per-unit variance) of a metric from one arm's sums."""
    n = row["n"]
    s, ss = row[name + "_s"], row[name + "_ss"]
    if ratio:
        d, dd, sd = row[name + "_d"], row[name + "_dd"], row[name + "_sd"]
        r = s / d
        variance = (covariance(ss, s, s, n) - 2 * r * covariance(sd, s, d, n) + r * r * covariance(dd, d, d, n)) / (d / n) ** 2
        return n, r, max(0.0, variance)
    value = s / n
    return n, value, value * (1 - value) if row[name + "_binary"] else covariance(ss, s, s, n)


def t_interval(value, variance, n):
    if n < 2:
        return None
    half = stats.t.ppf(1 - ALPHA / 2, n - 1) * math.sqrt(variance / n)
    return [value - half, value + half]


def welch(c, t):
    (nc, vc_, varc), (nt, vt_, vart) = c, t
    se = math.sqrt(varc / nc + vart / nt)
    df = se ** 4 / ((varc / nc) ** 2 / (nc - 1) + (vart / nt) ** 2 / (nt - 1))
    delta = vt_ - vc_
    half = stats.t.ppf(1 - ALPHA / 2, df) * se
    return {"absoluteEffect": delta, "absoluteCi": [delta - half, delta + half],
            "pValue": float(2 * stats.t.sf(abs(delta / se), df))}


def unit_readings(rows):
    """Every unit and ratio metric of one slice ({arm: its row of sums}): per arm, and the comparison."""
    readings = []
    for name, _, d in UNIT_METRICS:
        arms = [arm_reading(rows[arm], name, d is not None) for arm in ARMS]
        readings.append({"name": name,
                         "arms": [{"name": arm, "units": n, "value": value, "ci": t_interval(value, variance, n)}
                                  for arm, (n, value, variance) in zip(ARMS, arms)],
                         "comparisons": [welch(arms[0], arms[1])]})
    return readings


def mid_quantile(values, cumulative, p):
    """(k, t, clamped): the mid-quantile at p lies a share t from distinct value k to the next."""
    counts = np.diff(cumulative, prepend=0)
    mids = cumulative - counts / 2.0
    rank = p * cumulative[-1]
    k = max(0, int(np.searchsorted(mids, rank, side="right")) - 1)
    if rank <= mids[k] or k + 1 == len(values):
        return k, 0.0, True
    return k, (rank - mids[k]) / (mids[k + 1] - mids[k]), False


def quantile_value(values, cumulative, p):
    k, t, clamped = mid_quantile(values, cumulative, p)
    return values[k] if clamped else values[k] + t * (values[k + 1] - values[k])


def cuts_and_weights(values, cumulative, p):
    """MidQuantile.weight as cuts: weight 1 below the lower value, (1 + t)/2 at it, t/2 at the next, 0 above."""
    k, t, clamped = mid_quantile(values, cumulative, p)
    lower = values[k]
    upper = lower if clamped else values[k + 1]
    after = k + 1 if clamped else k + 2
    first = lower - max(1, abs(lower)) if k == 0 else values[k - 1] / 2 + lower / 2
    third = upper + max(1, abs(upper)) if after >= len(values) else upper / 2 + values[after] / 2
    second = third if clamped else lower / 2 + upper / 2
    return [first, second, third, (1 + t) / 2, t / 2]


def quantiles(events, keys):
    """Per arm and slice of `keys` (an event's own segment value or day): the p95 with its interval."""
    slice_keys = ["variant"] + keys
    counted = events.group_by(slice_keys + ["latency_ms"]).agg(pl.len().alias("n")).sort(slice_keys + ["latency_ms"])
    slices = {}
    for key, part in counted.group_by(slice_keys, maintain_order=True):
        values = part["latency_ms"].to_numpy()
        slices[key] = (values, np.cumsum(part["n"].to_numpy()))
    cuts = pl.DataFrame([dict(zip(slice_keys, key)) | dict(zip(["c1", "c2", "c3", "w1", "w2"], cuts_and_weights(*counts, P)))
                         for key, counts in slices.items()])
    v = pl.col("latency_ms")
    weight = (pl.when(v < pl.col("c1")).then(1.0).when(v < pl.col("c2")).then(pl.col("w1"))
              .when(v < pl.col("c3")).then(pl.col("w2")).otherwise(0.0))
    units = (events.join(cuts, on=slice_keys).group_by(["session_id"] + slice_keys)
             .agg(weight.sum().alias("s"), pl.len().cast(pl.Float64).alias("c")))
    sums = units.group_by(slice_keys).agg(pl.len().alias("n"), pl.col("s").sum(), (pl.col("s") ** 2).sum().alias("ss"),
                                          pl.col("c").sum(), (pl.col("c") ** 2).sum().alias("cc"),
                                          (pl.col("s") * pl.col("c")).sum().alias("sc"))
    result = {}
    for row in sums.iter_rows(named=True):
        key = tuple(row[k] for k in slice_keys)
        values, cumulative = slices[key]
        n, share = row["n"], row["s"] / row["c"]
        variance = (covariance(row["ss"], row["s"], row["s"], n) - 2 * share * covariance(row["sc"], row["s"], row["c"], n)
                    + share ** 2 * covariance(row["cc"], row["c"], row["c"], n)) / (row["c"] / n) ** 2
        sigma = math.sqrt(max(0.0, variance) / n)
        result[key] = (n, quantile_value(values, cumulative, P),
                       [quantile_value(values, cumulative, max(0.0, P - Z * sigma)),
                        quantile_value(values, cumulative, min(1.0, P + Z * sigma))])
    return result


def quantile_reading(arms):
    (_, c, ci_c), (_, t, ci_t) = arms
    se = math.sqrt(((ci_c[1] - ci_c[0]) / (2 * Z)) ** 2 + ((ci_t[1] - ci_t[0]) / (2 * Z)) ** 2)
    delta = t - c
    return {"name": "p95_latency_ms",
            "arms": [{"name": arm, "units": n, "value": value, "ci": ci} for arm, (n, value, ci) in zip(ARMS, arms)],
            "comparisons": [{"absoluteEffect": delta, "absoluteCi": [delta - Z * se, delta + Z * se],
                             "pValue": 2 * (1 - NormalDist().cdf(abs(delta / se)))}]}


def by_arm(frame, keys):
    """{slice value: {arm: row}} of a frame of per-arm sums."""
    rows = {}
    for row in frame.iter_rows(named=True):
        rows.setdefault(tuple(row[k] for k in keys), {})[row["arm"]] = row
    return rows


def main(path):
    events = load(path)
    events, units = without_crossovers(events, per_unit(events))
    whole = by_arm(moments(units, []), [])[()]
    p95 = quantiles(events, [])
    result = {"metrics": unit_readings(whole) + [quantile_reading([p95[(arm,)] for arm in ARMS])], "segments": [],
              "series": []}
    for column in SEGMENTS:
        sums = by_arm(moments(units, [column]), [column])
        p95 = quantiles(events, [column])
        for (value,) in sorted(sums):
            result["segments"].append({"column": column, "value": value, "metrics": unit_readings(sums[(value,)])
                                       + [quantile_reading([p95[(arm, value)] for arm in ARMS])]})
    daily = moments(units, ["day"]).sort("day")
    binary = [name + "_binary" for name, _, _ in UNIT_METRICS]
    cumulative = daily.with_columns(pl.exclude(["arm", "day"] + binary).cum_sum().over("arm"),  # units up to each day
                                    pl.col(binary).cum_min().over("arm"))
    sums = by_arm(cumulative, ["day"])
    p95 = quantiles(events, ["day"])
    for (day,) in sorted(sums):
        result["series"].append({"day": day.isoformat(), "metrics": unit_readings(sums[(day,)])
                                 + [quantile_reading([p95[(arm, day)] for arm in ARMS])]})
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1])
