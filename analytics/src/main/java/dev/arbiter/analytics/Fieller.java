package dev.arbiter.analytics;

/**
 * Fieller's interval for the relative change r = (a − b)/|c| (Fieller 1954; for two independent
 * arms as in Franz 2007, "Ratios: a short guide to confidence limits and proper use"): the set of r
 * for which (a − b) − r·|c| is not significant, i.e. (D − r·c)² ≤ q²·(V_D − 2r·C_Dc + r²·V_c) with
 * D = a − b, c = |c|, q the critical value. At r = 0 the condition is D² ≤ q²·V_D — the absolute
 * test itself — so the interval excludes 0 exactly when the absolute difference is significant,
 * and it follows the skew of a ratio instead of a symmetric ±. When the baseline is itself not
 * clearly away from 0 (c² ≤ q²·V_c) the set is unbounded and no relative interval is given.
 */
final class Fieller {
    private Fieller() {
    }

    /**
     * The interval at critical value {@code critical} (two-sided: both roots; one-sided: the root on
     * the alternative's side), or null when it is unbounded.
     */
    static Interval relative(EffectVariances v, double critical, Alternative alternative) {
        double q2 = critical * critical;
        double d = v.difference();
        double c = v.baseline();
        double quadratic = c * c - q2 * v.baselineVariance();
        if (!(quadratic > 0)) {
            return null;
        }
        double linear = d * c - q2 * v.differenceBaselineCovariance();
        double constant = d * d - q2 * v.absoluteSe() * v.absoluteSe();
        double root = Math.sqrt(Math.max(0, linear * linear - quadratic * constant));
        double lower = (linear - root) / quadratic;
        double upper = (linear + root) / quadratic;
        return switch (alternative) {
            case TWO_SIDED -> new Interval(lower, upper);
            case GREATER -> new Interval(lower, Double.POSITIVE_INFINITY);
            case LESS -> new Interval(Double.NEGATIVE_INFINITY, upper);
        };
    }
}
