package dev.arbiter.app.experiment;

import dev.arbiter.app.common.Banners;
import dev.arbiter.importers.experiment.ExperimentDefinition;
import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.Region;
import javafx.scene.layout.Priority;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The experiment editor: the definition's keys as a form, problems listed as the analyst types. */
public final class ExperimentEditorDialog extends Dialog<ExperimentDefinition> {
    private static final List<String> KINDS = List.of("unit", "ratio", "quantile");
    private static final List<String> AGGREGATES = List.of("sum", "mean", "max", "min", "count", "any");
    private static final List<String> DIRECTIONS = List.of("increase", "decrease");
    private static final List<String> RULES = List.of("maxRatio", "minRatio", "maxValue", "minValue");

    private final ExperimentEditorViewModel model;
    private final VBox guardrails = new VBox(6);

    public ExperimentEditorDialog(Window owner, ExperimentEditorViewModel model, boolean editing) {
        this.model = model;
        initOwner(owner);
        setTitle(editing ? "Edit experiment" : "New experiment");
        setHeaderText("The experiment: arms, assignment unit, one primary metric, guardrails and segments. "
                + "Problems are listed below as you type.");
        setResizable(true);
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(save, ButtonType.CANCEL);
        getDialogPane().lookupButton(save).disableProperty().bind(model.definitionProperty().isNull());
        getDialogPane().setId("experiment-editor");
        Label problems = new Label();
        problems.setId("editor-problems");
        problems.setWrapText(true);
        problems.getStyleClass().add("banner-danger");
        model.problems().addListener((ListChangeListener<String>) change -> showProblems(problems));
        showProblems(problems);
        Button export = new Button("Export JSON…");
        export.disableProperty().bind(model.definitionProperty().isNull());
        export.setOnAction(event -> export());
        Button add = new Button("Add guardrail");
        add.setOnAction(event -> model.addGuardrail());
        model.guardrails().addListener((ListChangeListener<GuardrailDraft>) change -> drawGuardrails());
        VBox body = new VBox(10, experimentForm(), new Label("Primary metric"), primaryForm(),
                new HBox(10, new Label("Guardrails"), add), guardrails, new HBox(10, export), problems);
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        scroll.setPrefSize(1080, 640);
        getDialogPane().setPrefWidth(1100); // a guardrail row on one line
        getDialogPane().setStyle("-fx-max-width: 100000;"); // AtlantaFX caps dialog panes at 600 px in its stylesheet
        getDialogPane().setContent(scroll);
        setResultConverter(button -> button == save ? model.definitionProperty().get() : null);
    }

    /**
     * Opens {@code editor} (on the open workspace; null when none is open) for {@code definition}
     * (null: a new experiment); on Save the experiment is saved into the workspace and handed to
     * {@code saved} (the analysis shows and analyses it).
     */
    public static void open(Window owner, ExperimentEditorViewModel editor, ExperimentDefinition definition,
                            Consumer<ExperimentDefinition> saved) {
        if (editor == null) {
            return;
        }
        editor.load(definition);
        new ExperimentEditorDialog(owner, editor, definition != null).showAndWait()
                .ifPresent(ready -> editor.save(saved));
    }

    private GridPane experimentForm() {
        GridPane grid = grid();
        grid.addRow(0, new Label("Name"), field("editor-name", model.nameProperty()), new Label("Question"),
                field("editor-question", model.questionProperty()));
        grid.addRow(1, new Label("Dataset"), choice("editor-dataset", model.datasetNames(), model.datasetProperty()),
                new Label("Assignment unit"), choice("editor-unit", model.columns(), model.unitColumnProperty()));
        grid.addRow(2, new Label("Variant column"), choice("editor-variant", model.columns(), model.variantColumnProperty()),
                new Label("Timestamp"), choice("editor-timestamp", model.columns(), model.timestampColumnProperty()));
        grid.addRow(3, new Label("Control"), field("editor-control", model.controlProperty()), new Label("Treatments"),
                field("editor-treatments", model.treatmentsProperty()));
        grid.addRow(4, new Label("α"), field("editor-alpha", model.alphaProperty()), new Label("Power"),
                field("editor-power", model.powerProperty()));
        grid.addRow(5, new Label("Segments"), field("editor-segments", model.segmentsProperty()));
        return grid;
    }

    private GridPane primaryForm() {
        GridPane grid = grid();
        CheckBox relative = new CheckBox("MDE relative");
        relative.setMinWidth(Region.USE_PREF_SIZE);
        relative.selectedProperty().bindBidirectional(model.primaryMdeRelativeProperty());
        grid.addRow(0, new Label("Name"), field("editor-primary-name", model.primaryNameProperty()), new Label("Column"),
                choice("editor-primary-column", model.columns(), model.primaryColumnProperty()));
        grid.addRow(1, new Label("Kind"), fixed(KINDS, model.primaryKindProperty()), new Label("Aggregate per unit"),
                fixed(AGGREGATES, model.primaryAggregateProperty()));
        grid.addRow(2, new Label("Direction"), fixed(DIRECTIONS, model.primaryDirectionProperty()), new Label("MDE"),
                new HBox(8, field("editor-primary-mde", model.primaryMdeProperty()), relative));
        return grid;
    }

    private void drawGuardrails() {
        guardrails.getChildren().setAll(model.guardrails().stream().map(this::guardrailRow).toList());
    }

    private FlowPane guardrailRow(GuardrailDraft draft) {
        TextField name = field(null, draft.nameProperty());
        name.setPrefColumnCount(12);
        TextField quantile = field(null, draft.quantileProperty());
        quantile.setPrefColumnCount(4);
        TextField threshold = field(null, draft.thresholdProperty());
        threshold.setPrefColumnCount(5);
        Button remove = new Button("Remove");
        remove.setMinWidth(Region.USE_PREF_SIZE);
        remove.setOnAction(event -> model.guardrails().remove(draft));
        // a flow: on a narrow dialog the row wraps instead of squeezing its fields blank
        return new FlowPane(6, 6, name, fixed(KINDS, draft.kindProperty()), choice(null, model.columns(), draft.columnProperty()),
                fixed(AGGREGATES, draft.aggregateProperty()), new Label("q"), quantile, fixed(DIRECTIONS, draft.directionProperty()),
                fixed(RULES, draft.ruleProperty()), threshold, remove);
    }

    private void showProblems(Label label) {
        label.setText(model.problems().isEmpty() ? "No problems: ready to save." : String.join("\n", model.problems()));
        Banners.status(label, !model.problems().isEmpty());
    }

    private void export() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export experiment as JSON");
        chooser.setInitialFileName("experiment.json");
        var file = chooser.showSaveDialog(getDialogPane().getScene().getWindow());
        if (file != null) {
            try {
                model.export(file.toPath());
            } catch (IOException e) {
                new Alert(Alert.AlertType.ERROR,
                        "Cannot write " + file + ": " + e.getMessage()).showAndWait();
            }
        }
    }

    /** Label, field, label, field: the labels keep their width, the fields share what is left. */
    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(6);
        for (int column = 0; column < 4; column++) {
            ColumnConstraints constraints = new ColumnConstraints();
            if (column % 2 == 0) {
                constraints.setMinWidth(Region.USE_PREF_SIZE);
            } else {
                constraints.setHgrow(Priority.ALWAYS);
            }
            grid.getColumnConstraints().add(constraints);
        }
        return grid;
    }

    private static TextField field(String id, StringProperty property) {
        TextField field = new TextField();
        field.setId(id);
        field.setPrefColumnCount(18);
        field.textProperty().bindBidirectional(property);
        return field;
    }

    /** An editable choice among the workspace's names (typing a name that is not there is checked too). */
    private static ComboBox<String> choice(String id, ObservableList<String> items, StringProperty property) {
        ComboBox<String> box = new ComboBox<>(items);
        box.setId(id);
        box.setEditable(true);
        box.setPrefWidth(200);
        box.valueProperty().bindBidirectional(property);
        return box;
    }

    private static ComboBox<String> fixed(List<String> items, StringProperty property) {
        ComboBox<String> box = new ComboBox<>(FXCollections.observableArrayList(items));
        box.setMinWidth(Region.USE_PREF_SIZE); // as wide as its longest choice
        box.valueProperty().bindBidirectional(property);
        return box;
    }
}
