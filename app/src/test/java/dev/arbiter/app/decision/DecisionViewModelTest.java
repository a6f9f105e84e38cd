package dev.arbiter.app.decision;

import java.util.ArrayList;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbiter.app.common.settings.InMemorySettings;
import dev.arbiter.app.common.task.DefaultTaskExecutor;
import dev.arbiter.app.desktop.AnalysisModels;
import dev.arbiter.app.report.PaperSize;
import dev.arbiter.app.report.SignatureCheck;
import dev.arbiter.app.report.SigningKey;
import dev.arbiter.app.shell.ShellViewModel;
import dev.arbiter.app.shell.StatusBarViewModel;
import dev.arbiter.app.shell.WorkspaceStore;
import dev.arbiter.importers.experiment.ExperimentStore;
import dev.arbiter.importers.experiment.PreRegistration;
import dev.arbiter.importers.signoff.DecisionFile;
import dev.arbiter.importers.signoff.DecisionRecord;
import dev.arbiter.importers.signoff.DecisionStore;
import dev.arbiter.importers.workspace.WorkspaceException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The analyst's decision: starts from the recommendation, checks as it is edited, saves drafts, exports the file. */
class DecisionViewModelTest {
    @TempDir
    Path dir;

    private final DefaultTaskExecutor executor = DefaultTaskExecutor.currentThread(new StatusBarViewModel());
    private final ShellViewModel shell = new ShellViewModel(executor, WorkspaceStore.files("test"), new InMemorySettings());
    private final AnalysisModels models = AnalysisModels.of(shell, executor);

    @BeforeEach
    void openSample() {
        System.setProperty("arbiter.samples", dir.toString());
        shell.openSample("support-bot");
    }

    @AfterEach
    void close() {
        System.clearProperty("arbiter.samples");
        shell.shutdown();
    }

    @Test
    void aDraftStartsFromTheRecommendationIsCheckedSavedAndExported() throws Exception {
        DecisionViewModel decision = models.decision();
        // the article's own decision (issue 16 #11): flat overall, complex tickets clearly worse, easy ones better
        assertEquals("segment", decision.decisionProperty().get());
        assertEquals(List.of(), decision.problems());
        assertTrue(decision.headlineProperty().get().startsWith("Recommendation — haiku: Segmented rollout"));
        decision.rationaleProperty().set("Haiku for easy tickets first: complex tickets lose 9 points.");
        decision.decisionProperty().set("segment");
        decision.addSignoff();
        decision.signoffs().get(0).nameProperty().set("Dana Analyst");
        decision.signoffs().get(0).roleProperty().set("Analyst");
        decision.signoffs().get(0).dateProperty().set("20 March");
        assertEquals(List.of("signoffs[0].date: must be a date like 2026-03-20, got '20 March'"), decision.problems());
        assertThrows(IOException.class, () -> decision.export(dir.resolve("no.json")));
        decision.signoffs().get(0).dateProperty().set("2026-03-20");
        assertEquals(List.of(), decision.problems());
        decision.saveDraft();

        DecisionRecord saved = new DecisionStore(shell.currentWorkspace()).get("Support bot: Sonnet vs Haiku").orElseThrow();
        assertEquals("segment", saved.decision());
        assertEquals("Dana Analyst", saved.signoffs().get(0).name());

        Path file = dir.resolve("decision.json");
        decision.export(file);
        DecisionRecord exported = DecisionFile.read(file);
        assertEquals(decision.record(), exported);
        assertTrue(Files.readString(file).contains("\"signoffs\""));

        assertTrue(decision.lockStateProperty().get().startsWith("Not pre-registered"));
        decision.lockPlan();
        assertTrue(decision.lockedProperty().get());
        assertTrue(decision.lockStateProperty().get().endsWith("; no deviations."), decision.lockStateProperty().get());

        Path pdf = dir.resolve("decision.pdf");
        Path key = dir.resolve("me.p12");
        SigningKey.generate("Dana Analyst", null, 30, "pw".toCharArray(), "arbiter", key);
        decision.exportPdf(new PdfExport(pdf, PaperSize.LETTER, key, "pw".toCharArray()));
        var signature = SignatureCheck.verify(Files.readAllBytes(pdf));
        assertTrue(signature.valid(), signature.problems().toString());
        assertEquals("Dana Analyst", signature.signer());
        try (var document = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("Decision: Segmented rollout (segment)"), text);
            assertTrue(text.contains("Haiku for easy tickets first"), "rationale");
            assertTrue(text.contains("No deviations: the definition analysed is the one locked."), "the lock is reported");
            assertEquals(612, document.getPage(0).getMediaBox().getWidth(), 0.01);
        }
        assertEquals(PaperSize.LETTER, DecisionViewModel.localPaper(Locale.US));
        assertEquals(PaperSize.A4, DecisionViewModel.localPaper(Locale.GERMANY));

        AnalysisModels again = AnalysisModels.of(shell, executor);
        again.analysis().reload();
        assertEquals("segment", again.decision().decisionProperty().get(), "the draft comes back from the workspace");
        assertEquals(1, again.decision().signoffs().size());
    }

    @Test
    void editsAfterTheLockAreListedAsDeviations() throws Exception {
        DecisionViewModel decision = models.decision();
        decision.lockPlan();
        var definition = models.analysis().selectedProperty().get();
        var edited = definition.withPlan(3000, 0.03, false, 0.1, 0.8);
        new ExperimentStore(shell.currentWorkspace()).save(edited);
        models.analysis().showSaved(edited);
        assertEquals(List.of("alpha: 0.05 → 0.1", "primary.mde: 0.02 → 0.03", "sequential.plannedUnitsPerArm: 4724 → 3000"),
                decision.deviations());
        assertTrue(decision.lockStateProperty().get().contains("3 deviations"));
        var error = assertThrows(WorkspaceException.class,
                () -> new PreRegistration(shell.currentWorkspace()).lock(edited));
        assertTrue(error.getMessage().contains("a lock is final"), error.getMessage());
    }

    /** Issue 21 #9: a signing key made from the PDF dialog, as arbiter keygen makes one, signs a PDF that verifies. */
    @Test
    void aKeyMadeInTheAppSignsAPdfThatVerifies() throws Exception {
        DecisionViewModel decision = models.decision();
        Path keyFile = dir.resolve("dana.p12");
        List<Path> created = new ArrayList<>();
        decision.createKey("Dana Analyst", "s3cret".toCharArray(), keyFile, created::add);
        assertEquals(List.of(keyFile), created);
        SigningKey key = SigningKey.load(keyFile, "s3cret".toCharArray(), null);
        assertEquals("Dana Analyst", SigningKey.commonName(key.certificate()));
        decision.rationaleProperty().set("Signed with a key made in the app.");
        Path pdf = dir.resolve("signed.pdf");
        decision.exportPdf(new PdfExport(pdf, PaperSize.A4, keyFile, "s3cret".toCharArray()));
        assertTrue(SignatureCheck.verify(Files.readAllBytes(pdf)).valid());
    }
}
