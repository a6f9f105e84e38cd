package dev.arbiter.analytics;

/**
 * A confidence interval; one-sided intervals have an infinite bound.
 *
 * @param lower lower bound, or −∞
 * @param upper upper bound, or +∞
 */
public record Interval(double lower, double upper) {
    public Interval {
        if (lower > upper) {
            throw new IllegalArgumentException("lower bound " + lower + " exceeds upper bound " + upper);
        }
    }

    public boolean contains(double value) {
        return lower <= value && value <= upper;
    }

    /** This interval moved by {@code offset}, e.g. a relative effect turned into a ratio T/C. */
    public Interval shift(double offset) {
        return new Interval(lower + offset, upper + offset);
    }
}
