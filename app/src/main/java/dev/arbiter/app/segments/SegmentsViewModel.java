package dev.arbiter.app.segments;

import dev.arbiter.app.analysis.AnalysisViewModel;
import dev.arbiter.app.common.charts.ForestRow;
import dev.arbiter.importers.result.ExperimentResult;
import dev.arbiter.importers.result.MetricResult;
import dev.arbiter.importers.result.SegmentResult;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import dev.arbiter.app.projection.SegmentRow;
import dev.arbiter.app.projection.SegmentTable;

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
    private String forestAxis = "";
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
        SegmentTable table = result == null || column.get() == null || metric.get() == null ? SegmentTable.EMPTY
                : SegmentTable.of(result, column.get(), metric.get());
        rows.setAll(table.rows());
        forestAxis = metric.get() == null ? "" : table.forestAxis(metric.get());
        forest.setAll(table.forest());
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

    /** The forest plot's axis label, in the metric's unit; set before {@link #forest()} changes. */
    public String forestAxis() {
        return forestAxis;
    }
}
