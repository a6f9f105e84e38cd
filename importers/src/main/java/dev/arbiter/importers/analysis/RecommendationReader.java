package dev.arbiter.importers.analysis;

import dev.arbiter.analytics.SampleRatioCheck;
import dev.arbiter.analytics.reading.DecisionInputs;
import dev.arbiter.analytics.reading.ReadingOrder;
import dev.arbiter.analytics.reading.Recommendation;
import dev.arbiter.analytics.plan.Progress;
import dev.arbiter.importers.experiment.ExperimentDefinition;
import dev.arbiter.importers.experiment.MetricRole;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import dev.arbiter.importers.result.ComparisonResult;
import dev.arbiter.importers.result.MetricResult;
import dev.arbiter.importers.result.SegmentResult;

/**
 * The reading order's recommendation for each treatment against control, from the primary metric,
 * the guardrails, the planned sample, the primary per segment and which arm is cheaper. A flagged
 * sample ratio mismatch comes first among the reasons.
 */
final class RecommendationReader {
    private final ExperimentDefinition d;
    private final List<MetricResult> metrics;
    private final List<SegmentResult> segments;
    private final Progress progress;
    private final SampleRatioCheck.Result srm;

    RecommendationReader(ExperimentDefinition d, List<MetricResult> metrics, List<SegmentResult> segments, Progress progress,
                   SampleRatioCheck.Result srm) {
        this.d = d;
        this.metrics = metrics;
        this.segments = segments;
        this.progress = progress;
        this.srm = srm;
    }

    Map<String, Recommendation> decisions() {
        Map<String, Recommendation> decisions = new LinkedHashMap<>();
        d.treatments().forEach(treatment -> decisions.put(treatment, decide(treatment)));
        return decisions;
    }

    private Recommendation decide(String treatment) {
        MetricResult primary = metrics.get(0);
        ComparisonResult comparison = primary.comparison(treatment);
        List<DecisionInputs.NamedGuardrail> guardrails = new ArrayList<>();
        metrics.stream().filter(m -> m.role() == MetricRole.GUARDRAIL).forEach(m -> m.comparison(treatment).guardrails()
                .forEach(check -> guardrails.add(new DecisionInputs.NamedGuardrail(m.name(), check))));
        List<DecisionInputs.SegmentFinding> findings = segments.stream().map(s -> {
            ComparisonResult c = s.metrics().get(0).comparison(treatment);
            return new DecisionInputs.SegmentFinding(s.column(), s.value(), c.comparison(), c.pValueAdjusted());
        }).toList();
        DecisionInputs inputs = new DecisionInputs(primary.name(), comparison.comparison(),
                d.primary().directionOrIncrease().higherIsBetter(), d.primary().mde(), d.primary().isMdeRelative(),
                guardrails, progress, findings, cheaperArm(treatment), comparison.nonInferiority(), srm, d.control(), treatment);
        return ReadingOrder.recommend(inputs);
    }

    /** The arm with the lower value of the cost metric, or null when there is none or it is unknown. */
    private String cheaperArm(String treatment) {
        MetricResult cost = costMetric();
        if (cost == null) {
            return null;
        }
        double control = cost.arm(d.control()).value();
        double other = cost.arm(treatment).value();
        if (!Double.isFinite(control) || !Double.isFinite(other) || control == other) {
            return null;
        }
        return other < control ? treatment : d.control();
    }

    private MetricResult costMetric() {
        if (d.costMetric() != null) {
            return metrics.stream().filter(m -> m.name().equals(d.costMetric())).findFirst().orElse(null);
        }
        return metrics.stream().filter(m -> contains(m.name()) || contains(m.definition().column())).findFirst().orElse(null);
    }

    private static boolean contains(String text) {
        return text != null && text.toLowerCase(Locale.ROOT).contains("cost");
    }
}
