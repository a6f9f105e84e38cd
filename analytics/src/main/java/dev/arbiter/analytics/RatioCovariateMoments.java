package dev.arbiter.analytics;

import java.util.Objects;

/**
 * Sufficient statistics of a ratio metric (per unit M, D) and its pre-experiment ratio covariate
 * (per unit M', D') in one arm, for CUPED on ratio metrics: both ratios' moments and the four
 * cross sums between them.
 *
 * @param metric    moments of M and D
 * @param covariate moments of M' and D' (same units, same n)
 * @param sumNumCovNum ΣM·M'
 * @param sumNumCovDen ΣM·D'
 * @param sumDenCovNum ΣD·M'
 * @param sumDenCovDen ΣD·D'
 */
public record RatioCovariateMoments(RatioMoments metric, RatioMoments covariate, double sumNumCovNum,
                                    double sumNumCovDen, double sumDenCovNum, double sumDenCovDen) {
    public RatioCovariateMoments {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(covariate, "covariate");
        if (metric.n() != covariate.n()) {
            throw new IllegalArgumentException("metric and covariate must cover the same units: "
                    + metric.n() + " vs " + covariate.n());
        }
    }

    /** Moments of per-unit arrays. */
    public static RatioCovariateMoments of(double[] num, double[] den, double[] covNum, double[] covDen) {
        double nn = 0;
        double nd = 0;
        double dn = 0;
        double dd = 0;
        for (int i = 0; i < num.length; i++) {
            nn += num[i] * covNum[i];
            nd += num[i] * covDen[i];
            dn += den[i] * covNum[i];
            dd += den[i] * covDen[i];
        }
        return new RatioCovariateMoments(RatioMoments.of(num, den), RatioMoments.of(covNum, covDen), nn, nd, dn, dd);
    }

    UnitMoments unitMoments() {
        RatioMoments m = metric;
        RatioMoments c = covariate;
        return new UnitMoments(m.n(), new double[] {m.sumNum(), m.sumDen(), c.sumNum(), c.sumDen()},
                new double[][] {
                        {m.sumNumSquares(), m.sumNumDen(), sumNumCovNum, sumNumCovDen},
                        {m.sumNumDen(), m.sumDenSquares(), sumDenCovNum, sumDenCovDen},
                        {sumNumCovNum, sumDenCovNum, c.sumNumSquares(), c.sumNumDen()},
                        {sumNumCovDen, sumDenCovDen, c.sumNumDen(), c.sumDenSquares()}});
    }
}
