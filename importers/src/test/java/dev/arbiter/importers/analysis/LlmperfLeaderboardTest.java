package dev.arbiter.importers.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arbiter.importers.experiment.ExperimentFile;
import dev.arbiter.importers.ingest.AddedColumns;
import dev.arbiter.importers.ingest.DatasetImporter;
import dev.arbiter.importers.ingest.ImportMonitor;
import dev.arbiter.importers.ingest.ImportOptions;
import dev.arbiter.importers.result.ExperimentResult;
import dev.arbiter.importers.workspace.Access;
import dev.arbiter.importers.workspace.Workspace;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17 on the LLMPerf leaderboard's raw requests as shipped (../shared/datasets/llmperf_leaderboard,
 * skipped with the path named where absent): one file per provider (the arm comes from the file),
 * no request id (each request numbered as its unit), HTTP 429 and short-output rows excluded from
 * the latency metrics by a filter — the time-to-first-token percentiles then are the published
 * summary files' (computed there over non-errored requests).
 */
class LlmperfLeaderboardTest {
    private static final String DIR = "llmperf_leaderboard/";
    private static final List<String> PROVIDERS = List.of("anyscale", "bedrock", "fireworks", "groq", "lepton",
            "perplexity", "replicate", "together");

    @TempDir
    Path dir;

    @Test
    void ttftPercentilesPerProviderOfThe70bModelAreThePublishedSummaries() throws Exception {
        ExperimentResult result = analyze70b();
        Map<String, double[]> percentiles = result.distributions().get("ttft_p95_s");
        for (String provider : PROVIDERS) {
            String arm = provider + "_70b";
            JsonNode summary = new ObjectMapper().readTree(AnalysisFixtures.shared(DIR + "summary/" + arm + ".json").toFile());
            // the median: llmperf's numpy.quantile (R type 7) and Arbiter's mid-quantile agree where no value repeats
            assertEquals(summary.get("results_ttft_s_quantiles_p50").asDouble(), result.primary().arm(arm).value(), 1e-12, arm);
            // Arbiter's percentile view (R type 7, as numpy's default) gives the summary's p95 to the digit
            assertEquals(summary.get("results_ttft_s_quantiles_p95").asDouble(), percentiles.get(arm)[94], 1e-12, arm);
            assertEquals(summary.get("results_ttft_s_quantiles_p50").asDouble(), percentiles.get(arm)[49], 1e-12, arm);
            assertEquals(summary.get("results_error_rate").asDouble(), result.metric("error_rate").arm(arm).value(), 1e-12, arm);
        }
        // the p95 metric is the mid-quantile (docs/methods.md; R type 5 without ties), checked with
        // numpy 2.x: np.quantile(ttft_of_non_errored_rows, 0.95, method="hazen")
        Map<String, Double> hazen = Map.of("anyscale_70b", 0.36707358799998246, "groq_70b", 0.30388977378606796,
                "lepton_70b", 1.063731554499995, "replicate_70b", 27.03288522525004);
        hazen.forEach((arm, expected) -> assertEquals(expected, result.metric("ttft_p95_s").arm(arm).value(), 1e-12, arm));
        assertEquals(150 + 150 + 150 + 150 + 150 + 150 + 145 + 150, result.arms().stream().mapToLong(a -> a.units()).sum());
        // without the filter, lepton's 130 HTTP 429 rows (ttft 0) would make its median 0: the filter is what reads it
        assertTrue(result.primary().arm("lepton_70b").value() > 0.9);
    }

    private ExperimentResult analyze70b() throws Exception {
        Path file = dir.resolve("llmperf.arbiter");
        Workspace.create(file, "test").close();
        String glob = AnalysisFixtures.shared(DIR + "individual").resolve("*_70b.json").toString();
        try (Workspace importing = Workspace.open(file, Access.IMPORT)) {
            new DatasetImporter(importing).importSource(glob, ImportOptions.defaults().withDataset("llmperf")
                    .withAdded(new AddedColumns("provider", Map.of(), "request")), ImportMonitor.NONE);
        }
        var definition = ExperimentFile.parse("""
                {"name": "Llama-2 70B time to first token by provider", "dataset": "llmperf", "variantColumn": "provider",
                 "control": "anyscale_70b", "treatments": ["bedrock_70b", "fireworks_70b", "groq_70b", "lepton_70b",
                   "perplexity_70b", "replicate_70b", "together_70b"], "unitColumn": "request",
                 "primary": {"name": "ttft_p50_s", "column": "ttft_s", "kind": "quantile", "quantile": 0.5,
                   "direction": "decrease", "mde": 0.05, "where": {"column": "error_code", "isNull": true}},
                 "guardrails": [{"name": "ttft_p95_s", "column": "ttft_s", "kind": "quantile", "quantile": 0.95,
                   "direction": "decrease", "maxRatio": 2.0, "where": {"column": "error_code", "isNull": true}},
                  {"name": "error_rate", "kind": "unit", "aggregate": "count", "direction": "decrease", "maxValue": 0.05,
                   "unit": "percent", "where": {"column": "error_code", "isNull": false}}]}""", "llmperf.json");
        try (Workspace workspace = Workspace.open(file)) {
            return ExperimentAnalyzer.analyze(workspace, definition, null, "llmperf.json");
        }
    }
}
