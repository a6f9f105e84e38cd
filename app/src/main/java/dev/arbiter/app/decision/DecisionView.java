package dev.arbiter.app.decision;

import javafx.util.StringConverter;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ButtonBar;
import dev.arbiter.app.projection.DecisionLabels;
import dev.arbiter.app.analysis.AnalysisToolbar;
import dev.arbiter.app.analysis.AnalysisViewModel;
import java.io.IOException;
import javafx.animation.PauseTransition;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.Duration;

/**
 * Decision: the recommendation and its reasons in the reading order, the warnings, and the analyst's
 * decision with rationale and sign-offs — saved as a draft shortly after each edit, exported as the
 * decision file.
 */
public final class DecisionView extends BorderPane {
    private final DecisionViewModel model;
    private final VBox reasons = new VBox(6);
    private final VBox warnings = new VBox(6);
    private final VBox signoffs = new VBox(6);
    private final PauseTransition autosave = new PauseTransition(Duration.millis(800));

    public DecisionView(AnalysisViewModel analysis, DecisionViewModel model) {
        this.model = model;
        setId("decision-view");
        setTop(toolbar(analysis));
        Label why = new Label("Why, in the reading order (sample ratio → guardrails → planned sample → significance → MDE → segments):");
        why.getStyleClass().add("text-muted");
        autosave.setOnFinished(event -> model.saveDraft());
        VBox body = new VBox(10, headline(), why, reasons, warnings, preRegistration(), yourDecision());
        body.getStyleClass().add("analysis-body");
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        setCenter(scroll);
        redrawOnChange();
    }

    private AnalysisToolbar toolbar(AnalysisViewModel analysis) {
        Button export = new Button("Export decision file…");
        export.setId("decision-export");
        export.setOnAction(event -> export());
        Button pdf = new Button("Export PDF…");
        pdf.setId("decision-export-pdf");
        pdf.setOnAction(event -> exportPdf());
        return new AnalysisToolbar(analysis, export, pdf);
    }

    private Label headline() {
        Label headline = new Label();
        headline.setId("decision-headline");
        headline.getStyleClass().add("title-3");
        headline.setWrapText(true);
        headline.textProperty().bind(model.headlineProperty());
        return headline;
    }

    /** Reasons and warnings redrawn as they change; sign-offs redrawn and the draft saved. */
    private void redrawOnChange() {
        model.reasons().addListener((ListChangeListener<String>) change -> fill());
        model.warnings().addListener((ListChangeListener<String>) change -> fill());
        model.signoffs().addListener((ListChangeListener<SignoffDraft>) change -> {
            drawSignoffs();
            autosave.playFromStart();
        });
        fill();
        drawSignoffs();
    }

    private VBox preRegistration() {
        Label title = new Label("Pre-registration");
        title.getStyleClass().add("title-4");
        Label state = new Label();
        state.setId("decision-lock-state");
        state.setWrapText(true);
        state.textProperty().bind(model.lockStateProperty());
        Button lock = new Button("Lock the plan");
        lock.setId("decision-lock");
        lock.disableProperty().bind(model.lockedProperty());
        lock.setOnAction(event -> confirmLock());
        lock.setMinWidth(Region.USE_PREF_SIZE);
        return new VBox(6, title, new HBox(10, state, lock), deviations());
    }

    /** The deviations from the locked plan, one warning line each. */
    private VBox deviations() {
        VBox deviations = new VBox(4);
        model.deviations().addListener((ListChangeListener<String>) change -> deviations.getChildren().setAll(
                model.deviations().stream().map(d -> {
                    Label line = new Label("•  " + d);
                    line.setWrapText(true);
                    line.getStyleClass().add("banner-warning");
                    return line;
                }).toList()));
        return deviations;
    }

    private VBox yourDecision() {
        Label title = new Label("Your decision");
        title.getStyleClass().add("title-4");
        ComboBox<String> decision = new ComboBox<>(FXCollections.observableArrayList(DecisionViewModel.outcomes()));
        decision.setId("decision-choice");
        decision.setConverter(new StringConverter<>() {
            @Override
            public String toString(String label) {
                return DecisionLabels.words(label);
            }

            @Override
            public String fromString(String words) {
                return DecisionViewModel.outcomes().stream().filter(l -> DecisionLabels.words(l).equals(words)).findFirst()
                        .orElse(words);
            }
        });
        decision.valueProperty().bindBidirectional(model.decisionProperty());
        TextArea rationale = new TextArea();
        rationale.setId("decision-rationale");
        rationale.setPromptText("Why this decision, in your words: what the numbers say, what they do not, what happens next.");
        rationale.setPrefRowCount(4);
        rationale.setWrapText(true);
        rationale.textProperty().bindBidirectional(model.rationaleProperty());
        model.decisionProperty().addListener((obs, old, now) -> autosave.playFromStart());
        model.rationaleProperty().addListener((obs, old, now) -> autosave.playFromStart());
        Button add = new Button("Add sign-off");
        add.setId("decision-add-signoff");
        add.setOnAction(event -> model.addSignoff());
        return new VBox(8, title, new HBox(10, new Label("Decision"), decision), rationale,
                new HBox(10, new Label("Sign-offs"), add), signoffs, problems(), saved());
    }

    private Label problems() {
        Label problems = new Label();
        problems.setId("decision-problems");
        problems.setWrapText(true);
        problems.getStyleClass().add("text-muted");
        model.problems().addListener((ListChangeListener<String>) change -> problems.setText(String.join("\n", model.problems())));
        return problems;
    }

    private Label saved() {
        Label saved = new Label();
        saved.getStyleClass().add("text-muted");
        saved.textProperty().bind(model.savedProperty());
        return saved;
    }

    /** Locking is final (later changes show as deviations in the PDF): asked once before it is done. */
    private void confirmLock() {
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, "Lock the plan of this experiment now? The metrics, MDE, "
                + "α, rules and segments as they are become the pre-registered plan; any later change to the definition "
                + "is listed as a deviation in the decision record. A lock cannot be undone.", ButtonType.CANCEL,
                new ButtonType("Lock the plan", ButtonBar.ButtonData.OK_DONE));
        confirm.initOwner(getScene().getWindow());
        confirm.setHeaderText("Lock the plan?");
        confirm.getDialogPane().setId("lock-confirmation");
        confirm.showAndWait().filter(button -> button.getButtonData() == ButtonBar.ButtonData.OK_DONE)
                .ifPresent(button -> model.lockPlan());
    }

    private void drawSignoffs() {
        signoffs.getChildren().setAll(model.signoffs().stream().map(this::signoffRow).toList());
    }

    private HBox signoffRow(SignoffDraft draft) {
        TextField name = field(draft.nameProperty(), "Name", 14);
        TextField role = field(draft.roleProperty(), "Role", 12);
        CheckBox approve = new CheckBox("approves");
        approve.selectedProperty().bindBidirectional(draft.approveProperty());
        approve.selectedProperty().addListener((obs, old, now) -> autosave.playFromStart());
        TextField date = field(draft.dateProperty(), "YYYY-MM-DD", 9);
        TextField comment = field(draft.commentProperty(), "Comment", 24);
        Button remove = new Button("Remove");
        remove.setOnAction(event -> model.signoffs().remove(draft));
        return new HBox(6, name, role, approve, date, comment, remove);
    }

    private TextField field(StringProperty property, String prompt, int columns) {
        TextField field = new TextField();
        field.setPromptText(prompt);
        field.setPrefColumnCount(columns);
        field.textProperty().bindBidirectional(property);
        field.textProperty().addListener((obs, old, now) -> autosave.playFromStart());
        return field;
    }

    private void fill() {
        reasons.getChildren().setAll(model.reasons().stream().map(reason -> {
            Label line = new Label("•  " + reason);
            line.setWrapText(true);
            return line;
        }).toList());
        warnings.getChildren().setAll(model.warnings().stream().map(warning -> {
            Label line = new Label(warning);
            line.setWrapText(true);
            line.getStyleClass().add("banner-warning");
            return line;
        }).toList());
    }

    private void export() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the decision file");
        chooser.setInitialFileName("decision.json");
        var file = chooser.showSaveDialog(getScene().getWindow());
        if (file != null) {
            try {
                model.export(file.toPath());
            } catch (IOException e) {
                new Alert(Alert.AlertType.ERROR, e.getMessage()).showAndWait();
            }
        }
    }

    private void exportPdf() {
        new PdfExportDialog(getScene().getWindow(), model::createKey).showAndWait().ifPresent(choice -> {
            try {
                model.exportPdf(choice);
            } catch (IOException e) {
                new Alert(Alert.AlertType.ERROR, e.getMessage()).showAndWait();
            }
        });
    }
}
