package dev.arbiter.importers.ingest;

/** The same bytes (SHA-256) were imported before; the analyst may confirm to import them again. */
public final class AlreadyImportedException extends ImportException {
    private static final long serialVersionUID = 1L;
    private final String earlier;

    public AlreadyImportedException(String file, String sha256, String earlier) {
        super(file + " (SHA-256 " + sha256.substring(0, 12) + "…) was already imported " + earlier
                + "; use --append to import it again");
        this.earlier = earlier;
    }

    /** E.g. "into dataset 'events' (as events.csv) on 2026-11-23T19:40:01Z". */
    public String earlier() {
        return earlier;
    }
}
