package dev.arbiter.importers.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbiter.analytics.Effect;
import dev.arbiter.analytics.reading.RecommendationKind;
import dev.arbiter.importers.workspace.Workspace;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.arbiter.importers.result.ExperimentResult;
import dev.arbiter.importers.result.MetricResult;

/** Published results of real A/B tests, reproduced from the raw files through import, metric SQL and analytics. */
class RealDatasetsTest {
    @TempDir
    Path dir;

    /** ../shared/datasets/cookie_cats/README.md: −0.82 pp [−1.33, −0.31], p = 0.0016; retention_1 p = 0.0744; SRM p = 0.008. */
    @Test
    void cookieCatsReproducesThePublishedRetentionResult() throws Exception {
        ExperimentResult result = cookieCats();
        assertEquals(44700, result.arms().get(0).units());
        assertEquals(45489, result.arms().get(1).units());
        MetricResult retention7 = result.metric("retention_7");
        assertEquals(8502.0 / 44700, retention7.arm("gate_30").value(), 1e-12);
        assertEquals(8279.0 / 45489, retention7.arm("gate_40").value(), 1e-12);
        Effect effect = retention7.comparison("gate_40").comparison().absolute();
        // published, rounded to 0.01 pp and 2 significant digits of p
        assertEquals(-0.0082, effect.estimate(), 0.00005);
        assertEquals(-0.0133, effect.ci().lower(), 0.00005);
        assertEquals(-0.0031, effect.ci().upper(), 0.00005);
        assertEquals(0.0016, effect.pValue(), 0.00005);
        assertEquals(0.0744, result.metric("retention_1").comparison("gate_40").comparison().absolute().pValue(), 0.00005);
        assertEquals(0.0086, result.srm().pValue(), 0.00005);
        assertFalse(result.srm().flagged(), "p = 0.0086 is not below the pinned 0.001");
        assertEquals(RecommendationKind.DO_NOT_SHIP, result.decision().kind());
        assertEquals("ok", result.metric("retention_1").comparison("gate_40").worstGuardrail().status().label());
    }

    /**
     * Issue 16 #1: median game rounds, integers with many ties (the order-statistic median read −1
     * [−1.71, −0.29], p = 0.006, jumping from 17 to 16). The mid-quantiles from
     * src/test/resources/r/cookie-cats-median.R (R 4.2.2): 16.796252927400467 and 16.212781954887220,
     * difference −0.583470972513247 (to 1e-9); its bootstrap (2,000 resamples) has sd 0.2348 and
     * 95% interval [−1.041, −0.121]: the standard error within 10% of that sd (bootstrap noise ≈ 1.6%),
     * the bounds within 0.05.
     */
    @Test
    void medianGameRoundsOnTiedIntegersAgreeWithTheBootstrap() throws Exception {
        ExperimentResult result = cookieCats();
        MetricResult median = result.metric("median_rounds");
        assertEquals(16.796252927400467, median.arm("gate_30").value(), 1e-9);
        assertEquals(16.212781954887220, median.arm("gate_40").value(), 1e-9);
        Effect effect = median.comparison("gate_40").comparison().absolute();
        assertEquals(-0.583470972513247, effect.estimate(), 1e-9);
        assertEquals(0.2348, effect.standardError(), 0.1 * 0.2348);
        assertEquals(-1.041, effect.ci().lower(), 0.05);
        assertEquals(-0.121, effect.ci().upper(), 0.05);
    }

    /** The Cookie Cats test analysed from ../shared/datasets/cookie_cats (skipped when absent). */
    private ExperimentResult cookieCats() throws Exception {
        try (Workspace workspace = AnalysisFixtures.workspaceWith(dir, AnalysisFixtures.shared("cookie_cats/cookie_cats.csv"),
                "cookie_cats")) {
            return ExperimentAnalyzer.analyze(workspace, AnalysisFixtures.experiment("cookie-cats.json"), null,
                    "cookie-cats.json");
        }
    }

    /**
     * ../shared/datasets/marketing_ab_subsample: column names with spaces, True/False, a 96/4 split and only 5
     * conversions in psa. ad 293/11,298 vs psa 5/464. The README's p = 0.042 is a pooled z-test; Arbiter's pinned
     * convention is unpooled (Welch), here R: d = 0.0151579315228206, CI [0.00529572000396623, 0.0250201430416751],
     * p = 0.00265247305935471 (R 4.2.2, formula in docs/methods.md; tolerance 1e-9).
     */
    @Test
    void marketingHandlesSpacedColumnNamesAndAFewConversions() throws Exception {
        try (Workspace workspace = AnalysisFixtures.workspaceWith(dir,
                AnalysisFixtures.shared("marketing_ab_subsample/marketing_AB.csv"), "marketing")) {
            ExperimentResult result = ExperimentAnalyzer.analyze(workspace, AnalysisFixtures.experiment("marketing.json"),
                    null, "marketing.json");
            Effect effect = result.metric("conversion").comparison("ad").comparison().absolute();
            assertEquals(0.0151579315228206, effect.estimate(), 1e-9);
            assertEquals(0.00529572000396623, effect.ci().lower(), 1e-9);
            assertEquals(0.0250201430416751, effect.ci().upper(), 1e-9);
            assertEquals(0.00265247305935471, effect.pValue(), 1e-9);
            assertEquals(0.760436229621111, result.srm().pValue(), 1e-9); // R chisq.test(c(11298, 464), p = c(.96, .04))
            assertEquals(7, result.segments().size(), "one segment per weekday");
            assertTrue(result.segments().stream().allMatch(s -> s.metrics().get(0).comparison("ad").pValueAdjusted() >= 0));
        }
    }
}
