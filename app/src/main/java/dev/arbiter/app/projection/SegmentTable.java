package dev.arbiter.app.projection;

import dev.arbiter.analytics.Effect;
import dev.arbiter.analytics.reading.ValueUnit;
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
 * @param forest the same as intervals in the metric's unit (points for a proportion), flagged where the
 *               sign is opposite to the overall one
 * @param unit   the metric's unit: the forest plot's axis reads its differences
 */
public record SegmentTable(List<SegmentRow> rows, List<ForestRow> forest, ValueUnit unit) {
    public static final SegmentTable EMPTY = new SegmentTable(List.of(), List.of(), ValueUnit.NONE);

    public SegmentTable {
        rows = List.copyOf(rows);
        forest = List.copyOf(forest);
    }

    /** The table for segment {@code column} and metric {@code metricName}; empty when the metric is unknown. */
    public static SegmentTable of(ExperimentResult result, String column, String metricName) {
        if (result.metric(metricName) == null) {
            return EMPTY;
        }
        List<SegmentRow> table = new ArrayList<>();
        List<ForestRow> plot = new ArrayList<>();
        String treatment = result.definition().treatments().get(0);
        MetricResult overall = result.metric(metricName);
        ComparisonResult whole = overall.comparison(treatment);
        table.add(row("overall", overall, whole, List.of()));
        plot.add(forest("overall", overall.unit(), whole, false));
        double sign = Math.signum(whole.comparison().absolute().estimate());
        for (SegmentResult segment : result.segments()) {
            if (segment.column().equals(column)) {
                MetricResult inSegment = segment.metrics().stream().filter(m -> m.name().equals(metricName)).findFirst()
                        .orElseThrow();
                addSegment(segment, inSegment.comparison(treatment), inSegment, sign, result.definition().alpha(), table, plot);
            }
        }
        return new SegmentTable(table, plot, overall.unit());
    }

    /** A segment value's row and interval, flagged when its effect's sign is opposite to the overall one. */
    private static void addSegment(SegmentResult segment, ComparisonResult comparison, MetricResult inSegment, double sign,
            double alpha, List<SegmentRow> table, List<ForestRow> plot) {
        Effect effect = comparison.comparison().absolute();
        boolean opposite = oppositeInSign(effect, sign);
        String label = String.valueOf(segment.value());
        table.add(row(label, inSegment, comparison, flags(segment, comparison, opposite, alpha), segment.units()));
        plot.add(forest(label, inSegment.unit(), comparison, opposite));
    }

    /** Whether a segment's effect is available and of the opposite sign to the overall one ({@code overallSign} ≠ 0). */
    public static boolean oppositeInSign(Effect effect, double overallSign) {
        return effect.available() && overallSign != 0 && Math.signum(effect.estimate()) == -Math.signum(overallSign);
    }

    /** Why a segment's row needs care: too few units to read, or an effect of the opposite sign to the overall one. */
    private static List<String> flags(SegmentResult segment, ComparisonResult comparison, boolean opposite, double alpha) {
        List<String> flags = new ArrayList<>();
        if (segment.tooSmall()) {
            flags.add("too small to read (< " + ExperimentAnalyzer.MIN_SEGMENT_UNITS + " units in an arm)");
        }
        if (opposite) {
            flags.add("opposite sign to overall" + (comparison.pValueAdjusted() < alpha ? ", significant after BH" : ""));
        }
        return flags;
    }

    private static SegmentRow row(String label, MetricResult metric, ComparisonResult comparison, List<String> flags) {
        return row(label, metric, comparison, flags, metric.arms().stream().map(a -> a.units()).toList());
    }

    private static SegmentRow row(String label, MetricResult metric, ComparisonResult comparison, List<String> flags,
                                  List<Long> units) {
        Effect absolute = comparison.comparison().absolute();
        return new SegmentRow(label, units.stream().map(Format::count).collect(Collectors.joining(" / ")),
                metric.unit().value(metric.arm(comparison.control()).value()),
                metric.unit().value(metric.arm(comparison.treatment()).value()), metric.unit().effect(absolute), Format.relative(comparison.comparison().relative()), Format.p(absolute.pValue()),
                Format.p(comparison.pValueAdjusted()), String.join("; ", flags));
    }

    private static ForestRow forest(String label, ValueUnit unit, ComparisonResult comparison, boolean flagged) {
        Effect absolute = comparison.comparison().absolute();
        return new ForestRow(label, absolute.estimate(), absolute.ci().lower(), absolute.ci().upper(), flagged)
                .scaled(unit == ValueUnit.PERCENT ? 100 : 1);
    }

    /** The forest plot's axis: "resolution_rate difference (percentage points, 95% CI)". */
    public String forestAxis(String metricName) {
        String label = unit.differenceLabel();
        return metricName + " difference (" + (label.isEmpty() ? "" : label + ", ") + "95% CI)";
    }
}
