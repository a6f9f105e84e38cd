package dev.arbiter.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import dev.arbiter.importers.fixtures.SharedDatasets;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code arbiter analyze}: the table, the pinned JSON keys, --as-of, and one-line failures. */
class AnalyzeCommandTest {
    private static final String EXPERIMENT = """
            {"name": "Cookie Cats", "question": "Gate at 40?", "dataset": "cookie_cats", "variantColumn": "version",
             "control": "gate_30", "treatments": ["gate_40"], "split": {"gate_30": 0.5, "gate_40": 0.5},
             "unitColumn": "userid",
             "primary": {"name": "retention_7", "column": "retention_7", "kind": "unit", "aggregate": "max", "mde": 0.01},
             "guardrails": [{"name": "retention_1", "column": "retention_1", "kind": "unit", "aggregate": "max", "minRatio": 0.95}],
             "segments": ["retention_1"]}""";

    @TempDir
    Path dir;
    private String workspace;
    private String experiment;

    @BeforeEach
    void importCookieCats() throws Exception {
        workspace = dir.resolve("w.arbiter").toString();
        assertEquals(0, CliRun.of("import", SharedDatasets.file("cookie_cats/cookie_cats.csv").toString(), "--workspace", workspace).exitCode());
        experiment = Files.writeString(dir.resolve("cookie.json"), EXPERIMENT).toString();
    }

    @Test
    void jsonHasThePinnedKeys() throws Exception {
        CliRun run = CliRun.of("analyze", "--workspace", workspace, "--experiment", experiment, "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode root = Json.MAPPER.readTree(run.out());
        for (String key : new String[] {"experiment", "unitColumn", "asOf", "arms", "srm", "crossoverUnits", "metrics",
                "segments", "decision"}) {
            assertTrue(root.has(key), key);
        }
        assertEquals("Cookie Cats", root.get("experiment").asText());
        assertEquals("userid", root.get("unitColumn").asText());
        JsonNode arm = root.get("arms").get(0);
        assertEquals("gate_30", arm.get("name").asText());
        assertEquals(44700, arm.get("units").asLong());
        assertEquals(44700, arm.get("events").asLong());
        assertEquals(0.5, arm.get("expectedShare").asDouble());
        assertEquals(0.0086, root.get("srm").get("pValue").asDouble(), 5e-5);
        assertTrue(root.get("srm").has("chiSquare"));
        assertEquals(false, root.get("srm").get("flagged").asBoolean());
        JsonNode primary = root.get("metrics").get(0);
        assertEquals("primary", primary.get("role").asText());
        assertEquals("unit", primary.get("kind").asText());
        assertEquals(0.1902, primary.get("arms").get(0).get("value").asDouble(), 5e-5);
        JsonNode comparison = primary.get("comparisons").get(0);
        for (String key : new String[] {"control", "treatment", "absoluteEffect", "absoluteCi", "relativeEffect", "relativeCi",
                "pValue", "significant"}) {
            assertTrue(comparison.has(key), "comparisons[]." + key);
        }
        assertEquals(-0.0133, comparison.get("absoluteCi").get(0).asDouble(), 5e-5);
        JsonNode guardrail = root.get("metrics").get(1).get("comparisons").get(0).get("guardrail");
        assertEquals("minRatio", guardrail.get("rule").asText());
        assertEquals(0.95, guardrail.get("threshold").asDouble());
        assertEquals("ok", guardrail.get("status").asText());
        JsonNode segment = root.get("segments").get(0);
        assertEquals("retention_1", segment.get("column").asText());
        assertTrue(segment.get("metrics").get(0).get("comparisons").get(0).has("pValueAdjusted"));
        assertEquals("do_not_ship", root.get("decision").get("recommendation").asText());
        assertTrue(root.get("decision").get("reasons").size() > 0);
    }

    @Test
    void daysSinceExposureNeedATimestamp() throws Exception {
        CliRun run = CliRun.of("analyze", "--workspace", workspace, "--experiment", experiment, "--days-since-exposure", "3", "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode root = Json.MAPPER.readTree(run.out());
        assertTrue(!root.has("byDaysSinceExposure"));
        assertTrue(root.get("warnings").toString().contains("need a timestampColumn"), root.get("warnings").toString());
        assertEquals(2, CliRun.of("analyze", "--workspace", workspace, "--experiment", experiment, "--days-since-exposure", "x").exitCode());
    }

    @Test
    void tableShowsEffectsAndTheRecommendation() {
        CliRun run = CliRun.of("analyze", "--workspace", workspace, "--experiment", experiment);
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("retention_7"), run.out());
        assertTrue(run.out().contains("19.02%") && run.out().contains("-0.820 pp [-1.328, -0.312]"), run.out());
        assertTrue(run.out().contains("Recommendation: do_not_ship"), run.out());
    }

    @Test
    void jsonGoesToAFileWhenNamed() throws Exception {
        Path out = dir.resolve("result.json");
        CliRun run = CliRun.of("analyze", "--workspace", workspace, "--experiment", experiment, "--json", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("Cookie Cats", Json.MAPPER.readTree(out.toFile()).get("experiment").asText());
    }

    @Test
    void problemsAreOneLineWithTheKey() throws Exception {
        Files.writeString(Path.of(experiment), EXPERIMENT.replace("\"userid\"", "\"user_id\""));
        CliRun run = CliRun.of("analyze", "--workspace", workspace, "--experiment", experiment);
        assertEquals(1, run.exitCode());
        assertEquals("arbiter: cookie.json: unitColumn: dataset 'cookie_cats' has no column 'user_id'", run.err().strip());
        CliRun date = CliRun.of("analyze", "--workspace", workspace, "--experiment", experiment, "--as-of", "yesterday");
        assertEquals(1, date.exitCode());
        assertEquals("arbiter: --as-of must be a date like 2026-03-14, got 'yesterday'", date.err().strip());
    }
}
