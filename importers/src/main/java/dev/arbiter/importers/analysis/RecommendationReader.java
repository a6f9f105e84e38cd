package dev.arbiter.importers.analysis;

import dev.arbiter.analytics.Comparison;
import dev.arbiter.analytics.Effect;
import dev.arbiter.analytics.PValueAdjustment;
import dev.arbiter.analytics.SampleRatioCheck;
import dev.arbiter.analytics.reading.DecisionInputs;
import dev.arbiter.analytics.reading.ReadingOrder;
import dev.arbiter.analytics.reading.Recommendation;
import dev.arbiter.analytics.reading.RecommendationKind;
import dev.arbiter.analytics.plan.Progress;
import dev.arbiter.importers.experiment.Experiment;
import dev.arbiter.importers.experiment.MetricRole;
import java.util.ArrayList;
import java.util.Comparator;
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
    private final Experiment d;
    private final List<MetricResult> metrics;
    private final List<SegmentResult> segments;
    private final Progress progress;
    private final SampleRatioCheck.Result srm;

    RecommendationReader(Experiment d, List<MetricResult> metrics, List<SegmentResult> segments, Progress progress,
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
        DecisionInputs inputs = new DecisionInputs(primary.name(), adjustedReading(comparison),
                d.primary().direction().higherIsBetter(), d.primary().mde(), d.primary().mdeRelative(),
                guardrails, progress, findings, cheaperArm(treatment), comparison.nonInferiority(), srm, d.control(), treatment,
                primary.unit());
        Recommendation recommendation = ReadingOrder.recommend(inputs);
        if (comparison.adjustment() == null) {
            return recommendation;
        }
        List<String> reasons = new ArrayList<>(recommendation.reasons());
        reasons.add(String.format(Locale.ROOT, "The primary's p-value is %s-adjusted across the %d treatments (raw p = %s).",
                label(comparison.adjustment()), d.treatments().size(), plain(comparison.comparison().absolute().pValue())));
        return new Recommendation(recommendation.kind(), reasons);
    }

    /** The primary as the reading order should see it: with its p-value adjusted across treatments, if it was. */
    private static Comparison adjustedReading(ComparisonResult comparison) {
        Comparison c = comparison.comparison();
        if (comparison.adjustment() == null || Double.isNaN(comparison.pValueAdjusted())) {
            return c;
        }
        Effect e = c.absolute();
        Effect adjusted = new Effect(e.estimate(), e.ci(), e.standardError(), e.degreesOfFreedom(), comparison.pValueAdjusted(),
                e.unavailableReason());
        return new Comparison(c.control(), c.treatment(), adjusted, c.relative(), c.method(), c.alpha(), c.alternative(),
                c.notes());
    }

    /**
     * The experiment's recommendation: with one treatment, its own; with several, which arm to ship
     * (the best shippable one by the primary's effect) or none, with each treatment's reading.
     */
    static Recommendation overall(Experiment d, List<MetricResult> metrics, Map<String, Recommendation> decisions) {
        if (decisions.size() == 1) {
            return decisions.values().iterator().next();
        }
        String each = String.join("; ", decisions.entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue().kind().words()).toList());
        RecommendationKind kind = overallKind(decisions);
        List<String> chosen = decisions.keySet().stream().filter(t -> decisions.get(t).kind() == kind).toList();
        boolean higherIsBetter = d.primary().direction().higherIsBetter();
        String pick = chosen.stream().max(Comparator.comparingDouble(t -> (higherIsBetter ? 1 : -1)
                * metrics.get(0).comparison(t).comparison().absolute().estimate())).orElse(d.treatments().get(0));
        List<String> reasons = new ArrayList<>();
        reasons.add(switch (kind) {
            case SHIP -> "Ship " + pick + (chosen.size() > 1 ? ", the best of " + String.join(", ", chosen) : "")
                    + ". Of " + decisions.size() + " treatments: " + each + ".";
            case DO_NOT_SHIP -> "Ship none: every treatment is a no-go. " + each + ".";
            default -> "Of " + decisions.size() + " treatments: " + each + ". Below: " + pick + ".";
        });
        reasons.addAll(decisions.get(pick).reasons());
        return new Recommendation(kind, reasons);
    }

    private static RecommendationKind overallKind(Map<String, Recommendation> decisions) {
        for (RecommendationKind first : List.of(RecommendationKind.INVALID, RecommendationKind.SHIP,
                RecommendationKind.KEEP_RUNNING, RecommendationKind.SEGMENT, RecommendationKind.NO_DIFFERENCE)) {
            if (decisions.values().stream().anyMatch(r -> r.kind() == first)) {
                return first;
            }
        }
        return RecommendationKind.DO_NOT_SHIP;
    }

    private static String label(PValueAdjustment how) {
        return how == PValueAdjustment.BONFERRONI ? "Bonferroni" : "Holm";
    }

    private static String plain(double p) {
        return p < 0.0001 ? "< 0.0001" : String.format(Locale.ROOT, "%.4g", p);
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
