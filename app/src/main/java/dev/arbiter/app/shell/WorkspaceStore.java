package dev.arbiter.app.shell;

import dev.arbiter.importers.ingest.ImportMonitor;
import dev.arbiter.importers.workspace.Access;
import dev.arbiter.importers.workspace.Workspace;
import dev.arbiter.importers.workspace.WorkspaceException;
import java.nio.file.Path;

/** Creates and opens workspace files; the seam lets tests observe where the work runs. */
public interface WorkspaceStore {
    Workspace create(Path file) throws WorkspaceException;

    Workspace open(Path file) throws WorkspaceException;

    /**
     * The workspace of sample {@code name} in the samples folder, created on first use (events
     * imported, experiment saved), then opened for analysis.
     */
    Workspace openSample(String name, ImportMonitor monitor) throws Exception;

    /** Whether sample {@code name}'s workspace was made already (so opening it is quick). */
    default boolean hasSample(String name) {
        return false;
    }

    /** Where sample workspaces live (per version below it): {@code -Darbiter.samples=DIR}, else ~/.arbiter/samples. */
    static Path samplesFolder() {
        String configured = System.getProperty("arbiter.samples");
        return configured != null ? Path.of(configured) : Path.of(System.getProperty("user.home"), ".arbiter", "samples");
    }

    /** Opens the file so DuckDB may read the files being imported (see decision 0004). */
    default Workspace openForImport(Path file) throws WorkspaceException {
        return Workspace.open(file, Access.IMPORT);
    }

    /** Workspaces as DuckDB files, recording {@code appVersion} in new ones. */
    static WorkspaceStore files(String appVersion) {
        return new FileWorkspaceStore(appVersion);
    }
}
