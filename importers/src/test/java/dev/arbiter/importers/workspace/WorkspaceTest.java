package dev.arbiter.importers.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceTest {
    @TempDir
    Path dir;

    @Test
    void createdWorkspaceReopensWithItsMetadataAndDatasets() throws Exception {
        Path file = dir.resolve("checkout.arbiter");
        try (Workspace workspace = Workspace.create(file, "0.1.0-test");
             Connection connection = workspace.newConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE events AS SELECT 1 AS x");
        }
        try (Workspace workspace = Workspace.open(file)) {
            WorkspaceSummary summary = workspace.summary();
            assertEquals("checkout", summary.name());
            assertEquals(Workspace.FORMAT_VERSION, summary.formatVersion());
            assertEquals("0.1.0-test", summary.createdWith());
            assertEquals(List.of("events"), summary.datasets());
        }
    }

    /** Issue 19 #5: the engine's memory is bounded (at most 4 GB), so a big analysis spills to disk. */
    @Test
    void theEngineMemoryIsBounded() throws Exception {
        Path file = dir.resolve("bounded.arbiter");
        Workspace.create(file, "0.1.0-test").close();
        try (Workspace workspace = Workspace.open(file); Connection connection = workspace.newConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT current_setting('memory_limit')")) {
            rows.next();
            String limit = rows.getString(1);
            String[] parts = limit.split(" ");
            double gib = Double.parseDouble(parts[0]) * switch (parts[1]) {
                case "GiB", "GB" -> 1;
                case "MiB", "MB" -> 1.0 / 1024;
                default -> throw new AssertionError("unexpected unit in " + limit);
            };
            assertTrue(gib > 0.2 && gib <= 4.0, "memory limit " + limit);
        }
    }

    @Test
    void workspaceFileOpensInPlainDuckDb() throws Exception {
        Path file = dir.resolve("plain.arbiter");
        Workspace.create(file, "test").close();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + file);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT value FROM arbiter_meta WHERE key = 'format_version'")) {
            assertTrue(rows.next());
            assertEquals("1", rows.getString(1));
        }
    }

    @Test
    void createRefusesToOverwriteAnExistingFile() throws Exception {
        Path file = Files.writeString(dir.resolve("taken.arbiter"), "precious");
        WorkspaceException error = assertThrows(WorkspaceException.class, () -> Workspace.create(file, "test"));
        assertTrue(error.getMessage().contains("already exists"), error.getMessage());
        assertEquals("precious", Files.readString(file));
    }

    @Test
    void openNamesTheMissingFile() {
        Path file = dir.resolve("missing.arbiter");
        WorkspaceException error = assertThrows(WorkspaceException.class, () -> Workspace.open(file));
        assertTrue(error.getMessage().contains(file.toString()), error.getMessage());
        assertTrue(error.getMessage().contains("does not exist"), error.getMessage());
    }

    @Test
    void openRejectsAFileThatIsNotADuckDbDatabase() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.arbiter"), "variant,converted\nA,1\n");
        WorkspaceException error = assertThrows(WorkspaceException.class, () -> Workspace.open(file));
        assertTrue(error.getMessage().contains("not an Arbiter workspace"), error.getMessage());
    }

    @Test
    void openRejectsADuckDbDatabaseWithoutArbiterMetadata() throws Exception {
        Path file = dir.resolve("other.duckdb");
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + file);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE t AS SELECT 1 AS x");
        }
        WorkspaceException error = assertThrows(WorkspaceException.class, () -> Workspace.open(file));
        assertTrue(error.getMessage().contains("not an Arbiter workspace"), error.getMessage());
    }
}
