package dev.arbiter.importers.ingest;

/**
 * An import failed or was refused. The message is one line for the analyst: the file, where in
 * it (line, column) when known, and what is wrong. The workspace is unchanged.
 */
public class ImportException extends Exception {
    private static final long serialVersionUID = 1L;

    public ImportException(String message) {
        super(message);
    }

    public ImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
