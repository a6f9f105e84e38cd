package dev.arbiter.importers.statistics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One model's share of one arm's traffic and its event-level metric values (descriptive).
 *
 * @param arm    the assigned arm
 * @param model  the model that served the events (null when not recorded)
 * @param units  units with at least one event served by it
 * @param events events it served
 * @param values per metric name, the event-level value (NaN when it has none)
 */
public record ServedModel(String arm, String model, long units, long events, Map<String, Double> values) {
    public ServedModel {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}
