package dev.arbiter.app.segments;

import dev.arbiter.app.analysis.AnalysisToolbar;
import dev.arbiter.app.analysis.AnalysisViewModel;
import dev.arbiter.app.analysis.Tables;
import dev.arbiter.app.common.charts.Charts;
import dev.arbiter.app.projection.SegmentRow;
import dev.arbiter.app.common.charts.ChartPane;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Segments: pick a column and a metric; per-value effects with BH-adjusted p, flags and a forest plot. */
public final class SegmentsView extends BorderPane {
    private final SegmentsViewModel model;
    private final ChartPane forest = new ChartPane("segments-forest");

    public SegmentsView(AnalysisViewModel analysis, SegmentsViewModel model) {
        this.model = model;
        setId("segments-view");
        ComboBox<String> column = chooser("segment-column", model.columns(), model.columnProperty());
        ComboBox<String> metric = chooser("segment-metric", model.metrics(), model.metricProperty());
        setTop(new AnalysisToolbar(analysis, labelled("Segment", column), labelled("Metric", metric)));
        SplitPane split = new SplitPane(table(), forest);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.5);
        VBox body = new VBox(split);
        VBox.setVgrow(split, Priority.ALWAYS);
        body.getStyleClass().add("analysis-body");
        setCenter(body);
        model.forest().addListener((ListChangeListener<Object>) change -> draw());
        draw();
    }

    /** A label with its chooser, so that the toolbar wraps them together. */
    private static HBox labelled(String label, ComboBox<String> chooser) {
        HBox pair = new HBox(8, new Label(label), chooser);
        pair.setAlignment(Pos.CENTER_LEFT);
        return pair;
    }

    private static ComboBox<String> chooser(String id, ObservableList<String> items,
                                            ObjectProperty<String> value) {
        ComboBox<String> box = new ComboBox<>(items);
        box.setId(id);
        box.valueProperty().bindBidirectional(value);
        return box;
    }

    private TableView<SegmentRow> table() {
        TableView<SegmentRow> table = Tables.table("segments-table");
        table.getColumns().setAll(List.of(
                Tables.column("Value", null, 140, SegmentRow::value),
                Tables.column("Units (per arm)", "Assignment units in the segment, control first.", 130, SegmentRow::units),
                Tables.column("Control", null, 80, SegmentRow::control),
                Tables.column("Treatment", null, 85, SegmentRow::treatment),
                Tables.column("Δ [CI]", "Treatment minus control within the segment.", 260, SegmentRow::absolute),
                Tables.column("Relative [CI]", "The change as a share of control within the segment.", 200, SegmentRow::relative),
                Tables.column("p", "Unadjusted p-value within the segment.", 85, SegmentRow::p),
                Tables.column("BH p", "p adjusted by Benjamini–Hochberg over this column's values: read this one.", 85,
                        SegmentRow::adjustedP),
                Tables.column("Flags", "Segments too small to read, and effects of the opposite sign to the overall one.", 260,
                        SegmentRow::flags)));
        table.setItems(model.rows());
        table.setPlaceholder(new Label("This experiment has no segments (add columns under \"segments\")."));
        return table;
    }

    private void draw() {
        forest.show(Charts.forest(model.forestAxis(), model.forest(), 0));
    }
}
