package dev.arbiter.analytics;

import org.apache.commons.statistics.distribution.ContinuousDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Confidence interval and p-value of an estimate from its standard error, with a t reference
 * distribution (or the normal when df is infinite). Interval and p-value always agree: the
 * interval excludes 0 exactly when p &lt; α.
 */
final class TInference {
    private static final double NORMAL_DF = 1e7;

    private TInference() {
    }

    /** The effect for {@code estimate} with standard error {@code se} on {@code df} degrees of freedom. */
    static Effect effect(double estimate, double se, double df, double alpha, Alternative alternative) {
        if (!Double.isFinite(estimate) || !Double.isFinite(se) || !(se > 0) || !(df > 0)) {
            return Effect.unavailable("the standard error is " + (se == 0 ? "0 (no variation in either arm)"
                    : "not defined"));
        }
        ContinuousDistribution reference = reference(df);
        double statistic = estimate / se;
        return switch (alternative) {
            case TWO_SIDED -> {
                double critical = reference.inverseSurvivalProbability(alpha / 2);
                double p = 2 * reference.survivalProbability(Math.abs(statistic));
                yield new Effect(estimate, new Interval(estimate - critical * se, estimate + critical * se), se, df,
                        Math.min(1, p), null);
            }
            case GREATER -> new Effect(estimate,
                    new Interval(estimate - reference.inverseSurvivalProbability(alpha) * se, Double.POSITIVE_INFINITY),
                    se, df, reference.survivalProbability(statistic), null);
            case LESS -> new Effect(estimate,
                    new Interval(Double.NEGATIVE_INFINITY, estimate + reference.inverseSurvivalProbability(alpha) * se),
                    se, df, reference.cumulativeProbability(statistic), null);
        };
    }

    /** Student's t on {@code df} degrees of freedom, or the standard normal for very large df. */
    static ContinuousDistribution reference(double df) {
        return df >= NORMAL_DF ? NormalDistribution.of(0, 1) : TDistribution.of(df);
    }
}
