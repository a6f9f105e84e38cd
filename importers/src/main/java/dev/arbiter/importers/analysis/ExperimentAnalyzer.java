package dev.arbiter.importers.analysis;

import dev.arbiter.analytics.ArmStatistics;
import dev.arbiter.analytics.ArmValue;
import dev.arbiter.analytics.Comparison;
import dev.arbiter.analytics.MetricComparator;
import dev.arbiter.analytics.NonInferiority;
import dev.arbiter.analytics.PValueAdjustment;
import dev.arbiter.analytics.SampleRatioCheck;
import dev.arbiter.analytics.SequentialTest;
import dev.arbiter.analytics.plan.Progress;
import dev.arbiter.analytics.reading.GuardrailCheck;
import dev.arbiter.importers.experiment.DefinitionChecks;
import dev.arbiter.importers.experiment.Experiment;
import dev.arbiter.importers.experiment.ExperimentBuilder;
import dev.arbiter.importers.experiment.ExperimentDefinition;
import dev.arbiter.importers.experiment.ExperimentException;
import dev.arbiter.importers.experiment.Metric;
import dev.arbiter.importers.experiment.MetricBasics;
import dev.arbiter.importers.experiment.MetricRole;
import dev.arbiter.importers.experiment.ProblemListener;
import dev.arbiter.importers.ingest.ColumnInfo;
import dev.arbiter.importers.result.ReplayPoint;
import dev.arbiter.importers.result.ArmSummary;
import dev.arbiter.importers.result.ComparisonResult;
import dev.arbiter.importers.result.DailyPoint;
import dev.arbiter.importers.result.ExperimentResult;
import dev.arbiter.importers.result.ExposureDayPoint;
import dev.arbiter.importers.result.MetricResult;
import dev.arbiter.importers.result.SegmentResult;
import dev.arbiter.importers.statistics.DataNotes;
import dev.arbiter.importers.statistics.ExperimentStatistics;
import dev.arbiter.importers.statistics.JdbcStatisticsSource;
import dev.arbiter.importers.statistics.SliceKey;
import dev.arbiter.importers.statistics.SqlDialect;
import dev.arbiter.importers.statistics.StatisticsSource;
import dev.arbiter.importers.workspace.Workspace;
import dev.arbiter.importers.workspace.WorkspaceException;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Analyses an experiment in a workspace: checks the definition against the data, runs the metric
 * queries, and reads every metric, segment and day with the analytics procedures, then the
 * recommendation by the reading order.
 */
public final class ExperimentAnalyzer {
    /** Segments with fewer units than this in an arm are flagged as too small to read. */
    public static final long MIN_SEGMENT_UNITS = 100;
    /** The name of the fallback rate's result. */
    public static final String FALLBACK_RATE = "fallback_rate";
    /** Days since first exposure the app and the decision PDF read (days 0 to this), to show novelty effects. */
    public static final int EXPOSURE_DAYS_SHOWN = 7;

    private ExperimentAnalyzer() {
    }

    /**
     * @param workspace  an open workspace
     * @param definition the experiment
     * @param asOf       the last day of events to include, or null for all
     * @param source     how to name the definition in messages (usually its file name)
     */
    public static ExperimentResult analyze(Workspace workspace, ExperimentDefinition definition, LocalDate asOf,
                                           String source) throws ExperimentException, WorkspaceException {
        return analyze(workspace, definition, asOf, source, 0);
    }

    /** How many days since exposure the screens and the PDF read for {@code definition}: 0 without a timestamp. */
    public static int exposureDaysShown(ExperimentDefinition definition) {
        return definition.timestampColumn() == null ? 0 : EXPOSURE_DAYS_SHOWN;
    }

    /**
     * As {@link #analyze(Workspace, ExperimentDefinition, LocalDate, String)}, also reading unit and
     * ratio metrics by days 0..{@code exposureDays} since first exposure (0: not; needs a timestamp).
     */
    public static ExperimentResult analyze(Workspace workspace, ExperimentDefinition definition, LocalDate asOf,
                                           String source, int exposureDays) throws ExperimentException, WorkspaceException {
        return analyze(new JdbcStatisticsSource(workspace::newConnection, SqlDialect.DUCKDB, workspace.file().toString()),
                definition, asOf, source, exposureDays);
    }

    /**
     * As {@link #analyze(Workspace, ExperimentDefinition, LocalDate, String, int)}, on the events
     * behind any {@link StatisticsSource} (the seam to other engines).
     */
    public static ExperimentResult analyze(StatisticsSource events, ExperimentDefinition definition, LocalDate asOf,
                                           String source, int exposureDays) throws ExperimentException, WorkspaceException {
        ProblemListener.Collecting problems = ProblemListener.collecting();
        Experiment experiment = ExperimentBuilder.build(definition, problems);
        if (experiment == null) {
            throw new ExperimentException(source, problems.lines());
        }
        try {
            List<ColumnInfo> columns = events.columns(definition.dataset());
            List<String> found = new ArrayList<>(DefinitionChecks.againstColumns(definition, columns));
            if (definition.assignments() != null) {
                found.addAll(DefinitionChecks.againstAssignments(definition, events.columns(definition.assignments().dataset())));
            }
            if (found.isEmpty()) {
                found = DefinitionChecks.againstArms(definition, events.armValues(experiment));
            }
            if (found.isEmpty()) {
                found = DefinitionChecks.againstSegmentValues(definition, segmentValues(events, experiment));
            }
            if (!found.isEmpty()) {
                throw new ExperimentException(source, found);
            }
            ExperimentStatistics statistics = events.statistics(experiment, columns, asOf, exposureDays);
            return new ResultBuilder(experiment, asOf, statistics, exposureDays)
                    .noting(events.dataNotes(experiment, columns, asOf)).build();
        } catch (SQLException e) {
            throw new WorkspaceException("Cannot analyse '" + definition.name() + "' in " + events.describe() + ": "
                    + e.getMessage(), e);
        }
    }

    private static List<Long> segmentValues(StatisticsSource events, Experiment experiment) throws SQLException {
        List<Long> counts = new ArrayList<>();
        for (String segment : experiment.segments()) {
            counts.add(events.distinctValues(experiment.dataset(), segment, DefinitionChecks.MAX_SEGMENT_VALUES));
        }
        return counts;
    }

    /** Turns statistics into results. */
    static final class ResultBuilder {
        private final Experiment d;
        private final LocalDate asOf;
        private final ExperimentStatistics statistics;
        private final MetricComparator comparator;
        private final List<String> warnings = new ArrayList<>();

        ResultBuilder(Experiment d, LocalDate asOf, ExperimentStatistics statistics, int exposureDays) {
            if (exposureDays > 0 && d.timestampColumn() == null) {
                warnings.add("Days since first exposure need a timestampColumn in the definition; none were read.");
            }
            this.d = d;
            this.asOf = asOf;
            this.statistics = statistics;
            this.comparator = new MetricComparator(d.alpha(), tuning(d));
        }

        /** Warns about assigned units without events (they are not analysed) and models without a price. */
        ResultBuilder noting(DataNotes notes) {
            if (!notes.unpricedModels().isEmpty()) {
                warnings.add("No price in priceTable.prices for " + counted(notes.unpricedModels(), "event") + ": their cost "
                        + "is left empty, not counted as 0; add the model (or its undated name) to the price table.");
            }
            Map<String, Long> unseen = notes.assignedWithoutEvents();
            long total = unseen.values().stream().mapToLong(Long::longValue).sum();
            if (total > 0) {
                warnings.add(String.format(Locale.ROOT, "%,d units in the assignment log have no event in the experiment "
                        + "and are not analysed (%s): if an arm changes who comes back, compare these counts", total,
                        counted(unseen, "")));
            }
            return this;
        }

        /** "gpt-5 (1,234 events), o3 (1 event)", or without a word "control 12, treatment 9". */
        private static String counted(Map<String, Long> counts, String word) {
            return counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                            .thenComparing(Map.Entry.comparingByKey()))
                    .map(e -> word.isEmpty() ? String.format(Locale.ROOT, "%s %,d", e.getKey(), e.getValue())
                            : String.format(Locale.ROOT, "%s (%,d %s%s)", e.getKey(), e.getValue(), word, e.getValue() == 1 ? "" : "s"))
                    .collect(Collectors.joining(", "));
        }

        ExperimentResult build() {
            List<ArmSummary> arms = arms();
            SampleRatioCheck.Result srm = SampleRatioCheck.test(arms.stream().map(ArmSummary::units).toList(),
                    d.plannedShares());
            List<MetricResult> metrics = d.metrics().stream().map(roled -> metric(roled.metric(), roled.role(),
                    statistics.metrics().get(roled.metric().name()), SliceKey::arm)).toList();
            MetricResult fallback = statistics.fallback().isEmpty() ? null
                    : metric(fallbackMetric(), MetricRole.SECONDARY, statistics.fallback(), SliceKey::arm);
            List<SegmentResult> segments = new SegmentReader(d, statistics, this::metric).segments();
            List<DailyPoint> series = new SeriesReader(d, statistics, this::metric).series();
            Progress progress = d.plannedUnitsPerArm() == null ? null
                    : Progress.of(arms.stream().map(ArmSummary::units).toList(), d.plannedUnitsPerArm());
            warn(arms, srm);
            warnUnpaired();
            var decisions = new RecommendationReader(d, metrics, segments, progress, srm).decisions();
            LocalDate last = series.isEmpty() ? null : series.get(series.size() - 1).day();
            return new ExperimentResult(d, asOf, last, arms, srm, statistics.crossoverUnits(), metrics, fallback, segments,
                    series, statistics.servedModels(), progress, RecommendationReader.overall(d, metrics, decisions), decisions, warnings,
                    statistics.distributions(), exposureDays(), byReplay());
        }

        /** In a paired design, the items answered by one arm of a comparison only: left out of it, and said so. */
        private void warnUnpaired() {
            if (!d.paired()) {
                return;
            }
            Map<SliceKey, ArmStatistics> primary = statistics.metrics().get(d.primary().name());
            long controlItems = statistics.unitsIn(SliceKey.arm(d.control()));
            for (String treatment : d.treatments()) {
                long items = statistics.unitsIn(SliceKey.arm(treatment));
                ArmStatistics pairs = primary.get(SliceKey.arm(treatment));
                long paired = pairs == null ? 0 : pairs.units();
                if (controlItems > paired || items > paired) {
                    warnings.add(String.format(Locale.ROOT, "%s vs %s: paired on %,d items; %,d answered by %s only and %,d "
                            + "by %s only are left out of this comparison.", treatment, d.control(), paired,
                            controlItems - paired, d.control(), items - paired, treatment));
                }
            }
        }

        /** The primary per replay and arm (paired designs with a replay column), each arm's value with its interval. */
        private List<ReplayPoint> byReplay() {
            List<ReplayPoint> points = new ArrayList<>();
            statistics.byReplay().forEach((replay, byArm) -> points.add(new ReplayPoint(replay, byArm.entrySet().stream()
                    .map(e -> comparator.value(e.getKey(), e.getValue(), e.getValue(), e.getValue())).toList())));
            return points;
        }

        /** The metrics by days since first exposure, each read like the whole experiment's (covariates aside). */
        private List<ExposureDayPoint> exposureDays() {
            ExperimentStatistics.ExposureDays days = statistics.exposureDays();
            if (days == null) {
                return List.of();
            }
            List<ExposureDayPoint> points = new ArrayList<>();
            days.units().forEach((day, byArm) -> {
                if (!byArm.keySet().containsAll(d.arms())) {
                    return;
                }
                List<MetricResult> metrics = new ArrayList<>();
                d.metrics().stream().filter(roled -> days.metrics().get(day).containsKey(roled.metric().name()))
                        .forEach(roled -> {
                            Map<SliceKey, ArmStatistics> slices = new HashMap<>();
                            days.metrics().get(day).get(roled.metric().name()).forEach((arm, s) -> slices.put(SliceKey.arm(arm), s));
                            metrics.add(metric(withoutCovariate(roled.metric()), roled.role(), slices, SliceKey::arm));
                        });
                points.add(new ExposureDayPoint(day, d.arms().stream().map(arm -> byArm.get(arm)[0]).toList(),
                        d.arms().stream().map(arm -> byArm.get(arm)[1]).toList(), metrics));
            });
            return points;
        }

        private static Metric withoutCovariate(Metric metric) {
            return metric instanceof Metric.Adjustable adjustable ? adjustable.withoutCovariate() : metric;
        }

        private List<ArmSummary> arms() {
            long total = d.arms().stream().mapToLong(arm -> statistics.unitsIn(SliceKey.arm(arm))).sum();
            List<Double> shares = d.plannedShares();
            List<ArmSummary> arms = new ArrayList<>();
            for (int i = 0; i < d.arms().size(); i++) {
                SliceKey slice = SliceKey.arm(d.arms().get(i));
                long units = statistics.unitsIn(slice);
                arms.add(new ArmSummary(slice.arm(), units, statistics.eventsIn(slice), shares.get(i),
                        total == 0 ? 0 : (double) units / total));
            }
            return arms;
        }

        /** One metric over the slices {@code slice(arm)}: values per arm and each treatment's comparison. */
        MetricResult metric(Metric metric, MetricRole role, Map<SliceKey, ArmStatistics> byslice,
                            Function<String, SliceKey> slice) {
            ArmStatistics any = byslice.values().stream().findFirst().orElse(null);
            Function<String, ArmStatistics> of = arm -> {
                ArmStatistics found = byslice.get(slice.apply(arm));
                return found != null ? found : any.empty(d.alpha());
            };
            ArmStatistics control = of.apply(d.control());
            ArmStatistics first = of.apply(d.treatments().get(0));
            List<ArmValue> values = d.arms().stream().map(arm -> comparator.value(arm, of.apply(arm), control, first)).toList();
            List<ComparisonResult> comparisons = new ArrayList<>();
            boolean cuped = metric instanceof Metric.Adjustable adjustable && adjustable.covariate() != null;
            MetricBasics basics = metric.basics();
            for (String treatment : d.treatments()) {
                Comparison comparison = comparator.compare(metric.alternative(), cuped, control, of.apply(treatment));
                List<GuardrailCheck> checks = metric.rules().stream().map(rule -> GuardrailCheck.evaluate(rule, comparison)).toList();
                NonInferiority ni = basics.nonInferiorityMargin() == null ? null : NonInferiority.test(comparison,
                        basics.nonInferiorityMargin(), basics.nonInferiorityRelative(), metric.direction().higherIsBetter());
                comparisons.add(new ComparisonResult(d.control(), treatment, comparison, checks, ni));
            }
            List<ArmStatistics> wholeArms = byslice.entrySet().stream().filter(e -> e.getKey().isWholeArm())
                    .map(Map.Entry::getValue).toList();
            return new MetricResult(metric, role, withCupedValues(values, comparisons), acrossTreatments(comparisons),
                    MetricUnits.of(metric, wholeArms.isEmpty() ? byslice.values() : wholeArms));
        }

        /**
         * With a covariate, each arm's CUPED-adjusted value beside its plain one — the values the effect
         * is computed from (the control's only with one treatment: each comparison adjusts it anew).
         */
        private List<ArmValue> withCupedValues(List<ArmValue> values, List<ComparisonResult> comparisons) {
            if (comparisons.stream().noneMatch(c -> c.comparison().method().startsWith("CUPED"))) {
                return values;
            }
            List<ArmValue> adjusted = new ArrayList<>(values);
            double alpha = d.alpha();
            if (comparisons.size() == 1) {
                adjusted.set(0, values.get(0).withAdjusted(comparisons.get(0).comparison().control(), alpha));
            }
            for (int i = 0; i < comparisons.size(); i++) {
                adjusted.set(i + 1, values.get(i + 1).withAdjusted(comparisons.get(i).comparison().treatment(), alpha));
            }
            return adjusted;
        }

        /**
         * With several treatments, each metric's comparisons with control are one family: their
         * p-values are adjusted (Holm unless the definition says otherwise) and significance follows
         * the adjusted p-values.
         */
        private List<ComparisonResult> acrossTreatments(List<ComparisonResult> comparisons) {
            PValueAdjustment how = d.adjustment();
            if (how == null) {
                return comparisons;
            }
            double[] adjusted = how.adjust(comparisons.stream().mapToDouble(c -> c.comparison().absolute().available()
                    ? c.comparison().absolute().pValue() : Double.NaN).toArray());
            List<ComparisonResult> family = new ArrayList<>();
            for (int i = 0; i < comparisons.size(); i++) {
                family.add(comparisons.get(i).withAdjustedP(adjusted[i], how));
            }
            return family;
        }

        private Metric fallbackMetric() {
            return Metric.Ratio.fallbackRate(FALLBACK_RATE, d.fallbackColumn());
        }

        private void warn(List<ArmSummary> arms, SampleRatioCheck.Result srm) {
            statistics.unitsChangingSegment().forEach((column, units) -> {
                if (units > 0) {
                    warnings.add(String.format(Locale.ROOT, "%,d units have more than one value of '%s' among "
                            + "their events; each is counted in its smallest value in the segments.", units, column));
                }
            });
            if (statistics.crossoverUnits() > 0) {
                warnings.add(String.format(Locale.ROOT, "%,d units were seen in more than one arm and are "
                        + "excluded from every metric.", statistics.crossoverUnits()));
            }
            arms.stream().filter(arm -> arm.units() == 0).forEach(arm -> warnings.add("Arm '" + arm.name()
                    + "' has no units" + (asOf == null ? "." : " up to " + asOf + ".")));
            if (srm.flagged()) {
                warnings.add(String.format(Locale.ROOT, "Sample ratio mismatch: χ² = %.2f, p = %.2g "
                        + "against the planned split. Assignment or logging is broken; find the cause before "
                        + "trusting any result.", srm.chiSquare(), srm.pValue()));
            }
        }

        private static Double tuning(Experiment d) {
            if (!d.sequential()) {
                return null;
            }
            if (d.sequentialTuning() != null) {
                return d.sequentialTuning();
            }
            return d.plannedUnitsPerArm() != null ? (double) d.plannedUnitsPerArm() * d.arms().size()
                    : SequentialTest.DEFAULT_TUNING;
        }
    }

    /** Reads one metric over a set of slices; the builder's {@code metric} method. */
    @FunctionalInterface
    interface MetricReader {
        MetricResult read(Metric metric, MetricRole role, Map<SliceKey, ArmStatistics> slices,
                          Function<String, SliceKey> slice);
    }
}
