package dev.arbiter.importers.ingest;

import dev.arbiter.importers.workspace.WorkspaceSchema;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** Writes an import's log row, its rejected rows and the dataset's roles, in the import's transaction. */
final class ImportLog {
    private static final String TMP_REJECTS = "arbiter_tmp_reject_errors";
    private static final String TMP_SCANS = "arbiter_tmp_reject_scans";
    /** Long prompts and responses fit on one CSV line; DuckDB's default limit is 2 MB. */
    static final int MAX_LINE_BYTES = 64 * 1024 * 1024;

    private ImportLog() {
    }

    /** The reject-table options for {@code read_csv}, fixed names in the connection's temp catalog; optionally long lines. */
    static String csvRejectOptions(boolean longLines) {
        return "store_rejects = true, rejects_table = '" + TMP_REJECTS + "', rejects_scan = '" + TMP_SCANS + "'"
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

    /**
     * Copies DuckDB's CSV rejects into {@code arbiter_rejects}, one row per rejected record with all
     * its problems (columns and reasons joined), numbered by the physical line where the record
     * starts in its file; returns the number of rejected records.
     */
    /** Forgets the rows DuckDB's CSV reader rejected so far in this connection (in scans before the load). */
    static void clearCsvRejects(Connection connection) throws SQLException {
        Tables.execute(connection, "DROP TABLE IF EXISTS " + TMP_REJECTS);
        Tables.execute(connection, "DROP TABLE IF EXISTS " + TMP_SCANS);
    }

    static long copyCsvRejects(Connection connection, long importId, String file) throws SQLException {
        List<RejectedRecord> records = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT s.file_path, r.line, min(r.line_byte_position) AS start, "
                     + "string_agg(DISTINCT r.column_name, ', ' ORDER BY r.column_name) AS columns, min(r.csv_line) AS raw, "
                     + "string_agg(r.error_type || ': ' || r.error_message, '; ' ORDER BY r.column_idx) AS reasons FROM "
                     + TMP_REJECTS + " r JOIN " + TMP_SCANS + " s ON r.scan_id = s.scan_id AND r.file_id = s.file_id "
                     + "GROUP BY s.file_path, r.line ORDER BY s.file_path, r.line")) {
            while (rows.next()) {
                Object start = rows.getObject("start");
                records.add(new RejectedRecord(rows.getString("file_path"), rows.getLong("line"),
                        start == null ? null : ((Number) start).longValue(), rows.getString("columns"),
                        rows.getString("raw"), rows.getString("reasons")));
            }
        }
        Map<String, Map<Long, Long>> lines = physicalLines(records);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + WorkspaceSchema.REJECTS
                + " VALUES (?, ?, ?, ?, ?, ?)")) {
            for (RejectedRecord record : records) {
                Map<Long, Long> inFile = lines.get(record.path());
                Long line = inFile == null || record.start() == null ? null : inFile.get(record.start());
                insert.setLong(1, importId);
                insert.setString(2, file);
                insert.setLong(3, line == null ? record.record() : line);
                insert.setString(4, record.columns());
                insert.setString(5, record.raw());
                insert.setString(6, record.reasons());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        return records.size();
    }

    /** One rejected CSV record: its file, DuckDB's record number, its first byte, and what was wrong. */
    private record RejectedRecord(String path, long record, Long start, String columns, String raw, String reasons) {
    }

    /** Per file, the physical line of each rejected record's first byte (none when the file cannot be read again). */
    private static Map<String, Map<Long, Long>> physicalLines(List<RejectedRecord> records) {
        Map<String, TreeSet<Long>> offsets = new HashMap<>();
        records.stream().filter(record -> record.start() != null)
                .forEach(record -> offsets.computeIfAbsent(record.path(), p -> new TreeSet<>()).add(record.start()));
        Map<String, Map<Long, Long>> lines = new HashMap<>();
        offsets.forEach((path, starts) -> {
            try {
                lines.put(path, PhysicalLines.of(Path.of(path), starts));
            } catch (IOException | InvalidPathException e) {
                // the record number DuckDB gave stays (it is the line when no value spans lines)
            }
        });
        return lines;
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
