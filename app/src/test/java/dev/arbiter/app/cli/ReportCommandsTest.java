package dev.arbiter.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.app.projection.Format;
import dev.arbiter.app.report.ReportAttachments;
import dev.arbiter.app.report.SignatureCheck;
import dev.arbiter.importers.analysis.ExperimentAnalyzer;
import dev.arbiter.importers.experiment.ExperimentFile;
import dev.arbiter.importers.ingest.DatasetCatalog;
import dev.arbiter.importers.result.ComparisonResult;
import dev.arbiter.importers.result.ExperimentResult;
import dev.arbiter.importers.workspace.Workspace;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code arbiter report / keygen / verify / reproduce} on the support-bot sample: what the PDF
 * says, what it carries, that it renders, that a signature catches any change to the file, and
 * that reproduce catches changed data.
 */
class ReportCommandsTest {
    private static final String DECISION = """
            {"decision": "no_difference",
             "rationale": "Haiku resolves tickets at Sonnet's rate within the margin and costs far less.",
             "signoffs": [{"name": "Dana Analyst", "role": "Analyst", "approve": true, "date": "2026-03-20", "comment": "Guardrails held."},
                          {"name": "Sam Lead", "role": "VP Support", "approve": false, "date": "2026-03-21", "comment": "One more week."}]}""";

    @TempDir
    static Path dir;
    static Path workspace;
    static Path experiment;
    static Path decision;
    static Path key;
    static Path unsigned;
    static Path signed;
    static Path letter;
    static ExperimentResult result;

    @BeforeAll
    static void makeReports() throws Exception {
        workspace = dir.resolve("sb.arbiter");
        ok(CliRun.of("sample", "support-bot", "--workspace", workspace.toString()));
        experiment = dir.resolve("support-bot.experiment.json");
        decision = Files.writeString(dir.resolve("decision.json"), DECISION);
        key = dir.resolve("me.p12");
        ok(CliRun.of("keygen", "--out", key.toString(), "--name", "Dana Analyst", "--password", "s3cret"));
        unsigned = dir.resolve("decision.pdf");
        ok(report(unsigned));
        signed = dir.resolve("signed.pdf");
        ok(report(signed, "--sign", key.toString(), "--password", "s3cret"));
        letter = dir.resolve("letter.pdf");
        ok(report(letter, "--paper", "letter"));
        try (Workspace open = Workspace.open(workspace)) {
            result = ExperimentAnalyzer.analyze(open, ExperimentFile.read(experiment), null, "test");
        }
    }

    private static CliRun report(Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("report", "--workspace", workspace.toString(), "--experiment",
                experiment.toString(), "--decision", decision.toString(), "--out", out.toString()));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    private static CliRun ok(CliRun run) {
        assertEquals(0, run.exitCode(), run.out() + run.err());
        return run;
    }

    private static String text(Path pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    void textCarriesTheKeyNumbersTheDecisionAndTheSigners() throws Exception {
        String text = text(unsigned).replace('\n', ' ');
        assertTrue(text.contains("Support bot: Sonnet vs Haiku"), "title");
        ComparisonResult primary = result.primary().comparisons().get(0);
        assertTrue(text.contains(result.primary().unit().effect(primary.comparison().absolute())), "primary effect with CI");
        assertTrue(text.contains(Format.relative(primary.comparison().relative())), "relative effect with CI");
        assertTrue(text.contains(Format.p(primary.comparison().absolute().pValue())), "p-value");
        assertTrue(text.contains("Decision: No difference — take the cheaper arm (no_difference)"), "decision");
        assertTrue(text.contains("Arbiter's recommendation: "), "recommendation");
        assertTrue(text.contains("Dana Analyst") && text.contains("Sam Lead") && text.contains("VP Support"), "signers");
        assertTrue(text.contains("Haiku resolves tickets at Sonnet's rate"), "rationale");
        for (var metric : result.metrics()) {
            assertTrue(text.contains(metric.name()), metric.name());
        }
        String sha = new DatasetCatalog(Workspace.open(workspace)).history().get(0).sha256();
        assertTrue(text.replace(" ", "").contains(sha), "the imported file's SHA-256");
        assertTrue(text.contains("resolution_rate difference"), "chart axis labels are text, not outlines");
        assertTrue(text.contains("The plan was not locked"), "no pre-registration is said plainly");
        assertTrue(text.contains("Apache PDFBox"), "software versions");
    }

    @Test
    void everyFontIsEmbeddedAndPagesHaveTheirPaperSize() throws Exception {
        try (PDDocument a4 = Loader.loadPDF(unsigned.toFile()); PDDocument us = Loader.loadPDF(letter.toFile())) {
            assertTrue(a4.getNumberOfPages() >= 4, "pages: " + a4.getNumberOfPages());
            for (PDPage page : a4.getPages()) {
                assertEquals(595.28, page.getMediaBox().getWidth(), 0.01);
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertTrue(font.isEmbedded(), font.getName() + " is embedded");
                }
            }
            assertEquals(612, us.getPage(0).getMediaBox().getWidth(), 0.01);
            assertEquals(792, us.getPage(0).getMediaBox().getHeight(), 0.01);
        }
    }

    @Test
    void attachmentsHoldTheDefinitionTheAnalysisAndTheDecision() throws Exception {
        try (PDDocument document = Loader.loadPDF(unsigned.toFile())) {
            Map<String, String> attached = ReportAttachments.read(document);
            assertEquals(ExperimentFile.read(experiment), ExperimentFile.parse(attached.get(ReportAttachments.EXPERIMENT), "pdf"));
            JsonNode analysis = Json.MAPPER.readTree(attached.get(ReportAttachments.ANALYSIS));
            assertEquals("Support bot: Sonnet vs Haiku", analysis.get("experiment").asText());
            assertEquals(result.primary().comparisons().get(0).comparison().absolute().pValue(),
                    analysis.get("metrics").get(0).get("comparisons").get(0).get("pValue").asDouble(), 1e-12);
            assertEquals("no_difference", Json.MAPPER.readTree(attached.get(ReportAttachments.DECISION)).get("decision").asText());
            assertEquals(64, Json.MAPPER.readTree(attached.get(ReportAttachments.PROVENANCE)).get("imports").get(0)
                    .get("sha256").asText().length());
        }
    }

    @Test
    void pagesRender() throws Exception {
        try (PDDocument document = Loader.loadPDF(unsigned.toFile())) {
            PDFRenderer renderer = new PDFRenderer(document);
            for (int page = 0; page < document.getNumberOfPages(); page++) {
                BufferedImage image = renderer.renderImageWithDPI(page, 30);
                assertTrue(image.getWidth() > 200, "page " + page);
            }
        }
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/pdftoppm")), "poppler's pdftoppm is not installed");
        Process process = new ProcessBuilder("pdftoppm", "-r", "40", "-png", signed.toString(), dir.resolve("page").toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), output);
        assertFalse(output.contains("Error"), output);
        try (var pages = Files.list(dir)) {
            assertTrue(pages.filter(p -> p.getFileName().toString().startsWith("page")).count() >= 4);
        }
    }

    @Test
    void verifyAcceptsTheSignedFileAndNamesTheSigner() {
        CliRun run = ok(CliRun.of("verify", signed.toString()));
        assertTrue(run.out().contains("Dana Analyst"), run.out());
        assertTrue(run.out().contains("covers the whole file"), run.out());
        String fingerprint = run.out().lines().filter(l -> l.startsWith("Certificate:")).findFirst().orElseThrow()
                .replace("Certificate: SHA-256 ", "");
        ok(CliRun.of("verify", signed.toString(), "--signer", fingerprint.replace(":", "").toLowerCase()));
        CliRun otherKey = CliRun.of("verify", signed.toString(), "--signer", "AB:CD");
        assertEquals(1, otherKey.exitCode());
        assertTrue(otherKey.err().contains("signed by another key"), otherKey.err());
        CliRun notSigned = CliRun.of("verify", unsigned.toString());
        assertEquals(1, notSigned.exitCode());
        assertTrue(notSigned.err().contains("not signed"), notSigned.err());
    }

    @Test
    void anyOneByteChangeFailsVerify() throws Exception {
        byte[] original = Files.readAllBytes(signed);
        assertTrue(SignatureCheck.verify(original).valid());
        // spread over the file, then densely over the signature value (whose unsigned parts a lax
        // check would miss) and the whole incremental update that carries it; an exhaustive run
        // over every byte of those regions found none unnoticed (decision 0007)
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < 97; i++) {
            positions.add((int) ((long) original.length * i / 97));
        }
        String latin = new String(original, StandardCharsets.ISO_8859_1);
        int hole = latin.lastIndexOf("/Contents <");
        int padding = latin.indexOf("0000000000", hole);
        for (int i = hole; i < padding + 40; i += 3) {
            positions.add(i);
        }
        for (int i = latin.lastIndexOf("/ByteRange") - 200; i < original.length; i += 2) {
            positions.add(i);
        }
        for (int position : positions) {
            byte[] changed = original.clone();
            changed[position] = (byte) (changed[position] == '0' ? '1' : changed[position] ^ 0x01);
            assertFalse(SignatureCheck.verify(changed).valid(), "a change at byte " + position + " went unnoticed");
        }
        byte[] appended = Arrays.copyOf(original, original.length + 1);
        appended[original.length] = '\n';
        assertFalse(SignatureCheck.verify(appended).valid(), "an appended byte");
        Path tampered = dir.resolve("tampered.pdf");
        byte[] changed = original.clone();
        changed[original.length / 3] ^= 0x20;
        Files.write(tampered, changed);
        CliRun run = CliRun.of("verify", tampered.toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("does NOT verify"), run.err());
    }

    @Test
    void reproduceMatchesTheSameDataAndCatchesChangedData() throws Exception {
        CliRun same = ok(CliRun.of("reproduce", signed.toString(), "--workspace", workspace.toString()));
        assertTrue(same.out().contains("values match"), same.out());
        assertTrue(same.out().contains("SHA-256 match"), same.out());
        Path copy = Files.copy(workspace, dir.resolve("changed.arbiter"));
        try (Workspace open = Workspace.open(copy); Connection connection = open.newConnection();
             Statement statement = connection.createStatement()) {
            assertTrue(statement.executeUpdate("UPDATE \"events\" SET \"latency_ms\" = \"latency_ms\" * 1.5 WHERE rowid % 7 = 0") > 0);
        }
        CliRun changed = CliRun.of("reproduce", signed.toString(), "--workspace", copy.toString());
        assertEquals(1, changed.exitCode(), changed.out());
        assertTrue(changed.err().contains("does NOT reproduce"), changed.err());
        assertTrue(changed.err().contains("p95_latency_ms") || changed.err().contains("metrics["), changed.err());
    }

    /** Issue 21 #8: the plan is locked from the command line as in the app; the PDF reports it, and a lock is final. */
    @Test
    void lockPreRegistersThePlanAndTheReportShowsDeviations() throws Exception {
        Path own = dir.resolve("locked.arbiter");
        ok(CliRun.of("sample", "support-bot", "--workspace", own.toString()));
        CliRun lock = ok(CliRun.of("lock", "--workspace", own.toString(), "--experiment", experiment.toString(), "--json"));
        JsonNode locked = Json.MAPPER.readTree(lock.out());
        assertEquals("Support bot: Sonnet vs Haiku", locked.get("experiment").asText());
        assertTrue(locked.get("lockedAt").asText().endsWith("Z"), lock.out());
        CliRun again = CliRun.of("lock", "--workspace", own.toString(), "--experiment", experiment.toString());
        assertEquals(1, again.exitCode());
        assertTrue(again.err().contains("a lock is final"), again.err());

        Path changed = Files.writeString(dir.resolve("changed.experiment.json"),
                Files.readString(experiment).replaceFirst("\"mde\"\\s*:\\s*0\\.02", "\"mde\": 0.03"));
        Path pdf = dir.resolve("locked.pdf");
        ok(CliRun.of("report", "--workspace", own.toString(), "--experiment", changed.toString(), "--decision",
                decision.toString(), "--out", pdf.toString()));
        String text = text(pdf);
        assertTrue(text.contains("Plan locked "), text);
        assertTrue(text.contains("primary.mde"), "the changed MDE is a deviation: " + text);
    }

    @Test
    void mistakesAreExplained() throws Exception {
        CliRun exists = CliRun.of("keygen", "--out", key.toString(), "--name", "X", "--password", "p");
        assertEquals(1, exists.exitCode());
        assertTrue(exists.err().contains("already exists"), exists.err());
        CliRun wrongPassword = report(dir.resolve("x.pdf"), "--sign", key.toString(), "--password", "wrong");
        assertEquals(1, wrongPassword.exitCode());
        assertTrue(wrongPassword.err().contains("wrong password"), wrongPassword.err());
        assertFalse(Files.exists(dir.resolve("x.pdf")));
        Path other = Files.writeString(dir.resolve("other.json"), DECISION.replace("{\"decision\"", "{\"experiment\": \"Other\", \"decision\""));
        CliRun mismatch = CliRun.of("report", "--workspace", workspace.toString(), "--experiment", experiment.toString(),
                "--decision", other.toString(), "--out", dir.resolve("y.pdf").toString());
        assertEquals(1, mismatch.exitCode());
        assertTrue(mismatch.err().contains("not on 'Support bot: Sonnet vs Haiku'"), mismatch.err());
        CliRun noAttachments = CliRun.of("reproduce", dir.resolve("page-1.png").toString(), "--workspace", workspace.toString());
        assertNotEquals(0, noAttachments.exitCode());
    }
}
