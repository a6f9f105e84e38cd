package dev.arbiter.importers.statistics;

import dev.arbiter.importers.Sql;
import dev.arbiter.importers.ingest.ColumnInfo;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * DuckDB: {@code fsum} is a compensated (Kahan–Babuška) sum, so sums do not change with thread
 * scheduling; one list-valued {@code quantile_cont} sorts once for several quantiles; 64-bit
 * {@code hash} samples units and stands in for text (two different values share a hash with
 * probability 2^-64); and the plan thresholds measured on DuckDB (decision 0008), including coding
 * segments in DuckDB's own string order.
 */
final class DuckDbDialect implements SqlDialect {
    @Override
    public QueryTuning tuning() {
        return QueryTuning.DUCKDB;
    }

    @Override
    public String toString() {
        return "DuckDB";
    }

    @Override
    public String sumFunction() {
        return "fsum";
    }

    @Override
    public String computedWhereRead() {
        return " NOT MATERIALIZED";
    }

    @Override
    public String quantiles(String expression, List<Double> probabilities, String alias) {
        return listValued("quantile_cont", expression, probabilities, alias);
    }

    @Override
    public String orderStatistics(String expression, List<Double> probabilities, String alias) {
        return listValued("quantile_disc", expression, probabilities, alias);
    }

    /** {@code function(expression, [p1, p2, …]) AS alias}: one sort for every probability. */
    private static String listValued(String function, String expression, List<Double> probabilities, String alias) {
        return function + "(" + expression + ", [" + String.join(", ", probabilities.stream()
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

    /** DuckDB's {@code hash} of several values (any types): a UBIGINT. */
    @Override
    public String rowHash(List<ColumnInfo> columns) {
        return "hash(" + columns.stream().map(column -> Sql.identifier(column.name())).collect(Collectors.joining(", ")) + ")";
    }

    @Override
    public String fingerprint(String text) {
        return "hash(" + text + ")";
    }

    @Override
    public double[] readQuantiles(ResultSet row, String alias, int count) throws SQLException {
        Array array = row.getArray(alias);
        double[] values = new double[count];
        Arrays.fill(values, Double.NaN);
        if (array != null) {
            Object[] items = (Object[]) array.getArray();
            for (int i = 0; i < count; i++) {
                values[i] = items[i] == null ? Double.NaN : ((Number) items[i]).doubleValue();
            }
        }
        return values;
    }
}
