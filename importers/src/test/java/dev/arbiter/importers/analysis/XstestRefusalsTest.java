package dev.arbiter.importers.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbiter.importers.experiment.ExperimentFile;
import dev.arbiter.importers.ingest.AddedColumns;
import dev.arbiter.importers.ingest.DatasetImporter;
import dev.arbiter.importers.ingest.ImportMonitor;
import dev.arbiter.importers.ingest.ImportOptions;
import dev.arbiter.importers.ingest.ImportReport;
import dev.arbiter.importers.result.ArmSummary;
import dev.arbiter.importers.result.ExperimentResult;
import dev.arbiter.importers.workspace.Access;
import dev.arbiter.importers.workspace.Workspace;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17 on XSTest as shipped (../shared/datasets/xstest_refusals, skipped with the path named
 * where absent): completions saved one file per model and system prompt; the arm comes from the
 * file (--file-column), the prompts are paired by id, and the refusal rates are the published ones
 * (evaluation/analysis.ipynb; the paper: "Llama2 … refusing 38% of safe prompts fully and another
 * 21.6% partially").
 */
class XstestRefusalsTest {
    private static final String FILES = "xstest_refusals/model_completions/";
    /** The 8 unsafe contrast types of xstest_prompts.csv (label = unsafe); the other 10 types are safe. */
    private static final String UNSAFE = "[\"contrast_definitions\", \"contrast_discr\", \"contrast_figurative_language\", "
            + "\"contrast_historical_events\", \"contrast_homonyms\", \"contrast_privacy\", \"contrast_safe_contexts\", "
            + "\"contrast_safe_targets\"]";

    @TempDir
    Path dir;

    @Test
    void theLlama2SystemPromptTestReadsThePublishedRatesFromTwoFilesLabelledByTheAnalyst() throws Exception {
        Path file = dir.resolve("xstest.arbiter");
        Workspace.create(file, "test").close();
        String glob = AnalysisFixtures.shared(FILES).resolve("xstest_v2_completions_llama2*.csv").toString();
        ImportReport report;
        try (Workspace importing = Workspace.open(file, Access.IMPORT)) {
            report = new DatasetImporter(importing).importSource(glob, ImportOptions.defaults().withDataset("xstest")
                    .withAdded(new AddedColumns("system_prompt", Map.of("xstest_v2_completions_llama2orig.csv", "original",
                            "xstest_v2_completions_llama2new", "none"), null)), ImportMonitor.NONE);
        }
        assertEquals(900, report.rowsLoaded());
        assertTrue(report.warnings().stream().anyMatch(w -> w.contains("prompt, completion not stored")), report.warnings().toString());
        ExperimentResult safe = analyze(file, "original", "[\"none\"]", "notIn");
        assertEquals(List.of(250L, 250L), safe.arms().stream().map(ArmSummary::units).toList(), "250 safe prompts, paired");
        // published (share of the 250 safe prompts): original 38.0% full, 21.6% partial; none 14.0%, 15.6%
        assertEquals(0.380, safe.metric("full_refusal").arm("original").value(), 1e-12);
        assertEquals(0.216, safe.metric("partial_refusal").arm("original").value(), 1e-12);
        assertEquals(0.140, safe.metric("full_refusal").arm("none").value(), 1e-12);
        assertEquals(0.156, safe.metric("partial_refusal").arm("none").value(), 1e-12);
        assertEquals(-0.24, safe.primary().comparison("none").comparison().absolute().estimate(), 1e-12);
        assertTrue(safe.primary().comparison("none").significant(), "dropping the system prompt refuses less");
    }

    @Test
    void everyArmOfTheFolderReadsThePublishedSafeAndUnsafeRates() throws Exception {
        Path file = dir.resolve("five.arbiter");
        Workspace.create(file, "test").close();
        try (Workspace importing = Workspace.open(file, Access.IMPORT)) {
            new DatasetImporter(importing).importSource(AnalysisFixtures.shared(FILES).toString(), ImportOptions.defaults()
                    .withDataset("xstest").withAdded(new AddedColumns("system_prompt", Map.of(), null)), ImportMonitor.NONE);
        }
        String prefix = "xstest_v2_completions_";
        String others = "[\"" + prefix + "llama2orig\", \"" + prefix + "llama2new\", \"" + prefix + "mistralguard\", \""
                + prefix + "gpt4\"]";
        ExperimentResult safe = analyze(file, prefix + "mistralinstruct", others, "notIn");
        ExperimentResult unsafe = analyze(file, prefix + "mistralinstruct", others, "in");
        // the README's table (analysis.ipynb): arm → safe full, safe partial, unsafe full, unsafe partial
        Map<String, double[]> published = Map.of("llama2orig", new double[] {0.380, 0.216, 0.995, 0.005},
                "llama2new", new double[] {0.140, 0.156, 0.975, 0.025},
                "mistralinstruct", new double[] {0.008, 0.008, 0.235, 0.125},
                "mistralguard", new double[] {0.096, 0.092, 0.875, 0.090},
                "gpt4", new double[] {0.064, 0.020, 0.975, 0.020});
        published.forEach((arm, rates) -> {
            assertEquals(rates[0], safe.metric("full_refusal").arm(prefix + arm).value(), 1e-12, arm);
            assertEquals(rates[1], safe.metric("partial_refusal").arm(prefix + arm).value(), 1e-12, arm);
            assertEquals(rates[2], unsafe.metric("full_refusal").arm(prefix + arm).value(), 1e-12, arm);
            assertEquals(rates[3], unsafe.metric("partial_refusal").arm(prefix + arm).value(), 1e-12, arm);
        });
        assertEquals(List.of(200L, 200L, 200L, 200L, 200L), unsafe.arms().stream().map(ArmSummary::units).toList());
    }

    /** The refusal rates on the safe ({@code notIn} the contrast types) or unsafe ({@code in}) prompts. */
    private static ExperimentResult analyze(Path file, String control, String treatments, String safeOrUnsafe)
            throws Exception {
        var definition = ExperimentFile.parse("""
                {"name": "XSTest", "dataset": "xstest", "variantColumn": "system_prompt", "control": "%s",
                 "treatments": %s, "design": "paired", "itemColumn": "id",
                 "where": {"column": "type", "%s": %s},
                 "primary": {"name": "full_refusal", "kind": "unit", "aggregate": "count", "direction": "decrease",
                   "mde": 0.05, "where": {"column": "final_label", "equals": "2_full_refusal"}},
                 "secondary": [{"name": "partial_refusal", "kind": "unit", "aggregate": "count", "direction": "decrease",
                   "where": {"column": "final_label", "equals": "3_partial_refusal"}}]}"""
                .formatted(control, treatments, safeOrUnsafe, UNSAFE), "xstest.json");
        try (Workspace workspace = Workspace.open(file)) {
            return ExperimentAnalyzer.analyze(workspace, definition, null, "xstest.json");
        }
    }
}
