package dev.arbiter.importers.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbiter.analytics.PValueAdjustment;
import dev.arbiter.analytics.reading.RecommendationKind;
import dev.arbiter.importers.experiment.ExperimentDefinition;
import dev.arbiter.importers.experiment.ExperimentException;
import dev.arbiter.importers.experiment.ExperimentFile;
import dev.arbiter.importers.result.ComparisonResult;
import dev.arbiter.importers.result.ExperimentResult;
import dev.arbiter.importers.workspace.Workspace;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16 #3: with several treatments each metric's comparisons with control are one family —
 * p-values adjusted (Holm by default, as R {@code p.adjust}), significance and the recommendation
 * on the adjusted reading, and the experiment's recommendation names the arm to ship.
 */
class MultipleTreatmentsTest {
    @TempDir
    static Path dir;
    private static Path events;

    /** 3 × 3,000 users: control converts 10%, "better" 13%, "same" 10.5% (deterministic, not random). */
    @BeforeAll
    static void writeEvents() throws Exception {
        events = dir.resolve("three-arms.csv");
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement()) {
            statement.execute("COPY (SELECT 'u' || i AS user_id, arm, "
                    + "CASE WHEN (i * 7919) % 1000 < CASE arm WHEN 'control' THEN 100 WHEN 'better' THEN 130 ELSE 105 END "
                    + "THEN 1 ELSE 0 END AS converted FROM (SELECT i, CASE i % 3 WHEN 0 THEN 'control' WHEN 1 THEN 'better' "
                    + "ELSE 'same' END AS arm FROM range(9000) t(i))) TO '" + events + "' (HEADER)");
        }
    }

    private static ExperimentDefinition experiment(String multipleTesting) throws Exception {
        return ExperimentFile.parse("""
                {"name": "three arms", "dataset": "events", "variantColumn": "arm", "control": "control",
                 "treatments": ["better", "same"], "unitColumn": "user_id",
                 "primary": {"name": "conversion", "column": "converted", "kind": "unit", "aggregate": "max", "mde": 0.02}"""
                + (multipleTesting == null ? "" : ", \"multipleTesting\": \"" + multipleTesting + "\"") + "}", "three.json");
    }

    private static ExperimentResult analyse(String multipleTesting) throws Exception {
        try (Workspace workspace = AnalysisFixtures.workspaceWith(dir.resolve(String.valueOf(multipleTesting)), events, "events")) {
            return ExperimentAnalyzer.analyze(workspace, experiment(multipleTesting), null, "three.json");
        }
    }

    @Test
    void comparisonsWithControlAreHolmAdjustedByDefaultAndTheWinnerIsNamed() throws Exception {
        ExperimentResult result = analyse(null);
        List<ComparisonResult> family = result.primary().comparisons();
        double[] raw = family.stream().mapToDouble(c -> c.comparison().absolute().pValue()).toArray();
        double[] holm = PValueAdjustment.HOLM.adjust(raw);
        for (int i = 0; i < family.size(); i++) {
            assertEquals(holm[i], family.get(i).pValueAdjusted(), 0);
            assertEquals(PValueAdjustment.HOLM, family.get(i).adjustment());
            assertEquals(holm[i] < 0.05, family.get(i).significant());
        }
        assertTrue(holm[0] < 0.05 && holm[1] >= 0.05, "better wins, same does not: raw " + raw[0] + ", " + raw[1]);
        assertEquals(RecommendationKind.SHIP, result.decisions().get("better").kind());
        assertEquals(RecommendationKind.NO_DIFFERENCE, result.decisions().get("same").kind());
        assertEquals(RecommendationKind.SHIP, result.decision().kind());
        assertEquals("Ship better. Of 2 treatments: better: Ship; same: No difference — take the cheaper arm.", result.decision().reasons().get(0));
        assertTrue(result.decision().reasons().stream().anyMatch(r -> r.startsWith("The primary's p-value is Holm-adjusted")));
    }

    @Test
    void bonferroniAndNoneAreChosenInTheDefinitionAndAnythingElseIsAProblem() throws Exception {
        ComparisonResult bonferroni = analyse("bonferroni").primary().comparisons().get(1);
        assertEquals(Math.min(1, 2 * bonferroni.comparison().absolute().pValue()), bonferroni.pValueAdjusted(), 1e-15);
        ComparisonResult none = analyse("none").primary().comparisons().get(1);
        assertTrue(Double.isNaN(none.pValueAdjusted()));
        ExperimentException wrong = assertThrows(ExperimentException.class, () -> {
            try (Workspace workspace = AnalysisFixtures.workspaceWith(dir.resolve("wrong"), events, "events")) {
                ExperimentAnalyzer.analyze(workspace, experiment("sidak"), null, "three.json");
            }
        });
        assertTrue(wrong.getMessage().contains("multipleTesting: must be holm, bonferroni or none, got 'sidak'"), wrong.getMessage());
    }
}
