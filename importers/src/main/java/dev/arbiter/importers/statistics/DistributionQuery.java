package dev.arbiter.importers.statistics;

import dev.arbiter.importers.experiment.Metric;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The distribution of a quantile metric's column in each arm, as its percentiles 1 to 99: what the
 * Results section draws as per-arm latency distributions. Exact, and the same on every run (an
 * approximate t-digest changed in the 4th digit between runs, which {@code arbiter reproduce}
 * would rightly flag): read from the quantile passes' ranked counts when they counted values;
 * otherwise selected by the engine, over a fixed one-in-16 sample of units above
 * {@link QueryTuning#distributionSampleAbove()} events (exact percentiles of 10M continuous values cost seconds);
 * on an engine across a network ({@link #nearOrderStatistics}), exact from the engine's ranked value
 * counts, of which only the two order statistics each percentile reads come back.
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

    /** Per arm, the percentiles 1..99 of the metric's events (NaN where an arm has none); {@code events} decides sampling. */
    Map<String, double[]> run(Connection connection, long events) throws SQLException {
        Map<String, double[]> byArm = new LinkedHashMap<>();
        query(events).forEachRow(connection, rows ->
                byArm.put(rows.getString("arm"), dialect.readQuantiles(rows, "p", PERCENTILES.size())));
        return byArm;
    }

    /**
     * Per arm, the percentiles 1..99 of the metric's {@code events} (per arm, as the quantile pass
     * counted them), exact, from the engine's ranked counts of each distinct value: only the values
     * holding the order statistics ⌊(n−1)p⌋ + 1 and + 2 (1-based) of each percentile come back — at
     * most 198 rows per arm, the same on every engine. Each wanted rank finds its value through an
     * equi-join: ranks and values' cumulative counts sorted together, the first value at or after a rank.
     */
    Map<String, double[]> nearOrderStatistics(Connection connection, Map<String, Long> events) throws SQLException {
        String value = source.number(metric.column());
        SqlQuery conditions = conditions(value); // before the CTE: the source adds the columns conditions name
        SqlQuery ranked = new SqlQuery().sql("WITH ").append(source.cte()).sql(", cells AS (SELECT arm, " + value
                + " AS v, COUNT(*) AS n FROM ev WHERE ").append(conditions).sql(" GROUP BY arm, " + value + ")")
                .sql(", ranked AS (SELECT arm, v, n, SUM(n) OVER (PARTITION BY arm ORDER BY v ROWS BETWEEN UNBOUNDED PRECEDING "
                        + "AND CURRENT ROW) AS cum FROM cells)");
        return fromRanked(connection, ranked, events);
    }

    /**
     * Per arm, the percentiles 1..99 from {@code ranked}, a {@code WITH} defining {@code ranked(arm, v,
     * n, cum)}: each arm's distinct values in order with their counts and cumulative counts.
     */
    static Map<String, double[]> fromRanked(Connection connection, SqlQuery ranked, Map<String, Long> events)
            throws SQLException {
        SqlQuery query = new SqlQuery().append(ranked).sql(", wanted AS (SELECT * FROM (VALUES ");
        boolean first = true;
        for (Map.Entry<String, Long> arm : events.entrySet()) {
            for (long rank : ranks(arm.getValue())) {
                query.sql(first ? "(CAST(" : ", (CAST(").value(arm.getKey()).sql(" AS VARCHAR), CAST(").value(rank)
                        .sql(" AS BIGINT))");
                first = false;
            }
        }
        if (first) {
            return Map.of();
        }
        query.sql(") AS listed (arm, r))")
                .sql(", marks AS (SELECT arm, cum AS pos, 1 AS kind FROM ranked UNION ALL SELECT arm, r AS pos, 0 AS kind FROM wanted)")
                .sql(", hits AS (SELECT arm, kind, MIN(CASE WHEN kind = 1 THEN pos END) OVER (PARTITION BY arm ORDER BY pos, kind "
                        + "ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) AS hit FROM marks)")
                .sql(" SELECT ranked.arm, v, n, cum FROM ranked JOIN (SELECT DISTINCT arm AS hit_arm, hit FROM hits WHERE kind = 0) h"
                        + " ON ranked.arm = h.hit_arm AND ranked.cum = h.hit ORDER BY ranked.arm, v");
        Map<String, List<double[]>> rows = new LinkedHashMap<>();
        query.forEachRow(connection, row -> rows.computeIfAbsent(row.getString("arm"), a -> new ArrayList<>())
                .add(new double[] {row.getDouble("v"), row.getLong("cum") - row.getLong("n"), row.getLong("cum")}));
        Map<String, double[]> byArm = new LinkedHashMap<>();
        rows.forEach((arm, values) -> byArm.put(arm, PERCENTILES.stream()
                .mapToDouble(p -> ValueHistogram.type7(events.get(arm), p, k -> at(values, k))).toArray()));
        return byArm;
    }

    /** The 1-based ranks the type 7 percentiles of {@code n} values read: ⌊(n−1)p⌋ + 1 and the next, within 1..n. */
    private static List<Long> ranks(long n) {
        TreeSet<Long> ranks = new TreeSet<>();
        for (double p : PERCENTILES) {
            long lo = (long) Math.floor((n - 1) * p);
            ranks.add(lo + 1);
            if (lo + 2 <= n) {
                ranks.add(lo + 2);
            }
        }
        return List.copyOf(ranks);
    }

    /** The value whose positions hold the 0-based order statistic {@code k}; it came back by construction. */
    private static double at(List<double[]> values, long k) {
        for (double[] value : values) {
            if (value[1] < k + 1 && k + 1 <= value[2]) {
                return value[0];
            }
        }
        throw new IllegalStateException("order statistic " + k + " did not come back");
    }

    /** The arms, a value, and the metric's filter and crossover filter. */
    private SqlQuery conditions(String value) {
        SqlQuery conditions = new SqlQuery().append(source.inArms("arm")).sql(" AND " + value + " IS NOT NULL");
        for (SqlQuery condition : Arrays.asList(crossoverFilter, new MetricExpressions(source, dialect).condition(metric))) {
            if (condition != null) {
                conditions.sql(" AND ").append(condition);
            }
        }
        return conditions;
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
