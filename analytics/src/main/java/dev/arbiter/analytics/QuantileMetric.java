package dev.arbiter.analytics;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Quantile metrics (p50–p99) over events, valid when events are clustered in assignment units.
 *
 * <p>Point estimate: the mid-quantile ({@link MidQuantile}; Ma, Genton &amp; Parzen 2011), which
 * stays continuous in the data when values repeat (R type 5 when they do not). Interval: the
 * order-statistic method of Deng, Knoblich &amp; Lu (2018, "Applying the delta method in metric
 * analytics", §4.3) read on the mid-distribution: the share of events at the estimate,
 * F̂_mid = Σ_i S_i / Σ_i N_i with S_i the unit's events weighted by {@link MidQuantile#weight}
 * and N_i its events, is a ratio metric over units, so its standard error σ comes from the delta
 * method; the interval is [Q(p − z·σ), Q(p + z·σ)]. No density estimate is needed. Two arms are
 * compared with SE_arm = (upper − lower)/(2z), normal-based. An order-statistic quantile (type 7)
 * in its place gives A/A medians of tied integers 50% false positives (issue 16 #1,
 * docs/methods.md): its interval collapses to one value or jumps by a whole step.
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

    /** An arm's mid-quantile and interval from raw events and their unit ids (tests, simulation). */
    public static ArmQuantile estimate(double[] values, long[] unitIds, double p, double alpha) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        MidQuantile quantile = MidQuantile.ofSorted(sorted, p);
        if (quantile == null) {
            return new ArmQuantile(0, 0, Double.NaN, Double.NaN, Double.NaN, z(alpha));
        }
        Map<Long, double[]> perUnit = new HashMap<>();
        for (int i = 0; i < values.length; i++) {
            double[] sums = perUnit.computeIfAbsent(unitIds[i], id -> new double[2]);
            sums[0] += quantile.weight(values[i]);
            sums[1] += 1;
        }
        double[] below = perUnit.values().stream().mapToDouble(c -> c[0]).toArray();
        double[] events = perUnit.values().stream().mapToDouble(c -> c[1]).toArray();
        ProbabilityBounds bounds = probabilityBounds(p, RatioMoments.of(below, events), alpha);
        return new ArmQuantile(perUnit.size(), values.length, quantile.value(), valueAt(sorted, bounds.lower()),
                valueAt(sorted, bounds.upper()), z(alpha));
    }

    /** The mid-quantile at {@code p}, NaN when {@code p} is not finite (fewer than 2 units give no bounds). */
    private static double valueAt(double[] sorted, double p) {
        MidQuantile quantile = MidQuantile.ofSorted(sorted, p);
        return quantile == null ? Double.NaN : quantile.value();
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
