package dev.arbiter.analytics;


/**
 * One arm's value of a metric with its confidence interval.
 *
 * @param name              the arm
 * @param units             assignment units
 * @param value             the metric's value (unadjusted)
 * @param ci                two-sided interval at the experiment's α
 * @param unavailableReason why there is no value, or null
 */
public record ArmValue(String name, long units, double value, Interval ci, String unavailableReason) {
}
