package dev.arbiter.importers.decision;

import dev.arbiter.importers.workspace.Workspace;
import dev.arbiter.importers.workspace.WorkspaceException;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * Decisions saved in the workspace ({@code arbiter_decisions}: experiment name, the decision as JSON,
 * when it was saved). The Decision screen autosaves its draft here.
 */
public final class DecisionStore {
    /** The table; created on first save. */
    public static final String TABLE = "arbiter_decisions";

    private final Workspace workspace;

    public DecisionStore(Workspace workspace) {
        this.workspace = workspace;
    }

    /** Saves (or replaces) the decision of {@code record.experiment()}. */
    public void save(DecisionRecord record) throws WorkspaceException {
        try (Connection connection = workspace.newConnection()) {
            connection.setAutoCommit(false);
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (experiment VARCHAR PRIMARY KEY, "
                        + "decision VARCHAR NOT NULL, saved_at TIMESTAMPTZ NOT NULL)");
            }
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + TABLE + " WHERE experiment = ?");
                 PreparedStatement insert = connection.prepareStatement("INSERT INTO " + TABLE + " VALUES (?, ?, now())")) {
                delete.setString(1, record.experiment());
                delete.executeUpdate();
                insert.setString(1, record.experiment());
                insert.setString(2, DecisionFile.toJson(record));
                insert.executeUpdate();
            }
            connection.commit();
        } catch (SQLException e) {
            throw new WorkspaceException("Cannot save the decision on '" + record.experiment() + "': " + e.getMessage(), e);
        }
    }

    /** The saved decision on {@code experiment}, if any (a draft may be incomplete). */
    public Optional<DecisionRecord> get(String experiment) throws WorkspaceException {
        try (Connection connection = workspace.newConnection()) {
            if (!Workspace.hasTable(connection, TABLE)) {
                return Optional.empty();
            }
            try (PreparedStatement query = connection.prepareStatement("SELECT decision FROM " + TABLE + " WHERE experiment = ?")) {
                query.setString(1, experiment);
                try (ResultSet rows = query.executeQuery()) {
                    if (!rows.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(com.fasterxml.jackson.databind.json.JsonMapper.builder().build()
                            .readValue(rows.getString(1), DecisionRecord.class));
                }
            }
        } catch (SQLException | IOException e) {
            throw new WorkspaceException("Cannot read the decision on '" + experiment + "': " + e.getMessage(), e);
        }
    }
}
