package dev.arbiter.importers.ingest;

import dev.arbiter.importers.workspace.Workspace;
import dev.arbiter.importers.workspace.WorkspaceException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/** Changes a dataset's column roles after import (the analyst corrects the mapping). */
public final class RoleStore {
    private RoleStore() {
    }

    /** Replaces the roles of {@code dataset}; every column must exist in it. */
    public static void save(Workspace workspace, String dataset, Map<Role, String> roles) throws WorkspaceException {
        try {
            try (Connection connection = workspace.newConnection()) {
                check(workspace, connection, dataset, roles);
            }
            workspace.write(connection -> {
                connection.setAutoCommit(false);
                ImportLog.writeRoles(connection, dataset, roles);
                connection.commit();
                return null;
            });
        } catch (SQLException e) {
            throw new WorkspaceException("Cannot save the roles of '" + dataset + "': " + e.getMessage(), e);
        }
    }

    private static void check(Workspace workspace, Connection connection, String dataset, Map<Role, String> roles)
            throws SQLException, WorkspaceException {
        var columns = Tables.columns(connection, dataset).stream().map(ColumnInfo::name).toList();
        if (columns.isEmpty()) {
            throw new WorkspaceException("There is no dataset '" + dataset + "' in " + workspace.file() + ".");
        }
        for (Map.Entry<Role, String> role : roles.entrySet()) {
            if (!columns.contains(role.getValue())) {
                throw new WorkspaceException("Dataset '" + dataset + "' has no column '" + role.getValue() + "' for role "
                        + role.getKey().key() + ".");
            }
        }
    }
}
