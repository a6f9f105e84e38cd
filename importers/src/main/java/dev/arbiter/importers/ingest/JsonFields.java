package dev.arbiter.importers.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Lenient reads of trace fields: numbers that may be strings, objects that may be JSON-encoded strings. */
final class JsonFields {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonFields() {
    }

    static String text(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() || node.asText().isEmpty()
                || node.asText().equals("None") ? null : node.asText();
    }

    static Double number(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (node.isNumber()) {
            return node.asDouble();
        }
        try {
            return Double.valueOf(node.asText().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static Long whole(JsonNode node) {
        Double value = number(node);
        return value == null ? null : Math.round(value);
    }

    /** An object, or an object encoded as a JSON string (Langfuse metadata is either). */
    static JsonNode object(JsonNode node) {
        if (node != null && node.isTextual()) {
            try {
                return MAPPER.readTree(node.asText());
            } catch (JsonProcessingException e) {
                return MissingNode.getInstance();
            }
        }
        return node == null ? MissingNode.getInstance() : node;
    }

    /** ISO-8601 text or epoch milliseconds. */
    static Instant instant(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (node.isNumber()) {
            return Instant.ofEpochMilli(node.asLong());
        }
        try {
            return Instant.parse(node.asText());
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(node.asText()).toInstant();
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }

    static Double millisBetween(Instant start, Instant end) {
        return start == null || end == null ? null : Duration.between(start, end).toNanos() / 1e6;
    }

    /** The first present value among the given fields. */
    static JsonNode first(JsonNode... candidates) {
        for (JsonNode candidate : candidates) {
            if (candidate != null && !candidate.isMissingNode() && !candidate.isNull()) {
                return candidate;
            }
        }
        return MissingNode.getInstance();
    }
}
