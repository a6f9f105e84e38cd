package dev.arbiter.importers.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.arbiter.importers.experiment.DefinitionChecks;
import dev.arbiter.importers.experiment.ExperimentFile;
import dev.arbiter.importers.result.ArmSummary;
import dev.arbiter.importers.result.ExperimentResult;
import dev.arbiter.importers.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17: a request log holding two experiments, and error rows that must not count — an experiment
 * filter and structured wheres (not equals, ranges, null tests, all/any), checked against the rows by hand.
 */
class WhereFilterTest {
    private static final String EXPERIMENT = """
            {"name": "Exp 1", "dataset": "events", "variantColumn": "variant", "control": "a", "treatments": ["b"],
             "unitColumn": "user_id", "where": {"column": "exp_id", "equals": "exp1"},
             "primary": {"name": "resolved", "column": "resolved", "kind": "unit", "aggregate": "max", "mde": 0.1},
             "secondary": [
               {"name": "latency_ok", "column": "latency_ms", "kind": "ratio",
                "where": {"all": [{"column": "status", "notEquals": 429}, {"column": "latency_ms", "gt": 0}]}},
               {"name": "slow_or_failed", "kind": "unit", "aggregate": "count",
                "where": {"any": [{"column": "latency_ms", "gte": 1000}, {"column": "status", "in": [429, 500]}]}},
               {"name": "no_status", "kind": "unit", "aggregate": "count", "where": {"column": "status", "isNull": true}}]}""";

    @TempDir
    Path dir;

    @Test
    void theExperimentFilterAndStructuredWheresKeepTheRightRows() throws Exception {
        Path events = Files.writeString(dir.resolve("events.csv"), """
                exp_id,variant,user_id,status,latency_ms,resolved
                exp1,a,u1,200,400,1
                exp1,a,u1,429,0,0
                exp1,a,u2,,600,0
                exp1,b,u3,200,1200,1
                exp1,b,u3,500,900,0
                exp1,b,u4,200,800,1
                exp2,a,u5,200,100,1
                exp2,b,u6,200,100,0
                exp2,b,u7,429,5000,0
                """);
        try (Workspace workspace = AnalysisFixtures.workspaceWith(dir, events, "events")) {
            ExperimentResult result = ExperimentAnalyzer.analyze(workspace, ExperimentFile.parse(EXPERIMENT, "e.json"), null,
                    "e.json");
            assertEquals(List.of(2L, 2L), result.arms().stream().map(ArmSummary::units).toList(), "exp2's users are out");
            // a: u1's 429 row (latency 0) is out, u2's row without a status stays: (400 + 600) / 2
            assertEquals(500, result.metric("latency_ok").arm("a").value(), 1e-9);
            // b: every row of exp1 has a status other than 429 and latency > 0: (1200 + 900 + 800) / 3
            assertEquals(2900 / 3.0, result.metric("latency_ok").arm("b").value(), 1e-9);
            // a: u1's 429 → 1, u2 none → 0; b: u3's 1200 ms and its 500 (one row each) → 2, u4 → 0
            assertEquals(0.5, result.metric("slow_or_failed").arm("a").value(), 1e-12);
            assertEquals(1.0, result.metric("slow_or_failed").arm("b").value(), 1e-12);
            assertEquals(0.5, result.metric("no_status").arm("a").value(), 1e-12, "u2's row has no status");
        }
    }

    @Test
    void aWhereWithoutConditionOrColumnIsRefusedByKey() throws Exception {
        String bad = EXPERIMENT.replace("{\"column\": \"exp_id\", \"equals\": \"exp1\"}", "{\"column\": \"exp_id\"}")
                .replace("{\"column\": \"latency_ms\", \"gt\": 0}", "{\"gt\": 0}");
        assertEquals(List.of("secondary[0].where.all[1].column: missing",
                "where: give a condition: equals, in, notEquals, notIn, isNull, gt, gte, lt, lte, all or any"), DefinitionChecks.ofDefinition(ExperimentFile.parse(bad, "e.json")));
    }
}
