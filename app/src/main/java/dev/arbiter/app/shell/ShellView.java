package dev.arbiter.app.shell;

import dev.arbiter.app.analysis.AnalysisViewModel;
import dev.arbiter.app.analysis.WarehouseDialog;
import dev.arbiter.app.common.AboutInfoReader;
import dev.arbiter.app.common.task.BackgroundTask;
import dev.arbiter.app.common.task.TaskExecutor;
import dev.arbiter.app.experiment.ExperimentEditorDialog;
import dev.arbiter.app.help.HelpWindow;
import dev.arbiter.samples.SampleCatalog;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;

/**
 * The main window's content: menu bar, left navigation, the selected section, status bar. The
 * sections' views come from the composition root (dev.arbiter.app.desktop), so the shell knows
 * no section but the shared analysis.
 */
public final class ShellView extends BorderPane {
    private final ShellViewModel model;
    private final TaskExecutor executor;
    private final AnalysisViewModel analysis;
    private Consumer<String> browser = url -> { };
    private HelpWindow help;

    /**
     * @param views   builds each section's view (called the first time the section is shown)
     * @param dropped files dropped anywhere on the window, for the import preview
     */
    public ShellView(ShellViewModel model, StatusBarViewModel status, TaskExecutor executor, AnalysisViewModel analysis,
                     Map<Section, Supplier<Node>> views, Consumer<List<Path>> dropped, Runnable quit) {
        this.model = model;
        this.executor = executor;
        this.analysis = analysis;
        setId("shell");
        getStyleClass().add("shell");
        setTop(new ShellMenuBar(model, this::dialogs, this::showHelp, this::showAbout, this::analyseWarehouse, quit));
        setLeft(new NavigationView(model));
        setCenter(new SectionPane(model, new EmptyStateView(this::runAction), views,
                Bindings.isNotEmpty(analysis.experiments()), analysis.busyProperty(), analysis.onWarehouseProperty()));
        setBottom(new StatusBarView(status));
        acceptDroppedFiles(dropped);
    }

    /** Files dropped anywhere on the window go to the import preview. */
    private void acceptDroppedFiles(Consumer<List<Path>> dropped) {
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
                dropped.accept(event.getDragboard().getFiles().stream().map(File::toPath).toList());
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
            case OPEN_SAMPLE -> model.openSample(SampleCatalog.FIRST);
            case NEW_EXPERIMENT -> ExperimentEditorDialog.open(getScene().getWindow(),
                    analysis.editor(), null, analysis::showSaved);
        }
    }

    /** Workspace → Analyse a Warehouse Table…: the table's analysis in the analysis sections (issue 20). */
    private void analyseWarehouse() {
        new WarehouseDialog(getScene().getWindow()).ask().ifPresent(request -> {
            analysis.analyseWarehouse(request);
            model.sectionProperty().set(Section.RESULTS);
        });
    }

    /** Sets what opens web addresses (the app's host services; nothing in tests). */
    public void setBrowser(Consumer<String> browser) {
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
