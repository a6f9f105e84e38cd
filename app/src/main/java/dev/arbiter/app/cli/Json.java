package dev.arbiter.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.analytics.Effect;

/**
 * JSON for the command line: one mapper, numbers that are not finite (an unbounded one-sided
 * interval, the infinite df of normal-based methods, an effect that cannot be estimated) are
 * written as {@code null}, and input errors name the key.
 */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static void number(ObjectNode node, String key, double value) {
        if (Double.isFinite(value)) {
            node.put(key, value);
        } else {
            node.putNull(key);
        }
    }

    /** The pinned effect shape: effect, ci [lo, hi], se, df (absolute only), pValue; plus unavailable. */
    static ObjectNode effect(Effect effect, boolean withDf) {
        ObjectNode node = object();
        number(node, "effect", effect.estimate());
        ArrayNode ci = node.putArray("ci");
        for (double bound : new double[] {effect.ci().lower(), effect.ci().upper()}) {
            if (Double.isFinite(bound)) {
                ci.add(bound);
            } else {
                ci.addNull();
            }
        }
        number(node, "se", effect.standardError());
        if (withDf) {
            number(node, "df", effect.degreesOfFreedom());
        }
        number(node, "pValue", effect.pValue());
        if (!effect.available()) {
            node.put("unavailable", effect.unavailableReason());
        }
        return node;
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Reads {@code key} of {@code node} as a number, or fails naming the key path. */
    static double requiredNumber(JsonNode node, String path) {
        JsonNode value = at(node, path);
        if (value == null || value.isNull() || value.isMissingNode()) {
            throw new IllegalArgumentException("missing key \"" + path + "\"");
        }
        if (!value.isNumber()) {
            throw new IllegalArgumentException("\"" + path + "\" must be a number, got " + value);
        }
        return value.asDouble();
    }

    static double optionalNumber(JsonNode node, String path, double fallback) {
        JsonNode value = at(node, path);
        return value == null || value.isMissingNode() || value.isNull() ? fallback : requiredNumber(node, path);
    }

    static JsonNode at(JsonNode node, String path) {
        return node.at("/" + path.replace('.', '/'));
    }
}
