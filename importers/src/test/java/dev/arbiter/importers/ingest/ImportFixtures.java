package dev.arbiter.importers.ingest;

import dev.arbiter.importers.Sql;
import dev.arbiter.importers.fixtures.SharedDatasets;
import dev.arbiter.importers.workspace.Access;
import dev.arbiter.importers.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Shared helpers for importer tests: workspaces, real datasets, a fingerprint of workspace contents. */
final class ImportFixtures {

    private ImportFixtures() {
    }

    /** A real dataset from ../shared/datasets; the test is skipped where it is absent (see SharedDatasets). */
    static Path dataset(String relative) {
        return SharedDatasets.file(relative);
    }

    static Workspace importWorkspace(Path dir) throws Exception {
        Path file = dir.resolve("test.arbiter");
        if (!Files.exists(file)) {
            Workspace.create(file, "test").close();
        }
        return Workspace.open(file, Access.IMPORT);
    }

    /** The first column of every row of {@code sql}, as text. */
    static List<String> strings(Workspace workspace, String sql) throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection connection = workspace.newConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    /** Every table with its row count and a checksum of its rows: equal before and after means unchanged. */
    static List<String> contents(Workspace workspace) throws Exception {
        List<String> lines = new ArrayList<>();
        try (Connection connection = workspace.newConnection(); Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("SELECT table_name FROM information_schema.tables "
                    + "WHERE table_schema = 'main' ORDER BY table_name")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rows = statement.executeQuery("SELECT count(*), coalesce(sum(hash(t)), 0) FROM "
                        + Sql.identifier(table) + " AS t")) {
                    rows.next();
                    lines.add(table + ": " + rows.getLong(1) + " rows, " + rows.getObject(2));
                }
            }
        }
        return lines;
    }

    /** Writes {@code rows} synthetic LLM request-log rows as CSV with DuckDB (fast enough for large files). */
    static Path syntheticCsv(Path dir, String name, long rows) throws Exception {
        Path file = dir.resolve(name);
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement()) {
            statement.execute("COPY (SELECT i AS request_id, 's' || (i // 4) AS session_id, "
                    + "CASE WHEN hash(i // 4) % 2 = 0 THEN 'sonnet' ELSE 'haiku' END AS variant, "
                    + "TIMESTAMP '2026-03-01' + to_seconds(i) AS ts, 300 + (i % 997) AS latency_ms, "
                    + "100 + i % 50 AS tokens_in, 200 + i % 70 AS tokens_out, 0.0001 * (i % 13) AS cost_usd, "
                    + "i % 7 = 0 AS refusal FROM range(" + rows + ") t(i)) TO '" + file + "' (HEADER, DELIMITER ',')");
        }
        return file;
    }
}
