package dev.arbiter.importers.ingest;

import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The outcome of one import. Rows read = loaded + rejected + duplicates dropped.
 *
 * @param importId          id in {@code arbiter_imports}
 * @param file              the file as shown to the user
 * @param dataset           the dataset written
 * @param format            detected format
 * @param sha256            SHA-256 of the file(s)
 * @param rowsRead          rows found in the file
 * @param rowsLoaded        rows now in the dataset from this file
 * @param rowsRejected      malformed rows, kept in {@code arbiter_rejects}
 * @param duplicatesDropped rows whose event id was already seen
 * @param seconds           wall time
 * @param roles             the roles in force for the dataset
 * @param warnings          things the analyst should know (no variant column, units in two arms, ...)
 */
public record ImportReport(long importId, String file, String dataset, SourceFormat format, String sha256, long rowsRead,
                           long rowsLoaded, long rowsRejected, long duplicatesDropped, double seconds,
                           Map<Role, String> roles, List<String> warnings) {
    public ImportReport {
        roles = Map.copyOf(roles);
        warnings = List.copyOf(warnings);
    }

    /** E.g. "events.csv → events: 9,998 rows loaded, 2 rejected, 0.84 s". */
    public String summary() {
        NumberFormat count = NumberFormat.getIntegerInstance(Locale.US);
        String duplicates = duplicatesDropped > 0 ? ", " + count.format(duplicatesDropped) + " duplicates dropped" : "";
        return String.format(Locale.ROOT, "%s -> %s: %s rows loaded, %s rejected%s, %.2f s", file, dataset,
                count.format(rowsLoaded), count.format(rowsRejected), duplicates, seconds);
    }
}
