package dev.arbiter.importers.experiment;

import dev.arbiter.analytics.reading.ValueUnit;
import dev.arbiter.importers.ingest.ColumnInfo;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Checks a definition before any query runs, and says for each problem which key and why: the
 * definition on its own ({@link #ofDefinition}), then against the dataset's columns
 * ({@link #againstColumns}) and the arms found in the data ({@link #againstArms}).
 */
public final class DefinitionChecks {
    private DefinitionChecks() {
    }

    /** Problems of the definition itself, as "key: message" lines. */
    public static List<String> ofDefinition(ExperimentDefinition d) {
        ProblemListener.Collecting problems = ProblemListener.collecting();
        ofDefinition(d, problems);
        return problems.lines();
    }

    /** Reports the problems of the definition itself: required keys, ranges, the split, metric settings. */
    public static void ofDefinition(ExperimentDefinition d, ProblemListener problems) {
        columnsAndArms(d, problems);
        levels(d, problems);
        split(problems, d);
        metrics(d, problems);
        sequential(d, problems);
        design(d, problems);
        filter(problems, "where", d.where());
        assignments(d, problems);
    }

    /** An assignment log names its dataset, and is for randomised units (not a paired eval set). */
    private static void assignments(ExperimentDefinition d, ProblemListener problems) {
        if (d.assignments() == null) {
            return;
        }
        required(problems, "assignments.dataset", d.assignments().dataset());
        if (d.paired()) {
            problems.report("assignments", "a paired design pairs answers on items, it has no assignment log");
        }
    }

    /** Problems with the assignment log's dataset: missing, or without the unit, arm or time columns named. */
    public static List<String> againstAssignments(ExperimentDefinition d, List<ColumnInfo> columns) {
        ProblemListener.Collecting problems = ProblemListener.collecting();
        Assignments a = d.assignments();
        if (a == null) {
            return problems.lines();
        }
        if (columns.isEmpty()) {
            problems.report("assignments.dataset", "the workspace has no dataset '" + a.dataset() + "'");
            return problems.lines();
        }
        Map<String, ColumnInfo> byName = columns.stream().collect(Collectors.toMap(ColumnInfo::name, Function.identity(), (x, y) -> x));
        Checker check = new Checker(problems, byName, a.dataset(), null);
        check.exists(a.unitColumn() != null ? "assignments.unitColumn" : "unitColumn", a.unitColumnOr(d.unitColumn()));
        check.exists(a.variantColumn() != null ? "assignments.variantColumn" : "variantColumn", a.variantColumnOr(d.variantColumn()));
        if (check.exists("assignments.timestampColumn", a.timestampColumn()) && !byName.get(a.timestampColumn()).isTemporal()) {
            problems.report("assignments.timestampColumn", "column '" + a.timestampColumn() + "' is "
                    + byName.get(a.timestampColumn()).type() + ", not a date or timestamp");
        }
        return problems.lines();
    }

    /** A where says something and names its column when it tests one, as do the filters it combines. */
    private static void filter(ProblemListener problems, String key, Filter filter) {
        eachFilter(key, filter, (at, each) -> {
            if (!each.hasCondition()) {
                problems.report(at, "give a condition: equals, in, notEquals, notIn, isNull, gt, gte, lt, lte, all or any");
            }
            if (each.testsColumn()) {
                required(problems, at + ".column", each.column());
            }
        });
    }

    /** The columns a where tests, and those of the filters it combines, exist in the dataset. */
    private static void filterColumns(Checker check, String key, Filter filter) {
        eachFilter(key, filter, (at, each) -> check.exists(at + ".column", each.column()));
    }

    /** {@code visit} on {@code filter} and on every filter it combines, each with its key. */
    private static void eachFilter(String key, Filter filter, BiConsumer<String, Filter> visit) {
        if (filter == null) {
            return;
        }
        visit.accept(key, filter);
        for (int i = 0; filter.all() != null && i < filter.all().size(); i++) {
            eachFilter(key + ".all[" + i + "]", filter.all().get(i), visit);
        }
        for (int i = 0; filter.any() != null && i < filter.any().size(); i++) {
            eachFilter(key + ".any[" + i + "]", filter.any().get(i), visit);
        }
    }

    /** A paired design: its item column, and only what its analysis reads (docs/experiment-format.md). */
    private static void design(ExperimentDefinition d, ProblemListener problems) {
        if (d.design() != null && !List.of("parallel", "paired").contains(d.design().trim().toLowerCase(Locale.ROOT))) {
            problems.report("design", "must be parallel or paired, not '" + d.design() + "'");
            return;
        }
        if (!d.paired()) {
            if (d.itemColumn() != null) {
                problems.report("itemColumn", "only a paired design (\"design\": \"paired\") pairs arms on an item");
            }
            if (d.replayColumn() != null) {
                problems.report("replayColumn", "only a paired design (\"design\": \"paired\") reads replays");
            }
            return;
        }
        required(problems, "itemColumn", d.itemColumn());
        if (d.sequential() != null && d.sequential().isEnabled()) {
            problems.report("sequential", "a paired design is read once on its whole eval set, not sequentially");
        }
        String notRead = "is not read in a paired design";
        if (Boolean.TRUE.equals(d.crossSegments())) {
            problems.report("crossSegments", notRead);
        }
        if (d.modelColumn() != null) {
            problems.report("modelColumn", notRead);
        }
        if (d.fallbackColumn() != null) {
            problems.report("fallbackColumn", notRead);
        }
        pairedMetric(problems, "primary", d.primary());
        for (int i = 0; i < d.guardrails().size(); i++) {
            pairedMetric(problems, "guardrails[" + i + "]", d.guardrails().get(i));
        }
        for (int i = 0; i < d.secondary().size(); i++) {
            pairedMetric(problems, "secondary[" + i + "]", d.secondary().get(i));
        }
    }

    private static void pairedMetric(ProblemListener problems, String key, MetricDefinition m) {
        if (m != null && m.kind() == MetricKind.RATIO) {
            problems.report(key + ".kind", "a paired design reads unit metrics (one value per item and arm, e.g. the mean "
                    + "of a score over an item's samples) and quantiles of the answers; ratio metrics are not read paired");
        }
        if (m != null && m.covariate() != null) {
            problems.report(key + ".covariate", "pairing on the item already removes its difficulty: no CUPED covariate "
                    + "in a paired design");
        }
    }

    /** The dataset, the variant and unit columns, the control and the treatments. */
    private static void columnsAndArms(ExperimentDefinition d, ProblemListener problems) {
        required(problems, "dataset", d.dataset());
        if (d.dataset() != null && d.dataset().toLowerCase(Locale.ROOT).startsWith("arbiter_")) {
            problems.report("dataset", "'" + d.dataset() + "' is one of Arbiter's own tables (names starting with "
                    + "'arbiter_'), not a dataset of events");
        }
        required(problems, "variantColumn", d.variantColumn());
        if (!d.paired()) {
            required(problems, "unitColumn", d.unitColumn());
        }
        required(problems, "control", d.control());
        if (d.treatments().isEmpty()) {
            problems.report("treatments", "name at least one treatment arm");
        }
        Set<String> arms = new HashSet<>();
        d.arms().stream().filter(arm -> arm != null && !arms.add(arm))
                .forEach(arm -> problems.report("treatments", "arm '" + arm + "' is listed twice"));
    }

    /** α, power and the adjustment across treatments. */
    private static void levels(ExperimentDefinition d, ProblemListener problems) {
        if (d.multipleTesting() != null && !List.of("holm", "bonferroni", "none").contains(d.multipleTesting())) {
            problems.report("multipleTesting", "must be holm, bonferroni or none, got '" + d.multipleTesting() + "'");
        }
        if (d.alpha() != null && !(d.alpha() > 0 && d.alpha() <= 0.5)) {
            problems.report("alpha", "must be between 0 and 0.5, got " + d.alpha());
        }
        if (d.power() != null && !(d.power() > 0 && d.power() < 1)) {
            problems.report("power", "must be between 0 and 1, got " + d.power());
        }
    }

    /** Every metric by its key, their names unique, the cost metric among them. */
    private static void metrics(ExperimentDefinition d, ProblemListener problems) {
        if (d.primary() == null) {
            problems.report("primary", "the experiment needs one primary metric");
        } else {
            metric(problems, "primary", d.primary(), d, false);
            if (d.primary().mde() == null || !(d.primary().mde() > 0)) {
                problems.report("primary.mde", "the primary metric needs a positive minimum detectable effect");
            }
        }
        for (int i = 0; i < d.guardrails().size(); i++) {
            metric(problems, "guardrails[" + i + "]", d.guardrails().get(i), d, true);
        }
        for (int i = 0; i < d.secondary().size(); i++) {
            metric(problems, "secondary[" + i + "]", d.secondary().get(i), d, false);
        }
        Set<String> names = new HashSet<>();
        d.metrics().stream().map(m -> m.metric().name()).filter(name -> name != null && !names.add(name))
                .forEach(name -> problems.report("metrics", "the name '" + name + "' is used twice"));
        if (d.costMetric() != null && !names.contains(d.costMetric())) {
            problems.report("costMetric", "there is no metric named '" + d.costMetric() + "'");
        }
    }

    private static void sequential(ExperimentDefinition d, ProblemListener problems) {
        Sequential sequential = d.sequential();
        if (sequential != null && sequential.plannedUnitsPerArm() != null && sequential.plannedUnitsPerArm() <= 0) {
            problems.report("sequential.plannedUnitsPerArm", "must be positive, got " + sequential.plannedUnitsPerArm());
        }
        if (sequential != null && sequential.tuning() != null && !(sequential.tuning() > 0)) {
            problems.report("sequential.tuning", "must be positive, got " + sequential.tuning());
        }
    }

    /** Problems with the dataset: missing columns, a metric on a text column, a timestamp that is not a time. */
    public static List<String> againstColumns(ExperimentDefinition d, List<ColumnInfo> columns) {
        ProblemListener.Collecting problems = ProblemListener.collecting();
        againstColumns(d, columns, problems);
        return problems.lines();
    }

    /** Reports the dataset's problems (see {@link #againstColumns(ExperimentDefinition, List)}). */
    public static void againstColumns(ExperimentDefinition d, List<ColumnInfo> columns, ProblemListener problems) {
        if (columns.isEmpty()) {
            problems.report("dataset", "the workspace has no dataset '" + d.dataset() + "'");
            return;
        }
        Map<String, ColumnInfo> byName = columns.stream().collect(Collectors.toMap(ColumnInfo::name, Function.identity(), (a, b) -> a));
        PriceTable prices = d.priceTable();
        String computed = prices == null ? null : prices.column();
        Checker check = new Checker(problems, byName, d.dataset(), computed);
        if (d.assignments() == null) {
            check.exists("variantColumn", d.variantColumn()); // else the arm is in the assignment log
        }
        check.exists("unitColumn", d.unitColumn());
        check.exists("itemColumn", d.itemColumn());
        filterColumns(check, "where", d.where());
        check.exists("replayColumn", d.replayColumn());
        if (check.exists("timestampColumn", d.timestampColumn()) && !byName.get(d.timestampColumn()).isTemporal()) {
            problems.report("timestampColumn", "column '" + d.timestampColumn() + "' is " + byName.get(d.timestampColumn()).type()
                    + ", not a date or timestamp");
        }
        for (int i = 0; i < d.segments().size(); i++) {
            check.exists("segments[" + i + "]", d.segments().get(i));
        }
        check.exists("modelColumn", d.modelColumn());
        check.number("fallbackColumn", d.fallbackColumn());
        if (prices != null) {
            check.exists("priceTable.modelColumn", prices.modelColumn());
            check.number("priceTable.tokensInColumn", prices.tokensInColumn());
            check.number("priceTable.tokensOutColumn", prices.tokensOutColumn());
        }
        d.metrics().forEach(roled -> metricColumns(check, key(d, roled), roled.metric()));
    }

    /** The columns a metric reads: numbers (or true/false), its filter's column, a covariate's column. */
    private static void metricColumns(Checker check, String key, MetricDefinition m) {
        check.number(key + ".column", m.column());
        check.number(key + ".denominator", m.denominator());
        filterColumns(check, key + ".where", m.where());
        if (m.covariate() != null && !m.covariate().isPreExposure()) {
            check.number(key + ".covariate.column", m.covariate().column());
        }
    }

    /** The most distinct values a segment column may have: each value is read as its own comparison. */
    public static final int MAX_SEGMENT_VALUES = 100;

    /**
     * Problems with the segments: a column with more than {@link #MAX_SEGMENT_VALUES} values (an id,
     * a timestamp) cannot be read value by value — a million values took 9 GB and half an hour.
     *
     * @param distinctValues per segment column, its distinct values (counted up to one more than the maximum)
     */
    public static List<String> againstSegmentValues(ExperimentDefinition d, List<Long> distinctValues) {
        ProblemListener.Collecting problems = ProblemListener.collecting();
        for (int i = 0; i < d.segments().size(); i++) {
            if (distinctValues.get(i) > MAX_SEGMENT_VALUES) {
                problems.report("segments[" + i + "]", "column '" + d.segments().get(i) + "' has more than "
                        + MAX_SEGMENT_VALUES + " distinct values; a segment is read value by value, so choose a column "
                        + "with fewer values (plan, region, model), or group its values into a new column first");
            }
        }
        return problems.lines();
    }

    /** Problems with the arms: a control or treatment that does not occur in the variant column. */
    public static List<String> againstArms(ExperimentDefinition d, List<String> valuesInData) {
        ProblemListener.Collecting problems = ProblemListener.collecting();
        String found = valuesInData.size() > 20 ? String.join(", ", valuesInData.subList(0, 20)) + ", ..."
                : String.join(", ", valuesInData);
        if (!valuesInData.contains(d.control())) {
            problems.report("control", "'" + d.control() + "' does not occur in column '" + d.variantColumn() + "' (values: " + found + ")");
        }
        for (int i = 0; i < d.treatments().size(); i++) {
            if (!valuesInData.contains(d.treatments().get(i))) {
                problems.report("treatments[" + i + "]", "'" + d.treatments().get(i) + "' does not occur in column '"
                        + d.variantColumn() + "' (values: " + found + ")");
            }
        }
        return problems.lines();
    }

    /** The key path of a metric, e.g. {@code guardrails[1]}. */
    static String key(ExperimentDefinition d, ExperimentDefinition.RoledMetric roled) {
        return switch (roled.role()) {
            case PRIMARY -> "primary";
            case GUARDRAIL -> "guardrails[" + d.guardrails().indexOf(roled.metric()) + "]";
            case SECONDARY -> "secondary[" + d.secondary().indexOf(roled.metric()) + "]";
        };
    }

    private static void split(ProblemListener problems, ExperimentDefinition d) {
        if (d.split() == null || d.split().isEmpty()) {
            return;
        }
        double sum = 0;
        for (Map.Entry<String, Double> share : d.split().entrySet()) {
            if (!d.arms().contains(share.getKey())) {
                problems.report("split." + share.getKey(), "'" + share.getKey() + "' is not one of the arms " + d.arms());
            }
            if (share.getValue() == null || !(share.getValue() > 0 && share.getValue() < 1)) {
                problems.report("split." + share.getKey(), "a share must be between 0 and 1, got " + share.getValue());
            } else {
                sum += share.getValue();
            }
        }
        d.arms().stream().filter(arm -> arm != null && !d.split().containsKey(arm))
                .forEach(arm -> problems.report("split", "arm '" + arm + "' has no planned share"));
        if (Math.abs(sum - 1) > 1e-6) {
            problems.report("split", "the shares must sum to 1, they sum to " + (Math.round(sum * 1e6) / 1e6));
        }
    }

    private static void metric(ProblemListener problems, String key, MetricDefinition m, ExperimentDefinition d,
                               boolean guardrail) {
        required(problems, key + ".name", m.name());
        if (m.kind() == null) {
            problems.report(key + ".kind", "say unit, ratio or quantile");
            return;
        }
        kindSettings(problems, key, m);
        covariate(problems, key, m, d);
        filter(problems, key + ".where", m.where());
        readingSettings(problems, key, m);
        unit(problems, key, m);
        if (guardrail && m.maxRatio() == null && m.minRatio() == null && m.maxValue() == null && m.minValue() == null) {
            problems.report(key, "a guardrail needs a rule: maxRatio, minRatio, maxValue or minValue");
        }
    }

    private static void unit(ProblemListener problems, String key, MetricDefinition m) {
        if (m.unit() == null) {
            return;
        }
        try {
            ValueUnit.fromKey(m.unit());
        } catch (IllegalArgumentException e) {
            problems.report(key + ".unit", e.getMessage());
        }
    }

    /** The settings that belong to one kind only: a column, the quantile, the aggregate, the denominator. */
    private static void kindSettings(ProblemListener problems, String key, MetricDefinition m) {
        if (m.column() == null && !(m.kind() == MetricKind.UNIT && ExperimentBuilder.aggregate(m) == Aggregate.COUNT)) {
            problems.report(key + ".column", "a " + m.kind().key() + " metric needs a column");
        }
        if (m.kind() == MetricKind.QUANTILE && (m.quantile() == null || !(m.quantile() > 0 && m.quantile() < 1))) {
            problems.report(key + ".quantile", "a quantile metric needs a probability strictly between 0 and 1, e.g. 0.95"
                    + (m.quantile() == null ? "" : ", got " + m.quantile()));
        }
        if (m.kind() != MetricKind.QUANTILE && m.quantile() != null) {
            problems.report(key + ".quantile", "only quantile metrics take a probability");
        }
        if (m.kind() != MetricKind.UNIT && m.aggregate() != null) {
            problems.report(key + ".aggregate", "only unit metrics take an aggregate");
        }
        if (m.kind() != MetricKind.RATIO && m.denominator() != null) {
            problems.report(key + ".denominator", "only ratio metrics take a denominator");
        }
    }

    /** How the metric is read: margin, MDE, alternative and rules. */
    private static void readingSettings(ProblemListener problems, String key, MetricDefinition m) {
        if (m.nonInferiorityMargin() != null && !(m.nonInferiorityMargin() > 0)) {
            problems.report(key + ".nonInferiorityMargin", "must be positive, got " + m.nonInferiorityMargin());
        }
        if (m.mde() != null && !(m.mde() > 0)) {
            problems.report(key + ".mde", "must be positive, got " + m.mde());
        }
        try {
            ExperimentBuilder.alternative(m);
            m.rules();
        } catch (IllegalArgumentException e) {
            problems.report(key, e.getMessage());
        }
    }

    private static void covariate(ProblemListener problems, String key, MetricDefinition m, ExperimentDefinition d) {
        Covariate covariate = m.covariate();
        if (covariate == null) {
            return;
        }
        if (m.kind() == MetricKind.QUANTILE) {
            problems.report(key + ".covariate", "CUPED applies to unit and ratio metrics, not quantiles");
        } else if (covariate.isPreExposure() && d.timestampColumn() == null) {
            problems.report(key + ".covariate", "a pre-exposure covariate needs the timestampColumn");
        } else if (!covariate.isPreExposure() && m.kind() == MetricKind.RATIO) {
            problems.report(key + ".covariate", "a ratio metric's covariate must be \"preExposure\"");
        } else if (!covariate.isPreExposure() && covariate.column() == null) {
            problems.report(key + ".covariate", "give \"preExposure\" or a column");
        }
    }

    private static void required(ProblemListener problems, String key, String value) {
        if (value == null || value.isBlank()) {
            problems.report(key, "missing");
        }
    }

    /** Column checks against one dataset, collecting problems. */
    private record Checker(ProblemListener problems, Map<String, ColumnInfo> columns, String dataset, String computed) {
        boolean exists(String key, String column) {
            if (column == null) {
                return false;
            }
            if (columns.containsKey(column) || column.equals(computed)) {
                return true;
            }
            String near = columns.keySet().stream().filter(name -> name.equalsIgnoreCase(column)).findFirst()
                    .map(name -> " (did you mean '" + name + "'?)").orElse("");
            problems.report(key, "dataset '" + dataset + "' has no column '" + column + "'" + near);
            return false;
        }

        void number(String key, String column) {
            if (exists(key, column) && !column.equals(computed)) {
                ColumnInfo info = columns.get(column);
                if (!info.isNumeric() && !info.isBoolean()) {
                    problems.report(key, "column '" + column + "' is " + info.type()
                            + "; a metric needs numbers or true/false");
                }
            }
        }
    }
}
