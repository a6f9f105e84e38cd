package dev.arbiter.analytics;

/**
 * One arm's estimate of a metric, linearised for inference: the value, the per-unit variance
 * of its influence function (so that the estimate's variance is {@code variance / n}) and the
 * baseline used as the denominator of relative effects.
 *
 * <p>For plain metrics the baseline is the value itself. CUPED-adjusted estimates keep the
 * unadjusted mean as baseline, with the per-unit covariance between adjusted and unadjusted
 * influence functions (docs/methods.md, "CUPED").
 *
 * @param n                  units (assignment units) in the arm
 * @param value              the estimate: mean, proportion, ratio, adjusted mean
 * @param variance           per-unit variance of the value's influence function
 * @param baseline           denominator for relative effects
 * @param baselineVariance   per-unit variance of the baseline
 * @param covariance         per-unit covariance between value and baseline
 */
public record ArmEstimate(long n, double value, double variance, double baseline, double baselineVariance,
                          double covariance) {
    public ArmEstimate {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative: " + n);
        }
    }

    /** A plain estimate whose baseline is itself. */
    public static ArmEstimate of(long n, double value, double variance) {
        return new ArmEstimate(n, value, variance, value, variance, variance);
    }

    /** A mean metric: sample mean and sample variance (n − 1). */
    public static ArmEstimate mean(SampleMoments moments) {
        return of(moments.n(), moments.mean(), moments.variance());
    }

    /** A proportion: p and the variance p(1 − p) (the pinned convention for proportions). */
    public static ArmEstimate proportion(long n, double successes) {
        if (successes < 0 || successes > n) {
            throw new IllegalArgumentException("successes must be between 0 and n=" + n + ": " + successes);
        }
        double p = n == 0 ? Double.NaN : successes / n;
        return of(n, p, p * (1 - p));
    }

    /**
     * This arm's value with a two-sided interval at α: value ± t₁₋α/₂,ₙ₋₁·√(variance/n). The
     * p-value tests value = 0 and is rarely of interest.
     */
    public Effect valueInterval(double alpha) {
        if (n < 2 || !Double.isFinite(value) || !Double.isFinite(variance)) {
            return Effect.unavailable("the arm needs at least 2 units with values");
        }
        double se = Math.sqrt(varianceOfEstimate());
        if (se == 0) {
            return new Effect(value, new Interval(value, value), 0, n - 1, Double.NaN, null);
        }
        return TInference.effect(value, se, n - 1, alpha, Alternative.TWO_SIDED);
    }

    /** Variance of the estimate itself: variance / n. */
    public double varianceOfEstimate() {
        return variance / n;
    }
}
