package dev.arbiter.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.app.report.Reproduction;
import dev.arbiter.importers.ingest.ImportMonitor;
import dev.arbiter.samples.SampleWorkspaces;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20: {@code arbiter analyze --source JDBC_URL --table TABLE} reads the events in another
 * engine through JDBC — here a DuckDB database file, the engine at hand — and gives the analysis a
 * workspace gives, with the table as its dataset and where it was read recorded.
 */
class AnalyzeSourceTest {
    @TempDir
    Path dir;

    @Test
    void aTableByJdbcGivesTheWorkspacesAnalysis() throws Exception {
        Path workspace = dir.resolve("support-bot.arbiter");
        Path experiment = SampleWorkspaces.create("support-bot", workspace, "test", ImportMonitor.NONE);
        CliRun local = CliRun.of("analyze", "--workspace", workspace.toString(), "--experiment", experiment.toString(), "--json");
        Path copy = Files.copy(workspace, dir.resolve("warehouse.duckdb"));
        CliRun remote = CliRun.of("analyze", "--source", "jdbc:duckdb:" + copy, "--table",
                "main.events", "--experiment", experiment.toString(), "--json");
        assertEquals(0, remote.exitCode(), remote.err());
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode fromSource = (ObjectNode) mapper.readTree(remote.out());
        JsonNode source = fromSource.remove("source");
        assertEquals("main.events", fromSource.get("dataset").asText());
        assertEquals("DuckDB", source.get("engine").asText());
        assertEquals("jdbc:duckdb:" + copy, source.get("url").asText());
        ObjectNode fromWorkspace = (ObjectNode) mapper.readTree(local.out());
        fromWorkspace.put("dataset", "main.events");
        // every number to 1e-9 (parallel sums move the 13th digit between any two runs), labels and flags exactly
        Reproduction.Result same = Reproduction.compare(fromWorkspace, fromSource);
        assertEquals(List.of(), same.differences());
        assertEquals(List.of(), same.added());
        assertTrue(same.numbers() > 1000, "numbers compared: " + same.numbers());
    }

    @Test
    void sourceAndWorkspaceAreOneOrTheOther() throws Exception {
        CliRun both = CliRun.of("analyze", "--workspace", "w.arbiter", "--source", "jdbc:duckdb:x", "--table", "t",
                "--experiment", "e.json");
        assertEquals(1, both.exitCode());
        CliRun noTable = CliRun.of("analyze", "--source", "jdbc:duckdb:x", "--experiment", "e.json");
        assertEquals(1, noTable.exitCode());
        CliRun neither = CliRun.of("analyze", "--experiment", "e.json");
        assertTrue(neither.err().contains("--workspace"), neither.err());
    }
}
