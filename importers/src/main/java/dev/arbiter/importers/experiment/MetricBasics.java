package dev.arbiter.importers.experiment;

import dev.arbiter.analytics.Alternative;
import dev.arbiter.analytics.reading.GuardrailRule;
import dev.arbiter.analytics.reading.ValueUnit;
import java.util.List;

/**
 * What every kind of {@link Metric} has, defaults applied.
 *
 * @param name                   the metric's name in reports
 * @param column                 the event column it reads (null only for a count of events)
 * @param direction              which way is better (increase by default)
 * @param where                  only events matching this filter, or null
 * @param alternative            two-sided by default
 * @param mde                    minimum detectable effect, or null (the primary has one)
 * @param mdeRelative            whether {@code mde} is a fraction of control
 * @param nonInferiorityMargin   margin of a non-inferiority test, or null
 * @param nonInferiorityRelative whether the margin is a fraction of control
 * @param rules                  guardrail rules (empty when none)
 * @param unit                   the unit the definition declares, or null to infer it from the data
 */
public record MetricBasics(String name, String column, Direction direction, Filter where, Alternative alternative,
                           Double mde, boolean mdeRelative, Double nonInferiorityMargin, boolean nonInferiorityRelative,
                           List<GuardrailRule> rules, ValueUnit unit) {
    public MetricBasics {
        rules = List.copyOf(rules);
    }
}
