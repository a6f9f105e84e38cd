package dev.arbiter.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code arbiter compare} and {@code arbiter plan}: the pinned JSON keys and R-checked numbers. */
class StatisticsCommandsTest {
    @TempDir
    Path dir;

    private JsonNode compare(String json) throws Exception {
        Path input = Files.writeString(dir.resolve("in.json"), json);
        CliRun run = CliRun.of("compare", input.toString());
        assertEquals(0, run.exitCode(), run.err());
        return Json.MAPPER.readTree(run.out());
    }

    @Test
    void compareProportionsPrintsThePinnedKeys() throws Exception {
        JsonNode result = compare("{\"kind\":\"proportion\",\"control\":{\"n\":44700,\"sum\":8502},"
                + "\"treatment\":{\"n\":45489,\"sum\":8279},\"alpha\":0.05,\"alternative\":\"two-sided\"}");
        JsonNode absolute = result.get("absolute");
        // cookie_cats retention_7; R 4.2.2 (analytics reference-values.R, block B2)
        assertEquals(-0.00820129831520591, absolute.get("effect").asDouble(), 1e-12);
        assertEquals(-0.0132816206810206, absolute.get("ci").get(0).asDouble(), 1e-12);
        assertEquals(-0.00312097594939121, absolute.get("ci").get(1).asDouble(), 1e-12);
        assertEquals(0.00259201400829404, absolute.get("se").asDouble(), 1e-12);
        assertEquals(0.00155634252678713, absolute.get("pValue").asDouble(), 1e-11);
        assertTrue(absolute.get("df").asDouble() > 90000);
        for (String key : new String[] {"effect", "ci", "se", "pValue"}) {
            assertTrue(result.get("relative").has(key), "relative." + key);
        }
    }

    @Test
    void compareMeansOneSidedWritesAnOpenBoundAsNull() throws Exception {
        JsonNode result = compare("{\"kind\":\"mean\",\"control\":{\"n\":5,\"sum\":15.5,\"sumSquares\":48.15},"
                + "\"treatment\":{\"n\":7,\"sum\":19.4,\"sumSquares\":53.96},\"alternative\":\"less\"}");
        // R 4.2.2: t.test(t3, c3, alternative = "less"): upper -0.149669761540099, p 0.00399427979590922  [A3]
        assertTrue(result.get("absolute").get("ci").get(0).isNull());
        assertEquals(-0.149669761540099, result.get("absolute").get("ci").get(1).asDouble(), 1e-10);
        assertEquals(0.00399427979590922, result.get("absolute").get("pValue").asDouble(), 1e-12);
    }

    @Test
    void compareSequentialUsesTheConfidenceSequence() throws Exception {
        JsonNode result = compare("{\"kind\":\"proportion\",\"control\":{\"n\":6000,\"sum\":5226},"
                + "\"treatment\":{\"n\":6000,\"sum\":5154},\"sequential\":{\"tuning\":5000}}");
        // R 4.2.2, reference-values.R block G2
        assertEquals(-0.03118790008759154, result.get("absolute").get("ci").get(0).asDouble(), 1e-10);
        assertEquals(0.77186229167250309, result.get("absolute").get("pValue").asDouble(), 1e-10);
        assertTrue(result.get("absolute").get("df").isNull(), "normal-based: no df");
    }

    @Test
    void compareExplainsBadInput() throws Exception {
        Path input = Files.writeString(dir.resolve("bad.json"), "{\"kind\":\"proportion\",\"control\":{\"n\":10,\"sum\":12},"
                + "\"treatment\":{\"n\":10,\"sum\":3}}");
        CliRun run = CliRun.of("compare", input.toString());
        assertEquals(1, run.exitCode());
        assertEquals("arbiter: \"control.sum\" (successes) must be between 0 and n = 10, got 12.0", run.err().strip());
        CliRun missing = CliRun.of("compare", dir.resolve("nope.json").toString());
        assertTrue(missing.err().contains("no such file"), missing.err());
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\n  \"kind\": mean\n}");
        CliRun invalid = CliRun.of("compare", broken.toString());
        assertTrue(invalid.err().contains("at line 2, column"), invalid.err());
    }

    @Test
    void planPrintsPinnedJson() throws Exception {
        CliRun run = CliRun.of("plan", "--baseline", "0.85", "--mde", "0.02", "--daily-units", "5000", "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode plan = Json.MAPPER.readTree(run.out());
        // R 4.2.2: power.prop.test(p1 = .85, p2 = .87, power = .8)$n = 4723.85 -> 4724; 16 p(1-p)/MDE^2 = 5100
        assertEquals(4724, plan.get("perArm").asLong());
        assertEquals(9448, plan.get("total").asLong());
        assertEquals(5100, plan.get("ruleOfThumbPerArm").asLong());
        assertEquals(2, plan.get("days").asLong());
    }

    /** Issue 21 #8: the Plan section's curves from the command line, checked against R. */
    @Test
    void planCurvesMatchR() throws Exception {
        CliRun run = CliRun.of("plan", "--baseline", "0.85", "--mde", "0.02", "--daily-units", "5000", "--curve", "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode plan = Json.MAPPER.readTree(run.out());
        JsonNode power = plan.get("powerCurve");
        assertEquals(40, power.size());
        // R 4.3: power.prop.test(n = 2362, p1 = .85, p2 = .87)$power = 0.5083171735; n = 4724: 0.8000127474
        assertEquals(2362, power.get(9).get("perArm").asLong());
        assertEquals(0.5083171735, power.get(9).get("power").asDouble(), 1e-6);
        assertEquals(4724, power.get(19).get("perArm").asLong());
        assertEquals(0.8000127474, power.get(19).get("power").asDouble(), 1e-6);
        JsonNode mde = plan.get("mdeByDay");
        // R 4.3: power.prop.test(n = 2500, p1 = .85, power = .8)$p2 - .85 = 0.02719282013 (day 1: 5,000 units over
        // 2 arms); n = 5000: 0.01945946931 (day 2). Tolerance 5e-6 absolute: R solves the exact two-tailed power,
        // Arbiter inverts its own power function numerically; both read an MDE to four significant digits.
        assertEquals(0.02719282013, mde.get(0).get("mde").asDouble(), 5e-6);
        assertEquals(0.01945946931, mde.get(1).get("mde").asDouble(), 5e-6);
        assertTrue(mde.get(0).get("mde").asDouble() > 0.02, "one day is not enough: " + mde.get(0));
        assertTrue(mde.get(1).get("mde").asDouble() <= 0.02 + 1e-9, "two days reach the MDE: " + mde.get(1));
    }

    @Test
    void planForMeansAndKArmsInWords() {
        // R 4.2.2: power.t.test(delta = 0.5, sd = 2, power = 0.8)$n = 252.13 -> 253
        CliRun means = CliRun.of("plan", "--mean", "10", "--sd", "2", "--mde", "0.05", "--relative");
        assertTrue(means.out().contains("per arm:        253"), means.out());
        CliRun arms = CliRun.of("plan", "--baseline", "0.85", "--mde", "0.02", "--arms", "3");
        assertTrue(arms.out().contains("alpha = 0.025 per comparison"), arms.out());
        CliRun both = CliRun.of("plan", "--baseline", "0.85", "--mean", "3", "--mde", "0.02");
        assertEquals(2, both.exitCode(), "--baseline and --mean are mutually exclusive");
        CliRun noSd = CliRun.of("plan", "--mean", "3", "--mde", "0.5");
        assertEquals("arbiter: --mean needs --sd, the standard deviation per unit", noSd.err().strip());
    }

    @Test
    void simulateReportsEveryKindAndPassesItsTargets() {
        CliRun run = CliRun.of("simulate", "--runs", "300", "--seed", "3");
        assertTrue(run.out().contains("naive per-request test"), run.out());
        assertTrue(run.out().contains("300 A/A and 300 A/B experiments per kind, seed 3"), run.out());
    }
}
