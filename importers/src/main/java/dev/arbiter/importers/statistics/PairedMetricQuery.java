package dev.arbiter.importers.statistics;

import dev.arbiter.analytics.ArmStatistics;
import dev.arbiter.analytics.CovariateMoments;
import dev.arbiter.analytics.Percentiles;
import dev.arbiter.importers.experiment.Metric;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The statistics of a paired design (every arm answers the same items, e.g. an eval set replayed
 * through each candidate): one value per item and arm — the unit metric's aggregate over the item's
 * events in that arm, so several samples or judgments of an item count once — then per treatment the
 * pairs' sums with control over the items both answered ({@link ArmStatistics.Paired}), and control's
 * own values ({@link ArmStatistics.Unit}); per segment value the same over the items in it (an item's
 * segment is its smallest value, e.g. the eval set's source).
 *
 * <p>The engine returns one row per item and arm and the pairing is done here: an eval set is
 * thousands of items, not billions of events (docs/decisions/0012-paired-designs.md).
 */
final class PairedMetricQuery {
    private final EventSource source;
    private final MetricExpressions expressions;
    private final List<Metric.Unit> metrics;
    private final List<Metric.Quantile> quantiles;
    private final PairedQuantileQuery quantileQuery;
    /** The primary when it is a unit metric (its item differences and replays are read), else null. */
    private final Metric.Unit primary;
    private final List<String> segments;

    /** @param metrics the experiment's metrics, primary first: unit and quantile metrics */
    PairedMetricQuery(EventSource source, SqlDialect dialect, List<Metric> metrics, List<String> segments, double alpha) {
        this.source = source;
        this.expressions = new MetricExpressions(source, dialect);
        this.metrics = metrics.stream().filter(Metric.Unit.class::isInstance).map(Metric.Unit.class::cast).toList();
        this.quantiles = metrics.stream().filter(Metric.Quantile.class::isInstance).map(Metric.Quantile.class::cast).toList();
        this.quantileQuery = new PairedQuantileQuery(source, dialect, alpha);
        this.primary = metrics.get(0) instanceof Metric.Unit unit ? unit : null;
        this.segments = List.copyOf(segments);
    }

    /** One item's answers: per arm index its events (0: not answered) and metric values; its segment values. */
    private record Item(long[] events, double[][] values, String[] segments) {
    }

    ExperimentStatistics run(Connection connection) throws SQLException {
        Map<String, Item> items = new LinkedHashMap<>();
        int arms = source.definition().arms().size();
        query().forEachRow(connection, row -> read(row, items, arms));
        Map<String, Map<SliceKey, ArmStatistics>> quantileStatistics = new LinkedHashMap<>();
        for (Metric.Quantile quantile : quantiles) {
            quantileStatistics.put(quantile.name(), quantileQuery.run(connection, quantile, item -> {
                Item found = items.get(item);
                return found == null ? null : found.segments();
            }));
        }
        return statistics(items.values(), byReplay(connection), quantileStatistics);
    }

    /**
     * With a replay column: per replay (sorted) and arm, the primary's value per item in that replay —
     * an item answered in two replays counts in each — as the statistics of a unit metric.
     */
    private Map<String, Map<String, ArmStatistics>> byReplay(Connection connection) throws SQLException {
        String replay = source.definition().file().replayColumn();
        if (replay == null || primary == null) {
            return Map.of();
        }
        String alias = source.text(replay);
        SqlQuery select = new SqlQuery().sql("SELECT ai, " + alias + " AS replay, ")
                .append(expressions.unitValue(primary.where(), primary.aggregate(), primary.column())).sql(" AS y");
        SqlQuery query = new SqlQuery().sql("WITH ").append(source.cte()).sql(" ").append(select)
                .sql(" FROM ev WHERE ai IS NOT NULL GROUP BY unit, ai, " + alias);
        Map<String, Map<String, Accumulator>> sums = new TreeMap<>(
                Comparator.nullsLast(Comparator.naturalOrder()));
        List<String> arms = source.definition().arms();
        query.forEachRow(connection, row -> sums.computeIfAbsent(row.getString("replay"), r -> new LinkedHashMap<>())
                .computeIfAbsent(arms.get(row.getInt("ai")), a -> new Accumulator()).add(row.getDouble("y")));
        Map<String, Map<String, ArmStatistics>> byReplay = new LinkedHashMap<>();
        sums.forEach((label, byArm) -> {
            Map<String, ArmStatistics> statistics = new LinkedHashMap<>();
            arms.stream().filter(byArm::containsKey).forEach(arm -> statistics.put(arm, byArm.get(arm).statistics(0)));
            byReplay.put(label, statistics);
        });
        return byReplay;
    }

    /** {@code WITH ev AS (...) SELECT unit, ai, COUNT(*), y0.., g0.. FROM ev WHERE ai IS NOT NULL GROUP BY unit, ai}. */
    private SqlQuery query() {
        SqlQuery select = new SqlQuery().sql("SELECT unit, ai, COUNT(*) AS events");
        for (int i = 0; i < metrics.size(); i++) {
            Metric.Unit metric = metrics.get(i);
            select.sql(", ").append(expressions.unitValue(metric.where(), metric.aggregate(), metric.column())).sql(" AS y" + i);
        }
        for (int k = 0; k < segments.size(); k++) {
            select.sql(", MIN(" + source.text(segments.get(k)) + ") AS g" + k);
        }
        return new SqlQuery().sql("WITH ").append(source.cte()).sql(" ").append(select)
                .sql(" FROM ev WHERE ai IS NOT NULL GROUP BY unit, ai");
    }

    private void read(ResultSet row, Map<String, Item> items, int arms) throws SQLException {
        Item item = items.computeIfAbsent(row.getString("unit"),
                key -> new Item(new long[arms], new double[arms][], new String[segments.size()]));
        int arm = row.getInt("ai");
        item.events()[arm] = row.getLong("events");
        double[] values = new double[metrics.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = row.getDouble("y" + i);
        }
        item.values()[arm] = values;
        for (int k = 0; k < segments.size(); k++) {
            String value = row.getString("g" + k);
            if (item.segments()[k] == null || value != null && value.compareTo(item.segments()[k]) < 0) {
                item.segments()[k] = value;
            }
        }
    }

    private ExperimentStatistics statistics(Iterable<Item> items, Map<String, Map<String, ArmStatistics>> byReplay,
                                            Map<String, Map<SliceKey, ArmStatistics>> quantileStatistics) {
        Map<SliceKey, Long> units = new HashMap<>();
        Map<SliceKey, Long> events = new HashMap<>();
        Map<String, Map<SliceKey, Accumulator>> sums = new LinkedHashMap<>();
        metrics.forEach(metric -> sums.put(metric.name(), new HashMap<>()));
        List<String> arms = source.definition().arms();
        for (Item item : items) {
            for (SliceKey slice : slices(item, arms)) {
                int arm = arms.indexOf(slice.arm());
                units.merge(slice, 1L, Long::sum);
                events.merge(slice, item.events()[arm], Long::sum);
                for (int i = 0; i < metrics.size(); i++) {
                    sums.get(metrics.get(i).name()).computeIfAbsent(slice, s -> new Accumulator()).add(item, arm, i);
                }
            }
        }
        Map<String, Map<SliceKey, ArmStatistics>> metricStatistics = new LinkedHashMap<>();
        sums.forEach((name, bySlice) -> {
            Map<SliceKey, ArmStatistics> statistics = new HashMap<>();
            bySlice.forEach((slice, accumulator) -> statistics.put(slice, accumulator.statistics(arms.indexOf(slice.arm()))));
            metricStatistics.put(name, statistics);
        });
        metricStatistics.putAll(quantileStatistics);
        return new ExperimentStatistics(units, events, 0, metricStatistics, Map.of(), List.of(), differences(items, arms),
                Map.of(), null, byReplay);
    }

    /**
     * The primary's item differences (treatment − control on the items both answered), as percentiles 1..99 per
     * treatment under the primary's name: the paired view of its effect (how many items got better, how many worse).
     */
    private Map<String, Map<String, double[]>> differences(Iterable<Item> items, List<String> arms) {
        if (primary == null) {
            return Map.of();
        }
        Map<String, double[]> byTreatment = new LinkedHashMap<>();
        for (int arm = 1; arm < arms.size(); arm++) {
            List<Double> differences = new ArrayList<>();
            for (Item item : items) {
                if (item.values()[0] != null && item.values()[arm] != null) {
                    differences.add(item.values()[arm][0] - item.values()[0][0]);
                }
            }
            byTreatment.put(arms.get(arm), Percentiles.of(differences.stream().mapToDouble(Double::doubleValue).toArray()));
        }
        return Map.of(primary.name(), byTreatment);
    }

    /** The slices an item's answer in each arm belongs to: the arm, and the arm within each of its segment values. */
    private List<SliceKey> slices(Item item, List<String> arms) {
        List<SliceKey> slices = new ArrayList<>();
        for (int arm = 0; arm < arms.size(); arm++) {
            if (item.values()[arm] == null) {
                continue;
            }
            slices.add(SliceKey.arm(arms.get(arm)));
            for (int k = 0; k < segments.size(); k++) {
                slices.add(SliceKey.segment(arms.get(arm), segments.get(k), item.segments()[k]));
            }
        }
        return slices;
    }

    /**
     * Sums of one metric in one slice: control's own values, or a treatment's values paired with
     * control's on the items both answered (Y treatment, X control).
     */
    private static final class Accumulator {
        private long n;
        private double sumY;
        private double sumYY;
        private double sumX;
        private double sumXX;
        private double sumXY;
        private boolean binary = true;

        void add(Item item, int arm, int metric) {
            double y = item.values()[arm][metric];
            double[] control = item.values()[0];
            if (arm != 0 && control == null) {
                return; // answered by this treatment only: reported, not paired
            }
            add(y, arm == 0 ? 0 : control[metric], arm == 0);
        }

        /** One item's own value (no pair). */
        void add(double y) {
            add(y, 0, true);
        }

        private void add(double y, double x, boolean alone) {
            binary &= (y == 0 || y == 1) && (alone || x == 0 || x == 1);
            n++;
            sumY += y;
            sumYY += y * y;
            sumX += x;
            sumXX += x * x;
            sumXY += x * y;
        }

        ArmStatistics statistics(int arm) {
            CovariateMoments moments = new CovariateMoments(n, sumY, sumYY, sumX, sumXX, sumXY);
            return arm == 0 ? new ArmStatistics.Unit(moments, binary) : new ArmStatistics.Paired(moments, binary);
        }
    }
}
