package dev.arbiter.importers.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arbiter.analytics.Alternative;
import dev.arbiter.analytics.ArmEstimate;
import dev.arbiter.analytics.Comparison;
import dev.arbiter.analytics.CovariateMoments;
import dev.arbiter.analytics.PairedComparison;
import dev.arbiter.analytics.SampleMoments;
import dev.arbiter.analytics.WelchTest;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.arbiter.importers.experiment.ExperimentDefinition;
import dev.arbiter.importers.experiment.ExperimentFile;
import dev.arbiter.importers.ingest.DatasetImporter;
import dev.arbiter.importers.ingest.ImportMonitor;
import dev.arbiter.importers.ingest.ImportOptions;
import dev.arbiter.importers.result.AnalysisJson;
import dev.arbiter.importers.result.ArmSummary;
import dev.arbiter.importers.result.ExperimentResult;
import dev.arbiter.importers.workspace.Access;
import dev.arbiter.importers.workspace.Workspace;
import java.util.List;

/**
 * Issue 18 on AlpacaEval 2.0's judge annotations as shipped (../shared/datasets/alpaca_eval_annotations,
 * skipped with the path named where absent): each model's win rate and SE reproduce the published
 * leaderboard, and the paired prompt-variant comparisons match scipy.
 */
class AlpacaEvalPairedTest {
    @TempDir
    Path dir;

    private static final String DIR = "alpaca_eval_annotations/";
    private static final String DEFAULT = "gpt-3.5-turbo-1106";

    /** Per instruction, preference − 1 (1 = the model's answer preferred over the reference's). */
    private static Map<String, Double> scores(String model) throws Exception {
        Path file = AnalysisFixtures.shared(DIR + model + "/annotations.json");
        Map<String, Double> scores = new LinkedHashMap<>();
        for (JsonNode row : new ObjectMapper().readTree(file.toFile())) {
            scores.put(row.get("instruction").asText(), row.get("preference").asDouble() - 1);
        }
        return scores;
    }

    @Test
    void winRatesAndTheirStandardErrorsAreThePublishedOnes() throws Exception {
        // weighted_alpaca_eval_gpt4_turbo_leaderboard.csv: win_rate and standard_error in %, published to 3 decimals
        Map<String, double[]> published = Map.of(DEFAULT, new double[] {9.178, 0.890},
                DEFAULT + "_verbose", new double[] {12.763, 1.044}, DEFAULT + "_concise", new double[] {7.416, 0.837});
        for (var entry : published.entrySet()) {
            double[] values = scores(entry.getKey()).values().stream().mapToDouble(Double::doubleValue).toArray();
            ArmEstimate arm = ArmEstimate.mean(SampleMoments.of(values));
            assertEquals(805, arm.n());
            assertEquals(entry.getValue()[0], 100 * arm.value(), 0.0005, entry.getKey());
            assertEquals(entry.getValue()[1], 100 * Math.sqrt(arm.variance() / arm.n()), 0.0005, entry.getKey());
        }
    }

    @Test
    void pairedPromptVariantsMatchScipyAndAnUnpairedTestMissesTheLoss() throws Exception {
        // scipy 1.17: r = stats.ttest_rel(y, x); r.confidence_interval(0.95); r.pvalue — on the 805 shared instructions
        Comparison concise = paired(DEFAULT + "_concise");
        assertEquals(-1.762099584335, 100 * concise.absolute().estimate(), 1e-9);
        assertEquals(-3.065897568058, 100 * concise.absolute().ci().lower(), 1e-9);
        assertEquals(-0.458301600613, 100 * concise.absolute().ci().upper(), 1e-9);
        assertEquals(0.0081375378583, concise.absolute().pValue(), 1e-12);
        assertTrue(concise.significant(), "concise loses to the default prompt");
        Comparison verbose = paired(DEFAULT + "_verbose");
        assertEquals(3.585205248298, 100 * verbose.absolute().estimate(), 1e-9);
        assertEquals(1.953030517820, 100 * verbose.absolute().ci().lower(), 1e-9);
        assertEquals(5.217379978776, 100 * verbose.absolute().ci().upper(), 1e-9);
        assertEquals(1.82112099821e-05, verbose.absolute().pValue(), 1e-15);

        // the example: unpaired (scipy ttest_ind, equal_var=False → p 0.1496) the same loss is "no difference"
        Comparison unpaired = WelchTest.withDefaults().compare(arm(DEFAULT), arm(DEFAULT + "_concise"), "unpaired");
        assertEquals(0.1496, unpaired.absolute().pValue(), 0.00005);
        assertFalse(unpaired.significant());
    }

    @Test
    void aPairedExperimentOnTheImportedAnnotationsGivesTheSameNumbersAndNamesItsPairs() throws Exception {
        Path file = dir.resolve("alpaca.arbiter");
        Workspace.create(file, "test").close();
        try (Workspace importing = Workspace.open(file, Access.IMPORT)) {
            ImportOptions options = ImportOptions.defaults().withDataset("alpaca").withTextPolicy(ImportOptions.TextPolicy.HASH);
            for (String model : List.of(DEFAULT, DEFAULT + "_concise", DEFAULT + "_verbose")) {
                new DatasetImporter(importing).importSource(AnalysisFixtures.shared(DIR + model + "/annotations.json").toString(),
                        options, ImportMonitor.NONE);
                options = options.withMode(ImportOptions.Mode.APPEND);
            }
        }
        ExperimentDefinition definition = ExperimentFile.parse("""
                {"name": "Concise and verbose system prompts", "dataset": "alpaca", "variantColumn": "generator_2",
                 "control": "gpt-3.5-turbo-1106", "treatments": ["gpt-3.5-turbo-1106_concise", "gpt-3.5-turbo-1106_verbose"],
                 "design": "paired", "itemColumn": "instruction",
                 "primary": {"name": "preference", "column": "preference", "kind": "unit", "aggregate": "mean", "mde": 0.02},
                 "segments": ["dataset"]}""", "alpaca.json");
        ExperimentResult result;
        try (Workspace workspace = Workspace.open(file)) {
            result = ExperimentAnalyzer.analyze(workspace, definition, null, "alpaca.json");
        }
        Comparison concise = result.primary().comparison(DEFAULT + "_concise").comparison();
        assertEquals(-1.762099584335, 100 * concise.absolute().estimate(), 1e-9, "scipy, as above");
        assertEquals(-3.065897568058, 100 * concise.absolute().ci().lower(), 1e-9);
        assertEquals(0.0081375378583, concise.absolute().pValue(), 1e-12);
        assertEquals(3.585205248298, 100 * result.primary().comparison(DEFAULT + "_verbose").comparison().absolute().estimate(),
                1e-9);
        assertEquals(9.178, 100 * (result.primary().arm(DEFAULT).value() - 1), 0.0005, "the leaderboard's win rate");
        assertEquals(List.of(805L, 805L, 805L), result.arms().stream().map(ArmSummary::units).toList(), "items per arm");
        assertTrue(result.warnings().stream().noneMatch(w -> w.contains("left out")), result.warnings().toString());
        JsonNode json = new ObjectMapper().readTree(AnalysisJson.write(result));
        assertEquals(805, json.at("/metrics/0/comparisons/0/pairs/items").asInt());
        assertEquals("paired t-test", json.at("/metrics/0/comparisons/0/method").asText());
        // the eval set's sources as segments, BH within the column: five values, each paired on its own items
        assertEquals(5, result.segments().size());
        assertEquals(805, result.segments().stream().mapToLong(s -> s.units().get(0)).sum());
    }

    private static Comparison paired(String treatment) throws Exception {
        Map<String, Double> control = scores(DEFAULT);
        Map<String, Double> other = scores(treatment);
        double[] x = control.keySet().stream().filter(other::containsKey).mapToDouble(control::get).toArray();
        double[] y = control.keySet().stream().filter(other::containsKey).mapToDouble(other::get).toArray();
        assertEquals(805, x.length, "every instruction answered by both");
        return PairedComparison.compare(CovariateMoments.of(y, x), false, 0.05, Alternative.TWO_SIDED);
    }

    private static ArmEstimate arm(String model) throws Exception {
        return ArmEstimate.mean(SampleMoments.of(scores(model).values().stream().mapToDouble(Double::doubleValue).toArray()));
    }
}
