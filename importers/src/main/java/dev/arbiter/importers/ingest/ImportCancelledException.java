package dev.arbiter.importers.ingest;

/** The analyst cancelled the import; the workspace is unchanged. */
public final class ImportCancelledException extends ImportException {
    private static final long serialVersionUID = 1L;

    public ImportCancelledException(String file) {
        super("Import of " + file + " cancelled; the workspace is unchanged.");
    }
}
