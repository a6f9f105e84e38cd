package dev.arbiter.app.desktop;

import dev.arbiter.app.common.BuildInfo;
import dev.arbiter.app.common.settings.PreferencesSettings;
import dev.arbiter.app.shell.WorkspaceStore;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.stage.Stage;

/**
 * The JavaFX application: opens the main window, and the workspace named on the command line, or
 * with nothing given the support-bot sample (-Darbiter.noSample=true opens an empty window).
 */
public final class ArbiterApp extends Application {
    @Override
    public void start(Stage stage) {
        String snapshot = System.getProperty("arbiter.snapshot");
        MainWindow window = MainWindow.show(stage, snapshot != null ? new dev.arbiter.app.common.settings.InMemorySettings()
                : PreferencesSettings.forUser(), WorkspaceStore.files(BuildInfo.version()));
        if (snapshot != null) {
            String experiment = System.getProperty("arbiter.snapshot.experiment");
            if (experiment != null) {
                try {
                    window.analysis().analysis().pin(dev.arbiter.importers.experiment.ExperimentFile.read(Path.of(experiment)));
                } catch (java.io.IOException e) {
                    System.err.println("arbiter: " + e.getMessage());
                    javafx.application.Platform.exit();
                    return;
                }
            }
            String themes = System.getProperty("arbiter.snapshot.themes", "light");
            new dev.arbiter.app.desktop.Snapshots(window, Path.of(snapshot), java.util.Arrays.stream(themes.split(","))
                    .map(t -> dev.arbiter.app.common.Theme.valueOf(t.trim().toUpperCase(java.util.Locale.ROOT))).toList())
                    .start(60);
        }
        window.setBrowser(getHostServices()::showDocument);
        if (StartupProbe.requested()) {
            StartupProbe.watch(window);
        }
        List<String> arguments = getParameters().getUnnamed();
        if (!arguments.isEmpty()) {
            window.model().openWorkspace(Path.of(arguments.get(0)));
            offerForImport(window, arguments.subList(1, arguments.size()).stream().map(Path::of).toList());
        } else if (!Boolean.getBoolean("arbiter.noSample")) {
            // nothing given: show a full experiment at once (created on first launch)
            window.model().openSample(dev.arbiter.samples.SampleCatalog.FIRST);
        }
    }

    /** Once the workspace is open, the remaining arguments go to the import preview, as if dropped. */
    private static void offerForImport(MainWindow window, List<Path> files) {
        if (files.isEmpty()) {
            return;
        }
        window.model().workspaceProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends dev.arbiter.importers.workspace.WorkspaceSummary> value,
                                dev.arbiter.importers.workspace.WorkspaceSummary old,
                                dev.arbiter.importers.workspace.WorkspaceSummary now) {
                if (now != null) {
                    value.removeListener(this);
                    window.data().requestImport(files);
                }
            }
        });
    }
}
