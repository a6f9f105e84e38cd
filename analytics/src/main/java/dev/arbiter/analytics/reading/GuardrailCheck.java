package dev.arbiter.analytics.reading;

import dev.arbiter.analytics.Comparison;
import dev.arbiter.analytics.Effect;
import dev.arbiter.analytics.Interval;
import java.util.Locale;

/**
 * A guardrail evaluated on a comparison: the observed ratio T/C (1 + relative lift, interval
 * 1 + the relative CI) or the treatment's value (interval value ± t·SE, df n − 1), and the
 * status: {@code breached} when the estimate crosses the threshold, {@code at_risk} when only
 * the interval does (or it cannot be estimated), else {@code ok}.
 *
 * @param rule        the rule
 * @param status      the status
 * @param observed    ratio or value
 * @param interval    its confidence interval (two-sided at the comparison's α)
 * @param explanation one sentence for reports
 */
public record GuardrailCheck(GuardrailRule rule, GuardrailStatus status, double observed, Interval interval,
                             String explanation) {

    public static GuardrailCheck evaluate(GuardrailRule rule, Comparison comparison) {
        Effect measured = rule.kind().isRatio() ? ratio(comparison) : value(comparison);
        if (!measured.available()) {
            return new GuardrailCheck(rule, GuardrailStatus.AT_RISK, Double.NaN,
                    new Interval(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY),
                    "Cannot be checked yet: " + measured.unavailableReason() + ".");
        }
        double observed = measured.estimate();
        Interval interval = measured.ci();
        boolean ceiling = rule.kind().isCeiling();
        double threshold = rule.threshold();
        GuardrailStatus status;
        if (ceiling ? observed > threshold : observed < threshold) {
            status = GuardrailStatus.BREACHED;
        } else if (ceiling ? interval.upper() > threshold : interval.lower() < threshold) {
            status = GuardrailStatus.AT_RISK;
        } else {
            status = GuardrailStatus.OK;
        }
        return new GuardrailCheck(rule, status, observed, interval, explain(rule, status, observed, interval));
    }

    private static Effect ratio(Comparison comparison) {
        Effect relative = comparison.relative();
        if (!relative.available()) {
            return relative;
        }
        return new Effect(1 + relative.estimate(), relative.ci().shift(1), relative.standardError(),
                relative.degreesOfFreedom(), relative.pValue(), null);
    }

    private static Effect value(Comparison comparison) {
        return comparison.treatment().valueInterval(comparison.alpha());
    }

    private static String explain(GuardrailRule rule, GuardrailStatus status, double observed, Interval interval) {
        String what = rule.kind().isRatio() ? "Treatment/control ratio" : "Treatment value";
        String numbers = String.format(Locale.ROOT, "%s %.4g (CI %.4g to %.4g)", what, observed, interval.lower(),
                interval.upper());
        return switch (status) {
            case BREACHED -> numbers + " crosses the threshold: " + rule.describe() + " is breached.";
            case AT_RISK -> numbers + " is within " + rule.describe() + " but its interval crosses the threshold.";
            case OK -> numbers + " is within " + rule.describe() + ".";
        };
    }
}
