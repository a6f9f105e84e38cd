package dev.arbiter.importers.result;

import java.util.List;

/**
 * Unit and ratio metrics on one day since the units' first exposure (0 = the day of exposure):
 * over every unit exposed at least that many days before the last day of data, each valued by its
 * events on that day (0 without any), to see whether an effect fades or grows (novelty, primacy).
 *
 * @param day            days since first exposure
 * @param eligibleUnits  units in the sample per arm (control first)
 * @param activeUnits    of those, units with events that day
 * @param metrics        the unit and ratio metrics, without covariates
 */
public record ExposureDayPoint(int day, List<Long> eligibleUnits, List<Long> activeUnits, List<MetricResult> metrics) {
    public ExposureDayPoint {
        eligibleUnits = List.copyOf(eligibleUnits);
        activeUnits = List.copyOf(activeUnits);
        metrics = List.copyOf(metrics);
    }
}
