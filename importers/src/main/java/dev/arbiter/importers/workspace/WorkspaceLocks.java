package dev.arbiter.importers.workspace;

import java.nio.file.Path;
import java.time.Duration;
import org.duckdb.DuckDBConnection;

/** Opening a workspace file that is in use: tried again until it is free, for a bounded time. */
final class WorkspaceLocks {
    private static final long PAUSE_MS = 50;

    private WorkspaceLocks() {
    }

    /** Opens the file. */
    @FunctionalInterface
    interface Opening {
        DuckDBConnection open() throws WorkspaceException;
    }

    /**
     * Opens with {@code opening}, trying again while the file is in use, for up to {@code wait};
     * then fails with a message that says why, naming the file.
     */
    static DuckDBConnection waitFor(Opening opening, Duration wait, Path file) throws WorkspaceException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            try {
                return opening.open();
            } catch (WorkspaceException e) {
                if (!Workspace.inUse(e) || System.nanoTime() > deadline) {
                    throw Workspace.inUse(e) ? new WorkspaceException(e.getMessage() + " (waited " + wait.toSeconds()
                            + " s for " + file.getFileName() + " to be free)", e) : e;
                }
                pause();
            }
        }
    }

    private static void pause() throws WorkspaceException {
        try {
            Thread.sleep(PAUSE_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorkspaceException("interrupted while waiting for the workspace", e);
        }
    }
}
