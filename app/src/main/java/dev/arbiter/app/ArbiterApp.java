package dev.arbiter.app;

import dev.arbiter.app.common.BuildInfo;
import dev.arbiter.app.common.settings.PreferencesSettings;
import dev.arbiter.app.shell.MainWindow;
import dev.arbiter.app.shell.WorkspaceStore;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application: opens the main window, and the workspace named on the command line. */
public final class ArbiterApp extends Application {
    @Override
    public void start(Stage stage) {
        MainWindow window = MainWindow.show(stage, PreferencesSettings.forUser(), WorkspaceStore.files(BuildInfo.version()));
        List<String> arguments = getParameters().getUnnamed();
        if (!arguments.isEmpty()) {
            window.model().openWorkspace(Path.of(arguments.get(0)));
        }
    }
}
