package dev.arbiter.importers.statistics;

import dev.arbiter.importers.workspace.Access;
import dev.arbiter.importers.workspace.Workspace;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

/** Workspaces for the metric query tests. */
final class MetricsFixtures {
    private MetricsFixtures() {
    }

    /** A new workspace file in {@code dir} with table {@code events} made by {@code select} (DuckDB SQL). */
    static Path workspaceWithEvents(Path dir, String select) throws Exception {
        Path file = dir.resolve("w.arbiter");
        Workspace.create(file, "test").close();
        try (Workspace workspace = Workspace.open(file, Access.IMPORT); Connection connection = workspace.newConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE events AS " + select);
        }
        return file;
    }
}
