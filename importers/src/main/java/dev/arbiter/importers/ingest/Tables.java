package dev.arbiter.importers.ingest;

import dev.arbiter.importers.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Small catalog queries of the import, names quoted and values bound. */
final class Tables {
    private Tables() {
    }

    static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    static List<ColumnInfo> describe(Connection connection, SourceRelation reader) throws SQLException {
        List<ColumnInfo> columns = new ArrayList<>();
        try (PreparedStatement describe = connection.prepareStatement("DESCRIBE SELECT * FROM " + reader.relation())) {
            reader.bind(describe);
            try (ResultSet rows = describe.executeQuery()) {
                while (rows.next()) {
                    columns.add(new ColumnInfo(rows.getString("column_name"), rows.getString("column_type")));
                }
            }
        }
        return columns;
    }

    /** The columns of a temporary table (the import's sample), as DuckDB types them. */
    static List<ColumnInfo> describeTemp(Connection connection, String table) throws SQLException {
        List<ColumnInfo> columns = new ArrayList<>();
        try (Statement describe = connection.createStatement(); ResultSet rows = describe.executeQuery("DESCRIBE " + table)) {
            while (rows.next()) {
                columns.add(new ColumnInfo(rows.getString("column_name"), rows.getString("column_type")));
            }
        }
        return columns;
    }

    /** The stored columns of a table. */
    static List<ColumnInfo> columns(Connection connection, String table) throws SQLException {
        List<ColumnInfo> columns = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT column_name, data_type FROM "
                + "information_schema.columns WHERE table_schema = 'main' AND table_name = ? ORDER BY ordinal_position")) {
            query.setString(1, table);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    columns.add(new ColumnInfo(rows.getString(1), rows.getString(2)));
                }
            }
        }
        return columns;
    }

    /**
     * The name a table goes by in the workspace when one matches {@code table} — DuckDB's
     * identifiers ignore case, so {@code BASE} is the table {@code base}.
     */
    static Optional<String> existingName(Connection connection, String table) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT table_name FROM information_schema.tables "
                + "WHERE table_schema = 'main' AND lower(table_name) = lower(?) ORDER BY table_name LIMIT 1")) {
            query.setString(1, table);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        }
    }

    /**
     * Whether some row of {@code table} has a value in some column (not null, and not blank when
     * read as text); stops at the first such row, so real data costs one row.
     */
    static boolean hasARowWithAValue(Connection connection, String table) throws SQLException {
        String empty = columns(connection, table).stream().map(column -> "NULLIF(TRIM(CAST(" + Sql.identifier(column.name())
                + " AS VARCHAR)), '') IS NULL").collect(Collectors.joining(" AND "));
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT 1 FROM " + Sql.identifier(table)
                     + (empty.isEmpty() ? "" : " WHERE NOT (" + empty + ")") + " LIMIT 1")) {
            return rows.next();
        }
    }

    static long count(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + Sql.identifier(table))) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
