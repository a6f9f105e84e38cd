package dev.arbiter.importers.statistics;

import dev.arbiter.importers.experiment.Metric;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The distribution of a quantile metric's column in each arm, as its percentiles 1 to 99: what the
 * Results section draws as per-arm latency distributions. Exact, and the same on every run (an
 * approximate t-digest changed in the 4th digit between runs, which {@code arbiter reproduce}
 * would rightly flag): read from the arms' value counts when the quantile pass counted values;
 * otherwise selected by the engine, over a fixed one-in-16 sample of units above
 * {@link QueryTuning#distributionSampleAbove()} events (exact percentiles of 10M continuous values cost seconds).
 */
final class DistributionQuery {
    /** The probabilities of the percentiles returned. */
    static final List<Double> PERCENTILES = percentiles();

    private final EventSource source;
    private final SqlDialect dialect;
    private final Metric metric;
    private final SqlQuery crossoverFilter;

    /** @param crossoverFilter leaves out units seen in several arms, as the estimates do; null when there are none */
    DistributionQuery(EventSource source, SqlDialect dialect, Metric metric, SqlQuery crossoverFilter) {
        this.source = source;
        this.dialect = dialect;
        this.metric = metric;
        this.crossoverFilter = crossoverFilter;
    }

    /** Per arm, the percentiles 1..99 read from its value counts. */
    static Map<String, double[]> fromHistograms(Map<String, ValueHistogram> arms) {
        Map<String, double[]> byArm = new LinkedHashMap<>();
        arms.forEach((arm, histogram) -> byArm.put(arm, PERCENTILES.stream().mapToDouble(histogram::quantile).toArray()));
        return byArm;
    }

    /** Per arm, the percentiles 1..99 of the metric's events (NaN where an arm has none); {@code events} decides sampling. */
    Map<String, double[]> run(Connection connection, long events) throws SQLException {
        Map<String, double[]> byArm = new LinkedHashMap<>();
        query(events).forEachRow(connection, rows ->
                byArm.put(rows.getString("arm"), dialect.readQuantiles(rows, "p", PERCENTILES.size())));
        return byArm;
    }

    private SqlQuery query(long events) {
        SqlQuery filter = new MetricExpressions(source, dialect).condition(metric);
        String value = source.number(metric.column());
        SqlQuery query = new SqlQuery().sql("SELECT arm, " + dialect.quantiles(value, PERCENTILES, "p") + " FROM ev WHERE ")
                .append(source.inArms("arm")).sql(" AND " + value + " IS NOT NULL");
        if (events > dialect.tuning().distributionSampleAbove()) {
            query.sql(" AND " + dialect.unitSample("unit", dialect.tuning().distributionSampleOneIn()));
        }
        for (SqlQuery condition : Arrays.asList(crossoverFilter, filter)) {
            if (condition != null) {
                query.sql(" AND ").append(condition);
            }
        }
        query.sql(" GROUP BY arm");
        return new SqlQuery().sql("WITH ").append(source.cte()).sql(" ").append(query);
    }

    private static List<Double> percentiles() {
        List<Double> list = new ArrayList<>();
        for (int p = 1; p <= 99; p++) {
            list.add(p / 100.0);
        }
        return List.copyOf(list);
    }
}
