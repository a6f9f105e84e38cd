package dev.arbiter.app.shell;

import dev.arbiter.importers.ingest.ImportMonitor;
import dev.arbiter.importers.workspace.Access;
import dev.arbiter.importers.workspace.Workspace;
import dev.arbiter.importers.workspace.WorkspaceException;
import dev.arbiter.samples.SampleWorkspaces;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Workspaces as DuckDB files, recording the app's version in new ones; samples built once per
 * version. The app holds a workspace read-only ({@link Access#READ}), so that {@code arbiter analyze}
 * and other programs can read it while the window is open; a save makes it writable for the write
 * only ({@link Workspace#write}).
 */
final class FileWorkspaceStore implements WorkspaceStore {
    private final String appVersion;

    FileWorkspaceStore(String appVersion) {
        this.appVersion = appVersion;
    }

    @Override
    public Workspace create(Path file) throws WorkspaceException {
        Workspace.create(file, appVersion).close();
        return open(file);
    }

    @Override
    public Workspace open(Path file) throws WorkspaceException {
        return Workspace.open(file, Access.READ);
    }

    @Override
    public boolean hasSample(String name) {
        return Files.exists(sampleFile(name));
    }

    // one folder per Arbiter version: a newer version's samples are built afresh
    private Path sampleFile(String name) {
        return WorkspaceStore.samplesFolder().resolve(appVersion).resolve(name + Workspace.EXTENSION);
    }

    @Override
    public Workspace openSample(String name, ImportMonitor monitor) throws Exception {
        Path file = sampleFile(name);
        if (!Files.exists(file)) {
            build(name, file, monitor);
        }
        return open(file);
    }

    /** Builds the sample under another name and moves it, so an interrupted first open leaves no half-made sample. */
    private void build(String name, Path file, ImportMonitor monitor) throws Exception {
        Files.createDirectories(file.getParent());
        Path building = file.resolveSibling(name + ".building-" + ProcessHandle.current().pid() + Workspace.EXTENSION);
        Files.deleteIfExists(building);
        Path experiment = SampleWorkspaces.create(name, building, appVersion, monitor);
        Files.move(building, file, StandardCopyOption.ATOMIC_MOVE);
        Files.move(experiment, file.resolveSibling(name + ".experiment.json"), StandardCopyOption.REPLACE_EXISTING);
    }
}
