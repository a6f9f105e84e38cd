package dev.arbiter.importers.workspace;

/**
 * A workspace could not be created, opened or read. The message is written for the analyst:
 * it names the file and says what is wrong, so callers can show it as it is.
 */
public final class WorkspaceException extends Exception {
    private static final long serialVersionUID = 1L;

    public WorkspaceException(String message) {
        super(message);
    }

    public WorkspaceException(String message, Throwable cause) {
        super(message, cause);
    }
}
