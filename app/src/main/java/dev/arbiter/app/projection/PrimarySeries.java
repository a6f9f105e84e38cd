package dev.arbiter.app.projection;

import dev.arbiter.analytics.reading.ValueUnit;
import dev.arbiter.app.common.charts.TimelinePoint;
import dev.arbiter.importers.result.DailyPoint;
import dev.arbiter.importers.result.ExperimentResult;
import dev.arbiter.importers.result.MetricResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The primary metric day by day, as the Monitor screen and the report chart it: in the metric's
 * unit, a proportion in percent and its differences in percentage points.
 */
public final class PrimarySeries {
    private PrimarySeries() {
    }

    /** The effect chart's axis, treatment − control: "difference (pp)". */
    public static String effectAxis(ExperimentResult result) {
        String label = result.primary().unit().differenceLabel();
        return "difference" + (label.isEmpty() ? "" : " (" + (label.equals("percentage points") ? "pp" : label) + ")");
    }

    /** The value chart's axis: "resolution_rate (%)". */
    public static String valueAxis(ExperimentResult result) {
        String label = result.primary().unit().differenceLabel();
        return result.primary().name() + (label.isEmpty() ? "" : " (" + (label.equals("percentage points") ? "%" : label) + ")");
    }

    /** Per arm, the primary metric over the units exposed up to each day, with its interval. */
    public static Map<String, List<TimelinePoint>> cumulativeValue(ExperimentResult result) {
        Map<String, List<TimelinePoint>> byArm = new LinkedHashMap<>();
        result.arms().forEach(arm -> byArm.put(arm.name(), new ArrayList<>()));
        double scale = scale(result);
        for (DailyPoint day : result.series()) {
            MetricResult metric = day.metrics().stream().filter(m -> m.name().equals(result.primary().name())).findFirst()
                    .orElse(null);
            if (metric != null) {
                metric.arms().forEach(arm -> byArm.get(arm.name()).add(new TimelinePoint(day.day(), scale * arm.value(),
                        arm.ci() == null ? Double.NaN : scale * arm.ci().lower(),
                        arm.ci() == null ? Double.NaN : scale * arm.ci().upper())));
            }
        }
        return byArm;
    }

    /** 100 for a proportion drawn in percent, else 1. */
    private static double scale(ExperimentResult result) {
        return result.primary().unit() == ValueUnit.PERCENT ? 100 : 1;
    }

    /** Per treatment, the primary metric's absolute effect and its interval over the units exposed up to each day. */
    public static Map<String, List<TimelinePoint>> cumulativeEffect(ExperimentResult result) {
        Map<String, List<TimelinePoint>> byTreatment = new LinkedHashMap<>();
        String name = result.primary().name();
        double scale = scale(result);
        for (String treatment : result.definition().treatments()) {
            List<TimelinePoint> points = new ArrayList<>();
            for (DailyPoint day : result.series()) {
                day.metrics().stream().filter(m -> m.name().equals(name)).findFirst()
                        .map(m -> m.comparison(treatment)).filter(c -> c.comparison().absolute().available())
                        .ifPresent(c -> points.add(new TimelinePoint(day.day(), scale * c.comparison().absolute().estimate(),
                                scale * c.comparison().absolute().ci().lower(), scale * c.comparison().absolute().ci().upper())));
            }
            byTreatment.put(treatment + " − " + result.definition().control(), points);
        }
        return byTreatment;
    }
}
