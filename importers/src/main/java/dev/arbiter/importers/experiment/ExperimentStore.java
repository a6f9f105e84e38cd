package dev.arbiter.importers.experiment;

import dev.arbiter.importers.workspace.Workspace;
import dev.arbiter.importers.workspace.WorkspaceException;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Experiment definitions saved in the workspace ({@code arbiter_experiments}: name, the definition
 * as JSON — the same text as an experiment file — and when it was saved), so a workspace carries its
 * experiments with its data.
 */
public final class ExperimentStore {
    /** The table; created on first save in workspaces that predate it. */
    public static final String TABLE = "arbiter_experiments";
    static final String CREATE = "CREATE TABLE IF NOT EXISTS " + TABLE + " (name VARCHAR PRIMARY KEY, "
            + "definition VARCHAR NOT NULL, saved_at TIMESTAMPTZ NOT NULL)";

    private final Workspace workspace;

    public ExperimentStore(Workspace workspace) {
        this.workspace = workspace;
    }

    /** Saves (or replaces) the definition under its name. */
    public void save(ExperimentDefinition definition) throws WorkspaceException {
        if (definition.name() == null || definition.name().isBlank()) {
            throw new WorkspaceException("An experiment needs a name to be saved.");
        }
        try (Connection connection = workspace.newConnection()) {
            connection.setAutoCommit(false);
            try (Statement create = connection.createStatement()) {
                create.execute(CREATE);
            }
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + TABLE + " WHERE name = ?");
                 PreparedStatement insert = connection.prepareStatement("INSERT INTO " + TABLE + " VALUES (?, ?, now())")) {
                delete.setString(1, definition.name());
                delete.executeUpdate();
                insert.setString(1, definition.name());
                insert.setString(2, ExperimentFile.toJson(definition));
                insert.executeUpdate();
            }
            connection.commit();
        } catch (SQLException e) {
            throw new WorkspaceException("Cannot save experiment '" + definition.name() + "': " + e.getMessage(), e);
        }
    }

    /** Every saved experiment, by name. */
    public List<ExperimentDefinition> all() throws WorkspaceException {
        List<ExperimentDefinition> definitions = new ArrayList<>();
        try (Connection connection = workspace.newConnection()) {
            if (!Workspace.hasTable(connection, TABLE)) {
                return definitions;
            }
            try (Statement query = connection.createStatement();
                 ResultSet rows = query.executeQuery("SELECT name, definition FROM " + TABLE + " ORDER BY name")) {
                while (rows.next()) {
                    definitions.add(ExperimentFile.parse(rows.getString(2), "experiment '" + rows.getString(1) + "'"));
                }
            }
            return definitions;
        } catch (SQLException | IOException e) {
            throw new WorkspaceException("Cannot read the experiments of " + workspace.file() + ": " + e.getMessage(), e);
        }
    }

    /** The experiment called {@code name}, if saved. */
    public Optional<ExperimentDefinition> get(String name) throws WorkspaceException {
        return all().stream().filter(d -> name.equals(d.name())).findFirst();
    }
}
