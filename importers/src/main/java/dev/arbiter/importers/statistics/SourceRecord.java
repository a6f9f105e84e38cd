package dev.arbiter.importers.statistics;

/**
 * Where a warehouse analysis read its events and what came back (issue 20), recorded in the analysis
 * JSON ({@code source}) and the decision PDF so a reader knows what was analysed and {@code reproduce}
 * can say whether the table changed.
 *
 * @param engine           the dialect spoken ("Spark SQL", "DuckDB", "standard SQL")
 * @param url              the JDBC URL without its parameters (which may hold a secret)
 * @param table            the events' table as given
 * @param rows             the table's rows when it was read
 * @param dataFingerprint  a hash of every row computed in the engine (comparable on the same engine
 *                         only), or null where the engine has no row hash Arbiter knows
 * @param queryFingerprint SHA-256 of the SQL the analysis ran (the same definition and version: the same)
 * @param resultRows       rows that came back to Arbiter, over all queries
 * @param bytesReturned    bytes of the values that came back (aggregates only)
 */
public record SourceRecord(String engine, String url, String table, long rows, String dataFingerprint,
                           String queryFingerprint, long resultRows, long bytesReturned) {
}
