package dev.arbiter.app.monitor;

import dev.arbiter.app.analysis.AnalysisViewModel;
import dev.arbiter.app.projection.Format;
import dev.arbiter.app.common.charts.TimelinePoint;
import dev.arbiter.importers.result.ArmSummary;
import dev.arbiter.analytics.ArmValue;
import dev.arbiter.importers.result.DailyPoint;
import dev.arbiter.importers.result.ExperimentResult;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import dev.arbiter.app.projection.PrimarySeries;

/**
 * The Monitor section: units per arm against the planned split, the sample-ratio check (a red banner
 * when flagged), progress toward the planned sample, new units per day, and the primary metric per
 * arm as it accumulated (always-valid intervals in sequential mode), and fallback rate per arm.
 */
public final class MonitorViewModel {
    private final ObservableList<ArmRow> arms = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper srm = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Boolean> srmFlagged = new ReadOnlyObjectWrapper<>(false);
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Map<String, Map<LocalDate, Long>>> dailyUnits = new ReadOnlyObjectWrapper<>(Map.of());
    private final ReadOnlyObjectWrapper<Map<String, List<TimelinePoint>>> primary = new ReadOnlyObjectWrapper<>(Map.of());
    private final ReadOnlyStringWrapper primaryName = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper primaryAxis = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper effectAxis = new ReadOnlyStringWrapper("treatment − control");
    private final ReadOnlyObjectWrapper<Map<String, List<TimelinePoint>>> effect = new ReadOnlyObjectWrapper<>(Map.of());
    private final ReadOnlyStringWrapper effectTitle = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper noDaysReason = new ReadOnlyStringWrapper("");

    public MonitorViewModel(AnalysisViewModel analysis) {
        analysis.resultProperty().addListener((obs, old, now) -> show(now));
        show(analysis.resultProperty().get());
    }

    void show(ExperimentResult result) {
        if (result == null) {
            clear();
            return;
        }
        arms.setAll(result.arms().stream().map(arm -> armRow(result, arm)).toList());
        srmFlagged.set(result.srm().flagged());
        srm.set(srmText(result));
        noDaysReason.set(result.definition().timestampColumn() == null
                ? "No timestamp column in the experiment (timestampColumn): units by day and the effect over time need one."
                : "No events with a timestamp yet.");
        progress.set(result.progress() == null ? "No plan saved yet: save one on Plan to see the progress to it."
                : result.progress().describe() + ".");
        showCharts(result);
    }

    private void showCharts(ExperimentResult result) {
        dailyUnits.set(daily(result));
        primary.set(PrimarySeries.cumulativeValue(result));
        primaryAxis.set(PrimarySeries.valueAxis(result));
        effectAxis.set(PrimarySeries.effectAxis(result));
        primaryName.set(result.primary().name());
        effect.set(PrimarySeries.cumulativeEffect(result));
        effectTitle.set(result.primary().name() + ": treatment − control over the units exposed so far, "
                + (result.definition().sequential() ? "always-valid 95% band (safe to peek)"
                        : "fixed-horizon 95% band (read at the planned sample)"));
    }

    private void clear() {
        arms.clear();
        srm.set("");
        srmFlagged.set(false);
        progress.set("");
        dailyUnits.set(Map.of());
        primary.set(Map.of());
        effect.set(Map.of());
    }

    private static ArmRow armRow(ExperimentResult result, ArmSummary arm) {
        Long planned = result.definition().plannedUnitsPerArm();
        ArmValue fallback = result.fallback() == null ? null : result.fallback().arm(arm.name());
        return new ArmRow(arm.name(), Format.count(arm.units()), Format.count(arm.events()),
                String.format(Locale.ROOT, "%.2f%%", 100 * arm.observedShare()),
                String.format(Locale.ROOT, "%.2f%%", 100 * arm.expectedShare()),
                planned == null ? Double.NaN : Math.min(1, (double) arm.units() / planned),
                fallback == null ? "– (no fallback column)"
                        : result.fallback().unit().value(fallback.value()) + " " + result.fallback().unit().interval(fallback.ci()));
    }

    private static String srmText(ExperimentResult result) {
        return !result.srm().checked() ? "Sample ratio check: no units yet, nothing to check."
                : String.format(Locale.ROOT, "Sample ratio check: χ² = %.2f, p = %s%s", result.srm().chiSquare(),
                Format.p(result.srm().pValue()), result.srm().flagged()
                        ? " — MISMATCH: the arms are not split as planned; find the cause before reading any result."
                        : " — the split is as planned (flagged below p = 0.001).");
    }

    private static Map<String, Map<LocalDate, Long>> daily(ExperimentResult result) {
        Map<String, Map<LocalDate, Long>> byArm = new LinkedHashMap<>();
        List<String> names = result.arms().stream().map(ArmSummary::name).toList();
        names.forEach(name -> byArm.put(name, new LinkedHashMap<>()));
        for (DailyPoint day : result.series()) {
            for (int i = 0; i < names.size(); i++) {
                byArm.get(names.get(i)).put(day.day(), day.newUnits().get(i));
            }
        }
        return byArm;
    }

    /** Why the daily charts are empty: no timestamp column, or no events yet. */
    public ReadOnlyStringProperty noDaysReasonProperty() {
        return noDaysReason.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Map<String, List<TimelinePoint>>> effectProperty() {
        return effect.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty effectTitleProperty() {
        return effectTitle.getReadOnlyProperty();
    }

    public ObservableList<ArmRow> arms() {
        return arms;
    }

    public ReadOnlyStringProperty srmProperty() {
        return srm.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Boolean> srmFlaggedProperty() {
        return srmFlagged.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Map<String, Map<LocalDate, Long>>> dailyUnitsProperty() {
        return dailyUnits.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Map<String, List<TimelinePoint>>> primaryProperty() {
        return primary.getReadOnlyProperty();
    }

    /** The primary chart's axis, in the metric's unit. */
    public ReadOnlyStringProperty primaryAxisProperty() {
        return primaryAxis.getReadOnlyProperty();
    }

    /** The effect chart's axis: "treatment − control (pp)". */
    public ReadOnlyStringProperty effectAxisProperty() {
        return effectAxis.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty primaryNameProperty() {
        return primaryName.getReadOnlyProperty();
    }
}
