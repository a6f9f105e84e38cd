package dev.arbiter.analytics;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Quantile metrics (p50–p99) over events, valid when events are clustered in assignment units.
 *
 * <p>Point estimate: R type 7 (DuckDB {@code quantile_cont}). Interval: the order-statistic
 * method of Deng, Knoblich &amp; Lu (2018, "Applying the delta method in metric analytics",
 * §4.3): the share of events at or below the estimate, F̂ = Σ_i S_i / Σ_i N_i with S_i the unit's
 * events ≤ Q̂ and N_i its events, is a ratio metric over units, so its standard error σ comes from
 * the delta method; the interval is [Q(p − z·σ), Q(p + z·σ)]. No density estimate is needed.
 * Two arms are compared with SE_arm = (upper − lower)/(2z), normal-based.
 *
 * <p>The engine computes it in three aggregate passes (quantile; per-unit indicator moments;
 * quantiles at the bounds), so the same queries run on a distributed engine.
 */
public final class QuantileMetric {
    private QuantileMetric() {
    }

    /**
     * One arm's quantile with its interval.
     *
     * @param units  assignment units with events
     * @param events events
     * @param value  the sample quantile (type 7)
     * @param lower  lower bound of its interval
     * @param upper  upper bound of its interval
     * @param z      the normal quantile the bounds were built with
     */
    public record ArmQuantile(long units, long events, double value, double lower, double upper, double z) {
        /** Standard error implied by the interval. */
        public double standardError() {
            return (upper - lower) / (2 * z);
        }

        ArmEstimate asEstimate() {
            double se = standardError();
            return ArmEstimate.of(units, value, se * se * units);
        }
    }

    /**
     * The probabilities whose quantiles bound the interval.
     *
     * @param lower p − zσ, at least 0
     * @param upper p + zσ, at most 1
     * @param sigma standard error of F̂ at the estimate, cluster-aware
     */
    public record ProbabilityBounds(double lower, double upper, double sigma) {
    }

    /** The R type 7 sample quantile of sorted values: x[h] + (h − ⌊h⌋)(x[h+1] − x[h]), h = (n − 1)p. */
    public static double type7(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double h = (sorted.length - 1) * p;
        int low = (int) Math.floor(h);
        int high = Math.min(low + 1, sorted.length - 1);
        return sorted[low] + (h - low) * (sorted[high] - sorted[low]);
    }

    /**
     * Bounds from the per-unit indicator moments: numerator S_i = events ≤ Q̂, denominator
     * N_i = events, over the arm's units.
     */
    public static ProbabilityBounds probabilityBounds(double p, RatioMoments indicator, double alpha) {
        double sigma = Math.sqrt(indicator.estimate().varianceOfEstimate());
        double z = z(alpha);
        return new ProbabilityBounds(Math.max(0, p - z * sigma), Math.min(1, p + z * sigma), sigma);
    }

    /** The normal quantile for a two-sided interval at α. */
    public static double z(double alpha) {
        return NormalDistribution.of(0, 1).inverseSurvivalProbability(alpha / 2);
    }

    /** An arm's quantile and interval from raw events and their unit ids (tests, simulation). */
    public static ArmQuantile estimate(double[] values, long[] unitIds, double p, double alpha) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double quantile = type7(sorted, p);
        Map<Long, double[]> perUnit = new HashMap<>();
        for (int i = 0; i < values.length; i++) {
            double[] counts = perUnit.computeIfAbsent(unitIds[i], id -> new double[2]);
            counts[0] += values[i] <= quantile ? 1 : 0;
            counts[1] += 1;
        }
        double[] below = perUnit.values().stream().mapToDouble(c -> c[0]).toArray();
        double[] events = perUnit.values().stream().mapToDouble(c -> c[1]).toArray();
        ProbabilityBounds bounds = probabilityBounds(p, RatioMoments.of(below, events), alpha);
        return new ArmQuantile(perUnit.size(), values.length, quantile, type7(sorted, bounds.lower()),
                type7(sorted, bounds.upper()), z(alpha));
    }

    /** Treatment versus control quantiles, normal-based. */
    public static Comparison compare(ArmQuantile control, ArmQuantile treatment, double alpha, Alternative alternative) {
        ArmEstimate c = control.asEstimate();
        ArmEstimate t = treatment.asEstimate();
        String method = "quantile, cluster-aware order-statistic interval (Deng et al. 2018)";
        if (control.units() < 2 || treatment.units() < 2) {
            Effect none = Effect.unavailable("each arm needs events from at least 2 units");
            return new Comparison(c, t, none, none, method, alpha, alternative, List.of());
        }
        EffectVariances variances = EffectVariances.of(c, t);
        Effect absolute = TInference.effect(t.value() - c.value(), variances.absoluteSe(), Double.POSITIVE_INFINITY,
                alpha, alternative);
        Effect relative = variances.relativeUnavailable() != null
                ? Effect.unavailable(variances.relativeUnavailable())
                : TInference.effect(variances.relativeEstimate(), variances.relativeSe(), Double.POSITIVE_INFINITY,
                alpha, alternative);
        return new Comparison(c, t, absolute, relative, method, alpha, alternative, List.of());
    }
}
