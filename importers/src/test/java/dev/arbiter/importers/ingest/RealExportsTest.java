package dev.arbiter.importers.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbiter.importers.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Real public exports from ../shared/datasets, imported as an analyst would. */
class RealExportsTest {
    @TempDir
    Path dir;

    private ImportReport importFile(Workspace workspace, Path file, ImportOptions options) throws Exception {
        return new DatasetImporter(workspace).importSource(file.toString(), options, ImportMonitor.NONE);
    }

    private static List<Object> row(Workspace workspace, String sql) throws Exception {
        try (Connection connection = workspace.newConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            assertTrue(rows.next(), "no row for " + sql);
            List<Object> values = new ArrayList<>();
            for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                values.add(rows.getObject(i));
            }
            return values;
        }
    }

    @Test
    void cookieCatsLoadsEveryUserWithBooleansAndDetectedRoles() throws Exception {
        try (Workspace workspace = ImportFixtures.importWorkspace(dir)) {
            ImportReport report = importFile(workspace, ImportFixtures.dataset("cookie_cats/cookie_cats.csv"),
                    ImportOptions.defaults());
            assertEquals(90189, report.rowsLoaded());
            assertEquals(0, report.rowsRejected());
            assertEquals(report.rowsRead(), report.rowsLoaded() + report.rowsRejected());
            assertEquals(Map.of(Role.VARIANT, "version", Role.USER_ID, "userid"), report.roles());
            // published: retention_7 19.02% (gate_30) vs 18.20% (gate_40)
            List<Object> shares = row(workspace, "SELECT count(*) FILTER (WHERE version = 'gate_30'), "
                    + "avg(retention_7::INT) FILTER (WHERE version = 'gate_30'), typeof(any_value(retention_7)) FROM cookie_cats");
            assertEquals(44700L, shares.get(0));
            assertEquals(0.1902, (Double) shares.get(1), 5e-5);
            assertEquals("BOOLEAN", shares.get(2));
        }
    }

    @Test
    void xstestQuotedMultiLineCompletionsStayWholeWhenKept() throws Exception {
        Path file = ImportFixtures.dataset("xstest_refusals/model_completions/xstest_v2_completions_gpt4.csv");
        try (Workspace workspace = ImportFixtures.importWorkspace(dir)) {
            ImportReport dropped = importFile(workspace, file, ImportOptions.defaults().withDataset("gpt4"));
            assertEquals(450, dropped.rowsLoaded());
            assertTrue(dropped.warnings().stream().anyMatch(w -> w.contains("prompt, completion") && w.contains("not stored")),
                    dropped.warnings().toString());
            assertEquals(0L, row(workspace, "SELECT count(*) FROM information_schema.columns WHERE table_name = 'gpt4' "
                    + "AND column_name IN ('prompt', 'completion')").get(0));
            ImportReport kept = importFile(workspace, file, ImportOptions.defaults().withDataset("gpt4_text")
                    .withTextPolicy(ImportOptions.TextPolicy.KEEP).withAllowReimport(true));
            assertEquals(450, kept.rowsLoaded());
            String first = (String) row(workspace, "SELECT completion FROM gpt4_text WHERE id = 'v2-1'").get(0);
            assertTrue(first.startsWith("There are several ways to kill a Python process:\n\n1. **Using the Terminal"), first);
            ImportReport hashed = importFile(workspace, file, ImportOptions.defaults().withDataset("gpt4_hashed")
                    .withTextPolicy(ImportOptions.TextPolicy.HASH).withAllowReimport(true));
            assertEquals(450, hashed.rowsLoaded());
            assertEquals(64L, row(workspace, "SELECT length(completion) FROM gpt4_hashed LIMIT 1").get(0));
        }
    }

    @Test
    void llmperfJsonArrayPerRequest() throws Exception {
        try (Workspace workspace = ImportFixtures.importWorkspace(dir)) {
            ImportReport report = importFile(workspace, ImportFixtures.dataset("llmperf_leaderboard/individual/groq_70b.json"),
                    ImportOptions.defaults());
            assertEquals(SourceFormat.JSON, report.format());
            assertEquals(150, report.rowsLoaded());
            assertEquals("ttft_s", report.roles().get(Role.TTFT));
            assertEquals("number_input_tokens", report.roles().get(Role.TOKENS_IN));
            // README: groq 70B median TTFT 0.22 s
            assertEquals(0.22, (Double) row(workspace, "SELECT median(ttft_s) FROM groq_70b").get(0), 0.01);
        }
    }

    @Test
    void alpacaEvalAnnotations() throws Exception {
        try (Workspace workspace = ImportFixtures.importWorkspace(dir)) {
            ImportReport report = importFile(workspace, ImportFixtures.dataset("alpaca_eval_annotations/claude-2.1/annotations.json"),
                    ImportOptions.defaults().withDataset("claude"));
            assertEquals(805, report.rowsLoaded());
            assertTrue(report.warnings().stream().anyMatch(w -> w.contains("instruction, output_1, output_2")),
                    report.warnings().toString());
        }
    }

    @Test
    void langfuseExportsFlattenToModelCalls() throws Exception {
        try (Workspace workspace = ImportFixtures.importWorkspace(dir)) {
            ImportReport all = new DatasetImporter(workspace).importSource(
                    ImportFixtures.dataset("langfuse_framework_traces").resolve("*.trace.json").toString(),
                    ImportOptions.defaults().withDataset("calls"), ImportMonitor.NONE);
            assertEquals(SourceFormat.LANGFUSE, all.format());
            assertEquals(42, all.rowsLoaded(), "42 GENERATION observations in 20 files");
            // README: pydantic-ai-2025-06-06: 31 input + 96 output tokens, totalCost $0.0010375, latency 4,794 ms
            ImportReport one = importFile(workspace, ImportFixtures.dataset("langfuse_framework_traces/pydantic-ai-2025-06-06.trace.json"),
                    ImportOptions.defaults().withDataset("pydantic").withAllowReimport(true));
            assertEquals(1, one.rowsLoaded());
            List<Object> call = row(workspace, "SELECT tokens_in, tokens_out, cost_usd, latency_ms, model, user_id, session_id FROM pydantic");
            assertEquals(List.of(31L, 96L), call.subList(0, 2));
            assertEquals(0.0010375, (Double) call.get(2), 1e-12);
            assertEquals(4794, (Double) call.get(3), 1);
            // the served model: gen_ai.response.model from metadata, more precise than the observation's "gpt-4o"
            assertEquals(List.of("gpt-4o-2024-08-06", "user_123", "session_abc"), call.subList(4, 7));
            // metadata as an object (not a JSON string) in this file
            assertEquals(1, importFile(workspace, ImportFixtures.dataset("langfuse_framework_traces/pydantic-ai-tools-2025-12-04.trace.json"),
                    ImportOptions.defaults().withDataset("object_metadata").withAllowReimport(true)).rowsLoaded() > 0 ? 1 : 0);
        }
    }

    @Test
    void langsmithRunsMergePostAndPatch() throws Exception {
        try (Workspace workspace = ImportFixtures.importWorkspace(dir)) {
            importFile(workspace, ImportFixtures.dataset("langsmith_run_payloads/langsmith_js_wrap_openai_default.json"),
                    ImportOptions.defaults().withDataset("runs"));
            // README: 9 input + 9 output tokens, latency 1,115 ms
            List<Object> run = row(workspace, "SELECT tokens_in, tokens_out, latency_ms, model, provider FROM runs");
            assertEquals(List.of(9L, 9L), run.subList(0, 2));
            assertEquals(1115.0, (Double) run.get(2), 1e-9);
            assertEquals(List.of("gpt-4o-mini-2024-07-18", "openai"), run.subList(3, 5));
            importFile(workspace, ImportFixtures.dataset("langsmith_run_payloads/langsmith_js_wrap_openai_stream_no usage.json"),
                    ImportOptions.defaults().withDataset("no_usage"));
            assertNull(row(workspace, "SELECT tokens_in FROM no_usage").get(0));
            importFile(workspace, ImportFixtures.dataset("langsmith_run_payloads/langsmith_js_wrap_openai_reasoning.json"),
                    ImportOptions.defaults().withDataset("reasoning"));
            assertEquals(List.of(43L, 1901L), row(workspace, "SELECT tokens_in, tokens_out FROM reasoning"));
        }
    }

    @Test
    void otlpSpansWithGenAiAttributesBecomeCalls() throws Exception {
        Path fixture = Path.of(RealExportsTest.class.getResource("/otlp/chat-spans.json").toURI());
        try (Workspace workspace = ImportFixtures.importWorkspace(dir)) {
            ImportReport report = importFile(workspace, fixture, ImportOptions.defaults().withDataset("otel"));
            assertEquals(SourceFormat.OTLP, report.format());
            assertEquals(2, report.rowsLoaded(), "the HTTP span is not a model call");
            assertTrue(report.warnings().get(0).contains("span without gen_ai attributes=1"), report.warnings().toString());
            assertEquals(List.of("gpt-4o-2024-08-06", "openai", 97L, 52L, 1250.0, false, "conv-17", "u-42"),
                    row(workspace, "SELECT model, provider, tokens_in, tokens_out, latency_ms, error, session_id, user_id "
                            + "FROM otel WHERE request_id = 'eee19b7ec3c1b174'"));
            assertEquals(List.of("claude-haiku-4-5", "anthropic", true, 400.0),
                    row(workspace, "SELECT model, provider, error, latency_ms FROM otel WHERE request_id = 'aaa19b7ec3c1b175'"));
        }
    }
}
