package dev.arbiter.importers.analysis;

import dev.arbiter.analytics.PValueAdjustment;
import dev.arbiter.importers.experiment.Experiment;
import dev.arbiter.importers.result.ComparisonResult;
import dev.arbiter.importers.result.MetricResult;
import dev.arbiter.importers.result.SegmentResult;
import dev.arbiter.importers.statistics.ExperimentStatistics;
import dev.arbiter.importers.statistics.SliceKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Every metric within each segment value, with p-values adjusted by Benjamini–Hochberg (as R
 * {@code p.adjust(p, "BH")}) within each family: one segment column (or crossed pair), one metric,
 * one treatment, across the column's values.
 */
final class SegmentReader {
    private final Experiment d;
    private final ExperimentStatistics statistics;
    private final ExperimentAnalyzer.MetricReader reader;

    SegmentReader(Experiment d, ExperimentStatistics statistics, ExperimentAnalyzer.MetricReader reader) {
        this.d = d;
        this.statistics = statistics;
        this.reader = reader;
    }

    List<SegmentResult> segments() {
        Map<String, Set<String>> values = new LinkedHashMap<>();
        statistics.units().keySet().stream().filter(SliceKey::isSegment)
                .sorted(Comparator.comparing(SliceKey::segmentColumn)
                        .thenComparing(SliceKey::segmentValue, Comparator.nullsLast(String::compareTo)))
                .forEach(key -> values.computeIfAbsent(key.segmentColumn(), c -> new LinkedHashSet<>()).add(key.segmentValue()));
        List<SegmentResult> segments = new ArrayList<>();
        for (String column : columnsInOrder(values.keySet())) {
            List<SegmentResult> family = new ArrayList<>();
            for (String value : values.get(column)) {
                family.add(segment(column, value));
            }
            segments.addAll(adjust(family));
        }
        return segments;
    }

    private List<String> columnsInOrder(Set<String> found) {
        List<String> ordered = new ArrayList<>(d.segments().stream().filter(found::contains).toList());
        found.stream().filter(column -> !ordered.contains(column)).forEach(ordered::add);
        return ordered;
    }

    private SegmentResult segment(String column, String value) {
        List<Long> units = d.arms().stream().map(arm -> statistics.unitsIn(SliceKey.segment(arm, column, value))).toList();
        boolean tooSmall = units.stream().anyMatch(n -> n < ExperimentAnalyzer.MIN_SEGMENT_UNITS);
        List<MetricResult> metrics = d.metrics().stream().map(roled -> reader.read(roled.metric(), roled.role(),
                statistics.metrics().get(roled.metric().name()), arm -> SliceKey.segment(arm, column, value))).toList();
        return new SegmentResult(column, value, units, tooSmall, metrics);
    }

    /** BH within each (metric, treatment) across the values of one column. */
    private static List<SegmentResult> adjust(List<SegmentResult> family) {
        if (family.isEmpty()) {
            return family;
        }
        int metricCount = family.get(0).metrics().size();
        List<List<MetricResult>> adjusted = new ArrayList<>();
        family.forEach(segment -> adjusted.add(new ArrayList<>(segment.metrics())));
        for (int m = 0; m < metricCount; m++) {
            for (String treatment : treatments(family.get(0).metrics().get(m))) {
                double[] p = new double[family.size()];
                for (int s = 0; s < family.size(); s++) {
                    ComparisonResult comparison = family.get(s).metrics().get(m).comparison(treatment);
                    p[s] = comparison.comparison().absolute().available() ? comparison.comparison().absolute().pValue() : Double.NaN;
                }
                double[] q = PValueAdjustment.BENJAMINI_HOCHBERG.adjust(p);
                for (int s = 0; s < family.size(); s++) {
                    double value = q[s];
                    adjusted.get(s).set(m, adjusted.get(s).get(m).mapComparisons(c -> Objects.equals(c.treatment(), treatment)
                            ? c.withAdjustedP(value) : c));
                }
            }
        }
        List<SegmentResult> result = new ArrayList<>();
        for (int s = 0; s < family.size(); s++) {
            SegmentResult segment = family.get(s);
            result.add(new SegmentResult(segment.column(), segment.value(), segment.units(), segment.tooSmall(), adjusted.get(s)));
        }
        return result;
    }

    private static List<String> treatments(MetricResult metric) {
        return metric.comparisons().stream().map(ComparisonResult::treatment).toList();
    }
}
