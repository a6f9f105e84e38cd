package dev.arbiter.importers.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Writes a synthetic LLM request log (14 columns: ids, arm, time, served model, latency, tokens,
 * cost, outcomes) as CSV or Parquet with DuckDB, for benchmarks. Deterministic for a row count.
 */
public final class RequestLogGenerator {
    private RequestLogGenerator() {
    }

    /** The generating query for {@code rows} rows, about 10 requests per session and 3 sessions per user. */
    static String query(long rows) {
        return "SELECT i AS request_id, 's' || (i // 10) AS session_id, 'u' || (i // 30) AS user_id, "
                + "CASE WHEN hash(i // 10) % 2 = 0 THEN 'sonnet' ELSE 'haiku' END AS variant, "
                + "TIMESTAMP '2026-03-01' + to_milliseconds(i * 120) AS ts, "
                + "CASE WHEN i % 97 = 0 THEN 'gpt-4.1-nano' WHEN hash(i // 10) % 2 = 0 THEN 'claude-sonnet-4-5' "
                + "ELSE 'claude-haiku-4-5' END AS model, "
                + "round(400 + 600 * ((hash(i) % 1000) / 1000.0), 1) AS latency_ms, "
                + "round(80 + 120 * ((hash(i + 7) % 1000) / 1000.0), 1) AS ttft_ms, "
                + "200 + hash(i + 1) % 800 AS tokens_in, 50 + hash(i + 2) % 400 AS tokens_out, "
                + "round((hash(i + 3) % 1000) / 250000.0, 6) AS cost_usd, hash(i + 4) % 50 = 0 AS refusal, "
                + "hash(i + 5) % 20 <> 0 AS schema_valid, i % 97 = 0 AS fallback FROM range(" + rows + ") t(i)";
    }

    public static void csv(Path file, long rows) throws SQLException {
        copy(file, rows, "(HEADER, DELIMITER ',')");
    }

    public static void parquet(Path file, long rows) throws SQLException {
        copy(file, rows, "(FORMAT parquet)");
    }

    private static void copy(Path file, long rows, String options) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement()) {
            statement.execute("COPY (" + query(rows) + ") TO '" + file.toString().replace("'", "''") + "' " + options);
        }
    }
}
