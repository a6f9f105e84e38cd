package dev.arbiter.importers.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one store behind experiments, decision drafts and locked plans. */
class DocumentTableTest {
    @TempDir
    Path dir;

    @Test
    void documentsAreReplacedByKeyListedInKeyOrderAndTheTableAppearsOnFirstWrite() throws Exception {
        Path file = dir.resolve("w.arbiter");
        Workspace.create(file, "test").close();
        try (Workspace workspace = Workspace.open(file)) {
            DocumentTable documents = new DocumentTable(workspace, "arbiter_test_docs", "name", "body", "saved_at");
            assertEquals(List.of(), documents.all());
            assertTrue(documents.get("a").isEmpty());
            try (Connection connection = workspace.newConnection()) {
                assertTrue(!Workspace.hasTable(connection, "arbiter_test_docs"), "nothing is created by reading");
            }
            documents.put("b \"quoted\"", "{\"v\": 1}");
            documents.put("a", "{\"v\": 2}");
            documents.put("a", "{\"v\": 3}");
            assertEquals(List.of("a", "b \"quoted\""), documents.all().stream().map(DocumentTable.Row::key).toList());
            DocumentTable.Row a = documents.get("a").orElseThrow();
            assertEquals("{\"v\": 3}", a.document(), "a second put replaces the first");
            assertNotNull(a.writtenAt());
            assertEquals("{\"v\": 1}", documents.get("b \"quoted\"").orElseThrow().document(), "keys are values, bound");
        }
    }
}
