package dev.arbiter.importers.metrics;

import dev.arbiter.importers.experiment.MetricDefinition;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The distribution of a quantile metric's column in each arm, as its percentiles 1 to 99, in one
 * scan: what the Results section draws as per-arm latency distributions. Descriptive, so the engine
 * may approximate them (DuckDB's t-digest: exact percentiles of 10M values cost seconds).
 */
final class DistributionQuery {
    /** The probabilities of the percentiles returned. */
    static final List<Double> PERCENTILES = percentiles();

    private final EventSource source;
    private final SqlDialect dialect;
    private final MetricDefinition metric;

    DistributionQuery(EventSource source, SqlDialect dialect, MetricDefinition metric) {
        this.source = source;
        this.dialect = dialect;
        this.metric = metric;
    }

    /** Per arm, the percentiles 1..99 of the metric's events (NaN where an arm has none). */
    Map<String, double[]> run(Connection connection) throws SQLException {
        SqlQuery filter = new MetricExpressions(source, dialect).condition(metric);
        String value = source.number(metric.column());
        SqlQuery query = new SqlQuery().sql("SELECT arm, " + dialect.approximateQuantiles(value, PERCENTILES, "p") + " FROM ev WHERE ")
                .append(source.inArms("arm")).sql(" AND " + value + " IS NOT NULL");
        if (filter != null) {
            query.sql(" AND ").append(filter);
        }
        query.sql(" GROUP BY arm");
        SqlQuery full = new SqlQuery().sql("WITH ").append(source.cte()).sql(" ").append(query);
        Map<String, double[]> byArm = new LinkedHashMap<>();
        try (PreparedStatement statement = full.prepare(connection); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                byArm.put(rows.getString("arm"), dialect.readQuantiles(rows, "p", PERCENTILES.size()));
            }
        }
        return byArm;
    }

    private static List<Double> percentiles() {
        List<Double> list = new ArrayList<>();
        for (int p = 1; p <= 99; p++) {
            list.add(p / 100.0);
        }
        return List.copyOf(list);
    }
}
