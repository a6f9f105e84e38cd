package dev.arbiter.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arbiter.analytics.Comparison;
import dev.arbiter.analytics.Effect;
import dev.arbiter.analytics.reading.GuardrailStatus;
import dev.arbiter.analytics.reading.RecommendationKind;
import dev.arbiter.importers.result.DailyPoint;
import dev.arbiter.importers.analysis.ExperimentAnalyzer;
import dev.arbiter.importers.result.ExperimentResult;
import dev.arbiter.importers.result.MetricResult;
import dev.arbiter.importers.result.SegmentResult;
import dev.arbiter.importers.experiment.ExperimentFile;
import dev.arbiter.importers.ingest.ImportMonitor;
import dev.arbiter.importers.workspace.Workspace;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each committed sample, imported and analysed as a user would, recovers the truth it planted
 * (truth.json) within the reported 95% intervals, and shows what it was made to show. The seeds are
 * fixed, so these are checks of one dataset each; coverage in general is `arbiter simulate`'s job.
 */
class SampleTruthTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private ExperimentResult analyse(String name) throws Exception {
        Path file = dir.resolve(name + ".arbiter");
        Path experiment = SampleWorkspaces.create(name, file, "test", ImportMonitor.NONE);
        try (Workspace workspace = Workspace.open(file)) {
            return ExperimentAnalyzer.analyze(workspace, ExperimentFile.read(experiment), null, name);
        }
    }

    private static JsonNode truth(String name) throws Exception {
        return JSON.readTree(SampleCatalog.truthJson(name));
    }

    /** The planted absolute effect lies in the metric's interval. */
    private static void coversAbsolute(ExperimentResult result, String metric, double truth) {
        Effect effect = result.metric(metric).comparisons().get(0).comparison().absolute();
        assertTrue(effect.ci().contains(truth), metric + ": " + truth + " outside " + effect.ci());
    }

    /** The planted treatment/control ratio lies in 1 + the relative interval. */
    private static void coversRatio(ExperimentResult result, String metric, double ratio) {
        Effect effect = result.metric(metric).comparisons().get(0).comparison().relative();
        assertTrue(effect.ci().contains(ratio - 1), metric + ": ratio " + ratio + " outside 1 + " + effect.ci());
    }

    @Test
    void supportBotIsTheArticlesKnifeEdge() throws Exception {
        ExperimentResult result = analyse("support-bot");
        JsonNode truth = truth("support-bot");
        coversAbsolute(result, "resolution_rate", truth.at("/resolution_rate/absoluteEffect").asDouble());
        coversRatio(result, "refusal_rate", truth.at("/refusal_rate/ratio").asDouble());
        coversRatio(result, "cost_per_session_usd", truth.at("/cost_per_session_usd/ratio").asDouble());
        assertTrue(result.fallback().arm("sonnet").ci().contains(truth.get("fallback_rate").asDouble()));
        Effect primary = result.primary().comparison("haiku").comparison().absolute();
        assertTrue(primary.ci().upper() > 0 && primary.ci().upper() < 0.002, "the upper bound is just above 0: " + primary.ci());
        assertFalse(result.srm().flagged());
        // flat overall, but the segments disagree: the article's segmented rollout (issue 16 #11)
        assertEquals(RecommendationKind.SEGMENT, result.decision().kind(), result.decision().reasons().toString());
        assertTrue(result.decision().reasons().stream().anyMatch(reason -> reason.startsWith("Segment complexity = complex: haiku "
                + "is worse") && reason.endsWith("serve sonnet there.")), result.decision().reasons().toString());
        assertTrue(result.decision().reasons().stream().anyMatch(reason -> reason.startsWith("No difference detected in "
                + "resolution_rate")), result.decision().reasons().toString());
        assertTrue(result.primary().comparison("haiku").nonInferiority().nonInferior());
        SegmentResult complex = segment(result, "complexity", "complex");
        coversAbsolute(complex, "resolution_rate", truth.at("/resolution_rate_by_complexity/complex/absoluteEffect").asDouble());
        assertTrue(complex.metrics().get(0).comparison("haiku").pValueAdjusted() < 0.05, "complex tickets are worse");
        assertEquals(3, result.servedModels().stream().map(m -> m.model()).distinct().count(), "two models and the fallback");
    }

    @Test
    void jsonExtractionLatencyGuardrailFiresOnThePlantedDay() throws Exception {
        ExperimentResult result = analyse("json-extraction");
        JsonNode truth = truth("json-extraction");
        coversAbsolute(result, "schema_validity", truth.at("/schema_validity/absoluteEffect").asDouble());
        LocalDate planted = LocalDate.parse(truth.at("/p95_latency_ms/guardrailFiresOn").asText());
        LocalDate firstBreach = null;
        for (DailyPoint day : result.series()) {
            MetricResult p95 = day.metrics().stream().filter(m -> m.name().equals("p95_latency_ms")).findFirst().orElseThrow();
            if (firstBreach == null && p95.comparison("deepseek").worstGuardrail().status() == GuardrailStatus.BREACHED) {
                firstBreach = day.day();
            }
        }
        assertEquals(planted, firstBreach);
        assertEquals(GuardrailStatus.BREACHED, result.metric("p95_latency_ms").comparison("deepseek").worstGuardrail().status());
        assertEquals(RecommendationKind.DO_NOT_SHIP, result.decision().kind());
    }

    @Test
    void photoAppRecoversItsPlantedEffects() throws Exception {
        ExperimentResult result = analyse("photo-app");
        JsonNode truth = truth("photo-app");
        coversAbsolute(result, "rating", truth.at("/rating/absoluteEffect").asDouble());
        coversAbsolute(result, "paywall_conversion", truth.at("/paywall_conversion/absoluteEffect").asDouble());
        coversAbsolute(result, "export_retention_d7", truth.at("/export_retention_d7/absoluteEffect").asDouble());
        coversRatio(result, "api_error_rate", truth.at("/api_error_rate/ratio").asDouble());
        String cuped = String.join(" ", result.primary().comparison("flash-lite").comparison().notes());
        assertTrue(cuped.startsWith("CUPED: θ = "), cuped);
    }

    @Test
    void brokenSplitIsFlagged() throws Exception {
        ExperimentResult result = analyse("broken-split");
        assertTrue(truth("broken-split").get("srmFlagged").asBoolean());
        assertTrue(result.srm().flagged(), "p = " + result.srm().pValue());
        assertTrue(result.decision().reasons().get(0).startsWith("Sample ratio mismatch"));
        assertTrue(result.warnings().stream().anyMatch(w -> w.startsWith("Sample ratio mismatch")));
    }

    @Test
    void aaShowsNoDifference() throws Exception {
        ExperimentResult result = analyse("a-a");
        coversAbsolute(result, "conversion", 0);
        coversAbsolute(result, "revenue_per_user_usd", 0);
        assertFalse(result.primary().comparisons().get(0).significant());
        assertFalse(result.srm().flagged());
        assertEquals(RecommendationKind.NO_DIFFERENCE, result.decision().kind());
    }

    /** Issue 18: the paired eval-set replay recovers v4's effects, the code reversal and v3's drift. */
    @Test
    void evalReplayIsReadPairedAndFindsTheReversalAndTheDrift() throws Exception {
        ExperimentResult result = analyse("eval-replay");
        JsonNode truth = truth("eval-replay");
        assertEquals(List.of(600L, 600L, 600L), result.arms().stream().map(a -> a.units()).toList(), "items per arm");
        for (String arm : List.of("v4", "v3-replay")) {
            JsonNode planted = truth.get(arm.equals("v4") ? "v4" : "v3Replay");
            Comparison score = result.primary().comparison(arm).comparison();
            assertEquals("paired t-test", score.method());
            assertTrue(score.absolute().ci().contains(planted.get("judgeScore").asDouble()), arm + " score " + score.absolute());
            assertTrue(score.significant(), arm);
            Effect pass = result.metric("pass_rate").comparison(arm).comparison().absolute();
            assertTrue(pass.ci().contains(planted.get("passRate").asDouble()), arm + " pass " + pass);
            Effect cost = result.metric("cost_per_answer_usd").comparison(arm).comparison().relative();
            assertTrue(cost.ci().contains(planted.get("costRatio").asDouble() - 1), arm + " cost " + cost);
        }
        Comparison p95 = result.metric("p95_latency_ms").comparison("v4").comparison();
        assertTrue(p95.method().contains("paired on items"), p95.method());
        // this seed's answers put v4's p95 only 2.5% above v3's (1725 vs 1684 ms, numpy), short of the planted 1.1:
        // the interval follows the data; coverage of the planted ratio is the simulation's to show (PAIRED_P95)
        assertTrue(p95.relative().ci().upper() < 0.3 && p95.relative().ci().contains(1725.0 / 1683.7 - 1), p95.relative().toString());
        assertEquals(GuardrailStatus.OK, result.metric("p95_latency_ms").comparison("v4").guardrails().get(0).status());
        SegmentResult code = segment(result, "category", "code");
        Effect codeScore = code.metrics().get(0).comparison("v4").comparison().absolute();
        assertTrue(codeScore.ci().contains(truth.at("/v4ByCategory/code/judgeScore").asDouble()), codeScore.toString());
        assertEquals(RecommendationKind.SEGMENT, result.decisions().get("v4").kind(), "v3 for code, v4 elsewhere");
        assertEquals(RecommendationKind.DO_NOT_SHIP, result.decisions().get("v3-replay").kind(), "the drift is a loss");
    }

    private static SegmentResult segment(ExperimentResult result, String column, String value) {
        return result.segments().stream().filter(s -> s.column().equals(column) && value.equals(s.value())).findFirst()
                .orElseThrow();
    }

    private static void coversAbsolute(SegmentResult segment, String metric, double truth) {
        MetricResult m = segment.metrics().stream().filter(r -> r.name().equals(metric)).findFirst().orElseThrow();
        Effect effect = m.comparisons().get(0).comparison().absolute();
        assertTrue(effect.ci().contains(truth), metric + " in " + segment.value() + ": " + truth + " outside " + effect.ci());
    }
}
