package dev.arbiter.app.report;

import java.nio.file.Files;
import dev.arbiter.importers.workspace.Access;
import dev.arbiter.importers.ingest.ImportOptions;
import dev.arbiter.importers.ingest.DatasetImporter;
import dev.arbiter.importers.experiment.ExperimentFile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbiter.importers.experiment.ExperimentDefinition;
import dev.arbiter.importers.experiment.ExperimentStore;
import dev.arbiter.importers.experiment.PreRegistration;
import dev.arbiter.importers.ingest.ImportMonitor;
import dev.arbiter.importers.signoff.DecisionRecord;
import dev.arbiter.importers.signoff.Signoff;
import dev.arbiter.importers.workspace.Workspace;
import dev.arbiter.samples.SampleWorkspaces;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import dev.arbiter.app.projection.ExposureLift;
import dev.arbiter.app.projection.ReplaySeries;
import java.util.function.UnaryOperator;

/** What the decision PDF says in the situations that matter: a broken split, a breached guardrail, a changed plan. */
class DecisionReportTest {
    private static final DecisionRecord DECISION = new DecisionRecord(null, "keep_running", "Waiting for the fix.",
            List.of(new Signoff("Ana Lyst", "Analyst", true, "2026-03-20", "")));

    @TempDir
    Path dir;

    private String report(String sample, UnaryOperator<ExperimentDefinition> edit, boolean lock) throws Exception {
        Path file = dir.resolve(sample + ".arbiter");
        SampleWorkspaces.create(sample, file, "test", ImportMonitor.NONE);
        try (Workspace workspace = Workspace.open(file)) {
            ExperimentDefinition definition = new ExperimentStore(workspace).all().get(0);
            if (lock) {
                new PreRegistration(workspace).lock(definition);
            }
            return pdfText(ReportSources.gather(workspace, edit.apply(definition), sample, DECISION, null, PaperSize.A4))
                    .replace('\n', ' ');
        }
    }

    /** The text of the decision PDF of {@code input}, lines as they are. */
    private static String pdfText(ReportInput input) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DecisionReport.write(input, out);
        try (PDDocument document = Loader.loadPDF(out.toByteArray())) {
            return new PDFTextStripper().getText(document);
        }
    }

    /** A new workspace {@code file} with {@code csv} as dataset "events". */
    private void imported(Path file, CharSequence csv) throws Exception {
        Path events = Files.writeString(dir.resolve(file.getFileName() + ".csv"), csv);
        Workspace.create(file, "test").close();
        try (Workspace workspace = Workspace.open(file, Access.IMPORT)) {
            new DatasetImporter(workspace).importSource(events.toString(), ImportOptions.defaults().withDataset("events"),
                    ImportMonitor.NONE);
        }
    }

    /** Issue 21 #8: a novelty effect — treatment users click more on their first day only — is shown by day in the PDF. */
    @Test
    void theEffectByDaysSinceExposureShowsANoveltyEffectFading() throws Exception {
        Path file = dir.resolve("novelty.arbiter");
        StringBuilder csv = new StringBuilder("variant,user_id,ts,clicked\n");
        Random random = new Random(11);
        for (int u = 0; u < 4000; u++) {
            String arm = u % 2 == 0 ? "a" : "b";
            LocalDate first = LocalDate.of(2026, 3, 1).plusDays(u % 3);
            for (int day = 0; day < 5; day++) {
                double rate = arm.equals("b") && day == 0 ? 0.6 : 0.4;   // +50% on day 0, nothing after
                csv.append(arm).append(",u").append(u).append(',').append(first.plusDays(day)).append(" 10:00:00,")
                        .append(random.nextDouble() < rate ? 1 : 0).append('\n');
            }
        }
        imported(file, csv);
        ExperimentDefinition definition = ExperimentFile.parse("""
                {"name": "Novelty", "dataset": "events", "variantColumn": "variant", "control": "a", "treatments": ["b"],
                 "unitColumn": "user_id", "timestampColumn": "ts",
                 "primary": {"name": "click_rate", "column": "clicked", "kind": "ratio", "mde": 0.02}}""", "test");
        String text;
        try (Workspace workspace = Workspace.open(file)) {
            ReportInput input = ReportSources.gather(workspace, definition, "novelty", DECISION, null, PaperSize.A4);
            List<ExposureLift.Row> rows = ExposureLift.rows(input.result());
            // the data ends on the last cohort's day 4: days 0–4 have units, days 5–7 (asked for) none
            assertEquals(List.of(0, 1, 2, 3, 4), rows.stream().map(ExposureLift.Row::day).toList());
            assertTrue(rows.get(0).relative().startsWith("+5") || rows.get(0).relative().startsWith("+4"), rows.get(0).toString());
            assertTrue(rows.get(4).difference().matches("[-+]?\\d\\.\\d+ pp \\[-\\d.*, \\+\\d.*\\]"),
                    "day 4: no effect left, the interval spans 0: " + rows.get(4));
            text = pdfText(input).replace('\n', ' ');
        }
        assertTrue(text.contains("By days since each unit's first exposure"), text);
        assertTrue(text.contains("0 b 2,000 / 2,000"), text);
    }

    /** A paired experiment (v3 control, v4, paired on column 'item', the mean score) on {@code csv}, gathered for its PDF. */
    private ReportInput pairedReport(String name, CharSequence csv, String moreKeys) throws Exception {
        Path file = dir.resolve(name + ".arbiter");
        imported(file, csv);
        ExperimentDefinition definition = ExperimentFile.parse("""
                {"name": "Prompt v4", "dataset": "events", "variantColumn": "prompt_variant", "control": "v3",
                 "treatments": ["v4"], "design": "paired", "itemColumn": "item", %s
                 "primary": {"name": "score", "column": "score", "kind": "unit", "aggregate": "mean", "mde": 0.01}}"""
                .formatted(moreKeys), name + ".json");
        try (Workspace workspace = Workspace.open(file)) {
            return ReportSources.gather(workspace, definition, name, DECISION, null, PaperSize.A4);
        }
    }

    /** Issue 18: a paired eval-set comparison says so, with its number of items, and has no crossovers to report. */
    @Test
    void aPairedDesignSaysSoAndOnHowManyItems() throws Exception {
        StringBuilder csv = new StringBuilder("item,prompt_variant,score\n");
        for (int i = 0; i < 300; i++) {
            double difficulty = (i * 37 % 100) / 100.0;
            csv.append("q").append(i).append(",v3,").append(difficulty).append('\n');
            if (i < 298) {
                csv.append("q").append(i).append(",v4,").append(difficulty + (i % 3 == 0 ? 0.05 : 0.01)).append('\n');
            }
        }
        String text = pdfText(pairedReport("paired", csv, "")).replace('\n', ' ');
        assertTrue(text.contains("Paired on items (column 'item'): each treatment against control on the items both answered "
                + "(298 with v4)"), text);
        assertTrue(text.contains("paired t-test"), text);
        assertFalse(text.contains("Crossovers"), text);
        assertTrue(text.contains("v4 vs v3: paired on 298 items; 2 answered by v3 only and 0 by v4 only"), text);
    }

    /** Issue 18, drift: a replayed prompt's score per replay, in the PDF and as the Results chart's series. */
    @Test
    void replaysAreListedWithTheirIntervals() throws Exception {
        StringBuilder csv = new StringBuilder("item,prompt_variant,run,score\n");
        for (int i = 0; i < 200; i++) {
            double difficulty = (i * 37 % 100) / 10.0;
            csv.append("q").append(i).append(",v3,r1,").append(difficulty + (i % 5) / 10.0).append('\n');
            csv.append("q").append(i).append(",v3,r2,").append(difficulty - 0.3 + (i % 7) / 10.0).append('\n');
            csv.append("q").append(i).append(",v4,r1,").append(difficulty + 0.2 + (i % 3) / 10.0).append('\n');
        }
        ReportInput input = pairedReport("replays", csv, "\"replayColumn\": \"run\",");
        ReplaySeries series = ReplaySeries.of(input.result());
        assertEquals(List.of("r1", "r2"), series.replays());
        assertEquals(2, series.byArm().get("v3").size(), "v3 in both replays");
        assertEquals(1, series.byArm().get("v4").size(), "v4 in the first only");
        String text = pdfText(input).replace('\n', ' ');
        assertTrue(text.contains("score by replay (column 'run')"), text);
        assertTrue(text.contains("r2 v3 200"), text);
    }

    @Test
    void aBrokenSplitIsShoutedOut() throws Exception {
        String text = report("broken-split", d -> d, false);
        assertTrue(text.contains("SAMPLE RATIO MISMATCH"), text);
        assertTrue(text.contains("Decision: Keep running (keep_running)"));
        // the appendix names the engine's own version, not a placeholder, and the libraries in one paragraph
        assertTrue(text.matches("(?s).*DuckDB engine\\s+v\\d+\\.\\d+.*"), text);
        assertFalse(text.contains("reading…"), "engine version placeholder in the PDF");
        assertTrue(text.contains("Libraries: OpenJFX"), text);
    }

    @Test
    void aBreachedGuardrailShowsItsStatusAndTheDayItFirstFired() throws Exception {
        String text = report("json-extraction", d -> d, false);
        assertTrue(text.contains("breached"), text);
        assertTrue(text.contains("2026-03-09"), "first breached day");
    }

    @Test
    void editsAfterTheLockArePrintedAsDeviations() throws Exception {
        String text = report("support-bot", d -> new ExperimentDefinition(d.name(), d.question(), d.dataset(), d.variantColumn(),
                d.control(), d.treatments(), d.split(), d.unitColumn(), d.timestampColumn(), 0.01, d.power(), d.sequential(),
                d.primary(), d.guardrails(), d.secondary(), d.segments(), d.crossSegments(), d.modelColumn(),
                d.fallbackColumn(), d.costMetric(), d.priceTable(), d.multipleTesting(), d.design(), d.itemColumn(),
                d.replayColumn(), d.where(), d.assignments()), true);
        assertTrue(text.contains("Plan locked "), text);
        int at = text.indexOf("Deviations from the locked plan");
        assertTrue(at > 0);
        assertTrue(text.substring(at).contains("alpha"), text.substring(at));
        assertEquals(-1, text.indexOf("No deviations"));
    }

    /** Issue 21 #4: the decision section names the segments with significant effects, reversals marked (support-bot). */
    @Test
    void theDecisionSectionNamesASignificantSegmentReversal() throws Exception {
        String text = report("support-bot", d -> d, false);
        String decision = text.substring(text.indexOf("Decision and sign-off"));
        assertTrue(decision.contains("complexity = complex: -8.84 pp [-11.65, -6.02], p (BH) < 0.0001;"), decision);
        assertTrue(decision.contains("complexity = easy: +1.94 pp [+0.73, +3.16], p (BH) 0.0018, opposite in sign"),
                decision);
        assertTrue(report("a-a", d -> d, false).contains("no segment's effect is significant after Benjamini–Hochberg"));
    }

    /** Issue 21 #10: with several treatments the PDF opens with one summary row per treatment. */
    @Test
    void severalTreatmentsGetASummaryTableFirst() throws Exception {
        Path file = dir.resolve("three.arbiter");
        StringBuilder csv = new StringBuilder("variant,user_id,converted,latency_ms\n");
        for (int i = 0; i < 3000; i++) {
            String arm = List.of("a", "b", "c").get(i % 3);
            int converted = (i * 7919 % 100) < (arm.equals("c") ? 40 : 30) ? 1 : 0;
            csv.append(arm).append(",u").append(i).append(',').append(converted).append(',').append(100 + i % 41).append('\n');
        }
        imported(file, csv);
        ExperimentDefinition definition = ExperimentFile.parse("""
                {"name": "Three prompts", "dataset": "events", "variantColumn": "variant", "control": "a",
                 "treatments": ["b", "c"], "unitColumn": "user_id",
                 "primary": {"name": "conversion", "column": "converted", "kind": "unit", "aggregate": "max", "mde": 0.05},
                 "guardrails": [{"name": "p95_latency_ms", "column": "latency_ms", "kind": "quantile", "quantile": 0.95,
                                 "direction": "decrease", "maxRatio": 1.3}]}""", "test");
        String text;
        try (Workspace workspace = Workspace.open(file)) {
            text = pdfText(ReportSources.gather(workspace, definition, "three", DECISION, null, PaperSize.A4));
        }
        assertTrue(text.contains("treatment recommendation conversion difference [CI] p (adjusted) guardrails"), text);
        int start = text.indexOf("p (adjusted) guardrails");
        String table = text.substring(start, text.indexOf("b: No difference", start));
        assertTrue(table.contains("No difference — take the") && table.contains("0.00 pp [-4.02, +4.02]"), table);
        assertTrue(table.contains("Ship +10.00 pp [+5.84, +14.16] < 0.0001 ok"), table);
        assertTrue(text.indexOf("conversion difference [CI]") < text.indexOf("Setup"), "the summary comes first");
    }
}
