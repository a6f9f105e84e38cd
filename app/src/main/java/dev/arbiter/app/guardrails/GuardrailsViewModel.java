package dev.arbiter.app.guardrails;

import dev.arbiter.analytics.decision.GuardrailCheck;
import dev.arbiter.analytics.decision.GuardrailStatus;
import dev.arbiter.app.analysis.AnalysisViewModel;
import dev.arbiter.app.analysis.Format;
import dev.arbiter.app.common.charts.TimelinePoint;
import dev.arbiter.importers.analysis.ComparisonResult;
import dev.arbiter.importers.analysis.DailyPoint;
import dev.arbiter.importers.analysis.ExperimentResult;
import dev.arbiter.importers.analysis.MetricResult;
import dev.arbiter.importers.experiment.MetricKind;
import dev.arbiter.importers.experiment.MetricRole;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

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
        List<GuardrailCard> next = new ArrayList<>();
        if (result != null) {
            for (MetricResult metric : result.metrics()) {
                if (metric.role() != MetricRole.GUARDRAIL) {
                    continue;
                }
                for (ComparisonResult comparison : metric.comparisons()) {
                    for (int rule = 0; rule < comparison.guardrails().size(); rule++) {
                        next.add(card(result, metric, comparison, rule));
                    }
                }
            }
        }
        String keep = selected.get() == null ? null : selected.get().metric() + "/" + selected.get().treatment();
        cards.setAll(next);
        selected.set(next.stream().filter(c -> (c.metric() + "/" + c.treatment()).equals(keep)).findFirst()
                .orElse(next.isEmpty() ? null : next.get(0)));
    }

    private static GuardrailCard card(ExperimentResult result, MetricResult metric, ComparisonResult comparison, int rule) {
        GuardrailCheck check = comparison.guardrails().get(rule);
        List<TimelinePoint> history = new ArrayList<>();
        LocalDate fired = null;
        for (DailyPoint day : result.series()) {
            MetricResult then = day.metrics().stream().filter(m -> m.name().equals(metric.name())).findFirst().orElse(null);
            ComparisonResult past = then == null ? null : then.comparison(comparison.treatment());
            if (past == null || past.guardrails().size() <= rule) {
                continue;
            }
            GuardrailCheck was = past.guardrails().get(rule);
            history.add(new TimelinePoint(day.day(), was.observed(), was.interval().lower(), was.interval().upper()));
            if (fired == null && was.status() == GuardrailStatus.BREACHED) {
                fired = day.day();
            }
        }
        String observed = Double.isFinite(check.observed())
                ? Format.value(check.observed()) + " " + Format.interval(check.interval()) : "not yet estimable";
        return new GuardrailCard(metric.name(), comparison.treatment(), check.rule().describe(), check.rule().threshold(),
                check.rule().kind().isRatio(), observed, check.status().label(), check.explanation(), fired,
                metric.definition().kind() != MetricKind.QUANTILE, history);
    }

    public ObservableList<GuardrailCard> cards() {
        return cards;
    }

    public ObjectProperty<GuardrailCard> selectedProperty() {
        return selected;
    }
}
