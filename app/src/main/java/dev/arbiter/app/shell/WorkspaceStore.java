package dev.arbiter.app.shell;

import dev.arbiter.importers.workspace.Workspace;
import dev.arbiter.importers.workspace.WorkspaceException;
import java.nio.file.Path;

/** Creates and opens workspace files; the seam lets tests observe where the work runs. */
public interface WorkspaceStore {
    Workspace create(Path file) throws WorkspaceException;

    Workspace open(Path file) throws WorkspaceException;

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
