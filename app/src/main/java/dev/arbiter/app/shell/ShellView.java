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
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;

/** The main window's content: menu bar, left navigation, the selected section, status bar. */
public final class ShellView extends BorderPane {
    private final ShellViewModel model;
    private final TaskExecutor executor;
    private final dev.arbiter.app.analysis.AnalysisViewModel analysis;

    public ShellView(ShellViewModel model, StatusBarViewModel status, TaskExecutor executor, DataViewModel data,
                     AnalysisModels analysis, Runnable quit) {
        this.model = model;
        this.executor = executor;
        this.analysis = analysis.analysis();
        setId("shell");
        getStyleClass().add("shell");
        DataView dataView = new DataView(data, model);
        setTop(new ShellMenuBar(model, this::dialogs, this::showAbout, quit));
        setLeft(new NavigationView(model));
        java.util.Map<Section, javafx.scene.Node> views = new java.util.EnumMap<>(Section.class);
        views.put(Section.DATA, dataView);
        views.put(Section.PLAN, new dev.arbiter.app.planning.PlanView(analysis.analysis(), analysis.plan()));
        views.put(Section.MONITOR, new MonitorView(analysis.analysis(), analysis.monitor()));
        views.put(Section.RESULTS, new ResultsView(analysis.analysis(), analysis.results()));
        views.put(Section.SEGMENTS, new SegmentsView(analysis.analysis(), analysis.segments()));
        views.put(Section.GUARDRAILS, new GuardrailsView(analysis.analysis(), analysis.guardrails()));
        views.put(Section.DECISION, new dev.arbiter.app.decision.DecisionView(analysis.analysis(), analysis.decision()));
        setCenter(new SectionPane(model, new EmptyStateView(this::runAction), views,
                javafx.beans.binding.Bindings.isNotEmpty(analysis.analysis().experiments())));
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

    private void showAbout() {
        executor.submit(BackgroundTask.of("Reading versions", context -> AboutInfoReader.read())
                .withOnSuccess(info -> new AboutDialog(getScene().getWindow(), info).show())
                .withSuccessMessage(info -> "Arbiter " + info.arbiterVersion()));
    }
}
