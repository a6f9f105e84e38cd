package dev.arbiter.app.segments;

import dev.arbiter.analytics.Effect;
import dev.arbiter.app.analysis.AnalysisViewModel;
import dev.arbiter.app.analysis.Format;
import dev.arbiter.app.common.charts.ForestRow;
import dev.arbiter.importers.analysis.ComparisonResult;
import dev.arbiter.importers.analysis.ExperimentAnalyzer;
import dev.arbiter.importers.analysis.ExperimentResult;
import dev.arbiter.importers.analysis.MetricResult;
import dev.arbiter.importers.analysis.SegmentResult;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Segments section: for one segment column (or crossed pair), one metric and one treatment,
 * each value's effect with its Benjamini–Hochberg adjusted p-value, a warning for segments too
 * small to read, and a flag where the effect has the opposite sign to the overall one.
 */
public final class SegmentsViewModel {
    private final ObservableList<String> columns = FXCollections.observableArrayList();
    private final ObservableList<String> metrics = FXCollections.observableArrayList();
    private final ObjectProperty<String> column = new SimpleObjectProperty<>();
    private final ObjectProperty<String> metric = new SimpleObjectProperty<>();
    private final ObservableList<SegmentRow> rows = FXCollections.observableArrayList();
    private final ObservableList<ForestRow> forest = FXCollections.observableArrayList();
    private ExperimentResult result;
    private boolean updating;

    public SegmentsViewModel(AnalysisViewModel analysis) {
        analysis.resultProperty().addListener((obs, old, now) -> show(now));
        column.addListener((obs, old, now) -> fill());
        metric.addListener((obs, old, now) -> fill());
        show(analysis.resultProperty().get());
    }

    void show(ExperimentResult next) {
        updating = true;
        result = next;
        List<String> found = next == null ? List.of() : next.segments().stream().map(SegmentResult::column).distinct().toList();
        List<String> names = next == null ? List.of() : next.metrics().stream().map(MetricResult::name).toList();
        columns.setAll(found);
        metrics.setAll(names);
        if (column.get() == null || !found.contains(column.get())) {
            column.set(found.isEmpty() ? null : found.get(0));
        }
        if (metric.get() == null || !names.contains(metric.get())) {
            metric.set(names.isEmpty() ? null : names.get(0));
        }
        updating = false;
        fill();
    }

    private void fill() {
        if (updating) {
            return;
        }
        List<SegmentRow> table = new ArrayList<>();
        List<ForestRow> plot = new ArrayList<>();
        if (result != null && column.get() != null && metric.get() != null && result.metric(metric.get()) != null) {
            String treatment = result.definition().treatments().get(0);
            MetricResult overall = result.metric(metric.get());
            ComparisonResult whole = overall.comparison(treatment);
            table.add(row("overall", overall, whole, List.of()));
            plot.add(forest("overall", whole, false));
            double sign = Math.signum(whole.comparison().absolute().estimate());
            for (SegmentResult segment : result.segments()) {
                if (!segment.column().equals(column.get())) {
                    continue;
                }
                MetricResult inSegment = segment.metrics().stream().filter(m -> m.name().equals(metric.get())).findFirst().orElseThrow();
                ComparisonResult comparison = inSegment.comparison(treatment);
                Effect effect = comparison.comparison().absolute();
                boolean opposite = effect.available() && sign != 0 && Math.signum(effect.estimate()) == -sign;
                List<String> flags = new ArrayList<>();
                if (segment.tooSmall()) {
                    flags.add("too small to read (< " + ExperimentAnalyzer.MIN_SEGMENT_UNITS + " units in an arm)");
                }
                if (opposite) {
                    flags.add("opposite sign to overall" + (comparison.pValueAdjusted() < result.definition().alphaOrDefault()
                            ? ", significant after BH" : ""));
                }
                String label = String.valueOf(segment.value());
                table.add(row(label, inSegment, comparison, flags, segment.units()));
                plot.add(forest(label, comparison, opposite));
            }
        }
        rows.setAll(table);
        forest.setAll(plot);
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

    public ObservableList<String> columns() {
        return columns;
    }

    public ObservableList<String> metrics() {
        return metrics;
    }

    public ObjectProperty<String> columnProperty() {
        return column;
    }

    public ObjectProperty<String> metricProperty() {
        return metric;
    }

    public ObservableList<SegmentRow> rows() {
        return rows;
    }

    public ObservableList<ForestRow> forest() {
        return forest;
    }
}
