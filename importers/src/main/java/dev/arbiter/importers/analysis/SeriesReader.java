package dev.arbiter.importers.analysis;

import dev.arbiter.importers.experiment.Experiment;
import dev.arbiter.importers.experiment.MetricKind;
import dev.arbiter.analytics.ArmStatistics;
import dev.arbiter.importers.statistics.ExperimentStatistics;
import dev.arbiter.importers.statistics.SliceKey;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import dev.arbiter.importers.result.DailyPoint;
import dev.arbiter.importers.result.MetricResult;

/**
 * The day-by-day series by units' day of first exposure: new and cumulative units per arm, and
 * every metric over the units exposed up to each day, computed from the days' sufficient statistics
 * added up (so day d reads exactly what an analysis of those units would). Quantile metrics are
 * not additive: they give that day's events' quantile with its interval and comparison.
 */
final class SeriesReader {
    private final Experiment d;
    private final ExperimentStatistics statistics;
    private final ExperimentAnalyzer.MetricReader reader;

    SeriesReader(Experiment d, ExperimentStatistics statistics, ExperimentAnalyzer.MetricReader reader) {
        this.d = d;
        this.statistics = statistics;
        this.reader = reader;
    }

    List<DailyPoint> series() {
        List<LocalDate> days = statistics.units().keySet().stream().filter(SliceKey::isDay).map(SliceKey::day)
                .distinct().sorted().toList();
        Map<String, Map<String, ArmStatistics>> running = new HashMap<>();
        Map<String, Long> cumulative = new HashMap<>();
        List<DailyPoint> points = new ArrayList<>();
        for (LocalDate day : days) {
            List<Long> fresh = d.arms().stream().map(arm -> statistics.unitsIn(SliceKey.day(arm, day))).toList();
            for (int i = 0; i < fresh.size(); i++) {
                cumulative.merge(d.arms().get(i), fresh.get(i), Long::sum);
            }
            List<MetricResult> metrics = new ArrayList<>();
            for (var roled : d.metrics()) {
                String name = roled.metric().name();
                Map<SliceKey, ArmStatistics> byslice = statistics.metrics().get(name);
                if (roled.metric().kind() == MetricKind.QUANTILE) {
                    metrics.add(reader.read(roled.metric(), roled.role(), byslice, arm -> SliceKey.day(arm, day)));
                    continue;
                }
                Map<String, ArmStatistics> sums = running.computeIfAbsent(name, n -> new HashMap<>());
                Map<SliceKey, ArmStatistics> upToDay = new HashMap<>();
                for (String arm : d.arms()) {
                    ArmStatistics today = byslice.get(SliceKey.day(arm, day));
                    if (today != null) {
                        sums.put(arm, sums.get(arm) == null ? today : sums.get(arm).plus(today));
                    }
                    if (sums.get(arm) != null) {
                        upToDay.put(SliceKey.arm(arm), sums.get(arm));
                    }
                }
                metrics.add(reader.read(roled.metric(), roled.role(), upToDay, SliceKey::arm));
            }
            points.add(new DailyPoint(day, fresh, d.arms().stream().map(arm -> cumulative.getOrDefault(arm, 0L)).toList(),
                    metrics));
        }
        return points;
    }
}
