package dev.arbiter.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arbiter.app.report.ReportAttachments;
import dev.arbiter.importers.statistics.DriverFolder;
import dev.arbiter.importers.statistics.FakeDriverJar;
import dev.arbiter.importers.statistics.WarehouseSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20: {@code report} and {@code reproduce} on a warehouse table — the PDF records the engine,
 * the table, its rows and data fingerprint, the query fingerprint and what came back, and {@code
 * reproduce --source} says whether the table changed — and a token given in the environment reaches
 * the driver and is written nowhere. The "warehouse" is the support-bot sample's events in a DuckDB
 * file, by URL and through a driver jar dropped in the drivers folder.
 */
class WarehouseReportTest {
    private static final String SECRET = "dapi-SECRET-4f3a9c0e";

    @TempDir
    static Path dir;
    static Path lake;
    static Path experiment;
    static Path decision;
    static Path drivers;

    @BeforeAll
    static void aLakeWithTheSampleEvents() throws Exception {
        Path workspace = dir.resolve("sb.arbiter");
        assertEquals(0, CliRun.of("sample", "support-bot", "--workspace", workspace.toString()).exitCode());
        experiment = dir.resolve("support-bot.experiment.json");
        lake = Files.copy(workspace, dir.resolve("lake.duckdb"));
        decision = Files.writeString(dir.resolve("decision.json"), """
                {"decision": "no_difference", "rationale": "Read from the lake.",
                 "signoffs": [{"name": "Dana Analyst", "role": "Analyst", "approve": true, "date": "2026-03-20"}]}""");
        drivers = dir.resolve("drivers");
        FakeDriverJar.write(drivers);
    }

    @Test
    void theReportRecordsTheTableAndReproduceSaysWhetherItChanged() throws Exception {
        String url = "jdbc:duckdb:" + lake;
        Path pdf = dir.resolve("lake.pdf");
        ok(CliRun.of("report", "--source", url, "--table", "main.events", "--experiment", experiment.toString(),
                "--decision", decision.toString(), "--out", pdf.toString()));
        String text = text(pdf);
        assertTrue(text.contains("from table main.events on DuckDB"), text);
        assertTrue(text.contains("Data fingerprint") && text.contains("Query fingerprint"), text);
        assertTrue(text.contains("35,916 rows when analysed"), text);
        Map<String, String> attached = attachments(pdf);
        JsonNode source = new ObjectMapper().readTree(attached.get(ReportAttachments.ANALYSIS)).get("source");
        assertEquals("main.events", source.get("table").asText());
        assertEquals(35_916, source.get("rows").asLong());
        assertTrue(source.get("dataFingerprint").asText().matches("[0-9a-f]{16}"), source.toString());
        JsonNode provenance = new ObjectMapper().readTree(attached.get(ReportAttachments.PROVENANCE));
        assertEquals(source.get("dataFingerprint"), provenance.get("source").get("dataFingerprint"));
        assertTrue(new ObjectMapper().readTree(attached.get(ReportAttachments.EXPERIMENT)).get("dataset").asText()
                .equals("events"), "the definition is attached as written, not as read from the view");

        CliRun same = CliRun.of("reproduce", pdf.toString(), "--source", url, "--table", "main.events");
        assertEquals(0, same.exitCode(), same.out() + same.err());
        assertTrue(same.out().contains("table main.events has the same 35,916 rows and data fingerprint ("
                + source.get("dataFingerprint").asText() + ")"), same.out());
        assertTrue(same.out().contains("Queries: the same SQL as the report's"), same.out());

        Path changedLake = Files.copy(lake, dir.resolve("changed.duckdb"));
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + changedLake);
             Statement statement = connection.createStatement()) {
            statement.execute("UPDATE events SET latency_ms = latency_ms * 2 WHERE variant = 'haiku'");
        }
        CliRun changed = CliRun.of("reproduce", pdf.toString(), "--source", "jdbc:duckdb:" + changedLake, "--table",
                "main.events");
        assertEquals(1, changed.exitCode(), changed.out() + changed.err());
        assertTrue(changed.out().contains("table main.events CHANGED since the report: 35,916 → 35,916 rows, data fingerprint "
                + source.get("dataFingerprint").asText() + " →"), changed.out());
        assertTrue(changed.err().contains("does NOT reproduce"), changed.err());
    }

    /** The token is in the subprocess's environment only: the driver gets it; stdout, stderr, JSON and PDF do not. */
    @Test
    void aTokenReachesTheDriverAndIsWrittenNowhere() throws Exception {
        Path own = Files.copy(lake, dir.resolve("token-lake.duckdb")); // this JVM's DuckDB may still hold the lake
        String url = FakeDriverJar.PREFIX + own + ";auth=token;transportMode=http";
        Path json = dir.resolve("token.json");
        Path pdf = dir.resolve("token.pdf");
        List<String> written = new ArrayList<>();
        written.add(succeeded(arbiter(Map.of(WarehouseSource.TOKEN, SECRET), "analyze", "--source", url, "--table",
                "main.events", "--experiment", experiment.toString(), "--json", json.toString())));
        written.add(succeeded(arbiter(Map.of(WarehouseSource.TOKEN, SECRET), "report", "--source", url, "--table",
                "main.events", "--experiment", experiment.toString(), "--decision", decision.toString(), "--out",
                pdf.toString())));
        written.add(Files.readString(json));
        written.add(new String(Files.readAllBytes(pdf), StandardCharsets.ISO_8859_1));
        written.add(text(pdf));
        written.addAll(attachments(pdf).values());
        for (String text : written) {
            assertFalse(text.contains(SECRET) || text.contains("4f3a9c0e"), "the token was written: " + text);
            assertFalse(text.contains("transportMode"), "the URL's parameters were written: " + text);
        }
        assertTrue(Files.readString(json).contains("\"url\" : \"" + FakeDriverJar.PREFIX + own + "…\""),
                Files.readString(json));

        Process refused = arbiter(Map.of(), "analyze", "--source", url, "--table", "main.events",
                "--experiment", experiment.toString());
        String message = new String(refused.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(refused.waitFor(120, TimeUnit.SECONDS));
        assertEquals(1, refused.exitValue(), message);
        assertEquals(1, message.lines().filter(line -> line.startsWith("arbiter:")).count(), message);
        assertTrue(message.contains("authentication failed: no token.") && !message.contains("second line"), message);
    }

    /** {@code arbiter ARGS} in a new JVM whose environment has {@code environment} and the drivers folder. */
    private static Process arbiter(Map<String, String> environment, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.arbiter.app.Launcher"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove(WarehouseSource.TOKEN);
        builder.environment().put(DriverFolder.VARIABLE, drivers.toString());
        builder.environment().putAll(environment);
        return builder.start();
    }

    /** What the process printed, once it ended well (the fake driver refuses a connection without the token). */
    private static String succeeded(Process process) throws Exception {
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), output);
        return output;
    }

    private static void ok(CliRun run) {
        assertEquals(0, run.exitCode(), run.out() + run.err());
    }

    private static String text(Path pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static Map<String, String> attachments(Path pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return ReportAttachments.read(document);
        }
    }
}
