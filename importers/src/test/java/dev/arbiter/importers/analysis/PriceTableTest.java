package dev.arbiter.importers.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbiter.importers.experiment.ExperimentFile;
import dev.arbiter.importers.result.ExperimentResult;
import dev.arbiter.importers.result.MetricResult;
import dev.arbiter.importers.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cost from tokens (docs/experiment-format.md, "Cost from tokens"): each model at its price, a dated
 * model name at the price of the name it dates (issue 17: {@code claude-sonnet-4-5-20250929}), and
 * a model without a price — or a longer name that is not a date — at no cost, and named in a warning.
 */
class PriceTableTest {
    @TempDir
    Path dir;

    @Test
    void costIsComputedPerModelWithDatedNamesPricedAsTheirModel() throws Exception {
        Path events = Files.writeString(dir.resolve("events.csv"), """
                variant,user_id,model,tokens_in,tokens_out,resolved
                a,u1,claude-sonnet-4-5-20250929,1000,500,1
                a,u3,claude-sonnet-4-5@2025-09-29,2000,0,0
                a,u5,claude-sonnet-4-5-mini,1000,1000,1
                b,u2,claude-haiku-4-5,1000,500,1
                b,u4,gpt-4o-mini,1000,500,0
                """);
        var definition = ExperimentFile.parse("""
                {"name": "Prices", "dataset": "events", "variantColumn": "variant", "control": "a", "treatments": ["b"],
                 "unitColumn": "user_id",
                 "primary": {"name": "resolution", "column": "resolved", "kind": "unit", "aggregate": "max", "mde": 0.1},
                 "secondary": [{"name": "cost_per_user", "column": "cost_usd", "kind": "unit", "aggregate": "sum"}],
                 "priceTable": {"column": "cost_usd", "modelColumn": "model", "tokensInColumn": "tokens_in",
                                "tokensOutColumn": "tokens_out",
                                "prices": {"claude-sonnet-4-5": {"inputPerMillion": 3.0, "outputPerMillion": 15.0},
                                           "claude-haiku-4-5": {"inputPerMillion": 1.0, "outputPerMillion": 5.0}}}}""",
                "test");
        try (Workspace workspace = AnalysisFixtures.workspaceWith(dir, events, "events")) {
            ExperimentResult result = ExperimentAnalyzer.analyze(workspace, definition, null, "test");
            MetricResult cost = result.metric("cost_per_user");
            // by hand: u1 1000·3 + 500·15 = 10,500 µ$; u3 (dated with @ and dashes) 2000·3 = 6,000 µ$; u5 not a date: 0
            assertEquals((0.0105 + 0.006 + 0) / 3, cost.arm("a").value(), 1e-15);
            // u2 1000·1 + 500·5 = 3,500 µ$; u4 has no price: 0
            assertEquals((0.0035 + 0) / 2, cost.arm("b").value(), 1e-15);
            // the models without a price are named, with their events, so the analyst can price them
            assertTrue(result.warnings().contains("No price in priceTable.prices for claude-sonnet-4-5-mini (1 event), "
                    + "gpt-4o-mini (1 event): their cost is left empty, not counted as 0; add the model (or its undated "
                    + "name) to the price table."), result.warnings().toString());
        }
    }
}
