package dev.arbiter.analytics.plan;

import static dev.arbiter.analytics.Close.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Expected values: reference-values.R blocks J and K (R 4.2.2 power.prop.test, power.t.test, pt).
 * R solves n with uniroot(tol = eps^0.25), so n agrees to about 1e-4 of a unit: tolerance 1e-3.
 */
class SampleSizePlannerTest {
    private static final SampleSizePlanner PLANNER = SampleSizePlanner.withDefaults();

    @Test
    void proportionsMatchPowerPropTest() {
        // R: power.prop.test(p1 = 0.85, p2 = 0.87, power = 0.8)$n = 4723.84649814532  [J1]
        Plan plan = PLANNER.proportions(0.85, 0.02, false);
        assertClose(4723.84649814532, plan.exactPerArm(), 1e-3 / 4723, "n");
        assertEquals(4724, plan.perArm());
        assertEquals(9448, plan.total());
        assertEquals(5100, plan.ruleOfThumbPerArm(), "16 p(1-p)/MDE^2 from the article");
        // R: power.prop.test(n = 1000, p1 = 0.10, p2 = 0.12)$power = 0.297732131248228  [J2]
        assertClose(0.297732131248228, PLANNER.proportionPower(0.10, 0.12, 1000), 1e-12, "power");
        // R: power.prop.test(n = 5000, p1 = 0.85, power = 0.8, tol = 1e-12)$p2 = 0.869455786851443  [J3];
        // with R's default tol (eps^0.25) it stops at 0.869459469305944, whose power is 0.80015
        assertClose(0.869455786851443 - 0.85, PLANNER.proportionMde(0.85, 5000).getAsDouble(), 1e-9, "mde");
    }

    @Test
    void aNegativeMdeKeepsItsSign() {
        // issue 16 #2. R 4.2.2: power.prop.test(p1 = 0.85, p2 = 0.83, power = 0.8)$n = 5273.26808726
        Plan down = PLANNER.proportions(0.85, -0.02, false);
        assertClose(5273.26808726, down.exactPerArm(), 1e-3 / 5273, "n for 0.85 → 0.83");
        assertEquals(5274, down.perArm());
        assertEquals(-0.02, down.mdeAbsolute(), 1e-15, "the plan's MDE keeps its sign");
        // R: power.prop.test(p1 = 0.85, p2 = 0.765, power = 0.8)$n = 336.551331012 (−10% relative)
        Plan relative = PLANNER.proportions(0.85, -0.10, true);
        assertClose(336.551331012, relative.exactPerArm(), 1e-3 / 336, "n for −10% relative");
        assertEquals(-0.085, relative.mdeAbsolute(), 1e-12);
        // R: power.prop.test(p1 = 0.85, p2 = 0.935, power = 0.8)$n = 207.274170815 (+10% relative)
        assertClose(207.274170815, PLANNER.proportions(0.85, 0.10, true).exactPerArm(), 1e-3 / 207, "n for +10%");
        assertEquals(-3.0, PLANNER.means(10, -3.0).mdeAbsolute(), 0, "a mean's MDE keeps its sign too");
        assertEquals(PLANNER.means(10, 3.0).perArm(), PLANNER.means(10, -3.0).perArm(), "t-test power is symmetric");
    }

    @Test
    void oneSidedAndKArmsAdjustAlpha() {
        // R: power.prop.test(p1 = .30, p2 = .33, power = .9, alternative = "one.sided")$n = 4104.48936101069  [J4]
        assertClose(4104.48936101069, PLANNER.withPower(0.9).withOneSided(true).proportions(0.30, 0.03, false).exactPerArm(),
                1e-3 / 4104, "one-sided n");
        // 3 arms: α/2 per comparison. R: power.prop.test(.85, .87, power = .8, sig.level = .025)$n  [J5]
        Plan threeArms = PLANNER.withArms(3).proportions(0.85, 0.02, false);
        assertClose(5720.73455173885, threeArms.exactPerArm(), 1e-3 / 5720, "3-arm n");
        assertEquals(0.025, threeArms.comparisonAlpha(), 1e-15);
        assertEquals(3 * 5721, threeArms.total());
    }

    @Test
    void relativeMdeIsAFractionOfTheBaseline() {
        assertEquals(PLANNER.proportions(0.5, 0.05, false).perArm(), PLANNER.proportions(0.5, 0.1, true).perArm());
    }

    @Test
    void meansMatchPowerTTest() {
        // R: power.t.test(delta = 0.5, sd = 2, power = 0.8)$n = 252.128116122658  [K1]
        assertClose(252.128116122658, PLANNER.means(2, 0.5).exactPerArm(), 1e-3 / 252, "n");
        assertEquals(253, PLANNER.means(2, 0.5).perArm());
        // R: power.t.test(n = 30, delta = 1, sd = 2)$power = 0.477840985940939  [K2]
        assertClose(0.477840985940939, PLANNER.meanPower(1, 2, 30), 1e-10, "power");
        // R: power.t.test(n = 100, sd = 1, power = 0.9)$delta = 0.460659827280346  [K3]
        assertClose(0.460659827280346, PLANNER.withPower(0.9).meanMde(1, 100), 1e-6, "delta");
        // R: power.t.test(delta = .2, sd = 1, power = .9, alternative = "one.sided", sig.level = .01)$n  [K4]
        assertClose(652.201807069803, PLANNER.withPower(0.9).withAlpha(0.01).withOneSided(true).means(1, 0.2).exactPerArm(),
                1e-3 / 652, "one-sided n");
    }

    @Test
    void noncentralTMatchesRPt() {
        // R: pt(2.0, 10, 1.5); pt(-1, 5, 2); pt(30, 40, 25, lower = FALSE); pt(1.96, 58, 2.5, lower = FALSE); pt(.5, 3, -1)  [K.pt]
        assertClose(0.65915407244202628, NoncentralT.cdf(2.0, 10, 1.5, true), 1e-11, "pt(2,10,1.5)");
        assertClose(0.00231637565416343, NoncentralT.cdf(-1, 5, 2, true), 1e-11, "pt(-1,5,2)");
        assertClose(0.08157951970548805, NoncentralT.cdf(30, 40, 25, false), 1e-11, "pt(30,40,25,upper)");
        assertClose(0.70528725955267657, NoncentralT.cdf(1.96, 58, 2.5, false), 1e-11, "pt(1.96,58,2.5,upper)");
        assertClose(0.92427388128861310, NoncentralT.cdf(0.5, 3, -1, true), 1e-11, "pt(.5,3,-1)");
    }

    @Test
    void cupedVarianceReductionShrinksTheSample() {
        Plan plain = PLANNER.means(2, 0.5);
        Plan cuped = PLANNER.withVarianceReduction(0.36).means(2, 0.5);
        // With sd scaled by 0.8 the t-test needs about 0.64 n (not exactly: df changes too)
        assertClose(0.64 * plain.exactPerArm(), cuped.exactPerArm(), 0.01, "cuped n");
        assertClose(0.64 * PLANNER.proportions(0.85, 0.02, false).exactPerArm(),
                PLANNER.withVarianceReduction(0.36).proportions(0.85, 0.02, false).exactPerArm(), 1e-9, "cuped proportion n");
    }

    @Test
    void daysCurveAndProgress() {
        Plan plan = PLANNER.proportions(0.85, 0.02, false);
        assertEquals(2, plan.days(5000), "9448 units at 5000/day");
        assertEquals(19, plan.days(500));
        List<PowerPoint> curve = PLANNER.proportionPowerCurve(0.85, 0.87, 1000, 4724, 10000);
        assertTrue(curve.get(0).power() < curve.get(1).power() && curve.get(1).power() < curve.get(2).power());
        assertClose(0.8, curve.get(1).power(), 1e-3, "power at the plan");
        Progress progress = Progress.of(List.of(3100L, 2929L), 4769);
        assertEquals("61% of planned sample; 1,840 more units per arm", progress.describe());
        assertTrue(Progress.of(List.of(5000L, 4800L), 4724).reached());
        assertEquals(2.0, SampleSizePlanner.designEffect(0.4, 0.1, 2), 1e-15);
    }

    @Test
    void impossibleInputsAreRejectedOrReportedAsUnreachable() {
        assertThrows(IllegalArgumentException.class, () -> PLANNER.proportions(0.99, 0.02, false));
        assertThrows(IllegalArgumentException.class, () -> PLANNER.withArms(1));
        assertTrue(PLANNER.proportionMde(0.5, 3).isEmpty(), "3 units per arm cannot detect anything at 80% power");
    }

    /** Issue 18: a paired eval set is planned on the SD of item differences, for far fewer items. */
    @Test
    void pairedDesignsArePlannedOnTheItemDifferences() {
        SampleSizePlanner paired = PLANNER.withPaired(true);
        // R 4.x: power.t.test(delta = 0.15, sd = 0.78, power = 0.8, type = "paired")$n = 214.1623757546
        assertClose(214.1623757546, paired.means(0.78, 0.15).exactPerArm(), 1e-3 / 214, "items");
        assertEquals(215, paired.means(0.78, 0.15).perArm());
        // three arms, α/2 per comparison: power.t.test(..., type = "paired", sig.level = 0.025)$n = 259.5351434527
        assertClose(259.5351434527, paired.withArms(3).means(0.78, 0.15).exactPerArm(), 1e-3 / 259, "items, 3 arms");
        // power.t.test(n = 100, delta = 0.15, sd = 0.78, type = "paired")$power = 0.4778481546
        assertClose(0.4778481546, paired.meanPower(0.15, 0.78, 100), 1e-9, "power");
    }
}
