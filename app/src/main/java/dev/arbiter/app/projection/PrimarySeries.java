package dev.arbiter.app.projection;

import dev.arbiter.app.common.charts.TimelinePoint;
import dev.arbiter.importers.result.DailyPoint;
import dev.arbiter.importers.result.ExperimentResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The primary metric day by day, as the Monitor screen and the report chart it. */
public final class PrimarySeries {
    private PrimarySeries() {
    }

    /** Per treatment, the primary metric's absolute effect and its interval over the units exposed up to each day. */
    public static Map<String, List<TimelinePoint>> cumulativeEffect(ExperimentResult result) {
        Map<String, List<TimelinePoint>> byTreatment = new LinkedHashMap<>();
        String name = result.primary().name();
        for (String treatment : result.definition().treatments()) {
            List<TimelinePoint> points = new ArrayList<>();
            for (DailyPoint day : result.series()) {
                day.metrics().stream().filter(m -> m.name().equals(name)).findFirst()
                        .map(m -> m.comparison(treatment)).filter(c -> c.comparison().absolute().available())
                        .ifPresent(c -> points.add(new TimelinePoint(day.day(), c.comparison().absolute().estimate(),
                                c.comparison().absolute().ci().lower(), c.comparison().absolute().ci().upper())));
            }
            byTreatment.put(treatment + " − " + result.definition().control(), points);
        }
        return byTreatment;
    }
}
