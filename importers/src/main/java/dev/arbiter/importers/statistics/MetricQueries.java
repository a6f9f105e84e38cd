package dev.arbiter.importers.statistics;

import dev.arbiter.analytics.ArmStatistics;
import dev.arbiter.importers.experiment.Experiment;
import dev.arbiter.importers.experiment.Metric;
import dev.arbiter.importers.ingest.ColumnInfo;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns an experiment definition into the SQL that returns its sufficient statistics and runs it:
 * one query for all unit and ratio metrics, three per quantile metric, one for served models. The
 * SQL is standard apart from {@link SqlDialect}; names are quoted, values are parameters.
 */
public final class MetricQueries {
    private static final String FALLBACK = "\u0000fallback";

    private final Experiment definition;
    private final List<ColumnInfo> columns;
    private final SqlDialect dialect;
    private final LocalDate asOf;
    private QuantileMetricQuery.Method quantileMethod = QuantileMetricQuery.Method.AUTOMATIC;
    private int maxBuckets;
    private boolean oneLevelDays = true;
    private int exposureDays;
    private boolean nearQuantilesOnly;

    /**
     * @param definition a definition already checked against the dataset
     * @param columns    the dataset's columns and types
     * @param dialect    the engine's dialect
     * @param asOf       the last day of events to include, or null for all
     */
    public MetricQueries(Experiment definition, List<ColumnInfo> columns, SqlDialect dialect, LocalDate asOf) {
        this.definition = definition;
        this.columns = List.copyOf(columns);
        this.dialect = dialect;
        this.asOf = asOf;
        this.maxBuckets = dialect.tuning().maxIndicatorBuckets();
        this.nearQuantilesOnly = dialect.tuning().nearQuantilesOnly();
    }

    /** The same queries with quantiles found one way only (tests check both ways agree). */
    MetricQueries withQuantileMethod(QuantileMetricQuery.Method method) {
        MetricQueries copy = copy();
        copy.quantileMethod = method;
        return copy;
    }

    /** The same queries with quantile pass 2 counting per value up to {@code max} distinct quantiles (tests try both ways). */
    MetricQueries withIndicatorBuckets(int max) {
        MetricQueries copy = copy();
        copy.maxBuckets = max;
        return copy;
    }

    /** The same queries, with quantile pass 2 always grouping by unit and day first when false (tests try both ways). */
    MetricQueries withOneLevelDays(boolean allowed) {
        MetricQueries copy = copy();
        copy.oneLevelDays = allowed;
        return copy;
    }

    /** The same queries, also reporting unit and ratio metrics for days 0..{@code days} since first exposure (0: not). */
    public MetricQueries withExposureDays(int days) {
        MetricQueries copy = copy();
        copy.exposureDays = days;
        return copy;
    }

    /**
     * The same queries, with quantiles counting values in the engine and bringing back only those
     * near each slice's quantiles when {@code near} ({@link NearQuantileCounts}; an engine across a
     * network), or all counts (the workspace).
     */
    public MetricQueries withNearQuantilesOnly(boolean near) {
        MetricQueries copy = copy();
        copy.nearQuantilesOnly = near;
        return copy;
    }

    private MetricQueries copy() {
        MetricQueries copy = new MetricQueries(definition, columns, dialect, asOf);
        copy.quantileMethod = quantileMethod;
        copy.maxBuckets = maxBuckets;
        copy.oneLevelDays = oneLevelDays;
        copy.exposureDays = exposureDays;
        copy.nearQuantilesOnly = nearQuantilesOnly;
        return copy;
    }

    public ExperimentStatistics run(Connection connection) throws SQLException {
        if (definition.paired()) {
            return new PairedMetricQuery(source(), dialect, definition.metrics().stream().map(Experiment.RoledMetric::metric)
                    .toList(), definition.segments(), definition.alpha()).run(connection);
        }
        List<Metric.Adjustable> unitMetrics = unitMetrics();
        Timer timer = new Timer();
        UnitMetricQuery.Result units = units(connection, unitMetrics);
        timer.lap("unit and ratio metrics");
        Map<String, Map<SliceKey, ArmStatistics>> metrics = new LinkedHashMap<>(units.metrics());
        Map<SliceKey, ArmStatistics> fallback = metrics.containsKey(FALLBACK) ? metrics.remove(FALLBACK) : Map.of();
        Map<String, Map<String, double[]>> distributions = new LinkedHashMap<>();
        quantiles(connection, units, metrics, distributions, timer);
        List<ServedModel> served = servedModels(connection);
        timer.lap("served models");
        ExperimentStatistics.ExposureDays byExposureDay = byExposureDay(connection, unitMetrics, timer);
        return statistics(units, metrics, fallback, served, distributions, byExposureDay);
    }

    private UnitMetricQuery.Result units(Connection connection, List<Metric.Adjustable> unitMetrics) throws SQLException {
        EventSource unitSource = source();
        return new UnitMetricQuery(unitSource, dialect, unitMetrics, dimensions(unitSource)).run(connection);
    }

    private List<ServedModel> servedModels(Connection connection) throws SQLException {
        return definition.modelColumn() == null ? List.of()
                : new ServedModelQuery(source(), dialect, definition.metrics().stream().map(m -> m.metric()).toList(),
                definition.modelColumn()).run(connection);
    }

    private static ExperimentStatistics statistics(UnitMetricQuery.Result units,
            Map<String, Map<SliceKey, ArmStatistics>> metrics, Map<SliceKey, ArmStatistics> fallback,
            List<ServedModel> served, Map<String, Map<String, double[]>> distributions,
            ExperimentStatistics.ExposureDays byExposureDay) {
        Map<SliceKey, Long> unitCounts = new HashMap<>();
        Map<SliceKey, Long> eventCounts = new HashMap<>();
        units.unitsAndEvents().forEach((slice, counts) -> {
            unitCounts.put(slice, counts[0]);
            eventCounts.put(slice, counts[1]);
        });
        return new ExperimentStatistics(unitCounts, eventCounts, units.crossoverUnits(), metrics, fallback, served,
                distributions, units.unitsChangingSegment(), byExposureDay, Map.of());
    }

    /** The unit and ratio metrics, with the fallback rate when the experiment names a fallback column. */
    private List<Metric.Adjustable> unitMetrics() {
        List<Metric.Adjustable> unitMetrics = new ArrayList<>();
        definition.metrics().stream().map(Experiment.RoledMetric::metric).filter(Metric.Adjustable.class::isInstance)
                .forEach(metric -> unitMetrics.add((Metric.Adjustable) metric));
        if (definition.fallbackColumn() != null) {
            unitMetrics.add(Metric.Ratio.fallbackRate(FALLBACK, definition.fallbackColumn()));
        }
        return unitMetrics;
    }

    /** Each quantile metric's three passes and its per-arm distribution, into {@code metrics} and {@code distributions}. */
    private void quantiles(Connection connection, UnitMetricQuery.Result units, Map<String, Map<SliceKey, ArmStatistics>> metrics,
                           Map<String, Map<String, double[]>> distributions, Timer timer) throws SQLException {
        List<Metric.Quantile> quantileMetrics = definition.metrics().stream().map(Experiment.RoledMetric::metric)
                .filter(Metric.Quantile.class::isInstance).map(Metric.Quantile.class::cast).toList();
        SqlQuery crossovers = units.crossoverUnits() == 0 || quantileMetrics.isEmpty() ? null : crossoverFilter();
        for (Metric.Quantile metric : quantileMetrics) {
            EventSource source = source();
            Dimensions dimensions = dimensions(source);
            QuantileMetricQuery quantile = new QuantileMetricQuery(source, dialect, metric, dimensions,
                    definition.alpha(), crossovers, quantileMethod).maxBuckets(maxBuckets)
                    .unitsWithinOneDay(units.unitsOnSeveralDays() == 0 && oneLevelDays).nearQuantilesOnly(nearQuantilesOnly)
                    .segmentCombinations(NearQuantileCounts.segmentCombinations(dimensions, units.unitsAndEvents().keySet()));
            Map<SliceKey, ArmStatistics> statistics = quantile.run(connection);
            metrics.put(metric.name(), statistics);
            timer.lap("quantile " + metric.name());
            distributions.put(metric.name(), distribution(connection, metric, quantile, crossovers, statistics));
            timer.lap("distribution " + metric.name());
        }
    }

    /** Each arm's percentiles: from the quantile passes' counted values when they counted them, else by a query of their own. */
    private Map<String, double[]> distribution(Connection connection, Metric.Quantile metric, QuantileMetricQuery quantile,
            SqlQuery crossovers, Map<SliceKey, ArmStatistics> statistics) throws SQLException {
        try {
            Map<String, double[]> counted = quantile.percentiles(connection, eventsByArm(statistics));
            if (counted != null) {
                return counted;
            }
            DistributionQuery query = new DistributionQuery(source(), dialect, metric, crossovers);
            return nearQuantilesOnly ? query.nearOrderStatistics(connection, eventsByArm(statistics))
                    : query.run(connection, events(statistics));
        } finally {
            quantile.finish(connection);
        }
    }

    /** Unit and ratio metrics by days since first exposure, when asked and there is a timestamp; else null. */
    private ExperimentStatistics.ExposureDays byExposureDay(Connection connection, List<Metric.Adjustable> unitMetrics,
                                                            Timer timer) throws SQLException {
        EventSource exposureSource = source();
        if (exposureDays <= 0 || !exposureSource.hasTimestamp()) {
            return null;
        }
        List<Metric.Adjustable> additive = new ArrayList<>(unitMetrics);
        additive.removeIf(metric -> metric.name().equals(FALLBACK));
        ExperimentStatistics.ExposureDays days = new ExposureDayQuery(exposureSource, dialect, additive, exposureDays)
                .run(connection);
        timer.lap("by days since exposure");
        return days;
    }

    /** Each arm's events of a quantile metric, as its passes counted them. */
    private static Map<String, Long> eventsByArm(Map<SliceKey, ArmStatistics> statistics) {
        Map<String, Long> events = new LinkedHashMap<>();
        statistics.forEach((slice, arm) -> {
            long n = ((ArmStatistics.Quantile) arm).quantile().events();
            if (slice.isWholeArm() && n > 0) {
                events.put(slice.arm(), n);
            }
        });
        return events;
    }

    /** How many events a quantile metric has over all arms. */
    private static long events(Map<SliceKey, ArmStatistics> statistics) {
        return statistics.entrySet().stream().filter(e -> e.getKey().isWholeArm())
                .mapToLong(e -> ((ArmStatistics.Quantile) e.getValue()).quantile().events()).sum();
    }

    /** {@code unit NOT IN (SELECT unit ... HAVING MIN(arm) <> MAX(arm))}: leaves out units seen in several arms. */
    private SqlQuery crossoverFilter() {
        SqlQuery arms = new SqlQuery().sql("arm IN ").values(definition.arms());
        return new SqlQuery().sql("unit NOT IN (SELECT unit FROM ev WHERE ").append(arms)
                .sql(" GROUP BY unit HAVING MIN(arm) <> MAX(arm))");
    }

    /** With {@code -Darbiter.profile=true}, prints how long each query took (for benchmarks). */
    private static final class Timer {
        private final boolean on = Boolean.getBoolean("arbiter.profile");
        private long last = System.nanoTime();

        void lap(String what) {
            long now = System.nanoTime();
            if (on) {
                System.err.printf(Locale.ROOT, "  %-32s %6.2f s%n", what, (now - last) / 1e9);
            }
            last = now;
        }
    }

    private EventSource source() {
        return new EventSource(definition, columns, asOf);
    }

    private Dimensions dimensions(EventSource source) {
        return new Dimensions(source, definition.segments(), definition.crossSegments());
    }
}
