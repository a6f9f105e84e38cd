package dev.arbiter.importers.statistics;

import dev.arbiter.analytics.ArmStatistics;
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
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * A quantile metric in three aggregate passes over the metric's events (docs/methods.md, "Quantile
 * metrics"), each one scan with GROUPING SETS over arm, segments (and, in pass 1, the event day):
 * (1) the R type 7 quantile per slice; (2) per unit, its events at or below its slices' quantiles,
 * summed per slice into ratio moments whose delta-method standard error gives the probability bounds
 * p ± zσ (for days, per unit and day); (3) the quantiles at every slice's bounds (one query per
 * dimension, so each group is asked only its own dimension's probabilities). A day's slice is
 * that day's events (not cumulative). Units seen in more than one arm are left out, as everywhere.
 */
final class QuantileMetricQuery {
    private final EventSource source;
    private final SqlDialect dialect;
    private final MetricDefinition metric;
    private final Dimensions dimensions;
    private final double alpha;
    private final SqlQuery crossoverFilter;
    private final Method method;
    private int maxBuckets;
    private boolean unitsWithinOneDay;
    private Map<SliceKey, ValueHistogram> histograms;

    /**
     * How passes 1 and 3 find quantiles. Both are exact. {@link #HISTOGRAMS} counts each distinct
     * value per slice in one scan and reads every quantile from the counts (fast when values repeat,
     * as latencies in ms, tokens or rounded costs do); {@link #QUANTILE_QUERIES} asks the engine's
     * quantile function per slice (for continuous values, where a histogram would be the data).
     * {@link #AUTOMATIC} looks at the first rows of the column to choose.
     */
    enum Method {
        AUTOMATIC, HISTOGRAMS, QUANTILE_QUERIES;

        boolean useHistograms(Connection connection, QuantileMetricQuery query) throws SQLException {
            return switch (this) {
                case HISTOGRAMS -> true;
                case QUANTILE_QUERIES -> false;
                case AUTOMATIC -> query.valuesRepeat(connection);
            };
        }
    }

    /**
     * @param crossoverFilter a condition on {@code unit} that leaves out units seen in several arms,
     *                        or null when there are none
     */
    QuantileMetricQuery(EventSource source, SqlDialect dialect, MetricDefinition metric, Dimensions dimensions,
                        double alpha, SqlQuery crossoverFilter) {
        this(source, dialect, metric, dimensions, alpha, crossoverFilter, Method.AUTOMATIC);
    }

    QuantileMetricQuery(EventSource source, SqlDialect dialect, MetricDefinition metric, Dimensions dimensions,
                        double alpha, SqlQuery crossoverFilter, Method method) {
        this.method = method;
        this.maxBuckets = dialect.tuning().maxIndicatorBuckets();
        this.source = source;
        this.dialect = dialect;
        this.metric = metric;
        this.dimensions = dimensions;
        this.alpha = alpha;
        this.crossoverFilter = crossoverFilter;
    }

    /** Sets pass 2 to count per value up to {@code max} distinct quantiles ({@link IndicatorCounts}); returns this query. */
    QuantileMetricQuery maxBuckets(int max) {
        this.maxBuckets = max;
        return this;
    }

    /** Tells pass 2 whether every unit's events are on one day ({@link IndicatorCounts}); returns this query. */
    QuantileMetricQuery unitsWithinOneDay(boolean withinOneDay) {
        this.unitsWithinOneDay = withinOneDay;
        return this;
    }

    Map<SliceKey, ArmStatistics> run(Connection connection) throws SQLException {
        long start = System.nanoTime();
        histograms = method.useHistograms(connection, this) ? histograms(connection) : null;
        Map<SliceKey, double[]> values = histograms != null ? valuesFromHistograms() : values(connection);
        long pass1 = System.nanoTime();
        Map<SliceKey, Bounds> bounds = probabilityBounds(connection, values);
        long pass2 = System.nanoTime();
        if (histograms != null) {
            limitsFromHistograms(bounds);
        } else {
            limits(connection, bounds);
        }
        if (Boolean.getBoolean("arbiter.profile")) {
            System.err.printf(Locale.ROOT, "    passes 1 / 2 / 3 (%s): %.2f / %.2f / %.2f s%n",
                    histograms != null ? "histograms" : "quantile queries", (pass1 - start) / 1e9,
                    (pass2 - pass1) / 1e9, (System.nanoTime() - pass2) / 1e9);
        }
        Map<SliceKey, ArmStatistics> result = new LinkedHashMap<>();
        double z = QuantileMetric.z(alpha);
        values.forEach((slice, v) -> {
            Bounds b = bounds.get(slice);
            long units = b == null ? 0 : b.units;
            result.put(slice, new ArmStatistics.Quantile(new ArmQuantile(units, (long) v[0], v[1],
                    b == null ? Double.NaN : b.lower, b == null ? Double.NaN : b.upper, z)));
        });
        return result;
    }

    /** A slice's units, probability bounds and (after pass 3) the quantiles at them. */
    private static final class Bounds {
        final long units;
        final ProbabilityBounds probabilities;
        double lower = Double.NaN;
        double upper = Double.NaN;

        Bounds(long units, ProbabilityBounds probabilities) {
            this.units = units;
            this.probabilities = probabilities;
        }
    }

    /** {@code WITH ev, q}: the metric's events in the arms, with their value, segments and day. */
    private SqlQuery events() {
        SqlQuery filter = new MetricExpressions(source, dialect).condition(metric);
        String value = source.number(metric.column());
        SqlQuery q = new SqlQuery().sql(", q AS (SELECT ai, unit, " + value + " AS v");
        dimensions.segments().forEach(segment -> q.sql(", " + segment.eventExpression() + " AS " + segment.alias()));
        q.sql(source.hasTimestamp() ? ", CAST(ts AS DATE) AS day" : "").sql(" FROM ev WHERE ai IS NOT NULL AND ")
                .sql(value + " IS NOT NULL");
        if (filter != null) {
            q.sql(" AND ").append(filter);
        }
        if (crossoverFilter != null) {
            q.sql(" AND ").append(crossoverFilter);
        }
        return new SqlQuery().sql("WITH ").append(source.cte()).append(q.sql(")"));
    }

    /** Whether the column's first rows repeat values enough for histograms to be small. */
    private boolean valuesRepeat(Connection connection) throws SQLException {
        String value = source.number(metric.column());
        SqlQuery query = new SqlQuery().sql("WITH ").append(source.cte()).sql(" SELECT COUNT(*) AS n, COUNT(DISTINCT v) AS d FROM (SELECT "
                + value + " AS v FROM ev WHERE " + value + " IS NOT NULL LIMIT " + dialect.tuning().distinctSampleRows() + ") sample");
        try (PreparedStatement statement = query.prepare(connection); ResultSet rows = statement.executeQuery()) {
            rows.next();
            long n = rows.getLong("n");
            return n > 0 && rows.getLong("d") <= dialect.tuning().maxDistinctShare() * n;
        }
    }

    /** Passes 1 and 3 by counting: per slice (arm, segment value, day), each distinct value and how often it occurs. */
    private Map<SliceKey, ValueHistogram> histograms(Connection connection) throws SQLException {
        String cells = "ai, v" + dimensions.keyList();
        SqlQuery query = events().sql(", cells AS (SELECT " + cells + ", COUNT(*) AS n FROM q GROUP BY " + cells + ")")
                .sql(" SELECT ai" + dimensions.selectList() + ", v, SUM(n) AS n FROM cells GROUP BY "
                + dimensions.groupingSets("ai, v") + " ORDER BY v");
        Map<SliceKey, ValueHistogram> found = new LinkedHashMap<>();
        try (PreparedStatement statement = query.prepare(connection); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                SliceKey slice = dimensions.slice(rows, source.armName(rows.getInt("ai")));
                if (slice != null) {
                    found.computeIfAbsent(slice, s -> new ValueHistogram()).add(rows.getDouble("v"), rows.getLong("n"));
                }
            }
        }
        return found;
    }

    private Map<SliceKey, double[]> valuesFromHistograms() {
        Map<SliceKey, double[]> values = new LinkedHashMap<>();
        histograms.forEach((slice, histogram) -> values.put(slice,
                new double[] {histogram.count(), histogram.quantile(metric.quantile())}));
        return values;
    }

    private void limitsFromHistograms(Map<SliceKey, Bounds> bounds) {
        bounds.forEach((slice, b) -> {
            ValueHistogram histogram = histograms.get(slice);
            if (histogram != null && b.probabilities != null) {
                b.lower = histogram.quantile(b.probabilities.lower());
                b.upper = histogram.quantile(b.probabilities.upper());
            }
        });
    }

    /** The whole arms' histograms when pass 1 counted values (exact percentiles for the distribution), else null. */
    Map<String, ValueHistogram> armHistograms() {
        if (histograms == null) {
            return null;
        }
        Map<String, ValueHistogram> arms = new LinkedHashMap<>();
        histograms.forEach((slice, histogram) -> {
            if (slice.isWholeArm()) {
                arms.put(slice.arm(), histogram);
            }
        });
        return arms;
    }

    /** Pass 1: events and the quantile per slice (arms, segment values, days). */
    private Map<SliceKey, double[]> values(Connection connection) throws SQLException {
        SqlQuery query = events().sql(" SELECT ai" + dimensions.selectList() + ", COUNT(*) AS events, "
                + dialect.quantiles("v", List.of(metric.quantile()), "value") + " FROM q GROUP BY "
                + dimensions.groupingSets("ai"));
        Map<SliceKey, double[]> values = new LinkedHashMap<>();
        try (PreparedStatement statement = query.prepare(connection); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                SliceKey slice = dimensions.slice(rows, source.armName(rows.getInt("ai")));
                if (slice != null) {
                    values.put(slice, new double[] {rows.getLong("events"), dialect.readQuantiles(rows, "value", 1)[0]});
                }
            }
        }
        return values;
    }

    /** Pass 2 ({@link IndicatorCounts}): per slice, the units' ratio moments of events at or below its quantile. */
    private Map<SliceKey, Bounds> probabilityBounds(Connection connection, Map<SliceKey, double[]> values)
            throws SQLException {
        SqlQuery query = events().append(new IndicatorCounts(source, dialect, dimensions, values, maxBuckets, unitsWithinOneDay).query());
        Map<SliceKey, Bounds> bounds = new HashMap<>();
        readBounds(connection, query, bounds, rows -> {
            String arm = source.armName(rows.getInt("ai"));
            return rows.getInt("lvl") == 0 ? dimensions.slice(rows, arm, false)
                    : rows.getDate("day") == null ? null : SliceKey.day(arm, rows.getDate("day").toLocalDate());
        });
        return bounds;
    }

    /** Reads the ratio moments of each row's slice into probability bounds. */
    private void readBounds(Connection connection, SqlQuery query, Map<SliceKey, Bounds> bounds, SliceReader slices)
            throws SQLException {
        try (PreparedStatement statement = query.prepare(connection); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                SliceKey slice = slices.read(rows);
                if (slice == null) {
                    continue;
                }
                String k = slice.isSegment() ? Integer.toString(segmentIndex(slice)) : "";
                RatioMoments indicator = new RatioMoments(rows.getLong("n"), rows.getDouble("ss" + k),
                        rows.getDouble("sss" + k), rows.getDouble("sc"), rows.getDouble("scc"), rows.getDouble("ssc" + k));
                ProbabilityBounds probabilities = QuantileMetric.probabilityBounds(metric.quantile(), indicator, alpha);
                if (Double.isFinite(probabilities.lower()) && Double.isFinite(probabilities.upper())) {
                    bounds.put(slice, new Bounds(rows.getLong("n"), probabilities));
                } else {
                    // fewer than 2 units: no interval; the slice's comparison says why
                    bounds.put(slice, new Bounds(rows.getLong("n"), null));
                }
            }
        }
    }

    /** The slice a result row is about. */
    @FunctionalInterface
    private interface SliceReader {
        SliceKey read(ResultSet row) throws SQLException;
    }

    /**
     * Pass 3: the quantiles at every slice's bounds, one query per dimension (whole arms, each
     * segment column, days), each asking only for its own slices' probabilities: a quantile's cost
     * grows with the number of probabilities asked of every group.
     */
    private void limits(Connection connection, Map<SliceKey, Bounds> bounds) throws SQLException {
        limits(connection, bounds, null, null);
        for (Dimensions.Segment segment : dimensions.segments()) {
            limits(connection, bounds, segment.name(), segment.alias());
        }
        if (dimensions.daily()) {
            limits(connection, bounds, null, "day");
        }
    }

    /** The bounds of one dimension: {@code column} a segment's name, or null for arms ({@code key} null) or days. */
    private void limits(Connection connection, Map<SliceKey, Bounds> bounds, String column, String key)
            throws SQLException {
        boolean days = "day".equals(key) && column == null;
        Map<SliceKey, Bounds> mine = new HashMap<>();
        bounds.forEach((slice, b) -> {
            boolean matches = days ? slice.isDay() : key == null ? slice.isWholeArm()
                    : column.equals(slice.segmentColumn());
            if (matches && b.probabilities != null) {
                mine.put(slice, b);
            }
        });
        TreeSet<Double> needed = new TreeSet<>();
        mine.values().forEach(b -> {
            needed.add(b.probabilities.lower());
            needed.add(b.probabilities.upper());
        });
        if (needed.isEmpty()) {
            return;
        }
        List<Double> probabilities = new ArrayList<>(needed);
        String keys = key == null ? "ai" : "ai, " + key;
        SqlQuery query = events().sql(" SELECT " + keys + ", " + dialect.quantiles("v", probabilities, "bound")
                + " FROM q GROUP BY " + keys);
        try (PreparedStatement statement = query.prepare(connection); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                String arm = source.armName(rows.getInt("ai"));
                SliceKey slice = key == null ? SliceKey.arm(arm) : days
                        ? (rows.getDate("day") == null ? null : SliceKey.day(arm, rows.getDate("day").toLocalDate()))
                        : SliceKey.segment(arm, column, rows.getString(key));
                Bounds b = slice == null ? null : mine.get(slice);
                if (b != null) {
                    double[] quantiles = dialect.readQuantiles(rows, "bound", probabilities.size());
                    b.lower = quantiles[probabilities.indexOf(b.probabilities.lower())];
                    b.upper = quantiles[probabilities.indexOf(b.probabilities.upper())];
                }
            }
        }
    }

    private int segmentIndex(SliceKey slice) {
        List<Dimensions.Segment> segments = dimensions.segments();
        for (int k = 0; k < segments.size(); k++) {
            if (segments.get(k).name().equals(slice.segmentColumn())) {
                return k;
            }
        }
        throw new IllegalStateException("no segment " + slice.segmentColumn());
    }
}
