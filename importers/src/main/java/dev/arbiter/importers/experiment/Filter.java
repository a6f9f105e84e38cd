package dev.arbiter.importers.experiment;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code where}: which events count (a metric's, or the whole experiment's). On {@code column}:
 * {@code equals} / {@code in} (one of the values), {@code notEquals} / {@code notIn} (none of them;
 * an empty value passes), {@code isNull} (true: empty, false: not empty), {@code gt}, {@code gte},
 * {@code lt}, {@code lte} (ranges); every condition given must hold. {@code all} and {@code any} combine
 * whole filters (and, or), so "exp_id is exp-7 and status is not 429" needs no SQL. Values keep their
 * JSON type (string, number, boolean) and are bound as parameters, never written into SQL.
 *
 * @param column    the column the conditions test (needed when any is given)
 * @param equals    one value, or null
 * @param in        several values, or null
 * @param notEquals one value events must not have, or null
 * @param notIn     values events must not have, or null
 * @param isNull    true: only empty values; false: only non-empty ones; null: either
 * @param gt        greater than, or null
 * @param gte       at least, or null
 * @param lt        less than, or null
 * @param lte       at most, or null
 * @param all       filters that must all hold, or null
 * @param any       filters of which one must hold, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Filter(String column, JsonNode equals, List<JsonNode> in, JsonNode notEquals, List<JsonNode> notIn,
                     Boolean isNull, JsonNode gt, JsonNode gte, JsonNode lt, JsonNode lte, List<Filter> all,
                     List<Filter> any) {
    /** Only events whose {@code column} is one of {@code values} (the original form of a where). */
    public static Filter oneOf(String column, JsonNode equals, List<JsonNode> in) {
        return new Filter(column, equals, in, null, null, null, null, null, null, null, null, null);
    }

    /** The values an event may have, from {@code equals} and {@code in} together. */
    public List<Object> values() {
        return plainValues(equals, in);
    }

    /** The values an event must not have, from {@code notEquals} and {@code notIn} together. */
    public List<Object> excluded() {
        return plainValues(notEquals, notIn);
    }

    /** Whether this filter tests its column at all (beside combining others). */
    @JsonIgnore
    public boolean testsColumn() {
        return !values().isEmpty() || !excluded().isEmpty() || isNull != null || gt != null || gte != null || lt != null
                || lte != null;
    }

    /** Whether it says anything: a condition on its column, or filters to combine. */
    @JsonIgnore
    public boolean hasCondition() {
        return testsColumn() || all != null && !all.isEmpty() || any != null && !any.isEmpty();
    }

    /** The range bounds given, as (SQL operator, value) pairs. */
    @JsonIgnore
    public List<Object[]> bounds() {
        List<Object[]> bounds = new ArrayList<>();
        addBound(bounds, ">", gt);
        addBound(bounds, ">=", gte);
        addBound(bounds, "<", lt);
        addBound(bounds, "<=", lte);
        return bounds;
    }

    private static void addBound(List<Object[]> bounds, String operator, JsonNode value) {
        if (value != null && !value.isNull()) {
            bounds.add(new Object[] {operator, plain(value)});
        }
    }

    private static List<Object> plainValues(JsonNode one, List<JsonNode> several) {
        List<Object> values = new ArrayList<>();
        if (one != null && !one.isNull()) {
            values.add(plain(one));
        }
        if (several != null) {
            several.stream().filter(node -> node != null && !node.isNull()).map(Filter::plain).forEach(values::add);
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
