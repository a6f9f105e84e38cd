package dev.arbiter.importers.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbiter.analytics.Comparison;
import dev.arbiter.importers.experiment.DefinitionChecks;
import dev.arbiter.importers.experiment.ExperimentFile;
import dev.arbiter.importers.result.ExperimentResult;
import dev.arbiter.importers.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arbiter.importers.result.AnalysisJson;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The paired design on a small eval set worked by hand (issue 18): one value per item and arm
 * (several samples averaged), pairs over the items both arms answered, the others reported.
 */
class PairedDesignTest {
    private static final String EXPERIMENT = """
            {"name": "Prompt v4 vs v3", "dataset": "events", "variantColumn": "prompt_variant", "control": "v3", "treatments": ["v4"],
             "design": "paired", "itemColumn": "item",
             "primary": {"name": "score", "column": "score", "kind": "unit", "aggregate": "mean", "mde": 0.1},
             "secondary": [{"name": "passed", "column": "pass", "kind": "unit", "aggregate": "max"}],
             "segments": ["source"]}""";

    @TempDir
    Path dir;

    @Test
    void itemsArePairedSamplesAveragedAndUnpairedItemsReported() throws Exception {
        Path events = Files.writeString(dir.resolve("events.csv"), """
                item,prompt_variant,score,pass,source
                i1,v3,0.2,0,math
                i1,v4,0.6,1,math
                i1,v4,0.8,1,math
                i2,v3,0.5,1,math
                i2,v4,0.5,1,math
                i3,v3,0.1,0,code
                i3,v4,0.4,1,code
                i4,v3,0.9,1,code
                i4,v4,0.7,0,code
                i5,v3,0.3,0,chat
                i5,v4,0.6,1,chat
                i6,v3,0.4,0,chat
                i7,v4,0.9,1,chat
                """);
        try (Workspace workspace = AnalysisFixtures.workspaceWith(dir, events, "events")) {
            ExperimentResult result = ExperimentAnalyzer.analyze(workspace, ExperimentFile.parse(EXPERIMENT, "e.json"), null,
                    "e.json");
            // pairs i1..i5; i1's two v4 samples averaged: 0.7. Differences 0.5, 0, 0.3, -0.2, 0.3 → mean 0.18
            Comparison score = result.primary().comparison("v4").comparison();
            assertEquals(0.18, score.absolute().estimate(), 1e-12);
            assertEquals(4, score.absolute().degreesOfFreedom(), "n − 1 over 5 items");
            assertEquals("paired t-test", score.method());
            // R: t.test(c(0.7,0.5,0.4,0.7,0.6), c(0.2,0.5,0.1,0.9,0.3), paired = TRUE)$p.value → 0.2205373
            assertEquals(0.2205373, score.absolute().pValue(), 1e-7);
            // the paired view: percentiles of the item differences; their median is 0.3 (R quantile(d, 0.5))
            double[] differences = result.distributions().get("score").get("v4");
            assertEquals(99, differences.length);
            assertEquals(0.3, differences[49], 1e-12);
            assertEquals(-0.2 + 0.04 * 0.2, differences[0], 1e-12, "R: quantile(c(.5, 0, .3, -.2, .3), .01) = -0.192");
            Comparison passed = result.metric("passed").comparison("v4").comparison();
            assertEquals("paired difference of proportions (McNemar)", passed.method());
            assertEquals((4 - 2) / 5.0, passed.absolute().estimate(), 1e-12, "v4 passes 4 of the 5 paired items, v3 2");
            assertTrue(result.warnings().contains("v4 vs v3: paired on 5 items; 1 answered by v3 only and 1 by v4 only are "
                    + "left out of this comparison."), result.warnings().toString());
            assertEquals(List.of(6L, 6L), result.arms().stream().map(a -> a.units()).toList(), "items answered per arm");
            assertEquals(List.of("chat", "code", "math"), result.segments().stream().map(s -> s.value()).toList());
        }
    }

    /** Drift: the same prompt replayed later, read per replay with its interval (byReplay). */
    @Test
    void theReplayColumnReadsThePrimaryPerReplayAndArm() throws Exception {
        Path events = Files.writeString(dir.resolve("events.csv"), """
                item,prompt_variant,run,score
                i1,v3,2026-03-02,0.2
                i2,v3,2026-03-02,0.5
                i3,v3,2026-03-02,0.1
                i4,v3,2026-03-02,0.9
                i1,v3,2026-03-16,0.1
                i2,v3,2026-03-16,0.3
                i3,v3,2026-03-16,0.0
                i4,v3,2026-03-16,0.6
                i1,v4,2026-03-02,0.4
                i2,v4,2026-03-02,0.6
                i3,v4,2026-03-02,0.2
                i4,v4,2026-03-02,0.9
                """);
        String experiment = """
                {"name": "Drift", "dataset": "events", "variantColumn": "prompt_variant", "control": "v3", "treatments": ["v4"],
                 "design": "paired", "itemColumn": "item", "replayColumn": "run",
                 "primary": {"name": "score", "column": "score", "kind": "unit", "aggregate": "mean", "mde": 0.1}}""";
        try (Workspace workspace = AnalysisFixtures.workspaceWith(dir, events, "events")) {
            ExperimentResult result = ExperimentAnalyzer.analyze(workspace, ExperimentFile.parse(experiment, "e.json"), null,
                    "e.json");
            assertEquals(List.of("2026-03-02", "2026-03-16"), result.byReplay().stream().map(p -> p.replay()).toList());
            var first = result.byReplay().get(0).arms();
            assertEquals(List.of("v3", "v4"), first.stream().map(a -> a.name()).toList());
            // R: t.test(c(0.2, 0.5, 0.1, 0.9)) → mean 0.425, conf.int [-0.146881852478, 0.996881852478]
            assertEquals(0.425, first.get(0).value(), 1e-12);
            assertEquals(-0.146881852478, first.get(0).ci().lower(), 1e-9);
            var second = result.byReplay().get(1).arms();
            assertEquals(1, second.size(), "only v3 was replayed");
            // R: t.test(c(0.1, 0.3, 0.0, 0.6)) → mean 0.25, conf.int [-0.170998074230, 0.670998074230]
            assertEquals(0.25, second.get(0).value(), 1e-12);
            assertEquals(0.670998074230, second.get(0).ci().upper(), 1e-9);
            // the main comparison averages an item's replays: v3 per item (0.15, 0.4, 0.05, 0.75)
            assertEquals(0.3375, result.primary().arm("v3").value(), 1e-12);
            var json = new ObjectMapper().readTree(AnalysisJson.write(result));
            assertEquals(4, json.at("/byReplay/1/arms/0/items").asInt());
        }
        assertEquals(List.of("replayColumn: only a paired design (\"design\": \"paired\") reads replays"),
                DefinitionChecks.ofDefinition(ExperimentFile.parse(experiment.replace("\"design\": \"paired\", ", "")
                        .replace("\"itemColumn\": \"item\", ", "\"unitColumn\": \"item\", "), "e.json")));
    }

    @Test
    void aPairedDefinitionNeedsItsItemAndOnlyWhatItReads() throws Exception {
        assertEquals(List.of(), DefinitionChecks.ofDefinition(ExperimentFile.parse(EXPERIMENT, "e.json")),
                "no unitColumn needed: the item is the unit");
        assertEquals(List.of("itemColumn: missing"), DefinitionChecks.ofDefinition(ExperimentFile.parse(
                EXPERIMENT.replace("\"itemColumn\": \"item\",", ""), "e.json")));
        assertEquals(List.of("unitColumn: missing", "design: must be parallel or paired, not 'crossover'"), DefinitionChecks.ofDefinition(
                ExperimentFile.parse(EXPERIMENT.replace("\"paired\"", "\"crossover\""), "e.json")));
        List<String> ratio = DefinitionChecks.ofDefinition(ExperimentFile.parse(EXPERIMENT.replace(
                "\"kind\": \"unit\", \"aggregate\": \"max\"", "\"kind\": \"ratio\""), "e.json"));
        assertEquals(1, ratio.size(), ratio.toString());
        assertTrue(ratio.get(0).startsWith("secondary[0].kind: a paired design reads unit metrics"), ratio.get(0));
    }
}
