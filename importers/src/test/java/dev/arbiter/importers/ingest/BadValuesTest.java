package dev.arbiter.importers.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbiter.importers.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17: one bad value must not turn a numeric column into text, and a short CSV row is a
 * malformed row — rejected with its line and reason unless the analyst asks otherwise; loaded +
 * rejected = rows in the file.
 */
class BadValuesTest {
    @TempDir
    Path dir;

    /** 60 requests; line 8 (the 7th row) has "notanumber" as its latency, line 12 has only two fields. */
    private Path requests() throws Exception {
        List<String> lines = new ArrayList<>(List.of("request_id,variant,latency_ms,zip"));
        for (int i = 1; i <= 60; i++) {
            String latency = i == 7 ? "notanumber" : Integer.toString(200 + 7 * i);
            String zip = i % 2 == 0 ? "0213" + (i % 10) : "SW1A " + i;
            lines.add(i == 11 ? i + ",a" : i + "," + (i % 2 == 0 ? "a" : "b") + "," + latency + "," + zip);
        }
        Path file = dir.resolve("requests.csv");
        Files.write(file, lines);
        return file;
    }

    @Test
    void aStrayWordIsARejectedRowAndTheColumnStaysNumeric() throws Exception {
        try (Workspace workspace = ImportFixtures.importWorkspace(dir)) {
            ImportReport report = importFile(workspace, ImportOptions.defaults());
            assertEquals(60, report.rowsRead());
            assertEquals(58, report.rowsLoaded());
            assertEquals(2, report.rowsRejected());
            assertEquals("BIGINT", type(workspace, "latency_ms"));
            assertEquals("VARCHAR", type(workspace, "zip"), "half numbers, half not: text, as it is");
            List<DatasetCatalog.RejectedRow> rejected = new DatasetCatalog(workspace).rejects(100);
            assertEquals(List.of(8L, 12L), rejected.stream().map(DatasetCatalog.RejectedRow::line).sorted().toList());
            DatasetCatalog.RejectedRow bad = rejected.stream().filter(r -> r.line() == 8).findFirst().orElseThrow();
            assertEquals("latency_ms", bad.column());
            assertTrue(bad.reason().contains("notanumber"), bad.reason());
            DatasetCatalog.RejectedRow shortRow = rejected.stream().filter(r -> r.line() == 12).findFirst().orElseThrow();
            assertTrue(shortRow.reason().contains("Expected Number of Columns: 4 Found: 2"), shortRow.reason());
            assertEquals("11,a", shortRow.rawText());
        }
    }

    @Test
    void onRequestAStrayWordIsLoadedEmptyAndCountedAndAShortRowPadded() throws Exception {
        try (Workspace workspace = ImportFixtures.importWorkspace(dir)) {
            ImportReport report = importFile(workspace, ImportOptions.defaults()
                    .withRows(new ImportOptions.RowPolicy(true, true)));
            assertEquals(60, report.rowsLoaded());
            assertEquals(0, report.rowsRejected());
            assertTrue(report.warnings().stream().anyMatch(w -> w.contains("latency_ms is numeric: 1 values that are not numbers "
                    + "(e.g. 'notanumber') were loaded empty")), report.warnings().toString());
            assertEquals("BIGINT", type(workspace, "latency_ms"));
            assertEquals(List.of("2"), ImportFixtures.strings(workspace, "SELECT count(*) FROM requests WHERE latency_ms IS NULL"),
                    "the stray value and the short row's missing latency");
        }
    }

    private ImportReport importFile(Workspace workspace, ImportOptions options) throws Exception {
        return new DatasetImporter(workspace).importSource(requests().toString(), options, ImportMonitor.NONE);
    }

    private static String type(Workspace workspace, String column) throws Exception {
        return ImportFixtures.strings(workspace, "SELECT data_type FROM information_schema.columns WHERE table_name = 'requests' "
                + "AND column_name = '" + column + "'").get(0);
    }
}
