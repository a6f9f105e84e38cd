package dev.arbiter.analytics;

import java.util.List;

/**
 * Always-valid inference for peeking: the asymptotic confidence sequence of Waudby-Smith,
 * Arnold, Wu &amp; Ramdas ("Time-uniform central limit theory and asymptotic confidence sequences",
 * arXiv:2103.06476, eq. 9), as in GrowthBook, on the same effect estimates as {@link WelchTest}.
 *
 * <p>With N = n_c + n_t, s² = N·SE² and ρ = √[(−2 ln α + ln(1 − 2 ln α)) / N*] (N* the tuning
 * parameter, the planned total sample, default 5000), the interval is effect ± w with
 * w = √s² · √[2(Nρ² + 1)/(N²ρ²) · ln(√(Nρ² + 1)/α)], normal-based. The always-valid p-value is
 * the smallest α' at which the sequence excludes 0 (ρ fixed):
 * p = min(1, √(Nρ²+1) · exp(−effect²N²ρ² / (2s²(Nρ²+1)))).
 *
 * <p>One-sided sequences (as GrowthBook's {@code sequentialIntervalHalfwidthOneSided}) take ρ with
 * 2α in place of α and the half-width w = √[s² · 2(Nρ² + 1)/(N²ρ²) · ln(1 + √(Nρ² + 1)/(2α))] on
 * their side; the p-value is the α' at which that bound reaches 0 (ρ fixed), in closed form
 * p = min(1, √(Nρ² + 1) / (2(exp(effect²N²ρ² / (2s²(Nρ² + 1))) − 1))), and 1 when the effect lies on
 * the other side.
 */
public final class SequentialTest {
    /** The default tuning parameter N*. */
    public static final double DEFAULT_TUNING = 5000;

    private final double alpha;
    private final Alternative alternative;
    private final double tuning;

    private SequentialTest(double alpha, Alternative alternative, double tuning) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be between 0 and 1: " + alpha);
        }
        if (!(tuning > 0)) {
            throw new IllegalArgumentException("the sequential tuning parameter must be positive: " + tuning);
        }
        this.alpha = alpha;
        this.alternative = alternative;
        this.tuning = tuning;
    }

    public static SequentialTest withDefaults() {
        return new SequentialTest(0.05, Alternative.TWO_SIDED, DEFAULT_TUNING);
    }

    public SequentialTest withAlpha(double newAlpha) {
        return new SequentialTest(newAlpha, alternative, tuning);
    }

    public SequentialTest withAlternative(Alternative newAlternative) {
        return new SequentialTest(alpha, newAlternative, tuning);
    }

    /** The planned total sample N* the sequence is tightest at. */
    public SequentialTest withTuning(double newTuning) {
        return new SequentialTest(alpha, alternative, newTuning);
    }

    /** ρ of the normal mixture, from α (2α for a one-sided sequence) and N*. */
    public double rho() {
        double logAlpha = Math.log(alternative == Alternative.TWO_SIDED ? alpha : 2 * alpha);
        return Math.sqrt((-2 * logAlpha + Math.log(1 - 2 * logAlpha)) / tuning);
    }

    public Comparison compare(ArmEstimate control, ArmEstimate treatment, String method) {
        String unavailable = Degenerate.reason(control, treatment);
        String name = method + ", always-valid (sequential)";
        if (unavailable != null) {
            Effect none = Effect.unavailable(unavailable);
            return new Comparison(control, treatment, none, none, name, alpha, alternative, List.of());
        }
        double total = (double) control.n() + treatment.n();
        EffectVariances variances = EffectVariances.of(control, treatment);
        Effect absolute = effect(treatment.value() - control.value(), variances.absoluteSe(), total);
        Effect relative = variances.relativeUnavailable() != null
                ? Effect.unavailable(variances.relativeUnavailable())
                : effect(variances.relativeEstimate(), variances.relativeSe(), total);
        return new Comparison(control, treatment, absolute, relative, name, alpha, alternative, List.of());
    }

    /**
     * A fixed-horizon comparison read again on the confidence sequence: its absolute and relative
     * estimates with their standard errors, over {@code totalUnits} units in both arms. This is how
     * estimates that are asymptotically normal but not means — quantiles — are protected against
     * peeking (issue 16 #5; checked by simulation over 30 looks, docs/validation.md).
     */
    public Comparison sequential(Comparison fixed, long totalUnits) {
        String name = fixed.method() + ", always-valid (sequential)";
        Effect absolute = fixed.absolute().available()
                ? effect(fixed.absolute().estimate(), fixed.absolute().standardError(), totalUnits) : fixed.absolute();
        Effect relative = fixed.relative().available()
                ? effect(fixed.relative().estimate(), fixed.relative().standardError(), totalUnits) : fixed.relative();
        return new Comparison(fixed.control(), fixed.treatment(), absolute, relative, name, alpha, alternative, fixed.notes());
    }

    private Effect effect(double estimate, double se, double total) {
        if (!(se > 0) || !Double.isFinite(se)) {
            return Effect.unavailable("the standard error is 0 (no variation in either arm)");
        }
        double rho2 = rho() * rho();
        double s2 = total * se * se;
        double spread = total * rho2 + 1;
        double scale = 2 * spread / (total * total * rho2);
        // how far the estimate is from 0 in the mixture's terms: effect²N²ρ² / (2s²(Nρ² + 1))
        double distance = estimate * estimate / (s2 * scale);
        if (alternative == Alternative.TWO_SIDED) {
            double halfWidth = Math.sqrt(s2 * scale * Math.log(Math.sqrt(spread) / alpha));
            double p = Math.min(1, Math.sqrt(spread) * Math.exp(-distance));
            return new Effect(estimate, new Interval(estimate - halfWidth, estimate + halfWidth), se, Double.POSITIVE_INFINITY,
                    p, null);
        }
        double halfWidth = Math.sqrt(s2 * scale * Math.log(1 + Math.sqrt(spread) / (2 * alpha)));
        boolean rightSide = alternative == Alternative.GREATER ? estimate > 0 : estimate < 0;
        double p = rightSide ? Math.min(1, Math.sqrt(spread) / (2 * Math.expm1(distance))) : 1;
        Interval ci = alternative == Alternative.GREATER
                ? new Interval(estimate - halfWidth, Double.POSITIVE_INFINITY)
                : new Interval(Double.NEGATIVE_INFINITY, estimate + halfWidth);
        return new Effect(estimate, ci, se, Double.POSITIVE_INFINITY, p, null);
    }
}
