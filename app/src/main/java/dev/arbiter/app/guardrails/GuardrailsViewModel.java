package dev.arbiter.app.guardrails;

import dev.arbiter.app.analysis.AnalysisViewModel;
import dev.arbiter.importers.result.ExperimentResult;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import dev.arbiter.app.projection.GuardrailCard;
import dev.arbiter.app.projection.GuardrailCards;

/**
 * The Guardrails section: a card per guardrail and treatment (rule, threshold, the observed ratio
 * or value with its interval, ok / at risk / breached), and the selected card's history against
 * the threshold with the first day it would have fired.
 */
public final class GuardrailsViewModel {
    private final ObservableList<GuardrailCard> cards = FXCollections.observableArrayList();
    private final ObjectProperty<GuardrailCard> selected = new SimpleObjectProperty<>();

    public GuardrailsViewModel(AnalysisViewModel analysis) {
        analysis.resultProperty().addListener((obs, old, now) -> show(now));
        show(analysis.resultProperty().get());
    }

    void show(ExperimentResult result) {
        List<GuardrailCard> next = GuardrailCards.of(result);
        String keep = selected.get() == null ? null : selected.get().metric() + "/" + selected.get().treatment();
        cards.setAll(next);
        selected.set(next.stream().filter(c -> (c.metric() + "/" + c.treatment()).equals(keep)).findFirst()
                .orElse(next.isEmpty() ? null : next.get(0)));
    }

    public ObservableList<GuardrailCard> cards() {
        return cards;
    }

    public ObjectProperty<GuardrailCard> selectedProperty() {
        return selected;
    }
}
