package dev.arbiter.app.decision;

import dev.arbiter.app.analysis.AnalysisViewModel;
import dev.arbiter.importers.analysis.ExperimentResult;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Decision section, read side: the recommendation by the reading order for each treatment, with
 * its reasons, and the warnings the analyst must know before deciding.
 */
public final class DecisionViewModel {
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper("");
    private final ObservableList<String> reasons = FXCollections.observableArrayList();
    private final ObservableList<String> warnings = FXCollections.observableArrayList();

    public DecisionViewModel(AnalysisViewModel analysis) {
        analysis.resultProperty().addListener((obs, old, now) -> show(now));
        show(analysis.resultProperty().get());
    }

    void show(ExperimentResult result) {
        if (result == null) {
            headline.set("");
            reasons.clear();
            warnings.clear();
            return;
        }
        List<String> lines = new ArrayList<>();
        StringBuilder title = new StringBuilder();
        result.decisions().forEach((treatment, recommendation) -> {
            String label = recommendation.kind().label().replace('_', ' ');
            title.append(title.length() == 0 ? "" : "  ·  ").append(treatment).append(": ").append(label);
            if (result.decisions().size() > 1) {
                lines.add(treatment + ":");
            }
            lines.addAll(recommendation.reasons());
        });
        headline.set("Recommendation — " + title);
        reasons.setAll(lines);
        warnings.setAll(result.warnings());
    }

    public ReadOnlyStringProperty headlineProperty() {
        return headline.getReadOnlyProperty();
    }

    public ObservableList<String> reasons() {
        return reasons;
    }

    public ObservableList<String> warnings() {
        return warnings;
    }
}
