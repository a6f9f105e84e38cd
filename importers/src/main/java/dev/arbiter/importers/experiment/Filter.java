package dev.arbiter.importers.experiment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A metric's {@code where}: only events whose {@code column} equals a value, or is one of
 * {@code in}. Values keep their JSON type (string, number, boolean) and are bound as parameters.
 *
 * @param column the column to test
 * @param equals one value, or null
 * @param in     several values, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Filter(String column, JsonNode equals, List<JsonNode> in) {
    /** The values an event may have, from {@code equals} and {@code in} together. */
    public List<Object> values() {
        List<Object> values = new ArrayList<>();
        if (equals != null && !equals.isNull()) {
            values.add(plain(equals));
        }
        if (in != null) {
            in.stream().filter(node -> node != null && !node.isNull()).map(Filter::plain).forEach(values::add);
        }
        return values;
    }

    private static Object plain(JsonNode node) {
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        return node.asText();
    }
}
