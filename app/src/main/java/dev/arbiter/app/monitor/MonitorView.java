package dev.arbiter.app.monitor;

import java.util.Map;
import dev.arbiter.app.common.charts.ChartPane;
import dev.arbiter.app.common.Banners;
import dev.arbiter.app.analysis.AnalysisToolbar;
import dev.arbiter.app.analysis.AnalysisViewModel;
import dev.arbiter.app.analysis.Tables;
import dev.arbiter.app.common.charts.Charts;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Monitor: arms against the plan, the sample-ratio banner, progress, daily units and the primary over time. */
public final class MonitorView extends BorderPane {
    private final MonitorViewModel model;
    private final ChartPane daily = new ChartPane("monitor-daily");
    private final ChartPane primary = new ChartPane("monitor-primary");
    private final ChartPane effect = new ChartPane("monitor-effect");

    public MonitorView(AnalysisViewModel analysis, MonitorViewModel model) {
        this.model = model;
        setId("monitor-view");
        setTop(new AnalysisToolbar(analysis));
        HBox charts = charts();
        VBox body = new VBox(10, srmBanner(), table(), progress(), charts);
        VBox.setVgrow(charts, Priority.ALWAYS);
        body.getStyleClass().add("analysis-body");
        setCenter(body);
        for (var drawn : List.of(model.dailyUnitsProperty(), model.primaryProperty(), model.effectProperty())) {
            drawn.addListener((obs, old, now) -> draw());
        }
        draw();
    }

    private Label progress() {
        Label progress = new Label();
        progress.setId("monitor-progress");
        progress.textProperty().bind(model.progressProperty());
        return progress;
    }

    /** The sample-ratio banner: red when the split is off the plan. */
    private Label srmBanner() {
        Label srm = new Label();
        srm.setId("monitor-srm");
        srm.setWrapText(true);
        srm.setMaxWidth(Double.MAX_VALUE);
        srm.textProperty().bind(model.srmProperty());
        model.srmFlaggedProperty().addListener((obs, old, now) -> style(srm, now));
        style(srm, model.srmFlaggedProperty().get());
        return srm;
    }

    /** Daily units, the primary per arm and the effect, side by side, each under its title. */
    private HBox charts() {
        Label dailyTitle = new Label("New units per day, by arm");
        Label primaryTitle = new Label();
        primaryTitle.textProperty().bind(model.primaryNameProperty().concat(": per arm, over the units exposed so far"));
        Label effectTitle = new Label();
        effectTitle.setWrapText(true);
        effectTitle.textProperty().bind(model.effectTitleProperty());
        return new HBox(12, titled(dailyTitle, daily), titled(primaryTitle, primary), titled(effectTitle, effect));
    }

    private static VBox titled(Label title, ChartPane chart) {
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        VBox column = new VBox(4, title, chart);
        VBox.setVgrow(chart, Priority.ALWAYS);
        HBox.setHgrow(column, Priority.ALWAYS);
        column.setPrefWidth(100);
        return column;
    }

    private static void style(Label srm, Boolean flagged) {
        Banners.status(srm, Boolean.TRUE.equals(flagged));
    }

    /** An arm's progress to its planned sample size as a bar; empty without a plan. */
    private static final class ProgressCell extends TableCell<ArmRow, ArmRow> {
        private final ProgressBar bar = new ProgressBar();

        @Override
        protected void updateItem(ArmRow row, boolean empty) {
            super.updateItem(row, empty);
            bar.setMaxWidth(Double.MAX_VALUE);
            setGraphic(empty || row == null || Double.isNaN(row.progress()) ? null : bar);
            if (row != null && !Double.isNaN(row.progress())) {
                bar.setProgress(row.progress());
            }
        }
    }

    private TableView<ArmRow> table() {
        TableView<ArmRow> table = Tables.table("monitor-arms");
        TableColumn<ArmRow, ArmRow> toPlan = new TableColumn<>("Progress to plan");
        toPlan.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        toPlan.setCellFactory(column -> new ProgressCell());
        table.getColumns().setAll(columns());
        toPlan.setPrefWidth(220);
        table.getColumns().add(toPlan);
        table.setItems(model.arms());
        table.setFixedCellSize(28);
        table.setPrefHeight(28 * 4 + 30);
        return table;
    }

    private static List<TableColumn<ArmRow, ?>> columns() {
        return List.of(
                Tables.column("Arm", null, 120, ArmRow::arm),
                Tables.column("Units", "Assignment units (crossovers excluded).", 90, ArmRow::units),
                Tables.column("Events", null, 90, ArmRow::events),
                Tables.column("Share", "This arm's share of all units.", 80, ArmRow::share),
                Tables.column("Planned", "The planned share (split).", 90, ArmRow::planned),
                Tables.column("Fallback rate [CI]", "Share of the arm's events served by the fallback model.", 250, ArmRow::fallback));
    }

    private void draw() {
        if (model.dailyUnitsProperty().get().values().stream().allMatch(Map::isEmpty)) {
            String why = model.noDaysReasonProperty().get();
            List.of(daily, primary, effect).forEach(chart -> chart.showMissing(why));
            return;
        }
        daily.show(Charts.dailyBars("units", model.dailyUnitsProperty().get()));
        primary.show(Charts.timeline(model.primaryAxisProperty().get(), model.primaryProperty().get(), null, null));
        effect.show(Charts.timeline(model.effectAxisProperty().get(), model.effectProperty().get(), 0.0, null));
    }
}
