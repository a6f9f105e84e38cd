package dev.arbiter.importers.statistics;

import dev.arbiter.analytics.CovariateMoments;
import dev.arbiter.analytics.RatioCovariateMoments;
import dev.arbiter.analytics.RatioMoments;
import dev.arbiter.importers.experiment.Covariate;
import dev.arbiter.importers.experiment.Metric;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dev.arbiter.analytics.ArmStatistics;

/**
 * One query for every unit and ratio metric: aggregate the events to the assignment unit first
 * ({@code units}, arms by index), then sum the per-unit values, squares and cross products per arm with GROUPING
 * SETS over the segments and the day of first exposure. Units seen in more than one arm are kept
 * apart ({@code assigned = 0}) and only counted. Pre-exposure covariates come from each unit's
 * events before its first exposure ({@code pre}).
 */
final class UnitMetricQuery {
    /** What the query returns. */
    record Result(Map<SliceKey, long[]> unitsAndEvents, long crossoverUnits,
                  Map<String, Map<SliceKey, ArmStatistics>> metrics, Map<String, Long> unitsChangingSegment,
                  long unitsOnSeveralDays) {
    }

    private final EventSource source;
    private final SqlDialect dialect;
    private final List<Metric.Adjustable> metrics;
    private final Dimensions dimensions;
    private final MetricExpressions expressions;

    UnitMetricQuery(EventSource source, SqlDialect dialect, List<Metric.Adjustable> metrics, Dimensions dimensions) {
        this.source = source;
        this.dialect = dialect;
        this.metrics = List.copyOf(metrics);
        this.dimensions = dimensions;
        this.expressions = new MetricExpressions(source, dialect);
    }

    /**
     * The query's SQL and parameters (built fresh: building registers the columns it reads), with
     * segments of few values aggregated as their {@link SegmentCodes} and decoded per unit.
     */
    SqlQuery build(SegmentCodes codes) {
        SqlQuery perUnit = new SqlQuery();
        SqlQuery preExposure = new SqlQuery();
        List<String> fromPre = new ArrayList<>();
        for (int i = 0; i < metrics.size(); i++) {
            addPerUnit(i, metrics.get(i), perUnit, preExposure, fromPre);
        }
        SqlQuery query = new SqlQuery().sql("WITH ").append(source.cte());
        units(query, codes, perUnit);
        if (!fromPre.isEmpty()) {
            preExposure(query, preExposure);
        }
        unitsWithSegments(query, codes, fromPre);
        return sumsOverCells(query);
    }

    /** {@code , pre AS (...)}: per unit, the covariates over its events before its first exposure. */
    private static void preExposure(SqlQuery query, SqlQuery columns) {
        query.sql(", pre AS (SELECT e.unit").append(columns)
                .sql(" FROM ev e JOIN units u ON e.unit = u.unit WHERE e.ts < u.first_ts GROUP BY e.unit)");
    }

    /** {@code , cells AS (...) SELECT ...}: the sums per finest cell, then added up over the grouping sets. */
    private SqlQuery sumsOverCells(SqlQuery query) {
        CellSums sums = cellSums();
        String cells = "assigned, ai" + dimensions.keyList();
        query.sql(", cells AS (SELECT " + cells + sums.cells() + " FROM u2 GROUP BY " + cells + ")");
        query.sql(" SELECT assigned, ai" + dimensions.selectList() + sums.sets());
        return query.sql(" FROM cells GROUP BY " + dimensions.groupingSets("assigned, ai"));
    }

    /** {@code , units AS (...)}: per unit its arm, whether it stayed in one, its events, day, segments and metric columns. */
    private void units(SqlQuery query, SegmentCodes codes, SqlQuery perUnit) {
        query.sql(", units AS (SELECT unit, MIN(ai) AS ai, ")
                .sql("CASE WHEN MIN(ai) = MAX(ai) THEN 1 ELSE 0 END AS assigned, COUNT(*) AS events");
        if (source.hasTimestamp()) {
            query.sql(", MIN(ts) AS first_ts, CAST(MIN(ts) AS DATE) AS day")
                    .sql(", CASE WHEN COUNT(ts) = 0 OR (COUNT(ts) = COUNT(*) AND CAST(MIN(ts) AS DATE) = CAST(MAX(ts) AS DATE))")
                    .sql(" THEN 0 ELSE 1 END AS spans");
        }
        unitSegments(query, codes);
        query.append(perUnit).sql(" FROM ev WHERE ai IS NOT NULL GROUP BY unit)");
    }

    /** Per single segment, the unit's (smallest) value or code, and whether its events disagree on it. */
    private void unitSegments(SqlQuery query, SegmentCodes codes) {
        List<Dimensions.Segment> single = singleSegments();
        for (int k = 0; k < single.size(); k++) {
            Dimensions.Segment segment = single.get(k);
            boolean coded = codes.coded(segment);
            SqlQuery value = coded ? codes.encode(segment, segment.eventExpression())
                    : new SqlQuery().sql(segment.eventExpression());
            SqlQuery changes = coded ? value : new SqlQuery().sql(dialect.fingerprint(segment.eventExpression()));
            query.sql(", MIN(").append(value).sql(") AS " + unitColumn(segment, codes))
                    .sql(", CASE WHEN MIN(").append(changes).sql(") <> MAX(").append(changes)
                    .sql(") THEN 1 ELSE 0 END AS changes" + k);
        }
    }

    /** {@code , u2 AS (...)}: units with decoded and crossed segments and their pre-exposure covariates. */
    private void unitsWithSegments(SqlQuery query, SegmentCodes codes, List<String> fromPre) {
        List<Dimensions.Segment> segments = dimensions.segments();
        query.sql(", u2 AS (SELECT units.*");
        for (Dimensions.Segment segment : segments) {
            if (segment.crossed()) {
                query.sql(", ").append(unitValue(segments.get(segment.first()), codes)).sql(" || " + Dimensions.CROSS_LITERAL
                        + " || ").append(unitValue(segments.get(segment.second()), codes)).sql(" AS " + segment.alias());
            } else if (codes.coded(segment)) {
                query.sql(", ").append(unitValue(segment, codes)).sql(" AS " + segment.alias());
            }
        }
        fromPre.forEach(column -> query.sql(", COALESCE(pre." + column + ", 0) AS c" + column));
        query.sql(" FROM units").sql(fromPre.isEmpty() ? "" : " LEFT JOIN pre ON pre.unit = units.unit").sql(")");
    }

    /** The sums per cell: units, events, units spanning days, units changing segment, and every metric's. */
    private CellSums cellSums() {
        CellSums sums = new CellSums(dialect).count("n").sum("events", "events");
        if (source.hasTimestamp()) {
            sums.sum("spans", "spanning");
        }
        for (int k = 0; k < singleSegments().size(); k++) {
            sums.sum("changes" + k, "changed" + k);
        }
        for (int i = 0; i < metrics.size(); i++) {
            sums(i, metrics.get(i), sums);
        }
        return sums;
    }

    /** A single segment's column in {@code units}: its code ({@code k}i) or its smallest value ({@code g}i). */
    private static String unitColumn(Dimensions.Segment segment, SegmentCodes codes) {
        return codes.coded(segment) ? "k" + segment.alias().substring(1) : segment.alias();
    }

    /** A single segment's value per unit, over {@code units}. */
    private static SqlQuery unitValue(Dimensions.Segment segment, SegmentCodes codes) {
        return codes.coded(segment) ? codes.decode(segment, unitColumn(segment, codes))
                : new SqlQuery().sql(segment.alias());
    }

    Result run(Connection connection) throws SQLException {
        return run(connection, SegmentCodes.find(connection, source, singleSegments(), dialect.tuning().maxSegmentCodes()));
    }

    /** The query with the given segment codes (tests compare coded and text segments). */
    Result run(Connection connection, SegmentCodes codes) throws SQLException {
        Rows read = new Rows();
        build(codes).forEachRow(connection, read::add);
        return read.result();
    }

    /** The query's rows as they are read: counts and statistics per slice, crossovers, segment changes. */
    private final class Rows {
        private final Map<SliceKey, long[]> counts = new LinkedHashMap<>();
        private final Map<String, Map<SliceKey, ArmStatistics>> statistics = new LinkedHashMap<>();
        private final List<Dimensions.Segment> single = singleSegments();
        private final Map<String, Long> changing = new LinkedHashMap<>();
        private long crossover;
        private long spanning;

        Rows() {
            metrics.forEach(metric -> statistics.put(metric.name(), new HashMap<>()));
            single.forEach(segment -> changing.put(segment.name(), 0L));
        }

        void add(ResultSet rows) throws SQLException {
            SliceKey slice = dimensions.slice(rows, source.armName(rows.getInt("ai")));
            if (slice == null) {
                return;
            }
            if (slice.isWholeArm() && source.hasTimestamp()) {
                spanning += rows.getLong("spanning");
            }
            if (rows.getInt("assigned") == 0) {
                crossover += slice.isWholeArm() ? rows.getLong("n") : 0;
                return;
            }
            counts.put(slice, new long[] {rows.getLong("n"), rows.getLong("events")});
            addStatistics(rows, slice);
        }

        private void addStatistics(ResultSet rows, SliceKey slice) throws SQLException {
            if (slice.isWholeArm()) {
                for (int k = 0; k < single.size(); k++) {
                    changing.merge(single.get(k).name(), rows.getLong("changed" + k), Long::sum);
                }
            }
            for (int i = 0; i < metrics.size(); i++) {
                statistics.get(metrics.get(i).name()).put(slice, read(rows, i, metrics.get(i)));
            }
        }

        Result result() {
            return new Result(counts, crossover, statistics, changing, spanning);
        }
    }

    /** The segment columns themselves (not crossed pairs): the ones a unit's events can disagree on. */
    private List<Dimensions.Segment> singleSegments() {
        return dimensions.segments().stream().filter(segment -> !segment.crossed()).toList();
    }

    /** Metric {@code i}'s per-unit columns ({@code y}i, or {@code m}i and {@code d}i), covariates aside. */
    void addPerUnit(int i, Metric.Adjustable metric, SqlQuery perUnit, SqlQuery pre, List<String> fromPre) {
        Covariate covariate = metric.covariate();
        boolean preExposure = covariate != null && covariate.isPreExposure();
        if (metric instanceof Metric.Ratio ratio) {
            addRatioPerUnit(i, ratio, preExposure, perUnit, pre, fromPre);
        } else {
            addUnitPerUnit(i, (Metric.Unit) metric, covariate, perUnit, pre, fromPre);
        }
    }

    private void addRatioPerUnit(int i, Metric.Ratio ratio, boolean preExposure, SqlQuery perUnit, SqlQuery pre,
            List<String> fromPre) {
        perUnit.sql(", ").append(expressions.numerator(ratio)).sql(" AS m" + i)
                .sql(", ").append(expressions.denominator(ratio)).sql(" AS d" + i);
        if (preExposure) {
            pre.sql(", ").append(expressions.numerator(ratio)).sql(" AS pm" + i)
                    .sql(", ").append(expressions.denominator(ratio)).sql(" AS pd" + i);
            fromPre.add("pm" + i);
            fromPre.add("pd" + i);
        }
    }

    private void addUnitPerUnit(int i, Metric.Unit unit, Covariate covariate, SqlQuery perUnit, SqlQuery pre,
            List<String> fromPre) {
        boolean preExposure = covariate != null && covariate.isPreExposure();
        perUnit.sql(", ").append(expressions.unitValue(unit.where(), unit.aggregate(), unit.column())).sql(" AS y" + i);
        if (preExposure) {
            pre.sql(", ").append(expressions.unitValue(unit.where(), unit.aggregate(), unit.column())).sql(" AS px" + i);
            fromPre.add("px" + i);
        } else if (covariate != null) {
            // a covariate column reads every event of the unit, whatever the metric's filter
            perUnit.sql(", ").append(expressions.unitValue(null, covariate.aggregateOrMean(), covariate.column()))
                    .sql(" AS cpx" + i);
        }
    }

    /** Metric {@code i}'s sums over units: values, squares, cross products. */
    static void sums(int i, Metric.Adjustable metric, CellSums sums) {
        if (metric instanceof Metric.Ratio) {
            ratioSums(i, metric.covariate() != null, sums);
        } else {
            unitSums(i, metric.covariate() != null, sums);
        }
    }

    private static void ratioSums(int i, boolean adjusted, CellSums sums) {
        String m = "m" + i;
        String d = "d" + i;
        sums.exactSum(m, "s" + m).exactSum(m + "*" + m, "q" + m).exactSum(d, "s" + d).exactSum(d + "*" + d, "q" + d)
                .exactSum(m + "*" + d, "x" + m + d)
                .sum("CASE WHEN " + m + " >= 0 AND " + m + " <= " + d + " AND " + m + " = FLOOR(" + m + ") THEN 0 ELSE 1 END",
                        "ns" + m);
        if (adjusted) {
            String cm = "cpm" + i;
            String cd = "cpd" + i;
            sums.exactSum(cm, "s" + cm).exactSum(cm + "*" + cm, "q" + cm).exactSum(cd, "s" + cd)
                    .exactSum(cd + "*" + cd, "q" + cd).exactSum(cm + "*" + cd, "x" + cm + cd)
                    .exactSum(m + "*" + cm, "x" + m + cm).exactSum(m + "*" + cd, "x" + m + cd)
                    .exactSum(d + "*" + cm, "x" + d + cm).exactSum(d + "*" + cd, "x" + d + cd);
        }
    }

    private static void unitSums(int i, boolean adjusted, CellSums sums) {
        String y = "y" + i;
        sums.exactSum(y, "s" + y).exactSum(y + "*" + y, "q" + y)
                .sum("CASE WHEN " + y + " = 0 OR " + y + " = 1 THEN 0 ELSE 1 END", "nb" + y);
        if (adjusted) {
            String x = "cpx" + i;
            sums.exactSum(x, "s" + x).exactSum(x + "*" + x, "q" + x).exactSum(x + "*" + y, "x" + x + y);
        }
    }

    /** Metric {@code i}'s statistics from a row of sums with its unit count in column {@code n}. */
    ArmStatistics read(ResultSet row, int i, Metric.Adjustable metric) throws SQLException {
        boolean adjusted = metric.covariate() != null;
        return metric instanceof Metric.Ratio ? readRatio(row, i, adjusted) : readUnit(row, i, adjusted);
    }

    private static ArmStatistics readRatio(ResultSet row, int i, boolean adjusted) throws SQLException {
        String m = "m" + i;
        String d = "d" + i;
        RatioMoments moments = ratioMoments(row, m, d);
        boolean shares = row.getLong("ns" + m) == 0;
        if (!adjusted) {
            return new ArmStatistics.Ratio(new RatioCovariateMoments(moments, new RatioMoments(moments.n(), 0, 0, 0, 0, 0),
                    0, 0, 0, 0), shares);
        }
        String cm = "cpm" + i;
        String cd = "cpd" + i;
        RatioMoments covariate = ratioMoments(row, cm, cd);
        return new ArmStatistics.Ratio(new RatioCovariateMoments(moments, covariate, row.getDouble("x" + m + cm),
                row.getDouble("x" + m + cd), row.getDouble("x" + d + cm), row.getDouble("x" + d + cd)), shares);
    }

    /** The moments of numerator column {@code m} and denominator column {@code d} from their sums. */
    private static RatioMoments ratioMoments(ResultSet row, String m, String d) throws SQLException {
        return new RatioMoments(row.getLong("n"), row.getDouble("s" + m), row.getDouble("q" + m), row.getDouble("s" + d),
                row.getDouble("q" + d), row.getDouble("x" + m + d));
    }

    private static ArmStatistics readUnit(ResultSet row, int i, boolean adjusted) throws SQLException {
        long n = row.getLong("n");
        String y = "y" + i;
        boolean binary = row.getLong("nb" + y) == 0;
        if (!adjusted) {
            return new ArmStatistics.Unit(new CovariateMoments(n, row.getDouble("s" + y), row.getDouble("q" + y), 0, 0, 0), binary);
        }
        String x = "cpx" + i;
        return new ArmStatistics.Unit(new CovariateMoments(n, row.getDouble("s" + y), row.getDouble("q" + y),
                row.getDouble("s" + x), row.getDouble("q" + x), row.getDouble("x" + x + y)), binary);
    }
}
