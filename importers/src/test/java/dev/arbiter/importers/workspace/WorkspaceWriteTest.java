package dev.arbiter.importers.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19 #6: a read-only workspace (the app's) writes by becoming writable for the write only —
 * it waits for this process's running reads, gives up with a message after its wait, and stays
 * readable whatever happened.
 */
class WorkspaceWriteTest {
    @TempDir
    Path dir;

    private DocumentTable documents(Workspace workspace) {
        return new DocumentTable(workspace, "arbiter_test_documents", "key", "document", "written_at");
    }

    @Test
    void aReadOnlyWorkspaceWritesAndStaysReadOnly() throws Exception {
        Workspace.create(dir.resolve("w.arbiter"), "test").close();
        try (Workspace workspace = Workspace.open(dir.resolve("w.arbiter"), Access.READ)) {
            documents(workspace).put("a", "{\"n\": 1}");
            assertEquals("{\"n\": 1}", documents(workspace).get("a").orElseThrow().document());
            try (Connection connection = workspace.newConnection()) {
                SQLException readOnly = assertThrows(SQLException.class,
                        () -> connection.createStatement().execute("CREATE TABLE t (x INTEGER)"));
                assertTrue(readOnly.getMessage().toLowerCase().contains("read-only"), readOnly.getMessage());
            }
        }
    }

    @Test
    void aWriteWaitsForARunningReadThenWrites() throws Exception {
        Workspace.create(dir.resolve("w.arbiter"), "test").close();
        try (Workspace workspace = Workspace.open(dir.resolve("w.arbiter"), Access.READ).writeWait(Duration.ofSeconds(20))) {
            Connection reading = workspace.newConnection();
            CompletableFuture<Void> write = CompletableFuture.runAsync(() -> {
                try {
                    documents(workspace).put("b", "{}");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(300);
            assertFalse(write.isDone(), "the write waits while the read holds the workspace");
            reading.close();
            write.get(20, TimeUnit.SECONDS);
            assertTrue(documents(workspace).get("b").isPresent());
        }
    }

    @Test
    void aWriteThatCannotGetTheFileSaysSoAndLeavesItReadable() throws Exception {
        Workspace.create(dir.resolve("w.arbiter"), "test").close();
        try (Workspace workspace = Workspace.open(dir.resolve("w.arbiter"), Access.READ).writeWait(Duration.ofMillis(300))) {
            SQLException busy;
            try (Connection reading = workspace.newConnection()) {
                busy = assertThrows(SQLException.class, () -> documents(workspace).put("c", "{}"));
            }
            assertTrue(busy.getMessage().contains("w.arbiter to be free"), busy.getMessage());
            assertTrue(documents(workspace).get("c").isEmpty());
            documents(workspace).put("c", "{}"); // free now: the same workspace writes
            assertTrue(documents(workspace).get("c").isPresent());
        }
    }
}
