package dev.arbiter.app.analysis;

import dev.arbiter.app.projection.DecisionLabels;
import dev.arbiter.app.common.task.BackgroundTask;
import dev.arbiter.app.common.task.TaskExecutor;
import dev.arbiter.app.common.task.UserMessages;
import dev.arbiter.app.experiment.ExperimentEditorViewModel;
import dev.arbiter.app.session.WorkspaceSession;
import dev.arbiter.importers.analysis.ExperimentAnalyzer;
import dev.arbiter.importers.experiment.ExperimentDefinition;
import dev.arbiter.importers.experiment.ExperimentStore;
import dev.arbiter.importers.result.ExperimentResult;
import dev.arbiter.importers.statistics.CancellableConnections;
import dev.arbiter.importers.statistics.JdbcStatisticsSource;
import dev.arbiter.importers.statistics.SqlDialect;
import dev.arbiter.importers.statistics.WarehouseSource;
import dev.arbiter.app.common.task.TaskContext;
import dev.arbiter.importers.workspace.Workspace;
import dev.arbiter.importers.workspace.WorkspaceException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The experiment the analyst is reading and its latest analysis, shared by the Monitor, Results,
 * Segments and Guardrails sections. When the workspace changes (opened, imported into), the saved
 * experiments are read and the selected one is analysed again, in the background.
 */
public final class AnalysisViewModel {
    private final WorkspaceSession shell;
    private final TaskExecutor executor;
    private final ObservableList<ExperimentDefinition> experiments = FXCollections.observableArrayList();
    private final ObjectProperty<ExperimentDefinition> selected = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<ExperimentResult> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private long generation;
    private ExperimentDefinition pinned;
    private String preferred;
    /** The warehouse table analysed instead of the workspace's events (issue 20), or null. */
    private WarehouseRequest warehouse;
    private final ReadOnlyBooleanWrapper onWarehouse = new ReadOnlyBooleanWrapper();

    /**
     * A table in another engine to analyse: the JDBC URL, the table, the definition, and a token
     * asked at run time (blank: the environment's) — kept in memory for this session only, never saved.
     */
    public record WarehouseRequest(String url, String table, ExperimentDefinition definition, String token) {
        @Override
        public String toString() {
            return "WarehouseRequest[" + WarehouseSource.withoutParameters(url) + ", " + table + "]"; // never the token
        }
    }

    public AnalysisViewModel(WorkspaceSession shell, TaskExecutor executor) {
        this.shell = shell;
        this.executor = executor;
        shell.workspaceProperty().addListener((obs, old, now) -> reload());
        selected.addListener((obs, old, now) -> analyse());
    }

    /**
     * Reads {@code definition} (e.g. an experiment file given on the command line) beside the saved
     * experiments, selected, without saving it in the workspace.
     */
    public void pin(ExperimentDefinition definition) {
        pinned = definition;
        selected.set(null);
        reload();
    }

    /** Reads the workspace's saved experiments and analyses the selected one (the first by default). */
    public void reload() {
        Workspace workspace = shell.currentWorkspace();
        long mine = ++generation;
        if (workspace != null) {
            useWarehouse(null); // an opened workspace takes the place of a warehouse table
        }
        if (workspace == null && warehouse != null) {
            return;
        }
        if (workspace == null) {
            clear();
            return;
        }
        busy.set(true); // reading, then analysing: no section may say "no experiment" meanwhile
        executor.submit(BackgroundTask.of("Reading experiments", context -> withPinned(new ExperimentStore(workspace).all()))
                .withOnSuccess(found -> {
                    if (mine == generation) {
                        show(found);
                    }
                }).withOnFailure(error -> showProblem(mine, error)).withOnCancelled(() -> busy.set(false))
                .withSuccessMessage(found -> null));
    }

    /** Shows why reading {@code mine} failed, unless a later reading was started. */
    private void showProblem(long mine, Throwable error) {
        if (mine == generation) {
            busy.set(false);
            problem.set(UserMessages.describe(error));
        }
    }

    private void clear() {
        experiments.clear();
        selected.set(null);
        result.set(null);
        problem.set(null);
        busy.set(false);
    }

    /** Lists the experiments read and selects the one asked for, the one selected before, or the first. */
    private void show(List<ExperimentDefinition> found) {
        String keep = preferred != null ? preferred
                : selected.get() == null ? (pinned == null ? null : pinned.name()) : selected.get().name();
        preferred = null;
        experiments.setAll(found);
        ExperimentDefinition next = found.stream().filter(d -> d.name().equals(keep)).findFirst()
                .orElse(found.isEmpty() ? null : found.get(0));
        if (Objects.equals(next, selected.get())) {
            analyse(); // an equal record does not fire the selection's listener
        } else {
            selected.set(next);
        }
    }

    private List<ExperimentDefinition> withPinned(List<ExperimentDefinition> saved) {
        if (pinned == null) {
            return saved;
        }
        List<ExperimentDefinition> all = new ArrayList<>();
        all.add(pinned);
        saved.stream().filter(d -> !d.name().equals(pinned.name())).forEach(all::add);
        return all;
    }

    /** Analyses the selected experiment again. */
    /** The analysis, stopped mid-query when the task is cancelled (its statements are cancelled). */
    private static ExperimentResult analyse(Workspace workspace, ExperimentDefinition definition, TaskContext context)
            throws Exception {
        CancellableConnections connections = new CancellableConnections(workspace::newConnection);
        context.onCancel(connections::cancel);
        return ExperimentAnalyzer.analyze(new JdbcStatisticsSource(connections, SqlDialect.DUCKDB, workspace.file().toString()),
                definition, null, "experiment '" + definition.name() + "'", ExperimentAnalyzer.exposureDaysShown(definition));
    }

    /**
     * Analyses a warehouse table instead of the workspace's events (issue 20): the engine computes
     * the aggregates; the token is used for the connections and kept nowhere else. Cancel stops the
     * engine's queries.
     */
    public void analyseWarehouse(WarehouseRequest request) {
        useWarehouse(request);
        pinned = null;
        experiments.setAll(List.of(request.definition()));
        if (Objects.equals(request.definition(), selected.get())) {
            analyse();
        } else {
            selected.set(request.definition());
        }
    }

    private void useWarehouse(WarehouseRequest request) {
        warehouse = request;
        onWarehouse.set(request != null);
    }

    /** Whether the analysis shown reads a warehouse table rather than the workspace. */
    public ReadOnlyBooleanProperty onWarehouseProperty() {
        return onWarehouse.getReadOnlyProperty();
    }

    /** Where the events of the analysis shown come from: the warehouse table, or null for the workspace. */
    public String warehouseTable() {
        return warehouse == null ? null : warehouse.table() + " at " + WarehouseSource.withoutParameters(warehouse.url());
    }

    private void analyseWarehouse(WarehouseRequest request, ExperimentDefinition definition, long mine) {
        busy.set(true);
        executor.submit(BackgroundTask.of("Analysing " + definition.name() + " on " + WarehouseSource.dialectFor(request.url()),
                        context -> onWarehouse(request, definition, context))
                .withOnSuccess(analysed -> showAnalysis(mine, analysed, null))
                .withOnFailure(error -> showAnalysis(mine, null, error))
                .withOnCancelled(() -> busy.set(false))
                .withSuccessMessage(analysed -> "Analysed " + definition.name() + " on table " + request.table() + ": "
                        + DecisionLabels.words(analysed.decision().kind().label())));
    }

    private static ExperimentResult onWarehouse(WarehouseRequest request, ExperimentDefinition definition, TaskContext context)
            throws Exception {
        Map<String, String> environment = new HashMap<>(System.getenv());
        if (request.token() != null && !request.token().isBlank()) {
            environment.put(WarehouseSource.TOKEN, request.token());
        }
        WarehouseSource source = WarehouseSource.of(request.url(), request.table(), environment);
        context.onCancel(source::cancel);
        try {
            return ExperimentAnalyzer.analyze(source.statistics(), definition.withDataset(WarehouseSource.VIEW), null,
                    "experiment '" + definition.name() + "'", ExperimentAnalyzer.exposureDaysShown(definition));
        } catch (WorkspaceException e) {
            throw new WorkspaceException("Cannot analyse '" + definition.name() + "' on " + source.explain(e), e);
        }
    }

    public void analyse() {
        Workspace workspace = shell.currentWorkspace();
        ExperimentDefinition definition = selected.get();
        long mine = ++generation;
        if (warehouse != null && definition != null) {
            analyseWarehouse(warehouse, definition, mine);
            return;
        }
        if (workspace == null || definition == null) {
            showAnalysis(mine, null, null);
            return;
        }
        busy.set(true);
        executor.submit(BackgroundTask.of("Analysing " + definition.name(), context -> analyse(workspace, definition, context))
                .withOnSuccess(analysed -> showAnalysis(mine, analysed, null))
                .withOnFailure(error -> showAnalysis(mine, null, error))
                .withOnCancelled(() -> busy.set(false))
                .withSuccessMessage(analysed -> "Analysed " + definition.name() + ": "
                        + DecisionLabels.words(analysed.decision().kind().label())));
    }

    /** Shows analysis {@code mine}'s result, or why it failed, unless a later one was started. */
    private void showAnalysis(long mine, ExperimentResult analysed, Throwable error) {
        if (mine == generation) {
            busy.set(false);
            problem.set(error == null ? null : UserMessages.describe(error));
            result.set(analysed);
        }
    }

    public ObservableList<ExperimentDefinition> experiments() {
        return experiments;
    }

    public ObjectProperty<ExperimentDefinition> selectedProperty() {
        return selected;
    }

    /** The latest analysis of the selected experiment, or null. */
    public ReadOnlyObjectProperty<ExperimentResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** Why the selected experiment could not be analysed, or null. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** An editor on the open workspace, or null when none is open. */
    public ExperimentEditorViewModel editor() {
        Workspace workspace = warehouse == null ? shell.currentWorkspace() : null;
        return workspace == null ? null : new ExperimentEditorViewModel(workspace, executor);
    }

    /** After an experiment was saved: reads the experiments again and shows {@code saved}. */
    public void showSaved(ExperimentDefinition saved) {
        if (pinned != null && pinned.name().equals(saved.name())) {
            pinned = null;
        }
        preferred = saved.name();
        reload();
    }

    /** The names of the saved experiments, for a chooser. */
    public List<String> experimentNames() {
        return experiments.stream().map(ExperimentDefinition::name).toList();
    }
}
