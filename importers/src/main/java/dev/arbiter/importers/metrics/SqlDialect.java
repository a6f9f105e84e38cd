package dev.arbiter.importers.metrics;

/**
 * The little that differs between SQL engines in the metric queries. Everything else the queries
 * use is standard SQL (CTEs, GROUPING SETS, {@code PERCENTILE_CONT ... WITHIN GROUP}, {@code IS NOT
 * DISTINCT FROM}, {@code CAST}), so the same text runs on DuckDB and on a distributed engine.
 */
public enum SqlDialect {
    /** DuckDB: {@code fsum} is a compensated (Kahan–Babuška) sum, so sums do not change with thread scheduling. */
    DUCKDB {
        @Override
        public String sumFunction() {
            return "fsum";
        }
    },
    /** Standard SQL: plain {@code SUM}. */
    ANSI {
        @Override
        public String sumFunction() {
            return "SUM";
        }
    };

    /** The aggregate function of a floating-point sum whose result does not depend on the order rows arrive in. */
    public abstract String sumFunction();

    /** {@code sumFunction(expression)}. */
    public String exactSum(String expression) {
        return sumFunction() + "(" + expression + ")";
    }
}
