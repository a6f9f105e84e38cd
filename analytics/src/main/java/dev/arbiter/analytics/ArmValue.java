package dev.arbiter.analytics;


/**
 * One arm's value of a metric with its confidence interval.
 *
 * @param name              the arm
 * @param units             assignment units
 * @param value             the metric's value (unadjusted)
 * @param ci                two-sided interval at the experiment's α
 * @param unavailableReason why there is no value, or null
 * @param adjustedValue     the CUPED-adjusted value the effect is computed from, or NaN without a covariate
 * @param adjustedCi        its two-sided interval, or null
 */
public record ArmValue(String name, long units, double value, Interval ci, String unavailableReason, double adjustedValue,
                       Interval adjustedCi) {
    /** A value without covariate adjustment. */
    public ArmValue(String name, long units, double value, Interval ci, String unavailableReason) {
        this(name, units, value, ci, unavailableReason, Double.NaN, null);
    }

    /** The same value with the CUPED-adjusted one beside it (from the comparison's adjusted arm estimate). */
    public ArmValue withAdjusted(ArmEstimate adjusted, double alpha) {
        Effect interval = adjusted.valueInterval(alpha);
        return new ArmValue(name, units, value, ci, unavailableReason, adjusted.value(),
                interval.available() ? interval.ci() : null);
    }
}
