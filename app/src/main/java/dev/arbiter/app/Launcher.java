package dev.arbiter.app;

import dev.arbiter.app.cli.ArbiterCommand;
import dev.arbiter.importers.workspace.DuckDbEngine;
import java.util.Optional;

/**
 * Entry point of {@code arbiter.jar} and the native launcher. Without a subcommand it opens the
 * window; with one (or {@code --help}, {@code --version}) it runs headless and never starts
 * the JavaFX toolkit; an engine command may run in a second JVM with the class archive
 * ({@link ClassArchiveLaunch}). Deliberately not a JavaFX {@code Application}, so the class path works.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) throws InterruptedException {
        Optional<Integer> launched = ClassArchiveLaunch.runElsewhere(args);
        if (launched.isPresent()) {
            System.exit(launched.get());
        }
        int exitCode = ArbiterCommand.run(args);
        DuckDbEngine.awaitLoad(10);
        System.exit(exitCode);
    }
}
