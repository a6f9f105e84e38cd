package dev.arbiter.importers.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.analytics.ArmEstimate;
import dev.arbiter.analytics.SampleMoments;
import dev.arbiter.analytics.WelchTest;
import dev.arbiter.importers.experiment.ExperimentFile;
import dev.arbiter.importers.ingest.DatasetImporter;
import dev.arbiter.importers.ingest.ImportMonitor;
import dev.arbiter.importers.ingest.ImportOptions;
import dev.arbiter.importers.ingest.ImportReport;
import dev.arbiter.importers.ingest.SourceFormat;
import dev.arbiter.importers.result.ArmSummary;
import dev.arbiter.importers.result.ExperimentResult;
import dev.arbiter.importers.workspace.Access;
import dev.arbiter.importers.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17: trace exports whose spans carry the experiment in their attributes — an OTLP/JSON file
 * (attributes at resource, scope and span level, per the OTLP JSON encoding: intValue as a string)
 * and a Langfuse export (one file per trace, metadata as a JSON string) — import with those
 * attributes as columns and analyse as an A/B test with no preprocessing; a second experiment
 * in the same export is filtered out. Expected values are computed here from the generated calls.
 */
class TraceExperimentTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int USERS = 400;

    @TempDir
    Path dir;

    /** One generated model call: who, which experiment and arm, and what it cost in output tokens. */
    private record Call(String user, String experiment, String variant, long outputTokens, long latencyMs) {
    }

    /** Two calls per user; a third of the users are in another experiment (A/B); treatment writes ~12 tokens more. */
    private static List<Call> calls() {
        Random random = new Random(17);
        List<Call> calls = new ArrayList<>();
        for (int u = 0; u < USERS; u++) {
            boolean other = u % 3 == 0;
            String variant = other ? (u % 2 == 0 ? "A" : "B") : (random.nextBoolean() ? "treatment" : "control");
            for (int k = 0; k < 2; k++) {
                long tokens = 120 + random.nextInt(80) + (variant.equals("treatment") ? 12 : 0);
                calls.add(new Call("user-" + u, other ? "exp-other" : "exp-7", variant, tokens, 300 + random.nextInt(900)));
            }
        }
        return calls;
    }

    @Test
    void anOtlpExportWithTheArmInSpanAttributesIsAnAbTest() throws Exception {
        Path file = dir.resolve("spans.otlp.json");
        JSON.writeValue(file.toFile(), otlp(calls()));
        ImportReport report = importInto(dir.resolve("otlp.arbiter"), file.toString());
        assertEquals(SourceFormat.OTLP, report.format());
        assertEquals(2 * USERS, report.rowsLoaded());
        checkAnalysis(dir.resolve("otlp.arbiter"), "user.id");
    }

    @Test
    void aLangfuseExportWithTheArmInTraceMetadataAndTheExperimentInSpanAttributesIsAnAbTest() throws Exception {
        Path folder = dir.resolve("langfuse");
        Files.createDirectories(folder);
        Map<String, List<Call>> byUser = new LinkedHashMap<>();
        calls().forEach(call -> byUser.computeIfAbsent(call.user(), u -> new ArrayList<>()).add(call));
        int t = 0;
        for (List<Call> trace : byUser.values()) {
            JSON.writeValue(folder.resolve("trace-" + t++ + ".trace.json").toFile(), langfuse(trace, t));
        }
        ImportReport report = importInto(dir.resolve("langfuse.arbiter"), folder.resolve("*.trace.json").toString());
        assertEquals(SourceFormat.LANGFUSE, report.format());
        assertEquals(2 * USERS, report.rowsLoaded());
        checkAnalysis(dir.resolve("langfuse.arbiter"), "user_id");
    }

    private static ImportReport importInto(Path workspace, String source) throws Exception {
        Workspace.create(workspace, "test").close();
        try (Workspace importing = Workspace.open(workspace, Access.IMPORT)) {
            return new DatasetImporter(importing).importSource(source, ImportOptions.defaults().withDataset("calls"),
                    ImportMonitor.NONE);
        }
    }

    /** exp-7 only: its users in their arms, SRM on them, the output tokens per user as a Welch test computed here. */
    private static void checkAnalysis(Path workspace, String unitColumn) throws Exception {
        var definition = ExperimentFile.parse("""
                {"name": "Longer answers", "dataset": "calls", "variantColumn": "variant", "control": "control",
                 "treatments": ["treatment"], "unitColumn": "%s", "where": {"column": "experiment_id", "equals": "exp-7"},
                 "primary": {"name": "output_tokens", "column": "tokens_out", "kind": "unit", "aggregate": "mean", "mde": 5},
                 "guardrails": [{"name": "p95_latency_ms", "column": "latency_ms", "kind": "quantile", "quantile": 0.95,
                   "direction": "decrease", "maxRatio": 1.5}],
                 "segments": ["deployment.environment"]}""".formatted(unitColumn), "traces.json");
        ExperimentResult result;
        try (Workspace open = Workspace.open(workspace)) {
            result = ExperimentAnalyzer.analyze(open, definition, null, "traces.json");
        }
        Map<String, List<Double>> perUser = new LinkedHashMap<>();
        Map<String, String> armOf = new LinkedHashMap<>();
        for (Call call : calls()) {
            if (call.experiment().equals("exp-7")) {
                perUser.computeIfAbsent(call.user(), u -> new ArrayList<>()).add((double) call.outputTokens());
                armOf.put(call.user(), call.variant());
            }
        }
        double[] control = means(perUser, armOf, "control");
        double[] treatment = means(perUser, armOf, "treatment");
        assertEquals(List.of((long) control.length, (long) treatment.length),
                result.arms().stream().map(ArmSummary::units).toList(), "exp-7's users only, none of exp-other's");
        assertEquals(0, result.crossoverUnits());
        var expected = WelchTest.withDefaults().compare(
                ArmEstimate.mean(SampleMoments.of(control)),
                ArmEstimate.mean(SampleMoments.of(treatment)), "output_tokens");
        var actual = result.primary().comparison("treatment").comparison();
        assertEquals(expected.absolute().estimate(), actual.absolute().estimate(), 1e-9);
        assertEquals(expected.absolute().ci().lower(), actual.absolute().ci().lower(), 1e-9);
        assertEquals(expected.absolute().pValue(), actual.absolute().pValue(), 1e-12);
        assertTrue(actual.significant(), "+12 tokens on ~270 users per arm is found");
        assertEquals(1, result.segments().stream().map(s -> s.column()).distinct().count(), "a resource attribute as a segment");
    }

    private static double[] means(Map<String, List<Double>> perUser, Map<String, String> armOf, String arm) {
        return perUser.entrySet().stream().filter(e -> armOf.get(e.getKey()).equals(arm))
                .mapToDouble(e -> e.getValue().stream().mapToDouble(Double::doubleValue).average().orElseThrow()).toArray();
    }

    /** One resource (service, environment), one scope, a span per call with gen_ai.* and the experiment's attributes. */
    private static ObjectNode otlp(List<Call> calls) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode resourceSpans = root.putArray("resourceSpans").addObject();
        ArrayNode resource = resourceSpans.putObject("resource").putArray("attributes");
        attribute(resource, "service.name", "stringValue", "support-bot");
        attribute(resource, "deployment.environment", "stringValue", "prod");
        ObjectNode scopeSpans = resourceSpans.putArray("scopeSpans").addObject();
        scopeSpans.putObject("scope").put("name", "opentelemetry.instrumentation.openai");
        ArrayNode spans = scopeSpans.putArray("spans");
        long start = 1_764_547_200_000_000_000L; // 2025-12-01T00:00:00Z in ns
        int i = 0;
        for (Call call : calls) {
            ObjectNode span = spans.addObject().put("traceId", String.format("%032x", i)).put("spanId", String.format("%016x", i))
                    .put("name", "chat gpt-4o").put("kind", 3)
                    .put("startTimeUnixNano", Long.toString(start + i * 60_000_000_000L))
                    .put("endTimeUnixNano", Long.toString(start + i * 60_000_000_000L + call.latencyMs() * 1_000_000L));
            ArrayNode attributes = span.putArray("attributes");
            attribute(attributes, "gen_ai.operation.name", "stringValue", "chat");
            attribute(attributes, "gen_ai.request.model", "stringValue", "gpt-4o");
            attribute(attributes, "gen_ai.usage.input_tokens", "intValue", "350");
            attribute(attributes, "gen_ai.usage.output_tokens", "intValue", Long.toString(call.outputTokens()));
            attribute(attributes, "user.id", "stringValue", call.user());
            attribute(attributes, "experiment_id", "stringValue", call.experiment());
            attribute(attributes, "variant", "stringValue", call.variant());
            attribute(attributes, "feature_flag.key", "stringValue", "answer-length");
            i++;
        }
        return root;
    }

    private static void attribute(ArrayNode attributes, String key, String type, String value) {
        attributes.addObject().put("key", key).putObject("value").put(type, value);
    }

    /**
     * A Langfuse trace: the arm in the trace's metadata, the experiment in each GENERATION's span
     * attributes (both metadata as JSON strings, as Langfuse exports them).
     */
    private static ObjectNode langfuse(List<Call> calls, int number) throws Exception {
        ObjectNode root = JSON.createObjectNode();
        Call first = calls.get(0);
        ObjectNode metadata = JSON.createObjectNode().put("variant", first.variant());
        metadata.putObject("resourceAttributes").put("deployment.environment", "prod").put("service.name", "support-bot");
        root.putObject("trace").put("id", "trace-" + number).put("userId", first.user()).put("sessionId", "s-" + number)
                .put("metadata", JSON.writeValueAsString(metadata));
        ArrayNode observations = root.putArray("observations");
        int k = 0;
        for (Call call : calls) {
            String start = "2025-12-01T" + String.format("%02d", number % 24) + ":" + String.format("%02d", k) + ":00.000Z";
            String end = Instant.parse(start).plusMillis(call.latencyMs()).toString();
            ObjectNode observation = observations.addObject().put("id", "obs-" + number + "-" + k++).put("traceId", "trace-" + number)
                    .put("type", "GENERATION").put("name", "answer").put("model", "gpt-4o").put("startTime", start).put("endTime", end);
            observation.putObject("usageDetails").put("input", 350).put("output", call.outputTokens());
            ObjectNode attributes = JSON.createObjectNode().put("gen_ai.operation.name", "chat")
                    .put("experiment_id", call.experiment());
            observation.put("metadata", JSON.writeValueAsString(JSON.createObjectNode().set("attributes", attributes)));
        }
        return root;
    }
}
