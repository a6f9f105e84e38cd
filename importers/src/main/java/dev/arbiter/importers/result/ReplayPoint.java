package dev.arbiter.importers.result;

import dev.arbiter.analytics.ArmValue;
import java.util.List;

/**
 * The primary metric in one replay of a paired design's eval set (its {@code replayColumn}): each
 * arm's value over the items it answered in that replay, with its interval — to see a score drift
 * between replays of a model or prompt that did not change name.
 *
 * @param replay the replay's label (a run date or id)
 * @param arms   the arms answering in that replay, in the experiment's order; units are items
 */
public record ReplayPoint(String replay, List<ArmValue> arms) {
    public ReplayPoint {
        arms = List.copyOf(arms);
    }
}
