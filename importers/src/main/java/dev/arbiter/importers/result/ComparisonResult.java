package dev.arbiter.importers.result;

import dev.arbiter.analytics.Comparison;
import dev.arbiter.analytics.NonInferiority;
import dev.arbiter.analytics.PValueAdjustment;
import dev.arbiter.analytics.reading.GuardrailCheck;
import java.util.Comparator;
import java.util.List;

/**
 * One treatment against control for one metric.
 *
 * @param control         control arm
 * @param treatment       treatment arm
 * @param comparison      effects, intervals, p-values and the method
 * @param guardrails      the metric's guardrail rules evaluated (empty unless a guardrail)
 * @param nonInferiority  the non-inferiority test, or null when no margin is set
 * @param pValueAdjusted  the adjusted p-value that {@link #significant()} follows, or NaN: across the
 *                        treatments of an experiment with several (Holm by default), or within a
 *                        segment family (Benjamini–Hochberg)
 * @param adjustment      how {@code pValueAdjusted} was adjusted, or null
 */
public record ComparisonResult(String control, String treatment, Comparison comparison, List<GuardrailCheck> guardrails,
                               NonInferiority nonInferiority, double pValueAdjusted, PValueAdjustment adjustment) {
    public ComparisonResult {
        guardrails = List.copyOf(guardrails);
    }

    /**
     * Whether the effect is significant: within a segment family by its Benjamini–Hochberg adjusted
     * p-value against α (the p printed beside it), elsewhere by the comparison's own interval.
     */
    public boolean significant() {
        if (!Double.isNaN(pValueAdjusted)) {
            return comparison.absolute().available() && pValueAdjusted < comparison.alpha();
        }
        return comparison.significant();
    }

    /** A comparison without adjustment. */
    public ComparisonResult(String control, String treatment, Comparison comparison, List<GuardrailCheck> guardrails,
                            NonInferiority nonInferiority) {
        this(control, treatment, comparison, guardrails, nonInferiority, Double.NaN, null);
    }

    /** The same comparison with a Benjamini–Hochberg adjusted p-value (within a segment family). */
    public ComparisonResult withAdjustedP(double adjusted) {
        return withAdjustedP(adjusted, PValueAdjustment.BENJAMINI_HOCHBERG);
    }

    /** The same comparison with a p-value adjusted by {@code how}. */
    public ComparisonResult withAdjustedP(double adjusted, PValueAdjustment how) {
        return new ComparisonResult(control, treatment, comparison, guardrails, nonInferiority, adjusted, how);
    }

    /** The most severe guardrail status among the rules, or null when the metric has none. */
    public GuardrailCheck worstGuardrail() {
        return guardrails.stream().max(Comparator.comparing(check -> check.status().ordinal())).orElse(null);
    }
}
