package dev.arbiter.app.desktop;

import dev.arbiter.app.common.BuildInfo;
import dev.arbiter.app.common.Theme;
import dev.arbiter.app.common.settings.InMemorySettings;
import dev.arbiter.app.common.settings.PreferencesSettings;
import dev.arbiter.app.shell.WorkspaceStore;
import dev.arbiter.importers.experiment.ExperimentFile;
import dev.arbiter.importers.workspace.WorkspaceSummary;
import dev.arbiter.samples.SampleCatalog;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.stage.Stage;

/**
 * The JavaFX application: opens the main window, and the workspace named on the command line, or
 * with nothing given the support-bot sample (-Darbiter.noSample=true opens an empty window).
 */
public final class ArbiterApp extends Application {
    @Override
    public void start(Stage stage) {
        String snapshot = System.getProperty("arbiter.snapshot");
        MainWindow window = MainWindow.show(stage, snapshot != null ? new InMemorySettings()
                : PreferencesSettings.forUser(), WorkspaceStore.files(BuildInfo.version()));
        if (snapshot != null && !startSnapshots(window, Path.of(snapshot))) {
            return;
        }
        window.setBrowser(getHostServices()::showDocument);
        if (StartupProbe.requested()) {
            StartupProbe.watch(window);
        }
        open(window, getParameters().getUnnamed());
    }

    /** Screenshots of every section (arbiter snapshot); false when the experiment asked for cannot be read. */
    private static boolean startSnapshots(MainWindow window, Path folder) {
        String experiment = System.getProperty("arbiter.snapshot.experiment");
        if (experiment != null) {
            try {
                window.analysis().analysis().pin(ExperimentFile.read(Path.of(experiment)));
            } catch (IOException e) {
                System.err.println("arbiter: " + e.getMessage());
                Platform.exit();
                return false;
            }
        }
        String themes = System.getProperty("arbiter.snapshot.themes", "light");
        new Snapshots(window, folder, Arrays.stream(themes.split(","))
                .map(t -> Theme.valueOf(t.trim().toUpperCase(Locale.ROOT))).toList())
                .start(60);
        return true;
    }

    /** The workspace named first (the other arguments offered for import), else the first sample. */
    private static void open(MainWindow window, List<String> arguments) {
        if (!arguments.isEmpty()) {
            window.model().openWorkspace(Path.of(arguments.get(0)));
            offerForImport(window, arguments.subList(1, arguments.size()).stream().map(Path::of).toList());
        } else if (!Boolean.getBoolean("arbiter.noSample")) {
            // nothing given: show a full experiment at once (created on first launch)
            window.model().openSample(SampleCatalog.FIRST);
        }
    }

    /** Once the workspace is open, the remaining arguments go to the import preview, as if dropped. */
    private static void offerForImport(MainWindow window, List<Path> files) {
        if (files.isEmpty()) {
            return;
        }
        window.model().workspaceProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends WorkspaceSummary> value,
                                WorkspaceSummary old,
                                WorkspaceSummary now) {
                if (now != null) {
                    value.removeListener(this);
                    window.data().requestImport(files);
                }
            }
        });
    }
}
