package dev.arbiter.analytics.plan;

import org.apache.commons.numbers.gamma.LogGamma;
import org.apache.commons.numbers.gamma.RegularizedBeta;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Cumulative distribution of the noncentral t, needed for the power of t-tests (R
 * {@code power.t.test}). Neither Commons Statistics nor Commons Math has it, so this is a port of
 * R's {@code pnt} (nmath/pnt.c): algorithm AS 243 (Lenth 1989) with Guenther's twin series and
 * the Abramowitz &amp; Stegun 26.7.10 approximation for huge df or ncp.
 */
final class NoncentralT {
    private static final int MAX_ITERATIONS = 1000;
    private static final double MAX_ERROR = 1e-12;
    private static final double LN_SQRT_PI = 0.572364942924700087071713675677;
    private static final double SQRT_2_OVER_PI = 0.797884560802865355879892119869;
    private static final double DBL_MIN_EXP = -1021;
    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    private NoncentralT() {
    }

    /** P(T ≤ t) (lowerTail) or P(T &gt; t) for T noncentral t with {@code df} and {@code ncp}. */
    static double cdf(double t, double df, double ncp, boolean lowerTail) {
        if (!(df > 0)) {
            throw new IllegalArgumentException("df must be positive: " + df);
        }
        if (ncp == 0) {
            TDistribution central = TDistribution.of(df);
            return lowerTail ? central.cumulativeProbability(t) : central.survivalProbability(t);
        }
        if (Double.isInfinite(t)) {
            return (t < 0) == lowerTail ? 0 : 1;
        }
        boolean negate = t < 0;
        if (negate && ncp > 40 && !lowerTail) {
            return 1;
        }
        double tt = negate ? -t : t;
        double del = negate ? -ncp : ncp;
        boolean lower = lowerTail != negate;
        if (df > 4e5 || del * del > 2 * Math.log(2) * -DBL_MIN_EXP) {
            double s = 1 / (4 * df);
            NormalDistribution approx = NormalDistribution.of(del, Math.sqrt(1 + tt * tt * 2 * s));
            double z = tt * (1 - s);
            return lower ? approx.cumulativeProbability(z) : approx.survivalProbability(z);
        }
        double tnc = Math.min(1, series(t * t / (t * t + df), del, df) + STANDARD_NORMAL.cumulativeProbability(-del));
        return lower ? tnc : 1 - tnc;
    }

    /** The twin series of AS 243 for x = t²/(t² + df) in [0, 1). */
    private static double series(double x, double del, double df) {
        if (!(x > 0)) {
            return 0;
        }
        double lambda = del * del;
        double p = 0.5 * Math.exp(-0.5 * lambda);
        if (p == 0) {
            return 0;
        }
        double q = SQRT_2_OVER_PI * p * del;
        double s = 0.5 - p;
        if (s < 1e-7) {
            s = -0.5 * Math.expm1(-0.5 * lambda);
        }
        double a = 0.5;
        double b = 0.5 * df;
        double rxb = Math.pow(1 - x, b);
        double albeta = LN_SQRT_PI + LogGamma.value(b) - LogGamma.value(0.5 + b);
        double xodd = RegularizedBeta.value(x, a, b);
        double godd = 2 * rxb * Math.exp(a * Math.log(x) - albeta);
        double tnc = b * x;
        double xeven = tnc < Math.ulp(1.0) ? tnc : 1 - rxb;
        double geven = tnc * rxb;
        tnc = p * xodd + q * xeven;
        for (int it = 1; it <= MAX_ITERATIONS; it++) {
            a += 1;
            xodd -= godd;
            xeven -= geven;
            godd *= x * (a + b - 1) / a;
            geven *= x * (a + b - 0.5) / (a + 0.5);
            p *= lambda / (2 * it);
            q *= lambda / (2 * it + 1);
            tnc += p * xodd + q * xeven;
            s -= p;
            if (s < -1e-10 || (s <= 0 && it > 1)) {
                break;
            }
            double errbd = 2 * s * (xodd - godd);
            if (Math.abs(errbd) < MAX_ERROR) {
                break;
            }
        }
        return tnc;
    }
}
