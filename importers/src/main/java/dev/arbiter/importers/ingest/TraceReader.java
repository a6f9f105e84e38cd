package dev.arbiter.importers.ingest;

import static dev.arbiter.importers.ingest.JsonFields.first;
import static dev.arbiter.importers.ingest.JsonFields.instant;
import static dev.arbiter.importers.ingest.JsonFields.millisBetween;
import static dev.arbiter.importers.ingest.JsonFields.number;
import static dev.arbiter.importers.ingest.JsonFields.object;
import static dev.arbiter.importers.ingest.JsonFields.text;
import static dev.arbiter.importers.ingest.JsonFields.whole;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Flattens LLM trace exports to one row per model call. Langfuse: GENERATION observations, with
 * OTel {@code gen_ai.*} attributes from {@code metadata} (an object or a JSON string) where the
 * observation's own fields are missing. LangSmith: runs of type llm, post merged with patch. OTLP
 * JSON: spans carrying GenAI attributes. Latency is always end − start in milliseconds.
 */
final class TraceReader {
    /** The calls found, and what else was in the export (for the import's warnings). */
    record Flattened(List<LlmCall> calls, Map<String, Integer> skipped) {
    }

    private TraceReader() {
    }

    static Flattened read(SourceFormat format, JsonNode root) {
        return switch (format) {
            case LANGFUSE -> langfuse(root);
            case LANGSMITH -> langsmith(root);
            case OTLP -> otlp(root);
            default -> throw new IllegalArgumentException("not a trace format: " + format);
        };
    }

    private static Flattened langfuse(JsonNode root) {
        JsonNode trace = root.path("trace");
        List<LlmCall> calls = new ArrayList<>();
        Map<String, Integer> skipped = new LinkedHashMap<>();
        for (JsonNode o : root.path("observations")) {
            String type = o.path("type").asText("");
            if (!type.equals("GENERATION")) {
                skipped.merge(type.isEmpty() ? "unknown" : type, 1, Integer::sum);
                continue;
            }
            JsonNode attributes = object(o.path("metadata")).path("attributes");
            Instant start = instant(o.path("startTime"));
            calls.add(new LlmCall(text(first(o.path("traceId"), trace.path("id"))), text(o.path("id")),
                    text(trace.path("sessionId")), text(trace.path("userId")), text(o.path("name")),
                    text(first(attributes.path("gen_ai.response.model"), o.path("model"), attributes.path("gen_ai.request.model"))),
                    text(first(attributes.path("gen_ai.provider.name"), attributes.path("gen_ai.system"), attributes.path("llm.system"))),
                    start, millisBetween(start, instant(o.path("endTime"))),
                    millisBetween(start, instant(o.path("completionStartTime"))),
                    whole(first(o.path("usageDetails").path("input"), attributes.path("gen_ai.usage.input_tokens"))),
                    whole(first(o.path("usageDetails").path("output"), attributes.path("gen_ai.usage.output_tokens"))),
                    number(first(o.path("costDetails").path("total"), o.path("totalCost"), o.path("calculatedTotalCost"))),
                    o.path("level").asText("").equals("ERROR"),
                    new TraceAttributes().addLangfuseMetadata(trace.path("metadata")).addLangfuseMetadata(o.path("metadata"))
                            .values(), null));
        }
        return new Flattened(calls, skipped);
    }

    private static Flattened langsmith(JsonNode root) {
        Map<String, JsonNode> patches = new HashMap<>();
        root.path("patch").forEach(p -> patches.put(p.path("id").asText(""), p));
        List<LlmCall> calls = new ArrayList<>();
        Map<String, Integer> skipped = new LinkedHashMap<>();
        int index = 0;
        for (JsonNode post : root.path("post")) {
            JsonNode patch = patches.getOrDefault(post.path("id").asText(""),
                    root.path("patch").path(index++));
            if (!post.path("run_type").asText("").equals("llm")) {
                skipped.merge(post.path("run_type").asText("unknown"), 1, Integer::sum);
                continue;
            }
            JsonNode outputs = patch.path("outputs");
            JsonNode usage = first(outputs.path("usage_metadata"), outputs.path("usage"));
            JsonNode metadata = post.path("extra").path("metadata");
            Instant start = instant(post.path("start_time"));
            calls.add(new LlmCall(text(post.path("trace_id")), text(post.path("id")),
                    text(first(metadata.path("session_id"), metadata.path("thread_id"))), text(metadata.path("user_id")),
                    text(post.path("name")),
                    text(first(outputs.path("model"), metadata.path("ls_model_name"), post.path("inputs").path("model"))),
                    text(metadata.path("ls_provider")), start, millisBetween(start, instant(patch.path("end_time"))), null,
                    whole(first(usage.path("input_tokens"), usage.path("prompt_tokens"))),
                    whole(first(usage.path("output_tokens"), usage.path("completion_tokens"))), null,
                    !patch.path("error").isMissingNode() && !patch.path("error").isNull(),
                    new TraceAttributes().addObject(metadata).addObject(patch.path("extra").path("metadata")).values(), null));
        }
        return new Flattened(calls, skipped);
    }

    private static Flattened otlp(JsonNode root) {
        List<LlmCall> calls = new ArrayList<>();
        Map<String, Integer> skipped = new LinkedHashMap<>();
        for (JsonNode resourceSpans : root.path("resourceSpans")) {
            JsonNode resource = resourceSpans.path("resource").path("attributes");
            for (JsonNode scopeSpans : resourceSpans.path("scopeSpans")) {
                for (JsonNode span : scopeSpans.path("spans")) {
                    Map<String, JsonNode> a = attributes(resource);
                    a.putAll(attributes(scopeSpans.path("scope").path("attributes")));
                    a.putAll(attributes(span.path("attributes")));
                    if (!a.containsKey("gen_ai.request.model") && !a.containsKey("gen_ai.response.model")
                            && !a.containsKey("gen_ai.operation.name")) {
                        skipped.merge("span without gen_ai attributes", 1, Integer::sum);
                        continue;
                    }
                    calls.add(otlpCall(span, a, new TraceAttributes().addOtlp(resource)
                            .addOtlp(scopeSpans.path("scope").path("attributes")).addOtlp(span.path("attributes")).values()));
                }
            }
        }
        return new Flattened(calls, skipped);
    }

    private static LlmCall otlpCall(JsonNode span, Map<String, JsonNode> a, Map<String, Object> attributes) {
        Instant start = nanos(span.path("startTimeUnixNano"));
        Instant end = nanos(span.path("endTimeUnixNano"));
        return new LlmCall(text(span.path("traceId")), text(span.path("spanId")),
                text(first(a.get("session.id"), a.get("gen_ai.conversation.id"))), text(first(a.get("user.id"), a.get("enduser.id"))),
                text(span.path("name")), text(first(a.get("gen_ai.response.model"), a.get("gen_ai.request.model"))),
                text(first(a.get("gen_ai.provider.name"), a.get("gen_ai.system"))), start, millisBetween(start, end), null,
                whole(a.get("gen_ai.usage.input_tokens")), whole(a.get("gen_ai.usage.output_tokens")), number(a.get("gen_ai.usage.cost")),
                span.path("status").path("code").asText("").matches("2|STATUS_CODE_ERROR"), attributes, null);
    }

    /** OTLP key/value attributes ({key, value: {stringValue | intValue | doubleValue | boolValue}}). */
    private static Map<String, JsonNode> attributes(JsonNode list) {
        Map<String, JsonNode> result = new HashMap<>();
        for (JsonNode attribute : list) {
            JsonNode value = attribute.path("value");
            JsonNode scalar = first(value.path("stringValue"), value.path("intValue"), value.path("doubleValue"),
                    value.path("boolValue"));
            result.put(attribute.path("key").asText(), scalar);
        }
        return result;
    }

    /** Epoch nanoseconds, read as an exact long (a double would lose the last digits). */
    private static Instant nanos(JsonNode node) {
        String text = text(node);
        if (text == null) {
            return null;
        }
        try {
            long value = Long.parseLong(text.trim());
            return Instant.ofEpochSecond(value / 1_000_000_000L, value % 1_000_000_000L);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
