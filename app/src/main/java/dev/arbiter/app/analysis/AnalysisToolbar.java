package dev.arbiter.app.analysis;

import dev.arbiter.app.common.Banners;
import dev.arbiter.app.experiment.ExperimentEditorDialog;
import dev.arbiter.importers.experiment.ExperimentDefinition;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/**
 * The strip above every analysis section: which experiment, a spinner while it is analysed, Re-analyse,
 * the section's own buttons, and a banner when the experiment cannot be analysed.
 */
public final class AnalysisToolbar extends VBox {
    private final AnalysisViewModel model;
    private final ComboBox<String> experiment = new ComboBox<>();
    private boolean updating;

    public AnalysisToolbar(AnalysisViewModel model, Node... extra) {
        this.model = model;
        Label problem = Banners.problem(model.problemProperty());
        problem.setId("analysis-problem");
        VBox.setMargin(problem, new Insets(8, 24, 0, 24));
        getChildren().addAll(bar(extra), problem);
        model.experiments().addListener((ListChangeListener<Object>) change -> fill());
        model.selectedProperty().addListener((obs, old, now) -> fill());
        fill();
    }

    /** The experiment chooser, the busy spinner, Re-analyse, Edit and New, then the section's own buttons. */
    private FlowPane bar(Node... extra) {
        experiment.setId("experiment-chooser");
        experiment.setPromptText("Experiment");
        experiment.setOnAction(event -> choose());
        Button again = new Button("Re-analyse");
        again.setOnAction(event -> model.reload());
        // a flow, not a row: on a narrow window the section's own controls wrap to a second line
        // instead of squeezing every label and button into an ellipsis
        FlowPane bar = new FlowPane(new Label("Experiment"), experiment, spinner(), again, editButton(), newButton());
        bar.getChildren().addAll(extra);
        bar.getStyleClass().add("analysis-toolbar");
        return bar;
    }

    private ProgressIndicator spinner() {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        spinner.visibleProperty().bind(model.busyProperty());
        return spinner;
    }

    private Button editButton() {
        Button edit = new Button("Edit…");
        edit.setId("experiment-edit");
        edit.disableProperty().bind(model.selectedProperty().isNull().or(model.onWarehouseProperty()));
        edit.setOnAction(event -> openEditor(model.selectedProperty().get()));
        return edit;
    }

    private Button newButton() {
        Button create = new Button("New…");
        create.setId("experiment-new");
        create.disableProperty().bind(model.onWarehouseProperty()); // experiments are saved in a workspace
        create.setOnAction(event -> openEditor(null));
        return create;
    }

    private void openEditor(ExperimentDefinition definition) {
        ExperimentEditorDialog.open(getScene().getWindow(), model.editor(), definition,
                model::showSaved);
    }

    private void fill() {
        updating = true;
        experiment.getItems().setAll(model.experimentNames());
        experiment.setValue(model.selectedProperty().get() == null ? null : model.selectedProperty().get().name());
        updating = false;
    }

    private void choose() {
        if (updating || experiment.getValue() == null) {
            return;
        }
        model.experiments().stream().filter(d -> d.name().equals(experiment.getValue())).findFirst()
                .ifPresent(model.selectedProperty()::set);
    }
}
