package dev.arbiter.importers.result;

import dev.arbiter.analytics.SampleRatioCheck;
import dev.arbiter.analytics.plan.Progress;
import dev.arbiter.analytics.reading.Recommendation;
import dev.arbiter.importers.experiment.Experiment;
import dev.arbiter.importers.statistics.ServedModel;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An experiment analysed: what {@code arbiter analyze} prints and the screens and report show.
 *
 * @param definition     the definition analysed
 * @param asOf           the last day of events included, or null for all
 * @param lastExposureDay the latest day on which a unit was first exposed, or null without a timestamp
 * @param arms           arms with units, events and shares
 * @param srm            the sample ratio check
 * @param crossoverUnits units seen in more than one arm (excluded)
 * @param metrics        primary, guardrails, secondary
 * @param fallback       fallback rate per arm, or null when no fallback column is named
 * @param segments       every metric per segment value
 * @param series         day by day, cumulative
 * @param servedModels   results by served model, descriptive
 * @param progress       progress to the planned sample, or null without a plan
 * @param decision       the reading order's recommendation for the first treatment
 * @param decisions      per treatment, the recommendation
 * @param warnings       things the analyst should know (crossovers, units without segment, ...)
 * @param distributions  per quantile metric and arm, the percentiles 1 to 99 of its events (descriptive)
 * @param byDaysSinceExposure unit and ratio metrics by days since first exposure; empty unless asked
 * @param byReplay       in a paired design with a replay column, the primary per replay and arm; else empty
 */
public record ExperimentResult(Experiment definition, LocalDate asOf, LocalDate lastExposureDay,
                               List<ArmSummary> arms, SampleRatioCheck.Result srm, long crossoverUnits,
                               List<MetricResult> metrics, MetricResult fallback, List<SegmentResult> segments,
                               List<DailyPoint> series, List<ServedModel> servedModels, Progress progress,
                               Recommendation decision, Map<String, Recommendation> decisions, List<String> warnings,
                               Map<String, Map<String, double[]>> distributions,
                               List<ExposureDayPoint> byDaysSinceExposure, List<ReplayPoint> byReplay) {
    public ExperimentResult {
        arms = List.copyOf(arms);
        metrics = List.copyOf(metrics);
        segments = List.copyOf(segments);
        series = List.copyOf(series);
        servedModels = List.copyOf(servedModels);
        decisions = Collections.unmodifiableMap(new LinkedHashMap<>(decisions));
        warnings = List.copyOf(warnings);
        distributions = Map.copyOf(distributions);
        byDaysSinceExposure = List.copyOf(byDaysSinceExposure);
        byReplay = List.copyOf(byReplay);
    }

    /** The metric named {@code name}, or null. */
    public MetricResult metric(String name) {
        return metrics.stream().filter(m -> m.name().equals(name)).findFirst().orElse(null);
    }

    /** The primary metric's result. */
    public MetricResult primary() {
        return metrics.get(0);
    }
}
