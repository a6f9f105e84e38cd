package dev.arbiter.importers.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * The floor of issue 22: what bare DuckDB must compute for any correct unit-level analysis of the
 * benchmark experiment ({@link AnalysisBenchmark#EXPERIMENT}) — every metric's per-unit sums, squares
 * and cross products grouped by arm, each segment and the day, and the exact p95 per arm and segment —
 * run as its own process by a small JDBC client: {@code java -cp arbiter.jar
 * dev.arbiter.importers.bench.AnalysisFloor W.arbiter}. Prints the rows it read.
 */
public final class AnalysisFloor {
    /** Per unit: its arm, segments and first day; its events, schema-valid share, refusals, cost and fallbacks. */
    static final String UNIT_SUMS = """
            WITH units AS (
              SELECT session_id, min(variant) AS arm, min(plan) AS plan, min(complexity) AS complexity,
                     min(CAST(ts AS DATE)) AS day, count(*) AS n, avg(CAST(schema_valid AS INTEGER)) AS valid,
                     sum(CAST(refusal AS INTEGER)) AS refusals, sum(cost_usd) AS cost, sum(CAST(fallback AS INTEGER)) AS fallbacks
              FROM requests GROUP BY session_id)
            SELECT arm, plan, complexity, day, count(*) AS units, sum(n) AS events, sum(n * n) AS nn,
                   sum(valid) AS valid, sum(valid * valid) AS valid2, sum(refusals) AS refusals, sum(refusals * refusals) AS refusals2,
                   sum(refusals * n) AS refusals_n, sum(cost) AS cost, sum(cost * cost) AS cost2,
                   sum(fallbacks) AS fallbacks, sum(fallbacks * fallbacks) AS fallbacks2, sum(fallbacks * n) AS fallbacks_n
            FROM units GROUP BY GROUPING SETS ((arm), (arm, plan), (arm, complexity), (arm, day))""";

    /** The exact p95 of latency per arm and segment value. */
    static final String QUANTILES = """
            SELECT variant, plan, complexity, quantile_cont(latency_ms, 0.95) AS p95
            FROM requests GROUP BY GROUPING SETS ((variant), (variant, plan), (variant, complexity))""";

    private AnalysisFloor() {
    }

    public static void main(String[] args) throws SQLException {
        long rows = 0;
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + args[0]);
             Statement statement = connection.createStatement()) {
            rows += read(statement, UNIT_SUMS);
            rows += read(statement, QUANTILES);
        }
        System.out.printf(Locale.ROOT, "floor: %d rows%n", rows);
    }

    private static long read(Statement statement, String sql) throws SQLException {
        long rows = 0;
        try (ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                for (int i = 1; i <= columns; i++) {
                    result.getObject(i);
                }
                rows++;
            }
        }
        return rows;
    }
}
