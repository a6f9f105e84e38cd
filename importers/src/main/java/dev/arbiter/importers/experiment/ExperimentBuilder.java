package dev.arbiter.importers.experiment;

import dev.arbiter.analytics.reading.ValueUnit;
import dev.arbiter.analytics.Alternative;
import dev.arbiter.analytics.PValueAdjustment;
import java.util.List;

/**
 * Builds the {@link Experiment} to analyse from its file form: reports every problem of the
 * definition by key to a {@link ProblemListener}, and when there is none applies the defaults
 * (α 0.05, an even split, two-sided, increase, a unit metric's mean or count, Holm across several
 * treatments) — the one place they live.
 */
public final class ExperimentBuilder {
    private ExperimentBuilder() {
    }

    /** The experiment, or null when the definition has problems (each reported to {@code problems}). */
    public static Experiment build(ExperimentDefinition definition, ProblemListener problems) {
        boolean[] found = {false};
        DefinitionChecks.ofDefinition(definition, (key, message) -> {
            found[0] = true;
            problems.report(key, message);
        });
        return found[0] ? null : resolve(definition);
    }

    /**
     * The experiment of a definition that has no problems.
     *
     * @throws IllegalArgumentException naming the problems when it has some
     */
    public static Experiment build(ExperimentDefinition definition) {
        ProblemListener.Collecting problems = ProblemListener.collecting();
        Experiment experiment = build(definition, problems);
        if (experiment == null) {
            throw new IllegalArgumentException("the definition has problems: " + String.join("; ", problems.lines()));
        }
        return experiment;
    }

    private static Experiment resolve(ExperimentDefinition d) {
        Sequential sequential = d.sequential();
        return new Experiment(d, d.name(), d.question(), d.dataset(), d.variantColumn(), d.control(), d.treatments(),
                d.plannedShares(), d.paired() ? d.itemColumn() : d.unitColumn(), d.timestampColumn(),
                alpha(d), d.power(),
                sequential != null && sequential.isEnabled(), sequential == null ? null : sequential.plannedUnitsPerArm(),
                sequential == null ? null : sequential.tuning(), metric(d.primary()),
                d.guardrails().stream().map(ExperimentBuilder::metric).toList(),
                d.secondary().stream().map(ExperimentBuilder::metric).toList(), d.segments(),
                Boolean.TRUE.equals(d.crossSegments()), d.modelColumn(), d.fallbackColumn(), d.costMetric(),
                d.priceTable(), adjustment(d));
    }

    /** The metric of a metric definition that has no problems. */
    public static Metric metric(MetricDefinition m) {
        MetricBasics basics = new MetricBasics(m.name(), m.column(), direction(m), m.where(), alternative(m), m.mde(),
                Boolean.TRUE.equals(m.mdeRelative()), m.nonInferiorityMargin(),
                Boolean.TRUE.equals(m.nonInferiorityRelative()), m.rules(), m.unit() == null ? null : ValueUnit.fromKey(m.unit()));
        return switch (m.kind()) {
            case UNIT -> new Metric.Unit(basics, aggregate(m), m.covariate());
            case RATIO -> new Metric.Ratio(basics, m.denominator(), m.covariate());
            case QUANTILE -> new Metric.Quantile(basics, m.quantile());
        };
    }

    /** The significance level as written, else 0.05. */
    public static double alpha(ExperimentDefinition d) {
        return d.alpha() == null ? ExperimentDefinition.DEFAULT_ALPHA : d.alpha();
    }

    /** Which way is better, as written, else increase. */
    public static Direction direction(MetricDefinition m) {
        return m.direction() == null ? Direction.INCREASE : m.direction();
    }

    /** A unit metric's aggregate: as written, else the mean of its column, or the count of events without one. */
    static Aggregate aggregate(MetricDefinition m) {
        if (m.aggregate() != null) {
            return m.aggregate();
        }
        return m.column() == null ? Aggregate.COUNT : Aggregate.MEAN;
    }

    /** The alternative as written, two-sided by default ({@link IllegalArgumentException} when unknown). */
    static Alternative alternative(MetricDefinition m) {
        return m.alternative() == null ? Alternative.TWO_SIDED : Alternative.parse(m.alternative());
    }

    /** The adjustment across treatment comparisons: none with one treatment or when asked, Holm by default. */
    private static PValueAdjustment adjustment(ExperimentDefinition d) {
        List<String> treatments = d.treatments();
        if (treatments.size() < 2 || "none".equals(d.multipleTesting())) {
            return null;
        }
        return "bonferroni".equals(d.multipleTesting()) ? PValueAdjustment.BONFERRONI : PValueAdjustment.HOLM;
    }
}
