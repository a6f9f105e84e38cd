package dev.arbiter.analytics;

/**
 * Sufficient statistics of a ratio metric Σnum / Σden over the assignment units of one arm,
 * e.g. refusals per request when sessions are randomised: per unit i, M_i = Σ numerator and
 * D_i = Σ denominator over its events.
 *
 * @param n                     units
 * @param sumNum                ΣM
 * @param sumNumSquares         ΣM²
 * @param sumDen                ΣD
 * @param sumDenSquares         ΣD²
 * @param sumNumDen             ΣMD
 */
public record RatioMoments(long n, double sumNum, double sumNumSquares, double sumDen, double sumDenSquares,
                           double sumNumDen) {
    public RatioMoments {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative: " + n);
        }
    }

    /** Moments of per-unit numerators and denominators given as arrays of the same length. */
    public static RatioMoments of(double[] numerators, double[] denominators) {
        if (numerators.length != denominators.length) {
            throw new IllegalArgumentException("numerators and denominators differ in length");
        }
        // the same sums as a metric and its covariate: numerators as y, denominators as x
        CovariateMoments sums = CovariateMoments.of(numerators, denominators);
        return new RatioMoments(sums.n(), sums.sumY(), sums.sumYSquares(), sums.sumX(), sums.sumXSquares(), sums.sumXY());
    }

    /** Σnum / Σden. */
    public double ratio() {
        return sumNum / sumDen;
    }

    /**
     * The arm estimate by the delta method: per-unit variance
     * [var(M) − 2r·cov(M,D) + r²·var(D)] / μ_D², r = ΣM/ΣD, moments with n − 1
     * (Deng, Knoblich &amp; Lu 2018, "Applying the delta method in metric analytics").
     */
    public ArmEstimate estimate() {
        if (n < 2 || sumDen == 0) {
            return ArmEstimate.of(n, n == 0 || sumDen == 0 ? Double.NaN : ratio(), Double.NaN);
        }
        UnitMoments moments = UnitMoments.ofRatio(this);
        double r = ratio();
        double meanDen = sumDen / n;
        double variance = (moments.covariance(0, 0) - 2 * r * moments.covariance(0, 1)
                + r * r * moments.covariance(1, 1)) / (meanDen * meanDen);
        return ArmEstimate.of(n, r, Math.max(0, variance));
    }

    public RatioMoments plus(RatioMoments other) {
        return new RatioMoments(n + other.n, sumNum + other.sumNum, sumNumSquares + other.sumNumSquares,
                sumDen + other.sumDen, sumDenSquares + other.sumDenSquares, sumNumDen + other.sumNumDen);
    }
}
