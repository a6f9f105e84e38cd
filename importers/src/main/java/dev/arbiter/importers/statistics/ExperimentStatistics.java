package dev.arbiter.importers.statistics;

import dev.arbiter.analytics.ArmStatistics;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the metric queries return for one experiment: units and events per slice, units
 * excluded for appearing in more than one arm, each metric's sufficient statistics per slice, the
 * fallback rate per slice (when a fallback column is named) and results by served model.
 *
 * @param units          assignment units per slice
 * @param events         events per slice
 * @param crossoverUnits units seen in more than one arm, excluded from every metric
 * @param metrics        per metric name, its statistics per slice
 * @param fallback       the fallback rate (a ratio over events) per slice, empty when not asked
 * @param servedModels   per arm and served model, empty when no model column is named
 * @param distributions  per quantile metric and arm, the percentiles 1 to 99 of its events
 * @param unitsChangingSegment per segment column, the units whose events carry more than one value
 *                       (each is counted in its smallest value)
 * @param exposureDays   unit and ratio metrics by days since first exposure, or null when not asked
 * @param byReplay       in a paired design with a replay column, per replay and arm the primary's
 *                       item values; empty otherwise
 */
public record ExperimentStatistics(Map<SliceKey, Long> units, Map<SliceKey, Long> events, long crossoverUnits,
                                   Map<String, Map<SliceKey, ArmStatistics>> metrics,
                                   Map<SliceKey, ArmStatistics> fallback, List<ServedModel> servedModels,
                                   Map<String, Map<String, double[]>> distributions,
                                   Map<String, Long> unitsChangingSegment, ExposureDays exposureDays,
                                   Map<String, Map<String, ArmStatistics>> byReplay) {
    /**
     * By days since first exposure: per day k, metric and arm the statistics, and per day and arm
     * the eligible and active units ({@code [eligible, active]}).
     */
    public record ExposureDays(Map<Integer, Map<String, Map<String, ArmStatistics>>> metrics,
                               Map<Integer, Map<String, long[]>> units) {
    }

    public ExperimentStatistics {
        units = Map.copyOf(units);
        events = Map.copyOf(events);
        metrics = Map.copyOf(metrics);
        fallback = Map.copyOf(fallback);
        servedModels = List.copyOf(servedModels);
        distributions = Map.copyOf(distributions);
        unitsChangingSegment = Collections.unmodifiableMap(new LinkedHashMap<>(unitsChangingSegment));
        byReplay = Collections.unmodifiableMap(new LinkedHashMap<>(byReplay));
    }

    /** Units in {@code slice}, 0 when it has none. */
    public long unitsIn(SliceKey slice) {
        return units.getOrDefault(slice, 0L);
    }

    /** Events in {@code slice}, 0 when it has none. */
    public long eventsIn(SliceKey slice) {
        return events.getOrDefault(slice, 0L);
    }
}
