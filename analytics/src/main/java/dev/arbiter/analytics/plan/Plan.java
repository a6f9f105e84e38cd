package dev.arbiter.analytics.plan;

/**
 * A sample-size plan.
 *
 * @param exactPerArm       the solution of the power equation, before rounding up
 * @param perArm            units per arm, rounded up
 * @param total             perArm × arms
 * @param ruleOfThumbPerArm 16·σ²/MDE² (for proportions σ² = p(1 − p)), shown beside the exact figure
 * @param arms              number of arms, control included
 * @param comparisonAlpha   α per treatment-vs-control comparison (Bonferroni over arms − 1)
 * @param mdeAbsolute       the minimum detectable effect on the metric's scale, with its sign (negative: a decrease)
 */
public record Plan(double exactPerArm, long perArm, long total, long ruleOfThumbPerArm, int arms,
                   double comparisonAlpha, double mdeAbsolute) {
    /** Days until the total is reached at {@code dailyUnits} new units per day (all arms together). */
    public long days(double dailyUnits) {
        if (!(dailyUnits > 0)) {
            throw new IllegalArgumentException("daily units must be positive: " + dailyUnits);
        }
        return (long) Math.ceil(total / dailyUnits);
    }
}
