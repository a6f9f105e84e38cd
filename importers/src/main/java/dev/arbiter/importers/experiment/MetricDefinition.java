package dev.arbiter.importers.experiment;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.arbiter.analytics.reading.GuardrailRule;
import java.util.ArrayList;
import java.util.List;

/**
 * One metric of an experiment, as written in the definition file (docs/experiment-format.md): the
 * file form, nullable where the file may leave a key out; {@link ExperimentBuilder} resolves it into
 * a {@link Metric} with the defaults applied.
 *
 * @param name                   the metric's name in reports
 * @param column                 the event column it reads (optional for {@code count})
 * @param kind                   unit, ratio or quantile
 * @param aggregate              for unit metrics: how a unit's events become one number
 * @param denominator            for ratio metrics: the denominator column (default: events)
 * @param quantile               for quantile metrics: the probability, 0.5 to 0.99
 * @param direction              which way is better
 * @param mde                    minimum detectable effect (primary)
 * @param mdeRelative            whether {@code mde} is a fraction of control (default false)
 * @param where                  only events matching this filter
 * @param covariate              CUPED covariate
 * @param nonInferiorityMargin   margin of a non-inferiority test
 * @param nonInferiorityRelative whether the margin is a fraction of control (default false)
 * @param alternative            two-sided (default), greater or less
 * @param maxRatio               guardrail: treatment/control ≤ this
 * @param minRatio               guardrail: treatment/control ≥ this
 * @param maxValue               guardrail: treatment value ≤ this
 * @param minValue               guardrail: treatment value ≥ this
 * @param unit                   how values read: percent, ms, s, usd, tokens or none (default: inferred)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MetricDefinition(String name, String column, MetricKind kind, Aggregate aggregate, String denominator,
                               Double quantile, Direction direction, Double mde, Boolean mdeRelative, Filter where,
                               Covariate covariate, Double nonInferiorityMargin, Boolean nonInferiorityRelative,
                               String alternative, Double maxRatio, Double minRatio, Double maxValue,
                               Double minValue, String unit) {

    /** The guardrail rules this metric carries (usually one). */
    @JsonIgnore
    public List<GuardrailRule> rules() {
        List<GuardrailRule> rules = new ArrayList<>();
        add(rules, GuardrailRule.Kind.MAX_RATIO, maxRatio);
        add(rules, GuardrailRule.Kind.MIN_RATIO, minRatio);
        add(rules, GuardrailRule.Kind.MAX_VALUE, maxValue);
        add(rules, GuardrailRule.Kind.MIN_VALUE, minValue);
        return rules;
    }

    /** The same metric with another minimum detectable effect. */
    public MetricDefinition withMde(double newMde, boolean relative) {
        Boolean keptRelative = relative ? Boolean.TRUE : mdeRelative == null ? null : Boolean.FALSE; // no spurious change
        return new MetricDefinition(name, column, kind, aggregate, denominator, quantile, direction, newMde, keptRelative, where,
                covariate, nonInferiorityMargin, nonInferiorityRelative, alternative, maxRatio, minRatio, maxValue, minValue,
                unit);
    }

    private static void add(List<GuardrailRule> rules, GuardrailRule.Kind kind, Double threshold) {
        if (threshold != null) {
            rules.add(new GuardrailRule(kind, threshold));
        }
    }
}
