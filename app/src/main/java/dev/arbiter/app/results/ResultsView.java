package dev.arbiter.app.results;

import dev.arbiter.app.analysis.AnalysisToolbar;
import dev.arbiter.app.analysis.AnalysisViewModel;
import dev.arbiter.app.analysis.Tables;
import dev.arbiter.app.common.charts.Charts;
import dev.arbiter.app.common.charts.ChartPane;
import dev.arbiter.app.projection.ReplaySeries;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/** Results: the metrics × comparisons table, the forest plot of relative effects, results by served model. */
public final class ResultsView extends BorderPane {
    private final ResultsViewModel model;
    private final ChartPane forest = new ChartPane("results-forest");
    private final ChartPane distribution = new ChartPane("results-distribution");
    private final ChartPane exposure = new ChartPane("results-exposure");
    private final Tab exposureTab = new Tab("Primary by days since exposure", exposure);
    private final Tab percentilesTab = new Tab("Percentiles", distribution);
    private final ChartPane replays = new ChartPane("results-replays");
    private final Tab replaysTab = new Tab("By replay", replays);
    private final TabPane side = new TabPane();
    private final TableView<List<String>> served = Tables.table("served-models-table");

    public ResultsView(AnalysisViewModel analysis, ResultsViewModel model) {
        this.model = model;
        setId("results-view");
        setTop(toolbar(analysis));
        SplitPane split = new SplitPane(table(), charts(), servedPane());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.45, 0.72);
        VBox body = new VBox(8, recommendation(), split);
        VBox.setVgrow(split, Priority.ALWAYS);
        body.getStyleClass().add("analysis-body");
        setCenter(body);
        redrawOnChange();
    }

    private AnalysisToolbar toolbar(AnalysisViewModel analysis) {
        Button copy = new Button("Copy table");
        copy.setOnAction(event -> copy());
        Button export = new Button("Export CSV…");
        export.setId("results-export");
        export.setOnAction(event -> export());
        return new AnalysisToolbar(analysis, copy, export);
    }

    private Label recommendation() {
        Label recommendation = new Label();
        recommendation.setId("results-recommendation");
        recommendation.setWrapText(true);
        recommendation.textProperty().bind(model.recommendationProperty());
        recommendation.getStyleClass().add("text-bold");
        recommendation.setMinHeight(Region.USE_PREF_SIZE); // every line of it, however long: the table gives way
        return recommendation;
    }

    /**
     * The forest plot of relative effects and beside it, in tabs, the primary's effect by days since
     * exposure (novelty) and a quantile metric's percentiles per arm, each when there is one.
     */
    private HBox charts() {
        forest.setMinHeight(140);
        side.setId("results-side-charts");
        side.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        side.setPrefWidth(400);
        side.managedProperty().bind(side.visibleProperty());
        HBox charts = new HBox(8, forest, side);
        HBox.setHgrow(forest, Priority.ALWAYS);
        return charts;
    }

    private void redrawOnChange() {
        model.forest().addListener((ListChangeListener<Object>) change -> drawForest());
        model.distributionProperty().addListener((obs, old, now) -> drawSide());
        model.exposureLiftProperty().addListener((obs, old, now) -> drawSide());
        model.replaysProperty().addListener((obs, old, now) -> drawSide());
        drawSide();
        model.servedModelColumns().addListener((ListChangeListener<Object>) change -> servedColumns());
        served.setItems(model.servedModels());
        servedColumns();
        drawForest();
    }

    private TableView<ResultRow> table() {
        TableView<ResultRow> table = Tables.table("results-table");
        table.getColumns().setAll(columns());
        table.setItems(model.rows());
        table.setPlaceholder(new Label("No analysis yet."));
        return table;
    }

    private static List<TableColumn<ResultRow, ?>> columns() {
        // the decisive columns first, so they fit a 1280-pixel window without scrolling (issue 21 #1)
        return List.of(
                Tables.column("Metric", null, 170, ResultRow::metric),
                Tables.column("Role", "Primary decides; guardrails can stop the rollout; secondary metrics inform.", 80, ResultRow::role),
                Tables.column("Arm", null, 120, ResultRow::arm),
                Tables.column("Value", "The metric in this arm: a mean, a proportion, a ratio or a quantile.", 80, ResultRow::value),
                Tables.column("Δ vs control [CI]", "Treatment minus control with its confidence interval; percentage points (pp) for proportions.", 260, ResultRow::absolute),
                Tables.column("p", "The chance of an effect at least this large if the arms were the same.", 85, ResultRow::p),
                Tables.column("Sig.", "Whether p is below the experiment's α.", 45, ResultRow::significant),
                Tables.column("Status", "Guardrail status, non-inferiority and notes on the method.", 220, ResultRow::status),
                Tables.column("Relative [CI]", "The change as a share of the control value, by the delta method.", 200, ResultRow::relative),
                Tables.column("Value 95% CI", "Where the arm's true value lies with 95% confidence.", 150, ResultRow::valueCi),
                Tables.column("Method", "The procedure used (docs/methods.md).", 220, ResultRow::method));
    }

    private void drawForest() {
        forest.show(Charts.forest("relative effect vs control (%, 95% CI)", model.forest(), 0));
    }

    /** The side tabs that have something to show, drawn. */
    private void drawSide() {
        List<Tab> tabs = new ArrayList<>();
        if (!model.exposureLiftProperty().get().isEmpty()) {
            exposure.show(Charts.bands("days since first exposure", "relative effect (%)",
                    model.exposureLiftProperty().get(), 0));
            tabs.add(exposureTab);
        }
        ReplaySeries byReplay = model.replaysProperty().get();
        if (!byReplay.isEmpty()) {
            replays.show(Charts.bands(byReplay.replays(), model.primaryName(), byReplay.byArm()));
            tabs.add(replaysTab);
        }
        if (!model.distributionProperty().get().isEmpty()) {
            distribution.show(Charts.lines("percentile", model.distributionMetricProperty().get(),
                    model.distributionProperty().get(), null, null));
            percentilesTab.setText(model.distributionTitleProperty().get());
            tabs.add(percentilesTab);
        }
        side.getTabs().setAll(tabs);
        side.getSelectionModel().selectFirst();
        side.setVisible(!tabs.isEmpty());
    }

    /** The served-model table under a title that says its figures are over events, not the metrics above. */
    private VBox servedPane() {
        Label title = new Label("By model served — each figure over the events (requests) the model answered, "
                + "not per unit: not comparable with the metrics above, and not randomised.");
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        title.getStyleClass().add("text-muted");
        VBox pane = new VBox(4, title, served);
        VBox.setVgrow(served, Priority.ALWAYS);
        pane.setMinHeight(130); // the title, the header and a row at least
        return pane;
    }

    private void servedColumns() {
        served.getColumns().clear();
        List<String> names = model.servedModelColumns();
        for (int i = 0; i < names.size(); i++) {
            int index = i;
            served.getColumns().add(Tables.column(i < 4 ? names.get(i) : names.get(i) + " (over events)", i == 1
                    ? "The model that actually answered (fallbacks included); descriptive, not randomised."
                    : i < 4 ? null : "The metric's column over the events this model answered: their mean, ratio of sums "
                    + "or quantile — not the per-unit metric of the table above.", 110,
                    line -> index < line.size() ? line.get(index) : ""));
        }
        served.setPlaceholder(new Label("No model column in this experiment (modelColumn)."));
    }

    private void copy() {
        ClipboardContent content = new ClipboardContent();
        content.putString(model.tabSeparated());
        Clipboard.getSystemClipboard().setContent(content);
    }

    private void export() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export results as CSV");
        chooser.setInitialFileName("results.csv");
        var file = chooser.showSaveDialog(getScene().getWindow());
        if (file != null) {
            try {
                Files.writeString(file.toPath(), model.csv());
            } catch (IOException e) {
                new Alert(Alert.AlertType.ERROR,
                        "Cannot write " + file + ": " + e.getMessage()).showAndWait();
            }
        }
    }
}
