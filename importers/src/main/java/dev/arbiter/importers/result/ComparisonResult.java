package dev.arbiter.importers.result;

import dev.arbiter.analytics.Comparison;
import dev.arbiter.analytics.NonInferiority;
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
 * @param pValueAdjusted  Benjamini–Hochberg adjusted p-value within its segment family, or NaN
 */
public record ComparisonResult(String control, String treatment, Comparison comparison, List<GuardrailCheck> guardrails,
                               NonInferiority nonInferiority, double pValueAdjusted) {
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

    /** The same comparison with a BH-adjusted p-value. */
    public ComparisonResult withAdjustedP(double adjusted) {
        return new ComparisonResult(control, treatment, comparison, guardrails, nonInferiority, adjusted);
    }

    /** The most severe guardrail status among the rules, or null when the metric has none. */
    public GuardrailCheck worstGuardrail() {
        return guardrails.stream().max(Comparator.comparing(check -> check.status().ordinal())).orElse(null);
    }
}
