package dev.arbiter.importers.metrics;

import dev.arbiter.analytics.CovariateMoments;
import dev.arbiter.analytics.RatioCovariateMoments;
import dev.arbiter.analytics.RatioMoments;
import dev.arbiter.importers.experiment.Covariate;
import dev.arbiter.importers.experiment.MetricDefinition;
import dev.arbiter.importers.experiment.MetricKind;
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
 * One query for every unit and ratio metric: aggregate the events to the assignment unit first
 * ({@code units}), then sum the per-unit values, squares and cross products per arm with GROUPING
 * SETS over the segments and the day of first exposure. Units seen in more than one arm are kept
 * apart ({@code assigned = 0}) and only counted. Pre-exposure covariates come from each unit's
 * events before its first exposure ({@code pre}).
 */
final class UnitMetricQuery {
    /** What the query returns. */
    record Result(Map<SliceKey, long[]> unitsAndEvents, long crossoverUnits,
                  Map<String, Map<SliceKey, ArmStatistics>> metrics, Map<String, Long> unitsChangingSegment) {
    }

    private final EventSource source;
    private final SqlDialect dialect;
    private final List<MetricDefinition> metrics;
    private final Dimensions dimensions;
    private final MetricExpressions expressions;

    UnitMetricQuery(EventSource source, SqlDialect dialect, List<MetricDefinition> metrics, Dimensions dimensions) {
        this.source = source;
        this.dialect = dialect;
        this.metrics = List.copyOf(metrics);
        this.dimensions = dimensions;
        this.expressions = new MetricExpressions(source, dialect);
    }

    /** The query's SQL and parameters (built fresh: building registers the columns it reads). */
    SqlQuery build() {
        SqlQuery perUnit = new SqlQuery();
        SqlQuery preExposure = new SqlQuery();
        List<String> fromPre = new ArrayList<>();
        for (int i = 0; i < metrics.size(); i++) {
            addPerUnit(i, metrics.get(i), perUnit, preExposure, fromPre);
        }
        SqlQuery query = new SqlQuery().sql("WITH ").append(source.cte()).sql(", units AS (SELECT unit, MIN(arm) AS arm, ")
                .sql("CASE WHEN MIN(arm) = MAX(arm) THEN 1 ELSE 0 END AS assigned, COUNT(*) AS events");
        if (source.hasTimestamp()) {
            query.sql(", MIN(ts) AS first_ts, CAST(MIN(ts) AS DATE) AS day");
        }
        dimensions.segments().forEach(segment -> query.sql(", " + segment.unitExpression() + " AS " + segment.alias()));
        List<Dimensions.Segment> single = singleSegments();
        for (int k = 0; k < single.size(); k++) {
            String event = single.get(k).eventExpression();
            query.sql(", CASE WHEN MIN(" + event + ") <> MAX(" + event + ") THEN 1 ELSE 0 END AS changes" + k);
        }
        query.append(perUnit).sql(" FROM ev WHERE ").append(source.inArms("arm")).sql(" GROUP BY unit)");
        if (!fromPre.isEmpty()) {
            query.sql(", pre AS (SELECT e.unit").append(preExposure)
                    .sql(" FROM ev e JOIN units u ON e.unit = u.unit WHERE e.ts < u.first_ts GROUP BY e.unit)");
        }
        query.sql(", u2 AS (SELECT units.*");
        fromPre.forEach(column -> query.sql(", COALESCE(pre." + column + ", 0) AS c" + column));
        query.sql(" FROM units").sql(fromPre.isEmpty() ? "" : " LEFT JOIN pre ON pre.unit = units.unit").sql(")");
        query.sql(" SELECT assigned, arm" + dimensions.selectList() + ", COUNT(*) AS n, SUM(events) AS events");
        for (int k = 0; k < single.size(); k++) {
            query.sql(", SUM(changes" + k + ") AS changed" + k);
        }
        for (int i = 0; i < metrics.size(); i++) {
            query.sql(sums(i, metrics.get(i)));
        }
        return query.sql(" FROM u2 GROUP BY " + dimensions.groupingSets("assigned, arm"));
    }

    Result run(Connection connection) throws SQLException {
        SqlQuery query = build();
        Map<SliceKey, long[]> counts = new LinkedHashMap<>();
        Map<String, Map<SliceKey, ArmStatistics>> statistics = new LinkedHashMap<>();
        metrics.forEach(metric -> statistics.put(metric.name(), new HashMap<>()));
        long crossover = 0;
        List<Dimensions.Segment> single = singleSegments();
        Map<String, Long> changing = new LinkedHashMap<>();
        single.forEach(segment -> changing.put(segment.name(), 0L));
        try (PreparedStatement statement = query.prepare(connection); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                String arm = rows.getString("arm");
                SliceKey slice = dimensions.slice(rows, arm);
                if (slice == null) {
                    continue;
                }
                if (rows.getInt("assigned") == 0) {
                    crossover += slice.isWholeArm() ? rows.getLong("n") : 0;
                    continue;
                }
                counts.put(slice, new long[] {rows.getLong("n"), rows.getLong("events")});
                if (slice.isWholeArm()) {
                    for (int k = 0; k < single.size(); k++) {
                        changing.merge(single.get(k).name(), rows.getLong("changed" + k), Long::sum);
                    }
                }
                for (int i = 0; i < metrics.size(); i++) {
                    statistics.get(metrics.get(i).name()).put(slice, read(rows, i, metrics.get(i)));
                }
            }
        }
        return new Result(counts, crossover, statistics, changing);
    }

    /** The segment columns themselves (not crossed pairs): the ones a unit's events can disagree on. */
    private List<Dimensions.Segment> singleSegments() {
        return dimensions.segments().stream().filter(segment -> !segment.crossed()).toList();
    }

    /** Metric {@code i}'s per-unit columns ({@code y}i, or {@code m}i and {@code d}i), covariates aside. */
    void addPerUnit(int i, MetricDefinition metric, SqlQuery perUnit, SqlQuery pre, List<String> fromPre) {
        Covariate covariate = metric.covariate();
        boolean preExposure = covariate != null && covariate.isPreExposure();
        if (metric.kind() == MetricKind.RATIO) {
            perUnit.sql(", ").append(expressions.numerator(metric)).sql(" AS m" + i)
                    .sql(", ").append(expressions.denominator(metric)).sql(" AS d" + i);
            if (preExposure) {
                pre.sql(", ").append(expressions.numerator(metric)).sql(" AS pm" + i)
                        .sql(", ").append(expressions.denominator(metric)).sql(" AS pd" + i);
                fromPre.add("pm" + i);
                fromPre.add("pd" + i);
            }
            return;
        }
        perUnit.sql(", ").append(expressions.unitValue(metric, metric.aggregateOrDefault(), metric.column()))
                .sql(" AS y" + i);
        if (preExposure) {
            pre.sql(", ").append(expressions.unitValue(metric, metric.aggregateOrDefault(), metric.column()))
                    .sql(" AS px" + i);
            fromPre.add("px" + i);
        } else if (covariate != null) {
            perUnit.sql(", ").append(expressions.unitValue(withoutFilter(metric), covariate.aggregateOrMean(),
                    covariate.column())).sql(" AS cpx" + i);
        }
    }

    private static MetricDefinition withoutFilter(MetricDefinition metric) {
        return new MetricDefinition(metric.name(), metric.column(), metric.kind(), metric.aggregate(), metric.denominator(),
                metric.quantile(), metric.direction(), null, null, null, null, null, null, null, null, null, null, null);
    }

    /** Metric {@code i}'s sums over units: values, squares, cross products. */
    String sums(int i, MetricDefinition metric) {
        if (metric.kind() == MetricKind.RATIO) {
            String m = "m" + i;
            String d = "d" + i;
            String sums = sum(m, "s" + m) + sum(m + "*" + m, "q" + m) + sum(d, "s" + d) + sum(d + "*" + d, "q" + d)
                    + sum(m + "*" + d, "x" + m + d);
            if (metric.covariate() != null) {
                String cm = "cpm" + i;
                String cd = "cpd" + i;
                sums += sum(cm, "s" + cm) + sum(cm + "*" + cm, "q" + cm) + sum(cd, "s" + cd) + sum(cd + "*" + cd, "q" + cd)
                        + sum(cm + "*" + cd, "x" + cm + cd) + sum(m + "*" + cm, "x" + m + cm) + sum(m + "*" + cd, "x" + m + cd)
                        + sum(d + "*" + cm, "x" + d + cm) + sum(d + "*" + cd, "x" + d + cd);
            }
            return sums;
        }
        String y = "y" + i;
        String sums = sum(y, "s" + y) + sum(y + "*" + y, "q" + y)
                + ", SUM(CASE WHEN " + y + " = 0 OR " + y + " = 1 THEN 0 ELSE 1 END) AS nb" + y;
        if (metric.covariate() != null) {
            String x = "cpx" + i;
            sums += sum(x, "s" + x) + sum(x + "*" + x, "q" + x) + sum(x + "*" + y, "x" + x + y);
        }
        return sums;
    }

    private String sum(String expression, String label) {
        return ", " + dialect.exactSum(expression) + " AS " + label;
    }

    /** Metric {@code i}'s statistics from a row of sums with its unit count in column {@code n}. */
    ArmStatistics read(ResultSet row, int i, MetricDefinition metric) throws SQLException {
        long n = row.getLong("n");
        if (metric.kind() == MetricKind.RATIO) {
            String m = "m" + i;
            String d = "d" + i;
            RatioMoments moments = new RatioMoments(n, row.getDouble("s" + m), row.getDouble("q" + m),
                    row.getDouble("s" + d), row.getDouble("q" + d), row.getDouble("x" + m + d));
            if (metric.covariate() == null) {
                return new ArmStatistics.Ratio(new RatioCovariateMoments(moments, new RatioMoments(n, 0, 0, 0, 0, 0), 0, 0, 0, 0));
            }
            String cm = "cpm" + i;
            String cd = "cpd" + i;
            RatioMoments covariate = new RatioMoments(n, row.getDouble("s" + cm), row.getDouble("q" + cm),
                    row.getDouble("s" + cd), row.getDouble("q" + cd), row.getDouble("x" + cm + cd));
            return new ArmStatistics.Ratio(new RatioCovariateMoments(moments, covariate, row.getDouble("x" + m + cm),
                    row.getDouble("x" + m + cd), row.getDouble("x" + d + cm), row.getDouble("x" + d + cd)));
        }
        String y = "y" + i;
        boolean binary = row.getLong("nb" + y) == 0;
        if (metric.covariate() == null) {
            return new ArmStatistics.Unit(new CovariateMoments(n, row.getDouble("s" + y), row.getDouble("q" + y), 0, 0, 0), binary);
        }
        String x = "cpx" + i;
        return new ArmStatistics.Unit(new CovariateMoments(n, row.getDouble("s" + y), row.getDouble("q" + y),
                row.getDouble("s" + x), row.getDouble("q" + x), row.getDouble("x" + x + y)), binary);
    }
}
