package dev.arbiter.analytics.reading;

import dev.arbiter.analytics.Comparison;
import dev.arbiter.analytics.NonInferiority;
import dev.arbiter.analytics.SampleRatioCheck;
import dev.arbiter.analytics.plan.Progress;
import java.util.List;
import java.util.Objects;

/**
 * Everything the reading order looks at.
 *
 * @param primaryName     the primary metric's name
 * @param primary         its comparison (one treatment vs control)
 * @param higherIsBetter  the primary's good direction
 * @param mde             the minimum detectable effect the test was planned for
 * @param mdeRelative     whether {@code mde} is relative to control
 * @param guardrails      named guardrail checks
 * @param progress        progress to the planned sample, or null when no plan was made
 * @param segments        the primary metric per segment value, with BH-adjusted p-values
 * @param cheaperArm      the arm that costs less, or null when unknown
 * @param nonInferiority  the non-inferiority test of the primary, or null
 * @param sampleRatio     the sample ratio check of the arms, or null when it was not run
 * @param controlArm      the control arm's name (null: "control")
 * @param treatmentArm    the treatment arm's name (null: "the treatment")
 * @param primaryUnit     the unit the primary's numbers are written in (null: a plain number)
 */
public record DecisionInputs(String primaryName, Comparison primary, boolean higherIsBetter, double mde,
                             boolean mdeRelative, List<NamedGuardrail> guardrails, Progress progress,
                             List<SegmentFinding> segments, String cheaperArm, NonInferiority nonInferiority,
                             SampleRatioCheck.Result sampleRatio, String controlArm, String treatmentArm,
                             ValueUnit primaryUnit) {
    /** A guardrail check with its metric's name. */
    public record NamedGuardrail(String metric, GuardrailCheck check) {
    }

    /** The primary metric within one segment value. */
    public record SegmentFinding(String column, String value, Comparison comparison, double adjustedPValue) {
    }

    /** Inputs without a sample ratio check. */
    public DecisionInputs(String primaryName, Comparison primary, boolean higherIsBetter, double mde, boolean mdeRelative,
                          List<NamedGuardrail> guardrails, Progress progress, List<SegmentFinding> segments,
                          String cheaperArm, NonInferiority nonInferiority) {
        this(primaryName, primary, higherIsBetter, mde, mdeRelative, guardrails, progress, segments, cheaperArm, nonInferiority,
                null, null, null, null);
    }

    /** Inputs with a sample ratio check, arms unnamed. */
    public DecisionInputs(String primaryName, Comparison primary, boolean higherIsBetter, double mde, boolean mdeRelative,
                          List<NamedGuardrail> guardrails, Progress progress, List<SegmentFinding> segments,
                          String cheaperArm, NonInferiority nonInferiority, SampleRatioCheck.Result sampleRatio) {
        this(primaryName, primary, higherIsBetter, mde, mdeRelative, guardrails, progress, segments, cheaperArm, nonInferiority,
                sampleRatio, null, null, null);
    }

    public DecisionInputs {
        controlArm = controlArm == null ? "control" : controlArm;
        treatmentArm = treatmentArm == null ? "the treatment" : treatmentArm;
        primaryUnit = primaryUnit == null ? ValueUnit.NONE : primaryUnit;
        Objects.requireNonNull(primaryName, "primaryName");
        Objects.requireNonNull(primary, "primary");
        guardrails = List.copyOf(guardrails);
        segments = List.copyOf(segments);
    }
}
