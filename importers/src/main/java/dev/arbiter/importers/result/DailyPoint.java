package dev.arbiter.importers.result;

import java.time.LocalDate;
import java.util.List;

/**
 * The experiment as it stood at the end of one day, by units' day of first exposure: new and
 * cumulative units per arm, and each unit or ratio metric over the units exposed so far (its
 * moments summed over days), with the treatments' comparisons; quantile metrics give that day's
 * value (not cumulative).
 *
 * @param day             the day
 * @param newUnits        units first exposed that day, per arm (control first)
 * @param cumulativeUnits units exposed up to that day, per arm
 * @param metrics         the metrics up to that day
 */
public record DailyPoint(LocalDate day, List<Long> newUnits, List<Long> cumulativeUnits, List<MetricResult> metrics) {
    public DailyPoint {
        newUnits = List.copyOf(newUnits);
        cumulativeUnits = List.copyOf(cumulativeUnits);
        metrics = List.copyOf(metrics);
    }
}
