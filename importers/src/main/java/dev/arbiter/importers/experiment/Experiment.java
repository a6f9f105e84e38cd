package dev.arbiter.importers.experiment;

import dev.arbiter.analytics.PValueAdjustment;
import java.util.ArrayList;
import java.util.List;

/**
 * An experiment ready to analyse: its file form ({@link ExperimentDefinition}, kept as
 * {@link #file()} for what is written back or attached) checked and resolved by
 * {@link ExperimentBuilder} — defaults applied, every list present, each metric of its own kind.
 *
 * @param file               the definition as read
 * @param name               shown in reports
 * @param question           the one concrete question the test answers, or null
 * @param dataset            the workspace table holding the events
 * @param variantColumn      the assigned arm
 * @param control            the control arm's value
 * @param treatments         the treatment arms' values
 * @param plannedShares      planned share of units per arm, control first (even when none was given)
 * @param unitColumn         the assignment unit; in a paired design, the item column
 * @param timestampColumn    event time, or null
 * @param alpha              significance level
 * @param power              planned power, or null when none was written
 * @param sequential         whether sequential mode is on
 * @param plannedUnitsPerArm the planned units per arm, or null
 * @param sequentialTuning   the confidence sequence's tuning N*, or null for the planned units
 * @param primary            the primary metric
 * @param guardrails         guardrail metrics with their rules
 * @param secondary          further metrics, read but not decided on
 * @param segments           columns to split results by
 * @param crossSegments      also every pair of segment columns crossed
 * @param modelColumn        the model that served each event, or null
 * @param fallbackColumn     a 0/1 column marking fallback events, or null
 * @param costMetric         the name of the metric that says which arm is cheaper, or null (found by name)
 * @param priceTable         cost from tokens, or null
 * @param adjustment         the adjustment across treatment comparisons, or null (one treatment, or none asked)
 */
public record Experiment(ExperimentDefinition file, String name, String question, String dataset, String variantColumn,
                         String control, List<String> treatments, List<Double> plannedShares, String unitColumn,
                         String timestampColumn, double alpha, Double power, boolean sequential, Long plannedUnitsPerArm,
                         Double sequentialTuning, Metric primary, List<Metric> guardrails, List<Metric> secondary,
                         List<String> segments, boolean crossSegments, String modelColumn, String fallbackColumn,
                         String costMetric, PriceTable priceTable, PValueAdjustment adjustment) {
    /** Whether every arm answers the same items, paired on {@link #unitColumn()} (then the item column). */
    public boolean paired() {
        return file.paired();
    }

    public Experiment {
        treatments = List.copyOf(treatments);
        plannedShares = List.copyOf(plannedShares);
        guardrails = List.copyOf(guardrails);
        secondary = List.copyOf(secondary);
        segments = List.copyOf(segments);
    }

    /** Control first, then the treatments. */
    public List<String> arms() {
        List<String> arms = new ArrayList<>();
        arms.add(control);
        arms.addAll(treatments);
        return arms;
    }

    /** Every metric with its role, primary first. */
    public List<RoledMetric> metrics() {
        List<RoledMetric> all = new ArrayList<>();
        all.add(new RoledMetric(primary, MetricRole.PRIMARY));
        guardrails.forEach(metric -> all.add(new RoledMetric(metric, MetricRole.GUARDRAIL)));
        secondary.forEach(metric -> all.add(new RoledMetric(metric, MetricRole.SECONDARY)));
        return all;
    }

    /** A metric and the part it plays. */
    public record RoledMetric(Metric metric, MetricRole role) {
    }
}
