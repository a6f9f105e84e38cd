package dev.arbiter.app.decision;

import dev.arbiter.app.projection.DecisionLabels;
import dev.arbiter.analytics.reading.RecommendationKind;
import dev.arbiter.app.analysis.AnalysisViewModel;
import dev.arbiter.app.common.task.BackgroundTask;
import dev.arbiter.app.common.task.TaskExecutor;
import dev.arbiter.app.report.PaperSize;
import dev.arbiter.app.report.ReportFiles;
import dev.arbiter.app.report.ReportSources;
import dev.arbiter.app.report.SigningKey;
import dev.arbiter.app.session.WorkspaceSession;
import dev.arbiter.importers.experiment.ExperimentDefinition;
import dev.arbiter.importers.experiment.PreRegistration;
import dev.arbiter.importers.result.ExperimentResult;
import dev.arbiter.importers.signoff.DecisionFile;
import dev.arbiter.importers.signoff.DecisionRecord;
import dev.arbiter.importers.signoff.DecisionStore;
import java.util.function.Consumer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The Decision section: the recommendation by the reading order with its reasons and the warnings;
 * and the analyst's own decision — one of the five outcomes, a rationale, sign-offs — kept as a
 * draft in the workspace ({@code arbiter_decisions}) and exported as the decision file
 * {@code arbiter report} reads (docs/decision-format.md).
 */
public final class DecisionViewModel {
    private final WorkspaceSession shell;
    private final AnalysisViewModel analysis;
    /** How long a key made here is valid: five years, as {@code arbiter keygen}'s default. */
    private static final int KEY_DAYS = 1825;
    private final TaskExecutor executor;
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper("");
    private final ObservableList<String> reasons = FXCollections.observableArrayList();
    private final ObservableList<String> warnings = FXCollections.observableArrayList();
    private final StringProperty decision = new SimpleStringProperty("");
    private final StringProperty rationale = new SimpleStringProperty("");
    private final ObservableList<SignoffDraft> signoffs = FXCollections.observableArrayList();
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper saved = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper lockState = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper locked = new ReadOnlyBooleanWrapper();
    private final ObservableList<String> deviations = FXCollections.observableArrayList();
    private ExperimentDefinition current;
    private String experiment;
    private boolean loading;

    public DecisionViewModel(WorkspaceSession shell, AnalysisViewModel analysis, TaskExecutor executor) {
        this.shell = shell;
        this.analysis = analysis;
        this.executor = executor;
        analysis.resultProperty().addListener((obs, old, now) -> show(now));
        decision.addListener((obs, old, now) -> check());
        rationale.addListener((obs, old, now) -> check());
        signoffs.addListener((ListChangeListener<SignoffDraft>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(s -> Arrays.stream(s.fields()).forEach(f -> f.addListener(o -> check())));
            }
            check();
        });
        show(analysis.resultProperty().get());
    }

    /** The five outcomes, as the decision file names them. */
    public static List<String> outcomes() {
        return Arrays.stream(RecommendationKind.values()).map(RecommendationKind::label).toList();
    }

    void show(ExperimentResult result) {
        if (result == null) {
            headline.set("");
            reasons.clear();
            warnings.clear();
            experiment = null;
            return;
        }
        List<String> lines = new ArrayList<>();
        StringBuilder title = new StringBuilder();
        result.decisions().forEach((treatment, recommendation) -> {
            String label = DecisionLabels.words(recommendation.kind().label());
            title.append(title.length() == 0 ? "" : "  ·  ").append(treatment).append(": ").append(label);
            if (result.decisions().size() > 1) {
                lines.add(treatment + ":");
            }
            lines.addAll(recommendation.reasons());
        });
        headline.set("Recommendation — " + title);
        reasons.setAll(lines);
        warnings.setAll(result.warnings());
        current = result.definition().file();
        loadLock();
        if (!result.definition().name().equals(experiment)) {
            experiment = result.definition().name();
            loadDraft(result.decision().kind().label());
        }
    }

    /** Reads the pre-registration lock of the shown experiment and lists the deviations from it. */
    private void loadLock() {
        var workspace = shell.currentWorkspace();
        var definition = current;
        if (workspace == null || definition == null) {
            return;
        }
        executor.submit(BackgroundTask.of("Reading the pre-registration",
                        context -> new PreRegistration(workspace).get(definition.name()))
                .withOnSuccess(found -> {
                    locked.set(found.isPresent());
                    if (found.isEmpty()) {
                        lockState.set("Not pre-registered: lock the plan (metrics, MDE, α, rules, segments) before reading "
                                + "the results, so later changes show as deviations.");
                        deviations.clear();
                        return;
                    }
                    List<String> changed = PreRegistration.deviations(
                            found.get().definition(), definition);
                    lockState.set("Plan locked on " + found.get().lockedAt() + (changed.isEmpty()
                            ? "; no deviations." : "; " + changed.size() + (changed.size() == 1 ? " deviation:" : " deviations:")));
                    deviations.setAll(changed);
                }).withSuccessMessage(found -> null));
    }

    /** Locks the shown experiment's definition now (pre-registration); a lock is final. */
    public void lockPlan() {
        var workspace = shell.currentWorkspace();
        var definition = current;
        if (workspace == null || definition == null || locked.get()) {
            return;
        }
        executor.submit(BackgroundTask.of("Locking the plan", context ->
                        new PreRegistration(workspace).lock(definition))
                .withOnSuccess(lock -> loadLock())
                .withSuccessMessage(lock -> "Locked the plan of " + definition.name() + " at " + lock.lockedAt()));
    }

    public ReadOnlyStringProperty lockStateProperty() {
        return lockState.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty lockedProperty() {
        return locked.getReadOnlyProperty();
    }

    /** Differences between the locked and the current definition, by key. */
    public ObservableList<String> deviations() {
        return deviations;
    }

    /** Reads the saved draft of this experiment; a new one starts from the recommendation. */
    private void loadDraft(String recommended) {
        var workspace = shell.currentWorkspace();
        String name = experiment;
        if (workspace == null) {
            return;
        }
        executor.submit(BackgroundTask.of("Reading the decision", context -> new DecisionStore(workspace).get(name))
                .withOnSuccess(found -> {
                    loading = true;
                    DecisionRecord draft = found.orElse(new DecisionRecord(name, recommended, "", List.of()));
                    decision.set(draft.decision() == null ? recommended : draft.decision());
                    rationale.set(draft.rationale() == null ? "" : draft.rationale());
                    signoffs.setAll(draft.signoffs().stream().map(SignoffDraft::of).toList());
                    saved.set(found.isPresent() ? "Draft loaded from the workspace." : "New draft, from the recommendation.");
                    loading = false;
                    check();
                }).withSuccessMessage(found -> null));
    }

    /** The decision as it stands in the form. */
    public DecisionRecord record() {
        return new DecisionRecord(experiment, decision.get(), rationale.get(),
                signoffs.stream().map(SignoffDraft::toSignoff).toList());
    }

    private void check() {
        problems.setAll(DecisionFile.problems(record()));
    }

    /** Saves the draft into the workspace in the background (the view calls it shortly after each edit). */
    public void saveDraft() {
        var workspace = shell.currentWorkspace();
        if (loading || workspace == null || experiment == null) {
            return;
        }
        DecisionRecord draft = record();
        executor.submit(BackgroundTask.of("Saving the decision draft", context -> {
            new DecisionStore(workspace).save(draft);
            return draft;
        }).withOnSuccess(done -> saved.set("Draft saved at " + LocalTime.now().withNano(0) + "."))
                .withSuccessMessage(done -> null));
    }

    /** Writes the decision file; refuses an incomplete one. */
    public void export(Path file) throws IOException {
        if (!problems.isEmpty()) {
            throw new IOException("the decision is not complete: " + String.join("; ", problems));
        }
        DecisionFile.write(record(), file);
    }

    /**
     * Writes the decision PDF for the result on screen and the decision in the form, signed when a
     * key store is chosen, in the background; refuses an incomplete decision.
     */
    /**
     * Creates a self-signed signing key for {@code name} in {@code file} (as {@code arbiter keygen}),
     * in the background; {@code created} gets the file once it is written.
     */
    public void createKey(String name, char[] password, Path file, Consumer<Path> created) {
        executor.submit(BackgroundTask.of("Creating a signing key", context -> {
            SigningKey key = SigningKey.generate(name, null, KEY_DAYS, password, SigningKey.DEFAULT_ALIAS, file);
            return SigningKey.fingerprint(key.certificate());
        }).withOnSuccess(fingerprint -> created.accept(file))
                .withSuccessMessage(fingerprint -> "Wrote " + file.getFileName() + " — share its fingerprint " + fingerprint
                        + " so readers can tell your signature from anyone else's"));
    }

    public void exportPdf(PdfExport export) throws IOException {
        var workspace = shell.currentWorkspace();
        var result = analysis.resultProperty().get();
        if (!problems.isEmpty()) {
            throw new IOException("the decision is not complete: " + String.join("; ", problems));
        }
        if (workspace == null && analysis.onWarehouseProperty().get()) {
            throw new IOException("a warehouse table's decision PDF is written from the command line for now: arbiter "
                    + "report --source JDBC_URL --table TABLE --experiment E.json --decision D.json (docs/warehouse.md)");
        }
        if (workspace == null || result == null) {
            throw new IOException("there is no analysis to report on yet");
        }
        DecisionRecord record = record();
        executor.submit(BackgroundTask.of("Writing the decision PDF", context -> {
            var key = export.signed() ? SigningKey.load(export.keyStore(), export.password(), null) : null;
            var input = ReportSources.from(workspace, result, record, export.paper());
            ReportFiles.save(ReportFiles.render(input, key), export.file());
            return key == null ? "unsigned" : "signed by " + SigningKey.commonName(key.certificate());
        }).withSuccessMessage(how -> "Wrote " + export.file().getFileName() + " (" + record.decision() + ", " + how + ")"));
    }

    /** Letter where it is the custom (US, Canada, Mexico, ...), A4 elsewhere. */
    public static PaperSize localPaper(Locale locale) {
        return Set.of("US", "CA", "MX", "PH", "CL", "CO", "VE").contains(locale.getCountry())
                ? PaperSize.LETTER : PaperSize.A4;
    }

    public void addSignoff() {
        signoffs.add(new SignoffDraft());
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

    public StringProperty decisionProperty() {
        return decision;
    }

    public StringProperty rationaleProperty() {
        return rationale;
    }

    public ObservableList<SignoffDraft> signoffs() {
        return signoffs;
    }

    /** What keeps the decision from being exported, each naming its key. */
    public ObservableList<String> problems() {
        return problems;
    }

    /** When the draft was last saved, in words. */
    public ReadOnlyStringProperty savedProperty() {
        return saved.getReadOnlyProperty();
    }
}
