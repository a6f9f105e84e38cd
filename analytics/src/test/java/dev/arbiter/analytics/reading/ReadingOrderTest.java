package dev.arbiter.analytics.reading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbiter.analytics.ArmEstimate;
import dev.arbiter.analytics.Comparison;
import dev.arbiter.analytics.Interval;
import dev.arbiter.analytics.NonInferiority;
import dev.arbiter.analytics.SampleRatioCheck;
import dev.arbiter.analytics.WelchTest;
import dev.arbiter.analytics.plan.Progress;
import dev.arbiter.analytics.reading.DecisionInputs.NamedGuardrail;
import dev.arbiter.analytics.reading.DecisionInputs.SegmentFinding;
import org.junit.jupiter.api.Test;
import java.util.List;

class ReadingOrderTest {
    private static final WelchTest WELCH = WelchTest.withDefaults();
    private static final Comparison LIFT = WELCH.compare(ArmEstimate.proportion(10000, 8500), ArmEstimate.proportion(10000, 8800), "p");
    private static final Comparison SMALL_LIFT = WELCH.compare(ArmEstimate.proportion(200000, 170000),
            ArmEstimate.proportion(200000, 171000), "p");
    private static final Comparison DROP = WELCH.compare(ArmEstimate.proportion(10000, 8800), ArmEstimate.proportion(10000, 8500), "p");
    private static final Comparison FLAT = WELCH.compare(ArmEstimate.proportion(6000, 5226), ArmEstimate.proportion(6000, 5154), "p");
    private static final NamedGuardrail OK_LATENCY = guardrail("p95_latency_ms", GuardrailStatus.OK);

    private static NamedGuardrail guardrail(String name, GuardrailStatus status) {
        GuardrailRule rule = new GuardrailRule(GuardrailRule.Kind.MAX_RATIO, 1.3);
        return new NamedGuardrail(name, new GuardrailCheck(rule, status, 1.1, new Interval(1.0, 1.2),
                "Treatment/control ratio 1.1 is within treatment/control ≤ 1.3."));
    }

    private static DecisionInputs inputs(Comparison primary, List<NamedGuardrail> guardrails, Progress progress,
                                         List<SegmentFinding> segments) {
        return new DecisionInputs("resolution_rate", primary, true, 0.02, false, guardrails, progress, segments, "haiku", null);
    }

    @Test
    void breachedGuardrailIsANoGoWhateverThePrimarySays() {
        Recommendation r = ReadingOrder.recommend(inputs(LIFT, List.of(guardrail("refusal_rate", GuardrailStatus.BREACHED)),
                null, List.of()));
        assertEquals(RecommendationKind.DO_NOT_SHIP, r.kind());
        assertTrue(r.reasons().get(0).startsWith("Guardrail refusal_rate breached"), r.reasons().toString());
    }

    @Test
    void unfinishedSampleKeepsRunning() {
        Recommendation r = ReadingOrder.recommend(inputs(LIFT, List.of(OK_LATENCY),
                Progress.of(List.of(3100L, 2929L), 4769), List.of()));
        assertEquals(RecommendationKind.KEEP_RUNNING, r.kind());
        assertTrue(r.reasons().get(1).contains("1,840 more units per arm"), r.reasons().toString());
    }

    @Test
    void significantLiftAboveTheMdeShips() {
        Recommendation r = ReadingOrder.recommend(inputs(LIFT, List.of(OK_LATENCY), Progress.of(List.of(10000L, 10000L), 4724),
                List.of()));
        assertEquals(RecommendationKind.SHIP, r.kind(), r.reasons().toString());
        assertEquals("Every guardrail held.", r.reasons().get(0));
    }

    @Test
    void significantButBelowTheMdeIsNoDifferenceTakeTheCheaperArm() {
        Recommendation r = ReadingOrder.recommend(inputs(SMALL_LIFT, List.of(), null, List.of()));
        assertEquals(RecommendationKind.NO_DIFFERENCE, r.kind(), r.reasons().toString());
        assertTrue(r.reasons().stream().anyMatch(reason -> reason.contains("smaller than the MDE")));
        assertEquals("Take the cheaper arm: haiku.", r.reasons().get(r.reasons().size() - 1));
    }

    @Test
    void significantDropDoesNotShip() {
        assertEquals(RecommendationKind.DO_NOT_SHIP, ReadingOrder.recommend(inputs(DROP, List.of(), null, List.of())).kind());
    }

    @Test
    void aSignificantLossWithinTheNonInferiorityMarginTakesTheCheaperArm() {
        // 0.88 → 0.87 on 60,000 per arm: significant (z ≈ 5.2), but only −1.1% relative
        Comparison smallDrop = WELCH.compare(ArmEstimate.proportion(60000, 52800), ArmEstimate.proportion(60000, 52200), "p");
        assertTrue(smallDrop.significant());
        NonInferiority within = NonInferiority.test(smallDrop, 0.05, true, true);
        Recommendation r = ReadingOrder.recommend(new DecisionInputs("resolution_rate", smallDrop, true, 0.02, false,
                List.of(), null, List.of(), "haiku", within));
        assertEquals(RecommendationKind.NO_DIFFERENCE, r.kind());
        assertTrue(r.reasons().stream().anyMatch(reason -> reason.startsWith("Worse, but within the non-inferiority margin of 5% (relative)")),
                r.reasons().toString());
        assertEquals("Take the cheaper arm: haiku.", r.reasons().get(r.reasons().size() - 1));
        NonInferiority tight = NonInferiority.test(smallDrop, 0.005, true, true);
        assertEquals(RecommendationKind.DO_NOT_SHIP, ReadingOrder.recommend(new DecisionInputs("resolution_rate", smallDrop,
                true, 0.02, false, List.of(), null, List.of(), "haiku", tight)).kind(), "a loss beyond the margin is a no-go");
    }

    @Test
    void notSignificantIsNoDifferenceAndReportsNonInferiority() {
        NonInferiority ni = NonInferiority.test(FLAT, 0.05, true, true);
        DecisionInputs in = new DecisionInputs("resolution_rate", FLAT, true, 0.02, false, List.of(OK_LATENCY), null,
                List.of(), "haiku", ni);
        Recommendation r = ReadingOrder.recommend(in);
        assertEquals(RecommendationKind.NO_DIFFERENCE, r.kind());
        assertTrue(r.reasons().stream().anyMatch(reason -> reason.startsWith("Non-inferior within the margin of 5% (relative)")),
                r.reasons().toString());
    }

    @Test
    void segmentGoingTheOtherWayCallsForASegmentedDecision() {
        Comparison complexDrop = WELCH.compare(ArmEstimate.proportion(3000, 2400), ArmEstimate.proportion(3000, 2200), "p");
        Recommendation r = ReadingOrder.recommend(inputs(LIFT, List.of(), null,
                List.of(new SegmentFinding("complexity", "complex", complexDrop, 0.0001))));
        assertEquals(RecommendationKind.SEGMENT, r.kind());
        assertTrue(r.reasons().stream().anyMatch(reason -> reason.contains("complexity = complex")), r.reasons().toString());
        Recommendation notAdjustedSignificant = ReadingOrder.recommend(inputs(LIFT, List.of(), null,
                List.of(new SegmentFinding("complexity", "complex", complexDrop, 0.2))));
        assertEquals(RecommendationKind.SHIP, notAdjustedSignificant.kind());
    }

    @Test
    void aSampleRatioMismatchMakesTheTestInvalidWhateverTheMetricsSay() {
        // issue 16 #8: 53/47 of 10,000 units against 50/50. R 4.2.2: chisq.test(c(5300, 4700))
        // X-squared = 36, df = 1, p.value = 1.9731752900754e-09
        SampleRatioCheck.Result srm = SampleRatioCheck.test(List.of(5300L, 4700L), List.of(0.5, 0.5));
        assertEquals(36, srm.chiSquare(), 1e-12);
        assertEquals(1.9731752900754e-09, srm.pValue(), 1e-20);
        DecisionInputs base = inputs(LIFT, List.of(OK_LATENCY), Progress.of(List.of(10000L, 10000L), 4724), List.of());
        DecisionInputs mismatched = new DecisionInputs(base.primaryName(), base.primary(), base.higherIsBetter(), base.mde(),
                base.mdeRelative(), base.guardrails(), base.progress(), base.segments(), base.cheaperArm(),
                base.nonInferiority(), srm);
        assertEquals(RecommendationKind.SHIP, ReadingOrder.recommend(base).kind(), "the same numbers without a mismatch");
        Recommendation r = ReadingOrder.recommend(mismatched);
        assertEquals(RecommendationKind.INVALID, r.kind());
        assertTrue(r.reasons().get(0).startsWith("Sample ratio mismatch: the arms hold 53.0% / 47.0%"), r.reasons().get(0));
        assertTrue(r.reasons().get(1).startsWith("Next: find the assignment bug"), r.reasons().get(1));
        assertEquals(RecommendationKind.INVALID, RecommendationKind.fromLabel("invalid"));
    }

    @Test
    void withoutUnitsTheSampleRatioIsNotCheckedRatherThanOk() {
        SampleRatioCheck.Result none = SampleRatioCheck.test(List.of(0L, 0L), List.of(0.5, 0.5));
        assertFalse(none.checked());
        assertFalse(none.flagged());
        assertTrue(Double.isNaN(none.pValue()), "no units: no p-value, not p = 1");
    }

    @Test
    void noDifferenceOverallButASignificantSegmentIsASegmentedRolloutNamingTheArms() {
        // issue 16 #11: the support-bot article — flat overall, complex tickets clearly worse with haiku
        Comparison complexDrop = WELCH.compare(ArmEstimate.proportion(1800, 1476), ArmEstimate.proportion(1800, 1318), "p");
        Comparison easyFlat = WELCH.compare(ArmEstimate.proportion(4200, 3800), ArmEstimate.proportion(4200, 3830), "p");
        DecisionInputs in = new DecisionInputs("resolution_rate", FLAT, true, 0.02, false, List.of(OK_LATENCY), null,
                List.of(new SegmentFinding("complexity", "complex", complexDrop, 0.00002),
                        new SegmentFinding("complexity", "easy", easyFlat, 0.3)), "haiku", null, null, "sonnet", "haiku",
                ValueUnit.PERCENT);
        Recommendation r = ReadingOrder.recommend(in);
        assertEquals(RecommendationKind.SEGMENT, r.kind(), r.reasons().toString());
        assertEquals("Serve sonnet to complexity = complex; elsewhere haiku.", r.reasons().get(0), "the decision first");
        // 1318/1800 − 1476/1800 = −0.08778: in points, with the interval's decimals (issue 21 #2)
        assertTrue(r.reasons().stream().anyMatch(reason -> reason.startsWith("Segment complexity = complex: haiku is worse by -8.78 pp (CI ")
                && reason.endsWith("serve sonnet there.")), r.reasons().toString());
        assertTrue(r.reasons().stream().noneMatch(reason -> reason.contains("= easy")), "not significant: not named");
        assertEquals("Where no segment above applies, no difference was detected: serve the cheaper arm, haiku.", r.reasons().get(r.reasons().size() - 1));

        Comparison complexWin = WELCH.compare(ArmEstimate.proportion(1800, 1318), ArmEstimate.proportion(1800, 1476), "p");
        Recommendation win = ReadingOrder.recommend(new DecisionInputs("resolution_rate", FLAT, true, 0.02, false, List.of(),
                null, List.of(new SegmentFinding("plan", "pro", complexWin, 0.001)), "haiku", null, null, "sonnet", "haiku", null));
        assertEquals(RecommendationKind.SEGMENT, win.kind());
        assertTrue(win.reasons().stream().anyMatch(reason -> reason.contains("haiku is better") && reason.endsWith("serve haiku there.")),
                win.reasons().toString());

        Recommendation adjustedAway = ReadingOrder.recommend(new DecisionInputs("resolution_rate", FLAT, true, 0.02, false,
                List.of(), null, List.of(new SegmentFinding("complexity", "complex", complexDrop, 0.08)), "haiku", null));
        assertEquals(RecommendationKind.NO_DIFFERENCE, adjustedAway.kind(), "raw p small, BH-adjusted not: no segmented call");
    }
}
