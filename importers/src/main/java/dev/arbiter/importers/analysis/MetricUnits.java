package dev.arbiter.importers.analysis;

import dev.arbiter.analytics.ArmStatistics;
import dev.arbiter.analytics.reading.ValueUnit;
import dev.arbiter.importers.experiment.Aggregate;
import dev.arbiter.importers.experiment.Metric;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;

/**
 * The unit a metric's values are read in, when its definition does not say: a share (of units with a
 * 0/1 value, or of events over events) reads as a percentage; otherwise the unit its column's or
 * name's suffix names ({@code _ms}, {@code _s}, {@code _usd}, {@code tokens}); a count or a ratio of
 * two columns is a plain number. Shares are recognised from the data (every unit 0 or 1; every unit's
 * numerator a whole number no larger than its events), so a renamed 0/1 column still reads as a percentage.
 */
final class MetricUnits {
    private static final Set<Aggregate> KEEPING_VALUES = Set.of(Aggregate.MAX, Aggregate.MIN, Aggregate.MEAN);

    private MetricUnits() {
    }

    /** The unit of {@code metric}, given its statistics in each arm. */
    static ValueUnit of(Metric metric, Collection<ArmStatistics> arms) {
        if (metric.unit() != null) {
            return metric.unit();
        }
        if (isShare(metric, arms)) {
            return ValueUnit.PERCENT;
        }
        boolean countOrQuotient = metric instanceof Metric.Unit unit && unit.aggregate() == Aggregate.COUNT
                || metric instanceof Metric.Ratio ratio && ratio.denominator() != null;
        if (countOrQuotient) {
            return ValueUnit.NONE;
        }
        ValueUnit named = bySuffix(metric.column());
        return named != ValueUnit.NONE ? named : bySuffix(metric.name());
    }

    private static boolean isShare(Metric metric, Collection<ArmStatistics> arms) {
        if (metric instanceof Metric.Unit unit) {
            return unit.aggregate() == Aggregate.ANY || KEEPING_VALUES.contains(unit.aggregate()) && !arms.isEmpty()
                    && arms.stream().allMatch(s -> s instanceof ArmStatistics.Unit u && u.binary()
                            || s instanceof ArmStatistics.Paired p && p.binary());
        }
        return metric instanceof Metric.Ratio ratio && ratio.denominator() == null && !arms.isEmpty()
                && arms.stream().allMatch(s -> s instanceof ArmStatistics.Ratio r && r.shares());
    }

    /** The unit a name's suffix says: latency_ms, duration_s, cost_usd, total_tokens. */
    static ValueUnit bySuffix(String name) {
        if (name == null) {
            return ValueUnit.NONE;
        }
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith("_ms") || n.endsWith("_millis")) {
            return ValueUnit.MILLISECONDS;
        }
        if (n.endsWith("_s") || n.endsWith("_sec") || n.endsWith("_seconds")) {
            return ValueUnit.SECONDS;
        }
        if (n.endsWith("_usd") || n.endsWith("usd") && n.contains("cost")) {
            return ValueUnit.USD;
        }
        return n.endsWith("tokens") ? ValueUnit.TOKENS : ValueUnit.NONE;
    }
}
