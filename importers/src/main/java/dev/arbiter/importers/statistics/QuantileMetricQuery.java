package dev.arbiter.importers.statistics;

import dev.arbiter.analytics.ArmStatistics;
import dev.arbiter.analytics.MidQuantile;
import dev.arbiter.analytics.QuantileMetric;
import dev.arbiter.analytics.QuantileMetric.ArmQuantile;
import dev.arbiter.analytics.QuantileMetric.ProbabilityBounds;
import dev.arbiter.analytics.RatioMoments;
import dev.arbiter.importers.experiment.Metric;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * A quantile metric in three aggregate passes over the metric's events (docs/methods.md, "Quantile
 * metrics"), over arm, segments and the event day: (1) the mid-quantile per slice
 * ({@link MidQuantile}); (2) per unit, its events weighted by the mid-distribution at its slices'
 * quantiles, summed per slice into ratio moments whose delta-method standard error gives the
 * probability bounds p ± zσ (for days, per unit and day); (3) the mid-quantiles at every slice's
 * bounds. Passes 1 and 3 either count each distinct value ({@link Method#HISTOGRAMS}) or ask the
 * engine for the few order statistics around each quantile, one query per dimension so each group
 * is asked only its own dimension's probabilities; when those order statistics show a tie, the
 * values are counted instead. A day's slice is that day's events (not cumulative). Units seen in
 * more than one arm are left out, as everywhere.
 */
final class QuantileMetricQuery {
    private final EventSource source;
    private final SqlDialect dialect;
    private final Metric.Quantile metric;
    private final Dimensions dimensions;
    private final double alpha;
    private final SqlQuery crossoverFilter;
    private final Method method;
    private int maxBuckets;
    private boolean unitsWithinOneDay;
    /** The values near each slice's quantiles from the last counting pass, or null when none counted. */
    private Map<SliceKey, ValueHistogram> histograms;
    /** Counts the values and ranks them in the engine, sending back only those near the quantiles. */
    private NearQuantileCounts counts;
    /** Whether the ranked counts are kept in a temporary table for the passes (the workspace) or ranked anew in each (across a network). */
    private boolean materialize = true;
    /** Whether a pass counted values (by choice, or because the engine's order statistics showed a tie). */
    private boolean counted;
    /** How pass 2 weighed events in the last run (for the profile). */
    private String passTwoWay;
    /** Per arm, how many combinations of the single segments' values there are at most (not known: more than any limit). */
    private long segmentCombinations = Long.MAX_VALUE;

    /**
     * How passes 1 and 3 find quantiles. Both are exact. {@link #HISTOGRAMS} counts each distinct
     * value per slice in one scan and reads every quantile from the counts (fast when values repeat,
     * as latencies in ms, tokens or rounded costs do); {@link #QUANTILE_QUERIES} asks the engine's
     * discrete quantile function for the order statistics around each quantile (for continuous
     * values, where a histogram would be the data), falling back to counting on a tie there.
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
    QuantileMetricQuery(EventSource source, SqlDialect dialect, Metric.Quantile metric, Dimensions dimensions,
                        double alpha, SqlQuery crossoverFilter) {
        this(source, dialect, metric, dimensions, alpha, crossoverFilter, Method.AUTOMATIC);
    }

    QuantileMetricQuery(EventSource source, SqlDialect dialect, Metric.Quantile metric, Dimensions dimensions,
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

    /**
     * Across a network ({@code near}), passes 1 and 3 each rank the counts in the engine; in the
     * workspace they are ranked once into a temporary table ({@link NearQuantileCounts}); returns this query.
     */
    QuantileMetricQuery nearQuantilesOnly(boolean near) {
        this.materialize = !near;
        return this;
    }

    /**
     * Tells the counting passes how many combinations of the single segments' values an arm has at
     * most (from the units' slices; {@link NearQuantileCounts}); returns this query.
     */
    QuantileMetricQuery segmentCombinations(long combinations) {
        this.segmentCombinations = combinations;
        return this;
    }

    /** Tells pass 2 whether every unit's events are on one day ({@link IndicatorCounts}); returns this query. */
    QuantileMetricQuery unitsWithinOneDay(boolean withinOneDay) {
        this.unitsWithinOneDay = withinOneDay;
        return this;
    }

    Map<SliceKey, ArmStatistics> run(Connection connection) throws SQLException {
        long start = System.nanoTime();
        Map<SliceKey, SliceQuantile> quantiles = passOne(connection);
        long pass1 = System.nanoTime();
        Map<SliceKey, Bounds> bounds = probabilityBounds(connection, quantiles);
        long pass2 = System.nanoTime();
        passThree(connection, bounds);
        if (Boolean.getBoolean("arbiter.profile")) {
            System.err.printf(Locale.ROOT, "    passes 1 / 2 / 3 (%s, %s): %.2f / %.2f / %.2f s%n",
                    counted ? "counted values" : "order statistics", passTwoWay, (pass1 - start) / 1e9,
                    (pass2 - pass1) / 1e9, (System.nanoTime() - pass2) / 1e9);
        }
        return statistics(quantiles, bounds);
    }

    /** Pass 1: each slice's mid-quantile, from counted values or from the engine's order statistics. */
    private Map<SliceKey, SliceQuantile> passOne(Connection connection) throws SQLException {
        Map<SliceKey, SliceQuantile> quantiles = method.useHistograms(connection, this) ? null
                : quantilesFromOrderStatistics(connection);
        if (quantiles == null) { // values repeat, or a tie among the order statistics: count them
            histograms = counts(connection).at(connection, events(), metric.probability());
            quantiles = quantilesFromHistograms();
        }
        return quantiles;
    }

    /** Pass 3: the mid-quantiles at every slice's bounds, counting values when pass 1 did or the order statistics tie. */
    private void passThree(Connection connection, Map<SliceKey, Bounds> bounds) throws SQLException {
        if (counted || !limits(connection, bounds)) {
            histograms = counts(connection).within(connection, events(), windows(bounds));
            limitsFromHistograms(bounds);
        }
    }

    /** The counts, ranked into a temporary table on first use in the workspace. */
    private NearQuantileCounts counts(Connection connection) throws SQLException {
        if (!counted) {
            counts = new NearQuantileCounts(source, dimensions, segmentCombinations);
            if (materialize) {
                counts.materialize(connection, events());
            }
            counted = true;
        }
        return counts;
    }

    /**
     * Each arm's percentiles 1..99 from the counts kept in the workspace's temporary table, or null
     * when there are none (the caller asks the engine); {@code events} per arm as the passes counted.
     */
    Map<String, double[]> percentiles(Connection connection, Map<String, Long> events) throws SQLException {
        return counted && materialize ? counts.percentiles(connection, events) : null;
    }

    /** Drops what the passes left in the session (the temporary table of counts). */
    void finish(Connection connection) throws SQLException {
        if (counts != null) {
            counts.drop(connection);
        }
    }

    private Map<SliceKey, ArmStatistics> statistics(Map<SliceKey, SliceQuantile> quantiles, Map<SliceKey, Bounds> bounds) {
        Map<SliceKey, ArmStatistics> result = new LinkedHashMap<>();
        double z = QuantileMetric.z(alpha);
        quantiles.forEach((slice, quantile) -> {
            Bounds b = bounds.get(slice);
            long units = b == null ? 0 : b.units;
            result.put(slice, new ArmStatistics.Quantile(new ArmQuantile(units, quantile.events(), quantile.value(),
                    b == null ? Double.NaN : b.lower, b == null ? Double.NaN : b.upper, z)));
        });
        return result;
    }

    /** A slice's events and its mid-quantile (null when it has none). */
    record SliceQuantile(long events, MidQuantile point) {
        double value() {
            return point == null ? Double.NaN : point.value();
        }
    }

    /** A slice's units, probability bounds and (after pass 3) the quantiles at them. */
    private static final class Bounds {
        final long units;
        final long events;
        final ProbabilityBounds probabilities;
        double lower = Double.NaN;
        double upper = Double.NaN;

        Bounds(long units, long events, ProbabilityBounds probabilities) {
            this.units = units;
            this.events = events;
            this.probabilities = probabilities;
        }

        /**
         * Sets the limits from the order statistics asked for both bounds (lower's first); false when
         * two of them tie, so the values must be counted.
         */
        boolean read(double[] statistics) {
            int lowerCount = MidQuantile.positions(events, probabilities.lower()).length;
            MidQuantile low = MidQuantile.ofOrderStatistics(events, probabilities.lower(),
                    Arrays.copyOfRange(statistics, 0, lowerCount));
            MidQuantile high = MidQuantile.ofOrderStatistics(events, probabilities.upper(),
                    Arrays.copyOfRange(statistics, lowerCount, statistics.length));
            if (low == null || high == null) {
                return false;
            }
            lower = low.value();
            upper = high.value();
            return true;
        }
    }

    /** {@code WITH ev, q}: the metric's events in the arms, with their value, segments and day. */
    private SqlQuery events() {
        return events(false);
    }

    /** {@code WITH ev, q}; computed where read ({@link SqlDialect#computedWhereRead()}) when the query reads them {@code twice}. */
    private SqlQuery events(boolean twice) {
        String between = twice ? dialect.computedWhereRead() : "";
        SqlQuery filter = new MetricExpressions(source, dialect).condition(metric);
        String value = source.number(metric.column());
        SqlQuery q = new SqlQuery().sql(", q AS" + between + " (SELECT ai, unit, " + value + " AS v");
        dimensions.segments().forEach(segment -> q.sql(", " + segment.eventExpression() + " AS " + segment.alias()));
        q.sql(source.hasTimestamp() ? ", CAST(ts AS DATE) AS day" : "").sql(" FROM ev WHERE ai IS NOT NULL AND ")
                .sql(value + " IS NOT NULL");
        if (filter != null) {
            q.sql(" AND ").append(filter);
        }
        if (crossoverFilter != null) {
            q.sql(" AND ").append(crossoverFilter);
        }
        return new SqlQuery().sql("WITH ").append(source.cte(between)).append(q.sql(")"));
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

    private Map<SliceKey, SliceQuantile> quantilesFromHistograms() {
        Map<SliceKey, SliceQuantile> quantiles = new LinkedHashMap<>();
        histograms.forEach((slice, histogram) -> quantiles.put(slice,
                new SliceQuantile(histogram.count(), histogram.midQuantile(metric.probability()))));
        return quantiles;
    }

    /** Each slice's probability bounds, where it has an interval. */
    private static Map<SliceKey, double[]> windows(Map<SliceKey, Bounds> bounds) {
        Map<SliceKey, double[]> windows = new LinkedHashMap<>();
        bounds.forEach((slice, b) -> {
            if (b.probabilities != null) {
                windows.put(slice, new double[] {b.probabilities.lower(), b.probabilities.upper()});
            }
        });
        return windows;
    }

    private void limitsFromHistograms(Map<SliceKey, Bounds> bounds) {
        bounds.forEach((slice, b) -> {
            ValueHistogram histogram = histograms.get(slice);
            if (histogram != null && b.probabilities != null) {
                b.lower = histogram.midQuantile(b.probabilities.lower()).value();
                b.upper = histogram.midQuantile(b.probabilities.upper()).value();
            }
        });
    }

    /** How pass 2 weighed events in the last run: per-value counts, combined slices' weights or per-slice weights. */
    String passTwoWay() {
        return passTwoWay;
    }

    /** Whether the last run counted values (by choice, or because the engine's order statistics showed a tie). */
    boolean countedValues() {
        return counted;
    }

    /**
     * Pass 1 by the engine: events per slice, then each slice's mid-quantile from the few order
     * statistics around it ({@link MidQuantile#positions}); null when two of them are equal (ties
     * there need the values counted).
     */
    private Map<SliceKey, SliceQuantile> quantilesFromOrderStatistics(Connection connection) throws SQLException {
        Map<SliceKey, Long> events = events(connection);
        Map<SliceKey, List<Double>> asked = new HashMap<>();
        events.forEach((slice, n) -> asked.put(slice, probabilities(n, metric.probability())));
        return quantiles(events, orderStatistics(connection, asked));
    }

    /** Each slice's mid-quantile from its order statistics; null when two of a slice's are equal. */
    private Map<SliceKey, SliceQuantile> quantiles(Map<SliceKey, Long> events, Map<SliceKey, double[]> statistics) {
        Map<SliceKey, SliceQuantile> quantiles = new LinkedHashMap<>();
        for (Map.Entry<SliceKey, Long> slice : events.entrySet()) {
            MidQuantile point = MidQuantile.ofOrderStatistics(slice.getValue(), metric.probability(),
                    statistics.get(slice.getKey()));
            if (point == null) {
                return null;
            }
            quantiles.put(slice.getKey(), new SliceQuantile(slice.getValue(), point));
        }
        return quantiles;
    }

    /** Events per slice (arms, segment values, days). */
    private Map<SliceKey, Long> events(Connection connection) throws SQLException {
        SqlQuery query = events().sql(" SELECT ai" + dimensions.selectList() + ", COUNT(*) AS events FROM q GROUP BY "
                + dimensions.groupingSets("ai"));
        Map<SliceKey, Long> events = new LinkedHashMap<>();
        forEachSlice(connection, query, (slice, rows) -> events.put(slice, rows.getLong("events")));
        return events;
    }

    /** A result row read for the slice (arm, segment value or day) it is about. */
    @FunctionalInterface
    private interface SliceRowReader {
        void read(SliceKey slice, ResultSet row) throws SQLException;
    }

    /** Runs {@code query} and hands each row about a slice of ours to {@code reader}. */
    private void forEachSlice(Connection connection, SqlQuery query, SliceRowReader reader) throws SQLException {
        query.forEachRow(connection, rows -> {
            SliceKey slice = dimensions.slice(rows, source.armName(rows.getInt("ai")));
            if (slice != null) {
                reader.read(slice, rows);
            }
        });
    }

    /** The discrete probabilities selecting the order statistics of a mid-quantile at {@code p} of {@code n} values. */
    private static List<Double> probabilities(long n, double p) {
        return Arrays.stream(MidQuantile.positions(n, p)).mapToObj(i -> (i - 0.5) / n).toList();
    }

    /** Pass 2 ({@link IndicatorCounts}): per slice, the units' ratio moments of their events' mid-distribution weights at its quantile. */
    private Map<SliceKey, Bounds> probabilityBounds(Connection connection, Map<SliceKey, SliceQuantile> quantiles)
            throws SQLException {
        IndicatorCounts counts = new IndicatorCounts(source, dialect, dimensions, points(quantiles), maxBuckets,
                unitsWithinOneDay);
        passTwoWay = counts.usesBuckets() ? "per-value counts" : counts.combinesCuts() ? "combined slices' weights" : "per-slice weights";
        SqlQuery query = events(counts.readsEventsTwice()).append(counts.query());
        Map<SliceKey, Bounds> bounds = new HashMap<>();
        readBounds(connection, query, quantiles, bounds, rows -> {
            String arm = source.armName(rows.getInt("ai"));
            return rows.getInt("lvl") == 0 ? dimensions.slice(rows, arm, false)
                    : rows.getDate("day") == null ? null : SliceKey.day(arm, rows.getDate("day").toLocalDate());
        });
        return bounds;
    }

    private static Map<SliceKey, MidQuantile> points(Map<SliceKey, SliceQuantile> quantiles) {
        Map<SliceKey, MidQuantile> points = new LinkedHashMap<>();
        quantiles.forEach((slice, quantile) -> {
            if (quantile.point() != null) {
                points.put(slice, quantile.point());
            }
        });
        return points;
    }

    /** Reads the ratio moments of each row's slice into probability bounds. */
    private void readBounds(Connection connection, SqlQuery query, Map<SliceKey, SliceQuantile> quantiles,
                            Map<SliceKey, Bounds> bounds, SliceReader slices) throws SQLException {
        query.forEachRow(connection, rows -> {
            SliceKey slice = slices.read(rows);
            if (slice != null) {
                SliceQuantile quantile = quantiles.get(slice);
                bounds.put(slice, bounds(rows, slice, quantile == null ? 0 : quantile.events()));
            }
        });
    }

    /** A slice's probability bounds from its row of indicator moments; none with fewer than 2 units or no events. */
    private Bounds bounds(ResultSet rows, SliceKey slice, long events) throws SQLException {
        String k = slice.isSegment() ? Integer.toString(segmentIndex(slice)) : "";
        RatioMoments indicator = new RatioMoments(rows.getLong("n"), rows.getDouble("ss" + k),
                rows.getDouble("sss" + k), rows.getDouble("sc"), rows.getDouble("scc"), rows.getDouble("ssc" + k));
        ProbabilityBounds probabilities = QuantileMetric.probabilityBounds(metric.probability(), indicator, alpha);
        boolean finite = Double.isFinite(probabilities.lower()) && Double.isFinite(probabilities.upper());
        // fewer than 2 units: no interval; the slice's comparison says why
        return new Bounds(rows.getLong("n"), events, finite && events > 0 ? probabilities : null);
    }

    /** The slice a result row is about. */
    @FunctionalInterface
    private interface SliceReader {
        SliceKey read(ResultSet row) throws SQLException;
    }

    /**
     * Pass 3 by the engine: the mid-quantiles at every slice's bounds p ∓ zσ from the order
     * statistics around them; false when two of them are equal (ties there need the values counted).
     */
    private boolean limits(Connection connection, Map<SliceKey, Bounds> bounds) throws SQLException {
        Map<SliceKey, List<Double>> asked = askedAtBounds(bounds);
        Map<SliceKey, double[]> statistics = orderStatistics(connection, asked);
        for (SliceKey slice : asked.keySet()) {
            if (!bounds.get(slice).read(statistics.get(slice))) {
                return false;
            }
        }
        return true;
    }

    /** Per slice with bounds, the discrete probabilities of the order statistics around its lower and upper bound. */
    private static Map<SliceKey, List<Double>> askedAtBounds(Map<SliceKey, Bounds> bounds) {
        Map<SliceKey, List<Double>> asked = new HashMap<>();
        bounds.forEach((slice, b) -> {
            if (b.probabilities != null) {
                List<Double> both = new ArrayList<>(probabilities(b.events, b.probabilities.lower()));
                both.addAll(probabilities(b.events, b.probabilities.upper()));
                asked.put(slice, both);
            }
        });
        return asked;
    }

    /**
     * The order statistics each slice asks for (as discrete probabilities), one query per dimension
     * (whole arms, each segment column, days), each asking only its own slices' probabilities: an
     * order statistic's cost grows with the number of probabilities asked of every group.
     */
    private Map<SliceKey, double[]> orderStatistics(Connection connection, Map<SliceKey, List<Double>> asked)
            throws SQLException {
        Map<SliceKey, double[]> found = new HashMap<>();
        orderStatistics(connection, asked, null, null, found);
        for (Dimensions.Segment segment : dimensions.segments()) {
            orderStatistics(connection, asked, segment.name(), segment.alias(), found);
        }
        if (dimensions.daily()) {
            orderStatistics(connection, asked, null, "day", found);
        }
        return found;
    }

    /** One dimension's order statistics: {@code column} a segment's name, or null for arms ({@code key} null) or days. */
    private void orderStatistics(Connection connection, Map<SliceKey, List<Double>> asked, String column, String key,
                                 Map<SliceKey, double[]> found) throws SQLException {
        Map<SliceKey, List<Double>> mine = inDimension(asked, column, key);
        TreeSet<Double> needed = new TreeSet<>();
        mine.values().forEach(needed::addAll);
        if (needed.isEmpty()) {
            return;
        }
        List<Double> probabilities = new ArrayList<>(needed);
        String keys = key == null ? "ai" : "ai, " + key;
        events().sql(" SELECT " + keys + ", " + dialect.orderStatistics("v", probabilities, "stat") + " FROM q GROUP BY " + keys)
                .forEachRow(connection, rows -> {
            List<Double> wanted = mine.get(sliceOf(rows, column, key));
            if (wanted != null) {
                double[] all = dialect.readQuantiles(rows, "stat", probabilities.size());
                found.put(sliceOf(rows, column, key), wanted.stream().mapToDouble(p -> all[probabilities.indexOf(p)]).toArray());
            }
        });
    }

    /** The slices of one dimension: whole arms ({@code key} null), a segment {@code column}'s values, or days. */
    private static <T> Map<SliceKey, T> inDimension(Map<SliceKey, T> slices, String column, String key) {
        boolean days = "day".equals(key) && column == null;
        Map<SliceKey, T> mine = new HashMap<>();
        slices.forEach((slice, value) -> {
            if (days ? slice.isDay() : key == null ? slice.isWholeArm() : column.equals(slice.segmentColumn())) {
                mine.put(slice, value);
            }
        });
        return mine;
    }

    /** The slice of a row grouped by arm and {@code key}: the arm, a segment value of {@code column}, or a day. */
    private SliceKey sliceOf(ResultSet row, String column, String key) throws SQLException {
        String arm = source.armName(row.getInt("ai"));
        if (key == null) {
            return SliceKey.arm(arm);
        }
        if (column == null) {
            return row.getDate("day") == null ? null : SliceKey.day(arm, row.getDate("day").toLocalDate());
        }
        return SliceKey.segment(arm, column, row.getString(key));
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
