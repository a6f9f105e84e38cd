package dev.arbiter.app.shell;

import dev.arbiter.app.common.task.BackgroundTask;
import dev.arbiter.app.common.task.TaskExecutor;
import javafx.scene.layout.BorderPane;

/** The main window's content: menu bar, left navigation, the selected section, status bar. */
public final class ShellView extends BorderPane {
    private final ShellViewModel model;
    private final TaskExecutor executor;

    public ShellView(ShellViewModel model, StatusBarViewModel status, TaskExecutor executor, Runnable quit) {
        this.model = model;
        this.executor = executor;
        setId("shell");
        getStyleClass().add("shell");
        setTop(new ShellMenuBar(model, this::dialogs, this::showAbout, quit));
        setLeft(new NavigationView(model));
        setCenter(new SectionPane(model, new EmptyStateView(this::runAction)));
        setBottom(new StatusBarView(status));
    }

    private WorkspaceFileDialogs dialogs() {
        return new WorkspaceFileDialogs(getScene().getWindow());
    }

    private void runAction(EmptyState.Action action) {
        switch (action) {
            case NEW_WORKSPACE -> dialogs().chooseNew().ifPresent(model::createWorkspace);
            case OPEN_WORKSPACE -> dialogs().chooseExisting().ifPresent(model::openWorkspace);
        }
    }

    private void showAbout() {
        executor.submit(BackgroundTask.of("Reading versions", context -> AboutInfoReader.read())
                .withOnSuccess(info -> new AboutDialog(getScene().getWindow(), info).show())
                .withSuccessMessage(info -> "Arbiter " + info.arbiterVersion()));
    }
}
