package dev.arbiter.app.results;

import dev.arbiter.app.projection.DecisionLabels;
import dev.arbiter.app.projection.ExposureLift;
import dev.arbiter.app.projection.ReplaySeries;
import dev.arbiter.analytics.ArmValue;
import dev.arbiter.analytics.Comparison;
import dev.arbiter.analytics.reading.ValueUnit;
import dev.arbiter.app.analysis.AnalysisViewModel;
import dev.arbiter.app.common.charts.ForestRow;
import dev.arbiter.app.projection.Format;
import dev.arbiter.importers.result.ComparisonResult;
import dev.arbiter.importers.result.ExperimentResult;
import dev.arbiter.importers.result.MetricResult;
import dev.arbiter.importers.statistics.ServedModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Results section: every metric × arm with its value and interval, each treatment's absolute and
 * relative effect, p-value, significance, method and status; the relative effects for the forest
 * plot; results by served model beside the assigned-arm view; and a CSV of the table.
 */
public final class ResultsViewModel {
    private final ObservableList<ResultRow> rows = FXCollections.observableArrayList();
    private final ObservableList<ForestRow> forest = FXCollections.observableArrayList();
    private final ObservableList<List<String>> servedModels = FXCollections.observableArrayList();
    private final ObservableList<String> servedModelColumns = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper recommendation = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper distributionMetric = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper distributionTitle = new ReadOnlyStringWrapper("Percentiles");
    private final ReadOnlyObjectWrapper<Map<String, List<double[]>>> distribution =
            new ReadOnlyObjectWrapper<>(Map.of());
    private final ReadOnlyObjectWrapper<Map<String, List<double[]>>> exposureLift =
            new ReadOnlyObjectWrapper<>(Map.of());
    private final ReadOnlyObjectWrapper<ReplaySeries> replays = new ReadOnlyObjectWrapper<>(ReplaySeries.NONE);
    private String primaryName = "";

    public ResultsViewModel(AnalysisViewModel analysis) {
        analysis.resultProperty().addListener((obs, old, now) -> show(now));
        show(analysis.resultProperty().get());
    }

    /** The metrics of the result shown, for the CSV export. */
    private List<MetricResult> shown = List.of();

    void show(ExperimentResult result) {
        shown = result == null ? List.of() : metricsShown(result);
        List<ResultRow> table = new ArrayList<>();
        List<ForestRow> effects = new ArrayList<>();
        if (result != null) {
            for (MetricResult metric : metricsShown(result)) {
                addRows(table, effects, metric);
            }
        }
        recommendation.set(result == null ? "" : "Recommendation: " + DecisionLabels.words(result.decision().kind().label())
                + " — " + String.join(" ", result.decision().reasons()));
        rows.setAll(table);
        forest.setAll(effects);
        showServedModels(result);
        showDistribution(result);
        exposureLift.set(ExposureLift.shown(result) ? ExposureLift.relativeByDay(result) : Map.of());
        primaryName = result == null ? "" : result.primary().name();
        replays.set(ReplaySeries.of(result));
    }

    /** The definition's metrics and, when there is a fallback column, the fallback rate. */
    private static List<MetricResult> metricsShown(ExperimentResult result) {
        List<MetricResult> metrics = new ArrayList<>(result.metrics());
        if (result.fallback() != null) {
            metrics.add(result.fallback());
        }
        return metrics;
    }

    private static void addRows(List<ResultRow> table, List<ForestRow> effects, MetricResult metric) {
        boolean first = true;
        for (ArmValue arm : metric.arms()) {
            ComparisonResult comparison = metric.comparison(arm.name());
            String name = first ? metric.name() : "";
            String role = first ? metric.role().key() : "";
            first = false;
            if (comparison == null) {
                table.add(new ResultRow(name, role, arm.name() + " (control)", value(metric.unit(), arm),
                        metric.unit().interval(arm.ci()), "", "", "", "", "", ""));
                continue;
            }
            table.add(treatmentRow(name, role, metric.unit(), arm, comparison));
            effects.add(forestRow(metric, arm, comparison));
        }
    }

    private static ResultRow treatmentRow(String name, String role, ValueUnit unit, ArmValue arm,
                                          ComparisonResult comparison) {
        Comparison c = comparison.comparison();
        return new ResultRow(name, role, arm.name(), value(unit, arm), unit.interval(arm.ci()),
                unit.effect(c.absolute()), Format.relative(c.relative()), Format.p(c.absolute().pValue())
                        + (Double.isNaN(comparison.pValueAdjusted()) ? "" : " (adj. " + Format.p(comparison.pValueAdjusted()) + ")"),
                c.absolute().available() ? (comparison.significant() ? "yes" : "no") : "–", status(comparison), c.method());
    }

    /** The relative effect's row in the forest plot, in percent, flagged when a guardrail is breached. */
    private static ForestRow forestRow(MetricResult metric, ArmValue arm, ComparisonResult comparison) {
        Comparison c = comparison.comparison();
        return new ForestRow(metric.name() + (metric.comparisons().size() > 1 ? " · " + arm.name() : ""),
                c.relative().estimate(), c.relative().ci().lower(), c.relative().ci().upper(),
                comparison.worstGuardrail() != null && comparison.worstGuardrail().status().label().equals("breached"))
                .scaled(100);
    }

    static String status(ComparisonResult comparison) {
        List<String> parts = new ArrayList<>();
        if (comparison.worstGuardrail() != null) {
            parts.add(comparison.worstGuardrail().status().label().replace('_', ' ') + " ("
                    + comparison.worstGuardrail().rule().describe() + ")");
        }
        if (comparison.nonInferiority() != null && comparison.nonInferiority().unavailableReason() == null) {
            parts.add(comparison.nonInferiority().nonInferior() ? "non-inferior" : "non-inferiority not shown");
        }
        comparison.comparison().notes().forEach(parts::add);
        return String.join("; ", parts);
    }

    private static ValueUnit unitOf(ExperimentResult result, String metric) {
        MetricResult found = result.metric(metric);
        return found == null ? ValueUnit.NONE : found.unit();
    }

    private void showServedModels(ExperimentResult result) {
        List<List<String>> lines = new ArrayList<>();
        List<String> columns = new ArrayList<>(List.of("arm", "model served", "units", "events"));
        if (result != null && !result.servedModels().isEmpty()) {
            columns.addAll(result.servedModels().get(0).values().keySet());
            for (ServedModel model : result.servedModels()) {
                List<String> line = new ArrayList<>(List.of(model.arm(), String.valueOf(model.model()),
                        Format.count(model.units()), Format.count(model.events())));
                model.values().forEach((metric, value) -> line.add(unitOf(result, metric).value(value)));
                lines.add(line);
            }
        }
        servedModelColumns.setAll(columns);
        servedModels.setAll(lines);
    }

    /**
     * The first quantile metric's percentiles per arm, as (percentile, value) points; in a paired design
     * the primary's item differences per treatment (how many items got better, how many worse).
     */
    private void showDistribution(ExperimentResult result) {
        if (result == null || result.distributions().isEmpty()) {
            distributionMetric.set("");
            distribution.set(Map.of());
            return;
        }
        var first = result.distributions().entrySet().iterator().next();
        Map<String, List<double[]>> byArm = new LinkedHashMap<>();
        result.definition().arms().stream().filter(first.getValue()::containsKey)
                .forEach(arm -> byArm.put(arm, points(first.getValue().get(arm))));
        boolean paired = result.definition().paired();
        distributionMetric.set(paired ? first.getKey() + " − " + result.definition().control() + " per item"
                : first.getKey() + " (per arm)");
        distributionTitle.set(paired ? "Item differences" : "Percentiles");
        distribution.set(byArm);
    }

    /** Percentiles 1..99 as (percentile, value) points. */
    private static List<double[]> points(double[] percentiles) {
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < percentiles.length; i++) {
            points.add(new double[] {i + 1, percentiles[i]});
        }
        return points;
    }

    /** The distribution's tab: "Percentiles", or in a paired design "Item differences". */
    public ReadOnlyStringProperty distributionTitleProperty() {
        return distributionTitle.getReadOnlyProperty();
    }

    /** What the distribution chart shows, for its axis: "p95_latency_ms (per arm)". */
    public ReadOnlyStringProperty distributionMetricProperty() {
        return distributionMetric.getReadOnlyProperty();
    }

    /** Per arm, (percentile 1–99, value) points of the first quantile metric's column. */
    public ReadOnlyObjectProperty<Map<String, List<double[]>>> distributionProperty() {
        return distribution.getReadOnlyProperty();
    }

    /**
     * Per treatment, the primary's relative effect (%) by days since first exposure as {day, estimate,
     * lower, upper}; empty without a timestamp or with a quantile primary.
     */
    public ReadOnlyObjectProperty<Map<String, List<double[]>>> exposureLiftProperty() {
        return exposureLift.getReadOnlyProperty();
    }

    /** A paired eval set's primary per replay and arm (drift); {@link ReplaySeries#NONE} without replays. */
    public ReadOnlyObjectProperty<ReplaySeries> replaysProperty() {
        return replays.getReadOnlyProperty();
    }

    /** The primary metric's name, for chart titles. */
    public String primaryName() {
        return primaryName;
    }

    /** The table as CSV (RFC 4180), header first. */
    public String csv() {
        return ResultsCsv.of(shown);
    }

    /** The table as tab-separated text, for the clipboard (pastes into a spreadsheet). */
    public String tabSeparated() {
        StringBuilder text = new StringBuilder(ResultRow.HEADER.replace(',', '\t')).append('\n');
        rows.forEach(row -> text.append(String.join("\t", row.metric(), row.role(), row.arm(), row.value(), row.valueCi(),
                row.absolute(), row.relative(), row.p(), row.significant(), row.status(), row.method())).append('\n'));
        return text.toString();
    }

    public ObservableList<ResultRow> rows() {
        return rows;
    }

    public ObservableList<ForestRow> forest() {
        return forest;
    }

    public ObservableList<List<String>> servedModels() {
        return servedModels;
    }

    public ObservableList<String> servedModelColumns() {
        return servedModelColumns;
    }

    public ReadOnlyStringProperty recommendationProperty() {
        return recommendation.getReadOnlyProperty();
    }

    /** The arm's value; with a covariate also the CUPED-adjusted one its effect is computed from. */
    private static String value(ValueUnit unit, ArmValue arm) {
        return unit.value(arm.value()) + (Double.isNaN(arm.adjustedValue()) ? "" : " (CUPED " + unit.value(arm.adjustedValue()) + ")");
    }
}
