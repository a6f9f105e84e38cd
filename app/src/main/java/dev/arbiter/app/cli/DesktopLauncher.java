package dev.arbiter.app.cli;

import dev.arbiter.app.ArbiterApp;
import java.nio.file.Path;
import javafx.application.Application;

/** Starts the JavaFX toolkit and the window; the only CLI path that touches JavaFX. */
final class DesktopLauncher {
    private DesktopLauncher() {
    }

    static void launch(Path workspace) {
        String[] arguments = workspace == null ? new String[0] : new String[] {workspace.toString()};
        Application.launch(ArbiterApp.class, arguments);
    }
}
