package dev.arbiter.app.guardrails;

import dev.arbiter.app.analysis.AnalysisToolbar;
import dev.arbiter.app.analysis.AnalysisViewModel;
import dev.arbiter.app.common.charts.Charts;
import dev.arbiter.app.projection.GuardrailCard;
import dev.arbiter.app.common.charts.ChartPane;
import java.util.Locale;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Guardrails: status cards, and the selected guardrail's history against its threshold. */
public final class GuardrailsView extends BorderPane {
    private final GuardrailsViewModel model;
    private final FlowPane cards = new FlowPane(12, 12);
    private final ChartPane timeline = new ChartPane("guardrail-timeline");
    private final Label timelineTitle = new Label();
    /** Why a guardrail has no history: its days come from the timestamp column. */
    private static final String NO_DAYS = "No day-by-day history: the experiment has no timestamp column.";

    public GuardrailsView(AnalysisViewModel analysis, GuardrailsViewModel model) {
        this.model = model;
        setId("guardrails-view");
        setTop(new AnalysisToolbar(analysis));
        cards.setId("guardrail-cards");
        timeline.setMinHeight(260);
        timelineTitle.getStyleClass().add("text-bold");
        ScrollPane scroll = new ScrollPane(cards);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(190);
        VBox body = new VBox(10, scroll, timelineTitle, timeline);
        VBox.setVgrow(timeline, Priority.ALWAYS);
        body.getStyleClass().add("analysis-body");
        setCenter(body);
        model.cards().addListener((ListChangeListener<Object>) change -> drawCards());
        model.selectedProperty().addListener((obs, old, now) -> {
            drawCards();
            drawTimeline();
        });
        drawCards();
        drawTimeline();
    }

    private void drawCards() {
        cards.getChildren().setAll(model.cards().stream().map(this::card).toList());
        if (model.cards().isEmpty()) {
            cards.getChildren().setAll(new Label("This experiment has no guardrails."));
        }
    }

    private VBox card(GuardrailCard card) {
        Label title = new Label(card.metric() + (model.cards().stream().map(GuardrailCard::treatment).distinct().count() > 1
                ? " · " + card.treatment() : ""));
        title.getStyleClass().add("title-4");
        Label status = new Label(card.status().replace('_', ' ').toUpperCase(Locale.ROOT));
        status.getStyleClass().add("status-label-" + card.status());
        Label rule = new Label("Rule: " + card.rule());
        Label observed = new Label((card.ratioRule() ? "Treatment/control: " : "Treatment value: ") + card.observed());
        observed.setWrapText(true);
        Label fired = new Label(card.history().isEmpty() ? NO_DAYS
                : card.firstFired() == null ? "Never breached day by day" : "First breached on " + card.firstFired());
        fired.setWrapText(true);
        fired.getStyleClass().add("text-muted");
        VBox box = new VBox(status, title, rule, observed, fired);
        box.getStyleClass().addAll("card", "status-" + card.status());
        box.setPrefWidth(330);
        box.setId("guardrail-" + card.metric());
        Tooltip.install(box, new Tooltip(card.explanation()));
        if (card == model.selectedProperty().get()) {
            box.setStyle("-fx-background-color: -color-accent-subtle;");
        }
        box.setOnMouseClicked(event -> model.selectedProperty().set(card));
        return box;
    }

    private void drawTimeline() {
        GuardrailCard card = model.selectedProperty().get();
        timeline.setVisible(card != null);
        if (card == null) {
            timelineTitle.setText("");
            return;
        }
        timelineTitle.setText(card.metric() + " · " + card.treatment() + ": " + (card.cumulative() ? "cumulative " : "daily ")
                + (card.ratioRule() ? "treatment/control ratio" : "treatment value") + " with 95% interval, against "
                + card.rule());
        if (card.history().isEmpty()) {
            timeline.showMissing(NO_DAYS);
            return;
        }
        timeline.show(Charts.timeline(card.ratioRule() ? "treatment / control" : card.metric(),
                Map.of(card.treatment(), card.history()), card.threshold(), card.firstFired()));
    }
}
