package dev.arbiter.importers.statistics;

import java.math.BigDecimal;
import dev.arbiter.importers.ingest.ColumnInfo;
import dev.arbiter.importers.ingest.DatasetCatalog;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * The little that differs between SQL engines in the metric queries, and how their plans are tuned.
 * Everything else the queries use is standard SQL (CTEs, GROUPING SETS, {@code PERCENTILE_CONT ...
 * WITHIN GROUP}, {@code IS NOT DISTINCT FROM}, {@code CAST}), so the same text runs on DuckDB and
 * on a distributed engine. The defaults are standard SQL ({@link #ANSI}); an engine overrides what
 * it does better or differently ({@link #DUCKDB}; a new engine is one more implementation).
 */
public interface SqlDialect {
    /** Standard SQL: plain {@code SUM}, one {@code PERCENTILE_CONT} per probability, no hash functions. */
    SqlDialect ANSI = new AnsiDialect();
    /** DuckDB, the workspace's engine. */
    SqlDialect DUCKDB = new DuckDbDialect();
    /** Spark SQL (Databricks SQL warehouses, Spark Thrift servers, Spark Connect; issue 20). */
    SqlDialect SPARK = new SparkDialect();

    /**
     * The engine-neutral text of a query in this engine's words (type names, literals), rewritten
     * outside quoted names and texts; standard SQL: as it is.
     */
    default String translate(String sql) {
        return sql;
    }

    /** A table's columns with their types in Arbiter's names (DuckDB's): standard SQL's information_schema. */
    default List<ColumnInfo> columns(Connection connection, String table) throws SQLException {
        return DatasetCatalog.columns(connection, table);
    }

    /** Statements run once on each new connection before any query: session settings. None in standard SQL. */
    default List<String> sessionSetup() {
        return List.of();
    }

    /**
     * Select-list text computing the type 7 quantiles of {@code expression} at each probability, named
     * after {@code alias}: standard SQL has one {@code PERCENTILE_CONT} per probability.
     */
    default String quantiles(String expression, List<Double> probabilities, String alias) {
        return percentiles("PERCENTILE_CONT", expression, probabilities, alias);
    }

    /**
     * Select-list text selecting, per probability, the value at position ⌈n·p⌉ of the ordered values
     * (no interpolation), named after {@code alias} and read by {@link #readQuantiles}: the i-th
     * smallest of n is asked at p = (i − ½)/n, which every discrete percentile definition maps to i.
     */
    default String orderStatistics(String expression, List<Double> probabilities, String alias) {
        return percentiles("PERCENTILE_DISC", expression, probabilities, alias);
    }

    /** Whole days from date {@code from} to date {@code to}, as an integer. */
    default String daysBetween(String from, String to) {
        return "(" + to + " - " + from + ")";
    }

    /**
     * A condition keeping about one unit in {@code oneIn}, the same units on every run (a hash of
     * the unit, not a random draw), for descriptive pictures of large data only — never for an
     * estimate or interval. Standard SQL has no hash function: it keeps every unit.
     */
    default String unitSample(String unit, int oneIn) {
        return "1 = 1";
    }

    /**
     * A stand-in for a text value when all that matters is whether two values differ ({@code
     * MIN(f) <> MAX(f)} within a group). Standard SQL: the text itself.
     */
    default String fingerprint(String text) {
        return text;
    }

    /**
     * A 64-bit hash of a row's {@code columns} (quoted names with their types), for a fingerprint of a
     * table's data computed in the engine; null where the engine has none Arbiter knows (standard SQL).
     */
    default String rowHash(List<ColumnInfo> columns) {
        return null;
    }

    /** Reads what {@link #quantiles} selected; NaN where the group had no values. */
    default double[] readQuantiles(ResultSet row, String alias, int count) throws SQLException {
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            Object value = row.getObject(alias + "_" + i);
            values[i] = value == null ? Double.NaN : ((Number) value).doubleValue();
        }
        return values;
    }

    /**
     * What stands between a common table expression's name and {@code AS (} when a query reads it
     * twice and it is cheaper computed twice than stored: DuckDB stores such expressions (every
     * event written once more); standard SQL and Spark compute them where they are read.
     */
    default String computedWhereRead() {
        return "";
    }

    /** The aggregate function of a floating-point sum whose result does not depend on the order rows arrive in. */
    default String sumFunction() {
        return "SUM";
    }

    /** {@code sumFunction(expression)}. */
    default String exactSum(String expression) {
        return sumFunction() + "(" + expression + ")";
    }

    /** The thresholds that shape the query plans on this engine ({@link QueryTuning#STANDARD} by default). */
    default QueryTuning tuning() {
        return QueryTuning.STANDARD;
    }

    /** One standard {@code function(p) WITHIN GROUP (ORDER BY expression)} per probability, named alias_i. */
    private static String percentiles(String function, String expression, List<Double> probabilities, String alias) {
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < probabilities.size(); i++) {
            list.append(i == 0 ? "" : ", ").append(function).append('(').append(literal(probabilities.get(i)))
                    .append(") WITHIN GROUP (ORDER BY ").append(expression).append(") AS ").append(alias).append('_').append(i);
        }
        return list.toString();
    }

    /** A probability as an SQL numeric literal (Arbiter's own number, never user text). */
    static String literal(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("a quantile probability must be between 0 and 1: " + p);
        }
        return BigDecimal.valueOf(p).toPlainString();
    }
}
