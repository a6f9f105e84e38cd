package dev.arbiter.importers.result;

import dev.arbiter.importers.experiment.Metric;
import dev.arbiter.importers.experiment.MetricRole;
import java.util.List;
import java.util.function.UnaryOperator;
import dev.arbiter.analytics.ArmValue;
import dev.arbiter.analytics.reading.ValueUnit;

/**
 * A metric read: per-arm values and each treatment's comparison with control.
 *
 * @param definition  the metric as defined
 * @param role        primary, guardrail or secondary
 * @param arms        per-arm values, control first
 * @param comparisons one per treatment
 * @param unit        the unit its values read in (declared, else inferred from its data and names)
 */
public record MetricResult(Metric definition, MetricRole role, List<ArmValue> arms,
                           List<ComparisonResult> comparisons, ValueUnit unit) {
    public MetricResult {
        arms = List.copyOf(arms);
        comparisons = List.copyOf(comparisons);
    }

    public String name() {
        return definition.name();
    }

    /** The comparison of {@code treatment} with control, or null. */
    public ComparisonResult comparison(String treatment) {
        return comparisons.stream().filter(c -> c.treatment().equals(treatment)).findFirst().orElse(null);
    }

    /** The value of {@code arm}, or null. */
    public ArmValue arm(String arm) {
        return arms.stream().filter(a -> a.name().equals(arm)).findFirst().orElse(null);
    }

    /** The same result with every comparison changed by {@code change}. */
    public MetricResult mapComparisons(UnaryOperator<ComparisonResult> change) {
        return new MetricResult(definition, role, arms, comparisons.stream().map(change).toList(), unit);
    }
}
