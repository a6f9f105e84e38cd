package dev.arbiter.importers.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbiter.importers.experiment.Experiment;
import dev.arbiter.importers.experiment.ExperimentBuilder;
import dev.arbiter.importers.experiment.ExperimentFile;
import dev.arbiter.importers.experiment.Metric;
import dev.arbiter.importers.ingest.DatasetCatalog;
import dev.arbiter.importers.workspace.Workspace;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Segments aggregated as integer codes give exactly what aggregating their text gives: the same
 * slices, units, events, sums and units whose segment changes — with null values, a crossed pair,
 * units that change segment (the smallest value wins either way) and values whose byte order is
 * not Java's {@code String} order.
 */
class SegmentCodesTest {
    private static final String EXPERIMENT = """
            {"name": "codes", "dataset": "events", "variantColumn": "variant", "control": "a", "treatments": ["b"],
             "unitColumn": "session_id", "timestampColumn": "ts",
             "primary": {"name": "ok", "column": "ok", "kind": "unit", "aggregate": "mean", "mde": 0.01},
             "guardrails": [{"name": "cost", "column": "cost", "kind": "unit", "aggregate": "sum", "maxRatio": 2},
                            {"name": "refusal", "column": "refusal", "kind": "ratio", "maxRatio": 2}],
             "segments": ["plan", "script"], "crossSegments": true}""";

    @TempDir
    Path dir;

    @Test
    void codedSegmentsGiveTheSameStatisticsAsText() throws Exception {
        // script: 'ｚ' (U+FF5A) sorts after '𝒜' (U+1D49C) in UTF-16 but before it in UTF-8 bytes
        Path file = MetricsFixtures.workspaceWithEvents(dir, "SELECT 's' || (i // 5) AS session_id, "
                + "CASE WHEN hash(i // 5) % 2 = 0 THEN 'a' ELSE 'b' END AS variant, "
                + "TIMESTAMP '2026-03-01' + to_minutes(i // 5 % 4000) AS ts, "
                + "CASE WHEN hash(i) % 3 = 0 THEN 1 ELSE 0 END AS ok, (hash(i + 1) % 1000) / 100.0 AS cost, "
                + "hash(i + 2) % 7 = 0 AS refusal, "
                + "CASE WHEN (i // 5) % 40 = 0 THEN CASE i % 5 WHEN 0 THEN 'team' WHEN 1 THEN 'free' ELSE 'pro' END "
                + "WHEN hash(i // 5) % 4 = 0 THEN NULL WHEN hash(i // 5) % 4 = 1 THEN 'free' ELSE 'pro' END AS plan, "
                + "CASE WHEN (i // 5) % 30 = 1 THEN CASE i % 2 WHEN 0 THEN 'ｚ' ELSE '𝒜' END "
                + "WHEN hash(i // 5 + 3) % 2 = 0 THEN 'ｚ' ELSE '𝒜' END AS script FROM range(20000) t(i)");
        Experiment definition = ExperimentBuilder.build(ExperimentFile.parse(EXPERIMENT, "test"));
        try (Workspace workspace = Workspace.open(file); Connection connection = workspace.newConnection()) {
            EventSource source = new EventSource(definition, DatasetCatalog.columns(connection, "events"), null);
            Dimensions dimensions = new Dimensions(source, definition.segments(), true);
            List<Metric.Adjustable> metrics = definition.metrics().stream().map(m -> (Metric.Adjustable) m.metric()).toList();
            UnitMetricQuery query = new UnitMetricQuery(source, SqlDialect.DUCKDB, metrics, dimensions);
            List<Dimensions.Segment> single = dimensions.segments().subList(0, 2);
            SegmentCodes found = SegmentCodes.find(connection, source, single, QueryTuning.DUCKDB.maxSegmentCodes());
            assertTrue(found.coded(single.get(0)) && found.coded(single.get(1)), "both segments have few values");
            UnitMetricQuery.Result coded = query.run(connection, found);
            UnitMetricQuery.Result text = query.run(connection, new SegmentCodes(Map.of(), 0));

            assertEquals(text.unitsAndEvents().keySet(), coded.unitsAndEvents().keySet());
            text.unitsAndEvents().forEach((slice, counts) ->
                    assertEquals(List.of(counts[0], counts[1]), List.of(coded.unitsAndEvents().get(slice)[0],
                            coded.unitsAndEvents().get(slice)[1]), slice.toString()));
            assertEquals(text.unitsChangingSegment(), coded.unitsChangingSegment());
            assertEquals(100L, coded.unitsChangingSegment().get("plan"), "every 40th of 4000 units changes plan");
            assertTrue(coded.unitsChangingSegment().get("script") > 100, "every 30th unit changes script");
            assertEquals(text.metrics().keySet(), coded.metrics().keySet());
            text.metrics().forEach((metric, slices) -> {
                assertEquals(slices.keySet(), coded.metrics().get(metric).keySet(), metric);
                slices.forEach((slice, statistics) -> assertEquals(rounded(statistics),
                        rounded(coded.metrics().get(metric).get(slice)), metric + " " + slice));
            });
            assertTrue(coded.unitsAndEvents().keySet().stream().anyMatch(s -> s.isSegment() && s.segmentValue() == null),
                    "a slice of units without a plan");
            assertFalse(coded.unitsAndEvents().keySet().stream().anyMatch(s -> "team".equals(s.segmentValue())),
                    "'team' is never a unit's smallest plan ('free' < 'team')");
            assertTrue(coded.unitsAndEvents().containsKey(SliceKey.segment("a", "plan" + SliceKey.CROSS + "script", "free × ｚ")));
            assertFalse(coded.metrics().get("ok").isEmpty());
        }
    }

    /**
     * The statistics as text with every decimal number to 11 significant digits: compensated sums
     * over differently grouped rows may differ in the last bits (decision 0005).
     */
    private static String rounded(Object statistics) {
        return Pattern.compile("-?\\d+\\.\\d+(E-?\\d+)?").matcher(statistics.toString())
                .replaceAll(match -> String.format(Locale.ROOT, "%.10e", Double.parseDouble(match.group())));
    }
}
