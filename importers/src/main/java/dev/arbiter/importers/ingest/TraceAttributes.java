package dev.arbiter.importers.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A call's attributes as typed values (Long, Double, Boolean, String; lists and objects as JSON
 * text), gathered from the levels of a trace export. Levels are added from the least to the most
 * specific — resource, scope, span (OTLP); trace metadata, resource, scope, observation metadata,
 * span attributes (Langfuse) — so the most specific value of a key wins, as in OpenTelemetry.
 */
final class TraceAttributes {
    private final Map<String, Object> values = new LinkedHashMap<>();

    /** The attributes gathered, keyed as in the export ({@code variant}, {@code gen_ai.request.model}). */
    Map<String, Object> values() {
        return values;
    }

    /** OTLP key/value list: {@code [{key, value: {stringValue | intValue | doubleValue | boolValue | arrayValue | kvlistValue}}]}. */
    TraceAttributes addOtlp(JsonNode list) {
        for (JsonNode attribute : list) {
            put(attribute.path("key").asText(), anyValue(attribute.path("value")));
        }
        return this;
    }

    /** Every field of a JSON object (or a JSON string holding one), nested objects as JSON text. */
    TraceAttributes addObject(JsonNode object) {
        JsonNode fields = JsonFields.object(object);
        if (fields.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                put(field.getKey(), plain(field.getValue()));
            }
        }
        return this;
    }

    /**
     * Langfuse metadata (an object or a JSON string): OTel {@code resourceAttributes}, then
     * {@code scope.attributes}, then its other keys (LangChain's {@code ls_provider}, a user's
     * {@code variant}), then the span's {@code attributes}.
     */
    TraceAttributes addLangfuseMetadata(JsonNode metadata) {
        JsonNode object = JsonFields.object(metadata);
        if (!object.isObject()) {
            return this;
        }
        addObject(object.path("resourceAttributes"));
        addObject(object.path("scope").path("attributes"));
        ObjectNode others = ((ObjectNode) object).deepCopy();
        others.remove(List.of("resourceAttributes", "scope", "attributes"));
        addObject(others);
        return addObject(object.path("attributes"));
    }

    private void put(String key, Object value) {
        if (!key.isEmpty() && value != null) {
            values.remove(key);
            values.put(key, value);
        }
    }

    /** An OTLP AnyValue as a typed value. */
    private static Object anyValue(JsonNode value) {
        if (value.has("stringValue")) {
            return value.get("stringValue").asText();
        }
        if (value.has("intValue")) {
            JsonNode number = value.get("intValue");
            try {
                return number.isNumber() ? number.asLong() : Long.valueOf(number.asText().trim());
            } catch (NumberFormatException e) {
                return number.asText();
            }
        }
        if (value.has("doubleValue")) {
            Double number = JsonFields.number(value.get("doubleValue"));
            return number != null ? number : value.get("doubleValue").asText();
        }
        if (value.has("boolValue")) {
            return value.get("boolValue").asBoolean();
        }
        if (value.has("arrayValue") || value.has("kvlistValue") || value.has("bytesValue")) {
            return otlpJson(value).toString();
        }
        return null;
    }

    /** An OTLP array or key/value list as plain JSON ({@code ["a", 1]}, {@code {"k": "v"}}). */
    private static JsonNode otlpJson(JsonNode value) {
        if (value.has("arrayValue")) {
            ArrayNode array = JsonFields.MAPPER.createArrayNode();
            value.get("arrayValue").path("values").forEach(item -> array.add(otlpJson(item)));
            return array;
        }
        if (value.has("kvlistValue")) {
            ObjectNode object = JsonFields.MAPPER.createObjectNode();
            value.get("kvlistValue").path("values").forEach(kv -> object.set(kv.path("key").asText(), otlpJson(kv.path("value"))));
            return object;
        }
        Object scalar = anyValue(value);
        return scalar == null ? JsonFields.MAPPER.nullNode() : JsonFields.MAPPER.valueToTree(scalar);
    }

    /** A plain JSON value as a typed value. */
    private static Object plain(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.asLong();
        }
        if (node.isNumber()) {
            return node.asDouble();
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        return node.isTextual() ? node.asText() : node.toString();
    }
}
