package dev.arbiter.app.projection;

import dev.arbiter.analytics.Effect;
import dev.arbiter.app.common.charts.ForestRow;
import dev.arbiter.importers.result.ComparisonResult;
import dev.arbiter.importers.analysis.ExperimentAnalyzer;
import dev.arbiter.importers.result.ExperimentResult;
import dev.arbiter.importers.result.MetricResult;
import dev.arbiter.importers.result.SegmentResult;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One metric's effect for the first treatment in each value of one segment column, the overall
 * effect first: the rows of the Segments screen's table and the report's, and their forest plot.
 *
 * @param rows   overall, then each value
 * @param forest the same as intervals, flagged where the sign is opposite to the overall one
 */
public record SegmentTable(List<SegmentRow> rows, List<ForestRow> forest) {
    public static final SegmentTable EMPTY = new SegmentTable(List.of(), List.of());

    public SegmentTable {
        rows = List.copyOf(rows);
        forest = List.copyOf(forest);
    }

    /** The table for segment {@code column} and metric {@code metricName}; empty when the metric is unknown. */
    public static SegmentTable of(ExperimentResult result, String column, String metricName) {
        List<SegmentRow> table = new ArrayList<>();
        List<ForestRow> plot = new ArrayList<>();
        if (result.metric(metricName) == null) {
            return EMPTY;
        }
        String treatment = result.definition().treatments().get(0);
        MetricResult overall = result.metric(metricName);
        ComparisonResult whole = overall.comparison(treatment);
        table.add(row("overall", overall, whole, List.of()));
        plot.add(forest("overall", whole, false));
        double sign = Math.signum(whole.comparison().absolute().estimate());
        for (SegmentResult segment : result.segments()) {
            if (!segment.column().equals(column)) {
                continue;
            }
            MetricResult inSegment = segment.metrics().stream().filter(m -> m.name().equals(metricName)).findFirst().orElseThrow();
            ComparisonResult comparison = inSegment.comparison(treatment);
            Effect effect = comparison.comparison().absolute();
            boolean opposite = effect.available() && sign != 0 && Math.signum(effect.estimate()) == -sign;
            List<String> flags = new ArrayList<>();
            if (segment.tooSmall()) {
                flags.add("too small to read (< " + ExperimentAnalyzer.MIN_SEGMENT_UNITS + " units in an arm)");
            }
            if (opposite) {
                flags.add("opposite sign to overall" + (comparison.pValueAdjusted() < result.definition().alpha()
                        ? ", significant after BH" : ""));
            }
            String label = String.valueOf(segment.value());
            table.add(row(label, inSegment, comparison, flags, segment.units()));
            plot.add(forest(label, comparison, opposite));
        }
        return new SegmentTable(table, plot);
    }

    private static SegmentRow row(String label, MetricResult metric, ComparisonResult comparison, List<String> flags) {
        return row(label, metric, comparison, flags, metric.arms().stream().map(a -> a.units()).toList());
    }

    private static SegmentRow row(String label, MetricResult metric, ComparisonResult comparison, List<String> flags,
                                  List<Long> units) {
        Effect absolute = comparison.comparison().absolute();
        return new SegmentRow(label, units.stream().map(Format::count).collect(Collectors.joining(" / ")),
                Format.value(metric.arm(comparison.control()).value()), Format.value(metric.arm(comparison.treatment()).value()),
                Format.effect(absolute), Format.relative(comparison.comparison().relative()), Format.p(absolute.pValue()),
                Format.p(comparison.pValueAdjusted()), String.join("; ", flags));
    }

    private static ForestRow forest(String label, ComparisonResult comparison, boolean flagged) {
        Effect absolute = comparison.comparison().absolute();
        return new ForestRow(label, absolute.estimate(), absolute.ci().lower(), absolute.ci().upper(), flagged);
    }
}
