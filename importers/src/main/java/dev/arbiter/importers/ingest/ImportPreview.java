package dev.arbiter.importers.ingest;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What an import would read, before anything is written: the detected format, the columns with
 * their types, the roles detected for them, the free-text columns, and the first rows as text.
 * Computed in a throwaway in-memory DuckDB, never in the workspace.
 *
 * @param source      the detected source
 * @param columns     columns and DuckDB types
 * @param roles       detected roles
 * @param textColumns free-text columns (not stored unless kept, hashed or redacted)
 * @param privacy     what the default policy stores of each free-text or label-like text column
 * @param rows        the first rows, values as text (null for SQL NULL)
 * @param warnings    what the reader noticed (e.g. skipped non-LLM spans)
 */
public record ImportPreview(Source source, List<ColumnInfo> columns, Map<Role, String> roles, List<String> textColumns,
                            List<ColumnPrivacy.Decision> privacy, List<List<String>> rows, List<String> warnings) {
    public ImportPreview {
        columns = List.copyOf(columns);
        roles = Map.copyOf(roles);
        textColumns = List.copyOf(textColumns);
        privacy = List.copyOf(privacy);
        rows = List.copyOf(rows);
        warnings = List.copyOf(warnings);
    }

    /** The dataset name an import would use by default, from the file name. */
    public String suggestedDataset() {
        return DatasetNames.derive(source);
    }

    /** Reads the first {@code limit} rows of {@code given} (a file, folder or glob). */
    public static ImportPreview of(String given, int limit) throws ImportException {
        Source source = SourceSniffer.detect(given);
        List<String> warnings = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
            SourceRelation reader = SourceRelation.open(connection, source, warnings, false);
            List<ColumnInfo> columns = Tables.describe(connection, reader);
            RoleDetector.Detection detection = RoleDetector.detect(source.format(), columns);
            List<ColumnPrivacy.Decision> privacy = ColumnPrivacy.decide(connection, reader.relation(), reader::bind, columns,
                    detection.textColumns(), detection.roles(), ImportOptions.defaults());
            List<String> freeText = privacy.stream().filter(d -> d.reason() != ColumnPrivacy.Reason.FEW_VALUES)
                    .map(ColumnPrivacy.Decision::column).toList();
            return new ImportPreview(source, columns, detection.roles(), freeText, privacy,
                    firstRows(connection, reader, columns.size(), limit), warnings);
        } catch (SQLException e) {
            throw new ImportException(DuckDbErrors.describe(source.displayName(), e), e);
        } catch (IOException e) {
            throw new ImportException(source.displayName() + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static List<List<String>> firstRows(Connection connection, SourceRelation reader, int width, int limit)
            throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT * FROM " + reader.relation() + " LIMIT " + limit)) {
            reader.bind(query);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    List<String> row = new ArrayList<>(width);
                    for (int i = 1; i <= width; i++) {
                        row.add(result.getString(i));
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }
}
