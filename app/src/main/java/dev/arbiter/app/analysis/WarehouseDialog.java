package dev.arbiter.app.analysis;

import dev.arbiter.app.common.task.UserMessages;
import dev.arbiter.importers.experiment.ExperimentDefinition;
import dev.arbiter.importers.experiment.ExperimentFile;
import dev.arbiter.importers.statistics.DriverFolder;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Workspace → Analyse a Warehouse Table… (issue 20): the JDBC URL, the events' table, the experiment
 * file and a token asked at run time (used for this session's connections, never saved). Analyse is
 * refused, with the reason shown, until the fields are filled and the experiment file reads.
 */
public final class WarehouseDialog extends Dialog<AnalysisViewModel.WarehouseRequest> {
    private final TextField url = field("url", "jdbc:databricks://HOST:443/default;transportMode=http;AuthMech=3;httpPath=…");
    private final TextField table = field("table", "main.analytics.events");
    private final TextField experiment = field("experiment", "the experiment's JSON file");
    private final PasswordField token = new PasswordField();
    private final Label problem = new Label();
    private ExperimentDefinition definition;

    public WarehouseDialog(Window owner) {
        initOwner(owner);
        setTitle("Analyse a warehouse table");
        setHeaderText("The analysis runs in the engine; only aggregates come back (docs/warehouse.md).");
        token.setId("warehouse-token");
        token.setPromptText("blank: ARBITER_SOURCE_TOKEN from the environment");
        problem.setId("warehouse-problem");
        problem.getStyleClass().add("danger");
        problem.setWrapText(true);
        ButtonType analyse = new ButtonType("Analyse", ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(analyse, ButtonType.CANCEL);
        getDialogPane().setContent(form(owner));
        for (TextField field : new TextField[] {url, table, experiment}) {
            field.textProperty().addListener((obs, old, now) -> problem.setText(""));
        }
        getDialogPane().setPrefWidth(640);
        getDialogPane().lookupButton(analyse).addEventFilter(ActionEvent.ACTION, event -> {
            String why = check();
            problem.setText(why == null ? "" : why);
            if (why != null) {
                event.consume();
            }
        });
        setResultConverter(button -> button == analyse ? new AnalysisViewModel.WarehouseRequest(url.getText().strip(),
                table.getText().strip(), definition, token.getText()) : null);
    }

    /** Shows the dialog and waits; the request, or empty when cancelled. */
    public Optional<AnalysisViewModel.WarehouseRequest> ask() {
        return showAndWait();
    }

    private GridPane form(Window owner) {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        ColumnConstraints labels = new ColumnConstraints();
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, fields);
        Button browse = new Button("Browse…");
        browse.setId("warehouse-browse");
        browse.setOnAction(event -> chooseExperiment(owner));
        HBox experimentRow = new HBox(6, experiment, browse);
        HBox.setHgrow(experiment, Priority.ALWAYS);
        grid.addRow(0, new Label("JDBC URL"), url);
        grid.addRow(1, new Label("Table"), table);
        grid.addRow(2, new Label("Experiment"), experimentRow);
        grid.addRow(3, new Label("Token"), token);
        Label note = new Label("Drivers: put the engine's JDBC jar in " + DriverFolder.folder(System.getenv())
                + ". The token is used for this analysis only and is not saved.");
        note.setWrapText(true);
        note.getStyleClass().add("text-muted");
        grid.add(note, 0, 4, 2, 1);
        grid.add(problem, 0, 5, 2, 1);
        return grid;
    }

    private void chooseExperiment(Window owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Experiment definition");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Experiment (*.json)", "*.json"));
        File chosen = chooser.showOpenDialog(owner);
        if (chosen != null) {
            experiment.setText(chosen.getPath());
        }
    }

    /** Why Analyse cannot go ahead yet, or null (the definition read). */
    private String check() {
        if (!url.getText().strip().toLowerCase(Locale.ROOT).startsWith("jdbc:")) {
            return "Give the engine's JDBC URL, e.g. jdbc:databricks://… or jdbc:hive2://….";
        }
        if (table.getText().isBlank()) {
            return "Give the events' table, e.g. main.analytics.events.";
        }
        if (experiment.getText().isBlank()) {
            return "Choose the experiment's JSON file.";
        }
        try {
            definition = ExperimentFile.read(Path.of(experiment.getText().strip()));
            return null;
        } catch (IOException | RuntimeException e) {
            return UserMessages.describe(e);
        }
    }

    private static TextField field(String id, String prompt) {
        TextField field = new TextField();
        field.setId("warehouse-" + id);
        field.setPromptText(prompt);
        return field;
    }
}
