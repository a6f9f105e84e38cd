package dev.arbiter.importers.result;

import java.util.List;
import dev.arbiter.importers.analysis.ExperimentAnalyzer;

/**
 * Every metric within one segment value (or crossed pair of values).
 *
 * @param column       the segment column, or {@code "a × b"} for a crossed pair
 * @param value        the value, or {@code "x × y"}; null when units have no value
 * @param units        units in the segment per arm, control first
 * @param tooSmall     fewer than {@link ExperimentAnalyzer#MIN_SEGMENT_UNITS} units in some arm: read with care
 * @param metrics      the metrics, comparisons carrying BH-adjusted p-values
 */
public record SegmentResult(String column, String value, List<Long> units, boolean tooSmall, List<MetricResult> metrics) {
    public SegmentResult {
        units = List.copyOf(units);
        metrics = List.copyOf(metrics);
    }
}
