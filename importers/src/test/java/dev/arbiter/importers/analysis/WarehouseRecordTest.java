package dev.arbiter.importers.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbiter.importers.experiment.ExperimentDefinition;
import dev.arbiter.importers.experiment.ExperimentFile;
import dev.arbiter.importers.statistics.DriverFolder;
import dev.arbiter.importers.statistics.FakeDriverJar;
import dev.arbiter.importers.statistics.SourceRecord;
import dev.arbiter.importers.statistics.TableFingerprint;
import dev.arbiter.importers.statistics.WarehouseSource;
import dev.arbiter.importers.workspace.WorkspaceException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20: what a warehouse analysis records — the table's rows and a data fingerprint computed in
 * the engine, a fingerprint of the SQL it ran, and what came back — on a DuckDB file reached by URL
 * (the R-checked sessions, 19,536 events); drivers from the drivers folder; cancel; one-line failures.
 */
class WarehouseRecordTest {
    @TempDir
    Path dir;
    private String url;
    private ExperimentDefinition definition;

    @BeforeEach
    void sessionsInADuckDbFile() throws Exception {
        Path csv = dir.resolve("sessions.csv");
        try (InputStream in = WarehouseRecordTest.class.getResourceAsStream("/r/sessions.csv")) {
            Files.copy(in, csv);
        }
        url = "jdbc:duckdb:" + dir.resolve("lake.duckdb");
        execute("CREATE TABLE sessions AS SELECT * FROM read_csv('" + csv + "')");
        String json = new String(WarehouseRecordTest.class.getResourceAsStream("/experiments/sessions.json").readAllBytes(),
                StandardCharsets.UTF_8);
        definition = ExperimentFile.parse(json, "sessions.json").withDataset(WarehouseSource.VIEW);
    }

    @Test
    void theRecordSaysWhatWasReadAndThatOnlyAggregatesCameBack() throws Exception {
        WarehouseSource source = source();
        ExperimentAnalyzer.analyze(source.statistics(), definition, null, "sessions.json", 0);
        SourceRecord record = source.record();
        assertEquals("DuckDB", record.engine());
        assertEquals("main.sessions", record.table());
        assertEquals(19_536, record.rows());
        assertTrue(record.dataFingerprint().matches("[0-9a-f]{16}"), record.dataFingerprint());
        assertTrue(record.queryFingerprint().matches("[0-9a-f]{64}"), record.queryFingerprint());
        assertTrue(record.resultRows() > 0 && record.bytesReturned() > 0, record.toString());
        // aggregates only: a small share of the table's rows — the p95 sends only the values near its quantiles,
        // and its percentile picture at most 198 per arm (a fixed cost, a tenth of these 19,536 events)
        assertTrue(record.resultRows() * 5 < record.rows(), record.toString());
    }

    @Test
    void theSameTableAndDefinitionGiveTheSameFingerprints() throws Exception {
        SourceRecord first = analysed(source());
        SourceRecord second = analysed(source());
        assertEquals(first.dataFingerprint(), second.dataFingerprint());
        assertEquals(first.queryFingerprint(), second.queryFingerprint());
        assertEquals(first.resultRows(), second.resultRows());
        assertEquals(first.bytesReturned(), second.bytesReturned());
        WarehouseSource otherDefinition = source();
        ExperimentAnalyzer.analyze(otherDefinition.statistics(), definition.withDataset(WarehouseSource.VIEW), null, "x", 3);
        assertNotEquals(first.queryFingerprint(), otherDefinition.record().queryFingerprint(), "days since exposure: more SQL");
    }

    @Test
    void oneChangedValueOrOneMoreRowChangesTheDataFingerprint() throws Exception {
        TableFingerprint before = source().statistics().fingerprint(WarehouseSource.VIEW);
        execute("UPDATE sessions SET latency_ms = latency_ms + 1 WHERE session_id = (SELECT min(session_id) FROM sessions "
                + "WHERE latency_ms IS NOT NULL) AND latency_ms IS NOT NULL");
        TableFingerprint changed = source().statistics().fingerprint(WarehouseSource.VIEW);
        assertEquals(before.rows(), changed.rows());
        assertNotEquals(before.hash(), changed.hash());
        execute("INSERT INTO sessions SELECT * FROM sessions LIMIT 1"); // a duplicate row: XOR alone would not see it
        TableFingerprint added = source().statistics().fingerprint(WarehouseSource.VIEW);
        assertEquals(before.rows() + 1, added.rows());
        assertNotEquals(changed.hash(), added.hash());
        // row order does not matter: the same rows in another physical order
        execute("CREATE TABLE shuffled AS SELECT * FROM sessions ORDER BY hash(session_id, ts)");
        assertEquals(added.hash(), WarehouseSource.over(url, "main.shuffled", () -> DriverManager.getConnection(url))
                .statistics().fingerprint(WarehouseSource.VIEW).hash());
    }

    @Test
    void aCancelledSourceRunsNothingMore() {
        WarehouseSource source = source();
        source.cancel();
        WorkspaceException refused = assertThrows(WorkspaceException.class,
                () -> ExperimentAnalyzer.analyze(source.statistics(), definition, null, "sessions.json", 0));
        assertTrue(refused.getMessage().contains("cancelled"), refused.getMessage());
    }

    @Test
    void aDriverInTheDriversFolderTakesItsUrlAndGetsTheCredentials() throws Exception {
        Path drivers = dir.resolve("drivers");
        FakeDriverJar.write(drivers);
        assertEquals(List.of(FakeDriverJar.DRIVER), DriverFolder.loadOnce(Map.of(DriverFolder.VARIABLE, drivers.toString())));
        assertEquals(List.of(), DriverFolder.load(drivers), "each jar is loaded once");
        String fake = FakeDriverJar.PREFIX + dir.resolve("lake.duckdb") + ";auth=token";
        WarehouseSource withToken = WarehouseSource.of(fake, "main.sessions", Map.of(WarehouseSource.TOKEN, "dapi-123"));
        ExperimentAnalyzer.analyze(withToken.statistics(), definition, null, "sessions.json", 0);
        assertEquals(19_536, withToken.record().rows());
        assertEquals("standard SQL", withToken.record().engine()); // no row hash known for an unknown engine
        assertEquals(null, withToken.record().dataFingerprint());

        WarehouseSource noToken = WarehouseSource.of(fake, "main.sessions", Map.of());
        WorkspaceException failed = assertThrows(WorkspaceException.class,
                () -> ExperimentAnalyzer.analyze(noToken.statistics(), definition, null, "sessions.json", 0));
        String line = noToken.explain(failed);
        assertEquals("standard SQL at " + FakeDriverJar.PREFIX + dir.resolve("lake.duckdb") + "…, table main.sessions: "
                + "[Fake][JDBC](500151) Error setting/closing session: authentication failed: no token.", line);
    }

    @Test
    void noDriverForTheUrlNamesTheJarToAddAndWhere() {
        WarehouseSource databricks = WarehouseSource.of("jdbc:databricks://adb-1.azuredatabricks.net:443/default;PWD=x",
                "main.events", Map.of(DriverFolder.VARIABLE, dir.resolve("none").toString()));
        WorkspaceException failed = assertThrows(WorkspaceException.class,
                () -> ExperimentAnalyzer.analyze(databricks.statistics(), definition, null, "e.json", 0));
        String line = databricks.explain(failed);
        assertTrue(line.contains("com.databricks:databricks-jdbc") && line.contains("docs/warehouse.md"), line);
        assertFalse(line.contains("PWD"), line);
        assertFalse(line.contains("\n"), line);
    }

    private WarehouseSource source() {
        return WarehouseSource.over(url, "main.sessions", () -> DriverManager.getConnection(url));
    }

    private SourceRecord analysed(WarehouseSource source) throws Exception {
        ExperimentAnalyzer.analyze(source.statistics(), definition, null, "sessions.json", 0);
        return source.record();
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
