package dev.arbiter.importers.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.arbiter.analytics.reading.ValueUnit;
import dev.arbiter.importers.experiment.DefinitionChecks;
import dev.arbiter.importers.experiment.ExperimentFile;
import dev.arbiter.importers.result.ExperimentResult;
import dev.arbiter.importers.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The unit a metric reads in (issue 21 #2): shares recognised from the data, not from names; units
 * from column suffixes; a declared unit wins; counts and ratios of two columns stay plain numbers.
 */
class MetricUnitsTest {
    @TempDir
    Path dir;

    @Test
    void sharesAreFoundInTheDataAndOtherUnitsInTheNames() throws Exception {
        Path events = Files.writeString(dir.resolve("events.csv"), """
                variant,user_id,ok,flag,score,latency_ms,cost_usd,total_tokens,retries
                a,u1,1,0,0.5,120,0.002,800,0
                a,u1,0,1,0.7,180,0.001,900,2
                a,u3,1,0,0.9,90,0.003,700,1
                b,u2,0,0,0.2,200,0.002,1000,0
                b,u4,1,1,0.4,150,0.004,600,3
                b,u4,1,0,0.6,110,0.001,650,0
                """);
        var definition = ExperimentFile.parse("""
                {"name": "Units", "dataset": "events", "variantColumn": "variant", "control": "a", "treatments": ["b"],
                 "unitColumn": "user_id",
                 "primary": {"name": "resolved", "column": "ok", "kind": "unit", "aggregate": "max", "mde": 0.1},
                 "secondary": [
                   {"name": "ok_share_of_requests", "column": "ok", "kind": "ratio"},
                   {"name": "flag_any", "column": "flag", "kind": "unit", "aggregate": "any"},
                   {"name": "mean_score", "column": "score", "kind": "unit", "aggregate": "max"},
                   {"name": "p95", "column": "latency_ms", "kind": "quantile", "quantile": 0.95},
                   {"name": "spend", "column": "cost_usd", "kind": "unit", "aggregate": "sum"},
                   {"name": "tokens", "column": "total_tokens", "kind": "ratio"},
                   {"name": "requests", "kind": "unit", "aggregate": "count"},
                   {"name": "retries_per_request", "column": "retries", "kind": "ratio"},
                   {"name": "cost_per_token", "column": "cost_usd", "kind": "ratio", "denominator": "total_tokens"},
                   {"name": "declared", "column": "score", "kind": "unit", "aggregate": "mean", "unit": "percent"}]}""",
                "test");
        try (Workspace workspace = AnalysisFixtures.workspaceWith(dir, events, "events")) {
            ExperimentResult result = ExperimentAnalyzer.analyze(workspace, definition, null, "test");
            assertEquals(ValueUnit.PERCENT, result.metric("resolved").unit(), "every user's max is 0 or 1");
            assertEquals(ValueUnit.PERCENT, result.metric("ok_share_of_requests").unit(), "a 0/1 column over events");
            assertEquals(ValueUnit.PERCENT, result.metric("flag_any").unit());
            assertEquals(ValueUnit.NONE, result.metric("mean_score").unit(), "0.2 to 0.9: not a share");
            assertEquals(ValueUnit.MILLISECONDS, result.metric("p95").unit());
            assertEquals(ValueUnit.USD, result.metric("spend").unit());
            assertEquals(ValueUnit.TOKENS, result.metric("tokens").unit());
            assertEquals(ValueUnit.NONE, result.metric("requests").unit(), "a count");
            assertEquals(ValueUnit.NONE, result.metric("retries_per_request").unit(), "u1 has 2 retries in 2 requests, "
                    + "but u4 has 3 in 2: whole numbers larger than the events are not a share");
            assertEquals(ValueUnit.NONE, result.metric("cost_per_token").unit(), "a ratio of two columns");
            assertEquals(ValueUnit.PERCENT, result.metric("declared").unit(), "declared wins");
        }
    }

    @Test
    void anUnknownUnitIsReportedByItsKey() throws Exception {
        var definition = ExperimentFile.parse("""
                {"name": "Units", "dataset": "events", "variantColumn": "variant", "control": "a", "treatments": ["b"],
                 "unitColumn": "user_id",
                 "primary": {"name": "resolved", "column": "ok", "kind": "unit", "mde": 0.1, "unit": "euros"}}""", "test");
        assertEquals(List.of("primary.unit: must be percent, ms, s, usd, tokens or none, not 'euros'"),
                DefinitionChecks.ofDefinition(definition));
    }
}
