package dev.arbiter.app.projection;

import dev.arbiter.analytics.Effect;
import dev.arbiter.importers.analysis.ExperimentAnalyzer;
import dev.arbiter.importers.result.ComparisonResult;
import dev.arbiter.importers.result.ExperimentResult;
import dev.arbiter.importers.result.ExposureDayPoint;
import dev.arbiter.importers.result.MetricResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The primary metric by days since each unit's first exposure (issue 21 #8): does the effect fade
 * (novelty) or grow (learning)? The Results chart draws the relative effect per treatment; the
 * decision PDF lists the days.
 */
public final class ExposureLift {
    private ExposureLift() {
    }

    /** A day's line: the primary in one treatment against control on units that far from exposure. */
    public record Row(int day, String treatment, String units, String difference, String relative) {
    }

    /**
     * Whether there is something to show: the primary read by day (quantiles are not) on at least two
     * days with enough active units in every arm — short-lived units such as sessions have none after day 0.
     */
    public static boolean shown(ExperimentResult result) {
        return result != null && days(result).size() >= 2 && result.byDaysSinceExposure().get(0).metrics().stream()
                .anyMatch(m -> m.name().equals(result.primary().name()));
    }

    /** The days with at least {@link ExperimentAnalyzer#MIN_SEGMENT_UNITS} active units in every arm. */
    private static List<ExposureDayPoint> days(ExperimentResult result) {
        return result.byDaysSinceExposure().stream()
                .filter(p -> p.activeUnits().stream().allMatch(n -> n >= ExperimentAnalyzer.MIN_SEGMENT_UNITS)).toList();
    }

    /** Per treatment, over the days shown, points {day, relative effect %, lower %, upper %} where the effect is estimable. */
    public static Map<String, List<double[]>> relativeByDay(ExperimentResult result) {
        Map<String, List<double[]>> series = new LinkedHashMap<>();
        for (String treatment : result.definition().treatments()) {
            List<double[]> points = new ArrayList<>();
            for (ExposureDayPoint point : days(result)) {
                ComparisonResult c = primary(result, point).comparison(treatment);
                Effect relative = c == null ? null : c.comparison().relative();
                if (relative != null && relative.available()) {
                    points.add(new double[] {point.day(), 100 * relative.estimate(), 100 * relative.ci().lower(),
                            100 * relative.ci().upper()});
                }
            }
            series.put(treatment + " vs " + result.definition().control(), points);
        }
        return series;
    }

    /** One row per day shown and treatment: eligible units (control / treatment), the difference and relative effect. */
    public static List<Row> rows(ExperimentResult result) {
        List<Row> rows = new ArrayList<>();
        List<String> arms = result.definition().arms();
        for (ExposureDayPoint point : days(result)) {
            MetricResult primary = primary(result, point);
            for (String treatment : result.definition().treatments()) {
                ComparisonResult c = primary.comparison(treatment);
                String units = Format.count(point.eligibleUnits().get(0)) + " / "
                        + Format.count(point.eligibleUnits().get(arms.indexOf(treatment)));
                rows.add(new Row(point.day(), treatment, units, primary.unit().effect(c.comparison().absolute()),
                        Format.relative(c.comparison().relative())));
            }
        }
        return rows;
    }

    private static MetricResult primary(ExperimentResult result, ExposureDayPoint point) {
        String name = result.primary().name();
        return point.metrics().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
    }
}
