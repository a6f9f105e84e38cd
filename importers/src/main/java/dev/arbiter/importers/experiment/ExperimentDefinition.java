package dev.arbiter.importers.experiment;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An experiment as the analyst defines it, in its file form: which dataset and columns, the arms
 * and their planned split, the primary metric, guardrails, secondary metrics and segments, each
 * nullable where the file may leave it out. The JSON keys are a contract
 * (docs/experiment-format.md): extended, never renamed. {@link ExperimentBuilder} checks it and
 * resolves it into the {@link Experiment} that is analysed.
 *
 * @param name            shown in reports
 * @param question        the one concrete question the test answers
 * @param dataset         the workspace table holding the events
 * @param variantColumn   the assigned arm
 * @param control         the control arm's value
 * @param treatments      the treatment arms' values
 * @param split           planned share of units per arm (sums to 1)
 * @param unitColumn      the assignment unit (request, session or user id)
 * @param timestampColumn event time (for as-of, days, pre-exposure covariates)
 * @param alpha           significance level (default 0.05)
 * @param power           planned power (default 0.8)
 * @param sequential      sequential mode and planned sample, optional
 * @param primary         the primary metric
 * @param guardrails      guardrail metrics with their stop rules
 * @param secondary       further metrics, read but not decided on
 * @param segments        columns to split results by
 * @param crossSegments   also analyse every pair of segment columns crossed
 * @param modelColumn     the model that actually served each event (results by served model)
 * @param fallbackColumn  a 0/1 column marking events served by the fallback model
 * @param costMetric      the metric that says which arm is cheaper (default: a metric named or
 *                        reading a column with "cost" in it)
 * @param priceTable      cost from tokens when the export has no cost column
 * @param multipleTesting with several treatments, how their comparisons with control are adjusted:
 *                        {@code holm} (default), {@code bonferroni} or {@code none}
 * @param design          {@code parallel} (default: units randomised to arms) or {@code paired} (every
 *                        arm answers the same items, e.g. an eval set replayed through each candidate)
 * @param itemColumn      in a paired design, the item the arms are paired on (the eval prompt's id)
 * @param replayColumn    in a paired design, the replay (run date or id) of each answer: the primary is
 *                        also read per replay and arm, to see drift
 * @param where           only events matching this filter belong to the experiment (a request log
 *                        holding several experiments), or null for all
 * @param assignments     arms from a separate assignment log joined on the unit, or null when the
 *                        events carry their arm
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"name", "question", "dataset", "variantColumn", "control", "treatments", "split", "unitColumn",
        "timestampColumn", "alpha", "power", "sequential", "primary", "guardrails", "secondary", "segments"})
public record ExperimentDefinition(String name, String question, String dataset, String variantColumn, String control,
                                   List<String> treatments, Map<String, Double> split, String unitColumn,
                                   String timestampColumn, Double alpha, Double power, Sequential sequential,
                                   MetricDefinition primary, List<MetricDefinition> guardrails,
                                   List<MetricDefinition> secondary, List<String> segments, Boolean crossSegments,
                                   String modelColumn, String fallbackColumn, String costMetric,
                                   PriceTable priceTable, String multipleTesting, String design, String itemColumn,
                                   String replayColumn, Filter where, Assignments assignments) {
    /** Default significance level. */
    public static final double DEFAULT_ALPHA = 0.05;

    public ExperimentDefinition {
        treatments = treatments == null ? List.of() : List.copyOf(treatments);
        split = split == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(split));
        guardrails = guardrails == null ? List.of() : List.copyOf(guardrails);
        secondary = secondary == null ? List.of() : List.copyOf(secondary);
        segments = segments == null ? List.of() : List.copyOf(segments);
    }

    /** Control first, then the treatments. */
    @JsonIgnore
    public List<String> arms() {
        List<String> arms = new ArrayList<>();
        arms.add(control);
        arms.addAll(treatments);
        return arms;
    }

    /** Planned share per arm in {@link #arms()} order; an even split when none is given. */
    @JsonIgnore
    public List<Double> plannedShares() {
        List<String> arms = arms();
        if (split == null || split.isEmpty()) {
            return arms.stream().map(arm -> 1.0 / arms.size()).toList();
        }
        return arms.stream().map(arm -> split.getOrDefault(arm, 0.0)).toList();
    }

    /** Every metric with its role, primary first. */
    @JsonIgnore
    public List<RoledMetric> metrics() {
        List<RoledMetric> all = new ArrayList<>();
        if (primary != null) {
            all.add(new RoledMetric(primary, MetricRole.PRIMARY));
        }
        guardrails.forEach(metric -> all.add(new RoledMetric(metric, MetricRole.GUARDRAIL)));
        secondary.forEach(metric -> all.add(new RoledMetric(metric, MetricRole.SECONDARY)));
        return all;
    }

    /** The planned units per arm, or null when no plan was recorded. */
    @JsonIgnore
    public Long plannedUnitsPerArm() {
        return sequential == null ? null : sequential.plannedUnitsPerArm();
    }

    /**
     * The same experiment with a plan: the primary's MDE, α, power and the planned units per arm
     * (kept in {@code sequential.plannedUnitsPerArm}, whether or not sequential mode is on).
     */
    public ExperimentDefinition withPlan(long plannedPerArm, double mde, boolean mdeRelative, double newAlpha,
                                         double newPower) {
        Sequential plan = new Sequential(sequential == null ? null : sequential.enabled(), plannedPerArm,
                sequential == null ? null : sequential.tuning());
        // a default left unwritten stays unwritten, so the definition changes only where the plan did
        Double keptAlpha = alpha == null && newAlpha == DEFAULT_ALPHA ? null : newAlpha;
        Double keptPower = power == null && newPower == 0.8 ? null : newPower;
        return new ExperimentDefinition(name, question, dataset, variantColumn, control, treatments, split, unitColumn,
                timestampColumn, keptAlpha, keptPower, plan, primary.withMde(mde, mdeRelative), guardrails, secondary, segments,
                crossSegments, modelColumn, fallbackColumn, costMetric, priceTable, multipleTesting, design, itemColumn,
                replayColumn, where, assignments);
    }

    /** The same experiment reading {@code table} (events found elsewhere than the definition says: {@code analyze --source}). */
    public ExperimentDefinition withDataset(String table) {
        return new ExperimentDefinition(name, question, table, variantColumn, control, treatments, split, unitColumn,
                timestampColumn, alpha, power, sequential, primary, guardrails, secondary, segments, crossSegments, modelColumn,
                fallbackColumn, costMetric, priceTable, multipleTesting, design, itemColumn, replayColumn, where, assignments);
    }

    /** Whether every arm answers the same items ({@code "design": "paired"}). */
    @JsonIgnore
    public boolean paired() {
        return "paired".equalsIgnoreCase(design == null ? "" : design.trim());
    }

    /** A metric and the part it plays. */
    public record RoledMetric(MetricDefinition metric, MetricRole role) {
    }
}
