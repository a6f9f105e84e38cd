package dev.arbiter.analytics;

/**
 * Point estimates and standard errors of the absolute and relative effect of two arms, by the
 * delta method. Shared by the Welch and sequential procedures, which differ only in the
 * reference distribution and boundary.
 *
 * <p>Relative lift r = (a − b)/|c| with a the treatment value, b the control value and c the
 * control baseline: Var(r) = Var(a)/c² + Var(b)/c² + (a−b)²Var(c)/c⁴ + 2(a−b)Cov(b,c)/c³. For
 * plain metrics (c = b) this is the pinned √(s²_t/(c²n_t) + s²_c·m_t²/(c⁴n_c)). The difference,
 * |c| and their variances and covariance are kept for Fieller's interval ({@link Fieller}).
 */
record EffectVariances(double absoluteSe, double relativeEstimate, double relativeSe, String relativeUnavailable,
                       double difference, double baseline, double baselineVariance, double differenceBaselineCovariance) {
    static EffectVariances of(ArmEstimate control, ArmEstimate treatment) {
        double varA = treatment.varianceOfEstimate();
        double varB = control.varianceOfEstimate();
        double absoluteSe = Math.sqrt(varA + varB);
        double c = control.baseline();
        if (c == 0 || !Double.isFinite(c)) {
            return new EffectVariances(absoluteSe, Double.NaN, Double.NaN,
                    "the control value is 0, so a relative change is not defined", Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double diff = treatment.value() - control.value();
        double varC = control.baselineVariance() / control.n();
        double covBc = control.covariance() / control.n();
        double variance = varA / (c * c) + varB / (c * c) + diff * diff * varC / (c * c * c * c)
                + 2 * diff * covBc / (c * c * c);
        // on the scale of |c|: Cov(a − b, |c|) = −sign(c)·Cov(b, c), the treatment being independent of the control
        return new EffectVariances(absoluteSe, diff / Math.abs(c), Math.sqrt(Math.max(0, variance)), null, diff, Math.abs(c),
                varC, -Math.signum(c) * covBc);
    }
}
