package dev.arbiter.importers.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbiter.analytics.QuantileMetric.ArmQuantile;
import dev.arbiter.importers.experiment.Experiment;
import dev.arbiter.importers.experiment.ExperimentBuilder;
import dev.arbiter.importers.experiment.Metric;
import dev.arbiter.importers.experiment.ExperimentFile;
import dev.arbiter.importers.ingest.DatasetCatalog;
import dev.arbiter.importers.workspace.Workspace;
import java.nio.file.Path;
import dev.arbiter.analytics.QuantileMetric;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import dev.arbiter.analytics.ArmStatistics;

/**
 * Quantiles found by counting values (histograms) and by the engine's quantile function are the
 * same numbers, for every slice, interval bound and percentile — on repeating values (integer
 * latencies) and on continuous ones (costs), with segments, days and crossover units — and so are
 * pass 2's two ways of counting events at or below the quantiles (per distinct value or per slice),
 * with segments of few values (carried as codes) and of many (as text).
 */
class QuantileMethodsAgreeTest {
    private static final String EXPERIMENT = """
            {"name": "q", "dataset": "events", "variantColumn": "variant", "control": "a", "treatments": ["b"],
             "split": {"a": 0.5, "b": 0.5}, "unitColumn": "session_id", "timestampColumn": "ts",
             "primary": {"name": "p95_latency", "column": "latency_ms", "kind": "quantile", "quantile": 0.95, "mde": 10},
             "guardrails": [{"name": "p50_cost", "column": "cost_usd", "kind": "quantile", "quantile": 0.5, "maxRatio": 2},
                            {"name": "p75_wait", "column": "wait_s", "kind": "quantile", "quantile": 0.75, "maxRatio": 2},
                            {"name": "p90_tokens_easy", "column": "tokens", "kind": "quantile", "quantile": 0.9,
                             "where": {"column": "plan", "equals": "free"}, "maxRatio": 2}],
             "segments": ["plan", "complexity", "region"], "crossSegments": true}""";

    @TempDir
    Path dir;

    /** Sessions of 7 events over several days (a few events without a timestamp), or each on one day ({@code withinOneDay}). */
    private Path workspace(boolean withinOneDay) throws Exception {
        String ts = withinOneDay ? "TIMESTAMP '2026-03-01' + to_days(i // 7 % 5) + to_minutes(i // 7 % 600 + i % 7)"
                : "CASE WHEN i % 101 = 0 THEN NULL ELSE TIMESTAMP '2026-03-01' + to_minutes(i // 7 % 5000 + (i % 7) * 300) END";
        return MetricsFixtures.workspaceWithEvents(dir, "SELECT 's' || (i // 7) AS session_id, "
                + "CASE WHEN (i // 7) % 97 = 3 AND i % 2 = 0 THEN 'b' WHEN hash(i // 7) % 2 = 0 THEN 'a' ELSE 'b' END AS variant, "
                + ts + " AS ts, "
                + "CAST(200 + hash(i) % 700 + CASE WHEN hash(i // 7) % 2 = 0 THEN 0 ELSE 15 END AS INTEGER) AS latency_ms, "
                + "(hash(i + 1) % 100000) / 7919.0 AS cost_usd, CAST(hash(i + 2) % 50 AS INTEGER) AS tokens, "
                + "hash(i + 3) / 1e16 AS wait_s, "
                + "CASE hash(i // 7) % 3 WHEN 0 THEN 'free' WHEN 1 THEN 'pro' ELSE NULL END AS plan, "
                + "CASE WHEN hash(i // 7 + 5) % 4 = 0 THEN 'complex' ELSE 'easy' END AS complexity, "
                + "'r' || (hash(i // 7 + 9) % 20) AS region "
                + "FROM range(60000) t(i)");
    }

    @Test
    void histogramsAndQuantileQueriesGiveTheSameStatistics() throws Exception {
        Path file = workspace(false);
        Experiment definition = ExperimentBuilder.build(ExperimentFile.parse(EXPERIMENT, "test"));
        try (Workspace workspace = Workspace.open(file); Connection connection = workspace.newConnection()) {
            MetricQueries queries = new MetricQueries(definition, DatasetCatalog.columns(connection, "events"), SqlDialect.DUCKDB, null);
            ExperimentStatistics selected = queries.withQuantileMethod(QuantileMetricQuery.Method.QUANTILE_QUERIES)
                    .withIndicatorBuckets(0).run(connection);
            assertTrue(selected.crossoverUnits() > 0, "the data has crossover units");
            for (int buckets : new int[] {0, 1000}) {
                ExperimentStatistics counted = queries.withQuantileMethod(QuantileMetricQuery.Method.HISTOGRAMS)
                        .withIndicatorBuckets(buckets).run(connection);
                assertTrue(sameStatistics(counted, selected) > 60, "slices compared");
            }
        }
    }

    /**
     * Issue 20: an engine across a network ranks the counts in each pass (no temporary table) and the
     * workspace ranks them once into one; both bring back only the values near each slice's quantile
     * and bounds and give the same numbers, whichever way pass 1 starts — and as many rows.
     */
    @Test
    void rankingInEachPassOrOnceGivesTheSameStatistics() throws Exception {
        Path file = workspace(false);
        Experiment definition = ExperimentBuilder.build(ExperimentFile.parse(EXPERIMENT, "test"));
        try (Workspace workspace = Workspace.open(file)) {
            MeteredConnections once = new MeteredConnections(workspace::newConnection);
            MeteredConnections each = new MeteredConnections(workspace::newConnection);
            ExperimentStatistics materialized;
            try (Connection connection = once.open()) {
                materialized = new MetricQueries(definition, DatasetCatalog.columns(connection, "events"), SqlDialect.DUCKDB, null)
                        .withQuantileMethod(QuantileMetricQuery.Method.HISTOGRAMS).run(connection);
            }
            try (Connection connection = each.open()) {
                MetricQueries queries = new MetricQueries(definition, DatasetCatalog.columns(connection, "events"),
                        SqlDialect.DUCKDB, null).withNearQuantilesOnly(true);
                assertTrue(sameStatistics(queries.withQuantileMethod(QuantileMetricQuery.Method.HISTOGRAMS).run(connection),
                        materialized) > 60, "slices compared");
                assertEquals(once.rowsReturned(), each.rowsReturned(), "the same values come back either way");
                for (QuantileMetricQuery.Method method : new QuantileMetricQuery.Method[] {
                    QuantileMetricQuery.Method.QUANTILE_QUERIES, QuantileMetricQuery.Method.AUTOMATIC}) {
                    assertTrue(sameStatistics(queries.withQuantileMethod(method).run(connection), materialized) > 60, method.name());
                }
            }
        }
    }

    /**
     * The engine's order statistics serve continuous values without counting them (64-bit hashes: no
     * tie near any slice's quantile or bound); on integer latencies they meet ties and the values are
     * counted instead — the numbers are the same either way (above).
     */
    @Test
    void orderStatisticsCountValuesOnlyWhenTheyTie() throws Exception {
        Path file = workspace(false);
        Experiment definition = ExperimentBuilder.build(ExperimentFile.parse(EXPERIMENT, "test"));
        try (Workspace workspace = Workspace.open(file); Connection connection = workspace.newConnection()) {
            EventSource source = source(connection, definition);
            Dimensions dimensions = new Dimensions(source, definition.segments(), true);
            QuantileMetricQuery wait = new QuantileMetricQuery(source, SqlDialect.DUCKDB, (Metric.Quantile) definition.guardrails().get(1),
                    dimensions, 0.05, null, QuantileMetricQuery.Method.QUANTILE_QUERIES);
            assertTrue(wait.run(connection).size() > 40, "slices");
            assertFalse(wait.countedValues(), "continuous waits are read from order statistics");
            QuantileMetricQuery latency = new QuantileMetricQuery(source, SqlDialect.DUCKDB, (Metric.Quantile) definition.primary(),
                    dimensions, 0.05, null, QuantileMetricQuery.Method.QUANTILE_QUERIES);
            latency.run(connection);
            assertTrue(latency.countedValues(), "integer latencies tie");
        }
    }

    /**
     * The experiment with its segments as named: "crossed" (plan, complexity, region and their
     * pairs), "three" (not crossed), "two" (plan and complexity: few enough combinations to count
     * whole arms and segments from cells), "two crossed"; without a timestamp unless {@code days}.
     */
    private static String experiment(String segments, boolean days) {
        String experiment = switch (segments) {
            case "crossed" -> EXPERIMENT;
            case "three" -> EXPERIMENT.replace("\"crossSegments\": true", "\"crossSegments\": false");
            case "two" -> EXPERIMENT.replace("\"crossSegments\": true", "\"crossSegments\": false")
                    .replace(", \"region\"]", "]");
            case "two crossed" -> EXPERIMENT.replace(", \"region\"]", "]");
            default -> throw new IllegalArgumentException(segments);
        };
        return days ? experiment : experiment.replace("\"timestampColumn\": \"ts\",", "");
    }

    /**
     * Pass 2 joins the slices' combinations to the events as one table when they are few (segments
     * not crossed here: 3 × 2 × 20 values × 6 days per arm), and each dimension's slices apart when
     * crossed segments multiply them; {@link #everySliceMatchesTheInMemoryReference} checks both ways'
     * numbers.
     */
    @Test
    void passTwoCombinesFewSlicesIntoOneTable() throws Exception {
        Path file = workspace(false);
        try (Workspace workspace = Workspace.open(file); Connection connection = workspace.newConnection()) {
            for (boolean crossed : new boolean[] {false, true}) {
                Experiment definition = ExperimentBuilder.build(ExperimentFile.parse(
                        EXPERIMENT.replace("\"crossSegments\": true", "\"crossSegments\": " + crossed), "test"));
                EventSource source = source(connection, definition);
                QuantileMetricQuery latency = new QuantileMetricQuery(source, SqlDialect.DUCKDB,
                        (Metric.Quantile) definition.primary(), new Dimensions(source, definition.segments(), crossed), 0.05,
                        null, QuantileMetricQuery.Method.HISTOGRAMS).maxBuckets(0);
                latency.run(connection);
                latency.finish(connection);
                assertEquals(crossed ? "per-slice weights" : "combined slices' weights", latency.passTwoWay(), "crossed: " + crossed);
            }
        }
    }

    /**
     * Whole arms and single segments are added up from counts per segment values only when an arm's
     * combinations of those values are few: the largest product over arms, crossed pairs aside.
     */
    @Test
    void segmentCellsOnlyForFewCombinations() throws Exception {
        Path file = workspace(false);
        Experiment definition = ExperimentBuilder.build(ExperimentFile.parse(EXPERIMENT, "test"));
        try (Workspace workspace = Workspace.open(file); Connection connection = workspace.newConnection()) {
            EventSource source = source(connection, definition);
            Dimensions dimensions = new Dimensions(source, List.of("plan", "complexity"), true);
            List<SliceKey> slices = List.of(SliceKey.arm("a"), SliceKey.segment("a", "plan", "free"),
                    SliceKey.segment("a", "plan", "pro"), SliceKey.segment("a", "plan", null),
                    SliceKey.segment("a", "complexity", "easy"), SliceKey.segment("a", "complexity", "complex"),
                    SliceKey.segment("b", "plan", "free"), SliceKey.segment("b", "complexity", "easy"),
                    SliceKey.segment("a", "plan" + SliceKey.CROSS + "complexity", "free" + SliceKey.CROSS + "easy"));
            assertEquals(6, NearQuantileCounts.segmentCombinations(dimensions, slices), "3 plans × 2 complexities in arm a");
            assertTrue(new NearQuantileCounts(source, dimensions, 6).addsUpSegmentCells());
            assertFalse(new NearQuantileCounts(source, dimensions, NearQuantileCounts.MAX_SEGMENT_CELLS + 1).addsUpSegmentCells());
            assertFalse(new NearQuantileCounts(source, new Dimensions(source, List.of(), false), 1).addsUpSegmentCells(),
                    "no segments: nothing to add up");
        }
    }

    /** The definition's events in the fixture's workspace. */
    private static EventSource source(Connection connection, Experiment definition) throws SQLException {
        return new EventSource(definition, DatasetCatalog.columns(connection, "events"), null);
    }

    /** Asserts every quantile metric's slices and percentiles agree; returns how many slices were compared. */
    private static int sameStatistics(ExperimentStatistics counted, ExperimentStatistics selected) {
        int compared = 0;
        for (String metric : new String[] {"p95_latency", "p50_cost", "p90_tokens_easy", "p75_wait"}) {
            Map<SliceKey, ArmStatistics> a = counted.metrics().get(metric);
            Map<SliceKey, ArmStatistics> b = selected.metrics().get(metric);
            assertEquals(b.keySet(), a.keySet(), metric + ": the same slices");
            for (SliceKey slice : a.keySet()) {
                ArmQuantile x = ((ArmStatistics.Quantile) a.get(slice)).quantile();
                ArmQuantile y = ((ArmStatistics.Quantile) b.get(slice)).quantile();
                String where = metric + " " + slice;
                assertEquals(y.units(), x.units(), where);
                assertEquals(y.events(), x.events(), where);
                close(y.value(), x.value(), where + " value");
                close(y.lower(), x.lower(), where + " lower");
                close(y.upper(), x.upper(), where + " upper");
                compared++;
            }
            double[] percentiles = counted.distributions().get(metric).get("a");
            double[] reference = selected.distributions().get(metric).get("a");
            for (int i = 0; i < percentiles.length; i++) {
                close(reference[i], percentiles[i], metric + " percentile " + (i + 1));
            }
        }
        return compared;
    }

    /**
     * Every slice's quantile and interval bounds — whole arms, segment values and days — equal the
     * in-memory reference ({@link QuantileMetric#estimate}, checked against R in analytics) computed
     * from the raw events of that slice, crossover units left out — with pass 2 weighing events
     * per distinct value or per slice, from each dimension's slices (crossed segments) or from their
     * combinations ({@link #passTwoCombinesFewSlicesIntoOneTable}); events without a timestamp are in
     * arms and segments but on no day.
     */
    @ParameterizedTest(name = "pass 2 per value up to {0} distinct quantiles, sessions within one day: {1}, days: {2}, "
            + "segments: {3}")
    @CsvSource({"0, false, true, crossed", "1000, false, true, crossed", "0, true, true, crossed", "1000, true, true, crossed",
        "0, false, false, crossed", "1000, false, false, crossed", "0, false, true, three", "0, true, true, three",
        "0, false, false, three", "0, false, true, two", "1000, true, true, two", "0, false, false, two",
        "0, true, true, two crossed"})
    void everySliceMatchesTheInMemoryReference(int buckets, boolean withinOneDay, boolean days, String segments)
            throws Exception {
        Path file = workspace(withinOneDay);
        Experiment definition = ExperimentBuilder.build(ExperimentFile.parse(experiment(segments, days), "test"));
        try (Workspace workspace = Workspace.open(file); Connection connection = workspace.newConnection();
             Statement statement = connection.createStatement()) {
            MetricQueries queries = new MetricQueries(definition, DatasetCatalog.columns(connection, "events"),
                    SqlDialect.DUCKDB, null).withIndicatorBuckets(buckets);
            ExperimentStatistics statistics = queries.run(connection);
            if (withinOneDay) {
                assertTrue(sameStatistics(statistics, queries.withOneLevelDays(false).run(connection)) > 60,
                        "grouping by unit alone gives what grouping by unit and day gives");
            }
            for (String[] metric : new String[][] {{"p95_latency", "latency_ms", "0.95"}, {"p50_cost", "cost_usd", "0.5"},
                {"p75_wait", "wait_s", "0.75"}}) {
                Map<SliceKey, List<double[]>> raw = new HashMap<>();
                try (ResultSet rows = statement.executeQuery("SELECT variant, session_id, " + metric[1] + ", plan, "
                        + "CAST(ts AS DATE) AS day FROM events WHERE session_id NOT IN (SELECT session_id FROM events "
                        + "GROUP BY session_id HAVING MIN(variant) <> MAX(variant))")) {
                    while (rows.next()) {
                        String arm = rows.getString(1);
                        double[] event = {Long.parseLong(rows.getString(2).substring(1)), rows.getDouble(3)};
                        raw.computeIfAbsent(SliceKey.arm(arm), k -> new ArrayList<>()).add(event);
                        raw.computeIfAbsent(SliceKey.segment(arm, "plan", rows.getString(4)), k -> new ArrayList<>()).add(event);
                        if (days && rows.getDate(5) != null) {
                            raw.computeIfAbsent(SliceKey.day(arm, rows.getDate(5).toLocalDate()), k -> new ArrayList<>()).add(event);
                        }
                    }
                }
                double p = Double.parseDouble(metric[2]);
                int checked = 0;
                for (Map.Entry<SliceKey, List<double[]>> slice : raw.entrySet()) {
                    List<double[]> events = slice.getValue();
                    ArmQuantile expected = QuantileMetric.estimate(events.stream().mapToDouble(e -> e[1]).toArray(),
                            events.stream().mapToLong(e -> (long) e[0]).toArray(), p, 0.05);
                    ArmQuantile actual = ((ArmStatistics.Quantile) statistics.metrics().get(metric[0]).get(slice.getKey())).quantile();
                    String where = metric[0] + " " + slice.getKey();
                    assertEquals(expected.units(), actual.units(), where + " units");
                    assertEquals(expected.events(), actual.events(), where + " events");
                    close(expected.value(), actual.value(), where + " value");
                    close(expected.lower(), actual.lower(), where + " lower");
                    close(expected.upper(), actual.upper(), where + " upper");
                    checked++;
                }
                assertTrue(checked >= 2 + 6 + (days ? 2 * 3 : 0), metric[0] + ": slices checked " + checked);
                assertEquals(days, statistics.metrics().get(metric[0]).keySet().stream().anyMatch(SliceKey::isDay));
            }
        }
    }

    private static void close(double expected, double actual, String where) {
        if (Double.isNaN(expected)) {
            assertTrue(Double.isNaN(actual), where);
        } else {
            assertEquals(expected, actual, 1e-12 * Math.max(1, Math.abs(expected)), where);
        }
    }
}
