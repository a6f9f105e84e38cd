package dev.arbiter.analytics;

/**
 * One-sided test that the treatment is not worse than control by more than a margin, at α
 * (e.g. "does Haiku resolve tickets at ≥ 95% of Sonnet's rate?": relative margin 0.05, higher is
 * better). Uses the comparison's absolute or relative effect, its standard error and df.
 *
 * <p>Higher is better: H₀: effect ≤ −margin, t = (effect + margin)/SE, p = P(T ≥ t), bound =
 * effect − t₁₋α·SE. Lower is better: H₀: effect ≥ margin, t = (margin − effect)/SE, bound =
 * effect + t₁₋α·SE. Non-inferior when p &lt; α (equivalently the bound clears the margin).
 * Equivalent to R {@code t.test(y_t, y_c, mu = -margin, alternative = "greater")}.
 *
 * @param margin      the margin, positive, on the effect's scale (absolute units or a fraction)
 * @param relative    whether the margin is relative to the control value
 * @param higherIsBetter the metric's good direction
 * @param bound       the one-sided confidence bound of the effect at α
 * @param pValue      one-sided p-value against the margin
 * @param nonInferior true when p &lt; α
 * @param unavailableReason null when it could be tested
 */
public record NonInferiority(double margin, boolean relative, boolean higherIsBetter, double bound, double pValue,
                             boolean nonInferior, String unavailableReason) {
    /** Tests {@code comparison} against {@code margin} (absolute or relative). */
    public static NonInferiority test(Comparison comparison, double margin, boolean relative, boolean higherIsBetter) {
        if (!(margin > 0)) {
            throw new IllegalArgumentException("the non-inferiority margin must be positive: " + margin);
        }
        Effect effect = relative ? comparison.relative() : comparison.absolute();
        if (!effect.available()) {
            return new NonInferiority(margin, relative, higherIsBetter, Double.NaN, Double.NaN, false,
                    effect.unavailableReason());
        }
        double shifted = higherIsBetter ? effect.estimate() + margin : margin - effect.estimate();
        Effect test = TInference.effect(shifted, effect.standardError(), effect.degreesOfFreedom(),
                comparison.alpha(), Alternative.GREATER);
        double bound = higherIsBetter ? test.ci().lower() - margin : margin - test.ci().lower();
        return new NonInferiority(margin, relative, higherIsBetter, bound, test.pValue(),
                test.pValue() < comparison.alpha(), null);
    }
}
