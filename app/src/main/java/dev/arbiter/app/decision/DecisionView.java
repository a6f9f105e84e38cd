package dev.arbiter.app.decision;

import dev.arbiter.app.analysis.AnalysisToolbar;
import dev.arbiter.app.analysis.AnalysisViewModel;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

/** Decision: the recommendation and its reasons, in the reading order, and the warnings. */
public final class DecisionView extends BorderPane {
    private final DecisionViewModel model;
    private final VBox reasons = new VBox(6);
    private final VBox warnings = new VBox(6);

    public DecisionView(AnalysisViewModel analysis, DecisionViewModel model) {
        this.model = model;
        setId("decision-view");
        setTop(new AnalysisToolbar(analysis));
        Label headline = new Label();
        headline.setId("decision-headline");
        headline.getStyleClass().add("title-3");
        headline.setWrapText(true);
        headline.textProperty().bind(model.headlineProperty());
        Label why = new Label("Why, in the reading order (guardrails → planned sample → significance → MDE → segments):");
        why.getStyleClass().add("text-muted");
        VBox body = new VBox(10, headline, why, reasons, warnings);
        body.getStyleClass().add("analysis-body");
        setCenter(body);
        model.reasons().addListener((ListChangeListener<String>) change -> fill());
        model.warnings().addListener((ListChangeListener<String>) change -> fill());
        fill();
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
}
