package dev.arbiter.importers.statistics;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

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

        @Override
        public String quantiles(String expression, List<Double> probabilities, String alias) {
            return "quantile_cont(" + expression + ", [" + String.join(", ", probabilities.stream()
                    .map(SqlDialect::literal).toList()) + "]) AS " + alias;
        }

        @Override
        public String daysBetween(String from, String to) {
            return "date_diff('day', " + from + ", " + to + ")";
        }

        @Override
        public String unitSample(String unit, int oneIn) {
            return "hash(" + unit + ") % " + oneIn + " = 0";
        }

        @Override
        public String fingerprint(String text) {
            return "hash(" + text + ")";
        }

        @Override
        public double[] readQuantiles(ResultSet row, String alias, int count) throws SQLException {
            java.sql.Array array = row.getArray(alias);
            double[] values = new double[count];
            java.util.Arrays.fill(values, Double.NaN);
            if (array != null) {
                Object[] items = (Object[]) array.getArray();
                for (int i = 0; i < count; i++) {
                    values[i] = items[i] == null ? Double.NaN : ((Number) items[i]).doubleValue();
                }
            }
            return values;
        }
    },
    /** Standard SQL: plain {@code SUM}. */
    ANSI {
        @Override
        public String sumFunction() {
            return "SUM";
        }
    };

    /**
     * Select-list text computing the type 7 quantiles of {@code expression} at each probability, named
     * after {@code alias}: standard SQL has one {@code PERCENTILE_CONT} per probability; DuckDB one
     * list-valued {@code quantile_cont}, which sorts once.
     */
    public String quantiles(String expression, List<Double> probabilities, String alias) {
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < probabilities.size(); i++) {
            list.append(i == 0 ? "" : ", ").append("PERCENTILE_CONT(").append(literal(probabilities.get(i)))
                    .append(") WITHIN GROUP (ORDER BY ").append(expression).append(") AS ").append(alias).append('_').append(i);
        }
        return list.toString();
    }

    /** Whole days from date {@code from} to date {@code to}, as an integer. */
    public String daysBetween(String from, String to) {
        return "(" + to + " - " + from + ")";
    }

    /**
     * A condition keeping about one unit in {@code oneIn}, the same units on every run (a hash of
     * the unit, not a random draw), for descriptive pictures of large data only — never for an
     * estimate or interval. Standard SQL has no hash function: it keeps every unit.
     */
    public String unitSample(String unit, int oneIn) {
        return "1 = 1";
    }

    /**
     * A stand-in for a text value when all that matters is whether two values differ ({@code
     * MIN(f) <> MAX(f)} within a group): DuckDB's 64-bit hash, much cheaper to aggregate than text
     * (two different values share a hash with probability 2^-64). Standard SQL: the text itself.
     */
    public String fingerprint(String text) {
        return text;
    }

    /** Reads what {@link #quantiles} selected; NaN where the group had no values. */
    public double[] readQuantiles(ResultSet row, String alias, int count) throws SQLException {
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            Object value = row.getObject(alias + "_" + i);
            values[i] = value == null ? Double.NaN : ((Number) value).doubleValue();
        }
        return values;
    }

    /** A probability as an SQL numeric literal (Arbiter's own number, never user text). */
    static String literal(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("a quantile probability must be between 0 and 1: " + p);
        }
        return java.math.BigDecimal.valueOf(p).toPlainString();
    }

    /** The aggregate function of a floating-point sum whose result does not depend on the order rows arrive in. */
    public abstract String sumFunction();

    /** {@code sumFunction(expression)}. */
    public String exactSum(String expression) {
        return sumFunction() + "(" + expression + ")";
    }
}
