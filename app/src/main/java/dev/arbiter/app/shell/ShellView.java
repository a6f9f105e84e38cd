package dev.arbiter.app.shell;

import dev.arbiter.app.common.task.BackgroundTask;
import dev.arbiter.app.common.task.TaskExecutor;
import dev.arbiter.app.importing.DataView;
import dev.arbiter.app.importing.DataViewModel;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;

/** The main window's content: menu bar, left navigation, the selected section, status bar. */
public final class ShellView extends BorderPane {
    private final ShellViewModel model;
    private final TaskExecutor executor;

    public ShellView(ShellViewModel model, StatusBarViewModel status, TaskExecutor executor, DataViewModel data,
                     Runnable quit) {
        this.model = model;
        this.executor = executor;
        setId("shell");
        getStyleClass().add("shell");
        DataView dataView = new DataView(data, model);
        setTop(new ShellMenuBar(model, this::dialogs, this::showAbout, quit));
        setLeft(new NavigationView(model));
        setCenter(new SectionPane(model, new EmptyStateView(this::runAction), dataView));
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
        }
    }

    private void showAbout() {
        executor.submit(BackgroundTask.of("Reading versions", context -> AboutInfoReader.read())
                .withOnSuccess(info -> new AboutDialog(getScene().getWindow(), info).show())
                .withSuccessMessage(info -> "Arbiter " + info.arbiterVersion()));
    }
}
