package dev.arbiter.importers.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbiter.importers.experiment.ExperimentFile;
import dev.arbiter.importers.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.arbiter.importers.result.ExperimentResult;
import dev.arbiter.importers.result.SegmentResult;
import dev.arbiter.importers.result.AnalysisJson;

/** Slices too small to estimate (one unit, no events in an arm) say why; the analysis never fails on them. */
class SmallSlicesTest {
    @TempDir
    Path dir;

    @Test
    void aSegmentWithOneUnitGivesReasonsNotErrors() throws Exception {
        Path csv = dir.resolve("events.csv");
        StringBuilder rows = new StringBuilder("user,arm,ts,latency,ok,tier\n");
        for (int i = 0; i < 40; i++) {
            rows.append("u").append(i).append(',').append(i % 2 == 0 ? "a" : "b").append(",2026-03-0").append(1 + i % 3)
                    .append(" 10:00:00,").append(100 + i).append(',').append(i % 3 == 0 ? 1 : 0).append(',')
                    .append(i == 7 ? "solo" : "many").append('\n');
        }
        Files.writeString(csv, rows);
        try (Workspace workspace = AnalysisFixtures.workspaceWith(dir, csv, "events")) {
            ExperimentResult result = ExperimentAnalyzer.analyze(workspace, ExperimentFile.parse("""
                    {"name": "small", "dataset": "events", "variantColumn": "arm", "control": "a", "treatments": ["b"],
                     "unitColumn": "user", "timestampColumn": "ts",
                     "primary": {"name": "ok", "column": "ok", "kind": "unit", "aggregate": "max", "mde": 0.1},
                     "guardrails": [{"name": "p95", "column": "latency", "kind": "quantile", "quantile": 0.95, "maxRatio": 1.5}],
                     "segments": ["tier"]}""", "small.json"), null, "small.json");
            SegmentResult solo = result.segments().stream().filter(s -> "solo".equals(s.value())).findFirst().orElseThrow();
            assertTrue(solo.tooSmall());
            assertEquals(0, solo.units().get(0));
            assertEquals(1, solo.units().get(1));
            var p95 = solo.metrics().get(1).comparison("b").comparison().absolute();
            assertFalse(p95.available());
            assertEquals("each arm needs events from at least 2 units", p95.unavailableReason());
            assertEquals("at_risk", solo.metrics().get(1).comparison("b").worstGuardrail().status().label());
            assertNull(solo.metrics().get(1).arm("a").ci());
            assertTrue(result.metric("p95").comparison("b").comparison().absolute().available());
            String json = AnalysisJson.write(result);
            assertFalse(json.contains("NaN"), "no NaN in the JSON");
        }
    }

    @Test
    void unitsWhoseSegmentChangesAreCountedAndWarnedAbout() throws Exception {
        Path csv = dir.resolve("moves.csv");
        StringBuilder rows = new StringBuilder("user,arm,ts,ok,tier\n");
        for (int i = 0; i < 40; i++) {
            String tier = i % 2 == 0 ? "free" : "pro";
            rows.append("u").append(i).append(',').append(i % 2 == 0 ? "a" : "b").append(",2026-03-01 10:00:00,1,").append(tier).append('\n');
            // three users upgrade on their second event
            rows.append("u").append(i).append(',').append(i % 2 == 0 ? "a" : "b").append(",2026-03-02 10:00:00,0,")
                    .append(i < 3 ? "team" : tier).append('\n');
        }
        Files.writeString(csv, rows);
        try (Workspace workspace = AnalysisFixtures.workspaceWith(dir.resolve("moves"), csv, "events")) {
            ExperimentResult result = ExperimentAnalyzer.analyze(workspace, ExperimentFile.parse("""
                    {"name": "moves", "dataset": "events", "variantColumn": "arm", "control": "a", "treatments": ["b"],
                     "unitColumn": "user", "timestampColumn": "ts",
                     "primary": {"name": "ok", "column": "ok", "kind": "unit", "aggregate": "max", "mde": 0.1},
                     "segments": ["tier"], "crossSegments": true}""", "moves.json"), null, "moves.json");
            assertTrue(result.warnings().contains("3 units have more than one value of 'tier' among their events; "
                    + "each is counted in its smallest value in the segments."), result.warnings().toString());
        }
    }
}
