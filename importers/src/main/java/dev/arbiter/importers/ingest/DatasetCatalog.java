package dev.arbiter.importers.ingest;


import dev.arbiter.importers.CsvText;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import dev.arbiter.importers.workspace.Workspace;
import dev.arbiter.importers.workspace.WorkspaceException;
import dev.arbiter.importers.workspace.WorkspaceSchema;

/** Reads what a workspace holds: datasets with their columns and roles, the import history, rejected rows. */
public final class DatasetCatalog {
    /** A dataset: its size, columns, roles and the imports that filled it. */
    public record DatasetInfo(String name, long rows, List<ColumnInfo> columns, Map<Role, String> roles,
                              List<ImportRecord> imports) {
        public DatasetInfo {
            columns = List.copyOf(columns);
            roles = Map.copyOf(roles);
            imports = List.copyOf(imports);
        }
    }

    /** One row of the import log. */
    public record ImportRecord(long importId, String dataset, String fileName, String filePath, long sizeBytes,
                               String sha256, String format, String mode, long rowsRead, long rowsLoaded,
                               long rowsRejected, long duplicatesDropped, List<String> warnings, OffsetDateTime startedAt,
                               OffsetDateTime finishedAt) {
        public ImportRecord {
            warnings = List.copyOf(warnings);
        }
    }

    /** A rejected row: where it was and why. */
    public record RejectedRow(long importId, String fileName, Long line, String column, String rawText, String reason) {
    }

    private final Workspace workspace;

    public DatasetCatalog(Workspace workspace) {
        this.workspace = workspace;
    }

    /** The columns of {@code dataset} with their SQL types, in table order; empty when there is no such dataset. */
    public static List<ColumnInfo> columns(Connection connection, String dataset) throws SQLException {
        return Tables.columns(connection, dataset);
    }

    public List<DatasetInfo> datasets() throws WorkspaceException {
        try (Connection connection = workspace.newConnection()) {
            List<DatasetInfo> result = new ArrayList<>();
            List<ImportRecord> history = history(connection);
            for (String name : workspace.summary().datasets()) {
                result.add(new DatasetInfo(name, Tables.count(connection, name), Tables.columns(connection, name),
                        roles(connection, name), history.stream().filter(i -> i.dataset().equals(name)).toList()));
            }
            return result;
        } catch (SQLException e) {
            throw new WorkspaceException("Cannot read datasets of " + workspace.file() + ": " + e.getMessage(), e);
        }
    }

    /** Every import, oldest first. */
    public List<ImportRecord> history() throws WorkspaceException {
        try (Connection connection = workspace.newConnection()) {
            return history(connection);
        } catch (SQLException e) {
            throw new WorkspaceException("Cannot read the import log of " + workspace.file() + ": " + e.getMessage(), e);
        }
    }

    /** Rejected rows, in import and line order, at most {@code limit}. */
    public List<RejectedRow> rejects(int limit) throws WorkspaceException {
        List<RejectedRow> rows = new ArrayList<>();
        try (Connection connection = workspace.newConnection()) {
            if (!Workspace.hasTable(connection, WorkspaceSchema.REJECTS)) {
                return rows; // nothing imported yet
            }
            try (PreparedStatement query = connection.prepareStatement("SELECT import_id, file_name, line, column_name, "
                    + "raw_text, reason FROM " + WorkspaceSchema.REJECTS + " ORDER BY import_id, line LIMIT ?")) {
                query.setInt(1, limit);
                readRejects(query, rows);
            }
            return rows;
        } catch (SQLException e) {
            throw new WorkspaceException("Cannot read rejected rows of " + workspace.file() + ": " + e.getMessage(), e);
        }
    }

    private static void readRejects(PreparedStatement query, List<RejectedRow> rows) throws SQLException {
        try (ResultSet result = query.executeQuery()) {
            while (result.next()) {
                rows.add(new RejectedRow(result.getLong(1), result.getString(2), (Long) result.getObject(3),
                        result.getString(4), result.getString(5), result.getString(6)));
            }
        }
    }

    /** Writes every rejected row to a CSV file (RFC 4180 quoting) and returns how many. */
    public long exportRejects(Path csv) throws WorkspaceException, IOException {
        List<RejectedRow> rows = rejects(Integer.MAX_VALUE);
        try (Writer out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("import_id,file,line,column,raw_text,reason\r\n");
            for (RejectedRow row : rows) {
                out.write(row.importId() + "," + CsvText.quoted(row.fileName()) + "," + (row.line() == null ? "" : row.line()) + ","
                        + CsvText.quoted(row.column()) + "," + CsvText.quoted(row.rawText()) + "," + CsvText.quoted(row.reason()) + "\r\n");
            }
        }
        return rows.size();
    }

    private static Map<Role, String> roles(Connection connection, String dataset) throws SQLException {
        Map<Role, String> roles = new EnumMap<>(Role.class);
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT role, column_name FROM " + WorkspaceSchema.ROLES + " WHERE dataset = ?")) {
            query.setString(1, dataset);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    roles.put(Role.fromKey(rows.getString(1)), rows.getString(2));
                }
            }
        }
        return roles;
    }

    private static List<ImportRecord> history(Connection connection) throws SQLException {
        List<ImportRecord> records = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT import_id, dataset, file_name, file_path, size_bytes, "
                + "sha256, format, mode, rows_read, rows_loaded, rows_rejected, duplicates_dropped, warnings, started_at, "
                + "finished_at FROM " + WorkspaceSchema.IMPORTS + " ORDER BY import_id");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                String warnings = rows.getString(13);
                records.add(new ImportRecord(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4),
                        rows.getLong(5), rows.getString(6), rows.getString(7), rows.getString(8), rows.getLong(9),
                        rows.getLong(10), rows.getLong(11), rows.getLong(12),
                        warnings.isEmpty() ? List.of() : List.of(warnings.split("\n")),
                        rows.getObject(14, OffsetDateTime.class), rows.getObject(15, OffsetDateTime.class)));
            }
        }
        return records;
    }

}
