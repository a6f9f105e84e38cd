package dev.arbiter.app.plan;

import dev.arbiter.app.common.Banners;
import dev.arbiter.app.analysis.AnalysisToolbar;
import dev.arbiter.app.analysis.AnalysisViewModel;
import dev.arbiter.app.common.charts.Charts;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.DoubleProperty;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import dev.arbiter.app.common.charts.ChartPane;

/** Plan: the inputs of the sample-size calculation, its answer, the power curve and the MDE by day. */
public final class PlanView extends BorderPane {
    private final PlanViewModel model;
    private final ChartPane curve = new ChartPane("plan-curve");
    private final ChartPane reachable = new ChartPane("plan-reachable");

    public PlanView(AnalysisViewModel analysis, PlanViewModel model) {
        this.model = model;
        setId("plan-view");
        setTop(new AnalysisToolbar(analysis, saveButton(analysis)));
        HBox charts = charts();
        VBox body = new VBox(10, savedPlan(), form(), answer(), Banners.problem(model.problemProperty()), charts);
        VBox.setVgrow(charts, Priority.ALWAYS);
        body.getStyleClass().add("analysis-body");
        setCenter(body);
        model.powerCurveProperty().addListener((obs, old, now) -> draw());
        model.mdeByDayProperty().addListener((obs, old, now) -> draw());
        draw();
    }

    private Button saveButton(AnalysisViewModel analysis) {
        Button save = new Button("Save plan to experiment");
        save.setId("plan-save");
        save.getStyleClass().add("accent");
        // a warehouse table's experiment lives in its file, not in a workspace (issue 20)
        save.disableProperty().bind(model.planProperty().isNull().or(analysis.onWarehouseProperty()));
        save.setOnAction(event -> model.save());
        return save;
    }

    private Label savedPlan() {
        Label saved = new Label();
        saved.setId("plan-saved");
        saved.setWrapText(true);
        saved.setMinHeight(Region.USE_PREF_SIZE);
        saved.getStyleClass().add("text-muted");
        saved.textProperty().bind(model.savedProperty());
        return saved;
    }

    private Label answer() {
        Label answer = new Label();
        answer.setId("plan-summary");
        answer.setWrapText(true);
        answer.getStyleClass().add("title-4");
        answer.textProperty().bind(model.summaryProperty());
        answer.setMinHeight(Region.USE_PREF_SIZE);
        return answer;
    }

    /** The power curve and the MDE by day, side by side. */
    private HBox charts() {
        VBox left = new VBox(4, new Label("Power by units per arm (marker: the plan)"), curve);
        VBox right = new VBox(4, new Label("Smallest detectable effect by day, at the measured traffic"), reachable);
        VBox.setVgrow(curve, Priority.ALWAYS);
        VBox.setVgrow(reachable, Priority.ALWAYS);
        HBox charts = new HBox(12, left, right);
        HBox.setHgrow(left, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);
        return charts;
    }

    private Spinner<Integer> arms() {
        Spinner<Integer> arms = new Spinner<>(2, 10, model.armsProperty().get());
        arms.valueProperty().addListener((obs, old, now) -> model.armsProperty().set(now));
        model.armsProperty().addListener((obs, old, now) -> arms.getValueFactory().setValue(now.intValue()));
        arms.setPrefWidth(80);
        return arms;
    }

    private GridPane form() {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(6);
        CheckBox proportion = new CheckBox("0/1 metric (proportion)");
        proportion.selectedProperty().bindBidirectional(model.proportionProperty());
        CheckBox relative = new CheckBox("MDE relative to baseline");
        relative.selectedProperty().bindBidirectional(model.relativeProperty());
        grid.addRow(0, new Label("Baseline"), number("plan-baseline", model.baselineProperty(),
                "The control arm's value, from the data (edit to plan a new test)."), proportion,
                new Label("SD per unit"), number("plan-sd", model.sdProperty(), "Standard deviation per unit (means only)."));
        grid.addRow(1, new Label("MDE"), number("plan-mde", model.mdeProperty(),
                "The smallest effect worth detecting: absolute, or a fraction of the baseline."), relative,
                new Label("Arms"), arms());
        grid.addRow(2, new Label("α"), number("plan-alpha", model.alphaProperty(), "Significance level, split over the comparisons with control."),
                new Label(""), new Label("Power"), number("plan-power", model.powerProperty(), "Chance to detect the MDE if it is real."));
        grid.addRow(3, new Label("New units a day"), number("plan-daily", model.dailyUnitsProperty(),
                "All arms together; measured from the data's days of first exposure."));
        return grid;
    }

    private static TextField number(String id, DoubleProperty property, String explanation) {
        TextField field = new TextField(text(property.get()));
        field.setId(id);
        field.setPrefColumnCount(8);
        field.setTooltip(new Tooltip(explanation));
        property.addListener((obs, old, now) -> {
            if (!field.isFocused()) {
                field.setText(text(now.doubleValue()));
            }
        });
        field.textProperty().addListener((obs, old, now) -> parse(field, now, property));
        return field;
    }

    /** Sets the property from a number typed; marks the field red while it does not read as one. */
    private static void parse(TextField field, String typed, DoubleProperty property) {
        try {
            property.set(Double.parseDouble(typed.trim()));
            field.setStyle("");
        } catch (NumberFormatException e) {
            field.setStyle("-fx-border-color: -color-danger-emphasis;");
        }
    }

    private static String text(double value) {
        return String.format(Locale.ROOT, "%.6g", value).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
    }

    private void draw() {
        var plan = model.planProperty().get();
        curve.show(Charts.lines("units per arm", "power", Map.of("power", model.powerCurveProperty().get()),
                plan == null ? null : (double) plan.perArm(), model.powerProperty().get()));
        reachable.show(Charts.lines("days", "MDE (absolute)", Map.of("MDE", model.mdeByDayProperty().get()), null,
                plan == null ? null : plan.mdeAbsolute()));
    }
}
