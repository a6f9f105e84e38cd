package dev.arbiter.app.projection;

import dev.arbiter.analytics.ArmValue;
import dev.arbiter.importers.result.ExperimentResult;
import dev.arbiter.importers.result.ReplayPoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The primary by replay of a paired eval set, per arm, for the Results chart (issue 18, drift): the
 * replays' labels in order, and per arm points {replay index, value, lower, upper} where it answered.
 *
 * @param replays the replays' labels, in order
 * @param byArm   per arm, its points
 */
public record ReplaySeries(List<String> replays, Map<String, List<double[]>> byArm) {
    public static final ReplaySeries NONE = new ReplaySeries(List.of(), Map.of());

    /** The result's replays, or {@link #NONE} with fewer than two. */
    public static ReplaySeries of(ExperimentResult result) {
        if (result == null || result.byReplay().size() < 2) {
            return NONE;
        }
        List<String> replays = result.byReplay().stream().map(ReplayPoint::replay).toList();
        Map<String, List<double[]>> byArm = new LinkedHashMap<>();
        result.definition().arms().forEach(arm -> byArm.put(arm, new ArrayList<>()));
        for (int i = 0; i < replays.size(); i++) {
            for (ArmValue arm : result.byReplay().get(i).arms()) {
                if (arm.ci() != null) {
                    byArm.get(arm.name()).add(new double[] {i, arm.value(), arm.ci().lower(), arm.ci().upper()});
                }
            }
        }
        byArm.values().removeIf(List::isEmpty);
        return new ReplaySeries(replays, byArm);
    }

    public boolean isEmpty() {
        return replays.isEmpty();
    }
}
