package dev.arbiter.app.cli;

import dev.arbiter.app.ArbiterApp;
import java.nio.file.Path;
import javafx.application.Application;

/** Starts the JavaFX toolkit and the window; the only CLI path that touches JavaFX. */
final class DesktopLauncher {
    private DesktopLauncher() {
    }

    static void launch(Path workspace, java.util.List<Path> files) {
        java.util.List<String> arguments = new java.util.ArrayList<>();
        if (workspace != null) {
            arguments.add(workspace.toString());
            files.forEach(file -> arguments.add(file.toString()));
        }
        Application.launch(ArbiterApp.class, arguments.toArray(String[]::new));
    }
}
