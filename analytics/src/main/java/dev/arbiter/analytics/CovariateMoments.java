package dev.arbiter.analytics;

/**
 * Sufficient statistics of a per-unit metric Y and its pre-experiment covariate X in one arm,
 * for CUPED on mean and proportion metrics.
 *
 * @param n            units
 * @param sumY         ΣY
 * @param sumYSquares  ΣY²
 * @param sumX         ΣX
 * @param sumXSquares  ΣX²
 * @param sumXY        ΣXY
 */
public record CovariateMoments(long n, double sumY, double sumYSquares, double sumX, double sumXSquares,
                               double sumXY) {
    public CovariateMoments {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative: " + n);
        }
    }

    /** Moments of paired values y[i], x[i]. */
    public static CovariateMoments of(double[] y, double[] x) {
        if (y.length != x.length) {
            throw new IllegalArgumentException("y and x differ in length");
        }
        double sy = 0;
        double syy = 0;
        double sx = 0;
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < y.length; i++) {
            sy += y[i];
            syy += y[i] * y[i];
            sx += x[i];
            sxx += x[i] * x[i];
            sxy += x[i] * y[i];
        }
        return new CovariateMoments(y.length, sy, syy, sx, sxx, sxy);
    }

    /** The metric's own moments, without the covariate. */
    public SampleMoments metric() {
        return new SampleMoments(n, sumY, sumYSquares);
    }

    UnitMoments unitMoments() {
        return new UnitMoments(n, new double[] {sumY, sumX},
                new double[][] {{sumYSquares, sumXY}, {sumXY, sumXSquares}});
    }

    /** The moments of the union of these values and {@code other}'s (disjoint sets of units). */
    public CovariateMoments plus(CovariateMoments other) {
        return new CovariateMoments(n + other.n, sumY + other.sumY, sumYSquares + other.sumYSquares, sumX + other.sumX,
                sumXSquares + other.sumXSquares, sumXY + other.sumXY);
    }
}
