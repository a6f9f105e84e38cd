package dev.arbiter.app.shell;

import dev.arbiter.app.common.task.BackgroundTask;
import dev.arbiter.app.common.task.TaskExecutor;
import dev.arbiter.app.importing.DataView;
import dev.arbiter.app.importing.DataViewModel;
import dev.arbiter.app.analysis.AnalysisModels;
import dev.arbiter.app.guardrails.GuardrailsView;
import dev.arbiter.app.monitoring.MonitorView;
import dev.arbiter.app.results.ResultsView;
import dev.arbiter.app.segments.SegmentsView;
import dev.arbiter.app.decision.DecisionView;
import dev.arbiter.app.planning.PlanView;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import dev.arbiter.app.help.HelpWindow;
import javafx.scene.Node;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;

/** The main window's content: menu bar, left navigation, the selected section, status bar. */
public final class ShellView extends BorderPane {
    private final ShellViewModel model;
    private final TaskExecutor executor;
    private final dev.arbiter.app.analysis.AnalysisViewModel analysis;
    private Consumer<String> browser = url -> { };
    private HelpWindow help;

    public ShellView(ShellViewModel model, StatusBarViewModel status, TaskExecutor executor, DataViewModel data,
                     AnalysisModels analysis, Runnable quit) {
        this.model = model;
        this.executor = executor;
        this.analysis = analysis.analysis();
        setId("shell");
        getStyleClass().add("shell");
        setTop(new ShellMenuBar(model, this::dialogs, this::showHelp, this::showAbout, quit));
        setLeft(new NavigationView(model));
        Map<Section, Supplier<Node>> views = new EnumMap<>(Section.class);
        DataView dataView = new DataView(data, model); // built at once: it asks the import questions
        views.put(Section.DATA, () -> dataView);
        views.put(Section.PLAN, () -> new PlanView(analysis.analysis(), analysis.plan()));
        views.put(Section.MONITOR, () -> new MonitorView(analysis.analysis(), analysis.monitor()));
        views.put(Section.RESULTS, () -> new ResultsView(analysis.analysis(), analysis.results()));
        views.put(Section.SEGMENTS, () -> new SegmentsView(analysis.analysis(), analysis.segments()));
        views.put(Section.GUARDRAILS, () -> new GuardrailsView(analysis.analysis(), analysis.guardrails()));
        views.put(Section.DECISION, () -> new DecisionView(analysis.analysis(), analysis.decision()));
        setCenter(new SectionPane(model, new EmptyStateView(this::runAction), views,
                javafx.beans.binding.Bindings.isNotEmpty(analysis.analysis().experiments()),
                analysis.analysis().busyProperty()));
        setBottom(new StatusBarView(status));
        acceptDroppedFiles(data);
    }

    /** Files dropped anywhere on the window go to the import preview. */
    private void acceptDroppedFiles(DataViewModel data) {
        setOnDragOver(event -> {
            if (event.getDragboard().hasFiles()) {
                event.acceptTransferModes(TransferMode.COPY);
            }
            event.consume();
        });
        setOnDragDropped(event -> {
            boolean files = event.getDragboard().hasFiles();
            if (files) {
                model.sectionProperty().set(Section.DATA);
                data.requestImport(event.getDragboard().getFiles().stream().map(java.io.File::toPath).toList());
            }
            event.setDropCompleted(files);
            event.consume();
        });
    }

    private WorkspaceFileDialogs dialogs() {
        return new WorkspaceFileDialogs(getScene().getWindow());
    }

    private void runAction(EmptyState.Action action) {
        switch (action) {
            case NEW_WORKSPACE -> dialogs().chooseNew().ifPresent(model::createWorkspace);
            case OPEN_WORKSPACE -> dialogs().chooseExisting().ifPresent(model::openWorkspace);
            case OPEN_SAMPLE -> model.openSample(dev.arbiter.samples.SampleCatalog.FIRST);
            case NEW_EXPERIMENT -> dev.arbiter.app.experiment.ExperimentEditorDialog.open(getScene().getWindow(), analysis, null);
        }
    }

    /** Sets what opens web addresses (the app's host services; nothing in tests). */
    void setBrowser(Consumer<String> browser) {
        this.browser = browser;
    }

    /** Opens the Help window (made on first use) on a page of the bundled docs. */
    private void showHelp(String page) {
        if (help == null) {
            help = new HelpWindow(getScene().getWindow(), url -> browser.accept(url));
        }
        help.show(page);
    }

    /** Shows About at once; the engine's version follows when read. */
    private void showAbout() {
        AboutDialog about = new AboutDialog(getScene().getWindow(), AboutInfoReader.read());
        about.show();
        executor.submit(BackgroundTask.of("Reading the DuckDB version", context -> AboutInfoReader.engineVersion())
                .withOnSuccess(about::showEngineVersion)
                .withSuccessMessage(version -> null));
    }
}
