package dev.arbiter.analytics;

import java.util.ArrayList;
import java.util.List;

/**
 * Two-sample comparison with unpooled variances (Welch): the pinned convention for mean,
 * proportion, ratio and CUPED-adjusted metrics alike.
 *
 * <ul>
 *   <li>Δ = m_t − m_c, SE = √(s²_t/n_t + s²_c/n_c), Welch–Satterthwaite
 *       df = SE⁴ / [(s²_t/n_t)²/(n_t−1) + (s²_c/n_c)²/(n_c−1)], t critical value.</li>
 *   <li>Relative lift Δ/|c| by the delta method; for plain metrics
 *       SE = √(s²_t/(c²n_t) + s²_c·m_t²/(c⁴n_c)), with the same df. The general form (used by
 *       CUPED, whose baseline c is the unadjusted control mean) is in docs/methods.md.</li>
 * </ul>
 * Immutable: configure with {@code with...}. Reference: Welch (1947); R {@code t.test(var.equal = FALSE)}.
 */
public final class WelchTest {
    private final double alpha;
    private final Alternative alternative;

    private WelchTest(double alpha, Alternative alternative) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be between 0 and 1: " + alpha);
        }
        this.alpha = alpha;
        this.alternative = alternative;
    }

    /** α = 0.05, two-sided. */
    public static WelchTest withDefaults() {
        return new WelchTest(0.05, Alternative.TWO_SIDED);
    }

    public WelchTest withAlpha(double newAlpha) {
        return new WelchTest(newAlpha, alternative);
    }

    public WelchTest withAlternative(Alternative newAlternative) {
        return new WelchTest(alpha, newAlternative);
    }

    public double alpha() {
        return alpha;
    }

    public Alternative alternative() {
        return alternative;
    }

    /** Compares two arms; {@code method} names the metric's method for reports. */
    public Comparison compare(ArmEstimate control, ArmEstimate treatment, String method) {
        String unavailable = Degenerate.reason(control, treatment);
        if (unavailable != null) {
            Effect none = Effect.unavailable(unavailable);
            return new Comparison(control, treatment, none, none, method, alpha, alternative, List.of());
        }
        EffectVariances variances = EffectVariances.of(control, treatment);
        double df = welchDf(control, treatment);
        Effect absolute = TInference.effect(treatment.value() - control.value(), variances.absoluteSe(), df, alpha,
                alternative);
        List<String> notes = new ArrayList<>();
        Effect relative = relative(variances, absolute, df, control, treatment, notes);
        return new Comparison(control, treatment, absolute, relative, method, alpha, alternative, notes);
    }

    /**
     * The relative change: the delta method (GrowthBook's) when its interval agrees with the absolute
     * test on excluding 0 and, where both arms' values are non-negative, stays above −100%; otherwise
     * Fieller's interval, whose test is the absolute one (docs/methods.md).
     */
    private Effect relative(EffectVariances variances, Effect absolute, double df, ArmEstimate control,
                            ArmEstimate treatment, List<String> notes) {
        if (variances.relativeUnavailable() != null) {
            return Effect.unavailable(variances.relativeUnavailable());
        }
        Effect delta = TInference.effect(variances.relativeEstimate(), variances.relativeSe(), df, alpha, alternative);
        if (!delta.available() || !absolute.available()) {
            return delta;
        }
        boolean agrees = delta.significantAt(alpha) == absolute.significantAt(alpha);
        boolean inRange = control.value() < 0 || treatment.value() < 0 || delta.ci().lower() >= -1;
        if (agrees && inRange) {
            return delta;
        }
        double critical = TInference.reference(df).inverseSurvivalProbability(
                alternative == Alternative.TWO_SIDED ? alpha / 2 : alpha);
        Interval fieller = Fieller.relative(variances, critical, alternative);
        if (fieller == null) {
            notes.add("No relative interval: the control value is too uncertain for a bounded one (Fieller).");
            return Effect.unavailable("the control value is too uncertain for a bounded relative interval (Fieller)");
        }
        notes.add("Relative interval by Fieller's method: the delta method's " + (agrees ? "went below −100%"
                : "disagreed with the absolute test") + ".");
        return new Effect(variances.relativeEstimate(), fieller, variances.relativeSe(), df, absolute.pValue(), null);
    }

    /** Welch–Satterthwaite degrees of freedom of the two arms. */
    static double welchDf(ArmEstimate control, ArmEstimate treatment) {
        double vt = treatment.varianceOfEstimate();
        double vc = control.varianceOfEstimate();
        double denominator = vt * vt / (treatment.n() - 1) + vc * vc / (control.n() - 1);
        return (vt + vc) * (vt + vc) / denominator;
    }
}
