package dev.arbiter.importers.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.importers.workspace.Workspace;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.arbiter.importers.result.AnalysisJson;

/**
 * The same events imported from CSV and from Parquet give the same analysis, and running it twice
 * gives the same result: every string, count and flag equal, every number equal to 12 significant
 * digits (compensated sums, {@code fsum}, leave only last-digit differences from parallel
 * aggregation; docs/decisions/0005).
 */
class FormatsAgreeTest {
    @TempDir
    Path dir;

    @Test
    void csvAndParquetImportsGiveTheSameAnalysis() throws Exception {
        Path csv = ExperimentRCheckTest.resource("r/sessions.csv");
        Path parquet = dir.resolve("sessions.parquet");
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement()) {
            statement.execute("COPY (SELECT * FROM read_csv('" + csv.toString().replace("'", "''")
                    + "')) TO '" + parquet.toString().replace("'", "''") + "' (FORMAT PARQUET)");
        }
        JsonNode fromCsv;
        JsonNode again;
        try (Workspace workspace = AnalysisFixtures.workspaceWith(dir.resolve("a"), csv, "sessions")) {
            fromCsv = analyse(workspace);
            again = analyse(workspace);
        }
        JsonNode fromParquet;
        try (Workspace workspace = AnalysisFixtures.workspaceWith(dir.resolve("b"), parquet, "sessions")) {
            fromParquet = analyse(workspace);
        }
        assertSame("", fromCsv, again);
        assertSame("", fromCsv, fromParquet);
    }

    private static JsonNode analyse(Workspace workspace) throws Exception {
        return AnalysisJson.toJson(ExperimentAnalyzer.analyze(workspace, AnalysisFixtures.experiment("sessions.json"), null, "e"));
    }

    private static void assertSame(String path, JsonNode expected, JsonNode actual) {
        if (expected.isFloatingPointNumber() && actual.isNumber()) {
            double e = expected.doubleValue();
            assertEquals(e, actual.doubleValue(), 1e-12 * Math.max(Math.abs(e), 1e-300), path);
        } else if (expected.isContainerNode()) {
            assertEquals(expected.size(), actual.size(), path);
            if (expected.isArray()) {
                for (int i = 0; i < expected.size(); i++) {
                    assertSame(path + "[" + i + "]", expected.get(i), actual.get(i));
                }
            } else {
                expected.fieldNames().forEachRemaining(name -> assertSame(path + "." + name, expected.get(name), actual.get(name)));
            }
        } else {
            assertEquals(expected, actual, path);
        }
    }
}
