package dev.arbiter.app.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbiter.analytics.plan.SampleSizePlanner;
import dev.arbiter.app.common.settings.InMemorySettings;
import dev.arbiter.app.common.task.DefaultTaskExecutor;
import dev.arbiter.app.desktop.AnalysisModels;
import dev.arbiter.app.monitor.ArmRow;
import dev.arbiter.app.projection.GuardrailCard;
import dev.arbiter.app.projection.SegmentRow;
import dev.arbiter.app.shell.ShellViewModel;
import dev.arbiter.app.shell.StatusBarViewModel;
import dev.arbiter.app.shell.WorkspaceStore;
import dev.arbiter.importers.experiment.ExperimentFile;
import dev.arbiter.importers.experiment.ExperimentStore;
import dev.arbiter.importers.ingest.DatasetImporter;
import dev.arbiter.importers.ingest.ImportMonitor;
import dev.arbiter.importers.ingest.ImportOptions;
import dev.arbiter.importers.workspace.Access;
import dev.arbiter.importers.workspace.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The analysis sections' view models without a robot: a sample opened as the app opens it (same-thread
 * executor), analysed, and read by Monitor, Results, Segments and Guardrails.
 */
class AnalysisScreensTest {
    @TempDir
    Path dir;

    private final StatusBarViewModel status = new StatusBarViewModel();
    private final DefaultTaskExecutor executor = DefaultTaskExecutor.currentThread(status);
    private final ShellViewModel shell = new ShellViewModel(executor, WorkspaceStore.files("test"), new InMemorySettings());
    private final AnalysisModels models = AnalysisModels.of(shell, executor);

    @BeforeEach
    void samplesHere() {
        System.setProperty("arbiter.samples", dir.toString());
    }

    @AfterEach
    void close() {
        System.clearProperty("arbiter.samples");
        shell.shutdown();
    }

    @Test
    void supportBotReadsInEverySection() {
        shell.openSample("support-bot");
        assertNull(models.analysis().problemProperty().get());
        assertNotNull(models.analysis().resultProperty().get());
        assertEquals(List.of("Support bot: Sonnet vs Haiku"), models.analysis().experimentNames());

        List<ArmRow> arms = models.monitor().arms();
        assertEquals(List.of("sonnet", "haiku"), arms.stream().map(ArmRow::arm).toList());
        assertEquals(1.0, arms.get(0).progress(), "the planned 4,724 units per arm are reached");
        assertTrue(models.monitor().srmProperty().get().contains("the split is as planned"));
        assertFalse(models.monitor().srmFlaggedProperty().get());
        assertEquals(14, models.monitor().dailyUnitsProperty().get().get("sonnet").size());

        var results = models.results();
        assertEquals("resolution_rate", results.rows().get(0).metric());
        assertEquals("sonnet (control)", results.rows().get(0).arm());
        assertEquals("non-inferior", results.rows().get(1).status());
        assertEquals("no", results.rows().get(1).significant());
        // the CSV export: numbers as numbers, intervals as two columns, every key on every row (issue 21 #9)
        String[] csv = results.csv().split("\r\n");
        assertEquals("metric,role,arm,control,units,value,value_lower,value_upper,absolute_effect,absolute_lower,"
                + "absolute_upper,relative_effect,relative_lower,relative_upper,p_value,p_value_adjusted,significant,status,method", csv[0]);
        assertEquals(results.rows().size() + 1, csv.length);
        String[] haiku = csv[2].split(",");
        assertEquals(List.of("resolution_rate", "primary", "haiku", "false"), List.of(haiku).subList(0, 4));
        var primary = models.analysis().resultProperty().get().primary();
        assertEquals(primary.arm("haiku").ci().lower(), Double.parseDouble(haiku[6]));
        assertEquals(primary.comparisons().get(0).comparison().absolute().ci().upper(), Double.parseDouble(haiku[10]));
        assertEquals(primary.comparisons().get(0).comparison().absolute().pValue(), Double.parseDouble(haiku[14]));
        assertEquals(7, results.forest().size(), "six metrics and the fallback rate");
        assertTrue(results.recommendationProperty().get().startsWith("Recommendation: Segmented rollout"),
                results.recommendationProperty().get());
        assertEquals(List.of("arm", "model served", "units", "events"), results.servedModelColumns().subList(0, 4));
        assertEquals("p95_latency_ms (per arm)", results.distributionMetricProperty().get());
        assertEquals(List.of("sonnet", "haiku"), List.copyOf(results.distributionProperty().get().keySet()));
        List<double[]> sonnet = results.distributionProperty().get().get("sonnet");
        assertEquals(99, sonnet.size());
        var p95 = models.analysis().resultProperty().get().metric("p95_latency_ms").arm("sonnet").value();
        // the picture's percentiles may be approximate (t-digest): within 1% of the exact p95
        assertEquals(p95, sonnet.get(94)[1], 0.01 * p95, "the 95th percentile is near the arm's p95");
        assertEquals(14, models.monitor().effectProperty().get().get("haiku − sonnet").size());
        assertTrue(models.monitor().effectTitleProperty().get().contains("fixed-horizon"));

        models.segments().columnProperty().set("complexity");
        List<SegmentRow> segments = models.segments().rows();
        assertEquals(List.of("overall", "complex", "easy"), segments.stream().map(SegmentRow::value).toList());
        assertTrue(segments.get(2).flags().startsWith("opposite sign to overall, significant after BH"), segments.get(2).flags());
        models.segments().columnProperty().set("country");
        assertEquals(6, models.segments().rows().size());

        List<GuardrailCard> cards = models.guardrails().cards();
        assertEquals(List.of("p95_latency_ms", "refusal_rate", "cost_per_session_usd"),
                cards.stream().map(GuardrailCard::metric).toList());
        assertTrue(cards.stream().allMatch(card -> card.status().equals("ok")));
        assertEquals(14, cards.get(0).history().size());
        assertFalse(cards.get(0).cumulative(), "quantiles are read day by day");
        assertTrue(cards.get(1).cumulative());
    }

    @Test
    void planTakesItsInputsFromTheDataAndSavesIntoTheExperiment() {
        shell.openSample("support-bot");
        var plan = models.plan();
        var result = models.analysis().resultProperty().get();
        double baseline = result.primary().arm("sonnet").value();
        assertEquals(baseline, plan.baselineProperty().get(), 1e-12);
        assertTrue(plan.proportionProperty().get());
        assertEquals(0.02, plan.mdeProperty().get());
        long expected = SampleSizePlanner.withDefaults().proportions(baseline, 0.02, false).perArm();
        assertEquals(expected, plan.planProperty().get().perArm());
        assertTrue(plan.summaryProperty().get().startsWith(String.format(Locale.US, "%,d units per arm", expected)));
        assertEquals(40, plan.powerCurveProperty().get().size());
        plan.mdeProperty().set(0.03);
        long smaller = plan.planProperty().get().perArm();
        assertTrue(smaller < expected);
        // issue 21 #7: the plan Monitor measures against is shown on Plan, and follows a save
        assertTrue(plan.savedProperty().get().startsWith("Saved plan: 4,724 units per arm"), plan.savedProperty().get());
        plan.save();
        assertEquals(smaller, models.analysis().selectedProperty().get().plannedUnitsPerArm());
        assertTrue(plan.savedProperty().get().startsWith(String.format(Locale.US, "Saved plan: %,d units per arm", smaller)),
                plan.savedProperty().get());
        assertEquals(0.03, models.analysis().selectedProperty().get().primary().mde());
        assertTrue(models.analysis().resultProperty().get().progress().reached());
        plan.baselineProperty().set(1.5);
        assertNull(plan.planProperty().get());
        assertNotNull(plan.problemProperty().get());
    }

    @Test
    void guardrailCardSaysWhenTheLatencyRuleFirstFired() {
        shell.openSample("json-extraction");
        GuardrailCard latency = models.guardrails().cards().stream().filter(c -> c.metric().equals("p95_latency_ms"))
                .findFirst().orElseThrow();
        assertEquals("breached", latency.status());
        assertEquals(LocalDate.of(2026, 3, 9), latency.firstFired());
        assertEquals(1.3, latency.threshold());
        assertTrue(models.results().recommendationProperty().get().startsWith("Recommendation: Do not ship"));
    }

    @Test
    void brokenSplitTurnsTheMonitorBannerRed() {
        shell.openSample("broken-split");
        assertTrue(models.monitor().srmFlaggedProperty().get());
        assertTrue(models.monitor().srmProperty().get().contains("MISMATCH"), models.monitor().srmProperty().get());
    }

    @Test
    void closingTheWorkspaceClearsEverySection() {
        shell.openSample("a-a");
        assertFalse(models.results().rows().isEmpty());
        shell.closeWorkspace();
        assertNull(models.analysis().resultProperty().get());
        assertTrue(models.results().rows().isEmpty());
        assertTrue(models.monitor().arms().isEmpty());
        assertTrue(models.guardrails().cards().isEmpty());
        assertTrue(models.segments().rows().isEmpty());
    }

    /**
     * Issue 21 #5: without a timestamp column Monitor says so instead of drawing empty charts, and a
     * guardrail has no day-by-day history rather than "never breached".
     */
    @Test
    void withoutTimestampsMonitorAndGuardrailsSayWhatIsMissing() throws Exception {
        Path file = dir.resolve("no-time.arbiter");
        StringBuilder csv = new StringBuilder("variant,user_id,converted,latency_ms\n");
        for (int i = 0; i < 400; i++) {
            csv.append(i % 2 == 0 ? "a" : "b").append(",u").append(i).append(',').append(i % 3 == 0 ? 1 : 0).append(',')
                    .append(100 + i % 37).append('\n');
        }
        Path events = Files.writeString(dir.resolve("events.csv"), csv);
        Workspace.create(file, "test").close();
        try (Workspace workspace = Workspace.open(file, Access.IMPORT)) {
            new DatasetImporter(workspace).importSource(events.toString(), ImportOptions.defaults(), ImportMonitor.NONE);
            new ExperimentStore(workspace).save(ExperimentFile.parse("""
                    {"name": "No time", "dataset": "events", "variantColumn": "variant", "control": "a", "treatments": ["b"],
                     "unitColumn": "user_id",
                     "primary": {"name": "conversion", "column": "converted", "kind": "unit", "aggregate": "max", "mde": 0.05},
                     "guardrails": [{"name": "p95_latency_ms", "column": "latency_ms", "kind": "quantile", "quantile": 0.95,
                                     "direction": "decrease", "maxRatio": 1.3}]}""", "test"));
        }
        shell.openWorkspace(file);
        assertNotNull(models.analysis().resultProperty().get(), String.valueOf(models.analysis().problemProperty().get()));
        assertTrue(models.monitor().dailyUnitsProperty().get().values().stream().allMatch(Map::isEmpty));
        assertTrue(models.monitor().noDaysReasonProperty().get().startsWith("No timestamp column"),
                models.monitor().noDaysReasonProperty().get());
        GuardrailCard latency = models.guardrails().cards().get(0);
        assertTrue(latency.history().isEmpty());
        assertNull(latency.firstFired());
    }
}
