package dev.arbiter.importers.metrics;

import dev.arbiter.analytics.QuantileMetric;
import dev.arbiter.analytics.QuantileMetric.ArmQuantile;
import dev.arbiter.analytics.QuantileMetric.ProbabilityBounds;
import dev.arbiter.analytics.RatioMoments;
import dev.arbiter.importers.experiment.MetricDefinition;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A quantile metric in three aggregate passes (docs/methods.md, "Quantile metrics"): (1) the R type 7
 * quantile per arm, segment value and event day; (2) per unit, the events at or below its slice's
 * quantile, summed per slice into ratio moments, whose delta-method standard error gives the
 * probability bounds p ± zσ; (3) the quantiles at those bounds. Days get the value only.
 */
final class QuantileMetricQuery {
    private final EventSource source;
    private final MetricDefinition metric;
    private final Dimensions dimensions;
    private final double alpha;
    private final MetricExpressions expressions;

    QuantileMetricQuery(EventSource source, SqlDialect dialect, MetricDefinition metric, Dimensions dimensions,
                        double alpha) {
        this.source = source;
        this.metric = metric;
        this.dimensions = dimensions;
        this.alpha = alpha;
        this.expressions = new MetricExpressions(source, dialect);
    }

    Map<SliceKey, ArmStatistics> run(Connection connection) throws SQLException {
        Map<SliceKey, double[]> values = values(connection);
        Map<SliceKey, ProbabilityBounds> bounds = new HashMap<>();
        bounds.putAll(probabilityBounds(connection, null, values));
        for (Dimensions.Segment segment : dimensions.segments()) {
            bounds.putAll(probabilityBounds(connection, segment, values));
        }
        Map<SliceKey, double[]> limits = limits(connection, bounds);
        Map<SliceKey, ArmStatistics> result = new LinkedHashMap<>();
        double z = QuantileMetric.z(alpha);
        values.forEach((slice, v) -> {
            double[] limit = limits.getOrDefault(slice, new double[] {Double.NaN, Double.NaN});
            result.put(slice, new ArmStatistics.Quantile(new ArmQuantile((long) v[0], (long) v[1], v[2], limit[0],
                    limit[1], z)));
        });
        return result;
    }

    /** {@code WITH ev, units (assigned units with their segments), q (the metric's events)}. */
    private SqlQuery events() {
        SqlQuery filter = expressions.condition(metric);
        String value = source.number(metric.column());
        SqlQuery units = new SqlQuery().sql(", units AS (SELECT unit, MIN(arm) AS arm");
        dimensions.segments().forEach(segment -> units.sql(", " + segment.unitExpression() + " AS " + segment.alias()));
        units.sql(" FROM ev WHERE ").append(source.inArms("arm")).sql(" GROUP BY unit HAVING COUNT(DISTINCT arm) = 1)");
        SqlQuery q = new SqlQuery().sql(", q AS (SELECT u.*, e." + value + " AS v")
                .sql(source.hasTimestamp() ? ", CAST(e.ts AS DATE) AS day" : "")
                .sql(" FROM ev e JOIN units u ON e.unit = u.unit WHERE ").append(source.inArms("e.arm"))
                .sql(" AND e." + value + " IS NOT NULL");
        if (filter != null) {
            q.sql(" AND ").append(filter);
        }
        return new SqlQuery().sql("WITH ").append(source.cte()).append(units).append(q.sql(")"));
    }

    /** Pass 1: units, events and the quantile per slice. */
    private Map<SliceKey, double[]> values(Connection connection) throws SQLException {
        SqlQuery query = events().sql(" SELECT arm" + dimensions.selectList()
                + ", COUNT(DISTINCT unit) AS units, COUNT(*) AS events, PERCENTILE_CONT(" + probability(metric.quantile())
                + ") WITHIN GROUP (ORDER BY v) AS value FROM q GROUP BY " + dimensions.groupingSets("arm"));
        Map<SliceKey, double[]> values = new LinkedHashMap<>();
        try (PreparedStatement statement = query.prepare(connection); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                SliceKey slice = dimensions.slice(rows, rows.getString("arm"));
                if (slice != null) {
                    values.put(slice, new double[] {rows.getLong("units"), rows.getLong("events"), rows.getDouble("value")});
                }
            }
        }
        return values;
    }

    /** Pass 2 for the whole arms ({@code segment} null) or one segment dimension. */
    private Map<SliceKey, ProbabilityBounds> probabilityBounds(Connection connection, Dimensions.Segment segment,
                                                              Map<SliceKey, double[]> values) throws SQLException {
        String column = segment == null ? null : segment.name();
        List<Map.Entry<SliceKey, double[]>> slices = values.entrySet().stream()
                .filter(e -> !e.getKey().isDay() && java.util.Objects.equals(e.getKey().segmentColumn(), column))
                .filter(e -> e.getValue()[0] >= 2).toList();
        Map<SliceKey, ProbabilityBounds> bounds = new HashMap<>();
        if (slices.isEmpty()) {
            return bounds;
        }
        String seg = segment == null ? "CAST(NULL AS VARCHAR)" : "q." + segment.alias();
        SqlQuery table = new SqlQuery().sql("(VALUES ");
        for (int i = 0; i < slices.size(); i++) {
            SliceKey key = slices.get(i).getKey();
            table.sql(i == 0 ? "(" : ", (").sql("CAST(").value(key.arm()).sql(" AS VARCHAR), CAST(")
                    .value(key.segmentValue()).sql(" AS VARCHAR), CAST(").value(slices.get(i).getValue()[2])
                    .sql(" AS DOUBLE PRECISION))");
        }
        table.sql(") AS qs(arm, seg, qv)");
        SqlQuery query = events().sql(", pu AS (SELECT q.unit, q.arm, " + seg + " AS seg, "
                + "SUM(CASE WHEN q.v <= qs.qv THEN 1 ELSE 0 END) AS s, COUNT(*) AS c FROM q JOIN ").append(table)
                .sql(" ON q.arm = qs.arm AND " + seg + " IS NOT DISTINCT FROM qs.seg GROUP BY q.unit, q.arm, " + seg + ")")
                .sql(" SELECT arm, seg, COUNT(*) AS n, SUM(s) AS ss, SUM(s * s) AS sss, SUM(c) AS sc, SUM(c * c) AS scc, "
                        + "SUM(s * c) AS ssc FROM pu GROUP BY arm, seg");
        try (PreparedStatement statement = query.prepare(connection); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                SliceKey key = segment == null ? SliceKey.arm(rows.getString("arm"))
                        : SliceKey.segment(rows.getString("arm"), column, rows.getString("seg"));
                RatioMoments indicator = new RatioMoments(rows.getLong("n"), rows.getDouble("ss"), rows.getDouble("sss"),
                        rows.getDouble("sc"), rows.getDouble("scc"), rows.getDouble("ssc"));
                bounds.put(key, QuantileMetric.probabilityBounds(metric.quantile(), indicator, alpha));
            }
        }
        return bounds;
    }

    /** Pass 3: the quantiles at every slice's probability bounds, in one scan. */
    private Map<SliceKey, double[]> limits(Connection connection, Map<SliceKey, ProbabilityBounds> bounds)
            throws SQLException {
        Map<SliceKey, double[]> limits = new HashMap<>();
        if (bounds.isEmpty()) {
            return limits;
        }
        List<SliceKey> keys = new ArrayList<>(bounds.keySet());
        SqlQuery query = events().sql(" SELECT ");
        String separator = "";
        for (int i = 0; i < keys.size(); i++) {
            SliceKey key = keys.get(i);
            SqlQuery inSlice = new SqlQuery().sql("arm = ").value(key.arm());
            if (key.isSegment()) {
                String alias = dimensions.segments().stream().filter(s -> s.name().equals(key.segmentColumn()))
                        .findFirst().orElseThrow().alias();
                inSlice.sql(" AND " + alias + " IS NOT DISTINCT FROM CAST(").value(key.segmentValue()).sql(" AS VARCHAR)");
            }
            ProbabilityBounds b = bounds.get(key);
            for (double p : new double[] {b.lower(), b.upper()}) {
                query.sql(separator).sql("PERCENTILE_CONT(" + probability(p)
                        + ") WITHIN GROUP (ORDER BY CASE WHEN ").append(inSlice).sql(" THEN v END)");
                separator = ", ";
            }
        }
        query.sql(" FROM q");
        try (PreparedStatement statement = query.prepare(connection); ResultSet rows = statement.executeQuery()) {
            rows.next();
            for (int i = 0; i < keys.size(); i++) {
                limits.put(keys.get(i), new double[] {rows.getDouble(2 * i + 1), rows.getDouble(2 * i + 2)});
            }
        }
        return limits;
    }

    /** A probability as an SQL numeric literal (our own number, never user text). */
    private static String probability(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("a quantile probability must be between 0 and 1: " + p);
        }
        return java.math.BigDecimal.valueOf(p).toPlainString();
    }
}
