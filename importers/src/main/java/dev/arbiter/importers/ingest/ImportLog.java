package dev.arbiter.importers.ingest;

import dev.arbiter.importers.workspace.WorkspaceSchema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Writes an import's log row, its rejected rows and the dataset's roles, in the import's transaction. */
final class ImportLog {
    private static final String TMP_REJECTS = "arbiter_tmp_reject_errors";
    /** Long prompts and responses fit on one CSV line; DuckDB's default limit is 2 MB. */
    static final int MAX_LINE_BYTES = 64 * 1024 * 1024;

    private ImportLog() {
    }

    /** The reject-table options for {@code read_csv}, fixed names in the connection's temp catalog; optionally long lines. */
    static String csvRejectOptions(boolean longLines) {
        return "store_rejects = true, rejects_table = '" + TMP_REJECTS + "', rejects_scan = 'arbiter_tmp_reject_scans'"
                + (longLines ? ", max_line_size = " + MAX_LINE_BYTES : "");
    }

    static long nextImportId(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT coalesce(max(import_id), 0) + 1 FROM " + WorkspaceSchema.IMPORTS)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** An earlier import of the same bytes: "dataset 'events' on 2026-11-23T10:00Z". */
    static Optional<String> earlierImport(Connection connection, String sha256) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT dataset, file_name, finished_at FROM "
                + WorkspaceSchema.IMPORTS + " WHERE sha256 = ? ORDER BY import_id LIMIT 1")) {
            query.setString(1, sha256);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of("into dataset '" + rows.getString(1) + "' (as " + rows.getString(2)
                        + ") on " + rows.getObject(3, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC)) : Optional.empty();
            }
        }
    }

    /** Copies DuckDB's CSV rejects into {@code arbiter_rejects}; returns the number of rejected lines. */
    static long copyCsvRejects(Connection connection, long importId, String file) throws SQLException {
        try (PreparedStatement copy = connection.prepareStatement("INSERT INTO " + WorkspaceSchema.REJECTS
                + " SELECT ?, ?, line, column_name, csv_line, error_type || ': ' || error_message FROM " + TMP_REJECTS)) {
            copy.setLong(1, importId);
            copy.setString(2, file);
            copy.executeUpdate();
        }
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(DISTINCT line) FROM " + TMP_REJECTS)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    static void writeRejects(Connection connection, long importId, String file, List<JsonLinesCheck.Rejected> rejected)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + WorkspaceSchema.REJECTS
                + " VALUES (?, ?, ?, NULL, ?, ?)")) {
            for (JsonLinesCheck.Rejected row : rejected) {
                insert.setLong(1, importId);
                insert.setString(2, file);
                insert.setLong(3, row.line());
                insert.setString(4, row.raw());
                insert.setString(5, row.reason());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    static void writeRoles(Connection connection, String dataset, Map<Role, String> roles) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + WorkspaceSchema.ROLES + " WHERE dataset = ?")) {
            delete.setString(1, dataset);
            delete.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + WorkspaceSchema.ROLES + " VALUES (?, ?, ?)")) {
            for (Map.Entry<Role, String> role : roles.entrySet()) {
                insert.setString(1, dataset);
                insert.setString(2, role.getKey().key());
                insert.setString(3, role.getValue());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** The log row; {@code report} carries counts, the rest what was read and how. */
    static void writeImport(Connection connection, ImportReport report, Source source, long sizeBytes, String mode,
                            String options, Instant started, Instant finished) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + WorkspaceSchema.IMPORTS
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, report.importId());
            insert.setString(2, report.dataset());
            insert.setString(3, report.file());
            insert.setString(4, source.files().size() == 1 ? source.files().get(0).toString() : source.given());
            insert.setLong(5, sizeBytes);
            insert.setString(6, report.sha256());
            insert.setString(7, report.format().label());
            insert.setString(8, mode);
            insert.setLong(9, report.rowsRead());
            insert.setLong(10, report.rowsLoaded());
            insert.setLong(11, report.rowsRejected());
            insert.setLong(12, report.duplicatesDropped());
            insert.setString(13, options);
            insert.setString(14, String.join("\n", report.warnings()));
            insert.setObject(15, OffsetDateTime.ofInstant(started, ZoneOffset.UTC));
            insert.setObject(16, OffsetDateTime.ofInstant(finished, ZoneOffset.UTC));
            insert.executeUpdate();
        }
    }
}
