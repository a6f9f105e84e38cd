package dev.arbiter.app.report;

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
import java.util.List;
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
            ReportInput input = ReportSources.gather(workspace, edit.apply(definition),
                    sample, DECISION, null, PaperSize.A4);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            DecisionReport.write(input, out);
            try (PDDocument document = Loader.loadPDF(out.toByteArray())) {
                return new PDFTextStripper().getText(document).replace('\n', ' ');
            }
        }
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
                d.fallbackColumn(), d.costMetric(), d.priceTable(), d.multipleTesting()), true);
        assertTrue(text.contains("Plan locked "), text);
        int at = text.indexOf("Deviations from the locked plan");
        assertTrue(at > 0);
        assertTrue(text.substring(at).contains("alpha"), text.substring(at));
        assertEquals(-1, text.indexOf("No deviations"));
    }
}
