package dev.arbiter.app.shell;

import dev.arbiter.importers.workspace.Workspace;
import dev.arbiter.importers.workspace.WorkspaceException;
import java.nio.file.Path;

/** Creates and opens workspace files; the seam lets tests observe where the work runs. */
public interface WorkspaceStore {
    Workspace create(Path file) throws WorkspaceException;

    Workspace open(Path file) throws WorkspaceException;

    /** Opens the file so DuckDB may read the files being imported (see decision 0004). */
    default Workspace openForImport(Path file) throws WorkspaceException {
        return Workspace.open(file, dev.arbiter.importers.workspace.Access.IMPORT);
    }

    /** Workspaces as DuckDB files, recording {@code appVersion} in new ones. */
    static WorkspaceStore files(String appVersion) {
        return new WorkspaceStore() {
            @Override
            public Workspace create(Path file) throws WorkspaceException {
                return Workspace.create(file, appVersion);
            }

            @Override
            public Workspace open(Path file) throws WorkspaceException {
                return Workspace.open(file);
            }
        };
    }
}
