package dev.arbiter.importers.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbiter.importers.workspace.Access;
import dev.arbiter.importers.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** The import guarantees: all or nothing, nothing lost, re-imports detected, names never trusted. */
class ImportGuaranteesTest {
    @TempDir
    Path dir;

    private static ImportReport run(Workspace workspace, String source, ImportOptions options) throws ImportException {
        return new DatasetImporter(workspace).importSource(source, options, ImportMonitor.NONE);
    }

    private static long count(Workspace workspace, String sql) throws SQLException {
        try (Connection connection = workspace.newConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Test
    void failedAppendLeavesTheWorkspaceExactlyAsItWas() throws Exception {
        Path first = Files.writeString(dir.resolve("first.csv"), "variant,user_id,value\na,u1,1\nb,u2,2\n");
        Path clash = Files.writeString(dir.resolve("clash.csv"), "variant,user_id,value,extra\na,u3,3,x\n");
        try (Workspace workspace = ImportFixtures.importWorkspace(dir)) {
            run(workspace, first.toString(), ImportOptions.defaults().withDataset("events"));
            List<String> before = ImportFixtures.contents(workspace);
            ImportException error = assertThrows(ImportException.class, () -> run(workspace, clash.toString(),
                    ImportOptions.defaults().withDataset("events").withMode(ImportOptions.Mode.APPEND)));
            assertTrue(error.getMessage().startsWith("clash.csv: "), error.getMessage());
            assertTrue(error.getMessage().contains("extra"), error.getMessage());
            assertEquals(before, ImportFixtures.contents(workspace));
        }
    }

    @Test
    void appendedRowsThatDoNotFitTheDatasetTypesAreRejectedWithTheirLine() throws Exception {
        Path first = Files.writeString(dir.resolve("first.csv"), "variant,user_id,value\na,u1,1\nb,u2,2\n");
        Path more = Files.writeString(dir.resolve("more.csv"), "variant,user_id,value\na,u3,not-a-number\nb,u4,4\n");
        try (Workspace workspace = ImportFixtures.importWorkspace(dir)) {
            run(workspace, first.toString(), ImportOptions.defaults().withDataset("events"));
            ImportReport report = run(workspace, more.toString(), ImportOptions.defaults().withDataset("events")
                    .withMode(ImportOptions.Mode.APPEND));
            assertEquals(List.of(2L, 1L, 1L), List.of(report.rowsRead(), report.rowsLoaded(), report.rowsRejected()));
            DatasetCatalog.RejectedRow rejected = new DatasetCatalog(workspace).rejects(10).get(0);
            assertEquals(2L, rejected.line());
            assertEquals("a,u3,not-a-number", rejected.rawText());
            assertTrue(rejected.reason().contains("not-a-number"), rejected.reason());
        }
    }

    @Test
    void refusedReimportRollsBackRowsAlreadyWritten() throws Exception {
        Path file = Files.writeString(dir.resolve("events.csv"), "variant,user_id,value\na,u1,1\nb,u2,2\n");
        try (Workspace workspace = ImportFixtures.importWorkspace(dir)) {
            run(workspace, file.toString(), ImportOptions.defaults());
            List<String> before = ImportFixtures.contents(workspace);
            ImportException error = assertThrows(ImportException.class,
                    () -> run(workspace, file.toString(), ImportOptions.defaults().withDataset("again")));
            assertTrue(error.getMessage().contains("was already imported into dataset 'events'"), error.getMessage());
            assertTrue(error.getMessage().endsWith("use --append to import it again"), error.getMessage());
            assertEquals(before, ImportFixtures.contents(workspace), "the 'again' table written before the check is gone");
            ImportReport appended = run(workspace, file.toString(), ImportOptions.defaults().withDataset("events")
                    .withMode(ImportOptions.Mode.APPEND));
            assertEquals(2, appended.rowsLoaded());
            assertEquals(4, count(workspace, "SELECT count(*) FROM events"));
        }
    }

    @Test
    void cancelledImportStopsTheStatementAndChangesNothing() throws Exception {
        Path big = ImportFixtures.syntheticCsv(dir, "big.csv", 3_000_000);
        try (Workspace workspace = ImportFixtures.importWorkspace(dir)) {
            List<String> before = ImportFixtures.contents(workspace);
            AtomicReference<Runnable> cancel = new AtomicReference<>();
            AtomicBoolean cancelled = new AtomicBoolean();
            AtomicLong progressRows = new AtomicLong();
            ImportMonitor monitor = new ImportMonitor() {
                @Override
                public void progress(double fraction, long rows) {
                    progressRows.set(rows);
                    if (fraction > 0.05 && cancelled.compareAndSet(false, true)) {
                        cancel.get().run();
                    }
                }

                @Override
                public void onCancel(Runnable action) {
                    cancel.set(action);
                }

                @Override
                public boolean isCancelled() {
                    return cancelled.get();
                }
            };
            long start = System.nanoTime();
            ImportException error = assertThrows(ImportException.class,
                    () -> new DatasetImporter(workspace).importSource(big.toString(), ImportOptions.defaults(), monitor));
            assertTrue(error instanceof ImportCancelledException, error.getMessage());
            assertEquals("Import of big.csv cancelled; the workspace is unchanged.", error.getMessage());
            assertTrue(progressRows.get() > 0, "DuckDB reported progress before the cancel");
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(30));
            assertEquals(before, ImportFixtures.contents(workspace));
        }
    }

    @Test
    void killedImportLeavesAWorkspaceThatOpensUnchanged() throws Exception {
        Path big = ImportFixtures.syntheticCsv(dir, "big.csv", 4_000_000);
        Path file = dir.resolve("test.arbiter");
        List<String> before;
        try (Workspace workspace = ImportFixtures.importWorkspace(dir)) {
            run(workspace, Files.writeString(dir.resolve("small.csv"), "variant,user_id\na,u1\n").toString(),
                    ImportOptions.defaults());
            before = ImportFixtures.contents(workspace);
        }
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), KillableImport.class.getName(), file.toString(), big.toString())
                .redirectErrorStream(true).start();
        BufferedReader output = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        assertEquals("started", output.readLine());
        assertEquals("progress", output.readLine(), "the child reports DuckDB's progress before it finishes");
        assertTrue(child.isAlive(), "the import must still be running when it is killed");
        child.destroyForcibly();
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        assertEquals(137, child.exitValue(), "killed with SIGKILL");
        try (Workspace reopened = Workspace.open(file, Access.IMPORT)) {
            assertEquals(before, ImportFixtures.contents(reopened));
        }
    }

    @Test
    void duplicateEventIdsAreDroppedAndCounted() throws Exception {
        Path file = Files.writeString(dir.resolve("events.csv"),
                "event_id,variant,user_id\ne1,a,u1\ne2,b,u2\ne1,a,u1\ne3,a,u3\n");
        Path more = Files.writeString(dir.resolve("more.csv"), "event_id,variant,user_id\ne3,a,u3\ne4,b,u4\n");
        try (Workspace workspace = ImportFixtures.importWorkspace(dir)) {
            ImportReport report = run(workspace, file.toString(), ImportOptions.defaults());
            assertEquals(List.of(4L, 3L, 1L), List.of(report.rowsRead(), report.rowsLoaded(), report.duplicatesDropped()));
            assertTrue(report.summary().contains("1 duplicates dropped"), report.summary());
            ImportReport appended = run(workspace, more.toString(), ImportOptions.defaults().withDataset("events")
                    .withMode(ImportOptions.Mode.APPEND));
            assertEquals(List.of(2L, 1L, 1L), List.of(appended.rowsRead(), appended.rowsLoaded(), appended.duplicatesDropped()));
        }
    }

    @Test
    void hostileColumnAndDatasetNamesAreOnlyEverIdentifiers() throws Exception {
        Path file = Files.writeString(dir.resolve("names.csv"),
                "variant,\"v\"\"); DROP TABLE arbiter_imports; --\",user_id\na,1,u1\nb,2,u2\n");
        try (Workspace workspace = ImportFixtures.importWorkspace(dir)) {
            ImportReport report = run(workspace, file.toString(), ImportOptions.defaults().withDataset("x\"; DROP TABLE y; --"));
            assertEquals(2, report.rowsLoaded());
            assertEquals(1, count(workspace, "SELECT count(*) FROM arbiter_imports"));
            assertEquals(3, count(workspace, "SELECT sum(\"v\"\"); DROP TABLE arbiter_imports; --\") FROM \"x\"\"; DROP TABLE y; --\""));
            assertEquals(Map.of(Role.VARIANT, "variant", Role.USER_ID, "user_id"), report.roles());
        }
    }

    @Test
    void analysisConnectionsCannotTouchOtherFilesOrUnlockThemselves() throws Exception {
        Path csv = Files.writeString(dir.resolve("secret.csv"), "a\n1\n");
        Workspace.create(dir.resolve("w.arbiter"), "test").close();
        try (Workspace workspace = Workspace.open(dir.resolve("w.arbiter"));
             Connection connection = workspace.newConnection(); Statement statement = connection.createStatement()) {
            SQLException read = assertThrows(SQLException.class,
                    () -> statement.executeQuery("SELECT * FROM read_csv('" + csv + "')"));
            assertTrue(read.getMessage().contains("disabled by configuration"), read.getMessage());
        }
        try (Workspace workspace = Workspace.open(dir.resolve("w.arbiter"));
             Connection connection = workspace.newConnection(); Statement statement = connection.createStatement()) {
            SQLException unlock = assertThrows(SQLException.class, () -> statement.execute("SET enable_external_access = true"));
            assertTrue(unlock.getMessage().contains("locked"), unlock.getMessage());
        }
        try (Workspace workspace = Workspace.open(dir.resolve("w.arbiter"));
             Connection connection = workspace.newConnection(); Statement statement = connection.createStatement()) {
            SQLException write = assertThrows(SQLException.class,
                    () -> statement.execute("COPY (SELECT 1) TO '" + dir.resolve("out.csv") + "'"));
            assertTrue(write.getMessage().contains("disabled by configuration"), write.getMessage());
            assertFalse(Files.exists(dir.resolve("out.csv")));
        }
        assertThrows(IllegalArgumentException.class, () -> new DatasetImporter(Workspace.open(dir.resolve("w.arbiter"))));
    }

    @Test
    void parquetFileFolderGlobAndGzippedCsvGiveTheSameRows() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("parts"));
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:"); Statement statement = connection.createStatement()) {
            String rows = "SELECT i AS request_id, CASE WHEN i % 2 = 0 THEN 'a' ELSE 'b' END AS variant, i * 1.5 AS latency_ms FROM range(";
            statement.execute("COPY (" + rows + "1000) t(i)) TO '" + dir.resolve("all.parquet") + "' (FORMAT parquet)");
            statement.execute("COPY (" + rows + "1000) t(i)) TO '" + dir.resolve("all.csv.gz") + "' (HEADER, COMPRESSION gzip)");
            statement.execute("COPY (" + rows + "600) t(i)) TO '" + folder.resolve("p1.parquet") + "' (FORMAT parquet)");
            statement.execute("COPY (SELECT * FROM (" + rows + "1000) t(i)) WHERE request_id >= 600) TO '"
                    + folder.resolve("p2.parquet") + "' (FORMAT parquet)");
        }
        try (Workspace workspace = ImportFixtures.importWorkspace(dir)) {
            assertEquals(1000, run(workspace, dir.resolve("all.parquet").toString(), ImportOptions.defaults().withDataset("file")).rowsLoaded());
            assertEquals(1000, run(workspace, folder.toString(), ImportOptions.defaults().withDataset("folder")).rowsLoaded());
            assertEquals(1000, run(workspace, folder.resolve("p*.parquet").toString(),
                    ImportOptions.defaults().withDataset("glob").withAllowReimport(true)).rowsLoaded());
            ImportReport gz = run(workspace, dir.resolve("all.csv.gz").toString(), ImportOptions.defaults().withDataset("gz"));
            assertEquals(SourceFormat.CSV, gz.format());
            for (String table : List.of("file", "folder", "glob", "gz")) {
                assertEquals(749250, count(workspace, "SELECT sum(latency_ms) FROM \"" + table + "\""), table);
            }
        }
    }

    @Test
    void importLogRecordsWhatWasReadAndRejectsCanBeExported() throws Exception {
        Path file = Files.writeString(dir.resolve("ragged.csv"), "variant,user_id,value\na,u1,1\nb,u2\na,u3,3\n");
        try (Workspace workspace = ImportFixtures.importWorkspace(dir)) {
            ImportReport report = run(workspace, file.toString(), ImportOptions.defaults());
            DatasetCatalog.ImportRecord record = new DatasetCatalog(workspace).history().get(0);
            assertEquals(report.sha256(), record.sha256());
            assertEquals(64, record.sha256().length());
            assertEquals(Files.size(file), record.sizeBytes());
            assertEquals(List.of(3L, 2L, 1L), List.of(record.rowsRead(), record.rowsLoaded(), record.rowsRejected()));
            assertFalse(record.finishedAt().isBefore(record.startedAt()));
            Path exported = dir.resolve("rejects.csv");
            assertEquals(1, new DatasetCatalog(workspace).exportRejects(exported));
            List<String> lines = Files.readAllLines(exported);
            assertEquals("import_id,file,line,column,raw_text,reason", lines.get(0));
            assertTrue(lines.get(1).startsWith("1,\"ragged.csv\",3,"), lines.get(1));
            assertTrue(lines.get(1).contains("MISSING COLUMNS"), lines.get(1));
        }
    }
}
