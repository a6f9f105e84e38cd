package dev.arbiter.app.experiment;

import dev.arbiter.importers.experiment.ExperimentBuilder;
import dev.arbiter.importers.experiment.MetricDefinition;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** A guardrail as the editor holds it while the analyst types: every field as text. */
public final class GuardrailDraft {
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty kind = new SimpleStringProperty("ratio");
    private final StringProperty column = new SimpleStringProperty("");
    private final StringProperty aggregate = new SimpleStringProperty("sum");
    private final StringProperty quantile = new SimpleStringProperty("0.95");
    private final StringProperty direction = new SimpleStringProperty("decrease");
    private final StringProperty rule = new SimpleStringProperty("maxRatio");
    private final StringProperty threshold = new SimpleStringProperty("1.3");
    /** The guardrail as loaded (null for a new one): what the form does not edit is kept from it. */
    private MetricDefinition loaded;
    /** The rule the form shows for it (its first), which the form may change; its other rules are kept. */
    private String shownRule;

    /** A draft of an existing guardrail (its first rule). */
    static GuardrailDraft of(MetricDefinition metric) {
        GuardrailDraft draft = new GuardrailDraft();
        draft.name.set(metric.name());
        draft.kind.set(metric.kind() == null ? "ratio" : metric.kind().key());
        draft.column.set(metric.column() == null ? "" : metric.column());
        draft.aggregate.set(metric.aggregate() == null ? "sum" : metric.aggregate().key());
        draft.quantile.set(metric.quantile() == null ? "0.95" : String.valueOf(metric.quantile()));
        draft.direction.set(ExperimentBuilder.direction(metric).key());
        if (!metric.rules().isEmpty()) {
            draft.rule.set(metric.rules().get(0).kind().key());
            draft.threshold.set(String.valueOf(metric.rules().get(0).threshold()));
        }
        draft.loaded = metric;
        draft.shownRule = draft.rule.get();
        return draft;
    }

    /** The guardrail as loaded, or null for one added in the form. */
    MetricDefinition loaded() {
        return loaded;
    }

    /** The rule key the form showed when the guardrail was loaded (its other rules are not in the form). */
    String shownRule() {
        return shownRule;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty kindProperty() {
        return kind;
    }

    public StringProperty columnProperty() {
        return column;
    }

    public StringProperty aggregateProperty() {
        return aggregate;
    }

    public StringProperty quantileProperty() {
        return quantile;
    }

    public StringProperty directionProperty() {
        return direction;
    }

    public StringProperty ruleProperty() {
        return rule;
    }

    public StringProperty thresholdProperty() {
        return threshold;
    }

    /** Every field, to listen to changes. */
    StringProperty[] fields() {
        return new StringProperty[] {name, kind, column, aggregate, quantile, direction, rule, threshold};
    }
}
