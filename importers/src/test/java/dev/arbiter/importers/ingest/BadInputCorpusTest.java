package dev.arbiter.importers.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.arbiter.importers.workspace.Workspace;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus of bad inputs in src/test/resources/bad-inputs, each with its expected outcome in
 * expected-messages.tsv: a refusal with a message naming the file and what is wrong (and the
 * workspace unchanged), a warning, or exact counts of loaded and rejected rows.
 */
class BadInputCorpusTest {
    @TempDir
    Path dir;

    static Stream<Arguments> corpus() throws IOException, URISyntaxException {
        Path folder = folder();
        return Files.readAllLines(folder.resolve("expected-messages.tsv")).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.split("\t", -1))
                .map(cells -> Arguments.of(cells[0], cells[1], cells[2]));
    }

    private static Path folder() throws URISyntaxException {
        return Path.of(BadInputCorpusTest.class.getResource("/bad-inputs/expected-messages.tsv").toURI()).getParent();
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @MethodSource("corpus")
    void eachBadInputHasItsExpectedOutcome(String file, String option, String expected) throws Exception {
        check(folder().resolve(file).toString(), options(option), expected);
    }

    @Test
    void tenMegabyteSingleLineLoads() throws Exception {
        Path file = dir.resolve("ten-mb-line.csv");
        Files.writeString(file, "variant,user_id,note\na,u1," + "x".repeat(10_000_000) + "\nb,u2,short\n");
        check(file.toString(), ImportOptions.defaults(), "counts: loaded=2 rejected=0 variant=variant");
    }

    @Test
    void folderWithoutDataFilesIsRefused() throws Exception {
        Path empty = Files.createDirectory(dir.resolve("exports"));
        Files.writeString(empty.resolve("README.txt"), "nothing here");
        check(empty.toString(), ImportOptions.defaults(), "error: exports is a folder with no data files (.parquet or .csv)");
    }

    /**
     * Issue 19 #2: a rejected record is numbered by the physical line where it starts, after values
     * that span lines, and kept once with all its problems.
     */
    @Test
    void rejectedRecordsKeepTheirPhysicalLineOnceEach() throws Exception {
        Path workspaceDir = Files.createTempDirectory(dir, "w");
        try (Workspace workspace = ImportFixtures.importWorkspace(workspaceDir)) {
            ImportReport report = new DatasetImporter(workspace).importSource(
                    folder().resolve("rejects-after-quoted-newlines.csv").toString(), ImportOptions.defaults(), ImportMonitor.NONE);
            assertEquals(4, report.rowsLoaded());
            assertEquals(3, report.rowsRejected());
            List<DatasetCatalog.RejectedRow> rejects = new DatasetCatalog(workspace).rejects(100);
            assertEquals(List.of(5L, 9L, 10L), rejects.stream().map(DatasetCatalog.RejectedRow::line).toList(),
                    "lines as an editor shows them: " + rejects);
            assertTrue(rejects.get(0).reason().contains("MISSING COLUMNS"), rejects.get(0).reason());
            assertTrue(rejects.get(2).reason().contains("TOO MANY COLUMNS"), rejects.get(2).reason());
        }
    }

    /** Issue 19 #7: dataset names ignore case, as DuckDB's identifiers do. */
    @Test
    void aDatasetNameInOtherCaseIsTheSameDataset() throws Exception {
        Path workspaceDir = Files.createTempDirectory(dir, "w");
        String good = folder().resolve("good.csv").toString();
        try (Workspace workspace = ImportFixtures.importWorkspace(workspaceDir)) {
            DatasetImporter importer = new DatasetImporter(workspace);
            importer.importSource(good, ImportOptions.defaults().withDataset("base"), ImportMonitor.NONE);
            List<String> before = ImportFixtures.contents(workspace);
            ImportException error = assertThrows(ImportException.class, () -> importer.importSource(good,
                    ImportOptions.defaults().withDataset("BASE"), ImportMonitor.NONE));
            assertTrue(error.getMessage().contains("good.csv: dataset 'BASE' already exists in this workspace as 'base' "
                    + "(dataset names ignore case)"), error.getMessage());
            assertEquals(before, ImportFixtures.contents(workspace), "a refused import changes nothing");
        }
    }

    /**
     * Issue 19 #1: appending a file where one value does not fit its column's type rejects that row
     * (with its line and reason) and appends the rest, instead of refusing the whole file.
     */
    @Test
    void appendingRejectsOnlyTheRowsThatDoNotFitTheDataset() throws Exception {
        Path workspaceDir = Files.createTempDirectory(dir, "w");
        Path base = dir.resolve("base.csv");
        Path more = dir.resolve("more.csv");
        Files.writeString(base, "variant,user_id,latency_ms\na,u1,120\nb,u2,130\n");
        Files.writeString(more, "variant,user_id,latency_ms\na,u3,140\nb,u4,notanumber\na,u5,150\n");
        try (Workspace workspace = ImportFixtures.importWorkspace(workspaceDir)) {
            DatasetImporter importer = new DatasetImporter(workspace);
            importer.importSource(base.toString(), ImportOptions.defaults().withDataset("events"), ImportMonitor.NONE);
            ImportReport report = importer.importSource(more.toString(), ImportOptions.defaults().withDataset("events")
                    .withMode(ImportOptions.Mode.APPEND), ImportMonitor.NONE);
            assertEquals(2, report.rowsLoaded());
            assertEquals(1, report.rowsRejected());
            DatasetCatalog.RejectedRow rejected = new DatasetCatalog(workspace).rejects(10).get(0);
            assertEquals(3L, rejected.line());
            assertEquals("latency_ms", rejected.column());
            assertTrue(rejected.reason().contains("notanumber"), rejected.reason());
        }
    }

    /** Issue 19: the corpus has grown past 50 cases (the table's rows and this class's own tests). */
    @Test
    void corpusHasMoreThanFiftyCases() throws Exception {
        long ownTests = Arrays.stream(BadInputCorpusTest.class.getDeclaredMethods())
                .filter(method -> method.isAnnotationPresent(Test.class)).count() - 1;
        assertTrue(corpus().count() + ownTests > 50, corpus().count() + " rows and " + ownTests + " tests");
    }

    private void check(String source, ImportOptions options, String expected) throws Exception {
        Path workspaceDir = Files.createTempDirectory(dir, "w");
        try (Workspace workspace = ImportFixtures.importWorkspace(workspaceDir)) {
            List<String> before = ImportFixtures.contents(workspace);
            DatasetImporter importer = new DatasetImporter(workspace);
            if (expected.startsWith("error: ")) {
                ImportException error = assertThrows(ImportException.class,
                        () -> importer.importSource(source, options, ImportMonitor.NONE));
                assertTrue(error.getMessage().contains(expected.substring(7)), "message was: " + error.getMessage());
                assertTrue(!error.getMessage().contains("\n\tat "), "no stack trace in the message");
                assertTrue(!error.getMessage().contains("[Source:") && !error.getMessage().contains("StreamReadFeature"),
                        "no parser internals in the message: " + error.getMessage());
                assertEquals(before, ImportFixtures.contents(workspace), "a refused import changes nothing");
                return;
            }
            ImportReport report = importer.importSource(source, options, ImportMonitor.NONE);
            assertEquals(report.rowsRead(), report.rowsLoaded() + report.rowsRejected() + report.duplicatesDropped());
            if (expected.startsWith("warning: ")) {
                String text = expected.substring(9);
                assertTrue(report.warnings().stream().anyMatch(w -> w.contains(text)), "warnings were: " + report.warnings());
            } else if (expected.startsWith("counts: ")) {
                checkCounts(workspace, report, expected.substring(8));
            } else {
                fail("unknown expectation " + expected);
            }
        }
    }

    private static void checkCounts(Workspace workspace, ImportReport report, String expected) throws Exception {
        for (String part : expected.split(" ")) {
            String[] pair = part.split("=", 2);
            switch (pair[0]) {
                case "loaded" -> assertEquals(Long.parseLong(pair[1]), report.rowsLoaded(), "loaded");
                case "rejected" -> {
                    assertEquals(Long.parseLong(pair[1]), report.rowsRejected(), "rejected");
                    long kept = new DatasetCatalog(workspace).rejects(1000).stream().filter(r -> r.line() != null)
                            .map(DatasetCatalog.RejectedRow::line).distinct().count();
                    assertEquals(report.rowsRejected(), kept, "every rejected row is kept with its line");
                }
                default -> assertEquals(expected.substring(expected.indexOf(pair[0] + "=") + pair[0].length() + 1),
                        report.roles().get(Role.fromKey(pair[0])), "role " + pair[0]);
            }
            if (!pair[0].equals("loaded") && !pair[0].equals("rejected")) {
                return;
            }
        }
    }

    private static ImportOptions options(String option) {
        if (option.isBlank()) {
            return ImportOptions.defaults();
        }
        String[] words = option.split(" ", 2);
        return switch (words[0]) {
            case "map" -> {
                String[] mapping = words[1].split("=", 2);
                yield ImportOptions.defaults().withRoles(Map.of(Role.fromKey(mapping[0]), mapping[1]));
            }
            case "dataset" -> ImportOptions.defaults().withDataset(words[1]);
            default -> throw new IllegalArgumentException("unknown option " + option);
        };
    }
}
