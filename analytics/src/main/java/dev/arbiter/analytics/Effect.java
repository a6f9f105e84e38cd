package dev.arbiter.analytics;

import java.util.Objects;

/**
 * An estimated effect (treatment − control, or relative lift) with its inference.
 *
 * <p>When the effect cannot be estimated (too few units, no variance, a control mean of 0),
 * {@link #available()} is false, {@link #unavailableReason()} says why in plain words and
 * the numbers are NaN: reports must print the reason, never the NaN.
 *
 * @param estimate          point estimate
 * @param ci                confidence interval at the test's α (one-sided for one-sided tests)
 * @param standardError     standard error of the estimate
 * @param degreesOfFreedom  Welch–Satterthwaite df, or +∞ for normal-based methods
 * @param pValue            p-value for the test's alternative
 * @param unavailableReason null when available
 */
public record Effect(double estimate, Interval ci, double standardError, double degreesOfFreedom, double pValue,
                     String unavailableReason) {
    private static final Interval NO_INTERVAL = new Interval(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);

    public Effect {
        Objects.requireNonNull(ci, "ci");
    }

    /** An effect that cannot be estimated, with the reason. */
    public static Effect unavailable(String reason) {
        return new Effect(Double.NaN, NO_INTERVAL, Double.NaN, Double.NaN, Double.NaN, Objects.requireNonNull(reason));
    }

    public boolean available() {
        return unavailableReason == null;
    }

    /** True when available and the p-value is below α. */
    public boolean significantAt(double alpha) {
        return available() && pValue < alpha;
    }
}
