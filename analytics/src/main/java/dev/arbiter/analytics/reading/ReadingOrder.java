package dev.arbiter.analytics.reading;

import dev.arbiter.analytics.SampleRatioCheck;
import dev.arbiter.analytics.Comparison;
import dev.arbiter.analytics.Effect;
import dev.arbiter.analytics.NonInferiority;
import dev.arbiter.analytics.reading.DecisionInputs.NamedGuardrail;
import dev.arbiter.analytics.reading.DecisionInputs.SegmentFinding;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The analyst's reading order as a rule: (0) were the arms split as planned? a sample ratio mismatch
 * means the assignment is broken and nothing after it can be read; (1) did every guardrail hold? a breach is a no-go;
 * (2) is the planned sample reached? if not, keep running; (3) is the primary significant at α?
 * if not, no difference was detected and the cheaper arm can be taken; (4) is the effect at
 * least the MDE? (5) does it hold across segments? a segment whose effect is significant
 * (BH-adjusted) in the opposite direction calls for a segmented decision; so does, when overall no
 * difference is detected, a segment whose effect is significant (BH-adjusted) either way — harm
 * there keeps control there, a win there serves the treatment there. A significant loss that a
 * non-inferiority test shows to be within its margin is not a no-go: the cheaper arm can be taken.
 */
public final class ReadingOrder {
    private ReadingOrder() {
    }

    /** A flagged mismatch: no effect can be read, whatever the metrics show; say what to do next. */
    private static Recommendation invalid(SampleRatioCheck.Result srm) {
        return new Recommendation(RecommendationKind.INVALID, List.of(
                String.format(Locale.ROOT, "Sample ratio mismatch: the arms hold %s of the units against the planned split "
                        + "(χ² = %s on %d df, %s). The assignment is broken, so every effect may be biased and none is read.",
                        shares(srm), Numbers.plain(srm.chiSquare()), srm.df(), Numbers.pIs(srm.pValue())),
                "Next: find the assignment bug (targeting or eligibility that differs by arm, redirects or crashes that lose "
                        + "units in one arm, bot filtering, logging), fix it, and run the test again from the start."));
    }

    private static String shares(SampleRatioCheck.Result srm) {
        return String.join(" / ", srm.observedShares().stream()
                .map(share -> String.format(Locale.ROOT, "%.1f%%", 100 * share)).toList());
    }

    public static Recommendation recommend(DecisionInputs in) {
        if (in.sampleRatio() != null && in.sampleRatio().flagged()) {
            return invalid(in.sampleRatio());
        }
        List<String> reasons = new ArrayList<>();
        Recommendation early = guardrails(in, reasons);
        if (early == null) {
            early = notYetReadable(in, reasons);
        }
        if (early != null) {
            return early;
        }
        return in.primary().significant() ? significant(in, reasons) : noDifference(in, reasons);
    }

    /** Step 1: a breached guardrail stops the reading (do not ship); guardrails at risk are said. */
    private static Recommendation guardrails(DecisionInputs in, List<String> reasons) {
        List<NamedGuardrail> breached = in.guardrails().stream()
                .filter(g -> g.check().status() == GuardrailStatus.BREACHED).toList();
        if (!breached.isEmpty()) {
            breached.forEach(g -> reasons.add("Guardrail " + g.metric() + " breached: " + g.check().explanation()));
            return new Recommendation(RecommendationKind.DO_NOT_SHIP, reasons);
        }
        in.guardrails().stream().filter(g -> g.check().status() == GuardrailStatus.AT_RISK)
                .forEach(g -> reasons.add("Guardrail " + g.metric() + " at risk: " + g.check().explanation()));
        if (reasons.isEmpty() && !in.guardrails().isEmpty()) {
            reasons.add("Every guardrail held.");
        }
        return null;
    }

    /** Keep running while the planned sample is not reached or the primary cannot be estimated yet. */
    private static Recommendation notYetReadable(DecisionInputs in, List<String> reasons) {
        if (in.progress() != null && !in.progress().reached()) {
            reasons.add("Planned sample not reached: " + in.progress().describe() + ".");
            return new Recommendation(RecommendationKind.KEEP_RUNNING, reasons);
        }
        Effect effect = in.primary().absolute();
        if (!effect.available()) {
            reasons.add(in.primaryName() + " cannot be estimated yet: " + effect.unavailableReason() + ".");
            return new Recommendation(RecommendationKind.KEEP_RUNNING, reasons);
        }
        return null;
    }

    /** A significant primary: segments going the other way, a harm (within a non-inferiority margin?), or its size. */
    private static Recommendation significant(DecisionInputs in, List<String> reasons) {
        Effect effect = in.primary().absolute();
        boolean good = in.higherIsBetter() == (effect.estimate() > 0);
        reasons.add(String.format(Locale.ROOT, "%s changed by %s (%s), significant at α = %s, in the %s direction.",
                in.primaryName(), describe(in, in.primary()), Numbers.pIs(effect.pValue()), Numbers.plain(in.primary().alpha()),
                good ? "good" : "bad"));
        List<SegmentFinding> opposite = oppositeSegments(in, effect.estimate());
        if (!opposite.isEmpty()) {
            opposite.forEach(s -> reasons.add(segmentReason(in, s) + " It goes the other way."));
            reasons.add("Elsewhere: serve " + (good ? in.treatmentArm() : in.controlArm()) + ".");
            return new Recommendation(RecommendationKind.SEGMENT, reasons);
        }
        return good ? sized(in, reasons) : worse(in, reasons);
    }

    /** A significant harm: do not ship, unless a non-inferiority question accepts the loss. */
    private static Recommendation worse(DecisionInputs in, List<String> reasons) {
        NonInferiority ni = in.nonInferiority();
        if (ni != null && ni.unavailableReason() == null && ni.nonInferior()) {
            // a non-inferiority question ("at least 95% of control's rate?") is answered yes
            reasons.add("Worse, but within the non-inferiority margin of " + amount(in, ni.margin(), ni.relative()) + " ("
                    + Numbers.pIs(ni.pValue())
                    + "): the loss is smaller than the margin the test accepted.");
            return cheaper(in, reasons);
        }
        return new Recommendation(RecommendationKind.DO_NOT_SHIP, reasons);
    }

    /** A significant gain: ship when it is at least the MDE, else take the cheaper arm. */
    private static Recommendation sized(DecisionInputs in, List<String> reasons) {
        double size = Math.abs(in.mdeRelative() && in.primary().relative().available()
                ? in.primary().relative().estimate() : in.primary().absolute().estimate());
        if (size < in.mde()) {
            reasons.add("The effect is smaller than the MDE of " + amount(in, in.mde(), in.mdeRelative())
                    + ": real, but below what the test set out to detect.");
            return cheaper(in, reasons);
        }
        reasons.add("The effect is at least the MDE of " + amount(in, in.mde(), in.mdeRelative()) + ".");
        if (!in.segments().isEmpty()) {
            reasons.add("No segment goes the other way.");
        }
        return new Recommendation(RecommendationKind.SHIP, reasons);
    }

    private static Recommendation noDifference(DecisionInputs in, List<String> reasons) {
        Effect effect = in.primary().absolute();
        reasons.add(String.format(Locale.ROOT, "No difference detected in %s: %s, %s at α = %s.", in.primaryName(),
                describe(in, in.primary()), Numbers.pIs(effect.pValue()), Numbers.plain(in.primary().alpha())));
        if (in.nonInferiority() != null && in.nonInferiority().unavailableReason() == null) {
            reasons.add(in.nonInferiority().nonInferior()
                    ? "Non-inferior within the margin of " + amount(in, in.nonInferiority().margin(),
                            in.nonInferiority().relative()) + " (" + Numbers.pIs(in.nonInferiority().pValue()) + ")."
                    : "Non-inferiority within the margin of " + amount(in, in.nonInferiority().margin(),
                            in.nonInferiority().relative()) + " is not shown (" + Numbers.pIs(in.nonInferiority().pValue()) + "): a loss that large is still possible.");
        }
        List<SegmentFinding> decisive = significantSegments(in);
        if (!decisive.isEmpty()) {
            decisive.forEach(s -> reasons.add(segmentReason(in, s)));
            reasons.add("Where no segment above applies, no difference was detected: "
                    + (in.cheaperArm() == null ? "take the cheaper arm." : "serve the cheaper arm, " + in.cheaperArm() + "."));
            reasons.add(0, "Serve " + String.join(", ", decisive.stream().map(s -> servedIn(in, s)).toList())
                    + "; elsewhere " + (in.cheaperArm() == null ? "the cheaper arm" : in.cheaperArm()) + ".");
            return new Recommendation(RecommendationKind.SEGMENT, reasons);
        }
        return cheaper(in, reasons);
    }

    /** Segments whose primary effect is significant after Benjamini–Hochberg: the decision can differ there. */
    private static List<SegmentFinding> significantSegments(DecisionInputs in) {
        return in.segments().stream()
                .filter(s -> s.comparison().absolute().available())
                .filter(s -> s.adjustedPValue() < in.primary().alpha())
                .toList();
    }

    /** "sonnet to complexity = complex". */
    private static String servedIn(DecisionInputs in, SegmentFinding s) {
        boolean better = in.higherIsBetter() == (s.comparison().absolute().estimate() > 0);
        return (better ? in.treatmentArm() : in.controlArm()) + " to " + s.column() + " = " + s.value();
    }

    /** "Segment complexity = complex: haiku is worse by −0.088 (CI …), BH-adjusted p < 0.0001: serve sonnet there." */
    private static String segmentReason(DecisionInputs in, SegmentFinding s) {
        boolean better = in.higherIsBetter() == (s.comparison().absolute().estimate() > 0);
        return String.format(Locale.ROOT, "Segment %s = %s: %s is %s by %s in %s, BH-adjusted %s: serve %s there.",
                s.column(), s.value(), in.treatmentArm(), better ? "better" : "worse", describe(in, s.comparison()),
                in.primaryName(), Numbers.pIs(s.adjustedPValue()), better ? in.treatmentArm() : in.controlArm());
    }

    private static Recommendation cheaper(DecisionInputs in, List<String> reasons) {
        reasons.add(in.cheaperArm() == null ? "Take the cheaper arm."
                : "Take the cheaper arm: " + in.cheaperArm() + ".");
        return new Recommendation(RecommendationKind.NO_DIFFERENCE, reasons);
    }

    private static List<SegmentFinding> oppositeSegments(DecisionInputs in, double overall) {
        return in.segments().stream()
                .filter(s -> s.comparison().absolute().available())
                .filter(s -> Math.signum(s.comparison().absolute().estimate()) == -Math.signum(overall))
                .filter(s -> s.adjustedPValue() < in.primary().alpha())
                .toList();
    }

    private static String describe(DecisionInputs in, Comparison comparison) {
        return in.primaryUnit().effectInWords(comparison.absolute());
    }

    /** A margin or MDE as the analyst set it: a share of control ("5% (relative)") or in the metric's unit ("2 pp"). */
    private static String amount(DecisionInputs in, double amount, boolean relative) {
        return relative ? Numbers.plain(100 * amount) + "% (relative)" : in.primaryUnit().size(amount);
    }
}
