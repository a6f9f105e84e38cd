package dev.arbiter.app.common.charts;

/**
 * One line of a forest plot: a label and an estimate with its interval (NaN when unavailable).
 *
 * @param label    e.g. "resolution_rate" or "complexity = easy"
 * @param estimate the point estimate
 * @param lower    lower bound
 * @param upper    upper bound
 * @param flagged  drawn in the warning colour (a breached guardrail, a segment that flips sign)
 */
public record ForestRow(String label, double estimate, double lower, double upper, boolean flagged) {
    /** The same interval in another scale, e.g. ×100 for a fraction drawn on a percent axis. */
    public ForestRow scaled(double factor) {
        return new ForestRow(label, factor * estimate, factor * lower, factor * upper, flagged);
    }
}
