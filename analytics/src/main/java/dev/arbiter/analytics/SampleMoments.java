package dev.arbiter.analytics;

/**
 * Sufficient statistics of one numeric variable over the units of one arm: the count, the sum
 * and the sum of squares. Variance uses n − 1 (see docs/methods.md, "Conventions").
 *
 * @param n          number of units
 * @param sum        Σy
 * @param sumSquares Σy²
 */
public record SampleMoments(long n, double sum, double sumSquares) {
    public SampleMoments {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative: " + n);
        }
        if (!Double.isFinite(sum) || !Double.isFinite(sumSquares)) {
            throw new IllegalArgumentException("sum and sumSquares must be finite numbers");
        }
        if (sumSquares < 0) {
            throw new IllegalArgumentException("sumSquares must not be negative: " + sumSquares);
        }
    }

    /** Moments of a 0/1 variable with {@code successes} ones among {@code n}. */
    public static SampleMoments ofSuccesses(long n, long successes) {
        if (successes < 0 || successes > n) {
            throw new IllegalArgumentException("successes must be between 0 and n=" + n + ": " + successes);
        }
        return new SampleMoments(n, successes, successes);
    }

    /** Moments of the given values. */
    public static SampleMoments of(double... values) {
        double sum = 0;
        double sumSquares = 0;
        for (double value : values) {
            sum += value;
            sumSquares += value * value;
        }
        return new SampleMoments(values.length, sum, sumSquares);
    }

    /** The arithmetic mean Σy / n; NaN when n = 0. */
    public double mean() {
        return n == 0 ? Double.NaN : sum / n;
    }

    /** The sample variance with n − 1, never negative; NaN when n &lt; 2. */
    public double variance() {
        if (n < 2) {
            return Double.NaN;
        }
        double mean = mean();
        return Math.max(0, (sumSquares - n * mean * mean) / (n - 1));
    }

    /** These moments combined with another arm's (or segment's). */
    public SampleMoments plus(SampleMoments other) {
        return new SampleMoments(n + other.n, sum + other.sum, sumSquares + other.sumSquares);
    }
}
