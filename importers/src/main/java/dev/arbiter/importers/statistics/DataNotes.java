package dev.arbiter.importers.statistics;

import java.util.Map;

/**
 * What the data says beside the statistics, for the analysis's warnings.
 *
 * @param assignedWithoutEvents with an assignment log, per arm the assigned units with no event in the
 *                              experiment (not analysed); else empty
 * @param unpricedModels        with a price table, per model the events it served whose cost is unknown
 *                              (no price for the model, not even by its undated name); else empty
 */
public record DataNotes(Map<String, Long> assignedWithoutEvents, Map<String, Long> unpricedModels) {
    /** Nothing to say. */
    public static final DataNotes NONE = new DataNotes(Map.of(), Map.of());

    public DataNotes {
        assignedWithoutEvents = Map.copyOf(assignedWithoutEvents);
        unpricedModels = Map.copyOf(unpricedModels);
    }
}
