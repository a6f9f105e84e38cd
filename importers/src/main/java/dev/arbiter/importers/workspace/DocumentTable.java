package dev.arbiter.importers.workspace;

import dev.arbiter.importers.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A workspace table of JSON documents by key — one row per key: the key, the document, and when it
 * was written — as the workspace keeps its experiments, decision drafts and locked plans
 * (docs/workspace-format.md). The table is created on the first write, so older workspaces stay valid.
 */
public final class DocumentTable {
    /** One stored document. */
    public record Row(String key, String document, OffsetDateTime writtenAt) {
    }

    private final Workspace workspace;
    private final String tableName;
    private final String table;
    private final String keyColumn;
    private final String documentColumn;
    private final String timeColumn;

    /** Column names are the table's layout (a contract in docs/workspace-format.md), never user input. */
    public DocumentTable(Workspace workspace, String table, String keyColumn, String documentColumn, String timeColumn) {
        this.workspace = workspace;
        this.tableName = table;
        this.table = Sql.identifier(table);
        this.keyColumn = Sql.identifier(keyColumn);
        this.documentColumn = Sql.identifier(documentColumn);
        this.timeColumn = Sql.identifier(timeColumn);
    }

    /** Writes {@code document} under {@code key}, replacing what was there, in one transaction. */
    public void put(String key, String document) throws SQLException {
        workspace.write(connection -> {
            put(connection, key, document);
            return null;
        });
    }

    private void put(Connection connection, String key, String document) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement create = connection.createStatement()) {
            create.execute("CREATE TABLE IF NOT EXISTS " + table + " (" + keyColumn + " VARCHAR PRIMARY KEY, "
                    + documentColumn + " VARCHAR NOT NULL, " + timeColumn + " TIMESTAMPTZ NOT NULL)");
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " WHERE " + keyColumn + " = ?");
             PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table + " VALUES (?, ?, now())")) {
            delete.setString(1, key);
            delete.executeUpdate();
            insert.setString(1, key);
            insert.setString(2, document);
            insert.executeUpdate();
        }
        connection.commit();
    }

    /** The document under {@code key}, if any. */
    public Optional<Row> get(String key) throws SQLException {
        return rows(" WHERE " + keyColumn + " = ?", key).stream().findFirst();
    }

    /** Every document, by key. */
    public List<Row> all() throws SQLException {
        return rows(" ORDER BY " + keyColumn, null);
    }

    private List<Row> rows(String where, String key) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (Connection connection = workspace.newConnection()) {
            if (!Workspace.hasTable(connection, tableName)) {
                return rows;
            }
            try (PreparedStatement query = connection.prepareStatement("SELECT " + keyColumn + ", " + documentColumn + ", "
                    + timeColumn + " FROM " + table + where)) {
                if (key != null) {
                    query.setString(1, key);
                }
                try (ResultSet result = query.executeQuery()) {
                    while (result.next()) {
                        rows.add(new Row(result.getString(1), result.getString(2), result.getObject(3, OffsetDateTime.class)));
                    }
                }
            }
        }
        return rows;
    }
}
